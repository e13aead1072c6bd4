//! Every `.ann` file of PolNeAR round-trips byte for byte through gloss's
//! reader and writer, and resolves against its article without a panic.
//! The data is not part of the repository: the tests read
//! `$CARGO_MANIFEST_DIR/../shared/data/polnear` (or `$GLOSS_DATA/polnear`)
//! when present and are skipped with a note otherwise.

use std::path::{Path, PathBuf};

use gloss::ann::AnnDoc;
use gloss::annotations::Annotations;
use gloss::registry::Registry;
use gloss::text::{decode, LineIndex};

fn polnear() -> Option<PathBuf> {
    let base = std::env::var_os("GLOSS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let dir = base.join("polnear");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} not found; skipping", dir.display());
        None
    }
}

fn ann_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for split in ["train", "dev", "test"] {
        let dir = root.join(split).join("attributions");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ann") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_polnear_ann_file_round_trips_byte_identical() {
    let Some(root) = polnear() else { return };
    let files = ann_files(&root);
    assert!(!files.is_empty(), "no .ann files under {}", root.display());
    let mut failures = Vec::new();
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let Ok(src) = std::str::from_utf8(&bytes) else {
            failures.push(format!("{}: not UTF-8", p.display()));
            continue;
        };
        let doc = AnnDoc::parse(src);
        if doc.render().as_bytes() != bytes.as_slice() {
            failures.push(p.display().to_string());
        }
        // Adding a line keeps every existing byte.
        let added = doc.append_text(&[format!("T{}\tDate 0 1\tx", doc.next_id('T'))]);
        let mut grown = bytes.clone();
        grown.extend_from_slice(added.as_bytes());
        let again = AnnDoc::parse(std::str::from_utf8(&grown).unwrap());
        assert_eq!(again.render().as_bytes(), grown.as_slice());
        assert_eq!(
            again.entries.len(),
            doc.entries.len() + 1,
            "{}",
            p.display()
        );
    }
    eprintln!("{} PolNeAR .ann files round-tripped", files.len());
    assert!(failures.is_empty(), "not byte-identical: {failures:#?}");
}

#[test]
fn every_polnear_ann_file_resolves_against_its_article() {
    let Some(root) = polnear() else { return };
    let registry = Registry::empty();
    let mut resolved = 0;
    for p in ann_files(&root) {
        // `name_ANNOTATOR.ann` annotates `text/name.txt`.
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let name = stem.rsplit_once('_').map_or(stem.as_str(), |(n, _)| n);
        let txt = p
            .parent()
            .and_then(Path::parent)
            .map(|d| d.join("text"))
            .unwrap()
            .join(format!("{name}.txt"));
        let Ok(bytes) = std::fs::read(&txt) else {
            continue;
        };
        let (text, _) = decode(&bytes);
        let index = LineIndex::new(&text);
        let (ann, _) = decode(&std::fs::read(&p).unwrap());
        let doc = AnnDoc::parse(&ann);
        let a = Annotations::resolve(&doc, &p, &text, &index, &registry);
        for d in &a.diagnostics {
            assert!(d.range.start <= d.range.end && d.range.end <= ann.len());
        }
        for ranges in a.spans.values() {
            for r in ranges {
                assert!(text.get(r.clone()).is_some(), "{}: {r:?}", p.display());
            }
        }
        resolved += 1;
    }
    eprintln!("{resolved} PolNeAR articles resolved");
    assert!(resolved > 0, "no article found for any .ann file");
}
