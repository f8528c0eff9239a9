//! Sign, Verify, Aggregate (also from encodings), AggregateVerify and FastAggregateVerify.

use blsig_core::{
    AggregatePublicKey, Error, Pop, ProvenPublicKey, PublicKey, Scheme, SecretKey, Signature,
    Variant, Zeroizing,
};

use crate::codec::{self, Canonical, Codec, Decoding, Encoding, Tagging, Uncompressed};
use crate::ffi::{array, boundary, bytes, handle, into_handle, put};
use crate::handle::all;
use crate::handle::{
    Handle, Value, blsig_aggregate_public_key, blsig_proven_public_key, blsig_public_key,
    blsig_secret_key, blsig_signature,
};
use crate::keys::variant_number;
use crate::result::blsig_result;
use crate::suite::{SuiteOp, VariantOp, blsig_suite, by_suite, by_variant, variant_of};

pub(crate) use blsig_bindings::suite_number;

pub(crate) fn new_signature<V: Variant, S: Scheme>(sig: Signature<V, S>) -> Value {
    Value::new(suite_number::<V, S>(), sig)
}

fn give(out: *mut *mut blsig_signature, value: Value) -> Result<(), blsig_result> {
    put(out, into_handle(blsig_signature(value)))
}

/// Sign (§3) under `suite`: a new signature handle. Under the Aug suites the signed
/// string is `PK ‖ message`, as the draft requires; pass only the message. `message` may
/// be NULL when `message_len` is 0.
///
/// Errors: `BLSIG_SUITE_MISMATCH` if `sk` is of the other variant, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_sign(
    suite: blsig_suite,
    sk: *const blsig_secret_key,
    message: *const u8,
    message_len: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    struct Sign<'a>(&'a Value, &'a [u8]);
    impl SuiteOp for Sign<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let sk = self.0.get::<SecretKey<V>>()?;
            Ok(new_signature(sk.sign::<S>(self.1)))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let sk = &handle(sk)?.0;
        let value = by_suite(suite, Sign(sk, bytes(message, message_len)?))??;
        give(out, value)
    })
}

/// Decodes a compressed signature of `suite` (96 bytes min-pk, 48 min-sig), with the
/// subgroup check. The identity is a valid encoding (it never verifies against a key).
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_ENCODING`,
/// `BLSIG_FIELD_ELEMENT_OUT_OF_RANGE`, `BLSIG_NOT_ON_CURVE`, `BLSIG_NOT_IN_SUBGROUP`,
/// `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_from_bytes(
    suite: blsig_suite,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    codec::from_bytes::<blsig_signature, Canonical>(suite, data, len, out)
}

/// Writes the compressed signature into `out` and its length into `*written` (may be
/// NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_to_bytes(
    sig: *const blsig_signature,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_signature, Canonical>(sig, out, out_len, written)
}

/// Decodes an uncompressed signature of `suite` (x ‖ y: 192 bytes min-pk, 96 min-sig),
/// with the subgroup check. A compressed encoding is refused (`BLSIG_INVALID_LENGTH`, or
/// `BLSIG_INVALID_ENCODING` for one padded to this length).
///
/// Errors: as `blsig_signature_from_bytes`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_from_uncompressed(
    suite: blsig_suite,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    codec::from_bytes::<blsig_signature, Uncompressed>(suite, data, len, out)
}

/// Writes the uncompressed signature (192 bytes min-pk, 96 min-sig) into `out` and its
/// length into `*written` (may be NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_to_uncompressed(
    sig: *const blsig_signature,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_signature, Uncompressed>(sig, out, out_len, written)
}

/// The suite of a signature handle, or `UINT32_MAX` for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_suite(sig: *const blsig_signature) -> blsig_suite {
    handle(sig).map_or(u32::MAX, |s| s.0.tag())
}

/// Frees a signature. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_free(sig: *mut blsig_signature) {
    codec::free(sig);
}

/// Verify (§3): `BLSIG_OK` exactly when `sig` is a valid signature of `message` by `pk`
/// under the signature's suite.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH` (key of the other variant),
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_verify(
    pk: *const blsig_public_key,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_signature,
) -> blsig_result {
    struct Verify<'a>(&'a Value, &'a [u8], &'a Value);
    impl SuiteOp for Verify<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let pk = self.0.get::<PublicKey<V>>()?;
            let sig = self.2.get::<Signature<V, S>>()?;
            Ok(pk.verify(self.1, sig)?)
        }
    }
    boundary(|| {
        let (pk, sig) = (&handle(pk)?.0, &handle(sig)?.0);
        by_suite(sig.tag(), Verify(pk, bytes(message, message_len)?, sig))?
    })
}

/// Aggregate (§2.8): the sum of `count` signatures of one suite, as a new handle.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_SUITE_MISMATCH` (signatures of different suites),
/// `BLSIG_NULL_POINTER` (also for a NULL entry).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate(
    sigs: *const *const blsig_signature,
    count: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    struct Aggregate<'a>(Vec<&'a Value>);
    impl SuiteOp for Aggregate<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let sigs = all::<Signature<V, S>>(&self.0)?;
            Ok(new_signature(Signature::aggregate(&sigs)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let sigs = handles(sigs, count)?;
        let first = sigs.first().ok_or(blsig_result::BLSIG_EMPTY_INPUT)?;
        let value = by_suite(first.tag(), Aggregate(sigs.clone()))??;
        give(out, value)
    })
}

/// Borrows `count` handles from an array of handle pointers.
pub(crate) fn handles<'a, H: Handle + 'a>(
    ptrs: *const *const H,
    count: usize,
) -> Result<Vec<&'a Value>, blsig_result> {
    array(ptrs, count)?
        .iter()
        .map(|&p| handle(p).map(Handle::value))
        .collect()
}

/// Aggregate (§2.8) of `count` compressed signatures of `suite`, concatenated in `data`
/// (`data_len` = `count` × the signature length): each is decoded without its subgroup
/// check and the sum is checked once, as the draft defines Aggregate.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_INVALID_LENGTH` if `data_len` is not `count` ×
/// the signature length, the decoding codes of `blsig_signature_from_bytes`,
/// `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate_from_bytes(
    suite: blsig_suite,
    data: *const u8,
    data_len: usize,
    count: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    struct FromBytes<'a>(&'a [u8], usize);
    impl SuiteOp for FromBytes<'_> {
        type Out = Result<Value, Error>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let (data, count) = (self.0, self.1);
            let len = if V::NAME == "min-pk" { 96 } else { 48 };
            if count.checked_mul(len) != Some(data.len()) {
                return Err(Error::InvalidLength {
                    expected: count.saturating_mul(len),
                    actual: data.len(),
                });
            }
            let parts: Vec<&[u8]> = data.chunks(len).collect();
            Ok(new_signature(Signature::<V, S>::aggregate_from_bytes(
                &parts,
            )?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        variant_of(suite)?;
        let value = by_suite(suite, FromBytes(bytes(data, data_len)?, count))??;
        give(out, value)
    })
}

/// The messages of AggregateVerify: `count` pointers and `count` lengths.
pub(crate) fn messages<'a>(
    msgs: *const *const u8,
    lens: *const usize,
    count: usize,
) -> Result<Vec<&'a [u8]>, blsig_result> {
    let ptrs = array(msgs, count)?;
    let lens = array(lens, count)?;
    ptrs.iter().zip(lens).map(|(&p, &l)| bytes(p, l)).collect()
}

struct AggregateVerify<'a> {
    sig: &'a Value,
    keys: Vec<&'a Value>,
    messages: Vec<&'a [u8]>,
    proven: bool,
}

impl SuiteOp for AggregateVerify<'_> {
    type Out = Result<(), blsig_result>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        let sig = self.sig.get::<Signature<V, S>>()?;
        if self.proven {
            let keys = all::<ProvenPublicKey<V>>(&self.keys)?;
            Ok(sig.aggregate_verify(&keys, &self.messages)?)
        } else {
            if S::TAG == *b"POP" {
                // Pop sums the keys that share a message: only proven keys are safe.
                return Err(blsig_result::BLSIG_SUITE_MISMATCH);
            }
            let keys = all::<PublicKey<V>>(&self.keys)?;
            // Basic rejects repeated messages and Aug hashes every key into its own
            // message, so under these two no plain key is ever summed with another: the
            // core's proven-key form computes exactly Basic's and Aug's AggregateVerify.
            let keys: Vec<ProvenPublicKey<V>> = keys
                .into_iter()
                .map(ProvenPublicKey::assume_proven)
                .collect();
            Ok(sig.aggregate_verify(&keys, &self.messages)?)
        }
    }
}

/// The body of both AggregateVerify entry points.
fn aggregate_verify<H: Handle>(
    sig: *const blsig_signature,
    keys: *const *const H,
    messages_ptrs: *const *const u8,
    message_lens: *const usize,
    count: usize,
    proven: bool,
) -> blsig_result {
    boundary(|| {
        let sig = &handle(sig)?.0;
        let op = AggregateVerify {
            sig,
            keys: handles(keys, count)?,
            messages: messages(messages_ptrs, message_lens, count)?,
            proven,
        };
        by_suite(sig.tag(), op)?
    })
}

/// AggregateVerify (§3.1.1, §3.2.1) for the Basic and Aug suites: `sig` against `count`
/// keys, key i having signed message i (`messages[i]`, `message_lens[i]` bytes). Under a
/// Pop suite use `blsig_aggregate_verify_proven` (plain keys are refused there with
/// `BLSIG_SUITE_MISMATCH`, since Pop sums the keys that share a message).
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_DUPLICATE_MESSAGE` (Basic), `BLSIG_VERIFICATION_FAILED`,
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate_verify(
    sig: *const blsig_signature,
    keys: *const *const blsig_public_key,
    messages_ptrs: *const *const u8,
    message_lens: *const usize,
    count: usize,
) -> blsig_result {
    aggregate_verify(sig, keys, messages_ptrs, message_lens, count, false)
}

/// AggregateVerify for every suite with proven keys (the only form Pop accepts).
///
/// Errors: as `blsig_aggregate_verify`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate_verify_proven(
    sig: *const blsig_signature,
    keys: *const *const blsig_proven_public_key,
    messages_ptrs: *const *const u8,
    message_lens: *const usize,
    count: usize,
) -> blsig_result {
    aggregate_verify(sig, keys, messages_ptrs, message_lens, count, true)
}

/// FastAggregateVerify (§3.3.4): a Pop-suite aggregate `sig` on one message against
/// `count` proven keys.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_IDENTITY_PUBLIC_KEY` (keys sum to the identity),
/// `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH` (not a Pop signature, or keys of
/// the other variant), `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_fast_aggregate_verify(
    sig: *const blsig_signature,
    keys: *const *const blsig_proven_public_key,
    count: usize,
    message: *const u8,
    message_len: usize,
) -> blsig_result {
    struct Fast<'a>(&'a Value, Vec<&'a Value>, &'a [u8]);
    impl SuiteOp for Fast<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let sig = self.0.get::<Signature<V, Pop>>()?;
            let keys = all::<ProvenPublicKey<V>>(&self.1)?;
            Ok(sig.fast_aggregate_verify(&keys, self.2)?)
        }
    }
    boundary(|| {
        let sig = &handle(sig)?.0;
        let op = Fast(sig, handles(keys, count)?, bytes(message, message_len)?);
        by_suite(sig.tag(), op)?
    })
}

/// The sum of `count` proven keys (one variant), kept for checking many aggregates on one
/// message with `blsig_aggregate_public_key_fast_aggregate_verify` at the cost of one
/// pairing check each.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_IDENTITY_PUBLIC_KEY` (the keys sum to the identity),
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proven_public_key_aggregate(
    keys: *const *const blsig_proven_public_key,
    count: usize,
    out: *mut *mut blsig_aggregate_public_key,
) -> blsig_result {
    struct Sum<'a>(Vec<&'a Value>);
    impl VariantOp for Sum<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let keys = all::<ProvenPublicKey<V>>(&self.0)?;
            let sum = ProvenPublicKey::aggregate(&keys)?;
            Ok(Value::new(variant_number::<V>(), sum))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let keys = handles(keys, count)?;
        let first = keys.first().ok_or(blsig_result::BLSIG_EMPTY_INPUT)?;
        let value = by_variant(first.tag(), Sum(keys.clone()))??;
        put(out, into_handle(blsig_aggregate_public_key(value)))
    })
}

/// FastAggregateVerify (§3.3.4) of a Pop-suite aggregate `sig` on `message` against a
/// kept key sum.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate_public_key_fast_aggregate_verify(
    key: *const blsig_aggregate_public_key,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_signature,
) -> blsig_result {
    struct Fast<'a>(&'a Value, &'a [u8], &'a Value);
    impl VariantOp for Fast<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let key = self.0.get::<AggregatePublicKey<V>>()?;
            let sig = self.2.get::<Signature<V, Pop>>()?;
            Ok(key.fast_aggregate_verify(self.1, sig)?)
        }
    }
    boundary(|| {
        let (key, sig) = (&handle(key)?.0, &handle(sig)?.0);
        by_variant(key.tag(), Fast(key, bytes(message, message_len)?, sig))?
    })
}

/// Frees a kept key sum. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_aggregate_public_key_free(key: *mut blsig_aggregate_public_key) {
    codec::free(key);
}

impl Codec for blsig_signature {
    const TAGGING: Tagging = Tagging::Suite;
    type Of<V: Variant, S: Scheme> = Signature<V, S>;
}

impl Encoding<blsig_signature> for Canonical {
    fn encode<V: Variant, S: Scheme>(sig: &Signature<V, S>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(sig.to_bytes().as_ref().to_vec())
    }
}

impl Decoding<blsig_signature> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<Signature<V, S>, Error> {
        Signature::from_bytes(bytes)
    }
}

impl Encoding<blsig_signature> for Uncompressed {
    fn encode<V: Variant, S: Scheme>(sig: &Signature<V, S>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(sig.to_uncompressed().as_ref().to_vec())
    }
}

impl Decoding<blsig_signature> for Uncompressed {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<Signature<V, S>, Error> {
        Signature::from_uncompressed(bytes)
    }
}

impl Codec for blsig_aggregate_public_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = AggregatePublicKey<V>;
}
