//! Incremental edits as the language server applies them: LSP positions in
//! any encoding, converted through `LineIndex::offset`, applied to a rope,
//! must equal the same edits on a `String`, and positions round-trip.
#![no_main]

use gloss::text::{Encoding, LineCol, LineIndex};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;

const ENC: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

fuzz_target!(|data: &[u8]| {
    // Header: initial text length; then records of
    // [enc, l1, c1, l2, c2, len, text bytes...].
    let Some((&n, rest)) = data.split_first() else { return };
    let n = (n as usize).min(rest.len());
    let mut s = String::from_utf8_lossy(&rest[..n]).into_owned();
    let mut rope = Rope::from_str(&s);
    let mut ops = &rest[n..];
    while ops.len() >= 6 {
        let enc = ENC[ops[0] as usize % 3];
        let p1 = LineCol { line: u32::from(ops[1] % 16), col: u32::from(ops[2]) };
        let p2 = LineCol { line: u32::from(ops[3] % 16), col: u32::from(ops[4]) };
        let len = (ops[5] as usize % 16).min(ops.len() - 6);
        let insert = String::from_utf8_lossy(&ops[6..6 + len]).into_owned();
        ops = &ops[6 + len..];

        let idx = LineIndex::new(&s);
        let a = idx.offset(&s, p1, enc);
        let b = idx.offset(&s, p2, enc);
        assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        // Round trip of the positions the index itself hands out.
        let back = idx.line_col(&s, a, enc);
        assert_eq!(idx.offset(&s, back, enc), a);
        let (a, b) = (a.min(b), a.max(b));
        let (ca, cb) = (rope.byte_to_char(a), rope.byte_to_char(b));
        rope.remove(ca..cb);
        rope.insert(ca, &insert);
        s.replace_range(a..b, &insert);
    }
    assert_eq!(rope.to_string(), s);
});
