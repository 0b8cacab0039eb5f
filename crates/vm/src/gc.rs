//! The garbage collector: mark and sweep, non-moving, concurrent with the running threads.
//!
//! A cycle has three stops of the world, each bounded by what it does rather than by the
//! heap: its start (every root is shaded: stacks, `this` of each frame, thread objects, the
//! VM's own references), the end of marking (the objects the barrier shaded since the last
//! step are scanned, within a budget, else the threads go on and it is tried again), and
//! nothing else. Between them the collector's host thread marks in steps while the threads
//! run: snapshot-at-the-beginning, so the deletion barrier in every reference store
//! (`Heap::set_slot`) shades what it overwrites, and objects allocated during marking are born
//! marked. Everything reachable when the cycle began is therefore marked, and an object
//! unreachable then can never become reachable again: whatever is unmarked at the end is
//! garbage. Weak references are not traced; reading one while marking shades its referent.
//!
//! The sweep then walks the heap a span at a time (the collector thread, and allocation that
//! finds no room), coalescing dead and free blocks into listed free blocks, giving the pages
//! of large free blocks back, and lowering the top over garbage at the end. Marks live in a
//! bitmap outside the heap: marking writes nothing to heap pages, a snapshot never holds a
//! mark, and a restart begins with no cycle at all.
//!
//! A thread whose allocation fails gets a full collection at a safepoint before it is told
//! (the in-progress cycle is finished first); that one stops the world for as long as it
//! takes, as only a heap that is really full meets it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::class::ids;
use crate::heap::{Kind, FIRST_OBJECT, FREE};
use crate::marks::{Cycle, Phase};
use crate::value::Value;
use crate::vm::{Thread, Vm};

pub use crate::heap::GcStats;

/// How much one step of the collector does: slots scanned when marking (and, times 16, bytes
/// swept). The background collector's steps take a fraction of a millisecond.
pub const BACKGROUND_STEP: u64 = 16_384;
/// Slots the end of marking may scan inside its stop of the world (about 0.2 ms).
const REMARK_BUDGET: u64 = 16_384;
/// After this many attempts to end marking within the budget, the last one takes what it
/// needs: a thread that keeps overwriting references cannot hold a cycle open forever.
const REMARK_ATTEMPTS: u32 = 64;
/// Stops of the world kept for the figures.
const PAUSES_KEPT: usize = 100_000;

impl Vm {
    /// Collects all garbage now. Must run at a safepoint (every thread stopped at an
    /// instruction boundary), given all the threads. Finishes a cycle in progress, then runs
    /// a whole one.
    pub fn collect(&self, threads: &mut dyn Iterator<Item = &mut Thread>) -> GcStats {
        self.collect_with_roots(threads, &[])
    }

    /// `collect`, with extra roots held by the caller outside any thread.
    pub fn collect_with_roots(&self, threads: &mut dyn Iterator<Item = &mut Thread>, extra: &[Value]) -> GcStats {
        let mut cycle = self.cycle.lock().unwrap_or_else(|e| e.into_inner());
        self.heap.gc_urgent.store(false, Ordering::Relaxed);
        // The cycle in progress marked as of its start: what became garbage since is not its.
        if let Some(stats) = self.finish_cycle(&mut cycle) {
            self.note_collection(stats);
        }
        let began = self.now();
        self.begin_cycle(&mut cycle, threads, extra);
        let mut stats = self.finish_cycle(&mut cycle).unwrap_or_default();
        stats.longest_pause = self.now().saturating_sub(began);
        self.heap.full_collections.fetch_add(1, Ordering::Relaxed);
        stats
    }

    /// Asks for a cycle, as if the heap had grown past its threshold.
    pub fn request_collection(&self) {
        self.heap.gc_wanted.store(true, Ordering::Relaxed);
    }

    /// One bounded piece of the collector's work: begin a cycle if the heap wants one, mark a
    /// step, end marking, or sweep a step. `step` scales it (see [`BACKGROUND_STEP`]). Returns
    /// false if there was nothing to do.
    pub fn collector_work(&self, step: u64) -> bool {
        let phase = self.cycle.lock().unwrap_or_else(|e| e.into_inner()).phase;
        match phase {
            Phase::Idle => {
                if !self.heap.gc_wanted.load(Ordering::Relaxed) && !self.gc_stress {
                    return false;
                }
                self.pause(|threads, cycle| {
                    if cycle.phase == Phase::Idle {
                        self.begin_cycle(cycle, threads, &[]);
                    }
                });
            }
            Phase::Marking => {
                let done = {
                    let mut cycle = self.cycle.lock().unwrap_or_else(|e| e.into_inner());
                    cycle.phase != Phase::Marking || self.mark_some(&mut cycle, step, false)
                };
                if done {
                    self.pause(|_, cycle| {
                        if cycle.phase != Phase::Marking {
                            return;
                        }
                        let budget = if cycle.remark_attempts >= REMARK_ATTEMPTS { u64::MAX } else { REMARK_BUDGET };
                        if self.mark_some(cycle, budget, true) {
                            self.end_marking(cycle);
                        } else {
                            cycle.remark_attempts += 1;
                        }
                    });
                }
            }
            Phase::Sweeping => {
                // Sweeping writes block headers: never while a snapshot begins.
                let ended = self.sched.as_running(|| {
                    let mut cycle = self.cycle.lock().unwrap_or_else(|e| e.into_inner());
                    if cycle.phase != Phase::Sweeping {
                        return None;
                    }
                    let mut sweep = self.heap.sweep.lock().unwrap_or_else(|e| e.into_inner());
                    let swept = self.heap.sweep_some(&mut sweep, step.saturating_mul(16));
                    drop(sweep);
                    match swept {
                        Ok(false) => None,
                        Ok(true) => Some(self.end_cycle(&mut cycle)),
                        Err(e) => {
                            self.host().write_diagnostic(&format!("phantom: the sweep stopped: {e}"));
                            Some(self.end_cycle(&mut cycle))
                        }
                    }
                });
                if let Some(stats) = ended {
                    if self.gc_trace {
                        self.host().write_diagnostic(&format!("phantom: gc cycle {stats:?}"));
                    }
                    self.note_collection(stats);
                }
            }
        }
        true
    }

    /// A worker's help between two slices while a cycle runs late: one step of the cycle's
    /// work, or, while the collector's thread is inside a step of its own, a short wait that
    /// gives it the processor (a worker must not queue behind the collector for long: it holds
    /// no thread, but the threads it would run wait).
    pub(crate) fn assist(&self) {
        let busy = matches!(self.cycle.try_lock(), Err(std::sync::TryLockError::WouldBlock));
        if busy {
            std::thread::sleep(Duration::from_micros(50));
        } else {
            self.collector_work(BACKGROUND_STEP / 4);
        }
    }

    /// The collector's host thread: cycles beside the workers until `done`.
    pub(crate) fn collect_in_background(&self, done: &AtomicBool) {
        // The threads running programs come first: the collector takes what they leave.
        self.host().run_in_background();
        while !done.load(Ordering::Acquire) {
            let worked = self.collector_work(if self.gc_stress { 64 } else { BACKGROUND_STEP });
            // Whoever waited for a lock the step held gets it before the next step takes it.
            std::thread::yield_now();
            if !worked || self.gc_stress {
                // Idle, the heap is looked at again soon; under stress, the threads get the
                // processor between steps.
                std::thread::sleep(Duration::from_micros(if worked { 50 } else { 500 }));
            }
        }
    }

    /// Stops the world for `f`, and records how long the stop took.
    fn pause(&self, f: impl FnOnce(&mut dyn Iterator<Item = &mut Thread>, &mut Cycle)) {
        let started = self.now();
        let (pause, reach) = self.sched.safepoint(|threads| {
            let mut cycle = self.cycle.lock().unwrap_or_else(|e| e.into_inner());
            f(threads, &mut cycle);
            let pause = self.now().saturating_sub(started);
            cycle.longest_pause = cycle.longest_pause.max(pause);
            pause
        });
        if self.gc_trace {
            let phase = self.cycle.lock().unwrap_or_else(|e| e.into_inner()).phase;
            self.host().write_diagnostic(&format!("phantom: gc pause {pause:?} (reach {reach:?}), now {phase:?}"));
        }
        let mut pauses = self.gc_pauses.lock().unwrap_or_else(|e| e.into_inner());
        if pauses.len() == PAUSES_KEPT {
            pauses.drain(..PAUSES_KEPT / 2);
        }
        pauses.push(pause);
    }

    /// The collector's stops of the world so far (the most recent ones).
    pub fn gc_pauses(&self) -> Vec<Duration> {
        self.gc_pauses.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Finishes the cycle in progress at once (at a safepoint); its figures if there was one.
    fn finish_cycle(&self, cycle: &mut Cycle) -> Option<GcStats> {
        if cycle.phase == Phase::Marking {
            self.mark_some(cycle, u64::MAX, true);
            self.end_marking(cycle);
        }
        if cycle.phase != Phase::Sweeping {
            return None;
        }
        let mut sweep = self.heap.sweep.lock().unwrap_or_else(|e| e.into_inner());
        while let Ok(false) = self.heap.sweep_some(&mut sweep, u64::MAX) {}
        drop(sweep);
        Some(self.end_cycle(cycle))
    }

    /// At a safepoint: begins a cycle, shading every root.
    fn begin_cycle(&self, cycle: &mut Cycle, threads: &mut dyn Iterator<Item = &mut Thread>, extra: &[Value]) {
        // The stack's memory is kept from cycle to cycle: giving a large one back to the
        // host takes milliseconds, never to be spent in a pause.
        let mut stack = std::mem::take(&mut cycle.stack);
        stack.clear();
        *cycle = Cycle {
            phase: Phase::Marking,
            began: self.now(),
            used_before: self.heap.used(),
            stack,
            ..Cycle::default()
        };
        self.heap.gc_wanted.store(false, Ordering::Relaxed);
        self.heap.begin_marking();
        let shade = &mut |v: Value| self.heap.shade(v);
        for thread in threads {
            thread.for_each_root(shade);
        }
        self.for_each_root(shade);
        extra.iter().for_each(|&v| shade(v));
    }

    /// Scans grey objects for about `budget` slots; true once nothing is grey. Inside a
    /// `pause`, an object larger than what is left of the budget stays grey for the marker
    /// outside it (a million-slot array would take milliseconds).
    fn mark_some(&self, cycle: &mut Cycle, budget: u64, pause: bool) -> bool {
        let heap = &self.heap;
        cycle.stack.append(&mut heap.grey.lock().unwrap_or_else(|e| e.into_inner()));
        let limit = heap.mark_limit();
        let mut scanned = 0u64;
        while scanned < budget {
            let Some(at) = cycle.stack.pop() else { break };
            scanned += 1;
            let Ok(header) = heap.load(at) else { continue };
            if header as u32 == FREE {
                continue;
            }
            cycle.live_objects += 1;
            cycle.live_bytes += heap.block_bytes(at).unwrap_or(0);
            if (header >> 32) as u8 != Kind::Slots as u8 {
                continue;
            }
            let len = heap.len(at).unwrap_or(0);
            if pause && len > budget - scanned {
                cycle.live_objects -= 1;
                cycle.live_bytes -= heap.block_bytes(at).unwrap_or(0);
                cycle.stack.push(at);
                return false;
            }
            // A weak reference's referent is not kept alive by it.
            let first = if header as u32 == ids::WEAKREF {
                cycle.weakrefs.push(at);
                1
            } else {
                0
            };
            scanned += len;
            for i in first..len {
                let Ok(v) = heap.slot(at, i) else { break };
                if let Some(child) = v.object() {
                    // A reference outside the cycle's blocks or misaligned would be damage:
                    // it is not traced.
                    if (FIRST_OBJECT..limit).contains(&child) && child % 16 == 0 && heap.marks.set(child) {
                        cycle.stack.push(child);
                    }
                }
            }
        }
        cycle.stack.is_empty() && heap.grey.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
    }

    /// Ends marking (at a safepoint, nothing grey): weak references to unmarked objects are
    /// cleared and the sweep begins.
    fn end_marking(&self, cycle: &mut Cycle) {
        let limit = self.heap.mark_limit();
        // The barrier goes off first: clearing a weak reference must not shade its referent.
        self.heap.begin_sweep();
        for w in std::mem::take(&mut cycle.weakrefs) {
            if let Ok(Some(referent)) = self.heap.slot(w, 0).map(|v| v.object()) {
                if referent < limit && !self.heap.marks.get(referent) {
                    let _ = self.heap.set_slot(w, 0, Value::NULL);
                }
            }
        }
        // Sockets whose objects are garbage close before the sweep can reuse their offsets.
        self.outside.close_unreachable(|o| o < limit && !self.heap.marks.get(o));
        cycle.phase = Phase::Sweeping;
    }

    /// The sweep is complete: the next cycle is wanted once twice as much as marking found live
    /// is in use.
    fn end_cycle(&self, cycle: &mut Cycle) -> GcStats {
        cycle.phase = Phase::Idle;
        self.heap.gc_behind.store(false, Ordering::Relaxed);
        // What marking found live, not what is in use now (that holds what was allocated while
        // the cycle ran, and a threshold from it would climb cycle after cycle).
        let _ = self.heap.set_gc_threshold(cycle.live_bytes);
        self.heap.gc_wanted.store(false, Ordering::Relaxed);
        GcStats {
            live_objects: cycle.live_objects,
            live_bytes: cycle.live_bytes,
            freed_bytes: cycle.used_before.saturating_sub(cycle.live_bytes),
            time: self.now().saturating_sub(cycle.began),
            longest_pause: cycle.longest_pause,
        }
    }
}
