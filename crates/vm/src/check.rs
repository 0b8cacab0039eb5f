//! The heap check (`phantom fsck` runs it on an image's heap, the tests on live ones): every
//! block from the first to the top parses, with a known class or free, and every reference
//! reachable from the roots leads to the start of a live block. Garbage is not looked into: an
//! unreachable object may still name blocks freed before it.

use crate::heap::{Kind, FIRST_OBJECT, FREE};
use crate::marks::Marks;
use crate::value::Value;
use crate::vm::Vm;

/// What the heap check found in a sound heap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapCheck {
    /// Blocks holding an object, reachable or not.
    pub objects: u64,
    pub free_bytes: u64,
    /// Objects reachable from the roots, and their bytes.
    pub reachable: u64,
    pub reachable_bytes: u64,
    pub top: u64,
}

/// Errors past this many are counted, not listed.
const ERRORS_LISTED: usize = 20;

impl Vm {
    /// Checks the heap: at a safepoint, or on a heap nothing runs on (an image opened for
    /// `fsck`). The roots are the VM's own and `extra`. Returns the figures, or every problem
    /// found (each with the address it is at).
    pub fn check_heap(&self, extra: &[Value]) -> Result<HeapCheck, Vec<String>> {
        let heap = &self.heap;
        let top = heap.top();
        let classes = self.tables().classes.len() as u64;
        let mut errors = Vec::new();
        let mut report = HeapCheck { top, ..HeapCheck::default() };
        // Where blocks start, and which of them are objects.
        let starts = Marks::new(top);
        let mut at = FIRST_OBJECT;
        while at < top {
            let (header, size) = match (heap.load(at), heap.block_bytes(at)) {
                (Ok(h), Ok(s)) => (h, s),
                (Err(e), _) | (_, Err(e)) => {
                    errors.push(format!("block at {at:#x}: {e}"));
                    break;
                }
            };
            if size == 0 || at + size > top {
                errors.push(format!("block at {at:#x}: {size} bytes run past the top {top:#x}"));
                break;
            }
            let class = header as u32;
            if class == FREE {
                report.free_bytes += size;
            } else if u64::from(class) >= classes {
                errors.push(format!("block at {at:#x}: class {class} of {classes} registered"));
            } else {
                report.objects += 1;
                starts.set(at);
            }
            at += size;
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let reached = Marks::new(top);
        let mut stack: Vec<(u64, String)> = Vec::new();
        let push = |stack: &mut Vec<(u64, String)>, v: Value, from: String| {
            if let Some(o) = v.object() {
                stack.push((o, from));
            }
        };
        push(&mut stack, heap.root().unwrap_or(Value::NULL), "the system object".into());
        self.for_each_root(&mut |v| push(&mut stack, v, "a root of the VM".into()));
        extra.iter().for_each(|&v| push(&mut stack, v, "a root given".into()));
        while let Some((obj, from)) = stack.pop() {
            if obj >= top || obj % 16 != 0 || !starts.get(obj) {
                if errors.len() < ERRORS_LISTED {
                    errors.push(format!("{from} refers to {obj:#x}, which is not a live object"));
                }
                continue;
            }
            if !reached.set(obj) {
                continue;
            }
            report.reachable += 1;
            report.reachable_bytes += heap.block_bytes(obj).unwrap_or(0);
            let header = heap.load(obj).unwrap_or(0);
            if (header >> 32) as u8 != Kind::Slots as u8 {
                continue;
            }
            for k in 0..heap.len(obj).unwrap_or(0) {
                if let Ok(v) = heap.slot(obj, k) {
                    if v.object().is_some_and(|child| !reached.get(child)) {
                        push(&mut stack, v, format!("slot {k} of the object at {obj:#x} (class {})", header as u32));
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(report)
        } else {
            Err(errors)
        }
    }
}
