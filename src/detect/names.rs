//! Name-like spans: runs of capitalised words that look like a person or an
//! institution. The lint reports those not in the registry as hints.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::mentions::preceded_by_honorific;
use crate::registry::EntityKind;

/// Capitalised words joined by single spaces (or a non-breaking space),
/// allowing initials ("Boris N. Yeltsin") and inner hyphens or apostrophes.
static RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}\p{M}'’\-]*\.?(?:[ \u{a0}]\p{Lu}[\p{L}\p{M}'’\-]*\.?)*")
        .expect("name run pattern")
});

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
];

const ORG_WORDS: &[&str] = &[
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
    "Ltd",
    "Fund",
    "Foundation",
    "Court",
    "Senate",
    "Congress",
    "Assembly",
    "Service",
    "Pact",
];

/// A candidate name and the kind it most likely is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    pub span: Range<usize>,
    pub kind: EntityKind,
}

/// Name-like spans in `text`. Headline-style lines (mostly capitalised
/// words) are skipped: there every word is capitalised.
pub fn find(text: &str) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        if !is_title_case(line) {
            scan_line(text, offset, line, &mut out);
        }
        offset += line.len();
    }
    out
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
/// [`COMMON`]: a binary search in a sorted copy.
fn is_common(w: &str) -> bool {
    static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v = COMMON.to_vec();
        v.sort_unstable();
        v
    });
    let w = w
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    SORTED.binary_search(&w).is_ok()
}

fn scan_line(text: &str, base: usize, line: &str, out: &mut Vec<NameCandidate>) {
    for m in RUN.find_iter(line) {
        // A run of one word is a name only after an honorific: most runs are
        // a capitalised word starting a sentence, rejected here before any
        // other work (the checks below would reject it too).
        if !m.as_str().contains([' ', '\u{a0}']) && !preceded_by_honorific(text, base + m.start()) {
            continue;
        }
        // Split the run into words with their offsets, then drop common words
        // from both ends (sentence starters, titles, months).
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = m.start();
        for w in m.as_str().split([' ', '\u{a0}']) {
            words.push((pos, w));
            pos += w.len()
                + if line[pos + w.len()..].starts_with('\u{a0}') {
                    2
                } else {
                    1
                };
        }
        while words.first().is_some_and(|(_, w)| is_common(w)) {
            words.remove(0);
        }
        while words.last().is_some_and(|(_, w)| is_common(w)) {
            words.pop();
        }
        let Some(&(first, _)) = words.first() else {
            continue;
        };
        let Some(&(last, lw)) = words.last() else {
            continue;
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
        let start = base + first;
        let single = words.len() == 1;
        if single && !preceded_by_honorific(text, start) {
            continue;
        }
        if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let kind = if name.split(' ').any(|w| ORG_WORDS.contains(&w))
            || name.chars().all(|c| !c.is_lowercase())
        {
            EntityKind::Organization
        } else {
            EntityKind::Person
        };
        out.push(NameCandidate {
            span: start..base + end,
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|c| &text[c.span]).collect()
    }

    #[test]
    fn finds_people_and_institutions_in_running_text() {
        let t = "When the German Chancellor, Helmut Kohl, visited Moscow, Mr Kwasniewski met the Prosecutor General's Office and Boris N. Yeltsin.\n";
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
    fn skips_headlines_and_sentence_starters() {
        assert!(names("Security Deal Eases Russia's Pain Over Nato\n").is_empty());
        assert!(names("Although it rained, nothing happened in the end.\n").is_empty());
    }
}
