//! Combining the rules with the learned cue model.
//!
//! The rules run first; the model tags every token with the rules' opinion
//! among its features. A cue the model finds where the rules found no claim
//! becomes a claim of its own, with a source (the noun phrase right before
//! it) and a content (a quotation after or before it, else the rest of the
//! sentence). Where both find a cue, the model may set its extent. Both are
//! gated by confidence thresholds tuned on PolNeAR train.

use std::ops::Range;

use crate::spans::SpanSet;

use super::features::Doc;
use super::model::{self, Model, Tagged};
use super::reported::{
    by_agent, clause_from, is_auxiliary, issued_thing, noun_modifier, passive, possessor,
    time_before_that, Ctx, Found,
};
use super::tokens::Kind;
use super::{cues, nouns};

/// How the model's cues are used.
#[derive(Debug, Clone, Copy)]
pub struct Learned<'m> {
    pub model: &'m Model,
    /// Least margin (in float weight units) for a cue where the rules have
    /// no claim.
    pub add: f32,
    /// Least margin for the model's extent to replace the rules' extent of
    /// an overlapping cue.
    pub extent: f32,
    /// Rule claims whose cue the model rates below this margin are dropped
    /// (`f32::NEG_INFINITY`: keep all).
    pub drop: f32,
    /// Least margin for a new cue with no source before it that is not a
    /// participle (`f32::INFINITY`: never).
    pub sourceless: f32,
}

/// The thresholds tuned on a held-out tenth of PolNeAR train (see
/// docs/accuracy.md): the lowest margin for new cues that keeps claim
/// precision at 90; the model's extents were less often exact than the
/// rules' and dropping rule claims gained nothing, so both are off.
pub const ADD: f32 = 40.0;
pub const EXTENT: f32 = f32::INFINITY;
pub const DROP: f32 = f32::NEG_INFINITY;
/// A cue without a source needs no more than any other: on the held-out
/// tenth, dropping that requirement brought claim recall from 82.1 to 82.6
/// for 0.1 of precision.
pub const SOURCELESS: f32 = ADD;

impl<'m> Learned<'m> {
    /// The shipped model with the tuned thresholds.
    pub fn shipped() -> Option<Learned<'static>> {
        model::shipped().map(|model| Learned {
            model,
            add: ADD,
            extent: EXTENT,
            drop: DROP,
            sourceless: SOURCELESS,
        })
    }
}

/// Tokens the tagger does not score: line breaks and punctuation other than
/// a colon (a speaker's colon is a cue).
pub fn skip(ctx: &Ctx, i: usize) -> bool {
    match ctx.toks[i].kind {
        Kind::Break | Kind::Quote(_) => true,
        // The token's bytes, not `ctx.punct`: this runs for every token, and
        // a byte slice compares without the string's boundary checks.
        Kind::Punct => {
            let t = &ctx.toks[i];
            ctx.text.as_bytes().get(t.start..t.end) != Some(b":".as_slice())
        }
        Kind::Word => false,
    }
}

/// The tags of the tokens in `ctx` (the model's view of the rules' claims
/// `founds` included).
pub fn tag(ctx: &Ctx, sents: &[Range<usize>], founds: &[Found], model: &Model) -> Vec<Tagged> {
    let doc = doc(ctx, sents, founds);
    model.tag(&doc, |i| skip(ctx, i))
}

/// The feature view of a text with the rules' claims.
pub fn doc<'a>(ctx: &Ctx<'a>, sents: &[Range<usize>], founds: &[Found]) -> Doc<'a> {
    let cues: Vec<Range<usize>> = founds.iter().map(|f| f.cue.clone()).collect();
    let spans: Vec<Range<usize>> = founds
        .iter()
        .flat_map(|f| [&f.source, &f.content, &f.extra].into_iter().flatten())
        .cloned()
        .collect();
    Doc::new(
        ctx.text, ctx.toks, ctx.quotes, ctx.inside, sents, &cues, &spans,
    )
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The rules' claims `founds` (in text order) merged with the model's cues.
pub fn combine(
    ctx: &Ctx,
    sents: &[Range<usize>],
    mut founds: Vec<Found>,
    l: &Learned,
    plausible: impl Fn(&Found) -> bool,
) -> Vec<Found> {
    let doc = doc(ctx, sents, &founds);
    let tags = l.model.tag(&doc, |i| skip(ctx, i));
    let unit = |m: i32| m as f32 * l.model.scale();
    if l.drop > f32::NEG_INFINITY {
        founds.retain(|f| {
            let first = ctx.toks.partition_point(|t| t.end <= f.cue.start);
            let best = (first..ctx.toks.len())
                .take_while(|&k| ctx.toks[k].start < f.cue.end)
                .map(|k| tags[k].margin())
                .max()
                .unwrap_or(0);
            unit(best) >= l.drop
        });
    }
    // The rules' cues are in text order and do not overlap; their sources
    // and contents are a `SpanSet`, so each model cue is placed by binary
    // search, not by a scan of all claims.
    let taken = SpanSet::new(
        founds
            .iter()
            .flat_map(|f| [&f.source, &f.content, &f.extra].into_iter().flatten())
            .cloned(),
    );
    let mut added = Vec::new();
    for (r, margin) in model::spans(&tags) {
        let cue = ctx.toks[r.start].start..ctx.toks[r.end - 1].end;
        let conf = unit(margin);
        let k = founds.partition_point(|f| f.cue.end <= cue.start);
        if let Some(f) = founds.get_mut(k).filter(|f| overlaps(&f.cue, &cue)) {
            if conf >= l.extent {
                let old = std::mem::replace(&mut f.cue, cue);
                if !plausible(f) {
                    f.cue = old;
                }
            }
            continue;
        }
        if conf < l.add
            || taken.overlaps(&cue)
            || noun_modifier(ctx, &r)
            || unknown_passive(ctx, &doc, l.model, &r)
            // A lone auxiliary ("is", "would") is no cue without its verb.
            || r.clone().all(|k| is_auxiliary(ctx.word(k)))
        {
            continue;
        }
        let s = sents.partition_point(|s| s.end <= r.start);
        let Some(sent) = sents.get(s) else { continue };
        // "The album was released in 2003": the passive of putting out a
        // thing (see `reported::issued_thing`).
        let subject = (r.start > sent.start)
            .then(|| ctx.np_back_strict(r.start - 1, sent.start))
            .flatten();
        if passive(ctx, r.start, r.end - 1) && issued_thing(ctx, r.end - 1, subject.as_ref()) {
            continue;
        }
        if headline(ctx, sent) || (r.start > sent.start && !ctx.is_lower(r.start)) {
            // Headlines and capitalised words (names, titles) are where
            // the model's cues are most often wrong.
            continue;
        }
        let participle = ctx.word(r.start).ends_with("ing");
        let rs = r.start;
        let f = assemble(ctx, sent.clone(), r, cue);
        // Without a source before it, a model cue may be a verb in some
        // other use ("After the storm, called off games ..."); a participle
        // continuing a sentence ("..., comparing him") is let through, any
        // other cue needs a margin of `sourceless` and a place where a
        // cue without a subject is likely.
        let sourceless = conf >= l.sourceless && sourceless_place(ctx, sent, rs);
        if (f.source.is_some() || participle || sourceless) && plausible(&f) {
            added.push(f);
        }
    }
    if !added.is_empty() {
        let cues: Vec<Range<usize>> = founds.iter().map(|f| f.cue.clone()).collect();
        let sources: Vec<Option<Range<usize>>> = founds.iter().map(|f| f.source.clone()).collect();
        for f in &mut added {
            clear_of_cues(ctx, f, &cues, &sources);
        }
        founds.extend(added);
        founds.sort_by_key(|f| f.cue.start);
    }
    founds
}

/// Cut the content of the model claim `f` where it reaches the cue of
/// another claim that is not nested in it (`cues` and their `sources`, in
/// text order): each token belongs to one claim,
/// and a content that runs over a later cue ("Clinton paused, then
/// revealed the plan had failed") would give that cue's claim to this one.
/// When nothing is left the claim keeps no content: dropping it cost
/// claims on PolNeAR train whose content is the other claim's ("She
/// escalated her criticism, telling CNN that ...", where the gold content
/// is shared).
fn clear_of_cues(
    ctx: &Ctx,
    f: &mut Found,
    cues: &[Range<usize>],
    sources: &[Option<Range<usize>>],
) {
    let Some(c) = f.content.clone() else {
        return;
    };
    let first = cues.partition_point(|q| q.end <= c.start);
    let Some(hit) = cues.get(first).filter(|q| q.start < c.end) else {
        return;
    };
    // A claim with its own source inside the content is nested in it, as
    // PolNeAR nests them ("the Kremlin's announcement that Russia wanted
    // to ..."): the content keeps it. One whose source is outside (or
    // none) continues another clause ("paused, then revealed").
    let nested = sources[first]
        .as_ref()
        .is_some_and(|s| s.start >= c.start && s.end <= hit.start);
    if nested {
        return;
    }
    // The part of the content on this claim's side of the other cue.
    let (lo, hi) = if hit.start >= f.cue.end {
        (c.start, hit.start)
    } else {
        let last = cues.partition_point(|q| q.start < c.end);
        let end = cues[first..last]
            .iter()
            .map(|q| q.end)
            .max()
            .unwrap_or(hit.end);
        (end, c.end)
    };
    let s = ctx.toks.partition_point(|t| t.start < lo);
    let mut e = ctx.toks.partition_point(|t| t.end <= hi);
    // Words that join the two claims go with neither: "paused, then".
    while e > s
        && ["then", "and", "but", "or"]
            .iter()
            .any(|w| ctx.eq(e - 1, w))
    {
        e -= 1;
        while e > s && ctx.punct(e - 1) == "," {
            e -= 1;
        }
    }
    let kept = ctx
        .trim(s, e)
        .filter(|r| r.clone().any(|k| ctx.toks[k].is_word()));
    f.content = kept.map(|r| ctx.bytes(&r));
}

/// Whether the model cue `r` (tokens) is a copula and a participle that
/// is neither a rule cue word nor a word that opens cues in training: "was
/// educated at", "is based in", "were trained as". The model learns that a
/// copula opens cues ("was named", "is known for", "were quick to"), and
/// then scores the word after it whatever it is; a state of a person's
/// life or place is no attribution.
fn unknown_passive(ctx: &Ctx, doc: &Doc, model: &Model, r: &Range<usize>) -> bool {
    if r.len() < 2 || !nouns::is_copula(&ctx.word(r.start).to_ascii_lowercase()) {
        return false;
    }
    let h = r.start + 1;
    let w = ctx.word(h);
    let participle = w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn");
    participle
        && cues::lookup(w).is_none()
        && nouns::role(w).is_none()
        && !model.opens(doc.stem_hash(h))
}

/// Words that open an adverbial at the start of a sentence ("After the
/// storm, ...").
const OPENERS: &[&str] = &[
    "after",
    "before",
    "in",
    "during",
    "when",
    "while",
    "as",
    "despite",
    "since",
    "although",
    "if",
    "because",
    "for",
    "on",
    "at",
    "with",
    "following",
    "amid",
    "under",
    "from",
    "by",
    "over",
];

/// Whether a model cue at token `p` of `sent` may stand without a source:
/// after a comma, other punctuation (a dash, a colon, a quote mark) or a
/// word that does not end a noun phrase. On the held-out tenth of train
/// these brought claim recall from 82.1 to 82.5 at the same precision; the
/// other places brought nothing (a sentence's first word, "to", "who",
/// "which", "that": the rules have them) or cost precision ("and", "but",
/// "or"). A comma that closes an opening adverbial is left out: the verb
/// after it lacks its subject ("After the storm, called off games ...").
fn sourceless_place(ctx: &Ctx, sent: &Range<usize>, p: usize) -> bool {
    if p <= sent.start {
        return false;
    }
    if ctx.punct(p - 1) == "," {
        let opener = OPENERS
            .iter()
            .any(|w| ctx.word(sent.start).eq_ignore_ascii_case(w));
        let first_comma = (sent.start..p - 1).all(|k| ctx.punct(k) != ",");
        return !(opener && first_comma);
    }
    !["to", "who", "which", "that", "and", "but", "or"]
        .iter()
        .any(|w| ctx.eq(p - 1, w))
}

/// Whether a sentence is a headline or a caption: it does not end with
/// sentence punctuation or a closing quote.
fn headline(ctx: &Ctx, sent: &Range<usize>) -> bool {
    let mut e = sent.end;
    while e > sent.start && ctx.toks[e - 1].kind == Kind::Break {
        e -= 1;
    }
    e == sent.start
        || match ctx.toks[e - 1].kind {
            Kind::Quote(_) => false,
            Kind::Punct => !matches!(ctx.punct(e - 1), "." | "!" | "?" | "…" | ")" | ":"),
            _ => true,
        }
}

/// Source and content around a model cue `r` (tokens) in sentence `sent`.
fn assemble(ctx: &Ctx, sent: Range<usize>, r: Range<usize>, cue: Range<usize>) -> Found {
    let (a, b) = (sent.start, sent.end);
    let source = if r.start <= a {
        None
    } else if ctx.toks[r.start - 1].is_word() {
        ctx.np_back_strict(r.start - 1, a)
    } else {
        // "Mr Smith (a former minister) insisted ...".
        ctx.np_before_parenthetical(r.start - 1, a)
    };
    let src_start = source.as_ref().map_or(r.start, |s| s.start);
    // A passive cue ("was named", "is seen") has its topic before it and
    // its source, if any, in a "by" after it (see `reported::passive`).
    let (source, topic, r) = if passive(ctx, r.start, r.end - 1) {
        let agent = by_agent(ctx, r.end, b);
        let after = agent.as_ref().map_or(r.end, |g| g.end);
        (agent, source, r.start..after)
    } else {
        (source, None, r)
    };
    let extra = topic.map(|t| ctx.bytes(&t));
    // A noun cue after a possessive ("the Kremlin's announcement that
    // ...") has the possessor as its source (a byte range).
    let owner = (r.start > a)
        .then(|| possessor(ctx, a, r.start - 1))
        .flatten();
    let source_bytes = |s: Option<Range<usize>>| owner.clone().or(s.map(|s| ctx.bytes(&s)));
    let content = if let Some(q) = ctx.quote_starting_at(r.end, b) {
        Some(q)
    } else if (r.end..b)
        .filter(|&k| ctx.toks[k].is_word())
        .take(2)
        .count()
        >= 2
    {
        // A time between the cue and its "that" belongs to neither.
        let mut s = time_before_that(ctx, r.end, b).unwrap_or(r.end);
        if ctx.eq(s, "that") {
            s += 1;
        }
        let (c, _) = clause_from(ctx, s, b, false);
        return Found {
            cue,
            source: source_bytes(source),
            content: c,
            extra,
        };
    } else if src_start > a {
        ctx.quote_ending_at(src_start - 1, a)
            .or_else(|| ctx.trim(a, src_start))
    } else {
        None
    };
    Found {
        cue,
        source: source_bytes(source),
        content: content.map(|c| ctx.bytes(&c)),
        extra,
    }
}
