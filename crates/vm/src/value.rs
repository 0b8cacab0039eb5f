//! A VM value: one 64-bit word that is either a tagged 32-bit integer or an object reference.
//!
//! Programs see integers as `.internal.int` objects; here they are immediates, so arithmetic
//! and calls with int arguments allocate nothing. References are byte offsets into the heap
//! (8-aligned), never host pointers, so the heap can be written to disk and mapped anywhere.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Value(pub u64);

impl Value {
    /// The one null: the original's zero reference and null object are the same here
    /// (docs/COMPATIBILITY.md).
    pub const NULL: Value = Value(0);

    pub fn int(v: i32) -> Value {
        Value(((v as u32 as u64) << 32) | 1)
    }

    pub fn is_int(self) -> bool {
        self.0 & 1 == 1
    }

    pub fn as_int(self) -> Option<i32> {
        self.is_int().then_some((self.0 >> 32) as i32)
    }

    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    /// An object reference (heap offset), for non-null, non-int values.
    pub fn object(self) -> Option<u64> {
        (!self.is_int() && !self.is_null()).then_some(self.0)
    }

    pub fn from_ref(offset: u64) -> Value {
        debug_assert!(offset.is_multiple_of(8) && offset != 0);
        Value(offset)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.as_int(), self.object()) {
            (Some(i), _) => write!(f, "int {i}"),
            (_, Some(o)) => write!(f, "@{o:#x}"),
            _ => f.write_str("null"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_and_refs_do_not_collide() {
        for i in [0, 1, -1, i32::MIN, i32::MAX] {
            let v = Value::int(i);
            assert_eq!(v.as_int(), Some(i));
            assert!(v.object().is_none() && !v.is_null());
        }
        let r = Value::from_ref(64);
        assert_eq!((r.object(), r.as_int()), (Some(64), None));
        assert!(Value::NULL.is_null() && Value::NULL.object().is_none());
    }
}
