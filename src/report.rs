//! Diagnostics located in their files: line and column (1-based, counted in
//! code points) for every output format, computed once per file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::Corpus;
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
    #[serde(skip)]
    pub source_line: String,
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

/// The texts of a corpus's files, by path, with their line indexes.
pub struct Files<'a> {
    corpus: &'a Corpus,
    cache: HashMap<PathBuf, (Option<&'a str>, LineIndex)>,
}

impl<'a> Files<'a> {
    pub fn new(corpus: &'a Corpus) -> Files<'a> {
        Files {
            corpus,
            cache: HashMap::new(),
        }
    }

    fn text_of(&self, path: &Path) -> Option<&'a str> {
        let c = self.corpus;
        if c.registry.path.as_deref() == Some(path) {
            return Some(&c.registry.source);
        }
        if c.manifest.path.as_deref() == Some(path) {
            return Some(&c.manifest.source);
        }
        let a = c.article_for_path(path)?;
        if path == a.ann_path {
            Some(&a.ann_text)
        } else {
            Some(&a.text)
        }
    }

    fn entry(&mut self, path: &Path) -> &(Option<&'a str>, LineIndex) {
        if !self.cache.contains_key(path) {
            let text = self.text_of(path);
            let idx = LineIndex::new(text.unwrap_or(""));
            self.cache.insert(path.to_owned(), (text, idx));
        }
        &self.cache[path]
    }

    /// Code-point offset of a byte offset in a file.
    pub fn char_offset(&mut self, path: &Path, byte: usize) -> usize {
        let (text, idx) = self.entry(path);
        idx.byte_to_char(text.unwrap_or(""), byte)
    }

    pub fn locate(&mut self, d: &Diagnostic) -> Located {
        let (text, idx) = self.entry(&d.path);
        let text = text.unwrap_or("");
        let s = idx.line_col(text, d.range.start, Encoding::Utf32);
        let e = idx.line_col(text, d.range.end, Encoding::Utf32);
        let source_line = idx
            .line_range(s.line as usize)
            .map(|r| text[r].trim_end_matches(['\n', '\r']).to_owned())
            .unwrap_or_default();
        let start = idx.byte_to_char(text, d.range.start);
        let end = idx.byte_to_char(text, d.range.end);
        let fixes = d
            .fixes
            .iter()
            .map(|f| LocatedFix {
                title: f.title.clone(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| LocatedEdit {
                        file: display(&e.path),
                        start: self.char_offset(&e.path, e.range.start),
                        end: self.char_offset(&e.path, e.range.end),
                        new_text: e.new_text.clone(),
                    })
                    .collect(),
            })
            .collect();
        Located {
            file: display(&d.path),
            code: d.code.as_str().to_owned(),
            severity: d.severity,
            message: d.message.clone(),
            start,
            end,
            line: s.line as usize + 1,
            column: s.col as usize + 1,
            end_line: e.line as usize + 1,
            end_column: e.col as usize + 1,
            source_line,
            fixes,
        }
    }
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
