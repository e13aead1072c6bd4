//! Sets of byte ranges, for the overlap tests the analysis and the
//! detectors make many of.

use std::ops::Range;

/// A set of byte ranges that answers "does this span overlap any of them"
/// (`a.start < b.end && b.start < a.end`, as everywhere in gloss) in
/// logarithmic time.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Ranges sorted by start.
    starts: Vec<usize>,
    /// For each index, the largest end among the ranges up to it.
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> SpanSet {
        let mut v: Vec<Range<usize>> = ranges.into_iter().collect();
        v.sort_by_key(|r| r.start);
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for r in &v {
            m = m.max(r.end);
            max_end.push(m);
        }
        SpanSet {
            starts: v.iter().map(|r| r.start).collect(),
            max_end,
        }
    }

    pub fn overlaps(&self, span: &Range<usize>) -> bool {
        // Ranges starting before the span ends are a prefix; one of them
        // overlaps when the largest end among them is past the span's start.
        let k = self.starts.partition_point(|&s| s < span.end);
        k > 0 && self.max_end[k - 1] > span.start
    }
}

#[cfg(test)]
mod span_set_tests {
    use super::SpanSet;

    #[test]
    fn agrees_with_the_linear_test() {
        let ranges = [3..9, 0..2, 20..25, 5..6, 12..12, 30..40, 31..32];
        let set = SpanSet::new(ranges.iter().cloned());
        for a in 0..45 {
            for b in a..45 {
                let q = a..b;
                let slow = ranges.iter().any(|r| r.start < q.end && q.start < r.end);
                assert_eq!(set.overlaps(&q), slow, "{q:?}");
            }
        }
        assert!(!SpanSet::new([]).overlaps(&(0..10)));
    }
}
