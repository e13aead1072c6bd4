//! One small corpus per diagnostic code, checked through the real binary.

mod support;

use support::{covered, Fixture};

const MANIFEST: &str = "[articles.\"a.txt\"]\npublished = 2001-11-22\n";

const REGISTRY: &str = r#"
[george-robertson]
kind = "person"
name = "George Robertson"
aliases = ["Lord Robertson"]
description = "NATO Secretary General"
roles = [{ title = "NATO Secretary General", from = 1999-10-14, to = 2004-01-01 }]

[sergei-ivanov]
kind = "person"
name = "Sergei Ivanov"

[igor-ivanov]
kind = "person"
name = "Igor Ivanov"
"#;

fn one(f: &Fixture, code: &str) -> serde_json::Value {
    let d = f.diags(code);
    assert_eq!(d.len(), 1, "expected one {code}, got {d:#?}");
    d[0].clone()
}

#[test]
fn unannotated_date_points_at_the_expression_and_proposes_its_value() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("a.txt", "Talks in Moscow ended yesterday without a deal.\n"),
    ]);
    let d = one(&f, "unannotated-date");
    assert_eq!(covered(f.root(), &d), "yesterday");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(23))
    );
    assert_eq!(d["severity"], "warning");
    let edit = &d["fixes"][0]["edits"][0];
    assert_eq!(edit["file"], "a.ann");
    assert_eq!(
        edit["new_text"],
        "T1\tDate 22 31\tyesterday\nN1\tReference T1 TIMEX3:2001-11-21\tyesterday\n"
    );
    let (code, _) = f.check_json();
    assert_eq!(code, 1, "an unannotated date fails the lint");
}

#[test]
fn annotated_date_is_not_reported() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("a.txt", "Talks in Moscow ended yesterday without a deal.\n"),
        (
            "a.ann",
            "T1\tDate 22 31\tyesterday\nN1\tReference T1 TIMEX3:2001-11-21\tyesterday\n",
        ),
    ]);
    let (code, v) = f.check_json();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v:#}");
    assert_eq!(code, 0);
}

#[test]
fn unannotated_claim_points_at_the_cue_and_proposes_source_cue_content() {
    let text = "\"We are ready to bring our positions closer,\" Lord Robertson said.\n";
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        ("a.txt", text),
    ]);
    let d = one(&f, "unannotated-claim");
    assert_eq!(covered(f.root(), &d), "said");
    let new = d["fixes"][0]["edits"][0]["new_text"].as_str().unwrap();
    assert!(new.contains("\tSource 46 60\tLord Robertson\n"), "{new}");
    assert!(new.contains("\tCue 61 65\tsaid\n"), "{new}");
    assert!(new.contains("\tContent "), "{new}");
    assert!(
        new.contains("\tReference T1 Registry:george-robertson\tLord Robertson"),
        "{new}"
    );
    assert!(
        new.lines()
            .any(|l| l.starts_with("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1")),
        "{new}"
    );
}

#[test]
fn ambiguous_mention_offers_each_candidate() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        ("a.txt", "Talks with Mr Ivanov went well.\n"),
    ]);
    let d = one(&f, "ambiguous-mention");
    assert_eq!(covered(f.root(), &d), "Ivanov");
    let titles: Vec<&str> = d["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[0].contains("sergei-ivanov") && titles[1].contains("igor-ivanov"),
        "{titles:?}"
    );
    let new = d["fixes"][1]["edits"][0]["new_text"].as_str().unwrap();
    assert_eq!(
        new,
        "T1\tPerson 14 20\tIvanov\nN1\tReference T1 Registry:igor-ivanov\tIvanov\n"
    );
}

#[test]
fn annotating_a_mention_resolves_the_ambiguity() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        ("a.txt", "Talks with Mr Ivanov went well.\n"),
        (
            "a.ann",
            "T1\tPerson 14 20\tIvanov\nN1\tReference T1 Registry:igor-ivanov\tIvanov\n",
        ),
    ]);
    assert!(f.diags("ambiguous-mention").is_empty());
}

#[test]
fn unknown_entity_is_a_hint_with_a_registry_fix() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        (
            "a.txt",
            "Talks with President Aleksander Kwasniewski went well.\n",
        ),
    ]);
    let d = one(&f, "unknown-entity");
    assert_eq!(covered(f.root(), &d), "Aleksander Kwasniewski");
    assert_eq!(d["severity"], "hint");
    let edit = &d["fixes"][0]["edits"][0];
    assert_eq!(edit["file"], "entities.toml");
    assert!(edit["new_text"].as_str().unwrap().contains(
        "[aleksander-kwasniewski]\nkind = \"person\"\nname = \"Aleksander Kwasniewski\""
    ));
    let (code, _) = f.check_json();
    assert_eq!(code, 0, "hints do not fail the lint at --fail-on warning");
}

#[test]
fn a_title_before_an_unknown_name_describes_the_new_entry() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        (
            "a.txt",
            "Talks with Culture Secretary Tessa Jowell went well.\n",
        ),
    ]);
    let d = one(&f, "unknown-entity");
    // The name, not the office: the entry must match "Tessa Jowell" in
    // every article, whatever office she holds there.
    assert_eq!(covered(f.root(), &d), "Tessa Jowell");
    assert_eq!(
        d["message"],
        "`Tessa Jowell` (Culture Secretary) looks like a person but is not in entities.toml"
    );
    assert_eq!(
        d["fixes"][0]["title"],
        "Add `Tessa Jowell` (Culture Secretary) to entities.toml as a person"
    );
    assert!(d["fixes"][0]["edits"][0]["new_text"]
        .as_str()
        .unwrap()
        .ends_with("name = \"Tessa Jowell\"\naliases = []\ndescription = \"Culture Secretary\"\n"));
}

#[test]
fn unknown_institution_reads_as_an_organization() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        (
            "a.txt",
            "The report reached the Securities and Exchange Commission late.\n",
        ),
    ]);
    let d = one(&f, "unknown-entity");
    assert_eq!(covered(f.root(), &d), "Securities and Exchange Commission");
    assert_eq!(
        d["message"],
        "`Securities and Exchange Commission` looks like an organization but is not in entities.toml"
    );
    assert_eq!(
        d["fixes"][0]["title"],
        "Add `Securities and Exchange Commission` to entities.toml as an organization"
    );
}

#[test]
fn a_name_with_nothing_of_a_person_gets_both_kinds_as_fixes() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        ("a.txt", "Shares in Wells Fargo rose on the news.\n"),
    ]);
    let d = one(&f, "unknown-entity");
    assert_eq!(covered(f.root(), &d), "Wells Fargo");
    assert_eq!(
        d["message"],
        "`Wells Fargo` looks like an organization or a person but is not in entities.toml"
    );
    let titles: Vec<&str> = d["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Add `Wells Fargo` to entities.toml as an organization",
            "Add `Wells Fargo` to entities.toml as a person",
        ]
    );
    let kinds: Vec<bool> = d["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["edits"][0]["new_text"]
                .as_str()
                .unwrap()
                .contains("kind = \"person\"")
        })
        .collect();
    assert_eq!(kinds, [false, true]);
}

#[test]
fn missing_publication_date_proposes_the_dateline() {
    let f = Fixture::new(&[(
        "a.txt",
        "Friday, 23 November, 2001, 01:27 GMT\nNato brings radical offer to Putin\n",
    )]);
    let d = one(&f, "missing-publication-date");
    assert_eq!(d["file"], "a.txt");
    let fix = &d["fixes"][0];
    assert_eq!(fix["edits"][0]["file"], "gloss.toml");
    assert_eq!(
        fix["edits"][0]["new_text"],
        "[articles.\"a.txt\"]\npublished = 2001-11-23\n"
    );
}

#[test]
fn stale_annotation_is_an_error_and_can_be_reanchored() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("a.txt", "He flew to Berlin, then to Moscow.\n"),
        ("a.ann", "T1\tLocation 11 17\tMoscow\n"),
    ]);
    let d = one(&f, "stale-annotation");
    assert_eq!(d["file"], "a.ann");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("Berlin"));
    assert_eq!(
        d["fixes"][0]["edits"][0]["new_text"],
        "T1\tLocation 27 33\tMoscow"
    );
}

#[test]
fn unknown_entity_id_points_at_the_reference() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", REGISTRY),
        ("a.txt", "Lord Robertson arrived.\n"),
        ("a.ann", "T1\tPerson 0 14\tLord Robertson\nN1\tReference T1 Registry:robertson\tLord Robertson\n"),
    ]);
    let d = one(&f, "unknown-entity-id");
    assert_eq!(covered(f.root(), &d), "Registry:robertson");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(17))
    );
}

#[test]
fn invalid_timex_value_rejects_impossible_dates() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("a.txt", "It happened yesterday.\n"),
        (
            "a.ann",
            "T1\tDate 12 21\tyesterday\nN1\tReference T1 TIMEX3:2001-02-30\tyesterday\n",
        ),
    ]);
    let d = one(&f, "invalid-timex-value");
    assert_eq!(covered(f.root(), &d), "TIMEX3:2001-02-30");
}

#[test]
fn malformed_annotation_names_line_and_column_and_keeps_checking() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("a.txt", "It happened yesterday.\n"),
        ("a.ann", "T1\tDate twelve 21\tyesterday\nT2\tDate 12 99\tx\nE1\tAttribution:T9 Cue:T3\nT3\tDate 12 21\tyesterday\nT3\tDate 12 21\tyesterday\n"),
    ]);
    let d = f.diags("malformed-annotation");
    let at: Vec<(u64, u64)> = d
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(at, vec![(1, 9), (2, 1), (3, 1), (5, 1)], "{d:#?}");
    assert!(d[1]["message"].as_str().unwrap().contains("past the end"));
    assert!(d[2]["message"].as_str().unwrap().contains("T9"));
    assert!(d[3]["message"].as_str().unwrap().contains("earlier line"));
}

#[test]
fn registry_syntax_error_has_line_and_column() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        (
            "entities.toml",
            "[nato]\nkind = \"organization\"\nname = \n",
        ),
        ("a.txt", "x\n"),
    ]);
    let d = one(&f, "registry-syntax");
    assert_eq!(d["file"], "entities.toml");
    assert_eq!(d["line"].as_u64(), Some(3));
    let (code, _) = f.check_json();
    assert_eq!(code, 1);
}

#[test]
fn duplicate_entity_ids_are_reported() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", "[nato]\nkind = \"organization\"\nname = \"NATO\"\n\n[nato]\nkind = \"organization\"\nname = \"Nato\"\n"),
        ("a.txt", "x\n"),
    ]);
    let d = one(&f, "duplicate-entity-id");
    assert_eq!(d["line"].as_u64(), Some(5));
}

#[test]
fn invalid_entity_kinds_are_reported_at_their_entry() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        (
            "entities.toml",
            "[mars]\nkind = \"planet\"\nname = \"Mars\"\n",
        ),
        ("a.txt", "x\n"),
    ]);
    let d = one(&f, "invalid-entity");
    assert_eq!(covered(f.root(), &d), "[mars]");
    assert!(d["message"].as_str().unwrap().contains("planet"));
}

#[test]
fn alias_collisions_are_reported() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("entities.toml", "[a]\nkind = \"person\"\nname = \"Ann Smith\"\naliases = [\"Smith\"]\n[b]\nkind = \"person\"\nname = \"Bob Smith\"\naliases = [\"Smith\"]\n"),
        ("a.txt", "x\n"),
    ]);
    let d = one(&f, "alias-collision");
    assert_eq!(covered(f.root(), &d), "[b]");
}

#[test]
fn manifest_errors_have_positions() {
    let f = Fixture::new(&[
        ("gloss.toml", "[checks]\nunannotated-date = \"loud\"\n"),
        ("a.txt", "x\n"),
    ]);
    let d = one(&f, "manifest-error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(1))
    );
    let f = Fixture::new(&[("gloss.toml", "[checks\n"), ("a.txt", "x\n")]);
    let d = one(&f, "manifest-error");
    assert_eq!(d["line"].as_u64(), Some(1));
}

#[test]
fn invalid_utf8_is_reported_once_and_the_rest_still_checked() {
    let f = Fixture::new(&[
        ("gloss.toml", MANIFEST),
        ("b.txt", "Talks ended yesterday.\n"),
    ]);
    std::fs::write(f.path("a.txt"), b"caf\xe9 talks ended yesterday.\n").unwrap();
    let d = one(&f, "invalid-text");
    assert_eq!(d["file"], "a.txt");
    assert_eq!(
        f.diags("unannotated-date").len(),
        2,
        "both articles are still checked"
    );
}

#[test]
fn severities_can_be_changed_or_turned_off_in_the_manifest() {
    let m =
        format!("[checks]\nunannotated-date = \"error\"\nunknown-entity = \"off\"\n\n{MANIFEST}");
    let f = Fixture::new(&[
        ("gloss.toml", &m),
        ("a.txt", "Mr Kwasniewski arrived yesterday.\n"),
    ]);
    assert_eq!(one(&f, "unannotated-date")["severity"], "error");
    assert!(f.diags("unknown-entity").is_empty());
}

#[test]
fn ignore_regions_and_boilerplate_patterns_are_not_linted() {
    let m = format!("[settings]\nboilerplate = [\"^Sign up\"]\n\n{MANIFEST}");
    let f = Fixture::new(&[
        ("gloss.toml", &m),
        ("a.txt", "Since July 1, 2024, no ads.\nSign up today for our newsletter.\nReal news: talks ended yesterday.\n"),
        ("a.ann", "T1\tIgnore 0 27\tSince July 1, 2024, no ads.\n"),
    ]);
    let d = f.diags("unannotated-date");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(covered(f.root(), &d[0]), "yesterday");
}
