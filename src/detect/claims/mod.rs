//! Claims: attribution detection (source, cue, content) and source resolution.
//!
//! The pipeline is linear in the text: [`tokens`] splits words, punctuation,
//! quote marks (straight, curly, mis-decoded) and paragraph breaks;
//! [`quotes`] pairs quote marks into bounded quotations; [`sentences`]
//! segments around abbreviations without splitting quotations; [`reported`]
//! finds cues from the [`cues`] lexicon and assembles source and content;
//! [`sources`] links sources to registry entities.

pub mod cues;
pub mod nouns;
pub mod plausible;
pub mod quotes;
pub mod reported;
pub mod sentences;
pub mod sources;
pub mod tokens;

use std::ops::Range;

use super::{Claim, Mention};
use crate::registry::Registry;

/// Find the attributions in `text`. `mentions` are the registry mentions
/// already found in the same text (sorted by start), used to link sources.
/// Byte offsets; sorted by span start.
pub fn detect(text: &str, mentions: &[Mention], registry: &Registry) -> Vec<Claim> {
    let toks = tokens::tokenize(text);
    let (quotes, inside) = quotes::pair(&toks);
    let sents = sentences::split(text, &toks, &quotes, &inside);
    let ctx = reported::Ctx {
        text,
        toks: &toks,
        quotes: &quotes,
        inside: &inside,
    };
    let mut out = Vec::new();
    let mut prev_quote: Option<Range<usize>> = None;
    for s in sents {
        let found = reported::claims_in(&ctx, s.clone(), prev_quote.take());
        if found.is_empty() {
            prev_quote = whole_quote(&ctx, &s);
        }
        for f in found {
            let source_is_place = f
                .source
                .as_ref()
                .is_some_and(|src| names_a_place(src, mentions, registry));
            if !plausible::plausible(
                text,
                &f.cue,
                f.source.as_ref(),
                f.content.as_ref(),
                source_is_place,
            ) {
                continue;
            }
            let mut start = f.cue.start;
            let mut end = f.cue.end;
            for r in [&f.source, &f.content, &f.extra].into_iter().flatten() {
                start = start.min(r.start);
                end = end.max(r.end);
            }
            let entity = f
                .source
                .as_ref()
                .and_then(|src| sources::resolve(text, src, mentions, registry));
            out.push(Claim {
                span: start..end,
                cue: f.cue,
                source: f.source,
                entity,
                content: f.content,
            });
        }
    }
    out.sort_by_key(|c| (c.span.start, c.cue.start));
    out
}

/// Whether a registry mention of a location overlaps `src`. Mentions are
/// sorted by start, so a binary search finds the first candidate: a scan of
/// all mentions per claim would be quadratic on long texts.
fn names_a_place(src: &Range<usize>, mentions: &[Mention], registry: &Registry) -> bool {
    let first = mentions.partition_point(|m| m.span.end <= src.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start < src.end)
        .any(|m| {
            m.span.end > src.start
                && m.entities.iter().all(|e| {
                    registry
                        .get(e)
                        .is_some_and(|e| e.kind == crate::registry::EntityKind::Location)
                })
        })
}

/// The sentence as a token range when it is one closed quotation (with
/// trailing punctuation).
fn whole_quote(ctx: &reported::Ctx, s: &Range<usize>) -> Option<Range<usize>> {
    let q = ctx.quotes.get(*ctx.inside.get(s.start)? as usize)?;
    if q.open != s.start || !q.closed {
        return None;
    }
    let rest_is_punct = (q.last + 1..s.end).all(|k| ctx.toks[k].kind == tokens::Kind::Punct);
    rest_is_punct.then_some(q.open..q.last + 1)
}
