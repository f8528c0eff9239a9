//! Field arithmetic: Fp and Fp2 multiply, square, add, inverse, square root. Ratios against
//! blst and arkworks come from the comparison harness (`bench-blst`, `--bin engine`), which
//! measures all three in one process.
#![allow(missing_docs, clippy::unwrap_used)]

use blsig_curve::{Fp, Fp2};
use criterion::{Criterion, criterion_group, criterion_main};
use ff::Field;
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::hint::black_box;

/// The same rows for every field.
fn field<F: Field>(c: &mut Criterion, name: &str, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let a = F::random(&mut rng);
    let b = F::random(&mut rng);
    let square = a.square();
    let mut g = c.benchmark_group(name);
    g.bench_function("mul", |bench| bench.iter(|| black_box(a) * black_box(b)));
    g.bench_function("square", |bench| bench.iter(|| black_box(a).square()));
    g.bench_function("add", |bench| bench.iter(|| black_box(a) + black_box(b)));
    g.bench_function("invert", |bench| {
        bench.iter(|| black_box(a).invert().unwrap())
    });
    g.bench_function("sqrt", |bench| {
        bench.iter(|| black_box(square).sqrt().unwrap())
    });
    g.finish();
}

fn fields(c: &mut Criterion) {
    field::<Fp>(c, "fp", 1);
    field::<Fp2>(c, "fp2", 2);
}

criterion_group!(benches, fields);
criterion_main!(benches);
