//! VM threads: their stacks, frames and catchers, and what stops execution (traps).

use std::sync::Arc;

use crate::class::{Class, Method};
use crate::heap::{ClassId, MemoryError};
use crate::value::Value;

/// Why a thread stopped running without finishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Park {
    /// Asleep until an instant.
    Until(std::time::Duration),
    /// Waiting for another thread to wake it (mutex, cond, semaphore).
    Blocked,
    /// Waiting for the outside world (console input): never a deadlock.
    External,
    /// Inside `commit()`, waiting for a snapshot to be durable: never a deadlock either.
    Commit,
}

/// Host stack for threads running bytecode: enough for `MAX_NATIVE_DEPTH` nested levels.
pub(crate) const HOST_STACK: usize = 64 << 20;

/// Slots of a `.internal.thread` object (see `persist`).
pub const THREAD_SLOTS: u64 = 7;

/// Why execution stopped abnormally.
#[derive(Debug)]
pub enum Trap {
    /// A Phantom exception: the thrown value. Catchable.
    Throw(Value),
    /// The VM cannot go on (damaged memory, exhaustion).
    Fatal(String),
    /// The thread's slice is used up or it parked: its state is intact, resume it later.
    Yield,
    /// A blocking native parked the thread and wants its call run again when it wakes.
    Retry,
    /// The heap is full: thrown to the program as the VM's "out of heap memory" string, which
    /// it can catch (and drop what it holds).
    OutOfMemory,
    /// A native hands its call on: `this.ordinal` with the same arguments is called in its
    /// place (`closure.call`), so no bytecode runs nested inside native code.
    TailCall { this: Value, ordinal: u32 },
}

impl From<MemoryError> for Trap {
    fn from(e: MemoryError) -> Trap {
        if e.is_exhaustion() {
            Trap::OutOfMemory
        } else {
            Trap::Fatal(e.0)
        }
    }
}

pub type Result<T> = std::result::Result<T, Trap>;

/// An exception that no frame caught, with the Phantom backtrace.
#[derive(Debug)]
pub struct Uncaught {
    pub message: String,
    pub backtrace: Vec<String>,
}

impl Thread {
    pub(crate) fn frames(&self) -> &[Frame] {
        &self.frames
    }

    pub(crate) fn object_stack(&self) -> &[Value] {
        &self.objects
    }

    pub(crate) fn int_stack(&self) -> &[u32] {
        &self.ints
    }

    /// A thread rebuilt from the heap, frames still to be pushed.
    pub(crate) fn restored(id: u64, object: Value, objects: Vec<Value>, ints: Vec<u32>) -> Thread {
        Thread { id, object, objects, ints, scheduled: true, ..Thread::default() }
    }

    /// Pushes a frame read back from the heap, with its catchers; `tables` must be the VM's
    /// current ones.
    pub(crate) fn push_restored_frame(
        &mut self,
        tables: &Arc<Tables>,
        frame: Frame,
        catchers: Vec<(ClassId, u32, usize, usize)>,
    ) {
        if self.tables.methods.len() < tables.methods.len() {
            self.tables = Arc::clone(tables);
        }
        let index = self.frames.len();
        self.catchers.extend(catchers.into_iter().map(|(class, target, objects, ints)| Catcher {
            frame: index,
            class,
            target,
            objects,
            ints,
        }));
        self.frames.push(frame);
    }

    /// The method a frame runs.
    pub(crate) fn method(&self, frame: &Frame) -> &Arc<Method> {
        &self.tables.methods[frame.method as usize]
    }

    /// The catchers of frame `index`, oldest first.
    pub(crate) fn catchers_of(&self, index: usize) -> impl Iterator<Item = &Catcher> {
        self.catchers.iter().filter(move |c| c.frame == index)
    }

    /// Running top-level bytecode, not a call nested inside native code.
    pub fn native_depth_is_zero(&self) -> bool {
        self.native_depth == 0
    }

    /// Calls `f` with every reference this thread holds: its object stack, each frame's
    /// `this`, and its thread object.
    pub(crate) fn for_each_root(&self, f: &mut dyn FnMut(Value)) {
        self.objects.iter().copied().for_each(&mut *f);
        self.frames.iter().for_each(|frame| f(frame.this));
        f(self.object);
    }

    /// Makes a new thread start asleep until `at`.
    pub fn park_first(&mut self, at: std::time::Duration) {
        self.park(Park::Until(at));
    }

    /// Stops the thread after the current instruction until the scheduler wakes it.
    pub fn park(&mut self, park: Park) {
        self.park = Some(park);
        self.budget = 0;
    }
}

const ANOTHER_THREAD: &str = "and in another thread: ";

/// One report for the threads that died: the first, with the others after it.
pub(crate) fn merge_failures(failures: Vec<Uncaught>) -> Option<Uncaught> {
    let n = failures.len();
    let mut all = failures.into_iter();
    let mut first = all.next()?;
    for other in all {
        first.backtrace.push(format!("{ANOTHER_THREAD}{}", other.message));
        first.backtrace.extend(other.backtrace);
    }
    if n > 1 {
        first.message = format!("{} (and {} more threads failed)", first.message, n - 1);
    }
    Some(first)
}

impl std::fmt::Display for Uncaught {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", self.message)?;
        for line in &self.backtrace {
            if line.starts_with(ANOTHER_THREAD) {
                writeln!(f, "  {line}")?;
            } else {
                writeln!(f, "    at {line}")?;
            }
        }
        Ok(())
    }
}

pub(crate) struct Catcher {
    /// The index of the frame it belongs to.
    pub frame: usize,
    pub class: ClassId,
    pub target: u32,
    pub objects: usize,
    pub ints: usize,
}

/// A bytecode method's activation. Nothing in it needs dropping, so that calls and returns
/// only copy words.
pub(crate) struct Frame {
    /// The method's uid: its index in the thread's method table.
    pub method: u32,
    pub this: Value,
    pub pc: usize,
    /// Start of this frame's arguments on the object stack, and of its cells on the int stack.
    pub obase: usize,
    pub ibase: usize,
}

/// A VM thread's execution state.
#[derive(Default)]
pub struct Thread {
    pub id: u64,
    /// The `.internal.thread` object programs see for this thread.
    pub object: Value,
    /// Instructions left in this slice (top-level bytecode only).
    pub budget: u32,
    /// Set by a blocking native: the scheduler parks the thread after the instruction.
    pub park: Option<Park>,
    /// Run by the scheduler (so blocking natives may park it) rather than to completion.
    pub scheduled: bool,
    /// Run for a fixed number of instructions (`run_limited`), nested calls included.
    pub(crate) limited: bool,
    /// Set by a timed wait that parked with its call still to run: running the call again
    /// finishes the wait instead of starting another.
    pub(crate) resuming_wait: bool,
    /// Its thread object holds its state as it is now: it has not run, nor had its park state
    /// changed, since the last safepoint saved it (that safepoint's save is skipped).
    pub(crate) saved: bool,
    /// While a native call that ran out of memory waits to be made again after a full
    /// collection (it is, once): how many full collections there had been when it failed.
    pub(crate) retrying_for_memory: Option<u64>,
    pub(crate) objects: Vec<Value>,
    pub(crate) ints: Vec<u32>,
    pub(crate) frames: Vec<Frame>,
    /// Every frame's catchers, in push order (so a frame's are above its callers').
    pub(crate) catchers: Vec<Catcher>,
    /// Where the last exception was thrown, innermost first.
    pub(crate) backtrace: Vec<String>,
    /// The instruction that raised the last error (class, method ordinal, code offset), for
    /// the Java runtime's NullPointerException message.
    pub(crate) fault: Option<(ClassId, u32, u32)>,
    /// Native code calling back into bytecode nests on the host stack: bounded separately.
    pub(crate) native_depth: u32,
    /// This thread's view of the class and method tables; refreshed when it meets a newer
    /// class. The tables only grow, so every method a frame names is in them.
    pub(crate) tables: Arc<Tables>,
}

/// The class table, and every installed method by uid. Replaced (never changed in place) when
/// a class is added, so a thread can read its own copy without taking a lock.
#[derive(Clone, Default)]
pub(crate) struct Tables {
    pub classes: Vec<Arc<Class>>,
    pub methods: Vec<Arc<Method>>,
    /// Each method's code by uid (none for natives): a frame's instructions one load closer.
    pub code: Vec<Option<Arc<crate::code::Code>>>,
}

/// A number on the integer stack, typed by the instruction's prefix.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    I(i32),
    L(i64),
    F(f32),
    D(f64),
}

pub use Num as Number;

impl Num {
    /// The number as `ty`, converted as Java converts (truncating toward zero, saturating,
    /// NaN to 0).
    #[inline]
    pub fn to(self, ty: crate::code::Ty) -> Num {
        use crate::code::Ty;
        let (i, l, f, d) = match self {
            Num::I(v) => (v, v as i64, v as f32, v as f64),
            Num::L(v) => (v as i32, v, v as f32, v as f64),
            Num::F(v) => (v as i32, v as i64, v, v as f64),
            Num::D(v) => (v as i32, v as i64, v as f32, v),
        };
        match ty {
            Ty::Int => Num::I(i),
            Ty::Long => Num::L(l),
            Ty::Float => Num::F(f),
            Ty::Double => Num::D(d),
        }
    }

    pub fn as_f64(self) -> f64 {
        match self.to(crate::code::Ty::Double) {
            Num::D(d) => d,
            _ => unreachable!("converted to a double"),
        }
    }

    pub fn as_f32(self) -> f32 {
        match self.to(crate::code::Ty::Float) {
            Num::F(f) => f,
            _ => unreachable!("converted to a float"),
        }
    }

    pub fn as_i64(self) -> i64 {
        match self.to(crate::code::Ty::Long) {
            Num::L(l) => l,
            _ => unreachable!("converted to a long"),
        }
    }

    /// The number as an object: an int is tagged, the others are boxes in the heap.
    pub fn boxed(self, heap: &crate::heap::Heap) -> std::result::Result<Value, MemoryError> {
        use crate::class::ids;
        let (class, bits) = match self {
            Num::I(v) => return Ok(Value::int(v)),
            Num::L(v) => (ids::LONG, v as u64),
            Num::F(v) => (ids::FLOAT, v.to_bits() as u64),
            Num::D(v) => (ids::DOUBLE, v.to_bits()),
        };
        let obj = heap.alloc(class, crate::heap::Kind::Bytes, 8, 1)?;
        heap.set_word(obj.0, 0, bits)?;
        Ok(obj)
    }
}

impl Tables {
    /// `descends`, asking `newest` (the VM's current tables) only for a class these tables do
    /// not have: a class's ancestors are loaded before it, so for one they have, they know.
    pub(crate) fn descends_or(&self, class: ClassId, ancestor: ClassId, newest: impl FnOnce() -> bool) -> bool {
        self.descends(class, ancestor) || (class as usize >= self.classes.len() && newest())
    }

    /// Whether `class` is `ancestor` or descends from it (false for a class not in these
    /// tables: the caller then reads the newest).
    pub(crate) fn descends(&self, mut class: ClassId, ancestor: ClassId) -> bool {
        for _ in 0..=self.classes.len() {
            if class == ancestor {
                return true;
            }
            match self.classes.get(class as usize).map(|c| c.parent) {
                Some(Some(parent)) => class = parent,
                Some(None) => return ancestor == crate::class::ids::VOID,
                None => return false,
            }
        }
        false
    }
}
