//! Multisignatures (min-pk): group creation and setup as functions of n, member signing,
//! combining and verification as functions of n and the signing-set size |S|.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::multisig::{AsmGroup, Contribution, GroupKey, MembershipKey};
use blsig::{Dst, MinPk, ProvenPublicKey, PublicKey, SecretKey};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

struct Fixture {
    group: AsmGroup<MinPk>,
    members: Vec<(SecretKey<MinPk>, MembershipKey<MinPk>)>,
    inbox0: Vec<Contribution<MinPk>>,
}

fn secret_keys(n: usize) -> Vec<SecretKey<MinPk>> {
    (0..n)
        .map(|i| {
            let mut ikm = [0u8; 32];
            ikm[..8].copy_from_slice(&(i as u64).to_le_bytes());
            SecretKey::key_gen(&ikm, b"").unwrap()
        })
        .collect()
}

/// Keys as ASM needs them. The proofs are checked once here, outside the measurements.
fn proven(sks: &[SecretKey<MinPk>]) -> Vec<ProvenPublicKey<MinPk>> {
    sks.iter()
        .map(|sk| {
            sk.public_key()
                .verify_possession(&sk.prove_possession())
                .unwrap()
        })
        .collect()
}

fn fixture(n: usize) -> Fixture {
    let sks = secret_keys(n);
    let group = AsmGroup::new(&proven(&sks), n.div_ceil(2)).unwrap();
    let mut inbox: Vec<Vec<Contribution<MinPk>>> = (0..n).map(|_| Vec::new()).collect();
    for sk in &sks {
        for c in group.contributions(sk).unwrap() {
            inbox[c.to()].push(c);
        }
    }
    let mut members: Vec<_> = sks
        .into_iter()
        .map(|sk| {
            let i = group.group_key().index_of(&sk.public_key()).unwrap();
            let mk = group.membership_key(i, &inbox[i]).unwrap();
            (sk, mk)
        })
        .collect();
    members.sort_by_key(|(_, mk)| mk.index());
    let inbox0 = inbox.swap_remove(0);
    Fixture {
        group,
        members,
        inbox0,
    }
}

fn setup(c: &mut Criterion) {
    let mut g = c.benchmark_group("multisig/setup");
    g.sample_size(10);
    for n in [5usize, 10, 25, 50, 100] {
        let f = fixture(n);
        let pks: Vec<PublicKey<MinPk>> = f.group.group_key().members().to_vec();
        let proven_pks: Vec<ProvenPublicKey<MinPk>> = pks
            .iter()
            .map(|k| ProvenPublicKey::assume_proven(*k))
            .collect();
        g.bench_with_input(
            BenchmarkId::new("group_key (coefficients, P)", n),
            &n,
            |b, _| b.iter(|| GroupKey::new(&pks).unwrap()),
        );
        g.bench_with_input(
            BenchmarkId::new("asm_group (+ n member hashes)", n),
            &n,
            |b, _| b.iter(|| AsmGroup::new(&proven_pks, n.div_ceil(2)).unwrap()),
        );
        g.bench_with_input(
            BenchmarkId::new("contributions (one member, n)", n),
            &n,
            |b, _| b.iter(|| f.group.contributions(&f.members[0].0).unwrap()),
        );
        g.bench_with_input(
            BenchmarkId::new("membership_key (one member, n)", n),
            &n,
            |b, _| b.iter(|| f.group.membership_key(0, &f.inbox0).unwrap()),
        );
    }
    g.finish();
}

fn signing(c: &mut Criterion) {
    let mut g = c.benchmark_group("multisig/sign-combine-verify");
    g.sample_size(10);
    let msg = b"benchmark message";
    for n in [5usize, 25, 100] {
        let f = fixture(n);
        g.bench_with_input(BenchmarkId::new("member sign", n), &n, |b, _| {
            b.iter(|| f.group.sign(&f.members[0].0, &f.members[0].1, msg).unwrap())
        });
        for size in [n.div_ceil(2), n] {
            let partials: Vec<_> = f.members[..size]
                .iter()
                .map(|(sk, mk)| f.group.sign(sk, mk, msg).unwrap())
                .collect();
            let sig = f.group.combine(&partials).unwrap();
            let id = format!("n={n},|S|={size}");
            g.bench_function(BenchmarkId::new("combine", &id), |b| {
                b.iter(|| f.group.combine(&partials).unwrap())
            });
            g.bench_function(BenchmarkId::new("verify", &id), |b| {
                b.iter(|| f.group.verify(msg, &sig).unwrap())
            });
        }
    }
    g.finish();
}

/// The coefficient hashing of a group of n, as documented: the key list hashed once, then
/// 48 bytes of expand_message_xmd over Pᵢ ‖ L per member (through the public API).
fn coefficient_hashing_linear(encoded: &[Vec<u8>], dst: &Dst<'_>) -> Vec<[u8; 48]> {
    use sha2::Digest;
    let mut list = sha2::Sha256::new();
    list.update(dst.as_bytes());
    list.update((encoded.len() as u64).to_be_bytes());
    for k in encoded {
        list.update(k);
    }
    let list = list.finalize();
    encoded
        .iter()
        .map(|own| {
            let mut okm = [0u8; 48];
            blsig::expand_message_xmd(&[own.as_slice(), &list].concat(), dst, &mut okm).unwrap();
            okm
        })
        .collect()
}

/// The procedure before Core 2: expand_message_xmd over Pᵢ ‖ n ‖ P₁ ‖ … ‖ Pₙ per member,
/// 48·n² bytes in all — the baseline of the linear procedure, in the same run.
fn coefficient_hashing_quadratic(encoded: &[Vec<u8>], dst: &Dst<'_>) -> Vec<[u8; 48]> {
    let all: Vec<u8> = encoded.concat();
    encoded
        .iter()
        .map(|own| {
            let input = [own.as_slice(), &(encoded.len() as u64).to_be_bytes(), &all].concat();
            let mut okm = [0u8; 48];
            blsig::expand_message_xmd(&input, dst, &mut okm).unwrap();
            okm
        })
        .collect()
}

/// Groups of 1,000 and 10,000: coefficient hashing (linear vs the old quadratic one),
/// building and decoding the group key, decoding an ASM group.
fn large_groups(c: &mut Criterion) {
    let mut g = c.benchmark_group("multisig/large-groups");
    g.sample_size(10);
    let dst_bytes = b"BLSIG-MSP-V02-BLS12381G2_XMD:SHA-256_COEFFICIENT_";
    let dst = Dst::new(dst_bytes).unwrap();
    for n in [1_000usize, 10_000] {
        let sks = secret_keys(n);
        let pks: Vec<PublicKey<MinPk>> = sks.iter().map(SecretKey::public_key).collect();
        let encoded: Vec<Vec<u8>> = pks.iter().map(|k| k.to_bytes().as_ref().to_vec()).collect();
        g.bench_with_input(BenchmarkId::new("coefficient hashing", n), &n, |b, _| {
            b.iter(|| coefficient_hashing_linear(&encoded, &dst))
        });
        if n <= 1_000 {
            g.bench_with_input(
                BenchmarkId::new("coefficient hashing, quadratic (before)", n),
                &n,
                |b, _| b.iter(|| coefficient_hashing_quadratic(&encoded, &dst)),
            );
        }
        let key = GroupKey::new(&pks).unwrap();
        let bytes = key.to_bytes();
        g.bench_with_input(BenchmarkId::new("GroupKey::new", n), &n, |b, _| {
            b.iter(|| GroupKey::new(&pks).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("GroupKey::from_bytes", n), &n, |b, _| {
            b.iter(|| GroupKey::<MinPk>::from_bytes(&bytes).unwrap())
        });
        if n <= 1_000 {
            let proven_pks: Vec<ProvenPublicKey<MinPk>> = pks
                .iter()
                .map(|k| ProvenPublicKey::assume_proven(*k))
                .collect();
            let group = AsmGroup::new(&proven_pks, n / 2).unwrap();
            let bytes = group.to_bytes();
            g.bench_with_input(BenchmarkId::new("AsmGroup::from_bytes", n), &n, |b, _| {
                b.iter(|| AsmGroup::<MinPk>::from_bytes(&bytes, group.id()).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(multisig, setup, signing, large_groups);
criterion_main!(multisig);
