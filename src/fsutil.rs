//! Writing files without ever leaving a half-written one behind.

use std::io::Write;
use std::path::Path;

/// A hidden temporary file in `path`'s folder (a rename within one file
/// system is atomic), and that folder.
fn temp_beside(path: &Path) -> std::io::Result<(&Path, tempfile::NamedTempFile)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    Ok((dir, tmp))
}

/// Write `contents` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target. Readers see the
/// old file or the new one, never a mix; a crash leaves the old file intact.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let (dir, mut tmp) = temp_beside(path)?;
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

/// A file written in pieces into a temporary file beside its target, and
/// put in place by one rename when [`PendingFile::persist`] is called:
/// readers see the old file or the whole new one. Dropped without
/// `persist`, the temporary file is removed and the target is untouched.
///
/// Unlike [`write_atomic`] nothing is flushed to disk: this is for files
/// that may be lost (caches) and whose readers verify their contents, so
/// that a crash costs at most a rebuild, not an `fsync` per write.
pub struct PendingFile {
    target: std::path::PathBuf,
    out: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl PendingFile {
    /// Start a file that will replace `path`; its folder must exist.
    pub fn create(path: &Path) -> std::io::Result<PendingFile> {
        let (_, tmp) = temp_beside(path)?;
        Ok(PendingFile {
            target: path.to_owned(),
            out: std::io::BufWriter::with_capacity(1 << 16, tmp),
        })
    }

    /// Put the file in place of its target (last writer wins).
    pub fn persist(self) -> std::io::Result<()> {
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for PendingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Apply a fix's edits to the files on disk, each file written atomically.
/// Edits to one file are applied together; a file that does not exist is
/// created from empty.
pub fn apply_fix(fix: &crate::diagnostics::Fix) -> std::io::Result<()> {
    apply_fix_if_unchanged(fix, |_| None)
}

/// [`apply_fix`], refusing to touch any file whose text is no longer the
/// text the fix was computed from. `analysed(path)` gives that text (as
/// gloss read it: decoded, without a byte-order mark), or `None` for a file
/// the caller did not read (it is then edited as it is). The check happens
/// right before each write, so an annotator's save that lands between
/// analysis and the fix is never overwritten by stale offsets: the whole fix
/// is refused with [`std::io::ErrorKind::Other`] naming the file, and
/// nothing is written (files are checked first, all of them, then written).
pub fn apply_fix_if_unchanged<'a>(
    fix: &crate::diagnostics::Fix,
    analysed: impl Fn(&Path) -> Option<&'a str>,
) -> std::io::Result<()> {
    use std::collections::BTreeMap;
    let mut by_file: BTreeMap<&Path, Vec<&crate::diagnostics::TextEdit>> = BTreeMap::new();
    for e in &fix.edits {
        by_file.entry(e.path.as_path()).or_default().push(e);
    }
    // Check every file before writing any, so a refused fix writes nothing.
    for path in by_file.keys() {
        let Some(expected) = analysed(path) else {
            continue;
        };
        let disk = match std::fs::read(path) {
            Ok(b) => crate::text::decode(&b).0,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        if disk != expected {
            return Err(std::io::Error::other(format!(
                "{}: changed on disk since it was analysed; not applying the fix",
                path.display()
            )));
        }
    }
    for (path, edits) in by_file {
        let mut bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        // gloss reads every file through `text::decode`, which drops a
        // byte-order mark, so edit offsets count from after it. Keep the
        // mark out of the text being edited and put it back on write.
        let bom: &[u8] = if bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
            BOM
        } else {
            b""
        };
        let old = String::from_utf8(bytes).map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: not UTF-8; not editing it", path.display()),
            )
        })?;
        let new = crate::diagnostics::apply_edits(&old, &edits).map_err(|m| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{}: {m}", path.display()),
            )
        })?;
        let mut out = Vec::with_capacity(bom.len() + new.len());
        out.extend_from_slice(bom);
        out.extend_from_slice(new.as_bytes());
        write_atomic(path, &out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Fix, TextEdit};

    fn append(path: &Path, at: usize, line: &str) -> Fix {
        Fix {
            title: "append".into(),
            edits: vec![TextEdit {
                path: path.to_path_buf(),
                range: at..at,
                new_text: line.into(),
            }],
            changes_article: false,
        }
    }

    #[test]
    fn a_fix_is_refused_when_its_file_changed_since_analysis() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("a.ann");
        let analysed = "T1\tDate 0 4\t2001\n";
        std::fs::write(&ann, analysed).unwrap();
        let fix = append(&ann, analysed.len(), "T2\tDate 5 9\t2002\n");
        // The annotator saves an edit after gloss analysed the file.
        let saved = "T1\tDate 0 4\t2001\n#1\tAnnotatorNotes T1\tchecked\n";
        std::fs::write(&ann, saved).unwrap();
        let err = apply_fix_if_unchanged(&fix, |p| (p == ann).then_some(analysed)).unwrap_err();
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert!(err.to_string().contains("a.ann"), "{err}");
        assert_eq!(std::fs::read_to_string(&ann).unwrap(), saved);
    }

    #[test]
    fn a_refused_fix_writes_none_of_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.ann"), dir.path().join("b.ann"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "changed\n").unwrap();
        let mut fix = append(&a, 0, "T1\tDate 0 4\t2001\n");
        fix.edits
            .extend(append(&b, 0, "T1\tDate 0 4\t2001\n").edits);
        assert!(apply_fix_if_unchanged(&fix, |_| Some("")).is_err());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "changed\n");
    }

    #[test]
    fn an_unchanged_file_takes_the_fix_and_a_byte_order_mark_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("a.ann");
        std::fs::write(&ann, b"\xEF\xBB\xBFT1\tDate 0 4\t2001\n").unwrap();
        let analysed = "T1\tDate 0 4\t2001\n";
        let fix = append(&ann, analysed.len(), "T2\tDate 5 9\t2002\n");
        apply_fix_if_unchanged(&fix, |_| Some(analysed)).unwrap();
        assert_eq!(
            std::fs::read(&ann).unwrap(),
            b"\xEF\xBB\xBFT1\tDate 0 4\t2001\nT2\tDate 5 9\t2002\n".to_vec()
        );
    }

    #[test]
    fn a_missing_file_counts_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("new.ann");
        let fix = append(&ann, 0, "T1\tDate 0 4\t2001\n");
        apply_fix_if_unchanged(&fix, |_| Some("")).unwrap();
        assert_eq!(
            std::fs::read_to_string(&ann).unwrap(),
            "T1\tDate 0 4\t2001\n"
        );
    }

    #[test]
    fn a_pending_file_appears_whole_on_persist_and_not_at_all_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cache.bin");
        std::fs::write(&p, b"old").unwrap();
        let mut f = PendingFile::create(&p).unwrap();
        f.write_all(b"new ").unwrap();
        f.write_all(b"contents").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        drop(f);
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let mut f = PendingFile::create(&p).unwrap();
        f.write_all(b"new contents").unwrap();
        f.persist().unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_contents_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ann");
        write_atomic(&p, b"one\n").unwrap();
        write_atomic(&p, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Regression: a `.ann` (or registry) file starting with a byte-order
    /// mark is read without it, so a fix's offsets are 3 bytes short of the
    /// file on disk. Appending at the end of the text used to insert the new
    /// lines before the last 3 bytes of the file, splitting its last line.
    #[test]
    fn fixes_to_files_with_a_byte_order_mark_land_where_computed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ann");
        let on_disk = b"\xEF\xBB\xBFT1\tDate 0 4\t2001\n".to_vec();
        std::fs::write(&p, &on_disk).unwrap();
        let (text, _) = crate::text::decode(&on_disk);
        let fix = Fix {
            title: "append".into(),
            edits: vec![TextEdit {
                path: p.clone(),
                range: text.len()..text.len(),
                new_text: "T2\tDate 5 9\t2002\n".into(),
            }],
            changes_article: false,
        };
        apply_fix(&fix).unwrap();
        let after = std::fs::read(&p).unwrap();
        assert!(
            after.starts_with(&on_disk),
            "{:?}",
            String::from_utf8_lossy(&after)
        );
        assert_eq!(
            after,
            b"\xEF\xBB\xBFT1\tDate 0 4\t2001\nT2\tDate 5 9\t2002\n".to_vec()
        );
    }
}
