//! Snapshots shipped to a real S3 store (SeaweedFS) with `--replicate`, an image rebuilt
//! from it with `phantom restore` on "another machine", and booted.

mod common;

use std::path::Path;

use common::{phantom, Running, TempDir};
use phantom_replicate::seaweed::{Seaweed, ACCESS, SECRET};

fn counter() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/counter.ph").to_str().unwrap().to_string()
}

/// The AWS variables that reach the S3 store at `endpoint`.
fn store_env(endpoint: &str) -> [(&str, &str); 3] {
    [("AWS_ENDPOINT_URL", endpoint), ("AWS_ACCESS_KEY_ID", ACCESS), ("AWS_SECRET_ACCESS_KEY", SECRET)]
}

/// `phantom ARGS` with `env`, to its end.
fn phantom_with(env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_phantom")).args(args).envs(env.iter().copied()).output().unwrap()
}

/// Restores `url` into the new image `image`, which must work; its standard error.
fn restore(env: &[(&str, &str)], url: &str, image: &str) -> String {
    let out = phantom_with(env, &["restore", url, "--image", image]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The first number the counter in `image` prints once booted (after `wanted` numbers).
fn first_after_boot(image: &str, wanted: usize) -> u64 {
    let run = Running::start(&["boot", "--image", image]);
    run.wait_for("the count to go on", |l| l.len() >= wanted);
    run.kill()[0].parse().unwrap()
}

#[test]
fn a_replicated_counter_is_restored_elsewhere_and_carries_on() {
    let server = Seaweed::start("cli", 2);
    drop(server.remote("s3://phantom-cli/counter"));
    let endpoint = format!("http://127.0.0.1:{}", server.port);
    let env = store_env(&endpoint);
    let tmp = TempDir::new("replicate");
    let image = tmp.path("counter.img");
    let url = "s3://phantom-cli/counter";
    let run = Running::start_with_env(
        &["run", &counter(), "--image", &image, "--replicate", url, "--snapshot-interval", "200", "--stats"],
        &env,
    );
    run.wait_for("ten numbers", |l| l.len() >= 10);
    // SIGTERM: a last snapshot, shipped before the process ends.
    let _ = std::process::Command::new("kill").args(["-TERM", &run.child.id().to_string()]).status();
    let (code, lines, errors) = run.finish();
    assert_eq!(code, 0, "{errors}");
    assert!(!errors.contains(SECRET), "{errors}");
    let last: u64 = lines.last().unwrap().parse().unwrap();
    assert!(errors.contains("replication_lag_generations 0"), "{errors}");
    std::fs::remove_file(&image).unwrap();

    let listed = phantom_with(&env, &["snapshots", url]);
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    assert!(String::from_utf8_lossy(&listed.stdout).lines().count() >= 2);

    let restored = tmp.path("restored.img");
    assert!(restore(&env, url, &restored).contains("restored generation"));
    let o = phantom(&["fsck", &restored]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let first = first_after_boot(&restored, 2);
    assert!(first >= last, "restored at {first}, behind {last}, the last number printed");

    // Without credentials, or to a bucket that is not there: clear errors, no secrets.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_phantom"))
        .args(["restore", url, "--image", &tmp.path("x.img")])
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("AWS_ACCESS_KEY_ID is not set"));
}

#[test]
fn with_replicate_sync_a_counter_killed_and_restored_never_goes_back() {
    let server = Seaweed::start("sync", 3);
    drop(server.remote("s3://phantom-cli/sync"));
    let endpoint = format!("http://127.0.0.1:{}", server.port);
    let env = store_env(&endpoint);
    let tmp = TempDir::new("replicate-sync");
    let url = "s3://phantom-cli/sync";
    let mut last_printed = 0;
    let mut image = tmp.path("round0.img");
    for round in 0..3 {
        let run = if round == 0 {
            Running::start_with_env(
                &["run", &counter(), "--image", &image, "--replicate", url, "--replicate-sync"],
                &env,
            )
        } else {
            Running::start_with_env(&["boot", "--image", &image, "--replicate", url, "--replicate-sync"], &env)
        };
        run.wait_for("new numbers", |l| l.len() >= 3);
        let errors = run.errors();
        let lines = run.kill();
        assert!(!errors.contains("panicked") && !errors.contains(SECRET), "{errors}");
        let numbers: Vec<u64> = lines.iter().map(|l| l.parse().unwrap()).collect();
        // Each number printed was committed to the object store first.
        assert!(numbers[0] >= last_printed, "round {round}: {} after {last_printed}", numbers[0]);
        last_printed = *numbers.last().unwrap();
        // The machine is lost: the next round runs on an image restored from the store.
        std::fs::remove_file(&image).unwrap();
        image = tmp.path(&format!("round{}.img", round + 1));
        restore(&env, url, &image);
    }
    let first = first_after_boot(&image, 1);
    assert!(first >= last_printed, "restored at {first}, behind {last_printed}");
}

#[test]
fn replication_carries_on_through_an_outage_of_the_store_and_catches_up() {
    let mut server = Seaweed::start("outage", 4);
    drop(server.remote("s3://phantom-cli/outage"));
    let endpoint = format!("http://127.0.0.1:{}", server.port);
    let env = store_env(&endpoint);
    let tmp = TempDir::new("replicate-outage");
    let image = tmp.path("counter.img");
    let url = "s3://phantom-cli/outage";
    let run = Running::start_with_env(
        &["run", &counter(), "--image", &image, "--replicate", url, "--snapshot-interval", "100", "--stats"],
        &env,
    );
    run.wait_for("numbers", |l| l.len() >= 3);
    server.stop();
    // The system keeps running and counting while the store is away, and says so once.
    let before = run.lines().len();
    run.wait_for("more numbers", |l| l.len() >= before + 5);
    let start = std::time::Instant::now();
    while !run.errors().contains("replication failed") {
        assert!(start.elapsed() < std::time::Duration::from_secs(30), "no report of the outage: {}", run.errors());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    server.restart();
    let start = std::time::Instant::now();
    while !run.errors().contains("works again") {
        assert!(start.elapsed() < std::time::Duration::from_secs(60), "no catch-up: {}", run.errors());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = std::process::Command::new("kill").args(["-TERM", &run.child.id().to_string()]).status();
    let (code, lines, errors) = run.finish();
    assert_eq!(code, 0, "{errors}");
    assert!(errors.contains("replication_lag_generations 0"), "{errors}");
    assert_eq!(errors.matches("replication failed").count(), 1, "one report per outage: {errors}");
    assert!(!errors.contains(SECRET) && !errors.contains(ACCESS), "{errors}");
    let last: u64 = lines.last().unwrap().parse().unwrap();
    let restored = tmp.path("restored.img");
    restore(&env, url, &restored);
    let first = first_after_boot(&restored, 1);
    assert!(first >= last, "restored at {first}, behind {last}");
}

#[test]
fn replication_goes_on_when_one_of_three_volume_servers_dies() {
    let mut cluster = Seaweed::cluster("cluster", 6);
    drop(cluster.remote("s3://phantom-cli/cluster"));
    let endpoint = format!("http://127.0.0.1:{}", cluster.port);
    let env = store_env(&endpoint);
    let tmp = TempDir::new("replicate-cluster");
    let image = tmp.path("counter.img");
    let url = "s3://phantom-cli/cluster";
    let run =
        Running::start_with_env(&["run", &counter(), "--image", &image, "--replicate", url, "--replicate-sync"], &env);
    run.wait_for("numbers", |l| l.len() >= 3);
    cluster.kill("volume2");
    // Every number is committed to the object store before it is printed: printing goes on.
    let before = run.lines().len();
    run.wait_for("numbers after the kill", |l| l.len() >= before + 10);
    let lines = run.kill();
    let last: u64 = lines.last().unwrap().parse().unwrap();
    std::fs::remove_file(&image).unwrap();
    let restored = tmp.path("restored.img");
    restore(&env, url, &restored);
    let first = first_after_boot(&restored, 1);
    assert!(first >= last, "restored at {first}, behind {last}");
}
