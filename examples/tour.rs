//! A walk through blsig: key generation, signing, verification, aggregation, proofs of
//! possession and FastAggregateVerify, for both variants, with the time each step took.
//!
//! Run with `cargo run --release --example tour`.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::time::Instant;

use ff::Field as _;

use blsig::{
    Aug, Basic, BatchVerifier, MinPk, MinSig, Pop, ProvenPublicKey, PublicKey, Result, SecretKey,
    Signature, Variant,
};

#[path = "multisig.rs"]
mod multisig;
#[path = "threshold.rs"]
mod threshold;

/// Runs `f`, printing what it did and how long it took.
fn step<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    let out = f()?;
    println!(
        "  {:<58} {:>10.3} ms",
        what,
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(out)
}

fn tour<V: Variant>(pk_group: &str, sig_group: &str) -> Result<()> {
    println!(
        "\n== {} (public keys in {pk_group}, signatures in {sig_group})",
        V::NAME
    );
    let mut rng = rand::rng();
    let sk = step("KeyGen from 32 random bytes", || {
        Ok(SecretKey::<V>::generate(&mut rng))
    })?;
    // The first SkToPk of a process builds the generator's fixed-base table (once; kept for
    // every later SkToPk, key generation and commitment), so it is timed apart.
    step(
        "SkToPk, first call (builds the generator table once)",
        || Ok(sk.public_key()),
    )?;
    let pk = step("SkToPk", || Ok(sk.public_key()))?;
    let pk_bytes = pk.to_bytes();
    println!(
        "  public key ({} bytes): {}…",
        pk_bytes.as_ref().len(),
        hex(&pk_bytes.as_ref()[..12])
    );
    step("KeyValidate (decode a public key)", || {
        PublicKey::<V>::from_bytes(pk_bytes.as_ref())
    })?;

    let msg = b"blsig tour";
    let sig: Signature<V, Basic> = step("Sign (Basic)", || Ok(sk.sign(msg)))?;
    println!(
        "  signature ({} bytes): {}…",
        sig.to_bytes().as_ref().len(),
        hex(&sig.to_bytes().as_ref()[..12])
    );
    step("Verify (Basic)", || pk.verify(msg, &sig))?;
    let forged = pk.verify(b"another message", &sig);
    println!("  verify of another message: {forged:?}");

    let aug: Signature<V, Aug> = step("Sign (message augmentation: signs PK ‖ msg)", || {
        Ok(sk.sign(msg))
    })?;
    step("Verify (message augmentation)", || pk.verify(msg, &aug))?;

    // A committee of 64 signers.
    let n = 64;
    let sks: Vec<SecretKey<V>> = (0..n).map(|_| SecretKey::generate(&mut rng)).collect();
    let pks: Vec<PublicKey<V>> = sks.iter().map(SecretKey::public_key).collect();
    let proofs = step(&format!("PopProve × {n}"), || {
        Ok(sks
            .iter()
            .map(SecretKey::prove_possession)
            .collect::<Vec<_>>())
    })?;
    let proven = step(&format!("PopVerify × {n}"), || {
        pks.iter()
            .zip(&proofs)
            .map(|(pk, proof)| pk.verify_possession(proof))
            .collect::<Result<Vec<_>>>()
    })?;
    let sigs: Vec<Signature<V, Pop>> = step(&format!("Sign (POP) × {n}, one message"), || {
        Ok(sks.iter().map(|sk| sk.sign(msg)).collect())
    })?;
    let agg = step(&format!("Aggregate {n} signatures"), || {
        Signature::aggregate(&sigs)
    })?;
    step(&format!("FastAggregateVerify, {n} proven keys"), || {
        agg.fast_aggregate_verify(&proven, msg)
    })?;
    let committee = step(&format!("Aggregate {n} proven keys once"), || {
        ProvenPublicKey::aggregate(&proven)
    })?;
    step("FastAggregateVerify against the kept aggregate key", || {
        committee.fast_aggregate_verify(msg, &agg)
    })?;
    let encoded: Vec<Vec<u8>> = sigs
        .iter()
        .map(|s| s.to_bytes().as_ref().to_vec())
        .collect();
    let encoded: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
    step(
        &format!("Aggregate {n} encodings (one subgroup check on the sum)"),
        || Signature::<V, Pop>::aggregate_from_bytes(&encoded).map(drop),
    )?;

    let msgs: Vec<Vec<u8>> = (0..n)
        .map(|i| format!("message {i}").into_bytes())
        .collect();
    let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
    let sigs: Vec<Signature<V, Basic>> = sks.iter().zip(&refs).map(|(sk, m)| sk.sign(m)).collect();
    let agg = step(
        &format!("Aggregate {n} signatures on distinct messages"),
        || Signature::aggregate(&sigs),
    )?;
    step(
        &format!("AggregateVerify, {n} distinct messages (one multi-pairing)"),
        || agg.aggregate_verify(&pks, &refs),
    )?;
    let dup = agg.aggregate_verify(&pks[..2], &[refs[0], refs[0]]);
    println!("  Basic AggregateVerify with a repeated message: {dup:?}");

    // Batch verification: 64 independent (key, message, signature) triples, one check.
    let mut batch = BatchVerifier::<V, Basic>::new();
    step(
        &format!("Batch: queue {n} triples (hash each message)"),
        || {
            for ((pk, m), sig) in pks.iter().zip(&refs).zip(&sigs) {
                batch.queue(pk, m, sig);
            }
            Ok(())
        },
    )?;
    step(
        &format!("Batch: verify {n} signatures (one multi-pairing)"),
        || batch.verify(&mut rng),
    )?;
    batch.queue(&pks[0], b"not what was signed", &sigs[1]);
    let bad = step(
        "Batch: find the invalid item after adding a bad one",
        || batch.find_invalid(&mut rng),
    )?;
    println!("  invalid items: {bad:?}");
    Ok(())
}

/// EIP-2333/2334: an Ethereum validator's keys grown from one seed.
fn validator_keys() -> Result<()> {
    use blsig::derive::{Path, derive_master_sk};
    println!("\n== validator keys (EIP-2333 derivation, EIP-2334 paths; min-pk)");
    let seed = [0x5eu8; 32]; // in practice the BIP-39 seed of the operator's mnemonic
    let master: SecretKey<MinPk> = step("derive_master_sk (HKDF_mod_r of the seed)", || {
        derive_master_sk(&seed)
    })?;
    step(
        "derive_child_sk (Lamport keys, 2 × 8,160 bytes of HKDF)",
        || Ok(blsig::derive::derive_child_sk(&master, 0)),
    )?;
    let path = Path::signing(0);
    let sk: SecretKey<MinPk> = step(&format!("derive the signing key at {path}"), || {
        path.derive(&seed)
    })?;
    println!(
        "  {path}: public key {}…",
        hex(&sk.public_key().to_bytes().as_ref()[..12])
    );
    println!("  (EIP-2335 keystores: feature `keystore`; the `blsig` tool: cli/)");
    Ok(())
}

/// The arithmetic engine under blsig (`blsig-curve`): per-operation times of its fields,
/// groups and pairing.
fn engine() {
    use blsig_curve::{Fp, Fp2};
    use std::hint::black_box;
    println!("\n== engine (blsig-curve): fields and groups, per operation");
    let per_op = |what: &str, n: u32, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "  {:<58} {:>10.1} ns",
            what,
            start.elapsed().as_secs_f64() * 1e9 / f64::from(n)
        );
    };
    let mut rng = rand::rng();
    let (a, b) = (Fp::random(&mut rng), Fp::random(&mut rng));
    let (x, y) = (Fp2::random(&mut rng), Fp2::random(&mut rng));
    let mut acc = a;
    per_op("Fp multiply", 200_000, &mut || acc = black_box(acc * b));
    per_op("Fp2 multiply", 100_000, &mut || {
        black_box(black_box(x) * black_box(y));
    });
    per_op("Fp inversion (constant time)", 500, &mut || {
        black_box(black_box(a).invert());
    });
    let square = x.square();
    per_op("Fp2 square root (constant time)", 500, &mut || {
        black_box(black_box(square).sqrt());
    });
    let k = blsig_curve::Scalar::random(&mut rng);
    let g2 = blsig_curve::G2Projective::generator() * k;
    per_op("G2 multiply (constant time, GLS)", 200, &mut || {
        black_box(black_box(g2) * black_box(k));
    });
    let dst = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
    per_op("hash to G2 (RFC 9380)", 200, &mut || {
        black_box(blsig_curve::G2Projective::hash_to_curve(
            black_box(b"tour"),
            dst,
        ));
    });
    let points: Vec<blsig_curve::G1Affine> = (0..256u64)
        .map(|i| {
            (blsig_curve::G1Projective::generator() * blsig_curve::Scalar::from_u64(i + 1))
                .to_affine()
        })
        .collect();
    let weights: Vec<blsig_curve::Scalar> = (0..256)
        .map(|_| blsig_curve::Scalar::random(&mut rng))
        .collect();
    let (p1, q2) = (points[7], (g2 * k).to_affine());
    per_op(
        "pairing e(P, Q) (Miller loop + final exponentiation)",
        50,
        &mut || {
            black_box(blsig_curve::pairing(black_box(&p1), black_box(&q2)));
        },
    );
    per_op(
        "G1 MSM, 256 points × 255-bit scalars (variable time)",
        5,
        &mut || {
            black_box(blsig_curve::G1Projective::msm_vartime(
                points.iter().zip(&weights),
            ));
        },
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() -> Result<()> {
    println!("blsig tour: BLS signatures over BLS12-381 (IETF draft, RFC 9380)");
    println!("ciphersuite examples:");
    for id in [
        blsig::ciphersuite_id::<MinPk, Basic>(),
        blsig::ciphersuite_id::<MinPk, Pop>(),
        blsig::ciphersuite_id::<MinSig, Aug>(),
    ] {
        println!("  {}", String::from_utf8_lossy(&id));
    }
    tour::<MinPk>("G1, 48 bytes", "G2, 96 bytes")?;
    tour::<MinSig>("G2, 96 bytes", "G1, 48 bytes")?;
    validator_keys()?;
    println!("\n== multisig: 3-of-5 accountable subgroup (min-pk)");
    multisig::run()?;
    println!("\n== threshold: 3-of-5 with a dealer, then a 3-of-5 DKG (min-pk, Pop)");
    threshold::run()?;
    engine();
    println!("\ndone");
    Ok(())
}
