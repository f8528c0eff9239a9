//! A trusted dealer: splitting a key, recovering it, and refreshing the shares.

use alloc::vec::Vec;

use blsig_curve::Scalar;
use rand_core::CryptoRng;
use zeroize::Zeroizing;

use super::poly::{SecretPoly, lagrange_at_zero};
use super::{FeldmanCommitment, PublicKeySet, SecretShare, ShareId, check_distinct};
use crate::error::{Error, Result};
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The default identifiers 1, 2, …, n.
///
/// # Errors
/// [`Error::GroupTooLarge`] if n does not fit the identifiers' `u32` count.
pub fn default_ids(n: usize) -> Result<Vec<ShareId>> {
    let n = u32::try_from(n).map_err(|_| Error::GroupTooLarge)?;
    (1..=u64::from(n)).map(ShareId::new).collect()
}

fn check_threshold(t: usize, n: usize) -> Result<()> {
    if t == 0 || t > n {
        Err(Error::InvalidThreshold)
    } else {
        Ok(())
    }
}

/// Splits `sk` into `n` shares with threshold `t` (any t shares sign, t − 1 learn nothing)
/// for the default identifiers 1‥n, with a random polynomial of degree t − 1 and its
/// Feldman commitment. Cost: O(n·t) field operations and t fixed-base multiplications.
///
/// # Errors
/// [`Error::InvalidThreshold`] unless 1 ≤ t ≤ n; [`Error::GroupTooLarge`] for n ≥ 2³².
///
/// # Security
/// The coefficients come from 32 bytes of `rng` output hashed with the secret key, so a
/// failing RNG does not expose the key through predictable coefficients (it does make
/// repeated dealings of one key alike). Each share must reach only its member.
pub fn deal<V: Variant>(
    sk: &SecretKey<V>,
    t: usize,
    n: usize,
    rng: &mut impl CryptoRng,
) -> Result<(PublicKeySet<V>, Vec<SecretShare<V>>)> {
    deal_with_ids(sk, t, &default_ids(n)?, rng)
}

/// [`deal`] for caller-chosen identifiers (non-zero, distinct).
///
/// # Errors
/// [`Error::InvalidThreshold`] unless 1 ≤ t ≤ ids.len(); [`Error::DuplicateKey`] for a
/// repeated identifier.
pub fn deal_with_ids<V: Variant>(
    sk: &SecretKey<V>,
    t: usize,
    ids: &[ShareId],
    rng: &mut impl CryptoRng,
) -> Result<(PublicKeySet<V>, Vec<SecretShare<V>>)> {
    check_threshold(t, ids.len())?;
    check_distinct(ids.iter().copied())?;
    let mut seed = Zeroizing::new([0u8; 32]);
    rng.fill_bytes(seed.as_mut());
    let poly = SecretPoly::new(*sk.scalar(), t, &seed, sk.to_bytes().as_ref());
    let set =
        PublicKeySet::from_commitment(FeldmanCommitment::from_points(poly.commit::<V::Pk>()))?;
    let shares = ids
        .iter()
        .map(|x| SecretShare::new(*x, poly.eval(x)))
        .collect();
    Ok((set, shares))
}

/// Interpolates f(0) from the first `t` shares (after checking that all given identifiers
/// are distinct).
pub(crate) fn interpolate_secret<V: Variant>(
    t: usize,
    shares: &[&SecretShare<V>],
) -> Result<Scalar> {
    let used = shares.get(..t).ok_or(Error::BelowThreshold)?;
    let ids: Vec<ShareId> = used.iter().map(|s| s.id()).collect();
    let lambdas = lagrange_at_zero(&ids)?;
    let mut secret = Scalar::ZERO;
    for (share, lambda) in used.iter().zip(&lambdas) {
        secret += *share.value() * lambda;
    }
    Ok(secret)
}

/// Recovers the secret key f(0) from the first `threshold` of `shares` by Lagrange
/// interpolation, with nothing but the shares and t (herumi's `blsSecretKeyRecover`).
/// Without a commitment nothing checks the shares: a wrong share gives a wrong key.
/// [`PublicKeySet::recover_secret_key`] checks each share and the result.
///
/// # Errors
/// [`Error::InvalidThreshold`] for t = 0; [`Error::DuplicateKey`] for a repeated
/// identifier; [`Error::BelowThreshold`] for fewer than t shares;
/// [`Error::InvalidSecretKey`] if the shares interpolate to 0.
pub fn recover_secret_key<V: Variant>(
    threshold: usize,
    shares: &[SecretShare<V>],
) -> Result<SecretKey<V>> {
    if threshold == 0 {
        return Err(Error::InvalidThreshold);
    }
    check_distinct(shares.iter().map(SecretShare::id))?;
    let refs: Vec<&SecretShare<V>> = shares.iter().collect();
    let mut secret = Zeroizing::new(interpolate_secret(threshold, &refs)?);
    let sk = SecretKey::from_scalar(*secret);
    *secret = Scalar::ZERO;
    sk
}

impl<V: Variant> PublicKeySet<V> {
    /// Checks a secret share against the commitment (Feldman).
    ///
    /// # Errors
    /// [`Error::VerificationFailed`].
    pub fn verify_secret_share(&self, share: &SecretShare<V>) -> Result<()> {
        self.commitment().verify(&share.id(), share.value())
    }

    /// Recovers the group secret key from at least t shares: each share is checked against
    /// the commitment, the first t interpolate f(0), and the result is checked against the
    /// group key.
    ///
    /// # Errors
    /// [`Error::DuplicateKey`] for a repeated identifier; [`Error::BelowThreshold`] for
    /// fewer than t shares; [`Error::VerificationFailed`] if a share fails its Feldman
    /// check.
    pub fn recover_secret_key(&self, shares: &[SecretShare<V>]) -> Result<SecretKey<V>> {
        check_distinct(shares.iter().map(SecretShare::id))?;
        if shares.len() < self.threshold() {
            return Err(Error::BelowThreshold);
        }
        for share in shares {
            self.verify_secret_share(share)?;
        }
        let refs: Vec<&SecretShare<V>> = shares.iter().collect();
        let mut secret = Zeroizing::new(interpolate_secret(self.threshold(), &refs)?);
        let sk = SecretKey::from_scalar(*secret)?;
        *secret = Scalar::ZERO;
        if &sk.public_key() != self.group_key() {
            return Err(Error::VerificationFailed);
        }
        Ok(sk)
    }

    /// Refreshes a sharing without changing the group key (proactive re-sharing by one
    /// dealer who holds every share): a random polynomial δ with δ(0) = 0 is added, so the
    /// new shares are f(x) + δ(x) and the new commitment is C + D. Old and new shares do
    /// not combine with each other. Each given share is checked first.
    ///
    /// # Errors
    /// As [`PublicKeySet::verify_secret_share`] and [`Error::DuplicateKey`].
    pub fn refresh(
        &self,
        shares: &[SecretShare<V>],
        rng: &mut impl CryptoRng,
    ) -> Result<(PublicKeySet<V>, Vec<SecretShare<V>>)> {
        check_distinct(shares.iter().map(SecretShare::id))?;
        for share in shares {
            self.verify_secret_share(share)?;
        }
        let mut seed = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(seed.as_mut());
        let mut hedge = Zeroizing::new(alloc::vec::Vec::with_capacity(64 * shares.len()));
        for share in shares {
            hedge.extend_from_slice(share.to_bytes().as_ref());
        }
        let delta = SecretPoly::new(Scalar::ZERO, self.threshold(), &seed, &hedge);
        // D₀ = 0·g is the identity, so C₀ (the group key) is unchanged.
        let commitment = self
            .commitment()
            .add(&FeldmanCommitment::from_points(delta.commit::<V::Pk>()))?;
        let set = PublicKeySet::from_commitment(commitment)?;
        let refreshed = shares
            .iter()
            .map(|s| SecretShare::new(s.id(), *s.value() + delta.eval(&s.id())))
            .collect();
        Ok((set, refreshed))
    }
}
