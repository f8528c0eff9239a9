//! The result codes: one frozen `#[repr(u32)]` enum. `BLSIG_OK` is 0 and everything else
//! is non-zero, so `if (rc != BLSIG_OK) { reject; }` fails closed — a signature that does
//! not verify is `BLSIG_VERIFICATION_FAILED`, never a boolean.

use std::ffi::{CStr, c_char};

use blsig_core::Error;

/// The outcome of every fallible call. The values are frozen: a value never changes its
/// meaning, new codes are only appended.
///
/// Codes 1–37 are the core library's errors, one each; codes from 100 come from the C
/// boundary itself.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum blsig_result {
    /// Success.
    BLSIG_OK = 0,
    /// A byte string had the wrong length.
    BLSIG_INVALID_LENGTH = 1,
    /// The flag bits of a point encoding are not a valid combination.
    BLSIG_INVALID_ENCODING = 2,
    /// A field element in an encoding is not less than p.
    BLSIG_FIELD_ELEMENT_OUT_OF_RANGE = 3,
    /// The encoded coordinates are not a point on the curve.
    BLSIG_NOT_ON_CURVE = 4,
    /// The point is on the curve but not in the prime-order subgroup.
    BLSIG_NOT_IN_SUBGROUP = 5,
    /// A public key is the point at infinity.
    BLSIG_IDENTITY_PUBLIC_KEY = 6,
    /// A secret key is zero or not less than r.
    BLSIG_INVALID_SECRET_KEY = 7,
    /// KeyGen input keying material is shorter than 32 bytes.
    BLSIG_SHORT_IKM = 8,
    /// A domain separation tag is empty.
    BLSIG_INVALID_DST = 9,
    /// An `expand_message_xmd` output length is out of range.
    BLSIG_INVALID_OUTPUT_LENGTH = 10,
    /// An operation that needs at least one input got none.
    BLSIG_EMPTY_INPUT = 11,
    /// Basic-scheme AggregateVerify got two equal messages.
    BLSIG_DUPLICATE_MESSAGE = 12,
    /// Two arrays that must be the same length are not.
    BLSIG_LENGTH_MISMATCH = 13,
    /// A group lists the same key twice, or a set names the same member twice.
    BLSIG_DUPLICATE_KEY = 14,
    /// Group keys are not in canonical order.
    BLSIG_NON_CANONICAL_ORDER = 15,
    /// A key is not a member of the group.
    BLSIG_NOT_A_MEMBER = 16,
    /// A member index is out of range.
    BLSIG_INDEX_OUT_OF_RANGE = 17,
    /// Signer-bitmap padding bits are set.
    BLSIG_NON_ZERO_PADDING = 18,
    /// A setup contribution is addressed to another member.
    BLSIG_WRONG_RECIPIENT = 19,
    /// A group has more than 2³² − 1 members.
    BLSIG_GROUP_TOO_LARGE = 20,
    /// A number of items does not match the group size.
    BLSIG_COUNT_MISMATCH = 21,
    /// A threshold is zero or above the group size.
    BLSIG_INVALID_THRESHOLD = 22,
    /// Fewer signers than the threshold.
    BLSIG_BELOW_THRESHOLD = 23,
    /// A required share is missing (an n-of-n combination, or a DKG party's).
    BLSIG_MISSING_SHARE = 24,
    /// A group does not have the expected identity.
    BLSIG_GROUP_ID_MISMATCH = 25,
    /// The signature (or proof of possession) did not verify.
    BLSIG_VERIFICATION_FAILED = 26,
    /// A key-derivation path is not of the EIP-2334 form.
    BLSIG_INVALID_PATH = 27,
    /// A key-derivation path index is 2³² or more.
    BLSIG_PATH_INDEX_OUT_OF_RANGE = 28,
    /// A path is not one of EIP-2334's validator paths.
    BLSIG_NOT_A_VALIDATOR_PATH = 29,
    /// A keystore is not well-formed EIP-2335 JSON.
    BLSIG_MALFORMED_KEYSTORE = 30,
    /// A keystore's version is not 4.
    BLSIG_UNSUPPORTED_KEYSTORE_VERSION = 31,
    /// A keystore names an unsupported kdf, PRF, checksum or cipher.
    BLSIG_UNSUPPORTED_KEYSTORE_FUNCTION = 32,
    /// A keystore's kdf parameters exceed the bounds.
    BLSIG_KEYSTORE_PARAMETER_OUT_OF_BOUNDS = 33,
    /// The password does not open the keystore.
    BLSIG_WRONG_PASSWORD = 34,
    /// A keystore's public key is not its secret's.
    BLSIG_KEYSTORE_PUBLIC_KEY_MISMATCH = 35,
    /// A threshold share identifier is zero or not below r.
    BLSIG_INVALID_SHARE_ID = 36,
    /// A DKG ended with fewer qualified dealers than its threshold.
    BLSIG_NOT_ENOUGH_QUALIFIED = 37,
    /// Public key shares do not lie on one polynomial, or not on the group key's.
    BLSIG_INCONSISTENT_SHARES = 38,
    /// A required pointer was NULL (or NULL with a non-zero length).
    BLSIG_NULL_POINTER = 100,
    /// An output buffer is shorter than the value (or, for secret keys, not exactly 32).
    BLSIG_BUFFER_TOO_SMALL = 101,
    /// A Rust panic was caught at the boundary (a bug in this library; please report it).
    BLSIG_PANIC = 102,
    /// A suite or variant number is not one of the `BLSIG_SUITE_*` / `BLSIG_VARIANT_*`
    /// values.
    BLSIG_INVALID_SUITE = 103,
    /// Handles of different variants or schemes were combined (a min-sig key with a
    /// min-pk signature, a Basic signature where a Pop one is needed).
    BLSIG_SUITE_MISMATCH = 104,
    /// A core error this version of the binding does not know (never returned by a
    /// binding built together with its core).
    BLSIG_UNKNOWN_ERROR = 105,
    /// A DKG party was used after `blsig_dkg_finish` took it.
    BLSIG_ALREADY_FINISHED = 106,
}

impl From<Error> for blsig_result {
    fn from(e: Error) -> Self {
        use blsig_result::*;
        match e {
            Error::InvalidLength { .. } => BLSIG_INVALID_LENGTH,
            Error::InvalidEncoding => BLSIG_INVALID_ENCODING,
            Error::FieldElementOutOfRange => BLSIG_FIELD_ELEMENT_OUT_OF_RANGE,
            Error::NotOnCurve => BLSIG_NOT_ON_CURVE,
            Error::NotInSubgroup => BLSIG_NOT_IN_SUBGROUP,
            Error::IdentityPublicKey => BLSIG_IDENTITY_PUBLIC_KEY,
            Error::InvalidSecretKey => BLSIG_INVALID_SECRET_KEY,
            Error::ShortIkm => BLSIG_SHORT_IKM,
            Error::InvalidDst => BLSIG_INVALID_DST,
            Error::InvalidOutputLength => BLSIG_INVALID_OUTPUT_LENGTH,
            Error::EmptyInput => BLSIG_EMPTY_INPUT,
            Error::DuplicateMessage => BLSIG_DUPLICATE_MESSAGE,
            Error::LengthMismatch => BLSIG_LENGTH_MISMATCH,
            Error::DuplicateKey => BLSIG_DUPLICATE_KEY,
            Error::NonCanonicalOrder => BLSIG_NON_CANONICAL_ORDER,
            Error::NotAMember => BLSIG_NOT_A_MEMBER,
            Error::IndexOutOfRange => BLSIG_INDEX_OUT_OF_RANGE,
            Error::NonZeroPadding => BLSIG_NON_ZERO_PADDING,
            Error::WrongRecipient => BLSIG_WRONG_RECIPIENT,
            Error::GroupTooLarge => BLSIG_GROUP_TOO_LARGE,
            Error::CountMismatch { .. } => BLSIG_COUNT_MISMATCH,
            Error::InvalidThreshold => BLSIG_INVALID_THRESHOLD,
            Error::BelowThreshold => BLSIG_BELOW_THRESHOLD,
            Error::MissingShare => BLSIG_MISSING_SHARE,
            Error::GroupIdMismatch => BLSIG_GROUP_ID_MISMATCH,
            Error::VerificationFailed => BLSIG_VERIFICATION_FAILED,
            Error::InvalidPath => BLSIG_INVALID_PATH,
            Error::PathIndexOutOfRange => BLSIG_PATH_INDEX_OUT_OF_RANGE,
            Error::NotAValidatorPath => BLSIG_NOT_A_VALIDATOR_PATH,
            Error::MalformedKeystore => BLSIG_MALFORMED_KEYSTORE,
            Error::UnsupportedKeystoreVersion => BLSIG_UNSUPPORTED_KEYSTORE_VERSION,
            Error::UnsupportedKeystoreFunction => BLSIG_UNSUPPORTED_KEYSTORE_FUNCTION,
            Error::KeystoreParameterOutOfBounds => BLSIG_KEYSTORE_PARAMETER_OUT_OF_BOUNDS,
            Error::WrongPassword => BLSIG_WRONG_PASSWORD,
            Error::KeystorePublicKeyMismatch => BLSIG_KEYSTORE_PUBLIC_KEY_MISMATCH,
            Error::InvalidShareId => BLSIG_INVALID_SHARE_ID,
            Error::NotEnoughQualified => BLSIG_NOT_ENOUGH_QUALIFIED,
            Error::InconsistentShares => BLSIG_INCONSISTENT_SHARES,
            _ => BLSIG_UNKNOWN_ERROR,
        }
    }
}

/// Every code with its text, in value order (the table `blsig_result_str` reads).
const TEXTS: &[(u32, &CStr)] = &[
    (0, c"ok"),
    (1, c"invalid length"),
    (2, c"invalid point encoding flags"),
    (3, c"field element not less than p"),
    (4, c"point not on the curve"),
    (5, c"point not in the prime-order subgroup"),
    (6, c"public key is the identity"),
    (7, c"secret key is zero or not less than r"),
    (8, c"key material shorter than 32 bytes"),
    (9, c"empty domain separation tag"),
    (10, c"expand_message_xmd length out of range"),
    (11, c"empty input"),
    (12, c"duplicate message in Basic-scheme aggregate"),
    (13, c"mismatched input lengths"),
    (14, c"duplicate member"),
    (15, c"group keys not in canonical order"),
    (16, c"key is not a group member"),
    (17, c"member index out of range"),
    (18, c"signer bitmap padding bits set"),
    (19, c"contribution addressed to another member"),
    (20, c"more than 2^32 - 1 group members"),
    (21, c"item count does not match the group"),
    (22, c"threshold is zero or above the group size"),
    (23, c"fewer signers than the threshold"),
    (24, c"a required share is missing"),
    (25, c"group does not have the expected identity"),
    (26, c"verification failed"),
    (27, c"malformed key-derivation path"),
    (28, c"path index not below 2^32"),
    (29, c"not an EIP-2334 validator path"),
    (30, c"malformed EIP-2335 keystore"),
    (31, c"keystore version is not 4"),
    (32, c"unsupported keystore kdf, prf, checksum or cipher"),
    (33, c"keystore kdf parameters out of bounds"),
    (34, c"wrong password, or the keystore is damaged"),
    (35, c"keystore public key does not match its secret"),
    (36, c"share identifier is zero or not below r"),
    (37, c"fewer qualified DKG dealers than the threshold"),
    (
        38,
        c"public key shares are inconsistent with the threshold or group key",
    ),
    (100, c"null pointer"),
    (101, c"output buffer too small"),
    (102, c"internal panic caught at the C boundary"),
    (103, c"unknown suite or variant"),
    (104, c"handles of different suites combined"),
    (105, c"unknown core error"),
    (106, c"DKG party already finished"),
];

/// A static, NUL-terminated English description of a result code; `"unknown result code"`
/// for a value that is not one. Never NULL; do not free it.
///
/// Takes the code as an integer, so that any value a C caller passes is defined behaviour.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_result_str(code: u32) -> *const c_char {
    TEXTS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(c"unknown result code", |(_, text)| text)
        .as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_text_and_the_values_are_frozen() {
        use blsig_result::*;
        let all = [
            BLSIG_OK,
            BLSIG_INVALID_LENGTH,
            BLSIG_INVALID_ENCODING,
            BLSIG_FIELD_ELEMENT_OUT_OF_RANGE,
            BLSIG_NOT_ON_CURVE,
            BLSIG_NOT_IN_SUBGROUP,
            BLSIG_IDENTITY_PUBLIC_KEY,
            BLSIG_INVALID_SECRET_KEY,
            BLSIG_SHORT_IKM,
            BLSIG_INVALID_DST,
            BLSIG_INVALID_OUTPUT_LENGTH,
            BLSIG_EMPTY_INPUT,
            BLSIG_DUPLICATE_MESSAGE,
            BLSIG_LENGTH_MISMATCH,
            BLSIG_DUPLICATE_KEY,
            BLSIG_NON_CANONICAL_ORDER,
            BLSIG_NOT_A_MEMBER,
            BLSIG_INDEX_OUT_OF_RANGE,
            BLSIG_NON_ZERO_PADDING,
            BLSIG_WRONG_RECIPIENT,
            BLSIG_GROUP_TOO_LARGE,
            BLSIG_COUNT_MISMATCH,
            BLSIG_INVALID_THRESHOLD,
            BLSIG_BELOW_THRESHOLD,
            BLSIG_MISSING_SHARE,
            BLSIG_GROUP_ID_MISMATCH,
            BLSIG_VERIFICATION_FAILED,
            BLSIG_INVALID_PATH,
            BLSIG_PATH_INDEX_OUT_OF_RANGE,
            BLSIG_NOT_A_VALIDATOR_PATH,
            BLSIG_MALFORMED_KEYSTORE,
            BLSIG_UNSUPPORTED_KEYSTORE_VERSION,
            BLSIG_UNSUPPORTED_KEYSTORE_FUNCTION,
            BLSIG_KEYSTORE_PARAMETER_OUT_OF_BOUNDS,
            BLSIG_WRONG_PASSWORD,
            BLSIG_KEYSTORE_PUBLIC_KEY_MISMATCH,
            BLSIG_INVALID_SHARE_ID,
            BLSIG_NOT_ENOUGH_QUALIFIED,
            BLSIG_INCONSISTENT_SHARES,
            BLSIG_NULL_POINTER,
            BLSIG_BUFFER_TOO_SMALL,
            BLSIG_PANIC,
            BLSIG_INVALID_SUITE,
            BLSIG_SUITE_MISMATCH,
            BLSIG_UNKNOWN_ERROR,
            BLSIG_ALREADY_FINISHED,
        ];
        let values: Vec<u32> = all.iter().map(|&c| c as u32).collect();
        let table: Vec<u32> = TEXTS.iter().map(|(c, _)| *c).collect();
        assert_eq!(values, table);
        assert_eq!(
            values,
            (0..=38).chain(100..=106).collect::<Vec<u32>>(),
            "frozen values"
        );
        // The core's Display and our text agree for the core codes that carry no data.
        assert_eq!(
            blsig_result::from(Error::VerificationFailed),
            BLSIG_VERIFICATION_FAILED
        );
        let data_free = [
            Error::InvalidEncoding,
            Error::FieldElementOutOfRange,
            Error::NotOnCurve,
            Error::NotInSubgroup,
            Error::IdentityPublicKey,
            Error::InvalidSecretKey,
            Error::ShortIkm,
            Error::InvalidDst,
            Error::InvalidOutputLength,
            Error::EmptyInput,
            Error::DuplicateMessage,
            Error::LengthMismatch,
            Error::DuplicateKey,
            Error::NonCanonicalOrder,
            Error::NotAMember,
            Error::IndexOutOfRange,
            Error::NonZeroPadding,
            Error::WrongRecipient,
            Error::GroupTooLarge,
            Error::InvalidThreshold,
            Error::BelowThreshold,
            Error::MissingShare,
            Error::GroupIdMismatch,
            Error::VerificationFailed,
            Error::InvalidPath,
            Error::PathIndexOutOfRange,
            Error::NotAValidatorPath,
            Error::MalformedKeystore,
            Error::UnsupportedKeystoreVersion,
            Error::UnsupportedKeystoreFunction,
            Error::KeystoreParameterOutOfBounds,
            Error::WrongPassword,
            Error::KeystorePublicKeyMismatch,
            Error::InvalidShareId,
            Error::NotEnoughQualified,
            Error::InconsistentShares,
        ];
        for e in data_free {
            let code = blsig_result::from(e);
            assert_ne!(code, BLSIG_UNKNOWN_ERROR, "{e:?} has no code");
            // The JavaScript code of the error is the C name without its prefix.
            assert_eq!(
                format!("{code:?}"),
                format!("BLSIG_{}", blsig_bindings::code_name(&e)),
                "{e:?}"
            );
            let text = TEXTS
                .iter()
                .find(|(c, _)| *c == code as u32)
                .map(|(_, t)| t.to_str());
            assert_eq!(text, Some(Ok(e.to_string().as_str())), "{e:?}");
        }
    }
}
