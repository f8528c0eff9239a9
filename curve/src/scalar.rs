//! The scalar field Fr of BLS12-381 (the prime order r of G1 and G2, 255 bits), on four
//! 64-bit limbs in Montgomery form (R = 2²⁵⁶), fully reduced: R < 4r leaves no room for a
//! redundant range, so every product ends with the (masked) subtraction of r.
//!
//! Constant time throughout, as the base field is.

use core::fmt;

use ff::PrimeField;
use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::limbs::{low_bit, sbb};
use crate::mont::{add_small, backend, neg_inv_word, pow2_mod, shr, sub_small, subtract_if_ge};

/// r, little-endian limbs. A test derives it from the curve parameter x = −0xd201000000010000
/// as r = x⁴ − x² + 1.
pub(crate) const MODULUS: [u64; 4] = [
    0xffff_ffff_0000_0001,
    0x53bd_a402_fffe_5bfe,
    0x3339_d808_09a1_d805,
    0x73ed_a753_299d_7d48,
];

const INV: u64 = neg_inv_word(MODULUS[0]);
/// R mod r (the form of 1), R² and R³ mod r.
const R: [u64; 4] = pow2_mod(256, &MODULUS);
const R2: [u64; 4] = pow2_mod(512, &MODULUS);
const R3: [u64; 4] = mont_mul(&R2, &R2);

/// a·b·R⁻¹ mod r, reduced: for a < r and b < 2²⁵⁶ the CIOS result is below
/// a·b/R + r < 2r, so one masked subtraction brings it below r.
#[inline(always)]
const fn mont_mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    subtract_if_ge(backend::mont_mul4(a, b, &MODULUS, INV), &MODULUS)
}

/// r − 1 = 2^S · T with T odd; S = 32.
const S: u32 = 32;
const T: [u64; 4] = {
    let mut t = sub_small(&MODULUS, 1);
    let mut i = 0;
    while i < S / 16 {
        t = shr(&t, 16);
        i += 1;
    }
    t
};
/// (T − 1)/2, the exponent of the Tonelli–Shanks square root.
const T_MINUS_1_DIV_2: [u64; 4] = shr(&sub_small(&T, 1), 1);
/// r − 2, the inversion exponent.
const R_MINUS_2: [u64; 4] = sub_small(&MODULUS, 2);

/// baseᵉ at compile time (square and multiply over e's bits; public constants only).
const fn pow_const(base: &[u64; 4], e: &[u64; 4]) -> [u64; 4] {
    let mut acc = R;
    let mut i = 256;
    while i > 0 {
        i -= 1;
        acc = mont_mul(&acc, &acc);
        if (e[i / 64] >> (i % 64)) & 1 == 1 {
            acc = mont_mul(&acc, base);
        }
    }
    acc
}

/// The generator 7 of Fr*, in Montgomery form.
const GENERATOR: [u64; 4] = mont_mul(&R2, &[7, 0, 0, 0]);

/// An element of the scalar field: an integer mod r.
#[derive(Clone, Copy, Default)]
pub struct Scalar(pub(crate) [u64; 4]);

impl Scalar {
    /// 0.
    pub const ZERO: Scalar = Scalar([0; 4]);
    /// 1.
    pub const ONE: Scalar = Scalar(R);

    /// The element `v`.
    pub const fn from_u64(v: u64) -> Scalar {
        Scalar(mont_mul(&R2, &[v, 0, 0, 0]))
    }

    /// Decodes a 32-byte little-endian integer (the `PrimeField` representation, as
    /// `bls12_381::Scalar`); `None` unless it is below r.
    pub fn from_bytes(bytes: &[u8; 32]) -> CtOption<Scalar> {
        let limbs = le_limbs(bytes);
        let mut borrow = 0;
        for (l, m) in limbs.iter().zip(MODULUS.iter()) {
            borrow = sbb(*l, *m, borrow).1;
        }
        CtOption::new(Scalar(mont_mul(&R2, &limbs)), low_bit(borrow))
    }

    /// The 32-byte little-endian encoding of the canonical integer.
    pub fn to_bytes(&self) -> [u8; 32] {
        let canonical = mont_mul(&self.0, &[1, 0, 0, 0]);
        let mut out = [0u8; 32];
        for (chunk, limb) in out.chunks_exact_mut(8).zip(canonical.iter()) {
            chunk.copy_from_slice(&limb.to_le_bytes());
        }
        out
    }

    /// A 64-byte little-endian integer reduced mod r (uniform to within 2⁻²⁵⁶ for uniform
    /// input): N = A + B·2²⁵⁶ ↦ mont(R², A) + mont(R³, B).
    pub fn from_bytes_wide(bytes: &[u8; 64]) -> Scalar {
        let mut low = [0u8; 32];
        let mut high = [0u8; 32];
        low.copy_from_slice(bytes.get(..32).unwrap_or(&[0; 32]));
        high.copy_from_slice(bytes.get(32..).unwrap_or(&[0; 32]));
        Scalar(mont_mul(&R2, &le_limbs(&low))).add(&Scalar(mont_mul(&R3, &le_limbs(&high))))
    }

    /// a + b.
    #[inline]
    pub const fn add(&self, rhs: &Scalar) -> Scalar {
        Scalar(backend::add_mod4(&self.0, &rhs.0, &MODULUS))
    }

    /// 2a.
    #[inline]
    pub const fn double(&self) -> Scalar {
        self.add(self)
    }

    /// a − b.
    #[inline]
    pub const fn sub(&self, rhs: &Scalar) -> Scalar {
        Scalar(backend::sub_mod4(&self.0, &rhs.0, &MODULUS))
    }

    /// −a.
    #[inline]
    pub const fn neg(&self) -> Scalar {
        Scalar(backend::neg_mod4(&self.0, &MODULUS))
    }

    /// a·b.
    #[inline]
    pub const fn mul(&self, rhs: &Scalar) -> Scalar {
        Scalar(mont_mul(&self.0, &rhs.0))
    }

    /// a².
    #[inline]
    pub const fn square(&self) -> Scalar {
        self.mul(self)
    }

    /// aᵉ for a public exponent (constant time in a; see the base field).
    pub fn pow_vartime(&self, exp: &[u64]) -> Scalar {
        crate::pow::pow_public(self, exp)
    }

    /// a⁻¹ = a^(r−2), `None` for 0. Constant time.
    pub fn invert(&self) -> CtOption<Scalar> {
        CtOption::new(self.pow_vartime(&R_MINUS_2), !self.is_zero())
    }

    /// A square root by constant-time Tonelli–Shanks (r ≡ 1 mod 2³²), `None` for a
    /// non-square.
    pub fn sqrt(&self) -> CtOption<Scalar> {
        ff::helpers::sqrt_tonelli_shanks(self, T_MINUS_1_DIV_2)
    }

    /// `sqrt_ratio` with ff's semantics (its generic algorithm).
    pub fn sqrt_ratio(num: &Scalar, div: &Scalar) -> (Choice, Scalar) {
        ff::helpers::sqrt_ratio_generic(num, div)
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> Choice {
        self.ct_eq(&Scalar::ZERO)
    }

    /// A uniformly random scalar (64 RNG bytes, reduced).
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Scalar, Rn::Error> {
        let mut bytes = [0u8; 64];
        rng.try_fill_bytes(&mut bytes)?;
        Ok(Scalar::from_bytes_wide(&bytes))
    }

    /// The canonical integer's limbs, little-endian (for scalar multiplication).
    pub(crate) fn to_canonical_limbs(self) -> [u64; 4] {
        mont_mul(&self.0, &[1, 0, 0, 0])
    }
}

/// Little-endian bytes → limbs.
fn le_limbs(bytes: &[u8; 32]) -> [u64; 4] {
    let mut limbs = [0u64; 4];
    for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        *limb = u64::from_le_bytes(word);
    }
    limbs
}

impl ConstantTimeEq for Scalar {
    fn ct_eq(&self, other: &Scalar) -> Choice {
        self.0.ct_eq(&other.0)
    }
}

impl ConditionallySelectable for Scalar {
    fn conditional_select(a: &Scalar, b: &Scalar, choice: Choice) -> Scalar {
        let mut out = [0u64; 4];
        for ((o, x), y) in out.iter_mut().zip(a.0.iter()).zip(b.0.iter()) {
            *o = u64::conditional_select(x, y, choice);
        }
        Scalar(out)
    }
}

impl PartialEq for Scalar {
    fn eq(&self, other: &Scalar) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Scalar {}

impl fmt::Debug for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("0x")?;
        for b in self.to_bytes().iter().rev() {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl From<u64> for Scalar {
    fn from(v: u64) -> Scalar {
        Scalar::from_u64(v)
    }
}

impl zeroize::DefaultIsZeroes for Scalar {}

crate::ops::impl_field_ops!(Scalar);
crate::ops::impl_ff_field!(Scalar);

impl PrimeField for Scalar {
    type Repr = [u8; 32];

    fn from_repr(repr: [u8; 32]) -> CtOption<Scalar> {
        Scalar::from_bytes(&repr)
    }

    fn to_repr(&self) -> [u8; 32] {
        self.to_bytes()
    }

    fn is_odd(&self) -> Choice {
        low_bit(self.to_canonical_limbs()[0])
    }

    /// Checked against the limbs by a test.
    const MODULUS: &'static str =
        "0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";
    const NUM_BITS: u32 = 255;
    const CAPACITY: u32 = 254;
    /// 1/2 = (r + 1)/2.
    const TWO_INV: Scalar = Scalar(mont_mul(&R2, &shr(&add_small(&MODULUS, 1), 1)));
    /// 7, as `bls12_381` and the usual FFT conventions take it.
    const MULTIPLICATIVE_GENERATOR: Scalar = Scalar(GENERATOR);
    const S: u32 = S;
    /// 7^T: a primitive 2³²-th root of unity.
    const ROOT_OF_UNITY: Scalar = Scalar(pow_const(&GENERATOR, &T));
    /// (7^T)⁻¹ = 7^(T·(r−2)) — computed as (7^T)^(r−2).
    const ROOT_OF_UNITY_INV: Scalar = Scalar(pow_const(&pow_const(&GENERATOR, &T), &R_MINUS_2));
    /// 7^(2^S).
    const DELTA: Scalar = Scalar({
        let mut d = GENERATOR;
        let mut i = 0;
        while i < S {
            d = mont_mul(&d, &d);
            i += 1;
        }
        d
    });
}
