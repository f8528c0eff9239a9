//! Word arithmetic on 64-bit limbs with 128-bit products, the one place that splits a
//! double word (so the truncating casts live here, each meaning "the low word").
#![allow(clippy::cast_possible_truncation)]

/// a + b + carry → (sum, carry out); carry ≤ 1 in and out.
#[inline(always)]
pub(crate) const fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
    // 32-bit targets (wasm32) have 64-bit adds but lower 128-bit sums poorly: two
    // overflowing adds and their flags instead (same results).
    #[cfg(any(target_pointer_width = "32", feature = "backend-u32"))]
    {
        let (s, c1) = a.overflowing_add(b);
        let (s, c2) = s.overflowing_add(carry);
        (s, (c1 | c2) as u64)
    }
    #[cfg(not(any(target_pointer_width = "32", feature = "backend-u32")))]
    {
        let t = (a as u128) + (b as u128) + (carry as u128);
        (t as u64, (t >> 64) as u64)
    }
}

/// a − b − borrow → (difference, borrow out), borrow 0 or 1 in and out.
#[inline(always)]
pub(crate) const fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    #[cfg(any(target_pointer_width = "32", feature = "backend-u32"))]
    {
        let (d, b1) = a.overflowing_sub(b);
        let (d, b2) = d.overflowing_sub(borrow);
        (d, (b1 | b2) as u64)
    }
    #[cfg(not(any(target_pointer_width = "32", feature = "backend-u32")))]
    {
        let t = (a as u128).wrapping_sub((b as u128) + (borrow as u128));
        (t as u64, ((t >> 64) as u64) & 1)
    }
}

/// a + b·c + carry → (low, high): never overflows 128 bits. (Unused by the 32-bit backend.)
#[inline(always)]
#[cfg_attr(
    any(target_pointer_width = "32", feature = "backend-u32"),
    allow(dead_code)
)]
pub(crate) const fn mac(a: u64, b: u64, c: u64, carry: u64) -> (u64, u64) {
    let t = (a as u128) + (b as u128) * (c as u128) + (carry as u128);
    (t as u64, (t >> 64) as u64)
}

/// All ones if `bit` is 1, zero if it is 0 (`bit` must be 0 or 1).
#[inline(always)]
pub(crate) const fn mask(bit: u64) -> u64 {
    0u64.wrapping_sub(bit)
}

/// The low bit of `word` as a `Choice`.
#[inline(always)]
pub(crate) fn low_bit(word: u64) -> subtle::Choice {
    subtle::Choice::from((word & 1) as u8)
}

/// The 4-bit window of `limb` at position `w` (0 = lowest), as a table index.
#[inline(always)]
pub(crate) const fn nibble(limb: u64, w: u32) -> usize {
    ((limb >> (4 * w)) & 0xf) as usize
}

/// a / d for a small d that divides a (schoolbook long division; compile-time constants).
pub(crate) const fn div_small<const N: usize>(a: &[u64; N], d: u64) -> [u64; N] {
    let mut out = [0u64; N];
    let mut rem: u128 = 0;
    let mut i = N;
    while i > 0 {
        i -= 1;
        let cur = (rem << 64) | a[i] as u128;
        out[i] = (cur / d as u128) as u64;
        rem = cur % d as u128;
    }
    out
}
