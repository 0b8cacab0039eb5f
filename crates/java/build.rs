//! Compiles the Java runtime library (`runtime/`, our own java.lang, java.util and phantom.*)
//! with the JDK's javac, as a patch of java.base, and packs the class files for the crate.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    sources_with(dir, "java", out)
}

fn sources_with(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("sources") {
        let path = entry.expect("source entry").path();
        if path.is_dir() {
            sources_with(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
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

/// A hash of files' paths and contents (std's SipHash: stable for one toolchain, which is
/// all a build id needs).
fn hash_files(files: &[PathBuf]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in files {
        f.hash(&mut h);
        std::fs::read(f).expect("source file").hash(&mut h);
    }
    h.finish()
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let runtime = manifest.join("runtime");
    println!("cargo:rerun-if-changed=runtime");
    println!("cargo:rerun-if-changed=src");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    // The build id names what a translation depends on (the translator's sources and the
    // runtime library's): `phantom run` caches translations under it.
    let mut translator = Vec::new();
    sources_with(&manifest.join("src"), "rs", &mut translator);
    let mut runtime_sources = Vec::new();
    sources(&runtime, &mut runtime_sources);
    runtime_sources.sort();
    translator.sort();
    let runtime_hash = hash_files(&runtime_sources);
    println!("cargo:rustc-env=PHANTOM_JAVA_BUILD={:016x}{:016x}", hash_files(&translator), runtime_hash);
    // javac runs only when the runtime's sources changed since it last did.
    let stamp = out.join("runtime.hash");
    if std::fs::read_to_string(&stamp).ok() == Some(format!("{runtime_hash:016x}")) && out.join("runtime.bin").exists()
    {
        return;
    }
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
    std::fs::write(stamp, format!("{runtime_hash:016x}")).unwrap();
}
