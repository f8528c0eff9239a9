//! # blsig for JavaScript: validator key tools
//!
//! The second wasm module of the `blsig-wasm` package (`import … from 'blsig-wasm/keys'`),
//! for launchpads and wallet pages: EIP-2333 key derivation at EIP-2334 paths and EIP-2335
//! keystores (scrypt and PBKDF2, with the library's cost bounds). It is a module of its own
//! so that pages that only sign and verify never download scrypt, AES, JSON and Unicode
//! normalisation. Secrets cross the boundary as bytes; the JS layer (`js/keys.js`) runs the
//! costly kdf in a Web Worker.

#![allow(clippy::missing_errors_doc)]

use blsig_core::derive::{Path, derive_child_sk, derive_master_sk};
use blsig_core::keystore::{Kdf, Keystore};
use blsig_core::{Error, MinPk, MinSig, SecretKey, Variant};
use wasm_bindgen::prelude::*;

use blsig_bindings::ExpandRng;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

#[wasm_bindgen(module = "/../wasm/js/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = blsError)]
    fn bls_error(code: &str, message: &str) -> JsValue;
}

/// A core error as a `BlsError` (the C API's code without `BLSIG_`, and a message that may
/// add where: the keystore field, or the JSON line and column).
fn fail(error: Error, detail: Option<&str>) -> JsValue {
    let message = match detail {
        Some(detail) => format!("{error}: {detail}"),
        None => error.to_string(),
    };
    bls_error(blsig_bindings::code_name(&error), &message)
}

fn core(error: Error) -> JsValue {
    fail(error, None)
}

/// EIP-2333 `derive_master_SK`: the 32-byte master secret key of `seed` (≥ 32 bytes,
/// e.g. a BIP-39 seed). `SHORT_IKM` for a shorter seed.
#[wasm_bindgen(js_name = deriveMasterKey)]
pub fn derive_master_key(seed: &[u8]) -> Result<Vec<u8>, JsValue> {
    let sk: SecretKey<MinPk> = derive_master_sk(seed).map_err(core)?;
    Ok(sk.to_bytes().to_vec())
}

/// EIP-2333 `derive_child_SK` of a 32-byte parent secret key.
#[wasm_bindgen(js_name = deriveChildKey)]
pub fn derive_child_key(parent: &[u8], index: u32) -> Result<Vec<u8>, JsValue> {
    let parent = SecretKey::<MinPk>::from_bytes(parent).map_err(core)?;
    Ok(derive_child_sk(&parent, index).to_bytes().to_vec())
}

/// The key at an EIP-2334 path (`m/12381/3600/0/0/0`; strict: decimal indices below
/// 2³², no hardened marks) of `seed`'s tree. `INVALID_PATH`, `PATH_INDEX_OUT_OF_RANGE`,
/// `SHORT_IKM`.
#[wasm_bindgen(js_name = deriveKey)]
pub fn derive_key(seed: &[u8], path: &str) -> Result<Vec<u8>, JsValue> {
    let path = Path::parse(path).map_err(core)?;
    let sk: SecretKey<MinPk> = path.derive(seed).map_err(core)?;
    Ok(sk.to_bytes().to_vec())
}

/// A keystore's kdf from its name and log2 cost (scrypt: n = 2^cost, r = 8, p = 1;
/// PBKDF2: c = 2^cost), within the library's bounds (`KEYSTORE_PARAMETER_OUT_OF_BOUNDS`).
fn kdf_of(kdf: &str, cost: u8) -> Result<Kdf, JsValue> {
    let kdf = match kdf {
        "scrypt" => Kdf::Scrypt {
            log_n: cost,
            r: 8,
            p: 1,
        },
        "pbkdf2" => Kdf::Pbkdf2 {
            c: 1u32
                .checked_shl(u32::from(cost))
                .ok_or_else(|| core(Error::KeystoreParameterOutOfBounds))?,
        },
        _ => return Err(core(Error::UnsupportedKeystoreFunction)),
    };
    kdf.check().map_err(core)?;
    Ok(kdf)
}

fn encrypt<V: Variant>(
    secret: &[u8],
    password: &str,
    path: Option<Path>,
    description: &str,
    kdf: Kdf,
    rng: &mut ExpandRng,
) -> Result<String, JsValue> {
    let sk = SecretKey::<V>::from_bytes(secret).map_err(core)?;
    let keystore = Keystore::encrypt(&sk, password, path, description, kdf, rng).map_err(core)?;
    Ok(keystore.to_json())
}

/// EIP-2335 `encrypt`: the keystore JSON of a 32-byte secret key under `password`, with
/// `kdf` (`"scrypt"` or `"pbkdf2"`) at `cost` (log2), the EIP-2334 `path` (or `""`), a
/// description, and salt, IV and UUID drawn from `seed` (32 random bytes, expanded with
/// SHA-256). `variant` (0 min-pk, 1 min-sig) picks the stored `pubkey`'s form.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = keystoreEncrypt)]
pub fn keystore_encrypt(
    secret: &[u8],
    password: &str,
    path: &str,
    description: &str,
    kdf: &str,
    cost: u8,
    seed: &[u8],
    variant: u32,
) -> Result<String, JsValue> {
    let kdf = kdf_of(kdf, cost)?;
    let path = match path {
        "" => None,
        text => Some(Path::parse(text).map_err(core)?),
    };
    let mut rng = ExpandRng::new(seed).ok_or_else(|| {
        core(Error::InvalidLength {
            expected: 32,
            actual: seed.len(),
        })
    })?;
    match variant {
        blsig_bindings::VARIANT_MIN_PK => {
            encrypt::<MinPk>(secret, password, path, description, kdf, &mut rng)
        }
        blsig_bindings::VARIANT_MIN_SIG => {
            encrypt::<MinSig>(secret, password, path, description, kdf, &mut rng)
        }
        _ => Err(bls_error("INVALID_SUITE", "unknown variant")),
    }
}

fn parse(json: &str) -> Result<Keystore, JsValue> {
    Keystore::from_json_detailed(json).map_err(|e| fail(e.error(), Some(e.detail())))
}

/// EIP-2335 `decrypt`: the 32-byte secret key of a keystore (of `variant`), after the
/// checksum and, when the keystore has one, the `pubkey` check. `WRONG_PASSWORD` (or a
/// damaged file: the format cannot tell), `MALFORMED_KEYSTORE` with the field,
/// `KEYSTORE_PARAMETER_OUT_OF_BOUNDS`, `KEYSTORE_PUBLIC_KEY_MISMATCH`.
#[wasm_bindgen(js_name = keystoreDecrypt)]
pub fn keystore_decrypt(json: &str, password: &str, variant: u32) -> Result<Vec<u8>, JsValue> {
    let keystore = parse(json)?;
    let secret = match variant {
        blsig_bindings::VARIANT_MIN_PK => keystore
            .decrypt::<MinPk>(password)
            .map(|sk| sk.to_bytes().to_vec()),
        blsig_bindings::VARIANT_MIN_SIG => keystore
            .decrypt::<MinSig>(password)
            .map(|sk| sk.to_bytes().to_vec()),
        _ => return Err(bls_error("INVALID_SUITE", "unknown variant")),
    };
    secret.map_err(core)
}

/// What a keystore says about itself, without the password, as JSON text:
/// `{ "path", "pubkey" (hex or null), "uuid", "description", "kdf", "cost", "kdfText" }`,
/// where `cost` is [`Kdf::cost_log2`] (the kdf's work, p and r included) and `kdf` names
/// the function.
#[wasm_bindgen(js_name = keystoreInfo)]
pub fn keystore_info(json: &str) -> Result<String, JsValue> {
    let keystore = parse(json)?;
    let kdf = match keystore.kdf() {
        Kdf::Scrypt { .. } => "scrypt",
        Kdf::Pbkdf2 { .. } => "pbkdf2",
    };
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let pubkey = match keystore.public_key::<MinPk>() {
        Some(Ok(pk)) => Some(hex(pk.to_bytes().as_ref())),
        _ => keystore
            .public_key::<MinSig>()
            .and_then(Result::ok)
            .map(|pk| hex(pk.to_bytes().as_ref())),
    };
    Ok(serde_json::json!({
        "path": keystore.path().unwrap_or(""),
        "pubkey": pubkey,
        "uuid": keystore.uuid(),
        "description": keystore.description(),
        "kdf": kdf,
        "cost": keystore.kdf().cost_log2(),
        "kdfText": keystore.kdf().to_string(),
    })
    .to_string())
}
