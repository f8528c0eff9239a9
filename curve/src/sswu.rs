//! The simplified SWU map (Brier et al.; Wahby–Boneh, "Fast and simple constant-time hashing
//! to the BLS12-381 elliptic curve", TCHES 2019; RFC 9380 §6.6.2, straight-line form of §F.2)
//! onto an isogenous curve E': y² = x³ + A'x + B', and the isogeny back to E, evaluated in
//! homogeneous coordinates so that neither step inverts. Generic over the two curves
//! (`iso_g1.rs`: 11-isogeny over Fp; `iso_g2.rs`: 3-isogeny over Fp2).

use ff::Field;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use crate::point::{CurveParams, Projective};

/// What one curve's map needs: E' and Z, the field's `sqrt_ratio` and `sgn0`, and the
/// isogeny's four polynomials (coefficients by degree; the denominators monic).
pub(crate) trait SswuParams {
    /// The target curve.
    type Curve: CurveParams;
    /// A' of E'.
    const A: <Self::Curve as CurveParams>::Base;
    /// B' of E'.
    const B: <Self::Curve as CurveParams>::Base;
    /// Z, the map's non-square.
    const Z: <Self::Curve as CurveParams>::Base;
    /// x_num, x_den, y_num, y_den.
    const ISOGENY: [&'static [<Self::Curve as CurveParams>::Base]; 4];
    /// RFC 9380 `sqrt_ratio`: (true, √(u/v)) if u/v is a square, else (false, √(Z·u/v)).
    fn sqrt_ratio(
        u: &<Self::Curve as CurveParams>::Base,
        v: &<Self::Curve as CurveParams>::Base,
    ) -> (Choice, <Self::Curve as CurveParams>::Base);
    /// RFC 9380 `sgn0`.
    fn sgn0(x: &<Self::Curve as CurveParams>::Base) -> Choice;
}

type Base<S> = <<S as SswuParams>::Curve as CurveParams>::Base;

/// The simplified SWU map onto E' (RFC 9380 §F.2, steps 1–24), returning x as a fraction
/// (numerator, denominator) and y.
fn sswu<S: SswuParams>(u: &Base<S>) -> (Base<S>, Base<S>, Base<S>) {
    let tv1 = S::Z * u.square();
    let tv2 = tv1.square() + tv1;
    let tv3 = S::B * (tv2 + Base::<S>::ONE);
    let tv4 = S::A * Base::<S>::conditional_select(&S::Z, &-tv2, !tv2.is_zero());
    let tv6 = tv4.square();
    let tv2 = (tv3.square() + S::A * tv6) * tv3;
    let tv6 = tv6 * tv4;
    let tv2 = tv2 + S::B * tv6;
    let x = tv1 * tv3;
    let (is_gx1_square, y1) = S::sqrt_ratio(&tv2, &tv6);
    let y = tv1 * u * y1;
    let x = Base::<S>::conditional_select(&x, &tv3, is_gx1_square);
    let y = Base::<S>::conditional_select(&y, &y1, is_gx1_square);
    let flip = !(S::sgn0(u).ct_eq(&S::sgn0(&y)));
    let y = Base::<S>::conditional_select(&y, &-y, flip);
    (x, tv4, y)
}

/// Σ kᵢ·xⁱ for x = n/d, homogenised to degree `deg`: Σ kᵢ·nⁱ·d^(deg − i) (Horner in n).
fn homogeneous<F: Field>(k: &[F], n: &F, d_powers: &[F]) -> F {
    let deg = k.len().saturating_sub(1);
    let mut acc = k.get(deg).copied().unwrap_or(F::ZERO);
    for (j, coeff) in k.iter().rev().skip(1).enumerate() {
        let power = d_powers.get(j + 1).copied().unwrap_or(F::ZERO);
        acc = acc * n + *coeff * power;
    }
    acc
}

/// map_to_curve: SSWU to E', then the isogeny, in homogeneous coordinates. For x' = n/d,
/// X = x_num(x')/x_den(x') and Y = y'·y_num(x')/y_den(x'); with H the homogenised
/// polynomials (x_den has degree one less than x_num, y_den the same as y_num),
/// (X : Y : Z) = (H_xn·H_yd : y'·H_yn·H_xd·d : H_xd·d·H_yd).
pub(crate) fn map_to_curve<S: SswuParams>(u: &Base<S>) -> Projective<S::Curve> {
    let (n, d, y) = sswu::<S>(u);
    let mut d_powers = [Base::<S>::ONE; 16];
    for i in 1..16 {
        d_powers[i] = d_powers[i - 1] * d;
    }
    let [x_num, x_den, y_num, y_den] = S::ISOGENY;
    let xn = homogeneous(x_num, &n, &d_powers);
    let xd = homogeneous(x_den, &n, &d_powers) * d;
    let yn = homogeneous(y_num, &n, &d_powers);
    let yd = homogeneous(y_den, &n, &d_powers);
    Projective::from_xyz(xn * yd, y * yn * xd, xd * yd)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Z's conditions (RFC 9380 §6.6.2: not a square; g(B/(Z·A)) a square), and SSWU
    /// landing on E' and the isogeny on E, for some inputs.
    pub(crate) fn check<S: SswuParams>(is_square: impl Fn(&Base<S>) -> bool) {
        assert!(!is_square(&S::Z));
        let x = S::B * (S::Z * S::A).invert().unwrap();
        assert!(is_square(&(x.square() * x + S::A * x + S::B)));
        let mut u = Base::<S>::ONE;
        for _ in 0..20 {
            u = u.double() + Base::<S>::ONE;
            let (n, d, y) = sswu::<S>(&u);
            let x = n * d.invert().unwrap();
            assert_eq!(y.square(), x.square() * x + S::A * x + S::B);
            assert!(bool::from(map_to_curve::<S>(&u).is_on_curve()));
        }
    }
}
