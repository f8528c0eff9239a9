//! Signatures and the operations on them: Aggregate (§2.8), AggregateVerify (§3.1.1, §3.2.1,
//! §2.9) and FastAggregateVerify (§3.3.4).

use core::fmt;
use core::marker::PhantomData;

use group::{Curve, CurveAffine};
use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::{Affine, decode_compressed, decode_uncompressed};
use crate::error::{Error, Result};
use crate::pairing::verify_pairs;
use crate::pop::ProvenPublicKey;
use crate::public_key::PublicKey;
use crate::scheme::{Pop, Scheme};
use crate::variant::Variant;

/// A BLS signature of variant `V` under scheme `S`, possibly an aggregate.
///
/// Decoding checks the encoding, the curve and the subgroup. The identity is a valid
/// signature encoding (the aggregate of nothing, or of opposite signatures); it never
/// verifies against a valid key.
pub struct Signature<V: Variant, S: Scheme> {
    point: Affine<V::Sig>,
    _scheme: PhantomData<S>,
}

impl<V: Variant, S: Scheme> Signature<V, S> {
    pub(crate) fn from_point(point: Affine<V::Sig>) -> Self {
        Signature {
            point,
            _scheme: PhantomData,
        }
    }

    /// Decodes a compressed signature (96 bytes for min-pk, 48 for min-sig), with the
    /// subgroup check of `signature_to_point` (§2.7).
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidEncoding`], [`Error::FieldElementOutOfRange`],
    /// [`Error::NotOnCurve`], [`Error::NotInSubgroup`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        decode_compressed::<V::Sig>(bytes).map(Self::from_point)
    }

    /// Decodes an uncompressed signature.
    ///
    /// # Errors
    /// As [`Signature::from_bytes`].
    pub fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        decode_uncompressed::<V::Sig>(bytes).map(Self::from_point)
    }

    /// The compressed encoding.
    pub fn to_bytes(&self) -> <Affine<V::Sig> as GroupEncoding>::Repr {
        self.point.to_bytes()
    }

    /// The uncompressed encoding.
    pub fn to_uncompressed(&self) -> <Affine<V::Sig> as UncompressedEncoding>::Uncompressed {
        self.point.to_uncompressed()
    }

    /// The curve point.
    pub fn as_point(&self) -> &Affine<V::Sig> {
        &self.point
    }

    /// Aggregate (§2.8): the sum of the signatures.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] if `signatures` is empty.
    pub fn aggregate(signatures: &[Self]) -> Result<Self> {
        let (first, rest) = signatures.split_first().ok_or(Error::EmptyInput)?;
        let sum = rest
            .iter()
            .fold(first.point.to_curve(), |acc, s| acc + s.point);
        Ok(Self::from_point(sum.to_affine()))
    }

    /// AggregateVerify (§3.1.1, §3.2.1, §3.3 via §2.9): checks this aggregate against the
    /// signers' keys and their messages, `public_keys[i]` having signed `messages[i]`.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no signers, [`Error::LengthMismatch`] if the slices differ
    /// in length, [`Error::DuplicateMessage`] under [`crate::Basic`] when two messages are
    /// equal, [`Error::VerificationFailed`] if the aggregate is not valid.
    pub fn aggregate_verify(&self, public_keys: &[PublicKey<V>], messages: &[&[u8]]) -> Result<()> {
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
    /// the same product), and all affine conversions share one inversion.
    #[cfg(feature = "alloc")]
    fn check_pairs(&self, public_keys: &[PublicKey<V>], messages: &[&[u8]]) -> Result<()> {
        use alloc::vec::Vec;
        let mut order: Vec<usize> = (0..public_keys.len()).collect();
        // Under Aug every signer hashes its own key with the message: nothing to share.
        if !S::AUGMENTS_MESSAGE {
            order.sort_unstable_by_key(|&i| messages.get(i).copied().unwrap_or_default());
        }
        let mut key_sums: Vec<V::Pk> = Vec::new();
        let mut hashes: Vec<V::Sig> = Vec::new();
        let mut previous: Option<&[u8]> = None;
        for i in order {
            let (Some(pk), Some(&msg)) = (public_keys.get(i), messages.get(i)) else {
                return Err(Error::LengthMismatch);
            };
            match key_sums.last_mut() {
                Some(sum) if !S::AUGMENTS_MESSAGE && previous == Some(msg) => *sum += pk.as_point(),
                _ => {
                    key_sums.push(pk.as_point().to_curve());
                    hashes.push(pk.hash_for::<S>(msg));
                }
            }
            previous = Some(msg);
        }
        let mut keys_affine = alloc::vec![Affine::<V::Pk>::identity(); key_sums.len()];
        V::Pk::batch_normalize(&key_sums, &mut keys_affine);
        let mut hashes_affine = alloc::vec![Affine::<V::Sig>::identity(); hashes.len()];
        V::Sig::batch_normalize(&hashes, &mut hashes_affine);
        verify_pairs::<V>(keys_affine.into_iter().zip(hashes_affine), &self.point)
    }

    /// The pairing check of AggregateVerify, one pair per signer.
    #[cfg(not(feature = "alloc"))]
    fn check_pairs(&self, public_keys: &[PublicKey<V>], messages: &[&[u8]]) -> Result<()> {
        let pairs = public_keys
            .iter()
            .zip(messages)
            .map(|(pk, m)| (*pk.as_point(), pk.hash_for::<S>(m).to_affine()));
        verify_pairs::<V>(pairs, &self.point)
    }
}

impl<V: Variant> Signature<V, Pop> {
    /// FastAggregateVerify (§3.3.4): checks this aggregate of signatures on one `message`
    /// against keys whose possession was proven.
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
        ProvenPublicKey::aggregate(public_keys)?.verify(message, self)
    }
}

/// Whether two messages are equal (sorting with the heap, pairwise without).
fn has_duplicate(messages: &[&[u8]]) -> bool {
    #[cfg(feature = "alloc")]
    {
        let mut sorted = alloc::vec::Vec::from(messages);
        sorted.sort_unstable();
        sorted.windows(2).any(|w| w[0] == w[1])
    }
    #[cfg(not(feature = "alloc"))]
    {
        messages
            .iter()
            .enumerate()
            .any(|(i, a)| messages.iter().skip(i + 1).any(|b| a == b))
    }
}

impl<V: Variant, S: Scheme> Clone for Signature<V, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Variant, S: Scheme> Copy for Signature<V, S> {}

impl<V: Variant, S: Scheme> PartialEq for Signature<V, S> {
    fn eq(&self, other: &Self) -> bool {
        self.point == other.point
    }
}

impl<V: Variant, S: Scheme> Eq for Signature<V, S> {}

impl<V: Variant, S: Scheme> fmt::Debug for Signature<V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature<{}, {:?}>(", V::NAME, S::default())?;
        crate::hex_fmt(f, self.to_bytes().as_ref())?;
        f.write_str(")")
    }
}
