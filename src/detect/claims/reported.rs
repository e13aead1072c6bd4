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
//! Each token belongs to at most one claim of this scan: cues inside the
//! content of an earlier claim are left to [`nested`](super::nested), which
//! keeps the few that PolNeAR annotates as claims of their own.

use std::ops::Range;

use super::cues::{self, Cue, BETWEEN};
use super::nouns;
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

/// A claim whose cue is the one word `i`, with its source and content (none
/// without a content), and where the search goes on.
fn one_word_cue(
    ctx: &Ctx,
    i: usize,
    source: Range<usize>,
    content: Option<Range<usize>>,
    next: usize,
) -> Option<(Found, usize)> {
    content.as_ref()?;
    Some((
        Found {
            cue: ctx.toks[i].start..ctx.toks[i].end,
            source: Some(source),
            content,
            extra: None,
        },
        next,
    ))
}

/// Adverbs of time and linking adverbs that may open a sentence without
/// a comma before its subject.
const LEADING_ADVERBS: &[&str] = &[
    "earlier",
    "now",
    "however",
    "meanwhile",
    "also",
    "currently",
    "yesterday",
    "today",
    "later",
    "instead",
    "previously",
    "recently",
    "separately",
    "elsewhere",
];

/// The name before an apposition of origin that starts at token `from`
/// ("Andrew Fisher, from Omaha, Nebraska,"), stepping back over an age
/// between them ("Mr Mubanga, 32, from Wembley"): the name must open the
/// sentence or follow a clause word or punctuation.
fn name_before_origin(ctx: &Ctx, from: usize, floor: usize) -> Option<Range<usize>> {
    let mut end = from.checked_sub(1)?;
    loop {
        if ctx.punct(end) != "," || end <= floor {
            return None;
        }
        let np = ctx.np_back_strict(end - 1, floor)?;
        let age = np.len() == 1 && ctx.word(np.start).bytes().all(|b| b.is_ascii_digit());
        if !age {
            let before = np.start.checked_sub(1);
            let opens = np.start == floor
                || before
                    .is_some_and(|b| !ctx.toks[b].is_word() || STOPS.iter().any(|w| ctx.eq(b, w)));
            return (opens && !ctx.is_lower(np.start)).then_some(np);
        }
        end = np.start.checked_sub(1)?;
    }
}

/// Prepositions (and "As") that open a phrase of time or circumstance
/// before a sentence's subject, with or without a comma.
const OPENING_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "during",
    "since",
    "under",
    "throughout",
    "following",
    "despite",
    "within",
    "through",
    "for",
    "with",
];

/// Units of time after "last", "this" or "next" at the head of a
/// sentence: "Last month the watchdog said".
const TIME_UNITS: &[&str] = &["week", "month", "year", "season", "night", "weekend"];

/// Words that end a backward search for the source.
const STOPS: &[&str] = &[
    "that", "and", "but", "because", "while", "when", "as", "if", "which", "where", "so", "after",
    "before", "since", "although", "though", "whom", "whether", "than", "or", "what", "how", "why",
    "said", "says", "told", "until", "unless", "whereas", "where",
];

/// Words after which a cue word is a noun.
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "this",
    "your",
    "much",
    "more",
    "less",
    "any",
    "some",
    "no",
    "whose",
    "same",
    "own",
    "such",
    "every",
    "each",
    "popular",
    "public",
    "broad",
    "strong",
    "weekly",
    "widespread",
    "significant",
    "enough",
    "television",
    "reality",
    "talk",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub quotes: &'a [Quote],
    pub inside: &'a [u32],
}

impl Ctx<'_> {
    pub(crate) fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.is_word() => t.text(self.text),
            _ => "",
        }
    }
    pub(crate) fn punct(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct => t.text(self.text),
            _ => "",
        }
    }
    pub(crate) fn in_closed_quote(&self, i: usize) -> bool {
        let q = self.inside.get(i).copied().unwrap_or(NONE);
        q != NONE && self.quotes.get(q as usize).is_some_and(|q| q.closed)
    }
    pub(crate) fn quote_of(&self, i: usize) -> Option<&Quote> {
        let q = self.inside.get(i).copied().unwrap_or(NONE);
        if q == NONE {
            None
        } else {
            self.quotes.get(q as usize)
        }
    }
    pub(crate) fn is_lower(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }
    pub(crate) fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.toks[r.start].start..self.toks[r.end - 1].end
    }
    fn is_closing_quote(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Quote(QuoteMark::Close | QuoteMark::Straight))
        ) && self.quote_of(i).is_some_and(|q| q.closed && q.last == i)
    }
    pub(crate) fn eq(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// A noun phrase ending at token `end` (inclusive), not reaching before
    /// `limit`: words, possessives and abbreviation full stops, stopping at
    /// punctuation, quotations and clause words. At most 10 tokens.
    /// Crosses verbs: a cue's subject may be a longer stretch than its
    /// noun phrase ("Trump is spending the day attacking"), and stopping
    /// there cost claims on PolNeAR train; see [`Ctx::np_back_strict`].
    pub(crate) fn np_back(&self, end: usize, limit: usize) -> Option<Range<usize>> {
        self.np_back_or_verb(end, limit, false)
    }

    /// [`Ctx::np_back`] that no finite verb stands in: "He left the room,
    /// a former aide, said" has no source "He left the room, a former
    /// aide". For phrases put together from pieces (an apposition).
    pub(crate) fn np_back_strict(&self, end: usize, limit: usize) -> Option<Range<usize>> {
        self.np_back_or_verb(end, limit, true)
    }

    /// [`Ctx::np_back`]; `strict`: none across a finite verb.
    fn np_back_or_verb(&self, end: usize, limit: usize, strict: bool) -> Option<Range<usize>> {
        // "Despite the demand": a phrase that ends in its determiner is
        // no noun phrase (the noun is the word after it).
        if ["the", "a", "an"].contains(&self.word(end)) {
            return None;
        }
        let mut s = end + 1;
        let mut n = 0;
        while s > limit && n < 14 {
            let k = s - 1;
            let t = &self.toks[k];
            let ok = match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    if strict && k != end && finite_verb(self, k) {
                        // A verb before the phrase makes it a predicate
                        // ("Trump is spending the day attacking"), not a
                        // source.
                        return None;
                    }
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
        // "Last month the watchdog said", "However the firm said": a time
        // or a linking adverb that opens the sentence without a comma
        // belongs to no speaker.
        // Only where the sentence (or what is left of it) opens: "Ed Balls,
        // now a parliamentary hopeful, said" keeps its apposition whole.
        let opens = s == limit;
        if opens
            && s < end
            && LEADING_ADVERBS.iter().any(|w| self.eq(s, w))
            && self.toks[s + 1].is_word()
        {
            s += 1;
        }
        // "Last month", "Earlier this week".
        if opens
            && s + 1 < end
            && ["last", "this", "next"].iter().any(|w| self.eq(s, w))
            && TIME_UNITS.iter().any(|w| self.eq(s + 1, w))
        {
            s += 2;
        }
        // "In November the British Medical Association said": likewise a
        // phrase of time or circumstance that opens the sentence.
        if opens
            && s < end
            && !self.is_lower(s)
            && OPENING_PREPOSITIONS.iter().any(|w| self.eq(s, w))
        {
            if let Some(k) = self.subject_after_opening(s, end) {
                s = k;
            }
        }
        (s <= end).then_some(s..end + 1)
    }

    /// Where the subject starts after the preposition at `s` that opens a
    /// sentence without a comma, the subject's phrase ending at `end`:
    /// after a time right after the preposition ("On Tuesday Labour
    /// chairman Ian McCartney", "In 1998 the party"), else at the last
    /// determiner or pronoun after a word that is no preposition ("In a
    /// statement the RSPCA", "In August it", "As part of his reforms he";
    /// not "the party" of "the head of the party"), honorific ("On top of
    /// the deal with Tanzania Mr Brown"), or capital after a lower-case
    /// word that is neither ("In the fourth quarter alone Ford"). "As" with
    /// none of these is a conjunction ("As one backbencher said"). `None`:
    /// the phrase has no subject of its own to find.
    fn subject_after_opening(&self, s: usize, end: usize) -> Option<usize> {
        let time = |k: usize| {
            let w = self.word(k);
            w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
                || crate::detect::temporal::names_month_day_or_season(w)
        };
        if s + 2 <= end && time(s + 1) {
            // "In February 2004 he": the whole date.
            let mut k = s + 2;
            while k < end && (time(k) || self.word(k).bytes().all(|b| b.is_ascii_digit())) {
                k += 1;
            }
            return Some(k);
        }
        let function = |k: usize| {
            let w = self.word(k);
            is_determiner(w)
                || OBJECT_PREPOSITIONS
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
        };
        let mut best = None;
        for k in s + 2..=end {
            let prev = k - 1;
            if !self.toks[k].is_word() || !self.toks[prev].is_word() || function(prev) {
                continue;
            }
            let w = self.word(k);
            let opens_np = (self.is_lower(k)
                && ["the", "a", "an", "he", "she", "it", "they", "we"].contains(&w))
                || w == "I"
                || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Lord")
                || (!self.is_lower(k) && self.is_lower(prev));
            if opens_np {
                best = Some(k);
            }
        }
        best.or_else(|| (self.eq(s, "as") && s < end).then_some(s + 1))
    }

    /// The noun phrase before a parenthetical that closes at token `close`
    /// (a ")"), not reaching before `limit`: "Mr Smith (a former minister)
    /// insisted ...". A subject and its verb are as close across a
    /// parenthetical as they are without it. Looks at most 30 tokens back
    /// for the "("; none inside a quotation.
    pub(crate) fn np_before_parenthetical(
        &self,
        close: usize,
        limit: usize,
    ) -> Option<Range<usize>> {
        if self.punct(close) != ")" || self.in_closed_quote(close) {
            return None;
        }
        let mut k = close;
        let open = loop {
            if k <= limit || close - k > 30 {
                return None;
            }
            k -= 1;
            match self.punct(k) {
                "(" => break k,
                ")" => return None,
                _ => {}
            }
        };
        if open <= limit || !self.toks[open - 1].is_word() {
            return None;
        }
        self.np_back(open - 1, limit)
    }

    /// A noun phrase starting at token `start`, up to punctuation, a
    /// quotation or a clause word; at most 10 tokens, ending before `limit`.
    pub(crate) fn np_forward(&self, start: usize, limit: usize) -> Option<Range<usize>> {
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
    pub(crate) fn trim(&self, s: usize, mut e: usize) -> Option<Range<usize>> {
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
    pub(crate) fn quote_ending_at(&self, i: usize, limit: usize) -> Option<Range<usize>> {
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
    pub(crate) fn quote_starting_at(&self, i: usize, end: usize) -> Option<Range<usize>> {
        let mut k = i;
        while k < end && matches!(self.punct(k), "," | ":" | "—" | "–") {
            k += 1;
        }
        let q = self.quote_of(k)?;
        (q.open == k && q.closed && q.last < end).then_some(q.open..q.last + 1)
    }
}

/// The cue starting at word `i`, as an inclusive token range and its reading.
pub(crate) fn cue_at(ctx: &Ctx, i: usize) -> Option<(usize, usize, Cue)> {
    let readings = cues::lookup(ctx.word(i))?;
    // "a chat show", "the firm saw sales rise": no cue here, so that the
    // scan goes on to one later in the sentence ("... after it said").
    if !super::plausible::cue_word_in_use(ctx.text, ctx.toks[i].start..ctx.toks[i].end) {
        return None;
    }
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
        // Patterns that start at a noun, an adjective or "in".
        let role = if ctx.is_lower(i) {
            nouns::role(ctx.word(i))
        } else {
            None
        };
        let special = if role == Some(nouns::Role::Noun) {
            noun_claim(ctx, b, floor, i)
        } else if ctx.eq(i, "in") {
            in_claim(ctx, b, floor, i)
        } else {
            None
        };
        if let Some((found, next)) = special {
            out.push(found);
            floor = next.max(i + 1);
            i = floor;
            continue;
        }
        // "worried", "opposed" are verbs too: without a copula, a verb.
        let adjective = role == Some(nouns::Role::Adjective) && after_copula(ctx, floor, i);
        let reading = if adjective {
            // An adjective of belief after a copula: a weak cue.
            Some((
                i,
                i,
                Cue {
                    listener: false,
                    particle: None,
                    weak: true,
                },
            ))
        } else {
            cue_at(ctx, i).or_else(|| read_of_a_text(ctx, floor, b, i))
        };
        // After a determiner, a possessive or a quantity word the word is a
        // noun ("a say", "his claims", "Trump's show", "much support").
        // Asked only of cue words: most words are not.
        let determiner = |i: usize| {
            i > a
                && (DETERMINERS.iter().any(|w| ctx.eq(i - 1, w))
                    || nouns::possessive(ctx.word(i - 1)).is_some())
        };
        let Some((c0, c1, cue)) = reading.filter(|_| !determiner(i)) else {
            i += 1;
            continue;
        };
        // An adverb cue ("reportedly") right before a verb cue modifies the
        // verb: the claim is the verb's, and the adverb joins its cue as
        // any adverb between a source and its cue does ("has reportedly
        // told aides that ...").
        // A noun modifier ("the manifesto writing team.") is no cue.
        if adverb_before_verb_cue(ctx, c0, c1)
            || noun_modifier(ctx, &(c0..c1 + 1))
            || reduced_relative(ctx, a, b, c0, c1)
            || object_participle(ctx, a, c0, c1)
        {
            i += 1;
            continue;
        }
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

/// A claim whose cue is the tokens `c0..=c1`, inside the tokens `a..b` (the
/// content of another claim), assembled as in a sentence of its own that
/// starts at `a`. None where the sentence scan would not take the cue.
pub(crate) fn nested_claim(ctx: &Ctx, a: usize, b: usize, c0: usize, c1: usize) -> Option<Found> {
    let (_, _, cue) = cue_at(ctx, c0)?;
    if adverb_before_verb_cue(ctx, c0, c1)
        || noun_modifier(ctx, &(c0..c1 + 1))
        || reduced_relative(ctx, a, b, c0, c1)
        || object_participle(ctx, a, c0, c1)
    {
        return None;
    }
    build(ctx, a, b, a, c0, c1, cue, &None, None).map(|(found, _, _)| found)
}

/// Whether `w` is a word after which a cue word is a noun (a determiner,
/// a possessive pronoun, a quantity word).
pub(crate) fn is_determiner(w: &str) -> bool {
    DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Participles of publishing that follow the noun they describe ("the
/// report published yesterday", "documents released by the court").
const PUBLISHED: &[&str] = &["published", "released", "issued", "leaked", "posted"];

/// Words that open what follows such a participle in a reduced relative
/// clause: a preposition or a time ("published in the Lancet", "released
/// on Monday", "issued yesterday"), never an object.
const AFTER_PUBLISHED: &[&str] = &[
    "in",
    "on",
    "by",
    "at",
    "for",
    "from",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "online",
    "after",
    "before",
    "during",
    "under",
    "with",
];

/// Whether the one-word cue at `c0..=c1` is a participle of publishing in
/// a reduced relative clause, with the sentence's own verb of saying after
/// it: "The report published yesterday shows that ...", "A study published
/// in the Lancet found ...". The claim is the later verb's, with the noun
/// and its participle as source; the participle is no cue. Not when a new
/// clause starts between the two ("The ministry released on Monday
/// figures that show", "announced on Monday it expected"): a comma, "that",
/// "and" or a pronoun.
fn reduced_relative(ctx: &Ctx, a: usize, b: usize, c0: usize, c1: usize) -> bool {
    if c0 != c1 || c0 <= a || !PUBLISHED.iter().any(|w| ctx.eq(c0, w)) {
        return false;
    }
    let before = ctx.word(c0 - 1);
    if before.is_empty() || is_auxiliary(before) || is_pronoun(before) || before.ends_with("ly") {
        return false;
    }
    if !AFTER_PUBLISHED.iter().any(|w| ctx.eq(c1 + 1, w)) {
        return false;
    }
    for k in c1 + 2..b.min(c1 + 12) {
        let w = ctx.word(k);
        if w.is_empty()
            || is_pronoun(w)
            || ["that", "which", "who", "and", "but", "or"]
                .iter()
                .any(|x| ctx.eq(k, x))
        {
            return false;
        }
        if ctx.is_lower(k)
            && !w.ends_with("ing")
            && !ctx.eq(k - 1, "to")
            && cue_at(ctx, k).is_some()
        {
            return true;
        }
    }
    false
}

/// Words that open a noun phrase: the antecedent of a relative pronoun
/// starts at the last of them ("to license all companies who").
const PHRASE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "all", "every", "each", "some", "any",
];

/// Quantities before "of whom" / "of which": "all of whom", "both of which".
const OF_WHOM: &[&str] = &[
    "all", "both", "each", "most", "many", "some", "several", "none", "one", "two", "three",
];

/// The antecedent of the relative pronoun at `k` that is the subject of a
/// cue: "Monsanto, which opposed the bill", "the minister, who said",
/// "businesses that warn", "two Democrats, both of whom opposed". The
/// speaker is the noun phrase the pronoun refers to, not the pronoun.
/// Returns the noun phrase (cut after the last finite verb in it, so that
/// "He praised the senator, who said" gives "the senator") and whether a
/// comma set the clause off (a clause that ends at the next comma). A
/// capitalised "Who" or "That" opens a question or a sentence of its own;
/// "that" after a noun that follows a cue word is the conjunction of that
/// cue ("told reporters that expected cuts ..."), and "that" after a comma
/// or any word no noun ends in is no relative pronoun either.
fn relative_antecedent(ctx: &Ctx, k: usize, floor: usize) -> Option<(Range<usize>, bool)> {
    if !ctx.is_lower(k) || k <= floor {
        return None;
    }
    let w = ctx.word(k);
    let mut j = k;
    let that = w.eq_ignore_ascii_case("that");
    if w.eq_ignore_ascii_case("whom") || (w.eq_ignore_ascii_case("which") && ctx.eq(k - 1, "of")) {
        if k < floor + 3 || !ctx.eq(k - 1, "of") || !OF_WHOM.iter().any(|q| ctx.eq(k - 2, q)) {
            return None;
        }
        j = k - 2;
    } else if !(that || w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which")) {
        return None;
    }
    let comma = j > floor + 1 && ctx.punct(j - 1) == ",";
    let e = if comma { j - 2 } else { j - 1 };
    if e < floor || !ctx.toks[e].is_word() || (that && comma) {
        return None;
    }
    let last = ctx.word(e);
    let lower = last.to_ascii_lowercase();
    if STOPS.contains(&lower.as_str())
        || is_determiner(last)
        || is_auxiliary(&lower)
        || is_pronoun(last)
        || OBJECT_PREPOSITIONS.contains(&lower.as_str())
        || (ctx.is_lower(e) && (cues::lookup(last).is_some() || finite_verb(ctx, e)))
    {
        return None;
    }
    let np = ctx.np_back(e, floor)?;
    let mut start = np.start;
    for m in (np.start..e).rev() {
        // "a big play for Pennsylvania, which": the noun after the
        // preposition; "the head of the party, who" stays whole.
        let preposition =
            ctx.is_lower(m) && !ctx.eq(m, "of") && OBJECT_PREPOSITIONS.iter().any(|q| ctx.eq(m, q));
        // "it’s the process that explains": the noun after the cleft's
        // pronoun and copula.
        let pronoun = ctx.is_lower(m) && (is_pronoun(ctx.word(m)) || ctx.eq(m, "there"));
        // A verb ends the phrase, and so does an adverb or auxiliary that
        // stands between a subject and its verb; "first" and "last" are
        // ordinals too ("the first rate rise").
        let w = ctx.word(m);
        let verb = ends_subject(ctx, m) && w != "first" && w != "last";
        if ctx.toks[m].is_word() && (preposition || pronoun || finite_verb(ctx, m) || verb) {
            start = m + 1;
            break;
        }
    }
    // "a decision to license all companies who": the phrase starts at its
    // last determiner that no "of" stands before ("the head of the party"
    // keeps its first); "composed of experts who": not at the "of".
    if let Some(m) = (start + 1..e)
        .rev()
        .find(|&m| ctx.is_lower(m) && PHRASE_OPENERS.contains(&ctx.word(m)) && !ctx.eq(m - 1, "of"))
    {
        start = m;
    }
    while start < e
        && (!ctx.toks[start].is_word()
            || (ctx.is_lower(start) && OBJECT_PREPOSITIONS.iter().any(|q| ctx.eq(start, q))))
    {
        start += 1;
    }
    if that
        && start > floor
        && ctx.toks[start - 1].is_word()
        && cues::lookup(ctx.word(start - 1)).is_some()
    {
        return None;
    }
    ctx.trim(start, e + 1).map(|r| (r, comma))
}

/// The noun before a relative clause set off by commas that ends at the
/// comma at `comma` ("Warren, who has not endorsed a candidate,"), not
/// reaching before `a`: at most 30 tokens back, and no other punctuation
/// than commas inside the clause's last stretch.
fn subject_before_relative(ctx: &Ctx, comma: usize, a: usize) -> Option<Range<usize>> {
    let floor = a.max(comma.saturating_sub(30));
    let mut k = comma;
    while k > floor {
        k -= 1;
        if ctx.toks[k].is_word() || ctx.in_closed_quote(k) {
            continue;
        }
        // "Mrs. Clinton", "pro-life", "Trump’s": punctuation inside a name
        // or a word.
        if matches!(ctx.punct(k), "." | "-" | "’s" | "'" | "&") {
            continue;
        }
        if ctx.punct(k) != "," {
            return None;
        }
        let pronoun = if ctx.eq(k + 1, "who") || ctx.eq(k + 1, "which") {
            k + 1
        } else if ctx.eq(k + 2, "of") && (ctx.eq(k + 3, "whom") || ctx.eq(k + 3, "which")) {
            k + 3
        } else {
            return None;
        };
        return relative_antecedent(ctx, pronoun, a).map(|(r, _)| r);
    }
    None
}

/// "read" of a text that quotes: "“..., ” the statement read." (a short
/// subject between a closing quotation and "read" at the end of the
/// sentence or clause) and "One message read “...”", "a shirt that read:
/// “...”" (a quotation right after it). "read" is no cue word: "Queen
/// Mary read The Ugly Duckling" is no claim, nor is a text that is read
/// out ("read the statement").
fn read_of_a_text(ctx: &Ctx, floor: usize, b: usize, i: usize) -> Option<(usize, usize, Cue)> {
    if !ctx.eq(i, "read") || !ctx.is_lower(i) || i <= floor {
        return None;
    }
    let cue = Cue {
        listener: false,
        particle: None,
        weak: false,
    };
    let quotes_after = ctx.quote_starting_at(i + 1, b).is_some() && ctx.punct(i + 1) != ",";
    if quotes_after && ctx.toks[i - 1].is_word() && !is_determiner(ctx.word(i - 1)) {
        return Some((i, i, cue));
    }
    let closes = i + 1 >= b || matches!(ctx.punct(i + 1), "." | "," | ";");
    let src = ctx.np_back(i - 1, floor)?;
    let short = src.len() <= 6 && src.start > floor;
    (closes && short && ctx.quote_ending_at(src.start - 1, floor).is_some()).then_some((i, i, cue))
}

/// Prepositions that take a noun phrase as object.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "with",
    "to",
    "for",
    "from",
    "on",
    "at",
    "by",
    "about",
    "like",
    "than",
    "among",
    "into",
    "over",
    "under",
    "through",
    "via",
    "including",
];

/// Whether the one-word cue at `c0..=c1` is a participle of publishing or
/// showing after a noun that is the object of a preposition: "the many
/// hundreds of alerts issued each year by security firms", "in a message
/// posted on Sunday", "similar models released this year". Such a noun
/// phrase is no subject, so the participle is a reduced relative clause
/// and no cue. On PolNeAR train none of these participles after a noun is
/// part of a gold cue; "the church posted on Facebook" (a subject) is.
fn object_participle(ctx: &Ctx, a: usize, c0: usize, c1: usize) -> bool {
    if c0 != c1 || c0 <= a || !(PUBLISHED.iter().any(|w| ctx.eq(c0, w)) || ctx.eq(c0, "shown")) {
        return false;
    }
    let before = ctx.word(c0 - 1);
    if before.is_empty()
        || is_auxiliary(before)
        || is_pronoun(before)
        || before.ends_with("ly")
        || STOPS.iter().any(|w| w.eq_ignore_ascii_case(before))
    {
        return false;
    }
    let next = c1 + 1;
    if !(AFTER_PUBLISHED.iter().any(|w| ctx.eq(next, w))
        || ["each", "every", "online"].iter().any(|w| ctx.eq(next, w)))
    {
        return false;
    }
    let mut k = c0 - 1;
    while k > a && c0 - k <= 8 {
        k -= 1;
        let w = ctx.word(k);
        if w.is_empty() {
            // "Mr. Smith", "Apple's": punctuation inside a noun phrase.
            if matches!(ctx.punct(k), "." | "’s" | "'s" | "'" | "-") {
                continue;
            }
            return false;
        }
        if OBJECT_PREPOSITIONS.iter().any(|p| ctx.eq(k, p)) && ctx.is_lower(k) {
            return true;
        }
        if STOPS.iter().any(|x| x.eq_ignore_ascii_case(w)) || finite_verb(ctx, k) {
            return false;
        }
    }
    false
}

/// The first token of the auxiliaries and adverbs right before the cue at
/// `c0` ("has also said"), not before `floor`: where the source before the
/// cue ends.
pub(crate) fn back_over_auxiliaries(ctx: &Ctx, c0: usize, floor: usize) -> usize {
    let mut p = c0;
    while p > floor {
        let w = ctx.word(p - 1);
        if !w.is_empty() && ctx.is_lower(p - 1) && (BETWEEN.contains(&w) || cues::ly_adverb(w)) {
            p -= 1;
        } else {
            break;
        }
    }
    p
}

/// Whether the one-word cue `c0..=c1` is an adverb (one that may stand
/// between a source and its cue) followed by a lower-case cue word that is
/// no weaker reading of a belief: "reportedly said", "reportedly told".
fn adverb_before_verb_cue(ctx: &Ctx, c0: usize, c1: usize) -> bool {
    let w = ctx.word(c0);
    c0 == c1
        && ctx.is_lower(c0)
        && (BETWEEN.contains(&w) || cues::ly_adverb(w))
        && ctx.is_lower(c1 + 1)
        && !ctx.in_closed_quote(c1 + 1)
        && cue_at(ctx, c1 + 1).is_some_and(|(_, _, next)| !next.weak)
}

/// Past tenses not in "-ed" that end a subject: "The senator left the
/// hall, then ...".
const IRREGULAR_PAST: &[&str] = &[
    "left", "spoke", "went", "met", "took", "made", "gave", "came", "held", "sat", "stood", "ran",
    "won", "lost", "began", "wrote", "brought", "thought", "sent", "spent", "kept", "saw", "got",
    "put", "set", "hit", "rose", "fell", "led", "read", "paid", "heard", "felt", "found", "drew",
    "threw", "broke", "chose", "struck", "swore", "shook", "sang", "told", "said",
];

/// Whether the lower-case word at `k` is a verb that ends the subject
/// before it: a past tense, a present tense, an auxiliary or adverb of
/// `BETWEEN`, an adverb in "-ly", a copula or a cue word.
fn ends_subject(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    !w.is_empty()
        && ctx.is_lower(k)
        && ((w.len() > 3 && w.ends_with("ed"))
            || IRREGULAR_PAST.contains(&w)
            || present_tense(ctx, k)
            || BETWEEN.contains(&w)
            || cues::ly_adverb(w)
            || nouns::is_copula(w)
            || cues::lookup(w).is_some())
}

/// Auxiliaries and copulas: finite verbs whatever stands around them.
const FINITE: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "does",
    "did", "do", "should", "may", "might", "must", "shall", "am",
];

/// Whether `w` is an auxiliary or a copula of `FINITE`.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    FINITE.contains(&w)
}

/// Whether the lower-case word at `k` is a finite verb, which no noun
/// phrase crosses ("He left the room, a former aide, said ..." has no
/// source "He left the room, a former aide"): an auxiliary or copula, a
/// present tense in "-s" before its object, or an irregular past tense
/// not after a determiner ("the left", "a set").
fn finite_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.is_lower(k)
        && (is_auxiliary(w)
            || present_tense(ctx, k)
            || (IRREGULAR_PAST.contains(&w)
                && !(k > 0 && DETERMINERS.iter().any(|d| ctx.eq(k - 1, d)))))
}

/// Words after which a word in "-s" is a verb of the present tense, not
/// a plural noun: its object's determiner ("visits the plant"), a
/// preposition that follows verbs more than nouns ("turns to", "goes
/// into") or the comma that ends its clause ("smiles, then says").
const AFTER_PRESENT: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "to", "into", "with", ",",
];

/// Whether the lower-case word at `k` is a present tense in "-s" ("visits",
/// "leaves", "speaks"): a plural noun ends in "-s" as well, so only before
/// a word of `AFTER_PRESENT`.
fn present_tense(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "ys"].iter().any(|e| w.ends_with(e))
        && ctx.toks.get(k + 1).is_some_and(|t| {
            let n = t.text(ctx.text);
            AFTER_PRESENT.contains(&n)
        })
}

/// The subject of the clause that opens the sentence at `a` and ends at
/// the comma at `comma`: a pronoun, a run of capitalised words ("Mayor
/// Jane Smith"), or a determiner and up to four words before a verb ("The
/// city council"). After an adverbial opener ("On Monday, he ...") the
/// clause starts after its first comma. None when the verb that ends the
/// subject is not found.
fn first_clause_subject(ctx: &Ctx, a: usize, comma: usize) -> Option<Range<usize>> {
    let mut s = a;
    if NOT_SUBJECTS.iter().any(|w| ctx.eq(s, w)) {
        s = (s..comma).find(|&k| ctx.punct(k) == ",")? + 1;
    }
    let first = ctx.word(s);
    if first.is_empty() || ctx.in_closed_quote(s) {
        return None;
    }
    if is_pronoun(first) && !ctx.eq(s, "it") && !ctx.eq(s, "you") {
        return (s + 1 < comma && ctx.is_lower(s + 1)).then_some(s..s + 1);
    }
    let determiner = ["the", "a", "an", "this", "our", "their", "its"]
        .iter()
        .any(|w| ctx.eq(s, w));
    if ctx.is_lower(s) && !determiner {
        return None;
    }
    let mut e = s + 1;
    while e < comma && e <= s + 5 {
        let capital = ctx.toks[e].is_word() && !ctx.is_lower(e);
        // "Mr. Smith", "U.S. senator".
        let dot = ctx.punct(e) == "." && ctx.toks.get(e + 1).is_some_and(|t| t.is_word());
        if capital || dot {
            e += 1;
        } else if ends_subject(ctx, e) {
            return Some(s..e);
        } else if determiner && ctx.toks[e].is_word() && !STOPS.iter().any(|w| ctx.eq(e, w)) {
            e += 1;
        } else {
            return None;
        }
    }
    None
}

/// Words that open a sentence without being its subject.
const NOT_SUBJECTS: &[&str] = &[
    "after",
    "before",
    "in",
    "on",
    "at",
    "for",
    "with",
    "during",
    "since",
    "by",
    "from",
    "as",
    "when",
    "while",
    "under",
    "despite",
    "without",
    "although",
    "though",
    "if",
    "because",
    "but",
    "and",
    "so",
    "yet",
    "then",
    "still",
    "meanwhile",
    "however",
    "also",
    "now",
    "last",
    "yesterday",
    "today",
    "earlier",
    "later",
    "instead",
    "indeed",
    "of",
    "to",
    "over",
    "through",
    "among",
    "like",
    "unlike",
    "asked",
    "speaking",
    "writing",
    "according",
    "here",
    "there",
    "this",
    "that",
    "it",
    "what",
    "in",
    "for",
    "once",
    "even",
    "nor",
    "or",
    "thus",
    "first",
    "finally",
    "separately",
    "similarly",
    "again",
    "at",
    "on",
    "ultimately",
    "initially",
];

/// The subject that opens the sentence before its first comma, when the
/// comma at `comma` closes a parenthetical after it: "Mr. Rubio, who has
/// struggled, called ...". A short noun phrase starting with a capital
/// letter or "the", not an adverbial ("After the debate, ...").
fn opening_subject(ctx: &Ctx, floor: usize, comma: usize) -> Option<Range<usize>> {
    let first = (floor..comma).find(|&k| ctx.punct(k) == ",")?;
    if first == comma || first <= floor {
        return None;
    }
    let np = ctx.np_back_strict(first - 1, floor)?;
    let opener = ctx.word(np.start);
    let ok = np.start == floor
        && np.len() <= 7
        && !opener.is_empty()
        && (!ctx.is_lower(np.start) || opener == "the")
        && !NOT_SUBJECTS.iter().any(|w| w.eq_ignore_ascii_case(opener))
        && (np.start..np.end).all(|k| cues::lookup(ctx.word(k)).is_none() || !ctx.is_lower(k));
    ok.then_some(np)
}

/// Whether the adjective at `i` follows a copula ("is confident", "were
/// not aware", "has been very critical", "he's sure").
fn after_copula(ctx: &Ctx, floor: usize, i: usize) -> bool {
    let mut k = i;
    while k > floor {
        let w = ctx.word(k - 1);
        if nouns::is_copula(w) || nouns::contracted_copula(w) {
            return true;
        }
        if w.is_empty() || !ctx.is_lower(k - 1) || !BETWEEN.contains(&w) {
            return false;
        }
        k -= 1;
    }
    false
}

/// The possessor before token `k` (a possessive word) as a byte range: a
/// pronoun, or the capitalised words of a name ("Mr. Trump's" gives
/// "Mr. Trump"), with "the" before them.
pub(crate) fn possessor(ctx: &Ctx, floor: usize, k: usize) -> Option<Range<usize>> {
    let stem = nouns::possessive(ctx.word(k))?;
    let end = ctx.toks[k].start + stem;
    if ctx.is_lower(k) {
        // "his", "their", "Democrats’" in lower case: the pronoun itself, or
        // a lower-case noun ("the campaign's").
        let mut s = k;
        if s > floor && ["the", "a", "an"].iter().any(|w| ctx.eq(s - 1, w)) {
            s -= 1;
        }
        return Some(ctx.toks[s].start..end);
    }
    let mut s = k;
    while s > floor {
        let prev = s - 1;
        let name_word = ctx.toks[prev].is_word() && !ctx.is_lower(prev);
        let dot = ctx.punct(prev) == "." && prev > floor && ctx.toks[prev - 1].is_word();
        if !(name_word || dot) || ctx.in_closed_quote(prev) {
            break;
        }
        s = prev;
    }
    if s > floor && ctx.eq(s - 1, "the") {
        s -= 1;
    }
    Some(ctx.toks[s].start..end)
}

/// The rest of a clause from token `s`: up to the first comma, semicolon or
/// dash outside quotations when `short`, else to the end of the sentence.
pub(crate) fn clause_from(
    ctx: &Ctx,
    s: usize,
    b: usize,
    short: bool,
) -> (Option<Range<usize>>, usize) {
    let mut e = s;
    while e < b {
        if ctx.in_closed_quote(e) {
            e = ctx.quote_of(e).map_or(e, |q| q.last.max(e)) + 1;
            continue;
        }
        if short && matches!(ctx.punct(e), "," | ";" | "—" | "–" | "(") {
            break;
        }
        e += 1;
    }
    let e = e.min(b);
    (ctx.trim(s, e).map(|r| ctx.bytes(&r)), e)
}

/// `POSSESSIVE NOUN (that|of|for|: ...)`: "Trump's claim that the vote was
/// rigged", "her criticism of the plan", "their calls for reform". The
/// possessor is the source; one modifier may stand between ("his latest
/// claim").
/// Words of a short time phrase besides weekdays: "this week", "on
/// Monday", "last year".
const TIME_WORDS: &[&str] = &[
    "this",
    "last",
    "next",
    "on",
    "earlier",
    "later",
    "week",
    "month",
    "year",
    "weekend",
    "yesterday",
    "today",
    "tonight",
];

/// The "that" after a time phrase of up to three words starting at token
/// `n`: "this week that", "on Monday that". None when no such phrase and
/// "that" follow.
pub(crate) fn time_before_that(ctx: &Ctx, n: usize, b: usize) -> Option<usize> {
    let mut k = n;
    while k < b
        && k < n + 3
        && (TIME_WORDS.iter().any(|w| ctx.eq(k, w))
            || crate::detect::temporal::is_weekday(ctx.word(k)))
    {
        k += 1;
    }
    (k > n && k < b && ctx.eq(k, "that") && ctx.is_lower(k)).then_some(k)
}

fn noun_claim(ctx: &Ctx, b: usize, floor: usize, i: usize) -> Option<(Found, usize)> {
    let mut k = i.checked_sub(1)?;
    if k < floor {
        return None;
    }
    if nouns::possessive(ctx.word(k)).is_none() {
        let modifier = ctx.toks[k].is_word()
            && ctx.is_lower(k)
            && !STOPS.iter().any(|w| ctx.eq(k, w))
            && cues::lookup(ctx.word(k)).is_none();
        if !modifier || k == floor {
            return None;
        }
        k -= 1;
    }
    if ctx.in_closed_quote(k) {
        return None;
    }
    let source = possessor(ctx, floor, k)?;
    // A time between the noun and its "that" ("the Kremlin's announcement
    // this week that ...") belongs to neither.
    let n = time_before_that(ctx, i + 1, b).unwrap_or(i + 1);
    let mut cue_end = i;
    // Without its content the noun names a topic more often than a claim.
    let (content, next) = if ctx.eq(n, "that") && ctx.is_lower(n) {
        // "The minister's claim that taxes would fall was false": a noun
        // claim that is the sentence's subject has its main verb after the
        // clause, which is no part of the content.
        let src_tok = ctx.toks.partition_point(|t| t.start < source.start);
        let subject = !(floor..src_tok.min(i)).any(|k| ends_subject(ctx, k));
        let end = if subject {
            main_verb_after_clause(ctx, n + 1, b).unwrap_or(b)
        } else {
            b
        };
        clause_from(ctx, n + 1, end, false)
    } else if [
        "of", "for", "on", "against", "about", "to", "with", "over", "toward", "towards",
    ]
    .iter()
    .any(|w| ctx.eq(n, w))
    {
        // "criticism of", "attacks on", "support for", "opposition to":
        // PolNeAR keeps these prepositions in 87% of the train cues of
        // nouns of saying they follow.
        // Not the "to" of an infinitive after a noun of intention
        // ("refusal to", "promise to"), which PolNeAR leaves out.
        let intention = ctx.eq(n, "to")
            && [
                "refusal",
                "promise",
                "promises",
                "pledge",
                "pledges",
                "vow",
                "vows",
                "plan",
                "plans",
                "decision",
                "threat",
                "threats",
                "bid",
                "effort",
                "efforts",
                "attempt",
                "push",
                "desire",
                "willingness",
                "intention",
                "commitment",
                "offer",
                "call",
                "calls",
                "reluctance",
                "failure",
                "determination",
            ]
            .iter()
            .any(|w| ctx.eq(i, w));
        if !intention
            && ["of", "for", "on", "against", "to"]
                .iter()
                .any(|w| ctx.eq(n, w))
        {
            cue_end = n;
        }
        clause_from(ctx, n + 1, b, true)
    } else if ctx.punct(n) == ":" {
        clause_from(ctx, n + 1, b, false)
    } else {
        (None, n)
    };
    let (found, next) = one_word_cue(ctx, i, source, content, next)?;
    let cue = found.cue.start..ctx.toks[cue_end].end;
    Some((Found { cue, ..found }, next))
}

/// Words that open a clause inside a "that" clause, whose verb comes
/// before the main verb of the sentence ("the claim that the law, which
/// was passed in 2010, was working is false").
const SUBORDINATORS: &[&str] = &[
    "which", "who", "whom", "that", "because", "if", "when", "while", "although", "though", "as",
    "since", "after", "before", "until", "whether",
];

/// The main verb of a sentence whose subject holds the clause starting at
/// token `s` ("[taxes would fall] was false"): an auxiliary or copula
/// after the clause's own verb, with no new clause opened (a relative, a
/// conjunction before a second verb) still waiting for its verb. None
/// when there is no such word before `b`. Only auxiliaries and copulas:
/// a lexical verb in "-ed" after the clause ("would be opposed") is too
/// often still the clause's.
pub(crate) fn main_verb_after_clause(ctx: &Ctx, s: usize, b: usize) -> Option<usize> {
    // Verbs the clauses opened so far still wait for.
    let mut needed = 1usize;
    let mut in_verb = false;
    let mut k = s;
    while k < b {
        if ctx.in_closed_quote(k) {
            k = ctx.quote_of(k).map_or(k, |q| q.last.max(k)) + 1;
            in_verb = false;
            continue;
        }
        let w = ctx.word(k);
        let lower = ctx.is_lower(k);
        let auxiliary = lower
            && (is_auxiliary(w) || nouns::is_copula(w) || w.ends_with("n't") || w.ends_with("n’t"));
        // "would not have fallen", "has also been": one verb.
        let inside_verb = lower && (w == "not" || w == "never" || BETWEEN.contains(&w));
        if in_verb && inside_verb {
            k += 1;
            continue;
        }
        if auxiliary {
            if needed == 0 && !in_verb {
                return Some(k);
            }
            in_verb = true;
        } else {
            if in_verb {
                needed = needed.saturating_sub(1);
                in_verb = false;
            }
            if SUBORDINATORS.iter().any(|x| ctx.eq(k, x)) {
                needed += 1;
            } else if needed == 0 && ["and", "but", "or"].iter().any(|x| ctx.eq(k, x)) {
                needed = 1;
            }
        }
        k += 1;
    }
    None
}

/// Heads after "in" that make it a cue: a poll's or survey's finding, or
/// someone's words and views ("in Forbes' words").
const IN_HEADS: &[&str] = &["poll", "polls", "survey", "surveys", "study"];
const IN_VIEWS: &[&str] = &[
    "words",
    "view",
    "opinion",
    "estimation",
    "judgment",
    "telling",
];

/// `in a CNN poll`, `in the latest survey`, `in her words`: "in" is the cue,
/// the poll or the possessor the source, and the content the clause before
/// (or after, when "in ..." opens the sentence).
fn in_claim(ctx: &Ctx, b: usize, floor: usize, i: usize) -> Option<(Found, usize)> {
    let lim = (i + 8).min(b);
    let mut e = i + 1;
    let mut head = None;
    while e < lim && (ctx.toks[e].is_word() || matches!(ctx.punct(e), "." | "-")) {
        let w = ctx.word(e);
        if IN_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
            || (IN_VIEWS.iter().any(|h| h.eq_ignore_ascii_case(w))
                && e > i + 1
                && nouns::possessive(ctx.word(e - 1)).is_some())
        {
            head = Some(e);
            break;
        }
        if STOPS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            return None;
        }
        e += 1;
    }
    let e = head?;
    let poll = IN_HEADS.iter().any(|h| ctx.eq(e, h));
    // "a lead in the polls", "slid in national polls": the polls in general
    // are a standing, not one poll's finding. A named poll ("a CNN poll",
    // "New Hampshire surveys") is a source.
    let named = (i + 1..e).any(|k| ctx.toks[k].is_word() && !ctx.is_lower(k));
    if poll && ctx.word(e).ends_with('s') && !named {
        return None;
    }
    // "in a poll of voters", "in a survey by Gallup": the source runs on.
    let mut src_end = e + 1;
    if poll
        && ["of", "by", "from", "for"]
            .iter()
            .any(|w| ctx.eq(src_end, w))
    {
        if let Some(np) = ctx.np_forward(src_end + 1, b) {
            src_end = np.end;
        }
    }
    let source = if poll {
        ctx.bytes(&(i + 1..src_end))
    } else {
        possessor(ctx, i + 1, e - 1)?
    };
    let before = ctx.trim(floor, i).filter(|r| r.len() >= 3);
    let (content, next) = match before {
        Some(r) => (Some(ctx.bytes(&r)), src_end),
        None => clause_from(ctx, src_end, b, false),
    };
    one_word_cue(ctx, i, source, content, next)
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
    // "The plan was criticised by Mr Jones, who said it was unfair": a
    // relative clause, whose content follows its cue.
    if ctx.eq(k + 1, "who") || ctx.eq(k + 1, "whom") {
        return None;
    }
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
        let Some((c0, c1, cue)) =
            cue_at(ctx, c).filter(|&(c0, c1, _)| !noun_modifier(ctx, &(c0..c1 + 1)))
        else {
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
        while p > tail.start
            && ctx.is_lower(p - 1)
            && (BETWEEN.contains(&ctx.word(p - 1)) || cues::ly_adverb(ctx.word(p - 1)))
        {
            p -= 1;
        }
        let source = if p > tail.start {
            tail.start..p
        } else if c1 + 1 < e
            // Only a verb of saying comes before its subject; after any
            // other verb, or after an adverb ("..., then slammed the
            // closure"), the noun phrase is the verb's object.
            && p == c0
            && cues::inverts(ctx.word(c0))
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

/// Words after a cue that name its topic or complete a phrasal verb
/// ("warned of", "argued against", "called out").
const TOPIC_WORDS: &[&str] = &[
    "of", "about", "with", "for", "against", "out", "up", "off", "back", "over", "upon",
];

/// Stems of cues whose "to" names their object ("responded to", "referring
/// to", "pointed to", "opposition to").
const TO_TAKERS: &[&str] = &[
    "respond",
    "response",
    "refer",
    "reference",
    "point",
    "allud",
    "react",
    "repl",
    "opposition",
];

/// Verbs that put out a text ("released a statement").
const RELEASES: &[&str] = &[
    "released",
    "releases",
    "issued",
    "issues",
    "published",
    "publishes",
    "sent",
    "sends",
];

/// Texts a speaker puts out.
const TEXTS: &[&str] = &[
    "statement",
    "memo",
    "letter",
    "video",
    "ad",
    "report",
    "email",
    "e-mail",
    "release",
    "tweet",
    "message",
];

/// In "released a statement (Wednesday)(,) saying ...", the participle of
/// saying (a token index) that closes the cue of the verb of release at
/// `c0`; none when the text or the participle is missing.
fn release_participle(ctx: &Ctx, c0: usize, c1: usize, b: usize) -> Option<usize> {
    if c0 != c1 || !RELEASES.iter().any(|w| ctx.eq(c0, w)) {
        return None;
    }
    let det = c1 + 1;
    if !(ctx.eq(det, "a") || ctx.eq(det, "an")) {
        return None;
    }
    let mut text = false;
    let mut k = det + 1;
    while k < b && k <= det + 8 {
        let w = ctx.word(k);
        if w.is_empty() {
            // Only a comma right before the participle.
            let participle = ctx.word(k + 1);
            if !(text && ctx.punct(k) == "," && participle.ends_with("ing")) {
                return None;
            }
        } else if text && w.ends_with("ing") && ctx.is_lower(k) && cue_at(ctx, k).is_some() {
            return Some(k);
        } else if STOPS.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            return None;
        } else if TEXTS.iter().any(|t| t.eq_ignore_ascii_case(w)) {
            text = true;
        }
        k += 1;
    }
    None
}

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
    } else if let Some(k) = release_participle(ctx, c0, c1, b) {
        // "released a statement Wednesday saying": PolNeAR's cue runs from
        // the verb to the participle of saying.
        cue_bytes.end = ctx.toks[k].end;
        after = k + 1;
    } else if ctx.word(c0).to_ascii_lowercase().starts_with("continu")
        && c0 == c1
        && ctx.eq(after, "to")
        && ctx.is_lower(after + 1)
    {
        // "continued to portray": PolNeAR keeps the "to" and the verb in
        // all 31 train cues of "continue to VERB".
        cue_bytes.end = ctx.toks[after + 1].end;
        after += 2;
    } else if cue.particle.is_none()
        && ctx.eq(after, "to")
        && TO_TAKERS.iter().any(|s| {
            ctx.word(c1)
                .get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
        })
    {
        // "responding to", "referred to", "pointed to": PolNeAR keeps the
        // "to" in over 80% of train cues of these verbs and nouns.
        cue_bytes.end = ctx.toks[after].end;
        after += 1;
    } else if cue.particle.is_none() && TOPIC_WORDS.iter().any(|w| ctx.eq(after, w)) {
        // After a verb of saying PolNeAR keeps "about" and "with" in the
        // cue but leaves "of" and "for" out more often than not ("said of
        // the plan", "spoke for an hour"); after other cues it keeps each
        // of these words in over 80% of train cues ("argued against",
        // "calls out", "shot back"). "on" is kept at 84% too, but after
        // gloss's cues it is more often a date or a medium than a topic
        // ("tweeted on Monday"): with it exact-cue F1 on train fell by 0.1.
        let say = [
            "said", "says", "say", "saying", "spoke", "speaks", "speak", "speaking", "told",
            "tells", "tell", "telling",
        ]
        .iter()
        .any(|w| ctx.eq(c0, w));
        let kept = ["about", "with"].iter().any(|w| ctx.eq(after, w));
        if !say || kept {
            cue_bytes.end = ctx.toks[after].end;
            after += 1;
        } else if ctx.eq(after, "of") {
            after += 1;
        }
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
        // After a comma ("..., according to a poll posing the question the
        // government will put") the phrase runs to the end of the sentence.
        let src = if early && (c0 == floor || ctx.punct(c0 - 1) != ",") {
            according_source(ctx, src, b)
        } else {
            src
        };
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
    let p = back_over_auxiliaries(ctx, c0, floor);
    // Auxiliaries and adverbs belong to the cue ("has also said"), and so
    // does the "to" of an infinitive ("took the stage to assail ...").
    cue_bytes.start = ctx.toks[p].start;
    // "has reportedly": the auxiliary belongs to the verb after the
    // adverb, not to the adverb (PolNeAR leaves it out of 10 of 11 train
    // cues).
    if ctx.eq(c0, "reportedly") {
        cue_bytes.start = ctx.toks[c0].start;
    }
    // Not after "have to", "free to", "able to" (obligation and ability),
    // nor for verbs of perception ("to know", "to see").
    let infinitive = p > floor
        && ctx.eq(p - 1, "to")
        && ctx.is_lower(p - 1)
        && p == c0
        && ctx.is_lower(c0)
        // "Russia to discuss", "U.S. to Propose": a name before "to" makes
        // a plan or a headline's future, not a speaker's act.
        && p >= floor + 2
        && ctx.is_lower(p - 2)
        && !(p >= 2
            && [
                "have", "has", "had", "got", "free", "able", "going", "used", "ought", "need",
                "needs", "forced", "unable", "things",
            ]
            .iter()
            .any(|w| ctx.eq(p - 2, w)))
        && ![
            "know", "see", "show", "thank", "find", "feel", "look", "hear",
        ]
        .iter()
        .any(|w| ctx.eq(c0, w));
    if infinitive {
        cue_bytes.start = ctx.toks[p - 1].start;
    }
    let mut source: Option<Range<usize>> = None;
    // "..., then VERB": the verb shares the subject of the clause before
    // the comma, and what stands before the comma is that clause, not an
    // apposition ("On Monday, she visited the plant, then criticized").
    let then_verb = p > a + 1 && p < c0 && ctx.punct(p - 1) == "," && ctx.eq(p, "then");
    if p > floor && !then_verb {
        let function_word = [
            "to", "of", "for", "with", "by", "in", "on", "at", "from", "the", "a", "an",
        ]
        .iter()
        .any(|w| ctx.eq(p - 1, w));
        if ctx.toks[p - 1].is_word() && !function_word {
            source = ctx.np_back(p - 1, floor);
        } else if ctx.punct(p - 1) == "," && p >= floor + 2 && ctx.toks[p - 2].is_word() {
            // Apposition: "NP1, NP2, said" or "NP2, the title, said".
            if let Some(np2) = ctx.np_back_strict(p - 2, floor) {
                if np2.start > floor + 1 && ctx.punct(np2.start - 1) == "," {
                    if let Some(np1) = ctx.np_back_strict(np2.start - 2, floor) {
                        let before = np1.start.saturating_sub(1);
                        // np1 may stand after an opening adverb or time
                        // that `np_back` left out ("Yesterday Argentina's
                        // minister, Roberto Lavagna, said").
                        if np1.start == floor
                            || !ctx.toks[before].is_word()
                            || STOPS.iter().any(|w| ctx.eq(before, w))
                            || LEADING_ADVERBS.iter().any(|w| ctx.eq(before, w))
                            || TIME_UNITS.iter().any(|w| ctx.eq(before, w))
                        {
                            // A relative clause is no title: the source is
                            // the name before it ("Ms A, who chairs ...").
                            let relative = ["who", "which", "whose"]
                                .iter()
                                .any(|w| ctx.eq(np2.start, w));
                            source = Some(np1.start..if relative { np1.end } else { np2.end });
                        }
                    }
                }
            }
        }
    }
    // "Monsanto, which opposed the bill", "the minister, who said": the
    // speaker is the noun the relative pronoun stands for, and a clause
    // set off by a comma ends at the next one.
    let mut relative_clause = false;
    // Not for an adverb read as a cue ("which also includes"), a cue word
    // that is a noun ("that support.", "that blame has been"), nor a
    // passive with no "who" ("which is intended to", "that are seen as":
    // on PolNeAR train these were false claims more often than not).
    let adverb = BETWEEN.contains(&ctx.word(c0)) || cues::ly_adverb(ctx.word(c0));
    let noun = p > 0
        && ctx.eq(p - 1, "that")
        && (c1 + 1 >= ctx.toks.len()
            || matches!(ctx.punct(c1 + 1), "." | "," | ";" | ")")
            || is_auxiliary(&ctx.word(c1 + 1).to_ascii_lowercase()));
    // "which is widely expected to come", "but is not expected to
    // sign": an expectation with no source, whose subject is its topic
    // (PolNeAR annotates these as it does "X is expected to").
    let expectation = ctx.eq(c1, "expected") && ctx.eq(c1 + 1, "to") && passive(ctx, p, c1);
    let relative_passive = p > 0 && passive(ctx, p, c1) && !ctx.eq(p - 1, "who") && !expectation;
    // A weak cue after "that" or "which" ("a year that has pushed", "a
    // prototype that can show", "the film, which sees Cage's character
    // chase a fortune"): things more often than speakers; on BBC News
    // nearly all of them were false claims.
    let thing = p > 0
        && cue.weak
        && !expectation
        && (ctx.eq(p - 1, "that")
            || (ctx.eq(p - 1, "which")
                && ["see", "sees", "saw", "seen", "seeing"]
                    .iter()
                    .any(|w| ctx.eq(c0, w))));
    if p > floor && !then_verb && !adverb && !noun && !relative_passive && !thing {
        if let Some((antecedent, comma)) = relative_antecedent(ctx, p - 1, floor) {
            source = Some(antecedent);
            relative_clause = comma;
        }
    }
    // "Mr Mubanga, 32, from Wembley, London, said": where someone comes
    // from, and their age, are appositions to the name before them.
    if let Some(r) = source.clone() {
        if ctx.eq(r.start, "from") && ctx.is_lower(r.start) {
            source = name_before_origin(ctx, r.start, floor).or(source);
        }
    }
    if source.is_none() && p > floor && !then_verb {
        source = ctx.np_before_parenthetical(p - 1, floor);
    }
    // A participle after a comma continues the previous speaker, also
    // after a comma closing a quotation ("“a disaster,” adding ...").
    // So does a verb after ", then" ("The mayor spoke for an hour, then
    // slammed the closure"): the verb has no subject of its own.
    let after_comma = p > a
        && (ctx.punct(p - 1) == ","
            || (p > a + 1 && ctx.toks[p - 1].is_quote() && ctx.punct(p - 2) == ","));
    let participle = p > a
        && ((ctx.word(c0).ends_with("ing") && after_comma)
            || ctx.eq(p - 1, "and")
            || ctx.eq(p - 1, "but")
            || then_verb);
    if participle && source.is_none() {
        source = last_source.clone();
    }
    // With no claim before it to take the source from, a verb after ", then"
    // takes the subject of the clause before: "The senator left the hall,
    // then praised the new governor".
    if source.is_none() && floor == a && then_verb {
        source = first_clause_subject(ctx, a, p - 1);
    }
    // "The minister visited the plant and said the closure was a
    // mistake": a second verb of the clause's subject, with no claim
    // before it. Not for weak cues: on BBC News most of those were
    // actions ("She will run in Glasgow and may defend her title").
    if source.is_none()
        && floor == a
        && p > a + 2
        && (ctx.eq(p - 1, "and") || ctx.eq(p - 1, "but"))
        && ctx.is_lower(c0)
        && !ctx.word(c0).ends_with("ing")
        && !adverb
        && ((!passive(ctx, p, c1) && !cue.weak) || expectation)
    {
        source = first_clause_subject(ctx, a, p - 1).filter(|s| s.end + 1 < p - 1);
    }
    // "Sen. Cruz, also a candidate, called the group abhorrent": the
    // subject opens the sentence and a parenthetical stands between.
    if source.is_none() && !participle && ctx.punct(p.saturating_sub(1)) == "," {
        source = opening_subject(ctx, floor, p - 1);
    }
    // "Warren, who has not endorsed a candidate, told reporters": the
    // claim of the relative clause ended at the comma, and the verb after
    // it is the verb of the noun before the clause.
    if source.is_none() && !participle && p > a && ctx.punct(p - 1) == "," {
        source = subject_before_relative(ctx, p - 1, a);
    }
    // A weak cue counts with a subject, after "to" or as a participle after
    // a comma ("..., calling him a liar").
    let licensed = source.is_some()
        || infinitive
        || (ctx.word(c0).ends_with("ing")
            && ctx.is_lower(c0)
            && p > a
            && (after_comma
                || ["and", "after", "before", "while", "by", "without"]
                    .iter()
                    .any(|w| ctx.eq(p - 1, w))));
    // "After thanking the crowd, he left": the adverbial clause ends at the
    // comma and so does its content.
    let adverbial = source.is_none()
        && p > a
        && ["after", "before", "while", "by", "without"]
            .iter()
            .any(|w| ctx.eq(p - 1, w));

    // A passive ("David Miliband is seen as a key lieutenant"): the subject
    // is the topic, which PolNeAR puts in the content; the source is the
    // "by" agent or none.
    let mut cursor = after;
    let mut topic: Option<Range<usize>> = None;
    let passive = passive(ctx, p, c1) && !infinitive;
    if passive {
        // The "as" of "is seen as" stays out of the cue: on PolNeAR train
        // keeping it made 17 exact cues 12.
        topic = source.take().filter(|t| t.end <= p);
        if issued_thing(ctx, c1, topic.as_ref()) {
            return None;
        }
        if let Some(agent) = by_agent(ctx, cursor, b) {
            cursor = agent.end;
            source = Some(agent);
        }
    }
    let extra_topic = || topic.as_ref().map(|t| ctx.bytes(t));

    // Inversion: “QUOTE,” said SOURCE.
    let mut fwd_source = false;
    if source.is_none()
        && !passive
        && !cue.listener
        && cue.particle.is_none()
        && cues::inverts(ctx.word(c0))
    {
        let starts_np = ctx.toks.get(after).is_some_and(|t| {
            t.is_word()
                && (!ctx.is_lower(after) || ["the", "a", "an", "one"].contains(&ctx.word(after)))
        });
        let before_is_quote = p > a && ctx.quote_ending_at(p - 1, floor).is_some();
        // "X called for a ban, said John Smith": the claim before ended at
        // this comma (see `clause_ends`), and the verb closes it.
        let after_claim = p > a + 1 && floor > a && floor + 1 == p && ctx.punct(p - 1) == ",";
        // "Trade barriers distort the market, says Frederic Sawicki, a
        // lecturer": a clause of its own before the comma and a name
        // after the verb, with no claim before; the verb takes the name
        // as its source and the clause as its content. (A name only: "...,
        // said the minister had" may open a content of its own.)
        let after_clause = floor == a
            && p > a + 3
            && ctx.punct(p - 1) == ","
            && (a..p - 1).filter(|&k| ctx.toks[k].is_word()).count() >= 3
            && ctx.toks[after].is_word()
            && !ctx.is_lower(after);
        if starts_np && (before_is_quote || after_claim || after_clause) {
            // After a clause, the source is a name (capitalised words)
            // that ends at a comma, a full stop or the sentence's end: in
            // "..., said Mr Blair should resign" it is the subject of the
            // content.
            let src = ctx.np_forward(after, b).filter(|src| {
                let name = (src.start..src.end).all(|k| !ctx.toks[k].is_word() || !ctx.is_lower(k))
                    && src.end - src.start <= 5;
                let ends = src.end >= b || matches!(ctx.punct(src.end), "," | "." | ";");
                before_is_quote || after_claim || (name && ends)
            });
            if let Some(src) = src {
                if (after_claim || after_clause) && !before_is_quote {
                    // Its content is the clause before, which holds the
                    // claim before (PolNeAR nests it there), not the
                    // words after the source ("..., a lobbyist").
                    let next = src.end;
                    return Some((
                        Found {
                            cue: cue_bytes,
                            source: Some(ctx.bytes(&src)),
                            content: ctx.trim(a, p - 1).map(|r| ctx.bytes(&r)),
                            extra: extra_topic(),
                        },
                        Some(src),
                        next,
                    ));
                }
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
        if !licensed && cue.weak {
            return None;
        }
        return Some((
            Found {
                cue: cue_bytes,
                source: source.as_ref().map(|r| ctx.bytes(r)),
                content: Some(ctx.bytes(&content)),
                extra: extra_topic(),
            },
            source,
            end,
        ));
    }
    // "said (yesterday / on Monday) that ...": content starts after "that".
    let mut k = cursor;
    let mut has_that = false;
    while k < b && k < cursor + 6 && (ctx.toks[k].is_word() || ctx.punct(k) == ".") {
        // "denied it but admitted that ...": the "that" of a second verb
        // is that verb's.
        if k > cursor && (ctx.eq(k, "and") || ctx.eq(k, "but") || cue_at(ctx, k).is_some()) {
            break;
        }
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
        if !licensed && cue.weak && !has_that {
            return None;
        }
        // Up to a later ", adding ...", ", according to ..." or the end.
        let mut end = b;
        let mut k = cursor + 1;
        while k + 1 < b {
            if ctx.in_closed_quote(k) {
                // Jump over quotations: each token is looked at once.
                let last = ctx.quote_of(k).map_or(k, |q| q.last.max(k));
                // A quotation closed by a comma (`,”`) is a joint like a
                // comma outside it ("... “an absolute disgrace,” adding
                // ..."): the content ends with the closing mark.
                if last > k && ctx.punct(last - 1) == "," && clause_ends(ctx, ",", last + 1, b) {
                    end = last + 1;
                    break;
                }
                k = last + 1;
                continue;
            }
            if (adverbial || relative_clause) && ctx.punct(k) == "," {
                end = k;
                break;
            }
            let mark = ctx.punct(k);
            let joint = matches!(mark, "," | ";") || ctx.eq(k, "and") || ctx.eq(k, "but");
            if joint && clause_ends(ctx, mark, k + 1, b) {
                end = k;
                break;
            }
            k += 1;
        }
        let content = ctx.trim(cursor, end);
        // "The takeover was announced on Monday": after a passive cue only
        // a time or a place follows, and what was announced is the
        // subject.
        if let (Some(t), Some(c)) = (&topic, &content) {
            if only_when_or_where(ctx, c) {
                return Some((
                    Found {
                        cue: cue_bytes,
                        source: source.as_ref().map(|r| ctx.bytes(r)),
                        content: Some(ctx.bytes(t)),
                        extra: None,
                    },
                    source,
                    end,
                ));
            }
        }
        return Some((
            Found {
                cue: cue_bytes,
                source: source.as_ref().map(|r| ctx.bytes(r)),
                content: content.map(|r| ctx.bytes(&r)),
                extra: extra_topic(),
            },
            source,
            end,
        ));
    }

    // The cue closes the sentence: CONTENT, SOURCE CUE.
    if cue.weak && source.is_none() && topic.is_none() {
        return None;
    }
    let mut content = if src_start > floor {
        ctx.trim(floor, src_start)
    } else {
        None
    };
    // “QUOTE,” the Finance and Economy Ministry said: the source stopped
    // short of the words after the quotation, which are part of the
    // attribution, not of what was said. The content ends at the closing
    // mark, and the source takes those words when they are a plain noun
    // phrase. Words with a verb of their own ("Reuters quoted X as
    // saying", "X told reporters") are left as they were: cut off, the
    // cue model reads a claim of their own in them, with the wrong
    // content.
    if let Some(last) = content
        .as_ref()
        .and_then(|c| quote_before_attribution(ctx, c))
    {
        let gap = last + 1..src_start;
        let own_verb = gap
            .clone()
            .any(|k| ctx.toks[k].is_word() && (ctx.eq(k, "as") || cue_at(ctx, k).is_some()));
        if !own_verb {
            let plain = !passive
                && gap.clone().all(|k| {
                    if ctx.toks[k].is_word() {
                        !is_auxiliary(&ctx.word(k).to_ascii_lowercase())
                    } else {
                        matches!(ctx.punct(k), "," | "-" | "–" | "—" | "(" | ")")
                    }
                });
            match source.as_mut() {
                Some(s) if plain && !fwd_source && s.start == src_start => {
                    if let Some(r) = ctx.trim(gap.start, s.end) {
                        *s = r;
                    }
                }
                None if plain => source = ctx.trim(gap.start, gap.end),
                _ => {}
            }
            content = content.map(|c| c.start..last + 1);
        }
    }
    let content = match content {
        Some(c) => Some(ctx.bytes(&c)),
        None => prev_quote.map(|q| ctx.bytes(&q)),
    };
    if content.is_none() && source.is_none() && topic.is_none() {
        return None;
    }
    Some((
        Found {
            cue: cue_bytes,
            source: source.as_ref().map(|r| ctx.bytes(r)),
            content,
            extra: extra_topic(),
        },
        source,
        b,
    ))
}

/// Words that open a noun phrase or a clause of their own when they come
/// right after a noun: "According to the police the driver was drunk".
const OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "most", "many", "some", "several", "there", "he",
    "she", "it", "they", "we",
];

/// The source of an opening "According to SOURCE CONTENT" that has no
/// comma after its source, or whose source `np_forward` cut short at a
/// cue word or "and" ("According to local press reports, ...", "According
/// to a filing with the Securities and Exchange Commission, ..."). Within
/// 16 tokens, the source ends where a noun is followed by a word that
/// opens a phrase of its own ("the police | the driver was", "Ofcom |
/// there were"), else at a comma; at other punctuation or a clause word
/// it stays as `np_forward` found it.
fn according_source(ctx: &Ctx, src: Range<usize>, b: usize) -> Range<usize> {
    let link = |k: usize| {
        !ctx.toks[k].is_word()
            || is_determiner(ctx.word(k))
            || OPENERS.iter().any(|w| ctx.eq(k, w))
            || [
                "of", "in", "for", "at", "on", "from", "with", "by", "to", "and", "or", "about",
                "all", "both", "each",
            ]
            .iter()
            .any(|w| ctx.eq(k, w))
            || (ctx.is_lower(k) && ctx.word(k).ends_with("ing"))
    };
    for k in src.start + 1..b.min(src.start + 16) {
        if ctx.toks[k].is_word() {
            let opens = ctx.is_lower(k)
                && OPENERS.iter().any(|w| ctx.eq(k, w))
                && !link(k - 1)
                // "company the Radicati Group": a name after it is an
                // apposition.
                && (ctx.word(k) == "there"
                    || !matches!(ctx.word(k), "the" | "a" | "an" | "this" | "these" | "those")
                    || ctx.is_lower(k + 1));
            if opens {
                return src.start..k;
            }
            if k >= src.end && STOPS.iter().any(|w| ctx.eq(k, w)) && !ctx.eq(k, "and") {
                return src;
            }
            continue;
        }
        match ctx.punct(k) {
            "," => return if k > src.end { src.start..k } else { src },
            "&" | "-" | "(" | ")" => {}
            _ => return src,
        }
    }
    src
}

/// The closing mark of a quotation that opens the content `c` (a token
/// range) and ends a clause (`,”`, `?”`, `!”` or `”,`) before the end of
/// `c`, with no other quotation after it: the rest of `c` stands between
/// the quotation and its cue.
fn quote_before_attribution(ctx: &Ctx, c: &Range<usize>) -> Option<usize> {
    let q = ctx.quote_of(c.start)?;
    if !q.closed || q.open != c.start || q.last + 1 >= c.end {
        return None;
    }
    let ends_clause =
        matches!(ctx.punct(q.last - 1), "," | "?" | "!") || ctx.punct(q.last + 1) == ",";
    let no_other_quote = (q.last + 1..c.end).all(|k| !ctx.toks[k].is_quote());
    (ends_clause && no_other_quote).then_some(q.last)
}

/// Whether the content of a claim ends at a joint (`mark`: a comma, a
/// semicolon, or "" for "and", "but") whose next token is `s`: a cue of
/// the same subject follows (", adding ...", "and told ...", ", then
/// slammed ..."), ", according to", or a clause with its own speaker.
fn clause_ends(ctx: &Ctx, mark: &str, s: usize, b: usize) -> bool {
    if s >= b {
        return false;
    }
    let mut n = s;
    while n < b && ctx.is_lower(n) && BETWEEN.contains(&ctx.word(n)) {
        n += 1;
    }
    let w = ctx.word(n);
    if let Some((_, _, c)) = cue_at(ctx, n) {
        let participle = w.ends_with("ing") && mark == ",";
        let verb = !mark.is_empty() || !w.ends_with("ing");
        // ", then slammed ...": a second verb of the same subject.
        let then = mark == "," && n > s && ctx.eq(s, "then");
        if (!c.weak && verb && (participle || mark.is_empty()))
            || (ctx.eq(n, "according") && mark == ",")
            || then
        {
            return true;
        }
    }
    if mark == "," && new_speaker(ctx, s, b) {
        return true;
    }
    // ", said Alan Abramowitz, a demographer": a closing attribution of
    // its own.
    if mark == "," && inverted_speaker(ctx, s, b) {
        return true;
    }
    // ", he said", "; they argued that": a pronoun and its own cue.
    // The same test (and `new_speaker`) after "and", "but", ", while"
    // raised exact-cue recall on train by 0.1 at 0.1 less claim
    // precision and the same claim F1, and is left out.
    matches!(mark, "," | ";") && pronoun_speaker(ctx, s, b)
}

/// "said Alan Abramowitz", "says a spokesman": a verb of saying that
/// stands before its subject, then a capitalised word or a determiner.
fn inverted_speaker(ctx: &Ctx, s: usize, b: usize) -> bool {
    s + 1 < b
        && ctx.is_lower(s)
        && cues::inverts(ctx.word(s))
        && ctx.toks[s + 1].is_word()
        && (!ctx.is_lower(s + 1) || ["a", "an", "the", "one"].contains(&ctx.word(s + 1)))
}

/// "he said", "they also argued": a personal pronoun, then a cue that is
/// not weak.
fn pronoun_speaker(ctx: &Ctx, s: usize, b: usize) -> bool {
    if !["he", "she", "they", "we", "i"]
        .iter()
        .any(|w| ctx.eq(s, w))
    {
        return false;
    }
    let mut n = s + 1;
    while n < b && ctx.is_lower(n) && BETWEEN.contains(&ctx.word(n)) {
        n += 1;
    }
    n < b && ctx.is_lower(n) && cue_at(ctx, n).is_some_and(|(_, _, c)| !c.weak)
}

/// Whether a clause of its own with a speaker starts at token `s`: a
/// short noun phrase opening with a determiner or a capital, then a
/// verb of saying in the past ("..., a spokesman told reporters that
/// ...", "..., Smith said"). The content before it ends at its comma.
fn new_speaker(ctx: &Ctx, s: usize, b: usize) -> bool {
    let opens = ctx.toks.get(s).is_some_and(|t| t.is_word())
        && (!ctx.is_lower(s) || ["a", "an", "the", "his", "her", "their"].contains(&ctx.word(s)))
        && !STOPS.iter().any(|w| ctx.eq(s, w));
    if !opens {
        return false;
    }
    let mut n = s + 1;
    while n < b && n < s + 6 {
        if !ctx.toks[n].is_word() || ctx.in_closed_quote(n) {
            return false;
        }
        if ctx.is_lower(n) {
            if let Some((_, _, c)) = cue_at(ctx, n) {
                return !c.weak
                    && ctx.word(n).ends_with(['d', 't'])
                    && ctx.np_back_strict(n - 1, s).is_some_and(|np| np.start == s);
            }
            if STOPS.iter().any(|w| ctx.eq(n, w)) || finite_verb(ctx, n) {
                return false;
            }
        }
        n += 1;
    }
    false
}

/// Whether the tokens `r` after a passive cue say only when or where
/// ("on Monday", "last week", "at a ceremony in London"): a short phrase
/// that opens with a preposition of time or place or a word of time and
/// holds no "as", "that" or "to" (which open a complement: "is seen in
/// the party as a moderate").
fn only_when_or_where(ctx: &Ctx, r: &Range<usize>) -> bool {
    const OPENERS: &[&str] = &[
        "on",
        "in",
        "at",
        "last",
        "next",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
        "during",
        "overnight",
    ];
    let words = (r.start..r.end).filter(|&k| ctx.toks[k].is_word()).count();
    r.start < r.end
        && words <= 8
        && OPENERS.iter().any(|w| ctx.eq(r.start, w))
        && !(r.start..r.end).any(|k| ["as", "that", "to"].iter().any(|w| ctx.eq(k, w)))
}

/// Verbs of putting something out or on show: in the passive they report
/// what someone said only when the thing is a text ("the report was
/// released amid growing concern") or a complement follows ("was shown to
/// be false", "is shown discussing his plan"). "as" after them is a
/// conjunction or a form ("was shown as the All Blacks swatted Wales
/// aside", "will not be released as a single"), not "is seen as".
const ISSUING: &[&str] = &[
    "released",
    "published",
    "issued",
    "posted",
    "shown",
    "screened",
    "broadcast",
    "aired",
    "televised",
    "unveiled",
    "launched",
];

/// Heads of subjects whose release or showing puts out what someone said.
const TEXT_HEADS: &[&str] = &[
    "report",
    "reports",
    "memo",
    "memos",
    "statement",
    "statements",
    "letter",
    "letters",
    "email",
    "emails",
    "e-mail",
    "e-mails",
    "video",
    "videos",
    "footage",
    "tape",
    "tapes",
    "recording",
    "recordings",
    "transcript",
    "transcripts",
    "document",
    "documents",
    "data",
    "figures",
    "findings",
    "results",
    "details",
    "survey",
    "surveys",
    "poll",
    "polls",
    "study",
    "studies",
    "analysis",
    "review",
    "text",
    "list",
    "listing",
    "comment",
    "comments",
    "remarks",
    "message",
    "messages",
    "records",
    "paper",
    "papers",
    "minutes",
    "evidence",
    "information",
    "news",
    "guidance",
    "guidelines",
    "estimates",
    "numbers",
    "statistics",
    "forecast",
    "forecasts",
    "warning",
    "warnings",
    "ad",
    "ads",
    "advert",
    "notice",
    "tweet",
    "tweets",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "images",
    "proposals",
    "plans",
    "verdict",
    "ruling",
    "judgment",
    "judgement",
    "opinion",
    "advice",
    "conclusions",
    "accounts",
    "inquiry",
    "audit",
    "bulletin",
    "communique",
    "manifesto",
];

/// Whether a passive cue of `ISSUING` at `head` puts out a thing, not what
/// someone said: a film, an album, a programme or a game released or shown
/// ("The album was released in 2003", "The awards will be shown on BBC
/// One"), or a person released from custody ("She was later released").
/// `topic` is its subject. On BBC News these passives were false alarms
/// but for those of texts ("the report was published by ..."); on PolNeAR
/// train the gold ones have a text as subject or a complement after the
/// verb.
pub(crate) fn issued_thing(ctx: &Ctx, head: usize, topic: Option<&Range<usize>>) -> bool {
    if !ISSUING.iter().any(|w| ctx.eq(head, w)) {
        return false;
    }
    let next = ctx.word(head + 1);
    let complement = (next.ends_with("ing") && ctx.is_lower(head + 1))
        || ["that", "saying"].iter().any(|w| ctx.eq(head + 1, w))
        || (ctx.eq(head + 1, "to")
            && ctx.is_lower(head + 2)
            && !is_determiner(ctx.word(head + 2))
            && !is_pronoun(ctx.word(head + 2)));
    if complement {
        return false;
    }
    let text = topic.is_some_and(|t| {
        let head = (t.start..t.end)
            .filter(|&k| ctx.toks[k].is_word())
            .take_while(|&k| {
                !["of", "in", "on", "from", "for", "about", "by"]
                    .iter()
                    .any(|w| ctx.eq(k, w))
            })
            .last();
        head.is_some_and(|k| TEXT_HEADS.iter().any(|w| ctx.eq(k, w)))
    });
    !text
}

/// Past participles not in "-ed" that a passive cue may end in.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "seen",
    "thought",
    "told",
    "said",
    "known",
    "shown",
    "held",
    "given",
    "heard",
    "understood",
    "written",
    "taken",
    "made",
    "found",
    "sought",
];

/// Whether the cue whose words run from token `first` to its head verb
/// `head` is a passive: a form of "be" before a past participle ("is seen",
/// "was widely expected", "have been asked"). Its subject is what the
/// claim is about, not who makes it: on PolNeAR train a passive cue has no
/// source or a "by" agent in most cases ("is expected" 70 times without a
/// source, "is seen" 16, "was asked" 23 of 26). An adjective of feeling
/// ("is worried", "are convinced") is its subject's own state, and
/// "was quoted as saying" names its speaker: neither is a passive here.
pub(crate) fn passive(ctx: &Ctx, first: usize, head: usize) -> bool {
    let w = ctx.word(head);
    let participle = (w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w);
    participle
        && ctx.is_lower(head)
        && !ctx.eq(head, "quoted")
        && nouns::role(w) != Some(nouns::Role::Adjective)
        && (first..head).any(|k| ctx.is_lower(k) && nouns::is_copula(ctx.word(k)))
}

/// The agent of a passive cue after "by" at token `k`: the noun phrase
/// alone, as PolNeAR marks a source ("accused by [the Turkish
/// government]": "by" is outside the source in 247 of 258 train sources
/// after it).
pub(crate) fn by_agent(ctx: &Ctx, k: usize, b: usize) -> Option<Range<usize>> {
    if !ctx.eq(k, "by") || !ctx.is_lower(k) {
        return None;
    }
    // "is considered by experts to be one of the worst": the infinitive
    // is the content, not part of the agent ("to the UN" is).
    let np = ctx.np_forward(k + 1, b)?;
    let end = (np.start + 1..np.end)
        .find(|&j| {
            ctx.eq(j, "to")
                && ctx.is_lower(j)
                && ctx.is_lower(j + 1)
                && !is_determiner(ctx.word(j + 1))
        })
        .unwrap_or(np.end);
    Some(k + 1..end)
}

/// Whether the tokens `r` are one "-ing" word that modifies the noun after
/// it inside a noun phrase closed by punctuation: "the manifesto writing
/// team.", "a new swimming pool,". On PolNeAR train such a word (after a
/// determiner and a word, before a word that is no pronoun) is part of a
/// gold cue in 2 of 89 cases.
pub(crate) fn noun_modifier(ctx: &Ctx, r: &Range<usize>) -> bool {
    let i = r.start;
    let determiners = [
        "the", "a", "an", "his", "her", "their", "its", "our", "this", "my", "your",
    ];
    r.len() == 1
        && i >= 2
        && ctx.word(i).ends_with("ing")
        && ctx.is_lower(i)
        && determiners.iter().any(|w| ctx.eq(i - 2, w))
        && ctx.is_lower(i - 1)
        && ctx.is_lower(i + 1)
        && !is_pronoun(ctx.word(i + 1))
        && !["him", "her", "them", "me", "us", "it"]
            .iter()
            .any(|w| ctx.eq(i + 1, w))
        && matches!(ctx.punct(i + 2), "." | "," | ";" | ":" | ")")
}

/// Whether a pronoun: "he", "she", "they", ...
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}
