//! The RustCrypto `signature` traits agree with the inherent API, and multipart signing
//! equals signing the concatenation.
#![cfg(all(feature = "signature", feature = "alloc"))]
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::{Aug, Basic, MinPk, MinSig, Pop, PublicKey, Scheme, SecretKey, Signature, Variant};
use signature::{MultipartSigner, MultipartVerifier, Signer, Verifier};

fn check<V: Variant, S: Scheme>() {
    let sk = SecretKey::<V>::key_gen(&[5; 32], b"").unwrap();
    let pk: PublicKey<V> = sk.public_key();
    let via_trait: Signature<V, S> = Signer::sign(&sk, b"hello world");
    assert_eq!(via_trait, sk.sign::<S>(b"hello world"));
    assert!(Verifier::verify(&pk, b"hello world", &via_trait).is_ok());
    assert!(Verifier::verify(&pk, b"hello", &via_trait).is_err());
    let parts: Signature<V, S> = MultipartSigner::multipart_sign(&sk, &[b"hello", b" ", b"world"]);
    assert_eq!(parts, via_trait);
    assert!(MultipartVerifier::multipart_verify(&pk, &[b"hello wor", b"ld"], &via_trait).is_ok());
    assert!(MultipartVerifier::multipart_verify(&pk, &[b"hello", b"world"], &via_trait).is_err());
}

#[test]
fn traits_match_inherent_api() {
    check::<MinPk, Basic>();
    check::<MinPk, Aug>();
    check::<MinPk, Pop>();
    check::<MinSig, Basic>();
    check::<MinSig, Aug>();
    check::<MinSig, Pop>();
}
