//! Verify and PopVerify on arbitrary keys, messages and signatures: never panics. A
//! signature made by the fuzzer's own key always verifies, and never under another message.
#![no_main]

use blsig::{
    Aug, Basic, MinPk, MinSig, Pop, ProofOfPossession, PublicKey, Scheme, SecretKey, Signature,
    Variant,
};
use blsig_fuzz::inputs::verify::Input;
use libfuzzer_sys::fuzz_target;

fn check<V: Variant, S: Scheme>(input: &Input) {
    if let (Ok(pk), Ok(sig)) = (
        PublicKey::<V>::from_bytes(&input.pk),
        Signature::<V, S>::from_bytes(&input.sig),
    ) {
        let _ = pk.verify(&input.msg, &sig);
        if let Ok(pop) = ProofOfPossession::<V>::from_bytes(&input.sig) {
            let _ = pk.verify_possession(&pop);
        }
    }
    let Ok(sk) = SecretKey::<V>::key_gen(&input.ikm, b"") else {
        return;
    };
    let pk = sk.public_key();
    let sig = sk.sign::<S>(&input.msg);
    assert!(pk.verify(&input.msg, &sig).is_ok());
    let mut other = input.msg.clone();
    other.push(0);
    assert!(pk.verify(&other, &sig).is_err());
}

fuzz_target!(|input: Input| {
    match input.suite % 6 {
        0 => check::<MinPk, Basic>(&input),
        1 => check::<MinPk, Aug>(&input),
        2 => check::<MinPk, Pop>(&input),
        3 => check::<MinSig, Basic>(&input),
        4 => check::<MinSig, Aug>(&input),
        _ => check::<MinSig, Pop>(&input),
    }
});
