//! The Ethereum consensus helpers, exactly as the consensus specifications define them
//! (altair `bls.md`): Ethereum uses [`MinPk`] with [`Pop`]
//! (`BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_`).

use group::GroupEncoding;

use crate::error::{Error, Result};
use crate::ops::aggregate_sum_keys;
use crate::public_key::{ProvenPublicKey, PublicKey};
use crate::scheme::Pop;
use crate::signature::Signature;
use crate::variant::MinPk;

/// An Ethereum signature: min-pk, proof-of-possession scheme.
pub type EthSignature = Signature<MinPk, Pop>;

/// `eth_aggregate_pubkeys`: the sum of one or more validated keys, as a compressed point.
///
/// Unlike [`ProvenPublicKey::aggregate`], the keys need no proofs (the specification's
/// callers take them from the deposit registry, which checked them) and the sum may be the
/// identity: the specification returns it (as `0xc0 00…`) rather than failing. The same
/// sum for both variants, with a proven-key requirement and KeyValidate of the result, is
/// [`ProvenPublicKey::aggregate`].
///
/// # Errors
/// [`Error::EmptyInput`] for no keys (the specification's `assert len(pubkeys) > 0`).
/// KeyValidate of each key is done by [`PublicKey`]'s constructors.
pub fn eth_aggregate_pubkeys(pubkeys: &[PublicKey<MinPk>]) -> Result<[u8; 48]> {
    let (first, rest) = pubkeys.split_first().ok_or(Error::EmptyInput)?;
    Ok(aggregate_sum_keys(first, rest).to_affine().to_bytes().0)
}

/// `eth_fast_aggregate_verify`: FastAggregateVerify, except that no keys together with the
/// identity signature (`0xc0 00…`) is valid.
///
/// # Errors
/// As [`Signature::fast_aggregate_verify`], for every case but that one.
pub fn eth_fast_aggregate_verify(
    pubkeys: &[ProvenPublicKey<MinPk>],
    message: &[u8],
    signature: &EthSignature,
) -> Result<()> {
    if pubkeys.is_empty() && bool::from(signature.as_point().is_identity()) {
        return Ok(());
    }
    signature.fast_aggregate_verify(pubkeys, message)
}

/// Ethereum's `batch_verify` semantics (ethereum/bls12-381-tests): every
/// `(pubkeys[i], messages[i], signatures[i])` is a valid POP-scheme signature, checked in one
/// randomised batch.
///
/// # Errors
/// [`Error::LengthMismatch`] if the slices differ in length, [`Error::EmptyInput`] for
/// none, [`Error::VerificationFailed`] if any triple is invalid.
#[cfg(feature = "alloc")]
pub fn eth_batch_verify(
    pubkeys: &[PublicKey<MinPk>],
    messages: &[&[u8]],
    signatures: &[EthSignature],
    rng: &mut impl rand_core::CryptoRng,
) -> Result<()> {
    if pubkeys.len() != messages.len() || pubkeys.len() != signatures.len() {
        return Err(Error::LengthMismatch);
    }
    let mut batch = crate::BatchVerifier::<MinPk, Pop>::new();
    for ((pk, msg), sig) in pubkeys.iter().zip(messages).zip(signatures) {
        batch.queue(pk, msg, sig);
    }
    batch.verify(rng)
}
