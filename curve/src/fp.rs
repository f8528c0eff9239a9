//! The base field Fp of BLS12-381, p = 0x1a0111ea…ffffaaab (381 bits), on six 64-bit limbs
//! in Montgomery form (a value a is stored as aR mod p, R = 2³⁸⁴), in the redundant range
//! [0, 2p): each element has two representations, and every output that leaves the type
//! (bytes, comparisons, signs) is canonicalised first. Multiplication then needs no final
//! subtraction (see `mont_mul`), the largest single saving in the field.
//!
//! Constant time throughout: no branch, index or early exit depends on a value; only the
//! public exponents of the square root steer the exponentiation's schedule, and inversion
//! runs a fixed number of divsteps (`inversion.rs`).

use core::fmt;

use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::limbs::{div_small, low_bit, sbb};
use crate::mont::{
    add_raw, add_small, backend, neg_inv_word, pow2_mod, shr, sub_small, subtract_if_ge,
};

/// p, little-endian limbs. A test derives it from the curve parameter x = −0xd201000000010000
/// as p = (x − 1)²(x⁴ − x² + 1)/3 + x.
pub(crate) const MODULUS: [u64; 6] = [
    0xb9fe_ffff_ffff_aaab,
    0x1eab_fffe_b153_ffff,
    0x6730_d2a0_f6b0_f624,
    0x6477_4b84_f385_12bf,
    0x4b1b_a7b6_434b_acd7,
    0x1a01_11ea_397f_e69a,
];

/// −p⁻¹ mod 2⁶⁴.
const INV: u64 = neg_inv_word(MODULUS[0]);

/// 2p, the bound of the redundant range.
const MODULUS_2: [u64; 6] = add_raw(&MODULUS, &MODULUS).0;

/// R = 2³⁸⁴ mod p (the Montgomery form of 1).
const R: [u64; 6] = pow2_mod(384, &MODULUS);
/// R² mod p: `mont_mul(R², a)` puts a into Montgomery form.
const R2: [u64; 6] = pow2_mod(768, &MODULUS);
/// 4p², added before a wide subtraction so that it cannot borrow (`Fp2::mul`).
pub(crate) const FOUR_P_SQUARED: [u64; 12] = backend::mul_wide6(&MODULUS_2, &MODULUS_2);

/// R³ mod p, for the high half of wide reductions.
const R3: [u64; 6] = mont_mul(&R2, &R2);

/// Montgomery multiplication in the redundant range (`mont::mont_mul` with p).
///
/// Bounds (R = 2³⁸⁴ > 9p): for a < 2p and b < R, each row's sum stays below
/// t/2⁶⁴ + a + p < 3.1p < 2³⁸⁴, and the result (a·b + M·p)/R < 2p·b/R + p. With b < 2p
/// that is below 4p²/R + p < 1.5p, so products of redundant elements are redundant
/// elements without a final subtraction (Walter, "Montgomery exponentiation needs no final
/// subtractions", Electronics Letters 35(21), 1999). With b < R (wide inputs) the
/// result is below 2p as well.
#[inline(always)]
pub(crate) const fn mont_mul(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
    backend::mont_mul6(a, b, &MODULUS, INV)
}

/// The canonical integer of a Montgomery-form value below 2p: x·R⁻¹ mod p, below p.
#[inline(always)]
const fn from_montgomery(x: &[u64; 6]) -> [u64; 6] {
    subtract_if_ge(mont_mul(x, &[1, 0, 0, 0, 0, 0]), &MODULUS)
}

/// An element of Fp.
#[derive(Clone, Copy, Default)]
pub struct Fp(pub(crate) [u64; 6]);

impl Fp {
    /// 0.
    pub const ZERO: Fp = Fp([0; 6]);
    /// 1.
    pub const ONE: Fp = Fp(R);

    /// The element `v`.
    pub const fn from_u64(v: u64) -> Fp {
        Fp(mont_mul(&R2, &[v, 0, 0, 0, 0, 0]))
    }

    /// The element whose canonical integer is `limbs` (little-endian, below p): for
    /// constants written as integers.
    pub(crate) const fn from_canonical_limbs(limbs: &[u64; 6]) -> Fp {
        Fp(mont_mul(&R2, limbs))
    }

    /// aᵉ at compile time (square and multiply over e's bits; public constants only).
    pub(crate) const fn pow_const(&self, e: &[u64; 6]) -> Fp {
        let mut acc = Fp::ONE;
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

    /// p − 2, the inversion exponent.
    pub(crate) const P_MINUS_2: [u64; 6] = P_MINUS_2;
    /// (p − 1)/2, Euler's criterion.
    pub(crate) const P_MINUS_1_DIV_2: [u64; 6] = shr(&sub_small(&MODULUS, 1), 1);

    /// (p + 1)/4 and (p − 3)/4, the square-root exponents.
    pub(crate) const P_PLUS_1_DIV_4: [u64; 6] = P_PLUS_1_DIV_4;
    pub(crate) const P_MINUS_3_DIV_4: [u64; 6] = P_MINUS_3_DIV_4;

    /// (p − 1)/3, for cube roots of unity.
    pub(crate) const P_MINUS_1_DIV_3: [u64; 6] = div_small(&sub_small(&MODULUS, 1), 3);
    /// (p − 1)/6, for the Frobenius map of Fp12 (w⁶ = ξ; p ≡ 1 mod 6).
    pub(crate) const P_MINUS_1_DIV_6: [u64; 6] = div_small(&sub_small(&MODULUS, 1), 6);

    /// 1/2 = (p + 1)/2.
    pub(crate) const HALF: Fp = Fp::from_canonical_limbs(&P_PLUS_1_DIV_2);

    /// Decodes a 48-byte big-endian integer; `None` unless it is below p (non-canonical
    /// encodings are refused).
    pub fn from_bytes(bytes: &[u8; 48]) -> CtOption<Fp> {
        let limbs = be_limbs(bytes);
        // limbs < p iff limbs − p borrows.
        let mut borrow = 0;
        for (l, p) in limbs.iter().zip(MODULUS.iter()) {
            borrow = sbb(*l, *p, borrow).1;
        }
        let canonical = low_bit(borrow);
        CtOption::new(Fp(mont_mul(&R2, &limbs)), canonical)
    }

    /// The 48-byte big-endian encoding of the canonical integer.
    pub fn to_bytes(&self) -> [u8; 48] {
        let canonical = from_montgomery(&self.0);
        let mut out = [0u8; 48];
        for (chunk, limb) in out.chunks_exact_mut(8).zip(canonical.iter().rev()) {
            chunk.copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// A 64-byte big-endian integer reduced mod p (uniform to within 2⁻¹³⁰ for uniform
    /// input: random sampling).
    pub fn from_bytes_wide(bytes: &[u8; 64]) -> Fp {
        // N = A + B·2³⁸⁴ with A the low 48 bytes and B the high 16; in Montgomery form
        // N·R = A·R + B·R·2³⁸⁴ = mont_mul(R², A) + mont_mul(R³, B).
        let mut low = [0u8; 48];
        low.copy_from_slice(bytes.get(16..).unwrap_or(&[0; 48]));
        let mut high = [0u8; 48];
        if let (Some(dst), Some(src)) = (high.get_mut(32..), bytes.get(..16)) {
            dst.copy_from_slice(src);
        }
        let a = Fp(mont_mul(&R2, &be_limbs(&low)));
        let b = Fp(mont_mul(&R3, &be_limbs(&high)));
        a.add(&b)
    }

    /// The representation below p (of the same Montgomery-form value).
    #[inline(always)]
    const fn reduced(&self) -> [u64; 6] {
        subtract_if_ge(self.0, &MODULUS)
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> Choice {
        self.ct_eq(&Fp::ZERO)
    }

    /// a + b (below 4p, brought back below 2p).
    #[inline]
    pub const fn add(&self, rhs: &Fp) -> Fp {
        Fp(backend::add_mod6(&self.0, &rhs.0, &MODULUS_2))
    }

    /// 2a.
    #[inline]
    pub const fn double(&self) -> Fp {
        self.add(self)
    }

    /// a − b: subtract, then add 2p back where it borrowed.
    #[inline]
    pub const fn sub(&self, rhs: &Fp) -> Fp {
        Fp(backend::sub_mod6(&self.0, &rhs.0, &MODULUS_2))
    }

    /// −a (2p − a, and 0 for the all-zero representation).
    #[inline]
    pub const fn neg(&self) -> Fp {
        Fp(backend::neg_mod6(&self.0, &MODULUS_2))
    }

    /// a·b.
    #[inline]
    pub const fn mul(&self, rhs: &Fp) -> Fp {
        Fp(mont_mul(&self.0, &rhs.0))
    }

    /// The unreduced product of the representations, a·b < 4p² (for `Fp2`'s lazy
    /// reduction).
    #[inline(always)]
    pub(crate) const fn mul_unreduced(&self, rhs: &Fp) -> [u64; 12] {
        backend::mul_wide6(&self.0, &rhs.0)
    }

    /// a + b without the reduction: below 4p < 2³⁸⁴ (an operand for `mul_unreduced`,
    /// whose product then stays below 16p²).
    #[inline(always)]
    pub(crate) const fn add_unreduced(&self, rhs: &Fp) -> Fp {
        Fp(backend::add6(&self.0, &rhs.0))
    }

    /// Montgomery reduction of a wide value t < 8p²: t/R mod p, below 8p²/R + p < 2p
    /// (R > 9p), so a redundant element.
    #[inline(always)]
    pub(crate) const fn from_wide_redc(t: [u64; 12]) -> Fp {
        Fp(backend::redc6(t, &MODULUS, INV))
    }

    /// a² (dedicated squaring: 21 word products for the square instead of 36).
    #[inline]
    pub const fn square(&self) -> Fp {
        Fp(backend::mont_square6(&self.0, &MODULUS, INV))
    }

    /// aᵉ for an exponent known to everyone (little-endian limbs): constant time in a, the
    /// schedule follows e. Fixed 4-bit windows: 15 table entries, then four squarings and
    /// one multiplication per window (the table is read at public indices).
    pub fn pow_vartime(&self, exp: &[u64]) -> Fp {
        crate::pow::pow_public(self, exp)
    }

    /// a⁻¹ by Bernstein–Yang divsteps (`inversion.rs`), `None` for 0. Constant time.
    pub fn invert(&self) -> CtOption<Fp> {
        // (aR)⁻¹ = a⁻¹R⁻¹; one Montgomery product by R³ gives a⁻¹R.
        let inv = crate::inversion::invert_mod_p(&self.reduced());
        CtOption::new(Fp(mont_mul(&inv, &R3)), !self.is_zero())
    }

    /// A square root a^((p+1)/4) (p ≡ 3 mod 4), `None` if a is not a square. Constant time.
    pub fn sqrt(&self) -> CtOption<Fp> {
        let root = self.pow_vartime(&P_PLUS_1_DIV_4);
        CtOption::new(root, root.square().ct_eq(self))
    }

    /// RFC 9380 `sqrt_ratio` for q ≡ 3 (mod 4) (§F.2.1.2) with Z = −1: (true, √(u/v)) if
    /// u/v is a square, else (false, √(−u/v)); (true, 0) for u = 0 and (false, 0) for
    /// v = 0 ≠ u. One exponentiation, no inversion. Constant time.
    pub fn sqrt_ratio(u: &Fp, v: &Fp) -> (Choice, Fp) {
        let uv = u.mul(v);
        let uv3 = uv.mul(&v.square());
        // y = u·v·(u·v³)^((p−3)/4); then y²·v = u·(u/v)^((p−3)/2)·… = ±u.
        let y = uv.mul(&uv3.pow_vartime(&P_MINUS_3_DIV_4));
        let is_square = y.square().mul(v).ct_eq(u);
        (is_square, y)
    }

    /// The least significant bit of the canonical integer (RFC 9380 `sgn0` for m = 1).
    pub fn sgn0(&self) -> Choice {
        let canonical = from_montgomery(&self.0);
        low_bit(canonical[0])
    }

    /// Whether the canonical integer exceeds (p − 1)/2 (the ZCash encoding's sort flag).
    pub fn lexicographically_largest(&self) -> Choice {
        let canonical = from_montgomery(&self.0);
        // canonical > (p−1)/2  iff  canonical − (p+1)/2 does not borrow.
        let mut borrow = 0;
        for (c, h) in canonical.iter().zip(P_PLUS_1_DIV_2.iter()) {
            borrow = sbb(*c, *h, borrow).1;
        }
        low_bit(borrow ^ 1)
    }

    /// A uniformly random element (64 RNG bytes, reduced).
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Fp, Rn::Error> {
        let mut bytes = [0u8; 64];
        rng.try_fill_bytes(&mut bytes)?;
        Ok(Fp::from_bytes_wide(&bytes))
    }
}

/// p − 2, (p + 1)/4, (p − 3)/4 and (p + 1)/2, from p at compile time.
const P_MINUS_2: [u64; 6] = sub_small(&MODULUS, 2);
const P_PLUS_1_DIV_4: [u64; 6] = shr(&add_small(&MODULUS, 1), 2);
const P_MINUS_3_DIV_4: [u64; 6] = shr(&sub_small(&MODULUS, 3), 2);
const P_PLUS_1_DIV_2: [u64; 6] = shr(&add_small(&MODULUS, 1), 1);

/// Big-endian bytes → little-endian limbs.
fn be_limbs(bytes: &[u8; 48]) -> [u64; 6] {
    let mut limbs = [0u64; 6];
    for (limb, chunk) in limbs.iter_mut().rev().zip(bytes.chunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        *limb = u64::from_be_bytes(word);
    }
    limbs
}

impl ConstantTimeEq for Fp {
    /// Equality of the values (both representations reduced below p first).
    fn ct_eq(&self, other: &Fp) -> Choice {
        self.reduced().ct_eq(&other.reduced())
    }
}

impl ConditionallySelectable for Fp {
    fn conditional_select(a: &Fp, b: &Fp, choice: Choice) -> Fp {
        let mut out = [0u64; 6];
        for ((o, x), y) in out.iter_mut().zip(a.0.iter()).zip(b.0.iter()) {
            *o = u64::conditional_select(x, y, choice);
        }
        Fp(out)
    }
}

impl PartialEq for Fp {
    fn eq(&self, other: &Fp) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Fp {}

impl fmt::Debug for Fp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("0x")?;
        for b in self.to_bytes() {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl zeroize::DefaultIsZeroes for Fp {}

crate::ops::impl_field_ops!(Fp);

crate::ops::impl_ff_field!(Fp);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_constants_agree() {
        // R·R⁻¹: the Montgomery form of 1 multiplied by 1 is 1.
        assert_eq!(Fp::ONE.mul(&Fp::ONE), Fp::ONE);
        assert_eq!(MODULUS[0].wrapping_mul(INV), u64::MAX); // p·(−p⁻¹) ≡ −1
        assert_eq!(Fp(mont_mul(&R2, &[1, 0, 0, 0, 0, 0])), Fp(R));
        assert_eq!(Fp(mont_mul(&R3, &[1, 0, 0, 0, 0, 0])), Fp(R2));
        assert_eq!(add_raw(&MODULUS, &MODULUS).1, 0);
        assert_eq!(Fp::HALF.double(), Fp::ONE);
        // p ≡ 3 (mod 8): (p − 3)/4 is even, which the Fp2 square root relies on.
        assert_eq!(MODULUS[0] & 7, 3);
    }
}
