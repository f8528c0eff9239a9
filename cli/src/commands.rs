//! The commands. Every secret (mnemonic, seed, password, secret key) is read into a
//! zeroizing buffer and printed only behind `--show-secret`.

use std::fs;

use blsig::derive::Path;
use blsig::keystore::{Kdf, Keystore};
use blsig::{Aug, Basic, MinPk, MinSig, Pop, PublicKey, Scheme, SecretKey, Signature, Variant};
use clap::CommandFactory;

use crate::cli::{
    Cli, DeriveArgs, KdfName, KeyArgs, KeystoreCheckArgs, KeystoreNewArgs, KeystoreShowArgs,
    OpenArgs, SchemeName, SignArgs, VariantName, VerifyArgs,
};
use crate::secrets::{Inputs, PasswordUse, read_password, read_seed};
use crate::write::write_new_file;

/// What a command returns: `Ok(true)` for success, `Ok(false)` for "the signature is
/// invalid" (exit 1), `Err` for everything that went wrong (exit 2).
pub type Outcome = Result<bool, String>;

/// The kdf cost (log2) the EIP uses, and the least `keystore new` accepts without
/// `--allow-weak-kdf`.
const EIP_COST: u8 = 18;
const MIN_COST: u8 = 14;

fn fail(context: &str, e: impl std::fmt::Display) -> String {
    format!("{context}: {e}")
}

/// Hex with an optional `0x`, surrounding whitespace ignored.
fn parse_hex(what: &str, text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim();
    hex::decode(text.strip_prefix("0x").unwrap_or(text)).map_err(|e| fail(what, e))
}

/// `--path P`, or `--validator I` (signing key, or withdrawal key with `--withdrawal`;
/// clap refuses `--withdrawal` with `--path`).
fn read_path(key: &KeyArgs) -> Result<Path, String> {
    match (&key.choice.path, key.choice.validator) {
        (Some(text), _) => Path::parse(text).map_err(|e| fail(&format!("--path {text}"), e)),
        (None, Some(index)) if key.withdrawal => Ok(Path::withdrawal(index)),
        (None, Some(index)) => Ok(Path::signing(index)),
        (None, None) => Err("--path or --validator is required".into()),
    }
}

fn print_key<V: Variant>(sk: &SecretKey<V>, path: Option<&str>, show_secret: bool) {
    if let Some(path) = path {
        println!("path: {path}");
    }
    println!("pubkey: 0x{}", hex::encode(sk.public_key().to_bytes()));
    if show_secret {
        println!("secret: 0x{}", hex::encode(*sk.to_bytes()));
    }
}

/// `derive`: the key at a path of the seed's tree.
pub fn derive(args: &DeriveArgs) -> Outcome {
    let path = read_path(&args.key)?;
    let seed = read_seed(&args.seed, &mut Inputs::default())?;
    fn run<V: Variant>(seed: &[u8], path: &Path, show: bool) -> Outcome {
        let sk: SecretKey<V> = path.derive(seed).map_err(|e| fail("seed", e))?;
        print_key(&sk, Some(&path.to_string()), show);
        Ok(true)
    }
    match args.variant {
        VariantName::MinPk => run::<MinPk>(&seed, &path, args.show_secret),
        VariantName::MinSig => run::<MinSig>(&seed, &path, args.show_secret),
    }
}

/// The kdf `keystore new` writes: warns below the EIP's cost, refuses below the floor.
fn new_kdf(args: &KeystoreNewArgs) -> Result<Kdf, String> {
    let cost = args.cost;
    if cost < MIN_COST && !args.allow_weak_kdf {
        return Err(format!(
            "--cost {cost}: below 2^{MIN_COST}, the password is cheap to guess \
             (pass --allow-weak-kdf for a throw-away key)"
        ));
    }
    if cost < EIP_COST {
        eprintln!("blsig: warning: --cost {cost} is below the EIP-2335 default of {EIP_COST}");
    }
    let kdf = match args.kdf {
        KdfName::Scrypt => Kdf::Scrypt {
            log_n: cost,
            r: 8,
            p: 1,
        },
        KdfName::Pbkdf2 => Kdf::Pbkdf2 {
            c: 1u32
                .checked_shl(u32::from(cost))
                .ok_or_else(|| format!("--cost {cost}: too large"))?,
        },
    };
    kdf.check()
        .map_err(|e| fail(&format!("--cost {cost}"), e))?;
    Ok(kdf)
}

/// `keystore new`: derive a key and write it as an EIP-2335 keystore.
pub fn keystore_new(args: &KeystoreNewArgs) -> Outcome {
    let path = read_path(&args.key)?;
    let kdf = new_kdf(args)?;
    if fs::symlink_metadata(&args.out).is_ok() {
        return Err(format!(
            "{}: the file exists; it is not overwritten",
            args.out
        ));
    }
    let mut inputs = Inputs::default();
    let seed = read_seed(&args.seed, &mut inputs)?;
    let usage = PasswordUse::Create {
        allow_empty: args.allow_empty_password,
    };
    let password = read_password(&args.password, &mut inputs, usage)?;
    let sk: SecretKey<MinPk> = path.derive(&seed).map_err(|e| fail("seed", e))?;
    let keystore = Keystore::encrypt(
        &sk,
        &password,
        Some(path),
        &args.description,
        kdf,
        &mut rand::rng(),
    )
    .map_err(|e| fail("keystore", e))?;
    write_new_file(&args.out, keystore.to_json().as_bytes())?;
    println!("wrote: {}", args.out);
    print_key(&sk, Some(&path.to_string()), false);
    Ok(true)
}

fn read_keystore(file: &str) -> Result<Keystore, String> {
    let bytes = fs::read(file).map_err(|e| fail(file, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{file}: not UTF-8"))?;
    Keystore::from_json_detailed(text).map_err(|e| fail(file, e))
}

/// Reads a keystore to decrypt: refuses one costlier than `--max-kdf-cost`, and warns when
/// it has no `pubkey` to check the decrypted key against.
fn open_keystore(file: &str, open: &OpenArgs) -> Result<Keystore, String> {
    let keystore = read_keystore(file)?;
    if let Some(max) = open.max_kdf_cost {
        let cost = keystore.kdf().cost_log2();
        if cost > u32::from(max) {
            return Err(format!(
                "{file}: the kdf ({}) costs about 2^{cost}, above --max-kdf-cost {max}",
                keystore.kdf()
            ));
        }
    }
    if !keystore.has_public_key() {
        eprintln!(
            "blsig: warning: {file} has no pubkey: EIP-2335's checksum does not cover the \
             IV, so a tampered file could decrypt to another key without an error; compare \
             the printed pubkey with one you trust"
        );
    }
    Ok(keystore)
}

/// Opens a keystore: the checks of [`open_keystore`], the password, the decryption (which
/// checks the stored pubkey).
fn unlock(file: &str, open: &OpenArgs) -> Result<(Keystore, SecretKey<MinPk>), String> {
    let keystore = open_keystore(file, open)?;
    let password = read_password(&open.password, &mut Inputs::default(), PasswordUse::Open)?;
    let sk = keystore.decrypt(&password).map_err(|e| fail(file, e))?;
    Ok((keystore, sk))
}

/// `keystore show`: what the file says, without the password.
pub fn keystore_show(args: &KeystoreShowArgs) -> Outcome {
    let keystore = read_keystore(&args.file)?;
    if let Some(path) = keystore.path() {
        println!("path: {path}");
    }
    match keystore.public_key::<MinPk>() {
        Some(Ok(pk)) => println!("pubkey: 0x{}", hex::encode(pk.to_bytes())),
        Some(Err(e)) => println!("pubkey: not a min-pk key ({e})"),
        None => println!("pubkey: (none)"),
    }
    println!("uuid: {}", keystore.uuid());
    println!("kdf: {}", keystore.kdf());
    println!("description: {}", keystore.description());
    Ok(true)
}

/// `keystore check`: decrypt with the password and check the stored public key.
pub fn keystore_check(args: &KeystoreCheckArgs) -> Outcome {
    let (keystore, sk) = unlock(&args.file, &args.open)?;
    print_key(&sk, keystore.path(), args.show_secret);
    Ok(true)
}

/// `sign`: sign a hex message with the key in a keystore (min-pk, as Ethereum).
pub fn sign(args: &SignArgs) -> Outcome {
    let message = parse_hex("--message", &args.message)?;
    let (_, sk) = unlock(&args.keystore, &args.open)?;
    fn run<S: Scheme>(sk: &SecretKey<MinPk>, message: &[u8]) {
        let signature: Signature<MinPk, S> = sk.sign(message);
        println!("0x{}", hex::encode(signature.to_bytes()));
    }
    match args.scheme {
        SchemeName::Basic => run::<Basic>(&sk, &message),
        SchemeName::Aug => run::<Aug>(&sk, &message),
        SchemeName::Pop => run::<Pop>(&sk, &message),
    }
    Ok(true)
}

/// `verify`: check a signature; prints `valid` or `invalid`.
pub fn verify(args: &VerifyArgs) -> Outcome {
    let pubkey = parse_hex("--pubkey", &args.pubkey)?;
    let message = parse_hex("--message", &args.message)?;
    let signature = parse_hex("--signature", &args.signature)?;
    fn run<V: Variant, S: Scheme>(pk: &[u8], message: &[u8], signature: &[u8]) -> Outcome {
        let pk = PublicKey::<V>::from_bytes(pk).map_err(|e| fail("--pubkey", e))?;
        let signature =
            Signature::<V, S>::from_bytes(signature).map_err(|e| fail("--signature", e))?;
        let valid = pk.verify(message, &signature).is_ok();
        println!("{}", if valid { "valid" } else { "invalid" });
        Ok(valid)
    }
    let (p, m, s) = (&pubkey[..], &message[..], &signature[..]);
    match (args.variant, args.scheme) {
        (VariantName::MinPk, SchemeName::Basic) => run::<MinPk, Basic>(p, m, s),
        (VariantName::MinPk, SchemeName::Aug) => run::<MinPk, Aug>(p, m, s),
        (VariantName::MinPk, SchemeName::Pop) => run::<MinPk, Pop>(p, m, s),
        (VariantName::MinSig, SchemeName::Basic) => run::<MinSig, Basic>(p, m, s),
        (VariantName::MinSig, SchemeName::Aug) => run::<MinSig, Aug>(p, m, s),
        (VariantName::MinSig, SchemeName::Pop) => run::<MinSig, Pop>(p, m, s),
    }
}

/// `completions SHELL`: the completion script for the whole command tree.
pub fn completions(shell: clap_complete::Shell) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "blsig", &mut std::io::stdout());
}
