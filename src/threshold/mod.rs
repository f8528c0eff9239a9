//! Threshold signatures (t-of-n): any t of n members produce an ordinary BLS signature
//! under one group public key, which any verifier — any library — checks with plain
//! Verify. Contrast [`crate::multisig`], whose m-of-n signatures name their signers.
//!
//! **"Threshold" here means the number of shares needed**: with threshold t, any t shares
//! sign (or recover the key) and t − 1 learn nothing; the secret polynomial has degree
//! t − 1. (blsttc and some other libraries call the *degree* the threshold, so their
//! "threshold 2" needs 3 shares.) **Identifiers:** member i (1-based) has the identifier
//! x = i by default ([`ShareId::new`]), as herumi's integer IDs and Ethereum
//! distributed-validator tools do; any distinct non-zero scalars work.
//!
//! ```
//! use blsig::threshold::{deal, ShareId};
//! use blsig::min_pk::{PopSignature, SecretKey};
//!
//! let mut rng = rand::rng();
//! let sk = SecretKey::generate(&mut rng);
//! let (set, shares) = deal(&sk, 3, 5, &mut rng)?; // 3-of-5
//! for share in &shares {
//!     set.verify_secret_share(share)?; // each member checks its share (Feldman)
//! }
//! let partial: Vec<_> = [&shares[4], &shares[0], &shares[2]]
//!     .iter()
//!     .map(|s| s.sign(&set, b"block 9"))
//!     .collect();
//! let (sig, invalid): (PopSignature, _) = set.robust_combine(b"block 9", &partial, &mut rng)?;
//! assert!(invalid.is_empty());
//! set.group_key().verify(b"block 9", &sig)?; // an ordinary signature
//! assert_eq!(sig, sk.sign(b"block 9")); // byte for byte the undivided key's
//! # Ok::<(), blsig::Error>(())
//! ```
//!
//! What is here:
//! - a dealer: [`deal`] (Feldman commitments in [`PublicKeySet`]), recovery
//!   ([`PublicKeySet::recover_secret_key`], checked against the commitment, or
//!   [`recover_secret_key`] from t shares alone) and refresh ([`PublicKeySet::refresh`]);
//! - signing: [`SecretShare::sign`] under every scheme (under [`crate::Aug`] the framing is
//!   the *group* key, so the combined signature is the group key's Aug signature),
//!   [`PublicKeySet::verify_signature_share`], [`combine`] (Lagrange at 0, one field
//!   inversion for all coefficients; needs only t) and [`PublicKeySet::robust_combine`]
//!   (one multi-pairing over every offered share, names the invalid ones by position,
//!   keeps one valid share per member, combines t);
//! - for those who hold only the published side — group key, t and the members' public
//!   key shares, as a distributed validator's cluster definition lists them — the same
//!   verification and robust combination on [`PublicShares`] (checked consistent when
//!   built), and [`PublicKeyShare::verify_signature_share`] for one share;
//! - interop: shares from an identifier and a value ([`SecretShare::from_scalar`],
//!   [`SecretShare::from_secret_key`], [`PublicKeyShare::new`], [`SignatureShare::new`]),
//!   commitments from another dealer's points ([`FeldmanCommitment::new`]), sharings from
//!   given coefficients ([`crate::hazmat::threshold`]); the scalar type is re-exported
//!   ([`Scalar`]);
//! - a dealerless DKG ([`dkg`]): joint-Feldman with complaints, as a state machine.
//!
//! # Differences from herumi's conventions
//! Shares, key shares, signature shares and recovered keys agree with herumi's `bls`
//! (Ethereum mode: [`crate::MinPk`], identifiers as scalars x, share f(x)) value for value.
//! Where the two differ:
//! - **Identifier 0 is refused** ([`Error::InvalidShareId`]): the share at 0 *is* the
//!   secret. herumi accepts it.
//! - **t − 1 shares are refused** ([`Error::BelowThreshold`]) by recovery and combination,
//!   which take t explicitly. herumi interpolates whatever it is given, so t − 1 shares
//!   silently give a wrong key or signature.
//! - **Repeated identifiers**: [`combine`] and recovery refuse them
//!   ([`Error::DuplicateKey`]) where herumi fails on a zero denominator; robust combination
//!   judges each offered share on its own and keeps one valid share per identifier.
//! - **Encodings**: blsig's share encodings are `x (32 bytes, big-endian) ‖ value`, one
//!   byte string per share; herumi serializes an identifier and a value separately, each
//!   in the byte order of its serialization mode. Convert through the scalar
//!   ([`ShareId::from_scalar`]) and the constructors above rather than by bytes.
//!
//! Costs: combination is O(t²) field multiplications plus a t-point multi-scalar
//! multiplication; verifying a share's Feldman value is t small-scalar steps for the
//! default identifiers. Everything secret (polynomial coefficients, share values,
//! interpolated secrets) is zeroized.

mod combine;
mod commitment;
mod dealer;
pub mod dkg;
mod id;
pub(crate) mod poly;
mod public_shares;
mod share;
mod sign;

pub use blsig_curve::Scalar;
pub use combine::combine;
pub use commitment::{FeldmanCommitment, PublicKeySet, PublicKeyShare};
pub use dealer::{deal, deal_with_ids, default_ids, recover_secret_key};
pub use id::ShareId;
pub use public_shares::PublicShares;
pub use share::SecretShare;
pub use sign::SignatureShare;

use alloc::vec::Vec;

use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::public_key::PublicKey;
use crate::variant::Variant;

/// Refuses repeated identifiers (sorting, so O(k log k) for k of them).
fn check_distinct(ids: impl Iterator<Item = ShareId>) -> Result<()> {
    let mut sorted: Vec<[u8; 32]> = ids.map(|id| id.to_bytes()).collect();
    crate::sort::sort(&mut sorted);
    if sorted.windows(2).any(|w| w.first() == w.get(1)) {
        Err(Error::DuplicateKey)
    } else {
        Ok(())
    }
}

/// The group public key from t public key shares (Lagrange interpolation in the exponent):
/// what a verifier can compute from published shares alone.
///
/// # Errors
/// [`Error::DuplicateKey`] for a repeated identifier; [`Error::EmptyInput`] for none;
/// [`Error::IdentityPublicKey`] if the shares interpolate to the identity.
pub fn interpolate_public_key<V: Variant>(shares: &[PublicKeyShare<V>]) -> Result<PublicKey<V>> {
    if shares.is_empty() {
        return Err(Error::EmptyInput);
    }
    check_distinct(shares.iter().map(PublicKeyShare::id))?;
    let ids: Vec<ShareId> = shares.iter().map(PublicKeyShare::id).collect();
    let lambdas = poly::lagrange_at_zero(&ids)?;
    let points: Vec<Affine<V::Pk>> = shares.iter().map(|s| *s.as_point()).collect();
    PublicKey::from_subgroup_point(poly::interpolate_points::<V::Pk>(&points, &lambdas))
}
