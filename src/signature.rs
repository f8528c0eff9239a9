//! Signatures of a variant under a scheme, possibly aggregates. Values only: Sign, Verify,
//! Aggregate, AggregateVerify and FastAggregateVerify are in [`crate::ops`].

use core::fmt;
use core::marker::PhantomData;

use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::Affine;
use crate::error::Result;
use crate::point::Point;
use crate::scheme::Scheme;
use crate::variant::Variant;

/// A BLS signature of variant `V` under scheme `S`, possibly an aggregate.
///
/// Decoding checks the encoding, the curve and the subgroup. The identity is a valid
/// signature encoding (the aggregate of nothing, or of opposite signatures); it never
/// verifies against a valid key.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature<V: Variant, S: Scheme> {
    point: Point<V::Sig>,
    _scheme: PhantomData<S>,
}

impl<V: Variant, S: Scheme> Signature<V, S> {
    /// Wraps a point in the prime-order subgroup (a decoded, signed or summed point).
    pub(crate) fn from_point(point: Affine<V::Sig>) -> Self {
        Signature {
            point: Point(point),
            _scheme: PhantomData,
        }
    }

    /// Decodes a compressed signature (96 bytes for min-pk, 48 for min-sig), with the
    /// subgroup check of `signature_to_point` (§2.7).
    ///
    /// # Errors
    /// [`crate::Error::InvalidLength`], [`crate::Error::InvalidEncoding`],
    /// [`crate::Error::FieldElementOutOfRange`], [`crate::Error::NotOnCurve`],
    /// [`crate::Error::NotInSubgroup`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Point::<V::Sig>::from_bytes(bytes).map(|p| Self::from_point(p.0))
    }

    /// Decodes an uncompressed signature.
    ///
    /// # Errors
    /// As [`Signature::from_bytes`].
    pub fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        Point::<V::Sig>::from_uncompressed(bytes).map(|p| Self::from_point(p.0))
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

impl<V: Variant, S: Scheme> fmt::Debug for Signature<V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params = format_args!("{}, {:?}", V::NAME, S::default());
        self.point.debug(f, "Signature", params)
    }
}
