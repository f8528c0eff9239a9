//! Writes seed corpora for every fuzz target, so that each starts from inputs that pass
//! its first checks. The byte-input targets get the test suite's own edge cases (valid
//! keys, signatures and proofs of both variants in both encodings, the identity, broken
//! flags, coordinates ≥ p, secret keys around r, paths, keystores, serde strings) and —
//! when `shared/vectors` is there beside the checkout — every 32-, 48- and 96-byte hex value
//! found in the official vectors and the ERC keystores. The structure-aware targets get
//! chosen inputs in `arbitrary`'s format (`structured.rs`), and every target the committed
//! inputs of `regressions/`.
//!
//! `cd fuzz && cargo run --release --example seeds -- corpus` (the test script and
//! `scripts/fuzz-campaign.sh` do this). Seeds are generated, not committed: the vectors stay
//! outside the repository, and the structured seeds follow the input types as they change.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use blsig::derive::Path as KeyPath;
use blsig::{Basic, MinPk, MinSig, Pop, SecretKey, Variant};

mod structured;

/// At most this many seeds of each length per target.
const MAX_PER_LENGTH: usize = 40;

fn own_points<V: Variant>(out: &mut BTreeSet<Vec<u8>>, sigs: &mut BTreeSet<Vec<u8>>) {
    for seed in 1u8..=4 {
        let sk = SecretKey::<V>::key_gen(&[seed; 32], b"").unwrap();
        let pk = sk.public_key();
        out.insert(pk.to_bytes().as_ref().to_vec());
        out.insert(pk.to_uncompressed().as_ref().to_vec());
        let sig = sk.sign::<Basic>(b"seed");
        sigs.insert(sig.to_bytes().as_ref().to_vec());
        sigs.insert(sig.to_uncompressed().as_ref().to_vec());
        sigs.insert(sk.prove_possession().to_bytes().as_ref().to_vec());
        sigs.insert(sk.sign::<Pop>(b"").to_bytes().as_ref().to_vec());
    }
}

/// Edge cases of the encoding rules, for every point length.
fn encoding_edges(out: &mut BTreeSet<Vec<u8>>) {
    const P: &str = "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";
    let p = hex::decode(P).unwrap();
    // (length, first byte of the identity): compressed G1 and G2, uncompressed G1 and G2.
    for (len, flags) in [(48usize, 0xc0u8), (96, 0xc0), (96, 0x40), (192, 0x40)] {
        let mut identity = vec![0u8; len];
        identity[0] = flags;
        out.insert(identity.clone());
        let mut sorted_identity = identity;
        sorted_identity[0] |= 0x20; // sort flag on infinity: invalid
        out.insert(sorted_identity);
        let mut x_is_p = vec![0u8; len];
        x_is_p[..48].copy_from_slice(&p);
        x_is_p[0] |= 0x80;
        out.insert(x_is_p);
        let mut small_x = vec![0u8; len];
        small_x[0] = 0x80;
        small_x[len - 1] = 4;
        out.insert(small_x);
        out.insert(vec![0u8; len]);
    }
}

/// Every hex run of 64, 96 or 192 digits (optionally `0x`-prefixed) in a text.
fn hex_values(text: &str, out: &mut BTreeSet<Vec<u8>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_hexdigit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                i += 1;
            }
            let run = &text[start..i];
            let run = run.strip_prefix("0x").unwrap_or(run);
            if matches!(run.len(), 64 | 96 | 192)
                && let Ok(v) = hex::decode(run)
            {
                out.insert(v);
            }
        } else {
            i += 1;
        }
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Copies the inputs that once found a fault (`fuzz/regressions/<target>/<name>`, committed)
/// into the corpora, so that every run replays them first. Returns how many.
fn regressions(root: &Path) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut copied = 0;
    for target in std::fs::read_dir(&dir).unwrap() {
        let target = target.unwrap().path();
        let out = root.join(target.file_name().unwrap());
        std::fs::create_dir_all(&out).unwrap();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let name = format!(
                "regression-{}",
                input.file_name().unwrap().to_string_lossy()
            );
            std::fs::copy(&input, out.join(name)).unwrap();
            copied += 1;
        }
    }
    copied
}

/// Writes the seeds, at most [`MAX_PER_LENGTH`] of each length (the first in order).
fn write(root: &Path, target: &str, seeds: &BTreeSet<Vec<u8>>) -> usize {
    let dir = root.join(target);
    std::fs::create_dir_all(&dir).unwrap();
    let mut per_length = std::collections::BTreeMap::<usize, usize>::new();
    let mut written = 0;
    for seed in seeds {
        let n = per_length.entry(seed.len()).or_default();
        if *n == MAX_PER_LENGTH {
            continue;
        }
        *n += 1;
        std::fs::write(dir.join(format!("seed-{written:03}")), seed).unwrap();
        written += 1;
    }
    written
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".into()));
    let (mut keys, mut sigs, mut secrets, mut texts) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    own_points::<MinPk>(&mut keys, &mut sigs);
    own_points::<MinSig>(&mut keys, &mut sigs);
    encoding_edges(&mut keys);
    encoding_edges(&mut sigs);
    let r =
        hex::decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001").unwrap();
    let mut r_minus_1 = r.clone();
    r_minus_1[31] = 0;
    let mut one = vec![0u8; 32];
    one[31] = 1;
    for s in [r, r_minus_1, one, vec![0u8; 32], vec![0xff; 32]] {
        secrets.insert(s);
    }
    for path in [
        "m",
        "m/0",
        "m/12381/3600/0/0/0",
        "m/12381/3600/4294967295/0",
        "m/01",
        "m/4294967296",
    ] {
        texts.insert(path.as_bytes().to_vec());
    }
    texts.insert(KeyPath::signing(7).to_string().into_bytes());
    let pk = SecretKey::<MinPk>::key_gen(&[9; 32], b"")
        .unwrap()
        .public_key();
    texts.insert(format!("\"0x{}\"", hex::encode(pk.to_bytes())).into_bytes());

    let vectors = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors");
    let mut files = Vec::new();
    walk(&vectors, &mut files);
    let mut found = BTreeSet::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        hex_values(&text, &mut found);
        if file.extension().is_some_and(|e| e == "json")
            && file.to_string_lossy().contains("eip2335")
        {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            texts.insert(json["keystore"].to_string().into_bytes());
        }
    }
    for v in found {
        match v.len() {
            32 => {
                secrets.insert(v);
            }
            48 | 96 => {
                keys.insert(v.clone());
                sigs.insert(v);
            }
            _ => {}
        }
    }
    let mut counts = vec![
        (
            "decode_public_key",
            write(&root, "decode_public_key", &keys),
        ),
        ("decode_signature", write(&root, "decode_signature", &sigs)),
        (
            "decode_secret_key",
            write(&root, "decode_secret_key", &secrets),
        ),
        ("keystore", write(&root, "keystore", &texts)),
    ];
    for (target, seeds) in structured::all() {
        counts.push((target, write(&root, target, &seeds.into_iter().collect())));
    }
    println!(
        "seeds in {} ({} vector files read, {} regression inputs): {counts:?}",
        root.display(),
        files.len(),
        regressions(&root)
    );
}
