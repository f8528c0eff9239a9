//! The pairing against `bls12_381` as the oracle (GT values compared through their
//! coefficients), and its algebra: bilinearity, non-degeneracy, the identity, products of
//! pairings that cancel exactly when they should, prepared and unprepared lines, chunk
//! boundaries of the multi-pairing, GT's encoding, membership test and scalar
//! multiplication; the tower fields Fp6 and Fp12 against schoolbook products in the power
//! basis and the Frobenius maps against exponentiation; and the number theory the final
//! exponentiation and the membership test rely on, with big integers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::{
    Bls12, CHUNK, Fp, Fp2, Fp6, Fp12, G1Affine, G1Projective, G2Affine, G2Prepared, G2Projective,
    Gt, MillerLoopResult, Scalar, multi_miller_loop, multi_miller_loop_affine, pairing,
};
use group::Group;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::Zero;
use proptest::prelude::*;

fn oracle_g1(p: &G1Affine) -> bls12_381::G1Affine {
    bls12_381::G1Affine::from_uncompressed(&p.to_uncompressed()).unwrap()
}

fn oracle_g2(q: &G2Affine) -> bls12_381::G2Affine {
    bls12_381::G2Affine::from_uncompressed(&q.to_uncompressed()).unwrap()
}

/// The oracle's GT value as our 576-byte encoding: the twelve coefficients its `Debug`
/// prints (0x and 96 hex digits each, in the tower's order).
fn oracle_gt_bytes(g: &bls12_381::Gt) -> Vec<u8> {
    let s = format!("{g:?}");
    let mut out = Vec::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find("0x") {
        let digits = &rest[i + 2..i + 2 + 96];
        out.extend(hex::decode(digits).unwrap());
        rest = &rest[i + 2 + 96..];
    }
    assert_eq!(out.len(), 576, "{s}");
    out
}

fn scalars(bytes: &[u8]) -> (Scalar, bls12_381::Scalar) {
    let mut wide = [0u8; 64];
    wide.copy_from_slice(&bytes[..64]);
    (
        Scalar::from_bytes_wide(&wide),
        bls12_381::Scalar::from_bytes_wide(&wide),
    )
}

fn fp(bytes: &[u8]) -> Fp {
    let mut wide = [0u8; 64];
    wide.copy_from_slice(&bytes[..64]);
    Fp::from_bytes_wide(&wide)
}

fn fp2(bytes: &[u8]) -> Fp2 {
    Fp2::new(fp(&bytes[..64]), fp(&bytes[64..128]))
}

fn fp6(bytes: &[u8]) -> Fp6 {
    Fp6::new(
        fp2(&bytes[..128]),
        fp2(&bytes[128..256]),
        fp2(&bytes[256..384]),
    )
}

fn fp12(bytes: &[u8]) -> Fp12 {
    Fp12::new(fp6(&bytes[..384]), fp6(&bytes[384..768]))
}

/// An Fp12 element's coefficients aⱼ of wʲ (w² = v, w⁶ = ξ).
fn w_basis(f: &Fp12) -> [Fp2; 6] {
    [f.c0.c0, f.c1.c0, f.c0.c1, f.c1.c1, f.c0.c2, f.c1.c2]
}

const XI: Fp2 = Fp2::new(Fp::ONE, Fp::ONE);

/// Schoolbook product of polynomials in a root t with tⁿ = ξ.
fn schoolbook<const N: usize>(a: &[Fp2; N], b: &[Fp2; N]) -> [Fp2; N] {
    let mut out = [Fp2::ZERO; N];
    for i in 0..N {
        for j in 0..N {
            let t = a[i] * b[j];
            if i + j < N {
                out[i + j] += t;
            } else {
                out[i + j - N] += t * XI;
            }
        }
    }
    out
}

fn p_big() -> BigUint {
    BigUint::from_bytes_be(&(Fp::ZERO - Fp::ONE).to_bytes()) + 1u32
}

fn r_big() -> BigUint {
    BigUint::from_bytes_le(&(Scalar::ZERO - Scalar::ONE).to_bytes()) + 1u32
}

/// x = −0xd201000000010000.
fn x_big() -> BigInt {
    -BigInt::from(0xd201_0000_0001_0000u64)
}

/// fᵉ by square and multiply with the full Fp12 product (the independent answer for the
/// Frobenius maps).
fn pow(f: &Fp12, e: &BigUint) -> Fp12 {
    let mut acc = Fp12::ONE;
    for i in (0..e.bits()).rev() {
        acc = acc.square();
        if e.bit(i) {
            acc *= f;
        }
    }
    acc
}

/// The easy part of the final exponentiation, f^((p⁶ − 1)(p² + 1)): an element of the
/// cyclotomic subgroup, usually not in GT.
fn cyclotomic(f: &Fp12) -> Fp12 {
    let t = f.conjugate() * f.invert().unwrap();
    t.frobenius2() * t
}

#[test]
fn generator_matches_the_oracle() {
    let ours = pairing(&G1Affine::generator(), &G2Affine::generator());
    let theirs = bls12_381::pairing(
        &bls12_381::G1Affine::generator(),
        &bls12_381::G2Affine::generator(),
    );
    assert_eq!(ours.to_bytes().to_vec(), oracle_gt_bytes(&theirs));
    assert_eq!(ours, Gt::generator());
    assert!(!bool::from(ours.is_identity()), "non-degenerate");
}

#[test]
fn final_exponent_decomposition() {
    // 3(p⁴ − p² + 1)/r = λ0 + λ1·p + λ2·p² + λ3·p³ with λ3 = (x − 1)², λ2 = xλ3,
    // λ1 = xλ2 − λ3, λ0 = xλ1 + 3.
    let (p, r, x) = (BigInt::from(p_big()), BigInt::from(r_big()), x_big());
    let phi = p.pow(4) - p.pow(2) + 1i32;
    assert!(BigInt::is_zero(&(&phi % &r)));
    let l3 = (&x - 1i32).pow(2);
    let l2 = &x * &l3;
    let l1 = &x * &l2 - &l3;
    let l0 = &x * &l1 + 3i32;
    assert_eq!(
        l0 + l1 * &p + l2 * p.pow(2) + l3 * p.pow(3),
        BigInt::from(3) * phi / r
    );
}

#[test]
fn membership_test_number_theory() {
    // gcd(p − x, Φ₁₂(p)) = r: f^Φ = 1 and f^(p−x) = 1 leave only the elements of order r.
    let (p, r, x) = (BigInt::from(p_big()), BigInt::from(r_big()), x_big());
    let phi = p.pow(4) - p.pow(2) + 1i32;
    assert_eq!((&p - &x).gcd(&phi), r);
}

#[test]
fn frobenius_maps_are_powers_of_p() {
    let bytes: Vec<u8> = (0..768u32)
        .map(|i| u8::try_from((i * 7 + 3) % 256).unwrap())
        .collect();
    let f = fp12(&bytes);
    let p = p_big();
    assert_eq!(f.frobenius(), pow(&f, &p));
    assert_eq!(f.frobenius2(), pow(&f, &(&p * &p)));
    let g = f.c0;
    let frob6 = g.frobenius();
    assert_eq!(
        Fp12::new(frob6, Fp6::ZERO),
        pow(&Fp12::new(g, Fp6::ZERO), &p)
    );
}

#[test]
fn gt_encoding_and_membership() {
    let g = Gt::generator();
    assert_eq!(Gt::from_bytes(&g.to_bytes()).unwrap(), g);
    let id = Gt::identity();
    assert_eq!(Gt::from_bytes(&id.to_bytes()).unwrap(), id);
    // Zero passes both equations of the test by itself; it must be refused.
    assert!(bool::from(Gt::from_bytes(&[0u8; 576]).is_none()));
    // A non-canonical coefficient (p itself in the first slot).
    let mut bytes = g.to_bytes();
    bytes[..48].copy_from_slice(&p_big().to_bytes_be());
    assert!(bool::from(Gt::from_bytes(&bytes).is_none()));
    // Random elements of Fp12 and of the cyclotomic subgroup are not in GT; raised to the
    // cofactor Φ₁₂(p)/r they are.
    let seed: Vec<u8> = (0..768u32)
        .map(|i| u8::try_from((i * 13 + 1) % 256).unwrap())
        .collect();
    let f = fp12(&seed);
    assert!(bool::from(Gt::from_bytes(&f.to_bytes()).is_none()));
    let c = cyclotomic(&f);
    assert!(bool::from(Gt::from_bytes(&c.to_bytes()).is_none()));
    let p = p_big();
    let h = (p.pow(4) - p.pow(2) + 1u32) / r_big();
    let in_gt = pow(&c, &h);
    assert_eq!(pow(&in_gt, &r_big()), Fp12::ONE);
    assert!(bool::from(Gt::from_bytes(&in_gt.to_bytes()).is_some()));
}

#[test]
fn identity_points_pair_to_one() {
    let p = G1Affine::generator();
    let q = G2Affine::generator();
    assert_eq!(pairing(&G1Affine::identity(), &q), Gt::identity());
    assert_eq!(pairing(&p, &G2Affine::identity()), Gt::identity());
    let prepared = G2Prepared::new(&G2Affine::identity());
    assert_eq!(
        multi_miller_loop(&[(&p, &prepared)]).final_exponentiation(),
        Gt::identity()
    );
    // An identity pair inside a product leaves the others untouched.
    let pq = G2Prepared::new(&q);
    assert_eq!(
        multi_miller_loop(&[(&p, &prepared), (&p, &pq), (&G1Affine::identity(), &pq)])
            .final_exponentiation(),
        Gt::generator()
    );
    assert_eq!(
        multi_miller_loop_affine(&[]).final_exponentiation(),
        Gt::identity()
    );
}

/// Σ aᵢ = 0 makes Π e(aᵢP, Q) the identity; any other change of one term does not. Over
/// more pairs than a chunk, prepared and not.
#[test]
fn products_cancel_exactly_when_they_should() {
    let n = CHUNK + 3;
    let scalars: Vec<Scalar> = (1..n as u64).map(|i| Scalar::from(i * i + 7)).collect();
    let last = -scalars.iter().sum::<Scalar>();
    let g1: Vec<G1Affine> = scalars
        .iter()
        .chain([last].iter())
        .map(|k| (G1Projective::generator() * k).to_affine())
        .collect();
    let q = (G2Projective::generator() * Scalar::from(12345u64)).to_affine();
    let prepared = G2Prepared::new(&q);
    let terms: Vec<(&G1Affine, &G2Affine)> = g1.iter().map(|p| (p, &q)).collect();
    let terms_prepared: Vec<(&G1Affine, &G2Prepared)> = g1.iter().map(|p| (p, &prepared)).collect();
    assert!(bool::from(
        multi_miller_loop_affine(&terms)
            .final_exponentiation()
            .is_identity()
    ));
    assert!(bool::from(
        multi_miller_loop(&terms_prepared)
            .final_exponentiation()
            .is_identity()
    ));
    // Drop one term: no longer the identity, and equal to −e(last·P, Q).
    let partial = multi_miller_loop_affine(&terms[1..]).final_exponentiation();
    assert!(!bool::from(partial.is_identity()));
    assert_eq!(partial, -pairing(&g1[0], &q));
    // The same across the chunk boundary, with prepared lines.
    assert_eq!(
        multi_miller_loop(&terms_prepared[1..]).final_exponentiation(),
        partial
    );
}

#[test]
fn pairing_engine_traits() {
    use pairing::{Engine, MultiMillerLoop, PairingCurveAffine};
    let p = G1Affine::generator();
    let q = G2Affine::generator();
    assert_eq!(Bls12::pairing(&p, &q), Gt::generator());
    assert_eq!(p.pairing_with(&q), q.pairing_with(&p));
    let prepared = <Bls12 as MultiMillerLoop>::prepare_reusable_g2(q);
    let ml: MillerLoopResult = Bls12::multi_miller_loop(&[(&p, &prepared)]);
    assert_eq!(
        pairing::MillerLoopResult::final_exponentiation(&ml),
        Gt::generator()
    );
    assert_eq!(
        (ml + MillerLoopResult::default()).final_exponentiation(),
        Gt::generator()
    );
    assert_eq!(Gt::generator().double(), Gt::generator() + Gt::generator());
    assert_eq!(Gt::generator() - Gt::generator(), Gt::identity());
    assert_eq!(
        [Gt::generator(); 3].iter().sum::<Gt>(),
        Gt::generator() * Scalar::from(3u64)
    );
}

#[test]
fn scalar_multiplication_edges() {
    let g = Gt::generator();
    assert_eq!(g * Scalar::ZERO, Gt::identity());
    assert_eq!(g * Scalar::ONE, g);
    assert_eq!(g * -Scalar::ONE, -g);
    assert_eq!(g * Scalar::from(2u64), g.double());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// e(aP, bQ) for random a, b: the oracle's value byte for byte, and bilinearity:
    /// e(aP, bQ) = e(P, Q)^(ab) = e(abP, Q) = e(P, abQ).
    #[test]
    fn random_pairings_match_the_oracle(bytes in proptest::collection::vec(any::<u8>(), 128)) {
        let (a, oa) = scalars(&bytes[..64]);
        let (b, ob) = scalars(&bytes[64..]);
        let p = (G1Projective::generator() * a).to_affine();
        let q = (G2Projective::generator() * b).to_affine();
        let e = pairing(&p, &q);
        let oe = bls12_381::pairing(&oracle_g1(&p), &oracle_g2(&q));
        prop_assert_eq!(e.to_bytes().to_vec(), oracle_gt_bytes(&oe));
        prop_assert_eq!(e.to_bytes().to_vec(), oracle_gt_bytes(&(bls12_381::Gt::generator() * (oa * ob))));
        prop_assert_eq!(e, Gt::generator() * (a * b));
        let ab = a * b;
        prop_assert_eq!(e, pairing(&(G1Projective::generator() * ab).to_affine(), &G2Affine::generator()));
        prop_assert_eq!(e, pairing(&G1Affine::generator(), &(G2Projective::generator() * ab).to_affine()));
        // Prepared lines give the same value.
        let prepared = G2Prepared::new(&q);
        prop_assert_eq!(multi_miller_loop(&[(&p, &prepared)]).final_exponentiation(), e);
        // GT's encoding round-trips and the value is a member.
        prop_assert_eq!(Gt::from_bytes(&e.to_bytes()).unwrap(), e);
    }

    /// e(P, Q1 + Q2) = e(P, Q1)·e(P, Q2) and e(P1 + P2, Q) = e(P1, Q)·e(P2, Q), and the
    /// multi-Miller loop is the product of single ones.
    #[test]
    fn linear_in_each_argument(bytes in proptest::collection::vec(any::<u8>(), 256)) {
        let k: Vec<Scalar> = bytes.chunks(64).map(|c| scalars(c).0).collect();
        let p1 = (G1Projective::generator() * k[0]).to_affine();
        let p2 = (G1Projective::generator() * k[1]).to_affine();
        let q1 = (G2Projective::generator() * k[2]).to_affine();
        let q2 = (G2Projective::generator() * k[3]).to_affine();
        let q12 = (G2Projective::from(&q1) + q2).to_affine();
        let p12 = (G1Projective::from(&p1) + p2).to_affine();
        prop_assert_eq!(pairing(&p1, &q12), pairing(&p1, &q1) + pairing(&p1, &q2));
        prop_assert_eq!(pairing(&p12, &q1), pairing(&p1, &q1) + pairing(&p2, &q1));
        prop_assert_eq!(
            multi_miller_loop_affine(&[(&p1, &q1), (&p2, &q2)]).final_exponentiation(),
            pairing(&p1, &q1) + pairing(&p2, &q2)
        );
    }

    /// Fp12 and Fp6 products against schoolbook products in the power basis (w⁶ = ξ,
    /// v³ = ξ), squarings against products, the sparse line product against the dense
    /// one, inversion, and the cyclotomic squaring on the cyclotomic subgroup.
    #[test]
    fn tower_fields(bytes in proptest::collection::vec(any::<u8>(), 1536)) {
        let (a, b) = (fp12(&bytes[..768]), fp12(&bytes[768..]));
        prop_assert_eq!(w_basis(&(a * b)), schoolbook(&w_basis(&a), &w_basis(&b)));
        prop_assert_eq!(a.square(), a * a);
        prop_assert_eq!((a + b) - b, a);
        let (x, y) = (a.c0, b.c1);
        prop_assert_eq!(
            {
                let m = x * y;
                [m.c0, m.c1, m.c2]
            },
            schoolbook(&[x.c0, x.c1, x.c2], &[y.c0, y.c1, y.c2])
        );
        prop_assert_eq!(x.square(), x * x);
        prop_assert_eq!(x * x.invert().unwrap(), Fp6::ONE);
        prop_assert_eq!(x.mul_by_01(&y.c0, &y.c1), x * Fp6::new(y.c0, y.c1, Fp2::ZERO));
        prop_assert_eq!(x.mul_by_1(&y.c1), x * Fp6::new(Fp2::ZERO, y.c1, Fp2::ZERO));
        prop_assert_eq!(x.mul_by_v(), x * Fp6::new(Fp2::ZERO, Fp2::ONE, Fp2::ZERO));
        let (b0, b1, b4) = (b.c0.c0, b.c0.c1, b.c1.c1);
        let line = Fp12::new(
            Fp6::new(b0, b1, Fp2::ZERO),
            Fp6::new(Fp2::ZERO, b4, Fp2::ZERO),
        );
        prop_assert_eq!(a.mul_by_014(&b0, &b1, &b4), a * line);
        prop_assert_eq!(a * a.invert().unwrap(), Fp12::ONE);
        prop_assert_eq!(a.conjugate(), a.frobenius2().frobenius2().frobenius2());
        let c = cyclotomic(&a);
        prop_assert_eq!(c.cyclotomic_square(), c.square());
        prop_assert_eq!(c * c.conjugate(), Fp12::ONE);
        prop_assert_eq!(Fp12::from_bytes(&a.to_bytes()).unwrap(), a);
    }
}
