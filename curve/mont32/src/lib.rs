//! The 32-bit Montgomery kernel of `blsig-curve`: Montgomery multiplication, the wide
//! product and Montgomery reduction on 2N 32-bit words with 64-bit products — the widest
//! multiply wasm32 and other 32-bit targets have natively (`i64.mul` of zero-extended
//! operands), where 128-bit products become calls to `__multi3`. The values are the
//! 64-bit backend's `[u64; N]` words, and so are the results (`blsig-curve`'s tests compare
//! them on random and edge inputs).
//!
//! Why a crate of its own: the wasm package is compiled at `opt-level = "z"`, which keeps
//! these loops rolled. A crate can have its own opt-level (`[profile.wasm.package.blsig-mont32]`
//! in the workspace manifest), and its non-generic, non-inlined entry points keep it
//! through LTO. Measured in headless Chromium (BENCHMARKS.md, 2026-12-03), the package
//! verifies about 15 % faster and its module is 196 B smaller.
//!
//! The entry points are the two sizes `blsig-curve` uses: N = 6 (the base field, p) and
//! N = 4 (the scalar field, r). The bounds and the no-carry conditions are those of
//! `blsig-curve`'s `mont.rs`.
//!
//! The base field's additive operations (modular addition, subtraction and negation, and the carry
//! chains of the wide values `Fp2` multiplication combines) are here too, on 64-bit words
//! (wasm32 adds 64-bit words natively): at `opt-level = "z"` their loops stayed rolled as
//! well, and they were a fifth of a verification's time (BENCHMARKS.md, 2026-12-04).

#![no_std]
#![forbid(unsafe_code)]
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
const fn mont_mul<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N], inv: u64) -> [u64; N] {
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
const fn mul_wide<const N: usize, const N2: usize>(a: &[u64; N], b: &[u64; N]) -> [u64; N2] {
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
const fn redc<const N: usize, const N2: usize>(t: [u64; N2], m: &[u64; N], inv: u64) -> [u64; N] {
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

/// Montgomery multiplication a·b·2⁻³⁸⁴ mod m for 6-word values (see `mont_mul`).
#[inline(never)]
pub const fn mont_mul6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6], inv: u64) -> [u64; 6] {
    mont_mul::<6>(a, b, m, inv)
}

/// Montgomery multiplication a·b·2⁻²⁵⁶ mod m for 4-word values (see `mont_mul`).
#[inline(never)]
pub const fn mont_mul4(a: &[u64; 4], b: &[u64; 4], m: &[u64; 4], inv: u64) -> [u64; 4] {
    mont_mul::<4>(a, b, m, inv)
}

/// The 12-word product of 6-word values.
#[inline(never)]
pub const fn mul_wide6(a: &[u64; 6], b: &[u64; 6]) -> [u64; 12] {
    mul_wide::<6, 12>(a, b)
}

/// Montgomery reduction t·2⁻³⁸⁴ mod m of a 12-word value, without the final subtraction.
#[inline(never)]
pub const fn redc6(t: [u64; 12], m: &[u64; 6], inv: u64) -> [u64; 6] {
    redc::<6, 12>(t, m, inv)
}

/// Montgomery squaring a²·2⁻³⁸⁴ mod m of a 6-word value, by the schoolbook product and
/// the reduction, without the final subtraction.
#[inline]
pub const fn mont_square6(a: &[u64; 6], m: &[u64; 6], inv: u64) -> [u64; 6] {
    redc6(mul_wide6(a, a), m, inv)
}

/// a + b + carry over 64-bit words → (sum, carry out), by two overflowing adds (which
/// 32-bit targets lower better than a 128-bit sum).
#[inline(always)]
const fn adc64(a: u64, b: u64, carry: u64) -> (u64, u64) {
    let (s, c1) = a.overflowing_add(b);
    let (s, c2) = s.overflowing_add(carry);
    (s, (c1 | c2) as u64)
}

/// a − b − borrow over 64-bit words → (difference, borrow out).
#[inline(always)]
const fn sbb64(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    let (d, b1) = a.overflowing_sub(b);
    let (d, b2) = d.overflowing_sub(borrow);
    (d, (b1 | b2) as u64)
}

/// a + b and the carry out.
#[inline(always)]
const fn add_wrapping<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut out = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        let (s, c) = adc64(a[i], b[i], carry);
        out[i] = s;
        carry = c;
        i += 1;
    }
    (out, carry)
}

/// a − b and the borrow out.
#[inline(always)]
const fn sub_wrapping<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut out = [0u64; N];
    let mut borrow = 0;
    let mut i = 0;
    while i < N {
        let (d, b2) = sbb64(a[i], b[i], borrow);
        out[i] = d;
        borrow = b2;
        i += 1;
    }
    (out, borrow)
}

/// `mont::sub_mod`: a − b, plus m where that borrowed, the second chain adding
/// `m & mask` (arithmetic on the mask, never a select).
#[inline(always)]
const fn sub_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let (d, borrow) = sub_wrapping(a, b);
    let keep = 0u64.wrapping_sub(borrow);
    let mut out = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        let (x, c) = adc64(d[i], m[i] & keep, carry);
        out[i] = x;
        carry = c;
        i += 1;
    }
    out
}

/// `mont::subtract_if_ge(add_raw(a, b), m)`: a + b − m if that is not negative, else
/// a + b (for a + b < 2m, with no carry out of N words).
#[inline(always)]
const fn add_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    sub_mod(&add_wrapping(a, b).0, m, m)
}

/// (a + b) mod m for 6-word a, b with a + b < 2m (see `add_mod`).
#[inline(never)]
pub const fn add_mod6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
    add_mod(a, b, m)
}

/// (a − b) mod m for 6-word a, b < m.
#[inline(never)]
pub const fn sub_mod6(a: &[u64; 6], b: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
    sub_mod(a, b, m)
}

/// −a mod m for a 6-word a ≤ m: 0 − a, plus m where that borrowed (0 for a = 0, m − a
/// otherwise), through the `sub_mod6` entry. The 64-bit backend's `neg_mod` gives the same
/// words with one more chain; a third entry point would only add code.
#[inline]
pub const fn neg_mod6(a: &[u64; 6], m: &[u64; 6]) -> [u64; 6] {
    sub_mod6(&[0; 6], a, m)
}

/// a + b over 6 words (the carry out dropped: callers keep the sum below 2³⁸⁴).
#[inline(never)]
pub const fn add6(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
    add_wrapping(a, b).0
}

/// a + b over 12 words (the carry out dropped: callers keep the sum below 2⁷⁶⁸).
#[inline(never)]
pub const fn add12(a: &[u64; 12], b: &[u64; 12]) -> [u64; 12] {
    add_wrapping(a, b).0
}

/// a − b over 12 words (the borrow out dropped: callers keep a ≥ b).
#[inline(never)]
pub const fn sub12(a: &[u64; 12], b: &[u64; 12]) -> [u64; 12] {
    sub_wrapping(a, b).0
}
