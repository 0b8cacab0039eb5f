//! The VM in an image on a simulated disk: collections that do not make snapshots rewrite the
//! heap, and snapshots that fail (disk full) without losing the last good one or stopping the
//! VM, then succeed once there is room.

mod common;

use std::sync::Arc;

use common::Capture;
use phantom_store::{CrashMode, SimDisk, Store, StoreOptions};
use phantom_vm::{Value, Vm};

const MIB: u64 = 1 << 20;

fn new_image() -> (Arc<SimDisk>, Store, Vm) {
    let disk = Arc::new(SimDisk::new());
    let options = StoreOptions { address_space: 256 * MIB, ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &options).unwrap();
    let vm = Vm::create_image(store.clone(), Box::new(Capture::default()), phantom_vm::DEFAULT_IMAGE_HEAP).unwrap();
    (disk, store, vm)
}

/// The VM a restart would find on `disk` right now (unsynced writes lost).
fn restart(disk: &SimDisk) -> Vm {
    let image = disk.crash_image(CrashMode::DropAll);
    let (store, _) = Store::open_on(Box::new(SimDisk::from_image(image)), &StoreOptions::default()).unwrap();
    Vm::open_image(store, Box::new(Capture::default()), None).unwrap()
}

fn strings(vm: &Vm, n: usize, tag: &str) -> Vec<Value> {
    // (Unrooted: garbage at the next collection.)
    (0..n).map(|i| vm.new_string(format!("{tag} {i}: some text to fill the heap").as_bytes()).unwrap()).collect()
}

fn written_by_last_snapshot(store: &Store) -> u64 {
    store.snapshots()[0].written
}

#[test]
fn a_collection_does_not_make_the_next_snapshot_rewrite_the_heap() {
    let (_disk, store, vm) = new_image();
    // Live objects and garbage interleaved: every page ends up holding free blocks.
    let mut live = Vec::new();
    for i in 0..20_000 {
        live.push(vm.new_string(format!("live {i}: some text to fill the heap").as_bytes()).unwrap());
        vm.new_string(format!("garbage {i}").as_bytes()).unwrap();
    }
    vm.snapshot().unwrap();
    let first = written_by_last_snapshot(&store);
    assert!(first > 200, "the heap spans many pages: {first}");

    // Freeing garbage everywhere writes the headers of the freed blocks, nothing else.
    let (stats, _) = vm.safepoint(|threads| vm.collect_with_roots(threads, &live));
    assert!(stats.freed_bytes > 0 && stats.live_objects >= live.len() as u64);
    vm.snapshot().unwrap();
    assert!(written_by_last_snapshot(&store) <= first);

    // Nothing new to free: the free blocks are already what the sweep would make them, so the
    // snapshot writes only the system object's new thread list.
    for _ in 0..2 {
        vm.safepoint(|threads| vm.collect_with_roots(threads, &live));
        vm.snapshot().unwrap();
        let idle = written_by_last_snapshot(&store);
        assert!(idle <= 4, "a collection with nothing to free rewrote {idle} of {first} pages");
    }
}

#[test]
fn a_full_disk_fails_snapshots_without_losing_the_last_good_one_and_they_resume_with_room() {
    let (disk, _store, vm) = new_image();
    let early = vm.define_class(".test.early", 2, None).unwrap();
    let generation = vm.snapshot().unwrap();

    // No room for anything more.
    disk.set_capacity(Some(disk.current_image().len() as u64));
    let late = vm.define_class(".test.late", 3, None).unwrap();
    strings(&vm, 2_000, "more");
    for _ in 0..3 {
        let err = vm.snapshot().unwrap_err();
        assert!(err.contains("simulated"), "{err}");
    }
    // The VM goes on; a restart now finds the last good snapshot.
    assert!(vm.new_string(b"still working").is_ok());
    let before = restart(&disk);
    assert_eq!(before.find_class(".test.early"), Ok(early));
    assert!(before.find_class(".test.late").is_err(), "the failed snapshots are not what boots");
    let stats = vm.snapshot_stats().unwrap();
    assert_eq!((stats.taken, stats.failed), (1, 3));

    // With room again, the next snapshot holds everything, classes made since included.
    disk.set_capacity(None);
    let newer = vm.snapshot().unwrap();
    assert!(newer > generation);
    let after = restart(&disk);
    assert_eq!(after.find_class(".test.early"), Ok(early));
    assert_eq!(after.find_class(".test.late"), Ok(late));
}

#[test]
fn an_image_without_a_heap_or_with_a_damaged_system_object_is_refused_clearly() {
    let disk = Arc::new(SimDisk::new());
    let store = Store::create_on(Box::new(disk.clone()), &StoreOptions::default()).unwrap();
    let err = Vm::open_image(store, Box::new(Capture::default()), None).err().unwrap();
    assert!(err.contains("no Phantom heap"), "{err}");

    let (disk, store, vm) = new_image();
    vm.snapshot().unwrap();
    // Point the heap's root at nonsense, as damage would.
    store.write_u64(16, 0x48).unwrap();
    vm.snapshot().unwrap();
    let image = disk.crash_image(CrashMode::DropAll);
    let (store, _) = Store::open_on(Box::new(SimDisk::from_image(image)), &StoreOptions::default()).unwrap();
    let err = Vm::open_image(store, Box::new(Capture::default()), None).err().unwrap();
    assert!(err.contains("damaged image"), "{err}");
}
