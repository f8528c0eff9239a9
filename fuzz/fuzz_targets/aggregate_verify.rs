//! Aggregate, AggregateVerify, FastAggregateVerify and the Ethereum helpers on arbitrary
//! structured input (any lengths, duplicates, identity points): never panics.
#![no_main]

use blsig::eth::{EthSignature, eth_aggregate_pubkeys, eth_fast_aggregate_verify};
use blsig::{Basic, MinPk, ProvenPublicKey, PublicKey, Signature};
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    pks: Vec<Vec<u8>>,
    msgs: Vec<Vec<u8>>,
    sigs: Vec<Vec<u8>>,
}

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
    if let Ok(agg) = EthSignature::aggregate(&sigs) {
        let _ = agg.aggregate_verify(pks, &msgs);
        let proven: Vec<_> = pks
            .iter()
            .copied()
            .map(ProvenPublicKey::assume_proven)
            .collect();
        let msg = msgs.first().copied().unwrap_or_default();
        let _ = agg.fast_aggregate_verify(&proven, msg);
        let _ = eth_fast_aggregate_verify(&proven, msg, &agg);
        let basic = Signature::<MinPk, Basic>::from_bytes(agg.to_bytes().as_ref());
        if let Ok(basic) = basic {
            let _ = basic.aggregate_verify(pks, &msgs);
        }
    }
    let _ = eth_aggregate_pubkeys(pks);
});
