//! Claim detection throughput on news text.
//!
//! The input is the seed articles (`seeds/*.txt`) repeated to about 4 MB;
//! set `GLOSS_BENCH_TEXT` to a directory of `.txt` files to measure other
//! text instead. Mentions come from the seed registry, as in `gloss check`.
//! `claims/rules` is the rule-based detector alone, `claims/detect` the
//! rules with the learned cue model.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::detect::claims::{detect, detect_with};
use gloss::detect::mentions::MentionMatcher;
use gloss::registry::Registry;

fn corpus() -> String {
    let dir = std::env::var_os("GLOSS_BENCH_TEXT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut one = String::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            one.push_str(&t);
            one.push_str("\n\n");
        }
    }
    if one.is_empty() {
        one = "“We are ready,” Mr Ivanov said. Officials said the talks failed.\n\n".into();
    }
    let mut text = String::with_capacity(4 << 20);
    while text.len() < 4 << 20 {
        text.push_str(&one);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let registry = Registry::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join("entities.toml"),
    )
    .unwrap_or_default();
    let mentions = MentionMatcher::new(&registry).find(&text);
    let empty = Registry::empty();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("rules", |b| {
        b.iter(|| detect_with(&text, &[], &empty, None))
    });
    g.bench_function("detect", |b| b.iter(|| detect(&text, &[], &empty)));
    g.bench_function("detect+resolve", |b| {
        b.iter(|| detect(&text, &mentions, &registry))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
