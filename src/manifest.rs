//! The corpus manifest, `gloss.toml`: where present it marks the corpus root.
//!
//! ```toml
//! [settings]
//! exclude = ["drafts/**"]            # paths (globs, relative to the root) not linted
//! boilerplate = ["^Sign up for"]     # regexes: matching lines are not linted
//!
//! [checks]
//! unknown-entity = "off"             # severity per diagnostic code
//!
//! [articles."2001/robertson-moscow.txt"]
//! published = 2001-11-22
//! source = "The Independent"
//! title = "NATO and Russia move towards forming global security alliance"
//! url = "https://example.org/..."
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use regex::Regex;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::registry::parse_loose_date;

/// Metadata of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Byte range of the article's table header in `gloss.toml`.
    pub def_range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub path: Option<PathBuf>,
    pub source: String,
    pub checks: HashMap<Code, Severity>,
    pub exclude: Vec<String>,
    pub boilerplate: Vec<Regex>,
    /// Keyed by the article's path relative to the root, with `/` separators.
    pub articles: HashMap<String, ArticleMeta>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Manifest {
    /// Read `path`; a missing file is an empty manifest.
    pub fn load(path: &Path) -> std::io::Result<Manifest> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Manifest::parse(path, &crate::text::decode(&bytes).0)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest {
                path: Some(path.to_owned()),
                ..Manifest::default()
            }),
            Err(e) => Err(e),
        }
    }

    pub fn parse(path: &Path, src: &str) -> Manifest {
        let mut m = Manifest {
            path: Some(path.to_owned()),
            source: src.to_owned(),
            ..Manifest::default()
        };
        let table: toml::Table = match src.parse() {
            Ok(t) => t,
            Err(e) => {
                m.diagnostics.push(Diagnostic::new(
                    path,
                    Code::ManifestError,
                    e.span().unwrap_or(0..0),
                    format!("gloss.toml: {}", e.message().trim()),
                ));
                return m;
            }
        };
        let mut problem = |range: Range<usize>, msg: String| {
            m.diagnostics.push(Diagnostic::new(
                path,
                Code::ManifestError,
                range,
                format!("gloss.toml: {msg}"),
            ));
        };
        let key_range = |key: &str| find_key(src, key);
        if let Some(settings) = table.get("settings").and_then(|s| s.as_table()) {
            for (k, v) in settings {
                match k.as_str() {
                    "exclude" => {
                        for p in strings(v) {
                            if let Err(e) = globset::Glob::new(&p) {
                                problem(
                                    key_range("exclude"),
                                    format!("exclude pattern `{p}`: {e}"),
                                );
                            } else {
                                m.exclude.push(p);
                            }
                        }
                    }
                    "boilerplate" => {
                        for p in strings(v) {
                            match Regex::new(&p) {
                                Ok(r) => m.boilerplate.push(r),
                                Err(e) => problem(
                                    key_range("boilerplate"),
                                    format!("boilerplate pattern `{p}` is not a valid regex: {e}"),
                                ),
                            }
                        }
                    }
                    other => problem(
                        key_range(other),
                        format!("unknown setting `{other}` (known: exclude, boilerplate)"),
                    ),
                }
            }
        }
        if let Some(checks) = table.get("checks").and_then(|s| s.as_table()) {
            for (k, v) in checks {
                let Some(code) = Code::parse(k) else {
                    problem(key_range(k), format!("unknown check `{k}`"));
                    continue;
                };
                match v.as_str().and_then(Severity::parse) {
                    Some(s) => {
                        m.checks.insert(code, s);
                    }
                    None => problem(
                        key_range(k),
                        format!(
                            "`{k}`: expected \"off\", \"hint\", \"info\", \"warning\" or \"error\""
                        ),
                    ),
                }
            }
        }
        if let Some(articles) = table.get("articles").and_then(|s| s.as_table()) {
            let headers = article_headers(src);
            for (name, v) in articles {
                let def_range = headers.get(name.as_str()).cloned().unwrap_or(0..0);
                let Some(t) = v.as_table() else {
                    problem(def_range, format!("article `{name}`: expected a table"));
                    continue;
                };
                let mut meta = ArticleMeta {
                    def_range: def_range.clone(),
                    ..ArticleMeta::default()
                };
                if let Some(p) = t.get("published") {
                    let s = match p {
                        toml::Value::Datetime(d) => d.to_string(),
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    meta.published = parse_loose_date(&s);
                    if meta.published.is_none() {
                        problem(
                            def_range.clone(),
                            format!(
                                "article `{name}`: published = `{s}` is not a date (YYYY-MM-DD)"
                            ),
                        );
                    }
                }
                let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
                meta.source = s("source");
                meta.title = s("title");
                meta.url = s("url");
                m.articles.insert(name.replace('\\', "/"), meta);
            }
        }
        m
    }

    /// The severity for a code: the manifest's setting, else the default.
    pub fn severity(&self, code: Code) -> Severity {
        self.checks
            .get(&code)
            .copied()
            .unwrap_or(code.default_severity())
    }

    pub fn article(&self, rel: &str) -> Option<&ArticleMeta> {
        self.articles.get(rel)
    }

    /// Whether a line of article text is boilerplate by the corpus patterns.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim_end_matches(['\n', '\r']);
        self.boilerplate.iter().any(|r| r.is_match(line))
    }

    /// The edit that records `date` as an article's publication date: a new
    /// `published` key in its table, or a new table at the end of the file.
    pub fn set_published_edit(&self, rel: &str, date: NaiveDate) -> crate::diagnostics::TextEdit {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("gloss.toml"));
        if let Some(meta) = self.articles.get(rel) {
            if meta.published.is_none() && meta.def_range.end > 0 {
                let at = self.source[meta.def_range.end..]
                    .find('\n')
                    .map(|i| meta.def_range.end + i + 1)
                    .unwrap_or(self.source.len());
                let prefix = if at == self.source.len() && !self.source.ends_with('\n') {
                    "\n"
                } else {
                    ""
                };
                return crate::diagnostics::TextEdit {
                    path,
                    range: at..at,
                    new_text: format!("{prefix}published = {date}\n"),
                };
            }
        }
        let sep = if self.source.is_empty() || self.source.ends_with("\n\n") {
            ""
        } else if self.source.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        crate::diagnostics::TextEdit {
            path,
            range: self.source.len()..self.source.len(),
            new_text: format!("{sep}[articles.{}]\npublished = {date}\n", toml_key(rel)),
        }
    }
}

fn strings(v: &toml::Value) -> Vec<String> {
    match v {
        toml::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        toml::Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A TOML key for `s`: bare when it can be, quoted otherwise.
pub fn toml_key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        s.to_owned()
    } else {
        toml_edit::Value::from(s).to_string().trim().to_owned()
    }
}

fn find_key(src: &str, key: &str) -> Range<usize> {
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let bare = t.trim_start_matches('"');
        if bare.starts_with(key)
            && bare[key.len()..]
                .trim_start_matches('"')
                .trim_start()
                .starts_with('=')
        {
            return offset + lead..offset + lead + key.len() + (t.len() - bare.len());
        }
        offset += line.len();
    }
    0..0
}

/// The range of every `[articles."…"]` table header, by key: the first
/// header line for each key. One pass over the file, however many articles.
fn article_headers(src: &str) -> HashMap<&str, Range<usize>> {
    let mut out = HashMap::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let t = line.trim();
        if let Some(rest) = t
            .strip_prefix("[articles.")
            .or_else(|| t.strip_prefix("[ articles."))
        {
            let key = rest.trim_end_matches(']').trim().trim_matches(['"', '\'']);
            let lead = line.len() - line.trim_start().len();
            out.entry(key)
                .or_insert(offset + lead..offset + lead + t.len());
        }
        offset += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_checks_and_articles() {
        let src = "[settings]\nboilerplate = [\"^READ MORE$\"]\n\n[checks]\nunknown-entity = \"off\"\n\n[articles.\"a.txt\"]\n# from the dateline\npublished = 2001-11-23\ntitle = \"T\"\n";
        let m = Manifest::parse(Path::new("gloss.toml"), src);
        assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
        assert_eq!(m.severity(Code::UnknownEntity), Severity::Off);
        assert_eq!(m.severity(Code::UnannotatedDate), Severity::Warning);
        assert!(m.is_boilerplate("READ MORE\n"));
        let a = m.article("a.txt").unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2001, 11, 23));
        assert_eq!(&src[a.def_range.clone()], "[articles.\"a.txt\"]");
    }

    #[test]
    fn bad_settings_are_reported_with_a_position() {
        let src = "[checks]\nunannotated-date = \"loud\"\n";
        let m = Manifest::parse(Path::new("gloss.toml"), src);
        assert_eq!(m.diagnostics.len(), 1);
        assert_eq!(&src[m.diagnostics[0].range.clone()], "unannotated-date");
    }

    #[test]
    fn publication_date_edit_adds_a_table_or_a_key() {
        let m = Manifest::parse(
            Path::new("gloss.toml"),
            "[articles.\"a.txt\"]\ntitle = \"x\"\n",
        );
        let e = m.set_published_edit("a.txt", NaiveDate::from_ymd_opt(2001, 1, 2).unwrap());
        let out = crate::diagnostics::apply_edits(&m.source, &[&e]).unwrap();
        assert_eq!(
            out,
            "[articles.\"a.txt\"]\npublished = 2001-01-02\ntitle = \"x\"\n"
        );
        let e = m.set_published_edit("b c.txt", NaiveDate::from_ymd_opt(2001, 1, 2).unwrap());
        let out = crate::diagnostics::apply_edits(&m.source, &[&e]).unwrap();
        assert!(
            out.ends_with("\n\n[articles.\"b c.txt\"]\npublished = 2001-01-02\n"),
            "{out}"
        );
        assert!(out.parse::<toml::Table>().is_ok());
    }
}
