//! Domain separation tags (RFC 9380 §3.1), validated once so that no hash in the crate
//! can be reached with an empty tag.

use crate::error::{Error, Result};

/// A validated domain separation tag: any non-empty byte string (RFC 9380 §3.1).
///
/// Tags longer than 255 bytes are allowed; they are reduced as RFC 9380 §5.3.3 says,
/// `SHA-256("H2C-OVERSIZE-DST-" ‖ DST)`.
///
/// The signature APIs choose the draft's ciphersuite tag for you. Build a `Dst` only to
/// hash to the curve directly, or to opt in to a non-standard tag through
/// [`crate::hazmat`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dst<'a>(&'a [u8]);

impl<'a> Dst<'a> {
    /// Wraps `tag`.
    ///
    /// # Errors
    /// [`Error::InvalidDst`] if `tag` is empty.
    pub fn new(tag: &'a [u8]) -> Result<Self> {
        if tag.is_empty() {
            Err(Error::InvalidDst)
        } else {
            Ok(Dst(tag))
        }
    }

    /// A fixed-size tag of the crate's own (ciphersuite IDs); non-empty at compile time.
    pub(crate) const fn from_array<const N: usize>(tag: &'a [u8; N]) -> Self {
        const { assert!(N > 0, "a domain separation tag is never empty") };
        Dst(tag)
    }

    /// A tag the crate builds itself behind a fixed non-empty prefix (the multisignature
    /// tags, which all start with `BLSIG-`). Never called with caller-provided bytes.
    #[cfg(feature = "alloc")]
    pub(crate) fn prefixed(prefix: &'static [u8; 6], tag: &'a [u8]) -> Self {
        if tag.starts_with(prefix) {
            Dst(tag)
        } else {
            Dst(prefix)
        }
    }

    /// The tag's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_dst_rejected() {
        assert_eq!(Dst::new(b""), Err(Error::InvalidDst));
        assert_eq!(Dst::new(b"x").map(|d| d.as_bytes()), Ok(b"x".as_slice()));
    }
}
