//! Proofs of possession (draft §3.3.2–§3.3.3) and the key type they unlock.

use core::fmt;

use group::Curve as _;
use group::CurveAffine;
use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::{Affine, decode_compressed, decode_uncompressed};
use crate::error::{Error, Result};
use crate::public_key::PublicKey;
use crate::variant::Variant;

/// A proof of possession: the owner's signature on its own public key under the POP tag
/// (`BLS_POP_BLS12381G…_XMD:SHA-256_SSWU_RO_POP_`). Made by
/// [`crate::SecretKey::prove_possession`], checked by [`PublicKey::verify_possession`].
pub struct ProofOfPossession<V: Variant> {
    point: Affine<V::Sig>,
}

impl<V: Variant> ProofOfPossession<V> {
    pub(crate) fn from_point(point: Affine<V::Sig>) -> Self {
        ProofOfPossession { point }
    }

    /// Decodes a compressed proof, with the subgroup check.
    ///
    /// # Errors
    /// As [`crate::Signature::from_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        decode_compressed::<V::Sig>(bytes).map(Self::from_point)
    }

    /// Decodes an uncompressed proof, with the subgroup check.
    ///
    /// # Errors
    /// As [`crate::Signature::from_bytes`].
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
}

/// A public key whose owner has proven possession of the secret key.
///
/// Only this type is accepted by [`crate::Signature::fast_aggregate_verify`] and
/// [`ProvenPublicKey::aggregate`]: summing keys is safe only when no key can be a rogue
/// key chosen as a function of the others (see [`crate::notes::rogue_keys`]).
pub struct ProvenPublicKey<V: Variant> {
    key: PublicKey<V>,
}

impl<V: Variant> ProvenPublicKey<V> {
    pub(crate) fn new_unchecked(key: PublicKey<V>) -> Self {
        ProvenPublicKey { key }
    }

    /// Marks `key` as proven without checking a proof.
    ///
    /// # Security
    /// Only for keys whose proof of possession was verified elsewhere — for example keys
    /// taken from a registry that checked it at registration (Ethereum deposits). A rogue
    /// key passed here lets its owner forge aggregate signatures for honest keys.
    pub fn assume_proven(key: PublicKey<V>) -> Self {
        ProvenPublicKey { key }
    }

    /// The underlying key.
    pub fn public_key(&self) -> &PublicKey<V> {
        &self.key
    }

    /// AggregatePKs (§2.8 applied to keys, as FastAggregateVerify does): the sum of the keys,
    /// as a key that verifies aggregate signatures on one message.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no keys; [`Error::IdentityPublicKey`] if they sum to the
    /// identity (KeyValidate of the aggregate).
    pub fn aggregate(keys: &[Self]) -> Result<PublicKey<V>> {
        let (first, rest) = keys.split_first().ok_or(Error::EmptyInput)?;
        let first = first.key.as_point().to_curve();
        let sum = rest.iter().fold(first, |acc, k| acc + k.key.as_point());
        PublicKey::from_point(sum.to_affine())
    }
}

impl<V: Variant> From<ProvenPublicKey<V>> for PublicKey<V> {
    fn from(proven: ProvenPublicKey<V>) -> Self {
        proven.key
    }
}

impl<V: Variant> Clone for ProofOfPossession<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Variant> Copy for ProofOfPossession<V> {}

impl<V: Variant> PartialEq for ProofOfPossession<V> {
    fn eq(&self, other: &Self) -> bool {
        self.point == other.point
    }
}

impl<V: Variant> Eq for ProofOfPossession<V> {}

impl<V: Variant> fmt::Debug for ProofOfPossession<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProofOfPossession<{}>(", V::NAME)?;
        crate::hex_fmt(f, self.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> Clone for ProvenPublicKey<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Variant> Copy for ProvenPublicKey<V> {}

impl<V: Variant> PartialEq for ProvenPublicKey<V> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl<V: Variant> Eq for ProvenPublicKey<V> {}

impl<V: Variant> fmt::Debug for ProvenPublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ProvenPublicKey").field(&self.key).finish()
    }
}
