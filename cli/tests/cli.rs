//! The `blsig` tool as an operator runs it: derive, keystore new/show/check, sign, verify,
//! the ERC keystores, and the errors. No secret appears in any output unless asked for.
// Harness code: a failed setup step is the run's failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn blsig(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blsig"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The value of a `name: value` line.
fn field(out: &Output, name: &str) -> String {
    let text = stdout(out);
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no {name} in {text}"))
        .to_string()
}

/// A fresh scratch folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_string()
}

/// ERC-2333 test case 0: seed → master key (decimal in the ERC, hex here).
const SEED0: &str = "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04";

fn be_hex_of_decimal(decimal: &str) -> String {
    let mut out = [0u8; 32];
    for digit in decimal.bytes() {
        let mut carry = u32::from(digit - b'0');
        for byte in out.iter_mut().rev() {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
    }
    hex::encode(out)
}

#[test]
fn derive_prints_no_secret_unless_asked() {
    let dir = scratch("derive");
    let seed = write(&dir, "seed", &format!("0x{SEED0}\n"));
    let master = be_hex_of_decimal(
        "6083874454709270928345386274498605044986640685124978867557563392430687146096",
    );
    let child = be_hex_of_decimal(
        "20397789859736650942317412262472558107875392172444076792671091975210932703118",
    );

    let out = blsig(&["derive", "--seed-file", &seed, "--path", "m"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains(&master) && !stderr(&out).contains(&master));
    assert!(!stdout(&out).contains("secret"));
    assert_eq!(field(&out, "path"), "m");

    let out = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--path",
        "m",
        "--show-secret",
    ]);
    assert_eq!(field(&out, "secret"), format!("0x{master}"));
    let out = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--path",
        "m/0",
        "--show-secret",
    ]);
    assert_eq!(field(&out, "secret"), format!("0x{child}"));

    let by_index = blsig(&["derive", "--seed-file", &seed, "--validator", "5"]);
    let by_path = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--path",
        "m/12381/3600/5/0/0",
    ]);
    assert_eq!(stdout(&by_index), stdout(&by_path));
    assert_eq!(field(&by_index, "path"), "m/12381/3600/5/0/0");
    let withdrawal = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--validator",
        "5",
        "--withdrawal",
    ]);
    assert_eq!(field(&withdrawal, "path"), "m/12381/3600/5/0");
    assert_ne!(field(&withdrawal, "pubkey"), field(&by_index, "pubkey"));
    let min_sig = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--validator",
        "5",
        "--variant",
        "min-sig",
    ]);
    assert_eq!(field(&min_sig, "pubkey").len(), 2 + 192);
    assert_eq!(field(&by_index, "pubkey").len(), 2 + 96);
}

#[test]
fn keystore_sign_verify_round_trip() {
    let dir = scratch("round-trip");
    let seed = write(&dir, "seed", SEED0);
    let password = write(&dir, "password", "pässword\n");
    let keystore = dir.join("keystore.json").to_str().unwrap().to_string();
    let new = [
        "keystore",
        "new",
        "--seed-file",
        &seed,
        "--validator",
        "0",
        "--password-file",
        &password,
        "--out",
        &keystore,
        "--cost",
        "10",
        "--allow-weak-kdf",
        "--description",
        "test key",
    ];
    let out = blsig(&new);
    assert!(out.status.success(), "{}", stderr(&out));
    let pubkey = field(&out, "pubkey");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&keystore).unwrap()).unwrap();
    assert_eq!(json["path"], "m/12381/3600/0/0/0");
    assert_eq!(json["crypto"]["kdf"]["params"]["n"], 1024);
    assert_eq!(format!("0x{}", json["pubkey"].as_str().unwrap()), pubkey);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&keystore).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "keystore readable by others: {mode:o}");
    }
    // Never overwrites.
    let again = blsig(&new);
    assert_eq!(again.status.code(), Some(2));

    let show = blsig(&["keystore", "show", &keystore]);
    assert!(show.status.success(), "{}", stderr(&show));
    assert_eq!(field(&show, "pubkey"), pubkey);
    assert_eq!(field(&show, "description"), "test key");
    let check = blsig(&["keystore", "check", &keystore, "--password-file", &password]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_eq!(field(&check, "pubkey"), pubkey);
    assert!(!stdout(&check).contains("secret"));

    let message = "0x48656c6c6f";
    let signed = blsig(&[
        "sign",
        "--keystore",
        &keystore,
        "--password-file",
        &password,
        "--message",
        message,
    ]);
    assert!(signed.status.success(), "{}", stderr(&signed));
    let signature = stdout(&signed).trim().to_string();
    assert_eq!(signature.len(), 2 + 192);
    let ok = blsig(&[
        "verify",
        "--pubkey",
        &pubkey,
        "--message",
        message,
        "--signature",
        &signature,
    ]);
    assert_eq!((ok.status.code(), stdout(&ok).trim()), (Some(0), "valid"));
    let bad = blsig(&[
        "verify",
        "--pubkey",
        &pubkey,
        "--message",
        "0x00",
        "--signature",
        &signature,
    ]);
    assert_eq!(
        (bad.status.code(), stdout(&bad).trim()),
        (Some(1), "invalid")
    );
    // Another scheme is another signature: it does not verify under Pop.
    let basic = blsig(&[
        "sign",
        "--keystore",
        &keystore,
        "--password-file",
        &password,
        "--message",
        message,
        "--scheme",
        "basic",
    ]);
    let basic_sig = stdout(&basic).trim().to_string();
    assert_ne!(basic_sig, signature);
    let cross = blsig(&[
        "verify",
        "--pubkey",
        &pubkey,
        "--message",
        message,
        "--signature",
        &basic_sig,
    ]);
    assert_eq!(cross.status.code(), Some(1));
    let same = blsig(&[
        "verify",
        "--pubkey",
        &pubkey,
        "--message",
        message,
        "--signature",
        &basic_sig,
        "--scheme",
        "basic",
    ]);
    assert_eq!(same.status.code(), Some(0));

    // Wrong password: exit 2, a clear message, no key.
    let wrong = write(&dir, "wrong", "password\n");
    let out = blsig(&["keystore", "check", &keystore, "--password-file", &wrong]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("wrong password, or the keystore is damaged"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn erc_keystores_open() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors/eip2335");
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "vectors missing in CI"
        );
        eprintln!("SKIPPED: {} not found", dir.display());
        return;
    }
    let scratch = scratch("erc");
    for name in ["scrypt.json", "pbkdf2.json"] {
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        let keystore = write(&scratch, name, &vector["keystore"].to_string());
        let password = write(&scratch, "password", vector["password"].as_str().unwrap());
        let out = blsig(&[
            "keystore",
            "check",
            &keystore,
            "--password-file",
            &password,
            "--show-secret",
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(
            field(&out, "secret"),
            format!("0x{}", vector["secret"].as_str().unwrap())
        );
        assert_eq!(
            field(&out, "pubkey"),
            format!("0x{}", vector["keystore"]["pubkey"].as_str().unwrap())
        );
        assert_eq!(
            field(&out, "path"),
            vector["keystore"]["path"].as_str().unwrap()
        );
    }
}

fn blsig_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_blsig"));
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// Runs with `input` on standard input.
fn blsig_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_blsig"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// A cheap keystore of validator 0 under `password`, for the tests that read one.
fn cheap_keystore(dir: &Path, password: &str) -> String {
    let seed = write(dir, "seed", SEED0);
    let password = write(dir, "password", password);
    let out = dir.join("keystore.json").to_str().unwrap().to_string();
    let made = blsig(&[
        "keystore",
        "new",
        "--seed-file",
        &seed,
        "--validator",
        "0",
        "--password-file",
        &password,
        "--out",
        &out,
        "--cost",
        "10",
        "--allow-weak-kdf",
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    out
}

/// Usage errors are clap's (exit 2, the bad argument named); the others are one
/// `blsig: …` line (exit 2). No secret appears in any message.
#[test]
fn errors_are_clear_and_exit_2() {
    let dir = scratch("errors");
    let seed = write(&dir, "seed", SEED0);
    let short = write(&dir, "short", "00ff");
    let cases: &[(&[&str], &str)] = &[
        (&[], "Usage: blsig <COMMAND>"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&["keystore"], "Usage: blsig keystore <COMMAND>"),
        (&["keystore", "frob"], "unrecognized subcommand 'frob'"),
        (
            &["derive", "--seed-file", &seed],
            "<--path <PATH>|--validator <I>>",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m/01"],
            "blsig: --path m/01: malformed key-derivation path",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m/4294967296"],
            "path index not below 2^32",
        ),
        (
            &["derive", "--seed-file", &seed, "--validator", "x"],
            "invalid value 'x' for '--validator <I>'",
        ),
        (
            &[
                "derive",
                "--seed-file",
                &seed,
                "--path",
                "m",
                "--validator",
                "1",
            ],
            "cannot be used with",
        ),
        (
            &[
                "derive",
                "--seed-file",
                &seed,
                "--path",
                "m/12381/3600/0/0",
                "--withdrawal",
            ],
            "--validator <I>",
        ),
        (
            &["derive", "--seed-file", &short, "--path", "m"],
            "shorter than 32 bytes",
        ),
        (
            &["derive", "--seed-file", "/nonexistent/seed", "--path", "m"],
            "blsig: /nonexistent/seed:",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m", "--bogus"],
            "unexpected argument '--bogus'",
        ),
        (
            &["derive", "--seed-file", &seed, "--path"],
            "a value is required for '--path <PATH>'",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m", "--path", "m"],
            "cannot be used multiple times",
        ),
        (
            &[
                "derive",
                "--seed-file",
                &seed,
                "--path",
                "m",
                "--variant",
                "g3",
            ],
            "invalid value 'g3' for '--variant <VARIANT>'",
        ),
        (
            &[
                "verify",
                "--pubkey",
                "0x00",
                "--message",
                "00",
                "--signature",
                "00",
            ],
            "blsig: --pubkey",
        ),
        (
            &[
                "verify",
                "--pubkey",
                "zz",
                "--message",
                "00",
                "--signature",
                "00",
            ],
            "blsig: --pubkey",
        ),
        (&["keystore", "show"], "<FILE>"),
        (
            &["keystore", "show", &seed],
            "malformed EIP-2335 keystore: expected value at line 1 column 1",
        ),
        (
            &[
                "keystore",
                "new",
                "--seed-file",
                &seed,
                "--validator",
                "1",
                "--password-file",
                &seed,
                "--out",
                "/tmp/x",
                "--cost",
                "30",
            ],
            "out of bounds",
        ),
    ];
    for (args, needle) in cases {
        let out = blsig(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains(SEED0));
    }
}

/// Every command and subcommand has its own help; `--version` and completions exist.
#[test]
fn help_version_and_completions() {
    let help = blsig(&["--help"]);
    assert!(help.status.success());
    for command in ["derive", "keystore", "sign", "verify", "completions"] {
        assert!(stdout(&help).contains(command), "{command}");
    }
    let keystore = blsig(&["keystore", "--help"]);
    assert!(keystore.status.success(), "{}", stderr(&keystore));
    for command in ["new", "show", "check"] {
        assert!(stdout(&keystore).contains(command), "{command}");
    }
    let new = blsig(&["keystore", "new", "--help"]);
    assert!(new.status.success());
    assert!(stdout(&new).contains("Usage: blsig keystore new"));
    assert!(stdout(&new).contains("--allow-empty-password"));
    assert_ne!(stdout(&new), stdout(&help));
    let derive = blsig(&["derive", "--help"]);
    assert!(stdout(&derive).contains("--mnemonic-file"));
    assert!(!stdout(&derive).contains("--out"));

    let version = blsig(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("blsig {}", env!("CARGO_PKG_VERSION"))
    );
    let bash = blsig(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("_blsig"));
    assert!(stdout(&bash).contains("--mnemonic-file"));
}

/// BIP-39 test vectors (trezor/python-mnemonic `vectors.json`, commit b57a5ad, English,
/// passphrase "TREZOR"): the key tree of the mnemonic is the key tree of the vector's
/// seed. Vector 0's seed is also EIP-2333's test case 0, whose master key is published.
#[test]
fn mnemonics_give_the_bip39_seed() {
    let vectors = [
        (
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            SEED0,
        ),
        (
            "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
            "f2b94508732bcbacbcc020faefecfc89feafa6649a5491b8c952cede496c214a0c7b3c392d168748f2d4a612bada0753b52a1c7ac53c1e93abd5c6320b9e95dd",
        ),
        (
            "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
            "274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028",
        ),
        (
            "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
            "01f5bced59dec48e362f2c45b5de68b9fd6c92c6634f44d6d40aab69056506f0e35524a518034ddc1192e1dacd32c1ed3eaa3c3b131c88ed8e7e54c49a5d0998",
        ),
    ];
    let dir = scratch("bip39");
    let passphrase = write(&dir, "passphrase", "TREZOR\n");
    for (i, (words, seed)) in vectors.iter().enumerate() {
        // Line breaks and doubled spaces between words are tolerated.
        let mnemonic = write(&dir, &format!("m{i}"), &words.replacen(' ', "\n  ", 2));
        let seed = write(&dir, &format!("s{i}"), seed);
        for path in ["m", "m/12381/3600/3/0/0"] {
            let from_words = blsig(&[
                "derive",
                "--mnemonic-file",
                &mnemonic,
                "--mnemonic-passphrase-file",
                &passphrase,
                "--path",
                path,
                "--show-secret",
            ]);
            assert!(from_words.status.success(), "{}", stderr(&from_words));
            let from_seed = blsig(&[
                "derive",
                "--seed-file",
                &seed,
                "--path",
                path,
                "--show-secret",
            ]);
            assert_eq!(stdout(&from_words), stdout(&from_seed), "vector {i} {path}");
        }
    }
    let mnemonic = write(&dir, "m0", vectors[0].0);
    let master = blsig(&[
        "derive",
        "--mnemonic-file",
        &mnemonic,
        "--mnemonic-passphrase-file",
        &passphrase,
        "--path",
        "m",
        "--show-secret",
    ]);
    assert_eq!(
        field(&master, "secret"),
        format!(
            "0x{}",
            be_hex_of_decimal(
                "6083874454709270928345386274498605044986640685124978867557563392430687146096"
            )
        )
    );
    // The passphrase is NFKD-normalised (BIP-39): composed and decomposed é agree.
    let composed = write(&dir, "p1", "caf\u{e9}");
    let decomposed = write(&dir, "p2", "cafe\u{301}");
    let keys: Vec<String> = [composed, decomposed]
        .iter()
        .map(|p| {
            let out = blsig(&[
                "derive",
                "--mnemonic-file",
                &mnemonic,
                "--mnemonic-passphrase-file",
                p,
                "--validator",
                "0",
            ]);
            field(&out, "pubkey")
        })
        .collect();
    assert_eq!(keys[0], keys[1]);
    // Standard input carries the mnemonic too.
    let piped = blsig_stdin(
        &["derive", "--mnemonic-file", "-", "--validator", "0"],
        vectors[0].0,
    );
    assert!(piped.status.success(), "{}", stderr(&piped));
}

/// Validator keys of three mnemonics as `@chainsafe/bls-keygen` derives them (fixture
/// made once by `tests/fixtures/mnemonic_keys.mjs`; no passphrase, as deposit tools
/// default to).
#[test]
fn mnemonic_keys_match_chainsafe_bls_keygen() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/mnemonic_keys.json")).unwrap();
    let dir = scratch("keygen");
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 9);
    for (i, case) in cases.iter().enumerate() {
        let mnemonic = write(&dir, &format!("m{i}"), case["mnemonic"].as_str().unwrap());
        let out = blsig(&[
            "derive",
            "--mnemonic-file",
            &mnemonic,
            "--path",
            case["path"].as_str().unwrap(),
            "--show-secret",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            field(&out, "secret"),
            format!("0x{}", case["secret"].as_str().unwrap()),
            "{case}"
        );
    }
}

#[test]
fn bad_mnemonics_are_refused() {
    let dir = scratch("bad-mnemonic");
    let cases = [
        // The last word's checksum bits are wrong.
        (
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
            "invalid checksum",
        ),
        (
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abot",
            "unknown word",
        ),
        ("abandon abandon abandon", "invalid word count"),
    ];
    for (words, needle) in cases {
        let mnemonic = write(&dir, "m", words);
        let out = blsig(&["derive", "--mnemonic-file", &mnemonic, "--validator", "0"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
        assert!(!stderr(&out).contains("abandon"), "{}", stderr(&out));
    }
    // A mnemonic given as a hex seed is told where it belongs.
    let seed = write(&dir, "seed", cases[0].0);
    let out = blsig(&["derive", "--seed-file", &seed, "--validator", "0"]);
    assert!(stderr(&out).contains("--mnemonic-file"), "{}", stderr(&out));
    // No seed source and no terminal: no hanging prompt.
    let out = blsig(&["derive", "--validator", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a terminal"), "{}", stderr(&out));
}

fn as_refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn passwords_come_from_one_place_each() {
    let dir = scratch("passwords");
    let out = dir.join("k.json").to_str().unwrap().to_string();
    let new = |extra: &[&str]| {
        let mut args = vec![
            "keystore",
            "new",
            "--validator",
            "0",
            "--out",
            &out,
            "--cost",
            "10",
            "--allow-weak-kdf",
        ];
        args.extend_from_slice(extra);
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    // Seed and password both on standard input: refused, nothing written.
    let both = new(&["--seed-file", "-", "--password-file", "-"]);
    let res = blsig_stdin(&as_refs(&both), SEED0);
    assert_eq!(res.status.code(), Some(2));
    assert!(
        stderr(&res).contains("standard input is already the seed"),
        "{}",
        stderr(&res)
    );
    assert!(!Path::new(&out).exists());
    // An empty password is refused unless asked for.
    let seed = write(&dir, "seed", SEED0);
    let empty = write(&dir, "empty", "\n");
    let res = blsig(&as_refs(&new(&[
        "--seed-file",
        &seed,
        "--password-file",
        &empty,
    ])));
    assert_eq!(res.status.code(), Some(2));
    assert!(
        stderr(&res).contains("--allow-empty-password"),
        "{}",
        stderr(&res)
    );
    assert!(!Path::new(&out).exists());
    // No password source and no terminal.
    let res = blsig(&as_refs(&new(&["--seed-file", &seed])));
    assert_eq!(res.status.code(), Some(2));
    assert!(stderr(&res).contains("--password-env"), "{}", stderr(&res));
    // From the environment.
    let res = blsig_env(
        &as_refs(&new(&["--seed-file", &seed, "--password-env", "KS_PASS"])),
        &[("KS_PASS", "from the environment")],
    );
    assert!(res.status.success(), "{}", stderr(&res));
    let check = blsig_env(
        &["keystore", "check", &out, "--password-env", "KS_PASS"],
        &[("KS_PASS", "from the environment")],
    );
    assert!(check.status.success(), "{}", stderr(&check));
    let unset = blsig(&["keystore", "check", &out, "--password-env", "KS_UNSET_X"]);
    assert!(stderr(&unset).contains("KS_UNSET_X: the variable is not set"));
    let both = blsig(&[
        "keystore",
        "check",
        &out,
        "--password-env",
        "A",
        "--password-file",
        &empty,
    ]);
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn keystore_files_are_reported_precisely() {
    let dir = scratch("precise");
    let keystore = cheap_keystore(&dir, "pw");
    let password = write(&dir, "pw", "pw");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&keystore).unwrap()).unwrap();
    let edit = |name: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let mut doc = json.clone();
        change(&mut doc);
        write(&dir, name, &serde_json::to_string_pretty(&doc).unwrap())
    };
    let cases: Vec<(String, &str)> = vec![
        (
            edit("salt", &|d| {
                d["crypto"]["kdf"]["params"]["salt"] = "zz".into()
            }),
            "malformed EIP-2335 keystore: crypto.kdf.params.salt: not hex",
        ),
        (
            edit("uuid", &|d| {
                d.as_object_mut().unwrap().remove("uuid");
            }),
            "missing field `uuid`",
        ),
        (
            edit("iv", &|d| {
                d["crypto"]["cipher"]["params"]["iv"] = "00".into()
            }),
            "crypto.cipher.params.iv: not 16 bytes of hex",
        ),
        (
            edit("longsalt", &|d| {
                d["crypto"]["kdf"]["params"]["salt"] = "00".repeat(1025).into();
            }),
            "crypto.kdf.params.salt: 1025 bytes, more than 1024",
        ),
        (
            write(&dir, "truncated", &json.to_string()[..100]),
            "EOF while parsing",
        ),
    ];
    for (file, needle) in &cases {
        let out = blsig(&["keystore", "show", file]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(needle), "{needle}: {}", stderr(&out));
    }
    // A damaged file cannot be told from a wrong password; the message says both.
    let damaged = edit("damaged", &|d| {
        let message = d["crypto"]["checksum"]["message"].as_str().unwrap();
        let flipped = format!(
            "{}{}",
            if message.starts_with('0') { "1" } else { "0" },
            &message[1..]
        );
        d["crypto"]["checksum"]["message"] = flipped.into();
    });
    let out = blsig(&["keystore", "check", &damaged, "--password-file", &password]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("wrong password, or the keystore is damaged"),
        "{}",
        stderr(&out)
    );
    // A path other tools write (hardened marks) is kept as it is, not refused.
    let hardened = edit("hardened", &|d| {
        d["path"] = "m/12381'/3600'/0'/0'/0'".into()
    });
    let show = blsig(&["keystore", "show", &hardened]);
    assert!(show.status.success(), "{}", stderr(&show));
    assert_eq!(field(&show, "path"), "m/12381'/3600'/0'/0'/0'");
    let check = blsig(&["keystore", "check", &hardened, "--password-file", &password]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_eq!(field(&check, "path"), "m/12381'/3600'/0'/0'/0'");
    // The kdf is shown as the EIP names it, not as a Rust value.
    let show = blsig(&["keystore", "show", &keystore]);
    assert_eq!(field(&show, "kdf"), "scrypt (n = 2^10, r = 8, p = 1)");
    // Without pubkey the IV is unchecked: decryption works, with a warning.
    let bare = edit("bare", &|d| {
        d.as_object_mut().unwrap().remove("pubkey");
    });
    let check = blsig(&["keystore", "check", &bare, "--password-file", &password]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("has no pubkey"),
        "{}",
        stderr(&check)
    );
    let check = blsig(&["keystore", "check", &keystore, "--password-file", &password]);
    assert!(stderr(&check).is_empty(), "{}", stderr(&check));
}

#[test]
fn quiet_footguns_are_loud() {
    let dir = scratch("footguns");
    let seed = write(&dir, "seed", SEED0);
    let password = write(&dir, "pw", "pw");
    let out = dir.join("k.json").to_str().unwrap().to_string();
    let new = |cost: &str, extra: &[&str]| {
        let mut args = vec![
            "keystore",
            "new",
            "--seed-file",
            &seed,
            "--validator",
            "0",
            "--password-file",
            &password,
            "--out",
            &out,
            "--cost",
            cost,
        ];
        args.extend_from_slice(extra);
        blsig(&args)
    };
    // scrypt n = 2: refused without the flag.
    let weak = new("1", &[]);
    assert_eq!(weak.status.code(), Some(2));
    assert!(
        stderr(&weak).contains("--allow-weak-kdf"),
        "{}",
        stderr(&weak)
    );
    assert!(!Path::new(&out).exists());
    let weak = new("1", &["--kdf", "pbkdf2"]);
    assert_eq!(weak.status.code(), Some(2));
    // Below the EIP's default: a warning.
    let cheap = new("14", &[]);
    assert!(cheap.status.success(), "{}", stderr(&cheap));
    assert!(stderr(&cheap).contains("below the EIP-2335 default"));
    // --withdrawal only with --validator.
    let res = blsig(&[
        "derive",
        "--seed-file",
        &seed,
        "--path",
        "m/12381/3600/0/0/0",
        "--withdrawal",
    ]);
    assert_eq!(res.status.code(), Some(2));
    // A keystore costlier than --max-kdf-cost is refused before any password is read.
    let res = blsig(&[
        "keystore",
        "check",
        &out,
        "--password-file",
        &password,
        "--max-kdf-cost",
        "13",
    ]);
    assert_eq!(res.status.code(), Some(2));
    assert!(
        stderr(&res).contains("above --max-kdf-cost 13"),
        "{}",
        stderr(&res)
    );
    let res = blsig(&[
        "keystore",
        "check",
        &out,
        "--password-file",
        &password,
        "--max-kdf-cost",
        "14",
    ]);
    assert!(res.status.success(), "{}", stderr(&res));
}

/// The keystore is written whole or not at all: through a temporary file in the same
/// folder, linked under its name (never replacing a file), no temporary left behind.
#[test]
fn keystores_are_written_atomically() {
    let dir = scratch("atomic");
    let keystore = cheap_keystore(&dir, "pw");
    let names = || {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(), ["keystore.json", "password", "seed"]);
    let before = std::fs::read(&keystore).unwrap();
    let seed = dir.join("seed");
    let password = dir.join("password");
    let again = blsig(&[
        "keystore",
        "new",
        "--seed-file",
        seed.to_str().unwrap(),
        "--validator",
        "1",
        "--password-file",
        password.to_str().unwrap(),
        "--out",
        &keystore,
        "--cost",
        "10",
        "--allow-weak-kdf",
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("not overwritten"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(&keystore).unwrap(), before);
    assert_eq!(names(), ["keystore.json", "password", "seed"]);
    // Into a folder that does not exist: an error, nothing created.
    let missing = dir.join("no/such/k.json");
    let res = blsig(&[
        "keystore",
        "new",
        "--seed-file",
        seed.to_str().unwrap(),
        "--validator",
        "1",
        "--password-file",
        password.to_str().unwrap(),
        "--out",
        missing.to_str().unwrap(),
        "--cost",
        "10",
        "--allow-weak-kdf",
    ]);
    assert_eq!(res.status.code(), Some(2));
    assert_eq!(names(), ["keystore.json", "password", "seed"]);
}

/// Runs `blsig` on a pseudo-terminal (util-linux `script`), typing `lines` one by one, so
/// that the prompts run as at a terminal. `None` when `script` is not installed.
fn blsig_on_terminal(args: &[&str], lines: &[&str]) -> Option<Output> {
    use std::io::Write;
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_blsig"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    let mut child = Command::new("script")
        .args(["-qec", &quoted.join(" "), "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take().unwrap();
    for line in lines {
        std::thread::sleep(std::time::Duration::from_millis(400));
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(400));
    drop(stdin);
    Some(child.wait_with_output().unwrap())
}

/// At a terminal the mnemonic and the password are asked for without echo, the password
/// twice when a keystore is created.
#[test]
fn prompts_ask_without_echo() {
    let dir = scratch("prompts");
    let out = dir.join("k.json").to_str().unwrap().to_string();
    let words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let args = [
        "keystore",
        "new",
        "--validator",
        "0",
        "--out",
        &out,
        "--cost",
        "10",
        "--allow-weak-kdf",
    ];
    let Some(made) = blsig_on_terminal(&args, &[words, "typed secret", "typed secret"]) else {
        eprintln!("SKIPPED: util-linux `script` is not installed");
        return;
    };
    let shown = stdout(&made);
    assert!(made.status.success(), "{shown}");
    assert!(shown.contains("Mnemonic (not shown):"), "{shown}");
    assert!(shown.contains("Repeat the password:"), "{shown}");
    assert!(
        !shown.contains("typed secret") && !shown.contains("abandon"),
        "{shown}"
    );
    let password = write(&dir, "pw", "typed secret");
    let check = blsig(&["keystore", "check", &out, "--password-file", &password]);
    assert!(check.status.success(), "{}", stderr(&check));
    // The keystore's key is the mnemonic's (empty passphrase).
    let mnemonic = write(&dir, "m", words);
    let derived = blsig(&["derive", "--mnemonic-file", &mnemonic, "--validator", "0"]);
    assert_eq!(field(&check, "pubkey"), field(&derived, "pubkey"));
    // Two different passwords: refused, nothing written.
    let other = dir.join("k2.json").to_str().unwrap().to_string();
    let mut args2 = args;
    args2[5] = &other;
    let differ = blsig_on_terminal(&args2, &[words, "one", "two"]).unwrap();
    assert!(!differ.status.success());
    assert!(
        stdout(&differ).contains("the two passwords differ"),
        "{}",
        stdout(&differ)
    );
    assert!(!Path::new(&other).exists());
}
