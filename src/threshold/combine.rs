//! Checking signature shares against public key shares, and combining them: the one
//! implementation behind [`PublicKeySet`](super::PublicKeySet) (keys from the Feldman
//! commitment) and [`PublicShares`](super::PublicShares) (published keys, no commitment).

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use blsig_curve::Scalar;
use group::Curve as _;
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use super::poly::{interpolate_points, lagrange_at_zero};
use super::{ShareId, SignatureShare, check_distinct};
use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::ops::hash_message;
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::scheme::{Scheme, ciphersuite_id};
use crate::signature::Signature;
use crate::variant::Variant;

/// Combines signature shares into the group's signature by Lagrange interpolation at 0,
/// using the first `threshold` shares, without verifying them: a bad share gives a
/// signature that does not verify. With t shares of one sharing, the result equals the
/// undivided key's signature byte for byte. Only t is needed — no commitment, no public
/// key shares.
///
/// # Errors
/// [`Error::InvalidThreshold`] for t = 0; [`Error::DuplicateKey`] if two given shares have
/// one identifier; [`Error::BelowThreshold`] for fewer than t shares.
pub fn combine<V: Variant, S: Scheme>(
    threshold: usize,
    shares: &[SignatureShare<V, S>],
) -> Result<Signature<V, S>> {
    if threshold == 0 {
        return Err(Error::InvalidThreshold);
    }
    check_distinct(shares.iter().map(SignatureShare::id))?;
    let used = shares.get(..threshold).ok_or(Error::BelowThreshold)?;
    let ids: Vec<ShareId> = used.iter().map(SignatureShare::id).collect();
    let lambdas: Vec<Scalar> = lagrange_at_zero(&ids)?;
    let points: Vec<Affine<V::Sig>> = used.iter().map(|s| *s.as_point()).collect();
    Ok(Signature::from_point(interpolate_points::<V::Sig>(
        &points, &lambdas,
    )))
}

/// What share verification needs of a sharing: t, the group key, and each offered share's
/// member key (`None`: not a member).
pub(crate) trait ShareKeys<V: Variant> {
    fn threshold(&self) -> usize;
    fn group_key(&self) -> &PublicKey<V>;
    fn keys_of<S: Scheme>(&self, shares: &[SignatureShare<V, S>]) -> Vec<Option<Affine<V::Pk>>>;
}

/// The point the group key signs for `message` under `S` (Aug frames it with the group key).
fn hashed<V: Variant, S: Scheme>(group_key: &PublicKey<V>, message: &[u8]) -> Affine<V::Sig> {
    hash_message::<V, S>(|| *group_key, message).to_affine()
}

/// One share against its member's public key share: e(f(x)·g, H(m)) = e(g, σₓ).
pub(crate) fn verify_share<V: Variant, S: Scheme>(
    group_key: &PublicKey<V>,
    key: &Affine<V::Pk>,
    message: &[u8],
    share: &SignatureShare<V, S>,
) -> Result<()> {
    verify_pairs::<V>(
        [(*key, hashed::<V, S>(group_key, message))],
        share.as_point(),
    )
}

/// The (weight, share) pairs' random weights: 128 bits from SHA-256 of 32 bytes of RNG
/// output, the ciphersuite, the message and every share, so that neither a broken RNG nor
/// a share chosen after seeing the others makes a forgery pass (as in batch verification).
fn weights<V: Variant, S: Scheme>(
    seed: &[u8; 32],
    message: &[u8],
    shares: &[&SignatureShare<V, S>],
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

/// The positions (into `shares`, ascending) of the shares that do not verify; a share whose
/// member the set does not know is invalid. One multi-pairing over all the others (random
/// 128-bit weights) and, only if that fails, one pairing check per share: linear in the
/// number of shares.
pub(crate) fn find_invalid<V: Variant, S: Scheme>(
    set: &impl ShareKeys<V>,
    message: &[u8],
    shares: &[SignatureShare<V, S>],
    rng: &mut impl CryptoRng,
) -> Vec<usize> {
    let keys = set.keys_of(shares);
    let mut invalid: Vec<usize> = Vec::new();
    // (position, share, its member's key) for the shares whose member is known.
    type Known<'a, V, S> = (usize, &'a SignatureShare<V, S>, Affine<<V as Variant>::Pk>);
    let mut known: Vec<Known<'_, V, S>> = Vec::new();
    for (position, share) in shares.iter().enumerate() {
        match keys.get(position).copied().flatten() {
            Some(key) => known.push((position, share, key)),
            None => invalid.push(position),
        }
    }
    if known.is_empty() {
        return invalid;
    }
    let hashed = hashed::<V, S>(set.group_key(), message);
    let mut seed = [0u8; 32];
    rng.fill_bytes(&mut seed);
    let offered: Vec<&SignatureShare<V, S>> = known.iter().map(|(_, s, _)| *s).collect();
    let r = weights(&seed, message, &offered);
    let key_points: Vec<Affine<V::Pk>> = known.iter().map(|(_, _, k)| *k).collect();
    let sig_points: Vec<Affine<V::Sig>> = offered.iter().map(|s| *s.as_point()).collect();
    // e(Σ rᵢ·PKᵢ, H) = e(g, Σ rᵢ·σᵢ)
    let weighted_key = crate::msm::msm_vartime::<V::Pk>(&key_points, &r).to_affine();
    let weighted_sig = crate::msm::msm_vartime::<V::Sig>(&sig_points, &r).to_affine();
    if verify_pairs::<V>([(weighted_key, hashed)], &weighted_sig).is_err() {
        invalid.extend(
            known
                .iter()
                .filter(|(_, s, key)| verify_pairs::<V>([(*key, hashed)], s.as_point()).is_err())
                .map(|(position, _, _)| *position),
        );
    }
    crate::sort::sort(&mut invalid);
    invalid
}

/// Robust combination: the shares that verify, one per identifier (a share that verifies
/// is the member's unique f(x)·H(m), so two that verify under one identifier are equal),
/// the first t of them combined. Returns the signature and the invalid positions.
pub(crate) fn robust_combine<V: Variant, S: Scheme>(
    set: &impl ShareKeys<V>,
    message: &[u8],
    shares: &[SignatureShare<V, S>],
    rng: &mut impl CryptoRng,
) -> Result<(Signature<V, S>, Vec<usize>)> {
    let invalid = find_invalid(set, message, shares, rng);
    let mut seen: BTreeSet<ShareId> = BTreeSet::new();
    let mut bad = invalid.iter().peekable();
    let mut valid: Vec<SignatureShare<V, S>> = Vec::new();
    for (position, share) in shares.iter().enumerate() {
        if bad.next_if_eq(&&position).is_some() {
            continue;
        }
        if seen.insert(share.id()) {
            valid.push(*share);
        }
    }
    let signature = combine(set.threshold(), &valid)?;
    Ok((signature, invalid))
}
