//! Batch verification: many (key, message, signature) items with one multi-Miller loop
//! and one final exponentiation, and the exact set of bad items when a batch fails.

use blsig_bindings::{SuiteOp, Value, by_suite, variant_of};
use blsig_core::{
    BatchVerifier as CoreBatch, PublicKey as CorePublicKey, Scheme, Signature as CoreSignature,
    Variant,
};
use wasm_bindgen::prelude::*;

use crate::error::{JsResult, seed_rng, verdict};
use crate::keys::PublicKey;
use crate::signature::{Signature, split};

/// A batch verifier of one suite: queue items, then check them all at once.
#[wasm_bindgen]
pub struct BatchVerifier(Value);

/// What a check computes.
#[derive(Clone, Copy)]
enum Check<'a> {
    Random(&'a [u8]),
    Deterministic,
    FindInvalid(&'a [u8]),
}

enum Outcome {
    Valid(bool),
    Invalid(Vec<u32>),
}

fn indices(found: Vec<usize>) -> Vec<u32> {
    // Indices come from queueing, which a u32 count bounds in wasm32 (usize is 32 bits).
    found
        .into_iter()
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect()
}

struct Run<'a>(&'a Value, Check<'a>);

impl SuiteOp for Run<'_> {
    type Out = JsResult<Outcome>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        let batch = self.0.get::<CoreBatch<V, S>>()?;
        Ok(match self.1 {
            Check::Random(seed) => Outcome::Valid(verdict(batch.verify(&mut seed_rng(seed)?))?),
            Check::Deterministic => Outcome::Valid(verdict(batch.verify_deterministic())?),
            Check::FindInvalid(seed) => {
                Outcome::Invalid(indices(batch.find_invalid(&mut seed_rng(seed)?)?))
            }
        })
    }
}

/// Queues one item, decoded or from encodings.
enum Item<'a> {
    Values(&'a Value, &'a [u8], &'a Value),
    Bytes(&'a [u8], &'a [u8], &'a [u8]),
}

struct Queue<'a>(&'a mut Value, Item<'a>);

impl SuiteOp for Queue<'_> {
    type Out = JsResult<u32>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        let batch = self.0.get_mut::<CoreBatch<V, S>>()?;
        let index = match self.1 {
            Item::Values(pk, msg, sig) => batch.queue(
                pk.get::<CorePublicKey<V>>()?,
                msg,
                sig.get::<CoreSignature<V, S>>()?,
            ),
            Item::Bytes(pk, msg, sig) => {
                let pk = CorePublicKey::<V>::from_bytes(pk)?;
                batch.queue_bytes(&pk, msg, sig)?
            }
        };
        Ok(u32::try_from(index).unwrap_or(u32::MAX))
    }
}

#[wasm_bindgen]
impl BatchVerifier {
    /// An empty batch of `suite`.
    #[wasm_bindgen(constructor)]
    pub fn new(suite: u32) -> JsResult<BatchVerifier> {
        struct New;
        impl SuiteOp for New {
            type Out = Value;
            fn run<V: Variant, S: Scheme>(self) -> Value {
                Value::new(
                    blsig_bindings::suite_number::<V, S>(),
                    CoreBatch::<V, S>::new(),
                )
            }
        }
        Ok(BatchVerifier(by_suite(suite, New)?))
    }

    /// Queues a decoded item; returns its index (the one `findInvalid` reports).
    pub fn queue(&mut self, pk: &PublicKey, message: &[u8], sig: &Signature) -> JsResult<u32> {
        let tag = self.0.tag();
        by_suite(
            tag,
            Queue(&mut self.0, Item::Values(&pk.0, message, &sig.0)),
        )?
    }

    /// Decodes and queues an item (nothing is queued if either encoding is malformed).
    #[wasm_bindgen(js_name = queueBytes)]
    pub fn queue_bytes(&mut self, pk: &[u8], message: &[u8], sig: &[u8]) -> JsResult<u32> {
        let tag = self.0.tag();
        by_suite(tag, Queue(&mut self.0, Item::Bytes(pk, message, sig)))?
    }

    /// The number of queued items.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> JsResult<u32> {
        struct Len<'a>(&'a Value);
        impl SuiteOp for Len<'_> {
            type Out = JsResult<usize>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                Ok(self.0.get::<CoreBatch<V, S>>()?.len())
            }
        }
        let n = by_suite(self.0.tag(), Len(&self.0))??;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// The suite number.
    #[wasm_bindgen(getter)]
    pub fn suite(&self) -> u32 {
        self.0.tag()
    }

    /// Checks every item at once, with weights from 32 random bytes `seed` hedged with the
    /// batch transcript. `true` exactly when every item verifies alone (up to 2⁻⁶⁴).
    pub fn verify(&self, seed: &[u8]) -> JsResult<bool> {
        self.valid(Check::Random(seed))
    }

    /// As `verify`, with 128-bit weights from the transcript alone (no randomness).
    #[wasm_bindgen(js_name = verifyDeterministic)]
    pub fn verify_deterministic(&self) -> JsResult<bool> {
        self.valid(Check::Deterministic)
    }

    /// The indices of exactly the items that do not verify alone (empty when all do).
    #[wasm_bindgen(js_name = findInvalid)]
    pub fn find_invalid(&self, seed: &[u8]) -> JsResult<Vec<u32>> {
        match by_suite(self.0.tag(), Run(&self.0, Check::FindInvalid(seed)))?? {
            Outcome::Invalid(found) => Ok(found),
            Outcome::Valid(_) => Ok(Vec::new()),
        }
    }
}

impl BatchVerifier {
    fn valid(&self, check: Check<'_>) -> JsResult<bool> {
        match by_suite(self.0.tag(), Run(&self.0, check))?? {
            Outcome::Valid(v) => Ok(v),
            Outcome::Invalid(found) => Ok(found.is_empty()),
        }
    }

    /// A batch of the flattened items.
    fn of(suite: u32, items: &Items<'_>) -> JsResult<BatchVerifier> {
        variant_of(suite)?;
        let keys = split(items.keys, items.key_lens)?;
        let messages = split(items.messages, items.message_lens)?;
        let sigs = split(items.sigs, items.sig_lens)?;
        if keys.len() != messages.len() || keys.len() != sigs.len() {
            return Err(blsig_core::Error::LengthMismatch.into());
        }
        let mut batch = BatchVerifier::new(suite)?;
        for ((pk, msg), sig) in keys.into_iter().zip(messages).zip(sigs) {
            batch.queue_bytes(pk, msg, sig)?;
        }
        Ok(batch)
    }
}

/// Flattened items.
struct Items<'a> {
    keys: &'a [u8],
    key_lens: &'a [u32],
    messages: &'a [u8],
    message_lens: &'a [u32],
    sigs: &'a [u8],
    sig_lens: &'a [u32],
}

/// The indices of exactly the items that do not verify, over flattened encodings (the
/// sub-batch of one `verifyBatchParallel` worker); the first malformed encoding throws.
#[wasm_bindgen(js_name = findInvalid)]
#[allow(clippy::too_many_arguments)]
pub fn find_invalid(
    suite: u32,
    keys: &[u8],
    key_lens: &[u32],
    messages: &[u8],
    message_lens: &[u32],
    sigs: &[u8],
    sig_lens: &[u32],
    seed: &[u8],
) -> JsResult<Vec<u32>> {
    let items = Items {
        keys,
        key_lens,
        messages,
        message_lens,
        sigs,
        sig_lens,
    };
    BatchVerifier::of(suite, &items)?.find_invalid(seed)
}
