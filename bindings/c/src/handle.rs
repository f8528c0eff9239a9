//! The opaque handle types. Each wraps a validated core value of one variant (or suite),
//! type-erased so that one C type serves both variants; the stored number says which, and
//! using a handle with the wrong suite is `BLSIG_SUITE_MISMATCH`.

use blsig_bindings::SuiteMismatch;
pub(crate) use blsig_bindings::{Value, all};

use crate::result::blsig_result;

impl From<SuiteMismatch> for blsig_result {
    fn from(_: SuiteMismatch) -> Self {
        blsig_result::BLSIG_SUITE_MISMATCH
    }
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

/// One party of a dealerless threshold DKG (secret: its polynomial; zeroized on free).
#[allow(non_camel_case_types)]
pub struct blsig_dkg_party(pub(crate) Value);

/// A handle type: the C-visible box around one tagged core value. Every handle is made
/// with `wrap` and read with `value`, so the generic helpers (the codec of `codec.rs`,
/// arrays of handles) serve every type.
pub(crate) trait Handle: Sized + 'static {
    /// The handle around `value`.
    fn wrap(value: Value) -> Self;
    /// The value inside.
    fn value(&self) -> &Value;
}

/// `Handle` for the one-field structs above (their definitions stay written out, for
/// cbindgen, which does not expand macros).
macro_rules! impl_handle {
    ($($t:ident),* $(,)?) => {$(
        impl Handle for $t {
            fn wrap(value: Value) -> Self {
                $t(value)
            }
            fn value(&self) -> &Value {
                &self.0
            }
        }
    )*};
}

impl_handle!(
    blsig_secret_key,
    blsig_public_key,
    blsig_proven_public_key,
    blsig_signature,
    blsig_proof,
    blsig_batch,
    blsig_group_key,
    blsig_msp_share,
    blsig_msp_signature,
    blsig_asm_group,
    blsig_contribution,
    blsig_membership_key,
    blsig_member_signature,
    blsig_asm_signature,
    blsig_aggregate_public_key,
    blsig_public_key_set,
    blsig_secret_share,
    blsig_signature_share,
    blsig_dkg_party,
);
