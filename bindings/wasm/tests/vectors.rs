//! The shared vectors through the JavaScript-facing exports (`eth/` consensus tests for
//! min-pk Pop, RFC 9380 `h2c/`, a sample of every `bls-sigs-ref/` ciphersuite), run by
//! wasm-bindgen-test under Node and in headless Chromium (scripts/test-wasm.sh).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../../tests/common/mod.rs"]
mod common;

use blsig_wasm::{
    AggregatePublicKey, Fail, ProvenPublicKey, PublicKey, SecretKey, Signature, aggregate, expand,
    hash_to, pop_prove, pop_verify, sign, verify,
};
use common::{parse_yaml, point_bytes, unhex};
use serde_json::Value;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

include!(concat!(env!("OUT_DIR"), "/vectors.rs"));

const MIN_PK_POP: u32 = 2;

/// The embedded files under `prefix`, or `None` with a notice (a failure in CI).
fn files(prefix: &str) -> Option<Vec<(&'static str, &'static str)>> {
    let found: Vec<_> = VECTOR_FILES
        .iter()
        .copied()
        .filter(|(path, _)| path.starts_with(prefix))
        .collect();
    if !found.is_empty() {
        return Some(found);
    }
    assert!(
        option_env!("CI") != Some("true"),
        "test vectors missing in CI: {VECTORS_DIR}/{prefix}"
    );
    console_log!("SKIPPED: no vectors at {VECTORS_DIR}/{prefix} (they live beside the checkout)");
    None
}

fn hexes(v: &Value) -> Vec<Vec<u8>> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(unhex).collect())
        .unwrap_or_default()
}

fn flat(items: &[Vec<u8>]) -> (Vec<u8>, Vec<u32>) {
    let lens = items
        .iter()
        .map(|i| u32::try_from(i.len()).unwrap_or(u32::MAX))
        .collect();
    (items.concat(), lens)
}

/// Ethereum's keys were proven at deposit time: assumed proven, as the Rust tests do.
fn proven(keys: &[Vec<u8>]) -> Result<Vec<ProvenPublicKey>, Fail> {
    keys.iter()
        .map(|k| ProvenPublicKey::assume_proven(&PublicKey::from_bytes(0, k)?))
        .collect()
}

/// A case's verdict through the exports: any error is `false`, as the vectors expect of
/// invalid encodings.
fn eth_case(kind: &str, input: &Value) -> Value {
    let result: Result<Value, Fail> = (|| {
        Ok(match kind {
            "sign" => {
                let sk = unhex(input["privkey"].as_str().unwrap_or_default());
                let msg = unhex(input["message"].as_str().unwrap_or_default());
                Value::String(format!("0x{}", hex::encode(sign(MIN_PK_POP, &sk, &msg)?)))
            }
            "verify" => {
                let pk = unhex(input["pubkey"].as_str().unwrap_or_default());
                let msg = unhex(input["message"].as_str().unwrap_or_default());
                let sig = unhex(input["signature"].as_str().unwrap_or_default());
                Value::Bool(verify(MIN_PK_POP, &pk, &msg, &sig)?)
            }
            "aggregate" => {
                let (sigs, lens) = flat(&hexes(input));
                Value::String(format!(
                    "0x{}",
                    hex::encode(aggregate(MIN_PK_POP, &sigs, &lens)?)
                ))
            }
            "aggregate_verify" => {
                let keys = proven(&hexes(&input["pubkeys"]))?;
                let (msgs, lens) = flat(&hexes(&input["messages"]));
                let sig = unhex(input["signature"].as_str().unwrap_or_default());
                let sig = Signature::from_bytes(MIN_PK_POP, &sig)?;
                Value::Bool(sig.aggregate_verify_proven(keys, &msgs, &lens)?)
            }
            "fast_aggregate_verify" => {
                let keys = proven(&hexes(&input["pubkeys"]))?;
                let msg = unhex(input["message"].as_str().unwrap_or_default());
                let sig = unhex(input["signature"].as_str().unwrap_or_default());
                let sig = Signature::from_bytes(MIN_PK_POP, &sig)?;
                Value::Bool(
                    sig.fast_aggregate_verify(&AggregatePublicKey::from_proven(keys)?, &msg)?,
                )
            }
            _ => Value::Null,
        })
    })();
    match (kind, result) {
        (_, Ok(v)) => v,
        ("sign" | "aggregate", Err(_)) => Value::Null,
        (_, Err(_)) => Value::Bool(false),
    }
}

#[wasm_bindgen_test]
fn eth_consensus_vectors() {
    let Some(all) = files("eth/") else { return };
    let mut counted = 0;
    for kind in [
        "sign",
        "verify",
        "aggregate",
        "aggregate_verify",
        "fast_aggregate_verify",
    ] {
        let prefix = format!("eth/{kind}/");
        for (path, text) in all.iter().filter(|(p, _)| p.starts_with(&prefix)) {
            let case = parse_yaml(text);
            let mut expected = case["output"].clone();
            if let Value::String(s) = &expected {
                expected = Value::String(s.to_lowercase());
            }
            assert_eq!(eth_case(kind, &case["input"]), expected, "{path}");
            counted += 1;
        }
    }
    console_log!("eth/: {counted} cases");
    assert!(counted >= 50, "only {counted} eth cases");
}

#[wasm_bindgen_test]
fn rfc9380_vectors() {
    let Some(all) = files("h2c/") else { return };
    let mut counted = 0;
    for (path, text) in all {
        let Ok(doc) = serde_json::from_str::<Value>(text) else {
            panic!("{path}: not JSON");
        };
        let dst = doc["dst"]
            .as_str()
            .or(doc["DST"].as_str())
            .unwrap_or_default()
            .as_bytes();
        if path.contains("expand_message") {
            for v in doc["tests"].as_array().into_iter().flatten() {
                let msg = v["msg"].as_str().unwrap_or_default().as_bytes();
                let len = u32::from_str_radix(
                    v["len_in_bytes"]
                        .as_str()
                        .unwrap_or("0x0")
                        .trim_start_matches("0x"),
                    16,
                )
                .unwrap_or(0);
                let out = expand(msg, dst, len).unwrap_or_default();
                assert_eq!(
                    out,
                    unhex(v["uniform_bytes"].as_str().unwrap_or_default()),
                    "{path}"
                );
                counted += 1;
            }
            continue;
        }
        let group = if path.contains("G1") { 1 } else { 2 };
        let random_oracle = doc["randomOracle"].as_bool().unwrap_or(false);
        for v in doc["vectors"].as_array().into_iter().flatten() {
            let msg = v["msg"].as_str().unwrap_or_default().as_bytes();
            let got = hash_to(group, random_oracle, false, msg, dst).unwrap_or_default();
            assert_eq!(got, point_bytes(&v["P"]), "{path}: {:?}", v["msg"]);
            counted += 1;
        }
    }
    console_log!("h2c/: {counted} vectors");
    assert!(counted >= 30, "only {counted} h2c vectors");
}

/// The first `SAMPLE` lines of every file of every bls-sigs-ref ciphersuite.
const SAMPLE: usize = 6;

#[wasm_bindgen_test]
fn bls_sigs_ref_sample() {
    let Some(all) = files("bls-sigs-ref/") else {
        return;
    };
    let mut counted = 0;
    for (path, text) in all {
        let Some(suite_dir) = path.split('/').nth(1) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()).take(SAMPLE) {
            let f: Vec<Vec<u8>> = line.split_whitespace().map(unhex).collect();
            let [msg, ikm, expected] = f.as_slice() else {
                panic!("{path}: {line}");
            };
            check_ref(suite_dir, msg, ikm, expected)
                .unwrap_or_else(|e| panic!("{path}: {line}: {}", e.code()));
            counted += 1;
        }
    }
    console_log!("bls-sigs-ref/: {counted} sampled cases");
    assert!(counted >= 12 * SAMPLE, "only {counted} bls-sigs-ref cases");
}

fn check_ref(dir: &str, msg: &[u8], ikm: &[u8], expected: &[u8]) -> Result<(), Fail> {
    // sig_g2_* is min-pk (signatures in G2), sig_g1_* min-sig.
    let variant = u32::from(dir.contains("g1"));
    let scheme = if dir.ends_with("basic") {
        0
    } else if dir.ends_with("aug") {
        1
    } else {
        2
    };
    if let Some(group) = dir.strip_prefix("hash_g") {
        let group = if group == "1" { 1 } else { 2 };
        let dst = [u8::try_from(group).unwrap_or(0)];
        assert_eq!(hash_to(group, true, true, msg, &dst)?, expected);
        return Ok(());
    }
    let sk = SecretKey::key_gen_draft03(variant, ikm, b"")?;
    let sk_bytes = sk.to_bytes()?;
    let pk = sk.public_key()?.to_bytes()?;
    if dir.starts_with("pop") {
        assert_eq!(pop_prove(variant, &sk_bytes)?, expected);
        assert!(pop_verify(variant, &pk, expected)?);
        return Ok(());
    }
    let suite = variant * 3 + scheme;
    assert_eq!(sign(suite, &sk_bytes, msg)?, expected);
    assert!(verify(suite, &pk, msg, expected)?);
    Ok(())
}
