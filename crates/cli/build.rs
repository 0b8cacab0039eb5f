//! Compiles our system library (`plib/`, in the Phantom language) into a bundle that the
//! `phantom` binary embeds. A compile error in the library fails the build with its diagnostics.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "ph") {
            out.push(p);
        }
    }
}

fn main() {
    let plib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../plib");
    println!("cargo:rerun-if-changed={}", plib.display());
    let mut files = Vec::new();
    sources(&plib, &mut files);
    let mut input = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        input.push(phantom_compiler::Source { path, text });
    }
    let output = phantom_compiler::compile(input, phantom_compiler::ClassPath::default());
    if output.has_errors() {
        panic!("the system library does not compile:\n{}", output.render());
    }
    for line in output.render().lines() {
        println!("cargo:warning={line}");
    }
    let mut bundle = phantom_bytecode::Bundle::default();
    for (_, file) in &output.classes {
        bundle.entries.push(phantom_bytecode::Bundle::entry_for(file.to_bytes()).expect("class names fit a bundle"));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("plib.bundle");
    std::fs::write(&out, bundle.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
