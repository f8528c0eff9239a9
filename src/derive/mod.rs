//! Hierarchical key derivation for validators: EIP-2333 (a tree of BLS secret keys grown
//! from one seed) and EIP-2334 (the paths that name its nodes).
//!
//! ```
//! use blsig::derive::{Path, ValidatorKey, derive_child_sk, derive_master_sk};
//! use blsig::min_pk::SecretKey;
//!
//! let seed = [7u8; 32]; // in practice: the BIP-39 seed of the operator's mnemonic
//! let master: SecretKey = derive_master_sk(&seed)?;
//! let child: SecretKey = derive_child_sk(&master, 12381);
//!
//! // EIP-2334: the signing key of validator 3 is m/12381/3600/3/0/0.
//! let path: Path = "m/12381/3600/3/0/0".parse()?;
//! assert_eq!(path.validator()?, ValidatorKey::Signing(3));
//! let signing: SecretKey = path.derive(&seed)?;
//! assert!(signing == derive_child_sk(&derive_child_sk(&derive_child_sk(
//!     &derive_child_sk(&derive_child_sk(&master, 12381), 3600), 3), 0), 0));
//! # drop(child);
//! # Ok::<(), blsig::Error>(())
//! ```
//!
//! Every derivation is deterministic, works without `alloc`, and keeps its secret
//! intermediates (the Lamport chunks, the flipped parent key) in buffers that are zeroized
//! on drop. Derived keys are ordinary [`SecretKey`]s of any variant: EIP-2333 defines only
//! the scalar, so the variant is the caller's choice (Ethereum uses min-pk).

mod lamport;
mod path;

pub use lamport::{LAMPORT_CHUNKS, ikm_to_lamport_sk, parent_sk_to_lamport_pk};
pub use path::{COIN_TYPE_ETH, MAX_PATH_DEPTH, PURPOSE, Path, ValidatorKey};

use crate::error::Result;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// `derive_master_SK(seed)` of EIP-2333: `HKDF_mod_r(seed)`, which is the draft's KeyGen
/// (draft-05 and later, empty `key_info`), i.e. [`SecretKey::key_gen`]`(seed, b"")`.
///
/// # Errors
/// [`Error::ShortIkm`](crate::Error::ShortIkm) if `seed` is shorter than 32 bytes (the EIP
/// requires at least 256 bits).
///
/// # Security
/// `seed` is the root of every key in the tree: keep it as secret as the keys.
pub fn derive_master_sk<V: Variant>(seed: &[u8]) -> Result<SecretKey<V>> {
    SecretKey::key_gen(seed, b"")
}

/// `derive_child_SK(parent_SK, index)` of EIP-2333: `HKDF_mod_r` of the compressed Lamport
/// public key of the parent at `index` ([`parent_sk_to_lamport_pk`]). Every index in
/// 0 ‥ 2³² − 1 is valid, and every child is "hardened": it reveals nothing about its parent
/// or siblings.
pub fn derive_child_sk<V: Variant>(parent: &SecretKey<V>, index: u32) -> SecretKey<V> {
    let compressed = parent_sk_to_lamport_pk(parent, index);
    SecretKey::key_gen_from_32(&compressed)
}
