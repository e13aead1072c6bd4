//! Feature tests: the language server in-process (the tower service over an
//! in-memory pipe), on small corpora written from one fixture string.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{file_uri, Client, Corpus};
use serde_json::{json, Value};

const BASE: &str = r#"//- /gloss.toml
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
description = "British politician"
wikidata = "Q333159"
roles = [{ title = "NATO Secretary General", from = 1999-10-14, to = 2004-01-01 }]

[nato]
kind = "organization"
name = "NATO"
aliases = ["Nato"]

[sergei-ivanov]
kind = "person"
name = "Sergei Ivanov"

[igor-ivanov]
kind = "person"
name = "Igor Ivanov"
//- /a.txt
George Robertson arrived in Moscow yesterday. NATO is ready, Mr Ivanov said on Friday.
The Foreign Minister, Javier Solana, said talks would resume next week.
//- /a.ann
T1	Person 0 16	George Robertson
N1	Reference T1 Registry:george-robertson	George Robertson
//- /b.txt
Lord Robertson met Nato officials on Tuesday. Mr Solana was there.
//- /c.txt
Javier Solana visited Madrid. NATO said nothing.
"#;

async fn start(fixture: &str, extra: Value) -> (Corpus, Client) {
    let corpus = Corpus::new(fixture);
    let mut c = Client::in_process();
    c.initialize(corpus.root(), &["utf-16"], extra).await;
    c.wait_indexed().await;
    (corpus, c)
}

/// Open a file and wait for its first diagnostics (the corpus is indexed by then).
async fn open(c: &Client, corpus: &Corpus, rel: &str) -> (String, String) {
    let uri = c.open(&corpus.path(rel)).await;
    if rel.ends_with(".txt") {
        c.diagnostics(&uri, |_| true).await;
    }
    (uri, corpus.read(rel))
}

fn at(text: &str, needle: &str, plus: usize) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {text}"))
        + plus
}

async fn req_at(c: &Client, method: &str, uri: &str, text: &str, byte: usize) -> Value {
    c.request(
        method,
        json!({ "textDocument": { "uri": uri }, "position": c.pos(text, byte) }),
    )
    .await
}

async fn actions(c: &Client, uri: &str, text: &str, byte: usize, only: Option<&str>) -> Vec<Value> {
    let p = c.pos(text, byte);
    let mut ctx = json!({ "diagnostics": [] });
    if let Some(o) = only {
        ctx["only"] = json!([o]);
    }
    c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": { "start": p, "end": p }, "context": ctx }),
    )
    .await
    .as_array()
    .cloned()
    .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_date_gives_value_weekday_and_relation() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let h = req_at(
        &c,
        "textDocument/hover",
        &uri,
        &text,
        at(&text, "yesterday", 3),
    )
    .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("`2001-11-22`"), "{md}");
    assert!(md.contains("Thursday"), "{md}");
    assert!(md.contains("the day before publication"), "{md}");
    assert!(md.contains("Not annotated"), "{md}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_an_entity_shows_role_aliases_wikidata_and_other_articles() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let h = req_at(&c, "textDocument/hover", &uri, &text, 3).await;
    let md = h["contents"]["value"].as_str().unwrap();
    for want in [
        "### George Robertson",
        "*person*",
        "British politician",
        "**On 2001-11-23** (publication): NATO Secretary General",
        "Lord Robertson",
        "[Q333159](https://www.wikidata.org/wiki/Q333159)",
        "1 mention in this article",
        "Also in 1 article",
        "`b.txt` (2001-11-20): “Lord Robertson met Nato",
    ] {
        assert!(md.contains(want), "missing {want:?} in:\n{md}");
    }
    assert_eq!(h["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert_eq!(h["range"]["end"], json!({ "line": 0, "character": 16 }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_from_mentions_ann_lines_and_unknown_names() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let reg_uri = file_uri(&corpus.path("entities.toml"));
    let d = req_at(
        &c,
        "textDocument/definition",
        &uri,
        &text,
        at(&text, "NATO", 1),
    )
    .await;
    assert_eq!(d["uri"], reg_uri);
    assert_eq!(d["range"]["start"]["line"], 8);

    // An unknown name: its earliest full-name mention (c.txt is older).
    let d = req_at(
        &c,
        "textDocument/definition",
        &uri,
        &text,
        at(&text, "Solana", 1),
    )
    .await;
    assert_eq!(d["uri"], file_uri(&corpus.path("c.txt")), "{d}");
    assert_eq!(d["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert_eq!(d["range"]["end"], json!({ "line": 0, "character": 13 }));

    // In the .ann: Registry:id → the registry; a T line → its span.
    let (ann_uri, ann) = open(&c, &corpus, "a.ann").await;
    let d = req_at(
        &c,
        "textDocument/definition",
        &ann_uri,
        &ann,
        at(&ann, "george-robertson", 2),
    )
    .await;
    assert_eq!(d["uri"], reg_uri);
    assert_eq!(d["range"]["start"]["line"], 0);
    let d = req_at(&c, "textDocument/definition", &ann_uri, &ann, 1).await;
    assert_eq!(d["uri"], uri);
    assert_eq!(d["range"]["end"], json!({ "line": 0, "character": 16 }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_from_article_ann_and_registry() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let refs = |v: Value| -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["uri"]
                        .as_str()
                        .unwrap()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_owned(),
                    l["range"]["start"]["character"].as_u64().unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let r = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, 2), "context": { "includeDeclaration": true } }),
        )
        .await;
    assert_eq!(
        refs(r),
        vec![
            ("a.txt".into(), 0),
            ("b.txt".into(), 0),
            ("entities.toml".into(), 0)
        ]
    );
    let (reg_uri, reg) = open(&c, &corpus, "entities.toml").await;
    let r = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": reg_uri }, "position": c.pos(&reg, at(&reg, "[nato]", 2)), "context": { "includeDeclaration": false } }),
        )
        .await;
    assert_eq!(
        refs(r),
        vec![
            ("a.txt".into(), 46),
            ("b.txt".into(), 19),
            ("c.txt".into(), 30)
        ]
    );
    let (ann_uri, ann) = open(&c, &corpus, "a.ann").await;
    let r = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": ann_uri }, "position": c.pos(&ann, at(&ann, "N1", 0)), "context": { "includeDeclaration": false } }),
        )
        .await;
    assert_eq!(refs(r).len(), 2);
    let hl = req_at(
        &c,
        "textDocument/documentHighlight",
        &uri,
        &text,
        at(&text, "NATO", 0),
    )
    .await;
    assert_eq!(hl.as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fix_as_versioned_edit_against_the_open_unsaved_ann() {
    let (corpus, c) = start(
        BASE,
        json!({ "initializationOptions": { "fixes": "edit" } }),
    )
    .await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let (ann_uri, ann) = open(&c, &corpus, "a.ann").await;
    // An unsaved edit in the .ann buffer: a note line the disk does not have.
    let end = c.pos(&ann, ann.len());
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": ann_uri, "version": 7 },
            "contentChanges": [{ "range": { "start": end, "end": end }, "text": "#1\tAnnotatorNotes T1\tcheck\n" }],
        }),
    )
    .await;
    let acts = actions(&c, &uri, &text, at(&text, "yesterday", 1), Some("quickfix")).await;
    let a = acts
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("yesterday"))
        .expect("annotate yesterday");
    assert!(a.get("command").is_none() || a["command"].is_null());
    assert_eq!(a["diagnostics"][0]["code"], "unannotated-date");
    let dc = &a["edit"]["documentChanges"][0];
    assert_eq!(dc["textDocument"]["uri"], ann_uri);
    assert_eq!(dc["textDocument"]["version"], 7);
    let e = &dc["edits"][0];
    // Appended after the unsaved line (line 3 of the buffer).
    assert_eq!(e["range"]["start"], json!({ "line": 3, "character": 0 }));
    let new = e["newText"].as_str().unwrap();
    assert!(new.starts_with("T2\tDate 35 44\tyesterday\n"), "{new}");
    assert!(new.contains("TIMEX3:2001-11-22"), "{new}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fix_creates_a_missing_ann_and_links_ambiguous_names() {
    let (corpus, c) = start(
        BASE,
        json!({ "initializationOptions": { "fixes": "edit" } }),
    )
    .await;
    let (uri, text) = open(&c, &corpus, "b.txt").await;
    let acts = actions(&c, &uri, &text, at(&text, "Tuesday", 0), None).await;
    let a = acts
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    let dc = a["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(dc[0]["kind"], "create");
    assert_eq!(dc[0]["uri"], file_uri(&corpus.path("b.ann")));
    assert!(dc[1]["textDocument"]["version"].is_null());

    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let acts = actions(&c, &uri, &text, at(&text, "Ivanov", 2), Some("quickfix")).await;
    let titles: Vec<&str> = acts.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(
        titles.contains(&"Link `Ivanov` to Sergei Ivanov (sergei-ivanov)"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Link `Ivanov` to Igor Ivanov (igor-ivanov)"),
        "{titles:?}"
    );

    let acts = actions(&c, &uri, &text, at(&text, "Javier", 2), Some("quickfix")).await;
    let a = &acts[0];
    assert_eq!(
        a["title"],
        "Add `Javier Solana` to entities.toml as a person"
    );
    let e = &a["edit"]["documentChanges"][0];
    assert_eq!(
        e["textDocument"]["uri"],
        file_uri(&corpus.path("entities.toml"))
    );
    assert!(e["edits"][0]["newText"]
        .as_str()
        .unwrap()
        .contains("[javier-solana]"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_mode_writes_unopened_files_through_the_command() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let acts = actions(&c, &uri, &text, 0, Some("source")).await;
    let all = acts
        .iter()
        .find(|a| a["kind"] == "source.gloss.annotateAllDates")
        .expect("annotate all dates");
    assert_eq!(
        all["title"],
        "Annotate all 3 unannotated dates in this article"
    );
    assert_eq!(all["command"]["command"], "gloss.applyFix");
    let r = c
        .request(
            "workspace/executeCommand",
            json!({ "command": "gloss.applyFix", "arguments": all["command"]["arguments"] }),
        )
        .await;
    assert_eq!(r["applied"], true);
    let ann = corpus.read("a.ann");
    assert_eq!(ann.matches("TIMEX3:").count(), 3, "{ann}");
    c.diagnostics(&uri, |d| !d.iter().any(|d| d["code"] == "unannotated-date"))
        .await;
    // Running it again: nothing left to annotate.
    let r = c
        .request_raw(
            "workspace/executeCommand",
            json!({ "command": "gloss.applyFix", "arguments": all["command"]["arguments"] }),
        )
        .await;
    assert!(r.get("error").is_some(), "{r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_sends_open_files_through_apply_edit() {
    let (corpus, c) = start(
        BASE,
        json!({ "initializationOptions": { "fixes": "write" } }),
    )
    .await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let (ann_uri, _) = open(&c, &corpus, "a.ann").await;
    let acts = actions(&c, &uri, &text, at(&text, "yesterday", 0), Some("quickfix")).await;
    c.request(
        "workspace/executeCommand",
        json!({ "command": "gloss.applyFix", "arguments": acts[0]["command"]["arguments"] }),
    )
    .await;
    let edits = c.server_requests("workspace/applyEdit");
    assert_eq!(edits.len(), 1);
    let dc = &edits[0]["params"]["edit"]["documentChanges"][0];
    assert_eq!(dc["textDocument"]["uri"], ann_uri);
    assert_eq!(dc["textDocument"]["version"], 1);
    // The open .ann on disk is untouched: the editor owns it.
    assert!(!corpus.read("a.ann").contains("yesterday"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_annotations_get_a_reanchor_fix_in_the_ann() {
    let fixture = BASE.replace("T1\tPerson 0 16", "T1\tPerson 2 18");
    let (corpus, c) = start(
        &fixture,
        json!({ "initializationOptions": { "fixes": "edit" } }),
    )
    .await;
    let (uri, _) = open(&c, &corpus, "a.txt").await;
    let ann_uri = file_uri(&corpus.path("a.ann"));
    let d = c
        .diagnostics(&ann_uri, |d| {
            d.iter().any(|d| d["code"] == "stale-annotation")
        })
        .await;
    assert_eq!(d[0]["severity"], 1);
    let (ann_uri2, ann) = open(&c, &corpus, "a.ann").await;
    assert_eq!(ann_uri, ann_uri2);
    let acts = actions(&c, &ann_uri, &ann, 3, Some("quickfix")).await;
    assert!(acts[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Re-anchor `T1` to 0-16"));
    let e = &acts[0]["edit"]["documentChanges"][0]["edits"][0];
    assert_eq!(e["newText"], "T1\tPerson 0 16\tGeorge Robertson");
    let _ = uri;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_in_ann_and_registry() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (ann_uri, _) = open(&c, &corpus, "a.ann").await;
    let ann = format!("{}N2\tReference T1 Registry:ig", corpus.read("a.ann"));
    let end = c.pos(&corpus.read("a.ann"), corpus.read("a.ann").len());
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": ann_uri, "version": 2 },
            "contentChanges": [{ "range": { "start": end, "end": end }, "text": "N2\tReference T1 Registry:ig" }],
        }),
    )
    .await;
    let r = req_at(&c, "textDocument/completion", &ann_uri, &ann, ann.len()).await;
    let labels: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"igor-ivanov"), "{labels:?}");
    let item = r
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "igor-ivanov")
        .unwrap();
    assert_eq!(item["textEdit"]["range"]["start"]["character"], 25);

    let (reg_uri, reg) = open(&c, &corpus, "entities.toml").await;
    let reg2 = format!("{reg}\n[x]\nkind = \"");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": reg_uri, "version": 2 }, "contentChanges": [{ "text": reg2 }] }),
    )
    .await;
    let r = req_at(&c, "textDocument/completion", &reg_uri, &reg2, reg2.len()).await;
    let labels: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["person", "organization", "location"]);
    let reg3 = format!("{reg}\n[x]\nal");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": reg_uri, "version": 3 }, "contentChanges": [{ "text": reg3 }] }),
    )
    .await;
    let r = req_at(&c, "textDocument/completion", &reg_uri, &reg3, reg3.len()).await;
    let labels: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"aliases"), "{labels:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_validates_and_edits_registry_and_ann() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (reg_uri, reg) = open(&c, &corpus, "entities.toml").await;
    let p = c.pos(&reg, 3);
    let prep = c
        .request(
            "textDocument/prepareRename",
            json!({ "textDocument": { "uri": reg_uri }, "position": p }),
        )
        .await;
    assert_eq!(prep["placeholder"], "george-robertson");
    assert_eq!(prep["range"]["start"]["character"], 1);
    for bad in ["two words", "igor-ivanov"] {
        let r = c
            .request_raw(
                "textDocument/rename",
                json!({ "textDocument": { "uri": reg_uri }, "position": p, "newName": bad }),
            )
            .await;
        assert!(r.get("error").is_some(), "{bad}: {r}");
    }
    let r = c
        .request("textDocument/rename", json!({ "textDocument": { "uri": reg_uri }, "position": p, "newName": "lord-robertson" }))
        .await;
    let dc = r["documentChanges"].as_array().unwrap();
    assert_eq!(dc.len(), 2);
    let by_uri: std::collections::HashMap<&str, &Value> = dc
        .iter()
        .map(|d| (d["textDocument"]["uri"].as_str().unwrap(), d))
        .collect();
    assert_eq!(by_uri[reg_uri.as_str()]["textDocument"]["version"], 1);
    let ann_edit = by_uri[file_uri(&corpus.path("a.ann")).as_str()];
    assert!(ann_edit["textDocument"]["version"].is_null());
    assert_eq!(ann_edit["edits"][0]["newText"], "lord-robertson");
    assert_eq!(
        ann_edit["edits"][0]["range"]["start"],
        json!({ "line": 1, "character": 25 })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symbols_hints_tokens_and_lens() {
    let fixture = BASE.replace(
        "N1\tReference T1 Registry:george-robertson\tGeorge Robertson\n",
        "N1\tReference T1 Registry:george-robertson\tGeorge Robertson\nT2\tDate 79 85\tFriday\nN2\tReference T2 TIMEX3:2001-11-23\tFriday\n",
    );
    let (corpus, c) = start(&fixture, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    c.wait_indexed().await;

    let ws = c
        .request("workspace/symbol", json!({ "query": "lord rob" }))
        .await;
    assert_eq!(ws.as_array().unwrap().len(), 1);
    assert_eq!(ws[0]["name"], "George Robertson");

    let ds = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let names: Vec<&str> = ds
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[1], "Dates (3)", "{names:?}");
    assert!(names[0].starts_with("Mentions ("));

    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": uri }, "range": { "start": c.pos(&text, 0), "end": c.pos(&text, text.len()) } }),
        )
        .await;
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["≟ 2001-11-22?", "= 2001-11-23", "≟ 2001-W48?"]);
    assert_eq!(
        hints[0]["position"],
        c.pos(&text, at(&text, "yesterday", 9))
    );

    let lens = c
        .request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let title = lens[0]["command"]["title"].as_str().unwrap();
    assert_eq!(title, "dates 1/3 · claims 0/2 annotated");
    assert!(title.ends_with(" annotated"), "{title}");

    let toks = c
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let data: Vec<u64> = toks["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    // First token: George Robertson, line 0 col 0, 16 long, person, annotated.
    assert_eq!(&data[..5], &[0, 0, 16, 0, 1]);
    // "Friday" is an annotated date; "yesterday" a proposed one.
    let mut line = 0;
    let mut col = 0;
    let mut found = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            col = t[1];
        } else {
            col += t[1];
        }
        found.push((line, col, t[2], t[3], t[4]));
    }
    assert!(found.contains(&(0, 35, 9, 3, 2)), "{found:?}");
    assert!(found.contains(&(0, 79, 6, 3, 1)), "{found:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_set_severities_but_gloss_toml_decides_for_its_corpus() {
    let fixture = BASE.replace(
        "[articles.\"a.txt\"]",
        "[checks]\nunknown-entity = \"warning\"\n\n[articles.\"a.txt\"]",
    );
    let (corpus, c) = start(
        &fixture,
        json!({ "initializationOptions": { "gloss": { "checks": { "unannotated-date": "off", "unknown-entity": "off", "ambiguous-mention": "error" } } } }),
    )
    .await;
    let uri = c.open(&corpus.path("a.txt")).await;
    let d = c
        .diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "unknown-entity"))
        .await;
    assert!(!d.iter().any(|d| d["code"] == "unannotated-date"), "{d:?}");
    let unknown = d.iter().find(|d| d["code"] == "unknown-entity").unwrap();
    assert_eq!(unknown["severity"], 2);
    let amb = d.iter().find(|d| d["code"] == "ambiguous-mention").unwrap();
    assert_eq!(amb["severity"], 1);
    assert_eq!(amb["data"]["fixes"], 2);

    // didChangeConfiguration with settings: the dates come back.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "gloss": { "checks": {} } } }),
    )
    .await;
    c.diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "unannotated-date"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_when_the_client_supports_them() {
    let corpus = Corpus::new(BASE);
    let mut c = Client::in_process();
    let init = c
        .initialize(
            corpus.root(),
            &["utf-16"],
            json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }),
        )
        .await;
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    c.wait_indexed().await;
    let uri = c.open(&corpus.path("a.txt")).await;
    let r = c
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    assert_eq!(r["kind"], "full");
    assert!(r["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "unannotated-date"));
    let r = c
        .request("workspace/diagnostic", json!({ "previousResultIds": [] }))
        .await;
    let uris: Vec<&str> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["uri"].as_str().unwrap())
        .collect();
    assert!(uris.iter().any(|u| u.ends_with("/b.txt")), "{uris:?}");
    assert!(
        uris.iter().any(|u| u.ends_with("/entities.toml")),
        "{uris:?}"
    );
    assert!(c
        .notifications("textDocument/publishDiagnostics")
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indexing_reports_progress_and_registers_file_watching() {
    let (_corpus, c) = start(BASE, json!({})).await;
    c.wait_indexed().await;
    let progress = c.notifications("$/progress");
    assert_eq!(progress[0]["params"]["value"]["kind"], "begin");
    assert!(progress
        .iter()
        .any(|p| p["params"]["value"]["percentage"] == 100));
    assert_eq!(c.server_requests("window/workDoneProgress/create").len(), 1);
    // Registration is sent from a background task right after `initialized`.
    for _ in 0..50 {
        if !c.server_requests("client/registerCapability").is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let reg = c.server_requests("client/registerCapability");
    let r = &reg[0]["params"]["registrations"][0];
    assert_eq!(r["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = r["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert!(globs.contains(&"**/*.ann") && globs.contains(&"**/entities.toml"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watches_the_disk_itself_when_the_client_cannot() {
    let corpus = Corpus::new(BASE);
    let mut c = Client::in_process();
    c.initialize_unwatched(corpus.root()).await;
    c.wait_indexed().await;
    let uri = c.open(&corpus.path("a.txt")).await;
    c.diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "ambiguous-mention"))
        .await;
    // Another tool links Ivanov in the .ann: the ambiguity goes.
    let ann = corpus.read("a.ann")
        + "T2\tPerson 64 70\tIvanov\nN2\tReference T2 Registry:sergei-ivanov\tIvanov\n";
    std::fs::write(corpus.path("a.ann"), ann).unwrap();
    c.diagnostics(&uri, |d| {
        !d.iter().any(|d| d["code"] == "ambiguous-mention")
    })
    .await;
    // A registry change reaches the article: NATO's new alias.
    assert!(c.server_requests("client/registerCapability").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rapid_incremental_changes_apply_in_order_and_buffers_win() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let mut current = text.clone();
    for i in 0..40 {
        let ch = if i % 2 == 0 { "é " } else { "😀" };
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": i + 2 },
                "contentChanges": [{ "range": { "start": c.pos(&current, 0), "end": c.pos(&current, 0) }, "text": ch }],
            }),
        )
        .await;
        current.insert_str(0, ch);
    }
    // The disk changes too; the open buffer wins.
    std::fs::write(corpus.path("a.txt"), "Nothing here.\n").unwrap();
    c.files_changed(&[corpus.path("a.txt")]).await;
    let at_name = current.find("George").unwrap();
    let hl = req_at(
        &c,
        "textDocument/documentHighlight",
        &uri,
        &current,
        at_name + 2,
    )
    .await;
    assert_eq!(hl[0]["range"]["start"], c.pos(&current, at_name));
    let d = c.diagnostics(&uri, |_| true).await;
    let _ = d;
    let last = c
        .wait_for("diagnostics of the last version", |n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["version"] == 41
        })
        .await;
    assert!(last["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "unannotated-date"));
    // Debounced: the intermediate versions were not all analysed and published.
    let published = c
        .notifications("textDocument/publishDiagnostics")
        .iter()
        .filter(|n| n["params"]["uri"] == uri && n["params"]["version"].as_i64().unwrap_or(0) > 1)
        .count();
    assert!(
        published < 10,
        "{published} publications for 40 quick changes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registry_edits_in_the_editor_reach_every_article() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let (reg_uri, reg) = open(&c, &corpus, "entities.toml").await;
    let reg2 = format!("{reg}\n[javier-solana]\nkind = \"person\"\nname = \"Javier Solana\"\ndescription = \"Spanish politician\"\n");
    c.clear_notifications();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": reg_uri, "version": 2 }, "contentChanges": [{ "text": reg2 }] }),
    )
    .await;
    c.diagnostics(&uri, |d| !d.iter().any(|d| d["code"] == "unknown-entity"))
        .await;
    let h = req_at(
        &c,
        "textDocument/hover",
        &uri,
        &text,
        at(&text, "Solana", 0),
    )
    .await;
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Spanish politician"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_feature_becomes_an_internal_error_and_the_server_goes_on() {
    use tower_lsp_server::jsonrpc::ErrorCode;
    let (service, _socket) = gloss::lsp::build_service();
    let inner = service.inner().inner.clone();
    let r: tower_lsp_server::jsonrpc::Result<()> =
        gloss::lsp::server::run(&inner, "test", |_| panic!("boom")).await;
    let e = r.unwrap_err();
    assert_eq!(e.code, ErrorCode::InternalError);
    assert!(e.message.contains("boom"), "{}", e.message);
    let ok = gloss::lsp::server::run(&inner, "test", |_| Ok(1)).await;
    assert_eq!(ok.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_outside_the_workspace_get_their_corpus_and_stray_files_are_left_alone() {
    let corpus = Corpus::new(BASE);
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(
        elsewhere.path().join("notes.txt"),
        "George Robertson wrote this.\n",
    )
    .unwrap();
    let mut c = Client::in_process();
    c.initialize(elsewhere.path(), &["utf-16"], json!({})).await;
    let stray = c.open(&elsewhere.path().join("notes.txt")).await;
    let r = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": stray }, "position": { "line": 0, "character": 2 } }),
        )
        .await;
    assert!(r.is_null());
    let (uri, text) = (c.open(&corpus.path("a.txt")).await, corpus.read("a.txt"));
    c.wait_indexed().await;
    c.diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "ambiguous-mention"))
        .await;
    let h = req_at(&c, "textDocument/hover", &uri, &text, 2).await;
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("NATO Secretary General"));
    assert!(c
        .notifications("textDocument/publishDiagnostics")
        .iter()
        .all(|n| n["params"]["uri"] != stray));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_an_unknown_name_says_what_it_looks_like() {
    let fixture = r#"//- /gloss.toml
[articles."a.txt"]
published = 2005-03-15
//- /a.txt
Talks with Culture Secretary Tessa Jowell went well.
"#;
    let (corpus, c) = start(fixture, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let h = req_at(
        &c,
        "textDocument/hover",
        &uri,
        &text,
        at(&text, "Jowell", 1),
    )
    .await;
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        md.starts_with("**Tessa Jowell** is not in entities.toml: it looks like a person, described here as \"Culture Secretary\"."),
        "{md}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_claim_shows_source_cue_and_state() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let h = req_at(
        &c,
        "textDocument/hover",
        &uri,
        &text,
        at(&text, "said on", 1),
    )
    .await;
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.contains("### Claim"), "{md}");
    assert!(md.contains("**Source:** Mr Ivanov"), "{md}");
    assert!(md.contains("**Cue:** said"), "{md}");
    assert!(md.contains("Not annotated"), "{md}");
    let acts = actions(&c, &uri, &text, at(&text, "said on", 1), Some("quickfix")).await;
    assert!(
        acts.iter().any(|a| a["title"]
            .as_str()
            .unwrap()
            .starts_with("Annotate the claim by `Mr Ivanov`")),
        "{acts:#?}"
    );
}

#[test]
fn the_mention_index_agrees_with_the_full_analysis_on_the_seeds() {
    let corpus = gloss::corpus::Corpus::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
    )
    .unwrap();
    let mut checked = 0;
    for article in corpus.articles() {
        let a = gloss::analysis::analyze(&corpus, article);
        let m = gloss::query::Mentions::of(&corpus, article);
        for e in &corpus.registry.entities {
            assert_eq!(
                a.spans_of(&e.id),
                m.spans_of(&e.id),
                "{} in {}",
                e.id,
                article.rel
            );
            checked += a.spans_of(&e.id).len();
        }
    }
    assert!(checked > 50, "{checked}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_publication_date_comes_from_a_dateline() {
    let fixture = format!(
        "{BASE}//- /d.txt\nMOSCOW, Friday, 23 November, 2001\nGeorge Robertson arrived yesterday.\n"
    );
    let (corpus, c) = start(
        &fixture,
        json!({ "initializationOptions": { "fixes": "edit" } }),
    )
    .await;
    let (uri, text) = open(&c, &corpus, "d.txt").await;
    let d = c
        .diagnostics(&uri, |d| {
            d.iter().any(|d| d["code"] == "missing-publication-date")
        })
        .await;
    let m = d
        .iter()
        .find(|d| d["code"] == "missing-publication-date")
        .unwrap();
    assert_eq!(m["range"]["start"]["line"], 0);
    let acts = actions(&c, &uri, &text, 10, Some("quickfix")).await;
    let a = acts
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Set the publication date to 2001-11-23")
        })
        .unwrap_or_else(|| panic!("{acts:#?}"));
    let e = &a["edit"]["documentChanges"][0];
    assert_eq!(
        e["textDocument"]["uri"],
        file_uri(&corpus.path("gloss.toml"))
    );
    let touched = c.apply_to_disk(&a["edit"]);
    assert!(corpus
        .read("gloss.toml")
        .contains("[articles.\"d.txt\"]\npublished = 2001-11-23"));
    c.files_changed(&touched).await;
    // The manifest changed: "yesterday" now resolves.
    c.diagnostics(&uri, |d| {
        !d.iter().any(|d| d["code"] == "missing-publication-date")
            && d.iter()
                .any(|d| d["message"].as_str().unwrap_or("").contains("2001-11-22"))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_pulled_with_workspace_configuration() {
    let corpus = Corpus::new(BASE);
    let mut c = Client::in_process();
    c.set_configuration(json!({ "checks": { "unannotated-date": "off" } }));
    c.initialize(corpus.root(), &["utf-16"], json!({})).await;
    c.wait_indexed().await;
    for _ in 0..100 {
        if !c.server_requests("workspace/configuration").is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let uri = c.open(&corpus.path("a.txt")).await;
    c.diagnostics(&uri, |d| {
        d.iter().any(|d| d["code"] == "ambiguous-mention")
            && !d.iter().any(|d| d["code"] == "unannotated-date")
    })
    .await;
    let reqs = c.server_requests("workspace/configuration");
    assert_eq!(reqs[0]["params"]["items"][0]["section"], "gloss");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_ann_dates_and_definition_from_the_manifest() {
    let fixture = BASE.replace(
        "N1\tReference T1 Registry:george-robertson\tGeorge Robertson\n",
        "N1\tReference T1 Registry:george-robertson\tGeorge Robertson\nT2\tDate 79 85\tFriday\nN2\tReference T2 TIMEX3:2001-11-23\tFriday\n",
    );
    let (corpus, c) = start(&fixture, json!({})).await;
    let (ann_uri, ann) = open(&c, &corpus, "a.ann").await;
    let h = req_at(&c, "textDocument/hover", &ann_uri, &ann, at(&ann, "N2", 1)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("`2001-11-23`") && md.contains("the day of publication"),
        "{md}"
    );
    let (m_uri, m) = open(&c, &corpus, "gloss.toml").await;
    let d = req_at(
        &c,
        "textDocument/definition",
        &m_uri,
        &m,
        at(&m, "\"b.txt\"", 1),
    )
    .await;
    assert_eq!(d["uri"], file_uri(&corpus.path("b.txt")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_reloads_what_the_watcher_missed() {
    let (corpus, c) = start(BASE, json!({})).await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let count = |v: Value| v.as_array().map(|a| a.len()).unwrap_or(0);
    let params = json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, 2), "context": { "includeDeclaration": false } });
    assert_eq!(
        count(c.request("textDocument/references", params.clone()).await),
        2
    );
    std::fs::write(corpus.path("b.txt"), "Nobody came.\n").unwrap();
    std::fs::write(corpus.path("e.txt"), "George Robertson again.\n").unwrap();
    c.request(
        "workspace/executeCommand",
        json!({ "command": "gloss.reindex" }),
    )
    .await;
    let mut reloaded = false;
    for _ in 0..100 {
        let refs = c.request("textDocument/references", params.clone()).await;
        let files: Vec<String> = refs
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["uri"].as_str().unwrap().to_owned())
            .collect();
        if files.len() == 2
            && files.iter().any(|f| f.ends_with("/e.txt"))
            && !files.iter().any(|f| f.ends_with("/b.txt"))
        {
            reloaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(reloaded, "references did not follow the reload");
    // The open buffer still wins after the reload.
    let h = req_at(&c, "textDocument/hover", &uri, &text, 2).await;
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("George Robertson"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn excluded_articles_are_not_linted() {
    let fixture = BASE.replace(
        "[articles.\"a.txt\"]",
        "[settings]\nexclude = [\"drafts/**\"]\n\n[articles.\"a.txt\"]",
    ) + "//- /drafts/x.txt\nGeorge Robertson arrived yesterday.\n";
    let (corpus, c) = start(&fixture, json!({})).await;
    let uri = c.open(&corpus.path("drafts/x.txt")).await;
    let d = c.diagnostics(&uri, |_| true).await;
    assert!(d.is_empty(), "{d:#?}");
    // Not in references either.
    let (a_uri, text) = open(&c, &corpus, "a.txt").await;
    let refs = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": a_uri }, "position": c.pos(&text, 2), "context": { "includeDeclaration": false } }),
        )
        .await;
    assert!(refs
        .as_array()
        .unwrap()
        .iter()
        .all(|l| !l["uri"].as_str().unwrap().contains("drafts")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ann_edits_ask_the_client_to_refresh_hints_and_lenses() {
    let (corpus, c) = start(
        BASE,
        json!({ "workspace": { "inlayHint": { "refreshSupport": true }, "codeLens": { "refreshSupport": true } } }),
    )
    .await;
    let (_uri, _) = open(&c, &corpus, "a.txt").await;
    let (ann_uri, ann) = open(&c, &corpus, "a.ann").await;
    let before = c.server_requests("workspace/inlayHint/refresh").len();
    let end = c.pos(&ann, ann.len());
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": ann_uri, "version": 2 },
            "contentChanges": [{ "range": { "start": end, "end": end }, "text": "T2\tDate 35 44\tyesterday\n" }],
        }),
    )
    .await;
    let mut refreshed = false;
    for _ in 0..200 {
        if c.server_requests("workspace/inlayHint/refresh").len() > before
            && !c.server_requests("workspace/codeLens/refresh").is_empty()
        {
            refreshed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(refreshed);
}

/// Request at the fixture's `$0` cursor.
async fn at_cursor(c: &Client, corpus: &Corpus, method: &str, extra: Value) -> Value {
    let (path, byte) = corpus.cursor.clone().expect("a $0 cursor in the fixture");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = c.open(&path).await;
    let mut params = json!({ "textDocument": { "uri": uri }, "position": c.pos(&text, byte) });
    if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            p.insert(k.clone(), v.clone());
        }
    }
    c.request(method, params).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cursor_fixtures_for_registry_references_and_ann_completion() {
    let (corpus, c) = start(
        r#"//- /entities.toml
[nato]
kind = "organization"
name = "NATO"
aliases = ["Nato", "the Atlantic alliance"]

[kremlin]
kind = "org$0anization"
name = "Kremlin"
//- /a.txt
NATO and the Kremlin met. Nato said so.
//- /b.txt
The Kremlin 😀 and the Atlantic alliance.
"#,
        json!({}),
    )
    .await;
    let refs = at_cursor(
        &c,
        &corpus,
        "textDocument/references",
        json!({ "context": { "includeDeclaration": false } }),
    )
    .await;
    let got: Vec<(String, Value)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                l["range"]["start"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("a.txt".to_owned(), json!({ "line": 0, "character": 13 })),
            ("b.txt".to_owned(), json!({ "line": 0, "character": 4 })),
        ]
    );

    let (corpus, c) = start(
        "//- /entities.toml\n[nato]\nkind = \"organization\"\nname = \"NATO\"\n//- /a.txt\nNATO met.\n//- /a.ann\nT1\tOrganization 0 4\tNATO\nN1\tReference T1 Registry:na$0\n",
        json!({}),
    )
    .await;
    let items = at_cursor(&c, &corpus, "textDocument/completion", json!({})).await;
    assert_eq!(items[0]["label"], "nato");
    assert_eq!(
        items[0]["textEdit"]["range"]["start"],
        json!({ "line": 1, "character": 25 })
    );
}

/// Diagnostics are published with fix titles only; the fixes a code action
/// offers are built in full when asked for, for the text as it is after
/// the last keystroke: the same edits as the core's full analysis of that
/// text, and not those of the text before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_keystroke_code_actions_offer_the_full_fix_for_the_new_text() {
    let (corpus, c) = start(
        BASE,
        json!({ "initializationOptions": { "fixes": "edit", "debounceMs": 0 } }),
    )
    .await;
    let (uri, text) = open(&c, &corpus, "a.txt").await;
    let fix_at = |acts: &[Value]| -> (String, String) {
        let a = acts
            .iter()
            .find(|a| a["title"].as_str().unwrap_or("").contains("yesterday"))
            .expect("a fix annotating yesterday");
        let e = &a["edit"]["documentChanges"][0]["edits"][0];
        (
            a["title"].as_str().unwrap_or("").to_owned(),
            e["newText"].as_str().unwrap_or("").to_owned(),
        )
    };
    let before = actions(&c, &uri, &text, at(&text, "yesterday", 1), Some("quickfix")).await;
    let (title_before, new_before) = fix_at(&before);

    // Type "Mr " at the start: every later offset moves by 3.
    let start = c.pos(&text, 0);
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": { "start": start, "end": start }, "text": "Mr " }],
        }),
    )
    .await;
    let changed = format!("Mr {text}");
    c.wait_for("diagnostics of version 2", |n| {
        n["method"] == "textDocument/publishDiagnostics"
            && n["params"]["uri"] == uri.as_str()
            && n["params"]["version"] == 2
    })
    .await;
    let after = actions(
        &c,
        &uri,
        &changed,
        at(&changed, "yesterday", 1),
        Some("quickfix"),
    )
    .await;
    let (title_after, new_after) = fix_at(&after);

    // What the core's full analysis of the changed text offers.
    let mut core = gloss::corpus::Corpus::load(corpus.root()).expect("load");
    let path = corpus.path("a.txt");
    core.upsert_article(&path, changed.clone());
    let article = core.article_for_path(&path).expect("article");
    let analysis = gloss::analysis::analyze(&core, article);
    let y = at(&changed, "yesterday", 1);
    let fix = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == gloss::diagnostics::Code::UnannotatedDate)
        .find(|d| d.range.start <= y && y <= d.range.end)
        .and_then(|d| d.fixes.first())
        .expect("the core's fix");
    assert_eq!(title_after, fix.title);
    assert_eq!(new_after, fix.edits[0].new_text);
    assert!(new_after.contains("Date 38 47"), "{new_after}");
    assert_eq!(title_before, title_after);
    assert_ne!(
        new_before, new_after,
        "the fix was not rebuilt for the new text"
    );
    // The diagnostic offering it still says it has fixes.
    let diags = c.diagnostics(&uri, |_| true).await;
    assert!(diags
        .iter()
        .any(|d| d["code"] == "unannotated-date" && d["data"]["fixes"].as_u64() >= Some(1)));
}
