//! Multisignatures (Boneh–Drijvers–Neven): MSP n-of-n group keys, and ASM m-of-n groups
//! with dealer-free setup, membership keys, signing, combining and verifying.
//! Variable-length encodings go into caller buffers like every other encoding; each such
//! value has an `*_encoded_len` function.

use blsig_core::multisig::{
    AsmGroup, AsmGroupId, AsmSignature, Contribution, GroupKey, MemberSignature, MembershipKey,
    MspShare, MspSignature,
};
use blsig_core::{Error, ProvenPublicKey, PublicKey, Scheme, SecretKey, Variant, Zeroizing};

use crate::codec::{self, Canonical, Codec, Decoding, Encoding, Tagging};

use crate::ffi::{boundary, bytes, handle, into_handle, list_args, put, write_list};
use crate::handle::all;
use crate::handle::{
    Value, blsig_asm_group, blsig_asm_signature, blsig_contribution, blsig_group_key,
    blsig_member_signature, blsig_membership_key, blsig_msp_share, blsig_msp_signature,
    blsig_proven_public_key, blsig_public_key, blsig_secret_key,
};
use crate::keys::variant_number;
use crate::result::blsig_result;
use crate::signature::handles;
use crate::suite::{VariantOp, blsig_variant, by_variant};

fn tagged<V: Variant, T: std::any::Any + Send + Sync>(value: T) -> Value {
    Value::new(variant_number::<V>(), value)
}

/// The MSP group of `count` keys (any order; one variant).
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_DUPLICATE_KEY`, `BLSIG_GROUP_TOO_LARGE`,
/// `BLSIG_IDENTITY_PUBLIC_KEY`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_new(
    keys: *const *const blsig_public_key,
    count: usize,
    out: *mut *mut blsig_group_key,
) -> blsig_result {
    struct New<'a>(Vec<&'a Value>);
    impl VariantOp for New<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let keys = all::<PublicKey<V>>(&self.0)?;
            Ok(tagged::<V, _>(GroupKey::new(&keys)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let keys = handles(keys, count)?;
        let first = keys.first().ok_or(blsig_result::BLSIG_EMPTY_INPUT)?;
        let value = by_variant(first.tag(), New(keys.clone()))??;
        put(out, into_handle(blsig_group_key(value)))
    })
}

/// Decodes a group key (`I2OSP(n, 4) ‖ P₁ ‖ … ‖ Pₙ`, canonical order), validating every key.
///
/// Errors: `BLSIG_INVALID_LENGTH`, the key decoding codes, `BLSIG_DUPLICATE_KEY`,
/// `BLSIG_NON_CANONICAL_ORDER`, `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_group_key,
) -> blsig_result {
    codec::from_bytes::<blsig_group_key, Canonical>(variant, data, len, out)
}

/// The length of the group key's encoding (0 for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_encoded_len(group: *const blsig_group_key) -> usize {
    codec::encoded_len::<blsig_group_key, Canonical>(group)
}

/// Writes the group key's encoding into `out` and its length into `*written` (may be
/// NULL).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_to_bytes(
    group: *const blsig_group_key,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_group_key, Canonical>(group, out, out_len, written)
}

/// The aggregated key P = Σ aᵢ·Pᵢ as a new public-key handle.
///
/// Errors: `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_aggregate_key(
    group: *const blsig_group_key,
    out: *mut *mut blsig_public_key,
) -> blsig_result {
    struct Key<'a>(&'a Value);
    impl VariantOp for Key<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(tagged::<V, _>(
                *self.0.get::<GroupKey<V>>()?.aggregate_key(),
            ))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let g = &handle(group)?.0;
        let key = by_variant(g.tag(), Key(g))??;
        put(out, into_handle(blsig_public_key(key)))
    })
}

/// Frees a group key. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_group_key_free(group: *mut blsig_group_key) {
    codec::free(group);
}

/// MSP: member `sk` signs its share of `message` (Sᵢ = skᵢ·H₀(m)).
///
/// Errors: `BLSIG_NOT_A_MEMBER`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_sign_share(
    group: *const blsig_group_key,
    sk: *const blsig_secret_key,
    message: *const u8,
    message_len: usize,
    out: *mut *mut blsig_msp_share,
) -> blsig_result {
    struct Sign<'a>(&'a Value, &'a Value, &'a [u8]);
    impl VariantOp for Sign<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<GroupKey<V>>()?;
            let sk = self.1.get::<SecretKey<V>>()?;
            Ok(tagged::<V, _>(g.sign_share(sk, self.2)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let (g, sk) = (&handle(group)?.0, &handle(sk)?.0);
        let value = by_variant(g.tag(), Sign(g, sk, bytes(message, message_len)?))??;
        put(out, into_handle(blsig_msp_share(value)))
    })
}

/// MSP: checks one share, e(G, Sᵢ) = e(Pᵢ, H₀(m)).
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_verify_share(
    group: *const blsig_group_key,
    message: *const u8,
    message_len: usize,
    share: *const blsig_msp_share,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a [u8], &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<GroupKey<V>>()?;
            Ok(g.verify_share(self.1, self.2.get::<MspShare<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, share) = (&handle(group)?.0, &handle(share)?.0);
        by_variant(g.tag(), Check(g, bytes(message, message_len)?, share))?
    })
}

/// MSP: combines the shares of all n members (any order) into S = Σ aᵢ·Sᵢ.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_DUPLICATE_KEY`,
/// `BLSIG_MISSING_SHARE`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_combine(
    group: *const blsig_group_key,
    shares: *const *const blsig_msp_share,
    count: usize,
    out: *mut *mut blsig_msp_signature,
) -> blsig_result {
    struct Combine<'a>(&'a Value, Vec<&'a Value>);
    impl VariantOp for Combine<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<GroupKey<V>>()?;
            let shares = all::<MspShare<V>>(&self.1)?;
            Ok(tagged::<V, _>(g.combine(&shares)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let g = &handle(group)?.0;
        let value = by_variant(g.tag(), Combine(g, handles(shares, count)?))??;
        put(out, into_handle(blsig_msp_signature(value)))
    })
}

/// MSP: verifies an n-of-n signature, e(G, S) = e(P, H₀(m)).
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_verify(
    group: *const blsig_group_key,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_msp_signature,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a [u8], &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<GroupKey<V>>()?;
            Ok(g.verify(self.1, self.2.get::<MspSignature<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, sig) = (&handle(group)?.0, &handle(sig)?.0);
        by_variant(g.tag(), Check(g, bytes(message, message_len)?, sig))?
    })
}

/// Writes an MSP share (`I2OSP(i, 8) ‖ Sᵢ`) into `out`, its length into `*written`.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_share_to_bytes(
    share: *const blsig_msp_share,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_msp_share, Canonical>(share, out, out_len, written)
}

/// Writes an MSP signature (the compressed point S) into `out`.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_signature_to_bytes(
    sig: *const blsig_msp_signature,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_msp_signature, Canonical>(sig, out, out_len, written)
}

/// Decodes an MSP share (the index is range-checked when the share is used).
///
/// Errors: `BLSIG_INVALID_LENGTH`, the point decoding codes, `BLSIG_INDEX_OUT_OF_RANGE`,
/// `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_share_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_msp_share,
) -> blsig_result {
    codec::from_bytes::<blsig_msp_share, Canonical>(variant, data, len, out)
}

/// Decodes an MSP signature, with the subgroup check.
///
/// Errors: the point decoding codes, `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_signature_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_msp_signature,
) -> blsig_result {
    codec::from_bytes::<blsig_msp_signature, Canonical>(variant, data, len, out)
}

/// Frees an MSP share. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_share_free(share: *mut blsig_msp_share) {
    codec::free(share);
}

/// Frees an MSP signature. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_msp_signature_free(sig: *mut blsig_msp_signature) {
    codec::free(sig);
}

/// ASM: the m-of-n group of `count` proven keys (any order; one variant) with threshold
/// `threshold`. Proofs of possession are required: ASM sums signers' keys.
///
/// Errors: as `blsig_group_key_new`; `BLSIG_INVALID_THRESHOLD` unless 1 ≤ threshold ≤ n.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_new(
    keys: *const *const blsig_proven_public_key,
    count: usize,
    threshold: usize,
    out: *mut *mut blsig_asm_group,
) -> blsig_result {
    struct New<'a>(Vec<&'a Value>, usize);
    impl VariantOp for New<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let keys = all::<ProvenPublicKey<V>>(&self.0)?;
            Ok(tagged::<V, _>(AsmGroup::new(&keys, self.1)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let keys = handles(keys, count)?;
        let first = keys.first().ok_or(blsig_result::BLSIG_EMPTY_INPUT)?;
        let value = by_variant(first.tag(), New(keys.clone(), threshold))??;
        put(out, into_handle(blsig_asm_group(value)))
    })
}

/// ASM: decodes a group (`I2OSP(m, 4) ‖ group key`) and checks that it has the identity
/// `id` (`I2OSP(m, 4) ‖ P`, from `blsig_asm_group_id` of a trusted source). There is no
/// decoder without an expected identity.
///
/// Errors: as `blsig_group_key_from_bytes`; `BLSIG_GROUP_ID_MISMATCH`,
/// `BLSIG_INVALID_THRESHOLD`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    id: *const u8,
    id_len: usize,
    out: *mut *mut blsig_asm_group,
) -> blsig_result {
    struct Decode<'a>(&'a [u8], &'a [u8]);
    impl VariantOp for Decode<'_> {
        type Out = Result<Value, Error>;
        fn run<V: Variant>(self) -> Self::Out {
            let id = AsmGroupId::<V>::from_bytes(self.1)?;
            Ok(tagged::<V, _>(AsmGroup::<V>::from_bytes(self.0, &id)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let value = by_variant(variant, Decode(bytes(data, len)?, bytes(id, id_len)?))??;
        put(out, into_handle(blsig_asm_group(value)))
    })
}

/// The length of the ASM group's encoding (0 for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_encoded_len(group: *const blsig_asm_group) -> usize {
    codec::encoded_len::<blsig_asm_group, Canonical>(group)
}

/// Writes the ASM group's encoding into `out`, its length into `*written`.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_to_bytes(
    group: *const blsig_asm_group,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_asm_group, Canonical>(group, out, out_len, written)
}

/// Writes the group's identity `I2OSP(m, 4) ‖ P` (52 bytes min-pk, 100 min-sig): what a
/// verifier must know authentically.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_id(
    group: *const blsig_asm_group,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_asm_group, GroupId>(group, out, out_len, written)
}

/// The member index of `pk` in the group (canonical order) through `*index`.
///
/// Errors: `BLSIG_NOT_A_MEMBER`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_index_of(
    group: *const blsig_asm_group,
    pk: *const blsig_public_key,
    index: *mut usize,
) -> blsig_result {
    struct Find<'a>(&'a Value, &'a Value);
    impl VariantOp for Find<'_> {
        type Out = Result<usize, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            let pk = self.1.get::<PublicKey<V>>()?;
            g.group_key()
                .index_of(pk)
                .ok_or(blsig_result::BLSIG_NOT_A_MEMBER)
        }
    }
    boundary(|| {
        let (g, pk) = (&handle(group)?.0, &handle(pk)?.0);
        let i = by_variant(g.tag(), Find(g, pk))??;
        put(index, i)
    })
}

/// Setup, step 1: member `sk`'s n contributions, one per member (itself included), as
/// new handles in `out[0..n]` (`capacity` ≥ n), n through `*count`. Send contribution i's
/// bytes to member i alone, over a private, authenticated channel; free every handle.
///
/// Errors: `BLSIG_NOT_A_MEMBER`, `BLSIG_BUFFER_TOO_SMALL` (no handle made; `*count` is
/// n, so `(NULL, 0)` probes the size), `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`
/// (`count` NULL, or `out` NULL with a nonzero capacity).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_contributions(
    group: *const blsig_asm_group,
    sk: *const blsig_secret_key,
    out: *mut *mut blsig_contribution,
    capacity: usize,
    count: *mut usize,
) -> blsig_result {
    struct Make<'a>(&'a Value, &'a Value);
    impl VariantOp for Make<'_> {
        type Out = Result<Vec<Value>, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            let sk = self.1.get::<SecretKey<V>>()?;
            Ok(g.contributions(sk)?
                .into_iter()
                .map(tagged::<V, _>)
                .collect())
        }
    }
    boundary(|| {
        list_args(out, capacity, count)?;
        let (g, sk) = (&handle(group)?.0, &handle(sk)?.0);
        let made = by_variant(g.tag(), Make(g, sk))??;
        if made.len() > capacity {
            // The size, and no handle to leak.
            put(count, made.len())?;
            return Err(blsig_result::BLSIG_BUFFER_TOO_SMALL);
        }
        let ptrs: Vec<*mut blsig_contribution> = made
            .into_iter()
            .map(|v| into_handle(blsig_contribution(v)))
            .collect();
        write_list(out, capacity, &ptrs, count)
    })
}

/// The recipient member index of a contribution (`SIZE_MAX` for NULL).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_contribution_recipient(c: *const blsig_contribution) -> usize {
    struct To<'a>(&'a Value);
    impl VariantOp for To<'_> {
        type Out = Option<usize>;
        fn run<V: Variant>(self) -> Self::Out {
            self.0.get::<Contribution<V>>().ok().map(Contribution::to)
        }
    }
    handle(c)
        .ok()
        .and_then(|c| by_variant(c.0.tag(), To(&c.0)).ok().flatten())
        .unwrap_or(usize::MAX)
}

/// Writes a contribution's secret encoding (`I2OSP(j, 8) ‖ I2OSP(i, 8) ‖ μ`) into `out`;
/// wipe the buffer once sent.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_contribution_to_bytes(
    c: *const blsig_contribution,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_contribution, Canonical>(c, out, out_len, written)
}

/// Decodes a received contribution.
///
/// Errors: length, index and point decoding codes, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_contribution_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_contribution,
) -> blsig_result {
    codec::from_bytes::<blsig_contribution, Canonical>(variant, data, len, out)
}

/// Frees a contribution, zeroizing it. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_contribution_free(c: *mut blsig_contribution) {
    codec::free(c);
}

/// Checks one contribution alone, e(G, μᵢⱼ) = e(aⱼ·Pⱼ, H₂(id, i)): a failing one names
/// its sender.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_verify_contribution(
    group: *const blsig_asm_group,
    c: *const blsig_contribution,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            Ok(g.verify_contribution(self.1.get::<Contribution<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, c) = (&handle(group)?.0, &handle(c)?.0);
        by_variant(g.tag(), Check(g, c))?
    })
}

/// Setup, step 2: member `index` sums the `count` contributions it received (one from
/// every member) into its membership key, checked before it is returned.
///
/// Errors: `BLSIG_COUNT_MISMATCH`, `BLSIG_WRONG_RECIPIENT`, `BLSIG_INDEX_OUT_OF_RANGE`,
/// `BLSIG_DUPLICATE_KEY`, `BLSIG_VERIFICATION_FAILED` (`blsig_asm_verify_contribution`
/// finds the sender), `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_membership_key(
    group: *const blsig_asm_group,
    index: usize,
    contributions: *const *const blsig_contribution,
    count: usize,
    out: *mut *mut blsig_membership_key,
) -> blsig_result {
    struct Sum<'a>(&'a Value, usize, Vec<&'a Value>);
    impl VariantOp for Sum<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            // Contributions are secret and deliberately not `Clone`: the core takes them
            // by value, so each is re-read from its (zeroized) encoding.
            let owned = self
                .2
                .iter()
                .map(|c| {
                    let c = c.get::<Contribution<V>>()?;
                    Ok(Contribution::<V>::from_bytes(&c.to_bytes())?)
                })
                .collect::<Result<Vec<_>, blsig_result>>()?;
            Ok(tagged::<V, _>(g.membership_key(self.1, &owned)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let g = &handle(group)?.0;
        let value = by_variant(g.tag(), Sum(g, index, handles(contributions, count)?))??;
        put(out, into_handle(blsig_membership_key(value)))
    })
}

/// Writes a membership key's secret encoding (`I2OSP(i, 8) ‖ MK`); wipe the buffer after.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_membership_key_to_bytes(
    mk: *const blsig_membership_key,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_membership_key, Canonical>(mk, out, out_len, written)
}

/// Decodes a membership key; check it with `blsig_asm_verify_membership_key` before use.
///
/// Errors: length, index and point decoding codes, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_membership_key_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_membership_key,
) -> blsig_result {
    codec::from_bytes::<blsig_membership_key, Canonical>(variant, data, len, out)
}

/// Frees a membership key, zeroizing it. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_membership_key_free(mk: *mut blsig_membership_key) {
    codec::free(mk);
}

/// Checks a membership key, e(G, MKᵢ) = e(P, H₂(id, i)).
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_verify_membership_key(
    group: *const blsig_asm_group,
    mk: *const blsig_membership_key,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            Ok(g.verify_membership_key(self.1.get::<MembershipKey<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, mk) = (&handle(group)?.0, &handle(mk)?.0);
        by_variant(g.tag(), Check(g, mk))?
    })
}

/// Member `sk` holding `mk` signs `message`: Sᵢ = skᵢ·H₀(id, m) + MKᵢ.
///
/// Errors: `BLSIG_NOT_A_MEMBER` (also for another member's membership key),
/// `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_sign(
    group: *const blsig_asm_group,
    sk: *const blsig_secret_key,
    mk: *const blsig_membership_key,
    message: *const u8,
    message_len: usize,
    out: *mut *mut blsig_member_signature,
) -> blsig_result {
    struct Sign<'a>(&'a Value, &'a Value, &'a Value, &'a [u8]);
    impl VariantOp for Sign<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            let sk = self.1.get::<SecretKey<V>>()?;
            let mk = self.2.get::<MembershipKey<V>>()?;
            Ok(tagged::<V, _>(g.sign(sk, mk, self.3)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let (g, sk, mk) = (&handle(group)?.0, &handle(sk)?.0, &handle(mk)?.0);
        let value = by_variant(g.tag(), Sign(g, sk, mk, bytes(message, message_len)?))??;
        put(out, into_handle(blsig_member_signature(value)))
    })
}

/// Checks one member's signature, e(G, Sᵢ) = e(Pᵢ, H₀(id, m)) · e(P, H₂(id, i)).
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_SUITE_MISMATCH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_verify_member_signature(
    group: *const blsig_asm_group,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_member_signature,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a [u8], &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            Ok(g.verify_member_signature(self.1, self.2.get::<MemberSignature<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, s) = (&handle(group)?.0, &handle(sig)?.0);
        by_variant(g.tag(), Check(g, bytes(message, message_len)?, s))?
    })
}

/// Writes a member signature (`I2OSP(i, 8) ‖ Sᵢ`).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_member_signature_to_bytes(
    sig: *const blsig_member_signature,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_member_signature, Canonical>(sig, out, out_len, written)
}

/// Decodes a member signature.
///
/// Errors: length, index and point decoding codes, `BLSIG_INVALID_SUITE`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_member_signature_from_bytes(
    variant: blsig_variant,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_member_signature,
) -> blsig_result {
    codec::from_bytes::<blsig_member_signature, Canonical>(variant, data, len, out)
}

/// Frees a member signature. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_member_signature_free(sig: *mut blsig_member_signature) {
    codec::free(sig);
}

/// Combines member signatures (any order) into S' = Σ Sᵢ with the signer bitmap.
///
/// Errors: `BLSIG_EMPTY_INPUT`, `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_DUPLICATE_KEY`,
/// `BLSIG_BELOW_THRESHOLD`, `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_combine(
    group: *const blsig_asm_group,
    sigs: *const *const blsig_member_signature,
    count: usize,
    out: *mut *mut blsig_asm_signature,
) -> blsig_result {
    struct Combine<'a>(&'a Value, Vec<&'a Value>);
    impl VariantOp for Combine<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            let sigs = all::<MemberSignature<V>>(&self.1)?;
            Ok(tagged::<V, _>(g.combine(&sigs)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let g = &handle(group)?.0;
        let value = by_variant(g.tag(), Combine(g, handles(sigs, count)?))??;
        put(out, into_handle(blsig_asm_signature(value)))
    })
}

/// Verifies an m-of-n signature: at least m signers and one multi-pairing. On success the
/// signers are `blsig_asm_signers`.
///
/// Errors: `BLSIG_VERIFICATION_FAILED`, `BLSIG_BELOW_THRESHOLD`, `BLSIG_COUNT_MISMATCH`
/// (a signature of another group size), `BLSIG_SUITE_MISMATCH`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_verify(
    group: *const blsig_asm_group,
    message: *const u8,
    message_len: usize,
    sig: *const blsig_asm_signature,
) -> blsig_result {
    struct Check<'a>(&'a Value, &'a [u8], &'a Value);
    impl VariantOp for Check<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            Ok(g.verify(self.1, self.2.get::<AsmSignature<V>>()?)?)
        }
    }
    boundary(|| {
        let (g, s) = (&handle(group)?.0, &handle(sig)?.0);
        by_variant(g.tag(), Check(g, bytes(message, message_len)?, s))?
    })
}

/// Writes the signers' member indices (ascending) into `out` (room for `capacity`), their
/// number into `*count`.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` (nothing written to `out`; `*count` is the number
/// needed, so `(NULL, 0)` probes the size), `BLSIG_NULL_POINTER` (`count` NULL, or `out`
/// NULL with a nonzero capacity).
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_signers(
    sig: *const blsig_asm_signature,
    out: *mut usize,
    capacity: usize,
    count: *mut usize,
) -> blsig_result {
    struct Signers<'a>(&'a Value);
    impl VariantOp for Signers<'_> {
        type Out = Result<Vec<usize>, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(self.0.get::<AsmSignature<V>>()?.signers())
        }
    }
    boundary(|| {
        list_args(out, capacity, count)?;
        let s = &handle(sig)?.0;
        let signers = by_variant(s.tag(), Signers(s))??;
        write_list(out, capacity, &signers, count)
    })
}

/// Writes an m-of-n signature (`bitmap ‖ S'`).
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_signature_to_bytes(
    sig: *const blsig_asm_signature,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    codec::to_bytes::<blsig_asm_signature, Canonical>(sig, out, out_len, written)
}

/// Decodes an m-of-n signature for `group` (the bitmap's size follows from the group).
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_NON_ZERO_PADDING`, the point decoding codes,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_signature_from_bytes(
    group: *const blsig_asm_group,
    data: *const u8,
    len: usize,
    out: *mut *mut blsig_asm_signature,
) -> blsig_result {
    struct Decode<'a>(&'a Value, &'a [u8]);
    impl VariantOp for Decode<'_> {
        type Out = Result<Value, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let g = self.0.get::<AsmGroup<V>>()?;
            Ok(tagged::<V, _>(g.signature_from_bytes(self.1)?))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let g = &handle(group)?.0;
        let value = by_variant(g.tag(), Decode(g, bytes(data, len)?))??;
        put(out, into_handle(blsig_asm_signature(value)))
    })
}

/// Frees an m-of-n signature. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_signature_free(sig: *mut blsig_asm_signature) {
    codec::free(sig);
}

/// Frees an ASM group. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_asm_group_free(group: *mut blsig_asm_group) {
    codec::free(group);
}

/// The form in which an ASM group's identity `I2OSP(m, 4) ‖ P` is written.
pub(crate) struct GroupId;

impl Encoding<blsig_asm_group> for GroupId {
    fn encode<V: Variant, S: Scheme>(group: &AsmGroup<V>) -> Zeroizing<Vec<u8>> {
        group.id().to_bytes().into()
    }
}

impl Codec for blsig_group_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = GroupKey<V>;
}

impl Encoding<blsig_group_key> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &GroupKey<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().into()
    }
}

impl Decoding<blsig_group_key> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<GroupKey<V>, Error> {
        GroupKey::from_bytes(bytes)
    }
}

impl Codec for blsig_msp_share {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = MspShare<V>;
}

impl Encoding<blsig_msp_share> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &MspShare<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().into()
    }
}

impl Decoding<blsig_msp_share> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<MspShare<V>, Error> {
        MspShare::from_bytes(bytes)
    }
}

impl Codec for blsig_msp_signature {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = MspSignature<V>;
}

impl Encoding<blsig_msp_signature> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &MspSignature<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().as_ref().to_vec().into()
    }
}

impl Decoding<blsig_msp_signature> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<MspSignature<V>, Error> {
        MspSignature::from_bytes(bytes)
    }
}

impl Codec for blsig_asm_group {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = AsmGroup<V>;
}

impl Encoding<blsig_asm_group> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &AsmGroup<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().into()
    }
}

impl Codec for blsig_contribution {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = Contribution<V>;
}

impl Encoding<blsig_contribution> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &Contribution<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes()
    }
}

impl Decoding<blsig_contribution> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<Contribution<V>, Error> {
        Contribution::from_bytes(bytes)
    }
}

impl Codec for blsig_membership_key {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = MembershipKey<V>;
}

impl Encoding<blsig_membership_key> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &MembershipKey<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes()
    }
}

impl Decoding<blsig_membership_key> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<MembershipKey<V>, Error> {
        MembershipKey::from_bytes(bytes)
    }
}

impl Codec for blsig_member_signature {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = MemberSignature<V>;
}

impl Encoding<blsig_member_signature> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &MemberSignature<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().into()
    }
}

impl Decoding<blsig_member_signature> for Canonical {
    fn decode<V: Variant, S: Scheme>(bytes: &[u8]) -> Result<MemberSignature<V>, Error> {
        MemberSignature::from_bytes(bytes)
    }
}

impl Codec for blsig_asm_signature {
    const TAGGING: Tagging = Tagging::Variant;
    type Of<V: Variant, S: Scheme> = AsmSignature<V>;
}

impl Encoding<blsig_asm_signature> for Canonical {
    fn encode<V: Variant, S: Scheme>(value: &AsmSignature<V>) -> Zeroizing<Vec<u8>> {
        value.to_bytes().into()
    }
}
