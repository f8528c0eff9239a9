//! Montgomery arithmetic on N 64-bit limbs, shared by the fields: each field fixes its
//! modulus (and its range: Fp keeps [0, 2p), the scalar field [0, r)) and calls these with
//! constants, so every call compiles to straight-line code for its N.
//!
//! All functions are constant time: fixed schedules, masks instead of branches.
//!
//! Two backends compute the multiplications: 64-bit words with 128-bit products here
//! (`*64`), and 32-bit words with 64-bit products in the `blsig-mont32` kernel crate, for
//! 32-bit targets (wasm32 has no 128-bit product) or any target with the feature
//! `backend-u32`. Both give
//! the same words; the [`backend`] module names the selected one's functions at the
//! fields' two widths, and the fields call only those.

// With the 32-bit backend selected, the 64-bit multiplications stay compiled (the tests
// compare the two) but unused.
#![cfg_attr(
    any(target_pointer_width = "32", feature = "backend-u32"),
    allow(dead_code)
)]

use crate::limbs::{adc, mac, mask, sbb};

/// −m⁻¹ mod 2⁶⁴ for odd m₀, by Newton's iteration x ← x(2 − m₀x), which doubles the
/// correct low bits each step (1 → 64 bits in six steps).
pub(crate) const fn neg_inv_word(m0: u64) -> u64 {
    let mut x: u64 = 1;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(x)));
        i += 1;
    }
    x.wrapping_neg()
}

/// a + b and the carry out.
#[inline(always)]
pub(crate) const fn add_raw<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut out = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        let (s, c) = adc(a[i], b[i], carry);
        out[i] = s;
        carry = c;
        i += 1;
    }
    (out, carry)
}

/// t − m if t ≥ m, else t (for t < 2m), without a branch: `sub_mod(t, m, m)`, i.e.
/// subtract m, then add m back masked by the borrow. (Not "keep t or t − m by a mask":
/// LLVM recognises that select and may compile it to a branch — the dudect check in
/// `examples/ct.rs` measured exactly that leak in an earlier version of this function.)
#[inline(always)]
pub(crate) const fn subtract_if_ge<const N: usize>(t: [u64; N], m: &[u64; N]) -> [u64; N] {
    sub_mod(&t, m, m)
}

/// a − b and the borrow out.
#[inline(always)]
pub(crate) const fn sub_raw<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut out = [0u64; N];
    let mut borrow = 0;
    let mut i = 0;
    while i < N {
        let (x, b2) = sbb(a[i], b[i], borrow);
        out[i] = x;
        borrow = b2;
        i += 1;
    }
    (out, borrow)
}

/// a − b, plus m where that borrowed (a, b < m gives a result below m): two carry chains,
/// the second adding `m & mask(borrow)` — arithmetic on the mask, never a select.
#[inline(always)]
pub(crate) const fn sub_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let (d, borrow) = sub_raw(a, b);
    let keep = mask(borrow);
    let mut out = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        let (x, c) = adc(d[i], m[i] & keep, carry);
        out[i] = x;
        carry = c;
        i += 1;
    }
    out
}

/// m − a, reduced: 0 for a = 0 (m − 0 = m reduces to 0), m − a otherwise (a ≤ m), as
/// `sub_mod(m, a, ·)` followed by the reduction — no comparison with zero (a zero test
/// feeding a mask is another pattern LLVM turns into a branch: the dudect check measured
/// it, t ≈ −500). m − a never borrows for a ≤ m, so the first step adds nothing back.
#[inline(always)]
pub(crate) const fn neg_mod<const N: usize>(a: &[u64; N], m: &[u64; N]) -> [u64; N] {
    subtract_if_ge(sub_mod(m, a, m), m)
}

/// Montgomery multiplication a·b·2^(−64N) mod m, without the final subtraction, by CIOS
/// with the "no-carry" shortcut, valid when m's top word is below (2⁶⁴ − 1)/2 − 1 (both
/// moduli here): the running sum fits N words and the two carry chains fold at the end of
/// each row (Koç, Acar, Kaliski, "Analyzing and comparing Montgomery multiplication
/// algorithms", IEEE Micro 16(3), 1996, CIOS; gnark-crypto's note on the no-carry
/// variant). `inv` is −m⁻¹ mod 2⁶⁴.
///
/// For a < 2m and b < 2^(64N) the result is below a·b/2^(64N) + m; the caller reduces it
/// (or, with enough room above m, need not: see the base field).
#[inline(always)]
pub(crate) const fn mont_mul64<const N: usize>(
    a: &[u64; N],
    b: &[u64; N],
    m: &[u64; N],
    inv: u64,
) -> [u64; N] {
    let mut t = [0u64; N];
    let mut i = 0;
    while i < N {
        let (t0, mut carry_a) = mac(t[0], a[0], b[i], 0);
        let k = t0.wrapping_mul(inv);
        let (_, mut carry_m) = mac(t0, k, m[0], 0);
        let mut j = 1;
        while j < N {
            let (tj, ca) = mac(t[j], a[j], b[i], carry_a);
            carry_a = ca;
            let (tj1, cm) = mac(tj, k, m[j], carry_m);
            carry_m = cm;
            t[j - 1] = tj1;
            j += 1;
        }
        t[N - 1] = carry_a.wrapping_add(carry_m);
        i += 1;
    }
    t
}

/// Montgomery squaring a²·2^(−64N) mod m without the final subtraction: the 2N-word
/// square with each cross product computed once and doubled (N(N+1)/2 word products
/// instead of N²), then [`redc`] (separated operand scanning; Koç, Acar, Kaliski 1996,
/// SOS). For a < 2m the result is below a²/2^(64N) + m, as `mont_mul`'s.
#[inline(always)]
pub(crate) const fn mont_square64<const N: usize, const N2: usize>(
    a: &[u64; N],
    m: &[u64; N],
    inv: u64,
) -> [u64; N] {
    // Cross products aᵢaⱼ (i < j), each once.
    let mut t = [0u64; N2];
    let mut i = 0;
    while i < N {
        add_row(&mut t, i, a[i], a, i + 1);
        i += 1;
    }
    // Double them, then add the squares aᵢ².
    let mut top = 0;
    let mut k = 0;
    while k < N2 {
        let next = t[k] >> 63;
        t[k] = (t[k] << 1) | top;
        top = next;
        k += 1;
    }
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        let (lo, hi) = mac(t[2 * i], a[i], a[i], carry);
        t[2 * i] = lo;
        let (lo2, c2) = adc(t[2 * i + 1], hi, 0);
        t[2 * i + 1] = lo2;
        carry = c2;
        i += 1;
    }
    redc64(t, m, inv)
}

/// The 2N-word product a·b (schoolbook, N² word products; row by row, which LLVM
/// schedules better here than column-wise product scanning, measured 1.3× slower).
#[inline(always)]
pub(crate) const fn mul_wide64<const N: usize, const N2: usize>(
    a: &[u64; N],
    b: &[u64; N],
) -> [u64; N2] {
    let mut t = [0u64; N2];
    let mut i = 0;
    while i < N {
        add_row(&mut t, i, a[i], b, 0);
        i += 1;
    }
    t
}

/// One row of a schoolbook product: t[i + j] += a_i·b[j] for j ≥ `from`, the carry
/// written to t[i + N] (which is still zero when the rows come in order).
#[inline(always)]
const fn add_row<const N: usize, const N2: usize>(
    t: &mut [u64; N2],
    i: usize,
    a_i: u64,
    b: &[u64; N],
    from: usize,
) {
    let mut carry = 0;
    let mut j = from;
    while j < N {
        let (lo, hi) = mac(t[i + j], a_i, b[j], carry);
        t[i + j] = lo;
        carry = hi;
        j += 1;
    }
    t[i + N] = carry;
}

/// Montgomery reduction of a 2N-word t: t·2^(−64N) mod m, below t/2^(64N) + m, without
/// the final subtraction (N rows, each clearing the lowest remaining word; the row's carry
/// goes into the upper half, whose own carry is kept for the next row). The caller keeps
/// t/2^(64N) + m below 2^(64N), so the last carry is zero.
#[inline(always)]
pub(crate) const fn redc64<const N: usize, const N2: usize>(
    mut t: [u64; N2],
    m: &[u64; N],
    inv: u64,
) -> [u64; N] {
    let mut upper_carry = 0;
    let mut i = 0;
    while i < N {
        let k = t[i].wrapping_mul(inv);
        let mut carry = 0;
        let mut j = 0;
        while j < N {
            let (lo, hi) = mac(t[i + j], k, m[j], carry);
            t[i + j] = lo;
            carry = hi;
            j += 1;
        }
        let (s, c) = adc(t[i + N], carry, upper_carry);
        t[i + N] = s;
        upper_carry = c;
        i += 1;
    }
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        out[i] = t[i + N];
        i += 1;
    }
    out
}

/// 2ᵏ mod m by k modular doublings (compile time only).
pub(crate) const fn pow2_mod<const N: usize>(k: usize, m: &[u64; N]) -> [u64; N] {
    let mut v = [0u64; N];
    v[0] = 1;
    let mut i = 0;
    while i < k {
        let (d, _) = add_raw(&v, &v);
        v = subtract_if_ge(d, m);
        i += 1;
    }
    v
}

/// a − s for a small s ≤ a.
pub(crate) const fn sub_small<const N: usize>(a: &[u64; N], s: u64) -> [u64; N] {
    let mut out = [0u64; N];
    let mut borrow = s;
    let mut i = 0;
    while i < N {
        let (d, b) = sbb(a[i], borrow, 0);
        out[i] = d;
        borrow = b;
        i += 1;
    }
    out
}

/// a + s for a small s (no overflow past N words).
pub(crate) const fn add_small<const N: usize>(a: &[u64; N], s: u64) -> [u64; N] {
    let mut out = [0u64; N];
    let mut carry = s;
    let mut i = 0;
    while i < N {
        let (d, c) = adc(a[i], carry, 0);
        out[i] = d;
        carry = c;
        i += 1;
    }
    out
}

/// a >> k for 0 < k < 64.
pub(crate) const fn shr<const N: usize>(a: &[u64; N], k: u32) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        out[i] = a[i] >> k;
        if i + 1 < N {
            out[i] |= a[i + 1] << (64 - k);
        }
        i += 1;
    }
    out
}

/// The 64-bit backend at the fields' two sizes, N = 6 (p) and N = 4 (r), under the names
/// and signatures of the `blsig-mont32` kernel (the 32-bit backend), so that the fields
/// call one set of functions whichever backend is selected.
// With the 32-bit backend selected, only the tests (which compare the two) use these.
#[cfg_attr(
    any(target_pointer_width = "32", feature = "backend-u32"),
    allow(dead_code)
)]
pub(crate) mod backend64 {
    use super::{
        add_raw, mont_mul64, mont_square64, mul_wide64, neg_mod, redc64, sub_mod, sub_raw,
        subtract_if_ge,
    };

    /// Montgomery multiplication ([`mont_mul64`]) of 6-word values.
    #[inline(always)]
    pub(crate) const fn mont_mul6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6], inv: u64) -> [u64; 6] {
        mont_mul64(a, b, m, inv)
    }

    /// Montgomery multiplication of 4-word values.
    #[inline(always)]
    pub(crate) const fn mont_mul4(a: &[u64; 4], b: &[u64; 4], m: &[u64; 4], inv: u64) -> [u64; 4] {
        mont_mul64(a, b, m, inv)
    }

    /// Montgomery squaring ([`mont_square64`]) of a 6-word value.
    #[inline(always)]
    pub(crate) const fn mont_square6(a: &[u64; 6], m: &[u64; 6], inv: u64) -> [u64; 6] {
        mont_square64::<6, 12>(a, m, inv)
    }

    /// The 12-word product ([`mul_wide64`]) of 6-word values.
    #[inline(always)]
    pub(crate) const fn mul_wide6(a: &[u64; 6], b: &[u64; 6]) -> [u64; 12] {
        mul_wide64::<6, 12>(a, b)
    }

    /// Montgomery reduction ([`redc64`]) of a 12-word value.
    #[inline(always)]
    pub(crate) const fn redc6(t: [u64; 12], m: &[u64; 6], inv: u64) -> [u64; 6] {
        redc64::<6, 12>(t, m, inv)
    }

    /// (a + b) mod m for a + b < 2m: the sum, then [`subtract_if_ge`].
    #[inline(always)]
    pub(crate) const fn add_mod6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
        subtract_if_ge(add_raw(a, b).0, m)
    }

    /// (a + b) mod m for 4-word values.
    #[inline(always)]
    pub(crate) const fn add_mod4(a: &[u64; 4], b: &[u64; 4], m: &[u64; 4]) -> [u64; 4] {
        subtract_if_ge(add_raw(a, b).0, m)
    }

    /// (a − b) mod m ([`sub_mod`]) for 6-word values.
    #[inline(always)]
    pub(crate) const fn sub_mod6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
        sub_mod(a, b, m)
    }

    /// (a − b) mod m for 4-word values.
    #[inline(always)]
    pub(crate) const fn sub_mod4(a: &[u64; 4], b: &[u64; 4], m: &[u64; 4]) -> [u64; 4] {
        sub_mod(a, b, m)
    }

    /// −a mod m ([`neg_mod`]) for a 6-word value.
    #[inline(always)]
    pub(crate) const fn neg_mod6(a: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
        neg_mod(a, m)
    }

    /// −a mod m for a 4-word value.
    #[inline(always)]
    pub(crate) const fn neg_mod4(a: &[u64; 4], m: &[u64; 4]) -> [u64; 4] {
        neg_mod(a, m)
    }

    /// a + b over 6 words, the carry out dropped.
    #[inline(always)]
    pub(crate) const fn add6(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
        add_raw(a, b).0
    }

    /// a + b over 12 words, the carry out dropped.
    #[inline(always)]
    pub(crate) const fn add12(a: &[u64; 12], b: &[u64; 12]) -> [u64; 12] {
        add_raw(a, b).0
    }

    /// a − b over 12 words, the borrow out dropped.
    #[inline(always)]
    pub(crate) const fn sub12(a: &[u64; 12], b: &[u64; 12]) -> [u64; 12] {
        sub_raw(a, b).0
    }
}

/// The selected backend's operations at the fields' two sizes: the `blsig-mont32` kernel
/// (32-bit words, 64-bit products; a crate of its own so that the wasm profile compiles it
/// for speed) on 32-bit targets or with the feature `backend-u32`, else [`backend64`].
/// The widths are concrete and the additive operations come from the same crate as the
/// products: an earlier generic wrapper copied the words in and out of every kernel call
/// (BENCHMARKS.md, 2026-12-04, has the difference in wasm).
pub(crate) mod backend {
    #[cfg(any(target_pointer_width = "32", feature = "backend-u32"))]
    pub(crate) use blsig_mont32::{
        add_mod6, add6, add12, mont_mul4, mont_mul6, mont_square6, mul_wide6, neg_mod6, redc6,
        sub_mod6, sub12,
    };
    // The scalar field's additions are off the hot paths (the scalar multiplications work
    // on digits): the generic code is enough there, and smaller in the wasm build.
    #[cfg(any(target_pointer_width = "32", feature = "backend-u32"))]
    pub(crate) use super::backend64::{add_mod4, neg_mod4, sub_mod4};

    #[cfg(not(any(target_pointer_width = "32", feature = "backend-u32")))]
    pub(crate) use super::backend64::{
        add_mod4, add_mod6, add6, add12, mont_mul4, mont_mul6, mont_square6, mul_wide6, neg_mod4,
        neg_mod6, redc6, sub_mod4, sub_mod6, sub12,
    };
}

#[cfg(test)]
mod backend_u32_tests {
    use super::{add_raw, backend64, neg_inv_word, sub_raw};
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

    /// A Montgomery multiplication (a, b, m, −m⁻¹ mod 2⁶⁴).
    type MulFn<const N: usize> = fn(&[u64; N], &[u64; N], &[u64; N], u64) -> [u64; N];

    /// The two backends' Montgomery multiplications give the same words on operands below
    /// `bound` (the redundant range's bound for the base field, the modulus for the scalar
    /// field), random and at the edges.
    fn compare_mul<const N: usize>(k32: MulFn<N>, k64: MulFn<N>, m: &[u64; N], bound: &[u64; N]) {
        let inv = neg_inv_word(m[0]);
        let mut rng = rand::rngs::StdRng::seed_from_u64(32);
        for i in 0..2000u32 {
            let a = below(&mut rng, bound, i % 7);
            let b = below(&mut rng, bound, (i / 7) % 7);
            assert_eq!(k32(&a, &b, m, inv), k64(&a, &b, m, inv));
        }
    }

    #[test]
    fn backends_agree() {
        let p = crate::fp::MODULUS;
        let two_p = add_raw(&p, &p).0;
        compare_mul(blsig_mont32::mont_mul6, backend64::mont_mul6, &p, &two_p);
        let r = crate::scalar::MODULUS;
        compare_mul(blsig_mont32::mont_mul4, backend64::mont_mul4, &r, &r);

        // The base field's modular additions, in its redundant range [0, 2p). (The scalar
        // field's come from the 64-bit code on both backends.)
        let mut rng = rand::rngs::StdRng::seed_from_u64(33);
        for i in 0..2000u32 {
            let a = below(&mut rng, &two_p, i % 7);
            let b = below(&mut rng, &two_p, (i / 7) % 7);
            assert_eq!(
                blsig_mont32::add_mod6(&a, &b, &two_p),
                backend64::add_mod6(&a, &b, &two_p)
            );
            assert_eq!(
                blsig_mont32::sub_mod6(&a, &b, &two_p),
                backend64::sub_mod6(&a, &b, &two_p)
            );
            assert_eq!(
                blsig_mont32::neg_mod6(&a, &two_p),
                backend64::neg_mod6(&a, &two_p)
            );
        }
        // Negation at the top of its domain (a = m) as well.
        assert_eq!(
            blsig_mont32::neg_mod6(&two_p, &two_p),
            backend64::neg_mod6(&two_p, &two_p)
        );
        assert_eq!(blsig_mont32::neg_mod6(&two_p, &two_p), [0; 6]);
    }

    /// The base field's wide operations: the product, the reduction and the squaring,
    /// for operands below 2p.
    #[test]
    fn wide_products_agree() {
        let p = crate::fp::MODULUS;
        let two_p = add_raw(&p, &p).0;
        let inv = neg_inv_word(p[0]);
        let mut rng = rand::rngs::StdRng::seed_from_u64(64);
        for i in 0..2000u32 {
            let a = below(&mut rng, &two_p, i % 7);
            let b = below(&mut rng, &two_p, (i / 7) % 7);
            let wide = blsig_mont32::mul_wide6(&a, &b);
            assert_eq!(wide, backend64::mul_wide6(&a, &b));
            assert_eq!(
                blsig_mont32::redc6(wide, &p, inv),
                backend64::redc6(wide, &p, inv)
            );
            assert_eq!(
                blsig_mont32::mont_square6(&a, &p, inv),
                backend64::mont_square6(&a, &p, inv)
            );
        }
    }

    /// The carry chains over 6 and 12 words, including at the carry and borrow edges
    /// (all-ones words, sums that carry through every word).
    #[test]
    fn wide_chains_agree() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(12);
        for i in 0..2000u32 {
            let mut a = [0u64; 12];
            let mut b = [0u64; 12];
            for k in 0..12 {
                a[k] = match i % 4 {
                    0 => u64::MAX,
                    1 => 0,
                    _ => rng.random(),
                };
                b[k] = if i % 3 == 0 {
                    u64::MAX - a[k]
                } else {
                    rng.random()
                };
            }
            // Keep the sums in range (top words below 2⁶²) and a ≥ b for the difference.
            a[11] >>= 2;
            b[11] >>= 2;
            let (hi, lo) = if sub_raw(&a, &b).1 == 0 {
                (a, b)
            } else {
                (b, a)
            };
            assert_eq!(blsig_mont32::add12(&a, &b), backend64::add12(&a, &b));
            assert_eq!(blsig_mont32::sub12(&hi, &lo), backend64::sub12(&hi, &lo));
            let (a6, b6): ([u64; 6], [u64; 6]) = (
                core::array::from_fn(|k| a[k + 6]),
                core::array::from_fn(|k| b[k + 6]),
            );
            assert_eq!(blsig_mont32::add6(&a6, &b6), backend64::add6(&a6, &b6));
        }
    }
}
