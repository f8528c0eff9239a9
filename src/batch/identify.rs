//! Naming the invalid items of a failing batch, by bisection over the kept per-chunk
//! Miller-loop values and then item by item (see [`crate::notes::batch`]).

use alloc::vec::Vec;
use core::ops::Range;

use blsig_curve::Gt;

use super::engine::{GROUPS_PER_CHUNK, Prepared, Root, evaluate, signature_miller_loop};
use crate::error::{Error, Result};
use crate::variant::Variant;

/// The items that fail alone (unsorted).
pub(super) fn invalid_items<V: Variant>(prepared: &Prepared<V>, root: &Root) -> Result<Vec<usize>> {
    let mut invalid = Vec::new();
    if root.chunks.is_empty() {
        let all: Vec<usize> = (0..prepared.items.len()).collect();
        bisect(prepared, &all, root.value, &mut invalid)?;
    } else {
        let chunks = 0..root.chunks.len();
        bisect_chunks(prepared, root, chunks, root.value, &mut invalid)?;
    }
    Ok(invalid)
}

/// The items of the groups in a range of chunks, ascending.
fn items_of<V: Variant>(prepared: &Prepared<V>, chunks: Range<usize>) -> Result<Vec<usize>> {
    let groups =
        chunks.start * GROUPS_PER_CHUNK..(chunks.end * GROUPS_PER_CHUNK).min(prepared.groups.len());
    let Some(groups) = prepared.groups.get(groups) else {
        return Err(Error::VerificationFailed);
    };
    let mut items: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    crate::sort::sort(&mut items);
    Ok(items)
}

/// Identification over chunks: a set of whole chunks is priced from the kept chunk
/// values, its signature MSM and one final exponentiation; the other half of a failing
/// set by division. A failing single chunk is searched item by item.
fn bisect_chunks<V: Variant>(
    prepared: &Prepared<V>,
    root: &Root,
    chunks: Range<usize>,
    value: Gt,
    invalid: &mut Vec<usize>,
) -> Result<()> {
    if bool::from(value.is_identity()) {
        return Ok(());
    }
    if chunks.len() <= 1 {
        return bisect(prepared, &items_of(prepared, chunks)?, value, invalid);
    }
    let mid = chunks.start + chunks.len() / 2;
    let left = chunks.start..mid;
    let left_items = items_of(prepared, left.clone())?;
    let Some(left_chunks) = root.chunks.get(left.clone()) else {
        return Err(Error::VerificationFailed);
    };
    let left_value = left_chunks
        .iter()
        .fold(signature_miller_loop(prepared, &left_items)?, |acc, f| {
            acc + f
        })
        .final_exponentiation();
    let right_value = value - left_value;
    bisect_chunks(prepared, root, left, left_value, invalid)?;
    bisect_chunks(prepared, root, mid..chunks.end, right_value, invalid)
}

/// Bisection over items: evaluate the left half, derive the right by division in Gt.
fn bisect<V: Variant>(
    prepared: &Prepared<V>,
    set: &[usize],
    value: Gt,
    invalid: &mut Vec<usize>,
) -> Result<()> {
    if set.is_empty() || bool::from(value.is_identity()) {
        return Ok(());
    }
    if let [only] = set {
        invalid.push(*only);
        return Ok(());
    }
    let (left, right) = set.split_at(set.len() / 2);
    let left_value = evaluate(prepared, left)?;
    let right_value = value - left_value;
    bisect(prepared, left, left_value, invalid)?;
    bisect(prepared, right, right_value, invalid)
}
