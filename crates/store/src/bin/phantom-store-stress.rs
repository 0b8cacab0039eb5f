//! Stress workload for the SIGKILL tests: `phantom-store-stress IMAGE`.
//!
//! Opens (or creates) IMAGE, checks that memory is exactly the deterministic result of the
//! rounds the recovered snapshot claims to contain, prints `recovered N`, then runs rounds
//! forever: each round rewrites some pages with a known pattern and records its number in the
//! header; snapshots are begun after rounds and written by the background writer while the next
//! round runs; `durable N` is printed once a snapshot holding round N is durable. Exits 2 with
//! `MISMATCH ...` if recovery found anything else.

use std::io::Write;
use std::path::Path;

use phantom_store::{Store, StoreError, StoreOptions, PAGE_SIZE};

const SIZE: u64 = 8 << 20;
const PAGES: u64 = SIZE / PAGE_SIZE as u64;

/// Pages round `r` writes, and the byte it fills them with. Page 0 is the header.
fn round_writes(r: u64) -> impl Iterator<Item = (u64, u8)> {
    (0..24u64).map(move |i| (1 + (r * 131 + i * 17) % (PAGES - 1), (r * 7 + i) as u8))
}

/// Memory after rounds 1..=last: each page holds what the latest round writing it wrote.
/// Walks rounds backwards and stops once every page is decided, so the cost stays bounded.
fn expected_memory(last: u64) -> Vec<u8> {
    let mut memory = vec![0u8; SIZE as usize];
    let mut decided = vec![false; PAGES as usize];
    let mut undecided = PAGES - 1;
    let mut r = last;
    while r > 0 && undecided > 0 {
        for (page, byte) in round_writes(r) {
            if !decided[page as usize] {
                decided[page as usize] = true;
                undecided -= 1;
                let at = page as usize * PAGE_SIZE;
                memory[at..at + PAGE_SIZE].fill(byte);
                memory[at..at + 8].copy_from_slice(&r.to_le_bytes());
            }
        }
        r -= 1;
    }
    memory[..8].copy_from_slice(&last.to_le_bytes());
    memory
}

fn run_round(store: &Store, r: u64) -> phantom_store::Result<()> {
    let mut page = vec![0u8; PAGE_SIZE];
    for (p, byte) in round_writes(r) {
        page.fill(byte);
        page[..8].copy_from_slice(&r.to_le_bytes());
        store.write(p * PAGE_SIZE as u64, &page)?;
    }
    store.write_u64(0, r)
}

/// Prints a line for the watcher; if nobody reads any more (a closed pipe), stops quietly.
fn say(line: &str) {
    let mut out = std::io::stdout();
    if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}

fn main() {
    // Any failure must be visible to the killing test, even if other threads keep running.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(std::io::stdout(), "MISMATCH panic: {info}");
        std::process::exit(3);
    }));
    let path = std::env::args().nth(1).expect("usage: phantom-store-stress IMAGE");
    let path = Path::new(&path);
    let options = StoreOptions { address_space: SIZE, ..StoreOptions::default() };
    let store = if path.exists() {
        match Store::open(path, &options) {
            Ok((store, _)) => store,
            Err(e) => {
                println!("MISMATCH cannot open: {e}");
                std::process::exit(2);
            }
        }
    } else {
        Store::create(path, &options).unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()))
    };
    let recovered = store.read_u64(0).unwrap();
    let expected = expected_memory(recovered);
    let mut actual = vec![0u8; SIZE as usize];
    store.read(0, &mut actual).unwrap();
    if actual != expected {
        let page = actual.chunks(PAGE_SIZE).zip(expected.chunks(PAGE_SIZE)).position(|(a, b)| a != b).unwrap();
        println!("MISMATCH recovered round {recovered} but page {page} differs");
        std::process::exit(2);
    }
    say(&format!("recovered {recovered}"));

    let _writer = store.spawn_writer(|e| {
        println!("MISMATCH snapshot failed: {e}");
        std::process::exit(3);
    });
    let mut r = recovered;
    loop {
        r += 1;
        run_round(&store, r).unwrap();
        // This thread is the only writer, so between rounds it is at a safepoint.
        match store.begin_snapshot() {
            Ok(epoch) => {
                // Keep changing memory while the snapshot is written.
                r += 1;
                run_round(&store, r).unwrap();
                store.wait_durable(epoch).unwrap();
                say(&format!("durable {}", r - 1));
            }
            Err(StoreError::Busy) => {}
            Err(e) => panic!("{e}"),
        }
    }
}
