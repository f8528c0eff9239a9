//! Proofs of possession (draft §3.3.2–§3.3.3), as values. PopProve and PopVerify are in
//! [`crate::ops`].

use core::fmt;

use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::Affine;
use crate::error::Result;
use crate::point::Point;
use crate::variant::Variant;

/// A proof of possession: the owner's signature on its own public key under the POP tag
/// (`BLS_POP_BLS12381G…_XMD:SHA-256_SSWU_RO_POP_`). Made by
/// [`crate::SecretKey::prove_possession`], checked by
/// [`crate::PublicKey::verify_possession`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ProofOfPossession<V: Variant> {
    point: Point<V::Sig>,
}

impl<V: Variant> ProofOfPossession<V> {
    pub(crate) fn from_point(point: Affine<V::Sig>) -> Self {
        ProofOfPossession {
            point: Point(point),
        }
    }

    /// Decodes a compressed proof, with the subgroup check.
    ///
    /// # Errors
    /// As [`crate::Signature::from_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Point::<V::Sig>::from_bytes(bytes).map(|point| ProofOfPossession { point })
    }

    /// Decodes an uncompressed proof, with the subgroup check.
    ///
    /// # Errors
    /// As [`crate::Signature::from_bytes`].
    pub fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        Point::<V::Sig>::from_uncompressed(bytes).map(|point| ProofOfPossession { point })
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
        &self.point.0
    }
}

impl<V: Variant> fmt::Debug for ProofOfPossession<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.point
            .debug(f, "ProofOfPossession", format_args!("{}", V::NAME))
    }
}
