//! Native methods of the internal classes, by the original's ordinals and argument orders
//! (reference cx 3.4). Arguments arrive in order: `args[0]` is the first argument.

use std::time::Duration;

pub use crate::args::text_of;
use crate::args::{arg, can_park, int_arg, object_of, string_of};
use crate::array::{array_get, array_parts, array_set};
pub use crate::array::{array_get_at, array_len, array_set_at, new_array};
use crate::class::ids;
use crate::class::NativeId;
use crate::cx::Cx;
use crate::files::*;
use crate::heap::ClassId;
use crate::java::*;
use crate::net::*;
use crate::sched::Park;
use crate::thread::{Number, Result, Thread, Trap};
use crate::value::Value;
use crate::wasm::*;
use crate::window::*;

/// A native method: its context, the calling thread, `this` and the arguments in order.
pub type NativeFn = fn(&Cx, &mut Thread, Value, &[Value]) -> Result<Value>;

/// Binds every row of the internal-class table to the function of its name: a row naming a
/// function that does not exist fails the build.
macro_rules! bind_natives {
    (
        protocol { $($pord:literal $pname:ident $psig:literal => $pnative:ident,)* }
        classes { $(
            $id:literal $konst:ident $name:literal extends $parent:literal device $device:literal {
                $($ord:literal $mname:ident $sig:literal => $native:ident,)*
            }
        )* }
    ) => {
        /// Every native by its id: the object protocol's rows, the classes' own rows, in the
        /// table's order, then the one for methods of a missing device.
        pub(crate) static NATIVES: &[NativeFn] = &[$($pnative,)* $($($native,)*)* unavailable];
        /// The (class, ordinal) of each row of `NATIVES`; `ANY_CLASS` for the object protocol.
        const ROWS: &[(ClassId, u32)] = &[$((ANY_CLASS, $pord),)* $($(($id, $ord),)*)*];
    };
}

phantom_bytecode::for_each_internal_class!(bind_natives);

const ANY_CLASS: ClassId = ClassId::MAX;

/// The native for method `ordinal` of internal class `class`, falling back to the object
/// protocol (0-15) every class has.
pub fn lookup(class: ClassId, ordinal: u32) -> Option<NativeId> {
    let row = |c: ClassId| ROWS.iter().position(|&key| key == (c, ordinal)).map(|i| i as NativeId);
    // An internal class inherits its internal parent's rows (a Java array an array's).
    let mut own = row(class);
    let mut c = class;
    while own.is_none() {
        match internal_parent(c) {
            Some(p) => {
                own = row(p);
                c = p;
            }
            None => break,
        }
    }
    own.or_else(|| (ordinal >= 8 && device_of(class).is_some()).then_some(ROWS.len() as NativeId))
        .or_else(|| row(ANY_CLASS))
}

/// The internal class an internal class extends, if not `.internal.object`.
fn internal_parent(class: ClassId) -> Option<ClassId> {
    let parent = crate::class::INTERNAL_CLASSES.get(class as usize)?.parent;
    crate::class::INTERNAL_CLASSES.iter().find(|c| c.name == parent).map(|c| c.id as ClassId).filter(|&p| p != class)
}

/// The function of a native id.
#[inline]
pub fn native(id: NativeId) -> NativeFn {
    NATIVES[id as usize]
}

/// What the hosted VM lacks to implement an internal class, if anything.
fn device_of(class: ClassId) -> Option<&'static str> {
    crate::class::INTERNAL_CLASSES.get(class as usize).and_then(|c| c.device)
}

fn returns_null(_: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::NULL)
}

fn get_class(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(cx.class(cx.class_of(this)?).object)
}

fn clone(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    if this.is_int() {
        return Ok(this);
    }
    if let Some(bytes) = cx.string_bytes(this)? {
        return cx.new_string(&bytes);
    }
    if cx.unbox_any(this)?.is_some() {
        return Ok(this);
    }
    Err(cx.throw_str("clone is not supported for this object"))
}

/// Numbers by type and value, strings by bytes, everything else by identity.
fn equals(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let other = arg(cx, args, 0)?;
    let same = if this == other {
        true
    } else if let (Some(a), Some(b)) = (cx.string_bytes(this)?, cx.string_bytes(other)?) {
        a == b
    } else {
        match (cx.unbox_any(this)?, cx.unbox_any(other)?) {
            (Some(Number::I(a)), Some(Number::I(b))) => a == b,
            (Some(Number::L(a)), Some(Number::L(b))) => a == b,
            (Some(Number::F(a)), Some(Number::F(b))) => a == b,
            (Some(Number::D(a)), Some(Number::D(b))) => a == b,
            _ => false,
        }
    };
    Ok(Value::int(same as i32))
}

/// Decimal text of an int, written at the end of `buf` (no allocation).
fn int_text(v: i32, buf: &mut [u8; 11]) -> &[u8] {
    let mut n = v.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

fn to_string(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    if let Some(i) = this.as_int() {
        return cx.new_string(int_text(i, &mut [0; 11]));
    }
    if cx.string_bytes(this)?.is_some() {
        return Ok(this);
    }
    cx.new_string(&text_of(cx, this)?)
}

fn to_xml(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let tag = match cx.class_of(this)? {
        ids::INT => "int",
        ids::LONG => "long",
        ids::FLOAT => "float",
        ids::DOUBLE => "double",
        ids::STRING => "string",
        _ => "object",
    };
    let text = String::from_utf8_lossy(&text_of(cx, this)?).into_owned();
    cx.new_string(format!("<{tag}>{text}</{tag}>").as_bytes())
}

fn hash_code(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let Some(bytes) = cx.string_bytes(this)? else {
        // FNV-1a of the object's offset: stable across runs, so hashes stored in persistent
        // maps stay valid.
        return Ok(Value::int(crate::java::offset_hash(this) as i32));
    };
    // A string's hash is Java's (over its UTF-16 units), so that Java code sharing our strings
    // and javac's string switches agree with it.
    Ok(Value::int(crate::java::java_hash(&bytes)))
}

/// A string argument's heap object and length in bytes.
fn string_object(cx: &Cx, v: Value) -> Result<(u64, usize)> {
    let s = object_of(cx, v, ids::STRING, "string")?;
    Ok((s, cx.heap.len(s)? as usize))
}

/// Where `needle` first occurs in string `s` at or after `from`, reading the string in windows
/// that double in size: the cost is the distance to the match, not the string's length.
fn find_in_string(cx: &Cx, s: u64, len: usize, needle: &[u8], from: usize) -> Result<Option<usize>> {
    if needle.is_empty() {
        return Ok(Some(from.min(len)));
    }
    let (mut start, mut window) = (from, 256usize);
    while start + needle.len() <= len {
        let end = (start + window + needle.len() - 1).min(len);
        let bytes = cx.heap.bytes_range(s, start as u64, end as u64)?;
        if let Some(i) = bytes.windows(needle.len()).position(|w| w == needle) {
            return Ok(Some(start + i));
        }
        start = end + 1 - needle.len();
        window = (window * 2).min(1 << 16);
    }
    Ok(None)
}

fn string_substring(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (s, len) = string_object(cx, this)?;
    let (index, length) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    if index < 0 || index as usize > len {
        return Err(cx.throw_str("substring: index out of range"));
    }
    if length < 0 {
        return Err(cx.throw_str("substring: negative length"));
    }
    let end = (index as usize + length as usize).min(len);
    cx.new_string(&cx.heap.bytes_range(s, index as u64, end as u64)?)
}

fn string_char_at(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (s, len) = string_object(cx, this)?;
    let index = int_arg(cx, args, 0)?;
    match usize::try_from(index).ok().filter(|&i| i < len) {
        Some(i) => Ok(Value::int(cx.heap.byte(s, i as u64)? as i32)),
        None => {
            Err(cx.throw_str(&format!("java.lang.StringIndexOutOfBoundsException: String index out of range: {index}")))
        }
    }
}

fn string_concat(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let is_string = |v: Value| -> Result<Option<u64>> {
        Ok(match v.object() {
            Some(o) if cx.heap.class_of(o)? == ids::STRING => Some(o),
            _ => None,
        })
    };
    // Two strings: straight from heap to heap.
    if let (Some(a), Some(b)) = (is_string(this)?, is_string(arg(cx, args, 0)?)?) {
        return Ok(cx.heap.alloc_concat(ids::STRING, a, b)?);
    }
    let mut s = string_of(cx, this)?;
    s.extend(text_of(cx, arg(cx, args, 0)?)?);
    cx.new_string(&s)
}

fn string_length(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let s = object_of(cx, this, ids::STRING, "string")?;
    Ok(Value::int(cx.heap.len(s)? as i32))
}

fn string_strstr(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (s, len) = string_object(cx, this)?;
    let needle = string_of(cx, arg(cx, args, 0)?)?;
    let at = find_in_string(cx, s, len, &needle, 0)?;
    Ok(Value::int(at.map_or(-1, |i| i as i32)))
}

/// toLower() (ours): ASCII letters in lower case; the string itself if it has none upper.
fn string_to_lower(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let s = string_of(cx, this)?;
    if !s.iter().any(u8::is_ascii_uppercase) {
        return Ok(this);
    }
    cx.new_string(&s.to_ascii_lowercase())
}

/// trim() (ours): without the spaces, tabs, CRs and LFs around it.
fn string_trim(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let s = string_of(cx, this)?;
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let start = s.iter().position(|b| !blank(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !blank(b)).map_or(start, |i| i + 1);
    if start == 0 && end == s.len() {
        return Ok(this);
    }
    cx.new_string(&s[start..end])
}

/// indexOf(needle, from) (ours): where `needle` first occurs at or after `from`, or -1, as
/// Java's `String.indexOf` (an empty needle is found at `from`, or at the end past it).
fn string_index_of(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (s, len) = string_object(cx, this)?;
    let needle = string_of(cx, arg(cx, args, 0)?)?;
    let from = int_arg(cx, args, 1)?.max(0) as usize;
    let at = find_in_string(cx, s, len, &needle, from)?;
    Ok(Value::int(at.map_or(-1, |i| i as i32)))
}

fn parse_text<T: std::str::FromStr>(cx: &Cx, this: Value) -> Result<Option<T>> {
    let s = string_of(cx, this)?;
    Ok(String::from_utf8_lossy(&s).trim().parse().ok())
}

fn string_to_int(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(parse_text::<i32>(cx, this)?.unwrap_or(0)))
}

fn string_to_long(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::L(parse_text::<i64>(cx, this)?.unwrap_or(0)).boxed(cx.heap)?)
}

fn string_to_float(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::F(parse_text::<f32>(cx, this)?.unwrap_or(0.0)).boxed(cx.heap)?)
}

fn string_to_double(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::D(parse_text::<f64>(cx, this)?.unwrap_or(0.0)).boxed(cx.heap)?)
}

/// An empty array: slot 0 the element count, slot 1 the storage (a page of slots).
fn array_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(array_parts(cx, this)?.1 as i32))
}

fn class_instance_of(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let class = cx.class_id_of_object(this)?;
    let obj = arg(cx, args, 0)?;
    if obj.is_null() {
        return Ok(Value::int(0));
    }
    let of = cx.class_of(obj)?;
    Ok(Value::int(thread.tables.descends_or(of, class, || cx.is_subclass(of, class)) as i32))
}

fn boot_load_class(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(cx, arg(cx, args, 0)?)?;
    let name = String::from_utf8_lossy(&name).into_owned();
    match cx.find_class(&name) {
        Ok(id) => Ok(cx.class(id).object),
        Err(e) => Err(cx.throw_str(&format!("{name} - class load error: {e}"))),
    }
}

/// Prints every argument, last first (the original's order); objects other than strings and
/// numbers through their own `toString`.
fn boot_print(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let plain = |v: Value| -> Result<bool> {
        Ok(v.is_int() || v.is_null() || cx.string_bytes(v)?.is_some() || cx.unbox_any(v)?.is_some())
    };
    // One object (the usual case): handed on to `print_through_to_string`, in bytecode, so that
    // its `toString` runs as ordinary bytecode rather than nested in this native.
    if let [v] = args {
        if !plain(*v)? && !thread.frames().is_empty() {
            return Err(Trap::TailCall { this, ordinal: PRINT_THROUGH_TO_STRING });
        }
    }
    for &v in args.iter().rev() {
        let text = if plain(v)? {
            text_of(cx, v)?
        } else {
            let s = cx.call(thread, v, 5, &[])?;
            text_of(cx, s)?
        };
        cx.print(&text)?;
    }
    Ok(Value::NULL)
}

/// Boot method in bytecode printing `x.toString()` (ours; see `PRINT_THROUGH_TO_STRING_CODE`).
pub(crate) const PRINT_THROUGH_TO_STRING: u32 = 63;

/// `boot.63(x)`: `this.62(x.toString())`, in assembly.
pub(crate) const PRINT_THROUGH_TO_STRING_CODE: &str = r#"
.class ".internal.boot" parent ".internal.object" fields 0 methods 64
.method "print through toString" 63
        arg_count 1
        summon_this
        os_get32 0
        call 5 0
        call_8bit 62 1
        ret
.end
"#;

/// printText (62, ours; the end of `print_through_to_string`): prints its argument's text as
/// it is, strings and numbers as themselves, other objects by their class's name.
fn boot_print_text(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    for &v in args.iter().rev() {
        cx.print(&text_of(cx, v)?)?;
    }
    Ok(Value::NULL)
}

fn boot_create_binary(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let n = int_arg(cx, args, 0)?;
    let n = usize::try_from(n).map_err(|_| cx.throw_str("createBinary: negative size"))?;
    Ok(cx.heap.alloc_bytes(ids::BINARY, &vec![0; n])?)
}

/// sleep(ms): parks the VM thread (its host thread runs others meanwhile).
fn boot_sleep(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let ms = int_arg(cx, args, 0)?.max(0) as u64;
    if can_park(thread) {
        thread.park(Park::Until(cx.now() + Duration::from_millis(ms)));
    } else {
        cx.host().sleep(Duration::from_millis(ms));
    }
    Ok(Value::NULL)
}

fn boot_kernel_environment(cx: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    let array = new_array(cx)?;
    for (i, var) in cx.kernel_environment().iter().enumerate() {
        let s = cx.new_string(var.as_bytes())?;
        array_set(cx, thread, array, &[s, Value::int(i as i32)])?;
    }
    Ok(array)
}

/// commit() (ours): returns, as an int, the generation of a durable snapshot that holds the
/// calling thread inside this call. The thread parks with the call still to run until the
/// snapshot is durable; a thread restored from that snapshot is still inside the call and
/// waits for the next one.
fn boot_commit(cx: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match cx.commit(thread, can_park(thread))? {
        Some(generation) => Ok(Value::int(generation as i32)),
        None => Err(crate::thread::Trap::Retry),
    }
}

fn boot_set_class_loader(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    cx.set_root_slot(crate::system::CLASS_LOADER, arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

fn boot_set_os_interface(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    cx.set_root_slot(crate::system::OS_INTERFACE, arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

fn boot_start_thread(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    cx.start_thread(arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

/// Mutexes, conds and semaphores keep their state in their own slots, so it is in the heap
/// (traced, snapshotted) like everything else:
/// - mutex: 0 the owning thread object (or null), 1-2 a queue of waiting thread objects;
/// - cond: 0-1 a queue of waiting (thread object, mutex) pairs, flattened;
/// - semaphore: 0 the count (int), 1-2 a queue of waiting thread objects.
///
/// A queue takes two slots: an array, and the index of its first element (an int).
/// `Vm::sync` serialises the read-modify-write sequences on them.
pub const MUTEX_SLOTS: u64 = 3;
pub const COND_SLOTS: u64 = 2;
pub const SEMA_SLOTS: u64 = 3;

fn lock_sync<'a>(cx: &'a Cx<'_>) -> std::sync::MutexGuard<'a, ()> {
    cx.sync()
}

/// The thread id behind a thread object.
fn thread_id(cx: &Cx, thread: Value) -> Result<u64> {
    match thread.object() {
        Some(t) => Ok(cx.heap.slot(t, 0)?.as_int().unwrap_or(0) as u64),
        None => Err(crate::thread::Trap::Fatal("a waiter that is not a thread".into())),
    }
}

/// Appends to the queue (an array) in `slot` of `obj`, making the array on first use.
fn queue_push(cx: &Cx, thread: &mut Thread, obj: u64, slot: u64, value: Value) -> Result<()> {
    let mut push = || -> Result<()> {
        let mut queue = cx.heap.slot(obj, slot)?;
        if queue.is_null() {
            queue = new_array(cx)?;
            cx.heap.set_slot(obj, slot, queue)?;
        }
        let n = array_parts(cx, queue)?.1;
        array_set(cx, thread, queue, &[value, Value::int(n as i32)])?;
        Ok(())
    };
    // Callers have changed the lock's state by now: a program must not catch this and carry
    // on with a half-queued waiter.
    push().map_err(|e| match e {
        Trap::OutOfMemory => Trap::Fatal("out of heap memory while queueing a waiter".into()),
        other => other,
    })
}

/// Takes the first element of the queue in `slot` (array) and `slot + 1` (head index) of
/// `obj`. O(1): the head moves on, and the array is emptied once all of it has been taken.
fn queue_pop(cx: &Cx, obj: u64, slot: u64) -> Result<Option<Value>> {
    let queue = cx.heap.slot(obj, slot)?;
    if queue.is_null() {
        return Ok(None);
    }
    let (array, count, storage) = array_parts(cx, queue)?;
    let head = cx.heap.slot(obj, slot + 1)?.as_int().unwrap_or(0).max(0) as usize;
    let Some(page) = storage.object().filter(|_| head < count) else { return Ok(None) };
    let first = cx.heap.element(page, head as u64)?;
    cx.heap.set_element(page, head as u64, Value::NULL)?;
    if head + 1 == count {
        cx.heap.set_slot(array, 0, Value::int(0))?;
        cx.heap.set_slot(obj, slot + 1, Value::int(0))?;
    } else {
        cx.heap.set_slot(obj, slot + 1, Value::int(head as i32 + 1))?;
    }
    Ok(Some(first))
}

/// Removes the first entry of the queue in `slot` of `obj` that is `value`, with the
/// `stride - 1` elements after it (a cond's waiter and mutex); false if `value` is not queued.
/// Linear, but only a timed wait that ran out needs it.
fn queue_remove(cx: &Cx, obj: u64, slot: u64, stride: usize, value: Value) -> Result<bool> {
    let queue = cx.heap.slot(obj, slot)?;
    if queue.is_null() {
        return Ok(false);
    }
    let (array, count, storage) = array_parts(cx, queue)?;
    let Some(page) = storage.object() else { return Ok(false) };
    let head = cx.heap.slot(obj, slot + 1)?.as_int().unwrap_or(0).max(0) as usize;
    let mut at = head;
    while at < count && cx.heap.element(page, at as u64)? != value {
        at += stride;
    }
    if at >= count {
        return Ok(false);
    }
    let end = (at + stride).min(count);
    for k in end..count {
        cx.heap.set_element(page, (k - (end - at)) as u64, cx.heap.element(page, k as u64)?)?;
    }
    let left = count - (end - at);
    for k in left..count {
        cx.heap.set_element(page, k as u64, Value::NULL)?;
    }
    if left <= head {
        cx.heap.set_slot(array, 0, Value::int(0))?;
        cx.heap.set_slot(obj, slot + 1, Value::int(0))?;
    } else {
        cx.heap.set_slot(array, 0, Value::int(left as i32))?;
    }
    Ok(true)
}

/// The time `ms` milliseconds from now (negative counts as zero).
fn deadline(cx: &Cx, ms: i32) -> Duration {
    cx.now() + Duration::from_millis(ms.max(0) as u64)
}

/// Gives a mutex to `waiter` (a thread object), or queues it; true if it got the mutex.
fn acquire(cx: &Cx, thread: &mut Thread, mutex: u64, waiter: Value) -> Result<bool> {
    if cx.heap.slot(mutex, 0)?.is_null() {
        cx.heap.set_slot(mutex, 0, waiter)?;
        Ok(true)
    } else {
        queue_push(cx, thread, mutex, 1, waiter)?;
        Ok(false)
    }
}

/// Releases a mutex held by the current thread, handing it to the first waiter (woken).
fn release(cx: &Cx, thread: &Thread, mutex: u64) -> Result<()> {
    if cx.heap.slot(mutex, 0)? != thread.object {
        return Err(cx.throw_str("unlock of a mutex this thread does not hold"));
    }
    let next = queue_pop(cx, mutex, 1)?.unwrap_or(Value::NULL);
    cx.heap.set_slot(mutex, 0, next)?;
    if !next.is_null() {
        cx.sched.wake(thread_id(cx, next)?);
    }
    Ok(())
}

fn mutex_lock(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(cx, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(cx);
    let owner = cx.heap.slot(mutex, 0)?;
    if owner == thread.object {
        return Err(cx.throw_str("mutex already locked by this thread"));
    }
    if !owner.is_null() && !can_park(thread) {
        return Err(cx.throw_str("mutex lock would block inside a nested call"));
    }
    if !acquire(cx, thread, mutex, thread.object)? {
        // The unlocking thread hands the mutex over and wakes this one.
        thread.park(Park::Blocked);
    }
    Ok(Value::NULL)
}

fn mutex_unlock(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(cx, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(cx);
    release(cx, thread, mutex)?;
    Ok(Value::NULL)
}

fn mutex_trylock(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(cx, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(cx);
    let got = cx.heap.slot(mutex, 0)?.is_null();
    if got {
        cx.heap.set_slot(mutex, 0, thread.object)?;
    }
    Ok(Value::int(got as i32))
}

/// wait(mutex): releases the mutex, sleeps until signalled, and holds the mutex again on return.
fn cond_wait(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let cond = object_of(cx, this, ids::COND, "cond")?;
    let mutex_value = arg(cx, args, 0)?;
    let mutex = object_of(cx, mutex_value, ids::MUTEX, "mutex")?;
    if !can_park(thread) {
        return Err(cx.throw_str("cond wait inside a nested call"));
    }
    let _sync = lock_sync(cx);
    release(cx, thread, mutex)?;
    let me = thread.object;
    queue_push(cx, thread, cond, 0, me)?;
    queue_push(cx, thread, cond, 0, mutex_value)?;
    thread.park(Park::Blocked);
    Ok(Value::NULL)
}

/// twait(mutex, ms): waits as `wait` does, but for at most `ms` milliseconds. Returns 1 if
/// signalled, 0 if the time ran out (the original declares it void and throws); either way the
/// thread holds the mutex again on return.
///
/// The thread parks with its call still to run, until a signal or the deadline wakes it; the
/// second run finishes the wait: still queued on the cond means the time ran out.
fn cond_twait(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let cond = object_of(cx, this, ids::COND, "cond")?;
    let mutex_value = arg(cx, args, 0)?;
    let mutex = object_of(cx, mutex_value, ids::MUTEX, "mutex")?;
    let ms = int_arg(cx, args, 1)?;
    if !can_park(thread) {
        return Err(cx.throw_str("cond wait inside a nested call"));
    }
    let _sync = lock_sync(cx);
    let me = thread.object;
    if !std::mem::take(&mut thread.resuming_wait) {
        release(cx, thread, mutex)?;
        queue_push(cx, thread, cond, 0, me)?;
        queue_push(cx, thread, cond, 0, mutex_value)?;
        thread.park(Park::Until(deadline(cx, ms)));
        thread.resuming_wait = true;
        return Err(crate::thread::Trap::Retry);
    }
    // Wakes aimed at this wait have all been sent (under the sync lock); any remembered one is
    // stale now.
    cx.sched.forget_wake(thread.id);
    let timed_out = queue_remove(cx, cond, 0, 2, me)?;
    let owner = cx.heap.slot(mutex, 0)?;
    if timed_out {
        if !acquire(cx, thread, mutex, me)? {
            thread.park(Park::Blocked);
        }
    } else if owner != me {
        // Signalled while the mutex was held: the signal queued this thread for it, and its
        // holder hands it over and wakes this thread.
        thread.park(Park::Blocked);
    }
    Ok(Value::int(!timed_out as i32))
}

/// Moves up to `n` waiters of a cond to their mutex: woken now if it is free, else when it is
/// handed to them.
fn cond_wake(cx: &Cx, thread: &mut Thread, this: Value, n: usize) -> Result<Value> {
    let cond = object_of(cx, this, ids::COND, "cond")?;
    let _sync = lock_sync(cx);
    for _ in 0..n {
        let Some(waiter) = queue_pop(cx, cond, 0)? else { break };
        let mutex_value = queue_pop(cx, cond, 0)?.unwrap_or(Value::NULL);
        let mutex = object_of(cx, mutex_value, ids::MUTEX, "mutex")?;
        if acquire(cx, thread, mutex, waiter)? {
            cx.sched.wake(thread_id(cx, waiter)?);
        }
    }
    Ok(Value::NULL)
}

fn cond_signal(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    cond_wake(cx, thread, this, 1)
}

fn cond_broadcast(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    cond_wake(cx, thread, this, usize::MAX)
}

fn sema_count(cx: &Cx, sema: u64) -> Result<i32> {
    Ok(cx.heap.slot(sema, 0)?.as_int().unwrap_or(0))
}

fn sema_acquire(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(cx, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(cx);
    let count = sema_count(cx, sema)?;
    if count > 0 {
        cx.heap.set_slot(sema, 0, Value::int(count - 1))?;
    } else if can_park(thread) {
        // A release hands its permit straight to this thread.
        let me = thread.object;
        queue_push(cx, thread, sema, 1, me)?;
        thread.park(Park::Blocked);
    } else {
        return Err(cx.throw_str("semaphore acquire would block inside a nested call"));
    }
    Ok(Value::NULL)
}

/// tacquire(ms): acquire, waiting at most `ms` milliseconds; 1 if acquired, 0 if the time ran
/// out (the original throws "timed acquire not impl"). Parks like `twait`: a release hands the
/// permit over and dequeues the thread, so on the second run a thread still queued timed out.
fn sema_tacquire(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let sema = object_of(cx, this, ids::SEMA, "semaphore")?;
    let ms = int_arg(cx, args, 0)?;
    let _sync = lock_sync(cx);
    let me = thread.object;
    if std::mem::take(&mut thread.resuming_wait) {
        cx.sched.forget_wake(thread.id);
        let timed_out = queue_remove(cx, sema, 1, 1, me)?;
        return Ok(Value::int(!timed_out as i32));
    }
    let count = sema_count(cx, sema)?;
    if count > 0 {
        cx.heap.set_slot(sema, 0, Value::int(count - 1))?;
        return Ok(Value::int(1));
    }
    if ms <= 0 {
        return Ok(Value::int(0));
    }
    if !can_park(thread) {
        return Err(cx.throw_str("semaphore acquire would block inside a nested call"));
    }
    queue_push(cx, thread, sema, 1, me)?;
    thread.park(Park::Until(deadline(cx, ms)));
    thread.resuming_wait = true;
    Err(crate::thread::Trap::Retry)
}

fn sema_release(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(cx, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(cx);
    match queue_pop(cx, sema, 1)? {
        Some(waiter) => cx.sched.wake(thread_id(cx, waiter)?),
        None => cx.heap.set_slot(sema, 0, Value::int(sema_count(cx, sema)? + 1))?,
    }
    Ok(Value::NULL)
}

fn sema_zero(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(cx, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(cx);
    cx.heap.set_slot(sema, 0, Value::int(0))?;
    Ok(Value::NULL)
}

fn thread_to_string(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    cx.new_string(b"thread")
}

fn world_my_thread(_: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(thread.object)
}

/// A method the table names (so that programs compile) that this VM does not implement.
fn not_implemented(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let class = cx.class_of(this)?;
    Err(cx.throw_str(&format!("{}: this method is not implemented", cx.class(class).name)))
}

fn unavailable(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let class = cx.class_of(this)?;
    let what = device_of(class).unwrap_or("this device");
    Err(cx.throw_str(&format!("{}: {what} is not available in this VM yet", cx.class(class).name)))
}

// Directory: slot 0 the count, slot 1 the keys array, slot 2 the values array. Linear in size,
// kept in the heap so that it persists with it.

fn dir_parts(cx: &Cx, this: Value) -> Result<(u64, Value, Value)> {
    let dir = object_of(cx, this, ids::DIRECTORY, "directory")?;
    let mut keys = cx.heap.slot(dir, 1)?;
    let mut values = cx.heap.slot(dir, 2)?;
    if keys.is_null() {
        keys = new_array(cx)?;
        values = new_array(cx)?;
        cx.heap.set_slot(dir, 1, keys)?;
        cx.heap.set_slot(dir, 2, values)?;
    }
    Ok((dir, keys, values))
}

fn dir_find(cx: &Cx, keys: Value, key: &[u8]) -> Result<Option<usize>> {
    let (_, count, storage) = array_parts(cx, keys)?;
    let Some(page) = storage.object() else { return Ok(None) };
    for i in 0..count {
        let k = cx.heap.element(page, i as u64)?;
        if cx.string_bytes(k)?.as_deref() == Some(key) {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn dir_put(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let key = arg(cx, args, 0)?;
    let name = string_of(cx, key)?;
    let value = arg(cx, args, 1)?;
    let (_, keys, values) = dir_parts(cx, this)?;
    let index = match dir_find(cx, keys, &name)? {
        Some(i) => i,
        None => {
            let n = array_parts(cx, keys)?.1;
            array_set(cx, thread, keys, &[key, Value::int(n as i32)])?;
            n
        }
    };
    array_set(cx, thread, values, &[value, Value::int(index as i32)])?;
    Ok(Value::int(0))
}

fn dir_get(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(cx, arg(cx, args, 0)?)?;
    let (_, keys, values) = dir_parts(cx, this)?;
    match dir_find(cx, keys, &name)? {
        Some(i) => array_get(cx, thread, values, &[Value::int(i as i32)]),
        None => Ok(Value::NULL),
    }
}

/// remove(key): 0, or ENOENT (2) when the key is absent. The last entry takes the hole.
fn dir_remove(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(cx, arg(cx, args, 0)?)?;
    let (_, keys, values) = dir_parts(cx, this)?;
    let Some(i) = dir_find(cx, keys, &name)? else { return Ok(Value::int(2)) };
    for array in [keys, values] {
        let (obj, count, storage) = array_parts(cx, array)?;
        let page = storage.object().expect("non-empty array has storage");
        let last = cx.heap.element(page, count as u64 - 1)?;
        cx.heap.set_element(page, i as u64, last)?;
        cx.heap.set_element(page, count as u64 - 1, Value::NULL)?;
        cx.heap.set_slot(obj, 0, Value::int(count as i32 - 1))?;
    }
    Ok(Value::int(0))
}

fn dir_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, keys, _) = dir_parts(cx, this)?;
    Ok(Value::int(array_parts(cx, keys)?.1 as i32))
}

/// iterate(): an array of the keys (the original throws; ours lets programs list a directory).
fn dir_keys(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, keys, _) = dir_parts(cx, this)?;
    let copy = new_array(cx)?;
    let n = array_parts(cx, keys)?.1;
    for i in 0..n {
        let k = array_get(cx, thread, keys, &[Value::int(i as i32)])?;
        array_set(cx, thread, copy, &[k, Value::int(i as i32)])?;
    }
    Ok(copy)
}

fn binary_index(cx: &Cx, this: Value, index: i32) -> Result<(u64, u64)> {
    let bin = object_of(cx, this, ids::BINARY, "binary")?;
    let len = cx.heap.len(bin)?;
    match u64::try_from(index) {
        Ok(i) if i < len => Ok((bin, i)),
        _ => Err(cx.throw_str(&format!("binary index {index} out of range (size {len})"))),
    }
}

fn binary_get_byte(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (bin, i) = binary_index(cx, this, int_arg(cx, args, 0)?)?;
    Ok(Value::int(cx.heap.byte(bin, i)? as i32))
}

fn binary_set_byte(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (bin, i) = binary_index(cx, this, int_arg(cx, args, 0)?)?;
    cx.heap.set_byte(bin, i, int_arg(cx, args, 1)? as u8)?;
    Ok(Value::NULL)
}

/// setRange(src, toPos, fromPos, len): copies bytes of `src` into this, bounds-checked.
fn binary_set_range(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let dst = object_of(cx, this, ids::BINARY, "binary")?;
    let src = arg(cx, args, 0)?;
    let src_bytes = match cx.string_bytes(src)? {
        Some(b) => b,
        None => cx.heap.bytes(object_of(cx, src, ids::BINARY, "binary or string")?)?,
    };
    let (to, from, len) = (int_arg(cx, args, 1)?, int_arg(cx, args, 2)?, int_arg(cx, args, 3)?);
    let dst_len = cx.heap.len(dst)? as i64;
    let ok = to >= 0
        && from >= 0
        && len >= 0
        && from as i64 + len as i64 <= src_bytes.len() as i64
        && to as i64 + len as i64 <= dst_len;
    if !ok {
        return Err(cx.throw_str("setRange: range out of bounds"));
    }
    for k in 0..len as usize {
        cx.heap.set_byte(dst, to as u64 + k as u64, src_bytes[from as usize + k])?;
    }
    Ok(Value::NULL)
}

fn binary_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(cx.heap.len(object_of(cx, this, ids::BINARY, "binary")?)? as i32))
}

// Closure: slot 0 the object, slot 1 the ordinal.

fn closure_get_ordinal(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CLOSURE, "closure")?;
    let v = cx.heap.slot(c, 1)?;
    Ok(if v.is_null() { Value::int(0) } else { v })
}

fn closure_set_ordinal(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CLOSURE, "closure")?;
    cx.heap.set_slot(c, 1, Value::int(int_arg(cx, args, 0)?))?;
    Ok(Value::NULL)
}

fn closure_set_object(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CLOSURE, "closure")?;
    cx.heap.set_slot(c, 0, arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

/// call(args...): calls the closure's method on its object (ours; the original had no way).
/// The call is handed on, not made from here: the method runs as if the caller had called it,
/// so it may block, and safepoints reach it as any other bytecode.
fn closure_call(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CLOSURE, "closure")?;
    let object = cx.heap.slot(c, 0)?;
    let ordinal = cx.heap.slot(c, 1)?.as_int().unwrap_or(0);
    Err(Trap::TailCall { this: object, ordinal: ordinal as u32 })
}

// Weak reference: slot 0 the referent, which the collector does not keep alive.

fn weakref_get(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let referent = cx.heap.slot(object_of(cx, this, ids::WEAKREF, "weakref")?, 0)?;
    // A collection marking now must not free what the thread now holds strongly.
    cx.heap.keep_alive(referent);
    Ok(referent)
}

fn weakref_set(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    cx.heap.set_slot(object_of(cx, this, ids::WEAKREF, "weakref")?, 0, arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

fn now_since_epoch(cx: &Cx) -> Duration {
    Duration::from_millis(cx.host().wall_clock_ms())
}

/// Milliseconds since the Unix epoch, as a long.
fn time_millis(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::L(now_since_epoch(cx).as_millis() as i64).boxed(cx.heap)?)
}

/// Microseconds of the host's monotonic clock (ours: for measuring, as it never steps back).
fn time_micros(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Number::L(cx.host().now().as_micros() as i64).boxed(cx.heap)?)
}

/// Seconds since the Unix epoch, as an int (wraps in 2038, like the original's time_t).
fn time_unix_seconds(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(now_since_epoch(cx).as_secs() as i32))
}

/// Static variables: slot 1 of a class object holds an array of them, made on first use.
fn statics(cx: &Cx, this: Value) -> Result<Value> {
    // `this` is the class object itself: checked to be one, then used as it is.
    cx.class_id_of_object(this)?;
    let object = this.0;
    if cx.heap.len(object)? < 2 {
        return Err(cx.throw_str("this class object has no static storage"));
    }
    let mut array = cx.heap.slot(object, 1)?;
    if array.is_null() {
        array = new_array(cx)?;
        cx.heap.set_slot(object, 1, array)?;
    }
    Ok(array)
}

fn class_set_static(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let array = statics(cx, this)?;
    array_set(cx, thread, array, &[arg(cx, args, 1)?, arg(cx, args, 0)?])?;
    Ok(Value::NULL)
}

fn class_get_static(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let array = statics(cx, this)?;
    let index = int_arg(cx, args, 0)?;
    if index < 0 || index as usize >= array_parts(cx, array)?.1 {
        return Ok(Value::NULL);
    }
    array_get(cx, thread, array, &[Value::int(index)])
}

fn thread_not_this_way(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Err(cx.throw_str("Not this way"))
}

/// getEnvironment(): an instance of `.phantom.environment` if that class can be loaded.
fn thread_environment(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match cx.find_class(".phantom.environment") {
        Ok(class) => cx.instantiate(class),
        Err(_) => Ok(Value::NULL),
    }
}

fn thread_os_interface(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    cx.root_slot(crate::system::OS_INTERFACE)
}

/// getwc(): the next character typed on the host terminal, as a one-character string. The
/// thread parks until input arrives; at end of input it gets an empty string.
fn tty_getwc(cx: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match cx.next_char(thread.id, can_park(thread)) {
        Some(c) => cx.new_string(&c),
        None => {
            thread.park(Park::External);
            Err(crate::thread::Trap::Retry)
        }
    }
}

fn tty_debug(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let v = arg(cx, args, 0)?;
    cx.print(format!("{}\n", cx.describe(v)).as_bytes())?;
    Ok(Value::NULL)
}

// Connection: slot 0 the connected name, slot 1 the callback object, slot 2 its method.

const ENXIO: i32 = 6;

/// connect(name): 0 once connected. Backends by prefix: `tmr:` (timers), `tcp:HOST:PORT`,
/// `udp:HOST:PORT`, `fio:MOUNT/PATH` (a file) and `url:http://...` (HTTP GET); `stt:` and
/// others give ENXIO, as a kernel without that backend would.
fn conn_connect(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CONNECTION, "connection")?;
    let name = arg(cx, args, 0)?;
    let text = String::from_utf8_lossy(&string_of(cx, name)?).into_owned();
    let (backend, target) = text.split_at(text.len().min(4));
    let inner = match backend {
        "tmr:" => Value::NULL,
        "tcp:" | "udp:" | "url:" => connect_backend(cx, thread, backend, target)?,
        "fio:" => connect_file(cx, thread, target)?,
        _ => return Ok(Value::int(ENXIO)),
    };
    if !inner.is_null() && cx.heap.len(c)? <= CONNECTION_INNER {
        return Err(cx.throw_str("connection object made by an older VM; make a new one"));
    }
    cx.heap.set_slot(c, 0, name)?;
    if cx.heap.len(c)? > CONNECTION_INNER {
        cx.heap.set_slot(c, CONNECTION_INNER, inner)?;
    }
    Ok(Value::int(0))
}

fn conn_disconnect(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CONNECTION, "connection")?;
    let (backend, inner) = backend_of(cx, c)?;
    match backend.as_str() {
        "tcp:" => drop(tcp_disconnect(cx, thread, inner, &[])?),
        "udp:" => drop(udp_unbind(cx, thread, inner, &[])?),
        "fio:" => drop(io_close(cx, thread, inner, &[])?),
        _ => {}
    }
    cx.heap.set_slot(c, 0, Value::NULL)?;
    Ok(Value::int(0))
}

/// The backend prefix of a connection and the object it uses (null for timers and urls).
fn backend_of(cx: &Cx, c: u64) -> Result<(String, Value)> {
    let name = cx.heap.slot(c, 0)?;
    let Some(text) = cx.string_bytes(name)? else { return Ok((String::new(), Value::NULL)) };
    let backend = String::from_utf8_lossy(&text[..text.len().min(4)]).into_owned();
    let inner = if cx.heap.len(c)? > CONNECTION_INNER { cx.heap.slot(c, CONNECTION_INNER)? } else { Value::NULL };
    let inner = if backend == "url:" { cx.new_string(&text[4..])? } else { inner };
    Ok((backend, inner))
}

fn conn_check(_: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(ENXIO))
}

/// setCallback(obj, method): 1 if a callback was already set.
fn conn_set_callback(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(cx, this, ids::CONNECTION, "connection")?;
    let had = !cx.heap.slot(c, 1)?.is_null();
    cx.heap.set_slot(c, 1, arg(cx, args, 0)?)?;
    cx.heap.set_slot(c, 2, Value::int(int_arg(cx, args, 1)?))?;
    Ok(Value::int(had as i32))
}

fn connected(cx: &Cx, this: Value) -> Result<u64> {
    let c = object_of(cx, this, ids::CONNECTION, "connection")?;
    if cx.heap.slot(c, 0)?.is_null() {
        return Err(cx.throw_str("connection is not connected"));
    }
    Ok(c)
}

/// block(obj, op): the timer backend sleeps `op` milliseconds; the others do operation `op`
/// with `obj` and return its result (see `net::block_backend`, `files::block_file`).
fn conn_block(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = connected(cx, this)?;
    let (backend, inner) = backend_of(cx, c)?;
    let op = int_arg(cx, args, 1)?;
    match backend.as_str() {
        "tcp:" | "udp:" | "url:" => return block_backend(cx, thread, &backend, inner, arg(cx, args, 0)?, op),
        "fio:" => return block_file(cx, thread, inner, arg(cx, args, 0)?, op),
        _ => {}
    }
    let ms = op.max(0) as u64;
    if can_park(thread) {
        thread.park(Park::Until(cx.now() + Duration::from_millis(ms)));
    } else {
        cx.host().sleep(Duration::from_millis(ms));
    }
    Ok(Value::int(0))
}

/// Timer backend, invoke(obj, ms): after `ms` milliseconds the callback method is called with
/// `obj`, on a new VM thread.
fn conn_invoke(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = connected(cx, this)?;
    let callback = cx.heap.slot(c, 1)?;
    if callback.is_null() {
        return Err(cx.throw_str("connection has no callback (setCallback first)"));
    }
    let method = cx.heap.slot(c, 2)?.as_int().unwrap_or(8) as u32;
    let payload = arg(cx, args, 0)?;
    let ms = int_arg(cx, args, 1)?.max(0) as u64;
    // A small VM thread that sleeps, then calls back: all in bytecode terms, so it persists.
    let mut timer = cx.new_thread(callback, method, &[payload])?;
    timer.park_first(cx.now() + Duration::from_millis(ms));
    cx.sched.add(timer);
    Ok(Value::int(0))
}

/// reboot (24) needs the original's kernel.
fn boot_unsupported(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Err(cx.throw_str("this boot method needs a kernel, which the hosted VM does not have"))
}

/// iterator(): an `.internal.container.iterator` over this array (the original throws "not
/// implemented"). It reads the array as it is at each step, so elements added meanwhile are
/// seen.
fn array_iterator(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    array_parts(cx, this)?;
    let it = cx.instantiate(ids::ITERATOR)?;
    cx.heap.set_slot(it.0, 0, this)?;
    cx.heap.set_slot(it.0, 1, Value::int(0))?;
    Ok(it)
}

// Iterator: slot 0 the array, slot 1 the index of the next element. Method 16 is `hasNext`,
// the one method of the original library's `iterable` interface (its first, so ordinal 16);
// 17 `next` is ours.

fn iterator_parts(cx: &Cx, this: Value) -> Result<(u64, Value, i32)> {
    let it = object_of(cx, this, ids::ITERATOR, "iterator")?;
    Ok((it, cx.heap.slot(it, 0)?, cx.heap.slot(it, 1)?.as_int().unwrap_or(0)))
}

/// hasNext(): 1 while elements are left, else 0.
fn iterator_has_next(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, array, index) = iterator_parts(cx, this)?;
    if array.is_null() {
        return Ok(Value::int(0));
    }
    Ok(Value::int((index >= 0 && (index as usize) < array_parts(cx, array)?.1) as i32))
}

/// next(): the next element; throws when there is none.
fn iterator_next(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (it, array, index) = iterator_parts(cx, this)?;
    if array.is_null() || index < 0 || index as usize >= array_parts(cx, array)?.1 {
        return Err(cx.throw_str("iterator: no more elements"));
    }
    let v = array_get(cx, thread, array, &[Value::int(index)])?;
    cx.heap.set_slot(it, 1, Value::int(index + 1))?;
    Ok(v)
}

/// Most fields a class made by `newClass` may have: instances are allocated whole.
const MAX_NEW_CLASS_SLOTS: i32 = 1 << 16;

/// newClass(name, nslots, iface): a new class named `name` whose instances have `nslots`
/// fields. The original's `iface` is an interface object (a method table); ours has none, so
/// `iface` is a class object whose methods the new class shares, or null for the object
/// protocol only. The original reads all three arguments from the first (a bug) and lets the
/// name collide; ours throws if a class of that name exists.
fn class_new_class(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(cx, arg(cx, args, 0)?)?;
    let name = String::from_utf8_lossy(&name).into_owned();
    let slots = int_arg(cx, args, 1)?;
    if !(0..=MAX_NEW_CLASS_SLOTS).contains(&slots) {
        return Err(cx.throw_str(&format!("newClass: {slots} fields (0 to {MAX_NEW_CLASS_SLOTS} allowed)")));
    }
    let iface = arg(cx, args, 2)?;
    let methods = if iface.is_null() { None } else { Some(cx.class_id_of_object(iface)?) };
    if name.is_empty() {
        return Err(cx.throw_str("newClass: empty class name"));
    }
    let id = cx.define_class(&name, slots as u32, methods).map_err(|e| cx.throw_str(&format!("newClass: {e}")))?;
    Ok(cx.class(id).object)
}

/// subarray(start, length): a new array with those elements.
fn array_subarray(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (_, count, _) = array_parts(cx, this)?;
    let (start, length) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    if start < 0 || length < 0 || start as usize + length as usize > count {
        return Err(cx.throw_str("subarray: range out of bounds"));
    }
    let out = new_array(cx)?;
    for k in 0..length {
        let v = array_get(cx, thread, this, &[Value::int(start + k)])?;
        array_set(cx, thread, out, &[v, Value::int(k)])?;
    }
    Ok(out)
}

/// parseJson(): objects become directories, arrays arrays, strings strings, integers that fit
/// ints, other numbers doubles, true and false 1 and 0, null null.
fn string_parse_json(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let text = string_of(cx, this)?;
    let mut p = Json { text: &text, at: 0 };
    let v = p.value(cx, thread, 0)?;
    p.space();
    if p.at != text.len() {
        return Err(p.error(cx, "unexpected text after the value"));
    }
    Ok(v)
}

struct Json<'a> {
    text: &'a [u8],
    at: usize,
}

impl Json<'_> {
    fn error(&self, cx: &Cx, what: &str) -> crate::thread::Trap {
        cx.throw_str(&format!("parseJson: {what} at byte {}", self.at))
    }

    fn space(&mut self) {
        while self.text.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        let ok = self.text[self.at..].starts_with(word);
        if ok {
            self.at += word.len();
        }
        ok
    }

    fn value(&mut self, cx: &Cx, thread: &mut Thread, depth: u32) -> Result<Value> {
        if depth > 200 {
            return Err(self.error(cx, "nesting too deep"));
        }
        self.space();
        match self.text.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let dir = cx.instantiate(ids::DIRECTORY)?;
                self.space();
                if self.eat(b"}") {
                    return Ok(dir);
                }
                loop {
                    self.space();
                    let key = self.string(cx)?;
                    self.space();
                    if !self.eat(b":") {
                        return Err(self.error(cx, "expected ':'"));
                    }
                    let v = self.value(cx, thread, depth + 1)?;
                    dir_put(cx, thread, dir, &[key, v])?;
                    self.space();
                    if self.eat(b"}") {
                        return Ok(dir);
                    }
                    if !self.eat(b",") {
                        return Err(self.error(cx, "expected ',' or '}'"));
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let array = new_array(cx)?;
                self.space();
                if self.eat(b"]") {
                    return Ok(array);
                }
                let mut n = 0;
                loop {
                    let v = self.value(cx, thread, depth + 1)?;
                    array_set(cx, thread, array, &[v, Value::int(n)])?;
                    n += 1;
                    self.space();
                    if self.eat(b"]") {
                        return Ok(array);
                    }
                    if !self.eat(b",") {
                        return Err(self.error(cx, "expected ',' or ']'"));
                    }
                }
            }
            Some(b'"') => self.string(cx),
            Some(b't') if self.eat(b"true") => Ok(Value::int(1)),
            Some(b'f') if self.eat(b"false") => Ok(Value::int(0)),
            Some(b'n') if self.eat(b"null") => Ok(Value::NULL),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while self.text.get(self.at).is_some_and(|b| b"+-.eE0123456789".contains(b)) {
                    self.at += 1;
                }
                let number = std::str::from_utf8(&self.text[start..self.at]).unwrap_or("");
                if let Ok(i) = number.parse::<i32>() {
                    return Ok(Value::int(i));
                }
                match number.parse::<f64>() {
                    Ok(d) => Ok(Number::D(d).boxed(cx.heap)?),
                    Err(_) => Err(self.error(cx, "bad number")),
                }
            }
            _ => Err(self.error(cx, "expected a value")),
        }
    }

    fn string(&mut self, cx: &Cx) -> Result<Value> {
        if !self.eat(b"\"") {
            return Err(self.error(cx, "expected a string"));
        }
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.at) else { return Err(self.error(cx, "unterminated string")) };
            self.at += 1;
            match b {
                b'"' => return cx.new_string(&out),
                b'\\' => {
                    let Some(&e) = self.text.get(self.at) else { return Err(self.error(cx, "unterminated escape")) };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = self.text.get(self.at..self.at + 4).and_then(|h| std::str::from_utf8(h).ok());
                            let c = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                            let Some(c) = c else { return Err(self.error(cx, "bad \\u escape")) };
                            self.at += 4;
                            out.extend(c.to_string().as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }
}

/// setExitStatus(status) (ours): what `phantom run` and `phantom boot` exit with once every
/// thread has finished (a wasm program's exit status, say).
fn boot_set_exit_status(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let status = int_arg(cx, args, 0)?;
    cx.outside.exit_status.store(status, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NULL)
}

/// getArguments() (ours): the arguments of `phantom run PROGRAM -- ARGS`, as a new array of
/// strings at each call (changing it changes no later call's). They are kept in the system
/// object, so a restarted image returns the same ones.
fn boot_get_arguments(cx: &Cx, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    let array = new_array(cx)?;
    for (i, s) in cx.arguments()?.into_iter().enumerate() {
        array_set(cx, thread, array, &[s, Value::int(i as i32)])?;
    }
    Ok(array)
}
