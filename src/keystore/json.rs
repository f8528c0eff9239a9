//! The EIP-2335 JSON document, field by field, read into and written from [`Keystore`].

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::hex::{Hex, decode, decode_into};

use super::kdf::{DKLEN, Kdf};
use super::{IV_LEN, Keystore, KeystoreParseError, UUID_LEN};

/// A module: `function`, `params`, `message` (all three required by the schema).
#[derive(Serialize, Deserialize)]
struct Module {
    function: String,
    params: Value,
    message: String,
}

#[derive(Serialize, Deserialize)]
struct Crypto {
    kdf: Module,
    checksum: Module,
    cipher: Module,
}

/// The document; `crypto`, `path`, `uuid` and `version` are required (the schema), the
/// others optional. Unknown fields are ignored, as other tools add their own (`name`).
#[derive(Serialize, Deserialize)]
struct Document {
    crypto: Crypto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pubkey: Option<String>,
    path: String,
    uuid: String,
    version: Value,
}

/// The longest salt a keystore may have: far above the 32 bytes tools write, and a bound
/// on what a hostile file can make the kdf hash.
pub const MAX_SALT_LEN: usize = 1024;

/// A refusal with the field it concerns.
type Parsed<T> = core::result::Result<T, KeystoreParseError>;

fn at(error: Error, detail: impl Into<String>) -> KeystoreParseError {
    KeystoreParseError {
        error,
        detail: detail.into(),
    }
}

fn hex_field(text: &str, field: &str) -> Parsed<Vec<u8>> {
    decode(text).ok_or_else(|| at(Error::MalformedKeystore, format!("{field}: not hex")))
}

fn param<'a>(params: &'a Value, module: &str, name: &str) -> Parsed<&'a Value> {
    params.get(name).ok_or_else(|| {
        at(
            Error::MalformedKeystore,
            format!("{module}.params.{name}: missing"),
        )
    })
}

/// A non-negative integer parameter (a float, a string or a negative number is malformed).
fn int_param(params: &Value, module: &str, name: &str) -> Parsed<u64> {
    param(params, module, name)?.as_u64().ok_or_else(|| {
        at(
            Error::MalformedKeystore,
            format!("{module}.params.{name}: not a non-negative integer"),
        )
    })
}

fn str_param<'a>(params: &'a Value, module: &str, name: &str) -> Parsed<&'a str> {
    param(params, module, name)?.as_str().ok_or_else(|| {
        at(
            Error::MalformedKeystore,
            format!("{module}.params.{name}: not a string"),
        )
    })
}

const KDF: &str = "crypto.kdf";

/// `dklen` must be 32: AES-128 takes bytes 0‥16 and the checksum 16‥32.
fn check_dklen(params: &Value) -> Parsed<()> {
    match int_param(params, KDF, "dklen")? {
        len if len == DKLEN as u64 => Ok(()),
        other => Err(at(
            Error::KeystoreParameterOutOfBounds,
            format!("{KDF}.params.dklen: {other}, not {DKLEN}"),
        )),
    }
}

/// Out-of-range values are out of bounds, not malformed: they are well-formed numbers.
fn bounded<T: TryFrom<u64>>(value: u64, name: &str) -> Parsed<T> {
    T::try_from(value).map_err(|_| {
        at(
            Error::KeystoreParameterOutOfBounds,
            format!("{KDF}.params.{name}: {value} is too large"),
        )
    })
}

fn read_kdf(module: &Module) -> Parsed<(Kdf, Vec<u8>)> {
    let params = &module.params;
    let kdf = match module.function.as_str() {
        "scrypt" => {
            check_dklen(params)?;
            let n = int_param(params, KDF, "n")?;
            if !n.is_power_of_two() {
                return Err(at(
                    Error::KeystoreParameterOutOfBounds,
                    format!("{KDF}.params.n: {n} is not a power of two"),
                ));
            }
            Kdf::Scrypt {
                log_n: bounded(u64::from(n.trailing_zeros()), "n")?,
                r: bounded(int_param(params, KDF, "r")?, "r")?,
                p: bounded(int_param(params, KDF, "p")?, "p")?,
            }
        }
        "pbkdf2" => {
            check_dklen(params)?;
            let prf = str_param(params, KDF, "prf")?;
            if prf != "hmac-sha256" {
                return Err(at(
                    Error::UnsupportedKeystoreFunction,
                    format!("{KDF}.params.prf: {prf:?}, not \"hmac-sha256\""),
                ));
            }
            Kdf::Pbkdf2 {
                c: bounded(int_param(params, KDF, "c")?, "c")?,
            }
        }
        other => {
            return Err(at(
                Error::UnsupportedKeystoreFunction,
                format!("{KDF}.function: {other:?}, not \"scrypt\" or \"pbkdf2\""),
            ));
        }
    };
    kdf.check()
        .map_err(|e| at(e, format!("{KDF}.params: {kdf}")))?;
    let salt = hex_field(str_param(params, KDF, "salt")?, "crypto.kdf.params.salt")?;
    if salt.len() > MAX_SALT_LEN {
        return Err(at(
            Error::KeystoreParameterOutOfBounds,
            format!(
                "{KDF}.params.salt: {} bytes, more than {MAX_SALT_LEN}",
                salt.len()
            ),
        ));
    }
    Ok((kdf, salt))
}

fn read_uuid(text: &str) -> Parsed<[u8; UUID_LEN]> {
    let malformed = || at(Error::MalformedKeystore, "uuid: not a UUID");
    let bytes = text.as_bytes();
    let dashes = [8, 13, 18, 23];
    if bytes.len() != 36 || dashes.iter().any(|&i| bytes.get(i) != Some(&b'-')) {
        return Err(malformed());
    }
    let digits: Vec<u8> = bytes.iter().copied().filter(|b| *b != b'-').collect();
    let mut uuid = [0u8; UUID_LEN];
    if digits.len() != 2 * UUID_LEN || !decode_into(&digits, &mut uuid) {
        return Err(malformed());
    }
    Ok(uuid)
}

pub(crate) fn format_uuid(uuid: &[u8; UUID_LEN]) -> String {
    let hex = Hex(uuid).to_string();
    let part = |range: core::ops::Range<usize>| hex.get(range).unwrap_or("");
    format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    )
}

pub(crate) fn parse(json: &str) -> Parsed<Keystore> {
    // serde_json names the missing or mistyped field and gives the line and column.
    let doc: Document =
        serde_json::from_str(json).map_err(|e| at(Error::MalformedKeystore, e.to_string()))?;
    match doc.version.as_u64() {
        Some(4) => {}
        Some(other) => {
            return Err(at(
                Error::UnsupportedKeystoreVersion,
                format!("version: {other}"),
            ));
        }
        None => return Err(at(Error::MalformedKeystore, "version: not an integer")),
    }
    let (kdf, salt) = read_kdf(&doc.crypto.kdf)?;

    let checksum = &doc.crypto.checksum;
    if checksum.function != "sha256" {
        return Err(at(
            Error::UnsupportedKeystoreFunction,
            format!(
                "crypto.checksum.function: {:?}, not \"sha256\"",
                checksum.function
            ),
        ));
    }
    let mut checksum_bytes = [0u8; 32];
    if !decode_into(checksum.message.as_bytes(), &mut checksum_bytes) {
        return Err(at(
            Error::MalformedKeystore,
            "crypto.checksum.message: not 32 bytes of hex",
        ));
    }

    let cipher = &doc.crypto.cipher;
    if cipher.function != "aes-128-ctr" {
        return Err(at(
            Error::UnsupportedKeystoreFunction,
            format!(
                "crypto.cipher.function: {:?}, not \"aes-128-ctr\"",
                cipher.function
            ),
        ));
    }
    let mut iv = [0u8; IV_LEN];
    let iv_text = str_param(&cipher.params, "crypto.cipher", "iv")?;
    if !decode_into(iv_text.as_bytes(), &mut iv) {
        return Err(at(
            Error::MalformedKeystore,
            "crypto.cipher.params.iv: not 16 bytes of hex",
        ));
    }
    let ciphertext = hex_field(&cipher.message, "crypto.cipher.message")?;
    if ciphertext.is_empty() {
        return Err(at(Error::MalformedKeystore, "crypto.cipher.message: empty"));
    }

    let pubkey = match doc.pubkey.as_deref() {
        None | Some("") => None,
        Some(text) => Some(hex_field(text, "pubkey")?),
    };
    Ok(Keystore {
        kdf,
        salt,
        checksum: checksum_bytes,
        iv,
        ciphertext,
        description: doc.description.unwrap_or_default(),
        pubkey,
        path: doc.path,
        uuid: read_uuid(&doc.uuid)?,
    })
}

#[derive(Serialize)]
struct ScryptParams {
    dklen: usize,
    n: u64,
    p: u32,
    r: u32,
    salt: String,
}

#[derive(Serialize)]
struct Pbkdf2Params {
    dklen: usize,
    c: u32,
    prf: &'static str,
    salt: String,
}

pub(crate) fn write(keystore: &Keystore) -> String {
    let salt = Hex(&keystore.salt).to_string();
    let (function, params) = match keystore.kdf {
        Kdf::Scrypt { log_n, r, p } => (
            "scrypt",
            serde_json::to_value(ScryptParams {
                dklen: DKLEN,
                n: 1u64 << log_n,
                p,
                r,
                salt,
            }),
        ),
        Kdf::Pbkdf2 { c } => (
            "pbkdf2",
            serde_json::to_value(Pbkdf2Params {
                dklen: DKLEN,
                c,
                prf: "hmac-sha256",
                salt,
            }),
        ),
    };
    let module = |function: &str, params: Value, message: String| Module {
        function: function.into(),
        params,
        message,
    };
    let mut iv = serde_json::Map::new();
    iv.insert("iv".into(), Value::String(Hex(&keystore.iv).to_string()));
    let doc = Document {
        crypto: Crypto {
            kdf: module(function, params.unwrap_or(Value::Null), String::new()),
            checksum: module(
                "sha256",
                Value::Object(serde_json::Map::new()),
                Hex(&keystore.checksum).to_string(),
            ),
            cipher: module(
                "aes-128-ctr",
                Value::Object(iv),
                Hex(&keystore.ciphertext).to_string(),
            ),
        },
        description: Some(keystore.description.clone()),
        pubkey: keystore.pubkey.as_ref().map(|key| Hex(key).to_string()),
        path: keystore.path.clone(),
        uuid: format_uuid(&keystore.uuid),
        version: Value::from(4u32),
    };
    // A document of strings, numbers and maps always serializes.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
