//! Semantic tokens: entity mentions by kind, dates, and the cue, source and
//! content of claims, with modifiers telling annotated from proposed spans.

use std::ops::Range;
use std::path::Path;

use tower_lsp_server::ls_types::*;

use crate::registry::EntityKind;

use super::lookup::Doc;
use super::state::{FileKind, World};

/// gloss's token types, in legend order, with the standard type used as
/// fallback (`gloss.standardTokenTypes`).
pub const TYPES: &[(&str, &str)] = &[
    ("person", "variable"),
    ("organization", "namespace"),
    ("location", "type"),
    ("date", "number"),
    ("claimCue", "keyword"),
    ("claimSource", "parameter"),
    ("claimContent", "string"),
];
pub const MODIFIERS: &[&str] = &["annotated", "proposed", "ambiguous"];

const PERSON: u32 = 0;
const ORG: u32 = 1;
const LOC: u32 = 2;
const DATE: u32 = 3;
const CUE: u32 = 4;
const SOURCE: u32 = 5;
const CONTENT: u32 = 6;
const ANNOTATED: u32 = 1;
const PROPOSED: u32 = 2;
const AMBIGUOUS: u32 = 4;

pub fn legend(standard: bool) -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES
            .iter()
            .map(|(custom, std)| SemanticTokenType::new(if standard { std } else { custom }))
            .collect(),
        token_modifiers: MODIFIERS
            .iter()
            .map(|m| SemanticTokenModifier::new(m))
            .collect(),
    }
}

fn kind_type(k: EntityKind) -> u32 {
    match k {
        EntityKind::Person => PERSON,
        EntityKind::Organization => ORG,
        EntityKind::Location => LOC,
    }
}

/// Remove from `r` the parts covered by `taken`.
fn subtract(r: &Range<usize>, taken: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = vec![r.clone()];
    for t in taken {
        let mut next = Vec::new();
        for p in out {
            if t.end <= p.start || p.end <= t.start {
                next.push(p);
                continue;
            }
            if p.start < t.start {
                next.push(p.start..t.start);
            }
            if t.end < p.end {
                next.push(t.end..p.end);
            }
        }
        out = next;
    }
    out
}

pub fn tokens(
    w: &World,
    path: &Path,
    range: Option<tower_lsp_server::ls_types::Range>,
) -> Option<SemanticTokens> {
    tokens_in(w, path, range.map(|r| (r.start, r.end)))
}

/// Tokens of an article (optionally only those within a range).
pub fn tokens_in(
    w: &World,
    path: &Path,
    range: Option<(Position, Position)>,
) -> Option<SemanticTokens> {
    let doc = Doc::new(w, path)?;
    if doc.kind != FileKind::Article {
        return None;
    }
    let article = doc.article?;
    let a = doc.analysis()?;
    let reg = &doc.corpus.registry;
    let text = &article.text;
    let mut primary: Vec<(Range<usize>, u32, u32)> = Vec::new();
    for m in &a.annotations.mentions {
        if let Some(e) = reg.get(&m.entity) {
            primary.push((m.span.clone(), kind_type(e.kind), ANNOTATED));
        }
    }
    for m in &a.mentions {
        if a.annotations.entity_at(&m.span).is_some() {
            continue;
        }
        if let Some(e) = m.entities.first().and_then(|id| reg.get(id)) {
            let amb = if m.entities.len() > 1 { AMBIGUOUS } else { 0 };
            primary.push((m.span.clone(), kind_type(e.kind), PROPOSED | amb));
        }
    }
    for d in &a.annotations.dates {
        primary.push((d.span.clone(), DATE, ANNOTATED));
    }
    for t in a.unannotated_timexes() {
        primary.push((t.span.clone(), DATE, PROPOSED));
    }
    let mut contents: Vec<(Range<usize>, u32)> = Vec::new();
    for c in &a.annotations.claims {
        for r in &c.cue {
            primary.push((r.clone(), CUE, ANNOTATED));
        }
        for r in &c.source {
            primary.push((r.clone(), SOURCE, ANNOTATED));
        }
        for r in &c.content {
            contents.push((r.clone(), ANNOTATED));
        }
    }
    for c in a.unannotated_claims() {
        primary.push((c.cue.clone(), CUE, PROPOSED));
        if let Some(s) = &c.source {
            primary.push((s.clone(), SOURCE, PROPOSED));
        }
        if let Some(ct) = &c.content {
            contents.push((ct.clone(), PROPOSED));
        }
    }
    // Earlier and shorter spans win where spans overlap.
    primary.sort_by_key(|t| (t.0.start, t.0.end));
    let mut kept: Vec<(Range<usize>, u32, u32)> = Vec::new();
    for t in primary {
        if t.0.start >= t.0.end {
            continue;
        }
        if kept.last().is_some_and(|k| k.0.end > t.0.start) {
            continue;
        }
        kept.push(t);
    }
    let taken: Vec<Range<usize>> = kept.iter().map(|k| k.0.clone()).collect();
    let mut content_taken: Vec<Range<usize>> = Vec::new();
    for (r, m) in contents {
        for piece in subtract(&r, &taken) {
            for p in subtract(&piece, &content_taken) {
                content_taken.push(p.clone());
                kept.push((p, CONTENT, m));
            }
        }
    }
    kept.sort_by_key(|t| t.0.start);
    let view = doc.view();
    let (lo, hi) = match range {
        Some((s, e)) => (view.offset(s), view.offset(e)),
        None => (0, text.len()),
    };
    let mut data = Vec::new();
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for (r, ty, mods) in kept {
        if r.end <= lo || r.start >= hi {
            continue;
        }
        // One token per line (clients need single-line tokens).
        let mut start = r.start;
        while start < r.end {
            let line = article.index.line_of(start);
            let line_end = article
                .index
                .line_range(line)
                .map(|lr| lr.end)
                .unwrap_or(text.len());
            let content_end = text[..line_end.min(text.len())]
                .trim_end_matches(['\n', '\r'])
                .len()
                .max(start);
            let end = r.end.min(content_end);
            if end > start && !text[start..end].trim().is_empty() {
                let p = view.pos(start);
                let q = view.pos(end);
                let delta_line = p.line - prev_line;
                let delta_start = if delta_line == 0 {
                    p.character - prev_col
                } else {
                    p.character
                };
                data.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: q.character - p.character,
                    token_type: ty,
                    token_modifiers_bitset: mods,
                });
                prev_line = p.line;
                prev_col = p.character;
            }
            if line_end <= start {
                break;
            }
            start = line_end;
        }
    }
    Some(SemanticTokens {
        result_id: None,
        data,
    })
}
