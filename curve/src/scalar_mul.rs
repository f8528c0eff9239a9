//! Scalar multiplication, generic over the curve.
//!
//! `mul` (secret scalars, any curve) uses fixed 4-bit windows: a table of 0·P … 15·P built
//! with complete additions, then for each of the 64 windows four doublings and one addition
//! of an entry read by a constant-time scan of the whole table. G1 and G2 use it only as the
//! reference their endomorphism methods are tested against: they split the scalar (GLV on
//! G1, GLS on G2, `decompose.rs`) and call `multi_mul_signed`. No schedule here depends on a
//! secret scalar.

use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use crate::jacobian::Jacobian;
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
/// add over k's bits, doubling in Jacobian coordinates (`jacobian.rs`) and adding with the
/// complete projective formula. Constant time in P; the schedule follows k.
pub(crate) fn mul_u64_public<C: CurveParams>(p: &Projective<C>, k: u64) -> Projective<C> {
    if k == 0 {
        return Projective::identity();
    }
    let top = 63 - k.leading_zeros();
    let mut acc = Jacobian::from_projective(p);
    for i in (0..top).rev() {
        acc = acc.double();
        if (k >> i) & 1 == 1 {
            acc = Jacobian::from_projective(&acc.to_projective().add(p));
        }
    }
    acc.to_projective()
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

/// The table [P, 2P, …, 8P] of `multi_mul_signed` (7 complete additions).
pub(crate) fn signed_table<C: CurveParams>(p: &Projective<C>) -> [Projective<C>; 8] {
    let mut t = [*p; 8];
    for i in 1..8 {
        t[i] = t[i - 1].add(p);
    }
    t
}

/// Σⱼ kⱼ·Pⱼ from each point's table ([`signed_table`], or its image under an endomorphism,
/// which is the table of the image point) and each scalar's signed 4-bit digits (most
/// significant last), in constant time: per window four doublings and one addition per
/// point. The endomorphism methods call this with two 128-bit halves (G1) or four 64-bit
/// quarters (G2).
pub(crate) fn multi_mul_signed<C: CurveParams, const N: usize, const M: usize>(
    tables: &[[Projective<C>; 8]; N],
    digits: &[[i8; M]; N],
) -> Projective<C> {
    let mut acc = Projective::identity();
    for w in (0..M).rev() {
        acc = acc.double().double().double().double();
        for (table, ds) in tables.iter().zip(digits.iter()) {
            acc = acc.add(&signed_lookup(table, ds[w]));
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fp::Fp;
    use crate::g1::{G1Projective, X_ABS};
    use crate::g2::G2Projective;

    /// The public-multiplier chain (Jacobian doublings, projective additions) equals the
    /// reference fixed-window multiplication: on the identity, on subgroup points, and on
    /// T = (0, 2) of order 3 in G1, where the chain meets the identity midway (k = 6, 13,
    /// |x|: their binary prefixes 11 are multiples of 3) and must leave it again.
    #[test]
    fn public_chain_matches_reference() {
        let t = G1Projective::from(&crate::point::Affine::from_xy_unchecked(
            Fp::ZERO,
            Fp::from_u64(2),
        ));
        assert!(bool::from(t.is_on_curve()));
        let g1 = G1Projective::generator();
        let g2 = G2Projective::generator();
        for k in [0, 1, 2, 3, 6, 13, 27, X_ABS, X_ABS + 1, u64::MAX] {
            let s = Scalar::from_u64(k);
            for p in [
                G1Projective::identity(),
                g1,
                g1.double(),
                t,
                t.neg(),
                t.add(&g1),
            ] {
                assert_eq!(mul_u64_public(&p, k), mul(&p, &s), "G1, k = {k}");
            }
            for p in [G2Projective::identity(), g2, g2.double().add(&g2)] {
                assert_eq!(mul_u64_public(&p, k), mul(&p, &s), "G2, k = {k}");
            }
        }
    }
}
