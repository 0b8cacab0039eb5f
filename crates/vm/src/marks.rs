//! The collector's state outside the heap: the mark bitmap, and where a collection cycle is.
//! Nothing here touches heap memory, so a snapshot never holds any of it: a restart begins
//! with no cycle in progress.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Blocks start at multiples of this many bytes (block sizes are even numbers of words).
const GRANULE: u64 = 16;
/// Bytes of heap one bitmap word covers.
pub(crate) const BYTES_PER_MARK_WORD: u64 = GRANULE * 64;

/// One mark bit per 16-byte granule of the heap, set atomically (the barrier, allocation and
/// the marker set bits from different host threads).
pub(crate) struct Marks {
    bits: Box<[AtomicU64]>,
}

impl Marks {
    /// A bitmap for a heap of `bytes` bytes. The zeroed allocation is lazy: pages of the
    /// bitmap cost memory only once the heap reaches them.
    pub(crate) fn new(bytes: u64) -> Marks {
        let words = bytes.div_ceil(BYTES_PER_MARK_WORD) as usize;
        // SAFETY: an all-zero bit pattern is a valid AtomicU64.
        let bits = unsafe { Box::<[AtomicU64]>::new_zeroed_slice(words).assume_init() };
        Marks { bits }
    }

    #[inline(always)]
    fn place(at: u64) -> (usize, u64) {
        let granule = at / GRANULE;
        ((granule / 64) as usize, 1u64 << (granule % 64))
    }

    /// Marks the block at `at`; true if it was not marked before.
    #[inline]
    pub(crate) fn set(&self, at: u64) -> bool {
        let (word, bit) = Marks::place(at);
        match self.bits.get(word) {
            // A plain load first: most blocks the marker meets are marked already, and a
            // read-modify-write would take the cache line every time.
            Some(w) => w.load(Ordering::Relaxed) & bit == 0 && w.fetch_or(bit, Ordering::Relaxed) & bit == 0,
            None => false,
        }
    }

    #[inline]
    pub(crate) fn get(&self, at: u64) -> bool {
        let (word, bit) = Marks::place(at);
        self.bits.get(word).is_some_and(|w| w.load(Ordering::Relaxed) & bit != 0)
    }

    /// Clears the bits of every block in `[from, to)`, both multiples of
    /// [`BYTES_PER_MARK_WORD`] (or `to` past the last block).
    pub(crate) fn clear(&self, from: u64, to: u64) {
        let (first, last) = ((from / BYTES_PER_MARK_WORD) as usize, to.div_ceil(BYTES_PER_MARK_WORD) as usize);
        if let Some(words) = self.bits.get(first..last.min(self.bits.len())) {
            words.iter().for_each(|w| w.store(0, Ordering::Relaxed));
        }
    }
}

/// Where a collection cycle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Phase {
    /// No cycle: the heap waits for its occupancy to pass the threshold.
    #[default]
    Idle,
    /// Marking what was reachable when the cycle began, beside the running threads.
    Marking,
    /// Freeing what marking left unmarked, a span at a time.
    Sweeping,
}

/// A cycle's working state, held by whoever does the collector's work at the moment.
#[derive(Default)]
pub(crate) struct Cycle {
    pub phase: Phase,
    /// Marked objects whose slots are still to be scanned.
    pub stack: Vec<u64>,
    /// Weak references met while marking: cleared at the end where their referent is not.
    pub weakrefs: Vec<u64>,
    pub live_objects: u64,
    pub live_bytes: u64,
    /// In use (top less free) when the cycle began, for what it freed.
    pub used_before: u64,
    /// When the cycle began (the VM clock).
    pub began: Duration,
    /// Its longest stop of the world.
    pub longest_pause: Duration,
    /// Attempts to end marking that found more to mark than one pause may take.
    pub remark_attempts: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_set_once_and_cleared_by_range() {
        let marks = Marks::new(1 << 20);
        assert!(marks.set(64));
        assert!(!marks.set(64), "a second set reports it was marked");
        assert!(marks.get(64) && !marks.get(80));
        assert!(marks.set(5000));
        marks.clear(0, BYTES_PER_MARK_WORD);
        assert!(!marks.get(64) && marks.get(5000));
        marks.clear(0, 1 << 20);
        assert!(!marks.get(5000));
        assert!(!marks.set(1 << 21), "beyond the heap nothing is marked");
    }
}
