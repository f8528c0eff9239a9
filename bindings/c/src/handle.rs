//! The opaque handle types. Each wraps a validated core value of one variant (or suite),
//! type-erased so that one C type serves both variants; the stored number says which, and
//! using a handle with the wrong suite is `BLSIG_SUITE_MISMATCH`.

use std::any::Any;

use crate::result::blsig_result;

/// A core value with the number of its variant or suite.
pub(crate) struct Value {
    tag: u32,
    value: Box<dyn Any + Send + Sync>,
}

impl Value {
    pub(crate) fn new<T: Any + Send + Sync>(tag: u32, value: T) -> Self {
        Value {
            tag,
            value: Box::new(value),
        }
    }

    /// The variant or suite number.
    pub(crate) fn tag(&self) -> u32 {
        self.tag
    }

    /// The value as a mutable `T`, or `BLSIG_SUITE_MISMATCH`.
    pub(crate) fn get_mut<T: Any>(&mut self) -> Result<&mut T, blsig_result> {
        self.value
            .downcast_mut::<T>()
            .ok_or(blsig_result::BLSIG_SUITE_MISMATCH)
    }

    /// The value as a `T`, or `BLSIG_SUITE_MISMATCH`.
    pub(crate) fn get<T: Any>(&self) -> Result<&T, blsig_result> {
        self.value
            .downcast_ref::<T>()
            .ok_or(blsig_result::BLSIG_SUITE_MISMATCH)
    }
}

/// Every value as a `T` (copied out), or `BLSIG_SUITE_MISMATCH` for the first that is not.
pub(crate) fn all<T: Any + Clone>(values: &[&Value]) -> Result<Vec<T>, blsig_result> {
    values.iter().map(|v| v.get::<T>().cloned()).collect()
}

/// A secret key (either variant). Zeroized when freed with `blsig_secret_key_free`.
/// May be used from several threads at once (all operations read it).
#[allow(non_camel_case_types)]
pub struct blsig_secret_key(pub(crate) Value);

/// A validated public key (KeyValidate ran at creation). Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_public_key(pub(crate) Value);

/// A public key whose proof of possession verified. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_proven_public_key(pub(crate) Value);

/// A signature of one suite, subgroup-checked at creation. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_signature(pub(crate) Value);

/// A proof of possession (either variant), subgroup-checked. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_proof(pub(crate) Value);

/// A batch verifier of one suite. Queueing changes it: do not share it between threads
/// while items are queued; `blsig_batch_verify*` and `blsig_batch_find_invalid` only read
/// it and may run concurrently with each other.
#[allow(non_camel_case_types)]
pub struct blsig_batch(pub(crate) Value);

/// The value inside a handle type (for arrays of handles).
pub(crate) trait AsValue {
    fn value(&self) -> &Value;
}

impl AsValue for blsig_signature {
    fn value(&self) -> &Value {
        &self.0
    }
}

impl AsValue for blsig_public_key {
    fn value(&self) -> &Value {
        &self.0
    }
}

impl AsValue for blsig_proven_public_key {
    fn value(&self) -> &Value {
        &self.0
    }
}

/// An n-of-n (MSP) multisignature group key. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_group_key(pub(crate) Value);

/// A member's n-of-n signature share. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_msp_share(pub(crate) Value);

/// An n-of-n multisignature. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_msp_signature(pub(crate) Value);

/// An m-of-n (ASM) group. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_asm_group(pub(crate) Value);

/// A secret setup contribution from one member to another. Zeroized when freed; send its
/// bytes only to its recipient, over a private, authenticated channel.
#[allow(non_camel_case_types)]
pub struct blsig_contribution(pub(crate) Value);

/// A member's secret membership key. Zeroized when freed.
#[allow(non_camel_case_types)]
pub struct blsig_membership_key(pub(crate) Value);

/// A member's m-of-n signature. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_member_signature(pub(crate) Value);

/// A combined m-of-n signature with its signer bitmap. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_asm_signature(pub(crate) Value);

impl AsValue for blsig_msp_share {
    fn value(&self) -> &Value {
        &self.0
    }
}

impl AsValue for blsig_contribution {
    fn value(&self) -> &Value {
        &self.0
    }
}

impl AsValue for blsig_member_signature {
    fn value(&self) -> &Value {
        &self.0
    }
}

/// The sum of proven keys, kept for FastAggregateVerify. Shareable between threads.
#[allow(non_camel_case_types)]
pub struct blsig_aggregate_public_key(pub(crate) Value);

/// A threshold sharing's public key set (Feldman commitment; group key C₀).
#[allow(non_camel_case_types)]
pub struct blsig_public_key_set(pub(crate) Value);

/// A member's secret threshold share (zeroized on free).
#[allow(non_camel_case_types)]
pub struct blsig_secret_share(pub(crate) Value);

/// A threshold signature share.
#[allow(non_camel_case_types)]
pub struct blsig_signature_share(pub(crate) Value);

impl AsValue for blsig_secret_share {
    fn value(&self) -> &Value {
        &self.0
    }
}

impl AsValue for blsig_signature_share {
    fn value(&self) -> &Value {
        &self.0
    }
}

/// One party of a dealerless threshold DKG (secret: its polynomial; zeroized on free).
#[allow(non_camel_case_types)]
pub struct blsig_dkg_party(pub(crate) Value);
