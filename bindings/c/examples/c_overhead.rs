//! The C API's overhead, interleaved: Verify and a 256-signature batch through the
//! `extern "C"` functions and through the Rust API, alternating in one process, medians.
//! The criterion bench (`benches/c_vs_rust.rs`) runs the two paths one after the other,
//! which on a noisy machine is less fair than this.
//! `cargo run --release -p blsig-ffi --example c_overhead [-- ROUNDS]`.
//!
//! With `-- count MODE` it runs one path once (`setup`, `rust-verify`, `c-verify`,
//! `rust-batch`, `c-batch`) for counting instructions, which no neighbour's load disturbs:
//! `valgrind --tool=cachegrind --cache-sim=no target/release/examples/c_overhead count c-batch`
//! minus the same for `setup` is the instruction count of that path.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::ptr::null_mut;
use std::time::{Duration, Instant};

use blsig::*;
use blsig_core::{BatchVerifier, MinPk, Pop, SecretKey};
use rand::SeedableRng;

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count_mode = (args.get(1).map(String::as_str) == Some("count"))
        .then(|| args.get(2).cloned().unwrap_or_default());
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let n = 256;
    let (mut rust, mut c) = (Vec::new(), Vec::new());
    for i in 0..n as u32 {
        let mut ikm = [0u8; 32];
        ikm[..4].copy_from_slice(&i.to_be_bytes());
        let sk = SecretKey::<MinPk>::key_gen(&ikm, b"").unwrap();
        let msg = format!("message {i}").into_bytes();
        let sig = sk.sign::<Pop>(&msg);
        let (mut pk_h, mut sig_h) = (null_mut(), null_mut());
        let (pk_b, sig_b) = (sk.public_key().to_bytes(), sig.to_bytes());
        assert_eq!(
            blsig_public_key_from_bytes(0, pk_b.as_ref().as_ptr(), 48, &mut pk_h),
            blsig_result::BLSIG_OK
        );
        assert_eq!(
            blsig_signature_from_bytes(2, sig_b.as_ref().as_ptr(), 96, &mut sig_h),
            blsig_result::BLSIG_OK
        );
        rust.push((sk.public_key(), msg.clone(), sig));
        c.push((pk_h, msg, sig_h));
    }
    let seed = [0x42u8; 32];
    // The four paths, written once for both modes.
    let rust_verify = || rust[0].0.verify(&rust[0].1, &rust[0].2).unwrap();
    let c_verify = || {
        assert_eq!(
            blsig_verify(c[0].0, c[0].1.as_ptr(), c[0].1.len(), c[0].2),
            blsig_result::BLSIG_OK
        )
    };
    let rust_batch = || {
        let mut batch = BatchVerifier::<MinPk, Pop>::new();
        for (pk, msg, sig) in &rust {
            batch.queue(pk, msg, sig);
        }
        batch
            .verify(&mut rand::rngs::StdRng::from_seed(seed))
            .unwrap();
    };
    let c_batch = || {
        let mut batch = null_mut();
        assert_eq!(blsig_batch_new(2, &mut batch), blsig_result::BLSIG_OK);
        for (pk, msg, sig) in &c {
            blsig_batch_queue(batch, *pk, msg.as_ptr(), msg.len(), *sig, null_mut());
        }
        assert_eq!(
            blsig_batch_verify(batch, seed.as_ptr(), 32),
            blsig_result::BLSIG_OK
        );
        blsig_batch_free(batch);
    };
    if let Some(mode) = count_mode {
        match mode.as_str() {
            "setup" => {}
            "rust-verify" => rust_verify(),
            "c-verify" => c_verify(),
            "rust-batch" => rust_batch(),
            "c-batch" => c_batch(),
            other => panic!("unknown mode {other}"),
        }
        return;
    }
    let time = |f: &dyn Fn(), into: &mut Vec<Duration>| {
        let t = Instant::now();
        f();
        into.push(t.elapsed());
    };
    let (mut vr, mut vc, mut br, mut bc) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        time(&rust_verify, &mut vr);
        time(&c_verify, &mut vc);
        time(&rust_batch, &mut br);
        time(&c_batch, &mut bc);
    }
    let (vr, vc, br, bc) = (median(vr), median(vc), median(br), median(bc));
    println!("C API vs Rust API, min-pk Pop, {rounds} interleaved rounds, medians");
    println!(
        "verify            Rust {vr:8.3} ms   C {vc:8.3} ms   C/Rust {:.3}",
        vc / vr
    );
    println!(
        "batch of {n}      Rust {br:8.3} ms   C {bc:8.3} ms   C/Rust {:.3}",
        bc / br
    );
    for (pk, _, sig) in c {
        blsig_public_key_free(pk);
        blsig_signature_free(sig);
    }
}
