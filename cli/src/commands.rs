//! The commands. Every secret (seed, password, secret key) is read into a zeroizing buffer
//! and printed only behind `--show-secret`.

use std::fs;
use std::io::{Read, Write};

use blsig::derive::Path;
use blsig::keystore::{Kdf, Keystore};
use blsig::{
    Aug, Basic, MinPk, MinSig, Pop, PublicKey, Scheme, SecretKey, Signature, Variant, Zeroizing,
};

use crate::args::Args;

/// What a command returns: `Ok(true)` for success, `Ok(false)` for "the signature is
/// invalid" (exit 1), `Err` for everything that went wrong (exit 2).
pub type Outcome = Result<bool, String>;

fn fail(context: &str, e: impl std::fmt::Display) -> String {
    format!("{context}: {e}")
}

/// Hex with an optional `0x`, surrounding whitespace ignored.
fn parse_hex(what: &str, text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim();
    hex::decode(text.strip_prefix("0x").unwrap_or(text)).map_err(|e| fail(what, e))
}

fn read_file(path: &str) -> Result<Zeroizing<Vec<u8>>, String> {
    let mut out = Zeroizing::new(Vec::new());
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut out)
            .map_err(|e| fail("standard input", e))?;
    } else {
        let mut file = fs::File::open(path).map_err(|e| fail(path, e))?;
        file.read_to_end(&mut out).map_err(|e| fail(path, e))?;
    }
    Ok(out)
}

fn read_seed(args: &Args) -> Result<Zeroizing<Vec<u8>>, String> {
    let path = args.required("seed-file")?;
    let text = read_file(path)?;
    let text = std::str::from_utf8(&text).map_err(|_| format!("{path}: seed is not hex text"))?;
    Ok(Zeroizing::new(parse_hex(&format!("{path}: seed"), text)?))
}

/// The password file's contents without one trailing newline (`\n` or `\r\n`).
fn read_password(args: &Args) -> Result<Zeroizing<String>, String> {
    let path = args.required("password-file")?;
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{path}: password is not UTF-8"))?;
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    Ok(Zeroizing::new(text.to_string()))
}

/// `--path P`, or `--validator I` (signing key, or withdrawal key with `--withdrawal`).
fn read_path(args: &Args) -> Result<Path, String> {
    match (args.get("path"), args.get("validator")) {
        (Some(_), Some(_)) => Err("give --path or --validator, not both".into()),
        (Some(text), None) => Path::parse(text).map_err(|e| fail(&format!("--path {text}"), e)),
        (None, Some(index)) => {
            let index: u32 = index
                .parse()
                .map_err(|_| format!("--validator {index}: not an index below 2^32"))?;
            Ok(if args.has("withdrawal") {
                Path::withdrawal(index)
            } else {
                Path::signing(index)
            })
        }
        (None, None) => Err("--path or --validator is required".into()),
    }
}

#[derive(Clone, Copy)]
enum VariantName {
    MinPk,
    MinSig,
}

fn read_variant(args: &Args) -> Result<VariantName, String> {
    match args.get("variant").unwrap_or("min-pk") {
        "min-pk" => Ok(VariantName::MinPk),
        "min-sig" => Ok(VariantName::MinSig),
        other => Err(format!("--variant {other}: expected min-pk or min-sig")),
    }
}

fn print_key<V: Variant>(sk: &SecretKey<V>, path: Option<&Path>, show_secret: bool) {
    if let Some(path) = path {
        println!("path: {path}");
    }
    println!("pubkey: 0x{}", hex::encode(sk.public_key().to_bytes()));
    if show_secret {
        println!("secret: 0x{}", hex::encode(*sk.to_bytes()));
    }
}

/// `derive`: the key at a path of the seed's tree.
pub fn derive(args: &Args) -> Outcome {
    let seed = read_seed(args)?;
    let path = read_path(args)?;
    fn run<V: Variant>(seed: &[u8], path: &Path, show: bool) -> Outcome {
        let sk: SecretKey<V> = path.derive(seed).map_err(|e| fail("seed", e))?;
        print_key(&sk, Some(path), show);
        Ok(true)
    }
    match read_variant(args)? {
        VariantName::MinPk => run::<MinPk>(&seed, &path, args.has("show-secret")),
        VariantName::MinSig => run::<MinSig>(&seed, &path, args.has("show-secret")),
    }
}

fn read_kdf(args: &Args) -> Result<Kdf, String> {
    let cost = match args.get("cost") {
        None => 18,
        Some(text) => text
            .parse::<u8>()
            .map_err(|_| format!("--cost {text}: expected log2 of the kdf cost"))?,
    };
    let kdf = match args.get("kdf").unwrap_or("scrypt") {
        "scrypt" => Kdf::Scrypt {
            log_n: cost,
            r: 8,
            p: 1,
        },
        "pbkdf2" => Kdf::Pbkdf2 {
            c: 1u32
                .checked_shl(u32::from(cost))
                .ok_or_else(|| format!("--cost {cost}: too large"))?,
        },
        other => return Err(format!("--kdf {other}: expected scrypt or pbkdf2")),
    };
    kdf.check().map_err(|e| fail("--cost", e))?;
    Ok(kdf)
}

/// Writes a new file only (never overwrites), readable by its owner alone on Unix.
fn write_new_file(path: &str, contents: &str) -> Result<(), String> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| fail(path, e))?;
    file.write_all(contents.as_bytes())
        .map_err(|e| fail(path, e))
}

/// `keystore new`: derive a key and write it as an EIP-2335 keystore.
pub fn keystore_new(args: &Args) -> Outcome {
    let seed = read_seed(args)?;
    let path = read_path(args)?;
    let password = read_password(args)?;
    let out = args.required("out")?;
    let kdf = read_kdf(args)?;
    let description = args.get("description").unwrap_or("");
    let sk: SecretKey<MinPk> = path.derive(&seed).map_err(|e| fail("seed", e))?;
    let keystore = Keystore::encrypt(
        &sk,
        &password,
        Some(path),
        description,
        kdf,
        &mut rand::rng(),
    )
    .map_err(|e| fail("keystore", e))?;
    write_new_file(out, &keystore.to_json())?;
    println!("wrote: {out}");
    print_key(&sk, Some(&path), false);
    Ok(true)
}

fn read_keystore(path: &str) -> Result<Keystore, String> {
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{path}: not UTF-8"))?;
    Keystore::from_json(text).map_err(|e| fail(path, e))
}

/// `keystore show`: what the file says, without the password.
pub fn keystore_show(args: &Args) -> Outcome {
    let [file] = args.positional() else {
        return Err("keystore show takes one keystore file".into());
    };
    let keystore = read_keystore(file)?;
    if let Some(path) = keystore.path() {
        println!("path: {path}");
    }
    match keystore.public_key::<MinPk>() {
        Some(Ok(pk)) => println!("pubkey: 0x{}", hex::encode(pk.to_bytes())),
        Some(Err(e)) => println!("pubkey: not a min-pk key ({e})"),
        None => println!("pubkey: (none)"),
    }
    println!("uuid: {}", keystore.uuid());
    println!("kdf: {:?}", keystore.kdf());
    println!("description: {}", keystore.description());
    Ok(true)
}

/// `keystore check`: decrypt with the password and check the stored public key.
pub fn keystore_check(args: &Args) -> Outcome {
    let [file] = args.positional() else {
        return Err("keystore check takes one keystore file".into());
    };
    let keystore = read_keystore(file)?;
    let password = read_password(args)?;
    let sk: SecretKey<MinPk> = keystore.decrypt(&password).map_err(|e| fail(file, e))?;
    print_key(&sk, keystore.path(), args.has("show-secret"));
    Ok(true)
}

#[derive(Clone, Copy)]
enum SchemeName {
    Basic,
    Aug,
    Pop,
}

fn read_scheme(args: &Args) -> Result<SchemeName, String> {
    match args.get("scheme").unwrap_or("pop") {
        "basic" => Ok(SchemeName::Basic),
        "aug" => Ok(SchemeName::Aug),
        "pop" => Ok(SchemeName::Pop),
        other => Err(format!("--scheme {other}: expected basic, aug or pop")),
    }
}

/// `sign`: sign a hex message with the key in a keystore (min-pk, as Ethereum).
pub fn sign(args: &Args) -> Outcome {
    let keystore = read_keystore(args.required("keystore")?)?;
    let password = read_password(args)?;
    let message = parse_hex("--message", args.required("message")?)?;
    let scheme = read_scheme(args)?;
    let sk: SecretKey<MinPk> = keystore
        .decrypt(&password)
        .map_err(|e| fail("keystore", e))?;
    fn run<S: Scheme>(sk: &SecretKey<MinPk>, message: &[u8]) {
        let signature: Signature<MinPk, S> = sk.sign(message);
        println!("0x{}", hex::encode(signature.to_bytes()));
    }
    match scheme {
        SchemeName::Basic => run::<Basic>(&sk, &message),
        SchemeName::Aug => run::<Aug>(&sk, &message),
        SchemeName::Pop => run::<Pop>(&sk, &message),
    }
    Ok(true)
}

/// `verify`: check a signature; prints `valid` or `invalid`.
pub fn verify(args: &Args) -> Outcome {
    let pubkey = parse_hex("--pubkey", args.required("pubkey")?)?;
    let message = parse_hex("--message", args.required("message")?)?;
    let signature = parse_hex("--signature", args.required("signature")?)?;
    fn run<V: Variant, S: Scheme>(pk: &[u8], message: &[u8], signature: &[u8]) -> Outcome {
        let pk = PublicKey::<V>::from_bytes(pk).map_err(|e| fail("--pubkey", e))?;
        let signature =
            Signature::<V, S>::from_bytes(signature).map_err(|e| fail("--signature", e))?;
        let valid = pk.verify(message, &signature).is_ok();
        println!("{}", if valid { "valid" } else { "invalid" });
        Ok(valid)
    }
    let (p, m, s) = (&pubkey[..], &message[..], &signature[..]);
    match (read_variant(args)?, read_scheme(args)?) {
        (VariantName::MinPk, SchemeName::Basic) => run::<MinPk, Basic>(p, m, s),
        (VariantName::MinPk, SchemeName::Aug) => run::<MinPk, Aug>(p, m, s),
        (VariantName::MinPk, SchemeName::Pop) => run::<MinPk, Pop>(p, m, s),
        (VariantName::MinSig, SchemeName::Basic) => run::<MinSig, Basic>(p, m, s),
        (VariantName::MinSig, SchemeName::Aug) => run::<MinSig, Aug>(p, m, s),
        (VariantName::MinSig, SchemeName::Pop) => run::<MinSig, Pop>(p, m, s),
    }
}
