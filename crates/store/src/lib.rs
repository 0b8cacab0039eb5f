//! Phantom's persistent memory: a huge, lazily reserved paged address space whose whole
//! contents are snapshotted consistently while it keeps changing, and recovered after any crash.
//!
//! The store knows nothing about objects. Callers read and write bytes at addresses; writes go
//! through a software barrier (per-page epochs, copy-before-write) so that
//! [`Store::begin_snapshot`] costs O(1) and the snapshot is written while memory changes. On
//! disk, snapshots are shadow-paged page tables committed through two checksummed superblocks;
//! `docs/STORE-FORMAT.md` is the format's contract.

pub mod check;
pub mod device;
pub mod format;
mod region;
pub mod retention;
mod store;

pub use check::{check_image, image_retention, list_snapshots, CheckReport};
pub use device::{BlockDevice, CrashMode, FileDevice, SimDisk};
pub use format::{SnapshotRecord, PAGE_SIZE};
pub use retention::Retention;
pub use store::{OpenReport, Result, Store, StoreError, StoreOptions, Writer, DEFAULT_ADDRESS_SPACE};
