//! EIP-2333 key derivation and EIP-2334 paths through the public API: the ERC's four test
//! cases and its intermediate-value case (both Lamport halves, the compressed Lamport key),
//! then properties of the tree.
// Harness code: a failed setup step is the run's failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use std::fs;

use blsig::derive::{
    LAMPORT_CHUNKS, Path, ValidatorKey, derive_child_sk, derive_master_sk, ikm_to_lamport_sk,
    parent_sk_to_lamport_pk,
};
use blsig::{Error, MinPk, MinSig, SecretKey};
use common::{unhex, vectors_dir};
use proptest::prelude::*;
use serde_json::Value;

/// A decimal integer below r as the 32-byte big-endian secret-key encoding (exact
/// big-number arithmetic on base-256 digits, independent of the crate).
fn decimal_to_be32(decimal: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for digit in decimal.bytes() {
        assert!(digit.is_ascii_digit(), "{decimal}");
        let mut carry = u32::from(digit - b'0');
        for byte in out.iter_mut().rev() {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
        assert_eq!(carry, 0, "{decimal} does not fit in 32 bytes");
    }
    out
}

fn index(v: &Value) -> u32 {
    match v {
        Value::Number(n) => u32::try_from(n.as_u64().unwrap()).unwrap(),
        Value::String(s) => s.parse().unwrap(),
        _ => panic!("bad index {v}"),
    }
}

fn cases() -> Option<Value> {
    let dir = vectors_dir("eip2333")?;
    Some(serde_json::from_str(&fs::read_to_string(dir.join("test_cases.json")).unwrap()).unwrap())
}

#[test]
fn erc_2333_test_cases() {
    let Some(json) = cases() else { return };
    let cases = json["cases"].as_array().unwrap();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let seed = unhex(case["seed"].as_str().unwrap());
        let master: SecretKey<MinPk> = derive_master_sk(&seed).unwrap();
        assert_eq!(
            *master.to_bytes(),
            decimal_to_be32(case["master_SK"].as_str().unwrap()),
            "{name}"
        );
        let child = derive_child_sk(&master, index(&case["child_index"]));
        assert_eq!(
            *child.to_bytes(),
            decimal_to_be32(case["child_SK"].as_str().unwrap()),
            "{name}"
        );
        // The same scalars in the other variant: EIP-2333 defines scalars only.
        let master_sig: SecretKey<MinSig> = derive_master_sk(&seed).unwrap();
        assert_eq!(*master_sig.to_bytes(), *master.to_bytes());
        let path = Path::from_indices(&[index(&case["child_index"])]).unwrap();
        assert_eq!(
            *path.derive::<MinPk>(&seed).unwrap().to_bytes(),
            *child.to_bytes()
        );
    }
    assert_eq!(cases.len(), 4);
    println!(
        "eip2333: {} of 4 test cases (master and child keys)",
        cases.len()
    );
}

#[test]
fn erc_2333_intermediate_values() {
    let Some(json) = cases() else { return };
    let case = &json["intermediate"];
    let seed = unhex(case["seed"].as_str().unwrap());
    let child_index = index(&case["child_index"]);
    let master: SecretKey<MinPk> = derive_master_sk(&seed).unwrap();
    assert_eq!(
        *master.to_bytes(),
        decimal_to_be32(case["master_SK"].as_str().unwrap())
    );

    let salt = child_index.to_be_bytes();
    let ikm = master.to_bytes();
    let not_ikm: Vec<u8> = ikm.iter().map(|b| !b).collect();
    let mut checked = 0;
    for (half, key) in [(&ikm[..], "lamport_0"), (&not_ikm[..], "lamport_1")] {
        let expected = case[key].as_array().unwrap();
        assert_eq!(expected.len(), LAMPORT_CHUNKS, "{key}");
        let chunks = ikm_to_lamport_sk(half, &salt);
        for (i, (got, want)) in chunks.iter().zip(expected).enumerate() {
            assert_eq!(got.to_vec(), unhex(want.as_str().unwrap()), "{key}[{i}]");
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * LAMPORT_CHUNKS);
    assert_eq!(
        parent_sk_to_lamport_pk(&master, child_index).to_vec(),
        unhex(case["compressed_lamport_PK"].as_str().unwrap())
    );
    let child = derive_child_sk(&master, child_index);
    assert_eq!(
        *child.to_bytes(),
        decimal_to_be32(case["child_SK"].as_str().unwrap())
    );
    println!("eip2333 intermediate case: {checked} Lamport chunks, compressed key, child key");
}

#[test]
fn short_seeds_are_refused() {
    for len in [0, 1, 16, 31] {
        assert_eq!(
            derive_master_sk::<MinPk>(&vec![1u8; len]).err(),
            Some(Error::ShortIkm)
        );
        assert_eq!(
            Path::signing(0).derive::<MinPk>(&vec![1u8; len]).err(),
            Some(Error::ShortIkm)
        );
    }
    assert!(derive_master_sk::<MinPk>(&[1u8; 32]).is_ok());
    assert!(derive_master_sk::<MinPk>(&[1u8; 64]).is_ok());
}

#[test]
fn validator_paths_derive_level_by_level() {
    let seed = [0x42u8; 32];
    let master: SecretKey<MinPk> = derive_master_sk(&seed).unwrap();
    let account = derive_child_sk(&derive_child_sk(&derive_child_sk(&master, 12381), 3600), 9);
    let withdrawal = derive_child_sk(&account, 0);
    let signing = derive_child_sk(&withdrawal, 0);
    let w = Path::withdrawal(9);
    let s: Path = "m/12381/3600/9/0/0".parse().unwrap();
    assert_eq!(w.validator(), Ok(ValidatorKey::Withdrawal(9)));
    assert_eq!(s.validator(), Ok(ValidatorKey::Signing(9)));
    assert!(w.derive::<MinPk>(&seed).unwrap() == withdrawal);
    assert!(s.derive::<MinPk>(&seed).unwrap() == signing);
    assert!(Path::MASTER.derive::<MinPk>(&seed).unwrap() == master);
    assert!(signing != withdrawal);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Distinct indices give distinct children, and a child differs from its parent.
    #[test]
    fn children_are_distinct(seed in prop::array::uniform32(any::<u8>()), a in any::<u32>(), b in any::<u32>()) {
        prop_assume!(a != b);
        let master: SecretKey<MinPk> = derive_master_sk(&seed).unwrap();
        let (ca, cb) = (derive_child_sk(&master, a), derive_child_sk(&master, b));
        prop_assert!(ca != cb);
        prop_assert!(ca != master);
        // Deterministic.
        prop_assert!(derive_child_sk(&master, a) == ca);
    }

    /// Display and parse are inverse on every path the type can hold.
    #[test]
    fn paths_round_trip(indices in prop::collection::vec(any::<u32>(), 0..=blsig::derive::MAX_PATH_DEPTH)) {
        let path = Path::from_indices(&indices).unwrap();
        prop_assert_eq!(path.indices(), &indices[..]);
        let text = path.to_string();
        prop_assert_eq!(Path::parse(&text).unwrap(), path);
    }

    /// Arbitrary text never panics the parser; what parses prints back to the same text.
    #[test]
    fn parser_is_total(text in "[m0-9/ +'x-]{0,40}") {
        if let Ok(path) = Path::parse(&text) {
            prop_assert_eq!(path.to_string(), text);
        }
    }
}
