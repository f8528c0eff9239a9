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
        stderr(&out).contains("wrong keystore password"),
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

#[test]
fn errors_are_clear_and_exit_2() {
    let dir = scratch("errors");
    let seed = write(&dir, "seed", SEED0);
    let short = write(&dir, "short", "00ff");
    let cases: &[(&[&str], &str)] = &[
        (&[], "no command"),
        (&["frobnicate"], "unknown command"),
        (&["keystore"], "unknown command"),
        (
            &["derive", "--seed-file", &seed],
            "--path or --validator is required",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m/01"],
            "malformed key-derivation path",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m/4294967296"],
            "path index not below 2^32",
        ),
        (
            &["derive", "--seed-file", &seed, "--validator", "-1"],
            "not an index",
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
            "not both",
        ),
        (
            &["derive", "--seed-file", &short, "--path", "m"],
            "shorter than 32 bytes",
        ),
        (
            &["derive", "--seed-file", "/nonexistent/seed", "--path", "m"],
            "/nonexistent/seed",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m", "--bogus"],
            "unknown option --bogus",
        ),
        (
            &["derive", "--seed-file", &seed, "--path"],
            "--path needs a value",
        ),
        (
            &["derive", "--seed-file", &seed, "--path", "m", "--path", "m"],
            "given twice",
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
            "expected min-pk or min-sig",
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
            "--pubkey",
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
            "--pubkey",
        ),
        (&["keystore", "show"], "one keystore file"),
        (&["keystore", "show", &seed], "malformed EIP-2335 keystore"),
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
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains(SEED0));
    }
    let help = blsig(&["--help"]);
    assert!(help.status.success());
    for command in [
        "derive",
        "keystore new",
        "keystore show",
        "keystore check",
        "sign",
        "verify",
    ] {
        assert!(
            stdout(&help).contains(&format!("blsig {command}")),
            "{command}"
        );
    }
    assert_eq!(stdout(&blsig(&["derive", "--help"])), stdout(&help));
}
