//! Assembling claims in a sentence: cue, source and content.
//!
//! Patterns, tried for every cue word outside a closed quotation:
//!
//! - `SOURCE CUE (that) CONTENT` and `SOURCE CUE: “QUOTE”` (the source
//!   before the cue, across auxiliaries and adverbs: "has also said");
//! - `“QUOTE,” SOURCE CUE` and `“QUOTE,” CUE SOURCE` (inversion);
//!   `“QUOTE,” SOURCE CUE, “MORE”` keeps the second part with the claim;
//! - `CONTENT, SOURCE CUE.` (the cue closes the sentence);
//! - `according to SOURCE, CONTENT` and `CONTENT, according to SOURCE`;
//! - `the Russian Defence Minister, Mr Sergei Ivanov, said` (apposition);
//! - `..., adding that ...`: a participle after a comma starts a new claim
//!   with the same source.
//!
//! Each token belongs to at most one claim, as in PolNeAR: cues inside the
//! content of an earlier claim are not claims of their own.

use std::ops::Range;

use super::cues::{self, Cue, BETWEEN};
use super::quotes::{Quote, NONE};
use super::tokens::{Kind, QuoteMark, Tok};

/// A claim in byte ranges, before source resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub cue: Range<usize>,
    pub source: Option<Range<usize>>,
    pub content: Option<Range<usize>>,
    /// Extra range the claim covers (the second part of a split quotation).
    pub extra: Option<Range<usize>>,
}

/// Words that end a backward search for the source.
const STOPS: &[&str] = &[
    "that", "and", "but", "because", "while", "when", "as", "if", "which", "where", "so", "after",
    "before", "since", "although", "though", "whom", "whether", "than", "or", "what", "how", "why",
    "said", "says", "told", "until", "unless", "whereas", "where",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub quotes: &'a [Quote],
    pub inside: &'a [u32],
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.is_word() => t.text(self.text),
            _ => "",
        }
    }
    fn punct(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct => t.text(self.text),
            _ => "",
        }
    }
    fn in_closed_quote(&self, i: usize) -> bool {
        let q = self.inside.get(i).copied().unwrap_or(NONE);
        q != NONE && self.quotes.get(q as usize).is_some_and(|q| q.closed)
    }
    fn quote_of(&self, i: usize) -> Option<&Quote> {
        let q = self.inside.get(i).copied().unwrap_or(NONE);
        if q == NONE {
            None
        } else {
            self.quotes.get(q as usize)
        }
    }
    fn is_lower(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }
    fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.toks[r.start].start..self.toks[r.end - 1].end
    }
    fn is_closing_quote(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Quote(QuoteMark::Close | QuoteMark::Straight))
        ) && self.quote_of(i).is_some_and(|q| q.closed && q.last == i)
    }
    fn eq(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// A noun phrase ending at token `end` (inclusive), not reaching before
    /// `limit`: words, possessives and abbreviation full stops, stopping at
    /// punctuation, quotations and clause words. At most 10 tokens.
    fn np_back(&self, end: usize, limit: usize) -> Option<Range<usize>> {
        let mut s = end + 1;
        let mut n = 0;
        while s > limit && n < 14 {
            let k = s - 1;
            let t = &self.toks[k];
            let ok = match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    !STOPS.iter().any(|x| x.eq_ignore_ascii_case(w)) || (k != end && w == "As")
                }
                // "Mr. Smith", "Sen. Jones", "U.S. officials".
                Kind::Punct => {
                    let p = t.text(self.text);
                    (p == "." && k > limit && self.toks[k - 1].is_word() && k != end)
                        || (p == "-" || p == "’s" || p == "'" || p == "&")
                }
                _ => false,
            };
            if !ok || self.in_closed_quote(k) {
                break;
            }
            s = k;
            n += 1;
        }
        // Trim leading punctuation.
        while s <= end && !self.toks[s].is_word() {
            s += 1;
        }
        (s <= end).then_some(s..end + 1)
    }

    /// A noun phrase starting at token `start`, up to punctuation, a
    /// quotation or a clause word; at most 10 tokens, ending before `limit`.
    fn np_forward(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        let mut e = start;
        while e < limit && e - start < 10 {
            let t = &self.toks[e];
            let ok = match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    let clause = STOPS.iter().any(|x| x.eq_ignore_ascii_case(w))
                        || (cues::lookup(w).is_some() && self.is_lower(e));
                    e == start || !clause
                }
                Kind::Punct => {
                    let p = t.text(self.text);
                    (p == "."
                        && e > start
                        && self.toks[e - 1].is_word()
                        && {
                            let w = self.word(e - 1);
                            w.len() <= 4 && w.chars().next().is_some_and(char::is_uppercase)
                        }
                        && e + 1 < limit
                        && self.toks[e + 1].is_word()
                        && !self.is_lower(e + 1))
                        || p == "-"
                        || p == "&"
                }
                _ => false,
            };
            if !ok {
                break;
            }
            e += 1;
        }
        (e > start).then_some(start..e)
    }

    /// Token range of the content `[s, e)` trimmed of final punctuation.
    fn trim(&self, s: usize, mut e: usize) -> Option<Range<usize>> {
        let mut s = s;
        while s < e && matches!(self.punct(s), "," | ":" | ";" | "—" | "–" | "-") {
            s += 1;
        }
        while e > s
            && matches!(
                self.punct(e - 1),
                "." | "," | ";" | ":" | "—" | "–" | "-" | "!" | "?"
            )
        {
            e -= 1;
        }
        (s < e).then_some(s..e)
    }

    /// The closed quotation ending at `i` or just before it (across one
    /// comma), as token range.
    fn quote_ending_at(&self, i: usize, limit: usize) -> Option<Range<usize>> {
        let mut k = i;
        if k > limit && matches!(self.punct(k), "," | "—" | "–") {
            k -= 1;
        }
        if k < limit || !self.is_closing_quote(k) {
            return None;
        }
        let q = self.quote_of(k)?;
        (q.open >= limit).then_some(q.open..q.last + 1)
    }

    /// A closed quotation starting at `i` or after `:`/`,`, as token range.
    fn quote_starting_at(&self, i: usize, end: usize) -> Option<Range<usize>> {
        let mut k = i;
        while k < end && matches!(self.punct(k), "," | ":" | "—" | "–") {
            k += 1;
        }
        let q = self.quote_of(k)?;
        (q.open == k && q.closed && q.last < end).then_some(q.open..q.last + 1)
    }
}

/// The cue starting at word `i`, as an inclusive token range and its reading.
fn cue_at(ctx: &Ctx, i: usize) -> Option<(usize, usize, Cue)> {
    let readings = cues::lookup(ctx.word(i))?;
    for r in readings {
        match r.particle {
            Some(p) => {
                if ctx.eq(i + 1, p) {
                    return Some((i, i + 1, *r));
                }
            }
            None => return Some((i, i, *r)),
        }
    }
    None
}

/// The claims in sentence `sent` (a token range). `prev_quote` is the
/// quotation that made up the previous sentence when that sentence had no
/// claim of its own ("“We won!” Smith said.").
pub fn claims_in(ctx: &Ctx, sent: Range<usize>, prev_quote: Option<Range<usize>>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let (a, b) = (sent.start, sent.end);
    if let Some(f) = final_attribution(ctx, a, b) {
        return vec![f];
    }
    if let Some(f) = speaker_colon(ctx, a, b) {
        return vec![f];
    }
    // In a title-case headline ("Trump Says He Will Win") capitals say nothing.
    let (long, capital) = (a..b)
        .filter(|&k| ctx.word(k).len() > 3 && !ctx.in_closed_quote(k))
        .fold((0, 0), |(l, c), k| {
            (l + 1, c + usize::from(!ctx.is_lower(k)))
        });
    let title_case = long >= 3 && capital * 5 >= long * 4;
    let mut floor = a; // tokens before `floor` belong to earlier claims
    let mut last_source: Option<Range<usize>> = None;
    let mut i = a;
    while i < b {
        if !ctx.toks[i].is_word() || ctx.in_closed_quote(i) {
            i += 1;
            continue;
        }
        // A capitalised cue word inside a sentence is a name ("Hope", "Said").
        if i > a && !title_case && !ctx.is_lower(i) && ctx.toks[i - 1].kind == Kind::Word {
            i += 1;
            continue;
        }
        let Some((c0, c1, cue)) = cue_at(ctx, i) else {
            i += 1;
            continue;
        };
        match build(
            ctx,
            a,
            b,
            floor,
            c0,
            c1,
            cue,
            &last_source,
            prev_quote.clone(),
        ) {
            Some((found, source_toks, next)) => {
                last_source = source_toks.or(last_source);
                out.push(found);
                floor = next.max(c1 + 1);
                i = floor;
            }
            None => i = c1 + 1,
        }
    }
    out
}

/// `CONTENT, SOURCE CUE.`, `CONTENT, CUE SOURCE.` and `CONTENT, according
/// to SOURCE.`: an attribution closing the sentence after its last comma
/// governs everything before it, so cues inside that content are not claims.
fn final_attribution(ctx: &Ctx, a: usize, b: usize) -> Option<Found> {
    let mut e = b;
    while e > a && matches!(ctx.punct(e - 1), "." | "!" | "?" | ")" | "…") {
        e -= 1;
    }
    // The last comma outside quotations, at most 10 tokens from the end.
    let mut k = e;
    loop {
        if k <= a + 1 || e - k > 10 {
            return None;
        }
        k -= 1;
        if ctx.in_closed_quote(k) || ctx.toks[k].kind != Kind::Word && ctx.punct(k) != "." {
            break;
        }
    }
    if ctx.punct(k) != "," || ctx.in_closed_quote(k) {
        return None;
    }
    let tail = k + 1..e;
    if tail.clone().any(|t| {
        STOPS
            .iter()
            .any(|w| ctx.eq(t, w) && !matches!(*w, "said" | "says" | "told"))
    }) {
        return None;
    }
    let content = ctx.trim(a, k).map(|r| ctx.bytes(&r));
    content.as_ref()?;
    for c in tail.clone() {
        if !ctx.is_lower(c) {
            continue;
        }
        let Some((c0, c1, cue)) = cue_at(ctx, c) else {
            continue;
        };
        if cue.particle == Some("to") && ctx.eq(c0, "according") {
            let src = (c1 + 1 < e).then_some(c1 + 1..e)?;
            return Some(Found {
                cue: ctx.toks[c0].start..ctx.toks[c1].end,
                source: Some(ctx.bytes(&src)),
                content,
                extra: None,
            });
        }
        if cue.particle.is_some() || cue.listener {
            return None;
        }
        let mut p = c0;
        while p > tail.start && ctx.is_lower(p - 1) && BETWEEN.contains(&ctx.word(p - 1)) {
            p -= 1;
        }
        let source = if p > tail.start {
            tail.start..p
        } else if c1 + 1 < e
            && (!ctx.is_lower(c1 + 1) || ["the", "a", "an"].contains(&ctx.word(c1 + 1)))
            && (c1 + 1..e).all(|t| !BETWEEN.contains(&ctx.word(t)) && !ctx.eq(t, "that"))
        {
            c1 + 1..e
        } else {
            return None;
        };
        if cue.weak && p == tail.start {
            return None;
        }
        return Some(Found {
            cue: ctx.toks[p].start..ctx.toks[c1].end,
            source: Some(ctx.bytes(&source)),
            content,
            extra: None,
        });
    }
    None
}

/// Labels before a colon that introduce no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "updated",
    "related",
    "photo",
    "photos",
    "source",
    "sources",
    "watch",
    "read",
    "caption",
    "video",
    "editor's",
    "editor’s",
    "correction",
    "click",
    "see",
    "also",
    "washington",
    "new",
    "listen",
    "subscribe",
    "follow",
    "share",
    "more",
    "breaking",
    "tags",
    "image",
    "credit",
    "advertisement",
    "q",
    "a",
    "and",
    "but",
    "so",
    "then",
    "now",
    "here",
];

/// `SPEAKER: content` at the start of a sentence: an interview turn
/// ("KATE BOULDUAN: Why not debate?") or a headline ("Lynch: No outside
/// influence on FBI probe"). The speaker is a short capitalised phrase.
fn speaker_colon(ctx: &Ctx, a: usize, b: usize) -> Option<Found> {
    let colon = (a + 1..b.min(a + 7)).find(|&k| !ctx.toks[k].is_word())?;
    if ctx.punct(colon) != ":"
        || ctx
            .toks
            .get(colon + 1)
            .is_none_or(|t| t.start == ctx.toks[colon].end)
    {
        return None;
    }
    let speaker = a..colon;
    if ctx.is_lower(a)
        || speaker
            .clone()
            .any(|k| NOT_SPEAKERS.iter().any(|w| ctx.eq(k, w)))
    {
        return None;
    }
    if speaker
        .clone()
        .any(|k| ctx.is_lower(k) && cues::lookup(ctx.word(k)).is_some())
    {
        return None;
    }
    let content = ctx.trim(colon + 1, b)?;
    if content.len() < 3 {
        return None;
    }
    Some(Found {
        cue: ctx.toks[colon].start..ctx.toks[colon].end,
        source: Some(ctx.bytes(&speaker)),
        content: Some(ctx.bytes(&content)),
        extra: None,
    })
}

type Built = (Found, Option<Range<usize>>, usize);

#[allow(clippy::too_many_arguments)]
fn build(
    ctx: &Ctx,
    a: usize,
    b: usize,
    floor: usize,
    c0: usize,
    c1: usize,
    cue: Cue,
    last_source: &Option<Range<usize>>,
    prev_quote: Option<Range<usize>>,
) -> Option<Built> {
    let mut cue_bytes = ctx.toks[c0].start..ctx.toks[c1].end;
    let mut after = c1 + 1;
    // "said in a statement", "went on to say" and a preposition taking the
    // topic ("said of", "warned of", "agreed with") belong to the cue.
    if ctx.eq(after, "in") && ctx.eq(after + 1, "a") && ctx.eq(after + 2, "statement") {
        cue_bytes.end = ctx.toks[after + 2].end;
        after += 3;
    } else if ctx.eq(c0, "went") && ctx.eq(after, "to") && ctx.eq(after + 1, "say") {
        cue_bytes.end = ctx.toks[after + 1].end;
        after += 2;
    } else if cue.particle.is_none() && ["of", "about", "with"].iter().any(|w| ctx.eq(after, w)) {
        cue_bytes.end = ctx.toks[after].end;
        after += 1;
    }
    // A colon right after the cue belongs to it ("said:").
    if ctx.punct(after) == ":" {
        cue_bytes.end = ctx.toks[after].end;
        after += 1;
    }

    // according to SOURCE
    if cue.particle == Some("to") && ctx.eq(c0, "according") {
        let src = ctx.np_forward(after, b)?;
        let early = c0 <= floor + 2;
        let content = if early {
            ctx.trim(src.end, b)
        } else {
            ctx.trim(floor, c0)
        };
        let next = if early { b } else { src.end };
        return Some((
            Found {
                cue: cue_bytes,
                source: Some(ctx.bytes(&src)),
                content: content.map(|r| ctx.bytes(&r)),
                extra: None,
            },
            Some(src),
            next,
        ));
    }

    // The source before the cue, across auxiliaries and adverbs.
    let mut p = c0;
    while p > floor {
        let w = ctx.word(p - 1);
        if !w.is_empty() && ctx.is_lower(p - 1) && BETWEEN.contains(&w) {
            p -= 1;
        } else {
            break;
        }
    }
    // Auxiliaries and adverbs belong to the cue ("has also said").
    cue_bytes.start = ctx.toks[p].start;
    let mut source: Option<Range<usize>> = None;
    if p > floor {
        let function_word = [
            "to", "of", "for", "with", "by", "in", "on", "at", "from", "the", "a", "an",
        ]
        .iter()
        .any(|w| ctx.eq(p - 1, w));
        if ctx.toks[p - 1].is_word() && !function_word {
            source = ctx.np_back(p - 1, floor);
        } else if ctx.punct(p - 1) == "," && p >= floor + 2 && ctx.toks[p - 2].is_word() {
            // Apposition: "NP1, NP2, said" or "NP2, the title, said".
            if let Some(np2) = ctx.np_back(p - 2, floor) {
                if np2.start > floor + 1 && ctx.punct(np2.start - 1) == "," {
                    if let Some(np1) = ctx.np_back(np2.start - 2, floor) {
                        let before = np1.start.saturating_sub(1);
                        if np1.start == floor
                            || !ctx.toks[before].is_word()
                            || STOPS.iter().any(|w| ctx.eq(before, w))
                        {
                            source = Some(np1.start..np2.end);
                        }
                    }
                }
            }
        }
    }
    // A participle after a comma continues the previous speaker.
    let participle = p > a
        && ((ctx.word(c0).ends_with("ing") && ctx.punct(p - 1) == ",")
            || ctx.eq(p - 1, "and")
            || ctx.eq(p - 1, "but"));
    if participle && source.is_none() {
        source = last_source.clone();
    }

    // Inversion: “QUOTE,” said SOURCE.
    let mut fwd_source = false;
    let mut cursor = after;
    if source.is_none() && !cue.listener && cue.particle.is_none() {
        let starts_np = ctx.toks.get(after).is_some_and(|t| {
            t.is_word()
                && (!ctx.is_lower(after) || ["the", "a", "an", "one"].contains(&ctx.word(after)))
        });
        let before_is_quote = p > a && ctx.quote_ending_at(p - 1, floor).is_some();
        if starts_np && before_is_quote {
            if let Some(src) = ctx.np_forward(after, b) {
                cursor = src.end;
                source = Some(src);
                fwd_source = true;
            }
        }
    }
    // Skip the particle of phrasal cues is done by c1; skip the listener.
    let src_start = match (&source, fwd_source) {
        (Some(s), false) if !participle || s.start >= floor => s.start.min(p),
        _ => p,
    };

    // Content: a quotation right before the source or the cue.
    let before_limit = floor;
    if src_start > before_limit {
        let starts_clause = |q: &Range<usize>| {
            q.start == before_limit || matches!(ctx.punct(q.start - 1), ":" | "," | ";" | "—" | "(")
        };
        if let Some(q) = ctx
            .quote_ending_at(src_start - 1, before_limit)
            .filter(starts_clause)
        {
            // A continuation after the cue: “A,” he said, “B.”
            let mut next = cursor;
            let mut extra = None;
            if let Some(q2) = ctx.quote_starting_at(cursor, b) {
                if ctx.punct(cursor) == "," {
                    extra = Some(ctx.bytes(&q2));
                    next = q2.end;
                }
            }
            return Some((
                Found {
                    cue: cue_bytes,
                    source: source.as_ref().map(|r| ctx.bytes(r)),
                    content: Some(ctx.bytes(&q)),
                    extra,
                },
                source,
                next,
            ));
        }
    }

    // Content after the cue.
    if cue.listener {
        // Skip the listener: up to "that" nearby, else up to the next
        // punctuation when it is close.
        let mut k = cursor;
        let mut found_that = None;
        while k < b && k < cursor + 10 {
            if ctx.eq(k, "that") && ctx.is_lower(k) {
                found_that = Some(k + 1);
                break;
            }
            if ctx.toks[k].kind != Kind::Word && ctx.punct(k) != "," {
                break;
            }
            k += 1;
        }
        if let Some(s) = found_that {
            cursor = s;
        }
    }
    if let Some(q) = ctx.quote_starting_at(cursor, b) {
        // SOURCE CUE: “QUOTE” (and more quotation to the end of the sentence).
        let mut end = q.end;
        let tail = ctx.trim(q.start, b);
        if let Some(t) = tail {
            if t.end > q.end && ctx.is_closing_quote(t.end - 1) {
                end = t.end;
            }
        }
        let content = q.start..end;
        if source.is_none() && cue.weak {
            return None;
        }
        return Some((
            Found {
                cue: cue_bytes,
                source: source.as_ref().map(|r| ctx.bytes(r)),
                content: Some(ctx.bytes(&content)),
                extra: None,
            },
            source,
            end,
        ));
    }
    // "said (yesterday / on Monday) that ...": content starts after "that".
    let mut k = cursor;
    let mut has_that = false;
    while k < b && k < cursor + 6 && (ctx.toks[k].is_word() || ctx.punct(k) == ".") {
        if ctx.eq(k, "that") && ctx.is_lower(k) {
            cursor = k + 1;
            has_that = true;
            break;
        }
        k += 1;
    }
    let words_after = (cursor..b)
        .filter(|&k| ctx.toks[k].is_word())
        .take(2)
        .count();
    if words_after >= 2 {
        if source.is_none() && cue.weak && !has_that {
            return None;
        }
        // Up to a later ", adding ...", ", according to ..." or the end.
        let mut end = b;
        let mut k = cursor + 1;
        while k + 1 < b {
            if ctx.in_closed_quote(k) {
                // Jump over quotations: each token is looked at once.
                k = ctx.quote_of(k).map_or(k, |q| q.last.max(k)) + 1;
                continue;
            }
            let joint = matches!(ctx.punct(k), "," | ";") || ctx.eq(k, "and") || ctx.eq(k, "but");
            if joint && !ctx.in_closed_quote(k) {
                let mut n = k + 1;
                while n < b && ctx.is_lower(n) && BETWEEN.contains(&ctx.word(n)) {
                    n += 1;
                }
                let w = ctx.word(n);
                if let Some((_, _, c)) = cue_at(ctx, n) {
                    let participle = w.ends_with("ing") && ctx.punct(k) == ",";
                    let verb = !ctx.punct(k).is_empty() || !w.ends_with("ing");
                    if (!c.weak && verb && (participle || ctx.punct(k).is_empty()))
                        || (ctx.eq(n, "according") && ctx.punct(k) == ",")
                    {
                        end = k;
                        break;
                    }
                }
            }
            k += 1;
        }
        let content = ctx.trim(cursor, end);
        return Some((
            Found {
                cue: cue_bytes,
                source: source.as_ref().map(|r| ctx.bytes(r)),
                content: content.map(|r| ctx.bytes(&r)),
                extra: None,
            },
            source,
            end,
        ));
    }

    // The cue closes the sentence: CONTENT, SOURCE CUE.
    if cue.weak && source.is_none() {
        return None;
    }
    let content = if src_start > floor {
        ctx.trim(floor, src_start)
    } else {
        None
    };
    let content = match content {
        Some(c) => Some(ctx.bytes(&c)),
        None => prev_quote.map(|q| ctx.bytes(&q)),
    };
    if content.is_none() && source.is_none() {
        return None;
    }
    Some((
        Found {
            cue: cue_bytes,
            source: source.as_ref().map(|r| ctx.bytes(r)),
            content,
            extra: None,
        },
        source,
        b,
    ))
}

/// Whether a pronoun: "he", "she", "they", ...
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}
