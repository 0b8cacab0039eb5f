//! The object heap: objects laid out in 8-byte words of a [`Memory`] region.
//!
//! Layout of an object at offset `o` (8-aligned, never 0):
//! - word 0: class id (low 32 bits) and [`Kind`] (bits 32..40); in array storage, bit 40 marks
//!   a directory; in a free block, bit 48 says its pages were released; in any other object,
//!   bits 41..48 and 49..64 hold its satellite index (0: none; see [`Heap::satellite`]);
//! - word 1: payload length (slots for slot kinds, bytes for byte kinds);
//! - words 2..: payload.
//!
//! Word 0 of the region is a magic number, word 1 the allocation pointer and word 2 the root
//! object (the system object, see `image`), so that a heap in persistent memory can be found
//! again; word 3 holds the bytes the last collection left live (0 before the first), so that a
//! reopened heap knows when to collect; word 4 the most bytes the heap may take (0 in heaps
//! made before it was kept: the whole region); objects start at offset 64.
//!
//! While a collection cycle marks (`gc`), every reference store shades the reference it
//! overwrites (a deletion barrier) and new objects are born marked, so that everything
//! reachable when the cycle began gets marked though the threads keep running. The sweep that
//! follows frees unmarked blocks a span at a time; allocation sweeps on before it grows the
//! heap.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use crate::marks::{Marks, BYTES_PER_MARK_WORD};
use crate::value::Value;

/// A memory error: fatal to the VM (a damaged or unreadable image, or exhaustion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryError(pub String);

/// How an exhausted heap's error begins (see [`MemoryError::is_exhaustion`]), and what the VM
/// throws to a program then.
pub(crate) const OUT_OF_MEMORY: &str = "out of heap memory";

impl MemoryError {
    /// Whether the heap ran out (the VM throws that to the program), rather than the memory
    /// being damaged or unreadable (fatal).
    pub fn is_exhaustion(&self) -> bool {
        self.0.starts_with(OUT_OF_MEMORY)
    }
}

impl std::fmt::Display for MemoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The region the heap lives in: word-addressed loads and stores at 8-aligned byte offsets.
/// The persistent store implements it; [`PlainMemory`] is an in-process region.
pub trait Memory: Send + Sync {
    /// Size in bytes.
    fn size(&self) -> u64;
    fn load(&self, addr: u64) -> Result<u64, MemoryError>;
    fn store(&self, addr: u64, value: u64) -> Result<(), MemoryError>;

    /// Stores zero in `words` words from `addr`.
    fn zero(&self, addr: u64, words: u64) -> Result<(), MemoryError> {
        (0..words).try_for_each(|w| self.store(addr + w * 8, 0))
    }

    /// Moves the contents out if this is a [`PlainMemory`], so that the heap can reach its
    /// words without a dynamic call per access.
    fn take_plain(&mut self) -> Option<PlainMemory> {
        None
    }

    /// The store, if this is one (for the same reason).
    fn as_store(&self) -> Option<phantom_store::Store> {
        None
    }
}

/// Memory held by this process only, as atomic words (so concurrent VM threads never race in
/// the Rust sense).
pub struct PlainMemory {
    words: Box<[AtomicU64]>,
}

impl PlainMemory {
    /// The `words` words from byte `addr`, if they are all inside.
    fn span(&self, addr: u64, words: usize, what: &str) -> Result<&[AtomicU64], MemoryError> {
        let start = (addr / 8) as usize;
        self.words.get(start..start + words).ok_or_else(|| MemoryError(format!("{what} outside the heap at {addr:#x}")))
    }

    pub fn new(bytes: u64) -> PlainMemory {
        // Zeroed allocation: the OS hands out zero pages lazily, so an unused heap costs nothing.
        let words = Box::<[AtomicU64]>::new_zeroed_slice((bytes / 8) as usize);
        // SAFETY: an all-zero bit pattern is a valid AtomicU64.
        PlainMemory { words: unsafe { words.assume_init() } }
    }
}

impl Memory for PlainMemory {
    fn size(&self) -> u64 {
        self.words.len() as u64 * 8
    }

    #[inline(always)]
    fn load(&self, addr: u64) -> Result<u64, MemoryError> {
        match self.words.get((addr / 8) as usize) {
            Some(w) => Ok(w.load(Ordering::Relaxed)),
            None => Err(MemoryError(format!("load outside the heap at {addr:#x}"))),
        }
    }

    #[inline(always)]
    fn store(&self, addr: u64, value: u64) -> Result<(), MemoryError> {
        match self.words.get((addr / 8) as usize) {
            Some(w) => {
                w.store(value, Ordering::Relaxed);
                Ok(())
            }
            None => Err(MemoryError(format!("store outside the heap at {addr:#x}"))),
        }
    }

    fn take_plain(&mut self) -> Option<PlainMemory> {
        Some(PlainMemory { words: std::mem::take(&mut self.words) })
    }

    fn zero(&self, addr: u64, words: u64) -> Result<(), MemoryError> {
        self.span(addr, words as usize, "store")?.iter().for_each(|w| w.store(0, Ordering::Relaxed));
        Ok(())
    }
}

/// What an object's payload holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// Value slots: fields of plain objects, elements of array storage.
    Slots = 0,
    /// Raw bytes: strings, binaries.
    Bytes = 1,
}

const HEAP_MAGIC: u64 = u64::from_le_bytes(*b"PHHEAP01");
/// Where the root object's offset is kept.
const ROOT_WORD: u64 = 16;
/// Where the bytes live after the last collection are kept.
const LIVE_WORD: u64 = 24;
/// Where the heap's size limit is kept.
const LIMIT_WORD: u64 = 32;
pub(crate) const FIRST_OBJECT: u64 = 64;
/// Live bytes below which no collection is wanted, however fast the heap grows.
const MIN_GC_THRESHOLD: u64 = 8 << 20;
const HEADER_WORDS: u64 = 2;
/// The class id of a free block (its length word gives its payload words).
pub(crate) const FREE: ClassId = u32::MAX;
/// In a free block's header word: the whole pages inside it were given back to the region
/// (zeroed, which a persistent store keeps as holes rather than blocks on disk).
const RELEASED: u64 = 1 << 48;
/// In an array storage's header word: the storage is a directory of leaves (see
/// [`LEAF_SLOTS`]) rather than the elements themselves.
const DIRECTORY: u64 = 1 << 40;
/// Where an object's satellite index lives in its header word: 7 bits from 41, 15 from 49
/// (bit 48 is a free block's).
const SATELLITE_LOW_SHIFT: u64 = 41;
const SATELLITE_HIGH_SHIFT: u64 = 49;
const SATELLITE_BITS: u64 = 0x7F << SATELLITE_LOW_SHIFT | 0x7FFF << SATELLITE_HIGH_SHIFT;
/// Satellite indexes are below this (22 bits).
pub const MAX_SATELLITE: u32 = 1 << 22;
/// Array storage beyond this many elements is a directory of leaves of this many, so that an
/// array grows by adding leaves: no growth copies more than a leaf or the directory, and no
/// instruction holds up a safepoint for long whatever the array's size.
pub(crate) const LEAF_SLOTS: u64 = 1 << 16;
/// Free blocks at least this large give their inner pages back.
const RELEASE_MIN: u64 = 64 << 10;
/// The region's page size, for giving pages back.
const PAGE: u64 = 4096;

pub type ClassId = u32;

/// Blocks of at most this many words (header included) are bump-allocated from the allocating
/// host thread's chunk; larger ones are placed under the heap lock.
const SMALL_WORDS: u64 = 256;
/// Words a chunk takes at most (32 KiB).
const CHUNK_WORDS: u64 = 4096;
/// Bytes of heap an allocation that finds no room sweeps before it looks again, and how many
/// times it does before it takes fresh memory instead.
const SWEEP_STEP: u64 = 64 << 10;
const SWEEP_STEPS_PER_ALLOCATION: u32 = 4;

/// A span of free memory one host thread allocates small objects from without taking the heap
/// lock. Its unallocated rest `next..end` always carries a free-block header, so the heap stays
/// parseable (for the sweep, and in every snapshot) without the thread's cooperation.
#[derive(Clone, Copy)]
struct Chunk {
    /// The heap's chunk generation it was handed out in; any other value makes it stale.
    generation: u64,
    next: u64,
    end: u64,
}

/// This host thread's chunk, a cell per field: the hot path reads and writes single words (a
/// whole-struct copy would be read back wider than it was written, which stalls the load).
struct ChunkCell {
    generation: Cell<u64>,
    next: Cell<u64>,
    end: Cell<u64>,
}

impl ChunkCell {
    fn get(&self) -> Chunk {
        Chunk { generation: self.generation.get(), next: self.next.get(), end: self.end.get() }
    }

    fn set(&self, chunk: Chunk) {
        self.generation.set(chunk.generation);
        self.next.set(chunk.next);
        self.end.set(chunk.end);
    }
}

thread_local! {
    static CHUNK: ChunkCell =
        const { ChunkCell { generation: Cell::new(0), next: Cell::new(0), end: Cell::new(0) } };
}

/// Chunk generations, unique across every heap of the process, so that a chunk of one heap is
/// never taken for one of another.
static CHUNK_GENERATIONS: AtomicU64 = AtomicU64::new(1);

/// The free blocks of one size: a stack in segments of bounded size, so that listing millions
/// of blocks (a sweep of a heap riddled with small garbage) never copies a long vector while
/// the allocating threads wait for the lock.
#[derive(Default)]
pub(crate) struct SameSize {
    segments: Vec<Vec<u64>>,
}

const SEGMENT: usize = 4096;

impl FreeLists {
    fn list(&mut self, at: u64, bytes: u64) {
        self.blocks.entry(bytes / 8).or_default().push(at);
        self.bytes += bytes;
    }
}

impl SameSize {
    fn push(&mut self, at: u64) {
        match self.segments.last_mut() {
            Some(segment) if segment.len() < SEGMENT => segment.push(at),
            _ => {
                let mut segment = Vec::with_capacity(SEGMENT);
                segment.push(at);
                self.segments.push(segment);
            }
        }
    }

    fn pop(&mut self) -> Option<u64> {
        let segment = self.segments.last_mut()?;
        let at = segment.pop();
        if segment.is_empty() {
            self.segments.pop();
        }
        at
    }

    fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

/// Free blocks by size in words (header included), smallest first.
#[derive(Default)]
pub(crate) struct FreeLists {
    pub blocks: BTreeMap<u64, SameSize>,
    pub bytes: u64,
}

/// The heap's region: in-process memory is matched directly (the interpreter's hot paths load
/// and store through here), anything else through the trait.
enum Region {
    Plain(PlainMemory),
    Store(phantom_store::Store),
    Other(Box<dyn Memory>),
}

impl Region {
    fn of(mut memory: Box<dyn Memory>) -> Region {
        if let Some(store) = memory.as_store() {
            return Region::Store(store);
        }
        match memory.take_plain() {
            Some(plain) => Region::Plain(plain),
            None => Region::Other(memory),
        }
    }
}

fn store_error(e: phantom_store::StoreError) -> MemoryError {
    MemoryError(e.to_string())
}

impl Region {
    #[inline]
    fn size(&self) -> u64 {
        match self {
            Region::Plain(m) => m.size(),
            Region::Store(m) => phantom_store::Store::size(m),
            Region::Other(m) => m.size(),
        }
    }

    #[inline(always)]
    fn load(&self, addr: u64) -> Result<u64, MemoryError> {
        match self {
            Region::Plain(m) => m.load(addr),
            Region::Store(m) => m.load_word(addr).map_err(store_error),
            Region::Other(m) => m.load(addr),
        }
    }

    #[inline(always)]
    fn store(&self, addr: u64, value: u64) -> Result<(), MemoryError> {
        match self {
            Region::Plain(m) => m.store(addr, value),
            Region::Store(m) => m.store_word(addr, value).map_err(store_error),
            Region::Other(m) => m.store(addr, value),
        }
    }

    /// Fills `buf` (a whole number of words) from the words at `addr`.
    fn read_words(&self, addr: u64, buf: &mut [u8]) -> Result<(), MemoryError> {
        match self {
            Region::Plain(m) => {
                let words = m.span(addr, buf.len() / 8, "load")?;
                for (chunk, word) in buf.chunks_exact_mut(8).zip(words) {
                    chunk.copy_from_slice(&word.load(Ordering::Relaxed).to_le_bytes());
                }
                Ok(())
            }
            Region::Store(m) => m.read(addr, buf).map_err(store_error),
            Region::Other(m) => buf.chunks_exact_mut(8).enumerate().try_for_each(|(k, chunk)| {
                chunk.copy_from_slice(&m.load(addr + k as u64 * 8)?.to_le_bytes());
                Ok(())
            }),
        }
    }

    /// Stores `data` (a whole number of words) into the words from `addr`.
    fn write_words(&self, addr: u64, data: &[u8]) -> Result<(), MemoryError> {
        match self {
            Region::Plain(m) => {
                for (chunk, word) in data.chunks_exact(8).zip(m.span(addr, data.len() / 8, "store")?) {
                    word.store(u64::from_le_bytes(chunk.try_into().expect("eight bytes")), Ordering::Relaxed);
                }
                Ok(())
            }
            Region::Store(m) => m.write(addr, data).map_err(store_error),
            Region::Other(m) => data.chunks_exact(8).enumerate().try_for_each(|(k, chunk)| {
                m.store(addr + k as u64 * 8, u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
            }),
        }
    }

    #[inline]
    fn zero(&self, addr: u64, words: u64) -> Result<(), MemoryError> {
        match self {
            Region::Plain(m) => m.zero(addr, words),
            Region::Store(m) => m.zero(addr, words * 8).map_err(store_error),
            Region::Other(m) => m.zero(addr, words),
        }
    }
}

pub struct Heap {
    memory: Region,
    /// End of the used part of the region; mirrored into heap word 1.
    top: AtomicU64,
    pub(crate) free: Mutex<FreeLists>,
    /// Set when occupancy passes the collection threshold.
    pub(crate) gc_wanted: AtomicBool,
    /// Bytes in use at which the next collection is wanted: twice what the last one left
    /// live, at least [`MIN_GC_THRESHOLD`], at most three quarters of the region (a
    /// persistent region is a terabyte of address space, so a fixed fraction alone would
    /// never collect).
    gc_threshold: AtomicU64,
    /// Generation of the chunks handed out since the last sweep (which reclaims them all).
    chunk_generation: AtomicU64,
    /// The most bytes the heap may take: allocation beyond it is exhaustion.
    limit: u64,
    /// Set when an allocation failed: a full collection is due before the thread goes on.
    pub(crate) gc_urgent: AtomicBool,
    /// Set when a cycle runs late: the heap half as full again as when it was wanted. The
    /// threads then help (see `gc`).
    pub(crate) gc_behind: AtomicBool,
    /// Full collections so far (a thread that ran out retries only after one).
    pub(crate) full_collections: AtomicU64,
    pub(crate) marks: Marks,
    /// Set while a cycle marks: the deletion barrier and allocating marked are on.
    marking: AtomicBool,
    /// The top when marking began: blocks above it are younger than the cycle, which neither
    /// marks nor sweeps them.
    mark_limit: AtomicU64,
    /// Objects the barrier shaded, for the marker to scan.
    pub(crate) grey: Mutex<Vec<u64>>,
    /// Set while a sweep is in progress.
    sweeping: AtomicBool,
    pub(crate) sweep: Mutex<Sweep>,
}

/// A sweep in progress: blocks below `cursor` are swept, blocks up to `limit` are not yet.
#[derive(Default)]
pub(crate) struct Sweep {
    cursor: u64,
    limit: u64,
    /// Where the run of dead or free blocks that ends at the cursor began.
    run: Option<u64>,
    /// The bitmap is clear below this.
    cleared: u64,
}

/// The most of a region of `size` bytes in use before a collection is wanted (unless little
/// headroom is left beyond what is live).
fn most_before_collecting(size: u64) -> u64 {
    size / 4 * 3
}

/// Whole words a block takes: header plus payload, rounded up to an even number so that any
/// split of a free block leaves room for a header.
pub(crate) fn block_words(kind_bits: u64, len: u64) -> u64 {
    let payload = if kind_bits == Kind::Bytes as u64 { len.div_ceil(8) } else { len };
    (HEADER_WORDS + payload).next_multiple_of(2)
}

impl Heap {
    /// Formats a fresh heap in `memory`, which it may fill.
    pub fn new(memory: Box<dyn Memory>) -> Result<Heap, MemoryError> {
        let size = memory.size();
        Heap::with_limit(memory, size)
    }

    /// Formats a fresh heap in `memory` that takes at most `limit` bytes of it (kept in the
    /// heap, so that a reopened one keeps it).
    pub fn with_limit(memory: Box<dyn Memory>, limit: u64) -> Result<Heap, MemoryError> {
        let memory = Region::of(memory);
        let limit = limit.min(memory.size());
        if limit < 4096 {
            return Err(MemoryError(format!("a heap of {limit} bytes is too small")));
        }
        memory.store(0, HEAP_MAGIC)?;
        memory.store(8, FIRST_OBJECT)?;
        memory.store(ROOT_WORD, 0)?;
        memory.store(LIVE_WORD, 0)?;
        memory.store(LIMIT_WORD, limit)?;
        Ok(Heap::with_top(memory, FIRST_OBJECT, limit))
    }

    /// Whether `memory` holds a heap formatted by [`Heap::new`].
    pub fn is_formatted(memory: &dyn Memory) -> bool {
        memory.load(0).is_ok_and(|w| w == HEAP_MAGIC)
    }

    /// Opens the heap a region already holds. Free blocks are not listed until the next
    /// collection sweeps them (allocation meanwhile comes from the top), so opening costs
    /// nothing whatever the heap's size. With `new_limit`, the heap may take that many bytes
    /// from now on (kept in the heap), but never less than it holds.
    pub fn open(memory: Box<dyn Memory>, new_limit: Option<u64>) -> Result<Heap, MemoryError> {
        let magic = memory.load(0)?;
        if magic != HEAP_MAGIC {
            return Err(MemoryError(format!("no Phantom heap here (magic {magic:#018x})")));
        }
        let top = memory.load(8)?;
        if top < FIRST_OBJECT || top > memory.size() || top % 8 != 0 {
            return Err(MemoryError(format!("damaged heap: allocation pointer {top:#x}")));
        }
        let live = memory.load(LIVE_WORD)?;
        let kept = match memory.load(LIMIT_WORD)? {
            0 => memory.size(),
            limit => limit,
        };
        let limit = new_limit.unwrap_or(kept).max(top).min(memory.size());
        if limit != kept {
            memory.store(LIMIT_WORD, limit)?;
        }
        let heap = Heap::with_top(Region::of(memory), top, limit);
        // Until a sweep lists the free blocks, everything below the top counts as in use. So
        // the next collection comes once as much is allocated again as a running heap would
        // allow after its last collection: not at once (a heap larger than a fresh one's
        // threshold), and not only after the heap doubled (which every restart would repeat).
        let allowance = live.max(MIN_GC_THRESHOLD.saturating_sub(live));
        heap.gc_threshold.store(top.saturating_add(allowance).min(most_before_collecting(limit)), Ordering::Relaxed);
        Ok(heap)
    }

    fn with_top(memory: Region, top: u64, limit: u64) -> Heap {
        let threshold = MIN_GC_THRESHOLD.min(most_before_collecting(limit));
        Heap {
            memory,
            top: AtomicU64::new(top),
            free: Mutex::new(FreeLists::default()),
            gc_wanted: AtomicBool::new(false),
            gc_threshold: AtomicU64::new(threshold),
            chunk_generation: AtomicU64::new(CHUNK_GENERATIONS.fetch_add(1, Ordering::Relaxed)),
            limit,
            gc_urgent: AtomicBool::new(false),
            full_collections: AtomicU64::new(0),
            gc_behind: AtomicBool::new(false),
            marks: Marks::new(limit),
            marking: AtomicBool::new(false),
            mark_limit: AtomicU64::new(0),
            grey: Mutex::new(Vec::new()),
            sweeping: AtomicBool::new(false),
            sweep: Mutex::new(Sweep::default()),
        }
    }

    /// The root object: where everything that outlives the process is reachable from.
    pub fn root(&self) -> Result<Value, MemoryError> {
        Ok(Value(self.memory.load(ROOT_WORD)?))
    }

    pub fn set_root(&self, root: Value) -> Result<(), MemoryError> {
        self.memory.store(ROOT_WORD, root.0)
    }

    /// After a collection left `live` bytes: the next is wanted when twice as much is in use.
    /// The figure is kept in the heap for when it is reopened.
    pub(crate) fn set_gc_threshold(&self, live: u64) -> Result<(), MemoryError> {
        let size = self.limit;
        let mut threshold = (live * 2).max(MIN_GC_THRESHOLD);
        if threshold > most_before_collecting(size) {
            // Nearly full: keep half of what is free as headroom, so that a collection does
            // not come again at once.
            threshold = most_before_collecting(size).max(live + (size.saturating_sub(live)) / 2);
        }
        self.gc_threshold.store(threshold, Ordering::Relaxed);
        self.memory.store(LIVE_WORD, live)
    }

    /// Bytes in live objects and garbage not yet collected.
    pub fn used(&self) -> u64 {
        self.top.load(Ordering::Relaxed) - self.free.lock().unwrap_or_else(|e| e.into_inner()).bytes
    }

    /// The most bytes the heap may take.
    pub fn capacity(&self) -> u64 {
        self.limit
    }

    /// Bytes from the heap's start to its top: what it takes of its region.
    pub fn top(&self) -> u64 {
        self.top.load(Ordering::Relaxed)
    }

    pub(crate) fn set_top(&self, top: u64) -> Result<(), MemoryError> {
        self.top.store(top, Ordering::Relaxed);
        self.memory.store(8, top)
    }

    /// Size in bytes of the block at `at`, from its header.
    #[inline]
    pub(crate) fn block_bytes(&self, at: u64) -> Result<u64, MemoryError> {
        let header = self.memory.load(at)?;
        let len = self.memory.load(at + 8)?;
        Ok(block_words(header >> 32 & 0xFF, len) * 8)
    }

    /// Turns `bytes` at `at` into a free block and lists it.
    pub(crate) fn make_free(&self, free: &mut FreeLists, at: u64, bytes: u64) -> Result<(), MemoryError> {
        self.format_free(at, bytes)?;
        free.list(at, bytes);
        Ok(())
    }

    /// Writes a free block's header over `bytes` at `at`. A block already free with that size
    /// is left untouched: in persistent memory a store dirties its page, and a sweep must not
    /// make the next snapshot rewrite free space that did not change. A large block in
    /// persistent memory gives its inner pages back first.
    fn format_free(&self, at: u64, bytes: u64) -> Result<(), MemoryError> {
        let words = bytes / 8;
        let release = bytes >= RELEASE_MIN && matches!(self.memory, Region::Store(_));
        let header = FREE as u64 | if release { RELEASED } else { 0 };
        if self.memory.load(at)? != header || self.memory.load(at + 8)? != words - HEADER_WORDS {
            if release {
                self.release_pages(at + HEADER_WORDS * 8, at + bytes)?;
            }
            self.memory.store(at, header)?;
            self.memory.store(at + 8, words - HEADER_WORDS)?;
        }
        Ok(())
    }

    /// Zeroes the whole pages in `[from, to)`: a persistent store keeps a zero page as a hole,
    /// so the disk blocks the pages held are reused by the next snapshots.
    fn release_pages(&self, from: u64, to: u64) -> Result<(), MemoryError> {
        let (first, end) = (from.next_multiple_of(PAGE), to / PAGE * PAGE);
        if first < end && matches!(self.memory, Region::Store(_)) {
            self.memory.zero(first, (end - first) / 8)?;
        }
        Ok(())
    }

    /// A block just allocated: while a cycle marks, it is born marked (it was not there to be
    /// reachable when the cycle began, and is not to be swept at its end).
    #[inline(always)]
    fn born(&self, at: u64) {
        if self.marking.load(Ordering::Relaxed) && at < self.mark_limit.load(Ordering::Relaxed) {
            self.marks.set(at);
        }
    }

    /// Marks the object `v` refers to, if the cycle has not, and puts it on the grey list for
    /// the marker to scan.
    #[inline]
    pub(crate) fn shade(&self, v: Value) {
        if let Some(o) = v.object() {
            if (FIRST_OBJECT..self.mark_limit.load(Ordering::Relaxed)).contains(&o) && self.marks.set(o) {
                self.grey.lock().unwrap_or_else(|e| e.into_inner()).push(o);
            }
        }
    }

    /// A reference read from where the collector does not trace (a weak reference) escapes to
    /// a thread: while a cycle marks, it must be marked too.
    pub(crate) fn keep_alive(&self, v: Value) {
        if self.marking.load(Ordering::Relaxed) {
            self.shade(v);
        }
    }

    /// Begins a cycle's marking (at a safepoint, with no sweep in progress): the blocks up to
    /// the top are the cycle's.
    pub(crate) fn begin_marking(&self) {
        self.mark_limit.store(self.top(), Ordering::Relaxed);
        self.marking.store(true, Ordering::Relaxed);
    }

    /// Whether a cycle is marking or sweeping.
    pub(crate) fn in_cycle(&self) -> bool {
        self.marking.load(Ordering::Relaxed) || self.sweeping.load(Ordering::Relaxed)
    }

    /// The top when the cycle began marking.
    pub(crate) fn mark_limit(&self) -> u64 {
        self.mark_limit.load(Ordering::Relaxed)
    }

    /// Ends marking and begins the sweep (at a safepoint). Every chunk is retired and the free
    /// lists are emptied: the sweep lists free space again as it reaches it, coalesced with
    /// the garbage beside it.
    pub(crate) fn begin_sweep(&self) {
        self.marking.store(false, Ordering::Relaxed);
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        self.retire_chunks();
        free.blocks.clear();
        free.bytes = 0;
        let limit = self.mark_limit();
        *self.sweep.lock().unwrap_or_else(|e| e.into_inner()) =
            Sweep { cursor: FIRST_OBJECT, limit, run: None, cleared: 0 };
        self.sweeping.store(true, Ordering::Relaxed);
    }

    /// Sweeps on for about `budget` bytes of heap; true once the sweep is complete. Dead and
    /// free blocks side by side become one free block; garbage at the top lowers it. The
    /// blocks are walked and rewritten without the free lists' lock (nobody else reaches
    /// unswept blocks), which is taken only to list what was found.
    pub(crate) fn sweep_some(&self, sweep: &mut Sweep, budget: u64) -> Result<bool, MemoryError> {
        if !self.sweeping.load(Ordering::Relaxed) {
            return Ok(true);
        }
        let end = sweep.limit.min(sweep.cursor.saturating_add(budget));
        let mut found: Vec<(u64, u64)> = Vec::new();
        let mut walk = || -> Result<(), MemoryError> {
            while sweep.cursor < end {
                let at = sweep.cursor;
                let size = self.block_bytes(at)?;
                if size == 0 || at + size > sweep.limit {
                    return Err(MemoryError(format!("damaged heap: a block of {size} bytes at {at:#x}")));
                }
                if self.marks.get(at) {
                    if let Some(start) = sweep.run.take() {
                        self.format_free(start, at - start)?;
                        found.push((start, at - start));
                    }
                } else {
                    sweep.run.get_or_insert(at);
                }
                sweep.cursor = at + size;
            }
            Ok(())
        };
        let walked = walk();
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        found.into_iter().for_each(|(at, bytes)| free.list(at, bytes));
        if let Err(e) = walked {
            // What is left unswept stays as it is; no mark may outlive the cycle.
            self.marks.clear(0, sweep.limit + BYTES_PER_MARK_WORD);
            self.sweeping.store(false, Ordering::Relaxed);
            return Err(e);
        }
        // The bitmap below the cursor is not read again this cycle.
        let passed = sweep.cursor / BYTES_PER_MARK_WORD * BYTES_PER_MARK_WORD;
        if passed > sweep.cleared {
            self.marks.clear(sweep.cleared, passed);
            sweep.cleared = passed;
        }
        if sweep.cursor < sweep.limit {
            return Ok(false);
        }
        if let Some(start) = sweep.run.take() {
            if self.top() == sweep.limit {
                // Nothing was allocated above the cycle's blocks: the heap ends lower.
                self.release_pages(start, sweep.limit)?;
                self.set_top(start)?;
            } else {
                self.make_free(&mut free, start, sweep.limit - start)?;
            }
        }
        self.marks.clear(sweep.cleared, sweep.limit + BYTES_PER_MARK_WORD);
        self.sweeping.store(false, Ordering::Relaxed);
        Ok(true)
    }

    #[inline]
    pub fn load(&self, addr: u64) -> Result<u64, MemoryError> {
        self.memory.load(addr)
    }

    #[inline]
    pub fn store(&self, addr: u64, value: u64) -> Result<(), MemoryError> {
        self.memory.store(addr, value)
    }

    /// Makes every chunk handed out so far stale. The sweep calls it before it walks the heap,
    /// whose free-block headers make the chunks' rests part of the free space it lists.
    pub(crate) fn retire_chunks(&self) {
        self.chunk_generation.store(CHUNK_GENERATIONS.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
    }

    /// Allocates an object with `words` payload words, zeroed.
    #[inline]
    pub fn alloc(&self, class: ClassId, kind: Kind, len: u64, words: u64) -> Result<Value, MemoryError> {
        debug_assert_eq!(block_words(kind as u64, len), (HEADER_WORDS + words).next_multiple_of(2));
        let total = (HEADER_WORDS + words).next_multiple_of(2);
        if total > SMALL_WORDS {
            return self.alloc_large(class, kind, len, total);
        }
        let (at, end) = CHUNK.with(|chunk| {
            let (mut at, mut end) = (chunk.next.get(), chunk.end.get());
            if chunk.generation.get() != self.chunk_generation.load(Ordering::Relaxed) || end - at < total * 8 {
                let new = self.new_chunk(chunk.get(), total)?;
                chunk.set(new);
                (at, end) = (new.next, new.end);
            }
            chunk.next.set(at + total * 8);
            Ok::<_, MemoryError>((at, end))
        })?;
        // The chunk's memory was zeroed when it was handed out and only headers were written
        // since, each at the next object's place: the payload is zero already.
        self.memory.store(at, class as u64 | (kind as u64) << 32)?;
        self.memory.store(at + 8, len)?;
        let rest = at + total * 8;
        if rest < end {
            self.memory.store(rest, FREE as u64)?;
            self.memory.store(rest + 8, (end - rest) / 8 - HEADER_WORDS)?;
        }
        self.born(at);
        Ok(Value::from_ref(at))
    }

    /// Hands this host thread a new chunk with room for `total` words: the largest free block
    /// (up to a chunk's size) or fresh memory at the top. What was left of its `old` chunk goes
    /// back on the free lists.
    #[cold]
    fn new_chunk(&self, old: Chunk, total: u64) -> Result<Chunk, MemoryError> {
        let mut free = self.lock_free_fitting(total)?;
        let generation = self.chunk_generation.load(Ordering::Relaxed);
        // At most a 64th of the heap: what other threads' chunks hold cannot starve a small one.
        let most = CHUNK_WORDS.min((self.limit / 8 / 64) & !1).max(total);
        let largest = free.blocks.last_key_value().map(|(&size, _)| size).filter(|&size| size >= total);
        let (at, words) = match largest {
            Some(size) => {
                let take = size.min(most);
                (self.take_free(&mut free, size, take)?, take)
            }
            None => {
                let at = self.top.load(Ordering::Relaxed);
                let room = (self.limit.saturating_sub(at) / 8) & !1;
                let words = most.min(room);
                if words < total {
                    // The old chunk stays this thread's: nothing was listed twice.
                    return Err(self.exhausted(&free, total));
                }
                self.set_top(at + words * 8)?;
                (at, words)
            }
        };
        // Only with the new chunk in hand does the old one's rest go back on the lists.
        if old.generation == generation && old.next < old.end {
            self.make_free(&mut free, old.next, old.end - old.next)?;
        }
        self.note_occupancy(&free);
        drop(free);
        self.memory.zero(at, words)?;
        self.memory.store(at, FREE as u64)?;
        self.memory.store(at + 8, words - HEADER_WORDS)?;
        Ok(Chunk { generation, next: at, end: at + words * 8 })
    }

    /// The free lists, locked, once they hold a block of `total` words or no sweep is left. An
    /// allocation that could take fresh memory at the top sweeps a few steps at most (the rest
    /// of the sweep is the collector's: an allocation must not hold its thread for a whole
    /// one); one that could not sweeps until it finds room, since the heap is not full before
    /// its sweep is done.
    fn lock_free_fitting(&self, total: u64) -> Result<std::sync::MutexGuard<'_, FreeLists>, MemoryError> {
        let mut steps = 0;
        loop {
            let free = self.free.lock().unwrap_or_else(|e| e.into_inner());
            if !self.sweeping.load(Ordering::Relaxed) || free.blocks.range(total..).next().is_some() {
                return Ok(free);
            }
            let room_at_top = self.top().saturating_add(total * 8) <= self.limit;
            if room_at_top && steps >= SWEEP_STEPS_PER_ALLOCATION {
                return Ok(free);
            }
            drop(free);
            // Waiting for the collector's step is short, and what it lists is reused rather
            // than the heap grown.
            let mut sweep = self.sweep.lock().unwrap_or_else(|e| e.into_inner());
            self.sweep_some(&mut sweep, SWEEP_STEP)?;
            steps += 1;
        }
    }

    /// Removes a listed free block of `size` words and returns its first `take` words (the
    /// rest is listed again).
    fn take_free(&self, free: &mut FreeLists, size: u64, take: u64) -> Result<u64, MemoryError> {
        let list = free.blocks.get_mut(&size).expect("listed size");
        let at = list.pop().expect("non-empty list");
        if list.is_empty() {
            free.blocks.remove(&size);
        }
        free.bytes -= size * 8;
        if size > take {
            self.make_free(free, at + take * 8, (size - take) * 8)?;
        }
        Ok(at)
    }

    fn exhausted(&self, free: &FreeLists, total: u64) -> MemoryError {
        let top = self.top.load(Ordering::Relaxed);
        // A full collection may make room: ask for one.
        self.gc_urgent.store(true, Ordering::Relaxed);
        MemoryError(format!(
            "{OUT_OF_MEMORY}: {} bytes wanted, {} of {} in use",
            total * 8,
            top - free.bytes,
            self.limit
        ))
    }

    fn note_occupancy(&self, free: &FreeLists) {
        let (used, threshold) =
            (self.top.load(Ordering::Relaxed) - free.bytes, self.gc_threshold.load(Ordering::Relaxed));
        if used > threshold {
            self.gc_wanted.store(true, Ordering::Relaxed);
            if used > threshold + threshold / 2 && self.in_cycle() {
                self.gc_behind.store(true, Ordering::Relaxed);
            }
        }
    }

    /// A large object: the smallest free block that fits, or fresh memory at the top.
    fn alloc_large(&self, class: ClassId, kind: Kind, len: u64, total: u64) -> Result<Value, MemoryError> {
        let at = {
            let mut free = self.lock_free_fitting(total)?;
            let fit = free.blocks.range(total..).next().map(|(&size, _)| size);
            let at = match fit {
                Some(size) => self.take_free(&mut free, size, total)?,
                None => {
                    let at = self.top.load(Ordering::Relaxed);
                    let end = at.checked_add(total * 8).filter(|&e| e <= self.limit);
                    let Some(end) = end else { return Err(self.exhausted(&free, total)) };
                    self.set_top(end)?;
                    at
                }
            };
            self.note_occupancy(&free);
            at
        };
        self.memory.store(at, class as u64 | (kind as u64) << 32)?;
        self.memory.store(at + 8, len)?;
        self.memory.zero(at + HEADER_WORDS * 8, total - HEADER_WORDS)?;
        self.born(at);
        Ok(Value::from_ref(at))
    }

    #[inline(always)]
    pub fn class_of(&self, obj: u64) -> Result<ClassId, MemoryError> {
        Ok(self.memory.load(obj)? as u32)
    }

    /// Class and kind from one read of the header word.
    #[inline(always)]
    pub fn header(&self, obj: u64) -> Result<(ClassId, Kind), MemoryError> {
        let word = self.memory.load(obj)?;
        let kind = if (word >> 32) as u8 == Kind::Bytes as u8 { Kind::Bytes } else { Kind::Slots };
        Ok((word as u32, kind))
    }

    /// The object's satellite index: where the state only some objects need (a Java
    /// monitor) is kept for it, by whoever set it; 0 when it has none. Ordinary objects pay
    /// nothing: the index lives in header bits no one else uses.
    pub fn satellite(&self, obj: u64) -> Result<u32, MemoryError> {
        let word = self.memory.load(obj)?;
        Ok(((word >> SATELLITE_LOW_SHIFT) & 0x7F | (word >> SATELLITE_HIGH_SHIFT) << 7) as u32)
    }

    /// Sets the satellite index (below [`MAX_SATELLITE`]).
    pub fn set_satellite(&self, obj: u64, index: u32) -> Result<(), MemoryError> {
        if index >= MAX_SATELLITE {
            return Err(MemoryError(format!("satellite index {index} out of range")));
        }
        let word = self.memory.load(obj)? & !SATELLITE_BITS;
        let index = index as u64;
        self.memory.store(obj, word | (index & 0x7F) << SATELLITE_LOW_SHIFT | (index >> 7) << SATELLITE_HIGH_SHIFT)
    }

    #[inline]
    pub fn kind_of(&self, obj: u64) -> Result<Kind, MemoryError> {
        Ok(if (self.memory.load(obj)? >> 32) as u8 == Kind::Bytes as u8 { Kind::Bytes } else { Kind::Slots })
    }

    /// Payload length: slots, or bytes.
    #[inline(always)]
    pub fn len(&self, obj: u64) -> Result<u64, MemoryError> {
        self.memory.load(obj + 8)
    }

    #[inline(always)]
    pub fn slot(&self, obj: u64, index: u64) -> Result<Value, MemoryError> {
        Ok(Value(self.memory.load(obj + (HEADER_WORDS + index) * 8)?))
    }

    /// Stores a slot, through the deletion barrier: while a cycle marks, the reference
    /// overwritten is shaded, since a thread may have taken it to a stack the cycle already
    /// scanned.
    #[inline(always)]
    pub fn set_slot(&self, obj: u64, index: u64, value: Value) -> Result<(), MemoryError> {
        let at = obj + (HEADER_WORDS + index) * 8;
        if self.marking.load(Ordering::Relaxed) {
            self.shade(Value(self.memory.load(at)?));
        }
        self.memory.store(at, value.0)
    }

    /// Where element `index` of array storage `storage` is (object and slot), if within its
    /// capacity. Flat storage is its own elements; a directory's slots are its leaves, the
    /// present ones first.
    #[inline]
    pub(crate) fn element_place(&self, storage: u64, index: u64) -> Result<Option<(u64, u64)>, MemoryError> {
        let header = self.memory.load(storage)?;
        let len = self.memory.load(storage + 8)?;
        if header & DIRECTORY == 0 {
            return Ok((index < len).then_some((storage, index)));
        }
        let leaf = index / LEAF_SLOTS;
        if leaf >= len {
            return Ok(None);
        }
        Ok(self.slot(storage, leaf)?.object().map(|l| (l, index % LEAF_SLOTS)))
    }

    /// Element `index` of array storage (within its capacity).
    pub(crate) fn element(&self, storage: u64, index: u64) -> Result<Value, MemoryError> {
        match self.element_place(storage, index)? {
            Some((obj, slot)) => self.slot(obj, slot),
            None => Err(MemoryError(format!("element {index} beyond the array storage at {storage:#x}"))),
        }
    }

    pub(crate) fn set_element(&self, storage: u64, index: u64, value: Value) -> Result<(), MemoryError> {
        match self.element_place(storage, index)? {
            Some((obj, slot)) => self.set_slot(obj, slot, value),
            None => Err(MemoryError(format!("element {index} beyond the array storage at {storage:#x}"))),
        }
    }

    pub(crate) fn is_directory(&self, storage: u64) -> Result<bool, MemoryError> {
        Ok(self.memory.load(storage)? & DIRECTORY != 0)
    }

    /// Marks a slot object just allocated as an array storage directory.
    pub(crate) fn make_directory(&self, storage: u64) -> Result<(), MemoryError> {
        self.memory.store(storage, self.memory.load(storage)? | DIRECTORY)
    }

    /// Elements array storage has room for.
    pub(crate) fn storage_capacity(&self, storage: u64) -> Result<u64, MemoryError> {
        let len = self.len(storage)?;
        if !self.is_directory(storage)? {
            return Ok(len);
        }
        // The present leaves come first.
        let mut leaves = len;
        while leaves > 0 && self.slot(storage, leaves - 1)?.is_null() {
            leaves -= 1;
        }
        Ok(leaves * LEAF_SLOTS)
    }

    /// Copies the first `n` slots of `from` into `to`, an object just allocated (whose slots
    /// are all null, so the barrier has nothing to shade): a word at a time, without the
    /// per-slot checks.
    pub(crate) fn copy_into_new(&self, from: u64, to: u64, n: u64) -> Result<(), MemoryError> {
        let (src, dst) = (from + HEADER_WORDS * 8, to + HEADER_WORDS * 8);
        if let Region::Plain(m) = &self.memory {
            let range = |at: u64| m.words.get((at / 8) as usize..(at / 8 + n) as usize);
            let (Some(a), Some(b)) = (range(src), range(dst)) else {
                return Err(MemoryError(format!("copy outside the heap at {src:#x}")));
            };
            a.iter().zip(b).for_each(|(a, b)| b.store(a.load(Ordering::Relaxed), Ordering::Relaxed));
            return Ok(());
        }
        (0..n).try_for_each(|k| self.memory.store(dst + k * 8, self.memory.load(src + k * 8)?))
    }

    /// Allocates a byte object holding `bytes`.
    pub fn alloc_bytes(&self, class: ClassId, bytes: &[u8]) -> Result<Value, MemoryError> {
        let words = bytes.len().div_ceil(8) as u64;
        let v = self.alloc(class, Kind::Bytes, bytes.len() as u64, words)?;
        let obj = v.0;
        for (i, chunk) in bytes.chunks(8).enumerate() {
            // A whole word is one load; a short last one is put together a byte at a time (a
            // copy into a zeroed word would be read back wider than written, and stall).
            let word = match <[u8; 8]>::try_from(chunk) {
                Ok(whole) => u64::from_le_bytes(whole),
                Err(_) => chunk.iter().rev().fold(0, |word, &b| word << 8 | b as u64),
            };
            self.memory.store(obj + (HEADER_WORDS + i as u64) * 8, word)?;
        }
        Ok(v)
    }

    /// Allocates a byte object holding the bytes of byte objects `a` then `b`, copied a word at
    /// a time (no intermediate buffer).
    pub fn alloc_concat(&self, class: ClassId, a: u64, b: u64) -> Result<Value, MemoryError> {
        let (la, lb) = (self.len(a)?, self.len(b)?);
        let n = la + lb;
        let words = n.div_ceil(8);
        let v = self.alloc(class, Kind::Bytes, n, words)?;
        let dst = v.0 + HEADER_WORDS * 8;
        let word = |obj: u64, w: u64| self.memory.load(obj + (HEADER_WORDS + w) * 8);
        // Only the bytes inside a length count: mask the rest of a last word.
        let keep = |left: u64| if left >= 8 { u64::MAX } else { (1u64 << (left * 8)) - 1 };
        for w in 0..la.div_ceil(8) {
            self.memory.store(dst + w * 8, word(a, w)? & keep(la - w * 8))?;
        }
        let (base, shift) = (la / 8, (la % 8) * 8);
        for w in 0..lb.div_ceil(8) {
            let x = word(b, w)? & keep(lb - w * 8);
            let at = dst + (base + w) * 8;
            if shift == 0 {
                self.memory.store(at, x)?;
            } else {
                // Straddles two words: its low bytes finish this one, its high ones start the next.
                self.memory.store(at, self.memory.load(at)? | x << shift)?;
                if base + w + 1 < words {
                    self.memory.store(at + 8, x >> (64 - shift))?;
                }
            }
        }
        Ok(v)
    }

    /// Writes `bytes` into a byte object's payload from byte `at` (whole words where they
    /// line up, the rest a byte at a time). The caller keeps within the object's length.
    pub fn write_bytes(&self, obj: u64, at: u64, bytes: &[u8]) -> Result<(), MemoryError> {
        // Bytes up to a word boundary one at a time, then whole words in one go, then the rest.
        let head = (at.next_multiple_of(8) - at).min(bytes.len() as u64) as usize;
        for (k, &b) in bytes[..head].iter().enumerate() {
            self.set_byte(obj, at + k as u64, b)?;
        }
        let words = (bytes.len() - head) / 8 * 8;
        let start = at + head as u64;
        self.memory.write_words(obj + (HEADER_WORDS + start / 8) * 8, &bytes[head..head + words])?;
        for (k, &b) in bytes[head + words..].iter().enumerate() {
            self.set_byte(obj, start + (words + k) as u64, b)?;
        }
        Ok(())
    }

    pub fn bytes(&self, obj: u64) -> Result<Vec<u8>, MemoryError> {
        let len = self.len(obj)?;
        self.bytes_range(obj, 0, len)
    }

    /// Bytes `from..to` of a byte object's payload (the caller keeps within its length), read
    /// as the words that hold them: a piece of a long string costs only its own length.
    pub fn bytes_range(&self, obj: u64, from: u64, to: u64) -> Result<Vec<u8>, MemoryError> {
        let (first, last) = (from / 8, to.div_ceil(8));
        let mut out = vec![0u8; ((last - first) * 8) as usize];
        self.memory.read_words(obj + (HEADER_WORDS + first) * 8, &mut out)?;
        let skip = (from % 8) as usize;
        out.truncate(skip + (to - from) as usize);
        out.drain(..skip);
        Ok(out)
    }

    /// Byte `index` of a byte object's payload.
    pub fn byte(&self, obj: u64, index: u64) -> Result<u8, MemoryError> {
        let word = self.memory.load(obj + (HEADER_WORDS + index / 8) * 8)?;
        Ok(word.to_le_bytes()[(index % 8) as usize])
    }

    pub fn set_byte(&self, obj: u64, index: u64, value: u8) -> Result<(), MemoryError> {
        let at = obj + (HEADER_WORDS + index / 8) * 8;
        let mut bytes = self.memory.load(at)?.to_le_bytes();
        bytes[(index % 8) as usize] = value;
        self.memory.store(at, u64::from_le_bytes(bytes))
    }

    /// The `n` (1 to 8) bytes at `addr`, little-endian, read as the one or two words holding
    /// them (wasm's linear memory in a binary object).
    #[inline(always)]
    pub fn load_le(&self, addr: u64, n: u64) -> Result<u64, MemoryError> {
        let (word, shift) = (addr & !7, (addr & 7) * 8);
        let mask = if n == 8 { u64::MAX } else { (1 << (n * 8)) - 1 };
        let lo = self.memory.load(word)? >> shift;
        if (addr & 7) + n <= 8 {
            return Ok(lo & mask);
        }
        let hi = self.memory.load(word + 8)?;
        Ok((lo | hi << (64 - shift)) & mask)
    }

    /// Stores the low `n` (1 to 8) bytes of `value` at `addr`, little-endian, keeping the
    /// other bytes of the words they fall in.
    #[inline(always)]
    pub fn store_le(&self, addr: u64, n: u64, value: u64) -> Result<(), MemoryError> {
        let (word, shift) = (addr & !7, (addr & 7) * 8);
        let mask = if n == 8 { u64::MAX } else { (1 << (n * 8)) - 1 };
        let value = value & mask;
        let lo = self.memory.load(word)?;
        self.memory.store(word, (lo & !(mask << shift)) | value << shift)?;
        if (addr & 7) + n > 8 {
            let hi = self.memory.load(word + 8)?;
            let high_mask = mask >> (64 - shift);
            self.memory.store(word + 8, (hi & !high_mask) | value >> (64 - shift))?;
        }
        Ok(())
    }

    /// The address of a byte object's payload.
    pub fn payload(&self, obj: u64) -> u64 {
        obj + HEADER_WORDS * 8
    }

    /// A raw 64-bit payload word (boxed long and double).
    #[inline]
    pub fn word(&self, obj: u64, index: u64) -> Result<u64, MemoryError> {
        self.memory.load(obj + (HEADER_WORDS + index) * 8)
    }

    #[inline]
    pub fn set_word(&self, obj: u64, index: u64, value: u64) -> Result<(), MemoryError> {
        self.memory.store(obj + (HEADER_WORDS + index) * 8, value)
    }
}

/// The persistent store as heap memory: the heap then lives in snapshotted, crash-consistent
/// pages (writes go through the store's snapshot barrier).
impl Memory for phantom_store::Store {
    fn size(&self) -> u64 {
        phantom_store::Store::size(self)
    }

    fn load(&self, addr: u64) -> Result<u64, MemoryError> {
        self.read_u64(addr).map_err(|e| MemoryError(e.to_string()))
    }

    fn store(&self, addr: u64, value: u64) -> Result<(), MemoryError> {
        self.write_u64(addr, value).map_err(|e| MemoryError(e.to_string()))
    }

    fn zero(&self, addr: u64, words: u64) -> Result<(), MemoryError> {
        phantom_store::Store::zero(self, addr, words * 8).map_err(store_error)
    }

    fn as_store(&self) -> Option<phantom_store::Store> {
        Some(self.clone())
    }
}

/// What one collection did.
#[derive(Clone, Copy, Debug, Default)]
pub struct GcStats {
    pub live_objects: u64,
    pub live_bytes: u64,
    /// Bytes that became free: in use when the cycle began, less what it found live.
    pub freed_bytes: u64,
    /// From the cycle's start to the end of its sweep (the threads ran meanwhile).
    pub time: std::time::Duration,
    /// Its longest stop of the world.
    pub longest_pause: std::time::Duration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_satellite_index_leaves_class_kind_and_length_alone() {
        let heap = Heap::new(Box::new(PlainMemory::new(1 << 16))).unwrap();
        let o = heap.alloc(0x1234_5678, Kind::Slots, 3, 3).unwrap().object().unwrap();
        let b = heap.alloc_bytes(9, b"text").unwrap().object().unwrap();
        assert_eq!(heap.satellite(o).unwrap(), 0, "a new object has none");
        for index in [1, 0x7F, 0x80, 12345, MAX_SATELLITE - 1] {
            for obj in [o, b] {
                heap.set_satellite(obj, index).unwrap();
                assert_eq!(heap.satellite(obj).unwrap(), index);
            }
            assert_eq!(heap.header(o).unwrap(), (0x1234_5678, Kind::Slots));
            assert_eq!(heap.header(b).unwrap(), (9, Kind::Bytes));
            assert_eq!((heap.len(o).unwrap(), heap.bytes(b).unwrap().as_slice()), (3, &b"text"[..]));
            assert_eq!(heap.block_bytes(o).unwrap(), block_words(Kind::Slots as u64, 3) * 8);
        }
        assert!(heap.set_satellite(o, MAX_SATELLITE).is_err());
    }

    #[test]
    fn objects_strings_and_exhaustion() {
        let heap = Heap::new(Box::new(PlainMemory::new(4096))).unwrap();
        let o = heap.alloc(7, Kind::Slots, 3, 3).unwrap().object().unwrap();
        assert_eq!(heap.class_of(o).unwrap(), 7);
        heap.set_slot(o, 2, Value::int(-5)).unwrap();
        assert_eq!(heap.slot(o, 2).unwrap(), Value::int(-5));
        let s = heap.alloc_bytes(9, b"hello, world").unwrap().object().unwrap();
        assert_eq!(heap.bytes(s).unwrap(), b"hello, world");
        assert_eq!(heap.kind_of(s).unwrap(), Kind::Bytes);
        let err = heap.alloc(1, Kind::Slots, 1000, 1000).unwrap_err();
        assert!(err.0.contains("out of heap memory") && err.is_exhaustion());
    }

    /// Walks every block from the first object to the top: (objects, free bytes).
    fn walk(heap: &Heap) -> (u64, u64) {
        let (mut at, mut objects, mut free) = (FIRST_OBJECT, 0, 0);
        while at < heap.top() {
            let size = heap.block_bytes(at).unwrap();
            assert!(size > 0 && at + size <= heap.top(), "block at {at:#x} of {size} bytes");
            if heap.class_of(at).unwrap() == FREE {
                free += size;
            } else {
                objects += 1;
            }
            at += size;
        }
        (objects, free)
    }

    #[test]
    fn threads_allocating_at_once_get_disjoint_objects_in_a_parseable_heap() {
        let heap = Heap::new(Box::new(PlainMemory::new(16 << 20))).unwrap();
        let per_thread = 5000u64;
        let made: Vec<Vec<(u64, u64)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..2u64)
                .map(|t| {
                    let heap = &heap;
                    scope.spawn(move || {
                        // Small and large sizes, so that chunks run out and the locked path mixes in.
                        (0..per_thread)
                            .map(|i| {
                                let words = 1 + (i * 7 + t) % 40 + if i % 97 == 0 { SMALL_WORDS } else { 0 };
                                let o = heap.alloc(t as ClassId, Kind::Slots, words, words).unwrap().0;
                                assert!((0..words).all(|k| heap.slot(o, k).unwrap() == Value::NULL));
                                heap.set_slot(o, words - 1, Value::int(-1)).unwrap();
                                heap.set_slot(o, 0, Value::int((t * per_thread + i) as i32)).unwrap();
                                (o, words)
                            })
                            .collect()
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        for (t, objects) in made.iter().enumerate() {
            for (i, &(o, words)) in objects.iter().enumerate() {
                assert_eq!(heap.class_of(o).unwrap(), t as ClassId);
                assert_eq!(heap.len(o).unwrap(), words);
                assert_eq!(heap.slot(o, 0).unwrap(), Value::int((t as u64 * per_thread + i as u64) as i32));
                if words > 1 {
                    assert_eq!(heap.slot(o, words - 1).unwrap(), Value::int(-1));
                }
            }
        }
        let (objects, free) = walk(&heap);
        assert_eq!(objects, 2 * per_thread);
        // What the chunks left over is free, and no more than a chunk per thread.
        assert!(free <= 2 * CHUNK_WORDS * 8, "{free} bytes free");
    }

    #[test]
    fn a_retired_chunk_is_not_allocated_from_again() {
        let heap = Heap::new(Box::new(PlainMemory::new(4 << 20))).unwrap();
        let a = heap.alloc(1, Kind::Slots, 2, 2).unwrap().0;
        let b = heap.alloc(1, Kind::Slots, 2, 2).unwrap().0;
        assert_eq!(b, a + 32, "small objects are bumped from one chunk");
        heap.retire_chunks();
        let c = heap.alloc(1, Kind::Slots, 2, 2).unwrap().0;
        assert_eq!(c, a + CHUNK_WORDS * 8, "a new chunk after the old one was retired");
        assert_eq!(walk(&heap), (3, 2 * CHUNK_WORDS * 8 - 3 * 32));
    }

    #[test]
    fn running_out_keeps_the_thread_chunk_and_lists_nothing_twice() {
        let heap = Heap::new(Box::new(PlainMemory::new(64 << 10))).unwrap();
        let first = heap.alloc(1, Kind::Slots, 2, 2).unwrap().0;
        // As if the rest of the heap were full: 16 bytes left at the top.
        heap.set_top(heap.capacity() - 16).unwrap();
        // An object larger than what is left of this thread's chunk cannot be placed...
        assert!(heap.alloc(1, Kind::Slots, 200, 200).is_err());
        // ...but the chunk is still this thread's, and nothing was listed free.
        assert_eq!(heap.alloc(1, Kind::Slots, 2, 2).unwrap().0, first + 32);
        assert_eq!(heap.free.lock().unwrap().bytes, 0);
    }

    #[test]
    fn a_small_heap_is_not_exhausted_by_chunks() {
        // Two threads each take a chunk, yet a large object still fits beside them.
        let heap = Heap::new(Box::new(PlainMemory::new(64 << 10))).unwrap();
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| heap.alloc(1, Kind::Slots, 2, 2).unwrap());
            }
        });
        heap.alloc(2, Kind::Slots, 300, 300).unwrap();
    }

    #[test]
    fn a_nearly_full_heap_keeps_headroom_before_its_next_collection() {
        let heap = Heap::new(Box::new(PlainMemory::new(64 << 20))).unwrap();
        let size = heap.capacity();
        // Little live: twice as much, at least the minimum.
        heap.set_gc_threshold(1 << 20).unwrap();
        assert_eq!(heap.gc_threshold.load(Ordering::Relaxed), MIN_GC_THRESHOLD);
        // Most of the heap live: half of what is free stays between it and the next one.
        let live = size / 10 * 9;
        heap.set_gc_threshold(live).unwrap();
        assert_eq!(heap.gc_threshold.load(Ordering::Relaxed), live + (size - live) / 2);
        // And the figure is kept for a reopened heap.
        assert_eq!(heap.load(LIVE_WORD).unwrap(), live);
    }

    #[test]
    fn concatenation_at_every_alignment() {
        let heap = Heap::new(Box::new(PlainMemory::new(1 << 20))).unwrap();
        // Every alignment of the first part, including empty parts.
        let text = b"0123456789abcdefghijklmnopq";
        for la in [0, 1, 3, 7, 8, 9, 15, 16, 17] {
            for lb in [0, 1, 5, 8, 10] {
                let a = heap.alloc_bytes(9, &text[..la]).unwrap().object().unwrap();
                let b = heap.alloc_bytes(9, &text[la..la + lb]).unwrap().object().unwrap();
                let c = heap.alloc_concat(9, a, b).unwrap().object().unwrap();
                assert_eq!(heap.bytes(c).unwrap(), &text[..la + lb], "{la} + {lb}");
            }
        }
    }
}
