//! The 32-bit backend of the Montgomery arithmetic (`mont.rs`): the same functions on the
//! same `[u64; N]` values, computed on 2N 32-bit words with 64-bit products — the widest
//! multiply wasm32 and other 32-bit targets have natively (`i64.mul` of zero-extended
//! operands), where the 64-bit backend's 128-bit products become calls to `__multi3`.
//!
//! Selected by `target_pointer_width = "32"`, or natively by the feature `backend-u32`
//! (so that the tests run on both). R is 2^(64N) = 2^(32·2N) in both, so the Montgomery
//! form is the same and every function returns exactly the 64-bit backend's words (a test
//! compares them); the bounds in `mont.rs` hold unchanged.
#![allow(clippy::cast_possible_truncation)]

/// The largest N (64-bit limbs) the backend serves: 6, the base field.
const MAX_N: usize = 6;

/// a + b·c + carry over 32-bit words → (low, high); never overflows 64 bits.
#[inline(always)]
const fn mac(a: u32, b: u32, c: u32, carry: u32) -> (u32, u32) {
    let t = (a as u64) + (b as u64) * (c as u64) + (carry as u64);
    (t as u32, (t >> 32) as u32)
}

/// a + b + carry over 32-bit words → (sum, carry out).
#[inline(always)]
const fn adc(a: u32, b: u32, carry: u32) -> (u32, u32) {
    let t = (a as u64) + (b as u64) + (carry as u64);
    (t as u32, (t >> 32) as u32)
}

/// The 2N 32-bit words of an N-word value, least significant first (the first 2N slots).
#[inline(always)]
const fn split<const N: usize>(a: &[u64; N]) -> [u32; 2 * MAX_N] {
    let mut out = [0u32; 2 * MAX_N];
    let mut i = 0;
    while i < N {
        out[2 * i] = a[i] as u32;
        out[2 * i + 1] = (a[i] >> 32) as u32;
        i += 1;
    }
    out
}

/// The K-word value of 2K 32-bit words of `w` from index `from`, least significant first.
#[inline(always)]
const fn join<const K: usize>(w: &[u32], from: usize) -> [u64; K] {
    let mut out = [0u64; K];
    let mut i = 0;
    while i < K {
        out[i] = (w[from + 2 * i] as u64) | ((w[from + 2 * i + 1] as u64) << 32);
        i += 1;
    }
    out
}

/// −m⁻¹ mod 2³², the low half of the 64-bit backend's constant (−m⁻¹ mod 2⁶⁴ reduces to
/// it).
#[inline(always)]
const fn inv32(inv: u64) -> u32 {
    inv as u32
}

/// `mont::mont_mul` on 32-bit words: CIOS with the no-carry shortcut, valid because both
/// moduli's top 32-bit words are below (2³² − 1)/2 − 1 (p: 0x1a0111ea, r: 0x73eda753).
#[inline(always)]
pub(crate) const fn mont_mul<const N: usize>(
    a: &[u64; N],
    b: &[u64; N],
    m: &[u64; N],
    inv: u64,
) -> [u64; N] {
    const { assert!(N <= MAX_N) };
    let (a, b, m, inv) = (split(a), split(b), split(m), inv32(inv));
    let n = 2 * N;
    let mut t = [0u32; 2 * MAX_N];
    let mut i = 0;
    while i < n {
        let (t0, mut carry_a) = mac(t[0], a[0], b[i], 0);
        let k = t0.wrapping_mul(inv);
        let (_, mut carry_m) = mac(t0, k, m[0], 0);
        let mut j = 1;
        while j < n {
            let (tj, ca) = mac(t[j], a[j], b[i], carry_a);
            carry_a = ca;
            let (tj1, cm) = mac(tj, k, m[j], carry_m);
            carry_m = cm;
            t[j - 1] = tj1;
            j += 1;
        }
        t[n - 1] = carry_a.wrapping_add(carry_m);
        i += 1;
    }
    join(&t, 0)
}

/// `mont::mul_wide` on 32-bit words: the 2N-word product, schoolbook.
#[inline(always)]
pub(crate) const fn mul_wide<const N: usize, const N2: usize>(
    a: &[u64; N],
    b: &[u64; N],
) -> [u64; N2] {
    const { assert!(N <= MAX_N && N2 == 2 * N) };
    let (a, b) = (split(a), split(b));
    let n = 2 * N;
    let mut t = [0u32; 4 * MAX_N];
    let mut i = 0;
    while i < n {
        let mut carry = 0;
        let mut j = 0;
        while j < n {
            let (lo, hi) = mac(t[i + j], a[i], b[j], carry);
            t[i + j] = lo;
            carry = hi;
            j += 1;
        }
        t[i + n] = carry;
        i += 1;
    }
    join(&t, 0)
}

/// `mont::redc` on 32-bit words: t·2^(−64N) mod m without the final subtraction, for a
/// caller-bounded t (see `mont::redc`).
#[inline(always)]
pub(crate) const fn redc<const N: usize, const N2: usize>(
    t: [u64; N2],
    m: &[u64; N],
    inv: u64,
) -> [u64; N] {
    const { assert!(N <= MAX_N && N2 == 2 * N) };
    let (m, inv) = (split(m), inv32(inv));
    let n = 2 * N;
    let mut w = [0u32; 4 * MAX_N];
    let mut i = 0;
    while i < N2 {
        w[2 * i] = t[i] as u32;
        w[2 * i + 1] = (t[i] >> 32) as u32;
        i += 1;
    }
    let mut upper_carry = 0;
    let mut i = 0;
    while i < n {
        let k = w[i].wrapping_mul(inv);
        let mut carry = 0;
        let mut j = 0;
        while j < n {
            let (lo, hi) = mac(w[i + j], k, m[j], carry);
            w[i + j] = lo;
            carry = hi;
            j += 1;
        }
        let (s, c) = adc(w[i + n], carry, upper_carry);
        w[i + n] = s;
        upper_carry = c;
        i += 1;
    }
    join(&w, n)
}

#[cfg(test)]
mod tests {
    use crate::mont::{mont_mul64, mont_square64, mul_wide64, neg_inv_word, redc64};
    use rand::{RngExt, SeedableRng};

    /// A value below `bound` words-wise: random limbs with the top limb cut below the
    /// bound's top limb (so below the bound), or an edge value.
    fn below<const N: usize>(
        rng: &mut rand::rngs::StdRng,
        bound: &[u64; N],
        edge: u32,
    ) -> [u64; N] {
        let mut v = [0u64; N];
        match edge {
            0 => {}
            1 => v[0] = 1,
            2 => {
                // bound − 1
                v = *bound;
                v[0] -= 1;
            }
            _ => {
                for w in v.iter_mut() {
                    *w = rng.random();
                }
                v[N - 1] %= bound[N - 1];
            }
        }
        v
    }

    fn compare<const N: usize, const N2: usize>(m: &[u64; N], bound: &[u64; N]) {
        let inv = neg_inv_word(m[0]);
        let mut rng = rand::rngs::StdRng::seed_from_u64(32);
        for i in 0..2000u32 {
            let a = below(&mut rng, bound, i % 7);
            let b = below(&mut rng, bound, (i / 7) % 7);
            assert_eq!(super::mont_mul(&a, &b, m, inv), mont_mul64(&a, &b, m, inv));
            let wide: [u64; N2] = super::mul_wide::<N, N2>(&a, &b);
            assert_eq!(wide, mul_wide64::<N, N2>(&a, &b));
            assert_eq!(
                super::redc::<N, N2>(wide, m, inv),
                redc64::<N, N2>(wide, m, inv)
            );
            assert_eq!(
                super::redc::<N, N2>(super::mul_wide::<N, N2>(&a, &a), m, inv),
                mont_square64::<N, N2>(&a, m, inv)
            );
        }
    }

    /// The 32-bit backend returns exactly the 64-bit backend's words: base field operands
    /// below 2p (its redundant range), scalar-field operands below r.
    #[test]
    fn backends_agree() {
        let p = crate::fp::MODULUS;
        let two_p = crate::mont::add_raw(&p, &p).0;
        compare::<6, 12>(&p, &two_p);
        compare::<4, 8>(&crate::scalar::MODULUS, &crate::scalar::MODULUS);
    }
}
