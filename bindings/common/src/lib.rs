//! What the C and the wasm binding of `blsig` share, so that neither keeps a copy: the
//! suite and variant numbers and the one place where a number picks the core's type
//! parameters ([`by_variant`], [`by_suite`]), type-erased values that remember their
//! suite ([`Value`]), the stable error names ([`code_name`]), and the RNGs over a caller's 32 random bytes ([`SeedRng`], [`ExpandRng`]).
//!
//! Not a public API: the bindings' own documentation describes what their users see.

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

mod code;
mod dispatch;
mod seed;
mod value;

pub use code::code_name;
pub use dispatch::{
    InvalidSuite, SUITE_MIN_PK_AUG, SUITE_MIN_PK_BASIC, SUITE_MIN_PK_POP, SUITE_MIN_SIG_AUG,
    SUITE_MIN_SIG_BASIC, SUITE_MIN_SIG_POP, SuiteOp, VARIANT_MIN_PK, VARIANT_MIN_SIG, VariantOp,
    by_suite, by_variant, suite_number, variant_number, variant_of,
};
pub use seed::{ByteRng, Expand, ExpandRng, Replay, SEED_LEN, SeedRng, Stream};
pub use value::{SuiteMismatch, Value, all};
