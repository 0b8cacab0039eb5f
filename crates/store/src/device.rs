//! Block I/O: `BlockDevice`, `FileDevice`, `SimDisk` and `CrashMode` live in `phantom-host`
//! (`phantom_host::block`), next to the rest of the host interface; this module keeps their
//! old paths.

pub use phantom_host::block::*;
