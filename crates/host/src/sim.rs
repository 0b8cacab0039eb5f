//! The simulated host: one seed decides everything, so a failing test replays exactly.
//!
//! # The determinism contract
//!
//! Threads spawned through a [`SimHost`] are real threads (with the requested name and stack
//! size), but only one of them runs at a time: the *baton* passes only at a blocking host call
//! (a parker wait, a join, a console read with no input, an accept, a read from a connection,
//! [`Host::sleep`], [`Host::yield_now`]), and the next thread to run is drawn from the seeded
//! generator among those that can run. The thread that created the host and drives the test is
//! the *main* thread: it holds the baton at the start, and spawned threads first run when it
//! blocks (in [`SimHost::run_until_idle`], a join, a sleep...).
//!
//! Virtual time moves only when it is told to ([`SimHost::advance`]), when a thread yields (a
//! microsecond each time, so that spinning until a time ends), or when every thread is blocked:
//! then it jumps to the earliest deadline. When every thread is blocked and none has a deadline,
//! nothing can ever run again: the main thread panics with a report naming the seed and the
//! waiting threads (unless it is in `run_until_idle`, which then returns).
//!
//! So the same seed gives the same sequence of events provided that (1) the simulated code
//! blocks only through the host (a `std` condition variable, channel or `thread::sleep` would
//! stop the real thread while it holds the baton, and the simulation hangs), (2) it holds no
//! `std` lock across a blocking host call, (3) one thread drives the host from outside (any
//! thread not spawned by it counts as main), and (4) it reads no real clock or OS randomness.
//! Threads left blocked when a test ends are never resumed; they hold only memory.

use std::cell::Cell;
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::rng::SimRng;
use crate::{Connection, Host, JoinHandle, Listener, Parker, Task, Wake};

/// The main thread's id: the thread that drives the simulation from outside.
const MAIN: u64 = 0;

/// What a yield costs in virtual time.
const YIELD_COST: Duration = Duration::from_micros(1);

/// Where the simulated wall clock starts unless a test sets it: 2023-11-14T22:13:20Z.
const DEFAULT_WALL_START_MS: u64 = 1_700_000_000_000;

/// The first port handed out for port 0 and for the client side of connections.
const FIRST_EPHEMERAL_PORT: u16 = 49152;

/// A deterministic host for tests (see the module documentation for its contract). Cloning
/// gives another handle on the same simulation, so a test can keep one and give the VM an
/// `Arc<dyn Host>` of another.
#[derive(Clone)]
pub struct SimHost {
    core: Arc<Core>,
}

/// What [`SimHost::run_until_idle`] found when nothing could run any more.
#[derive(Debug, PartialEq, Eq)]
pub struct Idle {
    /// The threads still waiting, with no deadline, for something only the main thread could
    /// do (push input, notify, connect...). Empty when every spawned thread has ended.
    pub blocked: Vec<String>,
}

struct Core {
    state: Mutex<State>,
    /// Signalled whenever the baton changes hands.
    baton: Condvar,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Runnable,
    Blocked { deadline: Option<Duration> },
    Finished,
}

struct SimThread {
    name: String,
    status: Status,
    outcome: Option<std::thread::Result<()>>,
}

#[derive(Default)]
struct Pipe {
    bytes: VecDeque<u8>,
    /// The sending end closed: once `bytes` is drained, reads return 0.
    writer_closed: bool,
    /// The receiving end closed: writes fail.
    reader_closed: bool,
}

/// One end of a simulated connection: pipe indexes and addresses.
struct Endpoint {
    incoming: usize,
    outgoing: usize,
    local: SocketAddr,
    peer: SocketAddr,
}

struct State {
    seed: u64,
    rng: SimRng,
    clock: Duration,
    wall_start_ms: u64,
    threads: BTreeMap<u64, SimThread>,
    next_thread: u64,
    /// The one thread allowed to run.
    running: u64,
    main_waits_for_idle: bool,
    idle_reached: bool,
    deadlock: Option<String>,
    parker_tokens: Vec<bool>,
    input: VecDeque<u8>,
    input_closed: bool,
    output: Vec<u8>,
    diagnostics: Vec<String>,
    files: BTreeMap<PathBuf, Vec<u8>>,
    env: Vec<(String, String)>,
    /// Bound addresses and the accepted-side endpoints of connections not yet accepted.
    listeners: BTreeMap<SocketAddr, VecDeque<Endpoint>>,
    pipes: Vec<Pipe>,
    next_port: u16,
}

thread_local! {
    /// The simulated thread running on this real thread: (its core's address, its id).
    static CURRENT: Cell<(usize, u64)> = const { Cell::new((0, MAIN)) };
}

impl State {
    /// Makes every blocked thread runnable, to look at its condition again: called on every
    /// change that might satisfy one. Those still unsatisfied block again.
    fn wake_blocked(&mut self) {
        for thread in self.threads.values_mut() {
            if let Status::Blocked { .. } = thread.status {
                thread.status = Status::Runnable;
            }
        }
    }

    fn wake_due(&mut self) {
        let clock = self.clock;
        for thread in self.threads.values_mut() {
            if let Status::Blocked { deadline: Some(d) } = thread.status {
                if d <= clock {
                    thread.status = Status::Runnable;
                }
            }
        }
    }

    /// Chooses who runs next: a seeded draw among the runnable threads; if there are none, the
    /// clock jumps to the earliest deadline; if there is none either, the main thread gets the
    /// baton with either "idle" or a deadlock report.
    fn pick_next(&mut self) -> u64 {
        loop {
            self.wake_due();
            let runnable: Vec<u64> =
                self.threads.iter().filter(|(_, t)| t.status == Status::Runnable).map(|(&id, _)| id).collect();
            if !runnable.is_empty() {
                return runnable[self.rng.below(runnable.len() as u64) as usize];
            }
            let earliest = self
                .threads
                .values()
                .filter_map(|t| match t.status {
                    Status::Blocked { deadline } => deadline,
                    _ => None,
                })
                .min();
            if let Some(deadline) = earliest {
                self.clock = self.clock.max(deadline);
                continue;
            }
            if self.main_waits_for_idle {
                self.idle_reached = true;
            } else {
                self.deadlock = Some(format!(
                    "simulated deadlock (seed {}): every thread waits with no deadline: {}",
                    self.seed,
                    self.blocked_names().join(", ")
                ));
            }
            self.threads.get_mut(&MAIN).expect("the main thread").status = Status::Runnable;
            return MAIN;
        }
    }

    fn blocked_names(&self) -> Vec<String> {
        self.threads.values().filter(|t| matches!(t.status, Status::Blocked { .. })).map(|t| t.name.clone()).collect()
    }

    fn ephemeral_port(&mut self, ip: IpAddr) -> u16 {
        loop {
            let port = self.next_port;
            self.next_port = self.next_port.checked_add(1).unwrap_or(FIRST_EPHEMERAL_PORT);
            if !self.listeners.contains_key(&SocketAddr::new(ip, port)) {
                return port;
            }
        }
    }

    fn close_endpoint(&mut self, incoming: usize, outgoing: usize) {
        self.pipes[outgoing].writer_closed = true;
        self.pipes[incoming].reader_closed = true;
        self.wake_blocked();
    }
}

impl Core {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn address(self: &Arc<Core>) -> usize {
        Arc::as_ptr(self) as usize
    }

    fn current_thread(self: &Arc<Core>) -> u64 {
        let (core, id) = CURRENT.with(Cell::get);
        if core == self.address() {
            id
        } else {
            MAIN
        }
    }

    /// Blocks the calling thread until `ready` yields a value or the clock reaches `deadline`
    /// (then `None`). Other threads run meanwhile, one at a time.
    fn block_until<T>(
        self: &Arc<Core>,
        deadline: Option<Duration>,
        mut ready: impl FnMut(&mut State) -> Option<T>,
    ) -> Option<T> {
        let me = self.current_thread();
        let mut st = self.lock();
        loop {
            if let Some(value) = ready(&mut st) {
                return Some(value);
            }
            if deadline.is_some_and(|d| st.clock >= d) {
                return None;
            }
            st.threads.get_mut(&me).expect("a simulated thread").status = Status::Blocked { deadline };
            st = self.pass_baton(st, me);
        }
    }

    /// Hands the baton to the next thread and waits until it comes back to `me`.
    fn pass_baton<'a>(&'a self, mut st: MutexGuard<'a, State>, me: u64) -> MutexGuard<'a, State> {
        st.running = st.pick_next();
        self.baton.notify_all();
        while st.running != me {
            st = self.baton.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        if me == MAIN {
            if let Some(report) = st.deadlock.take() {
                drop(st);
                panic!("{report}");
            }
        }
        st
    }

    /// The body of every spawned thread's real thread.
    fn run_thread(self: Arc<Core>, id: u64, task: Task) {
        CURRENT.with(|c| c.set((self.address(), id)));
        {
            let mut st = self.lock();
            while st.running != id {
                st = self.baton.wait(st).unwrap_or_else(|e| e.into_inner());
            }
        }
        let outcome = catch_unwind(AssertUnwindSafe(task));
        let mut st = self.lock();
        let thread = st.threads.get_mut(&id).expect("a simulated thread");
        thread.status = Status::Finished;
        thread.outcome = Some(outcome);
        st.wake_blocked();
        st.running = st.pick_next();
        self.baton.notify_all();
    }
}

impl SimHost {
    /// A simulation decided by `seed`: the clock at zero, no input (open, so reads wait until
    /// [`SimHost::push_input`] or [`SimHost::close_input`]), no files, an empty environment,
    /// no listeners.
    pub fn new(seed: u64) -> SimHost {
        let main = SimThread { name: "main".into(), status: Status::Runnable, outcome: None };
        let state = State {
            seed,
            rng: SimRng::new(seed),
            clock: Duration::ZERO,
            wall_start_ms: DEFAULT_WALL_START_MS,
            threads: BTreeMap::from([(MAIN, main)]),
            next_thread: MAIN + 1,
            running: MAIN,
            main_waits_for_idle: false,
            idle_reached: false,
            deadlock: None,
            parker_tokens: Vec::new(),
            input: VecDeque::new(),
            input_closed: false,
            output: Vec::new(),
            diagnostics: Vec::new(),
            files: BTreeMap::new(),
            env: Vec::new(),
            listeners: BTreeMap::new(),
            pipes: Vec::new(),
            next_port: FIRST_EPHEMERAL_PORT,
        };
        SimHost { core: Arc::new(Core { state: Mutex::new(state), baton: Condvar::new() }) }
    }

    /// The seed in the environment variable `PHANTOM_SEED`, or `default`: a failing seed can be
    /// replayed without editing the test.
    pub fn seed_from_env(default: u64) -> u64 {
        std::env::var("PHANTOM_SEED").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(default)
    }

    pub fn seed(&self) -> u64 {
        self.core.lock().seed
    }

    /// A guard that prints the seed on standard error if the test panics while it lives:
    /// `let _seed = host.seed_report();` at the top of a test.
    pub fn seed_report(&self) -> SeedReport {
        SeedReport { seed: self.seed() }
    }

    /// A generator of the test's own, drawn from the simulation's (so it too follows from the
    /// seed): for decisions like where to crash or which input to send.
    pub fn fork_rng(&self) -> SimRng {
        self.core.lock().rng.fork()
    }

    /// Moves the clock forward. Threads whose deadline it passes run at the main thread's next
    /// blocking call.
    pub fn advance(&self, by: Duration) {
        self.core.lock().clock += by;
    }

    /// Runs the spawned threads until none can run: every one has ended or waits, with no
    /// deadline, for something only the main thread could do. Time jumps from deadline to
    /// deadline meanwhile, so a thread that sleeps in a loop keeps this from returning.
    pub fn run_until_idle(&self) -> Idle {
        assert_eq!(self.core.current_thread(), MAIN, "run_until_idle drives a simulation from outside it");
        self.core.lock().main_waits_for_idle = true;
        self.core.block_until(None, |st| std::mem::take(&mut st.idle_reached).then_some(()));
        let mut st = self.core.lock();
        st.main_waits_for_idle = false;
        Idle { blocked: st.blocked_names() }
    }

    /// Queues console input.
    pub fn push_input(&self, bytes: &[u8]) {
        let mut st = self.core.lock();
        st.input.extend(bytes);
        st.wake_blocked();
    }

    /// Ends the console input once what is queued has been read.
    pub fn close_input(&self) {
        let mut st = self.core.lock();
        st.input_closed = true;
        st.wake_blocked();
    }

    /// Everything written to the console so far.
    pub fn output(&self) -> Vec<u8> {
        self.core.lock().output.clone()
    }

    /// The diagnostic lines written so far.
    pub fn diagnostics(&self) -> Vec<String> {
        self.core.lock().diagnostics.clone()
    }

    /// Makes `bytes` the contents of the file at `path`.
    pub fn add_file(&self, path: impl Into<PathBuf>, bytes: Vec<u8>) {
        self.core.lock().files.insert(path.into(), bytes);
    }

    pub fn set_env(&self, vars: Vec<(String, String)>) {
        self.core.lock().env = vars;
    }

    /// Where the wall clock stands when the virtual clock is at zero.
    pub fn set_wall_clock_start_ms(&self, ms: u64) {
        self.core.lock().wall_start_ms = ms;
    }
}

impl fmt::Debug for SimHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = self.core.lock();
        f.debug_struct("SimHost").field("seed", &st.seed).field("clock", &st.clock).finish_non_exhaustive()
    }
}

/// Prints a simulation's seed if dropped during a panic (see [`SimHost::seed_report`]).
pub struct SeedReport {
    seed: u64,
}

impl Drop for SeedReport {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("simulation seed {0}: PHANTOM_SEED={0} replays it", self.seed);
        }
    }
}

impl Host for SimHost {
    fn now(&self) -> Duration {
        self.core.lock().clock
    }

    fn wall_clock_ms(&self) -> u64 {
        let st = self.core.lock();
        st.wall_start_ms + st.clock.as_millis() as u64
    }

    fn parker(&self) -> Arc<dyn Parker> {
        let mut st = self.core.lock();
        st.parker_tokens.push(false);
        Arc::new(SimParker { core: self.core.clone(), index: st.parker_tokens.len() - 1 })
    }

    fn yield_now(&self) {
        let me = self.core.current_thread();
        let mut st = self.core.lock();
        st.clock += YIELD_COST;
        drop(self.core.pass_baton(st, me));
    }

    /// Registers the thread; it first runs when the running thread blocks and the draw picks
    /// it. `stack_size` and `name` are honoured: it runs on a real thread of its own.
    fn spawn(&self, name: &str, stack_size: usize, task: Task) -> io::Result<Box<dyn JoinHandle>> {
        let id = {
            let mut st = self.core.lock();
            let id = st.next_thread;
            st.next_thread += 1;
            st.threads.insert(id, SimThread { name: name.to_string(), status: Status::Runnable, outcome: None });
            id
        };
        let core = self.core.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .stack_size(stack_size)
            .spawn(move || core.run_thread(id, task));
        if let Err(e) = spawned {
            self.core.lock().threads.remove(&id);
            return Err(e);
        }
        Ok(Box::new(SimJoin { core: self.core.clone(), id }))
    }

    fn read_console_byte(&self) -> Option<u8> {
        self.core
            .block_until(None, |st| match st.input.pop_front() {
                Some(byte) => Some(Some(byte)),
                None if st.input_closed => Some(None),
                None => None,
            })
            .flatten()
    }

    fn write_console(&self, bytes: &[u8]) -> io::Result<()> {
        self.core.lock().output.extend_from_slice(bytes);
        Ok(())
    }

    fn write_diagnostic(&self, line: &str) {
        self.core.lock().diagnostics.push(line.to_string());
    }

    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.core
            .lock()
            .files
            .get(path)
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("simulated: no file {}", path.display())))
    }

    fn env(&self) -> Vec<(String, String)> {
        self.core.lock().env.clone()
    }

    fn listen(&self, addr: SocketAddr) -> io::Result<Box<dyn Listener>> {
        let mut st = self.core.lock();
        let addr = match addr.port() {
            0 => SocketAddr::new(addr.ip(), st.ephemeral_port(addr.ip())),
            _ => addr,
        };
        if st.listeners.contains_key(&addr) {
            return Err(io::Error::new(io::ErrorKind::AddrInUse, format!("simulated: {addr} is in use")));
        }
        st.listeners.insert(addr, VecDeque::new());
        Ok(Box::new(SimListener { core: self.core.clone(), addr }))
    }

    fn connect(&self, addr: SocketAddr) -> io::Result<Box<dyn Connection>> {
        let mut st = self.core.lock();
        if !st.listeners.contains_key(&addr) {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionRefused,
                format!("simulated: nothing listens on {addr}"),
            ));
        }
        let local =
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), st.ephemeral_port(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        let (to_server, to_client) = (st.pipes.len(), st.pipes.len() + 1);
        st.pipes.push(Pipe::default());
        st.pipes.push(Pipe::default());
        let server_end = Endpoint { incoming: to_server, outgoing: to_client, local: addr, peer: local };
        st.listeners.get_mut(&addr).expect("checked above").push_back(server_end);
        st.wake_blocked();
        let client_end = Endpoint { incoming: to_client, outgoing: to_server, local, peer: addr };
        Ok(Box::new(SimConnection { core: self.core.clone(), end: client_end }))
    }

    fn random_u64(&self) -> u64 {
        self.core.lock().rng.next_u64()
    }
}

struct SimParker {
    core: Arc<Core>,
    index: usize,
}

impl Parker for SimParker {
    fn wait_until(&self, deadline: Option<Duration>) -> Wake {
        match self.core.block_until(deadline, |st| std::mem::take(&mut st.parker_tokens[self.index]).then_some(())) {
            Some(()) => Wake::Notified,
            None => Wake::TimedOut,
        }
    }

    fn notify(&self) {
        let mut st = self.core.lock();
        st.parker_tokens[self.index] = true;
        st.wake_blocked();
    }
}

struct SimJoin {
    core: Arc<Core>,
    id: u64,
}

impl JoinHandle for SimJoin {
    fn join(self: Box<Self>) -> std::thread::Result<()> {
        let id = self.id;
        self.core
            .block_until(None, |st| match st.threads[&id].status {
                Status::Finished => st.threads.remove(&id).and_then(|t| t.outcome),
                _ => None,
            })
            .expect("a join without a deadline ends only when the thread does")
    }
}

struct SimListener {
    core: Arc<Core>,
    addr: SocketAddr,
}

impl Listener for SimListener {
    fn accept(&self) -> io::Result<Box<dyn Connection>> {
        let addr = self.addr;
        let end = self
            .core
            .block_until(None, |st| st.listeners.get_mut(&addr).and_then(VecDeque::pop_front))
            .expect("an accept without a deadline ends only with a connection");
        Ok(Box::new(SimConnection { core: self.core.clone(), end }))
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

impl Drop for SimListener {
    /// Unbinds; connections not yet accepted are closed, as a real listener's backlog is.
    fn drop(&mut self) {
        let mut st = self.core.lock();
        for end in st.listeners.remove(&self.addr).unwrap_or_default() {
            st.close_endpoint(end.incoming, end.outgoing);
        }
    }
}

struct SimConnection {
    core: Arc<Core>,
    end: Endpoint,
}

impl Connection for SimConnection {
    fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let incoming = self.end.incoming;
        let read = self.core.block_until(None, |st| {
            let pipe = &mut st.pipes[incoming];
            if !pipe.bytes.is_empty() {
                let n = buf.len().min(pipe.bytes.len());
                for (slot, byte) in buf.iter_mut().zip(pipe.bytes.drain(..n)) {
                    *slot = byte;
                }
                Some(n)
            } else if pipe.writer_closed || pipe.reader_closed {
                Some(0)
            } else {
                None
            }
        });
        Ok(read.expect("a read without a deadline ends only with data or the end"))
    }

    fn write(&self, data: &[u8]) -> io::Result<usize> {
        let mut st = self.core.lock();
        let pipe = &mut st.pipes[self.end.outgoing];
        if pipe.writer_closed {
            return Err(io::Error::new(io::ErrorKind::NotConnected, "simulated: the connection is closed"));
        }
        if pipe.reader_closed {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "simulated: the peer closed the connection"));
        }
        pipe.bytes.extend(data);
        st.wake_blocked();
        Ok(data.len())
    }

    fn close(&self) -> io::Result<()> {
        self.core.lock().close_endpoint(self.end.incoming, self.end.outgoing);
        Ok(())
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        Ok(self.end.local)
    }

    fn peer_addr(&self) -> io::Result<SocketAddr> {
        Ok(self.end.peer)
    }
}

impl Drop for SimConnection {
    fn drop(&mut self) {
        let _ = self.close();
    }
}
