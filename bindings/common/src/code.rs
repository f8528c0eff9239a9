//! The stable names of the core's errors, shared by the bindings: the C result code of an
//! error is `BLSIG_` + its name, and the JavaScript `BlsError.code` is the name itself.
//! Names are frozen once published; new errors only add names.

use blsig_core::Error;

/// The stable name of a core error (`"INVALID_LENGTH"`, `"NOT_IN_SUBGROUP"`, …), or
/// `"UNKNOWN_ERROR"` for an error this version of the bindings does not know (never the
/// case for a binding built together with its core).
pub fn code_name(e: &Error) -> &'static str {
    match e {
        Error::InvalidLength { .. } => "INVALID_LENGTH",
        Error::InvalidEncoding => "INVALID_ENCODING",
        Error::FieldElementOutOfRange => "FIELD_ELEMENT_OUT_OF_RANGE",
        Error::NotOnCurve => "NOT_ON_CURVE",
        Error::NotInSubgroup => "NOT_IN_SUBGROUP",
        Error::IdentityPublicKey => "IDENTITY_PUBLIC_KEY",
        Error::InvalidSecretKey => "INVALID_SECRET_KEY",
        Error::ShortIkm => "SHORT_IKM",
        Error::InvalidDst => "INVALID_DST",
        Error::InvalidOutputLength => "INVALID_OUTPUT_LENGTH",
        Error::EmptyInput => "EMPTY_INPUT",
        Error::DuplicateMessage => "DUPLICATE_MESSAGE",
        Error::LengthMismatch => "LENGTH_MISMATCH",
        Error::DuplicateKey => "DUPLICATE_KEY",
        Error::NonCanonicalOrder => "NON_CANONICAL_ORDER",
        Error::NotAMember => "NOT_A_MEMBER",
        Error::IndexOutOfRange => "INDEX_OUT_OF_RANGE",
        Error::NonZeroPadding => "NON_ZERO_PADDING",
        Error::WrongRecipient => "WRONG_RECIPIENT",
        Error::GroupTooLarge => "GROUP_TOO_LARGE",
        Error::CountMismatch { .. } => "COUNT_MISMATCH",
        Error::InvalidThreshold => "INVALID_THRESHOLD",
        Error::BelowThreshold => "BELOW_THRESHOLD",
        Error::MissingShare => "MISSING_SHARE",
        Error::GroupIdMismatch => "GROUP_ID_MISMATCH",
        Error::VerificationFailed => "VERIFICATION_FAILED",
        Error::InvalidPath => "INVALID_PATH",
        Error::PathIndexOutOfRange => "PATH_INDEX_OUT_OF_RANGE",
        Error::NotAValidatorPath => "NOT_A_VALIDATOR_PATH",
        Error::MalformedKeystore => "MALFORMED_KEYSTORE",
        Error::UnsupportedKeystoreVersion => "UNSUPPORTED_KEYSTORE_VERSION",
        Error::UnsupportedKeystoreFunction => "UNSUPPORTED_KEYSTORE_FUNCTION",
        Error::KeystoreParameterOutOfBounds => "KEYSTORE_PARAMETER_OUT_OF_BOUNDS",
        Error::WrongPassword => "WRONG_PASSWORD",
        Error::KeystorePublicKeyMismatch => "KEYSTORE_PUBLIC_KEY_MISMATCH",
        Error::InvalidShareId => "INVALID_SHARE_ID",
        Error::NotEnoughQualified => "NOT_ENOUGH_QUALIFIED",
        Error::InconsistentShares => "INCONSISTENT_SHARES",
        _ => "UNKNOWN_ERROR",
    }
}
