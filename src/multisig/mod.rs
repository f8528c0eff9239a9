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
//!   L  = SHA-256(DST_C ‖ I2OSP(n, 8) ‖ P₁ ‖ … ‖ Pₙ)       (the key list, hashed once)
//!   aᵢ = OS2IP(expand_message_xmd(Pᵢ ‖ L, DST_C, 48)) mod r
//!   P  = Σ aᵢ·Pᵢ
//! ```
//!
//! over compressed keys in canonical order, with
//! `DST_C = BLSIG-MSP-V02-BLS12381G<d>_XMD:SHA-256_COEFFICIENT_`, where `<d>` is the digit
//! of the signature group (2 for min-pk, 1 for min-sig). This is BDN18's
//! aᵢ = H₁(Pᵢ, {P₁, …, Pₙ}) with the set replaced by its SHA-256 digest, which is sound
//! while SHA-256 is collision resistant; it makes building or decoding a group linear in n
//! (48·n bytes hashed once, then 80 bytes per member) where hashing the whole list per
//! member was 48·n² bytes.
//!
//! # MSP: n-of-n
//! Member i signs Sᵢ = skᵢ·H₀(m); the combiner outputs S = Σ aᵢ·Sᵢ; anyone checks
//! e(G, S) = e(P, H₀(m)) with one multi-pairing. H₀ is RFC 9380 `hash_to_curve` into the
//! signature group with DST `BLSIG-MSP-V02-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MSG_`.
//!
//! *Why rogue keys fail:* an attacker who publishes P₂ = x·G − P₁ after seeing P₁ would,
//! with plain summation, own the "group key" P₁ + P₂ = x·G. With coefficients the group key
//! is a₁P₁ + a₂P₂ where a₁, a₂ depend on P₂ itself through H₁, so the attacker cannot steer
//! it to a key it knows (BDN18, Theorem 1: MSP is unforgeable in the plain public-key
//! model, random oracles, co-CDH; `tests/multisig.rs` runs the attack). [`GroupKey`]
//! therefore takes plain [`crate::PublicKey`]s.
//!
//! # ASM: m-of-n with membership keys
//! The group's identity is [`AsmGroupId`] = `I2OSP(m, 4) ‖ P`: the threshold and the
//! aggregated key (which binds every member key and n). With H₂(id, i) and H₀(id, msg) two
//! hashes into the signature group — `hash_to_curve` of `id ‖ I2OSP(i, 8)` with DST
//! `BLSIG-ASM-V02-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MEMBER_` and of `id ‖ msg` with DST
//! `BLSIG-ASM-V02-BLS12381G<d>_XMD:SHA-256_SSWU_RO_MSG_`:
//!
//! 1. **Setup, no dealer.** Member j sends member i the contribution
//!    μᵢⱼ = aⱼ·skⱼ·H₂(id, i). Member i sums MKᵢ = Σⱼ μᵢⱼ = (Σⱼ aⱼ·skⱼ)·H₂(id, i) and checks
//!    e(G, MKᵢ) = e(P, H₂(id, i)). A contribution can be checked alone,
//!    e(G, μᵢⱼ) = e(aⱼ·Pⱼ, H₂(id, i)), which names a member who sent a bad one.
//! 2. **Sign.** Sᵢ = skᵢ·H₀(id, m) + MKᵢ.
//! 3. **Combine.** For a signing set S: S' = Σ_{i∈S} Sᵢ, with a bitmap of S.
//! 4. **Verify.** |S| ≥ m and
//!    e(G, S') = e(P', H₀(id, m)) · e(P, Σ_{i∈S} H₂(id, i)) where P' = Σ_{i∈S} Pᵢ:
//!    one multi-Miller loop, one final exponentiation. The bitmap says who signed.
//!
//! *Security.* BDN18 §5 proves ASM unforgeable — no set of signers can produce a
//! signature that names an honest member who did not sign — in the random-oracle model
//! under co-CDH, in a model where the setup messages μᵢⱼ reach only their recipient. Two
//! things in that model are not facts of a deployment, and this crate enforces both:
//!
//! - *Membership material is secret.* [`Contribution`] and [`MembershipKey`] are zeroized
//!   on drop, have no `Clone`, are redacted in `Debug` and export as `Zeroizing` bytes;
//!   contributions must travel over private, authenticated channels (one per pair of
//!   members).
//! - *Keys are not rogue.* P' = Σ_{i∈S} Pᵢ is a plain sum. If contributions to an honest
//!   member h ever leak (a logged channel, a compromised relay), a member whose key is
//!   x·G − P_h sums them into MK_h and signs for both itself and h with x. So
//!   [`AsmGroup::new`] takes [`crate::ProvenPublicKey`]s: a key x·G − P_h has no known
//!   secret and cannot prove possession. The requirement sits on [`AsmGroup`], not on
//!   [`GroupKey`], because MSP's security holds for plain keys (Theorem 1) and only ASM
//!   sums member keys without coefficients.
//! - *The verifier's trust.* What a verifier must know authentically is the identity
//!   (m, P); member keys and n are bound by P, and m is hashed into every H₂ and H₀, so a
//!   group re-encoded with another threshold has other membership keys — none of which
//!   exist. [`AsmGroup::from_bytes`] therefore takes the expected [`AsmGroupId`] and
//!   refuses a group that does not have it; there is no decoder without one.
//!
//! # Encodings
//! Integers are big-endian. Points are compressed (48 bytes in G1, 96 in G2).
//!
//! | value | bytes |
//! |---|---|
//! | [`GroupKey`] | `I2OSP(n, 4) ‖ P₁ ‖ … ‖ Pₙ`, keys in canonical order |
//! | [`AsmGroup`] | `I2OSP(m, 4) ‖ GroupKey` |
//! | [`AsmGroupId`] | `I2OSP(m, 4) ‖ P` |
//! | [`MspShare`], [`MemberSignature`], [`MembershipKey`] | `I2OSP(i, 8) ‖ point` |
//! | [`Contribution`] | `I2OSP(j, 8) ‖ I2OSP(i, 8) ‖ μᵢⱼ` (from j to i) |
//! | [`MspSignature`] | `S` |
//! | [`AsmSignature`] | `bitmap ‖ S'`; the bitmap has ⌈n/8⌉ bytes, member i is bit i mod 8 (least significant first) of byte ⌊i/8⌋, and padding bits are zero |
//!
//! Decoders check lengths, point encodings and subgroups, canonical order, index ranges
//! and padding, and return an [`crate::Error`] for each mistake; nothing panics. Work is
//! linear in n: decoding a group subgroup-checks n keys and hashes 48·n bytes, and an
//! [`AsmGroup`] also hashes n points to the curve (H₂); a group has at most 2³² − 1
//! members ([`crate::Error::GroupTooLarge`]).

mod asm;
mod group;
mod msp;
mod setup;

pub use asm::{AsmGroup, AsmGroupId, AsmSignature, MemberSignature};
pub use group::GroupKey;
pub use msp::{MspShare, MspSignature};
pub use setup::{Contribution, MembershipKey};

use alloc::vec::Vec;

use crate::curve::Curve;
use crate::dst::Dst;
use crate::error::{Error, Result};
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
            b"-V02-BLS12381G",
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

    /// The tag as a [`Dst`]: never empty, since every tag starts with `BLSIG-`.
    pub(crate) fn dst(&self) -> Dst<'_> {
        Dst::prefixed(b"BLSIG-", self.as_bytes())
    }
}

/// Reads `I2OSP(x, N)` from the front of `bytes`.
pub(crate) fn read_be<const N: usize>(bytes: &[u8]) -> Result<(u64, &[u8])> {
    if bytes.len() < N {
        return Err(Error::InvalidLength {
            expected: N,
            actual: bytes.len(),
        });
    }
    let (head, rest) = bytes.split_at(N);
    let value = head.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    Ok((value, rest))
}

/// Reads a member index `I2OSP(i, 8)`.
pub(crate) fn read_index(bytes: &[u8]) -> Result<(usize, &[u8])> {
    let (index, rest) = read_be::<8>(bytes)?;
    let index = usize::try_from(index).map_err(|_| Error::IndexOutOfRange)?;
    Ok((index, rest))
}

/// `I2OSP(i, 8) ‖ point`: the encoding of the indexed values (shares, member signatures,
/// membership keys). Allocated once at its final size, so that a secret value leaves no
/// copy behind in a reallocated buffer.
pub(crate) fn indexed_bytes<C: Curve>(index: usize, point: &crate::Affine<C>) -> Vec<u8> {
    use ::group::GroupEncoding;
    let mut out = Vec::with_capacity(8 + C::COMPRESSED_LEN);
    out.extend_from_slice(&(index as u64).to_be_bytes());
    out.extend_from_slice(point.to_bytes().as_ref());
    out
}

/// Decodes [`indexed_bytes`], with every point check.
pub(crate) fn indexed_from_bytes<C: Curve>(bytes: &[u8]) -> Result<(usize, crate::Affine<C>)> {
    let (index, rest) = read_index(bytes)?;
    Ok((index, crate::curve::decode_compressed::<C>(rest)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MinPk, MinSig};

    #[test]
    fn tags() {
        assert_eq!(
            Tag::new::<MinPk>(b"ASM", b"SSWU_RO_MEMBER_")
                .dst()
                .as_bytes(),
            b"BLSIG-ASM-V02-BLS12381G2_XMD:SHA-256_SSWU_RO_MEMBER_"
        );
        assert_eq!(
            Tag::new::<MinSig>(b"MSP", b"COEFFICIENT_").dst().as_bytes(),
            b"BLSIG-MSP-V02-BLS12381G1_XMD:SHA-256_COEFFICIENT_"
        );
    }
}
