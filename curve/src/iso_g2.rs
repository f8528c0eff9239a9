//! G2's map to the curve: the simplified SWU map (`sswu.rs`) onto the 3-isogenous curve
//! E': y² = x³ + A'x + B' over Fp2 with A' = 240·u, B' = 1012·(1 + u) and Z = −(2 + u)
//! (RFC 9380 §8.8.2), then the 3-isogeny to E (§E.3). The RFC's vectors and a comparison
//! with `bls12_381` over random messages check the constants.

use subtle::Choice;

use crate::fp::Fp;
use crate::fp2::{Fp2, NonSquare};
use crate::g2::{G2Params, G2Projective};
use crate::sswu::SswuParams;

include!("iso_g2_constants.rs");

/// Z with √(−N(Z)) = √(−5) for `sqrt_ratio`.
const Z_NON_SQUARE: NonSquare = NonSquare::new(G2Sswu::Z);

/// G2's map: SSWU onto E' with Z = −(2 + u), then the 3-isogeny.
pub(crate) struct G2Sswu;

impl SswuParams for G2Sswu {
    type Curve = G2Params;
    const A: Fp2 = Fp2::new(Fp::ZERO, Fp::from_u64(240));
    const B: Fp2 = Fp2::new(Fp::from_u64(1012), Fp::from_u64(1012));
    const Z: Fp2 = Fp2::new(Fp::from_u64(2), Fp::ONE).neg();
    const ISOGENY: [&'static [Fp2]; 4] = [&X_NUM, &X_DEN, &Y_NUM, &Y_DEN];

    /// RFC 9380 `sqrt_ratio` in two Fp exponentiations and no inversion
    /// ([`Fp2::sqrt_ratio_with`]; the RFC's generic §F.2.1.1 needs one exponentiation by
    /// a 758-bit exponent in Fp2, slower here). Constant time.
    fn sqrt_ratio(u: &Fp2, v: &Fp2) -> (Choice, Fp2) {
        Fp2::sqrt_ratio_with(u, v, &Z_NON_SQUARE)
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
    use subtle::ConditionallySelectable;

    #[test]
    fn constants() {
        crate::sswu::tests::check::<G2Sswu>(|x| bool::from(x.is_square()));
        let n = G2Sswu::Z.norm();
        assert_eq!(n, Fp::from_u64(5));
        assert_eq!(Z_NON_SQUARE.sqrt_minus_norm.square(), n.neg());
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
