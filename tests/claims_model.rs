//! The learned cue model: the shipped weights, what it adds to the rules,
//! and its training code on a tiny hand-written dataset.

use std::ops::Range;

use gloss::detect::claims::features::{gold_tags, B, O};
use gloss::detect::claims::model::{self, spans, vocabulary, Model, Trainer};
use gloss::detect::claims::{detect, detect_with, TrainingText};
use gloss::registry::Registry;

fn slice<'a>(text: &'a str, r: &Option<Range<usize>>) -> Option<&'a str> {
    r.as_ref().and_then(|r| text.get(r.clone()))
}

#[test]
fn shipped_weights_load_and_tag_deterministically() {
    let m = model::shipped().expect("the shipped cue model loads");
    // The file round-trips through its own layout.
    let again = Model::from_bytes(&m.to_bytes()).expect("re-read");
    assert_eq!(&again, m);
    let text = "The minister said on Monday that the talks had failed. \
                The landlord disputes the account that the tenants gave.";
    let t = TrainingText::new(text);
    let a = m.tag(&t.doc(text), |i| t.skip[i]);
    let b = m.tag(&t.doc(text), |i| t.skip[i]);
    assert_eq!(a, b);
    assert!(spans(&a)
        .iter()
        .any(|(r, _)| &text[t.toks()[r.start].start..t.toks()[r.end - 1].end] == "said"));
    let r = Registry::empty();
    assert_eq!(detect(text, &[], &r), detect(text, &[], &r));
}

#[test]
fn bad_weight_files_are_errors() {
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"XXXX\x10\0\0\0").is_err());
    let good = model::shipped().expect("shipped model").to_bytes();
    // Cut inside the rows.
    assert!(Model::from_bytes(&good[..good.len() / 2]).is_err());
}

/// Cues the rules do not know ("disputes") that the model finds, with the
/// source before them and the rest of the sentence as content.
#[test]
fn model_finds_cues_the_rules_miss() {
    let r = Registry::empty();
    for (text, cue, source, content) in [
        (
            "The spokeswoman disputes the idea that the factory polluted the lake.",
            "disputes",
            "The spokeswoman",
            "the idea that the factory polluted the lake",
        ),
        (
            "The landlord disputes the account that the tenants gave to the court.",
            "disputes",
            "The landlord",
            "the account that the tenants gave to the court",
        ),
    ] {
        // The rules alone miss the verb; they may find a noun of saying
        // in its object ("the idea that ..."), which the model's claim
        // then holds in its content.
        let rules = detect_with(text, &[], &r, None);
        assert!(
            rules.iter().all(|c| !text[c.cue.clone()].contains(cue)),
            "rules alone miss {cue:?} in {text:?}: {rules:?}"
        );
        let found = detect(text, &[], &r);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let c = &found[0];
        assert_eq!(&text[c.cue.clone()], cue);
        assert_eq!(slice(text, &c.source), Some(source));
        assert_eq!(slice(text, &c.content), Some(content));
    }
}

/// A model cue with no subject before it counts after a comma that does not
/// close an opening adverbial ("After the storm, called off games ..." is
/// tested with the rules).
#[test]
fn model_cue_without_a_source_after_a_comma() {
    let r = Registry::empty();
    let text = "The harbour board, meanwhile, disputes the account that the dam had leaked.";
    assert!(detect_with(text, &[], &r, None).is_empty());
    let found = detect(text, &[], &r);
    assert_eq!(found.len(), 1, "{found:?}");
    let c = &found[0];
    assert_eq!(&text[c.cue.clone()], "disputes");
    assert_eq!(
        slice(text, &c.content),
        Some("the account that the dam had leaked")
    );
    // After an opening adverbial the model adds nothing to the rules.
    let adverbial = "After the storm, called off games were replayed.";
    assert_eq!(
        detect(adverbial, &[], &r).len(),
        detect_with(adverbial, &[], &r, None).len(),
        "{adverbial:?}"
    );
}

/// Headlines stay out: the model adds no claim in a line without final
/// punctuation.
#[test]
fn model_adds_nothing_to_a_headline() {
    let text = "The landlord disputes the account of the tenants\n\nRain fell all day.";
    let r = Registry::empty();
    assert!(detect(text, &[], &r).is_empty());
}

/// Byte ranges of every occurrence of `w` in `text`.
fn all(text: &str, w: &str) -> Vec<Range<usize>> {
    text.match_indices(w).map(|(i, m)| i..i + m.len()).collect()
}

#[test]
fn training_separates_two_invented_cue_words_from_other_verbs() {
    // "zorbed" and "quelled" are cues, "walked" and "painted" are not; none
    // is in the rule lexicon, so only training can tell them apart.
    let train = [
        "Ann zorbed that the river rose. Bob walked to the market.",
        "The mayor quelled that taxes would fall. The clerk painted the wall.",
        "Critics zorbed that the plan failed. Tom painted the fence.",
        "Residents quelled that the road was closed. Sue walked home.",
        "The coach walked out. The board zorbed that profits grew.",
        "Eve painted a boat. Officials quelled that the bridge was safe.",
    ];
    let texts: Vec<(TrainingText, Vec<u8>)> = train
        .iter()
        .map(|text| {
            let t = TrainingText::new(text);
            let mut cues = all(text, "zorbed");
            cues.extend(all(text, "quelled"));
            let tags = gold_tags(t.toks(), &cues);
            (t, tags)
        })
        .collect();
    let docs: Vec<_> = texts
        .iter()
        .zip(train)
        .map(|((t, _), s)| t.doc(s))
        .collect();
    let vocab = vocabulary(
        docs.iter().zip(&texts).map(|(d, (_, g))| (d, g.as_slice())),
        1,
        0.0,
    );
    let mut trainer = Trainer::new(vocab);
    for _ in 0..5 {
        for (d, (t, g)) in docs.iter().zip(&texts) {
            trainer.learn(d, g, |i| t.skip[i]);
        }
    }
    let m = trainer.finish();
    // The file layout keeps what was learned.
    let m = Model::from_bytes(&m.to_bytes()).expect("round trip");
    let test = "The union zorbed that wages rose. The miner walked away. \
                The judge quelled that the case was over. Kim painted it.";
    let t = TrainingText::new(test);
    let tags = m.tag(&t.doc(test), |i| t.skip[i]);
    let tag_of = |w: &str| {
        let k = t
            .toks()
            .iter()
            .position(|tok| &test[tok.start..tok.end] == w)
            .expect("word in test text");
        usize::from(tags[k].tag)
    };
    assert_eq!(tag_of("zorbed"), B);
    assert_eq!(tag_of("quelled"), B);
    assert_eq!(tag_of("walked"), O);
    assert_eq!(tag_of("painted"), O);
}

/// A model cue after a parenthetical takes the noun phrase before the
/// parenthetical as its source.
#[test]
fn model_cue_after_a_parenthetical_has_a_source() {
    let text =
        "The landlord (a retired builder) disputes the account that the tenants gave to the court.";
    let found = detect(text, &[], &Registry::empty());
    assert_eq!(found.len(), 1, "{found:?}");
    let c = &found[0];
    assert_eq!(&text[c.cue.clone()], "disputes");
    assert_eq!(slice(text, &c.source), Some("The landlord"));
    assert_eq!(
        slice(text, &c.content),
        Some("the account that the tenants gave to the court")
    );
}
