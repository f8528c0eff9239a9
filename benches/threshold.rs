//! Threshold signatures (min-pk, Pop): combining t shares for (t, n) = (3, 5), (67, 100)
//! and (667, 1000); verifying 100 offered shares with one multi-pairing; one party's DKG
//! work (deal, check n shares, finish) at n = 10 and 100.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::threshold::dkg::{DkgCommitment, DkgConfig, DkgParty, DkgShare};
use blsig::threshold::{PublicKeySet, SignatureShare, deal};
use blsig::{MinPk, Pop, SecretKey};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::StdRng;

const MSG: &[u8] = b"threshold bench";

fn sharing(t: usize, n: usize) -> (PublicKeySet<MinPk>, Vec<SignatureShare<MinPk, Pop>>) {
    let sk = SecretKey::<MinPk>::key_gen(&[1; 32], b"").unwrap();
    let (set, shares) = deal(&sk, t, n, &mut StdRng::seed_from_u64(1)).unwrap();
    let partial = shares.iter().map(|s| s.sign(&set, MSG)).collect();
    (set, partial)
}

fn combine(c: &mut Criterion) {
    let mut group = c.benchmark_group("threshold/combine");
    group.sample_size(10);
    for (t, n) in [(3, 5), (67, 100), (667, 1000)] {
        let (set, partial) = sharing(t, n);
        group.bench_with_input(
            BenchmarkId::new("t-of-n", format!("{t}-of-{n}")),
            &(),
            |b, ()| b.iter(|| set.combine(&partial[..t]).unwrap()),
        );
    }
    group.finish();
}

fn verify_shares(c: &mut Criterion) {
    let mut group = c.benchmark_group("threshold/verify-shares");
    group.sample_size(10);
    let (set, partial) = sharing(67, 100);
    let mut rng = StdRng::seed_from_u64(2);
    group.bench_function("100 shares, one multi-pairing (67-of-100)", |b| {
        b.iter(|| assert!(set.find_invalid_shares(MSG, &partial, &mut rng).is_empty()))
    });
    group.bench_function("100 shares, one by one (67-of-100)", |b| {
        b.iter(|| {
            partial
                .iter()
                .all(|s| set.verify_signature_share(MSG, s).is_ok())
        })
    });
    group.bench_function("robust_combine of 100 (67-of-100)", |b| {
        b.iter(|| set.robust_combine(MSG, &partial, &mut rng).unwrap())
    });
    group.finish();
}

fn dkg(c: &mut Criterion) {
    let mut group = c.benchmark_group("threshold/dkg-one-party");
    group.sample_size(10);
    for n in [10usize, 100] {
        let t = 2 * n / 3 + 1;
        let config = DkgConfig::new(t, n).unwrap();
        let mut rng = StdRng::seed_from_u64(3);
        let others: Vec<DkgParty<MinPk>> = (2..=n as u32)
            .map(|i| DkgParty::new(config, i, &[i as u8; 32], &mut rng).unwrap())
            .collect();
        let commitment_bytes: Vec<Vec<u8>> =
            others.iter().map(|p| p.commitment().to_bytes()).collect();
        let share_bytes: Vec<Vec<u8>> = others
            .iter()
            .map(|p| p.shares()[0].to_bytes().to_vec())
            .collect();
        group.bench_with_input(
            BenchmarkId::new("decode the n-1 commitments", format!("{t}-of-{n}")),
            &(),
            |b, ()| {
                b.iter(|| {
                    for b in &commitment_bytes {
                        std::hint::black_box(DkgCommitment::<MinPk>::from_bytes(b).unwrap());
                    }
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("deal+check+finish", format!("{t}-of-{n}")),
            &(),
            |b, ()| {
                b.iter(|| {
                    let mut me = DkgParty::<MinPk>::new(config, 1, &[1; 32], &mut rng).unwrap();
                    let mut commitments: Vec<DkgCommitment<MinPk>> = vec![me.commitment()];
                    commitments.extend(
                        commitment_bytes
                            .iter()
                            .map(|b| DkgCommitment::from_bytes(b).unwrap()),
                    );
                    let mut shares: Vec<DkgShare<MinPk>> =
                        vec![me.shares().into_iter().next().unwrap()];
                    shares.extend(share_bytes.iter().map(|b| DkgShare::from_bytes(b).unwrap()));
                    let complaints = me.receive(&commitments, &shares);
                    assert!(complaints.is_empty());
                    me.finish(&[], &[]).unwrap()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, combine, verify_shares, dkg);
criterion_main!(benches);
