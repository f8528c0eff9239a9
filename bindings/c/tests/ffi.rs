//! Rust tests of the `extern "C"` functions, called as C would call them: raw output
//! pointers, NULL, lengths.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::ptr::{null, null_mut};

use blsig::*;

fn keygen(variant: blsig_variant, seed: u8) -> *mut blsig_secret_key {
    let mut sk = null_mut();
    let ikm = [seed; 32];
    assert_eq!(
        blsig_secret_key_gen(variant, ikm.as_ptr(), 32, null(), 0, &mut sk),
        blsig_result::BLSIG_OK
    );
    assert!(!sk.is_null());
    sk
}

#[test]
fn sign_verify_every_suite_through_the_c_functions() {
    for suite in 0..6u32 {
        let variant = if suite < 3 {
            BLSIG_VARIANT_MIN_PK
        } else {
            BLSIG_VARIANT_MIN_SIG
        };
        let sk = keygen(variant, 3);
        let mut pk = null_mut();
        assert_eq!(
            blsig_secret_key_public_key(sk, &mut pk),
            blsig_result::BLSIG_OK
        );
        let mut sig = null_mut();
        let msg = b"message";
        assert_eq!(
            blsig_sign(suite, sk, msg.as_ptr(), msg.len(), &mut sig),
            blsig_result::BLSIG_OK
        );
        assert_eq!(
            blsig_verify(pk, msg.as_ptr(), msg.len(), sig),
            blsig_result::BLSIG_OK
        );
        assert_eq!(
            blsig_verify(pk, msg.as_ptr(), msg.len() - 1, sig),
            blsig_result::BLSIG_VERIFICATION_FAILED
        );
        // The encoding equals the Rust API's.
        let mut buf = [0u8; 96];
        let mut written = 0usize;
        assert_eq!(
            blsig_signature_to_bytes(sig, buf.as_mut_ptr(), buf.len(), &mut written),
            blsig_result::BLSIG_OK
        );
        let rust_sk = blsig_core::SecretKey::<blsig_core::MinPk>::key_gen(&[3; 32], b"").unwrap();
        if suite == BLSIG_SUITE_MIN_PK_POP {
            let expected = rust_sk.sign::<blsig_core::Pop>(msg).to_bytes();
            assert_eq!(&buf[..written], expected.as_ref());
        }
        blsig_signature_free(sig);
        blsig_public_key_free(pk);
        blsig_secret_key_free(sk);
    }
}

#[test]
fn null_and_bad_arguments_are_codes_not_crashes() {
    let mut sk = null_mut();
    assert_eq!(
        blsig_secret_key_gen(BLSIG_VARIANT_MIN_PK, null(), 32, null(), 0, &mut sk),
        blsig_result::BLSIG_NULL_POINTER
    );
    assert_eq!(
        blsig_secret_key_gen(2, [0u8; 32].as_ptr(), 32, null(), 0, &mut sk),
        blsig_result::BLSIG_INVALID_SUITE
    );
    assert!(sk.is_null());
    assert_eq!(
        blsig_verify(null(), null(), 0, null()),
        blsig_result::BLSIG_NULL_POINTER
    );
    let mut out = null_mut();
    assert_eq!(
        blsig_aggregate(null(), 0, &mut out),
        blsig_result::BLSIG_EMPTY_INPUT
    );
    blsig_secret_key_free(null_mut());
    blsig_signature_free(null_mut());
}

#[test]
fn secret_key_export_needs_exactly_32_bytes() {
    let sk = keygen(BLSIG_VARIANT_MIN_SIG, 5);
    let mut buf = [0xaau8; 33];
    assert_eq!(
        blsig_secret_key_to_bytes(sk, buf.as_mut_ptr(), 33),
        blsig_result::BLSIG_BUFFER_TOO_SMALL
    );
    assert_eq!(buf, [0xaa; 33]);
    assert_eq!(
        blsig_secret_key_to_bytes(sk, buf.as_mut_ptr(), 32),
        blsig_result::BLSIG_OK
    );
    let expected = blsig_core::SecretKey::<blsig_core::MinSig>::key_gen(&[5; 32], b"").unwrap();
    assert_eq!(&buf[..32], expected.to_bytes().as_ref());
    blsig_secret_key_free(sk);
}
