//! The scalar field against big integers (every operation, random and edge values) and
//! against `bls12_381::Scalar` (the same byte representation and `PrimeField` constants).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::Scalar;
use ff::PrimeField;
use num_bigint::{BigInt, BigUint};
use num_traits::{One, Zero};
use proptest::prelude::*;

/// r from the curve parameter: x = −0xd201000000010000, r = x⁴ − x² + 1.
fn r() -> BigUint {
    let x = -BigInt::from(0xd201_0000_0001_0000u64);
    let r: BigInt = x.pow(4) - x.pow(2) + 1;
    r.to_biguint().unwrap()
}

fn to_scalar(n: &BigUint) -> Scalar {
    let mut le = n.to_bytes_le();
    le.resize(32, 0);
    Scalar::from_bytes(&le.try_into().unwrap()).unwrap()
}

fn to_int(s: &Scalar) -> BigUint {
    BigUint::from_bytes_le(&s.to_bytes())
}

fn oracle(s: &Scalar) -> bls12_381::Scalar {
    bls12_381::Scalar::from_bytes(&s.to_bytes()).unwrap()
}

fn edges() -> Vec<BigUint> {
    let r = r();
    vec![
        BigUint::zero(),
        BigUint::one(),
        BigUint::from(2u32),
        BigUint::from(7u32),
        &r - 1u32,
        &r - 2u32,
        (&r - 1u32) >> 1,
        (&r + 1u32) >> 1,
        BigUint::one() << 128,
        (BigUint::one() << 254) - 1u32,
    ]
}

fn element() -> impl Strategy<Value = BigUint> {
    prop_oneof![
        1 => proptest::sample::select(edges()),
        4 => proptest::collection::vec(any::<u8>(), 64).prop_map(|b| BigUint::from_bytes_be(&b) % r()),
    ]
}

fn check_all(a: &BigUint, b: &BigUint) {
    let r = r();
    let (sa, sb) = (to_scalar(a), to_scalar(b));
    assert_eq!(to_int(&sa), *a);
    assert_eq!(to_int(&(sa + sb)), (a + b) % &r, "add");
    assert_eq!(to_int(&(sa - sb)), (a + &r - b) % &r, "sub");
    assert_eq!(to_int(&(-sa)), (&r - a) % &r, "neg");
    assert_eq!(to_int(&(sa * sb)), (a * b) % &r, "mul");
    assert_eq!(to_int(&sa.square()), (a * a) % &r, "square");
    match Option::<Scalar>::from(sa.invert()) {
        None => assert!(a.is_zero()),
        Some(inv) => assert_eq!(to_int(&inv), a.modpow(&(&r - 2u32), &r), "invert"),
    }
    let euler = a.modpow(&((&r - 1u32) >> 1), &r);
    let root = sa.sqrt();
    assert_eq!(bool::from(root.is_some()), euler != &r - 1u32, "is_square");
    if let Some(x) = Option::<Scalar>::from(root) {
        assert_eq!(x.square(), sa, "sqrt");
    }
    assert_eq!(bool::from(sa.is_odd()), a.bit(0));
    // The oracle agrees on the same bytes.
    assert_eq!((oracle(&sa) * oracle(&sb)).to_bytes(), (sa * sb).to_bytes());
    assert_eq!((oracle(&sa) - oracle(&sb)).to_bytes(), (sa - sb).to_bytes());
}

#[test]
fn edges_against_big_integers() {
    for a in edges() {
        for b in edges() {
            check_all(&a, &b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_against_big_integers(a in element(), b in element()) {
        check_all(&a, &b);
    }

    #[test]
    fn wide_reduction_matches_big_integers_and_the_oracle(bytes in proptest::collection::vec(any::<u8>(), 64)) {
        let wide: [u8; 64] = bytes.clone().try_into().unwrap();
        let ours = Scalar::from_bytes_wide(&wide);
        prop_assert_eq!(to_int(&ours), BigUint::from_bytes_le(&bytes) % r());
        prop_assert_eq!(bls12_381::Scalar::from_bytes_wide(&wide).to_bytes(), ours.to_bytes());
    }

    #[test]
    fn decoder_refuses_every_value_from_r_up(offset in proptest::collection::vec(any::<u8>(), 32)) {
        let r = r();
        let k = BigUint::from_bytes_le(&offset) % ((BigUint::one() << 256u32) - &r);
        let mut le = (&r + k).to_bytes_le();
        le.resize(32, 0);
        prop_assert!(bool::from(Scalar::from_bytes(&le.try_into().unwrap()).is_none()));
    }
}

/// The `PrimeField` constants: derived at compile time in the crate, recomputed here with
/// big integers and compared with `bls12_381`'s.
#[test]
fn prime_field_constants() {
    let r = r();
    assert_eq!(format!("{:#x}", r), Scalar::MODULUS);
    assert_eq!(Scalar::MODULUS, <bls12_381::Scalar as PrimeField>::MODULUS);
    assert_eq!(r.bits(), u64::from(Scalar::NUM_BITS));
    assert_eq!(Scalar::CAPACITY, Scalar::NUM_BITS - 1);
    let s = Scalar::S;
    assert!(((&r - 1u32) >> s).bit(0), "r − 1 = 2^S · odd");
    assert!(((&r - 1u32) % (BigUint::one() << s)).is_zero());
    let t = (&r - 1u32) >> s;
    let g = BigUint::from(7u32);
    assert_eq!(to_int(&Scalar::MULTIPLICATIVE_GENERATOR), g);
    // 7 generates Fr*: 7^((r−1)/q) ≠ 1 for the prime factors q of r − 1 we can name: 2 and 3.
    assert!(!g.modpow(&((&r - 1u32) >> 1), &r).is_one());
    assert!(!g.modpow(&((&r - 1u32) / 3u32), &r).is_one());
    assert_eq!(to_int(&Scalar::ROOT_OF_UNITY), g.modpow(&t, &r));
    assert_eq!(
        Scalar::ROOT_OF_UNITY * Scalar::ROOT_OF_UNITY_INV,
        Scalar::ONE
    );
    assert_eq!(to_int(&Scalar::DELTA), g.modpow(&(BigUint::one() << s), &r));
    assert_eq!(to_int(&Scalar::TWO_INV), (&r + 1u32) >> 1);
    for (ours, theirs) in [
        (Scalar::ROOT_OF_UNITY, bls12_381::Scalar::ROOT_OF_UNITY),
        (
            Scalar::ROOT_OF_UNITY_INV,
            bls12_381::Scalar::ROOT_OF_UNITY_INV,
        ),
        (Scalar::DELTA, bls12_381::Scalar::DELTA),
        (Scalar::TWO_INV, bls12_381::Scalar::TWO_INV),
        (
            Scalar::MULTIPLICATIVE_GENERATOR,
            bls12_381::Scalar::MULTIPLICATIVE_GENERATOR,
        ),
    ] {
        assert_eq!(ours.to_repr(), theirs.to_repr());
    }
    // The root of unity has order exactly 2^S.
    let mut w = Scalar::ROOT_OF_UNITY;
    for _ in 0..s - 1 {
        w = w.square();
    }
    assert_eq!(w, -Scalar::ONE);
    assert_eq!(
        Scalar::from_u128(u128::MAX),
        to_scalar(&BigUint::from(u128::MAX))
    );
    assert!(format!("{:?}", Scalar::ONE).ends_with("01"));
}
