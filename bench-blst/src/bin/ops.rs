//! Single operations against blst and against the substrate (`bls12_381` used directly:
//! the old code path of each operation), interleaved in one process, medians:
//! sign, SkToPk, PopProve, public-key and signature decoding, verify from bytes; then the
//! pure-Rust peers `bls-signatures` 0.15 (on zkcrypto `pairing`, not blst) and `w3f-bls`
//! 0.3 (arkworks; `TinyBLS381`, keys in G1) for sign, SkToPk and verify. The peers hash
//! under their own DSTs (bls-signatures: the Basic suite; w3f-bls: its own with a
//! context), so their rows compare time only; ours and blst's signatures are checked equal.
//!
//! `cargo run --release -p blsig-blst-compare --bin ops [-- REPS]`.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::hint::black_box;

use bls12_381::hash_to_curve::{ExpandMsgXmd, HashToCurve};
use bls12_381::{
    G1Affine, G1Projective, G2Affine, G2Prepared, G2Projective, Scalar, multi_miller_loop,
};
use blsig::{MinPk, MinSig, Pop, PublicKey, SecretKey, Signature};
use group::{Curve, Group};

const POP_G2: &[u8] = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
const POP_G1: &[u8] = b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";
const POP_PROOF_G2: &[u8] = b"BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
const MSG: &[u8] = b"a message of moderate length, as a block root would be";

#[path = "../timing.rs"]
mod timing;
use timing::{race, row};

fn scalar_of(sk: &SecretKey<MinPk>) -> Scalar {
    let mut le = *sk.to_bytes();
    le.reverse();
    Scalar::from_bytes(&le).unwrap()
}

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(9);
    let sk = SecretKey::<MinPk>::key_gen(&[7u8; 32], b"").unwrap();
    let sk_sig = SecretKey::<MinSig>::key_gen(&[7u8; 32], b"").unwrap();
    let k = scalar_of(&sk);
    let bsk = blst::min_pk::SecretKey::from_bytes(sk.to_bytes().as_ref()).unwrap();
    let bsk_sig = blst::min_sig::SecretKey::from_bytes(sk_sig.to_bytes().as_ref()).unwrap();
    let pk = sk.public_key();
    let pk_bytes: [u8; 48] = pk.to_bytes().as_ref().try_into().unwrap();
    let sig: Signature<MinPk, Pop> = sk.sign(MSG);
    let sig_bytes: [u8; 96] = sig.to_bytes().as_ref().try_into().unwrap();
    assert_eq!(bsk.sign(MSG, POP_G2, &[]).to_bytes(), sig_bytes);

    println!(
        "blsig vs blst 0.3 and bls12_381 0.9 used directly; {reps} interleaved rounds, medians, µs per call"
    );
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "operation", "blsig", "blst", "substrate"
    );

    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(sk.sign::<Pop>(black_box(MSG)));
            },
            &mut || {
                black_box(bsk.sign(black_box(MSG), POP_G2, &[]));
            },
            &mut || {
                let h = <G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [black_box(MSG)],
                    POP_G2,
                );
                black_box((h * k).to_affine());
            },
        ],
    );
    row("sign, min-pk (G2)", &t);
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(sk_sig.sign::<Pop>(black_box(MSG)));
            },
            &mut || {
                black_box(bsk_sig.sign(black_box(MSG), POP_G1, &[]));
            },
            &mut || {
                let h = <G1Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [black_box(MSG)],
                    POP_G1,
                );
                black_box((h * k).to_affine());
            },
        ],
    );
    row("sign, min-sig (G1)", &t);
    let t = race(
        reps,
        50,
        &mut [
            &mut || {
                black_box(black_box(&sk).public_key());
            },
            &mut || {
                black_box(black_box(&bsk).sk_to_pk());
            },
            &mut || {
                black_box((G1Projective::generator() * black_box(k)).to_affine());
            },
        ],
    );
    row("SkToPk, min-pk (G1)", &t);
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(black_box(&sk_sig).public_key());
            },
            &mut || {
                black_box(black_box(&bsk_sig).sk_to_pk());
            },
            &mut || {
                black_box((G2Projective::generator() * black_box(k)).to_affine());
            },
        ],
    );
    row("SkToPk, min-sig (G2)", &t);
    let t = race(
        reps,
        10,
        &mut [
            &mut || {
                black_box(black_box(&sk).prove_possession());
            },
            &mut || {
                let pk = bsk.sk_to_pk();
                black_box(bsk.sign(&pk.to_bytes(), POP_PROOF_G2, &[]));
            },
            &mut || {
                let pk = (G1Projective::generator() * k).to_affine();
                let h = <G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [&pk.to_compressed()[..]],
                    POP_PROOF_G2,
                );
                black_box((h * k).to_affine());
            },
        ],
    );
    row("PopProve, min-pk", &t);
    let t = race(
        reps,
        50,
        &mut [
            &mut || {
                black_box(PublicKey::<MinPk>::from_bytes(black_box(&pk_bytes)).unwrap());
            },
            &mut || {
                black_box(blst::min_pk::PublicKey::key_validate(black_box(&pk_bytes)).unwrap());
            },
            &mut || {
                black_box(G1Affine::from_compressed(black_box(&pk_bytes)).unwrap());
            },
        ],
    );
    row("decode public key (G1, subgroup check)", &t);
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(Signature::<MinPk, Pop>::from_bytes(black_box(&sig_bytes)).unwrap());
            },
            &mut || {
                let s = blst::min_pk::Signature::from_bytes(black_box(&sig_bytes)).unwrap();
                s.validate(true).unwrap();
                black_box(s);
            },
            &mut || {
                black_box(G2Affine::from_compressed(black_box(&sig_bytes)).unwrap());
            },
        ],
    );
    row("decode signature (G2, subgroup check)", &t);
    let neg_g = -G1Affine::generator();
    let t = race(
        reps,
        5,
        &mut [
            &mut || {
                let pk = PublicKey::<MinPk>::from_bytes(&pk_bytes).unwrap();
                let sig = Signature::<MinPk, Pop>::from_bytes(&sig_bytes).unwrap();
                pk.verify(black_box(MSG), &sig).unwrap();
            },
            &mut || {
                let pk = blst::min_pk::PublicKey::key_validate(&pk_bytes).unwrap();
                let sig = blst::min_pk::Signature::from_bytes(&sig_bytes).unwrap();
                assert_eq!(
                    sig.verify(true, black_box(MSG), POP_G2, &[], &pk, false),
                    blst::BLST_ERROR::BLST_SUCCESS
                );
            },
            &mut || {
                let pk = G1Affine::from_compressed(&pk_bytes).unwrap();
                assert!(!bool::from(pk.is_identity()));
                let sig = G2Affine::from_compressed(&sig_bytes).unwrap();
                let h = <G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [black_box(MSG)],
                    POP_G2,
                )
                .to_affine();
                let (hp, sp) = (G2Prepared::from(h), G2Prepared::from(sig));
                assert!(bool::from(
                    multi_miller_loop(&[(&pk, &hp), (&neg_g, &sp)])
                        .final_exponentiation()
                        .is_identity()
                ));
            },
        ],
    );
    row("verify from bytes, min-pk", &t);

    aggregates(reps);

    peers(reps, &sk);

    // Where Sign's time goes (min-pk): hashing to G2 and the multiplication by the key.
    let h = <G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve([MSG], POP_G2)
        .to_affine();
    let h_ours = blsig::G2Affine::from_compressed(&h.to_compressed()).unwrap();
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(blsig::hazmat::sign_hashed(&sk, black_box(&h_ours)));
            },
            &mut || {
                black_box((G2Projective::from(black_box(h)) * k).to_affine());
            },
        ],
    );
    row("  of which k·H(m) in G2 (vs substrate)", &t);
    let t = race(
        reps,
        20,
        &mut [&mut || {
            black_box(
                <G2Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [black_box(MSG)],
                    POP_G2,
                ),
            );
        }],
    );
    row("  of which hash_to_curve G2 (substrate)", &t);

    // min-sig verification: plain, with a prepared key, blst, the substrate directly.
    let pk_sig = sk_sig.public_key();
    let prepared = blsig::PreparedPublicKey::new(&pk_sig);
    let sig_sig: Signature<MinSig, Pop> = sk_sig.sign(MSG);
    let sig_sig_bytes: [u8; 48] = sig_sig.to_bytes().as_ref().try_into().unwrap();
    let pk_sig_bytes: [u8; 96] = pk_sig.to_bytes().as_ref().try_into().unwrap();
    let bpk_sig = blst::min_sig::PublicKey::key_validate(&pk_sig_bytes).unwrap();
    let neg_g2 = -G2Affine::generator();
    let pk_sig_affine = G2Affine::from_compressed(&pk_sig_bytes).unwrap();
    let t = race(
        reps,
        5,
        &mut [
            &mut || {
                let sig = Signature::<MinSig, Pop>::from_bytes(&sig_sig_bytes).unwrap();
                pk_sig.verify(black_box(MSG), &sig).unwrap();
            },
            &mut || {
                let sig = blst::min_sig::Signature::from_bytes(&sig_sig_bytes).unwrap();
                assert_eq!(
                    sig.verify(true, black_box(MSG), POP_G1, &[], &bpk_sig, false),
                    blst::BLST_ERROR::BLST_SUCCESS
                );
            },
            &mut || {
                let sig = G1Affine::from_compressed(&sig_sig_bytes).unwrap();
                let h = <G1Projective as HashToCurve<ExpandMsgXmd<sha2::Sha256>>>::hash_to_curve(
                    [black_box(MSG)],
                    POP_G1,
                )
                .to_affine();
                let (kp, gp) = (G2Prepared::from(pk_sig_affine), G2Prepared::from(neg_g2));
                assert!(bool::from(
                    multi_miller_loop(&[(&h, &kp), (&sig, &gp)])
                        .final_exponentiation()
                        .is_identity()
                ));
            },
            &mut || {
                let sig = Signature::<MinSig, Pop>::from_bytes(&sig_sig_bytes).unwrap();
                prepared.verify(black_box(MSG), &sig).unwrap();
            },
        ],
    );
    row("verify min-sig (decoded key): plain", &t[..3]);
    row("verify min-sig: prepared ÷ plain", &[t[3], t[0]]);
}

/// The pure-Rust peers, min-pk: sign, SkToPk, verify from bytes (their encodings).
fn peers(reps: usize, sk: &SecretKey<MinPk>) {
    use w3f_bls::{Keypair, Message, SerializableToBytes, TinyBLS381};
    println!();
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "pure-Rust peers (min-pk)", "blsig", "bls-sigs", "w3f-bls"
    );
    let bs = bls_signatures::PrivateKey::new([7u8; 32]);
    let mut w3f = Keypair::<TinyBLS381>::generate(rand08::thread_rng());
    let message = Message::new(b"", MSG);
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(sk.sign::<blsig::Basic>(black_box(MSG)));
            },
            &mut || {
                black_box(bs.sign(black_box(MSG)));
            },
            &mut || {
                black_box(w3f.sign(black_box(&message)));
            },
        ],
    );
    row("sign", &t);
    let w3f_secret = w3f.secret.clone();
    let t = race(
        reps,
        20,
        &mut [
            &mut || {
                black_box(black_box(sk).public_key());
            },
            &mut || {
                black_box(black_box(&bs).public_key());
            },
            &mut || {
                black_box(black_box(&w3f_secret).to_public());
            },
        ],
    );
    row("SkToPk", &t);
    let ours_pk = sk.public_key().to_bytes();
    let ours_sig = sk.sign::<blsig::Basic>(MSG).to_bytes();
    let bs_pk = bls_signatures::Serialize::as_bytes(&bs.public_key());
    let bs_sig = bls_signatures::Serialize::as_bytes(&bs.sign(MSG));
    let w3f_pk = w3f.public.to_bytes();
    let w3f_sig = w3f.sign(&message).to_bytes();
    let t = race(
        reps,
        5,
        &mut [
            &mut || {
                let pk = PublicKey::<MinPk>::from_bytes(ours_pk.as_ref()).unwrap();
                let sig = Signature::<MinPk, blsig::Basic>::from_bytes(ours_sig.as_ref()).unwrap();
                pk.verify(black_box(MSG), &sig).unwrap();
            },
            &mut || {
                let pk =
                    <bls_signatures::PublicKey as bls_signatures::Serialize>::from_bytes(&bs_pk)
                        .unwrap();
                let sig =
                    <bls_signatures::Signature as bls_signatures::Serialize>::from_bytes(&bs_sig)
                        .unwrap();
                assert!(bls_signatures::verify_messages(
                    &sig,
                    &[black_box(MSG)],
                    &[pk]
                ));
            },
            &mut || {
                let pk = w3f_bls::PublicKey::<TinyBLS381>::from_bytes(&w3f_pk).unwrap();
                let sig = w3f_bls::Signature::<TinyBLS381>::from_bytes(&w3f_sig).unwrap();
                assert!(sig.verify(black_box(&message), &pk));
            },
        ],
    );
    row("verify from bytes", &t);
}

/// FastAggregateVerify over 64 proven keys (one message) and AggregateVerify over 64
/// distinct messages, min-pk Pop; the aggregate signature from bytes (decoded and
/// subgroup-checked in the measurement by both), the keys decoded beforehand.
fn aggregates(reps: usize) {
    const N: usize = 64;
    let sks: Vec<SecretKey<MinPk>> = (0..N)
        .map(|i| SecretKey::key_gen(&[i as u8 + 1; 32], b"").unwrap())
        .collect();
    let proven: Vec<_> = sks
        .iter()
        .map(|sk| {
            sk.public_key()
                .verify_possession(&sk.prove_possession())
                .unwrap()
        })
        .collect();
    let bpks: Vec<blst::min_pk::PublicKey> = sks
        .iter()
        .map(|sk| {
            blst::min_pk::PublicKey::key_validate(sk.public_key().to_bytes().as_ref()).unwrap()
        })
        .collect();
    let brefs: Vec<&blst::min_pk::PublicKey> = bpks.iter().collect();

    // The aggregate of the keys' signatures on messages[i % len], as bytes.
    let aggregate_bytes = |messages: &[&[u8]]| -> [u8; 96] {
        let sigs: Vec<Signature<MinPk, Pop>> = (sks.iter().enumerate())
            .map(|(i, sk)| sk.sign(messages[i % messages.len()]))
            .collect();
        let agg = Signature::aggregate(&sigs).unwrap();
        agg.to_bytes().as_ref().try_into().unwrap()
    };
    let agg_bytes = aggregate_bytes(&[MSG]);
    let t = race(
        reps,
        5,
        &mut [
            &mut || {
                let sig = Signature::<MinPk, Pop>::from_bytes(&agg_bytes).unwrap();
                sig.fast_aggregate_verify(&proven, black_box(MSG)).unwrap();
            },
            &mut || {
                let sig = blst::min_pk::Signature::from_bytes(&agg_bytes).unwrap();
                assert_eq!(
                    sig.fast_aggregate_verify(true, black_box(MSG), POP_G2, &brefs),
                    blst::BLST_ERROR::BLST_SUCCESS
                );
            },
        ],
    );
    row("FastAggregateVerify, 64 keys", &t);

    let msgs: Vec<Vec<u8>> = (0..N)
        .map(|i| format!("message {i}").into_bytes())
        .collect();
    let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
    let agg_bytes = aggregate_bytes(&refs);
    let t = race(
        reps,
        1,
        &mut [
            &mut || {
                let sig = Signature::<MinPk, Pop>::from_bytes(&agg_bytes).unwrap();
                sig.aggregate_verify(&proven, black_box(&refs)).unwrap();
            },
            &mut || {
                let sig = blst::min_pk::Signature::from_bytes(&agg_bytes).unwrap();
                assert_eq!(
                    sig.aggregate_verify(true, black_box(&refs), POP_G2, &brefs, false),
                    blst::BLST_ERROR::BLST_SUCCESS
                );
            },
        ],
    );
    row("AggregateVerify, 64 distinct messages", &t);
}
