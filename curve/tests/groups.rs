//! G1 and G2 against `bls12_381` as the oracle, by one generic test per property:
//! multiples of the generator, sums, doubling, negation, the identity, mixed addition,
//! batch normalisation; both encodings byte for byte; decoding verdicts over every flag
//! combination and arbitrary bytes (x ≥ p, off the curve, outside the subgroup); subgroup
//! verdicts and cofactor clearing on points of the whole curve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::{Affine, CurveParams, G1Params, G2Params, Projective, Scalar};
use group::{Curve, GroupEncoding, UncompressedEncoding};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// An oracle curve type of `bls12_381` paired with ours.
trait Oracle: Curve<Scalar = bls12_381::Scalar>
where
    Self::Affine: UncompressedEncoding,
{
    type Ours: CurveParams;
    /// The oracle's cofactor clearing (RFC 9380's h_eff).
    fn clear(p: &Self::Affine) -> Self;
}

impl Oracle for bls12_381::G1Projective {
    type Ours = G1Params;
    fn clear(p: &bls12_381::G1Affine) -> Self {
        bls12_381::G1Projective::from(p).clear_cofactor()
    }
}

impl Oracle for bls12_381::G2Projective {
    type Ours = G2Params;
    fn clear(p: &bls12_381::G2Affine) -> Self {
        bls12_381::G2Projective::from(p).clear_cofactor()
    }
}

type OA<O> = <O as Curve>::Affine;

fn scalars(bytes: &[u8; 64]) -> (Scalar, bls12_381::Scalar) {
    (
        Scalar::from_bytes_wide(bytes),
        bls12_381::Scalar::from_bytes_wide(bytes),
    )
}

/// Both encodings of ours and the oracle's agree.
fn same<O: Oracle>(a: &Projective<O::Ours>, b: &O)
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: GroupEncoding + UncompressedEncoding,
{
    let (a, b) = (a.to_affine(), b.to_affine());
    assert_eq!(a.to_bytes().as_ref(), b.to_bytes().as_ref());
    assert_eq!(a.to_uncompressed().as_ref(), b.to_uncompressed().as_ref());
}

/// Our point from the oracle's (uncompressed bytes; also for points outside the subgroup).
fn ours<O: Oracle>(p: &OA<O>) -> Affine<O::Ours>
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: UncompressedEncoding,
{
    let mut u = <Affine<O::Ours> as UncompressedEncoding>::Uncompressed::default();
    u.as_mut().copy_from_slice(p.to_uncompressed().as_ref());
    Option::from(Affine::<O::Ours>::from_uncompressed_unchecked(&u)).unwrap()
}

fn arithmetic<O: Oracle>(a: &[u8; 64], b: &[u8; 64])
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: GroupEncoding + UncompressedEncoding,
    Projective<O::Ours>: Curve<Affine = Affine<O::Ours>>,
{
    let (ka, oa) = scalars(a);
    let (kb, ob) = scalars(b);
    let g = Projective::<O::Ours>::generator();
    let (p, q) = (g * ka, g * kb);
    let (op, oq) = (O::generator() * oa, O::generator() * ob);
    same(&p, &op);
    same(&(p + q), &(op + oq));
    same(&(p - q), &(op - oq));
    same(&p.double(), &op.double());
    same(&(-p), &(-op));
    same(&(p + q.to_affine()), &(op + oq.to_affine()));
    same(&(p * kb), &(op * ob));
    let points = [p, Projective::identity(), q, p + q];
    let mut affine = [Affine::identity(); 4];
    Projective::batch_normalize(&points, &mut affine);
    for (x, y) in points.iter().zip(&affine) {
        assert_eq!(x.to_affine(), *y);
    }
    let pa = p.to_affine();
    assert_eq!(
        Option::<Affine<O::Ours>>::from(Affine::from_bytes(&pa.to_bytes())),
        Some(pa)
    );
    assert_eq!(
        Option::<Affine<O::Ours>>::from(UncompressedEncoding::from_uncompressed(
            &pa.to_uncompressed()
        )),
        Some(pa)
    );
}

fn edges<O: Oracle>()
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: GroupEncoding + UncompressedEncoding,
    Projective<O::Ours>: Curve<Affine = Affine<O::Ours>>,
{
    let g = Projective::<O::Ours>::generator();
    same(&g, &O::generator());
    same(&Projective::<O::Ours>::identity(), &O::identity());
    assert!(bool::from(Affine::<O::Ours>::generator().is_on_curve()));
    assert!(bool::from(g.is_torsion_free()));
    same(
        &(g * -Scalar::ONE),
        &(O::generator() * -bls12_381::Scalar::one()),
    );
    assert!(bool::from((g * Scalar::ZERO).is_identity()));
    assert_eq!(g * Scalar::ONE, g);
    assert_eq!(g * -Scalar::ONE + g, Projective::identity());
    let mut top = [0u8; 64];
    top[..32].fill(0xff);
    let (k, ok) = scalars(&top);
    same(&(g * k), &(O::generator() * ok));
    assert_eq!(g + g, g.double());
    let h = g;
    assert!(bool::from((g - h).is_identity()));
    assert_eq!(g + Affine::<O::Ours>::identity(), g);
    assert_eq!(Projective::<O::Ours>::identity() + Affine::generator(), g);
}

/// A point of the whole curve (any order) from the oracle's unchecked decompression.
fn curve_point<O: Oracle>(seed: &[u8]) -> Option<OA<O>>
where
    OA<O>: UncompressedEncoding,
{
    let mut c = <OA<O> as GroupEncoding>::Repr::default();
    let len = c.as_ref().len();
    c.as_mut().copy_from_slice(seed.get(..len)?);
    c.as_mut()[0] = (c.as_ref()[0] & 0x1f) | 0x80;
    Option::from(OA::<O>::from_bytes_unchecked(&c))
}

fn whole_curve<O: Oracle>(seed: &[u8])
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: GroupEncoding + UncompressedEncoding,
{
    let Some(o) = curve_point::<O>(seed) else {
        return;
    };
    let p = ours::<O>(&o);
    assert!(bool::from(p.is_on_curve()));
    // The oracle's checked decoder accepts exactly the subgroup's points.
    let in_subgroup = bool::from(OA::<O>::from_bytes(&o.to_bytes()).is_some());
    assert_eq!(bool::from(p.is_torsion_free()), in_subgroup);
    let cleared = Projective::from(p).clear_cofactor();
    same(&cleared, &O::clear(&o));
    assert!(bool::from(cleared.is_torsion_free()));
}

/// Ours and the oracle's decoders accept the same inputs, with the same points, in both
/// forms (checked; unchecked where the oracle checks the curve equation).
fn verdicts<O: Oracle>(bytes: &[u8], flags: u8, kind: u8)
where
    OA<O>: UncompressedEncoding,
    Affine<O::Ours>: GroupEncoding + UncompressedEncoding,
{
    let mut u = <OA<O> as UncompressedEncoding>::Uncompressed::default();
    let len = u.as_ref().len();
    u.as_mut().copy_from_slice(&bytes[..len]);
    let half = len / 2;
    match kind {
        0 => {
            let p = (O::generator() * bls12_381::Scalar::from(u64::from(bytes[1]))).to_affine();
            u.as_mut().copy_from_slice(p.to_uncompressed().as_ref());
        }
        1 => u.as_mut()[..half].fill(0),
        2 => u.as_mut()[..half].fill(0xff),
        _ => {}
    }
    u.as_mut()[0] = (u.as_ref()[0] & 0x1f) | (flags << 5);
    let mut c = <OA<O> as GroupEncoding>::Repr::default();
    c.as_mut().copy_from_slice(&u.as_ref()[..half]);
    let mut our_c = <Affine<O::Ours> as GroupEncoding>::Repr::default();
    our_c.as_mut().copy_from_slice(c.as_ref());
    let mut our_u = <Affine<O::Ours> as UncompressedEncoding>::Uncompressed::default();
    our_u.as_mut().copy_from_slice(u.as_ref());
    let enc = |p: Option<Affine<O::Ours>>| p.map(|p| p.to_uncompressed().as_ref().to_vec());
    let oenc = |p: Option<OA<O>>| p.map(|p| p.to_uncompressed().as_ref().to_vec());
    assert_eq!(
        enc(Affine::from_bytes(&our_c).into()),
        oenc(OA::<O>::from_bytes(&c).into()),
        "compressed"
    );
    assert_eq!(
        enc(Affine::from_bytes_unchecked(&our_c).into()),
        oenc(OA::<O>::from_bytes_unchecked(&c).into()),
        "compressed, unchecked"
    );
    assert_eq!(
        enc(UncompressedEncoding::from_uncompressed(&our_u).into()),
        oenc(OA::<O>::from_uncompressed(&u).into()),
        "uncompressed"
    );
    // The oracle's unchecked uncompressed form skips the curve equation; ours never does.
    let oracle_uu = Option::<OA<O>>::from(OA::<O>::from_uncompressed_unchecked(&u))
        .filter(|p| ours_on_curve::<O>(p));
    assert_eq!(
        enc(UncompressedEncoding::from_uncompressed_unchecked(&our_u).into()),
        oenc(oracle_uu),
        "uncompressed, unchecked"
    );
}

/// Whether the oracle's point is on the curve, judged by re-encoding it compressed and
/// decoding that (decompression solves the curve equation for y).
fn ours_on_curve<O: Oracle>(p: &OA<O>) -> bool
where
    OA<O>: UncompressedEncoding,
{
    let again: Option<OA<O>> = OA::<O>::from_bytes_unchecked(&p.to_bytes()).into();
    again.is_some_and(|q| q.to_uncompressed().as_ref() == p.to_uncompressed().as_ref())
}

fn run(cases: u32, test: impl Fn(&[u8]) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
    runner
        .run(&proptest::collection::vec(any::<u8>(), 200), |b| test(&b))
        .unwrap();
}

fn arr(b: &[u8], at: usize) -> [u8; 64] {
    b[at..at + 64].try_into().unwrap()
}

#[test]
fn g1_edges() {
    edges::<bls12_381::G1Projective>();
}

#[test]
fn g2_edges() {
    edges::<bls12_381::G2Projective>();
}

#[test]
fn g1_arithmetic() {
    run(64, |b| {
        arithmetic::<bls12_381::G1Projective>(&arr(b, 0), &arr(b, 64));
        Ok(())
    });
}

#[test]
fn g2_arithmetic() {
    run(32, |b| {
        arithmetic::<bls12_381::G2Projective>(&arr(b, 0), &arr(b, 64));
        Ok(())
    });
}

#[test]
fn g1_whole_curve() {
    run(64, |b| {
        whole_curve::<bls12_381::G1Projective>(b);
        Ok(())
    });
}

#[test]
fn g2_whole_curve() {
    run(32, |b| {
        whole_curve::<bls12_381::G2Projective>(b);
        Ok(())
    });
}

#[test]
fn decoding_verdicts() {
    let mut runner = TestRunner::new(ProptestConfig::with_cases(256));
    runner
        .run(
            &(proptest::collection::vec(any::<u8>(), 192), 0u8..8, 0u8..4),
            |(b, flags, kind)| {
                verdicts::<bls12_381::G1Projective>(&b, flags, kind);
                verdicts::<bls12_381::G2Projective>(&b, flags, kind);
                Ok(())
            },
        )
        .unwrap();
}

/// Every flag combination on the generator's, the identity's and 2G's encodings.
#[test]
fn every_flag_combination_on_fixed_points() {
    for s in [0u8, 1, 2] {
        for flags in 0u8..8 {
            let mut b = [0u8; 192];
            b[1] = s;
            verdicts::<bls12_381::G1Projective>(&b, flags, if s == 0 { 1 } else { 0 });
            verdicts::<bls12_381::G2Projective>(&b, flags, if s == 0 { 1 } else { 0 });
        }
    }
}

/// The points (0, ±2) of y² = x³ + 4 have order 3, so the chains of multiplication by |x|
/// (subgroup check, cofactor clearing) pass through the identity midway: |x| begins with
/// the bits 11, and 3·T = O. The verdicts and the cleared points still agree with the
/// oracle, for T, −T and T plus subgroup points.
#[test]
fn g1_order_three_point() {
    let mut bytes = [0u8; 96];
    bytes[95] = 2;
    let t = Option::<bls12_381::G1Affine>::from(bls12_381::G1Affine::from_uncompressed_unchecked(
        &bytes,
    ))
    .unwrap();
    let ours_t = ours::<bls12_381::G1Projective>(&t);
    let t3 = Projective::from(ours_t).double() + Projective::from(ours_t);
    assert!(bool::from(t3.is_identity()));
    let g = bls12_381::G1Projective::generator();
    for k in [0u64, 1, 2, 3, 0xd201_0000_0001_0000, u64::MAX] {
        let o = (bls12_381::G1Projective::from(t) + g * bls12_381::Scalar::from(k)).to_affine();
        let p = ours::<bls12_381::G1Projective>(&o);
        assert!(!bool::from(p.is_torsion_free()));
        let cleared = Projective::from(p).clear_cofactor();
        same(&cleared, &<bls12_381::G1Projective as Oracle>::clear(&o));
        let neg = (-p).is_torsion_free();
        assert!(!bool::from(neg));
    }
}
