//! VM benchmarks: `cargo bench -p phantom-vm`. Prints Markdown for docs/BENCHMARKS.md.
//!
//! Time to safepoint: 200 VM threads spin in counting loops on the worker pool while the
//! benchmark requests safepoints; the figure is how long each took to stop every thread.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use common::{add_classes, run_while};
use phantom_vm::{PlainMemory, Vm};

const SPINNERS: &str = include_str!("spinners.pasm");

fn main() {
    let vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(std::io::sink())).unwrap();
    add_classes(&vm, SPINNERS).unwrap();
    let main = vm.find_class(".t.spin").unwrap();
    let mut samples = Vec::new();
    run_while(&vm, main, Duration::from_millis(1), || {
        let (seen, reached) = vm.sched.safepoint(|threads| threads.count());
        if seen > 0 {
            samples.push(reached);
        }
    })
    .unwrap();
    samples.sort();
    let pct = |p: usize| samples[(samples.len() - 1) * p / 100];
    println!("\n### Time to safepoint (200 spinning VM threads, {} workers)\n", vm.workers);
    println!("| samples | median | p99 | worst | goal |");
    println!("|---|---|---|---|---|");
    println!("| {} | {:?} | {:?} | {:?} | 1 ms |", samples.len(), pct(50), pct(99), samples.last().unwrap());
}
