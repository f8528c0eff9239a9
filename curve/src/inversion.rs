//! Constant-time inversion modulo p by Bernstein and Yang's divsteps ("Fast constant-time
//! gcd computation and modular inversion", TCHES 2019(3)), in the batched form of
//! libsecp256k1's `safegcd` (its `modinv64`): the divsteps run on the low 64 bits of f
//! and g, 59 at a time, building a 2×2 transition matrix scaled by 2⁶², which is then
//! applied to the full f, g (exactly, dividing by 2⁶²) and to the Bézout coefficients d, e
//! (modulo p, by adding the multiple of p that clears the low 62 bits).
//!
//! The divstep is the paper's original one (δ starting at 1), for which Theorem 11.2
//! bounds the steps needed for inputs below 2^d by ⌊(49d + 57)/17⌋ for d ≥ 46: 1102 for
//! p < 2³⁸¹. Nineteen batches of 59 (1121) run for every input, and every step is the
//! same instructions: masks from the sign of δ and the parity of g select what is added
//! and swapped, never a branch.
//!
//! Numbers are seven signed 62-bit limbs (value Σ vᵢ·2⁶²ⁱ, limbs below the top in
//! [0, 2⁶²), the top one signed), with i128 intermediate sums.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss
)]

use core::hint::black_box;

use crate::fp::MODULUS;

const LIMBS: usize = 7;
const M62: u64 = u64::MAX >> 2;

type Signed62 = [i64; LIMBS];

/// The transition matrix of 59 divsteps, scaled by 2⁶²: [u v; q r] maps (f, g) to
/// 2⁶²·(f', g').
#[derive(Clone, Copy)]
struct Matrix {
    u: i64,
    v: i64,
    q: i64,
    r: i64,
}

/// p in signed-62 limbs.
const P62: Signed62 = to_signed62(&MODULUS);

/// p⁻¹ mod 2⁶² (from −p⁻¹ mod 2⁶⁴, computed by Newton's iteration at compile time).
const P_INV62: u64 = crate::mont::neg_inv_word(MODULUS[0]).wrapping_neg() & M62;

/// A 384-bit integer (six little-endian words) in signed-62 limbs (all non-negative).
const fn to_signed62(a: &[u64; 6]) -> Signed62 {
    let mut out = [0i64; LIMBS];
    let mut i = 0;
    while i < LIMBS {
        let bit = 62 * i;
        let (w, s) = (bit / 64, bit % 64);
        let mut x = if w < 6 { a[w] >> s } else { 0 };
        if s > 2 && w + 1 < 6 {
            x |= a[w + 1] << (64 - s);
        }
        out[i] = (x & M62) as i64;
        i += 1;
    }
    out
}

/// Back to six words, for a normalised value in [0, p).
fn from_signed62(a: &Signed62) -> [u64; 6] {
    let mut out = [0u64; 6];
    let mut acc: u128 = 0;
    let mut bits = 0;
    let mut j = 0;
    for limb in a {
        acc |= u128::from(*limb as u64) << bits;
        bits += 62;
        while bits >= 64 {
            if let Some(slot) = out.get_mut(j) {
                *slot = acc as u64;
            }
            acc >>= 64;
            bits -= 64;
            j += 1;
        }
    }
    if let Some(slot) = out.get_mut(j) {
        *slot = acc as u64;
    }
    out
}

/// 59 divsteps on the low bits of f (odd) and g, from δ: the new δ and the matrix.
/// Invariant (mod 2⁶⁴): u·f0 + v·g0 = f·2ⁱ and q·f0 + r·g0 = g·2ⁱ at step i (starting at
/// i = 3 with the identity times 8, so the matrix ends scaled by 2⁶²). One divstep: if
/// δ > 0 and g is odd, (δ, f, g) ← (−δ, g, −f); then, if g is odd, g ← g + f; then
/// g ← g/2 and δ ← δ + 1 — the paper's (1 − δ, g, (g − f)/2) or (1 + δ, f, (g + (g mod 2)f)/2).
fn divsteps_59(mut delta: i64, f0: u64, g0: u64) -> (i64, Matrix) {
    let (mut u, mut v, mut q, mut r) = (8u64, 0u64, 0u64, 8u64);
    let (mut f, mut g) = (f0, g0);
    for _ in 3..62 {
        // All ones where δ > 0 (−δ negative), and where g is odd.
        let positive = black_box((delta.wrapping_neg() >> 63) as u64);
        let odd = black_box((g & 1).wrapping_neg());
        let swap = positive & odd;
        // (f, g) ← (g, −f) and the rows likewise, where `swap`.
        let t = (f ^ g) & swap;
        f ^= t;
        g = ((g ^ t) ^ swap).wrapping_sub(swap);
        let t = (u ^ q) & swap;
        u ^= t;
        q = ((q ^ t) ^ swap).wrapping_sub(swap);
        let t = (v ^ r) & swap;
        v ^= t;
        r = ((r ^ t) ^ swap).wrapping_sub(swap);
        delta = (delta ^ swap as i64).wrapping_sub(swap as i64);
        // g odd (always, after a swap): add f's row.
        g = g.wrapping_add(f & odd);
        q = q.wrapping_add(u & odd);
        r = r.wrapping_add(v & odd);
        // Halve g; double f's row instead of halving g's.
        g >>= 1;
        u <<= 1;
        v <<= 1;
        delta = delta.wrapping_add(1);
    }
    (
        delta,
        Matrix {
            u: u as i64,
            v: v as i64,
            q: q as i64,
            r: r as i64,
        },
    )
}

/// (a, b) ← ([u v; q r]·(a, b) + p·(ma, mb))/2⁶², for corrections that make the low 62
/// bits zero (none for f, g; chosen by `update_de` for d, e).
fn combine(a: &mut Signed62, b: &mut Signed62, t: &Matrix, ma: i64, mb: i64) {
    let (u, v, q, r) = (
        i128::from(t.u),
        i128::from(t.v),
        i128::from(t.q),
        i128::from(t.r),
    );
    let (ma, mb) = (i128::from(ma), i128::from(mb));
    let (mut ca, mut cb) = (0i128, 0i128);
    for i in 0..LIMBS {
        let m = i128::from(P62[i]);
        ca += u * i128::from(a[i]) + v * i128::from(b[i]) + m * ma;
        cb += q * i128::from(a[i]) + r * i128::from(b[i]) + m * mb;
        if i > 0 {
            a[i - 1] = (ca as u64 & M62) as i64;
            b[i - 1] = (cb as u64 & M62) as i64;
        }
        ca >>= 62;
        cb >>= 62;
    }
    a[LIMBS - 1] = ca as i64;
    b[LIMBS - 1] = cb as i64;
}

/// (f, g) ← [u v; q r]·(f, g)/2⁶², exactly (the low 62 bits of both products are zero by
/// construction).
fn update_fg(f: &mut Signed62, g: &mut Signed62, t: &Matrix) {
    combine(f, g, t, 0, 0);
}

/// (d, e) ← ([u v; q r]·(d, e) + p·(md, me))/2⁶² with md, me chosen so that the division is
/// exact; d, e stay in (−2p, p) (libsecp256k1's `update_de_62`, on seven limbs).
fn update_de(d: &mut Signed62, e: &mut Signed62, t: &Matrix) {
    // Start md, me at [u, q] where d < 0 plus [v, r] where e < 0.
    let sd = black_box(d[LIMBS - 1] >> 63);
    let se = black_box(e[LIMBS - 1] >> 63);
    let mut md = (t.u & sd).wrapping_add(t.v & se);
    let mut me = (t.q & sd).wrapping_add(t.r & se);
    // Correct md, me so that the low 62 bits of t·(d, e) + p·(md, me) vanish.
    let cd = (t.u as u64)
        .wrapping_mul(d[0] as u64)
        .wrapping_add((t.v as u64).wrapping_mul(e[0] as u64));
    let ce = (t.q as u64)
        .wrapping_mul(d[0] as u64)
        .wrapping_add((t.r as u64).wrapping_mul(e[0] as u64));
    md = md.wrapping_sub((P_INV62.wrapping_mul(cd).wrapping_add(md as u64) & M62) as i64);
    me = me.wrapping_sub((P_INV62.wrapping_mul(ce).wrapping_add(me as u64) & M62) as i64);
    combine(d, e, t, md, me);
}

/// Carries the limbs' excess up so that all but the top are in [0, 2⁶²).
fn propagate(r: &mut Signed62) {
    for i in 0..LIMBS - 1 {
        r[i + 1] += r[i] >> 62;
        r[i] &= M62 as i64;
    }
}

/// r ∈ (−2p, p), negated where `sign` < 0, brought into [0, p) (libsecp256k1's
/// `normalize_62`): add p if negative, negate if asked, carry, add p if still negative,
/// carry.
fn normalize(r: &mut Signed62, sign: i64) {
    let add = black_box(r[LIMBS - 1] >> 63);
    for (x, m) in r.iter_mut().zip(P62) {
        *x += m & add;
    }
    let negate = black_box(sign >> 63);
    for x in r.iter_mut() {
        *x = (*x ^ negate).wrapping_sub(negate);
    }
    propagate(r);
    let add = black_box(r[LIMBS - 1] >> 63);
    for (x, m) in r.iter_mut().zip(P62) {
        *x += m & add;
    }
    propagate(r);
}

/// x⁻¹ mod p for x < p (0 for 0), constant time.
pub(crate) fn invert_mod_p(x: &[u64; 6]) -> [u64; 6] {
    let mut d: Signed62 = [0; LIMBS];
    let mut e: Signed62 = [0; LIMBS];
    e[0] = 1;
    let mut f = P62;
    let mut g = to_signed62(x);
    let mut delta = 1;
    for _ in 0..19 {
        let (next, t) = divsteps_59(delta, f[0] as u64, g[0] as u64);
        delta = next;
        update_de(&mut d, &mut e, &t);
        update_fg(&mut f, &mut g, &t);
    }
    // g = 0 now and f = ±gcd = ±1; d = ±x⁻¹.
    normalize(&mut d, f[LIMBS - 1]);
    from_signed62(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limb_conversions_round_trip() {
        assert_eq!(from_signed62(&P62), MODULUS);
        let x = [
            u64::MAX,
            1,
            2,
            3,
            0x8000_0000_0000_0001,
            0x0fff_ffff_ffff_ffff,
        ];
        assert_eq!(from_signed62(&to_signed62(&x)), x);
        assert_eq!(P_INV62.wrapping_mul(MODULUS[0]) & M62, 1);
    }

    /// Against Fermat's a^(p−2) on edge values and 2,000 pseudo-random ones.
    #[test]
    fn agrees_with_fermat() {
        use crate::fp::Fp;
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let check = |x: Fp| {
            assert_eq!(x.invert().unwrap(), x.pow_vartime(&Fp::P_MINUS_2), "{x:?}");
        };
        for x in [
            Fp::ONE,
            -Fp::ONE,
            Fp::from_u64(2),
            -Fp::from_u64(2),
            Fp::HALF,
        ] {
            check(x);
        }
        for k in 0..64 {
            check(Fp::from_u64(1 << k));
        }
        for _ in 0..2000 {
            let mut b = [0u8; 64];
            for c in b.chunks_mut(8) {
                c.copy_from_slice(&next().to_le_bytes());
            }
            check(Fp::from_bytes_wide(&b));
        }
        assert!(bool::from(Fp::ZERO.invert().is_none()));
    }
}
