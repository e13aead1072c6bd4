//! Diagnostics located in their files: line and column (1-based, counted in
//! code points) for every output format, computed once per file.

use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity};
use crate::text::{Encoding, LineIndex};

/// A diagnostic with its position resolved for output.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub file: String,
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// Code-point offsets in the file.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The diagnostic's line (for long lines, a window around the
    /// diagnostic: see `source_line_start` and `source_line_cut`).
    #[serde(skip)]
    pub source_line: String,
    /// Zero-based code-point column of the line where `source_line` starts.
    #[serde(skip)]
    pub source_line_start: usize,
    /// Whether `source_line` stops before the end of the line.
    #[serde(skip)]
    pub source_line_cut: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<LocatedFix>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocatedFix {
    pub title: String,
    pub edits: Vec<LocatedEdit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocatedEdit {
    pub file: String,
    /// Code-point offsets in the file as analysed.
    pub start: usize,
    pub end: usize,
    pub new_text: String,
}

/// One file as a report shows it: its printed path, its text (empty when
/// gloss holds none) and the line index of that text.
#[derive(Debug, Clone, Copy)]
pub struct FileText<'a> {
    pub path: &'a Path,
    pub display: &'a str,
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl FileText<'_> {
    fn is(&self, path: &Path) -> bool {
        // Same bytes first: that is the common case and needs no parsing
        // into components.
        self.path.as_os_str() == path.as_os_str() || self.path == path
    }
}

/// Locate a diagnostic of `file`, taking its strings rather than copying
/// them. `targets` are the files its fixes may edit (the article's `.ann`,
/// the registry, the manifest); an edit of any other file is located in an
/// empty text. `source_line` is filled only when `with_source` (the human
/// format prints it; the others do not).
pub fn locate_owned(
    d: Diagnostic,
    file: &FileText,
    targets: &[FileText],
    with_source: bool,
) -> Located {
    let text = file.text;
    let idx = file.index;
    let s = idx.line_col(text, d.range.start, Encoding::Utf32);
    let e = idx.line_col(text, d.range.end, Encoding::Utf32);
    let (source_line, source_line_start, source_line_cut) = if with_source {
        idx.line_range(s.line as usize)
            .map(|r| {
                source_window(
                    text,
                    r.start..r.start + text[r].trim_end_matches(['\n', '\r']).len(),
                    d.range.start.min(text.len()),
                    s.col as usize,
                )
            })
            .unwrap_or_default()
    } else {
        Default::default()
    };
    let start = idx.byte_to_char(text, d.range.start);
    let end = idx.byte_to_char(text, d.range.end);
    let fixes = d
        .fixes
        .into_iter()
        .map(|f| LocatedFix {
            title: f.title,
            edits: f
                .edits
                .into_iter()
                .map(|e| {
                    let (display_path, text, index) = match targets.iter().find(|t| t.is(&e.path)) {
                        // The printed path is that of the edit's own path,
                        // which may be spelt differently (`a//b`).
                        Some(t) if t.path.as_os_str() == e.path.as_os_str() => {
                            (t.display.to_owned(), t.text, t.index)
                        }
                        Some(t) => (display(&e.path), t.text, t.index),
                        None => (display(&e.path), "", empty_index()),
                    };
                    LocatedEdit {
                        file: display_path,
                        start: index.byte_to_char(text, e.range.start),
                        end: index.byte_to_char(text, e.range.end),
                        new_text: e.new_text,
                    }
                })
                .collect(),
        })
        .collect();
    Located {
        file: file.display.to_owned(),
        code: d.code.as_str().to_owned(),
        severity: d.severity,
        message: d.message,
        start,
        end,
        line: s.line as usize + 1,
        column: s.col as usize + 1,
        end_line: e.line as usize + 1,
        end_column: e.col as usize + 1,
        source_line,
        source_line_start,
        source_line_cut,
        fixes,
    }
}

/// The line index of the empty text, built once.
fn empty_index() -> &'static LineIndex {
    static EMPTY: std::sync::OnceLock<LineIndex> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| LineIndex::new(""))
}

/// Bytes of context kept on each side of a diagnostic in `source_line`.
const CONTEXT_BYTES: usize = 1024;

/// The part of a line kept for display: the whole line when it is short,
/// else a window around `at`, with the code-point column where the window
/// starts and whether it stops before the end of the line. Copying a whole
/// 20 MB one-line article into each of its diagnostics ran out of memory.
fn source_window(
    text: &str,
    line: std::ops::Range<usize>,
    at: usize,
    col: usize,
) -> (String, usize, bool) {
    if line.len() <= 4 * CONTEXT_BYTES {
        return (text[line].to_owned(), 0, false);
    }
    let at = crate::text::floor_char_boundary(text, at.clamp(line.start, line.end));
    let from =
        crate::text::floor_char_boundary(text, at.saturating_sub(CONTEXT_BYTES).max(line.start));
    let to = crate::text::floor_char_boundary(text, (at + CONTEXT_BYTES).min(line.end));
    let skipped = text[from..at].chars().count();
    (
        text[from..to].to_owned(),
        col.saturating_sub(skipped),
        to < line.end,
    )
}

/// A path as printed: with `/` separators, without a leading `./`.
pub fn display(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// Counts by severity.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub files_with_diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
}

impl Summary {
    pub fn new(articles: usize, diags: &[Located]) -> Summary {
        let mut s = Summary {
            articles,
            ..Summary::default()
        };
        let mut files = std::collections::HashSet::new();
        for d in diags {
            files.insert(d.file.as_str());
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
                Severity::Hint => s.hints += 1,
                Severity::Off => {}
            }
        }
        s.files_with_diagnostics = files.len();
        s
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    /// Regression: `locate` copied the whole line into every diagnostic; a
    /// one-line 16 MB article with a million diagnostics needed terabytes.
    #[test]
    fn long_lines_are_cut_to_a_window_around_the_diagnostic() {
        let line = format!(
            "{}é target {}",
            "word ".repeat(20_000),
            "more ".repeat(20_000)
        );
        let at = line.find("target").unwrap();
        let col = line[..at].chars().count();
        let (w, start, cut) = source_window(&line, 0..line.len(), at, col);
        assert!(w.len() <= 2 * CONTEXT_BYTES + 4, "{}", w.len());
        assert!(cut);
        let in_window: String = w.chars().skip(col - start).take(6).collect();
        assert_eq!(in_window, "target");
        // Short lines are kept whole.
        let (w, start, cut) = source_window("short line", 0..10, 6, 6);
        assert_eq!((w.as_str(), start, cut), ("short line", 0, false));
        // At the very end of a long line, and past it.
        let (w, _, cut) = source_window(&line, 0..line.len(), line.len(), 0);
        assert!(!cut && !w.is_empty());
        let (_, _, _) = source_window(&line, 0..line.len(), line.len() + 10, 0);
    }
}
