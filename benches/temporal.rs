//! Throughput of the temporal tagger (detection plus normalization) on news
//! text: the BBC News corpus under `/work/shared/data/bbc-news` when present
//! (or `GLOSS_BENCH_NEWS`), else the committed fixture repeated to ~400 KB.

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::detect::temporal::tag;

const FIXTURE: &str = include_str!("data/temporal_news.txt");
const TARGET_BYTES: usize = 400_000;

fn collect(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if out.len() >= TARGET_BYTES {
            return;
        }
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push_str(&String::from_utf8_lossy(&bytes));
                out.push_str("\n\n");
            }
        }
    }
}

fn corpus() -> (String, &'static str) {
    let dir =
        std::env::var("GLOSS_BENCH_NEWS").unwrap_or_else(|_| "/work/shared/data/bbc-news".into());
    let mut text = String::new();
    collect(Path::new(&dir), &mut text);
    if text.len() >= TARGET_BYTES / 2 {
        return (text, "bbc-news");
    }
    text.clear();
    while text.len() < TARGET_BYTES {
        text.push_str(FIXTURE);
        text.push('\n');
    }
    (text, "fixture")
}

fn bench(c: &mut Criterion) {
    let (text, source) = corpus();
    let dct = NaiveDate::from_ymd_opt(2005, 6, 15);
    let mut group = c.benchmark_group("temporal");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("tag/{source}"), |b| {
        b.iter(|| tag(black_box(&text), black_box(dct)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
