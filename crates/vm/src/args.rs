//! What every native does with its arguments: take one by position, as an int, a string or
//! an object of a class, and tell whether the call may park its thread.

use crate::cx::Cx;
use crate::heap::ClassId;
use crate::thread::{Number, Result, Thread};
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

/// The text `toString` gives for a value, without calling user code.
pub fn text_of(cx: &Cx, v: Value) -> Result<Vec<u8>> {
    if let Some(bytes) = cx.string_bytes(v)? {
        return Ok(bytes);
    }
    Ok(match cx.unbox_any(v)? {
        Some(Number::I(i)) => i.to_string().into_bytes(),
        Some(Number::L(l)) => l.to_string().into_bytes(),
        Some(Number::F(f)) => format!("{f:.6}").into_bytes(),
        Some(Number::D(d)) => format!("{d:.6}").into_bytes(),
        None if v.is_null() => b"null".to_vec(),
        None => match cx.class_of(v)? {
            // A class object's text is the name of the class it stands for.
            crate::class::ids::CLASS => cx.class(cx.class_id_of_object(v)?).name.as_bytes().to_vec(),
            class => cx.class(class).name.as_bytes().to_vec(),
        },
    })
}
