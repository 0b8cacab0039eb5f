//! `--replicate s3://BUCKET/PREFIX`: a host thread beside the VM ships every durable snapshot
//! of the image to the object store, never blocking the VM; failures are said once on standard
//! error and retried with backoff until the store answers again.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use phantom_replicate::{Remote, Shipper};
use phantom_store::FileDevice;
use phantom_vm::ImageControl;

/// What has reached the object store.
#[derive(Default)]
pub struct Shipped {
    /// The newest generation shipped.
    pub generation: Option<u64>,
    /// For each shipment, how long after its snapshot's moment it was in the store.
    pub lags: Vec<Duration>,
}

/// Attempts after the system stopped before the last snapshot is given up on.
const FINAL_ATTEMPTS: u32 = 5;

pub struct Replicator {
    stop: Arc<AtomicBool>,
    shipped: Arc<Mutex<Shipped>>,
    thread: std::thread::JoinHandle<()>,
}

/// The remote `url` names, with the standard AWS variables of this process.
pub fn remote(url: &str) -> Result<Remote, String> {
    Remote::new(url, |k| std::env::var(k).ok())
}

impl Replicator {
    /// The object store keeps the newest `keep` generations, or those `retention` chooses. `control` tells which are durable;
    /// with `sync`, threads inside `commit()` return only once their snapshot is shipped.
    pub fn start(
        image: &Path,
        url: &str,
        keep: usize,
        retention: phantom_store::Retention,
        control: ImageControl,
        sync: bool,
    ) -> Result<Replicator, String> {
        let remote = remote(url)?;
        if let Err(e) = remote.ensure_bucket() {
            eprintln!("phantom: replication: {e}");
        }
        let file = std::fs::File::open(image).map_err(|e| format!("{}: {e}", image.display()))?;
        let dev = FileDevice::new(file);
        let (stop, shipped) = (Arc::new(AtomicBool::new(false)), Arc::new(Mutex::new(Shipped::default())));
        let (stopping, record) = (stop.clone(), shipped.clone());
        let thread = std::thread::Builder::new()
            .name("phantom-replicate".into())
            .spawn(move || {
                run(Shipper::new(remote, keep).with_retention(retention), &dev, &stopping, &record, &control, sync)
            })
            .map_err(|e| format!("cannot start the replication thread: {e}"))?;
        Ok(Replicator { stop, shipped, thread })
    }

    /// Ships the last snapshot (a few attempts), then stops.
    pub fn finish(self) -> Shipped {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
        std::mem::take(&mut *self.shipped.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

fn run(
    mut shipper: Shipper,
    dev: &FileDevice,
    stop: &AtomicBool,
    shipped: &Mutex<Shipped>,
    control: &ImageControl,
    sync: bool,
) {
    let mut backoff = Duration::from_millis(100);
    let mut failing = false;
    let mut final_attempts = 0;
    loop {
        let stopping = stop.load(Ordering::Relaxed);
        match shipper.ship(dev, control.durable_generation()) {
            Ok(Some(m)) => {
                let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
                let lag = now.saturating_sub(Duration::from_nanos(m.snapshot.time_ns));
                let mut record = shipped.lock().unwrap_or_else(|e| e.into_inner());
                record.generation = Some(m.snapshot.generation);
                if record.lags.len() < 100_000 {
                    record.lags.push(lag);
                }
                drop(record);
                if sync {
                    control.remote_has(m.snapshot.generation);
                }
                if failing {
                    eprintln!(
                        "phantom: replication to {} works again (generation {} shipped)",
                        shipper.remote().shown(),
                        m.snapshot.generation
                    );
                }
                failing = false;
                backoff = Duration::from_millis(100);
            }
            Ok(None) if stopping => return,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => {
                if !failing {
                    eprintln!("phantom: replication failed: {e}; retrying, the system carries on");
                }
                failing = true;
                if stopping {
                    final_attempts += 1;
                    if final_attempts >= FINAL_ATTEMPTS {
                        eprintln!("phantom: replication: the last snapshot was not shipped");
                        return;
                    }
                }
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(Duration::from_secs(30));
            }
        }
    }
}
