//! Crash sweep: a workload of several snapshots runs on a simulated disk that "loses power" at
//! every write and every sync in turn. After each crash, for several models of what the disk's
//! volatile cache kept (nothing, everything, random subsets, a torn sector write), recovery must
//! succeed and yield exactly one committed snapshot, byte for byte: never a mixture, never an
//! error, and never older than the last snapshot whose commit returned.

use phantom_store::{CrashMode, SimDisk, Store, StoreOptions, PAGE_SIZE};

const SIZE: u64 = 2 << 20; // 512 pages: a two-level page table
const ROUNDS: u64 = 5;

fn options() -> StoreOptions {
    StoreOptions { address_space: SIZE, keep: 2, ..StoreOptions::default() }
}

/// Round `r` changes a deterministic set of pages, including zeroing some.
fn mutate(store: &Store, r: u64) -> phantom_store::Result<()> {
    for i in 0..24u64 {
        let page = (r * 37 + i * 11) % (SIZE / PAGE_SIZE as u64);
        let byte = if i % 7 == 3 { 0 } else { (r * 16 + i) as u8 | 1 };
        let mut data = vec![byte; PAGE_SIZE];
        data[..8].copy_from_slice(&(r * 1000 + page).to_le_bytes());
        if byte == 0 {
            data[..8].fill(0);
        }
        store.write(page * PAGE_SIZE as u64, &data)?;
    }
    // A write straddling two pages.
    store.write(r * 3 * PAGE_SIZE as u64 + PAGE_SIZE as u64 - 4, &r.to_le_bytes())
}

fn memory(store: &Store) -> Vec<u8> {
    let mut buf = vec![0; SIZE as usize];
    store.read(0, &mut buf).unwrap();
    buf
}

/// Runs the workload until the disk fails; returns the last acknowledged generation.
fn run(store: &Store, models: Option<&mut Vec<Vec<u8>>>) -> u64 {
    let mut acked = store.generation();
    let mut models = models;
    for r in 1..=ROUNDS {
        if mutate(store, r).is_err() {
            break;
        }
        if let Some(m) = models.as_deref_mut() {
            m.push(memory(store));
        }
        match store.snapshot_now() {
            Ok(record) => acked = record.generation,
            Err(_) => break,
        }
    }
    acked
}

fn created_image() -> Vec<u8> {
    let disk = std::sync::Arc::new(SimDisk::new());
    Store::create_on(Box::new(disk.clone()), &options()).unwrap();
    disk.crash_image(CrashMode::DropAll)
}

const MODES: [CrashMode; 8] = [
    CrashMode::DropAll,
    CrashMode::KeepAll,
    CrashMode::Subset(1),
    CrashMode::Subset(2),
    CrashMode::Subset(3),
    CrashMode::SubsetTorn(4),
    CrashMode::SubsetTorn(5),
    CrashMode::SubsetTorn(6),
];

/// Every subset of the pending writes, and each pending write torn after each of a few sector
/// counts with the rest either kept or lost.
fn crash_modes(disk: &SimDisk) -> Vec<CrashMode> {
    let pending = disk.pending_writes();
    assert!(pending.len() <= 12, "too many pending writes to enumerate: {}", pending.len());
    let all = (1u64 << pending.len()) - 1;
    let mut modes: Vec<CrashMode> = (0..=all).map(|keep| CrashMode::Exact { keep, tear: None }).collect();
    for (index, len) in pending.iter().enumerate() {
        let sectors = len.div_ceil(512);
        for cut in [0, 1, sectors / 2, sectors.saturating_sub(1)] {
            for keep in [0, all] {
                modes.push(CrashMode::Exact { keep: keep & !(1 << index), tear: Some((index, cut)) });
            }
        }
    }
    modes.extend(MODES);
    modes
}

#[test]
fn recovery_after_a_crash_at_every_write_and_sync_is_exactly_one_committed_snapshot() {
    let base = created_image();
    // A run without a crash gives the number of operations and each generation's memory.
    let disk = std::sync::Arc::new(SimDisk::from_image(base.clone()));
    let (store, _) = Store::open_on(Box::new(disk.clone()), &options()).unwrap();
    let mut models = vec![vec![0u8; SIZE as usize]]; // generation 0: all zero
    assert_eq!(run(&store, Some(&mut models)), ROUNDS);
    let total_ops = disk.ops();
    assert!(total_ops > 20, "the workload should do real I/O ({total_ops} ops)");
    drop(store);

    let mut recoveries = 0;
    let mut by_generation = vec![0u32; ROUNDS as usize + 1];
    for crash_at in 0..=total_ops {
        let disk = std::sync::Arc::new(SimDisk::from_image(base.clone()));
        let (store, _) = Store::open_on(Box::new(disk.clone()), &options()).unwrap();
        disk.crash_after(crash_at);
        let acked = run(&store, None);
        drop(store);
        for mode in crash_modes(&disk) {
            let image = disk.crash_image(mode);
            let what = format!("crash at op {crash_at}/{total_ops}, {mode:?}");
            let recovered = std::sync::Arc::new(SimDisk::from_image(image));
            let (store, report) = Store::open_on(Box::new(recovered.clone()), &options())
                .unwrap_or_else(|e| panic!("{what}: recovery failed: {e}"));
            let g = report.generation;
            assert!(g == acked || g == acked + 1, "{what}: recovered generation {g}, last acknowledged {acked}");
            assert!(memory(&store) == models[g as usize], "{what}: generation {g} is not byte-identical to its moment");
            by_generation[g as usize] += 1;
            recoveries += 1;

            // The recovered store must keep working: no block it still needs gets reused.
            store.write(7 * PAGE_SIZE as u64, b"after recovery").unwrap();
            let next = store.snapshot_now().unwrap_or_else(|e| panic!("{what}: snapshot after recovery: {e}"));
            assert!(next.generation > g);
            drop(store);
            let again = SimDisk::from_image(recovered.current_image());
            let (store, _) = Store::open_on(Box::new(again), &StoreOptions { verify: true, ..options() })
                .unwrap_or_else(|e| panic!("{what}: reopen after recovery: {e}"));
            let mut expected = models[g as usize].clone();
            expected[7 * PAGE_SIZE..7 * PAGE_SIZE + 14].copy_from_slice(b"after recovery");
            assert!(memory(&store) == expected, "{what}: state after a further snapshot is wrong");
        }
    }
    // The sweep must really have produced every generation.
    assert!(by_generation.iter().all(|&n| n > 0), "generations recovered: {by_generation:?}");
    eprintln!("{recoveries} recoveries over {} crash points", total_ops + 1);
}

#[test]
fn a_crash_while_creating_the_image_never_yields_a_wrong_store() {
    let disk = std::sync::Arc::new(SimDisk::new());
    Store::create_on(Box::new(disk.clone()), &options()).unwrap();
    let total = disk.ops();
    for crash_at in 0..total {
        let disk = std::sync::Arc::new(SimDisk::new());
        disk.crash_after(crash_at);
        assert!(Store::create_on(Box::new(disk.clone()), &options()).is_err());
        for mode in MODES {
            match Store::open_on(Box::new(SimDisk::from_image(disk.crash_image(mode))), &options()) {
                Ok((store, report)) => {
                    assert_eq!(report.generation, 0);
                    assert!(memory(&store).iter().all(|&b| b == 0));
                }
                Err(e) => assert!(e.to_string().contains("no valid superblock"), "{e}"),
            }
        }
    }
}

/// A bit flipped anywhere in the image, in every block in turn: opening with verification gives
/// exactly some retained snapshot, or fails with an error; a lazy open either reads exactly that
/// snapshot or reports damage when the bad page is read. Truncation at every block boundary
/// likewise.
#[test]
fn bit_flips_and_truncation_fall_back_or_fail_loudly() {
    let disk = std::sync::Arc::new(SimDisk::from_image(created_image()));
    let (store, _) = Store::open_on(Box::new(disk.clone()), &options()).unwrap();
    let mut models = vec![vec![0u8; SIZE as usize]];
    run(&store, Some(&mut models));
    drop(store);
    let image = disk.current_image();
    let blocks = image.len() / PAGE_SIZE;
    let mut outcomes = [0u32; 3]; // newest, older, error
    let mut damaged_images: Vec<Vec<u8>> = Vec::new();
    for block in 0..blocks {
        let mut bad = image.clone();
        bad[block * PAGE_SIZE + (block * 131) % PAGE_SIZE] ^= 1 << (block % 8);
        damaged_images.push(bad);
    }
    for cut in 0..blocks {
        damaged_images.push(image[..cut * PAGE_SIZE].to_vec());
    }
    for (i, bad) in damaged_images.into_iter().enumerate() {
        let verified = StoreOptions { verify: true, ..options() };
        match Store::open_on(Box::new(SimDisk::from_image(bad.clone())), &verified) {
            Ok((store, report)) => {
                let g = report.generation as usize;
                assert!(memory(&store) == models[g], "case {i}: generation {g} opened with wrong contents");
                outcomes[usize::from(g != ROUNDS as usize)] += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                outcomes[2] += 1;
            }
        }
        if let Ok((store, report)) = Store::open_on(Box::new(SimDisk::from_image(bad)), &options()) {
            let g = report.generation as usize;
            let mut buf = vec![0u8; PAGE_SIZE];
            for page in 0..SIZE / PAGE_SIZE as u64 {
                let at = page as usize * PAGE_SIZE;
                match store.read(at as u64, &mut buf) {
                    Ok(()) => assert!(buf == models[g][at..at + PAGE_SIZE], "case {i}: page {page} silently wrong"),
                    Err(e) => assert!(e.to_string().contains("damaged image"), "case {i}: {e}"),
                }
            }
        }
    }
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "flips should both spare and hit the newest snapshot: {outcomes:?}");
}
