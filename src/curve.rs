//! The two source groups G1 and G2 behind one sealed trait, so that every other module is
//! written once for both variants.

use blsig_curve::{G1Affine, G1Projective, G2Affine, G2Projective, Scalar};
use group::prime::PrimeCurve;
use group::{GroupEncoding, UncompressedEncoding};
use subtle::{Choice, ConstantTimeEq};

use crate::dst::Dst;
use crate::error::{Error, Result};

mod sealed {
    pub trait Sealed {}
    impl Sealed for blsig_curve::G1Projective {}
    impl Sealed for blsig_curve::G2Projective {}
}

/// G1 or G2 of BLS12-381, in projective form.
///
/// Sealed: implemented for [`G1Projective`] and [`G2Projective`] only. It adds to the
/// `group` traits what this crate needs: the group's name in ciphersuite IDs, the subgroup
/// check, and RFC 9380 hash-to-curve.
pub trait Curve:
    sealed::Sealed
    + zeroize::DefaultIsZeroes
    + PrimeCurve<
        Scalar = Scalar,
        Affine: GroupEncoding
                    + UncompressedEncoding
                    + ConstantTimeEq
                    + subtle::ConditionallySelectable
                    + core::fmt::Debug
                    + zeroize::DefaultIsZeroes,
    >
{
    /// `b'1'` for G1, `b'2'` for G2: the digit in `BLS12381G1` / `BLS12381G2`.
    const DIGIT: u8;
    /// Length of the compressed encoding (48 for G1, 96 for G2).
    const COMPRESSED_LEN: usize;
    /// Length of the uncompressed encoding (96 for G1, 192 for G2).
    const UNCOMPRESSED_LEN: usize;

    /// Whether the affine point lies in the prime-order subgroup.
    fn is_torsion_free(p: &Self::Affine) -> Choice;

    /// Whether the affine point satisfies the curve equation.
    fn is_on_curve(p: &Self::Affine) -> Choice;

    /// RFC 9380 `hash_to_curve` (random oracle, `_RO_` suites) of the concatenation of
    /// `msg` parts under a validated tag.
    fn hash_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self;

    /// RFC 9380 `encode_to_curve` (non-uniform, `_NU_` suites) of the concatenation of
    /// `msg` parts under a validated tag.
    fn encode_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self;
}

impl Curve for G1Projective {
    const DIGIT: u8 = b'1';
    const COMPRESSED_LEN: usize = 48;
    const UNCOMPRESSED_LEN: usize = 96;

    fn is_torsion_free(p: &G1Affine) -> Choice {
        p.is_torsion_free()
    }

    fn is_on_curve(p: &G1Affine) -> Choice {
        p.is_on_curve()
    }

    fn hash_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self {
        Self::hash_to_curve_parts(msg, dst.as_bytes())
    }

    fn encode_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self {
        Self::encode_to_curve_parts(msg, dst.as_bytes())
    }
}

impl Curve for G2Projective {
    const DIGIT: u8 = b'2';
    const COMPRESSED_LEN: usize = 96;
    const UNCOMPRESSED_LEN: usize = 192;

    fn is_torsion_free(p: &G2Affine) -> Choice {
        p.is_torsion_free()
    }

    fn is_on_curve(p: &G2Affine) -> Choice {
        p.is_on_curve()
    }

    fn hash_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self {
        Self::hash_to_curve_parts(msg, dst.as_bytes())
    }

    fn encode_parts(msg: &[&[u8]], dst: &Dst<'_>) -> Self {
        Self::encode_to_curve_parts(msg, dst.as_bytes())
    }
}

/// The affine form of a curve.
pub type Affine<C> = <C as group::Curve>::Affine;

/// Big-endian bytes of the base field modulus p.
const P_BYTES: [u8; 48] = [
    0x1a, 0x01, 0x11, 0xea, 0x39, 0x7f, 0xe6, 0x9a, 0x4b, 0x1b, 0xa7, 0xb6, 0x43, 0x4b, 0xac, 0xd7,
    0x64, 0x77, 0x4b, 0x84, 0xf3, 0x85, 0x12, 0xbf, 0x67, 0x30, 0xd2, 0xa0, 0xf6, 0xb0, 0xf6, 0x24,
    0x1e, 0xab, 0xff, 0xfe, 0xb1, 0x53, 0xff, 0xff, 0xb9, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xaa, 0xab,
];

const FLAG_COMPRESSED: u8 = 0x80;
const FLAG_INFINITY: u8 = 0x40;
const FLAG_SORT: u8 = 0x20;
const FLAGS: u8 = FLAG_COMPRESSED | FLAG_INFINITY | FLAG_SORT;

/// Checks the ZCash/IETF flag bits and that every 48-byte field element is below p, so
/// that each malformed encoding gets its own error before the point is decoded.
fn check_encoding(bytes: &[u8], compressed: bool) -> Result<()> {
    let Some((&first, rest)) = bytes.split_first() else {
        return Err(Error::InvalidEncoding);
    };
    let flags = first & FLAGS;
    if ((flags & FLAG_COMPRESSED) != 0) != compressed {
        return Err(Error::InvalidEncoding);
    }
    if flags & FLAG_INFINITY != 0 {
        // The point at infinity: no sort flag, every other bit zero.
        let clean = flags & FLAG_SORT == 0 && first & !FLAGS == 0 && rest.iter().all(|&b| b == 0);
        return if clean {
            Ok(())
        } else {
            Err(Error::InvalidEncoding)
        };
    }
    if !compressed && flags & FLAG_SORT != 0 {
        return Err(Error::InvalidEncoding);
    }
    for (i, chunk) in bytes.chunks(48).enumerate() {
        let mut fe = [0u8; 48];
        fe[..chunk.len()].copy_from_slice(chunk);
        if i == 0 {
            fe[0] &= !FLAGS;
        }
        // Big-endian lexicographic comparison is numeric comparison.
        if fe >= P_BYTES {
            return Err(Error::FieldElementOutOfRange);
        }
    }
    Ok(())
}

/// Copies `bytes` into a fixed-size representation, checking the length.
fn to_repr<R: Default + AsMut<[u8]>>(bytes: &[u8]) -> Result<R> {
    let mut repr = R::default();
    let slot = repr.as_mut();
    if slot.len() != bytes.len() {
        return Err(Error::InvalidLength {
            expected: slot.len(),
            actual: bytes.len(),
        });
    }
    slot.copy_from_slice(bytes);
    Ok(repr)
}

/// Decodes a compressed point with every check: length, flags, field range, on-curve and
/// subgroup. The identity is accepted here; callers that must reject it do so.
pub(crate) fn decode_compressed<C: Curve>(bytes: &[u8]) -> Result<Affine<C>> {
    subgroup_checked::<C>(decode_compressed_on_curve::<C>(bytes)?)
}

/// Decodes a compressed point with every check but the subgroup check: length, flags,
/// field range and on-curve. For Aggregate (draft §2.8), which checks the sum once.
pub(crate) fn decode_compressed_on_curve<C: Curve>(bytes: &[u8]) -> Result<Affine<C>> {
    let repr = to_repr::<<Affine<C> as GroupEncoding>::Repr>(bytes)?;
    check_encoding(bytes, true)?;
    let point: Option<Affine<C>> = Affine::<C>::from_bytes_unchecked(&repr).into();
    point.ok_or(Error::NotOnCurve)
}

/// Decodes an uncompressed point with every check (see [`decode_compressed`]).
pub(crate) fn decode_uncompressed<C: Curve>(bytes: &[u8]) -> Result<Affine<C>> {
    let repr = to_repr::<<Affine<C> as UncompressedEncoding>::Uncompressed>(bytes)?;
    check_encoding(bytes, false)?;
    // `from_uncompressed_unchecked` checks flags and field range but not the curve equation.
    let point: Option<Affine<C>> = Affine::<C>::from_uncompressed_unchecked(&repr).into();
    let point = point.filter(|p| bool::from(C::is_on_curve(p)));
    subgroup_checked::<C>(point.ok_or(Error::NotOnCurve)?)
}

/// The point, if it lies in the prime-order subgroup.
pub(crate) fn subgroup_checked<C: Curve>(point: Affine<C>) -> Result<Affine<C>> {
    if bool::from(C::is_torsion_free(&point)) {
        Ok(point)
    } else {
        Err(Error::NotInSubgroup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_bytes_is_the_modulus() {
        // p - 1 is the largest valid x: -1 in Fp. Its encoding must pass the range check.
        let mut p_minus_1 = P_BYTES;
        p_minus_1[47] -= 1;
        let mut enc = p_minus_1;
        enc[0] |= FLAG_COMPRESSED;
        assert_eq!(check_encoding(&enc, true), Ok(()));
        let mut at_p = P_BYTES;
        at_p[0] |= FLAG_COMPRESSED;
        assert_eq!(
            check_encoding(&at_p, true),
            Err(Error::FieldElementOutOfRange)
        );
    }

    #[test]
    fn round_trip_generators() {
        let g1 = G1Affine::generator();
        assert_eq!(
            decode_compressed::<G1Projective>(&g1.to_compressed()),
            Ok(g1)
        );
        assert_eq!(
            decode_uncompressed::<G1Projective>(&g1.to_uncompressed()),
            Ok(g1)
        );
        let g2 = G2Affine::generator();
        assert_eq!(
            decode_compressed::<G2Projective>(&g2.to_compressed()),
            Ok(g2)
        );
        assert_eq!(
            decode_uncompressed::<G2Projective>(&g2.to_uncompressed()),
            Ok(g2)
        );
    }

    #[test]
    fn infinity_rules() {
        let inf = G1Affine::identity();
        assert_eq!(
            decode_compressed::<G1Projective>(&inf.to_compressed()),
            Ok(inf)
        );
        let mut bad = inf.to_compressed();
        bad[0] |= FLAG_SORT;
        assert_eq!(
            decode_compressed::<G1Projective>(&bad),
            Err(Error::InvalidEncoding)
        );
        let mut bad = inf.to_compressed();
        bad[47] = 1;
        assert_eq!(
            decode_compressed::<G1Projective>(&bad),
            Err(Error::InvalidEncoding)
        );
        // Compressed bytes given to the uncompressed decoder, and the reverse.
        assert_eq!(
            decode_uncompressed::<G1Projective>(&[0u8; 48]),
            Err(Error::InvalidLength {
                expected: 96,
                actual: 48
            })
        );
        assert_eq!(
            decode_compressed::<G1Projective>(&[0u8; 48]),
            Err(Error::InvalidEncoding)
        );
    }
}
