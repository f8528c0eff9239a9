//! Threshold signatures (t-of-n): dealing with Feldman commitments, share signing and
//! verification, combination (plain and robust) into an ordinary signature, and recovery.
//! Identifiers are the default 1‥n of the core (member i has x = i).

use blsig_core::threshold::{PublicKeySet, SecretShare, SignatureShare, deal};
use blsig_core::{Error, Scheme, SecretKey, Variant, Zeroizing};

use crate::codec::{self, Canonical, Codec, Decoding, Encoding, Tagging};

use crate::batch::{SeedRng, seed_rng};
use crate::ffi::{boundary, bytes, handle, into_handle, list_args, put, write_list, write_slice};
use crate::handle::{
    Value, blsig_public_key, blsig_public_key_set, blsig_secret_key, blsig_secret_share,
    blsig_signature, blsig_signature_share,
};
use crate::keys::variant_number;
use crate::result::blsig_result;
use crate::signature::{handles, new_signature, suite_number};
use crate::suite::{
    SuiteOp, VariantOp, blsig_suite, blsig_variant, by_suite, by_variant, variant_of,
};

fn tagged<V: Variant, T: std::any::Any + Send + Sync>(value: T) -> Value {
    Value::new(variant_number::<V>(), value)
}

/// Splits `sk` into `n` shares with threshold `t` (any t sign; t − 1 learn nothing) for the
/// identifiers 1‥n, with `seed` (32 random bytes, e.g. from the OS) as the randomness
/// (the core hashes it with the key). Writes the key set to `*set_out` and the n share
/// handles, in identifier order, to `shares_out[0..n]`.
///
/// Errors: `BLSIG_INVALID_THRESHOLD` unless 1 ≤ t ≤ n, `BLSIG_GROUP_TOO_LARGE`,
/// `BLSIG_INVALID_LENGTH` unless `seed_len` is 32, `BLSIG_BUFFER_TOO_SMALL` if
/// `capacity < n` (nothing written), `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_deal(
    sk: *const blsig_secret_key,
    t: usize,
    n: usize,
    seed: *const u8,
    seed_len: usize,
    set_out: *mut *mut blsig_public_key_set,
    shares_out: *mut *mut blsig_secret_share,
    capacity: usize,
) -> blsig_result {
    struct Deal<'a>(&'a Value, usize, usize, SeedRng);
    impl VariantOp for Deal<'_> {
        type Out = Result<(Value, Vec<Value>), blsig_result>;
        fn run<V: Variant>(mut self) -> Self::Out {
            let sk = self.0.get::<SecretKey<V>>()?;
            let (set, shares) = deal(sk, self.1, self.2, &mut self.3)?;
            Ok((
                tagged::<V, _>(set),
                shares.into_iter().map(tagged::<V, _>).collect(),
            ))
        }
    }
    boundary(|| {
        if set_out.is_null() || shares_out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        if capacity < n {
            return Err(blsig_result::BLSIG_BUFFER_TOO_SMALL);
        }
        let sk = &handle(sk)?.0;
        let rng = seed_rng(bytes(seed, seed_len)?)?;
        let (set, shares) = by_variant(sk.tag(), Deal(sk, t, n, rng))??;
        let ptrs: Vec<*mut blsig_secret_share> = shares
            .into_iter()
            .map(|v| into_handle(blsig_secret_share(v)))
            .collect();
        write_slice(shares_out, capacity, &ptrs)?;
        put(set_out, into_handle(blsig_public_key_set(set)))
    })
}

/// Decodes a key set (`I2OSP(t, 4) ‖ C₀ ‖ … ‖ C_{t−1}`), checking every point.
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_THRESHOLD` (t = 0), the point decoding
/// codes, `BLSIG_IDENTITY_PUBLIC_KEY` (C₀), `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_public_key_set,
) -> blsig_result {
    codec::from_bytes::<blsig_public_key_set, Canonical>(variant, data, len, out)
}

/// The length of the key set's encoding (0 for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_encoded_len(set: *const blsig_public_key_set) -> usize {
    codec::encoded_len::<blsig_public_key_set, Canonical>(set)
}

/// Writes the key set's encoding.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_to_bytes(
    set: *const blsig_public_key_set,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_public_key_set, Canonical>(set, out, out_len, written)
}

/// The threshold t of a key set (0 for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_threshold(set: *const blsig_public_key_set) -> usize {
    struct Threshold<'a>(&'a Value);
    impl VariantOp for Threshold<'_> {
        type Out = Option<usize>;
        fn run<V: Variant>(self) -> Self::Out {
            self.0
                .get::<PublicKeySet<V>>()
                .ok()
                .map(PublicKeySet::threshold)
        }
    }
    handle(set)
        .ok()
        .and_then(|s| by_variant(s.0.tag(), Threshold(&s.0)).ok().flatten())
        .unwrap_or(0)
}

/// The group public key (a new public-key handle): what combined signatures verify under
/// with plain `blsig_verify`.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_group_key(
    set: *const blsig_public_key_set,
    out: *mut *mut blsig_public_key,
) -> blsig_result {
    struct Key<'a>(&'a Value);
    impl VariantOp for Key<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(tagged::<V, _>(
                *self.0.get::<PublicKeySet<V>>()?.group_key(),
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let set = &handle(set)?.0;
        let value = by_variant(set.tag(), Key(set))??;
        put(out, into_handle(blsig_public_key(value)))
    })
}

/// Frees a key set. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_free(set: *mut blsig_public_key_set) {
    codec::free(set);
}

/// The Feldman check of a secret share against the key set.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_set_verify_secret_share(
    set: *const blsig_public_key_set,
    share: *const blsig_secret_share,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let set = self.0.get::<PublicKeySet<V>>()?;
            Ok(set.verify_secret_share(self.1.get::<SecretShare<V>>()?)?)
        }
    }
    boundary(|| {
        let (set, share) = (&handle(set)?.0, &handle(share)?.0);
        by_variant(set.tag(), Check(set, share))?
    })
}

/// Decodes a secret share (`x (32 bytes) ‖ f(x) (32 bytes)`, big-endian).
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_SHARE_ID`, `BLSIG_INVALID_SECRET_KEY`,
/// `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_share_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_secret_share,
) -> blsig_result {
    codec::from_bytes::<blsig_secret_share, Canonical>(variant, data, len, out)
}

/// Writes a secret share's 64-byte encoding into `out` (`out_len` exactly 64); wipe the
/// buffer after use.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` unless `out_len == 64`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_share_to_bytes(
    share: *const blsig_secret_share,
    out: *mut u8,
    out_len: usize,
) -> blsig_result {
    codec::to_bytes_exact::<blsig_secret_share, Canonical>(share, out, out_len)
}

/// The identifier of a share as an integer (1‥n for dealt shares); 0 for NULL or an
/// identifier of 2⁶⁴ or more (0 is never an identifier).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_share_id(share: *const blsig_secret_share) -> u64 {
    struct Id<'a>(&'a Value);
    impl VariantOp for Id<'_> {
        type Out = Option<u64>;
        fn run<V: Variant>(self) -> Self::Out {
            self.0
                .get::<SecretShare<V>>()
                .ok()
                .and_then(|s| s.id().small())
        }
    }
    handle(share)
        .ok()
        .and_then(|s| by_variant(s.0.tag(), Id(&s.0)).ok().flatten())
        .unwrap_or(0)
}

/// Frees a secret share, zeroizing it. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_share_free(share: *mut blsig_secret_share) {
    codec::free(share);
}

/// Signs `message` with a share under `suite` (whose variant must be the set's). Under the
/// Aug suites the framing is the *group* key ‖ message, so the combination is the group
/// key's Aug signature.
///
/// Errors: `BLSIG_SUITE_MISMATCH`, `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_sign(
    suite: blsig_suite,
    set: *const blsig_public_key_set,
    share: *const blsig_secret_share,
    message: *const u8,
    message_len: usize,
    out: *mut *mut blsig_signature_share,
) -> blsig_result {
    struct Sign<'a>(&'a Value, &'a Value, &'a [u8]);
    impl SuiteOp for Sign<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let set = self.0.get::<PublicKeySet<V>>()?;
            let share = self.1.get::<SecretShare<V>>()?;
            Ok(Value::new(
                suite_number::<V, S>(),
                share.sign::<S>(set, self.2),
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let (set, share) = (&handle(set)?.0, &handle(share)?.0);
        if variant_of(suite)? != set.tag() {
            return Err(blsig_result::BLSIG_SUITE_MISMATCH);
        }
        let value = by_suite(suite, Sign(set, share, bytes(message, message_len)?))??;
        put(out, into_handle(blsig_signature_share(value)))
    })
}

/// Decodes a signature share (`x (32 bytes) ‖ compressed point`), with the subgroup check.
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_SHARE_ID`, the point decoding codes,
/// `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_share_from_bytes(
    suite: blsig_suite,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_signature_share,
) -> blsig_result {
    codec::from_bytes::<blsig_signature_share, Canonical>(suite, data, len, out)
}

/// Writes a signature share's encoding (32 + the signature length).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_share_to_bytes(
    share: *const blsig_signature_share,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_signature_share, Canonical>(share, out, out_len, written)
}

/// Frees a signature share. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_signature_share_free(share: *mut blsig_signature_share) {
    codec::free(share);
}

/// The signature shares of one suite as core values, and that suite.
fn shares_of<V: Variant, S: Scheme>(
    values: &[&Value],
) -> Result<Vec<SignatureShare<V, S>>, blsig_result> {
    Ok(crate::handle::all(values)?)
}

/// Checks one signature share against its member's public key share.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_verify_share(
    set: *const blsig_public_key_set,
    message: *const u8,
    message_len: usize,
    share: *const blsig_signature_share,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a [u8], &'a Value);
    impl SuiteOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let set = self.0.get::<PublicKeySet<V>>()?;
            Ok(set.verify_signature_share(self.1, self.2.get::<SignatureShare<V, S>>()?)?)
        }
    }
    boundary(|| {
        let (set, share) = (&handle(set)?.0, &handle(share)?.0);
        by_suite(share.tag(), Check(set, bytes(message, message_len)?, share))?
    })
}

/// The suite of the first share; every share must have it (checked when they are read).
fn first_suite(shares: &[&Value]) -> Result<u32, blsig_result> {
    shares
        .first()
        .map(|v| v.tag())
        .ok_or(blsig_result::BLSIG_BELOW_THRESHOLD)
}

/// Combines shares into the group signature (a new `blsig_signature` of the shares'
/// suite) by Lagrange interpolation of the first t, without verifying them.
///
/// Errors: `BLSIG_BELOW_THRESHOLD`, `BLSIG_DUPLICATE_KEY`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_combine(
    set: *const blsig_public_key_set,
    shares: *const *const blsig_signature_share,
    count: usize,
    out: *mut *mut blsig_signature,
) -> blsig_result {
    struct Combine<'a>(&'a Value, Vec<&'a Value>);
    impl SuiteOp for Combine<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant, S: Scheme>(self) -> Self::Out {
            let set = self.0.get::<PublicKeySet<V>>()?;
            Ok(new_signature(set.combine(&shares_of::<V, S>(&self.1)?)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let set = &handle(set)?.0;
        let shares = handles(shares, count)?;
        let suite = first_suite(&shares)?;
        let value = by_suite(suite, Combine(set, shares))??;
        put(out, into_handle(blsig_signature(value)))
    })
}

struct Robust<'a> {
    set: &'a Value,
    message: &'a [u8],
    shares: Vec<&'a Value>,
    rng: SeedRng,
    combine: bool,
}

impl SuiteOp for Robust<'_> {
    type Out = Result<(Vec<usize>, Option<Value>), blsig_result>;
    fn run<V: Variant, S: Scheme>(mut self) -> Self::Out {
        let set = self.set.get::<PublicKeySet<V>>()?;
        let shares = shares_of::<V, S>(&self.shares)?;
        if self.combine {
            let (sig, invalid) = set.robust_combine(self.message, &shares, &mut self.rng)?;
            Ok((invalid, Some(new_signature(sig))))
        } else {
            Ok((
                set.find_invalid_shares(self.message, &shares, &mut self.rng),
                None,
            ))
        }
    }
}

/// The positions (indices into `shares`) of the shares that do not verify, found with one
/// multi-pairing over all of them (random weights from `seed`, 32 bytes) and per-share
/// checks only when that fails.
///
/// Several shares may carry one identifier (a fake one under an honest member's): each is
/// judged on its own.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` (nothing written to `invalid`; `*invalid_count` is the
/// number needed, so `(NULL, 0)` probes the size), `BLSIG_INVALID_LENGTH` (seed),
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_find_invalid(
    set: *const blsig_public_key_set,
    message: *const u8,
    message_len: usize,
    shares: *const *const blsig_signature_share,
    count: usize,
    seed: *const u8,
    seed_len: usize,
    invalid: *mut usize,
    capacity: usize,
    invalid_count: *mut usize,
) -> blsig_result {
    boundary(|| {
        let shares = handles(shares, count)?;
        let Some(suite) = shares.first().map(|v| v.tag()) else {
            return write_list(invalid, capacity, &[], invalid_count);
        };
        let op = Robust {
            set: &handle(set)?.0,
            message: bytes(message, message_len)?,
            shares,
            rng: seed_rng(bytes(seed, seed_len)?)?,
            combine: false,
        };
        let (positions, _) = by_suite(suite, op)??;
        write_list(invalid, capacity, &positions, invalid_count)
    })
}

/// Robust combination: verifies every offered share (as `blsig_threshold_find_invalid`),
/// keeps one valid share per identifier, combines the first t of them into `*out`, and
/// reports the invalid positions (a fake share under an honest member's identifier is
/// blamed; the honest one is used).
///
/// Errors: `BLSIG_BELOW_THRESHOLD` if fewer than t distinct members' shares are valid
/// (nothing written; call `blsig_threshold_find_invalid` to name them),
/// `BLSIG_BUFFER_TOO_SMALL` (more invalid positions than `capacity`: nothing written,
/// `*invalid_count` is the number needed), `BLSIG_INVALID_LENGTH` (seed),
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_robust_combine(
    set: *const blsig_public_key_set,
    message: *const u8,
    message_len: usize,
    shares: *const *const blsig_signature_share,
    count: usize,
    seed: *const u8,
    seed_len: usize,
    out: *mut *mut blsig_signature,
    invalid: *mut usize,
    capacity: usize,
    invalid_count: *mut usize,
) -> blsig_result {
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        list_args(invalid, capacity, invalid_count)?;
        let shares = handles(shares, count)?;
        let suite = first_suite(&shares)?;
        let op = Robust {
            set: &handle(set)?.0,
            message: bytes(message, message_len)?,
            shares,
            rng: seed_rng(bytes(seed, seed_len)?)?,
            combine: true,
        };
        let (positions, sig) = by_suite(suite, op)??;
        let sig = sig.ok_or(blsig_result::BLSIG_PANIC)?;
        write_list(invalid, capacity, &positions, invalid_count)?;
        put(out, into_handle(blsig_signature(sig)))
    })
}

/// Recovers the group secret key from at least t secret shares (each checked against the
/// set; the result checked against the group key).
///
/// Errors: `BLSIG_BELOW_THRESHOLD`, `BLSIG_DUPLICATE_KEY`, `BLSIG_VERIFICATION_FAILED`,
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_threshold_recover_secret_key(
    set: *const blsig_public_key_set,
    shares: *const *const blsig_secret_share,
    count: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    struct Recover<'a>(&'a Value, Vec<&'a Value>);
    impl VariantOp for Recover<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let set = self.0.get::<PublicKeySet<V>>()?;
            // Secret shares are not `Clone`: each is re-read from its zeroized encoding.
            let owned = self
                .1
                .iter()
                .map(|v| {
                    Ok(SecretShare::<V>::from_bytes(
                        v.get::<SecretShare<V>>()?.to_bytes().as_ref(),
                    )?)
                })
                .collect::<Result<Vec<_>, blsig_result>>()?;
            Ok(tagged::<V, _>(set.recover_secret_key(&owned)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let set = &handle(set)?.0;
        let value = by_variant(set.tag(), Recover(set, handles(shares, count)?))??;
        put(out, into_handle(blsig_secret_key(value)))
    })
}

impl Codec for blsig_public_key_set {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = PublicKeySet<V>;
}

impl Encoding<blsig_public_key_set> for Canonical {
    fn encode<V: Variant, S: Scheme>(set: &PublicKeySet<V>) -> Zeroizing<Vec<u8>> {
        set.to_bytes().into()
    }
}

impl Decoding<blsig_public_key_set> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<PublicKeySet<V>, Error> {
        PublicKeySet::from_bytes(bytes)
    }
}

impl Codec for blsig_secret_share {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = SecretShare<V>;
}

impl Encoding<blsig_secret_share> for Canonical {
    fn encode<V: Variant, S: Scheme>(share: &SecretShare<V>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(share.to_bytes().to_vec())
    }
}

impl Decoding<blsig_secret_share> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<SecretShare<V>, Error> {
        SecretShare::from_bytes(bytes)
    }
}

impl Codec for blsig_signature_share {
    const TAGGING: Tagging = Tagging::Suite;
    type Of<V: Variant, S: Scheme> = SignatureShare<V, S>;
}

impl Encoding<blsig_signature_share> for Canonical {
    fn encode<V: Variant, S: Scheme>(share: &SignatureShare<V, S>) -> Zeroizing<Vec<u8>> {
        share.to_bytes().into()
    }
}

impl Decoding<blsig_signature_share> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<SignatureShare<V, S>, Error> {
        SignatureShare::from_bytes(bytes)
    }
}
