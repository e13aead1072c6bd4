//! The command-line front end: `gloss check`, `detect`, `stats`, `eval`.

pub mod cache;
pub mod check;
pub mod detect;
pub mod format;
pub mod stats;
pub mod stream;

use std::path::{Path, PathBuf};

use gloss::corpus::Corpus;

/// An error that ends the command with exit code 2 (usage or I/O).
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A loaded corpus and the files or folders of it to report on (`None`: all).
pub type ScopedCorpus = (Corpus, Option<Vec<PathBuf>>);

/// A corpus opened without its articles (see [`Corpus::open_filtered`]),
/// its article files, and the files or folders of it to report on.
pub type OpenCorpus = (Corpus, Vec<(String, PathBuf)>, Option<Vec<PathBuf>>);

/// The corpora named by the paths on the command line: each path's corpus
/// root, and the files or folders of that corpus to report on (`None`:
/// the whole corpus).
pub fn corpora_for(
    paths: &[PathBuf],
    shard: Option<(u64, u64)>,
) -> Result<Vec<ScopedCorpus>, Fatal> {
    let mut out = Vec::new();
    for (root, scope) in roots_for(paths)? {
        let corpus = Corpus::load_filtered(&root, |rel| keep_in_shard(rel, shard))
            .map_err(|e| Fatal(format!("{}: {e}", root.display())))?;
        out.push((corpus, scope));
    }
    Ok(out)
}

/// Like [`corpora_for`], but the articles are listed, not read: for a
/// pass that reads them a chunk at a time.
pub fn open_corpora_for(
    paths: &[PathBuf],
    shard: Option<(u64, u64)>,
) -> Result<Vec<OpenCorpus>, Fatal> {
    let mut out = Vec::new();
    for (root, scope) in roots_for(paths)? {
        let (corpus, files) = Corpus::open_filtered(&root, |rel| keep_in_shard(rel, shard))
            .map_err(|e| Fatal(format!("{}: {e}", root.display())))?;
        out.push((corpus, files, scope));
    }
    Ok(out)
}

fn keep_in_shard(rel: &str, shard: Option<(u64, u64)>) -> bool {
    shard.is_none_or(|(i, n)| in_shard(rel, i, n))
}

/// A corpus root and the files or folders of it to report on (`None`: all).
type Scope = (PathBuf, Option<Vec<PathBuf>>);

/// The corpus roots of the paths on the command line, each with the files
/// or folders of it to report on (`None`: the whole corpus).
fn roots_for(paths: &[PathBuf]) -> Result<Vec<Scope>, Fatal> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut groups: Vec<Scope> = Vec::new();
    for p in &paths {
        if !p.exists() {
            return Err(Fatal(format!("{}: no such file or directory", p.display())));
        }
        let root = Corpus::find_root(p);
        let whole = p.is_dir() && same_dir(p, &root);
        let scope = if whole { None } else { Some(vec![p.clone()]) };
        match groups.iter_mut().find(|(r, _)| same_dir(r, &root)) {
            Some((_, existing)) => match (existing.as_mut(), scope) {
                (Some(list), Some(mut more)) => list.append(&mut more),
                _ => *existing = None,
            },
            None => groups.push((root, scope)),
        }
    }
    Ok(groups)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Whether a path belongs to shard `i` of `n` (1-based). The assignment
/// hashes the path relative to the corpus root, so it does not change when
/// other files are added or removed.
pub fn in_shard(rel: &str, i: u64, n: u64) -> bool {
    // FNV-1a: stable across platforms and versions, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in rel.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % n == i - 1
}

/// Parse `I/N` with 1 <= I <= N.
pub fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 2/8")?;
    let i: u64 = i.trim().parse().map_err(|_| "I in I/N must be a number")?;
    let n: u64 = n.trim().parse().map_err(|_| "N in I/N must be a number")?;
    if n == 0 || i == 0 || i > n {
        return Err("expected 1 <= I <= N".into());
    }
    Ok((i, n))
}

/// Whether a diagnostic's file falls inside one of the scopes: under a
/// named folder, or the named file (an article's `.txt` and `.ann` go together).
pub fn in_scope(path: &Path, scope: &Option<Vec<PathBuf>>) -> bool {
    let Some(list) = scope else { return true };
    list.iter().any(|s| {
        if s.is_dir() {
            path.starts_with(s) || same_prefix(path, s)
        } else {
            path == s || path.with_extension("") == s.with_extension("")
        }
    })
}

fn same_prefix(path: &Path, dir: &Path) -> bool {
    match (path.canonicalize(), dir.canonicalize()) {
        (Ok(p), Ok(d)) => p.starts_with(d),
        _ => false,
    }
}
