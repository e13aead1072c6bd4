//! What is at a position: the document, its corpus, and the entity, date,
//! claim or annotation under the cursor.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::Position;

use crate::analysis::Analysis;
use crate::ann::{Entry, EntryKind};
use crate::corpus::{Article, Corpus};
use crate::registry::Entity;

use super::convert::View;
use super::state::{FileKind, Root, World};

/// A document of the workspace, with what is needed to answer a request on it.
pub struct Doc<'w> {
    pub w: &'w World,
    pub root: &'w Root,
    pub corpus: &'w Corpus,
    pub kind: FileKind,
    pub path: PathBuf,
    /// The article (for an article or its `.ann` file).
    pub article: Option<&'w Article>,
}

impl<'w> Doc<'w> {
    pub fn new(w: &'w World, path: &Path) -> Option<Doc<'w>> {
        let loc = w.locate(path)?;
        let corpus = loc.corpus();
        let article = match loc.kind {
            FileKind::Article | FileKind::Ann => Some(corpus.article_for_path(path)?),
            _ => None,
        };
        Some(Doc {
            w,
            root: loc.root,
            corpus,
            kind: loc.kind,
            path: path.to_owned(),
            article,
        })
    }

    pub fn text(&self) -> &'w str {
        self.w.file_text(self.corpus, &self.path).unwrap_or("")
    }

    pub fn view(&self) -> View<'w> {
        match (self.kind, self.article) {
            (FileKind::Article, Some(a)) => View::with_index(&a.text, &a.index, self.w.enc),
            _ => View::new(self.text(), self.w.enc),
        }
    }

    pub fn offset(&self, pos: Position) -> usize {
        self.view().offset(pos)
    }

    /// The article's analysis, fix titles only.
    pub fn analysis(&self) -> Option<Arc<Analysis>> {
        self.article.map(|a| self.w.analysis(self.root, a))
    }

    /// The article's analysis with every fix in full (code actions).
    pub fn full_analysis(&self) -> Option<Arc<Analysis>> {
        self.article.map(|a| self.w.full_analysis(self.root, a))
    }

    /// A view of the article text (for a `.ann` file: of its article).
    pub fn article_view(&self) -> Option<View<'w>> {
        self.article
            .map(|a| View::with_index(&a.text, &a.index, self.w.enc))
    }
}

/// What the cursor is on in an article.
#[derive(Debug, Clone)]
pub enum Target {
    Entity {
        id: String,
        span: Range<usize>,
    },
    /// A name matching several registry entities, not annotated.
    Ambiguous {
        ids: Vec<String>,
        span: Range<usize>,
    },
    Date {
        timex: usize,
        span: Range<usize>,
    },
    AnnotatedDate {
        index: usize,
        span: Range<usize>,
    },
    Claim {
        index: usize,
        span: Range<usize>,
    },
    AnnotatedClaim {
        index: usize,
        span: Range<usize>,
    },
    UnknownName {
        span: Range<usize>,
    },
}

fn hit(r: &Range<usize>, offset: usize) -> bool {
    r.start <= offset && offset < r.end.max(r.start + 1)
}

/// Whether `offset` is in `r` or right at its end (a cursor after a word).
fn touch(r: &Range<usize>, offset: usize) -> bool {
    r.start <= offset && offset <= r.end
}

/// The thing at a byte offset of an article. A cursor right after a word
/// counts as on it.
pub fn article_target(a: &Analysis, offset: usize) -> Option<Target> {
    target_strict(a, offset).or_else(|| {
        target_strict(a, offset.saturating_sub(1)).filter(|t| {
            let span = match t {
                Target::Entity { span, .. }
                | Target::Ambiguous { span, .. }
                | Target::Date { span, .. }
                | Target::AnnotatedDate { span, .. }
                | Target::Claim { span, .. }
                | Target::AnnotatedClaim { span, .. }
                | Target::UnknownName { span } => span,
            };
            touch(span, offset)
        })
    })
}

fn target_strict(a: &Analysis, offset: usize) -> Option<Target> {
    if let Some((span, id)) = a.entity_at(offset) {
        return Some(Target::Entity {
            id: id.to_owned(),
            span,
        });
    }
    if let Some(m) = a
        .mentions
        .iter()
        .find(|m| hit(&m.span, offset) && m.entities.len() > 1)
    {
        return Some(Target::Ambiguous {
            ids: m.entities.clone(),
            span: m.span.clone(),
        });
    }
    if let Some((i, d)) = a
        .annotations
        .dates
        .iter()
        .enumerate()
        .find(|(_, d)| hit(&d.span, offset))
    {
        return Some(Target::AnnotatedDate {
            index: i,
            span: d.span.clone(),
        });
    }
    if let Some((i, t)) = a
        .timexes
        .iter()
        .enumerate()
        .find(|(_, t)| hit(&t.span, offset))
    {
        return Some(Target::Date {
            timex: i,
            span: t.span.clone(),
        });
    }
    if let Some(n) = a.unknown_names.iter().find(|n| hit(&n.span, offset)) {
        return Some(Target::UnknownName {
            span: n.span.clone(),
        });
    }
    if let Some((i, c)) = a.annotations.claims.iter().enumerate().find(|(_, c)| {
        c.cue
            .iter()
            .chain(&c.source)
            .chain(&c.content)
            .any(|r| hit(r, offset))
    }) {
        let span = c
            .cue
            .iter()
            .chain(&c.source)
            .chain(&c.content)
            .find(|r| hit(r, offset))
            .cloned()
            .unwrap_or(0..0);
        return Some(Target::AnnotatedClaim { index: i, span });
    }
    if let Some((i, c)) = a.claims.iter().enumerate().find(|(_, c)| {
        hit(&c.cue, offset)
            || c.source.as_ref().is_some_and(|r| hit(r, offset))
            || c.content.as_ref().is_some_and(|r| hit(r, offset))
    }) {
        let span = [Some(&c.cue), c.source.as_ref(), c.content.as_ref()]
            .into_iter()
            .flatten()
            .find(|r| hit(r, offset))
            .cloned()
            .unwrap_or(c.cue.clone());
        return Some(Target::Claim { index: i, span });
    }
    None
}

/// The `.ann` entry at a byte offset of the `.ann` text.
pub fn ann_entry_at(article: &Article, offset: usize) -> Option<(usize, &Entry)> {
    article
        .ann()
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| e.offset <= offset && offset <= e.offset + e.raw.len())
}

/// The registry id a `.ann` entry refers to: a `Registry:` normalization,
/// or a text-bound annotation linked by one.
pub fn ann_entity<'a>(
    article: &'a Article,
    analysis: &Analysis,
    entry: &'a Entry,
) -> Option<String> {
    match &entry.kind {
        EntryKind::Normalization(n) if n.db == "Registry" => Some(n.key.clone()),
        EntryKind::TextBound(t) => analysis
            .annotations
            .mentions
            .iter()
            .find(|m| m.id == t.id)
            .map(|m| m.entity.clone())
            .or_else(|| {
                article
                    .ann()
                    .normalizations_of(&t.id)
                    .find(|n| n.db == "Registry")
                    .map(|n| n.key.clone())
            }),
        _ => None,
    }
}

/// Byte range (in the `.ann` text) of the key of a `Registry:` normalization.
pub fn registry_key_range(entry: &Entry) -> Option<Range<usize>> {
    let EntryKind::Normalization(n) = &entry.kind else {
        return None;
    };
    if n.db != "Registry" {
        return None;
    }
    let start = entry.offset + n.key_range.0 + n.db.len() + 1;
    Some(start..entry.offset + n.key_range.1)
}

/// The registry entity whose table holds a byte offset of `entities.toml`.
pub fn registry_entity_at(corpus: &Corpus, offset: usize) -> Option<&Entity> {
    corpus
        .registry
        .entities
        .iter()
        .filter(|e| e.def_range.start <= offset)
        .max_by_key(|e| e.def_range.start)
}

/// The entity id at a position of any document (article, `.ann`, registry).
pub fn entity_at(doc: &Doc, pos: Position) -> Option<(String, Range<usize>)> {
    let offset = doc.offset(pos);
    match doc.kind {
        FileKind::Article => {
            let a = doc.analysis()?;
            match article_target(&a, offset)? {
                Target::Entity { id, span } => Some((id, span)),
                _ => None,
            }
        }
        FileKind::Ann => {
            let article = doc.article?;
            let a = doc.analysis()?;
            let (_, entry) = ann_entry_at(article, offset)?;
            let id = ann_entity(article, &a, entry)?;
            let range =
                registry_key_range(entry).unwrap_or(entry.offset..entry.offset + entry.raw.len());
            Some((id, range))
        }
        FileKind::Registry => {
            let e = registry_entity_at(doc.corpus, offset)?;
            Some((e.id.clone(), e.def_range.clone()))
        }
        FileKind::Manifest => None,
    }
}

/// The line of `text` around `span`, shortened to about `width` characters
/// with the span kept in view.
pub fn snippet(text: &str, span: &Range<usize>, width: usize) -> String {
    let line_start = text[..span.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[span.end.min(text.len())..]
        .find('\n')
        .map(|i| span.end + i)
        .unwrap_or(text.len());
    let line = &text[line_start..line_end];
    let rel = span.start - line_start;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if chars.len() <= width {
        return line.trim().to_owned();
    }
    let at = chars.iter().position(|(i, _)| *i >= rel).unwrap_or(0);
    let from = at.saturating_sub(width / 3);
    let to = (from + width).min(chars.len());
    let s: String = chars[from..to].iter().map(|(_, c)| c).collect();
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        s.trim(),
        if to < chars.len() { "…" } else { "" }
    )
}
