//! Aggregate (§2.8), AggregateVerify (§3.1.1, §3.2.1, §3.3 via CoreAggregateVerify §2.9),
//! FastAggregateVerify (§3.3.4) and key aggregation.

use group::{Curve as _, CurveAffine};

use super::hash_message;
use crate::curve::{decode_compressed_on_curve, subgroup_checked};
use crate::error::{Error, Result};
use crate::pairing::verify_pairs;
use crate::public_key::{AggregatePublicKey, ProvenPublicKey, PublicKey};
use crate::scheme::{Aug, Basic, Pop, Scheme};
use crate::signature::Signature;
use crate::variant::Variant;

mod sealed {
    pub trait Sealed {}
    impl<V: crate::Variant> Sealed for crate::PublicKey<V> {}
    impl<V: crate::Variant> Sealed for crate::ProvenPublicKey<V> {}
}

/// The key types that scheme `S` accepts in AggregateVerify. Sealed.
///
/// - [`Basic`] and [`Aug`]: any [`PublicKey`] (or [`ProvenPublicKey`]). Basic requires
///   distinct messages and Aug hashes every key into its own message, so no sum of keys
///   ever meets one hashed message.
/// - [`Pop`]: only [`ProvenPublicKey`]. Pop allows repeated messages, and the keys that
///   share a message are summed; draft §3.3 requires a verified proof of possession for
///   every such key, or a rogue key `x·g − PK` cancels an honest one.
///
/// ```compile_fail
/// # use blsig::min_pk::{PopSignature, SecretKey};
/// let sk = SecretKey::key_gen(&[1; 32], b"").unwrap();
/// let sig: PopSignature = sk.sign(b"m");
/// // Plain keys are refused under Pop: this does not compile.
/// let _ = sig.aggregate_verify(&[sk.public_key()], &[b"m"]);
/// ```
pub trait SchemeKey<V: Variant, S: Scheme>: sealed::Sealed {
    /// The key that signed.
    fn signer_key(&self) -> &PublicKey<V>;
}

impl<V: Variant> SchemeKey<V, Basic> for PublicKey<V> {
    fn signer_key(&self) -> &PublicKey<V> {
        self
    }
}

impl<V: Variant> SchemeKey<V, Aug> for PublicKey<V> {
    fn signer_key(&self) -> &PublicKey<V> {
        self
    }
}

impl<V: Variant, S: Scheme> SchemeKey<V, S> for ProvenPublicKey<V> {
    fn signer_key(&self) -> &PublicKey<V> {
        self.public_key()
    }
}

/// Σ of the keys' points (no checks: callers decide what the sum may be).
pub(crate) fn sum_keys<'a, V: Variant>(
    first: &PublicKey<V>,
    rest: impl IntoIterator<Item = &'a PublicKey<V>>,
) -> V::Pk {
    rest.into_iter()
        .fold(first.as_point().to_curve(), |acc, k| acc + k.as_point())
}

impl<V: Variant, S: Scheme> Signature<V, S> {
    /// Aggregate (§2.8): the sum of the signatures.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] if `signatures` is empty.
    pub fn aggregate(signatures: &[Self]) -> Result<Self> {
        let (first, rest) = signatures.split_first().ok_or(Error::EmptyInput)?;
        let sum = rest
            .iter()
            .fold(first.as_point().to_curve(), |acc, s| acc + s.as_point());
        Ok(Self::from_point(sum.to_affine()))
    }

    /// Aggregate (§2.8) straight from compressed encodings, as the draft defines it: each
    /// signature is decoded with every check but the subgroup check (`signature_to_point`
    /// without `signature_subgroup_check`), and the sum is subgroup-checked once, so that
    /// the result is a [`Signature`] like any other. For n signatures this saves n − 1
    /// subgroup checks over decoding each with [`Signature::from_bytes`] (see
    /// `BENCHMARKS.md`).
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no signatures; the decoding errors of
    /// [`Signature::from_bytes`] for the first encoding that fails (length, flags, field
    /// range, on-curve); [`Error::NotInSubgroup`] if the sum is outside the subgroup.
    ///
    /// # Security
    /// Inputs whose small-order components cancel in the sum are accepted (the sum is what
    /// gets verified, and it is checked). To reject — or blame the sender of — each bad
    /// input, decode each with [`Signature::from_bytes`] and use [`Signature::aggregate`].
    pub fn aggregate_from_bytes(encoded: &[&[u8]]) -> Result<Self> {
        let (first, rest) = encoded.split_first().ok_or(Error::EmptyInput)?;
        let mut sum = decode_compressed_on_curve::<V::Sig>(first)?.to_curve();
        for bytes in rest {
            sum += decode_compressed_on_curve::<V::Sig>(bytes)?;
        }
        subgroup_checked::<V::Sig>(sum.to_affine()).map(Self::from_point)
    }

    /// AggregateVerify (§3.1.1, §3.2.1, §3.3 via §2.9): checks this aggregate against the
    /// signers' keys and their messages, `public_keys[i]` having signed `messages[i]`.
    ///
    /// The key type follows the scheme ([`SchemeKey`]): [`PublicKey`]s for [`Basic`] and
    /// [`Aug`], [`ProvenPublicKey`]s for [`Pop`].
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no signers, [`Error::LengthMismatch`] if the slices differ
    /// in length, [`Error::DuplicateMessage`] under [`Basic`] when two messages are
    /// equal, [`Error::VerificationFailed`] if the aggregate is not valid.
    pub fn aggregate_verify<K: SchemeKey<V, S>>(
        &self,
        public_keys: &[K],
        messages: &[&[u8]],
    ) -> Result<()> {
        if public_keys.is_empty() {
            return Err(Error::EmptyInput);
        }
        if public_keys.len() != messages.len() {
            return Err(Error::LengthMismatch);
        }
        if S::REQUIRES_DISTINCT_MESSAGES && has_duplicate(messages) {
            return Err(Error::DuplicateMessage);
        }
        self.check_pairs(public_keys, messages)
    }

    /// The pairing check of AggregateVerify. With `alloc`: each distinct message is hashed
    /// once and the keys that signed it are summed first (Π e(PKᵢ, H(m)) = e(Σ PKᵢ, H(m)),
    /// the same product; only [`Pop`] can have such keys, and they are proven), and all
    /// affine conversions share one inversion.
    #[cfg(feature = "alloc")]
    fn check_pairs<K: SchemeKey<V, S>>(&self, keys: &[K], messages: &[&[u8]]) -> Result<()> {
        use alloc::vec::Vec;
        let mut signers: Vec<(&PublicKey<V>, &[u8])> = keys
            .iter()
            .map(SchemeKey::signer_key)
            .zip(messages.iter().copied())
            .collect();
        // Under Aug every signer hashes its own key with the message: nothing to share.
        if !S::AUGMENTS_MESSAGE {
            crate::sort::sort_by_key(&mut signers, |(_, msg)| *msg);
        }
        let mut key_sums: Vec<V::Pk> = Vec::new();
        let mut hashes: Vec<V::Sig> = Vec::new();
        let mut previous: Option<&[u8]> = None;
        for (pk, msg) in signers {
            match key_sums.last_mut() {
                Some(sum) if !S::AUGMENTS_MESSAGE && previous == Some(msg) => *sum += pk.as_point(),
                _ => {
                    key_sums.push(pk.as_point().to_curve());
                    hashes.push(hash_message::<V, S>(|| *pk, msg));
                }
            }
            previous = Some(msg);
        }
        let mut keys_affine = alloc::vec![crate::Affine::<V::Pk>::identity(); key_sums.len()];
        V::Pk::batch_normalize(&key_sums, &mut keys_affine);
        let mut hashes_affine = alloc::vec![crate::Affine::<V::Sig>::identity(); hashes.len()];
        V::Sig::batch_normalize(&hashes, &mut hashes_affine);
        verify_pairs::<V>(keys_affine.into_iter().zip(hashes_affine), self.as_point())
    }

    /// The pairing check of AggregateVerify, one pair per signer.
    #[cfg(not(feature = "alloc"))]
    fn check_pairs<K: SchemeKey<V, S>>(&self, keys: &[K], messages: &[&[u8]]) -> Result<()> {
        let pairs = keys
            .iter()
            .map(SchemeKey::signer_key)
            .zip(messages)
            .map(|(pk, m)| (*pk.as_point(), hash_message::<V, S>(|| *pk, m).to_affine()));
        verify_pairs::<V>(pairs, self.as_point())
    }
}

impl<V: Variant> Signature<V, Pop> {
    /// FastAggregateVerify (§3.3.4): checks this aggregate of signatures on one `message`
    /// against keys whose possession was proven. To check many aggregates against one set
    /// of keys, aggregate the keys once ([`ProvenPublicKey::aggregate`]) and use
    /// [`AggregatePublicKey::fast_aggregate_verify`].
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no keys, [`Error::IdentityPublicKey`] if the keys sum to
    /// the identity (KeyValidate of the aggregate fails), [`Error::VerificationFailed`]
    /// if the aggregate is not valid.
    pub fn fast_aggregate_verify(
        &self,
        public_keys: &[ProvenPublicKey<V>],
        message: &[u8],
    ) -> Result<()> {
        ProvenPublicKey::aggregate(public_keys)?.fast_aggregate_verify(message, self)
    }
}

impl<V: Variant> ProvenPublicKey<V> {
    /// AggregatePKs (the key sum of FastAggregateVerify, §3.3.4): the sum of the keys, kept
    /// for checking aggregate signatures on one message.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no keys; [`Error::IdentityPublicKey`] if they sum to the
    /// identity (KeyValidate of the aggregate).
    pub fn aggregate(keys: &[Self]) -> Result<AggregatePublicKey<V>> {
        let (first, rest) = keys.split_first().ok_or(Error::EmptyInput)?;
        let sum = sum_keys(first.public_key(), rest.iter().map(Self::public_key));
        PublicKey::from_subgroup_point(sum.to_affine()).map(AggregatePublicKey::from_sum)
    }
}

impl<V: Variant> AggregatePublicKey<V> {
    /// FastAggregateVerify (§3.3.4) against this pre-aggregated key: one pairing check,
    /// whatever the number of keys summed.
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if the aggregate signature is not valid.
    pub fn fast_aggregate_verify(
        &self,
        message: &[u8],
        signature: &Signature<V, Pop>,
    ) -> Result<()> {
        self.public_key().verify(message, signature)
    }
}

/// Whether two messages are equal (sorting with the heap, pairwise without).
fn has_duplicate(messages: &[&[u8]]) -> bool {
    #[cfg(feature = "alloc")]
    {
        let mut sorted = alloc::vec::Vec::from(messages);
        crate::sort::sort(&mut sorted);
        sorted.windows(2).any(|w| matches!(w, [a, b] if a == b))
    }
    #[cfg(not(feature = "alloc"))]
    {
        messages
            .iter()
            .enumerate()
            .any(|(i, a)| messages.iter().skip(i + 1).any(|b| a == b))
    }
}
