//! Class files written by the original compiler run unchanged.

mod common;

use std::path::Path;

use common::Capture;
use phantom_vm::{PlainMemory, Vm};

fn vm_with_original_classes() -> (Vm, Capture) {
    vm_on(Box::new(PlainMemory::new(64 << 20)))
}

fn vm_on(memory: Box<dyn phantom_vm::Memory>) -> (Vm, Capture) {
    let out = Capture::default();
    let vm = Vm::new(memory, Box::new(out.clone())).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bytecode/tests/fixtures/original");
    vm.class_path().add_dir(dir);
    (vm, out)
}

#[test]
fn the_original_regression_tests_pass() {
    run_regression_tests(vm_with_original_classes());
}

/// The same on a heap in the persistent store, whose memory is then snapshotted and reopened.
#[test]
fn the_original_regression_tests_pass_on_a_persistent_heap() {
    use phantom_store::{SimDisk, Store, StoreOptions};
    let disk = std::sync::Arc::new(SimDisk::new());
    let options = StoreOptions { address_space: 64 << 20, ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &options).unwrap();
    run_regression_tests(vm_on(Box::new(store.clone())));
    store.snapshot_now().unwrap();
    // The heap's header (magic, allocation top) and every object reached the snapshot.
    let (reopened, _) = Store::open_on(Box::new(SimDisk::from_image(disk.current_image())), &options).unwrap();
    let mut live = vec![0u8; 1 << 20];
    let mut snapped = vec![0u8; 1 << 20];
    store.read(0, &mut live).unwrap();
    reopened.read(0, &mut snapped).unwrap();
    assert_eq!(&snapped[..8], b"PHHEAP01");
    assert!(live == snapped, "the snapshot differs from the heap it was taken of");
}

fn run_regression_tests((vm, out): (Vm, Capture)) {
    let class = vm.find_class(".ru.dz.phantom.system.regression_tests").unwrap();
    let this = vm.instantiate(class).unwrap();
    let result = vm.run(this, 19, &[vm.boot_object()]);
    let text = out.text();
    if let Err(e) = &result {
        panic!("{e}\noutput so far:\n{text}");
    }
    // The class throws a string on any wrong result; its transcript says which checks ran.
    assert_eq!(
        text,
        "Phantom language regression tests are running\n\
         Checking flow control operators... passed\n\
         Checking int math... passed\n\
         Checking arrays... Beeping: beep two! beep one! beep zero! \npassed\n"
    );
}
