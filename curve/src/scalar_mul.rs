//! Scalar multiplication, generic over the curve.
//!
//! `mul` (secret scalars) uses fixed 4-bit windows: a table of 0·P … 15·P built with
//! complete additions, then for each of the 64 windows four doublings and one addition of
//! an entry read by a constant-time scan of the whole table. The schedule never depends on
//! the scalar. (GLV on G1 and GLS on G2 come next; see the crate notes.)

use subtle::{ConditionallySelectable, ConstantTimeEq};

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
