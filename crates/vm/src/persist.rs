//! Thread state in the heap. At a safepoint every VM thread is written into its
//! `.internal.thread` object, so the heap alone describes every thread completely: frames,
//! both stacks, catchers and positions. Restoring reads it back; `image` uses this to resume
//! threads after a restart.
//!
//! Thread object slots:
//! - 0: id (int)
//! - 1: object stack (a page of values, traced by the collector)
//! - 2: integer stack (a binary of little-endian u32 cells)
//! - 3: frames and catchers (a binary of little-endian u32 records, below)
//! - 4: each frame's `this` (a page of values)
//! - 5: park state: null when runnable, a boxed long (wake time in ms since the Unix epoch)
//!   for a sleeper, the int 1 when blocked on another thread, 2 when waiting for input, 3 when
//!   inside `commit()`
//! - 6: the int 1 when the call at the thread's position is a timed wait to finish rather than
//!   start (the thread parked with its call still to run); else null. Thread objects written
//!   before this slot existed have 6 slots and no timed waits.
//!
//! Frame record: class id, method ordinal, position (byte offset of the next instruction),
//! object base, int base, catcher count; then per catcher: class id, target byte offset,
//! object depth, int depth. Byte offsets, not decoded indexes, so they stay valid whatever the
//! decoder does.

use std::time::Duration;

use crate::class::ids;
use crate::heap::Kind;
use crate::sched::Park;
use crate::thread::{Frame, Result, Thread, Trap};
use crate::value::Value;
use crate::vm::Vm;

pub use crate::thread::THREAD_SLOTS;

fn u32s(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn read_u32s(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect()
}

impl Vm {
    fn page_of(&self, values: &[Value]) -> Result<Value> {
        let page = self.heap.alloc(ids::PAGE, Kind::Slots, values.len() as u64, values.len() as u64)?;
        for (k, v) in values.iter().enumerate() {
            self.heap.set_slot(page.0, k as u64, *v)?;
        }
        Ok(page)
    }

    fn values_of(&self, page: Value) -> Result<Vec<Value>> {
        let Some(p) = page.object() else { return Ok(Vec::new()) };
        (0..self.heap.len(p)?).map(|k| Ok(self.heap.slot(p, k)?)).collect()
    }

    /// Writes a stopped thread's whole state into its thread object.
    pub fn save_thread(&self, thread: &Thread) -> Result<()> {
        let obj = thread.object.object().ok_or_else(|| Trap::Fatal("thread without an object".into()))?;
        let mut records = Vec::new();
        let mut thises = Vec::new();
        for (index, frame) in thread.frames().iter().enumerate() {
            let method = thread.method(frame);
            let code = method.code().ok_or_else(|| Trap::Fatal("a native frame at a safepoint".into()))?;
            let offset = |index: usize| code.offsets.get(index).copied().unwrap_or(u32::MAX);
            records.extend([
                method.class,
                method.ordinal,
                offset(frame.pc),
                frame.obase as u32,
                frame.ibase as u32,
                thread.catchers_of(index).count() as u32,
            ]);
            for c in thread.catchers_of(index) {
                records.extend([c.class, offset(c.target as usize), c.objects as u32, c.ints as u32]);
            }
            thises.push(frame.this);
        }
        let objects = self.page_of(thread.object_stack())?;
        let ints = self.heap.alloc_bytes(ids::BINARY, &u32s(thread.int_stack()))?;
        let frames = self.heap.alloc_bytes(ids::BINARY, &u32s(&records))?;
        let thises = self.page_of(&thises)?;
        let park = match thread.park {
            None => Value::NULL,
            Some(Park::Until(at)) => {
                // Wall-clock time, so that a thread asleep until T wakes at T after a restart.
                // The wall clock counts whole milliseconds: rounded up, so that a restarted
                // sleeper never wakes before its time.
                let left = at.saturating_sub(self.now()).as_nanos().div_ceil(1_000_000) as u64;
                let ms = self.host().wall_clock_ms() + 1 + left;
                let boxed = self.heap.alloc(ids::LONG, Kind::Bytes, 8, 1)?;
                self.heap.set_word(boxed.0, 0, ms)?;
                boxed
            }
            Some(Park::Blocked) => Value::int(1),
            Some(Park::External) => Value::int(2),
            Some(Park::Commit) => Value::int(3),
        };
        let resuming = if thread.resuming_wait { Value::int(1) } else { Value::NULL };
        for (slot, v) in [(1, objects), (2, ints), (3, frames), (4, thises), (5, park)] {
            self.heap.set_slot(obj, slot, v)?;
        }
        if self.heap.len(obj)? > 6 {
            self.heap.set_slot(obj, 6, resuming)?;
        }
        Ok(())
    }

    /// Drops what `save_thread` last wrote for a thread still running (stacks, frames, `this`
    /// of each frame): stale since, it would only keep garbage alive. The next safepoint that
    /// saves threads writes it again.
    pub(crate) fn forget_saved_state(&self, thread: &Thread) {
        if let Some(obj) = thread.object.object() {
            for slot in 1..=4 {
                let _ = self.heap.set_slot(obj, slot, Value::NULL);
            }
        }
    }

    /// Rebuilds a thread from its thread object, as `save_thread` left it.
    pub fn restore_thread(&self, object: Value) -> Result<Box<Thread>> {
        let bad = |what: &str| Trap::Fatal(format!("damaged thread object: {what}"));
        let obj = object.object().ok_or_else(|| bad("not an object"))?;
        let id = self.heap.slot(obj, 0)?.as_int().ok_or_else(|| bad("no id"))? as u64;
        let objects = self.values_of(self.heap.slot(obj, 1)?)?;
        let ints = match self.heap.slot(obj, 2)?.object() {
            Some(b) => read_u32s(&self.heap.bytes(b)?),
            None => Vec::new(),
        };
        let records = match self.heap.slot(obj, 3)?.object() {
            Some(b) => read_u32s(&self.heap.bytes(b)?),
            None => Vec::new(),
        };
        let thises = self.values_of(self.heap.slot(obj, 4)?)?;
        let mut thread = Box::new(Thread::restored(id, object, objects, ints));
        let tables = self.tables();
        let mut at = 0;
        let mut next = || -> Result<u32> {
            let v = *records.get(at).ok_or_else(|| bad("truncated frame records"))?;
            at += 1;
            Ok(v)
        };
        for this in thises {
            let (class, ordinal, position, obase, ibase, ncatchers) =
                (next()?, next()?, next()?, next()?, next()?, next()?);
            let method = tables
                .classes
                .get(class as usize)
                .and_then(|c| c.vtable.get(ordinal as usize).cloned().flatten())
                .filter(|m| m.class == class)
                .ok_or_else(|| bad(&format!("method {ordinal} of class {class}")))?;
            let code = method.code().ok_or_else(|| bad("a native method in a frame"))?;
            let index = |offset: u32| -> Result<usize> {
                if offset == u32::MAX {
                    return Ok(code.instrs.len());
                }
                code.offsets.binary_search(&offset).map_err(|_| bad(&format!("position @{offset}")))
            };
            let pc = index(position)?;
            let mut catchers = Vec::new();
            for _ in 0..ncatchers {
                let (cclass, target, objects, ints) = (next()?, next()?, next()?, next()?);
                catchers.push((cclass, index(target)? as u32, objects as usize, ints as usize));
            }
            let frame = Frame { method: method.uid(), this, pc, obase: obase as usize, ibase: ibase as usize };
            thread.push_restored_frame(&tables, frame, catchers);
        }
        thread.resuming_wait = self.heap.len(obj)? > 6 && self.heap.slot(obj, 6)?.as_int() == Some(1);
        thread.park = match self.heap.slot(obj, 5)? {
            v if v.is_null() => None,
            v if v.as_int() == Some(1) => Some(Park::Blocked),
            v if v.as_int() == Some(2) => Some(Park::External),
            v if v.as_int() == Some(3) => Some(Park::Commit),
            v => {
                let ms = self.heap.word(v.object().ok_or_else(|| bad("park state"))?, 0)?;
                let left = Duration::from_millis(ms.saturating_sub(self.host().wall_clock_ms()));
                Some(Park::Until(self.now() + left))
            }
        };
        Ok(thread)
    }
}
