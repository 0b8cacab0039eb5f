//! Java arrays (`.internal.container.java_array`): fixed length, flat, typed. Slot 0 holds the
//! element kind, slot 1 the array's Java descriptor (`[I`, `[Ljava/lang/String;`), slot 2 the
//! class every stored reference must descend from (an int class id; null when nothing is
//! checked: `Object[]`, arrays of interfaces or of arrays), and the elements follow: one slot
//! each, a long or double two (its halves as ints, as fields hold them). Numbers never written
//! are null and read as zero, so a new array costs only its zeroed memory.

use crate::class::ids;
use crate::heap::{Heap, Kind, MemoryError};
use crate::value::Value;

/// Slots before the first element.
pub const ELEMENTS: u64 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
    Ref,
    /// int, short, char, byte and boolean
    Int,
    /// a float's bits as an int
    Float,
    Long,
    Double,
}

impl Elem {
    fn code(self) -> i32 {
        self as i32
    }

    fn from_code(code: i32) -> Option<Elem> {
        [Elem::Ref, Elem::Int, Elem::Float, Elem::Long, Elem::Double].get(code as usize).copied()
    }

    /// The elements of an array with this Java descriptor.
    pub fn of_descriptor(descriptor: &[u8]) -> Elem {
        match descriptor.get(1) {
            Some(b'J') => Elem::Long,
            Some(b'D') => Elem::Double,
            Some(b'F') => Elem::Float,
            Some(b'L' | b'[') | None => Elem::Ref,
            _ => Elem::Int,
        }
    }

    /// Slots one element takes.
    pub fn width(self) -> u64 {
        match self {
            Elem::Long | Elem::Double => 2,
            _ => 1,
        }
    }
}

/// A Java array as the instructions see it.
#[derive(Clone, Copy, Debug)]
pub struct JavaArray {
    pub obj: u64,
    pub elem: Elem,
    pub length: u64,
}

impl JavaArray {
    /// The first slot of element `index`, if it is in range.
    #[inline(always)]
    pub fn slot(&self, index: i32) -> Option<u64> {
        let i = u64::try_from(index).ok().filter(|&i| i < self.length)?;
        Some(ELEMENTS + i * self.elem.width())
    }
}

/// The Java array `v` is, if it is one.
#[inline(always)]
pub fn java_array(heap: &Heap, v: Value) -> Result<Option<JavaArray>, MemoryError> {
    let Some(obj) = v.object() else { return Ok(None) };
    let (class, kind) = heap.header(obj)?;
    if class != ids::JAVA_ARRAY || kind != Kind::Slots {
        return Ok(None);
    }
    let slots = heap.len(obj)?;
    let Some(elem) = heap.slot(obj, 0)?.as_int().and_then(Elem::from_code) else { return Ok(None) };
    Ok(Some(JavaArray { obj, elem, length: slots.saturating_sub(ELEMENTS) / elem.width() }))
}

/// A new array of `length` zero elements; `check` is the class stored references must
/// descend from, if any.
pub fn alloc(heap: &Heap, descriptor: Value, check: Option<u32>, length: u64) -> Result<Value, MemoryError> {
    let text = match descriptor.object() {
        Some(o) => heap.bytes_range(o, 0, heap.len(o)?.min(2))?,
        None => Vec::new(),
    };
    let elem = Elem::of_descriptor(&text);
    let slots = ELEMENTS + length * elem.width();
    let array = heap.alloc(ids::JAVA_ARRAY, Kind::Slots, slots, slots)?;
    let obj = array.object().expect("just allocated");
    heap.set_slot(obj, 0, Value::int(elem.code()))?;
    heap.set_slot(obj, 1, descriptor)?;
    heap.set_slot(obj, 2, check.map_or(Value::NULL, |c| Value::int(c as i32)))?;
    Ok(array)
}

/// The class stored references must descend from, if the array checks them.
#[inline(always)]
pub fn store_check(heap: &Heap, array: &JavaArray) -> Result<Option<u32>, MemoryError> {
    Ok(heap.slot(array.obj, 2)?.as_int().map(|c| c as u32))
}

/// The array's Java descriptor (a string value).
pub fn descriptor(heap: &Heap, array: &JavaArray) -> Result<Value, MemoryError> {
    heap.slot(array.obj, 1)
}
