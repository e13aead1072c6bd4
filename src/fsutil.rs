//! Writing files without ever leaving a half-written one behind.

use std::io::Write;
use std::path::Path;

/// Write `contents` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target. Readers see the
/// old file or the new one, never a mix; a crash leaves the old file intact.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    // Keep the target's permissions when it exists.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Apply a fix's edits to the files on disk, each file written atomically.
/// Edits to one file are applied together; a file that does not exist is
/// created from empty.
pub fn apply_fix(fix: &crate::diagnostics::Fix) -> std::io::Result<()> {
    use std::collections::BTreeMap;
    let mut by_file: BTreeMap<&Path, Vec<&crate::diagnostics::TextEdit>> = BTreeMap::new();
    for e in &fix.edits {
        by_file.entry(e.path.as_path()).or_default().push(e);
    }
    for (path, edits) in by_file {
        let old = match std::fs::read(path) {
            Ok(b) => String::from_utf8(b).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: not UTF-8; not editing it", path.display()),
                )
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        let new = crate::diagnostics::apply_edits(&old, &edits).map_err(|m| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{}: {m}", path.display()),
            )
        })?;
        write_atomic(path, new.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ann");
        write_atomic(&p, b"one\n").unwrap();
        write_atomic(&p, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
