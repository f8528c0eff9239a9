//! One codec for every handle type: decode bytes into a new handle, encode a handle into a
//! caller buffer, report the encoding's length, free. Each handle type says once which
//! core type it holds ([`Codec`]) and how that type meets bytes ([`Encoding`],
//! [`Decoding`]); the entry points of `keys.rs`, `signature.rs`, `multisig.rs` and
//! `threshold.rs` are then one call each, and behave alike: `*out` and the buffer are
//! written only on success, NULL is `BLSIG_NULL_POINTER`, a short buffer is
//! `BLSIG_BUFFER_TOO_SMALL`.

use std::any::Any;
use std::marker::PhantomData;

use blsig_core::{Basic, Error, Scheme, Variant, Zeroizing};

use crate::ffi::{boundary, bytes, free_handle, handle, into_handle, put, write};
use crate::handle::{Handle, Value};
use crate::result::blsig_result;
use crate::suite::{SuiteOp, VariantOp, by_suite, by_variant};
use blsig_bindings::{suite_number, variant_number};

/// What a handle's number names: a variant (keys, proofs, multisignature values, key
/// sets) or a whole suite (signatures and signature shares, whose scheme matters).
#[derive(Clone, Copy)]
pub(crate) enum Tagging {
    Variant,
    Suite,
}

/// The core type a handle holds, for each variant `V` and scheme `S`. Variant-tagged
/// types ignore `S` (they are run with `Basic`).
pub(crate) trait Codec: Handle {
    /// What the handle's number names.
    const TAGGING: Tagging;
    /// The core value.
    type Of<V: Variant, S: Scheme>: Any + Send + Sync;
}

/// The canonical encoding of every type (for points: compressed).
pub(crate) struct Canonical;

/// The ZCash uncompressed point encoding (x ‖ y, flags in the first byte).
pub(crate) struct Uncompressed;

/// A form `Self` in which values of `H` are written. The bytes are zeroized when dropped
/// (some values are secret).
pub(crate) trait Encoding<H: Codec> {
    fn encode<V: Variant, S: Scheme>(value: &H::Of<V, S>) -> Zeroizing<Vec<u8>>;
}

/// A form `Self` from which values of `H` are read, with all of the type's validation.
pub(crate) trait Decoding<H: Codec> {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<H::Of<V, S>, Error>;
}

/// An operation on `H`'s type parameters.
trait ParamOp {
    type Out;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out;
}

struct ByVariant<O>(O);
impl<O: ParamOp> VariantOp for ByVariant<O> {
    type Out = O::Out;
    fn run<V: Variant>(self) -> Self::Out {
        self.0.run::<V, Basic>()
    }
}

struct BySuite<O>(O);
impl<O: ParamOp> SuiteOp for BySuite<O> {
    type Out = O::Out;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        self.0.run::<V, S>()
    }
}

/// Runs `op` with the type parameters that `tag` names for handles of type `H`.
fn dispatch<H: Codec, O: ParamOp>(tag: u32, op: O) -> Result<O::Out, blsig_result> {
    Ok(match H::TAGGING {
        Tagging::Variant => by_variant(tag, ByVariant(op))?,
        Tagging::Suite => by_suite(tag, BySuite(op))?,
    })
}

/// The number a new value of `H` with parameters `V`, `S` carries.
fn tag_of<H: Codec, V: Variant, S: Scheme>() -> u32 {
    match H::TAGGING {
        Tagging::Variant => variant_number::<V>(),
        Tagging::Suite => suite_number::<V, S>(),
    }
}

/// Wraps a core value of parameters `V`, `S` into a handle of type `H`.
pub(crate) fn wrap<H: Codec, V: Variant, S: Scheme>(value: H::Of<V, S>) -> H {
    H::wrap(Value::new(tag_of::<H, V, S>(), value))
}

struct EncodeOp<'a, H, F>(&'a Value, PhantomData<(H, F)>);
impl<H: Codec, F: Encoding<H>> ParamOp for EncodeOp<'_, H, F> {
    type Out = Result<Zeroizing<Vec<u8>>, blsig_result>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        Ok(F::encode::<V, S>(self.0.get::<H::Of<V, S>>()?))
    }
}

/// The encoding of a handle's value in form `F`.
pub(crate) fn encoding<H: Codec, F: Encoding<H>>(
    h: &H,
) -> Result<Zeroizing<Vec<u8>>, blsig_result> {
    dispatch::<H, _>(h.value().tag(), EncodeOp::<H, F>(h.value(), PhantomData))?
}

/// `*_to_bytes`: writes the encoding into `out` (room for `out_len` bytes) and, unless
/// `written` is NULL, its length into `*written`.
pub(crate) fn to_bytes<H: Codec, F: Encoding<H>>(
    h: *const H,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    boundary(|| {
        let encoded = encoding::<H, F>(handle(h)?)?;
        write(out, out_len, &encoded, false)?;
        if !written.is_null() {
            put(written, encoded.len())?;
        }
        Ok(())
    })
}

/// `*_to_bytes` of fixed-size secrets: `out_len` must be exactly the encoding's length.
pub(crate) fn to_bytes_exact<H: Codec, F: Encoding<H>>(
    h: *const H,
    out: *mut u8,
    out_len: usize,
) -> blsig_result {
    boundary(|| write(out, out_len, &encoding::<H, F>(handle(h)?)?, true))
}

/// `*_encoded_len`: the encoding's length, 0 for NULL.
pub(crate) fn encoded_len<H: Codec, F: Encoding<H>>(h: *const H) -> usize {
    handle(h)
        .and_then(encoding::<H, F>)
        .map_or(0, |encoded| encoded.len())
}

struct DecodeOp<'a, H, F>(&'a [u8], PhantomData<(H, F)>);
impl<H: Codec, F: Decoding<H>> ParamOp for DecodeOp<'_, H, F> {
    type Out = Result<H, Error>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        Ok(wrap::<H, V, S>(F::decode::<V, S>(self.0)?))
    }
}

/// `*_from_bytes`: decodes `len` bytes at `data` as a value of the variant or suite `tag`
/// (as `H::TAGGING` says) into a new handle at `*out`.
pub(crate) fn from_bytes<H: Codec, F: Decoding<H>>(
    tag: u32,
    data: *const u8,
    len: usize,
    out: *mut *mut H,
) -> blsig_result {
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let decoded = dispatch::<H, _>(tag, DecodeOp::<H, F>(bytes(data, len)?, PhantomData))??;
        put(out, into_handle(decoded))
    })
}

/// `*_free`: drops the handle (secret values zeroize themselves); NULL is ignored.
pub(crate) fn free<H: Handle>(h: *mut H) {
    let _ = boundary(|| {
        free_handle(h);
        Ok(())
    });
}
