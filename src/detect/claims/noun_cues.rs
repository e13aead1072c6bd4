//! Nouns of saying with their complement wherever they stand: "drew
//! harsh criticism from fellow Republicans", "support for the bill",
//! "the idea that taxes would fall", "accusations of fraud".
//!
//! The sentence scan takes a noun cue only after a possessive ("Trump's
//! claim that ..."); PolNeAR annotates many more. This pass runs after the
//! rules, the cue model and the nested pass, over the words no claim
//! covers yet, and takes a noun of `NOUNS` when a preposition or "that"
//! follows it. Each noun was measured on PolNeAR train over all its
//! occurrences outside gloss's claims with such a word after it: the span
//! from the noun to the end of its clause overlaps a gold source, cue or
//! content in about four cases of five (support 72%, criticism 76%, the
//! others 70% or more). Nouns below that are left out: "debate",
//! "attacks", "case", "focus", "question", "decision", "response" (50% to
//! 62%), and, as built claims, "message", "endorsements", "claim" (60%,
//! 54%, 33%); so is a noun with nothing after it (57% to 71%).
//!
//! These claims raise claim recall more than exact cues: PolNeAR's cue is
//! often a longer phrase around the noun ("threw her support behind",
//! "has drawn harsh criticism from"), which gloss does not try to guess.

use std::ops::Range;

use super::nouns;
use super::reported::{is_auxiliary, main_verb_after_clause, possessor, Ctx, Found};
use super::taken::Taken;
use super::tokens::Kind;

/// Nouns of saying and stance taken with a complement.
const NOUNS: &[&str] = &[
    "support",
    "criticism",
    "idea",
    "talk",
    "endorsement",
    "call",
    "calls",
    "proposal",
    "advice",
    "opinion",
    "view",
    "views",
    "concern",
    "accusations",
    "suggestion",
    "speculation",
    "allegations",
    "claims",
    "prediction",
    "praise",
    "assertion",
    "complaints",
    "promise",
    "promises",
    "insistence",
    "warning",
    "belief",
    "questions",
];

/// Words taken with one preposition only, where they are claims far more
/// often than with the others ("known for" 11 of 12 outside gloss's
/// claims on train, "the case for" 8 of 10, "positions on" 7 of 8,
/// "supporter of" 9 of 11; the rest 4 to 6 of 4 to 6; "case" and
/// "supporter" with any word after them make claims in about half).
const PAIRS: &[(&str, &str)] = &[
    ("known", "for"),
    ("case", "for"),
    ("position", "on"),
    ("positions", "on"),
    ("supporter", "of"),
    ("mention", "of"),
    ("vision", "of"),
    ("swipes", "at"),
    ("passion", "for"),
    ("lawsuit", "against"),
    ("speeches", "on"),
    // 5 of 5 outside gloss's claims on train, each a gold cue
    // ("proponents of" 0 of 2 is left out).
    ("critic", "of"),
    ("critics", "of"),
    ("proponent", "of"),
];

/// Words that open the complement of a noun of `NOUNS`.
const COMPLEMENTS: &[&str] = &[
    "of", "for", "from", "about", "over", "on", "against", "to", "that", "among", "behind", "with",
];

/// Prepositions whose object is the speaker: "criticism from Democrats".
const AGENTS: &[&str] = &["from", "among", "by"];

/// Prepositions that open a claim's topic after its speaker.
const TOPICS: &[&str] = &["over", "for", "about", "on", "against"];

/// Words after a comma that open a new clause, where a content ends.
const CLAUSE_WORDS: &[&str] = &["and", "but", "which", "who", "while", "as", "according"];

fn is_noun(w: &str) -> bool {
    NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// Whether `w` (any case) is a word of `NOUNS` or the first word of a
/// pair of `PAIRS`: words of 4 to 12 bytes whose first letter opens one
/// of them, asked before the list is searched, as this runs for every
/// word of the text.
fn may_open(w: &str) -> bool {
    let b = w.as_bytes();
    (4..=12).contains(&b.len())
        && matches!(
            b[0].to_ascii_lowercase(),
            b'a' | b'b'
                | b'c'
                | b'e'
                | b'i'
                | b'k'
                | b'l'
                | b'm'
                | b'o'
                | b'p'
                | b'q'
                | b's'
                | b't'
                | b'v'
                | b'w'
        )
}

pub(crate) fn any_of(ctx: &Ctx, k: usize, list: &[&str]) -> bool {
    list.iter().any(|w| ctx.eq(k, w))
}

/// A claim of the later passes: the cue (bytes), its source (a token
/// range, if any) and its content (a token range, not empty), unless its
/// span, from the source or cue to the content's end, meets a claim
/// already found.
pub(crate) fn free_claim(
    ctx: &Ctx,
    taken: &Taken,
    cue: Range<usize>,
    source: Option<Range<usize>>,
    content: Range<usize>,
) -> Option<Found> {
    let f = Found {
        cue,
        source: source.map(|r| ctx.bytes(&r)),
        content: Some(ctx.bytes(&content)),
        extra: None,
    };
    let start = f.source.as_ref().map_or(f.cue.start, |s| s.start);
    let span = start..ctx.toks[content.end - 1].end;
    (!taken.overlaps(&span)).then_some(f)
}

/// The noun claims in the sentences `sents` (token ranges) outside the
/// claims already found (`taken`).
pub(crate) fn claims(ctx: &Ctx, sents: &[Range<usize>], taken: &Taken) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for sent in sents {
        let (a, b) = (sent.start, sent.end);
        let mut i = a;
        while i + 1 < b {
            let t = &ctx.toks[i];
            let w = ctx.word(i);
            if !may_open(w) {
                i += 1;
                continue;
            }
            let pair = || {
                PAIRS
                    .iter()
                    .any(|(n, p)| n.eq_ignore_ascii_case(w) && ctx.eq(i + 1, p))
            };
            // The word after first: most words have none of these after
            // them, and one word is cheaper to test than the noun list.
            let next = ctx.word(i + 1);
            let short = (2..=7).contains(&next.len());
            let complement = short && any_of(ctx, i + 1, COMPLEMENTS);
            if !(complement || (short && ctx.eq(i + 1, "at")))
                || t.kind != Kind::Word
                || !ctx.is_lower(i)
                || !((complement && is_noun(w)) || pair())
                || idiom(ctx, a, i)
                || taken.overlaps(&(t.start..ctx.toks[i + 1].end))
            {
                i += 1;
                continue;
            }
            let (f, next) = build(ctx, a, b, i);
            // The claim's own span must stay clear of the claims found
            // before: each word belongs to one claim.
            let span = f.cue.start
                ..f.content
                    .as_ref()
                    .map_or(f.cue.end, |c| c.end.max(f.cue.end));
            let span_end = f.source.as_ref().map_or(span.end, |s| s.end.max(span.end));
            if taken.overlaps(&(span.start..span_end))
                || out.last().is_some_and(|o| overlaps_found(o, &span))
            {
                i += 1;
                continue;
            }
            out.push(f);
            i = next;
        }
    }
    out
}

/// Set phrases in which a noun of `NOUNS` says nothing of anyone's
/// claim: "in view of the risks", "with a view to", "a good idea to
/// wait" (an idea to do something is often a proposal: "a Franco-German
/// idea to create ..."), "questions of access".
fn idiom(ctx: &Ctx, a: usize, i: usize) -> bool {
    let before = |n: usize, w: &str| i >= a + n && ctx.eq(i - n, w);
    let w = ctx.word(i);
    (w.eq_ignore_ascii_case("view") && (before(1, "in") || (before(1, "a") && before(2, "with"))))
        || (w.eq_ignore_ascii_case("idea")
            && ctx.eq(i + 1, "to")
            && ["good", "bad", "better", "best", "great"]
                .iter()
                .any(|g| before(1, g)))
        || (w.eq_ignore_ascii_case("questions") && ctx.eq(i + 1, "of"))
}

fn overlaps_found(f: &Found, r: &Range<usize>) -> bool {
    [Some(&f.cue), f.source.as_ref(), f.content.as_ref()]
        .into_iter()
        .flatten()
        .any(|x| x.start < r.end && r.start < x.end)
}

/// The claim of the noun at token `i` (a complement word after it) in the
/// sentence `a..b`, and the token where the search goes on.
fn build(ctx: &Ctx, a: usize, b: usize, i: usize) -> (Found, usize) {
    let prep = i + 1;
    // The cue's extent as PolNeAR's train cues of these nouns have it:
    // "of", "for", "about", "on" are in the cue (80 of 91 for "of"), "to",
    // "from", "among", "with" out more often than not, "that" opens the
    // content (76 of 77); "the", "a", "an" before the noun are in the cue
    // (57 of 63), a possessive out.
    let in_cue = !any_of(ctx, prep, &["that", "to", "from", "among", "with"]);
    let cue_end = if in_cue { prep } else { i };
    let article =
        i > a && (ctx.is_lower(i - 1) || i - 1 == a) && any_of(ctx, i - 1, &["the", "a", "an"]);
    let cue_start = if article { i - 1 } else { i };
    let cue = ctx.toks[cue_start].start..ctx.toks[cue_end].end;
    let mut source = None;
    let mut s = prep + 1;
    if any_of(ctx, prep, AGENTS) {
        if let Some(np) = ctx.np_forward(prep + 1, b) {
            // "from Republicans over its cost": the speaker ends before
            // the topic's preposition.
            let end = (np.start + 1..np.end)
                .find(|&k| ctx.is_lower(k) && any_of(ctx, k, TOPICS))
                .unwrap_or(np.end);
            source = Some(ctx.bytes(&(np.start..end)));
            s = end;
        }
    } else if i > a {
        // "her criticism of", "Trump's latest call for": the possessor.
        let k = if i > a + 1 && ctx.is_lower(i - 1) && possessor(ctx, a, i - 1).is_none() {
            i - 2
        } else {
            i - 1
        };
        source = possessor(ctx, a, k);
    }
    let mut e = clause_end(ctx, s, b);
    // A noun claim that is its sentence's subject ends before the main
    // verb: "Her support for the plan was never in doubt", "the idea that
    // taxes would rise was dropped".
    let verb = if ctx.eq(prep, "that") {
        main_verb_after_clause(ctx, s, e)
    } else {
        (s..e).find(|&k| {
            let w = ctx.word(k);
            ctx.is_lower(k) && !ctx.in_closed_quote(k) && (is_auxiliary(w) || nouns::is_copula(w))
        })
    };
    if let Some(v) = verb {
        e = v;
    }
    let content = if source.is_some() && s > prep + 1 {
        // After the speaker, the topic if one follows ("criticism from
        // Democrats over the deal").
        (s < e && any_of(ctx, s, TOPICS))
            .then(|| ctx.trim(s + 1, e))
            .flatten()
    } else {
        ctx.trim(s, e)
    };
    let content = content.map(|r| ctx.bytes(&r));
    let next = e.max(i + 1);
    (
        Found {
            cue,
            source,
            content,
            extra: None,
        },
        next,
    )
}

/// Where a noun's complement starting at token `s` ends: a semicolon, a
/// colon, or a comma before a clause word, else the end of the sentence
/// `b`. Quotations are jumped over.
pub(crate) fn clause_end(ctx: &Ctx, s: usize, b: usize) -> usize {
    let mut e = s;
    while e < b {
        if ctx.in_closed_quote(e) {
            e = ctx.quote_of(e).map_or(e, |q| q.last.max(e)) + 1;
            continue;
        }
        match ctx.punct(e) {
            ";" | ":" => break,
            "," if any_of(ctx, e + 1, CLAUSE_WORDS) => break,
            _ => {}
        }
        e += 1;
    }
    e.min(b)
}
