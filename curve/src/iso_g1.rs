//! G1's map to the curve: the simplified SWU map (Wahby–Boneh, "Fast and simple constant-time
//! hashing to the BLS12-381 elliptic curve", TCHES 2019; RFC 9380 §6.6.2 and the straight-line
//! form of §F.2) onto the 11-isogenous curve E': y² = x³ + A'x + B', then the 11-isogeny to E
//! (RFC 9380 §E.2), kept in homogeneous coordinates so that neither step inverts.
//!
//! The constants are RFC 9380's (§8.8.1: Z = 11; §E.2: A', B' and the k_(i,j)); the RFC's
//! test vectors (`../shared/vectors/h2c`) and a comparison with `bls12_381` over random
//! messages check them.

use subtle::{ConditionallySelectable, ConstantTimeEq};

use crate::fp::Fp;
use crate::g1::G1Projective;
use crate::point::Projective;

/// Z = 11, SSWU's non-square.
const Z: Fp = Fp::from_u64(11);
/// √(−Z), for the non-square branch of `sqrt_ratio` (its square is checked by a test).
const SQRT_MINUS_Z: Fp = Fp::from_u64(11).neg().pow_const(&Fp::P_PLUS_1_DIV_4);

include!("iso_g1_constants.rs");

/// RFC 9380 `sqrt_ratio` for q ≡ 3 (mod 4) (§F.2.1.2) with this Z: (true, √(u/v)) if u/v
/// is a square, else (false, √(Z·u/v)).
fn sqrt_ratio(u: &Fp, v: &Fp) -> (subtle::Choice, Fp) {
    let tv2 = u.mul(v);
    let tv1 = v.square().mul(&tv2);
    let y1 = tv1.pow_vartime(&Fp::P_MINUS_3_DIV_4).mul(&tv2);
    let y2 = y1.mul(&SQRT_MINUS_Z);
    let is_qr = y1.square().mul(v).ct_eq(u);
    (is_qr, Fp::conditional_select(&y2, &y1, is_qr))
}

/// The simplified SWU map onto E' (RFC 9380 §F.2, steps 1–24), returning x as a fraction
/// (numerator, denominator) and y.
fn sswu(u: &Fp) -> (Fp, Fp, Fp) {
    let tv1 = Z.mul(&u.square());
    let tv2 = tv1.square().add(&tv1);
    let tv3 = B.mul(&tv2.add(&Fp::ONE));
    let tv4 = A.mul(&Fp::conditional_select(&Z, &tv2.neg(), !tv2.is_zero()));
    let tv6 = tv4.square();
    let tv2 = tv3.square().add(&A.mul(&tv6)).mul(&tv3);
    let tv6 = tv6.mul(&tv4);
    let tv2 = tv2.add(&B.mul(&tv6));
    let x = tv1.mul(&tv3);
    let (is_gx1_square, y1) = sqrt_ratio(&tv2, &tv6);
    let y = tv1.mul(u).mul(&y1);
    let x = Fp::conditional_select(&x, &tv3, is_gx1_square);
    let y = Fp::conditional_select(&y, &y1, is_gx1_square);
    let flip = !(u.sgn0().ct_eq(&y.sgn0()));
    let y = Fp::conditional_select(&y, &y.neg(), flip);
    (x, tv4, y)
}

/// Σ kᵢ·xⁱ for x = n/d, homogenised: Σ kᵢ·nⁱ·d^(deg − i) (Horner in n, with the powers of d).
fn homogeneous(k: &[Fp], n: &Fp, d_powers: &[Fp; 16]) -> Fp {
    let deg = k.len().saturating_sub(1);
    let mut acc = k.get(deg).copied().unwrap_or(Fp::ZERO);
    for (j, coeff) in k.iter().rev().skip(1).enumerate() {
        // After j + 1 steps the lower term carries d^(j + 1).
        acc = acc.mul(n).add(&coeff.mul(&d_powers[j + 1]));
    }
    acc
}

/// map_to_curve for G1: SSWU to E', then the 11-isogeny, in homogeneous coordinates.
/// For x' = n/d: X = x_num(x')/x_den(x') and Y = y'·y_num(x')/y_den(x'), so with H the
/// homogenised polynomials, (X : Y : Z) = (H_xn·H_yd : y'·H_yn·H_xd·d : H_xd·d·H_yd).
pub(crate) fn map_to_curve(u: &Fp) -> G1Projective {
    let (n, d, y) = sswu(u);
    let mut d_powers = [Fp::ONE; 16];
    for i in 1..16 {
        d_powers[i] = d_powers[i - 1].mul(&d);
    }
    let xn = homogeneous(&X_NUM, &n, &d_powers);
    let xd = homogeneous(&X_DEN, &n, &d_powers).mul(&d);
    let yn = homogeneous(&Y_NUM, &n, &d_powers);
    let yd = homogeneous(&Y_DEN, &n, &d_powers);
    Projective::from_xyz(xn.mul(&yd), y.mul(&yn).mul(&xd), xd.mul(&yd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants() {
        assert_eq!(SQRT_MINUS_Z.square(), Z.neg());
        // Z is not a square, and g(B/(Z·A)) is (RFC 9380 §6.6.2's conditions on Z).
        assert!(bool::from(Z.sqrt().is_none()));
        let x = B.mul(&Z.mul(&A).invert().unwrap());
        let g = x.square().mul(&x).add(&A.mul(&x)).add(&B);
        assert!(bool::from(g.sqrt().is_some()));
        // SSWU lands on E', and the isogeny on E.
        for i in 0..20u64 {
            let u = Fp::from_u64(i * 7919 + 3);
            let (n, d, y) = sswu(&u);
            let x = n.mul(&d.invert().unwrap());
            assert_eq!(y.square(), x.square().mul(&x).add(&A.mul(&x)).add(&B));
            assert!(bool::from(map_to_curve(&u).is_on_curve()));
        }
    }
}
