//! Public keys: KeyValidate (draft §2.5) happens in every constructor, so a `PublicKey`
//! is always on the curve, in the subgroup and not the identity.

use core::fmt;

use group::Curve as _;
use group::CurveAffine;
use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::{Affine, Curve, decode_compressed, decode_uncompressed};
use crate::error::{Error, Result};
use crate::hash::Dst;
use crate::pairing::verify_pairs;
use crate::pop::{ProofOfPossession, ProvenPublicKey};
use crate::scheme::{Scheme, ciphersuite_id, pop_id};
use crate::signature::Signature;
use crate::variant::Variant;

/// A validated BLS public key of variant `V`.
pub struct PublicKey<V: Variant> {
    point: Affine<V::Pk>,
}

impl<V: Variant> PublicKey<V> {
    /// Wraps a point known not to be the identity (and in the subgroup).
    pub(crate) fn from_nonidentity_point(point: Affine<V::Pk>) -> Self {
        PublicKey { point }
    }

    /// KeyValidate on a point: rejects the identity and points outside the subgroup.
    ///
    /// # Errors
    /// [`Error::IdentityPublicKey`], [`Error::NotInSubgroup`].
    pub fn from_point(point: Affine<V::Pk>) -> Result<Self> {
        if bool::from(point.is_identity()) {
            return Err(Error::IdentityPublicKey);
        }
        if !bool::from(V::Pk::is_torsion_free(&point)) {
            return Err(Error::NotInSubgroup);
        }
        Ok(PublicKey { point })
    }

    /// Decodes a compressed key (48 bytes for min-pk, 96 for min-sig) and runs KeyValidate.
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidEncoding`], [`Error::FieldElementOutOfRange`],
    /// [`Error::NotOnCurve`], [`Error::NotInSubgroup`], [`Error::IdentityPublicKey`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::from_point(decode_compressed::<V::Pk>(bytes)?)
    }

    /// Decodes an uncompressed key (96 or 192 bytes) and runs KeyValidate.
    ///
    /// # Errors
    /// As [`PublicKey::from_bytes`].
    pub fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        Self::from_point(decode_uncompressed::<V::Pk>(bytes)?)
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
        &self.point
    }

    /// Verify (§3.1–§3.3): checks `signature` on `message` under the ciphersuite of `V`, `S`.
    /// For [`crate::Aug`] the key is prepended to the message, as in signing.
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if the signature is not valid.
    pub fn verify<S: Scheme>(&self, message: &[u8], signature: &Signature<V, S>) -> Result<()> {
        let h = self.hash_for::<S>(message).to_affine();
        verify_pairs::<V>([(self.point, h)], signature.as_point())
    }

    /// PopVerify (§3.3.3): checks a proof of possession and, if it is valid, returns the key
    /// as a [`ProvenPublicKey`] for FastAggregateVerify.
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if the proof is not valid for this key.
    pub fn verify_possession(&self, proof: &ProofOfPossession<V>) -> Result<ProvenPublicKey<V>> {
        let bytes = self.to_bytes();
        let h = V::Sig::hash_parts(&[bytes.as_ref()], &pop_id::<V>());
        verify_pairs::<V>([(self.point, h.to_affine())], proof.as_point())?;
        Ok(ProvenPublicKey::new_unchecked(*self))
    }

    /// CoreVerify with a caller-chosen tag; see [`crate::hazmat`].
    pub(crate) fn verify_with_dst(
        &self,
        message: &[u8],
        dst: &Dst<'_>,
        signature: &Affine<V::Sig>,
    ) -> Result<()> {
        let h = V::Sig::hash_parts(&[message], dst.as_bytes());
        verify_pairs::<V>([(self.point, h.to_affine())], signature)
    }

    /// The point this key's owner signs for `message` under scheme `S`: H(message), or
    /// H(PK ‖ message) for [`crate::Aug`].
    pub(crate) fn hash_for<S: Scheme>(&self, message: &[u8]) -> V::Sig {
        let id = ciphersuite_id::<V, S>();
        if S::AUGMENTS_MESSAGE {
            let bytes = self.to_bytes();
            V::Sig::hash_parts(&[bytes.as_ref(), message], &id)
        } else {
            V::Sig::hash_parts(&[message], &id)
        }
    }
}

impl<V: Variant> Clone for PublicKey<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Variant> Copy for PublicKey<V> {}

impl<V: Variant> PartialEq for PublicKey<V> {
    fn eq(&self, other: &Self) -> bool {
        self.point == other.point
    }
}

impl<V: Variant> Eq for PublicKey<V> {}

impl<V: Variant> fmt::Debug for PublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey<{}>(", V::NAME)?;
        crate::hex_fmt(f, self.to_bytes().as_ref())?;
        f.write_str(")")
    }
}
