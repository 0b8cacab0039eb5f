//! Natives of `.internal.wasm`: WebAssembly modules (phantom-wasm) as heap objects.
//!
//! A wasm object's slots hold everything that outlives a process: the module's bytes, its
//! linear memory (a binary object, grown by doubling), the machine's saved state (globals,
//! table, and a call in progress: frames, value stack, position) and the program's WASI
//! state. A call runs in slices like bytecode: each slice runs the machine for the thread's
//! budget, saves its state into the heap, and yields with its call instruction still to run,
//! so a safepoint always finds the heap holding the machine as it is, and a restarted image
//! resumes it mid-loop. Between slices the decoded module and the live machine stay in
//! `Outside` (a cache; the heap is the truth). WASI's console is the VM's, its clocks the
//! host's, its files the mounts (through output commit when it is on).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use phantom_host::FileMode;
use phantom_wasm::wasi::{errno, Flow, Input, Stat, System, Wasi};
use phantom_wasm::{Kind as WasmKind, Machine, Module, Outcome};

use crate::args::{arg, can_park, int_arg, object_of, string_of};
use crate::class::ids;
use crate::cx::Cx;
use crate::heap::{Heap, Kind};
use crate::outside::{FileOp, LiveWasm};
use crate::sched::Park;
use crate::thread::{Num, Result, Thread, Trap};
use crate::value::Value;

const MODULE: u64 = 0;
const MEMORY: u64 = 1;
/// The memory's size in wasm pages (its binary may be larger: room to grow).
const PAGES: u64 = 2;
const MACHINE: u64 = 3;
const WASI: u64 = 4;
/// The id of the thread running a call, or null.
const OWNER: u64 = 5;
/// Tells this process's cache entry for the object from a stale one.
const SERIAL: u64 = 6;
/// What the call in progress is: `run` (a WASI program) or `call` (an export).
const CALLING: u64 = 7;
pub const WASM_SLOTS: u64 = 8;

/// A fresh instance no call has used yet (what `load` leaves).
const CALLING_NONE_YET: i32 = 0;
const CALLING_RUN: i32 = 1;
/// `CALLING_EXPORT + f`: a call of function `f`.
const CALLING_EXPORT: i32 = 2;

static SERIALS: AtomicU64 = AtomicU64::new(1);

/// Linear memory in a binary object of the heap.
struct HeapMemory<'h> {
    heap: &'h Heap,
    object: u64,
    base: u64,
    size: u64,
    capacity: u64,
}

impl<'h> HeapMemory<'h> {
    fn of(heap: &'h Heap, object: u64, pages: u64) -> std::result::Result<HeapMemory<'h>, String> {
        let capacity = heap.len(object).map_err(|e| e.to_string())?;
        let size = pages * phantom_wasm::PAGE;
        if size > capacity {
            return Err("the wasm memory object is smaller than its size".into());
        }
        Ok(HeapMemory { heap, object, base: heap.payload(object), size, capacity })
    }
}

fn new_binary(heap: &Heap, bytes: u64) -> std::result::Result<Value, crate::heap::MemoryError> {
    heap.alloc(ids::BINARY, Kind::Bytes, bytes, bytes.div_ceil(8))
}

impl phantom_wasm::Memory for HeapMemory<'_> {
    fn size(&self) -> u64 {
        self.size
    }
    #[inline(always)]
    fn load<const N: usize>(&mut self, addr: u64) -> std::result::Result<[u8; N], String> {
        let v = self.heap.load_le(self.base + addr, N as u64).map_err(|e| e.to_string())?;
        let mut out = [0u8; N];
        out.copy_from_slice(&v.to_le_bytes()[..N]);
        Ok(out)
    }
    #[inline(always)]
    fn store<const N: usize>(&mut self, addr: u64, bytes: [u8; N]) -> std::result::Result<(), String> {
        let mut word = [0u8; 8];
        word[..N].copy_from_slice(&bytes);
        self.heap.store_le(self.base + addr, N as u64, u64::from_le_bytes(word)).map_err(|e| e.to_string())
    }
    fn read(&mut self, addr: u64, buf: &mut [u8]) -> std::result::Result<(), String> {
        let bytes = self.heap.bytes_range(self.object, addr, addr + buf.len() as u64).map_err(|e| e.to_string())?;
        buf.copy_from_slice(&bytes);
        Ok(())
    }
    fn write(&mut self, addr: u64, data: &[u8]) -> std::result::Result<(), String> {
        self.heap.write_bytes(self.object, addr, data).map_err(|e| e.to_string())
    }
    fn grow(&mut self, bytes: u64) -> std::result::Result<bool, String> {
        if bytes <= self.capacity {
            // Bytes past the size were never written: still zero.
            self.size = bytes;
            return Ok(true);
        }
        let doubled = (self.capacity * 2).clamp(bytes, phantom_wasm::MAX_PAGES * phantom_wasm::PAGE);
        let fresh = match new_binary(self.heap, doubled).or_else(|_| new_binary(self.heap, bytes)) {
            Ok(v) => v.0,
            // A heap without room refuses the growth: memory.grow gives -1, as wasm allows.
            Err(e) if e.is_exhaustion() => return Ok(false),
            Err(e) => return Err(e.to_string()),
        };
        const STEP: u64 = 1 << 20;
        let mut at = 0;
        while at < self.size {
            let end = (at + STEP).min(self.size);
            let chunk = self.heap.bytes_range(self.object, at, end).map_err(|e| e.to_string())?;
            self.heap.write_bytes(fresh, at, &chunk).map_err(|e| e.to_string())?;
            at = end;
        }
        self.object = fresh;
        self.base = self.heap.payload(fresh);
        self.capacity = self.heap.len(fresh).map_err(|e| e.to_string())?;
        self.size = bytes;
        Ok(true)
    }
}

/// WASI's view of the VM.
struct VmSystem<'a, 'c> {
    cx: &'a Cx<'c>,
    thread: u64,
    may_park: bool,
}

fn io_errno(e: &std::io::Error) -> u16 {
    match e.kind() {
        std::io::ErrorKind::NotFound => errno::NOENT,
        std::io::ErrorKind::PermissionDenied => errno::ACCES,
        std::io::ErrorKind::AlreadyExists => errno::EXIST,
        std::io::ErrorKind::DirectoryNotEmpty => errno::NOTEMPTY,
        std::io::ErrorKind::NotADirectory => errno::NOTDIR,
        std::io::ErrorKind::IsADirectory => errno::ISDIR,
        _ => errno::IO,
    }
}

impl VmSystem<'_, '_> {
    fn path(&self, path: &str, for_change: bool) -> std::result::Result<std::path::PathBuf, u16> {
        self.cx.outside.host_path(path, for_change).map_err(|_| errno::NOTCAPABLE)
    }
    /// Under output commit, reads wait until held changes are applied.
    fn settle(&self) -> std::result::Result<(), u16> {
        if self.cx.outside.files_settled(self.thread) {
            Ok(())
        } else {
            Err(errno::WAIT)
        }
    }
    fn change(&self, op: FileOp) -> std::result::Result<(), u16> {
        self.cx.outside.change_files(op).map_err(|e| io_errno(&e))
    }
}

impl System for VmSystem<'_, '_> {
    fn console_write(&mut self, stream: u32, data: &[u8]) -> std::result::Result<(), u16> {
        if stream == 1 {
            self.cx.print(data).map_err(|_| errno::IO)
        } else {
            self.cx.host().write_error(data).map_err(|_| errno::IO)
        }
    }
    fn console_read(&mut self, max: usize) -> Input {
        match self.cx.next_bytes(self.thread, self.may_park, max) {
            Some(b) if b.is_empty() => Input::End,
            Some(b) => Input::Data(b),
            None => Input::Wait,
        }
    }
    fn clock_ns(&mut self, realtime: bool) -> u64 {
        if realtime {
            self.cx.host().wall_clock_ms() * 1_000_000
        } else {
            self.cx.now().as_nanos() as u64
        }
    }
    fn random(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let r = self.cx.host().random_u64().to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
    }
    fn stat(&mut self, path: &str) -> std::result::Result<Stat, u16> {
        self.settle()?;
        let host = self.path(path, false)?;
        let info = self.cx.host().file_info(&host).map_err(|e| io_errno(&e))?;
        Ok(Stat { directory: info.is_dir, size: info.len, modified_ns: 0 })
    }
    fn read_at(&mut self, path: &str, at: u64, max: usize) -> std::result::Result<Vec<u8>, u16> {
        self.settle()?;
        let host = self.path(path, false)?;
        let file = self
            .cx
            .host()
            .open_file(&host, FileMode { read: true, ..FileMode::default() })
            .map_err(|e| io_errno(&e))?;
        let mut buf = vec![0; max];
        let mut done = 0;
        while done < max {
            match file.read_at(&mut buf[done..], at + done as u64) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) => return Err(io_errno(&e)),
            }
        }
        buf.truncate(done);
        Ok(buf)
    }
    fn write_at(&mut self, path: &str, at: Option<u64>, data: &[u8]) -> std::result::Result<u64, u16> {
        let host = self.path(path, true)?;
        match at {
            Some(offset) => {
                self.change(FileOp::Write { path: host, offset, bytes: data.to_vec() })?;
                Ok(offset + data.len() as u64)
            }
            None => {
                let end = self.cx.host().file_info(&host).map(|i| i.len).unwrap_or(0);
                self.change(FileOp::Append { path: host, bytes: data.to_vec() })?;
                Ok(end + data.len() as u64)
            }
        }
    }
    fn create(&mut self, path: &str, _exclusive: bool) -> std::result::Result<(), u16> {
        let host = self.path(path, true)?;
        self.change(FileOp::Create { path: host, truncate: false })
    }
    fn set_size(&mut self, path: &str, size: u64) -> std::result::Result<(), u16> {
        let host = self.path(path, true)?;
        self.change(FileOp::SetLen { path: host, len: size })
    }
    fn list(&mut self, path: &str) -> std::result::Result<Vec<(String, bool)>, u16> {
        self.settle()?;
        let host = self.path(path, false)?;
        let entries = self.cx.host().list_dir(&host).map_err(|e| io_errno(&e))?;
        Ok(entries.into_iter().map(|e| (e.name, e.is_dir)).collect())
    }
    fn create_dir(&mut self, path: &str) -> std::result::Result<(), u16> {
        let host = self.path(path, true)?;
        if self.cx.host().file_info(&host).is_ok() {
            return Err(errno::EXIST);
        }
        self.change(FileOp::CreateDir { path: host })
    }
    fn remove(&mut self, path: &str, directory: bool) -> std::result::Result<(), u16> {
        self.settle()?;
        let host = self.path(path, true)?;
        let info = self.cx.host().file_info(&host).map_err(|e| io_errno(&e))?;
        match (info.is_dir, directory) {
            (true, false) => return Err(errno::ISDIR),
            (false, true) => return Err(errno::NOTDIR),
            (true, true) if !self.cx.host().list_dir(&host).map_err(|e| io_errno(&e))?.is_empty() => {
                return Err(errno::NOTEMPTY)
            }
            _ => {}
        }
        self.change(FileOp::Remove { path: host })
    }
    fn rename(&mut self, from: &str, to: &str) -> std::result::Result<(), u16> {
        let (a, b) = (self.path(from, true)?, self.path(to, true)?);
        self.change(FileOp::Rename { from: a, to: b })
    }
}

fn wasm_object(cx: &Cx, this: Value) -> Result<u64> {
    let o = object_of(cx, this, ids::WASM, "wasm instance (.internal.wasm)")?;
    if cx.heap.len(o)? < WASM_SLOTS {
        return Err(cx.throw_str("wasm object made by an older VM; make a new one"));
    }
    Ok(o)
}

fn throw_error(cx: &Cx, what: &str, e: impl std::fmt::Display) -> Trap {
    cx.throw_str(&format!("wasm: {what}: {e}"))
}

/// The live instance of `o`: this process's cached one, or one rebuilt from the heap.
fn live(cx: &Cx, o: u64) -> Result<LiveWasm> {
    let serial = cx.heap.slot(o, SERIAL)?.as_int();
    if let Some(entry) = cx.outside.take_wasm(o) {
        if Some(entry.serial) == serial {
            return Ok(entry);
        }
    }
    let module_value = cx.heap.slot(o, MODULE)?;
    let Some(module_object) = module_value.object() else {
        return Err(cx.throw_str("wasm: no module loaded (call load first)"));
    };
    let bytes = cx.heap.bytes(module_object)?;
    let module = Arc::new(Module::new(&bytes).map_err(|e| throw_error(cx, "the module", e))?);
    let machine = match cx.heap.slot(o, MACHINE)?.object() {
        Some(saved) => {
            let raw = cx.heap.bytes(saved)?;
            let words: Vec<u64> =
                raw.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes"))).collect();
            let count = words.first().copied().unwrap_or(0) as usize;
            let words = words.get(1..1 + count).ok_or_else(|| cx.throw_str("wasm: the saved machine is damaged"))?;
            Machine::restore(&module, words).map_err(|e| throw_error(cx, "restoring", e))?
        }
        None => Machine::default(),
    };
    let wasi = match cx.heap.slot(o, WASI)?.object() {
        Some(saved) => Some(
            Wasi::restore(&cx.heap.bytes(saved)?)
                .ok_or_else(|| cx.throw_str("wasm: the saved WASI state is damaged"))?,
        ),
        None => None,
    };
    let serial = new_serial(cx, o)?;
    Ok(LiveWasm { serial, module, machine, wasi })
}

/// Gives the object a serial no cache entry of this process has had.
fn new_serial(cx: &Cx, o: u64) -> Result<i32> {
    let serial = (SERIALS.fetch_add(1, Ordering::Relaxed) & 0x3fff_ffff) as i32;
    cx.heap.set_slot(o, SERIAL, Value::int(serial))?;
    Ok(serial)
}

/// A program's WASI: `args`, the kernel environment and the mounts as its directories.
fn new_wasi(cx: &Cx, args: Vec<Vec<u8>>) -> Wasi {
    let mounts: Vec<String> = cx.outside.mounts().into_iter().map(|m| m.name).collect();
    let env = cx.kernel_environment().into_iter().map(String::into_bytes).collect();
    Wasi::new(args, env, &mounts)
}

/// Writes the machine (and WASI state) into the heap: the state a safepoint finds.
fn save(cx: &Cx, o: u64, entry: &LiveWasm) -> Result<()> {
    let words = entry.machine.save(&entry.module);
    let mut bytes = Vec::with_capacity(8 + words.len() * 8);
    bytes.extend_from_slice(&(words.len() as u64).to_le_bytes());
    for w in &words {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    store_binary(cx, o, MACHINE, &bytes)?;
    if let Some(wasi) = &entry.wasi {
        store_binary(cx, o, WASI, &wasi.save())?;
    }
    Ok(())
}

/// Puts `bytes` at the start of the binary in `slot`, reusing it when it is large enough.
fn store_binary(cx: &Cx, o: u64, slot: u64, bytes: &[u8]) -> Result<()> {
    if let Some(existing) = cx.heap.slot(o, slot)?.object() {
        if cx.heap.len(existing)? >= bytes.len() as u64 {
            cx.heap.write_bytes(existing, 0, bytes)?;
            return Ok(());
        }
    }
    let fresh = new_binary(cx.heap, (bytes.len() as u64 * 2).next_multiple_of(64))?;
    cx.heap.write_bytes(fresh.0, 0, bytes)?;
    cx.heap.set_slot(o, slot, fresh)?;
    Ok(())
}

fn memory_of<'h>(cx: &'h Cx, o: u64) -> Result<HeapMemory<'h>> {
    let object = cx.heap.slot(o, MEMORY)?.object().ok_or_else(|| cx.throw_str("wasm: no module loaded"))?;
    let pages = cx.heap.slot(o, PAGES)?.as_int().unwrap_or(0) as u64;
    HeapMemory::of(cx.heap, object, pages).map_err(|e| throw_error(cx, "memory", e))
}

/// Records a memory that grew (a new binary, or the same one with more pages).
fn keep_memory(cx: &Cx, o: u64, memory: &HeapMemory) -> Result<()> {
    if cx.heap.slot(o, MEMORY)?.object() != Some(memory.object) {
        cx.heap.set_slot(o, MEMORY, Value::from_ref(memory.object))?;
    }
    cx.heap.set_slot(o, PAGES, Value::int((memory.size / phantom_wasm::PAGE) as i32))?;
    Ok(())
}

/// load(bytes): decodes and validates a module (a string or binary of its bytes) and makes a
/// fresh instance of it: memory, data, globals, table.
pub fn wasm_load(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    if !cx.heap.slot(o, OWNER)?.is_null() {
        return Err(cx.throw_str("wasm: load while the instance is running a call"));
    }
    let source = arg(cx, args, 0)?;
    let bytes = string_of(cx, source).or_else(|_| {
        let b = object_of(cx, source, ids::BINARY, "the module's bytes (a string or a binary)")?;
        Ok::<_, Trap>(cx.heap.bytes(b)?)
    })?;
    let module = Arc::new(Module::new(&bytes).map_err(|e| throw_error(cx, "invalid module", e))?);
    let module_object = cx.heap.alloc_bytes(ids::BINARY, &bytes)?;
    cx.heap.set_slot(o, MODULE, module_object)?;
    instantiate(cx, o, module)?;
    Ok(Value::NULL)
}

/// A fresh instance of `module` in `o`'s slots.
fn instantiate(cx: &Cx, o: u64, module: Arc<Module>) -> Result<LiveWasm> {
    let initial = module.initial_memory();
    let memory_object = new_binary(cx.heap, initial.max(8)).map_err(|e| match e.is_exhaustion() {
        true => cx.throw_str(&format!(
            "wasm: the module's memory starts at {} MiB, more than the heap has room for ({} MiB; phantom run --heap-mib sets it)",
            initial >> 20,
            cx.heap.capacity() >> 20
        )),
        false => Trap::from(e),
    })?;
    cx.heap.set_slot(o, MEMORY, memory_object)?;
    cx.heap.set_slot(o, PAGES, Value::int(0))?;
    let mut memory = memory_of(cx, o)?;
    let machine = Machine::instantiate(&module, &mut memory).map_err(|e| throw_error(cx, "instantiating", e))?;
    keep_memory(cx, o, &memory)?;
    let serial = new_serial(cx, o)?;
    cx.heap.set_slot(o, WASI, Value::NULL)?;
    cx.heap.set_slot(o, CALLING, Value::int(CALLING_NONE_YET))?;
    let entry = LiveWasm { serial, module, machine, wasi: None };
    save(cx, o, &entry)?;
    Ok(entry)
}

/// run(args): runs the module as a WASI program (its `_start`), with `args` (strings: the
/// program's name first) as its arguments and the mounts as its preopened directories;
/// returns its exit status. A fresh instance each time.
pub fn wasm_run(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    if cx.heap.slot(o, OWNER)?.is_null() {
        let program_args = strings_of(cx, arg(cx, args, 0)?)?;
        let entry = live(cx, o)?;
        let module = Arc::clone(&entry.module);
        if let Err(missing) = Wasi::check_imports(&module) {
            return Err(
                cx.throw_str(&format!("wasm: the module imports {}, which Phantom does not provide", missing.0))
            );
        }
        let start =
            module.export_function("_start").ok_or_else(|| cx.throw_str("wasm: the module exports no _start"))?;
        // A program runs on a fresh instance: the one `load` made, if no call used it yet.
        let mut entry = match cx.heap.slot(o, CALLING)?.as_int() {
            Some(CALLING_NONE_YET) => entry,
            _ => {
                drop(entry);
                cx.heap.set_slot(o, MEMORY, Value::NULL)?;
                instantiate(cx, o, module)?
            }
        };
        entry.wasi = Some(new_wasi(cx, program_args));
        entry.machine.call(&entry.module, start, &[]).map_err(|e| throw_error(cx, "_start", e))?;
        begin(cx, thread, o, CALLING_RUN, &entry)?;
        cx.outside.keep_wasm(o, entry);
    }
    continue_call(cx, thread, o)
}

/// call(name, args): calls the export `name` with `args` (an array of numbers, converted to
/// its parameters' types); returns its first result (int, long, float or double), or null.
pub fn wasm_call(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    if cx.heap.slot(o, OWNER)?.is_null() {
        let name = String::from_utf8_lossy(&string_of(cx, arg(cx, args, 0)?)?).into_owned();
        let values = match args.get(1) {
            Some(v) if !v.is_null() => items(cx, *v)?,
            _ => Vec::new(),
        };
        let mut entry = live(cx, o)?;
        let func = entry.module.export_function(&name).ok_or_else(|| {
            let all = entry.module.exported_functions().join(", ");
            cx.throw_str(&format!("wasm: no exported function {name:?} (it exports: {all})"))
        })?;
        let signature = entry.module.signature_of(func).clone();
        if values.len() != signature.params.len() {
            let n = signature.params.len();
            cx.outside.keep_wasm(o, entry);
            return Err(cx.throw_str(&format!("wasm: {name} takes {n} arguments, not {}", values.len())));
        }
        let mut raw = Vec::with_capacity(values.len());
        for (v, kind) in values.iter().zip(&signature.params) {
            let Some(n) = cx.unbox_any(*v)? else {
                cx.outside.keep_wasm(o, entry);
                return Err(cx.throw_str(&format!("wasm: {name}: {} is not a number", cx.describe(*v))));
            };
            raw.push(match kind {
                WasmKind::I32 => n.as_i64() as u32 as u64,
                WasmKind::I64 => n.as_i64() as u64,
                WasmKind::F32 => n.as_f32().to_bits() as u64,
                WasmKind::F64 => n.as_f64().to_bits(),
            });
        }
        if entry.wasi.is_none() {
            entry.wasi = Some(new_wasi(cx, vec![b"phantom".to_vec()]));
        }
        entry.machine.call(&entry.module, func, &raw).map_err(|e| throw_error(cx, &name, e))?;
        begin(cx, thread, o, CALLING_EXPORT + func as i32, &entry)?;
        cx.outside.keep_wasm(o, entry);
    }
    continue_call(cx, thread, o)
}

fn begin(cx: &Cx, thread: &Thread, o: u64, calling: i32, entry: &LiveWasm) -> Result<()> {
    cx.heap.set_slot(o, OWNER, Value::int(thread.id as i32))?;
    cx.heap.set_slot(o, CALLING, Value::int(calling))?;
    save(cx, o, entry)
}

/// Runs the call in progress for this slice: to its end, to a wait, or to the end of the
/// budget (then it yields with the call still to run).
fn continue_call(cx: &Cx, thread: &mut Thread, o: u64) -> Result<Value> {
    let owner = cx.heap.slot(o, OWNER)?.as_int();
    if owner != Some(thread.id as i32) {
        return Err(cx.throw_str(&format!("wasm: the instance is running a call in thread {}", owner.unwrap_or(-1))));
    }
    let mut entry = live(cx, o)?;
    let may_park = can_park(thread);
    let mut memory = memory_of(cx, o)?;
    let mut budget = thread.budget.max(1_000);
    let outcome = loop {
        if let Some(import) = entry.machine.pending_import() {
            let module = Arc::clone(&entry.module);
            let imported = &module.imports[import as usize];
            let params = module.signature_of(import).params.len();
            let call_args = entry.machine.host_args(params).to_vec();
            let mut system = VmSystem { cx, thread: thread.id, may_park };
            let wasi = entry.wasi.as_mut().expect("a call has WASI");
            let flow = if Wasi::provides(&imported.module) {
                wasi.call(&imported.name, &call_args, &mut memory, &mut system)
            } else {
                Err(phantom_wasm::wasi::Missing(format!("{}.{}", imported.module, imported.name)))
            };
            match flow {
                Ok(Flow::Return(results)) => entry.machine.host_return(&results),
                Ok(Flow::Exit(code)) => break Ok(Outcome::Done(vec![code as u64])),
                Ok(Flow::Wait) if may_park => {
                    park_with(cx, thread, o, &entry, &memory, Park::External)?;
                    cx.outside.keep_wasm(o, entry);
                    return Err(Trap::Retry);
                }
                Ok(Flow::Sleep(ns)) if may_park => {
                    let at = cx.now() + std::time::Duration::from_nanos(ns);
                    park_with(cx, thread, o, &entry, &memory, Park::Until(at))?;
                    cx.outside.keep_wasm(o, entry);
                    return Err(Trap::Retry);
                }
                Ok(Flow::Wait | Flow::Sleep(_)) => {
                    // A nested call cannot park: spin on the host.
                    cx.host().yield_now();
                }
                Err(missing) => {
                    break Err(format!("the WASI function {} is not available in Phantom", missing.0));
                }
            }
            continue;
        }
        match entry.machine.run(&entry.module, &mut memory, &mut budget) {
            Ok(Outcome::Budget) if may_park => {
                keep_memory(cx, o, &memory)?;
                save(cx, o, &entry)?;
                cx.outside.keep_wasm(o, entry);
                thread.budget = 0;
                return Err(Trap::Retry);
            }
            Ok(Outcome::Budget) => budget = 10_000,
            Ok(Outcome::Host { .. }) => {}
            Ok(done @ Outcome::Done(_)) => break Ok(done),
            Err(trap) => break Err(trap.to_string()),
        }
    };
    // The call is over: whatever it ended with, the instance is free again.
    keep_memory(cx, o, &memory)?;
    let calling = cx.heap.slot(o, CALLING)?.as_int();
    entry.machine.reset();
    save(cx, o, &entry)?;
    cx.heap.set_slot(o, OWNER, Value::NULL)?;
    cx.heap.set_slot(o, CALLING, Value::NULL)?;
    let func_results = match outcome {
        Ok(Outcome::Done(results)) => results,
        Ok(_) => Vec::new(),
        Err(why) => {
            cx.outside.keep_wasm(o, entry);
            return Err(cx.throw_str(&format!("wasm: {why}")));
        }
    };
    let result = match calling {
        Some(CALLING_RUN) | None => Value::int(func_results.first().copied().unwrap_or(0) as i32),
        Some(c) => first_result(cx, &entry, (c - CALLING_EXPORT) as u32, &func_results)?,
    };
    cx.outside.keep_wasm(o, entry);
    Ok(result)
}

/// Function `func`'s first result as a Phantom number.
fn first_result(cx: &Cx, entry: &LiveWasm, func: u32, results: &[u64]) -> Result<Value> {
    let (Some(&raw), Some(kind)) = (results.first(), entry.module.signature_of(func).results.first()) else {
        return Ok(Value::NULL);
    };
    let n = match kind {
        WasmKind::I32 => Num::I(raw as u32 as i32),
        WasmKind::I64 => Num::L(raw as i64),
        WasmKind::F32 => Num::F(f32::from_bits(raw as u32)),
        WasmKind::F64 => Num::D(f64::from_bits(raw)),
    };
    Ok(n.boxed(cx.heap)?)
}

fn park_with(cx: &Cx, thread: &mut Thread, o: u64, entry: &LiveWasm, memory: &HeapMemory, park: Park) -> Result<()> {
    keep_memory(cx, o, memory)?;
    save(cx, o, entry)?;
    thread.park(park);
    Ok(())
}

fn items(cx: &Cx, array: Value) -> Result<Vec<Value>> {
    (0..crate::array::array_len(cx, array)?).map(|k| crate::array::array_get_at(cx, array, k as i32)).collect()
}

fn strings_of(cx: &Cx, v: Value) -> Result<Vec<Vec<u8>>> {
    if v.is_null() {
        return Ok(vec![b"program".to_vec()]);
    }
    items(cx, v)?.into_iter().map(|s| string_of(cx, s)).collect()
}

/// read(addr, len): bytes of linear memory as a string.
pub fn wasm_read(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    let (addr, len) = (int_arg(cx, args, 0)? as u32 as u64, int_arg(cx, args, 1)?);
    let memory = memory_of(cx, o)?;
    if len < 0 || addr + len as u64 > memory.size {
        return Err(cx.throw_str(&format!("wasm: read of {len} bytes at {addr} is outside the memory")));
    }
    let bytes = cx.heap.bytes_range(memory.object, addr, addr + len as u64)?;
    cx.new_string(&bytes)
}

/// write(addr, bytes): copies a string's bytes into linear memory.
pub fn wasm_write(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    let addr = int_arg(cx, args, 0)? as u32 as u64;
    let bytes = string_of(cx, arg(cx, args, 1)?)?;
    let memory = memory_of(cx, o)?;
    if addr + bytes.len() as u64 > memory.size {
        return Err(cx.throw_str(&format!("wasm: write of {} bytes at {addr} is outside the memory", bytes.len())));
    }
    cx.heap.write_bytes(memory.object, addr, &bytes)?;
    Ok(Value::NULL)
}

/// exports(): the names of the exported functions.
pub fn wasm_exports(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    let entry = live(cx, o)?;
    let names: Vec<String> = entry.module.exported_functions().into_iter().map(str::to_string).collect();
    cx.outside.keep_wasm(o, entry);
    let items = names.iter().map(|n| cx.new_string(n.as_bytes())).collect::<Result<Vec<_>>>()?;
    cx.new_array_of(thread, &items)
}

/// memorySize(): linear memory's size in bytes.
pub fn wasm_memory_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = wasm_object(cx, this)?;
    let pages = cx.heap.slot(o, PAGES)?.as_int().unwrap_or(0);
    Ok(Value::int(pages.saturating_mul(phantom_wasm::PAGE as i32)))
}
