//! The deterministic simulation driver, in the manner of FoundationDB's simulation testing: a
//! seed fixes thread interleaving, time and I/O, so a failing run replays exactly.
//!
//! [`Simulation`] runs every VM thread on the calling host thread, one slice at a time: the
//! seed's generator picks the next runnable thread and how many instructions it may run
//! (1..=`max_slice`); the virtual clock (a [`SimHost`]) advances by the instructions run, jumps
//! to the next sleeper's deadline when nothing can run, and never reads a real clock.
//! Snapshots are taken inline between slices (the safepoint is immediate: no thread is
//! running), when a thread waits in `commit()` (after a seed-chosen delay) or at random, and
//! written out inline, without the store's writer thread. The store lives on a [`SimDisk`];
//! [`Simulation::crash`] stops the VM dead (no final snapshot), possibly in the middle of a
//! snapshot's write-out, keeps or tears the unsynced writes as a seed-drawn [`CrashMode`]
//! says, and opens the VM again from what the disk kept.
//!
//! Every decision is drawn from one generator forked from the seed, in program order, so the
//! same seed gives the same run byte for byte: [`Simulation::trace`] hashes what happened
//! (each slice's thread, budget and instructions run, each snapshot and collection, the clock,
//! the output), and a test compares two runs of one seed.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use phantom_host::{Host, SimHost, SimRng};
use phantom_store::{CrashMode, SimDisk, Store, StoreOptions};

use crate::heap::ClassId;
use crate::thread::Trap;
use crate::vm::Vm;

/// The knobs of a simulation; the defaults suit small test programs.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// The most instructions a slice may run (the scheduler's own slice is 10,000); half the
    /// slices run at most 32.
    pub max_slice: u32,
    /// Virtual time per instruction run.
    pub instruction_time: Duration,
    /// Out of 1,000 slices, how many end with a snapshot that nobody asked for.
    pub snapshot_per_mille: u64,
    /// Out of 1,000 slices with a thread waiting in `commit()`, how many take its snapshot
    /// (the rest delay it, so other threads run meanwhile).
    pub commit_per_mille: u64,
    /// The address space of the store.
    pub address_space: u64,
    /// A run that takes more slices than this is reported as stuck.
    pub slice_limit: u64,
    /// How much each of the collector's steps does (see `Vm::collector_work`): small, so
    /// that a cycle spans many slices.
    pub collector_step: u64,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            max_slice: 1_000,
            instruction_time: Duration::from_nanos(100),
            snapshot_per_mille: 10,
            commit_per_mille: 300,
            address_space: 64 << 20,
            slice_limit: 2_000_000,
            collector_step: 64,
        }
    }
}

/// How a call to [`Simulation::run`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SimEnd {
    /// Every thread finished (and a final snapshot was attempted).
    Finished,
    /// The slice count asked for was reached.
    Paused,
}

/// What [`Simulation::crash`] did.
#[derive(Clone, Debug)]
pub struct CrashReport {
    /// The crash came during a snapshot's write-out, at this device operation of it.
    pub during_snapshot: Option<u64>,
    pub mode: CrashMode,
    /// The generation the store recovered.
    pub recovered: u64,
}

/// Program output of one boot, shared with the VM.
#[derive(Clone, Default)]
struct Output(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// FNV-1a over 64-bit words: stable across processes and Rust versions, unlike `Hash`.
#[derive(Clone, Copy)]
struct Trace(u64);

impl Trace {
    fn add(&mut self, word: u64) {
        for b in word.to_le_bytes() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// One seeded run of a VM on a simulated host and disk (see the module documentation).
pub struct Simulation {
    seed: u64,
    config: SimConfig,
    host: SimHost,
    rng: SimRng,
    disk: Arc<SimDisk>,
    vm: Option<Vm>,
    outputs: Vec<Output>,
    trace: Trace,
    slices: u64,
    snapshots: u64,
}

impl Vm {
    /// `create_image` with the clock of `host` (a simulation's).
    pub fn create_image_on(
        store: Store,
        out: Box<dyn std::io::Write + Send>,
        host: Arc<dyn Host>,
    ) -> Result<Vm, String> {
        let vm = Vm::create_image(store, out, crate::system::DEFAULT_IMAGE_HEAP)?;
        vm.sched.clock.set(host);
        Ok(vm)
    }
}

impl Simulation {
    pub fn new(seed: u64, config: SimConfig) -> Simulation {
        let host = SimHost::new(seed);
        let rng = host.fork_rng();
        Simulation {
            seed,
            config,
            host,
            rng,
            disk: Arc::new(SimDisk::new()),
            vm: None,
            outputs: Vec::new(),
            trace: Trace(0xcbf2_9ce4_8422_2325),
            slices: 0,
            snapshots: 0,
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The simulation's generator, for the test's own decisions (where to crash): drawing
    /// from it keeps the whole run a function of the seed.
    pub fn rng(&mut self) -> &mut SimRng {
        &mut self.rng
    }

    pub fn vm(&self) -> Option<&Vm> {
        self.vm.as_ref()
    }

    fn options(&self) -> StoreOptions {
        StoreOptions { address_space: self.config.address_space, keep: 2, ..StoreOptions::default() }
    }

    /// Makes a new image on the disk, lets `install` load the program and name its main class,
    /// starts it, and takes the first snapshot (so the image boots from the start, as
    /// `phantom run --image` does).
    pub fn boot(&mut self, install: impl FnOnce(&Vm) -> Result<ClassId, String>) -> Result<(), String> {
        let store = Store::create_on(Box::new(self.disk.clone()), &self.options()).map_err(|e| e.to_string())?;
        let output = Output::default();
        let vm = Vm::create_image_on(store, Box::new(output.clone()), Arc::new(self.host.clone()))?;
        let main = install(&vm)?;
        vm.start_main(main).map_err(|u| u.to_string())?;
        self.outputs.push(output);
        self.vm = Some(vm);
        self.snapshot()?;
        Ok(())
    }

    /// Runs at most `slices` slices, or until every thread has finished.
    pub fn run(&mut self, slices: u64) -> Result<SimEnd, String> {
        for _ in 0..slices {
            if !self.step()? {
                return Ok(SimEnd::Finished);
            }
        }
        Ok(SimEnd::Paused)
    }

    /// Runs until every thread has finished.
    pub fn run_to_end(&mut self) -> Result<(), String> {
        let limit = self.config.slice_limit;
        match self.run(limit)? {
            SimEnd::Finished => Ok(()),
            SimEnd::Paused => Err(format!("the program did not finish in {limit} slices")),
        }
    }

    /// One scheduling step: a slice, a snapshot or a jump of the clock. False once every
    /// thread has finished.
    fn step(&mut self) -> Result<bool, String> {
        let vm = self.vm.as_ref().ok_or("no VM: boot first")?;
        self.slices += 1;
        if self.slices > self.config.slice_limit {
            return Err(format!("stuck: {} slices", self.config.slice_limit));
        }
        let rng = &mut self.rng;
        let Some(mut thread) = vm.sched.sim_take(|n| rng.below(n as u64) as usize) else {
            if vm.sched.sim_external() > 0 {
                // Only a snapshot can let the threads inside commit() go on.
                self.snapshot()?;
            } else if let Some(at) = vm.sched.sim_next_deadline() {
                self.host.advance(at.saturating_sub(self.host.now()));
                self.trace.add(self.host.now().as_nanos() as u64);
            } else if vm.sched.live() == 0 {
                // The end of a run, as `run_persistent` ends it; it may fail if the disk died.
                let _ = self.snapshot();
                return Ok(false);
            } else {
                return Err(format!("deadlock: {} threads wait for each other forever", vm.sched.live()));
            }
            return Ok(true);
        };
        // Half the slices are short, so that threads often stop inside critical sections.
        let longest = if self.rng.chance(1, 2) { self.config.max_slice.min(32) } else { self.config.max_slice };
        let budget = 1 + self.rng.below(longest as u64) as u32;
        let outcome = if thread.park.is_some() {
            // Created asleep (a timer): parks before running anything.
            Err(Trap::Yield)
        } else {
            thread.budget = budget;
            vm.resume(&mut thread)
        };
        let ran = budget.saturating_sub(thread.budget).max(1);
        for word in [thread.id, budget as u64, ran as u64] {
            self.trace.add(word);
        }
        self.host.advance(self.config.instruction_time * ran);
        if let Some((trap, thread)) = vm.sched.sim_put_back(thread, outcome) {
            let uncaught = vm.uncaught(trap, &thread);
            return Err(format!("thread {} died: {uncaught}", thread.id));
        }
        if vm.heap.gc_urgent.load(std::sync::atomic::Ordering::Relaxed) {
            let (stats, _) = vm.safepoint(|threads| vm.collect(threads));
            self.trace.add(stats.live_bytes);
            vm.note_collection(stats);
        }
        // The collector's steps come between slices, a seed-chosen few at a time: every stage
        // of a cycle meets every point of the program.
        while self.rng.chance(1, 2) && vm.collector_work(self.config.collector_step) {
            self.trace.add(vm.gc_log.lock().unwrap_or_else(|e| e.into_inner()).0);
        }
        let committing = vm.sched.sim_external() > 0;
        if (committing && self.rng.chance(self.config.commit_per_mille, 1000))
            || self.rng.chance(self.config.snapshot_per_mille, 1000)
        {
            self.snapshot()?;
        }
        Ok(true)
    }

    /// A snapshot, inline: the safepoint is immediate between slices, and the write-out runs
    /// here. A snapshot the disk fails is an error only once the disk has crashed.
    fn snapshot(&mut self) -> Result<Option<u64>, String> {
        let vm = self.vm.as_ref().ok_or("no VM")?;
        self.snapshots += 1;
        let result = vm.snapshot();
        self.trace.add(*result.as_ref().unwrap_or(&u64::MAX));
        // Writing takes time too: a seed-chosen few microseconds.
        self.host.advance(Duration::from_micros(1 + self.rng.below(50)));
        match result {
            Ok(generation) => Ok(Some(generation)),
            Err(_) if self.disk.has_crashed() => Ok(None),
            Err(e) => Err(format!("snapshot failed: {e}")),
        }
    }

    /// Stops the VM dead, without a final snapshot: at once, or (seed's choice) after the
    /// disk dies partway through one more snapshot. The disk then keeps what the seed-drawn
    /// crash mode says of its unsynced writes, and the VM is opened again from it, with every
    /// thread where the recovered snapshot left it.
    pub fn crash(&mut self) -> Result<CrashReport, String> {
        let during_snapshot = if self.rng.chance(1, 2) {
            // A snapshot is a dozen or so device operations: write pages, nodes, sync, the
            // superblock, sync.
            let op = self.rng.below(16);
            self.disk.crash_after(op);
            let _ = self.snapshot();
            Some(op)
        } else {
            None
        };
        drop(self.vm.take());
        let mode = CrashMode::drawn(&mut self.rng);
        let image = self.disk.crash_image(mode);
        self.trace.add(image.len() as u64);
        self.disk = Arc::new(SimDisk::from_image(image));
        let (store, report) =
            Store::open_on(Box::new(self.disk.clone()), &self.options()).map_err(|e| format!("recovery: {e}"))?;
        let output = Output::default();
        let vm = Vm::open_image_on(store, Box::new(output.clone()), Arc::new(self.host.clone()))
            .map_err(|e| format!("reopening the VM: {e}"))?;
        self.outputs.push(output);
        self.vm = Some(vm);
        self.trace.add(report.generation);
        Ok(CrashReport { during_snapshot, mode, recovered: report.generation })
    }

    /// The program's output, one string per boot (the first boot, then one per crash).
    pub fn outputs(&self) -> Vec<String> {
        self.outputs
            .iter()
            .map(|o| String::from_utf8_lossy(&o.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned())
            .collect()
    }

    /// A hash of everything that happened so far: equal for two runs of one seed.
    pub fn trace(&self) -> u64 {
        let mut trace = self.trace;
        for output in self.outputs() {
            trace.add(output.len() as u64);
            output.bytes().for_each(|b| trace.add(b as u64));
        }
        trace.add(self.host.now().as_nanos() as u64);
        trace.0
    }

    /// Slices and snapshots so far, and the virtual time.
    pub fn counts(&self) -> (u64, u64, Duration) {
        (self.slices, self.snapshots, self.host.now())
    }

    /// The disk the store lives on.
    pub fn disk(&self) -> &SimDisk {
        &self.disk
    }
}
