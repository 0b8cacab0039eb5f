//! A real process writing a known pattern and snapshotting is killed with SIGKILL at random
//! moments, again and again on the same image. Each restart checks (inside the process) that
//! memory is exactly some snapshot's moment, and here that it holds at least every round a
//! previous process reported durable.
//!
//! `KILL_ITERATIONS` sets the number of kills (default 100); `scripts/kill-test.sh` runs 1,000.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn next_random(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9E3779B97F4A7C15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
    z ^ (z >> 31)
}

#[test]
fn sigkill_at_random_moments_never_loses_a_durable_round_or_mixes_snapshots() {
    let iterations: u32 = std::env::var("KILL_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let dir = std::env::temp_dir().join(format!("phantom-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let image = dir.join("stress.img");
    let mut seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut durable = 0u64;
    let mut recovered_rounds = Vec::new();
    for i in 0..iterations {
        let mut child = Command::new(env!("CARGO_BIN_EXE_phantom-store-stress"))
            .arg(&image)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        // Kill anywhere from during open to well into the snapshot loop.
        std::thread::sleep(Duration::from_micros(next_random(&mut seed) % 60_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let mut output = String::new();
        child.stdout.take().unwrap().read_to_string(&mut output).unwrap();
        assert!(!output.contains("MISMATCH"), "kill {i}: {output}");
        assert!(status.code().is_none() || status.success(), "kill {i}: child failed: {status}\n{output}");
        for line in output.lines() {
            if let Some(n) = line.strip_prefix("recovered ") {
                let n: u64 = n.parse().unwrap();
                assert!(n >= durable, "kill {i}: recovered round {n}, but round {durable} was reported durable");
                recovered_rounds.push(n);
            } else if let Some(n) = line.strip_prefix("durable ") {
                durable = durable.max(n.parse().unwrap());
            }
        }
    }
    eprintln!(
        "{iterations} kills: {} recoveries checked, {} of them with data, highest durable round {durable}",
        recovered_rounds.len(),
        recovered_rounds.iter().filter(|&&n| n > 0).count()
    );
    // The runs must have made progress and recovered real work, not just empty images.
    assert!(durable > 0, "no snapshot became durable in {iterations} runs");
    assert!(recovered_rounds.iter().any(|&n| n > 0));
    std::fs::remove_dir_all(&dir).unwrap();
}
