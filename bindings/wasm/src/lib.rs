//! # blsig for JavaScript
//!
//! The wasm side of the `blsig-wasm` package: BLS signatures over BLS12-381 (the IETF
//! draft's schemes with RFC 9380 hashing), batch verification and hashing to the curve,
//! as wasm-bindgen exports. JavaScript users do not call these directly: the package's
//! `index.js` wraps them into per-variant, per-scheme namespaces (`minPk.pop.sign`, …)
//! over `Uint8Array`s, with `BlsError`s whose `code` is the C API's result code name.
//!
//! As in the C API, one generic core sits behind every export: a number picks the
//! variant or suite once ([`blsig_bindings::by_suite`]), values remember theirs, and
//! combining values of different suites is the `SUITE_MISMATCH` error.
//!
//! Features `multisig` and `threshold` (both default) add the multisignature groups and
//! threshold signatures; without them the module is about 30 % smaller (BENCHMARKS.md).
//!
//! Every `Err` of an export is thrown as a `BlsError`; the codes each function throws are
//! documented once, for JavaScript users, in `js/index.d.ts` (hence no `# Errors` here).

#![allow(clippy::missing_errors_doc)]

mod batch;
#[cfg(any(feature = "multisig", feature = "threshold"))]
mod codec;
mod error;
mod hash;
mod keys;
#[cfg(feature = "multisig")]
mod multisig;
mod signature;
#[cfg(feature = "threshold")]
mod threshold;

pub use batch::{BatchVerifier, find_invalid};
pub use error::{Fail, JsResult};
pub use hash::{expand, hash_to};
pub use keys::{
    AggregatePublicKey, ProvenPublicKey, PublicKey, SecretKey, key_gen, key_validate, pop_prove,
    pop_verify, sk_to_pk,
};
#[cfg(feature = "multisig")]
pub use multisig::{AsmGroup, MembershipKey, MspGroup};
pub use signature::{Signature, aggregate, aggregate_verify, sign, verify};
#[cfg(feature = "threshold")]
pub use threshold::{PublicKeySet, SecretShare, threshold_deal};

use wasm_bindgen::prelude::*;

/// Every freed heap block is zeroed. Secrets cross the boundary in buffers the wasm-bindgen
/// glue allocates and frees (a secret key's bytes passed to `sign`, IKM, seeds, shares,
/// `toBytes()` results on their way out); our own types zeroize what they own, and this
/// covers the rest, so no secret outlives its call in freed wasm memory. (1Password's
/// `zeroizing-alloc` over the standard allocator; the cost is a memset per free.)
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

/// The library's version, `"MAJOR.MINOR.PATCH"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}
