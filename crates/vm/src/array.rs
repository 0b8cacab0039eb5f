//! Arrays (`.internal.container.array`): an element count and storage that grows as elements
//! are set past the end; the array natives and the Java runtime's share these.

use crate::args::{arg, int_arg};
use crate::class::ids;
use crate::cx::Cx;
use crate::heap::Kind;
use crate::thread::{Result, Thread};
use crate::value::Value;

pub fn new_array(cx: &Cx) -> Result<Value> {
    new_array_of_class(cx, ids::ARRAY)
}

/// An empty array of `class` (an array class: `.internal.container.array` or a Java array).
pub fn new_array_of_class(cx: &Cx, class: crate::heap::ClassId) -> Result<Value> {
    let array = cx.heap.alloc(class, Kind::Slots, 2, 2)?;
    cx.heap.set_slot(array.0, 0, Value::int(0))?;
    Ok(array)
}

pub fn array_parts(cx: &Cx, this: Value) -> Result<(u64, usize, Value)> {
    match this.object() {
        Some(o) if cx.heap.class_of(o)? == ids::ARRAY => {
            let count = cx.heap.slot(o, 0)?.as_int().unwrap_or(0) as usize;
            Ok((o, count, cx.heap.slot(o, 1)?))
        }
        _ => Err(cx.throw_str("not an array")),
    }
}

pub fn array_get(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (_, count, storage) = array_parts(cx, this)?;
    let index = int_arg(cx, args, 0)?;
    match (usize::try_from(index), storage.object()) {
        (Ok(i), Some(page)) if i < count => Ok(cx.heap.element(page, i as u64)?),
        _ => Err(cx.throw_str(&format!("array index {index} out of range (size {count})"))),
    }
}

/// Element `index` of an array, or the out-of-range error `get` gives.
pub fn array_get_at(cx: &Cx, array: Value, index: i32) -> Result<Value> {
    let mut nested = Thread::default();
    array_get(cx, &mut nested, array, &[Value::int(index)])
}

/// The number of elements of an array.
pub fn array_len(cx: &Cx, array: Value) -> Result<usize> {
    Ok(array_parts(cx, array)?.1)
}

/// Sets element `index` of an array, growing it as `set` does.
pub fn array_set_at(cx: &Cx, thread: &mut Thread, array: Value, v: Value, index: i32) -> Result<()> {
    array_set(cx, thread, array, &[v, Value::int(index)]).map(drop)
}

pub fn array_set(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (array, count, storage) = array_parts(cx, this)?;
    let value = arg(cx, args, 0)?;
    let index = int_arg(cx, args, 1)?;
    let i = usize::try_from(index).map_err(|_| cx.throw_str("negative array index"))? as u64;
    let place = match storage.object() {
        Some(page) => cx.heap.element_place(page, i)?,
        None => None,
    };
    let (page, slot) = match place {
        Some(place) => place,
        None => {
            let grown = grow_storage(cx, array, storage, count as u64, i)?;
            cx.heap.element_place(grown, i)?.expect("grown storage holds the element")
        }
    };
    cx.heap.set_slot(page, slot, value)?;
    if i >= count as u64 {
        cx.heap.set_slot(array, 0, Value::int(i as i32 + 1))?;
    }
    Ok(value)
}

/// Makes room in `array`'s storage for element `i`, its first `count` kept; returns the
/// storage. Flat storage at least doubles (at least 16 slots), so that filling an array by
/// index copies each element a constant number of times on average (the original grew by 1,024
/// slots above 512, which made a fill quadratic). Past [`LEAF_SLOTS`] elements the storage is
/// a directory of leaves: growing adds leaves and at times doubles the directory, and never
/// copies the elements, so no growth is one long instruction.
fn grow_storage(cx: &Cx, array: u64, storage: Value, count: u64, i: u64) -> Result<u64> {
    use crate::heap::LEAF_SLOTS;
    let heap = cx.heap;
    let old = storage.object();
    let capacity = match old {
        Some(page) => heap.storage_capacity(page)?,
        None => 0,
    };
    let wanted = (i + 1).max(2 * capacity).max(16);
    if wanted <= LEAF_SLOTS {
        let page = heap.alloc(ids::PAGE, Kind::Slots, wanted, wanted)?;
        if let Some(old) = old {
            heap.copy_into_new(old, page.0, count)?;
        }
        heap.set_slot(array, 1, page)?;
        return Ok(page.0);
    }
    let leaves = i / LEAF_SLOTS + 1;
    let new_leaf = || heap.alloc(ids::PAGE, Kind::Slots, LEAF_SLOTS, LEAF_SLOTS);
    let mut directory = match old {
        Some(d) if heap.is_directory(d)? => d,
        _ => {
            let d = heap.alloc(ids::PAGE, Kind::Slots, 4, 4)?;
            heap.make_directory(d.0)?;
            match old {
                // Flat storage of a leaf's size becomes the first leaf as it is.
                Some(flat) if heap.len(flat)? == LEAF_SLOTS => heap.set_slot(d.0, 0, Value::from_ref(flat))?,
                // Other flat storage (an array made before directories, or one set far past
                // its end) is copied into leaves once.
                Some(flat) => {
                    for l in 0..count.div_ceil(LEAF_SLOTS) {
                        let leaf = new_leaf()?;
                        heap.set_slot(d.0, l, leaf)?;
                        let n = (count - l * LEAF_SLOTS).min(LEAF_SLOTS);
                        (0..n).try_for_each(|k| heap.set_slot(leaf.0, k, heap.slot(flat, l * LEAF_SLOTS + k)?))?;
                    }
                }
                None => {}
            }
            heap.set_slot(array, 1, d)?;
            d.0
        }
    };
    if heap.len(directory)? < leaves {
        let size = leaves.next_power_of_two().max(2 * heap.len(directory)?);
        let bigger = heap.alloc(ids::PAGE, Kind::Slots, size, size)?;
        heap.make_directory(bigger.0)?;
        heap.copy_into_new(directory, bigger.0, heap.len(directory)?)?;
        heap.set_slot(array, 1, bigger)?;
        directory = bigger.0;
    }
    for l in heap.storage_capacity(directory)? / LEAF_SLOTS..leaves {
        let leaf = new_leaf()?;
        heap.set_slot(directory, l, leaf)?;
    }
    Ok(directory)
}
