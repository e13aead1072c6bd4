//! Renaming an entity id across `entities.toml` and every `.ann` file.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::*;

use crate::ann::EntryKind;
use crate::diagnostics::{Fix, TextEdit as CoreEdit};

use super::convert::workspace_edit;
use super::lookup::{entity_at, Doc};
use super::state::World;

/// Whether a string can be an entity id (a bare TOML key).
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub fn prepare(w: &World, path: &Path, pos: Position) -> Option<PrepareRenameResponse> {
    let doc = Doc::new(w, path)?;
    let (id, range) = entity_at(&doc, pos)?;
    doc.corpus.registry.get(&id)?;
    let view = doc.view();
    // In the registry and `.ann` files the id itself is renamed in place;
    // in an article the range is the mention.
    let range = match doc.kind {
        super::state::FileKind::Registry => {
            // Only on the entry's header, where the id is written.
            let offset = view.offset(pos);
            if !(range.start <= offset && offset <= range.end) {
                return None;
            }
            let src = &doc.corpus.registry.source;
            id_in_header(src, &range, &id).unwrap_or(range)
        }
        _ => range,
    };
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: view.range(&range),
        placeholder: id,
    })
}

/// The id's byte range inside an `[id]` / `["id"]` header.
fn id_in_header(src: &str, header: &Range<usize>, id: &str) -> Option<Range<usize>> {
    let h = src.get(header.clone())?;
    let i = h.find(id)?;
    Some(header.start + i..header.start + i + id.len())
}

/// The smallest edit turning `old` into `new`: one replacement of the span
/// between their common prefix and common suffix (on char boundaries).
fn changed_span(old: &str, new: &str, path: &Path) -> Option<CoreEdit> {
    if old == new {
        return None;
    }
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or(old.len().min(new.len()));
    // Never let the suffix overlap the prefix in either text.
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |n, l| {
            *n += l;
            Some(*n)
        })
        .take_while(|n| *n <= max_suffix)
        .last()
        .unwrap_or(0);
    Some(CoreEdit {
        path: path.to_owned(),
        range: prefix..old.len() - suffix,
        new_text: new[prefix..new.len() - suffix].to_owned(),
    })
}

pub fn rename(
    w: &World,
    path: &Path,
    pos: Position,
    new_name: &str,
) -> Result<Option<WorkspaceEdit>, String> {
    let Some(doc) = Doc::new(w, path) else {
        return Ok(None);
    };
    let Some((id, _)) = entity_at(&doc, pos) else {
        return Ok(None);
    };
    let corpus = doc.corpus;
    corpus
        .registry
        .get(&id)
        .ok_or_else(|| format!("`{id}` is not defined in entities.toml"))?;
    if !valid_id(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid entity id (letters, digits, `-` and `_`)"
        ));
    }
    if new_name == id {
        return Ok(None);
    }
    if corpus.registry.contains(new_name) {
        return Err(format!(
            "`{new_name}` is already an entity in entities.toml"
        ));
    }
    let mut edits: BTreeMap<PathBuf, Vec<CoreEdit>> = BTreeMap::new();
    let reg_path = corpus.root.join(crate::corpus::REGISTRY);
    // The registry is rewritten by the same toml_edit code as the CLI's
    // registry editing, so comments, order, quoting and inline tables stay as
    // they are; the editor gets the one span that differs.
    let src = &corpus.registry.source;
    let renamed = crate::registry_edit::rename_entity(src, &id, new_name)?;
    if let Some(edit) = changed_span(src, &renamed, &reg_path) {
        edits.entry(reg_path).or_default().push(edit);
    }
    for article in corpus.articles() {
        for e in &article.ann().entries {
            let EntryKind::Normalization(n) = &e.kind else {
                continue;
            };
            if n.db != "Registry" || n.key != id {
                continue;
            }
            let start = e.offset + n.key_range.0 + n.db.len() + 1;
            edits
                .entry(article.ann_path.clone())
                .or_default()
                .push(CoreEdit {
                    path: article.ann_path.clone(),
                    range: start..e.offset + n.key_range.1,
                    new_text: new_name.to_owned(),
                });
        }
    }
    let fix = Fix {
        title: format!("Rename {id} to {new_name}"),
        edits: edits.into_values().flatten().collect(),
        changes_article: false,
    };
    Ok(workspace_edit(w, corpus, &fix))
}
