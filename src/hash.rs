//! RFC 9380 hashing to BLS12-381: `expand_message_xmd` with SHA-256 (§5.3.1, with the
//! oversize-DST rule of §5.3.3) and the `BLS12381G1_XMD:SHA-256_SSWU_RO_` /
//! `…_NU_` and `BLS12381G2_…` suites (§8.8).
//!
//! The field and curve maps are `blsig-curve`'s; this module checks every input first (the
//! tag through [`Dst`], the output length here) so that each refusal gets its own error.

use crate::curve::Curve;
use crate::dst::Dst;
use crate::error::{Error, Result};

/// The largest output of `expand_message_xmd` with SHA-256: 255 blocks of 32 bytes.
pub const MAX_XMD_OUTPUT: usize = 255 * 32;

/// RFC 9380 §5.3.1 `expand_message_xmd` with SHA-256, writing `out.len()` bytes.
///
/// # Errors
/// [`Error::InvalidOutputLength`] if `out` is empty or longer than [`MAX_XMD_OUTPUT`].
pub fn expand_message_xmd(msg: &[u8], dst: &Dst<'_>, out: &mut [u8]) -> Result<()> {
    if out.is_empty() || out.len() > MAX_XMD_OUTPUT {
        return Err(Error::InvalidOutputLength);
    }
    blsig_curve::expand_message_xmd(&[msg], dst.as_bytes(), out)
        .map_err(|_| Error::InvalidOutputLength)
}

/// A scalar from a message given in parts: 48 bytes of `expand_message_xmd`, read
/// big-endian and reduced mod r (RFC 9380 §5.2 `hash_to_field` with m = 1, L = 48, applied
/// to the scalar field).
#[cfg(feature = "alloc")]
pub(crate) fn hash_to_scalar(parts: &[&[u8]], dst: &Dst<'_>) -> blsig_curve::Scalar {
    let mut okm = zeroize::Zeroizing::new([0u8; 48]);
    // 48 bytes is within expand_message_xmd's range, so the length is never refused.
    let _ = blsig_curve::expand_message_xmd(parts, dst.as_bytes(), okm.as_mut_slice());
    scalar_from_be48(&okm)
}

/// The scalar of a 32-byte big-endian encoding (I2OSP of a value below r), through a
/// zeroized buffer; `None` for another length or a value not below r. The one decoder of
/// secret keys, threshold shares, share identifiers and DKG values.
pub(crate) fn scalar_from_be32(be: &[u8]) -> Option<blsig_curve::Scalar> {
    if be.len() != 32 {
        return None;
    }
    let mut le = zeroize::Zeroizing::new([0u8; 32]);
    for (dst, src) in le.iter_mut().zip(be.iter().rev()) {
        *dst = *src;
    }
    blsig_curve::Scalar::from_bytes(&le).into()
}

/// The 32-byte big-endian encoding of a scalar, in a buffer zeroized on drop.
pub(crate) fn scalar_to_be32(scalar: &blsig_curve::Scalar) -> zeroize::Zeroizing<[u8; 32]> {
    let mut out = zeroize::Zeroizing::new(scalar.to_bytes());
    out.reverse();
    out
}

/// A 48-byte big-endian integer reduced mod r (OS2IP(okm) mod r), through a zeroized buffer
/// since key generation passes secret material.
pub(crate) fn scalar_from_be48(okm: &[u8; 48]) -> blsig_curve::Scalar {
    let mut wide = zeroize::Zeroizing::new([0u8; 64]);
    for (dst, src) in wide.iter_mut().zip(okm.iter().rev()) {
        *dst = *src;
    }
    blsig_curve::Scalar::from_bytes_wide(&wide)
}

/// RFC 9380 `hash_to_curve` for the `BLS12381G{1,2}_XMD:SHA-256_SSWU_RO_` suite of group `C`
/// (`blsig_curve::G1Projective` or `blsig_curve::G2Projective`).
pub fn hash_to_curve<C: Curve>(msg: &[u8], dst: &Dst<'_>) -> C {
    C::hash_parts(&[msg], dst)
}

/// RFC 9380 `encode_to_curve` for the `BLS12381G{1,2}_XMD:SHA-256_SSWU_NU_` suite.
///
/// # Security
/// Its output is not uniformly distributed; signatures use [`hash_to_curve`].
pub fn encode_to_curve<C: Curve>(msg: &[u8], dst: &Dst<'_>) -> C {
    C::encode_parts(&[msg], dst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_length_bounds() {
        let dst = Dst::new(b"T").unwrap();
        let mut big = [0u8; MAX_XMD_OUTPUT + 1];
        assert_eq!(
            expand_message_xmd(b"", &dst, &mut big),
            Err(Error::InvalidOutputLength)
        );
        assert_eq!(
            expand_message_xmd(b"", &dst, &mut []),
            Err(Error::InvalidOutputLength)
        );
        assert_eq!(
            expand_message_xmd(b"", &dst, &mut big[..MAX_XMD_OUTPUT]),
            Ok(())
        );
    }

    #[test]
    fn prefix_property_of_parts() {
        // Hashing ["ab", "c"] equals hashing "abc": parts are one concatenated message.
        let dst = Dst::new(b"T").unwrap();
        let a = blsig_curve::G1Projective::hash_parts(&[b"ab", b"c"], &dst);
        let b = blsig_curve::G1Projective::hash_parts(&[b"abc"], &dst);
        assert_eq!(a, b);
    }
}
