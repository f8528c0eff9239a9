//! Fp2 = Fp[u]/(u² + 1), the field of G2's coordinates: elements c0 + c1·u.
//!
//! Constant time throughout, as [`Fp`] is.

use core::fmt;

use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::fp::{FOUR_P_SQUARED, Fp};
use crate::mont::backend;

/// An element c0 + c1·u of Fp2 (u² = −1).
#[derive(Clone, Copy, Default)]
pub struct Fp2 {
    /// The real part.
    pub c0: Fp,
    /// The coefficient of u.
    pub c1: Fp,
}

/// A non-square z of Fp2 with √(−N(z)) in Fp, for [`Fp2::sqrt_ratio_with`]. N(z) is not a
/// square in Fp (z is not one in Fp2), and neither is −1, so −N(z) is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NonSquare {
    /// z.
    pub(crate) value: Fp2,
    /// √(−N(z)), derived at compile time (a test checks it squares to −N(z)).
    pub(crate) sqrt_minus_norm: Fp,
}

impl NonSquare {
    /// z with √(−N(z)) computed as (−N(z))^((p+1)/4).
    pub(crate) const fn new(value: Fp2) -> NonSquare {
        NonSquare {
            value,
            sqrt_minus_norm: value.norm().neg().pow_const(&Fp::P_PLUS_1_DIV_4),
        }
    }

    /// ξ = 1 + u (norm 2), the tower's non-residue and ff's G_S.
    pub(crate) const XI: NonSquare = NonSquare::new(Fp2::new(Fp::ONE, Fp::ONE));
}

impl Fp2 {
    /// 0.
    pub const ZERO: Fp2 = Fp2 {
        c0: Fp::ZERO,
        c1: Fp::ZERO,
    };
    /// 1.
    pub const ONE: Fp2 = Fp2 {
        c0: Fp::ONE,
        c1: Fp::ZERO,
    };
    /// u, the square root of −1 the field is built with.
    pub const U: Fp2 = Fp2 {
        c0: Fp::ZERO,
        c1: Fp::ONE,
    };

    /// c0 + c1·u.
    pub const fn new(c0: Fp, c1: Fp) -> Fp2 {
        Fp2 { c0, c1 }
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> Choice {
        self.c0.is_zero() & self.c1.is_zero()
    }

    /// a + b.
    #[inline]
    pub const fn add(&self, rhs: &Fp2) -> Fp2 {
        Fp2 {
            c0: self.c0.add(&rhs.c0),
            c1: self.c1.add(&rhs.c1),
        }
    }

    /// a − b.
    #[inline]
    pub const fn sub(&self, rhs: &Fp2) -> Fp2 {
        Fp2 {
            c0: self.c0.sub(&rhs.c0),
            c1: self.c1.sub(&rhs.c1),
        }
    }

    /// −a.
    #[inline]
    pub const fn neg(&self) -> Fp2 {
        Fp2 {
            c0: self.c0.neg(),
            c1: self.c1.neg(),
        }
    }

    /// 2a.
    #[inline]
    pub const fn double(&self) -> Fp2 {
        self.add(self)
    }

    /// a·b by Karatsuba with lazy reduction: three wide products v0 = a0b0, v1 = a1b1 and
    /// s = (a0 + a1)(b0 + b1), then c0 = v0 − v1 and c1 = s − v0 − v1 in double width and
    /// one Montgomery reduction each (two reductions instead of three). Bounds, for inputs
    /// below 2p: v0, v1 < 4p²; c1 = a0b1 + a1b0 < 8p² exactly (never negative); c0 is
    /// computed as v0 + 4p² − v1 ∈ (0, 8p²); both reduce below 2p (`Fp::from_wide_redc`).
    // One copy on wasm32 (the operator impls would otherwise each inline their own, 2.5 KB
    // apiece); on 64-bit targets the compiler chooses.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub const fn mul(&self, rhs: &Fp2) -> Fp2 {
        let v0 = self.c0.mul_unreduced(&rhs.c0);
        let v1 = self.c1.mul_unreduced(&rhs.c1);
        let s = self
            .c0
            .add_unreduced(&self.c1)
            .mul_unreduced(&rhs.c0.add_unreduced(&rhs.c1));
        // Twelve-word carry chains; the bounds above rule out a carry or borrow out.
        let c0 = backend::sub12(&backend::add12(&v0, &FOUR_P_SQUARED), &v1);
        let c1 = backend::sub12(&backend::sub12(&s, &v0), &v1);
        Fp2 {
            c0: Fp::from_wide_redc(c0),
            c1: Fp::from_wide_redc(c1),
        }
    }

    /// a² by the complex method: c0 = (a0 + a1)(a0 − a1), c1 = 2·a0·a1 (two Fp
    /// multiplications).
    #[inline]
    pub const fn square(&self) -> Fp2 {
        let c0 = self.c0.add(&self.c1).mul(&self.c0.sub(&self.c1));
        let c1 = self.c0.mul(&self.c1).double();
        Fp2 { c0, c1 }
    }

    /// a·(1 + u), the multiplication by the tower's non-residue ξ = 1 + u:
    /// (a0 − a1) + (a0 + a1)·u.
    #[inline]
    pub const fn mul_by_nonresidue(&self) -> Fp2 {
        Fp2 {
            c0: self.c0.sub(&self.c1),
            c1: self.c0.add(&self.c1),
        }
    }

    /// a·s for s in Fp (two Fp multiplications).
    #[inline]
    pub const fn mul_by_fp(&self, s: &Fp) -> Fp2 {
        Fp2 {
            c0: self.c0.mul(s),
            c1: self.c1.mul(s),
        }
    }

    /// The conjugate c0 − c1·u, which is also the Frobenius map a ↦ aᵖ (u^p = −u, as
    /// p ≡ 3 mod 4).
    #[inline]
    pub const fn conjugate(&self) -> Fp2 {
        Fp2 {
            c0: self.c0,
            c1: self.c1.neg(),
        }
    }

    /// The norm a·ā = c0² + c1², in Fp.
    #[inline]
    pub const fn norm(&self) -> Fp {
        self.c0.square().add(&self.c1.square())
    }

    /// aᵉ at compile time (square and multiply over e's bits; public constants only).
    pub(crate) const fn pow_const(&self, e: &[u64; 6]) -> Fp2 {
        let mut acc = Fp2::ONE;
        let mut i = 384;
        while i > 0 {
            i -= 1;
            acc = acc.square();
            if (e[i / 64] >> (i % 64)) & 1 == 1 {
                acc = acc.mul(self);
            }
        }
        acc
    }

    /// a⁻¹ at compile time (for constants; a ≠ 0).
    pub(crate) const fn invert_const(&self) -> Fp2 {
        let t = self.norm().pow_const(&Fp::P_MINUS_2);
        Fp2::new(self.c0.mul(&t), self.c1.mul(&t).neg())
    }

    /// a⁻¹ = ā / (c0² + c1²): one Fp inversion. `None` for 0. Constant time.
    pub fn invert(&self) -> CtOption<Fp2> {
        self.norm()
            .invert()
            .map(|t| Fp2::new(self.c0.mul(&t), self.c1.mul(&t).neg()))
    }

    /// aᵉ for a public exponent (little-endian limbs): constant time in a; fixed 4-bit
    /// windows as [`Fp::pow_vartime`].
    pub fn pow_vartime(&self, exp: &[u64]) -> Fp2 {
        crate::pow::pow_public(self, exp)
    }

    /// A square root, `None` if a is not a square: the complex method on the fraction a/1
    /// (the crate-private `sqrt_ratio_with`; two Fp exponentiations). Constant time.
    pub fn sqrt(&self) -> CtOption<Fp2> {
        let (is_square, root) = Fp2::sqrt_ratio_with(self, &Fp2::ONE, &NonSquare::XI);
        CtOption::new(root, is_square)
    }

    /// `sqrt_ratio` with ff's semantics and the non-residue G_S = 1 + u: (true, √(num/div))
    /// if it is a square, (false, √((1 + u)·num/div)) if not, (true, 0) for num = 0 and
    /// (false, 0) for div = 0 ≠ num. Two Fp exponentiations, no inversion (the complex
    /// method on the fraction, the crate-private `sqrt_ratio_with`).
    pub fn sqrt_ratio(num: &Fp2, div: &Fp2) -> (Choice, Fp2) {
        let (is_square, value) = Fp2::sqrt_ratio_with(num, div, &NonSquare::XI);
        let div_zero_num_nonzero = div.is_zero() & !num.is_zero();
        (
            is_square & !div_zero_num_nonzero,
            Fp2::conditional_select(&value, &Fp2::ZERO, div_zero_num_nonzero),
        )
    }

    /// (true, √(u/v)) if u/v is a square, else (false, √(z·u/v)) for the non-square z; for
    /// v ≠ 0 (v = 0 gives (u's norm is a square, 0)). Constant time; two exponentiations in
    /// Fp and no inversion.
    ///
    /// The complex method (Scott, "Implementing cryptographic pairings", 2007, §3.3) on the
    /// fraction x = u/v = α/β with α = u·v̄ and β = N(v) ∈ Fp, keeping every division
    /// inside an exponentiation as RFC 9380 §F.2.1.2 does in Fp:
    /// 1. m = N(α); r = m^((p+1)/4). x is a square iff N(x) = m/β² is, iff r² = m. If not,
    ///    r² = −m and z·x is a square with √N(z·α) = r·√(−N(z)); take α* = z·α then.
    /// 2. With n = √N(α*), a = (α*₀ + n)/2 (or (α*₀ − n)/2 where that is 0) and t = a/β:
    ///    c = (a·β)^((p−3)/4), so c² = ±1/(a·β).
    /// 3. If t is a square, √t = a·c and 1/(2√t)·α*₁/β = α*₁·c/2: the root is
    ///    a·c + (α*₁·c/2)·u. If not, −t is (−1 is not a square; (p−3)/4 is even as
    ///    p ≡ 3 mod 8), √(−t) = −a·c, and the root is α*₁·c/2 − a·c·u.
    pub(crate) fn sqrt_ratio_with(u: &Fp2, v: &Fp2, z: &NonSquare) -> (Choice, Fp2) {
        let alpha = u.mul(&v.conjugate());
        let beta = v.norm();
        let m = alpha.norm();
        let r = m.pow_vartime(&Fp::P_PLUS_1_DIV_4);
        let is_square = r.square().ct_eq(&m);
        let alpha = Fp2::conditional_select(&z.value.mul(&alpha), &alpha, is_square);
        let n = Fp::conditional_select(&r.mul(&z.sqrt_minus_norm), &r, is_square);
        let half = Fp::HALF;
        let plus = alpha.c0.add(&n).mul(&half);
        let minus = alpha.c0.sub(&n).mul(&half);
        let a = Fp::conditional_select(&plus, &minus, plus.is_zero());
        let c = a.mul(&beta).pow_vartime(&Fp::P_MINUS_3_DIV_4);
        let s = a.mul(&c);
        let w = alpha.c1.mul(&c).mul(&half);
        let t_is_square = s.square().mul(&beta).ct_eq(&a);
        let root = Fp2::conditional_select(&Fp2::new(w, s.neg()), &Fp2::new(s, w), t_is_square);
        (is_square, root)
    }

    /// Whether a is a square: its norm is a square in Fp (a^((p²−1)/2) =
    /// N(a)^((p−1)/2)). Constant time.
    pub fn is_square(&self) -> Choice {
        let n = self.norm();
        n.sqrt().is_some()
    }

    /// RFC 9380 `sgn0` for m = 2 (§4.1): the parity of c0, or of c1 when c0 = 0.
    pub fn sgn0(&self) -> Choice {
        self.c0.sgn0() | (self.c0.is_zero() & self.c1.sgn0())
    }

    /// The ZCash encoding's sort flag: c1 exceeds (p − 1)/2, or c1 = 0 and c0 does.
    pub fn lexicographically_largest(&self) -> Choice {
        self.c1.lexicographically_largest()
            | (self.c1.is_zero() & self.c0.lexicographically_largest())
    }

    /// `c1 ‖ c0`, each 48 bytes big-endian (the order of G2 coordinates in the ZCash
    /// encoding).
    pub fn to_bytes(&self) -> [u8; 96] {
        let mut out = [0u8; 96];
        let (hi, lo) = out.split_at_mut(48);
        hi.copy_from_slice(&self.c1.to_bytes());
        lo.copy_from_slice(&self.c0.to_bytes());
        out
    }

    /// Decodes [`Fp2::to_bytes`]; `None` unless both halves are below p.
    pub fn from_bytes(bytes: &[u8; 96]) -> CtOption<Fp2> {
        let mut hi = [0u8; 48];
        let mut lo = [0u8; 48];
        hi.copy_from_slice(bytes.get(..48).unwrap_or(&[0; 48]));
        lo.copy_from_slice(bytes.get(48..).unwrap_or(&[0; 48]));
        let c1 = Fp::from_bytes(&hi);
        let c0 = Fp::from_bytes(&lo);
        c0.and_then(|c0| c1.map(|c1| Fp2::new(c0, c1)))
    }

    /// A uniformly random element.
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Fp2, Rn::Error> {
        Ok(Fp2::new(Fp::try_random(rng)?, Fp::try_random(rng)?))
    }
}

impl ConstantTimeEq for Fp2 {
    fn ct_eq(&self, other: &Fp2) -> Choice {
        self.c0.ct_eq(&other.c0) & self.c1.ct_eq(&other.c1)
    }
}

impl ConditionallySelectable for Fp2 {
    fn conditional_select(a: &Fp2, b: &Fp2, choice: Choice) -> Fp2 {
        Fp2::new(
            Fp::conditional_select(&a.c0, &b.c0, choice),
            Fp::conditional_select(&a.c1, &b.c1, choice),
        )
    }
}

impl PartialEq for Fp2 {
    fn eq(&self, other: &Fp2) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Fp2 {}

impl fmt::Debug for Fp2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} + {:?}·u", self.c0, self.c1)
    }
}

impl zeroize::DefaultIsZeroes for Fp2 {}

crate::ops::impl_field_ops!(Fp2);

crate::ops::impl_ff_field!(Fp2);

#[cfg(test)]
mod tests {
    use super::*;

    /// ξ's derived constant, and ξ a non-square (its norm 2 is not a square in Fp).
    #[test]
    fn non_square_constants() {
        let xi = NonSquare::XI;
        assert_eq!(xi.value.norm(), Fp::from_u64(2));
        assert!(!bool::from(xi.value.is_square()));
        assert_eq!(xi.sqrt_minus_norm.square(), xi.value.norm().neg());
    }
}
