//! VM benchmarks: `cargo bench -p phantom-vm`. Prints Markdown for docs/BENCHMARKS.md.
//!
//! Time to safepoint: 200 VM threads spin in counting loops on the worker pool while the
//! benchmark requests safepoints; the figure is how long each took to stop every thread. It
//! is measured with the default pool (one processor left spare) and, as the reference, with a
//! worker on every processor, where the host must deschedule workers to run anything else.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use common::{add_classes, run_while};
use phantom_vm::{default_workers, PlainMemory, Vm};

const SPINNERS: &str = include_str!("spinners.pasm");

/// Times to safepoint, sorted, with `workers` host threads.
fn time_to_safepoint(workers: usize) -> Vec<Duration> {
    let mut vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(std::io::sink())).unwrap();
    vm.workers = workers;
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
    samples
}

fn main() {
    let processors = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\n### Time to safepoint (200 spinning VM threads, {processors} processors)\n");
    println!("| workers | samples | median | p99 | worst | over 1 ms |");
    println!("|---|---|---|---|---|---|");
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    for (workers, what) in [(default_workers(), "default"), (processors, "one per processor (reference)")] {
        let samples = time_to_safepoint(workers);
        let pct = |p: usize| samples[(samples.len() - 1) * p / 100];
        let over = samples.iter().filter(|d| **d > Duration::from_millis(1)).count();
        println!(
            "| {workers}, {what} | {} | {} | {} | {} | {over} |",
            samples.len(),
            ms(pct(50)),
            ms(pct(99)),
            ms(*samples.last().unwrap())
        );
    }
}
