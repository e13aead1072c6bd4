//! Output formats, exit codes and the seed corpus, through the real binary.

mod support;

use std::path::Path;

use support::{copy_dir, gloss, Fixture};

fn seeds() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed corpus with every `.ann` file removed, in a temporary directory.
fn bare_seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&seeds().join("seeds"), dir.path());
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ann") {
            std::fs::remove_file(p).unwrap();
        }
    }
    dir
}

#[test]
fn seed_corpus_is_clean() {
    let out = gloss(&["check", "seeds"], seeds());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("in 5 articles"), "{stdout}");
}

#[test]
fn seed_corpus_without_annotations_fails_on_dates_and_claims_in_every_article() {
    let dir = bare_seeds();
    let out = gloss(&["check", "--format", "json", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    for article in [
        "000_7f5ff7dcfaacd7f0.txt",
        "001_40905b9287ca137d.txt",
        "002_ce54700e1f821155.txt",
        "003_1dfc487ad99042e6.txt",
        "004_06c5a9b171e481b9.txt",
    ] {
        for code in ["unannotated-date", "unannotated-claim"] {
            assert!(
                diags
                    .iter()
                    .any(|d| d["file"] == article && d["code"] == code),
                "no {code} in {article}"
            );
        }
    }
    // Every flagged date is one the reference annotation records, at the
    // same place. (Without the .ann files the Ignore regions are gone too, so
    // flags inside the reference's boilerplate regions are expected.)
    let mut missed = Vec::new();
    for d in diags.iter().filter(|d| d["code"] == "unannotated-date") {
        let ann = std::fs::read_to_string(
            seeds()
                .join("seeds")
                .join(d["file"].as_str().unwrap())
                .with_extension("ann"),
        )
        .unwrap();
        let (s, e) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
        let spans = |labels: &[&str]| -> Vec<(u64, u64)> {
            ann.lines()
                .filter_map(|l| l.split('\t').nth(1))
                .filter_map(|h| {
                    let (label, offsets) = h.split_once(' ')?;
                    labels.contains(&label).then_some(offsets)
                })
                .flat_map(|offsets| {
                    offsets
                        .split(';')
                        .filter_map(|f| {
                            let (a, b) = f.split_once(' ')?;
                            Some((a.parse().ok()?, b.parse().ok()?))
                        })
                        .collect::<Vec<(u64, u64)>>()
                })
                .collect()
        };
        let overlaps = |v: Vec<(u64, u64)>| v.iter().any(|&(a, b)| a < e && s < b);
        if !overlaps(spans(&["Date", "Time", "Duration", "Set"])) && !overlaps(spans(&["Ignore"])) {
            missed.push(format!("{}:{} {}", d["file"], d["line"], d["message"]));
        }
    }
    assert!(
        missed.is_empty(),
        "flagged dates that the seed annotations do not hold: {missed:#?}"
    );
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let dir = bare_seeds();
    let out = gloss(&["check", "--format", "sarif", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The published 2.1.0 schema has an unbalanced `]` in the pattern for
    // `run.language`, which strict validators refuse to compile; SARIF's
    // errata corrects it to the pattern used here. gloss never emits `language`.
    let schema_text =
        std::fs::read_to_string(seeds().join("tests/fixtures/sarif-schema-2.1.0.json"))
            .unwrap()
            .replace(
                "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
                "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
            );
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
    }
}

#[test]
fn github_output_is_one_workflow_command_per_diagnostic() {
    let dir = bare_seeds();
    let json = gloss(&["check", "--format", "json", "."], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let n = v["diagnostics"].as_array().unwrap().len();
    let out = gloss(&["check", "--format", "github", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let re = regex::Regex::new(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]+$").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), n);
    for l in lines {
        assert!(re.is_match(l), "not a workflow command: {l}");
    }
}

#[test]
fn human_output_shows_location_code_and_caret() {
    let f = Fixture::new(&[
        (
            "gloss.toml",
            "[articles.\"a.txt\"]\npublished = 2001-11-22\n",
        ),
        ("entities.toml", ""),
        ("a.txt", "Talks with Mr Kwasniewski ended.\n"),
    ]);
    let out = gloss(
        &["check", "--color", "never", "--fail-on", "hint"],
        f.root(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "--fail-on hint fails on a hint");
    assert!(
        text.contains("a.txt:1:15: hint[unknown-entity]: `Kwasniewski`"),
        "{text}"
    );
    assert!(
        text.contains("1 | Talks with Mr Kwasniewski ended."),
        "{text}"
    );
    assert!(text.contains("  |               ^^^^^^^^^^^\n"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = gloss(&["check", "does-not-exist"], seeds());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist"));
    let out = gloss(&["check", "--format", "yaml"], seeds());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn detect_prints_json_lines_with_code_point_offsets() {
    let out = gloss(
        &[
            "detect",
            "--dct",
            "2001-11-22",
            "seeds/001_40905b9287ca137d.txt",
        ],
        seeds(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["file"], "seeds/001_40905b9287ca137d.txt");
    let text: Vec<char> = std::fs::read_to_string(seeds().join("seeds/001_40905b9287ca137d.txt"))
        .unwrap()
        .chars()
        .collect();
    let mentions = v["mentions"].as_array().unwrap();
    let robertson = mentions
        .iter()
        .find(|m| m["entity"] == "george-robertson")
        .expect("Robertson is mentioned");
    let (s, e) = (
        robertson["start"].as_u64().unwrap() as usize,
        robertson["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        robertson["text"].as_str().unwrap()
    );
    for key in ["dates", "claims"] {
        assert!(v[key].is_array());
    }
}

#[test]
fn stats_report_completeness() {
    let out = gloss(&["stats", "seeds", "--format", "json"], seeds());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["corpus"]["articles"], 5);
    assert!(v["corpus"]["dates"]["annotated"].as_u64().unwrap() > 50);
    assert_eq!(v["corpus"]["completeness"], 1.0);
}
