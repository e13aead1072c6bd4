//! The real `gloss` binary on bad input: a clear diagnostic (exit 1) or a
//! usage/I-O error (exit 2), never a panic (101), never a hang, and
//! `gloss check` / `gloss detect` never write to the corpus.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

const GLOSS: &str = env!("CARGO_BIN_EXE_gloss");

/// Run gloss with a time limit; a run past it is killed and fails the test.
fn run(args: &[&str], cwd: &Path, limit: Duration) -> Output {
    // A result cache of its own, never the developer's cache folder.
    let cache = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(GLOSS)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("GLOSS_CACHE_DIR", cache.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gloss");
    // Drain the pipes on threads so a large output cannot block the child.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut b).ok();
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut b).ok();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gloss {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    }
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("gloss was killed by a signal")
}

fn assert_no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_ne!(code(o), 101, "gloss panicked:\n{err}");
    assert!(!err.contains("panicked"), "gloss panicked:\n{err}");
}

/// Every file under `dir` with its contents and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_default();
                out.insert(p, (bytes, meta.modified().unwrap()));
            }
        }
    }
    out
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, bytes).unwrap();
}

/// A corpus with one of every kind of bad input.
fn bad_corpus(dir: &Path) {
    write(
        dir,
        "entities.toml",
        "# registry\n[nato]\nkind = \"organization\"\nname = \"NATO\"\naliases = [\"Robertson\"]\n\n\
         [george-robertson]\nkind = \"person\"\nname = \"George Robertson\"\naliases = [\"Robertson\"]\n\n\
         [mars]\nkind = \"planet\"\nname = \"Mars\"\n\n[nameless]\nkind = \"person\"\n",
    );
    write(
        dir,
        "gloss.toml",
        "[settings]\nexclude = [\"[\"]\nboilerplate = [\"(\"]\nfrobnicate = 1\n\n[checks]\nunknown-entity = \"loud\"\nno-such-check = \"off\"\n\n\
         [articles.\"ok.txt\"]\npublished = 2001-11-22\n\n[articles.\"bom.txt\"]\npublished = \"not a date\"\n",
    );
    let article =
        "MOSCOW, 21 November 2001 - Robertson said on Wednesday that NATO would meet next week.\n";
    write(dir, "ok.txt", article);
    // Not UTF-8.
    write(
        dir,
        "latin1.txt",
        b"Caf\xe9 au lait, 21 November 2001. \xff\xfe Robertson said so.\n",
    );
    write(dir, "latin1.ann", "T1\tPerson 36 45\tRobertson\n");
    // Byte-order mark, CRLF, lone CR.
    write(
        dir,
        "bom.txt",
        format!("\u{FEFF}{}", article.replace('\n', "\r\n")),
    );
    write(
        dir,
        "cr.txt",
        "Line one on Monday.\rLine two, 3 May 2002.\rRobertson said.\r",
    );
    // Empty.
    write(dir, "empty.txt", "");
    write(dir, "empty.ann", "");
    // Binary.
    let mut bin = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bin.extend((0..4096u32).map(|i| (i % 251) as u8));
    write(dir, "binary.txt", &bin);
    write(dir, "binary.ann", "T1\tDate 0 4\tELF\n");
    // Thousands of unbalanced quote marks.
    let quotes = format!(
        "{}Robertson said \"{}'{}\n",
        "\"".repeat(3000),
        "“ ".repeat(2000),
        "« » ‹ “".repeat(500)
    );
    write(dir, "quotes.txt", quotes);
    // Every kind of broken annotation.
    write(dir, "anns.txt", article);
    write(
        dir,
        "anns.ann",
        b"T1\tDate 27 43\t21 November 2001\r\n\
          N1\tReference T1 TIMEX3:2001-02-30\t21 November 2001\r\n\
          T2\tDate 20 10\treversed\r\n\
          T3\tDate 5000 5010\tpast the end\r\n\
          T4\tDate 0 6;3 9\toverlap\r\n\
          T1\tPerson 44 53\treused id\r\n\
          E1\tAttribution:T9 Cue:T8 Source:T7\r\n\
          R1\tRel Arg1:T1 Arg2:T99\r\n\
          N2\tReference T42 Registry:nato\tx\r\n\
          N3\tReference T1 Registry:no-such-entity\tx\r\n\
          this line is garbage\r\n\
          T5\tDate x y\tnot numbers\r\n\
          #1\tAnnotatorNotes T1\tkeep me\r\n\
          A1\tNegated E1\r\n\
          T6\tDate 0 6\tstale text\r\n\
          T7\tPerson 9 10\t\xff\xfe invalid utf-8",
    );
    // An `.ann` that is a directory and a `.txt` that is a directory.
    std::fs::create_dir_all(dir.join("dir.ann")).unwrap();
    write(dir, "dir.txt", article);
    std::fs::create_dir_all(dir.join("folder.txt")).unwrap();
    // A nested article and a hidden one.
    write(dir, "2001/nested.txt", article);
    write(dir, ".hidden/skip.txt", "\0\0\0");
}

#[test]
fn check_reports_every_kind_of_bad_input_and_checks_the_whole_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    bad_corpus(tmp.path());
    let o = run(
        &["check", ".", "--format", "json"],
        tmp.path(),
        Duration::from_secs(120),
    );
    assert_no_panic(&o);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON output");
    let diags = v["diagnostics"].as_array().unwrap();
    let has = |file: &str, code: &str| {
        diags
            .iter()
            .any(|d| d["file"].as_str().unwrap().ends_with(file) && d["code"] == code)
    };
    let codes_of = |file: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d["file"].as_str().unwrap().ends_with(file))
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    // Every diagnostic has a sane position.
    for d in diags {
        assert!(d["line"].as_u64().unwrap() >= 1, "{d}");
        assert!(d["column"].as_u64().unwrap() >= 1, "{d}");
        assert!(d["start"].as_u64() <= d["end"].as_u64(), "{d}");
    }
    // Registry: unknown kind, missing name, alias collision.
    assert!(
        codes_of("entities.toml").len() >= 3,
        "{:?}",
        codes_of("entities.toml")
    );
    assert!(has("entities.toml", "alias-collision"));
    // Manifest: bad glob, bad regex, unknown setting, bad severity, unknown check, bad date.
    assert!(
        codes_of("gloss.toml").len() >= 5,
        "{:?}",
        codes_of("gloss.toml")
    );
    // Not UTF-8: reported once.
    let latin = codes_of("latin1.txt");
    assert_eq!(
        latin.iter().filter(|c| *c == "invalid-text").count(),
        1,
        "{latin:?}"
    );
    // Binary: reported, not analysed.
    assert!(
        has("binary.txt", "invalid-text"),
        "{:?}",
        codes_of("binary.txt")
    );
    // Broken annotations, each reported.
    let anns = codes_of("anns.ann");
    assert!(
        anns.iter().filter(|c| *c == "malformed-annotation").count() >= 8,
        "{anns:?}"
    );
    assert!(anns.iter().any(|c| c == "invalid-timex-value"), "{anns:?}");
    assert!(anns.iter().any(|c| c == "unknown-entity-id"), "{anns:?}");
    assert!(anns.iter().any(|c| c == "stale-annotation"), "{anns:?}");
    // The unreadable `.ann` is reported and the rest still checked.
    assert!(!codes_of("dir.ann").is_empty() || !codes_of("dir.txt").is_empty());
    assert!(
        !codes_of("nested.txt").is_empty(),
        "the nested article was not checked"
    );
    assert!(!codes_of("ok.txt").is_empty());
    assert!(
        v["summary"]["articles"].as_u64().unwrap() >= 9,
        "{}",
        v["summary"]
    );
    // Nothing from hidden directories.
    assert!(codes_of("skip.txt").is_empty());

    // The other output formats cope with the same corpus.
    for f in ["human", "sarif", "github"] {
        let o = run(
            &["check", ".", "--format", f],
            tmp.path(),
            Duration::from_secs(120),
        );
        assert_no_panic(&o);
        assert_eq!(code(&o), 1, "--format {f}");
    }
}

#[test]
fn broken_toml_is_reported_with_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "entities.toml",
        "[nato]\nkind = \"organization\"\nname = \"NATO\n\n[x]\n",
    );
    write(
        tmp.path(),
        "gloss.toml",
        "[articles.\"a.txt\"\npublished = 2001-01-01\n",
    );
    write(tmp.path(), "a.txt", "Robertson said on 21 November 2001.\n");
    let o = run(
        &["check", "--format", "json"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_no_panic(&o);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let reg = diags
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("entities.toml"))
        .expect("registry syntax error");
    assert_eq!(reg["code"], "registry-syntax");
    assert_eq!(reg["line"], 3, "{reg}");
    assert!(reg["column"].as_u64().unwrap() > 1, "{reg}");
    let man = diags
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("gloss.toml"))
        .expect("manifest syntax error");
    assert_eq!(man["line"], 1, "{man}");
    // The article was still checked.
    assert!(diags
        .iter()
        .any(|d| d["file"].as_str().unwrap().ends_with("a.txt")));

    // Duplicate ids are a TOML error of their own.
    write(
        tmp.path(),
        "entities.toml",
        "[a]\nkind = \"person\"\nname = \"A\"\n\n[a]\nkind = \"person\"\nname = \"B\"\n",
    );
    let o = run(
        &["check", "--format", "json"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_no_panic(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "duplicate-entity-id"),
        "{v}"
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", "Hello.\n");
    for args in [
        vec!["check", "no/such/dir"],
        vec!["check", "--shard", "0/3"],
        vec!["check", "--shard", "x"],
        vec!["check", "--format", "xml"],
        vec!["check", "--frobnicate"],
        vec!["detect"],
        vec!["detect", "missing.txt"],
        vec!["detect", "a.txt", "--dct", "2001-02-30"],
        vec!["stats", "no/such/dir"],
        vec!["no-such-command"],
        vec![],
    ] {
        let o = run(&args, tmp.path(), Duration::from_secs(60));
        assert_no_panic(&o);
        assert_eq!(
            code(&o),
            2,
            "gloss {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stderr.is_empty(), "gloss {args:?}: no message");
    }
    let o = run(&["--help"], tmp.path(), Duration::from_secs(60));
    assert_eq!(code(&o), 0);
}

#[test]
fn check_detect_and_stats_never_write() {
    let tmp = tempfile::tempdir().unwrap();
    bad_corpus(tmp.path());
    // Make modification times distinguishable from a rewrite.
    std::thread::sleep(Duration::from_millis(50));
    let before = snapshot(tmp.path());
    let files: Vec<String> = ["ok.txt", "anns.txt", "latin1.txt", "bom.txt", "quotes.txt"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut runs: Vec<Vec<String>> = vec![
        vec!["check".into(), ".".into()],
        vec![
            "check".into(),
            ".".into(),
            "--format".into(),
            "sarif".into(),
        ],
        vec![
            "check".into(),
            "anns.txt".into(),
            "--fail-on".into(),
            "never".into(),
        ],
        vec!["stats".into(), ".".into()],
    ];
    let mut detect = vec!["detect".to_string()];
    detect.extend(files);
    runs.push(detect);
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run(&args, tmp.path(), Duration::from_secs(120));
        assert_no_panic(&o);
        assert!(matches!(code(&o), 0..=2), "gloss {args:?}");
    }
    let after = snapshot(tmp.path());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files appeared or vanished"
    );
    for (p, (bytes, mtime)) in &before {
        let (b2, m2) = &after[p];
        assert!(bytes == b2, "{} changed", p.display());
        assert_eq!(mtime, m2, "{} was rewritten", p.display());
    }
}

/// A 20 MB article on a single line (with non-ASCII text, so no fast path
/// for ASCII lines applies), with a few hundred annotations on it.
#[test]
fn a_20_mb_single_line_article_is_checked_in_bounded_time() {
    let tmp = tempfile::tempdir().unwrap();
    let unit = "naïve délégués met quietly without any announcement whatsoever; ";
    let mut text = String::with_capacity(20 << 20);
    while text.len() < 20 << 20 {
        text.push_str(unit);
    }
    let unit_chars = unit.chars().count();
    let mut ann = String::new();
    for i in 0..300 {
        let s = i * 997 * unit_chars;
        ann.push_str(&format!("T{}\tOther {} {}\tnaïve\n", i + 1, s, s + 5));
    }
    write(tmp.path(), "big.txt", &text);
    write(tmp.path(), "big.ann", &ann);
    let o = run(
        &["check", ".", "--format", "json"],
        tmp.path(),
        Duration::from_secs(240),
    );
    assert_no_panic(&o);
    assert!(matches!(code(&o), 0 | 1));
    let o = run(&["detect", "big.txt"], tmp.path(), Duration::from_secs(240));
    assert_no_panic(&o);
    assert_eq!(code(&o), 0);
}
