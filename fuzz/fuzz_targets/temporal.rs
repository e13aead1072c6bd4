//! The temporal tagger on arbitrary text, with and without a document date.
#![no_main]

use chrono::NaiveDate;
use gloss::detect::temporal::tag;
use gloss::text::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (dct, rest) = match data.split_first() {
        Some((&b, rest)) => (
            NaiveDate::from_ymd_opt(1990 + i32::from(b % 40), 1 + u32::from(b % 12), 1 + u32::from(b % 28)),
            rest,
        ),
        None => (None, data),
    };
    let (text, _) = decode(rest);
    for d in [dct, None] {
        let mut prev_start = 0;
        for t in tag(&text, d) {
            assert!(t.span.start <= t.span.end && t.span.end <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(t.span.start >= prev_start, "not sorted: {t:?}");
            prev_start = t.span.start;
        }
    }
});
