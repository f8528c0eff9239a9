//! The three schemes of the draft (§3): Basic, Message Augmentation and Proof of
//! Possession, and the ciphersuite IDs they imply.

use crate::curve::Curve;
use crate::variant::Variant;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Basic {}
    impl Sealed for super::Aug {}
    impl Sealed for super::Pop {}
}

/// A BLS scheme: [`Basic`], [`Aug`] or [`Pop`]. Sealed.
///
/// The scheme fixes the ciphersuite tag and the rogue-key defence; see
/// [`crate::notes::rogue_keys`].
pub trait Scheme:
    sealed::Sealed + Copy + core::fmt::Debug + Default + PartialEq + Eq + Send + Sync + 'static
{
    /// The three-letter scheme tag of the ciphersuite ID: `NUL`, `AUG` or `POP`.
    const TAG: [u8; 3];
    /// Whether the signer's public key is prepended to every message (§3.2).
    const AUGMENTS_MESSAGE: bool;
    /// Whether AggregateVerify must reject repeated messages (§3.1.1).
    const REQUIRES_DISTINCT_MESSAGES: bool;
}

/// Basic scheme (§3.1, tag `NUL`): rogue keys are prevented by requiring that aggregated
/// messages be distinct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Basic;

/// Message-augmentation scheme (§3.2, tag `AUG`): each signer signs `PK ‖ message`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Aug;

/// Proof-of-possession scheme (§3.3, tag `POP`): keys prove knowledge of their secret once,
/// which enables FastAggregateVerify over one message. Ethereum uses it with [`crate::MinPk`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pop;

impl Scheme for Basic {
    const TAG: [u8; 3] = *b"NUL";
    const AUGMENTS_MESSAGE: bool = false;
    const REQUIRES_DISTINCT_MESSAGES: bool = true;
}

impl Scheme for Aug {
    const TAG: [u8; 3] = *b"AUG";
    const AUGMENTS_MESSAGE: bool = true;
    const REQUIRES_DISTINCT_MESSAGES: bool = false;
}

impl Scheme for Pop {
    const TAG: [u8; 3] = *b"POP";
    const AUGMENTS_MESSAGE: bool = false;
    const REQUIRES_DISTINCT_MESSAGES: bool = false;
}

/// Length of every ciphersuite ID of the draft.
pub const SUITE_ID_LEN: usize = 43;

/// Builds `<prefix>BLS12381G<digit>_XMD:SHA-256_SSWU_RO_<tag>_` (draft §4.2).
const fn suite_id(prefix: &[u8; 8], digit: u8, tag: [u8; 3]) -> [u8; SUITE_ID_LEN] {
    const CURVE: &[u8; 9] = b"BLS12381G";
    const H2C: &[u8; 21] = b"_XMD:SHA-256_SSWU_RO_";
    let mut out = [0u8; SUITE_ID_LEN];
    let mut i = 0;
    while i < 8 {
        out[i] = prefix[i];
        i += 1;
    }
    let mut j = 0;
    while j < 9 {
        out[8 + j] = CURVE[j];
        j += 1;
    }
    out[17] = digit;
    let mut k = 0;
    while k < 21 {
        out[18 + k] = H2C[k];
        k += 1;
    }
    out[39] = tag[0];
    out[40] = tag[1];
    out[41] = tag[2];
    out[42] = b'_';
    out
}

/// The ciphersuite ID (signature DST) of variant `V` with scheme `S`, e.g.
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_` for [`crate::MinPk`] with [`Pop`].
pub const fn ciphersuite_id<V: Variant, S: Scheme>() -> [u8; SUITE_ID_LEN] {
    suite_id(b"BLS_SIG_", <V::Sig as Curve>::DIGIT, S::TAG)
}

/// The proof-of-possession DST of variant `V` (§4.2.3), e.g.
/// `BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_`.
pub const fn pop_id<V: Variant>() -> [u8; SUITE_ID_LEN] {
    suite_id(b"BLS_POP_", <V::Sig as Curve>::DIGIT, *b"POP")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MinPk, MinSig};

    #[test]
    fn ids_match_the_draft() {
        assert_eq!(
            &ciphersuite_id::<MinPk, Basic>(),
            b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_"
        );
        assert_eq!(
            &ciphersuite_id::<MinSig, Aug>(),
            b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_"
        );
        assert_eq!(
            &ciphersuite_id::<MinPk, Pop>(),
            b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"
        );
        assert_eq!(
            &pop_id::<MinSig>(),
            b"BLS_POP_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_"
        );
    }
}
