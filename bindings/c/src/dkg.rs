//! The dealerless threshold DKG (joint-Feldman with complaints) over byte messages: every
//! message a party sends or receives is its encoding, exactly as it travels. Commitments
//! (variable length), shares (40 bytes, secret: send privately), complaints (8 bytes) and
//! justifications (40 bytes, public) are passed as concatenations where they have a fixed
//! length.

use blsig_core::threshold::dkg::{
    DkgCommitment, DkgComplaint, DkgConfig, DkgJustification, DkgParty, DkgShare,
};
use blsig_core::{Error, Variant};

use crate::batch::{SeedRng, seed_rng};
use crate::ffi::{array, boundary, bytes, handle, handle_mut, into_handle, put, write};
use crate::handle::{Value, blsig_dkg_party, blsig_public_key_set, blsig_secret_share};
use crate::keys::{variant_number, write_encoding};
use crate::result::blsig_result;
use crate::suite::{VariantOp, blsig_variant, by_variant};

/// The party, until `blsig_dkg_finish` takes it.
type Party<V> = Option<DkgParty<V>>;

fn party<V: Variant>(value: &Value) -> Result<&DkgParty<V>, blsig_result> {
    value
        .get::<Party<V>>()?
        .as_ref()
        .ok_or(blsig_result::BLSIG_ALREADY_FINISHED)
}

fn chunks<T>(
    data: &[u8],
    len: usize,
    decode: fn(&[u8]) -> Result<T, Error>,
) -> Result<Vec<T>, blsig_result> {
    if data.len() % len != 0 {
        return Err(blsig_result::BLSIG_INVALID_LENGTH);
    }
    data.chunks(len)
        .map(|c| decode(c).map_err(blsig_result::from))
        .collect()
}

/// Party `index` (1-based) of an n-party DKG with threshold t deals its random polynomial,
/// derived from `seed` (32 random bytes) and `secret` (at least 32 bytes the party keeps
/// secret, such as its node key) through a hash, so that a bad random source alone does
/// not make the polynomial predictable.
///
/// Errors: `BLSIG_INVALID_THRESHOLD` unless 1 ≤ t ≤ n, `BLSIG_GROUP_TOO_LARGE`,
/// `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_SHORT_IKM` (secret shorter than 32 bytes),
/// `BLSIG_INVALID_LENGTH` (seed), `BLSIG_INVALID_SUITE`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)] // pointer–length pairs
pub extern "C" fn blsig_dkg_party_new(
    variant: blsig_variant,
    t: usize,
    n: usize,
    index: u32,
    secret: *const u8,
    secret_len: usize,
    seed: *const u8,
    seed_len: usize,
    out: *mut *mut blsig_dkg_party,
) -> blsig_result {
    struct New<'a>(DkgConfig, u32, &'a [u8], SeedRng);
    impl VariantOp for New<'_> {
        type Out = Result<Value, Error>;
        fn run<V: Variant>(mut self) -> Self::Out {
            let p: Party<V> = Some(DkgParty::<V>::new(self.0, self.1, self.2, &mut self.3)?);
            Ok(Value::new(variant_number::<V>(), p))
        }
    }
    boundary(|| {
        if out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let config = DkgConfig::new(t, n)?;
        let secret = bytes(secret, secret_len)?;
        let rng = seed_rng(bytes(seed, seed_len)?)?;
        let value = by_variant(variant, New(config, index, secret, rng))??;
        put(out, into_handle(blsig_dkg_party(value)))
    })
}

/// Round 1: writes the party's commitment (to broadcast) into `out`.
///
/// Errors: `BLSIG_BUFFER_TOO_SMALL` (`written`, if not NULL, is not set; the length is
/// 8 + t × the public-key length), `BLSIG_ALREADY_FINISHED` after `blsig_dkg_finish`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_commitment(
    p: *const blsig_dkg_party,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    struct Commit<'a>(&'a Value);
    impl VariantOp for Commit<'_> {
        type Out = Result<Vec<u8>, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(party::<V>(self.0)?.commitment().to_bytes())
        }
    }
    boundary(|| {
        let p = &handle(p)?.0;
        let encoded = by_variant(p.tag(), Commit(p))??;
        write_encoding(&encoded, out, out_len, written)
    })
}

/// Round 1: writes the 40-byte secret share for party `recipient` into `out` (`out_len`
/// exactly 40). Send it over a private channel, then wipe the buffer.
///
/// Errors: `BLSIG_INDEX_OUT_OF_RANGE`, `BLSIG_BUFFER_TOO_SMALL` unless `out_len == 40`,
/// `BLSIG_ALREADY_FINISHED` after `blsig_dkg_finish`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_share_for(
    p: *const blsig_dkg_party,
    recipient: u32,
    out: *mut u8,
    out_len: usize,
) -> blsig_result {
    struct Share<'a>(&'a Value, u32, *mut u8, usize);
    impl VariantOp for Share<'_> {
        type Out = Result<(), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let share = party::<V>(self.0)?.share_for(self.1)?;
            write(self.2, self.3, share.to_bytes().as_ref(), true)
        }
    }
    boundary(|| {
        let p = &handle(p)?.0;
        by_variant(p.tag(), Share(p, recipient, out, out_len))?
    })
}

/// Round 2: takes the `count` broadcast commitments (pointers and lengths) and the shares
/// sent to this party (`shares_len` bytes, a concatenation of 40-byte shares), checks each
/// share, and writes the complaints to broadcast (8 bytes each, concatenated) into
/// `complaints`; `*complaints_len` receives their total length.
///
/// A faulty dealer does not stop the round: a commitment from an index outside 1‥n, a
/// share addressed to another party, duplicated or conflicting messages are set aside,
/// and every dealer left without a valid share to this party gets a complaint.
///
/// Errors (only for messages that do not decode): the commitment and share decoding
/// codes, `BLSIG_INVALID_LENGTH` if `shares_len` is not a multiple of 40,
/// `BLSIG_BUFFER_TOO_SMALL` (capacity 8 × n always suffices), `BLSIG_NULL_POINTER`. On
/// error the party is unchanged.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_receive(
    p: *mut blsig_dkg_party,
    commitments: *const *const u8,
    commitment_lens: *const usize,
    count: usize,
    shares: *const u8,
    shares_len: usize,
    complaints: *mut u8,
    capacity: usize,
    complaints_len: *mut usize,
) -> blsig_result {
    struct Receive<'a>(&'a mut Value, Vec<&'a [u8]>, &'a [u8]);
    impl VariantOp for Receive<'_> {
        type Out = Result<Vec<u8>, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let commitments = self
                .1
                .iter()
                .map(|c| DkgCommitment::<V>::from_bytes(c))
                .collect::<Result<Vec<_>, Error>>()?;
            let shares = chunks(self.2, 40, DkgShare::<V>::from_bytes)?;
            let party = self
                .0
                .get_mut::<Party<V>>()?
                .as_mut()
                .ok_or(blsig_result::BLSIG_ALREADY_FINISHED)?;
            let filed = party.receive(&commitments, &shares);
            Ok(filed.iter().flat_map(DkgComplaint::to_bytes).collect())
        }
    }
    boundary(|| {
        if complaints_len.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let ptrs = array(commitments, count)?;
        let lens = array(commitment_lens, count)?;
        let encoded = ptrs
            .iter()
            .zip(lens)
            .map(|(&c, &l)| bytes(c, l))
            .collect::<Result<Vec<_>, _>>()?;
        let shares = bytes(shares, shares_len)?;
        let p = &mut handle_mut(p)?.0;
        let tag = p.tag();
        let out = by_variant(tag, Receive(p, encoded, shares))??;
        if out.is_empty() {
            return put(complaints_len, 0);
        }
        write_encoding(&out, complaints, capacity, complaints_len)
    })
}

/// Round 3: for the complaints against this party among `complaints` (all broadcast
/// complaints, 8 bytes each, concatenated), writes the justifications to broadcast (40
/// bytes each) into `out`; `*written` receives their total length.
///
/// Errors: `BLSIG_INVALID_LENGTH`, `BLSIG_INDEX_OUT_OF_RANGE` (a malformed complaint),
/// `BLSIG_BUFFER_TOO_SMALL`, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_justify(
    p: *const blsig_dkg_party,
    complaints: *const u8,
    complaints_len: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    struct Justify<'a>(&'a Value, &'a [u8]);
    impl VariantOp for Justify<'_> {
        type Out = Result<Vec<u8>, blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let complaints = chunks(self.1, 8, DkgComplaint::from_bytes)?;
            let answers = party::<V>(self.0)?.justify(&complaints);
            Ok(answers.iter().flat_map(|j| j.to_bytes()).collect())
        }
    }
    boundary(|| {
        if written.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let p = &handle(p)?.0;
        let encoded = by_variant(p.tag(), Justify(p, bytes(complaints, complaints_len)?))??;
        if encoded.is_empty() {
            return put(written, 0);
        }
        write_encoding(&encoded, out, out_len, written)
    })
}

/// Round 4: decides the qualified dealers from all broadcast complaints and
/// justifications (concatenations of 8- and 40-byte encodings) and writes this party's
/// secret share and the group's key set. The party is used up: later calls on it return
/// `BLSIG_ALREADY_FINISHED`; free it as usual.
///
/// Errors: `BLSIG_NOT_ENOUGH_QUALIFIED`, `BLSIG_MISSING_SHARE`, `BLSIG_IDENTITY_PUBLIC_KEY`,
/// the decoding codes, `BLSIG_ALREADY_FINISHED` if already finished, `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_finish(
    p: *mut blsig_dkg_party,
    complaints: *const u8,
    complaints_len: usize,
    justifications: *const u8,
    justifications_len: usize,
    share_out: *mut *mut blsig_secret_share,
    set_out: *mut *mut blsig_public_key_set,
) -> blsig_result {
    struct Finish<'a>(&'a mut Value, &'a [u8], &'a [u8]);
    impl VariantOp for Finish<'_> {
        type Out = Result<(Value, Value), blsig_result>;
        fn run<V: Variant>(self) -> Self::Out {
            let complaints = chunks(self.1, 8, DkgComplaint::from_bytes)?;
            let justifications = chunks(self.2, 40, DkgJustification::from_bytes)?;
            let slot = self.0.get_mut::<Party<V>>()?;
            let party = slot.take().ok_or(blsig_result::BLSIG_ALREADY_FINISHED)?;
            let out = party.finish(&complaints, &justifications)?;
            let tag = variant_number::<V>();
            Ok((
                Value::new(tag, out.share),
                Value::new(tag, out.public_key_set),
            ))
        }
    }
    boundary(|| {
        if share_out.is_null() || set_out.is_null() {
            return Err(blsig_result::BLSIG_NULL_POINTER);
        }
        let (complaints, justifications) = (
            bytes(complaints, complaints_len)?,
            bytes(justifications, justifications_len)?,
        );
        let p = &mut handle_mut(p)?.0;
        let tag = p.tag();
        let (share, set) = by_variant(tag, Finish(p, complaints, justifications))??;
        put(share_out, into_handle(blsig_secret_share(share)))?;
        put(set_out, into_handle(blsig_public_key_set(set)))
    })
}

/// Frees a DKG party, zeroizing its polynomial and received shares. NULL is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_dkg_party_free(p: *mut blsig_dkg_party) {
    crate::codec::free(p);
}
