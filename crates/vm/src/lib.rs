//! The Phantom virtual machine: the object heap, class loading with verification, the
//! interpreter and the internal classes' native methods.
//!
//! The heap lives in a [`heap::Memory`] region (the persistent store implements it), holding
//! only offsets, never host pointers. Integers are tagged immediates ([`value::Value`]), and
//! decoded code ([`code::Code`]) is derived data kept outside the heap.

mod args;
mod array;
pub mod check;
pub mod class;
pub mod clock;
pub mod code;
pub mod cx;
mod files;
pub mod gc;
pub mod heap;
pub mod image;
pub mod inspect;
mod interp;
mod java;
mod java_array;
mod marks;
pub mod natives;
mod net;
pub mod outside;
pub mod persist;
mod raster;
pub mod sched;
pub mod screen;
pub mod sim;
mod system;
mod thread;
pub mod value;
mod vm;
mod wasm;
mod window;

pub use check::HeapCheck;
pub use heap::GcStats;
pub use heap::{Memory, MemoryError, PlainMemory};
pub use system::{ImageControl, RunEnd, SnapshotStats, DEFAULT_IMAGE_HEAP};
pub use thread::{Number, Thread, Trap, Uncaught};
pub use value::Value;
pub use vm::{default_workers, Vm};
