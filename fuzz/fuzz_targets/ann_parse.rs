//! The `.ann` reader and the resolution of annotations against an article.
//! Input: article text, a 0xFF byte, then the `.ann` file (both decoded as
//! gloss decodes files). Checks that the file round-trips byte for byte,
//! that appending keeps it as a prefix, and that resolving never panics and
//! reports ranges inside the files.
#![no_main]

use std::path::Path;

use gloss::ann::AnnDoc;
use gloss::annotations::Annotations;
use gloss::registry::Registry;
use gloss::text::{decode, LineIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text_bytes, ann_bytes) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&b""[..], data),
    };
    let (text, _) = decode(text_bytes);
    let (ann, _) = decode(ann_bytes);
    let doc = AnnDoc::parse(&ann);
    assert_eq!(doc.render(), ann);
    let added = doc.append_text(&[format!("T{}\tDate 0 1\tx", doc.next_id('T'))]);
    let grown = format!("{ann}{added}");
    let again = AnnDoc::parse(&grown);
    assert_eq!(again.entries.len(), doc.entries.len() + 1);
    for (a, b) in doc.entries.iter().zip(&again.entries) {
        assert_eq!(a.raw, b.raw);
    }

    let index = LineIndex::new(&text);
    let registry = Registry::parse(
        Path::new("entities.toml"),
        "[nato]\nkind = \"organization\"\nname = \"NATO\"\n",
    );
    let a = Annotations::resolve(&doc, Path::new("a.ann"), &text, &index, &registry);
    for d in &a.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= ann.len());
        assert!(ann.is_char_boundary(d.range.start) && ann.is_char_boundary(d.range.end));
        for f in &d.fixes {
            let edits: Vec<_> = f.edits.iter().collect();
            gloss::diagnostics::apply_edits(&ann, &edits).expect("fix applies");
        }
    }
    for ranges in a.spans.values() {
        for r in ranges {
            assert!(text.get(r.clone()).is_some());
        }
    }
});
