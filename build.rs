//! Build script: an identity of the sources this binary is built from,
//! `GLOSS_BUILD_ID`, for the result cache of `gloss check`. Two builds of
//! the same sources with the same compiler share it (a CI job that builds
//! gloss afresh every run still finds its cached results); any change to
//! the sources, the locked dependencies or the compiler gives another.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => files(&p, out),
            Ok(_) => out.push(p),
            Err(_) => {}
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    paths.push(root.join("Cargo.toml"));
    paths.push(root.join("Cargo.lock"));
    paths.push(root.join("build.rs"));
    paths.sort();
    // SipHash with fixed keys: the same input gives the same id in every
    // build by the same compiler (which is part of the input).
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    h.write(&version);
    for var in ["TARGET", "PROFILE", "CARGO_CFG_FEATURE"] {
        h.write(std::env::var(var).unwrap_or_default().as_bytes());
        h.write_u8(0);
    }
    for p in &paths {
        let rel = p.strip_prefix(&root).unwrap_or(p);
        let bytes = std::fs::read(p).unwrap_or_default();
        h.write(rel.to_string_lossy().as_bytes());
        h.write_u64(bytes.len() as u64);
        h.write(&bytes);
    }
    println!("cargo:rustc-env=GLOSS_BUILD_ID={:016x}", h.finish());
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
}
