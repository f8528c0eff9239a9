//! The operations of the draft, above the values they act on.
//!
//! The value files (`secret_key`, `public_key`, `signature`, `pop`) know how a value is
//! validated and encoded, and import only the layers below them (`curve`, `point`,
//! `variant`, `scheme`, `dst`, `hash`). Everything the draft does *with* values is here, in
//! one layer, which is also the only place that knows the message framing of each scheme
//! (Aug signs `PK ‖ m`) and which tag each operation hashes under:
//!
//! | file | operations (draft section) |
//! |---|---|
//! | `single.rs` | SkToPk (§2.4), Sign (§3.1–§3.3 via CoreSign §2.6), Verify (CoreVerify §2.7) |
//! | `possession.rs` | PopProve (§3.3.2), PopVerify (§3.3.3) |
//! | `aggregate.rs` | Aggregate (§2.8), AggregateVerify (§3.1.1, §3.2.1, §3.3 via §2.9), FastAggregateVerify (§3.3.4), key aggregation |
//!
//! The methods are inherent methods of the value types (`sk.sign::<Pop>(m)`,
//! `pk.verify(m, &sig)`), so call sites keep method syntax; the C and wasm bindings mirror
//! this one list. Batch verification, multisignatures, the Ethereum helpers, `hazmat` and
//! the RustCrypto traits sit above this layer and reach the framing only through its
//! crate-private `hash_message` and `core_sign`.

mod aggregate;
mod possession;
mod single;

pub use aggregate::SchemeKey;
pub(crate) use aggregate::sum_keys as aggregate_sum_keys;

use group::Curve as _;

use crate::curve::{Affine, Curve};
use crate::dst::Dst;
use crate::public_key::PublicKey;
use crate::scheme::{Scheme, ciphersuite_id};
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The point a signer signs for `message` under (`V`, `S`): `hash_to_curve(PK ‖ m)` under
/// [`crate::Aug`] (§3.2), `hash_to_curve(m)` otherwise, with the ciphersuite ID of
/// (`V`, `S`). The signer's key is asked for only under Aug, so that signing under Basic
/// and Pop does not pay for SkToPk.
pub(crate) fn hash_message<V: Variant, S: Scheme>(
    signer: impl FnOnce() -> PublicKey<V>,
    message: &[u8],
) -> V::Sig {
    let id = ciphersuite_id::<V, S>();
    let dst = Dst::from_array(&id);
    if S::AUGMENTS_MESSAGE {
        let pk = signer().to_bytes();
        V::Sig::hash_parts(&[pk.as_ref(), message], &dst)
    } else {
        V::Sig::hash_parts(&[message], &dst)
    }
}

/// As [`hash_message`], for a message given in parts (the RustCrypto multipart traits).
#[cfg(all(feature = "signature", feature = "alloc"))]
pub(crate) fn hash_message_parts<V: Variant, S: Scheme>(
    signer: impl FnOnce() -> PublicKey<V>,
    message: &[&[u8]],
) -> V::Sig {
    let id = ciphersuite_id::<V, S>();
    let dst = Dst::from_array(&id);
    if S::AUGMENTS_MESSAGE {
        let pk = signer().to_bytes();
        let parts: alloc::vec::Vec<&[u8]> = core::iter::once(pk.as_ref())
            .chain(message.iter().copied())
            .collect();
        V::Sig::hash_parts(&parts, &dst)
    } else {
        V::Sig::hash_parts(message, &dst)
    }
}

/// CoreSign (§2.6) of an already-hashed message: SK · H.
pub(crate) fn core_sign<V: Variant>(sk: &SecretKey<V>, hashed: &V::Sig) -> Affine<V::Sig> {
    crate::scalar_mul::mul(hashed, sk.scalar()).to_affine()
}
