//! Claim (attribution) detection: one fixture per pattern, source
//! resolution against a small registry, adversarial inputs, and the seed
//! articles against their reference annotations.

use std::path::Path;
use std::time::{Duration, Instant};

use gloss::detect::claims::detect;
use gloss::detect::mentions::MentionMatcher;
use gloss::detect::{Claim, Mention};
use gloss::registry::Registry;

const ENTITIES: &str = r#"
[sergei-ivanov]
kind = "person"
name = "Sergei Ivanov"
aliases = ["Mr Ivanov", "Ivanov"]

[george-robertson]
kind = "person"
name = "George Robertson"
aliases = ["Lord Robertson", "Robertson"]

[nato]
kind = "organization"
name = "Nato"
aliases = ["NATO"]

[russia]
kind = "location"
name = "Russia"
"#;

fn registry() -> Registry {
    Registry::parse(Path::new("entities.toml"), ENTITIES)
}

fn piece<'a>(text: &'a str, r: &Option<std::ops::Range<usize>>) -> Option<&'a str> {
    r.as_ref().map(|r| &text[r.clone()])
}

/// The claims of `text` as (cue, source, content) strings.
fn claims(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let reg = Registry::empty();
    detect(text, &[], &reg)
        .iter()
        .map(|c| {
            (
                text[c.cue.clone()].to_owned(),
                piece(text, &c.source).map(str::to_owned),
                piece(text, &c.content).map(str::to_owned),
            )
        })
        .collect()
}

#[track_caller]
fn one(text: &str, cue: &str, source: Option<&str>, content: Option<&str>) {
    let found = claims(text);
    assert_eq!(
        found,
        vec![(
            cue.to_owned(),
            source.map(str::to_owned),
            content.map(str::to_owned)
        )],
        "in {text:?}"
    );
}

#[test]
fn indirect_speech_with_and_without_that() {
    one(
        "Western diplomats said yesterday that Nato is preparing to offer Russia a role.",
        "said",
        Some("Western diplomats"),
        Some("Nato is preparing to offer Russia a role"),
    );
    one(
        "A senior official said the talks had stalled.",
        "said",
        Some("A senior official"),
        Some("the talks had stalled"),
    );
}

#[test]
fn told_the_newspaper() {
    one(
        "Mr Ivanov told the newspaper that Russia would respond.",
        "told",
        Some("Mr Ivanov"),
        Some("Russia would respond"),
    );
}

#[test]
fn quote_then_source_then_cue() {
    one(
        "“The alliance is open to all,” Lord Robertson said.",
        "said",
        Some("Lord Robertson"),
        Some("“The alliance is open to all,”"),
    );
}

#[test]
fn quote_then_inverted_cue_and_source() {
    one(
        "\"We will not be intimidated,\" said Mr Ivanov.",
        "said",
        Some("Mr Ivanov"),
        Some("\"We will not be intimidated,\""),
    );
}

#[test]
fn attribution_in_the_middle_of_a_quote() {
    let text = "“If they want to join,” he said, “let it expand.”";
    let c = detect(text, &[], &Registry::empty());
    assert_eq!(c.len(), 1);
    assert_eq!(&text[c[0].cue.clone()], "said");
    assert_eq!(piece(text, &c[0].source), Some("he"));
    assert_eq!(piece(text, &c[0].content), Some("“If they want to join,”"));
    // The second half of the quotation is part of the claim.
    assert_eq!(c[0].span, 0..text.len());
}

#[test]
fn cue_then_quote() {
    one(
        "Mr Putin warned: “We are not afraid of anyone.”",
        "warned:",
        Some("Mr Putin"),
        Some("“We are not afraid of anyone.”"),
    );
}

#[test]
fn mis_decoded_quote_marks() {
    one(
        "â€œWeâ€™re ready for talks,â€\u{9d} the minister insisted.",
        "insisted",
        Some("the minister"),
        Some("â€œWeâ€™re ready for talks,â€\u{9d}"),
    );
    one(
        "â€œNo deal,â€ the envoy declared.",
        "declared",
        Some("the envoy"),
        Some("â€œNo deal,â€"),
    );
}

#[test]
fn quote_running_across_paragraphs() {
    let text = "Lord Robertson said: “The first thing is trust.\n\n“The second is patience.”\n\nNext paragraph.";
    one(
        text,
        "said:",
        Some("Lord Robertson"),
        Some("“The first thing is trust.\n\n“The second is patience.”"),
    );
}

#[test]
fn mixed_quote_marks() {
    one(
        "The plan is \"a ‘historic’ step\", officials noted.",
        "noted",
        Some("officials"),
        Some("The plan is \"a ‘historic’ step\""),
    );
}

#[test]
fn according_to_before_and_after() {
    one(
        "According to Western diplomats, the deal is close.",
        "According to",
        Some("Western diplomats"),
        Some("the deal is close"),
    );
    one(
        "The deal is close, according to officials in Brussels.",
        "according to",
        Some("officials in Brussels"),
        Some("The deal is close"),
    );
}

#[test]
fn sentence_final_cue() {
    one(
        "The talks will resume in May, he added.",
        "added",
        Some("he"),
        Some("The talks will resume in May"),
    );
}

#[test]
fn passive_report() {
    // A passive names no source but its "by" agent; an empty "it" is none.
    one(
        "It was reported that the talks had failed.",
        "was reported",
        None,
        Some("the talks had failed"),
    );
}

#[test]
fn belief_and_knowledge() {
    one(
        "Russian officials believe that expansion threatens Moscow.",
        "believe",
        Some("Russian officials"),
        Some("expansion threatens Moscow"),
    );
    one(
        "The general knows the plan will fail.",
        "knows",
        Some("The general"),
        Some("the plan will fail"),
    );
}

#[test]
fn auxiliaries_belong_to_the_cue() {
    one(
        "Moscow has repeatedly insisted that it will not accept the plan.",
        "has repeatedly insisted",
        Some("Moscow"),
        Some("it will not accept the plan"),
    );
}

#[test]
fn participle_continues_the_speaker() {
    let c = claims("Mr Ivanov said the plan was dangerous, adding that Russia would respond.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].0, "adding");
    assert_eq!(c[1].1.as_deref(), Some("Mr Ivanov"));
    assert_eq!(c[1].2.as_deref(), Some("Russia would respond"));
}

#[test]
fn abbreviations_do_not_end_sentences() {
    one(
        "Lt. Col. J. R. Smith of the U.S. Army said on Nov. 5 that the drill went well.",
        "said",
        Some("Lt. Col. J. R. Smith of the U.S. Army"),
        Some("the drill went well"),
    );
}

#[test]
fn no_claims_in_plain_narrative() {
    assert!(claims("The summit opens in Brussels on Monday. Ministers arrive tonight.").is_empty());
    // Cues inside a quotation belong to it.
    assert_eq!(claims("“They said no,” Ivanov recalled.").len(), 1);
}

fn mentions(reg: &Registry, text: &str) -> Vec<Mention> {
    MentionMatcher::new(reg).find(text)
}

fn resolved(text: &str) -> Vec<(String, Option<String>)> {
    let reg = registry();
    let m = mentions(&reg, text);
    detect(text, &m, &reg)
        .iter()
        .map(|c: &Claim| {
            (
                piece(text, &c.source).unwrap_or("").to_owned(),
                c.entity.clone(),
            )
        })
        .collect()
}

#[test]
fn named_sources_link_to_the_registry() {
    assert_eq!(
        resolved("Mr Ivanov said the plan was dangerous."),
        [("Mr Ivanov".to_owned(), Some("sergei-ivanov".to_owned()))]
    );
    assert_eq!(
        resolved("The Russian Defence Minister, Mr Sergei Ivanov, said the plan was dangerous."),
        [(
            "The Russian Defence Minister, Mr Sergei Ivanov".to_owned(),
            Some("sergei-ivanov".to_owned())
        )]
    );
    assert_eq!(
        resolved("NATO said the door remained open."),
        [("NATO".to_owned(), Some("nato".to_owned()))]
    );
}

#[test]
fn pronouns_go_to_the_last_person() {
    let text = "Lord Robertson met Mr Ivanov in Moscow. Later, he said the talks were useful.";
    assert_eq!(
        resolved(text),
        [("he".to_owned(), Some("sergei-ivanov".to_owned()))]
    );
    // An organisation in between does not capture the pronoun.
    let text = "Lord Robertson flew to NATO headquarters. He said Russia was a partner.";
    assert_eq!(
        resolved(text),
        [("He".to_owned(), Some("george-robertson".to_owned()))]
    );
}

#[test]
fn group_and_anonymous_sources_stay_unlinked() {
    assert_eq!(
        resolved("Western diplomats said Russia would object."),
        [("Western diplomats".to_owned(), None)]
    );
    assert_eq!(
        resolved("A senior official told reporters that Russia would object."),
        [("A senior official".to_owned(), None)]
    );
}

#[test]
fn one_unbalanced_quote_does_not_swallow_the_article() {
    let text = "He said “this quote never closes.\n\nOfficials said the talks failed.\n\nMr Ivanov said he was pleased.";
    let c = claims(text);
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[1].1.as_deref(), Some("Officials"));
    assert_eq!(c[2].1.as_deref(), Some("Mr Ivanov"));
}

#[test]
fn quotes_never_cross_too_many_paragraphs() {
    let mut text = String::from("He said: “It starts here.");
    for _ in 0..20 {
        text.push_str("\n\n“And continues.");
    }
    text.push_str("\n\nOfficials said the talks failed.");
    let c = claims(&text);
    assert!(
        c.iter().any(|c| c.1.as_deref() == Some("Officials")),
        "{c:?}"
    );
}

fn timed(text: &str) -> Duration {
    let t = Instant::now();
    let c = detect(text, &[], &Registry::empty());
    let d = t.elapsed();
    for c in &c {
        assert!(c.span.end <= text.len() && c.span.start <= c.cue.start);
    }
    d
}

#[test]
fn adversarial_inputs_stay_linear() {
    // Thousands of unbalanced quote marks of every kind.
    let mut marks = String::new();
    for i in 0..20_000 {
        marks.push_str(["\"", "“", "”", "â€œ", "â€", "''", " said ", "\n"][i % 8]);
    }
    assert!(timed(&marks) < Duration::from_secs(5));
    // A 5 MB single line of text full of cues and quote marks: about 5 s
    // in a debug build when the work is linear, hours if any step were
    // quadratic. (20 MB took 17 s alone and came near the limit on a
    // loaded machine without telling more.)
    let unit = "Officials said “the talks, he added, are over, according to Mr. Ivanov ";
    let line = unit.repeat(5_000_000 / unit.len());
    assert!(timed(&line) < Duration::from_secs(30));
    // Truncated mis-decoded marks at the very end.
    for t in [
        "â€",
        "said â€",
        "“",
        "\"",
        "x said",
        "said:",
        "according to",
    ] {
        timed(t);
    }
}

/// The seed articles against their reference annotations: every annotated
/// attribution whose cue gloss knows must be found with its content
/// overlapping. The rest are listed so that a change in either shows.
#[test]
fn seed_articles_match_their_annotations() {
    use gloss::ann::AnnDoc;
    use gloss::text::LineIndex;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let reg = Registry::load(&dir.join("entities.toml")).unwrap_or_default();
    let matcher = MentionMatcher::new(&reg);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "ann"));
    names.sort();
    let mut total = 0;
    let mut missed = Vec::new();
    for ann_path in names {
        let txt_path = ann_path.with_extension("txt");
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(&txt_path),
            std::fs::read_to_string(&ann_path),
        ) else {
            continue;
        };
        let doc = AnnDoc::parse(&ann);
        let idx = LineIndex::new(&text);
        let byte_range = |id: &str| {
            let t = doc.text_bound(id)?;
            let (s, e) = t.extent();
            Some(idx.char_to_byte(&text, s)?..idx.char_to_byte(&text, e)?)
        };
        let claims = detect(&text, &matcher.find(&text), &reg);
        for ev in doc.events().filter(|e| e.label.starts_with("Attribution")) {
            let (Some(cue), content) = (
                ev.arg("Cue").and_then(byte_range),
                ev.arg("Content").and_then(byte_range),
            ) else {
                continue;
            };
            total += 1;
            let ok = claims.iter().any(|c| {
                c.cue.start < cue.end
                    && cue.start < c.cue.end
                    && content
                        .as_ref()
                        .is_none_or(|k| c.span.start < k.end && k.start < c.span.end)
            });
            if !ok {
                let name = txt_path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let at = floor(&text, cue.start.saturating_sub(80))..floor(&text, cue.end + 40);
                eprintln!("{name}: {:?} in …{}…", &text[cue.clone()], &text[at]);
                missed.push(format!("{name}: {:?}", &text[cue]));
            }
        }
    }
    assert!(total > 0, "no seed annotations found");
    // Cues outside gloss's lexicon or patterns (see docs/accuracy.md).
    let known: &[&str] = KNOWN_SEED_MISSES;
    let unexpected: Vec<&String> = missed
        .iter()
        .filter(|m| !known.contains(&m.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} of {total} seed claims missed: {unexpected:#?}",
        missed.len()
    );
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Seed attributions gloss does not find (cues outside its lexicon, nested
/// relative clauses such as "which he said", and belief cues it only
/// accepts with a source next to them).
const KNOWN_SEED_MISSES: &[&str] = &[
    "000_7f5ff7dcfaacd7f0.txt: \"formed the impression\"",
    "000_7f5ff7dcfaacd7f0.txt: \"said\"",
    "000_7f5ff7dcfaacd7f0.txt: \"characterised\"",
    "000_7f5ff7dcfaacd7f0.txt: \"talked of\"",
    "000_7f5ff7dcfaacd7f0.txt: \"wanted\"",
    "000_7f5ff7dcfaacd7f0.txt: \"aspires\"",
    "000_7f5ff7dcfaacd7f0.txt: \"widely expected\"",
    "001_40905b9287ca137d.txt: \"lobbying for\"",
    "001_40905b9287ca137d.txt: \"talk of\"",
    "002_ce54700e1f821155.txt: \":\"",
    "002_ce54700e1f821155.txt: \"said\"",
    "002_ce54700e1f821155.txt: \"put forward\"",
    "002_ce54700e1f821155.txt: \"said\"",
    "002_ce54700e1f821155.txt: \"hope\"",
    "003_1dfc487ad99042e6.txt: \"warning\"",
    "003_1dfc487ad99042e6.txt: \"argument\"",
    "003_1dfc487ad99042e6.txt: \"considers\"",
    "003_1dfc487ad99042e6.txt: \"fear\"",
    "004_06c5a9b171e481b9.txt: \"demanding\"",
    "004_06c5a9b171e481b9.txt: \"want\"",
    "004_06c5a9b171e481b9.txt: \"wanted\"",
    "004_06c5a9b171e481b9.txt: \"proposed\"",
    "004_06c5a9b171e481b9.txt: \"expect\"",
];

#[test]
fn speaker_before_a_colon() {
    one(
        "KATE BOULDUAN: Why not debate the plan?",
        ":",
        Some("KATE BOULDUAN"),
        Some("Why not debate the plan"),
    );
    one(
        "Lynch: No outside influence on the inquiry.",
        ":",
        Some("Lynch"),
        Some("No outside influence on the inquiry"),
    );
    assert!(claims("Note: the vote is on Monday.").is_empty());
}

#[test]
fn belief_cue_needs_a_source_or_that() {
    assert!(claims("To want more is natural in any campaign.").is_empty());
    one(
        "Analysts think the vote will be close.",
        "think",
        Some("Analysts"),
        Some("the vote will be close"),
    );
}

#[test]
fn stance_verbs_with_a_subject() {
    one(
        "The senator offered a compromise on the budget.",
        "offered",
        Some("The senator"),
        Some("a compromise on the budget"),
    );
    one(
        "Mrs Ortega calls the new levy a disgrace.",
        "calls",
        Some("Mrs Ortega"),
        Some("the new levy a disgrace"),
    );
    // Without a subject the same verb is narrative.
    assert!(claims("Offered a lift, we drove to the coast.").is_empty());
}

#[test]
fn noun_cues_after_a_possessive() {
    one(
        "We heard about the governor's insistence that taxes must fall.",
        "insistence",
        Some("the governor"),
        Some("taxes must fall"),
    );
    one(
        "There was little surprise at her criticism of the new tax.",
        "criticism of",
        Some("her"),
        Some("the new tax"),
    );
    // A noun without its content names a topic, not a claim.
    assert!(claims("The mayor's promises filled a notebook.").is_empty());
}

#[test]
fn adjective_cues_after_a_copula() {
    one(
        "The governor is confident that the bill will pass.",
        "is confident",
        Some("The governor"),
        Some("the bill will pass"),
    );
    // An empty subject makes the writer's hedge.
    assert!(claims("It is not certain the plan will work.").is_empty());
}

#[test]
fn polls_as_sources() {
    one(
        "The mayor leads by ten points in a Channel 4 poll.",
        "in",
        Some("a Channel 4 poll"),
        Some("The mayor leads by ten points"),
    );
    // The polls in general are a standing, not a finding.
    assert!(claims("The mayor has slipped in the polls.").is_empty());
}

#[test]
fn subject_before_a_parenthetical() {
    one(
        "Ms Abara, who chairs the committee, called the report a whitewash.",
        "called",
        Some("Ms Abara"),
        Some("the report a whitewash"),
    );
    // An adverbial opening is not the subject.
    assert!(claims("After the storm, called off games were replayed.").is_empty());
}

#[test]
fn infinitive_cues_keep_their_to() {
    one(
        "The councillor took the floor to criticize the housing plan.",
        "to criticize",
        None,
        Some("the housing plan"),
    );
    assert!(claims("We had to thank the volunteers twice.").is_empty());
}

#[test]
fn participles_after_conjunctions() {
    one(
        "After thanking the volunteers, the mayor left the stage.",
        "thanking",
        None,
        Some("the volunteers"),
    );
    // A capitalised -ing word is a name or a title, not a participle.
    assert!(claims("After Reading the town held a fair.").is_empty());
}

#[test]
fn modals_and_negation_belong_to_the_cue() {
    one(
        "The harbour master might argue that the tide tables were wrong.",
        "might argue",
        Some("The harbour master"),
        Some("the tide tables were wrong"),
    );
    one(
        "The mayor did not say whether the bridge would reopen.",
        "did not say",
        Some("The mayor"),
        Some("whether the bridge would reopen"),
    );
    one(
        "The beekeepers don’t believe the new hives will survive the winter.",
        "don’t believe",
        Some("The beekeepers"),
        Some("the new hives will survive the winter"),
    );
}

#[test]
fn topic_words_after_a_cue() {
    // A topic or particle after a cue that is not a verb of saying is part
    // of the cue ...
    one(
        "The ferry operator complained about the new timetable.",
        "complained about",
        Some("The ferry operator"),
        Some("the new timetable"),
    );
    one(
        "The guild warned against a rushed vote on the charter.",
        "warned against",
        Some("The guild"),
        Some("a rushed vote on the charter"),
    );
    // ... but after "said" a time or place is not.
    one(
        "The curator said on Monday that the vase was a copy.",
        "said",
        Some("The curator"),
        Some("the vase was a copy"),
    );
}

#[test]
fn a_duration_after_spoke_is_not_its_topic() {
    let found = claims("The mayor spoke for an hour about the closure of the bridge.");
    assert!(
        found.iter().all(|(cue, _, _)| cue != "spoke for"),
        "{found:?}"
    );
}

#[test]
fn to_after_respond_and_refer_belongs_to_the_cue() {
    one(
        "The ferry company responded to the complaints about its timetable.",
        "responded to",
        Some("The ferry company"),
        Some("the complaints about its timetable"),
    );
}

/// A second verb after ", then" has the subject of the first, and the noun
/// phrase after it is its object: neither its source nor the content of
/// an inverted "CONTENT, said SOURCE".
#[test]
fn a_second_verb_after_then_keeps_the_first_subject() {
    let text = "The mayor spoke for an hour, then slammed the closure of the plant.";
    let found = claims(text);
    assert!(
        found.contains(&(
            "then slammed".to_owned(),
            Some("The mayor".to_owned()),
            Some("the closure of the plant".to_owned())
        )),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(_, s, _)| s.as_deref() != Some("the closure of the plant")),
        "{found:?}"
    );
    // Without a cue before it the verb takes the subject of the clause
    // before the comma, and the comma clause is no content.
    one(
        "The senator left the hall, then praised the new governor.",
        "then praised",
        Some("The senator"),
        Some("the new governor"),
    );
    one(
        "After the vote, the committee chair adjourned the session, then praised the staff.",
        "then praised",
        Some("the committee chair"),
        Some("the staff"),
    );
    one(
        "On Monday, she visited the plant, then criticized its owners.",
        "then criticized",
        Some("she"),
        Some("its owners"),
    );
    let found = claims("The senator left the hall, then praised the new governor.");
    assert!(
        found
            .iter()
            .all(|(_, s, c)| s.as_deref() != Some("the new governor")
                && c.as_deref() != Some("The senator left the hall")),
        "{found:?}"
    );
}

/// Verbs of saying still come before their subject.
#[test]
fn verbs_of_saying_still_invert() {
    one(
        "The plan will fail, wrote the editors.",
        "wrote",
        Some("the editors"),
        Some("The plan will fail"),
    );
    one(
        "The bridge is safe, said the engineer.",
        "said",
        Some("the engineer"),
        Some("The bridge is safe"),
    );
}

/// The subject before a parenthetical is the source of the cue after it.
#[test]
fn source_across_a_parenthetical() {
    one(
        "Mr Smith (a former minister) insisted the plan would fail.",
        "insisted",
        Some("Mr Smith"),
        Some("the plan would fail"),
    );
    one(
        "The council (which met on Friday) warned that the river would flood.",
        "warned",
        Some("The council"),
        Some("the river would flood"),
    );
}

/// Cue extents where PolNeAR is consistent on its train split: an adverb
/// in "-ly" right before the verb, "continue to VERB", a preposition after
/// a noun of saying, and "reportedly" as a cue of its own without the
/// auxiliary before it.
#[test]
fn cue_extents_follow_polnear_where_it_is_consistent() {
    one(
        "The governor angrily denounced the new tax on fuel.",
        "angrily denounced",
        Some("The governor"),
        Some("the new tax on fuel"),
    );
    one(
        "The mayor continued to defend the budget cuts in the council.",
        "continued to defend",
        Some("The mayor"),
        Some("the budget cuts in the council"),
    );
    one(
        "The union's criticism of the plan grew louder.",
        "criticism of",
        Some("The union"),
        Some("the plan grew louder"),
    );
    let found = claims("The company has reportedly taken heat from a civil rights group.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "reportedly");
    assert_eq!(found[0].1.as_deref(), Some("The company"));
    // A noun in "-ly" is no adverb: "rally" is not part of a cue.
    let found = claims("Local residents rally outside the hall every week.");
    assert!(
        found.iter().all(|(cue, _, _)| !cue.contains("rally")),
        "{found:?}"
    );
}

/// "released a statement ... saying": the cue runs from the verb of
/// release to the participle of saying; the "to" of an infinitive after a
/// noun of intention stays out of the cue.
#[test]
fn a_released_statement_and_a_noun_of_intention() {
    one(
        "The campaign released a statement Wednesday saying the senator would not run.",
        "released a statement Wednesday saying",
        Some("The campaign"),
        Some("the senator would not run"),
    );
    let found = claims("His refusal to debate angered voters.");
    assert!(
        found.iter().all(|(cue, _, _)| cue != "refusal to"),
        "{found:?}"
    );
}

/// An adverb cue right before a verb of saying modifies the verb: the cue
/// is the verb's, with the adverb and the auxiliary before it (PolNeAR
/// keeps the auxiliary before an adverb in "-ly" and a verb in 211 of 214
/// train cues), and the listener and "that" lead to the content.
#[test]
fn an_adverb_cue_before_a_verb_of_saying_joins_the_verb() {
    one(
        "The minister has reportedly told aides that the deal is dead.",
        "has reportedly told",
        Some("The minister"),
        Some("the deal is dead"),
    );
    one(
        "The senator reportedly said the bill would pass.",
        "reportedly said",
        Some("The senator"),
        Some("the bill would pass"),
    );
}

/// An "-ing" word between a noun and the noun that closes a noun phrase
/// modifies that noun ("the speech writing team."): no cue, neither for
/// the rules nor for the model; a participle taking an object still is.
#[test]
fn a_noun_modifier_in_ing_is_no_cue() {
    let found = claims("Born in 1970, she was a senior member of the speech writing team.");
    assert!(
        found.iter().all(|(cue, _, _)| !cue.contains("writing")),
        "{found:?}"
    );
    one(
        "The mayor is writing that the bridge was safe.",
        "is writing",
        Some("The mayor"),
        Some("the bridge was safe"),
    );
}

/// Every claim's content stays clear of every other claim's cue: each
/// token belongs to one claim.
#[track_caller]
fn no_content_over_a_cue(text: &str) {
    let reg = Registry::empty();
    let found = detect(text, &[], &reg);
    for a in &found {
        for b in &found {
            if let Some(c) = &a.content {
                let over = c.start < b.cue.end && b.cue.start < c.end;
                assert!(
                    a.cue == b.cue || !over,
                    "{:?} covers the cue {:?} in {text:?}",
                    &text[c.clone()],
                    &text[b.cue.clone()]
                );
            }
        }
    }
}

#[test]
fn a_passive_of_belief_has_no_source_but_its_agent() {
    one(
        "David Miliband is seen as a key Blair lieutenant.",
        "is seen",
        None,
        Some("as a key Blair lieutenant"),
    );
    // The subject is the topic: the claim still covers it.
    let text = "David Miliband is seen as a key Blair lieutenant.";
    let found = detect(text, &[], &Registry::empty());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.start, 0, "{:?}", &text[found[0].span.clone()]);
    one(
        "The tax is widely seen by economists as a failure.",
        "is widely seen",
        // PolNeAR leaves "by" out of the source.
        Some("economists"),
        Some("as a failure"),
    );
    one(
        "The senator was asked whether the bill would pass.",
        "was asked",
        None,
        Some("whether the bill would pass"),
    );
    one(
        "The merger was described by the Turkish government as a mistake.",
        "was described",
        Some("the Turkish government"),
        Some("as a mistake"),
    );
    // A feeling is its subject's own: "is worried" keeps its source.
    one(
        "The mayor is worried that the plant will close.",
        "is worried",
        Some("The mayor"),
        Some("the plant will close"),
    );
}

#[test]
fn a_passive_of_a_life_or_a_place_is_no_claim() {
    for text in [
        "The 39-year-old was educated at Eton and Oxford.",
        "The senator was trained as a lawyer in Boston.",
        "The company is based in Ohio and employs 300 people.",
    ] {
        assert_eq!(claims(text), vec![], "in {text:?}");
    }
}

#[test]
fn a_model_claim_stops_at_a_rule_claims_cue() {
    let text = "Clinton paused, then revealed the plan had failed.";
    no_content_over_a_cue(text);
    let found = claims(text);
    assert!(
        found.contains(&(
            "then revealed".to_owned(),
            Some("Clinton".to_owned()),
            Some("the plan had failed".to_owned())
        )),
        "{found:?}"
    );
    no_content_over_a_cue("The mayor paused, then warned that the plant would close.");
    // A claim with its own source inside the content is nested in it and
    // stays there: "the Kremlin's announcement that Russia wanted ...".
    let text = "It contrasts with the Kremlin's announcement this week that Russia wanted to join.";
    let found = claims(text);
    assert!(
        found.iter().any(|(cue, _, content)| cue == "announcement"
            && content
                .as_deref()
                .is_some_and(|c| c.contains("Russia wanted"))),
        "{found:?}"
    );
}

#[test]
fn an_apposition_does_not_cross_a_verb() {
    let text = "He left the room, a former aide of the senator, said the report was false.";
    let found = claims(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let (cue, source, content) = &found[0];
    assert_eq!(cue, "said");
    assert!(
        source.as_deref().is_none_or(|s| !s.contains("left")),
        "source {source:?}"
    );
    assert_eq!(content.as_deref(), Some("the report was false"));
    // A real apposition still joins its two phrases.
    one(
        "When the party lost, the leader, Jane Smith, said she would resign.",
        "said",
        Some("the leader, Jane Smith"),
        Some("she would resign"),
    );
}

#[test]
fn a_second_cue_after_and_or_but_keeps_the_subject() {
    let text = "The company denied it but admitted that the figures were wrong.";
    assert_eq!(
        claims(text),
        vec![
            (
                "denied".to_owned(),
                Some("The company".to_owned()),
                Some("it".to_owned())
            ),
            (
                "admitted".to_owned(),
                Some("The company".to_owned()),
                Some("the figures were wrong".to_owned())
            ),
        ]
    );
    let text = "The senator said the bill was dead and warned that the vote would fail.";
    assert_eq!(
        claims(text),
        vec![
            (
                "said".to_owned(),
                Some("The senator".to_owned()),
                Some("the bill was dead".to_owned())
            ),
            (
                "warned".to_owned(),
                Some("The senator".to_owned()),
                Some("the vote would fail".to_owned())
            ),
        ]
    );
}

#[test]
fn present_tense_cues_take_their_subject() {
    one(
        "The minister says the plan is working.",
        "says",
        Some("The minister"),
        Some("the plan is working"),
    );
    one(
        "Officials believe the talks will fail.",
        "believe",
        Some("Officials"),
        Some("the talks will fail"),
    );
    one(
        "She argues that the tax is unfair.",
        "argues",
        Some("She"),
        Some("the tax is unfair"),
    );
    // A present tense ends the subject of a first clause too.
    one(
        "The senator visits the plant, then says the closure was a mistake.",
        "then says",
        Some("The senator"),
        Some("the closure was a mistake"),
    );
}

#[test]
fn a_content_ends_before_a_clause_with_its_own_speaker() {
    let text = "The governor signed the bill, a spokesman told reporters that it was law.";
    assert_eq!(
        claims(text),
        vec![
            (
                "signed".to_owned(),
                Some("The governor".to_owned()),
                Some("the bill".to_owned())
            ),
            (
                "told".to_owned(),
                Some("a spokesman".to_owned()),
                Some("it was law".to_owned())
            ),
        ]
    );
    no_content_over_a_cue(text);
    // A verb that is no cue opens no new claim: the content runs on.
    one(
        "The senator said the plan, a costly one, was dead.",
        "said",
        Some("The senator"),
        Some("the plan, a costly one, was dead"),
    );
}

#[test]
fn a_participle_of_publishing_after_its_noun_is_no_cue() {
    // A reduced relative clause: the claim is the later verb's, with the
    // noun and its participle as source.
    one(
        "The report published yesterday shows the economy grew by 2%.",
        "shows",
        Some("The report published yesterday"),
        Some("the economy grew by 2%"),
    );
    one(
        "A study published in the Lancet found that smoking kills.",
        "found",
        Some("A study published in the Lancet"),
        Some("smoking kills"),
    );
    // With an object, or a new clause between, the participle is the verb.
    one(
        "The ministry released figures on Monday showing a fall in crime.",
        "released",
        Some("The ministry"),
        Some("figures on Monday showing a fall in crime"),
    );
}

#[test]
fn a_noun_cue_after_a_possessive_has_the_possessor_as_source() {
    // A time between the noun and its "that" is part of neither. (The
    // nested claim, Russia's wanting, is found too.)
    let found = claims(
        "It contrasts with the Kremlin's announcement this week that Russia wanted to join.",
    );
    assert!(
        found.contains(&(
            "announcement".to_owned(),
            Some("the Kremlin".to_owned()),
            Some("Russia wanted to join".to_owned())
        )),
        "{found:?}"
    );
    one(
        "It followed the minister's claim on Monday that taxes would fall.",
        "claim",
        Some("the minister"),
        Some("taxes would fall"),
    );
}

/// The claims of `text` as (cue, source, content), in the detector's order.
type Triple<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

#[track_caller]
fn all(text: &str, expected: &[Triple]) {
    let want: Vec<_> = expected
        .iter()
        .map(|(c, s, t)| ((*c).to_owned(), s.map(str::to_owned), t.map(str::to_owned)))
        .collect();
    assert_eq!(claims(text), want, "in {text:?}");
}

#[test]
fn a_claim_in_a_later_clause_of_a_content_is_found_too() {
    all(
        "The senator said the deal was dead, but the minister claimed that taxes would fall.",
        &[
            (
                "said",
                Some("The senator"),
                Some("the deal was dead, but the minister claimed that taxes would fall"),
            ),
            ("claimed", Some("the minister"), Some("taxes would fall")),
        ],
    );
    all(
        "Mr Ivanov said the talks had stalled and Lord Robertson warned that Nato would wait.",
        &[
            (
                "said",
                Some("Mr Ivanov"),
                Some("the talks had stalled and Lord Robertson warned that Nato would wait"),
            ),
            ("warned", Some("Lord Robertson"), Some("Nato would wait")),
        ],
    );
    // A bare plural opens the inner clause.
    all(
        "Mr Ivanov said the talks had stalled, but diplomats insisted that a deal was near.",
        &[
            (
                "said",
                Some("Mr Ivanov"),
                Some("the talks had stalled, but diplomats insisted that a deal was near"),
            ),
            ("insisted", Some("diplomats"), Some("a deal was near")),
        ],
    );
}

#[test]
fn a_speech_act_that_is_the_whole_content_is_not_a_claim_of_its_own() {
    // PolNeAR leaves "He said CNN had tweeted ..." unannotated inside the
    // outer content in most cases (8% of such nested cues on train).
    all(
        "The mayor said the governor had claimed that the plant would close.",
        &[(
            "said",
            Some("The mayor"),
            Some("the governor had claimed that the plant would close"),
        )],
    );
    // Inside a content, "vote for" reports an act (5 of 85 nested cues of
    // voting, asking, hoping, agreeing were gold cues on train).
    all(
        "The senator said the deal was dead, and the donors would vote for him in November.",
        &[(
            "said",
            Some("The senator"),
            Some("the deal was dead, and the donors would vote for him in November"),
        )],
    );
}

#[test]
fn a_noun_claim_that_is_the_subject_ends_before_the_main_verb() {
    one(
        "The minister's claim that taxes would fall was false.",
        "claim",
        Some("The minister"),
        Some("taxes would fall"),
    );
    one(
        "Trump's claim that the election had been rigged has been debunked by officials.",
        "claim",
        Some("Trump"),
        Some("the election had been rigged"),
    );
    // Two verbs joined by "and" are both the content's.
    one(
        "Her claim that prices will rise and wages will fall is common.",
        "claim",
        Some("Her"),
        Some("prices will rise and wages will fall"),
    );
}

#[test]
fn a_noun_claim_in_the_object_of_a_verb_cue_is_the_verbs_content() {
    // On PolNeAR train a verb cue before a possessive and a noun of
    // saying makes one attribution, not two: the noun is in the verb's
    // content (23 of 42 pairs) or in its cue (18); never a claim nested
    // in the verb's.
    one(
        "Critics mocked the minister's claim that taxes would fall.",
        "mocked",
        Some("Critics"),
        Some("the minister's claim that taxes would fall"),
    );
    all(
        "The senator said the plan was dead, and the minister's claim that taxes would fall was mocked.",
        &[(
            "said",
            Some("The senator"),
            Some("the plan was dead, and the minister's claim that taxes would fall was mocked"),
        )],
    );
}

#[test]
fn a_content_ends_at_a_quotation_closed_by_a_comma() {
    // `,”` joins a second claim as a comma outside the quotation does.
    let text = "The senator said the deal was “a disaster,” adding that the vote would fail.";
    assert_eq!(
        claims(text),
        vec![
            (
                "said".to_owned(),
                Some("The senator".to_owned()),
                Some("the deal was “a disaster,”".to_owned())
            ),
            (
                "adding".to_owned(),
                Some("The senator".to_owned()),
                Some("the vote would fail".to_owned())
            ),
        ]
    );
    no_content_over_a_cue(text);
}

#[test]
fn a_content_ends_before_an_inverted_attribution() {
    // ", said NAME": the closing attribution is a claim of its own.
    let text = "The senator called for a ban on imports, said John Smith, a lobbyist.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0],
        (
            "called for".to_owned(),
            Some("The senator".to_owned()),
            Some("a ban on imports".to_owned())
        )
    );
    // Its content is the clause before, with the first claim nested in
    // it, as PolNeAR annotates it.
    assert_eq!(
        found[1],
        (
            "said".to_owned(),
            Some("John Smith".to_owned()),
            Some("The senator called for a ban on imports".to_owned())
        )
    );
}

#[test]
fn a_content_ends_before_a_pronoun_with_its_own_cue() {
    let text = "The senator praised the deal; she argued that it would create jobs.";
    assert_eq!(
        claims(text),
        vec![
            (
                "praised".to_owned(),
                Some("The senator".to_owned()),
                Some("the deal".to_owned())
            ),
            (
                "argued".to_owned(),
                Some("she".to_owned()),
                Some("it would create jobs".to_owned())
            ),
        ]
    );
    no_content_over_a_cue(text);
}

#[test]
fn a_pronoun_with_a_contracted_auxiliary_is_the_source() {
    // "He’s" is "he is": the -ing word after it is a verb, not a noun
    // after a possessive, and the auxiliary goes with the cue as PolNeAR
    // puts it.
    one(
        "He’s predicting he will do very well in Nevada.",
        "’s predicting",
        Some("He"),
        Some("he will do very well in Nevada"),
    );
    one(
        "They're saying that the deal is dead.",
        "'re saying",
        Some("They"),
        Some("the deal is dead"),
    );
    // A name's "'s" stays a possessive.
    assert_eq!(
        claims("Putin's promising chemistry with Trump is over."),
        vec![]
    );
}

#[test]
fn a_number_with_a_thousands_separator_is_one_word() {
    // The comma in "100,000" is no joint: the content runs on past it.
    one(
        "Kerry said that 100,000 refugees would be accepted.",
        "said",
        Some("Kerry"),
        Some("100,000 refugees would be accepted"),
    );
}

#[test]
fn a_noun_of_saying_with_a_complement_is_a_claim_without_a_possessive() {
    one(
        "The proposal drew harsh criticism from fellow Republicans over its cost.",
        "criticism",
        Some("fellow Republicans"),
        Some("its cost"),
    );
    one(
        "There is broad support for the plan among voters.",
        "support for",
        None,
        Some("the plan among voters"),
    );
    // As the subject, the content ends before the main verb.
    one(
        "The idea that taxes would rise was dropped.",
        "The idea",
        None,
        Some("taxes would rise"),
    );
    // A possessive before the noun is the source.
    one(
        "Her support for the plan was never in doubt.",
        "support for",
        Some("Her"),
        Some("the plan"),
    );
    // Without a complement the noun is left alone.
    assert_eq!(claims("Support grew in the spring."), vec![]);
}

#[test]
fn a_word_before_about_and_its_topic_is_a_claim() {
    one(
        "The governor has long fretted about the deficit.",
        "has long fretted about",
        Some("The governor"),
        Some("the deficit"),
    );
    // The copula of "there were" is not the cue's.
    one(
        "There was deep anxiety about the vote.",
        "anxiety about",
        None,
        Some("the vote"),
    );
    // "about" before an amount is "approximately"; "is about" is a topic
    // of a text, not a claim.
    assert_eq!(
        claims("About 20 people came, and about a dozen left after about 10 minutes."),
        vec![]
    );
    assert_eq!(claims("The book is about the war."), vec![]);
}

#[test]
fn a_word_with_the_one_preposition_that_makes_it_a_claim() {
    one(
        "The senator was long known for his budget cuts.",
        "known for",
        None,
        Some("his budget cuts"),
    );
    one(
        "Pressed on the matter, she took a few swipes at the governor.",
        "swipes at",
        None,
        Some("the governor"),
    );
    // With another word after it, "case" is a matter, not an argument.
    assert_eq!(claims("The case against him was dropped."), vec![]);
}

/// Degree, negation and "go about" before "about" make no claim: "a lot
/// more about style", "it is not about money", "goes about solving".
#[test]
fn no_claim_in_degree_negation_or_go_about() {
    assert_eq!(
        claims("Phones are becoming a lot more about fashion than talk."),
        vec![]
    );
    assert_eq!(
        claims("Each week the crew goes about solving a crime in the city."),
        vec![]
    );
    assert_eq!(claims("The row was not about money at all."), vec![]);
}

/// "talks with unions about pay": the partner of a word of talking is no
/// cue; the word of talking is.
#[test]
fn the_partner_in_talks_about_a_topic_is_no_cue() {
    one(
        "The minister held talks with unions about pay.",
        "talks",
        None,
        Some("pay"),
    );
}

/// An interest, a thing and a record with "about" make no claim: "care
/// about", "something about it", "records about".
#[test]
fn no_claim_in_care_things_or_records_about() {
    assert_eq!(claims("Voters care about the economy."), vec![]);
    assert_eq!(
        claims("The police kept records about the suspects."),
        vec![]
    );
    assert_eq!(claims("The script has a line about taxes."), vec![]);
    assert_eq!(
        claims("The firm is finally doing something about it."),
        vec![]
    );
}

/// A stretch of time before "about" is no cue, and a subject before the
/// verb that receives the complaints no source.
#[test]
fn no_claim_in_time_before_about() {
    for (cue, source, _) in
        claims("The council received 300 complaints in recent months about the noise.")
    {
        assert!(!cue.contains("months"), "cue {cue:?}");
        assert!(
            !source.is_some_and(|s| s.contains("received")),
            "cue {cue:?}"
        );
    }
}

/// "The council received 300 complaints": the number makes "complaints" a
/// plural noun, the object of "received"; the council is not its source.
#[test]
fn a_counted_noun_is_no_cue_of_the_subject() {
    for (cue, source, _) in claims("The council received 300 complaints about the noise.") {
        assert!(
            !source.is_some_and(|s| s.contains("received")),
            "cue {cue:?} has a source across the verb"
        );
    }
    assert_eq!(
        claims("The council received 300 complaints before the vote."),
        vec![]
    );
}

/// An adjective of belief after an empty "it" with a contracted "is" is
/// the writer's hedge, as with "it is" (straight and curly apostrophes).
#[test]
fn a_contracted_empty_it_before_an_adjective_is_no_source() {
    assert_eq!(claims("It’s certain the plan is dead."), vec![]);
    assert_eq!(claims("It's certain the plan is dead."), vec![]);
    assert_eq!(claims("It is certain the plan is dead."), vec![]);
}

/// Set phrases with a noun of saying and an object pronoun before
/// "about" make no claim: "in view of", "with a view to", "a good idea
/// to", "questions of", "impresses me about".
#[test]
fn no_claim_in_set_phrases_or_an_object_pronoun() {
    assert_eq!(claims("In view of the risks, the bank held rates."), vec![]);
    assert_eq!(
        claims("The firm set up the fund with a view to selling it."),
        vec![]
    );
    assert_eq!(claims("It is a good idea to wait for the vote."), vec![]);
    assert_eq!(
        claims("The debate now turns on questions of access and speed."),
        vec![]
    );
    assert_eq!(
        claims("What impresses me about the city is its calm."),
        vec![]
    );
}

/// Phrases of wanting: "is looking for", "is looking forward to", "was
/// looking to" (the infinitive is the content) and "would like".
#[test]
fn phrases_of_wanting() {
    one(
        "The mayor was looking to end a run of bad news.",
        "was looking",
        Some("The mayor"),
        Some("to end a run of bad news"),
    );
    one(
        "The union is looking forward to a long fight with the board.",
        "is looking forward to",
        Some("The union"),
        Some("a long fight with the board"),
    );
    one(
        "After the vote, the mayor is looking for new allies on the council.",
        "is looking for",
        Some("the mayor"),
        Some("new allies on the council"),
    );
    one(
        "The governor would like to see the bill pass.",
        "would like",
        Some("The governor"),
        Some("to see the bill pass"),
    );
    one(
        "We’d like to hear more from the mayor.",
        "’d like",
        Some("We"),
        Some("to hear more from the mayor"),
    );
    // Liking is no claim of this kind, nor is a look.
    assert_eq!(claims("It looks like rain."), vec![]);
}

/// Verb phrases of stance, the whole phrase the cue: "distanced herself
/// from", "came out against", "stood by"; and "critic of", "proponent of"
/// with the one preposition that makes them a stance.
#[test]
fn phrases_of_stance() {
    one(
        "The senator distanced herself from the plan.",
        "distanced herself from",
        Some("The senator"),
        Some("the plan"),
    );
    one(
        "The mayor came out against the new tax.",
        "came out against",
        Some("The mayor"),
        Some("the new tax"),
    );
    one(
        "The governor stood by his remarks on the budget.",
        "stood by",
        Some("The governor"),
        Some("his remarks on the budget"),
    );
    one(
        "She remains a fierce critic of the new tax.",
        "critic of",
        None,
        Some("the new tax"),
    );
    one(
        "He was once a proponent of free trade.",
        "a proponent of",
        None,
        Some("free trade"),
    );
}

/// "a chat show", "the firm saw sales rise": no cue, and a claim later in
/// the sentence is still found.
#[test]
fn a_show_on_the_air_and_what_a_firm_saw_make_no_claim() {
    assert_eq!(
        claims("She now hosts a chat show on Sunday mornings."),
        vec![]
    );
    assert_eq!(
        claims("The final quarter saw both sides tire badly."),
        vec![]
    );
    one(
        "The firm saw its shares rise after it said it would cut costs.",
        "said",
        Some("it"),
        Some("it would cut costs"),
    );
    one(
        "Official figures show that prices rose in May.",
        "show",
        Some("Official figures"),
        Some("prices rose in May"),
    );
}

/// "offers" of trade: goods or a service after the verb, or the noun
/// after a modifier, make no claim; an offer of help or of views does.
#[test]
fn offers_of_goods_make_no_claim() {
    assert_eq!(
        claims("The software firm offers a cheap music download service."),
        vec![]
    );
    assert_eq!(
        claims("Dealers relied on special offers to clear their stock."),
        vec![]
    );
    one(
        "The mayor offered his congratulations to the winning team.",
        "offered",
        Some("The mayor"),
        Some("his congratulations to the winning team"),
    );
}

/// "currently" alone is no cue: "KLM currently operates six flights".
#[test]
fn a_lone_adverb_of_time_is_no_cue() {
    let found = claims("KLM currently operates six flights per week from Gatwick to Oslo.");
    assert!(
        found.iter().all(|(cue, _, _)| cue != "currently"),
        "{found:?}"
    );
}

/// A passive cue with only a time or place after it: what was announced
/// is the subject.
#[test]
fn a_passive_with_only_a_time_after_it_takes_its_subject() {
    one(
        "The merger of the two banks was announced on Monday.",
        "was announced",
        None,
        Some("The merger of the two banks"),
    );
    one(
        "Mr Lee is seen as a likely successor.",
        "is seen",
        None,
        Some("as a likely successor"),
    );
}

/// "CLAUSE, says NAME, a title": with no claim before the comma, the
/// verb still takes the name after it as its source and the clause as
/// its content; a name that opens a clause is no source.
#[test]
fn a_name_after_a_verb_that_closes_a_clause_is_its_source() {
    one(
        "Ferry fares will rise next spring, says Anna Berg, a transport analyst.",
        "says",
        Some("Anna Berg"),
        Some("Ferry fares will rise next spring"),
    );
    one(
        "The talks went badly, said Mr Okafor should resign.",
        "said",
        None,
        Some("Mr Okafor should resign"),
    );
}

/// "compared with" between two figures weighs them; a comparison someone
/// makes has its object first, and a passive keeps its cue.
#[test]
fn figures_compared_with_each_other_make_no_claim() {
    assert_eq!(
        claims("The bakery made a profit of £12m compared with £9m a year earlier."),
        vec![]
    );
    assert_eq!(
        claims("Ferry traffic rose by 8% in March compared to last year."),
        vec![]
    );
    assert_eq!(
        claims("Sales of the new model compared unfavourably with its rivals."),
        vec![]
    );
    one(
        "The governor compared the new tax to a toll on every family.",
        "compared",
        Some("The governor"),
        Some("the new tax to a toll on every family"),
    );
    let found = claims("The new bridge has been compared to a harp by some critics.");
    assert!(
        found.iter().any(|(cue, _, _)| cue == "has been compared"),
        "{found:?}"
    );
}

/// A film, an album or a person released or shown is no claim; a report
/// released, or a passive with a complement, is.
#[test]
fn passives_of_release_and_showing_need_a_text_or_a_complement() {
    assert_eq!(
        claims("Her second album was released in 2003 and sold well."),
        vec![]
    );
    assert_eq!(
        claims("The awards ceremony will be shown on BBC One at 2000 GMT."),
        vec![]
    );
    assert_eq!(
        claims("The two fishermen were released without charge on Friday."),
        vec![]
    );
    let found = claims("The report was released amid growing concern about the river.");
    assert!(
        found.iter().any(|(cue, _, _)| cue == "was released"),
        "{found:?}"
    );
    let found = claims("Her first account was later shown to be false.");
    assert!(
        found.iter().any(|(cue, _, _)| cue == "was later shown"),
        "{found:?}"
    );
}

/// A participle of publishing after the object of a preposition is a
/// reduced relative clause, not a verb of saying.
#[test]
fn a_participle_of_publishing_after_a_noun_is_no_cue() {
    assert_eq!(
        claims("Staff read through the hundreds of alerts issued each year by the agency."),
        vec![]
    );
    assert_eq!(
        claims("The design follows that of similar phones released this year."),
        vec![]
    );
    let found = claims("Late on Sunday, the club posted on its website that the match was off.");
    assert!(found.iter().any(|(cue, _, _)| cue == "posted"), "{found:?}");
}

/// "went on sale" and "went on to win" are no cues; a speaker who goes
/// on to a verb of speaking or stance still makes a claim.
#[test]
fn going_on_to_do_something_else_is_no_claim() {
    assert_eq!(
        claims("The new console went on sale in Japan on Sunday."),
        vec![]
    );
    assert_eq!(
        claims("Her first novel went on to win three national prizes."),
        vec![]
    );
    let found = claims("The minister went on to attack the council's housing plans.");
    assert!(
        found.iter().any(|(cue, _, _)| cue.starts_with("went on")),
        "{found:?}"
    );
    let found = claims("The minister went on to warn that rents would rise.");
    assert!(
        found.iter().any(|(cue, _, _)| cue.starts_with("went on")),
        "{found:?}"
    );
}

/// "found itself in trouble" says where someone ended up; "posted a
/// profit" puts up a result. Neither reports a claim; a survey that
/// found and a message posted still do.
#[test]
fn finding_oneself_and_posting_a_result_are_no_claims() {
    assert_eq!(
        claims("The ferry company found itself in trouble with the regulator."),
        vec![]
    );
    assert_eq!(
        claims("The airline has posted a record first-half profit of £40m."),
        vec![]
    );
    assert_eq!(
        claims("Both retailers posted mixed results for December."),
        vec![]
    );
    let found = claims("The survey found that most drivers ignore the limit.");
    assert!(found.iter().any(|(cue, _, _)| cue == "found"), "{found:?}");
    let found = claims("The mayor posted a message on her website that the bridge would close.");
    assert!(found.iter().any(|(cue, _, _)| cue == "posted"), "{found:?}");
}

/// The "by" agent of a passive ends before an infinitive: "to be one of
/// the worst" is the content.
#[test]
fn a_passive_agent_ends_before_an_infinitive() {
    one(
        "Spyware is considered by security experts to be one of the worst threats.",
        "is considered",
        Some("security experts"),
        Some("to be one of the worst threats"),
    );
}

/// A time or a linking adverb that opens the sentence without a comma is
/// not part of the source.
#[test]
fn an_opening_time_or_adverb_is_not_the_source() {
    one(
        "Last month the watchdog said it would not oppose the sale.",
        "said",
        Some("the watchdog"),
        Some("it would not oppose the sale"),
    );
    one(
        "However the ferry company insisted the timetable would not change.",
        "insisted",
        Some("the ferry company"),
        Some("the timetable would not change"),
    );
}

/// The content of a quotation ends at its closing mark: the words after
/// it, up to the cue, name the speaker even where the source on its own
/// would stop short of them ("the Water and Sewerage Board", "Anna Berg,
/// head of ...").
#[test]
fn a_quotation_ends_before_the_attribution_after_it() {
    one(
        "\"The river will stay closed until the spring,\" the Water and Sewerage Board said in a statement.",
        "said in a statement",
        Some("the Water and Sewerage Board"),
        Some("\"The river will stay closed until the spring,\""),
    );
    one(
        "\"Ticket sales have never been better,\" Anna Berg, head of the festival's box office, said.",
        "said",
        Some("Anna Berg, head of the festival's box office"),
        Some("\"Ticket sales have never been better,\""),
    );
}

/// "According to SOURCE" with no comma after the source: the source ends
/// where a new phrase opens after a noun, not ten words on. With a comma,
/// a cue word inside the source ("press reports") is part of it.
#[test]
fn according_to_ends_its_source_without_a_comma() {
    one(
        "According to the police the driver was not hurt.",
        "According to",
        Some("the police"),
        Some("the driver was not hurt"),
    );
    one(
        "According to the regulator there were two million complaints last year.",
        "According to",
        Some("the regulator"),
        Some("there were two million complaints last year"),
    );
    one(
        "According to local press reports, the factory will close in March.",
        "According to",
        Some("local press reports"),
        Some("the factory will close in March"),
    );
}

/// "plans" after a preposition, its modifiers between, is a noun ("under
/// plans unveiled by", "over the restructuring plans"), no cue; a subject
/// still plans.
#[test]
fn plans_after_a_preposition_are_no_cue() {
    assert_eq!(
        claims("Shop owners could be fined under plans unveiled by the council."),
        vec![]
    );
    assert_eq!(
        claims("Staff were moved under the restructuring plans."),
        vec![]
    );
    one(
        "The council plans to close the depot.",
        "plans",
        Some("The council"),
        Some("to close the depot"),
    );
}

/// A phrase of time or circumstance that opens the sentence without a
/// comma is not part of the source: the subject starts after a time
/// ("On Tuesday", "In February 2004") or at the last determiner,
/// pronoun, honorific or name in the phrase.
#[test]
fn an_opening_phrase_without_a_comma_is_not_the_source() {
    one(
        "In November the British Medical Association said staff were overworked.",
        "said",
        Some("the British Medical Association"),
        Some("staff were overworked"),
    );
    one(
        "On Tuesday Labour chairman Ian McCartney said his party was ready.",
        "said",
        Some("Labour chairman Ian McCartney"),
        Some("his party was ready"),
    );
    one(
        "In February 2004 he said he was leaving the club.",
        "said",
        Some("he"),
        Some("he was leaving the club"),
    );
    one(
        "In a statement the charity said it had grave concerns.",
        "said",
        Some("the charity"),
        Some("it had grave concerns"),
    );
}

/// Where someone comes from, and their age, are appositions: the source
/// is the name before them.
#[test]
fn an_origin_after_a_name_is_no_source() {
    one(
        "Mr Mubanga, 32, from Wembley, London, said he was interrogated.",
        "said",
        Some("Mr Mubanga"),
        Some("he was interrogated"),
    );
    one(
        "Andrew Fisher, from Omaha, Nebraska, said he would have a go.",
        "said",
        Some("Andrew Fisher"),
        Some("he would have a go"),
    );
}

/// A relative pronoun is no source: the speaker is the noun it stands
/// for, and a clause set off by commas ends at the next comma. A weak cue
/// after "who", "which" or "all of whom" counts, as after any subject.
#[test]
fn the_source_of_a_relative_clause_is_its_antecedent() {
    one(
        "The mayor, who said the plan was dead, left early.",
        "said",
        Some("The mayor"),
        Some("the plan was dead"),
    );
    one(
        "Local employers such as Monsanto, which opposed the bill, stayed quiet.",
        "opposed",
        Some("Monsanto"),
        Some("the bill"),
    );
    one(
        "The council met Mr Reyes, who said the plan was fair.",
        "said",
        Some("Mr Reyes"),
        Some("the plan was fair"),
    );
    assert_eq!(
        claims("The senator praised Mr Reyes, who said the plan was fair."),
        vec![
            (
                "praised".to_owned(),
                Some("The senator".to_owned()),
                Some("Mr Reyes, who said the plan was fair".to_owned())
            ),
            (
                "said".to_owned(),
                Some("Mr Reyes".to_owned()),
                Some("the plan was fair".to_owned())
            ),
        ]
    );
    assert_eq!(
        claims("Two Democrats, both of whom opposed the deal, are backing the measure."),
        vec![
            (
                "opposed".to_owned(),
                Some("Two Democrats".to_owned()),
                Some("the deal".to_owned())
            ),
            (
                "are backing".to_owned(),
                Some("Two Democrats".to_owned()),
                Some("the measure".to_owned())
            ),
        ]
    );
}

/// After a relative clause that holds a claim of its own, the verb of
/// the sentence is the verb of the noun before the clause.
#[test]
fn the_verb_after_a_relative_clause_takes_the_noun_before_it() {
    assert_eq!(
        claims("Ms Warren, who has not endorsed a candidate, told reporters the race was close."),
        vec![
            (
                "has not endorsed".to_owned(),
                Some("Ms Warren".to_owned()),
                Some("a candidate".to_owned())
            ),
            (
                "told".to_owned(),
                Some("Ms Warren".to_owned()),
                Some("reporters the race was close".to_owned())
            ),
        ]
    );
}

/// Things more often than speakers stand before a weak cue after "that"
/// or "which sees": no claim.
#[test]
fn a_weak_cue_after_that_or_which_sees_is_no_claim() {
    assert_eq!(claims("It was a year that has seen prices double."), vec![]);
    assert_eq!(
        claims("The film, which sees the hero chase a fortune, opens on Friday."),
        vec![]
    );
}

/// "read" of a text that quotes: after a closing quotation and a short
/// subject at the end of the sentence, or before a quotation.
#[test]
fn a_text_that_reads_a_quotation() {
    one(
        "\u{201c}We will not give up,\u{201d} the statement read.",
        "read",
        Some("the statement"),
        Some("\u{201c}We will not give up,\u{201d}"),
    );
    one(
        "One message read \u{201c}Go home now\u{201d}.",
        "read",
        Some("One message"),
        Some("\u{201c}Go home now\u{201d}"),
    );
    one(
        "She wore a shirt that read: \u{201c}Vote for nobody.\u{201d}",
        "read:",
        Some("a shirt"),
        Some("\u{201c}Vote for nobody.\u{201d}"),
    );
}

/// A verb of saying after "and" or "but", with no claim before it in the
/// sentence, shares the subject of the clause before.
#[test]
fn a_second_verb_of_saying_takes_the_subject_of_the_clause() {
    one(
        "The minister visited the plant and said the closure was a mistake.",
        "said",
        Some("The minister"),
        Some("the closure was a mistake"),
    );
    one(
        "The senator left the hall but insisted the vote would pass.",
        "insisted",
        Some("The senator"),
        Some("the vote would pass"),
    );
}

/// "is expected to" after a relative pronoun or a conjunction is an
/// expectation without a source, as after a subject.
#[test]
fn an_expectation_after_which_or_but() {
    assert_eq!(
        claims(
            "The first rate rise, which is widely expected to come in December, worries markets."
        )
        .first()
        .cloned(),
        Some((
            "is widely expected".to_owned(),
            None,
            Some("to come in December".to_owned())
        ))
    );
    assert!(
        claims("She is moving to Los Angeles but is expected to continue on the show.").contains(
            &(
                "is expected".to_owned(),
                None,
                Some("to continue on the show".to_owned())
            )
        )
    );
}
