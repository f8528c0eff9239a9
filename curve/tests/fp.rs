//! Fp against arbitrary-precision integers: every operation on random elements (proptest)
//! and on the edges (0, 1, 2, p − 1, p − 2, (p ± 1)/2, small values, values just below 2³⁸⁴),
//! and the decoder's verdicts on non-canonical encodings.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_curve::Fp;
use ff::Field;
use num_bigint::BigUint;
use num_traits::{One, Zero};
use proptest::prelude::*;

/// p from the curve parameter: x = −0xd201000000010000, p = (x − 1)²(x⁴ − x² + 1)/3 + x.
fn p() -> BigUint {
    use num_bigint::BigInt;
    let x = -BigInt::from(0xd201_0000_0001_0000u64);
    let p: BigInt = (&x - 1) * (&x - 1) * (x.pow(4) - x.pow(2) + 1) / 3 + &x;
    p.to_biguint().unwrap()
}

fn to_fp(n: &BigUint) -> Fp {
    let bytes = n.to_bytes_be();
    assert!(bytes.len() <= 48);
    let mut be = [0u8; 48];
    be[48 - bytes.len()..].copy_from_slice(&bytes);
    Fp::from_bytes(&be).unwrap()
}

fn to_int(f: &Fp) -> BigUint {
    BigUint::from_bytes_be(&f.to_bytes())
}

/// The edge values, as integers below p.
fn edges() -> Vec<BigUint> {
    let p = p();
    let mut v: Vec<BigUint> = (0u32..5).map(BigUint::from).collect();
    v.push(&p - 1u32);
    v.push(&p - 2u32);
    v.push((&p - 1u32) >> 1);
    v.push((&p + 1u32) >> 1);
    v.push(BigUint::one() << 380);
    v.push((BigUint::one() << 380) - 1u32);
    v.push(BigUint::from(u64::MAX));
    v.push(BigUint::one() << 64);
    v
}

fn element() -> impl Strategy<Value = BigUint> {
    prop_oneof![
        1 => proptest::sample::select(edges()),
        4 => proptest::collection::vec(any::<u8>(), 64).prop_map(|b| BigUint::from_bytes_be(&b) % p()),
    ]
}

fn check_all(a: &BigUint, b: &BigUint) {
    let p = p();
    let (fa, fb) = (to_fp(a), to_fp(b));
    assert_eq!(to_int(&fa), *a, "round trip");
    assert_eq!(to_int(&(fa + fb)), (a + b) % &p, "add");
    assert_eq!(to_int(&(fa - fb)), (a + &p - b) % &p, "sub");
    assert_eq!(to_int(&(-fa)), (&p - a) % &p, "neg");
    assert_eq!(to_int(&(fa * fb)), (a * b) % &p, "mul");
    assert_eq!(to_int(&fa.square()), (a * a) % &p, "square");
    assert_eq!(to_int(&fa.double()), (a * 2u32) % &p, "double");
    // Inverse: a^(p−2), and none for zero.
    let inv = fa.invert();
    if a.is_zero() {
        assert!(bool::from(inv.is_none()));
    } else {
        assert_eq!(to_int(&inv.unwrap()), a.modpow(&(&p - 2u32), &p), "invert");
    }
    // Square root: exists iff a^((p−1)/2) ≠ −1, and squares back.
    let euler = a.modpow(&((&p - 1u32) >> 1), &p);
    let root = fa.sqrt();
    assert_eq!(bool::from(root.is_some()), euler != &p - 1u32, "is_square");
    if let Some(r) = Option::<Fp>::from(root) {
        assert_eq!((to_int(&r) * to_int(&r)) % &p, *a, "sqrt");
    }
    // sqrt_ratio(a, b): b = 0 → (a = 0, 0); else √(a/b) or √(−a/b).
    let (is_sq, y) = Fp::sqrt_ratio(&fa, &fb);
    let y = to_int(&y);
    if b.is_zero() {
        assert_eq!(bool::from(is_sq), a.is_zero());
        assert!(y.is_zero());
    } else {
        let lhs = (&y * &y * b) % &p;
        if bool::from(is_sq) {
            assert_eq!(lhs, *a, "sqrt_ratio square");
        } else {
            assert_eq!(lhs, (&p - a) % &p, "sqrt_ratio non-square");
            assert!(!a.is_zero());
        }
        let ratio = (a * b.modpow(&(&p - 2u32), &p)) % &p;
        let ratio_is_square = ratio.is_zero() || ratio.modpow(&((&p - 1u32) >> 1), &p).is_one();
        assert_eq!(bool::from(is_sq), ratio_is_square);
    }
    // sgn0 and the sort flag.
    assert_eq!(bool::from(fa.sgn0()), a.bit(0));
    assert_eq!(
        bool::from(fa.lexicographically_largest()),
        *a > (&p - 1u32) >> 1
    );
    // pow_vartime with a small public exponent.
    assert_eq!(
        to_int(&fa.pow_vartime(&[5, 0, 1])),
        a.modpow(&((BigUint::one() << 128) + 5u32), &p)
    );
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
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn random_against_big_integers(a in element(), b in element()) {
        check_all(&a, &b);
    }

    #[test]
    fn wide_reduction_against_big_integers(bytes in proptest::collection::vec(any::<u8>(), 64)) {
        let wide: [u8; 64] = bytes.clone().try_into().unwrap();
        prop_assert_eq!(to_int(&Fp::from_bytes_wide(&wide)), BigUint::from_bytes_be(&bytes) % p());
    }

    #[test]
    fn decoder_refuses_every_value_from_p_up(offset in proptest::collection::vec(any::<u8>(), 48)) {
        // p + k for k below 2³⁸⁴ − p, and anything with the top bits set.
        let p = p();
        let top = (BigUint::one() << 384u32) - &p;
        let k = BigUint::from_bytes_be(&offset) % &top;
        let bytes = (&p + k).to_bytes_be();
        let mut be = [0u8; 48];
        be[48 - bytes.len()..].copy_from_slice(&bytes);
        prop_assert!(bool::from(Fp::from_bytes(&be).is_none()));
    }
}

#[test]
fn decoder_edges() {
    let p = p();
    let enc = |n: &BigUint| {
        let bytes = n.to_bytes_be();
        let mut be = [0u8; 48];
        be[48 - bytes.len()..].copy_from_slice(&bytes);
        be
    };
    assert!(bool::from(Fp::from_bytes(&enc(&(&p - 1u32))).is_some()));
    assert!(bool::from(Fp::from_bytes(&enc(&p)).is_none()));
    assert!(bool::from(Fp::from_bytes(&enc(&(&p + 1u32))).is_none()));
    assert!(bool::from(Fp::from_bytes(&[0xff; 48]).is_none()));
    let below_2_384 = (BigUint::one() << 384u32) - 1u32;
    assert!(bool::from(Fp::from_bytes(&enc(&below_2_384)).is_none()));
    assert_eq!(Fp::from_bytes(&[0; 48]).unwrap(), Fp::ZERO);
    let mut one = [0u8; 48];
    one[47] = 1;
    assert_eq!(Fp::from_bytes(&one).unwrap(), Fp::ONE);
    assert_eq!(Fp::from_u64(7), to_fp(&BigUint::from(7u32)));
    assert_eq!(Fp::from_u64(u64::MAX), to_fp(&BigUint::from(u64::MAX)));
}

/// The constants the crate derives at compile time, recomputed with big integers through
/// the public API: R (the form of 1) is checked by 1·1 = 1 and encodings; the exponents by
/// the Fermat and Euler identities above; here the field's structure itself.
#[test]
fn field_structure() {
    let p = p();
    assert_eq!(p.bits(), 381);
    assert_eq!(&p % 4u32, BigUint::from(3u32)); // the (p+1)/4 square root applies
    // −1 is not a square (p ≡ 3 mod 4): sqrt_ratio's non-residue.
    assert!(bool::from((-Fp::ONE).sqrt().is_none()));
    // ff's provided methods on top of ours.
    let a = Fp::from_u64(12345);
    assert_eq!(<Fp as Field>::pow_vartime(&a, [3u64]), a * a * a);
    assert_eq!(a * a.invert().unwrap(), Fp::ONE);
    let s: Fp = [Fp::ONE, Fp::ONE, Fp::ONE].iter().sum();
    assert_eq!(s, Fp::from_u64(3));
    let pr: Fp = [Fp::from_u64(2), Fp::from_u64(3)].into_iter().product();
    assert_eq!(pr, Fp::from_u64(6));
    assert!(format!("{:?}", Fp::ONE).ends_with("01"));
}
