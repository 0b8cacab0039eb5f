//! The garbage collector: non-moving mark and sweep, run at a safepoint.
//!
//! Roots are exact: every thread's object stack, `this` of each frame and thread object, the
//! boot object, class objects and constant pools, and the VM's registered objects. Mark bits
//! live in a bitmap outside the heap, so marking writes nothing to heap pages; sweeping writes
//! only the headers of dead blocks (coalesced into free blocks). A snapshot after a collection
//! therefore rewrites only pages that held garbage, not the whole heap. Cycles are collected
//! like anything else unreachable.

use crate::class::ids;
use crate::heap::{Kind, FIRST_OBJECT, FREE};
use crate::value::Value;
use crate::vm::{Thread, Vm};

pub use crate::heap::GcStats;

struct Marks {
    bits: Vec<u64>,
}

impl Marks {
    /// Marks the object at `at`; false if it already was.
    fn set(&mut self, at: u64) -> bool {
        let word = (at / 8) as usize;
        let (i, bit) = (word / 64, 1u64 << (word % 64));
        let was = self.bits[i] & bit != 0;
        self.bits[i] |= bit;
        !was
    }

    fn get(&self, at: u64) -> bool {
        let word = (at / 8) as usize;
        self.bits[word / 64] & (1u64 << (word % 64)) != 0
    }
}

impl Vm {
    /// Collects garbage. Must run with every thread stopped at an instruction boundary (a
    /// safepoint), given all of them.
    pub fn collect(&self, threads: &mut dyn Iterator<Item = &mut Thread>) -> GcStats {
        self.collect_with_roots(threads, &[])
    }

    /// `collect`, with extra roots held by the caller outside any thread.
    pub fn collect_with_roots(&self, threads: &mut dyn Iterator<Item = &mut Thread>, extra: &[Value]) -> GcStats {
        let start = self.now();
        let top = self.heap.top();
        let mut marks = Marks { bits: vec![0; (top / 8) as usize / 64 + 1] };
        let mut stack: Vec<u64> = Vec::new();
        let root = |v: Value, stack: &mut Vec<u64>| {
            if let Some(at) = v.object() {
                stack.push(at);
            }
        };
        for thread in threads {
            thread.for_each_root(&mut |v| root(v, &mut stack));
        }
        self.for_each_root(&mut |v| root(v, &mut stack));
        extra.iter().for_each(|&v| root(v, &mut stack));

        let mut stats = GcStats::default();
        let mut weakrefs = Vec::new();
        while let Some(at) = stack.pop() {
            // A reference outside the heap or misaligned would be a VM bug or damage: skip it
            // rather than trace garbage.
            if at < FIRST_OBJECT || at >= top || at % 8 != 0 || !marks.set(at) {
                continue;
            }
            let Ok(header) = self.heap.load(at) else { continue };
            if header as u32 == FREE {
                continue;
            }
            stats.live_objects += 1;
            stats.live_bytes += self.heap.block_bytes(at).unwrap_or(0);
            if (header >> 32) as u8 == Kind::Slots as u8 {
                let len = self.heap.len(at).unwrap_or(0);
                // A weak reference's referent is not kept alive by it.
                let first = if header as u32 == ids::WEAKREF {
                    weakrefs.push(at);
                    1
                } else {
                    0
                };
                for i in first..len {
                    if let Ok(v) = self.heap.slot(at, i) {
                        if let Some(child) = v.object() {
                            if !marks.get(child.min(top - 8)) {
                                stack.push(child);
                            }
                        }
                    }
                }
            }
        }

        for w in weakrefs {
            if let Ok(Some(referent)) = self.heap.slot(w, 0).map(|v| v.object()) {
                if referent >= top || !marks.get(referent) {
                    let _ = self.heap.set_slot(w, 0, Value::NULL);
                }
            }
        }

        // Sweep: runs of dead or free blocks become one free block each.
        let mut free = self.heap.free.lock().unwrap_or_else(|e| e.into_inner());
        self.heap.retire_chunks();
        let before = free.bytes;
        free.blocks.clear();
        free.bytes = 0;
        let mut at = FIRST_OBJECT;
        let mut run: Option<u64> = None;
        let mut new_top = top;
        while at < top {
            let Ok(size) = self.heap.block_bytes(at) else { break };
            if size == 0 || at + size > top {
                break;
            }
            if marks.get(at) {
                if let Some(start) = run.take() {
                    let _ = self.heap.make_free(&mut free, start, at - start);
                }
            } else {
                run.get_or_insert(at);
            }
            at += size;
        }
        if let Some(start) = run {
            // Garbage at the end of the heap simply lowers its top.
            new_top = start;
        }
        drop(free);
        if new_top != top {
            // (Unchanged, it is not rewritten: a store would dirty its page for the snapshot.)
            let _ = self.heap.set_top(new_top);
        }
        let after = self.heap.free.lock().unwrap_or_else(|e| e.into_inner()).bytes;
        stats.freed_bytes = (after + (top - new_top)).saturating_sub(before);
        self.heap.gc_wanted.store(false, std::sync::atomic::Ordering::Relaxed);
        let _ = self.heap.set_gc_threshold(stats.live_bytes);
        stats.time = self.now().saturating_sub(start);
        stats
    }
}
