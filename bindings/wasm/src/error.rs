//! Errors as JavaScript `BlsError`s (defined in `js/error.js`): a stable `code` string
//! and an English message. The codes are the C API's result codes without their `BLSIG_`
//! prefix, from the one table both bindings share ([`blsig_bindings::code_name`]).

use blsig_bindings::{InvalidSuite, SuiteMismatch, code_name};
use blsig_core::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = blsError)]
    fn bls_error(code: &str, message: &str) -> JsValue;
}

/// What a binding call can fail with before it becomes a `BlsError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fail {
    /// A core error.
    Core(Error),
    /// A suite or variant number that is not one.
    InvalidSuite,
    /// Values of different suites combined.
    SuiteMismatch,
    /// A seed that is not 32 bytes (`INVALID_LENGTH`, as in C).
    BadSeed,
}

impl Fail {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Fail::Core(e) => code_name(&e),
            Fail::InvalidSuite => "INVALID_SUITE",
            Fail::SuiteMismatch => "SUITE_MISMATCH",
            Fail::BadSeed => "INVALID_LENGTH",
        }
    }

    fn message(self) -> String {
        match self {
            Fail::Core(e) => e.to_string(),
            Fail::InvalidSuite => "unknown suite or variant".into(),
            Fail::SuiteMismatch => "values of different suites combined".into(),
            Fail::BadSeed => "a seed must be 32 random bytes".into(),
        }
    }
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Core(e)
    }
}

impl From<InvalidSuite> for Fail {
    fn from(_: InvalidSuite) -> Self {
        Fail::InvalidSuite
    }
}

impl From<SuiteMismatch> for Fail {
    fn from(_: SuiteMismatch) -> Self {
        Fail::SuiteMismatch
    }
}

impl From<Fail> for JsValue {
    fn from(f: Fail) -> Self {
        bls_error(f.code(), &f.message())
    }
}

/// The result of every fallible export: an `Err` is thrown as a `BlsError`.
pub type JsResult<T> = Result<T, Fail>;

/// A verification outcome as a boolean: `VerificationFailed` is `false`, other errors
/// stay errors (malformed input throws).
pub fn verdict(r: Result<(), Error>) -> JsResult<bool> {
    match r {
        Ok(()) => Ok(true),
        Err(Error::VerificationFailed) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The caller's seed as an RNG.
pub fn seed_rng(seed: &[u8]) -> JsResult<blsig_bindings::SeedRng> {
    blsig_bindings::SeedRng::new(seed).ok_or(Fail::BadSeed)
}
