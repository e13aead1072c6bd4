//! The entity registry, `entities.toml` at the corpus root.
//!
//! One table per entity, keyed by its id:
//!
//! ```toml
//! [george-robertson]
//! kind = "person"
//! name = "George Robertson"
//! aliases = ["Lord Robertson", "Robertson"]
//! description = "British politician"
//! wikidata = "Q333159"
//! roles = [
//!   { title = "NATO Secretary General", from = 1999-10-14, to = 2004-01-01 },
//! ]
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostics::{Code, Diagnostic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
        }
    }

    /// The brat annotation type for mentions of this kind.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Location => "Location",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityKind::Person),
            "organization" | "organisation" | "org" | "institution" => {
                Some(EntityKind::Organization)
            }
            "location" | "loc" | "place" | "country" => Some(EntityKind::Location),
            _ => None,
        }
    }

    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
    ];
}

/// A role held over a period, e.g. NATO Secretary General 1999-10-14 to 2004-01-01.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    pub title: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Role {
    /// Whether the role was held on `date` (`from` inclusive, `to` exclusive;
    /// an open end is unbounded).
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub description: String,
    pub roles: Vec<Role>,
    pub wikidata: Option<String>,
    pub links: Vec<String>,
    /// Byte range of the entry's header (`[id]`) in `entities.toml`.
    pub def_range: Range<usize>,
}

impl Entity {
    /// The name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    pub fn roles_on(&self, date: NaiveDate) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.held_on(date))
    }
}

/// The loaded registry. Loading never fails: problems become diagnostics on
/// `entities.toml`, and whatever entries could be read are kept.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub path: Option<PathBuf>,
    /// The file's text as read (for positions and edits).
    pub source: String,
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Registry {
    pub fn empty() -> Registry {
        Registry::default()
    }

    /// Read `path`; a missing file is an empty registry.
    pub fn load(path: &Path) -> std::io::Result<Registry> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let (text, _) = crate::text::decode(&bytes);
                Ok(Registry::parse(path, &text))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Registry {
                path: Some(path.to_owned()),
                ..Registry::default()
            }),
            Err(e) => Err(e),
        }
    }

    pub fn parse(path: &Path, src: &str) -> Registry {
        let mut reg = Registry {
            path: Some(path.to_owned()),
            source: src.to_owned(),
            ..Registry::default()
        };
        let table: toml::Table = match src.parse() {
            Ok(t) => t,
            Err(e) => {
                let range = e.span().unwrap_or(0..0);
                let msg = e.message().trim().to_owned();
                let code = if msg.contains("duplicate") {
                    Code::DuplicateEntityId
                } else {
                    Code::RegistrySyntax
                };
                reg.diagnostics.push(Diagnostic::new(
                    path,
                    code,
                    range,
                    format!("entities.toml: {msg}"),
                ));
                return reg;
            }
        };
        let headers = headers(src);
        for (id, value) in &table {
            // Inline or dotted definitions have no header: point at the
            // first occurrence of the key.
            let def_range = headers.get(id.as_str()).cloned().unwrap_or_else(|| {
                src.find(id.as_str())
                    .map(|i| i..i + id.len())
                    .unwrap_or(0..0)
            });
            let mut problem = |msg: String| {
                reg.diagnostics.push(Diagnostic::new(
                    path,
                    Code::InvalidEntity,
                    def_range.clone(),
                    format!("entity `{id}`: {msg}"),
                ));
            };
            let Some(t) = value.as_table() else {
                problem("expected a table, e.g. `[id]` with `kind` and `name`".into());
                continue;
            };
            let kind = match t.get("kind").and_then(|k| k.as_str()) {
                Some(k) => match EntityKind::parse(k) {
                    Some(k) => k,
                    None => {
                        problem(format!(
                            "unknown kind `{k}` (expected person, organization or location)"
                        ));
                        continue;
                    }
                },
                None => {
                    problem("missing `kind` (person, organization or location)".into());
                    continue;
                }
            };
            let Some(name) = t.get("name").and_then(|n| n.as_str()).map(str::to_owned) else {
                problem("missing `name`".into());
                continue;
            };
            let strings = |key: &str| -> Vec<String> {
                match t.get(key) {
                    Some(toml::Value::Array(a)) => a
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect(),
                    Some(toml::Value::String(s)) => vec![s.clone()],
                    _ => Vec::new(),
                }
            };
            let aliases = strings("aliases");
            let links = strings("links");
            let mut roles = Vec::new();
            if let Some(rs) = t.get("roles").and_then(|r| r.as_array()) {
                for r in rs {
                    let Some(rt) = r.as_table() else {
                        problem("each role must be a table with `title`, `from`, `to`".into());
                        continue;
                    };
                    let title = rt
                        .get("title")
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_owned();
                    let mut date = |key: &str| -> Option<NaiveDate> {
                        let v = rt.get(key)?;
                        let s = match v {
                            toml::Value::Datetime(d) => d.to_string(),
                            toml::Value::String(s) => s.clone(),
                            _ => String::new(),
                        };
                        match parse_loose_date(&s) {
                            Some(d) => Some(d),
                            None => {
                                problem(format!("role `{title}`: `{key}` = `{s}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
                                None
                            }
                        }
                    };
                    let from = date("from");
                    let to = date("to");
                    roles.push(Role { title, from, to });
                }
            }
            reg.by_id.insert(id.clone(), reg.entities.len());
            reg.entities.push(Entity {
                id: id.clone(),
                kind,
                name,
                aliases,
                description: t
                    .get("description")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned(),
                roles,
                wikidata: t
                    .get("wikidata")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned),
                links,
                def_range,
            });
        }
        reg.check_aliases();
        reg
    }

    fn check_aliases(&mut self) {
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut out = Vec::new();
        for e in &self.entities {
            let mut seen_here = std::collections::HashSet::new();
            for n in e.names() {
                let key = n.to_lowercase();
                if !seen_here.insert(key.clone()) {
                    continue;
                }
                if let Some(other) = owner.get(&key) {
                    out.push(Diagnostic::new(
                        self.path.clone().unwrap_or_default(),
                        Code::AliasCollision,
                        e.def_range.clone(),
                        format!("`{n}` names both `{other}` and `{}`: mentions of it will be ambiguous until annotated", e.id),
                    ));
                } else {
                    owner.insert(key, &e.id);
                }
            }
        }
        self.diagnostics.extend(out);
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }
}

/// Byte range of every `[id]` (or `["id"]`) header in the registry text, by
/// id: the first header line for each. One pass over the file, however many
/// entities.
fn headers(src: &str) -> HashMap<&str, Range<usize>> {
    let mut out = HashMap::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let t = line.trim();
        if let Some(inner) = t.strip_prefix('[').and_then(|r| r.split(']').next()) {
            let key = inner.trim().trim_matches(['"', '\'']);
            if !t.starts_with("[[") {
                let lead = line.len() - line.trim_start().len();
                out.entry(key).or_insert(
                    offset + lead..offset + lead + t.find(']').map(|i| i + 1).unwrap_or(t.len()),
                );
            }
        }
        offset += line.len();
    }
    out
}

/// Parse `YYYY-MM-DD`, `YYYY-MM` (first of the month) or `YYYY` (1 January).
pub fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let s = s
        .get(..10)
        .filter(|p| p.len() == 10 && s.len() >= 10)
        .unwrap_or(s);
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, 1, 1),
        [y, m] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, 1),
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"
[george-robertson]
kind = "person"
name = "George Robertson"
aliases = ["Lord Robertson", "Robertson"]
roles = [{ title = "NATO Secretary General", from = 1999-10-14, to = 2004-01-01 }]

[nato]
kind = "organization"
name = "NATO"
aliases = ["Nato", "Robertson"]
"#;

    #[test]
    fn loads_entities_roles_and_flags_alias_collisions() {
        let r = Registry::parse(Path::new("entities.toml"), SRC);
        let g = r.get("george-robertson").unwrap();
        assert_eq!(g.kind, EntityKind::Person);
        assert_eq!(&SRC[g.def_range.clone()], "[george-robertson]");
        let d = NaiveDate::from_ymd_opt(2001, 11, 22).unwrap();
        assert_eq!(g.roles_on(d).count(), 1);
        assert_eq!(
            g.roles_on(NaiveDate::from_ymd_opt(2004, 1, 1).unwrap())
                .count(),
            0
        );
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        assert_eq!(r.diagnostics[0].code, Code::AliasCollision);
    }

    #[test]
    fn syntax_errors_carry_a_span() {
        let r = Registry::parse(Path::new("entities.toml"), "[a]\nkind = \n");
        assert_eq!(r.diagnostics[0].code, Code::RegistrySyntax);
        assert!(r.diagnostics[0].range.start >= 4);
        let r = Registry::parse(
            Path::new("entities.toml"),
            "[a]\nkind=\"person\"\nname=\"A\"\n[a]\nname=\"B\"\n",
        );
        assert_eq!(r.diagnostics[0].code, Code::DuplicateEntityId);
    }
}
