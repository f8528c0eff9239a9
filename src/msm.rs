//! Variable-time scalar multiplication for short scalars on **public** points: windowed
//! NAF for one point, Pippenger's bucket method for sums.
//!
//! The engine's `point * Scalar` is constant time over all 255 bits. Batch verification
//! multiplies public points (keys, signatures) by random 64- or 128-bit scalars that are
//! discarded after one check, so a variable-time method that touches only the scalar's
//! bits is safe there and several times cheaper. Never use these with secret scalars.

use alloc::vec;
use alloc::vec::Vec;

use group::{Curve, CurveAffine};

/// Window width of the NAF for single-point multiplication.
const WNAF_WINDOW: u32 = 4;
/// Odd multiples P, 3P, …, (2^(w−1) − 1)P.
const WNAF_TABLE: usize = 1 << (WNAF_WINDOW - 2);

/// The width-w NAF digits of `k`, least significant first.
fn wnaf_digits(mut k: u128) -> ([i8; 130], usize) {
    let mut digits = [0i8; 130];
    let mut len = 0;
    // Bit 128 of the running value, set when adding a negative digit's magnitude carries.
    let mut high = false;
    let half = 1i32 << (WNAF_WINDOW - 1);
    while k != 0 || high {
        if k & 1 == 1 {
            let r = (k & ((1 << WNAF_WINDOW) - 1)) as i32;
            let d = if r >= half { r - (1 << WNAF_WINDOW) } else { r };
            if d >= 0 {
                k -= d as u128;
            } else {
                let (sum, carry) = k.overflowing_add((-d) as u128);
                k = sum;
                high |= carry;
            }
            // |d| < 2^(w−1) = 8: always fits.
            digits[len] = i8::try_from(d).unwrap_or_default();
        }
        len += 1;
        k = (k >> 1) | (u128::from(high) << 127);
        high = false;
    }
    (digits, len)
}

/// `k · p` in variable time.
pub(crate) fn mul_vartime<G: Curve>(p: &G, k: u128) -> G {
    if k == 1 {
        return *p;
    }
    let (digits, len) = wnaf_digits(k);
    let double = p.double();
    let mut table = [*p; WNAF_TABLE];
    for i in 1..WNAF_TABLE {
        table[i] = table[i - 1] + double;
    }
    let mut acc = G::identity();
    for &d in digits[..len].iter().rev() {
        acc = acc.double();
        if d > 0 {
            acc += table[(d as usize) / 2];
        } else if d < 0 {
            acc -= table[(-d as usize) / 2];
        }
    }
    acc
}

/// The Pippenger window that minimises `windows · (n + 2^c)` group additions (signed
/// digits: 2^(c−1) buckets, each summed twice).
fn window_bits(n: usize, scalar_bits: u32) -> u32 {
    (1..=16u32)
        .min_by_key(|&c| (scalar_bits / c + 1) as usize * (n + (1usize << c)))
        .unwrap_or(1)
}

/// Signed base-2^c digits of `k`, in [−2^(c−1), 2^(c−1)], least significant first; the
/// last digit absorbs the final carry.
fn signed_digits(k: u128, c: u32, windows: u32, out: &mut Vec<i32>) {
    let mask = (1u128 << c) - 1;
    let half = 1i32 << (c - 1);
    let mut carry = 0i32;
    for w in 0..windows {
        let raw = if w * c < 128 {
            // Masked to c ≤ 16 bits: always fits.
            i32::try_from((k >> (w * c)) & mask).unwrap_or_default()
        } else {
            0
        };
        let mut d = raw + carry;
        carry = 0;
        if d > half {
            d -= 1 << c;
            carry = 1;
        }
        out.push(d);
    }
}

/// Σ kᵢ·Pᵢ in variable time (the window schedule follows the largest scalar).
///
/// Pippenger's bucket method with signed digits and mixed (projective + affine)
/// additions; for a handful of points, separate NAF multiplications are cheaper and are
/// used instead.
pub(crate) fn msm_vartime<G: Curve>(points: &[G::Affine], scalars: &[u128]) -> G {
    let n = points.len().min(scalars.len());
    if n < 8 {
        return points
            .iter()
            .zip(scalars)
            .map(|(p, &k)| mul_vartime(&p.to_curve(), k))
            .fold(G::identity(), |acc, x| acc + x);
    }
    let largest = scalars[..n].iter().copied().max().unwrap_or(0);
    let scalar_bits = (128 - largest.leading_zeros()).max(1);
    let c = window_bits(n, scalar_bits);
    // One extra window holds the last carry.
    let windows = scalar_bits / c + 1;
    let mut digits = Vec::with_capacity(n * windows as usize);
    for &k in &scalars[..n] {
        signed_digits(k, c, windows, &mut digits);
    }
    let mut buckets = vec![G::identity(); 1 << (c - 1)];
    let mut total = G::identity();
    for w in (0..windows as usize).rev() {
        for _ in 0..c {
            total = total.double();
        }
        buckets.iter_mut().for_each(|b| *b = G::identity());
        for (i, p) in points[..n].iter().enumerate() {
            let d = digits.get(i * windows as usize + w).copied().unwrap_or(0);
            let slot = (d.unsigned_abs() as usize)
                .checked_sub(1)
                .and_then(|b| buckets.get_mut(b));
            if let Some(bucket) = slot {
                if d > 0 {
                    *bucket += p;
                } else {
                    *bucket -= p;
                }
            }
        }
        // Σ_d d·bucket[d] by running sums from the top.
        let mut running = G::identity();
        let mut window_sum = G::identity();
        for b in buckets.iter().rev() {
            running += b;
            window_sum += running;
        }
        total += window_sum;
    }
    total
}

/// Σ kᵢ·Pᵢ in variable time for full-size scalars, split as kᵢ = loᵢ + 2¹²⁸·hiᵢ into two
/// 128-bit multi-scalar multiplications.
pub(crate) fn msm_scalars_vartime<G: Curve>(
    points: &[G::Affine],
    scalars: &[blsig_curve::Scalar],
) -> G {
    let (mut lo, mut hi) = (
        Vec::with_capacity(scalars.len()),
        Vec::with_capacity(scalars.len()),
    );
    for k in scalars {
        let bytes = k.to_bytes();
        let (l, h) = bytes.split_at(16);
        let mut buf = [0u8; 16];
        buf.copy_from_slice(l);
        lo.push(u128::from_le_bytes(buf));
        buf.copy_from_slice(h);
        hi.push(u128::from_le_bytes(buf));
    }
    let mut high: G = msm_vartime(points, &hi);
    for _ in 0..128 {
        high = high.double();
    }
    high + msm_vartime::<G>(points, &lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;
    use blsig_curve::{G1Projective, G2Projective, Scalar};
    use ff::PrimeField;

    fn lcg(seed: &mut u128) -> u128 {
        *seed = seed
            .wrapping_mul(0x2545_f491_4f6c_dd1d_9e37_79b9_7f4a_7c15)
            .wrapping_add(1442695040888963407);
        *seed
    }

    #[test]
    fn wnaf_matches_constant_time_multiplication() {
        let mut seed = 7u128;
        let g = G1Projective::generator();
        for k in [0u128, 1, 2, 3, 15, 16, 17, u64::MAX as u128, u128::MAX] {
            assert_eq!(mul_vartime(&g, k), g * Scalar::from_u128(k), "k = {k}");
        }
        for _ in 0..20 {
            let k = lcg(&mut seed);
            assert_eq!(mul_vartime(&g, k), g * Scalar::from_u128(k));
            let k64 = k & u128::from(u64::MAX);
            assert_eq!(
                mul_vartime(&G2Projective::generator(), k64),
                G2Projective::generator() * Scalar::from_u128(k64)
            );
        }
    }

    #[test]
    fn full_scalar_msm_matches_naive_sum() {
        let points: Vec<_> = (0..12u64)
            .map(|i| (G1Projective::generator() * Scalar::from(i + 2)).into())
            .collect();
        let scalars: Vec<Scalar> = (0..12u64).map(|i| -Scalar::from(i * 7919 + 1)).collect();
        let expected = points
            .iter()
            .zip(&scalars)
            .fold(G1Projective::identity(), |acc, (p, k)| {
                acc + G1Projective::from(p) * k
            });
        assert_eq!(
            msm_scalars_vartime::<G1Projective>(&points, &scalars),
            expected
        );
    }

    #[test]
    fn msm_matches_naive_sum() {
        let mut seed = 99u128;
        for n in [0usize, 1, 7, 8, 9, 33, 100, 300] {
            for bits in [64u32, 128] {
                let points: Vec<_> = (0..n)
                    .map(|i| (G1Projective::generator() * Scalar::from(i as u64 + 5)).into())
                    .collect();
                let scalars: Vec<u128> = (0..n)
                    .map(|_| {
                        if bits == 64 {
                            lcg(&mut seed) & u128::from(u64::MAX)
                        } else {
                            lcg(&mut seed)
                        }
                    })
                    .collect();
                let expected = points
                    .iter()
                    .zip(&scalars)
                    .fold(G1Projective::identity(), |acc, (p, &k)| {
                        acc + G1Projective::from(p) * Scalar::from_u128(k)
                    });
                assert_eq!(
                    msm_vartime::<G1Projective>(&points, &scalars),
                    expected,
                    "n = {n}, bits = {bits}"
                );
            }
        }
    }
}
