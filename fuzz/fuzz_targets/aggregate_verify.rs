//! Aggregate, AggregateVerify, FastAggregateVerify, batch verification and the Ethereum
//! helpers on arbitrary structured input (any lengths, duplicates, identity points): never
//! panics, and a batch accepts exactly when every queued item verifies alone.
#![no_main]

use blsig::eth::{EthSignature, eth_aggregate_pubkeys, eth_fast_aggregate_verify};
use blsig::{Basic, BatchVerifier, MinPk, Pop, ProvenPublicKey, PublicKey, SecretKey, Signature};
use blsig_fuzz::inputs::aggregate_verify::Input;
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;
use rand::rngs::StdRng;

fuzz_target!(|input: Input| {
    let pks: Vec<PublicKey<MinPk>> = input
        .pks
        .iter()
        .filter_map(|b| PublicKey::from_bytes(b).ok())
        .collect();
    let msgs: Vec<&[u8]> = input.msgs.iter().map(Vec::as_slice).take(8).collect();
    let sigs: Vec<EthSignature> = input
        .sigs
        .iter()
        .filter_map(|b| EthSignature::from_bytes(b).ok())
        .collect();
    let pks = &pks[..pks.len().min(8)];
    let encoded: Vec<&[u8]> = input.sigs.iter().map(Vec::as_slice).take(8).collect();
    if let Ok(agg) = EthSignature::aggregate_from_bytes(&encoded) {
        // Summed without per-signature subgroup checks; the sum itself is checked.
        assert_eq!(EthSignature::from_bytes(agg.to_bytes().as_ref()), Ok(agg));
    }
    if let Ok(agg) = EthSignature::aggregate(&sigs) {
        let proven: Vec<_> = pks
            .iter()
            .copied()
            .map(ProvenPublicKey::assume_proven)
            .collect();
        let _ = agg.aggregate_verify(&proven, &msgs);
        let msg = msgs.first().copied().unwrap_or_default();
        let _ = agg.fast_aggregate_verify(&proven, msg);
        let _ = eth_fast_aggregate_verify(&proven, msg, &agg);
        let basic = Signature::<MinPk, Basic>::from_bytes(agg.to_bytes().as_ref());
        if let Ok(basic) = basic {
            let _ = basic.aggregate_verify(pks, &msgs);
        }
    }
    let _ = eth_aggregate_pubkeys(pks);

    // Batch: real signatures (some tampered) and every decoded key with raw signature bytes.
    let made: Vec<(PublicKey<MinPk>, Vec<u8>, Vec<u8>)> = input
        .signed
        .iter()
        .take(4)
        .filter_map(|&(seed, m, tamper)| {
            let sk = SecretKey::<MinPk>::key_gen(&[seed; 32], b"").ok()?;
            let msg = vec![m % 3; 8];
            let signed = if tamper { vec![0xff] } else { msg.clone() };
            Some((
                sk.public_key(),
                msg,
                sk.sign::<Pop>(&signed).to_bytes().as_ref().to_vec(),
            ))
        })
        .collect();
    let mut triples: Vec<(PublicKey<MinPk>, &[u8], &[u8])> = made
        .iter()
        .map(|(pk, m, s)| (*pk, m.as_slice(), s.as_slice()))
        .collect();
    triples.extend(
        pks.iter()
            .zip(msgs.iter().cycle())
            .zip(input.sigs.iter())
            .map(|((pk, m), s)| (*pk, *m, s.as_slice())),
    );
    let mut batch = BatchVerifier::<MinPk, Pop>::new();
    let results = batch.queue_many_bytes(&triples);
    // What each queued item does alone, in queueing order.
    let alone: Vec<bool> = triples
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_ok())
        .map(|((pk, m, s), _)| EthSignature::from_bytes(s).is_ok_and(|s| pk.verify(m, &s).is_ok()))
        .collect();
    if batch.is_empty() {
        assert!(batch.verify_deterministic().is_err());
        return;
    }
    assert_eq!(
        batch.verify_deterministic().is_ok(),
        alone.iter().all(|ok| *ok)
    );
    let mut rng = StdRng::seed_from_u64(0);
    let invalid = batch.find_invalid(&mut rng).unwrap_or_default();
    let expected: Vec<usize> = alone
        .iter()
        .enumerate()
        .filter(|(_, ok)| !**ok)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(invalid, expected);
});
