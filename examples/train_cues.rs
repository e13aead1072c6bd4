//! Train the learned cue model on a PolNeAR-layout directory.
//!
//! ```sh
//! cargo run --release --example train_cues -- DIR OUT [--epochs N] [--seed S] [--tune]
//! ```
//!
//! Trains an averaged perceptron over every article of `DIR` (PolNeAR's
//! `data/train`) for `--epochs` passes (default 6), in an order shuffled by
//! `--seed` (default 1), and writes the weights to `OUT`
//! (`src/detect/claims/cues.model`). Training is deterministic: the same
//! data, epochs and seed give the same file.
//!
//! With `--tune`, it first trains on nine tenths of the articles and scores
//! the thresholds of `gloss::detect::claims::learned` on the remaining
//! tenth, so that they are chosen on train and never on dev; with
//! `--diagnose` as well, it prints the model's own exact-cue score there
//! and a sample of its cues that overlap a gold cue without matching it.

use std::path::PathBuf;
use std::process::ExitCode;

use gloss::detect::claims::features::gold_tags;
use gloss::detect::claims::learned::Learned;
use gloss::detect::claims::model::{vocabulary, Model, Trainer};
use gloss::detect::claims::{detect_with, TrainingText};
use gloss::eval::attribution::{articles, score, Counts, GoldAttribution};
use gloss::registry::Registry;

/// One article: name, text and gold attributions.
type Article = (String, String, Vec<GoldAttribution>);

struct Example<'t> {
    raw: &'t str,
    text: TrainingText,
    gold: Vec<u8>,
}

fn prepare<'t>(text: &'t str, gold: &[GoldAttribution]) -> Example<'t> {
    let t = TrainingText::new(text);
    let cues: Vec<_> = gold.iter().flat_map(|g| g.cue.iter().cloned()).collect();
    let tags = gold_tags(t.toks(), &cues);
    Example {
        raw: text,
        text: t,
        gold: tags,
    }
}

/// A small deterministic generator (xorshift64*) for the shuffles.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Stems that open a cue at least this often are scored by the tagger.
const MIN_OPENER: usize = 2;
/// ... and in at least this share of their occurrences.
const OPENER_RATE: f64 = 0.05;

fn train(examples: &[&Example], epochs: usize, seed: u64) -> Model {
    let docs: Vec<_> = examples.iter().map(|e| e.text.doc(e.raw)).collect();
    let vocab = vocabulary(
        docs.iter()
            .zip(examples)
            .map(|(d, e)| (d, e.gold.as_slice())),
        MIN_OPENER,
        OPENER_RATE,
    );
    eprintln!("{} cue openers", vocab.len());
    let mut trainer = Trainer::new(vocab);
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0;
        for &k in &order {
            let e = examples[k];
            wrong += trainer.learn(&docs[k], &e.gold, |i| e.text.skip[i]);
        }
        eprintln!("epoch {}: {wrong} tokens tagged wrong", epoch + 1);
    }
    trainer.finish()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut epochs, mut seed, mut tune, mut diag) = (6usize, 1u64, false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => epochs = it.next().and_then(|v| v.parse().ok()).unwrap_or(epochs),
            "--seed" => seed = it.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--tune" => tune = true,
            "--diagnose" => diag = true,
            _ => pos.push(PathBuf::from(a)),
        }
    }
    let [dir, out] = pos.as_slice() else {
        eprintln!("usage: train_cues DIR OUT [--epochs N] [--seed S] [--tune [--diagnose]]");
        return ExitCode::from(2);
    };
    let arts = match articles(dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("train_cues: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let examples: Vec<Example> = arts.iter().map(|(_, t, g)| prepare(t, g)).collect();
    if tune {
        let fit: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 10 != 0)
            .map(|(_, e)| e)
            .collect();
        let model = train(&fit, epochs, seed);
        let registry = Registry::empty();
        let held: Vec<_> = arts
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 10 == 0)
            .collect();
        let report = |name: &str, l: Option<&Learned>| {
            let mut c = Counts::default();
            for (_, (_, text, gold)) in &held {
                let d = detect_with(text, &[], &registry, l);
                c.add(&score(text, gold, &d, None));
            }
            println!(
                "{name:<34} P {:5.1} R {:5.1} F1 {:5.1}  cue P {:5.1} R {:5.1} F1 {:5.1}",
                c.claim_precision(),
                c.claim_recall(),
                c.claim_f1(),
                c.cue_precision(),
                c.cue_recall(),
                c.cue_f1()
            );
        };
        report("rules alone", None);
        if diag {
            diagnose(&model, &held);
        }
        let inf = f32::INFINITY;
        for extent in [inf, 0.0] {
            for add in [inf, 0.0, 10.0, 20.0, 30.0, 40.0, 60.0, 80.0] {
                for drop in [f32::NEG_INFINITY, -20.0] {
                    let l = Learned {
                        model: &model,
                        add,
                        extent,
                        drop,
                        sourceless: inf,
                    };
                    report(&format!("extent {extent} add {add} drop {drop}"), Some(&l));
                }
            }
        }
        for add in [20.0, 30.0, 40.0] {
            for sourceless in [0.0, 20.0, 40.0, 60.0, 80.0, 120.0, 160.0] {
                let l = Learned {
                    model: &model,
                    add,
                    extent: inf,
                    drop: f32::NEG_INFINITY,
                    sourceless,
                };
                report(&format!("add {add} sourceless {sourceless}"), Some(&l));
            }
        }
    }
    let all: Vec<&Example> = examples.iter().collect();
    let model = train(&all, epochs, seed);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("train_cues: writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    ExitCode::SUCCESS
}

/// Exact-span precision and recall of the model's own cues on held-out
/// articles, with a sample of near misses.
fn diagnose(model: &Model, held: &[(usize, &Article)]) {
    let (mut right, mut found, mut gold_n, mut shown) = (0, 0, 0, 0);
    for (_, (_, text, gold)) in held {
        let t = TrainingText::new(text);
        let tags = model.tag(&t.doc(text), |i| t.skip[i]);
        let frags: Vec<_> = gold.iter().flat_map(|g| g.cue.iter().cloned()).collect();
        gold_n += frags.len();
        for (r, _) in gloss::detect::claims::model::spans(&tags) {
            let b = t.toks()[r.start].start..t.toks()[r.end - 1].end;
            found += 1;
            if frags.contains(&b) {
                right += 1;
            } else if shown < 60 {
                if let Some(g) = frags.iter().find(|g| g.start < b.end && b.start < g.end) {
                    shown += 1;
                    println!(
                        "NEAR model {:?} gold {:?}",
                        &text[b.clone()],
                        &text[g.clone()]
                    );
                }
            }
        }
    }
    println!("model alone: {right}/{found} right, {gold_n} gold fragments");
}
