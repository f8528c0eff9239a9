//! Secret keys, public keys, proofs of possession and proven keys.

use blsig_core::{
    Error, ProofOfPossession, ProvenPublicKey, PublicKey, Scheme, SecretKey, Variant, Zeroizing,
};

use crate::codec::{self, Canonical, Codec, Decoding, Encoding, Tagging, Uncompressed};

use crate::ffi::{boundary, bytes, handle, into_handle, put, write};
use crate::handle::{
    Value, blsig_proof, blsig_proven_public_key, blsig_public_key, blsig_secret_key,
};
use crate::result::blsig_result;
use crate::suite::{VariantOp, blsig_variant, by_variant};

pub(crate) use blsig_bindings::variant_number;

/// How a secret key is made from caller bytes.
enum Make<'a> {
    KeyGen {
        ikm: &'a [u8],
        info: &'a [u8],
    },
    Salted {
        ikm: &'a [u8],
        salt: &'a [u8],
        info: &'a [u8],
    },
    Draft03 {
        ikm: &'a [u8],
        info: &'a [u8],
    },
}

impl VariantOp for Make<'_> {
    type Out = Result<Value, Error>;
    fn run<V: Variant>(self) -> Self::Out {
        let sk = match self {
            Make::KeyGen { ikm, info } => SecretKey::<V>::key_gen(ikm, info),
            Make::Salted { ikm, salt, info } => SecretKey::<V>::key_gen_with_salt(ikm, salt, info),
            Make::Draft03 { ikm, info } => SecretKey::<V>::key_gen_draft03(ikm, info),
        }?;
        Ok(Value::new(variant_number::<V>(), sk))
    }
}

fn make_secret_key(
    variant: blsig_variant,
    how: Make<'_>,
    out: *mut *mut blsig_secret_key,
) -> Result<(), blsig_result> {
    if out.is_null() {
        return Err(blsig_result::BLSIG_NULL_POINTER);
    }
    let value = by_variant(variant, how)??;
    put(out, into_handle(blsig_secret_key(value)))
}

/// KeyGen (draft-05 and later, §2.3) with the draft's salt: a secret key of `variant` from
/// `ikm_len ≥ 32` bytes of secret randomness and optional context `key_info` (NULL with
/// length 0 for none). On success `*out` is a new handle to free with
/// `blsig_secret_key_free`; on error `*out` is not written.
///
/// Errors: `BLSIG_SHORT_IKM`, `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_gen(
    variant: blsig_variant,
    ikm: *const u8,
    ikm_len: usize,
    key_info: *const u8,
    key_info_len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    boundary(|| {
        let how = Make::KeyGen {
            ikm: bytes(ikm, ikm_len)?,
            info: bytes(key_info, key_info_len)?,
        };
        make_secret_key(variant, how, out)
    })
}

/// KeyGen of draft-05 with a caller-chosen salt (the draft's salt parameter);
/// `blsig_secret_key_gen` is this with salt SHA-256("BLS-SIG-KEYGEN-SALT-").
///
/// Errors: as `blsig_secret_key_gen`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_gen_with_salt(
    variant: blsig_variant,
    ikm: *const u8,
    ikm_len: usize,
    salt: *const u8,
    salt_len: usize,
    key_info: *const u8,
    key_info_len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    boundary(|| {
        let how = Make::Salted {
            ikm: bytes(ikm, ikm_len)?,
            salt: bytes(salt, salt_len)?,
            info: bytes(key_info, key_info_len)?,
        };
        make_secret_key(variant, how, out)
    })
}

/// KeyGen as draft-03 defined it (raw salt, no minimum IKM length), to reproduce keys of
/// draft-03 implementations. Prefer `blsig_secret_key_gen`.
///
/// Errors: `BLSIG_INVALID_SECRET_KEY` (probability 2⁻²⁵⁵), `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_gen_draft03(
    variant: blsig_variant,
    ikm: *const u8,
    ikm_len: usize,
    key_info: *const u8,
    key_info_len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    boundary(|| {
        let how = Make::Draft03 {
            ikm: bytes(ikm, ikm_len)?,
            info: bytes(key_info, key_info_len)?,
        };
        make_secret_key(variant, how, out)
    })
}

/// Decodes a 32-byte big-endian secret key (0 < SK < r).
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_SECRET_KEY`, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_secret_key,
) -> blsig_result {
    codec::from_bytes::<blsig_secret_key, Canonical>(variant, data, len, out)
}

/// Writes the 32-byte big-endian encoding into `out`, whose length `out_len` must be
/// exactly 32 (`BLSIG_SECRET_KEY_LEN`). The caller should wipe the buffer after use.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` unless `out_len == 32`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_to_bytes(
    sk: *const blsig_secret_key,
    out: *mut u8,
    out_len: usize,
) -> blsig_result {
    codec::to_bytes_exact::<blsig_secret_key, Canonical>(sk, out, out_len)
}

/// SkToPk (§2.4): a new public-key handle for `sk`.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_public_key(
    sk: *const blsig_secret_key,
    out: *mut *mut blsig_public_key,
) -> blsig_result {
    struct ToPk<'a>(&'a Value);
    impl VariantOp for ToPk<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let pk = self.0.get::<SecretKey<V>>()?.public_key();
            Ok(Value::new(variant_number::<V>(), pk))
        }
    }
    boundary(|| {
        let sk = &handle(sk)?.0;
        let value = by_variant(sk.tag(), ToPk(sk))??;
        put(out, into_handle(blsig_public_key(value)))
    })
}

/// Frees a secret key, zeroizing it. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_secret_key_free(sk: *mut blsig_secret_key) {
    codec::free(sk);
}

/// Decodes a compressed public key (48 bytes min-pk, 96 min-sig) and runs KeyValidate:
/// length, flags, field range, on curve, in the subgroup, not the identity.
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INVALID_ENCODING`,
/// `BLSIG_FIELD_ELEMENT_OUT_OF_RANGE`, `BLSIG_NOT_ON_CURVE`, `BLSIG_NOT_IN_SUBGROUP`,
/// `BLSIG_IDENTITY_PUBLIC_KEY`, `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_public_key,
) -> blsig_result {
    codec::from_bytes::<blsig_public_key, Canonical>(variant, data, len, out)
}

/// Decodes an uncompressed public key (96 bytes min-pk, 192 min-sig) with KeyValidate.
///
/// Errors: as `blsig_public_key_from_bytes`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_from_uncompressed(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_public_key,
) -> blsig_result {
    codec::from_bytes::<blsig_public_key, Uncompressed>(variant, data, len, out)
}

/// Writes the compressed encoding into `out` (`out_len` at least
/// `BLSIG_MIN_PK_PUBLIC_KEY_LEN` / `BLSIG_MIN_SIG_PUBLIC_KEY_LEN`) and its length into
/// `*written` (which may be NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_to_bytes(
    pk: *const blsig_public_key,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_public_key, Canonical>(pk, out, out_len, written)
}

/// Writes the uncompressed encoding (x ‖ y: 96 bytes min-pk, 192 min-sig) into `out`
/// (`out_len` at least that) and its length into `*written` (which may be NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_to_uncompressed(
    pk: *const blsig_public_key,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_public_key, Uncompressed>(pk, out, out_len, written)
}

/// Writes an encoding and, when `written` is not NULL, its length.
pub(crate) fn write_encoding(
    encoded: &[u8],
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> Result<(), blsig_result> {
    write(out, out_len, encoded, false)?;
    if !written.is_null() {
        put(written, encoded.len())?;
    }
    Ok(())
}

/// Frees a public key. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_public_key_free(pk: *mut blsig_public_key) {
    codec::free(pk);
}

/// PopProve (§3.3.2): a proof of possession of `sk`.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_pop_prove(
    sk: *const blsig_secret_key,
    out: *mut *mut blsig_proof,
) -> blsig_result {
    struct Prove<'a>(&'a Value);
    impl VariantOp for Prove<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let proof = self.0.get::<SecretKey<V>>()?.prove_possession();
            Ok(Value::new(variant_number::<V>(), proof))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let sk = &handle(sk)?.0;
        let value = by_variant(sk.tag(), Prove(sk))??;
        put(out, into_handle(blsig_proof(value)))
    })
}

/// Decodes a compressed proof of possession (96 bytes min-pk, 48 min-sig), with the
/// subgroup check.
///
/// Errors: the decoding codes of `blsig_public_key_from_bytes` except
/// `BLSIG_IDENTITY_PUBLIC_KEY` (the identity is a valid encoding; it never verifies).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proof_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_proof,
) -> blsig_result {
    codec::from_bytes::<blsig_proof, Canonical>(variant, data, len, out)
}

/// Writes the compressed proof into `out` and its length into `*written` (may be NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proof_to_bytes(
    proof: *const blsig_proof,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_proof, Canonical>(proof, out, out_len, written)
}

/// Frees a proof. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proof_free(proof: *mut blsig_proof) {
    codec::free(proof);
}

/// PopVerify (§3.3.3): on success `*out` is a new proven-key handle, the only key type
/// FastAggregateVerify and Pop AggregateVerify accept.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH` (key and proof of different
/// variants), `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_pop_verify(
    pk: *const blsig_public_key,
    proof: *const blsig_proof,
    out: *mut *mut blsig_proven_public_key,
) -> blsig_result {
    struct Verify<'a>(&'a Value, &'a Value);
    impl VariantOp for Verify<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let pk = self.0.get::<PublicKey<V>>()?;
            let proof = self.1.get::<ProofOfPossession<V>>()?;
            let proven = pk.verify_possession(proof)?;
            Ok(Value::new(variant_number::<V>(), proven))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let (pk, proof) = (&handle(pk)?.0, &handle(proof)?.0);
        let value = by_variant(pk.tag(), Verify(pk, proof))??;
        put(out, into_handle(blsig_proven_public_key(value)))
    })
}

/// Marks a key as proven without a proof: only for keys whose proof was verified
/// elsewhere (Ethereum's deposit registry). A rogue key passed here lets its owner forge
/// aggregate signatures for honest keys.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proven_public_key_assume_proven(
    pk: *const blsig_public_key,
    out: *mut *mut blsig_proven_public_key,
) -> blsig_result {
    struct Assume<'a>(&'a Value);
    impl VariantOp for Assume<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let pk = *self.0.get::<PublicKey<V>>()?;
            Ok(Value::new(
                variant_number::<V>(),
                ProvenPublicKey::assume_proven(pk),
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let pk = &handle(pk)?.0;
        let value = by_variant(pk.tag(), Assume(pk))??;
        put(out, into_handle(blsig_proven_public_key(value)))
    })
}

/// Frees a proven key. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_proven_public_key_free(pk: *mut blsig_proven_public_key) {
    codec::free(pk);
}

impl Codec for blsig_secret_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = SecretKey<V>;
}

impl Encoding<blsig_secret_key> for Canonical {
    fn encode<V: Variant, S: Scheme>(key: &SecretKey<V>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(key.to_bytes().to_vec())
    }
}

impl Decoding<blsig_secret_key> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<SecretKey<V>, Error> {
        SecretKey::from_bytes(bytes)
    }
}

impl Codec for blsig_public_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = PublicKey<V>;
}

impl Encoding<blsig_public_key> for Canonical {
    fn encode<V: Variant, S: Scheme>(key: &PublicKey<V>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(key.to_bytes().as_ref().to_vec())
    }
}

impl Decoding<blsig_public_key> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<PublicKey<V>, Error> {
        PublicKey::from_bytes(bytes)
    }
}

impl Encoding<blsig_public_key> for Uncompressed {
    fn encode<V: Variant, S: Scheme>(key: &PublicKey<V>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(key.to_uncompressed().as_ref().to_vec())
    }
}

impl Decoding<blsig_public_key> for Uncompressed {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<PublicKey<V>, Error> {
        PublicKey::from_uncompressed(bytes)
    }
}

impl Codec for blsig_proof {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = ProofOfPossession<V>;
}

impl Encoding<blsig_proof> for Canonical {
    fn encode<V: Variant, S: Scheme>(proof: &ProofOfPossession<V>) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(proof.to_bytes().as_ref().to_vec())
    }
}

impl Decoding<blsig_proof> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<ProofOfPossession<V>, Error> {
        ProofOfPossession::from_bytes(bytes)
    }
}

impl Codec for blsig_proven_public_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = ProvenPublicKey<V>;
}
