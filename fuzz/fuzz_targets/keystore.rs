//! EIP-2334 paths, EIP-2335 keystore JSON and serde decoding on arbitrary text: nothing
//! panics; what parses re-encodes to itself; a parsed keystore with a cheap kdf decrypts to
//! a key or to a precise error, never a panic.
#![no_main]

use blsig::derive::Path;
use blsig::keystore::{Kdf, Keystore};
use blsig::{Error, MinPk, Pop, PublicKey, Signature};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(path) = Path::parse(text) {
        assert_eq!(path.to_string(), text);
        assert_eq!(Path::parse(&path.to_string()), Ok(path));
    }
    if let Ok(pk) = serde_json::from_str::<PublicKey<MinPk>>(text) {
        let json = serde_json::to_string(&pk).unwrap();
        assert_eq!(serde_json::from_str::<PublicKey<MinPk>>(&json).unwrap(), pk);
    }
    let _ = serde_json::from_str::<Signature<MinPk, Pop>>(text);
    // The detailed parser is the same parser: same verdict, same error.
    assert_eq!(
        Keystore::from_json_detailed(text).map_err(|e| e.error()),
        Keystore::from_json(text)
    );
    if let Ok(keystore) = Keystore::from_json(text) {
        let again = Keystore::from_json(&keystore.to_json()).expect("written keystores parse");
        assert_eq!(again, keystore);
        let cheap = match keystore.kdf() {
            Kdf::Scrypt { log_n, r, p } => u64::from(log_n) <= 8 && r * p <= 16,
            Kdf::Pbkdf2 { c } => c <= 256,
        };
        if cheap {
            match keystore.decrypt::<MinPk>("password") {
                Ok(_)
                | Err(Error::WrongPassword)
                | Err(Error::InvalidLength { .. })
                | Err(Error::InvalidSecretKey)
                | Err(Error::KeystorePublicKeyMismatch) => {}
                Err(other) => panic!("unexpected error {other:?}"),
            }
        }
    }
});
