//! G1: the curve y² = x³ + 4 over Fp, its prime-order subgroup, and what is particular to
//! it — the generator, the encodings' sizes, the endomorphism φ(x, y) = (βx, y), the
//! subgroup check by φ and cofactor clearing by 1 − x.

use subtle::{Choice, ConstantTimeEq};

use crate::decompose::{div_rem, low_u128, signed_digits};
use crate::fp::Fp;
use crate::point::{Affine, CurveParams, Projective};
use crate::scalar::Scalar;
use crate::scalar_mul::{mul_u64_public, multi_mul_signed, signed_table};

/// |x| for the curve parameter x = −0xd201000000010000 (the tests derive p and r from it).
pub(crate) const X_ABS: u64 = 0xd201_0000_0001_0000;

/// x² (public), GLV's divisor.
const X_SQUARED: u128 = (X_ABS as u128) * (X_ABS as u128);

/// G1's parameters.
#[derive(Clone, Copy, Debug, Default)]
pub struct G1Params;

/// A point of G1 in affine coordinates.
pub type G1Affine = Affine<G1Params>;
/// A point of G1 in projective coordinates.
pub type G1Projective = Projective<G1Params>;

/// β = 2^((p−1)/3), a primitive cube root of unity in Fp: the one for which φ acts on G1 as
/// multiplication by −x² (the other root, β², gives x² − 1; a test checks the choice on the
/// generator and on random points).
const BETA: Fp = Fp::from_u64(2).pow_const(&Fp::P_MINUS_1_DIV_3);

/// 48-byte compressed encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct G1Compressed(pub [u8; 48]);

/// 96-byte uncompressed encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct G1Uncompressed(pub [u8; 96]);

impl Default for G1Compressed {
    fn default() -> Self {
        G1Compressed([0; 48])
    }
}

impl Default for G1Uncompressed {
    fn default() -> Self {
        G1Uncompressed([0; 96])
    }
}

impl AsRef<[u8]> for G1Compressed {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl AsMut<[u8]> for G1Compressed {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

impl AsRef<[u8]> for G1Uncompressed {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl AsMut<[u8]> for G1Uncompressed {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

/// φ(X : Y : Z) = (βX : Y : Z).
fn endomorphism(p: &G1Projective) -> G1Projective {
    Projective::from_xyz(p.x * BETA, p.y, p.z)
}

impl CurveParams for G1Params {
    type Base = Fp;
    const B: Fp = Fp::from_u64(4);
    const B3: Fp = Fp::from_u64(12);
    /// The generator of the IETF drafts and ZCash (x = 0x17f1d3a7…, y = 0x08b3f481…); a
    /// test checks it against `bls12_381`'s and that it is on the curve.
    const GENERATOR: (Fp, Fp) = (
        Fp::from_canonical_limbs(&[
            0xfb3a_f00a_db22_c6bb,
            0x6c55_e83f_f97a_1aef,
            0xa14e_3a3f_171b_ac58,
            0xc368_8c4f_9774_b905,
            0x2695_638c_4fa9_ac0f,
            0x17f1_d3a7_3197_d794,
        ]),
        Fp::from_canonical_limbs(&[
            0x0caa_2329_46c5_e7e1,
            0xd03c_c744_a288_8ae4,
            0x00db_18cb_2c04_b3ed,
            0xfcf5_e095_d5d0_0af6,
            0xa09e_30ed_741d_8ae4,
            0x08b3_f481_e3aa_a0f1,
        ]),
    );
    /// 12t by additions: 2t, 3t, 6t, 12t.
    #[inline(always)]
    fn mul_by_3b(t: &Fp) -> Fp {
        let t3 = t.double().add(t);
        t3.double().double()
    }
    type Compressed = G1Compressed;
    type Uncompressed = G1Uncompressed;

    /// GLV (Gallant, Lambert, Vanstone, CRYPTO 2001) with φ: k = a + b·x² (a = k mod x²,
    /// b = ⌊k/x²⌋, both below x² < 2¹²⁸, as k < r < x⁴), and x²·P = −φ(P), so
    /// k·P = a·P + b·(−φ(P)): two 128-bit scalars on one chain of 128 doublings, the table
    /// of −φ(P) mapped from P's. The decomposition is constant time (`decompose.rs`).
    fn mul(p: &G1Projective, k: &Scalar) -> G1Projective {
        let (b, a) = div_rem(&k.to_canonical_limbs(), X_SQUARED);
        let digits = [signed_digits::<33>(a), signed_digits::<33>(low_u128(&b))];
        // The second table is the first's image under −φ (one Fp multiplication an entry
        // instead of an addition).
        let t0 = signed_table(p);
        let t1 = t0.map(|q| endomorphism(&q).neg());
        multi_mul_signed(&[t0, t1], &digits)
    }

    /// P ∈ G1 iff φ(P) = −x²·P (Scott, "A note on group membership tests for G1, G2 and
    /// GT on BLS pairing-friendly curves", ePrint 2021/1130, §6; proof completed in
    /// Bowe-style form by ePrint 2022/352). Two multiplications by the public |x| and one
    /// comparison: constant time in P.
    fn is_torsion_free(p: &G1Projective) -> Choice {
        let x2p = mul_u64_public(&mul_u64_public(p, X_ABS), X_ABS);
        (-x2p).ct_eq(&endomorphism(p))
    }

    /// \[1 − x\]P = P + \[|x|\]P (RFC 9380 §8.8.1: h_eff = 1 − x clears G1's cofactor).
    fn clear_cofactor(p: &G1Projective) -> G1Projective {
        p.add(&mul_u64_public(p, X_ABS))
    }
}
