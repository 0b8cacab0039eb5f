//! What every native does with its arguments: take one by position, as an int, a string or
//! an object of a class, and tell whether the call may park its thread.

use crate::cx::Cx;
use crate::heap::ClassId;
use crate::thread::{Result, Thread};
use crate::value::Value;

pub fn arg(cx: &Cx, args: &[Value], i: usize) -> Result<Value> {
    args.get(i).copied().ok_or_else(|| cx.throw_str(&format!("missing argument {i}")))
}

pub fn int_arg(cx: &Cx, args: &[Value], i: usize) -> Result<i32> {
    arg(cx, args, i)?.as_int().ok_or_else(|| cx.throw_str(&format!("argument {i} is not an integer")))
}

pub fn string_of(cx: &Cx, v: Value) -> Result<Vec<u8>> {
    cx.string_bytes(v)?.ok_or_else(|| cx.throw_str(&format!("{} is not a string", cx.describe(v))))
}

/// The bytes of a string or a binary argument.
pub fn bytes_of(cx: &Cx, v: Value) -> Result<Vec<u8>> {
    if let Some(b) = cx.string_bytes(v)? {
        return Ok(b);
    }
    let o = object_of(cx, v, crate::class::ids::BINARY, "string or binary")?;
    Ok(cx.heap.bytes(o)?)
}

/// Whether this call may park its thread (a scheduled thread, not inside a nested call).
pub fn can_park(thread: &Thread) -> bool {
    thread.scheduled && thread.native_depth_is_zero()
}

pub fn object_of(cx: &Cx, v: Value, class: ClassId, what: &str) -> Result<u64> {
    match v.object() {
        Some(o) if cx.heap.class_of(o)? == class => Ok(o),
        _ => Err(cx.throw_str(&format!("not a {what}"))),
    }
}
