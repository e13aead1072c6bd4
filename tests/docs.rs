//! The documentation keeps up with the code.

#[test]
fn every_diagnostic_code_is_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md"))
        .unwrap();
    for code in gloss::diagnostics::Code::ALL {
        assert!(
            doc.contains(&format!("| `{}` |", code.as_str())),
            "{} is not in docs/diagnostics.md",
            code.as_str()
        );
    }
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block: Vec<&str> = readme
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap()
        .lines()
        .collect();
    assert_eq!(block.len(), 2);
    assert!(block[0].starts_with("cargo run --release -- check seeds"));
    assert!(block[1].starts_with("bash scripts/test.sh"));
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.contains("bash scripts/test.sh"),
        ".ci/run runs the README's test command"
    );
}
