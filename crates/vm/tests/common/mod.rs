//! Helpers shared by the VM's tests and benchmarks.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use phantom_bytecode::assemble;
use phantom_vm::Vm;

/// Program output captured from a VM.
#[derive(Clone, Default)]
pub struct Capture(pub Arc<Mutex<Vec<u8>>>);

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Assembles every class of an assembly source (each `.class` line starts one) onto the VM's
/// class path; returns the name of the first, the main class.
pub fn add_classes(vm: &Vm, source: &str) -> Result<String, String> {
    let mut main = None;
    for unit in source.split("\n.class").skip(1) {
        let file = assemble(&format!(".class{unit}")).map_err(|e| format!("{e:?}"))?;
        main.get_or_insert_with(|| String::from_utf8_lossy(&file.header().unwrap().name).into_owned());
        vm.class_path().add_file(file.to_bytes());
    }
    main.ok_or_else(|| "no class in the source".to_string())
}

/// Compiles a Phantom-language source and loads its classes into `vm`.
pub fn load_source(vm: &Vm, path: &str, source: &str) {
    load_source_importing(vm, path, source, &[]);
}

/// `load_source` for a source that imports compiled classes from `dirs`.
pub fn load_source_importing(vm: &Vm, path: &str, source: &str, dirs: &[std::path::PathBuf]) {
    let class_path = phantom_compiler::ClassPath { dirs: dirs.to_vec(), ..Default::default() };
    let output = phantom_compiler::compile(
        vec![phantom_compiler::Source { path: path.into(), text: source.into() }],
        class_path,
    );
    assert!(!output.has_errors(), "{}", output.render());
    for (name, file) in output.classes {
        vm.load_class(&file.to_bytes(), &name).unwrap();
    }
}

/// Expected standard output: the `;> ` lines.
pub fn expected_output(source: &str) -> String {
    source.lines().filter_map(|l| l.strip_prefix(";> ")).map(|l| format!("{l}\n")).collect()
}

/// Runs the main class to its end while calling `each` every `interval` from another thread
/// (to request safepoints, say). A failing program fails the caller instead of hanging it.
pub fn run_while(
    vm: &Vm,
    class: phantom_vm::heap::ClassId,
    interval: std::time::Duration,
    mut each: impl FnMut(),
) -> Result<(), String> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        let runner = s.spawn(|| {
            let result = vm.run_main(class).map_err(|e| e.to_string());
            done.store(true, Ordering::Release);
            result
        });
        while !done.load(Ordering::Acquire) {
            std::thread::sleep(interval);
            each();
        }
        runner.join().unwrap()
    })
}
