//! The output formats of `gloss check`: human, JSON, SARIF 2.1.0 and GitHub
//! workflow commands.

use std::io::{self, Write};

use serde_json::json;

use gloss::diagnostics::{Code, Severity};
use gloss::report::{Located, Summary};

pub fn human(
    out: &mut dyn Write,
    diags: &[Located],
    summary: &Summary,
    color: bool,
) -> io::Result<()> {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    for d in diags {
        let (sev_color, sev) = match d.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("1;36", "info"),
            _ => ("1;32", "hint"),
        };
        writeln!(
            out,
            "{}: {}: {}",
            paint("1", &format!("{}:{}:{}", d.file, d.line, d.column)),
            paint(sev_color, &format!("{sev}[{}]", d.code)),
            d.message
        )?;
        let (snippet, caret_start, caret_len) = snippet(d);
        let gutter = d.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(out, "{pad} {}", paint("1;34", "|"))?;
        writeln!(
            out,
            "{} {} {snippet}",
            paint("1;34", &gutter),
            paint("1;34", "|")
        )?;
        writeln!(
            out,
            "{pad} {} {}{}",
            paint("1;34", "|"),
            " ".repeat(caret_start),
            paint(sev_color, &"^".repeat(caret_len.max(1)))
        )?;
        if let Some(f) = d.fixes.first() {
            writeln!(out, "{pad} = fix: {}", f.title)?;
        }
        writeln!(out)?;
    }
    let mut parts = Vec::new();
    for (n, what) in [
        (summary.errors, "error"),
        (summary.warnings, "warning"),
        (summary.infos, "info"),
        (summary.hints, "hint"),
    ] {
        if n > 0 {
            parts.push(format!(
                "{n} {what}{}",
                if n == 1 || what == "info" { "" } else { "s" }
            ));
        }
    }
    let status = if parts.is_empty() {
        "no problems".to_owned()
    } else {
        parts.join(", ")
    };
    writeln!(
        out,
        "{}: {status} in {} article{}",
        paint("1", "gloss check"),
        summary.articles,
        if summary.articles == 1 { "" } else { "s" }
    )
}

/// The part of the source line to show (long paragraphs are cut to a window
/// around the span), and the caret's column and width in that snippet.
fn snippet(d: &Located) -> (String, usize, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = d
        .source_line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start = (d.column - 1)
        .saturating_sub(d.source_line_start)
        .min(chars.len());
    let end = if d.end_line == d.line {
        (d.end_column - 1)
            .saturating_sub(d.source_line_start)
            .clamp(start, chars.len())
    } else {
        chars.len()
    };
    let len = (end - start).min(WIDTH);
    if chars.len() <= WIDTH && d.source_line_start == 0 && !d.source_line_cut {
        return (chars.iter().collect(), start, len);
    }
    let from = start.saturating_sub((WIDTH.saturating_sub(len)) / 2);
    let to = (from + WIDTH).min(chars.len());
    let from = to.saturating_sub(WIDTH).min(from);
    let mut s: String = chars[from..to].iter().collect();
    let mut caret = start - from;
    if from > 0 || d.source_line_start > 0 {
        s.insert(0, '…');
        caret += 1;
    }
    if to < chars.len() || d.source_line_cut {
        s.push('…');
    }
    (s, caret, len)
}

/// `{"diagnostics": [...], "summary": {...}}`, pretty-printed. Written one
/// diagnostic at a time, each through its own `serde_json::Value` (objects
/// with sorted keys), so the report never exists twice in memory; the bytes
/// are those of pretty-printing the whole document as one value.
pub fn json(out: &mut dyn Write, diags: &[Located], summary: &Summary) -> io::Result<()> {
    out.write_all(b"{\n  \"diagnostics\": [")?;
    let mut item = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        item.clear();
        serde_json::to_writer_pretty(&mut item, &serde_json::to_value(d)?)?;
        write_indented(out, &item, "    ")?;
    }
    out.write_all(if diags.is_empty() {
        b"],\n"
    } else {
        b"\n  ],\n"
    })?;
    out.write_all(b"  \"summary\": ")?;
    item.clear();
    serde_json::to_writer_pretty(&mut item, &serde_json::to_value(summary)?)?;
    write_indented(out, &item, "  ")?;
    out.write_all(b"\n}\n")
}

/// Write pretty-printed JSON nested `indent` deep: every line but the first
/// gets the indentation (JSON strings hold no raw newlines).
fn write_indented(out: &mut dyn Write, json: &[u8], indent: &str) -> io::Result<()> {
    let mut lines = json.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.write_all(first)?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line)?;
    }
    Ok(())
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

pub fn sarif(out: &mut dyn Write, diags: &[Located]) -> io::Result<()> {
    let rules: Vec<_> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.as_str().split('-').map(|w| { let mut cs = w.chars(); cs.next().map(|f| f.to_uppercase().collect::<String>() + cs.as_str()).unwrap_or_default() }).collect::<String>(),
                "shortDescription": { "text": c.description() },
                "fullDescription": { "text": c.description() },
                "defaultConfiguration": { "level": sarif_level(c.default_severity()) },
                "help": { "text": c.description() },
            })
        })
        .collect();
    let results: Vec<_> = diags
        .iter()
        .map(|d| {
            let rule_index = Code::ALL.iter().position(|c| c.as_str() == d.code).unwrap_or(0);
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": rule_index,
                "level": sarif_level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.file), "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": d.line, "startColumn": d.column,
                            "endLine": d.end_line, "endColumn": d.end_column,
                            "charOffset": d.start, "charLength": d.end - d.start,
                        }
                    }
                }],
                "partialFingerprints": { "glossDiagnostic/v1": format!("{}:{}:{}", d.code, d.file, d.start) },
            });
            if !d.fixes.is_empty() {
                r["fixes"] = d
                    .fixes
                    .iter()
                    .map(|f| {
                        json!({
                            "description": { "text": f.title },
                            "artifactChanges": f.edits.iter().map(|e| json!({
                                "artifactLocation": { "uri": uri(&e.file), "uriBaseId": "%SRCROOT%" },
                                "replacements": [{
                                    "deletedRegion": { "charOffset": e.start, "charLength": e.end - e.start },
                                    "insertedContent": { "text": e.new_text },
                                }],
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
            }
            r
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gloss",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A relative URI reference for a path: each segment percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// GitHub Actions workflow commands (`::warning file=…::message`).
pub fn github(out: &mut dyn Write, diags: &[Located]) -> io::Result<()> {
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "notice",
        };
        writeln!(
            out,
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            prop(&d.file),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            prop(&d.code),
            data(&d.message)
        )?;
    }
    Ok(())
}
