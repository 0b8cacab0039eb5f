//! Programs in the assembly language, one per area of the instruction set, run through the
//! real loader, verifier and interpreter. Each `tests/programs/*.pasm` states its expected
//! standard output in `;> ` lines (and, for a program that must fail, the uncaught message in
//! `;! ` lines).

use std::path::Path;
use std::sync::{Arc, Mutex};

use phantom_bytecode::assemble;

use phantom_vm::{PlainMemory, Vm};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run_program(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).unwrap();
    let expected: String = source.lines().filter_map(|l| l.strip_prefix(";> ")).map(|l| format!("{l}\n")).collect();
    let expected_error: Vec<&str> = source.lines().filter_map(|l| l.strip_prefix(";! ")).collect();
    // A file may hold several classes: each `.class` starts one; the first is the main class.
    let mut units: Vec<String> = Vec::new();
    for line in source.lines() {
        if line.starts_with(".class") || units.is_empty() {
            units.push(String::new());
        }
        units.last_mut().unwrap().push_str(line);
        units.last_mut().unwrap().push('\n');
    }
    let out = Capture::default();
    let vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(out.clone())).unwrap();
    let mut main = None;
    for unit in units.iter().filter(|u| u.contains(".class")) {
        let file = assemble(unit).map_err(|e| format!("{e:?}"))?;
        main.get_or_insert_with(|| String::from_utf8_lossy(&file.header().unwrap().name).into_owned());
        vm.class_path().add_file(file.to_bytes());
    }
    let class = vm.find_class(&main.ok_or("no class in the file")?)?;
    let result = vm.run_main(class);
    let output = String::from_utf8_lossy(&out.0.lock().unwrap()).into_owned();
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
        if let Err(e) = run_program(path) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(paths.len() >= 4, "programs missing");
}
