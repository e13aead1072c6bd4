//! Counted expressions used as indefinite times: "Islam will one day be the
//! second largest religion" names no stretch of one day but some day in the
//! future, as "someday" does.
//!
//! The grammar reads "one day" as a duration; this pass looks at the word
//! before it, which the grammar's rules do not see.

use super::lexicon::Unit;
use super::normalize::Sem;
use super::patterns::{Grammar, Parsed};

/// Modal verbs: after one of them, "one day" is an indefinite future day
/// ("will one day", "could one day", "may one day").
const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "shall", "should", "must",
];

impl Grammar<'_> {
    /// `p` with its meaning replaced when it is an indefinite time.
    pub fn indefinite_time(&self, mut p: Parsed) -> Parsed {
        if self.one_day_after_modal(&p) {
            p.sem = Sem::Ref("FUTURE_REF");
        }
        p
    }

    /// "will one day be", "could one day replace": "one day" (a duration of
    /// one day, written with the word "one") right after a modal verb.
    fn one_day_after_modal(&self, p: &Parsed) -> bool {
        p.end == p.start + 2
            && p.start > 0
            && matches!(
                p.sem,
                Sem::Duration {
                    unit: Unit::Day,
                    n: Some(n)
                } if n == 1.0
            )
            && self.eq(p.start, "one")
            && MODALS.iter().any(|m| self.eq(p.start - 1, m))
    }
}
