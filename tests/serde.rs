//! serde (feature `serde`): every public value round-trips through JSON (`0x` hex strings)
//! and a binary format (postcard, byte strings), and deserializing validates exactly like
//! `from_bytes`.
#![cfg(all(feature = "serde", feature = "alloc"))]
// Harness code: a failed setup step is the run's failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::multisig::{AsmGroup, GroupKey};
use blsig::{
    Aug, Basic, MinPk, MinSig, Pop, ProofOfPossession, ProvenPublicKey, PublicKey, Scheme,
    SecretKey, Signature, Variant,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn sk<V: Variant>(seed: u8) -> SecretKey<V> {
    SecretKey::key_gen(&[seed; 32], b"").unwrap()
}

/// JSON is `"0x" ‖ lowercase hex of to_bytes`; postcard is the bytes; both decode back.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + core::fmt::Debug>(
    value: &T,
    bytes: &[u8],
) {
    let json = serde_json::to_string(value).unwrap();
    assert_eq!(json, format!("\"0x{}\"", hex::encode(bytes)));
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    // Uppercase digits are read too; the prefix stays lowercase.
    let upper = format!("\"0x{}\"", hex::encode_upper(bytes));
    assert_eq!(&serde_json::from_str::<T>(&upper).unwrap(), value);
    let binary = postcard::to_allocvec(value).unwrap();
    assert!(
        binary.ends_with(bytes),
        "postcard writes the bytes as a byte string"
    );
    assert_eq!(&postcard::from_bytes::<T>(&binary).unwrap(), value);
}

/// Every way a string can fail before the value's decoder runs, and one that reaches it.
fn malformed_strings<T: DeserializeOwned + core::fmt::Debug>(bytes: &[u8]) {
    let hexed = hex::encode(bytes);
    for (text, needle) in [
        (hexed.clone(), "0x-prefixed"),
        (format!("0X{hexed}"), "0x-prefixed"),
        (format!("0x{}", &hexed[1..]), "invalid hex"),
        (format!("0x{}zz", &hexed[2..]), "invalid hex"),
        (format!("0x{hexed}00"), "invalid length"),
        ("0x".into(), "invalid length"),
    ] {
        let err = serde_json::from_str::<T>(&format!("\"{text}\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{text}: {err}");
    }
    assert!(serde_json::from_str::<T>("42").is_err());
    assert!(serde_json::from_str::<T>("null").is_err());
}

fn values<V: Variant>() {
    let a = sk::<V>(1);
    let pk = a.public_key();
    round_trip(&pk, pk.to_bytes().as_ref());
    malformed_strings::<PublicKey<V>>(pk.to_bytes().as_ref());
    let pop = a.prove_possession();
    round_trip(&pop, pop.to_bytes().as_ref());
    malformed_strings::<ProofOfPossession<V>>(pop.to_bytes().as_ref());
    fn sig<V: Variant, S: Scheme>(a: &SecretKey<V>) {
        let s: Signature<V, S> = a.sign(b"serde");
        round_trip(&s, s.to_bytes().as_ref());
        malformed_strings::<Signature<V, S>>(s.to_bytes().as_ref());
    }
    sig::<V, Basic>(&a);
    sig::<V, Aug>(&a);
    sig::<V, Pop>(&a);

    // A proven key serializes as the key and comes back as a plain PublicKey.
    let proven: ProvenPublicKey<V> = pk.verify_possession(&pop).unwrap();
    let json = serde_json::to_string(&proven).unwrap();
    assert_eq!(json, serde_json::to_string(&pk).unwrap());
    assert_eq!(serde_json::from_str::<PublicKey<V>>(&json).unwrap(), pk);
    let b = sk::<V>(2);
    let proven_b = b
        .public_key()
        .verify_possession(&b.prove_possession())
        .unwrap();
    let agg = ProvenPublicKey::aggregate(&[proven, proven_b]).unwrap();
    assert_eq!(
        serde_json::to_string(&agg).unwrap(),
        serde_json::to_string(agg.public_key()).unwrap()
    );

    // Multisig values.
    let keys = [pk, b.public_key()];
    let group = GroupKey::new(&keys).unwrap();
    round_trip(&group, &group.to_bytes());
    let share = group.sign_share(&a, b"m").unwrap();
    round_trip(&share, &share.to_bytes());
    let share_b = group.sign_share(&b, b"m").unwrap();
    let msp = group.combine(&[share, share_b]).unwrap();
    round_trip(&msp, msp.to_bytes().as_ref());
    let asm = AsmGroup::new(&[proven, proven_b], 1).unwrap();
    round_trip(asm.id(), &asm.id().to_bytes());
    // Serialize-only values give their bytes; they decode with the context they need.
    let asm_json = serde_json::to_string(&asm).unwrap();
    let asm_bytes = hex::decode(asm_json.trim_matches('"').strip_prefix("0x").unwrap()).unwrap();
    assert_eq!(
        AsmGroup::from_bytes(&asm_bytes, asm.id()).unwrap().id(),
        asm.id()
    );
    let mk = {
        let contributions: Vec<_> = [&a, &b]
            .iter()
            .flat_map(|k| asm.contributions(k).unwrap())
            .filter(|c| c.to() == 0)
            .collect();
        asm.membership_key(0, &contributions).unwrap()
    };
    let member = asm.sign(&a, &mk, b"m").unwrap();
    round_trip(&member, &member.to_bytes());
    let asm_sig = asm.combine(&[member]).unwrap();
    let sig_json = serde_json::to_string(&asm_sig).unwrap();
    let sig_bytes = hex::decode(sig_json.trim_matches('"').strip_prefix("0x").unwrap()).unwrap();
    asm.verify(b"m", &asm.signature_from_bytes(&sig_bytes).unwrap())
        .unwrap();
}

#[test]
fn values_round_trip_min_pk() {
    values::<MinPk>();
}

#[test]
fn values_round_trip_min_sig() {
    values::<MinSig>();
}

/// A compressed encoding with valid flags whose x is on the curve but outside the subgroup.
fn off_subgroup_point(len: usize) -> Vec<u8> {
    (0u8..=255)
        .map(|x| {
            let mut bytes = vec![0u8; len];
            bytes[0] = 0x80;
            bytes[len - 1] = x;
            bytes
        })
        .find(|bytes| {
            blsig::hazmat::decode_point::<blsig::G1Projective>(bytes).err()
                == Some(blsig::Error::NotInSubgroup)
                || blsig::hazmat::decode_point::<blsig::G2Projective>(bytes).err()
                    == Some(blsig::Error::NotInSubgroup)
        })
        .expect("some small x gives a point outside the subgroup")
}

/// Deserializing runs the decoder: every rejection `from_bytes` makes, serde makes, with
/// the decoder's error as the message (JSON and binary alike).
#[test]
fn deserializing_validates_like_from_bytes() {
    let identity_g1 = {
        let mut b = vec![0u8; 48];
        b[0] = 0xc0;
        b
    };
    let bad_flags = {
        let mut b = sk::<MinPk>(3).public_key().to_bytes().as_ref().to_vec();
        b[0] &= 0x7f; // compressed length without the compression flag
        b
    };
    let g1_outside = off_subgroup_point(48);
    let g2_outside = off_subgroup_point(96);
    let cases: Vec<(Vec<u8>, blsig::Error)> = vec![
        (identity_g1.clone(), blsig::Error::IdentityPublicKey),
        (bad_flags, blsig::Error::InvalidEncoding),
        (g1_outside.clone(), blsig::Error::NotInSubgroup),
        (
            vec![0u8; 47],
            blsig::Error::InvalidLength {
                expected: 48,
                actual: 47,
            },
        ),
    ];
    for (bytes, error) in cases {
        assert_eq!(PublicKey::<MinPk>::from_bytes(&bytes).err(), Some(error));
        let json = format!("\"0x{}\"", hex::encode(&bytes));
        let err = serde_json::from_str::<PublicKey<MinPk>>(&json).unwrap_err();
        assert!(
            err.to_string().contains(&error.to_string()),
            "{err} vs {error}"
        );
        let binary = postcard::to_allocvec(&serde_bytes_of(&bytes)).unwrap();
        assert!(postcard::from_bytes::<PublicKey<MinPk>>(&binary).is_err());
    }
    // The identity signature decodes (it is a valid point); outside the subgroup it does not.
    let json = format!("\"0x{}\"", hex::encode(&g2_outside));
    let err = serde_json::from_str::<Signature<MinPk, Pop>>(&json).unwrap_err();
    assert!(
        err.to_string()
            .contains(&blsig::Error::NotInSubgroup.to_string()),
        "{err}"
    );
    let json = format!("\"0x{}\"", hex::encode(&g1_outside));
    assert!(serde_json::from_str::<Signature<MinSig, Pop>>(&json).is_err());
    assert!(serde_json::from_str::<ProofOfPossession<MinSig>>(&json).is_err());
    // A group with a repeated key is refused as from_bytes refuses it.
    let pk = sk::<MinPk>(4).public_key();
    let mut twice = 2u64.to_be_bytes().to_vec();
    twice.extend_from_slice(pk.to_bytes().as_ref());
    twice.extend_from_slice(pk.to_bytes().as_ref());
    let expected = GroupKey::<MinPk>::from_bytes(&twice).unwrap_err();
    let err = serde_json::from_str::<GroupKey<MinPk>>(&format!("\"0x{}\"", hex::encode(&twice)))
        .unwrap_err();
    assert!(
        err.to_string().contains(&expected.to_string()),
        "{err} vs {expected}"
    );
}

/// Bytes as postcard writes a byte string (length prefix, then the bytes).
fn serde_bytes_of(bytes: &[u8]) -> impl Serialize + '_ {
    struct B<'a>(&'a [u8]);
    impl Serialize for B<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    B(bytes)
}

/// Ethereum's JSON: a struct of keys and signatures as `0x` strings.
#[test]
fn ethereum_style_json_documents() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Deposit {
        pubkey: PublicKey<MinPk>,
        signature: Signature<MinPk, Pop>,
    }
    let a = sk::<MinPk>(5);
    let doc = Deposit {
        pubkey: a.public_key(),
        signature: a.sign(b"deposit"),
    };
    let json = serde_json::to_string_pretty(&doc).unwrap();
    assert!(json.contains(&format!(
        "\"pubkey\": \"0x{}\"",
        hex::encode(doc.pubkey.to_bytes())
    )));
    let back: Deposit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    back.pubkey.verify(b"deposit", &back.signature).unwrap();
}
