//! The result cache of `gloss check`, through the real binary: a run with
//! the cache prints exactly what a run without it prints, whatever changed
//! in between and whatever state the cache is in, and a run that changes
//! nothing reuses it.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::copy_dir;

const GLOSS: &str = env!("CARGO_BIN_EXE_gloss");
const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

/// The seed corpus with two `.ann` files removed (so there is plenty to
/// report) and one article without a publication date, in a temporary
/// directory.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        dir.path(),
    );
    let mut txts: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    txts.sort();
    assert!(txts.len() >= 4, "{txts:?}");
    for t in &txts[1..3] {
        std::fs::remove_file(t.with_extension("ann")).unwrap();
    }
    // Drop the last article's manifest table: it has no date.
    let last = txts[txts.len() - 1].file_name().unwrap().to_str().unwrap();
    let manifest = std::fs::read_to_string(dir.path().join("gloss.toml")).unwrap();
    let header = format!("[articles.\"{last}\"]");
    let at = manifest.find(&header).expect("the last article's table");
    let end = manifest[at + header.len()..]
        .find("\n[")
        .map_or(manifest.len(), |i| at + header.len() + i + 1);
    let cut = format!("{}{}", &manifest[..at], &manifest[end..]);
    std::fs::write(dir.path().join("gloss.toml"), cut).unwrap();
    dir
}

/// The article files of a corpus, sorted.
fn articles(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// `gloss check` in `root` with `args`, the default cache folder pointed
/// at `cache` (and no other cache folder reachable).
fn check(root: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(GLOSS)
        .arg("check")
        .args(args)
        .current_dir(root)
        .env("GLOSS_CACHE_DIR", cache)
        .env_remove("XDG_CACHE_HOME")
        .env_remove("NO_COLOR")
        .output()
        .expect("run gloss")
}

/// Run with the cache and without it; both print the same bytes and exit
/// with the same code. Returns the output.
fn same_as_uncached(root: &Path, cache: &Path, format: &str) -> Output {
    let args = ["--format", format, "--fail-on", "warning"];
    let cached = check(root, cache, &args);
    let mut plain_args = args.to_vec();
    plain_args.push("--no-cache");
    let plain = check(root, cache, &plain_args);
    assert!(
        cached.stdout == plain.stdout,
        "{format}: the cached report differs:\n{}",
        first_difference(&cached.stdout, &plain.stdout)
    );
    assert_eq!(cached.status.code(), plain.status.code(), "{format}");
    assert!(cached.status.code().is_some_and(|c| c < 2), "{cached:?}");
    cached
}

/// Where two reports part, for a failure message that fits on a screen.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let from = at.saturating_sub(200);
    format!(
        "at byte {at}:\n--- cached\n{}\n--- uncached\n{}",
        String::from_utf8_lossy(&a[from..(at + 200).min(a.len())]),
        String::from_utf8_lossy(&b[from..(at + 200).min(b.len())])
    )
}

/// The diagnostics of a JSON report on articles (`.txt` and `.ann` files).
fn article_diagnostics(json: &[u8]) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let f = d["file"].as_str().unwrap_or("");
            f.ends_with(".txt") || f.ends_with(".ann")
        })
        .cloned()
        .collect()
}

/// The cache files in a folder.
fn cache_files(cache: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(cache) {
        Ok(rd) => {
            let mut v: Vec<PathBuf> = rd.map(|e| e.unwrap().path()).collect();
            v.sort();
            v
        }
        Err(_) => Vec::new(),
    }
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

/// First run fills the cache, second reads it: both print what a run
/// without the cache prints, in every format, with colour too; the second
/// run leaves the file as it was (every entry used, none made).
#[test]
fn a_second_run_prints_the_same_bytes_in_every_format() {
    let dir = corpus();
    let cache = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let first = same_as_uncached(dir.path(), cache.path(), format);
        assert!(!first.stdout.is_empty(), "{format}");
        let files = cache_files(cache.path());
        let file = files
            .iter()
            .find(|p| p.to_string_lossy().ends_with(&format!("-{format}.bin")))
            .unwrap_or_else(|| panic!("no cache file for {format}: {files:?}"));
        #[cfg(unix)]
        let before = inode(file);
        let second = same_as_uncached(dir.path(), cache.path(), format);
        assert!(first.stdout == second.stdout, "{format}");
        assert!(second.stderr.is_empty(), "{second:?}");
        #[cfg(unix)]
        assert_eq!(
            inode(file),
            before,
            "{format}: an unchanged run rewrote the cache"
        );
    }
    assert_eq!(cache_files(cache.path()).len(), FORMATS.len());
    let colour = ["--format", "human", "--color", "always"];
    let a = check(dir.path(), cache.path(), &colour);
    let b = check(dir.path(), cache.path(), &colour);
    let mut plain = colour.to_vec();
    plain.push("--no-cache");
    let c = check(dir.path(), cache.path(), &plain);
    assert!(a.stdout.windows(2).any(|w| w == b"\x1b["), "no colour");
    assert!(a.stdout == b.stdout && a.stdout == c.stdout);
    // Nothing was written into the corpus.
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("bin")));
}

/// Each kind of edit shows in the next cached report: no stale result.
#[test]
fn every_input_of_an_article_invalidates_its_entry() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    let arts = articles(root);
    let warm = |what: &str| -> Vec<Vec<u8>> {
        FORMATS
            .iter()
            .map(|f| {
                let out = same_as_uncached(root, cache.path(), f);
                assert!(out.stderr.is_empty(), "{what} {f}: {out:?}");
                out.stdout
            })
            .collect()
    };
    let mut before = warm("first run");
    let mut step = |what: &str, edit: &dyn Fn(), shows: bool| {
        edit();
        let after = warm(what);
        // The JSON report shows the change (a missing `.ann` file and an
        // empty one may report alike).
        if shows {
            assert!(
                article_diagnostics(&before[1]) != article_diagnostics(&after[1]),
                "{what}: the articles' diagnostics did not change"
            );
        }
        before = after;
    };
    let txt = arts[1].clone();
    step(
        ".txt edited",
        &|| {
            let mut t = std::fs::read_to_string(&txt).unwrap();
            t.push_str("\nThe minister said on Tuesday that talks would resume.\n");
            std::fs::write(&txt, t).unwrap();
        },
        true,
    );
    let ann = arts[0].with_extension("ann");
    step(
        ".ann edited",
        &|| {
            let mut a = std::fs::read_to_string(&ann).unwrap();
            a.push_str("T999\tDate 0 3\tnot\n");
            std::fs::write(&ann, a).unwrap();
        },
        true,
    );
    step(
        ".ann emptied (missing before)",
        &|| {
            std::fs::write(arts[1].with_extension("ann"), "").unwrap();
        },
        false,
    );
    step(
        "registry edited",
        &|| {
            let p = root.join("entities.toml");
            let mut r = std::fs::read_to_string(&p).unwrap();
            // A second NATO: its mentions become ambiguous.
            r.push_str("\n[nato-2]\nkind = \"organization\"\nname = \"NATO\"\n");
            std::fs::write(p, r).unwrap();
        },
        true,
    );
    let manifest = root.join("gloss.toml");
    step(
        "manifest entry edited",
        &|| {
            // The date of an article without annotations: its relative
            // dates resolve to other values.
            let m = std::fs::read_to_string(&manifest).unwrap();
            let name = arts[2].file_name().unwrap().to_str().unwrap();
            let table = m
                .find(&format!("[articles.\"{name}\"]"))
                .expect("its table");
            let first = table + m[table..].find("published = ").expect("a date");
            let line_end = first + m[first..].find('\n').unwrap();
            let edited = format!("{}published = 2003-02-01{}", &m[..first], &m[line_end..]);
            std::fs::write(&manifest, edited).unwrap();
        },
        true,
    );
    step(
        "severity changed",
        &|| {
            let m = std::fs::read_to_string(&manifest).unwrap();
            let edited = m.replacen("[checks]\n", "[checks]\nunannotated-date = \"error\"\n", 1);
            assert_ne!(m, edited);
            std::fs::write(&manifest, edited).unwrap();
        },
        true,
    );
    step(
        "boilerplate pattern added",
        &|| {
            let m = std::fs::read_to_string(&manifest).unwrap();
            std::fs::write(
                &manifest,
                format!("[settings]\nboilerplate = [\"said\"]\n\n{m}"),
            )
            .unwrap();
        },
        true,
    );
}

/// An article without a publication date gets a fix that edits
/// `gloss.toml` where its text ends: editing another part of the manifest
/// moves that edit, and the cached JSON follows.
#[test]
fn the_missing_date_fix_follows_the_manifest_text() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    let first = same_as_uncached(root, cache.path(), "json");
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let edits_manifest = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-publication-date")
        .flat_map(|d| d["fixes"].as_array().cloned().unwrap_or_default())
        .flat_map(|f| f["edits"].as_array().cloned().unwrap_or_default())
        .any(|e| e["file"] == "gloss.toml");
    assert!(edits_manifest, "{v:#}");
    let manifest = root.join("gloss.toml");
    let m = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("# A longer comment at the top.\n{m}")).unwrap();
    let second = same_as_uncached(root, cache.path(), "json");
    assert!(first.stdout != second.stdout);
}

/// A deleted article leaves the report at once; its entry leaves the
/// cache when the file is rewritten, which happens once more than half of
/// it would be unused (here: when every article is deleted).
#[test]
fn a_deleted_article_is_gone_from_report_and_cache() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    let first = same_as_uncached(root, cache.path(), "json");
    let file = cache_files(cache.path()).pop().expect("a cache file");
    let size = std::fs::metadata(&file).unwrap().len();
    // The article without a date: one small entry among five.
    let gone = articles(root).pop().unwrap();
    let name = gone.file_name().unwrap().to_string_lossy().into_owned();
    assert!(String::from_utf8_lossy(&first.stdout).contains(&name));
    std::fs::remove_file(&gone).unwrap();
    let second = same_as_uncached(root, cache.path(), "json");
    assert!(!String::from_utf8_lossy(&second.stdout).contains(&name));
    assert_eq!(std::fs::metadata(&file).unwrap().len(), size);
    for a in articles(root) {
        std::fs::remove_file(&a).unwrap();
    }
    let last = same_as_uncached(root, cache.path(), "json");
    assert!(!String::from_utf8_lossy(&last.stdout).contains(".txt\""));
    let small = std::fs::metadata(&file).unwrap().len();
    assert!(small < size / 100, "{small} of {size}");
    assert_eq!(cache_files(cache.path()), vec![file]);
}

/// A run that changed one article adds its entry to the end of the cache
/// file (the file is not replaced, and grows by about that entry); runs
/// that change more replace it with one holding only what they used.
#[test]
#[cfg(unix)]
fn a_small_change_is_appended_and_a_large_one_rewrites() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    same_as_uncached(root, cache.path(), "json");
    let file = cache_files(cache.path()).pop().expect("a cache file");
    let (ino, size) = (inode(&file), std::fs::metadata(&file).unwrap().len());
    let arts = articles(root);
    let mut text = std::fs::read_to_string(&arts[0]).unwrap();
    text.push_str("\nTalks resumed on Tuesday.\n");
    std::fs::write(&arts[0], &text).unwrap();
    same_as_uncached(root, cache.path(), "json");
    assert_eq!(inode(&file), ino, "a one-article change rewrote the cache");
    let grown = std::fs::metadata(&file).unwrap().len();
    assert!(grown > size && grown < size * 2, "{size} -> {grown}");
    // Every article cut to one plain line, without annotations (which
    // would all be stale): more than half of the file unused.
    for a in &arts {
        std::fs::write(a, "Nothing to report.\n").unwrap();
        let _ = std::fs::remove_file(a.with_extension("ann"));
    }
    same_as_uncached(root, cache.path(), "json");
    assert_ne!(inode(&file), ino, "the cache was not rewritten");
    let rewritten = std::fs::metadata(&file).unwrap().len();
    assert!(rewritten < grown, "{grown} -> {rewritten}");
    same_as_uncached(root, cache.path(), "json");
    assert!(cache_files(cache.path()).len() == 1);
}

/// A damaged cache file (cut short, a flipped byte, garbage, empty) is
/// ignored with one line on standard error and rebuilt.
#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    same_as_uncached(root, cache.path(), "json");
    let file = cache_files(cache.path()).pop().expect("a cache file");
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    let damaged: [Vec<u8>; 4] = [
        good[..good.len() / 3].to_vec(),
        flipped,
        b"GLOSSCHK\x01\x00\x00\x00\x00\x00\x00\x00garbage that is not a cache".to_vec(),
        Vec::new(),
    ];
    for bad in damaged {
        std::fs::write(&file, &bad).unwrap();
        let out = same_as_uncached(root, cache.path(), "json");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().count() <= 1, "{err}");
        assert!(std::fs::read(&file).unwrap() == good, "not rebuilt");
        let again = same_as_uncached(root, cache.path(), "json");
        assert!(again.stderr.is_empty(), "{again:?}");
    }
}

/// A cache folder that cannot be written costs one line on standard error
/// at most, never the report or the exit code.
#[test]
fn an_unwritable_cache_folder_is_not_a_failure() {
    let dir = corpus();
    let root = dir.path();
    let tmp = tempfile::tempdir().unwrap();
    // A regular file where the folder should be: not writable even by root.
    let blocked = tmp.path().join("not-a-folder");
    std::fs::write(&blocked, "x").unwrap();
    for format in FORMATS {
        let out = same_as_uncached(root, &blocked, format);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("cache"), "{err}");
    }
    let below = blocked.join("below");
    let out = same_as_uncached(root, &below, "json");
    assert!(String::from_utf8_lossy(&out.stderr).lines().count() <= 1);
    // A folder without write permission (which root ignores).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tmp.path().join("read-only");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = same_as_uncached(root, &ro, "human");
        assert!(String::from_utf8_lossy(&out.stderr).lines().count() <= 1);
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// `--no-cache` reads and writes nothing; `--cache-dir` beats the
/// environment; the default folder is under `$XDG_CACHE_HOME`, never in
/// the corpus.
#[test]
fn where_the_cache_goes() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    let out = check(root, cache.path(), &["--no-cache", "--format", "json"]);
    assert!(out.status.code().is_some_and(|c| c < 2));
    assert!(cache_files(cache.path()).is_empty());

    let flag = tempfile::tempdir().unwrap();
    let flag_dir = flag.path().join("ci-cache");
    let out = check(
        root,
        cache.path(),
        &[
            "--format",
            "json",
            "--cache-dir",
            flag_dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.code().is_some_and(|c| c < 2));
    assert!(cache_files(cache.path()).is_empty());
    assert_eq!(cache_files(&flag_dir).len(), 1);

    let xdg = tempfile::tempdir().unwrap();
    let out = Command::new(GLOSS)
        .args(["check", "--format", "json"])
        .current_dir(root)
        .env_remove("GLOSS_CACHE_DIR")
        .env("XDG_CACHE_HOME", xdg.path())
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2));
    assert_eq!(cache_files(&xdg.path().join("gloss")).len(), 1);
    let corpus_files: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        corpus_files
            .iter()
            .all(|f| f.ends_with(".txt") || f.ends_with(".ann") || f.ends_with(".toml")),
        "{corpus_files:?}"
    );
}

/// Shards keep one file each; each shard's cached report is its uncached
/// one; two runs at once leave a cache that still gives the same report.
#[test]
fn shards_and_concurrent_runs() {
    let dir = corpus();
    let root = dir.path();
    let cache = tempfile::tempdir().unwrap();
    let mut with_articles = 0;
    for i in 1..=3 {
        let shard = format!("--shard={i}/3");
        for _ in 0..2 {
            let a = check(root, cache.path(), &["--format", "json", &shard]);
            let b = check(
                root,
                cache.path(),
                &["--format", "json", &shard, "--no-cache"],
            );
            assert!(a.stdout == b.stdout, "{shard}");
            assert_eq!(a.status.code(), b.status.code());
        }
        let out = check(root, cache.path(), &["--format", "json", &shard]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        with_articles += usize::from(v["summary"]["articles"].as_u64() > Some(0));
    }
    // One file per shard that has articles (an empty one has nothing to keep).
    assert!(with_articles >= 2, "the shards do not split the corpus");
    assert_eq!(cache_files(cache.path()).len(), with_articles);

    let together = tempfile::tempdir().unwrap();
    let spawn = || {
        Command::new(GLOSS)
            .args(["check", "--format", "sarif"])
            .current_dir(root)
            .env("GLOSS_CACHE_DIR", together.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.stdout == b.stdout);
    same_as_uncached(root, together.path(), "sarif");
    let leftovers: Vec<PathBuf> = cache_files(together.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
