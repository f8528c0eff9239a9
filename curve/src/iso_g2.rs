//! G2's map to the curve: the simplified SWU map (`sswu.rs`) onto the 3-isogenous curve
//! E': y² = x³ + A'x + B' over Fp2 with A' = 240·u, B' = 1012·(1 + u) and Z = −(2 + u)
//! (RFC 9380 §8.8.2), then the 3-isogeny to E (§E.3). The RFC's vectors and a comparison
//! with `bls12_381` over random messages check the constants.

use subtle::{Choice, ConditionallySelectable};

use crate::fp::Fp;
use crate::fp2::Fp2;
use crate::g2::{G2Params, G2Projective};
use crate::sswu::SswuParams;

include!("iso_g2_constants.rs");

/// G2's map: SSWU onto E' with Z = −(2 + u), then the 3-isogeny.
pub(crate) struct G2Sswu;

impl SswuParams for G2Sswu {
    type Curve = G2Params;
    const A: Fp2 = Fp2::new(Fp::ZERO, Fp::from_u64(240));
    const B: Fp2 = Fp2::new(Fp::from_u64(1012), Fp::from_u64(1012));
    const Z: Fp2 = Fp2::new(Fp::from_u64(2), Fp::ONE).neg();
    const ISOGENY: [&'static [Fp2]; 4] = [&X_NUM, &X_DEN, &Y_NUM, &Y_DEN];

    /// `sqrt_ratio` by the field's own tools: w = u·v is a square iff its norm is (one Fp
    /// exponentiation); the square root of w or of Z·w (whichever is the square) divided by
    /// v. Constant time. (RFC 9380 §F.2.1.1's generic algorithm needs one exponentiation by
    /// a 758-bit exponent in Fp2, which is slower here than two Fp exponentiations and an
    /// inversion.)
    fn sqrt_ratio(u: &Fp2, v: &Fp2) -> (Choice, Fp2) {
        let w = u.mul(v);
        let is_qr = w.is_square();
        let target = Fp2::conditional_select(&Self::Z.mul(&w), &w, is_qr);
        let root = target.sqrt().unwrap_or(Fp2::ZERO);
        let y = root.mul(&v.invert().unwrap_or(Fp2::ZERO));
        (is_qr, y)
    }

    fn sgn0(x: &Fp2) -> Choice {
        x.sgn0()
    }
}

/// map_to_curve for G2.
pub(crate) fn map_to_curve(u: &Fp2) -> G2Projective {
    crate::sswu::map_to_curve::<G2Sswu>(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants() {
        crate::sswu::tests::check::<G2Sswu>(|x| bool::from(x.is_square()));
        // sqrt_ratio's contract on a few inputs: y²·v is u or Z·u.
        let mut u = Fp2::new(Fp::from_u64(3), Fp::from_u64(5));
        let v = Fp2::new(Fp::from_u64(7), Fp::from_u64(11));
        for _ in 0..10 {
            u = u.square().add(&Fp2::ONE);
            let (qr, y) = G2Sswu::sqrt_ratio(&u, &v);
            let lhs = y.square().mul(&v);
            let expected = Fp2::conditional_select(&G2Sswu::Z.mul(&u), &u, qr);
            assert_eq!(lhs, expected);
        }
    }
}
