//! `gloss check --shard I/N` partitions a corpus: every article is linted in
//! exactly one shard, the shards together cover the whole corpus, and an
//! article stays in its shard when other articles are added.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Write `n` articles, starting at number `from`, spread over a few folders.
fn write_articles(root: &Path, from: usize, n: usize) {
    for i in from..from + n {
        let dir = root.join(format!("desk-{}", i % 3));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("story-{i:04}.txt")),
            format!("Story {i}\n\nNothing happened on this day.\n"),
        )
        .unwrap();
    }
}

/// The articles shard `i` of `n` lints. With no `gloss.toml`, every article
/// lacks a publication date, so each one shows up once in the report.
fn shard(root: &Path, i: u64, n: u64) -> BTreeSet<String> {
    // A result cache of its own, never the developer's cache folder.
    let cache = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .env("GLOSS_CACHE_DIR", cache.path())
        .arg(format!("--shard={i}/{n}"))
        .arg(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: BTreeSet<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-publication-date")
        .map(|d| {
            let f = d["file"].as_str().unwrap();
            Path::new(f)
                .strip_prefix(root)
                .unwrap_or(Path::new(f))
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        files.len() as u64,
        v["summary"]["articles"].as_u64().unwrap(),
        "shard {i}/{n}: every article it lints is reported once"
    );
    files
}

fn all_articles(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for d in std::fs::read_dir(root).unwrap() {
        let d = d.unwrap().path();
        for f in std::fs::read_dir(&d).unwrap() {
            let f = f.unwrap().path();
            out.insert(
                f.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    out
}

/// Which shard holds each article; asserts the shards are disjoint and cover `all`.
fn partition(root: &Path, n: u64, all: &BTreeSet<String>) -> BTreeMap<String, u64> {
    let mut owner = BTreeMap::new();
    for i in 1..=n {
        for f in shard(root, i, n) {
            if let Some(prev) = owner.insert(f.clone(), i) {
                panic!("{f} is in shard {prev}/{n} and in shard {i}/{n}");
            }
        }
    }
    let covered: BTreeSet<String> = owner.keys().cloned().collect();
    assert_eq!(
        &covered, all,
        "the {n} shards together are the whole corpus"
    );
    owner
}

#[test]
fn shards_partition_the_corpus_and_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_articles(root, 0, 60);
    let all = all_articles(root);
    assert_eq!(all.len(), 60);

    let whole = shard(root, 1, 1);
    assert_eq!(whole, all, "1/1 is the whole corpus");

    let before = partition(root, 4, &all);
    // Every shard gets some work with 60 articles in 4 shards.
    for i in 1..=4 {
        assert!(before.values().any(|&s| s == i), "shard {i}/4 is empty");
    }

    write_articles(root, 60, 25);
    let all_after = all_articles(root);
    assert_eq!(all_after.len(), 85);
    let after = partition(root, 4, &all_after);
    for (f, s) in &before {
        assert_eq!(
            after[f], *s,
            "{f} moved from shard {s} when files were added"
        );
    }
}
