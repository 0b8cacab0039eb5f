//! The store: memory access with a software write barrier, non-stop snapshots, the shadow-paged
//! page table and the commit protocol. `docs/STORE-FORMAT.md` is the contract this implements.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::io;
use std::path::Path;
use std::sync::atomic::{fence, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::device::{BlockDevice, FileDevice};
use crate::format::{
    checksum, tree_height, BlockRef, Node, SnapshotRecord, Superblock, SuperblockError, BLOCK_SIZE, FANOUT,
    FANOUT_BITS, FIRST_DATA_BLOCK, MAX_RETAINED, PAGE_SIZE,
};
use crate::region::{bits, Region};

/// Default address space: 1 TiB.
pub const DEFAULT_ADDRESS_SPACE: u64 = 1 << 40;

/// Everything that can go wrong, with enough context to act on.
#[derive(Debug)]
pub enum StoreError {
    /// An I/O operation failed.
    Io { context: String, error: io::Error },
    /// The image is damaged beyond what recovery can work around.
    Corrupt(String),
    /// An access outside the address space.
    OutOfRange { addr: u64, len: usize, size: u64 },
    /// A snapshot is already being written.
    Busy,
    /// A bad argument or option.
    Invalid(String),
    /// The snapshot that was to hold an awaited epoch failed (why); memory still works and the
    /// next snapshot writes its pages again. Returned by [`Store::wait_durable`].
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { context, error } => write!(f, "{context}: {error}"),
            StoreError::Corrupt(what) => write!(f, "damaged image: {what}"),
            StoreError::OutOfRange { addr, len, size } => {
                write!(f, "access of {len} bytes at {addr:#x} is outside the {size:#x}-byte address space")
            }
            StoreError::Busy => f.write_str("a snapshot is already being written"),
            StoreError::Invalid(what) => f.write_str(what),
            StoreError::Failed(why) => write!(f, "the snapshot failed: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}

pub type Result<T> = std::result::Result<T, StoreError>;

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> StoreError {
    let context = context.into();
    move |error| StoreError::Io { context, error }
}

/// How to create or open a store.
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// Size of the address space in bytes (a multiple of 4 KiB). Fixed at creation.
    pub address_space: u64,
    /// How many committed snapshots to keep (at least 1).
    pub keep: usize,
    /// Resident pages above which `trim` evicts clean pages, if any.
    pub resident_limit: Option<u64>,
    /// Open this retained generation instead of the newest.
    pub generation: Option<u64>,
    /// At open, check every page-table node and page of the chosen snapshot, falling back to an
    /// older one if it is damaged. Without it only the superblock and root are checked at open
    /// and everything else as it is loaded.
    pub verify: bool,
    /// Snapshots of at most this many blocks (pages and page-table nodes) are committed with
    /// one sync instead of two; opening then checks the newest snapshot's blocks if it was one
    /// of them. 0 commits every snapshot with two.
    pub one_sync_blocks: u64,
    /// Which snapshots to keep as they age, at most `keep` of them; kept in the image. `None`
    /// keeps what the image has (a new one: the newest `keep`).
    pub retention: Option<crate::retention::Retention>,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            address_space: DEFAULT_ADDRESS_SPACE,
            keep: 2,
            resident_limit: None,
            generation: None,
            verify: false,
            one_sync_blocks: ONE_SYNC_BLOCKS,
            retention: None,
        }
    }
}

/// What opening found and did.
#[derive(Clone, Debug, Default)]
pub struct OpenReport {
    /// The snapshot the store now holds.
    pub generation: u64,
    /// Snapshots passed over, newest first, and why.
    pub skipped: Vec<(u64, String)>,
    /// Superblock slots that could not be used, and why.
    pub bad_slots: Vec<(u64, String)>,
}

impl OpenReport {
    /// What was passed over, and why: "superblock slot 1 unusable: …; skipped snapshot 6: …".
    fn passed_over(&self) -> String {
        let slots = self.bad_slots.iter().map(|(slot, why)| format!("superblock slot {slot} unusable: {why}"));
        let snapshots = self.skipped.iter().map(|(generation, why)| format!("skipped snapshot {generation}: {why}"));
        slots.chain(snapshots).collect::<Vec<_>>().join("; ")
    }
}

impl fmt::Display for OpenReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "opened snapshot {}", self.generation)?;
        let passed_over = self.passed_over();
        if !passed_over.is_empty() {
            write!(f, "; {passed_over}")?;
        }
        Ok(())
    }
}

/// A snapshot begun at a safepoint and not yet written.
struct Job {
    epoch: u32,
    pages: Vec<u64>,
    time_ns: u64,
    begun: std::time::Instant,
    /// Set by [`Store::note_pause`].
    pause_us: u32,
}

impl Job {
    fn clone_empty(&self) -> Job {
        Job { epoch: self.epoch, pages: Vec::new(), time_ns: self.time_ns, begun: self.begun, pause_us: self.pause_us }
    }
}

fn micros(d: std::time::Duration) -> u32 {
    u32::try_from(d.as_micros()).unwrap_or(u32::MAX)
}

#[derive(Default)]
struct Jobs {
    /// Begun, being or to be written.
    current: Option<Job>,
    /// Taken by a writer.
    in_progress: bool,
    /// Pages of failed snapshots, to be written by the next one.
    carry: Vec<u64>,
    shutdown: bool,
}

/// Free space. Built lazily (by walking the retained page tables) before the first allocation.
struct FreeMap {
    free: BTreeSet<u64>,
}

struct Meta {
    superblock: Superblock,
    /// The page table new snapshots start from and page-ins read: the newest written tree.
    base_root: BlockRef,
    base_pages: u64,
    free: Option<FreeMap>,
    high_water: u64,
    /// Where the snapshot being written takes its blocks first (`reserve_run`): the next
    /// block to try and the end of the range.
    run: Option<(u64, u64)>,
    /// Blocks each generation replaced: free once no older snapshot is retained.
    deadlists: BTreeMap<u64, Vec<u64>>,
    /// Other snapshots whose blocks must not be reused (newer ones passed over at open),
    /// until our own commits have rewritten both superblock slots.
    protected: Vec<BlockRef>,
    /// Blocks written by attempts whose superblock write or barrier 2 failed since the last
    /// commit. Such a superblock may have reached its slot, and a restart would then open it, so
    /// its blocks are not reused until a commit has overwritten that slot.
    unconfirmed: Vec<u64>,
    commits_since_open: u32,
    cache: HashMap<u64, Arc<Node>>,
}

#[derive(Default)]
struct Durable {
    epoch: u32,
    generation: u64,
    error: Option<String>,
}

struct Inner {
    region: Region,
    dev: Box<dyn BlockDevice>,
    keep: usize,
    one_sync_blocks: u64,
    height: u32,
    /// The epoch writes currently belong to. Snapshot `e` captures memory as it was when
    /// epoch `e` ended.
    epoch: AtomicU32,
    /// Pages first written in the current epoch.
    dirty: Mutex<Vec<u64>>,
    /// Epoch being captured (0: none), and the epoch of the tree it builds on: pages written in
    /// `(base, capturing]` are the ones it must capture.
    capturing: AtomicU32,
    base_epoch: AtomicU32,
    /// Epoch of the newest committed snapshot: pages not written since may be evicted.
    durable_epoch: AtomicU32,
    /// Copies of pending pages taken by writers before they changed them.
    side: Mutex<HashMap<u64, Box<[u8; PAGE_SIZE]>>>,
    jobs: Mutex<Jobs>,
    jobs_cv: Condvar,
    meta: Mutex<Meta>,
    durable: Mutex<Durable>,
    durable_cv: Condvar,
    resident: AtomicU64,
    /// Pages made resident, in order, for eviction; may hold pages evicted since.
    resident_list: Mutex<Vec<u64>>,
    resident_limit: Option<u64>,
}

/// A handle to a store. Clones share it; it is `Send + Sync`.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

fn now_ns() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// Whether a page's state words read before and after copying from it show that it stayed
/// resident throughout (not evicted, even if paged in again since): the copy is good.
#[inline]
fn still_resident(before: u64, after: u64) -> bool {
    let stable = bits::RESIDENT | !((1u64 << bits::EVICT_SHIFT) - 1);
    before & stable == after & stable
}

fn is_zero(page: &[u8]) -> bool {
    let (prefix, words, suffix) = unsafe { page.align_to::<u64>() };
    prefix.iter().all(|&b| b == 0) && words.iter().all(|&w| w == 0) && suffix.iter().all(|&b| b == 0)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not turn into a second one here.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn lock_file(file: &std::fs::File, path: &Path) -> Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a file descriptor we own.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        let e = io::Error::last_os_error();
        return Err(if e.kind() == io::ErrorKind::WouldBlock {
            StoreError::Invalid(format!("{} is in use by another process", path.display()))
        } else {
            StoreError::Io { context: format!("cannot lock {}", path.display()), error: e }
        });
    }
    Ok(())
}

impl Store {
    /// Creates a new image file (it must not exist) holding an empty snapshot 0.
    pub fn create(path: &Path, options: &StoreOptions) -> Result<Store> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(io_err(format!("cannot create {}", path.display())))?;
        lock_file(&file, path)?;
        Store::create_on(Box::new(FileDevice::new(file)), options)
    }

    /// Opens an existing image file, locking it against other processes.
    pub fn open(path: &Path, options: &StoreOptions) -> Result<(Store, OpenReport)> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(io_err(format!("cannot open {}", path.display())))?;
        lock_file(&file, path)?;
        Store::open_on(Box::new(FileDevice::new(file)), options)
    }

    /// Writes an empty store onto a device.
    pub fn create_on(dev: Box<dyn BlockDevice>, options: &StoreOptions) -> Result<Store> {
        if options.address_space == 0
            || !options.address_space.is_multiple_of(BLOCK_SIZE)
            || options.address_space / BLOCK_SIZE > crate::format::MAX_ADDRESS_PAGES
        {
            return Err(StoreError::Invalid(
                "the address space must be a non-zero multiple of 4 KiB, at most 256 TiB".into(),
            ));
        }
        let superblock = Superblock {
            generation: 0,
            address_pages: options.address_space / BLOCK_SIZE,
            high_water: FIRST_DATA_BLOCK,
            snapshots: vec![SnapshotRecord {
                generation: 0,
                root: BlockRef::ABSENT,
                time_ns: now_ns(),
                pages: 0,
                written: 0,
                one_sync: false,
                pause_us: 0,
                write_us: 0,
            }],
            retention: options.retention.clone().unwrap_or_default(),
        };
        // Slot 1 gets a copy so that a torn first write leaves nothing ambiguous.
        let bytes = superblock.encode();
        dev.write_at(0, &bytes[..]).map_err(io_err("cannot write the superblock"))?;
        dev.write_at(BLOCK_SIZE, &bytes[..]).map_err(io_err("cannot write the superblock"))?;
        dev.sync().map_err(io_err("cannot sync the new image"))?;
        Store::start(dev, superblock, BlockRef::ABSENT, 0, Vec::new(), options)
    }

    /// Opens the newest valid snapshot on a device (or `options.generation`), falling back to
    /// older retained snapshots when the newer ones are damaged.
    pub fn open_on(dev: Box<dyn BlockDevice>, options: &StoreOptions) -> Result<(Store, OpenReport)> {
        let mut report = OpenReport::default();
        let mut slots = Vec::new();
        for slot in 0..2u64 {
            let mut buf = vec![0u8; PAGE_SIZE];
            match dev.read_at(slot * BLOCK_SIZE, &mut buf) {
                Ok(()) => match Superblock::decode(&buf) {
                    Ok(sb) => slots.push(sb),
                    Err(e) => report.bad_slots.push((slot, e.to_string())),
                },
                Err(e) => report.bad_slots.push((slot, format!("cannot read: {e}"))),
            }
        }
        if slots.is_empty() {
            let why = report.bad_slots.iter().map(|(s, w)| format!("slot {s}: {w}")).collect::<Vec<_>>().join("; ");
            let unsupported = report
                .bad_slots
                .iter()
                .any(|(_, w)| !w.contains("magic") && !w.contains("checksum") && !w.contains("read"));
            return Err(if unsupported {
                StoreError::Invalid(format!("unsupported image ({why})"))
            } else {
                StoreError::Corrupt(format!("no valid superblock ({why})"))
            });
        }
        slots.sort_by_key(|sb| std::cmp::Reverse(sb.generation));
        if slots.len() == 2 && slots[0].address_pages != slots[1].address_pages {
            return Err(StoreError::Corrupt("the two superblocks disagree on the address space size".into()));
        }
        // Candidates: the newest superblock's snapshots, newest first. Snapshots only the older
        // slot lists may already have had their blocks reused: a last resort, always verified.
        let mut candidates: Vec<(SnapshotRecord, usize, bool)> =
            slots[0].snapshots.iter().map(|s| (*s, 0, false)).collect();
        if let Some(older) = slots.get(1) {
            for s in &older.snapshots {
                if !candidates.iter().any(|(c, _, _)| c.generation == s.generation) {
                    candidates.push((*s, 1, true));
                }
            }
        }
        let address_pages = slots[0].address_pages;
        let height = tree_height(address_pages);
        let newest = slots[0].snapshots[0];
        // What the newest snapshot, if committed with one sync, must be checked against: the
        // snapshot before it (committed whole before it began), or nothing.
        let before_newest = slots[0].snapshots.get(1).map_or(BlockRef::ABSENT, |s| s.root);
        for (snapshot, slot_index, superseded) in candidates {
            match options.generation {
                Some(g) if g != snapshot.generation => continue,
                Some(_) if superseded => break,
                _ => {}
            }
            let check = if options.verify || superseded {
                verify_tree(&*dev, snapshot.root, height, true).map(|_| ())
            } else if snapshot == newest && snapshot.one_sync {
                verify_diff(&*dev, snapshot.root, before_newest, height - 1)
            } else {
                read_node(&*dev, snapshot.root).map(|_| ())
            };
            if let Err(e) = check {
                report.skipped.push((snapshot.generation, e.to_string()));
                continue;
            }
            // Rebuild the superblock as of this snapshot: it and what was retained before it.
            let source = &slots[slot_index];
            let retained: Vec<SnapshotRecord> =
                source.snapshots.iter().filter(|s| s.generation <= snapshot.generation).copied().collect();
            let high_water = slots.iter().map(|s| s.high_water).max().unwrap_or(FIRST_DATA_BLOCK);
            // Anything else listed anywhere stays untouched until our own commits replace both slots.
            let protected: Vec<BlockRef> = slots
                .iter()
                .flat_map(|sb| sb.snapshots.iter())
                .filter(|s| !retained.iter().any(|r| r.generation == s.generation))
                .map(|s| s.root)
                .collect();
            let superblock = Superblock {
                generation: slots[0].generation.max(snapshot.generation),
                address_pages,
                high_water,
                snapshots: retained,
                retention: options.retention.clone().unwrap_or_else(|| source.retention.clone()),
            };
            report.generation = snapshot.generation;
            let store = Store::start(dev, superblock, snapshot.root, snapshot.pages, protected, options)?;
            return Ok((store, report));
        }
        Err(match options.generation {
            Some(g) if !report.skipped.iter().any(|(s, _)| *s == g) => {
                StoreError::Invalid(format!("snapshot {g} is not retained in this image"))
            }
            _ => StoreError::Corrupt(format!("no usable snapshot: {}", report.passed_over())),
        })
    }

    fn start(
        dev: Box<dyn BlockDevice>,
        superblock: Superblock,
        root: BlockRef,
        pages: u64,
        protected: Vec<BlockRef>,
        options: &StoreOptions,
    ) -> Result<Store> {
        if options.keep == 0 || options.keep > MAX_RETAINED {
            return Err(StoreError::Invalid(format!("keep must be between 1 and {MAX_RETAINED}")));
        }
        let address_pages = superblock.address_pages;
        let region = Region::new(address_pages).map_err(io_err("cannot reserve the address space"))?;
        let generation = superblock.snapshots[0].generation;
        let high_water = superblock.high_water;
        let inner = Inner {
            region,
            dev,
            keep: options.keep,
            one_sync_blocks: options.one_sync_blocks,
            height: tree_height(address_pages),
            epoch: AtomicU32::new(1),
            dirty: Mutex::new(Vec::new()),
            capturing: AtomicU32::new(0),
            base_epoch: AtomicU32::new(0),
            durable_epoch: AtomicU32::new(0),
            side: Mutex::new(HashMap::new()),
            jobs: Mutex::new(Jobs::default()),
            jobs_cv: Condvar::new(),
            meta: Mutex::new(Meta {
                superblock,
                base_root: root,
                base_pages: pages,
                free: None,
                high_water,
                run: None,
                deadlists: BTreeMap::new(),
                protected,
                unconfirmed: Vec::new(),
                commits_since_open: 0,
                cache: HashMap::new(),
            }),
            durable: Mutex::new(Durable { epoch: 0, generation, error: None }),
            durable_cv: Condvar::new(),
            resident: AtomicU64::new(0),
            resident_list: Mutex::new(Vec::new()),
            resident_limit: options.resident_limit.map(|bytes| bytes.div_ceil(BLOCK_SIZE)),
        };
        Ok(Store { inner: Arc::new(inner) })
    }

    /// Size of the address space in bytes.
    pub fn size(&self) -> u64 {
        self.inner.region.pages() * BLOCK_SIZE
    }

    fn check_range(&self, addr: u64, len: usize) -> Result<()> {
        let size = self.size();
        if addr.checked_add(len as u64).is_none_or(|end| end > size) {
            return Err(StoreError::OutOfRange { addr, len, size });
        }
        Ok(())
    }

    /// Copies memory at `addr` into `buf`.
    pub fn read(&self, addr: u64, buf: &mut [u8]) -> Result<()> {
        self.check_range(addr, buf.len())?;
        let mut done = 0;
        while done < buf.len() {
            let at = addr + done as u64;
            let in_page = (PAGE_SIZE - (at % BLOCK_SIZE) as usize).min(buf.len() - done);
            self.read_in_page(at, &mut buf[done..done + in_page])?;
            done += in_page;
        }
        Ok(())
    }

    /// Writes `data` to memory at `addr`, through the snapshot write barrier.
    pub fn write(&self, addr: u64, data: &[u8]) -> Result<()> {
        self.check_range(addr, data.len())?;
        let mut done = 0;
        while done < data.len() {
            let at = addr + done as u64;
            let in_page = (PAGE_SIZE - (at % BLOCK_SIZE) as usize).min(data.len() - done);
            self.write_in_page(at, &data[done..done + in_page])?;
            done += in_page;
        }
        Ok(())
    }

    pub fn read_u64(&self, addr: u64) -> Result<u64> {
        let mut b = [0; 8];
        self.read(addr, &mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    pub fn write_u64(&self, addr: u64, value: u64) -> Result<()> {
        self.write(addr, &value.to_le_bytes())
    }

    /// `read_u64` for an aligned word, with the common case (a resident page) inline.
    #[inline]
    pub fn load_word(&self, addr: u64) -> Result<u64> {
        let page = addr / BLOCK_SIZE;
        if addr.is_multiple_of(8) && page < self.inner.region.pages() {
            let state = self.inner.region.state(page);
            let before = state.load(Ordering::Acquire);
            if before & bits::RESIDENT != 0 {
                // SAFETY: an aligned word of a resident page of the mapping, read atomically
                // since VM threads may write it concurrently. A racing eviction is detected
                // below, as in `read_in_page`.
                let value = unsafe { (*(self.inner.region.ptr(addr) as *const AtomicU64)).load(Ordering::Relaxed) };
                fence(Ordering::Acquire);
                let after = state.load(Ordering::Relaxed);
                if still_resident(before, after) {
                    return Ok(value);
                }
            }
        }
        self.read_u64(addr)
    }

    /// `write_u64` for an aligned word, with the common case (a page already written in this
    /// epoch) inline.
    #[inline]
    pub fn store_word(&self, addr: u64, value: u64) -> Result<()> {
        let page = addr / BLOCK_SIZE;
        if addr.is_multiple_of(8) && page < self.inner.region.pages() {
            let s = self.inner.region.state(page).load(Ordering::Acquire);
            if bits::epoch(s) == self.inner.epoch.load(Ordering::Relaxed) && s & bits::RESIDENT != 0 {
                // SAFETY: as in `write_in_page`'s fast path, for one aligned word, stored
                // atomically since other VM threads may read it concurrently.
                unsafe { (*(self.inner.region.ptr(addr) as *const AtomicU64)).store(value, Ordering::Relaxed) };
                return Ok(());
            }
        }
        self.write_u64(addr, value)
    }

    /// Stores zeros in `len` bytes from `addr`, a page at a time.
    pub fn zero(&self, addr: u64, len: u64) -> Result<()> {
        static ZEROS: [u8; PAGE_SIZE] = [0; PAGE_SIZE];
        let mut done = 0;
        while done < len {
            let at = addr + done;
            let n = (BLOCK_SIZE - at % BLOCK_SIZE).min(len - done);
            self.write(at, &ZEROS[..n as usize])?;
            done += n;
        }
        Ok(())
    }

    #[inline]
    fn read_in_page(&self, addr: u64, buf: &mut [u8]) -> Result<()> {
        let page = addr / BLOCK_SIZE;
        let state = self.inner.region.state(page);
        loop {
            let before = state.load(Ordering::Acquire);
            if before & bits::RESIDENT == 0 {
                self.page_in(page)?;
                continue;
            }
            // SAFETY: within one page of the mapping. An eviction racing with this copy is
            // detected below and the copy is redone.
            unsafe { std::ptr::copy_nonoverlapping(self.inner.region.ptr(addr), buf.as_mut_ptr(), buf.len()) };
            fence(Ordering::Acquire);
            let after = state.load(Ordering::Relaxed);
            if still_resident(before, after) {
                return Ok(());
            }
        }
    }

    #[inline]
    fn write_in_page(&self, addr: u64, data: &[u8]) -> Result<()> {
        let page = addr / BLOCK_SIZE;
        let s = self.inner.region.state(page).load(Ordering::Acquire);
        // Fast path: already written in this epoch, so nothing to capture or record.
        if bits::epoch(s) != self.inner.epoch.load(Ordering::Relaxed) || s & bits::RESIDENT == 0 {
            self.dirty_page(page)?;
        }
        // SAFETY: within one page of the mapping; the page is resident and dirty in this epoch,
        // so neither the snapshot writer nor eviction touches it.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.inner.region.ptr(addr), data.len()) };
        Ok(())
    }

    /// The barrier's slow path: first write to a page in this epoch.
    #[cold]
    fn dirty_page(&self, page: u64) -> Result<()> {
        let inner = &*self.inner;
        let mut s = inner.region.lock(page);
        if s & bits::RESIDENT == 0 {
            match self.load_page(page) {
                Ok(()) => s |= bits::RESIDENT,
                Err(e) => {
                    inner.region.unlock(page, s);
                    return Err(e);
                }
            }
        }
        let epoch = inner.epoch.load(Ordering::Relaxed);
        if bits::epoch(s) != epoch {
            let capturing = inner.capturing.load(Ordering::Acquire);
            let base = inner.base_epoch.load(Ordering::Acquire);
            let page_epoch = bits::epoch(s);
            if capturing != 0 && page_epoch > base && page_epoch <= capturing && s & bits::CAPTURED == 0 {
                // The snapshot in flight still needs this page as it is: copy before writing.
                let mut copy = Box::new([0u8; PAGE_SIZE]);
                // SAFETY: one whole page of the mapping, read under the page lock.
                unsafe {
                    std::ptr::copy_nonoverlapping(inner.region.ptr(page * BLOCK_SIZE), copy.as_mut_ptr(), PAGE_SIZE)
                };
                lock(&inner.side).insert(page, copy);
            }
            lock(&inner.dirty).push(page);
            s = (s & !(bits::EPOCH_MASK | bits::CAPTURED)) | epoch as u64;
        }
        inner.region.unlock(page, s);
        Ok(())
    }

    /// Brings a page in from the base snapshot (or as zeros); marks it resident.
    #[cold]
    fn page_in(&self, page: u64) -> Result<()> {
        let s = self.inner.region.lock(page);
        if s & bits::RESIDENT != 0 {
            self.inner.region.unlock(page, s);
            return Ok(());
        }
        let result = self.load_page(page);
        self.inner.region.unlock(page, if result.is_ok() { s | bits::RESIDENT } else { s });
        result
    }

    /// Fills a non-resident page's memory from the base page table. Called under the page lock.
    fn load_page(&self, page: u64) -> Result<()> {
        let inner = &*self.inner;
        let entry = {
            let mut meta = lock(&inner.meta);
            let root = meta.base_root;
            lookup(inner, &mut meta, root, page)?
        };
        if !entry.is_absent() {
            let mut buf = vec![0u8; PAGE_SIZE];
            read_block(&*inner.dev, entry, &mut buf).map_err(|e| match e {
                StoreError::Corrupt(why) => StoreError::Corrupt(format!("page {page}: {why}")),
                other => other,
            })?;
            // SAFETY: one whole page, under its lock, not resident so no one else reads it.
            unsafe { std::ptr::copy_nonoverlapping(buf.as_ptr(), inner.region.ptr(page * BLOCK_SIZE), PAGE_SIZE) };
        }
        inner.resident.fetch_add(1, Ordering::Relaxed);
        if inner.resident_limit.is_some() {
            lock(&inner.resident_list).push(page);
        }
        Ok(())
    }

    /// Pages currently resident in memory.
    pub fn resident_pages(&self) -> u64 {
        self.inner.resident.load(Ordering::Relaxed)
    }

    /// Evicts clean resident pages (unchanged since the newest committed snapshot) until the
    /// resident count is within the configured limit; returns how many were evicted. Safe to
    /// call at any time: readers racing with an eviction retry.
    pub fn trim(&self) -> u64 {
        let Some(limit) = self.inner.resident_limit else { return 0 };
        let inner = &*self.inner;
        let durable = inner.durable_epoch.load(Ordering::Acquire);
        let mut evicted = 0;
        let mut list = lock(&inner.resident_list);
        let mut i = 0;
        while inner.resident.load(Ordering::Relaxed) > limit && i < list.len() {
            let page = list[i];
            // A page-in holds its page lock while it appends to this list: never wait for it.
            let Some(s) = inner.region.try_lock(page) else {
                i += 1;
                continue;
            };
            if s & bits::RESIDENT == 0 {
                inner.region.unlock(page, s);
                list.swap_remove(i);
            } else if bits::epoch(s) <= durable {
                inner.region.unlock(page, (s & !bits::RESIDENT).wrapping_add(bits::EVICT_ONE));
                inner.region.discard(page);
                inner.resident.fetch_sub(1, Ordering::Relaxed);
                list.swap_remove(i);
                evicted += 1;
            } else {
                inner.region.unlock(page, s);
                i += 1;
            }
        }
        evicted
    }

    /// The epoch writes currently belong to.
    pub fn current_epoch(&self) -> u32 {
        self.inner.epoch.load(Ordering::Relaxed)
    }

    /// Ends the current epoch: the next snapshot is memory exactly as it is now. Must be called
    /// while no other thread writes (at a safepoint). Costs O(1); the snapshot is written by
    /// [`Store::write_snapshot`] (or the writer thread) while memory keeps changing. Returns the
    /// snapshot's epoch, for [`Store::wait_durable`].
    pub fn begin_snapshot(&self) -> Result<u32> {
        let inner = &*self.inner;
        let mut jobs = lock(&inner.jobs);
        if jobs.current.is_some() {
            return Err(StoreError::Busy);
        }
        let epoch = inner.epoch.load(Ordering::Relaxed);
        let mut pages = std::mem::take(&mut *lock(&inner.dirty));
        if !jobs.carry.is_empty() {
            pages.append(&mut jobs.carry);
        }
        inner.capturing.store(epoch, Ordering::Release);
        inner.epoch.store(epoch + 1, Ordering::Release);
        jobs.current = Some(Job { epoch, pages, time_ns: now_ns(), begun: std::time::Instant::now(), pause_us: 0 });
        inner.jobs_cv.notify_all();
        Ok(epoch)
    }

    /// Records how long the VM stood still for the begun snapshot, to be listed with it
    /// (ignored once its write-out has started).
    pub fn note_pause(&self, pause: std::time::Duration) {
        let mut jobs = lock(&self.inner.jobs);
        if !jobs.in_progress {
            if let Some(job) = &mut jobs.current {
                job.pause_us = micros(pause);
            }
        }
    }

    /// Writes out the begun snapshot, if there is one, and commits it. Memory may be used
    /// concurrently. Returns the committed snapshot.
    pub fn write_snapshot(&self) -> Result<Option<SnapshotRecord>> {
        let inner = &*self.inner;
        let job = {
            let mut jobs = lock(&inner.jobs);
            if jobs.in_progress {
                return Err(StoreError::Busy);
            }
            let Some(job) = jobs.current.take() else { return Ok(None) };
            jobs.in_progress = true;
            // Keep `current` occupied so begin_snapshot reports Busy meanwhile.
            jobs.current = Some(job.clone_empty());
            job
        };
        let epoch = job.epoch;
        let result = self.write_out(&job);
        let mut jobs = lock(&inner.jobs);
        jobs.current = None;
        jobs.in_progress = false;
        inner.capturing.store(0, Ordering::Release);
        match result {
            Ok(record) => {
                inner.base_epoch.store(epoch, Ordering::Release);
                inner.durable_epoch.store(epoch, Ordering::Release);
                drop(jobs);
                let mut durable = lock(&inner.durable);
                durable.epoch = epoch;
                durable.generation = record.generation;
                durable.error = None;
                inner.durable_cv.notify_all();
                Ok(Some(record))
            }
            Err(e) => {
                // The pages still need writing; forget what this attempt captured.
                let mut pages = job.pages;
                for &page in &pages {
                    let s = inner.region.lock(page);
                    inner.region.unlock(page, s & !bits::CAPTURED);
                }
                lock(&inner.side).clear();
                jobs.carry.append(&mut pages);
                drop(jobs);
                let mut durable = lock(&inner.durable);
                durable.error = Some(e.to_string());
                inner.durable_cv.notify_all();
                Err(e)
            }
        }
    }

    /// Begins a snapshot and writes it out, in the calling thread.
    pub fn snapshot_now(&self) -> Result<SnapshotRecord> {
        self.begin_snapshot()?;
        self.write_snapshot()?.ok_or_else(|| StoreError::Invalid("the snapshot was taken by another writer".into()))
    }

    /// Blocks until a snapshot containing epoch `epoch` is durable; returns its generation.
    /// Returns the error of a failed snapshot attempt that should have contained it.
    pub fn wait_durable(&self, epoch: u32) -> Result<u64> {
        let inner = &*self.inner;
        let mut durable = lock(&inner.durable);
        loop {
            if durable.epoch >= epoch {
                return Ok(durable.generation);
            }
            if let Some(e) = durable.error.take() {
                return Err(StoreError::Failed(e));
            }
            durable = inner.durable_cv.wait(durable).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Starts a background thread that writes every begun snapshot; errors go to `on_error`.
    pub fn spawn_writer(&self, on_error: impl Fn(&StoreError) + Send + 'static) -> Writer {
        let store = self.clone();
        let thread = std::thread::Builder::new()
            .name("phantom-snapshot-writer".into())
            .spawn(move || loop {
                {
                    let inner = &*store.inner;
                    let mut jobs = lock(&inner.jobs);
                    while !jobs.shutdown && (jobs.current.is_none() || jobs.in_progress) {
                        jobs = inner.jobs_cv.wait(jobs).unwrap_or_else(|e| e.into_inner());
                    }
                    if jobs.shutdown && jobs.current.is_none() {
                        return;
                    }
                }
                if let Err(e) = store.write_snapshot() {
                    on_error(&e);
                }
            })
            .expect("spawning the snapshot writer thread");
        Writer { store: self.clone(), thread: Some(thread) }
    }

    /// Committed snapshots retained in the image, newest first.
    pub fn snapshots(&self) -> Vec<SnapshotRecord> {
        lock(&self.inner.meta).superblock.snapshots.clone()
    }

    /// The retention policy commits follow (empty: the newest `keep`).
    pub fn retention(&self) -> crate::retention::Retention {
        lock(&self.inner.meta).superblock.retention.clone()
    }

    /// Generation of the newest committed snapshot.
    pub fn generation(&self) -> u64 {
        lock(&self.inner.durable).generation
    }

    /// Captures, writes and commits one snapshot (the protocol of STORE-FORMAT.md).
    fn write_out(&self, job: &Job) -> Result<SnapshotRecord> {
        let inner = &*self.inner;
        let mut pages = job.pages.clone();
        pages.sort_unstable();
        pages.dedup();
        self.ensure_free_map()?;
        let mut allocated = Vec::new();
        let result = self.write_pages_and_tree(job, &pages, &mut allocated);
        lock(&inner.meta).run = None;
        let (root, nonzero, killed) = match result {
            Ok(r) => r,
            Err(e) => {
                self.release(&allocated);
                return Err(e);
            }
        };
        // A small snapshot is committed with one sync: its blocks and the superblock together.
        // A crash in that sync may leave the superblock without some of them, which opening
        // finds (it checks the newest snapshot's blocks when it was made so) and then opens
        // the one before, intact since it was committed before this one began.
        let one_sync = inner.keep >= 2 && allocated.len() as u64 <= inner.one_sync_blocks;
        // Barrier 1 otherwise: everything the new root reaches is durable before anything
        // points to it.
        if !one_sync {
            if let Err(e) = inner.dev.sync() {
                self.release(&allocated);
                return Err(StoreError::Io {
                    context: "snapshot data sync failed (will be rewritten)".into(),
                    error: e,
                });
            }
        }
        let mut meta = lock(&inner.meta);
        let generation = meta.superblock.generation + 1;
        let record = SnapshotRecord {
            generation,
            root,
            time_ns: job.time_ns,
            pages: nonzero,
            written: pages.len() as u64,
            one_sync,
            pause_us: job.pause_us,
            write_us: micros(job.begun.elapsed()),
        };
        let mut candidates = vec![record];
        candidates.extend(meta.superblock.snapshots.iter().copied());
        let keep = meta.superblock.retention.select(&candidates, job.time_ns, inner.keep);
        let (snapshots, dropped): (Vec<_>, Vec<_>) = candidates.iter().zip(&keep).partition(|(_, &k)| k);
        let snapshots: Vec<SnapshotRecord> = snapshots.into_iter().map(|(s, _)| *s).collect();
        let dropped: Vec<SnapshotRecord> = dropped.into_iter().map(|(s, _)| *s).collect();
        let superblock = Superblock {
            generation,
            address_pages: meta.superblock.address_pages,
            high_water: meta.high_water,
            snapshots,
            retention: meta.superblock.retention.clone(),
        };
        let bytes = superblock.encode();
        let written = inner.dev.write_at(superblock.slot() * BLOCK_SIZE, &bytes[..]);
        // Barrier 2: the commit point (with one sync, the only barrier: a failure is handled as
        // this one's, since the superblock may have reached the disk).
        if let Err(e) = written.and_then(|()| inner.dev.sync()) {
            // Slot g % 2 now holds this superblock, garbage, or what it held before, and may
            // still change until a sync succeeds; slot (g-1) % 2, listing g-1, is intact.
            // `meta.superblock` stays at g-1, so the retry is generation g again and writes
            // slot g % 2 again, never the intact one. Until a commit has overwritten that slot,
            // a restart may open this superblock: what it reaches must stay as written. Its
            // blocks shared with g-1 are retained anyway; the new ones are held back here.
            for block in &allocated {
                meta.cache.remove(block);
            }
            meta.unconfirmed.append(&mut allocated);
            return Err(StoreError::Io {
                context: format!("snapshot {generation}: superblock write or sync failed (will be retried)"),
                error: e,
            });
        }
        meta.superblock = superblock;
        meta.base_root = root;
        meta.base_pages = nonzero;
        meta.deadlists.insert(generation, killed);
        meta.commits_since_open += 1;
        if meta.commits_since_open >= 2 {
            // Both slots are ours now: nothing on disk lists the passed-over snapshots.
            meta.protected.clear();
        }
        let mut freed = self.forget(&mut meta, &candidates, &dropped);
        // Every failed attempt since the last commit was generation g too, in slot g % 2, which
        // now durably holds this commit; the other slot holds g-1. No superblock reaches their
        // blocks any more.
        freed.append(&mut meta.unconfirmed);
        for block in freed {
            meta.cache.remove(&block);
            if let Some(free) = meta.free.as_mut() {
                free.free.insert(block);
            }
        }
        Ok(record)
    }

    /// The blocks that only snapshots in `dropped` used, with the dead lists of the snapshots
    /// kept made to match their new neighbours. `listed` is what the commit chose from (newest
    /// first), of which `dropped` are not kept.
    ///
    /// A snapshot's dead list holds the blocks of the next older kept snapshot that it does not
    /// use. Dropping the oldest frees its successor's dead list. Dropping one between an older
    /// kept O and a newer kept N: of N's dead list (blocks of the dropped one N does not use),
    /// those the dropped one wrote itself are used by no one now and are freed, and the rest
    /// (O's) stay dead in N, with the dropped one's own dead list, O's blocks it did not use.
    fn forget(&self, meta: &mut Meta, listed: &[SnapshotRecord], dropped: &[SnapshotRecord]) -> Vec<u64> {
        let mut alive: Vec<SnapshotRecord> = listed.to_vec();
        let mut freed = Vec::new();
        // Oldest first, so that each drop sees its kept neighbours.
        for gone in dropped.iter().rev() {
            let Some(at) = alive.iter().position(|s| s.generation == gone.generation) else { continue };
            alive.remove(at);
            let newer = at.checked_sub(1).map(|k| alive[k].generation);
            let older = alive.get(at).copied();
            let own_dead = meta.deadlists.remove(&gone.generation).unwrap_or_default();
            let Some(newer) = newer else { continue };
            let newer_dead = meta.deadlists.remove(&newer).unwrap_or_default();
            let Some(older) = older else {
                freed.extend(newer_dead);
                continue;
            };
            let mut written = std::collections::HashSet::new();
            let walked = walk_diff(&*self.inner.dev, gone.root, older.root, self.inner.height - 1, &mut |b| {
                written.insert(b);
            });
            // Unreadable, it frees nothing rather than something still used.
            let (mine, theirs): (Vec<u64>, Vec<u64>) =
                newer_dead.into_iter().partition(|b| walked.is_ok() && written.contains(b));
            freed.extend(mine);
            let mut kept = own_dead;
            kept.extend(theirs);
            meta.deadlists.insert(newer, kept);
        }
        freed
    }

    /// Returns blocks allocated by a failed attempt to the free map.
    fn release(&self, allocated: &[u64]) {
        let mut meta = lock(&self.inner.meta);
        for block in allocated {
            meta.cache.remove(block);
            if let Some(free) = meta.free.as_mut() {
                free.free.insert(*block);
            }
        }
    }

    /// Writes the captured pages and the new page-table nodes; returns the new root, the count
    /// of non-zero pages, and the blocks the new tree no longer uses.
    fn write_pages_and_tree(
        &self,
        job: &Job,
        pages: &[u64],
        allocated: &mut Vec<u64>,
    ) -> Result<(BlockRef, u64, Vec<u64>)> {
        let inner = &*self.inner;
        let mut updates = Vec::with_capacity(pages.len());
        // Room for the pages and the page-table nodes above them.
        let nodes = pages.len() as u64 / 32 + inner.height as u64 * 2 + 2;
        reserve_run(&mut lock(&inner.meta), pages.len() as u64 + nodes);
        const BATCH: usize = 256;
        let mut buf = vec![0u8; pages.len().min(BATCH) * PAGE_SIZE];
        for chunk in pages.chunks(BATCH) {
            for (i, &page) in chunk.iter().enumerate() {
                self.capture(page, job.epoch, &mut buf[i * PAGE_SIZE..(i + 1) * PAGE_SIZE])?;
            }
            let mut writes: Vec<(u64, &[u8])> = Vec::new();
            {
                let mut meta = lock(&inner.meta);
                for (i, &page) in chunk.iter().enumerate() {
                    let data = &buf[i * PAGE_SIZE..(i + 1) * PAGE_SIZE];
                    let entry = if is_zero(data) {
                        BlockRef::ABSENT
                    } else {
                        let block = allocate(&mut meta);
                        allocated.push(block);
                        writes.push((block, data));
                        BlockRef { block, checksum: checksum(data) }
                    };
                    updates.push((page, entry));
                }
            }
            write_runs(&*inner.dev, &writes)?;
        }
        let mut meta = lock(&inner.meta);
        let mut killed = Vec::new();
        let mut node_writes: Vec<(u64, Box<[u8; PAGE_SIZE]>)> = Vec::new();
        let mut nonzero = meta.base_pages as i64;
        let root = meta.base_root;
        let new_root = update_tree(
            inner,
            &mut meta,
            root,
            inner.height - 1,
            &updates,
            &mut TreeUpdate { writes: &mut node_writes, killed: &mut killed, allocated, nonzero: &mut nonzero },
        )?;
        drop(meta);
        let refs: Vec<(u64, &[u8])> = node_writes.iter().map(|(b, d)| (*b, &d[..])).collect();
        write_runs(&*inner.dev, &refs)?;
        Ok((new_root, nonzero.max(0) as u64, killed))
    }

    /// Copies a pending page's contents as of the snapshot's moment.
    fn capture(&self, page: u64, epoch: u32, out: &mut [u8]) -> Result<()> {
        let inner = &*self.inner;
        let s = inner.region.lock(page);
        if let Some(copy) = lock(&inner.side).remove(&page) {
            // The page has moved on to a later epoch; its state must not claim a capture.
            out.copy_from_slice(&copy[..]);
            inner.region.unlock(page, s);
        } else if bits::epoch(s) <= epoch && s & bits::RESIDENT != 0 {
            // SAFETY: one whole page under its lock; writers must take the lock first.
            unsafe { std::ptr::copy_nonoverlapping(inner.region.ptr(page * BLOCK_SIZE), out.as_mut_ptr(), PAGE_SIZE) };
            inner.region.unlock(page, s | bits::CAPTURED);
        } else {
            inner.region.unlock(page, s);
            return Err(StoreError::Invalid(format!("internal error: page {page} changed without a copy")));
        }
        Ok(())
    }

    /// Builds the free map before the first allocation after open: every block below the high
    /// water mark that no retained (or protected) snapshot reaches is free, and the blocks each
    /// retained generation replaced become its deadlist.
    fn ensure_free_map(&self) -> Result<()> {
        let inner = &*self.inner;
        let mut meta = lock(&inner.meta);
        if meta.free.is_some() {
            return Ok(());
        }
        let mut used = HashSet::new();
        let snapshots = meta.superblock.snapshots.clone();
        let height = inner.height;
        // Newest in full; each older one only where it differs from the next newer one.
        if let Some(newest) = snapshots.first() {
            walk_diff(&*inner.dev, newest.root, BlockRef::ABSENT, height - 1, &mut |b| {
                used.insert(b);
            })?;
        }
        for (k, pair) in snapshots.windows(2).enumerate() {
            let (newer, older) = (pair[0], pair[1]);
            let mut dead = Vec::new();
            let walked = walk_diff(&*inner.dev, older.root, newer.root, height - 1, &mut |b| {
                used.insert(b);
                dead.push(b);
            });
            if walked.is_err() {
                // An older snapshot that can no longer be read: opening passed over a newer
                // commit (its superblock was damaged) after which this one's blocks were reused.
                // It is lost; stop retaining it and anything older, rather than fail every
                // snapshot from now on. What could be read of it stays marked used.
                meta.superblock.snapshots.truncate(k + 1);
                break;
            }
            meta.deadlists.insert(newer.generation, dead);
        }
        for root in meta.protected.clone() {
            // Best effort: a damaged passed-over snapshot protects what can still be read of it.
            let _ = walk_diff(&*inner.dev, root, BlockRef::ABSENT, height - 1, &mut |b| {
                used.insert(b);
            });
        }
        let free = (FIRST_DATA_BLOCK..meta.high_water).filter(|b| !used.contains(b)).collect();
        meta.free = Some(FreeMap { free });
        Ok(())
    }
}

/// The background snapshot writer; stops (after finishing a begun snapshot) when dropped.
pub struct Writer {
    store: Store,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Writer {
    fn drop(&mut self) {
        lock(&self.store.inner.jobs).shutdown = true;
        self.store.inner.jobs_cv.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn allocate(meta: &mut Meta) -> u64 {
    if let Some((next, end)) = meta.run {
        if next < end {
            let in_run = meta.free.as_ref().and_then(|f| f.free.range(next..end).next().copied());
            if let Some(block) = in_run {
                meta.free.as_mut().expect("a free map").free.remove(&block);
                meta.run = Some((block + 1, end));
                return block;
            }
            if next >= meta.high_water {
                meta.run = Some((next + 1, end));
                meta.high_water = next + 1;
                return next;
            }
        }
    }
    if let Some(block) = meta.free.as_mut().and_then(|f| f.free.pop_first()) {
        return block;
    }
    meta.high_water += 1;
    meta.high_water - 1
}

/// Free blocks examined when looking for a run; beyond them a snapshot takes what it finds.
const RUN_SEARCH: usize = 1 << 16;

/// Chooses where a snapshot of about `n` blocks goes: the lowest run of `n` free blocks, or
/// the end of the image (see `RUNS_FROM`). Blocks written in one run
/// reach the disk in one request, and a snapshot's sync waits for every request: scattered
/// blocks can make it several times slower. Otherwise (free space fragmented) the lowest free
/// blocks, as without a run.
fn reserve_run(meta: &mut Meta, n: u64) {
    meta.run = None;
    let Some(free) = meta.free.as_ref() else { return };
    if meta.high_water < RUNS_FROM {
        return;
    }
    let (mut start, mut len) = (0, 0);
    for &b in free.free.iter().take(RUN_SEARCH) {
        if len > 0 && b == start + len {
            len += 1;
        } else {
            (start, len) = (b, 1);
        }
        if len >= n {
            meta.run = Some((start, start + n));
            return;
        }
    }
    // A run ending at the high-water mark continues past it.
    if len > 0 && start + len == meta.high_water {
        meta.run = Some((start, start + n));
        return;
    }
    if (free.free.len() as u64) * 4 < meta.high_water {
        meta.run = Some((meta.high_water, meta.high_water + n));
    }
}

/// Images from this many blocks (4 MiB) up place snapshots in runs, and may grow to keep up
/// to a quarter of themselves free for them; smaller ones take the lowest free blocks.
const RUNS_FROM: u64 = 1024;

/// Writes blocks, merging runs of consecutive block numbers into single writes.
fn write_runs(dev: &dyn BlockDevice, writes: &[(u64, &[u8])]) -> Result<()> {
    let mut sorted: Vec<&(u64, &[u8])> = writes.iter().collect();
    sorted.sort_by_key(|(b, _)| *b);
    let mut run: Vec<u8> = Vec::new();
    let mut run_start = 0;
    let flush = |start: u64, run: &mut Vec<u8>| -> Result<()> {
        if !run.is_empty() {
            dev.write_at(start * BLOCK_SIZE, run).map_err(io_err("cannot write snapshot blocks"))?;
            run.clear();
        }
        Ok(())
    };
    for (block, data) in sorted {
        let contiguous = !run.is_empty() && run_start + (run.len() / PAGE_SIZE) as u64 == *block;
        if !contiguous || run.len() >= 1 << 20 {
            flush(run_start, &mut run)?;
            run_start = *block;
        }
        run.extend_from_slice(data);
    }
    flush(run_start, &mut run)
}

/// Reads a block and checks it against its reference.
fn read_block(dev: &dyn BlockDevice, entry: BlockRef, buf: &mut [u8]) -> Result<()> {
    let offset = entry
        .block
        .checked_mul(BLOCK_SIZE)
        .ok_or_else(|| StoreError::Corrupt(format!("block number {} is impossible", entry.block)))?;
    dev.read_at(offset, buf).map_err(|e| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            StoreError::Corrupt(format!("block {} lies beyond the end of the image (truncated?)", entry.block))
        } else {
            StoreError::Io { context: format!("cannot read block {}", entry.block), error: e }
        }
    })?;
    if checksum(buf) != entry.checksum {
        return Err(StoreError::Corrupt(format!("block {} fails its checksum", entry.block)));
    }
    Ok(())
}

fn read_node(dev: &dyn BlockDevice, entry: BlockRef) -> Result<Node> {
    if entry.is_absent() {
        return Ok(Node::empty());
    }
    let mut buf = vec![0u8; PAGE_SIZE];
    read_block(dev, entry, &mut buf)?;
    Ok(Node::decode(&buf))
}

fn cached_node(inner: &Inner, meta: &mut Meta, entry: BlockRef) -> Result<Arc<Node>> {
    if entry.is_absent() {
        return Ok(Arc::new(Node::empty()));
    }
    if let Some(node) = meta.cache.get(&entry.block) {
        return Ok(node.clone());
    }
    let node = Arc::new(read_node(&*inner.dev, entry)?);
    // A bounded cache: the hot upper levels are re-read cheaply after a reset.
    if meta.cache.len() >= 4096 {
        meta.cache.clear();
    }
    meta.cache.insert(entry.block, node.clone());
    Ok(node)
}

fn child_index(page: u64, level: u32) -> usize {
    ((page >> (level * FANOUT_BITS)) as usize) & (FANOUT - 1)
}

/// The entry of a page in the tree under `root`.
fn lookup(inner: &Inner, meta: &mut Meta, root: BlockRef, page: u64) -> Result<BlockRef> {
    let mut entry = root;
    for level in (0..inner.height).rev() {
        if entry.is_absent() {
            return Ok(BlockRef::ABSENT);
        }
        let node = cached_node(inner, meta, entry)?;
        entry = node.entries[child_index(page, level)];
    }
    Ok(entry)
}

struct TreeUpdate<'a> {
    writes: &'a mut Vec<(u64, Box<[u8; PAGE_SIZE]>)>,
    killed: &'a mut Vec<u64>,
    allocated: &'a mut Vec<u64>,
    nonzero: &'a mut i64,
}

/// Copy-on-write update of the subtree at `entry` (a node at `level`; 0 = leaf) with sorted
/// `(page, new entry)` updates. Returns the new subtree reference.
fn update_tree(
    inner: &Inner,
    meta: &mut Meta,
    entry: BlockRef,
    level: u32,
    updates: &[(u64, BlockRef)],
    out: &mut TreeUpdate,
) -> Result<BlockRef> {
    let mut node = (*cached_node(inner, meta, entry)?).clone();
    if level == 0 {
        for &(page, new) in updates {
            let slot = &mut node.entries[child_index(page, 0)];
            if !slot.is_absent() {
                out.killed.push(slot.block);
                *out.nonzero -= 1;
            }
            if !new.is_absent() {
                *out.nonzero += 1;
            }
            *slot = new;
        }
    } else {
        let mut start = 0;
        while start < updates.len() {
            let index = child_index(updates[start].0, level);
            let end = start + updates[start..].iter().take_while(|(p, _)| child_index(*p, level) == index).count();
            let child = node.entries[index];
            node.entries[index] = update_tree(inner, meta, child, level - 1, &updates[start..end], out)?;
            start = end;
        }
    }
    if !entry.is_absent() {
        out.killed.push(entry.block);
    }
    if node.entries.iter().all(|e| e.is_absent()) {
        return Ok(BlockRef::ABSENT);
    }
    let bytes = node.encode();
    let block = allocate(meta);
    out.allocated.push(block);
    let new = BlockRef { block, checksum: checksum(&bytes[..]) };
    meta.cache.insert(block, Arc::new(node));
    out.writes.push((block, bytes));
    Ok(new)
}

/// Visits every block of the tree at `entry` that is not at the same position in the tree at
/// `other` (pass ABSENT to visit all). Blocks are written for one position only, so equal
/// entries mean a shared subtree.
fn walk_diff(
    dev: &dyn BlockDevice,
    entry: BlockRef,
    other: BlockRef,
    level: u32,
    visit: &mut dyn FnMut(u64),
) -> Result<()> {
    if entry.is_absent() || entry == other {
        return Ok(());
    }
    visit(entry.block);
    let node = read_node(dev, entry)?;
    // The snapshot compared against may have had its blocks reused since (its superblock was
    // superseded by one now lost): then nothing is shared, and everything below is checked.
    let other_node =
        if other.is_absent() { Node::empty() } else { read_node(dev, other).unwrap_or_else(|_| Node::empty()) };
    for (mine, theirs) in node.entries.iter().zip(other_node.entries.iter()) {
        if mine.is_absent() || mine == theirs {
            continue;
        }
        if level == 0 {
            visit(mine.block);
        } else {
            walk_diff(dev, *mine, *theirs, level - 1, visit)?;
        }
    }
    Ok(())
}

/// Checks every node and page of the tree at `entry` that is not at the same position in the
/// tree at `other`: what one snapshot wrote, against the one before it.
fn verify_diff(dev: &dyn BlockDevice, entry: BlockRef, other: BlockRef, level: u32) -> Result<()> {
    if entry.is_absent() || entry == other {
        return Ok(());
    }
    let node = read_node(dev, entry)?;
    // The snapshot compared against may have had its blocks reused since (its superblock was
    // superseded by one now lost): then nothing is shared, and everything below is checked.
    let other_node =
        if other.is_absent() { Node::empty() } else { read_node(dev, other).unwrap_or_else(|_| Node::empty()) };
    let mut buf = vec![0u8; PAGE_SIZE];
    for (mine, theirs) in node.entries.iter().zip(other_node.entries.iter()) {
        if mine.is_absent() || mine == theirs {
            continue;
        }
        if level == 0 {
            read_block(dev, *mine, &mut buf)?;
        } else {
            verify_diff(dev, *mine, *theirs, level - 1)?;
        }
    }
    Ok(())
}

/// Snapshots of at most this many blocks (pages and page-table nodes; 4 MiB) are committed
/// with one sync by default; opening checks at most that many blocks for the newest of them.
pub const ONE_SYNC_BLOCKS: u64 = 1024;

/// Checks a whole tree: every node, and every page when `pages` is set. Returns the number of
/// non-zero pages.
pub(crate) fn verify_tree(dev: &dyn BlockDevice, root: BlockRef, height: u32, pages: bool) -> Result<u64> {
    fn walk(
        dev: &dyn BlockDevice,
        entry: BlockRef,
        level: u32,
        pages: bool,
        count: &mut u64,
        buf: &mut [u8],
    ) -> Result<()> {
        if entry.is_absent() {
            return Ok(());
        }
        let node = read_node(dev, entry)?;
        for e in node.entries.iter().filter(|e| !e.is_absent()) {
            if level == 0 {
                *count += 1;
                if pages {
                    read_block(dev, *e, buf)?;
                }
            } else {
                walk(dev, *e, level - 1, pages, count, buf)?;
            }
        }
        Ok(())
    }
    let mut count = 0;
    walk(dev, root, height - 1, pages, &mut count, &mut vec![0u8; PAGE_SIZE])?;
    Ok(count)
}

/// Reads both superblock slots of a device: each slot's superblock or why it is unusable.
pub(crate) fn read_slots(dev: &dyn BlockDevice) -> [std::result::Result<Superblock, String>; 2] {
    [0u64, 1].map(|slot| {
        let mut buf = vec![0u8; PAGE_SIZE];
        dev.read_at(slot * BLOCK_SIZE, &mut buf)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|()| Superblock::decode(&buf).map_err(|e: SuperblockError| e.to_string()))
    })
}
