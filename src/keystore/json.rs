//! The EIP-2335 JSON document, field by field, read into and written from [`Keystore`].

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::derive::Path;
use crate::error::{Error, Result};
use crate::hex::{Hex, decode, decode_into};

use super::kdf::{DKLEN, Kdf};
use super::{IV_LEN, Keystore, UUID_LEN};

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

fn hex_field(text: &str) -> Result<Vec<u8>> {
    decode(text).ok_or(Error::MalformedKeystore)
}

fn param<'a>(params: &'a Value, name: &str) -> Result<&'a Value> {
    params.get(name).ok_or(Error::MalformedKeystore)
}

/// A non-negative integer parameter (a float, a string or a negative number is malformed).
fn int_param(params: &Value, name: &str) -> Result<u64> {
    param(params, name)?
        .as_u64()
        .ok_or(Error::MalformedKeystore)
}

fn str_param<'a>(params: &'a Value, name: &str) -> Result<&'a str> {
    param(params, name)?
        .as_str()
        .ok_or(Error::MalformedKeystore)
}

/// `dklen` must be 32: AES-128 takes bytes 0‥16 and the checksum 16‥32.
fn check_dklen(params: &Value) -> Result<()> {
    if int_param(params, "dklen")? == DKLEN as u64 {
        Ok(())
    } else {
        Err(Error::KeystoreParameterOutOfBounds)
    }
}

/// Out-of-range values are out of bounds, not malformed: they are well-formed numbers.
fn bounded<T: TryFrom<u64>>(value: u64) -> Result<T> {
    T::try_from(value).map_err(|_| Error::KeystoreParameterOutOfBounds)
}

fn read_kdf(module: &Module) -> Result<(Kdf, Vec<u8>)> {
    let params = &module.params;
    let kdf = match module.function.as_str() {
        "scrypt" => {
            check_dklen(params)?;
            let n = int_param(params, "n")?;
            if !n.is_power_of_two() {
                return Err(Error::KeystoreParameterOutOfBounds);
            }
            Kdf::Scrypt {
                log_n: bounded(u64::from(n.trailing_zeros()))?,
                r: bounded(int_param(params, "r")?)?,
                p: bounded(int_param(params, "p")?)?,
            }
        }
        "pbkdf2" => {
            check_dklen(params)?;
            if str_param(params, "prf")? != "hmac-sha256" {
                return Err(Error::UnsupportedKeystoreFunction);
            }
            Kdf::Pbkdf2 {
                c: bounded(int_param(params, "c")?)?,
            }
        }
        _ => return Err(Error::UnsupportedKeystoreFunction),
    };
    kdf.check()?;
    Ok((kdf, hex_field(str_param(params, "salt")?)?))
}

fn read_uuid(text: &str) -> Result<[u8; UUID_LEN]> {
    let bytes = text.as_bytes();
    let dashes = [8, 13, 18, 23];
    if bytes.len() != 36 || dashes.iter().any(|&i| bytes.get(i) != Some(&b'-')) {
        return Err(Error::MalformedKeystore);
    }
    let digits: Vec<u8> = bytes.iter().copied().filter(|b| *b != b'-').collect();
    let mut uuid = [0u8; UUID_LEN];
    if digits.len() != 2 * UUID_LEN || !decode_into(&digits, &mut uuid) {
        return Err(Error::MalformedKeystore);
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

pub(crate) fn parse(json: &str) -> Result<Keystore> {
    let doc: Document = serde_json::from_str(json).map_err(|_| Error::MalformedKeystore)?;
    match doc.version.as_u64() {
        Some(4) => {}
        Some(_) => return Err(Error::UnsupportedKeystoreVersion),
        None => return Err(Error::MalformedKeystore),
    }
    let (kdf, salt) = read_kdf(&doc.crypto.kdf)?;

    let checksum = &doc.crypto.checksum;
    if checksum.function != "sha256" {
        return Err(Error::UnsupportedKeystoreFunction);
    }
    let mut checksum_bytes = [0u8; 32];
    if !decode_into(checksum.message.as_bytes(), &mut checksum_bytes) {
        return Err(Error::MalformedKeystore);
    }

    let cipher = &doc.crypto.cipher;
    if cipher.function != "aes-128-ctr" {
        return Err(Error::UnsupportedKeystoreFunction);
    }
    let mut iv = [0u8; IV_LEN];
    if !decode_into(str_param(&cipher.params, "iv")?.as_bytes(), &mut iv) {
        return Err(Error::MalformedKeystore);
    }
    let ciphertext = hex_field(&cipher.message)?;
    if ciphertext.is_empty() {
        return Err(Error::MalformedKeystore);
    }

    let path = match doc.path.as_str() {
        "" => None,
        text => Some(Path::parse(text).map_err(|_| Error::MalformedKeystore)?),
    };
    let pubkey = match doc.pubkey.as_deref() {
        None | Some("") => None,
        Some(text) => Some(hex_field(text)?),
    };
    Ok(Keystore {
        kdf,
        salt,
        checksum: checksum_bytes,
        iv,
        ciphertext,
        description: doc.description.unwrap_or_default(),
        pubkey,
        path,
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
        path: keystore.path.map(|p| p.to_string()).unwrap_or_default(),
        uuid: format_uuid(&keystore.uuid),
        version: Value::from(4u32),
    };
    // A document of strings, numbers and maps always serializes.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
