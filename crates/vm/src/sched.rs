//! VM threads on a small pool of host threads.
//!
//! A VM thread runs for a slice of instructions, then yields at an instruction boundary and
//! goes to the back of the run queue. A blocking native (sleep, mutex, cond, semaphore) parks
//! the VM thread and returns its host thread to the pool. A safepoint request stops every VM
//! thread at an instruction boundary within one slice.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashSet, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::thread::{Thread, Trap, Uncaught};
use std::sync::atomic::Ordering;

/// What the scheduler runs its threads with (the VM), and all it knows of it.
pub trait Runner: Sync {
    /// Runs a thread until its slice is used up, it parks, or it ends.
    fn run_slice(&self, thread: &mut Thread) -> Result<(), Trap>;
    /// The report of a thread that died of `trap`.
    fn uncaught(&self, trap: Trap, thread: &Thread) -> Uncaught;
    /// Whether an allocation failed and a full collection is due.
    fn wants_collection(&self) -> bool;
    /// Collects everything at a safepoint, if still wanted (the first worker to notice does it).
    fn collect_now(&self);
    /// The collector's host thread, beside the workers until `done`.
    fn collect_in_background(&self, done: &std::sync::atomic::AtomicBool);
    /// Whether the threads should help the collector: a cycle runs late, the heap half as full
    /// again as when it was wanted.
    fn assist_wanted(&self) -> bool;
    /// One step of the collector's work, done by a worker between two slices.
    fn assist(&self);
}

/// Spins while `busy` holds, for at most a safepoint's worth of time (the caller then sleeps),
/// giving the processor away at each turn: the safepoint's holder may need it.
fn spin_while(busy: impl Fn() -> bool) {
    let until = Instant::now() + Duration::from_millis(1);
    let mut spins = 0u32;
    while busy() && (!spins.is_multiple_of(64) || Instant::now() < until) {
        std::thread::yield_now();
        spins = spins.wrapping_add(1);
    }
}

/// Instructions a thread runs before yielding to others.
pub const SLICE: u32 = 10_000;

pub use crate::thread::Park;

#[derive(Default)]
struct State {
    runnable: VecDeque<Box<Thread>>,
    sleeping: BinaryHeap<Reverse<(Duration, u64)>>,
    /// Ordered by id, so that a safepoint sees the threads in the same order every run.
    parked: BTreeMap<u64, Box<Thread>>,
    /// Wake-ups that arrived while the thread was still on its way to being parked.
    early_wakes: HashSet<u64>,
    /// Parked threads waiting for the outside world.
    external: HashSet<u64>,
    /// Threads not finished.
    live: usize,
    /// Threads on a host thread right now.
    running: usize,
    safepoint: bool,
    /// When the last running thread stopped for the pending safepoint.
    stopped_at: Option<Duration>,
    failures: Vec<Uncaught>,
    /// Set by `stop`: workers leave, threads stay as they are.
    stopping: bool,
}

impl State {
    /// Puts a thread back after it ran: finished, runnable, asleep or parked (a parked thread
    /// keeps its park state, so that a safepoint records it). A thread that died is returned
    /// with what killed it.
    fn settle(&mut self, mut thread: Box<Thread>, outcome: Result<(), Trap>) -> Option<(Trap, Box<Thread>)> {
        match outcome {
            Ok(()) => self.live -= 1,
            Err(Trap::Yield) if thread.park.is_some() && self.early_wakes.remove(&thread.id) => {
                thread.park = None;
                self.runnable.push_back(thread);
            }
            Err(Trap::Yield) => match thread.park {
                None => self.runnable.push_back(thread),
                Some(Park::Until(at)) => {
                    self.sleeping.push(Reverse((at, thread.id)));
                    self.parked.insert(thread.id, thread);
                }
                Some(park) => {
                    if park != Park::Blocked {
                        self.external.insert(thread.id);
                    }
                    self.parked.insert(thread.id, thread);
                }
            },
            Err(trap) => {
                self.live -= 1;
                return Some((trap, thread));
            }
        }
        None
    }

    /// Makes runnable every sleeper whose time has come.
    fn wake_sleepers_due(&mut self, now: Duration) {
        while let Some(&Reverse((at, id))) = self.sleeping.peek() {
            if at > now {
                break;
            }
            self.sleeping.pop();
            // The entry may be stale: the thread was woken early (a timed wait signalled) and
            // may now wait for something else, or have been rebuilt with a deadline rounded
            // to the millisecond.
            match self.parked.get(&id).map(|t| t.park) {
                Some(Some(Park::Until(due))) if due <= now => {
                    let mut t = self.parked.remove(&id).expect("parked thread");
                    t.park = None;
                    t.saved = false;
                    self.runnable.push_back(t);
                }
                Some(Some(Park::Until(due))) => self.sleeping.push(Reverse((due, id))),
                _ => {}
            }
        }
    }
}

#[derive(Default)]
pub struct Scheduler {
    state: Mutex<State>,
    changed: Condvar,
    /// Set while a safepoint waits: running threads end their slice at the next backward jump.
    pub(crate) stop_requested: std::sync::atomic::AtomicBool,
    /// `State::safepoint`, readable without the lock: stopped workers spin on it briefly
    /// before sleeping, since waking a sleeping host thread can take longer than the whole
    /// pause should.
    safepoint_now: std::sync::atomic::AtomicBool,
    /// When a worker first ran a thread (how long a boot takes to reach its first instruction).
    first_slice: std::sync::OnceLock<Instant>,
    /// Where time comes from: every deadline is on its scale.
    pub clock: crate::clock::Clock,
}

impl Scheduler {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a new runnable thread.
    pub fn add(&self, thread: Box<Thread>) {
        let mut st = self.lock();
        st.live += 1;
        st.runnable.push_back(thread);
        self.changed.notify_all();
    }

    /// Adds a thread rebuilt from the heap, parked as it was: a sleeper until its deadline, a
    /// waiter until someone wakes it; a thread waiting for console input runs its read again,
    /// so that it attaches to this process's console.
    pub fn add_restored(&self, mut thread: Box<Thread>) {
        let mut st = self.lock();
        st.live += 1;
        match thread.park {
            None | Some(Park::External) => {
                thread.park = None;
                st.runnable.push_back(thread);
            }
            Some(Park::Until(at)) => {
                st.sleeping.push(Reverse((at, thread.id)));
                st.parked.insert(thread.id, thread);
            }
            Some(Park::Commit) => {
                st.external.insert(thread.id);
                st.parked.insert(thread.id, thread);
            }
            Some(Park::Blocked) => {
                st.parked.insert(thread.id, thread);
            }
        }
        self.changed.notify_all();
    }

    /// Makes every worker leave as soon as its thread reaches an instruction boundary; the
    /// threads are left as they are (`run` returns).
    pub fn stop(&self) {
        let mut st = self.lock();
        st.stopping = true;
        self.stop_requested.store(true, std::sync::atomic::Ordering::Relaxed);
        self.changed.notify_all();
    }

    /// Makes a parked thread runnable (or remembers to, if it is not parked yet).
    pub fn wake(&self, id: u64) {
        let mut st = self.lock();
        st.external.remove(&id);
        match st.parked.remove(&id) {
            Some(mut t) => {
                t.park = None;
                t.saved = false;
                st.runnable.push_back(t);
            }
            None => {
                st.early_wakes.insert(id);
            }
        }
        self.changed.notify_all();
    }

    /// Drops a wake-up remembered for a thread that is not parked: a timed wait that ran out
    /// may be woken again by the signal it no longer waits for.
    pub fn forget_wake(&self, id: u64) {
        self.lock().early_wakes.remove(&id);
    }

    /// Runs every thread to its end on `workers` host threads; returns the uncaught exceptions
    /// of threads that died, and a deadlock report if threads were left waiting forever.
    pub fn run(&self, vm: &dyn Runner, workers: usize) -> Vec<Uncaught> {
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let pool: Vec<_> = (0..workers.max(1))
                .map(|n| {
                    std::thread::Builder::new()
                        .name(format!("phantom-worker-{n}"))
                        .stack_size(crate::thread::HOST_STACK)
                        .spawn_scoped(scope, || self.worker(vm))
                        .expect("spawning a VM worker thread")
                })
                .collect();
            std::thread::Builder::new()
                .name("phantom-collector".into())
                .spawn_scoped(scope, || vm.collect_in_background(&done))
                .expect("spawning the collector thread");
            for worker in pool {
                let _ = worker.join();
            }
            done.store(true, Ordering::Release);
        });
        std::mem::take(&mut self.lock().failures)
    }

    fn worker(&self, vm: &dyn Runner) {
        // A thread that used up its slice while nobody else was waiting keeps this host
        // thread, without a trip through the queue (and without waking another worker).
        let mut kept: Option<Box<Thread>> = None;
        loop {
            let mut thread = if let Some(t) = kept.take() {
                t
            } else {
                let mut st = self.lock();
                loop {
                    let now = self.clock.now();
                    st.wake_sleepers_due(now);
                    if st.live == 0 || st.stopping {
                        self.changed.notify_all();
                        return;
                    }
                    if !st.safepoint {
                        if let Some(t) = st.runnable.pop_front() {
                            st.running += 1;
                            self.first_slice.get_or_init(Instant::now);
                            break t;
                        }
                        if st.running == 0 && st.sleeping.is_empty() && st.external.is_empty() {
                            // Everyone left waits for someone else: nobody will ever wake them.
                            let waiting = st.parked.len();
                            st.parked.clear();
                            st.live = 0;
                            st.failures.push(Uncaught {
                                message: format!("deadlock: {waiting} threads wait for each other forever"),
                                backtrace: vec![],
                            });
                            self.changed.notify_all();
                            return;
                        }
                    }
                    if st.safepoint {
                        drop(st);
                        spin_while(|| self.safepoint_now.load(Ordering::Acquire));
                        st = self.lock();
                        if !st.safepoint {
                            continue;
                        }
                    }
                    let timeout = st.sleeping.peek().map(|Reverse((at, _))| at.saturating_sub(now));
                    st = match timeout {
                        Some(t) => {
                            self.changed
                                .wait_timeout(st, t.max(Duration::from_micros(50)))
                                .unwrap_or_else(|e| e.into_inner())
                                .0
                        }
                        None => self.changed.wait(st).unwrap_or_else(|e| e.into_inner()),
                    };
                }
            };
            // A thread created asleep (a timer) parks before running anything.
            let outcome = if thread.park.is_some() {
                Err(Trap::Yield)
            } else {
                thread.budget = SLICE;
                vm.run_slice(&mut thread)
            };
            let mut st = self.lock();
            st.running -= 1;
            if st.safepoint && st.running == 0 {
                st.stopped_at = Some(self.clock.now());
            }
            // A thread that used up its slice keeps this host thread when nothing else waits.
            let keep = matches!(outcome, Err(Trap::Yield))
                && thread.park.is_none()
                && st.runnable.is_empty()
                && !st.safepoint
                && !st.stopping
                && !vm.wants_collection()
                && !vm.assist_wanted()
                && st.sleeping.peek().is_none_or(|Reverse((at, _))| *at > self.clock.now());
            if keep {
                st.running += 1;
                kept = Some(thread);
                continue;
            }
            if let Some((trap, thread)) = st.settle(thread, outcome) {
                st.failures.push(vm.uncaught(trap, &thread));
            }
            self.changed.notify_all();
            drop(st);
            // The flag is cleared by the collection itself, inside the safepoint: until then
            // every thread meeting a call or a jump yields (another worker must not run the
            // call a thread yielded to postpone), and the first worker here collects.
            if vm.wants_collection() {
                vm.collect_now();
            } else if vm.assist_wanted() {
                vm.assist();
            }
        }
    }

    /// Stops every VM thread at an instruction boundary, runs `f` with all of them, and lets
    /// them go on. Returns how long the stop took to reach.
    pub fn safepoint<R>(&self, f: impl FnOnce(&mut dyn Iterator<Item = &mut Thread>) -> R) -> (R, Duration) {
        let start = self.clock.now();
        let mut st = self.lock();
        // Wait out another safepoint in progress.
        while st.safepoint {
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        st.safepoint = true;
        self.safepoint_now.store(true, Ordering::Release);
        st.stopped_at = None;
        self.stop_requested.store(true, Ordering::Relaxed);
        // The requester sleeps rather than spins: a spinning requester the host puts on a
        // worker's processor delays the very worker it waits for (measured: worst reach 3.8 ms
        // spinning, 0.3 ms sleeping, with one processor spare).
        while st.running > 0 {
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        self.stop_requested.store(st.stopping, std::sync::atomic::Ordering::Relaxed);
        // Measured to the moment the last thread stopped, not to when this thread woke up.
        let reached = st.stopped_at.take().map_or(Duration::ZERO, |at| at.saturating_sub(start));
        let State { runnable, parked, .. } = &mut *st;
        let mut all = runnable.iter_mut().map(|t| &mut **t).chain(parked.values_mut().map(|t| &mut **t));
        let result = f(&mut all);
        st.safepoint = false;
        self.safepoint_now.store(false, Ordering::Release);
        self.changed.notify_all();
        (result, reached)
    }

    /// Runs `f` on this host thread as if it were a VM thread's slice: not while a safepoint
    /// holds, and a safepoint requested meanwhile waits for it (the collector's sweep steps,
    /// which write block headers a snapshot must see whole).
    pub fn as_running<R>(&self, f: impl FnOnce() -> R) -> R {
        let mut st = self.lock();
        while st.safepoint {
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        st.running += 1;
        drop(st);
        let result = f();
        let mut st = self.lock();
        st.running -= 1;
        if st.safepoint && st.running == 0 {
            st.stopped_at = Some(self.clock.now());
        }
        self.changed.notify_all();
        result
    }

    /// When the first thread started running, if one has.
    pub fn first_slice(&self) -> Option<Instant> {
        self.first_slice.get().copied()
    }

    /// Threads not finished.
    pub fn live(&self) -> usize {
        self.lock().live
    }

    /// Whether a safepoint is waiting for running threads to stop.
    pub fn safepoint_requested(&self) -> bool {
        self.lock().safepoint
    }

    // The deterministic driver's side (`sim`): one host thread runs every slice, so nothing
    // here waits, and every choice is the caller's.

    /// Wakes the sleepers due by the clock, then takes the runnable thread at the position
    /// `pick` chooses (given how many there are), or None if no thread can run.
    pub(crate) fn sim_take(&self, pick: impl FnOnce(usize) -> usize) -> Option<Box<Thread>> {
        let mut st = self.lock();
        let now = self.clock.now();
        st.wake_sleepers_due(now);
        if st.runnable.is_empty() {
            return None;
        }
        let at = pick(st.runnable.len()).min(st.runnable.len() - 1);
        let thread = st.runnable.remove(at)?;
        st.running += 1;
        Some(thread)
    }

    /// Puts a thread back after its slice as `worker` does; a thread that died is handed back
    /// with its trap.
    pub(crate) fn sim_put_back(&self, thread: Box<Thread>, outcome: Result<(), Trap>) -> Option<(Trap, Box<Thread>)> {
        let mut st = self.lock();
        st.running -= 1;
        st.settle(thread, outcome)
    }

    /// The earliest sleeper's deadline, if any thread sleeps.
    pub(crate) fn sim_next_deadline(&self) -> Option<Duration> {
        self.lock().sleeping.peek().map(|Reverse((at, _))| *at)
    }

    /// How many threads wait for the outside world (console input, a durable snapshot).
    pub(crate) fn sim_external(&self) -> usize {
        self.lock().external.len()
    }
}
