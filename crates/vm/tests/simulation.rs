//! Deterministic simulation of the bank (`tests/sim/bank.ph`): tellers moving money under
//! mutexes, committing every 5 transfers. For each seed the simulation picks the interleaving,
//! the slice lengths, the snapshots, a crash point (between slices or inside a snapshot's
//! write-out) and what the disk keeps of its unsynced writes; the VM is then reopened from the
//! disk and runs to the end. After each, the bank's invariants must hold and the output after
//! the restart must agree with what was acknowledged before it.
//!
//! `PHANTOM_SIM_SEED` (first seed, default 1) and `PHANTOM_SIM_SEEDS` (how many, default 200)
//! choose the seeds; `scripts/sim-test.sh N` runs thousands in a release build.

use std::sync::OnceLock;
use std::time::Instant;

use phantom_vm::sim::{SimConfig, Simulation};
use phantom_vm::Vm;

const TELLERS: usize = 4;
const TRANSFERS: u64 = 20;
const TOTAL: u64 = 6 * 1000;

/// The bank's class files, compiled once.
fn classes() -> &'static Vec<(String, Vec<u8>)> {
    static CLASSES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sim/bank.ph");
        let text = std::fs::read_to_string(&path).unwrap();
        let output = phantom_compiler::compile(
            vec![phantom_compiler::Source { path, text }],
            phantom_compiler::ClassPath::default(),
        );
        assert!(!output.has_errors(), "{}", output.render());
        output.classes.into_iter().map(|(name, file)| (name, file.to_bytes())).collect()
    })
}

fn install(vm: &Vm) -> Result<u32, String> {
    for (name, bytes) in classes() {
        vm.load_class(bytes, name)?;
    }
    vm.find_class(".test.bank")
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// What one seed did, for the summary and the replay check.
struct Run {
    trace: u64,
    outputs: Vec<String>,
    during_snapshot: bool,
    slices: u64,
}

/// Runs the bank under `seed` with one crash and a restart; checks it.
fn run_seed(seed: u64) -> Result<Run, String> {
    let mut sim = Simulation::new(seed, SimConfig::default());
    sim.boot(install)?;
    // A whole run is some 150-220 slices: crash anywhere in it, or (now and then) after its end.
    let crash_at = sim.rng().below(240);
    sim.run(crash_at)?;
    let crash = sim.crash()?;
    sim.run_to_end()?;
    let outputs = sim.outputs();
    check(&outputs).map_err(|e| format!("{e} (crash {crash:?}, after slice {crash_at}); output: {outputs:?}"))?;
    Ok(Run { trace: sim.trace(), outputs, during_snapshot: crash.during_snapshot.is_some(), slices: sim.counts().0 })
}

/// The bank's invariants over the output of each boot (the first, then the one after the crash).
fn check(outputs: &[String]) -> Result<(), String> {
    // Per teller: the last acknowledgement so far and its last "done" count.
    let mut acked = [0u64; TELLERS];
    let mut moved: [Option<u64>; TELLERS] = [None; TELLERS];
    let mut final_moves = None;
    for (boot, output) in outputs.iter().enumerate() {
        let mut first_ack = [true; TELLERS];
        let mut ended = false;
        for line in output.lines() {
            if ended {
                return Err(format!("boot {boot}: output after the final audit: {line:?}"));
            }
            let words: Vec<&str> = line.split(' ').collect();
            let num = |w: &str| w.parse::<u64>().map_err(|_| format!("boot {boot}: bad line {line:?}"));
            match words.as_slice() {
                ["total", t] => {
                    if num(t)? != TOTAL {
                        return Err(format!("boot {boot}: the money changed: {line:?}"));
                    }
                }
                ["ack", t, done] => {
                    let (t, done) = (num(t)? as usize, num(done)?);
                    let last = acked[t];
                    let ok = if first_ack[t] && boot > 0 {
                        // After the restart: the commit it was inside, or the next one; never
                        // behind what was acknowledged before the crash.
                        done == last.max(5) || done == last + 5
                    } else {
                        done == last + 5
                    };
                    if !ok {
                        return Err(format!("boot {boot}: teller {t} acknowledged {last}, then {done}"));
                    }
                    first_ack[t] = false;
                    acked[t] = done;
                }
                ["done", t, m] => moved[num(t)? as usize] = Some(num(m)?),
                ["final", total, broken, moves] => {
                    if (num(total)?, num(broken)?) != (TOTAL, 0) {
                        return Err(format!(
                            "boot {boot}: final audit {line:?}: total {TOTAL} and no broken account expected"
                        ));
                    }
                    final_moves = Some(num(moves)?);
                    ended = true;
                }
                _ => return Err(format!("boot {boot}: unexpected output {line:?}")),
            }
        }
        // A boot that printed anything ran to the end of the program.
        if boot == outputs.len() - 1 && !output.is_empty() && !ended {
            return Err(format!("boot {boot} ended without the final audit"));
        }
    }
    if acked.iter().any(|&a| a != TRANSFERS) {
        return Err(format!("not every teller acknowledged all {TRANSFERS} transfers: {acked:?}"));
    }
    let moves = final_moves.ok_or("no final audit")?;
    let by_tellers: Option<u64> = moved.iter().copied().sum();
    if by_tellers != Some(moves) {
        return Err(format!("the tellers moved money {moved:?} times, the accounts record {moves}"));
    }
    Ok(())
}

/// Runs `f` on a host thread with the stack the VM's threads have (natives may call back into
/// bytecode, nested on the host stack).
fn on_vm_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| std::thread::Builder::new().stack_size(64 << 20).spawn_scoped(s, f).unwrap().join().unwrap())
}

#[test]
fn the_bank_keeps_its_invariants_under_many_seeds_with_a_crash_and_a_restart() {
    let first = env_u64("PHANTOM_SIM_SEED", 1);
    let count = env_u64("PHANTOM_SIM_SEEDS", 200);
    let started = Instant::now();
    let (mut slices, mut in_snapshot) = (0, 0);
    on_vm_stack(|| {
        for seed in first..first + count {
            match std::panic::catch_unwind(|| run_seed(seed)) {
                Ok(Ok(run)) => {
                    slices += run.slices;
                    in_snapshot += run.during_snapshot as u64;
                }
                Ok(Err(e)) => panic!(
                    "simulation failed with seed {seed}: {e} (rerun: PHANTOM_SIM_SEED={seed} PHANTOM_SIM_SEEDS=1 cargo test -p phantom-vm --test simulation)"
                ),
                Err(_) => panic!(
                    "simulation panicked with seed {seed} (rerun: PHANTOM_SIM_SEED={seed} PHANTOM_SIM_SEEDS=1 cargo test -p phantom-vm --test simulation)"
                ),
            }
        }
    });
    eprintln!(
        "simulation: {count} seeds from {first} in {:.1} s ({slices} slices; {in_snapshot} crashes inside a snapshot)",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn one_seed_replays_exactly() {
    let seed = env_u64("PHANTOM_SIM_SEED", 1) + 7;
    let (a, b) = on_vm_stack(|| (run_seed(seed).unwrap(), run_seed(seed).unwrap()));
    assert_eq!(a.outputs, b.outputs, "seed {seed}: the same seed printed different output");
    assert_eq!(a.trace, b.trace, "seed {seed}: the same seed ran differently");
    let other = on_vm_stack(|| run_seed(seed + 1).unwrap());
    assert_ne!(a.trace, other.trace, "two seeds ran alike: the seed decides nothing");
}
