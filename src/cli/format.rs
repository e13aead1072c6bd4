//! The output formats of `gloss check`: human, JSON, SARIF 2.1.0 and GitHub
//! workflow commands.

use std::io::{self, Write};

use serde_json::json;

use gloss::diagnostics::{Code, Severity};
use gloss::report::{Located, Summary};

fn paint(color: bool, code: &str, s: &str) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

/// One diagnostic in the human format: location, message, the source line
/// with a caret under the span, and the first fix's title.
pub fn human_item(out: &mut Vec<u8>, d: &Located, color: bool) -> io::Result<()> {
    let paint = |code: &str, s: &str| paint(color, code, s);
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
    writeln!(out)
}

/// The last line of the human format: counts by severity.
pub fn human_summary(out: &mut dyn Write, summary: &Summary, color: bool) -> io::Result<()> {
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
        paint(color, "1", "gloss check"),
        summary.articles,
        if summary.articles == 1 { "" } else { "s" }
    )
}

/// The part of the source line to show (long paragraphs are cut to a window
/// around the span), and the caret's column and width in that snippet.
fn snippet(d: &Located) -> (String, usize, usize) {
    const WIDTH: usize = 100;
    // Positions are in characters; the line is not copied into a vector of
    // them (it is often a whole paragraph, and every diagnostic on it has
    // its own snippet).
    let line = d.source_line.as_str();
    let n = line.chars().count();
    let ascii = n == line.len();
    let byte_at = |k: usize| -> usize {
        if ascii {
            k.min(line.len())
        } else {
            line.char_indices().nth(k).map_or(line.len(), |(b, _)| b)
        }
    };
    let untab = |s: &mut String, from: usize, to: usize| {
        s.extend(
            line[byte_at(from)..byte_at(to)]
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c }),
        );
    };
    let start = (d.column - 1).saturating_sub(d.source_line_start).min(n);
    let end = if d.end_line == d.line {
        (d.end_column - 1)
            .saturating_sub(d.source_line_start)
            .clamp(start, n)
    } else {
        n
    };
    let len = (end - start).min(WIDTH);
    if n <= WIDTH && d.source_line_start == 0 && !d.source_line_cut {
        let mut s = String::with_capacity(line.len());
        untab(&mut s, 0, n);
        return (s, start, len);
    }
    let from = start.saturating_sub((WIDTH.saturating_sub(len)) / 2);
    let to = (from + WIDTH).min(n);
    let from = to.saturating_sub(WIDTH).min(from);
    let mut s = String::with_capacity(4 * (to - from) + 6);
    let mut caret = start - from;
    if from > 0 || d.source_line_start > 0 {
        s.push('…');
        caret += 1;
    }
    untab(&mut s, from, to);
    if to < n || d.source_line_cut {
        s.push('…');
    }
    (s, caret, len)
}

/// The JSON format is `{"diagnostics": [...], "summary": {...}}`,
/// pretty-printed as serde_json pretty-prints the whole document (objects
/// with their keys sorted, two spaces per level), written one diagnostic at
/// a time so that the report never exists in memory.
pub fn json_head(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"diagnostics\": [")
}

/// One diagnostic of the JSON format, preceded by `,`: the first one
/// written drops that byte (see [`ITEM_SEPARATOR`]).
pub fn json_item(out: &mut Vec<u8>, d: &Located) -> io::Result<()> {
    out.extend_from_slice(b",\n    {\n      \"code\": ");
    json_str(out, &d.code)?;
    json_field_num(out, "column", d.column);
    json_field_num(out, "end", d.end);
    json_field_num(out, "end_column", d.end_column);
    json_field_num(out, "end_line", d.end_line);
    out.extend_from_slice(b",\n      \"file\": ");
    json_str(out, &d.file)?;
    if !d.fixes.is_empty() {
        out.extend_from_slice(b",\n      \"fixes\": [");
        for (i, f) in d.fixes.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            out.extend_from_slice(b"        {\n          \"edits\": [");
            for (j, e) in f.edits.iter().enumerate() {
                out.extend_from_slice(if j == 0 { b"\n" } else { b",\n" });
                out.extend_from_slice(b"            {\n              \"end\": ");
                write_num(out, e.end);
                out.extend_from_slice(b",\n              \"file\": ");
                json_str(out, &e.file)?;
                out.extend_from_slice(b",\n              \"new_text\": ");
                json_str(out, &e.new_text)?;
                out.extend_from_slice(b",\n              \"start\": ");
                write_num(out, e.start);
                out.extend_from_slice(b"\n            }");
            }
            if !f.edits.is_empty() {
                out.extend_from_slice(b"\n          ");
            }
            out.extend_from_slice(b"],\n          \"title\": ");
            json_str(out, &f.title)?;
            out.extend_from_slice(b"\n        }");
        }
        out.extend_from_slice(b"\n      ]");
    }
    json_field_num(out, "line", d.line);
    out.extend_from_slice(b",\n      \"message\": ");
    json_str(out, &d.message)?;
    out.extend_from_slice(b",\n      \"severity\": ");
    json_str(out, d.severity.as_str())?;
    json_field_num(out, "start", d.start);
    out.extend_from_slice(b"\n    }");
    Ok(())
}

/// The end of the JSON format: the summary, after `any` diagnostics or none.
pub fn json_tail(out: &mut dyn Write, any: bool, summary: &Summary) -> io::Result<()> {
    out.write_all(if any { b"\n  ],\n" } else { b"],\n" })?;
    out.write_all(b"  \"summary\": ")?;
    let mut item = Vec::new();
    serde_json::to_writer_pretty(&mut item, &serde_json::to_value(summary)?)?;
    write_indented(out, &item, "  ")?;
    out.write_all(b"\n}\n")
}

/// Items of the JSON and SARIF arrays are rendered with a leading `,`; the
/// first item written to the output drops it.
pub const ITEM_SEPARATOR: usize = 1;

fn json_field_num(out: &mut Vec<u8>, key: &str, n: usize) {
    out.extend_from_slice(b",\n      \"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\": ");
    write_num(out, n);
}

fn write_num(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A JSON string as serde_json writes it, in one pass: runs of bytes that
/// need no escaping (nearly all of them) are copied whole. Fix texts hold
/// `.ann` lines with tabs and newlines, so escaping is common enough that
/// checking first and escaping through serde_json after cost two passes.
fn json_str(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut from = 0;
    while let Some(i) = next_escape(b, from) {
        let c = b[i];
        out.extend_from_slice(&b[from..i]);
        // serde_json's escapes: short ones where JSON has them, `\u00XX`
        // (lowercase hex) for the other control characters.
        let short = match c {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'\n' => Some(b'n'),
            b'\t' => Some(b't'),
            b'\r' => Some(b'r'),
            0x08 => Some(b'b'),
            0x0c => Some(b'f'),
            _ => None,
        };
        match short {
            Some(e) => out.extend_from_slice(&[b'\\', e]),
            None => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]),
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
    Ok(())
}

/// Whether serde_json escapes byte `c`: the quote, the backslash and
/// control characters (not DEL, not non-ASCII).
fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// The first byte at or after `from` that [`needs_escape`], eight bytes at
/// a time: a byte of a word is flagged when it is below 0x20 or equal to
/// one of the two (zero after XOR). The lowest flag is always exact (only
/// bytes above a flagged one can be flagged falsely, by the borrow), so
/// the first flagged byte of a word is the answer.
fn next_escape(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let flags = below(v, 0x20) | below(v ^ (ONES * 0x22), 1) | below(v ^ (ONES * 0x5c), 1);
        if flags != 0 {
            return Some(i + (flags.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&c| needs_escape(c))
        .map(|k| i + k)
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

/// Stands for the results array in the SARIF log while its frame is
/// rendered; it cannot occur in a serialized log otherwise.
const SARIF_RESULTS: &str = "\u{0}gloss-results\u{0}";

/// The SARIF log around its results array: the text before the array and the
/// text after it, as serde_json pretty-prints the whole log.
fn sarif_frame() -> io::Result<(Vec<u8>, Vec<u8>)> {
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
            "results": SARIF_RESULTS,
        }]
    });
    let text = serde_json::to_vec_pretty(&log)?;
    let marker = serde_json::to_vec(SARIF_RESULTS)?;
    let at = text
        .windows(marker.len())
        .position(|w| w == marker.as_slice())
        .ok_or_else(|| io::Error::other("SARIF frame without its results"))?;
    Ok((text[..at].to_vec(), text[at + marker.len()..].to_vec()))
}

/// The SARIF log up to its results array; returns the rest, for [`sarif_tail`].
pub fn sarif_head(out: &mut dyn Write) -> io::Result<Vec<u8>> {
    let (head, tail) = sarif_frame()?;
    out.write_all(&head)?;
    out.write_all(b"[")?;
    Ok(tail)
}

/// One SARIF result, preceded by `,` (see [`ITEM_SEPARATOR`]).
pub fn sarif_result(out: &mut Vec<u8>, d: &Located) -> io::Result<()> {
    let rule_index = Code::ALL
        .iter()
        .position(|c| c.as_str() == d.code)
        .unwrap_or(0);
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
    out.extend_from_slice(b",\n        ");
    let item = serde_json::to_vec_pretty(&r)?;
    write_indented(out, &item, "        ")
}

/// The end of the SARIF log, after `any` results or none.
pub fn sarif_tail(out: &mut dyn Write, any: bool, tail: &[u8]) -> io::Result<()> {
    out.write_all(if any { b"\n      ]" } else { b"]" })?;
    out.write_all(tail)?;
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

/// One GitHub Actions workflow command (`::warning file=…::message`).
pub fn github_item(out: &mut Vec<u8>, d: &Located) -> io::Result<()> {
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
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
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings are written byte for byte as serde_json writes them.
    #[test]
    fn json_str_escapes_as_serde_json() {
        let mut all_bytes = String::new();
        for c in (0u8..0x80).map(char::from) {
            all_bytes.push(c);
        }
        for s in [
            "",
            "plain text",
            "T1\tPerson 0 5\tBoris\n",
            "a \"quoted\" back\\slash",
            "\u{7f}\u{1}\u{1f}\u{8}\u{c}\r",
            "Ivanov’s «café» — 東京",
            all_bytes.as_str(),
            "0123456\"89abcdef\\0123456789abcde\n",
            "\u{1f}\u{20}\u{21}\u{22}\u{5b}\u{5c}\u{5d}\u{80}é0123456789",
        ] {
            let mut ours = Vec::new();
            json_str(&mut ours, s).expect("writing to a vector");
            let theirs = serde_json::to_vec(s).expect("serialising a string");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    /// The word-at-a-time search finds the first byte to escape wherever
    /// it stands in a word, with any bytes before and after it.
    #[test]
    fn next_escape_finds_the_first_byte_to_escape() {
        let fillers = [b'a', 0x21, 0x23, 0x20, 0x5b, 0x5d, 0x7f, 0x80, 0xff];
        let special = [0u8, 0x09, 0x0a, 0x1f, b'"', b'\\'];
        for len in 0..20 {
            for &f in &fillers {
                let plain = vec![f; len];
                assert_eq!(next_escape(&plain, 0), None);
                for at in 0..len {
                    for &c in &special {
                        let mut b = plain.clone();
                        b[at] = c;
                        // Bytes to escape after the first do not move it.
                        for after in at + 1..len {
                            if after % 3 == 0 {
                                b[after] = special[after % special.len()];
                            }
                        }
                        for from in 0..=at {
                            assert_eq!(next_escape(&b, from), Some(at), "{b:?} from {from}");
                        }
                        assert_eq!(
                            next_escape(&b, at + 1).is_some(),
                            b[at + 1..].iter().any(|&c| needs_escape(c))
                        );
                    }
                }
            }
        }
    }
}
