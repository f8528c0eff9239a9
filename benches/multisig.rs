//! Multisignatures (min-pk): group creation and setup as functions of n, member signing,
//! combining and verification as functions of n and the signing-set size |S|.

use blsig::multisig::{AsmGroup, Contribution, GroupKey, MembershipKey};
use blsig::{MinPk, PublicKey, SecretKey};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

struct Fixture {
    group: AsmGroup<MinPk>,
    members: Vec<(SecretKey<MinPk>, MembershipKey<MinPk>)>,
    inbox0: Vec<Contribution<MinPk>>,
}

fn fixture(n: usize) -> Fixture {
    let sks: Vec<SecretKey<MinPk>> = (0..n)
        .map(|i| {
            let mut ikm = [0u8; 32];
            ikm[..8].copy_from_slice(&(i as u64).to_le_bytes());
            SecretKey::key_gen(&ikm, b"").unwrap()
        })
        .collect();
    let pks: Vec<PublicKey<MinPk>> = sks.iter().map(SecretKey::public_key).collect();
    let group = AsmGroup::new(&pks, n.div_ceil(2)).unwrap();
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
        g.bench_with_input(
            BenchmarkId::new("group_key (coefficients, P)", n),
            &n,
            |b, _| b.iter(|| GroupKey::new(&pks).unwrap()),
        );
        g.bench_with_input(
            BenchmarkId::new("asm_group (+ n member hashes)", n),
            &n,
            |b, _| b.iter(|| AsmGroup::new(&pks, n.div_ceil(2)).unwrap()),
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

criterion_group!(multisig, setup, signing);
criterion_main!(multisig);
