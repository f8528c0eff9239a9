//! `PreparedPublicKey::verify` gives exactly `PublicKey::verify`'s answers, for both
//! variants and all three schemes, on valid signatures, other messages, other keys' and
//! other schemes' signatures.
// Harness code: a failed setup step is the run's failure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "alloc")]

use blsig::{
    Aug, Basic, MinPk, MinSig, Pop, PreparedPublicKey, Scheme, SecretKey, Signature, Variant,
};
use proptest::prelude::*;

fn agree<V: Variant, S: Scheme>(seed: u8, msg: &[u8], other: &[u8]) -> Result<(), TestCaseError> {
    let sk = SecretKey::<V>::key_gen(&[seed; 32], b"").unwrap();
    let sk2 = SecretKey::<V>::key_gen(&[seed.wrapping_add(1); 32], b"").unwrap();
    let pk = sk.public_key();
    let prepared = PreparedPublicKey::new(&pk);
    prop_assert_eq!(prepared.public_key(), &pk);
    let sig: Signature<V, S> = sk.sign(msg);
    let foreign: Signature<V, S> = sk2.sign(msg);
    for (m, s) in [(msg, &sig), (other, &sig), (msg, &foreign)] {
        prop_assert_eq!(prepared.verify(m, s), pk.verify(m, s));
    }
    prop_assert!(prepared.verify(msg, &sig).is_ok());
    // The identity signature is rejected by both.
    let identity = Signature::<V, S>::from_bytes(&{
        let mut b = vec![0u8; sig.to_bytes().as_ref().len()];
        b[0] = 0xc0;
        b
    })
    .unwrap();
    prop_assert_eq!(prepared.verify(msg, &identity), pk.verify(msg, &identity));
    prop_assert!(pk.verify(msg, &identity).is_err());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn prepared_and_plain_verification_agree(seed in any::<u8>(), msg in prop::collection::vec(any::<u8>(), 0..40), other in prop::collection::vec(any::<u8>(), 0..40)) {
        prop_assume!(msg != other);
        agree::<MinSig, Basic>(seed, &msg, &other)?;
        agree::<MinSig, Aug>(seed, &msg, &other)?;
        agree::<MinSig, Pop>(seed, &msg, &other)?;
        agree::<MinPk, Basic>(seed, &msg, &other)?;
        agree::<MinPk, Aug>(seed, &msg, &other)?;
        agree::<MinPk, Pop>(seed, &msg, &other)?;
    }
}
