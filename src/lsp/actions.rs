//! Code actions: the quick fixes of the core's diagnostics and the
//! "annotate all" source actions, delivered as versioned workspace edits or
//! as the `gloss.applyFix` command (see [`FixMode`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use crate::analysis::fix_all;
use crate::corpus::Corpus;
use crate::diagnostics::{Code, Diagnostic, Fix, Severity};

use super::convert::{diagnostic, path_of, workspace_edit};
use super::lookup::Doc;
use super::server::{run, Inner, CLIENT_TIMEOUT, CMD_APPLY_FIX};
use super::state::{FileKind, FixMode, World};

pub const KIND_ANNOTATE_DATES: &str = "source.gloss.annotateAllDates";
pub const KIND_ANNOTATE_CLAIMS: &str = "source.gloss.annotateAllClaims";

/// The core diagnostics of a document (whatever its kind), with every fix
/// in full.
pub fn core_diagnostics(doc: &Doc) -> Vec<Diagnostic> {
    match doc.kind {
        FileKind::Article | FileKind::Ann => doc
            .full_analysis()
            .map(|a| {
                a.diagnostics
                    .iter()
                    .filter(|d| d.path == doc.path)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
        FileKind::Registry | FileKind::Manifest => doc
            .corpus
            .corpus_diagnostics()
            .into_iter()
            .filter(|d| d.path == doc.path)
            .collect(),
    }
}

fn kind_allowed(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    let Some(only) = only else { return true };
    only.iter().any(|k| {
        kind.as_str() == k.as_str() || kind.as_str().starts_with(&format!("{}.", k.as_str()))
    })
}

pub fn code_actions(
    w: &World,
    path: &Path,
    range: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let Some(doc) = Doc::new(w, path) else {
        return Vec::new();
    };
    let Some(uri) = w.uri(path) else {
        return Vec::new();
    };
    let view = doc.view();
    let req = view.byte_range(range);
    let mut out = Vec::new();
    if kind_allowed(&CodeActionKind::QUICKFIX, only) {
        for d in core_diagnostics(&doc) {
            if d.fixes.is_empty() {
                continue;
            }
            if !(d.range.start <= req.end && req.start <= d.range.end) {
                continue;
            }
            if w.config.severity(doc.corpus, d.code, d.severity) == Severity::Off {
                continue;
            }
            let lsp_diag = diagnostic(w, doc.corpus, &view, &d);
            for (i, fix) in d.fixes.iter().enumerate() {
                let fixref = json!({
                    "uri": uri.as_str(),
                    "code": d.code.as_str(),
                    "start": d.range.start,
                    "end": d.range.end,
                    "fix": i,
                });
                let mut a = action(w, doc.corpus, fix, fixref, CodeActionKind::QUICKFIX);
                a.diagnostics = lsp_diag.clone().map(|d| vec![d]);
                a.is_preferred = Some(d.fixes.len() == 1);
                out.push(CodeActionOrCommand::CodeAction(a));
            }
        }
    }
    if doc.kind == FileKind::Article {
        if let (Some(article), Some(analysis)) = (doc.article, doc.analysis()) {
            for (code, kind) in [
                (Code::UnannotatedDate, KIND_ANNOTATE_DATES),
                (Code::UnannotatedClaim, KIND_ANNOTATE_CLAIMS),
            ] {
                let kind = CodeActionKind::new(kind);
                if !kind_allowed(&kind, only) {
                    continue;
                }
                if let Some(fix) = fix_all(article, &analysis, code) {
                    let fixref = json!({ "uri": uri.as_str(), "all": code.as_str() });
                    out.push(CodeActionOrCommand::CodeAction(action(
                        w, doc.corpus, &fix, fixref, kind,
                    )));
                }
            }
        }
    }
    out
}

/// A code action for a fix: a workspace edit or the apply command.
fn action(
    w: &World,
    corpus: &Corpus,
    fix: &Fix,
    fixref: Value,
    kind: CodeActionKind,
) -> CodeAction {
    let mut title = fix.title.clone();
    if fix.changes_article {
        title.push_str(" (changes the article text)");
    }
    let all_open = fix.edits.iter().all(|e| w.is_open(&e.path));
    let use_edit = match w.config.fixes {
        FixMode::Edit => true,
        FixMode::Write => false,
        FixMode::Auto => all_open || !w.caps.apply_edit,
    };
    let edit = if use_edit {
        workspace_edit(w, corpus, fix)
    } else {
        None
    };
    let command = edit.is_none().then(|| Command {
        title: title.clone(),
        command: CMD_APPLY_FIX.into(),
        arguments: Some(vec![fixref]),
    });
    CodeAction {
        title,
        kind: Some(kind),
        edit,
        command,
        ..CodeAction::default()
    }
}

/// Find a fix again from its reference (computed against the current state).
pub fn resolve_fix(w: &World, fixref: &Value) -> std::result::Result<Fix, String> {
    let uri: Uri = fixref
        .get("uri")
        .and_then(|u| u.as_str())
        .and_then(|u| u.parse().ok())
        .ok_or("the fix has no document URI")?;
    let path = path_of(&uri).ok_or("not a file URI")?;
    let doc = Doc::new(w, &path).ok_or("the document is not part of a gloss corpus")?;
    if let Some(all) = fixref.get("all").and_then(|a| a.as_str()) {
        let code = Code::parse(all).ok_or("unknown code")?;
        let article = doc.article.ok_or("not an article")?;
        let analysis = doc.analysis().ok_or("not an article")?;
        return fix_all(article, &analysis, code).ok_or_else(|| "nothing left to annotate".into());
    }
    let code = fixref
        .get("code")
        .and_then(|c| c.as_str())
        .and_then(Code::parse)
        .ok_or("the fix has no diagnostic code")?;
    let num = |k: &str| fixref.get(k).and_then(|v| v.as_u64()).map(|v| v as usize);
    let (start, end, i) = (
        num("start").ok_or("no start")?,
        num("end").ok_or("no end")?,
        num("fix").unwrap_or(0),
    );
    let d = core_diagnostics(&doc)
        .into_iter()
        .find(|d| d.code == code && d.range == (start..end))
        .ok_or("the problem is gone (the document changed since the fix was offered)")?;
    d.fixes.get(i).cloned().ok_or_else(|| "no such fix".into())
}

/// `gloss.applyFix`: write the files the editor does not have open
/// atomically, send the edits to open files as a versioned
/// `workspace/applyEdit`, then refresh.
pub async fn execute_apply_fix(inner: &Arc<Inner>, arg: Value) -> Result<Option<LSPAny>> {
    let planned = run(inner, "applyFix", move |w| {
        let fix = resolve_fix(&w, &arg).map_err(Error::invalid_params)?;
        let (open, closed): (Vec<_>, Vec<_>) =
            fix.edits.iter().cloned().partition(|e| w.is_open(&e.path));
        let mut written: Vec<PathBuf> = closed.iter().map(|e| e.path.clone()).collect();
        written.sort();
        written.dedup();
        if !closed.is_empty() {
            // Refuse to write over changes gloss has not seen yet: each file
            // must still hold the text the fix was computed from, checked
            // right before the write.
            let analysed = |p: &Path| {
                let loc = w.locate(p).or_else(|| w.locate(&p.with_extension("txt")))?;
                Some(w.file_text(loc.corpus(), p).unwrap_or(""))
            };
            crate::fsutil::apply_fix_if_unchanged(
                &Fix {
                    title: fix.title.clone(),
                    edits: closed,
                    changes_article: fix.changes_article,
                },
                analysed,
            )
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::Other => Error::invalid_params(format!("{e}; try again")),
                _ => Error::invalid_params(format!("cannot apply the fix: {e}")),
            })?;
        }
        let edit = if open.is_empty() {
            None
        } else {
            let corpus_of = open
                .first()
                .and_then(|e| w.locate(&e.path).map(|l| l.root.corpus.clone()));
            corpus_of.and_then(|c| {
                workspace_edit(
                    &w,
                    &c,
                    &Fix {
                        title: fix.title.clone(),
                        edits: open,
                        changes_article: fix.changes_article,
                    },
                )
            })
        };
        Ok((fix.title, written, edit))
    })
    .await?;
    let (title, written, edit) = planned;
    if !written.is_empty() {
        inner.files_changed(written.clone());
    }
    let mut applied = true;
    if let Some(edit) = edit {
        let res = tokio::time::timeout(CLIENT_TIMEOUT, inner.client.apply_edit(edit)).await;
        applied = matches!(res, Ok(Ok(r)) if r.applied);
        if !applied {
            inner
                .client
                .log_message(
                    MessageType::WARNING,
                    format!("{title}: the editor did not apply the edit"),
                )
                .await;
        }
    }
    Ok(Some(json!({
        "written": written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "applied": applied,
    })))
}
