//! A change on disk reported while indexing, between reading a batch of
//! articles and merging it: the batch holds what was on disk before the
//! change and must not undo it (a deleted article coming back, an `.ann`
//! file's old text). A hook in the indexer puts the change in that window
//! every time. (A test binary of its own: the hook is process-wide.)

#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::sync::atomic::{AtomicBool, Ordering};

use lsp_client::{Client, Corpus};
use serde_json::json;

const FIXTURE: &str = r#"//- /gloss.toml
[articles."a.txt"]
published = 2001-11-23
//- /entities.toml
[nato]
kind = "organization"
name = "NATO"
//- /a.txt
NATO is ready.
//- /b.txt
Lord Robertson met officials on Tuesday. The alliance was there.
//- /b.ann
//- /c.txt
NATO said nothing.
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_on_disk_between_reading_and_merging_a_batch_are_kept() {
    let corpus = Corpus::new(FIXTURE);
    let (c_txt, b_ann) = (corpus.path("c.txt"), corpus.path("b.ann"));
    let fired = AtomicBool::new(false);
    let hook_ran = std::sync::Arc::new(AtomicBool::new(false));
    let ran = hook_ran.clone();
    let set = gloss::lsp::progress::BEFORE_MERGE.set(Box::new(move |inner| {
        if fired.swap(true, Ordering::SeqCst) {
            return;
        }
        // The batch has been read: c.txt is in it, b.ann empty in it.
        std::fs::remove_file(&c_txt).unwrap();
        std::fs::write(
            &b_ann,
            "T1\tOrganization 41 53\tThe alliance\nN1\tReference T1 Registry:nato\tThe alliance\n",
        )
        .unwrap();
        inner.files_changed(vec![c_txt.clone(), b_ann.clone()]);
        ran.store(true, Ordering::SeqCst);
    }));
    assert!(set.is_ok(), "the hook is set once per process");

    let mut c = Client::in_process();
    c.initialize(corpus.root(), &["utf-16"], json!({})).await;
    c.wait_indexed().await;
    assert!(hook_ran.load(Ordering::SeqCst), "indexing merged no batch");

    let a_uri = c.open(&corpus.path("a.txt")).await;
    let a = corpus.read("a.txt");
    // c.txt was deleted: it is not referenced; b.txt's new .ann links its
    // mention of the alliance to NATO.
    assert_eq!(
        c.reference_files(&a_uri, &a, 1).await,
        vec![("a.txt".to_owned(), 0), ("b.txt".to_owned(), 41)]
    );
}
