//! Signature and proof-of-possession decoding, both variants and encodings: never panics,
//! and whatever decodes re-encodes to the same bytes.
#![no_main]

use blsig::{Basic, MinPk, MinSig, ProofOfPossession, Signature, Variant};
use libfuzzer_sys::fuzz_target;

fn check<V: Variant>(data: &[u8]) {
    if let Ok(sig) = Signature::<V, Basic>::from_bytes(data) {
        assert_eq!(sig.to_bytes().as_ref(), data);
    }
    if let Ok(sig) = Signature::<V, Basic>::from_uncompressed(data) {
        assert_eq!(sig.to_uncompressed().as_ref(), data);
    }
    if let Ok(pop) = ProofOfPossession::<V>::from_bytes(data) {
        assert_eq!(pop.to_bytes().as_ref(), data);
    }
}

fuzz_target!(|data: &[u8]| {
    check::<MinPk>(data);
    check::<MinSig>(data);
});
