//! Public keys, in the three states of trust the operations distinguish: a [`PublicKey`]
//! passed KeyValidate (draft §2.5); a [`ProvenPublicKey`] also has a verified proof of
//! possession (§3.3); an [`AggregatePublicKey`] is the sum of proven keys, cached for
//! FastAggregateVerify (§3.3.4).
//!
//! Values only: Verify, PopVerify and the aggregation operations are in [`crate::ops`].

use core::fmt;

use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::{Affine, Curve};
use crate::error::{Error, Result};
use crate::point::Point;
use crate::variant::Variant;

/// A validated BLS public key of variant `V`: on the curve, in the prime-order subgroup
/// and not the identity, whichever constructor made it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey<V: Variant> {
    point: Point<V::Pk>,
}

impl<V: Variant> PublicKey<V> {
    /// Wraps SK·g for a secret key 0 < SK < r: never the identity, always in the
    /// subgroup, so KeyValidate's checks are skipped (SkToPk in the operations layer).
    pub(crate) fn from_generator_multiple(point: Affine<V::Pk>) -> Self {
        PublicKey {
            point: Point(point),
        }
    }

    /// KeyValidate on a point: rejects the identity and points outside the subgroup.
    ///
    /// # Errors
    /// [`Error::IdentityPublicKey`], [`Error::NotInSubgroup`].
    pub fn from_point(point: Affine<V::Pk>) -> Result<Self> {
        if !bool::from(V::Pk::is_torsion_free(&point)) {
            return Err(Error::NotInSubgroup);
        }
        Self::not_identity(Point(point))
    }

    /// Decodes a compressed key (48 bytes for min-pk, 96 for min-sig) and runs KeyValidate.
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidEncoding`], [`Error::FieldElementOutOfRange`],
    /// [`Error::NotOnCurve`], [`Error::NotInSubgroup`], [`Error::IdentityPublicKey`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        // The decoder has checked the subgroup; KeyValidate's remaining check is the
        // identity (running the subgroup check twice cost a third of the decoding time).
        Self::not_identity(Point::<V::Pk>::from_bytes(bytes)?)
    }

    /// Decodes an uncompressed key (96 or 192 bytes) and runs KeyValidate.
    ///
    /// # Errors
    /// As [`PublicKey::from_bytes`].
    pub fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        Self::not_identity(Point::<V::Pk>::from_uncompressed(bytes)?)
    }

    /// KeyValidate for a point known to be in the subgroup because it is a combination of
    /// subgroup points (a sum of validated keys, a Lagrange interpolation of commitments):
    /// only the identity check is left.
    ///
    /// # Errors
    /// [`Error::IdentityPublicKey`].
    pub(crate) fn from_subgroup_point(point: Affine<V::Pk>) -> Result<Self> {
        Self::not_identity(Point(point))
    }

    /// The last step of KeyValidate for a point already known to be in the subgroup.
    fn not_identity(point: Point<V::Pk>) -> Result<Self> {
        use group::CurveAffine;
        if bool::from(point.0.is_identity()) {
            return Err(Error::IdentityPublicKey);
        }
        Ok(PublicKey { point })
    }

    /// The compressed encoding.
    pub fn to_bytes(&self) -> <Affine<V::Pk> as GroupEncoding>::Repr {
        self.point.to_bytes()
    }

    /// The uncompressed encoding.
    pub fn to_uncompressed(&self) -> <Affine<V::Pk> as UncompressedEncoding>::Uncompressed {
        self.point.to_uncompressed()
    }

    /// The curve point.
    pub fn as_point(&self) -> &Affine<V::Pk> {
        &self.point.0
    }
}

impl<V: Variant> fmt::Debug for PublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.point
            .debug(f, "PublicKey", format_args!("{}", V::NAME))
    }
}

/// A public key whose owner has proven possession of the secret key.
///
/// Made only by [`PublicKey::verify_possession`] (PopVerify) or, explicitly, by
/// [`ProvenPublicKey::assume_proven`]. Every API that sums keys without per-key
/// coefficients takes this type: FastAggregateVerify, AggregateVerify under [`crate::Pop`],
/// [`AggregatePublicKey`] and the m-of-n multisignature group
/// ([`crate::multisig::AsmGroup`]). Summing keys is safe only when no key can be a rogue key
/// chosen as a function of the others (see [`crate::notes::rogue_keys`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ProvenPublicKey<V: Variant> {
    key: PublicKey<V>,
}

impl<V: Variant> ProvenPublicKey<V> {
    /// The key after a proof of possession verified (the operations layer's PopVerify).
    pub(crate) fn after_verified_proof(key: PublicKey<V>) -> Self {
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
}

impl<V: Variant> From<ProvenPublicKey<V>> for PublicKey<V> {
    fn from(proven: ProvenPublicKey<V>) -> Self {
        proven.key
    }
}

impl<V: Variant> fmt::Debug for ProvenPublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ProvenPublicKey").field(&self.key).finish()
    }
}

/// The sum of one or more proven keys (AggregatePKs of FastAggregateVerify, draft §3.3.4),
/// computed once and kept: [`AggregatePublicKey::fast_aggregate_verify`] then costs one
/// pairing check, whatever the number of keys. Not the identity (KeyValidate of the sum).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AggregatePublicKey<V: Variant> {
    key: PublicKey<V>,
}

impl<V: Variant> AggregatePublicKey<V> {
    /// Wraps a validated sum of proven keys (the operations layer's key aggregation).
    pub(crate) fn from_sum(key: PublicKey<V>) -> Self {
        AggregatePublicKey { key }
    }

    /// The aggregate as a public key (a validated, non-identity point).
    pub fn public_key(&self) -> &PublicKey<V> {
        &self.key
    }

    /// The compressed encoding of the sum.
    pub fn to_bytes(&self) -> <Affine<V::Pk> as GroupEncoding>::Repr {
        self.key.to_bytes()
    }
}

impl<V: Variant> fmt::Debug for AggregatePublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AggregatePublicKey")
            .field(&self.key)
            .finish()
    }
}
