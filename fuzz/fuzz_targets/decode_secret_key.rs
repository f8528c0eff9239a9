//! Secret-key decoding and KeyGen on arbitrary input: never panics; decoded keys round-trip.
#![no_main]

use blsig::{MinPk, SecretKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sk) = SecretKey::<MinPk>::from_bytes(data) {
        assert_eq!(sk.to_bytes().as_slice(), data);
    }
    let _ = SecretKey::<MinPk>::key_gen(data, b"");
    let _ = SecretKey::<MinPk>::key_gen_draft03(data, b"");
});
