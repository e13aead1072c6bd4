//! Properties of position conversions (`text::LineIndex`) and of incremental
//! edits, the way the language server applies them to a `ropey::Rope`.

use gloss::text::{Encoding, LineCol, LineIndex};
use proptest::prelude::*;
use ropey::Rope;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// Text made of the characters that make position conversions hard: ASCII,
/// two- and three-byte letters, CJK, an emoji outside the BMP (two UTF-16
/// units), a combining mark, every line ending, tabs and a NUL.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'e'),
        1 => Just(' '),
        1 => Just('\n'),
        1 => Just('\r'),
        1 => Just('\t'),
        1 => Just('é'),
        1 => Just('\u{301}'),
        1 => Just('中'),
        1 => Just('😀'),
        1 => Just('\u{1F1EB}'),
        1 => Just('\u{2028}'),
        1 => Just('\0'),
    ]
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Line and column of a byte offset, computed the slow and obvious way.
fn naive_line_col(text: &str, byte: usize, enc: Encoding) -> LineCol {
    let mut line = 0;
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < byte {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
        i += 1;
    }
    let seg = &text[start..byte];
    let col = match enc {
        Encoding::Utf8 => seg.len(),
        Encoding::Utf16 => seg.encode_utf16().count(),
        Encoding::Utf32 => seg.chars().count(),
    };
    LineCol {
        line: line as u32,
        col: col as u32,
    }
}

/// Whether a byte offset sits between the `\r` and `\n` of a CRLF, a place
/// no LSP position can name.
fn inside_crlf(text: &str, byte: usize) -> bool {
    byte > 0
        && text.as_bytes().get(byte - 1) == Some(&b'\r')
        && text.as_bytes().get(byte) == Some(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn positions_round_trip_in_every_encoding(text in tricky_text(60)) {
        let idx = LineIndex::new(&text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            for enc in ENCODINGS {
                let lc = idx.line_col(&text, byte, enc);
                prop_assert_eq!(lc, naive_line_col(&text, byte, enc), "byte {} {:?}", byte, enc);
                if !inside_crlf(&text, byte) {
                    prop_assert_eq!(idx.offset(&text, lc, enc), byte, "{:?} {:?}", lc, enc);
                }
            }
            let ch = idx.byte_to_char(&text, byte);
            prop_assert_eq!(ch, text[..byte].chars().count());
            prop_assert_eq!(idx.char_to_byte(&text, ch), Some(byte));
        }
        prop_assert_eq!(idx.char_to_byte(&text, text.chars().count() + 1), None);
        prop_assert_eq!(idx.len_chars(), text.chars().count());
    }

    /// Any position a client may send, however wrong, gives an offset on a
    /// char boundary inside the text (clamped), never a panic.
    #[test]
    fn any_position_gives_a_char_boundary(text in tricky_text(40), line in 0u32..12, col in 0u32..80) {
        let idx = LineIndex::new(&text);
        for enc in ENCODINGS {
            let off = idx.offset(&text, LineCol { line, col }, enc);
            prop_assert!(off <= text.len());
            prop_assert!(text.is_char_boundary(off));
        }
        let lc = idx.line_col(&text, col as usize, Encoding::Utf16);
        prop_assert!((lc.line as usize) < idx.line_count());
        let _ = idx.byte_to_char(&text, col as usize * 3);
    }

    /// LSP-style range edits (positions in some encoding, start and end in
    /// any order, out of range) converted through `LineIndex::offset` and
    /// applied to a `Rope` leave it equal to the same edits applied to a
    /// `String`.
    #[test]
    fn rope_edits_equal_string_edits(
        base in tricky_text(40),
        edits in prop::collection::vec(
            ((0u32..8, 0u32..30), (0u32..8, 0u32..30), tricky_text(6), 0usize..3),
            0..25,
        ),
    ) {
        let mut s = base.clone();
        let mut rope = Rope::from_str(&base);
        for ((l1, c1), (l2, c2), insert, e) in edits {
            let enc = ENCODINGS[e];
            let idx = LineIndex::new(&s);
            let a = idx.offset(&s, LineCol { line: l1, col: c1 }, enc);
            let b = idx.offset(&s, LineCol { line: l2, col: c2 }, enc);
            let (a, b) = (a.min(b), a.max(b));
            let (ca, cb) = (rope.byte_to_char(a), rope.byte_to_char(b));
            rope.remove(ca..cb);
            rope.insert(ca, &insert);
            s.replace_range(a..b, &insert);
            prop_assert_eq!(rope.len_bytes(), s.len());
        }
        prop_assert_eq!(rope.to_string(), s);
    }

    /// Typing a replacement in pieces (each piece an insertion at the
    /// position after the previous one, as an editor sends it) ends with the
    /// same text as replacing in one edit, in every encoding.
    #[test]
    fn incremental_edits_in_any_split_equal_the_full_text(
        base in tricky_text(30),
        insert in tricky_text(30),
        from in 0usize..40,
        to in 0usize..40,
        cuts in prop::collection::vec(0usize..30, 0..8),
        e in 0usize..3,
    ) {
        let enc = ENCODINGS[e];
        let bounds: Vec<usize> = base.char_indices().map(|(i, _)| i).chain([base.len()]).collect();
        let a = bounds[from % bounds.len()];
        let b = bounds[to % bounds.len()];
        let (a, b) = (a.min(b), a.max(b));
        let mut full = base.clone();
        full.replace_range(a..b, &insert);

        // The insert text, cut at char boundaries.
        let ib: Vec<usize> = insert.char_indices().map(|(i, _)| i).chain([insert.len()]).collect();
        let mut cut: Vec<usize> = cuts.iter().map(|c| ib[c % ib.len()]).collect();
        cut.push(0);
        cut.push(insert.len());
        cut.sort();
        cut.dedup();

        let mut rope = Rope::from_str(&base);
        let mut s = base.clone();
        // First delete the range, then insert the pieces one after another,
        // each addressed by line and column as a client would.
        let idx = LineIndex::new(&s);
        let (pa, pb) = (idx.line_col(&s, a, enc), idx.line_col(&s, b, enc));
        let (oa, ob) = (idx.offset(&s, pa, enc), idx.offset(&s, pb, enc));
        // A boundary inside a CRLF has no position of its own: skip those.
        prop_assume!(oa == a && ob == b);
        rope.remove(rope.byte_to_char(a)..rope.byte_to_char(b));
        s.replace_range(a..b, "");
        let mut at = a;
        for w in cut.windows(2) {
            let piece = &insert[w[0]..w[1]];
            let idx = LineIndex::new(&s);
            let pos = idx.line_col(&s, at, enc);
            let off = idx.offset(&s, pos, enc);
            prop_assume!(off == at);
            rope.insert(rope.byte_to_char(off), piece);
            s.insert_str(off, piece);
            at = off + piece.len();
        }
        prop_assert_eq!(&s, &full);
        prop_assert_eq!(rope.to_string(), full);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Long texts (past the index's internal checkpoints, every few hundred
    /// bytes) agree with the naive conversions too.
    #[test]
    fn positions_round_trip_on_long_texts(text in tricky_text(3000), step in 1usize..50) {
        let idx = LineIndex::new(&text);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (ci, &byte) in bounds.iter().enumerate().step_by(step) {
            prop_assert_eq!(idx.byte_to_char(&text, byte), ci);
            prop_assert_eq!(idx.char_to_byte(&text, ci), Some(byte));
            for enc in ENCODINGS {
                let lc = idx.line_col(&text, byte, enc);
                prop_assert_eq!(lc, naive_line_col(&text, byte, enc));
                if !inside_crlf(&text, byte) {
                    prop_assert_eq!(idx.offset(&text, lc, enc), byte);
                }
            }
        }
    }
}

#[test]
fn crlf_and_lone_cr_count_as_one_line_break_each() {
    let text = "a\r\nb\rc\n\r\n";
    let idx = LineIndex::new(text);
    assert_eq!(idx.line_count(), 5);
    for (b, want) in [
        (0, (0, 0)),
        (3, (1, 0)),
        (5, (2, 0)),
        (7, (3, 0)),
        (10, (4, 0)),
    ] {
        let lc = idx.line_col(text, b, Encoding::Utf16);
        assert_eq!((lc.line, lc.col), want, "byte {b}");
    }
}
