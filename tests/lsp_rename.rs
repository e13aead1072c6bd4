//! Renaming an entity through the language server edits `entities.toml`
//! exactly as the CLI's registry editing does: only the id changes;
//! comments, order, inline tables and odd spacing stay as written.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{Client, Corpus};
use serde_json::json;

const REGISTRY: &str = r#"# Organisations as inline tables (nato first), then people.
nato = { kind = "organization", name = "NATO", aliases = ["Nato"] }  # inline

# The NATO one, not the footballer.
[george-robertson]   # trailing comment on the header
kind="person"
name   =   "George Robertson"
aliases = [ "Lord Robertson",   # the title he took in 1999
  "Robertson" ]
roles = [{title="NATO Secretary General",from=1999-10-14,   to = 2004-01-01}]

[javier-solana]
kind = 'person'
name = 'Javier Solana'
"#;

fn fixture() -> String {
    format!(
        "//- /entities.toml\n{REGISTRY}//- /a.txt\n\
         George Robertson met NATO officials.\n\
         //- /a.ann\n\
         T1\tPerson 0 16\tGeorge Robertson\n\
         N1\tReference T1 Registry:george-robertson\tGeorge Robertson\n\
         T2\tOrganization 21 25\tNATO\n\
         N2\tReference T2 Registry:nato\tNATO\n"
    )
}

async fn start() -> (Corpus, Client) {
    let corpus = Corpus::new(&fixture());
    let mut c = Client::in_process();
    c.initialize(corpus.root(), &["utf-16"], json!({})).await;
    c.wait_indexed().await;
    (corpus, c)
}

async fn rename_at(c: &Client, uri: &str, text: &str, byte: usize, new: &str) -> serde_json::Value {
    c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri }, "position": c.pos(text, byte), "newName": new }),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_keeps_registry_formatting_but_the_id() {
    let (corpus, c) = start().await;
    let uri = c.open(&corpus.path("a.txt")).await;
    let text = corpus.read("a.txt");
    c.diagnostics(&uri, |_| true).await;

    // A table entity with comments and odd spacing, renamed from its mention.
    let edit = rename_at(&c, &uri, &text, 3, "lord-robertson").await;
    c.apply_to_disk(&edit);
    let after = corpus.read("entities.toml");
    let want = REGISTRY.replace("[george-robertson]", "[lord-robertson]");
    assert_eq!(after, want);
    assert_eq!(
        after,
        gloss::registry_edit::rename_entity(REGISTRY, "george-robertson", "lord-robertson")
            .unwrap()
    );
    assert!(corpus
        .read("a.ann")
        .contains("Reference T1 Registry:lord-robertson\t"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_of_an_inline_table_entity_edits_only_its_key() {
    let (corpus, c) = start().await;
    let uri = c.open(&corpus.path("a.txt")).await;
    let text = corpus.read("a.txt");
    c.diagnostics(&uri, |_| true).await;

    let edit = rename_at(
        &c,
        &uri,
        &text,
        text.find("NATO").unwrap() + 1,
        "north-atlantic",
    )
    .await;
    assert!(!edit.is_null(), "no edit for an inline-table entity");
    c.apply_to_disk(&edit);
    let after = corpus.read("entities.toml");
    assert_eq!(
        after,
        REGISTRY.replace("\nnato = {", "\nnorth-atlantic = {"),
        "{}",
        edit
    );
    assert!(corpus.read("a.ann").contains("Registry:north-atlantic\t"));
}
