//! # blsig for C
//!
//! The C API of `blsig`: BLS signatures over BLS12-381 (IETF draft-irtf-cfrg-bls-signature
//! with RFC 9380 hash-to-curve). The header `include/blsig.h` is generated from this crate
//! by cbindgen; the test suite fails when the committed header drifts.
//!
//! Conventions of every function:
//! - Every function that can fail returns a `blsig_result`; `BLSIG_OK` (0) is the only
//!   success, so `if (rc != BLSIG_OK)` rejects on every failure, including a signature
//!   that does not verify (`BLSIG_VERIFICATION_FAILED`). The version and result strings,
//!   the getters and the `_free` functions cannot fail and return their value (the
//!   header's opening comment lists them).
//! - Inputs are pointer + length; NULL with length 0 is the empty string. Outputs are
//!   written only on success: handles through `T **out`, encodings into a caller buffer
//!   whose length is passed (and whose used length is returned through `written`).
//! - Validated values are opaque handles made from bytes (KeyValidate and subgroup checks
//!   run once, at creation) and released with their `_free` function, which accepts NULL.
//!   Secret keys are zeroized when freed. Every handle but the batch verifier is immutable
//!   after creation and may be shared between threads; a batch must not be shared while
//!   items are queued into it.
//! - The variant or suite is an argument (`blsig_variant`, `blsig_suite`) of the functions
//!   that create values; handles remember theirs, and combining handles of different suites
//!   is `BLSIG_SUITE_MISMATCH`. One generic core sits behind every function: there are no
//!   per-suite copies.
//! - A Rust panic never crosses the boundary: it is `BLSIG_PANIC`.

#![allow(unsafe_code)] // `#[no_mangle]` entry points; every `unsafe` block is in `ffi.rs`.
#![deny(clippy::undocumented_unsafe_blocks)]

mod batch;
mod codec;
mod derive;
mod dkg;
mod ffi;
mod handle;
mod hash;
mod keys;
mod multisig;
mod result;
mod signature;
mod suite;
mod threshold;

use std::ffi::c_char;

pub use batch::*;
pub use derive::*;
pub use dkg::*;
pub use handle::{
    blsig_aggregate_public_key, blsig_asm_group, blsig_asm_signature, blsig_batch,
    blsig_contribution, blsig_dkg_party, blsig_group_key, blsig_member_signature,
    blsig_membership_key, blsig_msp_share, blsig_msp_signature, blsig_proof,
    blsig_proven_public_key, blsig_public_key, blsig_public_key_set, blsig_secret_key,
    blsig_secret_share, blsig_signature, blsig_signature_share,
};
pub use hash::*;
pub use keys::*;
pub use multisig::*;
pub use result::{blsig_result, blsig_result_str};
pub use signature::*;
pub use suite::{
    BLSIG_MIN_PK_PUBLIC_KEY_LEN, BLSIG_MIN_PK_SIGNATURE_LEN, BLSIG_MIN_SIG_PUBLIC_KEY_LEN,
    BLSIG_MIN_SIG_SIGNATURE_LEN, BLSIG_SECRET_KEY_LEN, BLSIG_SUITE_MIN_PK_AUG,
    BLSIG_SUITE_MIN_PK_BASIC, BLSIG_SUITE_MIN_PK_POP, BLSIG_SUITE_MIN_SIG_AUG,
    BLSIG_SUITE_MIN_SIG_BASIC, BLSIG_SUITE_MIN_SIG_POP, BLSIG_VARIANT_MIN_PK,
    BLSIG_VARIANT_MIN_SIG, blsig_suite, blsig_variant,
};
pub use threshold::*;

/// Major version of the library the header belongs to.
pub const BLSIG_VERSION_MAJOR: u32 = 0;
/// Minor version.
pub const BLSIG_VERSION_MINOR: u32 = 1;
/// Patch version.
pub const BLSIG_VERSION_PATCH: u32 = 0;

/// The library's version as a static NUL-terminated string, `"MAJOR.MINOR.PATCH"`; compare
/// it with the `BLSIG_VERSION_*` macros of the header you compiled against. Never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_version() -> *const c_char {
    VERSION.as_ptr()
}

/// The string `blsig_version` returns.
const VERSION: &std::ffi::CStr = c"0.1.0";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_matches_cargo_toml() {
        assert_eq!(VERSION.to_str(), Ok(env!("CARGO_PKG_VERSION")));
        assert_eq!(blsig_version(), VERSION.as_ptr());
        assert_eq!(
            format!("{BLSIG_VERSION_MAJOR}.{BLSIG_VERSION_MINOR}.{BLSIG_VERSION_PATCH}"),
            env!("CARGO_PKG_VERSION")
        );
    }
}
