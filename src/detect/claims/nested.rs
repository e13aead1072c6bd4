//! Claims inside the content of another claim: "He said the minister
//! claimed that taxes would fall." PolNeAR annotates the inner attribution
//! too (on train, 2,441 of the gold cues gloss missed lay inside a content
//! it had found).
//!
//! The sentence scan of [`reported`](super::reported) skips what a claim's
//! content covers, so that each token belongs to one claim there. This
//! second pass walks each content's tokens once and assembles a claim only
//! where a cheap test passes first: a strong cue word (a verb of saying or
//! believing, not a weak one) right after a likely subject (a pronoun, a
//! capitalised word or a noun after a determiner, across auxiliaries and
//! adverbs). Assembling a claim costs far more than the test: running it at
//! every cue word inside every content halved the detector's speed.

use std::ops::Range;

use super::reported::{self, Ctx, Found};

/// The claims nested in the contents of `outer` (claims of the same text),
/// with their own source and a content after their cue; `keep` is the
/// plausibility check. Not sorted.
pub fn claims_within(ctx: &Ctx, outer: &[Found], keep: impl Fn(&Found) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut contents: Vec<Range<usize>> = outer.iter().filter_map(|f| f.content.clone()).collect();
    contents.sort_by_key(|c| c.start);
    // The tokens of each content by walking the tokens once, in the order
    // of the contents: a binary search per content missed the cache at
    // every step on long texts and cost more than the scan itself.
    let mut s = 0;
    for c in &contents {
        while s < ctx.toks.len() && ctx.toks[s].start < c.start {
            s += 1;
        }
        let mut e = s;
        while e < ctx.toks.len() && ctx.toks[e].start < c.end {
            e += 1;
        }
        scan(ctx, s, e, &mut out, &keep);
    }
    out
}

/// The nested claims in the tokens `s..e` (one content), pushed onto `out`.
fn scan(ctx: &Ctx, s: usize, e: usize, out: &mut Vec<Found>, keep: &impl Fn(&Found) -> bool) {
    let mut k = s;
    while k < e {
        let Some((c0, c1)) = candidate(ctx, s, k) else {
            k += 1;
            continue;
        };
        // The inner claim's content stays inside the outer one.
        let inner = reported::nested_claim(ctx, s, e, c0, c1)
            .filter(|f| {
                f.source
                    .as_ref()
                    .is_some_and(|src| opens_clause(ctx, s, e, src))
            })
            .filter(|f| f.content.as_ref().is_some_and(|c| c.start >= f.cue.end))
            .filter(|f| keep(f));
        if let Some(f) = inner {
            out.push(f);
        }
        // Go on right after the cue: a claim nested in the inner one is
        // found by the same pass, and each token is looked at once.
        k = c1 + 1;
    }
}

/// Words that open a clause of its own inside a content: "He said the
/// deal failed, and the minister claimed ...". On PolNeAR train a nested
/// claim whose source follows one of them (or punctuation) had an exact
/// gold cue 67% of the time; after "that", "said", "what", "if" or "how"
/// ("He said CNN had tweeted ...") 8%: PolNeAR mostly leaves a speech act
/// inside a content unannotated when the content is one clause.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "which", "who", "whom", "while", "after", "as", "though", "although", "than",
    "before", "since", "so", "where", "when",
];

/// Cue words that inside a content report an act more often than an
/// attribution ("said they would vote for", "said she asked for the
/// interview", "he hoped"): on PolNeAR train 5 of 85 such nested cues were
/// gold cues.
const REPORTED_ACTS: &[&str] = &["vot", "ask", "focus", "hop", "agree", "seem"];

fn starts_with_ignore_case(w: &str, prefix: &str) -> bool {
    w.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Whether the source `src` (bytes) of a claim nested in the content that
/// is the tokens `s..e` opens a clause: it follows punctuation or a word of
/// [`CLAUSE_WORDS`], not the content's own start.
fn opens_clause(ctx: &Ctx, s: usize, e: usize, src: &Range<usize>) -> bool {
    // "praised Mr Reyes, who said ...": the source is the antecedent of a
    // relative pronoun right after it, and the clause opens there.
    let after = s + ctx.toks[s..e].partition_point(|t| t.start < src.end);
    let pronoun = if ctx.punct(after) == "," {
        after + 1
    } else {
        after
    };
    if pronoun < e && ["who", "which"].iter().any(|w| ctx.eq(pronoun, w)) && ctx.is_lower(pronoun) {
        return true;
    }
    let first = s + ctx.toks[s..e].partition_point(|t| t.start < src.start);
    if first <= s {
        return false;
    }
    let before = first - 1;
    !ctx.toks[before].is_word() || CLAUSE_WORDS.iter().any(|w| ctx.eq(before, w))
}

/// The cue (first and last token) starting at word `k` when it is a strong
/// cue right after a likely subject, not before token `floor`.
fn candidate(ctx: &Ctx, floor: usize, k: usize) -> Option<(usize, usize)> {
    let t = &ctx.toks[k];
    // Capitalised words inside a sentence are names, as in the sentence
    // scan; quotations are skipped there too.
    if !t.is_word() || !ctx.is_lower(k) || ctx.in_closed_quote(k) {
        return None;
    }
    let (c0, c1, cue) = reported::cue_at(ctx, k)?;
    if cue.weak
        || REPORTED_ACTS
            .iter()
            .any(|w| starts_with_ignore_case(ctx.word(c0), w))
    {
        return None;
    }
    // Across auxiliaries and adverbs ("has also said").
    let p = reported::back_over_auxiliaries(ctx, c0, floor);
    likely_subject(ctx, floor, p).then_some((c0, c1))
}

/// Whether the word before token `p` (not before `floor`) is likely the
/// subject of a verb at `p`: a pronoun, a capitalised word, or a noun after
/// a determiner ("the minister").
fn likely_subject(ctx: &Ctx, floor: usize, p: usize) -> bool {
    if p <= floor || !ctx.toks[p - 1].is_word() || ctx.in_closed_quote(p - 1) {
        return false;
    }
    let w = ctx.word(p - 1);
    if reported::is_pronoun(w) || !ctx.is_lower(p - 1) || w == "who" || w == "which" {
        return true;
    }
    if p >= floor + 2 && reported::is_determiner(ctx.word(p - 2)) && !reported::is_determiner(w) {
        return true;
    }
    // A bare plural opening a clause: ", officials said".
    p >= floor + 2
        && w.len() > 3
        && w.ends_with('s')
        && (!ctx.toks[p - 2].is_word() || CLAUSE_WORDS.iter().any(|x| ctx.eq(p - 2, x)))
}
