//! The clock the VM reads: a [`phantom_host::Host`], so that a simulation can own time.
//!
//! Every deadline the VM keeps (sleepers, timed waits, timers, the snapshot schedule) is a
//! `Duration` on the host's [`Host::now`] scale. Without a host of its own a VM uses one
//! process-wide [`LinuxHost`], so that deadlines made by different VMs of a process compare.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use phantom_host::{Host, LinuxHost};

/// The host a scheduler reads time from: set at most once, before any deadline is made.
#[derive(Default)]
pub struct Clock(OnceLock<Arc<dyn Host>>);

/// The process-wide host of VMs given none.
fn linux() -> &'static Arc<dyn Host> {
    static LINUX: OnceLock<Arc<dyn Host>> = OnceLock::new();
    LINUX.get_or_init(|| Arc::new(LinuxHost::new()))
}

impl Clock {
    pub fn host(&self) -> &dyn Host {
        &**self.shared()
    }

    /// The host, for a thread of its own to hold.
    pub fn shared(&self) -> &Arc<dyn Host> {
        self.0.get().unwrap_or_else(|| linux())
    }

    /// The host's time since its start.
    pub fn now(&self) -> Duration {
        self.host().now()
    }

    /// Makes `host` the clock. Refused (false) once a clock was set: deadlines already made
    /// are on the old host's scale.
    pub fn set(&self, host: Arc<dyn Host>) -> bool {
        self.0.set(host).is_ok()
    }
}
