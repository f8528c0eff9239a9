//! The C API's overhead: Verify and a 256-signature batch through the `extern "C"`
//! functions against the same work through the Rust API, in the same run (min-pk, Pop).
//! `cargo bench -p blsig-ffi --bench c_vs_rust`.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::hint::black_box;
use std::ptr::null_mut;

use blsig::*;
use blsig_core::{BatchVerifier, MinPk, Pop, PublicKey, SecretKey, Signature};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::SeedableRng;

/// A triple for the Rust API.
type RustItem = (PublicKey<MinPk>, Vec<u8>, Signature<MinPk, Pop>);
/// The same triple as C handles.
type CItem = (*mut blsig_public_key, Vec<u8>, *mut blsig_signature);

fn bench(c: &mut Criterion) {
    let n = 256;
    let mut rust: Vec<RustItem> = Vec::new();
    let mut handles: Vec<CItem> = Vec::new();
    for i in 0..n as u32 {
        let mut ikm = [0u8; 32];
        ikm[..4].copy_from_slice(&i.to_be_bytes());
        let sk = SecretKey::<MinPk>::key_gen(&ikm, b"").unwrap();
        let msg = format!("message {i}").into_bytes();
        let sig = sk.sign::<Pop>(&msg);
        let (mut pk_h, mut sig_h) = (null_mut(), null_mut());
        let pk_bytes = sk.public_key().to_bytes();
        let sig_bytes = sig.to_bytes();
        assert_eq!(
            blsig_public_key_from_bytes(
                BLSIG_VARIANT_MIN_PK,
                pk_bytes.as_ref().as_ptr(),
                48,
                &mut pk_h
            ),
            blsig_result::BLSIG_OK
        );
        assert_eq!(
            blsig_signature_from_bytes(
                BLSIG_SUITE_MIN_PK_POP,
                sig_bytes.as_ref().as_ptr(),
                96,
                &mut sig_h
            ),
            blsig_result::BLSIG_OK
        );
        rust.push((sk.public_key(), msg.clone(), sig));
        handles.push((pk_h, msg, sig_h));
    }
    let seed = [0x42u8; 32];

    let mut g = c.benchmark_group("c-api/min-pk-pop");
    g.sample_size(20);
    let (pk, msg, sig) = &rust[0];
    g.bench_function("verify: Rust API", |b| {
        b.iter(|| pk.verify(black_box(msg), sig).unwrap())
    });
    let (pk_h, msg_h, sig_h) = &handles[0];
    g.bench_function("verify: C API", |b| {
        b.iter(|| {
            assert_eq!(
                blsig_verify(*pk_h, black_box(msg_h).as_ptr(), msg_h.len(), *sig_h),
                blsig_result::BLSIG_OK
            )
        })
    });
    g.sample_size(10);
    g.bench_function("batch of 256: Rust API", |b| {
        b.iter(|| {
            let mut batch = BatchVerifier::<MinPk, Pop>::new();
            for (pk, msg, sig) in &rust {
                batch.queue(pk, msg, sig);
            }
            let mut rng = rand::rngs::StdRng::from_seed(seed);
            batch.verify(&mut rng).unwrap();
        })
    });
    g.bench_function("batch of 256: C API", |b| {
        b.iter(|| {
            let mut batch = null_mut();
            assert_eq!(
                blsig_batch_new(BLSIG_SUITE_MIN_PK_POP, &mut batch),
                blsig_result::BLSIG_OK
            );
            for (pk, msg, sig) in &handles {
                blsig_batch_queue(batch, *pk, msg.as_ptr(), msg.len(), *sig, null_mut());
            }
            assert_eq!(
                blsig_batch_verify(batch, seed.as_ptr(), 32),
                blsig_result::BLSIG_OK
            );
            blsig_batch_free(batch);
        })
    });
    g.finish();
    for (pk, _, sig) in handles {
        blsig_public_key_free(pk);
        blsig_signature_free(sig);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
