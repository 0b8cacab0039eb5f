//! An image four times larger than the memory the process may use: written, snapshotted and
//! read back in full while clean pages are evicted. The child process runs in a memory cgroup
//! when one can be created (root, cgroup v1 or v2); otherwise its peak RSS is checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use phantom_store::{Store, StoreOptions, PAGE_SIZE};

const MIB: u64 = 1 << 20;
const IMAGE_DATA: u64 = 512 * MIB;
const MEMORY_LIMIT: u64 = 128 * MIB;
const RESIDENT_LIMIT: u64 = 32 * MIB;
const CHILD_ENV: &str = "PHANTOM_LARGE_CHILD";

fn pattern(page: u64) -> u64 {
    page.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1
}

fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024
}

/// The work, run in the child.
#[test]
fn child_writes_and_reads_an_image_larger_than_its_memory() {
    let Ok(image) = std::env::var(CHILD_ENV) else { return };
    let options = StoreOptions { resident_limit: Some(RESIDENT_LIMIT), ..StoreOptions::default() };
    let store = Store::create(Path::new(&image), &options).unwrap();
    let pages = IMAGE_DATA / PAGE_SIZE as u64;
    let mut page_buf = vec![0u8; PAGE_SIZE];
    for page in 0..pages {
        page_buf.fill(page as u8);
        page_buf[..8].copy_from_slice(&pattern(page).to_le_bytes());
        // Spread the data over the 1 TiB address space.
        store.write(page * 3 * PAGE_SIZE as u64, &page_buf).unwrap();
        if page % 2048 == 2047 {
            store.snapshot_now().unwrap();
            store.trim();
        }
    }
    store.snapshot_now().unwrap();
    store.trim();
    drop(store);
    let (store, _) = Store::open(Path::new(&image), &options).unwrap();
    for page in 0..pages {
        assert_eq!(store.read_u64(page * 3 * PAGE_SIZE as u64).unwrap(), pattern(page), "page {page}");
        let mut byte = [0u8];
        store.read(page * 3 * PAGE_SIZE as u64 + 100, &mut byte).unwrap();
        assert_eq!(byte[0], page as u8);
        if page % 1024 == 0 {
            store.trim();
        }
    }
    println!("PEAK_RSS {}", peak_rss());
}

/// Creates a memory cgroup limited to `bytes`; returns the file to write a pid into.
fn memory_cgroup(bytes: u64) -> Option<(PathBuf, PathBuf)> {
    let name = format!("phantom-test-{}", std::process::id());
    let v1 = Path::new("/sys/fs/cgroup/memory").join(&name);
    if std::fs::create_dir(&v1).is_ok() {
        if std::fs::write(v1.join("memory.limit_in_bytes"), bytes.to_string()).is_ok() {
            return Some((v1.join("cgroup.procs"), v1));
        }
        let _ = std::fs::remove_dir(&v1);
    }
    let v2 = Path::new("/sys/fs/cgroup").join(&name);
    if Path::new("/sys/fs/cgroup/cgroup.controllers").exists() && std::fs::create_dir(&v2).is_ok() {
        if std::fs::write(v2.join("memory.max"), bytes.to_string()).is_ok() {
            return Some((v2.join("cgroup.procs"), v2));
        }
        let _ = std::fs::remove_dir(&v2);
    }
    None
}

#[test]
fn an_image_four_times_the_memory_limit_works() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("phantom-large-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let image = dir.join("large.img");
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args([
        "--exact",
        "child_writes_and_reads_an_image_larger_than_its_memory",
        "--nocapture",
        "--test-threads=1",
    ]);
    command.env(CHILD_ENV, &image);
    let cgroup = memory_cgroup(MEMORY_LIMIT);
    if let Some((procs, _)) = &cgroup {
        let procs = procs.clone();
        // SAFETY: only an async-signal-safe-enough file write between fork and exec.
        unsafe {
            use std::os::unix::process::CommandExt;
            command.pre_exec(move || std::fs::write(&procs, std::process::id().to_string()));
        }
    }
    let output = command.output().unwrap();
    if let Some((_, group)) = &cgroup {
        let _ = std::fs::remove_dir(group);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let peak: u64 = stdout
        .split("PEAK_RSS ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the child did not report its peak RSS:\n{stdout}"));
    let image_size = std::fs::metadata(&image).unwrap().len();
    eprintln!(
        "image {} MiB, peak RSS {} MiB, limit {} MiB, cgroup: {}",
        image_size / MIB,
        peak / MIB,
        MEMORY_LIMIT / MIB,
        cgroup.is_some()
    );
    assert!(image_size >= 4 * MEMORY_LIMIT, "image of {image_size} bytes is not four times the limit");
    assert!(peak < MEMORY_LIMIT, "peak RSS {peak} exceeds the {MEMORY_LIMIT}-byte limit");
    std::fs::remove_dir_all(&dir).unwrap();
}
