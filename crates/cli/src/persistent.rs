//! Persistent runs: `phantom boot` and `phantom run --image`. The VM lives in an image; this
//! module opens or creates it, installs classes, and turns signals into snapshot requests.

use std::io;
use std::path::Path;
use std::time::Duration;

use phantom_store::{Store, StoreOptions};
use phantom_vm::{ImageControl, RunEnd, Vm};

use crate::{fail, system_library, Failure, Outcome, Program};

/// The class a new system starts with.
const BOOT_CLASS: &str = ".phantom.boot";

/// How to run a system: the options `phantom boot` and `phantom run` share (for `run`, all but
/// --workers only with --image).
#[derive(clap::Args)]
pub struct Options {
    /// Milliseconds between snapshots (0: only on demand)
    #[arg(long = "snapshot-interval", value_name = "SNAPSHOT_INTERVAL", default_value_t = 1000)]
    pub interval_ms: u64,
    /// Print snapshot figures (pauses, time to the first instruction, memory) to standard
    /// error at the end
    #[arg(long)]
    pub stats: bool,
    /// Host threads running VM threads [default: one fewer than the processors]
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub workers: Option<u16>,
    /// Memory the image's pages may keep after each snapshot, in MiB; pages beyond it that the
    /// snapshot wrote leave memory and are read back when touched [default: no limit]
    #[arg(long, requires = "image", value_parser = clap::value_parser!(u64).range(1..=1 << 24))]
    pub resident_mib: Option<u64>,
    /// The most memory the heap may take, in MiB; a program that needs more gets the
    /// catchable "out of heap memory". An image keeps it: `boot` with it changes it (never
    /// below what the heap holds) [default: 256 in memory, 4096 for a new image]
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1 << 24))]
    pub heap_mib: Option<u64>,
    /// Mounts host directory HOSTDIR into the system as NAME (repeatable; `:ro` makes it
    /// read-only). Programs name files `NAME/path`; nothing outside a mount is reachable. An
    /// image keeps its mounts and attaches them again at boot
    #[arg(long = "mount", value_name = "NAME=HOSTDIR[:ro]")]
    pub mounts: Vec<String>,
    /// Hold what programs send on network connections and write to mounted files until the
    /// snapshot holding the state that produced it is durable, so no one outside sees what a
    /// crash could take back. The image keeps the setting
    #[arg(long, requires = "image")]
    pub output_commit: bool,
    /// How many snapshots the image keeps, newest first (each can be booted with
    /// `boot --generation N`) [default: 2 for a new image; as many as it keeps now on boot]
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=48))]
    pub keep: Option<u16>,
    /// Keep snapshots as they age by tiers of SPAN:EVERY, such as `1m:all,1h:1m,1d:1h`
    /// (every snapshot of the last minute, one a minute for the hour, one an hour for the
    /// day), at most --keep of them [default with it: 48]; kept in the image, and in the
    /// object store with --replicate. `none` goes back to the newest --keep
    #[arg(long, value_name = "POLICY", requires = "image", value_parser = phantom_store::Retention::parse)]
    pub retain: Option<phantom_store::Retention>,
    /// Ship every durable snapshot to an S3 object store, from a background thread (endpoint
    /// and credentials from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    /// AWS_REGION); `phantom restore` rebuilds an image from it
    #[arg(long, value_name = "s3://BUCKET/PREFIX", requires = "image")]
    pub replicate: Option<String>,
    /// With --replicate: `commit()` returns only once its snapshot is in the object store too
    #[arg(long, requires = "replicate")]
    pub replicate_sync: bool,
    #[command(flatten)]
    pub display: crate::screen::DisplayOptions,
}

/// Which kept snapshot `phantom boot` resumes.
#[derive(clap::Args)]
pub struct Travel {
    /// Boot this kept generation instead of the newest (`phantom snapshots IMAGE` lists them).
    /// Refused if newer ones are kept, unless --discard-newer
    #[arg(long)]
    pub generation: Option<u64>,
    /// With --generation: boot it although newer snapshots are kept; they are dropped once it
    /// has taken two snapshots of its own
    #[arg(long, requires = "generation")]
    pub discard_newer: bool,
}

impl Options {
    /// Attaches the `--mount` directories to `vm` (and its image).
    pub fn mount(&self, vm: &Vm) -> Outcome {
        let mut mounts = Vec::new();
        for spec in &self.mounts {
            mounts.push(phantom_vm::outside::Mount::parse(spec).or_else(fail)?);
        }
        vm.add_mounts(&mounts).or_else(fail)
    }

    fn store(&self) -> StoreOptions {
        let by_age = self.retain.as_ref().is_some_and(|r| !r.is_empty());
        StoreOptions {
            resident_limit: self.resident_mib.map(|mib| mib << 20),
            keep: self.keep.map_or(if by_age { phantom_store::format::MAX_RETAINED } else { 2 }, usize::from),
            retention: self.retain.clone(),
            ..StoreOptions::default()
        }
    }
}

/// `phantom run PROGRAM --image PATH`: a new image running PROGRAM.
pub fn run(image: &Path, options: &Options, load: impl FnOnce(&Vm) -> Result<Program, Failure>) -> Outcome {
    if image.exists() {
        return fail(format!(
            "{} already exists: resume it with `phantom boot --image {}`, or name a new image",
            image.display(),
            image.display()
        ));
    }
    let signals = Signals::block();
    let vm = create(image, options)?;
    let started = (|| {
        options.mount(&vm)?;
        let program = load(&vm)?;
        for (k, class) in program.classes.iter().enumerate() {
            vm.load_class(class, &format!("program class {}", k + 1)).or_else(fail)?;
        }
        let class = vm.find_class(&program.main).or_else(fail)?;
        start(&vm, class)
    })();
    if let Err(e) = started {
        drop(vm);
        // Nothing worth keeping: the program never ran.
        let _ = std::fs::remove_file(image);
        return Err(e);
    }
    serve(vm, image, options, signals)
}

/// `phantom boot [--image PATH]`: resumes an image, or makes a new system in a new one.
pub fn boot(image: &Path, options: &Options, travel: &Travel) -> Outcome {
    let signals = Signals::block();
    let vm = if image.exists() {
        let vm = resume(image, options, travel)?;
        options.mount(&vm)?;
        vm.class_path().add_bundle(system_library());
        if vm.sched.live() == 0 {
            eprintln!("phantom: {}: every thread has finished; nothing to resume", image.display());
            return Ok(());
        }
        vm
    } else {
        if let Some(g) = travel.generation {
            return fail(format!("{} does not exist: there is no generation {g} to boot", image.display()));
        }
        let vm = create(image, options)?;
        options.mount(&vm)?;
        let library = system_library();
        for entry in &library.entries {
            let name = format!(".{}", String::from_utf8_lossy(&entry.name));
            vm.load_class(&entry.class, &name).or_else(|e| fail(format!("installing the system library: {e}")))?;
        }
        vm.class_path().add_bundle(library);
        let class = vm.find_class(BOOT_CLASS).or_else(|e| fail(format!("system library: {e}")))?;
        start(&vm, class)?;
        vm
    };
    serve(vm, image, options, signals)
}

fn create(image: &Path, options: &Options) -> Result<Vm, Failure> {
    let store = Store::create(image, &options.store())
        .or_else(|e| fail(format!("cannot create the image {}: {e}", image.display())))?;
    let limit = options.heap_mib.map_or(phantom_vm::DEFAULT_IMAGE_HEAP, |mib| mib << 20);
    Vm::create_image(store, Box::new(Console), limit).or_else(|e| fail(format!("cannot start the VM: {e}")))
}

/// Starts the main class, and takes a first snapshot so that the image boots from the start.
fn start(vm: &Vm, class: u32) -> Outcome {
    vm.start_main(class).or_else(|uncaught| fail(uncaught.to_string().trim_end().to_string()))?;
    vm.snapshot().map(|_| ()).or_else(|e| fail(format!("cannot take the first snapshot: {e}")))
}

/// Opens an image at its newest usable snapshot: one the store can read and whose heap holds
/// a system this VM can resume; older retained snapshots are tried in turn.
fn resume(image: &Path, run: &Options, travel: &Travel) -> Result<Vm, Failure> {
    let shown = image.display();
    let mut options = run.store();
    // The snapshots the image keeps: a boot keeps as many unless told otherwise, and the one
    // asked for must be among them.
    let file = std::fs::File::open(image).or_else(|e| fail(format!("cannot open {shown}: {e}")))?;
    let device = phantom_store::FileDevice::new(file);
    let kept: Vec<u64> = phantom_store::list_snapshots(&device)
        .map(|list| list.iter().map(|s| s.generation).collect())
        .unwrap_or_default();
    let by_age = run.retain.clone().unwrap_or_else(|| phantom_store::image_retention(&device));
    if run.keep.is_none() {
        options.keep = if by_age.is_empty() {
            kept.len().clamp(2, phantom_store::format::MAX_RETAINED)
        } else {
            phantom_store::format::MAX_RETAINED
        };
    }
    if let Some(g) = travel.generation {
        let list = kept.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
        if !kept.contains(&g) {
            return fail(format!("{shown} keeps no generation {g} (it keeps {list})"));
        }
        let newer: Vec<String> = kept.iter().filter(|&&k| k > g).map(u64::to_string).collect();
        if !newer.is_empty() && !travel.discard_newer {
            return fail(format!(
                "{shown} keeps newer snapshots than {g} ({}): booting {g} drops them once it has taken two \
                 snapshots; add --discard-newer to do that, or boot a copy of the image",
                newer.join(", ")
            ));
        }
        options.generation = Some(g);
        // The snapshots older than it stay kept, with room for its own.
        options.keep =
            options.keep.max(kept.iter().filter(|&&k| k <= g).count() + 1).min(phantom_store::format::MAX_RETAINED);
    }
    let mut tried: Vec<String> = Vec::new();
    loop {
        let (store, report) = match Store::open(image, &options) {
            Ok(opened) => opened,
            Err(e) if tried.is_empty() => return fail(format!("cannot boot {shown}: {e}")),
            Err(e) => return fail(format!("cannot boot {shown}: {}; then: {e}", tried.join("; "))),
        };
        if !report.skipped.is_empty() || !report.bad_slots.is_empty() {
            eprintln!("phantom: {shown}: {report}");
        }
        let older: Vec<u64> =
            store.snapshots().iter().map(|s| s.generation).filter(|&g| g < report.generation).collect();
        match Vm::open_image(store, Box::new(Console), run.heap_mib.map(|mib| mib << 20)) {
            Ok(vm) => {
                if !tried.is_empty() {
                    eprintln!("phantom: {shown}: booted snapshot {} ({})", report.generation, tried.join("; "));
                }
                return Ok(vm);
            }
            Err(e) => {
                tried.push(format!("snapshot {} is unusable: {e}", report.generation));
                match older.first() {
                    Some(&g) => options.generation = Some(g),
                    None => return fail(format!("cannot boot {shown}: {}", tried.join("; "))),
                }
            }
        }
    }
}

/// Runs the system until every thread has finished or a signal stops it; with `stats`,
/// reports the snapshots' figures on standard error at the end.
fn serve(mut vm: Vm, image: &Path, options: &Options, signals: Signals) -> Outcome {
    if let Some(n) = options.workers {
        vm.workers = n.into();
    }
    let vm = std::sync::Arc::new(vm);
    let display = options.display.attach(&vm)?;
    if options.output_commit {
        vm.hold_output().or_else(fail)?;
    }
    let control = vm.image_control().expect("a persistent VM has an image");
    if options.replicate_sync {
        control.wait_for_remote();
    }
    let replicator = match &options.replicate {
        Some(url) => {
            let retention = vm.store_retention();
            let keep = options.keep.map_or(if retention.is_empty() { 2 } else { usize::MAX }, usize::from);
            let sync = options.replicate_sync;
            let started = crate::replication::Replicator::start(image, url, keep, retention, control.clone(), sync);
            Some(started.or_else(fail)?)
        }
        None => None,
    };
    signals.watch(control);
    let interval = (options.interval_ms > 0).then(|| Duration::from_millis(options.interval_ms));
    let result = vm.run_persistent(interval);
    let replicated = replicator.map(|r| r.finish());
    if options.stats {
        let mut line = stats(&vm);
        if let Some(shipped) = replicated {
            let newest = vm.snapshot_stats().map_or(0, |s| s.generation);
            let remote = shipped.generation.map_or("none".to_string(), |g| g.to_string());
            let lag = shipped.generation.map_or(newest, |g| newest.saturating_sub(g));
            let lags = sorted_ms(&shipped.lags);
            let at = |q: f64| quantile(&lags, q);
            line.push_str(&format!(
                " replicated_generation {remote} replication_lag_generations {lag} shipments {} replication_lag_ms_p50 {:.1} replication_lag_ms_max {:.1}",
                lags.len(),
                at(0.5),
                at(1.0)
            ));
        }
        eprintln!("phantom: {line}");
    }
    if let Some(display) = display {
        display.stop();
    }
    match result {
        Ok(RunEnd::Finished) => {
            crate::exit_with_program_status(&vm);
            Ok(())
        }
        Ok(RunEnd::ShutDown) => Ok(()),
        Err(uncaught) => fail(uncaught.to_string().trim_end().to_string()),
    }
}

/// Durations in milliseconds, smallest first.
fn sorted_ms(durations: &[Duration]) -> Vec<f64> {
    let mut ms: Vec<f64> = durations.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    ms
}

/// The value at quantile `q` (0 to 1) of sorted values; 0 for none.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted.get(((sorted.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0)
}

/// One line of snapshot figures, for `--stats` (and the benchmarks that read it).
fn stats(vm: &Vm) -> String {
    let s = vm.snapshot_stats().unwrap_or_default();
    let pauses = sorted_ms(&s.pauses);
    let at = |q: f64| quantile(&pauses, q);
    let first = vm.sched.first_slice().map_or("none".to_string(), |t| {
        format!(
            "{:.1}",
            t.saturating_duration_since(*crate::PROCESS_START.get().expect("set in main")).as_secs_f64() * 1e3
        )
    });
    let reach_max = s.reaches.iter().max().map_or(0.0, |d| d.as_secs_f64() * 1e3);
    format!(
        "{} snapshots {} failed {} pause_ms_p50 {:.3} pause_ms_p99 {:.3} pause_ms_max {:.3} reach_ms_max {reach_max:.3} first_instruction_ms {first} heap_bytes {} resident_bytes_max {} resident_bytes_after_snapshot_max {}",
        gc_stats(vm),
        s.taken,
        s.failed,
        at(0.5),
        at(0.99),
        at(1.0),
        vm.heap.used(),
        s.resident_max,
        s.resident_after_trim_max
    )
}

/// The collector's figures, for `--stats`: cycles, its stops of the world, the heap's size.
pub(crate) fn gc_stats(vm: &Vm) -> String {
    let pauses = sorted_ms(&vm.gc_pauses());
    let at = |q: f64| quantile(&pauses, q);
    let cycles = vm.gc_log.lock().unwrap_or_else(|e| e.into_inner()).0;
    format!(
        "stats: collections {cycles} gc_pauses {} gc_pause_ms_p99 {:.3} gc_pause_ms_max {:.3} heap_top_bytes {}",
        pauses.len(),
        at(0.99),
        at(1.0),
        vm.heap.top()
    )
}

/// Standard output for a persistent system. If it cannot be written (a closed pipe, say), the
/// process stops at once, as a crash would: the thread printing must not die of it, and the
/// image keeps its last snapshot, from which the next boot carries on.
struct Console;

impl io::Write for Console {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        io::stdout().write_all(buf).unwrap_or_else(|e| Console::lost(e));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stdout().flush().unwrap_or_else(|e| Console::lost(e));
        Ok(())
    }
}

impl Console {
    fn lost(e: io::Error) -> ! {
        eprintln!(
            "phantom: cannot write to standard output ({e}); stopping without a snapshot, the image keeps its last one"
        );
        std::process::exit(1)
    }
}

/// SIGINT, SIGTERM and SIGUSR1, blocked in every thread and taken by one watcher thread, so
/// that they become requests to the snapshot thread instead of interrupting anything.
struct Signals(libc::sigset_t);

impl Signals {
    /// Blocks the signals in this thread, and so in every thread it starts afterwards: call it
    /// before any other thread exists.
    fn block() -> Signals {
        // SAFETY: plain signal-set manipulation on a set we own.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGUSR1] {
                libc::sigaddset(&mut set, sig);
            }
            libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
            Signals(set)
        }
    }

    /// SIGUSR1 takes a snapshot; SIGINT or SIGTERM takes a last one and stops the system. Another
    /// SIGINT or SIGTERM more than a second later, while that snapshot is still being written,
    /// ends the process at once (sooner ones are repeats: `timeout` and terminals send two).
    fn watch(self, control: ImageControl) {
        let set = self.0;
        let watcher = move || {
            let mut stopping: Option<std::time::Instant> = None;
            loop {
                let mut sig = 0;
                // SAFETY: waits for one of the blocked signals of `set`.
                if unsafe { libc::sigwait(&set, &mut sig) } != 0 {
                    continue;
                }
                match sig {
                    libc::SIGUSR1 => control.request_snapshot(),
                    _ => match stopping {
                        Some(at) if at.elapsed() > Duration::from_secs(1) => {
                            eprintln!("phantom: stopped before the final snapshot was written");
                            std::process::exit(1);
                        }
                        Some(_) => {}
                        None => {
                            stopping = Some(std::time::Instant::now());
                            control.request_shutdown();
                        }
                    },
                }
            }
        };
        std::thread::Builder::new().name("phantom-signals".into()).spawn(watcher).expect("spawning the signal thread");
    }
}
