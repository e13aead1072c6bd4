//! Workspace symbols (registry entities by name and alias) and document
//! symbols (an article's outline; the registry's entries).

use std::path::Path;

use tower_lsp_server::ls_types::*;

use crate::registry::EntityKind;

use super::convert::View;
use super::lookup::Doc;
use super::state::{FileKind, World};

pub fn symbol_kind(k: EntityKind) -> SymbolKind {
    match k {
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Organization => SymbolKind::NAMESPACE,
        EntityKind::Location => SymbolKind::PACKAGE,
    }
}

pub fn workspace(w: &World, query: &str) -> WorkspaceSymbolResponse {
    let q = query.to_lowercase();
    let mut out = Vec::new();
    for root in &w.roots {
        let corpus = &root.corpus;
        let reg_path = root.path.join(crate::corpus::REGISTRY);
        let Some(uri) = w.uri(&reg_path) else {
            continue;
        };
        let view = View::new(&corpus.registry.source, w.enc);
        for e in &corpus.registry.entities {
            let matched = q.is_empty()
                || e.id.to_lowercase().contains(&q)
                || e.names().any(|n| n.to_lowercase().contains(&q));
            if !matched {
                continue;
            }
            out.push(WorkspaceSymbol {
                name: e.name.clone(),
                kind: symbol_kind(e.kind),
                tags: None,
                container_name: Some(if e.aliases.is_empty() {
                    e.id.clone()
                } else {
                    format!("{} ({})", e.id, e.aliases.join(", "))
                }),
                location: OneOf::Left(Location::new(uri.clone(), view.range(&e.def_range))),
                data: None,
            });
        }
    }
    WorkspaceSymbolResponse::Nested(out)
}

#[allow(deprecated)]
fn sym(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(empty)".into()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children,
    }
}

fn one_line(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

pub fn document(w: &World, path: &Path) -> Option<DocumentSymbolResponse> {
    let doc = Doc::new(w, path)?;
    let view = doc.view();
    match doc.kind {
        FileKind::Article => {
            let article = doc.article?;
            let a = doc.analysis()?;
            let text = &article.text;
            let whole = view.range(&(0..text.len()));
            let mut mentions = Vec::new();
            for m in &a.annotations.mentions {
                mentions.push((m.span.clone(), Some(m.entity.clone()), true));
            }
            for m in &a.mentions {
                if a.annotations.entity_at(&m.span).is_none() {
                    mentions.push((m.span.clone(), Some(m.entities.join(" | ")), false));
                }
            }
            mentions.sort_by_key(|m| m.0.start);
            let mentions: Vec<DocumentSymbol> = mentions
                .into_iter()
                .map(|(span, id, annotated)| {
                    sym(
                        one_line(&text[span.clone()]),
                        id.map(|i| {
                            if annotated {
                                format!("{i} (annotated)")
                            } else {
                                i
                            }
                        }),
                        SymbolKind::VARIABLE,
                        view.range(&span),
                        None,
                    )
                })
                .collect();
            let mut dates: Vec<(std::ops::Range<usize>, String)> = a
                .annotations
                .dates
                .iter()
                .map(|d| {
                    (
                        d.span.clone(),
                        format!("= {}", d.value.clone().unwrap_or_default()),
                    )
                })
                .collect();
            for t in a.unannotated_timexes() {
                dates.push((t.span.clone(), format!("≟ {}? (not annotated)", t.value)));
            }
            dates.sort_by_key(|d| d.0.start);
            let dates: Vec<DocumentSymbol> = dates
                .into_iter()
                .map(|(span, detail)| {
                    sym(
                        one_line(&text[span.clone()]),
                        Some(detail),
                        SymbolKind::CONSTANT,
                        view.range(&span),
                        None,
                    )
                })
                .collect();
            let mut claims = Vec::new();
            for c in &a.annotations.claims {
                if let Some(cue) = c.cue.first() {
                    let src = c
                        .source
                        .first()
                        .map(|s| one_line(&text[s.clone()]))
                        .unwrap_or_default();
                    claims.push((cue.clone(), format!("{src} (annotated)")));
                }
            }
            for c in a.unannotated_claims() {
                let src = c
                    .source
                    .as_ref()
                    .map(|s| one_line(&text[s.clone()]))
                    .unwrap_or_default();
                claims.push((c.cue.clone(), format!("{src} (not annotated)")));
            }
            claims.sort_by_key(|c| c.0.start);
            let claims: Vec<DocumentSymbol> = claims
                .into_iter()
                .map(|(span, detail)| {
                    sym(
                        one_line(&text[span.clone()]),
                        Some(detail),
                        SymbolKind::EVENT,
                        view.range(&span),
                        None,
                    )
                })
                .collect();
            let group = |name: &str, kind, children: Vec<DocumentSymbol>| {
                let n = children.len();
                let range = match (children.first(), children.last()) {
                    (Some(f), Some(l)) => Range::new(f.range.start, l.range.end),
                    _ => Range::new(whole.start, whole.start),
                };
                sym(format!("{name} ({n})"), None, kind, range, Some(children))
            };
            Some(DocumentSymbolResponse::Nested(vec![
                group("Mentions", SymbolKind::NAMESPACE, mentions),
                group("Dates", SymbolKind::NAMESPACE, dates),
                group("Claims", SymbolKind::NAMESPACE, claims),
            ]))
        }
        FileKind::Registry => {
            let reg = &doc.corpus.registry;
            let mut starts: Vec<usize> = reg.entities.iter().map(|e| e.def_range.start).collect();
            starts.sort();
            let out = reg
                .entities
                .iter()
                .map(|e| {
                    let end = starts
                        .iter()
                        .find(|s| **s > e.def_range.start)
                        .copied()
                        .unwrap_or(reg.source.len());
                    let mut s = sym(
                        e.name.clone(),
                        Some(e.id.clone()),
                        symbol_kind(e.kind),
                        view.range(&(e.def_range.start..end)),
                        None,
                    );
                    s.selection_range = view.range(&e.def_range);
                    s
                })
                .collect();
            Some(DocumentSymbolResponse::Nested(out))
        }
        _ => None,
    }
}
