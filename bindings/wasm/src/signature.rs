//! Signatures: Sign, Verify, Aggregate, AggregateVerify and FastAggregateVerify, over
//! decoded values (the `Signature` class) and over bytes.
//!
//! Lists cross the boundary as one concatenated `Uint8Array` and a `Uint32Array` of
//! lengths (the JavaScript layer flattens them): one copy, one call, whatever the count.

use blsig_bindings::{SuiteOp, Value, by_suite, suite_number, variant_of};
use blsig_core::{
    Error, Pop, ProvenPublicKey as CoreProven, PublicKey as CorePublicKey, Scheme,
    SecretKey as CoreSecretKey, Signature as CoreSignature, Variant,
};
use wasm_bindgen::prelude::*;

use crate::error::{Fail, JsResult, verdict};
use crate::keys::{AggregatePublicKey, ProvenPublicKey, PublicKey, SecretKey};

/// A signature of one suite, subgroup-checked when it was decoded.
#[wasm_bindgen]
pub struct Signature(pub(crate) Value);

pub(crate) fn tagged<V: Variant, S: Scheme>(sig: CoreSignature<V, S>) -> Value {
    Value::new(suite_number::<V, S>(), sig)
}

/// Splits `flat` into pieces of `lens[i]` bytes.
///
/// # Errors
/// `LENGTH_MISMATCH` unless the lengths add up to `flat.len()` exactly.
pub(crate) fn split<'a>(flat: &'a [u8], lens: &[u32]) -> JsResult<Vec<&'a [u8]>> {
    let mut rest = flat;
    let mut out = Vec::with_capacity(lens.len());
    for &len in lens {
        let len = usize::try_from(len).map_err(|_| Error::LengthMismatch)?;
        if len > rest.len() {
            return Err(Error::LengthMismatch.into());
        }
        let (piece, tail) = rest.split_at(len);
        out.push(piece);
        rest = tail;
    }
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(Error::LengthMismatch.into())
    }
}

#[wasm_bindgen]
impl Signature {
    /// Decodes a compressed signature of `suite` (96 bytes min-pk, 48 min-sig), with the
    /// subgroup check. The identity decodes (it never verifies).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(suite: u32, bytes: &[u8]) -> JsResult<Signature> {
        struct Decode<'a>(&'a [u8]);
        impl SuiteOp for Decode<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                Ok(tagged(CoreSignature::<V, S>::from_bytes(self.0)?))
            }
        }
        Ok(Signature(by_suite(suite, Decode(bytes))??))
    }

    /// Sign under `suite` with `sk` (under Aug the key is prepended to the message, as the
    /// draft says: pass only the message).
    pub fn sign(suite: u32, sk: &SecretKey, message: &[u8]) -> JsResult<Signature> {
        struct Sign<'a>(&'a Value, &'a [u8]);
        impl SuiteOp for Sign<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let sk = self.0.get::<CoreSecretKey<V>>()?;
                Ok(tagged(sk.sign::<S>(self.1)))
            }
        }
        Ok(Signature(by_suite(suite, Sign(&sk.0, message))??))
    }

    /// The compressed encoding.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        struct Encode<'a>(&'a Value);
        impl SuiteOp for Encode<'_> {
            type Out = JsResult<Vec<u8>>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let sig = self.0.get::<CoreSignature<V, S>>()?;
                Ok(sig.to_bytes().as_ref().to_vec())
            }
        }
        by_suite(self.0.tag(), Encode(&self.0))?
    }

    /// The suite number (0–5, as in the C API).
    #[wasm_bindgen(getter)]
    pub fn suite(&self) -> u32 {
        self.0.tag()
    }

    /// A copy (the copy must be freed on its own).
    #[wasm_bindgen(js_name = clone)]
    pub fn duplicate(&self) -> JsResult<Signature> {
        struct Copy<'a>(&'a Value);
        impl SuiteOp for Copy<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                Ok(tagged(*self.0.get::<CoreSignature<V, S>>()?))
            }
        }
        Ok(Signature(by_suite(self.0.tag(), Copy(&self.0))??))
    }

    /// Verify: `true` exactly when this is a signature of `message` by `pk`.
    pub fn verify(&self, pk: &PublicKey, message: &[u8]) -> JsResult<bool> {
        struct Verify<'a>(&'a Value, &'a [u8], &'a Value);
        impl SuiteOp for Verify<'_> {
            type Out = JsResult<bool>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let pk = self.0.get::<CorePublicKey<V>>()?;
                let sig = self.2.get::<CoreSignature<V, S>>()?;
                verdict(pk.verify(self.1, sig))
            }
        }
        by_suite(self.0.tag(), Verify(&pk.0, message, &self.0))?
    }

    /// Aggregate: the sum of signatures of one suite; consumes the array's objects.
    pub fn aggregate(signatures: Vec<Signature>) -> JsResult<Signature> {
        struct Sum<'a>(&'a [Signature]);
        impl SuiteOp for Sum<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let sigs = self
                    .0
                    .iter()
                    .map(|s| s.0.get::<CoreSignature<V, S>>().copied())
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(tagged(CoreSignature::aggregate(&sigs)?))
            }
        }
        let first = signatures.first().ok_or(Error::EmptyInput)?;
        Ok(Signature(by_suite(first.0.tag(), Sum(&signatures))??))
    }

    /// AggregateVerify with proven keys (every suite; the only form Pop accepts):
    /// `keys[i]` signed message `i` of the flattened `messages`. Consumes the keys.
    #[wasm_bindgen(js_name = aggregateVerifyProven)]
    pub fn aggregate_verify_proven(
        &self,
        keys: Vec<ProvenPublicKey>,
        messages: &[u8],
        message_lens: &[u32],
    ) -> JsResult<bool> {
        let keys: Vec<&Value> = keys.iter().map(|k| &k.0).collect();
        self.aggregate_verify_values(&keys, messages, message_lens, true)
    }

    /// AggregateVerify with decoded keys for the Basic and Aug suites (Pop needs proven
    /// keys: `SUITE_MISMATCH`); consumes the keys. No key or signature is decoded again.
    #[wasm_bindgen(js_name = aggregateVerifyKeys)]
    pub fn aggregate_verify_keys(
        &self,
        keys: Vec<PublicKey>,
        messages: &[u8],
        message_lens: &[u32],
    ) -> JsResult<bool> {
        let keys: Vec<&Value> = keys.iter().map(|k| &k.0).collect();
        self.aggregate_verify_values(&keys, messages, message_lens, false)
    }

    /// FastAggregateVerify of a Pop signature on `message` against a key sum.
    #[wasm_bindgen(js_name = fastAggregateVerify)]
    pub fn fast_aggregate_verify(
        &self,
        key: &AggregatePublicKey,
        message: &[u8],
    ) -> JsResult<bool> {
        struct Fast<'a>(&'a Value, &'a Value, &'a [u8]);
        impl SuiteOp for Fast<'_> {
            type Out = JsResult<bool>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let sig = self.0.get::<CoreSignature<V, Pop>>()?;
                let key = self.1.get::<blsig_core::AggregatePublicKey<V>>()?;
                verdict(key.fast_aggregate_verify(self.2, sig))
            }
        }
        by_suite(self.0.tag(), Fast(&self.0, &key.0, message))?
    }
}

impl Signature {
    fn aggregate_verify_values(
        &self,
        keys: &[&Value],
        messages: &[u8],
        message_lens: &[u32],
        proven: bool,
    ) -> JsResult<bool> {
        struct AggregateVerify<'a> {
            sig: &'a Value,
            keys: &'a [&'a Value],
            messages: Vec<&'a [u8]>,
            proven: bool,
        }
        impl SuiteOp for AggregateVerify<'_> {
            type Out = JsResult<bool>;
            fn run<V: Variant, S: Scheme>(self) -> Self::Out {
                let sig = self.sig.get::<CoreSignature<V, S>>()?;
                let keys: Vec<CoreProven<V>> = if self.proven {
                    blsig_bindings::all::<CoreProven<V>>(self.keys)?
                } else {
                    if S::TAG == Pop::TAG {
                        // Pop sums the keys that share a message: only proven keys are safe.
                        return Err(Fail::SuiteMismatch);
                    }
                    // Basic rejects repeated messages and Aug hashes each key into its
                    // own message, so no plain key is ever summed with another: the
                    // proven-key form computes exactly Basic's and Aug's AggregateVerify.
                    blsig_bindings::all::<CorePublicKey<V>>(self.keys)?
                        .into_iter()
                        .map(CoreProven::assume_proven)
                        .collect()
                };
                verdict(sig.aggregate_verify(&keys, &self.messages))
            }
        }
        let op = AggregateVerify {
            sig: &self.0,
            keys,
            messages: split(messages, message_lens)?,
            proven,
        };
        by_suite(self.0.tag(), op)?
    }
}

/// Sign with a 32-byte secret key: the compressed signature.
#[wasm_bindgen]
pub fn sign(suite: u32, sk: &[u8], message: &[u8]) -> JsResult<Vec<u8>> {
    let sk = SecretKey::from_bytes(variant_of(suite)?, sk)?;
    Signature::sign(suite, &sk, message)?.to_bytes()
}

/// Verify over encodings: malformed keys or signatures throw; a valid encoding that does
/// not verify is `false`.
#[wasm_bindgen]
pub fn verify(suite: u32, pk: &[u8], message: &[u8], sig: &[u8]) -> JsResult<bool> {
    let pk = PublicKey::from_bytes(variant_of(suite)?, pk)?;
    Signature::from_bytes(suite, sig)?.verify(&pk, message)
}

/// Aggregate of flattened compressed signatures (each decoded and subgroup-checked, so a
/// bad input is named by its error rather than cancelled in the sum).
#[wasm_bindgen]
pub fn aggregate(suite: u32, signatures: &[u8], lens: &[u32]) -> JsResult<Vec<u8>> {
    let sigs = split(signatures, lens)?
        .into_iter()
        .map(|s| Signature::from_bytes(suite, s))
        .collect::<JsResult<Vec<_>>>()?;
    Signature::aggregate(sigs)?.to_bytes()
}

/// AggregateVerify over encodings for the Basic and Aug suites (Pop needs proven keys:
/// `SUITE_MISMATCH`).
#[wasm_bindgen(js_name = aggregateVerify)]
pub fn aggregate_verify(
    suite: u32,
    keys: &[u8],
    key_lens: &[u32],
    messages: &[u8],
    message_lens: &[u32],
    sig: &[u8],
) -> JsResult<bool> {
    let variant = variant_of(suite)?;
    let keys = split(keys, key_lens)?
        .into_iter()
        .map(|k| PublicKey::from_bytes(variant, k))
        .collect::<JsResult<Vec<_>>>()?;
    let sig = Signature::from_bytes(suite, sig)?;
    let keys: Vec<&Value> = keys.iter().map(|k| &k.0).collect();
    sig.aggregate_verify_values(&keys, messages, message_lens, false)
}
