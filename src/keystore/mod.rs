//! EIP-2335 keystores (feature `keystore`): a secret key encrypted under a password, in the
//! JSON format Ethereum validator clients exchange.
//!
//! ```
//! use blsig::derive::Path;
//! use blsig::keystore::{Kdf, Keystore};
//! use blsig::min_pk::SecretKey;
//!
//! # let mut rng = rand::rngs::StdRng::seed_from_u64(1);
//! # use rand::SeedableRng;
//! let seed = [9u8; 32];
//! let path = Path::signing(0);
//! let sk: SecretKey = path.derive(&seed)?;
//! // Kdf::SCRYPT (the ERC's 2^18) in real use; a cheap cost keeps the example fast.
//! let kdf = Kdf::Scrypt { log_n: 10, r: 8, p: 1 };
//! let keystore = Keystore::encrypt(&sk, "correct horse", Some(path), "validator 0", kdf, &mut rng)?;
//! let json = keystore.to_json();
//!
//! let read = Keystore::from_json(&json)?;
//! assert_eq!(read.path(), Some("m/12381/3600/0/0/0"));
//! assert_eq!(read.derivation_path(), Some(Ok(path)));
//! let again: SecretKey = read.decrypt("correct horse")?;
//! assert!(again == sk);
//! assert_eq!(read.decrypt::<blsig::MinPk>("wrong").err(), Some(blsig::Error::WrongPassword));
//! # Ok::<(), blsig::Error>(())
//! ```
//!
//! What is checked, and when:
//! - [`Keystore::from_json`] checks the whole document before any password is asked for:
//!   version 4; kdf `scrypt` or `pbkdf2` (PRF `hmac-sha256`), checksum `sha256`, cipher
//!   `aes-128-ctr`, anything else [`Error::UnsupportedKeystoreFunction`]; `dklen` 32; the
//!   kdf's cost within [`MAX_SCRYPT_MEMORY`], [`MAX_SCRYPT_WORK`] and
//!   [`MAX_PBKDF2_ROUNDS`], and a salt of at most [`MAX_SALT_LEN`] bytes
//!   ([`Error::KeystoreParameterOutOfBounds`]); hex fields, a 16-byte IV and a UUID, else
//!   [`Error::MalformedKeystore`]. [`Keystore::from_json_detailed`] says which field (or,
//!   for broken JSON, which line and column) a refusal concerns.
//! - The `path` field is informational (EIP-2335): it is kept as the string the file has,
//!   whatever it is (other tools write paths such as `m/12381'/3600'/0'/0'/0'`), and parsed
//!   as an EIP-2334 path only when asked for, by [`Keystore::derivation_path`].
//! - [`Keystore::decrypt`] processes the password as the EIP says (NFKD, control codes
//!   removed), derives the decryption key, and compares `SHA-256(DK[16..32] ‖ ciphertext)`
//!   with the checksum in constant time: a wrong password is [`Error::WrongPassword`] and
//!   never yields a key. The decrypted key must be a valid secret key, and if the keystore
//!   has a `pubkey` it must be that key's ([`Error::KeystorePublicKeyMismatch`]).
//!
//! # What the format cannot check
//! - A wrong password and a damaged file (a truncated ciphertext, a changed checksum) look
//!   the same: both fail the checksum, so [`Error::WrongPassword`] means "wrong password, or
//!   the file is damaged".
//! - The checksum covers the ciphertext but **not the AES IV**. A keystore whose IV was
//!   changed decrypts without error to a different (valid) secret key, unless the
//!   optional `pubkey` field is present, which [`Keystore::decrypt`] checks. Keystores
//!   this crate writes always have it; [`Keystore::has_public_key`] tells whether one read
//!   from a file does, and callers should flag those without.
//!
//! # Cost of a hostile file
//! A keystore within the bounds can still take up to 16× the EIP's own kdf cost (scrypt
//! with n = 2¹⁸, r = 8, p = 16, or PBKDF2 with c = 2²²: about a minute on a 2026 server
//! core) before the password check fails, and 1 GiB of memory. For files from untrusted
//! sources, compare [`Keystore::kdf`] with a lower limit of your own before decrypting.
//!
//! # Security
//! The decryption key, the processed password and the decrypted secret are zeroized; the
//! scrypt and PBKDF2 implementations' internal buffers are not (see [`crate::notes::secrets`]).

mod json;
mod kdf;
mod password;

pub use json::MAX_SALT_LEN;
pub use kdf::{DKLEN, Kdf, MAX_PBKDF2_ROUNDS, MAX_SCRYPT_MEMORY, MAX_SCRYPT_WORK};

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use aes::Aes128;
use ctr::cipher::{KeyIvInit, StreamCipher};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::derive::Path;
use crate::error::{Error, Result};
use crate::public_key::PublicKey;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The AES-128-CTR IV length.
const IV_LEN: usize = 16;
/// A UUID's length in bytes.
const UUID_LEN: usize = 16;
/// The salt length [`Keystore::encrypt`] draws.
const SALT_LEN: usize = 32;

type Aes128Ctr = ctr::Ctr128BE<Aes128>;

/// An EIP-2335 (version 4) keystore: the encrypted secret and what describes it.
///
/// Made by [`Keystore::from_json`] (which validates the document) or
/// [`Keystore::encrypt`]; the secret comes out only through [`Keystore::decrypt`] with the
/// password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keystore {
    kdf: Kdf,
    salt: Vec<u8>,
    checksum: [u8; 32],
    iv: [u8; IV_LEN],
    ciphertext: Vec<u8>,
    description: String,
    pubkey: Option<Vec<u8>>,
    path: String,
    uuid: [u8; UUID_LEN],
}

impl Keystore {
    /// Parses and checks a keystore document (see the module docs for every check).
    ///
    /// # Errors
    /// [`Error::MalformedKeystore`], [`Error::UnsupportedKeystoreVersion`],
    /// [`Error::UnsupportedKeystoreFunction`], [`Error::KeystoreParameterOutOfBounds`].
    pub fn from_json(json: &str) -> Result<Keystore> {
        json::parse(json).map_err(|e| e.error)
    }

    /// [`Keystore::from_json`], with the reason for a refusal: the error and the field it
    /// concerns (or serde_json's account, with line and column, for a document that is
    /// not the EIP's shape).
    ///
    /// # Errors
    /// As [`Keystore::from_json`], inside a [`KeystoreParseError`].
    pub fn from_json_detailed(json: &str) -> core::result::Result<Keystore, KeystoreParseError> {
        json::parse(json)
    }

    /// The keystore as pretty-printed JSON, in the field order of the ERC's examples.
    pub fn to_json(&self) -> String {
        json::write(self)
    }

    /// Encrypts `sk` under `password` with `kdf`, a fresh 32-byte salt, a fresh IV and a
    /// fresh (version 4) UUID, all from `rng`; records its public key, `path` and
    /// `description`.
    ///
    /// # Errors
    /// [`Error::KeystoreParameterOutOfBounds`] if `kdf` is outside the bounds that
    /// [`Keystore::from_json`] enforces (so that every keystore written can be read).
    ///
    /// # Security
    /// Use [`Kdf::SCRYPT`] or [`Kdf::PBKDF2`] (or costlier) for keys that matter; the
    /// password's strength is the key's protection.
    pub fn encrypt<V: Variant>(
        sk: &SecretKey<V>,
        password: &str,
        path: Option<Path>,
        description: &str,
        kdf: Kdf,
        rng: &mut impl CryptoRng,
    ) -> Result<Keystore> {
        kdf.check()?;
        let mut salt = alloc::vec![0u8; SALT_LEN];
        let mut iv = [0u8; IV_LEN];
        let mut uuid = [0u8; UUID_LEN];
        rng.fill_bytes(&mut salt);
        rng.fill_bytes(&mut iv);
        rng.fill_bytes(&mut uuid);
        // RFC 4122 version 4 (random) and variant 10.
        if let Some(byte) = uuid.get_mut(6) {
            *byte = (*byte & 0x0f) | 0x40;
        }
        if let Some(byte) = uuid.get_mut(8) {
            *byte = (*byte & 0x3f) | 0x80;
        }

        let key = kdf.derive(&password::process(password), &salt)?;
        let (aes_key, mac_key) = key.split_at(16);
        let mut ciphertext = sk.to_bytes().to_vec();
        apply_aes_128_ctr(aes_key, &iv, &mut ciphertext)?;
        Ok(Keystore {
            kdf,
            salt,
            checksum: checksum(mac_key, &ciphertext),
            iv,
            ciphertext,
            description: description.into(),
            pubkey: Some(sk.public_key().to_bytes().as_ref().to_vec()),
            path: path.map(|p| p.to_string()).unwrap_or_default(),
            uuid,
        })
    }

    /// The secret bytes, whatever they are (EIP-2335 stores any secret; a BLS key is 32
    /// bytes), after the password check.
    ///
    /// # Errors
    /// [`Error::WrongPassword`] if the checksum does not match;
    /// [`Error::KeystoreParameterOutOfBounds`] as in [`Kdf::check`].
    pub fn decrypt_secret(&self, password: &str) -> Result<Zeroizing<Vec<u8>>> {
        let key = self.kdf.derive(&password::process(password), &self.salt)?;
        let (aes_key, mac_key) = key.split_at(16);
        if !bool::from(checksum(mac_key, &self.ciphertext).ct_eq(&self.checksum)) {
            return Err(Error::WrongPassword);
        }
        let mut secret = Zeroizing::new(self.ciphertext.clone());
        apply_aes_128_ctr(aes_key, &self.iv, &mut secret)?;
        Ok(secret)
    }

    /// Decrypts the BLS secret key of variant `V` and checks it against the stored `pubkey`
    /// when there is one.
    ///
    /// # Errors
    /// As [`Keystore::decrypt_secret`]; [`Error::InvalidLength`] or
    /// [`Error::InvalidSecretKey`] if the secret is not a BLS secret key;
    /// [`Error::KeystorePublicKeyMismatch`] if `pubkey` is present and is not this key's
    /// public key in `V`'s encoding.
    pub fn decrypt<V: Variant>(&self, password: &str) -> Result<SecretKey<V>> {
        let secret = self.decrypt_secret(password)?;
        let sk = SecretKey::<V>::from_bytes(&secret)?;
        if let Some(stored) = &self.pubkey {
            let derived = sk.public_key().to_bytes();
            if AsRef::<[u8]>::as_ref(&derived) != stored.as_slice() {
                return Err(Error::KeystorePublicKeyMismatch);
            }
        }
        Ok(sk)
    }

    /// The stored public key, decoded and validated (KeyValidate), if there is one. It is
    /// what the file claims; [`Keystore::decrypt`] checks the claim.
    ///
    /// # Errors
    /// The decoding errors of [`PublicKey::from_bytes`].
    pub fn public_key<V: Variant>(&self) -> Option<Result<PublicKey<V>>> {
        self.pubkey.as_deref().map(PublicKey::from_bytes)
    }

    /// The `path` field as the file has it, if it is not empty. EIP-2335 makes it
    /// informational: it need not be an EIP-2334 path.
    pub fn path(&self) -> Option<&str> {
        Some(self.path.as_str()).filter(|p| !p.is_empty())
    }

    /// The `path` field parsed as an EIP-2334 path, if it is not empty.
    ///
    /// # Errors
    /// The errors of [`Path::parse`], for a path of another form.
    pub fn derivation_path(&self) -> Option<Result<Path>> {
        self.path().map(Path::parse)
    }

    /// Whether the keystore has a `pubkey` to check the decrypted key against. Without
    /// one, a keystore with a tampered IV decrypts to another key undetected (see the
    /// module docs): flag such files to the user.
    pub fn has_public_key(&self) -> bool {
        self.pubkey.is_some()
    }

    /// The description (empty if there is none).
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The UUID in its canonical lowercase form.
    pub fn uuid(&self) -> String {
        json::format_uuid(&self.uuid)
    }

    /// The key-derivation function and its cost.
    pub fn kdf(&self) -> Kdf {
        self.kdf
    }
}

/// Why [`Keystore::from_json_detailed`] refused a document: the [`Error`] (what
/// [`Keystore::from_json`] returns) and where, as text such as
/// `crypto.kdf.params.salt: not hex` or `missing field `uuid` at line 3 column 1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeystoreParseError {
    error: Error,
    detail: String,
}

impl KeystoreParseError {
    /// The error.
    pub fn error(&self) -> Error {
        self.error
    }

    /// Where it is, in words.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl core::fmt::Display for KeystoreParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.error, self.detail)
    }
}

impl core::error::Error for KeystoreParseError {}

impl From<KeystoreParseError> for Error {
    fn from(e: KeystoreParseError) -> Error {
        e.error
    }
}

/// `SHA-256(DK[16..32] ‖ cipher_message)`.
fn checksum(mac_key: &[u8], ciphertext: &[u8]) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(mac_key);
    hash.update(ciphertext);
    hash.finalize().into()
}

/// AES-128-CTR with a 128-bit big-endian counter starting at the IV (encryption and
/// decryption are the same operation).
fn apply_aes_128_ctr(key: &[u8], iv: &[u8; IV_LEN], data: &mut [u8]) -> Result<()> {
    let mut cipher = Aes128Ctr::new_from_slices(key, iv).map_err(|_| Error::MalformedKeystore)?;
    // A 2^128-block counter cannot wrap within a secret held in memory.
    cipher
        .try_apply_keystream(data)
        .map_err(|_| Error::MalformedKeystore)
}
