//! brat standoff (`.ann`) files: parsing, editing and writing.
//!
//! Every line is kept verbatim, with its own line terminator, so a file that
//! gloss reads and writes back is byte-identical unless gloss added or changed
//! a line on purpose. Lines gloss does not understand (other tools' line
//! kinds, broken lines) are kept as [`EntryKind::Unknown`] and never dropped.
//! Offsets in `T` lines count Unicode code points, as brat does.

use std::fmt;

/// One parsed `.ann` file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnDoc {
    pub entries: Vec<Entry>,
}

/// One line of an `.ann` file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The line's text without its terminator, exactly as read.
    pub raw: String,
    /// The terminator that followed it: `"\n"`, `"\r\n"`, `"\r"` or `""` at
    /// the end of a file without a final newline.
    pub eol: &'static str,
    /// Zero-based line number in the file as read (new entries get the line
    /// they will have when written).
    pub line: usize,
    /// Byte offset of the line's start in the file as read.
    pub offset: usize,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntryKind {
    TextBound(TextBound),
    Event(Event),
    Normalization(Normalization),
    Relation(Relation),
    Attribute(Attribute),
    Note(Note),
    /// `*` equivalences and any other line kind brat knows but gloss does not use.
    Other,
    Blank,
    /// A line that could not be parsed; kept verbatim.
    Malformed(ParseError),
}

/// `T1<TAB>Label START END[;START END...]<TAB>text`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    pub id: String,
    pub label: String,
    /// Code-point ranges, in the order written.
    pub fragments: Vec<(usize, usize)>,
    pub text: String,
}

impl TextBound {
    /// The smallest code-point range covering every fragment.
    pub fn extent(&self) -> (usize, usize) {
        let start = self.fragments.iter().map(|f| f.0).min().unwrap_or(0);
        let end = self.fragments.iter().map(|f| f.1).max().unwrap_or(0);
        (start, end)
    }
}

/// `E1<TAB>Label:Trigger Role:Id ...`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub label: String,
    pub trigger: String,
    pub args: Vec<(String, String)>,
}

impl Event {
    pub fn arg(&self, role: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(r, _)| r == role)
            .map(|(_, id)| id.as_str())
    }
}

/// `N1<TAB>Reference T1 Db:Key<TAB>text`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalization {
    pub id: String,
    pub label: String,
    pub target: String,
    pub db: String,
    pub key: String,
    pub text: String,
    /// Byte range of `Db:Key` within the raw line (for go-to-definition and rename).
    pub key_range: (usize, usize),
}

/// `R1<TAB>Label Arg1:T1 Arg2:T2`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub label: String,
    pub args: Vec<(String, String)>,
}

/// `A1<TAB>Name Target [Value]` (also `M` lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    pub target: String,
    pub value: Option<String>,
}

/// `#1<TAB>AnnotatorNotes Target<TAB>text`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub target: String,
    pub text: String,
}

/// Why a line could not be parsed, with the zero-based byte column of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl EntryKind {
    pub fn id(&self) -> Option<&str> {
        match self {
            EntryKind::TextBound(t) => Some(&t.id),
            EntryKind::Event(e) => Some(&e.id),
            EntryKind::Normalization(n) => Some(&n.id),
            EntryKind::Relation(r) => Some(&r.id),
            EntryKind::Attribute(a) => Some(&a.id),
            EntryKind::Note(n) => Some(&n.id),
            _ => None,
        }
    }
}

impl AnnDoc {
    /// Parse a whole file. Never fails: broken lines become
    /// [`EntryKind::Malformed`] and are kept.
    pub fn parse(src: &str) -> AnnDoc {
        let mut entries = Vec::new();
        let mut rest = src;
        let mut offset = 0;
        let mut line = 0;
        while !rest.is_empty() {
            let (raw, eol) = match rest.find(['\n', '\r']) {
                Some(i) => {
                    let eol = if rest[i..].starts_with("\r\n") {
                        "\r\n"
                    } else if rest.as_bytes()[i] == b'\r' {
                        "\r"
                    } else {
                        "\n"
                    };
                    (&rest[..i], eol)
                }
                None => (rest, ""),
            };
            entries.push(Entry {
                raw: raw.to_owned(),
                eol,
                line,
                offset,
                kind: parse_line(raw),
            });
            let used = raw.len() + eol.len();
            offset += used;
            rest = &rest[used..];
            line += 1;
        }
        AnnDoc { entries }
    }

    /// The file's text: every entry's raw line and terminator, in order.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.entries.iter().map(|e| e.raw.len() + 2).sum());
        for e in &self.entries {
            out.push_str(&e.raw);
            out.push_str(e.eol);
        }
        out
    }

    pub fn text_bounds(&self) -> impl Iterator<Item = &TextBound> {
        self.entries.iter().filter_map(|e| match &e.kind {
            EntryKind::TextBound(t) => Some(t),
            _ => None,
        })
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.entries.iter().filter_map(|e| match &e.kind {
            EntryKind::Event(t) => Some(t),
            _ => None,
        })
    }

    pub fn normalizations(&self) -> impl Iterator<Item = &Normalization> {
        self.entries.iter().filter_map(|e| match &e.kind {
            EntryKind::Normalization(t) => Some(t),
            _ => None,
        })
    }

    pub fn text_bound(&self, id: &str) -> Option<&TextBound> {
        self.text_bounds().find(|t| t.id == id)
    }

    /// The entry that defines an id, if any.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.kind.id() == Some(id))
    }

    /// Normalizations attached to an annotation.
    pub fn normalizations_of<'a>(
        &'a self,
        target: &'a str,
    ) -> impl Iterator<Item = &'a Normalization> {
        self.normalizations().filter(move |n| n.target == target)
    }

    /// A fresh id with the given prefix (`T`, `E`, `N`, ...): one more than
    /// the largest number used with that prefix anywhere in the file,
    /// including in lines gloss does not understand, so an id is never reused
    /// while its line is still there.
    pub fn next_id(&self, prefix: char) -> u64 {
        self.entries
            .iter()
            .filter_map(|e| {
                let rest = e.raw.strip_prefix(prefix)?;
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                digits.parse::<u64>().ok()
            })
            .max()
            .unwrap_or(0)
            + 1
    }

    /// The text to append to this file so that `lines` follow its last line,
    /// adding a newline first when the file does not end with one. The
    /// terminator of new lines follows the file's own convention.
    pub fn append_text(&self, lines: &[String]) -> String {
        let eol = self
            .entries
            .iter()
            .map(|e| e.eol)
            .find(|e| !e.is_empty())
            .unwrap_or("\n");
        let mut out = String::new();
        if let Some(last) = self.entries.last() {
            if last.eol.is_empty() {
                out.push_str(eol);
            }
        }
        for l in lines {
            out.push_str(l);
            out.push_str(eol);
        }
        out
    }
}

/// Parse one line (without its terminator).
pub fn parse_line(raw: &str) -> EntryKind {
    if raw.trim().is_empty() {
        return EntryKind::Blank;
    }
    let first = raw.chars().next().unwrap_or(' ');
    let (id, rest) = match raw.split_once('\t') {
        Some(x) => x,
        None => {
            return malformed(
                0,
                format!(
                    "expected a tab after the id `{}`",
                    raw.split_whitespace().next().unwrap_or("")
                ),
            );
        }
    };
    let body_col = id.len() + 1;
    let res = match first {
        'T' => parse_text_bound(id, rest, body_col).map(EntryKind::TextBound),
        'E' => parse_event(id, rest, body_col).map(EntryKind::Event),
        'N' => parse_norm(id, rest, body_col).map(EntryKind::Normalization),
        'R' => parse_relation(id, rest, body_col).map(EntryKind::Relation),
        'A' | 'M' => parse_attribute(id, rest, body_col).map(EntryKind::Attribute),
        '#' => parse_note(id, rest, body_col).map(EntryKind::Note),
        _ => Ok(EntryKind::Other),
    };
    res.unwrap_or_else(EntryKind::Malformed)
}

fn malformed(column: usize, message: String) -> EntryKind {
    EntryKind::Malformed(ParseError { column, message })
}

fn err<T>(column: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        column,
        message: message.into(),
    })
}

fn check_id(id: &str) -> Result<(), ParseError> {
    let digits = &id[id.chars().next().map(|c| c.len_utf8()).unwrap_or(0)..];
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return err(0, format!("`{id}` is not a valid annotation id"));
    }
    Ok(())
}

fn parse_text_bound(id: &str, rest: &str, col: usize) -> Result<TextBound, ParseError> {
    check_id(id)?;
    let Some((head, text)) = rest.split_once('\t') else {
        return err(
            col + rest.len(),
            "expected a tab and the covered text after the offsets",
        );
    };
    let Some((label, spans)) = head.split_once(' ') else {
        return err(col, "expected a type and offsets, e.g. `Date 10 19`");
    };
    if label.is_empty() {
        return err(col, "missing annotation type");
    }
    let mut fragments = Vec::new();
    let mut fcol = col + label.len() + 1;
    for frag in spans.split(';') {
        let mut nums = frag.split(' ');
        let (Some(a), Some(b), None) = (nums.next(), nums.next(), nums.next()) else {
            return err(fcol, format!("expected `START END`, found `{frag}`"));
        };
        let Ok(start) = a.parse::<usize>() else {
            return err(fcol, format!("start offset `{a}` is not a number"));
        };
        let Ok(end) = b.parse::<usize>() else {
            return err(
                fcol + a.len() + 1,
                format!("end offset `{b}` is not a number"),
            );
        };
        if end < start {
            return err(
                fcol,
                format!("end offset {end} is before start offset {start}"),
            );
        }
        fragments.push((start, end));
        fcol += frag.len() + 1;
    }
    Ok(TextBound {
        id: id.to_owned(),
        label: label.to_owned(),
        fragments,
        text: text.to_owned(),
    })
}

fn parse_args(s: &str, mut col: usize) -> Result<Vec<(String, String)>, ParseError> {
    let mut out = Vec::new();
    for part in s.split(' ') {
        if part.is_empty() {
            col += 1;
            continue;
        }
        let Some((role, target)) = part.split_once(':') else {
            return err(col, format!("expected `Role:Id`, found `{part}`"));
        };
        out.push((role.to_owned(), target.to_owned()));
        col += part.len() + 1;
    }
    Ok(out)
}

fn parse_event(id: &str, rest: &str, col: usize) -> Result<Event, ParseError> {
    check_id(id)?;
    let rest = rest.trim_end_matches('\t');
    let mut args = parse_args(rest, col)?;
    if args.is_empty() {
        return err(col, "an event needs `Type:Trigger`");
    }
    let (label, trigger) = args.remove(0);
    Ok(Event {
        id: id.to_owned(),
        label,
        trigger,
        args,
    })
}

fn parse_relation(id: &str, rest: &str, col: usize) -> Result<Relation, ParseError> {
    check_id(id)?;
    let Some((label, args)) = rest.split_once(' ') else {
        return err(col, "expected `Type Arg1:Id Arg2:Id`");
    };
    Ok(Relation {
        id: id.to_owned(),
        label: label.to_owned(),
        args: parse_args(args, col + label.len() + 1)?,
    })
}

fn parse_norm(id: &str, rest: &str, col: usize) -> Result<Normalization, ParseError> {
    check_id(id)?;
    let (head, text) = rest.split_once('\t').unwrap_or((rest, ""));
    let mut parts = head.split(' ');
    let (Some(label), Some(target), Some(refr), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return err(col, "expected `Reference Target Db:Key`");
    };
    let Some((db, key)) = refr.split_once(':') else {
        return err(
            col + label.len() + target.len() + 2,
            format!("expected `Db:Key`, found `{refr}`"),
        );
    };
    if db.is_empty() || key.is_empty() {
        return err(
            col + label.len() + target.len() + 2,
            format!("expected `Db:Key`, found `{refr}`"),
        );
    }
    let kstart = col + label.len() + target.len() + 2;
    Ok(Normalization {
        id: id.to_owned(),
        label: label.to_owned(),
        target: target.to_owned(),
        db: db.to_owned(),
        key: key.to_owned(),
        text: text.to_owned(),
        key_range: (kstart, kstart + refr.len()),
    })
}

fn parse_attribute(id: &str, rest: &str, col: usize) -> Result<Attribute, ParseError> {
    check_id(id)?;
    let mut parts = rest.split(' ');
    let (Some(name), Some(target)) = (parts.next(), parts.next()) else {
        return err(col, "expected `Name Target [Value]`");
    };
    Ok(Attribute {
        id: id.to_owned(),
        name: name.to_owned(),
        target: target.to_owned(),
        value: parts.next().map(str::to_owned),
    })
}

fn parse_note(id: &str, rest: &str, col: usize) -> Result<Note, ParseError> {
    let (head, text) = rest.split_once('\t').unwrap_or((rest, ""));
    let Some((_label, target)) = head.split_once(' ') else {
        return err(col, "expected `AnnotatorNotes Target`");
    };
    Ok(Note {
        id: id.to_owned(),
        target: target.to_owned(),
        text: text.to_owned(),
    })
}

/// Format a text-bound line. Fragments are code-point ranges.
pub fn format_text_bound(
    id: &str,
    label: &str,
    fragments: &[(usize, usize)],
    text: &str,
) -> String {
    use std::fmt::Write as _;
    let text = one_line(text);
    let mut out = String::with_capacity(id.len() + label.len() + text.len() + 24);
    out.push_str(id);
    out.push('\t');
    out.push_str(label);
    out.push(' ');
    for (i, (s, e)) in fragments.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        // Writing to a String cannot fail.
        let _ = write!(out, "{s} {e}");
    }
    out.push('\t');
    out.push_str(&text);
    out
}

/// Format a normalization line.
pub fn format_normalization(id: &str, target: &str, db: &str, key: &str, text: &str) -> String {
    let text = one_line(text);
    format!("{id}\tReference {target} {db}:{key}\t{text}")
}

/// The covered text as a line records it: brat joins the text of fragments
/// with a space, and newlines or tabs inside it would break the line format.
/// Borrowed when there are none (almost always).
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
        std::borrow::Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_line() {
        let src = "T1\tDate 10 19\tyesterday\r\nN1\tReference T1 TIMEX3:2001-11-21\tyesterday\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tcheck\nA1\tNegated E1\n*\tEquiv T1 T2\nX9 something else\n\nT2\tIgnore 0 5;7 9\tab cd";
        let doc = AnnDoc::parse(src);
        assert_eq!(doc.render(), src);
        assert!(matches!(doc.entries[0].kind, EntryKind::TextBound(_)));
        assert!(matches!(doc.entries[6].kind, EntryKind::Malformed(_)));
        let t2 = doc.text_bound("T2").unwrap();
        assert_eq!(t2.fragments, vec![(0, 5), (7, 9)]);
        let e = doc.events().next().unwrap();
        assert_eq!(e.label, "Attribution");
        assert_eq!(e.arg("Cue"), Some("T2"));
        let n = doc.normalizations().next().unwrap();
        assert_eq!((n.db.as_str(), n.key.as_str()), ("TIMEX3", "2001-11-21"));
        assert_eq!(
            &doc.entries[1].raw[n.key_range.0..n.key_range.1],
            "TIMEX3:2001-11-21"
        );
        assert_eq!(doc.next_id('T'), 3);
    }

    #[test]
    fn malformed_lines_say_where() {
        match parse_line("T1\tDate ten 19\tx") {
            EntryKind::Malformed(e) => {
                assert_eq!(e.column, 8);
                assert!(e.message.contains("ten"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_line("T1\tDate 19 10\tx"),
            EntryKind::Malformed(_)
        ));
    }

    #[test]
    fn append_adds_missing_newline_and_keeps_crlf() {
        let doc = AnnDoc::parse("T1\tDate 0 1\tx\r\nT2\tDate 2 3\ty");
        assert_eq!(
            doc.append_text(&["T3\tDate 4 5\tz".into()]),
            "\r\nT3\tDate 4 5\tz\r\n"
        );
    }
}
