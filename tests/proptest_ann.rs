//! Properties of the brat standoff reader and writer: whatever a `.ann` file
//! holds, gloss writes it back byte for byte, and additions keep every
//! existing line intact and in place.

use gloss::ann::{AnnDoc, EntryKind};
use proptest::prelude::*;

/// Pieces of `.ann` lines, well-formed and not, so that random files
/// exercise every parser branch rather than only the "malformed" one.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("T1\tDate 0 4\t2001".to_owned()),
        Just("T12\tPerson 3 9;11 20\tab cd".to_owned()),
        Just("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1".to_owned()),
        Just("N1\tReference T1 TIMEX3:2001-02-30\tx".to_owned()),
        Just("N2\tReference T1 Registry:nato\tNATO".to_owned()),
        Just("R1\tRel Arg1:T1 Arg2:T9".to_owned()),
        Just("A1\tNegated E1".to_owned()),
        Just("M2\tConfidence E1 High".to_owned()),
        Just("#1\tAnnotatorNotes T1\tcheck this".to_owned()),
        Just("*\tEquiv T1 T2".to_owned()),
        Just("T3\tDate 9 2\tbackwards".to_owned()),
        Just("T\t 1 2\t".to_owned()),
        Just("N\tReference".to_owned()),
        Just("E9\t".to_owned()),
        Just("\t".to_owned()),
        Just(" ".to_owned()),
        Just(";".to_owned()),
        Just(":".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("é中😀".to_owned()),
        Just("99999999999999999999999".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        "[ -~]{0,8}",
        any::<String>(),
    ]
}

fn ann_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn parse_then_render_is_byte_identical(src in ann_text()) {
        let doc = AnnDoc::parse(&src);
        prop_assert_eq!(doc.render(), src.clone());
        // Entries tile the file: offsets and line numbers are consistent,
        // and no raw line holds a line break.
        let mut offset = 0;
        for (i, e) in doc.entries.iter().enumerate() {
            prop_assert_eq!(e.offset, offset);
            prop_assert_eq!(e.line, i);
            prop_assert!(!e.raw.contains(['\n', '\r']));
            prop_assert_eq!(&src[e.offset..e.offset + e.raw.len()], e.raw.as_str());
            if let EntryKind::Normalization(n) = &e.kind {
                prop_assert!(e.raw.get(n.key_range.0..n.key_range.1).is_some());
            }
            offset += e.raw.len() + e.eol.len();
            if e.eol.is_empty() {
                prop_assert_eq!(i, doc.entries.len() - 1);
            }
        }
        prop_assert_eq!(offset, src.len());
    }

    #[test]
    fn arbitrary_strings_round_trip(src in any::<String>()) {
        prop_assert_eq!(AnnDoc::parse(&src).render(), src);
    }

    /// Appending lines (what every "annotate" fix does) keeps the old text
    /// as a prefix, leaves every old entry as it was (but for a missing
    /// final newline, which gets added), and the new lines come out whole.
    #[test]
    fn appending_keeps_every_existing_line(src in ann_text(), n in 1usize..4) {
        let doc = AnnDoc::parse(&src);
        let t = doc.next_id('T');
        let lines: Vec<String> = (0..n)
            .map(|k| format!("T{}\tDate {} {}\tx", t + k as u64, k, k + 1))
            .collect();
        let added = doc.append_text(&lines);
        let new = format!("{src}{added}");
        prop_assert!(new.starts_with(&src));
        let after = AnnDoc::parse(&new);
        prop_assert_eq!(after.render(), new.clone());
        let old_count = doc.entries.len();
        // A trailing lone `\r` followed by the appended `\n`... would merge
        // into a CRLF; append_text must follow the file's convention so the
        // old lines keep their count.
        prop_assert!(after.entries.len() >= old_count);
        for (a, b) in doc.entries.iter().zip(&after.entries) {
            prop_assert_eq!(&a.raw, &b.raw);
            prop_assert_eq!(&a.kind, &b.kind);
            if !a.eol.is_empty() {
                prop_assert_eq!(a.eol, b.eol);
            }
        }
        for l in &lines {
            prop_assert!(after.entries.iter().any(|e| &e.raw == l), "{:?} missing in {:?}", l, new);
        }
        // Fresh ids are fresh.
        for e in &doc.entries {
            if let Some(id) = e.kind.id() {
                prop_assert!(!lines.iter().any(|l| l.split('\t').next() == Some(id)));
            }
        }
    }
}
