//! Class files written by the original compiler run unchanged.

use std::path::Path;
use std::sync::{Arc, Mutex};

use phantom_vm::{PlainMemory, Vm};

/// Output captured from a VM.
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

fn vm_with_original_classes() -> (Vm, Capture) {
    let out = Capture::default();
    let vm = Vm::new(Box::new(PlainMemory::new(64 << 20)), Box::new(out.clone())).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bytecode/tests/fixtures/original");
    vm.class_path().add_dir(dir);
    (vm, out)
}

#[test]
fn the_original_regression_tests_pass() {
    let (vm, out) = vm_with_original_classes();
    let class = vm.find_class(".ru.dz.phantom.system.regression_tests").unwrap();
    let this = vm.instantiate(class).unwrap();
    let result = vm.run(this, 19, &[vm.boot_object()]);
    let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    if let Err(e) = &result {
        panic!("{e}\noutput so far:\n{text}");
    }
    // The class throws a string on any wrong result; its transcript says which checks ran.
    assert_eq!(
        text,
        "Phantom language regression tests are running\n\
         Checking flow control operators... passed\n\
         Checking int math... passed\n\
         Checking arrays... Beeping: beep two! beep one! beep zero! \npassed\n"
    );
}
