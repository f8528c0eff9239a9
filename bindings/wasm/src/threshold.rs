//! Threshold signatures (Shamir shares of one key, Feldman commitments): a dealer splits a
//! key into n shares, any t members' signature shares combine into the undivided key's
//! signature, byte for byte. Secret shares stay inside wasm as `SecretShare` objects.

use blsig_bindings::{SuiteOp, Value, VariantOp, by_suite, by_variant};
use blsig_core::threshold::{
    PublicKeySet as CoreSet, SecretShare as CoreShare, SignatureShare, deal,
};
use blsig_core::{Scheme, SecretKey as CoreSk, Variant};
use wasm_bindgen::prelude::*;

use crate::codec::{Codec, Family, decode, encode};
use crate::error::{Fail, JsResult, seed_rng, verdict};
use crate::keys::SecretKey;
use crate::signature::split;

/// A sharing's public part: the Feldman commitment, whose constant term is the group key.
#[wasm_bindgen]
pub struct PublicKeySet(Value);

/// A member's secret share; zeroized when freed.
#[wasm_bindgen]
pub struct SecretShare(Value);

/// Deals `sk` into `n` shares, any `t` of which sign: `[publicKeySet, share 1, …, share
/// n]` as bytes (each share must reach only its member). `seed`: 32 random bytes.
#[wasm_bindgen(js_name = thresholdDeal)]
pub fn threshold_deal(
    sk: &SecretKey,
    t: u32,
    n: u32,
    seed: &[u8],
) -> JsResult<Vec<js_sys::Uint8Array>> {
    struct Deal<'a>(&'a Value, usize, usize, &'a [u8]);
    impl VariantOp for Deal<'_> {
        type Out = JsResult<Vec<Vec<u8>>>;
        fn run<V: Variant>(self) -> Self::Out {
            let sk = self.0.get::<CoreSk<V>>()?;
            let (set, shares) = deal(sk, self.1, self.2, &mut seed_rng(self.3)?)?;
            let mut out = vec![set.to_bytes()];
            out.extend(shares.iter().map(|s| s.to_bytes().to_vec()));
            Ok(out)
        }
    }
    let size = |x: u32| usize::try_from(x).unwrap_or(usize::MAX);
    let parts = by_variant(sk.0.tag(), Deal(&sk.0, size(t), size(n), seed))??;
    Ok(parts
        .iter()
        .map(|p| js_sys::Uint8Array::from(p.as_slice()))
        .collect())
}

/// What a signing-side operation of a public key set does.
enum SetOp<'a> {
    Sign(&'a Value, &'a [u8]),
    VerifyShare(&'a [u8], &'a [u8]),
    Combine(Vec<&'a [u8]>),
    RobustCombine(&'a [u8], Vec<&'a [u8]>, &'a [u8]),
}

enum SetOut {
    Bytes(Vec<u8>),
    Valid(bool),
}

struct OnSet<'a>(&'a Value, SetOp<'a>);

impl SuiteOp for OnSet<'_> {
    type Out = JsResult<SetOut>;
    fn run<V: Variant, S: Scheme>(self) -> Self::Out {
        let set = self.0.get::<CoreSet<V>>()?;
        let shares = |list: Vec<&[u8]>| {
            list.into_iter()
                .map(SignatureShare::<V, S>::from_bytes)
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(match self.1 {
            SetOp::Sign(share, msg) => {
                SetOut::Bytes(share.get::<CoreShare<V>>()?.sign::<S>(set, msg).to_bytes())
            }
            SetOp::VerifyShare(msg, share) => SetOut::Valid(verdict(
                set.verify_signature_share(msg, &SignatureShare::<V, S>::from_bytes(share)?),
            )?),
            SetOp::Combine(list) => {
                SetOut::Bytes(set.combine(&shares(list)?)?.to_bytes().as_ref().to_vec())
            }
            SetOp::RobustCombine(msg, list, seed) => {
                let (sig, _) = set.robust_combine(msg, &shares(list)?, &mut seed_rng(seed)?)?;
                SetOut::Bytes(sig.to_bytes().as_ref().to_vec())
            }
        })
    }
}

#[wasm_bindgen]
impl PublicKeySet {
    /// Decodes a public key set (`toBytes`, or the first item `thresholdDeal` returns).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<PublicKeySet> {
        Ok(PublicKeySet(decode::<Sets>(variant, bytes)?))
    }

    /// The encoding.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode::<Sets>(&self.0)
    }

    /// The group key (compressed): the undivided key's public key.
    #[wasm_bindgen(js_name = groupKey)]
    pub fn group_key(&self) -> JsResult<Vec<u8>> {
        Ok(self.info()?.group_key)
    }

    /// Whether a secret share is consistent with the commitment (Feldman).
    #[wasm_bindgen(js_name = verifySecretShare)]
    pub fn verify_secret_share(&self, share: &SecretShare) -> JsResult<bool> {
        struct Check<'a>(&'a Value, &'a Value);
        impl VariantOp for Check<'_> {
            type Out = JsResult<bool>;
            fn run<V: Variant>(self) -> Self::Out {
                let set = self.0.get::<CoreSet<V>>()?;
                verdict(set.verify_secret_share(self.1.get::<CoreShare<V>>()?))
            }
        }
        by_variant(self.0.tag(), Check(&self.0, &share.0))?
    }

    /// The member holding `share` signs `message` under `suite` (of this set's variant).
    pub fn sign(&self, suite: u32, share: &SecretShare, message: &[u8]) -> JsResult<Vec<u8>> {
        self.bytes(suite, SetOp::Sign(&share.0, message))
    }

    /// Whether a signature share is its member's valid share on `message`.
    #[wasm_bindgen(js_name = verifyShare)]
    pub fn verify_share(&self, suite: u32, message: &[u8], share: &[u8]) -> JsResult<bool> {
        match self.run(suite, SetOp::VerifyShare(message, share))? {
            SetOut::Valid(v) => Ok(v),
            SetOut::Bytes(_) => Ok(false),
        }
    }

    /// Interpolates the first t shares (distinct members) into the group signature,
    /// without checking them (`BELOW_THRESHOLD`, `DUPLICATE_KEY`); the shares flattened.
    #[wasm_bindgen(js_name = combineFlat)]
    pub fn combine(&self, suite: u32, shares: &[u8], lens: &[u32]) -> JsResult<Vec<u8>> {
        self.bytes(suite, SetOp::Combine(split(shares, lens)?))
    }

    /// Checks the shares on `message` (one multi-pairing, then one by one if that fails)
    /// and combines t valid ones; `BELOW_THRESHOLD` if fewer are valid.
    #[wasm_bindgen(js_name = robustCombineFlat)]
    pub fn robust_combine(
        &self,
        suite: u32,
        message: &[u8],
        shares: &[u8],
        lens: &[u32],
        seed: &[u8],
    ) -> JsResult<Vec<u8>> {
        self.bytes(
            suite,
            SetOp::RobustCombine(message, split(shares, lens)?, seed),
        )
    }

    /// The number of shares a signature needs.
    #[wasm_bindgen(getter)]
    pub fn threshold(&self) -> JsResult<u32> {
        Ok(u32::try_from(self.info()?.threshold).unwrap_or(u32::MAX))
    }

    /// The variant number.
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

impl PublicKeySet {
    fn run(&self, suite: u32, op: SetOp<'_>) -> JsResult<SetOut> {
        if blsig_bindings::variant_of(suite)? != self.0.tag() {
            return Err(Fail::SuiteMismatch);
        }
        by_suite(suite, OnSet(&self.0, op))?
    }

    fn bytes(&self, suite: u32, op: SetOp<'_>) -> JsResult<Vec<u8>> {
        match self.run(suite, op)? {
            SetOut::Bytes(b) => Ok(b),
            SetOut::Valid(_) => Ok(Vec::new()),
        }
    }

    /// The set's plain facts, of whichever variant it is.
    fn info(&self) -> JsResult<SetInfo> {
        struct Read<'a>(&'a Value);
        impl VariantOp for Read<'_> {
            type Out = JsResult<SetInfo>;
            fn run<V: Variant>(self) -> Self::Out {
                let set = self.0.get::<CoreSet<V>>()?;
                Ok(SetInfo {
                    group_key: set.group_key().to_bytes().as_ref().to_vec(),
                    threshold: set.threshold(),
                })
            }
        }
        by_variant(self.0.tag(), Read(&self.0))?
    }
}

/// What `PublicKeySet::info` reads: the group key (compressed) and the threshold.
struct SetInfo {
    group_key: Vec<u8>,
    threshold: usize,
}

#[wasm_bindgen]
impl SecretShare {
    /// Decodes a secret share (64 bytes: identifier and value).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<SecretShare> {
        Ok(SecretShare(decode::<Shares>(variant, bytes)?))
    }

    /// The encoding (a copy of the secret in JavaScript memory).
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode::<Shares>(&self.0)
    }

    /// The variant number.
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

struct Sets;
impl Family for Sets {
    type Of<V: Variant> = CoreSet<V>;
}
impl<V: Variant> Codec for CoreSet<V> {
    fn decode(bytes: &[u8]) -> Result<Self, blsig_core::Error> {
        CoreSet::from_bytes(bytes)
    }
    fn encode(&self) -> Vec<u8> {
        self.to_bytes()
    }
}

struct Shares;
impl Family for Shares {
    type Of<V: Variant> = CoreShare<V>;
}
impl<V: Variant> Codec for CoreShare<V> {
    fn decode(bytes: &[u8]) -> Result<Self, blsig_core::Error> {
        CoreShare::from_bytes(bytes)
    }
    fn encode(&self) -> Vec<u8> {
        self.to_bytes().to_vec()
    }
}
