//! Java programs run persistently: killed with SIGKILL at random moments and booted again,
//! they carry on from their last snapshot, with nothing committed lost.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{Lcg, Running, TempDir};

fn rounds(default: usize) -> usize {
    std::env::var("PHANTOM_KILL_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// javac of one program of `tests/java_persist`, against the Phantom API stand-ins.
fn compile(name: &str, out: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let api = dir.join("../java/api");
    let status = Command::new("javac")
        .arg("-sourcepath")
        .arg(&api)
        .arg("-d")
        .arg(out)
        .arg(dir.join(format!("tests/java_persist/{name}.java")))
        .status()
        .expect("javac (JDK 17) is installed");
    assert!(status.success(), "javac {name}");
}

#[test]
fn a_java_counter_that_commits_before_printing_never_loses_a_value_across_kill_9() {
    let tmp = TempDir::new("jcounter");
    let classes = tmp.0.join("classes");
    compile("JCounter", &classes);
    let image = tmp.path("jcounter.img");
    let classes = classes.to_str().unwrap().to_string();
    let mut rng = Lcg(0x7a7a);
    let mut last: u64 = 0;
    for round in 0..rounds(50) {
        let run = if round == 0 {
            Running::start(&["run", &classes, "--main", "JCounter", "--image", &image])
        } else {
            Running::start(&["boot", "--image", &image])
        };
        run.wait_for("a value", |l| !l.is_empty());
        std::thread::sleep(Duration::from_millis(rng.below(150)));
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked") && !errors.contains("Exception"), "round {round}: {errors}");
        let values: Vec<(u64, u64)> = lines
            .iter()
            .map(|l| {
                let (i, n) = l.split_once(' ').unwrap_or_else(|| panic!("round {round}: {l:?}"));
                (i.parse().unwrap(), n.parse().unwrap())
            })
            .collect();
        // The string built alongside the counter is as long as the count: the heap is whole.
        assert!(values.iter().all(|(i, n)| i == n), "round {round}: {values:?}");
        let first = values[0].0;
        // Committed before printed: a restart repeats at most the last printed value.
        assert!(first == last || first == last + 1, "round {round}: resumed at {first} after {last}");
        for w in values.windows(2) {
            assert_eq!(w[1].0, w[0].0 + 1, "round {round}: counts in order");
        }
        last = values.last().unwrap().0;
    }
}

#[test]
fn java_threads_moving_money_under_synchronized_keep_the_total_across_kill_9() {
    let tmp = TempDir::new("jbank");
    let classes = tmp.0.join("classes");
    compile("JBank", &classes);
    let image = tmp.path("jbank.img");
    let classes = classes.to_str().unwrap().to_string();
    let mut rng = Lcg(0xba4c);
    let mut transfers_seen = 0u64;
    for round in 0..rounds(12) {
        let run = if round == 0 {
            Running::start(&["run", &classes, "--main", "JBank", "--image", &image, "--snapshot-interval", "30"])
        } else {
            Running::start(&["boot", "--image", &image, "--snapshot-interval", "30"])
        };
        run.wait_for("two audits", |l| l.len() >= 2);
        std::thread::sleep(Duration::from_millis(rng.below(200)));
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked") && !errors.contains("Exception"), "round {round}: {errors}");
        for l in &lines {
            let parts: Vec<&str> = l.split(' ').collect();
            assert_eq!(parts[..2], ["total", "10000"], "round {round}: {l}");
            transfers_seen = transfers_seen.max(parts[3].parse().unwrap());
        }
    }
    assert!(transfers_seen > 0, "the tellers moved money");
}
