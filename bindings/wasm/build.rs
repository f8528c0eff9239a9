//! Embeds the shared test vectors for the wasm tests, which run in a browser or under
//! Node without a file system: `$OUT_DIR/vectors.rs` lists `(path, contents)` of the
//! files under `../shared/vectors` (beside the checkout) that the tests read. Only the
//! test files include it; the library never does, so the package carries no vectors. An
//! absent folder gives an empty list (the tests print a notice and skip, or fail in CI).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return;
    };
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let dir = manifest.join("../../../shared/vectors");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for sub in ["eth", "h2c", "bls-sigs-ref"] {
        walk(&dir.join(sub), &mut files);
    }
    files.sort();
    let mut code = String::from(
        "/// The embedded vector files.\npub static VECTOR_FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let Ok(relative) = file.strip_prefix(&dir) else {
            continue;
        };
        let _ = writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            relative.display().to_string(),
            file.display().to_string()
        );
    }
    code.push_str("];\n");
    let _ = writeln!(
        code,
        "/// Where the vectors were looked for.\npub static VECTORS_DIR: &str = {:?};",
        dir.display().to_string()
    );
    if std::fs::write(out.join("vectors.rs"), code).is_err() {
        println!("cargo:warning=could not write the vector list");
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
        } else if path.is_file() {
            files.push(path);
        }
    }
}
