mod common;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use phantom_host::{Host, LinuxHost, Wake};

#[test]
fn the_clock_is_monotonic_and_sleep_takes_at_least_its_time() {
    let host = LinuxHost::new();
    let before = host.now();
    host.sleep(Duration::from_millis(20));
    let after = host.now();
    assert!(after >= before + Duration::from_millis(20), "{before:?} then {after:?}");
    // 2020-01-01 in Unix milliseconds: the wall clock is real time, not time since start.
    assert!(host.wall_clock_ms() > 1_577_836_800_000);
}

#[test]
fn spawned_threads_run_with_their_name_join_and_report_panics() {
    let host = LinuxHost::new();
    let ran = Arc::new(AtomicBool::new(false));
    let flag = ran.clone();
    let handle = host
        .spawn(
            "phantom-test-worker",
            1 << 20,
            Box::new(move || {
                assert_eq!(std::thread::current().name(), Some("phantom-test-worker"));
                flag.store(true, Ordering::SeqCst);
            }),
        )
        .unwrap();
    handle.join().expect("the thread ends normally");
    assert!(ran.load(Ordering::SeqCst));
    let failing = host.spawn("failing", 1 << 20, Box::new(|| panic!("on purpose"))).unwrap();
    assert!(failing.join().is_err());
}

#[test]
fn a_parker_times_out_keeps_a_notification_sent_early_and_wakes_across_threads() {
    let host = Arc::new(LinuxHost::new());
    let parker = host.parker();
    let start = host.now();
    assert_eq!(parker.wait_until(Some(start + Duration::from_millis(10))), Wake::TimedOut);
    assert!(host.now() >= start + Duration::from_millis(10));

    parker.notify();
    assert_eq!(parker.wait_until(None), Wake::Notified, "the token was set before the wait");

    let notifier = parker.clone();
    let other = host
        .spawn(
            "notifier",
            1 << 20,
            Box::new(move || {
                std::thread::sleep(Duration::from_millis(5));
                notifier.notify();
            }),
        )
        .unwrap();
    assert_eq!(parker.wait_until(Some(host.now() + Duration::from_secs(10))), Wake::Notified);
    other.join().unwrap();
}

#[test]
fn read_file_reads_a_whole_file_and_reports_a_missing_one() {
    let host = LinuxHost::new();
    let path = std::env::temp_dir().join(format!("phantom-host-test-{}", std::process::id()));
    std::fs::write(&path, b"class path bytes").unwrap();
    let got = host.read_file(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(got.unwrap(), b"class path bytes");
    assert_eq!(host.read_file(&path).unwrap_err().kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn environment_and_randomness_come_from_the_system() {
    let host = LinuxHost::new();
    assert!(host.env().iter().any(|(k, _)| k == "PATH" || k == "HOME"), "some usual variable is set");
    let draws: Vec<u64> = (0..4).map(|_| host.random_u64()).collect();
    assert!(draws.windows(2).all(|w| w[0] != w[1]), "{draws:?}");
}

#[test]
fn loopback_connections_carry_bytes_both_ways() {
    let host: Arc<dyn Host> = Arc::new(LinuxHost::new());
    assert_eq!(common::echo_reversed(host.clone(), b"hello, phantom"), b"motnahp ,olleh");
    // Nothing listens on a port we just released.
    let port = host.listen(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap().local_addr().unwrap();
    assert!(host.connect(port).is_err());
}
