//! Fp2 against a big-integer model of Fp[u]/(u² + 1): pairs (c0, c1) of integers mod p with
//! the schoolbook product (a0b0 − a1b1, a0b1 + a1b0). Every operation on random and edge
//! elements; square roots against Euler's criterion through the norm.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::{Fp, Fp2};
use ff::Field;
use num_bigint::{BigInt, BigUint};
use num_traits::{One, Zero};
use proptest::prelude::*;

fn p() -> BigUint {
    let x = -BigInt::from(0xd201_0000_0001_0000u64);
    let p: BigInt = (&x - 1) * (&x - 1) * (x.pow(4) - x.pow(2) + 1) / 3 + &x;
    p.to_biguint().unwrap()
}

type Pair = (BigUint, BigUint);

fn fp(n: &BigUint) -> Fp {
    let bytes = n.to_bytes_be();
    let mut be = [0u8; 48];
    be[48 - bytes.len()..].copy_from_slice(&bytes);
    Fp::from_bytes(&be).unwrap()
}

fn to_fp2(a: &Pair) -> Fp2 {
    Fp2::new(fp(&a.0), fp(&a.1))
}

fn to_pair(f: &Fp2) -> Pair {
    (
        BigUint::from_bytes_be(&f.c0.to_bytes()),
        BigUint::from_bytes_be(&f.c1.to_bytes()),
    )
}

fn m_mul(a: &Pair, b: &Pair) -> Pair {
    let p = p();
    (
        (&a.0 * &b.0 + &p * &p - (&a.1 * &b.1) % (&p * &p)) % &p,
        (&a.0 * &b.1 + &a.1 * &b.0) % &p,
    )
}

fn m_add(a: &Pair, b: &Pair) -> Pair {
    let p = p();
    ((&a.0 + &b.0) % &p, (&a.1 + &b.1) % &p)
}

fn m_neg(a: &Pair) -> Pair {
    let p = p();
    ((&p - &a.0) % &p, (&p - &a.1) % &p)
}

fn m_norm(a: &Pair) -> BigUint {
    (&a.0 * &a.0 + &a.1 * &a.1) % p()
}

fn edges() -> Vec<BigUint> {
    let p = p();
    vec![
        BigUint::zero(),
        BigUint::one(),
        BigUint::from(2u32),
        &p - 1u32,
        &p - 2u32,
        (&p - 1u32) >> 1,
        (&p + 1u32) >> 1,
    ]
}

fn coefficient() -> impl Strategy<Value = BigUint> {
    prop_oneof![
        1 => proptest::sample::select(edges()),
        3 => proptest::collection::vec(any::<u8>(), 64).prop_map(|b| BigUint::from_bytes_be(&b) % p()),
    ]
}

fn element() -> impl Strategy<Value = Pair> {
    (coefficient(), coefficient())
}

fn check_all(a: &Pair, b: &Pair) {
    let p = p();
    let (fa, fb) = (to_fp2(a), to_fp2(b));
    assert_eq!(to_pair(&fa), *a);
    assert_eq!(to_pair(&(fa + fb)), m_add(a, b), "add");
    assert_eq!(to_pair(&(fa - fb)), m_add(a, &m_neg(b)), "sub");
    assert_eq!(to_pair(&(-fa)), m_neg(a), "neg");
    assert_eq!(to_pair(&(fa * fb)), m_mul(a, b), "mul");
    assert_eq!(to_pair(&fa.square()), m_mul(a, a), "square");
    assert_eq!(to_pair(&fa.double()), m_add(a, a), "double");
    let xi = (BigUint::one(), BigUint::one());
    assert_eq!(
        to_pair(&fa.mul_by_nonresidue()),
        m_mul(a, &xi),
        "mul by 1 + u"
    );
    assert_eq!(
        to_pair(&fa.mul_by_fp(&fb.c0)),
        m_mul(a, &(b.0.clone(), BigUint::zero())),
        "mul by Fp"
    );
    assert_eq!(
        to_pair(&fa.conjugate()),
        (a.0.clone(), (&p - &a.1) % &p),
        "conjugate"
    );
    // Frobenius: a^p is the conjugate.
    assert_eq!(fa.pow_vartime(&limbs(&p)), fa.conjugate(), "frobenius");
    assert_eq!(
        BigUint::from_bytes_be(&fa.norm().to_bytes()),
        m_norm(a),
        "norm"
    );
    // Inverse: conj / norm.
    let n = m_norm(a);
    match Option::<Fp2>::from(fa.invert()) {
        None => assert!(n.is_zero()),
        Some(inv) => {
            let ninv = n.modpow(&(&p - 2u32), &p);
            let expected = m_mul(&(a.0.clone(), (&p - &a.1) % &p), &(ninv, BigUint::zero()));
            assert_eq!(to_pair(&inv), expected, "invert");
        }
    }
    // Square root: exists iff the norm is a square in Fp.
    let euler = n.modpow(&((&p - 1u32) >> 1), &p);
    let is_square = n.is_zero() || euler.is_one();
    let root = fa.sqrt();
    assert_eq!(bool::from(root.is_some()), is_square, "is_square");
    assert_eq!(bool::from(fa.is_square()), is_square);
    if let Some(r) = Option::<Fp2>::from(root) {
        assert_eq!(m_mul(&to_pair(&r), &to_pair(&r)), *a, "sqrt");
    }
    // ff's sqrt_ratio.
    let (ok, y) = <Fp2 as Field>::sqrt_ratio(&fa, &fb);
    if bool::from(fb.is_zero()) {
        assert_eq!(bool::from(ok), bool::from(fa.is_zero()));
        assert!(bool::from(y.is_zero()));
    } else if bool::from(ok) {
        // a/b is a square iff N(a)·N(b) is one in Fp (N(a/b) = N(a)·N(b)/N(b)²).
        let nb = m_norm(b);
        let product = (&n * &nb) % &p;
        assert!(product.is_zero() || product.modpow(&((&p - 1u32) >> 1), &p).is_one());
        assert_eq!(y.square() * fb, fa);
    } else {
        let nb = m_norm(b);
        let product = (&n * &nb) % &p;
        assert!(!product.is_zero() && !product.modpow(&((&p - 1u32) >> 1), &p).is_one());
        assert_eq!(y.square() * fb, fa.mul_by_nonresidue());
    }
    // sgn0 (RFC 9380 §4.1, m = 2) and the ZCash sort flag.
    let sgn0 = a.0.bit(0) || (a.0.is_zero() && a.1.bit(0));
    assert_eq!(bool::from(fa.sgn0()), sgn0);
    let half = (&p - 1u32) >> 1;
    let largest = a.1 > half || (a.1.is_zero() && a.0 > half);
    assert_eq!(bool::from(fa.lexicographically_largest()), largest);
    // Encoding: c1 ‖ c0.
    let bytes = fa.to_bytes();
    assert_eq!(BigUint::from_bytes_be(&bytes[..48]), a.1);
    assert_eq!(Fp2::from_bytes(&bytes).unwrap(), fa);
}

fn limbs(n: &BigUint) -> Vec<u64> {
    n.to_u64_digits()
}

#[test]
fn edges_against_big_integers() {
    for a0 in edges() {
        for a1 in edges() {
            for b in [(BigUint::one(), BigUint::zero()), (a1.clone(), a0.clone())] {
                check_all(&(a0.clone(), a1.clone()), &b);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_against_big_integers(a in element(), b in element()) {
        check_all(&a, &b);
    }
}

#[test]
fn structure() {
    // u² = −1, and 1 + u (the tower's non-residue) is not a square.
    assert_eq!(Fp2::U.square(), -Fp2::ONE);
    assert!(bool::from(Fp2::new(Fp::ONE, Fp::ONE).sqrt().is_none()));
    // −1 is a square in Fp2 (it is u²), unlike in Fp.
    assert_eq!(
        Option::<Fp2>::from((-Fp2::ONE).sqrt()).unwrap().square(),
        -Fp2::ONE
    );
    // A non-canonical half is refused.
    let mut bytes = Fp2::ONE.to_bytes();
    bytes[..48].copy_from_slice(&p().to_bytes_be());
    assert!(bool::from(Fp2::from_bytes(&bytes).is_none()));
}
