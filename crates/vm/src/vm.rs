//! The VM: its heap, its classes, and the interpreter.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, RwLock};

use crate::class::{
    ids, methods_of, parse, Body, Class, ClassPath, Method, INTERNAL_CLASSES, INTERNAL_METHOD_SLOTS, NO_UID,
};
use crate::code::{const_op, Bin, Cmp, Instr, Ty};
use crate::heap::{ClassId, Heap, Kind, Memory, MemoryError, OUT_OF_MEMORY};
use crate::natives;
use crate::value::Value;

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
    pub fn park_first(&mut self, at: std::time::Instant) {
        self.park(crate::sched::Park::Until(at));
    }

    /// Stops the thread after the current instruction until the scheduler wakes it.
    pub fn park(&mut self, park: crate::sched::Park) {
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

/// Deepest call nesting before a "stack overflow" exception.
const MAX_FRAMES: usize = 100_000;
/// Deepest nesting of native code calling back into bytecode (each level uses host stack).
const MAX_NATIVE_DEPTH: u32 = 100;
/// Host stack for threads running bytecode: enough for `MAX_NATIVE_DEPTH` nested levels.
pub(crate) const HOST_STACK: usize = 64 << 20;

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
    pub park: Option<crate::sched::Park>,
    /// Run by the scheduler (so blocking natives may park it) rather than to completion.
    pub scheduled: bool,
    /// Run for a fixed number of instructions (`run_limited`), nested calls included.
    pub(crate) limited: bool,
    /// Set by a timed wait that parked with its call still to run: running the call again
    /// finishes the wait instead of starting another.
    pub(crate) resuming_wait: bool,
    objects: Vec<Value>,
    ints: Vec<u32>,
    frames: Vec<Frame>,
    /// Every frame's catchers, in push order (so a frame's are above its callers').
    catchers: Vec<Catcher>,
    /// Where the last exception was thrown, innermost first.
    backtrace: Vec<String>,
    /// Native code calling back into bytecode nests on the host stack: bounded separately.
    native_depth: u32,
    /// This thread's view of the class and method tables; refreshed when it meets a newer
    /// class. The tables only grow, so every method a frame names is in them.
    tables: Arc<Tables>,
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

pub struct Vm {
    pub heap: Heap,
    tables: RwLock<Arc<Tables>>,
    pub(crate) names: RwLock<HashMap<String, ClassId>>,
    path: Mutex<ClassPath>,
    out: Mutex<Box<dyn Write + Send>>,
    pub(crate) boot: Value,
    /// The system object: everything that must outlive the process (see `image`).
    pub(crate) root: Value,
    /// What an exhausted heap throws, made while there was room (null if there was none).
    pub(crate) out_of_memory: Value,
    /// Serialises class loading, so that a class's id is fixed before its methods are built.
    loading: Mutex<()>,
    pub sched: Arc<crate::sched::Scheduler>,
    /// Serialises updates of mutex, cond and semaphore objects.
    pub sync: Mutex<()>,
    pub(crate) next_thread: std::sync::atomic::AtomicU64,
    /// Host threads running VM threads.
    pub workers: usize,
    /// Whether classes loaded from now on have common instruction runs fused into one
    /// instruction each (on by default). Off, every instruction runs on its own: the tests
    /// compare the two.
    pub fuse_runs: bool,
    /// Collections so far, and the last one's figures.
    pub gc_log: Mutex<(u64, crate::gc::GcStats)>,
    pub(crate) console: Arc<Console>,
    /// The persistent image the heap lives in, when there is one.
    pub(crate) image: Option<Arc<crate::image::Image>>,
}

/// The host terminal's input, read by a host thread so that VM threads waiting for a
/// character park instead of holding a host thread.
#[derive(Default)]
pub(crate) struct Console {
    state: Mutex<ConsoleState>,
}

#[derive(Default)]
struct ConsoleState {
    buffered: std::collections::VecDeque<u8>,
    eof: bool,
    reader_started: bool,
    waiters: Vec<u64>,
}

impl Console {
    /// The next character, `Some(empty)` at end of input, or `None` after registering `thread`
    /// to be woken when input arrives (only when it may park; otherwise this blocks).
    pub(crate) fn next_char(
        self: &Arc<Self>,
        sched: &Arc<crate::sched::Scheduler>,
        thread: u64,
        may_park: bool,
    ) -> Option<Vec<u8>> {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = st.buffered.pop_front() {
            return Some(vec![b]);
        }
        if st.eof {
            return Some(Vec::new());
        }
        if !may_park {
            drop(st);
            let mut byte = [0u8];
            return Some(match std::io::Read::read(&mut std::io::stdin(), &mut byte) {
                Ok(1) => byte.to_vec(),
                _ => Vec::new(),
            });
        }
        st.waiters.push(thread);
        if !st.reader_started {
            st.reader_started = true;
            // The reader shares the console and scheduler, so it may outlive the VM safely.
            let (console, sched) = (self.clone(), sched.clone());
            std::thread::Builder::new()
                .name("phantom-console".into())
                .spawn(move || {
                    let mut byte = [0u8];
                    loop {
                        let got = std::io::Read::read(&mut std::io::stdin(), &mut byte);
                        let mut st = console.state.lock().unwrap_or_else(|e| e.into_inner());
                        match got {
                            Ok(1) => st.buffered.push_back(byte[0]),
                            _ => st.eof = true,
                        }
                        for id in st.waiters.drain(..) {
                            sched.wake(id);
                        }
                        if st.eof {
                            return;
                        }
                    }
                })
                .ok();
        }
        None
    }
}

/// What a call instruction in the hot loop calls.
enum Callee<'c> {
    Bytecode(&'c Arc<Method>),
    Native(natives::NativeFn),
    /// No such method, or a bad receiver: the general path reports it.
    Other,
}

/// A native call the hot loop hands out, its receiver and arguments (at most 8) still on the
/// object stack.
struct NativeCall {
    f: natives::NativeFn,
    /// Where `this` is on the object stack, its `n` arguments above it.
    at: usize,
    n: usize,
}

/// A number on the integer stack, typed by the instruction's prefix.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    I(i32),
    L(i64),
    F(f32),
    D(f64),
}

/// Host threads running VM threads, unless told otherwise: one fewer than the processors
/// (at least one, at most eight). The spare processor keeps the snapshot writer, the signal
/// and console threads and the host's own work from taking a worker's: a worker the host
/// deschedules holds up every safepoint until it runs again (1 to 4 ms with every processor
/// busy, against under 0.6 ms with one spare; `cargo bench -p phantom-vm`).
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() - 1).clamp(1, 8))
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

/// Whether `class` is `ancestor` or descends from it, by a copy of the tables (false for a
/// class not in them: the hot loop then takes the general path, which reads the newest).
fn descends(tables: &Tables, mut class: ClassId, ancestor: ClassId) -> bool {
    for _ in 0..=tables.classes.len() {
        if class == ancestor {
            return true;
        }
        match tables.classes.get(class as usize).map(|c| c.parent) {
            Some(Some(parent)) => class = parent,
            Some(None) => return ancestor == ids::VOID,
            None => return false,
        }
    }
    false
}

/// A read or write of a frame's int cell past the int stack (hostile code).
fn int_slot() -> Trap {
    Trap::Fatal("int slot out of range".into())
}

/// A read or write of a frame's object slot past the object stack (hostile code).
fn object_slot() -> Trap {
    Trap::Fatal("object slot out of range".into())
}

/// An int comparison as the fused jumps make it.
#[inline(always)]
fn compare(cmp: Cmp, a: i32, b: i32) -> bool {
    match cmp {
        Cmp::Ge => a >= b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Lt => a < b,
    }
}

/// The boot class's one bytecode method (see `natives::PRINT_THROUGH_TO_STRING`).
fn print_through_to_string() -> Method {
    let file = phantom_bytecode::assemble(natives::PRINT_THROUGH_TO_STRING_CODE).expect("built-in code assembles");
    let method = file.methods().next().expect("built-in code has its method");
    let code = crate::code::Code::decode(&method.code, true).expect("built-in code decodes");
    Method {
        uid: NO_UID.into(),
        checks_args: Some(1),
        name: "print through toString".into(),
        ordinal: natives::PRINT_THROUGH_TO_STRING,
        class: ids::BOOT,
        body: Body::Bytecode(Arc::new(code)),
        lines: vec![],
    }
}

/// How many times in a row natives may hand a call on before it is taken for a loop.
const MAX_HANDED_ON: usize = 1000;

/// Drops the catchers of frames at `depth` and above (they returned).
#[inline(always)]
fn drop_catchers(catchers: &mut Vec<Catcher>, depth: usize) {
    while catchers.last().is_some_and(|c| c.frame >= depth) {
        catchers.pop();
    }
}

#[inline]
fn pop(v: &mut Vec<u32>) -> Result<u32> {
    v.pop().ok_or_else(|| Trap::Fatal("integer stack underflow".into()))
}

/// The length the integer stack would have after popping `n` cells.
#[inline]
fn depth_below(ints: &[u32], n: usize) -> Result<usize> {
    ints.len().checked_sub(n).ok_or_else(|| Trap::Fatal("integer stack underflow".into()))
}

#[inline]
fn pop_num(ints: &mut Vec<u32>, ty: Ty) -> Result<Num> {
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

#[inline]
fn push_num(ints: &mut Vec<u32>, n: Num) {
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

#[inline]
fn convert(n: Num, to: Ty) -> Num {
    let (i, l, f, d) = match n {
        Num::I(v) => (v, v as i64, v as f32, v as f64),
        Num::L(v) => (v as i32, v, v as f32, v as f64),
        Num::F(v) => (v as i32, v as i64, v, v as f64),
        Num::D(v) => (v as i32, v as i64, v as f32, v),
    };
    match to {
        Ty::Int => Num::I(i),
        Ty::Long => Num::L(l),
        Ty::Float => Num::F(f),
        Ty::Double => Num::D(d),
    }
}

impl Vm {
    /// A VM with a fresh heap in `memory`, writing program output to `out`.
    pub fn new(memory: Box<dyn Memory>, out: Box<dyn Write + Send>) -> std::result::Result<Vm, String> {
        let mut vm = Vm::with_heap(Heap::new(memory).map_err(|e| e.0)?, out);
        vm.boot = vm.heap.alloc(ids::BOOT, Kind::Slots, 0, 0).map_err(|e| e.0)?;
        vm.format_root().map_err(|e| e.0)?;
        vm.out_of_memory = vm.heap.alloc_bytes(ids::STRING, OUT_OF_MEMORY.as_bytes()).map_err(|e| e.0)?;
        for row in INTERNAL_CLASSES {
            let object = vm.new_class_object(row.id).map_err(|e| e.0)?;
            let class = Vm::internal_class(row.id, object);
            vm.record_class(&class, crate::image::ClassSource::Internal).map_err(|e| e.0)?;
            vm.install(class);
        }
        Ok(vm)
    }

    /// A VM around a heap, with no classes yet.
    pub(crate) fn with_heap(heap: Heap, out: Box<dyn Write + Send>) -> Vm {
        let mut names = HashMap::new();
        names.insert(".internal.object".into(), ids::VOID);
        Vm {
            heap,
            tables: RwLock::new(Arc::new(Tables::default())),
            names: RwLock::new(names),
            path: Mutex::new(ClassPath::default()),
            out: Mutex::new(out),
            boot: Value::NULL,
            root: Value::NULL,
            out_of_memory: Value::NULL,
            loading: Mutex::new(()),
            sched: Arc::new(crate::sched::Scheduler::default()),
            sync: Mutex::new(()),
            next_thread: std::sync::atomic::AtomicU64::new(1),
            workers: default_workers(),
            fuse_runs: true,
            gc_log: Mutex::new((0, crate::gc::GcStats::default())),
            console: Arc::new(Console::default()),
            image: None,
        }
    }

    /// An internal class: natives for every method slot, no fields.
    pub(crate) fn internal_class(id: ClassId, object: Value) -> Class {
        let row = &INTERNAL_CLASSES[id as usize];
        let vtable = (0..INTERNAL_METHOD_SLOTS as u32)
            .map(|k| {
                natives::lookup(id, k).map(|f| {
                    Arc::new(Method {
                        uid: NO_UID.into(),
                        checks_args: None,
                        name: phantom_bytecode::internal::methods_by_name(row)
                            .filter(|m| m.ordinal == k)
                            .last()
                            .map_or_else(|| format!("native {k}"), |m| m.name.to_string()),
                        ordinal: k,
                        class: id,
                        body: Body::Native(f),
                        lines: vec![],
                    })
                })
            })
            .collect();
        let mut vtable: Vec<Option<Arc<Method>>> = vtable;
        if id == ids::BOOT {
            vtable[natives::PRINT_THROUGH_TO_STRING as usize] = Some(Arc::new(print_through_to_string()));
        }
        // Names for `dynamic_invoke`: the object protocol's, then the class's own.
        let by_name =
            phantom_bytecode::internal::methods_by_name(row).map(|m| (m.name.to_string(), m.ordinal)).collect();
        Class {
            id,
            name: row.name.to_string(),
            parent: None,
            field_slots: 0,
            vtable,
            by_name,
            constants: HashMap::new(),
            object,
        }
    }

    /// A class object (slot 0 the class id, slot 1 its statics).
    fn new_class_object(&self, id: ClassId) -> std::result::Result<Value, MemoryError> {
        let object = self.heap.alloc(ids::CLASS, Kind::Slots, 2, 2)?;
        self.heap.set_slot(object.0, 0, Value::int(id as i32))?;
        Ok(object)
    }

    /// Adds a linked class to the tables under its id (the next one).
    pub(crate) fn install(&self, class: Class) {
        let mut tables = self.tables.write().unwrap_or_else(|e| e.into_inner());
        let mut names = self.names.write().unwrap_or_else(|e| e.into_inner());
        debug_assert_eq!(class.id as usize, tables.classes.len());
        names.insert(class.name.clone(), class.id);
        // Copied only if a thread holds the current tables (never while the VM starts or
        // reopens an image, which installs every class in a row).
        let new = Arc::make_mut(&mut *tables);
        for method in class.vtable.iter().flatten() {
            let uid = new.methods.len() as u32;
            if method.uid.compare_exchange(NO_UID, uid, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
                new.methods.push(Arc::clone(method));
                new.code.push(match &method.body {
                    Body::Bytecode(code) => Some(Arc::clone(code)),
                    Body::Native(_) => None,
                });
            }
        }
        new.classes.push(Arc::new(class));
    }

    pub fn class_path(&self) -> std::sync::MutexGuard<'_, ClassPath> {
        self.path.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn class(&self, id: ClassId) -> Arc<Class> {
        self.tables.read().unwrap_or_else(|e| e.into_inner()).classes[id as usize].clone()
    }

    pub(crate) fn tables(&self) -> Arc<Tables> {
        self.tables.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The object of class `id`, through the thread's copy of the class table.
    #[inline]
    fn class_object(&self, thread: &mut Thread, id: ClassId) -> Value {
        if id as usize >= thread.tables.classes.len() {
            thread.tables = self.tables();
        }
        thread.tables.classes[id as usize].object
    }

    /// The method at `ordinal` of class `id`, through the thread's copy of the class table.
    #[inline]
    fn method_of(&self, thread: &mut Thread, id: ClassId, ordinal: u32) -> Option<Arc<Method>> {
        if id as usize >= thread.tables.classes.len() {
            thread.tables = self.tables();
        }
        thread.tables.classes.get(id as usize)?.vtable.get(ordinal as usize)?.clone()
    }

    /// The method at `ordinal` of `this`'s class, for the hot loop's calls.
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
                Body::Native(f) => Callee::Native(*f),
            },
            None => Callee::Other,
        }
    }

    /// The class of any value; ints are `.internal.int`, null is `.internal.void`.
    pub fn class_of(&self, v: Value) -> Result<ClassId> {
        Ok(match v.object() {
            Some(o) => self.heap.class_of(o)?,
            None if v.is_int() => ids::INT,
            None => ids::VOID,
        })
    }

    /// Whether `class` is `ancestor` or descends from it.
    pub fn is_subclass(&self, class: ClassId, ancestor: ClassId) -> bool {
        descends(&self.tables(), class, ancestor)
    }

    /// The class id behind a class object; none if `v` is not one.
    #[inline]
    fn class_object_id(&self, v: Value) -> Result<Option<ClassId>> {
        match v.object() {
            Some(o) if self.heap.class_of(o)? == ids::CLASS => {
                Ok(Some(self.heap.slot(o, 0)?.as_int().unwrap_or(0) as ClassId))
            }
            _ => Ok(None),
        }
    }

    /// The class id behind a class object.
    pub fn class_id_of_object(&self, v: Value) -> Result<ClassId> {
        self.class_object_id(v)?.ok_or_else(|| self.throw_str("not a class object"))
    }

    /// Finds a class by name, loading (and verifying) it from the class path if needed.
    pub fn find_class(&self, name: &str) -> std::result::Result<ClassId, String> {
        if let Some(&id) = self.names.read().unwrap_or_else(|e| e.into_inner()).get(name) {
            return Ok(id);
        }
        let bytes = self.class_path().find(name).ok_or_else(|| format!("class {name} not found"))?;
        self.load_class(&bytes, name)
    }

    /// Verifies, links and registers a class file; returns its id.
    pub fn load_class(&self, bytes: &[u8], origin: &str) -> std::result::Result<ClassId, String> {
        let parsed = parse(bytes, origin)?;
        if let Some(&id) = self.names.read().unwrap_or_else(|e| e.into_inner()).get(&parsed.name) {
            return Ok(id);
        }
        // Loads the parent first (outside the lock: it may load its own parent).
        self.find_class(&parsed.parent).map_err(|e| format!("{}: parent class: {e}", parsed.name))?;
        let _loading = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = self.names.read().unwrap_or_else(|e| e.into_inner()).get(&parsed.name) {
            return Ok(id);
        }
        let id = self.tables.read().unwrap_or_else(|e| e.into_inner()).classes.len() as ClassId;
        let mut class = self.link(&parsed, id, None)?;
        class.object = self.new_class_object(id).map_err(|e| e.0)?;
        self.record_class(&class, crate::image::ClassSource::File(bytes)).map_err(|e| e.0)?;
        self.install(class);
        Ok(id)
    }

    /// Builds class `id` from a verified class file whose parent is loaded: its method table
    /// (the parent's, overridden), and its constants (made now, or the ones given).
    pub(crate) fn link(
        &self,
        parsed: &crate::class::Parsed,
        id: ClassId,
        constants: Option<HashMap<u32, Value>>,
    ) -> std::result::Result<Class, String> {
        let parent = self.find_class(&parsed.parent).map_err(|e| format!("{}: parent class: {e}", parsed.name))?;
        let parent_class = self.class(parent);
        let header = parsed.file.header().expect("verified");
        let mut vtable = parent_class.vtable.clone();
        if vtable.len() < header.method_slots as usize {
            vtable.resize(header.method_slots as usize, None);
        }
        let mut by_name = HashMap::new();
        for m in methods_of(parsed, id, self.fuse_runs)? {
            // Of several constructors, `<init>` by name means the one without arguments.
            let takes_args = parsed.file.signature(m.ordinal).is_some_and(|s| !s.args.is_empty());
            if !(m.name == "<init>" && takes_args) {
                by_name.insert(m.name.clone(), m.ordinal);
            }
            let ordinal = m.ordinal as usize;
            vtable[ordinal] = Some(Arc::new(m));
        }
        let constants = match constants {
            Some(c) => c,
            None => {
                let mut made = HashMap::new();
                for c in parsed.file.constants() {
                    made.insert(c.id, self.heap.alloc_bytes(ids::STRING, &c.value).map_err(|e| e.0)?);
                }
                made
            }
        };
        Ok(Class {
            id,
            name: parsed.name.clone(),
            parent: Some(parent),
            field_slots: header.field_slots.max(parent_class.field_slots),
            vtable,
            by_name,
            constants,
            object: Value::NULL,
        })
    }

    /// A class made at run time: `field_slots` fields, and the methods of `methods_of`.
    pub(crate) fn defined_class(&self, id: ClassId, name: &str, field_slots: u32, methods_of: ClassId) -> Class {
        let source = self.class(methods_of);
        Class {
            id,
            name: name.to_string(),
            parent: Some(ids::VOID),
            field_slots,
            vtable: source.vtable.clone(),
            by_name: source.by_name.clone(),
            constants: HashMap::new(),
            object: Value::NULL,
        }
    }

    /// Creates a class at run time (`.internal.class.newClass`): instances have `field_slots`
    /// fields and the methods of `methods_of` (a class), or only the object protocol.
    pub fn define_class(
        &self,
        name: &str,
        field_slots: u32,
        methods_of: Option<ClassId>,
    ) -> std::result::Result<ClassId, String> {
        let _loading = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        if self.names.read().unwrap_or_else(|e| e.into_inner()).contains_key(name)
            || self.class_path().find(name).is_some()
        {
            return Err(format!("class {name} already exists"));
        }
        let methods_of = methods_of.unwrap_or(ids::VOID);
        let id = self.tables.read().unwrap_or_else(|e| e.into_inner()).classes.len() as ClassId;
        let mut class = self.defined_class(id, name, field_slots, methods_of);
        class.object = self.new_class_object(id).map_err(|e| e.0)?;
        self.record_class(&class, crate::image::ClassSource::Defined { field_slots, methods_of }).map_err(|e| e.0)?;
        self.install(class);
        Ok(id)
    }

    /// Looks a class up by name as `summon_by_name` does: exactly, or else by a unique
    /// case-insensitive match (the original compiler lowercases summoned names).
    fn summon(&self, name: &str) -> std::result::Result<ClassId, String> {
        match self.find_class(name) {
            Ok(id) => Ok(id),
            Err(e) => {
                let names = self.names.read().unwrap_or_else(|e| e.into_inner());
                let mut matches = names.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name));
                match (matches.next(), matches.next()) {
                    (Some((_, &id)), None) => Ok(id),
                    _ => Err(e),
                }
            }
        }
    }

    /// Stops every VM thread at an instruction boundary, writes each one's complete state into
    /// the heap, and runs `f` with them (collections and snapshots). Returns `f`'s
    /// result and how long the stop took to reach.
    pub fn safepoint<R>(&self, f: impl FnOnce(&mut dyn Iterator<Item = &mut Thread>) -> R) -> (R, std::time::Duration) {
        self.sched.safepoint(|threads| {
            let all: Vec<&mut Thread> = threads.collect();
            for t in all.iter() {
                if let Err(e) = self.save_thread(t) {
                    // The heap copy of this thread is stale; the live thread is unaffected.
                    let _ = self.print_error(&format!("cannot save thread {}: {e:?}", t.id));
                }
            }
            if let Err(e) = self.record_threads(&all) {
                let _ = self.print_error(&format!("cannot record the thread list: {e}"));
            }
            f(&mut all.into_iter())
        })
    }

    fn print_error(&self, message: &str) -> std::io::Result<()> {
        use std::io::Write as _;
        writeln!(std::io::stderr(), "phantom: {message}")
    }

    pub(crate) fn note_collection(&self, stats: crate::gc::GcStats) {
        let mut log = self.gc_log.lock().unwrap_or_else(|e| e.into_inner());
        log.0 += 1;
        log.1 = stats;
        drop(log);
        // Marking read every live object into memory: with a resident limit, what the last
        // snapshot already holds may leave again.
        if let Some(image) = &self.image {
            image.trim();
        }
    }

    /// Calls `f` with every reference the VM itself holds: the boot object, registered objects,
    /// and every class's object and constants.
    pub(crate) fn for_each_root(&self, f: &mut dyn FnMut(Value)) {
        f(self.boot);
        f(self.root);
        f(self.out_of_memory);
        for class in self.tables().classes.iter() {
            f(class.object);
            class.constants.values().copied().for_each(&mut *f);
        }
    }

    /// A new VM thread about to run `this.ordinal(args)`.
    pub fn new_thread(&self, this: Value, ordinal: u32, args: &[Value]) -> Result<Box<Thread>> {
        let id = self.next_thread.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let slots = crate::persist::THREAD_SLOTS;
        let object = self.heap.alloc(ids::THREAD, Kind::Slots, slots, slots)?;
        self.heap.set_slot(object.0, 0, Value::int(id as i32))?;
        let mut thread = Box::new(Thread { id, object, scheduled: true, ..Thread::default() });
        thread.objects.extend_from_slice(args);
        // A native entry point runs at once; the thread then has nothing left to do. It runs
        // as if nested, so that it throws rather than parks a thread that is not running.
        thread.native_depth = 1;
        let entered = self.invoke(&mut thread, this, ordinal, args.len());
        thread.native_depth = 0;
        entered?;
        Ok(thread)
    }

    /// Starts `object.8(boot)` as a new VM thread.
    pub fn start_thread(&self, object: Value) -> Result<()> {
        let thread = self.new_thread(object, 8, &[self.boot])?;
        self.sched.add(thread);
        Ok(())
    }

    /// Runs `this.ordinal(args)` on a fresh thread for at most `limit` instructions (for
    /// fuzzing untrusted code): Ok(true) if it finished, Ok(false) if the limit or a blocking
    /// call stopped it, Err for an uncaught exception.
    pub fn run_limited(
        &self,
        this: Value,
        ordinal: u32,
        args: &[Value],
        limit: u32,
    ) -> std::result::Result<bool, Uncaught> {
        let mut thread = match self.new_thread(this, ordinal, args) {
            Ok(t) => t,
            Err(trap) => return Err(self.uncaught(trap, &Thread::default())),
        };
        thread.scheduled = false;
        thread.limited = true;
        thread.budget = limit;
        match self.resume(&mut thread) {
            Ok(()) => Ok(true),
            Err(Trap::Yield) => Ok(false),
            Err(trap) => Err(self.uncaught(trap, &thread)),
        }
    }

    /// Runs a scheduled thread until it finishes, yields or parks.
    pub(crate) fn resume(&self, thread: &mut Thread) -> Result<()> {
        if thread.frames.is_empty() {
            return Ok(());
        }
        self.execute(thread, 0).map(|_| ())
    }

    /// Runs `new CLASS()` (its argument-less constructor, if it has one), then its method 8 with
    /// the boot object on a VM thread, and every thread started since, until none is left.
    /// Reports the uncaught exceptions of threads that died.
    pub fn run_main(&self, class: ClassId) -> std::result::Result<(), Uncaught> {
        self.start_main(class)?;
        match merge_failures(self.sched.run(self, self.workers)) {
            Some(u) => Err(u),
            None => Ok(()),
        }
    }

    /// Runs `new CLASS()` (its argument-less constructor, if it has one) and makes a thread,
    /// not yet running, that calls its method 8 with the boot object.
    pub fn start_main(&self, class: ClassId) -> std::result::Result<(), Uncaught> {
        let this = self.instantiate(class).map_err(|t| self.uncaught(t, &Thread::default()))?;
        let c = self.class(class);
        if let Some(&ctor) = c.by_name.get("<init>") {
            self.run(this, ctor, &[])?;
        }
        let main = self.new_thread(this, 8, &[self.boot]).map_err(|t| self.uncaught(t, &Thread::default()))?;
        self.sched.add(main);
        Ok(())
    }

    /// The boot object passed to the main class's method 8.
    pub fn boot_object(&self) -> Value {
        self.boot
    }

    pub fn print(&self, bytes: &[u8]) -> Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| Trap::Fatal(format!("cannot write output: {e}")))
    }

    pub fn new_string(&self, bytes: &[u8]) -> Result<Value> {
        Ok(self.heap.alloc_bytes(ids::STRING, bytes)?)
    }

    /// A Phantom exception carrying a message string.
    pub fn throw_str(&self, message: &str) -> Trap {
        match self.new_string(message.as_bytes()) {
            Ok(s) => Trap::Throw(s),
            Err(e) => e,
        }
    }

    /// Text of a string value, if it is one.
    pub fn string_bytes(&self, v: Value) -> Result<Option<Vec<u8>>> {
        match v.object() {
            Some(o) if self.heap.class_of(o)? == ids::STRING => Ok(Some(self.heap.bytes(o)?)),
            _ => Ok(None),
        }
    }

    /// Allocates an instance of a class, as `new` does.
    pub fn instantiate(&self, class: ClassId) -> Result<Value> {
        match class {
            ids::STRING => self.new_string(b""),
            ids::INT => Ok(Value::int(0)),
            ids::ARRAY => natives::new_array(self),
            ids::BINARY => Ok(self.heap.alloc_bytes(ids::BINARY, &[])?),
            ids::DIRECTORY | ids::CONNECTION => Ok(self.heap.alloc(class, Kind::Slots, 3, 3)?),
            ids::CLOSURE => Ok(self.heap.alloc(class, Kind::Slots, 2, 2)?),
            ids::WEAKREF => Ok(self.heap.alloc(class, Kind::Slots, 1, 1)?),
            ids::ITERATOR => Ok(self.heap.alloc(class, Kind::Slots, 2, 2)?),
            ids::MUTEX => Ok(self.heap.alloc(class, Kind::Slots, natives::MUTEX_SLOTS, natives::MUTEX_SLOTS)?),
            ids::COND => Ok(self.heap.alloc(class, Kind::Slots, natives::COND_SLOTS, natives::COND_SLOTS)?),
            ids::SEMA => {
                let sema = self.heap.alloc(class, Kind::Slots, natives::SEMA_SLOTS, natives::SEMA_SLOTS)?;
                self.heap.set_slot(sema.0, 0, Value::int(0))?;
                Ok(sema)
            }
            _ => {
                let c = self.class(class);
                Ok(self.heap.alloc(class, Kind::Slots, c.field_slots as u64, c.field_slots as u64)?)
            }
        }
    }

    /// Runs `this.method(args)` to completion on a new thread; returns its result or the
    /// uncaught exception.
    pub fn run(&self, this: Value, ordinal: u32, args: &[Value]) -> std::result::Result<Value, Uncaught> {
        // On a host thread of our own, so that the host stack is as deep as the limits assume.
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("phantom-vm".into())
                .stack_size(HOST_STACK)
                .spawn_scoped(scope, || {
                    let mut thread = Thread::default();
                    match self.call(&mut thread, this, ordinal, args) {
                        Ok(v) => Ok(v),
                        Err(trap) => Err(self.uncaught(trap, &thread)),
                    }
                })
                .map_err(|e| Uncaught { message: format!("cannot start a host thread: {e}"), backtrace: vec![] })?
                .join()
                .unwrap_or_else(|_| {
                    Err(Uncaught { message: "internal error: the VM thread panicked".into(), backtrace: vec![] })
                })
        })
    }

    pub(crate) fn uncaught(&self, trap: Trap, thread: &Thread) -> Uncaught {
        let message = match trap {
            Trap::Fatal(m) => format!("fatal VM error: {m}"),
            Trap::OutOfMemory => format!("unhandled exception: \"{OUT_OF_MEMORY}\""),
            Trap::Yield | Trap::Retry => "internal error: a thread yielded outside the scheduler".to_string(),
            Trap::TailCall { .. } => "internal error: a call handed on outside the interpreter".to_string(),
            Trap::Throw(v) => format!("unhandled exception: {}", self.describe(v)),
        };
        Uncaught { message, backtrace: thread.backtrace.clone() }
    }

    /// The frames of a thread, innermost first: class, method, offset and source line.
    fn backtrace(&self, thread: &Thread) -> Vec<String> {
        thread
            .frames
            .iter()
            .rev()
            .map(|f| {
                let method = thread.method(f);
                let offset = method.code().and_then(|c| c.offsets.get(f.pc.saturating_sub(1)).copied()).unwrap_or(0);
                let line = method.line_at(offset).map_or(String::new(), |l| format!(", line {l}"));
                format!("{}.{} (method {}) @{offset}{line}", self.class(method.class).name, method.name, method.ordinal)
            })
            .collect()
    }

    /// A short description of a value for messages.
    pub fn describe(&self, v: Value) -> String {
        if let Some(i) = v.as_int() {
            return i.to_string();
        }
        match self.string_bytes(v) {
            Ok(Some(b)) => format!("\"{}\"", String::from_utf8_lossy(&b)),
            _ => match self.class_of(v) {
                Ok(c) => format!("an instance of {}", self.class(c).name),
                Err(_) => "an unreadable object".into(),
            },
        }
    }

    /// Calls a method from native code (or to start a thread): runs a nested interpreter until
    /// the call returns.
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
    fn invoke(&self, thread: &mut Thread, this: Value, ordinal: u32, nargs: usize) -> Result<Option<Value>> {
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
        let base =
            thread.objects.len().checked_sub(nargs).ok_or_else(|| Trap::Fatal("object stack underflow".into()))?;
        match &method.body {
            Body::Native(f) => {
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
                match self.run_native(thread, *f, this, args) {
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
    fn run_native(
        &self,
        thread: &mut Thread,
        f: natives::NativeFn,
        this: Value,
        args: &[Value],
    ) -> Result<Option<Value>> {
        match f(self, thread, this, args) {
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
                Body::Native(f) => f,
                Body::Bytecode(_) => {
                    thread.objects.extend_from_slice(args);
                    return self.enter(thread, method, this, args.len());
                }
            };
            match f(self, thread, this, args) {
                Err(Trap::TailCall { this: next, ordinal: next_ordinal }) => (this, ordinal) = (next, next_ordinal),
                other => return other.map(Some),
            }
        }
        Err(self.throw_str("a call handed on without end (a closure calling itself?)"))
    }

    /// The interpreter loop: runs until the frame at `depth` returns, and returns its value.
    fn execute(&self, thread: &mut Thread, depth: usize) -> Result<Value> {
        loop {
            match self.step_until_return(thread, depth) {
                Ok(v) => return Ok(v),
                Err(Trap::Throw(x)) => {
                    thread.backtrace = self.backtrace(thread);
                    self.unwind(thread, depth, x)?
                }
                Err(Trap::Retry) => {
                    // Only call instructions can be re-run after a wait.
                    thread.park = None;
                    thread.resuming_wait = false;
                    thread.budget = thread.budget.max(1);
                    let x = match self.throw_str("a blocking method can only be called with a call instruction") {
                        Trap::Throw(x) => x,
                        Trap::OutOfMemory if !self.out_of_memory.is_null() => self.out_of_memory,
                        other => return Err(other),
                    };
                    thread.backtrace = self.backtrace(thread);
                    self.unwind(thread, depth, x)?
                }
                Err(Trap::OutOfMemory) if !self.out_of_memory.is_null() => {
                    thread.backtrace = self.backtrace(thread);
                    self.unwind(thread, depth, self.out_of_memory)?
                }
                Err(Trap::OutOfMemory) => return Err(Trap::Fatal(OUT_OF_MEMORY.into())),
                Err(fatal) => return Err(fatal),
            }
        }
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

    fn step_until_return(&self, thread: &mut Thread, depth: usize) -> Result<Value> {
        macro_rules! opop {
            () => {
                thread.objects.pop().ok_or_else(|| Trap::Fatal("object stack underflow".into()))?
            };
        }
        loop {
            self.fast_steps(thread, depth)?;
            // Slice used up, or a native parked the thread (it zeroes the budget). Nested calls
            // cannot yield mid-native: their budget never runs out.
            if thread.budget == 0 {
                if thread.native_depth == 0 || thread.limited {
                    return Err(Trap::Yield);
                }
                thread.budget = u32::MAX;
            }
            thread.budget -= 1;
            let frame = thread.frames.last_mut().expect("a frame to run");
            let method = &thread.tables.methods[frame.method as usize];
            let code = method.code().expect("frames run bytecode");
            let instr = match code.instrs.get(frame.pc) {
                Some(instr) => instr,
                None => return Err(self.throw_str("execution ran past the end of the method")),
            };
            frame.pc += 1;
            match instr {
                Instr::Nop | Instr::Debug => {}
                Instr::Jz(t) => {
                    if pop(&mut thread.ints)? == 0 {
                        frame.pc = *t as usize;
                    }
                }
                Instr::Jmp(t) => frame.pc = *t as usize,
                Instr::Djnz(t) => {
                    let top = thread.ints.last_mut().ok_or_else(|| Trap::Fatal("integer stack underflow".into()))?;
                    *top = top.wrapping_sub(1);
                    if *top != 0 {
                        frame.pc = *t as usize;
                    }
                }
                Instr::Switch { shift, divisor, targets } => {
                    let v = pop(&mut thread.ints)? as i32;
                    if *divisor == 0 {
                        return Err(self.throw_str("switch with a zero divisor"));
                    }
                    let k = (v.wrapping_add(*shift) as u32) / divisor;
                    if let Some(t) = targets.get(k as usize) {
                        frame.pc = *t as usize;
                    }
                }
                Instr::Ret => {
                    let result = if thread.objects.len() > frame.obase { opop!() } else { Value::NULL };
                    let f = thread.frames.pop().expect("current frame");
                    thread.objects.truncate(f.obase);
                    thread.ints.truncate(f.ibase);
                    drop_catchers(&mut thread.catchers, thread.frames.len());
                    if thread.frames.len() <= depth {
                        return Ok(result);
                    }
                    thread.objects.push(result);
                }
                Instr::Call { method, nargs } => {
                    let (method, n) = (*method, *nargs as usize);
                    let at = thread
                        .objects
                        .len()
                        .checked_sub(n + 1)
                        .ok_or_else(|| Trap::Fatal("object stack underflow".into()))?;
                    let this = thread.objects.remove(at);
                    let class = self.class_of(this)?;
                    let Some(m) = self.method_of(thread, class, method) else {
                        thread.objects.truncate(at);
                        return Err(self.throw_str(&format!("{} has no method {method}", self.class(class).name)));
                    };
                    match self.enter(thread, m, this, n) {
                        Ok(Some(result)) => thread.objects.push(result),
                        Ok(None) => {}
                        Err(Trap::Retry) => {
                            // Put the call back as it was; it runs again when the thread wakes.
                            thread.objects.insert(at, this);
                            thread.frames.last_mut().expect("caller frame").pc -= 1;
                            return Err(Trap::Yield);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Instr::StaticInvoke { method, nargs } => {
                    let (method, n) = (*method, *nargs as usize);
                    let class = opop!();
                    let this = opop!();
                    let class = self.class_id_of_object(class)?;
                    if !self.is_subclass(self.class_of(this)?, class) {
                        return Err(self.throw_str("static_invoke: this is not an instance of the class"));
                    }
                    let Some(m) = self.method_of(thread, class, method) else {
                        return Err(self.throw_str(&format!("{} has no method {method}", self.class(class).name)));
                    };
                    match self.enter(thread, m, this, n) {
                        Ok(Some(result)) => thread.objects.push(result),
                        Ok(None) => {}
                        Err(Trap::Retry) => {
                            let frame = thread.frames.last_mut().expect("caller frame");
                            frame.pc -= 1;
                            thread.objects.push(this);
                            thread.objects.push(self.class(class).object);
                            return Err(Trap::Yield);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Instr::DynamicInvoke => {
                    let n = pop(&mut thread.ints)? as usize;
                    let name_value = opop!();
                    let this = opop!();
                    let name = self
                        .string_bytes(name_value)?
                        .ok_or_else(|| self.throw_str("dynamic_invoke: name is not a string"))?;
                    let name = String::from_utf8_lossy(&name).into_owned();
                    let mut class = Some(self.class_of(this)?);
                    let mut found = None;
                    while let Some(c) = class {
                        let c = self.class(c);
                        if let Some(&ordinal) = c.by_name.get(&name) {
                            found = c.vtable.get(ordinal as usize).cloned().flatten();
                            break;
                        }
                        class = c.parent;
                    }
                    let m = found.ok_or_else(|| self.throw_str(&format!("no method named {name}")))?;
                    match self.enter(thread, m, this, n) {
                        Ok(Some(result)) => thread.objects.push(result),
                        Ok(None) => {}
                        Err(Trap::Retry) => {
                            thread.frames.last_mut().expect("caller frame").pc -= 1;
                            thread.objects.push(this);
                            thread.objects.push(name_value);
                            thread.ints.push(n as u32);
                            return Err(Trap::Yield);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Instr::Sys(k) => {
                    let n = *thread.ints.last().ok_or_else(|| Trap::Fatal("integer stack underflow".into()))? as usize;
                    let mut class = self.class_of(frame.this)?;
                    while !self.class(class).is_internal() {
                        class = self.class(class).parent.unwrap_or(ids::VOID);
                    }
                    let f = crate::natives::lookup(class, *k as u32).ok_or_else(|| self.throw_str("no syscall"))?;
                    let base = thread
                        .objects
                        .len()
                        .checked_sub(n)
                        .ok_or_else(|| Trap::Fatal("object stack underflow".into()))?;
                    let args: Vec<Value> = thread.objects.drain(base..).collect();
                    thread.ints.pop();
                    let this = frame.this;
                    let mut nested = Thread::default();
                    let result = match f(self, &mut nested, this, &args) {
                        Err(Trap::TailCall { .. }) => return Err(self.throw_str("sys cannot hand a call on")),
                        result => result?,
                    };
                    thread.objects.push(result);
                }
                Instr::IsDup(ty) => {
                    let n = ty.cells();
                    let from = depth_below(&thread.ints, n)?;
                    thread.ints.extend_from_within(from..);
                }
                Instr::IsDrop(ty) => {
                    let n = ty.cells();
                    let len = depth_below(&thread.ints, n)?;
                    thread.ints.truncate(len);
                }
                Instr::OsDup => {
                    let top = *thread.objects.last().ok_or_else(|| Trap::Fatal("object stack underflow".into()))?;
                    thread.objects.push(top);
                }
                Instr::OsDrop => {
                    opop!();
                }
                // Fused field runs do their first instruction here.
                Instr::LoadField(f) | Instr::LoadFieldInt(f) | Instr::UpdateField { field: f, .. } => {
                    let v = self.field(frame.this, *f)?;
                    thread.objects.push(v);
                }
                Instr::SaveField(f) => {
                    let v = opop!();
                    self.set_field(frame.this, *f, v)?;
                }
                Instr::LoadIntField(f) => {
                    let v = self.field(frame.this, *f)?;
                    thread.ints.push(v.as_int().unwrap_or(0) as u32);
                }
                Instr::SaveIntField(f) => {
                    let v = pop(&mut thread.ints)? as i32;
                    self.set_field(frame.this, *f, Value::int(v))?;
                }
                Instr::New => {
                    let class = opop!();
                    let class = self.class_id_of_object(class)?;
                    let obj = self.instantiate(class)?;
                    thread.objects.push(obj);
                }
                Instr::Pull(n) => {
                    let len = thread.objects.len();
                    let v = *thread
                        .objects
                        .get(len.wrapping_sub(*n as usize + 1))
                        .ok_or_else(|| Trap::Fatal("os_pull32 below the stack".into()))?;
                    thread.objects.push(v);
                }
                // A fused `os_get32; o2i` does its first instruction here (the hot loop runs it whole).
                Instr::GetSlot(s)
                | Instr::GetSlotInt(s)
                | Instr::JumpUnlessSlotConst { slot: s, .. }
                | Instr::SlotBinConstBox { slot: s, .. } => {
                    let v = *thread.objects.get(frame.obase + *s as usize).ok_or_else(object_slot)?;
                    thread.objects.push(v);
                }
                Instr::SetSlot(s) => {
                    let v = opop!();
                    let slot = thread.objects.get_mut(frame.obase + *s as usize).ok_or_else(object_slot)?;
                    *slot = v;
                }
                Instr::Const(ty, v) => push_num(&mut thread.ints, convert(Num::L(*v), *ty)),
                Instr::Const64(v) => push_num(&mut thread.ints, Num::L(*v)),
                Instr::String(bytes) => {
                    let s = self.new_string(bytes)?;
                    thread.objects.push(s);
                }
                Instr::GetInt(ty, s) => {
                    let at = frame.ibase + *s as usize;
                    let n = ty.cells();
                    if at + n > thread.ints.len() {
                        return Err(int_slot());
                    }
                    thread.ints.extend_from_within(at..at + n);
                }
                Instr::SetInt(ty, s) => {
                    let n = ty.cells();
                    let len = depth_below(&thread.ints, n)?;
                    let at = frame.ibase + *s as usize;
                    if at + n > len {
                        return Err(int_slot());
                    }
                    thread.ints.copy_within(len..len + n, at);
                    thread.ints.truncate(len);
                }
                Instr::ConstPool(id) => {
                    let v = self.class(method.class).constants.get(id).copied().unwrap_or(Value::NULL);
                    thread.objects.push(v);
                }
                Instr::Reserve(nobj, nint) => {
                    thread.objects.extend(std::iter::repeat_n(Value::NULL, *nobj as usize));
                    thread.ints.extend(std::iter::repeat_n(0, *nint as usize));
                }
                Instr::Cast => {
                    let class = opop!();
                    let class = self.class_id_of_object(class)?;
                    let v = *thread.objects.last().ok_or_else(|| Trap::Fatal("object stack underflow".into()))?;
                    if !v.is_null() && !self.is_subclass(self.class_of(v)?, class) {
                        return Err(self.throw_str("cast to not parent"));
                    }
                }
                Instr::PushCatcher(t) => {
                    let class = opop!();
                    let class = self.class_id_of_object(class)?;
                    let frame = thread.frames.len() - 1;
                    thread.catchers.push(Catcher {
                        frame,
                        class,
                        target: *t,
                        objects: thread.objects.len(),
                        ints: thread.ints.len(),
                    });
                }
                Instr::PopCatcher => {
                    if thread.catchers.last().is_some_and(|c| c.frame == thread.frames.len() - 1) {
                        thread.catchers.pop();
                    }
                }
                Instr::Throw => return Err(Trap::Throw(opop!())),
                Instr::SummonThread => thread.objects.push(thread.object),
                Instr::SummonNull | Instr::ReturnNull => thread.objects.push(Value::NULL),
                Instr::SummonThis => thread.objects.push(frame.this),
                Instr::SummonInternal(name) => {
                    let id = self.find_class(name).map_err(|e| self.throw_str(&e))?;
                    thread.objects.push(self.class(id).object);
                }
                Instr::SummonByName(name, resolved) => {
                    let id = match resolved.get() {
                        Some(&id) => id,
                        None => {
                            let name = String::from_utf8_lossy(name).into_owned();
                            let id = self.summon(&name).map_err(|e| self.throw_str(&e))?;
                            *resolved.get_or_init(|| id)
                        }
                    };
                    let object = self.class_object(thread, id);
                    thread.objects.push(object);
                }
                Instr::Box(ty) => {
                    let v = self.box_num(pop_num(&mut thread.ints, *ty)?)?;
                    thread.objects.push(v);
                }
                Instr::Unbox(ty) => {
                    let v = opop!();
                    let n = self.unbox(v, *ty)?;
                    push_num(&mut thread.ints, n);
                }
                Instr::Bin(op, ty) => {
                    let b = pop_num(&mut thread.ints, *ty)?;
                    let a = pop_num(&mut thread.ints, *ty)?;
                    let r = self.binary(*op, a, b)?;
                    push_num(&mut thread.ints, r);
                }
                Instr::Not(ty) => {
                    let r = match pop_num(&mut thread.ints, *ty)? {
                        Num::I(v) => Num::I(!v),
                        Num::L(v) => Num::L(!v),
                        _ => return Err(self.throw_str("invalid float op")),
                    };
                    push_num(&mut thread.ints, r);
                }
                Instr::LogNot(ty) => {
                    let r = match pop_num(&mut thread.ints, *ty)? {
                        Num::I(v) => Num::I((v == 0) as i32),
                        Num::L(v) => Num::L((v == 0) as i64),
                        _ => return Err(self.throw_str("invalid float op")),
                    };
                    push_num(&mut thread.ints, r);
                }
                Instr::Cmp(op, ty) => {
                    let b = pop_num(&mut thread.ints, *ty)?;
                    let a = pop_num(&mut thread.ints, *ty)?;
                    let ord = match (a, b) {
                        (Num::I(a), Num::I(b)) => a.partial_cmp(&b),
                        (Num::L(a), Num::L(b)) => a.partial_cmp(&b),
                        (Num::F(a), Num::F(b)) => a.partial_cmp(&b),
                        (Num::D(a), Num::D(b)) => a.partial_cmp(&b),
                        _ => None,
                    };
                    use std::cmp::Ordering::*;
                    let r = match (op, ord) {
                        (_, None) => false,
                        (Cmp::Ge, Some(o)) => o != Less,
                        (Cmp::Le, Some(o)) => o != Greater,
                        (Cmp::Gt, Some(o)) => o == Greater,
                        (Cmp::Lt, Some(o)) => o == Less,
                    };
                    thread.ints.push(r as u32);
                }
                Instr::OsEq | Instr::OsNeq => {
                    let b = opop!();
                    let a = opop!();
                    let eq = a == b;
                    thread.ints.push((eq == matches!(instr, Instr::OsEq)) as u32);
                }
                Instr::OsIsNull => {
                    let v = opop!();
                    thread.ints.push(v.is_null() as u32);
                }
                Instr::Lock | Instr::Unlock => {
                    opop!();
                }
                Instr::ArgCount(n) => {
                    let have = pop(&mut thread.ints)?;
                    if have != *n as u32 {
                        return Err(self.throw_str("invalid arg count"));
                    }
                }
                Instr::Convert(from, to) => {
                    let n = pop_num(&mut thread.ints, *from)?;
                    push_num(&mut thread.ints, convert(n, *to));
                }
                // The hot loop runs fused runs; here each does its first instruction only.
                Instr::BinConst(_, k) | Instr::JumpUnlessConst { k, .. } | Instr::BinConstSet { k, .. } => {
                    thread.ints.push(*k as u32)
                }
                Instr::BinLocals { a: s, .. }
                | Instr::UpdateLocal { slot: s, .. }
                | Instr::JumpUnlessLocalConst { slot: s, .. } => {
                    let v = *thread.ints.get(frame.ibase + *s as usize).ok_or_else(int_slot)?;
                    thread.ints.push(v);
                }
            }
        }
    }

    /// The hot loop, and the native calls it meets (they need the whole thread, so they run
    /// between its runs).
    #[inline(always)]
    fn fast_steps(&self, thread: &mut Thread, depth: usize) -> Result<()> {
        while let Some(NativeCall { f, at, n }) = self.fast_run(thread, depth)? {
            // The arguments leave the stack for a buffer of their own: the native gets the
            // whole thread.
            let mut args = [Value::NULL; 8];
            let this = thread.objects[at];
            for (k, arg) in args[..n].iter_mut().enumerate() {
                *arg = thread.objects[at + 1 + k];
            }
            thread.objects.truncate(at);
            match self.run_native(thread, f, this, &args[..n]) {
                Ok(Some(result)) => thread.objects.push(result),
                // The call was handed on to bytecode: its frame is on top now.
                Ok(None) => {}
                Err(Trap::Retry) => {
                    // Put the call back as it was; it runs again when the thread wakes.
                    thread.objects.push(this);
                    thread.objects.extend_from_slice(&args[..n]);
                    thread.frames.last_mut().expect("caller frame").pc -= 1;
                    return Err(Trap::Yield);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Runs simple instructions with the program counter, budget and stack bases in locals,
    /// including calls from bytecode to bytecode and returns to a caller above `depth`.
    /// Returns (state written back) a native call to make (its arguments already off the
    /// stack), or nothing at the first instruction that needs the general path: exceptions,
    /// returns to `depth`, typed arithmetic other than the common int cases.
    #[inline(always)]
    fn fast_run(&self, thread: &mut Thread, depth: usize) -> Result<Option<NativeCall>> {
        let Thread { frames, objects: o, ints: i, budget, tables, catchers, native_depth, scheduled, .. } = thread;
        let mut left = *budget;
        // What the slice had when this run began: a thread yields before a call only once it
        // has done something since, so a thread resumed at a call always makes progress.
        let started = left;
        let underflow = || Trap::Fatal("stack underflow".into());
        // A pending safepoint, or a heap grown past its collection threshold, ends the slice
        // at the next jump or call: a loop or a recursion making garbage faster than a slice
        // ends must not run the heap out before the collector gets its turn. Bytecode called
        // from a native runs to its end instead: the native's own state is on the host stack,
        // where no safepoint can reach it. So does a thread the scheduler does not run.
        let (stop, gc) = (&self.sched.stop_requested, &self.heap.gc_wanted);
        let can_stop = *native_depth == 0 && *scheduled;
        let attention = || can_stop && (stop.load(Ordering::Relaxed) || gc.load(Ordering::Relaxed));
        // What ends a run of one frame's instructions.
        enum Exit {
            General,
            Call(u32, usize),
            StaticCall(u32, usize),
            Ret,
        }
        let result = loop {
            let Some(frame) = frames.last_mut() else { break Ok(None) };
            let Frame { method, pc: frame_pc, obase, ibase, this } = frame;
            let Some(code) = tables.code[*method as usize].as_deref() else { break Ok(None) };
            let code = &code.instrs[..];
            let (obase, ibase, this) = (*obase, *ibase, *this);
            let mut pc = *frame_pc;
            // A taken jump. Every loop jumps: a pending safepoint or collection waits at most
            // one iteration.
            macro_rules! jump {
                ($target:expr) => {{
                    pc = $target as usize;
                    if attention() {
                        left = 1;
                    }
                }};
            }
            let exit = (|| -> Result<Exit> {
                loop {
                    if left == 0 {
                        return Ok(Exit::General);
                    }
                    let Some(instr) = code.get(pc) else { return Ok(Exit::General) };
                    pc += 1;
                    match instr {
                        Instr::Nop | Instr::Debug => {}
                        Instr::Jmp(t) => jump!(*t),
                        Instr::Jz(t) => {
                            if i.pop().ok_or_else(underflow)? == 0 {
                                jump!(*t);
                            }
                        }
                        Instr::Const(Ty::Int, v) => i.push(*v as u32),
                        Instr::GetInt(Ty::Int, s) => {
                            let v = *i.get(ibase + *s as usize).ok_or_else(int_slot)?;
                            i.push(v);
                        }
                        Instr::SetInt(Ty::Int, s) => {
                            let v = i.pop().ok_or_else(underflow)?;
                            *i.get_mut(ibase + *s as usize).ok_or_else(int_slot)? = v;
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
                        Instr::IsDrop(Ty::Int) => {
                            i.pop().ok_or_else(underflow)?;
                        }
                        Instr::IsDup(Ty::Int) => {
                            let v = *i.last().ok_or_else(underflow)?;
                            i.push(v);
                        }
                        Instr::SummonThis => o.push(this),
                        Instr::SummonNull => o.push(Value::NULL),
                        Instr::Box(Ty::Int) => {
                            let v = i.pop().ok_or_else(underflow)?;
                            o.push(Value::int(v as i32));
                        }
                        Instr::Unbox(Ty::Int) => match o.last().and_then(|v| v.as_int()) {
                            Some(v) => {
                                o.pop();
                                i.push(v as u32);
                            }
                            None => {
                                // Not an int: the general path converts or throws.
                                pc -= 1;
                                return Ok(Exit::General);
                            }
                        },
                        Instr::Bin(
                            op @ (Bin::Add | Bin::SubLU | Bin::Mul | Bin::And | Bin::Or | Bin::Xor),
                            Ty::Int,
                        ) => {
                            // The result replaces the lower operand in place.
                            let b = i.pop().ok_or_else(underflow)? as i32;
                            let top = i.last_mut().ok_or_else(underflow)?;
                            let a = *top as i32;
                            let r = match op {
                                Bin::Add => a.wrapping_add(b),
                                Bin::SubLU => a.wrapping_sub(b),
                                Bin::Mul => a.wrapping_mul(b),
                                Bin::And => a & b,
                                Bin::Or => a | b,
                                _ => a ^ b,
                            };
                            *top = r as u32;
                        }
                        Instr::Bin(op @ (Bin::DivLU | Bin::RemLU), Ty::Int) => {
                            let len = i.len();
                            let (a, b) = match i.get(len.wrapping_sub(2)..) {
                                Some(&[a, b]) => (a as i32, b as i32),
                                _ => return Err(underflow()),
                            };
                            // Division by zero (throws) and MIN / -1 (wraps) go the general way.
                            if b == 0 || b == -1 {
                                pc -= 1;
                                return Ok(Exit::General);
                            }
                            i.truncate(len - 2);
                            i.push(if *op == Bin::DivLU { a / b } else { a % b } as u32);
                        }
                        // Fused runs count as the instructions they stand for; with too little
                        // budget left, or an argument that is not an int, they do only their
                        // first instruction.
                        Instr::GetSlotInt(s) => {
                            let v = *o.get(obase + *s as usize).ok_or_else(object_slot)?;
                            match v.as_int() {
                                Some(n) if left >= 2 => {
                                    i.push(n as u32);
                                    pc += 1;
                                    left -= 1;
                                }
                                _ => o.push(v),
                            }
                        }
                        Instr::BinConst(op, k) if left >= 2 => {
                            let top = i.last_mut().ok_or_else(underflow)?;
                            *top = const_op(*op, *top as i32, *k) as u32;
                            pc += 1;
                            left -= 1;
                        }
                        Instr::BinConstSet { op, k, slot } if left >= 3 => {
                            let a = i.pop().ok_or_else(underflow)? as i32;
                            *i.get_mut(ibase + *slot as usize).ok_or_else(int_slot)? = const_op(*op, a, *k) as u32;
                            pc += 2;
                            left -= 2;
                        }
                        Instr::BinLocals { op, a, b } if left >= 3 => {
                            // As the run does it: the second read may see the first's push.
                            let x = *i.get(ibase + *a as usize).ok_or_else(int_slot)?;
                            i.push(x);
                            let y = *i.get(ibase + *b as usize).ok_or_else(int_slot)? as i32;
                            let top = i.last_mut().expect("just pushed");
                            *top = const_op(*op, x as i32, y) as u32;
                            pc += 2;
                            left -= 2;
                        }
                        Instr::UpdateLocal { op, slot, k } if left >= 4 => {
                            let v = i.get_mut(ibase + *slot as usize).ok_or_else(int_slot)?;
                            *v = const_op(*op, *v as i32, *k) as u32;
                            pc += 3;
                            left -= 3;
                        }
                        Instr::JumpUnlessLocalConst { cmp, slot, k, target } if left >= 4 => {
                            let a = *i.get(ibase + *slot as usize).ok_or_else(int_slot)? as i32;
                            left -= 3;
                            if compare(*cmp, a, *k) {
                                pc += 3;
                            } else {
                                jump!(*target);
                            }
                        }
                        Instr::JumpUnlessSlotConst { cmp, slot, k, target } if left >= 5 => {
                            let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                            match v.as_int() {
                                Some(a) => {
                                    left -= 4;
                                    if compare(*cmp, a, *k) {
                                        pc += 4;
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
                                Some(n) if left >= 2 => {
                                    i.push(n as u32);
                                    pc += 1;
                                    left -= 1;
                                }
                                _ => o.push(v),
                            }
                        }
                        Instr::UpdateField { op, field, k } if left >= 6 => {
                            let v = self.field(this, *field)?;
                            match v.as_int() {
                                Some(a) => {
                                    self.set_field(this, *field, Value::int(const_op(*op, a, *k)))?;
                                    pc += 5;
                                    left -= 5;
                                }
                                // Not an int: the first instruction only; `o2i` converts or throws.
                                None => o.push(v),
                            }
                        }
                        Instr::SlotBinConstBox { op, slot, k } if left >= 5 => {
                            let v = *o.get(obase + *slot as usize).ok_or_else(object_slot)?;
                            match v.as_int() {
                                Some(a) => {
                                    o.push(Value::int(const_op(*op, a, *k)));
                                    pc += 4;
                                    left -= 4;
                                }
                                None => o.push(v),
                            }
                        }
                        Instr::JumpUnlessConst { cmp, k, target } if left >= 3 => {
                            let a = i.pop().ok_or_else(underflow)? as i32;
                            left -= 2;
                            if compare(*cmp, a, *k) {
                                pc += 2;
                            } else {
                                jump!(*target);
                            }
                        }
                        // Fused runs with too little budget left do their first instruction.
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
                        Instr::UpdateField { field, .. } => {
                            let v = self.field(this, *field)?;
                            o.push(v);
                        }
                        Instr::String(bytes) => o.push(self.new_string(bytes)?),
                        Instr::SummonByName(_, resolved) => match resolved.get() {
                            Some(&id) if (id as usize) < tables.classes.len() => {
                                o.push(tables.classes[id as usize].object)
                            }
                            _ => {
                                pc -= 1;
                                return Ok(Exit::General);
                            }
                        },
                        Instr::Cmp(op, Ty::Int) => {
                            let b = i.pop().ok_or_else(underflow)? as i32;
                            let top = i.last_mut().ok_or_else(underflow)?;
                            let a = *top as i32;
                            let r = match op {
                                Cmp::Ge => a >= b,
                                Cmp::Le => a <= b,
                                Cmp::Gt => a > b,
                                Cmp::Lt => a < b,
                            };
                            *top = r as u32;
                        }
                        Instr::LogNot(Ty::Int) => {
                            let top = i.last_mut().ok_or_else(underflow)?;
                            *top = (*top == 0) as u32;
                        }
                        Instr::LoadField(f) => {
                            let v = self.field(this, *f)?;
                            o.push(v);
                        }
                        Instr::SaveField(f) => {
                            let v = o.pop().ok_or_else(underflow)?;
                            self.set_field(this, *f, v)?;
                        }
                        Instr::ArgCount(n) => {
                            if i.last() != Some(&(*n as u32)) {
                                pc -= 1;
                                return Ok(Exit::General);
                            }
                            i.pop();
                        }
                        Instr::Reserve(nobj, nint) => {
                            o.resize(o.len() + *nobj as usize, Value::NULL);
                            i.resize(i.len() + *nint as usize, 0);
                        }
                        Instr::Call { method, nargs } => {
                            left -= 1;
                            return Ok(Exit::Call(*method, *nargs as usize));
                        }
                        Instr::StaticInvoke { method, nargs } => {
                            left -= 1;
                            return Ok(Exit::StaticCall(*method, *nargs as usize));
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
                        Instr::Pull(n) => {
                            let v = *o
                                .get(o.len().wrapping_sub(*n as usize + 1))
                                .ok_or_else(|| Trap::Fatal("os_pull32 below the stack".into()))?;
                            o.push(v);
                        }
                        Instr::New => {
                            // Instances of loaded classes here; internal ones the general way.
                            let class = o.last().and_then(|&v| self.class_object_id(v).ok().flatten());
                            match class.and_then(|id| tables.classes.get(id as usize)) {
                                Some(c) if !c.is_internal() => {
                                    let slots = c.field_slots as u64;
                                    o.pop();
                                    o.push(self.heap.alloc(c.id, Kind::Slots, slots, slots)?);
                                }
                                _ => {
                                    pc -= 1;
                                    return Ok(Exit::General);
                                }
                            }
                        }
                        Instr::Ret => {
                            left -= 1;
                            return Ok(Exit::Ret);
                        }
                        Instr::ReturnNull if left >= 2 => {
                            // The `ret` is left to the exit, as if it had been fetched: a return
                            // out of this execution then runs it on the general path.
                            o.push(Value::NULL);
                            pc += 1;
                            left -= 2;
                            return Ok(Exit::Ret);
                        }
                        Instr::ReturnNull => o.push(Value::NULL),
                        _ => {
                            pc -= 1;
                            return Ok(Exit::General);
                        }
                    }
                    left -= 1;
                }
            })();
            *frame_pc = pc;
            match exit {
                Ok(Exit::General) => break Ok(None),
                Err(e) => break Err(e),
                // The slice ends before the call, which runs after the safepoint or the
                // collection (a native may need the room), once the slice has done something.
                Ok(Exit::Call(..) | Exit::StaticCall(..)) if attention() && left + 1 < started => {
                    frames.last_mut().expect("caller frame").pc -= 1;
                    left = 0;
                    break Ok(None);
                }
                Ok(Exit::Call(ordinal, n)) => {
                    // The general path reports errors and stack overflow.
                    let callee = match o.len().checked_sub(n + 1) {
                        Some(at) if frames.len() < MAX_FRAMES => self.callee(tables, o[at], ordinal),
                        _ => Callee::Other,
                    };
                    let method = match callee {
                        Callee::Bytecode(m) => m,
                        Callee::Native(f) if n <= 8 => {
                            break Ok(Some(NativeCall { f, at: o.len() - (n + 1), n }));
                        }
                        _ => {
                            frames.last_mut().expect("caller frame").pc -= 1;
                            left += 1;
                            break Ok(None);
                        }
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
                Ok(Exit::StaticCall(ordinal, n)) => {
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
                        if !descends(tables, this_class, class) {
                            return None;
                        }
                        let m = tables.classes.get(class as usize)?.vtable.get(ordinal as usize)?.as_ref()?;
                        matches!(m.body, Body::Bytecode(_)).then_some(m)
                    })();
                    let Some(method) = method else {
                        frames.last_mut().expect("caller frame").pc -= 1;
                        left += 1;
                        break Ok(None);
                    };
                    let this = o[len - 2];
                    o.truncate(len - 2);
                    push_frame(frames, i, method, this, len - 2 - n, n);
                }
                Ok(Exit::Ret) => {
                    if frames.len() <= depth + 1 {
                        // Returning out of this execution: the general path hands the value over.
                        frames.last_mut().expect("current frame").pc -= 1;
                        left += 1;
                        break Ok(None);
                    }
                    let (obase, ibase) = frames.last().map(|f| (f.obase, f.ibase)).expect("current frame");
                    frames.truncate(frames.len() - 1);
                    drop_catchers(catchers, frames.len());
                    let result = if o.len() > obase { o.pop().expect("above the base") } else { Value::NULL };
                    o.truncate(obase);
                    i.truncate(ibase);
                    o.push(result);
                }
            }
        };
        *budget = left;
        result
    }

    fn field(&self, this: Value, index: u32) -> Result<Value> {
        match this.object() {
            Some(obj) if self.heap.kind_of(obj)? == Kind::Slots && (index as u64) < self.heap.len(obj)? => {
                Ok(self.heap.slot(obj, index as u64)?)
            }
            _ => Err(self.throw_str(&format!("field {index} does not exist in {}", self.describe(this)))),
        }
    }

    fn set_field(&self, this: Value, index: u32, v: Value) -> Result<()> {
        match this.object() {
            Some(obj) if self.heap.kind_of(obj)? == Kind::Slots && (index as u64) < self.heap.len(obj)? => {
                Ok(self.heap.set_slot(obj, index as u64, v)?)
            }
            _ => Err(self.throw_str(&format!("field {index} does not exist in {}", self.describe(this)))),
        }
    }

    fn box_num(&self, n: Num) -> Result<Value> {
        let (class, bits) = match n {
            Num::I(v) => return Ok(Value::int(v)),
            Num::L(v) => (ids::LONG, v as u64),
            Num::F(v) => (ids::FLOAT, v.to_bits() as u64),
            Num::D(v) => (ids::DOUBLE, v.to_bits()),
        };
        let obj = self.heap.alloc(class, Kind::Bytes, 8, 1)?;
        self.heap.set_word(obj.0, 0, bits)?;
        Ok(obj)
    }

    /// The number in a boxed value, converted to `ty`.
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

    fn unbox(&self, v: Value, ty: Ty) -> Result<Num> {
        match self.unbox_any(v)? {
            Some(n) => Ok(convert(n, ty)),
            None if v.is_null() => Err(self.throw_str("o2i of null")),
            None => Err(self.throw_str(&format!("type assert failed: {} is not a number", self.describe(v)))),
        }
    }

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

pub use Num as Number;
