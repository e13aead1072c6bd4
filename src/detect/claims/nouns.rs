//! Nouns and adjectives that carry an attribution.
//!
//! A noun of saying or believing after a possessive is a cue whose source is
//! the possessor ("Trump's claim that ...", "her criticism of ...", "their
//! support for ..."). An adjective of belief after a copula is a cue whose
//! source is the subject ("she is confident that ...", "they were aware").

use rustc_hash::FxHashMap;

use super::cues::{entry_key, key, Key};
use std::sync::LazyLock;

/// Nouns that report speech, stance or belief. Nouns that more often name
/// an event or a text ("speech", "statement", "remarks", "plan") are left
/// out: after a possessive they rarely make a claim of their own.
const NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "criticism",
    "criticisms",
    "critique",
    "endorsement",
    "endorsements",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "attacks",
    "opposition",
    "insistence",
    "contention",
    "suggestion",
    "suggestions",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "vow",
    "refusal",
    "willingness",
    "reluctance",
    "denial",
    "denials",
    "admission",
    "calls",
    "demands",
    "belief",
    "beliefs",
    "fears",
    "hopes",
    "concerns",
    "warning",
    "warnings",
    "prediction",
    "predictions",
    "complaints",
    "objections",
    "praise",
    "doubts",
];

/// Adjectives of belief and attitude, cues after a copula.
const ADJECTIVES: &[&str] = &[
    "confident",
    "aware",
    "unaware",
    "sure",
    "unsure",
    "convinced",
    "concerned",
    "worried",
    "skeptical",
    "sceptical",
    "eager",
    "willing",
    "unwilling",
    "optimistic",
    "pessimistic",
    "critical",
    "adamant",
    "certain",
    "uncertain",
    "hopeful",
    "determined",
    "reluctant",
    "doubtful",
    "supportive",
    "opposed",
    "afraid",
    "fearful",
    "angry",
    "furious",
    "upset",
    "frustrated",
    "disappointed",
    "pleased",
    "proud",
    "satisfied",
    "surprised",
    "shocked",
    "committed",
    "wary",
    "dismissive",
];

/// Words that join a subject to an adjective cue.
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "am", "remains", "remained", "remain", "’m",
    "'m", "’re", "'re",
];

/// Degree adverbs between a copula and its adjective ("is very confident").
pub const DEGREE: &[&str] = &[
    "very",
    "increasingly",
    "deeply",
    "quite",
    "fairly",
    "highly",
    "less",
    "more",
    "extremely",
    "particularly",
    "fully",
    "equally",
    "somewhat",
    "absolutely",
    "genuinely",
    "openly",
    "sharply",
    "publicly",
];

fn eq_any(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// What a word is as a cue outside the verb lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Noun,
    Adjective,
}

/// Both lists in one table, so that a word costs one hash probe: the
/// detector asks about every word of the text. Keyed like the cue lexicon.
static ROLES: LazyLock<FxHashMap<Key, Role>> = LazyLock::new(|| {
    roles()
        .filter_map(|(w, r)| Some((entry_key(w)?, r)))
        .collect()
});

/// Every role word with its role, adjectives first.
fn roles() -> impl Iterator<Item = (&'static str, Role)> {
    let nouns = NOUNS.iter().map(|w| (*w, Role::Noun));
    ADJECTIVES
        .iter()
        .map(|w| (*w, Role::Adjective))
        .chain(nouns)
}

/// The role of `w` (any case) as a noun or adjective cue.
pub fn role(w: &str) -> Option<Role> {
    ROLES.get(&key(w)?).copied()
}

/// Whether `w` is a noun cue.
pub fn is_noun_cue(w: &str) -> bool {
    role(w) == Some(Role::Noun)
}

/// Whether `w` is an adjective cue.
pub fn is_adjective_cue(w: &str) -> bool {
    role(w) == Some(Role::Adjective)
}

/// Whether `w` is a copula.
pub fn is_copula(w: &str) -> bool {
    eq_any(COPULAS, w)
}

/// Possessive pronouns.
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Pronouns whose `'s` is "is" or "has", not a possessive.
const CONTRACTED: &[&str] = &[
    "he", "she", "it", "that", "there", "what", "who", "here", "let", "where", "how", "this",
];

/// Whether `w` is a possessive: "his", "Trump's", "Democrats’". The stem's
/// length in bytes comes back (the word without its possessive ending).
pub fn possessive(w: &str) -> Option<usize> {
    if eq_any(POSSESSIVE_PRONOUNS, w) {
        return Some(w.len());
    }
    let stem = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix("â€™s"))?;
    (!stem.is_empty() && !eq_any(CONTRACTED, stem)).then_some(stem.len())
}

/// Whether `w` is a pronoun with a contracted "is" ("he's", "they’re").
pub fn contracted_copula(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    ["'s", "’s", "'re", "’re", "'m", "’m"].iter().any(|e| {
        lower.strip_suffix(e).is_some_and(|stem| {
            eq_any(CONTRACTED, stem) || eq_any(&["they", "we", "you", "i"], stem)
        })
    })
}

/// The byte length of the contracted auxiliary at the end of `w` when `w`
/// is a pronoun with one ("He’s", "they're", "I'd", "we’ve"): the part
/// PolNeAR puts in the cue ("’s predicting"), the pronoun being the source.
pub fn contracted_auxiliary(w: &str) -> Option<usize> {
    const ENDINGS: &[&str] = &[
        "'s", "’s", "'re", "’re", "'m", "’m", "'ve", "’ve", "'ll", "’ll", "'d", "’d",
    ];
    let e = ENDINGS.iter().find(|e| {
        w.len() > e.len()
            && w.is_char_boundary(w.len() - e.len())
            && w[w.len() - e.len()..].eq_ignore_ascii_case(e)
    })?;
    let stem = &w[..w.len() - e.len()];
    (eq_any(CONTRACTED, stem) || eq_any(&["they", "we", "you", "i"], stem)).then_some(e.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_and_contractions() {
        assert_eq!(possessive("Trump's"), Some(5));
        assert_eq!(possessive("Trump’s"), Some(5));
        assert_eq!(possessive("his"), Some(3));
        assert_eq!(possessive("he's"), None);
        assert_eq!(possessive("Trump"), None);
        assert!(contracted_copula("He’s"));
        assert!(contracted_copula("they're"));
        assert!(!contracted_copula("Trump's"));
        assert_eq!(contracted_auxiliary("He’s"), Some("’s".len()));
        assert_eq!(contracted_auxiliary("they've"), Some(3));
        assert_eq!(contracted_auxiliary("Trump’s"), None);
        assert_eq!(contracted_auxiliary("’s"), None);
        assert!(is_noun_cue("claim") && is_adjective_cue("Confident"));
        assert!(!is_noun_cue("table"));
    }

    /// The role lookup before packed keys (see `cues::tests`).
    fn role_by_string(w: &str) -> Option<Role> {
        static ROLES_BY_STRING: LazyLock<FxHashMap<&'static str, Role>> =
            LazyLock::new(|| roles().collect());
        let mut buf = [0u8; 16];
        ROLES_BY_STRING
            .get(super::super::cues::tests::lowercase_as_before(w, &mut buf)?)
            .copied()
    }

    #[test]
    fn packed_keys_find_the_roles_string_keys_found() {
        use crate::detect::claims::cues::tests::{variants, TRICKY};
        let tricky = TRICKY.iter();
        let lists = [NOUNS, ADJECTIVES, COPULAS, DEGREE];
        let mut words: Vec<String> = tricky.map(|w| w.to_string()).collect();
        for w in lists.iter().flat_map(|l| l.iter()) {
            words.push(w.to_string());
            words.push(w.to_uppercase());
            words.push(format!("{w}’s"));
            words.extend(variants(w));
        }
        let mut found = 0;
        for w in &words {
            assert_eq!(role(w), role_by_string(w), "{w:?}");
            found += usize::from(role(w).is_some());
        }
        assert!(found > 100, "{found} roles");
    }
}
