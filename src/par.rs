//! Data parallelism when the `parallel` feature is on, plain iteration otherwise: the
//! callers are written once.

use alloc::vec::Vec;

#[cfg(feature = "parallel")]
use rayon::prelude::*;

/// `items.map(f)`, on rayon's threads with `parallel`.
#[cfg(feature = "parallel")]
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    items.par_iter().map(f).collect()
}

/// `items.map(f)`, on rayon's threads with `parallel`.
#[cfg(not(feature = "parallel"))]
pub(crate) fn map<T, U>(items: &[T], f: impl Fn(&T) -> U) -> Vec<U> {
    items.iter().map(f).collect()
}

/// How many pieces to split a batch's Miller loop into: one per thread.
pub(crate) fn pieces() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1)
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}
