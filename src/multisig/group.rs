//! The group key: canonical member order, key-aggregation coefficients, aggregated key.

use alloc::vec::Vec;
use core::fmt;

use bls12_381::Scalar;
use group::Curve as _;

use super::{Tag, read_be};
use crate::curve::{Affine, Curve};
use crate::error::{Error, Result};
use crate::hash::hash_to_scalar;
use crate::msm::msm_scalars_vartime;
use crate::public_key::PublicKey;
use crate::variant::Variant;

/// A compressed public key.
type Encoded<V> = <Affine<<V as Variant>::Pk> as group::GroupEncoding>::Repr;

/// A multisignature group: its members' keys in canonical order, their coefficients
/// aᵢ = H₁(Pᵢ, {P₁..Pₙ}) and the aggregated key P = Σ aᵢ·Pᵢ. Also the n-of-n (MSP)
/// verifier; see the [module documentation](super).
pub struct GroupKey<V: Variant> {
    members: Vec<PublicKey<V>>,
    encoded: Vec<Encoded<V>>,
    coefficients: Vec<Scalar>,
    aggregate: PublicKey<V>,
}

impl<V: Variant> GroupKey<V> {
    /// Builds the group of `keys`, in any order.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no keys, [`Error::DuplicateKey`] if a key repeats,
    /// [`Error::IdentityPublicKey`] if the aggregated key is the identity (probability
    /// about 2⁻²⁵⁵ for honest keys).
    pub fn new(keys: &[PublicKey<V>]) -> Result<Self> {
        if keys.is_empty() {
            return Err(Error::EmptyInput);
        }
        let mut members: Vec<(PublicKey<V>, Encoded<V>)> =
            keys.iter().map(|k| (*k, k.to_bytes())).collect();
        members.sort_unstable_by(|a, b| a.1.as_ref().cmp(b.1.as_ref()));
        if members
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.1.as_ref() == b.1.as_ref()))
        {
            return Err(Error::DuplicateKey);
        }
        let (members, encoded): (Vec<_>, Vec<_>) = members.into_iter().unzip();
        let coefficients = coefficients::<V>(&encoded);
        let points: Vec<Affine<V::Pk>> = members.iter().map(|k| *k.as_point()).collect();
        let sum: V::Pk = msm_scalars_vartime(&points, &coefficients);
        let aggregate = PublicKey::from_point(sum.to_affine())?;
        Ok(GroupKey {
            members,
            encoded,
            coefficients,
            aggregate,
        })
    }

    /// The number of members n.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Always false: a group has at least one member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members' keys in canonical order; member i is `members()[i]`.
    pub fn members(&self) -> &[PublicKey<V>] {
        &self.members
    }

    /// The index of `key` in the group, if it is a member.
    pub fn index_of(&self, key: &PublicKey<V>) -> Option<usize> {
        let bytes = key.to_bytes();
        self.encoded
            .binary_search_by(|e| e.as_ref().cmp(bytes.as_ref()))
            .ok()
    }

    /// Member i's coefficient aᵢ.
    pub fn coefficient(&self, index: usize) -> Option<&Scalar> {
        self.coefficients.get(index)
    }

    /// The aggregated key P = Σ aᵢ·Pᵢ.
    pub fn aggregate_key(&self) -> &PublicKey<V> {
        &self.aggregate
    }

    /// `I2OSP(n, 4) ‖ P₁ ‖ … ‖ Pₙ` (canonical order).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.len() * V::Pk::COMPRESSED_LEN);
        out.extend_from_slice(&(self.len() as u32).to_be_bytes());
        for e in &self.encoded {
            out.extend_from_slice(e.as_ref());
        }
        out
    }

    /// Decodes [`GroupKey::to_bytes`], validating every key and the canonical order.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for a length that does not match n, the key decoding errors,
    /// [`Error::DuplicateKey`] for a repeated key, [`Error::InvalidEncoding`] for keys out of
    /// canonical order, and the errors of [`GroupKey::new`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (n, rest) = read_be::<4>(bytes)?;
        let expected = (n as usize).saturating_mul(V::Pk::COMPRESSED_LEN);
        if rest.len() != expected {
            return Err(Error::InvalidLength {
                expected: expected.saturating_add(4),
                actual: bytes.len(),
            });
        }
        let chunks: Vec<&[u8]> = rest.chunks(V::Pk::COMPRESSED_LEN).collect();
        for w in chunks.windows(2) {
            if let [a, b] = w {
                match a.cmp(b) {
                    core::cmp::Ordering::Less => {}
                    core::cmp::Ordering::Equal => return Err(Error::DuplicateKey),
                    core::cmp::Ordering::Greater => return Err(Error::InvalidEncoding),
                }
            }
        }
        let keys = chunks
            .iter()
            .map(|c| PublicKey::from_bytes(c))
            .collect::<Result<Vec<_>>>()?;
        Self::new(&keys)
    }

    /// The encoded aggregated key, the prefix of the ASM hashes H(P, ·).
    pub(crate) fn aggregate_bytes(&self) -> Encoded<V> {
        self.aggregate.to_bytes()
    }
}

/// aᵢ = H₁(Pᵢ, {P₁..Pₙ}) for every member, from the canonical encodings.
fn coefficients<V: Variant>(encoded: &[Encoded<V>]) -> Vec<Scalar> {
    let tag = Tag::new::<V>(b"MSP", b"COEFFICIENT_");
    let n = (encoded.len() as u64).to_be_bytes();
    encoded
        .iter()
        .map(|own| {
            let mut parts: Vec<&[u8]> = Vec::with_capacity(encoded.len() + 2);
            parts.push(own.as_ref());
            parts.push(&n);
            parts.extend(encoded.iter().map(AsRef::as_ref));
            hash_to_scalar(&parts, tag.as_bytes())
        })
        .collect()
}

impl<V: Variant> Clone for GroupKey<V> {
    fn clone(&self) -> Self {
        GroupKey {
            members: self.members.clone(),
            encoded: self.encoded.clone(),
            coefficients: self.coefficients.clone(),
            aggregate: self.aggregate,
        }
    }
}

impl<V: Variant> PartialEq for GroupKey<V> {
    fn eq(&self, other: &Self) -> bool {
        self.members == other.members
    }
}

impl<V: Variant> Eq for GroupKey<V> {}

impl<V: Variant> fmt::Debug for GroupKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GroupKey")
            .field("members", &self.members.len())
            .field("aggregate", &self.aggregate)
            .finish()
    }
}
