//! Multisignatures (Boneh–Drijvers–Neven) over bytes: the n-of-n scheme (`MspGroup`) and
//! the m-of-n membership-key scheme (`AsmGroup`, with its secret `MembershipKey`). Each
//! group remembers its variant; shares, signatures and contributions travel as bytes.

use blsig_bindings::{Value, VariantOp, by_variant, variant_number};
use blsig_core::multisig::{
    AsmGroup as CoreAsm, AsmGroupId, Contribution, GroupKey, MemberSignature,
    MembershipKey as CoreMk, MspShare, MspSignature,
};
use blsig_core::{PublicKey as CorePublicKey, SecretKey as CoreSk, Variant};
use wasm_bindgen::prelude::*;

use crate::codec::{Codec, Family, decode, encode};
use crate::error::{JsResult, verdict};
use crate::keys::{ProvenPublicKey, SecretKey, proven_of};
use crate::signature::split;

/// An n-of-n (MSP) group: the members' keys in canonical order and their weighted sum.
#[wasm_bindgen]
pub struct MspGroup(Value);

/// An m-of-n (ASM) group of proven keys with its threshold and identity.
#[wasm_bindgen]
pub struct AsmGroup(Value);

/// A member's secret membership key for one ASM group; zeroized when freed.
#[wasm_bindgen]
pub struct MembershipKey(Value);

fn tagged<V: Variant, T: Send + Sync + 'static>(value: T) -> Value {
    Value::new(variant_number::<V>(), value)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn index(i: u32) -> usize {
    usize::try_from(i).unwrap_or(usize::MAX)
}

/// An operation on a group of variant `V`.
trait GroupOp {
    type Out;
    fn run<V: Variant>(self, group: &Value) -> JsResult<Self::Out>;
}

fn on<O: GroupOp>(group: &Value, op: O) -> JsResult<O::Out> {
    struct Run<'a, O>(&'a Value, O);
    impl<O: GroupOp> VariantOp for Run<'_, O> {
        type Out = JsResult<O::Out>;
        fn run<V: Variant>(self) -> Self::Out {
            self.1.run::<V>(self.0)
        }
    }
    by_variant(group.tag(), Run(group, op))?
}

/// What the n-of-n group does.
enum Msp<'a> {
    AggregateKey,
    Len,
    IndexOf(&'a [u8]),
    SignShare(&'a Value, &'a [u8]),
    VerifyShare(&'a [u8], &'a [u8]),
    Combine(Vec<&'a [u8]>),
    Verify(&'a [u8], &'a [u8]),
}

enum Out {
    Bytes(Vec<u8>),
    Number(i64),
    Valid(bool),
}

impl Out {
    fn bytes(self) -> Vec<u8> {
        match self {
            Out::Bytes(b) => b,
            _ => Vec::new(),
        }
    }
    fn number(self) -> i64 {
        match self {
            Out::Number(n) => n,
            _ => -1,
        }
    }
    fn valid(self) -> bool {
        matches!(self, Out::Valid(true))
    }
}

fn position(found: Option<usize>) -> Out {
    Out::Number(found.and_then(|i| i64::try_from(i).ok()).unwrap_or(-1))
}

impl GroupOp for Msp<'_> {
    type Out = Out;
    fn run<V: Variant>(self, group: &Value) -> JsResult<Out> {
        let g = group.get::<GroupKey<V>>()?;
        Ok(match self {
            Msp::AggregateKey => Out::Bytes(g.aggregate_key().to_bytes().as_ref().to_vec()),
            Msp::Len => Out::Number(i64::from(count(g.len()))),
            Msp::IndexOf(pk) => position(g.index_of(&CorePublicKey::<V>::from_bytes(pk)?)),
            Msp::SignShare(sk, msg) => {
                Out::Bytes(g.sign_share(sk.get::<CoreSk<V>>()?, msg)?.to_bytes())
            }
            Msp::VerifyShare(msg, share) => {
                Out::Valid(verdict(g.verify_share(msg, &MspShare::from_bytes(share)?))?)
            }
            Msp::Combine(shares) => {
                let shares = shares
                    .into_iter()
                    .map(MspShare::<V>::from_bytes)
                    .collect::<Result<Vec<_>, _>>()?;
                Out::Bytes(g.combine(&shares)?.to_bytes().as_ref().to_vec())
            }
            Msp::Verify(msg, sig) => {
                Out::Valid(verdict(g.verify(msg, &MspSignature::from_bytes(sig)?))?)
            }
        })
    }
}

#[wasm_bindgen]
impl MspGroup {
    /// The n-of-n group of the flattened compressed keys (any order; duplicates are
    /// `DUPLICATE_KEY`).
    #[wasm_bindgen(constructor)]
    pub fn new(variant: u32, keys: &[u8], lens: &[u32]) -> JsResult<MspGroup> {
        struct New<'a>(Vec<&'a [u8]>);
        impl VariantOp for New<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant>(self) -> Self::Out {
                let keys = self
                    .0
                    .into_iter()
                    .map(CorePublicKey::<V>::from_bytes)
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(tagged::<V, _>(GroupKey::new(&keys)?))
            }
        }
        Ok(MspGroup(by_variant(variant, New(split(keys, lens)?))??))
    }

    /// Decodes a group (`toBytes`), re-validating every key and the order.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<MspGroup> {
        Ok(MspGroup(decode::<Groups>(variant, bytes)?))
    }

    /// The encoding: member count and the keys in canonical order.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode::<Groups>(&self.0)
    }

    /// The group's public key P = Σ aᵢ·Pᵢ (compressed).
    #[wasm_bindgen(js_name = aggregateKey)]
    pub fn aggregate_key(&self) -> JsResult<Vec<u8>> {
        Ok(on(&self.0, Msp::AggregateKey)?.bytes())
    }

    /// The number of members.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> JsResult<u32> {
        Ok(count(
            usize::try_from(on(&self.0, Msp::Len)?.number()).unwrap_or(0),
        ))
    }

    /// The canonical index of a member's key, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, pk: &[u8]) -> JsResult<i32> {
        Ok(i32::try_from(on(&self.0, Msp::IndexOf(pk))?.number()).unwrap_or(-1))
    }

    /// A member's share of the signature on `message` (`NOT_A_MEMBER` for others).
    #[wasm_bindgen(js_name = signShare)]
    pub fn sign_share(&self, sk: &SecretKey, message: &[u8]) -> JsResult<Vec<u8>> {
        Ok(on(&self.0, Msp::SignShare(&sk.0, message))?.bytes())
    }

    /// Whether a share is its member's valid share on `message`.
    #[wasm_bindgen(js_name = verifyShare)]
    pub fn verify_share(&self, message: &[u8], share: &[u8]) -> JsResult<bool> {
        Ok(on(&self.0, Msp::VerifyShare(message, share))?.valid())
    }

    /// Combines one share per member into the multisignature (`MISSING_SHARE`,
    /// `DUPLICATE_KEY`); the shares flattened.
    #[wasm_bindgen(js_name = combineFlat)]
    pub fn combine(&self, shares: &[u8], lens: &[u32]) -> JsResult<Vec<u8>> {
        Ok(on(&self.0, Msp::Combine(split(shares, lens)?))?.bytes())
    }

    /// Whether `signature` is the group's multisignature on `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> JsResult<bool> {
        Ok(on(&self.0, Msp::Verify(message, signature))?.valid())
    }

    /// The variant number.
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

/// What the m-of-n group does.
enum Asm<'a> {
    ToBytes,
    Id,
    Threshold,
    Len,
    IndexOf(&'a [u8]),
    Contributions(&'a Value),
    VerifyContribution(&'a [u8]),
    MembershipKey(usize, Vec<&'a [u8]>),
    Sign(&'a Value, &'a Value, &'a [u8]),
    VerifyMemberSignature(&'a [u8], &'a [u8]),
    Combine(Vec<&'a [u8]>),
    Verify(&'a [u8], &'a [u8]),
    Signers(&'a [u8]),
}

enum AsmOut {
    Plain(Out),
    List(Vec<Vec<u8>>),
    Key(Value),
    Indices(Vec<u32>),
}

impl GroupOp for Asm<'_> {
    type Out = AsmOut;
    fn run<V: Variant>(self, group: &Value) -> JsResult<AsmOut> {
        let g = group.get::<CoreAsm<V>>()?;
        let plain = AsmOut::Plain;
        Ok(match self {
            Asm::ToBytes => plain(Out::Bytes(g.to_bytes())),
            Asm::Id => plain(Out::Bytes(g.id().to_bytes())),
            Asm::Threshold => plain(Out::Number(i64::from(count(g.threshold())))),
            Asm::Len => plain(Out::Number(i64::from(count(g.group_key().len())))),
            Asm::IndexOf(pk) => plain(position(
                g.group_key().index_of(&CorePublicKey::<V>::from_bytes(pk)?),
            )),
            Asm::Contributions(sk) => AsmOut::List(
                g.contributions(sk.get::<CoreSk<V>>()?)?
                    .iter()
                    .map(|c| c.to_bytes().to_vec())
                    .collect(),
            ),
            Asm::VerifyContribution(c) => plain(Out::Valid(verdict(
                g.verify_contribution(&Contribution::from_bytes(c)?),
            )?)),
            Asm::MembershipKey(index, contributions) => {
                let contributions = contributions
                    .into_iter()
                    .map(Contribution::<V>::from_bytes)
                    .collect::<Result<Vec<_>, _>>()?;
                AsmOut::Key(tagged::<V, _>(g.membership_key(index, &contributions)?))
            }
            Asm::Sign(sk, mk, msg) => plain(Out::Bytes(
                g.sign(sk.get::<CoreSk<V>>()?, mk.get::<CoreMk<V>>()?, msg)?
                    .to_bytes(),
            )),
            Asm::VerifyMemberSignature(msg, sig) => plain(Out::Valid(verdict(
                g.verify_member_signature(msg, &MemberSignature::from_bytes(sig)?),
            )?)),
            Asm::Combine(sigs) => {
                let sigs = sigs
                    .into_iter()
                    .map(MemberSignature::<V>::from_bytes)
                    .collect::<Result<Vec<_>, _>>()?;
                plain(Out::Bytes(g.combine(&sigs)?.to_bytes()))
            }
            Asm::Verify(msg, sig) => plain(Out::Valid(verdict(
                g.verify(msg, &g.signature_from_bytes(sig)?),
            )?)),
            Asm::Signers(sig) => AsmOut::Indices(
                g.signature_from_bytes(sig)?
                    .signers()
                    .into_iter()
                    .map(count)
                    .collect(),
            ),
        })
    }
}

impl AsmGroup {
    fn plain(&self, op: Asm<'_>) -> JsResult<Out> {
        match on(&self.0, op)? {
            AsmOut::Plain(out) => Ok(out),
            _ => Ok(Out::Number(-1)),
        }
    }
}

#[wasm_bindgen]
impl AsmGroup {
    /// The m-of-n group of proven keys with `threshold` signers needed; consumes the
    /// array's objects.
    #[wasm_bindgen(constructor)]
    pub fn new(keys: Vec<ProvenPublicKey>, threshold: u32) -> JsResult<AsmGroup> {
        struct New<'a>(&'a [ProvenPublicKey], usize);
        impl VariantOp for New<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant>(self) -> Self::Out {
                Ok(tagged::<V, _>(CoreAsm::new(
                    &proven_of::<V>(self.0)?,
                    self.1,
                )?))
            }
        }
        let first = keys.first().ok_or(blsig_core::Error::EmptyInput)?;
        Ok(AsmGroup(by_variant(
            first.0.tag(),
            New(&keys, index(threshold)),
        )??))
    }

    /// Decodes a group (`toBytes`) that must have identity `expectedId` (`id()` of the
    /// group the members set up): `GROUP_ID_MISMATCH` otherwise.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8], expected_id: &[u8]) -> JsResult<AsmGroup> {
        struct Decode<'a>(&'a [u8], &'a [u8]);
        impl VariantOp for Decode<'_> {
            type Out = JsResult<Value>;
            fn run<V: Variant>(self) -> Self::Out {
                let id = AsmGroupId::<V>::from_bytes(self.1)?;
                Ok(tagged::<V, _>(CoreAsm::<V>::from_bytes(self.0, &id)?))
            }
        }
        Ok(AsmGroup(by_variant(variant, Decode(bytes, expected_id))??))
    }

    /// The encoding (keys, threshold).
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        Ok(self.plain(Asm::ToBytes)?.bytes())
    }

    /// The group's identity: its key P and threshold, to compare out of band.
    pub fn id(&self) -> JsResult<Vec<u8>> {
        Ok(self.plain(Asm::Id)?.bytes())
    }

    /// The number of signers a signature needs.
    #[wasm_bindgen(getter)]
    pub fn threshold(&self) -> JsResult<u32> {
        Ok(count(
            usize::try_from(self.plain(Asm::Threshold)?.number()).unwrap_or(0),
        ))
    }

    /// The number of members.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> JsResult<u32> {
        Ok(count(
            usize::try_from(self.plain(Asm::Len)?.number()).unwrap_or(0),
        ))
    }

    /// The canonical index of a member's key, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, pk: &[u8]) -> JsResult<i32> {
        Ok(i32::try_from(self.plain(Asm::IndexOf(pk))?.number()).unwrap_or(-1))
    }

    /// A member's secret setup contributions, one per member in index order (send each
    /// only to its recipient, privately).
    pub fn contributions(&self, sk: &SecretKey) -> JsResult<Vec<js_sys::Uint8Array>> {
        match on(&self.0, Asm::Contributions(&sk.0))? {
            AsmOut::List(list) => Ok(list
                .iter()
                .map(|c| js_sys::Uint8Array::from(c.as_slice()))
                .collect()),
            _ => Ok(Vec::new()),
        }
    }

    /// Whether a contribution is valid for its recipient.
    #[wasm_bindgen(js_name = verifyContribution)]
    pub fn verify_contribution(&self, contribution: &[u8]) -> JsResult<bool> {
        Ok(self.plain(Asm::VerifyContribution(contribution))?.valid())
    }

    /// Member `index`'s membership key from the contributions it received, one from every
    /// member (`COUNT_MISMATCH`, `WRONG_RECIPIENT`, `DUPLICATE_KEY`,
    /// `VERIFICATION_FAILED`).
    #[wasm_bindgen(js_name = membershipKeyFlat)]
    pub fn membership_key(
        &self,
        index: u32,
        contributions: &[u8],
        lens: &[u32],
    ) -> JsResult<MembershipKey> {
        let op = Asm::MembershipKey(self::index(index), split(contributions, lens)?);
        match on(&self.0, op)? {
            AsmOut::Key(v) => Ok(MembershipKey(v)),
            _ => Err(crate::error::Fail::SuiteMismatch),
        }
    }

    /// A member's signature on `message` with its key and membership key.
    pub fn sign(&self, sk: &SecretKey, mk: &MembershipKey, message: &[u8]) -> JsResult<Vec<u8>> {
        Ok(self.plain(Asm::Sign(&sk.0, &mk.0, message))?.bytes())
    }

    /// Whether a member signature is valid on `message`.
    #[wasm_bindgen(js_name = verifyMemberSignature)]
    pub fn verify_member_signature(&self, message: &[u8], signature: &[u8]) -> JsResult<bool> {
        Ok(self
            .plain(Asm::VerifyMemberSignature(message, signature))?
            .valid())
    }

    /// Combines member signatures (at least the threshold, distinct members) into the
    /// group signature with its signer bitmap; the signatures flattened.
    #[wasm_bindgen(js_name = combineFlat)]
    pub fn combine(&self, signatures: &[u8], lens: &[u32]) -> JsResult<Vec<u8>> {
        Ok(self.plain(Asm::Combine(split(signatures, lens)?))?.bytes())
    }

    /// Whether `signature` is a valid m-of-n signature of the group on `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> JsResult<bool> {
        Ok(self.plain(Asm::Verify(message, signature))?.valid())
    }

    /// The indices of a signature's signers.
    pub fn signers(&self, signature: &[u8]) -> JsResult<Vec<u32>> {
        match on(&self.0, Asm::Signers(signature))? {
            AsmOut::Indices(i) => Ok(i),
            _ => Ok(Vec::new()),
        }
    }

    /// The variant number.
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

#[wasm_bindgen]
impl MembershipKey {
    /// Decodes a membership key (secret: keep it private).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(variant: u32, bytes: &[u8]) -> JsResult<MembershipKey> {
        Ok(MembershipKey(decode::<MembershipKeys>(variant, bytes)?))
    }

    /// The encoding (a copy of the secret in JavaScript memory).
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> JsResult<Vec<u8>> {
        encode::<MembershipKeys>(&self.0)
    }

    /// The variant number.
    #[wasm_bindgen(getter)]
    pub fn variant(&self) -> u32 {
        self.0.tag()
    }
}

struct Groups;
impl Family for Groups {
    type Of<V: Variant> = GroupKey<V>;
}
impl<V: Variant> Codec for GroupKey<V> {
    fn decode(bytes: &[u8]) -> Result<Self, blsig_core::Error> {
        GroupKey::from_bytes(bytes)
    }
    fn encode(&self) -> Vec<u8> {
        self.to_bytes()
    }
}

struct MembershipKeys;
impl Family for MembershipKeys {
    type Of<V: Variant> = CoreMk<V>;
}
impl<V: Variant> Codec for CoreMk<V> {
    fn decode(bytes: &[u8]) -> Result<Self, blsig_core::Error> {
        CoreMk::from_bytes(bytes)
    }
    fn encode(&self) -> Vec<u8> {
        self.to_bytes().to_vec()
    }
}
