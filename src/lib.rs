//! # blsig — BLS signatures over BLS12-381
//!
//! A pure-Rust, `no_std` implementation of the IETF BLS signature draft
//! (draft-irtf-cfrg-bls-signature-05/06) and RFC 9380 hash-to-curve, on this project's own
//! BLS12-381 arithmetic, `blsig-curve` (whose point and scalar types blsig re-exports).
//! Both variants and all three schemes come from one generic
//! implementation:
//!
//! | variant \ scheme | [`Basic`] | [`Aug`] | [`Pop`] |
//! |---|---|---|---|
//! | [`MinPk`] (keys in G1, 48 B; signatures in G2, 96 B) | `…G2_XMD:SHA-256_SSWU_RO_NUL_` | `…_AUG_` | `…_POP_` (Ethereum) |
//! | [`MinSig`] (keys in G2, 96 B; signatures in G1, 48 B) | `…G1_XMD:SHA-256_SSWU_RO_NUL_` | `…_AUG_` | `…_POP_` |
//!
//! The ciphersuite ID (the hash-to-curve DST) follows from the types; you never pass one.
//!
//! ## Tutorial
//!
//! ```
//! use blsig::min_pk::{PopSignature, PublicKey, SecretKey};
//! use blsig::{Error, ProvenPublicKey};
//!
//! // Key generation from 32+ bytes of secret randomness (draft §2.3).
//! let sk = SecretKey::key_gen(&[42u8; 32], b"")?;
//! let pk = sk.public_key();
//!
//! // Sign and verify under the proof-of-possession ciphersuite.
//! let sig: PopSignature = sk.sign(b"hello");
//! pk.verify(b"hello", &sig)?;
//! assert_eq!(pk.verify(b"goodbye", &sig), Err(Error::VerificationFailed));
//!
//! // Keys travel as bytes; decoding runs KeyValidate.
//! let pk = PublicKey::from_bytes(pk.to_bytes().as_ref())?;
//!
//! // Proofs of possession unlock FastAggregateVerify for many signers of one message.
//! let sk2 = SecretKey::key_gen(&[7u8; 32], b"")?;
//! let pk2 = sk2.public_key();
//! let proven: Vec<ProvenPublicKey<_>> = vec![
//!     pk.verify_possession(&sk.prove_possession())?,
//!     pk2.verify_possession(&sk2.prove_possession())?,
//! ];
//! let agg = PopSignature::aggregate(&[sk.sign(b"block 7"), sk2.sign(b"block 7")])?;
//! agg.fast_aggregate_verify(&proven, b"block 7")?;
//!
//! // Different messages: AggregateVerify. Under Pop it too takes proven keys, since keys
//! // that signed one message are summed.
//! let agg = PopSignature::aggregate(&[sk.sign(b"a"), sk2.sign(b"b")])?;
//! agg.aggregate_verify(&proven, &[b"a", b"b"])?;
//! # Ok::<(), Error>(())
//! ```
//!
//! ## Validation
//! - A [`PublicKey`] exists only after KeyValidate: on the curve, in the subgroup, not
//!   the identity.
//! - A [`Signature`] or [`ProofOfPossession`] is subgroup-checked when decoded.
//! - Keys are summed without coefficients only as [`ProvenPublicKey`]s: FastAggregateVerify,
//!   [`AggregatePublicKey`], AggregateVerify under [`Pop`] ([`SchemeKey`]) and the m-of-n
//!   group of [`multisig`].
//! - Every decoder checks the length, the flag bits and that coordinates are below p,
//!   and says which check failed (see [`Error`]).
//! - Nothing reachable from input panics; see [`notes::validation`].
//!
//! ## Features
//! - `alloc` (default): verification with one multi-Miller loop and one final
//!   exponentiation, and [`BatchVerifier`]. Without it, everything but batch verification
//!   still works, with a product of pairings.
//! - `parallel` (implies `alloc`, needs `std`): [`BatchVerifier`] spreads decoding, hashing
//!   and Miller loops over rayon's threads.
//! - `signature` (with `alloc`): the RustCrypto `signature` traits (`Signer`, `Verifier` and
//!   their multipart forms), in `traits`.
//! - `serde`: `Serialize`/`Deserialize` for the public values, `0x` hex in human-readable
//!   formats, validated on the way in (no `std` needed).
//! - `keystore` (implies `alloc`, `serde`): EIP-2335 keystores, in `keystore`.
//!
//! EIP-2333 key derivation and EIP-2334 paths are in [`derive`](mod@derive), with no feature.
//!
//! ## Layers
//! Values below operations: the value types validate and encode; the draft's operations are
//! their inherent methods, defined in [`ops`], the one place that knows each scheme's
//! message framing and tags. Secrets and what is zeroized: [`notes::secrets`].
//!
//! ## Constant time
//! Key generation, signing and secret-key comparison are constant time: secret scalars
//! multiply points only through a signed fixed-window method and fixed-base generator
//! tables with constant-time lookups (the argument is in [`notes::constant_time`]).
//! Verification handles public data only.

#![no_std]
// The lints (unsafe_code forbidden, missing docs denied, no unwrap/expect/panic, no
// truncating casts) come from `[workspace.lints]` in Cargo.toml; this one is repeated so
// that the promise is visible where the code is.
#![forbid(unsafe_code)]

#[cfg(any(feature = "alloc", test))]
extern crate alloc;
#[cfg(feature = "parallel")]
extern crate std;

// Layers, bottom to top (each file imports only layers below it):
// error → dst, variant, scheme → curve → hash, point, pairing → values (secret_key,
// public_key, signature, pop) → ops (the draft's operations and framing) → batch,
// multisig, threshold, eth, hazmat, traits; derive (EIP-2333/2334) on secret_key; keystore on derive;
// serde_impls on the values.
#[cfg(feature = "alloc")]
mod batch;
mod curve;
pub mod derive;
mod dst;
mod error;
pub mod eth;
mod hash;
pub mod hazmat;
#[cfg(feature = "serde")]
mod hex;
#[cfg(feature = "keystore")]
pub mod keystore;
#[cfg(feature = "alloc")]
mod msm;
#[cfg(feature = "alloc")]
pub mod multisig;
pub mod notes;
pub mod ops;
mod pairing;
#[cfg(feature = "alloc")]
mod par;
mod point;
mod pop;
#[cfg(feature = "alloc")]
mod prepared;
mod public_key;
mod scalar_mul;
mod scheme;
mod secret_key;
#[cfg(feature = "serde")]
mod serde_impls;
mod signature;
#[cfg(feature = "alloc")]
mod sort;
#[cfg(feature = "alloc")]
pub mod threshold;
#[cfg(all(feature = "signature", feature = "alloc"))]
pub mod traits;
mod variant;

#[cfg(feature = "alloc")]
pub use batch::{BatchVerifier, DETERMINISTIC_SCALAR_BITS, RNG_SCALAR_BITS};
// The engine's types that appear in the public API, so callers need no second import.
pub use blsig_curve::{G1Affine, G1Projective, G2Affine, G2Projective, Scalar};
pub use curve::{Affine, Curve};
pub use dst::Dst;
pub use error::{Error, Result};
pub use hash::{MAX_XMD_OUTPUT, encode_to_curve, expand_message_xmd, hash_to_curve};
pub use ops::SchemeKey;
pub use pop::ProofOfPossession;
#[cfg(feature = "alloc")]
pub use prepared::PreparedPublicKey;
pub use public_key::{AggregatePublicKey, ProvenPublicKey, PublicKey};
pub use scheme::{Aug, Basic, Pop, SUITE_ID_LEN, Scheme, ciphersuite_id, pop_id};
pub use secret_key::{KEYGEN_SALT, MIN_IKM_LEN, SecretKey};
pub use signature::Signature;
pub use variant::{MinPk, MinSig, Variant};
pub use zeroize::Zeroizing;

/// Short names for the min-pk variant (keys in G1, signatures in G2).
pub mod min_pk {
    use crate::MinPk;
    /// A min-pk secret key.
    pub type SecretKey = crate::SecretKey<MinPk>;
    /// A min-pk public key (48 bytes compressed).
    pub type PublicKey = crate::PublicKey<MinPk>;
    /// A min-pk public key with proven possession.
    pub type ProvenPublicKey = crate::ProvenPublicKey<MinPk>;
    /// A min-pk sum of proven keys, for FastAggregateVerify.
    pub type AggregatePublicKey = crate::AggregatePublicKey<MinPk>;
    /// A min-pk proof of possession (96 bytes compressed).
    pub type ProofOfPossession = crate::ProofOfPossession<MinPk>;
    /// A min-pk signature in the Basic scheme (96 bytes compressed).
    pub type BasicSignature = crate::Signature<MinPk, crate::Basic>;
    /// A min-pk signature in the message-augmentation scheme.
    pub type AugSignature = crate::Signature<MinPk, crate::Aug>;
    /// A min-pk signature in the proof-of-possession scheme (Ethereum's).
    pub type PopSignature = crate::Signature<MinPk, crate::Pop>;
}

/// Short names for the min-sig variant (keys in G2, signatures in G1).
pub mod min_sig {
    use crate::MinSig;
    /// A min-sig secret key.
    pub type SecretKey = crate::SecretKey<MinSig>;
    /// A min-sig public key (96 bytes compressed).
    pub type PublicKey = crate::PublicKey<MinSig>;
    /// A min-sig public key with proven possession.
    pub type ProvenPublicKey = crate::ProvenPublicKey<MinSig>;
    /// A min-sig sum of proven keys, for FastAggregateVerify.
    pub type AggregatePublicKey = crate::AggregatePublicKey<MinSig>;
    /// A min-sig public key with its pairing lines precomputed, for repeated verification.
    #[cfg(feature = "alloc")]
    pub type PreparedPublicKey = crate::PreparedPublicKey<MinSig>;
    /// A min-sig proof of possession (48 bytes compressed).
    pub type ProofOfPossession = crate::ProofOfPossession<MinSig>;
    /// A min-sig signature in the Basic scheme (48 bytes compressed).
    pub type BasicSignature = crate::Signature<MinSig, crate::Basic>;
    /// A min-sig signature in the message-augmentation scheme.
    pub type AugSignature = crate::Signature<MinSig, crate::Aug>;
    /// A min-sig signature in the proof-of-possession scheme.
    pub type PopSignature = crate::Signature<MinSig, crate::Pop>;
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
