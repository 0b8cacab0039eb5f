//! The VM in persistent memory: what the heap holds so that a new process can carry on, and
//! the snapshots that make it durable.
//!
//! Everything a program can observe is reachable from the heap's root, the *system object*
//! (a page, slots below): the boot object, the class registry, the class loader and OS
//! interface objects, the thread list and the program's arguments. Each class record keeps the class file it was
//! loaded from (or, for a class made by `newClass`, how it was made), its class object
//! (statics included) and its constant strings, so reopening links every class again under
//! the same id with the same objects; decoded code is derived and rebuilt then. The thread
//! list is rewritten at every safepoint, with each thread's state saved into its thread object
//! (`persist`), so a snapshot, taken only at a safepoint, always holds every thread complete.
//!
//! Host-side state is re-attached from the thread list, the VM's restart list: a sleeper
//! sleeps until its wall-clock deadline, a thread waiting for console input runs its read
//! again (attaching to this process's console), mutex, cond and semaphore waiters stay parked
//! (their queues are in the objects), and a thread inside `commit()` waits for the next
//! durable snapshot.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use phantom_store::Store;

use crate::class::{ids, parse, Class, INTERNAL_CLASSES};
use crate::heap::{ClassId, Heap, Kind, Memory, MemoryError};
use crate::outside::Mount;
use crate::sched::Park;
use crate::system::*;
use crate::value::Value;
use crate::vm::{Thread, Trap, Uncaught, Vm};

fn trap_text(t: Trap) -> String {
    format!("{t:?}")
}

impl Vm {
    /// A VM with a fresh heap in a new store: every class, object and thread lives there. The
    /// heap takes at most `heap_limit` bytes of the store (kept in the image).
    pub fn create_image(store: Store, out: Box<dyn std::io::Write + Send>, heap_limit: u64) -> Result<Vm, String> {
        let mut vm = Vm::with_heap_limit(Box::new(store.clone()), out, heap_limit)?;
        vm.image = Some(Arc::new(Image::new(store, vm.sched.clone())));
        Ok(vm)
    }

    /// The VM a store holds, as of its snapshot: classes linked again, every thread restored
    /// where it was and handed to the scheduler. With `heap_limit`, the heap may take that many
    /// bytes from now on (never less than it holds); else it keeps the limit it had.
    pub fn open_image(
        store: Store,
        out: Box<dyn std::io::Write + Send>,
        heap_limit: Option<u64>,
    ) -> Result<Vm, String> {
        if !Heap::is_formatted(&store) {
            return Err(
                "the image holds no Phantom heap (was it made by `phantom boot` or `phantom run --image`?)".into()
            );
        }
        let mut vm = Vm::reopen(Box::new(store.clone()), out, heap_limit)?;
        vm.image = Some(Arc::new(Image::new(store, vm.sched.clone())));
        vm.restore_threads()?;
        vm.reattach_outside()?;
        Ok(vm)
    }

    /// Mounts the image's directories again and opens its listening and bound sockets on
    /// their addresses, before any thread runs. A socket that cannot open is reported on
    /// standard error; its next use throws saying why.
    fn reattach_outside(&self) -> Result<(), String> {
        if self.heap.len(self.root.0).map_err(memory_error)? < OUTSIDE_SLOTS {
            return Ok(());
        }
        let mounts = self.stored_mounts()?;
        self.outside.set_mounts(mounts);
        let settings = self.root_slot(SETTINGS).map_err(trap_text)?.as_int().unwrap_or(0);
        self.outside.set_output_commit(settings & SETTING_OUTPUT_COMMIT != 0);
        if self.root_slot(RESTART).map_err(trap_text)?.is_null() {
            return Ok(());
        }
        let objects = self.root_array(RESTART)?;
        let cx = self.cx();
        let mut thread = Thread::default();
        for problem in crate::net::reopen_all(&cx, &objects) {
            self.host().write_diagnostic(&format!("phantom: {problem}"));
        }
        let kept: Vec<Value> = objects.into_iter().filter(|&v| crate::net::still_open(&cx, v)).collect();
        let list = crate::cx::Services::new_array_of(self, &mut thread, &kept).map_err(trap_text)?;
        self.set_root_slot(RESTART, list).map_err(trap_text)
    }

    /// The elements of the array in system-object slot `slot` (none if it is null).
    fn root_array(&self, slot: u64) -> Result<Vec<Value>, String> {
        let list = self.root_slot(slot).map_err(trap_text)?;
        if list.is_null() {
            return Ok(Vec::new());
        }
        let mut thread = Thread::default();
        let n = self.call(&mut thread, list, 12, &[]).map_err(trap_text)?.as_int().unwrap_or(0);
        (0..n).map(|k| self.call(&mut thread, list, 10, &[Value::int(k)]).map_err(trap_text)).collect()
    }

    fn stored_mounts(&self) -> Result<Vec<Mount>, String> {
        let mut mounts = Vec::new();
        for v in self.root_array(MOUNTS)? {
            if let Some(spec) = self.string_bytes(v).map_err(trap_text)? {
                mounts.push(Mount::parse(&String::from_utf8_lossy(&spec))?);
            }
        }
        Ok(mounts)
    }

    /// Holds network and file output until the snapshot holding what produced it is durable
    /// (`--output-commit`). The image keeps the setting: a boot holds output too.
    pub fn hold_output(&self) -> Result<(), String> {
        if self.image.is_none() {
            return Err("output commit needs an image: its snapshots release the output".into());
        }
        if self.heap.len(self.root.0).map_err(memory_error)? < OUTSIDE_SLOTS {
            return Err("this image was made before output commit existed; make a new image".into());
        }
        let settings = self.root_slot(SETTINGS).map_err(trap_text)?.as_int().unwrap_or(0);
        self.set_root_slot(SETTINGS, Value::int(settings | SETTING_OUTPUT_COMMIT)).map_err(trap_text)?;
        self.outside.set_output_commit(true);
        Ok(())
    }

    /// Mounts host directories (`--mount`): added to those the image has (a name given again
    /// takes the new directory), kept in the image, and attached from now on.
    pub fn add_mounts(&self, new: &[Mount]) -> Result<(), String> {
        if new.is_empty() {
            // The image's own were attached when it was opened.
            return Ok(());
        }
        let mut mounts = if self.heap.len(self.root.0).map_err(memory_error)? >= OUTSIDE_SLOTS {
            self.stored_mounts()?
        } else {
            return Err("this image was made before mounts existed; make a new image to mount directories".into());
        };
        for m in new {
            if !self.host().file_info(&m.dir).is_ok_and(|i| i.is_dir) {
                return Err(format!("mount {}: {} is not a directory", m.name, m.dir.display()));
            }
            let dir = self.host().canonicalize(&m.dir).map_err(|e| format!("mount {}: {e}", m.name))?;
            mounts.retain(|old| old.name != m.name);
            mounts.push(Mount { dir, ..m.clone() });
        }
        let mut thread = Thread::default();
        let mut specs = Vec::new();
        for m in &mounts {
            specs.push(self.new_string(m.spec().as_bytes()).map_err(trap_text)?);
        }
        let list = crate::cx::Services::new_array_of(self, &mut thread, &specs).map_err(trap_text)?;
        self.set_root_slot(MOUNTS, list).map_err(trap_text)?;
        self.outside.set_mounts(mounts);
        Ok(())
    }

    /// Control of the image's snapshots, if the VM has one.
    pub fn image_control(&self) -> Option<ImageControl> {
        self.image.as_ref().map(|i| ImageControl(Arc::clone(i)))
    }

    /// The snapshots the image keeps, newest first (none without an image).
    pub fn snapshot_records(&self) -> Vec<phantom_store::SnapshotRecord> {
        self.image.as_ref().map_or_else(Vec::new, |i| i.store.snapshots())
    }

    /// The image's retention policy (empty without an image, or by count).
    pub fn store_retention(&self) -> phantom_store::Retention {
        self.image.as_ref().map_or_else(Default::default, |i| i.store.retention())
    }

    /// Figures of the snapshots this process took.
    pub fn snapshot_stats(&self) -> Option<SnapshotStats> {
        self.image.as_ref().map(|i| i.lock().stats.clone())
    }

    /// Formats the system object of a fresh heap.
    pub(crate) fn format_root(&mut self) -> Result<(), MemoryError> {
        let root = self.heap.alloc(ids::PAGE, Kind::Slots, ROOT_SLOTS, ROOT_SLOTS)?;
        let classes = self.heap.alloc(ids::PAGE, Kind::Slots, 64, 64)?;
        for (slot, v) in [
            (VERSION, Value::int(IMAGE_VERSION)),
            (BOOT, self.boot),
            (CLASSES, classes),
            (CLASS_COUNT, Value::int(0)),
            (NEXT_THREAD, Value::int(1)),
            (INTERNAL_COUNT, Value::int(INTERNAL_CLASSES.len() as i32)),
        ] {
            self.heap.set_slot(root.0, slot, v)?;
        }
        self.heap.set_root(root)?;
        self.root = root;
        Ok(())
    }

    pub(crate) fn root_slot(&self, slot: u64) -> crate::vm::Result<Value> {
        Ok(self.heap.slot(self.root.0, slot)?)
    }

    pub(crate) fn set_root_slot(&self, slot: u64, v: Value) -> crate::vm::Result<()> {
        Ok(self.heap.set_slot(self.root.0, slot, v)?)
    }

    /// Records the program's arguments (boot method 26 returns them) in the system object, so
    /// a restarted image still has them. Call it before any thread runs.
    pub fn set_arguments<A: AsRef<[u8]>>(&self, args: &[A]) -> Result<(), String> {
        let n = args.len() as u64;
        let page = if args.is_empty() {
            Value::NULL
        } else {
            let page = self.heap.alloc(ids::PAGE, Kind::Slots, n, n).map_err(|e| e.0)?;
            for (k, a) in args.iter().enumerate() {
                let s = self.heap.alloc_bytes(ids::STRING, a.as_ref()).map_err(|e| e.0)?;
                self.heap.set_slot(page.0, k as u64, s).map_err(|e| e.0)?;
            }
            page
        };
        self.heap.set_slot(self.root.0, ARGUMENTS, page).map_err(|e| e.0)
    }

    /// The program's arguments, as the strings `set_arguments` stored.
    pub(crate) fn arguments(&self) -> crate::vm::Result<Vec<Value>> {
        if self.heap.len(self.root.0)? <= ARGUMENTS {
            return Ok(Vec::new());
        }
        let Some(page) = self.root_slot(ARGUMENTS)?.object() else { return Ok(Vec::new()) };
        (0..self.heap.len(page)?).map(|k| Ok(self.heap.slot(page, k)?)).collect()
    }

    /// Appends a class to the registry in the heap (its id is its position).
    pub(crate) fn record_class(&self, class: &Class, source: ClassSource) -> Result<(), MemoryError> {
        let heap = &self.heap;
        let record = heap.alloc(ids::PAGE, Kind::Slots, RECORD_SLOTS, RECORD_SLOTS)?;
        heap.set_slot(record.0, RECORD_NAME, heap.alloc_bytes(ids::STRING, class.name.as_bytes())?)?;
        heap.set_slot(record.0, RECORD_OBJECT, class.object)?;
        match source {
            ClassSource::Internal => {}
            ClassSource::File(bytes) => heap.set_slot(record.0, RECORD_FILE, heap.alloc_bytes(ids::BINARY, bytes)?)?,
            ClassSource::Defined { field_slots, methods_of } => {
                heap.set_slot(record.0, RECORD_FIELDS, Value::int(field_slots as i32))?;
                heap.set_slot(record.0, RECORD_METHODS_OF, Value::int(methods_of as i32))?;
            }
        }
        if !class.constants.is_empty() {
            let mut pairs: Vec<(&u32, &Value)> = class.constants.iter().collect();
            pairs.sort_unstable_by_key(|(id, _)| **id);
            let n = pairs.len() as u64 * 2;
            let page = heap.alloc(ids::PAGE, Kind::Slots, n, n)?;
            for (k, (id, s)) in pairs.into_iter().enumerate() {
                heap.set_slot(page.0, k as u64 * 2, Value::int(*id as i32))?;
                heap.set_slot(page.0, k as u64 * 2 + 1, *s)?;
            }
            heap.set_slot(record.0, RECORD_CONSTANTS, page)?;
        }
        let root = self.root.0;
        let count = heap.slot(root, CLASS_COUNT)?.as_int().unwrap_or(0) as u64;
        let mut page = heap.slot(root, CLASSES)?;
        let capacity = heap.len(page.0)?;
        if count == capacity {
            let grown = heap.alloc(ids::PAGE, Kind::Slots, capacity * 2, capacity * 2)?;
            for k in 0..count {
                heap.set_slot(grown.0, k, heap.slot(page.0, k)?)?;
            }
            heap.set_slot(root, CLASSES, grown)?;
            page = grown;
        }
        heap.set_slot(page.0, count, record)?;
        heap.set_slot(root, CLASS_COUNT, Value::int(count as i32 + 1))
    }

    /// At a safepoint: the list of live threads (their states just saved) and the next
    /// thread id go into the system object.
    pub(crate) fn record_threads(&self, threads: &[&mut Thread]) -> Result<(), MemoryError> {
        let next = self.next_thread.load(std::sync::atomic::Ordering::Relaxed);
        let objects: Vec<Value> = threads.iter().map(|t| t.object).collect();
        let mut recorded = self.threads_recorded.lock().unwrap_or_else(|e| e.into_inner());
        if recorded.0 == objects && recorded.1 == next {
            // The heap holds this list already.
            return Ok(());
        }
        let n = threads.len() as u64;
        let page = self.heap.alloc(ids::PAGE, Kind::Slots, n, n)?;
        for (k, t) in threads.iter().enumerate() {
            self.heap.set_slot(page.0, k as u64, t.object)?;
        }
        self.heap.set_slot(self.root.0, THREADS, page)?;
        self.heap.set_slot(self.root.0, NEXT_THREAD, Value::int(next as i32))?;
        *recorded = (objects, next);
        Ok(())
    }

    /// Rebuilds the VM a formatted heap holds: its classes under their ids, with their
    /// objects and constants.
    fn reopen(
        memory: Box<dyn Memory>,
        out: Box<dyn std::io::Write + Send>,
        heap_limit: Option<u64>,
    ) -> Result<Vm, String> {
        let heap = Heap::open(memory, heap_limit).map_err(memory_error)?;
        let mut vm = Vm::with_heap(heap, out);
        let bad = |what: String| format!("damaged image: {what}");
        let root = vm.heap.root().map_err(memory_error)?;
        let root_ok = root.object().is_some_and(|r| {
            vm.heap.class_of(r).ok() == Some(ids::PAGE) && vm.heap.len(r).is_ok_and(|n| n >= ROOT_SLOTS_MIN)
        });
        if !root_ok {
            return Err(bad("no system object".into()));
        }
        vm.root = root;
        let slot = |k: u64| vm.heap.slot(root.0, k).map_err(memory_error);
        let version = slot(VERSION)?.as_int();
        if version != Some(IMAGE_VERSION) {
            return Err(format!(
                "the image has layout version {}, this phantom reads version {IMAGE_VERSION}",
                version.map_or("?".into(), |v| v.to_string())
            ));
        }
        let internal = slot(INTERNAL_COUNT)?.as_int().unwrap_or(-1);
        if internal != INTERNAL_CLASSES.len() as i32 {
            return Err(format!(
                "the image was made with {internal} internal classes, this phantom has {}",
                INTERNAL_CLASSES.len()
            ));
        }
        vm.boot = slot(BOOT)?;
        let count = slot(CLASS_COUNT)?.as_int().unwrap_or(-1);
        let page = slot(CLASSES)?;
        if count < INTERNAL_CLASSES.len() as i32 || page.object().is_none() {
            return Err(bad(format!("class registry of {count} classes")));
        }
        for id in 0..count as u64 {
            let class = vm.reopen_class(page.0, id).map_err(|e| bad(format!("class {id}: {e}")))?;
            vm.install(class);
        }
        // Where a full heap has no room for it, running out stays fatal.
        vm.out_of_memory =
            vm.heap.alloc_bytes(ids::STRING, crate::heap::OUT_OF_MEMORY.as_bytes()).unwrap_or(Value::NULL);
        let next = slot(NEXT_THREAD)?.as_int().unwrap_or(1).max(1);
        vm.next_thread.store(next as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(vm)
    }

    /// Links class `id` again from its record.
    fn reopen_class(&self, registry: u64, id: u64) -> Result<Class, String> {
        let heap = &self.heap;
        let record = heap.slot(registry, id).map_err(|e| e.0)?;
        let r = record.object().ok_or("no record")?;
        let name_value = heap.slot(r, RECORD_NAME).map_err(|e| e.0)?;
        let name = self.string_bytes(name_value).ok().flatten().ok_or("no name")?;
        let name = String::from_utf8_lossy(&name).into_owned();
        let object = heap.slot(r, RECORD_OBJECT).map_err(|e| e.0)?;
        if object.object().is_none_or(|o| heap.class_of(o).ok() != Some(ids::CLASS)) {
            return Err(format!("{name}: no class object"));
        }
        let file = heap.slot(r, RECORD_FILE).map_err(|e| e.0)?;
        let mut class = if (id as usize) < INTERNAL_CLASSES.len() {
            let expected = INTERNAL_CLASSES[id as usize].name;
            if name != expected {
                return Err(format!("internal class {name} where {expected} should be"));
            }
            Vm::internal_class(id as ClassId, object)
        } else if let Some(f) = file.object() {
            let bytes = heap.bytes(f).map_err(|e| e.0)?;
            let parsed = parse(&bytes, &name)?;
            let mut constants = HashMap::new();
            if let Some(c) = heap.slot(r, RECORD_CONSTANTS).map_err(|e| e.0)?.object() {
                let n = heap.len(c).map_err(|e| e.0)?;
                for k in 0..n / 2 {
                    let key = heap.slot(c, k * 2).map_err(|e| e.0)?.as_int().ok_or("constant id")?;
                    constants.insert(key as u32, heap.slot(c, k * 2 + 1).map_err(|e| e.0)?);
                }
            }
            if !self.names.read().unwrap_or_else(|e| e.into_inner()).contains_key(&parsed.parent) {
                return Err(format!("{name}: its parent {} is not registered before it", parsed.parent));
            }
            self.link(&parsed, id as ClassId, Some(constants))?
        } else {
            let fields = heap.slot(r, RECORD_FIELDS).map_err(|e| e.0)?.as_int().ok_or("field count")?;
            let methods_of = heap.slot(r, RECORD_METHODS_OF).map_err(|e| e.0)?.as_int().ok_or("method source")?;
            if methods_of < 0 || methods_of as u64 >= id {
                return Err(format!("{name}: methods of class {methods_of}"));
            }
            self.defined_class(id as ClassId, &name, fields.max(0) as u32, methods_of as ClassId)
        };
        class.object = object;
        Ok(class)
    }

    /// Hands every thread of the thread list to the scheduler, as the snapshot left it.
    fn restore_threads(&self) -> Result<(), String> {
        let list = self.root_slot(THREADS).map_err(|t| format!("{t:?}"))?;
        let Some(page) = list.object() else { return Ok(()) };
        let n = self.heap.len(page).map_err(memory_error)?;
        for k in 0..n {
            let object = self.heap.slot(page, k).map_err(memory_error)?;
            let thread = self.restore_thread(object).map_err(|t| match t {
                Trap::Fatal(m) => format!("thread {k}: {m}"),
                other => format!("thread {k}: {other:?}"),
            })?;
            if thread.park == Some(Park::Commit) {
                if let Some(image) = &self.image {
                    image.lock().committers.push(thread.id);
                }
            }
            self.sched.add_restored(thread);
        }
        Ok(())
    }

    /// `commit()`: parks `thread` until a snapshot holding it is durable (Ok(None)), or
    /// returns the generation such a snapshot got (when the thread runs the call again).
    /// Without an image there is nothing to wait for: 0.
    pub(crate) fn commit(&self, thread: &mut Thread, may_park: bool) -> crate::vm::Result<Option<u64>> {
        let Some(image) = &self.image else { return Ok(Some(0)) };
        let mut st = image.lock();
        if std::mem::take(&mut thread.resuming_wait) {
            if let Some(generation) = st.results.remove(&thread.id) {
                return Ok(Some(generation));
            }
        }
        if !may_park {
            return Err(self.throw_str("commit() inside a nested call cannot wait for a snapshot"));
        }
        st.committers.push(thread.id);
        image.changed.notify_all();
        thread.park(Park::Commit);
        thread.resuming_wait = true;
        Ok(None)
    }

    /// Takes a snapshot now: stops every thread at a safepoint (their states go into the
    /// heap), begins the store's snapshot, lets them go on, and writes it out while they run.
    /// Wakes the threads inside `commit()` it holds once it is durable. Returns its generation.
    pub fn snapshot(&self) -> Result<u64, String> {
        let image = self.image.as_ref().ok_or("this VM has no image")?;
        let started = self.now();
        let ((begun, batch), reach) = self.safepoint_saving(|_, saved| {
            if !saved {
                // A snapshot with a thread's state missing would resume it wrongly.
                return (
                    Err("out of heap memory: the threads' states do not fit".to_string()),
                    (Vec::new(), crate::outside::Batch::default()),
                );
            }
            let batch = std::mem::take(&mut image.lock().committers);
            // Exactly the output of the state this snapshot holds.
            let output = self.outside.seal();
            (image.store.begin_snapshot().map_err(|e| e.to_string()), (batch, output))
        });
        let (batch, output) = batch;
        let pause = self.now().saturating_sub(started);
        if begun.is_ok() {
            image.store.note_pause(pause);
        }
        let written = match begun {
            Ok(_) => image.store.write_snapshot().map_err(|e| e.to_string()).and_then(|r| {
                r.map(|r| r.generation).ok_or_else(|| "the snapshot was taken by another writer".to_string())
            }),
            Err(e) => Err(e),
        };
        // Pages the snapshot made clean may leave memory.
        let (before, after) = image.trim();
        let mut st = image.lock();
        st.stats.resident_max = st.stats.resident_max.max(before);
        match written {
            Ok(generation) => {
                st.stats.resident_after_trim_max = st.stats.resident_after_trim_max.max(after);
                st.stats.taken += 1;
                st.stats.record(pause, reach);
                st.stats.generation = generation;
                if st.remote_gate {
                    // `--replicate-sync`: they return once the object store has it too.
                    st.awaiting_remote.push((generation, batch));
                } else {
                    for id in batch {
                        st.results.insert(id, generation);
                        self.sched.wake(id);
                    }
                }
                drop(st);
                self.outside.release(output);
                Ok(generation)
            }
            Err(e) => {
                // Still inside commit(): the next snapshot holds them.
                st.stats.failed += 1;
                st.committers.extend(batch);
                self.outside.unseal(output);
                Err(e)
            }
        }
    }

    /// Runs every thread, with a snapshot every `interval` (if any), whenever a thread commits
    /// or one is requested, and a last one at the end: when every thread has finished, or on
    /// a requested shutdown. A failed snapshot is reported on standard error and retried; the
    /// last committed one stays the one a restart boots.
    pub fn run_persistent(&self, interval: Option<Duration>) -> Result<RunEnd, Uncaught> {
        let Some(image) = &self.image else {
            return Err(Uncaught { message: "this VM has no image".into(), backtrace: vec![] });
        };
        // Output held for a snapshot asks for one at once; those taken meanwhile group it.
        let wanted = Arc::clone(image);
        self.outside.on_output_held(Some(Arc::new(move || {
            wanted.lock().requested = true;
            wanted.changed.notify_all();
        })));
        let (failures, end) = std::thread::scope(|scope| {
            let snapshots = std::thread::Builder::new()
                .name("phantom-snapshots".into())
                .spawn_scoped(scope, || self.snapshot_loop(image, interval))
                .expect("spawning the snapshot thread");
            let failures = self.sched.run(self, self.workers);
            image.lock().finished = true;
            image.changed.notify_all();
            let end = snapshots.join().unwrap_or(Err("the snapshot thread panicked".into()));
            (failures, end)
        });
        self.outside.on_output_held(None);
        let end = end.map_err(|message| Uncaught { message, backtrace: vec![] })?;
        match crate::thread::merge_failures(failures) {
            Some(u) => Err(u),
            None => Ok(end),
        }
    }

    fn snapshot_loop(&self, image: &Image, interval: Option<Duration>) -> Result<RunEnd, String> {
        const RETRY: Duration = Duration::from_millis(500);
        let mut due = interval.map(|i| self.now() + i);
        let mut retry_at: Option<Duration> = None;
        let mut failing = false;
        loop {
            let (finished, shutdown) = {
                let mut st = image.lock();
                loop {
                    let now = self.now();
                    let may_retry = retry_at.is_none_or(|at| now >= at);
                    let wanted = st.requested || !st.committers.is_empty();
                    if st.finished || st.shutdown || (wanted && may_retry) || due.is_some_and(|d| now >= d) {
                        break;
                    }
                    let wake = [due, if wanted { retry_at } else { None }].into_iter().flatten().min();
                    st = match wake {
                        Some(at) => {
                            image.changed.wait_timeout(st, at.saturating_sub(now)).unwrap_or_else(|e| e.into_inner()).0
                        }
                        None => image.changed.wait(st).unwrap_or_else(|e| e.into_inner()),
                    };
                }
                st.requested = false;
                (st.finished, st.shutdown)
            };
            let result = self.snapshot();
            due = interval.map(|i| self.now() + i);
            match &result {
                Ok(generation) => {
                    if failing {
                        self.host().write_diagnostic(&format!(
                            "phantom: snapshots work again (snapshot {generation} committed)"
                        ));
                    }
                    failing = false;
                    retry_at = None;
                }
                Err(e) => {
                    if !failing {
                        self.host().write_diagnostic(&format!(
                            "phantom: snapshot failed: {e}; the last committed snapshot stays usable, retrying"
                        ));
                    }
                    failing = true;
                    retry_at = Some(self.now() + RETRY);
                }
            }
            if finished || shutdown {
                if shutdown {
                    self.sched.stop();
                }
                return match result {
                    Ok(_) if finished => Ok(RunEnd::Finished),
                    Ok(_) => Ok(RunEnd::ShutDown),
                    Err(e) => Err(format!("the final snapshot failed: {e}")),
                };
            }
        }
    }

    /// `open_image` with the clock of `host` (a simulation's): restored sleepers get their
    /// deadlines on its scale, so it must be set before the threads are.
    pub fn open_image_on(
        store: Store,
        out: Box<dyn std::io::Write + Send>,
        host: Arc<dyn phantom_host::Host>,
    ) -> Result<Vm, String> {
        if !Heap::is_formatted(&store) {
            return Err("the image holds no Phantom heap".into());
        }
        let mut vm = Vm::reopen(Box::new(store.clone()), out, None)?;
        vm.sched.clock.set(host);
        vm.image = Some(Arc::new(Image::new(store, vm.sched.clone())));
        vm.restore_threads()?;
        Ok(vm)
    }
}
