//! ⚠️ Hazardous materials: signing and verifying under a domain separation tag of your
//! choosing.
//!
//! The typed API ([`crate::SecretKey::sign`], [`crate::PublicKey::verify`]) always uses
//! the draft's ciphersuite IDs. Some deployments use other tags (drand's beacons, for one,
//! or application-specific tags that keep their signatures from being valid anywhere else).
//! These functions are CoreSign and CoreVerify (draft §2.6–§2.7) with such a tag.
//!
//! # Security
//! A custom tag leaves the rogue-key defence to you: these functions neither augment the
//! message nor require proofs of possession. Never reuse one tag for two different
//! purposes, and never aggregate keys signed under a custom tag unless your protocol
//! prevents rogue keys some other way.

use crate::curve::{Affine, Curve, decode_compressed};
use crate::error::Result;
use crate::hash::Dst;
use crate::public_key::PublicKey;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// CoreSign (§2.6) under `dst`: SK · hash_to_curve(message, dst).
pub fn sign_with_dst<V: Variant>(
    sk: &SecretKey<V>,
    message: &[u8],
    dst: &Dst<'_>,
) -> Affine<V::Sig> {
    sk.sign_with_dst(message, dst)
}

/// CoreVerify (§2.7) under `dst`.
///
/// # Errors
/// [`crate::Error::VerificationFailed`] if the signature is not valid.
pub fn verify_with_dst<V: Variant>(
    pk: &PublicKey<V>,
    message: &[u8],
    dst: &Dst<'_>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    pk.verify_with_dst(message, dst, signature)
}

/// Decodes a compressed point of either group with every check but the identity check
/// (the identity is accepted).
///
/// # Errors
/// As [`crate::Signature::from_bytes`].
pub fn decode_point<C: Curve>(bytes: &[u8]) -> Result<Affine<C>> {
    decode_compressed::<C>(bytes)
}
