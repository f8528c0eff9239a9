//! Exponentiation by a public exponent, shared by the fields.

use crate::limbs::nibble;

/// baseᵉ for an exponent known to everyone (little-endian limbs): constant time in the
/// base, the schedule follows e. Fixed 4-bit windows: 15 table entries, then four
/// squarings and one multiplication per non-zero window (the table is read at public
/// indices).
pub(crate) fn pow_public<F: ff::Field>(base: &F, exp: &[u64]) -> F {
    let mut table = [F::ONE; 16];
    for i in 1..16 {
        table[i] = table[i - 1] * base;
    }
    let mut acc = F::ONE;
    let mut started = false;
    for limb in exp.iter().rev() {
        for w in (0..16).rev() {
            let digit = nibble(*limb, w);
            if started {
                acc = acc.square().square().square().square();
            }
            if digit != 0 {
                acc *= table[digit];
                started = true;
            }
        }
    }
    acc
}
