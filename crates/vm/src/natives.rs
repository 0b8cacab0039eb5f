//! Native methods of the internal classes, by the original's ordinals and argument orders
//! (reference vm 3.4). Arguments arrive in order: `args[0]` is the first argument.

use std::time::Duration;

use crate::class::ids;
use crate::heap::{ClassId, Kind};
use crate::sched::Park;
use crate::value::Value;
use crate::vm::{Number, Result, Thread, Trap, Vm};

pub type NativeFn = fn(&Vm, &mut Thread, Value, &[Value]) -> Result<Value>;

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
        /// The native for method `ordinal` of internal class `class`, falling back to the
        /// object protocol (0-15) every class has.
        pub fn lookup(class: ClassId, ordinal: u32) -> Option<NativeFn> {
            let f: NativeFn = match (class, ordinal) {
                $($(($id, $ord) => $native,)*)*
                (class, 8..) if device_of(class).is_some() => unavailable,
                $((_, $pord) => $pnative,)*
                _ => return None,
            };
            Some(f)
        }
    };
}

phantom_bytecode::for_each_internal_class!(bind_natives);

/// What the hosted VM lacks to implement an internal class, if anything.
fn device_of(class: ClassId) -> Option<&'static str> {
    crate::class::INTERNAL_CLASSES.get(class as usize).and_then(|c| c.device)
}

fn arg(vm: &Vm, args: &[Value], i: usize) -> Result<Value> {
    args.get(i).copied().ok_or_else(|| vm.throw_str(&format!("missing argument {i}")))
}

fn int_arg(vm: &Vm, args: &[Value], i: usize) -> Result<i32> {
    arg(vm, args, i)?.as_int().ok_or_else(|| vm.throw_str(&format!("argument {i} is not an integer")))
}

fn string_of(vm: &Vm, v: Value) -> Result<Vec<u8>> {
    vm.string_bytes(v)?.ok_or_else(|| vm.throw_str(&format!("{} is not a string", vm.describe(v))))
}

fn returns_null(_: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::NULL)
}

fn get_class(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(vm.class(vm.class_of(this)?).object)
}

fn clone(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    if this.is_int() {
        return Ok(this);
    }
    if let Some(bytes) = vm.string_bytes(this)? {
        return vm.new_string(&bytes);
    }
    if vm.unbox_any(this)?.is_some() {
        return Ok(this);
    }
    Err(vm.throw_str("clone is not supported for this object"))
}

/// Numbers by type and value, strings by bytes, everything else by identity.
fn equals(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let other = arg(vm, args, 0)?;
    let same = if this == other {
        true
    } else if let (Some(a), Some(b)) = (vm.string_bytes(this)?, vm.string_bytes(other)?) {
        a == b
    } else {
        match (vm.unbox_any(this)?, vm.unbox_any(other)?) {
            (Some(Number::I(a)), Some(Number::I(b))) => a == b,
            (Some(Number::L(a)), Some(Number::L(b))) => a == b,
            (Some(Number::F(a)), Some(Number::F(b))) => a == b,
            (Some(Number::D(a)), Some(Number::D(b))) => a == b,
            _ => false,
        }
    };
    Ok(Value::int(same as i32))
}

/// The text `toString` gives for a value, without calling user code.
pub fn text_of(vm: &Vm, v: Value) -> Result<Vec<u8>> {
    if let Some(bytes) = vm.string_bytes(v)? {
        return Ok(bytes);
    }
    Ok(match vm.unbox_any(v)? {
        Some(Number::I(i)) => i.to_string().into_bytes(),
        Some(Number::L(l)) => l.to_string().into_bytes(),
        Some(Number::F(f)) => format!("{f:.6}").into_bytes(),
        Some(Number::D(d)) => format!("{d:.6}").into_bytes(),
        None if v.is_null() => b"null".to_vec(),
        None => match vm.class_of(v)? {
            // A class object's text is the name of the class it stands for.
            ids::CLASS => vm.class(vm.class_id_of_object(v)?).name.as_bytes().to_vec(),
            class => vm.class(class).name.as_bytes().to_vec(),
        },
    })
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

fn to_string(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    if let Some(i) = this.as_int() {
        return vm.new_string(int_text(i, &mut [0; 11]));
    }
    if vm.string_bytes(this)?.is_some() {
        return Ok(this);
    }
    vm.new_string(&text_of(vm, this)?)
}

fn to_xml(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let tag = match vm.class_of(this)? {
        ids::INT => "int",
        ids::LONG => "long",
        ids::FLOAT => "float",
        ids::DOUBLE => "double",
        ids::STRING => "string",
        _ => "object",
    };
    let text = String::from_utf8_lossy(&text_of(vm, this)?).into_owned();
    vm.new_string(format!("<{tag}>{text}</{tag}>").as_bytes())
}

fn hash_code(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let bytes = match vm.string_bytes(this)? {
        Some(b) => b,
        None => this.0.to_le_bytes().to_vec(),
    };
    // FNV-1a: stable across runs, so hashes stored in persistent maps stay valid.
    let h = bytes.iter().fold(0x811c9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x01000193));
    Ok(Value::int(h as i32))
}

fn string_substring(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = string_of(vm, this)?;
    let (index, length) = (int_arg(vm, args, 0)?, int_arg(vm, args, 1)?);
    if index < 0 || index as usize > s.len() {
        return Err(vm.throw_str("substring: index out of range"));
    }
    if length < 0 {
        return Err(vm.throw_str("substring: negative length"));
    }
    let end = (index as usize + length as usize).min(s.len());
    vm.new_string(&s[index as usize..end])
}

fn string_char_at(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = string_of(vm, this)?;
    let index = int_arg(vm, args, 0)?;
    match usize::try_from(index).ok().and_then(|i| s.get(i)) {
        Some(&b) => Ok(Value::int(b as i32)),
        None => Err(vm.throw_str("charAt: index out of range")),
    }
}

fn string_concat(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let is_string = |v: Value| -> Result<Option<u64>> {
        Ok(match v.object() {
            Some(o) if vm.heap.class_of(o)? == ids::STRING => Some(o),
            _ => None,
        })
    };
    // Two strings: straight from heap to heap.
    if let (Some(a), Some(b)) = (is_string(this)?, is_string(arg(vm, args, 0)?)?) {
        return Ok(vm.heap.alloc_concat(ids::STRING, a, b)?);
    }
    let mut s = string_of(vm, this)?;
    s.extend(text_of(vm, arg(vm, args, 0)?)?);
    vm.new_string(&s)
}

fn string_length(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let s = object_of(vm, this, ids::STRING, "string")?;
    Ok(Value::int(vm.heap.len(s)? as i32))
}

fn string_strstr(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = string_of(vm, this)?;
    let needle = string_of(vm, arg(vm, args, 0)?)?;
    let at = if needle.is_empty() { Some(0) } else { s.windows(needle.len()).position(|w| w == needle) };
    Ok(Value::int(at.map_or(-1, |i| i as i32)))
}

fn parse_text<T: std::str::FromStr>(vm: &Vm, this: Value) -> Result<Option<T>> {
    let s = string_of(vm, this)?;
    Ok(String::from_utf8_lossy(&s).trim().parse().ok())
}

fn string_to_int(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(parse_text::<i32>(vm, this)?.unwrap_or(0)))
}

fn boxed(vm: &Vm, class: ClassId, bits: u64) -> Result<Value> {
    let obj = vm.heap.alloc(class, Kind::Bytes, 8, 1)?;
    vm.heap.set_word(obj.0, 0, bits)?;
    Ok(obj)
}

fn string_to_long(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    boxed(vm, ids::LONG, parse_text::<i64>(vm, this)?.unwrap_or(0) as u64)
}

fn string_to_float(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    boxed(vm, ids::FLOAT, parse_text::<f32>(vm, this)?.unwrap_or(0.0).to_bits() as u64)
}

fn string_to_double(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    boxed(vm, ids::DOUBLE, parse_text::<f64>(vm, this)?.unwrap_or(0.0).to_bits())
}

/// An empty array: slot 0 the element count, slot 1 the storage (a page of slots).
pub fn new_array(vm: &Vm) -> Result<Value> {
    let array = vm.heap.alloc(ids::ARRAY, Kind::Slots, 2, 2)?;
    vm.heap.set_slot(array.0, 0, Value::int(0))?;
    Ok(array)
}

fn array_parts(vm: &Vm, this: Value) -> Result<(u64, usize, Value)> {
    match this.object() {
        Some(o) if vm.heap.class_of(o)? == ids::ARRAY => {
            let count = vm.heap.slot(o, 0)?.as_int().unwrap_or(0) as usize;
            Ok((o, count, vm.heap.slot(o, 1)?))
        }
        _ => Err(vm.throw_str("not an array")),
    }
}

fn array_get(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (_, count, storage) = array_parts(vm, this)?;
    let index = int_arg(vm, args, 0)?;
    match (usize::try_from(index), storage.object()) {
        (Ok(i), Some(page)) if i < count => Ok(vm.heap.slot(page, i as u64)?),
        _ => Err(vm.throw_str(&format!("array index {index} out of range (size {count})"))),
    }
}

fn array_set(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (array, count, storage) = array_parts(vm, this)?;
    let value = arg(vm, args, 0)?;
    let index = int_arg(vm, args, 1)?;
    let i = usize::try_from(index).map_err(|_| vm.throw_str("negative array index"))?;
    let capacity = match storage.object() {
        Some(page) => vm.heap.len(page)? as usize,
        None => 0,
    };
    let page = if i < capacity {
        storage.object().expect("capacity implies storage")
    } else {
        // Grow geometrically: at least double the capacity (and at least 16 slots), so that
        // filling an array by index copies each element a constant number of times on average.
        // (The original grew by 1024 slots above 512, which made a fill quadratic.)
        let wanted = (i + 1).max(2 * capacity).max(16);
        let page = vm.heap.alloc(ids::PAGE, Kind::Slots, wanted as u64, wanted as u64)?;
        if let Some(old) = storage.object() {
            for k in 0..count as u64 {
                vm.heap.set_slot(page.0, k, vm.heap.slot(old, k)?)?;
            }
        }
        vm.heap.set_slot(array, 1, page)?;
        page.0
    };
    vm.heap.set_slot(page, i as u64, value)?;
    if i >= count {
        vm.heap.set_slot(array, 0, Value::int(i as i32 + 1))?;
    }
    Ok(value)
}

fn array_size(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(array_parts(vm, this)?.1 as i32))
}

fn class_instance_of(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let class = vm.class_id_of_object(this)?;
    let obj = arg(vm, args, 0)?;
    Ok(Value::int((!obj.is_null() && vm.is_subclass(vm.class_of(obj)?, class)) as i32))
}

fn boot_load_class(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(vm, arg(vm, args, 0)?)?;
    let name = String::from_utf8_lossy(&name).into_owned();
    match vm.find_class(&name) {
        Ok(id) => Ok(vm.class(id).object),
        Err(e) => Err(vm.throw_str(&format!("{name} - class load error: {e}"))),
    }
}

/// Prints every argument, last first (the original's order); objects other than strings and
/// numbers through their own `toString`.
fn boot_print(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let plain = |v: Value| -> Result<bool> {
        Ok(v.is_int() || v.is_null() || vm.string_bytes(v)?.is_some() || vm.unbox_any(v)?.is_some())
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
            text_of(vm, v)?
        } else {
            let s = vm.call(thread, v, 5, &[])?;
            text_of(vm, s)?
        };
        vm.print(&text)?;
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
fn boot_print_text(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    for &v in args.iter().rev() {
        vm.print(&text_of(vm, v)?)?;
    }
    Ok(Value::NULL)
}

fn boot_create_binary(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let n = int_arg(vm, args, 0)?;
    let n = usize::try_from(n).map_err(|_| vm.throw_str("createBinary: negative size"))?;
    Ok(vm.heap.alloc_bytes(ids::BINARY, &vec![0; n])?)
}

/// sleep(ms): parks the VM thread (its host thread runs others meanwhile).
fn boot_sleep(vm: &Vm, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let ms = int_arg(vm, args, 0)?.max(0) as u64;
    if can_park(thread) {
        thread.park(Park::Until(vm.now() + Duration::from_millis(ms)));
    } else {
        vm.host().sleep(Duration::from_millis(ms));
    }
    Ok(Value::NULL)
}

fn boot_kernel_environment(vm: &Vm, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    let array = new_array(vm)?;
    let vars: Vec<(String, String)> = std::env::vars().filter(|(k, _)| k.starts_with("PHANTOM_")).collect();
    for (i, (k, v)) in vars.iter().enumerate() {
        let s = vm.new_string(format!("{}={v}", k.trim_start_matches("PHANTOM_")).as_bytes())?;
        array_set(vm, thread, array, &[s, Value::int(i as i32)])?;
    }
    Ok(array)
}

/// commit() (ours): returns, as an int, the generation of a durable snapshot that holds the
/// calling thread inside this call. The thread parks with the call still to run until the
/// snapshot is durable; a thread restored from that snapshot is still inside the call and
/// waits for the next one.
fn boot_commit(vm: &Vm, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match vm.commit(thread, can_park(thread))? {
        Some(generation) => Ok(Value::int(generation as i32)),
        None => Err(crate::vm::Trap::Retry),
    }
}

fn boot_set_class_loader(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    vm.set_root_slot(crate::image::CLASS_LOADER, arg(vm, args, 0)?)?;
    Ok(Value::NULL)
}

fn boot_set_os_interface(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    vm.set_root_slot(crate::image::OS_INTERFACE, arg(vm, args, 0)?)?;
    Ok(Value::NULL)
}

fn boot_start_thread(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    vm.start_thread(arg(vm, args, 0)?)?;
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

/// Whether this call may park its thread (a scheduled thread, not inside a nested call).
fn can_park(thread: &Thread) -> bool {
    thread.scheduled && thread.native_depth_is_zero()
}

fn object_of(vm: &Vm, v: Value, class: ClassId, what: &str) -> Result<u64> {
    match v.object() {
        Some(o) if vm.heap.class_of(o)? == class => Ok(o),
        _ => Err(vm.throw_str(&format!("not a {what}"))),
    }
}

fn lock_sync(vm: &Vm) -> std::sync::MutexGuard<'_, ()> {
    vm.sync.lock().unwrap_or_else(|e| e.into_inner())
}

/// The thread id behind a thread object.
fn thread_id(vm: &Vm, thread: Value) -> Result<u64> {
    match thread.object() {
        Some(t) => Ok(vm.heap.slot(t, 0)?.as_int().unwrap_or(0) as u64),
        None => Err(crate::vm::Trap::Fatal("a waiter that is not a thread".into())),
    }
}

/// Appends to the queue (an array) in `slot` of `obj`, making the array on first use.
fn queue_push(vm: &Vm, thread: &mut Thread, obj: u64, slot: u64, value: Value) -> Result<()> {
    let mut push = || -> Result<()> {
        let mut queue = vm.heap.slot(obj, slot)?;
        if queue.is_null() {
            queue = new_array(vm)?;
            vm.heap.set_slot(obj, slot, queue)?;
        }
        let n = array_parts(vm, queue)?.1;
        array_set(vm, thread, queue, &[value, Value::int(n as i32)])?;
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
fn queue_pop(vm: &Vm, obj: u64, slot: u64) -> Result<Option<Value>> {
    let queue = vm.heap.slot(obj, slot)?;
    if queue.is_null() {
        return Ok(None);
    }
    let (array, count, storage) = array_parts(vm, queue)?;
    let head = vm.heap.slot(obj, slot + 1)?.as_int().unwrap_or(0).max(0) as usize;
    let Some(page) = storage.object().filter(|_| head < count) else { return Ok(None) };
    let first = vm.heap.slot(page, head as u64)?;
    vm.heap.set_slot(page, head as u64, Value::NULL)?;
    if head + 1 == count {
        vm.heap.set_slot(array, 0, Value::int(0))?;
        vm.heap.set_slot(obj, slot + 1, Value::int(0))?;
    } else {
        vm.heap.set_slot(obj, slot + 1, Value::int(head as i32 + 1))?;
    }
    Ok(Some(first))
}

/// Removes the first entry of the queue in `slot` of `obj` that is `value`, with the
/// `stride - 1` elements after it (a cond's waiter and mutex); false if `value` is not queued.
/// Linear, but only a timed wait that ran out needs it.
fn queue_remove(vm: &Vm, obj: u64, slot: u64, stride: usize, value: Value) -> Result<bool> {
    let queue = vm.heap.slot(obj, slot)?;
    if queue.is_null() {
        return Ok(false);
    }
    let (array, count, storage) = array_parts(vm, queue)?;
    let Some(page) = storage.object() else { return Ok(false) };
    let head = vm.heap.slot(obj, slot + 1)?.as_int().unwrap_or(0).max(0) as usize;
    let mut at = head;
    while at < count && vm.heap.slot(page, at as u64)? != value {
        at += stride;
    }
    if at >= count {
        return Ok(false);
    }
    let end = (at + stride).min(count);
    for k in end..count {
        vm.heap.set_slot(page, (k - (end - at)) as u64, vm.heap.slot(page, k as u64)?)?;
    }
    let left = count - (end - at);
    for k in left..count {
        vm.heap.set_slot(page, k as u64, Value::NULL)?;
    }
    if left <= head {
        vm.heap.set_slot(array, 0, Value::int(0))?;
        vm.heap.set_slot(obj, slot + 1, Value::int(0))?;
    } else {
        vm.heap.set_slot(array, 0, Value::int(left as i32))?;
    }
    Ok(true)
}

/// The time `ms` milliseconds from now (negative counts as zero).
fn deadline(vm: &Vm, ms: i32) -> Duration {
    vm.now() + Duration::from_millis(ms.max(0) as u64)
}

/// Gives a mutex to `waiter` (a thread object), or queues it; true if it got the mutex.
fn acquire(vm: &Vm, thread: &mut Thread, mutex: u64, waiter: Value) -> Result<bool> {
    if vm.heap.slot(mutex, 0)?.is_null() {
        vm.heap.set_slot(mutex, 0, waiter)?;
        Ok(true)
    } else {
        queue_push(vm, thread, mutex, 1, waiter)?;
        Ok(false)
    }
}

/// Releases a mutex held by the current thread, handing it to the first waiter (woken).
fn release(vm: &Vm, thread: &Thread, mutex: u64) -> Result<()> {
    if vm.heap.slot(mutex, 0)? != thread.object {
        return Err(vm.throw_str("unlock of a mutex this thread does not hold"));
    }
    let next = queue_pop(vm, mutex, 1)?.unwrap_or(Value::NULL);
    vm.heap.set_slot(mutex, 0, next)?;
    if !next.is_null() {
        vm.sched.wake(thread_id(vm, next)?);
    }
    Ok(())
}

fn mutex_lock(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(vm, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(vm);
    let owner = vm.heap.slot(mutex, 0)?;
    if owner == thread.object {
        return Err(vm.throw_str("mutex already locked by this thread"));
    }
    if !owner.is_null() && !can_park(thread) {
        return Err(vm.throw_str("mutex lock would block inside a nested call"));
    }
    if !acquire(vm, thread, mutex, thread.object)? {
        // The unlocking thread hands the mutex over and wakes this one.
        thread.park(Park::Blocked);
    }
    Ok(Value::NULL)
}

fn mutex_unlock(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(vm, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(vm);
    release(vm, thread, mutex)?;
    Ok(Value::NULL)
}

fn mutex_trylock(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let mutex = object_of(vm, this, ids::MUTEX, "mutex")?;
    let _sync = lock_sync(vm);
    let got = vm.heap.slot(mutex, 0)?.is_null();
    if got {
        vm.heap.set_slot(mutex, 0, thread.object)?;
    }
    Ok(Value::int(got as i32))
}

/// wait(mutex): releases the mutex, sleeps until signalled, and holds the mutex again on return.
fn cond_wait(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let cond = object_of(vm, this, ids::COND, "cond")?;
    let mutex_value = arg(vm, args, 0)?;
    let mutex = object_of(vm, mutex_value, ids::MUTEX, "mutex")?;
    if !can_park(thread) {
        return Err(vm.throw_str("cond wait inside a nested call"));
    }
    let _sync = lock_sync(vm);
    release(vm, thread, mutex)?;
    let me = thread.object;
    queue_push(vm, thread, cond, 0, me)?;
    queue_push(vm, thread, cond, 0, mutex_value)?;
    thread.park(Park::Blocked);
    Ok(Value::NULL)
}

/// twait(mutex, ms): waits as `wait` does, but for at most `ms` milliseconds. Returns 1 if
/// signalled, 0 if the time ran out (the original declares it void and throws); either way the
/// thread holds the mutex again on return.
///
/// The thread parks with its call still to run, until a signal or the deadline wakes it; the
/// second run finishes the wait: still queued on the cond means the time ran out.
fn cond_twait(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let cond = object_of(vm, this, ids::COND, "cond")?;
    let mutex_value = arg(vm, args, 0)?;
    let mutex = object_of(vm, mutex_value, ids::MUTEX, "mutex")?;
    let ms = int_arg(vm, args, 1)?;
    if !can_park(thread) {
        return Err(vm.throw_str("cond wait inside a nested call"));
    }
    let _sync = lock_sync(vm);
    let me = thread.object;
    if !std::mem::take(&mut thread.resuming_wait) {
        release(vm, thread, mutex)?;
        queue_push(vm, thread, cond, 0, me)?;
        queue_push(vm, thread, cond, 0, mutex_value)?;
        thread.park(Park::Until(deadline(vm, ms)));
        thread.resuming_wait = true;
        return Err(crate::vm::Trap::Retry);
    }
    // Wakes aimed at this wait have all been sent (under the sync lock); any remembered one is
    // stale now.
    vm.sched.forget_wake(thread.id);
    let timed_out = queue_remove(vm, cond, 0, 2, me)?;
    let owner = vm.heap.slot(mutex, 0)?;
    if timed_out {
        if !acquire(vm, thread, mutex, me)? {
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
fn cond_wake(vm: &Vm, thread: &mut Thread, this: Value, n: usize) -> Result<Value> {
    let cond = object_of(vm, this, ids::COND, "cond")?;
    let _sync = lock_sync(vm);
    for _ in 0..n {
        let Some(waiter) = queue_pop(vm, cond, 0)? else { break };
        let mutex_value = queue_pop(vm, cond, 0)?.unwrap_or(Value::NULL);
        let mutex = object_of(vm, mutex_value, ids::MUTEX, "mutex")?;
        if acquire(vm, thread, mutex, waiter)? {
            vm.sched.wake(thread_id(vm, waiter)?);
        }
    }
    Ok(Value::NULL)
}

fn cond_signal(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    cond_wake(vm, thread, this, 1)
}

fn cond_broadcast(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    cond_wake(vm, thread, this, usize::MAX)
}

fn sema_count(vm: &Vm, sema: u64) -> Result<i32> {
    Ok(vm.heap.slot(sema, 0)?.as_int().unwrap_or(0))
}

fn sema_acquire(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(vm, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(vm);
    let count = sema_count(vm, sema)?;
    if count > 0 {
        vm.heap.set_slot(sema, 0, Value::int(count - 1))?;
    } else if can_park(thread) {
        // A release hands its permit straight to this thread.
        let me = thread.object;
        queue_push(vm, thread, sema, 1, me)?;
        thread.park(Park::Blocked);
    } else {
        return Err(vm.throw_str("semaphore acquire would block inside a nested call"));
    }
    Ok(Value::NULL)
}

/// tacquire(ms): acquire, waiting at most `ms` milliseconds; 1 if acquired, 0 if the time ran
/// out (the original throws "timed acquire not impl"). Parks like `twait`: a release hands the
/// permit over and dequeues the thread, so on the second run a thread still queued timed out.
fn sema_tacquire(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let sema = object_of(vm, this, ids::SEMA, "semaphore")?;
    let ms = int_arg(vm, args, 0)?;
    let _sync = lock_sync(vm);
    let me = thread.object;
    if std::mem::take(&mut thread.resuming_wait) {
        vm.sched.forget_wake(thread.id);
        let timed_out = queue_remove(vm, sema, 1, 1, me)?;
        return Ok(Value::int(!timed_out as i32));
    }
    let count = sema_count(vm, sema)?;
    if count > 0 {
        vm.heap.set_slot(sema, 0, Value::int(count - 1))?;
        return Ok(Value::int(1));
    }
    if ms <= 0 {
        return Ok(Value::int(0));
    }
    if !can_park(thread) {
        return Err(vm.throw_str("semaphore acquire would block inside a nested call"));
    }
    queue_push(vm, thread, sema, 1, me)?;
    thread.park(Park::Until(deadline(vm, ms)));
    thread.resuming_wait = true;
    Err(crate::vm::Trap::Retry)
}

fn sema_release(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(vm, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(vm);
    match queue_pop(vm, sema, 1)? {
        Some(waiter) => vm.sched.wake(thread_id(vm, waiter)?),
        None => vm.heap.set_slot(sema, 0, Value::int(sema_count(vm, sema)? + 1))?,
    }
    Ok(Value::NULL)
}

fn sema_zero(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let sema = object_of(vm, this, ids::SEMA, "semaphore")?;
    let _sync = lock_sync(vm);
    vm.heap.set_slot(sema, 0, Value::int(0))?;
    Ok(Value::NULL)
}

fn thread_to_string(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    vm.new_string(b"thread")
}

fn world_my_thread(_: &Vm, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(thread.object)
}

fn unavailable(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let class = vm.class_of(this)?;
    let what = device_of(class).unwrap_or("this device");
    Err(vm.throw_str(&format!("{}: {what} is not available in this VM yet", vm.class(class).name)))
}

// Directory: slot 0 the count, slot 1 the keys array, slot 2 the values array. Linear in size,
// kept in the heap so that it persists with it.

fn dir_parts(vm: &Vm, this: Value) -> Result<(u64, Value, Value)> {
    let dir = object_of(vm, this, ids::DIRECTORY, "directory")?;
    let mut keys = vm.heap.slot(dir, 1)?;
    let mut values = vm.heap.slot(dir, 2)?;
    if keys.is_null() {
        keys = new_array(vm)?;
        values = new_array(vm)?;
        vm.heap.set_slot(dir, 1, keys)?;
        vm.heap.set_slot(dir, 2, values)?;
    }
    Ok((dir, keys, values))
}

fn dir_find(vm: &Vm, keys: Value, key: &[u8]) -> Result<Option<usize>> {
    let (_, count, storage) = array_parts(vm, keys)?;
    let Some(page) = storage.object() else { return Ok(None) };
    for i in 0..count {
        let k = vm.heap.slot(page, i as u64)?;
        if vm.string_bytes(k)?.as_deref() == Some(key) {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn dir_put(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let key = arg(vm, args, 0)?;
    let name = string_of(vm, key)?;
    let value = arg(vm, args, 1)?;
    let (_, keys, values) = dir_parts(vm, this)?;
    let index = match dir_find(vm, keys, &name)? {
        Some(i) => i,
        None => {
            let n = array_parts(vm, keys)?.1;
            array_set(vm, thread, keys, &[key, Value::int(n as i32)])?;
            n
        }
    };
    array_set(vm, thread, values, &[value, Value::int(index as i32)])?;
    Ok(Value::int(0))
}

fn dir_get(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(vm, arg(vm, args, 0)?)?;
    let (_, keys, values) = dir_parts(vm, this)?;
    match dir_find(vm, keys, &name)? {
        Some(i) => array_get(vm, thread, values, &[Value::int(i as i32)]),
        None => Ok(Value::NULL),
    }
}

/// remove(key): 0, or ENOENT (2) when the key is absent. The last entry takes the hole.
fn dir_remove(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(vm, arg(vm, args, 0)?)?;
    let (_, keys, values) = dir_parts(vm, this)?;
    let Some(i) = dir_find(vm, keys, &name)? else { return Ok(Value::int(2)) };
    for array in [keys, values] {
        let (obj, count, storage) = array_parts(vm, array)?;
        let page = storage.object().expect("non-empty array has storage");
        let last = vm.heap.slot(page, count as u64 - 1)?;
        vm.heap.set_slot(page, i as u64, last)?;
        vm.heap.set_slot(page, count as u64 - 1, Value::NULL)?;
        vm.heap.set_slot(obj, 0, Value::int(count as i32 - 1))?;
    }
    Ok(Value::int(0))
}

fn dir_size(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, keys, _) = dir_parts(vm, this)?;
    Ok(Value::int(array_parts(vm, keys)?.1 as i32))
}

/// iterate(): an array of the keys (the original throws; ours lets programs list a directory).
fn dir_keys(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, keys, _) = dir_parts(vm, this)?;
    let copy = new_array(vm)?;
    let n = array_parts(vm, keys)?.1;
    for i in 0..n {
        let k = array_get(vm, thread, keys, &[Value::int(i as i32)])?;
        array_set(vm, thread, copy, &[k, Value::int(i as i32)])?;
    }
    Ok(copy)
}

fn binary_index(vm: &Vm, this: Value, index: i32) -> Result<(u64, u64)> {
    let bin = object_of(vm, this, ids::BINARY, "binary")?;
    let len = vm.heap.len(bin)?;
    match u64::try_from(index) {
        Ok(i) if i < len => Ok((bin, i)),
        _ => Err(vm.throw_str(&format!("binary index {index} out of range (size {len})"))),
    }
}

fn binary_get_byte(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (bin, i) = binary_index(vm, this, int_arg(vm, args, 0)?)?;
    Ok(Value::int(vm.heap.byte(bin, i)? as i32))
}

fn binary_set_byte(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (bin, i) = binary_index(vm, this, int_arg(vm, args, 0)?)?;
    vm.heap.set_byte(bin, i, int_arg(vm, args, 1)? as u8)?;
    Ok(Value::NULL)
}

/// setRange(src, toPos, fromPos, len): copies bytes of `src` into this, bounds-checked.
fn binary_set_range(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let dst = object_of(vm, this, ids::BINARY, "binary")?;
    let src = arg(vm, args, 0)?;
    let src_bytes = match vm.string_bytes(src)? {
        Some(b) => b,
        None => vm.heap.bytes(object_of(vm, src, ids::BINARY, "binary or string")?)?,
    };
    let (to, from, len) = (int_arg(vm, args, 1)?, int_arg(vm, args, 2)?, int_arg(vm, args, 3)?);
    let dst_len = vm.heap.len(dst)? as i64;
    let ok = to >= 0
        && from >= 0
        && len >= 0
        && from as i64 + len as i64 <= src_bytes.len() as i64
        && to as i64 + len as i64 <= dst_len;
    if !ok {
        return Err(vm.throw_str("setRange: range out of bounds"));
    }
    for k in 0..len as usize {
        vm.heap.set_byte(dst, to as u64 + k as u64, src_bytes[from as usize + k])?;
    }
    Ok(Value::NULL)
}

fn binary_size(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(vm.heap.len(object_of(vm, this, ids::BINARY, "binary")?)? as i32))
}

// Closure: slot 0 the object, slot 1 the ordinal.

fn closure_get_ordinal(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CLOSURE, "closure")?;
    let v = vm.heap.slot(c, 1)?;
    Ok(if v.is_null() { Value::int(0) } else { v })
}

fn closure_set_ordinal(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CLOSURE, "closure")?;
    vm.heap.set_slot(c, 1, Value::int(int_arg(vm, args, 0)?))?;
    Ok(Value::NULL)
}

fn closure_set_object(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CLOSURE, "closure")?;
    vm.heap.set_slot(c, 0, arg(vm, args, 0)?)?;
    Ok(Value::NULL)
}

/// call(args...): calls the closure's method on its object (ours; the original had no way).
/// The call is handed on, not made from here: the method runs as if the caller had called it,
/// so it may block, and safepoints reach it as any other bytecode.
fn closure_call(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CLOSURE, "closure")?;
    let object = vm.heap.slot(c, 0)?;
    let ordinal = vm.heap.slot(c, 1)?.as_int().unwrap_or(0);
    Err(Trap::TailCall { this: object, ordinal: ordinal as u32 })
}

// Weak reference: slot 0 the referent, which the collector does not keep alive.

fn weakref_get(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(vm.heap.slot(object_of(vm, this, ids::WEAKREF, "weakref")?, 0)?)
}

fn weakref_set(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    vm.heap.set_slot(object_of(vm, this, ids::WEAKREF, "weakref")?, 0, arg(vm, args, 0)?)?;
    Ok(Value::NULL)
}

fn now_since_epoch(vm: &Vm) -> Duration {
    Duration::from_millis(vm.host().wall_clock_ms())
}

/// Milliseconds since the Unix epoch, as a long.
fn time_millis(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    boxed(vm, ids::LONG, now_since_epoch(vm).as_millis() as u64)
}

/// Seconds since the Unix epoch, as an int (wraps in 2038, like the original's time_t).
fn time_unix_seconds(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(now_since_epoch(vm).as_secs() as i32))
}

/// Static variables: slot 1 of a class object holds an array of them, made on first use.
fn statics(vm: &Vm, this: Value) -> Result<Value> {
    let class = vm.class_id_of_object(this)?;
    let object = vm.class(class).object.0;
    if vm.heap.len(object)? < 2 {
        return Err(vm.throw_str("this class object has no static storage"));
    }
    let mut array = vm.heap.slot(object, 1)?;
    if array.is_null() {
        array = new_array(vm)?;
        vm.heap.set_slot(object, 1, array)?;
    }
    Ok(array)
}

fn class_set_static(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let array = statics(vm, this)?;
    array_set(vm, thread, array, &[arg(vm, args, 1)?, arg(vm, args, 0)?])?;
    Ok(Value::NULL)
}

fn class_get_static(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let array = statics(vm, this)?;
    let index = int_arg(vm, args, 0)?;
    if index < 0 || index as usize >= array_parts(vm, array)?.1 {
        return Ok(Value::NULL);
    }
    array_get(vm, thread, array, &[Value::int(index)])
}

fn thread_not_this_way(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Err(vm.throw_str("Not this way"))
}

/// getEnvironment(): an instance of `.phantom.environment` if that class can be loaded.
fn thread_environment(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match vm.find_class(".phantom.environment") {
        Ok(class) => vm.instantiate(class),
        Err(_) => Ok(Value::NULL),
    }
}

fn thread_os_interface(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    vm.root_slot(crate::image::OS_INTERFACE)
}

/// getwc(): the next character typed on the host terminal, as a one-character string. The
/// thread parks until input arrives; at end of input it gets an empty string.
fn tty_getwc(vm: &Vm, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    match vm.console.next_char(&vm.sched, thread.id, can_park(thread)) {
        Some(c) => vm.new_string(&c),
        None => {
            thread.park(Park::External);
            Err(crate::vm::Trap::Retry)
        }
    }
}

fn tty_putws(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = text_of(vm, arg(vm, args, 0)?)?;
    vm.print(&text)?;
    Ok(Value::NULL)
}

fn tty_debug(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let v = arg(vm, args, 0)?;
    vm.print(format!("{}\n", vm.describe(v)).as_bytes())?;
    Ok(Value::NULL)
}

fn tty_gotoxy(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let (x, y) = (int_arg(vm, args, 0)?, int_arg(vm, args, 1)?);
    vm.print(format!("\x1b[{};{}H", y.max(0) + 1, x.max(0) + 1).as_bytes())?;
    Ok(Value::NULL)
}

fn tty_clear(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    vm.print(b"\x1b[2J\x1b[H")?;
    Ok(Value::NULL)
}

// Connection: slot 0 the connected name, slot 1 the callback object, slot 2 its method.

const ENXIO: i32 = 6;

fn conn_connect(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CONNECTION, "connection")?;
    let name = arg(vm, args, 0)?;
    let text = string_of(vm, name)?;
    if !text.starts_with(b"tmr:") {
        let prefix = String::from_utf8_lossy(&text[..text.len().min(4)]).into_owned();
        return Err(vm.throw_str(&format!("connection backend {prefix} is not available in this VM yet")));
    }
    vm.heap.set_slot(c, 0, name)?;
    Ok(Value::int(0))
}

fn conn_disconnect(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    vm.heap.set_slot(object_of(vm, this, ids::CONNECTION, "connection")?, 0, Value::NULL)?;
    Ok(Value::int(0))
}

fn conn_check(_: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(ENXIO))
}

/// setCallback(obj, method): 1 if a callback was already set.
fn conn_set_callback(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = object_of(vm, this, ids::CONNECTION, "connection")?;
    let had = !vm.heap.slot(c, 1)?.is_null();
    vm.heap.set_slot(c, 1, arg(vm, args, 0)?)?;
    vm.heap.set_slot(c, 2, Value::int(int_arg(vm, args, 1)?))?;
    Ok(Value::int(had as i32))
}

fn connected(vm: &Vm, this: Value) -> Result<u64> {
    let c = object_of(vm, this, ids::CONNECTION, "connection")?;
    if vm.heap.slot(c, 0)?.is_null() {
        return Err(vm.throw_str("connection is not connected"));
    }
    Ok(c)
}

/// Timer backend, block(obj, ms): the calling thread sleeps `ms` milliseconds (parked).
fn conn_block(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    connected(vm, this)?;
    let ms = int_arg(vm, args, 1)?.max(0) as u64;
    if can_park(thread) {
        thread.park(Park::Until(vm.now() + Duration::from_millis(ms)));
    } else {
        vm.host().sleep(Duration::from_millis(ms));
    }
    Ok(Value::int(0))
}

/// Timer backend, invoke(obj, ms): after `ms` milliseconds the callback method is called with
/// `obj`, on a new VM thread.
fn conn_invoke(vm: &Vm, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let c = connected(vm, this)?;
    let callback = vm.heap.slot(c, 1)?;
    if callback.is_null() {
        return Err(vm.throw_str("connection has no callback (setCallback first)"));
    }
    let method = vm.heap.slot(c, 2)?.as_int().unwrap_or(8) as u32;
    let payload = arg(vm, args, 0)?;
    let ms = int_arg(vm, args, 1)?.max(0) as u64;
    // A small VM thread that sleeps, then calls back: all in bytecode terms, so it persists.
    let mut timer = vm.new_thread(callback, method, &[payload])?;
    timer.park_first(vm.now() + Duration::from_millis(ms));
    vm.sched.add(timer);
    Ok(Value::int(0))
}

/// setScreenBackground (20) and reboot (24) need the original's kernel.
fn boot_unsupported(vm: &Vm, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Err(vm.throw_str("this boot method needs a display or a kernel, which the hosted VM does not have"))
}

/// iterator(): an `.internal.container.iterator` over this array (the original throws "not
/// implemented"). It reads the array as it is at each step, so elements added meanwhile are
/// seen.
fn array_iterator(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    array_parts(vm, this)?;
    let it = vm.instantiate(ids::ITERATOR)?;
    vm.heap.set_slot(it.0, 0, this)?;
    vm.heap.set_slot(it.0, 1, Value::int(0))?;
    Ok(it)
}

// Iterator: slot 0 the array, slot 1 the index of the next element. Method 16 is `hasNext`,
// the one method of the original library's `iterable` interface (its first, so ordinal 16);
// 17 `next` is ours.

fn iterator_parts(vm: &Vm, this: Value) -> Result<(u64, Value, i32)> {
    let it = object_of(vm, this, ids::ITERATOR, "iterator")?;
    Ok((it, vm.heap.slot(it, 0)?, vm.heap.slot(it, 1)?.as_int().unwrap_or(0)))
}

/// hasNext(): 1 while elements are left, else 0.
fn iterator_has_next(vm: &Vm, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (_, array, index) = iterator_parts(vm, this)?;
    if array.is_null() {
        return Ok(Value::int(0));
    }
    Ok(Value::int((index >= 0 && (index as usize) < array_parts(vm, array)?.1) as i32))
}

/// next(): the next element; throws when there is none.
fn iterator_next(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let (it, array, index) = iterator_parts(vm, this)?;
    if array.is_null() || index < 0 || index as usize >= array_parts(vm, array)?.1 {
        return Err(vm.throw_str("iterator: no more elements"));
    }
    let v = array_get(vm, thread, array, &[Value::int(index)])?;
    vm.heap.set_slot(it, 1, Value::int(index + 1))?;
    Ok(v)
}

/// Most fields a class made by `newClass` may have: instances are allocated whole.
const MAX_NEW_CLASS_SLOTS: i32 = 1 << 16;

/// newClass(name, nslots, iface): a new class named `name` whose instances have `nslots`
/// fields. The original's `iface` is an interface object (a method table); ours has none, so
/// `iface` is a class object whose methods the new class shares, or null for the object
/// protocol only. The original reads all three arguments from the first (a bug) and lets the
/// name collide; ours throws if a class of that name exists.
fn class_new_class(vm: &Vm, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = string_of(vm, arg(vm, args, 0)?)?;
    let name = String::from_utf8_lossy(&name).into_owned();
    let slots = int_arg(vm, args, 1)?;
    if !(0..=MAX_NEW_CLASS_SLOTS).contains(&slots) {
        return Err(vm.throw_str(&format!("newClass: {slots} fields (0 to {MAX_NEW_CLASS_SLOTS} allowed)")));
    }
    let iface = arg(vm, args, 2)?;
    let methods = if iface.is_null() { None } else { Some(vm.class_id_of_object(iface)?) };
    if name.is_empty() {
        return Err(vm.throw_str("newClass: empty class name"));
    }
    let id = vm.define_class(&name, slots as u32, methods).map_err(|e| vm.throw_str(&format!("newClass: {e}")))?;
    Ok(vm.class(id).object)
}

/// subarray(start, length): a new array with those elements.
fn array_subarray(vm: &Vm, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (_, count, _) = array_parts(vm, this)?;
    let (start, length) = (int_arg(vm, args, 0)?, int_arg(vm, args, 1)?);
    if start < 0 || length < 0 || start as usize + length as usize > count {
        return Err(vm.throw_str("subarray: range out of bounds"));
    }
    let out = new_array(vm)?;
    for k in 0..length {
        let v = array_get(vm, thread, this, &[Value::int(start + k)])?;
        array_set(vm, thread, out, &[v, Value::int(k)])?;
    }
    Ok(out)
}

/// parseJson(): objects become directories, arrays arrays, strings strings, integers that fit
/// ints, other numbers doubles, true and false 1 and 0, null null.
fn string_parse_json(vm: &Vm, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let text = string_of(vm, this)?;
    let mut p = Json { text: &text, at: 0 };
    let v = p.value(vm, thread, 0)?;
    p.space();
    if p.at != text.len() {
        return Err(p.error(vm, "unexpected text after the value"));
    }
    Ok(v)
}

struct Json<'a> {
    text: &'a [u8],
    at: usize,
}

impl Json<'_> {
    fn error(&self, vm: &Vm, what: &str) -> crate::vm::Trap {
        vm.throw_str(&format!("parseJson: {what} at byte {}", self.at))
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

    fn value(&mut self, vm: &Vm, thread: &mut Thread, depth: u32) -> Result<Value> {
        if depth > 200 {
            return Err(self.error(vm, "nesting too deep"));
        }
        self.space();
        match self.text.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let dir = vm.instantiate(ids::DIRECTORY)?;
                self.space();
                if self.eat(b"}") {
                    return Ok(dir);
                }
                loop {
                    self.space();
                    let key = self.string(vm)?;
                    self.space();
                    if !self.eat(b":") {
                        return Err(self.error(vm, "expected ':'"));
                    }
                    let v = self.value(vm, thread, depth + 1)?;
                    dir_put(vm, thread, dir, &[key, v])?;
                    self.space();
                    if self.eat(b"}") {
                        return Ok(dir);
                    }
                    if !self.eat(b",") {
                        return Err(self.error(vm, "expected ',' or '}'"));
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let array = new_array(vm)?;
                self.space();
                if self.eat(b"]") {
                    return Ok(array);
                }
                let mut n = 0;
                loop {
                    let v = self.value(vm, thread, depth + 1)?;
                    array_set(vm, thread, array, &[v, Value::int(n)])?;
                    n += 1;
                    self.space();
                    if self.eat(b"]") {
                        return Ok(array);
                    }
                    if !self.eat(b",") {
                        return Err(self.error(vm, "expected ',' or ']'"));
                    }
                }
            }
            Some(b'"') => self.string(vm),
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
                    Ok(d) => boxed(vm, ids::DOUBLE, d.to_bits()),
                    Err(_) => Err(self.error(vm, "bad number")),
                }
            }
            _ => Err(self.error(vm, "expected a value")),
        }
    }

    fn string(&mut self, vm: &Vm) -> Result<Value> {
        if !self.eat(b"\"") {
            return Err(self.error(vm, "expected a string"));
        }
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.at) else { return Err(self.error(vm, "unterminated string")) };
            self.at += 1;
            match b {
                b'"' => return vm.new_string(&out),
                b'\\' => {
                    let Some(&e) = self.text.get(self.at) else { return Err(self.error(vm, "unterminated escape")) };
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
                            let Some(c) = c else { return Err(self.error(vm, "bad \\u escape")) };
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

/// getArguments() (ours): the arguments of `phantom run PROGRAM -- ARGS`, as a new array of
/// strings at each call (changing it changes no later call's). They are kept in the system
/// object, so a restarted image returns the same ones.
fn boot_get_arguments(vm: &Vm, thread: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    let array = new_array(vm)?;
    for (i, s) in vm.arguments()?.into_iter().enumerate() {
        array_set(vm, thread, array, &[s, Value::int(i as i32)])?;
    }
    Ok(array)
}
