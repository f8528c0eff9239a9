//! Differential verification (min-pk, Pop): Verify, AggregateVerify, FastAggregateVerify
//! and the deterministic batch check against an independent verdict computed here with
//! `bls12_381` (the oracle: its hash-to-curve and its plain `pairing` function) —
//! Π e(pkᵢ, H(mᵢ)) = e(g₁, σ) with H the suite's hash — over signatures that are genuine, sums of genuine ones, made by other
//! keys or on other messages, the identity, or arbitrary bytes.
#![no_main]

use std::sync::OnceLock;

use bls12_381::hash_to_curve::{ExpandMsgXmd, HashToCurve};
use bls12_381::{Gt, pairing};
use blsig::{
    BatchVerifier, G1Affine, G2Affine, MinPk, Pop, ProvenPublicKey, SecretKey, Signature,
    ciphersuite_id,
};
use blsig_fuzz::inputs::verify_diff::{Input, Sig};
use libfuzzer_sys::fuzz_target;

struct Pool {
    sks: Vec<SecretKey<MinPk>>,
    keys: Vec<ProvenPublicKey<MinPk>>,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let sks: Vec<SecretKey<MinPk>> = (1..=4u8)
            .map(|i| SecretKey::key_gen(&[0x70 + i; 32], b"verify diff").unwrap())
            .collect();
        let keys = sks
            .iter()
            .map(|sk| {
                sk.public_key()
                    .verify_possession(&sk.prove_possession())
                    .unwrap()
            })
            .collect();
        Pool { sks, keys }
    })
}

/// The oracle's hash of `msg` under the suite's tag.
fn oracle_hash(msg: &[u8]) -> bls12_381::G2Affine {
    let id = ciphersuite_id::<MinPk, Pop>();
    let h = <bls12_381::G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
        [msg],
        &id,
    );
    bls12_381::G2Affine::from(h)
}

/// The independent verdict, all in the oracle: Π e(pkᵢ, H(mᵢ)) == e(g₁, σ), the points
/// carried over by their encodings.
fn independent(pairs: &[(G1Affine, &[u8])], sig: &G2Affine) -> bool {
    let lhs = pairs.iter().fold(Gt::identity(), |acc, (pk, m)| {
        let pk = bls12_381::G1Affine::from_compressed(&pk.to_compressed()).unwrap();
        acc + pairing(&pk, &oracle_hash(m))
    });
    let sig = bls12_381::G2Affine::from_compressed(&sig.to_compressed()).unwrap();
    lhs == pairing(&bls12_381::G1Affine::generator(), &sig)
}

fuzz_target!(|input: Input| {
    let p = pool();
    let items: Vec<(usize, Vec<u8>)> = input
        .items
        .into_iter()
        .take(4)
        .map(|(k, m)| (usize::from(k) % 4, m))
        .collect();
    if items.is_empty() {
        return;
    }
    let mut parts: Vec<Signature<MinPk, Pop>> = Vec::new();
    for part in input.parts.into_iter().take(4) {
        match part {
            Sig::Signed {
                key,
                msg,
                other_message,
            } => {
                let (_, m) = &items[usize::from(msg) % items.len()];
                let mut m = m.clone();
                if other_message {
                    m.push(1);
                }
                parts.push(p.sks[usize::from(key) % 4].sign::<Pop>(&m));
            }
            Sig::Identity => {
                let mut infinity = [0u8; 96];
                infinity[0] = 0xc0;
                parts.push(Signature::from_bytes(&infinity).unwrap());
            }
            Sig::Bytes(b) => {
                if let Ok(s) = Signature::from_bytes(&b) {
                    parts.push(s);
                }
            }
        }
    }
    let Ok(aggregate) = Signature::aggregate(&parts) else {
        assert!(parts.is_empty());
        return;
    };
    let sig = aggregate.as_point();
    let pairs: Vec<(G1Affine, &[u8])> = items
        .iter()
        .map(|(k, m)| (*p.keys[*k].public_key().as_point(), m.as_slice()))
        .collect();

    // AggregateVerify.
    let keys: Vec<ProvenPublicKey<MinPk>> = items.iter().map(|(k, _)| p.keys[*k]).collect();
    let messages: Vec<&[u8]> = items.iter().map(|(_, m)| m.as_slice()).collect();
    assert_eq!(
        aggregate.aggregate_verify(&keys, &messages).is_ok(),
        independent(&pairs, sig),
        "AggregateVerify"
    );
    // Verify and the batch check of the first item against each part.
    let (k0, m0) = &items[0];
    let pk0 = p.keys[*k0].public_key();
    let mut batch = BatchVerifier::<MinPk, Pop>::new();
    let mut all = true;
    for part in &parts {
        let alone = independent(&[pairs[0]], part.as_point());
        assert_eq!(pk0.verify(m0, part).is_ok(), alone, "Verify");
        batch.queue(pk0, m0, part);
        all &= alone;
    }
    assert_eq!(batch.verify_deterministic().is_ok(), all, "batch");
    // FastAggregateVerify: every key on the first message.
    let same: Vec<(G1Affine, &[u8])> = pairs.iter().map(|(pk, _)| (*pk, m0.as_slice())).collect();
    let expected = independent(&same, sig);
    match aggregate.fast_aggregate_verify(&keys, m0) {
        Ok(()) => assert!(expected, "FastAggregateVerify accepted"),
        // Keys that sum to the identity are refused whatever the signature.
        Err(blsig::Error::IdentityPublicKey) => {}
        Err(_) => assert!(!expected, "FastAggregateVerify rejected"),
    }
});
