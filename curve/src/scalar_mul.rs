//! Scalar multiplication, generic over the curve.
//!
//! `mul` (secret scalars, any curve) uses fixed 4-bit windows: a table of 0·P … 15·P built
//! with complete additions, then for each of the 64 windows four doublings and one addition
//! of an entry read by a constant-time scan of the whole table. G1 and G2 use it only as the
//! reference their endomorphism methods are tested against: they split the scalar (GLV on
//! G1, GLS on G2, `decompose.rs`) and call `multi_mul_signed`. No schedule here depends on a
//! secret scalar.

use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use crate::limbs::nibble;
use crate::point::{CurveParams, Projective};
use crate::scalar::Scalar;

/// The table entry `index` (0 ‥ 15), reading every entry.
fn lookup<C: CurveParams>(table: &[Projective<C>; 16], index: usize) -> Projective<C> {
    let mut out = Projective::identity();
    for (i, entry) in table.iter().enumerate() {
        out.conditional_assign(entry, i.ct_eq(&index));
    }
    out
}

/// k·P in constant time (in k and P).
pub(crate) fn mul<C: CurveParams>(p: &Projective<C>, k: &Scalar) -> Projective<C> {
    let mut table = [Projective::identity(); 16];
    for i in 1..16 {
        table[i] = table[i - 1].add(p);
    }
    let limbs = k.to_canonical_limbs();
    let mut acc = Projective::identity();
    for limb in limbs.iter().rev() {
        for w in (0..16).rev() {
            acc = acc.double().double().double().double();
            acc = acc.add(&lookup(&table, nibble(*limb, w)));
        }
    }
    acc
}

/// k·P for a public multiplier k (constants such as the curve parameter |x|): double and
/// add over k's bits. Constant time in P; the schedule follows k.
pub(crate) fn mul_u64_public<C: CurveParams>(p: &Projective<C>, k: u64) -> Projective<C> {
    let mut acc = Projective::identity();
    for i in (0..64 - k.leading_zeros()).rev() {
        acc = acc.double();
        if (k >> i) & 1 == 1 {
            acc = acc.add(p);
        }
    }
    acc
}

/// d·P from the table [P, 2P, …, 8P] for a signed digit d ∈ [−8, 8]: every entry is read,
/// the one at |d| kept (the identity for 0), and the result negated where d < 0.
fn signed_lookup<C: CurveParams>(table: &[Projective<C>; 8], d: i8) -> Projective<C> {
    // Sign and magnitude by arithmetic (d >> 7 is 0 or −1), not by comparison.
    let sign = d >> 7;
    let negative = (sign as u8) & 1;
    let abs = (d ^ sign).wrapping_sub(sign) as u8;
    let mut out = Projective::identity();
    for (i, entry) in (1u8..).zip(table.iter()) {
        out.conditional_assign(entry, i.ct_eq(&abs));
    }
    let negated = out.neg();
    out.conditional_assign(&negated, Choice::from(negative));
    out
}

/// Σⱼ kⱼ·Pⱼ from each scalar's signed 4-bit digits (most significant last), in constant
/// time: a table of P … 8P per point (7 additions), then per window four doublings and one
/// addition per point. The endomorphism methods call this with two 128-bit halves (G1) or
/// four 64-bit quarters (G2).
pub(crate) fn multi_mul_signed<C: CurveParams, const N: usize, const M: usize>(
    points: &[Projective<C>; N],
    digits: &[[i8; M]; N],
) -> Projective<C> {
    let tables: [[Projective<C>; 8]; N] = core::array::from_fn(|j| {
        let mut t = [points[j]; 8];
        for i in 1..8 {
            t[i] = t[i - 1].add(&points[j]);
        }
        t
    });
    let mut acc = Projective::identity();
    for w in (0..M).rev() {
        acc = acc.double().double().double().double();
        for (table, ds) in tables.iter().zip(digits.iter()) {
            acc = acc.add(&signed_lookup(table, ds[w]));
        }
    }
    acc
}
