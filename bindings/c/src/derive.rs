//! EIP-2333 key derivation and EIP-2334 paths.

use blsig_core::derive::{Path, derive_child_sk, derive_master_sk};
use blsig_core::{Error, SecretKey, Variant};

use crate::ffi::{boundary, bytes, handle, into_handle, put};
use crate::handle::{Value, blsig_secret_key};
use crate::keys::variant_number;
use crate::result::blsig_result;
use crate::suite::{VariantOp, blsig_variant, by_variant};

fn give(out: *mut *mut blsig_secret_key, value: Value) -> Result<(), blsig_result> {
    put(out, into_handle(blsig_secret_key(value)))
}

/// EIP-2333 `derive_master_SK(seed)`: a new secret key (the draft's KeyGen of the seed).
///
/// Errors: `BLSIG_SHORT_IKM` for a seed under 32 bytes, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_derive_master_sk(
    variant: blsig_variant,
    seed: *const u8,
    seed_len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    struct Master<'a>(&'a [u8]);
    impl VariantOp for Master<'_> {
        type Out = Result<Value, Error>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(Value::new(
                variant_number::<V>(),
                derive_master_sk::<V>(self.0)?,
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        give(out, by_variant(variant, Master(bytes(seed, seed_len)?))??)
    })
}

/// EIP-2333 `derive_child_SK(parent, index)`: a new secret key of the parent's variant.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_derive_child_sk(
    parent: *const blsig_secret_key,
    index: u32,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    struct Child<'a>(&'a Value, u32);
    impl VariantOp for Child<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let parent = self.0.get::<SecretKey<V>>()?;
            Ok(Value::new(
                variant_number::<V>(),
                derive_child_sk(parent, self.1),
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let parent = &handle(parent)?.0;
        give(out, by_variant(parent.tag(), Child(parent, index))??)
    })
}

/// The key at an EIP-2334 path (`path`, `path_len` bytes of text such as
/// `m/12381/3600/0/0/0`, no NUL needed) of the tree grown from `seed`.
///
/// Errors: `BLSIG_INVALID_PATH` (also for text that is not UTF-8),
/// `BLSIG_PATH_INDEX_OUT_OF_RANGE`, `BLSIG_SHORT_IKM`, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_derive_path(
    variant: blsig_variant,
    seed: *const u8,
    seed_len: usize,
    path: *const u8,
    path_len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    struct AtPath<'a>(&'a [u8], Path);
    impl VariantOp for AtPath<'_> {
        type Out = Result<Value, Error>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(Value::new(
                variant_number::<V>(),
                self.1.derive::<V>(self.0)?,
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let text = std::str::from_utf8(bytes(path, path_len)?).map_err(|_| Error::InvalidPath)?;
        let path = Path::parse(text)?;
        give(
            out,
            by_variant(variant, AtPath(bytes(seed, seed_len)?, path))??,
        )
    })
}
