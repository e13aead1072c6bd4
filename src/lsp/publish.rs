//! Diagnostics per file, for `publishDiagnostics` and for pull requests.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::ls_types::Uri;

use super::convert::{diagnostic, View};
use super::state::{FileKind, World};

/// The diagnostics of one file, ready to publish.
pub struct Batch {
    pub path: PathBuf,
    pub uri: Uri,
    pub diagnostics: Vec<lsp::Diagnostic>,
    pub version: Option<i32>,
    /// Publish even an empty list (the file is open, or is a corpus file).
    pub always: bool,
}

/// Diagnostics of the files affected by a change: for an article (or its
/// `.ann`), both files when either is open; for the registry and the
/// manifest, the file itself.
pub fn for_paths(w: &World, paths: &[PathBuf]) -> Vec<Batch> {
    let mut out = Vec::new();
    let mut done = std::collections::HashSet::new();
    for p in paths {
        let Some(loc) = w.locate(p) else { continue };
        match loc.kind {
            FileKind::Article | FileKind::Ann => {
                let txt = p.with_extension("txt");
                let ann = p.with_extension("ann");
                if !done.insert(txt.clone()) {
                    continue;
                }
                if !w.is_open(&txt) && !w.is_open(&ann) {
                    continue;
                }
                let (a, b) = article_and_ann(w, &txt);
                if let Some(uri) = w.uri(&txt) {
                    out.push(Batch {
                        uri,
                        diagnostics: a,
                        version: w.version(&txt),
                        always: w.is_open(&txt),
                        path: txt.clone(),
                    });
                }
                if let Some(uri) = w.uri(&ann) {
                    out.push(Batch {
                        uri,
                        diagnostics: b,
                        version: w.version(&ann),
                        always: w.is_open(&ann),
                        path: ann,
                    });
                }
            }
            FileKind::Registry | FileKind::Manifest => {
                if !done.insert(p.clone()) {
                    continue;
                }
                let Some(uri) = w.uri(p) else { continue };
                let exists = w.is_open(p) || p.exists();
                out.push(Batch {
                    uri,
                    diagnostics: corpus_file(w, p),
                    version: w.version(p),
                    always: exists,
                    path: p.clone(),
                });
            }
        }
    }
    out
}

/// Diagnostics of an article and of its `.ann` file.
pub fn article_and_ann(w: &World, txt: &Path) -> (Vec<lsp::Diagnostic>, Vec<lsp::Diagnostic>) {
    let Some(loc) = w.locate(txt) else {
        return (Vec::new(), Vec::new());
    };
    let corpus = loc.corpus();
    let Some(article) = corpus.article_for_path(txt) else {
        return (Vec::new(), Vec::new());
    };
    let analysis = w.analysis(loc.root, article);
    let av = View::with_index(&article.text, &article.index, w.enc);
    let nv = View::new(&article.ann_text, w.enc);
    let mut a = Vec::new();
    let mut n = Vec::new();
    for d in &analysis.diagnostics {
        if d.path == article.path {
            a.extend(diagnostic(w, corpus, &av, d));
        } else if d.path == article.ann_path {
            n.extend(diagnostic(w, corpus, &nv, d));
        }
    }
    (a, n)
}

/// Diagnostics of `entities.toml` or `gloss.toml`.
pub fn corpus_file(w: &World, path: &Path) -> Vec<lsp::Diagnostic> {
    let Some(loc) = w.locate(path) else {
        return Vec::new();
    };
    let corpus = loc.corpus();
    let Some(text) = w.file_text(corpus, path) else {
        return Vec::new();
    };
    let view = View::new(text, w.enc);
    corpus
        .corpus_diagnostics()
        .iter()
        .filter(|d| d.path == path)
        .filter_map(|d| diagnostic(w, corpus, &view, d))
        .collect()
}

/// Pull diagnostics for one document.
pub fn document(w: &World, path: &Path) -> Vec<lsp::Diagnostic> {
    let Some(loc) = w.locate(path) else {
        return Vec::new();
    };
    match loc.kind {
        FileKind::Article => article_and_ann(w, path).0,
        FileKind::Ann => article_and_ann(w, &path.with_extension("txt")).1,
        FileKind::Registry | FileKind::Manifest => corpus_file(w, path),
    }
}

/// Pull diagnostics for the whole workspace: every article, every `.ann`
/// file with problems, the registry and the manifest of every root.
pub fn workspace(w: &World) -> Vec<lsp::WorkspaceDocumentDiagnosticReport> {
    let mut out = Vec::new();
    let mut push = |path: &Path, items: Vec<lsp::Diagnostic>| {
        let Some(uri) = w.uri(path) else { return };
        out.push(lsp::WorkspaceDocumentDiagnosticReport::Full(
            lsp::WorkspaceFullDocumentDiagnosticReport {
                uri,
                version: w.version(path).map(i64::from),
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            },
        ));
    };
    for root in &w.roots {
        let _ = w.all_analyses(root);
        for article in root.corpus.articles() {
            let (a, n) = article_and_ann(w, &article.path);
            push(&article.path, a);
            if article.ann_exists || !n.is_empty() {
                push(&article.ann_path, n);
            }
        }
        for f in [crate::corpus::REGISTRY, crate::corpus::MANIFEST] {
            let p = root.path.join(f);
            if p.exists() || w.is_open(&p) {
                push(&p, corpus_file(w, &p));
            }
        }
    }
    out
}
