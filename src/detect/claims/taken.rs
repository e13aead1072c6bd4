//! The spans of the claims found so far, shared by the passes that run
//! after the sentence scan, the model and the nested pass (nouns of
//! saying, "WORD about TOPIC", phrases of wanting): each builds a claim
//! only over words no claim holds yet.
//!
//! The claims found before those passes are many and are indexed once per
//! text; the few each pass adds go into a second, small index rebuilt
//! after that pass, so no pass re-sorts the spans of all claims.

use std::ops::Range;

use crate::spans::SpanSet;

use super::reported::Found;

/// Every span (cue, source, content, extra part) of the claims found.
pub(crate) struct Taken {
    /// The claims the later passes started from.
    first: SpanSet,
    /// The spans of the claims the later passes added, and their index.
    added: Vec<Range<usize>>,
    added_set: SpanSet,
}

impl Taken {
    pub(crate) fn new(founds: &[Found]) -> Taken {
        Taken {
            first: SpanSet::new(founds.iter().flat_map(spans)),
            added: Vec::new(),
            added_set: SpanSet::default(),
        }
    }

    /// Take the spans of the claims `new` as well.
    pub(crate) fn add(&mut self, new: &[Found]) {
        if new.is_empty() {
            return;
        }
        self.added.extend(new.iter().flat_map(spans));
        self.added_set = SpanSet::new(self.added.iter().cloned());
    }

    /// Whether `span` overlaps a span of a claim found.
    pub(crate) fn overlaps(&self, span: &Range<usize>) -> bool {
        self.first.overlaps(span) || self.added_set.overlaps(span)
    }
}

fn spans(f: &Found) -> impl Iterator<Item = Range<usize>> + '_ {
    [
        Some(&f.cue),
        f.source.as_ref(),
        f.content.as_ref(),
        f.extra.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
}

#[cfg(test)]
mod tests {
    use super::{Found, Taken};

    fn found(cue: std::ops::Range<usize>, content: std::ops::Range<usize>) -> Found {
        Found {
            cue,
            source: None,
            content: Some(content),
            extra: None,
        }
    }

    /// Spans added after the first claims count as taken, as the first do.
    #[test]
    fn added_claims_are_taken() {
        let mut t = Taken::new(&[found(10..14, 15..30)]);
        assert!(t.overlaps(&(20..22)));
        assert!(!t.overlaps(&(40..45)));
        t.add(&[found(40..44, 45..60)]);
        assert!(t.overlaps(&(50..51)));
        assert!(t.overlaps(&(20..22)));
        assert!(!t.overlaps(&(30..40)));
    }
}
