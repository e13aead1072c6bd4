//! Edits to `entities.toml` that keep everything else as the annotators wrote
//! it: comments, blank lines, key order, quoting and inline tables.
//!
//! Both helpers take the file's text and return the new text; they never
//! touch the disk (write the result with [`crate::fsutil::write_atomic`]).
//! They go through [`toml_edit::DocumentMut`], which keeps the formatting of
//! every item it is not asked to change.

use toml_edit::{value, Array, DocumentMut, Item, Table};

use crate::registry::EntityKind;

fn parse(src: &str) -> Result<DocumentMut, String> {
    src.parse::<DocumentMut>()
        .map_err(|e| format!("entities.toml is not valid TOML: {}", e.message().trim()))
}

fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("an entity id cannot be empty".into());
    }
    if id.chars().any(|c| c.is_control()) {
        return Err(format!("`{}` is not a valid entity id", id.escape_debug()));
    }
    Ok(())
}

/// Rename the entity `old` to `new`: its table keeps its place in the file,
/// its keys, values, comments and formatting; only the key in the header
/// changes. Fails when the file is not valid TOML, when `old` is not an
/// entity or when `new` is taken. Renaming an id to itself returns the
/// text unchanged.
///
/// References to the id in `.ann` files (`Registry:old`) are not updated
/// here; the caller edits those.
pub fn rename_entity(src: &str, old: &str, new: &str) -> Result<String, String> {
    check_id(new)?;
    let mut doc = parse(src)?;
    if !doc.contains_key(old) {
        return Err(format!("`{old}` is not an entity in entities.toml"));
    }
    if old == new {
        return Ok(src.to_owned());
    }
    if doc.contains_key(new) {
        return Err(format!("`{new}` is already an entity in entities.toml"));
    }
    let root = doc.as_table_mut();
    // Rebuild the root in its original order with the one key replaced: a
    // plain remove-and-insert would move the entry to the end of the file.
    let entries: Vec<(toml_edit::Key, Item)> = {
        let keys: Vec<String> = root.iter().map(|(k, _)| k.to_owned()).collect();
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let (key, item) = root
                .remove_entry(&k)
                .ok_or_else(|| format!("`{k}` vanished while renaming"))?;
            out.push((key, item));
        }
        out
    };
    for (key, item) in entries {
        if key.get() == old {
            // Keep the header's leading decor (comments above `[old]`).
            let mut new_key = toml_edit::Key::new(new);
            *new_key.leaf_decor_mut() = key.leaf_decor().clone();
            *new_key.dotted_decor_mut() = key.dotted_decor().clone();
            root.insert_formatted(&new_key, item);
        } else {
            root.insert_formatted(&key, item);
        }
    }
    Ok(doc.to_string())
}

/// Add a new entity at the end of the file:
///
/// ```toml
/// [id]
/// kind = "person"
/// name = "Name"
/// aliases = []
/// description = ""
/// ```
///
/// Everything already in the file stays byte for byte. Fails when the file
/// is not valid TOML or `id` is taken.
pub fn add_entity(
    src: &str,
    id: &str,
    kind: EntityKind,
    name: &str,
    description: &str,
) -> Result<String, String> {
    check_id(id)?;
    let mut doc = parse(src)?;
    if doc.contains_key(id) {
        return Err(format!("`{id}` is already an entity in entities.toml"));
    }
    let mut t = Table::new();
    t["kind"] = value(kind.as_str());
    t["name"] = value(name);
    t["aliases"] = value(Array::new());
    t["description"] = value(description);
    // A blank line before the new table, unless the file is empty.
    if !src.trim().is_empty() {
        t.decor_mut().set_prefix("\n");
    }
    // After every existing table, whatever their positions.
    let last = doc
        .as_table()
        .iter()
        .filter_map(|(_, item)| item.as_table().and_then(Table::position))
        .max();
    if let Some(p) = last {
        t.set_position(Some(p + 1));
    }
    doc.insert(id, Item::Table(t));
    let mut out = doc.to_string();
    // toml_edit writes a file without a final newline's table right after
    // its last line; make sure the old text is still a prefix.
    if !out.starts_with(src) {
        let body = out.split_off(0);
        let added = body
            .find(&format!("[{}]", crate::manifest::toml_key(id)))
            .map(|i| body[i..].to_owned())
            .ok_or("could not place the new entity")?;
        let sep = if src.is_empty() || src.ends_with("\n\n") {
            ""
        } else if src.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        out = format!("{src}{sep}{added}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;
    use std::path::Path;

    const SRC: &str = r#"# People and institutions of the 2001 corpus.
# Keep entries sorted by first appearance.

[george-robertson]   # the NATO one
kind = "person"
name = "George Robertson"
aliases = ["Lord Robertson", 'Robertson']  # surname alone is fine here
roles = [
  { title = "NATO Secretary General", from = 1999-10-14, to = 2004-01-01 },
]

# Institutions
[nato]
kind   = "organization"
name   = "NATO"

["vladimir-putin"]
kind = "person"
name = "Vladimir Putin"
"#;

    #[test]
    fn rename_keeps_comments_order_and_formatting() {
        let out = rename_entity(SRC, "nato", "north-atlantic-treaty-organization").unwrap();
        assert_eq!(
            out,
            SRC.replace("[nato]", "[north-atlantic-treaty-organization]")
        );
        let reg = Registry::parse(Path::new("entities.toml"), &out);
        assert!(reg.contains("north-atlantic-treaty-organization"));
        assert!(!reg.contains("nato"));
        let ids: Vec<&str> = reg.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "george-robertson",
                "north-atlantic-treaty-organization",
                "vladimir-putin"
            ]
        );
    }

    #[test]
    fn rename_first_and_quoted_entries() {
        let out = rename_entity(SRC, "george-robertson", "lord-robertson").unwrap();
        assert_eq!(out, SRC.replace("[george-robertson]", "[lord-robertson]"));
        let out = rename_entity(SRC, "vladimir-putin", "putin").unwrap();
        assert!(out.contains("\n[putin]\nkind = \"person\""), "{out}");
        assert_eq!(
            out.len(),
            SRC.len() - "[\"vladimir-putin\"]".len() + "[putin]".len()
        );
        // An id that needs quoting gets quoted.
        let out = rename_entity(SRC, "nato", "nato (alliance)").unwrap();
        assert!(out.contains("[\"nato (alliance)\"]"), "{out}");
        assert!(Registry::parse(Path::new("e.toml"), &out).contains("nato (alliance)"));
    }

    #[test]
    fn rename_refuses_unknown_taken_and_invalid() {
        assert!(rename_entity(SRC, "nobody", "x").is_err());
        assert!(rename_entity(SRC, "nato", "george-robertson").is_err());
        assert!(rename_entity(SRC, "nato", "").is_err());
        assert!(rename_entity(SRC, "nato", "a\nb").is_err());
        assert!(rename_entity("[a\nkind=", "a", "b").is_err());
        assert_eq!(rename_entity(SRC, "nato", "nato").unwrap(), SRC);
    }

    #[test]
    fn add_appends_and_keeps_everything_else() {
        let out = add_entity(SRC, "igor-ivanov", EntityKind::Person, "Igor Ivanov", "").unwrap();
        assert!(out.starts_with(SRC), "{out}");
        assert_eq!(
            &out[SRC.len()..],
            "\n[igor-ivanov]\nkind = \"person\"\nname = \"Igor Ivanov\"\naliases = []\ndescription = \"\"\n"
        );
        let reg = Registry::parse(Path::new("entities.toml"), &out);
        assert_eq!(reg.get("igor-ivanov").unwrap().name, "Igor Ivanov");
        assert_eq!(reg.entities.len(), 4);
    }

    #[test]
    fn add_to_empty_file_without_final_newline_and_odd_names() {
        let out = add_entity("", "x", EntityKind::Location, "Aix \"en\" Provence", "").unwrap();
        assert!(out.starts_with("[x]\n"), "{out}");
        let reg = Registry::parse(Path::new("e.toml"), &out);
        assert_eq!(reg.get("x").unwrap().name, "Aix \"en\" Provence");

        let src = "# only a comment";
        let out = add_entity(src, "y z", EntityKind::Organization, "Y", "").unwrap();
        assert!(out.starts_with(src), "{out}");
        assert!(Registry::parse(Path::new("e.toml"), &out).contains("y z"));

        let src = "[a]\nkind = \"person\"\nname = \"A\"";
        let out = add_entity(src, "b", EntityKind::Person, "B", "").unwrap();
        assert!(out.starts_with(src), "{out}");
        assert_eq!(Registry::parse(Path::new("e.toml"), &out).entities.len(), 2);
    }

    #[test]
    fn add_refuses_taken_ids_and_broken_files() {
        assert!(add_entity(SRC, "nato", EntityKind::Organization, "NATO", "").is_err());
        assert!(add_entity("[a\n", "b", EntityKind::Person, "B", "").is_err());
    }
}
