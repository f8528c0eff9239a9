//! Batch verification: many (public key, message, signature) triples checked with one
//! multi-Miller loop and one final exponentiation, and the invalid ones found when a batch
//! fails. The design is in [`crate::notes::batch`].
//!
//! | file | job |
//! |---|---|
//! | `mod.rs` | the API: queueing (hashing each distinct message once), verify, find_invalid |
//! | `weights.rs` | the weights: hedged (RNG and transcript) or deterministic (transcript) |
//! | `engine.rs` | per-group key sums, line coefficients, Miller loops, the batch value |
//! | `identify.rs` | bisection that names the invalid items |

mod engine;
mod identify;
mod weights;

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use core::marker::PhantomData;

use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use crate::curve::Affine;
use crate::error::Result;
use crate::ops::hash_message;
use crate::par;
use crate::public_key::PublicKey;
use crate::scheme::Scheme;
use crate::signature::Signature;
use crate::variant::Variant;

pub use weights::{DETERMINISTIC_SCALAR_BITS, RNG_SCALAR_BITS};

/// A batch of (public key, message, signature) triples for variant `V` and scheme `S`.
///
/// Queue items with [`BatchVerifier::queue`] (or [`BatchVerifier::queue_bytes`], which also
/// decodes the signature); then check them all at once with [`BatchVerifier::verify`], or
/// learn exactly which fail with [`BatchVerifier::find_invalid`]. Messages are hashed to the
/// curve when queued — once per distinct message — so the verifier borrows nothing.
///
/// Every item carries its own signature and gets its own random weight, so plain
/// [`PublicKey`]s are safe here under every scheme: a rogue key gains nothing (see
/// [`crate::notes::batch`]).
///
/// ```
/// use blsig::{BatchVerifier, MinPk, Pop, SecretKey};
/// let mut batch = BatchVerifier::<MinPk, Pop>::new();
/// for i in 0..4u8 {
///     let sk = SecretKey::<MinPk>::key_gen(&[i; 32], b"")?;
///     batch.queue(&sk.public_key(), &[i], &sk.sign(&[i]));
/// }
/// batch.verify(&mut rand::rng())?;
/// assert!(batch.find_invalid(&mut rand::rng())?.is_empty());
/// # Ok::<(), blsig::Error>(())
/// ```
pub struct BatchVerifier<V: Variant, S: Scheme> {
    /// Hashed messages, one per distinct message (projective; normalised in one batch).
    messages: Vec<V::Sig>,
    /// Grouping key (a digest of the hashed input) → index in `messages`.
    message_index: BTreeMap<[u8; 32], usize>,
    items: Vec<Item<V>>,
    _scheme: PhantomData<S>,
}

/// A triple of [`BatchVerifier::queue_many_bytes`].
type Triple<'a, V> = (PublicKey<V>, &'a [u8], &'a [u8]);

/// One queued triple: decoded points and the index of its message group.
struct Item<V: Variant> {
    pk: Affine<V::Pk>,
    sig: Affine<V::Sig>,
    group: usize,
}

impl<V: Variant, S: Scheme> Default for BatchVerifier<V, S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: Variant, S: Scheme> BatchVerifier<V, S> {
    /// An empty batch.
    pub fn new() -> Self {
        BatchVerifier {
            messages: Vec::new(),
            message_index: BTreeMap::new(),
            items: Vec::new(),
            _scheme: PhantomData,
        }
    }

    /// Number of queued items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of distinct hashed messages (groups) among the queued items.
    pub fn distinct_messages(&self) -> usize {
        self.messages.len()
    }

    /// Queues one triple and returns its index (the index [`BatchVerifier::find_invalid`]
    /// reports). The message is hashed now, unless an earlier item had the same one.
    pub fn queue(
        &mut self,
        public_key: &PublicKey<V>,
        message: &[u8],
        signature: &Signature<V, S>,
    ) -> usize {
        let key = group_key::<V, S>(public_key, message);
        let group = match self.message_index.get(&key) {
            Some(&g) => g,
            None => self.add_message(key, hash_message::<V, S>(|| *public_key, message)),
        };
        self.push_item(public_key, signature, group)
    }

    /// Decodes a compressed signature (with the subgroup check) and queues the triple.
    ///
    /// # Errors
    /// The decoding errors of [`Signature::from_bytes`]; nothing is queued then.
    pub fn queue_bytes(
        &mut self,
        public_key: &PublicKey<V>,
        message: &[u8],
        signature: &[u8],
    ) -> Result<usize> {
        let signature = Signature::<V, S>::from_bytes(signature)?;
        Ok(self.queue(public_key, message, &signature))
    }

    /// Queues many `(public key, message, compressed signature)` triples; with the
    /// `parallel` feature the signatures are decoded and the new messages hashed on all
    /// cores. Returns, per triple in order, its index or its decoding error (a triple whose
    /// signature does not decode is not queued).
    pub fn queue_many_bytes(&mut self, triples: &[Triple<'_, V>]) -> Vec<Result<usize>> {
        // Grouping keys first (cheap), so that one parallel pass decodes every signature
        // and hashes each new message exactly once (at its first triple).
        let keys: Vec<[u8; 32]> = triples
            .iter()
            .map(|(pk, msg, _)| group_key::<V, S>(pk, msg))
            .collect();
        let mut first_of: BTreeMap<[u8; 32], usize> = BTreeMap::new();
        for (t, key) in keys.iter().enumerate() {
            if !self.message_index.contains_key(key) {
                first_of.entry(*key).or_insert(t);
            }
        }
        let work: Vec<(&Triple<'_, V>, bool)> = triples
            .iter()
            .zip(&keys)
            .enumerate()
            .map(|(t, (triple, key))| (triple, first_of.get(key) == Some(&t)))
            .collect();
        let done = par::map(&work, |&((pk, msg, sig), hash)| {
            (
                Signature::<V, S>::from_bytes(sig),
                hash.then(|| hash_message::<V, S>(|| *pk, msg)),
            )
        });
        // A message whose first triple failed to decode is hashed by its next triple.
        triples
            .iter()
            .zip(&keys)
            .zip(done)
            .map(|(((pk, msg, _), key), (sig, hashed))| {
                let sig = sig?;
                let group = match (self.message_index.get(key), hashed) {
                    (Some(&g), _) => g,
                    (None, Some(h)) => self.add_message(*key, h),
                    (None, None) => self.add_message(*key, hash_message::<V, S>(|| *pk, msg)),
                };
                Ok(self.push_item(pk, &sig, group))
            })
            .collect()
    }

    fn add_message(&mut self, key: [u8; 32], hashed: V::Sig) -> usize {
        let group = self.messages.len();
        self.messages.push(hashed);
        self.message_index.insert(key, group);
        group
    }

    fn push_item(&mut self, pk: &PublicKey<V>, sig: &Signature<V, S>, group: usize) -> usize {
        self.items.push(Item {
            pk: *pk.as_point(),
            sig: *sig.as_point(),
            group,
        });
        self.items.len() - 1
    }

    /// Checks every queued item at once: one multi-Miller loop over one pair per distinct
    /// message plus one, and one final exponentiation.
    ///
    /// The 64-bit weights are *hedged*: each is derived by SHA-256 from 32 bytes of `rng`
    /// output and a transcript of every queued key, message and signature, so they stay
    /// unpredictable if either source is good — a constant, zero or counter RNG neither
    /// hangs the check nor makes a forged batch pass (see [`crate::notes::batch`]).
    /// Accepts exactly when every item verifies alone, except with probability about 2⁻⁶⁴
    /// per batch (good RNG) or per 2⁶⁴ curve operations an attacker spends (broken RNG).
    ///
    /// # Errors
    /// [`crate::Error::EmptyInput`] for an empty batch; [`crate::Error::VerificationFailed`] if any item
    /// is invalid ([`BatchVerifier::find_invalid`] says which).
    pub fn verify(&self, rng: &mut impl CryptoRng) -> Result<()> {
        let prepared = engine::prepare(self, Some(weights::rng_seed(rng)))?;
        engine::check(engine::root(&prepared)?.value)
    }

    /// As [`BatchVerifier::verify`], for callers without an RNG (or without one they
    /// trust): 128-bit weights from the transcript alone (Fiat–Shamir), error ≈ 2⁻¹²⁸ per
    /// attempt.
    ///
    /// # Errors
    /// As [`BatchVerifier::verify`].
    pub fn verify_deterministic(&self) -> Result<()> {
        let prepared = engine::prepare(self, None)?;
        engine::check(engine::root(&prepared)?.value)
    }

    /// The indices (in queueing order) of exactly the items that fail to verify alone;
    /// empty when the whole batch is valid. Weights as in [`BatchVerifier::verify`].
    ///
    /// Runs the batch check first. If it fails, it bisects: each step evaluates one half of
    /// a failing set and derives the other half's value by division in Gt, reusing the
    /// first pass's hashes, decoded points, weights, key sums and per-chunk Miller-loop
    /// values (see [`crate::notes::batch`]).
    ///
    /// # Errors
    /// [`crate::Error::EmptyInput`] for an empty batch.
    pub fn find_invalid(&self, rng: &mut impl CryptoRng) -> Result<Vec<usize>> {
        let prepared = engine::prepare(self, Some(weights::rng_seed(rng)))?;
        let root = engine::root(&prepared)?;
        let mut invalid = identify::invalid_items(&prepared, &root)?;
        crate::sort::sort(&mut invalid);
        Ok(invalid)
    }
}

/// The grouping key of a triple: a digest of the string its signer hashed to the curve.
/// Grouping by this digest assumes SHA-256 collision resistance (two different strings
/// with one digest would share a hashed message).
fn group_key<V: Variant, S: Scheme>(pk: &PublicKey<V>, message: &[u8]) -> [u8; 32] {
    let mut digest = Sha256::new().chain_update([u8::from(S::AUGMENTS_MESSAGE)]);
    // Under Aug the signed string is PK ‖ message, so the key is part of the group; the
    // key is compressed only then.
    if S::AUGMENTS_MESSAGE {
        digest.update(pk.to_bytes().as_ref());
    }
    digest.chain_update(message).finalize().into()
}
