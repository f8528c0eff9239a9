//! `blsig`: a validator operator's key tool on the blsig library. EIP-2333/2334 key
//! derivation, EIP-2335 keystores, and signing and verifying hex messages. Secrets are
//! never printed unless `--show-secret` asks for them.

mod args;
mod commands;

use std::process::ExitCode;

use args::Args;

const HELP: &str = "\
blsig — BLS12-381 validator keys (EIP-2333 derivation, EIP-2335 keystores)

USAGE:
    blsig derive --seed-file FILE (--path PATH | --validator I [--withdrawal])
                 [--variant min-pk|min-sig] [--show-secret]
    blsig keystore new --seed-file FILE (--path PATH | --validator I [--withdrawal])
                 --password-file FILE --out FILE [--kdf scrypt|pbkdf2] [--cost LOG2]
                 [--description TEXT]
    blsig keystore show FILE
    blsig keystore check FILE --password-file FILE [--show-secret]
    blsig sign --keystore FILE --password-file FILE --message HEX [--scheme pop|basic|aug]
    blsig verify --pubkey HEX --message HEX --signature HEX [--scheme pop|basic|aug]
                 [--variant min-pk|min-sig]
    blsig help | --help

INPUT:
    --seed-file     a file holding the seed as hex (at least 32 bytes; e.g. the BIP-39
                    seed of the mnemonic); '-' reads standard input
    --path          an EIP-2334 path such as m/12381/3600/0/0/0
    --validator I   the signing key m/12381/3600/I/0/0 (with --withdrawal: m/12381/3600/I/0)
    --password-file a file holding the keystore password (one trailing newline is
                    dropped); '-' reads standard input
    --kdf, --cost   the keystore's kdf and log2 of its cost (default scrypt, 18: the
                    ERC's n = 2^18, r = 8, p = 1)
    --scheme        the ciphersuite: pop (Ethereum's, the default), basic or aug

OUTPUT:
    Keys print as 'path:', 'pubkey:' (and 'secret:' only with --show-secret) lines; sign
    prints the signature as 0x-hex; verify prints 'valid' or 'invalid'.

EXIT STATUS:
    0 success or a valid signature, 1 an invalid signature, 2 an error (the message says
    what was wrong, and never contains a secret).
";

/// Valued options and switches per command.
fn options(command: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match command {
        "derive" => (
            &["seed-file", "path", "validator", "variant"],
            &["withdrawal", "show-secret"],
        ),
        "keystore new" => (
            &[
                "seed-file",
                "path",
                "validator",
                "password-file",
                "out",
                "kdf",
                "cost",
                "description",
            ],
            &["withdrawal"],
        ),
        "keystore show" => (&[], &[]),
        "keystore check" => (&["password-file"], &["show-secret"]),
        "sign" => (&["keystore", "password-file", "message", "scheme"], &[]),
        "verify" => (
            &["pubkey", "message", "signature", "scheme", "variant"],
            &[],
        ),
        _ => return None,
    })
}

fn run(argv: &[String]) -> commands::Outcome {
    let (command, rest) = match argv {
        [] => return Err("no command (try 'blsig --help')".into()),
        [first, second, rest @ ..] if first == "keystore" => (format!("keystore {second}"), rest),
        [first, rest @ ..] => (first.clone(), rest),
    };
    if matches!(command.as_str(), "help" | "--help" | "-h")
        || rest.iter().any(|a| a == "--help" || a == "-h")
    {
        print!("{HELP}");
        return Ok(true);
    }
    let Some((valued, switches)) = options(&command) else {
        return Err(format!("unknown command '{command}' (try 'blsig --help')"));
    };
    let args = Args::parse(rest, valued, switches)?;
    if !matches!(command.as_str(), "keystore show" | "keystore check")
        && !args.positional().is_empty()
    {
        return Err(format!(
            "unexpected argument '{}'",
            args.positional().join(" ")
        ));
    }
    match command.as_str() {
        "derive" => commands::derive(&args),
        "keystore new" => commands::keystore_new(&args),
        "keystore show" => commands::keystore_show(&args),
        "keystore check" => commands::keystore_check(&args),
        "sign" => commands::sign(&args),
        _ => commands::verify(&args),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("blsig: {message}");
            ExitCode::from(2)
        }
    }
}
