//! Thread state is complete in the heap at every safepoint: while programs run, every thread
//! is repeatedly written into the heap and replaced by the copy rebuilt from the heap alone
//! (frames, both stacks, catchers, positions, sleep and wait state). The programs must still
//! produce exactly their expected output.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{add_classes, expected_output, run_while, Capture};
use phantom_vm::{PlainMemory, Vm};

fn run_with_round_trips(program: &str) -> (String, String, u32) {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs").join(program)).unwrap();
    let expected = expected_output(&source);
    let out = Capture::default();
    let mut vm = Vm::new(Box::new(PlainMemory::new(32 << 20)), Box::new(out.clone())).unwrap();
    // Several host threads, so that VM threads run concurrently (the default may be one).
    vm.workers = 4;
    let main = add_classes(&vm, &source).unwrap();
    let class = vm.find_class(&main).unwrap();
    let mut round_trips = 0;
    let result = run_while(&vm, class, Duration::from_millis(2), || {
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
    });
    if let Err(e) = result {
        panic!("{program}: {e}");
    }
    let output = out.text();
    (output, expected, round_trips)
}

#[test]
fn threads_rebuilt_from_the_heap_carry_on_exactly() {
    for program in ["catch_loop.pasm", "threads_cond.pasm", "threads_sleep.pasm", "threads_twait.pasm"] {
        let (output, expected, round_trips) = run_with_round_trips(program);
        assert_eq!(output, expected, "{program}");
        eprintln!("{program}: {round_trips} safepoints rebuilt every thread from the heap");
        // The long-running program must have met safepoints; the short ones may finish first.
        if program == "catch_loop.pasm" {
            assert!(round_trips > 0, "{program}: no safepoint happened while it ran");
        }
    }
}
