//! Public-key decoding, both variants, both encodings: never panics, and whatever decodes
//! re-encodes to the same bytes (encodings are canonical).
#![no_main]

use blsig::{MinPk, MinSig, PublicKey, Variant};
use libfuzzer_sys::fuzz_target;

fn check<V: Variant>(data: &[u8]) {
    if let Ok(pk) = PublicKey::<V>::from_bytes(data) {
        assert_eq!(pk.to_bytes().as_ref(), data);
    }
    if let Ok(pk) = PublicKey::<V>::from_uncompressed(data) {
        assert_eq!(pk.to_uncompressed().as_ref(), data);
    }
}

fuzz_target!(|data: &[u8]| {
    check::<MinPk>(data);
    check::<MinSig>(data);
});
