//! The Phantom language end to end: every program under `tests/language/` is compiled and run
//! with `phantom run`, and its standard output compared with the `//> ` lines it carries.
//! `//! text` lines name text that must appear on standard error, and then the run must fail
//! (a compile error or an uncaught exception). `//? text` lines name warnings that must be
//! shown while the program still compiles and runs. `//-- words` lines are the program's arguments
//! (passed after `--`). A directory is one program of several files,
//! compiled together; its class `.DIR.main` is started.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Expected {
    stdout: String,
    errors: Vec<String>,
    warnings: Vec<String>,
    arguments: Vec<String>,
}

fn expectations(sources: &[PathBuf]) -> Expected {
    let mut out = String::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut arguments = Vec::new();
    for s in sources {
        let text = std::fs::read_to_string(s).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            if let Some(rest) = line.strip_prefix("//>") {
                out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                out.push('\n');
            } else if let Some(rest) = line.strip_prefix("//!") {
                errors.push(rest.trim().to_string());
            } else if let Some(rest) = line.strip_prefix("//?") {
                warnings.push(rest.trim().to_string());
            } else if let Some(rest) = line.strip_prefix("//--") {
                arguments.extend(rest.split_whitespace().map(String::from));
            }
        }
    }
    Expected { stdout: out, errors, warnings, arguments }
}

fn check(program: &Path) -> Result<(), String> {
    let (sources, args): (Vec<PathBuf>, Vec<String>) = if program.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(program)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ph"))
            .collect();
        files.sort();
        let out = std::env::temp_dir().join(format!(
            "phantom-lang-{}-{}",
            program.file_name().unwrap().to_string_lossy(),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&out);
        let compiled = Command::new(env!("CARGO_BIN_EXE_phantom"))
            .args(["compile", "-o", out.to_str().unwrap(), program.to_str().unwrap()])
            .output()
            .unwrap();
        if !compiled.status.success() {
            let errors = expectations(&files).errors;
            let stderr = String::from_utf8_lossy(&compiled.stderr);
            if !errors.is_empty() && errors.iter().all(|e| stderr.contains(e.as_str())) {
                return Ok(());
            }
            return Err(format!("compile failed:\n{stderr}"));
        }
        let main = format!(".{}.main", program.file_name().unwrap().to_string_lossy());
        (files, vec!["run".into(), out.to_str().unwrap().into(), "--main".into(), main])
    } else {
        (vec![program.to_path_buf()], vec!["run".into(), program.to_str().unwrap().into()])
    };
    let Expected { stdout: expected, errors, warnings, arguments } = expectations(&sources);
    let run = Command::new(env!("CARGO_BIN_EXE_phantom")).args(&args).arg("--").args(&arguments).output().unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    if stderr.contains("internal error") {
        return Err(format!("internal error:\n{stderr}"));
    }
    if errors.is_empty() {
        if !run.status.success() {
            return Err(format!("failed:\n{stderr}\nstdout:\n{stdout}"));
        }
        if warnings.is_empty() && !stderr.trim().is_empty() {
            return Err(format!("unexpected diagnostics:\n{stderr}"));
        }
        for w in &warnings {
            if !stderr.contains(w.as_str()) {
                return Err(format!("stderr lacks warning {w:?}:\n{stderr}"));
            }
        }
    } else {
        if run.status.success() {
            return Err(format!("should have failed; stderr:\n{stderr}"));
        }
        for e in &errors {
            if !stderr.contains(e.as_str()) {
                return Err(format!("stderr lacks {e:?}:\n{stderr}"));
            }
        }
    }
    if stdout != expected {
        return Err(format!("stdout differs\n--- expected\n{expected}--- got\n{stdout}\n--- stderr\n{stderr}"));
    }
    Ok(())
}

#[test]
fn language_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/language");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "ph"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 10, "the suite went missing");
    let mut failures = Vec::new();
    for p in &programs {
        if let Err(e) = check(p) {
            failures.push(format!("== {}\n{e}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{} of {} programs failed:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

fn phantom(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_phantom"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn system_library_compiles_without_warnings() {
    let plib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../plib");
    let out = std::env::temp_dir().join(format!("phantom-plib-{}", std::process::id()));
    let o = phantom(&["compile", "-o", out.to_str().unwrap(), plib.to_str().unwrap()], "");
    let _ = std::fs::remove_dir_all(&out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "", "the library must compile without warnings");
}

#[test]
fn system_library_regression_tests_pass() {
    let o = phantom(&["run", "--main", ".phantom.regress"], "");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.starts_with("regression tests\n"));
    assert!(stdout.lines().filter(|l| l.starts_with("  ok ")).count() >= 30);
    assert!(stdout.ends_with("checks passed\n"), "{stdout}");
}

#[test]
fn shell_runs_commands_from_the_console() {
    let o = phantom(&["run", "--main", ".phantom.boot"], "echo one  two\nnosuch\nthreads\nexit\necho never\n");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("phantom> one two\n"), "{stdout}");
    assert!(stdout.contains("unknown command 'nosuch'"), "{stdout}");
    assert!(stdout.contains("4 threads x 1000 increments = 4000"), "{stdout}");
    assert!(!stdout.contains("never"), "{stdout}");
}

#[test]
fn programs_import_the_system_library() {
    let dir = std::env::temp_dir().join(format!("phantom-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("uses_map.ph");
    std::fs::write(
        &source,
        "package .app;\nimport .phantom.util.hashmap;\nclass uses_map {\n  void run(var boot) [8] {\n    \
         var h : .phantom.util.hashmap;\n    h = new .phantom.util.hashmap();\n    h.put(\"a\", 1);\n    \
         boot.16(\"got \" + h.get(\"a\") + \"\\n\");\n  }\n};\n",
    )
    .unwrap();
    let o = phantom(&["run", source.to_str().unwrap()], "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "got 1\n", "{}", String::from_utf8_lossy(&o.stderr));
}

/// The original compiler's class file for `.phantom.util.hashpair` declares no constructor:
/// `new` of it with no arguments only allocates (COMPATIBILITY.md L26); with arguments it is
/// still an error.
#[test]
fn new_of_an_imported_class_without_constructors_only_allocates() {
    let dir = std::env::temp_dir().join(format!("phantom-noctor-{}", std::process::id()));
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bytecode/tests/fixtures/original");
    std::fs::copy(original.join("phantom.util.hashpair.pc"), lib.join("phantom.util.hashpair.pc")).unwrap();
    let program = |name: &str, new_args: &str| {
        let source = dir.join(format!("{name}.ph"));
        std::fs::write(
            &source,
            format!(
                "package .app;\nimport .phantom.util.hashpair;\nclass {name} {{\n  void run(var boot) [8] {{\n    \
                 var p : hashpair;\n    var q : hashpair;\n    p = new hashpair({new_args});\n    \
                 q = new hashpair();\n    p.setKey(\"k\");\n    p.setVal(\"v\");\n    p.setNext(q);\n    \
                 boot.16(\"\" + p.getKey() + \"=\" + p.getVal() + \"\\n\");\n    \
                 if (q.getKey() == null && p.getNext() :== q) boot.16(\"two objects\\n\");\n  }}\n}};\n"
            ),
        )
        .unwrap();
        phantom(&["run", "-I", lib.to_str().unwrap(), source.to_str().unwrap()], "")
    };
    let ok = program("pairs", "");
    let bad = program("pairs_with_arguments", "1");
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&ok.stdout), "k=v\ntwo objects\n", "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success());
    assert!(stderr.contains("`.phantom.util.hashpair` has no constructor taking (int)"), "{stderr}");
    assert!(stderr.contains("declares no constructor"), "{stderr}");
}
