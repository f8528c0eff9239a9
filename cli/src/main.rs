//! `blsig`: a validator operator's key tool on the blsig library. BIP-39 mnemonics (or hex
//! seeds), EIP-2333/2334 key derivation, EIP-2335 keystores, and signing and verifying hex
//! messages. Secrets are never printed unless `--show-secret` asks for them, and never
//! taken from the command line.

mod cli;
mod commands;
mod secrets;
mod write;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, KeystoreCommand};

fn main() -> ExitCode {
    // Usage errors (a bad or missing argument) are clap's: a message naming the argument
    // and the usage line, exit 2.
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Derive(args) => commands::derive(&args),
        Command::Keystore {
            command: KeystoreCommand::New(args),
        } => commands::keystore_new(&args),
        Command::Keystore {
            command: KeystoreCommand::Show(args),
        } => commands::keystore_show(&args),
        Command::Keystore {
            command: KeystoreCommand::Check(args),
        } => commands::keystore_check(&args),
        Command::Sign(args) => commands::sign(&args),
        Command::Verify(args) => commands::verify(&args),
        Command::Completions { shell } => {
            commands::completions(shell);
            Ok(true)
        }
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("blsig: {message}");
            ExitCode::from(2)
        }
    }
}
