//! Diagnostics and their fixes, as plain data.
//!
//! The CLI prints these and the language server converts them to LSP types at
//! its edge, so both report exactly the same findings. Ranges are byte ranges
//! into the file the diagnostic is about (an article, an `.ann` file, the
//! registry or the manifest).

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How serious a finding is. `Off` disables a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "off" | "none" | "allow" => Severity::Off,
            "hint" => Severity::Hint,
            "info" | "information" | "note" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" | "deny" => Severity::Error,
            _ => return None,
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $sev:ident, $fixable:literal, $desc:literal;)*) => {
        /// Stable diagnostic codes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name, as used in `gloss.toml` and output.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),* }
            }

            /// Whether gloss can propose a fix for this kind of finding.
            pub fn fixable(self) -> bool {
                match self { $(Code::$variant => $fixable),* }
            }

            /// One sentence on what the check finds, for SARIF rules and docs.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $desc),* }
            }

            pub fn parse(s: &str) -> Option<Code> {
                match s { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    UnannotatedDate = "unannotated-date", Warning, true,
        "A temporal expression in an article has no Date, Time, Duration or Set annotation.";
    UnannotatedClaim = "unannotated-claim", Warning, true,
        "An attribution (a source saying or believing something) has no Attribution annotation.";
    AmbiguousMention = "ambiguous-mention", Warning, true,
        "A name belongs to several registry entities and no annotation says which one is meant.";
    UnknownEntity = "unknown-entity", Hint, true,
        "A name that looks like a person or an institution is not in the entity registry.";
    MissingPublicationDate = "missing-publication-date", Warning, true,
        "The article has no publication date in gloss.toml, so relative dates cannot be resolved.";
    StaleAnnotation = "stale-annotation", Error, true,
        "The text recorded in an .ann line no longer matches the article at its offsets.";
    UnknownEntityId = "unknown-entity-id", Error, false,
        "A Registry: normalization names an id that entities.toml does not define.";
    InvalidTimexValue = "invalid-timex-value", Error, false,
        "A TIMEX3 normalization is not a valid TIMEX3 value.";
    MalformedAnnotation = "malformed-annotation", Error, false,
        "An .ann line is not valid brat standoff, or refers to something that is not there.";
    RegistrySyntax = "registry-syntax", Error, false,
        "entities.toml is not valid TOML.";
    DuplicateEntityId = "duplicate-entity-id", Error, false,
        "Two entries in entities.toml have the same id.";
    InvalidEntity = "invalid-entity", Error, false,
        "An entry in entities.toml has an unknown kind, a missing name or an invalid field.";
    AliasCollision = "alias-collision", Warning, false,
        "The same name or alias belongs to two registry entities.";
    ManifestError = "manifest-error", Error, false,
        "gloss.toml is not valid TOML or has an invalid setting.";
    InvalidText = "invalid-text", Warning, false,
        "An article is not valid UTF-8 (it was decoded with replacement characters) or is binary.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A replacement of a byte range in one file. An empty range inserts; a file
/// that does not exist yet is created (its range is then `0..0`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    pub path: PathBuf,
    pub range: Range<usize>,
    pub new_text: String,
}

/// A fix the user can apply: a title and the edits, computed against the
/// files as they were analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// Whether the fix changes an article's text (never true for `.ann` or
    /// registry edits). A front end must say so before applying it.
    pub changes_article: bool,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Byte range in the file at `path`.
    pub range: Range<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<PathBuf>,
        code: Code,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            code,
            severity: code.default_severity(),
            message: message.into(),
            range,
            fixes: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fixes.push(fix);
        self
    }
}

/// Apply edits to one file's text. Edits are applied from the end backwards
/// so earlier ranges stay valid; overlapping edits are rejected.
pub fn apply_edits(text: &str, edits: &[&TextEdit]) -> Result<String, String> {
    let mut sorted: Vec<&&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    for w in sorted.windows(2) {
        if w[0].range.end > w[1].range.start {
            return Err("overlapping edits".into());
        }
    }
    let mut out = text.to_owned();
    for e in sorted.iter().rev() {
        if e.range.end > out.len()
            || !out.is_char_boundary(e.range.start)
            || !out.is_char_boundary(e.range.end)
        {
            return Err(format!("edit range {:?} is outside the file", e.range));
        }
        out.replace_range(e.range.clone(), &e.new_text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_their_names() {
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(*c));
        }
    }

    #[test]
    fn edits_apply_back_to_front() {
        let e1 = TextEdit {
            path: "a".into(),
            range: 0..1,
            new_text: "X".into(),
        };
        let e2 = TextEdit {
            path: "a".into(),
            range: 3..3,
            new_text: "!".into(),
        };
        assert_eq!(apply_edits("abc", &[&e2, &e1]).unwrap(), "Xbc!");
    }
}
