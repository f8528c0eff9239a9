//! Writing a new file so that it is either complete or absent: the contents go to a
//! temporary file in the same folder (owner-only on Unix), are synced to disk, and the file
//! is then linked under its name — which fails, replacing nothing, if the name exists. A
//! full disk or a crash leaves at most the temporary file, never a truncated keystore.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Creates `target` with `contents`; refuses if it exists.
pub fn write_new_file(target: &str, contents: &[u8]) -> Result<(), String> {
    let path = Path::new(target);
    let fail = |e: std::io::Error| format!("{target}: {e}");
    if path.symlink_metadata().is_ok() {
        return Err(format!("{target}: the file exists; it is not overwritten"));
    }
    let name = path
        .file_name()
        .ok_or_else(|| format!("{target}: not a file name"))?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut unique = [0u8; 8];
    rand::fill(&mut unique);
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        hex::encode(unique)
    ));

    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    // The link is the commit point: atomic, and it never replaces an existing file.
    let linked = written.and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(format!("{target}: the file exists; it is not overwritten"));
        }
        Err(e) => return Err(fail(e)),
    }
    // The new name is durable once the folder is synced.
    #[cfg(unix)]
    fs::File::open(&folder)
        .and_then(|dir| dir.sync_all())
        .map_err(fail)?;
    Ok(())
}
