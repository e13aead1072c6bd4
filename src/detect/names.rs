//! Name-like spans: runs of capitalised words that look like a person or an
//! institution. The lint reports those not in the registry as hints.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::mentions::{preceded_by_honorific, word_before, HONORIFICS};
use crate::registry::EntityKind;

mod runs;

/// Capitalised words that start sentences or name times, never names on their own.
const COMMON: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "Although",
    "Though",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "With",
    "Without",
    "Of",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Ahead",
    "Only",
    "Some",
    "Any",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "Yet",
    "So",
    "Then",
    "There",
    "Here",
    "It",
    "He",
    "She",
    "We",
    "They",
    "I",
    "You",
    "His",
    "Her",
    "Our",
    "Their",
    "Its",
    "My",
    "Your",
    "Once",
    "Earlier",
    "Later",
    "Meanwhile",
    "However",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Tonight",
    "Now",
    "Speaking",
    "Reflecting",
    "Expanding",
    "Join",
    "Please",
    "Thank",
    "Read",
    "More",
    "Sign",
    "Support",
    "Continue",
    "Never",
    "Dear",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Most",
    "Many",
    "Several",
    "Such",
    "Other",
    "Another",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "GMT",
    "BST",
    "EST",
    "Mr",
    "Mr.",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "President",
    "Minister",
    "Secretary",
    "Secretary-General",
    "Chancellor",
    "Prime",
    "Deputy",
    "Foreign",
    "Defence",
    "Defense",
    "State",
    "General",
    "Russian",
    "American",
    "British",
    "Western",
    "Eastern",
    "European",
    "Soviet",
    "Communist",
    "Afghan",
    "German",
    "French",
    "Polish",
    "Cold",
    "War",
    "World",
    "II",
    "E-mail",
    "Links",
    "See",
    "Internet",
    "Front",
    "Page",
    "Comments",
    "Preview",
    "Subscribers",
    "Monthly",
    "Annual",
    "Once",
    "Analysis",
    "Quick",
    "Letter",
    "Talking",
    "Point",
    "Depth",
    "UK",
    "US",
    "U.S.",
    // Members of a house, usually after their party ("Labour MP"): a
    // description unless a name follows.
    "MP",
    "MPs",
    "MEP",
    "MEPs",
    "MSP",
    "MSPs",
    "Former",
];

const ORG_WORDS_LIST: &[&str] = &[
    "Ministry",
    "Council",
    "Office",
    "Times",
    "News",
    "Party",
    "Agency",
    "Bank",
    "Union",
    "Organization",
    "Organisation",
    "Administration",
    "Department",
    "Committee",
    "Commission",
    "Alliance",
    "Group",
    "Institute",
    "University",
    "Association",
    "Parliament",
    "Army",
    "Forces",
    "Post",
    "Journal",
    "Press",
    "Corporation",
    "Company",
    "Inc.",
    "Inc",
    "Ltd",
    "Fund",
    "Foundation",
    "Court",
    "Senate",
    "Congress",
    "Assembly",
    "Service",
    "Pact",
    "Navy",
    "Police",
    "Society",
    "Trust",
    "Centre",
    "Center",
    "Board",
    "Authority",
    "Bureau",
    "Federation",
    "Reserve",
    "Guild",
    "Fellowship",
    "School",
    "College",
    // Buildings that are run as institutions and speak as one ("Buckingham
    // Palace said", "the Kodak Theatre", "Great Ormond Street Hospital",
    // "Belmarsh Prison"); none is a common surname, unlike "Hall", "Bridge"
    // or "Tower" ("Wayne Bridge").
    "Theatre",
    "Theater",
    "Museum",
    "Gallery",
    "Hospital",
    "Prison",
    "Palace",
    "Cathedral",
];
static ORG_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(ORG_WORDS_LIST));

/// Nouns for a person's office, trade or family, written in lower case
/// right before the name ("said chairman Adair Turner", "coach Remy
/// Korchemny", "her husband Vic Reeves"): what follows is a person.
/// Nouns that as often stand before a firm ("partner", "manager",
/// "producer", "champion", "player") are left out.
const PERSON_BEFORE_LIST: &[&str] = &[
    "chairman",
    "chairwoman",
    "director",
    "coach",
    "analyst",
    "economist",
    "lawyer",
    "solicitor",
    "barrister",
    "spokesman",
    "spokeswoman",
    "minister",
    "president",
    "secretary",
    "commissioner",
    "judge",
    "prosecutor",
    "senator",
    "governor",
    "mayor",
    "presenter",
    "comedian",
    "actor",
    "actress",
    "singer",
    "rapper",
    "writer",
    "author",
    "novelist",
    "poet",
    "playwright",
    "musician",
    "guitarist",
    "drummer",
    "composer",
    "conductor",
    "pianist",
    "designer",
    "photographer",
    "chef",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "captain",
    "skipper",
    "referee",
    "jockey",
    "boxer",
    "sprinter",
    "golfer",
    "batsman",
    "bowler",
    "husband",
    "wife",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "boyfriend",
    "girlfriend",
    "widow",
    "fiancee",
    "fiance",
];
static PERSON_BEFORE: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(PERSON_BEFORE_LIST));

/// Words of [`COMMON`] that open institutions' names: nationalities and
/// "World" ("World Bank", "European Union").
const NAME_OPENING_COMMON: &[&str] = &[
    "Russian", "American", "British", "Western", "Eastern", "European", "Soviet", "Afghan",
    "German", "French", "Polish", "World",
];

/// The parties' words of [`ORG_KIND_WORDS`].
fn is_party(w: &str) -> bool {
    matches!(
        w,
        "Democrats"
            | "Democrat"
            | "Dems"
            | "Dem"
            | "Labour"
            | "Conservatives"
            | "Tories"
            | "Republicans"
    )
}

/// Words that make a run an institution's name wherever they stand, but,
/// unlike [`ORG_WORDS`], do not join "of", "and" or "for" into it:
/// "Arsenal and Manchester United" are two clubs, "Britain for Labour" no
/// name at all.
const ORG_KIND_WORDS_LIST: &[&str] = &[
    // Parties, as news writes them ("Lib Dems", "New Labour").
    "Democrats",
    "Democrat",
    "Dems",
    "Dem",
    "Labour",
    "Conservatives",
    "Tories",
    "Republicans",
    // Broadcasters, firms and clubs ("Virgin Radio", "London Stock
    // Exchange", "Manchester United", "Amnesty International").
    "Radio",
    "Television",
    "Channel",
    "Network",
    "Exchange",
    "Research",
    "International",
    "Airlines",
    "Airways",
    "Motors",
    "Electric",
    "Dynamics",
    "Foods",
    "Holdings",
    "Studios",
    "Records",
    "Networks",
    "Services",
    "Software",
    "Systems",
    "Technologies",
    "Communications",
    "Petroleum",
    "Energy",
    "Pharmaceuticals",
    "Electronics",
    "Entertainment",
    "Media",
    "Capital",
    "Partners",
    "Securities",
    "Investments",
    "Insurance",
    "Telecom",
    "Telekom",
    "TV",
    "Data",
    "Laboratories",
    "Labs",
    "Magazine",
    "Mail",
    "PAC",
    "Standard",
    "Rugby",
    "Movement",
    "Cruises",
    "Bros",
    "Brothers",
    "Industry",
    // Charities and campaigns ("Human Rights Watch", "Christian Aid").
    "Watch",
    "Aid",
    "Guild",
    "Club",
    "United",
    "City",
    "Rovers",
    "Athletic",
    "Rangers",
    "Wanderers",
    "Albion",
    "Saints",
    "XV",
];
static ORG_KIND_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(ORG_KIND_WORDS_LIST));

/// Last words of names that are neither a person nor an institution:
/// competitions, awards, events, laws, streets, grounds and other places
/// ("Six Nations", "Champions League", "Australian Open", "Hunting Act",
/// "Downing Street", "Lansdowne Road"). Such runs are not proposed.
const NOT_ENTITY_LAST_LIST: &[&str] = &[
    "Cup",
    "Nations",
    "League",
    "Award",
    "Awards",
    "Prize",
    "Open",
    "Slam",
    "Slams",
    "Bowl",
    "Globe",
    "Globes",
    "Marathon",
    "Marathons",
    "Festival",
    "Championship",
    "Championships",
    "Games",
    "Olympics",
    "Prix",
    "Trophy",
    "Show",
    "Act",
    "Bill",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Park",
    "Stadium",
    "Airport",
    "Station",
    "Island",
    "Islands",
    "River",
    "Valley",
    "Bay",
    "Sea",
    "Ocean",
    "Mountains",
    "Hemisphere",
    // A people's adjective ends a description, not a name ("South
    // African", "Latin American").
    "African",
    "American",
    "Asian",
    "European",
    "Korean",
];
static NOT_ENTITY_LAST: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(NOT_ENTITY_LAST_LIST));

/// Place names of two words or more ("New Zealand", "Los Angeles", "North
/// Carolina"): neither people nor institutions. Generated from GeoNames by
/// `scripts/gen_places.py`.
static PLACES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("places.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Holidays written as capitalised runs ("New Year" would otherwise look
/// like a person's first and last name).
const HOLIDAYS: &[&str] = &[
    "New Year",
    "New Year's Day",
    "New Year’s Day",
    "New Year's Eve",
    "New Year’s Eve",
    "Boxing Day",
    "Christmas Day",
    "Christmas Eve",
    "Easter Sunday",
    "Easter Monday",
    "Good Friday",
    "Valentine's Day",
    "Valentine’s Day",
    "Independence Day",
    "Labor Day",
    "Labour Day",
    "Memorial Day",
    "Thanksgiving Day",
    "Mother's Day",
    "Father's Day",
    "Remembrance Day",
];

/// Nouns that, right after a run, say it names an institution: "France's
/// Le Figaro newspaper", "its Clearstream unit", "the former Arsenal and
/// Real Madrid striker", "Senior Fannie Mae bosses".
const INSTITUTION_AFTER_LIST: &[&str] = &[
    "newspaper",
    "newspapers",
    "paper",
    "magazine",
    "tabloid",
    "website",
    "unit",
    "subsidiary",
    "division",
    "bank",
    "firm",
    "company",
    "group",
    "club",
    "network",
    "channel",
    "label",
    "airline",
    "carmaker",
    "brand",
    "chain",
    "retailer",
    "boss",
    "bosses",
    "executives",
    "shareholders",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
];
static INSTITUTION_AFTER: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(INSTITUTION_AFTER_LIST));

/// Adjectives and compass words that open names of clubs, firms, papers
/// and places ("Real Madrid", "West Ham", "Standard Chartered", "New
/// Vision", "Big Tech") but not a person's first name.
const NOT_FIRST_NAME_LIST: &[&str] = &[
    "Big", "Great", "Grand", "Old", "New", "Real", "Royal", "Standard", "Home", "West", "East",
    "North", "South", "Central", "Upper", "Lower", "High", "Little", "Golden", "Global",
    "National", "Total", "Premier", "Prime", "Final", "Top", "Free", "Open", "Digital", "Smart",
    "Super",
];
static NOT_FIRST_NAME: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(NOT_FIRST_NAME_LIST));

/// Words of a title a person holds, written before the name.
const TITLE_WORDS_LIST: &[&str] = &[
    "Minister",
    "Secretary",
    "Commissioner",
    "Professor",
    "Prof",
    "Sir",
    "Lord",
    "Lady",
    "Dame",
    "Executive",
    "Inspector",
    "Chairman",
    "Chairwoman",
    "President",
    "Director",
    "Governor",
    "Chancellor",
    "Spokesman",
    "Spokeswoman",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Judge",
    "Senator",
    "Ambassador",
    "Leader",
    "Editor",
    "Manager",
    "Coach",
    "Chief",
    "MP",
    "MEP",
    "MSP",
    "Rev",
    "Reverend",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Prince",
    "Princess",
    "Duke",
    "Duchess",
    "Officer",
];
static TITLE_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(TITLE_WORDS_LIST));

/// Words that end a title before a name but say nothing of a person on
/// their own ("General Motors", "Speaker Cabinet"), so they do not make a
/// run a person as `TITLE_WORDS` do; used only to split a person's title
/// from the name ("UN Secretary General Kofi Annan", "Chief Constable
/// Mike Todd").
const TITLE_PARTS_LIST: &[&str] = &[
    "General",
    "Attorney",
    "Solicitor",
    "Speaker",
    "Captain",
    "Capt",
    "Referee",
    "Treasurer",
    "Constable",
    "Comptroller",
    "Ayatollah",
    "Vice-President",
    "Under-Secretary",
    "Secretary-General",
    "Lt",
    "Col",
    "Colonel",
    "Major",
    "Sgt",
    "Sergeant",
    "Supt",
    "Superintendent",
    "Det",
    "Detective",
    "Mayor",
    "Councillor",
    "Cllr",
    "Deputy",
    "Admiral",
    "Commander",
    "Lieutenant",
    "Boss",
];
static TITLE_PARTS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(TITLE_PARTS_LIST));

/// Nouns for works, written before a work's title ("the film Hotel Rwanda",
/// "her album Back to Bedlam"): the capitalised run after them is a title,
/// not a person.
/// (Words that are verbs too, "play", "hit", "track", are left out:
/// "hit Tony Blair".)
const WORK_NOUNS: &[&str] = &[
    "film",
    "films",
    "movie",
    "album",
    "albums",
    "song",
    "songs",
    "novel",
    "book",
    "musical",
    "opera",
    "sitcom",
    "series",
    "documentary",
    "programme",
    "ballet",
    "painting",
];

/// Small words that titles of works write with a capital ("Lost In
/// Translation", "Sex And The City") and names of people and institutions
/// do not. Single letters are left out: "Charles A Blixt" has an initial.
const TITLE_SMALL_WORDS_LIST: &[&str] = &[
    "The", "With", "For", "Of", "In", "On", "To", "An", "My", "Me", "It", "Is", "Are", "You",
    "Your", "And", "From", "At", "By", "Up", "Out", "Be", "Was", "Been", "Will", "Can", "Must",
    "We", "Us", "Our", "Her", "His", "Him", "She", "He", "They", "Them", "Their", "Not", "No",
    "Don't", "I'm", "I'll", "I've", "Can't", "Like",
];
static TITLE_SMALL_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(TITLE_SMALL_WORDS_LIST));

/// A candidate name and the kind it most likely is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    pub span: Range<usize>,
    pub kind: EntityKind,
    /// A second kind the article leaves open: a run of capitalised words
    /// with nothing of a person about it ("Deutsche Boerse", "Wells
    /// Fargo") is more likely an institution, but may be a person whose
    /// given name gloss does not know.
    pub alternative: Option<EntityKind>,
    /// The title or description written right before a person's name
    /// ("Culture Secretary" of "Culture Secretary Tessa Jowell", "Actor" of
    /// "Actor Daniel Day-Lewis"), outside `span`: the name is what the
    /// registry needs; the title says who its holder is.
    pub described_as: Option<Range<usize>>,
}

/// Name-like spans in `text`. Headline-style lines (mostly capitalised
/// words) are skipped: there every word is capitalised.
pub fn find(text: &str) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut offset = 0;
    let honored = OnceCell::new();
    // Lines end after each '\n' or '\r': ASCII bytes, never inside a
    // longer character, so they are found by byte rather than by decoding
    // characters.
    let ends = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n' || b == b'\r')
        .map(|(i, _)| i + 1)
        .chain((!text.is_empty()).then_some(text.len()));
    for end in ends {
        let Some(line) = text.get(offset..end).filter(|l| !l.is_empty()) else {
            continue;
        };
        if !is_title_case(line) {
            let at = Line {
                text,
                base: offset,
                line,
                honored: &honored,
            };
            scan_line(&at, &mut out);
        }
        offset = end;
    }
    drop_surnames_of_full_names(text, &mut out);
    out
}

/// "Mr Miliband" after (or before) "David Miliband" in the same article is
/// the same person: one hint, for the full name, whose registry entry then
/// matches the surname after an honorific too. A second hint would add the
/// surname as another person.
fn drop_surnames_of_full_names(text: &str, out: &mut Vec<NameCandidate>) {
    let is_single = |c: &NameCandidate| !text[c.span.clone()].contains([' ', '\u{a0}']);
    let surnames: FxHashSet<&str> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Person && !is_single(c))
        .filter_map(|c| text[c.span.clone()].rsplit([' ', '\u{a0}']).next())
        .collect();
    if surnames.is_empty() {
        return;
    }
    out.retain(|c| {
        !(c.kind == EntityKind::Person && is_single(c) && surnames.contains(&text[c.span.clone()]))
    });
}

fn is_title_case(line: &str) -> bool {
    const SMALL: &[&str] = &[
        "with", "from", "over", "into", "than", "that", "this", "about", "after", "before", "amid",
        "upon", "onto", "between",
    ];
    // At least two words of four letters or more, all capitalised or small
    // words; stops at the first that is neither (most lines of running text).
    let mut words = 0;
    for w in line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’".contains(c)))
    {
        let mut letters = 0;
        let mut word_like = true;
        for c in w.chars() {
            if !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’') {
                word_like = false;
                break;
            }
            letters += 1;
        }
        if !word_like || letters < 4 {
            continue;
        }
        if !(w.chars().next().is_some_and(char::is_uppercase) || SMALL.contains(&w)) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// Whether a word (without a trailing possessive or apostrophe) is one of
/// [`COMMON`].
fn is_common(w: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(COMMON));
    let w = w
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    WORDS.contains(w)
}

/// A word list as a set. The name detector asks the lists above about
/// every word of every multi-word run, and a search of a list compared
/// the word with each entry of its length (a binary search, with every
/// entry on its path); a set hashes the word once.
fn set(words: &[&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

/// Whether a run ends after `word`, a possessive followed by `rest`: yes,
/// unless the next word is an institution's ("General's Office", "Women's
/// Institute", "Musicians' Union"). A plural or a name ending in "s" takes
/// the apostrophe alone ("Silicon Graphics' Columbia", "Kelly Holmes'
/// Olympic gold").
fn splits_at_possessive(word: &str, rest: &str) -> bool {
    // The next word as a bare word: "Workers' Union's 70,000", "the
    // Supporters' Association."
    let next = rest
        .split([' ', '\u{a0}'])
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    let plural = word.ends_with("s'") || word.ends_with("s’");
    // After "s'" a word for a place keeps the run whole too ("St James'
    // Park"), which then gets no hint as a place.
    const PLACES_AFTER: &[&str] = &["Park", "Street", "Road", "Square", "Stadium", "Station"];
    (possessive || plural) && !ORG_WORDS.contains(next) && !(plural && PLACES_AFTER.contains(&next))
}

/// The part of `w` before a hyphen and a suffix word that makes an
/// adjective or a noun of a name: "Bush" of "Bush-style", "U" of
/// "U-turn" (not "Mong-koo", "Henin-Hardenne").
fn name_before_suffix(w: &str) -> Option<&str> {
    const SUFFIXES: &[&str] = &[
        "style",
        "type",
        "turn",
        "winning",
        "themed",
        "shaped",
        "enabled",
        "watcher",
        "watchers",
        "led",
        "backed",
        "owned",
        "born",
        "run",
        "made",
        "era",
        "like",
        "related",
        "linked",
        "funded",
        "sponsored",
        "controlled",
        "listed",
        "friendly",
        "free",
        "bound",
        "inspired",
    ];
    let (head, tail) = w.rsplit_once('-')?;
    SUFFIXES.contains(&tail).then_some(head)
}

/// Three or more capital letters: "BBC", "UKIP".
fn is_acronym(w: &str) -> bool {
    w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Lower-case words a run may hold inside an institution's name.
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "for" | "the")
}

/// Whether a word of a run ends a sentence: a full stop after a word that
/// is neither an initial ("N.", "U.S.") nor an abbreviation ("Mr.", "Gen.");
/// "the UK. The Liberal Democrats" ends one.
fn ends_sentence(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr",
        "Adm", "Maj", "Sen", "Rep", "Gov", "Prof", "Rev", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd",
        "Bros", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec",
    ];
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    stem.chars().count() >= 2 && !stem.contains('.') && !ABBREVIATIONS.contains(&stem)
}

/// A line of the text being scanned: the whole text (for what precedes a
/// name), the line's byte offset in it, and the line.
struct Line<'a> {
    text: &'a str,
    base: usize,
    line: &'a str,
    /// The words after an honorific in the whole text, once a run asks.
    honored: &'a OnceCell<FxHashSet<&'a str>>,
}

fn scan_line(at: &Line, out: &mut Vec<NameCandidate>) {
    let line = at.line;
    // Capitalised words joined by single spaces (or a non-breaking space),
    // allowing initials ("Boris N. Yeltsin"), dotted acronyms ("U.N.
    // Security Council"; without them "U.S. Navy" split after "U." into a
    // name "S. Navy") and inner hyphens or apostrophes, and the small
    // words that sit inside an institution's name ("Bank of England",
    // "Securities and Exchange Commission"); `scan_joined` splits a run at
    // those small words again unless it names an institution.
    for m in runs::runs(line) {
        // A run may cross a sentence end ("... of Russia. The Office ..."):
        // each sentence's part is a run of its own.
        // A possessive inside a run ends a name too: "Coldplay's Chris
        // Martin" is two, "Prosecutor General's Office" one.
        let mut from = m.start;
        let mut pos = m.start;
        for w in line[m.clone()].split_inclusive([' ', '\u{a0}']) {
            pos += w.len();
            let word = w.trim_end_matches([' ', '\u{a0}']);
            if ends_sentence(word) || (pos < m.end && splits_at_possessive(word, &line[pos..m.end]))
            {
                let part = line[from..pos].trim_end_matches([' ', '\u{a0}']);
                scan_joined(at, from, part, out);
                from = pos;
            }
        }
        if from < m.end {
            scan_joined(at, from, &line[from..m.end], out);
        }
    }
}

/// The candidates in one run of capitalised words that may hold small
/// words ("of", "and", "for", "the") starting at `start` in `line`.
fn scan_joined(at: &Line, start: usize, run: &str, out: &mut Vec<NameCandidate>) {
    let line = at.line;
    if !run.split([' ', '\u{a0}']).any(is_connector) {
        scan_run(at, start, run, out);
        return;
    }
    // Keep a small word inside the name only where it joins the parts of
    // an institution's name: "Bank of England", "Institute for Fiscal
    // Studies", "Securities and Exchange Commission". Elsewhere the run is
    // several names ("Tony Blair and Gordon Brown") or a title and a
    // place ("Minister of Defence"), split at the small word.
    let ends_in_org = run
        .rsplit([' ', '\u{a0}'])
        .next()
        .is_some_and(|w| ORG_WORDS.contains(&w));
    // The start of the piece being built; `None` right after a split.
    let mut piece_start = Some(start);
    let mut pos = start;
    let mut prev = "";
    let mut org_before = false;
    for w in run.split_inclusive([' ', '\u{a0}']) {
        let word = w.trim_end_matches([' ', '\u{a0}']);
        if word == "the" && is_connector(prev) {
            // "of the", "for the": follows its connector's decision.
        } else if is_connector(word) {
            // Words of the piece before the small word: a long one is a
            // person with a title ("Detective Inspector Paul Miller of
            // Thames Valley Police"), not the start of an institution.
            let piece_words =
                piece_start.map_or(0, |from| line[from..pos].split_whitespace().count());
            // "and the" joins two names ("the BBC and the National
            // Theatre"), never the parts of one; "of the" and "for the"
            // join only after an institution's word ("Museum of the Moving
            // Image"), not a short run that ends before one ("Neaptide for
            // the National Theatre", a play).
            let the_after = line[pos + w.len()..].starts_with("the ");
            let joining = match word {
                "and" => ends_in_org && !org_before && !the_after,
                _ => ORG_WORDS.contains(&prev) || (ends_in_org && piece_words <= 2 && !the_after),
            };
            if !joining {
                org_before = false;
                if let Some(from) = piece_start.take() {
                    let piece = line[from..pos].trim_end_matches([' ', '\u{a0}']);
                    scan_run(at, from, piece, out);
                }
            }
        } else {
            piece_start.get_or_insert(pos);
            org_before |= ORG_WORDS.contains(&word);
        }
        prev = word;
        pos += w.len();
    }
    if let Some(from) = piece_start {
        scan_run(at, from, &line[from..start + run.len()], out);
    }
}

/// The candidate in one run of capitalised words starting at `start` in `line`.
fn scan_run(at: &Line, start: usize, run: &str, out: &mut Vec<NameCandidate>) {
    let (text, base, line) = (at.text, at.base, at.line);
    // A run of one word is a name only after an honorific: most runs are
    // a capitalised word starting a sentence, rejected here before any
    // other work (the checks below would reject it too).
    if !run.contains([' ', '\u{a0}']) && !preceded_by_honorific(text, base + start) {
        return;
    }
    // Split the run into words with their offsets, then drop common words
    // from both ends (sentence starters, titles, months).
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = start;
    for w in run.split([' ', '\u{a0}']) {
        words.push((pos, w));
        pos += w.len()
            + if line[pos + w.len()..].starts_with('\u{a0}') {
                2
            } else {
                1
            };
    }
    // An honorific starts a name: what stands before it in the run is a
    // sentence's first word ("Hello Mr Smith", "Thanks Dr Brown") unless
    // it is a title ("Chancellor Mr Brown", kept for the rules below).
    // (The personal honorifics of `mentions::HONORIFICS`: its titles,
    // "President", "General", are handled by the title rules below.)
    // (Not "Lord", "Lady" or "Rev", which are titles too: "Attorney General
    // Lord Goldsmith" is one title and a name.)
    let honorific = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Dame"
        )
    };
    if let Some(i) = words.iter().skip(1).position(|(_, w)| honorific(w)) {
        if !words[..=i].iter().any(|(_, w)| TITLE_WORDS.contains(w)) {
            words.drain(..=i);
        }
    }
    let mut stripped = None;
    // "Luxembourg-based Clearstream": the adjective of a place describes
    // the name after it, a firm's or an institution's.
    let mut based = false;
    while words
        .first()
        .is_some_and(|(_, w)| is_common(w) || is_connector(w) || w.ends_with("-based"))
    {
        based |= words[0].1.ends_with("-based");
        stripped = Some(words.remove(0));
    }
    // "Australian Nicole Pratt", "Singer-songwriter Jamie Cullum": a
    // nationality or a trade before a given name and a surname describes
    // the person and is no part of the name (the registry entry a fix
    // writes would carry it). Titles are split off below, once the run is
    // known to be a person ("Coach Andy Robinson").
    // The description still tells a fix what the person is.
    let mut described = None;
    if words.len() >= 3 && DESCRIPTIONS.contains(words[0].1) && GIVEN_NAMES.contains(words[1].1) {
        let (at, w) = words.remove(0);
        described = Some(base + at..base + at + w.len());
    }
    // "George Bush-style", "Grand Slam-winning", "a Moyes U-turn": a word
    // made of a name and a suffix word is an adjective or a noun, and the
    // name ends at the hyphen ("U" alone is no part of a name); with
    // "-based" it names a place, not part of the name ("Seven
    // London-based firms"). Other lowercase parts after a hyphen belong to
    // the name ("Chung Mong-koo", "Co-operation").
    while let Some(&(at, w)) = words.last() {
        if is_common(w) || is_connector(w) || w.ends_with("-based") {
            words.pop();
        } else if let Some(head) = name_before_suffix(w) {
            words.pop();
            if head.chars().count() >= 2 {
                words.push((at, head));
            }
        } else {
            break;
        }
    }
    // The sentence's full stop is still on the run's last word ("visited
    // the European Commission."), and the lists below hold bare words: it
    // cost the institution its nationality ("Commission", then no hint)
    // and "General Motors." its "General". An initial keeps its stop. (Not
    // before the common words are dropped: "said economist David Page." is
    // a person, though "Page" is a common word.)
    if let Some((_, w)) = words.last_mut() {
        if let Some(head) = w.strip_suffix('.') {
            if !head.ends_with(char::is_uppercase) {
                *w = head;
            }
        }
    }
    // "US" and "UK" are most often modifiers ("US officials"), but in
    // front of an institution they belong to its name: "US Navy", "UK
    // Independence Party" (not to a person's title: "US District Court
    // Judge Robert Sweet" stays "District Court Judge Robert Sweet").
    // "General" opens firms' names ("General Motors", "General Electric")
    // as well as a rank before a surname ("General Musharraf").
    if let Some(prefix @ (_, "General")) = stripped {
        if let [(_, w)] = words.as_slice() {
            if ORG_KIND_WORDS.contains(w) || ORG_WORDS.contains(w) {
                words.insert(0, prefix);
            }
        }
    }
    if let Some(prefix @ (_, "US" | "UK" | "U.S.")) = stripped {
        if words.iter().any(|(_, w)| ORG_WORDS.contains(w))
            && !words.iter().any(|(_, w)| TITLE_WORDS.contains(w))
        {
            words.insert(0, prefix);
        }
    }
    // Likewise a nationality or "World" is part of an institution's name
    // ("World Health Organization", "European Central Bank", "British
    // Airways"; it was "Health Organization", and "European Commission" no
    // hint at all) but not of a party's ("British Labour") or a title's
    // ("German Chancellor Gerhard Schroeder"), nor of a noun for a trade
    // or a medium ("British TV", "British Industry" of "Confederation of
    // British Industry").
    let generic = |ws: &[(usize, &str)]| {
        matches!(
            ws,
            [(
                _,
                "TV" | "Television" | "Radio" | "Industry" | "Police" | "Research" | "Data"
            )]
        )
    };
    if let Some(prefix @ (_, w)) = stripped {
        if NAME_OPENING_COMMON.contains(&w)
            && !generic(&words)
            && words
                .iter()
                .any(|(_, w)| ORG_WORDS.contains(w) || (ORG_KIND_WORDS.contains(w) && !is_party(w)))
            && !words.iter().any(|(_, w)| TITLE_WORDS.contains(w))
        {
            words.insert(0, prefix);
        }
    }
    let Some(&(first, _)) = words.first() else {
        return;
    };
    let Some(&(last, lw)) = words.last() else {
        return;
    };
    let mut end = last + lw.len();
    // Possessives and a trailing full stop are not part of the name.
    let name = &line[first..end];
    for suffix in ["'s", "’s", "'", "’", "."] {
        if name.ends_with(suffix)
            && !(suffix == "."
                && name.len() >= 2
                && name[..name.len() - 1].ends_with(|c: char| c.is_uppercase()))
        {
            end -= suffix.len();
            break;
        }
    }
    let name = &line[first..end];
    // Holidays are dates (the temporal tagger's), not people; places are
    // neither people nor institutions.
    if HOLIDAYS.contains(&name) || PLACES.contains(name) {
        return;
    }
    let start = base + first;
    let single = words.len() == 1;
    if single && !based && !preceded_by_honorific(text, start) {
        return;
    }
    if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return;
    }
    // A title after the institution makes the run a person holding it
    // ("Metropolitan Police Commissioner Sir John Stevens", "Refugee
    // Council Chief Executive Maeve Sherlock"); otherwise an institution's
    // word anywhere makes it an institution ("BBC News Online").
    let words_of: Vec<&str> = name.split([' ', '\u{a0}']).collect();
    let last_org = words_of
        .iter()
        .rposition(|w| ORG_WORDS.contains(w) || ORG_KIND_WORDS.contains(w));
    let titled_person = last_org.is_some_and(|i| {
        words_of[i + 1..]
            .iter()
            .position(|w| TITLE_WORDS.contains(w))
            .is_some_and(|t| i + 1 + t + 1 < words_of.len())
    });
    // "Consumer Electronics Show" is an event though an institution's
    // word is in it; the "United Nations" are not one. "Meet The Fockers",
    // "Love Will Tear Us Apart": a small word written with a capital inside
    // a run is a work's title, which is no entity (names of people and
    // institutions write them in lower case: "Friends of the Earth"; after
    // a lower-case word it opens a name of its own: "Wendy Ide of The
    // Times"). An office holder or an institution's word keeps the run
    // ("Secretary Of State", "Big Day Out Ltd"; not a club's: "Sex And
    // The City").
    let work_title = words_of.len() >= 3
        && words_of.windows(2).take(words_of.len() - 2).any(|pair| {
            TITLE_SMALL_WORDS.contains(pair[1]) && !pair[0].starts_with(char::is_lowercase)
        })
        && !words_of
            .iter()
            .any(|w| TITLE_WORDS.contains(w) || ORG_WORDS.contains(w));
    let not_entity = (words_of.last().is_some_and(|w| NOT_ENTITY_LAST.contains(w))
        && !name.ends_with("United Nations"))
        || work_title;
    // What stands before the run: "the Daily Mail", "the White House" and
    // "the Petronas Towers" are not people (a person's name takes no
    // article unless a title or description comes between: "the Rev Jesse
    // Jackson", "the singer Ray Charles"); nor are works ("the film Vera
    // Drake").
    // (Its last run of letters: "the" in "Speakerboxxx/The Love Below".)
    let before = word_before(text, start)
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // (A title word must have a name after it: "the Scottish Executive".)
    let titled = words_of[..words_of.len() - 1]
        .iter()
        .any(|w| TITLE_WORDS.contains(w));
    // A run that ends in a title names an office, not its holder ("Chief
    // Operating Officer", "Home Secretary").
    let office = words_of.last().is_some_and(|w| TITLE_WORDS.contains(w));
    let no_person =
        (before.eq_ignore_ascii_case("the") && !titled) || WORK_NOUNS.contains(&before) || office;
    // An ordinal before the run makes it part of a longer name ("20th
    // Century Fox", "the 2nd Battalion Royal Gurkha Rifles"), which the
    // run does not hold whole. (A year or a count does not: "in 1946
    // Winston Churchill", "number 30 Harel Levy".)
    let ordinal = before.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| before.ends_with(s));
    if ordinal {
        return;
    }
    let after = line[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let institution_after = INSTITUTION_AFTER.contains(after);
    // (Longer runs may be a place and a person: "New York Attorney General
    // Eliot Spitzer".)
    let not_first_name =
        words_of.len() <= 3 && words_of.first().is_some_and(|w| NOT_FIRST_NAME.contains(w));
    use EntityKind::{Organization as Org, Person};
    let (kind, alternative) = if titled_person {
        (Person, None)
    } else if not_entity {
        return;
    } else if last_org.is_some()
        || name.chars().all(|c| !c.is_lowercase())
        || (!titled && (institution_after || based))
    {
        (Org, None)
    } else if words_of.len() >= 2 && is_acronym(words_of[0]) && !titled {
        // An acronym opening a run is an institution's ("BBC Radio",
        // "RBS Bank", "MTV Europe"); two letters are as often initials
        // ("JK Rowling"). With a title in the run it names the holder's
        // institution ("SMFG President Yoshifumi Nishikawa").
        (Org, None)
    } else if no_person {
        return;
    } else if not_first_name && !titled {
        (Org, None)
    } else if titled
        || PERSON_BEFORE.contains(before)
        // "Mr De Vido": the honorific before the run (written as one: "a
        // general Production Diary" is no rank).
        || (before.starts_with(|c: char| c.is_uppercase()) && preceded_by_honorific(text, start))
        || reads_as_person(&words_of, || {
            at.honored.get_or_init(|| words_after_honorifics(text))
        })
    {
        (Person, None)
    } else {
        (Org, Some(Person))
    };
    // "Culture Secretary Tessa Jowell", "Metropolitan Police Commissioner
    // Sir John Stevens": the registry entry is the person, named without
    // the office (which changes hands) or the honorific; the title goes
    // with the candidate so that a fix can describe the person by it.
    let (name_at, title) = match (kind, alternative) {
        (Person, None) => after_title(name),
        _ => (0, None),
    };
    out.push(NameCandidate {
        span: start + name_at..base + end,
        kind,
        alternative,
        described_as: title.map(|t| start + t.start..start + t.end).or(described),
    });
}

/// An honorific that is neither an office nor part of a name ("Mr",
/// "Sir", "Rt Hon").
fn is_personal_honorific(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Rev"
            | "Reverend"
            | "Rt"
            | "Hon"
    )
}

/// Where a person's name starts after the title that opens `name`, and
/// the title's range without the honorifics after it: `(0, None)` when no
/// title opens it. Only a given name and a surname (two words or more)
/// after the title are split from it: a title and one word is how some
/// people are known ("Prince Harry", "Lord Coe").
fn after_title(name: &str) -> (usize, Option<Range<usize>>) {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in name.split([' ', '\u{a0}']) {
        words.push((pos, w));
        pos += w.len()
            + name[pos + w.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    let is_title = |w: &str| {
        let w = w.trim_end_matches('.');
        TITLE_WORDS.contains(w) || TITLE_PARTS.contains(w)
    };
    // The last title word with two words or more after it ("Prime
    // Minister John Major": not "Major").
    let Some(last_title) = words
        .iter()
        .take(words.len().saturating_sub(2))
        .rposition(|(_, w)| is_title(w))
    else {
        return (0, None);
    };
    // "Chief Supt Deats": a title and a surname, kept whole.
    if is_title(words[last_title + 1].1) {
        return (0, None);
    }
    let name_at = words[last_title + 1].0;
    // "Commissioner Sir": the honorific belongs to neither the office nor
    // the name.
    let title = words[..=last_title]
        .iter()
        .rposition(|(_, w)| !is_personal_honorific(w))
        .map(|i| words[0].0..words[i].0 + words[i].1.len());
    (name_at, title)
}

/// Nationalities and trades, written before a person's name at the start
/// of a sentence ("Argentine Guillermo Coria", "Actress Kate Winslet").
static DESCRIPTIONS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    set(&[
        // Nationalities and the like.
        "American",
        "Argentine",
        "Argentinian",
        "Australian",
        "Austrian",
        "Belgian",
        "Brazilian",
        "Briton",
        "British",
        "Bulgarian",
        "Canadian",
        "Chilean",
        "Chinese",
        "Colombian",
        "Croatian",
        "Czech",
        "Danish",
        "Dutch",
        "Dutchman",
        "Egyptian",
        "English",
        "Englishman",
        "Ethiopian",
        "Finnish",
        "French",
        "Frenchman",
        "German",
        "Greek",
        "Hungarian",
        "Indian",
        "Iranian",
        "Iraqi",
        "Irish",
        "Irishman",
        "Israeli",
        "Italian",
        "Jamaican",
        "Japanese",
        "Kenyan",
        "Korean",
        "Mexican",
        "Moroccan",
        "Nigerian",
        "Norwegian",
        "Pakistani",
        "Palestinian",
        "Polish",
        "Portuguese",
        "Romanian",
        "Russian",
        "Scot",
        "Scotsman",
        "Scottish",
        "Serbian",
        "Slovak",
        "Spaniard",
        "Spanish",
        "Swede",
        "Swedish",
        "Swiss",
        "Tory",
        "Turkish",
        "Ukrainian",
        "Welsh",
        "Welshman",
        "Zimbabwean",
        // Trades and roles that are no title.
        "Actor",
        "Actress",
        "Analyst",
        "Artist",
        "Athlete",
        "Author",
        "Batsman",
        "Billionaire",
        "Boss",
        "Bowler",
        "Broadcaster",
        "Businessman",
        "Businesswoman",
        "Comedian",
        "Designer",
        "Drummer",
        "Economist",
        "Entrepreneur",
        "Founder",
        "Goalkeeper",
        "Guitarist",
        "Journalist",
        "Lawyer",
        "Midfielder",
        "Mogul",
        "Musician",
        "Novelist",
        "Photographer",
        "Poet",
        "Presenter",
        "Producer",
        "Rapper",
        "Singer",
        "Singer-songwriter",
        "Skipper",
        "Sprinter",
        "Striker",
        "Tycoon",
        "Veteran",
        "Winger",
        "Writer",
        // Rugby and football positions ("Wing Cedric Heymans", "Flanker
        // Johnny O'Connor") and trades seen before names in BBC News.
        "Beatle",
        "Cinematographer",
        "Conductor",
        "Defender",
        "DJ",
        "Flanker",
        "Fly-half",
        "Hooker",
        "Keeper",
        "Lock",
        "Prop",
        "Scrum-half",
        "Wing",
        "Texan",
        "Californian",
        "Londoner",
        "Yorkshireman",
    ])
});

/// `mentions::HONORIFICS` as a set, matched as written.
static HONORIFIC: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(HONORIFICS));

/// Given names, for telling "Tony Blair" from "Deutsche Boerse": written
/// by `scripts/gen_given_names.py`.
static GIVEN_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("given_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Whether a run of two or more capitalised words with no institution's
/// word in it names a person: a word before its last is a given name
/// ("Tony Blair", "Sven-Goran Eriksson", "Ole Gunnar Solskjaer") or a
/// title ("New York Attorney General Eliot Spitzer"), it opens with an
/// initial ("G Thomas", "J.K. Rowling"), or its last word stands after an
/// honorific elsewhere in the article ("Mr Khodorkovsky"). Without any of
/// these the run is as often a firm, a club, a band or a film ("Deutsche
/// Boerse", "Aston Villa", "Snow Patrol", "Million Dollar Baby").
fn reads_as_person<'t>(words: &[&str], honored: impl FnOnce() -> &'t FxHashSet<&'t str>) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    // A single word is a candidate only after an honorific ("Mr Blunkett").
    if before.is_empty() {
        return true;
    }
    let given = |w: &&str| {
        GIVEN_NAMES.contains(w)
            || w.split_once('-')
                .is_some_and(|(head, _)| GIVEN_NAMES.contains(head))
            || HONORIFIC.contains(w)
    };
    if before.iter().any(given) {
        return true;
    }
    if before.first().is_some_and(|w| is_initials(w)) {
        return true;
    }
    honored().contains(last)
}

/// The words that stand right after an honorific anywhere in `text` ("Mr
/// Khodorkovsky's" gives "Khodorkovsky"): one pass over the article's
/// words, made the first time a run needs it. Honorifics are matched as
/// written ("Mr", "Dr."): comparing every word of the article with each
/// honorific regardless of case cost 5% of a whole `gloss check`.
fn words_after_honorifics(text: &str) -> FxHashSet<&str> {
    let mut out = FxHashSet::default();
    let mut prev = "";
    for w in text.split_whitespace() {
        let honorific = prev.trim_start_matches(['(', '"', '\u{201c}']);
        if honorific.starts_with(|c: char| c.is_ascii_uppercase()) && HONORIFIC.contains(honorific)
        {
            let word = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s");
            out.insert(word);
        }
        prev = w;
    }
    out
}

/// One capital letter, or capitals each followed by a full stop: "G",
/// "G.", "J.K.", not "JK" (as often a firm's letters: "JP Morgan").
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    match b {
        [c] | [c, b'.'] => c.is_ascii_uppercase(),
        _ => {
            b.len() >= 4
                && b.chunks(2)
                    .all(|p| matches!(p, [c, b'.'] if c.is_ascii_uppercase()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|c| &text[c.span]).collect()
    }

    fn names_and_kinds(text: &str) -> Vec<(&str, EntityKind)> {
        find(text)
            .into_iter()
            .map(|c| (&text[c.span], c.kind))
            .collect()
    }

    #[test]
    fn finds_people_and_institutions_in_running_text() {
        let t = "When the German Chancellor, Helmut Kohl, visited Moscow, Mr Kwasniewski met the Prosecutor General's Office and Boris N. Yeltsin.\n";
        let kinds = "In the end the former Metropolitan Police Commissioner Sir John Stevens said that he had met with the officer in charge, Detective Inspector Paul Miller of Thames Valley Police, more than once in the last few years.\n";
        assert_eq!(
            names_and_kinds(kinds),
            vec![
                ("John Stevens", EntityKind::Person),
                ("Paul Miller", EntityKind::Person),
                ("Thames Valley Police", EntityKind::Organization),
            ]
        );
        assert_eq!(
            names(t),
            vec![
                "Helmut Kohl",
                "Kwasniewski",
                "Prosecutor General's Office",
                "Boris N. Yeltsin"
            ]
        );
    }

    #[test]
    fn institutions_keep_their_small_words_and_people_do_not() {
        let t = "Officials at the Bank of England, the Institute for Fiscal Studies and the Securities and Exchange Commission spoke after Tony Blair and Gordon Brown met Igor Ivanov of Russia. The Office of the Prime Minister said so. Boris N. Yeltsin left for the UK. Mr Ivanov stayed.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Bank of England", EntityKind::Organization),
                ("Institute for Fiscal Studies", EntityKind::Organization),
                (
                    "Securities and Exchange Commission",
                    EntityKind::Organization
                ),
                ("Tony Blair", EntityKind::Person),
                ("Gordon Brown", EntityKind::Person),
                ("Igor Ivanov", EntityKind::Person),
                ("Boris N. Yeltsin", EntityKind::Person),
                // "Mr Ivanov" goes with "Igor Ivanov" above.
            ]
        );
    }

    #[test]
    fn dotted_acronyms_stay_inside_names() {
        // "U.S." is a common word at a run's ends, as "US" and "UK" are
        // (most often a modifier: "US officials"), except in front of an
        // institution.
        let t = "The ships of the U.S. Navy sailed while the U.N. Security Council met and Mr Smith saw the U.S. president.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("U.S. Navy", EntityKind::Organization),
                ("U.N. Security Council", EntityKind::Organization),
                ("Smith", EntityKind::Person),
            ]
        );
        let t = "The UK Independence Party and US Congress met US President George Bush and UK officials.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("UK Independence Party", EntityKind::Organization),
                ("US Congress", EntityKind::Organization),
                ("George Bush", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn a_building_run_as_an_institution_is_no_person() {
        use EntityKind::Organization as Org;
        let t = "Buckingham Palace said the Kodak Theatre and the Ethel Barrymore Theatre met Belmarsh Prison. Prince Edward Theatre staff visited Great Ormond Street Hospital and the British Museum.\n";
        assert_eq!(
            kinds_and_alternatives(t),
            vec![
                ("Buckingham Palace", Org, None),
                ("Kodak Theatre", Org, None),
                ("Ethel Barrymore Theatre", Org, None),
                ("Belmarsh Prison", Org, None),
                ("Prince Edward Theatre", Org, None),
                ("Great Ormond Street Hospital", Org, None),
                ("British Museum", Org, None),
            ]
        );
    }

    #[test]
    fn an_institution_at_the_end_of_a_sentence_keeps_its_first_word() {
        let t = "Officials visited the European Commission. Others visited General Motors. Staff met the World Bank. The BBC and the National Theatre agreed. Some went to the US Navy. J.K. Rowling met John F. Kennedy Jr. So said Investec economist David Page.\n";
        assert_eq!(
            names(t),
            vec![
                "European Commission",
                "General Motors",
                "World Bank",
                "National Theatre",
                "US Navy",
                "J.K. Rowling",
                "John F. Kennedy Jr",
                "David Page"
            ]
        );
        let t = "Her career included stage performances in Neaptide for the National Theatre, said Paul Hofheinz of the Lisbon Council, a think tank. The Museum of the Moving Image opened.\n";
        assert_eq!(
            names(t),
            vec![
                "National Theatre",
                "Paul Hofheinz",
                "Lisbon Council",
                "Museum of the Moving Image"
            ]
        );
    }

    fn kinds_and_alternatives(text: &str) -> Vec<(&str, EntityKind, Option<EntityKind>)> {
        find(text)
            .into_iter()
            .map(|c| (&text[c.span], c.kind, c.alternative))
            .collect()
    }

    #[test]
    fn a_run_with_nothing_of_a_person_about_it_may_be_either() {
        use EntityKind::{Organization as Org, Person};
        // No given name, initial, title or honorific: an institution
        // first, a person second.
        let t = "Shares in Wells Fargo rose as Snow Patrol played for number 30 Harel Levy.\n";
        assert_eq!(
            kinds_and_alternatives(t),
            vec![
                ("Wells Fargo", Org, Some(Person)),
                ("Snow Patrol", Org, Some(Person)),
                ("Harel Levy", Org, Some(Person)),
            ]
        );
        // A given name, from the census lists or from the names news in
        // English prints; an initial; an honorific before the surname
        // elsewhere in the article.
        let t = "Tony Blair met Sergei Ivanov, Sven-Goran Eriksson, G Thomas and J.K. Rowling while Harel Levy waited. Mr Levy won.\n";
        assert_eq!(
            kinds_and_alternatives(t),
            vec![
                ("Tony Blair", Person, None),
                ("Sergei Ivanov", Person, None),
                ("Sven-Goran Eriksson", Person, None),
                ("G Thomas", Person, None),
                ("J.K. Rowling", Person, None),
                ("Harel Levy", Person, None),
            ]
        );
        // The surname must stand on its own after the honorific: "Mr
        // Levyson" is someone else.
        let t = "Harel Levy waited. Mr Levyson won.\n";
        assert_eq!(
            kinds_and_alternatives(t)[0],
            ("Harel Levy", Org, Some(Person))
        );
    }

    #[test]
    fn a_nationality_or_trade_before_a_full_name_is_no_part_of_it() {
        let t = "Australian Nicole Pratt lost. Singer-songwriter Jamie Cullum and Tory Neil Hamilton spoke. Coach Andy Robinson met them. The Welsh Rugby Union met.\n";
        assert_eq!(
            names(t),
            vec![
                "Nicole Pratt",
                "Jamie Cullum",
                "Neil Hamilton",
                "Andy Robinson",
                "Welsh Rugby Union"
            ]
        );
    }

    fn described(text: &str) -> Vec<(&str, Option<&str>)> {
        find(text)
            .into_iter()
            .map(|c| (&text[c.span], c.described_as.map(|d| &text[d])))
            .collect()
    }

    #[test]
    fn a_title_before_a_full_name_describes_the_person() {
        let t = "As SMFG President Yoshifumi Nishikawa said, UN Secretary General Kofi Annan met Irish Prime Minister John Major and \
                 Metropolitan Police Commissioner Sir John Stevens. Chief Supt Deats and \
                 Prince Harry came. Actor Daniel Day-Lewis, the Rt Rev Rowan Williams and \
                 Labour MP Diane Abbott spoke.\n";
        assert_eq!(
            described(t),
            vec![
                ("Yoshifumi Nishikawa", Some("SMFG President")),
                ("Kofi Annan", Some("UN Secretary General")),
                ("John Major", Some("Irish Prime Minister")),
                ("John Stevens", Some("Metropolitan Police Commissioner")),
                // A title and one word: how the person is known.
                ("Chief Supt Deats", None),
                ("Prince Harry", None),
                ("Daniel Day-Lewis", Some("Actor")),
                ("Rowan Williams", None),
                ("Diane Abbott", Some("Labour MP")),
            ]
        );
    }

    #[test]
    fn a_possessive_apostrophe_after_s_ends_a_name() {
        let t = "Kelly Holmes' Olympic gold pleased Sky Networks' Sophie Turner Laing. The Musicians' Union's vote and the Writers' Association. They met at St James' Park.\n";
        assert_eq!(
            names(t),
            vec![
                "Kelly Holmes",
                "Sky Networks",
                "Sophie Turner Laing",
                "Musicians' Union",
                "Writers' Association"
            ]
        );
    }

    #[test]
    fn initials_are_single_capitals() {
        assert!(is_initials("G") && is_initials("G.") && is_initials("J.K."));
        assert!(
            !is_initials("JK") && !is_initials("Jo") && !is_initials("J.k.") && !is_initials("U.S")
        );
    }

    #[test]
    fn words_around_a_run_say_it_is_no_person() {
        // A noun for an institution after the run.
        let t = "A table drawn up by France's Le Figaro newspaper named the former Arsenal and Real Madrid striker and Senior Fannie Mae bosses.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Le Figaro", EntityKind::Organization),
                ("Real Madrid", EntityKind::Organization),
                ("Senior Fannie Mae", EntityKind::Organization),
            ]
        );
        // An adjective that opens no first name; a long run may still be
        // a place and a person.
        let t = "Fans of West Ham watched Big Brother while New York Attorney General Eliot Spitzer spoke.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("West Ham", EntityKind::Organization),
                ("Big Brother", EntityKind::Organization),
                ("Eliot Spitzer", EntityKind::Person),
            ]
        );
        // "X-based" describes the firm after it, even a one-word name.
        let t = "Shares in Ireland-based Elan fell while Frankfurt-based Deutsche Boerse rose.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Elan", EntityKind::Organization),
                ("Deutsche Boerse", EntityKind::Organization),
            ]
        );
        // An ordinal before the run: the name is longer than the run. A
        // year or a count before a person changes nothing. (Mr Levy is
        // named again: "Harel" is not among the given names gloss knows.)
        let t = "The 20th Century Fox studio agreed. In 1946 Winston Churchill spoke to number 30 Harel Levy. Mr Levy won.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Winston Churchill", EntityKind::Person),
                ("Harel Levy", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn an_office_is_not_its_holder() {
        let t = "He became Chief Operating Officer after Home Secretary David Blunkett left and Northampton Saints won.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("David Blunkett", EntityKind::Person),
                ("Northampton Saints", EntityKind::Organization),
            ]
        );
    }

    #[test]
    fn a_lowercase_tail_after_a_hyphen_ends_the_name() {
        let t = "It was a George Bush-style campaign, a Grand Slam-winning side and the Evening Standard said so.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("George Bush", EntityKind::Person),
                ("Evening Standard", EntityKind::Organization),
            ]
        );
        // Other lowercase parts after a hyphen belong to the name; a
        // place before "-based" does not.
        let t = "Chairman Chung Mong-koo met Seven London-based firms.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![("Chung Mong-koo", EntityKind::Person)]
        );
    }

    #[test]
    fn holidays_are_not_names() {
        let t = "The team played on Boxing Day and again over New Year, when Mr Jones spoke on New Year's Eve.\n";
        assert_eq!(names(t), vec!["Jones"]);
    }

    #[test]
    fn places_events_and_laws_are_not_names() {
        let t = "After the Six Nations in New Zealand, the Consumer Electronics Show and the Australian Open, Mr Jones flew from Los Angeles to Downing Street to defend the Hunting Act with South African officials.\n";
        assert_eq!(names(t), vec!["Jones"]);
    }

    #[test]
    fn a_nationality_or_world_opens_an_institutions_name() {
        let t = "He said that the World Health Organization and the European Commission met \
                 people from British Airways, from British TV and from the Confederation of \
                 British Industry, and German Chancellor Gerhard Schroeder spoke.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("World Health Organization", EntityKind::Organization),
                ("European Commission", EntityKind::Organization),
                ("British Airways", EntityKind::Organization),
                ("Gerhard Schroeder", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn an_office_or_trade_in_lower_case_before_a_name_makes_a_person() {
        let t = "The move was welcomed, said chairman Adair Turner, and her husband Vic \
                 Reeves agreed, while the bank's partner Deutsche Boerse did not.\n";
        assert_eq!(
            kinds_and_alternatives(t),
            vec![
                ("Adair Turner", EntityKind::Person, None),
                ("Vic Reeves", EntityKind::Person, None),
                (
                    "Deutsche Boerse",
                    EntityKind::Organization,
                    Some(EntityKind::Person)
                ),
            ]
        );
    }

    #[test]
    fn a_run_right_after_an_honorific_is_a_person() {
        let t = "Speaking in Buenos Aires, Mr De Vido later denied it, and there is a general \
                 Production Diary too.\n";
        assert_eq!(
            kinds_and_alternatives(t),
            vec![
                ("De Vido", EntityKind::Person, None),
                (
                    "Production Diary",
                    EntityKind::Organization,
                    Some(EntityKind::Person)
                ),
            ]
        );
    }

    #[test]
    fn titles_of_works_are_not_names() {
        let t = "The people who went to see the film of Meet The Fockers and then heard the old \
                 tune, Love Will Tear Us Apart, on the radio later wrote to Wendy Ide of The \
                 Times, and to Charles A Blixt, who works at Big Day Out Ltd, about the Sex \
                 And The City finale.\n";
        assert_eq!(
            names(t),
            vec![
                "Wendy Ide of The Times",
                "Charles A Blixt",
                "Big Day Out Ltd",
            ]
        );
    }

    #[test]
    fn parties_clubs_and_broadcasters_are_institutions() {
        let t = "The Lib Dems and New Labour argued while Manchester United beat Arsenal, BBC Radio reported and the United Nations met. Labour MP Diane Abbott spoke; Labour MPs did not.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Lib Dems", EntityKind::Organization),
                ("New Labour", EntityKind::Organization),
                ("Manchester United", EntityKind::Organization),
                ("BBC Radio", EntityKind::Organization),
                ("United Nations", EntityKind::Organization),
                ("Diane Abbott", EntityKind::Person),
            ]
        );
        // A club or a party after "and" is a name of its own, not part of
        // the one before it.
        assert_eq!(
            names_and_kinds(
                "Fans of Celtic and Glasgow Rangers watched as the owner Malcolm Glazer and Manchester United agreed.\n"
            ),
            vec![
                ("Glasgow Rangers", EntityKind::Organization),
                ("Malcolm Glazer", EntityKind::Person),
                ("Manchester United", EntityKind::Organization),
            ]
        );
    }

    #[test]
    fn a_surname_alone_goes_with_the_full_name_in_the_article() {
        let t = "Mr Miliband spoke first.\nDavid Miliband, the minister, said Mr Miliband and Mr Blunkett agreed.\n";
        assert_eq!(names(t), vec!["David Miliband", "Blunkett"]);
    }

    #[test]
    fn a_possessive_ends_a_name() {
        let t = "Fans saw Coldplay's Chris Martin and Clint Eastwood's Million Dollar Baby, and the Prosecutor General's Office and the Women's Institute said so.\n";
        assert_eq!(
            names(t),
            vec![
                "Chris Martin",
                "Clint Eastwood",
                "Million Dollar Baby",
                "Prosecutor General's Office",
                "Women's Institute"
            ]
        );
    }

    #[test]
    fn a_name_starts_at_its_honorific() {
        let t =
            "Hello Mr Smith, he wrote. Thanks Dr Jane Brown too, said Chancellor Sir Tom Hill.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("Smith", EntityKind::Person),
                ("Jane Brown", EntityKind::Person),
                ("Tom Hill", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn firms_named_general_keep_the_word() {
        let t = "Shares in General Motors and General Electric rose, General Musharraf said.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                ("General Motors", EntityKind::Organization),
                ("General Electric", EntityKind::Organization),
                ("Musharraf", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn names_after_the_or_a_work_noun_are_not_people() {
        // Newspapers, buildings and works take "the"; people do not,
        // unless a title comes with the name.
        let t = "It was in the Daily Mail and at the White House that the Rev Jesse Jackson praised the film Vera Drake, the Scottish Executive and Tony Blair.\n";
        assert_eq!(
            names_and_kinds(t),
            vec![
                // "Mail" names a paper: an institution, proposed as one.
                ("Daily Mail", EntityKind::Organization),
                ("Jesse Jackson", EntityKind::Person),
                ("Tony Blair", EntityKind::Person),
            ]
        );
        // Institutions after "the" are still proposed, as institutions.
        assert_eq!(
            names_and_kinds("He wrote to the Muslim Council of Britain.\n"),
            vec![("Muslim Council of Britain", EntityKind::Organization)]
        );
    }

    #[test]
    fn skips_headlines_and_sentence_starters() {
        assert!(names("Security Deal Eases Russia's Pain Over Nato\n").is_empty());
        assert!(names("Although it rained, nothing happened in the end.\n").is_empty());
    }
}
