//! Programs in the assembly language, one per area of the instruction set, run through the
//! real loader, verifier and interpreter. Each `tests/programs/*.pasm` states its expected
//! standard output in `;> ` lines (and, for a program that must fail, the uncaught message in
//! `;! ` lines).

mod common;

use std::path::Path;

use common::{add_classes, expected_output, Capture};
use phantom_vm::{PlainMemory, Vm};

/// Runs a program with fused runs on or off: the two must both give the expected output.
fn run_program(path: &Path, fuse: bool) -> Result<(), String> {
    let source = std::fs::read_to_string(path).unwrap();
    let expected = expected_output(&source);
    let expected_error: Vec<&str> = source.lines().filter_map(|l| l.strip_prefix(";! ")).collect();
    let out = Capture::default();
    let mut vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(out.clone())).unwrap();
    // Several host threads, so that VM threads run concurrently (the default may be one).
    vm.workers = 4;
    vm.fuse_runs = fuse;
    let main = add_classes(&vm, &source)?;
    let class = vm.find_class(&main)?;
    let result = vm.run_main(class);
    let output = out.text();
    match (result, expected_error.is_empty()) {
        (Ok(()), true) => {}
        (Err(e), false) => {
            let text = e.to_string();
            for needle in expected_error {
                if !text.contains(needle) {
                    return Err(format!("uncaught error lacks {needle:?}:\n{text}"));
                }
            }
        }
        (Ok(()), false) => return Err(format!("expected an uncaught exception; output:\n{output}")),
        (Err(e), true) => return Err(format!("{e}\noutput so far:\n{output}")),
    }
    if output != expected {
        return Err(format!("output differs\n--- expected\n{expected}--- got\n{output}"));
    }
    Ok(())
}

#[test]
fn assembly_programs_produce_their_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        for fuse in [true, false] {
            if let Err(e) = run_program(path, fuse) {
                failures.push(format!("{} (fused runs {}): {e}", path.display(), if fuse { "on" } else { "off" }));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(paths.len() >= 4, "programs missing");
}
