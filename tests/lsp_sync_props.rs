//! Property test of incremental synchronisation: random edits with ranges
//! in UTF-8, UTF-16 or UTF-32 positions, over text with emoji, CJK and
//! combining marks, leave the server's document equal to the editor's.

use std::path::PathBuf;

use gloss::lsp::state::State;
use gloss::text::Encoding;
use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

const PIECES: &[&str] = &[
    "a", "Z", " ", "é", "e\u{301}", "😀", "日本", "\n", "NATO", "—",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// LSP position of a char index, computed the slow and obvious way.
fn position(text: &str, char_idx: usize, enc: Encoding) -> Position {
    let byte = text
        .char_indices()
        .nth(char_idx)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() as u32;
    let seg = &before[before.rfind('\n').map(|i| i + 1).unwrap_or(0)..];
    let col = match enc {
        Encoding::Utf8 => seg.len(),
        Encoding::Utf16 => seg.encode_utf16().count(),
        Encoding::Utf32 => seg.chars().count(),
    } as u32;
    Position::new(line, col)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn incremental_edits_keep_the_document_in_sync(
        initial in text_strategy(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), text_strategy()), 1..12),
        enc in prop::sample::select(vec![Encoding::Utf8, Encoding::Utf16, Encoding::Utf32]),
    ) {
        let dir = std::env::temp_dir();
        let path: PathBuf = dir.join("gloss-sync-prop/never-written.md");
        let uri: Uri = "file:///tmp/gloss-sync-prop/never-written.md".parse().unwrap();
        let mut st = State { enc: Some(enc), ..State::default() };
        st.open(path.clone(), uri, initial.clone(), 1);
        let mut model = initial;
        for (i, (a, b, insert)) in edits.into_iter().enumerate() {
            let n = model.chars().count();
            let (mut s, mut e) = (a.index(n + 1), b.index(n + 1));
            if s > e { std::mem::swap(&mut s, &mut e); }
            let range = Range::new(position(&model, s, enc), position(&model, e, enc));
            st.change(&path, i as i32 + 2, vec![TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: insert.clone() }]);
            let bs = model.char_indices().nth(s).map(|(i, _)| i).unwrap_or(model.len());
            let be = model.char_indices().nth(e).map(|(i, _)| i).unwrap_or(model.len());
            model.replace_range(bs..be, &insert);
            prop_assert_eq!(st.docs[&path].rope.to_string(), model.clone());
        }
    }
}
