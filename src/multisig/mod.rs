//! Multisignatures with rogue-key-resistant key aggregation (Boneh–Drijvers–Neven).
//!
//! Two schemes from D. Boneh, M. Drijvers, G. Neven, *Compact Multi-Signatures for Smaller
//! Blockchains*, ASIACRYPT 2018 (ePrint 2018/483):
//!
//! - **MSP (n-of-n)**, [`GroupKey`]: every member signs; the group key and signature are
//!   single points; no proofs of possession are needed.
//! - **ASM (accountable subgroup, m-of-n)**, [`AsmGroup`]: after a dealer-free setup in
//!   which every member obtains a *membership key*, any subset of at least m members signs;
//!   the verifier learns exactly who signed.
//!
//! Both are generic over the variant ([`crate::MinPk`], [`crate::MinSig`]) like the rest of
//! the crate. Notation: G generates the public-key group, skᵢ is member i's secret, Pᵢ =
//! skᵢ·G its public key.
//!
//! # Group key (both schemes)
//! The members' keys are put in a canonical order — ascending by compressed encoding — and
//! member i is the i-th key in that order (0-based). Duplicates are rejected. Then
//!
//! ```text
//!   aᵢ = H₁(Pᵢ, {P₁, …, Pₙ})        P = Σ aᵢ·Pᵢ
//! ```
//!
//! with H₁ a hash to the scalar field: 48 bytes of RFC 9380 `expand_message_xmd`
//! (SHA-256) over `Pᵢ ‖ I2OSP(n, 8) ‖ P₁ ‖ … ‖ Pₙ` (compressed keys, canonical order),
//! read big-endian and reduced mod r, with DST
//! `BLSIG-MSP-V01-BLS12381G<d>_XMD:SHA-256_COEFFICIENT_`, where `<d>` is the digit of the
//! signature group (2 for min-pk, 1 for min-sig).
//!
//! # MSP: n-of-n
//! Member i signs Sᵢ = skᵢ·H₀(m); the combiner outputs S = Σ aᵢ·Sᵢ; anyone checks
//! e(G, S) = e(P, H₀(m)) with one multi-pairing. H₀ is RFC 9380 `hash_to_curve` into the
//! signature group with DST `BLSIG-MSP-V01-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MSG_`.
//!
//! *Why rogue keys fail:* an attacker who publishes P₂ = x·G − P₁ after seeing P₁ would,
//! with plain summation, own the "group key" P₁ + P₂ = x·G. With coefficients the group key
//! is a₁P₁ + a₂P₂ where a₁, a₂ depend on P₂ itself through H₁, so the attacker cannot steer
//! it to a key it knows (BDN18, Theorem 1: MSP is unforgeable in the random-oracle model
//! under the co-CDH assumption; `tests/multisig.rs` runs the attack).
//!
//! # ASM: m-of-n with membership keys
//! With H₂(P, i) and H₀(P, m) two hashes into the signature group bound to the group key —
//! `hash_to_curve` of `P ‖ I2OSP(i, 8)` with DST
//! `BLSIG-ASM-V01-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MEMBER_` and of `P ‖ m` with DST
//! `BLSIG-ASM-V01-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MSG_`:
//!
//! 1. **Setup, no dealer.** Member j sends member i the contribution
//!    μᵢⱼ = aⱼ·skⱼ·H₂(P, i). Member i sums MKᵢ = Σⱼ μᵢⱼ = (Σⱼ aⱼ·skⱼ)·H₂(P, i) and checks
//!    e(G, MKᵢ) = e(P, H₂(P, i)). A contribution can be checked alone,
//!    e(G, μᵢⱼ) = e(aⱼ·Pⱼ, H₂(P, i)), which names a member who sent a bad one.
//! 2. **Sign.** Sᵢ = skᵢ·H₀(P, m) + MKᵢ.
//! 3. **Combine.** For a signing set S: S' = Σ_{i∈S} Sᵢ, with a bitmap of S.
//! 4. **Verify.** |S| ≥ m and
//!    e(G, S') = e(P', H₀(P, m)) · e(P, Σ_{i∈S} H₂(P, i)) where P' = Σ_{i∈S} Pᵢ:
//!    one multi-Miller loop, one final exponentiation. The bitmap says who signed.
//!
//! *Security:* BDN18 §5 (ASM) proves unforgeability — no set of signers can produce a
//! signature that names an honest member who did not sign — in the random-oracle model
//! under co-CDH, given the membership keys of the setup above. Membership keys are
//! secret: [`MembershipKey`] is zeroized on drop and redacted in `Debug`.
//!
//! # Encodings
//! Integers are big-endian. Points are compressed (48 bytes in G1, 96 in G2).
//!
//! | value | bytes |
//! |---|---|
//! | [`GroupKey`] | `I2OSP(n, 4) ‖ P₁ ‖ … ‖ Pₙ`, keys in canonical order |
//! | [`AsmGroup`] | `I2OSP(m, 4) ‖ GroupKey` |
//! | [`MspShare`], [`MemberSignature`], [`MembershipKey`] | `I2OSP(i, 8) ‖ point` |
//! | [`Contribution`] | `I2OSP(j, 8) ‖ I2OSP(i, 8) ‖ μᵢⱼ` (from j to i) |
//! | [`MspSignature`] | `S` |
//! | [`AsmSignature`] | `bitmap ‖ S'`; the bitmap has ⌈n/8⌉ bytes, member i is bit i mod 8 (least significant first) of byte ⌊i/8⌋, and padding bits are zero |
//!
//! Decoders check lengths, point encodings and subgroups, canonical order, index ranges
//! and padding, and return an [`crate::Error`] for each mistake; nothing panics.

mod asm;
mod group;
mod msp;

pub use asm::{AsmGroup, AsmSignature, Contribution, MemberSignature, MembershipKey};
pub use group::GroupKey;
pub use msp::{MspShare, MspSignature};

use crate::curve::Curve;
use crate::variant::Variant;

/// A domain separation tag `BLSIG-<scheme>-V01-BLS12381G<d>_XMD:SHA-256_<rest>`.
pub(crate) struct Tag {
    buf: [u8; 80],
    len: usize,
}

impl Tag {
    pub(crate) fn new<V: Variant>(scheme: &[u8], rest: &[u8]) -> Self {
        let mut tag = Tag {
            buf: [0; 80],
            len: 0,
        };
        for part in [
            b"BLSIG-".as_slice(),
            scheme,
            b"-V01-BLS12381G",
            &[<V::Sig as Curve>::DIGIT],
            b"_XMD:SHA-256_",
            rest,
        ] {
            let end = (tag.len + part.len()).min(tag.buf.len());
            if let Some(slot) = tag.buf.get_mut(tag.len..end) {
                slot.copy_from_slice(part.get(..end - tag.len).unwrap_or_default());
            }
            tag.len = end;
        }
        tag
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

/// Reads `I2OSP(x, N)` from the front of `bytes`.
pub(crate) fn read_be<const N: usize>(bytes: &[u8]) -> crate::Result<(u64, &[u8])> {
    if bytes.len() < N {
        return Err(crate::Error::InvalidLength {
            expected: N,
            actual: bytes.len(),
        });
    }
    let (head, rest) = bytes.split_at(N);
    let value = head.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    Ok((value, rest))
}

/// `I2OSP(i, 8) ‖ point`: the encoding of the indexed values (shares, member signatures,
/// membership keys).
pub(crate) fn indexed_bytes<C: Curve>(
    index: usize,
    point: &crate::Affine<C>,
) -> alloc::vec::Vec<u8> {
    use ::group::GroupEncoding;
    let mut out = (index as u64).to_be_bytes().to_vec();
    out.extend_from_slice(point.to_bytes().as_ref());
    out
}

/// Decodes [`indexed_bytes`], with every point check.
pub(crate) fn indexed_from_bytes<C: Curve>(
    bytes: &[u8],
) -> crate::Result<(usize, crate::Affine<C>)> {
    let (index, rest) = read_be::<8>(bytes)?;
    let index = usize::try_from(index).map_err(|_| crate::Error::IndexOutOfRange)?;
    Ok((index, crate::curve::decode_compressed::<C>(rest)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MinPk, MinSig};

    #[test]
    fn tags() {
        assert_eq!(
            Tag::new::<MinPk>(b"ASM", b"SSWU_RO_MEMBER_").as_bytes(),
            b"BLSIG-ASM-V01-BLS12381G2_XMD:SHA-256_SSWU_RO_MEMBER_"
        );
        assert_eq!(
            Tag::new::<MinSig>(b"MSP", b"COEFFICIENT_").as_bytes(),
            b"BLSIG-MSP-V01-BLS12381G1_XMD:SHA-256_COEFFICIENT_"
        );
    }
}
