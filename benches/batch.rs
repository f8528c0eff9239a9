//! Batch verification (min-pk, POP, Ethereum's suite): sizes 1…4096, distinct vs 16 shared
//! vs one message, batch vs n× single verify, clean vs one bad item, 1 vs all threads (with
//! `--features parallel`), and a per-phase breakdown at 256.
//!
//! Public keys are pre-validated; signatures are compressed bytes, decoded and
//! subgroup-checked inside every measurement. For blst on the same inputs, run
//! `cargo run --release -p blsig-blst-compare`.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::hint::black_box;

use blsig::G1Affine;
use blsig::{
    BatchVerifier, Dst, G2Affine, G2Projective, MinPk, Pop, PublicKey, SecretKey, Signature,
};
use blsig_curve::{G2Prepared, multi_miller_loop};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use group::CurveAffine;

struct Inputs {
    pks: Vec<PublicKey<MinPk>>,
    msgs: Vec<Vec<u8>>,
    sigs: Vec<Vec<u8>>,
}

impl Inputs {
    /// `n` signatures over `distinct` messages; item `bad`, if any, signs something else.
    fn new(n: usize, distinct: usize, bad: Option<usize>) -> Self {
        let (mut pks, mut msgs, mut sigs) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..n {
            let mut ikm = [0u8; 32];
            ikm[..8].copy_from_slice(&(i as u64).to_le_bytes());
            let sk = SecretKey::<MinPk>::key_gen(&ikm, b"").unwrap();
            let msg = format!("message {}", i % distinct).into_bytes();
            let signed = if bad == Some(i) {
                b"other".to_vec()
            } else {
                msg.clone()
            };
            sigs.push(sk.sign::<Pop>(&signed).to_bytes().as_ref().to_vec());
            pks.push(sk.public_key());
            msgs.push(msg);
        }
        Inputs { pks, msgs, sigs }
    }

    fn batch(&self) -> BatchVerifier<MinPk, Pop> {
        let triples: Vec<(PublicKey<MinPk>, &[u8], &[u8])> = self
            .pks
            .iter()
            .zip(&self.msgs)
            .zip(&self.sigs)
            .map(|((pk, m), s)| (*pk, m.as_slice(), s.as_slice()))
            .collect();
        let mut batch = BatchVerifier::new();
        for r in batch.queue_many_bytes(&triples) {
            r.unwrap();
        }
        batch
    }

    fn single(&self) -> bool {
        self.pks
            .iter()
            .zip(&self.msgs)
            .zip(&self.sigs)
            .all(|((pk, m), s)| {
                Signature::<MinPk, Pop>::from_bytes(s)
                    .and_then(|s| pk.verify(m, &s))
                    .is_ok()
            })
    }
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

fn sizes(c: &mut Criterion) {
    let one = pool(1);
    let mut g = c.benchmark_group("batch/distinct");
    g.sample_size(10);
    for n in [1usize, 4, 16, 64, 256, 1024, 4096] {
        let inp = Inputs::new(n, n, None);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("batch", n), &n, |b, _| {
            b.iter(|| one.install(|| inp.batch().verify(&mut rand::rng()).unwrap()))
        });
        if n <= 256 {
            g.bench_with_input(BenchmarkId::new("single", n), &n, |b, _| {
                b.iter(|| assert!(inp.single()))
            });
        }
    }
    g.finish();

    for (name, distinct) in [("batch/16-messages", 16), ("batch/1-message", 1)] {
        let mut g = c.benchmark_group(name);
        g.sample_size(10);
        for n in [256usize, 1024] {
            let inp = Inputs::new(n, distinct, None);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::new("batch", n), &n, |b, _| {
                b.iter(|| one.install(|| inp.batch().verify(&mut rand::rng()).unwrap()))
            });
        }
        g.finish();
    }
}

fn identification(c: &mut Criterion) {
    let one = pool(1);
    let n = 256;
    let clean = Inputs::new(n, n, None);
    let bad = Inputs::new(n, n, Some(n / 3));
    let mut g = c.benchmark_group("batch/identify");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(BenchmarkId::new("clean-verify", n), |b| {
        b.iter(|| one.install(|| clean.batch().verify(&mut rand::rng()).unwrap()))
    });
    g.bench_function(BenchmarkId::new("one-bad-find", n), |b| {
        b.iter(|| {
            one.install(|| {
                assert_eq!(
                    bad.batch().find_invalid(&mut rand::rng()).unwrap(),
                    vec![n / 3]
                )
            })
        })
    });
    g.finish();
}

fn threads(c: &mut Criterion) {
    let n = 256;
    let inp = Inputs::new(n, n, None);
    let mut g = c.benchmark_group("batch/threads");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    let all = std::thread::available_parallelism().map_or(1, |p| p.get());
    for t in [1, all] {
        let p = pool(t);
        g.bench_function(
            BenchmarkId::new(
                if cfg!(feature = "parallel") {
                    "parallel"
                } else {
                    "serial-build"
                },
                t,
            ),
            |b| b.iter(|| p.install(|| inp.batch().verify(&mut rand::rng()).unwrap())),
        );
    }
    g.finish();
}

fn phases(c: &mut Criterion) {
    let n = 256;
    let inp = Inputs::new(n, n, None);
    let dst_bytes = blsig::ciphersuite_id::<MinPk, Pop>();
    let dst = Dst::new(&dst_bytes).unwrap();
    let sigs: Vec<G2Affine> = inp
        .sigs
        .iter()
        .map(|s| *Signature::<MinPk, Pop>::from_bytes(s).unwrap().as_point())
        .collect();
    let hashes: Vec<G2Affine> = inp
        .msgs
        .iter()
        .map(|m| blsig::hash_to_curve::<G2Projective>(m, &dst).to_affine())
        .collect();
    let scalars: Vec<u128> = (0..n as u128)
        .map(|i| (i + 1) * 0x9e37_79b9_7f4a_7c15 % (1 << 64))
        .collect();
    let pks: Vec<G1Affine> = inp.pks.iter().map(|pk| *pk.as_point()).collect();

    let mut g = c.benchmark_group("batch/phases-256");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("decode+subgroup", |b| {
        b.iter(|| {
            inp.sigs
                .iter()
                .map(|s| Signature::<MinPk, Pop>::from_bytes(black_box(s)).unwrap())
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("hash_to_g2", |b| {
        b.iter(|| {
            inp.msgs
                .iter()
                .map(|m| blsig::hash_to_curve::<G2Projective>(black_box(m), &dst))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("scalars: n constant-time Scalar mults (G1+G2)", |b| {
        b.iter(|| {
            pks.iter()
                .zip(&sigs)
                .zip(&scalars)
                .map(|((p, s), &r)| {
                    let r = blsig::Scalar::from(r as u64);
                    (p.to_curve() * r, s.to_curve() * r)
                })
                .count()
        })
    });
    g.bench_function("miller loop (n+1 pairs, lines included)", |b| {
        b.iter(|| {
            let prepared: Vec<G2Prepared> = hashes
                .iter()
                .chain(sigs.first())
                .map(|h| G2Prepared::from(*h))
                .collect();
            let terms: Vec<(&G1Affine, &G2Prepared)> =
                pks.iter().chain(pks.first()).zip(&prepared).collect();
            multi_miller_loop(&terms)
        })
    });
    let ml = {
        let prepared: Vec<G2Prepared> = hashes.iter().map(|h| G2Prepared::from(*h)).collect();
        let terms: Vec<(&G1Affine, &G2Prepared)> = pks.iter().zip(&prepared).collect();
        multi_miller_loop(&terms)
    };
    g.throughput(Throughput::Elements(1));
    g.bench_function("final exponentiation (once per batch)", |b| {
        b.iter(|| black_box(&ml).final_exponentiation())
    });
    g.finish();
}

criterion_group!(batch, sizes, identification, threads, phases);
criterion_main!(batch);
