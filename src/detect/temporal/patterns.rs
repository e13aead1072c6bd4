//! The grammar: from a token position, the longest temporal expression
//! starting there and its meaning.
//!
//! Every rule is a small hand-written parser over tokens; the tokens carry
//! their lexicon class, so no rule scans the text again.

use super::lexicon::{Lex, Pod, Unit, W};
use super::normalize::{Part, Rel, Sem};
use super::token::{Kind, Tok};

/// A parsed expression: tokens `start..end` and their meaning.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

pub struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

/// Nouns after "1999-2000" that make the two years one season or fiscal
/// year ("the 1999-2000 season").
const SEASON_NOUNS: &[&str] = &[
    "season",
    "seasons",
    "campaign",
    "fiscal",
    "financial",
    "tax",
    "academic",
    "school",
    "budget",
    "term",
    "session",
    "winter",
    "league",
    "premiership",
    "championship",
];

/// Nouns after a four-digit number that show it is a quantity, not a year.
const MEASURE: &[&str] = &[
    "tonnes",
    "tons",
    "ton",
    "tonne",
    "people",
    "persons",
    "dollars",
    "shares",
    "barrels",
    "miles",
    "kilometers",
    "kilometres",
    "km",
    "feet",
    "foot",
    "meters",
    "metres",
    "pounds",
    "troops",
    "soldiers",
    "votes",
    "units",
    "cars",
    "jobs",
    "workers",
    "employees",
    "members",
    "points",
    "acres",
    "hectares",
    "copies",
    "rubles",
    "yen",
    "euros",
    "marks",
    "francs",
    "kg",
    "lbs",
    "percent",
    "cases",
    "deaths",
    "homes",
    "houses",
    "students",
    "delegates",
    "seats",
    "men",
    "women",
    "children",
    "refugees",
    "passengers",
    "vehicles",
    "planes",
    "aircraft",
    "tanks",
    "missiles",
    "warheads",
    "rooms",
    "pages",
    "words",
    "hours",
    "minutes",
    "days",
    "years",
    "calories",
    "bbl",
    "mw",
    "gallons",
    "liters",
    "litres",
    "pence",
    "pixels",
];

/// Units after a four-digit number and a hyphen that make it a measure
/// ("a 2048-bit key", "a 1500-page report"), not a year.
const MEASURE_HYPHENATED: &[&str] = &[
    "bit", "page", "word", "seat", "mile", "metre", "meter", "acre", "tonne", "ton", "strong",
    "year", "day", "hour", "point",
];

/// Capitalised words that make a weekday part of a name ("Bloody Sunday").
const EPITHETS: &[&str] = &[
    "Bloody",
    "Black",
    "Super",
    "Blue",
    "Cyber",
    "Manic",
    "Freaky",
    "Casual",
    "Giving",
    "Ash",
    "Palm",
    "Holy",
    "Maundy",
    "Low",
    "Whit",
    "Shrove",
    "Mothering",
    "Egg",
];

/// Capitalised nouns that make a weekday part of a title ("Sunday Times").
const TITLE_NOUNS: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Post",
    "Herald",
    "Observer",
    "Mail",
    "Sport",
    "Star",
    "Tribune",
    "Independent",
    "Business",
    "Review",
    "People",
    "Record",
    "Journal",
    "News",
    "Magazine",
    "Edition",
    "Night",
    "Morning",
    "Service",
    "School",
    "Club",
    "League",
    "Football",
    "Bulletin",
    "Agreement",
    "Accord",
    "Massacre",
    "Crash",
    "Group",
    "Movement",
    "Live",
    "Programme",
    "Show",
    "Bloody",
];

/// Words before a number that make it an identifier or an amount.
const NUMBER_PREFIX: &[&str] = &[
    "no",
    "number",
    "flight",
    "route",
    "room",
    "page",
    "section",
    "article",
    "resolution",
    "model",
    "highway",
    "interstate",
    "channel",
    "box",
    "suite",
    "unit",
    "apartment",
    "pp",
    "p",
    "tel",
    "fax",
    "phone",
    "chapter",
    "rule",
    "paragraph",
    "item",
    "code",
    "ext",
];

impl<'a> Grammar<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok]) -> Grammar<'a> {
        Grammar { text, toks }
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub(super) fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    pub(super) fn is_w(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    pub(super) fn punct(&self, i: usize, c: u8) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` is glued to the previous one (no whitespace).
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space)
    }

    pub(super) fn eq(&self, i: usize, s: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(s)
    }

    fn cap(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.cap)
    }

    /// Token `i` starts a sentence (or a line).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let t = &self.toks[i];
        if t.newline {
            return true;
        }
        let p = &self.toks[i - 1];
        matches!(
            p.kind,
            Kind::Punct(b'.' | b'!' | b'?' | b'"' | b'\'' | b':' | 0x80)
        )
    }

    /// A word written in capitals only ("WASHINGTON", "LAST WEEK").
    pub(super) fn all_caps(&self, i: usize) -> bool {
        let w = self.s(i);
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    }

    /// A capitalised word inside a sentence: part of a title ("60 Minutes",
    /// "This Week", "High Noon").
    fn title_case(&self, i: usize) -> bool {
        self.cap(i) && i > 0 && !self.sentence_start(i - 1) && !self.sentence_start(i)
    }

    /// A four-digit number at `i` that reads as a year.
    pub fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != (Kind::Num { ord: false }) || t.digits != 4 {
            return None;
        }
        let y = t.num as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // Part of a larger number: "2,000", "1.1997", "555-1997", "$1997".
        if i > 0 {
            let p = &self.toks[i - 1];
            if !t.space {
                if matches!(
                    p.kind,
                    Kind::Punct(b'$' | b'#' | b'.' | b',' | b'/' | b':' | b'+')
                ) {
                    return None;
                }
                if matches!(p.kind, Kind::Punct(0x80)) {
                    // currency symbols
                    return None;
                }
                // "555-1997" is a phone number; "1942-1943" two years.
                if p.is_punct(b'-') && i >= 2 && self.toks[i - 2].is_num() && !p.space {
                    self.year_at(i - 2)?;
                }
            }
            // "September 11th 2001": the year after a day written as an
            // ordinal after its month.
            let ordinal_day = matches!(p.kind, Kind::Num { ord: true })
                && i >= 2
                && matches!(self.toks[i - 2].lex, Lex::Month(..));
            if p.is_num() && !ordinal_day {
                return None;
            }
            if p.kind == Kind::Word {
                let w = self.s(i - 1);
                if NUMBER_PREFIX.iter().any(|x| x.eq_ignore_ascii_case(w)) {
                    return None;
                }
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if !n.space {
                if matches!(n.kind, Kind::Punct(b'%' | b':'))
                    || n.is_punct(b'/') && self.season_end_with(i, y, |_| false).is_none()
                {
                    return None;
                }
                if matches!(n.kind, Kind::Punct(b'.' | b',' | b'-'))
                    && self.tok(i + 2).is_some_and(|t| t.is_num() && !t.space)
                    && !(n.is_punct(b'-')
                        && self
                            .tok(i + 2)
                            .is_some_and(|t| t.digits == 4 || t.digits == 2))
                {
                    return None;
                }
            }
            if n.kind == Kind::Word {
                let w = self.s(i + 1);
                if MEASURE.iter().any(|x| x.eq_ignore_ascii_case(w)) {
                    return None;
                }
            }
            if n.is_punct(b'-')
                && !n.space
                && self
                    .tok(i + 2)
                    .is_some_and(|u| !u.space && u.kind == Kind::Word)
                && MEASURE_HYPHENATED
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(self.s(i + 2)))
            {
                return None;
            }
            // "1600 GMT", "1700 local time": a 24-hour time (see `zoned_clock`).
            if self.zone_at(i + 1).is_some() {
                return None;
            }
        }
        Some(y)
    }

    /// A number at `i`: digits (with a decimal part or a following "1/2"),
    /// or number words ("twenty four", "twenty-four", "a dozen").
    fn number(&self, i: usize) -> Option<(usize, f64)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num { ord: false } => {
                if t.digits > 7 {
                    return None;
                }
                let mut v = t.num as f64;
                let mut j = i + 1;
                // Thousands separators: "1,000".
                while self.punct(j, b',')
                    && self.glued(j)
                    && self.tok(j + 1).is_some_and(|n| n.digits == 3 && !n.space)
                {
                    v = v * 1000.0 + self.toks[j + 1].num as f64;
                    j += 2;
                }
                if self.punct(j, b'.')
                    && self.glued(j)
                    && self.tok(j + 1).is_some_and(|n| n.is_num() && !n.space)
                {
                    let frac = self.s(j + 1);
                    if let Ok(f) = format!("0.{frac}").parse::<f64>() {
                        v += f;
                    }
                    j += 2;
                }
                // "5 1/2"
                if self.tok(j).is_some_and(|n| n.is_num() && n.num == 1)
                    && self.punct(j + 1, b'/')
                    && self.tok(j + 2).is_some_and(|n| n.num == 2)
                {
                    v += 0.5;
                    j += 3;
                }
                Some((j, v))
            }
            Kind::Word => match t.lex {
                Lex::Tens(n) => {
                    let mut v = f64::from(n);
                    let mut j = i + 1;
                    let k = if self.punct(j, b'-') && self.glued(j) {
                        j + 1
                    } else {
                        j
                    };
                    if let Lex::Num(u) = self.lex(k) {
                        if (1..10).contains(&u) {
                            v += f64::from(u);
                            j = k + 1;
                        }
                    }
                    Some((j, v))
                }
                Lex::Num(n) => {
                    let mut v = f64::from(n);
                    let mut j = i + 1;
                    if self.eq(j, "hundred") {
                        v *= 100.0;
                        j += 1;
                    }
                    if self.eq(j, "thousand") {
                        v *= 1000.0;
                        j += 1;
                    }
                    if self.is_w(j, W::And) && self.is_w(j + 1, W::A) && self.is_w(j + 2, W::Half) {
                        v += 0.5;
                        j += 3;
                    }
                    Some((j, v))
                }
                Lex::W(W::A) if self.eq(i + 1, "dozen") => Some((i + 2, 12.0)),
                Lex::W(W::A) if self.eq(i + 1, "hundred") => Some((i + 2, 100.0)),
                Lex::W(W::A) if self.eq(i + 1, "thousand") => Some((i + 2, 1000.0)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the word at `i` modifies a noun that follows it: the next
    /// token is a lower-case word that is neither a function word nor a verb
    /// form that would make `i` a noun ("the future looks bleak").
    fn adjective_before_noun(&self, i: usize) -> bool {
        let Some(n) = self.tok(i + 1) else {
            return false;
        };
        if n.kind != Kind::Word || n.cap || n.lex != Lex::None {
            return false;
        }
        let next = self.s(i + 1).to_ascii_lowercase();
        !matches!(
            next.as_str(),
            "and"
                | "or"
                | "but"
                | "of"
                | "in"
                | "for"
                | "to"
                | "that"
                | "which"
                | "with"
                | "as"
                | "at"
                | "by"
                | "on"
                | "is"
                | "was"
                | "will"
                | "would"
                | "looks"
                | "seems"
                | "remains"
                | "away"
        ) && !next.ends_with("ly")
    }

    /// Whether a hyphen glued to token `j` follows it ("that day-long").
    fn hyphen_after(&self, j: usize) -> bool {
        self.punct(j + 1, b'-') && self.glued(j + 1)
    }

    /// "that year", "that same day": the unit the text last named.
    fn that_unit(&self, i: usize) -> Option<Parsed> {
        if !self.is_w(i, W::That) {
            return None;
        }
        let mut j = i + 1;
        if self.is_w(j, W::Same) {
            j += 1;
        }
        match self.unit(j)? {
            (u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false)
                if !self.cap(j) && !self.hyphen_after(j) =>
            {
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Anaphor { unit: u, off: 0 },
                })
            }
            _ => None,
        }
    }

    /// "the year-earlier quarter", "the year-ago period", "the
    /// year-earlier nine months", from "the" at `i`, with "year" at `j`.
    fn year_earlier_period(&self, i: usize, j: usize) -> Option<Parsed> {
        if !(self.punct(j + 1, b'-') && (self.is_w(j + 2, W::Earlier) || self.is_w(j + 2, W::Ago)))
        {
            return None;
        }
        let mut e = j + 3;
        if self.ordinal(e).is_some() {
            e += 1;
        }
        if self.unit(e).is_some_and(|(u, _)| u == Unit::Quarter) || self.is_w(e, W::Period) {
            return Some(Parsed {
                start: i,
                end: e + 1,
                sem: Sem::YearEarlier,
            });
        }
        // "the year-earlier nine months": a reporting period like "the nine
        // months", a year back.
        let (k, n) = self.number(j + 3)?;
        match self.unit(k) {
            Some((unit, true)) => Some(Parsed {
                start: i,
                end: k + 1,
                sem: Sem::Duration { unit, n: Some(n) },
            }),
            _ => None,
        }
    }

    /// "the corresponding period last year", "the same quarter a year
    /// ago", "the quarter a year earlier": the year-earlier counterpart of
    /// the quarter in focus (`i` is "the").
    fn year_ago_counterpart(&self, i: usize) -> Option<Parsed> {
        let mut j = i + 1;
        if self.is_w(j, W::Same) || self.eq(j, "corresponding") || self.eq(j, "comparable") {
            j += 1;
        }
        if !(self.unit(j) == Some((Unit::Quarter, false)) || self.is_w(j, W::Period)) {
            return None;
        }
        let k = j + 1;
        let end = if self.is_w(k, W::Last) && self.unit(k + 1) == Some((Unit::Year, false)) {
            k + 2
        } else if self.is_w(k, W::A)
            && self.unit(k + 1) == Some((Unit::Year, false))
            && (self.is_w(k + 2, W::Ago) || self.is_w(k + 2, W::Earlier))
        {
            k + 3
        } else {
            return None;
        };
        Some(Parsed {
            start: i,
            end,
            sem: Sem::YearEarlier,
        })
    }

    /// A vague quantity: "several", "a few", "few", "many", "some"; with
    /// the number it stands for when TimeML gives it one ("a couple of" is
    /// two).
    fn vague_qty(&self, i: usize) -> Option<(usize, Option<f64>)> {
        match self.w(i)? {
            W::Several | W::Many => Some((i + 1, None)),
            W::Few => Some((i + 1, None)),
            W::A if self.is_w(i + 1, W::Few) => Some((i + 2, None)),
            W::A if self.is_w(i + 1, W::Couple) && self.is_w(i + 2, W::Of) => {
                Some((i + 3, Some(2.0)))
            }
            // "the next couple of years"
            W::Couple if self.is_w(i + 1, W::Of) => Some((i + 2, Some(2.0))),
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(u, pl) => Some((u, pl)),
            _ => None,
        }
    }

    /// Ordinal at `i` (word or "3rd"), with its value.
    fn ordinal(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        match (t.kind, t.lex) {
            (Kind::Num { ord: true }, _) if t.num <= 31 => Some(t.num as u32),
            (_, Lex::Ord(n)) => Some(n),
            (_, Lex::W(W::First)) => Some(1),
            (_, Lex::Unit(Unit::Second, false)) => Some(2),
            _ => None,
        }
    }

    /// A day written before its month: 1-31 in digits ("23 November") or
    /// as a digit ordinal ("23rd of November").
    fn day_first(&self, i: usize) -> Option<u32> {
        self.day_num(i).or_else(|| {
            let t = self.tok(i)?;
            (matches!(t.kind, Kind::Num { ord: true }) && (1..=31).contains(&t.num))
                .then_some(t.num as u32)
        })
    }

    /// Day of month at `i`: 1-31 in digits, not the start of "12:30".
    fn day_num(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.is_num() && t.digits <= 2 && (1..=31).contains(&t.num) {
            // Not the start of "12:30", "3.5", "10,000".
            if let Some(n) = self.tok(i + 1) {
                if !n.space
                    && matches!(n.kind, Kind::Punct(b':' | b'.' | b',' | b'/'))
                    && self.tok(i + 2).is_some_and(|x| x.is_num() && !x.space)
                {
                    return None;
                }
            }
            return Some(t.num as u32);
        }
        None
    }

    /// A month name at `i` (checked for the "May"/"March" traps); returns
    /// (month, index after the name and its abbreviation dot).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::Month(m, abbr) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        let dot = abbr && self.punct(j, b'.') && self.glued(j);
        if dot {
            j += 1;
        }
        if abbr && !dot && !self.tok(j).is_some_and(Tok::is_num) {
            return None;
        }
        // All-capital short words ("MAY", "MAR") are acronyms or shouting.
        let s = self.s(i);
        if s.len() > 1 && s.bytes().all(|b| b.is_ascii_uppercase()) && s.len() <= 4 && !dot {
            // allow "MAY 5" style headlines with a number
            if !self.tok(j).is_some_and(Tok::is_num) {
                return None;
            }
        }
        if (m == 5 || m == 3) && !abbr {
            let followed_by_date =
                self.tok(j).is_some_and(Tok::is_num) || matches!(self.lex(j), Lex::Ord(_));
            if !followed_by_date {
                let prev_ok = i > 0
                    && matches!(
                        self.s(i - 1).to_ascii_lowercase().as_str(),
                        "in" | "since"
                            | "until"
                            | "till"
                            | "by"
                            | "of"
                            | "from"
                            | "early"
                            | "late"
                            | "mid"
                            | "-"
                            | "last"
                            | "next"
                            | "this"
                            | "during"
                            | "through"
                            | "before"
                            | "after"
                            | "between"
                            | "and"
                            | "to"
                            | "or"
                            | "end"
                            | "beginning"
                            | "middle"
                            | "that"
                            | "each"
                            | "every"
                            | "in-"
                    );
                // "the March accession", "the May elections": the month
                // before a noun of scheduled events (not "the March on
                // Rome", "the March for Life", "the May government").
                let before_event = i > 0
                    && self.is_w(i - 1, W::The)
                    && MONTH_EVENT_NOUNS
                        .iter()
                        .any(|n| self.s(j).eq_ignore_ascii_case(n));
                // "a vote for March": the verb "march" is not capitalised
                // after "for", the name "May" often is ("support for May").
                let for_march = m == 3 && i > 0 && self.s(i - 1).eq_ignore_ascii_case("for");
                // "on 5 May", "the 12th March": a day before the month, as
                // British news writes dates, leaves neither the verb nor the
                // name.
                let day_before = i > 0
                    && self.tok(i).is_some_and(|t| t.space && !t.newline)
                    && self.day_first(i - 1).is_some();
                if !(prev_ok || before_event || for_march || day_before) {
                    return None;
                }
                // "in May be" is not a thing, but "the March on Rome" is.
                if m == 3 && self.is_w(i.wrapping_sub(1), W::The) && !before_event {
                    return None;
                }
            }
        }
        Some((u32::from(m), j))
    }

    /// A year in words, as broadcast transcripts write it: "nineteen
    /// ninety-four", "nineteen eighty"; returns (year, end).
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.lex(i) != Lex::Num(19) {
            return None;
        }
        let Lex::Tens(tens) = self.lex(i + 1) else {
            return None;
        };
        let mut y = 1900 + tens as i32;
        let mut e = i + 2;
        if self.punct(e, b'-') && self.glued(e) {
            if let Lex::Num(u @ 1..=9) = self.lex(e + 1) {
                y += u as i32;
                e += 2;
            }
        } else if let Lex::Num(u @ 1..=9) = self.lex(e) {
            y += u as i32;
            e += 1;
        }
        Some((y, e))
    }

    /// `, 2001` or ` 2001` (or the year in words) after a date part;
    /// returns (year, end).
    fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.punct(j, b',') { j + 1 } else { j };
        if let Some(y) = self.year_at(k) {
            return Some((y, k + 1));
        }
        self.spelled_year(k)
    }

    /// "of 2001" / ", 2001" / " 2001"
    /// "of this year", "of next year", "of last year" at `j` (not before a
    /// possessive: "of this year's budget"): the offset from the DCT's year.
    fn of_this_year(&self, j: usize) -> Option<i64> {
        if !self.is_w(j, W::Of)
            || self.unit(j + 2) != Some((Unit::Year, false))
            || self.punct(j + 3, b'\'')
        {
            return None;
        }
        match self.w(j + 1)? {
            W::This => Some(0),
            W::Next => Some(1),
            W::Last => Some(-1),
            _ => None,
        }
    }

    fn of_year_after(&self, j: usize) -> Option<(i32, usize)> {
        if self.is_w(j, W::Of) {
            if let Some(y) = self.year_at(j + 1) {
                return Some((y, j + 2));
            }
            return self.spelled_year(j + 1);
        }
        self.year_after(j)
    }

    /// Month-first and day-first calendar dates, months with years, and
    /// bare months.
    fn calendar(&self, i: usize) -> Option<Parsed> {
        // Day first: "23 November 2001", "23rd of November".
        if let Some(d) = self.day_first(i) {
            let mut j = i + 1;
            if self.is_w(j, W::Of) {
                j += 1;
            }
            let (m, mut e) = self.month(j)?;
            if !valid_md(m, d) {
                return None;
            }
            let mut y = None;
            if let Some((yy, e2)) = self.year_after(e) {
                y = Some(yy);
                e = e2;
            } else if let Some(t) = self.tok(e) {
                // Short year in compact listings: "17 Nov 01".
                if t.digits == 2 && !matches!(self.toks[e - 1].kind, Kind::Punct(_)) {
                    let yy = t.num as i32;
                    y = Some(if yy < 50 { 2000 + yy } else { 1900 + yy });
                    e += 1;
                }
            }
            return Some(Parsed {
                start: i,
                end: e,
                sem: Sem::Ymd { y, m, d },
            });
        }
        let (m, j) = self.month(i)?;
        // Month day: "Nov. 19", "November 19th, 2001", "March eighth".
        if let Some(d) = self.day_num(j).or_else(|| {
            let t = self.tok(j)?;
            if let Lex::Ord(n) = t.lex {
                // Not "March second-quarter sales", "May first half".
                let part_follows = self.punct(j + 1, b'-')
                    || self.unit(j + 1).is_some()
                    || self.is_w(j + 1, W::Half);
                return ((1..=31).contains(&n) && !part_follows).then_some(n);
            }
            (matches!(t.kind, Kind::Num { ord: true }) && (1..=31).contains(&t.num))
                .then_some(t.num as u32)
        }) {
            if valid_md(m, d) && self.year_at(j).is_none() {
                let mut e = j + 1;
                let mut y = None;
                if let Some((yy, e2)) = self.year_after(e) {
                    y = Some(yy);
                    e = e2;
                }
                return Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::Ymd { y, m, d },
                });
            }
        }
        // Month year.
        if let Some((y, e)) = self.of_year_after(j) {
            return Some(Parsed {
                start: i,
                end: e,
                sem: Sem::Ym {
                    y: Some(y),
                    m,
                    rel: Rel::None,
                },
            });
        }
        // "July last year", "March next year", "May this year".
        if let (Some(w), Some((Unit::Year, false))) = (self.w(j), self.unit(j + 1)) {
            let off = match w {
                W::Last => Some(-1),
                W::Next => Some(1),
                W::This => Some(0),
                _ => None,
            };
            if let Some(off) = off {
                return Some(Parsed {
                    start: i,
                    end: j + 2,
                    sem: Sem::MonthOff { m, off },
                });
            }
        }
        Some(Parsed {
            start: i,
            end: j,
            sem: Sem::Ym {
                y: None,
                m,
                rel: Rel::None,
            },
        })
    }

    /// A weekday with its traps ("Sunday Times", "Bloody Sunday").
    fn weekday(&self, i: usize) -> Option<Parsed> {
        let Lex::Weekday(wd, plural) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        let wd = u32::from(wd);
        if plural {
            let mut e = i + 1;
            let mut suffix = String::new();
            if let Lex::Pod(p) = self.lex(e) {
                suffix = format!("T{}", p.code());
                e += 1;
            }
            return Some(Parsed {
                start: i,
                end: e,
                sem: Sem::Set(format!("XXXX-WXX-{wd}{suffix}")),
            });
        }
        // Names: a capitalised non-temporal word right after ("Sunday
        // Times") or right before, inside a sentence ("Bloody Sunday").
        if let Some(n) = self.tok(i + 1) {
            let name = self.s(i + 1);
            if n.kind == Kind::Word && n.cap && !n.newline && TITLE_NOUNS.contains(&name) {
                return None;
            }
        }
        if i > 0 && !self.toks[i].newline {
            let pw = self.s(i - 1);
            if EPITHETS.contains(&pw) {
                return None;
            }
        }
        // "Tuesday nights": a part of day in the plural makes the weekday
        // recur, like "Tuesdays".
        if let Some(p) = self.plural_pod(i + 1) {
            return Some(Parsed {
                start: i,
                end: i + 2,
                sem: Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code())),
            });
        }
        // "on Monday and Tuesday nights": the plural part of day after the
        // second weekday makes both recur.
        if (self.is_w(i + 1, W::And) || self.eq(i + 1, "or"))
            && matches!(self.lex(i + 2), Lex::Weekday(_, false))
            && self.cap(i + 2)
        {
            if let Some(p) = self.plural_pod(i + 3) {
                return Some(Parsed {
                    start: i,
                    end: i + 1,
                    sem: Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code())),
                });
            }
        }
        // Dateline: "Friday, 23 November, 2001" / "Tuesday, Nov. 19".
        let mut p = self.weekday_then(i, i + 1, wd, Rel::None);
        // "on a Sunday in particular", "on a Friday night, ...": an
        // indefinite article leaves the week open (TimeML `XXXX-WXX-7`);
        // the tense of the clause does not say which Sunday. Not when the
        // article is a noun's ("a Sunday night memorial service", "a
        // Saturday-night stay"): then a word or a hyphen follows.
        if i > 0 && (self.eq(i - 1, "a") || self.eq(i - 1, "an")) && self.phrase_ends(p.end) {
            if let Sem::Weekday { rel, .. } = &mut p.sem {
                *rel = Rel::Any;
            }
        }
        Some(p)
    }

    /// Whether a noun phrase can end before token `j`: the text ends, or
    /// a punctuation mark other than a hyphen, or a preposition or a
    /// conjunction follows.
    fn phrase_ends(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else {
            return true;
        };
        match t.kind {
            Kind::Punct(c) => c != b'-',
            Kind::Word => [
                "in", "at", "on", "and", "or", "but", "when", "for", "of", "to", "with", "from",
                "after", "before", "during", "until", "between",
            ]
            .iter()
            .any(|w| self.eq(j, w)),
            _ => false,
        }
    }

    /// A part of day in the plural at token `j` ("nights", "mornings").
    fn plural_pod(&self, j: usize) -> Option<Pod> {
        [
            ("mornings", Pod::Morning),
            ("afternoons", Pod::Afternoon),
            ("evenings", Pod::Evening),
            ("nights", Pod::Night),
        ]
        .into_iter()
        .find(|(w, _)| self.eq(j, w))
        .map(|(_, p)| p)
    }

    /// A weekday from token `start` whose name ends before token `e`: the
    /// calendar date that follows it says which day it is ("Friday, 23
    /// November, 2001", "this coming Sunday, March 8"); otherwise the
    /// weekday with `rel` and a part of day after it ("Friday night").
    fn weekday_then(&self, start: usize, e: usize, wd: u32, rel: Rel) -> Parsed {
        let k = if self.punct(e, b',') { e + 1 } else { e };
        if let Some(c) = self.calendar(k) {
            if matches!(c.sem, Sem::Ymd { .. }) {
                return Parsed {
                    start,
                    end: c.end,
                    sem: c.sem,
                };
            }
        }
        let (pod, end) = match self.lex(e) {
            Lex::Pod(p) => (Some(p), e + 1),
            _ => (None, e),
        };
        Parsed {
            start,
            end,
            sem: Sem::Weekday { wd, rel, pod },
        }
    }

    /// A 24-hour time in four digits before a time zone: "at 1300 GMT",
    /// as the BBC and wire services write it. Without the zone the digits
    /// are a year ("in 1300", "by 2100") or a number.
    ///
    /// The first time of a range ("from 1130 to 1215 GMT", "1400-1600
    /// GMT") is one too: its zone is the second's.
    fn zoned_clock(&self, i: usize) -> Option<Parsed> {
        let (h, min) = self.hhmm(i)?;
        if let Some(end) = self.zone_at(i + 1) {
            return Some(Parsed {
                start: i,
                end,
                sem: time(h, min),
            });
        }
        if !(self.eq(i + 1, "to") || self.punct(i + 1, b'-')) {
            return None;
        }
        let to = i + 2;
        self.hhmm(to)?;
        self.zone_at(to + 1)?;
        Some(Parsed {
            start: i,
            end: i + 1,
            sem: time(h, min),
        })
    }

    /// Four digits at `i` that make a 24-hour time: (hour, minutes).
    fn hhmm(&self, i: usize) -> Option<(u32, u32)> {
        let t = self.tok(i)?;
        if t.kind != (Kind::Num { ord: false }) || t.digits != 4 {
            return None;
        }
        let (h, min) = ((t.num / 100) as u32, (t.num % 100) as u32);
        (h < 24 && min < 60 || h == 24 && min == 0).then_some((h, min))
    }

    /// A time zone at `i` ("GMT", "local time"); returns the index after it.
    fn zone_at(&self, i: usize) -> Option<usize> {
        if self.is_w(i, W::Zone) {
            Some(i + 1)
        } else if self.eq(i, "local") && self.eq(i + 1, "time") {
            Some(i + 2)
        } else {
            None
        }
    }

    /// Clock times: "10:30 a.m.", "3 p.m. EST", "01:27 GMT", "noon".
    fn clock(&self, i: usize) -> Option<Parsed> {
        let t = self.tok(i)?;
        let (mut h, mut min, mut j);
        if let Some(w) = self.w(i) {
            if self.title_case(i) || (i > 0 && self.eq(i - 1, "high")) {
                return None;
            }
            match w {
                W::Noon => {
                    return Some(Parsed {
                        start: i,
                        end: i + 1,
                        sem: time(12, 0),
                    })
                }
                W::Midnight => {
                    return Some(Parsed {
                        start: i,
                        end: i + 1,
                        sem: time(24, 0),
                    })
                }
                _ => return None,
            }
        }
        if t.kind != (Kind::Num { ord: false }) || t.digits > 2 || t.num > 24 {
            return None;
        }
        // Not the minutes of a longer time ("2:08:30").
        if i >= 2 && !t.space && self.punct(i - 1, b':') && self.toks[i - 2].is_num() {
            return None;
        }
        h = t.num as u32;
        min = 0;
        j = i + 1;
        let mut has_minutes = false;
        // "10:45:30 GMT": the seconds stay in the value.
        let mut sec = None;
        if (self.punct(j, b':') || self.punct(j, b'.'))
            && self.glued(j)
            && self
                .tok(j + 1)
                .is_some_and(|n| n.digits == 2 && n.num < 60 && !n.space)
        {
            min = self.toks[j + 1].num as u32;
            j += 2;
            has_minutes = true;
            if self.punct(j, b':')
                && self
                    .tok(j + 1)
                    .is_some_and(|n| n.digits == 2 && n.num < 60 && !n.space)
            {
                sec = Some(self.toks[j + 1].num as u32);
                j += 2;
            }
            let seconds = sec.is_some();
            // "won in 1:48.32", "ran 2:08:30": a race time, not the time of
            // day. Hundredths always make one; seconds do unless a
            // preposition of time, a.m./p.m. or a zone says otherwise.
            if self.punct(j, b'.')
                && self.glued(j)
                && self.tok(j + 1).is_some_and(|n| n.is_num() && !n.space)
            {
                return None;
            }
            if seconds {
                let at = i > 0
                    && ["at", "by", "from", "until", "till", "before", "after"]
                        .iter()
                        .any(|w| self.eq(i - 1, w));
                let marked =
                    self.is_w(j, W::Zone) || ["a", "p", "am", "pm"].iter().any(|w| self.eq(j, w));
                if !at && !marked {
                    return None;
                }
            }
        }
        // a.m. / p.m. / am / pm
        let mut ampm = None;
        let k = j;
        if (self.eq(k, "a") || self.eq(k, "p"))
            && self.punct(k + 1, b'.')
            && self.eq(k + 2, "m")
            && self.glued(k + 1)
        {
            ampm = Some(self.eq(k, "p"));
            j = k + 3;
            // The final dot belongs to the time unless it ends the sentence.
            if self.punct(j, b'.') && self.glued(j) {
                let sentence_end = self.tok(j + 1).is_none_or(|n| {
                    n.newline || (n.cap && n.kind == Kind::Word && n.lex == Lex::None)
                });
                let day_follows = self
                    .tok(j + 1)
                    .is_some_and(|n| matches!(n.lex, Lex::Weekday(..) | Lex::W(W::Zone)));
                if !sentence_end || day_follows {
                    j += 1;
                }
            }
        } else if self.eq(k, "am") || self.eq(k, "pm") {
            ampm = Some(self.eq(k, "pm"));
            j = k + 1;
        }
        // "4 in the morning", "eight in the evening": the part of the day
        // says a.m. or p.m.
        if ampm.is_none() && !has_minutes && (1..=12).contains(&h) && self.eq(j, "in") {
            if let (true, Lex::Pod(p)) = (self.is_w(j + 1, W::The), self.lex(j + 2)) {
                let pm = match p {
                    Pod::Morning => false,
                    Pod::Afternoon | Pod::Evening => true,
                    // "two in the night" is after midnight, "ten" before.
                    Pod::Night => h >= 6,
                };
                if pm && h < 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
                return Some(Parsed {
                    start: i,
                    end: j + 3,
                    sem: time(h, min),
                });
            }
        }
        if ampm.is_none() && !has_minutes {
            return None;
        }
        if has_minutes && ampm.is_none() && self.punct(i + 1, b'.') {
            // "3.30" alone is too likely a number.
            return None;
        }
        if let Some(pm) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
        }
        if self.is_w(j, W::Zone) {
            j += 1;
        }
        Some(Parsed {
            start: i,
            end: j,
            sem: Sem::Time {
                date: None,
                h,
                min,
                sec,
            },
        })
    }

    /// Durations "N units", "N-unit", "a few units", "a year", "units".
    fn duration(&self, i: usize) -> Option<Parsed> {
        let (j, n) = if let Some((j, n)) = self.number(i) {
            (j, Some(n))
        } else if let Some(q) = self.vague_qty(i) {
            q
        } else if self.is_w(i, W::A) {
            (i + 1, Some(1.0))
        } else {
            return None;
        };
        // "N-unit" adjective or "N unit(s)"; "two more weeks".
        let hyphen = self.punct(j, b'-') && self.glued(j);
        let more = (self.is_w(j, W::More) || self.eq(j, "additional") || self.eq(j, "extra"))
            && self.unit(j + 1).is_some();
        // "eight trading days", "ten business days": days counted on a
        // calendar of working days are still days.
        let more = more
            || ((self.eq(j, "trading") || self.eq(j, "business") || self.eq(j, "working"))
                && self.unit(j + 1) == Some((Unit::Day, true)));
        let k = if hyphen || more { j + 1 } else { j };
        let (unit, plural) = self.unit(k)?;
        if self.title_case(k) {
            return None;
        }
        // "a year-earlier loss", "a year-end review"
        if self.punct(k + 1, b'-')
            && self.glued(k + 1)
            && (self.is_w(k + 2, W::Earlier)
                || self.is_w(k + 2, W::Ago)
                || self.is_w(k + 2, W::End))
        {
            return None;
        }
        // Fractions: "three-quarters", "a quarter of".
        if unit == Unit::Quarter
            && (k > j || self.is_w(k + 1, W::Of) || (plural && n.is_some_and(|v| v < 4.0)))
        {
            return None;
        }
        if unit == Unit::Second && !plural && n.is_none() {
            return None;
        }
        if self.is_w(i, W::A) && j == i + 1 && plural {
            return None;
        }
        if unit == Unit::Second && k == i + 1 && self.is_w(i, W::A) {
            // "a second" (ordinal) is too ambiguous.
            return None;
        }
        let mut e = k + 1;
        // "a year and a half"
        let mut n = n;
        if self.is_w(e, W::And) && self.is_w(e + 1, W::A) && self.is_w(e + 2, W::Half) {
            n = n.map(|v| v + 0.5);
            e += 3;
        }
        // "a day-long meeting": the adjective is parsed on its own.
        if self.punct(e, b'-') && self.is_w(e + 1, W::Long) {
            return None;
        }
        // Ages: "6-year-old", "six years old".
        if (self.punct(e, b'-') && self.eq(e + 1, "old")) || self.eq(e, "old") {
            return None;
        }
        Some(Parsed {
            start: i,
            end: e,
            sem: Sem::Duration { unit, n },
        })
    }

    /// Every rule that can start at token `i`, without modifiers; the
    /// longest wins.
    /// "ended Sept. 30", "ending Dec. 31, 1989" at token `k`: the year (if
    /// given), month and day that close a reporting period.
    fn period_end_date(&self, k: usize) -> Option<(Option<i32>, u32, u32)> {
        if !(self.eq(k, "ended") || self.eq(k, "ending")) {
            return None;
        }
        match self.core(k + 1)?.sem {
            Sem::Ymd { y, m, d } => Some((y, m, d)),
            _ => None,
        }
    }

    pub fn core(&self, i: usize) -> Option<Parsed> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num { .. } => self.numeric(i),
            Kind::Punct(b'\'') => self.short_decade(i),
            Kind::Word => self.word(i),
            _ => None,
        }
    }

    fn short_decade(&self, i: usize) -> Option<Parsed> {
        // '90s
        let n = self.tok(i + 1)?;
        if n.space || n.digits != 2 || !self.eq(i + 2, "s") || !self.glued(i + 2) {
            return None;
        }
        let dec = if n.num >= 20 {
            190 + n.num / 10
        } else {
            200 + n.num / 10
        };
        Some(Parsed {
            start: i,
            end: i + 3,
            sem: Sem::Decade(dec as i32),
        })
    }

    fn numeric(&self, i: usize) -> Option<Parsed> {
        // ISO date 2001-11-22
        if let Some(p) = self.iso_date(i) {
            return Some(p);
        }
        // "20th century"
        if let Some(c) = self.century(i, i) {
            return Some(c);
        }
        if let Some(c) = self.zoned_clock(i) {
            return Some(c);
        }
        if let Some(y) = self.year_at(i) {
            // Decade "1990s"
            if self.eq(i + 1, "s") && self.glued(i + 1) {
                if y % 10 == 0 {
                    return Some(Parsed {
                        start: i,
                        end: i + 2,
                        sem: Sem::Decade(y / 10),
                    });
                }
                return None;
            }
            if let Some(end) = self.season_end(i, y) {
                return Some(Parsed {
                    start: i,
                    end,
                    sem: Sem::Year(y),
                });
            }
            // "1990 third quarter"
            if let Some(p) = self.quarter_words(i + 1) {
                if let Sem::Part { part, rel, .. } = p.sem {
                    return Some(Parsed {
                        start: i,
                        end: p.end,
                        sem: Sem::Part {
                            y: Some(y),
                            part,
                            rel,
                        },
                    });
                }
            }
            return Some(Parsed {
                start: i,
                end: i + 1,
                sem: Sem::Year(y),
            });
        }
        let mut best: Option<Parsed> = None;
        for p in [self.calendar(i), self.clock(i), self.duration_or_ago(i)]
            .into_iter()
            .flatten()
        {
            if best.as_ref().is_none_or(|b| p.end > b.end) {
                best = Some(p);
            }
        }
        best
    }

    /// "the 2004-05 season", "the 1999-2000 season", "fiscal 2006-07": a
    /// season or fiscal year written as the year `y` at `i` and the next
    /// one, two digits or four, after a hyphen. TimeML has no value for a
    /// span across two years, so the expression keeps the year it starts
    /// in, but it is one expression: the end (exclusive) of its tokens.
    /// Two digits after a year are no year of their own, so "2004-05" is
    /// always one; four digits are ("deaths rose in 1942-1943" names two
    /// years), so those join only before a season word or after `fiscal`
    /// (`fiscal` is the caller's). Years further apart ("2001-2003") stay
    /// two dates, and scores ("3-1", "2-0") are no years.
    fn season_end(&self, i: usize, y: i32) -> Option<usize> {
        self.season_end_with(i, y, |end| SEASON_NOUNS.iter().any(|w| self.eq(end, w)))
    }

    /// [`Self::season_end`] with `named(end)` telling whether what follows
    /// the span at `end` names the span as a season or fiscal year.
    ///
    /// A slash joins the two years of one period only ("2005/06",
    /// "1998/9", "2003/2004": the British financial and tax year, a
    /// football or school season), so four digits after it join without
    /// a season word, and so does the last digit of the next year.
    fn season_end_with(&self, i: usize, y: i32, named: impl Fn(usize) -> bool) -> Option<usize> {
        let slash = self.punct(i + 1, b'/');
        if !(slash || self.punct(i + 1, b'-')) || !self.glued(i + 1) {
            return None;
        }
        let n = self.tok(i + 2)?;
        if n.space || n.kind != (Kind::Num { ord: false }) {
            return None;
        }
        let next = match n.digits {
            1 => slash && (y + 1) % 10 == n.num as i32,
            2 => (y + 1) % 100 == n.num as i32,
            4 => y + 1 == n.num as i32 && (slash || named(i + 3)),
            _ => false,
        };
        // "2004-05-17", "2004/05/17" are calendar dates, not seasons.
        let more = self
            .tok(i + 3)
            .is_some_and(|t| !t.space && matches!(t.kind, Kind::Punct(b'-' | b'/')));
        (next && !more).then_some(i + 3)
    }

    /// "1994-96", "the EU budget for 2007-13": the end of a range of years
    /// after the year `y` at `i`, written with its last two digits. TimeML
    /// marks the two ends of a range as two dates (TBAQ: "from 1991 to
    /// 1997", "between 1994 and 1997"), as gloss does for "2001-2003":
    /// the token of the two digits and the year they stand for. The end
    /// must come after `y` in the same century; the next year is a season
    /// ([`Self::season_end`]), and more digits after it make a date or a
    /// code ("2001-03-15", "1994-96-2").
    pub(super) fn year_range_end(&self, i: usize, y: i32) -> Option<(usize, i32)> {
        if !self.punct(i + 1, b'-') || !self.glued(i + 1) {
            return None;
        }
        let n = self.tok(i + 2)?;
        if n.space || n.kind != (Kind::Num { ord: false }) || n.digits != 2 {
            return None;
        }
        let end = y - y % 100 + n.num as i32;
        if end <= y + 1 {
            return None;
        }
        let more = self.tok(i + 3).is_some_and(|t| {
            !t.space && (t.is_num() || matches!(t.kind, Kind::Punct(b'-' | b'/' | b':' | b'%')))
        });
        (!more).then_some((i + 2, end))
    }

    fn iso_date(&self, i: usize) -> Option<Parsed> {
        let t = self.tok(i)?;
        if t.digits != 4 || !self.punct(i + 1, b'-') || !self.glued(i + 1) {
            return None;
        }
        let m = self.tok(i + 2)?;
        let d = self.tok(i + 4)?;
        if m.digits != 2 || m.space || !self.punct(i + 3, b'-') || d.digits != 2 || d.space {
            return None;
        }
        let (y, m, d) = (t.num as i32, m.num as u32, d.num as u32);
        if !(1000..=2199).contains(&y) || !valid_md(m, d) {
            return None;
        }
        Some(Parsed {
            start: i,
            end: i + 5,
            sem: Sem::Ymd { y: Some(y), m, d },
        })
    }

    /// Duration, possibly followed by "ago", "earlier", "later", "from now",
    /// or preceded by it being a rate ("$5 a year").
    fn duration_or_ago(&self, i: usize) -> Option<Parsed> {
        let d = self.duration(i)?;
        let Sem::Duration { unit, n } = d.sem.clone() else {
            return Some(d);
        };
        let e = d.end;
        if self.is_w(e, W::Ago) {
            return Some(Parsed {
                start: i,
                end: e + 1,
                sem: Sem::Ago {
                    unit,
                    n,
                    sign: -1,
                    from_ref: false,
                },
            });
        }
        // "a week or so ago": the same date, given as an approximation.
        if self.eq(e, "or") && self.eq(e + 1, "so") && self.is_w(e + 2, W::Ago) {
            return Some(Parsed {
                start: i,
                end: e + 3,
                sem: Sem::Ago {
                    unit,
                    n,
                    sign: -1,
                    from_ref: false,
                },
            });
        }
        if self.is_w(e, W::From) && self.is_w(e + 1, W::Now) {
            return Some(Parsed {
                start: i,
                end: e + 2,
                sem: Sem::Ago {
                    unit,
                    n,
                    sign: 1,
                    from_ref: false,
                },
            });
        }
        // "three days later", "a week earlier": TimeML marks the stretch
        // ("three days") as a DURATION and "later" as a signal; only months
        // and years counted back ("a year earlier") are dates.
        if (self.is_w(e, W::Earlier) || self.is_w(e, W::Later))
            && !self.is_w(e + 1, W::Than)
            && matches!(unit, Unit::Week | Unit::Day)
        {
            return Some(d);
        }
        if (self.is_w(e, W::Earlier) || self.is_w(e, W::Later))
            && !self.is_w(e + 1, W::Than)
            && matches!(unit, Unit::Year | Unit::Month)
        {
            let sign = if self.is_w(e, W::Earlier) { -1 } else { 1 };
            return Some(Parsed {
                start: i,
                end: e + 1,
                sem: Sem::Ago {
                    unit,
                    n,
                    sign,
                    from_ref: true,
                },
            });
        }
        // Rate: "$5 a year", "twice a day", "10% a month".
        if self.is_w(i, W::A) && i > 0 && e == i + 2 {
            let p = &self.toks[i - 1];
            // "1bn", "950m" (one token): a magnitude glued to its number.
            let glued_magnitude = |k: usize| {
                let w = self.s(k);
                w.starts_with(|c: char| c.is_ascii_digit())
                    && ["bn", "m", "tn", "k"].iter().any(|m| w.ends_with(m))
            };
            let magnitude = |k: usize| {
                glued_magnitude(k)
                    || matches!(
                        self.s(k).to_ascii_lowercase().as_str(),
                        "million" | "billion" | "thousand" | "hundred"
                    )
            };
            let rate = p.is_num()
                // "one a week", "five a day"
                || matches!(p.lex, Lex::Num(_) | Lex::Tens(_))
                || matches!(p.kind, Kind::Punct(b'%'))
                || magnitude(i - 1)
                || matches!(
                    self.s(i - 1).to_ascii_lowercase().as_str(),
                    "twice" | "once" | "times" | "percent" | "dollars" | "cents"
                )
                // "$5bn (£2.7bn) a year", "£20 ($38) a month": the amount
                // converted in brackets right before.
                || (p.is_punct(b')') && self.converted_amount(i - 1))
                // "four flights a week", "700 seats a week", "24 hours a
                // day", "70 million passengers a year", "200bn euros a
                // year": a counted plural noun before "a UNIT" is a
                // frequency.
                || (i >= 2
                    && self.s(i - 1).len() > 2
                    && self.s(i - 1).ends_with('s')
                    && (self.number(i - 2).is_some_and(|(k, _)| k == i - 1)
                        || magnitude(i - 2)));
            if rate {
                return Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::Set(set_value(unit, 1.0)),
                });
            }
        }
        Some(d)
    }

    /// Quarters and halves without a determiner: "third quarter",
    /// "third-quarter", "first half", "fiscal 1990".
    fn quarter_words(&self, i: usize) -> Option<Parsed> {
        let mut j = i;
        if self.is_w(j, W::Fiscal) {
            j += 1;
            if self.punct(j, b'-') {
                j += 1;
            }
        }
        let n = self.ordinal(j)?;
        let mut k = j + 1;
        if self.punct(k, b'-') && self.glued(k) {
            k += 1;
        }
        let part = match (self.unit(k), self.w(k)) {
            (Some((Unit::Quarter, false)), _) if (1..=4).contains(&n) => Part::Quarter(n as u8),
            (_, Some(W::Half)) if (1..=2).contains(&n) => Part::Half(n as u8),
            _ => return None,
        };
        Some(self.part_of_year(i, k + 1, part))
    }

    /// A quarter, half or season ending before token `e`, with the year
    /// that may follow it ("the second quarter of 1990", "summer of 1998").
    fn part_of_year(&self, start: usize, e: usize, part: Part) -> Parsed {
        // "the first half of next year", "the third quarter of this year":
        // counted from the DCT's year, like "next year's first quarter".
        if let Some(off) = self.of_this_year(e) {
            return Parsed {
                start,
                end: e + 3,
                sem: Sem::PartOff { part, off },
            };
        }
        let (y, end) = match self.of_year_after(e) {
            Some((y, e2)) => (Some(y), e2),
            // "the fourth quarter of the year": the year in focus, which
            // the tense of the clause picks, as for the part alone.
            None if self.is_w(e, W::Of)
                && self.is_w(e + 1, W::The)
                && self.unit(e + 2) == Some((Unit::Year, false)) =>
            {
                (None, e + 3)
            }
            None => (None, e),
        };
        Parsed {
            start,
            end,
            sem: Sem::Part {
                y,
                part,
                rel: Rel::None,
            },
        }
    }

    fn word(&self, i: usize) -> Option<Parsed> {
        let t = self.tok(i)?;
        let one = |sem: Sem| {
            Some(Parsed {
                start: i,
                end: i + 1,
                sem,
            })
        };
        match t.lex {
            Lex::Month(..) => self.calendar(i),
            Lex::Weekday(..) => self.weekday(i),
            Lex::Holiday(id) => self.holiday(i, id),
            Lex::Num(19) if matches!(self.lex(i + 1), Lex::Tens(_)) => {
                let (y, e) = self.spelled_year(i)?;
                Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::Year(y),
                })
            }
            Lex::Num(_) | Lex::Tens(_) => self.duration_or_ago(i),
            Lex::Ord(_) => self.quarter_words(i),
            // "second quarter", "second-quarter profit", "a flat second
            // quarter": "second" is lexed as the unit, but before "quarter"
            // or "half" it is the ordinal, as "third" and "fourth" are.
            Lex::Unit(Unit::Second, false) if self.quarter_words(i).is_some() => {
                self.quarter_words(i)
            }
            Lex::Season(s) => {
                // "summer 2002"
                if !self.cap(i) && !t.cap {
                    if let Some((y, e)) = self.of_year_after(i + 1) {
                        return Some(Parsed {
                            start: i,
                            end: e,
                            sem: Sem::Part {
                                y: Some(y),
                                part: Part::Season(s),
                                rel: Rel::None,
                            },
                        });
                    }
                }
                if let Some((y, e)) = self.year_after(i + 1) {
                    return Some(Parsed {
                        start: i,
                        end: e,
                        sem: Sem::Part {
                            y: Some(y),
                            part: Part::Season(s),
                            rel: Rel::None,
                        },
                    });
                }
                None
            }
            Lex::W(w) => match w {
                W::New => self.new_year(i),
                W::Yesterday | W::Today | W::Tomorrow => {
                    let off = match w {
                        W::Yesterday => -1,
                        W::Today => 0,
                        _ => 1,
                    };
                    if let Lex::Pod(p) = self.lex(i + 1) {
                        return Some(Parsed {
                            start: i,
                            end: i + 2,
                            sem: Sem::PodTime { off, pod: p },
                        });
                    }
                    one(Sem::DayOff { off, pod: None })
                }
                W::Tonight => one(Sem::PodTime {
                    off: 0,
                    pod: Pod::Night,
                }),
                W::Now => one(Sem::Ref("PRESENT_REF")),
                W::Soon => {
                    // Not "as soon as", "soon after".
                    let prev_as = i > 0 && self.eq(i - 1, "as");
                    let next = self.s(i + 1).to_ascii_lowercase();
                    if prev_as
                        || matches!(next.as_str(), "after" | "afterwards" | "thereafter" | "as")
                    {
                        return None;
                    }
                    one(Sem::Ref("FUTURE_REF"))
                }
                W::Right if self.is_w(i + 1, W::Now) => Some(Parsed {
                    start: i,
                    end: i + 2,
                    sem: Sem::Ref("PRESENT_REF"),
                }),
                W::Someday => one(Sem::Ref("FUTURE_REF")),
                // "Until then", "By then": the time the text just named. A
                // "by" inside a clause may be the passive agent's ("imposed
                // by then president Reagan"): only a "by then" opening its
                // clause counts.
                W::Then
                    if i > 0
                        && (self.eq(i - 1, "until")
                            || (self.eq(i - 1, "by")
                                && (self.sentence_start(i - 1) || self.punct(i - 2, b',')))) =>
                {
                    one(Sem::Then)
                }
                W::Currently => one(Sem::Ref("PRESENT_REF")),
                W::Recently => one(Sem::Ref("PAST_REF")),
                W::Recent => {
                    if let Some((u, true)) = self.unit(i + 1) {
                        let sem = if u == Unit::Year {
                            Sem::Ref("PAST_REF")
                        } else {
                            Sem::Duration { unit: u, n: None }
                        };
                        return Some(Parsed {
                            start: i,
                            end: i + 2,
                            sem,
                        });
                    }
                    None
                }
                W::Current => {
                    if self.is_w(i + 1, W::Fiscal) && self.unit(i + 2) == Some((Unit::Year, false))
                    {
                        return Some(Parsed {
                            start: i,
                            end: i + 3,
                            sem: Sem::UnitOff {
                                unit: Unit::Year,
                                off: 0,
                            },
                        });
                    }
                    if let Some((u, false)) = self.unit(i + 1) {
                        if matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
                            return Some(Parsed {
                                start: i,
                                end: i + 2,
                                sem: Sem::UnitOff { unit: u, off: 0 },
                            });
                        }
                    }
                    let next = self.s(i + 1).to_ascii_lowercase();
                    if t.cap
                        || !self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word)
                        || matches!(
                            next.as_str(),
                            "account"
                                | "accounts"
                                | "assets"
                                | "liabilities"
                                | "dollars"
                                | "events"
                                | "affairs"
                                | "flows"
                                | "flow"
                                | "and"
                                | "or"
                        )
                    {
                        return None;
                    }
                    one(Sem::Ref("PRESENT_REF"))
                }
                // "for the foreseeable future": an idiom for "indefinitely",
                // no time the text refers to.
                W::Future if i > 0 && self.eq(i - 1, "foreseeable") => None,
                W::Future if !t.cap && !self.is_w(i.wrapping_sub(1), W::The) => {
                    // "future quarters"
                    let end = if self.unit(i + 1).is_some_and(|(_, pl)| pl) {
                        i + 2
                    } else {
                        i + 1
                    };
                    // "future earnings", "its future strategy": an adjective
                    // saying only that a thing is yet to come, not a time.
                    if end == i + 1 && self.adjective_before_noun(i) {
                        return None;
                    }
                    Some(Parsed {
                        start: i,
                        end,
                        sem: Sem::Ref("FUTURE_REF"),
                    })
                }
                W::That => self.that_unit(i),
                W::These if self.eq(i + 1, "days") => Some(Parsed {
                    start: i,
                    end: i + 2,
                    sem: Sem::Ref("PRESENT_REF"),
                }),
                W::Daily | W::Weekly | W::Monthly | W::Annually | W::Hourly => {
                    // "Daily Telegraph", "Weekly Standard".
                    if t.cap && self.cap(i + 1) && self.lex(i + 1) == Lex::None {
                        return None;
                    }
                    let v = match w {
                        W::Daily => "P1D",
                        W::Weekly => "P1W",
                        W::Monthly => "P1M",
                        W::Annually => "P1Y",
                        W::Quarterly => "P3M",
                        _ => "PT1H",
                    };
                    one(Sem::Set(v.into()))
                }
                W::Every | W::Each | W::Per => self.set(i),
                W::Last => self.relative(i, false).or_else(|| self.elliptic_last(i)),
                W::Next | W::This | W::Past | W::Coming | W::Previous | W::Following => {
                    self.relative(i, false)
                }
                W::Early | W::Late | W::Mid | W::Middle => self.modified(i),
                W::The => self.the(i),
                W::A => self.later_date(i).or_else(|| self.duration_or_ago(i)),
                W::Several | W::Few | W::Many => self.duration_or_ago(i),
                W::Fiscal => {
                    if let Some(y) = self.year_at(i + 1) {
                        // "fiscal 2004-05" is one fiscal year.
                        return Some(Parsed {
                            start: i,
                            end: self.season_end_with(i + 1, y, |_| true).unwrap_or(i + 2),
                            sem: Sem::Year(y),
                        });
                    }
                    self.quarter_words(i)
                }
                W::First => self.quarter_words(i),
                W::Noon | W::Midnight => self.clock(i),
                W::Nearly | W::More | W::Less | W::Over | W::Up | W::At => self.approx(i),
                W::Approx => {
                    let c = self.clock(i + 1)?;
                    Some(Parsed {
                        start: i,
                        end: c.end,
                        sem: c.sem,
                    })
                }
                W::Earlier | W::Later => {
                    // "earlier this year", "later this month", "later that
                    // year", "earlier yesterday", "later this afternoon"
                    let r = self
                        .relative(i + 1, false)
                        .or_else(|| self.that_unit(i + 1))
                        .or_else(|| {
                            let d = self.core(i + 1)?;
                            matches!(d.sem, Sem::DayOff { .. }).then_some(d)
                        })?;
                    if matches!(
                        r.sem,
                        Sem::UnitOff { off: 0, .. }
                            | Sem::Anaphor { off: 0, .. }
                            | Sem::DayOff { .. }
                            | Sem::PodTime { off: 0, .. }
                    ) {
                        return Some(Parsed {
                            start: i,
                            end: r.end,
                            sem: r.sem,
                        });
                    }
                    None
                }
                _ => None,
            },
            Lex::Unit(u, pl)
                if self.punct(i + 1, b'-') && self.glued(i + 1) && self.is_w(i + 2, W::Long) =>
            {
                // "day-long", "decades-long"
                Some(Parsed {
                    start: i,
                    end: i + 3,
                    sem: Sem::Duration {
                        unit: u,
                        n: if pl { None } else { Some(1.0) },
                    },
                })
            }
            Lex::LongAdj(u) => one(Sem::Duration {
                unit: u,
                n: Some(1.0),
            }),
            Lex::Unit(Unit::Year, false) => {
                // "year-end", "year end", "year's end"
                let hyphen = self.punct(i + 1, b'-') && self.glued(i + 1);
                let k = if hyphen {
                    i + 2
                } else if self.punct(i + 1, b'\'') && self.eq(i + 2, "s") {
                    i + 3
                } else {
                    i + 1
                };
                if self.is_w(k, W::End) && !self.is_w(k + 1, W::Of) {
                    return Some(Parsed {
                        start: i,
                        end: k + 1,
                        // "year-end", the closing date of accounts and
                        // deadlines, is the year's last day; "year end" and
                        // "year's end" are the end of the year, which
                        // TimeML gives as the year (with mod="END").
                        sem: if hyphen {
                            Sem::YearEnd
                        } else {
                            Sem::UnitOff {
                                unit: Unit::Year,
                                off: 0,
                            }
                        },
                    });
                }
                // "year-earlier", "year-ago"
                if self.punct(i + 1, b'-')
                    && (self.is_w(i + 2, W::Earlier) || self.is_w(i + 2, W::Ago))
                {
                    let mut e = i + 3;
                    if self.unit(e).is_some_and(|(u, _)| u == Unit::Quarter)
                        || self.is_w(e, W::Period)
                    {
                        e += 1;
                    }
                    return Some(Parsed {
                        start: i,
                        end: e,
                        sem: Sem::YearEarlier,
                    });
                }
                None
            }
            Lex::Unit(_, true) => {
                // Bare plural: "for years", "in weeks".
                if i > 0 {
                    let p = self.s(i - 1).to_ascii_lowercase();
                    if matches!(
                        p.as_str(),
                        "for" | "within" | "in" | "over" | "than" | "after"
                    ) {
                        let (u, _) = self.unit(i)?;
                        if matches!(
                            u,
                            Unit::Year
                                | Unit::Month
                                | Unit::Week
                                | Unit::Day
                                | Unit::Decade
                                | Unit::Century
                                | Unit::Hour
                        ) {
                            if self.is_w(i + 1, W::Ago) {
                                return Some(Parsed {
                                    start: i,
                                    end: i + 2,
                                    sem: Sem::Ref("PAST_REF"),
                                });
                            }
                            return one(Sem::Duration { unit: u, n: None });
                        }
                    }
                }
                if self.is_w(i + 1, W::Ago) {
                    return Some(Parsed {
                        start: i,
                        end: i + 2,
                        sem: Sem::Ref("PAST_REF"),
                    });
                }
                // "in the weeks before the shooting", "the days that followed"
                if i > 0 && self.is_w(i - 1, W::The) {
                    let next = self.s(i + 1).to_ascii_lowercase();
                    if matches!(
                        next.as_str(),
                        "before" | "after" | "that" | "following" | "since" | "leading"
                    ) {
                        let (u, _) = self.unit(i)?;
                        return one(Sem::Duration { unit: u, n: None });
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// "twice as high a dividend this year as last", "more this month
    /// than last": a bare "last" after "as" or "than", closing the clause,
    /// stands for the unit of the "this UNIT" it is compared with.
    fn elliptic_last(&self, i: usize) -> Option<Parsed> {
        if i == 0 || !(self.eq(i - 1, "as") || self.eq(i - 1, "than")) {
            return None;
        }
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        let unit = (i.saturating_sub(12)..i.saturating_sub(1))
            .rev()
            .take_while(|&k| !self.punct(k, b'.'))
            .find_map(|k| match self.unit(k + 1) {
                Some((u @ (Unit::Year | Unit::Month | Unit::Week), false))
                    if self.is_w(k, W::This) =>
                {
                    Some(u)
                }
                _ => None,
            })?;
        Some(Parsed {
            start: i,
            end: i + 1,
            sem: Sem::UnitOff { unit, off: -1 },
        })
    }

    /// "it is", "today is", "it's", "this is" right before token `i`: the
    /// present of the publication day.
    fn present_copula_before(&self, i: usize) -> bool {
        let subject = |k: usize| {
            matches!(
                self.s(k).to_ascii_lowercase().as_str(),
                "it" | "today" | "this"
            )
        };
        if i >= 2 && self.eq(i - 1, "is") {
            return subject(i - 2);
        }
        i >= 3 && self.eq(i - 1, "s") && self.punct(i - 2, b'\'') && subject(i - 3)
    }

    /// "at a later date", "an earlier date": a time after or before now
    /// that the text leaves open.
    fn later_date(&self, i: usize) -> Option<Parsed> {
        let r = if self.is_w(i + 1, W::Later) {
            "FUTURE_REF"
        } else if self.is_w(i + 1, W::Earlier) {
            "PAST_REF"
        } else {
            return None;
        };
        if !self.eq(i + 2, "date") {
            return None;
        }
        Some(Parsed {
            start: i,
            end: i + 3,
            sem: Sem::Ref(r),
        })
    }

    /// Approximated durations: "nearly two years", "more than a decade ago",
    /// "at least 72 hours", "up to 180 days", "over a week".
    fn approx(&self, i: usize) -> Option<Parsed> {
        let j = match self.w(i)? {
            W::Nearly => i + 1,
            W::More | W::Less if self.is_w(i + 1, W::Than) => i + 2,
            W::At if self.is_w(i + 1, W::Least) => i + 2,
            W::Up if self.is_w(i + 1, W::To) => i + 2,
            W::Over => i + 1,
            _ => return None,
        };
        let d = self.duration_or_ago(j)?;
        let ok = match d.sem {
            Sem::Duration { .. } => true,
            Sem::Ago { .. } => !self.is_w(i, W::Over),
            _ => false,
        };
        ok.then_some(Parsed {
            start: i,
            end: d.end,
            sem: d.sem,
        })
    }

    fn holiday(&self, i: usize, id: u8) -> Option<Parsed> {
        self.holiday_named(i, i + 1, id)
    }

    /// "New Year's Day": the holiday whose name is two words.
    fn new_year(&self, i: usize) -> Option<Parsed> {
        if !(self.cap(i) && self.cap(i + 1) && self.eq(i + 1, "year")) {
            return None;
        }
        let id = super::lexicon::HOLIDAYS
            .iter()
            .position(|(name, _, _)| *name == "new-year")?;
        // Like "Valentine's", it needs its "Day": "New Year" alone is a
        // season of greetings ("over New Year"), not one date.
        self.holiday_named(i, i + 2, u8::try_from(id).ok()?)
    }

    /// A holiday whose name runs from token `i` to `e` (exclusive).
    fn holiday_named(&self, i: usize, e: usize, id: u8) -> Option<Parsed> {
        if !self.cap(i) {
            return None;
        }
        let name = super::lexicon::holiday(id)?.0;
        let mut e = e;
        // Possessive: "Valentine's Day"
        if self.punct(e, b'\'') && self.eq(e + 1, "s") {
            e += 2;
        }
        let needs_day = matches!(
            name,
            "election"
                | "independence"
                | "labor"
                | "memorial"
                | "valentine"
                | "new-year"
                | "boxing"
        );
        // "Easter week", "Christmas week": the week that holds the day.
        if !needs_day && self.eq(e, "week") && !self.punct(e + 1, b'-') {
            return Some(Parsed {
                start: i,
                end: e + 1,
                sem: Sem::HolidayWeek { id },
            });
        }
        if self.eq(e, "day") || self.eq(e, "eve") || (name == "easter" && self.eq(e, "sunday")) {
            if self.eq(e, "eve") {
                return None;
            }
            e += 1;
        } else if needs_day {
            return None;
        }
        let mut y = None;
        if let Some((yy, e2)) = self.year_after(e) {
            y = Some(yy);
            e = e2;
        }
        Some(Parsed {
            start: i,
            end: e,
            sem: Sem::Holiday { id, y },
        })
    }

    /// "every year", "each July", "every other week", "per year".
    fn set(&self, i: usize) -> Option<Parsed> {
        let mut j = i + 1;
        let mut n = 1.0;
        if self.is_w(j, W::Other) {
            n = 2.0;
            j += 1;
        } else if let Some((k, v)) = self.number(j) {
            n = v;
            j = k;
        }
        match self.lex(j) {
            Lex::Unit(u, _) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Set(set_value(u, n)),
            }),
            Lex::Weekday(wd, _) if !self.is_w(i, W::Per) => {
                let mut e = j + 1;
                let mut suffix = String::new();
                if let Lex::Pod(p) = self.lex(e) {
                    suffix = format!("T{}", p.code());
                    e += 1;
                }
                Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::Set(format!("XXXX-WXX-{wd}{suffix}")),
                })
            }
            Lex::Month(m, _) if !self.is_w(i, W::Per) && self.cap(j) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Set(format!("XXXX-{m:02}")),
            }),
            Lex::Season(s) if !self.is_w(i, W::Per) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Set(format!("XXXX-{}", s.code())),
            }),
            Lex::Pod(p) if !self.is_w(i, W::Per) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Set(format!("XXXX-XX-XXT{}", p.code())),
            }),
            _ if self.eq(j, "season") && !self.is_w(i, W::Per) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Set("P1Y".into()),
            }),
            _ => None,
        }
    }

    /// "last/next/this/past/coming/previous/following X".
    fn relative(&self, i: usize, with_the: bool) -> Option<Parsed> {
        let w = self.w(i)?;
        let rel = match w {
            W::Last | W::Past | W::Previous => Rel::Last,
            W::Next | W::Coming | W::Following => Rel::Next,
            W::This => Rel::This,
            _ => return None,
        };
        let mut j = i + 1;
        let mut rel = rel;
        // "this coming Sunday": the next one.
        if w == W::This && self.is_w(j, W::Coming) {
            j += 1;
            rel = Rel::Next;
        }
        let j = j;
        // Durations: "the past two months", "the next few years",
        // "last 12 months".
        if matches!(
            w,
            W::Last | W::Past | W::Next | W::Coming | W::Following | W::Previous
        ) {
            let q = self
                .number(j)
                .map(|(k, n)| (k, Some(n)))
                .or_else(|| self.vague_qty(j));
            if let Some((k, n)) = q {
                // "the next 12 to 18 months"
                let mut k = k;
                let mut n = n;
                if self.is_w(k, W::To) || self.eq(k, "or") {
                    if let Some((k2, _)) = self.number(k + 1) {
                        k = k2;
                        n = None;
                    }
                }
                if let Some((unit, _)) = self.unit(k) {
                    let mut e = k + 1;
                    if self.eq(e, "or") && self.eq(e + 1, "so") {
                        e += 2;
                    }
                    return Some(Parsed {
                        start: i,
                        end: e,
                        sem: Sem::Duration { unit, n },
                    });
                }
                // "the past three summers"
                if let Lex::Season(_) = self.lex(k) {
                    return Some(Parsed {
                        start: i,
                        end: k + 1,
                        sem: Sem::Duration {
                            unit: Unit::Year,
                            n,
                        },
                    });
                }
                return None;
            }
        }
        match self.lex(j) {
            // "the coming years", "the past months"
            Lex::Unit(u, true)
                if matches!(w, W::Coming | W::Past | W::Last | W::Next)
                    && matches!(
                        u,
                        Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade
                    ) =>
            {
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Duration { unit: u, n: None },
                })
            }
            Lex::Weekday(wd, false) if self.cap(j) => {
                let wd = u32::from(wd);
                // "the previous Friday", "the following Monday": counted
                // from the day the text last named.
                if matches!(w, W::Previous | W::Following) {
                    if !with_the {
                        return None;
                    }
                    let off = if w == W::Previous { -1 } else { 1 };
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::WeekdayFrom { wd, off },
                    });
                }
                if w == W::Past {
                    return None;
                }
                // "this coming Sunday, March 8": the date says which one.
                Some(self.weekday_then(i, j + 1, wd, rel))
            }
            Lex::Month(m, abbr) if self.cap(j) && (!abbr || self.punct(j + 1, b'.')) => {
                if matches!(w, W::Past | W::Coming | W::Previous | W::Following) {
                    return None;
                }
                // "last Oct. 23"
                if let Some(c) = self.calendar(j) {
                    if let Sem::Ymd { y: None, .. } = c.sem {
                        return Some(Parsed {
                            start: i,
                            end: c.end,
                            sem: c.sem,
                        });
                    }
                }
                let e = if abbr { j + 2 } else { j + 1 };
                Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::Ym {
                        y: None,
                        m: u32::from(m),
                        rel,
                    },
                })
            }
            Lex::Holiday(id) if matches!(w, W::Last | W::Next | W::This) => {
                let h = self.holiday(j, id)?;
                Some(Parsed {
                    start: i,
                    end: h.end,
                    sem: h.sem,
                })
            }
            Lex::Season(s) => {
                if matches!(w, W::Previous | W::Following) {
                    return None;
                }
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Part {
                        y: None,
                        part: Part::Season(s),
                        rel,
                    },
                })
            }
            // "the next morning", "the previous evening": that part of the
            // day after or before the day last named.
            Lex::Pod(_) if with_the && matches!(w, W::Next | W::Following | W::Previous) => {
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Anaphor {
                        unit: Unit::Day,
                        off: if w == W::Previous { -1 } else { 1 },
                    },
                })
            }
            Lex::Pod(p) => {
                let off = match (w, p) {
                    (W::This, _) => 0,
                    (W::Last, Pod::Night) => -1,
                    _ => return None,
                };
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::PodTime { off, pod: p },
                })
            }
            Lex::Unit(u, false) => {
                if self.cap(j) && !self.sentence_start(i) {
                    return None;
                }
                let off = match rel {
                    Rel::Last => -1,
                    Rel::Next => 1,
                    _ => 0,
                };
                // "the past week", "the last year": a duration in TimeML.
                if with_the && matches!(w, W::Past | W::Last | W::Next | W::Coming) {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Duration {
                            unit: u,
                            n: Some(1.0),
                        },
                    });
                }
                if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                    return None;
                }
                // "the following year", "the previous month": counted from
                // the date the text last named, not from the DCT.
                if with_the
                    && matches!(w, W::Following | W::Previous)
                    && matches!(
                        u,
                        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
                    )
                {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Anaphor { unit: u, off },
                    });
                }
                if u == Unit::Weekend {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Weekend { rel },
                    });
                }
                if matches!(w, W::Past | W::Coming) && !with_the {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Duration {
                            unit: u,
                            n: Some(1.0),
                        },
                    });
                }
                let e = j + 1;
                // "this quarter" / "last year's"
                if u == Unit::Quarter && w == W::This {
                    return Some(Parsed {
                        start: i,
                        end: e,
                        sem: Sem::UnitOff { unit: u, off: 0 },
                    });
                }
                // "last year's quarter": the year-earlier counterpart of
                // the quarter in focus.
                if u == Unit::Year
                    && off == -1
                    && self.punct(e, b'\'')
                    && self.eq(e + 1, "s")
                    && (self.unit(e + 2) == Some((Unit::Quarter, false))
                        || self.is_w(e + 2, W::Period))
                {
                    return Some(Parsed {
                        start: i,
                        end: e + 3,
                        sem: Sem::YearEarlier,
                    });
                }
                // "this year's third quarter", "next year's first quarter"
                if u == Unit::Year && self.punct(e, b'\'') && self.eq(e + 1, "s") {
                    if let Some(q) = self.quarter_words(e + 2) {
                        if let Sem::Part { y: None, part, .. } = q.sem {
                            return Some(Parsed {
                                start: i,
                                end: q.end,
                                sem: Sem::PartOff { part, off },
                            });
                        }
                    }
                }
                Some(Parsed {
                    start: i,
                    end: e,
                    sem: Sem::UnitOff { unit: u, off },
                })
            }
            _ => None,
        }
    }

    /// "early/late/mid X", "the end of X", "the beginning of X".
    fn modified(&self, i: usize) -> Option<Parsed> {
        let w = self.w(i)?;
        let mut j = i + 1;
        if matches!(w, W::Mid | W::Early | W::Late) && self.punct(j, b'-') && self.glued(j) {
            j += 1;
        } else if matches!(w, W::Middle | W::End | W::Beginning | W::Start) {
            if !self.is_w(j, W::Of) {
                return None;
            }
            j += 1;
        }
        if matches!(w, W::Early | W::Late) && self.is_w(j, W::The) {
            // "late the next day" is odd; allow "early the next"? no.
            return None;
        }
        // "early summer", "late spring": the season, in the year the
        // tense points to.
        if let (Lex::Season(s), true) = (self.lex(j), matches!(w, W::Early | W::Late | W::Mid)) {
            if self.core(j).is_none() {
                return Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Part {
                        y: None,
                        part: Part::Season(s),
                        rel: Rel::None,
                    },
                });
            }
        }
        // "mid-afternoon", "mid-afternoon yesterday", "late Friday
        // night" is handled by the weekday; here the part of day comes first.
        if let (Lex::Pod(pod), true) = (self.lex(j), matches!(w, W::Early | W::Late | W::Mid)) {
            let day = self.core(j + 1).filter(|d| {
                matches!(
                    d.sem,
                    Sem::DayOff { pod: None, .. } | Sem::Weekday { pod: None, .. }
                ) && d.end == j + 2
            });
            return match day {
                Some(d) => {
                    let sem = match d.sem {
                        Sem::DayOff { off, .. } => Sem::PodTime { off, pod },
                        Sem::Weekday { wd, rel, .. } => Sem::Weekday {
                            wd,
                            rel,
                            pod: Some(pod),
                        },
                        other => other,
                    };
                    Some(Parsed {
                        start: i,
                        end: d.end,
                        sem,
                    })
                }
                // Alone only after "mid": "early morning" is too often an
                // adjective ("early-morning raid").
                None if w == W::Mid => Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::PodTime { off: 0, pod },
                }),
                None => None,
            };
        }
        let inner = self.core(j).or_else(|| self.the(j))?;
        match inner.sem {
            Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_) => return None,
            _ => {}
        }
        // "late yesterday" stays a day; "mid afternoon".
        Some(Parsed {
            start: i,
            end: inner.end,
            sem: inner.sem,
        })
    }

    /// Expressions that start with "the".
    pub fn the(&self, i: usize) -> Option<Parsed> {
        if !self.is_w(i, W::The) {
            return None;
        }
        let j = i + 1;
        if let Some(p) = self.year_ago_counterpart(i) {
            return Some(p);
        }
        // "the comparable year-ago quarter", "the corresponding year-earlier
        // period".
        if (self.eq(j, "comparable") || self.eq(j, "corresponding"))
            && self.unit(j + 1) == Some((Unit::Year, false))
        {
            if let Some(p) = self.year_earlier_period(i, j + 1) {
                return Some(p);
            }
        }
        // "in the near term", "for the short term": the coming while.
        if (self.is_w(j, W::Near) || self.eq(j, "short")) && self.eq(j + 1, "term") {
            return Some(Parsed {
                start: i,
                end: j + 2,
                sem: Sem::Ref("FUTURE_REF"),
            });
        }
        // "in the weeks ahead": an open stretch of those units.
        if let Some((u, true)) = self.unit(j) {
            if self.eq(j + 1, "ahead")
                && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
            {
                return Some(Parsed {
                    start: i,
                    end: j + 2,
                    sem: Sem::Duration { unit: u, n: None },
                });
            }
        }
        // "over the years", "over the decades": a long stretch the text
        // does not measure.
        if i > 0 && self.eq(i - 1, "over") && !self.is_w(j + 1, W::Of) {
            if let Some((u @ (Unit::Year | Unit::Decade | Unit::Century), true)) = self.unit(j) {
                return Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Duration { unit: u, n: None },
                });
            }
        }
        let span = |p: Parsed| {
            Some(Parsed {
                start: i,
                end: p.end,
                sem: p.sem,
            })
        };
        // "the last half of 1989": the second half of that year; "the last
        // quarter of 2004", "the final quarter of the year": the fourth.
        // Without a year after it, "the last quarter" is the latest one.
        if self.is_w(j, W::Last) || self.eq(j, "final") {
            let part = if self.is_w(j + 1, W::Half) {
                Some(Part::Half(2))
            } else if self.unit(j + 1) == Some((Unit::Quarter, false)) {
                Some(Part::Quarter(4))
            } else {
                None
            };
            if let Some(part) = part {
                let p = self.part_of_year(i, j + 2, part);
                if p.end > j + 2 {
                    return Some(p);
                }
            }
        }
        // "the week of March 6": the week that holds that day.
        if self.unit(j) == Some((Unit::Week, false)) && self.is_w(j + 1, W::Of) {
            if let Some(c) = self.calendar(j + 2) {
                if let Sem::Ymd { y, m, d } = c.sem {
                    return Some(Parsed {
                        start: i,
                        end: c.end,
                        sem: Sem::WeekOf { y, m, d },
                    });
                }
            }
        }
        // "the day before yesterday", "the day after Christmas": one day
        // off a day the text names right after.
        if self.unit(j) == Some((Unit::Day, false)) {
            let off = if self.eq(j + 1, "before") {
                -1
            } else if self.eq(j + 1, "after") {
                1
            } else {
                0
            };
            if off != 0 {
                if let Some(c) = self.core(j + 2) {
                    if matches!(
                        c.sem,
                        Sem::Ymd { .. }
                            | Sem::Weekday { pod: None, .. }
                            | Sem::WeekdayFrom { .. }
                            | Sem::DayOff { pod: None, .. }
                            | Sem::Holiday { .. }
                    ) {
                        return Some(Parsed {
                            start: i,
                            end: c.end,
                            sem: Sem::DayFrom {
                                day: Box::new(c.sem),
                                off,
                            },
                        });
                    }
                }
            }
        }
        match self.lex(j) {
            Lex::W(W::Past) => {
                if let Some(p) = self.relative(j, true) {
                    return span(p);
                }
                // "the past three elections", "the past few matches", "the
                // fifth month in the past six": "past" is the adjective
                // before a count of things that are no time units (the
                // units took the `relative` rule above), not the noun "the
                // past". A season after the count ("the past three
                // summers") stays.
                let count = self.number(j + 1).map(|(k, _)| k).or_else(|| {
                    ["few", "several", "couple"]
                        .iter()
                        .any(|w| self.eq(j + 1, w))
                        .then_some(j + 2)
                });
                let season = |k: usize| {
                    matches!(self.lex(k), Lex::Season(_))
                        || ["summers", "winters", "springs", "autumns"]
                            .iter()
                            .any(|w| self.eq(k, w))
                };
                if count.is_some_and(|k| !season(k)) {
                    return None;
                }
                // "the past" alone
                if !self.unit(j + 1).is_some_and(|_| true) {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Ref("PAST_REF"),
                    });
                }
                None
            }
            Lex::W(W::Last | W::Next | W::Coming | W::Previous | W::Following) => {
                let p = self.relative(j, true)?;
                if let Sem::Weekday { .. } | Sem::Ym { .. } = p.sem {
                    return None;
                }
                span(p)
            }
            Lex::W(W::Future) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Ref("FUTURE_REF"),
            }),
            Lex::W(W::Near) if self.is_w(j + 1, W::Future) => Some(Parsed {
                start: i,
                end: j + 2,
                sem: Sem::Ref("FUTURE_REF"),
            }),
            Lex::W(W::Present)
                if !self.tok(j + 1).is_some_and(|t| {
                    t.kind == Kind::Word && t.lex == Lex::None && !self.eq(j + 1, "and")
                }) =>
            {
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem: Sem::Ref("PRESENT_REF"),
                })
            }
            Lex::W(W::First) => {
                // "the first nine months", "the first half", "the first quarter"
                if let Some((k, n)) = self.number(j + 1) {
                    if let Some((unit, true)) = self.unit(k) {
                        // "the first two quarters of 1990": that year's
                        // first half, a date.
                        if unit == Unit::Quarter && n == 2.0 {
                            if let Some((y, e)) = self.of_year_after(k + 1) {
                                return Some(Parsed {
                                    start: i,
                                    end: e,
                                    sem: Sem::Part {
                                        y: Some(y),
                                        part: Part::Half(1),
                                        rel: Rel::None,
                                    },
                                });
                            }
                        }
                        return Some(Parsed {
                            start: i,
                            end: k + 1,
                            sem: Sem::Duration { unit, n: Some(n) },
                        });
                    }
                }
                span(self.quarter_words(j)?)
            }
            Lex::W(W::Fiscal) => {
                if self
                    .unit(j + 1)
                    .is_some_and(|(u, pl)| u == Unit::Year && !pl)
                {
                    return Some(Parsed {
                        start: i,
                        end: j + 2,
                        sem: Sem::Duration {
                            unit: Unit::Year,
                            n: Some(1.0),
                        },
                    });
                }
                span(self.quarter_words(j)?)
            }
            Lex::Ord(_) | Lex::Unit(Unit::Second, false) => {
                if let Some(p) = self.quarter_words(j) {
                    // "the third-quarter results": the adjective alone.
                    if self.punct(j + 1, b'-') {
                        return Some(p);
                    }
                    return span(p);
                }
                // "today is the eighth day of the blockade", "It's the
                // second day of an offensive": said of the present, the day
                // counted is the publication day.
                if self.unit(j + 1) == Some((Unit::Day, false))
                    && self.is_w(j + 2, W::Of)
                    && self.present_copula_before(i)
                {
                    return Some(Parsed {
                        start: i,
                        end: j + 2,
                        sem: Sem::DayOff { off: 0, pod: None },
                    });
                }
                // "the 20th century"
                self.century(i, j)
            }
            Lex::None
                if self
                    .tok(j)
                    .is_some_and(|t| t.kind == (Kind::Num { ord: true })) =>
            {
                if let Some(c) = self.calendar(j) {
                    if matches!(c.sem, Sem::Ymd { .. }) {
                        return span(c);
                    }
                }
                self.century(i, j)
            }
            Lex::None if self.eq(j, "full") && self.unit(j + 1) == Some((Unit::Year, false)) => {
                Some(Parsed {
                    start: i,
                    end: j + 2,
                    sem: Sem::UnitOff {
                        unit: Unit::Year,
                        off: 0,
                    },
                })
            }
            Lex::None
                if self.year_at(j).is_some()
                    && (self.eq(j + 1, "quarter") || self.eq(j + 1, "period")) =>
            {
                let y = self.year_at(j)?;
                Some(Parsed {
                    start: i,
                    end: j + 2,
                    sem: Sem::YearQuarter(y),
                })
            }
            Lex::None => {
                // "the 1990s", "the '90s", "the 1988 third quarter"
                let p = self.core(j)?;
                match p.sem {
                    Sem::Decade(_) | Sem::Part { .. } => span(p),
                    _ => None,
                }
            }
            Lex::Num(_) | Lex::Tens(_) => {
                // "the nine months", "the two years"
                let (k, n) = self.number(j)?;
                let (unit, pl) = self.unit(k)?;
                if !pl {
                    return None;
                }
                Some(Parsed {
                    start: i,
                    end: k + 1,
                    sem: Sem::Duration { unit, n: Some(n) },
                })
            }
            Lex::W(W::Latest | W::Current | W::Same) => {
                // "the latest quarter", "the current quarter"
                let w = self.w(j);
                match self.unit(j + 1) {
                    Some((Unit::Quarter, false)) => {
                        let sem = if w == Some(W::Current) {
                            Sem::UnitOff {
                                unit: Unit::Quarter,
                                off: 0,
                            }
                        } else if w == Some(W::Same) {
                            return None;
                        } else {
                            Sem::FocusQuarter
                        };
                        Some(Parsed {
                            start: i,
                            end: j + 2,
                            sem,
                        })
                    }
                    Some((u @ (Unit::Year | Unit::Month | Unit::Week), false))
                        if w == Some(W::Current) =>
                    {
                        Some(Parsed {
                            start: i,
                            end: j + 2,
                            sem: Sem::UnitOff { unit: u, off: 0 },
                        })
                    }
                    _ => {
                        if w == Some(W::Latest) && self.is_w(j + 1, W::Period) {
                            return Some(Parsed {
                                start: i,
                                end: j + 2,
                                sem: Sem::FocusQuarter,
                            });
                        }
                        None
                    }
                }
            }
            Lex::Unit(Unit::Quarter, false) => {
                if self.is_w(j + 1, W::Of)
                    || self.year_at(j + 1).is_some()
                    || (self.punct(j + 1, b'-') && self.glued(j + 1))
                {
                    return None;
                }
                // "the quarter ended Sept. 30": the three months up to that
                // day, whatever quarter the text named before.
                let sem = match self.period_end_date(j + 1) {
                    Some((y, m, d)) => Sem::QuarterEnding { y, m, d },
                    None => Sem::FocusQuarter,
                };
                Some(Parsed {
                    start: i,
                    end: j + 1,
                    sem,
                })
            }
            Lex::DecadeWord(d) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Decade(190 + i32::from(d)),
            }),
            Lex::Unit(Unit::Year, false) if !self.punct(j + 1, b'-') => {
                // "the year two thousand", "the year 1990"
                if let Some(y) = self.year_at(j + 1) {
                    return Some(Parsed {
                        start: i,
                        end: j + 2,
                        sem: Sem::Year(y),
                    });
                }
                if self.eq(j + 1, "two") && self.eq(j + 2, "thousand") {
                    return Some(Parsed {
                        start: i,
                        end: j + 3,
                        sem: Sem::Year(2000),
                    });
                }
                // "the year ended Sept. 30" is a duration; "for the year"
                // the current year.
                let next = self.s(j + 1).to_ascii_lowercase();
                if matches!(next.as_str(), "ended" | "ending" | "through" | "to") {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::Duration {
                            unit: Unit::Year,
                            n: Some(1.0),
                        },
                    });
                }
                let prev = i.checked_sub(1).map(|p| self.s(p).to_ascii_lowercase());
                if matches!(prev.as_deref(), Some("for" | "of" | "in" | "during")) {
                    return Some(Parsed {
                        start: i,
                        end: j + 1,
                        sem: Sem::UnitOff {
                            unit: Unit::Year,
                            off: 0,
                        },
                    });
                }
                None
            }
            Lex::Unit(Unit::Year, false) => self.year_earlier_period(i, j),
            Lex::Unit(Unit::Weekend, false) => Some(Parsed {
                start: i,
                end: j + 1,
                sem: Sem::Weekend { rel: Rel::None },
            }),
            Lex::Season(s) => Some(self.part_of_year(i, j + 1, Part::Season(s))),
            Lex::W(W::End | W::Beginning | W::Start | W::Middle | W::Turn) => {
                if !self.is_w(j + 1, W::Of) {
                    return None;
                }
                if self.is_w(j + 2, W::The) {
                    if let Some((u @ (Unit::Year | Unit::Month | Unit::Week), false)) =
                        self.unit(j + 3)
                    {
                        return Some(Parsed {
                            start: i,
                            end: j + 4,
                            sem: Sem::UnitOff { unit: u, off: 0 },
                        });
                    }
                }
                let inner = self.core(j + 2).or_else(|| self.the(j + 2))?;
                match inner.sem {
                    Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_) => None,
                    _ => Some(Parsed {
                        start: i,
                        end: inner.end,
                        sem: inner.sem,
                    }),
                }
            }
            Lex::W(W::Early | W::Late | W::Mid) => {
                let p = self.modified(j)?;
                match p.sem {
                    Sem::Decade(_) | Sem::Part { .. } | Sem::Century(_) => span(p),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A bare day number continuing a date: "April 24 and [25]".
    pub fn day_continuation(&self, i: usize) -> Option<(usize, u32)> {
        let conj =
            self.is_w(i, W::And) || self.eq(i, "or") || self.is_w(i, W::To) || self.punct(i, b'-');
        if !conj {
            return None;
        }
        let d = self.day_num(i + 1)?;
        // Not "April 24 and 25 people".
        if self
            .tok(i + 2)
            .is_some_and(|n| n.kind == Kind::Word && n.lex == Lex::None && !n.cap)
        {
            return None;
        }
        Some((i + 2, d))
    }

    /// Brackets closing at `close` that hold an amount in another currency
    /// ("(£2.7bn)", "(US$13 million)", "($2m; £1m)"): a currency sign
    /// within a few tokens after the opening bracket.
    fn converted_amount(&self, close: usize) -> bool {
        let Some(open) = (close.saturating_sub(8)..close)
            .rev()
            .find(|&k| self.punct(k, b'('))
        else {
            return false;
        };
        (open + 1..close).any(|k| self.s(k).starts_with(['$', '£', '€', '¥']))
    }

    /// The days written before a day-first date at `start` that share its
    /// month, nearest last: "from [10]-16 January", "on [9] and 10 July",
    /// "[8]/9 January", "on [14], [20] and 27 April". Each day is smaller
    /// than the one after it, as in a range or a list of dates; a range has
    /// one day more, a list runs back over commas only after its `and`.
    pub fn days_before(&self, start: usize) -> Vec<usize> {
        let mut days = Vec::new();
        let Some(mut last) = self.day_first(start) else {
            return days;
        };
        let mut k = start;
        let mut listed = false;
        while k >= 2 {
            let sep = k - 1;
            let list = self.is_w(sep, W::And) || self.eq(sep, "or");
            let range = self.is_w(sep, W::To)
                || self.punct(sep, b'-')
                || self.punct(sep, b'/') && self.glued(sep) && self.glued(k);
            if !(list || range || listed && self.punct(sep, b',')) {
                break;
            }
            let d = k - 2;
            let Some(t) = self.tok(d) else { break };
            let day = t.is_num() && t.digits <= 2 && (1..last as u64).contains(&t.num);
            // Not part of a larger figure: "£10-16", "1.10-16", "3-10-16".
            let in_figure = d > 0 && !t.space && !self.punct(d - 1, b'(');
            if !day || in_figure {
                break;
            }
            days.push(d);
            if range {
                break;
            }
            listed |= list;
            last = t.num as u32;
            k = d;
        }
        days.reverse();
        days
    }

    fn century(&self, i: usize, j: usize) -> Option<Parsed> {
        let n = self.ordinal(j)?;
        if self.eq(j + 1, "century") && (1..=30).contains(&n) {
            return Some(Parsed {
                start: i,
                end: j + 2,
                sem: Sem::Century(n as i32 - 1),
            });
        }
        None
    }
}

fn time(h: u32, min: u32) -> Sem {
    Sem::Time {
        date: None,
        h,
        min,
        sec: None,
    }
}

fn valid_md(m: u32, d: u32) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=max).contains(&d)
}

/// SET value for "every N units".
pub fn set_value(unit: Unit, n: f64) -> String {
    super::normalize::duration_value(unit, Some(n))
}

/// Nouns of scheduled events and of periodic figures that a month names
/// after "the" ("the March accession", "the May elections", "the March
/// figures"): with them "March" and "May" are months, not the verb or the
/// name.
const MONTH_EVENT_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "summit",
    "deadline",
    "accession",
    "election",
    "elections",
    "vote",
    "poll",
    "polls",
    "referendum",
    "session",
    "budget",
    "talks",
    "figures",
    "data",
    "issue",
    "edition",
    "report",
    "survey",
    "launch",
    "quarter",
    "visit",
    "conference",
    "agreement",
    "ceasefire",
    "deal",
    "decision",
    "ruling",
    "release",
    "sales",
];
