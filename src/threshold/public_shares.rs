//! The published side of a sharing without its commitment: the group key, the threshold and
//! every member's public key share, as a distributed validator's cluster definition lists
//! them.

use alloc::vec::Vec;
use core::fmt;

use blsig_curve::Scalar;
use group::{Curve as _, Group};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use super::combine::{ShareKeys, combine, find_invalid, robust_combine, verify_share};
use super::poly::LagrangeBasis;
use super::{PublicKeyShare, ShareId, SignatureShare, check_distinct};
use crate::curve::Affine;
use crate::dst::Dst;
use crate::error::{Error, Result};
use crate::hash::hash_to_scalar;
use crate::public_key::PublicKey;
use crate::scheme::Scheme;
use crate::signature::Signature;
use crate::variant::Variant;

/// The tag of the weights of the consistency check.
const CONSISTENCY_DST: &[u8; 39] = b"BLSIG-THRESHOLD-V01-PUBLIC-SHARES-CHECK";

/// The group key, threshold t and public key shares of a t-of-n sharing: all a member or
/// an aggregator needs to check signature shares and combine them, without the dealer's
/// Feldman commitment.
///
/// It exists only for consistent data: the constructors check that the shares lie on one
/// polynomial of degree t − 1 (any t of them interpolate the others) whose value at 0 is
/// the group key, so a corrupted or mixed-up list is refused up front rather than blamed on
/// honest signers later.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicShares<V: Variant> {
    threshold: usize,
    group_key: PublicKey<V>,
    /// Ascending by identifier.
    shares: Vec<PublicKeyShare<V>>,
}

impl<V: Variant> PublicShares<V> {
    /// The set of `shares` with threshold `threshold`; the group key is interpolated from
    /// them. Cost: O(n·t) field operations and one n-point multi-scalar multiplication
    /// for n shares (the check of all n − t extra shares at once, with weights derived from
    /// every input).
    ///
    /// # Errors
    /// [`Error::InvalidThreshold`] unless 1 ≤ t ≤ n; [`Error::DuplicateKey`] for a repeated
    /// identifier; [`Error::InconsistentShares`] if the shares do not lie on one polynomial
    /// of degree t − 1; [`Error::IdentityPublicKey`] if they interpolate to the identity.
    pub fn new(threshold: usize, mut shares: Vec<PublicKeyShare<V>>) -> Result<Self> {
        if threshold == 0 || threshold > shares.len() {
            return Err(Error::InvalidThreshold);
        }
        check_distinct(shares.iter().map(PublicKeyShare::id))?;
        crate::sort::sort_by_key(&mut shares, PublicKeyShare::id);
        let (base, extra) = shares.split_at(threshold);
        let ids: Vec<ShareId> = base.iter().map(PublicKeyShare::id).collect();
        let basis = LagrangeBasis::new(&ids)?;
        let base_points: Vec<Affine<V::Pk>> = base.iter().map(|s| *s.as_point()).collect();
        let group =
            crate::msm::msm_scalars_vartime::<V::Pk>(&base_points, &basis.at(&Scalar::ZERO));
        if !extra.is_empty() {
            // Σⱼ ρⱼ·(Σᵢ λᵢ(xⱼ)·Pᵢ − Pⱼ) = 0 for weights ρⱼ derived from all the shares: a
            // share off the polynomial makes the sum non-zero except with probability 1/r.
            let mut transcript = Sha256::new();
            transcript.update((threshold as u64).to_be_bytes());
            for share in &shares {
                transcript.update(share.to_bytes());
            }
            let transcript = transcript.finalize();
            let dst = Dst::from_array(CONSISTENCY_DST);
            let mut coefficients = alloc::vec![Scalar::ZERO; threshold];
            let mut points = base_points;
            for (j, share) in extra.iter().enumerate() {
                let rho = hash_to_scalar(&[transcript.as_slice(), &(j as u64).to_be_bytes()], &dst);
                for (c, l) in coefficients.iter_mut().zip(basis.at(share.id().scalar())) {
                    *c += rho * l;
                }
                coefficients.push(-rho);
                points.push(*share.as_point());
            }
            let sum = crate::msm::msm_scalars_vartime::<V::Pk>(&points, &coefficients);
            if !bool::from(sum.is_identity()) {
                return Err(Error::InconsistentShares);
            }
        }
        let group_key = PublicKey::from_subgroup_point(group.to_affine())?;
        Ok(PublicShares {
            threshold,
            group_key,
            shares,
        })
    }

    /// [`PublicShares::new`], and the interpolated group key must be `group_key`.
    ///
    /// # Errors
    /// As [`PublicShares::new`]; [`Error::InconsistentShares`] if the shares interpolate to
    /// another key.
    pub fn with_group_key(
        threshold: usize,
        group_key: &PublicKey<V>,
        shares: Vec<PublicKeyShare<V>>,
    ) -> Result<Self> {
        let set = PublicShares::new(threshold, shares)?;
        if &set.group_key == group_key {
            Ok(set)
        } else {
            Err(Error::InconsistentShares)
        }
    }

    /// The threshold t.
    pub fn threshold(&self) -> usize {
        self.threshold
    }

    /// The group public key: what combined signatures verify under.
    pub fn group_key(&self) -> &PublicKey<V> {
        &self.group_key
    }

    /// The public key shares, ascending by identifier.
    pub fn shares(&self) -> &[PublicKeyShare<V>] {
        &self.shares
    }

    /// The public key share of member `id`, if it is one.
    pub fn get(&self, id: ShareId) -> Option<&PublicKeyShare<V>> {
        self.shares
            .binary_search_by_key(&id, PublicKeyShare::id)
            .ok()
            .and_then(|i| self.shares.get(i))
    }

    /// Checks one signature share against its member's public key share.
    ///
    /// # Errors
    /// [`Error::NotAMember`] if the share's identifier is not a member's;
    /// [`Error::VerificationFailed`].
    pub fn verify_signature_share<S: Scheme>(
        &self,
        message: &[u8],
        share: &SignatureShare<V, S>,
    ) -> Result<()> {
        let key = self.get(share.id()).ok_or(Error::NotAMember)?;
        verify_share(&self.group_key, key.as_point(), message, share)
    }

    /// As [`PublicKeySet::find_invalid_shares`](super::PublicKeySet::find_invalid_shares);
    /// a share under an identifier that is no member's is invalid.
    pub fn find_invalid_shares<S: Scheme>(
        &self,
        message: &[u8],
        shares: &[SignatureShare<V, S>],
        rng: &mut impl CryptoRng,
    ) -> Vec<usize> {
        find_invalid(self, message, shares, rng)
    }

    /// As [`PublicKeySet::robust_combine`](super::PublicKeySet::robust_combine).
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

    /// [`combine`](super::combine) with this set's threshold (no verification).
    ///
    /// # Errors
    /// As [`combine`](super::combine).
    pub fn combine<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Result<Signature<V, S>> {
        combine(self.threshold, shares)
    }
}

impl<V: Variant> ShareKeys<V> for PublicShares<V> {
    fn threshold(&self) -> usize {
        self.threshold
    }

    fn group_key(&self) -> &PublicKey<V> {
        &self.group_key
    }

    /// The published key share of each offered share's identifier, if it is a member's.
    fn keys_of<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Vec<Option<Affine<V::Pk>>> {
        shares
            .iter()
            .map(|s| self.get(s.id()).map(|k| *k.as_point()))
            .collect()
    }
}

impl<V: Variant> fmt::Debug for PublicShares<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicShares")
            .field("threshold", &self.threshold)
            .field("members", &self.shares.len())
            .field("group_key", &self.group_key)
            .finish()
    }
}

impl<V: Variant> PublicKeyShare<V> {
    /// The public key share `key` of member `id` (for shares published by another
    /// implementation; herumi's public key shares are ordinary public keys).
    pub fn new(id: ShareId, key: &PublicKey<V>) -> Self {
        PublicKeyShare::from_parts(id, *key.as_point())
    }

    /// Checks `share` (member `id`'s signature share of `message`) against this key share,
    /// where `group_key` is the group's key (the framing of [`crate::Aug`] uses it).
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if the share does not verify, or is another member's.
    pub fn verify_signature_share<S: Scheme>(
        &self,
        group_key: &PublicKey<V>,
        message: &[u8],
        share: &SignatureShare<V, S>,
    ) -> Result<()> {
        if share.id() != self.id() {
            return Err(Error::VerificationFailed);
        }
        verify_share(group_key, self.as_point(), message, share)
    }
}
