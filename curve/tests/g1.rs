//! G1 against `bls12_381` as the oracle: multiples of the generator, sums, doubling,
//! negation, the identity, mixed addition; both encodings byte for byte; decoding verdicts
//! over every flag combination, x ≥ p, points off the curve and points outside the
//! subgroup; subgroup verdicts and cofactor clearing on points of the whole curve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::{G1Affine, G1Compressed, G1Projective, G1Uncompressed, Scalar};
use group::{Curve, GroupEncoding, UncompressedEncoding};
use proptest::prelude::*;

type O = bls12_381::G1Affine;
type OP = bls12_381::G1Projective;

fn scalar(bytes: &[u8; 64]) -> (Scalar, bls12_381::Scalar) {
    (
        Scalar::from_bytes_wide(bytes),
        bls12_381::Scalar::from_bytes_wide(bytes),
    )
}

/// Our point from the oracle's (uncompressed bytes, no checks: also for torsion points).
fn ours(p: &O) -> G1Affine {
    G1Affine::from_uncompressed_unchecked(&G1Uncompressed(p.to_uncompressed())).unwrap()
}

fn same(a: &G1Projective, b: &OP) {
    let (a, b) = (a.to_affine(), O::from(b));
    assert_eq!(a.to_bytes().0, b.to_compressed());
    assert_eq!(a.to_uncompressed().0, b.to_uncompressed());
}

/// A point of E(Fp) (any order) from the oracle's unchecked decompression of `x` bytes.
fn curve_point(seed: &[u8; 48]) -> Option<O> {
    let mut b = *seed;
    b[0] = (b[0] & 0x1f) | 0x80;
    Option::from(O::from_compressed_unchecked(&b))
}

#[test]
fn generator_identity_and_edges() {
    same(&G1Projective::generator(), &OP::generator());
    same(&G1Projective::identity(), &OP::identity());
    assert!(bool::from(G1Affine::generator().is_on_curve()));
    let g = G1Projective::generator();
    let r_minus_1 = -Scalar::ONE;
    same(
        &(g * r_minus_1),
        &(OP::generator() * -bls12_381::Scalar::one()),
    );
    assert!(bool::from((g * Scalar::ZERO).is_identity()));
    assert_eq!(g * Scalar::ONE, g);
    assert_eq!(g * r_minus_1 + g, G1Projective::identity());
    // 2²⁵⁶ − 1 reduced mod r.
    let (k, ok) = scalar(&{
        let mut b = [0u8; 64];
        b[..32].fill(0xff);
        b
    });
    same(&(g * k), &(OP::generator() * ok));
    // P + P through the complete addition equals doubling; P + (−P) is the identity.
    assert_eq!(g + g, g.double());
    assert!(bool::from((g - g).is_identity()));
    assert_eq!(g + G1Affine::identity(), g);
    assert_eq!(G1Projective::identity() + G1Affine::generator(), g);
    // The identity's encodings.
    let mut inf = [0u8; 48];
    inf[0] = 0xc0;
    assert_eq!(G1Affine::identity().to_bytes().0, inf);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arithmetic_matches_the_oracle(a in proptest::collection::vec(any::<u8>(), 64), b in proptest::collection::vec(any::<u8>(), 64)) {
        let (ka, oa) = scalar(&a.try_into().unwrap());
        let (kb, ob) = scalar(&b.try_into().unwrap());
        let (p, q) = (G1Projective::generator() * ka, G1Projective::generator() * kb);
        let (op, oq) = (OP::generator() * oa, OP::generator() * ob);
        same(&p, &op);
        same(&(p + q), &(op + oq));
        same(&(p - q), &(op - oq));
        same(&p.double(), &op.double());
        same(&(-p), &(-op));
        same(&(p + q.to_affine()), &(op + O::from(oq)));
        same(&(p * kb), &(op * ob));
        // Batch normalisation agrees with one-by-one (an identity in the middle).
        let points = [p, G1Projective::identity(), q, p + q];
        let mut affine = [G1Affine::identity(); 4];
        G1Projective::batch_normalize(&points, &mut affine);
        for (x, y) in points.iter().zip(&affine) {
            prop_assert_eq!(x.to_affine(), *y);
        }
        // Round trips through both encodings, with the subgroup check.
        let pa = p.to_affine();
        prop_assert_eq!(G1Affine::from_bytes(&pa.to_bytes()).unwrap(), pa);
        prop_assert_eq!(G1Affine::from_uncompressed(&pa.to_uncompressed()).unwrap(), pa);
    }

    /// Points of the whole curve (almost never in the subgroup): subgroup verdict and
    /// cofactor clearing as the oracle's.
    #[test]
    fn subgroup_and_cofactor_on_the_whole_curve(seed in proptest::collection::vec(any::<u8>(), 48)) {
        if let Some(o) = curve_point(&seed.try_into().unwrap()) {
            let p = ours(&o);
            prop_assert!(bool::from(p.is_on_curve()));
            prop_assert_eq!(bool::from(p.is_torsion_free()), bool::from(o.is_torsion_free()));
            let cleared = G1Projective::from(p).clear_cofactor();
            same(&cleared, &OP::from(o).clear_cofactor());
            prop_assert!(bool::from(cleared.is_torsion_free()));
        }
    }

    /// Decoding verdicts over every flag combination and arbitrary coordinates: ours accept
    /// exactly what the oracle accepts, with the same point, in both forms, checked and
    /// unchecked.
    #[test]
    fn decoding_verdicts_match_the_oracle(bytes in proptest::collection::vec(any::<u8>(), 96), flags in 0u8..8, kind in 0u8..4) {
        let mut b: [u8; 96] = bytes.try_into().unwrap();
        match kind {
            // A valid point's encoding, flags rewritten.
            0 => b = (OP::generator() * bls12_381::Scalar::from(u64::from(b[1]))).to_affine().to_uncompressed(),
            // x = 0 (the identity's x) with other bits.
            1 => b[..48].fill(0),
            // x ≥ p: all ones.
            2 => b[..48].fill(0xff),
            _ => {}
        }
        b[0] = (b[0] & 0x1f) | (flags << 5);
        let c: [u8; 48] = b[..48].try_into().unwrap();
        let ours_c = Option::<G1Affine>::from(G1Affine::from_bytes(&G1Compressed(c)));
        let oracle_c = Option::<O>::from(O::from_compressed(&c));
        prop_assert_eq!(ours_c.map(|p| p.to_bytes().0), oracle_c.map(|p| p.to_compressed()));
        let ours_cu = Option::<G1Affine>::from(G1Affine::from_bytes_unchecked(&G1Compressed(c)));
        let oracle_cu = Option::<O>::from(O::from_compressed_unchecked(&c));
        prop_assert_eq!(ours_cu.map(|p| p.to_uncompressed().0), oracle_cu.map(|p| p.to_uncompressed()));
        let ours_u = Option::<G1Affine>::from(G1Affine::from_uncompressed(&G1Uncompressed(b)));
        let oracle_u = Option::<O>::from(O::from_uncompressed(&b));
        prop_assert_eq!(ours_u.map(|p| p.to_uncompressed().0), oracle_u.map(|p| p.to_uncompressed()));
        let ours_uu = Option::<G1Affine>::from(G1Affine::from_uncompressed_unchecked(&G1Uncompressed(b)));
        // The oracle's unchecked form skips the curve equation; ours never does.
        let oracle_uu = Option::<O>::from(O::from_uncompressed_unchecked(&b))
            .filter(|p| bool::from(p.is_on_curve()));
        prop_assert_eq!(ours_uu.map(|p| p.to_uncompressed().0), oracle_uu.map(|p| p.to_uncompressed()));
    }
}

/// The flag combinations on the generator's and the identity's encodings, exhaustively.
#[test]
fn every_flag_combination_on_fixed_points() {
    for point in [
        O::generator(),
        O::identity(),
        O::from(OP::generator().double()),
    ] {
        let base_c = point.to_compressed();
        let base_u = point.to_uncompressed();
        for flags in 0u8..8 {
            let mut c = base_c;
            c[0] = (c[0] & 0x1f) | (flags << 5);
            let mut u = base_u;
            u[0] = (u[0] & 0x1f) | (flags << 5);
            assert_eq!(
                Option::<G1Affine>::from(G1Affine::from_bytes(&G1Compressed(c)))
                    .map(|p| p.to_bytes().0),
                Option::<O>::from(O::from_compressed(&c)).map(|p| p.to_compressed()),
                "compressed, flags {flags:03b}"
            );
            assert_eq!(
                Option::<G1Affine>::from(G1Affine::from_uncompressed(&G1Uncompressed(u)))
                    .map(|p| p.to_uncompressed().0),
                Option::<O>::from(O::from_uncompressed(&u)).map(|p| p.to_uncompressed()),
                "uncompressed, flags {flags:03b}"
            );
        }
    }
}
