//! G1's map to the curve: the simplified SWU map (`sswu.rs`) onto the 11-isogenous curve
//! E': y² = x³ + A'x + B', then the 11-isogeny to E (RFC 9380 §E.2).
//!
//! The constants are RFC 9380's (§8.8.1: Z = 11; §E.2: A', B' and the k_(i,j)); the RFC's
//! test vectors (`../shared/vectors/h2c`) and a comparison with `bls12_381` over random
//! messages check them.

use subtle::{ConditionallySelectable, ConstantTimeEq};

use crate::fp::Fp;
use crate::g1::{G1Params, G1Projective};
use crate::sswu::SswuParams;

/// Z = 11, SSWU's non-square.
const Z: Fp = Fp::from_u64(11);
/// √(−Z), for the non-square branch of `sqrt_ratio` (its square is checked by a test).
const SQRT_MINUS_Z: Fp = Fp::from_u64(11).neg().pow_const(&Fp::P_PLUS_1_DIV_4);

include!("iso_g1_constants.rs");

/// G1's map: SSWU onto E' with Z = 11, then the 11-isogeny.
pub(crate) struct G1Sswu;

impl SswuParams for G1Sswu {
    type Curve = G1Params;
    const A: Fp = A;
    const B: Fp = B;
    const Z: Fp = Z;
    const ISOGENY: [&'static [Fp]; 4] = [&X_NUM, &X_DEN, &Y_NUM, &Y_DEN];

    /// RFC 9380 `sqrt_ratio` for q ≡ 3 (mod 4) (§F.2.1.2): one exponentiation.
    fn sqrt_ratio(u: &Fp, v: &Fp) -> (subtle::Choice, Fp) {
        let tv2 = u.mul(v);
        let tv1 = v.square().mul(&tv2);
        let y1 = tv1.pow_vartime(&Fp::P_MINUS_3_DIV_4).mul(&tv2);
        let y2 = y1.mul(&SQRT_MINUS_Z);
        let is_qr = y1.square().mul(v).ct_eq(u);
        (is_qr, Fp::conditional_select(&y2, &y1, is_qr))
    }

    fn sgn0(x: &Fp) -> subtle::Choice {
        x.sgn0()
    }
}

/// map_to_curve for G1.
pub(crate) fn map_to_curve(u: &Fp) -> G1Projective {
    crate::sswu::map_to_curve::<G1Sswu>(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants() {
        assert_eq!(SQRT_MINUS_Z.square(), Z.neg());
        crate::sswu::tests::check::<G1Sswu>(|x| bool::from(x.sqrt().is_some()));
    }
}
