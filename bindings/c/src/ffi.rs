//! The only `unsafe` code of the C binding: turning C pointers and lengths into Rust
//! references, and heap handles in and out. Every entry point goes through these helpers,
//! and every helper checks for NULL before it touches memory.
//!
//! The helpers are crate-private and called only from `extern "C"` entry points, whose
//! documented contract (in the header) is the C caller's half of each `SAFETY` argument:
//! a non-NULL pointer with a length points to that many readable (or writable) bytes, and
//! a handle pointer is NULL or came from this library and has not been freed.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::result::blsig_result;

/// Runs an entry point's body behind the panic boundary: a panic becomes `BLSIG_PANIC`.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), blsig_result>) -> blsig_result {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => blsig_result::BLSIG_OK,
        Ok(Err(code)) => code,
        Err(_) => blsig_result::BLSIG_PANIC,
    }
}

/// `len` bytes at `ptr` as a slice. NULL with length 0 is the empty slice; NULL with a
/// non-zero length is `BLSIG_NULL_POINTER`.
pub(crate) fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], blsig_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(blsig_result::BLSIG_NULL_POINTER)
        };
    }
    if len > isize::MAX as usize {
        return Err(blsig_result::BLSIG_INVALID_LENGTH);
    }
    // SAFETY: `ptr` is non-NULL and, by the entry point's contract, points to `len`
    // readable bytes that stay valid and unmodified for the call; `len ≤ isize::MAX`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `len` entries at `ptr` (an array of handle pointers or of lengths), as a slice; NULL
/// with length 0 is the empty slice.
pub(crate) fn array<'a, T>(ptr: *const T, len: usize) -> Result<&'a [T], blsig_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(blsig_result::BLSIG_NULL_POINTER)
        };
    }
    if len > isize::MAX as usize / std::mem::size_of::<T>().max(1) {
        return Err(blsig_result::BLSIG_INVALID_LENGTH);
    }
    // SAFETY: non-NULL, aligned for `T` and pointing to `len` initialised entries by the
    // entry point's contract; the size fits in `isize`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Copies `data` into the caller's buffer `out` of `out_len` bytes, which must be exactly
/// `data.len()` long when `exact`, or at least that long otherwise. Nothing is written on
/// error.
pub(crate) fn write(
    out: *mut u8,
    out_len: usize,
    data: &[u8],
    exact: bool,
) -> Result<(), blsig_result> {
    if out.is_null() {
        return Err(blsig_result::BLSIG_NULL_POINTER);
    }
    if out_len < data.len() || (exact && out_len != data.len()) {
        return Err(blsig_result::BLSIG_BUFFER_TOO_SMALL);
    }
    // SAFETY: `out` is non-NULL and points to `out_len ≥ data.len()` writable bytes by the
    // entry point's contract; the regions cannot overlap, `data` being owned by Rust.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), out, data.len()) };
    Ok(())
}

/// Copies `data` into the caller's array `out` of `capacity` entries; nothing is written
/// when it does not fit.
pub(crate) fn write_slice<T: Copy>(
    out: *mut T,
    capacity: usize,
    data: &[T],
) -> Result<(), blsig_result> {
    if out.is_null() {
        return Err(blsig_result::BLSIG_NULL_POINTER);
    }
    if capacity < data.len() {
        return Err(blsig_result::BLSIG_BUFFER_TOO_SMALL);
    }
    // SAFETY: `out` is non-NULL, aligned and valid for `capacity ≥ data.len()` writes of
    // `T` by the entry point's contract; `data` is Rust-owned, so no overlap.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), out, data.len()) };
    Ok(())
}

/// Checks the arguments of a list output (see [`write_list`]) before any work: `count`
/// must not be NULL, and `out` may be NULL only with capacity 0.
pub(crate) fn list_args<T>(
    out: *mut T,
    capacity: usize,
    count: *mut usize,
) -> Result<(), blsig_result> {
    if count.is_null() || (out.is_null() && capacity > 0) {
        return Err(blsig_result::BLSIG_NULL_POINTER);
    }
    Ok(())
}

/// The one convention of every function that returns a list through `(out, capacity,
/// count)`: `*count` receives the list's length — also when the list does not fit, which
/// is then `BLSIG_BUFFER_TOO_SMALL` with nothing written to `out` — so that a call with
/// `(NULL, 0)` is a size probe and "probe, allocate, call again" works. Capacity is judged
/// before `out` is touched; `out` may be NULL only with capacity 0.
pub(crate) fn write_list<T: Copy>(
    out: *mut T,
    capacity: usize,
    data: &[T],
    count: *mut usize,
) -> Result<(), blsig_result> {
    list_args(out, capacity, count)?;
    put(count, data.len())?;
    if data.len() > capacity {
        return Err(blsig_result::BLSIG_BUFFER_TOO_SMALL);
    }
    if !data.is_empty() {
        write_slice(out, capacity, data)?;
    }
    Ok(())
}

/// Writes a value through an output pointer (a handle, a size or a flag).
pub(crate) fn put<T>(out: *mut T, value: T) -> Result<(), blsig_result> {
    if out.is_null() {
        return Err(blsig_result::BLSIG_NULL_POINTER);
    }
    // SAFETY: non-NULL and, by contract, valid for one aligned write of `T`; the old
    // value is not read or dropped (it is a C value: a pointer or an integer).
    unsafe { out.write(value) };
    Ok(())
}

/// Borrows a handle.
pub(crate) fn handle<'a, T>(ptr: *const T) -> Result<&'a T, blsig_result> {
    // SAFETY: by contract the pointer is NULL or a live handle made by `into_handle`
    // (a `Box<T>` leaked into a raw pointer) and not yet freed.
    unsafe { ptr.as_ref() }.ok_or(blsig_result::BLSIG_NULL_POINTER)
}

/// Borrows a handle mutably (the batch verifier while items are queued).
pub(crate) fn handle_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, blsig_result> {
    // SAFETY: as for `handle`; by contract no other thread uses this handle during the
    // call (the header says the batch verifier must not be shared while queueing).
    unsafe { ptr.as_mut() }.ok_or(blsig_result::BLSIG_NULL_POINTER)
}

/// Moves a value to the heap and hands the pointer to C.
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by `into_handle`; NULL is a no-op. The value's `Drop` runs
/// (secret keys are zeroized).
pub(crate) fn free_handle<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by contract `ptr` came from `into_handle` and is freed once.
        drop(unsafe { Box::from_raw(ptr) });
    }
}
