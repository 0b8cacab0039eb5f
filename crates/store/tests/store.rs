//! Functional tests of the store on the simulated disk: snapshots, reopening, retention,
//! space reuse, faults, damage and eviction.

use std::sync::Arc;

use phantom_store::{check_image, BlockDevice, CrashMode, SimDisk, Store, StoreError, StoreOptions, PAGE_SIZE};

const MIB: u64 = 1 << 20;

fn options(size: u64) -> StoreOptions {
    StoreOptions { address_space: size, ..StoreOptions::default() }
}

fn new_store(size: u64) -> (Arc<SimDisk>, Store) {
    let disk = Arc::new(SimDisk::new());
    let store = Store::create_on(Box::new(disk.clone()), &options(size)).unwrap();
    (disk, store)
}

/// Opens what a restart would find on `disk` right now.
fn reopen(disk: &SimDisk, opts: &StoreOptions) -> (Arc<SimDisk>, Store) {
    let disk = Arc::new(SimDisk::from_image(disk.current_image()));
    let (store, _) = Store::open_on(Box::new(disk.clone()), opts).unwrap();
    (disk, store)
}

fn fill(store: &Store, page: u64, byte: u8) {
    store.write(page * PAGE_SIZE as u64, &[byte; PAGE_SIZE]).unwrap();
}

fn page(store: &Store, page: u64) -> Vec<u8> {
    let mut buf = vec![0; PAGE_SIZE];
    store.read(page * PAGE_SIZE as u64, &mut buf).unwrap();
    buf
}

#[test]
fn data_survives_a_snapshot_and_reopen() {
    let (disk, store) = new_store(64 * MIB);
    store.write(100, b"hello").unwrap();
    store.write(PAGE_SIZE as u64 - 2, b"across").unwrap();
    store.write_u64(40 * MIB, 0xDEAD_BEEF).unwrap();
    let record = store.snapshot_now().unwrap();
    assert_eq!(record.generation, 1);
    assert_eq!(record.pages, 3);
    drop(store);
    let (_, store) = reopen(&disk, &options(64 * MIB));
    let mut buf = [0; 5];
    store.read(100, &mut buf).unwrap();
    assert_eq!(&buf, b"hello");
    let mut buf = [0; 6];
    store.read(PAGE_SIZE as u64 - 2, &mut buf).unwrap();
    assert_eq!(&buf, b"across");
    assert_eq!(store.read_u64(40 * MIB).unwrap(), 0xDEAD_BEEF);
    assert_eq!(store.read_u64(50 * MIB).unwrap(), 0, "untouched memory reads as zero");
    assert_eq!(store.generation(), 1);
}

#[test]
fn snapshot_is_memory_as_of_begin_even_while_writes_continue() {
    let (disk, store) = new_store(16 * MIB);
    for p in 0..64 {
        fill(&store, p, 1);
    }
    store.begin_snapshot().unwrap();
    // Writes after begin, before and during write-out: none may leak into the snapshot.
    for p in 0..32 {
        fill(&store, p, 2);
    }
    fill(&store, 100, 2);
    let writer = {
        let store = store.clone();
        std::thread::spawn(move || store.write_snapshot().unwrap().unwrap())
    };
    for p in 32..64 {
        fill(&store, p, 3);
    }
    writer.join().unwrap();
    let (_, old) = reopen(&disk, &options(16 * MIB));
    for p in 0..64 {
        assert_eq!(page(&old, p), vec![1; PAGE_SIZE], "page {p}");
    }
    assert_eq!(page(&old, 100), vec![0; PAGE_SIZE]);
    // Live memory kept every write, and the next snapshot has them.
    assert_eq!(page(&store, 0), vec![2; PAGE_SIZE]);
    assert_eq!(page(&store, 63), vec![3; PAGE_SIZE]);
    store.snapshot_now().unwrap();
    let (_, new) = reopen(&disk, &options(16 * MIB));
    assert_eq!(page(&new, 0), vec![2; PAGE_SIZE]);
    assert_eq!(page(&new, 63), vec![3; PAGE_SIZE]);
    assert_eq!(page(&new, 100), vec![2; PAGE_SIZE]);
}

#[test]
fn only_dirty_pages_are_written_and_zero_pages_cost_nothing() {
    let (disk, store) = new_store(1 << 40);
    for p in 0..10 {
        fill(&store, p * 1000, 7);
    }
    store.snapshot_now().unwrap();
    let size = disk.size().unwrap();
    fill(&store, 0, 8);
    let record = store.snapshot_now().unwrap();
    assert_eq!(record.written, 1);
    assert_eq!(record.pages, 10);
    // One page plus its path of nodes (4 levels for 1 TiB), nothing more.
    assert!(disk.size().unwrap() - size <= 5 * PAGE_SIZE as u64);
    // Zeroing a page drops it from the image.
    fill(&store, 1000, 0);
    assert_eq!(store.snapshot_now().unwrap().pages, 9);
    let (_, reopened) = reopen(&disk, &options(1 << 40));
    assert_eq!(page(&reopened, 1000), vec![0; PAGE_SIZE]);
    assert_eq!(page(&reopened, 0), vec![8; PAGE_SIZE]);
}

#[test]
fn keeps_the_last_k_snapshots_and_opens_any_of_them() {
    let disk = Arc::new(SimDisk::new());
    let opts = StoreOptions { address_space: 4 * MIB, keep: 3, ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    for g in 1..=5u8 {
        fill(&store, 0, g);
        store.snapshot_now().unwrap();
    }
    let gens: Vec<u64> = store.snapshots().iter().map(|s| s.generation).collect();
    assert_eq!(gens, [5, 4, 3]);
    for g in [5u64, 4, 3] {
        let (_, old) = reopen(&disk, &StoreOptions { generation: Some(g), ..opts.clone() });
        assert_eq!(page(&old, 0), vec![g as u8; PAGE_SIZE]);
    }
    let gone = Store::open_on(
        Box::new(SimDisk::from_image(disk.current_image())),
        &StoreOptions { generation: Some(2), ..opts },
    );
    assert!(matches!(gone, Err(StoreError::Invalid(m)) if m.contains("not retained")));
}

#[test]
fn space_of_dropped_snapshots_is_reused() {
    let (disk, store) = new_store(4 * MIB);
    for round in 0..50u8 {
        for p in 0..16 {
            fill(&store, p, round.wrapping_add(1));
        }
        store.snapshot_now().unwrap();
    }
    // 16 pages + a node, kept twice, plus one snapshot in flight: far below 50 rounds' worth.
    let blocks = disk.size().unwrap() / PAGE_SIZE as u64;
    assert!(blocks < 60, "image grew to {blocks} blocks");
    let report = check_image(&*disk);
    assert!(!report.damaged, "{:?}", report.lines);
}

#[test]
fn reopened_store_rebuilds_free_space_without_leaking() {
    let (disk, store) = new_store(4 * MIB);
    for round in 0..10u8 {
        fill(&store, round as u64 % 4, round + 1);
        store.snapshot_now().unwrap();
    }
    drop(store);
    let (disk2, store) = reopen(&disk, &options(4 * MIB));
    let before = disk2.size().unwrap();
    for round in 0..40u8 {
        fill(&store, round as u64 % 4, round + 1);
        store.snapshot_now().unwrap();
    }
    assert!(disk2.size().unwrap() <= before + 8 * PAGE_SIZE as u64, "free space was not reused after reopen");
    assert!(!check_image(&*disk2).damaged);
}

#[test]
fn disk_full_fails_the_snapshot_but_not_the_previous_one_or_memory() {
    let (disk, store) = new_store(64 * MIB);
    fill(&store, 1, 1);
    store.snapshot_now().unwrap();
    disk.set_capacity(Some(disk.size().unwrap()));
    for p in 0..20 {
        fill(&store, p, 2);
    }
    let err = store.snapshot_now().unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    // Memory still works, and a crash now recovers the previous snapshot.
    fill(&store, 30, 3);
    assert_eq!(page(&store, 30), vec![3; PAGE_SIZE]);
    let (_, old) = reopen(&disk, &options(64 * MIB));
    assert_eq!(old.generation(), 1);
    assert_eq!(page(&old, 1), vec![1; PAGE_SIZE]);
    // With space again, the next snapshot writes everything the failed one had to.
    disk.set_capacity(None);
    let record = store.snapshot_now().unwrap();
    assert_eq!(record.generation, 2);
    let (_, new) = reopen(&disk, &options(64 * MIB));
    for p in 0..20 {
        assert_eq!(page(&new, p), vec![2; PAGE_SIZE], "page {p}");
    }
    assert_eq!(page(&new, 30), vec![3; PAGE_SIZE]);
}

#[test]
fn failed_data_sync_is_not_trusted_and_the_retry_rewrites() {
    let (disk, store) = new_store(4 * MIB);
    fill(&store, 0, 1);
    store.snapshot_now().unwrap();
    fill(&store, 0, 2);
    disk.set_failing_sync(true);
    assert!(store.snapshot_now().is_err());
    disk.set_failing_sync(false);
    store.snapshot_now().unwrap();
    let (_, s) = reopen(&disk, &options(4 * MIB));
    assert_eq!(page(&s, 0), vec![2; PAGE_SIZE]);
}

fn memory(store: &Store) -> Vec<u8> {
    let mut buf = vec![0; store.size() as usize];
    store.read(0, &mut buf).unwrap();
    buf
}

/// Disk full at every point of a snapshot's writes in turn (page runs, page-table nodes): the
/// snapshot fails with an error, memory keeps working, a crash then recovers exactly the last
/// snapshot, and once there is space the next snapshot commits every change, from before and
/// after the failure.
#[test]
fn disk_full_anywhere_in_a_snapshot_is_reported_and_the_next_snapshot_commits_everything() {
    const SIZE: u64 = 4 * MIB;
    let round = |store: &Store, r: u8| {
        for p in 0..40u64 {
            fill(store, (p * 7 + r as u64 * 3) % 1024, r.wrapping_mul(40).wrapping_add(p as u8) | 1);
        }
    };
    // How many blocks the second snapshot adds to the image.
    let grows = {
        let (disk, store) = new_store(SIZE);
        round(&store, 1);
        store.snapshot_now().unwrap();
        let before = disk.size().unwrap();
        round(&store, 2);
        store.snapshot_now().unwrap();
        (disk.size().unwrap() - before) / PAGE_SIZE as u64
    };
    assert!(grows > 40, "{grows}");
    for room in 0..grows {
        let (disk, store) = new_store(SIZE);
        round(&store, 1);
        store.snapshot_now().unwrap();
        let first = memory(&store);
        disk.set_capacity(Some(disk.size().unwrap() + room * PAGE_SIZE as u64));
        round(&store, 2);
        let err = store.snapshot_now().unwrap_err();
        assert!(err.to_string().contains("disk full"), "room for {room} blocks: {err}");
        round(&store, 3);
        let current = memory(&store);
        for mode in [CrashMode::DropAll, CrashMode::KeepAll, CrashMode::SubsetTorn(room)] {
            let verified = StoreOptions { verify: true, ..options(SIZE) };
            let (old, report) = Store::open_on(Box::new(SimDisk::from_image(disk.crash_image(mode))), &verified)
                .unwrap_or_else(|e| panic!("room for {room} blocks, {mode:?}: {e}"));
            assert_eq!(report.generation, 1, "room for {room} blocks, {mode:?}: {report}");
            assert!(memory(&old) == first, "room for {room} blocks, {mode:?}: generation 1 changed");
        }
        disk.set_capacity(None);
        assert_eq!(store.snapshot_now().unwrap().generation, 2);
        let (_, new) = reopen(&disk, &StoreOptions { verify: true, ..options(SIZE) });
        assert!(memory(&new) == current, "room for {room} blocks: the retry lost changes");
        assert!(!check_image(&*disk).damaged);
    }
}

/// A failed commit is reported to the writer's error callback and to `wait_durable`, and
/// snapshots go on: the next one commits.
#[test]
fn a_failed_commit_is_reported_and_the_next_snapshot_commits() {
    let (disk, store) = new_store(4 * MIB);
    let errors = Arc::new(std::sync::Mutex::new(Vec::new()));
    let writer = {
        let errors = errors.clone();
        store.spawn_writer(move |e| errors.lock().unwrap().push(e.to_string()))
    };
    fill(&store, 0, 1);
    disk.fail_one_sync(0, false);
    let epoch = store.begin_snapshot().unwrap();
    let err = store.wait_durable(epoch).unwrap_err();
    assert!(matches!(err, StoreError::Failed(_)), "{err}");
    assert!(err.to_string().contains("superblock write or sync failed"), "{err}");
    fill(&store, 1, 2);
    let epoch = store.begin_snapshot().unwrap();
    assert_eq!(store.wait_durable(epoch).unwrap(), 1);
    drop(writer);
    assert_eq!(errors.lock().unwrap().len(), 1, "{:?}", errors.lock().unwrap());
    let (_, s) = reopen(&disk, &options(4 * MIB));
    assert_eq!(page(&s, 0), vec![1; PAGE_SIZE]);
    assert_eq!(page(&s, 1), vec![2; PAGE_SIZE]);
}

/// The blocks of a failed commit are held back only until the next commit: with every other
/// commit failing, the image stays as small as the retained snapshots need.
#[test]
fn blocks_of_failed_commits_are_reused_once_a_later_commit_succeeds() {
    let (disk, store) = new_store(4 * MIB);
    for round in 0..60u8 {
        for p in 0..16 {
            fill(&store, p, round.wrapping_add(1));
        }
        if round % 2 == 1 {
            disk.fail_one_sync(0, true);
            assert!(store.snapshot_now().is_err());
        } else {
            store.snapshot_now().unwrap();
        }
    }
    assert_eq!(store.generation(), 30);
    // 16 pages + a node: two retained, one failed attempt held back, one in flight.
    let blocks = disk.size().unwrap() / PAGE_SIZE as u64;
    assert!(blocks < 80, "image grew to {blocks} blocks");
    assert!(!check_image(&*disk).damaged);
    // The last attempt's superblock is still in the disk's cache, and a restart that finds it
    // opens that snapshot: its blocks were held back, so it is whole.
    let (_, s) = reopen(&disk, &StoreOptions { verify: true, ..options(4 * MIB) });
    assert_eq!(s.generation(), 31);
    assert!(page(&s, 15) == vec![60; PAGE_SIZE]);
    let (s, _) =
        Store::open_on(Box::new(SimDisk::from_image(disk.crash_image(CrashMode::DropAll))), &options(4 * MIB)).unwrap();
    assert_eq!(s.generation(), 30);
    assert!(page(&s, 15) == vec![59; PAGE_SIZE]);
}

#[test]
fn a_second_store_on_the_same_image_file_is_refused() {
    let dir = std::env::temp_dir().join(format!("phantom-store-lock-{}", std::process::id()));
    let _ = std::fs::remove_file(&dir);
    let _first = Store::create(&dir, &options(4 * MIB)).unwrap();
    let second = Store::open(&dir, &options(4 * MIB));
    assert!(matches!(second, Err(StoreError::Invalid(m)) if m.contains("in use by another process")));
    std::fs::remove_file(&dir).unwrap();
}

#[test]
fn out_of_range_access_is_an_error() {
    let (_, store) = new_store(4 * MIB);
    assert!(matches!(store.write(4 * MIB - 2, b"abc"), Err(StoreError::OutOfRange { .. })));
    assert!(matches!(store.read_u64(u64::MAX - 3), Err(StoreError::OutOfRange { .. })));
}

#[test]
fn clean_pages_are_evicted_and_read_back() {
    let disk = Arc::new(SimDisk::new());
    let opts = StoreOptions {
        address_space: 64 * MIB,
        resident_limit: Some(16 * PAGE_SIZE as u64),
        ..StoreOptions::default()
    };
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    for p in 0..200 {
        fill(&store, p, (p % 251) as u8 + 1);
        if p % 20 == 19 {
            store.snapshot_now().unwrap();
            store.trim();
        }
    }
    store.snapshot_now().unwrap();
    store.trim();
    assert!(store.resident_pages() <= 16, "{} resident", store.resident_pages());
    for p in 0..200 {
        assert_eq!(page(&store, p), vec![(p % 251) as u8 + 1; PAGE_SIZE], "page {p}");
        store.trim();
    }
    assert!(store.resident_pages() <= 17);
}

#[test]
fn damaged_newest_snapshot_falls_back_and_says_so() {
    for one_sync in [false, true] {
        damaged_newest_snapshot(one_sync);
    }
}

fn damaged_newest_snapshot(one_sync: bool) {
    let opts = StoreOptions { one_sync_blocks: if one_sync { 1024 } else { 0 }, ..options(4 * MIB) };
    let disk = Arc::new(SimDisk::new());
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    fill(&store, 0, 1);
    store.snapshot_now().unwrap();
    fill(&store, 0, 2);
    let newest = store.snapshot_now().unwrap();
    let mut image = disk.current_image();
    // Flip a bit in the newest root node.
    image[(newest.root.block as usize) * PAGE_SIZE + 9] ^= 0x10;
    let (store, report) = Store::open_on(Box::new(SimDisk::from_image(image.clone())), &opts).unwrap();
    assert_eq!(report.generation, 1);
    assert_eq!(report.skipped[0].0, 2);
    assert!(report.to_string().contains("skipped snapshot 2"), "{report}");
    assert_eq!(page(&store, 0), vec![1; PAGE_SIZE]);
    let check = check_image(&SimDisk::from_image(image));
    assert_eq!(check.good, vec![1]);
    // A snapshot committed with one sync looks like this when a crash interrupted its commit
    // (then it was never acknowledged): the check cannot tell that from damage, and says so.
    assert_eq!(check.damaged, !one_sync, "{:?}", check.lines);
    if one_sync {
        assert!(check.lines.iter().any(|l| l.starts_with("snapshot 2: INCOMPLETE")), "{:?}", check.lines);
    }
}

#[test]
fn damaged_page_is_a_loud_error_or_a_verified_fallback() {
    // Two syncs per snapshot: opening checks only the root, pages as they are read.
    let opts = StoreOptions { one_sync_blocks: 0, ..options(4 * MIB) };
    let disk = Arc::new(SimDisk::new());
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    fill(&store, 3, 1);
    store.snapshot_now().unwrap();
    fill(&store, 3, 2);
    store.snapshot_now().unwrap();
    let mut image = disk.current_image();
    // The newest copy of page 3 is the block holding 0x02 bytes.
    let block = image.chunks(PAGE_SIZE).position(|b| b == [2u8; PAGE_SIZE]).unwrap();
    image[block * PAGE_SIZE + 100] = 0xFF;
    let (lazy, _) = Store::open_on(Box::new(SimDisk::from_image(image.clone())), &opts).unwrap();
    let err = lazy.read_u64(3 * PAGE_SIZE as u64).unwrap_err();
    assert!(err.to_string().contains("fails its checksum"), "{err}");
    let verified = StoreOptions { verify: true, ..opts };
    let (store, report) = Store::open_on(Box::new(SimDisk::from_image(image)), &verified).unwrap();
    assert_eq!(report.generation, 1);
    assert_eq!(page(&store, 3), vec![1; PAGE_SIZE]);
}

/// A small snapshot is committed with one sync, its blocks and superblock together. A crash in
/// that sync can leave the superblock on disk without some of the blocks: opening checks what
/// the newest snapshot wrote and, finding a block missing, opens the one before it.
#[test]
fn a_superblock_that_landed_without_its_blocks_is_passed_over() {
    let (disk, store) = new_store(4 * MIB);
    fill(&store, 3, 1);
    fill(&store, 4, 1);
    store.snapshot_now().unwrap();
    fill(&store, 3, 2);
    let record = store.snapshot_now().unwrap();
    assert!(record.one_sync && record.written == 1, "{record:?}");
    let mut image = disk.current_image();
    // The page's block never reached the disk: it holds what the block held before.
    let block = image.chunks(PAGE_SIZE).position(|b| b == [2u8; PAGE_SIZE]).unwrap();
    image[block * PAGE_SIZE..(block + 1) * PAGE_SIZE].fill(0);
    let (store, report) = Store::open_on(Box::new(SimDisk::from_image(image)), &options(4 * MIB)).unwrap();
    assert_eq!(report.generation, 1, "{report}");
    assert!(report.skipped.iter().any(|(g, why)| *g == 2 && why.contains("fails its checksum")), "{report}");
    assert_eq!(page(&store, 3), vec![1; PAGE_SIZE]);
    assert_eq!(page(&store, 4), vec![1; PAGE_SIZE]);
    // Without the damage the newest opens, checked.
    let (store, report) =
        Store::open_on(Box::new(SimDisk::from_image(disk.current_image())), &options(4 * MIB)).unwrap();
    assert_eq!(report.generation, 2);
    assert_eq!(page(&store, 3), vec![2; PAGE_SIZE]);
}

#[test]
fn truncated_or_garbage_images_fail_clearly() {
    let (disk, store) = new_store(4 * MIB);
    fill(&store, 0, 1);
    store.snapshot_now().unwrap();
    let image = disk.current_image();
    let verified = StoreOptions { verify: true, ..options(4 * MIB) };
    // Cut off the data: the newest snapshot is unreadable, generation 0 (empty) remains.
    let (store, report) =
        Store::open_on(Box::new(SimDisk::from_image(image[..2 * PAGE_SIZE].to_vec())), &verified).unwrap();
    assert_eq!(report.generation, 0);
    assert!(report.skipped[0].1.contains("beyond the end of the image"), "{report}");
    assert_eq!(page(&store, 0), vec![0; PAGE_SIZE]);
    for junk in [vec![], vec![0u8; 100], vec![0xAB; 3 * PAGE_SIZE]] {
        let err = Store::open_on(Box::new(SimDisk::from_image(junk)), &options(4 * MIB)).err().unwrap();
        assert!(err.to_string().contains("no valid superblock"), "{err}");
    }
}

#[test]
fn background_writer_and_wait_durable() {
    let (disk, store) = new_store(4 * MIB);
    let writer = store.spawn_writer(|e| panic!("{e}"));
    fill(&store, 0, 9);
    let epoch = store.begin_snapshot().unwrap();
    let generation = store.wait_durable(epoch).unwrap();
    assert_eq!(generation, 1);
    drop(writer);
    let (_, s) = reopen(&disk, &options(4 * MIB));
    assert_eq!(page(&s, 0), vec![9; PAGE_SIZE]);
}

/// A page changed during one write-out and again during the next must be copied both times.
#[test]
fn page_rewritten_during_consecutive_write_outs_keeps_each_moment() {
    let (disk, store) = new_store(4 * MIB);
    fill(&store, 0, 1);
    store.begin_snapshot().unwrap();
    fill(&store, 0, 2); // copied before this write
    store.write_snapshot().unwrap();
    store.begin_snapshot().unwrap();
    fill(&store, 0, 3); // must be copied again
    store.write_snapshot().unwrap();
    let (_, s) = reopen(&disk, &options(4 * MIB));
    assert_eq!(page(&s, 0), vec![2; PAGE_SIZE]);
}

/// Eviction running against concurrent page-ins and writes: no deadlock, no wrong data.
#[test]
fn trim_races_with_page_ins_and_writes() {
    let disk = Arc::new(SimDisk::new());
    let opts =
        StoreOptions { address_space: 16 * MIB, resident_limit: Some(8 * PAGE_SIZE as u64), ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    for p in 0..256 {
        fill(&store, p, p as u8);
    }
    store.snapshot_now().unwrap();
    let readers: Vec<_> = (0..2)
        .map(|t| {
            let store = store.clone();
            std::thread::spawn(move || {
                for round in 0..20 {
                    for p in 0..256u64 {
                        let p = (p * 7 + t + round) % 256;
                        assert_eq!(store.read_u64(p * PAGE_SIZE as u64 + 8).unwrap(), u64::from_le_bytes([p as u8; 8]));
                    }
                }
            })
        })
        .collect();
    for _ in 0..2000 {
        store.trim();
    }
    for r in readers {
        r.join().unwrap();
    }
}

#[test]
fn opening_past_a_damaged_newest_superblock_gives_up_older_snapshots_whose_blocks_were_reused() {
    let disk = Arc::new(SimDisk::new());
    let opts = StoreOptions { address_space: 4 * MIB, keep: 2, ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    let mut records = Vec::new();
    for g in 1..=6u8 {
        fill(&store, 0, g);
        fill(&store, 1, g);
        records.push(store.snapshot_now().unwrap());
    }
    // A seventh snapshot writes its pages (into blocks freed when the sixth committed, which
    // the fourth used) and syncs them, but its superblock never lands.
    fill(&store, 0, 7);
    fill(&store, 1, 7);
    disk.fail_one_sync(0, false);
    assert!(store.snapshot_now().is_err());
    let mut image = disk.current_image();
    drop(store);
    // The seventh may as well have reused the fourth's root node, which the fifth's check
    // compares against.
    let fourth_root = records[3].root.block as usize;
    image[fourth_root * PAGE_SIZE..(fourth_root + 1) * PAGE_SIZE].fill(0x5A);
    // Then the sixth's superblock (slot 0) is destroyed: the fifth, retaining the fourth, opens.
    image[..PAGE_SIZE].fill(0xA5);
    let disk = Arc::new(SimDisk::from_image(image));
    let (store, report) = Store::open_on(Box::new(disk.clone()), &opts).unwrap();
    assert_eq!(report.generation, 5);
    let mut page = vec![0u8; PAGE_SIZE];
    store.read(0, &mut page).unwrap();
    assert!(page.iter().all(|&b| b == 5));
    // Snapshots work: the unreadable fourth is no longer retained instead of failing them all.
    fill(&store, 1, 8);
    store.snapshot_now().unwrap();
    assert!(store.snapshots().iter().all(|s| s.generation != 4), "{:?}", store.snapshots());
    drop(store);
    let (store, _) = Store::open_on(Box::new(SimDisk::from_image(disk.current_image())), &opts).unwrap();
    store.read(PAGE_SIZE as u64, &mut page).unwrap();
    assert!(page.iter().all(|&b| b == 8));
    store.read(0, &mut page).unwrap();
    assert!(page.iter().all(|&b| b == 5));
}

/// A retention policy keeps every snapshot of the last second and the oldest of each second
/// before: snapshots dropped from between kept ones give their space back, every kept one
/// opens with what it held, and a reopened store goes on the same way.
#[test]
fn snapshots_kept_by_age_open_whole_and_the_ones_between_give_their_space_back() {
    let disk = Arc::new(SimDisk::new());
    let retention = phantom_store::Retention::parse("1s:all,1m:1s").unwrap();
    let opts = StoreOptions { address_space: 4 * MIB, keep: 48, retention: Some(retention), ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &opts).unwrap();
    let mut held = std::collections::HashMap::new();
    let mut round = 0u8;
    fn go(store: &Store, rounds: u32, round: &mut u8, held: &mut std::collections::HashMap<u64, u8>) {
        for _ in 0..rounds {
            *round = round.wrapping_add(1);
            for p in 0..8 {
                fill(store, p, *round);
            }
            fill(store, 8 + u64::from(*round % 4), *round);
            let record = store.snapshot_now().unwrap();
            held.insert(record.generation, *round);
            std::thread::sleep(std::time::Duration::from_millis(40));
        }
    }
    go(&store, 80, &mut round, &mut held);
    let kept = store.snapshots();
    let gens: Vec<u64> = kept.iter().map(|s| s.generation).collect();
    assert!(gens.len() > 4 && gens.len() < 48, "kept {gens:?}");
    assert!(gens.windows(2).any(|w| w[0] - w[1] > 5), "older ones thinned out: {gens:?}");
    // Beyond the last second, one a second: no two kept in the same second.
    let newest = kept[0].time_ns;
    let old: Vec<u64> =
        kept.iter().filter(|s| newest - s.time_ns > 1_100_000_000).map(|s| s.time_ns / 1_000_000_000).collect();
    assert!(!old.is_empty() && old.windows(2).all(|w| w[0] != w[1]), "{old:?}");
    // 80 snapshots of 9 pages (and 2 page-table nodes) each were written; what is kept needs
    // about 11 blocks a snapshot.
    let blocks = disk.size().unwrap() / PAGE_SIZE as u64;
    assert!(blocks < 12 * gens.len() as u64 + 100, "image grew to {blocks} blocks for {} snapshots", gens.len());
    for &g in &gens {
        let (_, old) = reopen(&disk, &StoreOptions { generation: Some(g), ..opts.clone() });
        assert_eq!(page(&old, 0), vec![held.get(&g).copied().unwrap_or(0); PAGE_SIZE], "generation {g}");
    }
    drop(store);
    // Reopened without saying the policy: the image keeps it.
    let (disk, store) = reopen(&disk, &StoreOptions { address_space: 4 * MIB, keep: 48, ..StoreOptions::default() });
    assert_eq!(store.retention().to_string(), "1s:all,1m:1s");
    go(&store, 30, &mut round, &mut held);
    let report = check_image(&*disk);
    assert!(!report.damaged, "{:?}", report.lines);
    for s in store.snapshots() {
        let (_, old) = reopen(&disk, &StoreOptions { generation: Some(s.generation), ..opts.clone() });
        assert_eq!(
            page(&old, 0),
            vec![held.get(&s.generation).copied().unwrap_or(0); PAGE_SIZE],
            "generation {}",
            s.generation
        );
    }
}
