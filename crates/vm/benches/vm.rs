//! VM benchmarks: `cargo bench -p phantom-vm`. Prints Markdown for docs/BENCHMARKS.md.
//!
//! Time to safepoint: 200 VM threads spin in counting loops on the worker pool while the
//! benchmark requests safepoints; the figure is how long each took to stop every thread.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use phantom_bytecode::assemble;
use phantom_vm::{PlainMemory, Vm};

const SPINNERS: &str = include_str!("spinners.pasm");

fn main() {
    let vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(std::io::sink())).unwrap();
    for unit in SPINNERS.split("\n.class").filter(|u| !u.trim().is_empty() && !u.trim_start().starts_with(';')) {
        let text = if unit.starts_with(".class") { unit.to_string() } else { format!(".class{unit}") };
        vm.class_path().add_file(assemble(&text).unwrap().to_bytes());
    }
    let main = vm.find_class(".t.spin").unwrap();
    let done = AtomicBool::new(false);
    let mut samples = Vec::new();
    std::thread::scope(|s| {
        let runner = s.spawn(|| {
            // Whatever happens, stop the loop below: a failure must fail, not hang.
            let result = vm.run_main(main).map_err(|e| e.to_string());
            done.store(true, Ordering::Release);
            result
        });
        while !done.load(Ordering::Acquire) {
            std::thread::sleep(Duration::from_millis(1));
            let (seen, reached) = vm.sched.safepoint(|threads| threads.count());
            if seen > 0 {
                samples.push(reached);
            }
        }
        runner.join().unwrap().unwrap();
    });
    samples.sort();
    let pct = |p: usize| samples[(samples.len() - 1) * p / 100];
    println!("\n### Time to safepoint (200 spinning VM threads, {} workers)\n", vm.workers);
    println!("| samples | median | p99 | worst | goal |");
    println!("|---|---|---|---|---|");
    println!("| {} | {:?} | {:?} | {:?} | 1 ms |", samples.len(), pct(50), pct(99), samples.last().unwrap());
}
