//! The command line, declared with clap: every command and subcommand has its own `--help`,
//! usage errors name the bad argument, and `blsig completions SHELL` prints completions.

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// BLS12-381 validator keys: BIP-39 mnemonics, EIP-2333/2334 derivation, EIP-2335
/// keystores, signing and verifying.
///
/// Secrets (mnemonic, seed, passwords) never come from the command line: they are read
/// from files, standard input ('-', for one input at a time), an environment variable
/// (passwords) or a prompt without echo. Secret keys are printed only with --show-secret.
///
/// Exit status: 0 success (or a valid signature), 1 an invalid signature, 2 an error.
#[derive(Parser)]
#[command(name = "blsig", version, about, long_about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the key at an EIP-2334 path of a mnemonic's (or seed's) tree.
    Derive(DeriveArgs),
    /// Create, inspect and check EIP-2335 keystores.
    Keystore {
        #[command(subcommand)]
        command: KeystoreCommand,
    },
    /// Sign a hex message with the key in a keystore (min-pk, as Ethereum).
    Sign(SignArgs),
    /// Check a signature; prints 'valid' (exit 0) or 'invalid' (exit 1).
    Verify(VerifyArgs),
    /// Print a shell completion script to standard output.
    Completions {
        /// The shell.
        shell: Shell,
    },
}

#[derive(Subcommand)]
pub enum KeystoreCommand {
    /// Derive a key and write it as a new EIP-2335 keystore (never overwrites a file).
    New(KeystoreNewArgs),
    /// Print what a keystore says about itself, without a password.
    Show(KeystoreShowArgs),
    /// Decrypt a keystore with its password and check the stored public key.
    Check(KeystoreCheckArgs),
}

/// Where the key tree's seed comes from. With neither option the mnemonic is asked for at
/// the terminal, without echo.
#[derive(Args)]
pub struct SeedArgs {
    /// A file holding the BIP-39 mnemonic (English word list, checksum verified, NFKD);
    /// '-' reads standard input.
    #[arg(long, value_name = "FILE")]
    pub mnemonic_file: Option<String>,
    /// A file holding the mnemonic's BIP-39 passphrase (one trailing newline is dropped);
    /// without it the passphrase is empty, as in Ethereum's deposit tools.
    #[arg(long, value_name = "FILE", conflicts_with = "seed_file")]
    pub mnemonic_passphrase_file: Option<String>,
    /// A file holding the seed itself as hex (at least 32 bytes); '-' reads standard input.
    #[arg(long, value_name = "FILE", conflicts_with = "mnemonic_file")]
    pub seed_file: Option<String>,
}

/// Which key of the tree.
#[derive(Args)]
pub struct KeyArgs {
    #[command(flatten)]
    pub choice: KeyChoice,
    /// With --validator: the withdrawal key m/12381/3600/I/0 instead.
    #[arg(long, requires = "validator", conflicts_with = "path")]
    pub withdrawal: bool,
}

/// A path, or a validator index.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct KeyChoice {
    /// An EIP-2334 path such as m/12381/3600/0/0/0.
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,
    /// Validator I's signing key, m/12381/3600/I/0/0.
    #[arg(long, value_name = "I")]
    pub validator: Option<u32>,
}

/// Where a keystore password comes from. With neither option it is asked for at the
/// terminal, without echo.
#[derive(Args)]
pub struct PasswordArgs {
    /// A file holding the password (one trailing newline is dropped); '-' reads standard
    /// input to its end.
    #[arg(long, value_name = "FILE", conflicts_with = "password_env")]
    pub password_file: Option<String>,
    /// The name of an environment variable holding the password (for automation).
    #[arg(long, value_name = "NAME")]
    pub password_env: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum VariantName {
    /// Keys in G1 (48 bytes), signatures in G2 (96 bytes): Ethereum's.
    MinPk,
    /// Keys in G2 (96 bytes), signatures in G1 (48 bytes).
    MinSig,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SchemeName {
    /// Proof of possession (Ethereum's).
    Pop,
    /// Basic (distinct messages).
    Basic,
    /// Message augmentation.
    Aug,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KdfName {
    /// scrypt with r = 8, p = 1.
    Scrypt,
    /// PBKDF2-HMAC-SHA-256.
    Pbkdf2,
}

#[derive(Args)]
pub struct DeriveArgs {
    #[command(flatten)]
    pub seed: SeedArgs,
    #[command(flatten)]
    pub key: KeyArgs,
    /// The BLS variant of the printed public key.
    #[arg(long, value_enum, default_value = "min-pk")]
    pub variant: VariantName,
    /// Also print the secret key.
    #[arg(long)]
    pub show_secret: bool,
}

#[derive(Args)]
pub struct KeystoreNewArgs {
    #[command(flatten)]
    pub seed: SeedArgs,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub password: PasswordArgs,
    /// Accept an empty password (refused otherwise).
    #[arg(long)]
    pub allow_empty_password: bool,
    /// The keystore file to create (refused if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: String,
    /// The key-derivation function.
    #[arg(long, value_enum, default_value = "scrypt")]
    pub kdf: KdfName,
    /// log2 of the kdf's cost: scrypt's n, or PBKDF2's c. Below the EIP's 18 a warning is
    /// printed; below 14 it is refused unless --allow-weak-kdf.
    #[arg(long, value_name = "LOG2", default_value_t = 18)]
    pub cost: u8,
    /// Accept a kdf cost below 2^14 (for tests, never for keys that matter).
    #[arg(long)]
    pub allow_weak_kdf: bool,
    /// The keystore's description field.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub description: String,
}

#[derive(Args)]
pub struct KeystoreShowArgs {
    /// The keystore file.
    pub file: String,
}

#[derive(Args)]
pub struct OpenArgs {
    #[command(flatten)]
    pub password: PasswordArgs,
    /// Refuse keystores whose kdf costs more than scrypt with n = 2^LOG2 (r = 8, p = 1)
    /// or PBKDF2 with c = 2^LOG2. Without it the library's bounds apply (up to 16× the
    /// EIP's own cost); lower it for files from untrusted sources.
    #[arg(long, value_name = "LOG2")]
    pub max_kdf_cost: Option<u8>,
}

#[derive(Args)]
pub struct KeystoreCheckArgs {
    /// The keystore file.
    pub file: String,
    #[command(flatten)]
    pub open: OpenArgs,
    /// Also print the secret key.
    #[arg(long)]
    pub show_secret: bool,
}

#[derive(Args)]
pub struct SignArgs {
    /// The keystore holding the signing key.
    #[arg(long, value_name = "FILE")]
    pub keystore: String,
    #[command(flatten)]
    pub open: OpenArgs,
    /// The message as hex (0x optional).
    #[arg(long, value_name = "HEX")]
    pub message: String,
    /// The ciphersuite's scheme.
    #[arg(long, value_enum, default_value = "pop")]
    pub scheme: SchemeName,
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The compressed public key as hex.
    #[arg(long, value_name = "HEX")]
    pub pubkey: String,
    /// The message as hex (0x optional).
    #[arg(long, value_name = "HEX")]
    pub message: String,
    /// The compressed signature as hex.
    #[arg(long, value_name = "HEX")]
    pub signature: String,
    /// The ciphersuite's scheme.
    #[arg(long, value_enum, default_value = "pop")]
    pub scheme: SchemeName,
    /// The BLS variant.
    #[arg(long, value_enum, default_value = "min-pk")]
    pub variant: VariantName,
}
