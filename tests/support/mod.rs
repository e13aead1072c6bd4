//! Helpers for tests that run the `gloss` binary on small corpora.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A corpus in a temporary directory, written from `(path, contents)` pairs.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new(files: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        for (p, c) in files {
            let path = dir.path().join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, c).unwrap();
        }
        Fixture { dir }
    }

    pub fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `gloss check --format json` on the whole fixture.
    pub fn check_json(&self) -> (i32, Value) {
        let out = gloss(
            &["check", "--format", "json", "--fail-on", "warning"],
            self.root(),
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "bad JSON ({e}): {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), v)
    }

    /// The diagnostics with a given code.
    pub fn diags(&self, code: &str) -> Vec<Value> {
        let (_, v) = self.check_json();
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .cloned()
            .collect()
    }
}

/// Run the gloss binary with `args` in `cwd`, with a result cache of its
/// own in a temporary folder (never the developer's cache folder).
pub fn gloss(args: &[&str], cwd: &Path) -> Output {
    let cache = tempfile::tempdir().expect("tempdir");
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(cwd)
        .env("GLOSS_CACHE_DIR", cache.path())
        .output()
        .expect("run gloss")
}

/// The text a diagnostic points at, in the file it names (offsets are code points).
pub fn covered(root: &Path, d: &Value) -> String {
    let text = std::fs::read_to_string(root.join(d["file"].as_str().unwrap())).unwrap();
    let (s, e) = (
        d["start"].as_u64().unwrap() as usize,
        d["end"].as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

/// Copy a directory tree (the seed corpus) into `dst`.
pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), to).unwrap();
        }
    }
}
