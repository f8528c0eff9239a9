//! A dudect-style constant-time check (Reparaz, Balasch, Verbauwhede, "Dude, is my code
//! constant time?", 2017) of the secret-scalar paths: each benchmark times one operation
//! on a *fixed* secret key (the scalar 1, whose digits are almost all zero — the input a
//! branch on zero digits would betray) against fresh *random* keys, interleaved at random,
//! and reports Welch's t-statistic between the two timing distributions. |t| below 5 is the
//! usual "no leak detected" threshold; leaks show as t in the tens or hundreds, as the
//! deliberately leaky control (`control_leaky_double_and_add`) shows.
//!
//! `cargo run --release --example ct` (about a minute; dudect's own command line does not
//! take the `--bench` flag `cargo bench` passes, hence an example). Not a pass/fail test: timing on a shared
//! machine is noisy, so the figures go to BENCHMARKS.md with the date.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation,
    missing_docs
)]

use blsig::{MinPk, MinSig, Pop, SecretKey, Variant};
use dudect_bencher::rand::{Rng, RngCore};
use dudect_bencher::{BenchRng, Class, CtRunner, ctbench_main};

const MSG: &[u8] = b"constant-time check";

/// The fixed key (scalar 1) and `n` (class, key) pairs with random classes.
fn inputs<V: Variant>(rng: &mut BenchRng, n: usize) -> Vec<(Class, SecretKey<V>)> {
    let mut one = [0u8; 32];
    one[31] = 1;
    (0..n)
        .map(|_| {
            if rng.r#gen::<bool>() {
                (Class::Left, SecretKey::from_bytes(&one).unwrap())
            } else {
                let mut ikm = [0u8; 32];
                rng.fill_bytes(&mut ikm);
                (Class::Right, SecretKey::key_gen(&ikm, b"").unwrap())
            }
        })
        .collect()
}

fn sk_to_pk<V: Variant>(runner: &mut CtRunner, rng: &mut BenchRng, n: usize) {
    let keys = inputs::<V>(rng, n);
    let _ = keys[0].1.public_key(); // builds the generator table outside the timings
    for (class, sk) in &keys {
        runner.run_one(*class, || sk.public_key());
    }
}

fn sign<V: Variant>(runner: &mut CtRunner, rng: &mut BenchRng, n: usize) {
    let keys = inputs::<V>(rng, n);
    for (class, sk) in &keys {
        runner.run_one(*class, || sk.sign::<Pop>(MSG));
    }
}

/// The control: a textbook double-and-add that skips the addition for zero bits (variable
/// time on purpose). It must show a large t, or the check could not see a leak at all.
fn control_leaky_double_and_add(runner: &mut CtRunner, rng: &mut BenchRng) {
    let keys = inputs::<MinPk>(rng, 4_000);
    let g = bls12_381::G1Projective::generator();
    for (class, sk) in &keys {
        let bytes = sk.to_bytes();
        runner.run_one(*class, || {
            let mut acc = bls12_381::G1Projective::identity();
            for byte in bytes.iter() {
                for bit in (0..8).rev() {
                    acc = acc.double();
                    if (byte >> bit) & 1 == 1 {
                        acc += g;
                    }
                }
            }
            acc
        });
    }
}

/// The engine (`blsig-curve`): scalars 1 (fixed) against random ones, through GLV on G1
/// and GLS on G2 — the decomposition and the signed-digit scans included.
fn engine_scalars(rng: &mut BenchRng, n: usize) -> Vec<(Class, blsig_curve::Scalar)> {
    (0..n)
        .map(|_| {
            if rng.r#gen::<bool>() {
                (Class::Left, blsig_curve::Scalar::ONE)
            } else {
                let mut wide = [0u8; 64];
                rng.fill_bytes(&mut wide);
                (Class::Right, blsig_curve::Scalar::from_bytes_wide(&wide))
            }
        })
        .collect()
}

fn engine_g1_mul(runner: &mut CtRunner, rng: &mut BenchRng) {
    let p = blsig_curve::G1Projective::generator().double();
    for (class, k) in engine_scalars(rng, 10_000) {
        runner.run_one(class, || p * k);
    }
}

fn engine_g2_mul(runner: &mut CtRunner, rng: &mut BenchRng) {
    let p = blsig_curve::G2Projective::generator().double();
    for (class, k) in engine_scalars(rng, 4_000) {
        runner.run_one(class, || p * k);
    }
}

/// Fp inversion (it sees secrets in normalisation): 1 against random elements.
fn engine_fp_invert(runner: &mut CtRunner, rng: &mut BenchRng) {
    for _ in 0..10_000 {
        let (class, x) = if rng.r#gen::<bool>() {
            (Class::Left, blsig_curve::Fp::ONE)
        } else {
            let mut wide = [0u8; 64];
            rng.fill_bytes(&mut wide);
            (Class::Right, blsig_curve::Fp::from_bytes_wide(&wide))
        };
        runner.run_one(class, || x.invert());
    }
}

/// The engine's pairing: P the identity (the neutral-line path) against random P, Q fixed.
fn engine_pairing(runner: &mut CtRunner, rng: &mut BenchRng) {
    let q = blsig_curve::G2Affine::generator();
    let inputs: Vec<(Class, blsig_curve::G1Affine)> = (0..6_000)
        .map(|_| {
            if rng.r#gen::<bool>() {
                (Class::Left, blsig_curve::G1Affine::identity())
            } else {
                let mut wide = [0u8; 64];
                rng.fill_bytes(&mut wide);
                let k = blsig_curve::Scalar::from_bytes_wide(&wide);
                (
                    Class::Right,
                    (blsig_curve::G1Projective::generator() * k).to_affine(),
                )
            }
        })
        .collect();
    for (class, p) in inputs {
        runner.run_one(class, || blsig_curve::pairing(&p, &q));
    }
}

/// Pieces of the engine's multiplication, each on "trivial" (identity, zero, one) against
/// random inputs, to locate a leak the whole multiplication shows.
fn engine_g1_add_identity(runner: &mut CtRunner, rng: &mut BenchRng) {
    let p = blsig_curve::G1Projective::generator().double();
    // All inputs first, so that computing a random point does not sit right before only
    // one class's timings.
    let inputs: Vec<(Class, blsig_curve::G1Projective)> = engine_scalars(rng, 20_000)
        .into_iter()
        .map(|(class, k)| match class {
            Class::Left => (class, blsig_curve::G1Projective::identity()),
            Class::Right => (class, p * k),
        })
        .collect();
    for (class, q) in inputs {
        runner.run_one(class, || q + p);
    }
}

fn fp_inputs(rng: &mut BenchRng, n: usize) -> Vec<(Class, blsig_curve::Fp)> {
    (0..n)
        .map(|_| {
            if rng.r#gen::<bool>() {
                (Class::Left, blsig_curve::Fp::ZERO)
            } else {
                let mut wide = [0u8; 64];
                rng.fill_bytes(&mut wide);
                (Class::Right, blsig_curve::Fp::from_bytes_wide(&wide))
            }
        })
        .collect()
}

fn engine_fp_mul_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    let o = blsig_curve::Fp::from_u64(12345);
    for (class, x) in fp_inputs(rng, 100_000) {
        runner.run_one(class, || x * o);
    }
}

fn engine_fp_add_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    let o = blsig_curve::Fp::from_u64(12345);
    for (class, x) in fp_inputs(rng, 100_000) {
        runner.run_one(class, || x + o);
    }
}

fn engine_fp_neg_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    for (class, x) in fp_inputs(rng, 100_000) {
        runner.run_one(class, || -x);
    }
}

fn engine_fp_sq_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    for (class, x) in fp_inputs(rng, 100_000) {
        runner.run_one(class, || x.square());
    }
}

/// The Fp2 square root (decompression of G2 points, the G2 map): zero against random
/// elements, squares and non-squares alike.
fn engine_fp2_sqrt_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    let inputs: Vec<_> = fp_inputs(rng, 20_000)
        .into_iter()
        .map(|(class, x)| (class, blsig_curve::Fp2::new(x, x.square())))
        .collect();
    for (class, x) in inputs {
        runner.run_one(class, || x.sqrt());
    }
}

fn engine_fp_sub_zero(runner: &mut CtRunner, rng: &mut BenchRng) {
    let o = blsig_curve::Fp::from_u64(12345);
    for (class, x) in fp_inputs(rng, 100_000) {
        runner.run_one(class, || x - o);
    }
}

fn sk_to_pk_min_pk_g1(runner: &mut CtRunner, rng: &mut BenchRng) {
    sk_to_pk::<MinPk>(runner, rng, 20_000);
}

fn sk_to_pk_min_sig_g2(runner: &mut CtRunner, rng: &mut BenchRng) {
    sk_to_pk::<MinSig>(runner, rng, 10_000);
}

fn sign_min_sig_g1(runner: &mut CtRunner, rng: &mut BenchRng) {
    sign::<MinSig>(runner, rng, 10_000);
}

fn sign_min_pk_g2(runner: &mut CtRunner, rng: &mut BenchRng) {
    sign::<MinPk>(runner, rng, 4_000);
}

ctbench_main!(
    control_leaky_double_and_add,
    sk_to_pk_min_pk_g1,
    sk_to_pk_min_sig_g2,
    sign_min_sig_g1,
    sign_min_pk_g2,
    engine_g1_mul,
    engine_g2_mul,
    engine_fp_invert,
    engine_pairing,
    engine_g1_add_identity,
    engine_fp_mul_zero,
    engine_fp_add_zero,
    engine_fp_sub_zero,
    engine_fp_neg_zero,
    engine_fp_sq_zero,
    engine_fp2_sqrt_zero
);
