//! The registry and manifest loaders, and the registry editors.
#![no_main]

use std::path::Path;

use gloss::manifest::Manifest;
use gloss::registry::{EntityKind, Registry};
use gloss::registry_edit::{add_entity, rename_entity};
use gloss::text::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (src, _) = decode(data);
    let reg = Registry::parse(Path::new("entities.toml"), &src);
    for d in &reg.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= src.len(), "{d:?}");
    }
    for e in &reg.entities {
        assert!(src.get(e.def_range.clone()).is_some());
    }
    let m = Manifest::parse(Path::new("gloss.toml"), &src);
    for d in &m.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= src.len(), "{d:?}");
    }
    if let Ok(out) = add_entity(&src, "fuzz-new", EntityKind::Person, "Fuzz \"New\"") {
        assert!(out.starts_with(&*src));
        let r = Registry::parse(Path::new("entities.toml"), &out);
        assert!(r.contains("fuzz-new") || !reg.diagnostics.is_empty(), "{out}");
    }
    if let Some(first) = reg.entities.first() {
        if let Ok(out) = rename_entity(&src, &first.id, "fuzz-renamed") {
            let r = Registry::parse(Path::new("entities.toml"), &out);
            assert!(r.contains("fuzz-renamed") || !reg.diagnostics.is_empty(), "{out}");
            assert_eq!(r.entities.len(), reg.entities.len(), "{out}");
        }
    }
});
