//! Source resolution: linking a claim's source span to a registry entity.
//!
//! A named source ("Mr Ivanov", "the Russian Defence Minister, Mr Sergei
//! Ivanov") is linked through the registry mentions inside or overlapping
//! it, people first. A personal pronoun ("he said", "she told") goes to the
//! most recent person mentioned before it. Group and anonymous sources
//! ("Western diplomats", "a senior official") stay unlinked.

use std::ops::Range;

use crate::detect::Mention;
use crate::registry::{EntityKind, Registry};

/// How far back (in mentions) a pronoun looks for its person.
const PRONOUN_WINDOW: usize = 50;

fn is_person(registry: &Registry, id: &str) -> bool {
    registry
        .get(id)
        .is_some_and(|e| e.kind == EntityKind::Person)
}

/// How many of a mention's readings are people.
enum People<'a> {
    None,
    One(&'a String),
    Many,
}

/// The person among `ids`, if exactly one is (counted without collecting
/// them: this runs for every claim's source).
fn only_person<'a>(registry: &Registry, ids: &'a [String]) -> People<'a> {
    let mut people = ids.iter().filter(|e| is_person(registry, e));
    match (people.next(), people.next()) {
        (None, _) => People::None,
        (Some(one), None) => People::One(one),
        (Some(_), Some(_)) => People::Many,
    }
}

/// The registry id of the entity the source names or refers to.
pub fn resolve(
    text: &str,
    source: &Range<usize>,
    mentions: &[Mention],
    registry: &Registry,
) -> Option<String> {
    let words = text.get(source.clone()).unwrap_or("").trim();
    // Mentions overlapping the source (mentions are sorted by start).
    let first = mentions.partition_point(|m| m.span.end <= source.start);
    let overlapping = mentions[first..]
        .iter()
        .take_while(|m| m.span.start < source.end)
        .filter(|m| m.span.end > source.start);
    let mut best: Option<&str> = None;
    for m in overlapping {
        // An ambiguous name stays unresolved unless one reading is a person
        // and the others are not.
        let pick = match (only_person(registry, &m.entities), m.entities.as_slice()) {
            (People::One(one), _) => Some(one.as_str()),
            (People::None, [one]) => Some(one.as_str()),
            _ => None,
        };
        if let Some(id) = pick {
            if is_person(registry, id) {
                return Some(id.to_owned());
            }
            best = best.or(Some(id));
        }
    }
    if let Some(id) = best {
        return Some(id.to_owned());
    }
    if ["he", "she", "him", "her"]
        .iter()
        .any(|p| words.eq_ignore_ascii_case(p))
    {
        let before = mentions.partition_point(|m| m.span.start < source.start);
        for m in mentions[..before].iter().rev().take(PRONOUN_WINDOW) {
            if m.span.end > source.start {
                continue;
            }
            match only_person(registry, &m.entities) {
                People::One(one) => return Some(one.clone()),
                People::None => continue,
                People::Many => return None,
            }
        }
    }
    None
}
