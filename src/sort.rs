//! One small in-place sort for the library's lists: batch indices, messages, group members'
//! encodings, share identifiers. All of them are public values.
//!
//! Heapsort (J. W. J. Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964; sift-down as in
//! Floyd's "Algorithm 245: Treesort 3", CACM 7(12), 1964): at most 2·n·log₂ n comparisons
//! for any input, so a caller-chosen list cannot make it slow, no allocation, no panic, and a
//! few hundred bytes of code for each element type. `core`'s `sort_unstable` is faster on long
//! inputs, but each of its instances brings its partitioning and small-sort networks: the six
//! lists of the wasm package cost 18.6 KB of code with it (BENCHMARKS.md, 2026-12-04), while
//! the lists sorted here are short next to the pairings that follow them.

/// Sorts `v` so that `less(v[j], v[i])` is false for every i < j (not stable). `less` must be
/// a strict weak order; if it is not, the order is unspecified but every element is kept.
pub(crate) fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    // A max-heap: each internal node sifted down, from the last one to the root.
    for node in (0..n / 2).rev() {
        sift_down(v, node, n, &mut less);
    }
    // The maximum goes to the end of the heap, which shrinks by one and is repaired.
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut less);
    }
}

/// Sorts `v` by its elements' natural order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

/// Sorts `v` by the order of `key` of its elements.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Moves `v[node]` down the heap `v[..end]` until neither child is greater.
fn sift_down<T>(v: &mut [T], mut node: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        // (Saturating: a child index past `end` ends the walk, even at usize::MAX.)
        let left = node.saturating_mul(2).saturating_add(1);
        if left >= end {
            return;
        }
        let right = left + 1;
        let child = match (v.get(left), v.get(right)) {
            (Some(l), Some(r)) if right < end && less(l, r) => right,
            _ => left,
        };
        match (v.get(node), v.get(child)) {
            (Some(parent), Some(c)) if less(parent, c) => v.swap(node, child),
            _ => return,
        }
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::{sort, sort_by, sort_by_key};
    use alloc::vec::Vec;
    use proptest::prelude::*;

    #[test]
    fn edge_cases() {
        let mut empty: [u8; 0] = [];
        sort(&mut empty);
        let mut one = [7u8];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut same = [3u8; 9];
        sort(&mut same);
        assert_eq!(same, [3; 9]);
        let mut reversed: Vec<u32> = (0..100).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, (0..100).collect::<Vec<u32>>());
        // Zero-sized elements: lengths near usize::MAX are possible, nothing is compared away.
        let mut units = [(); 5];
        sort(&mut units);
    }

    #[test]
    fn inconsistent_order_keeps_every_element() {
        let mut v: Vec<u16> = (0..200).map(|i| (i * 37) % 101).collect();
        let mut calls = 0u32;
        sort_by(&mut v, |_, _| {
            calls += 1;
            calls % 3 == 0
        });
        let mut expected: Vec<u16> = (0..200).map(|i| (i * 37) % 101).collect();
        v.sort_unstable();
        expected.sort_unstable();
        assert_eq!(v, expected);
    }

    proptest! {
        #[test]
        fn agrees_with_core(mut v in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn by_key_orders_keys_and_keeps_elements(
            mut v in proptest::collection::vec((any::<u8>(), any::<u16>()), 0..300)
        ) {
            let mut elements = v.clone();
            sort_by_key(&mut v, |&(k, _)| k);
            prop_assert!(v.windows(2).all(|w| w[0].0 <= w[1].0));
            let mut sorted = v.clone();
            sorted.sort_unstable();
            elements.sort_unstable();
            prop_assert_eq!(sorted, elements);
        }

        #[test]
        fn byte_strings(mut v in proptest::collection::vec(
            proptest::collection::vec(any::<u8>(), 0..4), 0..100)
        ) {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_by(&mut v, |a, b| a.as_slice() < b.as_slice());
            prop_assert_eq!(v, expected);
        }
    }
}
