//! The interpreter: one loop, in the manner of Lua's `luaV_execute`. The program counter, the
//! budget, the frame's stack bases and its code are locals; every instruction, typed ones
//! included, is one arm of one match. What is rare or long (errors, boxing a long, calls the
//! loop cannot make itself, unwinding) is a function of its own, out of the loop's way.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::class::{ids, Body, Method, INTERNAL_CLASSES};
use crate::code::{const_op, const_op_fuses, double_op, double_op_fuses, long_op, Bin, Cmp, Instr, Ty};
use crate::heap::{Kind, OUT_OF_MEMORY};
use crate::java_array;
use crate::natives::{self, NativeFn};
use crate::thread::{Catcher, Frame, Num, Result, Tables, Thread, Trap};
use crate::value::Value;
use crate::vm::Vm;

/// Deepest call nesting before a "stack overflow" exception.
pub(crate) const MAX_FRAMES: usize = 100_000;
/// Deepest nesting of native code calling back into bytecode (each level uses host stack).
pub(crate) const MAX_NATIVE_DEPTH: u32 = 100;
/// How many times in a row natives may hand a call on before it is taken for a loop.
const MAX_HANDED_ON: usize = 1000;

/// What a call instruction calls, as the loop sees it.
enum Callee<'c> {
    Bytecode(&'c Arc<Method>),
    Native(NativeFn),
    /// No such method, or a bad receiver: the general call reports it.
    Other,
}

/// Why the loop hands over to the code around it. The frame's position is written back.
enum Exit {
    /// A call the loop does not make itself (see `slow_call`); its instruction is behind pc.
    SlowCall(SlowCall),
    /// The frame at the execution's depth returned this value.
    Return(Value),
    /// The slice is used up, or a native parked the thread.
    Yield,
}

/// What ends a run of one frame's instructions (small, so that it is passed in registers).
#[derive(Clone, Copy)]
enum End {
    Call(u32, usize),
    /// An interface call to the bytecode method at this ordinal of the receiver on top, its
    /// `n` arguments below it.
    Invoke(u32, usize),
    StaticCall(u32, usize),
    Ret,
    /// The budget ran out.
    Budget,
    Dynamic,
    Sys(u8),
    /// The thread's copy of the tables is out of date.
    Tables,
}

/// The loop's state while it runs one frame: the stacks, the frame's bases and code, and the
/// program counter and budget.
struct Run<'a> {
    code: &'a [Instr],
    o: &'a mut Vec<Value>,
    i: &'a mut Vec<u32>,
    catchers: &'a mut Vec<Catcher>,
    tables: &'a Tables,
    pc: usize,
    left: u32,
    obase: usize,
    ibase: usize,
    this: Value,
    method_uid: usize,
    /// The index of the frame.
    current: usize,
    can_stop: bool,
    thread_object: Value,
}

enum SlowCall {
    Call { ordinal: u32, n: usize },
    Static { ordinal: u32, n: usize },
    Dynamic,
    Sys(u8),
}

/// Enters a bytecode method whose `n` arguments are on the object stack from `at`. A method
/// that starts by checking its argument count (every compiled one does) is entered after the
/// check when it would pass: the count it would consume is never pushed.
#[inline(always)]
fn push_frame(frames: &mut Vec<Frame>, ints: &mut Vec<u32>, method: &Method, this: Value, at: usize, n: usize) {
    let ibase = ints.len();
    let checked = method.checks_args.is_some_and(|k| k as usize == n);
    if !checked {
        ints.push(n as u32);
    }
    frames.push(Frame { method: method.uid(), this, pc: checked as usize, obase: at, ibase });
}

/// A read or write of a frame's int cell past the int stack (hostile code).
#[cold]
fn int_slot() -> Trap {
    Trap::Fatal("int slot out of range".into())
}

/// A read or write of a frame's object slot past the object stack (hostile code).
#[cold]
fn object_slot() -> Trap {
    Trap::Fatal("object slot out of range".into())
}

#[cold]
fn underflow() -> Trap {
    Trap::Fatal("stack underflow".into())
}

/// An int comparison.
#[inline(always)]
fn compare<T: PartialOrd>(cmp: Cmp, a: T, b: T) -> bool {
    match cmp {
        Cmp::Ge => a >= b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Lt => a < b,
    }
}

/// Drops the catchers of frames at `depth` and above (they returned).
#[inline(always)]
fn drop_catchers(catchers: &mut Vec<Catcher>, depth: usize) {
    while catchers.last().is_some_and(|c| c.frame >= depth) {
        catchers.pop();
    }
}

#[inline]
fn pop(v: &mut Vec<u32>) -> Result<u32> {
    v.pop().ok_or_else(underflow)
}

/// The length the integer stack would have after popping `n` cells.
#[inline]
fn depth_below(ints: &[u32], n: usize) -> Result<usize> {
    ints.len().checked_sub(n).ok_or_else(underflow)
}

/// The two doubles on top of the integer stack (each two cells, high cell deeper), and where
/// the lower one starts.
#[inline(always)]
fn two_doubles(ints: &[u32]) -> Result<(f64, f64, usize)> {
    let at = depth_below(ints, 4)?;
    Ok((local_double(ints, at)?, local_double(ints, at + 2)?, at))
}

/// Puts a native call back as it was, to be made again when the thread runs next: its
/// receiver and arguments on the stack, pc on the call, the slice over.
fn put_call_back(thread: &mut Thread, this: Value, args: &[Value]) {
    thread.objects.push(this);
    thread.objects.extend_from_slice(args);
    thread.frames.last_mut().expect("caller frame").pc -= 1;
    thread.budget = 0;
}

/// The 64 bits in the two cells at `at` (a local's slot, or a stack position), high first.
#[inline(always)]
fn local_bits(ints: &[u32], at: usize) -> Result<u64> {
    match ints.get(at..at + 2) {
        Some(&[hi, lo]) => Ok((hi as u64) << 32 | lo as u64),
        _ => Err(int_slot()),
    }
}

#[inline(always)]
fn local_double(ints: &[u32], at: usize) -> Result<f64> {
    local_bits(ints, at).map(f64::from_bits)
}

/// Pushes 64 bits as two cells, high first.
#[inline(always)]
fn push_bits(ints: &mut Vec<u32>, bits: u64) {
    ints.push((bits >> 32) as u32);
    ints.push(bits as u32);
}

/// A class without fields: its methods do not depend on `this`'s layout, so `static_invoke`
/// runs them on any receiver (a Java interface's default method on its implementors, a Java
/// class's static methods with the class object as `this`).
fn fieldless(tables: &Tables, class: u32) -> bool {
    tables.classes.get(class as usize).is_some_and(|c| c.field_slots == 0)
}

/// The two longs on top of the integer stack and where the lower one starts.
#[inline(always)]
fn two_longs(ints: &[u32]) -> Result<(i64, i64, usize)> {
    let at = depth_below(ints, 4)?;
    let long = |k: usize| ((ints[k] as u64) << 32 | ints[k + 1] as u64) as i64;
    Ok((long(at), long(at + 2), at))
}

/// Writes a double into the two cells at `at`.
#[inline(always)]
fn put_double(ints: &mut [u32], at: usize, v: f64) {
    let bits = v.to_bits();
    ints[at] = (bits >> 32) as u32;
    ints[at + 1] = bits as u32;
}

#[inline(always)]
pub(crate) fn pop_num(ints: &mut Vec<u32>, ty: Ty) -> Result<Num> {
    Ok(match ty {
        Ty::Int => Num::I(pop(ints)? as i32),
        Ty::Float => Num::F(f32::from_bits(pop(ints)?)),
        Ty::Long | Ty::Double => {
            let lo = pop(ints)? as u64;
            let hi = pop(ints)? as u64;
            let bits = hi << 32 | lo;
            if ty == Ty::Long {
                Num::L(bits as i64)
            } else {
                Num::D(f64::from_bits(bits))
            }
        }
    })
}

#[inline(always)]
pub(crate) fn push_num(ints: &mut Vec<u32>, n: Num) {
    let wide = |ints: &mut Vec<u32>, bits: u64| {
        ints.push((bits >> 32) as u32);
        ints.push(bits as u32);
    };
    match n {
        Num::I(v) => ints.push(v as u32),
        Num::F(v) => ints.push(v.to_bits()),
        Num::L(v) => wide(ints, v as u64),
        Num::D(v) => wide(ints, v.to_bits()),
    }
}

impl Vm {
    /// Runs until the frame at `depth` returns, and returns its value. An exception is caught
    /// by the frames above `depth` or returned.
    pub(crate) fn execute(&self, thread: &mut Thread, depth: usize) -> Result<Value> {
        loop {
            match self.run_thread(thread, depth) {
                Ok(v) => return Ok(v),
                Err(trap) => self.recover(thread, depth, trap)?,
            }
        }
    }

    /// Turns a trap into a handler to resume at, or gives it back.
    #[cold]
    #[inline(never)]
    fn recover(&self, thread: &mut Thread, depth: usize, trap: Trap) -> Result<()> {
        let thrown = match trap {
            Trap::Throw(x) => x,
            Trap::Retry => {
                // Only call instructions can be re-run after a wait.
                thread.park = None;
                thread.resuming_wait = false;
                thread.budget = thread.budget.max(1);
                match self.throw_str("a blocking method can only be called with a call instruction") {
                    Trap::Throw(x) => x,
                    Trap::OutOfMemory if !self.out_of_memory.is_null() => self.out_of_memory,
                    other => return Err(other),
                }
            }
            Trap::OutOfMemory if !self.out_of_memory.is_null() => self.out_of_memory,
            Trap::OutOfMemory => return Err(Trap::Fatal(OUT_OF_MEMORY.into())),
            other => return Err(other),
        };
        thread.backtrace = self.backtrace(thread);
        thread.fault = thread.frames.last().and_then(|f| {
            let method = thread.method(f);
            let offset = method.code()?.offsets.get(f.pc.checked_sub(1)?).copied()?;
            Some((method.class, method.ordinal, offset))
        });
        self.unwind(thread, depth, thrown)
    }

    /// Finds a handler for `thrown` in frames above `depth`; resumes there or gives up.
    fn unwind(&self, thread: &mut Thread, depth: usize, thrown: Value) -> Result<()> {
        let class = self.class_of(thrown)?;
        while thread.frames.len() > depth {
            let current = thread.frames.len() - 1;
            // This frame's catchers are the last ones, innermost last.
            let own = thread.catchers.iter().rev().take_while(|c| c.frame == current).count();
            let first = thread.catchers.len() - own;
            let hit = (!thrown.is_null())
                .then(|| thread.catchers[first..].iter().rposition(|c| self.is_subclass(class, c.class)))
                .flatten();
            if let Some(i) = hit {
                let c = thread.catchers.drain(first + i..).next().expect("matched catcher");
                thread.frames[current].pc = c.target as usize;
                thread.objects.truncate(c.objects);
                thread.ints.truncate(c.ints);
                thread.objects.push(thrown);
                return Ok(());
            }
            thread.catchers.truncate(first);
            let f = thread.frames.pop().expect("frames above depth");
            thread.objects.truncate(f.obase);
            thread.ints.truncate(f.ibase);
        }
        Err(Trap::Throw(thrown))
    }

    /// The loop and the calls it hands out, until the frame at `depth` returns.
    fn run_thread(&self, thread: &mut Thread, depth: usize) -> Result<Value> {
        loop {
            match self.run_instructions(thread, depth)? {
                Exit::SlowCall(call) => self.slow_call(thread, call)?,
                Exit::Return(v) => return Ok(v),
                Exit::Yield => return Err(Trap::Yield),
            }
        }
    }

    /// A native call the loop met: the arguments leave the stack for a buffer of their own, as
    /// the native gets the whole thread.
    fn native_call(&self, thread: &mut Thread, f: NativeFn, at: usize, n: usize) -> Result<()> {
        let mut args = [Value::NULL; 8];
        let this = thread.objects[at];
        args[..n].copy_from_slice(&thread.objects[at + 1..at + 1 + n]);
        thread.objects.truncate(at);
        let result = self.run_native(thread, f, this, &args[..n]);
        let retried = std::mem::take(&mut thread.retrying_for_memory);
        let collections = self.heap.full_collections.load(Ordering::Relaxed);
        // Out of memory: the heap has asked for a collection, which runs once this thread
        // yields; the call is made again after it, once, before the program is told. Until then
        // what the program dropped since the last collection still fills the heap.
        // Made again once after the full collection it asks for; run again before that
        // collection (by another worker, while the one that saw it yield is still on its way
        // to collecting), it waits again.
        let again_for_memory =
            retried.is_none_or(|at| at == collections) && thread.native_depth == 0 && thread.scheduled;
        match result {
            Ok(Some(result)) => thread.objects.push(result),
            // The call was handed on to bytecode: its frame is on top now.
            Ok(None) => {}
            Err(Trap::Retry) => put_call_back(thread, this, &args[..n]),
            Err(Trap::OutOfMemory) if again_for_memory => {
                thread.retrying_for_memory = Some(collections);
                put_call_back(thread, this, &args[..n]);
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// Runs instructions with the program counter, budget and stack bases in locals, calls
    /// from bytecode to bytecode and returns included, until something needs the thread whole.
    #[inline(always)]
    fn run_instructions(&self, thread: &mut Thread, depth: usize) -> Result<Exit> {
        let mut left = thread.budget;
        // What the slice had when this run began: a thread yields before a call only once it
        // has done something since, so a thread resumed at a call always makes progress.
        let started = left;
        // A pending safepoint, or a heap grown past its collection threshold, ends the slice
        // at the next jump or call: a loop or a recursion making garbage faster than a slice
        // ends must not run the heap out before the collector gets its turn. Bytecode called
        // from a native runs to its end instead: the native's own state is on the host stack,
        // where no safepoint can reach it. So does a thread the scheduler does not run.
        let can_stop = thread.native_depth == 0 && thread.scheduled;
        let attention = || can_stop && self.attention();
        // Nested calls cannot yield mid-native: their budget never runs out.
        let may_yield = thread.native_depth == 0 || thread.limited;
        let result = loop {
            // The thread in its parts, until a native call needs it whole again.
            let Thread { frames, objects: o, ints: i, tables, catchers, object: thread_object, .. } = &mut *thread;
            let current = frames.len().wrapping_sub(1);
            let Some(frame) = frames.last_mut() else { break Ok(Exit::Yield) };
            let Frame { method, pc: frame_pc, obase, ibase, this } = frame;
            let Some(code) = tables.code[*method as usize].as_deref() else {
                break Err(Trap::Fatal("a frame runs a native method".into()));
            };
            let method_uid = *method as usize;
            let code = &code.instrs[..];
            let (obase, ibase, this) = (*obase, *ibase, *this);
            let mut run = Run {
                code,
                o: &mut *o,
                i: &mut *i,
                catchers: &mut *catchers,
                tables,
                pc: *frame_pc,
                left,
                obase,
                ibase,
                this,
                method_uid,
                current,
                can_stop,
                thread_object: *thread_object,
            };
            let end = self.frame_instructions(&mut run);
            let pc = run.pc;
            left = run.left;
            *frame_pc = pc;
            let end = match end {
                Ok(end) => end,
                // The instruction that failed counts too (the loop checked there was budget).
                Err(e) => {
                    left = left.saturating_sub(1);
                    break Err(e);
                }
            };
            match end {
                End::Dynamic => break Ok(Exit::SlowCall(SlowCall::Dynamic)),
                End::Sys(k) => break Ok(Exit::SlowCall(SlowCall::Sys(k))),
                End::Tables => *tables = self.tables(),
                End::Budget if may_yield => break Ok(Exit::Yield),
                // Nested calls cannot yield mid-native: their budget never runs out.
                End::Budget => left = u32::MAX,
                // The slice ends before the call, which runs after the safepoint or the
                // collection (a native may need the room), once the slice has done something.
                End::Call(..) | End::StaticCall(..) if attention() && left + 1 < started => {
                    frames.last_mut().expect("caller frame").pc -= 1;
                    left = 0;
                    break Ok(Exit::Yield);
                }
                End::Call(ordinal @ (10 | 11), n) if n == ordinal as usize - 9 && self.array_access(o, ordinal) => {}
                End::Call(ordinal, n) => {
                    // The general call reports errors and stack overflow.
                    let callee = match o.len().checked_sub(n + 1) {
                        Some(at) if frames.len() < MAX_FRAMES => self.callee(tables, o[at], ordinal),
                        _ => Callee::Other,
                    };
                    let method = match callee {
                        Callee::Bytecode(m) => m,
                        Callee::Native(f) if n <= 8 => {
                            // Made here, without leaving the loop; a native that parks the
                            // thread zeroes its budget.
                            let at = o.len() - (n + 1);
                            thread.budget = left;
                            let made = self.native_call(thread, f, at, n);
                            left = thread.budget;
                            if let Err(e) = made {
                                break Err(e);
                            }
                            continue;
                        }
                        _ => break Ok(Exit::SlowCall(SlowCall::Call { ordinal, n })),
                    };
                    // `this` leaves the stack; the arguments become the callee's first slots.
                    let at = o.len() - (n + 1);
                    let this = o[at];
                    for k in at..o.len() - 1 {
                        o[k] = o[k + 1];
                    }
                    o.pop();
                    push_frame(frames, i, method, this, at, n);
                }
                End::Invoke(ordinal, n) => {
                    // The receiver is a copy (`os_pull32 n`): the arguments become the callee's
                    // first slots, and the original stays below them, as `dynamic_invoke` leaves it.
                    let this = o.pop().expect("the fused call saw it");
                    match self.callee(tables, this, ordinal) {
                        Callee::Bytecode(method) => push_frame(frames, i, method, this, o.len() - n, n),
                        _ => break Err(Trap::Fatal("an interface call lost its method".into())),
                    }
                }
                End::StaticCall(ordinal, n) => {
                    // On top: the class, then `this`, then the arguments. Anything unusual
                    // (not a class, not an instance of it, a native, stack overflow) goes the
                    // general way, which reports it.
                    let len = o.len();
                    let method = (|| {
                        if len < n + 2 || frames.len() >= MAX_FRAMES {
                            return None;
                        }
                        let class = self.class_object_id(o[len - 1]).ok().flatten()?;
                        let this_class = match o[len - 2].object() {
                            Some(obj) => self.heap.class_of(obj).ok()?,
                            None => return None,
                        };
                        if !tables.descends(this_class, class) && !fieldless(tables, class) {
                            return None;
                        }
                        let m = tables.classes.get(class as usize)?.vtable.get(ordinal as usize)?.as_ref()?;
                        matches!(m.body, Body::Bytecode(_)).then_some(m)
                    })();
                    let Some(method) = method else {
                        break Ok(Exit::SlowCall(SlowCall::Static { ordinal, n }));
                    };
                    let this = o[len - 2];
                    o.truncate(len - 2);
                    push_frame(frames, i, method, this, len - 2 - n, n);
                }
                End::Ret => {
                    let (obase, ibase) = frames.last().map(|f| (f.obase, f.ibase)).expect("current frame");
                    frames.truncate(frames.len() - 1);
                    drop_catchers(catchers, frames.len());
                    let result = if o.len() > obase { o.pop().expect("above the base") } else { Value::NULL };
                    o.truncate(obase);
                    i.truncate(ibase);
                    if frames.len() <= depth {
                        break Ok(Exit::Return(result));
                    }
                    o.push(result);
                }
            }
        };
        thread.budget = left;
        result
    }

    /// The instructions of one frame, until one ends its run (a call, a return, something
    /// that needs the thread whole). Inlined into `run_instructions`, so that `r`'s fields
    /// live in registers.
    #[inline(always)]
    fn frame_instructions(&self, r: &mut Run<'_>) -> Result<End> {
        let (obase, ibase, this, method_uid, current, thread_object) =
            (r.obase, r.ibase, r.this, r.method_uid, r.current, r.thread_object);
        // Reborrowed through the fields, not borrowed as fields: `r` stays a bag of registers.
        let (code, tables): (&[Instr], &Tables) = (r.code, r.tables);
        let o: &mut Vec<Value> = &mut *r.o;
        let i: &mut Vec<u32> = &mut *r.i;
        let catchers: &mut Vec<Catcher> = &mut *r.catchers;
        // A taken jump. Every loop jumps: a pending safepoint or collection waits at most
        // one iteration.
        macro_rules! jump {
            ($target:expr) => {{
                r.pc = $target as usize;
                if r.can_stop && self.attention() {
                    r.left = r.left.min(1);
                }
            }};
        }
        // The id of the class a `summon_by_name` (alone or fused) names, from the thread's
        // tables. A class newer than them is summoned the slow way, pushed, and the run ends
        // for the current tables.
        macro_rules! summoned {
            ($name:expr, $resolved:expr) => {
                match $resolved.get().copied().filter(|&id| (id as usize) < tables.classes.len()) {
                    Some(id) => id,
                    None => {
                        o.push(self.summon_object($name, Some($resolved))?);
                        r.left -= 1;
                        return Ok(End::Tables);
                    }
                }
            };
        }
        loop {
            if r.left == 0 {
                return Ok(End::Budget);
            }
            let Some(instr) = code.get(r.pc) else {
                return Err(self.throw_str("execution ran past the end of the method"));
            };
            r.pc += 1;
            match instr {
                Instr::Nop | Instr::Debug => {}
                Instr::Jmp(t) => jump!(*t),
                Instr::Jz(t) => {
                    if i.pop().ok_or_else(underflow)? == 0 {
                        jump!(*t);
                    }
                }
                Instr::Djnz(t) => {
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = top.wrapping_sub(1);
                    if *top != 0 {
                        jump!(*t);
                    }
                }
                Instr::Switch { shift, divisor, targets } => {
                    let v = i.pop().ok_or_else(underflow)? as i32;
                    if *divisor == 0 {
                        return Err(self.throw_str("switch with a zero divisor"));
                    }
                    let k = (v.wrapping_add(*shift) as u32) / divisor;
                    if let Some(t) = targets.get(k as usize) {
                        jump!(*t);
                    }
                }
                Instr::Const(Ty::Int, v) => i.push(*v as u32),
                Instr::Const(ty, v) => push_num(i, Num::L(*v).to(*ty)),
                Instr::Const64(v) => {
                    i.push((*v as u64 >> 32) as u32);
                    i.push(*v as u32);
                }
                Instr::GetInt(Ty::Int, s) => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::SetInt(Ty::Int, s) => {
                    let v = i.pop().ok_or_else(underflow)?;
                    *i.get_mut(ibase + *s as usize).ok_or_else(int_slot)? = v;
                }
                Instr::GetInt(Ty::Float, s) => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::SetInt(Ty::Float, s) => {
                    let v = i.pop().ok_or_else(underflow)?;
                    *i.get_mut(ibase + *s as usize).ok_or_else(int_slot)? = v;
                }
                // Long and double: two cells, the high one deeper.
                Instr::GetInt(_, s) => {
                    let at = ibase + *s as usize;
                    let (hi, lo) = match i.get(at..at + 2) {
                        Some(&[hi, lo]) => (hi, lo),
                        _ => return Err(int_slot()),
                    };
                    i.push(hi);
                    i.push(lo);
                }
                Instr::SetInt(_, s) => {
                    let len = depth_below(i, 2)?;
                    let at = ibase + *s as usize;
                    if at + 2 > len {
                        return Err(int_slot());
                    }
                    let (hi, lo) = (i[len], i[len + 1]);
                    i[at] = hi;
                    i[at + 1] = lo;
                    i.truncate(len);
                }
                Instr::GetSlot(s) => {
                    let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                    o.push(v);
                }
                Instr::SetSlot(s) => {
                    let v = o.pop().ok_or_else(underflow)?;
                    *o.get_mut(obase + *s as usize).ok_or_else(object_slot)? = v;
                }
                Instr::OsDup => {
                    let v = *o.last().ok_or_else(underflow)?;
                    o.push(v);
                }
                Instr::OsDrop => {
                    o.pop().ok_or_else(underflow)?;
                }
                Instr::IsDrop(ty) => {
                    let len = depth_below(i, ty.cells())?;
                    i.truncate(len);
                }
                Instr::IsDup(ty) => {
                    let from = depth_below(i, ty.cells())?;
                    i.extend_from_within(from..);
                }
                Instr::Pull(n) => {
                    let v = *o
                        .get(o.len().wrapping_sub(*n as usize + 1))
                        .ok_or_else(|| Trap::Fatal("os_pull32 below the stack".into()))?;
                    o.push(v);
                }
                Instr::SummonThis => o.push(this),
                Instr::SummonNull => o.push(Value::NULL),
                Instr::SummonThread => o.push(thread_object),
                Instr::SummonInternal(name) => o.push(self.summon_object(name.as_bytes(), None)?),
                Instr::SummonByName(name, resolved) => {
                    let id = summoned!(name, resolved);
                    o.push(tables.classes[id as usize].object);
                }
                Instr::String(bytes) => o.push(self.new_string(bytes)?),
                Instr::ConstPool(id) => o.push(self.constant(tables, method_uid, *id)),
                Instr::Box(Ty::Int) => {
                    let v = i.pop().ok_or_else(underflow)?;
                    o.push(Value::int(v as i32));
                }
                Instr::Box(ty) => {
                    let n = pop_num(i, *ty)?;
                    o.push(self.box_num(n)?);
                }
                Instr::Unbox(ty) => {
                    let v = o.pop().ok_or_else(underflow)?;
                    match (ty, v.as_int()) {
                        (Ty::Int, Some(n)) => i.push(n as u32),
                        _ => push_num(i, self.unbox(v, *ty)?),
                    }
                }
                Instr::Bin(op, Ty::Int) => {
                    // The result replaces the lower operand in place.
                    let b = i.pop().ok_or_else(underflow)? as i32;
                    let top = i.last_mut().ok_or_else(underflow)?;
                    let a = *top as i32;
                    // Division by zero throws and MIN / -1 wraps: those go the general way.
                    *top = if const_op_fuses(*op, b) {
                        const_op(*op, a, b)
                    } else {
                        match self.binary(*op, Num::I(a), Num::I(b))? {
                            Num::I(r) => r,
                            _ => unreachable!("int operations give ints"),
                        }
                    } as u32;
                }
                Instr::Bin(op, Ty::Double) => {
                    let (a, b, at) = two_doubles(i)?;
                    if !double_op_fuses(*op) {
                        return Err(self.throw_str("invalid double op"));
                    }
                    let r = double_op(*op, a, b);
                    put_double(i, at, r);
                    i.truncate(at + 2);
                }
                Instr::Bin(
                    op @ (Bin::Add | Bin::Mul | Bin::SubLU | Bin::SubUL | Bin::And | Bin::Or | Bin::Xor),
                    Ty::Long,
                ) => {
                    // Those that cannot throw, in place; the rest go the general way.
                    let (a, b, at) = two_longs(i)?;
                    let r = long_op(*op, a, b);
                    i[at] = (r as u64 >> 32) as u32;
                    i[at + 1] = r as u32;
                    i.truncate(at + 2);
                }
                Instr::Bin(op, ty) => {
                    let b = pop_num(i, *ty)?;
                    let a = pop_num(i, *ty)?;
                    push_num(i, self.binary(*op, a, b)?);
                }
                Instr::Cmp(op, Ty::Int) => {
                    let b = i.pop().ok_or_else(underflow)? as i32;
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = compare(*op, *top as i32, b) as u32;
                }
                Instr::Cmp(op, Ty::Double) => {
                    let (a, b, at) = two_doubles(i)?;
                    // Comparisons with NaN are false.
                    let r = compare(*op, a, b);
                    i.truncate(at);
                    i.push(r as u32);
                }
                Instr::Cmp(op, Ty::Long) => {
                    let (a, b, at) = two_longs(i)?;
                    let r = compare(*op, a, b);
                    i.truncate(at);
                    i.push(r as u32);
                }
                Instr::Cmp(op, ty) => {
                    let b = pop_num(i, *ty)?;
                    let a = pop_num(i, *ty)?;
                    i.push(compare_nums(*op, a, b) as u32);
                }
                Instr::Not(ty) => {
                    let r = match pop_num(i, *ty)? {
                        Num::I(v) => Num::I(!v),
                        Num::L(v) => Num::L(!v),
                        _ => return Err(self.throw_str("invalid float op")),
                    };
                    push_num(i, r);
                }
                Instr::LogNot(Ty::Int) => {
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = (*top == 0) as u32;
                }
                Instr::LogNot(ty) => {
                    let r = match pop_num(i, *ty)? {
                        Num::I(v) => Num::I((v == 0) as i32),
                        Num::L(v) => Num::L((v == 0) as i64),
                        _ => return Err(self.throw_str("invalid float op")),
                    };
                    push_num(i, r);
                }
                Instr::Convert(Ty::Int, Ty::Double) => {
                    let v = i.pop().ok_or_else(underflow)? as i32;
                    let bits = (v as f64).to_bits();
                    i.push((bits >> 32) as u32);
                    i.push(bits as u32);
                }
                Instr::Convert(Ty::Int, Ty::Long) => {
                    let v = i.pop().ok_or_else(underflow)? as i32 as i64;
                    i.push((v as u64 >> 32) as u32);
                    i.push(v as u32);
                }
                Instr::Convert(Ty::Long, Ty::Int) => {
                    // The low cell is the int; the high one goes.
                    let low = i.pop().ok_or_else(underflow)?;
                    *i.last_mut().ok_or_else(underflow)? = low;
                }
                Instr::Convert(from, to) => {
                    let n = pop_num(i, *from)?;
                    push_num(i, n.to(*to));
                }
                Instr::OsEq | Instr::OsNeq => {
                    let b = o.pop().ok_or_else(underflow)?;
                    let a = o.pop().ok_or_else(underflow)?;
                    i.push(((a == b) == matches!(instr, Instr::OsEq)) as u32);
                }
                Instr::OsIsNull => {
                    let v = o.pop().ok_or_else(underflow)?;
                    i.push(v.is_null() as u32);
                }
                Instr::Lock | Instr::Unlock => {
                    o.pop().ok_or_else(underflow)?;
                }
                Instr::LoadField(f) => o.push(self.field(this, *f)?),
                Instr::SaveField(f) => {
                    let v = o.pop().ok_or_else(underflow)?;
                    self.set_field(this, *f, v)?;
                }
                Instr::LoadIntField(f) => {
                    let v = self.field(this, *f)?;
                    i.push(v.as_int().unwrap_or(0) as u32);
                }
                Instr::SaveIntField(f) => {
                    let v = i.pop().ok_or_else(underflow)? as i32;
                    self.set_field(this, *f, Value::int(v))?;
                }
                Instr::ArrayGet => {
                    let index = i.pop().ok_or_else(underflow)? as i32;
                    let array = o.pop().ok_or_else(underflow)?;
                    let (a, slot) = self.array_element(array, index)?;
                    o.push(self.heap.slot(a.obj, slot)?);
                }
                Instr::ArraySet => {
                    let v = o.pop().ok_or_else(underflow)?;
                    let index = i.pop().ok_or_else(underflow)? as i32;
                    let array = o.pop().ok_or_else(underflow)?;
                    let (a, slot) = self.array_element(array, index)?;
                    if let Some(class) = java_array::store_check(&self.heap, &a)? {
                        let of = self.class_of(v)?;
                        if !v.is_null() && !tables.descends(of, class) {
                            return Err(self.array_store_error(of));
                        }
                    }
                    self.heap.set_slot(a.obj, slot, v)?;
                }
                Instr::ArrayGetNumber(ty) => {
                    let index = i.pop().ok_or_else(underflow)? as i32;
                    let array = o.pop().ok_or_else(underflow)?;
                    self.push_element_number(i, array, index, *ty)?;
                }
                Instr::ArraySetNumber(ty) => {
                    let low = i.pop().ok_or_else(underflow)?;
                    let high = if ty.cells() == 2 { Some(i.pop().ok_or_else(underflow)?) } else { None };
                    let index = i.pop().ok_or_else(underflow)? as i32;
                    let array = o.pop().ok_or_else(underflow)?;
                    let (a, slot) = self.array_element(array, index)?;
                    match high {
                        Some(high) => {
                            self.heap.set_slot(a.obj, slot, Value::int(high as i32))?;
                            self.heap.set_slot(a.obj, slot + 1, Value::int(low as i32))?;
                        }
                        None => self.heap.set_slot(a.obj, slot, Value::int(low as i32))?,
                    }
                }
                Instr::ArrayLength => {
                    let array = o.pop().ok_or_else(underflow)?;
                    match java_array::java_array(&self.heap, array)? {
                        Some(a) => i.push(a.length as u32),
                        None => i.push(self.phantom_array_length(array)?),
                    }
                }
                Instr::Math(Ty::Double, k) => {
                    let (a, b, at) = two_doubles(i)?;
                    let r = crate::java::math_function(*k, a, b)
                        .ok_or_else(|| self.throw_str(&format!("math: no function {k}")))?;
                    put_double(i, at, r);
                    i.truncate(at + 2);
                }
                Instr::Math(..) => return Err(self.throw_str("math works on doubles")),
                Instr::GetObjectField(f) => {
                    let obj = o.pop().ok_or_else(underflow)?;
                    o.push(self.object_field(obj, *f, 1)?.0);
                }
                Instr::SetObjectField(f) => {
                    let v = o.pop().ok_or_else(underflow)?;
                    let obj = o.pop().ok_or_else(underflow)?;
                    self.set_object_field(obj, *f, 1, v, Value::NULL)?;
                }
                Instr::GetNumberField(ty, f) => {
                    let obj = o.pop().ok_or_else(underflow)?;
                    self.push_field_number(i, obj, *f, *ty)?;
                }
                Instr::SetNumberField(ty, f) => {
                    let obj = o.pop().ok_or_else(underflow)?;
                    let low = i.pop().ok_or_else(underflow)?;
                    if ty.cells() == 2 {
                        let high = i.pop().ok_or_else(underflow)?;
                        self.set_object_field(obj, *f, 2, Value::int(high as i32), Value::int(low as i32))?;
                    } else {
                        self.set_object_field(obj, *f, 1, Value::int(low as i32), Value::NULL)?;
                    }
                }
                Instr::New => {
                    let class = o.pop().ok_or_else(underflow)?;
                    o.push(self.new_instance(tables, class)?);
                }
                Instr::Cast => {
                    let class = o.pop().ok_or_else(underflow)?;
                    let class = self.class_id_of_object(class)?;
                    let v = *o.last().ok_or_else(underflow)?;
                    let from = self.class_of(v)?;
                    if !v.is_null() && !tables.descends_or(from, class, || self.is_subclass(from, class)) {
                        return Err(self.cast_error(from, class));
                    }
                }
                Instr::PushCatcher(t) => {
                    let class = o.pop().ok_or_else(underflow)?;
                    let class = self.class_id_of_object(class)?;
                    catchers.push(Catcher { frame: current, class, target: *t, objects: o.len(), ints: i.len() });
                }
                Instr::PopCatcher => {
                    if catchers.last().is_some_and(|c| c.frame == current) {
                        catchers.pop();
                    }
                }
                Instr::Throw => return Err(Trap::Throw(o.pop().ok_or_else(underflow)?)),
                Instr::ArgCount(n) => {
                    let have = i.pop().ok_or_else(underflow)?;
                    if have != *n as u32 {
                        return Err(self.throw_str("invalid arg count"));
                    }
                }
                Instr::Reserve(nobj, nint) => {
                    o.resize(o.len() + *nobj as usize, Value::NULL);
                    i.resize(i.len() + *nint as usize, 0);
                }
                Instr::Call { method, nargs } => {
                    r.left -= 1;
                    return Ok(End::Call(*method, *nargs as usize));
                }
                Instr::StaticInvoke { method, nargs } => {
                    r.left -= 1;
                    return Ok(End::StaticCall(*method, *nargs as usize));
                }
                Instr::DynamicInvoke => {
                    r.left -= 1;
                    return Ok(End::Dynamic);
                }
                Instr::Sys(k) => {
                    r.left -= 1;
                    return Ok(End::Sys(*k));
                }
                Instr::Ret => {
                    r.left -= 1;
                    return Ok(End::Ret);
                }
                // Fused runs count as the instructions they stand for; with too little
                // budget r.left, or an argument that is not an int, they do only their
                // first instruction.
                Instr::GetSlotInt(s) => {
                    let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                    match v.as_int() {
                        Some(n) if r.left >= 2 => {
                            i.push(n as u32);
                            r.pc += 1;
                            r.left -= 1;
                        }
                        _ => o.push(v),
                    }
                }
                Instr::BinConst(op, k) if r.left >= 2 => {
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = const_op(*op, *top as i32, *k) as u32;
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::BinConstSet { op, k, slot } if r.left >= 3 => {
                    let a = i.pop().ok_or_else(underflow)? as i32;
                    *i.get_mut(ibase + *slot as usize).ok_or_else(int_slot)? = const_op(*op, a, *k) as u32;
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::BinLocals { op, a, b } if r.left >= 3 => {
                    // As the run does it: the second read may see the first's push.
                    let x = *i.get(ibase + *a as usize).ok_or_else(int_slot)?;
                    i.push(x);
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32;
                    let top = i.last_mut().expect("just pushed");
                    *top = const_op(*op, x as i32, y) as u32;
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::UpdateLocal { op, slot, k } if r.left >= 4 => {
                    let v = i.get_mut(ibase + *slot as usize).ok_or_else(int_slot)?;
                    *v = const_op(*op, *v as i32, *k) as u32;
                    r.pc += 3;
                    r.left -= 3;
                }
                Instr::JumpUnlessLocalConst { cmp, slot, k, target } if r.left >= 4 => {
                    let a = *i.get(ibase + *slot as usize).ok_or_else(int_slot)? as i32;
                    r.left -= 3;
                    if compare(*cmp, a, *k) {
                        r.pc += 3;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::JumpUnlessSlotConst { cmp, slot, k, target } if r.left >= 5 => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    match v.as_int() {
                        Some(a) => {
                            r.left -= 4;
                            if compare(*cmp, a, *k) {
                                r.pc += 4;
                            } else {
                                jump!(*target);
                            }
                        }
                        // Not an int: the first instruction only; `o2i` converts or throws.
                        None => o.push(v),
                    }
                }
                Instr::LoadFieldInt(f) => {
                    let v = self.field(this, *f)?;
                    match v.as_int() {
                        Some(n) if r.left >= 2 => {
                            i.push(n as u32);
                            r.pc += 1;
                            r.left -= 1;
                        }
                        _ => o.push(v),
                    }
                }
                Instr::UpdateField { op, field, k } if r.left >= 6 => {
                    let v = self.field(this, *field)?;
                    match v.as_int() {
                        Some(a) => {
                            self.set_field(this, *field, Value::int(const_op(*op, a, *k)))?;
                            r.pc += 5;
                            r.left -= 5;
                        }
                        // Not an int: the first instruction only; `o2i` converts or throws.
                        None => o.push(v),
                    }
                }
                Instr::SlotBinConstBox { op, slot, k } if r.left >= 5 => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    match v.as_int() {
                        Some(a) => {
                            o.push(Value::int(const_op(*op, a, *k)));
                            r.pc += 4;
                            r.left -= 4;
                        }
                        None => o.push(v),
                    }
                }
                Instr::JumpUnlessConst { cmp, k, target } if r.left >= 3 => {
                    let a = i.pop().ok_or_else(underflow)? as i32;
                    r.left -= 2;
                    if compare(*cmp, a, *k) {
                        r.pc += 2;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::JumpUnlessLocals { cmp, a, b, target } if r.left >= 4 => {
                    let x = *i.get(ibase + *a as usize).ok_or_else(int_slot)? as i32;
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32;
                    r.left -= 3;
                    if compare(*cmp, x, y) {
                        r.pc += 3;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::LocalToDouble(a) if r.left >= 2 => {
                    let v = *i.get(ibase + *a as usize).ok_or_else(int_slot)? as i32;
                    let bits = (v as f64).to_bits();
                    i.push((bits >> 32) as u32);
                    i.push(bits as u32);
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::DoubleLocals { op, a, b } if r.left >= 3 => {
                    let x = local_double(i, ibase + *a as usize)?;
                    let y = local_double(i, ibase + *b as usize)?;
                    let bits = double_op(*op, x, y).to_bits();
                    i.push((bits >> 32) as u32);
                    i.push(bits as u32);
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::DoubleLocal { op, a } if r.left >= 2 => {
                    let y = local_double(i, ibase + *a as usize)?;
                    let at = depth_below(i, 2)?;
                    let x = local_double(i, at)?;
                    put_double(i, at, double_op(*op, x, y));
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::DoubleConst { op, k } if r.left >= 2 => {
                    let at = depth_below(i, 2)?;
                    let x = local_double(i, at)?;
                    put_double(i, at, double_op(*op, x, f64::from_bits(*k as u64)));
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::SlotNumberField { ty, slot, field } if r.left >= 2 => {
                    let obj = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    self.push_field_number(i, obj, *field, *ty)?;
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::SlotObjectField { slot, field } if r.left >= 2 => {
                    let obj = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    o.push(self.object_field(obj, *field, 1)?.0);
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::SlotArrayNumber { ty, array, index } if r.left >= 3 => {
                    let array = *o.get(obase + *array as usize).ok_or_else(object_slot)?;
                    let index = *i.get(ibase + *index as usize).ok_or_else(int_slot)? as i32;
                    self.push_element_number(i, array, index, *ty)?;
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::SlotArrayObject { array, index } if r.left >= 3 => {
                    let array = *o.get(obase + *array as usize).ok_or_else(object_slot)?;
                    let index = *i.get(ibase + *index as usize).ok_or_else(int_slot)? as i32;
                    let (a, slot) = self.array_element(array, index)?;
                    o.push(self.heap.slot(a.obj, slot)?);
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::JumpUnlessLocalLength { cmp, slot, array, target } if r.left >= 5 => {
                    let array = *o.get(obase + *array as usize).ok_or_else(object_slot)?;
                    let x = *i.get(ibase + *slot as usize).ok_or_else(int_slot)?;
                    match java_array::java_array(&self.heap, array)? {
                        Some(a) => {
                            r.left -= 4;
                            if compare(*cmp, x as i32, a.length as u32 as i32) {
                                r.pc += 4;
                            } else {
                                jump!(*target);
                            }
                        }
                        // A Phantom array: the first instruction only.
                        None => i.push(x),
                    }
                }
                Instr::JumpUnlessZero(target) if r.left >= 2 => {
                    let v = i.pop().ok_or_else(underflow)?;
                    r.left -= 1;
                    if v != 0 {
                        jump!(*target);
                    } else {
                        r.pc += 1;
                    }
                }
                Instr::SignExtend(k) if r.left >= 4 => {
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = ((*top as i32) << *k >> *k) as u32;
                    r.pc += 3;
                    r.left -= 3;
                }
                Instr::JumpUnlessLongInt { cmp, a, b, target } if r.left >= 5 => {
                    let x = local_bits(i, ibase + *a as usize)? as i64;
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32 as i64;
                    r.left -= 4;
                    if compare(*cmp, x, y) {
                        r.pc += 4;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::LongIntSet { op, a, b, to } if r.left >= 5 => {
                    let x = local_bits(i, ibase + *a as usize)? as i64;
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32 as i64;
                    let v = long_op(*op, x, y);
                    let to = ibase + *to as usize;
                    let cells = i.get_mut(to..to + 2).ok_or_else(int_slot)?;
                    cells[0] = (v as u64 >> 32) as u32;
                    cells[1] = v as u32;
                    r.pc += 4;
                    r.left -= 4;
                }
                Instr::InterfaceCall { name, n, cache }
                    if r.left >= 3 && r.current + 1 < MAX_FRAMES && !(r.can_stop && self.attention()) =>
                {
                    let receiver = *o.last().ok_or_else(underflow)?;
                    let ordinal = receiver.object().and_then(|obj| {
                        let class = self.heap.class_of(obj).ok()?;
                        cache.ordinal(class).or_else(|| {
                            let ordinal = self.interface_ordinal(tables, class, method_uid, *name)?;
                            cache.remember(class, ordinal);
                            Some(ordinal)
                        })
                    });
                    match ordinal {
                        Some(ordinal) if o.len() > *n as usize => {
                            r.pc += 2;
                            r.left -= 3;
                            return Ok(End::Invoke(ordinal, *n as usize));
                        }
                        _ => o.push(self.constant(tables, method_uid, *name)),
                    }
                }
                Instr::StaticInstance { name, resolved, target } => {
                    let id = summoned!(name, resolved);
                    match self.static_instance(tables, id) {
                        Some(instance) if r.left >= 7 => {
                            o.push(instance);
                            r.left -= 6;
                            jump!(*target);
                        }
                        // The first instruction only; the call makes the statics' object if
                        // need be.
                        _ => o.push(tables.classes[id as usize].object),
                    }
                }
                Instr::JumpUnlessCmp { cmp, target } if r.left >= 2 => {
                    let b = i.pop().ok_or_else(underflow)? as i32;
                    let a = i.pop().ok_or_else(underflow)? as i32;
                    r.left -= 1;
                    if compare(*cmp, a, b) {
                        r.pc += 1;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::JumpUnlessTopLocal { cmp, b, target } if r.left >= 3 => {
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32;
                    let x = i.pop().ok_or_else(underflow)? as i32;
                    r.left -= 2;
                    if compare(*cmp, x, y) {
                        r.pc += 2;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::JumpNull { when, target } if r.left >= when.instructions() => {
                    let v = o.pop().ok_or_else(underflow)?;
                    r.left -= when.instructions() - 1;
                    if when.jumps(v) {
                        jump!(*target);
                    } else {
                        r.pc += when.instructions() as usize - 1;
                    }
                }
                Instr::JumpSlotNull { when, slot, target } if r.left > when.instructions() => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    r.left -= when.instructions();
                    if when.jumps(v) {
                        jump!(*target);
                    } else {
                        r.pc += when.instructions() as usize;
                    }
                }
                Instr::StaticCallByName { name, resolved, method, nargs } => {
                    let id = summoned!(name, resolved);
                    o.push(tables.classes[id as usize].object);
                    if r.left >= 2 {
                        // `static_invoke` is behind pc, as if fetched: a call retried after a
                        // safepoint runs it alone.
                        r.pc += 1;
                        r.left -= 2;
                        return Ok(End::StaticCall(*method, *nargs as usize));
                    }
                }
                Instr::JumpUnlessElementLocal { cmp, array, index, b, target } if r.left >= 6 => {
                    let array = *o.get(obase + *array as usize).ok_or_else(object_slot)?;
                    let index = *i.get(ibase + *index as usize).ok_or_else(int_slot)? as i32;
                    let (a, slot) = self.array_element(array, index)?;
                    let x = self.heap.slot(a.obj, slot)?.as_int().unwrap_or(0);
                    let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32;
                    r.left -= 5;
                    if compare(*cmp, x, y) {
                        r.pc += 5;
                    } else {
                        jump!(*target);
                    }
                }
                Instr::SlotAndLocalBump { slot, local, k } if r.left >= 6 => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    let cell = i.get_mut(ibase + *local as usize).ok_or_else(int_slot)?;
                    let index = *cell;
                    *cell = (index as i32).wrapping_add(*k) as u32;
                    o.push(v);
                    i.push(index);
                    r.pc += 5;
                    r.left -= 5;
                }
                Instr::SlotAndLongAsInt { slot, local } if r.left >= 3 => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    let index = local_bits(i, ibase + *local as usize)?;
                    o.push(v);
                    i.push(index as u32);
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::ArraySetConst(k) if r.left >= 2 => {
                    let index = i.pop().ok_or_else(underflow)? as i32;
                    let array = o.pop().ok_or_else(underflow)?;
                    let (a, slot) = self.array_element(array, index)?;
                    self.heap.set_slot(a.obj, slot, Value::int(*k))?;
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::SlotAndLocal { slot, local } if r.left >= 2 => {
                    let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    let k = *i.get(ibase + *local as usize).ok_or_else(int_slot)?;
                    o.push(v);
                    i.push(k);
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::SlotDupNumberField { ty, slot, field } if r.left >= 3 => {
                    let obj = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    o.push(obj);
                    self.push_field_number(i, obj, *field, *ty)?;
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::SlotFieldDouble { op, slot, field } if r.left >= 3 => {
                    let obj = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                    let (hi, lo) = self.object_field(obj, *field, 2)?;
                    let bits = (hi.as_int().unwrap_or(0) as u32 as u64) << 32 | lo.as_int().unwrap_or(0) as u32 as u64;
                    let at = depth_below(i, 2)?;
                    let x = local_double(i, at)?;
                    put_double(i, at, double_op(*op, x, f64::from_bits(bits)));
                    r.pc += 2;
                    r.left -= 2;
                }
                Instr::DoubleOpSetField { op, field } if r.left >= 2 => {
                    let (a, b, at) = two_doubles(i)?;
                    let obj = o.pop().ok_or_else(underflow)?;
                    let bits = double_op(*op, a, b).to_bits();
                    i.truncate(at);
                    let (hi, lo) = (Value::int((bits >> 32) as i32), Value::int(bits as i32));
                    self.set_object_field(obj, *field, 2, hi, lo)?;
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::DoubleOpSet { op, slot } if r.left >= 2 => {
                    let (a, b, at) = two_doubles(i)?;
                    i.truncate(at);
                    let to = ibase + *slot as usize;
                    if to + 2 > i.len() {
                        return Err(int_slot());
                    }
                    put_double(i, to, double_op(*op, a, b));
                    r.pc += 1;
                    r.left -= 1;
                }
                Instr::BoxReturn if r.left >= 2 => {
                    let v = i.pop().ok_or_else(underflow)?;
                    o.push(Value::int(v as i32));
                    r.pc += 1;
                    r.left -= 2;
                    return Ok(End::Ret);
                }
                Instr::ReturnNull if r.left >= 2 => {
                    // The `ret` is r.left to the end, as if it had been fetched.
                    o.push(Value::NULL);
                    r.pc += 1;
                    r.left -= 2;
                    return Ok(End::Ret);
                }
                // Fused runs with too little budget r.left do their first instruction.
                Instr::BinConst(_, k) | Instr::JumpUnlessConst { k, .. } | Instr::BinConstSet { k, .. } => {
                    i.push(*k as u32)
                }
                Instr::BinLocals { a: s, .. }
                | Instr::UpdateLocal { slot: s, .. }
                | Instr::JumpUnlessLocalConst { slot: s, .. } => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::JumpUnlessSlotConst { slot: s, .. } | Instr::SlotBinConstBox { slot: s, .. } => {
                    let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                    o.push(v);
                }
                Instr::UpdateField { field, .. } => o.push(self.field(this, *field)?),
                Instr::JumpUnlessLocals { a: s, .. } | Instr::LocalToDouble(s) => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::DoubleLocals { a, .. } | Instr::DoubleLocal { a, .. } => {
                    let bits = local_double(i, ibase + *a as usize)?.to_bits();
                    i.push((bits >> 32) as u32);
                    i.push(bits as u32);
                }
                Instr::DoubleConst { k, .. } => {
                    i.push((*k as u64 >> 32) as u32);
                    i.push(*k as u32);
                }
                Instr::ReturnNull => o.push(Value::NULL),
                Instr::SlotNumberField { slot: s, .. }
                | Instr::SlotObjectField { slot: s, .. }
                | Instr::SlotArrayNumber { array: s, .. }
                | Instr::SlotArrayObject { array: s, .. } => {
                    let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                    o.push(v);
                }
                Instr::JumpUnlessLocalLength { slot: s, .. } => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::JumpUnlessZero(_) => {
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = (*top == 0) as u32;
                }
                Instr::SignExtend(k) => i.push(*k),
                Instr::JumpUnlessCmp { cmp, .. } => {
                    let b = i.pop().ok_or_else(underflow)? as i32;
                    let top = i.last_mut().ok_or_else(underflow)?;
                    *top = compare(*cmp, *top as i32, b) as u32;
                }
                Instr::JumpUnlessTopLocal { b: s, .. } => {
                    let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                    i.push(v);
                }
                Instr::JumpNull { .. } => {
                    let v = o.pop().ok_or_else(underflow)?;
                    i.push(v.is_null() as u32);
                }
                Instr::ArraySetConst(k) => i.push(*k as u32),
                Instr::JumpSlotNull { slot: s, .. }
                | Instr::JumpUnlessElementLocal { array: s, .. }
                | Instr::SlotAndLocalBump { slot: s, .. }
                | Instr::SlotAndLongAsInt { slot: s, .. }
                | Instr::SlotAndLocal { slot: s, .. }
                | Instr::SlotDupNumberField { slot: s, .. }
                | Instr::SlotFieldDouble { slot: s, .. } => {
                    let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                    o.push(v);
                }
                Instr::DoubleOpSetField { op, .. } | Instr::DoubleOpSet { op, .. } => {
                    let (a, b, at) = two_doubles(i)?;
                    put_double(i, at, double_op(*op, a, b));
                    i.truncate(at + 2);
                }
                Instr::BoxReturn => {
                    let v = i.pop().ok_or_else(underflow)?;
                    o.push(Value::int(v as i32));
                }
                Instr::JumpUnlessLongInt { a, .. } | Instr::LongIntSet { a, .. } => {
                    let bits = local_bits(i, ibase + *a as usize)?;
                    push_bits(i, bits);
                }
                Instr::InterfaceCall { name, .. } => o.push(self.constant(tables, method_uid, *name)),
            }
            r.left -= 1;
        }
    }

    /// A safepoint is pending or an allocation failed (a full collection is due).
    #[inline(always)]
    fn attention(&self) -> bool {
        self.sched.stop_requested.load(Ordering::Relaxed) || self.heap.gc_urgent.load(Ordering::Relaxed)
    }

    /// `get(index)` (10) and `set(value, index)` (11) of an array, in range, made in the loop
    /// as the natives `array_get` and `array_set` would; anything else (another class, an
    /// index out of range, growth) is left to the call. Arrays cannot be subclassed (a class
    /// extending an internal class extends `.internal.object`), so the receiver's class alone
    /// says which method runs.
    #[inline(always)]
    fn array_access(&self, o: &mut Vec<Value>, ordinal: u32) -> bool {
        let heap = &self.heap;
        let n = ordinal as usize - 9;
        let result = (|| {
            let at = o.len().checked_sub(n + 1)?;
            let array = o[at].object()?;
            let index = u64::try_from(o[at + n].as_int()?).ok()?;
            if ordinal == 10 {
                return self.phantom_array_get(array, index).map(|v| (at, v));
            }
            if heap.class_of(array).ok()? != ids::ARRAY {
                return None;
            }
            let count = heap.slot(array, 0).ok()?.as_int()? as u64;
            let storage = heap.slot(array, 1).ok()?.object()?;
            // A set in range, or one appending where there is room.
            if index > count {
                return None;
            }
            let (page, slot) = heap.element_place(storage, index).ok()??;
            let value = o[at + 1];
            heap.set_slot(page, slot, value).ok()?;
            if index == count {
                heap.set_slot(array, 0, Value::int(index as i32 + 1)).ok()?;
            }
            Some((at, value))
        })();
        let Some((at, value)) = result else { return false };
        o.truncate(at);
        o.push(value);
        true
    }

    /// The ordinal of the method named by constant `name` of method `uid`'s class on
    /// instances of `class`, when it is bytecode (what an `InterfaceCall` may remember).
    #[cold]
    fn interface_ordinal(&self, tables: &Tables, class: u32, uid: usize, name: u32) -> Option<u32> {
        let name = self.string_bytes(self.constant(tables, uid, name)).ok()??;
        let name = std::str::from_utf8(&name).ok()?;
        let (named, ordinal) = crate::class::method_named(class, name, |c| self.class(c))?;
        // `dynamic_invoke` calls the entry of the class that names it; the receiver's own entry
        // is the same one unless something unusual overrides it.
        let named = named.vtable.get(ordinal as usize)?.as_ref()?;
        let own = tables.classes.get(class as usize)?.vtable.get(ordinal as usize)?.as_ref()?;
        (Arc::ptr_eq(named, own) && matches!(own.body, Body::Bytecode(_))).then_some(ordinal)
    }

    /// Static slot 0 of class `id` (where a translated Java class keeps the object holding its
    /// statics), if it is an object; what `call 11 1` on the class object gives.
    #[inline]
    fn static_instance(&self, tables: &Tables, id: u32) -> Option<Value> {
        let class = tables.classes.get(id as usize)?.object.object()?;
        let heap = &self.heap;
        if heap.len(class).ok()? < 2 {
            return None;
        }
        let statics = heap.slot(class, 1).ok()?.object()?;
        let v = self.phantom_array_get(statics, 0)?;
        v.object().map(|_| v)
    }

    /// Element `index` of a Phantom array, if `array` is one and the index is in range.
    #[inline(always)]
    fn phantom_array_get(&self, array: u64, index: u64) -> Option<Value> {
        let heap = &self.heap;
        if heap.class_of(array).ok()? != ids::ARRAY {
            return None;
        }
        let count = heap.slot(array, 0).ok()?.as_int()? as u64;
        if index >= count {
            return None;
        }
        let storage = heap.slot(array, 1).ok()?.object()?;
        let (page, slot) = heap.element_place(storage, index).ok()??;
        heap.slot(page, slot).ok()
    }

    /// The calls the loop does not make itself: natives with many arguments, errors, and the
    /// rarer call instructions. The instruction is behind the frame's pc; a native that
    /// parks the thread to be run again gets it back as it was.
    #[inline(never)]
    fn slow_call(&self, thread: &mut Thread, call: SlowCall) -> Result<()> {
        macro_rules! opop {
            () => {
                thread.objects.pop().ok_or_else(underflow)?
            };
        }
        // Undoes the instruction: the stacks as `restore` leaves them, pc back on it.
        let retry = |thread: &mut Thread, restore: &dyn Fn(&mut Thread)| {
            restore(thread);
            thread.frames.last_mut().expect("caller frame").pc -= 1;
            thread.budget = 0;
        };
        match call {
            SlowCall::Call { ordinal, n } => {
                let at = thread.objects.len().checked_sub(n + 1).ok_or_else(underflow)?;
                // `enter` refuses a bytecode callee past MAX_FRAMES; a native still runs.
                let this = thread.objects.remove(at);
                let class = self.class_of(this)?;
                let Some(m) = self.method_of(thread, class, ordinal) else {
                    thread.objects.truncate(at);
                    if this.is_null() {
                        return Err(self.throw_str(&format!("method {ordinal} called on null")));
                    }
                    return Err(self.throw_str(&format!("{} has no method {ordinal}", self.class(class).name)));
                };
                match self.enter(thread, m, this, n) {
                    Ok(Some(result)) => thread.objects.push(result),
                    Ok(None) => {}
                    Err(Trap::Retry) => retry(thread, &|t| t.objects.insert(at, this)),
                    Err(e) => return Err(e),
                }
            }
            SlowCall::Static { ordinal, n } => {
                let class = opop!();
                let this = opop!();
                let class = self.class_id_of_object(class)?;
                if !self.is_subclass(self.class_of(this)?, class) && self.class(class).field_slots != 0 {
                    return Err(self.throw_str("static_invoke: this is not an instance of the class"));
                }
                let Some(m) = self.method_of(thread, class, ordinal) else {
                    return Err(self.throw_str(&format!("{} has no method {ordinal}", self.class(class).name)));
                };
                match self.enter(thread, m, this, n) {
                    Ok(Some(result)) => thread.objects.push(result),
                    Ok(None) => {}
                    Err(Trap::Retry) => {
                        let class_object = self.class(class).object;
                        retry(thread, &|t| {
                            t.objects.push(this);
                            t.objects.push(class_object);
                        })
                    }
                    Err(e) => return Err(e),
                }
            }
            SlowCall::Dynamic => {
                let n = pop(&mut thread.ints)? as usize;
                let name_value = opop!();
                let this = opop!();
                let name = self
                    .string_bytes(name_value)?
                    .ok_or_else(|| self.throw_str("dynamic_invoke: name is not a string"))?;
                let name = String::from_utf8_lossy(&name).into_owned();
                if this.is_null() {
                    return Err(self.throw_str(&format!("method {name} called on null")));
                }
                let found = crate::class::method_named(self.class_of(this)?, &name, |c| self.class(c))
                    .and_then(|(c, ordinal)| c.vtable.get(ordinal as usize).cloned().flatten());
                let m = found.ok_or_else(|| self.throw_str(&format!("no method named {name}")))?;
                match self.enter(thread, m, this, n) {
                    Ok(Some(result)) => thread.objects.push(result),
                    Ok(None) => {}
                    Err(Trap::Retry) => retry(thread, &|t| {
                        t.objects.push(this);
                        t.objects.push(name_value);
                        t.ints.push(n as u32);
                    }),
                    Err(e) => return Err(e),
                }
            }
            SlowCall::Sys(k) => {
                let this = thread.frames.last().expect("a frame").this;
                let n = *thread.ints.last().ok_or_else(underflow)? as usize;
                let mut class = self.class_of(this)?;
                while !self.class(class).is_internal() {
                    class = self.class(class).parent.unwrap_or(ids::VOID);
                }
                let f = natives::lookup(class, k as u32)
                    .map(natives::native)
                    .ok_or_else(|| self.throw_str("no syscall"))?;
                let base = thread.objects.len().checked_sub(n).ok_or_else(underflow)?;
                let args: Vec<Value> = thread.objects.drain(base..).collect();
                thread.ints.pop();
                let mut nested = Thread::default();
                let result = match f(&self.cx(), &mut nested, this, &args) {
                    Err(Trap::TailCall { .. }) => return Err(self.throw_str("sys cannot hand a call on")),
                    result => result?,
                };
                thread.objects.push(result);
            }
        }
        Ok(())
    }

    /// Calls a method from native code (or to start a thread): runs the loop until the call
    /// returns.
    pub fn call(&self, thread: &mut Thread, this: Value, ordinal: u32, args: &[Value]) -> Result<Value> {
        if thread.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.throw_str("stack overflow: native code calling back too deeply"));
        }
        let depth = thread.frames.len();
        thread.objects.extend_from_slice(args);
        thread.native_depth += 1;
        // A nested call runs to its end, unless the thread has a fixed limit to keep to.
        let budget = if thread.limited { thread.budget } else { std::mem::replace(&mut thread.budget, u32::MAX) };
        let result = match self.invoke(thread, this, ordinal, args.len()) {
            Ok(Some(result)) => Ok(result),
            Ok(None) => self.execute(thread, depth),
            Err(e) => Err(e),
        };
        if !thread.limited {
            thread.budget = budget;
        }
        thread.native_depth -= 1;
        result
    }

    /// Dispatches a call whose arguments are on top of the object stack. A native runs at once
    /// and its result is returned; bytecode gets a new frame and `None`.
    pub(crate) fn invoke(&self, thread: &mut Thread, this: Value, ordinal: u32, nargs: usize) -> Result<Option<Value>> {
        let class = self.class_of(this)?;
        let Some(method) = self.method_of(thread, class, ordinal) else {
            thread.objects.truncate(thread.objects.len().saturating_sub(nargs));
            if this.is_null() {
                return Err(self.throw_str(&format!("method {ordinal} called on null")));
            }
            return Err(self.throw_str(&format!("{} has no method {ordinal}", self.class(class).name)));
        };
        self.enter(thread, method, this, nargs)
    }

    fn enter(&self, thread: &mut Thread, method: Arc<Method>, this: Value, nargs: usize) -> Result<Option<Value>> {
        let base = thread.objects.len().checked_sub(nargs).ok_or_else(underflow)?;
        match &method.body {
            Body::Native(id) => {
                let f = natives::native(*id);
                // Arguments leave the stack; up to 8 travel in a stack buffer, not a Vec.
                let mut small = [Value::NULL; 8];
                let large: Vec<Value>;
                let args: &[Value] = if nargs <= small.len() {
                    small[..nargs].copy_from_slice(&thread.objects[base..]);
                    &small[..nargs]
                } else {
                    large = thread.objects[base..].to_vec();
                    &large
                };
                thread.objects.truncate(base);
                match self.run_native(thread, f, this, args) {
                    Err(Trap::Retry) => {
                        thread.objects.extend_from_slice(args);
                        Err(Trap::Retry)
                    }
                    other => other,
                }
            }
            Body::Bytecode(_) => {
                if thread.frames.len() >= MAX_FRAMES {
                    thread.objects.truncate(base);
                    return Err(self.throw_str("stack overflow: too many nested calls"));
                }
                // The method may come from a newer table than the thread's (dynamic invoke).
                if method.uid() as usize >= thread.tables.methods.len() {
                    thread.tables = self.tables();
                }
                let ibase = thread.ints.len();
                thread.ints.push(nargs as u32);
                thread.frames.push(Frame { method: method.uid(), this, pc: 0, obase: base, ibase });
                Ok(None)
            }
        }
    }

    /// Runs a native. One that hands its call on (`Trap::TailCall`) is followed by `hand_on`,
    /// out of the common path.
    #[inline(always)]
    fn run_native(&self, thread: &mut Thread, f: NativeFn, this: Value, args: &[Value]) -> Result<Option<Value>> {
        match f(&self.cx(), thread, this, args) {
            Err(Trap::TailCall { this, ordinal }) => self.hand_on(thread, this, ordinal, args),
            other => other.map(Some),
        }
    }

    /// Calls `this.ordinal(args)` for a native that handed its call on: another native at
    /// once (which may hand it on again), or bytecode as a new frame (`None`).
    #[inline(never)]
    fn hand_on(&self, thread: &mut Thread, this: Value, ordinal: u32, args: &[Value]) -> Result<Option<Value>> {
        let (mut this, mut ordinal) = (this, ordinal);
        for _ in 0..MAX_HANDED_ON {
            let class = self.class_of(this)?;
            let Some(method) = self.method_of(thread, class, ordinal) else {
                return Err(self.throw_str(&format!("{} has no method {ordinal}", self.class(class).name)));
            };
            let f = match method.body {
                Body::Native(id) => natives::native(id),
                Body::Bytecode(_) => {
                    thread.objects.extend_from_slice(args);
                    return self.enter(thread, method, this, args.len());
                }
            };
            match f(&self.cx(), thread, this, args) {
                Err(Trap::TailCall { this: next, ordinal: next_ordinal }) => (this, ordinal) = (next, next_ordinal),
                other => return other.map(Some),
            }
        }
        Err(self.throw_str("a call handed on without end (a closure calling itself?)"))
    }

    /// The method at `ordinal` of `this`'s class, for the loop's calls.
    #[inline]
    fn callee<'c>(&self, tables: &'c mut Arc<Tables>, this: Value, ordinal: u32) -> Callee<'c> {
        let class = match this.object() {
            Some(obj) => match self.heap.class_of(obj) {
                Ok(class) => class,
                Err(_) => return Callee::Other,
            },
            None if this.is_int() => ids::INT,
            None => ids::VOID,
        };
        if class as usize >= tables.classes.len() {
            *tables = self.tables();
        }
        match tables.classes.get(class as usize).and_then(|c| c.vtable.get(ordinal as usize)).and_then(|m| m.as_ref()) {
            Some(m) => match &m.body {
                Body::Bytecode(_) => Callee::Bytecode(m),
                Body::Native(id) => Callee::Native(natives::native(*id)),
            },
            None => Callee::Other,
        }
    }

    /// `new`: an instance of the class object `class`; loaded classes without a lock.
    #[inline]
    fn new_instance(&self, tables: &Tables, class: Value) -> Result<Value> {
        let id = self.class_id_of_object(class)?;
        match tables.classes.get(id as usize) {
            Some(c) if !c.is_internal() && c.peer.is_none() => {
                let slots = c.field_slots as u64;
                Ok(self.heap.alloc(c.id, Kind::Slots, slots, slots)?)
            }
            _ => self.instantiate(id),
        }
    }

    /// The class object a `summon_*` instruction names, found by name (and remembered in
    /// `resolved`, when given: class ids never change).
    #[cold]
    fn summon_object(&self, name: &[u8], resolved: Option<&std::sync::OnceLock<u32>>) -> Result<Value> {
        let id = match resolved.and_then(|r| r.get()) {
            Some(&id) => id,
            None => {
                let text = String::from_utf8_lossy(name).into_owned();
                let id = self.summon(&text).map_err(|e| self.throw_str(&e))?;
                resolved.map_or(id, |r| *r.get_or_init(|| id))
            }
        };
        Ok(self.class(id).object)
    }

    /// Constant `id` of the class whose file defines method `uid`.
    fn constant(&self, tables: &Tables, uid: usize, id: u32) -> Value {
        let class = tables.methods[uid].class;
        tables.classes.get(class as usize).and_then(|c| c.constants.get(&id).copied()).unwrap_or(Value::NULL)
    }

    fn field(&self, this: Value, index: u32) -> Result<Value> {
        match this.object() {
            Some(obj) if self.heap.kind_of(obj)? == Kind::Slots && (index as u64) < self.heap.len(obj)? => {
                Ok(self.heap.slot(obj, index as u64)?)
            }
            _ => Err(self.no_field(this, index)),
        }
    }

    fn set_field(&self, this: Value, index: u32, v: Value) -> Result<()> {
        match this.object() {
            Some(obj) if self.heap.kind_of(obj)? == Kind::Slots && (index as u64) < self.heap.len(obj)? => {
                Ok(self.heap.set_slot(obj, index as u64, v)?)
            }
            _ => Err(self.no_field(this, index)),
        }
    }

    /// The object behind `os_field_get` and its kin: one of a class that is not internal (the
    /// VM's own objects keep their state private), with `cells` fields from `index`.
    #[inline(always)]
    fn field_owner(&self, obj: Value, index: u32, cells: usize) -> Result<u64> {
        match obj.object() {
            Some(o) => {
                let (class, kind) = self.heap.header(o)?;
                if kind == Kind::Slots
                    && class as usize >= INTERNAL_CLASSES.len()
                    && index as u64 + cells as u64 <= self.heap.len(o)?
                {
                    return Ok(o);
                }
                Err(self.no_object_field(obj, index))
            }
            None => Err(self.no_object_field(obj, index)),
        }
    }

    /// A number field of another object onto the integer stack, as `is_field_get` reads it.
    #[inline(always)]
    fn push_field_number(&self, i: &mut Vec<u32>, obj: Value, field: u32, ty: Ty) -> Result<()> {
        let (first, second) = self.object_field(obj, field, ty.cells())?;
        i.push(first.as_int().unwrap_or(0) as u32);
        if ty.cells() == 2 {
            i.push(second.as_int().unwrap_or(0) as u32);
        }
        Ok(())
    }

    /// A Java array's number element onto the integer stack, as `is_array_get` reads it.
    #[inline(always)]
    fn push_element_number(&self, i: &mut Vec<u32>, array: Value, index: i32, ty: Ty) -> Result<()> {
        let (a, slot) = self.array_element(array, index)?;
        i.push(self.heap.slot(a.obj, slot)?.as_int().unwrap_or(0) as u32);
        if ty.cells() == 2 {
            i.push(self.heap.slot(a.obj, slot + 1)?.as_int().unwrap_or(0) as u32);
        }
        Ok(())
    }

    /// Fields `index` and (for two cells) `index + 1` of another object.
    #[inline(always)]
    fn object_field(&self, obj: Value, index: u32, cells: usize) -> Result<(Value, Value)> {
        let o = self.field_owner(obj, index, cells)?;
        let first = self.heap.slot(o, index as u64)?;
        let second = if cells == 2 { self.heap.slot(o, index as u64 + 1)? } else { Value::NULL };
        Ok((first, second))
    }

    #[inline]
    fn set_object_field(&self, obj: Value, index: u32, cells: usize, first: Value, second: Value) -> Result<()> {
        let o = self.field_owner(obj, index, cells)?;
        self.heap.set_slot(o, index as u64, first)?;
        if cells == 2 {
            self.heap.set_slot(o, index as u64 + 1, second)?;
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn no_object_field(&self, obj: Value, index: u32) -> Trap {
        if obj.is_null() {
            return self.throw_str(&format!("field {index} of null"));
        }
        self.throw_str(&format!("field {index} is not a field of {}", self.describe(obj)))
    }

    /// The Java array `array` and the first slot of its element `index`, or Java's errors.
    #[inline(always)]
    fn array_element(&self, array: Value, index: i32) -> Result<(java_array::JavaArray, u64)> {
        match java_array::java_array(&self.heap, array)? {
            Some(a) => match a.slot(index) {
                Some(slot) => Ok((a, slot)),
                None => Err(self.throw_str(&format!(
                    "java.lang.ArrayIndexOutOfBoundsException: Index {index} out of bounds for length {}",
                    a.length
                ))),
            },
            None => Err(self.not_a_java_array(array)),
        }
    }

    #[cold]
    #[inline(never)]
    fn not_a_java_array(&self, array: Value) -> Trap {
        if array.is_null() {
            return self.throw_str("array element of null");
        }
        self.throw_str(&format!("{} is not a Java array", self.describe(array)))
    }

    #[cold]
    #[inline(never)]
    fn phantom_array_length(&self, array: Value) -> Result<u32> {
        match array.object() {
            Some(o) if self.heap.class_of(o)? == ids::ARRAY => Ok(self.heap.slot(o, 0)?.as_int().unwrap_or(0) as u32),
            _ if array.is_null() => Err(self.throw_str("array length of null")),
            _ => Err(self.not_a_java_array(array)),
        }
    }

    #[cold]
    #[inline(never)]
    fn array_store_error(&self, of: u32) -> Trap {
        self.throw_str(&format!("java.lang.ArrayStoreException: {}", self.class(of).name))
    }

    #[cold]
    #[inline(never)]
    fn cast_error(&self, from: u32, to: u32) -> Trap {
        self.throw_str(&format!("cast to not parent: {} to {}", self.class(from).name, self.class(to).name))
    }

    #[cold]
    #[inline(never)]
    fn no_field(&self, this: Value, index: u32) -> Trap {
        self.throw_str(&format!("field {index} does not exist in {}", self.describe(this)))
    }

    #[inline(never)]
    fn box_num(&self, n: Num) -> Result<Value> {
        Ok(n.boxed(&self.heap)?)
    }

    /// The number in a boxed value.
    pub fn unbox_any(&self, v: Value) -> Result<Option<Num>> {
        if let Some(i) = v.as_int() {
            return Ok(Some(Num::I(i)));
        }
        let Some(obj) = v.object() else { return Ok(None) };
        let bits = || self.heap.word(obj, 0);
        Ok(match self.heap.class_of(obj)? {
            ids::LONG => Some(Num::L(bits()? as i64)),
            ids::FLOAT => Some(Num::F(f32::from_bits(bits()? as u32))),
            ids::DOUBLE => Some(Num::D(f64::from_bits(bits()?))),
            _ => None,
        })
    }

    /// The number in a boxed value, converted to `ty`.
    #[inline(never)]
    fn unbox(&self, v: Value, ty: Ty) -> Result<Num> {
        match self.unbox_any(v)? {
            Some(n) => Ok(n.to(ty)),
            None if v.is_null() => Err(self.throw_str("o2i of null")),
            None => Err(self.throw_str(&format!("type assert failed: {} is not a number", self.describe(v)))),
        }
    }

    #[inline(never)]
    fn binary(&self, op: Bin, a: Num, b: Num) -> Result<Num> {
        use Bin::*;
        let zero = || self.throw_str("division by zero");
        // One body for int and long: truncating division, MIN / -1 wraps, shifts as in Java.
        macro_rules! integer {
            ($a:expr, $b:expr, $int:ty, $unsigned:ty) => {{
                let (a, b): ($int, $int) = ($a, $b);
                match op {
                    Add => a.wrapping_add(b),
                    Mul => a.wrapping_mul(b),
                    SubUL => b.wrapping_sub(a),
                    SubLU => a.wrapping_sub(b),
                    DivUL => b.checked_div(a).or_else(|| (a == -1).then(|| b.wrapping_neg())).ok_or_else(zero)?,
                    DivLU => a.checked_div(b).or_else(|| (b == -1).then(|| a.wrapping_neg())).ok_or_else(zero)?,
                    RemUL => b.checked_rem(a).or_else(|| (a == -1).then_some(0)).ok_or_else(zero)?,
                    RemLU => a.checked_rem(b).or_else(|| (b == -1).then_some(0)).ok_or_else(zero)?,
                    Or => a | b,
                    And => a & b,
                    Xor => a ^ b,
                    LogOr => (a != 0 || b != 0) as $int,
                    LogAnd => (a != 0 && b != 0) as $int,
                    LogXor => ((a != 0) != (b != 0)) as $int,
                    Shl => a.wrapping_shl(b as u32),
                    Shr => a.wrapping_shr(b as u32),
                    Ushr => (a as $unsigned).wrapping_shr(b as u32) as $int,
                }
            }};
        }
        macro_rules! float {
            ($a:expr, $b:expr, $what:literal) => {{
                let (a, b) = ($a, $b);
                match op {
                    Add => a + b,
                    Mul => a * b,
                    SubUL => b - a,
                    SubLU => a - b,
                    DivUL => b / a,
                    DivLU => a / b,
                    RemUL => b % a,
                    RemLU => a % b,
                    _ => return Err(self.throw_str($what)),
                }
            }};
        }
        Ok(match (a, b) {
            (Num::I(a), Num::I(b)) => Num::I(integer!(a, b, i32, u32)),
            (Num::L(a), Num::L(b)) => Num::L(integer!(a, b, i64, u64)),
            (Num::F(a), Num::F(b)) => Num::F(float!(a, b, "invalid float op")),
            (Num::D(a), Num::D(b)) => Num::D(float!(a, b, "invalid double op")),
            _ => return Err(Trap::Fatal("mixed operand types".into())),
        })
    }
}

/// A comparison of two numbers of one type; false when unordered (NaN).
fn compare_nums(op: Cmp, a: Num, b: Num) -> bool {
    use std::cmp::Ordering::*;
    let ord = match (a, b) {
        (Num::I(a), Num::I(b)) => a.partial_cmp(&b),
        (Num::L(a), Num::L(b)) => a.partial_cmp(&b),
        (Num::F(a), Num::F(b)) => a.partial_cmp(&b),
        (Num::D(a), Num::D(b)) => a.partial_cmp(&b),
        _ => None,
    };
    match (op, ord) {
        (_, None) => false,
        (Cmp::Ge, Some(o)) => o != Less,
        (Cmp::Le, Some(o)) => o != Greater,
        (Cmp::Gt, Some(o)) => o == Greater,
        (Cmp::Lt, Some(o)) => o == Less,
    }
}
