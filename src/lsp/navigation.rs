//! Go to definition, find references and document highlights.

use std::path::Path;

use tower_lsp_server::ls_types::*;

use crate::ann::EntryKind;

use super::convert::View;
use super::lookup::{ann_entry_at, article_target, entity_at, Doc, Target};
use super::state::{FileKind, World};

/// The location of an entity's `[id]` header in `entities.toml`.
pub fn registry_location(doc: &Doc, id: &str) -> Option<Location> {
    let e = doc.corpus.registry.get(id)?;
    let path = doc.corpus.root.join(crate::corpus::REGISTRY);
    let view = View::new(&doc.corpus.registry.source, doc.w.enc);
    Some(Location::new(doc.w.uri(&path)?, view.range(&e.def_range)))
}

pub fn definition(w: &World, path: &Path, pos: Position) -> Option<GotoDefinitionResponse> {
    let doc = Doc::new(w, path)?;
    let offset = doc.offset(pos);
    let loc = match doc.kind {
        FileKind::Article => {
            let a = doc.analysis()?;
            match article_target(&a, offset)? {
                Target::Entity { id, .. } => registry_location(&doc, &id)?,
                Target::UnknownName { span } => {
                    let name = &doc.article?.text[span];
                    earliest_full_name(&doc, name)?
                }
                Target::Ambiguous { ids, .. } => {
                    let locs: Vec<Location> = ids
                        .iter()
                        .filter_map(|id| registry_location(&doc, id))
                        .collect();
                    return Some(GotoDefinitionResponse::Array(locs));
                }
                _ => return None,
            }
        }
        FileKind::Ann => {
            let article = doc.article?;
            let (_, entry) = ann_entry_at(article, offset)?;
            match &entry.kind {
                EntryKind::Normalization(n) if n.db == "Registry" => {
                    let (ks, _) = n.key_range;
                    // On the target id (`T3`): its line; elsewhere: the registry entry.
                    let col = offset - entry.offset;
                    if col < ks {
                        ann_line_location(&doc, &n.target)?
                    } else {
                        registry_location(&doc, &n.key)?
                    }
                }
                EntryKind::Normalization(n) => {
                    let col = offset - entry.offset;
                    if col < n.key_range.0 {
                        ann_line_location(&doc, &n.target)?
                    } else {
                        span_location(&doc, &n.target)?
                    }
                }
                EntryKind::TextBound(t) => span_location(&doc, &t.id)?,
                EntryKind::Event(_)
                | EntryKind::Relation(_)
                | EntryKind::Attribute(_)
                | EntryKind::Note(_) => {
                    // The id under the cursor (`Cue:T2` → T2's span in the article).
                    let col = offset - entry.offset;
                    let word = word_at(&entry.raw, col)?;
                    let id = word.rsplit(':').next()?;
                    span_location(&doc, id).or_else(|| ann_line_location(&doc, id))?
                }
                _ => return None,
            }
        }
        FileKind::Manifest => {
            // From an `[articles."…"]` table to the article.
            let (rel, _) = doc
                .corpus
                .manifest
                .articles
                .iter()
                .find(|(_, m)| m.def_range.start <= offset && offset <= m.def_range.end)?;
            let path = doc.corpus.root.join(rel);
            let uri = w.uri(&path)?;
            Location::new(uri, Range::default())
        }
        FileKind::Registry => return None,
    };
    Some(GotoDefinitionResponse::Scalar(loc))
}

fn word_at(line: &str, col: usize) -> Option<&str> {
    let col = col.min(line.len());
    let is_sep = |c: char| c == ' ' || c == '\t';
    let start = line[..col].rfind(is_sep).map(|i| i + 1).unwrap_or(0);
    let end = line[col..]
        .find(is_sep)
        .map(|i| col + i)
        .unwrap_or(line.len());
    (start < end).then(|| &line[start..end])
}

/// Where a text-bound annotation points in the article.
fn span_location(doc: &Doc, tid: &str) -> Option<Location> {
    let article = doc.article?;
    let a = doc.analysis()?;
    let ranges = a.annotations.spans.get(tid)?;
    let start = ranges.iter().map(|r| r.start).min()?;
    let end = ranges.iter().map(|r| r.end).max()?;
    let view = View::with_index(&article.text, &article.index, doc.w.enc);
    Some(Location::new(
        doc.w.uri(&article.path)?,
        view.range(&(start..end)),
    ))
}

/// The line defining an annotation id in the `.ann` file.
fn ann_line_location(doc: &Doc, id: &str) -> Option<Location> {
    let article = doc.article?;
    let e = article.ann().entry(id)?;
    let view = View::new(&article.ann_text, doc.w.enc);
    Some(Location::new(
        doc.w.uri(&article.ann_path)?,
        view.range(&(e.offset..e.offset + e.raw.len())),
    ))
}

/// For a name not in the registry: its earliest full-name mention in the
/// corpus (the longest name-like span containing it, in the earliest
/// article by publication date, then path, then position).
fn earliest_full_name(doc: &Doc, name: &str) -> Option<Location> {
    use rayon::prelude::*;
    let words: Vec<&str> = name.split_whitespace().collect();
    // Longest name first, then dated articles by date, then path, then position.
    type Key<'a> = (
        std::cmp::Reverse<usize>,
        bool,
        Option<chrono::NaiveDate>,
        &'a str,
        usize,
    );
    let arts: Vec<&crate::corpus::Article> = doc.corpus.articles().collect();
    // Each article's best candidate, in parallel; analyses not already
    // cached are computed and dropped (keeping one per article of a large
    // corpus would hold gigabytes for one request).
    let best = arts
        .into_par_iter()
        .filter_map(|article| {
            let a = doc.w.cached_analysis(doc.root, article).unwrap_or_else(|| {
                std::sync::Arc::new(crate::analysis::analyze_with(
                    doc.corpus,
                    article,
                    crate::analysis::FixDetail::TitlesOnly,
                ))
            });
            let date = doc.corpus.publication_date(article);
            let mut best: Option<(Key, std::ops::Range<usize>)> = None;
            for n in &a.unknown_names {
                let cand = &article.text[n.span.clone()];
                let cw: Vec<&str> = cand.split_whitespace().collect();
                if !cw
                    .windows(words.len().max(1))
                    .any(|win| win == words.as_slice())
                {
                    continue;
                }
                let key = (
                    std::cmp::Reverse(cw.len()),
                    date.is_none(),
                    date,
                    article.rel.as_str(),
                    n.span.start,
                );
                if best.as_ref().is_none_or(|b| key < b.0) {
                    best = Some((key, n.span.clone()));
                }
            }
            best.map(|(k, span)| (k, article, span))
        })
        .min_by(|x, y| x.0.cmp(&y.0));
    let (_, article, span) = best?;
    let view = View::with_index(&article.text, &article.index, doc.w.enc);
    Some(Location::new(doc.w.uri(&article.path)?, view.range(&span)))
}

pub fn references(
    w: &World,
    path: &Path,
    pos: Position,
    include_decl: bool,
) -> Option<Vec<Location>> {
    let doc = Doc::new(w, path)?;
    let (id, _) = entity_at(&doc, pos)?;
    let mut out = Vec::new();
    if include_decl {
        out.extend(registry_location(&doc, &id));
    }
    for h in w.mentions_of(doc.root, &id) {
        let article = &h.article;
        let Some(uri) = w.uri(&article.path) else {
            continue;
        };
        let view = View::with_index(&article.text, &article.index, w.enc);
        for s in h.spans {
            out.push(Location::new(uri.clone(), view.range(&s)));
        }
    }
    Some(out)
}

pub fn highlight(w: &World, path: &Path, pos: Position) -> Option<Vec<DocumentHighlight>> {
    let doc = Doc::new(w, path)?;
    if doc.kind != FileKind::Article {
        return None;
    }
    let (id, _) = entity_at(&doc, pos)?;
    let a = doc.analysis()?;
    let view = doc.view();
    Some(
        a.spans_of(&id)
            .into_iter()
            .map(|s| DocumentHighlight {
                range: view.range(&s),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}
