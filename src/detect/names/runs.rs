//! Runs of capitalised words, the candidates of the name detector: a hand
//! scanner giving exactly the matches of the pattern
//!
//! ```text
//! WORD(?:[ \u{a0}](?:(?:of|and|for)[ \u{a0}](?:the[ \u{a0}])?)?WORD)*
//! WORD = (?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}'’\-]*\.?
//! ```
//!
//! with the regex crate's leftmost-first semantics (the test below checks
//! it against that regex). A lazy DFA over those Unicode classes cost more
//! than the rest of the name detector: it kept building states, and it
//! searched every match twice (forwards for its end, backwards for its
//! start). Here ASCII is classified by byte; other characters, rare in
//! news text, by small regexes of one class each, so the Unicode classes
//! stay the regex crate's.
//!
//! Why a greedy scan is the leftmost-first match: nothing follows the
//! repeated group, so whatever a step takes, the rest of the pattern can
//! still match (with no more repetitions). A backtracking engine therefore
//! keeps the first way each step matches: the first alternative of WORD
//! that matches, at its greedy length, and as many repetitions as match.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// One Unicode class, tested on one character.
fn class(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a one-class pattern")
}

static UPPER: LazyLock<Regex> = LazyLock::new(|| class(r"\A\p{Lu}\z"));
static LETTER_OR_MARK: LazyLock<Regex> = LazyLock::new(|| class(r"\A[\p{L}\p{M}]\z"));

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// `\p{Lu}`. (Inlined: its ASCII test is most of its calls.)
#[inline]
fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut buf = [0u8; 4];
    UPPER.is_match(c.encode_utf8(&mut buf))
}

/// `[\p{L}\p{M}'’\-]`.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '\'' || c == '-';
    }
    let mut buf = [0u8; 4];
    c == '’' || LETTER_OR_MARK.is_match(c.encode_utf8(&mut buf))
}

/// The length of `[ \u{a0}]` at `i`, if one is there.
fn space_at(s: &str, i: usize) -> Option<usize> {
    let rest = s.as_bytes().get(i..)?;
    if rest.first() == Some(&b' ') {
        Some(1)
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        Some(2)
    } else {
        None
    }
}

/// The end of WORD matched at `i`.
fn word_at(s: &str, i: usize) -> Option<usize> {
    let first = char_at(s, i).filter(|&c| is_upper(c))?;
    // `(?:\p{Lu}\.){2,}`, greedy.
    let (mut end, mut initials) = (i, 0);
    while let Some(c) = char_at(s, end).filter(|&c| is_upper(c)) {
        let dot = end + c.len_utf8();
        if s.as_bytes().get(dot) != Some(&b'.') {
            break;
        }
        end = dot + 1;
        initials += 1;
    }
    if initials >= 2 {
        return Some(end);
    }
    // `\p{Lu}[\p{L}\p{M}'’\-]*\.?`.
    let mut end = i + first.len_utf8();
    while let Some(c) = char_at(s, end).filter(|&c| is_word_char(c)) {
        end += c.len_utf8();
    }
    if s.as_bytes().get(end) == Some(&b'.') {
        end += 1;
    }
    Some(end)
}

/// The end of one repetition `[ \u{a0}](?:(?:of|and|for)[ \u{a0}](?:the[ \u{a0}])?)?WORD`
/// matched at `i`.
fn next_word_at(s: &str, i: usize) -> Option<usize> {
    let at = i + space_at(s, i)?;
    let rest = &s[at..];
    // At most one connector can match: they start with different letters.
    let connector = ["of", "and", "for"]
        .into_iter()
        .find(|w| rest.starts_with(w))
        .and_then(|w| Some(at + w.len() + space_at(s, at + w.len())?));
    if let Some(after) = connector {
        let the = s[after..]
            .starts_with("the")
            .then(|| Some(after + 3 + space_at(s, after + 3)?))
            .flatten();
        if let Some(end) = the.and_then(|t| word_at(s, t)) {
            return Some(end);
        }
        if let Some(end) = word_at(s, after) {
            return Some(end);
        }
    }
    word_at(s, at)
}

/// The runs in `s`, left to right, as byte ranges (what `find_iter` of
/// the pattern above yields).
pub fn runs(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        // Every uppercase letter starts a match (WORD's second
        // alternative needs nothing more), so the next match starts at
        // the next one.
        let (offset, _) = s.get(from..)?.char_indices().find(|&(_, c)| is_upper(c))?;
        let start = from + offset;
        let mut end = word_at(s, start)?;
        while let Some(e) = next_word_at(s, end) {
            end = e;
        }
        from = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern the scanner implements, as the name detector used it.
    fn reference() -> Regex {
        Regex::new(
            r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}'’\-]*\.?)(?:[ \u{a0}](?:(?:of|and|for)[ \u{a0}](?:the[ \u{a0}])?)?(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}'’\-]*\.?))*",
        )
        .expect("the reference pattern")
    }

    fn check(re: &Regex, s: &str) {
        let ours: Vec<Range<usize>> = runs(s).collect();
        let theirs: Vec<Range<usize>> = re.find_iter(s).map(|m| m.range()).collect();
        assert_eq!(ours, theirs, "{s:?}");
    }

    #[test]
    fn matches_the_pattern_on_news_text() {
        let re = reference();
        for s in [
            "Boris N. Yeltsin met the U.N. Security Council.",
            "The U.S. Navy and the Bank of England; Securities and Exchange Commission",
            "Tony Blair and Gordon Brown of the Labour Party said.",
            "Institute for Fiscal Studies, Ministry of the Interior, Mr O’Brien",
            "Coldplay's Chris Martin, Prosecutor General's Office, Jean-Paul Sartre",
            "Bank of the England of and X and the",
            "Bank of ",
            "A.B.C.D. E. F.G",
            "McDonald iPhone ÉCOLE Élysée Palace Ångström",
            "Mr\u{a0}Smith of\u{a0}the\u{a0}Town and\u{a0}Gown",
            "ǅemal Ⅻ Ⓐ Zoë Cafe\u{301} Ørsted",
            "",
            "no capitals at all.",
        ] {
            check(&re, s);
        }
    }

    /// Random strings over pieces chosen to reach every branch of the
    /// pattern: capitals (ASCII and not, and characters that are
    /// uppercase but not `\p{Lu}`), connectors, both spaces, dots,
    /// apostrophes, hyphens, marks.
    #[test]
    fn matches_the_pattern_on_random_text() {
        let re = reference();
        let pieces = [
            "A", "B", "Z", "a", "z", ".", " ", "\u{a0}", "of", "and", "for", "the", "th", "o", "É",
            "é", "’", "'", "-", "ǅ", "Ⅻ", "Ⓐ", "\u{301}", "1", ",", "\n", "Ω", "ß", "“",
        ];
        let mut next = crate::test_rng::xorshift();
        for _ in 0..20_000 {
            let len = (next() % 16) as usize;
            let s: String = (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            check(&re, &s);
        }
    }
}
