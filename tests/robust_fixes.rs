//! Quick fixes never lose annotation work: applied to `.ann` files with odd
//! content (CRLF, lone CR, no final newline, other tools' lines, `#` notes,
//! `A` attributes, broken lines, a byte-order mark), an "annotate" fix only
//! appends, and every existing byte stays where it was.

use std::path::Path;

use gloss::analysis::{analyze, fix_all};
use gloss::corpus::Corpus;
use gloss::diagnostics::{Code, Fix};
use gloss::fsutil::apply_fix;

const REGISTRY: &str = "# Registry for the test corpus\n\
[george-robertson] # the NATO one\n\
kind = \"person\"\n\
name = \"George Robertson\"\n\
aliases = [\"Robertson\"]\n\
\n\
[robertson-family]\n\
kind = \"organization\"\n\
name = \"Robertson Family Trust\"\n\
aliases = [\"Robertson\"]";

const MANIFEST: &str = "[articles.\"a.txt\"]\npublished = 2001-11-22\n\n\
[articles.\"b.txt\"]\npublished = 2001-11-22\n\n\
[articles.\"c.txt\"]\npublished = 2001-11-22\n\n\
[articles.\"d.txt\"]\npublished = 2001-11-22\n\n\
[articles.\"e.txt\"]\npublished = 2001-11-22\n";

const ARTICLE: &str = "MOSCOW, 21 November 2001 - Robertson said on Wednesday that the \
alliance would meet again next week.\r\nIvan Petrov of Gazprom Holdings called it \
\"a new era\" yesterday.\r\n";

/// Odd `.ann` files, none of them valid all the way through.
fn ann_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        // CRLF, a foreign line kind, a note, an attribute, no final newline.
        (
            "a",
            b"T1\tLocation 0 6\tMOSCOW\r\n#1\tAnnotatorNotes T1\tcheck the dateline\r\nA1\tUncertain T1\r\nX7\tsomething another tool wrote\r\n*\tEquiv T1 T1"
                .to_vec(),
        ),
        // Lone CR line ends and a malformed line.
        (
            "b",
            b"T1\tLocation 0 6\tMOSCOW\rT2\tDate ten 19\tbroken\rM3\tConfidence T1 High\r".to_vec(),
        ),
        // Byte-order mark, blank lines, a trailing tab, comments-like lines.
        (
            "c",
            b"\xEF\xBB\xBFT1\tLocation 0 6\tMOSCOW\n\n# not a brat note\n\nT5\tWhatever 8 10\t21\t\n".to_vec(),
        ),
        // Empty file.
        ("d", Vec::new()),
        // Reused ids, references to missing ids, an invalid TIMEX3 value,
        // reversed offsets, out of range offsets.
        (
            "e",
            b"T1\tDate 8 24\t21 November 2001\nN1\tReference T1 TIMEX3:2001-02-30\t21 November 2001\nT1\tPerson 27 36\tRobertson\nE1\tAttribution:T9 Cue:T8\nT2\tDate 30 20\tx\nT3\tDate 9000 9010\tfar\n"
                .to_vec(),
        ),
    ]
}

fn write_corpus(dir: &Path) {
    std::fs::write(dir.join("entities.toml"), REGISTRY).unwrap();
    std::fs::write(dir.join("gloss.toml"), MANIFEST).unwrap();
    for (name, ann) in ann_fixtures() {
        std::fs::write(dir.join(format!("{name}.txt")), ARTICLE).unwrap();
        if name != "d" {
            std::fs::write(dir.join(format!("{name}.ann")), ann).unwrap();
        }
    }
}

/// Every fix of the corpus with the file it edits, computed on a fresh load.
fn all_fixes(root: &Path) -> Vec<Fix> {
    let corpus = Corpus::load(root).unwrap();
    let mut fixes = Vec::new();
    for a in corpus.articles() {
        let an = analyze(&corpus, a);
        for d in &an.diagnostics {
            fixes.extend(d.fixes.iter().cloned());
        }
        for code in [Code::UnannotatedDate, Code::UnannotatedClaim] {
            fixes.extend(fix_all(a, &an, code));
        }
    }
    fixes
}

fn is_append_only(fix: &Fix) -> bool {
    fix.edits
        .iter()
        .all(|e| e.range.is_empty() && !e.path.ends_with("gloss.toml"))
}

#[test]
fn every_annotate_fix_only_appends_to_odd_ann_files() {
    let tmp = tempfile::tempdir().unwrap();
    write_corpus(tmp.path());
    let fixes = all_fixes(tmp.path());
    let appending: Vec<&Fix> = fixes.iter().filter(|f| is_append_only(f)).collect();
    assert!(
        appending.len() >= 5,
        "expected fixes on every article, got {:#?}",
        fixes.iter().map(|f| &f.title).collect::<Vec<_>>()
    );
    for name in ["a", "b", "c", "d", "e"] {
        let ann = tmp.path().join(format!("{name}.ann"));
        assert!(
            appending
                .iter()
                .any(|f| f.edits.iter().any(|e| e.path == ann)),
            "no annotate fix for {name}.ann"
        );
    }
    for fix in appending {
        // Each fix against a fresh copy of the corpus.
        let work = tempfile::tempdir().unwrap();
        write_corpus(work.path());
        let fix = retarget(fix, tmp.path(), work.path());
        let before: Vec<(std::path::PathBuf, Vec<u8>)> = fix
            .edits
            .iter()
            .map(|e| (e.path.clone(), std::fs::read(&e.path).unwrap_or_default()))
            .collect();
        apply_fix(&fix).unwrap_or_else(|e| panic!("{}: {e}", fix.title));
        for (path, old) in before {
            let new = std::fs::read(&path).unwrap();
            assert!(
                new.starts_with(&old),
                "{}: {} changed existing bytes:\n--- before\n{}\n--- after\n{}",
                fix.title,
                path.display(),
                String::from_utf8_lossy(&old),
                String::from_utf8_lossy(&new)
            );
            assert!(new.len() > old.len(), "{}: nothing added", fix.title);
            // Every old line is still there, unchanged and in order.
            let (old_s, _) = gloss::text::decode(&old);
            let (new_s, _) = gloss::text::decode(&new);
            let old_doc = gloss::ann::AnnDoc::parse(&old_s);
            let new_doc = gloss::ann::AnnDoc::parse(&new_s);
            for (a, b) in old_doc.entries.iter().zip(&new_doc.entries) {
                assert_eq!(a.raw, b.raw, "{}", fix.title);
            }
        }
        // The corpus still loads and the fix did what it said: reloading
        // does not panic and the registry still parses when it was edited.
        let c = Corpus::load(work.path()).unwrap();
        assert!(
            c.registry
                .diagnostics
                .iter()
                .all(|d| d.code != Code::RegistrySyntax),
            "{}: {:?}",
            fix.title,
            c.registry.diagnostics
        );
        let _ = c.check();
    }
}

/// Applying fixes one after another (each computed on the file as it is
/// after the previous one) keeps every earlier byte.
#[test]
fn successive_fixes_keep_every_earlier_byte() {
    let tmp = tempfile::tempdir().unwrap();
    write_corpus(tmp.path());
    let mut applied = 0;
    for _ in 0..6 {
        let fixes = all_fixes(tmp.path());
        let Some(fix) = fixes.iter().find(|f| {
            is_append_only(f)
                && f.edits
                    .iter()
                    .all(|e| e.path.extension().is_some_and(|x| x == "ann"))
        }) else {
            break;
        };
        let path = fix.edits[0].path.clone();
        let old = std::fs::read(&path).unwrap_or_default();
        apply_fix(fix).unwrap();
        let new = std::fs::read(&path).unwrap();
        assert!(new.starts_with(&old), "{}", fix.title);
        applied += 1;
    }
    assert!(applied > 0, "no annotate fix was offered");
}

/// The registry fix (add an unknown name) keeps the old registry, comments
/// and missing final newline included, as a prefix.
#[test]
fn registry_fix_keeps_the_registry_text() {
    let tmp = tempfile::tempdir().unwrap();
    write_corpus(tmp.path());
    let fixes = all_fixes(tmp.path());
    let reg = tmp.path().join("entities.toml");
    let fix = fixes
        .iter()
        .find(|f| f.edits.iter().any(|e| e.path == reg))
        .expect("an add-to-registry fix for Ivan Petrov or Gazprom Holdings");
    apply_fix(fix).unwrap();
    let after = std::fs::read_to_string(&reg).unwrap();
    assert!(after.starts_with(REGISTRY), "{after}");
    let r = gloss::registry::Registry::parse(&reg, &after);
    assert_eq!(r.entities.len(), 3, "{after}");
}

fn retarget(fix: &Fix, from: &Path, to: &Path) -> Fix {
    let mut f = fix.clone();
    for e in &mut f.edits {
        e.path = to.join(e.path.strip_prefix(from).unwrap());
    }
    f
}
