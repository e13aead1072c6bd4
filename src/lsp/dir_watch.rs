//! Watching a corpus root on Linux with inotify, one watch per directory,
//! for the changes gloss acts on only.
//!
//! `notify` (used on other systems) asks inotify for `IN_OPEN` too and
//! cannot be told otherwise: every file the server reads while indexing,
//! and every file another program opens (a grep over the corpus, a backup),
//! then costs an event through its queue, about 4 s of CPU for the 200,000
//! files of a 100,000-article corpus. Here the mask holds creations,
//! deletions, completed writes and renames; directories created later are
//! watched as they appear, and the files already inside them reported.
//!
//! Directories are walked as the corpus loader walks them: hidden
//! directories, `target` and `node_modules` are skipped and symbolic links
//! to directories are not followed.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};

use super::state::lock;

/// What each directory watch listens for. `CLOSE_WRITE` rather than
/// `MODIFY`: one event per completed write, not one per `write(2)`.
fn mask() -> WatchMask {
    WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::CLOSE_WRITE
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
        | WatchMask::ONLYDIR
        | WatchMask::DONT_FOLLOW
}

/// The directories being watched, by watch descriptor.
type Dirs = Arc<Mutex<HashMap<WatchDescriptor, PathBuf>>>;

/// A running watch of one root; dropping it stops the reading thread.
pub struct DirWatcher {
    watches: Watches,
    dirs: Dirs,
    stop: Arc<AtomicBool>,
}

impl Drop for DirWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Removing the watches queues `IN_IGNORED` events, which wake the
        // thread blocked in `read`; it sees `stop` and closes the descriptor.
        let wds: Vec<WatchDescriptor> = lock(&self.dirs).drain().map(|(wd, _)| wd).collect();
        for wd in wds {
            let _ = self.watches.remove(wd);
        }
    }
}

/// Watch `dir` and the directories below it; push the files found below
/// it onto `found` when asked (for a directory that appeared after the
/// watch began, whose files were written before its watch existed).
fn add_tree(
    watches: &mut Watches,
    dirs: &Dirs,
    dir: &Path,
    found: Option<&mut Vec<PathBuf>>,
) -> io::Result<()> {
    let mut found = found;
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        match watches.add(&d, mask()) {
            Ok(wd) => {
                lock(dirs).insert(wd, d.clone());
            }
            Err(e) if d == dir => return Err(e),
            // A directory below went away again: nothing to watch.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                tracing::warn!("cannot watch {}: {e}", d.display());
                continue;
            }
        }
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.filter_map(Result::ok) {
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if !crate::corpus::skipped_name(&e.file_name().to_string_lossy()) {
                    stack.push(e.path());
                }
            } else if let Some(found) = found.as_deref_mut() {
                found.push(e.path());
            }
        }
    }
    Ok(())
}

/// Watch `root`; the path of every file created, written, deleted or
/// renamed below it is passed to `send` (which returns false once nobody
/// listens). Fails when the root itself cannot be watched.
pub fn watch(
    root: &Path,
    send: impl Fn(PathBuf) -> bool + Send + 'static,
) -> io::Result<DirWatcher> {
    let mut inotify = Inotify::init()?;
    let mut watches = inotify.watches();
    let dirs: Dirs = Arc::default();
    add_tree(&mut watches, &dirs, root, None)?;
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = DirWatcher {
        watches: watches.clone(),
        dirs: dirs.clone(),
        stop: stop.clone(),
    };
    let name = format!("gloss-watch {}", root.display());
    std::thread::Builder::new().name(name).spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let events = match inotify.read_events_blocking(&mut buf) {
                Ok(ev) => ev,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    tracing::warn!("watching stopped: {e}");
                    return;
                }
            };
            if stop.load(Ordering::SeqCst) {
                return;
            }
            let mut paths = Vec::new();
            let mut new_dirs = Vec::new();
            for ev in events {
                if ev.mask.contains(EventMask::Q_OVERFLOW) {
                    tracing::warn!(
                        "too many file changes at once: some were missed (reindex to catch up)"
                    );
                    continue;
                }
                if ev.mask.contains(EventMask::IGNORED) {
                    lock(&dirs).remove(&ev.wd);
                    continue;
                }
                let (Some(name), Some(dir)) = (ev.name, lock(&dirs).get(&ev.wd).cloned()) else {
                    continue;
                };
                let path = dir.join(name);
                if ev.mask.contains(EventMask::ISDIR) {
                    if ev.mask.intersects(EventMask::CREATE | EventMask::MOVED_TO)
                        && !crate::corpus::skipped_name(&name.to_string_lossy())
                    {
                        new_dirs.push(path);
                    }
                } else {
                    paths.push(path);
                }
            }
            for d in new_dirs {
                if let Err(e) = add_tree(&mut watches, &dirs, &d, Some(&mut paths)) {
                    tracing::warn!("cannot watch {}: {e}", d.display());
                }
            }
            // Dropped meanwhile: a watch just added would keep `read` blocked.
            if stop.load(Ordering::SeqCst) {
                return;
            }
            for p in paths {
                if !send(p) {
                    return;
                }
            }
        }
    })?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    fn collect(rx: &mpsc::Receiver<PathBuf>, want: &[PathBuf]) -> Vec<PathBuf> {
        let mut got = Vec::new();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !want.iter().all(|w| got.contains(w)) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(p) => got.push(p),
                Err(_) => break,
            }
        }
        got
    }

    #[test]
    fn reports_writes_renames_deletions_and_files_in_new_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_owned();
        std::fs::create_dir(root.join("old")).unwrap();
        std::fs::write(root.join("old/a.txt"), "a").unwrap();
        let (tx, rx) = mpsc::channel();
        let w = watch(&root, move |p| tx.send(p).is_ok()).unwrap();

        // A write in a directory that existed before.
        std::fs::write(root.join("old/a.txt"), "b").unwrap();
        let want = [root.join("old/a.txt")];
        assert!(collect(&rx, &want).contains(&want[0]));

        // An atomic write: written aside, renamed over.
        std::fs::write(root.join("old/.a.tmp"), "c").unwrap();
        std::fs::rename(root.join("old/.a.tmp"), root.join("old/b.ann")).unwrap();
        let want = [root.join("old/b.ann")];
        assert!(collect(&rx, &want).contains(&want[0]));

        // A directory made with its files already inside (as `mv` or a
        // checkout brings them), then one more file in it.
        let staging = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(staging.path().join("new/deeper")).unwrap();
        std::fs::write(staging.path().join("new/deeper/c.txt"), "c").unwrap();
        std::fs::rename(staging.path().join("new"), root.join("new")).unwrap();
        let want = [root.join("new/deeper/c.txt")];
        assert!(collect(&rx, &want).contains(&want[0]));
        std::fs::write(root.join("new/deeper/d.txt"), "d").unwrap();
        let want = [root.join("new/deeper/d.txt")];
        assert!(collect(&rx, &want).contains(&want[0]));

        std::fs::remove_file(root.join("old/a.txt")).unwrap();
        let want = [root.join("old/a.txt")];
        assert!(collect(&rx, &want).contains(&want[0]));
        drop(w);
    }

    #[test]
    fn reading_files_and_hidden_directories_make_no_events() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_owned();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::create_dir(root.join(".git")).unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = watch(&root, move |p| tx.send(p).is_ok()).unwrap();
        for _ in 0..50 {
            let _ = std::fs::read(root.join("a.txt")).unwrap();
        }
        std::fs::write(root.join(".git/index"), "x").unwrap();
        // A marker write: every event before it has been delivered once it arrives.
        std::fs::write(root.join("marker.txt"), "m").unwrap();
        let want = [root.join("marker.txt")];
        let got = collect(&rx, &want);
        assert_eq!(got, vec![root.join("marker.txt")]);
    }

    #[test]
    fn a_root_that_cannot_be_watched_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(watch(&dir.path().join("missing"), |_| true).is_err());
    }

    #[test]
    fn dropping_the_watcher_stops_its_thread() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let w = watch(dir.path(), move |p| tx.send(p).is_ok()).unwrap();
        drop(w);
        // The thread owns the sender: it is dropped when the thread ends.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                _ if std::time::Instant::now() > deadline => panic!("the watch thread still runs"),
                _ => {}
            }
        }
    }
}
