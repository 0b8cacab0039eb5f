//! The VM: its heap, its classes, its threads, and the boot protocol.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, RwLock};

use crate::class::{
    ids, methods_of, parse, Body, Class, ClassPath, Method, INTERNAL_CLASSES, INTERNAL_METHOD_SLOTS, NO_UID,
};
use crate::heap::{ClassId, Heap, Kind, Memory, MemoryError, OUT_OF_MEMORY};
use crate::natives;
use crate::thread::{merge_failures, Tables};
pub use crate::thread::{Result, Thread, Trap, Uncaught};
use crate::value::Value;

pub(crate) use crate::thread::HOST_STACK;

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
    pub gc_log: Mutex<(u64, crate::heap::GcStats)>,
    /// The collection cycle in progress, if any (see `gc`).
    pub(crate) cycle: Mutex<crate::marks::Cycle>,
    /// The collector's stops of the world (see `gc`).
    pub(crate) gc_pauses: Mutex<Vec<std::time::Duration>>,
    /// References held for the host outside any thread (see [`Vm::hold`]).
    held: Mutex<Vec<Value>>,
    /// Collect all the time, in small steps (`PHANTOM_GC_STRESS=1`): a test mode that puts
    /// every stage of a cycle beside every instruction of a program.
    pub gc_stress: bool,
    /// Report every stop of the world and every cycle on standard error (`PHANTOM_GC_TRACE=1`).
    pub gc_trace: bool,
    pub(crate) console: Arc<Console>,
    /// The thread list and next thread id the heap's system object holds (as of the last
    /// safepoint that wrote them).
    pub(crate) threads_recorded: Mutex<(Vec<Value>, u64)>,
    /// Sockets, files, mounts and output held for snapshots.
    pub outside: Arc<crate::outside::Outside>,
    /// The persistent image the heap lives in, when there is one.
    pub(crate) image: Option<Arc<crate::system::Image>>,
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
    /// The next bytes of input (up to `max`, at least one: all that has arrived), `Some(empty)`
    /// at end of input, or `None` after registering `thread` to be woken when input arrives
    /// (only when it may park; otherwise this blocks).
    pub(crate) fn next_bytes(
        self: &Arc<Self>,
        sched: &Arc<crate::sched::Scheduler>,
        thread: u64,
        may_park: bool,
        max: usize,
    ) -> Option<Vec<u8>> {
        let host = sched.clock.shared();
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !st.buffered.is_empty() {
            let n = st.buffered.len().min(max.max(1));
            return Some(st.buffered.drain(..n).collect());
        }
        if st.eof {
            return Some(Vec::new());
        }
        if !may_park {
            drop(st);
            return Some(host.read_console_byte().map_or_else(Vec::new, |b| vec![b]));
        }
        st.waiters.push(thread);
        if !st.reader_started {
            st.reader_started = true;
            // The reader shares the console and scheduler, so it may outlive the VM safely.
            let (console, sched, reader) = (self.clone(), sched.clone(), host.clone());
            let mut chunk = vec![0u8; 64 << 10];
            let task = Box::new(move || loop {
                let got = reader.read_console(&mut chunk);
                let mut st = console.state.lock().unwrap_or_else(|e| e.into_inner());
                match got {
                    0 => st.eof = true,
                    n => st.buffered.extend(&chunk[..n]),
                }
                for id in st.waiters.drain(..) {
                    sched.wake(id);
                }
                if st.eof {
                    return;
                }
            });
            // Detached: it ends with the input, or with the process.
            let _ = host.spawn("phantom-console", 256 << 10, task);
        }
        None
    }
}

/// Runs `f` on a host thread of its own, so that the host stack is as deep as the limits on
/// nested native calls assume (the caller's may be small: a test's, say).
fn on_host_stack<R: Send>(
    f: impl FnOnce() -> std::result::Result<R, Uncaught> + Send,
) -> std::result::Result<R, Uncaught> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("phantom-vm".into())
            .stack_size(HOST_STACK)
            .spawn_scoped(scope, f)
            .map_err(|e| Uncaught { message: format!("cannot start a host thread: {e}"), backtrace: vec![] })?
            .join()
            .unwrap_or_else(|_| {
                Err(Uncaught { message: "internal error: the VM thread panicked".into(), backtrace: vec![] })
            })
    })
}

/// Host threads running VM threads, unless told otherwise: one fewer than the processors
/// (at least one, at most eight). The spare processor keeps the snapshot writer, the signal
/// and console threads and the host's own work from taking a worker's: a worker the host
/// deschedules holds up every safepoint until it runs again (1 to 4 ms with every processor
/// busy, against under 0.6 ms with one spare; `cargo bench -p phantom-vm`).
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() - 1).clamp(1, 8))
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

impl Vm {
    /// A VM with a fresh heap in `memory`, writing program output to `out`.
    pub fn new(memory: Box<dyn Memory>, out: Box<dyn Write + Send>) -> std::result::Result<Vm, String> {
        let size = memory.size();
        Vm::with_heap_limit(memory, out, size)
    }

    /// A VM with a fresh heap of at most `limit` bytes in `memory`.
    pub fn with_heap_limit(
        memory: Box<dyn Memory>,
        out: Box<dyn Write + Send>,
        limit: u64,
    ) -> std::result::Result<Vm, String> {
        let mut vm = Vm::with_heap(Heap::with_limit(memory, limit).map_err(|e| e.0)?, out);
        vm.boot = vm.heap.alloc(ids::BOOT, Kind::Slots, 0, 0).map_err(|e| e.0)?;
        vm.format_root().map_err(|e| e.0)?;
        vm.out_of_memory = vm.heap.alloc_bytes(ids::STRING, OUT_OF_MEMORY.as_bytes()).map_err(|e| e.0)?;
        for row in INTERNAL_CLASSES {
            let object = vm.new_class_object(row.id).map_err(|e| e.0)?;
            let class = Vm::internal_class(row.id, object);
            vm.record_class(&class, crate::system::ClassSource::Internal).map_err(|e| e.0)?;
            vm.install(class);
        }
        Ok(vm)
    }

    /// A VM around a heap, with no classes yet.
    pub(crate) fn with_heap(heap: Heap, out: Box<dyn Write + Send>) -> Vm {
        let mut names = HashMap::new();
        names.insert(".internal.object".into(), ids::VOID);
        let sched = Arc::new(crate::sched::Scheduler::default());
        let env = sched.clock.host().env();
        let flag = |name: &str| env.iter().any(|(k, v)| k == name && v != "0");
        let (gc_stress, gc_trace) = (flag("PHANTOM_GC_STRESS"), flag("PHANTOM_GC_TRACE"));
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
            sched: sched.clone(),
            sync: Mutex::new(()),
            next_thread: std::sync::atomic::AtomicU64::new(1),
            workers: default_workers(),
            fuse_runs: true,
            gc_log: Mutex::new((0, crate::heap::GcStats::default())),
            cycle: Mutex::new(crate::marks::Cycle::default()),
            gc_pauses: Mutex::new(Vec::new()),
            gc_stress,
            gc_trace,
            held: Mutex::new(Vec::new()),
            console: Arc::new(Console::default()),
            threads_recorded: Mutex::default(),
            outside: Arc::new(crate::outside::Outside::new(sched.clone())),
            image: None,
        }
    }

    /// An internal class: natives for every method slot, no fields.
    pub(crate) fn internal_class(id: ClassId, object: Value) -> Class {
        let row = &INTERNAL_CLASSES[id as usize];
        let vtable = (0..INTERNAL_METHOD_SLOTS as u32)
            .map(|k| {
                natives::lookup(id, k).map(|native| {
                    Arc::new(Method {
                        uid: NO_UID.into(),
                        checks_args: None,
                        name: phantom_bytecode::internal::methods_by_name(row)
                            .filter(|m| m.ordinal == k)
                            .last()
                            .map_or_else(|| format!("native {k}"), |m| m.name.to_string()),
                        ordinal: k,
                        class: id,
                        body: Body::Native(native),
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
            peer: None,
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

    /// The method at `ordinal` of class `id`, through the thread's copy of the class table.
    #[inline]
    pub(crate) fn method_of(&self, thread: &mut Thread, id: ClassId, ordinal: u32) -> Option<Arc<Method>> {
        if id as usize >= thread.tables.classes.len() {
            thread.tables = self.tables();
        }
        thread.tables.classes.get(id as usize)?.vtable.get(ordinal as usize)?.clone()
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
        self.tables().descends(class, ancestor)
    }

    /// The class id behind a class object; none if `v` is not one.
    #[inline]
    pub(crate) fn class_object_id(&self, v: Value) -> Result<Option<ClassId>> {
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
        let bytes = self.class_path().find(name, self.host()).ok_or_else(|| format!("class {name} not found"))?;
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
        self.record_class(&class, crate::system::ClassSource::File(bytes)).map_err(|e| e.0)?;
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
            peer: match parent {
                ids::WINDOW | ids::TTY => Some(parent),
                _ => parent_class.peer,
            },
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
            peer: None,
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
            || self.class_path().find(name, self.host()).is_some()
        {
            return Err(format!("class {name} already exists"));
        }
        let methods_of = methods_of.unwrap_or(ids::VOID);
        let id = self.tables.read().unwrap_or_else(|e| e.into_inner()).classes.len() as ClassId;
        let mut class = self.defined_class(id, name, field_slots, methods_of);
        class.object = self.new_class_object(id).map_err(|e| e.0)?;
        self.record_class(&class, crate::system::ClassSource::Defined { field_slots, methods_of }).map_err(|e| e.0)?;
        self.install(class);
        Ok(id)
    }

    /// Looks a class up by name as `summon_by_name` does: exactly, or else by a unique
    /// case-insensitive match (the original compiler lowercases summoned names).
    pub(crate) fn summon(&self, name: &str) -> std::result::Result<ClassId, String> {
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
        self.safepoint_saving(|threads, _| f(threads))
    }

    /// `safepoint`, telling `f` whether every thread's state and the thread list were written
    /// (a full heap may have no room for them: a snapshot then must not be taken).
    pub(crate) fn safepoint_saving<R>(
        &self,
        f: impl FnOnce(&mut dyn Iterator<Item = &mut Thread>, bool) -> R,
    ) -> (R, std::time::Duration) {
        self.sched.safepoint(|threads| {
            let mut all: Vec<&mut Thread> = threads.collect();
            let mut saved = self.save_all(&mut all);
            if !saved {
                // Room for the states may be made.
                let stats = self.collect_unsaved(&mut all);
                self.note_collection(stats);
                saved = self.save_all(&mut all);
            }
            f(&mut all.into_iter(), saved)
        })
    }

    /// A full collection at a safepoint that saves no thread state (there may be no room for
    /// it). What the states saved last time hold is let go of first: stale since, it may be
    /// all that keeps garbage alive, and the next safepoint that saves threads writes it anew.
    fn collect_unsaved(&self, all: &mut [&mut Thread]) -> crate::heap::GcStats {
        all.iter_mut().for_each(|t| {
            self.forget_saved_state(t);
            t.saved = false;
        });
        self.collect(&mut all.iter_mut().map(|t| &mut **t))
    }

    /// Writes every thread's state and the thread list; false if any failed.
    fn save_all(&self, all: &mut [&mut Thread]) -> bool {
        let mut saved = true;
        for t in all.iter_mut() {
            if t.saved {
                continue;
            }
            match self.save_thread(t) {
                Ok(()) => t.saved = true,
                Err(e) => {
                    // The heap copy of this thread is stale; the live thread is unaffected.
                    if !matches!(e, Trap::OutOfMemory) {
                        self.print_error(&format!("cannot save thread {}: {e:?}", t.id));
                    }
                    saved = false;
                }
            }
        }
        if let Err(e) = self.record_threads(all) {
            if !e.is_exhaustion() {
                self.print_error(&format!("cannot record the thread list: {e}"));
            }
            saved = false;
        }
        saved
    }

    fn print_error(&self, message: &str) {
        self.host().write_diagnostic(&format!("phantom: {message}"));
    }

    pub(crate) fn note_collection(&self, stats: crate::heap::GcStats) {
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
        self.held.lock().unwrap_or_else(|e| e.into_inner()).iter().copied().for_each(&mut *f);
        for class in self.tables().classes.iter() {
            f(class.object);
            class.constants.values().copied().for_each(&mut *f);
        }
    }

    /// Keeps `v` alive for the host, which holds it outside any thread, until [`Vm::release`].
    /// Held references do not outlive the process.
    pub fn hold(&self, v: Value) {
        self.held.lock().unwrap_or_else(|e| e.into_inner()).push(v);
    }

    /// Lets go of one hold of `v`.
    pub fn release(&self, v: Value) {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = held.iter().position(|&h| h == v) {
            held.swap_remove(at);
        }
    }

    /// A new VM thread about to run `this.ordinal(args)`.
    pub fn new_thread(&self, this: Value, ordinal: u32, args: &[Value]) -> Result<Box<Thread>> {
        let id = self.next_thread.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let slots = crate::thread::THREAD_SLOTS;
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
        on_host_stack(|| {
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
        })
    }

    /// Runs a scheduled thread until it finishes, yields or parks.
    pub(crate) fn resume(&self, thread: &mut Thread) -> Result<()> {
        thread.saved = false;
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

    /// Writes program output. A reader that went away (`phantom run ... | head`) is not the
    /// program's fault: what it prints after that is dropped, as Java's `System.out` drops it.
    pub fn print(&self, bytes: &[u8]) -> Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        match out.write_all(bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Trap::Fatal(format!("cannot write output: {e}")))
            }
            _ => Ok(()),
        }
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
            ids::ARRAY => natives::new_array(&self.cx()),
            ids::BINARY => Ok(self.heap.alloc_bytes(ids::BINARY, &[])?),
            ids::DIRECTORY => Ok(self.heap.alloc(class, Kind::Slots, 3, 3)?),
            ids::CONNECTION => {
                let n = crate::net::CONNECTION_SLOTS;
                Ok(self.heap.alloc(class, Kind::Slots, n, n)?)
            }
            ids::TCP | ids::UDP => {
                let n = crate::net::SOCKET_SLOTS;
                let o = self.heap.alloc(class, Kind::Slots, n, n)?;
                self.heap.set_slot(o.0, 0, Value::int(0))?;
                Ok(o)
            }
            ids::IO => {
                let n = crate::files::IO_SLOTS;
                Ok(self.heap.alloc(class, Kind::Slots, n, n)?)
            }
            ids::CLOSURE => Ok(self.heap.alloc(class, Kind::Slots, 2, 2)?),
            ids::WINDOW | ids::TTY => crate::window::new_window(&self.cx(), class),
            ids::BITMAP => {
                let n = crate::window::BITMAP_SLOTS;
                Ok(self.heap.alloc(class, Kind::Slots, n, n)?)
            }
            ids::WEAKREF => Ok(self.heap.alloc(class, Kind::Slots, 1, 1)?),
            ids::WASM => {
                let n = crate::wasm::WASM_SLOTS;
                Ok(self.heap.alloc(class, Kind::Slots, n, n)?)
            }
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
                let fields = c.field_slots as u64;
                let Some(peer) = c.peer else { return Ok(self.heap.alloc(class, Kind::Slots, fields, fields)?) };
                let object = self.heap.alloc(class, Kind::Slots, fields + 1, fields + 1)?;
                self.hold(object);
                let state = crate::window::new_window(&self.cx(), peer);
                self.release(object);
                self.heap.set_slot(object.0, fields, state?)?;
                Ok(object)
            }
        }
    }

    /// Runs `this.method(args)` to completion on a new thread; returns its result or the
    /// uncaught exception.
    pub fn run(&self, this: Value, ordinal: u32, args: &[Value]) -> std::result::Result<Value, Uncaught> {
        on_host_stack(|| {
            let mut thread = Thread::default();
            match self.call(&mut thread, this, ordinal, args) {
                Ok(v) => Ok(v),
                Err(trap) => Err(self.uncaught(trap, &thread)),
            }
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
    pub(crate) fn backtrace(&self, thread: &Thread) -> Vec<String> {
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
}

impl crate::sched::Runner for Vm {
    fn run_slice(&self, thread: &mut Thread) -> Result<()> {
        self.resume(thread)
    }

    fn uncaught(&self, trap: Trap, thread: &Thread) -> Uncaught {
        Vm::uncaught(self, trap, thread)
    }

    fn wants_collection(&self) -> bool {
        self.heap.gc_urgent.load(Ordering::Relaxed)
    }

    fn collect_now(&self) {
        let (stats, _) = self.sched.safepoint(|threads| {
            let mut all: Vec<&mut Thread> = threads.collect();
            self.wants_collection().then(|| self.collect_unsaved(&mut all))
        });
        if let Some(stats) = stats {
            if self.gc_trace {
                self.host().write_diagnostic(&format!("phantom: full collection {stats:?}"));
            }
            self.note_collection(stats);
        }
    }

    fn collect_in_background(&self, done: &std::sync::atomic::AtomicBool) {
        Vm::collect_in_background(self, done)
    }

    fn assist_wanted(&self) -> bool {
        self.heap.gc_behind.load(Ordering::Relaxed)
    }

    fn assist(&self) {
        Vm::assist(self)
    }
}

impl Vm {
    /// The context natives run in.
    #[inline]
    pub(crate) fn cx(&self) -> crate::cx::Cx<'_> {
        crate::cx::Cx::new(&self.heap, &self.sched, &self.outside, self)
    }
}

/// The VM's services to natives: each is the method of the same name.
impl crate::cx::Services for Vm {
    fn throw_str(&self, message: &str) -> Trap {
        Vm::throw_str(self, message)
    }

    fn new_string(&self, bytes: &[u8]) -> Result<Value> {
        Vm::new_string(self, bytes)
    }

    fn string_bytes(&self, v: Value) -> Result<Option<Vec<u8>>> {
        Vm::string_bytes(self, v)
    }

    fn describe(&self, v: Value) -> String {
        Vm::describe(self, v)
    }

    fn unbox_any(&self, v: Value) -> Result<Option<crate::thread::Number>> {
        Vm::unbox_any(self, v)
    }

    fn class(&self, id: ClassId) -> Arc<Class> {
        Vm::class(self, id)
    }

    fn class_of(&self, v: Value) -> Result<ClassId> {
        Vm::class_of(self, v)
    }

    fn class_id_of_object(&self, v: Value) -> Result<ClassId> {
        Vm::class_id_of_object(self, v)
    }

    fn is_subclass(&self, class: ClassId, ancestor: ClassId) -> bool {
        Vm::is_subclass(self, class, ancestor)
    }

    fn find_class(&self, name: &str) -> std::result::Result<ClassId, String> {
        Vm::find_class(self, name)
    }

    fn define_class(
        &self,
        name: &str,
        field_slots: u32,
        methods_of: Option<ClassId>,
    ) -> std::result::Result<ClassId, String> {
        Vm::define_class(self, name, field_slots, methods_of)
    }

    fn instantiate(&self, class: ClassId) -> Result<Value> {
        Vm::instantiate(self, class)
    }

    fn print(&self, bytes: &[u8]) -> Result<()> {
        Vm::print(self, bytes)
    }

    fn next_char(&self, thread: u64, may_park: bool) -> Option<Vec<u8>> {
        self.console.next_bytes(&self.sched, thread, may_park, 1)
    }

    fn next_bytes(&self, thread: u64, may_park: bool, max: usize) -> Option<Vec<u8>> {
        self.console.next_bytes(&self.sched, thread, may_park, max)
    }

    fn sync(&self) -> std::sync::MutexGuard<'_, ()> {
        self.sync.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn root_slot(&self, slot: u64) -> Result<Value> {
        Vm::root_slot(self, slot)
    }

    fn set_root_slot(&self, slot: u64, v: Value) -> Result<()> {
        Vm::set_root_slot(self, slot, v)
    }

    fn arguments(&self) -> Result<Vec<Value>> {
        Vm::arguments(self)
    }

    fn call(&self, thread: &mut Thread, this: Value, ordinal: u32, args: &[Value]) -> Result<Value> {
        Vm::call(self, thread, this, ordinal, args)
    }

    fn new_thread(&self, this: Value, ordinal: u32, args: &[Value]) -> Result<Box<Thread>> {
        Vm::new_thread(self, this, ordinal, args)
    }

    fn start_thread(&self, object: Value) -> Result<()> {
        Vm::start_thread(self, object)
    }

    fn commit(&self, thread: &mut Thread, may_park: bool) -> Result<Option<u64>> {
        Vm::commit(self, thread, may_park)
    }

    fn new_array_of(&self, thread: &mut Thread, items: &[Value]) -> Result<Value> {
        let cx = self.cx();
        let array = natives::new_array(&cx)?;
        for (i, &v) in items.iter().enumerate() {
            natives::array_set_at(&cx, thread, array, v, i as i32)?;
        }
        Ok(array)
    }
}

impl Vm {
    /// Shows the windows on `sink` from now on, starting with the whole screen as it is
    /// (after a restart: as the snapshot left it).
    pub fn attach_screen(&self, sink: std::sync::Arc<dyn crate::screen::ScreenSink>) -> Result<()> {
        self.outside.screen.set_sink(Some(sink));
        self.sched.as_running(|| crate::window::publish_screen(&self.cx()))
    }

    /// An input event for a window the screen shows (its id is the one the sink was given).
    /// Events for windows that are not open are dropped.
    pub fn window_input(&self, window: u64, event: crate::screen::WindowEvent) -> Result<()> {
        self.sched.as_running(|| crate::window::input(&self.cx(), window, event))
    }

    /// The host the VM reads its clock from.
    pub fn host(&self) -> &dyn phantom_host::Host {
        self.sched.clock.host()
    }

    /// The host's time since its start: the scale of every deadline.
    pub(crate) fn now(&self) -> std::time::Duration {
        self.sched.clock.now()
    }
}
