//! Block I/O behind a small interface, so the store can run on a file today, on a simulated
//! crashing disk in tests, and one day on a raw device of our own kernel. (`phantom-store`
//! re-exports all of it from its `device` module.)

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::Mutex;

use crate::rng::SimRng;

/// What the store needs from storage. Media assumptions (see `docs/STORE-FORMAT.md`): data is
/// durable only after `sync` returns Ok; a write may be torn at sector granularity by a crash;
/// a failed `sync` may have lost any write since the previous successful one.
pub trait BlockDevice: Send + Sync {
    /// Reads exactly `buf.len()` bytes; reading past the end is an error.
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<()>;
    /// Writes all of `data`, growing the device if needed.
    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<()>;
    /// Makes every completed write durable (`fdatasync`).
    fn sync(&self) -> io::Result<()>;
    /// Current size in bytes.
    fn size(&self) -> io::Result<u64>;
}

/// A regular file.
pub struct FileDevice {
    file: File,
}

impl FileDevice {
    pub fn new(file: File) -> FileDevice {
        FileDevice { file }
    }

    pub fn file(&self) -> &File {
        &self.file
    }
}

impl BlockDevice for FileDevice {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        self.file.read_exact_at(buf, offset)
    }

    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        self.file.write_all_at(data, offset)
    }

    fn sync(&self) -> io::Result<()> {
        self.file.sync_data()
    }

    fn size(&self) -> io::Result<u64> {
        Ok(self.file.metadata()?.len())
    }
}

/// How a simulated crash treats the writes not yet made durable by a sync.
#[derive(Clone, Copy, Debug)]
pub enum CrashMode {
    /// Every unsynced write is lost.
    DropAll,
    /// Every unsynced write reached the disk.
    KeepAll,
    /// A pseudo-random subset survives (seeded).
    Subset(u64),
    /// A pseudo-random subset survives and one surviving write is torn at a 512-byte sector
    /// boundary: only its first sectors reached the disk.
    SubsetTorn(u64),
    /// Exactly the pending writes whose bit is set survive (bit i = i-th pending write, up to
    /// 64); optionally write `index` is torn after `sectors` sectors. For exhaustive sweeps.
    Exact { keep: u64, tear: Option<(usize, usize)> },
}

impl CrashMode {
    /// A crash drawn from a simulation's generator (see `SimHost::fork_rng`), so that a crash
    /// sweep replays from the simulation's one seed: nothing survives, everything does, or a
    /// seeded subset, torn or not.
    pub fn drawn(rng: &mut SimRng) -> CrashMode {
        match rng.below(4) {
            0 => CrashMode::DropAll,
            1 => CrashMode::KeepAll,
            2 => CrashMode::Subset(rng.next_u64()),
            _ => CrashMode::SubsetTorn(rng.next_u64()),
        }
    }
}

const SECTOR: usize = 512;

struct SimState {
    durable: Vec<u8>,
    /// Writes since the last sync, in order.
    pending: Vec<(u64, Vec<u8>)>,
    /// Device operations performed (reads are not counted: they cannot be crash points).
    ops: u64,
    /// The device "loses power" when `ops` reaches this: that operation and all later ones fail.
    crash_at: Option<u64>,
    crashed: bool,
    /// Writes fail with "no space" once the device would grow beyond this many bytes.
    capacity: Option<u64>,
    /// Syncs fail with EIO while set.
    failing_sync: bool,
    /// One sync to fail: after this many more successful ones; whether its writes stay cached.
    fail_one_sync: Option<(u64, bool)>,
}

/// An in-memory disk with a volatile write cache, for crash testing: writes are pending until
/// `sync`, a crash keeps any subset of pending writes and can tear one.
pub struct SimDisk {
    state: Mutex<SimState>,
}

fn sim_error(kind: io::ErrorKind, what: &str) -> io::Error {
    io::Error::new(kind, format!("simulated {what}"))
}

fn apply(image: &mut Vec<u8>, offset: u64, data: &[u8]) {
    let end = offset as usize + data.len();
    if image.len() < end {
        image.resize(end, 0);
    }
    image[offset as usize..end].copy_from_slice(data);
}

impl SimDisk {
    pub fn new() -> SimDisk {
        SimDisk::from_image(Vec::new())
    }

    /// A disk whose durable contents are `image`.
    pub fn from_image(image: Vec<u8>) -> SimDisk {
        SimDisk {
            state: Mutex::new(SimState {
                durable: image,
                pending: Vec::new(),
                ops: 0,
                crash_at: None,
                crashed: false,
                capacity: None,
                failing_sync: false,
                fail_one_sync: None,
            }),
        }
    }

    /// Makes operation number `op` (counting writes and syncs from now on) and every later one fail.
    pub fn crash_after(&self, op: u64) {
        let mut s = self.state.lock().unwrap();
        s.crash_at = Some(s.ops + op);
    }

    /// Sizes of the writes not yet made durable, in order.
    pub fn pending_writes(&self) -> Vec<usize> {
        self.state.lock().unwrap().pending.iter().map(|(_, d)| d.len()).collect()
    }

    pub fn ops(&self) -> u64 {
        self.state.lock().unwrap().ops
    }

    pub fn has_crashed(&self) -> bool {
        self.state.lock().unwrap().crashed
    }

    pub fn set_capacity(&self, bytes: Option<u64>) {
        self.state.lock().unwrap().capacity = bytes;
    }

    pub fn set_failing_sync(&self, failing: bool) {
        self.state.lock().unwrap().failing_sync = failing;
    }

    /// Makes one sync fail with EIO: the one after `skip` further successful syncs (so `skip`
    /// 1 is a snapshot's second barrier, the superblock's). If `writes_stay`, the writes it
    /// should have made durable stay in the cache, neither durable nor lost: a crash image may
    /// hold any of them, and the next successful sync makes them durable. Otherwise they are
    /// dropped, as by `set_failing_sync`. The media assumptions allow both.
    pub fn fail_one_sync(&self, skip: u64, writes_stay: bool) {
        self.state.lock().unwrap().fail_one_sync = Some((skip, writes_stay));
    }

    /// The contents a restart would find after a crash now.
    pub fn crash_image(&self, mode: CrashMode) -> Vec<u8> {
        let s = self.state.lock().unwrap();
        let mut image = s.durable.clone();
        let mut rng = SimRng::new(match mode {
            CrashMode::Subset(seed) | CrashMode::SubsetTorn(seed) => seed,
            _ => 0,
        });
        let keep: Vec<bool> = s
            .pending
            .iter()
            .enumerate()
            .map(|(i, _)| match mode {
                CrashMode::Exact { keep, .. } => i < 64 && keep & (1 << i) != 0,
                CrashMode::DropAll => false,
                CrashMode::KeepAll => true,
                CrashMode::Subset(_) | CrashMode::SubsetTorn(_) => rng.next_u64().is_multiple_of(2),
            })
            .collect();
        let torn = match mode {
            CrashMode::SubsetTorn(_) if !s.pending.is_empty() => Some(rng.next_u64() as usize % s.pending.len()),
            _ => None,
        };
        for (i, (offset, data)) in s.pending.iter().enumerate() {
            if Some(i) == torn {
                let sectors = data.len().div_ceil(SECTOR);
                let kept = (rng.next_u64() as usize % sectors.max(1)) * SECTOR;
                apply(&mut image, *offset, &data[..kept.min(data.len())]);
            } else if keep[i] {
                apply(&mut image, *offset, data);
            }
        }
        image
    }

    /// The durable contents plus every pending write (what a reader of the device sees now).
    pub fn current_image(&self) -> Vec<u8> {
        self.crash_image(CrashMode::KeepAll)
    }

    fn count_op(s: &mut SimState) -> io::Result<()> {
        if s.crashed || s.crash_at.is_some_and(|at| s.ops >= at) {
            s.crashed = true;
            return Err(sim_error(io::ErrorKind::Other, "power loss"));
        }
        s.ops += 1;
        Ok(())
    }
}

impl Default for SimDisk {
    fn default() -> Self {
        SimDisk::new()
    }
}

impl BlockDevice for SimDisk {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        let s = self.state.lock().unwrap();
        if s.crashed {
            return Err(sim_error(io::ErrorKind::Other, "power loss"));
        }
        let len = s.pending.iter().map(|(o, d)| o + d.len() as u64).fold(s.durable.len() as u64, u64::max);
        if offset + buf.len() as u64 > len {
            return Err(sim_error(io::ErrorKind::UnexpectedEof, "read past the end"));
        }
        let start = offset as usize;
        let end = start + buf.len();
        buf.fill(0);
        if start < s.durable.len() {
            let n = end.min(s.durable.len()) - start;
            buf[..n].copy_from_slice(&s.durable[start..start + n]);
        }
        for (o, d) in &s.pending {
            let (ws, we) = (*o as usize, *o as usize + d.len());
            if ws < end && we > start {
                let (a, b) = (ws.max(start), we.min(end));
                buf[a - start..b - start].copy_from_slice(&d[a - ws..b - ws]);
            }
        }
        Ok(())
    }

    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        let mut s = self.state.lock().unwrap();
        SimDisk::count_op(&mut s)?;
        if s.capacity.is_some_and(|cap| offset + data.len() as u64 > cap) {
            return Err(sim_error(io::ErrorKind::StorageFull, "disk full"));
        }
        s.pending.push((offset, data.to_vec()));
        Ok(())
    }

    fn sync(&self) -> io::Result<()> {
        let mut s = self.state.lock().unwrap();
        SimDisk::count_op(&mut s)?;
        if s.failing_sync {
            // Like Linux after a failed fsync: the dirty data may be gone for good.
            s.pending.clear();
            return Err(sim_error(io::ErrorKind::Other, "I/O error on sync"));
        }
        match s.fail_one_sync {
            Some((0, writes_stay)) => {
                s.fail_one_sync = None;
                if !writes_stay {
                    s.pending.clear();
                }
                return Err(sim_error(io::ErrorKind::Other, "I/O error on sync"));
            }
            Some((skip, writes_stay)) => s.fail_one_sync = Some((skip - 1, writes_stay)),
            None => {}
        }
        let pending = std::mem::take(&mut s.pending);
        for (offset, data) in pending {
            apply(&mut s.durable, offset, &data);
        }
        Ok(())
    }

    fn size(&self) -> io::Result<u64> {
        let s = self.state.lock().unwrap();
        Ok(s.pending.iter().map(|(o, d)| o + d.len() as u64).fold(s.durable.len() as u64, u64::max))
    }
}

/// Lets a caller keep a handle on a device the store uses (tests inspect a `SimDisk` this way).
impl<T: BlockDevice + ?Sized> BlockDevice for std::sync::Arc<T> {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        (**self).read_at(offset, buf)
    }

    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        (**self).write_at(offset, data)
    }

    fn sync(&self) -> io::Result<()> {
        (**self).sync()
    }

    fn size(&self) -> io::Result<u64> {
        (**self).size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsynced_writes_are_lost_or_torn_by_a_crash() {
        let disk = SimDisk::new();
        disk.write_at(0, &[1; 1024]).unwrap();
        disk.sync().unwrap();
        disk.write_at(0, &[2; 1024]).unwrap();
        let mut buf = [0; 4];
        disk.read_at(0, &mut buf).unwrap();
        assert_eq!(buf, [2; 4], "reads see pending writes");
        assert_eq!(disk.crash_image(CrashMode::DropAll), vec![1; 1024]);
        assert_eq!(disk.crash_image(CrashMode::KeepAll), vec![2; 1024]);
        let torn = disk.crash_image(CrashMode::SubsetTorn(3));
        assert!(torn.chunks(512).all(|s| s == [1; 512] || s == [2; 512]), "tears only at sector boundaries");
    }

    #[test]
    fn one_failed_sync_loses_or_keeps_its_writes_and_the_next_sync_works() {
        for writes_stay in [false, true] {
            let disk = SimDisk::new();
            disk.fail_one_sync(1, writes_stay);
            disk.write_at(0, &[1; 512]).unwrap();
            disk.sync().unwrap();
            disk.write_at(0, &[2; 512]).unwrap();
            assert!(disk.sync().is_err());
            assert_eq!(disk.pending_writes().len(), usize::from(writes_stay));
            assert_eq!(disk.crash_image(CrashMode::DropAll), vec![1; 512]);
            disk.sync().unwrap();
            let expected = if writes_stay { 2 } else { 1 };
            assert_eq!(disk.crash_image(CrashMode::DropAll), vec![expected; 512]);
        }
    }

    #[test]
    fn crash_point_fails_that_operation_and_every_later_one() {
        let disk = SimDisk::new();
        disk.crash_after(1);
        disk.write_at(0, &[1]).unwrap();
        assert!(disk.sync().is_err());
        assert!(disk.write_at(0, &[1]).is_err());
        assert!(disk.has_crashed());
    }
}
