//! Detectors: what a complete annotation of an article must cover.
//!
//! Every detector works on the article text as `&str` and reports byte ranges;
//! callers convert to code points (brat) or client positions (LSP) at the edge.
//! Each detector compiles its patterns once, on first use.

use std::ops::Range;

use serde::Serialize;

pub mod claims;
pub mod mentions;
pub mod names;
pub mod temporal;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn timex(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// The brat annotation type: `Date`, `Time`, `Duration`, `Set`.
    pub fn label(self) -> &'static str {
        match self {
            TimexType::Date => "Date",
            TimexType::Time => "Time",
            TimexType::Duration => "Duration",
            TimexType::Set => "Set",
        }
    }

    pub fn from_label(s: &str) -> Option<TimexType> {
        match s.to_ascii_uppercase().as_str() {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

/// A temporal expression: its byte span, TIMEX3 type and normalized value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub span: Range<usize>,
    pub kind: TimexType,
    /// TIMEX3 value, e.g. `2001-11-21`, `2001-W46`, `P2W`, `PAST_REF`.
    pub value: String,
}

/// An attribution: who (source) says or believes (cue) what (content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The smallest range covering source, cue and content.
    pub span: Range<usize>,
    pub cue: Range<usize>,
    pub source: Option<Range<usize>>,
    /// Registry id of the source, when it could be resolved.
    pub entity: Option<String>,
    pub content: Option<Range<usize>>,
}

/// A mention of a registry entity (or of several, when an alias is shared).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Range<usize>,
    /// Registry ids the matched name belongs to; more than one means ambiguous.
    pub entities: Vec<String>,
}
