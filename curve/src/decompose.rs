//! Constant-time decomposition of secret scalars for the endomorphism methods: division of
//! a 256-bit integer by a public divisor of at most 128 bits, by 256 steps of shift, compare
//! and masked subtract — no hardware division (whose timing can depend on its operands) and
//! no branch on the scalar. The steps cost about a microsecond, against the tens of
//! microseconds the decomposition saves.

use crate::limbs::mask;

/// (⌊k/d⌋, k mod d) for k given as little-endian limbs and a public d ≥ 1, d < 2¹²⁸.
pub(crate) fn div_rem(k: &[u64; 4], d: u128) -> ([u64; 4], u128) {
    let mut q = [0u64; 4];
    let mut rem: u128 = 0;
    for i in (0..256).rev() {
        let limb = i / 64;
        let bit = (k.get(limb).copied().unwrap_or(0) >> (i % 64)) & 1;
        // rem < d < 2¹²⁸, so 2·rem + 1 < 2¹²⁹: keep the bit shifted out.
        let carry = u64::try_from(rem >> 127).unwrap_or(0);
        let shifted = (rem << 1) | u128::from(bit);
        let (_, borrow) = shifted.overflowing_sub(d);
        // Subtract when the 129-bit value 2·rem + bit ≥ d: a carry out, or no borrow. The
        // subtraction is of d masked, not a choice between two values (which LLVM may
        // compile to a branch).
        let take = carry | u64::from(!borrow);
        let m = u128::from(mask(take)) | (u128::from(mask(take)) << 64);
        rem = shifted.wrapping_sub(d & m);
        if let Some(word) = q.get_mut(limb) {
            *word |= take << (i % 64);
        }
    }
    (q, rem)
}

/// The low 128 bits of limbs.
pub(crate) fn low_u128(k: &[u64; 4]) -> u128 {
    u128::from(k[0]) | (u128::from(k[1]) << 64)
}

/// Signed 4-bit digits of a scalar below 2^(4·(N − 1)): k = Σ dᵢ·16ⁱ with dᵢ ∈ [−8, 8)
/// (the last digit is the final carry, 0 or 1). Branch-free: each digit is its window
/// plus the carry, minus 16 where that reaches 8.
pub(crate) fn signed_digits<const N: usize>(k: u128) -> [i8; N] {
    let mut out = [0i8; N];
    let mut carry: u32 = 0;
    for (i, d) in out.iter_mut().enumerate() {
        let window = if i < 32 {
            u32::try_from((k >> (4 * i)) & 0xf).unwrap_or(0)
        } else {
            0
        };
        let w = window + carry;
        carry = (w + 8) >> 4;
        *d = i8::try_from(i32::try_from(w).unwrap_or(0) - 16 * i32::try_from(carry).unwrap_or(0))
            .unwrap_or(0);
    }
    out
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)] // the test splits words on purpose
mod tests {
    use super::*;
    use crate::g1::{G1Params, X_ABS};
    use crate::point::{CurveParams, Projective};
    use crate::scalar::Scalar;
    use ff::PrimeField;

    /// The scalars at the edges of both decompositions: 0, 1, r − 1, x² and its
    /// neighbours, powers of |x| and their neighbours, 2¹²⁸ ± 1, 2²⁵⁶ − 1 reduced.
    fn edge_scalars() -> [Scalar; 16] {
        let x = Scalar::from_u64(X_ABS);
        let x2 = x * x;
        let x3 = x2 * x;
        let two_128 = Scalar::from_u128(u128::MAX) + Scalar::ONE;
        [
            Scalar::ZERO,
            Scalar::ONE,
            -Scalar::ONE,
            x,
            x - Scalar::ONE,
            x + Scalar::ONE,
            x2,
            x2 - Scalar::ONE,
            x2 + Scalar::ONE,
            x3,
            x3 - Scalar::ONE,
            -x3,
            two_128,
            two_128 - Scalar::ONE,
            Scalar::from_bytes_wide(&[0xff; 64]),
            -x2,
        ]
    }

    #[test]
    fn division_is_exact() {
        let k = [u64::MAX, 0x1234_5678_9abc_def0, 7, 0x73ed_a753_299d_7d48];
        for d in [
            1u128,
            3,
            u128::from(X_ABS),
            u128::from(X_ABS) * u128::from(X_ABS),
            u128::MAX,
        ] {
            let (q, r) = div_rem(&k, d);
            assert!(r < d);
            // q·d + r = k, recomputed with schoolbook multiplication on u128 halves.
            let (d_lo, d_hi) = (d as u64, (d >> 64) as u64);
            let mut acc = [0u128; 6];
            for (i, qi) in q.iter().enumerate() {
                acc[i] += (u128::from(*qi) * u128::from(d_lo)) & u128::from(u64::MAX);
                acc[i + 1] += (u128::from(*qi) * u128::from(d_lo)) >> 64;
                acc[i + 1] += (u128::from(*qi) * u128::from(d_hi)) & u128::from(u64::MAX);
                acc[i + 2] += (u128::from(*qi) * u128::from(d_hi)) >> 64;
            }
            acc[0] += r & u128::from(u64::MAX);
            acc[1] += r >> 64;
            let mut carry = 0u128;
            let mut words = [0u64; 6];
            for (w, a) in words.iter_mut().zip(acc.iter()) {
                let t = a + carry;
                *w = t as u64;
                carry = t >> 64;
            }
            assert_eq!(&words[..4], &k[..], "d = {d:#x}");
            assert_eq!(words[4] | words[5], 0);
        }
    }

    #[test]
    fn signed_digits_recompose() {
        for k in [
            0u128,
            1,
            7,
            8,
            15,
            16,
            0x8888_8888,
            u128::MAX,
            u128::MAX / 3,
            1 << 127,
        ] {
            let digits = signed_digits::<33>(k);
            assert!(digits.iter().all(|d| (-8..8).contains(d) || *d == 8));
            let mut v: i128 = 0;
            let mut high: i128 = 0; // the top digit's weight 16³² overflows i128: keep it apart
            for (i, d) in digits.iter().enumerate().rev() {
                if i == 32 {
                    high = i128::from(*d);
                } else {
                    v = v.wrapping_mul(16).wrapping_add(i128::from(*d));
                }
            }
            // k = high·2¹²⁸ + v (mod 2¹²⁸ for the wrapped part).
            assert_eq!(v as u128, k);
            assert!(high == 0 || high == 1);
        }
    }

    fn endo_matches_reference<C: CurveParams>() {
        let g = Projective::<C>::generator();
        let p = crate::scalar_mul::mul(&g, &Scalar::from_u64(0x1234_5678));
        for k in edge_scalars() {
            assert_eq!(C::mul(&p, &k), crate::scalar_mul::mul(&p, &k), "k = {k:?}");
        }
        assert!(bool::from(
            C::mul(&Projective::identity(), &Scalar::ONE).is_identity()
        ));
    }

    #[test]
    fn glv_matches_fixed_windows_at_the_edges() {
        endo_matches_reference::<G1Params>();
    }

    #[test]
    fn gls_matches_fixed_windows_at_the_edges() {
        endo_matches_reference::<crate::g2::G2Params>();
    }
}
