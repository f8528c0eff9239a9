//! EIP-2335 keystores (feature `keystore`): both ERC keystores, round trips with fresh
//! randomness, a keystore built by hand from the primitives, and every rejection.
#![cfg(feature = "keystore")]
// Harness code: a failed setup step is the run's failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use std::fs;

use blsig::derive::Path;
use blsig::keystore::{Kdf, Keystore, MAX_PBKDF2_ROUNDS};
use blsig::{Error, MinPk, MinSig, SecretKey};
use common::{unhex, vectors_dir};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::{Value, json};

/// A cheap kdf for tests that are not about the kdf.
const FAST: Kdf = Kdf::Scrypt {
    log_n: 4,
    r: 8,
    p: 1,
};

fn erc_vectors() -> Vec<Value> {
    let Some(dir) = vectors_dir("eip2335") else {
        return Vec::new();
    };
    ["scrypt.json", "pbkdf2.json"]
        .iter()
        .map(|f| serde_json::from_str(&fs::read_to_string(dir.join(f)).unwrap()).unwrap())
        .collect()
}

#[test]
fn erc_2335_keystores() {
    let vectors = erc_vectors();
    for v in &vectors {
        let password = v["password"].as_str().unwrap();
        let secret = unhex(v["secret"].as_str().unwrap());
        let text = serde_json::to_string(&v["keystore"]).unwrap();
        let ks = Keystore::from_json(&text).unwrap();
        assert_eq!(*ks.decrypt_secret(password).unwrap(), secret);
        let sk: SecretKey<MinPk> = ks.decrypt(password).unwrap();
        assert_eq!(sk.to_bytes().to_vec(), secret);
        let pubkey = unhex(v["keystore"]["pubkey"].as_str().unwrap());
        assert_eq!(sk.public_key().to_bytes().as_ref().to_vec(), pubkey);
        assert_eq!(ks.public_key::<MinPk>().unwrap().unwrap(), sk.public_key());
        assert_eq!(ks.path(), v["keystore"]["path"].as_str());
        assert!(ks.has_public_key());
        assert_eq!(ks.uuid(), v["keystore"]["uuid"].as_str().unwrap());
        assert_eq!(
            ks.description(),
            v["keystore"]["description"].as_str().unwrap()
        );
        // The password as the ERC encodes it (NFKD) and with control codes opens it too.
        let encoded = String::from_utf8(unhex(v["encoded_password"].as_str().unwrap())).unwrap();
        assert_eq!(*ks.decrypt_secret(&encoded).unwrap(), secret);
        let with_controls = format!("\u{7f}{password}\u{1}\u{9f}");
        assert_eq!(*ks.decrypt_secret(&with_controls).unwrap(), secret);
        assert_eq!(
            ks.decrypt_secret("testpassword").err(),
            Some(Error::WrongPassword)
        );
        // Writing and reading back keeps every field; the JSON matches the ERC's values.
        let again = Keystore::from_json(&ks.to_json()).unwrap();
        assert_eq!(again, ks);
        let written: Value = serde_json::from_str(&ks.to_json()).unwrap();
        assert_eq!(written["crypto"], v["keystore"]["crypto"]);
        assert_eq!(written["pubkey"], v["keystore"]["pubkey"]);
        assert_eq!(written["version"], json!(4));
    }
    if !vectors.is_empty() {
        assert_eq!(vectors.len(), 2);
        println!("eip2335: 2 of 2 ERC keystores (scrypt, pbkdf2) decrypt to the ERC's secret");
    }
}

/// A keystore computed here from the primitives (PBKDF2, AES-128-CTR, SHA-256) decrypts;
/// The attack the module docs describe: EIP-2335's checksum does not cover the IV, so a
/// changed IV decrypts to another secret. With `pubkey` (which this crate always writes) the
/// decryption is refused; without it the format cannot tell, and `has_public_key` says so.
#[test]
fn a_tampered_iv_is_caught_only_by_the_pubkey() {
    let mut rng = StdRng::seed_from_u64(77);
    let sk = SecretKey::<MinPk>::key_gen(&[7; 32], b"").unwrap();
    let ks = Keystore::encrypt(&sk, "pw", None, "", FAST, &mut rng).unwrap();
    assert!(ks.has_public_key());
    let doc: Value = serde_json::from_str(&ks.to_json()).unwrap();
    let with_iv = |doc: &Value, bit: usize| {
        let mut doc = doc.clone();
        let mut iv = unhex(doc["crypto"]["cipher"]["params"]["iv"].as_str().unwrap());
        iv[bit / 8] ^= 1 << (bit % 8);
        doc["crypto"]["cipher"]["params"]["iv"] = json!(hex::encode(iv));
        Keystore::from_json(&doc.to_string()).unwrap()
    };
    let mut without = doc.clone();
    without.as_object_mut().unwrap().remove("pubkey");
    let mut undetected = 0;
    for bit in 0..128 {
        // With the pubkey: never a key, whatever the IV change gives.
        let decrypted = with_iv(&doc, bit).decrypt::<MinPk>("pw");
        assert!(
            matches!(
                decrypted.as_ref().err(),
                Some(Error::KeystorePublicKeyMismatch | Error::InvalidSecretKey)
            ),
            "bit {bit}: {:?}",
            decrypted.err()
        );
        // Without it: the checksum passes and another key comes out (when the bytes are
        // below r).
        let bare = with_iv(&without, bit);
        assert!(!bare.has_public_key());
        if let Ok(other) = bare.decrypt::<MinPk>("pw") {
            assert!(other != sk, "bit {bit}");
            undetected += 1;
        }
    }
    assert!(undetected > 0, "some IV change decrypts to another key");
}

/// one with a secret that is not a key (≥ r) is refused as such.
#[test]
fn hand_built_keystores() {
    use aes::cipher::{KeyIvInit, StreamCipher};
    use sha2::Digest;
    fn build(secret: &[u8], pubkey: Option<String>) -> String {
        let (salt, iv) = ([5u8; 32], [6u8; 16]);
        let mut dk = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"pw", &salt, 2, &mut dk);
        let mut message = secret.to_vec();
        ctr::Ctr128BE::<aes::Aes128>::new(dk[..16].into(), (&iv).into())
            .apply_keystream(&mut message);
        let checksum = sha2::Sha256::digest([&dk[16..], &message[..]].concat());
        let mut doc = json!({
            "crypto": {
                "kdf": {"function": "pbkdf2", "params": {"dklen": 32, "c": 2, "prf": "hmac-sha256", "salt": hex::encode(salt)}, "message": ""},
                "checksum": {"function": "sha256", "params": {}, "message": hex::encode(checksum)},
                "cipher": {"function": "aes-128-ctr", "params": {"iv": hex::encode(iv)}, "message": hex::encode(&message)}
            },
            "path": "", "uuid": "00000000-0000-4000-8000-000000000000", "version": 4, "name": "extra fields are ignored"
        });
        if let Some(pk) = pubkey {
            doc["pubkey"] = json!(pk);
        }
        doc.to_string()
    }
    let sk = SecretKey::<MinPk>::key_gen(&[1; 32], b"").unwrap();
    let ks = Keystore::from_json(&build(sk.to_bytes().as_ref(), None)).unwrap();
    assert!(ks.decrypt::<MinPk>("pw").unwrap() == sk);
    assert_eq!(ks.path(), None);
    assert_eq!(ks.derivation_path(), None);
    assert!(ks.public_key::<MinPk>().is_none());
    assert!(!ks.has_public_key());
    // The scalar r itself (not below r) and zero are no keys.
    let r = unhex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    let ks = Keystore::from_json(&build(&r, None)).unwrap();
    assert_eq!(
        ks.decrypt::<MinPk>("pw").err(),
        Some(Error::InvalidSecretKey)
    );
    let ks = Keystore::from_json(&build(&[0; 32], None)).unwrap();
    assert_eq!(
        ks.decrypt::<MinPk>("pw").err(),
        Some(Error::InvalidSecretKey)
    );
    let ks = Keystore::from_json(&build(&[1; 31], None)).unwrap();
    assert_eq!(
        ks.decrypt::<MinPk>("pw").err(),
        Some(Error::InvalidLength {
            expected: 32,
            actual: 31
        })
    );
    assert_eq!(ks.decrypt_secret("pw").unwrap().len(), 31);
    // A pubkey that is not the key's: another key, or the right key in the other variant.
    let other = SecretKey::<MinPk>::key_gen(&[2; 32], b"")
        .unwrap()
        .public_key();
    let ks = Keystore::from_json(&build(
        sk.to_bytes().as_ref(),
        Some(hex::encode(other.to_bytes())),
    ))
    .unwrap();
    assert_eq!(
        ks.decrypt::<MinPk>("pw").err(),
        Some(Error::KeystorePublicKeyMismatch)
    );
    let ks = Keystore::from_json(&build(
        sk.to_bytes().as_ref(),
        Some(hex::encode(sk.public_key().to_bytes())),
    ))
    .unwrap();
    assert!(ks.decrypt::<MinPk>("pw").is_ok());
    assert_eq!(
        ks.decrypt::<MinSig>("pw").err(),
        Some(Error::KeystorePublicKeyMismatch)
    );
}

#[test]
fn encrypt_then_decrypt_with_fresh_randomness() {
    let mut rng = StdRng::seed_from_u64(7);
    let seed = [3u8; 32];
    for (kdf, path) in [
        (FAST, Some(Path::signing(2))),
        (Kdf::Pbkdf2 { c: 16 }, None),
    ] {
        let sk: SecretKey<MinPk> = Path::signing(2).derive(&seed).unwrap();
        let a = Keystore::encrypt(&sk, "pässword", path, "test", kdf, &mut rng).unwrap();
        let b = Keystore::encrypt(&sk, "pässword", path, "test", kdf, &mut rng).unwrap();
        let (ja, jb): (Value, Value) = (
            serde_json::from_str(&a.to_json()).unwrap(),
            serde_json::from_str(&b.to_json()).unwrap(),
        );
        for field in [
            "/crypto/kdf/params/salt",
            "/crypto/cipher/params/iv",
            "/crypto/cipher/message",
            "/uuid",
        ] {
            assert_ne!(
                ja.pointer(field),
                jb.pointer(field),
                "{field} must be fresh"
            );
        }
        let uuid = a.uuid();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "4", "version 4 UUID");
        assert!("89ab".contains(&uuid[19..20]), "RFC 4122 variant");
        for ks in [a, b] {
            let read = Keystore::from_json(&ks.to_json()).unwrap();
            assert_eq!(read, ks);
            assert!(read.decrypt::<MinPk>("pässword").unwrap() == sk);
            // The same password in NFKD form (a + combining diaeresis) opens it.
            assert!(read.decrypt::<MinPk>("pa\u{308}ssword").unwrap() == sk);
            assert_eq!(
                read.decrypt::<MinPk>("password").err(),
                Some(Error::WrongPassword)
            );
            assert_eq!(read.kdf(), kdf);
            assert_eq!(read.derivation_path(), path.map(Ok));
            assert_eq!(read.path().map(str::to_owned), path.map(|p| p.to_string()));
            assert!(read.has_public_key());
        }
    }
    // MinSig keys store their 96-byte public key.
    let sk = SecretKey::<MinSig>::key_gen(&[4; 32], b"").unwrap();
    let ks = Keystore::encrypt(&sk, "pw", None, "", FAST, &mut rng).unwrap();
    assert_eq!(ks.public_key::<MinSig>().unwrap().unwrap(), sk.public_key());
    assert!(
        Keystore::from_json(&ks.to_json())
            .unwrap()
            .decrypt::<MinSig>("pw")
            .unwrap()
            == sk
    );
    // A kdf over the bounds is refused when writing too.
    let too_costly = Kdf::Pbkdf2 {
        c: MAX_PBKDF2_ROUNDS + 1,
    };
    assert_eq!(
        Keystore::encrypt(&sk, "pw", None, "", too_costly, &mut rng).err(),
        Some(Error::KeystoreParameterOutOfBounds)
    );
}

/// Each mutation of a valid keystore and the error it must give, checked before any kdf
/// work where the document itself is at fault.
#[test]
fn rejections() {
    let mut rng = StdRng::seed_from_u64(8);
    let sk = SecretKey::<MinPk>::key_gen(&[9; 32], b"").unwrap();
    let base: Value = serde_json::from_str(
        &Keystore::encrypt(&sk, "pw", Some(Path::withdrawal(1)), "", FAST, &mut rng)
            .unwrap()
            .to_json(),
    )
    .unwrap();
    let scrypt_params =
        |n: Value, r: Value, p: Value| json!({"dklen": 32, "n": n, "r": r, "p": p, "salt": "00"});
    let mutations: Vec<(&str, Value, Error)> = vec![
        ("/version", json!(3), Error::UnsupportedKeystoreVersion),
        ("/version", json!("4"), Error::MalformedKeystore),
        (
            "/crypto/kdf/function",
            json!("argon2id"),
            Error::UnsupportedKeystoreFunction,
        ),
        (
            "/crypto/cipher/function",
            json!("aes-256-gcm"),
            Error::UnsupportedKeystoreFunction,
        ),
        (
            "/crypto/checksum/function",
            json!("keccak256"),
            Error::UnsupportedKeystoreFunction,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(1u64 << 30), json!(8), json!(1)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(1000), json!(8), json!(1)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(1u64 << 18), json!(8), json!(1000)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(1u64 << 18), json!(u64::MAX), json!(1)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(1u64 << 63), json!(8), json!(1)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(0), json!(8), json!(1)),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(-16), json!(8), json!(1)),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!(16.0), json!(8), json!(1)),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/kdf/params",
            scrypt_params(json!("16"), json!(8), json!(1)),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/kdf/params/dklen",
            json!(64),
            Error::KeystoreParameterOutOfBounds,
        ),
        (
            "/crypto/kdf/params/salt",
            json!("zz"),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/kdf/params/salt",
            json!("abc"),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/cipher/params/iv",
            json!("00"),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/cipher/params/iv",
            json!(7),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/cipher/message",
            json!(""),
            Error::MalformedKeystore,
        ),
        (
            "/crypto/checksum/message",
            json!("00"),
            Error::MalformedKeystore,
        ),
        ("/uuid", json!("not-a-uuid"), Error::MalformedKeystore),
        (
            "/uuid",
            json!("00000000+0000-4000-8000-000000000000"),
            Error::MalformedKeystore,
        ),
        ("/path", json!(12381), Error::MalformedKeystore),
        ("/pubkey", json!("0xnothex"), Error::MalformedKeystore),
    ];
    for (pointer, value, error) in &mutations {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value.clone();
        assert_eq!(
            Keystore::from_json(&doc.to_string()).err(),
            Some(*error),
            "{pointer} = {value}"
        );
        // The detailed form names the field (our checks) or the position (serde_json's).
        let detailed = Keystore::from_json_detailed(&doc.to_string()).unwrap_err();
        assert_eq!(detailed.error(), *error);
        let field = pointer.rsplit('/').next().unwrap();
        assert!(
            detailed.detail().contains(field) || detailed.detail().contains(" line "),
            "{pointer} = {value}: {detailed}"
        );
        assert_eq!(Error::from(detailed.clone()), *error);
        assert!(detailed.to_string().starts_with(&error.to_string()));
    }
    // EIP-2335's path is informational: any string is kept, and parsed only on request.
    for text in ["m/12381/x", "m/12381'/3600'/0'/0'/0'"] {
        let mut doc = base.clone();
        doc["path"] = json!(text);
        let ks = Keystore::from_json(&doc.to_string()).unwrap();
        assert_eq!(ks.path(), Some(text));
        assert_eq!(ks.derivation_path(), Some(Err(Error::InvalidPath)));
        assert!(ks.to_json().contains(&format!("\"path\": \"{text}\"")));
    }
    // The salt is bounded (1024 bytes), so a hostile file cannot make the kdf hash more.
    for (len, result) in [
        (1024, None),
        (1025, Some(Error::KeystoreParameterOutOfBounds)),
    ] {
        let mut doc = base.clone();
        doc["crypto"]["kdf"]["params"]["salt"] = json!("ab".repeat(len));
        assert_eq!(Keystore::from_json(&doc.to_string()).err(), result, "{len}");
    }
    assert_eq!(blsig::keystore::MAX_SALT_LEN, 1024);
    let mut pbkdf2 = base.clone();
    pbkdf2["crypto"]["kdf"] = json!({"function": "pbkdf2", "params": {"dklen": 32, "c": 1u64 << 23, "prf": "hmac-sha256", "salt": "00"}, "message": ""});
    assert_eq!(
        Keystore::from_json(&pbkdf2.to_string()).err(),
        Some(Error::KeystoreParameterOutOfBounds)
    );
    pbkdf2["crypto"]["kdf"]["params"]["c"] = json!(1u64 << 40);
    assert_eq!(
        Keystore::from_json(&pbkdf2.to_string()).err(),
        Some(Error::KeystoreParameterOutOfBounds)
    );
    pbkdf2["crypto"]["kdf"]["params"]["c"] = json!(16);
    pbkdf2["crypto"]["kdf"]["params"]["prf"] = json!("hmac-sha512");
    assert_eq!(
        Keystore::from_json(&pbkdf2.to_string()).err(),
        Some(Error::UnsupportedKeystoreFunction)
    );
    for field in ["crypto", "path", "uuid", "version"] {
        let mut doc = base.clone();
        doc.as_object_mut().unwrap().remove(field);
        assert_eq!(
            Keystore::from_json(&doc.to_string()).err(),
            Some(Error::MalformedKeystore),
            "without {field}"
        );
    }
    for text in ["", "{", "[]", "null", "{\"version\": 4}"] {
        assert_eq!(
            Keystore::from_json(text).err(),
            Some(Error::MalformedKeystore),
            "{text}"
        );
    }
    // A flipped ciphertext bit fails the checksum: never a garbage key.
    let mut doc = base.clone();
    let message = doc["crypto"]["cipher"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    let flipped = format!(
        "{}{}",
        if message.starts_with('0') { "1" } else { "0" },
        &message[1..]
    );
    doc["crypto"]["cipher"]["message"] = json!(flipped);
    let ks = Keystore::from_json(&doc.to_string()).unwrap();
    assert_eq!(ks.decrypt::<MinPk>("pw").err(), Some(Error::WrongPassword));
    // The untouched keystore still opens.
    assert!(
        Keystore::from_json(&base.to_string())
            .unwrap()
            .decrypt::<MinPk>("pw")
            .unwrap()
            == sk
    );
    println!(
        "keystore rejections: {} mutations + pbkdf2, missing fields, bad JSON, tampering",
        mutations.len()
    );
}
