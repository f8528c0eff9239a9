//! Reading secrets: the mnemonic or seed, its passphrase, keystore passwords. Each comes
//! from a file, standard input ('-'), an environment variable (passwords only) or a
//! prompt at the terminal without echo; never from the command line. Everything read is
//! kept in zeroizing buffers.

use std::fs;
use std::io::{IsTerminal, Read};

use bip39::{Language, Mnemonic};
use blsig::Zeroizing;

use crate::cli::{PasswordArgs, SeedArgs};

/// The inputs of one command: standard input can feed only one of them (a second reader
/// would get nothing, silently: an empty password).
#[derive(Default)]
pub struct Inputs {
    stdin_is: Option<&'static str>,
}

impl Inputs {
    /// The contents of `path` (or of standard input for '-'), read as `what`.
    fn read(&mut self, path: &str, what: &'static str) -> Result<Zeroizing<Vec<u8>>, String> {
        let mut out = Zeroizing::new(Vec::new());
        if path == "-" {
            if let Some(first) = self.stdin_is {
                return Err(format!(
                    "standard input is already the {first}; give the {what} another way"
                ));
            }
            self.stdin_is = Some(what);
            std::io::stdin()
                .read_to_end(&mut out)
                .map_err(|e| format!("standard input: {e}"))?;
        } else {
            let mut file = fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
            file.read_to_end(&mut out)
                .map_err(|e| format!("{path}: {e}"))?;
        }
        Ok(out)
    }

    /// A text input: UTF-8, without one trailing newline (`\n` or `\r\n`).
    fn read_line(&mut self, path: &str, what: &'static str) -> Result<Zeroizing<String>, String> {
        let bytes = self.read(path, what)?;
        let text =
            std::str::from_utf8(&bytes).map_err(|_| format!("{path}: the {what} is not UTF-8"))?;
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        Ok(Zeroizing::new(text.to_owned()))
    }
}

/// Asks at the terminal without echo. Refused when standard input is not a terminal, so
/// that a script never hangs on a prompt it cannot answer.
fn prompt(question: &str, how: &str) -> Result<Zeroizing<String>, String> {
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "standard input is not a terminal, so it cannot be asked for: {how}"
        ));
    }
    rpassword::prompt_password(question)
        .map(Zeroizing::new)
        .map_err(|e| format!("terminal: {e}"))
}

/// The seed of the key tree: the BIP-39 seed of a mnemonic (with its passphrase), or a hex
/// seed given as such.
pub fn read_seed(args: &SeedArgs, inputs: &mut Inputs) -> Result<Zeroizing<Vec<u8>>, String> {
    if let Some(path) = &args.seed_file {
        let text = inputs.read_line(path, "seed")?;
        let text = text.trim();
        let hex = text.strip_prefix("0x").unwrap_or(text);
        let seed = hex::decode(hex).map_err(|e| {
            let hint = if hex.contains(' ') {
                " (a mnemonic goes in --mnemonic-file)"
            } else {
                ""
            };
            format!("{path}: the seed is not hex: {e}{hint}")
        })?;
        return Ok(Zeroizing::new(seed));
    }
    let (words, origin) = match &args.mnemonic_file {
        Some(path) => (inputs.read_line(path, "mnemonic")?, path.as_str()),
        None => (
            prompt(
                "Mnemonic (not shown): ",
                "give --mnemonic-file FILE or --seed-file FILE",
            )?,
            "the mnemonic",
        ),
    };
    let passphrase = match &args.mnemonic_passphrase_file {
        Some(path) => inputs.read_line(path, "mnemonic passphrase")?,
        None => Zeroizing::new(String::new()),
    };
    // BIP-39: the words are NFKD-normalised, separated by single spaces; the checksum is
    // verified. Extra whitespace around or between words is tolerated.
    let normalised = Zeroizing::new(words.split_whitespace().collect::<Vec<_>>().join(" "));
    let mnemonic = Mnemonic::parse_in(Language::English, normalised.as_str())
        .map_err(|e| format!("{origin}: {e}"))?;
    Ok(Zeroizing::new(
        mnemonic.to_seed(passphrase.as_str()).to_vec(),
    ))
}

/// How a password is used: to open a keystore, or to create one (asked twice at a prompt,
/// and refused when empty unless allowed).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PasswordUse {
    Open,
    Create { allow_empty: bool },
}

/// The keystore password.
pub fn read_password(
    args: &PasswordArgs,
    inputs: &mut Inputs,
    usage: PasswordUse,
) -> Result<Zeroizing<String>, String> {
    let password = if let Some(path) = &args.password_file {
        inputs.read_line(path, "password")?
    } else if let Some(name) = &args.password_env {
        match std::env::var(name) {
            Ok(value) => Zeroizing::new(value),
            Err(std::env::VarError::NotPresent) => {
                return Err(format!("--password-env {name}: the variable is not set"));
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(format!("--password-env {name}: the value is not UTF-8"));
            }
        }
    } else {
        let how = "give --password-file FILE or --password-env NAME";
        let first = prompt("Keystore password (not shown): ", how)?;
        if matches!(usage, PasswordUse::Create { .. }) {
            let again = prompt("Repeat the password: ", how)?;
            if first.as_str() != again.as_str() {
                return Err("the two passwords differ".into());
            }
        }
        first
    };
    if usage == (PasswordUse::Create { allow_empty: false }) && password.is_empty() {
        return Err(
            "the password is empty (pass --allow-empty-password if that is intended)".into(),
        );
    }
    Ok(password)
}
