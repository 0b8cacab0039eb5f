//! The outside world: sockets, files and the output held for a snapshot, as host-side state
//! the natives reach by handle. Nothing here is in the heap, so none of it outlives the
//! process: heap objects name their socket by a handle and the process's *incarnation*, and a
//! handle of an earlier process is known to be stale.
//!
//! Blocking never holds a worker: each socket has host helper threads (a reader that reads
//! ahead into a bounded inbox, a writer that drains an outbox, an acceptor for a listener), and
//! a VM thread that finds nothing to take registers itself and parks; the helper wakes it and
//! the native runs again. With output commit, what programs send or write to files is held
//! here until the snapshot that holds the state which produced it is durable (`seal` at the
//! snapshot's safepoint, `release` once it is written).

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use phantom_host::{Connection, Datagram, FileMode, Host, Listener, Parker};

use crate::sched::Scheduler;

/// Bytes a reader reads ahead of the program, per connection.
const READ_AHEAD: usize = 256 << 10;
/// Bytes a program may queue on a connection before `send` waits for the writer.
pub const SEND_QUEUE_LIMIT: usize = 4 << 20;
/// Connections a listener accepts ahead of the program.
const ACCEPT_AHEAD: usize = 128;
/// A helper's host stack.
const HELPER_STACK: usize = 256 << 10;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// What a non-blocking attempt found.
pub enum Poll<T> {
    Ready(T),
    /// Nothing yet: the thread was registered and will be woken.
    Pending,
}

/// A host directory mounted into the system under a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    pub name: String,
    pub dir: PathBuf,
    pub read_only: bool,
}

impl Mount {
    /// Parses `NAME=HOSTDIR[:ro]`.
    pub fn parse(spec: &str) -> Result<Mount, String> {
        let (name, rest) = spec.split_once('=').ok_or_else(|| format!("mount `{spec}`: expected NAME=HOSTDIR[:ro]"))?;
        if name.is_empty() || name.contains('/') || name == "." || name == ".." {
            return Err(format!("mount `{spec}`: the name must be one path component"));
        }
        let (dir, read_only) = match rest.strip_suffix(":ro") {
            Some(d) => (d, true),
            None => (rest.strip_suffix(":rw").unwrap_or(rest), false),
        };
        if dir.is_empty() {
            return Err(format!("mount `{spec}`: no host directory"));
        }
        Ok(Mount { name: name.to_string(), dir: PathBuf::from(dir), read_only })
    }

    /// The form `parse` reads.
    pub fn spec(&self) -> String {
        format!("{}={}{}", self.name, self.dir.display(), if self.read_only { ":ro" } else { "" })
    }
}

/// A change to a mounted file system (held under output commit, like bytes sent).
#[derive(Debug)]
pub enum FileOp {
    Write { path: PathBuf, offset: u64, bytes: Vec<u8> },
    Append { path: PathBuf, bytes: Vec<u8> },
    Create { path: PathBuf, truncate: bool },
    Remove { path: PathBuf },
    Rename { from: PathBuf, to: PathBuf },
    CreateDir { path: PathBuf },
    SetLen { path: PathBuf, len: u64 },
}

impl FileOp {
    fn apply(&self, host: &dyn Host) -> std::io::Result<()> {
        let write = FileMode { write: true, create: true, ..FileMode::default() };
        match self {
            FileOp::Write { path, offset, bytes } => host.open_file(path, write)?.write_all_at(bytes, *offset),
            FileOp::Append { path, bytes } => {
                let file = host.open_file(path, write)?;
                file.write_all_at(bytes, file.len()?)
            }
            FileOp::Create { path, truncate } => {
                host.open_file(path, FileMode { truncate: *truncate, ..write }).map(drop)
            }
            FileOp::Remove { path } => host.remove(path),
            FileOp::Rename { from, to } => host.rename(from, to),
            FileOp::CreateDir { path } => host.create_dir(path),
            FileOp::SetLen { path, len } => {
                host.open_file(path, FileMode { write: true, ..FileMode::default() })?.set_len(*len)
            }
        }
    }
}

enum Item {
    Bytes(Arc<Stream>, Vec<u8>),
    Close(Arc<Stream>),
    Datagram(Arc<Socket>, SocketAddr, Vec<u8>),
    File(FileOp),
}

/// Output sealed at a snapshot's safepoint, released when that snapshot is durable.
#[derive(Default)]
pub struct Batch(Vec<Item>);

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Default)]
struct Held {
    items: Vec<Item>,
    /// File changes held or sealed, not yet applied: file reads wait for them.
    file_ops: usize,
    file_waiters: Vec<u64>,
}

/// The process's sockets and mounts.
pub struct Outside {
    sched: Arc<Scheduler>,
    /// Tells heap objects of this process from those of earlier ones.
    pub incarnation: i32,
    next_handle: AtomicI32,
    /// Sockets by handle, each with the offset of the heap object that owns it.
    handles: Mutex<HashMap<i32, (Resource, u64)>>,
    mounts: RwLock<Vec<Mount>>,
    output_commit: AtomicBool,
    held: Mutex<Held>,
    /// Asks for a snapshot (set by the image's runner): output is waiting for one.
    snapshot_wanted: Mutex<Option<Arc<dyn Fn() + Send + Sync>>>,
    /// Results of blocking host calls run on a helper, by thread id.
    jobs: Arc<JobTable>,
    /// Deadlines of timed waits in progress, by thread id.
    deadlines: Mutex<HashMap<u64, Duration>>,
    /// The screen the windows are shown on, and their input.
    pub screen: crate::screen::Screen,
    /// Wasm instances between two slices of a call, by their object's offset: a cache of what
    /// their objects hold (`wasm`).
    wasm: Mutex<HashMap<u64, LiveWasm>>,
    /// The status the process exits with once every thread has finished (boot 27).
    pub exit_status: AtomicI32,
}

/// A wasm instance as this process runs it: the decoded module, the machine and the WASI
/// state, equal to what its object holds. `serial` tells it from an object that died and
/// whose offset was reused.
pub struct LiveWasm {
    pub serial: i32,
    pub module: Arc<phantom_wasm::Module>,
    pub machine: phantom_wasm::Machine,
    pub wasi: Option<phantom_wasm::wasi::Wasi>,
}

/// A socket of the process, by handle.
#[derive(Clone)]
pub enum Resource {
    Listener(Arc<Acceptor>),
    Stream(Arc<Stream>),
    Socket(Arc<Socket>),
}

impl Outside {
    pub fn new(sched: Arc<Scheduler>) -> Outside {
        let incarnation = (sched.clock.host().random_u64() as i32 & 0x3fff_ffff) | 1;
        Outside {
            sched,
            incarnation,
            next_handle: AtomicI32::new(1),
            handles: Mutex::default(),
            mounts: RwLock::default(),
            output_commit: AtomicBool::new(false),
            held: Mutex::default(),
            snapshot_wanted: Mutex::default(),
            jobs: Arc::default(),
            deadlines: Mutex::default(),
            screen: crate::screen::Screen::default(),
            wasm: Mutex::default(),
            exit_status: AtomicI32::new(0),
        }
    }

    pub fn scheduler(&self) -> &Arc<Scheduler> {
        &self.sched
    }

    /// The deadline of thread `id`'s timed wait: the one set at its first wait, else `at`.
    pub fn deadline(&self, id: u64, at: Duration) -> Duration {
        *lock(&self.deadlines).entry(id).or_insert(at)
    }

    pub fn clear_deadline(&self, id: u64) {
        lock(&self.deadlines).remove(&id);
    }

    fn host(&self) -> Arc<dyn Host> {
        self.sched.clock.shared().clone()
    }

    /// Holds network and file output until a durable snapshot holds what produced it.
    pub fn set_output_commit(&self, on: bool) {
        self.output_commit.store(on, Ordering::Relaxed);
    }

    pub fn output_commit(&self) -> bool {
        self.output_commit.load(Ordering::Relaxed)
    }

    /// What to call when output starts waiting for a snapshot.
    pub fn on_output_held(&self, f: Option<Arc<dyn Fn() + Send + Sync>>) {
        *lock(&self.snapshot_wanted) = f;
    }

    /// Gives `r` a handle, owned by the heap object at `owner`: when the collector finds that
    /// object unreachable, the socket is closed (`close_unreachable`).
    pub fn register(&self, r: Resource, owner: u64) -> i32 {
        let h = self.next_handle.fetch_add(1, Ordering::Relaxed);
        lock(&self.handles).insert(h, (r, owner));
        h
    }

    pub fn resource(&self, handle: i32) -> Option<Resource> {
        lock(&self.handles).get(&handle).map(|(r, _)| r.clone())
    }

    pub fn unregister(&self, handle: i32) -> Option<Resource> {
        lock(&self.handles).remove(&handle).map(|(r, _)| r)
    }

    /// Closes the sockets whose objects are garbage (`dead(offset)`), as a program that
    /// dropped one without `disconnect` would want: at the end of a collection's marking.
    pub fn close_unreachable(&self, dead: impl Fn(u64) -> bool) -> usize {
        let gone: Vec<Resource> = {
            let mut handles = lock(&self.handles);
            let keys: Vec<i32> = handles.iter().filter(|(_, (_, o))| dead(*o)).map(|(&h, _)| h).collect();
            keys.iter().filter_map(|h| handles.remove(h)).map(|(r, _)| r).collect()
        };
        for r in &gone {
            match r {
                Resource::Stream(s) => self.close(s),
                Resource::Listener(l) => l.close(),
                Resource::Socket(s) => s.close(),
            }
        }
        gone.len()
    }

    // Wasm instances.

    /// The cached instance of the wasm object at `object`, taken out for a slice.
    pub fn take_wasm(&self, object: u64) -> Option<LiveWasm> {
        lock(&self.wasm).remove(&object)
    }

    /// Keeps an instance for its next slice (a few dozen at most: the heap can rebuild any).
    pub fn keep_wasm(&self, object: u64, live: LiveWasm) {
        let mut cache = lock(&self.wasm);
        if cache.len() >= 64 {
            cache.clear();
        }
        cache.insert(object, live);
    }

    // Mounts.

    pub fn set_mounts(&self, mounts: Vec<Mount>) {
        *self.mounts.write().unwrap_or_else(|e| e.into_inner()) = mounts;
    }

    pub fn mounts(&self) -> Vec<Mount> {
        self.mounts.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The host path of `path` (`MOUNT/relative/path`), refusing anything that would leave its
    /// mount: absolute paths, `..`, and symbolic links that lead outside.
    pub fn host_path(&self, path: &str, for_change: bool) -> Result<PathBuf, String> {
        if path.starts_with('/') {
            return Err(format!("{path}: absolute paths are refused; a path starts with a mount's name"));
        }
        if path.contains('\0') {
            return Err("a path may not contain a NUL byte".into());
        }
        let mut parts = Path::new(path).components();
        let name = match parts.next() {
            Some(Component::Normal(n)) => n.to_string_lossy().into_owned(),
            _ => return Err(format!("{path:?}: a path starts with a mount's name")),
        };
        let mount = self
            .mounts()
            .into_iter()
            .find(|m| m.name == name)
            .ok_or_else(|| format!("{path}: no mount named {name:?} (mounts are given with --mount NAME=DIR)"))?;
        if for_change && mount.read_only {
            return Err(format!("{path}: mount {name:?} is read-only"));
        }
        let mut host_path = mount.dir.clone();
        for part in parts {
            match part {
                Component::Normal(p) => host_path.push(p),
                Component::CurDir => {}
                _ => return Err(format!("{path}: `..` is refused: a path may not leave its mount")),
            }
        }
        // Follow links as the host will: the deepest part that exists must stay inside.
        let host = self.host();
        let root =
            host.canonicalize(&mount.dir).map_err(|e| format!("mount {name:?} ({}): {e}", mount.dir.display()))?;
        let mut probe = host_path.as_path();
        loop {
            match host.canonicalize(probe) {
                Ok(real) if real.starts_with(&root) => break,
                Ok(_) => return Err(format!("{path}: a symbolic link leads outside mount {name:?}; refused")),
                Err(_) => match probe.parent() {
                    Some(parent) if parent.starts_with(&mount.dir) => probe = parent,
                    _ => break,
                },
            }
        }
        if host.file_info(&host_path).is_ok_and(|i| i.is_symlink) && host.canonicalize(&host_path).is_err() {
            return Err(format!("{path}: a dangling symbolic link; refused"));
        }
        Ok(host_path)
    }

    /// Runs a change to a mounted file system now, or holds it under output commit.
    pub fn change_files(&self, op: FileOp) -> std::io::Result<()> {
        if self.output_commit() {
            self.hold(Item::File(op));
            return Ok(());
        }
        op.apply(&*self.host())
    }

    /// Whether every held file change has been applied; if not, registers `waiter`.
    pub fn files_settled(&self, waiter: u64) -> bool {
        let mut held = lock(&self.held);
        if held.file_ops == 0 {
            return true;
        }
        held.file_waiters.push(waiter);
        false
    }

    // Output commit.

    fn hold(&self, item: Item) {
        let mut held = lock(&self.held);
        if matches!(item, Item::File(_)) {
            held.file_ops += 1;
        }
        let first = held.items.is_empty();
        held.items.push(item);
        drop(held);
        if first {
            if let Some(f) = lock(&self.snapshot_wanted).clone() {
                f();
            }
        }
    }

    /// Whether output waits for a snapshot.
    pub fn output_waiting(&self) -> bool {
        !lock(&self.held).items.is_empty()
    }

    /// Takes the output held so far: called at a snapshot's safepoint, so exactly the output
    /// of the state the snapshot holds.
    pub fn seal(&self) -> Batch {
        Batch(std::mem::take(&mut lock(&self.held).items))
    }

    /// The snapshot failed: its output waits for the next one, ahead of newer output.
    pub fn unseal(&self, batch: Batch) {
        let mut held = lock(&self.held);
        let newer = std::mem::replace(&mut held.items, batch.0);
        held.items.extend(newer);
    }

    /// The snapshot holding `batch`'s producers is durable: let its output out, in order.
    pub fn release(&self, batch: Batch) {
        let host = self.host();
        let mut files = 0;
        for item in batch.0 {
            match item {
                Item::Bytes(stream, bytes) => stream.queue(&self.sched, bytes),
                Item::Close(stream) => stream.close_after_output(&self.sched),
                Item::Datagram(socket, to, bytes) => {
                    let _ = socket.sock.send_to(&bytes, to);
                }
                Item::File(op) => {
                    files += 1;
                    if let Err(e) = op.apply(&*host) {
                        host.write_diagnostic(&format!("phantom: a held file change failed: {op:?}: {e}"));
                    }
                }
            }
        }
        if files > 0 {
            let mut held = lock(&self.held);
            held.file_ops -= files;
            if held.file_ops == 0 {
                for id in held.file_waiters.drain(..) {
                    self.sched.wake(id);
                }
            }
        }
    }

    /// Sends on a connection, or holds the bytes under output commit.
    pub fn send(&self, stream: &Arc<Stream>, bytes: Vec<u8>) {
        if self.output_commit() {
            self.hold(Item::Bytes(stream.clone(), bytes));
        } else {
            stream.queue(&self.sched, bytes);
        }
    }

    /// Closes a connection once what was sent before has gone out.
    pub fn close(&self, stream: &Arc<Stream>) {
        if self.output_commit() {
            self.hold(Item::Close(stream.clone()));
        } else {
            stream.close_after_output(&self.sched);
        }
    }

    pub fn send_datagram(&self, socket: &Arc<Socket>, to: SocketAddr, bytes: Vec<u8>) -> Result<usize, String> {
        let n = bytes.len();
        if self.output_commit() {
            self.hold(Item::Datagram(socket.clone(), to, bytes));
            return Ok(n);
        }
        socket.sock.send_to(&bytes, to).map_err(|e| format!("udp send to {to}: {e}"))
    }

    // Sockets.

    pub fn listen(&self, addr: SocketAddr) -> std::io::Result<Arc<Acceptor>> {
        let listener = self.host().listen(addr)?;
        let local = listener.local_addr()?;
        Ok(Arc::new(Acceptor { listener, local, state: Mutex::default(), parker: self.host().parker() }))
    }

    pub fn stream(&self, conn: Box<dyn Connection>) -> Arc<Stream> {
        let host = self.host();
        let peer = conn.peer_addr().map(|a| a.to_string()).unwrap_or_default();
        Arc::new(Stream {
            conn,
            peer,
            inbox: Mutex::default(),
            outbox: Mutex::default(),
            reader: host.parker(),
            writer: host.parker(),
        })
    }

    pub fn bind_udp(&self, addr: SocketAddr) -> std::io::Result<Arc<Socket>> {
        let sock = self.host().bind_udp(addr)?;
        let local = sock.local_addr()?;
        Ok(Arc::new(Socket { sock, local, inbox: Mutex::default() }))
    }

    pub fn accept(&self, acceptor: &Arc<Acceptor>, waiter: u64) -> Poll<Result<Arc<Stream>, String>> {
        let mut st = lock(&acceptor.state);
        if let Some(conn) = st.ready.pop_front() {
            drop(st);
            acceptor.parker.notify();
            return Poll::Ready(Ok(self.stream(conn)));
        }
        if let Some(e) = &st.error {
            return Poll::Ready(Err(e.clone()));
        }
        st.waiters.push(waiter);
        if !st.started {
            st.started = true;
            let (a, sched) = (acceptor.clone(), self.sched.clone());
            let spawned = self.host().spawn("phantom-accept", HELPER_STACK, Box::new(move || a.run(&sched)));
            if let Err(e) = spawned {
                st.error = Some(format!("cannot start an acceptor: {e}"));
            }
        }
        Poll::Pending
    }

    /// Runs a blocking host call on a helper thread for thread `waiter`: `Ready` with its
    /// result once done (the next call after that starts a new one), else `Pending`.
    pub fn job(
        &self,
        waiter: u64,
        name: &str,
        call: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) -> Poll<Result<Vec<u8>, String>> {
        let mut jobs = lock(&self.jobs.0);
        match jobs.get(&waiter) {
            Some(Some(_)) => return Poll::Ready(jobs.remove(&waiter).flatten().expect("a finished job")),
            Some(None) => return Poll::Pending,
            None => {}
        }
        jobs.insert(waiter, None);
        drop(jobs);
        let (table, sched) = (self.jobs.clone(), self.sched.clone());
        let task = Box::new(move || {
            let result = call();
            lock(&table.0).insert(waiter, Some(result));
            sched.wake(waiter);
        });
        if let Err(e) = self.host().spawn(name, HELPER_STACK, task) {
            lock(&self.jobs.0).remove(&waiter);
            return Poll::Ready(Err(format!("cannot start a helper thread: {e}")));
        }
        Poll::Pending
    }
}

/// Results of blocking host calls run on helpers, by the id of the thread waiting for each.
#[derive(Default)]
struct JobTable(Mutex<HashMap<u64, Option<JobResult>>>);

/// What a blocking host call run on a helper gave: bytes, or why it failed.
type JobResult = Result<Vec<u8>, String>;

/// A listening socket and the connections accepted ahead of the program.
pub struct Acceptor {
    listener: Box<dyn Listener>,
    pub local: SocketAddr,
    state: Mutex<Accepts>,
    parker: Arc<dyn Parker>,
}

#[derive(Default)]
struct Accepts {
    ready: VecDeque<Box<dyn Connection>>,
    error: Option<String>,
    waiters: Vec<u64>,
    started: bool,
    closed: bool,
}

impl Acceptor {
    fn run(&self, sched: &Scheduler) {
        loop {
            {
                let st = lock(&self.state);
                if st.closed {
                    return;
                }
                if st.ready.len() >= ACCEPT_AHEAD {
                    drop(st);
                    self.parker.wait_until(None);
                    continue;
                }
            }
            let got = self.listener.accept();
            let mut st = lock(&self.state);
            if st.closed {
                return;
            }
            match got {
                Ok(conn) => st.ready.push_back(conn),
                // Out of descriptors and the like pass; keep accepting after a breath.
                Err(e) if st.ready.is_empty() && is_transient(&e) => {
                    drop(st);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                Err(e) => {
                    if !is_transient(&e) {
                        st.error = Some(format!("accept on {}: {e}", self.local));
                    }
                }
            }
            for id in st.waiters.drain(..) {
                sched.wake(id);
            }
            if st.error.is_some() {
                return;
            }
        }
    }

    pub fn forget(&self, waiter: u64) {
        lock(&self.state).waiters.retain(|&w| w != waiter);
    }

    pub fn close(&self) {
        lock(&self.state).closed = true;
        let _ = self.listener.close();
        self.parker.notify();
    }
}

fn is_transient(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(e.kind(), ConnectionAborted | ConnectionReset | Interrupted | WouldBlock) || e.raw_os_error() == Some(24)
}

/// One TCP connection: an inbox the reader fills ahead of the program, an outbox the writer
/// drains.
pub struct Stream {
    conn: Box<dyn Connection>,
    pub peer: String,
    inbox: Mutex<Inbox>,
    outbox: Mutex<Outbox>,
    reader: Arc<dyn Parker>,
    writer: Arc<dyn Parker>,
}

#[derive(Default)]
struct Inbox {
    data: VecDeque<u8>,
    end: bool,
    error: Option<String>,
    started: bool,
    closed: bool,
    waiters: Vec<u64>,
}

#[derive(Default)]
struct Outbox {
    queue: VecDeque<Vec<u8>>,
    bytes: usize,
    /// The writer holds bytes it took from the queue.
    writing: bool,
    closing: bool,
    error: Option<String>,
    started: bool,
    waiters: Vec<u64>,
}

impl Stream {
    /// Up to `max` bytes that arrived; empty at the end of the stream.
    pub fn recv(self: &Arc<Self>, sched: &Arc<Scheduler>, max: usize, waiter: u64) -> Poll<Result<Vec<u8>, String>> {
        let mut st = lock(&self.inbox);
        if !st.data.is_empty() {
            let n = max.min(st.data.len()).max(1);
            let was_full = st.data.len() >= READ_AHEAD;
            let bytes: Vec<u8> = st.data.drain(..n).collect();
            drop(st);
            if was_full {
                self.reader.notify();
            }
            return Poll::Ready(Ok(bytes));
        }
        if let Some(e) = &st.error {
            return Poll::Ready(Err(e.clone()));
        }
        if st.end || st.closed {
            return Poll::Ready(Ok(Vec::new()));
        }
        match self.wait_for_data(&mut st, sched, waiter) {
            Ok(()) => Poll::Pending,
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    /// Whether something can be received now (bytes, the end, an error); if not, registers
    /// `waiter` to be woken when it can.
    pub fn watch(self: &Arc<Self>, sched: &Arc<Scheduler>, waiter: u64) -> Result<bool, String> {
        let mut st = lock(&self.inbox);
        if !st.data.is_empty() || st.end || st.closed || st.error.is_some() {
            return Ok(true);
        }
        self.wait_for_data(&mut st, sched, waiter).map(|()| false)
    }

    /// Registers `waiter` with the reader, starting it if it is not running.
    fn wait_for_data(self: &Arc<Self>, st: &mut Inbox, sched: &Arc<Scheduler>, waiter: u64) -> Result<(), String> {
        st.waiters.push(waiter);
        if !st.started {
            st.started = true;
            let (me, host, sched) = (self.clone(), sched.clock.shared().clone(), sched.clone());
            let spawned = host.spawn("phantom-recv", HELPER_STACK, Box::new(move || me.read_ahead(&sched)));
            if let Err(e) = spawned {
                st.error = Some(format!("cannot start a reader: {e}"));
                st.waiters.clear();
                return Err(st.error.clone().unwrap_or_default());
            }
        }
        Ok(())
    }

    /// Whether bytes are waiting to be received (or the end or an error is).
    pub fn readable(&self) -> bool {
        let st = lock(&self.inbox);
        !st.data.is_empty() || st.end || st.error.is_some()
    }

    /// Forgets a registration of `waiter` that timed out.
    pub fn forget(&self, waiter: u64) {
        lock(&self.inbox).waiters.retain(|&w| w != waiter);
        lock(&self.outbox).waiters.retain(|&w| w != waiter);
    }

    fn read_ahead(&self, sched: &Scheduler) {
        let mut buf = vec![0u8; 64 << 10];
        loop {
            {
                let st = lock(&self.inbox);
                if st.closed {
                    return;
                }
                if st.data.len() >= READ_AHEAD {
                    drop(st);
                    self.reader.wait_until(None);
                    continue;
                }
            }
            let got = self.conn.read(&mut buf);
            let mut st = lock(&self.inbox);
            let done = match got {
                Ok(0) => {
                    st.end = true;
                    true
                }
                Ok(n) => {
                    st.data.extend(&buf[..n]);
                    false
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
                Err(e) => {
                    if !st.closed {
                        st.error = Some(format!("connection with {}: {e}", self.peer));
                    }
                    true
                }
            };
            for id in st.waiters.drain(..) {
                sched.wake(id);
            }
            if done {
                return;
            }
        }
    }

    /// Whether a sender must wait for the writer first (the outbox is over its limit); if so,
    /// registers `waiter`. An error of an earlier write is reported here.
    pub fn send_blocked(&self, waiter: u64) -> Result<bool, String> {
        let mut st = lock(&self.outbox);
        if let Some(e) = &st.error {
            return Err(e.clone());
        }
        if st.closing {
            return Err(format!("connection with {} is closed", self.peer));
        }
        if st.bytes < SEND_QUEUE_LIMIT {
            return Ok(false);
        }
        st.waiters.push(waiter);
        Ok(true)
    }

    /// Whether everything queued has been written; if not, registers `waiter`.
    pub fn flushed(&self, waiter: u64) -> Result<bool, String> {
        let mut st = lock(&self.outbox);
        if let Some(e) = &st.error {
            return Err(e.clone());
        }
        if st.bytes == 0 {
            return Ok(true);
        }
        st.waiters.push(waiter);
        Ok(false)
    }

    fn queue(self: &Arc<Self>, sched: &Arc<Scheduler>, mut bytes: Vec<u8>) {
        let mut st = lock(&self.outbox);
        if st.error.is_some() || st.closing {
            return;
        }
        if st.queue.is_empty() && !st.writing {
            // Nothing ahead of these bytes: send what the socket takes now, without a
            // hand-over to the writer.
            match self.conn.try_write(&bytes) {
                Ok(n) if n == bytes.len() => return,
                Ok(n) => bytes.drain(..n).for_each(drop),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => {
                    st.error = Some(format!("connection with {}: {e}", self.peer));
                    return;
                }
            }
        }
        st.bytes += bytes.len();
        st.queue.push_back(bytes);
        self.start_writer(&mut st, sched);
        drop(st);
        self.writer.notify();
    }

    fn close_after_output(self: &Arc<Self>, sched: &Arc<Scheduler>) {
        let mut st = lock(&self.outbox);
        st.closing = true;
        self.start_writer(&mut st, sched);
        drop(st);
        self.writer.notify();
        let mut inbox = lock(&self.inbox);
        inbox.closed = true;
        for id in inbox.waiters.drain(..) {
            sched.wake(id);
        }
        drop(inbox);
        self.reader.notify();
    }

    fn start_writer(self: &Arc<Self>, st: &mut Outbox, sched: &Arc<Scheduler>) {
        if st.started {
            return;
        }
        st.started = true;
        let (me, host, sched) = (self.clone(), sched.clock.shared().clone(), sched.clone());
        if let Err(e) = host.spawn("phantom-send", HELPER_STACK, Box::new(move || me.write_out(&sched))) {
            st.error = Some(format!("cannot start a writer: {e}"));
        }
    }

    fn write_out(&self, sched: &Scheduler) {
        loop {
            let next = {
                let mut st = lock(&self.outbox);
                match st.queue.pop_front() {
                    Some(b) => {
                        st.writing = true;
                        Some(b)
                    }
                    None if st.closing || st.error.is_some() => None,
                    None => {
                        drop(st);
                        self.writer.wait_until(None);
                        continue;
                    }
                }
            };
            let Some(bytes) = next else {
                let _ = self.conn.close();
                return;
            };
            let result = self.conn.write_all(&bytes);
            let mut st = lock(&self.outbox);
            st.writing = false;
            st.bytes -= bytes.len();
            if let Err(e) = result {
                st.error = Some(format!("connection with {}: {e}", self.peer));
                st.queue.clear();
                st.bytes = 0;
            }
            if st.bytes < SEND_QUEUE_LIMIT {
                for id in st.waiters.drain(..) {
                    sched.wake(id);
                }
            }
        }
    }

    /// Closes at once, dropping what was not sent (a socket whose process is gone).
    pub fn abort(&self) {
        let _ = self.conn.close();
    }
}

/// A UDP socket and the datagrams received ahead of the program.
pub struct Socket {
    sock: Box<dyn Datagram>,
    pub local: SocketAddr,
    inbox: Mutex<Datagrams>,
}

#[derive(Default)]
struct Datagrams {
    queue: VecDeque<(Vec<u8>, SocketAddr)>,
    waiters: Vec<u64>,
    started: bool,
    closed: bool,
}

/// Datagrams kept for a program that does not read them.
const DATAGRAMS_AHEAD: usize = 1024;

impl Socket {
    pub fn recv(self: &Arc<Self>, sched: &Arc<Scheduler>, waiter: u64) -> Poll<Result<(Vec<u8>, SocketAddr), String>> {
        let mut st = lock(&self.inbox);
        if let Some(d) = st.queue.pop_front() {
            return Poll::Ready(Ok(d));
        }
        if st.closed {
            return Poll::Ready(Err(format!("udp socket {} is closed", self.local)));
        }
        st.waiters.push(waiter);
        if !st.started {
            st.started = true;
            let (me, host, sched) = (self.clone(), sched.clock.shared().clone(), sched.clone());
            if let Err(e) = host.spawn("phantom-udp", HELPER_STACK, Box::new(move || me.receive(&sched))) {
                return Poll::Ready(Err(format!("cannot start a receiver: {e}")));
            }
        }
        Poll::Pending
    }

    pub fn forget(&self, waiter: u64) {
        lock(&self.inbox).waiters.retain(|&w| w != waiter);
    }

    fn receive(&self, sched: &Scheduler) {
        let mut buf = vec![0u8; 65536];
        loop {
            // A bounded wait, so a closed socket's receiver notices and ends.
            let got = self.sock.recv_from(&mut buf, Some(Duration::from_millis(200)));
            let mut st = lock(&self.inbox);
            if st.closed {
                for id in st.waiters.drain(..) {
                    sched.wake(id);
                }
                return;
            }
            if let Ok((n, from)) = got {
                if st.queue.len() < DATAGRAMS_AHEAD {
                    st.queue.push_back((buf[..n].to_vec(), from));
                }
                for id in st.waiters.drain(..) {
                    sched.wake(id);
                }
            }
        }
    }

    pub fn close(&self) {
        lock(&self.inbox).closed = true;
    }
}
