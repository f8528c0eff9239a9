//! Official test vectors from `../shared/vectors` (provenance in its README).
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use std::fs;
use std::path::Path;

#[cfg(feature = "alloc")]
use blsig::eth::eth_batch_verify;
use blsig::eth::{EthSignature, eth_aggregate_pubkeys, eth_fast_aggregate_verify};
use blsig::hazmat::decode_point;
use blsig::{
    Aug, Basic, Dst, G1Projective, G2Projective, MinPk, MinSig, Pop, ProofOfPossession,
    ProvenPublicKey, PublicKey, Scheme, SecretKey, Signature, Variant,
};
use common::{entries, parse_yaml, point_bytes, unhex, vectors_dir};
use group::UncompressedEncoding;
use serde_json::Value;

// ---------------------------------------------------------------- RFC 9380 (h2c/)

fn h2c_suite<C: blsig::Curve>(file: &Path) -> usize
where
    blsig::Affine<C>: UncompressedEncoding,
{
    let v: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let dst_bytes = v["dst"].as_str().unwrap().as_bytes().to_vec();
    let dst = Dst::new(&dst_bytes).unwrap();
    let ro = v["randomOracle"].as_bool().unwrap();
    let cases = v["vectors"].as_array().unwrap();
    for case in cases {
        let msg = case["msg"].as_str().unwrap().as_bytes();
        let p: C = if ro {
            blsig::hash_to_curve(msg, &dst)
        } else {
            blsig::encode_to_curve(msg, &dst)
        };
        let got = p.to_affine().to_uncompressed();
        assert_eq!(
            got.as_ref(),
            point_bytes(&case["P"]).as_slice(),
            "{}: {:?}",
            file.display(),
            case["msg"]
        );
    }
    cases.len()
}

#[test]
fn h2c_suites() {
    let Some(dir) = vectors_dir("h2c") else {
        return;
    };
    let mut n = 0;
    for name in ["RO", "NU"] {
        n += h2c_suite::<G1Projective>(
            &dir.join(format!("BLS12381G1_XMD:SHA-256_SSWU_{name}_.json")),
        );
        n += h2c_suite::<G2Projective>(
            &dir.join(format!("BLS12381G2_XMD:SHA-256_SSWU_{name}_.json")),
        );
    }
    assert_eq!(n, 20);
    println!("h2c suites: {n} points match");
}

#[test]
fn h2c_expand_message_xmd() {
    let Some(dir) = vectors_dir("h2c") else {
        return;
    };
    let mut n = 0;
    for file in [
        "expand_message_xmd_SHA256_38.json",
        "expand_message_xmd_SHA256_256.json",
    ] {
        let v: Value = serde_json::from_str(&fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        let dst_bytes = v["DST"].as_str().unwrap().as_bytes().to_vec();
        let dst = Dst::new(&dst_bytes).unwrap();
        for t in v["tests"].as_array().unwrap() {
            let len = usize::from_str_radix(
                t["len_in_bytes"].as_str().unwrap().trim_start_matches("0x"),
                16,
            )
            .unwrap();
            let mut out = vec![0u8; len];
            blsig::expand_message_xmd(t["msg"].as_str().unwrap().as_bytes(), &dst, &mut out)
                .unwrap();
            assert_eq!(
                out,
                unhex(t["uniform_bytes"].as_str().unwrap()),
                "{file}: {:?}",
                t["msg"]
            );
            n += 1;
        }
    }
    assert_eq!(n, 20);
    println!("expand_message_xmd: {n} outputs match (incl. the 256-byte DST)");
}

// ------------------------------------------------------- Ethereum (eth/, eth-bls12-381-tests/)

type Pk = PublicKey<MinPk>;

fn pk(s: &Value) -> Result<Pk, blsig::Error> {
    Pk::from_bytes(&unhex(s.as_str().unwrap()))
}

fn sig(s: &Value) -> Result<EthSignature, blsig::Error> {
    EthSignature::from_bytes(&unhex(s.as_str().unwrap()))
}

fn hexes(v: &Value) -> Vec<Vec<u8>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| unhex(s.as_str().unwrap()))
        .collect()
}

fn proven(v: &Value) -> Result<Vec<ProvenPublicKey<MinPk>>, blsig::Error> {
    // The consensus tests give raw keys: their possession was proven at deposit time.
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| pk(s).map(ProvenPublicKey::assume_proven))
        .collect()
}

fn bytes_or_null(r: Result<Vec<u8>, blsig::Error>) -> Value {
    match r {
        Ok(b) => Value::String(format!("0x{}", hex::encode(b))),
        Err(_) => Value::Null,
    }
}

/// Runs one Ethereum case; returns `None` for handlers that belong to other issues.
fn eth_case(handler: &str, input: &Value) -> Option<Value> {
    let ok = |r: Result<(), blsig::Error>| Value::Bool(r.is_ok());
    Some(match handler {
        "sign" => bytes_or_null(
            SecretKey::<MinPk>::from_bytes(&unhex(input["privkey"].as_str().unwrap())).map(|sk| {
                sk.sign::<Pop>(&unhex(input["message"].as_str().unwrap()))
                    .to_bytes()
                    .as_ref()
                    .to_vec()
            }),
        ),
        "verify" => ok((|| {
            pk(&input["pubkey"])?.verify(
                &unhex(input["message"].as_str().unwrap()),
                &sig(&input["signature"])?,
            )
        })()),
        "aggregate" => bytes_or_null((|| {
            let sigs = input
                .as_array()
                .unwrap()
                .iter()
                .map(sig)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(EthSignature::aggregate(&sigs)?.to_bytes().as_ref().to_vec())
        })()),
        "fast_aggregate_verify" => ok((|| {
            sig(&input["signature"])?.fast_aggregate_verify(
                &proven(&input["pubkeys"])?,
                &unhex(input["message"].as_str().unwrap()),
            )
        })()),
        "eth_fast_aggregate_verify" => ok((|| {
            eth_fast_aggregate_verify(
                &proven(&input["pubkeys"])?,
                &unhex(input["message"].as_str().unwrap()),
                &sig(&input["signature"])?,
            )
        })()),
        "aggregate_verify" => ok((|| {
            // Ethereum's keys come from the deposit registry, which checked their proofs.
            let pks = proven(&input["pubkeys"])?;
            let msgs = hexes(&input["messages"]);
            let msgs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
            sig(&input["signature"])?.aggregate_verify(&pks, &msgs)
        })()),
        "eth_aggregate_pubkeys" => bytes_or_null((|| {
            let pks = input
                .as_array()
                .unwrap()
                .iter()
                .map(pk)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(eth_aggregate_pubkeys(&pks)?.to_vec())
        })()),
        "hash_to_G2" => {
            let dst = Dst::new(b"QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_").unwrap();
            let p: G2Projective =
                blsig::hash_to_curve(input["msg"].as_str().unwrap().as_bytes(), &dst);
            let bytes = p.to_affine().to_uncompressed();
            Value::String(hex::encode(bytes.as_ref()))
        }
        #[cfg(feature = "alloc")]
        #[cfg(feature = "alloc")]
        "batch_verify" => ok((|| {
            let pks = input["pubkeys"]
                .as_array()
                .unwrap()
                .iter()
                .map(pk)
                .collect::<Result<Vec<_>, _>>()?;
            let msgs = hexes(&input["messages"]);
            let msgs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
            let sigs = input["signatures"]
                .as_array()
                .unwrap()
                .iter()
                .map(sig)
                .collect::<Result<Vec<_>, _>>()?;
            eth_batch_verify(&pks, &msgs, &sigs, &mut rand::rng())
        })()),
        "deserialization_G1" => Value::Bool(
            decode_point::<G1Projective>(&unhex(input["pubkey"].as_str().unwrap())).is_ok(),
        ),
        "deserialization_G2" => Value::Bool(
            decode_point::<G2Projective>(&unhex(input["signature"].as_str().unwrap())).is_ok(),
        ),
        _ => return None,
    })
}

fn expected(handler: &str, output: &Value) -> Value {
    match (handler, output) {
        ("hash_to_G2", p) => Value::String(hex::encode(point_bytes(p))),
        (_, Value::String(s)) => Value::String(s.to_lowercase()),
        (_, v) => v.clone(),
    }
}

fn run_eth(dir: &Path, read: impl Fn(&Path) -> Value) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut skipped = Vec::new();
    for handler_dir in entries(dir).into_iter().filter(|p| p.is_dir()) {
        let handler = handler_dir
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        for case in entries(&handler_dir) {
            let v = read(&case);
            let Some(got) = eth_case(&handler, &v["input"]) else {
                skipped.push(format!(
                    "{handler}/{}",
                    case.file_name().unwrap().to_string_lossy()
                ));
                continue;
            };
            assert_eq!(got, expected(&handler, &v["output"]), "{}", case.display());
            passed += 1;
        }
    }
    (passed, skipped)
}

#[test]
fn eth_consensus_spec_tests() {
    let Some(dir) = vectors_dir("eth") else {
        return;
    };
    let (passed, skipped) = run_eth(&dir, |case| {
        parse_yaml(&fs::read_to_string(case.join("data.yaml")).unwrap())
    });
    assert!(skipped.is_empty(), "unexpected handlers: {skipped:?}");
    assert_eq!(passed, 76);
    println!("eth/: {passed} cases pass");
}

#[test]
fn eth_bls12_381_tests() {
    let Some(dir) = vectors_dir("eth-bls12-381-tests") else {
        return;
    };
    let (passed, skipped) = run_eth(&dir, |case| {
        serde_json::from_str(&fs::read_to_string(case).unwrap()).unwrap()
    });
    // Batch verification needs the `alloc` feature.
    let batch_skipped = skipped
        .iter()
        .filter(|s| s.starts_with("batch_verify/"))
        .count();
    assert_eq!(batch_skipped, if cfg!(feature = "alloc") { 0 } else { 2 });
    assert_eq!(
        skipped.len(),
        batch_skipped,
        "unexpected handlers: {skipped:?}"
    );
    assert_eq!(passed + batch_skipped, 96);
    println!("eth-bls12-381-tests/: {passed} cases pass");
}

// ------------------------------------------------------- IETF reference (bls-sigs-ref/)

fn ref_lines(dir: &Path) -> Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    for file in entries(dir) {
        for line in fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(f.len(), 3, "{}: {line}", file.display());
            out.push((unhex(f[0]), unhex(f[1]), unhex(f[2])));
        }
    }
    out
}

fn ref_signatures<V: Variant, S: Scheme>(dir: &Path) -> usize {
    let cases = ref_lines(dir);
    for (msg, ikm, expected) in &cases {
        let sk = SecretKey::<V>::key_gen_draft03(ikm, b"").unwrap();
        let sig: Signature<V, S> = sk.sign(msg);
        assert_eq!(
            sig.to_bytes().as_ref(),
            expected.as_slice(),
            "{}",
            dir.display()
        );
        let decoded = Signature::<V, S>::from_bytes(expected).unwrap();
        sk.public_key().verify(msg, &decoded).unwrap();
    }
    cases.len()
}

fn ref_pops<V: Variant>(dir: &Path) -> usize {
    let cases = ref_lines(dir);
    for (_, ikm, expected) in &cases {
        let sk = SecretKey::<V>::key_gen_draft03(ikm, b"").unwrap();
        assert_eq!(
            sk.prove_possession().to_bytes().as_ref(),
            expected.as_slice()
        );
        sk.public_key()
            .verify_possession(&ProofOfPossession::from_bytes(expected).unwrap())
            .unwrap();
    }
    cases.len()
}

fn ref_hashes<C: blsig::Curve>(dir: &Path, dst: &[u8]) -> usize
where
    blsig::Affine<C>: group::GroupEncoding,
{
    use group::GroupEncoding;
    let cases = ref_lines(dir);
    let dst = Dst::new(dst).unwrap();
    for (msg, _, expected) in &cases {
        let p: C = blsig::hash_to_curve(msg, &dst);
        assert_eq!(p.to_affine().to_bytes().as_ref(), expected.as_slice());
    }
    cases.len()
}

#[test]
fn bls_sigs_ref() {
    let Some(dir) = vectors_dir("bls-sigs-ref") else {
        return;
    };
    let counts = [
        (
            "sig_g2_basic",
            ref_signatures::<MinPk, Basic>(&dir.join("sig_g2_basic")),
        ),
        (
            "sig_g2_aug",
            ref_signatures::<MinPk, Aug>(&dir.join("sig_g2_aug")),
        ),
        (
            "sig_g2_pop",
            ref_signatures::<MinPk, Pop>(&dir.join("sig_g2_pop")),
        ),
        (
            "sig_g1_basic",
            ref_signatures::<MinSig, Basic>(&dir.join("sig_g1_basic")),
        ),
        (
            "sig_g1_aug",
            ref_signatures::<MinSig, Aug>(&dir.join("sig_g1_aug")),
        ),
        (
            "sig_g1_pop",
            ref_signatures::<MinSig, Pop>(&dir.join("sig_g1_pop")),
        ),
        ("pop_g2", ref_pops::<MinPk>(&dir.join("pop_g2"))),
        ("pop_g1", ref_pops::<MinSig>(&dir.join("pop_g1"))),
        (
            "hash_g2",
            ref_hashes::<G2Projective>(&dir.join("hash_g2"), &[2]),
        ),
        (
            "hash_g1",
            ref_hashes::<G1Projective>(&dir.join("hash_g1"), &[1]),
        ),
    ];
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    println!("bls-sigs-ref: {counts:?}");
    assert!(counts.iter().all(|(_, n)| *n == 214), "{counts:?}");
    assert_eq!(total, 2140);
}

/// EIP-2333's `derive_master_SK(seed)` is draft-04+ KeyGen (`HKDF_mod_r` with salt
/// `SHA-256("BLS-SIG-KEYGEN-SALT-")` and empty `key_info`): an independent answer for
/// `key_gen` and for `key_gen_with_salt` with the default salt. Also checks that
/// `key_gen_with_salt` with the raw salt string is draft-03 KeyGen, as the draft says.
#[test]
fn eip2333_master_keys_are_keygen() {
    use sha2::Digest;
    let Some(dir) = vectors_dir("eip2333") else {
        return;
    };
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("test_cases.json")).unwrap()).unwrap();
    let cases = json["cases"].as_array().unwrap();
    let default_salt: [u8; 32] = sha2::Sha256::digest(blsig::KEYGEN_SALT).into();
    for case in cases {
        let seed = unhex(case["seed"].as_str().unwrap());
        // The decimal master key as a scalar, digit by digit.
        let expected = case["master_SK"]
            .as_str()
            .unwrap()
            .bytes()
            .fold(blsig::Scalar::ZERO, |acc, d| {
                acc * blsig::Scalar::from(10u64) + blsig::Scalar::from(u64::from(d - b'0'))
            });
        let mut expected_be = expected.to_bytes();
        expected_be.reverse();
        let sk = SecretKey::<MinPk>::key_gen(&seed, b"").unwrap();
        assert_eq!(*sk.to_bytes(), expected_be, "{}", case["name"]);
        let salted = SecretKey::<MinPk>::key_gen_with_salt(&seed, &default_salt, b"").unwrap();
        assert_eq!(*salted.to_bytes(), expected_be, "{}", case["name"]);
        let v2 = SecretKey::<MinPk>::key_gen_with_salt(&seed, blsig::KEYGEN_SALT, b"ctx").unwrap();
        let draft03 = SecretKey::<MinPk>::key_gen_draft03(&seed, b"ctx").unwrap();
        assert_eq!(*v2.to_bytes(), *draft03.to_bytes(), "{}", case["name"]);
        let plain = SecretKey::<MinPk>::key_gen_draft03(&seed, b"").unwrap();
        assert_ne!(
            *plain.to_bytes(),
            *draft03.to_bytes(),
            "key_info must change the key"
        );
    }
    assert_eq!(cases.len(), 4);
    println!("eip2333 master keys: {} of 4 match KeyGen", cases.len());
}
