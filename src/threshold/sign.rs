//! Signature shares, their verification, and combination into an ordinary signature.

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use group::Curve as _;
use rand_core::CryptoRng;

use super::combine::{ShareKeys, combine, find_invalid, robust_combine, verify_share};
use super::poly::eval_commitment;
use super::{PublicKeySet, SecretShare, ShareId};
use crate::curve::Affine;
#[cfg(doc)]
use crate::error::Error;
use crate::error::Result;
use crate::ops::hash_message;
use crate::public_key::PublicKey;
use crate::scheme::Scheme;
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
    /// The share `signature` of member `id` (for shares another implementation produced:
    /// herumi's signature shares are ordinary signatures under the member's key share).
    /// Its validity is checked where it is used, against the member's public key share.
    pub fn new(id: ShareId, signature: &Signature<V, S>) -> Self {
        SignatureShare {
            id,
            point: *signature.as_point(),
            _scheme: PhantomData,
        }
    }

    /// The share as an ordinary signature (under the member's public key share, with the
    /// framing of the group key).
    pub fn to_signature(&self) -> Signature<V, S> {
        Signature::from_point(self.point)
    }

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

impl<V: Variant> ShareKeys<V> for PublicKeySet<V> {
    fn threshold(&self) -> usize {
        PublicKeySet::threshold(self)
    }

    fn group_key(&self) -> &PublicKey<V> {
        PublicKeySet::group_key(self)
    }

    /// Every identifier has a key share: f(x)·g from the commitment.
    fn keys_of<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Vec<Option<Affine<V::Pk>>> {
        let projective: Vec<V::Pk> = shares
            .iter()
            .map(|s| eval_commitment::<V::Pk>(self.commitment().points(), &s.id()))
            .collect();
        let mut affine = alloc::vec![Affine::<V::Pk>::default(); projective.len()];
        V::Pk::batch_normalize(&projective, &mut affine);
        affine.into_iter().map(Some).collect()
    }
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
        let key = self.public_key_share(share.id);
        verify_share(self.group_key(), key.as_point(), message, share)
    }

    /// Combines shares into the group's signature by Lagrange interpolation at 0 (the
    /// free function [`combine`](super::combine) with this set's threshold).
    ///
    /// # Errors
    /// [`Error::DuplicateKey`] if two given shares have one identifier;
    /// [`Error::BelowThreshold`] for fewer than t shares.
    pub fn combine<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Result<Signature<V, S>> {
        combine(self.threshold(), shares)
    }

    /// The positions (indices into `shares`, ascending) of the shares that do not verify,
    /// by one multi-pairing over all of them (random 128-bit weights) and, only if that
    /// fails, one check per share. Several shares may carry one identifier (an attacker
    /// may submit a fake share under an honest member's): each is judged on its own.
    pub fn find_invalid_shares<S: Scheme>(
        &self,
        message: &[u8],
        shares: &[SignatureShare<V, S>],
        rng: &mut impl CryptoRng,
    ) -> Vec<usize> {
        find_invalid(self, message, shares, rng)
    }

    /// Robust combination: verifies every offered share
    /// ([`find_invalid_shares`](PublicKeySet::find_invalid_shares)), keeps one valid share
    /// per identifier and combines the first t of them. Returns the signature and the
    /// positions of the invalid shares. A fake share offered under an honest member's
    /// identifier is blamed, and the honest one is used.
    ///
    /// # Errors
    /// [`Error::BelowThreshold`] if fewer than t distinct members' shares are valid.
    pub fn robust_combine<S: Scheme>(
        &self,
        message: &[u8],
        shares: &[SignatureShare<V, S>],
        rng: &mut impl CryptoRng,
    ) -> Result<(Signature<V, S>, Vec<usize>)> {
        robust_combine(self, message, shares, rng)
    }
}
