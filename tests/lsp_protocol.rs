//! Protocol tests: the built `gloss serve` binary driven over stdio with
//! Content-Length framed JSON-RPC, as an editor drives it, on a copy of the
//! seed corpus.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{file_uri, Client, Corpus};
use serde_json::{json, Value};

const ARTICLE: &str = "001_40905b9287ca137d.txt";

fn uri_of(loc: &Value) -> String {
    loc["uri"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_session_over_stdio_in_utf16() {
    let corpus = Corpus::seeds();
    std::fs::remove_file(corpus.path("001_40905b9287ca137d.ann")).unwrap();
    let mut c = Client::binary(&["serve"]);
    let init = c.initialize(corpus.root(), &["utf-16"], json!({})).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    c.wait_indexed().await;

    // Open the article whose .ann is missing: its dates are unannotated.
    let path = corpus.path(ARTICLE);
    let text = corpus.read(ARTICLE);
    let uri = c.open(&path).await;
    let diags = c
        .diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "unannotated-date"))
        .await;
    assert!(diags.iter().all(|d| d["source"] == "gloss"));

    // Hover on "Lord George Robertson": the card has his role on the day.
    let at = text.find("Lord George Robertson").unwrap() + 5;
    let hover = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, at) }),
        )
        .await;
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("George Robertson"), "{md}");
    assert!(md.contains("NATO Secretary General"), "{md}");

    // Definition: the [george-robertson] entry of entities.toml.
    let def = c
        .request(
            "textDocument/definition",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, at) }),
        )
        .await;
    let reg_uri = file_uri(&corpus.path("entities.toml"));
    assert_eq!(uri_of(&def), reg_uri);
    let registry = corpus.read("entities.toml");
    let line = registry[..registry.find("[george-robertson]").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(def["range"]["start"]["line"], line);

    // References to NATO reach all five articles.
    let nato = text.find("NATO").unwrap();
    let refs = c
        .request(
            "textDocument/references",
            json!({
                "textDocument": { "uri": uri },
                "position": c.pos(&text, nato + 1),
                "context": { "includeDeclaration": false },
            }),
        )
        .await;
    let mut files: Vec<String> = refs.as_array().unwrap().iter().map(uri_of).collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), 5, "{files:#?}");

    // Quick fix for an unannotated date: the .ann is not open, so the fix
    // is the gloss.applyFix command, which writes it; the diagnostic goes.
    let target = diags
        .iter()
        .find(|d| d["code"] == "unannotated-date")
        .unwrap()
        .clone();
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": target["range"],
                "context": { "diagnostics": [target], "only": ["quickfix"] },
            }),
        )
        .await;
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap_or("").starts_with("Annotate"))
        .expect("an annotate quick fix")
        .clone();
    assert_eq!(action["command"]["command"], "gloss.applyFix");
    c.clear_notifications();
    c.request(
        "workspace/executeCommand",
        json!({ "command": "gloss.applyFix", "arguments": action["command"]["arguments"] }),
    )
    .await;
    let ann = corpus.read("001_40905b9287ca137d.ann");
    assert!(ann.starts_with("T1\t"), "{ann}");
    let range = target["range"].clone();
    c.diagnostics(&uri, |d| {
        !d.iter()
            .any(|d| d["code"] == "unannotated-date" && d["range"] == range)
    })
    .await;

    // Rename the NATO entity: entities.toml and every .ann referring to it.
    let rename = c
        .request(
            "textDocument/rename",
            json!({
                "textDocument": { "uri": uri },
                "position": c.pos(&text, nato + 1),
                "newName": "north-atlantic-alliance",
            }),
        )
        .await;
    let touched = c.apply_to_disk(&rename);
    assert!(touched.len() >= 5, "{touched:?}");
    assert!(corpus
        .read("entities.toml")
        .contains("[north-atlantic-alliance]"));
    assert!(corpus
        .read("000_7f5ff7dcfaacd7f0.ann")
        .contains("Registry:north-atlantic-alliance"));
    c.files_changed(&touched).await;

    // Change entities.toml on disk: the hover card follows.
    let reg = corpus.read("entities.toml").replace(
        "NATO Secretary General",
        "Secretary General of the Alliance",
    );
    std::fs::write(corpus.path("entities.toml"), reg).unwrap();
    c.files_changed(&[corpus.path("entities.toml")]).await;
    let mut ok = false;
    for _ in 0..50 {
        let hover = c
            .request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, at) }),
            )
            .await;
        if hover["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .contains("Secretary General of the Alliance")
        {
            ok = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(ok, "hover did not follow the registry change");

    let status = c.shutdown_and_exit().await.unwrap();
    assert!(status.success(), "{status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_positions_after_emoji_cjk_and_combining_marks() {
    let corpus = Corpus::new(
        "//- /gloss.toml\n[articles.\"a.txt\"]\npublished = 2001-11-23\n\
         //- /entities.toml\n[george-robertson]\nkind = \"person\"\nname = \"George Robertson\"\n\
         //- /a.txt\nTitle 😀 日本 e\u{301}té George Robertson spoke.\n",
    );
    let mut c = Client::binary(&["--stdio"]);
    let init = c
        .initialize(corpus.root(), &["utf-8", "utf-16"], json!({}))
        .await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.wait_indexed().await;
    let text = corpus.read("a.txt");
    let uri = c.open(&corpus.path("a.txt")).await;
    let at = text.find("George").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, at + 2) }),
        )
        .await;
    assert_eq!(hover["range"]["start"], c.pos(&text, at));
    assert_eq!(
        hover["range"]["end"],
        c.pos(&text, at + "George Robertson".len())
    );
    // UTF-8 columns are byte columns.
    assert_eq!(hover["range"]["start"]["character"], at);

    // An incremental edit before the name, in UTF-8 units, keeps positions right.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{
                "range": { "start": c.pos(&text, 0), "end": c.pos(&text, 5) },
                "text": "Headline 🎉",
            }],
        }),
    )
    .await;
    let new_text = text.replacen("Title", "Headline 🎉", 1);
    let at = new_text.find("George").unwrap();
    let hl = c
        .request(
            "textDocument/documentHighlight",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(&new_text, at + 1) }),
        )
        .await;
    assert_eq!(hl[0]["range"]["start"], c.pos(&new_text, at));
    let status = c.shutdown_and_exit().await.unwrap();
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_before_initialize_and_unknown_documents_fail_gracefully() {
    let corpus = Corpus::new("//- /entities.toml\n//- /a.txt\nhello\n");
    let mut c = Client::binary(&["serve"]);
    let r = c
        .request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///nowhere.txt" }, "position": { "line": 0, "character": 0 } }),
        )
        .await;
    assert_eq!(r["error"]["code"], -32002, "{r}");
    c.initialize(corpus.root(), &[], json!({})).await;
    // Unknown URI, position far out of range: empty results, not errors.
    let r = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///nowhere.txt" }, "position": { "line": 99, "character": 99 } }),
        )
        .await;
    assert!(r.is_null());
    let uri = c.open(&corpus.path("a.txt")).await;
    let r = c
        .request(
            "textDocument/definition",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 4000, "character": 4000 } }),
        )
        .await;
    assert!(r.is_null());
    let r = c
        .request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "untitled:1" }, "position": { "line": 0, "character": 0 } }),
        )
        .await;
    assert!(r.get("error").is_some() || r["result"].is_null());
    // A broken message: a parse error, logged to stderr and to the client.
    c.send_raw("{ this is not json").await;
    c.wait_for("a logged decoding error", |n| {
        n["method"] == "window/logMessage" && n["params"]["type"] == 1
    })
    .await;
    let r = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 1 } }),
        )
        .await;
    assert!(r.is_null());
    let r = c.request_raw("shutdown", Value::Null).await;
    assert!(r.get("error").is_none());
    let r = c
        .request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
        )
        .await;
    assert_eq!(r["error"]["code"], -32600, "{r}");
    let status = c.exit().await.unwrap();
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_quick_fix_as_a_workspace_edit_in_utf8() {
    let corpus = Corpus::seeds();
    std::fs::remove_file(corpus.path("001_40905b9287ca137d.ann")).unwrap();
    let mut c = Client::binary(&["serve"]);
    let init = c
        .initialize(
            corpus.root(),
            &["utf-8", "utf-16"],
            json!({ "initializationOptions": { "fixes": "edit" } }),
        )
        .await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.wait_indexed().await;
    let path = corpus.path(ARTICLE);
    let text = corpus.read(ARTICLE);
    let uri = c.open(&path).await;
    let diags = c
        .diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "unannotated-date"))
        .await;
    let target = diags
        .iter()
        .find(|d| d["code"] == "unannotated-date")
        .unwrap()
        .clone();
    // UTF-8 columns: the diagnostic's range is the date's bytes.
    let start = c.offset(&text, &target["range"]["start"]);
    let end = c.offset(&text, &target["range"]["end"]);
    assert!(target["message"]
        .as_str()
        .unwrap()
        .contains(&text[start..end]));
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": target["range"],
                "context": { "diagnostics": [target], "only": ["quickfix"] },
            }),
        )
        .await;
    let edit = actions[0]["edit"].clone();
    let dc = edit["documentChanges"].as_array().unwrap();
    assert_eq!(dc[0]["kind"], "create");
    let touched = c.apply_to_disk(&edit);
    c.files_changed(&touched).await;
    let range = target["range"].clone();
    c.diagnostics(&uri, |d| {
        !d.iter()
            .any(|d| d["code"] == "unannotated-date" && d["range"] == range)
    })
    .await;
    // Go to definition across files from the .ann the fix created.
    let ann_uri = c.open(&corpus.path("001_40905b9287ca137d.ann")).await;
    let def = c
        .request(
            "textDocument/definition",
            json!({ "textDocument": { "uri": ann_uri }, "position": { "line": 0, "character": 1 } }),
        )
        .await;
    assert_eq!(uri_of(&def), uri);
    assert_eq!(def["range"], range);
    let status = c.shutdown_and_exit().await.unwrap();
    assert!(status.success());
}

/// A document opened before indexing finishes is analysed twice: against
/// the partly loaded corpus, then again once the registry and manifest are
/// in. The second result must be the one that stays, whatever order the
/// two analyses finish in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_from_before_indexing_never_overwrite_later_ones() {
    for _ in 0..3 {
        let corpus = Corpus::seeds();
        std::fs::remove_file(corpus.path("001_40905b9287ca137d.ann")).unwrap();
        let mut c = Client::binary(&["serve"]);
        c.initialize(corpus.root(), &["utf-16"], json!({})).await;
        // Open at once, before indexing has had a chance to finish.
        let uri = c.open(&corpus.path(ARTICLE)).await;
        c.wait_indexed().await;
        c.diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "unannotated-date"))
            .await;
        // Let any analysis still running finish and publish.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let last = c
            .notifications("textDocument/publishDiagnostics")
            .into_iter()
            .rfind(|n| n["params"]["uri"] == uri)
            .expect("diagnostics were published");
        let diags = last["params"]["diagnostics"].as_array().unwrap();
        assert!(
            !diags
                .iter()
                .any(|d| d["code"] == "missing-publication-date"),
            "the last diagnostics were computed without gloss.toml: {diags:#?}"
        );
        c.shutdown_and_exit().await;
    }
}
