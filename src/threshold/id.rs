//! Share identifiers: the x at which a share evaluates the polynomial.

use core::fmt;

use blsig_curve::Scalar;

use crate::error::{Error, Result};

/// A share identifier: a non-zero scalar x (the share is f(x)).
///
/// The default identifier of member i (1-based) is x = i ([`ShareId::new`]), the convention
/// of herumi's integer IDs and of Ethereum distributed-validator tools.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ShareId(Scalar);

impl ShareId {
    /// The identifier x = `i` (1-based member number).
    ///
    /// # Errors
    /// [`Error::InvalidShareId`] for 0, the point where the secret itself sits.
    pub fn new(i: u64) -> Result<ShareId> {
        ShareId::from_scalar(Scalar::from(i))
    }

    /// The identifier of a 1-based index the caller has checked to be non-zero (0 would
    /// be mapped to 1).
    pub(crate) fn of_checked_index(index: u32) -> ShareId {
        ShareId(Scalar::from(u64::from(index.max(1))))
    }

    /// An identifier from any non-zero scalar.
    ///
    /// # Errors
    /// [`Error::InvalidShareId`] for zero.
    pub fn from_scalar(x: Scalar) -> Result<ShareId> {
        if bool::from(x.is_zero()) {
            Err(Error::InvalidShareId)
        } else {
            Ok(ShareId(x))
        }
    }

    /// Decodes the 32-byte big-endian encoding.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless 32 bytes; [`Error::InvalidShareId`] for zero or a
    /// value not below r.
    pub fn from_bytes(bytes: &[u8]) -> Result<ShareId> {
        if bytes.len() != 32 {
            return Err(Error::InvalidLength {
                expected: 32,
                actual: bytes.len(),
            });
        }
        ShareId::from_scalar(crate::hash::scalar_from_be32(bytes).ok_or(Error::InvalidShareId)?)
    }

    /// The 32-byte big-endian encoding.
    pub fn to_bytes(&self) -> [u8; 32] {
        *crate::hash::scalar_to_be32(&self.0)
    }

    /// The scalar x.
    pub fn scalar(&self) -> &Scalar {
        &self.0
    }

    /// x as an integer when it is below 2⁶⁴ (the default identifiers are).
    pub fn small(&self) -> Option<u64> {
        let le = self.0.to_bytes();
        let (low, high) = le.split_at(8);
        if high.iter().any(|b| *b != 0) {
            return None;
        }
        let mut word = [0u8; 8];
        word.copy_from_slice(low);
        Some(u64::from_le_bytes(word))
    }
}

/// `x (32 bytes) ‖ point (compressed)`: public key shares and signature shares.
pub(crate) fn id_point_bytes<C: crate::curve::Curve>(
    id: &ShareId,
    point: &crate::curve::Affine<C>,
) -> alloc::vec::Vec<u8> {
    use group::GroupEncoding;
    let mut out = alloc::vec::Vec::with_capacity(32 + C::COMPRESSED_LEN);
    out.extend_from_slice(&id.to_bytes());
    out.extend_from_slice(point.to_bytes().as_ref());
    out
}

/// Decodes [`id_point_bytes`], with every point check.
pub(crate) fn id_point_from_bytes<C: crate::curve::Curve>(
    bytes: &[u8],
) -> Result<(ShareId, crate::curve::Affine<C>)> {
    let (id, point) = bytes.split_at_checked(32).ok_or(Error::InvalidLength {
        expected: 32 + C::COMPRESSED_LEN,
        actual: bytes.len(),
    })?;
    Ok((
        ShareId::from_bytes(id)?,
        crate::curve::decode_compressed::<C>(point)?,
    ))
}

impl fmt::Debug for ShareId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.small() {
            Some(i) => write!(f, "ShareId({i})"),
            None => {
                f.write_str("ShareId(0x")?;
                crate::point::hex_fmt(f, &self.to_bytes())?;
                f.write_str(")")
            }
        }
    }
}

/// Orders identifiers by their encoding (for duplicate detection and canonical lists).
impl PartialOrd for ShareId {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShareId {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.to_bytes().cmp(&other.to_bytes())
    }
}
