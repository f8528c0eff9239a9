//! Batch verification: many (public key, message, signature) triples checked with one
//! multi-Miller loop and one final exponentiation, and the invalid ones found when a batch
//! fails. The design is in [`crate::notes::batch`].

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use core::marker::PhantomData;

use bls12_381::{G1Affine, G2Affine, G2Prepared, Gt, MillerLoopResult, multi_miller_loop};
use group::{Curve as _, CurveAffine, Group, GroupEncoding};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};

use crate::curve::{Affine, Curve};
use crate::error::{Error, Result};
use crate::msm::msm_vartime;
use crate::par;
use crate::public_key::PublicKey;
use crate::scheme::{Scheme, ciphersuite_id};
use crate::signature::Signature;
use crate::variant::Variant;

/// Bits of the random scalars drawn from a caller's RNG.
pub const RNG_SCALAR_BITS: u32 = 64;
/// Bits of the scalars derived from the transcript in [`BatchVerifier::verify_deterministic`].
pub const DETERMINISTIC_SCALAR_BITS: u32 = 128;

/// A batch of (public key, message, signature) triples for variant `V` and scheme `S`.
///
/// Queue items with [`BatchVerifier::queue`] (or [`BatchVerifier::queue_bytes`], which also
/// decodes the signature); then check them all at once with [`BatchVerifier::verify`], or
/// learn exactly which fail with [`BatchVerifier::find_invalid`]. Messages are hashed to the
/// curve when queued — once per distinct message — so the verifier borrows nothing.
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

struct Item<V: Variant> {
    pk: Affine<V::Pk>,
    sig: Affine<V::Sig>,
    message: usize,
}

/// The per-batch values that identification reuses: weights, affine hashed messages and,
/// where messages live in G2 (min-pk), their Miller-loop line coefficients.
struct Prepared<V: Variant> {
    scalars: Vec<u128>,
    messages: Vec<Affine<V::Sig>>,
    message_lines: Vec<G2Prepared>,
    /// Per message group: Σ rᵢ·PKᵢ over all its members, and how many members it has.
    group_sums: Vec<(V::Pk, usize)>,
    /// The same sums in affine form (one batch inversion).
    group_sums_affine: Vec<Affine<V::Pk>>,
    /// The items of each group.
    group_items: Vec<Vec<usize>>,
}

/// Message groups per chunk: the unit whose Miller-loop value the first pass keeps, so
/// that identification can price any set of whole chunks with Fp12 products alone.
const GROUPS_PER_CHUNK: usize = 16;

/// The first pass: each chunk's key-side Miller-loop value (none when there is only one
/// chunk), and the batch's value in Gt.
struct Root {
    chunks: Vec<MillerLoopResult>,
    value: Gt,
}

/// Points of one group with their weights, for one MSM.
type WeightedPoints<C> = (Vec<Affine<C>>, Vec<u128>);

/// A Miller-loop term whose G2 side is either prepared already or still affine.
enum Term<'a> {
    Cached(G1Affine, &'a G2Prepared),
    Fresh(G1Affine, G2Affine),
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
            None => self.add_message(key, public_key.hash_for::<S>(message)),
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
    pub fn queue_many_bytes(
        &mut self,
        triples: &[(PublicKey<V>, &[u8], &[u8])],
    ) -> Vec<Result<usize>> {
        // Grouping keys first (cheap), so that one parallel pass decodes every signature
        // and hashes each new message exactly once.
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
        let work: Vec<(usize, bool)> = (0..triples.len())
            .map(|t| (t, keys.get(t).and_then(|k| first_of.get(k)) == Some(&t)))
            .collect();
        let done = par::map(&work, |&(t, hash)| {
            let (pk, msg, sig) = triples.get(t)?;
            Some((
                Signature::<V, S>::from_bytes(sig),
                hash.then(|| pk.hash_for::<S>(msg)),
            ))
        });
        // A message whose first triple failed to decode is hashed by its next triple.
        let mut out = Vec::with_capacity(triples.len());
        for ((t, key), result) in keys.iter().enumerate().zip(done) {
            let (Some(triple), Some((sig, hashed))) = (triples.get(t), result) else {
                out.push(Err(Error::EmptyInput));
                continue;
            };
            let (pk, msg, _) = triple;
            let sig = match sig {
                Ok(sig) => sig,
                Err(e) => {
                    out.push(Err(e));
                    continue;
                }
            };
            let group = match (self.message_index.get(key), hashed) {
                (Some(&g), _) => g,
                (None, Some(h)) => self.add_message(*key, h),
                (None, None) => self.add_message(*key, pk.hash_for::<S>(msg)),
            };
            out.push(Ok(self.push_item(pk, &sig, group)));
        }
        out
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
            message: group,
        });
        self.items.len() - 1
    }

    /// Checks every queued item with random 64-bit weights from `rng`: one multi-Miller
    /// loop over one pair per distinct message plus one, and one final exponentiation.
    ///
    /// Accepts exactly when every item verifies alone, except with probability at most
    /// 2⁻⁶⁴ over the weights (see [`crate::notes::batch`]).
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for an empty batch; [`Error::VerificationFailed`] if any item
    /// is invalid ([`BatchVerifier::find_invalid`] says which).
    pub fn verify(&self, rng: &mut impl CryptoRng) -> Result<()> {
        let prepared = self.prepare(self.rng_scalars(rng)?, self.affine_messages());
        check(self.root(&prepared).value)
    }

    /// As [`BatchVerifier::verify`], for callers without an RNG: 128-bit weights are derived
    /// by SHA-256 from a transcript of every queued key, message and signature.
    ///
    /// # Errors
    /// As [`BatchVerifier::verify`].
    pub fn verify_deterministic(&self) -> Result<()> {
        let messages = self.affine_messages();
        let prepared = self.prepare(self.transcript_scalars(&messages)?, messages);
        check(self.root(&prepared).value)
    }

    /// The indices (in queueing order) of exactly the items that fail to verify alone;
    /// empty when the whole batch is valid.
    ///
    /// Runs the batch check first. If it fails, it bisects: each step evaluates one half of
    /// a failing set and derives the other half's value by division in Gt, reusing the
    /// first pass's hashes, decoded points, weights, key sums and per-chunk Miller-loop
    /// values (see [`crate::notes::batch`]).
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for an empty batch.
    pub fn find_invalid(&self, rng: &mut impl CryptoRng) -> Result<Vec<usize>> {
        let prepared = self.prepare(self.rng_scalars(rng)?, self.affine_messages());
        let root = self.root(&prepared);
        let mut invalid = Vec::new();
        if root.chunks.is_empty() {
            let all: Vec<usize> = (0..self.items.len()).collect();
            self.bisect(&prepared, &all, root.value, &mut invalid);
        } else {
            let chunks = 0..root.chunks.len();
            self.bisect_chunks(&prepared, &root, chunks, root.value, &mut invalid);
        }
        invalid.sort_unstable();
        Ok(invalid)
    }

    fn rng_scalars(&self, rng: &mut impl CryptoRng) -> Result<Vec<u128>> {
        if self.items.is_empty() {
            return Err(Error::EmptyInput);
        }
        let scalars = (0..self.items.len())
            .map(|_| {
                loop {
                    let r = rng.next_u64();
                    if r != 0 {
                        break u128::from(r);
                    }
                }
            })
            .collect();
        Ok(scalars)
    }

    /// Weights from SHA-256 over the ciphersuite and every item's (key, hashed message,
    /// signature) encodings — exactly the values the check combines.
    fn transcript_scalars(&self, messages: &[Affine<V::Sig>]) -> Result<Vec<u128>> {
        if self.items.is_empty() {
            return Err(Error::EmptyInput);
        }
        let mut transcript = Sha256::new()
            .chain_update(b"blsig batch verification v2")
            .chain_update(ciphersuite_id::<V, S>())
            .chain_update((self.items.len() as u64).to_be_bytes());
        for item in &self.items {
            transcript.update(item.pk.to_bytes().as_ref());
            if let Some(h) = messages.get(item.message) {
                transcript.update(h.to_bytes().as_ref());
            }
            transcript.update(item.sig.to_bytes().as_ref());
        }
        let seed = transcript.finalize();
        let scalars = (0..self.items.len() as u64)
            .map(|i| {
                let out = Sha256::new()
                    .chain_update(seed)
                    .chain_update(i.to_be_bytes())
                    .finalize();
                let mut bytes = [0u8; 16];
                bytes.copy_from_slice(&out[..16]);
                u128::from_be_bytes(bytes).max(1)
            })
            .collect();
        Ok(scalars)
    }

    /// The hashed messages in affine form (one batch inversion).
    fn affine_messages(&self) -> Vec<Affine<V::Sig>> {
        let mut messages = alloc::vec![Affine::<V::Sig>::identity(); self.messages.len()];
        V::Sig::batch_normalize(&self.messages, &mut messages);
        messages
    }

    fn prepare(&self, mut scalars: Vec<u128>, messages: Vec<Affine<V::Sig>>) -> Prepared<V> {
        // The first weight may be 1: soundness needs a random weight on every item but one
        // (if any other item is invalid, its weight alone makes a pass unlikely; if none is,
        // the first item is checked exactly). It saves that item's scalar multiplications.
        if let Some(first) = scalars.first_mut() {
            *first = 1;
        }
        let mut members: Vec<WeightedPoints<V::Pk>> = (0..self.messages.len())
            .map(|_| Default::default())
            .collect();
        for (item, &r) in self.items.iter().zip(&scalars) {
            if let Some((pks, rs)) = members.get_mut(item.message) {
                pks.push(item.pk);
                rs.push(r);
            }
        }
        // Per group, in one parallel pass: the weighted key sum and, for messages in G2, the
        // message's Miller-loop lines.
        let groups: Vec<_> = members.iter().zip(&messages).collect();
        let per_group = par::map(&groups, |((pks, rs), h)| {
            let lines = messages_in_g2::<V>()
                .then(|| G2Prepared::from(V::pairing_args(&Affine::<V::Pk>::generator(), h).1));
            ((msm_vartime(pks, rs), pks.len()), lines)
        });
        let (group_sums, lines): (Vec<(V::Pk, usize)>, Vec<_>) = per_group.into_iter().unzip();
        let message_lines = lines.into_iter().flatten().collect();
        let sums: Vec<V::Pk> = group_sums.iter().map(|(sum, _)| *sum).collect();
        let mut group_sums_affine = alloc::vec![Affine::<V::Pk>::identity(); sums.len()];
        V::Pk::batch_normalize(&sums, &mut group_sums_affine);
        let mut group_items: Vec<Vec<usize>> = alloc::vec![Vec::new(); self.messages.len()];
        for (i, item) in self.items.iter().enumerate() {
            if let Some(list) = group_items.get_mut(item.message) {
                list.push(i);
            }
        }
        Prepared {
            scalars,
            messages,
            message_lines,
            group_sums,
            group_sums_affine,
            group_items,
        }
    }

    /// The first pass: one Miller-loop value per chunk of whole groups (in parallel with
    /// `parallel`), times e(−g, Σ rᵢ·σᵢ), one final exponentiation.
    fn root(&self, prepared: &Prepared<V>) -> Root {
        let all: Vec<usize> = (0..self.items.len()).collect();
        if prepared.messages.len() <= GROUPS_PER_CHUNK {
            // One chunk: nothing to keep, and one Miller loop for everything is cheaper.
            return Root {
                chunks: Vec::new(),
                value: self.evaluate(prepared, &all),
            };
        }
        let ranges: Vec<core::ops::Range<usize>> = (0..prepared.messages.len())
            .step_by(GROUPS_PER_CHUNK)
            .map(|start| start..(start + GROUPS_PER_CHUNK).min(prepared.messages.len()))
            .collect();
        let chunks = par::map(&ranges, |range| {
            self.chunk_miller_loop(prepared, range.clone())
        });
        let total = chunks
            .iter()
            .fold(self.signature_miller_loop(prepared, &all), |acc, f| acc + f);
        Root {
            chunks,
            value: total.final_exponentiation(),
        }
    }

    /// Π_{g ∈ groups} f(Σ rᵢ·PKᵢ, H_g): the key side of whole groups, from the first pass's
    /// sums and cached lines.
    fn chunk_miller_loop(
        &self,
        prepared: &Prepared<V>,
        groups: core::ops::Range<usize>,
    ) -> MillerLoopResult {
        let terms: Vec<Term<'_>> = groups
            .filter_map(|g| {
                let (a, h) = (
                    prepared.group_sums_affine.get(g)?,
                    prepared.messages.get(g)?,
                );
                let (p, q) = V::pairing_args(a, h);
                Some(match prepared.message_lines.get(g) {
                    Some(lines) => Term::Cached(p, lines),
                    None => Term::Fresh(p, q),
                })
            })
            .collect();
        miller_loop(&terms)
    }

    /// f(−g, Σ_{i∈T} rᵢ·σᵢ): the signature side of the items T, its MSM split across threads.
    fn signature_miller_loop(&self, prepared: &Prepared<V>, items: &[usize]) -> MillerLoopResult {
        let size = items.len().div_ceil(par::pieces()).max(1);
        let pieces: Vec<&[usize]> = items.chunks(size).collect();
        let sum = par::map(&pieces, |piece| {
            let (sigs, rs): (Vec<Affine<V::Sig>>, Vec<u128>) = piece
                .iter()
                .filter_map(|&i| Some((self.items.get(i)?.sig, *prepared.scalars.get(i)?)))
                .unzip();
            msm_vartime::<V::Sig>(&sigs, &rs)
        })
        .into_iter()
        .fold(V::Sig::identity(), |acc, x| acc + x);
        let (p, q) = V::pairing_args(&-Affine::<V::Pk>::generator(), &sum.to_affine());
        miller_loop(&[Term::Fresh(p, q)])
    }

    /// Identification over chunks: a set of whole chunks is priced from the kept chunk
    /// values, its signature MSM and one final exponentiation; the other half of a failing
    /// set by division. A failing single chunk is searched item by item.
    fn bisect_chunks(
        &self,
        prepared: &Prepared<V>,
        root: &Root,
        chunks: core::ops::Range<usize>,
        value: Gt,
        invalid: &mut Vec<usize>,
    ) {
        if bool::from(value.is_identity()) {
            return;
        }
        let items_of = |range: core::ops::Range<usize>| -> Vec<usize> {
            let groups = range.start * GROUPS_PER_CHUNK
                ..(range.end * GROUPS_PER_CHUNK).min(prepared.group_items.len());
            let mut items: Vec<usize> = prepared
                .group_items
                .get(groups)
                .unwrap_or_default()
                .concat();
            items.sort_unstable();
            items
        };
        if chunks.len() <= 1 {
            self.bisect(prepared, &items_of(chunks), value, invalid);
            return;
        }
        let mid = chunks.start + chunks.len() / 2;
        let left = chunks.start..mid;
        let left_items = items_of(left.clone());
        let left_value = root
            .chunks
            .get(left.clone())
            .unwrap_or_default()
            .iter()
            .fold(
                self.signature_miller_loop(prepared, &left_items),
                |acc, f| acc + f,
            )
            .final_exponentiation();
        let right_value = value - left_value;
        self.bisect_chunks(prepared, root, left, left_value, invalid);
        self.bisect_chunks(prepared, root, mid..chunks.end, right_value, invalid);
    }

    /// Π_g e(Σ_{i∈T, m(i)=g} rᵢ·PKᵢ, H_g) · e(−g, Σ_{i∈T} rᵢ·σᵢ) over the items T: the
    /// Miller loop split in one piece per thread, one final exponentiation.
    fn evaluate(&self, prepared: &Prepared<V>, subset: &[usize]) -> Gt {
        let size = subset.len().div_ceil(par::pieces()).max(1);
        let pieces: Vec<&[usize]> = subset.chunks(size).collect();
        par::map(&pieces, |piece| self.miller_loop(prepared, piece))
            .into_iter()
            .fold(MillerLoopResult::default(), |acc, f| acc + f)
            .final_exponentiation()
    }

    /// The Miller-loop value of the product over the items T (no final exponentiation).
    fn miller_loop(&self, prepared: &Prepared<V>, subset: &[usize]) -> MillerLoopResult {
        // Per message group: the members' keys and weights; and all signatures with weights.
        let mut groups: BTreeMap<usize, WeightedPoints<V::Pk>> = BTreeMap::new();
        let mut sigs = Vec::with_capacity(subset.len());
        let mut scalars = Vec::with_capacity(subset.len());
        for &i in subset {
            let (Some(item), Some(&r)) = (self.items.get(i), prepared.scalars.get(i)) else {
                continue;
            };
            let (pks, rs) = groups.entry(item.message).or_default();
            pks.push(item.pk);
            rs.push(r);
            sigs.push(item.sig);
            scalars.push(r);
        }
        // A group wholly inside the subset reuses the first pass's sum.
        let sums: Vec<V::Pk> = groups
            .iter()
            .map(|(g, (pks, rs))| match prepared.group_sums.get(*g) {
                Some((sum, size)) if *size == pks.len() => *sum,
                _ => msm_vartime(pks, rs),
            })
            .collect();
        let mut sums_affine = alloc::vec![Affine::<V::Pk>::identity(); sums.len()];
        V::Pk::batch_normalize(&sums, &mut sums_affine);
        let sig_sum: V::Sig = msm_vartime(&sigs, &scalars);

        let mut terms: Vec<Term<'_>> = Vec::with_capacity(groups.len() + 1);
        for (&g, a) in groups.keys().zip(&sums_affine) {
            let Some(h) = prepared.messages.get(g) else {
                continue;
            };
            let (p, q) = V::pairing_args(a, h);
            terms.push(match prepared.message_lines.get(g) {
                Some(lines) => Term::Cached(p, lines),
                None => Term::Fresh(p, q),
            });
        }
        let (p, q) = V::pairing_args(&-Affine::<V::Pk>::generator(), &sig_sum.to_affine());
        terms.push(Term::Fresh(p, q));
        miller_loop(&terms)
    }

    fn bisect(&self, prepared: &Prepared<V>, set: &[usize], value: Gt, invalid: &mut Vec<usize>) {
        if set.is_empty() || bool::from(value.is_identity()) {
            return;
        }
        if let [only] = set {
            invalid.push(*only);
            return;
        }
        let (left, right) = set.split_at(set.len() / 2);
        let left_value = self.evaluate(prepared, left);
        let right_value = value - left_value;
        self.bisect(prepared, left, left_value, invalid);
        self.bisect(prepared, right, right_value, invalid);
    }
}

/// Whether hashed messages (the signature group) are G2, so their lines can be cached.
fn messages_in_g2<V: Variant>() -> bool {
    <V::Sig as Curve>::DIGIT == b'2'
}

/// The grouping key of a triple: a digest of the string its signer hashed to the curve.
fn group_key<V: Variant, S: Scheme>(pk: &PublicKey<V>, message: &[u8]) -> [u8; 32] {
    let pk_bytes = pk.to_bytes();
    // Under Aug the signed string is PK ‖ message, so the key is part of the group.
    let prefix: &[u8] = if S::AUGMENTS_MESSAGE {
        pk_bytes.as_ref()
    } else {
        &[]
    };
    Sha256::new()
        .chain_update((prefix.len() as u64).to_be_bytes())
        .chain_update(prefix)
        .chain_update(message)
        .finalize()
        .into()
}

/// One multi-Miller loop over the terms, preparing the G2 sides not prepared yet.
fn miller_loop(terms: &[Term<'_>]) -> MillerLoopResult {
    let fresh: Vec<G2Prepared> = terms
        .iter()
        .filter_map(|t| match t {
            Term::Fresh(_, q) => Some(G2Prepared::from(*q)),
            Term::Cached(..) => None,
        })
        .collect();
    let mut fresh_iter = fresh.iter();
    let refs: Vec<(&G1Affine, &G2Prepared)> = terms
        .iter()
        .filter_map(|t| match t {
            Term::Cached(p, lines) => Some((p, *lines)),
            Term::Fresh(p, _) => fresh_iter.next().map(|lines| (p, lines)),
        })
        .collect();
    multi_miller_loop(&refs)
}

fn check(value: Gt) -> Result<()> {
    if bool::from(value.is_identity()) {
        Ok(())
    } else {
        Err(Error::VerificationFailed)
    }
}
