//! The one private point newtype that every public value (key, signature, proof) wraps: it
//! carries the shared decoding, encoding and `Debug` code, so that the value types differ
//! only in the rules they add.

use core::fmt;

use group::{GroupEncoding, UncompressedEncoding};

use crate::curve::{Affine, Curve, decode_compressed, decode_uncompressed};
use crate::error::Result;

/// An affine point of `C` that passed the decoder's checks (length, flags, field range,
/// on-curve, subgroup), or was computed from such points.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point<C: Curve>(pub(crate) Affine<C>);

impl<C: Curve> Point<C> {
    /// Decodes a compressed point with every check; the identity is accepted.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Self> {
        decode_compressed::<C>(bytes).map(Point)
    }

    /// Decodes an uncompressed point with every check; the identity is accepted.
    pub(crate) fn from_uncompressed(bytes: &[u8]) -> Result<Self> {
        decode_uncompressed::<C>(bytes).map(Point)
    }

    /// The compressed encoding.
    pub(crate) fn to_bytes(self) -> <Affine<C> as GroupEncoding>::Repr {
        self.0.to_bytes()
    }

    /// The uncompressed encoding.
    pub(crate) fn to_uncompressed(self) -> <Affine<C> as UncompressedEncoding>::Uncompressed {
        self.0.to_uncompressed()
    }

    /// `Name<variant>(hex)`, the `Debug` form of every public value.
    pub(crate) fn debug(
        self,
        f: &mut fmt::Formatter<'_>,
        name: &str,
        params: fmt::Arguments<'_>,
    ) -> fmt::Result {
        write!(f, "{name}<{params}>(")?;
        hex_fmt(f, self.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

/// Writes bytes as lower-case hex (for `Debug` of public values).
pub(crate) fn hex_fmt(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
}
