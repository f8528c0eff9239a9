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
//! [`Scalar`], the scalar field (`ff::PrimeField`); G1 and G2 ([`G1Projective`],
//! [`G2Projective`] and their affine forms), one generic implementation ([`Projective`],
//! [`Affine`] over [`CurveParams`]) with complete addition formulas, the ZCash encodings,
//! constant-time scalar multiplication by GLV (G1) and GLS (G2), endomorphism subgroup
//! checks and cofactor clearing, speaking the `group` 0.14 traits; RFC 9380 hashing to both
//! groups (`hash_to_curve`, `encode_to_curve`, [`expand_message_xmd`]); variable-time
//! multi-scalar multiplication ([`Projective::msm_vartime`], feature `alloc`, on by
//! default); and the optimal ate pairing: the tower [`Fp6`], [`Fp12`], the Miller loop over
//! one or many pairs ([`pairing`], [`multi_miller_loop`] with [`G2Prepared`] lines,
//! [`multi_miller_loop_affine`]), the final exponentiation, the target group [`Gt`] with a
//! checked encoding, and the `pairing` 0.24 traits ([`Bls12`]). Nothing allocates except
//! the MSM's buckets.
//!
//! ```
//! use blsig_curve::{G1Projective, G2Projective, Scalar};
//! use group::{Curve, GroupEncoding};
//!
//! let h = G2Projective::hash_to_curve(b"message", b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_");
//! let sk = Scalar::from_u64(42);
//! let pk = G1Projective::generator() * sk;
//! let sig = h * sk;
//! assert_eq!(pk.to_affine().to_bytes().0.len(), 48);
//! assert_eq!(sig.to_affine().to_bytes().0.len(), 96);
//!
//! // Verify: e(pk, H(m)) · e(−g1, sig) = 1, one Miller loop for both pairs.
//! let neg_g1 = -blsig_curve::G1Affine::generator();
//! let (pk, h, sig) = (pk.to_affine(), h.to_affine(), sig.to_affine());
//! let product = blsig_curve::multi_miller_loop_affine(&[(&pk, &h), (&neg_g1, &sig)]);
//! assert!(bool::from(product.final_exponentiation().is_identity()));
//! ```
#![no_std]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod decompose;
mod encoding;
mod engine;
mod final_exp;
mod fp;
mod fp12;
mod fp2;
mod fp6;
mod g1;
mod g2;
mod group_impls;
mod gt;
mod hash_to_curve;
mod hash_to_field;
#[cfg(feature = "bls12_381")]
mod interop;
mod inversion;
mod iso_g1;
mod iso_g2;
mod jacobian;
mod karabina;
mod limbs;
mod miller_loop;
mod mont;
#[cfg(feature = "alloc")]
mod msm;
pub mod notes;
mod ops;
mod pairing;
mod point;
mod pow;
mod scalar;
mod scalar_mul;
mod sswu;

pub use engine::Bls12;
pub use fp::Fp;
pub use fp2::Fp2;
pub use fp6::Fp6;
pub use fp12::Fp12;
pub use g1::{G1Affine, G1Compressed, G1Params, G1Projective, G1Uncompressed};
pub use g2::{G2Affine, G2Compressed, G2Params, G2Projective, G2Uncompressed};
pub use gt::Gt;
pub use hash_to_field::{InvalidOutputLength, expand_message_xmd};
pub use pairing::{
    CHUNK, G2Prepared, G2Term, MillerLoopResult, multi_miller_loop, multi_miller_loop_affine,
    multi_miller_loop_mixed, pairing,
};
pub use point::{Affine, CurveParams, Projective};
pub use scalar::Scalar;
