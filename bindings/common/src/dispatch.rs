//! Variants and suites as numbers, and the one place where a number picks the generic
//! core's type parameters.
//!
//! Why numbers and not function families: the core is one generic implementation, and a
//! binding with `minpk_sign` / `minsig_sign` / … would be six copies of every entry point.
//! A value carries its suite, creating functions take a variant or suite number, and
//! [`by_variant`] / [`by_suite`] turn that number into `<V>` or `<V, S>` once.

use blsig_core::{Aug, Basic, MinPk, MinSig, Pop, Scheme, Variant};

/// Minimal-public-key-size variant (keys in G1; Ethereum's).
pub const VARIANT_MIN_PK: u32 = 0;
/// Minimal-signature-size variant (keys in G2).
pub const VARIANT_MIN_SIG: u32 = 1;

/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_`.
pub const SUITE_MIN_PK_BASIC: u32 = 0;
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_`.
pub const SUITE_MIN_PK_AUG: u32 = 1;
/// `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_` (Ethereum's).
pub const SUITE_MIN_PK_POP: u32 = 2;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`.
pub const SUITE_MIN_SIG_BASIC: u32 = 3;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_`.
pub const SUITE_MIN_SIG_AUG: u32 = 4;
/// `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_`.
pub const SUITE_MIN_SIG_POP: u32 = 5;

/// A number that is not one of the suite or variant constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidSuite;

/// An operation generic over the variant.
pub trait VariantOp {
    /// What the operation returns.
    type Out;
    /// Runs the operation for variant `V`.
    fn run<V: Variant>(self) -> Self::Out;
}

/// An operation generic over the suite.
pub trait SuiteOp {
    /// What the operation returns.
    type Out;
    /// Runs the operation for variant `V` and scheme `S`.
    fn run<V: Variant, S: Scheme>(self) -> Self::Out;
}

/// Runs `op` for the variant numbered `variant`.
///
/// # Errors
/// [`InvalidSuite`] for a number that is not a variant's.
pub fn by_variant<O: VariantOp>(variant: u32, op: O) -> Result<O::Out, InvalidSuite> {
    match variant {
        VARIANT_MIN_PK => Ok(op.run::<MinPk>()),
        VARIANT_MIN_SIG => Ok(op.run::<MinSig>()),
        _ => Err(InvalidSuite),
    }
}

/// Runs `op` for the suite numbered `suite`.
///
/// # Errors
/// [`InvalidSuite`] for a number that is not a suite's.
pub fn by_suite<O: SuiteOp>(suite: u32, op: O) -> Result<O::Out, InvalidSuite> {
    match suite {
        SUITE_MIN_PK_BASIC => Ok(op.run::<MinPk, Basic>()),
        SUITE_MIN_PK_AUG => Ok(op.run::<MinPk, Aug>()),
        SUITE_MIN_PK_POP => Ok(op.run::<MinPk, Pop>()),
        SUITE_MIN_SIG_BASIC => Ok(op.run::<MinSig, Basic>()),
        SUITE_MIN_SIG_AUG => Ok(op.run::<MinSig, Aug>()),
        SUITE_MIN_SIG_POP => Ok(op.run::<MinSig, Pop>()),
        _ => Err(InvalidSuite),
    }
}

/// The variant of a suite.
///
/// # Errors
/// [`InvalidSuite`] for a number that is not a suite's.
pub fn variant_of(suite: u32) -> Result<u32, InvalidSuite> {
    match suite {
        SUITE_MIN_PK_BASIC..=SUITE_MIN_PK_POP => Ok(VARIANT_MIN_PK),
        SUITE_MIN_SIG_BASIC..=SUITE_MIN_SIG_POP => Ok(VARIANT_MIN_SIG),
        _ => Err(InvalidSuite),
    }
}

/// The number of variant `V`.
pub fn variant_number<V: Variant>() -> u32 {
    if V::NAME == MinPk::NAME {
        VARIANT_MIN_PK
    } else {
        VARIANT_MIN_SIG
    }
}

/// The number of suite (`V`, `S`).
pub fn suite_number<V: Variant, S: Scheme>() -> u32 {
    let first = if variant_number::<V>() == VARIANT_MIN_PK {
        SUITE_MIN_PK_BASIC
    } else {
        SUITE_MIN_SIG_BASIC
    };
    let scheme = if S::TAG == Basic::TAG {
        0
    } else if S::TAG == Aug::TAG {
        1
    } else {
        2
    };
    first + scheme
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Number;
    impl SuiteOp for Number {
        type Out = u32;
        fn run<V: Variant, S: Scheme>(self) -> u32 {
            suite_number::<V, S>()
        }
    }
    struct VNumber;
    impl VariantOp for VNumber {
        type Out = u32;
        fn run<V: Variant>(self) -> u32 {
            variant_number::<V>()
        }
    }

    #[test]
    fn numbers_round_trip() {
        for suite in 0..6 {
            assert_eq!(by_suite(suite, Number), Ok(suite));
            let variant = variant_of(suite);
            assert_eq!(variant, Ok(suite / 3));
            assert_eq!(by_variant(suite / 3, VNumber), Ok(suite / 3));
        }
        assert_eq!(by_suite(6, Number), Err(InvalidSuite));
        assert_eq!(by_suite(u32::MAX, Number), Err(InvalidSuite));
        assert_eq!(by_variant(2, VNumber), Err(InvalidSuite));
        assert_eq!(variant_of(6), Err(InvalidSuite));
    }
}
