//! Java programs of our own, compiled with javac and run by `java` and by `phantom run`:
//! standard output, the exception lines of standard error and the exit status must match.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::TempDir;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "java") && p.file_stem().is_some_and(|s| s != "Compile"))
        .collect();
    out.sort();
    out
}

/// What a run shows: standard output, the lines of standard error that are not stack frames
/// (`\tat ...`, which differ by design), and the exit status.
#[derive(Debug, PartialEq)]
struct Seen {
    stdout: String,
    stderr: Vec<String>,
    status: Option<i32>,
}

fn seen(out: std::process::Output) -> Seen {
    let stderr = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.starts_with("\tat ") && !l.trim().is_empty() && !l.starts_with("\t..."))
        .map(str::to_string)
        .collect();
    Seen { stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr, status: out.status.code() }
}

fn compile_all(out: &Path, sources: &[PathBuf]) {
    let compiler = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/Compile.java");
    let status =
        Command::new("java").arg(&compiler).arg(out).args(sources).status().expect("java (JDK 17) runs the compiler");
    assert!(status.success(), "javac failed");
}

fn input_for(name: &str) -> Option<Vec<u8>> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/java/{name}.in"))).ok()
}

fn run_with_input(mut command: Command, input: Option<Vec<u8>>) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(bytes) = input {
        stdin.write_all(&bytes).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn java_programs_print_what_the_jvm_prints() {
    let tmp = TempDir::new("java-diff");
    let sources = programs();
    assert!(sources.len() >= 10, "the programs were found");
    compile_all(&tmp.0, &sources);
    let names: Vec<String> = sources.iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    let failures = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(name) = names.get(i) else { break };
                let classes = tmp.0.join(name);
                let mut java = Command::new("java");
                java.arg("-cp").arg(&classes).arg(name).args(["one", "two"]);
                let expected = seen(run_with_input(java, input_for(name)));
                let mut phantom = Command::new(env!("CARGO_BIN_EXE_phantom"));
                phantom.arg("run").arg(&classes).args(["--main", name, "--", "one", "two"]);
                let got = seen(run_with_input(phantom, input_for(name)));
                if got != expected {
                    failures.lock().unwrap().push(format!("{name}:\n  java:    {expected:?}\n  phantom: {got:?}"));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} of {} programs differ:\n{}", failures.len(), names.len(), failures.join("\n"));
}

/// With `javac -g` the class files name their local variables, and the NullPointerException
/// messages say `"a[k]"` where they would say `"<local0>[<local1>]"`.
#[test]
fn null_pointer_messages_name_local_variables_of_classes_compiled_with_debug_information() {
    let tmp = TempDir::new("java-npe-g");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/NpeMessages.java");
    let status = Command::new("javac").arg("-g").arg("-d").arg(&tmp.0).arg(&source).status().expect("javac runs");
    assert!(status.success(), "javac -g failed");
    let mut java = Command::new("java");
    java.arg("-cp").arg(&tmp.0).arg("NpeMessages");
    let expected = seen(run_with_input(java, None));
    assert!(expected.stdout.contains("because \"a[k]\" is null"), "java names the variables: {}", expected.stdout);
    let mut phantom = Command::new(env!("CARGO_BIN_EXE_phantom"));
    phantom.arg("run").arg(&tmp.0).args(["--main", "NpeMessages"]);
    assert_eq!(seen(run_with_input(phantom, None)), expected);
}

/// `phantom run ... | head`: once the reader has gone, output is dropped and the program ends
/// as it would have, like Java's `System.out`, without an error.
#[test]
fn output_into_a_closed_pipe_is_dropped_not_fatal() {
    use std::io::BufRead;
    let tmp = TempDir::new("java-pipe");
    let source = tmp.0.join("Loud.java");
    std::fs::write(
        &source,
        "public class Loud { public static void main(String[] a) { for (int i = 0; i < 200000; i++) \
         System.out.println(\"line \" + i); System.err.println(\"finished\"); System.exit(3); } }",
    )
    .unwrap();
    let status = Command::new("javac").arg("-d").arg(&tmp.0).arg(&source).status().expect("javac runs");
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_phantom"))
        .arg("run")
        .arg(&tmp.0)
        .args(["--main", "Loud"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first, "line 0\n");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim(), "finished", "the program ran to its end quietly");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn bad_class_files_and_missing_runtime_classes_are_clear_errors() {
    let tmp = TempDir::new("java-bad");
    let sources = [Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/IntArith.java")];
    compile_all(&tmp.0, &sources);
    let good = std::fs::read(tmp.0.join("IntArith/IntArith.class")).unwrap();
    let phantom = |dir: &Path, main: &str| {
        Command::new(env!("CARGO_BIN_EXE_phantom")).arg("run").arg(dir).args(["--main", main]).output().unwrap()
    };
    // Truncated anywhere: refused with the file and what is wrong, never a panic.
    for cut in [5, 10, 100, good.len() / 2, good.len() - 1] {
        let dir = tmp.0.join(format!("cut{cut}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("IntArith.class"), &good[..cut]).unwrap();
        let out = phantom(&dir, "IntArith");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "cut at {cut}: {err}");
        assert!(err.contains("IntArith.class: not a valid class file") && !err.contains("panicked"), "{err}");
    }
    // A class the runtime lacks: named, with the method and offset that needs it.
    let missing = tmp.0.join("missing");
    std::fs::create_dir_all(&missing).unwrap();
    let source = missing.join("M.java");
    std::fs::write(&source, "public class M { public static void main(String[] a) { System.out.println(new java.util.concurrent.ConcurrentHashMap<String, String>().size()); } }").unwrap();
    assert!(Command::new("javac").arg("-d").arg(&missing).arg(&source).status().unwrap().success());
    let out = phantom(&missing, "M");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("M.main([Ljava/lang/String;)V at offset")
            && err.contains("java.util.concurrent.ConcurrentHashMap is not available"),
        "{err}"
    );
    // No such main class.
    let out = phantom(&missing, "Nope");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no class Nope"));
}

#[test]
fn a_jar_runs_by_its_manifest_and_translations_are_cached() {
    let tmp = TempDir::new("java-jar");
    let sources = [Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/ProgWordFreq.java")];
    compile_all(&tmp.0, &sources);
    let jar = tmp.0.join("words.jar");
    let made = Command::new("jar")
        .arg("cfe")
        .arg(&jar)
        .arg("ProgWordFreq")
        .args(["-C", tmp.0.join("ProgWordFreq").to_str().unwrap(), "."])
        .status()
        .expect("the JDK's jar tool");
    assert!(made.success());
    let expected = seen(Command::new("java").arg("-jar").arg(&jar).args(["one", "two"]).output().unwrap());
    let cache = tmp.0.join("cache");
    let phantom = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_phantom"));
        c.arg("run").arg(&jar).args(["--", "one", "two"]).env("PHANTOM_CACHE", &cache);
        seen(c.output().unwrap())
    };
    assert_eq!(phantom(), expected, "first run, translated");
    let cached: Vec<PathBuf> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(cached.len(), 1, "one translation kept: {cached:?}");
    assert_eq!(phantom(), expected, "second run, from the cache");
    // A damaged cache entry is translated again, not trusted.
    std::fs::write(&cached[0], b"not a bundle").unwrap();
    assert_eq!(phantom(), expected, "after the cache was damaged");
    assert!(std::fs::read(&cached[0]).unwrap().len() > 1000, "written again");
    // A JAR that is not one: a clear error.
    let broken = tmp.0.join("broken.jar");
    std::fs::write(&broken, &std::fs::read(&jar).unwrap()[..100]).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_phantom")).arg("run").arg(&broken).args(["--main", "X"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() == Some(1) && err.contains("broken.jar: not a readable zip archive"), "{err}");
}
