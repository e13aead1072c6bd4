//! Counted expressions used as indefinite times: "Islam will one day be the
//! second largest religion" names no stretch of one day but some day in the
//! future, as "someday" does.
//!
//! Likewise "today's youth", "today's world": "today" standing for the
//! present age, not for the day of publication ("today's meeting"). TimeML
//! would give it `PRESENT_REF`, but TBAQ annotates none of these, and an
//! annotator asked to record a date for "today's world" has none to
//! record: such a "today" is no expression at all.
//!
//! The grammar reads "one day" as a duration and "today" as the DCT; this
//! pass looks at the words around them, which the grammar's rules do not
//! see.

use super::lexicon::Unit;
use super::normalize::Sem;
use super::patterns::{Grammar, Parsed};
use super::token::Kind;

/// Modal verbs: after one of them, "one day" is an indefinite future day
/// ("will one day", "could one day", "may one day").
const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "shall", "should", "must",
];

/// Nouns of a generation, a society or an age: after "today's" they make
/// "today" the present era ("today's youth", "today's world", "in today's
/// economy"), no date. Nouns of events ("today's meeting", "today's
/// editions") keep the day.
const PRESENT_AGE_NOUNS: &[&str] = &[
    "youth",
    "young",
    "youngsters",
    "children",
    "kids",
    "teenagers",
    "teens",
    "students",
    "generation",
    "generations",
    "parents",
    "families",
    "women",
    "men",
    "people",
    "world",
    "society",
    "societies",
    "culture",
    "age",
    "era",
    "times",
    "economy",
    "standards",
    "technology",
    "computers",
    "computer",
    "devices",
    "products",
    "cars",
    "personal",
    "modern",
    "global",
    "consumer",
    "consumers",
    "workers",
    "workforce",
    "gamers",
    "players",
    "athletes",
    "fans",
    "audiences",
    "viewers",
    "readers",
    "visitors",
    "musicians",
    "stars",
    "celebrities",
    "politicians",
    "terrorists",
    "babies",
    "media",
    "music",
    "politics",
    "industry",
    "britain",
    "america",
];

/// Nouns of a field of life that, right before "today", make it the
/// present age ("football today", "swearing on TV today").
const AGE_TODAY_NOUNS: &[&str] = &["football", "sport", "tv", "television", "country"];

/// The places among [`PRESENT_AGE_NOUNS`]: right before "today" they are
/// as often where something happens on the day ("across Britain today").
const PLACES: &[&str] = &["britain", "america"];

/// Words before "one day" that make it a stretch of one day or a day
/// counted from another ("in one day", "for one day", "just one day
/// after"), not an indefinite time.
const NOT_BEFORE_ONE_DAY: &[&str] = &[
    "in", "for", "of", "within", "after", "before", "than", "just", "only", "about", "by", "over",
    "to", "the", "a", "and", "or", "every", "each", "per", "last", "first", "on",
];

/// Words after "one day" that measure from it or place it in a
/// calendar: "one day later", "one day next week", "one day a week".
const NOT_AFTER_ONE_DAY: &[&str] = &[
    "later", "earlier", "after", "before", "ago", "next", "this", "last", "of", "a", "per", "each",
    "every", "strike", "strikes", "stoppage", "walkout",
];

/// Bare verbs after "to one day": an infinitive whose event lies in some
/// future ("the ambition to one day be captain"). "cut to one day" has
/// no verb after it.
const INFINITIVES: &[&str] = &[
    "be", "become", "see", "play", "win", "return", "lead", "captain", "make", "have", "get", "go",
    "take", "run", "work", "live", "come", "own", "replace", "rival", "compete",
];

impl Grammar<'_> {
    /// `p` with its meaning replaced when it is an indefinite time.
    pub fn indefinite_time(&self, mut p: Parsed) -> Parsed {
        if self.one_day_to_come(&p) {
            p.sem = Sem::Ref("FUTURE_REF");
        }
        // "the then current market price", "the then-current chairman":
        // current at a time gone by.
        if let Some(s) = self.then_before(&p) {
            p.start = s;
            p.sem = Sem::Ref("PAST_REF");
        }
        p
    }

    /// The token of "then" right before a lone "current" (hyphen or space
    /// between).
    fn then_before(&self, p: &Parsed) -> Option<usize> {
        if p.end != p.start + 1 || p.sem != Sem::Ref("PRESENT_REF") || !self.eq(p.start, "current")
        {
            return None;
        }
        let k = p.start.checked_sub(1)?;
        let k = if self.punct(k, b'-') {
            k.checked_sub(1)?
        } else {
            k
        };
        self.eq(k, "then").then_some(k)
    }

    /// "today's youth", "today's personal computers": a lone "today" with
    /// a possessive "'s" before a noun (or adjective) of the present age.
    /// Likewise "the world of today", "the people of tomorrow": a lone
    /// "today" or "tomorrow" after "of" and such a noun is an age, the
    /// present or one to come, not a day.
    pub fn today_as_present_age(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 {
            return false;
        }
        let age_noun = |k: usize| PRESENT_AGE_NOUNS.iter().any(|n| self.eq(k, n));
        match p.sem {
            Sem::DayOff { off: 0, pod: None } if self.eq(p.start, "today") => {
                (self.punct(p.end, b'\'') && self.eq(p.end + 1, "s") && age_noun(p.end + 2))
                    || self.age_of(p)
                    || self.age_today(p)
            }
            Sem::DayOff { off: 1, pod: None } if self.eq(p.start, "tomorrow") => self.age_of(p),
            _ => false,
        }
    }

    /// "mainstream music today, ...", "swearing on TV today.", "the people
    /// of our country today.", "young people today are ...": a lone "today"
    /// right after a noun of the present age (not a place: "rain across
    /// Britain today" is the day), closing its clause or before a verb
    /// in the present tense, is the present age. A verb of an event after
    /// it ("people today marched") or a colon ("Football today: ...")
    /// keeps the day.
    fn age_today(&self, p: &Parsed) -> bool {
        let Some(k) = p.start.checked_sub(1) else {
            return false;
        };
        let noun = PRESENT_AGE_NOUNS
            .iter()
            .chain(AGE_TODAY_NOUNS)
            .filter(|n| !PLACES.contains(n))
            .any(|n| self.eq(k, n));
        let closes = [b'.', b',', b';', b'-', b'!', b'?', b'"']
            .iter()
            .any(|&c| self.punct(p.end, c))
            || self.toks.get(p.end).is_none();
        let present = ["is", "are", "has", "have", "can"]
            .iter()
            .any(|w| self.eq(p.end, w));
        noun && (closes || present)
    }

    /// "NOUN of" right before `p`, the noun one of the present age, and no
    /// possessive after it ("the results of tomorrow's vote" is a day).
    fn age_of(&self, p: &Parsed) -> bool {
        p.start >= 2
            && self.eq(p.start - 1, "of")
            && PRESENT_AGE_NOUNS.iter().any(|n| self.eq(p.start - 2, n))
            && !self.punct(p.end, b'\'')
    }

    /// "will one day be", "could one day replace": "one day" (a duration of
    /// one day, written with the word "one") right after a modal verb; also
    /// with a modal a few words after it in its clause ("One day you will
    /// tell your children") or before it ("can go abroad one day"), and
    /// in "to one day" before a bare verb ("the ambition to one day be
    /// captain").
    fn one_day_to_come(&self, p: &Parsed) -> bool {
        let one_day = p.end == p.start + 2
            && matches!(
                p.sem,
                Sem::Duration {
                    unit: Unit::Day,
                    n: Some(n)
                } if n == 1.0
            )
            && self.eq(p.start, "one");
        if !one_day {
            return false;
        }
        let modal = |k: usize| MODALS.iter().any(|m| self.eq(k, m));
        if p.start > 0 && modal(p.start - 1) {
            return true;
        }
        // "to one day be captain of England": an infinitive.
        if p.start > 0 && self.eq(p.start - 1, "to") {
            return INFINITIVES.iter().any(|w| self.eq(p.end, w));
        }
        // A preposition, a determiner or a count before it, or a word
        // that measures from it after it, makes "one day" a stretch or a
        // day of a calendar: "lose 18% in one day", "for one day on 5
        // November", "one day later", "one day's notice".
        let before_ok = p.start == 0
            || self.sentence_start(p.start)
            || !self.toks.get(p.start - 1).is_some_and(|t| {
                t.kind == Kind::Word && NOT_BEFORE_ONE_DAY.iter().any(|w| self.eq(p.start - 1, w))
            });
        let after_ok =
            !NOT_AFTER_ONE_DAY.iter().any(|w| self.eq(p.end, w)) && !self.punct(p.end, b'\'');
        if !before_ok || !after_ok {
            return false;
        }
        // "One day you will be able to", "hopes that one day it can be":
        // a modal within the next three words of the clause; "can go
        // abroad one day and see": one within the four words before.
        let clause = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word || t.is_punct(b'\''))
        };
        let ahead = (p.end..p.end + 3).take_while(|&k| clause(k)).any(modal);
        let behind = (p.start.saturating_sub(4)..p.start)
            .rev()
            .take_while(|&k| clause(k))
            .any(modal);
        ahead || behind
    }
}
