//! Fp12 = Fp6[w]/(w² − v): elements c0 + c1·w, the field the pairing takes its values in.
//! As w⁶ = ξ, an element is also Σ aⱼ·wʲ (j < 6) with aⱼ in Fp2, which is how the
//! Frobenius map and the cyclotomic squaring see it.
//!
//! Constant time throughout, as [`Fp2`] is.

use core::fmt;

use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::fp::Fp;
use crate::fp2::Fp2;
use crate::fp6::Fp6;

/// An element c0 + c1·w of Fp12 (w² = v).
#[derive(Clone, Copy, Default)]
pub struct Fp12 {
    /// The part in Fp6.
    pub c0: Fp6,
    /// The coefficient of w.
    pub c1: Fp6,
}

/// ξ^(j(p − 1)/6) for j < 6: (wʲ)^p = wʲ·ξ^(j(p − 1)/6), the Frobenius map's factors.
/// Computed at compile time; the tests check the maps against exponentiation by p and p².
const GAMMA1: [Fp2; 6] = {
    let g = Fp2::new(Fp::ONE, Fp::ONE).pow_const(&Fp::P_MINUS_1_DIV_6);
    let mut out = [Fp2::ONE; 6];
    let mut j = 1;
    while j < 6 {
        out[j] = out[j - 1].mul(&g);
        j += 1;
    }
    out
};

/// ξ^(j(p² − 1)/6) = γⱼ^(p + 1) = N(γⱼ), in Fp: the factors of the p²-power map.
const GAMMA2: [Fp; 6] = {
    let mut out = [Fp::ONE; 6];
    let mut j = 1;
    while j < 6 {
        out[j] = GAMMA1[j].norm();
        j += 1;
    }
    out
};

impl Fp12 {
    /// 0.
    pub const ZERO: Fp12 = Fp12::new(Fp6::ZERO, Fp6::ZERO);
    /// 1.
    pub const ONE: Fp12 = Fp12::new(Fp6::ONE, Fp6::ZERO);

    /// c0 + c1·w.
    pub const fn new(c0: Fp6, c1: Fp6) -> Fp12 {
        Fp12 { c0, c1 }
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> Choice {
        self.c0.is_zero() & self.c1.is_zero()
    }

    /// a + b.
    #[inline]
    pub const fn add(&self, rhs: &Fp12) -> Fp12 {
        Fp12::new(self.c0.add(&rhs.c0), self.c1.add(&rhs.c1))
    }

    /// a − b.
    #[inline]
    pub const fn sub(&self, rhs: &Fp12) -> Fp12 {
        Fp12::new(self.c0.sub(&rhs.c0), self.c1.sub(&rhs.c1))
    }

    /// −a.
    #[inline]
    pub const fn neg(&self) -> Fp12 {
        Fp12::new(self.c0.neg(), self.c1.neg())
    }

    /// 2a.
    #[inline]
    pub const fn double(&self) -> Fp12 {
        self.add(self)
    }

    /// a·b, Karatsuba over Fp6 (three Fp6 multiplications): t0 = a0b0, t1 = a1b1,
    /// c0 = t0 + v·t1, c1 = (a0 + a1)(b0 + b1) − t0 − t1.
    #[inline]
    pub const fn mul(&self, rhs: &Fp12) -> Fp12 {
        let t0 = self.c0.mul(&rhs.c0);
        let t1 = self.c1.mul(&rhs.c1);
        let s = self.c0.add(&self.c1).mul(&rhs.c0.add(&rhs.c1));
        Fp12::new(t0.add(&t1.mul_by_v()), s.sub(&t0).sub(&t1))
    }

    /// a², the complex method (two Fp6 multiplications): with t = a0a1,
    /// c0 = (a0 + a1)(a0 + v·a1) − t − v·t, c1 = 2t.
    #[inline]
    pub const fn square(&self) -> Fp12 {
        let t = self.c0.mul(&self.c1);
        let s = self.c0.add(&self.c1).mul(&self.c0.add(&self.c1.mul_by_v()));
        Fp12::new(s.sub(&t).sub(&t.mul_by_v()), t.double())
    }

    /// a·(b0 + b1·v + b4·v·w), the sparse product by a line of the M-type twist (the
    /// coefficients of 1, w² and w³): with L0 = b0 + b1·v and L1 = b4·v, Karatsuba over Fp6
    /// with the sparse Fp6 products, thirteen Fp2 multiplications instead of eighteen.
    #[inline]
    pub const fn mul_by_014(&self, b0: &Fp2, b1: &Fp2, b4: &Fp2) -> Fp12 {
        let t0 = self.c0.mul_by_01(b0, b1);
        let t1 = self.c1.mul_by_1(b4);
        let s = self.c0.add(&self.c1).mul_by_01(b0, &b1.add(b4));
        Fp12::new(t0.add(&t1.mul_by_v()), s.sub(&t0).sub(&t1))
    }

    /// The conjugate c0 − c1·w, which is a^(p⁶); on the cyclotomic subgroup (where the
    /// pairing's values lie after the easy part of the final exponentiation) it is a⁻¹.
    #[inline]
    pub const fn conjugate(&self) -> Fp12 {
        Fp12::new(self.c0, self.c1.neg())
    }

    /// a^p: each coefficient aⱼ of wʲ conjugated and scaled by ξ^(j(p − 1)/6).
    pub const fn frobenius(&self) -> Fp12 {
        let (a, b) = (&self.c0, &self.c1);
        Fp12::new(
            Fp6::new(
                a.c0.conjugate(),
                a.c1.conjugate().mul(&GAMMA1[2]),
                a.c2.conjugate().mul(&GAMMA1[4]),
            ),
            Fp6::new(
                b.c0.conjugate().mul(&GAMMA1[1]),
                b.c1.conjugate().mul(&GAMMA1[3]),
                b.c2.conjugate().mul(&GAMMA1[5]),
            ),
        )
    }

    /// a^(p²): each coefficient aⱼ of wʲ scaled by ξ^(j(p² − 1)/6), an element of Fp (the
    /// coefficients are fixed by the p²-power map of Fp2).
    pub const fn frobenius2(&self) -> Fp12 {
        let (a, b) = (&self.c0, &self.c1);
        Fp12::new(
            Fp6::new(a.c0, a.c1.mul_by_fp(&GAMMA2[2]), a.c2.mul_by_fp(&GAMMA2[4])),
            Fp6::new(
                b.c0.mul_by_fp(&GAMMA2[1]),
                b.c1.mul_by_fp(&GAMMA2[3]),
                b.c2.mul_by_fp(&GAMMA2[5]),
            ),
        )
    }

    /// a², for a in the cyclotomic subgroup (a^Φ₁₂(p) = 1, Φ₁₂(p) = p⁴ − p² + 1) only —
    /// elsewhere the result is not the square. Granger and
    /// Scott, "Faster squaring in the cyclotomic subgroup of sixth degree extensions"
    /// (PKC 2010, §3.2). Over Fp4 = Fp2\[t\], t = w³ (t² = ξ), a = A0 + A1·w + A2·w² with
    /// A0 = a₀ + a₃t, A1 = a₁ + a₄t, A2 = a₂ + a₅t, and
    /// a² = (3A0² − 2Ā0) + (3t·A2² + 2Ā1)·w + (3A1² − 2Ā2)·w² (Ā: t ↦ −t) — three Fp4
    /// squarings, nine Fp2 squarings' worth, instead of twelve Fp2 multiplications.
    pub const fn cyclotomic_square(&self) -> Fp12 {
        let (a, b) = (&self.c0, &self.c1);
        // (aⱼ) = (a.c0, b.c0, a.c1, b.c1, a.c2, b.c2).
        let (s0, s3) = fp4_square(&a.c0, &b.c1);
        let (s1, s4) = fp4_square(&b.c0, &a.c2);
        let (s2, s5) = fp4_square(&a.c1, &b.c2);
        let s5xi = s5.mul_by_nonresidue();
        Fp12::new(
            Fp6::new(
                three_minus_two(&s0, &a.c0),
                three_minus_two(&s1, &a.c1),
                three_minus_two(&s2, &a.c2),
            ),
            Fp6::new(
                three_plus_two(&s5xi, &b.c0),
                three_plus_two(&s3, &b.c1),
                three_plus_two(&s4, &b.c2),
            ),
        )
    }

    /// a⁻¹ = (a0 − a1·w)/(a0² − v·a1²): one Fp6 inversion. `None` for 0.
    pub fn invert(&self) -> CtOption<Fp12> {
        let d = self.c0.square().sub(&self.c1.square().mul_by_v());
        d.invert()
            .map(|d| Fp12::new(self.c0.mul(&d), self.c1.mul(&d).neg()))
    }

    /// The twelve Fp coefficients, 48 bytes big-endian each, in the order of the tower:
    /// c0.c0.c0, c0.c0.c1, c0.c1.c0, …, c1.c2.c1 (the order of arkworks' and gnark's
    /// encodings; blst's `blst_bendian_from_fp12` writes the same coefficients by powers of
    /// w instead: c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2).
    pub fn to_bytes(&self) -> [u8; 576] {
        let mut out = [0u8; 576];
        for (chunk, c) in out.chunks_exact_mut(48).zip(self.coefficients()) {
            chunk.copy_from_slice(&c.to_bytes());
        }
        out
    }

    /// Decodes [`Fp12::to_bytes`]; `None` unless every coefficient is below p.
    pub fn from_bytes(bytes: &[u8; 576]) -> CtOption<Fp12> {
        let mut c = [Fp::ZERO; 12];
        let mut ok = Choice::from(1);
        for (slot, chunk) in c.iter_mut().zip(bytes.chunks_exact(48)) {
            let mut b = [0u8; 48];
            b.copy_from_slice(chunk);
            let v = Fp::from_bytes(&b);
            ok &= v.is_some();
            *slot = v.unwrap_or(Fp::ZERO);
        }
        let f2 = |i: usize| Fp2::new(c[2 * i], c[2 * i + 1]);
        let value = Fp12::new(Fp6::new(f2(0), f2(1), f2(2)), Fp6::new(f2(3), f2(4), f2(5)));
        CtOption::new(value, ok)
    }

    /// The coefficients in the order of [`Fp12::to_bytes`].
    fn coefficients(&self) -> [Fp; 12] {
        let (a, b) = (&self.c0, &self.c1);
        [
            a.c0.c0, a.c0.c1, a.c1.c0, a.c1.c1, a.c2.c0, a.c2.c1, b.c0.c0, b.c0.c1, b.c1.c0,
            b.c1.c1, b.c2.c0, b.c2.c1,
        ]
    }

    /// A uniformly random element.
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Fp12, Rn::Error> {
        Ok(Fp12::new(Fp6::try_random(rng)?, Fp6::try_random(rng)?))
    }
}

/// 3x − 2y, as 2(x − y) + x.
#[inline(always)]
const fn three_minus_two(x: &Fp2, y: &Fp2) -> Fp2 {
    x.sub(y).double().add(x)
}

/// 3x + 2y, as 2(x + y) + x.
#[inline(always)]
const fn three_plus_two(x: &Fp2, y: &Fp2) -> Fp2 {
    x.add(y).double().add(x)
}

/// (a + b·t)² in Fp4 = Fp2[t]/(t² − ξ): (a² + ξb², (a + b)² − a² − b²), three squarings.
#[inline(always)]
const fn fp4_square(a: &Fp2, b: &Fp2) -> (Fp2, Fp2) {
    let a2 = a.square();
    let b2 = b.square();
    let ab2 = a.add(b).square().sub(&a2).sub(&b2);
    (a2.add(&b2.mul_by_nonresidue()), ab2)
}

impl ConstantTimeEq for Fp12 {
    fn ct_eq(&self, other: &Fp12) -> Choice {
        self.c0.ct_eq(&other.c0) & self.c1.ct_eq(&other.c1)
    }
}

impl ConditionallySelectable for Fp12 {
    fn conditional_select(a: &Fp12, b: &Fp12, choice: Choice) -> Fp12 {
        Fp12::new(
            Fp6::conditional_select(&a.c0, &b.c0, choice),
            Fp6::conditional_select(&a.c1, &b.c1, choice),
        )
    }
}

impl PartialEq for Fp12 {
    fn eq(&self, other: &Fp12) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Fp12 {}

impl fmt::Debug for Fp12 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({:?}) + ({:?})·w", self.c0, self.c1)
    }
}

impl zeroize::DefaultIsZeroes for Fp12 {}

crate::ops::impl_field_ops!(Fp12);
