//! Store benchmarks. `cargo bench -p phantom-store` prints Markdown tables for
//! docs/BENCHMARKS.md. Every figure comes with a reference measured in the same run.
//!
//! Environment: `BENCH_DIR` (where images go; default the system temp dir), `BENCH_QUICK=1`
//! (small sizes only, for a smoke run).

use std::hint::black_box;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use phantom_store::{Store, StoreOptions, PAGE_SIZE};

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

fn bench_dir() -> PathBuf {
    let dir = std::env::var_os("BENCH_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir).join("phantom-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

fn human(bytes: u64) -> String {
    if bytes >= GIB {
        format!("{} GiB", bytes / GIB)
    } else {
        format!("{} MiB", bytes / MIB)
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// Page cache dropped, when allowed (root), so that opens read from the disk.
fn drop_caches() -> bool {
    let _ = std::process::Command::new("sync").status();
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

/// Touches every page of `bytes` with non-zero data.
fn touch(store: &Store, bytes: u64, value: u8) {
    let page = vec![value; PAGE_SIZE];
    for p in 0..bytes / PAGE_SIZE as u64 {
        store.write(p * PAGE_SIZE as u64, &page).unwrap();
    }
}

fn barrier_cost() {
    println!("\n### Write barrier cost per write\n");
    let bytes = 64 * MIB as usize;
    let words = bytes / 8;
    let rounds = if quick() { 2 } else { 10 };
    let mut raw = vec![0u64; words];
    let start = Instant::now();
    for r in 0..rounds {
        for (i, w) in raw.iter_mut().enumerate() {
            *w = black_box(i as u64 ^ r);
        }
    }
    black_box(&raw);
    let raw_ns = start.elapsed().as_nanos() as f64 / (rounds as f64 * words as f64);

    let store = Store::create_on(
        Box::new(phantom_store::SimDisk::new()),
        &StoreOptions { address_space: bytes as u64, ..StoreOptions::default() },
    )
    .unwrap();
    touch(&store, bytes as u64, 1);
    let start = Instant::now();
    for r in 0..rounds {
        for i in 0..words as u64 {
            store.write_u64(i * 8, black_box(i ^ r)).unwrap();
        }
    }
    let fast_ns = start.elapsed().as_nanos() as f64 / (rounds as f64 * words as f64);

    let start = Instant::now();
    for r in 0..rounds {
        for i in 0..words as u64 {
            black_box(store.read_u64(i * 8).unwrap() ^ r);
        }
    }
    let read_ns = start.elapsed().as_nanos() as f64 / (rounds as f64 * words as f64);

    // First write to each page after begin_snapshot, with the snapshot not yet written: the
    // slow path copies the page before writing.
    store.begin_snapshot().unwrap();
    let pages = bytes as u64 / PAGE_SIZE as u64;
    let start = Instant::now();
    for p in 0..pages {
        store.write_u64(p * PAGE_SIZE as u64, 7).unwrap();
    }
    let slow_ns = start.elapsed().as_nanos() as f64 / pages as f64;
    drop(store);

    println!("| operation | ns per operation | vs a plain `Vec<u64>` store |");
    println!("|---|---|---|");
    println!("| plain memory store (reference) | {raw_ns:.2} | 1.00x |");
    println!("| `write_u64`, page already dirty this epoch (fast path) | {fast_ns:.2} | {:.2}x |", fast_ns / raw_ns);
    println!("| `read_u64`, resident page | {read_ns:.2} | {:.2}x |", read_ns / raw_ns);
    println!("| first write to a page pending capture (lock + 4 KiB copy) | {slow_ns:.0} | {:.0}x |", slow_ns / raw_ns);
}

fn pause_vs_size(dir: &Path) {
    println!("\n### `begin_snapshot()` pause against memory touched\n");
    println!("| memory touched | pages dirty | samples | pause (median) | pause (worst) |");
    println!("|---|---|---|---|---|");
    let sizes: &[u64] = if quick() { &[MIB, 16 * MIB] } else { &[MIB, 16 * MIB, 256 * MIB, GIB, 4 * GIB, 8 * GIB] };
    for &size in sizes {
        let path = dir.join("pause.img");
        let _ = std::fs::remove_file(&path);
        let store = Store::create(&path, &StoreOptions::default()).unwrap();
        // Writing each snapshot out costs seconds at the large sizes: fewer samples there.
        let samples = if size <= 16 * MIB {
            9
        } else if size <= GIB {
            3
        } else {
            2
        };
        let mut pauses = Vec::new();
        for round in 0..samples {
            // Every page dirty again, so each pause faces the full dirty set.
            touch(&store, size, round as u8 + 1);
            let start = Instant::now();
            store.begin_snapshot().unwrap();
            pauses.push(start.elapsed());
            store.write_snapshot().unwrap();
        }
        pauses.sort();
        let median = pauses[pauses.len() / 2];
        println!(
            "| {} | {} | {samples} | {} | {} |",
            human(size),
            size / PAGE_SIZE as u64,
            ms(median),
            ms(*pauses.last().unwrap())
        );
        drop(store);
        std::fs::remove_file(&path).unwrap();
    }
}

fn throughput(dir: &Path) {
    println!("\n### Snapshot write-out throughput against raw sequential writes\n");
    let size = if quick() { 64 * MIB } else { 2 * GIB };
    // Reference: sequential 1 MiB writes to a fresh file, then fdatasync.
    let raw_path = dir.join("raw.bin");
    let file = std::fs::File::create(&raw_path).unwrap();
    let chunk = vec![0xA5u8; MIB as usize];
    let start = Instant::now();
    for i in 0..size / MIB {
        file.write_all_at(&chunk, i * MIB).unwrap();
    }
    file.sync_data().unwrap();
    let raw = start.elapsed();
    drop(file);
    std::fs::remove_file(&raw_path).unwrap();

    let path = dir.join("throughput.img");
    let store = Store::create(&path, &StoreOptions::default()).unwrap();
    touch(&store, size, 0x5A);
    store.begin_snapshot().unwrap();
    let start = Instant::now();
    store.write_snapshot().unwrap();
    let ours = start.elapsed();
    drop(store);
    std::fs::remove_file(&path).unwrap();
    let mbps = |d: Duration| size as f64 / MIB as f64 / d.as_secs_f64();
    println!("| writer | data | time | MiB/s | vs raw |");
    println!("|---|---|---|---|---|");
    println!(
        "| raw sequential `pwrite` + `fdatasync` (reference) | {} | {} | {:.0} | 1.00 |",
        human(size),
        ms(raw),
        mbps(raw)
    );
    println!(
        "| snapshot write-out (capture, checksum, tree, 2 syncs) | {} | {} | {:.0} | {:.2} |",
        human(size),
        ms(ours),
        mbps(ours),
        mbps(ours) / mbps(raw)
    );
}

fn open_time(dir: &Path) {
    println!("\n### Open time against image size\n");
    println!("| image data | build time | page cache | open, median / worst of 5 | open + first page read (median) |");
    println!("|---|---|---|---|---|");
    let sizes: &[u64] = if quick() { &[16 * MIB] } else { &[64 * MIB, GIB, 4 * GIB, 16 * GIB] };
    for &size in sizes {
        let path = dir.join("open.img");
        let _ = std::fs::remove_file(&path);
        let build = Instant::now();
        {
            let options = StoreOptions { resident_limit: Some(256 * MIB), ..StoreOptions::default() };
            let store = Store::create(&path, &options).unwrap();
            let step = 256 * MIB;
            let page = vec![3u8; PAGE_SIZE];
            for base in (0..size).step_by(step as usize) {
                for p in 0..step.min(size - base) / PAGE_SIZE as u64 {
                    store.write(base + p * PAGE_SIZE as u64, &page).unwrap();
                }
                store.snapshot_now().unwrap();
                store.trim();
            }
        }
        let build = build.elapsed();
        let mut opens = Vec::new();
        let mut first_reads = Vec::new();
        let mut cold = true;
        for _ in 0..5 {
            cold &= drop_caches();
            let start = Instant::now();
            let (store, _) = Store::open(&path, &StoreOptions::default()).unwrap();
            opens.push(start.elapsed());
            assert_eq!(store.read_u64(size / 2).unwrap(), 0x0303_0303_0303_0303);
            first_reads.push(start.elapsed());
        }
        opens.sort();
        first_reads.sort();
        println!(
            "| {} | {:.1} s | {} | {} / {} | {} |",
            human(size),
            build.as_secs_f64(),
            if cold { "cold" } else { "warm" },
            ms(opens[2]),
            ms(opens[4]),
            ms(first_reads[2])
        );
        std::fs::remove_file(&path).unwrap();
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else to parse.
    let dir = bench_dir();
    println!("Store benchmarks ({} run)", if quick() { "quick" } else { "full" });
    barrier_cost();
    pause_vs_size(&dir);
    throughput(&dir);
    open_time(&dir);
    std::io::stdout().flush().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
