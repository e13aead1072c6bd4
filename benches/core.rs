//! Benchmarks of the gloss core: the detectors (MB/s on one core), `.ann`
//! parsing and writing, the diagnostics of one article, and a whole-corpus
//! check in memory.
//!
//! The texts are the BBC News corpus, read at run time from
//! `$GLOSS_BENCH_CORPUS` (default: `../shared/data/bbc-news` beside the
//! repository), falling back to the articles in `seeds/`. The registry is
//! built from the texts: the most frequent capitalised word pairs, so that
//! mention matching runs against a realistic automaton (about 2,000 names).
//!
//!     cargo bench --bench core
//!     cargo bench --bench core -- mentions      # one group
//!     GLOSS_BENCH_CORPUS=/path/to/txts cargo bench --bench core

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use gloss::ann::{format_normalization, format_text_bound, AnnDoc};
use gloss::corpus::Corpus;
use gloss::detect::{claims, mentions::MentionMatcher, names, temporal};
use gloss::registry::Registry;
use gloss::text::LineIndex;

struct Fixture {
    texts: Vec<String>,
    registry: Registry,
    anns: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("GLOSS_BENCH_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc-news"),
    }
}

fn read_texts(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_texts(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt")
            && p.file_name().is_some_and(|n| n != "README.TXT")
        {
            if let Ok(b) = std::fs::read(&p) {
                out.push(gloss::text::decode(&b).0);
            }
        }
    }
}

/// The most frequent capitalised word pairs as an `entities.toml`.
fn registry_for(texts: &[String], size: usize) -> Registry {
    let re = regex::Regex::new(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b").unwrap();
    let skip = [
        "The", "But", "And", "In", "On", "It", "He", "She", "Mr", "Mrs",
    ];
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        for c in re.captures_iter(t) {
            if !skip.contains(&c.get(1).unwrap().as_str()) {
                *counts.entry(c.get(0).unwrap().as_str()).or_default() += 1;
            }
        }
    }
    let mut names: Vec<(&str, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut toml = String::new();
    for (i, (name, _)) in names.iter().take(size).enumerate() {
        let kind = if i % 2 == 0 { "person" } else { "organization" };
        toml.push_str(&format!("[e{i}]\nkind = \"{kind}\"\nname = \"{name}\"\n\n"));
    }
    Registry::parse(Path::new("entities.toml"), &toml)
}

/// An `.ann` file linking every registry mention of `text`.
fn ann_for(text: &str, matcher: &MentionMatcher) -> String {
    let idx = LineIndex::new(text);
    let mut out = String::new();
    for (i, m) in matcher.find(text).iter().enumerate() {
        let s = idx.byte_to_char(text, m.span.start);
        let e = idx.byte_to_char(text, m.span.end);
        let covered = &text[m.span.clone()];
        let t = format!("T{}", i + 1);
        out.push_str(&format_text_bound(&t, "Person", &[(s, e)], covered));
        out.push('\n');
        let key = &m.entities[0];
        out.push_str(&format_normalization(
            &format!("N{}", i + 1),
            &t,
            "Registry",
            key,
            covered,
        ));
        out.push('\n');
    }
    out
}

fn fixture() -> Fixture {
    let mut texts = Vec::new();
    read_texts(&corpus_dir(), &mut texts);
    if texts.is_empty() {
        read_texts(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
            &mut texts,
        );
    }
    assert!(!texts.is_empty(), "no texts to benchmark");
    let registry = registry_for(&texts, 2000);
    let matcher = MentionMatcher::new(&registry);
    let anns = texts.iter().map(|t| ann_for(t, &matcher)).collect();
    Fixture {
        texts,
        registry,
        anns,
    }
}

fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

fn detectors(c: &mut Criterion, f: &Fixture) {
    let mut g = c.benchmark_group("detect");
    g.throughput(Throughput::Bytes(bytes(&f.texts)));
    g.sample_size(10);
    let matcher = MentionMatcher::new(&f.registry);
    let dct = chrono::NaiveDate::from_ymd_opt(2004, 6, 1);
    g.bench_function("mentions", |b| {
        b.iter(|| {
            f.texts
                .iter()
                .map(|t| matcher.find(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            f.texts
                .iter()
                .map(|t| temporal::tag(black_box(t), dct).len())
                .sum::<usize>()
        })
    });
    let found: Vec<_> = f.texts.iter().map(|t| matcher.find(t)).collect();
    g.bench_function("claims", |b| {
        b.iter(|| {
            f.texts
                .iter()
                .zip(&found)
                .map(|(t, m)| claims::detect(black_box(t), m, &f.registry).len())
                .sum::<usize>()
        })
    });
    g.bench_function("names", |b| {
        b.iter(|| {
            f.texts
                .iter()
                .map(|t| names::find(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("mention_matcher_2000_entities", |b| {
        b.iter(|| MentionMatcher::new(black_box(&f.registry)))
    });
    g.finish();
}

fn ann(c: &mut Criterion, f: &Fixture) {
    let mut g = c.benchmark_group("ann");
    g.throughput(Throughput::Bytes(bytes(&f.anns)));
    g.sample_size(20);
    g.bench_function("parse", |b| {
        b.iter(|| {
            f.anns
                .iter()
                .map(|a| AnnDoc::parse(black_box(a)).entries.len())
                .sum::<usize>()
        })
    });
    let docs: Vec<AnnDoc> = f.anns.iter().map(|a| AnnDoc::parse(a)).collect();
    g.bench_function("render", |b| {
        b.iter(|| docs.iter().map(|d| d.render().len()).sum::<usize>())
    });
    let lines: Vec<String> = (0..20)
        .map(|i| {
            format_text_bound(
                &format!("T{i}"),
                "Date",
                &[(i * 10, i * 10 + 9)],
                "yesterday",
            )
        })
        .collect();
    g.bench_function("append_20_lines", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| d.append_text(black_box(&lines)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// A corpus in memory holding `texts` (with their `.ann` files) under a
/// fictitious root; nothing is read from disk.
fn memory_corpus(f: &Fixture, texts: &[(String, String)]) -> Corpus {
    let root = Path::new("/nonexistent/gloss-bench");
    let mut c = Corpus::empty(root);
    c.set_registry(f.registry.clone());
    for (i, (text, ann)) in texts.iter().enumerate() {
        let path = root.join(format!("a/{i:06}.txt"));
        c.upsert_article(&path, text.clone());
        c.set_ann(&path, Some(ann.clone()));
    }
    c
}

fn analysis(c: &mut Criterion, f: &Fixture) {
    let matcher = MentionMatcher::new(&f.registry);
    // The median article, and a 50 KB one made of consecutive articles.
    let mut by_len: Vec<usize> = (0..f.texts.len()).collect();
    by_len.sort_by_key(|&i| f.texts[i].len());
    let median = by_len[by_len.len() / 2];
    let mut long = String::new();
    for t in &f.texts {
        if long.len() >= 50 * 1024 {
            break;
        }
        long.push_str(t);
        long.push('\n');
    }
    let long_ann = ann_for(&long, &matcher);
    let docs = vec![
        (f.texts[median].clone(), f.anns[median].clone()),
        (long, long_ann),
    ];
    let corpus = memory_corpus(f, &docs);
    let mut g = c.benchmark_group("analyze");
    for (a, name) in corpus.articles().zip(["median_article", "article_50kb"]) {
        g.throughput(Throughput::Bytes(a.text.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, a.text.len()), a, |b, a| {
            b.iter(|| {
                gloss::analysis::analyze(&corpus, black_box(a))
                    .diagnostics
                    .len()
            })
        });
    }
    g.finish();

    let all: Vec<(String, String)> = f
        .texts
        .iter()
        .cloned()
        .zip(f.anns.iter().cloned())
        .collect();
    let corpus = memory_corpus(f, &all);
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes(&f.texts)));
    g.bench_function(format!("check_{}_articles_all_cores", all.len()), |b| {
        b.iter(|| corpus.check().len())
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    detectors(c, &f);
    ann(c, &f);
    analysis(c, &f);
}

criterion_group!(core, benches);
criterion_main!(core);
