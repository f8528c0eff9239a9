//! Property tests, for every (variant, scheme) pair.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::{
    Aug, Basic, Error, MinPk, MinSig, Pop, ProofOfPossession, ProvenPublicKey, PublicKey, Scheme,
    SecretKey, Signature, Variant,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// A property stated once, generic over the suite, run for all six.
trait Property {
    fn check<V: Variant, S: Scheme>(&self) -> Result<(), TestCaseError>;
}

fn all_suites(p: &impl Property) -> Result<(), TestCaseError> {
    p.check::<MinPk, Basic>()?;
    p.check::<MinPk, Aug>()?;
    p.check::<MinPk, Pop>()?;
    p.check::<MinSig, Basic>()?;
    p.check::<MinSig, Aug>()?;
    p.check::<MinSig, Pop>()
}

fn key<V: Variant>(ikm: &[u8; 32]) -> SecretKey<V> {
    SecretKey::key_gen(ikm, b"").unwrap()
}

struct RoundTrip {
    ikm: [u8; 32],
    msg: Vec<u8>,
}

impl Property for RoundTrip {
    fn check<V: Variant, S: Scheme>(&self) -> Result<(), TestCaseError> {
        let sk = key::<V>(&self.ikm);
        prop_assert!(SecretKey::<V>::from_bytes(sk.to_bytes().as_ref()).unwrap() == sk);
        let pk = sk.public_key();
        prop_assert_eq!(PublicKey::<V>::from_bytes(pk.to_bytes().as_ref()), Ok(pk));
        prop_assert_eq!(
            PublicKey::<V>::from_uncompressed(pk.to_uncompressed().as_ref()),
            Ok(pk)
        );
        let sig: Signature<V, S> = sk.sign(&self.msg);
        prop_assert_eq!(
            Signature::<V, S>::from_bytes(sig.to_bytes().as_ref()),
            Ok(sig)
        );
        prop_assert_eq!(
            Signature::<V, S>::from_uncompressed(sig.to_uncompressed().as_ref()),
            Ok(sig)
        );
        let pop = sk.prove_possession();
        prop_assert_eq!(
            ProofOfPossession::<V>::from_bytes(pop.to_bytes().as_ref()),
            Ok(pop)
        );
        Ok(())
    }
}

struct SignVerify {
    ikm: [u8; 32],
    msg: Vec<u8>,
    other: Vec<u8>,
    flip: (usize, u8),
}

impl Property for SignVerify {
    fn check<V: Variant, S: Scheme>(&self) -> Result<(), TestCaseError> {
        let sk = key::<V>(&self.ikm);
        let pk = sk.public_key();
        let sig: Signature<V, S> = sk.sign(&self.msg);
        prop_assert_eq!(pk.verify(&self.msg, &sig), Ok(()));
        // Deterministic: signing twice gives the same bytes.
        prop_assert_eq!(sk.sign::<S>(&self.msg), sig);
        if self.other != self.msg {
            prop_assert_eq!(pk.verify(&self.other, &sig), Err(Error::VerificationFailed));
        }
        // Any flipped bit pattern in any byte: the signature no longer decodes, or fails.
        let mut bytes = sig.to_bytes().as_ref().to_vec();
        let i = self.flip.0 % bytes.len();
        bytes[i] ^= self.flip.1;
        let tampered = Signature::<V, S>::from_bytes(&bytes).and_then(|s| pk.verify(&self.msg, &s));
        prop_assert!(tampered.is_err());
        // A proof of possession verifies for its key only.
        let proven = pk.verify_possession(&sk.prove_possession());
        prop_assert!(proven.is_ok());
        Ok(())
    }
}

struct Aggregation {
    ikms: Vec<[u8; 32]>,
    msgs: Vec<Vec<u8>>,
    rotate: usize,
}

impl Property for Aggregation {
    fn check<V: Variant, S: Scheme>(&self) -> Result<(), TestCaseError> {
        let sks: Vec<SecretKey<V>> = self.ikms.iter().map(key).collect();
        // Proven keys: every scheme's AggregateVerify accepts them (Pop accepts only them).
        let pks: Vec<ProvenPublicKey<V>> = sks
            .iter()
            .map(|sk| {
                sk.public_key()
                    .verify_possession(&sk.prove_possession())
                    .unwrap()
            })
            .collect();
        // Distinct messages, so the Basic scheme accepts them too.
        let msgs: Vec<Vec<u8>> = self
            .msgs
            .iter()
            .enumerate()
            .map(|(i, m)| [m.as_slice(), &[i as u8]].concat())
            .collect();
        let sigs: Vec<Signature<V, S>> = sks.iter().zip(&msgs).map(|(sk, m)| sk.sign(m)).collect();
        let agg = Signature::aggregate(&sigs).unwrap();
        // Order-independent.
        let mut rotated = sigs.clone();
        rotated.rotate_left(self.rotate % sigs.len());
        prop_assert_eq!(Signature::aggregate(&rotated), Ok(agg));
        // Aggregate of one is itself.
        prop_assert_eq!(Signature::aggregate(&sigs[..1]), Ok(sigs[0]));
        // Aggregating the encodings (one subgroup check on the sum) gives the same point.
        let encoded: Vec<Vec<u8>> = sigs
            .iter()
            .map(|s| s.to_bytes().as_ref().to_vec())
            .collect();
        let encoded: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
        prop_assert_eq!(Signature::<V, S>::aggregate_from_bytes(&encoded), Ok(agg));
        let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
        prop_assert_eq!(agg.aggregate_verify(&pks, &refs), Ok(()));
        // Pairing a key with another signer's message fails.
        if pks.len() > 1 {
            let mut swapped = refs.clone();
            swapped.swap(0, 1);
            prop_assert_eq!(
                agg.aggregate_verify(&pks, &swapped),
                Err(Error::VerificationFailed)
            );
        }
        // Dropping one signer fails.
        if pks.len() > 1 {
            prop_assert_eq!(
                agg.aggregate_verify(&pks[1..], &refs[1..]),
                Err(Error::VerificationFailed)
            );
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        // Failing cases are saved beside this file (tests/<name>.proptest-regressions) and
        // replayed first on every run; commit them.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn encodings_round_trip(ikm in any::<[u8; 32]>(), msg in proptest::collection::vec(any::<u8>(), 0..64)) {
        all_suites(&RoundTrip { ikm, msg })?;
    }

    #[test]
    fn sign_then_verify_and_tampering_fails(
        ikm in any::<[u8; 32]>(),
        msg in proptest::collection::vec(any::<u8>(), 0..64),
        other in proptest::collection::vec(any::<u8>(), 0..64),
        flip in (any::<usize>(), 1u8..),
    ) {
        all_suites(&SignVerify { ikm, msg, other, flip })?;
    }

    #[test]
    fn aggregation(
        ikms in proptest::collection::vec(any::<[u8; 32]>(), 1..5),
        msgs in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..16), 5),
        rotate in any::<usize>(),
    ) {
        let msgs = msgs[..ikms.len()].to_vec();
        all_suites(&Aggregation { ikms, msgs, rotate })?;
    }

    #[test]
    fn fast_aggregate_matches_aggregate_verify(
        ikms in proptest::collection::vec(any::<[u8; 32]>(), 1..5),
        msg in proptest::collection::vec(any::<u8>(), 0..32),
    ) {
        let sks: Vec<SecretKey<MinPk>> = ikms.iter().map(key).collect();
        let proven: Vec<_> = sks.iter().map(|sk| sk.public_key().verify_possession(&sk.prove_possession()).unwrap()).collect();
        let agg = Signature::aggregate(&sks.iter().map(|sk| sk.sign::<Pop>(&msg)).collect::<Vec<_>>()).unwrap();
        let fav = agg.fast_aggregate_verify(&proven, &msg);
        let av = agg.aggregate_verify(&proven, &vec![msg.as_slice(); proven.len()]);
        // Equal keys may sum to a key that is fine; identity sums are impossible for random keys.
        prop_assert_eq!(fav, Ok(()));
        prop_assert_eq!(av, Ok(()));
        // The same check against the keys aggregated once and kept.
        let cached = ProvenPublicKey::aggregate(&proven).unwrap();
        prop_assert_eq!(cached.fast_aggregate_verify(&msg, &agg), Ok(()));
        prop_assert_eq!(cached.fast_aggregate_verify(b"other", &agg), Err(Error::VerificationFailed));
    }
}
