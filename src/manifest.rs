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
use toml::de::{DeTable, DeValue};

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
    /// Byte range of the `published` value, when the key is there (a value
    /// that is not a date is replaced by the fix that sets one).
    pub published_at: Option<Range<usize>>,
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

    /// Parse `src`, read from `path`. Problems become diagnostics at the key
    /// they concern; a file that is not TOML gives one diagnostic and an
    /// empty manifest.
    ///
    /// The document is parsed into `toml`'s borrowed, spanned tree rather
    /// than an owned `toml::Table`: an archive's manifest has a table per
    /// article (7.9 MB for 100,000 articles), and building and dropping the
    /// owned tree took more than half of a one-article check of such an
    /// archive, while the spans give each key's position without scanning
    /// the text again.
    pub fn parse(path: &Path, src: &str) -> Manifest {
        let mut m = Manifest {
            path: Some(path.to_owned()),
            source: src.to_owned(),
            ..Manifest::default()
        };
        let root = match DeTable::parse(src) {
            Ok(t) => t.into_inner(),
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
        if let Some(settings) = root.get("settings").and_then(|s| s.get_ref().as_table()) {
            for (k, v) in settings {
                let at = k.span();
                match k.get_ref().as_ref() {
                    "exclude" => {
                        for p in strings(v.get_ref()) {
                            if let Err(e) = globset::Glob::new(p) {
                                problem(at.clone(), format!("exclude pattern `{p}`: {e}"));
                            } else {
                                m.exclude.push(p.to_owned());
                            }
                        }
                    }
                    "boilerplate" => {
                        for p in strings(v.get_ref()) {
                            match Regex::new(p) {
                                Ok(r) => m.boilerplate.push(r),
                                Err(e) => problem(
                                    at.clone(),
                                    format!("boilerplate pattern `{p}` is not a valid regex: {e}"),
                                ),
                            }
                        }
                    }
                    other => problem(
                        at,
                        format!("unknown setting `{other}` (known: exclude, boilerplate)"),
                    ),
                }
            }
        }
        if let Some(checks) = root.get("checks").and_then(|s| s.get_ref().as_table()) {
            for (k, v) in checks {
                let name = k.get_ref().as_ref();
                let Some(code) = Code::parse(name) else {
                    problem(k.span(), format!("unknown check `{name}`"));
                    continue;
                };
                match v.get_ref().as_str().and_then(Severity::parse) {
                    Some(s) => {
                        m.checks.insert(code, s);
                    }
                    None => problem(
                        k.span(),
                        format!(
                            "`{name}`: expected \"off\", \"hint\", \"info\", \"warning\" or \"error\""
                        ),
                    ),
                }
            }
        }
        if let Some(articles) = root.get("articles").and_then(|s| s.get_ref().as_table()) {
            m.articles.reserve(articles.len());
            for (k, v) in articles {
                let name = k.get_ref().as_ref();
                let def_range = header_line(src, k.span());
                let Some(t) = v.get_ref().as_table() else {
                    problem(def_range, format!("article `{name}`: expected a table"));
                    continue;
                };
                let mut meta = ArticleMeta {
                    def_range: def_range.clone(),
                    ..ArticleMeta::default()
                };
                if let Some(p) = t.get("published") {
                    meta.published_at = Some(p.span());
                    let s = match p.get_ref() {
                        DeValue::Datetime(d) => d.to_string(),
                        DeValue::String(s) => s.to_string(),
                        _ => src.get(p.span()).unwrap_or_default().to_owned(),
                    };
                    meta.published = parse_loose_date(&s);
                    if meta.published.is_none() {
                        problem(
                            p.span(),
                            format!(
                                "article `{name}`: published = `{s}` is not a date (YYYY-MM-DD)"
                            ),
                        );
                    }
                }
                let s = |k: &str| {
                    t.get(k)
                        .and_then(|v| v.get_ref().as_str())
                        .map(str::to_owned)
                };
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
    /// `published` key where the article's table is written (its `[...]`
    /// header, its inline table or its dotted keys), or a new table at the
    /// end of the file when the manifest does not list the article.
    pub fn set_published_edit(&self, rel: &str, date: NaiveDate) -> crate::diagnostics::TextEdit {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("gloss.toml"));
        let edit = |at: usize, new_text: String| crate::diagnostics::TextEdit {
            path: path.clone(),
            range: at..at,
            new_text,
        };
        let listed = self
            .articles
            .get(rel)
            .filter(|m| m.published.is_none() && m.def_range.end > 0);
        if let Some(meta) = listed {
            if let Some(value) = &meta.published_at {
                return crate::diagnostics::TextEdit {
                    path: path.clone(),
                    range: value.clone(),
                    new_text: date.to_string(),
                };
            }
            let line = self.source.get(meta.def_range.clone()).unwrap_or_default();
            // The start of the line after the definition's line.
            let next = self.source[meta.def_range.end..]
                .find('\n')
                .map_or(self.source.len(), |i| meta.def_range.end + i + 1);
            let newline = if next == self.source.len() && !self.source.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            if line.starts_with('[') {
                return edit(next, format!("{newline}published = {date}\n"));
            }
            if let Some(brace) = line.find('{') {
                // `"a.txt" = { title = "x" }`: inside the braces.
                let empty = line[brace + 1..].trim_start().starts_with('}');
                let sep = if empty { " " } else { "," };
                let at = meta.def_range.start + brace + 1;
                return edit(at, format!(" published = {date}{sep}"));
            }
            // `"a.txt".title = "x"` under `[articles]`: one more dotted key.
            return edit(
                next,
                format!("{newline}{}.published = {date}\n", toml_key(rel)),
            );
        }
        let sep = if self.source.is_empty() || self.source.ends_with("\n\n") {
            ""
        } else if self.source.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        edit(
            self.source.len(),
            format!("{sep}[articles.{}]\npublished = {date}\n", toml_key(rel)),
        )
    }
}

/// The strings of a setting that takes one string or an array of them.
fn strings<'a>(v: &'a DeValue<'_>) -> Vec<&'a str> {
    match v {
        DeValue::Array(a) => a.iter().filter_map(|v| v.get_ref().as_str()).collect(),
        DeValue::String(s) => vec![s.as_ref()],
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

/// The line that holds an article's key, without its indentation and line
/// end: the table header `[articles."a.txt"]` in the usual layout, or the
/// `"a.txt" = { ... }` line of an inline table.
fn header_line(src: &str, key: Range<usize>) -> Range<usize> {
    let Some(before) = src.get(..key.start) else {
        return key;
    };
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = src[key.start..]
        .find('\n')
        .map_or(src.len(), |i| key.start + i);
    let line = &src[start..end];
    let lead = line.len() - line.trim_start().len();
    start + lead..start + line.trim_end().len()
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
    fn positions_come_from_the_parsed_keys() {
        // The word in the comment and in the title must not be taken for
        // the key; the inline table's definition is its line.
        let src = "# exclude = [] was here\n[settings]\ntitle = \"exclude = x\"\n\n[articles]\n  \"b.txt\" = { published = \"not a date\" }\n";
        let m = Manifest::parse(Path::new("gloss.toml"), src);
        assert_eq!(m.diagnostics.len(), 2, "{:?}", m.diagnostics);
        let at = m.diagnostics[0].range.clone();
        assert_eq!(&src[at.clone()], "title");
        assert_eq!(at.start, src.find("title").unwrap());
        let b = m.article("b.txt").unwrap();
        assert_eq!(
            &src[b.def_range.clone()],
            "\"b.txt\" = { published = \"not a date\" }"
        );
        // A bad value is reported at the value.
        assert_eq!(&src[m.diagnostics[1].range.clone()], "\"not a date\"");
        assert_eq!(b.published_at, Some(m.diagnostics[1].range.clone()));
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_problem_at_its_position() {
        let src = "[articles.\"a.txt\"]\npublished = 2001-13-45\n";
        let m = Manifest::parse(Path::new("gloss.toml"), src);
        assert_eq!(m.diagnostics.len(), 1);
        assert!(m.diagnostics[0].range.start >= src.find("published").unwrap());
        assert!(m.articles.is_empty());
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

    #[test]
    fn publication_date_edit_follows_the_layout_of_the_article_table() {
        for (src, want) in [
            (
                "[articles]\n\"a.txt\" = { title = \"x\" }\n",
                "[articles]\n\"a.txt\" = { published = 2001-01-02, title = \"x\" }\n",
            ),
            (
                "[articles]\n\"a.txt\" = {}\n",
                "[articles]\n\"a.txt\" = { published = 2001-01-02 }\n",
            ),
            (
                "[articles.\"a.txt\"]\npublished = \"soon\"\n",
                "[articles.\"a.txt\"]\npublished = 2001-01-02\n",
            ),
            (
                "[articles]\n\"a.txt\".title = \"x\"",
                "[articles]\n\"a.txt\".title = \"x\"\n\"a.txt\".published = 2001-01-02\n",
            ),
        ] {
            let m = Manifest::parse(Path::new("gloss.toml"), src);
            let e = m.set_published_edit("a.txt", NaiveDate::from_ymd_opt(2001, 1, 2).unwrap());
            let out = crate::diagnostics::apply_edits(&m.source, &[&e]).unwrap();
            assert_eq!(out, want);
            let again = Manifest::parse(Path::new("gloss.toml"), &out);
            assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
            assert_eq!(
                again.article("a.txt").and_then(|a| a.published),
                NaiveDate::from_ymd_opt(2001, 1, 2)
            );
        }
    }
}
