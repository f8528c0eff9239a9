//! GT, the pairing's target group: the elements of order r in Fp12*, written additively as
//! the `group` traits expect (`a + b` is the product, `-a` the inverse, `k * a` the power).
//!
//! Every value of the type is in the subgroup: the pairing produces only such values, and
//! decoding checks membership (Scott, "A note on group membership tests for G1, G2 and GT
//! on BLS pairing-friendly curves", eprint 2021/1130: f is in GT iff f is in the
//! cyclotomic subgroup and f^p = f^x, as gcd(p − x, Φ₁₂(p)) = r — a test checks that with
//! big integers).

use core::fmt;
use core::iter::Sum;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use rand_core::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::final_exp::exp_by_x;
use crate::fp::Fp;
use crate::fp12::Fp12;
use crate::limbs::nibble;
use crate::scalar::Scalar;

/// An element of GT.
#[derive(Clone, Copy)]
pub struct Gt(pub(crate) Fp12);

impl Gt {
    /// The identity, 1.
    pub fn identity() -> Gt {
        Gt(Fp12::ONE)
    }

    /// e(G1's generator, G2's generator).
    pub fn generator() -> Gt {
        Gt(GENERATOR)
    }

    /// Whether this is the identity.
    pub fn is_identity(&self) -> Choice {
        self.0.ct_eq(&Fp12::ONE)
    }

    /// a + a (the square; cyclotomic squaring).
    pub fn double(&self) -> Gt {
        Gt(self.0.cyclotomic_square())
    }

    /// The group operation (the product in Fp12).
    pub fn add(&self, rhs: &Gt) -> Gt {
        Gt(self.0.mul(&rhs.0))
    }

    /// The inverse (the conjugate, as GT is in the cyclotomic subgroup).
    pub fn neg(&self) -> Gt {
        Gt(self.0.conjugate())
    }

    /// a − b.
    pub fn sub(&self, rhs: &Gt) -> Gt {
        self.add(&rhs.neg())
    }

    /// k·a (the power a^k) in constant time: fixed 4-bit windows, each entry read by a scan
    /// of the whole table, cyclotomic squarings.
    pub fn mul(&self, k: &Scalar) -> Gt {
        let mut table = [Fp12::ONE; 16];
        for i in 1..16 {
            table[i] = table[i - 1].mul(&self.0);
        }
        let mut acc = Fp12::ONE;
        for limb in k.to_canonical_limbs().iter().rev() {
            for w in (0..16).rev() {
                for _ in 0..4 {
                    acc = acc.cyclotomic_square();
                }
                let digit = nibble(*limb, w);
                let mut entry = Fp12::ONE;
                for (i, t) in table.iter().enumerate() {
                    entry.conditional_assign(t, i.ct_eq(&digit));
                }
                acc = acc.mul(&entry);
            }
        }
        Gt(acc)
    }

    /// The value in Fp12.
    pub fn to_fp12(&self) -> Fp12 {
        self.0
    }

    /// The canonical 576-byte encoding ([`Fp12::to_bytes`]).
    pub fn to_bytes(&self) -> [u8; 576] {
        self.0.to_bytes()
    }

    /// Decodes [`Gt::to_bytes`]: `None` unless every coefficient is canonical and the value
    /// lies in GT. Constant time.
    pub fn from_bytes(bytes: &[u8; 576]) -> CtOption<Gt> {
        Fp12::from_bytes(bytes).and_then(|f| CtOption::new(Gt(f), is_in_gt(&f)))
    }

    /// A uniformly random element other than the identity (the generator to a random
    /// non-zero power).
    ///
    /// # Errors
    /// The RNG's error.
    pub fn try_random<Rn: TryRng + ?Sized>(rng: &mut Rn) -> Result<Gt, Rn::Error> {
        loop {
            let k = Scalar::try_random(rng)?;
            if !bool::from(k.is_zero()) {
                return Ok(Gt::generator().mul(&k));
            }
        }
    }
}

/// Whether f lies in GT: f ≠ 0, f^(p⁴ − p² + 1) = 1 (the cyclotomic subgroup, tested as
/// f^(p⁴)·f = f^(p²)), and f^p = f^x. Constant time (the last test is computed even where
/// the first fails; its cyclotomic squarings are meaningless there, and ignored).
pub(crate) fn is_in_gt(f: &Fp12) -> Choice {
    let p2 = f.frobenius2();
    let cyclotomic = p2.frobenius2().mul(f).ct_eq(&p2);
    let frobenius_is_x = f.frobenius().ct_eq(&exp_by_x(f));
    !f.is_zero() & cyclotomic & frobenius_is_x
}

/// e(G1, G2) as computed by this crate (a test recomputes it and compares it with
/// `bls12_381`'s).
const GENERATOR: Fp12 = generator_from_limbs(&GENERATOR_LIMBS);

/// The generator's twelve coefficients in the order of [`Fp12::to_bytes`], canonical
/// little-endian limbs.
const GENERATOR_LIMBS: [[u64; 6]; 12] = [
    [
        0xa843_05aa_ca17_89b6,
        0xb6d1_94f6_0839_c508,
        0x3dd8_e90c_e98d_b3e7,
        0x272d_441b_efa1_5c50,
        0xa7b2_d831_68d0_d727,
        0x1250_ebd8_71fc_0a92,
    ],
    [
        0x5988_2a98_eaa0_170f,
        0xf1a8_943e_5043_9f1d,
        0xaf5a_f689_452e_afab,
        0x68a8_4045_483c_92b7,
        0x8675_0ec6_a532_3488,
        0x089a_1c5b_46e5_110b,
    ],
    [
        0x881c_4c84_9ec2_3e87,
        0xddff_5730_9396_b38c,
        0x16da_0e22_a503_1b54,
        0x0378_a68e_72a6_b3b2,
        0x9703_f239_689c_e34c,
        0x1368_bb44_5c7c_2d20,
    ],
    [
        0x3150_21ec_3c19_934f,
        0xffe5_1d7a_5799_73b1,
        0x7c90_d8bd_6606_5b1f,
        0x37e0_794e_1e65_a761,
        0xc273_fa07_5a50_5129,
        0x1935_02b8_6edb_8857,
    ],
    [
        0x1dad_1c1f_b597_aaa5,
        0x19c3_4dff_bbaa_d843,
        0x1852_03fc_ca58_9ac7,
        0xfbf2_f8da_752f_7c74,
        0x9112_5ba8_4dc4_007c,
        0x01b2_f522_473d_1713,
    ],
    [
        0x8bea_e962_4045_b4b6,
        0x23f7_daca_a35c_8ca7,
        0x8061_e55c_ceba_478b,
        0x46da_634b_8f6b_e14a,
        0xbd3c_7993_7a45_b845,
        0x0181_0715_4f25_a764,
    ],
    [
        0x0f94_8226_e47e_e89d,
        0xbb12_d583_86a8_703e,
        0xdea5_4d43_b2b7_3f2c,
        0xc887_84fb_b3d0_b2db,
        0x9cd6_bd15_c3d5_a04d,
        0x19f2_6337_d205_fb46,
    ],
    [
        0x102a_e1c2_d5d5_ab1a,
        0x1bfd_1b68_ff02_f0b8,
        0xa7d2_809d_61bf_e02e,
        0xd585_7baa_f222_eb95,
        0x9f80_940c_a771_b6ff,
        0x06fb_a23e_b7c5_af0d,
    ],
    [
        0x1b93_b473_33e2_ba57,
        0x78ef_4888_1e32_fac9,
        0x7d0d_15ff_7b98_4e89,
        0xc81a_93b3_30ee_1a67,
        0xfcef_6808_3b0b_0ec5,
        0x11b8_b424_cd48_bf38,
    ],
    [
        0xbe22_91a0_c25a_99a2,
        0x7ba8_10c5_a09f_fdd9,
        0x20c8_06ad_3608_2910,
        0xc6a0_e978_6ab5_9733,
        0xc31b_4fcb_6ce5_771c,
        0x0335_0f55_a7ae_fcd3,
    ],
    [
        0x9108_f024_2d0f_e3ef,
        0xa4fa_fc05_0662_45cb,
        0x1c7c_dba7_b387_2629,
        0xa189_e879_35a9_5405,
        0x0224_9b64_728f_fd21,
        0x04c5_8123_4d08_6a99,
    ],
    [
        0xfde4_4938_3b67_6631,
        0xd48e_aa24_afe4_7e1e,
        0xdeff_686b_fd6d_f543,
        0x3bac_a4d7_2ca9_3544,
        0x0686_72cb_d01a_7ec7,
        0x0f41_e586_63bf_08cf,
    ],
];

const fn generator_from_limbs(l: &[[u64; 6]; 12]) -> Fp12 {
    use crate::fp2::Fp2;
    use crate::fp6::Fp6;
    Fp12::new(
        Fp6::new(
            Fp2::new(
                Fp::from_canonical_limbs(&l[0]),
                Fp::from_canonical_limbs(&l[1]),
            ),
            Fp2::new(
                Fp::from_canonical_limbs(&l[2]),
                Fp::from_canonical_limbs(&l[3]),
            ),
            Fp2::new(
                Fp::from_canonical_limbs(&l[4]),
                Fp::from_canonical_limbs(&l[5]),
            ),
        ),
        Fp6::new(
            Fp2::new(
                Fp::from_canonical_limbs(&l[6]),
                Fp::from_canonical_limbs(&l[7]),
            ),
            Fp2::new(
                Fp::from_canonical_limbs(&l[8]),
                Fp::from_canonical_limbs(&l[9]),
            ),
            Fp2::new(
                Fp::from_canonical_limbs(&l[10]),
                Fp::from_canonical_limbs(&l[11]),
            ),
        ),
    )
}

impl Default for Gt {
    fn default() -> Gt {
        Gt::identity()
    }
}

impl ConstantTimeEq for Gt {
    fn ct_eq(&self, other: &Gt) -> Choice {
        self.0.ct_eq(&other.0)
    }
}

impl ConditionallySelectable for Gt {
    fn conditional_select(a: &Gt, b: &Gt, choice: Choice) -> Gt {
        Gt(Fp12::conditional_select(&a.0, &b.0, choice))
    }
}

impl PartialEq for Gt {
    fn eq(&self, other: &Gt) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Gt {}

impl fmt::Debug for Gt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gt({:?})", self.0)
    }
}

impl zeroize::DefaultIsZeroes for Gt {}

impl Neg for Gt {
    type Output = Gt;
    fn neg(self) -> Gt {
        Gt::neg(&self)
    }
}

impl Neg for &Gt {
    type Output = Gt;
    fn neg(self) -> Gt {
        Gt::neg(self)
    }
}

/// `a ⊕ b` on values and references and `a ⊕= b`, for `Gt ⊕ $rhs` routed to `Gt::$f`.
macro_rules! gt_op {
    ($tr:ident, $f:ident, $tra:ident, $fa:ident, $rhs:ty, $out:ty) => {
        impl $tr<&$rhs> for &Gt {
            type Output = $out;
            fn $f(self, rhs: &$rhs) -> $out {
                Gt::$f(self, rhs)
            }
        }
        impl $tr<$rhs> for &Gt {
            type Output = $out;
            fn $f(self, rhs: $rhs) -> $out {
                Gt::$f(self, &rhs)
            }
        }
        impl $tr<&$rhs> for Gt {
            type Output = $out;
            fn $f(self, rhs: &$rhs) -> $out {
                Gt::$f(&self, rhs)
            }
        }
        impl $tr<$rhs> for Gt {
            type Output = $out;
            fn $f(self, rhs: $rhs) -> $out {
                Gt::$f(&self, &rhs)
            }
        }
        impl $tra<&$rhs> for Gt {
            fn $fa(&mut self, rhs: &$rhs) {
                *self = Gt::$f(self, rhs);
            }
        }
        impl $tra<$rhs> for Gt {
            fn $fa(&mut self, rhs: $rhs) {
                *self = Gt::$f(self, &rhs);
            }
        }
    };
}

gt_op!(Add, add, AddAssign, add_assign, Gt, Gt);
gt_op!(Sub, sub, SubAssign, sub_assign, Gt, Gt);
gt_op!(Mul, mul, MulAssign, mul_assign, Scalar, Gt);

impl Sum for Gt {
    fn sum<I: Iterator<Item = Gt>>(iter: I) -> Gt {
        iter.fold(Gt::identity(), |acc, x| acc.add(&x))
    }
}

impl<'a> Sum<&'a Gt> for Gt {
    fn sum<I: Iterator<Item = &'a Gt>>(iter: I) -> Gt {
        iter.fold(Gt::identity(), |acc, x| acc.add(x))
    }
}

impl group::Group for Gt {
    type Scalar = Scalar;

    fn try_random<R: TryRng + ?Sized>(rng: &mut R) -> Result<Gt, R::Error> {
        Gt::try_random(rng)
    }

    fn identity() -> Gt {
        Gt::identity()
    }

    fn generator() -> Gt {
        Gt::generator()
    }

    fn is_identity(&self) -> Choice {
        Gt::is_identity(self)
    }

    fn double(&self) -> Gt {
        Gt::double(self)
    }
}
