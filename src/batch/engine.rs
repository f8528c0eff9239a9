//! The batch equation's arithmetic: weighted items, per-group key sums and line
//! coefficients, Miller loops over chunks of groups and over subsets of items, and the
//! batch value in Gt.
//!
//! Internal indices (an item's group, a subset's items) come from this module itself;
//! one that does not resolve is a bug, and it fails closed: the computation returns
//! [`Error::VerificationFailed`] instead of leaving the item out of either side.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use blsig_curve::{G1Affine, G2Prepared, G2Term, Gt, MillerLoopResult, multi_miller_loop_mixed};
use group::{Curve as _, CurveAffine, Group as _};

use super::{BatchVerifier, weights};
use crate::curve::{Affine, Curve};
use crate::error::{Error, Result};
use crate::msm::msm_vartime;
use crate::par;
use crate::scheme::Scheme;
use crate::variant::Variant;

/// Message groups per chunk: the unit whose Miller-loop value the first pass keeps, so
/// that identification can price any set of whole chunks with Fp12 products alone.
pub(super) const GROUPS_PER_CHUNK: usize = 16;

/// An item with its weight.
pub(super) struct Weighted<V: Variant> {
    pk: Affine<V::Pk>,
    sig: Affine<V::Sig>,
    r: u128,
    group: usize,
}

/// One message group: its hashed message (with Miller-loop lines where messages live in
/// G2, i.e. min-pk), Σ rᵢ·PKᵢ over all its members, and the members.
pub(super) struct MessageGroup<V: Variant> {
    hashed: Affine<V::Sig>,
    lines: Option<G2Prepared>,
    sum: V::Pk,
    sum_affine: Affine<V::Pk>,
    pub(super) members: Vec<usize>,
}

/// The per-batch values that verification and identification share.
pub(super) struct Prepared<V: Variant> {
    pub(super) items: Vec<Weighted<V>>,
    pub(super) groups: Vec<MessageGroup<V>>,
}

/// The first pass: each chunk's key-side Miller-loop value (none when there is only one
/// chunk), and the batch's value in Gt.
pub(super) struct Root {
    pub(super) chunks: Vec<MillerLoopResult>,
    pub(super) value: Gt,
}

/// A Miller-loop term whose G2 side is either prepared already or still affine.
type Term<'a> = (G1Affine, G2Term<'a>);

/// Keys of one group with their weights, for one MSM.
type Weights<C> = (Vec<Affine<C>>, Vec<u128>);

/// A group's keys, weights and item indices while the groups are collected.
type Members<V> = (Vec<Affine<<V as Variant>::Pk>>, Vec<u128>, Vec<usize>);

/// Internal index that did not resolve: fail closed.
fn broken<T>() -> Result<T> {
    Err(Error::VerificationFailed)
}

/// Weights the items (hedged with `rng_seed`, or from the transcript alone) and computes
/// every group's key sum and lines, in one parallel pass over the groups.
pub(super) fn prepare<V: Variant, S: Scheme>(
    batch: &BatchVerifier<V, S>,
    rng_seed: Option<[u8; 32]>,
) -> Result<Prepared<V>> {
    if batch.items.is_empty() {
        return Err(Error::EmptyInput);
    }
    let mut messages = alloc::vec![Affine::<V::Sig>::identity(); batch.messages.len()];
    V::Sig::batch_normalize(&batch.messages, &mut messages);
    let mut rs = weights::derive::<V, S>(&batch.items, &messages, rng_seed);
    // The first weight may be 1: soundness needs an unpredictable weight on every item but
    // one (if another item is invalid, its weight alone makes a pass unlikely; if none is,
    // the first item is checked exactly). It saves that item's scalar multiplications.
    if let Some(first) = rs.first_mut() {
        *first = 1;
    }
    if rs.len() != batch.items.len() {
        return broken();
    }
    let items: Vec<Weighted<V>> = batch
        .items
        .iter()
        .zip(rs)
        .map(|(item, r)| Weighted {
            pk: item.pk,
            sig: item.sig,
            r,
            group: item.group,
        })
        .collect();
    let mut members: Vec<Members<V>> = (0..messages.len()).map(|_| Default::default()).collect();
    for (i, item) in items.iter().enumerate() {
        let Some((pks, weights, indices)) = members.get_mut(item.group) else {
            return broken();
        };
        pks.push(item.pk);
        weights.push(item.r);
        indices.push(i);
    }
    let work: Vec<_> = members.into_iter().zip(messages).collect();
    let per_group = par::map(&work, |((pks, weights, _), hashed)| {
        let lines = messages_in_g2::<V>()
            .then(|| G2Prepared::from(V::pairing_args(&Affine::<V::Pk>::generator(), hashed).1));
        (msm_vartime::<V::Pk>(pks, weights), lines)
    });
    let sums: Vec<V::Pk> = per_group.iter().map(|(sum, _)| *sum).collect();
    let mut sums_affine = alloc::vec![Affine::<V::Pk>::identity(); sums.len()];
    V::Pk::batch_normalize(&sums, &mut sums_affine);
    let groups = work
        .into_iter()
        .zip(per_group)
        .zip(sums_affine)
        .map(
            |((((_, _, members), hashed), (sum, lines)), sum_affine)| MessageGroup {
                hashed,
                lines,
                sum,
                sum_affine,
                members,
            },
        )
        .collect();
    Ok(Prepared { items, groups })
}

/// The first pass: one Miller-loop value per chunk of whole groups (in parallel with
/// `parallel`), times e(−g, Σ rᵢ·σᵢ), one final exponentiation.
pub(super) fn root<V: Variant>(prepared: &Prepared<V>) -> Result<Root> {
    let all: Vec<usize> = (0..prepared.items.len()).collect();
    if prepared.groups.len() <= GROUPS_PER_CHUNK {
        // One chunk: nothing to keep, and one Miller loop for everything is cheaper.
        return Ok(Root {
            chunks: Vec::new(),
            value: evaluate(prepared, &all)?,
        });
    }
    let chunks: Vec<&[MessageGroup<V>]> = prepared.groups.chunks(GROUPS_PER_CHUNK).collect();
    let chunks = par::map(&chunks, |groups| chunk_miller_loop(groups));
    let total = chunks
        .iter()
        .fold(signature_miller_loop(prepared, &all)?, |acc, f| acc + f);
    Ok(Root {
        chunks,
        value: total.final_exponentiation(),
    })
}

/// Π_{g ∈ groups} f(Σ rᵢ·PKᵢ, H_g): the key side of whole groups, from the first pass's
/// sums and cached lines.
fn chunk_miller_loop<V: Variant>(groups: &[MessageGroup<V>]) -> MillerLoopResult {
    let terms: Vec<Term<'_>> = groups.iter().map(|g| term::<V>(&g.sum_affine, g)).collect();
    miller_loop(&terms)
}

/// The Miller-loop term e(A, H_g) for a key-side point A of group g.
fn term<'a, V: Variant>(a: &Affine<V::Pk>, group: &'a MessageGroup<V>) -> Term<'a> {
    let (p, q) = V::pairing_args(a, &group.hashed);
    match &group.lines {
        Some(lines) => (p, G2Term::Prepared(lines)),
        None => (p, G2Term::Point(q)),
    }
}

/// f(−g, Σ_{i∈T} rᵢ·σᵢ): the signature side of the items T, its MSM split across threads.
pub(super) fn signature_miller_loop<V: Variant>(
    prepared: &Prepared<V>,
    items: &[usize],
) -> Result<MillerLoopResult> {
    let size = items.len().div_ceil(par::pieces()).max(1);
    let pieces: Vec<&[usize]> = items.chunks(size).collect();
    let sums = par::map(&pieces, |piece| {
        let (sigs, rs): (Vec<Affine<V::Sig>>, Vec<u128>) = piece
            .iter()
            .map(|&i| prepared.items.get(i).map(|item| (item.sig, item.r)))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .unzip();
        Some(msm_vartime::<V::Sig>(&sigs, &rs))
    });
    let mut sum = V::Sig::identity();
    for piece in sums {
        let Some(piece) = piece else {
            return broken();
        };
        sum += piece;
    }
    let (p, q) = V::pairing_args(&-Affine::<V::Pk>::generator(), &sum.to_affine());
    Ok(miller_loop(&[(p, G2Term::Point(q))]))
}

/// Π_g e(Σ_{i∈T, m(i)=g} rᵢ·PKᵢ, H_g) · e(−g, Σ_{i∈T} rᵢ·σᵢ) over the items T: the
/// Miller loop split in one piece per thread, one final exponentiation.
pub(super) fn evaluate<V: Variant>(prepared: &Prepared<V>, subset: &[usize]) -> Result<Gt> {
    let size = subset.len().div_ceil(par::pieces()).max(1);
    let pieces: Vec<&[usize]> = subset.chunks(size).collect();
    let mut total = MillerLoopResult::default();
    for piece in par::map(&pieces, |piece| subset_miller_loop(prepared, piece)) {
        total += piece?;
    }
    Ok(total.final_exponentiation())
}

/// The Miller-loop value of the product over the items T (no final exponentiation).
fn subset_miller_loop<V: Variant>(
    prepared: &Prepared<V>,
    subset: &[usize],
) -> Result<MillerLoopResult> {
    // Per message group: the members' keys and weights; and all signatures with weights.
    let mut by_group: BTreeMap<usize, Weights<V::Pk>> = BTreeMap::new();
    let mut sigs = Vec::with_capacity(subset.len());
    let mut rs = Vec::with_capacity(subset.len());
    for &i in subset {
        let Some(item) = prepared.items.get(i) else {
            return broken();
        };
        let (pks, weights) = by_group.entry(item.group).or_default();
        pks.push(item.pk);
        weights.push(item.r);
        sigs.push(item.sig);
        rs.push(item.r);
    }
    let mut groups = Vec::with_capacity(by_group.len());
    let mut sums = Vec::with_capacity(by_group.len());
    for (g, (pks, weights)) in &by_group {
        let Some(group) = prepared.groups.get(*g) else {
            return broken();
        };
        // A group wholly inside the subset reuses the first pass's sum.
        sums.push(if group.members.len() == pks.len() {
            group.sum
        } else {
            msm_vartime::<V::Pk>(pks, weights)
        });
        groups.push(group);
    }
    let mut sums_affine = alloc::vec![Affine::<V::Pk>::identity(); sums.len()];
    V::Pk::batch_normalize(&sums, &mut sums_affine);
    let sig_sum: V::Sig = msm_vartime(&sigs, &rs);

    let mut terms: Vec<Term<'_>> = groups
        .iter()
        .zip(&sums_affine)
        .map(|(group, a)| term::<V>(a, group))
        .collect();
    let (p, q) = V::pairing_args(&-Affine::<V::Pk>::generator(), &sig_sum.to_affine());
    terms.push((p, G2Term::Point(q)));
    Ok(miller_loop(&terms))
}

/// Whether hashed messages (the signature group) are G2, so their lines can be cached.
fn messages_in_g2<V: Variant>() -> bool {
    <V::Sig as Curve>::DIGIT == b'2'
}

/// One multi-Miller loop over the terms (one shared squaring chain per `CHUNK` terms).
fn miller_loop(terms: &[Term<'_>]) -> MillerLoopResult {
    multi_miller_loop_mixed(terms)
}

/// `Ok` exactly when the batch value is the identity of Gt.
pub(super) fn check(value: Gt) -> Result<()> {
    if bool::from(value.is_identity()) {
        Ok(())
    } else {
        Err(Error::VerificationFailed)
    }
}
