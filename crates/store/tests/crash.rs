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
    sweep(options());
}

/// The same with a retention policy that drops a snapshot from between kept ones at every
/// commit: it keeps the newest two and the oldest of the day, so each commit lets go of the
/// third newest and frees what only it wrote.
#[test]
fn recovery_after_a_crash_is_exact_while_snapshots_leave_from_between_kept_ones() {
    let retention = phantom_store::Retention::parse("7d:1d").unwrap();
    let by_age = StoreOptions { keep: 48, retention: Some(retention), ..options() };
    let disk = std::sync::Arc::new(SimDisk::from_image(created_image()));
    let (store, _) = Store::open_on(Box::new(disk), &by_age).unwrap();
    run(&store, None);
    let kept: Vec<u64> = store.snapshots().iter().map(|s| s.generation).collect();
    // (Generation 0 is today's oldest unless the test runs across midnight UTC.)
    assert!(kept == [5, 4, 0] || kept.len() == 3, "{kept:?}");
    drop(store);
    sweep(by_age);
}

fn sweep(options: StoreOptions) {
    let options = || options.clone();
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

/// A store with generation 1 committed (round 1) and round 2 written, whose snapshot then fails
/// at barrier 2, the superblock's sync. Returns the disk, the store, and memory as of generation
/// 1 and as of the failed snapshot.
fn after_a_failed_commit(writes_stay: bool) -> (std::sync::Arc<SimDisk>, Store, Vec<u8>, Vec<u8>) {
    let disk = std::sync::Arc::new(SimDisk::from_image(created_image()));
    let (store, _) = Store::open_on(Box::new(disk.clone()), &options()).unwrap();
    mutate(&store, 1).unwrap();
    let first = memory(&store);
    assert_eq!(store.snapshot_now().unwrap().generation, 1);
    mutate(&store, 2).unwrap();
    let failed = memory(&store);
    disk.fail_one_sync(0, writes_stay);
    let err = store.snapshot_now().unwrap_err();
    assert!(err.to_string().contains("superblock write or sync failed"), "{err}");
    (disk, store, first, failed)
}

/// Opens a crash image with full verification: no snapshot may be passed over as damaged, and
/// every snapshot the newest superblock lists must check out. The recovered store must keep
/// working. Returns the generation opened and its memory.
fn recover_whole(image: Vec<u8>, what: &str) -> (u64, Vec<u8>) {
    let disk = std::sync::Arc::new(SimDisk::from_image(image));
    let verified = StoreOptions { verify: true, ..options() };
    let (store, report) =
        Store::open_on(Box::new(disk.clone()), &verified).unwrap_or_else(|e| panic!("{what}: recovery failed: {e}"));
    // The one snapshot that may be passed over is the newest, committed with one sync that the
    // crash interrupted (never acknowledged): then the one before it opens.
    assert!(
        report.skipped.iter().all(|(g, why)| *g == report.generation + 1
            && (why.contains("checksum") || why.contains("beyond the end"))),
        "{what}: a damaged snapshot was passed over: {report}"
    );
    let check = phantom_store::check_image(&*disk);
    assert!(
        !check.lines.iter().any(|l| l.starts_with("snapshot") && l.contains("DAMAGED")),
        "{what}: {:?}",
        check.lines
    );
    let g = report.generation;
    let recovered = memory(&store);
    // No block the recovered snapshots need may be reused by the next one.
    store.write(7 * PAGE_SIZE as u64, b"after recovery").unwrap();
    store.snapshot_now().unwrap_or_else(|e| panic!("{what}: snapshot after recovery: {e}"));
    drop(store);
    let (again, _) = Store::open_on(Box::new(SimDisk::from_image(disk.current_image())), &verified)
        .unwrap_or_else(|e| panic!("{what}: reopen after recovery: {e}"));
    let mut expected = recovered.clone();
    expected[7 * PAGE_SIZE..7 * PAGE_SIZE + 14].copy_from_slice(b"after recovery");
    assert!(memory(&again) == expected, "{what}: state after a further snapshot is wrong");
    (g, recovered)
}

/// The superblock's sync fails, once. The failed superblock is either lost, or stays in the
/// disk's cache and may land at any moment up to the next successful sync (then it is what a
/// restart finds until the retry overwrites it). Memory keeps working, the next snapshot retries
/// as the same generation in the same slot and commits the writes from before and after the
/// failure. A crash right after the failure or at any write or sync of the retry, under every
/// model of the disk's cache, recovers a whole snapshot: generation 1, the failed generation 2
/// if its superblock landed, or the retried generation 2, and never damage.
#[test]
fn a_failed_superblock_sync_is_retried_and_a_crash_at_any_point_recovers_a_whole_snapshot() {
    for writes_stay in [false, true] {
        let (disk, store, first, failed) = after_a_failed_commit(writes_stay);
        let mut allowed = vec![(1, first.clone())];
        if writes_stay {
            allowed.push((2, failed.clone()));
        }
        for mode in crash_modes(&disk) {
            let what = format!("writes_stay {writes_stay}, crash right after the failure, {mode:?}");
            let outcome = recover_whole(disk.crash_image(mode), &what);
            assert!(allowed.contains(&outcome), "{what}: recovered generation {} with other contents", outcome.0);
        }
        // Memory still works, and the retry commits everything.
        mutate(&store, 3).unwrap();
        let retried = memory(&store);
        let ops_before = disk.ops();
        assert_eq!(store.snapshot_now().unwrap().generation, 2, "the retry is the same generation");
        let retry_ops = disk.ops() - ops_before;
        drop(store);
        let (reopened, report) =
            Store::open_on(Box::new(SimDisk::from_image(disk.crash_image(CrashMode::DropAll))), &options()).unwrap();
        assert_eq!(report.generation, 2);
        assert!(memory(&reopened) == retried, "writes from before and after the failure are both committed");
        assert_ne!(first, failed);
        assert_ne!(failed, retried);

        allowed.push((2, retried.clone()));
        let mut seen = vec![0u32; allowed.len()];
        for crash_at in 0..=retry_ops {
            let (disk, store, _, _) = after_a_failed_commit(writes_stay);
            mutate(&store, 3).unwrap();
            disk.crash_after(crash_at);
            let acked = store.snapshot_now().is_ok();
            drop(store);
            for mode in crash_modes(&disk) {
                let what =
                    format!("writes_stay {writes_stay}, crash at op {crash_at}/{retry_ops} of the retry, {mode:?}");
                let outcome = recover_whole(disk.crash_image(mode), &what);
                let index = allowed
                    .iter()
                    .position(|a| *a == outcome)
                    .unwrap_or_else(|| panic!("{what}: recovered generation {} with other contents", outcome.0));
                assert!(!acked || index == allowed.len() - 1, "{what}: the retry was acknowledged but lost");
                seen[index] += 1;
            }
        }
        // The sweep really reached each possible outcome, the failed superblock included.
        assert!(seen.iter().all(|&n| n > 0), "writes_stay {writes_stay}: outcomes seen {seen:?}");
    }
}
