//! The one error type of the crate.

use core::fmt;

/// Everything that can go wrong in `blsig`.
///
/// Decoding and usage mistakes are reported precisely, so that a caller can tell a
/// malformed input from a programming error. A signature that does not verify is reported
/// by the single detail-free variant [`Error::VerificationFailed`]: which of the pairing
/// factors disagreed is never revealed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// A byte string had the wrong length.
    InvalidLength {
        /// The length the input must have.
        expected: usize,
        /// The length the input had.
        actual: usize,
    },
    /// The flag bits of a point encoding are not a valid ZCash/IETF combination
    /// (compression bit wrong for the format, sort bit on the point at infinity, or an
    /// infinity encoding with non-zero bits).
    InvalidEncoding,
    /// A field element in an encoding is not less than the field modulus p.
    FieldElementOutOfRange,
    /// The encoded coordinates are not a point on the curve (no square root for a
    /// compressed x, or (x, y) off the curve).
    NotOnCurve,
    /// The point is on the curve but not in the prime-order subgroup.
    NotInSubgroup,
    /// A public key is the point at infinity (KeyValidate rejects it).
    IdentityPublicKey,
    /// A secret key is zero or not less than the group order r.
    InvalidSecretKey,
    /// Key-generation input keying material is shorter than the 32 bytes the draft requires.
    ShortIkm,
    /// A domain separation tag is empty (RFC 9380 §3.1 requires a non-empty tag).
    InvalidDst,
    /// An `expand_message_xmd` output length is out of range (RFC 9380 §5.3.1: at most
    /// 255 hash blocks, i.e. 8160 bytes for SHA-256).
    InvalidOutputLength,
    /// An operation that needs at least one input (key, signature or message) got none.
    EmptyInput,
    /// AggregateVerify in the Basic scheme got two equal messages (draft §3.1.1).
    DuplicateMessage,
    /// Two slices that must be the same length (keys and messages) are not.
    LengthMismatch,
    /// A multisignature group lists the same public key twice, or a set of shares, member
    /// signatures or contributions names the same member twice.
    DuplicateKey,
    /// The keys of an encoded multisignature group are not in canonical (ascending) order.
    NonCanonicalOrder,
    /// A key is not a member of the multisignature group, a membership key is another
    /// member's, or a threshold share's identifier is no member's.
    NotAMember,
    /// A member index is not below the group size (or does not fit in `usize`).
    IndexOutOfRange,
    /// The padding bits after the last member of a signer bitmap are not zero.
    NonZeroPadding,
    /// A setup contribution is addressed to another member than the one summing it.
    WrongRecipient,
    /// A group would have more members than its encoding can count (2³² − 1).
    GroupTooLarge,
    /// A number of items (contributions, bitmap entries) does not match the group size.
    CountMismatch {
        /// The number the group requires.
        expected: usize,
        /// The number given.
        actual: usize,
    },
    /// A threshold is zero or larger than the group.
    InvalidThreshold,
    /// Fewer members signed than the group's threshold requires.
    BelowThreshold,
    /// A required share is missing: an n-of-n (MSP) combination lacks a member's share, or a
    /// DKG party lacks a qualified dealer's share without a complaint on record.
    MissingShare,
    /// A decoded m-of-n group does not have the identity (threshold and aggregated key)
    /// the caller expects.
    GroupIdMismatch,
    /// A key-derivation path is not of the EIP-2334 form `m/i/j/…` (decimal indices, no
    /// leading zeros) or is deeper than [`MAX_PATH_DEPTH`](crate::derive::MAX_PATH_DEPTH).
    InvalidPath,
    /// A key-derivation path index is 2³² or more.
    PathIndexOutOfRange,
    /// A path is not one of EIP-2334's validator paths (`m/12381/3600/i/0/0` signing,
    /// `m/12381/3600/i/0` withdrawal).
    NotAValidatorPath,
    /// A keystore is not well-formed EIP-2335 JSON: a missing or mistyped field, bad hex,
    /// a malformed UUID, or a salt, IV or ciphertext of unusable length.
    MalformedKeystore,
    /// A keystore's version is not 4 (EIP-2335).
    UnsupportedKeystoreVersion,
    /// A keystore names a kdf, PRF, checksum or cipher function this crate does not
    /// implement.
    UnsupportedKeystoreFunction,
    /// A keystore's kdf parameters exceed the documented bounds on memory and time (or are
    /// not valid for the function, such as an scrypt `n` that is not a power of two).
    KeystoreParameterOutOfBounds,
    /// The password does not open the keystore: its checksum does not match, which is
    /// also what a damaged file (changed ciphertext or checksum) gives — EIP-2335 cannot
    /// tell the two apart.
    WrongPassword,
    /// A keystore's `pubkey` is not the public key of the secret it holds.
    KeystorePublicKeyMismatch,
    /// A threshold share identifier is zero (the point of the secret itself) or not below r.
    InvalidShareId,
    /// A DKG ended with fewer qualified dealers than its threshold.
    NotEnoughQualified,
    /// Threshold public key shares do not lie on one polynomial of the threshold's degree,
    /// or do not interpolate to the group key they are published with.
    InconsistentShares,
    /// The signature (or proof of possession) did not verify.
    VerificationFailed,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidLength { expected, actual } => {
                write!(f, "invalid length: expected {expected} bytes, got {actual}")
            }
            Error::InvalidEncoding => f.write_str("invalid point encoding flags"),
            Error::FieldElementOutOfRange => f.write_str("field element not less than p"),
            Error::NotOnCurve => f.write_str("point not on the curve"),
            Error::NotInSubgroup => f.write_str("point not in the prime-order subgroup"),
            Error::IdentityPublicKey => f.write_str("public key is the identity"),
            Error::InvalidSecretKey => f.write_str("secret key is zero or not less than r"),
            Error::ShortIkm => f.write_str("key material shorter than 32 bytes"),
            Error::InvalidDst => f.write_str("empty domain separation tag"),
            Error::InvalidOutputLength => f.write_str("expand_message_xmd length out of range"),
            Error::EmptyInput => f.write_str("empty input"),
            Error::DuplicateMessage => f.write_str("duplicate message in Basic-scheme aggregate"),
            Error::LengthMismatch => f.write_str("mismatched input lengths"),
            Error::DuplicateKey => f.write_str("duplicate member"),
            Error::NonCanonicalOrder => f.write_str("group keys not in canonical order"),
            Error::NotAMember => f.write_str("key is not a group member"),
            Error::IndexOutOfRange => f.write_str("member index out of range"),
            Error::NonZeroPadding => f.write_str("signer bitmap padding bits set"),
            Error::WrongRecipient => f.write_str("contribution addressed to another member"),
            Error::GroupTooLarge => f.write_str("more than 2^32 - 1 group members"),
            Error::CountMismatch { expected, actual } => {
                write!(f, "expected {expected} items for this group, got {actual}")
            }
            Error::InvalidThreshold => f.write_str("threshold is zero or above the group size"),
            Error::BelowThreshold => f.write_str("fewer signers than the threshold"),
            Error::MissingShare => f.write_str("a required share is missing"),
            Error::GroupIdMismatch => f.write_str("group does not have the expected identity"),
            Error::InvalidPath => f.write_str("malformed key-derivation path"),
            Error::PathIndexOutOfRange => f.write_str("path index not below 2^32"),
            Error::NotAValidatorPath => f.write_str("not an EIP-2334 validator path"),
            Error::MalformedKeystore => f.write_str("malformed EIP-2335 keystore"),
            Error::UnsupportedKeystoreVersion => f.write_str("keystore version is not 4"),
            Error::UnsupportedKeystoreFunction => {
                f.write_str("unsupported keystore kdf, prf, checksum or cipher")
            }
            Error::KeystoreParameterOutOfBounds => {
                f.write_str("keystore kdf parameters out of bounds")
            }
            Error::WrongPassword => f.write_str("wrong password, or the keystore is damaged"),
            Error::KeystorePublicKeyMismatch => {
                f.write_str("keystore public key does not match its secret")
            }
            Error::InvalidShareId => f.write_str("share identifier is zero or not below r"),
            Error::InconsistentShares => {
                f.write_str("public key shares are inconsistent with the threshold or group key")
            }
            Error::NotEnoughQualified => {
                f.write_str("fewer qualified DKG dealers than the threshold")
            }
            Error::VerificationFailed => f.write_str("verification failed"),
        }
    }
}

impl core::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T> = core::result::Result<T, Error>;
