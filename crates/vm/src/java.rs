//! Natives of `.internal.java`: what the Java runtime library (`phantom-java`'s) cannot write
//! in Java itself: arrays made and copied whole, Java's text forms of floating point, the
//! standard streams, the clock, identity hashes and the process's exit.

use crate::args::{arg, int_arg, string_of};
use crate::array::{array_get_at, array_len, array_set_at, new_array_of_class};
use crate::class::ids;
use crate::cx::Cx;
use crate::java_array::{self, Elem, JavaArray};
use crate::thread::{Number, Result, Thread};
use crate::value::Value;

fn number(cx: &Cx, args: &[Value], i: usize) -> Result<Number> {
    let v = arg(cx, args, i)?;
    cx.unbox_any(v)?.ok_or_else(|| cx.throw_str(&format!("argument {i} is not a number")))
}

/// newArray(n, descriptor, check): a Java array of `n` zero elements with that descriptor
/// (`[I`); `check` names the class every stored reference must descend from, or is null.
pub fn java_new_array(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let n = int_arg(cx, args, 0)?;
    let descriptor = arg(cx, args, 1)?;
    string_of(cx, descriptor)?;
    let check = match arg(cx, args, 2)? {
        v if v.is_null() => None,
        v => {
            let name = String::from_utf8_lossy(&string_of(cx, v)?).into_owned();
            Some(cx.find_class(&name).map_err(|e| cx.throw_str(&e))?)
        }
    };
    if n < 0 {
        return Err(cx.throw_str(&format!("java.lang.NegativeArraySizeException: {n}")));
    }
    Ok(java_array::alloc(cx.heap, descriptor, check, n as u64)?)
}

/// arraycopy(src, srcPos, dst, dstPos, length), overlapping ranges included, with Java's
/// checks and messages.
pub fn java_arraycopy(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let (src, dst) = (arg(cx, args, 0)?, arg(cx, args, 2)?);
    let (sp, dp, n) = (int_arg(cx, args, 1)?, int_arg(cx, args, 3)?, int_arg(cx, args, 4)?);
    if src.is_null() || dst.is_null() {
        return Err(cx.throw_str("java.lang.NullPointerException"));
    }
    let heap = cx.heap;
    let array = |v: Value, which: &str| -> Result<JavaArray> {
        java_array::java_array(heap, v)?.ok_or_else(|| {
            cx.throw_str(&format!(
                "java.lang.ArrayStoreException: arraycopy: {which} type {} is not an array",
                java_class_name_of(cx, v)
            ))
        })
    };
    let (s, d) = (array(src, "source")?, array(dst, "destination")?);
    if s.elem != d.elem || (s.elem == Elem::Int && type_name(cx, &s)? != type_name(cx, &d)?) {
        return Err(cx.throw_str(&format!(
            "java.lang.ArrayStoreException: arraycopy: type mismatch: can not copy {}[] into {}[]",
            type_name(cx, &s)?,
            type_name(cx, &d)?
        )));
    }
    let bad = |what: String| cx.throw_str(&format!("java.lang.ArrayIndexOutOfBoundsException: arraycopy: {what}"));
    let shape = |a: &JavaArray| -> Result<String> { Ok(format!("{}[{}]", type_name(cx, a)?, a.length)) };
    if sp < 0 {
        return Err(bad(format!("source index {sp} out of bounds for {}", shape(&s)?)));
    }
    if dp < 0 {
        return Err(bad(format!("destination index {dp} out of bounds for {}", shape(&d)?)));
    }
    if n < 0 {
        return Err(bad(format!("length {n} is negative")));
    }
    if sp as u64 + n as u64 > s.length {
        return Err(bad(format!("last source index {} out of bounds for {}", sp as u64 + n as u64, shape(&s)?)));
    }
    if dp as u64 + n as u64 > d.length {
        return Err(bad(format!("last destination index {} out of bounds for {}", dp as u64 + n as u64, shape(&d)?)));
    }
    let width = s.elem.width();
    let first = |at: i32| java_array::ELEMENTS + at as u64 * width;
    let values: Vec<Value> =
        (0..n as u64 * width).map(|k| heap.slot(s.obj, first(sp) + k)).collect::<std::result::Result<_, _>>()?;
    let check = java_array::store_check(heap, &d)?;
    for (k, v) in values.into_iter().enumerate() {
        if let Some(class) = check {
            if !v.is_null() && !cx.is_subclass(cx.class_of(v)?, class) {
                return Err(cx.throw_str(&format!(
                    "java.lang.ArrayStoreException: arraycopy: element type mismatch: can not cast one of the elements of {}[] to the type of the destination array, {}",
                    element_type_name(cx, &s)?,
                    element_type_name(cx, &d)?
                )));
            }
        }
        heap.set_slot(d.obj, first(dp) + k as u64, v)?;
    }
    Ok(Value::NULL)
}

/// The element type's Java name for messages (`int`, `java.lang.String`, `int[]`).
fn type_name(cx: &Cx, a: &JavaArray) -> Result<String> {
    let d = string_of(cx, java_array::descriptor(cx.heap, a)?)?;
    Ok(descriptor_type_name(&d[1..]))
}

/// As `type_name`, but naming `Object` as a class, the way the element-mismatch message does.
fn element_type_name(cx: &Cx, a: &JavaArray) -> Result<String> {
    let d = string_of(cx, java_array::descriptor(cx.heap, a)?)?;
    Ok(match &d[1..] {
        b"Ljava/lang/Object;" => "java.lang.Object".into(),
        other => descriptor_type_name(other),
    })
}

fn descriptor_type_name(d: &[u8]) -> String {
    match d.first() {
        Some(b'[') => format!("{}[]", descriptor_type_name(&d[1..])),
        Some(b'L') => {
            let name = String::from_utf8_lossy(&d[1..d.len().saturating_sub(1)]).replace('/', ".");
            if name == "java.lang.Object" {
                "object array".into()
            } else {
                name
            }
        }
        Some(b'I') => "int".into(),
        Some(b'J') => "long".into(),
        Some(b'D') => "double".into(),
        Some(b'F') => "float".into(),
        Some(b'Z') => "boolean".into(),
        Some(b'B') => "byte".into(),
        Some(b'C') => "char".into(),
        Some(b'S') => "short".into(),
        _ => "?".into(),
    }
}

/// Java's name of a value's class, for messages.
fn java_class_name_of(cx: &Cx, v: Value) -> String {
    let name = cx.class_of(v).map(|c| cx.class(c).name.clone()).unwrap_or_default();
    match name.as_str() {
        ".internal.string" => "java.lang.String".into(),
        ".internal.int" => "java.lang.Integer".into(),
        n => n.strip_prefix(".java.").unwrap_or(n).to_string(),
    }
}

/// Java's `Double.toString`: the shortest digits that read back to the same value, as
/// `123.45`, or `1.2345E10` outside 10^-3 .. 10^7.
fn java_decimal(digits: &str, exponent: i32) -> String {
    if (-3..7).contains(&exponent) {
        let point = exponent + 1;
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        }
    } else {
        let (first, rest) = digits.split_at(1);
        format!("{first}.{}E{exponent}", if rest.is_empty() { "0" } else { rest })
    }
}

fn java_float_text(text: String, negative: bool, special: Option<&str>) -> String {
    if let Some(s) = special {
        return s.to_string();
    }
    // `{:e}` gives the shortest round-trip digits: "1.2345e4".
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let body = java_decimal(digits, exponent);
    if negative {
        format!("-{body}")
    } else {
        body
    }
}

pub fn double_text(d: f64) -> String {
    let special = if d.is_nan() {
        Some("NaN")
    } else if d.is_infinite() {
        Some(if d > 0.0 { "Infinity" } else { "-Infinity" })
    } else if d == 0.0 {
        Some(if d.is_sign_negative() { "-0.0" } else { "0.0" })
    } else {
        None
    };
    java_float_text(format!("{:e}", d.abs()), d < 0.0, special)
}

pub fn float_text(f: f32) -> String {
    let special = if f.is_nan() {
        Some("NaN")
    } else if f.is_infinite() {
        Some(if f > 0.0 { "Infinity" } else { "-Infinity" })
    } else if f == 0.0 {
        Some(if f.is_sign_negative() { "-0.0" } else { "0.0" })
    } else {
        None
    };
    java_float_text(format!("{:e}", f.abs()), f < 0.0, special)
}

pub fn java_double_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let d = number(cx, args, 0)?.as_f64();
    cx.new_string(double_text(d).as_bytes())
}

pub fn java_float_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let f = number(cx, args, 0)?.as_f32();
    cx.new_string(float_text(f).as_bytes())
}

/// exit(status): the process ends now, its output written.
pub fn java_exit(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let status = int_arg(cx, args, 0)?;
    cx.print(b"")?;
    std::process::exit(status)
}

/// printErr(line): one line on the standard error stream.
pub fn java_print_err(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    cx.host().write_diagnostic(&String::from_utf8_lossy(&text));
    Ok(Value::NULL)
}

/// print(text): bytes on the standard output.
pub fn java_print(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    cx.print(&text)?;
    Ok(Value::NULL)
}

/// identityHash(x): stable for the object's life (its offset, which never moves).
pub fn java_identity_hash(_: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    Ok(Value::int(identity_hash(args.first().copied().unwrap_or(Value::NULL))))
}

/// An object's identity hash: FNV-1a of its offset, as the object protocol's `hashCode`, kept
/// positive as the JVM's are. Stable across runs, so persistent hash maps stay valid.
fn identity_hash(v: Value) -> i32 {
    offset_hash(v) as i32 & 0x7fff_ffff
}

/// FNV-1a of an object's offset: the object protocol's `hashCode` of objects that are not strings.
pub fn offset_hash(v: Value) -> u32 {
    v.0.to_le_bytes().iter().fold(0x811c9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x01000193))
}

/// toString() of a Java array: Object's, `[I@1b6d3586`.
pub fn java_array_to_string(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let a = java_array_arg(cx, &[this], 0)?;
    let d = string_of(cx, java_array::descriptor(cx.heap, &a)?)?;
    let name = String::from_utf8_lossy(&d).replace('/', ".");
    cx.new_string(format!("{name}@{:x}", identity_hash(this)).as_bytes())
}

/// hashCode() of a Java array: its identity.
pub fn java_array_hash_code(_: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(identity_hash(this)))
}

/// Java's `String.hashCode` of UTF-8 text.
pub fn java_hash(text: &[u8]) -> i32 {
    String::from_utf8_lossy(text).encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(c as i32))
}

/// stringHash(s): Java's `String.hashCode` (s[0]*31^(n-1) + ... over its characters).
pub fn java_string_hash(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    Ok(Value::int(java_hash(&text)))
}

/// parseDouble(s): Java's `Double.parseDouble`; throws NumberFormatException's text.
pub fn java_parse_double(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    let text = String::from_utf8_lossy(&text);
    let t = text.trim().trim_end_matches(['d', 'D', 'f', 'F']);
    // Rust also reads "inf" and "infinity" in any case, which Java does not.
    let unsigned = t.trim_start_matches(['+', '-']);
    let rust_only = unsigned.to_ascii_lowercase().starts_with("inf") && unsigned != "Infinity"
        || unsigned.eq_ignore_ascii_case("nan") && unsigned != "NaN";
    match t.parse::<f64>() {
        Ok(d) if !rust_only => Ok(Number::D(d).boxed(cx.heap)?),
        _ => Err(number_format(cx, &text)),
    }
}

fn number_format(cx: &Cx, text: &str) -> crate::thread::Trap {
    if text.is_empty() {
        return cx.throw_str("java.lang.NumberFormatException: empty String");
    }
    cx.throw_str(&format!("java.lang.NumberFormatException: For input string: \"{text}\""))
}

/// charToString(c): the one-character string of a UTF-16 unit.
pub fn java_char_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let c = int_arg(cx, args, 0)? as u32 & 0xFFFF;
    let text = char::from_u32(c).unwrap_or('\u{FFFD}').to_string();
    cx.new_string(text.as_bytes())
}

/// charsToString(chars, offset, count): the string of part of an array of chars.
pub fn java_chars_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let array = java_array_arg(cx, args, 0)?;
    let (offset, count) = (int_arg(cx, args, 1)?, int_arg(cx, args, 2)?);
    let len = array.length as i64;
    if offset < 0 || count < 0 || offset as i64 + count as i64 > len {
        return Err(cx.throw_str(&format!(
            "java.lang.StringIndexOutOfBoundsException: offset {offset}, count {count}, length {len}"
        )));
    }
    let mut units = Vec::with_capacity(count as usize);
    for k in 0..count as u64 {
        units.push(cx.heap.slot(array.obj, java_array::ELEMENTS + offset as u64 + k)?.as_int().unwrap_or(0) as u16);
    }
    cx.new_string(String::from_utf16_lossy(&units).as_bytes())
}

/// Argument `i`, a Java array.
fn java_array_arg(cx: &Cx, args: &[Value], i: usize) -> Result<JavaArray> {
    let v = arg(cx, args, i)?;
    java_array::java_array(cx.heap, v)?.ok_or_else(|| {
        if v.is_null() {
            cx.throw_str("java.lang.NullPointerException")
        } else {
            cx.throw_str(&format!("{} is not a Java array", cx.describe(v)))
        }
    })
}

/// toChars(s): the string's UTF-16 units as a Java char[].
pub fn java_to_chars(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    let units: Vec<u16> = String::from_utf8_lossy(&text).encode_utf16().collect();
    let descriptor = cx.new_string(b"[C")?;
    let array = java_array::alloc(cx.heap, descriptor, None, units.len() as u64)?;
    let obj = array.object().expect("just allocated");
    for (k, u) in units.into_iter().enumerate() {
        cx.heap.set_slot(obj, java_array::ELEMENTS + k as u64, Value::int(u as i32))?;
    }
    Ok(array)
}

/// compareStrings(a, b): Java's `String.compareTo`.
pub fn java_compare_strings(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let a = string_of(cx, arg(cx, args, 0)?)?;
    let b = string_of(cx, arg(cx, args, 1)?)?;
    let (a, b): (Vec<u16>, Vec<u16>) =
        (String::from_utf8_lossy(&a).encode_utf16().collect(), String::from_utf8_lossy(&b).encode_utf16().collect());
    let diff = a.iter().zip(&b).find(|(x, y)| x != y).map(|(x, y)| *x as i32 - *y as i32);
    Ok(Value::int(diff.unwrap_or(a.len() as i32 - b.len() as i32)))
}

/// longToString(v, radix): Java's `Long.toString(v, radix)`.
pub fn java_long_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let v = number(cx, args, 0)?.as_i64();
    let radix = int_arg(cx, args, 1)?;
    let radix = if (2..=36).contains(&radix) { radix as u64 } else { 10 };
    let mut digits = Vec::new();
    let mut n = v.unsigned_abs();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % radix) as usize]);
        n /= radix;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    cx.new_string(&digits)
}

/// parseLong(s, radix): Java's `Long.parseLong`; throws NumberFormatException's text.
pub fn java_parse_long(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = string_of(cx, arg(cx, args, 0)?)?;
    let text = String::from_utf8_lossy(&text).into_owned();
    let radix = int_arg(cx, args, 1)?.clamp(2, 36) as u32;
    let body = text.strip_prefix('+').unwrap_or(&text);
    if body.starts_with(['+', '-']) && text.starts_with('+') || body.is_empty() || body == "-" {
        return Err(number_format(cx, &text));
    }
    match i64::from_str_radix(body, radix) {
        Ok(v) => Ok(Number::L(v).boxed(cx.heap)?),
        Err(_) => Err(number_format(cx, &text)),
    }
}

/// math(op, a, b): the functions of `java.lang.Math` that need the host's library.
pub fn java_math(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let op = int_arg(cx, args, 0)?;
    let float = |i| -> Result<f64> { Ok(number(cx, args, i)?.as_f64()) };
    let (a, b) = (float(1)?, float(2)?);
    let r = u8::try_from(op)
        .ok()
        .and_then(|op| math_function(op, a, b))
        .ok_or_else(|| cx.throw_str(&format!("math: no function {op}")))?;
    Ok(Number::D(r).boxed(cx.heap)?)
}

/// Function `op` of java.lang.Math, with Java's special cases where the C library's differ
/// (pow of a NaN or of ±1 to an infinity; min and max of NaN and of zeros). The `math`
/// instruction and the `math` native share the numbering.
pub fn math_function(op: u8, a: f64, b: f64) -> Option<f64> {
    Some(match op {
        0 => a.sqrt(),
        1 if b.is_nan() || (a.abs() == 1.0 && b.is_infinite()) => f64::NAN,
        1 => a.powf(b),
        2 => a.sin(),
        3 => a.cos(),
        4 => a.tan(),
        5 => a.atan2(b),
        6 => a.exp(),
        7 => a.ln(),
        8 => a.log10(),
        9 => a.floor(),
        10 => a.ceil(),
        11 => a.cbrt(),
        12 => a.asin(),
        13 => a.acos(),
        14 => a.atan(),
        15 => a.hypot(b),
        16 => a.round_ties_even(),
        17 => a.abs(),
        18 | 19 if a.is_nan() || b.is_nan() => f64::NAN,
        // -0.0 is below 0.0 here, as in Java.
        18 if a == b => f64::from_bits(a.to_bits() & b.to_bits()),
        19 if a == b => f64::from_bits(a.to_bits() | b.to_bits()),
        18 => a.max(b),
        19 => a.min(b),
        _ => return None,
    })
}

/// className(o): the Phantom name of an object's class; a Java array's Java name (`[I`).
pub fn java_class_name(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let v = arg(cx, args, 0)?;
    if let Some(a) = java_array::java_array(cx.heap, v)? {
        let d = string_of(cx, java_array::descriptor(cx.heap, &a)?)?;
        let dotted: Vec<u8> = d.iter().map(|&b| if b == b'/' { b'.' } else { b }).collect();
        return cx.new_string(&dotted);
    }
    let class = cx.class_of(v)?;
    let name = cx.class(class).name.clone();
    cx.new_string(name.as_bytes())
}

/// cloneArray(a): a new array with the same elements (a Java array, or a Phantom one).
pub fn java_clone_array(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let src = arg(cx, args, 0)?;
    if let Some(a) = java_array::java_array(cx.heap, src)? {
        let descriptor = java_array::descriptor(cx.heap, &a)?;
        let check = java_array::store_check(cx.heap, &a)?;
        let copy = java_array::alloc(cx.heap, descriptor, check, a.length)?;
        let obj = copy.object().expect("just allocated");
        for k in java_array::ELEMENTS..cx.heap.len(a.obj)? {
            cx.heap.set_slot(obj, k, cx.heap.slot(a.obj, k)?)?;
        }
        return Ok(copy);
    }
    let n = array_len(cx, src)? as i32;
    let class = cx.class_of(src)?;
    let array = new_array_of_class(cx, class)?;
    for i in (0..n).rev() {
        let v = array_get_at(cx, src, i)?;
        array_set_at(cx, thread, array, v, i)?;
    }
    Ok(array)
}

/// newArrayLike(a, n): a new Java array of `n` zero elements of the same type as `a`
/// (`Arrays.copyOf` and `toArray(T[])` keep the type of the array they were given).
pub fn java_new_array_like(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let a = java_array_arg(cx, args, 0)?;
    let n = int_arg(cx, args, 1)?;
    if n < 0 {
        return Err(cx.throw_str(&format!("java.lang.NegativeArraySizeException: {n}")));
    }
    let descriptor = java_array::descriptor(cx.heap, &a)?;
    Ok(java_array::alloc(cx.heap, descriptor, java_array::store_check(cx.heap, &a)?, n as u64)?)
}

/// isSubclass(a, b): whether the class named `a` (a Phantom name) is `b` or descends from it
/// (array covariance: a `Cat[]` is an `Animal[]`).
pub fn java_is_subclass(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = |i| -> Result<String> { Ok(String::from_utf8_lossy(&string_of(cx, arg(cx, args, i)?)?).into_owned()) };
    let (a, b) = (cx.find_class(&name(0)?), cx.find_class(&name(1)?));
    Ok(Value::int(matches!((a, b), (Ok(a), Ok(b)) if cx.is_subclass(a, b)) as i32))
}

/// gc(): asks the collector for a cycle (System.gc()); it runs beside the threads.
pub fn java_gc(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    cx.heap.gc_wanted.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NULL)
}

/// refersTo(weakref, o): whether a weak reference's referent is `o`, without making it strong
/// (`get` keeps what it returns alive through a marking cycle; a poll for clearing must not).
pub fn java_refers_to(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let w = arg(cx, args, 0)?;
    let o = arg(cx, args, 1)?;
    let obj = w.object().filter(|_| cx.class_of(w).ok() == Some(ids::WEAKREF));
    let obj = obj.ok_or_else(|| cx.throw_str(&format!("refersTo: {} is not a weak reference", cx.describe(w))))?;
    Ok(Value::int((cx.heap.slot(obj, 0)? == o) as i32))
}

/// satellite(o): `o`'s satellite index (0: none yet), or -1 for a value without a header (an
/// int), which cannot have one.
pub fn java_satellite(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    match arg(cx, args, 0)?.object() {
        Some(obj) => Ok(Value::int(cx.heap.satellite(obj)? as i32)),
        None => Ok(Value::int(-1)),
    }
}

/// setSatellite(o, index): gives `o` a satellite index; false when the index is out of range.
pub fn java_set_satellite(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let obj = arg(cx, args, 0)?.object().ok_or_else(|| cx.throw_str("setSatellite: not an object"))?;
    let index = int_arg(cx, args, 1)?;
    if index <= 0 || index as u32 >= crate::heap::MAX_SATELLITE {
        return Ok(Value::int(0));
    }
    cx.heap.set_satellite(obj, index as u32)?;
    Ok(Value::int(1))
}

/// The constant of a translated class that lists its NullPointerException messages
/// (`phantom_java::NPE_TABLE`): lines of `ORDINAL START END MESSAGE`.
const NPE_TABLE: u32 = 0x7fff_ff00;

/// How far before a Java instruction's code a failing fused run may begin (a run reading the
/// array and the index for an array store starts a few instructions early).
const NPE_LEAD: u32 = 32;

/// nullMessage(): the JVM's message for the null access that raised this thread's last VM
/// error, from the table of the failing method's class; null when it has none.
pub fn java_null_message(cx: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    let Some((class, ordinal, offset)) = thread.fault else { return Ok(Value::NULL) };
    let Some(&table) = cx.class(class).constants.get(&NPE_TABLE) else { return Ok(Value::NULL) };
    let Some(text) = cx.string_bytes(table)? else { return Ok(Value::NULL) };
    let text = String::from_utf8_lossy(&text);
    let found = text.lines().find_map(|line| {
        let mut parts = line.splitn(4, ' ');
        let (o, start, end) = (
            parts.next()?.parse::<u32>().ok()?,
            parts.next()?.parse::<u32>().ok()?,
            parts.next()?.parse::<u32>().ok()?,
        );
        (o == ordinal && offset < end && offset + NPE_LEAD >= start).then(|| parts.next()).flatten()
    });
    match found {
        Some(message) => cx.new_string(message.as_bytes()),
        None => Ok(Value::NULL),
    }
}

/// javaArray(a, descriptor): a Phantom array's elements as a new Java array (main's arguments).
pub fn java_from_phantom_array(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let src = arg(cx, args, 0)?;
    let descriptor = arg(cx, args, 1)?;
    string_of(cx, descriptor)?;
    let n = array_len(cx, src)?;
    let array = java_array::alloc(cx.heap, descriptor, None, n as u64)?;
    let obj = array.object().expect("just allocated");
    for k in 0..n {
        cx.heap.set_slot(obj, java_array::ELEMENTS + k as u64, array_get_at(cx, src, k as i32)?)?;
    }
    Ok(array)
}

fn out_of_bounds(cx: &Cx, index: i32, length: usize) -> crate::thread::Trap {
    cx.throw_str(&format!("java.lang.ArrayIndexOutOfBoundsException: Index {index} out of bounds for length {length}"))
}

/// get(index) of a Java array, for Phantom code: numbers boxed.
pub fn java_array_get(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let index = int_arg(cx, args, 0)?;
    let a = java_array_arg(cx, &[this], 0)?;
    let slot = a.slot(index).ok_or_else(|| out_of_bounds(cx, index, a.length as usize))?;
    let cell = |k: u64| -> Result<u32> { Ok(cx.heap.slot(a.obj, slot + k)?.as_int().unwrap_or(0) as u32) };
    let wide = || -> Result<u64> { Ok((cell(0)? as u64) << 32 | cell(1)? as u64) };
    Ok(match a.elem {
        Elem::Ref => cx.heap.slot(a.obj, slot)?,
        Elem::Int => Value::int(cell(0)? as i32),
        Elem::Float => Number::F(f32::from_bits(cell(0)?)).boxed(cx.heap)?,
        Elem::Long => Number::L(wide()? as i64).boxed(cx.heap)?,
        Elem::Double => Number::D(f64::from_bits(wide()?)).boxed(cx.heap)?,
    })
}

/// set(value, index) of a Java array, for Phantom code: never grows it; numbers unboxed.
pub fn java_array_set(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let value = arg(cx, args, 0)?;
    let index = int_arg(cx, args, 1)?;
    let a = java_array_arg(cx, &[this], 0)?;
    let slot = a.slot(index).ok_or_else(|| out_of_bounds(cx, index, a.length as usize))?;
    let number = |cx: &Cx| -> Result<Number> {
        cx.unbox_any(value)?.ok_or_else(|| cx.throw_str(&format!("{} is not a number", cx.describe(value))))
    };
    let set = |k: u64, bits: u32| cx.heap.set_slot(a.obj, slot + k, Value::int(bits as i32));
    match a.elem {
        Elem::Ref => {
            if let Some(class) = java_array::store_check(cx.heap, &a)? {
                if !value.is_null() && !cx.is_subclass(cx.class_of(value)?, class) {
                    return Err(
                        cx.throw_str(&format!("java.lang.ArrayStoreException: {}", java_class_name_of(cx, value)))
                    );
                }
            }
            cx.heap.set_slot(a.obj, slot, value)?;
        }
        Elem::Int => set(0, number(cx)?.as_i64() as u32)?,
        Elem::Float => set(0, (number(cx)?.as_f64() as f32).to_bits())?,
        Elem::Long | Elem::Double => {
            let n = number(cx)?;
            let bits = if a.elem == Elem::Long { n.as_i64() as u64 } else { n.as_f64().to_bits() };
            set(0, (bits >> 32) as u32)?;
            set(1, bits as u32)?;
        }
    }
    Ok(value)
}

/// size() of a Java array.
pub fn java_array_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(java_array_arg(cx, &[this], 0)?.length as i32))
}

/// statics(name): the statics object of a translated class (`.java.C#static`), made and
/// initialised if this is its first use.
pub fn java_statics(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = String::from_utf8_lossy(&string_of(cx, arg(cx, args, 0)?)?).into_owned();
    let class = cx.find_class(&name).map_err(|e| cx.throw_str(&format!("java.lang.IllegalArgumentException: {e}")))?;
    let fresh = cx.instantiate(class)?;
    cx.call(thread, fresh, 16, &[])
}

/// callByName(target, key): calls target's method named `key` with no arguments.
pub fn java_call_by_name(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let target = arg(cx, args, 0)?;
    let key = String::from_utf8_lossy(&string_of(cx, arg(cx, args, 1)?)?).into_owned();
    match crate::class::method_named(cx.class_of(target)?, &key, |c| cx.class(c)) {
        Some((_, ordinal)) => cx.call(thread, target, ordinal, &[]),
        None => Err(cx.throw_str(&format!("no method named {key}"))),
    }
}

pub fn java_nano_time(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::L(cx.host().now().as_nanos() as i64).boxed(cx.heap)?)
}

pub fn java_current_time_millis(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::L(cx.host().wall_clock_ms() as i64).boxed(cx.heap)?)
}

/// `v` (not negative) with `decimals` digits after the point, as `String.format("%.Nf")`
/// writes it: the shortest decimal form of the double, rounded half up.
pub fn fixed_text(v: f64, decimals: usize) -> String {
    let text = format!("{:e}", v.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    // digits[0] is the 10^exponent place; the point is after `whole` digits.
    let mut whole = exponent + 1;
    if whole <= 0 {
        let pad = (-whole + 1) as usize;
        digits.splice(0..0, std::iter::repeat_n(0, pad));
        whole = 1;
    }
    let keep = whole as usize + decimals;
    if digits.len() < keep {
        digits.resize(keep, 0);
    } else if digits.len() > keep {
        let round_up = digits[keep] >= 5;
        digits.truncate(keep);
        if round_up {
            let mut i = keep;
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    whole += 1;
                    break;
                }
                i -= 1;
                if digits[i] == 9 {
                    digits[i] = 0;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    }
    let text: String = digits.iter().map(|d| (b'0' + d) as char).collect();
    let (int_part, frac) = text.split_at(whole as usize);
    let int_part = int_part.trim_start_matches('0');
    let int_part = if int_part.is_empty() { "0" } else { int_part };
    if decimals == 0 {
        int_part.to_string()
    } else {
        format!("{int_part}.{frac}")
    }
}

pub fn java_fixed_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let v = number(cx, args, 0)?.as_f64();
    let decimals = int_arg(cx, args, 1)?.clamp(0, 340) as usize;
    cx.new_string(fixed_text(v, decimals).as_bytes())
}

/// bufferAppend(buffer, length, s): a byte buffer (a binary) holding its first `length` bytes
/// then the bytes of `s`; the same buffer when it has room, else one twice as large. The Java
/// runtime's StringBuilder grows in it, so building a string is linear.
pub fn java_buffer_append(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let buffer = arg(cx, args, 0)?;
    let length = int_arg(cx, args, 1)?.max(0) as u64;
    let text = string_of(cx, arg(cx, args, 2)?)?;
    let capacity = match buffer.object() {
        Some(obj) if cx.class_of(buffer)? == ids::BINARY => cx.heap.len(obj)?,
        _ => 0,
    };
    if length > capacity {
        return Err(cx.throw_str("bufferAppend: length past the buffer"));
    }
    let needed = length + text.len() as u64;
    let target = if needed <= capacity {
        buffer
    } else {
        let size = needed.max(capacity * 2).max(16);
        let size = usize::try_from(size).map_err(|_| cx.throw_str("bufferAppend: too large"))?;
        let grown = cx.heap.alloc_bytes(ids::BINARY, &vec![0; size])?;
        if let Some(old) = buffer.object().filter(|_| length > 0) {
            let kept = cx.heap.bytes(old)?;
            cx.heap.write_bytes(grown.object().expect("just allocated"), 0, &kept[..length as usize])?;
        }
        grown
    };
    cx.heap.write_bytes(target.object().expect("a buffer"), length, &text)?;
    Ok(target)
}

/// bufferToString(buffer, length): the string of a buffer's first `length` bytes.
pub fn java_buffer_to_string(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let buffer = arg(cx, args, 0)?;
    let length = int_arg(cx, args, 1)?.max(0) as usize;
    let Some(obj) = buffer.object().filter(|_| length > 0) else {
        return cx.new_string(b"");
    };
    if cx.class_of(buffer)? != ids::BINARY {
        return Err(cx.throw_str("bufferToString: not a buffer"));
    }
    let bytes = cx.heap.bytes(obj)?;
    let text = bytes.get(..length).ok_or_else(|| cx.throw_str("bufferToString: length past the buffer"))?;
    cx.new_string(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floating_point_reads_as_java_writes_it() {
        for (d, text) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (123.456, "123.456"),
            (1e7, "1.0E7"),
            (1234567.0, "1234567.0"),
            (0.001, "0.001"),
            (0.0001, "1.0E-4"),
            (-2.5e-10, "-2.5E-10"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::MAX, "1.7976931348623157E308"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
        ] {
            assert_eq!(double_text(d), text);
        }
        assert_eq!(float_text(0.1f32), "0.1");
        assert_eq!(float_text(1.0f32 / 3.0), "0.33333334");
        assert_eq!(float_text(3e10f32), "3.0E10");
        for (v, p, text) in [
            (0.125, 2, "0.13"),
            (1.005, 2, "1.01"),
            (3.49, 0, "3"),
            (9.999, 2, "10.00"),
            (0.0, 3, "0.000"),
            (123.0, 1, "123.0"),
            (0.0004, 3, "0.000"),
            (2.5, 0, "3"),
        ] {
            assert_eq!(fixed_text(v, p), text, "{v} {p}");
        }
    }
}
