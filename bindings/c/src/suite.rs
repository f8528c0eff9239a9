//! Variants and suites as C integers, and the one place where a number picks the generic
//! core's type parameters.
//!
//! Why an argument and not function families: the core is one generic implementation, and
//! `blsig_minpk_sign` / `blsig_minsig_sign` / … would be six copies of every entry point,
//! stamped out by macros or by hand. Here a value carries its suite, creating functions take
//! a `blsig_variant` or `blsig_suite` number, and [`by_variant`] / [`by_suite`] turn that
//! number into `<V>` or `<V, S>` once.

use crate::result::blsig_result;

/// A BLS variant: `BLSIG_VARIANT_MIN_PK` (keys in G1, 48 bytes; signatures in G2, 96
/// bytes) or `BLSIG_VARIANT_MIN_SIG` (keys in G2, 96 bytes; signatures in G1, 48 bytes).
#[allow(non_camel_case_types)]
pub type blsig_variant = u32;
/// Minimal-public-key-size variant (Ethereum's).
pub const BLSIG_VARIANT_MIN_PK: blsig_variant = 0;
/// Minimal-signature-size variant.
pub const BLSIG_VARIANT_MIN_SIG: blsig_variant = 1;

/// A ciphersuite: a variant and a scheme (Basic `NUL`, message augmentation `AUG`, proof of
/// possession `POP`). The ciphersuite ID follows from it; there is no DST argument.
#[allow(non_camel_case_types)]
pub type blsig_suite = u32;
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_`.
pub const BLSIG_SUITE_MIN_PK_BASIC: blsig_suite = 0;
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_`.
pub const BLSIG_SUITE_MIN_PK_AUG: blsig_suite = 1;
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_` (Ethereum's).
pub const BLSIG_SUITE_MIN_PK_POP: blsig_suite = 2;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`.
pub const BLSIG_SUITE_MIN_SIG_BASIC: blsig_suite = 3;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_`.
pub const BLSIG_SUITE_MIN_SIG_AUG: blsig_suite = 4;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_`.
pub const BLSIG_SUITE_MIN_SIG_POP: blsig_suite = 5;

/// Compressed public-key length of min-pk.
pub const BLSIG_MIN_PK_PUBLIC_KEY_LEN: usize = 48;
/// Compressed signature (and proof) length of min-pk.
pub const BLSIG_MIN_PK_SIGNATURE_LEN: usize = 96;
/// Compressed public-key length of min-sig.
pub const BLSIG_MIN_SIG_PUBLIC_KEY_LEN: usize = 96;
/// Compressed signature (and proof) length of min-sig.
pub const BLSIG_MIN_SIG_SIGNATURE_LEN: usize = 48;
/// Secret-key length (big-endian), both variants.
pub const BLSIG_SECRET_KEY_LEN: usize = 32;

pub(crate) use blsig_bindings::{SuiteOp, VariantOp, by_suite, by_variant, variant_of};

impl From<blsig_bindings::InvalidSuite> for blsig_result {
    fn from(_: blsig_bindings::InvalidSuite) -> Self {
        blsig_result::BLSIG_INVALID_SUITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_the_shared_ones() {
        assert_eq!(BLSIG_VARIANT_MIN_PK, blsig_bindings::VARIANT_MIN_PK);
        assert_eq!(BLSIG_VARIANT_MIN_SIG, blsig_bindings::VARIANT_MIN_SIG);
        let ours = [
            BLSIG_SUITE_MIN_PK_BASIC,
            BLSIG_SUITE_MIN_PK_AUG,
            BLSIG_SUITE_MIN_PK_POP,
            BLSIG_SUITE_MIN_SIG_BASIC,
            BLSIG_SUITE_MIN_SIG_AUG,
            BLSIG_SUITE_MIN_SIG_POP,
        ];
        let shared = [
            blsig_bindings::SUITE_MIN_PK_BASIC,
            blsig_bindings::SUITE_MIN_PK_AUG,
            blsig_bindings::SUITE_MIN_PK_POP,
            blsig_bindings::SUITE_MIN_SIG_BASIC,
            blsig_bindings::SUITE_MIN_SIG_AUG,
            blsig_bindings::SUITE_MIN_SIG_POP,
        ];
        assert_eq!(ours, shared);
    }
}
