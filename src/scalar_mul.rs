//! Constant-time multiplication of points by **secret** scalars: the engine's GLV (G1) and
//! GLS (G2) method for any point (Sign, PopProve, ASM contributions and member signatures,
//! threshold shares; `blsig-curve`'s `Projective::mul_scalar`) and a fixed-base table for
//! the generators (SkToPk, key generation, Feldman commitments and DKG dealing).
//!
//! Why this is constant time: [`crate::notes::constant_time`].
//!
//! # The generator tables
//! For each generator, 43 rows of 32 affine points, row i holding j·64ⁱ·g for j = 1‥32
//! (6-bit signed windows; ≈ 133 KiB for G1, ≈ 264 KiB for G2). SkToPk is then 43 table
//! additions and no doublings. (5-bit windows need 52 additions; 7-bit ones spend what
//! they save on reading 64 entries per row: measured, 6 is the fastest.) With `alloc`,
//! each table is built on first use (≈ 5 ms for G1, ≈ 12 ms for G2 on this project's CI
//! machine) and kept in a `once_cell::race::OnceBox`, which needs no `std` and no lock:
//! if two threads race, both build and one result is kept. Without `alloc`, the
//! generator is multiplied by the GLV/GLS method instead.

use blsig_curve::Scalar;
#[cfg(feature = "alloc")]
use group::CurveAffine;
#[cfg(feature = "alloc")]
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

#[cfg(feature = "alloc")]
use crate::curve::Affine;
use crate::curve::Curve;

/// Generator tables: 6-bit signed windows, digits in [−32, 31], 32 entries per row, 43
/// rows (258 bits; the top window is at most 7, so its carry is 0).
#[cfg(feature = "alloc")]
const G_WINDOW: usize = 6;
#[cfg(feature = "alloc")]
const G_ENTRIES: usize = 32;
#[cfg(feature = "alloc")]
const G_DIGITS: usize = 43;

#[cfg(feature = "alloc")]
/// The signed base-2^`W` digits of `k`, least significant first: k = Σ dᵢ·2^(W·i) with
/// dᵢ ∈ [−2^(W−1), 2^(W−1)). Branch-free: every step is the same arithmetic on the
/// scalar's bits.
fn recode<const W: usize, const D: usize>(k: &Scalar) -> [i8; D] {
    let bytes = zeroize::Zeroizing::new(k.to_bytes());
    let bit = |i: usize| -> i16 {
        let byte = bytes.get(i / 8).copied().unwrap_or(0);
        i16::from((byte >> (i % 8)) & 1)
    };
    let half: i16 = 1 << (W - 1);
    let mut digits = [0i8; D];
    let mut carry: i16 = 0;
    for (i, digit) in digits.iter_mut().enumerate() {
        let mut window: i16 = 0;
        for b in 0..W {
            window |= bit(i * W + b) << b;
        }
        let v = window + carry; // 0 ‥ 2^W
        carry = (v + half) >> W; // 1 exactly when v ≥ 2^(W−1)
        let d = v - (carry << W); // −2^(W−1) ‥ 2^(W−1) − 1
        *digit = d.to_le_bytes()[0] as i8;
    }
    digits
}

#[cfg(feature = "alloc")]
/// The entry ±|d|·P of a row of multiples 1·P, 2·P, … (identity for d = 0), in constant
/// time: every entry is read.
fn select<C: Curve>(row: &[Affine<C>], digit: i8) -> Affine<C> {
    let negative = Choice::from(((digit >> 7) & 1) as u8);
    let magnitude = digit.unsigned_abs();
    let mut chosen = Affine::<C>::identity();
    for (j, entry) in (1u8..).zip(row) {
        chosen = Affine::<C>::conditional_select(&chosen, entry, magnitude.ct_eq(&j));
    }
    let negated = -chosen;
    Affine::<C>::conditional_select(&chosen, &negated, negative)
}

#[cfg(feature = "alloc")]
/// 1·P … E·P as affine points (one inversion for all of them).
fn multiples<C: Curve, const E: usize>(point: &C) -> [Affine<C>; E] {
    let mut projective = [C::identity(); E];
    let mut acc = *point;
    for slot in projective.iter_mut() {
        *slot = acc;
        acc += point;
    }
    let mut affine = [Affine::<C>::identity(); E];
    C::batch_normalize(&projective, &mut affine);
    affine
}

/// `k·P` for a secret `k`, in constant time: the engine's endomorphism method (two
/// half-length scalars on G1, four quarter-length ones on G2, signed windows scanned in
/// full; `blsig-curve`'s `scalar_mul.rs`).
pub(crate) fn mul<C: Curve>(point: &C, k: &Scalar) -> C {
    *point * *k
}

/// `k·g` for the generator g of `C` and a secret `k`, in constant time.
pub(crate) fn mul_generator<C: Curve>(k: &Scalar) -> C {
    #[cfg(feature = "alloc")]
    if let Some(table) = generator_table::<C>() {
        let digits = zeroize::Zeroizing::new(recode::<G_WINDOW, G_DIGITS>(k));
        let mut acc = C::identity();
        for (row, digit) in table.rows.iter().zip(digits.iter()) {
            acc += select::<C>(row, *digit);
        }
        return acc;
    }
    mul(&C::generator(), k)
}

/// The table of `C`'s generator, built on first use. (`C` is G1 or G2: the sealed `Curve`
/// has no other implementations, so the downcast always succeeds.)
#[cfg(feature = "alloc")]
fn generator_table<C: Curve>() -> Option<&'static GeneratorTable<C>> {
    use blsig_curve::{G1Projective, G2Projective};
    use once_cell::race::OnceBox;
    static G1: OnceBox<GeneratorTable<G1Projective>> = OnceBox::new();
    static G2: OnceBox<GeneratorTable<G2Projective>> = OnceBox::new();
    let cell: &'static dyn core::any::Any = if C::DIGIT == b'1' { &G1 } else { &G2 };
    let cell = cell.downcast_ref::<OnceBox<GeneratorTable<C>>>()?;
    Some(cell.get_or_init(|| alloc::boxed::Box::new(GeneratorTable::build())))
}

/// The fixed-base table of a generator: row i holds j·64ⁱ·g for j = 1‥32.
#[cfg(feature = "alloc")]
pub(crate) struct GeneratorTable<C: Curve> {
    rows: alloc::vec::Vec<[Affine<C>; G_ENTRIES]>,
}

#[cfg(feature = "alloc")]
impl<C: Curve> GeneratorTable<C> {
    pub(crate) fn build() -> Self {
        let mut rows = alloc::vec::Vec::with_capacity(G_DIGITS);
        let mut base = C::generator();
        for _ in 0..G_DIGITS {
            rows.push(multiples::<C, G_ENTRIES>(&base));
            for _ in 0..G_WINDOW {
                base = base.double();
            }
        }
        GeneratorTable { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blsig_curve::{G1Projective, G2Projective};

    fn scalars() -> alloc::vec::Vec<Scalar> {
        let mut v = alloc::vec![
            Scalar::ZERO,
            Scalar::ONE,
            -Scalar::ONE,
            Scalar::from(15u64),
            Scalar::from(16u64),
            Scalar::from(17u64),
            Scalar::from(31u64),
            Scalar::from(32u64),
            Scalar::from(u64::MAX),
            Scalar::from(2u64).pow_vartime(&[254, 0, 0, 0]),
            // (r − 1) / 2 and around: many digits at the window edges.
            (-Scalar::ONE) * Scalar::from(2u64).invert().unwrap(),
        ];
        let mut x = Scalar::from(0x1234_5678_9abc_def0u64);
        for _ in 0..40 {
            x = x.square() + Scalar::from(7u64);
            v.push(x);
        }
        v
    }

    #[test]
    #[cfg(feature = "alloc")]
    fn recoding_is_exact() {
        fn check<const W: usize, const D: usize>(k: &Scalar) {
            let digits = recode::<W, D>(k);
            let half = 1i16 << (W - 1);
            let mut back = Scalar::ZERO;
            for d in digits.iter().rev() {
                back *= Scalar::from(1u64 << W);
                let m = Scalar::from(u64::from(d.unsigned_abs()));
                back += if *d < 0 { -m } else { m };
                assert!((-half..half).contains(&i16::from(*d)));
            }
            assert_eq!(&back, k);
        }
        for k in scalars() {
            check::<G_WINDOW, G_DIGITS>(&k);
        }
    }

    /// The oracle's k·P, through the encodings.
    fn oracle_g1(p: &G1Projective, k: &Scalar) -> [u8; 48] {
        let p = bls12_381::G1Affine::from_compressed(&p.to_affine().to_compressed()).unwrap();
        let k = bls12_381::Scalar::from_bytes(&k.to_bytes()).unwrap();
        bls12_381::G1Affine::from(p * k).to_compressed()
    }

    fn oracle_g2(p: &G2Projective, k: &Scalar) -> [u8; 96] {
        let p = bls12_381::G2Affine::from_compressed(&p.to_affine().to_compressed()).unwrap();
        let k = bls12_381::Scalar::from_bytes(&k.to_bytes()).unwrap();
        bls12_381::G2Affine::from(p * k).to_compressed()
    }

    #[test]
    fn products_match_the_oracle() {
        let p1 = G1Projective::generator() * Scalar::from(99u64);
        let p2 = G2Projective::generator() * Scalar::from(99u64);
        let (g1, g2) = (G1Projective::generator(), G2Projective::generator());
        for k in scalars() {
            assert_eq!(mul(&p1, &k).to_affine().to_compressed(), oracle_g1(&p1, &k));
            assert_eq!(mul(&p2, &k).to_affine().to_compressed(), oracle_g2(&p2, &k));
            assert_eq!(
                mul_generator::<G1Projective>(&k)
                    .to_affine()
                    .to_compressed(),
                oracle_g1(&g1, &k)
            );
            assert_eq!(
                mul_generator::<G2Projective>(&k)
                    .to_affine()
                    .to_compressed(),
                oracle_g2(&g2, &k)
            );
        }
        assert_eq!(
            mul(&G1Projective::identity(), &Scalar::from(5u64)),
            G1Projective::identity()
        );
    }
}
