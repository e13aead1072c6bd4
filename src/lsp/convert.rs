//! Conversions between the core's types (byte offsets, paths, plain
//! diagnostics and fixes) and LSP types, in the negotiated position encoding.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::ls_types::{Position, Uri};

use crate::corpus::Corpus;
use crate::diagnostics::{Diagnostic, Fix, Severity};
use crate::text::{Encoding, LineCol, LineIndex};

use super::state::World;

/// A file's text with its line index, for position conversions.
pub struct View<'a> {
    pub text: &'a str,
    pub index: Cow<'a, LineIndex>,
    pub enc: Encoding,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, enc: Encoding) -> View<'a> {
        View {
            text,
            index: Cow::Owned(LineIndex::new(text)),
            enc,
        }
    }

    pub fn with_index(text: &'a str, index: &'a LineIndex, enc: Encoding) -> View<'a> {
        View {
            text,
            index: Cow::Borrowed(index),
            enc,
        }
    }

    pub fn pos(&self, byte: usize) -> Position {
        let lc = self.index.line_col(self.text, byte, self.enc);
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, r: &Range<usize>) -> lsp::Range {
        lsp::Range::new(self.pos(r.start), self.pos(r.end.max(r.start)))
    }

    /// Byte offset of a position (clamped into the text).
    pub fn offset(&self, p: Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: p.line,
                col: p.character,
            },
            self.enc,
        )
    }

    pub fn byte_range(&self, r: lsp::Range) -> Range<usize> {
        let (s, e) = (self.offset(r.start), self.offset(r.end));
        s.min(e)..s.max(e)
    }
}

pub fn encoding_name(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// Pick the position encoding from the client's list: UTF-8 when offered
/// (gloss's own), else UTF-16 (every client's default), else UTF-32.
pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
    let Some(list) = offered.filter(|l| !l.is_empty()) else {
        return Encoding::Utf16;
    };
    let has = |k: &str| list.iter().any(|e| e.as_str() == k);
    if has("utf-8") {
        Encoding::Utf8
    } else if has("utf-16") {
        Encoding::Utf16
    } else if has("utf-32") {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn uri_of(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint | Severity::Off => lsp::DiagnosticSeverity::HINT,
    }
}

/// An LSP diagnostic for a core diagnostic, or `None` when the editor
/// settings turn it off. `data` records the code, byte range and number of
/// fixes, so a code action can find the fixes again.
pub fn diagnostic(
    world: &World,
    corpus: &Corpus,
    view: &View,
    d: &Diagnostic,
) -> Option<lsp::Diagnostic> {
    let sev = world.config.severity(corpus, d.code, d.severity);
    if sev == Severity::Off {
        return None;
    }
    Some(lsp::Diagnostic {
        range: view.range(&d.range),
        severity: Some(severity(sev)),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_owned())),
        source: Some("gloss".into()),
        message: d.message.clone(),
        data: Some(serde_json::json!({
            "code": d.code.as_str(),
            "start": d.range.start,
            "end": d.range.end,
            "fixes": d.fixes.len(),
        })),
        ..lsp::Diagnostic::default()
    })
}

/// The text of a fix's target file as gloss knows it ("" when missing).
fn target_text<'c>(world: &World, corpus: &'c Corpus, path: &Path) -> Cow<'c, str> {
    match world.file_text(corpus, path) {
        Some(t) => Cow::Borrowed(t),
        None => Cow::Owned(std::fs::read_to_string(path).unwrap_or_default()),
    }
}

/// Whether a file exists for the client (open, or on disk, or known to the
/// corpus as existing).
pub fn exists(world: &World, corpus: &Corpus, path: &Path) -> bool {
    if world.is_open(path) {
        return true;
    }
    if path.extension().is_some_and(|e| e == "ann") {
        if let Some(a) = corpus.article_for_path(path) {
            return a.ann_exists;
        }
    }
    path.exists()
}

/// A versioned workspace edit for a fix: `documentChanges` with the open
/// documents' versions (and `CreateFile` for a missing file) when the client
/// supports them, else plain `changes`. `None` when a file must be created
/// and the client cannot.
pub fn workspace_edit(world: &World, corpus: &Corpus, fix: &Fix) -> Option<lsp::WorkspaceEdit> {
    let mut by_file: BTreeMap<&Path, Vec<&crate::diagnostics::TextEdit>> = BTreeMap::new();
    for e in &fix.edits {
        by_file.entry(e.path.as_path()).or_default().push(e);
    }
    let mut ops = Vec::new();
    let mut changes = std::collections::HashMap::new();
    let mut needs_create = false;
    for (path, edits) in by_file {
        let uri = world.uri(path)?;
        let text = target_text(world, corpus, path);
        let view = View::new(&text, world.enc);
        let lsp_edits: Vec<lsp::TextEdit> = edits
            .iter()
            .map(|e| lsp::TextEdit::new(view.range(&e.range), e.new_text.clone()))
            .collect();
        if !exists(world, corpus, path) {
            needs_create = true;
            ops.push(lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(
                lsp::CreateFile {
                    uri: uri.clone(),
                    options: Some(lsp::CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                },
            )));
        }
        ops.push(lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
            text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: world.version(path),
            },
            edits: lsp_edits.iter().cloned().map(lsp::OneOf::Left).collect(),
        }));
        changes.insert(uri, lsp_edits);
    }
    if world.caps.document_changes {
        if needs_create && !world.caps.create_files {
            return None;
        }
        let has_ops = ops
            .iter()
            .any(|o| matches!(o, lsp::DocumentChangeOperation::Op(_)));
        let dc = if has_ops {
            lsp::DocumentChanges::Operations(ops)
        } else {
            lsp::DocumentChanges::Edits(
                ops.into_iter()
                    .filter_map(|o| match o {
                        lsp::DocumentChangeOperation::Edit(e) => Some(e),
                        _ => None,
                    })
                    .collect(),
            )
        };
        Some(lsp::WorkspaceEdit {
            document_changes: Some(dc),
            ..lsp::WorkspaceEdit::default()
        })
    } else {
        Some(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..lsp::WorkspaceEdit::default()
        })
    }
}
