//! Compiles the Java runtime library (`runtime/`, our own java.lang, java.util and phantom.*)
//! with the JDK's javac, as a patch of java.base, and packs the class files for the crate.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("runtime sources") {
        let path = entry.expect("runtime entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "java") {
            out.push(path);
        }
    }
}

fn classes(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("class output") {
        let path = entry.expect("class entry").path();
        if path.is_dir() {
            classes(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "class") {
            let name = path.strip_prefix(base).expect("under the output").with_extension("");
            out.push((name.to_string_lossy().replace('\\', "/"), std::fs::read(&path).expect("class file")));
        }
    }
}

fn javac() -> PathBuf {
    if let Some(home) = std::env::var_os("JAVA_HOME") {
        let p = PathBuf::from(home).join("bin/javac");
        if p.exists() {
            return p;
        }
    }
    PathBuf::from("javac")
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let runtime = manifest.join("runtime");
    println!("cargo:rerun-if-changed=runtime");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let class_dir = out.join("runtime-classes");
    let _ = std::fs::remove_dir_all(&class_dir);
    std::fs::create_dir_all(&class_dir).unwrap();
    let mut files = Vec::new();
    sources(&runtime, &mut files);
    files.sort();
    let status = Command::new(javac())
        .arg("-nowarn")
        .args(["-encoding", "UTF-8", "-g:source,lines", "-XDignore.symbol.file"])
        .arg("--patch-module")
        .arg(format!("java.base={}", runtime.display()))
        .arg("-d")
        .arg(&class_dir)
        .args(&files)
        .status()
        .unwrap_or_else(|e| panic!("cannot run javac (a JDK 17 is needed to build the Java runtime library): {e}"));
    assert!(status.success(), "javac failed on the Java runtime library (crates/java/runtime)");
    let mut found = Vec::new();
    classes(&class_dir, &class_dir, &mut found);
    found.sort();
    let mut packed = Vec::new();
    for (name, bytes) in found {
        packed.extend((name.len() as u32).to_le_bytes());
        packed.extend(name.as_bytes());
        packed.extend((bytes.len() as u32).to_le_bytes());
        packed.extend(bytes);
    }
    std::fs::write(out.join("runtime.bin"), packed).unwrap();
}
