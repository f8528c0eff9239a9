//! Batch verification and the Ethereum helpers.

use blsig_core::eth::{eth_aggregate_pubkeys, eth_batch_verify, eth_fast_aggregate_verify};
use blsig_core::{
    BatchVerifier, MinPk, Pop, ProvenPublicKey, PublicKey, Scheme, Signature, Variant,
};

use crate::ffi::{boundary, bytes, handle, handle_mut, into_handle, list_args, put, write_list};
use crate::handle::all;
use crate::handle::{
    Value, blsig_batch, blsig_proven_public_key, blsig_public_key, blsig_signature,
};
use crate::keys::write_encoding;
use crate::result::blsig_result;
use crate::signature::{handles, messages};
use crate::suite::{BLSIG_SUITE_MIN_PK_POP, SuiteOp, blsig_suite, by_suite};

pub(crate) use blsig_bindings::SeedRng;

/// The caller's 32 random bytes as the RNG of one check (see [`SeedRng`]), or
/// `BLSIG_INVALID_LENGTH`.
pub(crate) fn seed_rng(seed: &[u8]) -> Result<SeedRng, blsig_result> {
    SeedRng::new(seed).ok_or(blsig_result::BLSIG_INVALID_LENGTH)
}

/// A new, empty batch verifier for `suite`.
///
/// Errors: `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_new(suite: blsig_suite, out: *mut *mut blsig_batch) -> blsig_result {
    struct New(u32);
    impl SuiteOp for New {
        type Out = Value;
        fn run<V: Variant, S: Scheme>(self) -> Value {
            Value::new(self.0, BatchVerifier::<V, S>::new())
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let value = by_suite(suite, New(suite))?;
        put(out, into_handle(blsig_batch(value)))
    })
}

/// Queues (key, message, signature); the signature must be of the batch's suite. Writes
/// the item's index (what `blsig_batch_find_invalid` reports) to `*index` unless NULL.
///
/// Errors: `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_queue(
    batch: *mut blsig_batch,
    pk: *const blsig_public_key,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_signature,
    index: *mut usize,
) -> blsig_result {
    struct Queue<'a>(&'a mut Value, &'a Value, &'a [u8], &'a Value);
    impl SuiteOp for Queue<'_> {
        type Out = Result<usize, blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let pk = self.1.get::<PublicKey<V>>()?;
            let sig = self.3.get::<Signature<V, S>>()?;
            let batch = self.0.get_mut::<BatchVerifier<V, S>>()?;
            Ok(batch.queue(pk, self.2, sig))
        }
    }
    boundary(|| {
        let (pk, sig) = (&handle(pk)?.0, &handle(sig)?.0);
        let message = bytes(message, message_len)?;
        let batch = &mut handle_mut(batch)?.0;
        let suite = batch.tag();
        let i = by_suite(suite, Queue(batch, pk, message, sig))??;
        if !index.is_null() {
            put(index, i)?;
        }
        Ok(())
    })
}

/// The number of queued items (0 for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_len(batch: *const blsig_batch) -> usize {
    struct Len;
    impl SuiteOp for Len {
        type Out = fn(&Value) -> usize;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            |v| v.get::<BatchVerifier<V, S>>().map_or(0, BatchVerifier::len)
        }
    }
    handle(batch)
        .ok()
        .and_then(|b| by_suite(b.0.tag(), Len).ok().map(|f| f(&b.0)))
        .unwrap_or(0)
}

/// How a batch is checked.
enum Check<'a> {
    Random(&'a [u8]),
    Deterministic,
    FindInvalid(&'a [u8]),
}

struct Run<'a>(&'a Value, Check<'a>);
impl SuiteOp for Run<'_> {
    type Out = Result<Vec<usize>, blsig_result>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        let batch = self.0.get::<BatchVerifier<V, S>>()?;
        match self.1 {
            Check::Random(seed) => batch.verify(&mut seed_rng(seed)?)?,
            Check::Deterministic => batch.verify_deterministic()?,
            Check::FindInvalid(seed) => return Ok(batch.find_invalid(&mut seed_rng(seed)?)?),
        }
        Ok(Vec::new())
    }
}

/// Checks every queued item at once. `seed` must be 32 fresh random bytes from the
/// operating system (`seed_len` = 32); the weights hedge them with the batch transcript.
/// The batch stays usable: items may be queued and it may be checked again.
///
/// Errors: `BLSIG_VERIFICATION_FAILED` if any item is invalid, `BLSIG_EMPTY_INPUT` for an
/// empty batch, `BLSIG_INVALID_LENGTH` unless `seed_len` is 32, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_verify(
    batch: *const blsig_batch,
    seed: *const u8,
    seed_len: usize,
) -> blsig_result {
    boundary(|| {
        let batch = &handle(batch)?.0;
        let seed = bytes(seed, seed_len)?;
        by_suite(batch.tag(), Run(batch, Check::Random(seed)))?.map(drop)
    })
}

/// As `blsig_batch_verify` without a seed: 128-bit weights from the transcript alone.
///
/// Errors: as `blsig_batch_verify`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_verify_deterministic(batch: *const blsig_batch) -> blsig_result {
    boundary(|| {
        let batch = &handle(batch)?.0;
        by_suite(batch.tag(), Run(batch, Check::Deterministic))?.map(drop)
    })
}

/// Writes the indices (ascending) of exactly the items that fail alone into `out`, which
/// has room for `capacity` entries, and their number into `*count`; zero when the batch is
/// valid. A capacity of `blsig_batch_len(batch)` always suffices.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` if more items failed than `capacity` (nothing is
/// written to `out`; `*count` is set to the number needed, so `(NULL, 0)` probes the size),
/// `BLSIG_EMPTY_INPUT`, `BLSIG_INVALID_LENGTH` (seed), `BLSIG_NULL_POINTER` (`count` NULL,
/// or `out` NULL with a nonzero capacity).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_find_invalid(
    batch: *const blsig_batch,
    seed: *const u8,
    seed_len: usize,
    out: *mut usize,
    capacity: usize,
    count: *mut usize,
) -> blsig_result {
    boundary(|| {
        let batch = &handle(batch)?.0;
        let seed = bytes(seed, seed_len)?;
        list_args(out, capacity, count)?;
        let invalid = by_suite(batch.tag(), Run(batch, Check::FindInvalid(seed)))??;
        write_list(out, capacity, &invalid, count)
    })
}

/// Frees a batch verifier. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_batch_free(batch: *mut blsig_batch) {
    crate::codec::free(batch);
}

/// Ethereum's `eth_aggregate_pubkeys`: the sum of `count` min-pk keys, written as a
/// 48-byte compressed point (possibly the identity, `0xc0 00…`) into `out`, its length into
/// `*written` (may be NULL).
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_SUITE_MISMATCH` (a min-sig key),
/// `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_eth_aggregate_pubkeys(
    keys: *const *const blsig_public_key,
    count: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    boundary(|| {
        let keys = all::<PublicKey<MinPk>>(&handles(keys, count)?)?;
        let sum = eth_aggregate_pubkeys(&keys)?;
        write_encoding(&sum, out, out_len, written)
    })
}

/// Ethereum's `eth_fast_aggregate_verify`: FastAggregateVerify, except that no keys with
/// the identity signature is valid. `sig` must be of suite `BLSIG_SUITE_MIN_PK_POP`.
///
/// Errors: as `blsig_fast_aggregate_verify`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_eth_fast_aggregate_verify(
    keys: *const *const blsig_proven_public_key,
    count: usize,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_signature,
) -> blsig_result {
    boundary(|| {
        let sig = handle(sig)?.0.get::<Signature<MinPk, Pop>>()?;
        let keys = all::<ProvenPublicKey<MinPk>>(&handles(keys, count)?)?;
        Ok(eth_fast_aggregate_verify(
            &keys,
            bytes(message, message_len)?,
            sig,
        )?)
    })
}

/// Ethereum's `batch_verify`: every (`keys[i]`, message i, `sigs[i]`) is a valid min-pk
/// Pop signature, checked in one batch with weights from the 32-byte `seed`.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_EMPTY_INPUT`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_INVALID_LENGTH` (seed), `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_eth_batch_verify(
    keys: *const *const blsig_public_key,
    messages_ptrs: *const *const u8,
    message_lens: *const usize,
    sigs: *const *const blsig_signature,
    count: usize,
    seed: *const u8,
    seed_len: usize,
) -> blsig_result {
    boundary(|| {
        let keys = all::<PublicKey<MinPk>>(&handles(keys, count)?)?;
        let msgs = messages(messages_ptrs, message_lens, count)?;
        let sigs = all::<Signature<MinPk, Pop>>(&handles(sigs, count)?)?;
        let mut rng = seed_rng(bytes(seed, seed_len)?)?;
        Ok(eth_batch_verify(&keys, &msgs, &sigs, &mut rng)?)
    })
}

/// The suite of Ethereum's signatures, for `blsig_signature_from_bytes`.
pub const BLSIG_SUITE_ETHEREUM: blsig_suite = BLSIG_SUITE_MIN_PK_POP;
