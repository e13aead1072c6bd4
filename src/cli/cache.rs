//! The result cache of `gloss check`: each article's rendered report (the
//! bytes of its `.txt` and `.ann` files' diagnostics in one output format,
//! with their counts by severity), keyed by a 128-bit hash of everything
//! that output depends on. An article whose key is in the cache is read
//! and hashed, not analysed or rendered again.
//!
//! The key of an article ([`Store::key`]) covers:
//! - gloss's version and the identity of the sources it was built from
//!   (`build.rs`: a hash of `src/`, `Cargo.toml`, `Cargo.lock` and the
//!   compiler's version), so a build of changed sources never serves the
//!   results of another, and the same sources built again share them;
//! - the output format (which also fixes how much of each fix is built and
//!   whether source lines are shown) and the colour flag;
//! - the registry's path and text: the mention matcher, the claim detector,
//!   the resolution of `.ann` references and the registry fixes (their
//!   edits are located in the registry text) all come from it;
//! - the manifest's path, the severity of every diagnostic code and the
//!   boilerplate patterns (the corpus-wide settings an analysis reads);
//! - the article's path (as given, hence as displayed) and its path
//!   relative to the root, the `.txt` bytes and the `.ann` bytes (a missing
//!   `.ann` file and an empty one hash differently);
//! - the article's manifest entry: its publication date, and when it has
//!   none, where its table is. The missing-date diagnostic then carries a
//!   fix that edits `gloss.toml` at a position that depends on the whole
//!   manifest text, so for the formats that print edits (JSON, SARIF) the
//!   manifest text is part of the key of every article without a date.
//!
//! The analysis of an article reads nothing of other articles (a corpus
//! opened for `check` holds none), so no key needs another article. The
//! corpus's own diagnostics (registry, manifest, unreadable folders) and
//! articles that cannot be read are not cached: they are computed every run.
//!
//! The file, one per corpus root, output format and shard (see
//! [`file_name`]), in the user's cache folder unless told otherwise:
//!
//! ```text
//! header    "GLOSSCHK" (8 bytes), format version (u32 LE), 0 (u32)
//! segment+  record*, then its trailer: the records' length in bytes and
//!           their number (u64 LE each), and the XXH3-128 of the records,
//!           length and number (16 bytes LE)
//! record    key (16 bytes), then for the .txt and the .ann side:
//!           counts of errors, warnings, infos, hints (4 x u64 LE),
//!           highest severity (u8), length of the rendered bytes (u64 LE);
//!           then the .txt bytes and the .ann bytes
//! ```
//!
//! A run that changes little appends its new records as one segment; one
//! that would leave more than half of the file unused writes a new file
//! with one segment and renames it over the old (see
//! [`CorpusCache::finish`]). The file is mapped, each segment checked
//! against its checksum (from the last, through its trailer) and indexed
//! without copying the rendered bytes, which are written to the report
//! straight from the mapping. Anything wrong with it (missing, truncated,
//! corrupt, written by another format version, unwritable folder) makes
//! the cache empty or unsaved, never the report different.

use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3};

use gloss::corpus::Corpus;
use gloss::diagnostics::{Code, Severity};
use gloss::fsutil::PendingFile;

const MAGIC: &[u8; 8] = b"GLOSSCHK";
/// The layout of the file; a file of another version is ignored.
const VERSION: u32 = 2;
const HEADER: usize = 16;
/// A segment's trailer: records' length, count, checksum.
const TRAILER: usize = 8 + 8 + 16;
/// Counts, highest severity and length of one side of a record.
const SIDE: usize = 4 * 8 + 1 + 8;
/// A record with no rendered bytes.
const MIN_RECORD: usize = 16 + 2 * SIDE;

/// Where the cache files go and what identifies this build of gloss.
#[derive(Debug, Clone)]
pub struct Settings {
    pub dir: PathBuf,
    build: Vec<u8>,
}

impl Settings {
    /// The cache settings of a run: `None` when the cache is turned off or
    /// no folder can be named. The folder is `dir` (`--cache-dir`), else
    /// `$GLOSS_CACHE_DIR`, else `$XDG_CACHE_HOME/gloss`, else
    /// `$HOME/.cache/gloss`.
    pub fn resolve(no_cache: bool, dir: Option<&Path>) -> Option<Settings> {
        if no_cache {
            return None;
        }
        let env_dir = |var: &str| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = match dir {
            Some(d) => d.to_owned(),
            None => env_dir("GLOSS_CACHE_DIR")
                .or_else(|| {
                    // The XDG specification ignores relative paths.
                    env_dir("XDG_CACHE_HOME")
                        .filter(|d| d.is_absolute())
                        .map(|d| d.join("gloss"))
                })
                .or_else(|| env_dir("HOME").map(|h| h.join(".cache").join("gloss")))?,
        };
        Some(Settings {
            dir,
            build: build_identity(),
        })
    }
}

/// gloss's version and the identity of the sources it was built from
/// (`GLOSS_BUILD_ID`, see `build.rs`): a build of changed sources is
/// another build whatever its version says, while the same sources built
/// again (a CI job installing gloss on every run) find their results.
fn build_identity() -> Vec<u8> {
    let mut id = Vec::new();
    let mut f = Fields(&mut id);
    f.bytes(env!("CARGO_PKG_VERSION").as_bytes());
    f.bytes(env!("GLOSS_BUILD_ID").as_bytes());
    id
}

/// Length-prefixed fields into a hash (or a buffer), so that no two
/// different sequences of fields give the same input.
struct Fields<'a, W: Feed>(&'a mut W);

trait Feed {
    fn feed(&mut self, b: &[u8]);
}

impl Feed for Xxh3 {
    fn feed(&mut self, b: &[u8]) {
        self.update(b);
    }
}

impl Feed for Vec<u8> {
    fn feed(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

impl<W: Feed> Fields<'_, W> {
    fn u64(&mut self, n: u64) {
        self.0.feed(&n.to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.feed(b);
    }

    fn path(&mut self, p: Option<&Path>) {
        match p {
            Some(p) => {
                self.u64(1);
                self.bytes(p.as_os_str().as_encoded_bytes());
            }
            None => self.u64(0),
        }
    }
}

/// The name of the cache file of a corpus for one output format (with or
/// without colour) and shard: one file each, so that alternating formats,
/// or shards sharing a folder, do not evict each other's entries.
pub fn file_name(root: &Path, format: &str, shard: Option<(u64, u64)>) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(root))
            .unwrap_or_else(|_| root.to_owned())
    });
    let mut name = format!(
        "check-{:016x}-{format}",
        xxh3_64(root.as_os_str().as_encoded_bytes())
    );
    if let Some((i, n)) = shard {
        name.push_str(&format!("-shard{i}of{n}"));
    }
    name.push_str(".bin");
    name
}

/// One file's cached rendering: counts by severity (error, warning, info,
/// hint), the highest severity and where its bytes are in the buffer.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub counts: [usize; 4],
    pub max: Option<Severity>,
    pub bytes: Range<usize>,
}

/// An article's cached rendering: its `.txt` side, then its `.ann` side.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The whole record in the buffer, copied as it is when kept.
    record: Range<usize>,
    pub sides: [Side; 2],
}

/// The cache of one corpus as loaded, and what its keys are made of.
#[derive(Debug)]
pub struct Store {
    buf: Loaded,
    entries: FxHashMap<u128, Entry>,
    /// The part of every key that is the same for the whole corpus.
    base: u128,
    /// The manifest's text, hashed (see the module documentation).
    manifest_text: u128,
    /// Whether the format prints fixes' edits.
    full_fixes: bool,
}

impl Store {
    /// Key the articles of `corpus` for an output `format` (which also
    /// names colour) and load the cache file at `path`. A file that cannot
    /// be used is an empty cache; the returned note says why when that is
    /// worth a line on standard error.
    fn load(
        settings: &Settings,
        corpus: &Corpus,
        format: &str,
        full_fixes: bool,
        path: &Path,
    ) -> (Store, Option<String>) {
        let mut h = Xxh3::new();
        let mut f = Fields(&mut h);
        f.bytes(b"gloss check cache");
        f.bytes(&settings.build);
        f.bytes(format.as_bytes());
        f.u64(u64::from(full_fixes));
        f.path(corpus.registry.path.as_deref());
        f.bytes(corpus.registry.source.as_bytes());
        f.path(corpus.manifest.path.as_deref());
        for &code in Code::ALL {
            f.bytes(code.as_str().as_bytes());
            f.u64(severity_byte(Some(corpus.manifest.severity(code))).into());
        }
        f.u64(corpus.manifest.boilerplate.len() as u64);
        for r in &corpus.manifest.boilerplate {
            f.bytes(r.as_str().as_bytes());
        }
        let base = h.digest128();
        let mut store = Store {
            buf: Loaded::Read(Vec::new()),
            entries: FxHashMap::default(),
            base,
            manifest_text: xxh3_128(corpus.manifest.source.as_bytes()),
            full_fixes,
        };
        let buf = match Loaded::open(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (store, None),
            Err(e) => {
                return (
                    store,
                    Some(format!("cache {} not read: {e}", path.display())),
                )
            }
        };
        match parse(&buf) {
            Ok(entries) => {
                store.entries = entries;
                store.buf = buf;
                (store, None)
            }
            // Written by another version of gloss: replaced without a word.
            Err(Unusable::Foreign) => (store, None),
            Err(Unusable::Corrupt) => (
                store,
                Some(format!(
                    "cache {} is damaged; ignored and rebuilt",
                    path.display()
                )),
            ),
        }
    }

    /// The key of an article: see the module documentation.
    pub fn key(
        &self,
        corpus: &Corpus,
        rel: &str,
        path: &Path,
        txt: &[u8],
        ann: Option<&[u8]>,
    ) -> u128 {
        let mut h = Xxh3::new();
        let mut f = Fields(&mut h);
        f.bytes(&self.base.to_le_bytes());
        f.bytes(path.as_os_str().as_encoded_bytes());
        f.bytes(rel.as_bytes());
        f.bytes(txt);
        match ann {
            Some(a) => {
                f.u64(1);
                f.bytes(a);
            }
            None => f.u64(0),
        }
        let meta = corpus.manifest.article(rel);
        let published = meta.and_then(|m| m.published);
        match meta {
            Some(m) => {
                f.u64(1);
                match published {
                    Some(d) => {
                        f.u64(1);
                        f.bytes(d.to_string().as_bytes());
                    }
                    None => {
                        f.u64(0);
                        f.u64(m.def_range.start as u64);
                        f.u64(m.def_range.end as u64);
                    }
                }
            }
            None => f.u64(0),
        }
        if published.is_none() && self.full_fixes {
            f.bytes(&self.manifest_text.to_le_bytes());
        }
        h.digest128()
    }

    pub fn get(&self, key: u128) -> Option<&Entry> {
        self.entries.get(&key)
    }

    /// The bytes of a side of an entry of this store.
    pub fn bytes(&self, side: &Side) -> &[u8] {
        self.buf.get(side.bytes.clone()).unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}

fn severity_byte(s: Option<Severity>) -> u8 {
    match s {
        None => 0,
        Some(Severity::Off) => 1,
        Some(Severity::Hint) => 2,
        Some(Severity::Info) => 3,
        Some(Severity::Warning) => 4,
        Some(Severity::Error) => 5,
    }
}

fn severity_of(b: u8) -> Option<Option<Severity>> {
    Some(match b {
        0 => None,
        1 => Some(Severity::Off),
        2 => Some(Severity::Hint),
        3 => Some(Severity::Info),
        4 => Some(Severity::Warning),
        5 => Some(Severity::Error),
        _ => return None,
    })
}

/// A cache file in memory: mapped (read in place from the page cache,
/// without copying it into fresh pages: for a 50 MB file that copy and its
/// page faults were most of a run that changed nothing), or read whole
/// where it cannot be mapped.
#[derive(Debug)]
enum Loaded {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl Loaded {
    fn open(path: &Path) -> std::io::Result<Loaded> {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.len() == 0 {
            return Ok(Loaded::Read(Vec::new()));
        }
        // SAFETY: the mapping is undefined only if the mapped bytes change
        // or the file shrinks while mapped. gloss never does either to a
        // cache file: it appends segments past the end (outside this
        // mapping) or renames a new file over it (`PendingFile`), which
        // leaves this mapping on the old file. The contents are checked
        // against their checksums before use; only another program
        // rewriting or truncating the file in place during a run could
        // still change them.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(m) => Ok(Loaded::Mapped(m)),
            Err(_) => std::fs::read(path).map(Loaded::Read),
        }
    }
}

impl std::ops::Deref for Loaded {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Loaded::Mapped(m) => m,
            Loaded::Read(v) => v,
        }
    }
}

/// Why a cache file is not used.
#[derive(Debug, PartialEq)]
enum Unusable {
    /// Another layout version (or not a cache file of gloss at all).
    Foreign,
    /// Truncated, or its contents do not match its checksum.
    Corrupt,
}

/// Index a cache file: every record by its key (a later segment's record
/// wins over an earlier one's), every length checked against what is left
/// of the file before anything is sliced or reserved. Segments are read
/// from the end, each through the trailer that follows it.
fn parse(buf: &[u8]) -> Result<FxHashMap<u128, Entry>, Unusable> {
    if buf.len() < HEADER || &buf[..8] != MAGIC {
        return Err(Unusable::Foreign);
    }
    if buf[8..12] != VERSION.to_le_bytes() {
        return Err(Unusable::Foreign);
    }
    if buf[12..16] != [0; 4] {
        return Err(Unusable::Corrupt);
    }
    let mut entries = FxHashMap::default();
    let mut end = buf.len();
    // A file holds at least one segment (it may be empty).
    loop {
        if end - HEADER < TRAILER {
            return Err(Unusable::Corrupt);
        }
        let trailer = end - TRAILER;
        let len = read_u64(buf, trailer).ok_or(Unusable::Corrupt)?;
        let count = read_u64(buf, trailer + 8).ok_or(Unusable::Corrupt)?;
        let sum = read_u128(buf, trailer + 16).ok_or(Unusable::Corrupt)?;
        let start = usize::try_from(len)
            .ok()
            .and_then(|len| trailer.checked_sub(len))
            .filter(|&s| s >= HEADER)
            .ok_or(Unusable::Corrupt)?;
        if xxh3_128(&buf[start..trailer + 16]) != sum {
            return Err(Unusable::Corrupt);
        }
        // A count the segment cannot hold is not believed (nor reserved for).
        if count > ((trailer - start) / MIN_RECORD) as u64 {
            return Err(Unusable::Corrupt);
        }
        entries.reserve(count as usize);
        segment(buf, start, trailer, count, &mut entries)?;
        if start == HEADER {
            return Ok(entries);
        }
        end = start;
    }
}

/// The `count` records between `at` and `end`, which they must fill; keys
/// already indexed (from later segments) are kept.
fn segment(
    buf: &[u8],
    mut at: usize,
    end: usize,
    count: u64,
    entries: &mut FxHashMap<u128, Entry>,
) -> Result<(), Unusable> {
    for _ in 0..count {
        let start = at;
        if end.saturating_sub(at) < 16 {
            return Err(Unusable::Corrupt);
        }
        let key = read_u128(buf, at).ok_or(Unusable::Corrupt)?;
        at += 16;
        let mut heads = [(0usize, [0usize; 4], None); 2];
        for head in &mut heads {
            let mut counts = [0usize; 4];
            for c in &mut counts {
                *c = read_len(buf, at, end)?;
                at += 8;
            }
            let max = buf
                .get(at)
                .filter(|_| at < end)
                .copied()
                .and_then(severity_of)
                .ok_or(Unusable::Corrupt)?;
            at += 1;
            let len = read_len(buf, at, end)?;
            at += 8;
            *head = (len, counts, max);
        }
        let mut sides = heads.map(|(len, counts, max)| Side {
            counts,
            max,
            bytes: 0..len,
        });
        for side in &mut sides {
            let len = side.bytes.end;
            if len > end.saturating_sub(at) {
                return Err(Unusable::Corrupt);
            }
            side.bytes = at..at + len;
            at += len;
        }
        entries.entry(key).or_insert(Entry {
            record: start..at,
            sides,
        });
    }
    if at != end {
        return Err(Unusable::Corrupt);
    }
    Ok(())
}

fn read_u64(buf: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = buf.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

fn read_u128(buf: &[u8], at: usize) -> Option<u128> {
    let b: [u8; 16] = buf.get(at..at.checked_add(16)?)?.try_into().ok()?;
    Some(u128::from_le_bytes(b))
}

/// A length or count field, which must lie before `end` and cannot be
/// larger than the file.
fn read_len(buf: &[u8], at: usize, end: usize) -> Result<usize, Unusable> {
    if at + 8 > end {
        return Err(Unusable::Corrupt);
    }
    let n = read_u64(buf, at).ok_or(Unusable::Corrupt)?;
    usize::try_from(n)
        .ok()
        .filter(|&n| n <= end)
        .ok_or(Unusable::Corrupt)
}

/// What this run does to the cache file: the records it used (kept where
/// they are) and the ones it made. Made records are held while they may
/// still be appended to the loaded file as a new segment; past
/// [`APPEND_MAX`] bytes, or when the file must be rewritten, they go to a
/// new file as they come, so a cold run does not hold the whole report
/// twice, and kept records are copied into it from the loaded buffer at
/// the end.
#[derive(Default)]
struct Update {
    kept: Vec<Range<usize>>,
    kept_bytes: u64,
    /// Records made and not yet written anywhere.
    pending: Vec<u8>,
    /// The new file, when the cache is rewritten: the hash of its one
    /// segment so far and the segment's length.
    file: Option<(PendingFile, Xxh3, u64)>,
    made: u64,
    made_bytes: u64,
    failed: Option<String>,
}

/// Made records held for an append at most; past this the file is
/// rewritten (a run that changed this much is not a small update).
const APPEND_MAX: usize = 8 << 20;

impl Update {
    /// Write records to the new file's segment.
    fn put(&mut self, b: &[u8]) {
        if let Some((file, h, len)) = &mut self.file {
            h.update(b);
            *len += b.len() as u64;
            if let Err(e) = file.write_all(b) {
                self.fail(format!("cache not saved: {e}"));
            }
        }
    }

    fn fail(&mut self, why: String) {
        // Dropping the pending file removes it.
        self.file = None;
        self.failed.get_or_insert(why);
    }

    /// Open the new file and move the records held so far into it, unless
    /// that failed before.
    fn start(&mut self, path: &Path) {
        if self.file.is_some() || self.failed.is_some() {
            return;
        }
        let opened = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| PendingFile::create(path))
            .and_then(|mut f| {
                f.write_all(MAGIC)?;
                f.write_all(&VERSION.to_le_bytes())?;
                f.write_all(&0u32.to_le_bytes())?;
                Ok(f)
            });
        match opened {
            Ok(f) => {
                self.file = Some((f, Xxh3::new(), 0));
                let pending = std::mem::take(&mut self.pending);
                self.put(&pending);
            }
            Err(e) => self.fail(format!("cache not saved in {}: {e}", path.display())),
        }
    }
}

/// A segment's trailer: its records' length and count, and the XXH3-128
/// of its records, length and count.
fn trailer(len: u64, count: u64, h: &mut Xxh3) -> Vec<u8> {
    let mut t = Vec::with_capacity(TRAILER);
    t.extend_from_slice(&len.to_le_bytes());
    t.extend_from_slice(&count.to_le_bytes());
    h.update(&t);
    t.extend_from_slice(&h.digest128().to_le_bytes());
    t
}

/// Add a segment of `count` records to the end of the cache file at
/// `path`, in one write: a run at the same time that replaces the file
/// leaves this segment on the replaced file, which is harmless, and a
/// segment cut short by a crash makes the file damaged, hence rebuilt.
fn append(path: &Path, records: &[u8], count: u64) -> std::io::Result<()> {
    let mut segment = Vec::with_capacity(records.len() + TRAILER);
    segment.extend_from_slice(records);
    let mut h = Xxh3::new();
    h.update(records);
    segment.extend_from_slice(&trailer(records.len() as u64, count, &mut h));
    let mut f = std::fs::OpenOptions::new().append(true).open(path)?;
    f.write_all(&segment)
}

/// One corpus's cache for one run: the loaded file, and the file this run
/// writes in its place.
pub struct CorpusCache {
    pub store: Store,
    pub writer: CacheWriter,
    /// Why the loaded file was not used, if that is worth saying.
    pub note: Option<String>,
}

/// What a run used of the loaded cache and what it made: the new file.
pub struct CacheWriter {
    path: PathBuf,
    update: Update,
}

/// One side of an article as rendered now, for [`CorpusCache::made`].
pub struct Made<'a> {
    pub bytes: &'a [u8],
    pub counts: [usize; 4],
    pub max: Option<Severity>,
}

impl CorpusCache {
    /// The cache of `corpus` for an output `format` (its name, with the
    /// colour flag for the human format) and shard.
    pub fn open(
        settings: &Settings,
        corpus: &Corpus,
        format: &str,
        full_fixes: bool,
        shard: Option<(u64, u64)>,
    ) -> CorpusCache {
        let path = settings.dir.join(file_name(&corpus.root, format, shard));
        let (store, note) = Store::load(settings, corpus, format, full_fixes, &path);
        CorpusCache {
            store,
            writer: CacheWriter {
                path,
                update: Update::default(),
            },
            note,
        }
    }

    /// Save what this run used and made, after the report. When at most
    /// half of the file would be records this run did not use, the records
    /// it made are appended to the loaded file as one segment (nothing is
    /// written when it made none); otherwise a new file, holding only the
    /// records used and made, replaces it. So a small change costs a small
    /// write, and the file stays under twice the size of one run's records.
    /// Returns why the cache could not be saved, if it could not.
    pub fn finish(self) -> Option<String> {
        let CorpusCache { store, writer, .. } = self;
        let CacheWriter { path, mut update } = writer;
        if update.made == 0 && update.kept.len() == store.len() {
            return None;
        }
        let live = update.kept_bytes + update.made_bytes;
        let old = store.buf.len() as u64;
        if update.file.is_none() && update.failed.is_none() && old > 0 {
            let grown = old + update.pending.len() as u64 + TRAILER as u64;
            if live * 2 >= grown {
                if update.made > 0 {
                    if let Err(e) = append(&path, &update.pending, update.made) {
                        return Some(format!("cache not saved in {}: {e}", path.display()));
                    }
                }
                return None;
            }
        }
        update.start(&path);
        let kept = std::mem::take(&mut update.kept);
        for r in &kept {
            update.put(store.buf.get(r.clone()).unwrap_or_default());
        }
        let count = update.made + kept.len() as u64;
        if let Some((mut file, mut h, len)) = update.file.take() {
            let t = trailer(len, count, &mut h);
            let saved = file.write_all(&t).and_then(|()| file.persist());
            if let Err(e) = saved {
                update.fail(format!("cache not saved in {}: {e}", path.display()));
            }
        }
        update.failed
    }
}

impl CacheWriter {
    /// This run used the cached entry (keep it).
    pub fn kept(&mut self, entry: &Entry) {
        self.update.kept_bytes += entry.record.len() as u64;
        self.update.kept.push(entry.record.clone());
    }

    /// This run rendered an article anew (store it).
    pub fn made(&mut self, key: u128, sides: [Made; 2]) {
        let u = &mut self.update;
        if u.failed.is_some() {
            return;
        }
        let mut head = Vec::with_capacity(MIN_RECORD);
        head.extend_from_slice(&key.to_le_bytes());
        for s in &sides {
            for c in s.counts {
                head.extend_from_slice(&(c as u64).to_le_bytes());
            }
            head.push(severity_byte(s.max));
            head.extend_from_slice(&(s.bytes.len() as u64).to_le_bytes());
        }
        u.made += 1;
        u.made_bytes += (head.len() + sides.iter().map(|s| s.bytes.len()).sum::<usize>()) as u64;
        if u.file.is_some() {
            u.put(&head);
            for s in &sides {
                u.put(s.bytes);
            }
            return;
        }
        u.pending.extend_from_slice(&head);
        for s in &sides {
            u.pending.extend_from_slice(s.bytes);
        }
        if u.pending.len() > APPEND_MAX {
            u.start(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache file of `n` records with varied sides, written through
    /// [`CorpusCache`], and the entries it was made from.
    /// A record as made: key, `.txt` and `.ann` bytes, `.txt` counts.
    type Record = (u128, [Vec<u8>; 2], [usize; 4]);

    fn sample(dir: &Path, n: usize) -> (PathBuf, Vec<Record>) {
        let settings = Settings {
            dir: dir.to_owned(),
            build: b"test".to_vec(),
        };
        let corpus = Corpus::empty(dir);
        let mut c = CorpusCache::open(&settings, &corpus, "json", true, None);
        let mut made = Vec::new();
        for i in 0..n {
            let txt = format!("txt {i} ").repeat(i % 4).into_bytes();
            let ann = format!("ann {i}").repeat(i % 3).into_bytes();
            let counts = [i, i % 2, 0, 3];
            c.writer.made(
                i as u128 * 0x9e37_79b9,
                [
                    Made {
                        bytes: &txt,
                        counts,
                        max: Some(Severity::Error),
                    },
                    Made {
                        bytes: &ann,
                        counts: [0; 4],
                        max: None,
                    },
                ],
            );
            made.push((i as u128 * 0x9e37_79b9, [txt, ann], counts));
        }
        let path = c.writer.path.clone();
        assert_eq!(c.finish(), None);
        (path, made)
    }

    #[test]
    fn records_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let (path, made) = sample(dir.path(), 20);
        let buf = std::fs::read(&path).unwrap();
        let entries = parse(&buf).expect("parses");
        assert_eq!(entries.len(), made.len());
        for (key, [txt, ann], counts) in &made {
            let e = &entries[key];
            assert_eq!(&buf[e.sides[0].bytes.clone()], txt.as_slice());
            assert_eq!(&buf[e.sides[1].bytes.clone()], ann.as_slice());
            assert_eq!(e.sides[0].counts, *counts);
            assert_eq!(e.sides[0].max, Some(Severity::Error));
            assert_eq!(e.sides[1].max, None);
        }
    }

    /// Every truncation and many bit flips, byte swaps and overwritten
    /// lengths of a cache file are a clean miss (no entry at all), never a
    /// panic, never an entry with other bytes.
    #[test]
    fn damaged_files_are_a_clean_miss() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = sample(dir.path(), 12);
        let good = std::fs::read(&path).unwrap();
        assert!(parse(&good).is_ok());
        for len in 0..good.len() {
            assert!(parse(&good[..len]).is_err(), "truncated to {len}");
        }
        let mut next = gloss::test_rng::xorshift();
        for _ in 0..4000 {
            let mut bad = good.clone();
            let at = (next() % bad.len() as u64) as usize;
            match next() % 3 {
                0 => bad[at] ^= 1 << (next() % 8),
                1 => bad[at] = bad[at].wrapping_add(1 + (next() % 255) as u8),
                _ => {
                    let n = (8).min(bad.len() - at);
                    bad[at..at + n].copy_from_slice(&u64::MAX.to_le_bytes()[..n]);
                }
            }
            if bad == good {
                continue;
            }
            assert!(parse(&bad).is_err(), "damage at {at} went unnoticed");
        }
        // A huge count or length behind a valid checksum is refused, not
        // reserved for.
        let with_trailer = |records: &[u8], count: u64| {
            let mut f = good[..HEADER].to_vec();
            f.extend_from_slice(records);
            let mut h = Xxh3::new();
            h.update(records);
            f.extend_from_slice(&trailer(records.len() as u64, count, &mut h));
            f
        };
        let records = &good[HEADER..good.len() - TRAILER];
        assert!(parse(&with_trailer(records, 12)).is_ok());
        let lying = with_trailer(records, u64::MAX);
        assert_eq!(parse(&lying).unwrap_err(), Unusable::Corrupt);
        let mut long = good[HEADER..HEADER + 16].to_vec();
        long.extend_from_slice(&[0xff; 200]);
        assert_eq!(
            parse(&with_trailer(&long, 1)).unwrap_err(),
            Unusable::Corrupt
        );
    }

    /// Segments appended to a file are read with it; a record of a later
    /// segment wins over one of an earlier segment with the same key.
    #[test]
    fn appended_segments_are_read_and_later_ones_win() {
        let dir = tempfile::tempdir().unwrap();
        let (path, made) = sample(dir.path(), 5);
        let record = |key: u128, txt: &[u8]| {
            let mut r = key.to_le_bytes().to_vec();
            for len in [txt.len(), 0] {
                r.extend_from_slice(&[0; 32]);
                r.push(0);
                r.extend_from_slice(&(len as u64).to_le_bytes());
            }
            r.extend_from_slice(txt);
            r
        };
        let mut seg = record(made[1].0, b"newer");
        seg.extend(record(7, b"seven"));
        append(&path, &seg, 2).unwrap();
        append(&path, &[], 0).unwrap();
        let buf = std::fs::read(&path).unwrap();
        let entries = parse(&buf).expect("parses");
        assert_eq!(entries.len(), 6);
        assert_eq!(&buf[entries[&made[1].0].sides[0].bytes.clone()], b"newer");
        assert_eq!(&buf[entries[&7].sides[0].bytes.clone()], b"seven");
        assert_eq!(
            &buf[entries[&made[2].0].sides[0].bytes.clone()],
            made[2].1[0].as_slice()
        );
        // Cut inside the last segment that holds records: damaged.
        let cut = buf.len() - TRAILER - 3;
        assert!(parse(&buf[..cut]).is_err());
    }

    #[test]
    fn another_version_is_foreign() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = sample(dir.path(), 3);
        let mut buf = std::fs::read(&path).unwrap();
        buf[8] = buf[8].wrapping_add(1);
        assert_eq!(parse(&buf).unwrap_err(), Unusable::Foreign);
        assert_eq!(parse(b"not a cache").unwrap_err(), Unusable::Foreign);
    }

    /// Keys differ when any one input differs, including a missing `.ann`
    /// file against an empty one.
    #[test]
    fn keys_depend_on_every_article_input() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            dir: dir.path().to_owned(),
            build: b"test".to_vec(),
        };
        let corpus = Corpus::empty(dir.path());
        let c = CorpusCache::open(&settings, &corpus, "json", true, None);
        let p = dir.path().join("a.txt");
        let k = |rel: &str, path: &Path, txt: &[u8], ann: Option<&[u8]>| {
            c.store.key(&corpus, rel, path, txt, ann)
        };
        let base = k("a.txt", &p, b"text", None);
        assert_eq!(base, k("a.txt", &p, b"text", None));
        let others = [
            k("a.txt", &p, b"text", Some(b"")),
            k("a.txt", &p, b"text!", None),
            k("b.txt", &p, b"text", None),
            k("a.txt", &dir.path().join("b.txt"), b"text", None),
            k("a.txt", &p, b"tex", Some(b"t")),
        ];
        for o in others {
            assert_ne!(base, o);
        }
        let human = CorpusCache::open(&settings, &corpus, "human", false, None);
        assert_ne!(base, human.store.key(&corpus, "a.txt", &p, b"text", None));
        let other_build = Settings {
            build: b"test2".to_vec(),
            ..settings.clone()
        };
        let c2 = CorpusCache::open(&other_build, &corpus, "json", true, None);
        assert_ne!(base, c2.store.key(&corpus, "a.txt", &p, b"text", None));
    }
}
