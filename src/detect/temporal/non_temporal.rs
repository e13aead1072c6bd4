//! Uses of temporal words that are not temporal expressions: the title of a
//! programme ("60 Minutes", "This Week With David Brinkley"), a frequency
//! adjective that only turns a quantity into a rate ("annual sales", "average
//! daily volume"), a unit of speed ("15 million instructions per second",
//! "120 miles an hour"), a growth rate ("to rise 8.5% annually"), a year
//! that is part of a name ("a venture called Orion 1980") and "Now" opening
//! the next item ("Now for the weather"), and "soon" in a past clause ("he
//! was soon released": shortly after a past event, no reference to the
//! future), "Today" ending a name ("USA Today"), and "daily" or "weekly"
//! as the noun for a paper before its name ("the Communist Party daily
//! Granma").
//!
//! The grammar parses these like any other expression; this filter looks at
//! the words around the parse, which the grammar's rules do not see.

use super::anchor::{tense_of_word, Tense};
use super::lexicon::{Lex, Unit, W};
use super::normalize::{Part, Sem};
use super::patterns::{Grammar, Parsed};
use super::token::Kind;

/// Nouns of a quantity measured over a period: a frequency adjective before
/// them makes a rate ("annual sales of $2 billion"), not a recurring time.
const RATE_NOUNS: &[&str] = &[
    "sales",
    "revenue",
    "revenues",
    "income",
    "earnings",
    "profit",
    "profits",
    "dividend",
    "dividends",
    "rate",
    "rates",
    "volume",
    "volumes",
    "turnover",
    "output",
    "production",
    "growth",
    "yield",
    "yields",
    "return",
    "returns",
    "interest",
    "budget",
    "budgets",
    "cost",
    "costs",
    "spending",
    "salary",
    "salaries",
    "wage",
    "wages",
    "fee",
    "fees",
    "rent",
    "capacity",
    "consumption",
    "inflation",
    "savings",
    "total",
    "totals",
    "gains",
    "losses",
    "loss",
    "investment",
    "bonus",
    "limit",
    "limits",
    "target",
    "targets",
    "payouts",
    "gdp",
];

/// Words of a compound before a [`RATE_NOUNS`] noun that the rate rule
/// steps over: "annual pre-tax profits", "annual gross national income",
/// "annual house price inflation".
const RATE_COMPOUND: &[&str] = &[
    "pre",
    "tax",
    "pretax",
    "net",
    "gross",
    "national",
    "domestic",
    "operating",
    "house",
    "price",
    "average",
    "total",
    "underlying",
    "core",
    "economic",
];

/// Nouns of a person, a work or a team that an award names with "of the
/// year": "album of the year", "player of the year", "Swiss sportsman of
/// the year". The accolade is a title, and no time the text refers to
/// (at the Grammys of 2005 the album of the year is one of 2004). The
/// plural ("one of the films of the year", "the big events of the year")
/// ranks things within the year and stays a date.
const AWARD_NOUNS: &[&str] = &[
    "album",
    "record",
    "song",
    "songwriter",
    "film",
    "movie",
    "novel",
    "book",
    "artist",
    "act",
    "band",
    "actor",
    "actress",
    "director",
    "producer",
    "newcomer",
    "player",
    "footballer",
    "cricketer",
    "sportsman",
    "sportswoman",
    "sportsperson",
    "athlete",
    "coach",
    "manager",
    "personality",
    "man",
    "woman",
    "team",
    "gig",
    "game",
    "publisher",
    "vendor",
    "blog",
    "word",
];

/// Words of a match of football, rugby or cricket: near one of them a
/// "first half" or "second half" with no year is a half of the match
/// ("a second-half goal", "we didn't play in the first half").
const MATCH_WORDS: &[&str] = &[
    "goal",
    "goals",
    "scored",
    "score",
    "scoring",
    "penalty",
    "penalties",
    "try",
    "tries",
    "header",
    "shot",
    "shots",
    "referee",
    "substitute",
    "substitutes",
    "substituted",
    "replacement",
    "replacements",
    "pitch",
    "match",
    "keeper",
    "goalkeeper",
    "ball",
    "equaliser",
    "equalizer",
    "opener",
    "possession",
    "kick",
    "kicked",
    "corner",
    "tackle",
    "striker",
    "winger",
    "forwards",
    "ruck",
    "wicket",
    "wickets",
    "innings",
    "minute",
    "minutes",
    "interval",
    "game",
    "play",
    "played",
    "playing",
    "defending",
    "defended",
    "display",
    "side",
    "chance",
    "chances",
    "win",
    "won",
    "winners",
    "beat",
];

/// How far, in tokens, [`Grammar::match_half`] looks on each side for a
/// word of a match (within the paragraph).
const MATCH_REACH: usize = 40;

/// Words before "per second" / "an hour" that count occurrences: the phrase
/// is then a frequency ("twice an hour"), which stays a set.
const COUNTS: &[&str] = &["times", "once", "twice", "thrice"];

impl Grammar<'_> {
    /// Whether the parsed expression `p` is one of the uses above.
    pub fn not_a_time(&self, p: &Parsed) -> bool {
        self.programme_title(p)
            || self.rate_adjective(p)
            || self.percentage_rate(p)
            || self.unit_of_speed(p)
            || self.year_in_name(p)
            || self.now_for_next_item(p)
            || self.soon_after_past_event(p)
            || self.today_in_name(p)
            || self.paper_before_name(p)
            || self.paper_name(p)
            || self.match_half(p)
            || self.award_of_the_year(p)
            || self.holiday_in_name(p)
    }

    /// "Father Christmas", "Holocaust Memorial Day", "Wham's Last
    /// Christmas": a holiday inside a name. A capitalised "Father" before
    /// Christmas makes a person; a capitalised word before "Memorial Day"
    /// (other than the United States' own) another day of remembrance,
    /// on another date; a capitalised "Last", "This" or "Next" inside a
    /// sentence a title ("Gonna Have a No 1 This Christmas").
    fn holiday_in_name(&self, p: &Parsed) -> bool {
        let Sem::Holiday { id, .. } = p.sem else {
            return false;
        };
        let Some((name, _, _)) = super::lexicon::holiday(id) else {
            return false;
        };
        let Some(first) = self.toks.get(p.start) else {
            return false;
        };
        let inside = !self.sentence_start(p.start) && !self.all_caps(p.start);
        if matches!(first.lex, Lex::W(W::Last | W::This | W::Next)) {
            return first.cap && inside;
        }
        if !inside || p.start == 0 {
            return false;
        }
        let b = p.start - 1;
        let Some(before) = self.toks.get(b) else {
            return false;
        };
        if before.kind != Kind::Word || !before.cap || self.all_caps(b) {
            return false;
        }
        match name {
            "christmas" => self.eq(b, "father"),
            "memorial" => !["us", "american", "america"].iter().any(|w| self.eq(b, w)),
            _ => false,
        }
    }

    /// "album of the year", "was named player of the year": "the year"
    /// after "of" and a singular noun of [`AWARD_NOUNS`] ends the name of
    /// an award. "the fastest-selling single of the year so far" counts
    /// within the year and stays.
    fn award_of_the_year(&self, p: &Parsed) -> bool {
        if p.end != p.start + 2 || p.start < 2 || !self.eq(p.start, "the") {
            return false;
        }
        let year = matches!(
            self.toks.get(p.start + 1).map(|t| t.lex),
            Some(Lex::Unit(Unit::Year, false))
        );
        if !year || !self.eq(p.start - 1, "of") {
            return false;
        }
        let noun = p.start - 2;
        let so_far = self.eq(p.end, "so") && self.eq(p.end + 1, "far");
        self.toks.get(noun).is_some_and(|t| t.kind == Kind::Word)
            && AWARD_NOUNS.iter().any(|n| self.eq(noun, n))
            && !so_far
    }

    /// "a second-half goal", "we didn't play in the first half", "the
    /// film's second half": a half with no year of its own, after a
    /// possessive or near a word of a match, is half of a match or of a
    /// work, not of the calendar year. A half followed by "of" ("the first
    /// half of next year", "of our fiscal year") or named fiscal keeps its
    /// year, and so does one with no such word near ("growth did slow in
    /// the second half").
    fn match_half(&self, p: &Parsed) -> bool {
        if !matches!(
            p.sem,
            Sem::Part {
                y: None,
                part: Part::Half(_),
                ..
            }
        ) {
            return false;
        }
        if self.is_w(p.end, W::Of) || (p.start..p.end).any(|k| self.is_w(k, W::Fiscal)) {
            return false;
        }
        // "the film's second half", "Spain's first-half performance"; not
        // "the year's second half".
        if p.start >= 3
            && self.eq(p.start - 1, "s")
            && self.punct(p.start - 2, b'\'')
            && !matches!(self.toks[p.start - 3].lex, Lex::Unit(..))
        {
            return true;
        }
        let word = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
                && MATCH_WORDS.iter().any(|w| self.eq(k, w))
        };
        // "in the first half against England"
        if self.eq(p.end, "against") {
            return true;
        }
        let mut k = p.start;
        for _ in 0..MATCH_REACH {
            if k == 0 || self.toks[k].newline {
                break;
            }
            k -= 1;
            if word(k) {
                return true;
            }
        }
        (p.end..(p.end + MATCH_REACH).min(self.toks.len()))
            .take_while(|&k| !self.toks[k].newline)
            .any(word)
    }

    /// "the Communist Party daily Granma", "the weekly Der Spiegel": a
    /// lowercase "daily" or "weekly" right before a capitalised word that
    /// opens no sentence is the noun for a newspaper, and the capitalised
    /// word its name. "daily Monday briefings" names a time: a word of
    /// the temporal lexicon after it keeps the set.
    fn paper_before_name(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 {
            return false;
        }
        let Some(t) = self.toks.get(p.start) else {
            return false;
        };
        if t.cap || !matches!(t.lex, Lex::W(W::Daily | W::Weekly)) {
            return false;
        }
        self.toks.get(p.end).is_some_and(|n| {
            n.kind == Kind::Word && n.cap && n.lex == Lex::None && !n.newline && n.space
        })
    }

    /// "China Daily", "Screen Daily", "Entertainment Weekly": a "Daily" or
    /// "Weekly" written with a capital inside a sentence, right after a
    /// capitalised word, ends the name of a paper or a magazine (the word
    /// before may open the sentence: "China Daily said"). A line in
    /// capitals is no name.
    fn paper_name(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 || p.start == 0 {
            return false;
        }
        let Some(t) = self.toks.get(p.start) else {
            return false;
        };
        if !matches!(t.lex, Lex::W(W::Daily | W::Weekly))
            || !t.cap
            || t.newline
            || self.sentence_start(p.start)
            || self.all_caps(p.start)
        {
            return false;
        }
        self.toks
            .get(p.start - 1)
            .is_some_and(|b| b.kind == Kind::Word && b.cap && b.lex == Lex::None)
    }

    /// "USA Today", "VOA Today", "Psychology Today": a capitalised "Today"
    /// right after a capitalised word of the same sentence ends the name of
    /// a paper or a programme. At the start of a sentence ("Today, the
    /// bank said") or after a lowercase word it is the day.
    fn today_in_name(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 || p.start == 0 {
            return false;
        }
        let Some(t) = self.toks.get(p.start) else {
            return false;
        };
        if t.lex != Lex::W(W::Today) || !t.cap || t.newline || self.sentence_start(p.start) {
            return false;
        }
        let prev = p.start - 1;
        self.toks.get(prev).is_some_and(|b| {
            b.kind == Kind::Word && b.cap && b.lex == Lex::None && !self.sentence_start(prev)
        })
    }

    /// A unit word written with a capital inside a sentence, after the
    /// expression's first word: "''60 Minutes''", "\"This Week\"". Holidays
    /// ("Valentine's Day", "Labor Day") are names of days and stay; so does
    /// a line in capitals.
    fn programme_title(&self, p: &Parsed) -> bool {
        let holiday = |s: &Sem| matches!(s, Sem::Holiday { .. } | Sem::HolidayWeek { .. });
        // "the day before Election Day" is a holiday's neighbour.
        if holiday(&p.sem) || matches!(&p.sem, Sem::DayFrom { day, .. } if holiday(day)) {
            return false;
        }
        (p.start + 1..p.end).any(|k| {
            let Some(t) = self.toks.get(k) else {
                return false;
            };
            matches!(t.lex, Lex::Unit(..))
                && t.cap
                && !t.newline
                && !self.sentence_start(k)
                && !self.all_caps(k)
        })
    }

    /// "annual sales", "average daily volume", "daily share turnover": a
    /// one-word frequency adjective whose noun (the next word or the one
    /// after, past the words of a compound such as "pre-tax" or "gross
    /// national") is a quantity measured over the period.
    fn rate_adjective(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 || !matches!(p.sem, Sem::Set(_)) {
            return false;
        }
        if !matches!(
            self.toks.get(p.start).map(|t| t.lex),
            Some(Lex::W(
                W::Daily | W::Weekly | W::Monthly | W::Annually | W::Hourly
            ))
        ) {
            return false;
        }
        let mut k = p.end;
        let mut words = 0;
        while let Some(t) = self.toks.get(k) {
            if t.is_punct(b'-') {
                k += 1;
                continue;
            }
            // A number may fill the first place: "the annual 2004 rate".
            let num = words == 0 && t.is_num();
            if t.kind != Kind::Word && !num {
                return false;
            }
            if RATE_NOUNS.iter().any(|n| self.eq(k, n)) {
                return true;
            }
            words += 1;
            // The noun may follow one word of any kind ("daily share
            // turnover", "annual 2004 rate"); further words must belong to
            // a compound.
            if (words > 1 && !RATE_COMPOUND.iter().any(|n| self.eq(k, n))) || words > 4 {
                return false;
            }
            k += 1;
        }
        false
    }

    /// "to rise 8.5% annually", "grew 5 percent a year": a percentage
    /// change per period is a rate, like "an annual rate of 8.5%".
    fn percentage_rate(&self, p: &Parsed) -> bool {
        if p.end > p.start + 2 || p.start == 0 || !matches!(p.sem, Sem::Set(_)) {
            return false;
        }
        let before = p.start - 1;
        self.toks.get(before).is_some_and(|t| t.is_punct(b'%'))
            || self.eq(before, "percent")
            || self.eq(before, "pct")
    }

    /// "instructions per second", "miles an hour": `per`/`a`/`an` and a
    /// unit no longer than an hour after a counted noun. After "times",
    /// "once", "twice" it is a frequency and stays.
    fn unit_of_speed(&self, p: &Parsed) -> bool {
        if p.end != p.start + 2 || p.start == 0 {
            return false;
        }
        let per = matches!(
            self.toks.get(p.start).map(|t| t.lex),
            Some(Lex::W(W::Per | W::A))
        );
        let short = matches!(
            self.toks.get(p.start + 1).map(|t| t.lex),
            Some(Lex::Unit(Unit::Second | Unit::Minute | Unit::Hour, false))
        );
        if !per || !short {
            return false;
        }
        let before = p.start - 1;
        let Some(b) = self.toks.get(before) else {
            return false;
        };
        // The counted noun is a plain plural word after a number: "15
        // million instructions", "120 miles", "60 kilometres", "five or
        // six megabits". Before "per second" or "per minute" the number
        // may be missing ("calculations per second") and the noun be one
        // ("one megabit per second") or glued to it ("17m per second").
        if b.kind != Kind::Word || b.lex != Lex::None || b.cap {
            return false;
        }
        if COUNTS.iter().any(|c| self.eq(before, c)) {
            return false;
        }
        let per_short = matches!(self.toks.get(p.start).map(|t| t.lex), Some(Lex::W(W::Per)))
            && matches!(
                self.toks.get(p.start + 1).map(|t| t.lex),
                Some(Lex::Unit(Unit::Second | Unit::Minute, false))
            );
        let word = self.s(before);
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return per_short;
        }
        let number_near = (before.saturating_sub(3)..before).any(|k| {
            self.toks
                .get(k)
                .is_some_and(|t| t.is_num() || matches!(t.lex, Lex::Num(_) | Lex::Tens(_)))
        });
        if word.ends_with('s') {
            number_near || per_short
        } else {
            number_near && per_short
        }
    }

    /// A bare four-digit year right after a capitalised word inside a
    /// sentence is the end of a name: "Orion 1980", "Expo 2000". After a
    /// month, season or holiday the word has a temporal class and is not
    /// concerned.
    fn year_in_name(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 || !matches!(p.sem, Sem::Year(_)) || p.start == 0 {
            return false;
        }
        // "Windows 95, 98, ME, NT, 2000 and XP": a year in a list of
        // versions after the name, when some item is no year (two digits
        // or a word in capitals); "in 1998, 1999 and 2000" stays.
        let mut first = p.start;
        let mut version = false;
        while first >= 2 && first + 16 > p.start {
            let sep = first - 1;
            if !(self.punct(sep, b',') || self.eq(sep, "and") || self.eq(sep, "or")) {
                break;
            }
            let item = first - 2;
            let Some(t) = self.toks.get(item) else { break };
            let caps = t.kind == Kind::Word && self.all_caps(item);
            if !(t.is_num() || caps) || t.newline {
                break;
            }
            version |= caps || t.is_num() && t.digits == 2;
            first = item;
        }
        if !version {
            first = p.start;
        }
        let prev = first - 1;
        let Some(t) = self.toks.get(prev) else {
            return false;
        };
        t.kind == Kind::Word
            && t.cap
            && t.lex == Lex::None
            && !self.sentence_start(prev)
            && !self.toks.get(first).is_some_and(|y| y.newline)
    }

    /// "Now for today's quiz", "Now then": a sentence-opening "Now" that
    /// announces the next item is a discourse marker, not the present.
    fn now_for_next_item(&self, p: &Parsed) -> bool {
        p.end == p.start + 1
            && self.is_now(p.start)
            && self.sentence_start(p.start)
            && (self.eq(p.end, "for") || self.eq(p.end, "then"))
    }

    fn is_now(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.lex), Some(Lex::W(W::Now)))
    }

    /// "He was soon released", "a trickle that soon became a flood": next
    /// to a past-tense verb, "soon" is shortly after a past event, not the
    /// future of the text. "It will soon begin" and "they may soon seek"
    /// stay.
    fn soon_after_past_event(&self, p: &Parsed) -> bool {
        if p.end != p.start + 1 || p.start == 0 {
            return false;
        }
        if !matches!(self.toks.get(p.start).map(|t| t.lex), Some(Lex::W(W::Soon))) {
            return false;
        }
        let past = |j: usize| tense_of_word(self.text, self.toks, j) == Some(Tense::Past);
        past(p.start - 1) || past(p.end)
    }
}
