//! The temporal lexicon: every word the grammar reacts to, with its class.
//!
//! Lookup is ASCII case-insensitive on whole tokens; words with non-ASCII
//! letters are never temporal triggers.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Seasons, as TIMEX3 spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// The season a month falls in (winter = December to February).
    pub fn of_month(m: u32) -> Season {
        match m {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// Parts of the day, as TIMEX3 spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Function and modifier words of the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    The,
    /// "New", of "New Year's Day".
    New,
    A,
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Following,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Turn,
    Of,
    Every,
    Each,
    Per,
    Other,
    Fiscal,
    Several,
    Few,
    Many,
    Some,
    Couple,
    About,
    Approx,
    More,
    Less,
    Than,
    Over,
    Least,
    At,
    Up,
    To,
    Nearly,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Recently,
    Recent,
    Current,
    Soon,
    Previously,
    Future,
    Latest,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Quarterly,
    Hourly,
    Noon,
    Midnight,
    Zone,
    And,
    Half,
    First,
    Second,
    From,
    Same,
    Period,
    Present,
    Twice,
    Near,
    Long,
    Run,
    Former,
    These,
    Right,
    Someday,
    Then,
    That,
}

/// The class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    /// Month, 1-based; `abbr` for "Nov", "Sept"...
    Month(u8, bool),
    /// Weekday, 1 = Monday; `plural` for "Mondays".
    Weekday(u8, bool),
    Unit(Unit, bool),
    /// A cardinal number word (one, twenty, dozen...).
    Num(u32),
    /// An ordinal word (first, twenty-first is two tokens).
    Ord(u32),
    Season(Season),
    Pod(Pod),
    /// A tens word that can combine with a following unit digit word.
    Tens(u32),
    W(W),
    /// "yearlong", "weeklong": a one-unit duration adjective.
    LongAdj(Unit),
    /// A decade word: "nineties" = 9.
    DecadeWord(u8),
    /// Holiday: month and day (0 day = computed), id for computed ones.
    Holiday(u8),
}

pub const HOLIDAYS: &[(&str, u32, u32)] = &[
    // (name id, month, day); day 0 = computed by rule in normalize.
    ("christmas", 12, 25),
    ("thanksgiving", 11, 0),
    ("easter", 0, 0),
    ("halloween", 10, 31),
    ("election", 11, 0),
    ("independence", 7, 4),
    ("labor", 9, 0),
    ("memorial", 5, 0),
    ("valentine", 2, 14),
    ("new-year", 1, 1),
    // The day after Christmas in Britain and the Commonwealth, a day of
    // sales and of sport that British news dates by it.
    ("boxing", 12, 26),
];

static TABLE: LazyLock<FxHashMap<&'static str, Lex>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, Lex> = FxHashMap::default();
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, name) in months.iter().enumerate() {
        m.insert(name, Lex::Month(i as u8 + 1, false));
    }
    for (a, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        m.insert(a, Lex::Month(n, true));
    }
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let days_pl = [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    for i in 0..7 {
        m.insert(days[i], Lex::Weekday(i as u8 + 1, false));
        m.insert(days_pl[i], Lex::Weekday(i as u8 + 1, true));
    }
    for (w, u, pl) in [
        ("second", Unit::Second, false),
        ("seconds", Unit::Second, true),
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, true),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, true),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, true),
        ("weekend", Unit::Weekend, false),
        ("weekends", Unit::Weekend, true),
        ("fortnight", Unit::Fortnight, false),
        ("month", Unit::Month, false),
        ("months", Unit::Month, true),
        ("quarter", Unit::Quarter, false),
        ("quarters", Unit::Quarter, true),
        ("year", Unit::Year, false),
        ("years", Unit::Year, true),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, true),
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, true),
    ] {
        m.insert(w, Lex::Unit(u, pl));
    }
    for (w, n) in [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("dozen", 12),
        ("hundred", 100),
    ] {
        m.insert(w, Lex::Num(n));
    }
    for (w, n) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ] {
        m.insert(w, Lex::Tens(n));
    }
    for (w, n) in [
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ] {
        m.insert(w, Lex::Ord(n));
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        m.insert(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("night", Pod::Night),
    ] {
        m.insert(w, Lex::Pod(p));
    }
    for (w, u) in [
        ("yearlong", Unit::Year),
        ("monthlong", Unit::Month),
        ("weeklong", Unit::Week),
        ("daylong", Unit::Day),
    ] {
        m.insert(w, Lex::LongAdj(u));
    }
    for (w, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w, Lex::DecadeWord(d));
    }
    for (i, (h, _, _)) in HOLIDAYS.iter().enumerate() {
        if *h != "new-year" {
            m.insert(h, Lex::Holiday(i as u8));
        }
    }
    for (w, x) in [
        ("the", W::The),
        ("new", W::New),
        ("a", W::A),
        ("an", W::A),
        ("last", W::Last),
        ("next", W::Next),
        ("this", W::This),
        ("past", W::Past),
        ("coming", W::Coming),
        ("previous", W::Previous),
        ("prior", W::Previous),
        ("following", W::Following),
        ("ago", W::Ago),
        ("earlier", W::Earlier),
        ("later", W::Later),
        ("early", W::Early),
        ("late", W::Late),
        ("mid", W::Mid),
        ("middle", W::Middle),
        ("end", W::End),
        ("beginning", W::Beginning),
        ("start", W::Start),
        ("turn", W::Turn),
        ("of", W::Of),
        ("every", W::Every),
        ("each", W::Each),
        ("per", W::Per),
        ("other", W::Other),
        ("fiscal", W::Fiscal),
        ("several", W::Several),
        ("few", W::Few),
        ("many", W::Many),
        ("some", W::Some),
        ("couple", W::Couple),
        ("about", W::About),
        ("around", W::Approx),
        ("approximately", W::Approx),
        ("roughly", W::Approx),
        ("almost", W::Nearly),
        ("nearly", W::Nearly),
        ("more", W::More),
        ("less", W::Less),
        ("fewer", W::Less),
        ("than", W::Than),
        ("over", W::Over),
        ("least", W::Least),
        ("at", W::At),
        ("up", W::Up),
        ("to", W::To),
        ("yesterday", W::Yesterday),
        ("today", W::Today),
        ("tomorrow", W::Tomorrow),
        ("tonight", W::Tonight),
        ("now", W::Now),
        ("currently", W::Currently),
        ("nowadays", W::Currently),
        ("presently", W::Currently),
        ("recently", W::Recently),
        ("lately", W::Recently),
        ("recent", W::Recent),
        ("current", W::Current),
        ("soon", W::Soon),
        ("previously", W::Previously),
        ("formerly", W::Previously),
        ("future", W::Future),
        ("latest", W::Latest),
        ("daily", W::Daily),
        ("weekly", W::Weekly),
        ("monthly", W::Monthly),
        ("annually", W::Annually),
        ("annual", W::Annually),
        ("yearly", W::Annually),
        ("quarterly", W::Quarterly),
        ("hourly", W::Hourly),
        ("noon", W::Noon),
        ("midday", W::Noon),
        ("midnight", W::Midnight),
        ("gmt", W::Zone),
        ("utc", W::Zone),
        ("est", W::Zone),
        ("edt", W::Zone),
        ("cst", W::Zone),
        ("cdt", W::Zone),
        ("pst", W::Zone),
        ("pdt", W::Zone),
        ("bst", W::Zone),
        ("cet", W::Zone),
        ("and", W::And),
        ("half", W::Half),
        ("first", W::First),
        ("second", W::Second),
        ("from", W::From),
        ("same", W::Same),
        ("period", W::Period),
        ("present", W::Present),
        ("twice", W::Twice),
        ("near", W::Near),
        ("long", W::Long),
        ("run", W::Run),
        ("former", W::Former),
        ("these", W::These),
        ("right", W::Right),
        ("someday", W::Someday),
        ("then", W::Then),
        ("that", W::That),
    ] {
        m.entry(w).or_insert(Lex::W(x));
    }
    m
});

/// Words whose lexicon entry is overridden by `W::Second` for "second"
/// (the ordinal) — the unit reading is chosen by the grammar after numbers.
pub fn lookup(word: &str) -> Lex {
    if !SHAPES.may_hold(word.as_bytes()) {
        return Lex::None;
    }
    match pack(word) {
        Some(key) => PACKED.get(&key).copied().unwrap_or(Lex::None),
        None => Lex::None,
    }
}

/// The (length, first letter, second letter) of every entry, as a bitmap:
/// most words of a text are in no entry, and most of those have a shape
/// no entry has, which a bit test tells without packing and hashing them.
struct Shapes {
    bits: Vec<u64>,
}

impl Shapes {
    /// The bit of a word's shape; letters are taken ignoring ASCII case,
    /// and every byte that is not a letter (or is missing) counts as one
    /// class, so a shape holds more words than one but never misses one.
    /// `None` for words longer than any entry.
    #[inline]
    fn bit(b: &[u8]) -> Option<usize> {
        let class = |c: Option<&u8>| match c {
            Some(c) if c.is_ascii_alphabetic() => usize::from(c.to_ascii_lowercase() - b'a') + 1,
            _ => 0,
        };
        (b.len() <= MAX_LEN).then(|| (b.len() * 27 + class(b.first())) * 27 + class(b.get(1)))
    }

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut bits = vec![0u64; ((MAX_LEN + 1) * 27 * 27).div_ceil(64)];
        for w in words {
            if let Some(k) = Self::bit(w.as_bytes()) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        Shapes { bits }
    }

    #[inline]
    fn may_hold(&self, b: &[u8]) -> bool {
        Self::bit(b).is_some_and(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

static SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(TABLE.keys().copied()));

/// The longest word of [`TABLE`], in bytes.
const MAX_LEN: usize = 14;

/// An ASCII word of up to [`MAX_LEN`] bytes as one integer: its lowercased
/// bytes, and its length in the top byte (so that no two words share a
/// key). Longer and non-ASCII words are in no entry.
#[inline]
fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > MAX_LEN {
        return None;
    }
    // One pass that checks, lowercases and copies (a copy of a variable
    // length is a call to memcpy).
    let mut buf = [0u8; 16];
    for (d, &c) in buf.iter_mut().zip(b) {
        if !c.is_ascii() {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    buf[15] = b.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// [`TABLE`] keyed by [`pack`]: the tokenizer looks up every word of a
/// text, and hashing and comparing one integer costs less than hashing a
/// string and comparing its bytes.
static PACKED: LazyLock<FxHashMap<u128, Lex>> = LazyLock::new(|| {
    TABLE
        .iter()
        .filter_map(|(w, &lex)| Some((pack(w)?, lex)))
        .collect()
});

/// Number value of a cardinal word, for the grammar's number parser.
pub fn holiday(id: u8) -> Option<(&'static str, u32, u32)> {
    HOLIDAYS.get(id as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry is reachable through its packed key, in any ASCII case,
    /// and words that differ only past the packed bytes or in length do
    /// not collide with it.
    #[test]
    fn packed_lookup_answers_as_the_table() {
        assert_eq!(PACKED.len(), TABLE.len());
        for (w, &lex) in TABLE.iter() {
            assert!(w.len() <= MAX_LEN, "{w}");
            assert_eq!(lookup(w), lex, "{w}");
            assert_eq!(lookup(&w.to_ascii_uppercase()), lex, "{w}");
            let longer = format!("{w}x");
            assert_eq!(
                lookup(&longer),
                TABLE.get(longer.as_str()).copied().unwrap_or(Lex::None)
            );
            let shorter = &w[..w.len() - 1];
            assert_eq!(
                lookup(shorter),
                TABLE.get(shorter).copied().unwrap_or(Lex::None)
            );
        }
        assert!(TABLE
            .keys()
            .all(|w| SHAPES.may_hold(w.as_bytes())
                && SHAPES.may_hold(w.to_ascii_uppercase().as_bytes())));
        // The filter turns words away (else it only costs time).
        let other = ["house", "minister", "Brown", "said", "government", "x"];
        assert!(
            other
                .iter()
                .filter(|w| !SHAPES.may_hold(w.as_bytes()))
                .count()
                >= 3
        );
        assert_eq!(lookup("fifteen-letters"), Lex::None);
        assert_eq!(lookup("Mäy"), Lex::None);
        assert_eq!(lookup(""), Lex::None);
    }
}
