//! Runs blsig's batch verifier and blst's `verify_multiple_aggregate_signatures` on the same
//! inputs in the same process, interleaved, and prints median times and ratios.
//!
//! `cargo run --release -p blsig-blst-compare [-- REPS]`. Single thread; public keys
//! pre-validated; signatures given as compressed bytes and decoded + subgroup-checked inside
//! every measurement, by both libraries.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::time::{Duration, Instant};

use blsig::{BatchVerifier, MinPk, Pop, PublicKey, SecretKey};
use blst::min_pk as b;
use rand::Rng;

const DST: &[u8] = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

struct Inputs {
    pks: Vec<PublicKey<MinPk>>,
    blst_pks: Vec<b::PublicKey>,
    msgs: Vec<Vec<u8>>,
    sigs: Vec<Vec<u8>>,
}

/// `n` signatures over `distinct` messages (signer i signs message i mod distinct).
fn inputs(n: usize, distinct: usize, bad: Option<usize>) -> Inputs {
    let mut pks = Vec::new();
    let mut blst_pks = Vec::new();
    let mut msgs = Vec::new();
    let mut sigs = Vec::new();
    for i in 0..n {
        let mut ikm = [0u8; 32];
        ikm[..8].copy_from_slice(&(i as u64).to_le_bytes());
        let sk = SecretKey::<MinPk>::key_gen(&ikm, b"").expect("32-byte IKM");
        let msg = format!("message {}", i % distinct).into_bytes();
        let signed = if bad == Some(i) {
            b"tampered".to_vec()
        } else {
            msg.clone()
        };
        let sig = sk.sign::<Pop>(&signed);
        let pk = sk.public_key();
        blst_pks.push(b::PublicKey::key_validate(pk.to_bytes().as_ref()).expect("valid key"));
        pks.push(pk);
        msgs.push(msg);
        sigs.push(sig.to_bytes().as_ref().to_vec());
    }
    Inputs {
        pks,
        blst_pks,
        msgs,
        sigs,
    }
}

fn ours_batch(inp: &Inputs, rng: &mut impl rand::CryptoRng) -> bool {
    let mut batch = BatchVerifier::<MinPk, Pop>::new();
    let triples: Vec<(PublicKey<MinPk>, &[u8], &[u8])> = inp
        .pks
        .iter()
        .zip(&inp.msgs)
        .zip(&inp.sigs)
        .map(|((pk, m), s)| (*pk, m.as_slice(), s.as_slice()))
        .collect();
    if batch.queue_many_bytes(&triples).iter().any(Result::is_err) {
        return false;
    }
    batch.verify(rng).is_ok()
}

fn ours_identify(inp: &Inputs, rng: &mut impl rand::CryptoRng) -> usize {
    let mut batch = BatchVerifier::<MinPk, Pop>::new();
    for ((pk, msg), sig) in inp.pks.iter().zip(&inp.msgs).zip(&inp.sigs) {
        let _ = batch.queue_bytes(pk, msg, sig);
    }
    batch
        .find_invalid(rng)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
}

fn ours_single(inp: &Inputs) -> bool {
    inp.pks
        .iter()
        .zip(&inp.msgs)
        .zip(&inp.sigs)
        .all(|((pk, msg), sig)| {
            blsig::Signature::<MinPk, Pop>::from_bytes(sig)
                .and_then(|s| pk.verify(msg, &s))
                .is_ok()
        })
}

fn blst_batch(inp: &Inputs, rng: &mut impl Rng) -> bool {
    let sigs: Result<Vec<b::Signature>, _> = inp
        .sigs
        .iter()
        .map(|s| b::Signature::from_bytes(s))
        .collect();
    let Ok(sigs) = sigs else { return false };
    let rands: Vec<blst::blst_scalar> = (0..sigs.len())
        .map(|_| {
            let mut s = blst::blst_scalar::default();
            s.b[..8].copy_from_slice(&rng.next_u64().max(1).to_le_bytes());
            s
        })
        .collect();
    let msgs: Vec<&[u8]> = inp.msgs.iter().map(Vec::as_slice).collect();
    let pks: Vec<&b::PublicKey> = inp.blst_pks.iter().collect();
    let sig_refs: Vec<&b::Signature> = sigs.iter().collect();
    b::Signature::verify_multiple_aggregate_signatures(
        &msgs, DST, &pks, false, &sig_refs, true, &rands, 64,
    ) == blst::BLST_ERROR::BLST_SUCCESS
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Times each contender `reps` times, interleaved, and returns the medians.
fn race(reps: usize, contenders: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    let mut times = vec![Vec::new(); contenders.len()];
    for _ in 0..reps {
        for (i, f) in contenders.iter_mut().enumerate() {
            let t = Instant::now();
            f();
            times[i].push(t.elapsed());
        }
    }
    times.into_iter().map(median).collect()
}

fn per_sig(d: Duration, n: usize) -> f64 {
    d.as_secs_f64() * 1e6 / n as f64
}

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(7);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    one.install(|| single_thread(reps));
    drop(one);
    // Thread scaling: one pool at a time (idle rayon workers of another pool would spin
    // on the same cores), alternating.
    let inp = inputs(256, 256, None);
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..reps {
        for (slot, threads) in [(0, 1), (1, 2)] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            pool.install(|| assert!(ours_batch(&inp, &mut rand::rng())));
            let t = Instant::now();
            pool.install(|| assert!(ours_batch(&inp, &mut rand::rng())));
            times[slot].push(t.elapsed());
        }
    }
    let [a, b] = times.map(median);
    println!(
        "{:<44} {:>12.1} {:>12.1} {:>8.2}",
        "parallel: 1 thread vs 2 threads (blsig)",
        per_sig(a, 256),
        per_sig(b, 256),
        a.as_secs_f64() / b.as_secs_f64()
    );
}

fn single_thread(reps: usize) {
    let mut rng = rand::rng();
    let n = 256;
    println!("blsig vs blst, min-pk POP, n = {n}, {reps} interleaved runs, medians, single thread");
    println!(
        "{:<44} {:>12} {:>12} {:>8}",
        "case", "blsig µs/sig", "other µs/sig", "ratio"
    );

    for (label, distinct) in [
        ("256 distinct messages (vs blst)", 256),
        ("256 sigs / 16 messages (vs blst)", 16),
        ("256 sigs / 1 message (vs blst)", 1),
    ] {
        let inp = inputs(n, distinct, None);
        assert!(ours_batch(&inp, &mut rng) && blst_batch(&inp, &mut rng));
        let mut r2 = rand::rng();
        let t = race(
            reps,
            &mut [&mut || assert!(ours_batch(&inp, &mut rng)), &mut || {
                assert!(blst_batch(&inp, &mut r2))
            }],
        );
        println!(
            "{:<44} {:>12.1} {:>12.1} {:>8.2}",
            label,
            per_sig(t[0], n),
            per_sig(t[1], n),
            t[0].as_secs_f64() / t[1].as_secs_f64()
        );
    }

    let inp = inputs(n, n, None);
    let t = race(
        reps,
        &mut [&mut || assert!(ours_batch(&inp, &mut rng)), &mut || {
            assert!(ours_single(&inp))
        }],
    );
    println!(
        "{:<44} {:>12.1} {:>12.1} {:>8.2}",
        "batch vs 256 single verifies (blsig)",
        per_sig(t[0], n),
        per_sig(t[1], n),
        t[0].as_secs_f64() / t[1].as_secs_f64()
    );

    let bad = inputs(n, n, Some(n / 3));
    assert_eq!(ours_identify(&bad, &mut rng), 1);
    let mut r2 = rand::rng();
    let t = race(
        reps,
        &mut [
            &mut || assert_eq!(ours_identify(&bad, &mut rng), 1),
            &mut || assert!(ours_batch(&inp, &mut r2)),
        ],
    );
    println!(
        "{:<44} {:>12.1} {:>12.1} {:>8.2}",
        "find 1 bad of 256 vs clean batch (blsig)",
        per_sig(t[0], n),
        per_sig(t[1], n),
        t[0].as_secs_f64() / t[1].as_secs_f64()
    );
}
