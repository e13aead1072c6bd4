//! Tense of the clause around an expression, used to pick the direction of
//! underspecified dates ("Tuesday", "in March", "Sept. 11").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::token::{Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "came",
    "went",
    "took",
    "made",
    "met",
    "gave",
    "began",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "held",
    "left",
    "saw",
    "got",
    "put",
    "set",
    "hit",
    "cut",
    "led",
    "paid",
    "spent",
    "sent",
    "brought",
    "thought",
    "found",
    "became",
    "kept",
    "ran",
    "spoke",
    "wrote",
    "broke",
    "chose",
    "drove",
    "flew",
    "fought",
    "grew",
    "heard",
    "knew",
    "meant",
    "shot",
    "stood",
    "struck",
    "taught",
    "threw",
    "understood",
    "wore",
    "ago",
    "earlier",
    "last",
    "yesterday",
    "since",
];

const PRESENT: &[&str] = &["is", "are", "says", "say", "am", "does", "has", "have"];

/// Verbs of scheduled events: in the simple present they tell what is
/// timetabled ("The talks begin on Monday", "Voters go to the polls on
/// Sunday", "The law comes into force on Monday"), so the day lies ahead.
/// A past event with a weekday is told in the past tense. Forms that are
/// more often nouns ("an early start", "the public vote") are left out.
const FUTURATE: &[&str] = &[
    "begin", "begins", "starts", "open", "opens", "resume", "resumes", "meet", "meets", "arrive",
    "arrives", "go", "goes", "come", "comes", "take", "takes", "expire", "expires", "kicks",
    "host", "hosts", "face", "faces", "play", "plays",
    // Only the "-s" forms of these: the bare ones are nouns as often ("a
    // record close on Wednesday", "the public vote on Friday").
    "closes", "ends", "finishes", "leaves", "flies", "travels", "launches",
];

/// Words right before a verb form of [`FUTURATE`] that make it no simple
/// present:
/// an infinitive ("flew to Paris to meet him on Monday", "let them go"), a
/// negated, modal or perfect form ("did not meet on Monday", "have come
/// down since"), or a noun after a determiner ("the vote on Sunday").
const NOT_FUTURATE_AFTER: &[&str] = &[
    "to", "did", "didn't", "not", "never", "could", "would", "might", "should", "can", "may",
    "must", "have", "has", "had", "having", "be", "been", "being", "let", "make", "made", "a",
    "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those", "s",
    // The end of a negated contraction: "didn't", "don't", "won't".
    "t",
];

/// Every word a literal arm of [`classify`]'s match names.
const ARM_WORDS: &[&str] = &[
    "travel",
    "fly",
    "scheduled",
    "due",
    "expected",
    "set",
    "slated",
    "planned",
    "will",
    "shall",
    "ll",
    "tomorrow",
    "next",
    "upcoming",
    "would",
    "is",
    "are",
    "was",
    "were",
    "expect",
    "expects",
    "plans",
    "plan",
    "intends",
    "intend",
    "going",
    "planning",
    "hopes",
    "hope",
    "aims",
    "likely",
    "unlikely",
    "poised",
    "soon",
    "early",
    "until",
    "till",
    "through",
    "payable",
    "effective",
    "ago",
    "earlier",
    "last",
    "yesterday",
    "since",
];

/// Bits of [`WORD_SETS`]: which lists a lowercased word is in.
const IN_ARM: u8 = 1;
const IN_PAST: u8 = 2;
const IN_PRESENT: u8 = 4;
const IN_FUTURATE: u8 = 8;

/// The lists [`classify`] asks about, as one table looked up once per
/// word rather than each list searched string by string (most words are
/// in none, and then `classify` stops at once).
static WORD_SETS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, u8> = FxHashMap::default();
    for (list, bit) in [
        (ARM_WORDS, IN_ARM),
        (PAST, IN_PAST),
        (PRESENT, IN_PRESENT),
        (FUTURATE, IN_FUTURATE),
    ] {
        for w in list {
            *m.entry(w).or_insert(0) |= bit;
        }
    }
    m
});

/// `w` in ASCII lowercase, in `buf`; `None` when it is longer than `buf`.
fn lower<'b>(w: &str, buf: &'b mut [u8; 14]) -> Option<&'b str> {
    let b = buf.get_mut(..w.len())?;
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    // ASCII lowercasing keeps valid UTF-8 valid.
    std::str::from_utf8(b).ok()
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

/// The tense token `j` marks; `after` says it follows the expression.
fn classify(text: &str, toks: &[Tok], j: usize, after: bool) -> Option<Tense> {
    let t = &toks[j];
    if t.kind != Kind::Word {
        return None;
    }
    let w = word(text, t);
    let mut buf = [0u8; 14];
    let lw = lower(w, &mut buf)?;
    let sets = WORD_SETS.get(lw).copied().unwrap_or(0);
    // A word in no list can only be an "-ed" form (the last arms below).
    if sets == 0 && !(lw.len() > 4 && lw.ends_with("ed") && !t.cap) {
        return None;
    }
    let next = toks.get(j + 1).map(|n| word(text, n));
    let next_to = next.is_some_and(|n| n.eq_ignore_ascii_case("to"));
    match lw {
        // "at 10am on Tuesday": the "am" of a clock time is no verb.
        "am" if j > 0 && toks[j - 1].is_num() => None,
        // "had been scheduled to expire Friday", "was due to end Monday": a
        // plan reported in the past is about a day already gone.
        "scheduled" | "due" | "expected" | "set" | "slated" | "planned"
            if past_auxiliary_before(text, toks, j) =>
        {
            Some(Tense::Past)
        }
        // "is due Monday", "are set for Friday", "a meeting on Tuesday is
        // planned": a plan stated in the present is about a day ahead.
        "scheduled" | "due" | "expected" | "set" | "slated" | "planned"
            if present_auxiliary_before(text, toks, j) =>
        {
            Some(Tense::Future)
        }
        // "On Friday, the government planned to send aid": the day is when
        // the plan was made, a past day; in "planned to leave on Thursday"
        // (the expression after the verb) it is the planned day, ahead.
        "planned"
            if next_to
                && after
                && !j.checked_sub(1).is_some_and(|p| {
                    let w = word(text, &toks[p]);
                    ["is", "are", "be"]
                        .iter()
                        .any(|x| w.eq_ignore_ascii_case(x))
                }) =>
        {
            Some(Tense::Past)
        }
        // "The Gunners travel to St James' Park on Wednesday", "they fly
        // out to Rome": the bare verb of a journey after a plural subject
        // (a capitalised name inside the sentence, "we", "they") and
        // before its destination is timetabled. After a determiner or at
        // the start of a sentence the word is the noun ("Air travel to
        // Spain on Wednesday").
        "travel" | "fly" if journey_after_subject(text, toks, j) => Some(Tense::Future),
        "will" | "shall" | "ll" | "tomorrow" | "next" | "upcoming" | "would" | "scheduled" => {
            Some(Tense::Future)
        }
        "is" | "are" | "was" | "were" if next_to => Some(Tense::Future),
        // "are planning a protest on Wednesday": a plan in the present
        // progressive is for a day ahead, like "are planning to".
        "is" | "are"
            if next.is_some_and(|n| {
                [
                    "scheduled",
                    "due",
                    "expected",
                    "set",
                    "slated",
                    "planned",
                    "planning",
                ]
                .iter()
                .any(|x| n.eq_ignore_ascii_case(x))
            }) =>
        {
            Some(Tense::Future)
        }
        // "they expect the transaction to be completed by Dec. 15": the
        // infinitive after the object is the expected event, ahead.
        "expect" | "expects" if to_after_object(text, toks, j) => Some(Tense::Future),
        "expected" | "due" | "planned" | "plans" | "plan" | "intends" | "intend" | "going"
        | "set" | "slated" | "planning" | "expects" | "expect" | "hopes" | "hope" | "aims"
        | "likely" | "unlikely" | "poised"
            if next_to =>
        {
            Some(Tense::Future)
        }
        "soon" | "early" if j > 0 && word(text, &toks[j - 1]).eq_ignore_ascii_case("as") => {
            Some(Tense::Future)
        }
        // "until Thursday" looks ahead, unless the clause is in the past
        // perfect: "Until Thursday, they had not called him a suspect."
        "until" | "till" if !had_follows(text, toks, j) => Some(Tense::Future),
        "until" | "till" => Some(Tense::Past),
        // "extended the loans through January": an extension runs on past
        // the day it is granted.
        "through" if extension_before(text, toks, j) => Some(Tense::Future),
        // "payable Dec. 7", "effective Feb. 1": dividends and rules that take
        // effect are announced ahead; "became effective" stays past.
        "payable" | "effective"
            if !j.checked_sub(1).is_some_and(|p| {
                let w = word(text, &toks[p]);
                ["became", "was", "were", "been", "had"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
            }) =>
        {
            Some(Tense::Future)
        }
        // Adverbs and prepositions of the past take no auxiliary: "the
        // change is since year-end" looks back.
        "ago" | "earlier" | "last" | "yesterday" | "since" => Some(Tense::Past),
        _ if sets & IN_PAST != 0 || (lw.len() > 4 && lw.ends_with("ed") && !t.cap) => {
            // A participle after "be"/"to" takes the tense of its auxiliary.
            // A word longer than the buffer is none of the words below.
            let mut prev_buf = [0u8; 14];
            let prev = j
                .checked_sub(1)
                .map(|p| lower(word(text, &toks[p]), &mut prev_buf).unwrap_or(""));
            let verb_form = sets & IN_PAST != 0;
            match prev {
                Some("be" | "been" | "being" | "to") if !matches!(lw, "was" | "were" | "had") => {
                    None
                }
                // "has risen since March": the present perfect reports a
                // finished event, so its dates lie behind.
                Some("has" | "have") => Some(Tense::Past),
                Some("is" | "are") => Some(Tense::Present),
                // "a still unspecified date", "the expected merger": an
                // "-ed" word after a determiner is an adjective, not a verb.
                Some(
                    "a" | "an" | "the" | "still" | "its" | "their" | "his" | "her" | "our"
                    | "newly" | "previously" | "already" | "long",
                ) if !verb_form => None,
                _ => Some(Tense::Past),
            }
        }
        _ if sets & IN_PRESENT != 0 => Some(Tense::Present),
        _ if sets & IN_FUTURATE != 0
            && !t.cap
            && (!j.checked_sub(1).is_some_and(|k| {
                let w = word(text, &toks[k]);
                NOT_FUTURATE_AFTER.iter().any(|x| w.eq_ignore_ascii_case(x))
            }) || team_to(text, toks, j))
            && !bare_infinitive(text, toks, j) =>
        {
            Some(Tense::Future)
        }
        _ => None,
    }
}

/// The tense the single word at token `j` marks, if any.
pub fn tense_of_word(text: &str, toks: &[Tok], j: usize) -> Option<Tense> {
    if j >= toks.len() {
        return None;
    }
    classify(text, toks, j, false)
}

/// Nouns of a side picked for a match: the infinitive after them is the
/// match it is picked for ("Italy's team to face Scotland on Saturday").
const TEAM_NOUNS: &[&str] = &["team", "side", "squad", "lineup", "xv"];

/// "the team to face Scotland on Saturday", "their squad to play Wales":
/// the verb at `j` is an infinitive after a noun of a side. A side is named
/// before its match, so the day lies ahead, where "refused to play on
/// Sunday" (a verb before "to") takes the tense of that verb.
fn team_to(text: &str, toks: &[Tok], j: usize) -> bool {
    j >= 2
        && word(text, &toks[j - 1]).eq_ignore_ascii_case("to")
        && TEAM_NOUNS
            .iter()
            .any(|n| word(text, &toks[j - 2]).eq_ignore_ascii_case(n))
}

/// "to" within the four words after token `j` ("expect the deal to"), with
/// no sentence or clause break between.
fn to_after_object(text: &str, toks: &[Tok], j: usize) -> bool {
    toks.iter()
        .skip(j + 1)
        .take(4)
        .take_while(|t| !boundary(t) && !t.is_punct(b','))
        .any(|t| word(text, t).eq_ignore_ascii_case("to"))
}

/// A form of "extend" within the twelve tokens before token `j`, in its
/// clause.
fn extension_before(text: &str, toks: &[Tok], j: usize) -> bool {
    toks[j.saturating_sub(12)..j]
        .iter()
        .rev()
        .take_while(|t| !boundary(t))
        .any(|t| {
            let w = word(text, t);
            w.len() >= 6 && w.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("extend"))
        })
}

/// A past-perfect "had" later in the clause of token `j`.
fn had_follows(text: &str, toks: &[Tok], j: usize) -> bool {
    toks.iter()
        .skip(j + 1)
        .take(10)
        .take_while(|t| !boundary(t))
        .any(|t| word(text, t).eq_ignore_ascii_case("had"))
}

/// "had been", "was", "were" right before token `j`.
fn past_auxiliary_before(text: &str, toks: &[Tok], j: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    let prev = w(p);
    if prev.eq_ignore_ascii_case("was") || prev.eq_ignore_ascii_case("were") {
        return true;
    }
    prev.eq_ignore_ascii_case("been")
        && p.checked_sub(1)
            .is_some_and(|q| w(q).eq_ignore_ascii_case("had"))
}

/// "is", "are", "am" right before token `j`.
fn present_auxiliary_before(text: &str, toks: &[Tok], j: usize) -> bool {
    j.checked_sub(1).is_some_and(|p| {
        let w = word(text, &toks[p]);
        ["is", "are", "am"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Verbs whose object is an event still to come, with any preposition
/// before its day: "planned a rally on Saturday", "scheduled talks for
/// Monday".
const PLAN_VERBS: &[&str] = &["planned", "scheduled", "rescheduled", "slated"];

/// Verbs that name a day ahead only with "for": "called a strike for
/// Monday", "set the vote for Friday"; with "on" the day is when the verb
/// happened ("called the meeting on Monday", "set a record on Saturday").
/// Not "announced": "announced results for the fourth quarter" is about a
/// period gone by.
const PLAN_FOR_VERBS: &[&str] = &["set", "called", "fixed", "booked"];

/// Whether the expression at token `s` is the day of a planned event: it
/// follows "for" or "on", and a verb of planning or scheduling in the
/// simple past or as a participle ("the march planned for Sunday") stands
/// before it in the same clause with no other verb between. The plan is
/// reported in the past, the event it is about lies ahead. Not after a
/// past auxiliary ("was scheduled for Friday", "had planned a rally on
/// Saturday"), where the plan may be one that has already run its course,
/// nor when the phrase is the subject of a past verb right after it ("a
/// vigil planned for Saturday was canceled"): what became of the plan is
/// told as past.
fn planned_event_day(text: &str, toks: &[Tok], s: usize, e: usize) -> bool {
    let Some(p) = s.checked_sub(1) else {
        return false;
    };
    let past_after = toks.get(e).is_some_and(|t| {
        let w = word(text, t);
        ["was", "were", "had"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    });
    if past_after {
        return false;
    }
    let prep = word(text, &toks[p]);
    let on = prep.eq_ignore_ascii_case("on");
    if !on && !prep.eq_ignore_ascii_case("for") {
        return false;
    }
    let is_any = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    for k in (p.saturating_sub(10)..p).rev() {
        let t = &toks[k];
        if boundary(t) || t.is_punct(b',') {
            return false;
        }
        let w = word(text, t);
        let plan = is_any(w, PLAN_VERBS) || (!on && is_any(w, PLAN_FOR_VERBS));
        if plan {
            // "was not adopted as planned at a meeting on Monday", "began
            // as originally planned on Saturday": "as planned" only says
            // the event went to plan.
            if as_planned(text, toks, k) {
                return false;
            }
            let aux = k
                .checked_sub(1)
                .map(|q| word(text, &toks[q]))
                .is_some_and(|a| is_any(a, &["was", "were", "had", "been"]));
            return !aux;
        }
        // Another verb between: the day belongs to it ("planned the strike
        // that began on Saturday").
        if classify(text, toks, k, false).is_some() {
            return false;
        }
    }
    false
}

/// "as" right before token `k`, or before one "-ly" adverb before it: "as
/// planned", "as previously scheduled".
fn as_planned(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_as = |q: usize| word(text, &toks[q]).eq_ignore_ascii_case("as");
    let Some(p) = k.checked_sub(1) else {
        return false;
    };
    is_as(p) || (word(text, &toks[p]).ends_with("ly") && p.checked_sub(1).is_some_and(is_as))
}

/// Verbs whose object takes a bare infinitive: "let the offensive begin",
/// "made the talks go on", "saw prices come down".
const CAUSATIVE: &[&str] = &[
    "let", "lets", "make", "makes", "made", "help", "helps", "helped", "saw", "see", "watched",
];

/// Whether the bare "travel" or "fly" at token `j` follows a plural
/// subject (a capitalised word inside the sentence, "we", "they") and goes
/// "to" or "out" somewhere: then it is a verb of a timetabled journey.
fn journey_after_subject(text: &str, toks: &[Tok], j: usize) -> bool {
    let to = |k: usize| {
        toks.get(k).is_some_and(|t| {
            ["to", "out"]
                .iter()
                .any(|x| word(text, t).eq_ignore_ascii_case(x))
        })
    };
    if j < 2 || !to(j + 1) || toks[j].cap {
        return false;
    }
    let s = &toks[j - 1];
    let sw = word(text, s);
    if sw == "we" || sw == "they" {
        return true;
    }
    let opens_sentence = s.newline
        || matches!(
            toks[j - 2].kind,
            Kind::Punct(b'.' | b'!' | b'?' | b'"' | b':' | b'\'' | 0x80)
        );
    s.kind == Kind::Word && s.cap && !opens_sentence
}

/// A causative verb within the four words before token `j`, in its clause:
/// the verb at `j` is then its object's bare infinitive, no present tense.
fn bare_infinitive(text: &str, toks: &[Tok], j: usize) -> bool {
    toks[j.saturating_sub(4)..j]
        .iter()
        .rev()
        .take_while(|t| !boundary(t) && !t.is_punct(b','))
        .any(|t| {
            let w = word(text, t);
            CAUSATIVE.iter().any(|x| w.eq_ignore_ascii_case(x))
        })
}

fn boundary(t: &Tok) -> bool {
    t.newline || matches!(t.kind, Kind::Punct(b'.' | b'!' | b'?' | b';'))
}

/// `boundary` for token `j` of `toks`, except for a decimal point
/// ("$29.75") and the period of "vs." ("the Roe vs. Wade decision"), which
/// end no sentence.
fn sentence_boundary(text: &str, toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    if !boundary(t) {
        return false;
    }
    let decimal = t.is_punct(b'.')
        && !t.space
        && j.checked_sub(1).is_some_and(|p| toks[p].is_num())
        && toks.get(j + 1).is_some_and(|n| n.is_num() && !n.space);
    // "vs." stands between two names and is never followed by a new
    // sentence in running text; its period is part of the word.
    let versus = t.is_punct(b'.')
        && !t.space
        && j.checked_sub(1).is_some_and(|p| {
            let w = word(text, &toks[p]);
            w == "vs" || w == "v"
        });
    !decimal && !versus
}

/// The tense nearest to tokens `s..e` within their sentence (the day of a
/// planned event lies ahead whatever the tense): the closest
/// tense marker on either side wins (markers to the right count double
/// distance); a reporting verb ("said") not right next to the expression
/// counts as three tokens further away than it is.
pub fn tense_at(text: &str, toks: &[Tok], s: usize, e: usize) -> Tense {
    if planned_event_day(text, toks, s, e) {
        return Tense::Future;
    }
    let mut best: Option<(usize, Tense)> = None;
    let consider = |j: usize, dist: usize, best: &mut Option<(usize, Tense)>| {
        if let Some(t) = classify(text, toks, j, j >= e) {
            let w = word(text, &toks[j]);
            // Reporting verbs count, but less than any other marker near by.
            let is_report = w.eq_ignore_ascii_case("said") || w.eq_ignore_ascii_case("says");
            let dist = if is_report && dist > 2 {
                dist + 3
            } else {
                dist
            };
            if best.is_none_or(|(d, _)| dist < d) {
                *best = Some((dist, t));
            }
        }
    };
    // Left.
    let mut j = s;
    let mut dist = 0;
    while j > 0 && dist < 16 {
        if sentence_boundary(text, toks, j) && j != s {
            break;
        }
        if toks[j].newline {
            break;
        }
        j -= 1;
        dist += 1;
        if sentence_boundary(text, toks, j) && toks[j].kind != Kind::Word {
            break;
        }
        consider(j, dist, &mut best);
    }
    // Right.
    let mut j = e;
    let mut dist = 0;
    while j < toks.len() && dist < 12 {
        if sentence_boundary(text, toks, j) {
            break;
        }
        dist += 1;
        consider(j, 2 * dist + 1, &mut best);
        j += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}
