//! Verb phrases of wanting and stance that no cue word holds by itself:
//! "Rubio is looking for a strong finish", "Republicans are looking
//! forward to the convention", "The governor would like to see the bill
//! pass", "She distanced herself from the plan", "He stood by his
//! remarks".
//!
//! Measured on PolNeAR train over all their occurrences outside gloss's
//! claims: a form of "be" and "looking for", "looking to" or "looking
//! forward to" overlaps a gold source, cue or content 12 times in 12 (9
//! of them a gold cue); "would like to" and "'d like to" 13 times in 13
//! (6 a gold cue). PolNeAR's cue is "is looking for", "is looking
//! forward to", "are looking" (the "to" of an infinitive out) and "would
//! like" (the infinitive is the content). Like [`super::about`], this
//! runs last, over the words no claim covers.

use std::ops::Range;

use super::noun_cues::{any_of, clause_end, free_claim};
use super::reported::{back_over_auxiliaries, Ctx, Found};
use super::taken::Taken;
use super::tokens::Kind;

/// Forms of "be" before "looking".
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "am"];

/// Verb phrases of stance, each a sequence of word choices, the whole
/// sequence the cue. On PolNeAR train, outside gloss's claims, the span
/// from each to the end of its clause overlaps gold spans: "distanced
/// himself from" 5 of 6, "came out for/against" 2 of 2, "went after" 3 of
/// 3, "pushed for" 3 of 4, "threw her support behind" 2 of 2, "stood by"
/// 5 of 6 (most of them a gold cue).
const PHRASES: &[&[&[&str]]] = &[
    &[
        &["distanced", "distancing", "distances", "distance"],
        &["himself", "herself", "themselves", "itself"],
        &["from"],
    ],
    &[
        &["came", "comes", "coming", "come"],
        &["out"],
        &["for", "against"],
    ],
    &[&["went", "goes", "going"], &["after"]],
    &[&["pushed", "pushes", "pushing"], &["for"]],
    &[
        &["threw", "throws", "throwing", "thrown", "throw"],
        &["his", "her", "their", "its"],
        &["support"],
        &["behind"],
    ],
    &[&["stood", "stands", "standing"], &["by"]],
];

/// Every second word of `PHRASES` in lower case: no phrase starts at a
/// word before any other.
const SECOND: &[&str] = &[
    "himself",
    "herself",
    "themselves",
    "itself",
    "out",
    "after",
    "for",
    "his",
    "her",
    "their",
    "its",
    "by",
];

/// The last token of the phrase of `PHRASES` that starts at token `k`.
fn stance_at(ctx: &Ctx, k: usize) -> Option<usize> {
    PHRASES.iter().find_map(|phrase| {
        phrase
            .iter()
            .enumerate()
            .all(|(n, choices)| ctx.is_lower(k + n) && any_of(ctx, k + n, choices))
            .then(|| k + phrase.len() - 1)
    })
}

/// The last token of the cue and the first of the content when the
/// phrase at token `k` is one of this module's, else `None`.
fn phrase_at(ctx: &Ctx, a: usize, k: usize) -> Option<(usize, usize)> {
    if k <= a || ctx.toks[k].kind != Kind::Word || !ctx.is_lower(k) {
        return None;
    }
    if let Some(last) = stance_at(ctx, k) {
        return Some((last, last + 1));
    }
    if ctx.eq(k, "looking") && any_of(ctx, k - 1, BE) {
        if ctx.eq(k + 1, "for") {
            return Some((k + 1, k + 2));
        }
        if ctx.eq(k + 1, "forward") && ctx.eq(k + 2, "to") {
            return Some((k + 2, k + 3));
        }
        if ctx.eq(k + 1, "to") {
            return Some((k, k + 1));
        }
        return None;
    }
    // "would like to", "we’d like to": wanting, not liking.
    let before = ctx.word(k - 1);
    let would = ctx.eq(k - 1, "would") || before.ends_with("’d") || before.ends_with("'d");
    (ctx.eq(k, "like") && ctx.eq(k + 1, "to") && would).then_some((k, k + 1))
}

/// The claims of these phrases in the sentences `sents` (token ranges)
/// outside the claims `founds`.
pub(crate) fn claims(ctx: &Ctx, sents: &[Range<usize>], taken: &Taken) -> Vec<Found> {
    let mut out = Vec::new();
    for sent in sents {
        let (a, b) = (sent.start, sent.end);
        let mut k = a + 1;
        while k + 1 < b {
            // The cheap test first, as this runs for every word: the
            // word, or the word after it, that each phrase needs.
            let w = ctx.word(k);
            let may = w == "looking" || w == "like" || SECOND.contains(&ctx.word(k + 1));
            if !may || ctx.in_closed_quote(k) {
                k += 1;
                continue;
            }
            let Some((last, from)) = phrase_at(ctx, a, k) else {
                k += 1;
                continue;
            };
            let e = clause_end(ctx, from, b);
            let Some(content) = ctx.trim(from, e) else {
                k += 1;
                continue;
            };
            // "would", "is", "has been", "also" are the cue's; the noun
            // phrase before them is the source. A pronoun with a
            // contracted "’d" is the source whole here: its auxiliary
            // joins the cue once all passes have run.
            let p = back_over_auxiliaries(ctx, k, a);
            let source = (p > a).then(|| ctx.np_back_strict(p - 1, a)).flatten();
            let cue = ctx.toks[p].start..ctx.toks[last].end;
            let Some(f) = free_claim(ctx, taken, cue, source, content) else {
                k += 1;
                continue;
            };
            out.push(f);
            k = e.max(k + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{PHRASES, SECOND};

    /// The cheap test before the table must let every phrase through.
    #[test]
    fn every_second_word_is_listed() {
        for phrase in PHRASES {
            for w in phrase[1] {
                assert!(SECOND.contains(w), "{w} is missing");
            }
        }
    }
}
