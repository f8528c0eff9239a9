//! Fp6 = Fp2[v]/(v³ − ξ), ξ = 1 + u: elements c0 + c1·v + c2·v², the middle of the tower
//! Fp2 → Fp6 → Fp12 that the pairing's values live in.
//!
//! Formulas: Karatsuba multiplication and Chung–Hasan squaring (CH-SQR2) from Devegili,
//! Ó hÉigeartaigh, Scott and Dahab, "Multiplication and squaring on pairing-friendly
//! fields" (eprint 2006/471, §4 and §5); inversion by the adjugate (Scott, "Implementing
//! cryptographic pairings", 2007, §3.2). Constant time throughout, as [`Fp2`] is.

use core::fmt;

use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::fp::Fp;
use crate::fp2::Fp2;

/// An element c0 + c1·v + c2·v² of Fp6 (v³ = 1 + u).
#[derive(Clone, Copy, Default)]
pub struct Fp6 {
    /// The constant coefficient.
    pub c0: Fp2,
    /// The coefficient of v.
    pub c1: Fp2,
    /// The coefficient of v².
    pub c2: Fp2,
}

/// γⱼ = ξ^(j(p − 1)/3) for j = 1, 2: the Frobenius map's factors, vʲ ↦ γⱼ·vʲ (v^p =
/// v·ξ^((p − 1)/3)). Computed at compile time; the tests check the map against the
/// exponentiation by p.
const FROBENIUS_V: [Fp2; 2] = {
    let g = Fp2::new(Fp::ONE, Fp::ONE).pow_const(&Fp::P_MINUS_1_DIV_3);
    [g, g.mul(&g)]
};

impl Fp6 {
    /// 0.
    pub const ZERO: Fp6 = Fp6::new(Fp2::ZERO, Fp2::ZERO, Fp2::ZERO);
    /// 1.
    pub const ONE: Fp6 = Fp6::new(Fp2::ONE, Fp2::ZERO, Fp2::ZERO);

    /// c0 + c1·v + c2·v².
    pub const fn new(c0: Fp2, c1: Fp2, c2: Fp2) -> Fp6 {
        Fp6 { c0, c1, c2 }
    }

    /// An element of Fp2 seen in Fp6.
    pub const fn from_fp2(c0: Fp2) -> Fp6 {
        Fp6::new(c0, Fp2::ZERO, Fp2::ZERO)
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> Choice {
        self.c0.is_zero() & self.c1.is_zero() & self.c2.is_zero()
    }

    /// a + b.
    #[inline]
    pub const fn add(&self, rhs: &Fp6) -> Fp6 {
        Fp6::new(
            self.c0.add(&rhs.c0),
            self.c1.add(&rhs.c1),
            self.c2.add(&rhs.c2),
        )
    }

    /// a − b.
    #[inline]
    pub const fn sub(&self, rhs: &Fp6) -> Fp6 {
        Fp6::new(
            self.c0.sub(&rhs.c0),
            self.c1.sub(&rhs.c1),
            self.c2.sub(&rhs.c2),
        )
    }

    /// −a.
    #[inline]
    pub const fn neg(&self) -> Fp6 {
        Fp6::new(self.c0.neg(), self.c1.neg(), self.c2.neg())
    }

    /// 2a.
    #[inline]
    pub const fn double(&self) -> Fp6 {
        self.add(self)
    }

    /// a·b, Karatsuba (six Fp2 multiplications): with vᵢ = aᵢbᵢ,
    /// c0 = v0 + ξ((a1 + a2)(b1 + b2) − v1 − v2), c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξv2,
    /// c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1.
    #[inline]
    pub const fn mul(&self, rhs: &Fp6) -> Fp6 {
        let (a, b) = (self, rhs);
        let v0 = a.c0.mul(&b.c0);
        let v1 = a.c1.mul(&b.c1);
        let v2 = a.c2.mul(&b.c2);
        let t0 = a.c1.add(&a.c2).mul(&b.c1.add(&b.c2)).sub(&v1).sub(&v2);
        let t1 = a.c0.add(&a.c1).mul(&b.c0.add(&b.c1)).sub(&v0).sub(&v1);
        let t2 = a.c0.add(&a.c2).mul(&b.c0.add(&b.c2)).sub(&v0).sub(&v2);
        Fp6::new(
            v0.add(&t0.mul_by_nonresidue()),
            t1.add(&v2.mul_by_nonresidue()),
            t2.add(&v1),
        )
    }

    /// a², CH-SQR2 (two Fp2 squarings, three multiplications' worth): s0 = a0²,
    /// s1 = 2a0a1, s2 = (a0 − a1 + a2)², s3 = 2a1a2, s4 = a2²; c0 = s0 + ξs3,
    /// c1 = s1 + ξs4, c2 = s1 + s2 + s3 − s0 − s4.
    #[inline]
    pub const fn square(&self) -> Fp6 {
        let s0 = self.c0.square();
        let s1 = self.c0.mul(&self.c1).double();
        let s2 = self.c0.sub(&self.c1).add(&self.c2).square();
        let s3 = self.c1.mul(&self.c2).double();
        let s4 = self.c2.square();
        Fp6::new(
            s0.add(&s3.mul_by_nonresidue()),
            s1.add(&s4.mul_by_nonresidue()),
            s1.add(&s2).add(&s3).sub(&s0).sub(&s4),
        )
    }

    /// a·v: (c0, c1, c2) ↦ (ξc2, c0, c1), as v³ = ξ.
    #[inline]
    pub const fn mul_by_v(&self) -> Fp6 {
        Fp6::new(self.c2.mul_by_nonresidue(), self.c0, self.c1)
    }

    /// a·(b0 + b1·v), five Fp2 multiplications: c0 = a0b0 + ξa2b1,
    /// c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1, c2 = a2b0 + a1b1.
    #[inline]
    pub const fn mul_by_01(&self, b0: &Fp2, b1: &Fp2) -> Fp6 {
        let v0 = self.c0.mul(b0);
        let v1 = self.c1.mul(b1);
        let c0 = v0.add(&self.c2.mul(b1).mul_by_nonresidue());
        let c1 = self.c0.add(&self.c1).mul(&b0.add(b1)).sub(&v0).sub(&v1);
        let c2 = self.c2.mul(b0).add(&v1);
        Fp6::new(c0, c1, c2)
    }

    /// a·(b1·v), three Fp2 multiplications: (ξa2b1, a0b1, a1b1).
    #[inline]
    pub const fn mul_by_1(&self, b1: &Fp2) -> Fp6 {
        Fp6::new(
            self.c2.mul(b1).mul_by_nonresidue(),
            self.c0.mul(b1),
            self.c1.mul(b1),
        )
    }

    /// a·s for s in Fp2 (three Fp2 multiplications).
    #[inline]
    pub const fn mul_by_fp2(&self, s: &Fp2) -> Fp6 {
        Fp6::new(self.c0.mul(s), self.c1.mul(s), self.c2.mul(s))
    }

    /// a^p: each coefficient conjugated, vʲ scaled by ξ^(j(p − 1)/3).
    #[inline]
    pub const fn frobenius(&self) -> Fp6 {
        Fp6::new(
            self.c0.conjugate(),
            self.c1.conjugate().mul(&FROBENIUS_V[0]),
            self.c2.conjugate().mul(&FROBENIUS_V[1]),
        )
    }

    /// a⁻¹ by the adjugate: t0 = a0² − ξa1a2, t1 = ξa2² − a0a1, t2 = a1² − a0a2, and
    /// a⁻¹ = (t0 + t1·v + t2·v²)/(a0t0 + ξ(a2t1 + a1t2)) — one Fp2 inversion. `None` for 0.
    pub fn invert(&self) -> CtOption<Fp6> {
        let (t0, t1, t2) = self.adjugate();
        let det = self
            .c0
            .mul(&t0)
            .add(&self.c2.mul(&t1).add(&self.c1.mul(&t2)).mul_by_nonresidue());
        det.invert()
            .map(|d| Fp6::new(t0.mul(&d), t1.mul(&d), t2.mul(&d)))
    }

    /// The adjugate's first row (see [`Fp6::invert`]).
    const fn adjugate(&self) -> (Fp2, Fp2, Fp2) {
        let t0 = self
            .c0
            .square()
            .sub(&self.c1.mul(&self.c2).mul_by_nonresidue());
        let t1 = self
            .c2
            .square()
            .mul_by_nonresidue()
            .sub(&self.c0.mul(&self.c1));
        let t2 = self.c1.square().sub(&self.c0.mul(&self.c2));
        (t0, t1, t2)
    }

    /// A uniformly random element.
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Fp6, Rn::Error> {
        Ok(Fp6::new(
            Fp2::try_random(rng)?,
            Fp2::try_random(rng)?,
            Fp2::try_random(rng)?,
        ))
    }
}

impl ConstantTimeEq for Fp6 {
    fn ct_eq(&self, other: &Fp6) -> Choice {
        self.c0.ct_eq(&other.c0) & self.c1.ct_eq(&other.c1) & self.c2.ct_eq(&other.c2)
    }
}

impl ConditionallySelectable for Fp6 {
    fn conditional_select(a: &Fp6, b: &Fp6, choice: Choice) -> Fp6 {
        Fp6::new(
            Fp2::conditional_select(&a.c0, &b.c0, choice),
            Fp2::conditional_select(&a.c1, &b.c1, choice),
            Fp2::conditional_select(&a.c2, &b.c2, choice),
        )
    }
}

impl PartialEq for Fp6 {
    fn eq(&self, other: &Fp6) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Fp6 {}

impl fmt::Debug for Fp6 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "({:?}) + ({:?})·v + ({:?})·v²",
            self.c0, self.c1, self.c2
        )
    }
}

impl zeroize::DefaultIsZeroes for Fp6 {}

crate::ops::impl_field_ops!(Fp6);
