//! Signature shares, their verification, and combination into an ordinary signature.

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use bls12_381::Scalar;
use group::Curve as _;
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use super::poly::{interpolate_points, lagrange_at_zero};
use super::{PublicKeySet, SecretShare, ShareId, check_distinct};
use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::ops::hash_message;
use crate::pairing::verify_pairs;
use crate::scheme::{Scheme, ciphersuite_id};
use crate::signature::Signature;
use crate::variant::Variant;

/// Member x's signature share f(x)·H(m) under scheme `S`, where H(m) is the point the
/// *group key* signs (so under [`crate::Aug`] the framing is `group key ‖ m`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SignatureShare<V: Variant, S: Scheme> {
    id: ShareId,
    point: Affine<V::Sig>,
    _scheme: PhantomData<S>,
}

impl<V: Variant, S: Scheme> SignatureShare<V, S> {
    /// The signer's identifier.
    pub fn id(&self) -> ShareId {
        self.id
    }

    /// The point f(x)·H(m).
    pub fn as_point(&self) -> &Affine<V::Sig> {
        &self.point
    }

    /// `x (32 bytes) ‖ share (compressed)`.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::id::id_point_bytes::<V::Sig>(&self.id, &self.point)
    }

    /// Decodes [`SignatureShare::to_bytes`], with the subgroup check.
    ///
    /// # Errors
    /// Length, identifier and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (id, point) = super::id::id_point_from_bytes::<V::Sig>(bytes)?;
        Ok(SignatureShare {
            id,
            point,
            _scheme: PhantomData,
        })
    }
}

impl<V: Variant, S: Scheme> fmt::Debug for SignatureShare<V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureShare")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl<V: Variant> SecretShare<V> {
    /// Signs `message` with this share under scheme `S` of the group `set` (constant time,
    /// as Sign is).
    pub fn sign<S: Scheme>(&self, set: &PublicKeySet<V>, message: &[u8]) -> SignatureShare<V, S> {
        let hashed = hash_message::<V, S>(|| *set.group_key(), message);
        SignatureShare {
            id: self.id(),
            point: crate::scalar_mul::mul(&hashed, self.value()).to_affine(),
            _scheme: PhantomData,
        }
    }
}

/// The (weight, share) pairs' random weights: 128 bits from SHA-256 of 32 bytes of RNG
/// output, the ciphersuite, the message and every share, so that neither a broken RNG nor
/// a share chosen after seeing the others makes a forgery pass (as in batch verification).
fn weights<V: Variant, S: Scheme>(
    seed: &[u8; 32],
    message: &[u8],
    shares: &[SignatureShare<V, S>],
) -> Vec<u128> {
    let mut transcript = Sha256::new();
    transcript.update(b"BLSIG-THRESHOLD-V01-SHARE-WEIGHTS");
    transcript.update(seed);
    transcript.update(ciphersuite_id::<V, S>());
    transcript.update((message.len() as u64).to_be_bytes());
    transcript.update(message);
    for share in shares {
        transcript.update(share.to_bytes());
    }
    let transcript = transcript.finalize();
    (0..shares.len() as u64)
        .map(|i| {
            let digest = Sha256::new()
                .chain_update(transcript)
                .chain_update(i.to_be_bytes())
                .finalize();
            let mut word = [0u8; 16];
            word.copy_from_slice(digest.get(..16).unwrap_or(&[0; 16]));
            u128::from_le_bytes(word) | 1
        })
        .collect()
}

impl<V: Variant> PublicKeySet<V> {
    /// Checks one signature share against its member's public key share:
    /// e(f(x)·g, H(m)) = e(g, σₓ).
    ///
    /// # Errors
    /// [`Error::VerificationFailed`].
    pub fn verify_signature_share<S: Scheme>(
        &self,
        message: &[u8],
        share: &SignatureShare<V, S>,
    ) -> Result<()> {
        let hashed = hash_message::<V, S>(|| *self.group_key(), message).to_affine();
        let pk = self.public_key_share(share.id);
        verify_pairs::<V>([(*pk.as_point(), hashed)], &share.point)
    }

    /// Combines shares into the group's signature by Lagrange interpolation at 0, using the
    /// first t shares, without verifying them: a bad share gives a signature that does not
    /// verify. The result equals the undivided key's signature byte for byte.
    ///
    /// # Errors
    /// [`Error::DuplicateKey`] if two given shares have one identifier;
    /// [`Error::BelowThreshold`] for fewer than t shares.
    pub fn combine<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Result<Signature<V, S>> {
        check_distinct(shares.iter().map(|s| s.id))?;
        let used = shares
            .get(..self.threshold())
            .ok_or(Error::BelowThreshold)?;
        let ids: Vec<ShareId> = used.iter().map(|s| s.id).collect();
        let lambdas: Vec<Scalar> = lagrange_at_zero(&ids)?;
        let points: Vec<Affine<V::Sig>> = used.iter().map(|s| s.point).collect();
        Ok(Signature::from_point(interpolate_points::<V::Sig>(
            &points, &lambdas,
        )))
    }

    /// The identifiers of the shares that do not verify, by one multi-pairing over all of
    /// them (random 128-bit weights) and, only if that fails, one check per share.
    ///
    /// # Errors
    /// [`Error::DuplicateKey`] if two shares have one identifier.
    pub fn find_invalid_shares<S: Scheme>(
        &self,
        message: &[u8],
        shares: &[SignatureShare<V, S>],
        rng: &mut impl CryptoRng,
    ) -> Result<Vec<ShareId>> {
        check_distinct(shares.iter().map(|s| s.id))?;
        if shares.is_empty() {
            return Ok(Vec::new());
        }
        let hashed = hash_message::<V, S>(|| *self.group_key(), message).to_affine();
        let mut seed = [0u8; 32];
        rng.fill_bytes(&mut seed);
        let r = weights(&seed, message, shares);
        let keys: Vec<V::Pk> = shares
            .iter()
            .map(|s| super::poly::eval_commitment::<V::Pk>(self.commitment().points(), &s.id))
            .collect();
        let mut key_points = alloc::vec![Affine::<V::Pk>::default(); keys.len()];
        V::Pk::batch_normalize(&keys, &mut key_points);
        let sig_points: Vec<Affine<V::Sig>> = shares.iter().map(|s| s.point).collect();
        // e(Σ rᵢ·PKᵢ, H) = e(g, Σ rᵢ·σᵢ)
        let weighted_key = crate::msm::msm_vartime::<V::Pk>(&key_points, &r).to_affine();
        let weighted_sig = crate::msm::msm_vartime::<V::Sig>(&sig_points, &r).to_affine();
        if verify_pairs::<V>([(weighted_key, hashed)], &weighted_sig).is_ok() {
            return Ok(Vec::new());
        }
        Ok(shares
            .iter()
            .zip(&key_points)
            .filter(|(s, pk)| verify_pairs::<V>([(**pk, hashed)], &s.point).is_err())
            .map(|(s, _)| s.id)
            .collect())
    }

    /// Robust combination: verifies every offered share ([`find_invalid_shares`]), then
    /// combines the first t valid ones. Returns the signature and the identifiers of the
    /// invalid shares.
    ///
    /// [`find_invalid_shares`]: PublicKeySet::find_invalid_shares
    ///
    /// # Errors
    /// [`Error::DuplicateKey`]; [`Error::BelowThreshold`] if fewer than t shares are
    /// valid.
    pub fn robust_combine<S: Scheme>(
        &self,
        message: &[u8],
        shares: &[SignatureShare<V, S>],
        rng: &mut impl CryptoRng,
    ) -> Result<(Signature<V, S>, Vec<ShareId>)> {
        let invalid = self.find_invalid_shares(message, shares, rng)?;
        let valid: Vec<SignatureShare<V, S>> = shares
            .iter()
            .filter(|s| !invalid.contains(&s.id))
            .copied()
            .collect();
        let signature = self.combine(&valid)?;
        Ok((signature, invalid))
    }
}
