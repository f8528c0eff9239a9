//! The `pairing` 0.24 traits: [`Bls12`] as an [`Engine`](pairing::Engine) and a
//! [`MultiMillerLoop`](pairing::MultiMillerLoop), and both affine point types as
//! [`PairingCurveAffine`](pairing::PairingCurveAffine).

use crate::g1::{G1Affine, G1Projective};
use crate::g2::{G2Affine, G2Projective};
use crate::gt::Gt;
use crate::pairing::{G2Prepared, MillerLoopResult, multi_miller_loop, pairing};
use crate::scalar::Scalar;

/// BLS12-381 as a pairing engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct Bls12;

impl pairing::Engine for Bls12 {
    type Fr = Scalar;
    type G1 = G1Projective;
    type G1Affine = G1Affine;
    type G2 = G2Projective;
    type G2Affine = G2Affine;
    type Gt = Gt;

    fn pairing(p: &G1Affine, q: &G2Affine) -> Gt {
        pairing(p, q)
    }
}

impl pairing::MultiMillerLoop for Bls12 {
    type G2Prepared = G2Prepared;
    type Result = MillerLoopResult;

    fn multi_miller_loop(terms: &[(&G1Affine, &G2Prepared)]) -> MillerLoopResult {
        multi_miller_loop(terms)
    }
}

impl pairing::MillerLoopResult for MillerLoopResult {
    type Gt = Gt;

    fn final_exponentiation(&self) -> Gt {
        MillerLoopResult::final_exponentiation(self)
    }
}

impl pairing::PairingCurveAffine for G1Affine {
    type Pair = G2Affine;
    type PairingResult = Gt;

    fn pairing_with(&self, other: &G2Affine) -> Gt {
        pairing(self, other)
    }
}

impl pairing::PairingCurveAffine for G2Affine {
    type Pair = G1Affine;
    type PairingResult = Gt;

    fn pairing_with(&self, other: &G1Affine) -> Gt {
        pairing(other, self)
    }
}
