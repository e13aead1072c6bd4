//! Mentions of registry entities, found by name and alias in one
//! Aho-Corasick pass.
//!
//! Matching is ASCII case-insensitive so that "Nato" finds NATO, but a match
//! must start with a capital letter (or be the alias exactly), so that "bush"
//! the plant never matches Bush. A person's surname, when it is not itself an
//! alias, matches only after an honorific ("Mr Putin", "President Putin").

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Mention;
use crate::registry::{EntityKind, Registry};

/// Words that, directly before a surname, mark it as a person's name.
pub const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Sir",
    "Lord",
    "Lady",
    "Dame",
    "President",
    "Premier",
    "Chancellor",
    "Minister",
    "Secretary",
    "Secretary-General",
    "General",
    "Gen.",
    "Gen",
    "Admiral",
    "Senator",
    "Sen.",
    "Rep.",
    "Governor",
    "Gov.",
    "Ambassador",
    "Envoy",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Prof.",
    "Professor",
    "Colonel",
    "Col.",
    "Lt.",
    "Marshal",
    "Mayor",
    "Judge",
    "Justice",
    "Commissioner",
];

/// A compiled matcher over every name and alias of a registry.
#[derive(Debug, Clone)]
pub struct MentionMatcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the exact spelling, the entities it names, and
    /// whether it only counts after an honorific.
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    entities: Vec<String>,
    needs_honorific: bool,
}

impl MentionMatcher {
    pub fn new(registry: &Registry) -> MentionMatcher {
        // Names are merged case-insensitively: an alias shared by two
        // entities becomes one pattern with two candidates.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |name: &str, id: &str, needs_honorific: bool, patterns: &mut Vec<Pattern>| {
            let name = name.trim();
            if name.chars().count() < 2 {
                return;
            }
            let key = name.to_lowercase();
            match index.get(&key) {
                Some(&i) => {
                    let p: &mut Pattern = &mut patterns[i];
                    if !needs_honorific && p.needs_honorific {
                        // An explicit alias wins over a derived surname.
                        *p = Pattern {
                            text: name.to_owned(),
                            entities: vec![id.to_owned()],
                            needs_honorific: false,
                        };
                    } else if needs_honorific == p.needs_honorific
                        && !p.entities.iter().any(|e| e == id)
                    {
                        p.entities.push(id.to_owned());
                    }
                }
                None => {
                    index.insert(key, patterns.len());
                    patterns.push(Pattern {
                        text: name.to_owned(),
                        entities: vec![id.to_owned()],
                        needs_honorific,
                    });
                }
            }
        };
        for e in &registry.entities {
            for n in e.names() {
                add(n, &e.id, false, &mut patterns);
            }
        }
        for e in &registry.entities {
            if e.kind == EntityKind::Person {
                if let Some(surname) = e.name.split_whitespace().last() {
                    if surname != e.name {
                        add(surname, &e.id, true, &mut patterns);
                    }
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns.iter().map(|p| p.text.as_str()))
                .ok()
        };
        MentionMatcher {
            automaton,
            patterns,
        }
    }

    /// Every mention in `text`, sorted by start, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if !is_word_boundary(text, s, e) {
                continue;
            }
            let found = &text[s..e];
            if found != p.text && !found.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if p.needs_honorific && !preceded_by_honorific(text, s) {
                continue;
            }
            out.push(Mention {
                span: s..e,
                entities: p.entities.clone(),
            });
        }
        out
    }
}

fn is_word_boundary(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // A hyphen joins words ("Russia-NATO" names both), so it is a boundary.
    !inner(before) && !inner(after)
}

/// Whether the word before byte `s` is an honorific.
pub fn preceded_by_honorific(text: &str, s: usize) -> bool {
    let head = text[..s].trim_end_matches([' ', '\u{a0}']);
    if head.len() == text[..s].len() {
        return false;
    }
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"' || *c == '\u{201c}')
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &head[word_start..];
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn reg() -> Registry {
        Registry::parse(
            Path::new("entities.toml"),
            r#"
[nato]
kind = "organization"
name = "NATO"
aliases = ["North Atlantic Treaty Organization"]
[george-bush]
kind = "person"
name = "George W. Bush"
aliases = ["George Bush"]
[putin]
kind = "person"
name = "Vladimir Putin"
aliases = ["Putin"]
[sergei-ivanov]
kind = "person"
name = "Sergei Ivanov"
[igor-ivanov]
kind = "person"
name = "Igor Ivanov"
"#,
        )
    }

    fn spans(text: &str) -> Vec<(&str, Vec<String>)> {
        MentionMatcher::new(&reg())
            .find(text)
            .into_iter()
            .map(|m| (&text[m.span], m.entities))
            .collect()
    }

    #[test]
    fn case_variants_possessives_and_boundaries() {
        let got = spans("Nato's summit; NATO-Russia council; nato; Natorp; Putin.");
        let names: Vec<&str> = got.iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["Nato", "NATO", "Putin"]);
    }

    #[test]
    fn surnames_need_an_honorific_and_may_be_ambiguous() {
        let got = spans("Bush spoke. Mr Bush agreed with Mr Ivanov and Sergei Ivanov.");
        assert_eq!(got[0], ("Bush", vec!["george-bush".to_string()]));
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1].1,
            vec!["sergei-ivanov".to_string(), "igor-ivanov".to_string()]
        );
        assert_eq!(got[2], ("Sergei Ivanov", vec!["sergei-ivanov".to_string()]));
    }
}
