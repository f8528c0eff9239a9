//! The ZCash serialization of BLS12-381 points (the format of the IETF drafts, Ethereum and
//! every major library), generic over the coordinate field: x (and y) big-endian, with three
//! flag bits at the top of the first byte — compression (0x80), infinity (0x40) and, in the
//! compressed form, the sort flag (0x20: y is the lexicographically larger root).
//!
//! The decoders return `CtOption` and check, in constant time: the compression flag matches
//! the form; an infinity encoding has no other bit set (and no sort flag); coordinates are
//! below p; the point is on the curve. Subgroup membership is the caller's second step.

use ff::Field;
use group::{GroupEncoding, UncompressedEncoding};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

use crate::fp::Fp;
use crate::fp2::Fp2;
use crate::g1::{G1Compressed, G1Params, G1Uncompressed};
use crate::g2::{G2Compressed, G2Params, G2Uncompressed};
use crate::point::{Affine, CurveParams};

const COMPRESSED: u8 = 0x80;
const INFINITY: u8 = 0x40;
const SORT: u8 = 0x20;

/// A coordinate field with a fixed-length big-endian encoding.
pub(crate) trait Coordinate: Field {
    /// Bytes per element.
    const LEN: usize;
    /// Writes the element into `out` (exactly `LEN` bytes).
    fn write(&self, out: &mut [u8]);
    /// Reads `LEN` bytes; `None` unless canonical.
    fn read(bytes: &[u8]) -> CtOption<Self>;
    /// The sort flag's order.
    fn lexicographically_largest(&self) -> Choice;
}

impl Coordinate for Fp {
    const LEN: usize = 48;
    fn write(&self, out: &mut [u8]) {
        out.copy_from_slice(&self.to_bytes());
    }
    fn read(bytes: &[u8]) -> CtOption<Fp> {
        let mut b = [0u8; 48];
        b.copy_from_slice(bytes.get(..48).unwrap_or(&[0; 48]));
        Fp::from_bytes(&b)
    }
    fn lexicographically_largest(&self) -> Choice {
        Fp::lexicographically_largest(self)
    }
}

impl Coordinate for Fp2 {
    const LEN: usize = 96;
    fn write(&self, out: &mut [u8]) {
        out.copy_from_slice(&self.to_bytes());
    }
    fn read(bytes: &[u8]) -> CtOption<Fp2> {
        let mut b = [0u8; 96];
        b.copy_from_slice(bytes.get(..96).unwrap_or(&[0; 96]));
        Fp2::from_bytes(&b)
    }
    fn lexicographically_largest(&self) -> Choice {
        Fp2::lexicographically_largest(self)
    }
}

/// The three flag bits of the first byte, and whether every other bit is zero.
fn flags(bytes: &[u8]) -> (Choice, Choice, Choice, Choice) {
    let first = bytes.first().copied().unwrap_or(0);
    let has = |f: u8| Choice::from(u8::from(first & f != 0));
    let rest_zero = bytes
        .iter()
        .skip(1)
        .fold(first & 0x1f, |acc, b| acc | b)
        .ct_eq(&0);
    (has(COMPRESSED), has(INFINITY), has(SORT), rest_zero)
}

/// The coordinate bytes with the flags cleared, into `buf` (`bytes.len()` long).
fn strip<'a>(bytes: &[u8], buf: &'a mut [u8]) -> &'a [u8] {
    buf.copy_from_slice(bytes);
    if let Some(first) = buf.first_mut() {
        *first &= 0x1f;
    }
    buf
}

/// The compressed encoding of `p` into `out` (`LEN` bytes).
pub(crate) fn compress<C: CurveParams>(p: &Affine<C>, out: &mut [u8])
where
    C::Base: Coordinate,
{
    p.x().write(out);
    let first = out.first().copied().unwrap_or(0);
    let inf = p.is_identity();
    let sort = !inf & p.y().lexicographically_largest();
    let mut flag = COMPRESSED;
    flag |= u8::conditional_select(&0, &INFINITY, inf);
    flag |= u8::conditional_select(&0, &SORT, sort);
    if let Some(b) = out.first_mut() {
        *b = first | flag;
    }
}

/// The uncompressed encoding x ‖ y of `p` into `out` (`2·LEN` bytes).
pub(crate) fn uncompress<C: CurveParams>(p: &Affine<C>, out: &mut [u8])
where
    C::Base: Coordinate,
{
    let len = C::Base::LEN;
    let inf = p.is_identity();
    // The identity encodes as the infinity flag and zeros (its y = 1 is not written).
    let y = C::Base::conditional_select(&p.y(), &C::Base::ZERO, inf);
    let (xs, ys) = out.split_at_mut(len);
    p.x().write(xs);
    y.write(ys);
    if let Some(b) = out.first_mut() {
        *b |= u8::conditional_select(&0, &INFINITY, inf);
    }
}

/// Decodes a compressed point (`LEN` bytes), on the curve but not checked for subgroup
/// membership.
pub(crate) fn decompress_unchecked<C: CurveParams>(bytes: &[u8]) -> CtOption<Affine<C>>
where
    C::Base: Coordinate,
{
    let (compressed, infinity, sort, rest_zero) = flags(bytes);
    let mut buf = [0u8; 96];
    let buf = buf.get_mut(..bytes.len()).unwrap_or(&mut []);
    let x = C::Base::read(strip(bytes, buf));
    x.and_then(|x| {
        let rhs = x.square() * x + C::B;
        let y = rhs.sqrt();
        // Choose the root the sort flag names.
        let y = y.map(|y| {
            let flip = y.lexicographically_largest() ^ sort;
            C::Base::conditional_select(&y, &-y, flip)
        });
        let point = y.map(|y| Affine::from_xy_unchecked(x, y));
        let identity = CtOption::new(Affine::identity(), infinity & !sort & rest_zero);
        let finite = CtOption::new(
            point.unwrap_or(Affine::identity()),
            point.is_some() & !infinity,
        );
        let chosen = Affine::conditional_select(
            &finite.unwrap_or(Affine::identity()),
            &identity.unwrap_or(Affine::identity()),
            infinity,
        );
        CtOption::new(chosen, compressed & (identity.is_some() | finite.is_some()))
    })
}

/// Decodes an uncompressed point (`2·LEN` bytes), on the curve but not checked for subgroup
/// membership.
pub(crate) fn from_uncompressed_unchecked<C: CurveParams>(bytes: &[u8]) -> CtOption<Affine<C>>
where
    C::Base: Coordinate,
{
    let len = C::Base::LEN;
    let (compressed, infinity, sort, rest_zero) = flags(bytes);
    let mut buf = [0u8; 192];
    let buf = buf.get_mut(..bytes.len()).unwrap_or(&mut []);
    let stripped = strip(bytes, buf);
    let (xs, ys) = stripped.split_at(len.min(stripped.len()));
    let x = C::Base::read(xs);
    let y = C::Base::read(ys);
    x.and_then(|x| {
        y.and_then(|y| {
            let finite = Affine::from_xy_unchecked(x, y);
            let identity_ok = infinity & rest_zero;
            let finite_ok = !infinity & finite.is_on_curve();
            let chosen = Affine::conditional_select(&finite, &Affine::identity(), infinity);
            CtOption::new(chosen, !compressed & !sort & (identity_ok | finite_ok))
        })
    })
}

// Byte-array forms of the `group` encodings, under the names and signatures `bls12_381`
// uses, so that code moving over keeps its calls. The `*_unchecked` decoders skip only the
// subgroup check.
impl Affine<G1Params> {
    /// The 48-byte compressed encoding.
    pub fn to_compressed(&self) -> [u8; 48] {
        GroupEncoding::to_bytes(self).0
    }

    /// The 96-byte uncompressed encoding.
    pub fn to_uncompressed(&self) -> [u8; 96] {
        UncompressedEncoding::to_uncompressed(self).0
    }

    /// Decodes a compressed point in G1 (every check, the subgroup included).
    pub fn from_compressed(bytes: &[u8; 48]) -> CtOption<Self> {
        GroupEncoding::from_bytes(&G1Compressed(*bytes))
    }

    /// Decodes a compressed point on the curve, without the subgroup check.
    pub fn from_compressed_unchecked(bytes: &[u8; 48]) -> CtOption<Self> {
        GroupEncoding::from_bytes_unchecked(&G1Compressed(*bytes))
    }

    /// Decodes an uncompressed point in G1 (every check, the subgroup included).
    pub fn from_uncompressed(bytes: &[u8; 96]) -> CtOption<Self> {
        UncompressedEncoding::from_uncompressed(&G1Uncompressed(*bytes))
    }

    /// Decodes an uncompressed point on the curve, without the subgroup check.
    pub fn from_uncompressed_unchecked(bytes: &[u8; 96]) -> CtOption<Self> {
        UncompressedEncoding::from_uncompressed_unchecked(&G1Uncompressed(*bytes))
    }
}

impl Affine<G2Params> {
    /// The 96-byte compressed encoding.
    pub fn to_compressed(&self) -> [u8; 96] {
        GroupEncoding::to_bytes(self).0
    }

    /// The 192-byte uncompressed encoding.
    pub fn to_uncompressed(&self) -> [u8; 192] {
        UncompressedEncoding::to_uncompressed(self).0
    }

    /// Decodes a compressed point in G2 (every check, the subgroup included).
    pub fn from_compressed(bytes: &[u8; 96]) -> CtOption<Self> {
        GroupEncoding::from_bytes(&G2Compressed(*bytes))
    }

    /// Decodes a compressed point on the curve, without the subgroup check.
    pub fn from_compressed_unchecked(bytes: &[u8; 96]) -> CtOption<Self> {
        GroupEncoding::from_bytes_unchecked(&G2Compressed(*bytes))
    }

    /// Decodes an uncompressed point in G2 (every check, the subgroup included).
    pub fn from_uncompressed(bytes: &[u8; 192]) -> CtOption<Self> {
        UncompressedEncoding::from_uncompressed(&G2Uncompressed(*bytes))
    }

    /// Decodes an uncompressed point on the curve, without the subgroup check.
    pub fn from_uncompressed_unchecked(bytes: &[u8; 192]) -> CtOption<Self> {
        UncompressedEncoding::from_uncompressed_unchecked(&G2Uncompressed(*bytes))
    }
}
