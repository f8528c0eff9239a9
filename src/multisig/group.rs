//! The group key: canonical member order, key-aggregation coefficients, aggregated key.

use alloc::vec::Vec;
use core::fmt;

use blsig_curve::Scalar;
use group::Curve as _;
use sha2::{Digest, Sha256};

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
#[derive(Clone)]
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
    /// [`Error::EmptyInput`] for no keys, [`Error::GroupTooLarge`] for more than 2³² − 1,
    /// [`Error::DuplicateKey`] if a key repeats, [`Error::IdentityPublicKey`] if the
    /// aggregated key is the identity (probability about 2⁻²⁵⁵ for honest keys).
    pub fn new(keys: &[PublicKey<V>]) -> Result<Self> {
        if keys.is_empty() {
            return Err(Error::EmptyInput);
        }
        if u32::try_from(keys.len()).is_err() {
            return Err(Error::GroupTooLarge);
        }
        let mut members: Vec<(PublicKey<V>, Encoded<V>)> =
            keys.iter().map(|k| (*k, k.to_bytes())).collect();
        crate::sort::sort_by(&mut members, |a, b| a.1.as_ref() < b.1.as_ref());
        if members
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.1.as_ref() == b.1.as_ref()))
        {
            return Err(Error::DuplicateKey);
        }
        let (members, encoded): (Vec<_>, Vec<_>) = members.into_iter().unzip();
        let coefficients = coefficients::<V>(&encoded);
        let points: Vec<Affine<V::Pk>> = members.iter().map(|k| *k.as_point()).collect();
        // `coefficients` has one entry per member by construction; the MSM zips them.
        let sum: V::Pk = msm_scalars_vartime(&points, &coefficients);
        let aggregate = PublicKey::from_subgroup_point(sum.to_affine())?;
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

    /// Every member's coefficient, in member order (one per member).
    pub(crate) fn coefficients(&self) -> &[Scalar] {
        &self.coefficients
    }

    /// The aggregated key P = Σ aᵢ·Pᵢ.
    pub fn aggregate_key(&self) -> &PublicKey<V> {
        &self.aggregate
    }

    /// `I2OSP(n, 4) ‖ P₁ ‖ … ‖ Pₙ` (canonical order).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.len() * V::Pk::COMPRESSED_LEN);
        // n ≤ 2³² − 1 is checked by `new`, the only constructor.
        let n = u32::try_from(self.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&n.to_be_bytes());
        for e in &self.encoded {
            out.extend_from_slice(e.as_ref());
        }
        out
    }

    /// Decodes [`GroupKey::to_bytes`], validating every key and the canonical order.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for a length that does not match n, the key decoding errors,
    /// [`Error::DuplicateKey`] for a repeated key, [`Error::NonCanonicalOrder`] for keys out
    /// of canonical order, and the errors of [`GroupKey::new`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (n, rest) = read_be::<4>(bytes)?;
        let n = usize::try_from(n).map_err(|_| Error::GroupTooLarge)?;
        let expected = n.saturating_mul(V::Pk::COMPRESSED_LEN);
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
                    core::cmp::Ordering::Greater => return Err(Error::NonCanonicalOrder),
                }
            }
        }
        let keys = chunks
            .iter()
            .map(|c| PublicKey::from_bytes(c))
            .collect::<Result<Vec<_>>>()?;
        Self::new(&keys)
    }
}

/// aᵢ = H₁(Pᵢ, {P₁..Pₙ}) for every member, from the canonical encodings, in linear time:
/// the key list is hashed once into L = SHA-256(DST ‖ I2OSP(n, 8) ‖ P₁ ‖ … ‖ Pₙ), then
/// aᵢ = OS2IP(expand_message_xmd(Pᵢ ‖ L, DST, 48)) mod r (see the module documentation).
fn coefficients<V: Variant>(encoded: &[Encoded<V>]) -> Vec<Scalar> {
    let tag = Tag::new::<V>(b"MSP", b"COEFFICIENT_");
    let dst = tag.dst();
    let mut list = Sha256::new()
        .chain_update(dst.as_bytes())
        .chain_update((encoded.len() as u64).to_be_bytes());
    for key in encoded {
        list.update(key.as_ref());
    }
    let list: [u8; 32] = list.finalize().into();
    encoded
        .iter()
        .map(|own| hash_to_scalar(&[own.as_ref(), &list], &dst))
        .collect()
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
