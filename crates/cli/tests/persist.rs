//! Orthogonal persistence end to end: programs run in an image, are killed with SIGKILL at
//! random moments and booted again, and must carry on as if nothing happened.
//!
//! `PHANTOM_KILL_ROUNDS` sets how many kills the kill tests make (`scripts/persist-kill-test.sh`
//! runs 1,000).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{phantom, Lcg, Running, TempDir};

fn program(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/persist").join(name).to_str().unwrap().to_string()
}

fn rounds(default: usize) -> usize {
    std::env::var("PHANTOM_KILL_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn counter_survives_kill_9_and_never_loses_a_committed_value() {
    let tmp = TempDir::new("counter");
    let image = tmp.path("counter.img");
    let mut rng = Lcg(0x5eed);
    let mut last: Option<u64> = None;
    let mut printed = 0;
    for round in 0..rounds(50) {
        let run = if round == 0 {
            Running::start(&["run", &program("counter.ph"), "--image", &image])
        } else {
            Running::start(&["boot", "--image", &image])
        };
        // At least one new value, then a random moment.
        run.wait_for("a value", |l| !l.is_empty());
        std::thread::sleep(Duration::from_millis(rng.below(120)));
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked"), "{errors}");
        let values: Vec<u64> = lines
            .iter()
            .map(|l| l.parse().unwrap_or_else(|_| panic!("round {round}: not a number: {l:?}; stderr: {errors}")))
            .collect();
        let first = values[0];
        match last {
            None => assert_eq!(first, 1, "the count starts at 1"),
            // Resumed inside the commit of the last value printed (printing it again) or of
            // the next one: never behind it, never past it.
            Some(last) => {
                assert!(first == last || first == last + 1, "round {round}: restarted at {first} after printing {last}")
            }
        }
        for pair in values.windows(2) {
            assert_eq!(pair[1], pair[0] + 1, "round {round}: a gap in {values:?}");
        }
        last = values.last().copied();
        printed += values.len();
    }
    assert!(printed > rounds(50), "the counter made progress across restarts");
}

#[test]
fn bank_total_is_constant_and_acknowledged_transfers_survive_kill_9() {
    let tmp = TempDir::new("bank");
    let image = tmp.path("bank.img");
    let mut rng = Lcg(0xba4c);
    let mut acked = [0u64; 4];
    let mut totals = 0;
    for round in 0..rounds(50).div_ceil(3) {
        let run = if round == 0 {
            Running::start(&["run", &program("bank.ph"), "--image", &image, "--snapshot-interval", "50"])
        } else {
            Running::start(&["boot", "--image", &image, "--snapshot-interval", "50"])
        };
        run.wait_for("an acknowledgement", |l| l.iter().any(|l| l.starts_with("ack")));
        std::thread::sleep(Duration::from_millis(rng.below(200)));
        let errors = run.errors();
        let lines = run.kill();
        let mut seen = [false; 4];
        for line in &lines {
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["total", t] => {
                    assert_eq!(*t, "8000", "round {round}: the money changed; stderr: {errors}");
                    totals += 1;
                }
                ["ack", teller, done] => {
                    let (t, done): (usize, u64) = (teller.parse().unwrap(), done.parse().unwrap());
                    if !seen[t] {
                        // The first acknowledgement after a restart: from the commit it was
                        // inside, or a later one; never behind what was acknowledged.
                        assert!(done >= acked[t], "round {round}: teller {t} acknowledged {} then {done}", acked[t]);
                        seen[t] = true;
                    } else {
                        assert_eq!(done, acked[t] + 5, "round {round}: teller {t} skipped");
                    }
                    acked[t] = done;
                }
                _ => panic!("round {round}: unexpected output {line:?}; stderr: {errors}"),
            }
        }
    }
    assert!(totals > 0 && acked.iter().all(|&a| a > 0), "every teller made progress: {acked:?}");
}

#[test]
fn live_data_survives_collections_before_and_after_kill_9() {
    let tmp = TempDir::new("churn");
    let image = tmp.path("churn.img");
    let mut rng = Lcg(0xc4a2);
    let mut last: Option<u64> = None;
    for round in 0..rounds(50).div_ceil(4) {
        let run = if round == 0 {
            Running::start(&["run", &program("churn.ph"), "--image", &image, "--snapshot-interval", "30"])
        } else {
            Running::start(&["boot", "--image", &image, "--snapshot-interval", "30"])
        };
        // Enough rounds for collections in this process (about 10 MB of garbage each).
        run.wait_for("three rounds", |l| l.len() >= 3);
        std::thread::sleep(Duration::from_millis(rng.below(150)));
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked") && !errors.contains("error"), "round {round}: {errors}");
        let rounds: Vec<u64> = lines
            .iter()
            .map(|line| match line.split(' ').collect::<Vec<_>>().as_slice() {
                [n, "500500"] => n.parse().unwrap(),
                _ => panic!("round {round}: the live list changed: {line:?}; stderr: {errors}"),
            })
            .collect();
        if let Some(last) = last {
            assert!(rounds[0] == last || rounds[0] == last + 1, "round {round}: resumed at {} after {last}", rounds[0]);
        }
        last = rounds.last().copied();
    }
    // The garbage was collected, not kept: some 10 MB a round went through the heap.
    let made = last.unwrap() * 10;
    let size = std::fs::metadata(&image).unwrap().len() >> 20;
    eprintln!("{} rounds, about {made} MB of garbage, a {size} MiB image", last.unwrap());
    assert!(size < made / 4 + 48, "a {size} MiB image after about {made} MB of garbage");
}

#[test]
fn a_print_waiting_in_to_string_finishes_after_kill_9() {
    let tmp = TempDir::new("slowprint");
    let image = tmp.path("slowprint.img");
    let run = Running::start(&["run", &program("slowprint.ph"), "--image", &image, "--snapshot-interval", "50"]);
    run.wait_for("the start", |l| !l.is_empty());
    // Inside toString's sleep, with snapshots taken meanwhile.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(run.kill(), ["start"]);
    let (code, lines, errors) = Running::start(&["boot", "--image", &image]).finish();
    assert_eq!(code, 0, "{errors}");
    assert_eq!(lines, ["printed after the sleep", "end"], "{errors}");
}

#[test]
fn sleeping_waiting_and_reading_threads_resume_after_kill_9() {
    let tmp = TempDir::new("waits");
    let image = tmp.path("waits.img");
    let started = Instant::now();
    let run = Running::start(&["run", &program("waits.ph"), "--image", &image]);
    run.wait_for("every thread to park", |l| l.iter().any(|l| l == "all parked"));
    let before = run.kill();
    assert_eq!(before, ["all parked"], "nothing may wake before its time");

    // The main thread was inside commit(): it returns from it again, and says so again.
    let mut run = Running::start(&["boot", "--image", &image]);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(run.lines(), ["all parked"], "the others still wait");
    run.child.stdin.as_mut().unwrap().write_all(b"x").unwrap();
    run.wait_for("the reader", |l| l.iter().any(|l| l == "reader got x"));
    run.wait_for("the sleeper and the waiter", |l| l.len() >= 4);
    let woke = started.elapsed();
    drop(run.child.stdin.take());
    let (code, lines, errors) = run.finish();
    assert_eq!(code, 0, "{errors}");
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(sorted, ["all parked", "reader got x", "sleeper woke on time", "waiter signalled"], "{errors}");
    // Asleep until T wakes at T (3 s after the start), not 3 s after the restart as well.
    assert!(woke < Duration::from_millis(5500), "woke after {woke:?}");
}

#[test]
fn program_arguments_are_kept_in_the_image_across_kill_9() {
    let tmp = TempDir::new("arguments");
    let image = tmp.path("arguments.img");
    let args = ["one", "two words", "", "-x"];
    let expected = |round: u64| format!("{round} [one] [two words] [] [-x]");
    let run =
        Running::start(&["run", &program("arguments.ph"), "--image", &image, "--", args[0], args[1], args[2], args[3]]);
    run.wait_for("a few rounds", |l| l.len() >= 3);
    let before = run.kill();
    for (k, line) in before.iter().enumerate() {
        assert_eq!(*line, expected(k as u64 + 1));
    }
    // The restarted thread reads its arguments again, from the image: the command line of
    // `boot` has none.
    let last = before.len() as u64;
    let run = Running::start(&["boot", "--image", &image]);
    run.wait_for("rounds after the restart", |l| l.len() >= 3);
    let errors = run.errors();
    let after = run.kill();
    let first: u64 = after[0].split(' ').next().unwrap().parse().unwrap();
    assert!(first == last || first == last + 1, "resumed at {first} after {last}; {errors}");
    for (k, line) in after.iter().enumerate() {
        assert_eq!(*line, expected(first + k as u64), "{errors}");
    }
}

#[test]
fn a_second_process_on_the_same_image_is_refused() {
    let tmp = TempDir::new("lock");
    let image = tmp.path("lock.img");
    let run = Running::start(&["run", &program("counter.ph"), "--image", &image]);
    run.wait_for("a value", |l| !l.is_empty());
    let second = phantom(&["boot", "--image", &image]);
    run.kill();
    assert_eq!(second.status.code(), Some(1));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("in use by another process"), "{err}");
    let again = phantom(&["run", &program("counter.ph"), "--image", &image]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn sigterm_takes_a_final_snapshot_and_exits_0() {
    let tmp = TempDir::new("term");
    let image = tmp.path("term.img");
    let run = Running::start(&["run", &program("counter.ph"), "--image", &image, "--snapshot-interval", "0"]);
    run.wait_for("a few values", |l| l.len() >= 3);
    // SAFETY: signalling our own child.
    unsafe { libc_kill(run.child.id() as i32, 15) };
    let (code, lines, errors) = run.finish();
    assert_eq!(code, 0, "{errors}");
    let last: u64 = lines.last().unwrap().parse().unwrap();
    let run = Running::start(&["boot", "--image", &image]);
    run.wait_for("a value", |l| !l.is_empty());
    let first: u64 = run.kill()[0].parse().unwrap();
    assert!(first == last || first == last + 1, "resumed at {first} after {last}");
}

/// The value of `name` in a `--stats` line.
fn stat(errors: &str, name: &str) -> u64 {
    let words: Vec<&str> = errors.split_whitespace().collect();
    let at = words.iter().position(|w| *w == name).unwrap_or_else(|| panic!("no {name} in {errors}"));
    words[at + 1].parse().unwrap()
}

#[test]
fn a_heap_larger_than_its_resident_limit_runs_and_resumes() {
    let tmp = TempDir::new("big");
    let image = tmp.path("big.img");
    let limit = "16";
    let mut last = 0;
    for round in 0..2 {
        let options = ["--image", &image, "--resident-mib", limit, "--snapshot-interval", "50", "--stats"];
        let big = program("big.ph");
        let mut args = if round == 0 { vec!["run", big.as_str()] } else { vec!["boot"] };
        args.extend(options);
        let run = Running::start(&args);
        run.wait_for("three passes", |l| l.len() >= 3);
        // SAFETY: signalling our own child.
        unsafe { libc_kill(run.child.id() as i32, 15) };
        let (code, lines, errors) = run.finish();
        assert_eq!(code, 0, "round {round}: {errors}");
        for line in &lines {
            let (pass, sum) = line.split_once(' ').unwrap();
            // 96 MiB, one byte in every page: the sum of (i * 256 + p) % 251 over them all.
            assert_eq!(sum, "3069481", "round {round}: pass {pass} read back wrong data");
            let pass: u64 = pass.parse().unwrap();
            assert!(pass == last + 1 || (pass == last && round > 0), "round {round}: pass {pass} after {last}");
            last = pass;
        }
        // The heap is six times the limit; after each snapshot little more than the limit
        // stayed in memory, the rest was read back from the image as the passes went by. (What
        // stays beyond it: pages written since the snapshot began, the collector's sweep
        // among them, which only the next snapshot makes clean.)
        assert!(stat(&errors, "heap_bytes") > 96 << 20, "round {round}: {errors}");
        assert!(stat(&errors, "resident_bytes_after_snapshot_max") <= 40 << 20, "round {round}: {errors}");
    }
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn sigusr1_takes_a_snapshot_that_a_restart_resumes_from() {
    let tmp = TempDir::new("usr1");
    let image = tmp.path("usr1.img");
    // No periodic snapshots: only the first one (before the program runs) and the requested one.
    let run = Running::start(&["run", &program("ticker.ph"), "--image", &image, "--snapshot-interval", "0"]);
    run.wait_for("ten ticks", |l| l.len() >= 10);
    // SAFETY: signalling our own child.
    unsafe { libc_kill(run.child.id() as i32, 10) };
    std::thread::sleep(Duration::from_millis(300));
    let before = run.kill();
    let run = Running::start(&["boot", "--image", &image, "--snapshot-interval", "0"]);
    run.wait_for("a tick", |l| !l.is_empty());
    let first: u64 = run.kill()[0].parse().unwrap();
    let last: u64 = before.last().unwrap().parse().unwrap();
    assert!((10..=last + 1).contains(&first), "resumed at {first}; printed 1..={last} before SIGUSR1 and kill -9");
}

/// Overwrites `len` bytes at `offset` of a file with garbage.
fn damage(path: &str, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(offset)).unwrap();
    f.write_all(&vec![0xA5; len]).unwrap();
}

#[test]
fn a_damaged_image_boots_an_older_snapshot_or_is_refused_clearly() {
    let tmp = TempDir::new("damage");
    let image = tmp.path("damage.img");
    let run = Running::start(&["run", &program("counter.ph"), "--image", &image]);
    run.wait_for("a few values", |l| l.len() >= 5);
    let printed = run.kill().len() as u64;

    // Either superblock slot destroyed: the other one (the newest or the one before) boots.
    for slot in 0..2u64 {
        let copy = tmp.path(&format!("slot{slot}.img"));
        std::fs::copy(&image, &copy).unwrap();
        damage(&copy, slot * 4096, 4096);
        let run = Running::start(&["boot", "--image", &copy]);
        run.wait_for("a value", |l| !l.is_empty());
        let errors = run.errors();
        let first: u64 = run.kill()[0].parse().unwrap();
        assert!(first + 1 >= printed && first <= printed + 1, "slot {slot}: resumed at {first} after {printed}");
        assert!(!errors.contains("panicked"), "{errors}");
    }

    // Both destroyed: nothing to boot, and it says so.
    let copy = tmp.path("both.img");
    std::fs::copy(&image, &copy).unwrap();
    damage(&copy, 0, 8192);
    let out = phantom(&["boot", "--image", &copy]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot boot") && !err.contains("panicked"), "{err}");

    // Not an image at all.
    let text = tmp.path("text.img");
    std::fs::write(&text, "hello").unwrap();
    let out = phantom(&["boot", "--image", &text]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot boot"));
}

#[test]
fn a_closed_standard_output_stops_the_system_without_killing_its_threads() {
    let tmp = TempDir::new("pipe");
    let image = tmp.path("pipe.img");
    let script = format!("{} run {} --image {} | head -3", env!("CARGO_BIN_EXE_phantom"), program("counter.ph"), image);
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n2\n3\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write to standard output"), "{err}");
    // The counter did not die of it: booted again, it carries on.
    let run = Running::start(&["boot", "--image", &image]);
    run.wait_for("a value", |l| !l.is_empty());
    let first: u64 = run.kill()[0].parse().unwrap();
    // The pipe takes more lines until `head` has exited, which on a loaded machine can be a
    // few values (each committed) after its third.
    assert!((3..=16).contains(&first), "resumed at {first}");
}

/// `phantom fsck IMAGE`: exit code and output.
fn fsck(image: &str) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_phantom")).args(["fsck", image]).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn killed_in_the_middle_of_collections_the_heap_checks_out_and_every_object_is_intact() {
    let tmp = TempDir::new("heapchurn");
    let image = tmp.path("heapchurn.img");
    let mut rng = Lcg(0x9c9c);
    let mut last = 0u64;
    for round in 0..rounds(24).div_ceil(4) {
        // Collecting all the time, in small steps: every kill falls inside a cycle.
        let args: Vec<&str> = if round == 0 {
            vec!["run", "--image", &image, "--snapshot-interval", "40"]
        } else {
            vec!["boot", "--image", &image, "--snapshot-interval", "40"]
        };
        let program = program("heapchurn.ph");
        let mut args = args;
        if round == 0 {
            args.insert(1, &program);
        }
        let run = Running::start_with_env(&args, &[("PHANTOM_GC_STRESS", "1")]);
        run.wait_for("two rounds", |l| l.len() >= 2);
        std::thread::sleep(Duration::from_millis(rng.below(300)));
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked") && !errors.contains("error"), "round {round}: {errors}");
        for line in &lines {
            let (n, verdict) = line.split_once(' ').unwrap();
            assert_eq!(verdict, "ok", "round {round}: {line}");
            let n: u64 = n.parse().unwrap();
            assert!(n == last || n == last + 1, "round {round}: {n} after {last}");
            last = n;
        }
        let (sound, report) = fsck(&image);
        assert!(sound && report.contains("heap: sound"), "round {round}: {report}");
    }
    assert!(last >= 4, "the program made progress: {last} rounds");
}

#[test]
fn a_runaway_program_gets_the_exception_and_the_image_stays_within_its_heap_limit() {
    let tmp = TempDir::new("runaway");
    let image = tmp.path("runaway.img");
    let (code, lines, errors) =
        Running::start(&["run", &program("runaway.ph"), "--image", &image, "--heap-mib", "24"]).finish();
    assert_eq!(code, 0, "{errors}");
    assert_eq!(lines.len(), 4, "{lines:?} {errors}");
    for (k, line) in lines[..3].iter().enumerate() {
        assert!(line.starts_with(&format!("round {}: out of heap memory", k + 1)), "{line}");
    }
    assert_eq!(lines[3], "done");
    let size = std::fs::metadata(&image).unwrap().len() >> 20;
    // Two retained snapshots of a 24 MiB heap and one being written at most (a loaded machine
    // shows the third), and the store's own tables.
    assert!(size <= 3 * 24 + 16, "a {size} MiB image for a 24 MiB heap");
    let (sound, report) = fsck(&image);
    assert!(sound, "{report}");
}

#[test]
fn each_kept_generation_boots_with_the_state_it_held() {
    let tmp = TempDir::new("generations");
    let image = tmp.path("gens.img");
    let run = Running::start(&[
        "run",
        &program("generations.ph"),
        "--image",
        &image,
        "--keep",
        "6",
        "--snapshot-interval",
        "0",
    ]);
    run.wait_for("ten commits", |l| l.len() >= 10);
    let lines = run.kill();
    let held = held_counts(&lines);
    let kept: Vec<u64> = listed(&image).into_iter().map(|(g, _)| g).collect();
    assert_eq!(kept.len(), 6, "{kept:?}");
    let newest = kept[0];
    let mut booted = 0;
    for &g in &kept {
        let Some(&count) = held.get(&g) else { continue };
        let copy = tmp.path(&format!("gen{g}.img"));
        std::fs::copy(&image, &copy).unwrap();
        if g != newest {
            // Newer snapshots are not dropped unless asked.
            let refused = phantom(&["boot", "--image", &copy, "--generation", &g.to_string()]);
            assert_eq!(refused.status.code(), Some(1));
            assert!(String::from_utf8_lossy(&refused.stderr).contains("keeps newer snapshots"));
        }
        let run = Running::start(&["boot", "--image", &copy, "--generation", &g.to_string(), "--discard-newer"]);
        run.wait_for("the first number", |l| !l.is_empty());
        let first = run.kill()[0].clone();
        let resumed: u64 = first.split_once(' ').unwrap().1.parse().unwrap();
        assert_eq!(resumed, count, "generation {g} held count {count}, booted with {first:?}");
        booted += 1;
    }
    assert!(booted >= 4, "only {booted} generations had a known count: {kept:?} {held:?}");
    let missing = phantom(&["boot", "--image", &image, "--generation", "999999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("keeps no generation 999999"));
    // A boot without --keep keeps as many as the image did.
    let run = Running::start(&["boot", "--image", &image]);
    run.wait_for("three commits", |l| l.len() >= 3);
    run.kill();
    let o = phantom(&["snapshots", &image]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 7, "{}", String::from_utf8_lossy(&o.stdout));
}

/// What generations.ph printed: the count each generation's snapshot held.
fn held_counts(lines: &[String]) -> std::collections::HashMap<u64, u64> {
    lines
        .iter()
        .map(|l| {
            let (g, c) = l.split_once(' ').unwrap();
            (g.parse().unwrap(), c.parse().unwrap())
        })
        .collect()
}

/// The generations `phantom snapshots` lists, newest first, with their times (to the second).
fn listed(image: &str) -> Vec<(u64, String)> {
    let o = phantom(&["snapshots", image]);
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let mut words = l.split_whitespace();
            let generation = words.next().unwrap().parse().unwrap();
            let time = format!("{} {}", words.next().unwrap(), words.next().unwrap());
            (generation, time[..19].to_string())
        })
        .collect()
}

#[test]
fn snapshots_kept_by_age_thin_out_boot_and_stay_the_policy() {
    let tmp = TempDir::new("retain");
    let image = tmp.path("retain.img");
    let run = Running::start(&[
        "run",
        &program("generations.ph"),
        "--image",
        &image,
        "--retain",
        "1m:1s",
        "--snapshot-interval",
        "0",
    ]);
    let start = std::time::Instant::now();
    run.wait_for("commits for three seconds", |l| l.len() >= 10 && start.elapsed().as_secs() >= 3);
    let lines = run.kill();
    let held = held_counts(&lines);
    let kept = listed(&image);
    // The newest two, then one a second: far fewer than the commits, in different seconds.
    assert!(kept.len() >= 4 && kept.len() <= 8, "{kept:?} of {} commits", lines.len());
    let seconds: Vec<&String> = kept[2..].iter().map(|(_, t)| t).collect();
    assert!(seconds.windows(2).all(|w| w[0] != w[1]), "{kept:?}");
    // An older kept one boots with what it held.
    let (g, _) = kept.iter().rev().find(|(g, _)| held.contains_key(g)).expect("a kept generation that printed");
    let copy = tmp.path("old.img");
    std::fs::copy(&image, &copy).unwrap();
    let old = Running::start(&["boot", "--image", &copy, "--generation", &g.to_string(), "--discard-newer"]);
    old.wait_for("the first number", |l| !l.is_empty());
    let first = old.kill()[0].clone();
    assert_eq!(first.split_once(' ').unwrap().1.parse::<u64>().unwrap(), held[g], "generation {g}: {first}");
    // Booted without --retain, the image keeps its policy.
    let run = Running::start(&["boot", "--image", &image]);
    let start = std::time::Instant::now();
    run.wait_for("two more seconds", |l| l.len() >= 10 && start.elapsed().as_secs() >= 2);
    run.kill();
    let after = listed(&image);
    assert!(after.len() >= 4 && after.len() <= 10, "{after:?}");
    assert!(after.iter().any(|k| kept.contains(k)), "older kept ones stay: {kept:?} then {after:?}");
    let bad = phantom(&["run", &program("generations.ph"), "--image", &tmp.path("bad.img"), "--retain", "1h:2h"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("spacing is longer than the span"));
}
