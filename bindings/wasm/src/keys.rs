//! Secret keys, public keys, proven public keys and key sums: validated values that stay
//! inside wasm memory, as JavaScript classes (`free()`, `[Symbol.dispose]`, finalization).

use blsig_bindings::{Value, VariantOp, by_variant, variant_number};
use blsig_core::{
    AggregatePublicKey as CoreAggregate, Error, ProofOfPossession, ProvenPublicKey as CoreProven,
    PublicKey as CorePublicKey, SecretKey as CoreSecretKey, Variant,
};
use wasm_bindgen::prelude::*;

use crate::error::{JsResult, seed_rng, verdict};

/// A secret key of one variant. It never leaves wasm memory unless `toBytes()` is called;
/// `free()` (or disposal, or finalization) zeroizes it.
#[wasm_bindgen]
pub struct SecretKey(pub(crate) Value);

/// A validated public key (KeyValidate ran when it was made).
#[wasm_bindgen]
pub struct PublicKey(pub(crate) Value);

/// A public key whose proof of possession verified: the only key the proof-of-possession
/// scheme's aggregate verification accepts.
#[wasm_bindgen]
pub struct ProvenPublicKey(pub(crate) Value);

/// The sum of proven public keys, kept for FastAggregateVerify of many signatures on
/// one message by the same signers.
#[wasm_bindgen]
pub struct AggregatePublicKey(pub(crate) Value);

fn tagged<V: Variant, T: Send + Sync + 'static>(value: T) -> Value {
    Value::new(variant_number::<V>(), value)
}

/// How a secret key is made.
enum Make<'a> {
    KeyGen { ikm: &'a [u8], info: &'a [u8] },
    Draft03 { ikm: &'a [u8], info: &'a [u8] },
    FromBytes(&'a [u8]),
    Random(&'a [u8]),
}

impl VariantOp for Make<'_> {
    type Out = JsResult<Value>;
    fn run<V: Variant>(self) -> Self::Out {
        let sk = match self {
            Make::KeyGen { ikm, info } => CoreSecretKey::<V>::key_gen(ikm, info)?,
            Make::Draft03 { ikm, info } => CoreSecretKey::<V>::key_gen_draft03(ikm, info)?,
            Make::FromBytes(b) => CoreSecretKey::<V>::from_bytes(b)?,
            Make::Random(seed) => CoreSecretKey::<V>::generate(&mut seed_rng(seed)?),
        };
        Ok(tagged::<V, _>(sk))
    }
}

/// Operations on one secret key.
enum SkOp {
    ToBytes,
    PublicKey,
    Prove,
}

struct OnSecret<'a>(&'a Value, SkOp);

enum SkOut {
    Bytes(Vec<u8>),
    Key(Value),
}

impl VariantOp for OnSecret<'_> {
    type Out = JsResult<SkOut>;
    fn run<V: Variant>(self) -> Self::Out {
        let sk = self.0.get::<CoreSecretKey<V>>()?;
        Ok(match self.1 {
            SkOp::ToBytes => SkOut::Bytes(sk.to_bytes().to_vec()),
            SkOp::PublicKey => SkOut::Key(tagged::<V, _>(sk.public_key())),
            SkOp::Prove => SkOut::Bytes(sk.prove_possession().to_bytes().as_ref().to_vec()),
        })
    }
}

impl SecretKey {
    fn bytes(&self, op: SkOp) -> JsResult<Vec<u8>> {
        match by_variant(self.0.tag(), OnSecret(&self.0, op))?? {
            SkOut::Bytes(b) => Ok(b),
            SkOut::Key(_) => Err(crate::error::Fail::SuiteMismatch),
        }
    }
}

#[wasm_bindgen]
impl SecretKey {
    /// KeyGen (draft §2.3): a key of `variant` from ≥ 32 bytes of secret randomness `ikm`
    /// and optional context `keyInfo`.
    #[wasm_bindgen(js_name = keyGen)]
    pub fn key_gen(variant: u32, ikm: &[u8], key_info: &[u8]) -> JsResult<SecretKey> {
        Ok(SecretKey(by_variant(
            variant,
            Make::KeyGen {
                ikm,
                info: key_info,
            },
        )??))
    }

    /// KeyGen as draft-03 defined it (raw salt, no minimum IKM length), to reproduce keys
    /// of draft-03 implementations; prefer `keyGen`.
    #[wasm_bindgen(js_name = keyGenDraft03)]
    pub fn key_gen_draft03(variant: u32, ikm: &[u8], key_info: &[u8]) -> JsResult<SecretKey> {
        Ok(SecretKey(by_variant(
            variant,
            Make::Draft03 {
                ikm,
                info: key_info,
            },
        )??))
    }

    /// A fresh key from 32 random bytes (KeyGen of them).
    pub fn generate(variant: u32, seed: &[u8]) -> JsResult<SecretKey> {
        Ok(SecretKey(by_variant(variant, Make::Random(seed))??))
    }

    /// Decodes 32 big-endian bytes (0 < SK < r).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<SecretKey> {
        Ok(SecretKey(by_variant(variant, Make::FromBytes(bytes))??))
    }

    /// The 32-byte big-endian encoding (a copy of the secret in JavaScript memory).
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        self.bytes(SkOp::ToBytes)
    }

    /// SkToPk.
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self) -> JsResult<PublicKey> {
        match by_variant(self.0.tag(), OnSecret(&self.0, SkOp::PublicKey))?? {
            SkOut::Key(v) => Ok(PublicKey(v)),
            SkOut::Bytes(_) => Err(crate::error::Fail::SuiteMismatch),
        }
    }

    /// PopProve: the compressed proof of possession of this key.
    #[wasm_bindgen(js_name = popProve)]
    pub fn pop_prove(&self) -> JsResult<Vec<u8>> {
        self.bytes(SkOp::Prove)
    }

    /// The variant number (0 min-pk, 1 min-sig).
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

/// Decoding and encoding of public keys.
enum PkOp<'a> {
    Decode(&'a [u8]),
    Prove(&'a [u8], &'a [u8]),
}

impl VariantOp for PkOp<'_> {
    type Out = JsResult<Value>;
    fn run<V: Variant>(self) -> Self::Out {
        Ok(match self {
            PkOp::Decode(b) => tagged::<V, _>(CorePublicKey::<V>::from_bytes(b)?),
            PkOp::Prove(pk, proof) => {
                let pk = CorePublicKey::<V>::from_bytes(pk)?;
                let proof = ProofOfPossession::<V>::from_bytes(proof)?;
                tagged::<V, _>(pk.verify_possession(&proof)?)
            }
        })
    }
}

struct Encode<'a>(&'a Value);

impl VariantOp for Encode<'_> {
    type Out = JsResult<Vec<u8>>;
    fn run<V: Variant>(self) -> Self::Out {
        let key = if let Ok(k) = self.0.get::<CorePublicKey<V>>() {
            *k
        } else if let Ok(k) = self.0.get::<CoreProven<V>>() {
            *k.public_key()
        } else {
            *self.0.get::<CoreAggregate<V>>()?.public_key()
        };
        Ok(key.to_bytes().as_ref().to_vec())
    }
}

fn encode(value: &Value) -> JsResult<Vec<u8>> {
    by_variant(value.tag(), Encode(value))?
}

#[wasm_bindgen]
impl PublicKey {
    /// Decodes a compressed key of `variant` (48 bytes min-pk, 96 min-sig) and runs
    /// KeyValidate: the identity and points outside the subgroup are errors.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<PublicKey> {
        Ok(PublicKey(by_variant(variant, PkOp::Decode(bytes))??))
    }

    /// The compressed encoding.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode(&self.0)
    }

    /// The variant number (0 min-pk, 1 min-sig).
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }

    /// A copy (the copy must be freed on its own).
    #[wasm_bindgen(js_name = clone)]
    pub fn duplicate(&self) -> JsResult<PublicKey> {
        Ok(PublicKey(copy_key::<KeyKind>(&self.0)?))
    }
}

#[wasm_bindgen]
impl ProvenPublicKey {
    /// PopVerify of `proof` for the compressed key `publicKey`; the key is proven only if
    /// the proof verifies (`VERIFICATION_FAILED` otherwise).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, public_key: &[u8], proof: &[u8]) -> JsResult<ProvenPublicKey> {
        Ok(ProvenPublicKey(by_variant(
            variant,
            PkOp::Prove(public_key, proof),
        )??))
    }

    /// Treats `key` as proven without a proof: only for keys whose proof of possession
    /// was checked elsewhere (Ethereum's deposit registry, a registration step).
    #[wasm_bindgen(js_name = assumeProven)]
    pub fn assume_proven(key: &PublicKey) -> JsResult<ProvenPublicKey> {
        Ok(ProvenPublicKey(copy_key::<AssumeProven>(&key.0)?))
    }

    /// The compressed key.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode(&self.0)
    }

    /// The key without the proof's guarantee.
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self) -> JsResult<PublicKey> {
        Ok(PublicKey(copy_key::<UnprovenOf>(&self.0)?))
    }

    /// The variant number (0 min-pk, 1 min-sig).
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }

    /// A copy (the copy must be freed on its own).
    #[wasm_bindgen(js_name = clone)]
    pub fn duplicate(&self) -> JsResult<ProvenPublicKey> {
        Ok(ProvenPublicKey(copy_key::<ProvenKind>(&self.0)?))
    }
}

#[wasm_bindgen]
impl AggregatePublicKey {
    /// AggregatePKs of proven keys (all of one variant); consumes the array's objects.
    #[wasm_bindgen(js_name = fromProven)]
    pub fn from_proven(keys: Vec<ProvenPublicKey>) -> JsResult<AggregatePublicKey> {
        struct Sum<'a>(&'a [ProvenPublicKey]);
        impl VariantOp for Sum<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant>(self) -> Self::Out {
                Ok(tagged::<V, _>(CoreProven::aggregate(&proven_of::<V>(
                    self.0,
                )?)?))
            }
        }
        let first = keys.first().ok_or(Error::EmptyInput)?;
        Ok(AggregatePublicKey(by_variant(first.0.tag(), Sum(&keys))??))
    }

    /// The compressed sum.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode(&self.0)
    }

    /// The variant number (0 min-pk, 1 min-sig).
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

/// The core keys of proven-key objects, all of variant `V` (else `SUITE_MISMATCH`).
pub(crate) fn proven_of<V: Variant>(keys: &[ProvenPublicKey]) -> JsResult<Vec<CoreProven<V>>> {
    let values: Vec<&Value> = keys.iter().map(|k| &k.0).collect();
    Ok(blsig_bindings::all::<CoreProven<V>>(&values)?)
}

/// Which key type a copy reads and makes.
trait KeyCopy {
    fn copy<V: Variant>(v: &Value) -> JsResult<Value>;
}
struct KeyKind;
struct ProvenKind;
struct UnprovenOf;
struct AssumeProven;
impl KeyCopy for AssumeProven {
    fn copy<V: Variant>(v: &Value) -> JsResult<Value> {
        Ok(tagged::<V, _>(CoreProven::assume_proven(
            *v.get::<CorePublicKey<V>>()?,
        )))
    }
}
impl KeyCopy for KeyKind {
    fn copy<V: Variant>(v: &Value) -> JsResult<Value> {
        Ok(tagged::<V, _>(*v.get::<CorePublicKey<V>>()?))
    }
}
impl KeyCopy for ProvenKind {
    fn copy<V: Variant>(v: &Value) -> JsResult<Value> {
        Ok(tagged::<V, _>(*v.get::<CoreProven<V>>()?))
    }
}
impl KeyCopy for UnprovenOf {
    fn copy<V: Variant>(v: &Value) -> JsResult<Value> {
        Ok(tagged::<V, _>(*v.get::<CoreProven<V>>()?.public_key()))
    }
}

fn copy_key<K: KeyCopy>(value: &Value) -> JsResult<Value> {
    struct Copy<'a, K>(&'a Value, core::marker::PhantomData<K>);
    impl<K: KeyCopy> VariantOp for Copy<'_, K> {
        type Out = JsResult<Value>;
        fn run<V: Variant>(self) -> Self::Out {
            K::copy::<V>(self.0)
        }
    }
    by_variant(value.tag(), Copy::<K>(value, core::marker::PhantomData))?
}

/// KeyGen: the 32-byte secret key of `variant` from `ikm` (≥ 32 bytes) and `keyInfo`.
#[wasm_bindgen(js_name = keyGen)]
pub fn key_gen(variant: u32, ikm: &[u8], key_info: &[u8]) -> JsResult<Vec<u8>> {
    SecretKey::key_gen(variant, ikm, key_info)?.to_bytes()
}

/// SkToPk: the compressed public key of a 32-byte secret key.
#[wasm_bindgen(js_name = skToPk)]
pub fn sk_to_pk(variant: u32, sk: &[u8]) -> JsResult<Vec<u8>> {
    SecretKey::from_bytes(variant, sk)?.public_key()?.to_bytes()
}

/// KeyValidate: whether `pk` decodes to a valid key of `variant` (any malformed or
/// invalid input is `false`; only an unknown variant throws).
#[wasm_bindgen(js_name = keyValidate)]
pub fn key_validate(variant: u32, pk: &[u8]) -> JsResult<bool> {
    struct Validate<'a>(&'a [u8]);
    impl VariantOp for Validate<'_> {
        type Out = bool;
        fn run<V: Variant>(self) -> bool {
            CorePublicKey::<V>::from_bytes(self.0).is_ok()
        }
    }
    Ok(by_variant(variant, Validate(pk))?)
}

/// PopProve with a 32-byte secret key.
#[wasm_bindgen(js_name = popProve)]
pub fn pop_prove(variant: u32, sk: &[u8]) -> JsResult<Vec<u8>> {
    SecretKey::from_bytes(variant, sk)?.pop_prove()
}

/// PopVerify: `true` exactly when `proof` proves possession of `pk`; malformed
/// encodings throw.
#[wasm_bindgen(js_name = popVerify)]
pub fn pop_verify(variant: u32, pk: &[u8], proof: &[u8]) -> JsResult<bool> {
    match ProvenPublicKey::from_bytes(variant, pk, proof) {
        Ok(_) => Ok(true),
        Err(crate::error::Fail::Core(e)) => verdict(Err(e)),
        Err(f) => Err(f),
    }
}
