//! Model-based property tests of the page map: random interleavings of writes, snapshot
//! begins, write-outs, evictions and reopenings, checked against a plain map of page contents.

use std::collections::HashMap;
use std::sync::Arc;

use phantom_store::{SimDisk, Store, StoreOptions, PAGE_SIZE};
use proptest::prelude::*;

const SIZE: u64 = 1 << 30; // three levels of page table

#[derive(Clone, Debug)]
enum Op {
    /// Fill a page with a byte (0 makes it a zero page).
    Write(u64, u8),
    Begin,
    WriteOut,
    Trim,
    /// Reopen from what is on disk and compare with the last committed state.
    Reopen,
}

fn page_index() -> impl Strategy<Value = u64> {
    // A few pages that share nodes, and a few far apart.
    prop_oneof![0..8u64, Just(255u64), Just(256u64), Just(65_536u64), Just(262_143u64)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (page_index(), prop_oneof![Just(0u8), 1..=255u8]).prop_map(|(p, b)| Op::Write(p, b)),
        2 => Just(Op::Begin),
        2 => Just(Op::WriteOut),
        1 => Just(Op::Trim),
        1 => Just(Op::Reopen),
    ]
}

fn read_page(store: &Store, page: u64) -> Vec<u8> {
    let mut buf = vec![0; PAGE_SIZE];
    store.read(page * PAGE_SIZE as u64, &mut buf).unwrap();
    buf
}

fn check(store: &Store, model: &HashMap<u64, u8>) -> Result<(), TestCaseError> {
    for page in [0, 1, 2, 3, 4, 5, 6, 7, 255, 256, 65_536, 262_143] {
        let expected = vec![*model.get(&page).unwrap_or(&0); PAGE_SIZE];
        prop_assert!(read_page(store, page) == expected, "page {}", page);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn store_matches_a_model_of_pages(ops in prop::collection::vec(op(), 1..60), keep in 1..4usize) {
        let options = StoreOptions { address_space: SIZE, keep, resident_limit: Some(4 * PAGE_SIZE as u64), ..StoreOptions::default() };
        let mut disk = Arc::new(SimDisk::new());
        let mut store = Store::create_on(Box::new(disk.clone()), &options).unwrap();
        let mut live: HashMap<u64, u8> = HashMap::new();
        let mut begun: Option<HashMap<u64, u8>> = None;
        let mut committed: HashMap<u64, u8> = HashMap::new();
        for op in ops {
            match op {
                Op::Write(page, byte) => {
                    store.write(page * PAGE_SIZE as u64, &vec![byte; PAGE_SIZE]).unwrap();
                    live.insert(page, byte);
                }
                Op::Begin => {
                    if begun.is_none() {
                        store.begin_snapshot().unwrap();
                        begun = Some(live.clone());
                    } else {
                        prop_assert!(store.begin_snapshot().is_err());
                    }
                }
                Op::WriteOut => {
                    let written = store.write_snapshot().unwrap();
                    prop_assert_eq!(written.is_some(), begun.is_some());
                    if let Some(state) = begun.take() {
                        let nonzero = state.values().filter(|&&b| b != 0).count() as u64;
                        prop_assert_eq!(written.unwrap().pages, nonzero);
                        committed = state;
                    }
                }
                Op::Trim => {
                    store.trim();
                }
                Op::Reopen => {
                    if begun.is_some() {
                        continue;
                    }
                    drop(store);
                    disk = Arc::new(SimDisk::from_image(disk.current_image()));
                    store = Store::open_on(Box::new(disk.clone()), &options).unwrap().0;
                    live = committed.clone();
                }
            }
            check(&store, &live)?;
        }
        if begun.is_some() {
            store.write_snapshot().unwrap();
            committed = begun.take().unwrap();
        }
        drop(store);
        let reopened = Store::open_on(Box::new(SimDisk::from_image(disk.current_image())), &StoreOptions { verify: true, ..options }).unwrap().0;
        check(&reopened, &committed)?;
        prop_assert!(!phantom_store::check_image(&SimDisk::from_image(disk.current_image())).damaged);
    }
}
