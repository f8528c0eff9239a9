//! Core operations per variant: KeyGen, SkToPk, Sign, Verify, hash_to_curve and decoding.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::hint::black_box;

use blsig::{Basic, Dst, MinPk, MinSig, PublicKey, SecretKey, Signature, Variant};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn variant<V: Variant>(c: &mut Criterion) {
    let mut g = c.benchmark_group(V::NAME);
    let ikm = [7u8; 32];
    let msg = [0x5au8; 32];
    let sk = SecretKey::<V>::key_gen(&ikm, b"").unwrap();
    let pk = sk.public_key();
    let sig: Signature<V, Basic> = sk.sign(&msg);
    let pk_bytes = pk.to_bytes();
    let sig_bytes = sig.to_bytes();
    let dst_bytes = blsig::ciphersuite_id::<V, Basic>();
    let dst = Dst::new(&dst_bytes).unwrap();

    g.bench_function("key_gen", |b| {
        b.iter(|| SecretKey::<V>::key_gen(black_box(&ikm), b""))
    });
    g.bench_function("sk_to_pk", |b| b.iter(|| black_box(&sk).public_key()));
    g.bench_function("sign", |b| {
        b.iter(|| black_box(&sk).sign::<Basic>(black_box(&msg)))
    });
    g.bench_function("verify", |b| {
        b.iter(|| pk.verify(black_box(&msg), black_box(&sig)))
    });
    g.bench_function("hash_to_curve", |b| {
        b.iter(|| blsig::hash_to_curve::<V::Sig>(black_box(&msg), &dst))
    });
    g.bench_function("decode_public_key", |b| {
        b.iter(|| PublicKey::<V>::from_bytes(black_box(pk_bytes.as_ref())))
    });
    g.bench_function("decode_signature", |b| {
        b.iter(|| Signature::<V, Basic>::from_bytes(black_box(sig_bytes.as_ref())))
    });
    for n in [8usize, 64] {
        let sks: Vec<SecretKey<V>> = (0..n)
            .map(|i| SecretKey::key_gen(&[i as u8; 32], b"").unwrap())
            .collect();
        let pks: Vec<PublicKey<V>> = sks.iter().map(SecretKey::public_key).collect();
        let msgs: Vec<[u8; 32]> = (0..n).map(|i| [i as u8; 32]).collect();
        let refs: Vec<&[u8]> = msgs.iter().map(|m| m.as_slice()).collect();
        let sigs: Vec<Signature<V, Basic>> =
            sks.iter().zip(&refs).map(|(sk, m)| sk.sign(m)).collect();
        let agg = Signature::aggregate(&sigs).unwrap();
        g.bench_with_input(BenchmarkId::new("aggregate_verify", n), &n, |b, _| {
            b.iter(|| agg.aggregate_verify(&pks, &refs))
        });
    }
    g.finish();
}

/// Aggregate (§2.8) of n encoded signatures: decoding each with its subgroup check and
/// summing (the path before Core 2, the baseline) against `aggregate_from_bytes`, which
/// checks the subgroup of the sum only.
fn aggregation<V: Variant>(c: &mut Criterion) {
    let mut g = c.benchmark_group(format!("{}/aggregate-encodings", V::NAME));
    g.sample_size(10);
    for n in [64usize, 1_000, 10_000] {
        let sk = SecretKey::<V>::key_gen(&[3u8; 32], b"").unwrap();
        let encoded: Vec<Vec<u8>> = (0..n as u32)
            .map(|i| {
                sk.sign::<Basic>(&i.to_be_bytes())
                    .to_bytes()
                    .as_ref()
                    .to_vec()
            })
            .collect();
        let refs: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
        g.throughput(criterion::Throughput::Elements(n as u64));
        g.bench_with_input(
            BenchmarkId::new("decode each + aggregate", n),
            &n,
            |b, _| {
                b.iter(|| {
                    let sigs: Vec<Signature<V, Basic>> = refs
                        .iter()
                        .map(|s| Signature::from_bytes(s).unwrap())
                        .collect();
                    Signature::aggregate(&sigs).unwrap()
                })
            },
        );
        g.bench_with_input(BenchmarkId::new("aggregate_from_bytes", n), &n, |b, _| {
            b.iter(|| Signature::<V, Basic>::aggregate_from_bytes(black_box(&refs)).unwrap())
        });
    }
    g.finish();
}

fn benches(c: &mut Criterion) {
    variant::<MinPk>(c);
    variant::<MinSig>(c);
    aggregation::<MinPk>(c);
    aggregation::<MinSig>(c);
}

criterion_group!(core, benches);
criterion_main!(core);
