//! Sentence segmentation over tokens.
//!
//! A sentence ends at a paragraph break, or at `.`, `!`, `?` followed by a
//! capitalised word, a digit, an opening quote or the end of the paragraph,
//! unless the full stop ends an abbreviation (titles such as Mr., Sen., Lt.
//! Col., initials, U.S., months). A quotation is never split: its inner full
//! stops and the paragraph breaks it runs across stay inside one sentence. A
//! closed quotation ending in `.`, `!` or `?` ends a sentence when a
//! capitalised word follows.

use std::ops::Range;

use super::quotes::{Quote, NONE};
use super::tokens::{Kind, QuoteMark, Tok};

/// The longest sentence, in tokens outside quotations: past it a sentence
/// is cut, so text without punctuation costs no more than text with it.
pub const MAX_TOKENS: usize = 300;

/// Titles after which a full stop never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Lt",
    "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "St", "Prof", "Rev", "Hon", "Pres",
    "Supt", "Det", "Insp", "Atty", "Amb", "Sec", "Gens", "Fr", "Mt", "Ft", "No", "Nos", "vs", "v",
    "Vol", "Ph", "Mme", "Mlle", "Sr", "Jr",
];

/// Abbreviations after which a full stop ends a sentence only before a
/// typical sentence opener.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "approx", "est", "etc", "al", "Calif",
    "Fla", "Ga", "Ill", "Mass", "Mich", "Minn", "Pa", "Tenn", "Tex", "Va", "Wash", "Wis", "Ky",
    "Ariz", "Colo", "Conn", "Del", "Ind", "Kan", "La", "Md", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Vt", "Wyo",
];

/// Words that typically open a sentence (after an ambiguous abbreviation).
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "This",
    "That", "There", "His", "Her", "Their", "Its", "On", "At", "As", "If", "When", "While",
    "After", "Before", "Some", "Many", "Most", "So", "Yet", "Still", "Now", "Then", "Both",
];

fn is_abbreviation(word: &str, next: Option<&str>) -> bool {
    if TITLES.contains(&word) {
        return true;
    }
    let opener = next.is_some_and(|n| OPENERS.contains(&n));
    if ABBREVIATIONS.contains(&word) {
        return !opener;
    }
    // Initials (J. Smith) and dotted abbreviations (U.S., D.C.).
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single || (word.contains('.') && word.len() <= 8) {
        return !opener;
    }
    false
}

fn starts_sentence(text: &str, t: &Tok) -> bool {
    match t.kind {
        Kind::Word => t
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        Kind::Quote(QuoteMark::Open | QuoteMark::Straight) => true,
        Kind::Break => true,
        Kind::Punct => matches!(t.text(text), "(" | "[" | "—" | "-" | "•" | "*"),
        Kind::Quote(QuoteMark::Close) => false,
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Sentences as token ranges (paragraph breaks outside quotations are left
/// out). Linear in the number of tokens.
pub fn split(text: &str, toks: &[Tok], quotes: &[Quote], inside: &[u32]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        if a < b {
            out.push(a..b);
        }
    };
    while i < toks.len() {
        let t = &toks[i];
        // Unclosed quotations are segmented like plain text.
        let q = match quotes.get(inside[i] as usize) {
            Some(quote) if quote.closed => inside[i],
            _ => NONE,
        };
        if i >= start + MAX_TOKENS && q == NONE {
            push(&mut out, start, i);
            start = i;
        }
        if q == NONE {
            match t.kind {
                Kind::Break => {
                    push(&mut out, start, i);
                    start = i + 1;
                }
                Kind::Punct if is_terminal(t.text(text)) => {
                    // Closing brackets stay with the sentence they close.
                    let mut j = i + 1;
                    while j < toks.len()
                        && toks[j].kind == Kind::Punct
                        && matches!(toks[j].text(text), ")" | "]" | "." | "!" | "?")
                    {
                        j += 1;
                    }
                    let next = toks.get(j);
                    let prev_word = (i > 0 && toks[i - 1].is_word() && toks[i - 1].end == t.start)
                        .then(|| toks[i - 1].text(text));
                    let next_word = next.filter(|n| n.is_word()).map(|n| n.text(text));
                    let abbrev = t.text(text) == "."
                        && prev_word.is_some_and(|w| is_abbreviation(w, next_word));
                    let ends = match next {
                        None => true,
                        Some(n) => !abbrev && starts_sentence(text, n),
                    };
                    if ends {
                        push(&mut out, start, j);
                        start = j;
                        i = j;
                        continue;
                    }
                }
                _ => {}
            }
        } else if let Some(quote) = quotes.get(q as usize) {
            // Inside a quotation: jump to its end, then decide whether the
            // quotation itself ends the sentence.
            let last = quote.last.max(i);
            let before = last.checked_sub(1).map(|k| toks[k].text(text));
            let ends_inside = quote.closed && before.is_some_and(is_terminal);
            i = last + 1;
            if ends_inside {
                match toks.get(i) {
                    None => {}
                    Some(n)
                        if n.kind == Kind::Word
                            && n.text(text).chars().next().is_some_and(char::is_uppercase) =>
                    {
                        push(&mut out, start, i);
                        start = i;
                    }
                    Some(n) if matches!(n.kind, Kind::Quote(QuoteMark::Open)) => {
                        push(&mut out, start, i);
                        start = i;
                    }
                    _ => {}
                }
            }
            continue;
        }
        i += 1;
    }
    push(&mut out, start, toks.len());
    out
}

#[cfg(test)]
mod tests {
    use super::super::quotes::pair;
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let (q, inside) = pair(&toks);
        split(text, &toks, &q, &inside)
            .into_iter()
            .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences(
                "Mr. Ivanov met Lt. Col. J. R. Smith in the U.S. on Nov. 5. The talks ended."
            ),
            [
                "Mr. Ivanov met Lt. Col. J. R. Smith in the U.S. on Nov. 5.",
                "The talks ended."
            ]
        );
        assert_eq!(
            sentences("He lives in the U.S. The end."),
            ["He lives in the U.S.", "The end."]
        );
    }

    #[test]
    fn quotes_stay_whole() {
        assert_eq!(
            sentences("“We came. We saw,” he said. Next."),
            ["“We came. We saw,” he said.", "Next."]
        );
        assert_eq!(
            sentences("“We won!” Smith said.\nNew paragraph"),
            ["“We won!”", "Smith said.", "New paragraph"]
        );
    }
}
