//! ⚠️ Hazardous materials: signing and verifying under a domain separation tag of your
//! choosing, or a message you hashed yourself.
//!
//! The typed API ([`crate::SecretKey::sign`], [`crate::PublicKey::verify`]) always uses
//! the draft's ciphersuite IDs. Some deployments use other tags (drand's beacons, for one,
//! or application-specific tags that keep their signatures from being valid anywhere else).
//! These functions are CoreSign and CoreVerify (draft §2.6–§2.7) with such a tag, or on a
//! point already hashed to the curve (for callers who hash once and sign many times).
//!
//! # Security
//! A custom tag leaves the rogue-key defence to you: these functions neither augment the
//! message nor require proofs of possession. Never reuse one tag for two different
//! purposes, and never aggregate keys signed under a custom tag unless your protocol
//! prevents rogue keys some other way. A pre-hashed point must come from RFC 9380
//! `hash_to_curve` ([`crate::hash_to_curve`]) of the message under the tag you mean: a
//! signature on a point whose discrete logarithm someone knows is a signature anyone can
//! move to other points.

#[cfg(feature = "alloc")]
pub mod threshold;

use group::{Curve as _, CurveAffine};

use crate::curve::{Affine, Curve, decode_compressed};
use crate::dst::Dst;
use crate::error::Result;
use crate::ops::core_sign;
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// CoreSign (§2.6) under `dst`: SK · hash_to_curve(message, dst).
pub fn sign_with_dst<V: Variant>(
    sk: &SecretKey<V>,
    message: &[u8],
    dst: &Dst<'_>,
) -> Affine<V::Sig> {
    core_sign(sk, &V::Sig::hash_parts(&[message], dst))
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
    verify_hashed(
        pk,
        &V::Sig::hash_parts(&[message], dst).to_affine(),
        signature,
    )
}

/// CoreSign (§2.6) of a message already hashed to the curve: SK · H.
///
/// # Security
/// See the module documentation: `hashed` must be `hash_to_curve` of the message.
pub fn sign_hashed<V: Variant>(sk: &SecretKey<V>, hashed: &Affine<V::Sig>) -> Affine<V::Sig> {
    core_sign(sk, &hashed.to_curve())
}

/// CoreVerify (§2.7) of a message already hashed to the curve: e(PK, H) = e(g, σ).
/// `signature` and `hashed` must be in the prime-order subgroup: points decoded by
/// [`decode_point`] or computed by [`crate::hash_to_curve`] are.
///
/// # Errors
/// [`crate::Error::VerificationFailed`] if the signature is not valid.
pub fn verify_hashed<V: Variant>(
    pk: &PublicKey<V>,
    hashed: &Affine<V::Sig>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    verify_pairs::<V>([(*pk.as_point(), *hashed)], signature)
}

/// Decodes a compressed point of either group with every check but the identity check
/// (the identity is accepted).
///
/// # Errors
/// As [`crate::Signature::from_bytes`].
pub fn decode_point<C: Curve>(bytes: &[u8]) -> Result<Affine<C>> {
    decode_compressed::<C>(bytes)
}
