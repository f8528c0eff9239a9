//! BLS12-381 arithmetic for [blsig](https://crates.io/crates/blsig): the fields, and (as
//! they land) the groups, encodings, hash-to-curve and pairing, in pure, `no_std`,
//! constant-time Rust — the curve crate under the signature crate, as `curve25519-dalek`
//! sits under `ed25519-dalek`.
//!
//! Constant time unless a name says `_vartime` (public inputs only). Every function is
//! tested against an independent answer: arbitrary-precision integers for the fields.
//! See [`notes`] for the design and the constant-time argument.
//!
//! What is here now: [`Fp`], the base field, [`Fp2`], its quadratic extension, and
//! [`Scalar`], the scalar field (`ff::PrimeField`).
#![no_std]
#![forbid(unsafe_code)]

mod encoding;
mod fp;
mod fp2;
mod g1;
mod group_impls;
mod limbs;
mod mont;
pub mod notes;
mod ops;
mod point;
mod pow;
mod scalar;
mod scalar_mul;

pub use fp::Fp;
pub use fp2::Fp2;
pub use g1::{G1Affine, G1Compressed, G1Params, G1Projective, G1Uncompressed};
pub use point::{Affine, CurveParams, Projective};
pub use scalar::Scalar;
