//! The system object's layout, and the persistent store the heap lives in with its snapshot
//! schedule (`image` runs the VM on them).

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use phantom_store::Store;

use crate::heap::ClassId;

// Slots of the system object.
pub(crate) const VERSION: u64 = 0;
pub(crate) const BOOT: u64 = 1;
pub(crate) const CLASSES: u64 = 2;
pub(crate) const CLASS_COUNT: u64 = 3;
pub(crate) const CLASS_LOADER: u64 = 4;
pub(crate) const OS_INTERFACE: u64 = 5;
pub(crate) const THREADS: u64 = 6;
pub(crate) const NEXT_THREAD: u64 = 7;
pub(crate) const INTERNAL_COUNT: u64 = 8;
/// The program's arguments (`phantom run PROGRAM -- ARGS`): a page of strings, or null.
pub(crate) const ARGUMENTS: u64 = 9;
/// The mounts (`--mount`): an array of `NAME=HOSTDIR[:ro]` strings, re-attached at boot.
pub(crate) const MOUNTS: u64 = 10;
/// Objects with host state to open again at boot (listening tcp, bound udp): an array.
pub(crate) const RESTART: u64 = 11;
/// Settings the image keeps: an int of flags (`SETTING_OUTPUT_COMMIT`).
pub(crate) const SETTINGS: u64 = 12;
pub(crate) const SETTING_OUTPUT_COMMIT: i32 = 1;
/// Images made before windows existed end here; they have mounts, restarts and settings.
pub(crate) const OUTSIDE_SLOTS: u64 = SETTINGS + 1;
/// The windows, in the order they were made (which is also their stacking order): an array.
pub(crate) const WINDOWS: u64 = 13;
/// The screen background (`setScreenBackground`): a bitmap, or null.
pub(crate) const BACKGROUND: u64 = 14;
pub(crate) const ROOT_SLOTS: u64 = 15;
/// Images made before the arguments slot existed have only the slots below it; they open with
/// no arguments.
pub(crate) const ROOT_SLOTS_MIN: u64 = ARGUMENTS;
/// Bumped whenever the meaning of the slots changes.
pub(crate) const IMAGE_VERSION: i32 = 1;

// Slots of a class record.
pub(crate) const RECORD_NAME: u64 = 0;
/// The class file (a binary), or null for internal and made classes.
pub(crate) const RECORD_FILE: u64 = 1;
pub(crate) const RECORD_OBJECT: u64 = 2;
/// Constant strings: a page of (id, string) pairs.
pub(crate) const RECORD_CONSTANTS: u64 = 3;
/// For a class made by `newClass`: its field count and the class whose methods it has.
pub(crate) const RECORD_FIELDS: u64 = 4;
pub(crate) const RECORD_METHODS_OF: u64 = 5;
pub(crate) const RECORD_SLOTS: u64 = 6;

/// Where a class came from, as recorded in the registry.
pub(crate) enum ClassSource<'a> {
    Internal,
    File(&'a [u8]),
    Defined { field_slots: u32, methods_of: ClassId },
}

/// Snapshot figures so far.
#[derive(Clone, Debug, Default)]
pub struct SnapshotStats {
    /// Snapshots committed.
    pub taken: u64,
    /// Attempts that failed (each retried later).
    pub failed: u64,
    /// How long each snapshot stopped the threads: safepoint, thread state, `begin_snapshot`
    /// (the most recent ones, up to 100,000).
    pub pauses: Vec<Duration>,
    /// Of each pause, how long the running threads took to reach the safepoint.
    pub reaches: Vec<Duration>,
    /// The newest committed generation.
    pub generation: u64,
    /// The most memory the image's pages held, and the most they still held right after a
    /// snapshot let the store evict what it had written (both in bytes; with a resident limit,
    /// the second stays near it).
    pub resident_max: u64,
    pub resident_after_trim_max: u64,
}

/// The most bytes an image's heap takes unless told otherwise.
pub const DEFAULT_IMAGE_HEAP: u64 = 4 << 30;

/// Pauses kept for the figures: a system that runs for months must not grow without bound.
const PAUSES_KEPT: usize = 100_000;

impl SnapshotStats {
    pub(crate) fn record(&mut self, pause: Duration, reach: Duration) {
        if self.pauses.len() == PAUSES_KEPT {
            // Keep the newest half.
            self.pauses.drain(..PAUSES_KEPT / 2);
            self.reaches.drain(..PAUSES_KEPT / 2);
        }
        self.pauses.push(pause);
        self.reaches.push(reach);
    }
}

#[derive(Default)]
pub(crate) struct ImageState {
    /// Threads inside `commit()` that no begun snapshot holds yet.
    pub(crate) committers: Vec<u64>,
    /// Generations for committers whose snapshot is durable, until they pick them up.
    pub(crate) results: HashMap<u64, u64>,
    pub(crate) requested: bool,
    pub(crate) shutdown: bool,
    pub(crate) finished: bool,
    pub(crate) stats: SnapshotStats,
    /// `commit()` returns only once the snapshot is also in a remote copy
    /// (`ImageControl::wait_for_remote`).
    pub(crate) remote_gate: bool,
    /// Committers of durable snapshots waiting for the remote copy, by generation.
    pub(crate) awaiting_remote: Vec<(u64, Vec<u64>)>,
}

/// The persistent store the heap lives in, and the snapshot schedule.
pub(crate) struct Image {
    pub(crate) store: Store,
    pub(crate) state: Mutex<ImageState>,
    pub(crate) changed: Condvar,
    /// To wake threads in `commit()` when a remote copy has their snapshot.
    sched: Arc<crate::sched::Scheduler>,
}

impl Image {
    pub(crate) fn lock(&self) -> MutexGuard<'_, ImageState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Asks a running image for snapshots or a clean shutdown, from any host thread (signal
/// handling, say).
#[derive(Clone)]
pub struct ImageControl(pub(crate) Arc<Image>);

impl ImageControl {
    /// Takes a snapshot as soon as possible.
    pub fn request_snapshot(&self) {
        self.0.lock().requested = true;
        self.0.changed.notify_all();
    }

    /// The newest generation the image's store has committed (durable on its disk).
    pub fn durable_generation(&self) -> u64 {
        self.0.store.generation()
    }

    /// From now on `commit()` returns only once its snapshot is durable and in a remote copy
    /// as well: whoever keeps that copy calls `remote_has` with each generation it holds.
    pub fn wait_for_remote(&self) {
        self.0.lock().remote_gate = true;
    }

    /// The remote copy holds `generation` (and so every older one): threads inside `commit()`
    /// whose snapshot it is, or an older one, return.
    pub fn remote_has(&self, generation: u64) {
        let mut st = self.0.lock();
        let (ready, waiting): (Vec<_>, Vec<_>) =
            std::mem::take(&mut st.awaiting_remote).into_iter().partition(|(g, _)| *g <= generation);
        st.awaiting_remote = waiting;
        for (g, ids) in ready {
            for id in ids {
                st.results.insert(id, g);
                self.0.sched.wake(id);
            }
        }
    }

    /// Takes a final snapshot, then stops every thread: `run_persistent` returns.
    pub fn request_shutdown(&self) {
        self.0.lock().shutdown = true;
        self.0.changed.notify_all();
    }
}

/// How `run_persistent` ended.
#[derive(Debug)]
pub enum RunEnd {
    /// Every thread finished (the final snapshot records that).
    Finished,
    /// A shutdown was requested; the final snapshot holds every thread.
    ShutDown,
}

pub(crate) fn memory_error(e: impl std::fmt::Display) -> String {
    format!("damaged image: {e}")
}

impl Image {
    pub(crate) fn new(store: Store, sched: Arc<crate::sched::Scheduler>) -> Image {
        Image { store, state: Mutex::new(ImageState::default()), changed: Condvar::new(), sched }
    }

    /// Lets the store evict clean pages down to its resident limit (if it has one); the
    /// resident bytes before and after.
    pub(crate) fn trim(&self) -> (u64, u64) {
        let resident = || self.store.resident_pages() * phantom_store::PAGE_SIZE as u64;
        let before = resident();
        self.store.trim();
        (before, resident())
    }
}
