//! The weights rᵢ of the batch equation: hedged (RNG output *and* transcript) for
//! `verify` and `find_invalid`, transcript alone for `verify_deterministic`. No loop
//! depends on the RNG: a constant or zero RNG yields weights as quickly as a good one.

use alloc::vec::Vec;

use group::GroupEncoding;
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use super::Item;
use crate::curve::Affine;
use crate::scheme::{Scheme, ciphersuite_id};
use crate::variant::Variant;

/// Bits of the hedged weights of [`crate::BatchVerifier::verify`] and
/// [`crate::BatchVerifier::find_invalid`] (RNG output and transcript).
pub const RNG_SCALAR_BITS: u32 = 64;
/// Bits of the weights of [`crate::BatchVerifier::verify_deterministic`] (transcript only).
pub const DETERMINISTIC_SCALAR_BITS: u32 = 128;

/// 32 bytes of RNG output for one batch check.
pub(super) fn rng_seed(rng: &mut impl CryptoRng) -> [u8; 32] {
    let mut seed = [0u8; 32];
    rng.fill_bytes(&mut seed);
    seed
}

/// SHA-256 of everything the batch equation combines: the ciphersuite, every hashed
/// message, and every item's key, message group and signature, in queueing order.
fn transcript<V: Variant, S: Scheme>(items: &[Item<V>], messages: &[Affine<V::Sig>]) -> [u8; 32] {
    let mut t = Sha256::new()
        .chain_update(b"blsig batch transcript v3")
        .chain_update(ciphersuite_id::<V, S>())
        .chain_update((messages.len() as u64).to_be_bytes());
    for h in messages {
        t.update(h.to_bytes().as_ref());
    }
    t.update((items.len() as u64).to_be_bytes());
    for item in items {
        t.update(item.pk.to_bytes().as_ref());
        t.update((item.group as u64).to_be_bytes());
        t.update(item.sig.to_bytes().as_ref());
    }
    t.finalize().into()
}

/// One weight per item: rᵢ = max(1, OS2IP(the first 8 (hedged) or 16 (deterministic) bytes
/// of SHA-256(K ‖ I2OSP(i, 8)))), where K = SHA-256(tag ‖ transcript ‖ mode) and mode is
/// `0x01 ‖ rng_seed` (hedged) or `0x00` (deterministic). K is unpredictable when the inputs
/// were fixed before the RNG ran (a good RNG) and, failing that, a random-oracle function of
/// the whole batch.
pub(super) fn derive<V: Variant, S: Scheme>(
    items: &[Item<V>],
    messages: &[Affine<V::Sig>],
    rng_seed: Option<[u8; 32]>,
) -> Vec<u128> {
    let mut key = Sha256::new()
        .chain_update(b"blsig batch weights v3")
        .chain_update(transcript::<V, S>(items, messages));
    match rng_seed {
        Some(seed) => {
            key.update([1u8]);
            key.update(seed);
        }
        None => key.update([0u8]),
    }
    let key = key.finalize();
    let len = if rng_seed.is_some() {
        RNG_SCALAR_BITS / 8
    } else {
        DETERMINISTIC_SCALAR_BITS / 8
    } as usize;
    (0..items.len() as u64)
        .map(|i| {
            let out = Sha256::new()
                .chain_update(key)
                .chain_update(i.to_be_bytes())
                .finalize();
            // The weight is the first `len` bytes, big-endian.
            let weight = out
                .iter()
                .take(len)
                .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
            weight.max(1)
        })
        .collect()
}
