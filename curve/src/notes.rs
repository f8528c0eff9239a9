//! Design notes (documentation only).
//!
//! # Representation
//! Field elements are six 64-bit limbs, little-endian, in Montgomery form (a ↦ aR mod p,
//! R = 2³⁸⁴), in the redundant range [0, 2p) (canonicalised before any comparison,
//! encoding or sign, so equality compares canonical limbs). Products
//! are 128-bit (`u128`), which LLVM lowers to `mul`/`mulx` on x86-64 and `mul`/`umulh`
//! on AArch64. The multiplication is CIOS with the "no-carry" shortcut that BLS12-381's p
//! allows (its top word is below 2⁶³ − 1), so each row needs six words and no carry word.
//!
//! The scalar field uses the same Montgomery core on four limbs but stays fully reduced:
//! R = 2²⁵⁶ is only about 2.2r, too little room for a redundant range, so each product ends
//! with a masked subtraction of r.
//!
//! # Constants
//! Only p and r are written down (their limbs), and the tests derive both from the curve
//! parameter x = −0xd201000000010000 (p = (x − 1)²(x⁴ − x² + 1)/3 + x, r = x⁴ − x² + 1).
//! Everything else — −p⁻¹ mod 2⁶⁴, R, R², R³, the exponents p − 2, (p + 1)/4, (p − 3)/4,
//! (p + 1)/2, and for the scalar field 2-adicity, T, the root of unity 7^T and its inverse,
//! 7^(2^32), 1/2 — is computed by `const fn`s at compile time, and the tests recompute
//! them with big integers (and compare the scalar field's with `bls12_381`'s).
//!
//! # Constant time
//! The argument, operation by operation:
//! - addition, subtraction, negation: one carry chain and a mask-selected correction (a
//!   subtraction of p, or an addition of p), never a branch;
//! - multiplication: a fixed schedule of word multiplications and additions, the final
//!   subtraction of p as above;
//! - square roots (and compile-time inversions of constants): exponentiation by a public
//!   constant ((p + 1)/4, (p − 3)/4, p − 2) with fixed 4-bit windows: the sequence of
//!   squarings and multiplications depends only on the exponent, the table is read at
//!   indices taken from the exponent, and the value never steers anything;
//! - inversion: Bernstein–Yang divsteps, a fixed 19 × 59 of them (the proven bound for
//!   381-bit inputs is 1102), each selecting its swap and addition by masks from δ's sign
//!   and g's parity (passed through `black_box`, so the optimiser cannot turn them back
//!   into branches); the dudect row `engine_fp_invert` measures it;
//! - decoding: the canonical check is a borrow computed over all limbs, returned as a
//!   `Choice` in a `CtOption`;
//! - comparisons (`ct_eq`, `sgn0`, `lexicographically_largest`) return `Choice`.
//!
//! - point addition and doubling: complete formulas (Renes–Costello–Batina), no exceptional
//!   case to branch on; the identity is (0 : 1 : 0) like any other input;
//! - scalar multiplication: the scalar is split for GLV (G1: k = a + b·x²) or GLS (G2: base
//!   |x|) by 256 steps of shift, compare and masked subtract (no hardware division, whose
//!   latency can depend on its operands), recoded into signed 4-bit digits by arithmetic,
//!   and each digit's table entry is found by reading all eight entries and negated by a
//!   mask.
//!
//! # The pairing
//! The tower is Fp2 = Fp\[u\]/(u² + 1), Fp6 = Fp2\[v\]/(v³ − (1 + u)), Fp12 = Fp6\[w\]/(w² − v),
//! as in `bls12_381` and blst, so values can be compared coefficient by coefficient.
//! The Miller loop keeps T on the twist in homogeneous projective coordinates and
//! multiplies each line into f with the sparse product its M-type twist allows (the
//! coefficients of 1, v and vw); products of pairings share one squaring of f per step
//! over all pairs, in chunks of [`crate::CHUNK`] pairs on the stack. Lines scaled by
//! elements of proper subfields are equivalent (the final exponentiation sends them to 1),
//! which is what lets the line formulas skip every division. The final exponentiation
//! computes f^(3(p¹² − 1)/r), the same value as `bls12_381` and blst (the factor 3 is prime
//! to r; it makes the hard part a short chain in x).
//!
//! Constant time: the loop's schedule is |x|'s bits, the identity (of either group) is
//! handled by selecting a neutral line rather than branching, and the only inversion (in
//! the final exponentiation's easy part) is the constant-time one above. GT's
//! decoding checks the subgroup with Scott's test (cyclotomic, and f^p = f^x).
//!
//! # Points outside the subgroup
//! The unchecked decoders (`from_bytes_unchecked`, `from_uncompressed_unchecked`) check
//! the curve equation but not the subgroup, and their points support addition, doubling,
//! the subgroup check and cofactor clearing exactly. Multiplication by a [`crate::Scalar`]
//! is meant for the prime-order subgroup: a residue mod r does not name one multiple of a
//! point whose order is not r, and the endomorphism methods (GLV, GLS) compute the multiple
//! the subgroup's eigenvalues give, which differs from the integer multiple of the
//! canonical scalar outside it. Check the subgroup (or clear the cofactor) first.
//!
//! `PartialEq` is the constant-time comparison as well. Nothing here allocates.
//!
//! ## What the compiler may undo
//! Masks alone do not guarantee branch-free machine code: LLVM recognises "keep x or y by
//! a mask derived from a comparison" as a `select` and may emit a branch for it. The dudect
//! check (`examples/ct.rs` in the blsig crate) caught exactly that in this crate's first
//! versions — the conditional subtraction (`t` or `t − m` by the borrow) and the negation
//! (masked by a zero test) leaked with |t| in the hundreds. Reductions are therefore written
//! as arithmetic on the mask (subtract m, add back `m & mask`), never as a choice between
//! two computed values; choices between values go through `subtle`'s
//! `conditional_select`, whose `Choice` is opaque to the optimiser. Every secret path
//! keeps a dudect row, and the figures are recorded in BENCHMARKS.md.
