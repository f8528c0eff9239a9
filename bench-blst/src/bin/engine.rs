//! The engine (`blsig-curve`) against blst's low-level functions (assembly, through the
//! `blst` crate's bindings) and arkworks (`ark-bls12-381`), interleaved in one process,
//! medians in nanoseconds. (`bls12_381` keeps its fields private, so it has no field rows.)
//!
//! `cargo run --release -p blsig-blst-compare --bin engine [-- REPS]`.
// Harness code: setup failures are the run's failure. blst's low-level functions are C:
// each call below passes pointers to live, initialised `blst_fp` values and nothing else.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    unsafe_code
)]

use std::hint::black_box;

use ark_ff::{Field as _, UniformRand};
use blsig_curve::{Fp, Fp2};
use rand::SeedableRng;
use rand::rngs::StdRng;

#[path = "../timing.rs"]
#[allow(dead_code)] // `row` (µs) is the ops binary's; field rows are in ns
mod timing;

fn blst_fp(f: &Fp) -> blst::blst_fp {
    let mut out = blst::blst_fp::default();
    // SAFETY: `out` is a valid blst_fp, the input is 48 readable bytes.
    unsafe { blst::blst_fp_from_bendian(&mut out, f.to_bytes().as_ptr()) };
    out
}

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(31);
    let mut rng = StdRng::seed_from_u64(7);
    let a = Fp::try_random(&mut rng).unwrap();
    let b = Fp::try_random(&mut rng).unwrap();
    let (ba, bb) = (blst_fp(&a), blst_fp(&b));
    let mut r08 = <rand08::rngs::StdRng as rand08::SeedableRng>::from_seed([7; 32]);
    let (aa, ab) = (
        ark_bls12_381::Fq::rand(&mut r08),
        ark_bls12_381::Fq::rand(&mut r08),
    );
    // blst's results agree with ours on the same inputs (the harness compares like with
    // like).
    let mut check = blst::blst_fp::default();
    // SAFETY: valid blst_fp values.
    unsafe { blst::blst_fp_mul(&mut check, &ba, &bb) };
    let mut out = [0u8; 48];
    // SAFETY: 48 writable bytes, a valid blst_fp.
    unsafe { blst::blst_bendian_from_fp(out.as_mut_ptr(), &check) };
    assert_eq!(
        out,
        (a * b).to_bytes(),
        "blst and the engine disagree on a·b"
    );

    println!("machine: {} cores; {reps} rounds; ns per call", num_cores());
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "", "engine", "blst", "arkworks"
    );
    const FAST: u32 = 20_000;
    const SLOW: u32 = 200;
    let mut o = blst::blst_fp::default();
    // SAFETY (every blst call below): pointers to live, initialised blst values.
    compare(
        reps,
        FAST,
        "Fp multiply",
        &mut || a * b,
        &mut || unsafe { blst::blst_fp_mul(&mut o, &ba, &bb) },
        &mut || aa * ab,
    );
    compare(
        reps,
        FAST,
        "Fp square",
        &mut || a.square(),
        &mut || unsafe { blst::blst_fp_sqr(&mut o, &ba) },
        &mut || aa.square(),
    );
    compare(
        reps,
        FAST,
        "Fp add",
        &mut || a + b,
        &mut || unsafe { blst::blst_fp_add(&mut o, &ba, &bb) },
        &mut || aa + ab,
    );
    compare(
        reps,
        SLOW,
        "Fp invert (ct)",
        &mut || a.invert().unwrap(),
        &mut || unsafe { blst::blst_fp_inverse(&mut o, &ba) },
        &mut || aa.inverse().unwrap(),
    );
    let (sa, sba, saa) = (a.square(), blst_fp(&a.square()), aa.square());
    compare(
        reps,
        SLOW,
        "Fp square root",
        &mut || sa.sqrt().unwrap(),
        &mut || unsafe {
            black_box(blst::blst_fp_sqrt(&mut o, &sba));
        },
        &mut || saa.sqrt().unwrap(),
    );

    let x = Fp2::new(a, b);
    let y = Fp2::new(b, a.square());
    let (bx, by) = (blst_fp2(&x), blst_fp2(&y));
    let ax = ark_bls12_381::Fq2::new(aa, ab);
    let ay = ark_bls12_381::Fq2::new(ab, aa.square());
    let mut o2 = blst::blst_fp2::default();
    // SAFETY: valid blst_fp2 values.
    unsafe { blst::blst_fp2_mul(&mut o2, &bx, &by) };
    assert_eq!(
        blst_fp2(&(x * y)).fp,
        o2.fp,
        "blst and the engine disagree on x·y"
    );
    compare(
        reps,
        FAST,
        "Fp2 multiply",
        &mut || x * y,
        &mut || unsafe { blst::blst_fp2_mul(&mut o2, &bx, &by) },
        &mut || ax * ay,
    );
    compare(
        reps,
        FAST,
        "Fp2 square",
        &mut || x.square(),
        &mut || unsafe { blst::blst_fp2_sqr(&mut o2, &bx) },
        &mut || ax.square(),
    );
    compare(
        reps,
        SLOW,
        "Fp2 invert (ct)",
        &mut || x.invert().unwrap(),
        &mut || unsafe { blst::blst_fp2_inverse(&mut o2, &bx) },
        &mut || ax.inverse().unwrap(),
    );
    let (sx, sbx, sax) = (x.square(), blst_fp2(&x.square()), ax.square());
    compare(
        reps,
        SLOW,
        "Fp2 square root",
        &mut || sx.sqrt().unwrap(),
        &mut || unsafe {
            black_box(blst::blst_fp2_sqrt(&mut o2, &sbx));
        },
        &mut || sax.sqrt().unwrap(),
    );

    groups(reps);
    msm(reps);
    pairings(reps);
}

/// One row: the three contenders interleaved; results go through `black_box`.
fn compare<A, B, C>(
    reps: usize,
    iters: u32,
    label: &str,
    ours: &mut dyn FnMut() -> A,
    blst: &mut dyn FnMut() -> B,
    ark: &mut dyn FnMut() -> C,
) {
    compare_with(
        "engine ÷ blst, ÷ arkworks",
        reps,
        iters,
        label,
        ours,
        blst,
        ark,
    );
}

/// [`compare`] with the third contender named in `others`.
fn compare_with<A, B, C>(
    others: &str,
    reps: usize,
    iters: u32,
    label: &str,
    ours: &mut dyn FnMut() -> A,
    blst: &mut dyn FnMut() -> B,
    ark: &mut dyn FnMut() -> C,
) {
    let t = timing::race(
        reps,
        iters,
        &mut [
            &mut || {
                black_box(ours());
            },
            &mut || {
                black_box(blst());
            },
            &mut || {
                black_box(ark());
            },
        ],
    );
    timing::row_scaled(label, &t, 1000.0, others);
}

fn blst_fp2(f: &Fp2) -> blst::blst_fp2 {
    blst::blst_fp2 {
        fp: [blst_fp(&f.c0), blst_fp(&f.c1)],
    }
}

fn num_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// G1 and G2 rows: the engine, blst and `bls12_381` on the same points and scalar.
fn groups(reps: usize) {
    use blsig_curve::{
        G1Affine, G1Compressed, G1Projective, G2Affine, G2Compressed, G2Projective, Scalar,
    };
    use group::GroupEncoding;
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "", "engine", "blst", "bls12_381"
    );
    let others = "engine ÷ blst, ÷ bls12_381";
    let wide = [0x5au8; 64];
    let k = Scalar::from_bytes_wide(&wide);
    let ok = bls12_381::Scalar::from_bytes_wide(&wide);
    let k_le = k.to_bytes();
    assert_eq!(k_le, ok.to_bytes());

    let p = G1Projective::generator() * k;
    let q = p.double();
    let op = bls12_381::G1Projective::generator() * ok;
    let oq = op.double();
    let pc = p.to_affine().to_bytes();
    let oc = bls12_381::G1Affine::from(op).to_compressed();
    assert_eq!(pc.0, oc, "the engine and bls12_381 disagree on k·G1");
    let (mut bp, mut bq, mut out) = (
        blst::blst_p1::default(),
        blst::blst_p1::default(),
        blst::blst_p1::default(),
    );
    let mut ba = blst::blst_p1_affine::default();
    // SAFETY (every blst call below): pointers to live, initialised blst values, and to 48
    // readable bytes or the 32-byte scalar.
    unsafe {
        assert_eq!(
            blst::blst_p1_uncompress(&mut ba, pc.0.as_ptr()),
            blst::BLST_ERROR::BLST_SUCCESS
        );
        blst::blst_p1_from_affine(&mut bp, &ba);
        blst::blst_p1_double(&mut bq, &bp);
    }
    compare_with(
        others,
        reps,
        20_000,
        "G1 add (complete)",
        &mut || p + q,
        &mut || unsafe { blst::blst_p1_add_or_double(&mut out, &bp, &bq) },
        &mut || op + oq,
    );
    compare_with(
        others,
        reps,
        20_000,
        "G1 double",
        &mut || p.double(),
        &mut || unsafe { blst::blst_p1_double(&mut out, &bp) },
        &mut || op.double(),
    );
    compare_with(
        others,
        reps,
        100,
        "G1 multiply (constant time)",
        &mut || p * k,
        &mut || unsafe { blst::blst_p1_mult(&mut out, &bp, k_le.as_ptr(), 255) },
        &mut || op * ok,
    );
    compare_with(
        others,
        reps,
        100,
        "G1 decompress + subgroup check",
        &mut || G1Affine::from_bytes(&G1Compressed(pc.0)).unwrap(),
        &mut || unsafe {
            let mut a = blst::blst_p1_affine::default();
            blst::blst_p1_uncompress(&mut a, pc.0.as_ptr());
            blst::blst_p1_affine_in_g1(&a)
        },
        &mut || bls12_381::G1Affine::from_compressed(&oc).unwrap(),
    );

    let dst = b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";
    let msg = b"a message of moderate length, as a block root would be";
    type Xmd = bls12_381::hash_to_curve::ExpandMsgXmd<sha2::Sha256>;
    use bls12_381::hash_to_curve::HashToCurve;
    compare_with(
        others,
        reps,
        100,
        "hash to G1 (RFC 9380 RO)",
        &mut || G1Projective::hash_to_curve(msg, dst),
        // SAFETY: the message and tag are readable for their lengths; no aug.
        &mut || unsafe {
            blst::blst_hash_to_g1(
                &mut out,
                msg.as_ptr(),
                msg.len(),
                dst.as_ptr(),
                dst.len(),
                core::ptr::null(),
                0,
            )
        },
        &mut || <bls12_381::G1Projective as HashToCurve<Xmd>>::hash_to_curve(&[&msg[..]][..], dst),
    );

    let p = G2Projective::generator() * k;
    let q = p.double();
    let op = bls12_381::G2Projective::generator() * ok;
    let oq = op.double();
    let pc = p.to_affine().to_bytes();
    let oc = bls12_381::G2Affine::from(op).to_compressed();
    assert_eq!(pc.0, oc, "the engine and bls12_381 disagree on k·G2");
    let (mut bp, mut bq, mut out) = (
        blst::blst_p2::default(),
        blst::blst_p2::default(),
        blst::blst_p2::default(),
    );
    let mut ba = blst::blst_p2_affine::default();
    // SAFETY: as above, with 96 readable bytes.
    unsafe {
        assert_eq!(
            blst::blst_p2_uncompress(&mut ba, pc.0.as_ptr()),
            blst::BLST_ERROR::BLST_SUCCESS
        );
        blst::blst_p2_from_affine(&mut bp, &ba);
        blst::blst_p2_double(&mut bq, &bp);
    }
    compare_with(
        others,
        reps,
        10_000,
        "G2 add (complete)",
        &mut || p + q,
        &mut || unsafe { blst::blst_p2_add_or_double(&mut out, &bp, &bq) },
        &mut || op + oq,
    );
    compare_with(
        others,
        reps,
        10_000,
        "G2 double",
        &mut || p.double(),
        &mut || unsafe { blst::blst_p2_double(&mut out, &bp) },
        &mut || op.double(),
    );
    compare_with(
        others,
        reps,
        50,
        "G2 multiply (constant time)",
        &mut || p * k,
        &mut || unsafe { blst::blst_p2_mult(&mut out, &bp, k_le.as_ptr(), 255) },
        &mut || op * ok,
    );
    let dst2 = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
    compare_with(
        others,
        reps,
        50,
        "hash to G2 (RFC 9380 RO)",
        &mut || G2Projective::hash_to_curve(msg, dst2),
        // SAFETY: the message and tag are readable for their lengths; no aug.
        &mut || unsafe {
            blst::blst_hash_to_g2(
                &mut out,
                msg.as_ptr(),
                msg.len(),
                dst2.as_ptr(),
                dst2.len(),
                core::ptr::null(),
                0,
            )
        },
        &mut || <bls12_381::G2Projective as HashToCurve<Xmd>>::hash_to_curve(&[&msg[..]][..], dst2),
    );
    compare_with(
        others,
        reps,
        50,
        "G2 decompress + subgroup check",
        &mut || G2Affine::from_bytes(&G2Compressed(pc.0)).unwrap(),
        &mut || unsafe {
            let mut a = blst::blst_p2_affine::default();
            blst::blst_p2_uncompress(&mut a, pc.0.as_ptr());
            blst::blst_p2_affine_in_g2(&a)
        },
        &mut || bls12_381::G2Affine::from_compressed(&oc).unwrap(),
    );
}

/// Multi-scalar multiplication of 256 G1 points by 128-bit scalars (the batch verifier's
/// shape): the engine's Pippenger, blst's (`blst_p1s_mult_pippenger`, one thread) and
/// arkworks' `VariableBaseMSM`.
fn msm(reps: usize) {
    use ark_ec::{CurveGroup, VariableBaseMSM};
    use blsig_curve::{G1Affine, G1Projective, Scalar};
    use group::GroupEncoding;
    const N: usize = 256;
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "", "engine", "blst", "arkworks"
    );
    let mut rng = StdRng::seed_from_u64(11);
    let points: Vec<G1Affine> = (0..N)
        .map(|_| (G1Projective::generator() * Scalar::try_random(&mut rng).unwrap()).to_affine())
        .collect();
    let scalars: Vec<[u8; 16]> = (0..N).map(|_| rand::RngExt::random(&mut rng)).collect();
    let ks: Vec<Scalar> = scalars
        .iter()
        .map(|b| {
            let mut wide = [0u8; 64];
            wide[..16].copy_from_slice(b);
            Scalar::from_bytes_wide(&wide)
        })
        .collect();
    let bpoints: Vec<blst::blst_p1_affine> = points
        .iter()
        .map(|p| {
            let mut a = blst::blst_p1_affine::default();
            // SAFETY: 48 readable bytes, a writable affine point.
            unsafe { blst::blst_p1_uncompress(&mut a, p.to_bytes().0.as_ptr()) };
            a
        })
        .collect();
    let point_ptrs: Vec<*const blst::blst_p1_affine> =
        bpoints.iter().map(|p| p as *const _).collect();
    let scalar_ptrs: Vec<*const u8> = scalars.iter().map(|s| s.as_ptr()).collect();
    // SAFETY: a size query.
    let scratch_bytes = unsafe { blst::blst_p1s_mult_pippenger_scratch_sizeof(N) };
    let mut scratch = vec![0u64; scratch_bytes.div_ceil(8)];
    let mut out = blst::blst_p1::default();
    let apoints: Vec<ark_bls12_381::G1Affine> = points
        .iter()
        .map(|p| {
            use ark_serialize::CanonicalDeserialize;
            ark_bls12_381::G1Affine::deserialize_compressed(&p.to_bytes().0[..]).unwrap()
        })
        .collect();
    let ascalars: Vec<ark_bls12_381::Fr> = scalars
        .iter()
        .map(|b| <ark_bls12_381::Fr as ark_ff::PrimeField>::from_le_bytes_mod_order(b))
        .collect();
    // The three agree on the sum.
    let ours = G1Projective::msm_vartime(points.iter().zip(&ks));
    // SAFETY: N points and N 16-byte scalars behind the pointer arrays, scratch of the
    // size blst asked for.
    let mut blst_msm = move |out: &mut blst::blst_p1| unsafe {
        blst::blst_p1s_mult_pippenger(
            out,
            point_ptrs.as_ptr(),
            N,
            scalar_ptrs.as_ptr(),
            128,
            scratch.as_mut_ptr(),
        )
    };
    blst_msm(&mut out);
    let mut bytes = [0u8; 48];
    // SAFETY: 48 writable bytes, a valid point.
    unsafe { blst::blst_p1_compress(bytes.as_mut_ptr(), &out) };
    assert_eq!(
        bytes,
        ours.to_affine().to_bytes().0,
        "blst and the engine disagree"
    );
    let ark = ark_bls12_381::G1Projective::msm(&apoints, &ascalars).unwrap();
    let mut ab = Vec::new();
    ark_serialize::CanonicalSerialize::serialize_compressed(&ark.into_affine(), &mut ab).unwrap();
    assert_eq!(
        ab[..],
        ours.to_affine().to_bytes().0[..],
        "arkworks and the engine disagree"
    );
    compare(
        reps,
        10,
        "G1 MSM, 256 points × 128-bit",
        &mut || G1Projective::msm_vartime(points.iter().zip(&ks)),
        &mut || blst_msm(&mut out),
        &mut || ark_bls12_381::G1Projective::msm(&apoints, &ascalars).unwrap(),
    );
}

/// The pairing and its parts: the engine, blst (`blst_miller_loop`, `blst_final_exp`, …)
/// and `bls12_381`, on the same points; the three agree on e(P, Q) byte for byte first.
fn pairings(reps: usize) {
    use blsig_curve::{
        G1Projective, G2Prepared, G2Projective, Scalar, multi_miller_loop,
        multi_miller_loop_affine, pairing,
    };
    use group::GroupEncoding;
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "", "engine", "blst", "bls12_381"
    );
    let others = "engine ÷ blst, ÷ bls12_381";
    let k1 = Scalar::from_bytes_wide(&[0x3cu8; 64]);
    let k2 = Scalar::from_bytes_wide(&[0xa5u8; 64]);
    let p = (G1Projective::generator() * k1).to_affine();
    let q = (G2Projective::generator() * k2).to_affine();
    let p2 = (G1Projective::generator() * k2).to_affine();
    let q2 = (G2Projective::generator() * k1).to_affine();
    let op = bls12_381::G1Affine::from_compressed(&p.to_bytes().0).unwrap();
    let oq = bls12_381::G2Affine::from_compressed(&q.to_bytes().0).unwrap();
    let op2 = bls12_381::G1Affine::from_compressed(&p2.to_bytes().0).unwrap();
    let oq2 = bls12_381::G2Affine::from_compressed(&q2.to_bytes().0).unwrap();
    let (mut bp, mut bq, mut bp2, mut bq2) = (
        blst::blst_p1_affine::default(),
        blst::blst_p2_affine::default(),
        blst::blst_p1_affine::default(),
        blst::blst_p2_affine::default(),
    );
    let mut f = blst::blst_fp12::default();
    let mut g = blst::blst_fp12::default();
    let mut lines = vec![blst::blst_fp6::default(); 68];
    // SAFETY (every blst call below): pointers to live, initialised blst values; 48 or 96
    // readable bytes for the encodings; 68 line slots for the precomputation.
    unsafe {
        blst::blst_p1_uncompress(&mut bp, p.to_bytes().0.as_ptr());
        blst::blst_p2_uncompress(&mut bq, q.to_bytes().0.as_ptr());
        blst::blst_p1_uncompress(&mut bp2, p2.to_bytes().0.as_ptr());
        blst::blst_p2_uncompress(&mut bq2, q2.to_bytes().0.as_ptr());
        blst::blst_miller_loop(&mut f, &bq, &bp);
        blst::blst_final_exp(&mut g, &f);
        blst::blst_precompute_lines(lines.as_mut_ptr(), &bq);
    }
    let ours = pairing(&p, &q);
    let mut bytes = [0u8; 576];
    // SAFETY: 576 writable bytes, a valid fp12.
    unsafe { blst::blst_bendian_from_fp12(bytes.as_mut_ptr(), &g) };
    // blst writes the Fp2 coefficients by powers of w, the engine in the tower's order.
    let ours_bytes = ours.to_bytes();
    for (blst_slot, ours_slot) in [0, 3, 1, 4, 2, 5].into_iter().enumerate() {
        assert_eq!(
            bytes[96 * blst_slot..96 * blst_slot + 96],
            ours_bytes[96 * ours_slot..96 * ours_slot + 96],
            "blst and the engine disagree on e(P, Q)"
        );
    }
    let a = ours.to_fp12();
    let b = pairing(&p2, &q).to_fp12();
    let (oa, ob) = (bls12_381::pairing(&op, &oq), bls12_381::pairing(&op2, &oq));
    let bf = g;
    let mut out = blst::blst_fp12::default();
    compare_with(
        others,
        reps,
        2_000,
        "Fp12 multiply",
        &mut || a * b,
        &mut || unsafe { blst::blst_fp12_mul(&mut out, &bf, &f) },
        &mut || oa + ob,
    );
    compare_with(
        others,
        reps,
        2_000,
        "Fp12 square (GT: cyclotomic)",
        &mut || a.cyclotomic_square(),
        &mut || unsafe { blst::blst_fp12_cyclotomic_sqr(&mut out, &bf) },
        &mut || oa.double(),
    );
    let prepared = G2Prepared::new(&q);
    let oprepared = bls12_381::G2Prepared::from(oq);
    compare_with(
        others,
        reps,
        50,
        "Miller loop, 1 pair (lines on the way)",
        &mut || multi_miller_loop_affine(&[(&p, &q)]),
        &mut || unsafe { blst::blst_miller_loop(&mut out, &bq, &bp) },
        &mut || bls12_381::multi_miller_loop(&[(&op, &bls12_381::G2Prepared::from(oq))]),
    );
    compare_with(
        others,
        reps,
        50,
        "Miller loop, 1 pair, prepared lines",
        &mut || multi_miller_loop(&[(&p, &prepared)]),
        &mut || unsafe { blst::blst_miller_loop_lines(&mut out, lines.as_ptr(), &bp) },
        &mut || bls12_381::multi_miller_loop(&[(&op, &oprepared)]),
    );
    let ml = multi_miller_loop_affine(&[(&p, &q)]);
    let oml = bls12_381::multi_miller_loop(&[(&op, &oprepared)]);
    compare_with(
        others,
        reps,
        50,
        "final exponentiation",
        &mut || ml.final_exponentiation(),
        &mut || unsafe { blst::blst_final_exp(&mut out, &f) },
        &mut || oml.final_exponentiation(),
    );
    compare_with(
        others,
        reps,
        50,
        "pairing (Miller loop + final exp.)",
        &mut || pairing(&p, &q),
        &mut || unsafe {
            blst::blst_miller_loop(&mut g, &bq, &bp);
            blst::blst_final_exp(&mut out, &g);
        },
        &mut || bls12_381::pairing(&op, &oq),
    );
    let qs = [&bq as *const _, &bq2 as *const _];
    let ps = [&bp as *const _, &bp2 as *const _];
    compare_with(
        others,
        reps,
        50,
        "product of 2 pairings (Verify's shape)",
        &mut || multi_miller_loop_affine(&[(&p, &q), (&p2, &q2)]).final_exponentiation(),
        &mut || unsafe {
            blst::blst_miller_loop_n(&mut g, qs.as_ptr(), ps.as_ptr(), 2);
            blst::blst_final_exp(&mut out, &g);
        },
        &mut || {
            bls12_381::multi_miller_loop(&[
                (&op, &bls12_381::G2Prepared::from(oq)),
                (&op2, &bls12_381::G2Prepared::from(oq2)),
            ])
            .final_exponentiation()
        },
    );
}
