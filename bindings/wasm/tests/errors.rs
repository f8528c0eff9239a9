//! Every error code the exports can throw, from the bad input that causes it, and the
//! JavaScript form of the error (`BlsError`: an `Error` with `name` and `code`); run
//! under Node and in headless Chromium (scripts/test-wasm.sh).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig_wasm::{
    Fail, ProvenPublicKey, PublicKey, SecretKey, Signature, aggregate, aggregate_verify, expand,
    hash_to, key_gen, key_validate, pop_prove, sign, sk_to_pk, verify,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const MIN_PK_BASIC: u32 = 0;
const MIN_PK_POP: u32 = 2;
const MIN_SIG_POP: u32 = 5;

fn code<T>(r: Result<T, Fail>) -> &'static str {
    match r {
        Ok(_) => "OK",
        Err(f) => f.code(),
    }
}

fn key(seed: u8) -> (Vec<u8>, Vec<u8>) {
    let sk = key_gen(0, &[seed; 32], b"").unwrap_or_default();
    let pk = sk_to_pk(0, &sk).unwrap_or_default();
    (sk, pk)
}

/// A compressed G1 encoding of x (big-endian, x < 2³²) with the compression flag.
fn g1_x(x: u32) -> Vec<u8> {
    let mut b = vec![0u8; 48];
    b[44..].copy_from_slice(&x.to_be_bytes());
    b[0] |= 0x80;
    b
}

#[wasm_bindgen_test]
fn every_code_from_its_input() {
    let (sk, pk) = key(1);
    let (_, pk2) = key(2);
    let msg = b"message".as_slice();
    let sig = sign(MIN_PK_POP, &sk, msg).unwrap_or_default();

    assert_eq!(code(PublicKey::from_bytes(0, &pk[..47])), "INVALID_LENGTH");
    assert_eq!(
        code(verify(MIN_PK_POP, &pk, msg, &sig[..95])),
        "INVALID_LENGTH"
    );
    assert_eq!(
        code(PublicKey::from_bytes(0, &[0u8; 48])),
        "INVALID_ENCODING"
    );
    let mut big = vec![0xffu8; 48];
    big[0] = 0x9f;
    assert_eq!(
        code(PublicKey::from_bytes(0, &big)),
        "FIELD_ELEMENT_OUT_OF_RANGE"
    );
    // Small x: some are not on the curve, the others (almost surely) outside the subgroup.
    let codes: Vec<&str> = (1..64)
        .map(|x| code(PublicKey::from_bytes(0, &g1_x(x))))
        .collect();
    assert!(codes.contains(&"NOT_ON_CURVE"), "{codes:?}");
    assert!(codes.contains(&"NOT_IN_SUBGROUP"), "{codes:?}");
    let mut identity = vec![0u8; 48];
    identity[0] = 0xc0;
    assert_eq!(
        code(PublicKey::from_bytes(0, &identity)),
        "IDENTITY_PUBLIC_KEY"
    );
    assert!(!key_validate(0, &identity).unwrap_or(true));
    assert_eq!(
        code(SecretKey::from_bytes(0, &[0u8; 32])),
        "INVALID_SECRET_KEY"
    );
    assert_eq!(
        code(sign(MIN_PK_POP, &[0xff; 32], msg)),
        "INVALID_SECRET_KEY"
    );
    assert_eq!(code(key_gen(0, &[1; 31], b"")), "SHORT_IKM");
    assert_eq!(code(hash_to(1, true, false, msg, b"")), "INVALID_DST");
    assert_eq!(code(expand(msg, b"dst", 0)), "INVALID_OUTPUT_LENGTH");
    assert_eq!(code(expand(msg, b"dst", 8161)), "INVALID_OUTPUT_LENGTH");
    assert_eq!(code(aggregate(MIN_PK_POP, &[], &[])), "EMPTY_INPUT");
    let basic = |k: &[u8]| sign(MIN_PK_BASIC, &sk, k).unwrap_or_default();
    let twice = [pk.clone(), pk.clone()].concat();
    let agg =
        aggregate(MIN_PK_BASIC, &[basic(msg), basic(msg)].concat(), &[96, 96]).unwrap_or_default();
    assert_eq!(
        code(aggregate_verify(
            MIN_PK_BASIC,
            &twice,
            &[48, 48],
            &[msg, msg].concat(),
            &[7, 7],
            &agg
        )),
        "DUPLICATE_MESSAGE"
    );
    assert_eq!(code(aggregate(MIN_PK_POP, &sig, &[95])), "LENGTH_MISMATCH");
    assert_eq!(
        code(aggregate_verify(
            MIN_PK_BASIC,
            &twice,
            &[48, 48],
            msg,
            &[7],
            &agg
        )),
        "LENGTH_MISMATCH"
    );
    let wrong_proof = pop_prove(0, &key(3).0).unwrap_or_default();
    assert_eq!(
        code(ProvenPublicKey::from_bytes(0, &pk, &wrong_proof)),
        "VERIFICATION_FAILED"
    );
    assert_eq!(code(sign(6, &sk, msg)), "INVALID_SUITE");
    assert_eq!(code(PublicKey::from_bytes(2, &pk)), "INVALID_SUITE");
    assert_eq!(code(hash_to(3, true, false, msg, b"dst")), "INVALID_SUITE");
    // A min-sig signature against a min-pk key; a Pop aggregate over unproven keys.
    let min_sig_sk = key_gen(1, &[4; 32], b"").unwrap_or_default();
    let min_sig = Signature::from_bytes(
        MIN_SIG_POP,
        &sign(MIN_SIG_POP, &min_sig_sk, msg).unwrap_or_default(),
    );
    let min_pk_key = PublicKey::from_bytes(0, &pk);
    if let (Ok(s), Ok(k)) = (&min_sig, &min_pk_key) {
        assert_eq!(code(s.verify(k, msg)), "SUITE_MISMATCH");
    } else {
        panic!("decoding failed");
    }
    let pop_agg =
        aggregate(MIN_PK_POP, &[sig.clone(), sig.clone()].concat(), &[96, 96]).unwrap_or_default();
    assert_eq!(
        code(aggregate_verify(
            MIN_PK_POP,
            &[pk.clone(), pk2.clone()].concat(),
            &[48, 48],
            b"ab",
            &[1, 1],
            &pop_agg
        )),
        "SUITE_MISMATCH"
    );

    // Well-formed but wrong: false, not an error.
    assert_eq!(verify(MIN_PK_POP, &pk2, msg, &sig).ok(), Some(false));
    assert_eq!(
        verify(MIN_PK_POP, &pk, b"other", &sig).ok(),
        Some(true).map(|_| false)
    );
    assert_eq!(verify(MIN_PK_POP, &pk, msg, &sig).ok(), Some(true));
}

#[wasm_bindgen_test]
fn errors_are_bls_errors_in_javascript() {
    let fail = PublicKey::from_bytes(0, &[0u8; 3]).err();
    let Some(fail) = fail else {
        panic!("decoded 3 bytes")
    };
    let value = JsValue::from(fail);
    let error = value
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("not an Error"));
    assert_eq!(String::from(error.name()), "BlsError");
    assert_eq!(
        String::from(error.message()),
        "invalid length: expected 48 bytes, got 3"
    );
    let code = js_sys::Reflect::get(&value, &JsValue::from_str("code"))
        .ok()
        .and_then(|c| c.as_string());
    assert_eq!(code.as_deref(), Some("INVALID_LENGTH"));
    for f in [Fail::InvalidSuite, Fail::SuiteMismatch, Fail::BadSeed] {
        let v = JsValue::from(f);
        let c = js_sys::Reflect::get(&v, &JsValue::from_str("code"))
            .ok()
            .and_then(|c| c.as_string());
        assert_eq!(c.as_deref(), Some(f.code()));
    }
}
