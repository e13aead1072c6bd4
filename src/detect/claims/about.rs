//! "talked about the economy", "worried about the vote", "questions about
//! her emails": a word before "about" and its topic.
//!
//! PolNeAR annotates a speech act, a thought or a feeling with its topic
//! as an attribution whatever the word before "about" is, and no lexicon
//! lists them all. Measured on PolNeAR train over every "WORD about TOPIC"
//! outside gloss's claims (the word lower-case and no auxiliary,
//! preposition or quantity word, the topic no number: "about 20",
//! "about a dozen" are amounts), the span from the word to the end of the
//! clause overlaps a gold source, cue or content 81% of the time (355
//! occurrences), and covers 176 gold attributions gloss missed. Like
//! [`super::noun_cues`], this runs last, over the words no claim covers.

use std::ops::Range;

use super::noun_cues::{any_of, clause_end, free_claim};
use super::nouns;
use super::reported::{back_over_auxiliaries, Ctx, Found};
use super::taken::Taken;
use super::tokens::Kind;

/// Words before "about" that make no claim: auxiliaries and copulas
/// ("is about"), prepositions and conjunctions ("of about"), verbs of
/// bringing about, adverbs of amount ("roughly about"), pronouns, degree
/// and negation, and "go about".
const NOT_CUES: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "of",
    "at",
    "by",
    "for",
    "from",
    "to",
    "and",
    "or",
    "just",
    "only",
    "how",
    "what",
    "bring",
    "brought",
    "came",
    "come",
    "set",
    "out",
    "roughly",
    "approximately",
    "around",
    "up",
    "down",
    "here",
    "there",
    "it",
    "this",
    "that",
    "all",
    // "a lot more about lifestyle", "it's not about the opposition", "goes
    // about solving a crime": degree, negation and "go about" (setting to
    // work), no speech, thought or feeling.
    "more",
    "less",
    "much",
    "not",
    "go",
    "goes",
    "going",
    "went",
    "gone",
    // "voters care about the economy": an interest, not a stance on a
    // proposition (4 of 37 train occurrences are a gold cue).
    "care",
    "cares",
    "cared",
    "caring",
    // "complaints in recent months about the show": a stretch of time
    // before "about" is no one's word or thought.
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "time",
    // "something about it", "the thing about him": no speech or thought.
    "something",
    "nothing",
    "anything",
    "everything",
    "thing",
    "things",
    // "what impresses me about the city", "told them about": an object
    // pronoun; the cue, if any, is the verb before it.
    "me",
    "him",
    "them",
    "us",
    "you",
];

/// Records whose "about" gives their subject, not anyone's claim: "a
/// line about taxes", "records about the suspects". (Films, books and
/// documentaries stay: PolNeAR takes "a documentary about X" as the
/// work's attribution, with "about" as the cue.)
const RECORDS: &[&str] = &["line", "lines", "records", "data", "metadata"];

/// Prepositions whose object the word before "about" may be: in "talks
/// with unions about pay" the unions are whom the talks are with, not a
/// speaker's word.
const OBJECT_OF: &[&str] = &["with", "to"];

/// Words of talking that take a partner with "with" or "to" before
/// "about": in "talks with unions about pay" the cue is "talks".
const TALKS: &[&str] = &[
    "talk",
    "talks",
    "talked",
    "talking",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "spoken",
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "negotiations",
    "discussions",
    "consultations",
    "wrote",
    "write",
    "writes",
    "writing",
    "clashed",
    "argued",
];

/// Words after "about" that make it "approximately".
const AMOUNTS: &[&str] = &[
    "half",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "dozen",
    "dozens",
    "one-third",
    "two-thirds",
    "one-quarter",
    "three-quarters",
];

/// Units after "about a" that make an amount ("about a dozen", "about a
/// third", "about a year").
const UNITS: &[&str] = &[
    "dozen", "third", "quarter", "fifth", "hundred", "thousand", "million", "billion", "year",
    "week", "month", "day", "hour", "minute", "mile", "percent", "decade",
];

/// Modals and forms of "do", after which a verb takes its base form.
const MODALS: &[&str] = &[
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "can't",
    "don’t",
    "doesn’t",
    "didn’t",
    "won’t",
    "can’t",
    "to",
];

/// Whether the word at `k` opens an amount, not a topic.
fn amount(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    w.is_empty()
        || w.starts_with(|c: char| c.is_ascii_digit())
        || any_of(ctx, k, AMOUNTS)
        || (any_of(ctx, k, &["a", "an"]) && any_of(ctx, k + 1, UNITS))
}

/// The "WORD about TOPIC" claims in the sentences `sents` (token ranges)
/// outside the claims `founds`.
pub(crate) fn claims(ctx: &Ctx, sents: &[Range<usize>], taken: &Taken) -> Vec<Found> {
    let mut out = Vec::new();
    for sent in sents {
        let (a, b) = (sent.start, sent.end);
        let mut i = a + 1;
        while i + 1 < b {
            let w = i - 1;
            let hit = ctx.toks[i].kind == Kind::Word
                && ctx.word(i) == "about"
                && ctx.toks[w].kind == Kind::Word
                && ctx.is_lower(w)
                && !any_of(ctx, w, NOT_CUES)
                && !any_of(ctx, w, RECORDS)
                && !amount(ctx, i + 1)
                && !ctx.in_closed_quote(i);
            if !hit {
                i += 1;
                continue;
            }
            let e = clause_end(ctx, i + 1, b);
            let Some(content) = ctx.trim(i + 1, e) else {
                i += 1;
                continue;
            };
            // Auxiliaries and adverbs before the word are the cue's ("has
            // long talked about"); a subject before them is the source
            // only when they stand between ("Trump has talked about"): a
            // word in "-s" right after a noun may be a plural noun itself
            // ("voters' concerns about").
            // Only a verb or an adjective takes them: in "There were
            // questions about" the copula is the sentence's, not the cue's.
            // A verb's base form follows a modal or "do" ("will talk
            // about", "doesn't care about").
            // "talks with unions about pay": the word before "about" is the
            // partner of a word of talking, which is the cue by itself.
            let partner = w >= a + 2
                && any_of(ctx, w - 1, OBJECT_OF)
                && ctx.is_lower(w - 2)
                && any_of(ctx, w - 2, TALKS);
            let h = if partner { w - 2 } else { w };
            let word = ctx.word(h);
            let back = back_over_auxiliaries(ctx, h, a);
            let verb = word.ends_with("ed")
                || word.ends_with("ing")
                || nouns::is_adjective_cue(word)
                || (back..h).any(|k| any_of(ctx, k, MODALS));
            let p = if verb { back } else { h };
            let source = (p < h && p > a)
                .then(|| ctx.np_back_strict(p - 1, a))
                .flatten();
            let cue_end = if partner {
                ctx.toks[h].end
            } else {
                ctx.toks[i].end
            };
            let cue = ctx.toks[p].start..cue_end;
            let Some(f) = free_claim(ctx, taken, cue, source, content) else {
                i += 1;
                continue;
            };
            out.push(f);
            i = e.max(i + 1);
        }
    }
    out
}
