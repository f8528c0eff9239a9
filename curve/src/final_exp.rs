//! The final exponentiation f ↦ f^((p¹² − 1)/r · 3), which sends a Miller loop's value to
//! GT.
//!
//! (p¹² − 1)/r = (p⁶ − 1)(p² + 1) · (p⁴ − p² + 1)/r. The easy part, (p⁶ − 1)(p² + 1), is a
//! conjugation, an inversion and a p²-power map; after it f lies in the cyclotomic
//! subgroup, where inversion is conjugation and squaring has a cheaper form. The hard part
//! uses the decomposition of three times (p⁴ − p² + 1)/r in base p for BLS12 curves,
//! 3(p⁴ − p² + 1)/r = λ0 + λ1·p + λ2·p² + λ3·p³ with λ3 = (x − 1)², λ2 = x·λ3,
//! λ1 = x·λ2 − λ3, λ0 = x·λ1 + 3 (the decomposition of Aranha et al. as rearranged by
//! Hayashida, Hayasaka and Teruya, "Efficient final exponentiation via cyclotomic structure
//! for pairings over families of elliptic curves", 2020; a test checks it with big
//! integers): five
//! exponentiations by x and Frobenius maps. The factor 3 is prime to r, so the result is
//! still a non-degenerate bilinear pairing; it is the one `bls12_381` and blst compute
//! (the tests compare GT values with `bls12_381`).

use crate::fp12::Fp12;
use crate::g1::X_ABS;
use crate::karabina::{Compressed, decompress};

/// The number of set bits of |x|: m^|x| is the product of that many squarings' outputs.
const X_WEIGHT: usize = X_ABS.count_ones() as usize;

/// m^x for m in the cyclotomic subgroup: the 63 squarings m^(2^k) in Karabina's
/// compressed form (`karabina.rs`), the six powers at |x|'s set bits (k = 16, 48, 57, 60,
/// 62, 63) decompressed with one inversion and multiplied (5 multiplications), conjugated
/// because x < 0. (Outside the cyclotomic subgroup the result is meaningless; GT's
/// membership test computes it anyway and discards it.)
pub(crate) fn exp_by_x(m: &Fp12) -> Fp12 {
    // Bit 0 of |x| is clear, so m itself is not a factor.
    const { assert!(X_ABS & 1 == 0) };
    let mut c = Compressed::new(m);
    let mut saved = [Compressed::default(); X_WEIGHT];
    let mut next = 0;
    for k in 1..64 {
        c = c.square();
        if (X_ABS >> k) & 1 == 1 {
            if let Some(slot) = saved.get_mut(next) {
                *slot = c;
            }
            next += 1;
        }
    }
    let powers = decompress(&saved);
    let mut acc = powers[0];
    for p in &powers[1..] {
        acc = acc.mul(p);
    }
    acc.conjugate()
}

/// m^x by general Fp12 squarings and multiplications over |x|'s bits: the reference the
/// compressed method is tested against (it uses neither Karabina's nor Granger–Scott's
/// formulas).
#[cfg(test)]
pub(crate) fn exp_by_x_reference(m: &Fp12) -> Fp12 {
    let mut acc = *m;
    for i in (0..63).rev() {
        acc = acc.square();
        if (X_ABS >> i) & 1 == 1 {
            acc = acc.mul(m);
        }
    }
    acc.conjugate()
}

/// f^(3(p¹² − 1)/r). For f = 0 (which no Miller loop produces) the result is 0.
pub(crate) fn final_exponentiation(f: &Fp12) -> Fp12 {
    // Easy part: f^(p⁶ − 1) = conj(f)/f, then m = t^(p² + 1).
    let inverse = f.invert();
    let t = f.conjugate().mul(&inverse.unwrap_or(Fp12::ZERO));
    let m = t.frobenius2().mul(&t);
    // Hard part: the λᵢ as exponents of m.
    let a = exp_by_x(&m).mul(&m.conjugate()); // m^(x − 1)
    let l3 = exp_by_x(&a).mul(&a.conjugate()); // m^((x − 1)²)
    let l2 = exp_by_x(&l3); // m^λ2
    let l1 = exp_by_x(&l2).mul(&l3.conjugate()); // m^λ1
    let l0 = exp_by_x(&l1).mul(&m.cyclotomic_square()).mul(&m); // m^λ0
    // For f = 0, t = 0 and every product below is 0.
    l0.mul(&l1.frobenius())
        .mul(&l2.frobenius2())
        .mul(&l3.frobenius2().frobenius())
}
