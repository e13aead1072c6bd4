//! Completion: entity ids after `Registry:` in `.ann` files; keys and kinds
//! in `entities.toml`.

use std::path::Path;

use tower_lsp_server::ls_types::*;

use crate::registry::EntityKind;

use super::lookup::Doc;
use super::state::{FileKind, World};

const KEYS: &[(&str, &str, &str)] = &[
    (
        "kind",
        "kind = \"person\"",
        "person, organization or location",
    ),
    ("name", "name = \"\"", "the full name"),
    (
        "aliases",
        "aliases = []",
        "other names, matched in articles",
    ),
    (
        "description",
        "description = \"\"",
        "one line shown in hover cards",
    ),
    (
        "roles",
        "roles = [{ title = \"\", from = , to = }]",
        "roles held over periods (from inclusive, to exclusive)",
    ),
    ("wikidata", "wikidata = \"Q\"", "Wikidata id, e.g. Q333159"),
    ("links", "links = []", "URLs"),
];

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || c == '.'
}

pub fn complete(w: &World, path: &Path, pos: Position) -> Option<CompletionResponse> {
    let doc = Doc::new(w, path)?;
    let text = doc.text();
    let view = doc.view();
    let offset = view.offset(pos);
    let line_start = text[..offset]
        .rfind(['\n', '\r'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let before = &text[line_start..offset];
    let word_len: usize = before
        .chars()
        .rev()
        .take_while(|c| is_id_char(*c))
        .map(char::len_utf8)
        .sum();
    let word_start = offset - word_len;
    let replace = view.range(&(word_start..offset));
    let items = match doc.kind {
        FileKind::Ann => {
            if !before[..before.len() - word_len].ends_with("Registry:") {
                return None;
            }
            doc.corpus
                .registry
                .entities
                .iter()
                .map(|e| CompletionItem {
                    label: e.id.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(format!("{} ({})", e.name, e.kind.as_str())),
                    documentation: (!e.description.is_empty())
                        .then(|| Documentation::String(e.description.clone())),
                    filter_text: Some(format!(
                        "{} {}",
                        e.id,
                        e.names().collect::<Vec<_>>().join(" ")
                    )),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                        replace,
                        e.id.clone(),
                    ))),
                    ..CompletionItem::default()
                })
                .collect::<Vec<_>>()
        }
        FileKind::Registry => {
            let trimmed = before.trim_start();
            if let Some(rest) = trimmed.strip_prefix("kind") {
                let rest = rest.trim_start();
                if let Some(v) = rest.strip_prefix('=') {
                    let v = v.trim_start();
                    let quoted = v.starts_with('"');
                    return Some(CompletionResponse::Array(
                        EntityKind::ALL
                            .iter()
                            .map(|k| CompletionItem {
                                label: k.as_str().into(),
                                kind: Some(CompletionItemKind::ENUM_MEMBER),
                                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                                    replace,
                                    if quoted {
                                        k.as_str().to_owned()
                                    } else {
                                        format!("\"{}\"", k.as_str())
                                    },
                                ))),
                                ..CompletionItem::default()
                            })
                            .collect(),
                    ));
                }
            }
            if trimmed.len() != word_len || !text[..line_start].contains('[') {
                return None;
            }
            KEYS.iter()
                .map(|(k, insert, doc)| CompletionItem {
                    label: (*k).into(),
                    kind: Some(CompletionItemKind::PROPERTY),
                    detail: Some((*doc).into()),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                        replace,
                        (*insert).into(),
                    ))),
                    ..CompletionItem::default()
                })
                .collect()
        }
        _ => return None,
    };
    Some(CompletionResponse::Array(items))
}
