//! Thread state is complete in the heap at every safepoint: while programs run, every thread
//! is repeatedly written into the heap and replaced by the copy rebuilt from the heap alone
//! (frames, both stacks, catchers, positions, sleep and wait state). The programs must still
//! produce exactly their expected output.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

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

fn run_with_round_trips(program: &str) -> (String, String, u32) {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs").join(program)).unwrap();
    let expected: String = source.lines().filter_map(|l| l.strip_prefix(";> ")).map(|l| format!("{l}\n")).collect();
    let out = Capture::default();
    let vm = Vm::new(Box::new(PlainMemory::new(32 << 20)), Box::new(out.clone())).unwrap();
    let mut main = None;
    for unit in source.split("\n.class").skip(1) {
        let file = assemble(&format!(".class{unit}")).unwrap();
        main.get_or_insert_with(|| String::from_utf8_lossy(&file.header().unwrap().name).into_owned());
        vm.class_path().add_file(file.to_bytes());
    }
    let class = vm.find_class(&main.unwrap()).unwrap();
    let done = AtomicBool::new(false);
    let mut round_trips = 0;
    let mut failure = None;
    std::thread::scope(|s| {
        let runner = s.spawn(|| {
            let result = vm.run_main(class).map_err(|e| e.to_string());
            done.store(true, Ordering::Release);
            result
        });
        while !done.load(Ordering::Acquire) {
            std::thread::sleep(Duration::from_millis(2));
            // The VM's safepoint has already written every thread into the heap.
            let (n, _) = vm.safepoint(|threads| {
                let mut n = 0;
                for t in threads {
                    let rebuilt = vm.restore_thread(t.object).unwrap();
                    *t = *rebuilt;
                    n += 1;
                }
                n
            });
            if n > 0 {
                round_trips += 1;
            }
        }
        failure = runner.join().unwrap().err();
    });
    if let Some(e) = failure {
        panic!("{program}: {e}");
    }
    let output = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    (output, expected, round_trips)
}

#[test]
fn threads_rebuilt_from_the_heap_carry_on_exactly() {
    for program in ["catch_loop.pasm", "threads_cond.pasm", "threads_sleep.pasm"] {
        let (output, expected, round_trips) = run_with_round_trips(program);
        assert_eq!(output, expected, "{program}");
        eprintln!("{program}: {round_trips} safepoints rebuilt every thread from the heap");
        // The long-running program must have met safepoints; the short ones may finish first.
        if program == "catch_loop.pasm" {
            assert!(round_trips > 0, "{program}: no safepoint happened while it ran");
        }
    }
}
