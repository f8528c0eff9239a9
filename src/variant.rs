//! The two variants of the draft (§2.1): which group holds public keys and which holds
//! signatures.

use blsig_curve::{G1Affine, G1Projective, G2Affine, G2Projective};

use crate::curve::{Affine, Curve};

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::MinPk {}
    impl Sealed for super::MinSig {}
}

/// A BLS variant: [`MinPk`] or [`MinSig`]. Sealed.
pub trait Variant:
    sealed::Sealed + Copy + core::fmt::Debug + Default + PartialEq + Eq + Send + Sync + 'static
{
    /// The group of public keys.
    type Pk: Curve;
    /// The group of signatures and of hashed messages.
    type Sig: Curve;
    /// Human-readable name, `"min-pk"` or `"min-sig"`.
    const NAME: &'static str;

    /// Puts a (public-key-side, signature-side) pair in the argument order of the pairing
    /// e: G1 × G2 → Gt.
    fn pairing_args(
        pk_side: &Affine<Self::Pk>,
        sig_side: &Affine<Self::Sig>,
    ) -> (G1Affine, G2Affine);
}

/// Minimal-public-key-size: public keys in G1 (48 bytes), signatures in G2 (96 bytes).
/// The variant of Ethereum and most deployments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MinPk;

/// Minimal-signature-size: public keys in G2 (96 bytes), signatures in G1 (48 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MinSig;

impl Variant for MinPk {
    type Pk = G1Projective;
    type Sig = G2Projective;
    const NAME: &'static str = "min-pk";

    fn pairing_args(pk_side: &G1Affine, sig_side: &G2Affine) -> (G1Affine, G2Affine) {
        (*pk_side, *sig_side)
    }
}

impl Variant for MinSig {
    type Pk = G2Projective;
    type Sig = G1Projective;
    const NAME: &'static str = "min-sig";

    fn pairing_args(pk_side: &G2Affine, sig_side: &G1Affine) -> (G1Affine, G2Affine) {
        (*sig_side, *pk_side)
    }
}
