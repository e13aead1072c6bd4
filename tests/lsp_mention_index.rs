//! Hover cards and find-references answer from the server's index of
//! entity mentions: it must follow edits that add or remove a mention,
//! registry changes, and files deleted or created on disk.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{Client, Corpus};
use serde_json::{json, Value};

const FIXTURE: &str = r#"//- /gloss.toml
[articles."a.txt"]
published = 2001-11-23

[articles."b.txt"]
published = 2001-11-20

[articles."c.txt"]
published = 2001-11-01
//- /entities.toml
[george-robertson]
kind = "person"
name = "George Robertson"
aliases = ["Lord Robertson"]

[nato]
kind = "organization"
name = "NATO"
//- /a.txt
George Robertson arrived in Moscow. NATO is ready.
//- /b.txt
Lord Robertson met officials on Tuesday. Javier Solana was there.
//- /c.txt
Javier Solana visited Madrid. NATO said nothing.
"#;

async fn start() -> (Corpus, Client) {
    let corpus = Corpus::new(FIXTURE);
    let mut c = Client::in_process();
    c.initialize(corpus.root(), &["utf-16"], json!({})).await;
    c.wait_indexed().await;
    (corpus, c)
}

/// The files (and start characters) of the references to what is at `byte`.
async fn refs(c: &Client, uri: &str, text: &str, byte: usize) -> Vec<(String, u64)> {
    c.reference_files(uri, text, byte).await
}

async fn hover(c: &Client, uri: &str, text: &str, byte: usize) -> String {
    let h: Value = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(text, byte) }),
        )
        .await;
    h["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn pair(f: &str, ch: u64) -> (String, u64) {
    (f.to_owned(), ch)
}

async fn change(c: &Client, uri: &str, version: i32, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_and_hover_follow_edits_that_add_or_remove_mentions() {
    let (corpus, c) = start().await;
    let a_uri = c.open(&corpus.path("a.txt")).await;
    let a = corpus.read("a.txt");
    c.diagnostics(&a_uri, |_| true).await;
    assert_eq!(
        refs(&c, &a_uri, &a, 2).await,
        vec![pair("a.txt", 0), pair("b.txt", 0)]
    );

    // c.txt gains a mention in the editor (unsaved).
    let c_uri = c.open(&corpus.path("c.txt")).await;
    let c2 = "Javier Solana visited Madrid. NATO said nothing. Lord Robertson agreed.\n";
    change(&c, &c_uri, 2, c2).await;
    let col = c2.find("Lord").unwrap() as u64;
    assert_eq!(
        refs(&c, &a_uri, &a, 2).await,
        vec![pair("a.txt", 0), pair("b.txt", 0), pair("c.txt", col)]
    );
    let md = hover(&c, &a_uri, &a, 2).await;
    assert!(md.contains("Also in 2 articles"), "{md}");

    // b.txt loses its mention; a.txt gains a second one.
    let b_uri = c.open(&corpus.path("b.txt")).await;
    change(&c, &b_uri, 2, "Someone met officials on Tuesday.\n").await;
    let a2 = "George Robertson arrived in Moscow. NATO is ready. Lord Robertson smiled.\n";
    change(&c, &a_uri, 2, a2).await;
    let second = a2.find("Lord").unwrap() as u64;
    assert_eq!(
        refs(&c, &a_uri, a2, 2).await,
        vec![pair("a.txt", 0), pair("a.txt", second), pair("c.txt", col)]
    );
    let md = hover(&c, &a_uri, a2, 2).await;
    assert!(md.contains("2 mentions in this article"), "{md}");
    assert!(md.contains("Also in 1 article"), "{md}");
    assert!(!md.contains("Also in 1 articles"), "{md}");

    // Closing the unsaved buffer brings back the file on disk.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": c_uri } }),
    )
    .await;
    assert_eq!(
        refs(&c, &a_uri, a2, 2).await,
        vec![pair("a.txt", 0), pair("a.txt", second)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_follow_registry_changes() {
    let (corpus, c) = start().await;
    let a_uri = c.open(&corpus.path("a.txt")).await;
    let a = corpus.read("a.txt");
    c.diagnostics(&a_uri, |_| true).await;
    let reg_uri = c.open(&corpus.path("entities.toml")).await;
    let reg = corpus.read("entities.toml");

    // Drop the alias: in b.txt only the surname of "Lord Robertson" refers
    // to George Robertson. Add an entity: its mentions in b.txt and c.txt
    // are found.
    let before = vec![pair("a.txt", 0), pair("b.txt", 0)];
    assert_eq!(refs(&c, &a_uri, &a, 2).await, before);
    let reg2 = reg.replace("aliases = [\"Lord Robertson\"]\n", "")
        + "\n[javier-solana]\nkind = \"person\"\nname = \"Javier Solana\"\n";
    change(&c, &reg_uri, 2, &reg2).await;
    let after = vec![pair("a.txt", 0), pair("b.txt", 5)];
    assert_eq!(refs(&c, &a_uri, &a, 2).await, after);
    let at = reg2.find("[javier-solana]").unwrap() + 2;
    let want = vec![pair("b.txt", 41), pair("c.txt", 0)];
    assert_eq!(refs(&c, &reg_uri, &reg2, at).await, want);
    // Still right once the index has been rebuilt in the background.
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(refs(&c, &reg_uri, &reg2, at).await, want);
        assert_eq!(refs(&c, &a_uri, &a, 2).await, after);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_follow_files_deleted_and_created_on_disk() {
    let (corpus, c) = start().await;
    let a_uri = c.open(&corpus.path("a.txt")).await;
    let a = corpus.read("a.txt");
    c.diagnostics(&a_uri, |_| true).await;
    let nato = a.find("NATO").unwrap() + 1;
    assert_eq!(
        refs(&c, &a_uri, &a, nato).await,
        vec![pair("a.txt", 36), pair("c.txt", 30)]
    );

    std::fs::remove_file(corpus.path("c.txt")).unwrap();
    std::fs::write(corpus.path("d.txt"), "Yesterday NATO met.\n").unwrap();
    c.files_changed(&[corpus.path("c.txt"), corpus.path("d.txt")])
        .await;
    let want = vec![pair("a.txt", 36), pair("d.txt", 10)];
    let got = c.reference_files_become(&a_uri, &a, nato, &want).await;
    assert_eq!(got, want);
    let md = hover(&c, &a_uri, &a, nato).await;
    assert!(md.contains("Also in 1 article"), "{md}");
    assert!(!md.contains("Also in 1 articles"), "{md}");
    assert!(md.contains("d.txt") && md.contains("undated"), "{md}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_moved_into_the_corpus_is_watched_without_the_client() {
    // The client cannot watch files (no dynamic registration): the server
    // watches the corpus itself, folders that appear later included.
    let corpus = Corpus::new(FIXTURE);
    let mut c = Client::in_process();
    c.initialize_unwatched(corpus.root()).await;
    c.wait_indexed().await;
    let a_uri = c.open(&corpus.path("a.txt")).await;
    let a = corpus.read("a.txt");
    c.diagnostics(&a_uri, |_| true).await;
    let nato = a.find("NATO").unwrap() + 1;

    let staging = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(staging.path().join("late/deeper")).unwrap();
    std::fs::write(
        staging.path().join("late/deeper/d.txt"),
        "Yesterday NATO met.\n",
    )
    .unwrap();
    std::fs::rename(staging.path().join("late"), corpus.path("late")).unwrap();
    let want_moved = vec![pair("a.txt", 36), pair("c.txt", 30), pair("d.txt", 10)];
    let got = c
        .reference_files_become(&a_uri, &a, nato, &want_moved)
        .await;
    assert_eq!(got, want_moved);

    // A file written later in the new folder is seen too.
    std::fs::write(corpus.path("late/deeper/e.txt"), "NATO again.\n").unwrap();
    let want_written = vec![
        pair("a.txt", 36),
        pair("c.txt", 30),
        pair("d.txt", 10),
        pair("e.txt", 0),
    ];
    let got = c
        .reference_files_become(&a_uri, &a, nato, &want_written)
        .await;
    assert_eq!(got, want_written);
}
