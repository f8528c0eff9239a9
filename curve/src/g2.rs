//! G2: the sextic twist y² = x³ + 4(1 + u) over Fp2, its prime-order subgroup, and what is
//! particular to it — the generator, the encodings' sizes, the untwist–Frobenius–twist
//! endomorphism ψ, the subgroup check by ψ and cofactor clearing by Budroni–Pintore.

use subtle::{Choice, ConstantTimeEq};

use crate::decompose::{div_rem, low_u128, signed_digits};
use crate::fp::Fp;
use crate::fp2::Fp2;
use crate::g1::X_ABS;
use crate::point::{Affine, CurveParams, Projective};
use crate::scalar::Scalar;
use crate::scalar_mul::{mul_u64_public, multi_mul_signed, signed_table};

/// G2's parameters.
#[derive(Clone, Copy, Debug, Default)]
pub struct G2Params;

/// A point of G2 in affine coordinates.
pub type G2Affine = Affine<G2Params>;
/// A point of G2 in projective coordinates.
pub type G2Projective = Projective<G2Params>;

/// ξ = 1 + u, the twist's non-residue.
const XI: Fp2 = Fp2::new(Fp::ONE, Fp::ONE);
/// ψ's constants: 1/ξ^((p−1)/3) for x and 1/ξ^((p−1)/2) for y, computed at compile time
/// (a test checks ψ(P) = [x]P on the generator and on random points against the oracle).
const PSI_X: Fp2 = XI.pow_const(&Fp::P_MINUS_1_DIV_3).invert_const();
const PSI_Y: Fp2 = XI.pow_const(&Fp::P_MINUS_1_DIV_2).invert_const();

/// 96-byte compressed encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct G2Compressed(pub [u8; 96]);

/// 192-byte uncompressed encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct G2Uncompressed(pub [u8; 192]);

impl Default for G2Compressed {
    fn default() -> Self {
        G2Compressed([0; 96])
    }
}

impl Default for G2Uncompressed {
    fn default() -> Self {
        G2Uncompressed([0; 192])
    }
}

impl AsRef<[u8]> for G2Compressed {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl AsMut<[u8]> for G2Compressed {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

impl AsRef<[u8]> for G2Uncompressed {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl AsMut<[u8]> for G2Uncompressed {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

/// ψ(X : Y : Z) = (X̄·c_x : Ȳ·c_y : Z̄): untwist, Frobenius, twist (Galbraith–Scott).
pub(crate) fn psi(p: &G2Projective) -> G2Projective {
    Projective::from_xyz(
        p.x.conjugate().mul(&PSI_X),
        p.y.conjugate().mul(&PSI_Y),
        p.z.conjugate(),
    )
}

/// \[x\]P for the (negative) curve parameter x.
fn mul_by_x(p: &G2Projective) -> G2Projective {
    mul_u64_public(p, X_ABS).neg()
}

impl CurveParams for G2Params {
    type Base = Fp2;
    const B: Fp2 = Fp2::new(Fp::from_u64(4), Fp::from_u64(4));
    const B3: Fp2 = Fp2::new(Fp::from_u64(12), Fp::from_u64(12));
    /// The generator of the IETF drafts and ZCash; a test checks it against `bls12_381`'s.
    const GENERATOR: (Fp2, Fp2) = (
        Fp2::new(
            Fp::from_canonical_limbs(&[
                0xd480_56c8_c121_bdb8,
                0x0bac_0326_a805_bbef,
                0xb451_0b64_7ae3_d177,
                0xc6e4_7ad4_fa40_3b02,
                0x2608_0527_2dc5_1051,
                0x024a_a2b2_f08f_0a91,
            ]),
            Fp::from_canonical_limbs(&[
                0xe5ac_7d05_5d04_2b7e,
                0x334c_f112_1394_5d57,
                0xb5da_61bb_dc7f_5049,
                0x596b_d0d0_9920_b61a,
                0x7dac_d3a0_8827_4f65,
                0x13e0_2b60_5271_9f60,
            ]),
        ),
        Fp2::new(
            Fp::from_canonical_limbs(&[
                0xe193_5486_08b8_2801,
                0x923a_c9cc_3bac_a289,
                0x6d42_9a69_5160_d12c,
                0xadfd_9baa_8cbd_d3a7,
                0x8cc9_cdc6_da2e_351a,
                0x0ce5_d527_727d_6e11,
            ]),
            Fp::from_canonical_limbs(&[
                0xaaa9_075f_f05f_79be,
                0x3f37_0d27_5cec_1da1,
                0x2674_92ab_572e_99ab,
                0xcb3e_287e_85a7_63af,
                0x32ac_d2b0_2bc2_8b99,
                0x0606_c4a0_2ea7_34cc,
            ]),
        ),
    );
    /// 12(1 + u)·t: the multiplication by ξ (two additions) and 12 by additions.
    #[inline(always)]
    fn mul_by_3b(t: &Fp2) -> Fp2 {
        let s = t.mul_by_nonresidue();
        let s3 = s.double().add(&s);
        s3.double().double()
    }
    type Compressed = G2Compressed;
    type Uncompressed = G2Uncompressed;

    /// GLS (Galbraith, Lin, Scott, EUROCRYPT 2009) with ψ in four dimensions: k in base
    /// |x|, k = k₀ + k₁|x| + k₂|x|² + k₃|x|³ (each below |x| < 2⁶⁴, as k < r < x⁴), and
    /// |x|ⁱ·P = (−ψ)ⁱ(P) since ψ(P) = x·P with x < 0. Four 64-bit scalars on one chain of 64
    /// doublings; the decomposition is constant time (`decompose.rs`).
    fn mul(p: &G2Projective, k: &Scalar) -> G2Projective {
        let x = u128::from(X_ABS);
        let (q1, k0) = div_rem(&k.to_canonical_limbs(), x);
        let (q2, k1) = div_rem(&q1, x);
        let (q3, k2) = div_rem(&q2, x);
        let digits = [k0, k1, k2, low_u128(&q3)].map(signed_digits::<17>);
        // Tables of P, −ψ(P), ψ²(P), −ψ³(P): the first by additions, each next one as the
        // image of the previous under −ψ (two Fp2 multiplications an entry, not an addition).
        let t0 = signed_table(p);
        let t1 = t0.map(|q| psi(&q).neg());
        let t2 = t1.map(|q| psi(&q).neg());
        let t3 = t2.map(|q| psi(&q).neg());
        multi_mul_signed(&[t0, t1, t2, t3], &digits)
    }

    /// P ∈ G2 iff ψ(P) = \[x\]P (Scott, ePrint 2021/1130, §4; one multiplication by the
    /// public |x| and one ψ: constant time in P).
    fn is_torsion_free(p: &G2Projective) -> Choice {
        psi(p).ct_eq(&mul_by_x(p))
    }

    /// h_eff·P = \[x² − x − 1\]P + \[x − 1\]ψ(P) + ψ²(2P) (Budroni–Pintore, ePrint 2017/419;
    /// RFC 9380 §G.3's `clear_cofactor_bls12381_g2`, step by step).
    fn clear_cofactor(p: &G2Projective) -> G2Projective {
        let t1 = mul_by_x(p);
        let t2 = psi(p);
        let t3 = psi(&psi(&p.double()));
        let t3 = t3.sub(&t2);
        let t2 = mul_by_x(&t1.add(&t2));
        t3.add(&t2).sub(&t1).sub(p)
    }
}
