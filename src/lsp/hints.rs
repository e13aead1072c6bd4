//! Inlay hints (the TIMEX3 value after each date) and the code lens at the
//! top of an article (how much of it is annotated).

use std::path::Path;

use tower_lsp_server::ls_types::*;

use super::lookup::Doc;
use super::state::{FileKind, World};

pub fn inlay_hints(w: &World, path: &Path, range: Range) -> Option<Vec<InlayHint>> {
    if !w.config.inlay_hints {
        return Some(Vec::new());
    }
    let doc = Doc::new(w, path)?;
    if doc.kind != FileKind::Article {
        return None;
    }
    let a = doc.analysis()?;
    let view = doc.view();
    let req = view.byte_range(range);
    let mut out: Vec<(usize, String, &str)> = Vec::new();
    for d in &a.annotations.dates {
        let label = match &d.value {
            Some(v) => format!("= {v}"),
            None => "= (no value)".into(),
        };
        out.push((d.span.end, label, "annotated TIMEX3 value"));
    }
    for t in a.unannotated_timexes() {
        if t.value.is_empty() {
            continue;
        }
        out.push((
            t.span.end,
            format!("≟ {}?", t.value),
            "proposed by gloss, not annotated",
        ));
    }
    out.sort_by_key(|h| h.0);
    Some(
        out.into_iter()
            .filter(|(at, _, _)| req.start <= *at && *at <= req.end)
            .map(|(at, label, tip)| InlayHint {
                position: view.pos(at),
                label: InlayHintLabel::String(label),
                kind: Some(InlayHintKind::TYPE),
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(tip.into())),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    )
}

/// "dates 12/14 · claims 8/9 annotated".
pub fn summary(w: &World, path: &Path) -> Option<String> {
    let doc = Doc::new(w, path)?;
    if doc.kind != FileKind::Article {
        return None;
    }
    let a = doc.analysis()?;
    let dates_done = a.annotations.dates.len();
    let dates_total = dates_done + a.unannotated_timexes().count();
    let claims_done = a.annotations.claims.len();
    let claims_total = claims_done + a.unannotated_claims().count();
    Some(format!(
        "dates {dates_done}/{dates_total} · claims {claims_done}/{claims_total} annotated"
    ))
}

pub fn code_lens(w: &World, path: &Path) -> Option<Vec<CodeLens>> {
    if !w.config.code_lens {
        return Some(Vec::new());
    }
    let title = summary(w, path)?;
    Some(vec![CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title,
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }])
}
