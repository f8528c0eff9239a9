//! Multi-scalar multiplication Σ kᵢ·Pᵢ in variable time, for **public** points and
//! scalars (the random coefficients of a batch verifier, which are discarded after one
//! check; aggregation of public keys with public weights). Never with a secret scalar: the
//! bucket each point goes to, and the schedule, follow the scalars' bits.
//!
//! Pippenger's bucket method with signed digits (Bernstein, Doumen, Lange, Oosterwijk,
//! "Faster batch forgery identification", INDOCRYPT 2012, §4): the scalars are cut into
//! c-bit digits in [−2^(c−1), 2^(c−1)), each window adds every point into the bucket of
//! its digit's magnitude (negated for a negative digit), and Σ d·B_d is summed from the
//! top with two running sums. The window width minimises the additions for the number of
//! points and the largest scalar's length, so short scalars (64 or 128 bits) cost
//! proportionally less. Additions are the complete mixed formula, so repeated points,
//! opposite points and the identity need no special case. Cost: about
//! ⌈b/c⌉·(n + 2^c) additions for n points and b-bit scalars: linear in n.

use alloc::vec;
use alloc::vec::Vec;

use crate::point::{Affine, CurveParams, Projective};
use crate::scalar::Scalar;

/// The number of c-bit windows for b-bit scalars: ⌈(b + 2)/c⌉, so that the top window
/// holds at most c − 2 bits and the carry of the signed recoding cannot leave it
/// (c ≥ 2).
fn windows(bits: u32, c: u32) -> u32 {
    (bits + 2).div_ceil(c)
}

/// The window (2 ‥ 16 bits) that minimises windows·(n + 2^c) additions.
fn window_bits(n: usize, bits: u32) -> u32 {
    (2..=16u32)
        .min_by_key(|&c| windows(bits, c) as usize * n.saturating_add(1usize << c))
        .unwrap_or(2)
}

/// Bits [start, start + c) of the little-endian limbs (zero beyond the top).
fn bits_at(limbs: &[u64; 4], start: u32, c: u32) -> u32 {
    let (idx, off) = ((start / 64) as usize, start % 64);
    let low = limbs.get(idx).map_or(0, |l| l >> off);
    let high = if off + c > 64 && off != 0 {
        limbs.get(idx + 1).map_or(0, |l| l << (64 - off))
    } else {
        0
    };
    // c ≤ 16: the masked value fits.
    u32::try_from((low | high) & ((1u64 << c) - 1)).unwrap_or(0)
}

/// The signed c-bit digits of k, least significant first, into `out` (one per window):
/// k = Σ dᵢ·2^(c·i) with dᵢ ∈ [−2^(c−1), 2^(c−1)), given `out.len()` = `windows(bits, c)`.
fn recode(limbs: &[u64; 4], c: u32, out: &mut [i32]) {
    let half = 1i32 << (c - 1);
    let mut carry = 0;
    for (w, d) in (0u32..).zip(out.iter_mut()) {
        let v = i32::try_from(bits_at(limbs, w * c, c)).unwrap_or(0) + carry;
        carry = i32::from(v >= half);
        *d = v - (carry << c);
    }
}

impl<C: CurveParams> Projective<C> {
    /// Σ kᵢ·Pᵢ over the pairs, in **variable time** (public points and scalars only; see
    /// the module notes). Linear in the number of pairs; the empty sum is the identity.
    pub fn msm_vartime<'a>(
        pairs: impl IntoIterator<Item = (&'a Affine<C>, &'a Scalar)>,
    ) -> Projective<C> {
        let (points, limbs): (Vec<Affine<C>>, Vec<[u64; 4]>) = pairs
            .into_iter()
            .map(|(p, k)| (*p, k.to_canonical_limbs()))
            .unzip();
        let n = points.len();
        let bits = limbs
            .iter()
            .map(|l| 256 - leading_zeros(l))
            .max()
            .unwrap_or(0);
        if bits == 0 {
            return Projective::identity();
        }
        let c = window_bits(n, bits);
        let windows = windows(bits, c);
        let mut digits = vec![0i32; n * windows as usize];
        for (l, row) in limbs.iter().zip(digits.chunks_mut(windows as usize)) {
            recode(l, c, row);
        }
        let mut buckets = vec![Projective::<C>::identity(); 1 << (c - 1)];
        let mut total = Projective::identity();
        for w in (0..windows as usize).rev() {
            for _ in 0..c {
                total = total.double();
            }
            buckets.iter_mut().for_each(|b| *b = Projective::identity());
            for (p, row) in points.iter().zip(digits.chunks(windows as usize)) {
                let d = row.get(w).copied().unwrap_or(0);
                let slot = (d.unsigned_abs() as usize)
                    .checked_sub(1)
                    .and_then(|i| buckets.get_mut(i));
                if let Some(bucket) = slot {
                    *bucket = if d > 0 {
                        bucket.add_mixed(p)
                    } else {
                        bucket.add_mixed(&p.neg())
                    };
                }
            }
            // Σ_d d·B_d = Σ_d (B_top + … + B_d), by running sums from the top.
            let mut running = Projective::identity();
            let mut window_sum = Projective::identity();
            for b in buckets.iter().rev() {
                running = running.add(b);
                window_sum = window_sum.add(&running);
            }
            total = total.add(&window_sum);
        }
        total
    }
}

/// The number of leading zero bits of a 256-bit little-endian value.
fn leading_zeros(l: &[u64; 4]) -> u32 {
    let mut z = 0;
    for w in l.iter().rev() {
        z += w.leading_zeros();
        if *w != 0 {
            break;
        }
    }
    z
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::g1::G1Params;
    use crate::g2::G2Params;

    /// A deterministic sequence of scalars of every kind the recoding must carry through:
    /// zero, one, all-ones of each length (carries in every window), r − 1, and
    /// pseudo-random values cut to 64 and 128 bits or full.
    fn scalars(n: usize, seed: u64) -> Vec<Scalar> {
        let mut x = seed;
        (0..n)
            .map(|i| {
                x = x
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    .wrapping_add(0x632b_e59b_d9b4_e019);
                let b = u32::try_from(i % 257).unwrap_or(0);
                match i % 5 {
                    0 => (0..b).fold(Scalar::ZERO, |k, _| k.double() + Scalar::ONE),
                    1 => Scalar::from_u64(x),
                    2 => {
                        Scalar::from_u64(x) * Scalar::from_u64(x.rotate_left(17) | 1)
                            + Scalar::from_u64(i as u64)
                    }
                    3 => -Scalar::from_u64(i as u64 + 1),
                    _ => (0..4).fold(Scalar::ONE, |k, j| {
                        k * Scalar::from_u64(x.rotate_left(j * 13) | 1)
                    }),
                }
            })
            .collect()
    }

    fn check<C: CurveParams>() {
        for n in [0usize, 1, 2, 3, 8, 33, 100, 300] {
            let ks = scalars(n, n as u64 + 1);
            // Points with repeats and opposites (buckets that meet P + P and P − P) and the
            // identity.
            let g = Projective::<C>::generator();
            let points: Vec<Affine<C>> = (0..n)
                .map(|i| match i % 7 {
                    0 => Affine::identity(),
                    1 => g.to_affine(),
                    2 => g.neg().to_affine(),
                    _ => (g * Scalar::from_u64(i as u64 * 7919 + 3)).to_affine(),
                })
                .collect();
            // Short scalars too (smaller windows, fewer of them).
            let short: Vec<Scalar> = ks
                .iter()
                .map(|k| Scalar::from_u64(k.to_canonical_limbs()[0]))
                .collect();
            for (scalars, what) in [(&ks, "full"), (&short, "64-bit")] {
                let expected = points
                    .iter()
                    .zip(scalars)
                    .fold(Projective::identity(), |acc, (p, k)| {
                        acc.add(&(Projective::from(p) * *k))
                    });
                assert_eq!(
                    Projective::<C>::msm_vartime(points.iter().zip(scalars)),
                    expected,
                    "n = {n}, {what}"
                );
            }
        }
    }

    #[test]
    fn msm_matches_the_sum_of_multiples() {
        check::<G1Params>();
        check::<G2Params>();
    }

    /// Every window width with all-ones scalars of every length (a carry out of every
    /// window) and with r − 1: the digits are in range and sum back to the scalar.
    #[test]
    fn recoding_keeps_every_carry() {
        let mut cases: Vec<Scalar> = (1..=255u32)
            .map(|bits| (0..bits).fold(Scalar::ZERO, |k, _| k.double() + Scalar::ONE))
            .collect();
        cases.push(-Scalar::ONE);
        for k in cases {
            let limbs = k.to_canonical_limbs();
            let bits = 256 - leading_zeros(&limbs);
            for c in 2..=16u32 {
                let mut digits = vec![0i32; windows(bits, c) as usize];
                recode(&limbs, c, &mut digits);
                let mut sum = Scalar::ZERO;
                let mut weight = Scalar::ONE;
                for d in digits {
                    assert!(-(1 << (c - 1)) <= d && d < (1 << (c - 1)), "c = {c}");
                    let term = Scalar::from_u64(u64::from(d.unsigned_abs())) * weight;
                    sum += if d < 0 { -term } else { term };
                    weight *= Scalar::from_u64(1 << c);
                }
                assert_eq!(sum, k, "bits {bits}, c {c}");
            }
        }
    }
}
