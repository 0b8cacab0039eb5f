mod common;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use phantom_host::{Host, Idle, SimHost, Wake};

const STACK: usize = 256 * 1024;

type Log = Arc<Mutex<Vec<String>>>;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Four workers that draw random sleeps, log each step with the time, and hand a token round
/// a ring of parkers: the events a seed decides.
fn scenario(seed: u64) -> Vec<String> {
    let host = SimHost::new(seed);
    let _seed = host.seed_report();
    let log: Log = Arc::default();
    let shared: Arc<dyn Host> = Arc::new(host.clone());
    let parkers: Vec<_> = (0..4).map(|_| shared.parker()).collect();
    let handles: Vec<_> = (0..4)
        .map(|n| {
            let (h, log, parkers) = (shared.clone(), log.clone(), parkers.clone());
            let body = move || {
                for step in 0..3 {
                    let pause = h.random_u64() % 5;
                    log.lock().unwrap().push(format!("w{n} step {step} at {:?} sleeps {pause}ms", h.now()));
                    h.sleep(ms(pause));
                    parkers[(n + 1) % 4].notify();
                    let woke = parkers[n].wait_until(Some(h.now() + ms(3)));
                    log.lock().unwrap().push(format!("w{n} {woke:?} at {:?}", h.now()));
                }
            };
            shared.spawn(&format!("w{n}"), STACK, Box::new(body)).unwrap()
        })
        .collect();
    assert_eq!(host.run_until_idle(), Idle { blocked: vec![] });
    for handle in handles {
        handle.join().unwrap();
    }
    let events = log.lock().unwrap().clone();
    events
}

#[test]
fn one_seed_replays_the_same_events_and_another_seed_differs() {
    let first = scenario(42);
    assert_eq!(first.len(), 4 * 3 * 2);
    assert_eq!(first, scenario(42));
    assert_ne!(first, scenario(43));
}

#[test]
fn the_seed_decides_which_thread_runs_first() {
    let first_runner = |seed| {
        let host = SimHost::new(seed);
        let log: Log = Arc::default();
        for n in 0..4 {
            let log = log.clone();
            host.spawn(&format!("t{n}"), STACK, Box::new(move || log.lock().unwrap().push(format!("t{n}")))).unwrap();
        }
        host.run_until_idle();
        let first = log.lock().unwrap()[0].clone();
        first
    };
    let firsts: std::collections::BTreeSet<String> = (0..32).map(first_runner).collect();
    assert!(firsts.len() > 1, "every seed ran {firsts:?} first");
}

#[test]
fn virtual_time_jumps_to_the_earliest_deadline() {
    let host = SimHost::new(1);
    let log: Log = Arc::default();
    for pause in [30, 10, 20] {
        let (h, log) = (host.clone(), log.clone());
        host.spawn(
            &format!("sleeps {pause}"),
            STACK,
            Box::new(move || {
                h.sleep(ms(pause));
                log.lock().unwrap().push(format!("{pause} woke at {:?}", h.now()));
            }),
        )
        .unwrap();
    }
    assert_eq!(host.now(), Duration::ZERO, "spawning takes no time");
    host.run_until_idle();
    assert_eq!(*log.lock().unwrap(), ["10 woke at 10ms", "20 woke at 20ms", "30 woke at 30ms"]);
    assert_eq!(host.now(), ms(30));

    // The main thread waiting alone: the clock jumps straight to its deadline.
    let parker = host.parker();
    assert_eq!(parker.wait_until(Some(ms(5_000))), Wake::TimedOut);
    assert_eq!(host.now(), ms(5_000));
}

#[test]
fn time_moves_only_when_told_or_when_everyone_waits() {
    let host = SimHost::new(2);
    let woke_at: Arc<Mutex<Option<Duration>>> = Arc::default();
    let (h, slot) = (host.clone(), woke_at.clone());
    host.spawn(
        "sleeper",
        STACK,
        Box::new(move || {
            h.sleep(ms(500));
            *slot.lock().unwrap() = Some(h.now());
        }),
    )
    .unwrap();
    host.set_wall_clock_start_ms(1_000_000);
    host.advance(ms(200));
    assert_eq!(host.now(), ms(200));
    assert_eq!(host.wall_clock_ms(), 1_000_200, "the wall clock follows virtual time");
    host.run_until_idle();
    assert_eq!(*woke_at.lock().unwrap(), Some(ms(700)), "the sleep started at 200ms, when the thread first ran");
}

#[test]
fn a_notification_ends_a_wait_before_its_deadline() {
    let host = SimHost::new(3);
    let parker = host.parker();
    let (h, p) = (host.clone(), parker.clone());
    host.spawn(
        "notifier",
        STACK,
        Box::new(move || {
            h.sleep(ms(7));
            p.notify();
        }),
    )
    .unwrap();
    assert_eq!(parker.wait_until(Some(ms(10_000))), Wake::Notified);
    assert_eq!(host.now(), ms(7));
}

#[test]
fn waiting_forever_is_reported_as_a_deadlock_with_the_seed() {
    let host = SimHost::new(77);
    let parker = host.parker();
    let handle = host
        .spawn(
            "stuck",
            STACK,
            Box::new(move || {
                parker.wait_until(None);
            }),
        )
        .unwrap();
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle.join())).unwrap_err();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.contains("seed 77") && message.contains("stuck"), "{message}");
}

#[test]
fn a_panicking_thread_is_reported_at_its_join() {
    let host = SimHost::new(4);
    let handle = host.spawn("doomed", STACK, Box::new(|| panic!("on purpose"))).unwrap();
    assert!(handle.join().is_err());
    assert_eq!(host.run_until_idle(), Idle { blocked: vec![] });
}

#[test]
fn console_input_is_scripted_and_output_captured() {
    let host = SimHost::new(5);
    host.push_input(b"ab");
    let h = host.clone();
    let reader = host
        .spawn(
            "reader",
            STACK,
            Box::new(move || {
                while let Some(byte) = h.read_console_byte() {
                    h.write_console(&[byte.to_ascii_uppercase()]).unwrap();
                }
                h.write_diagnostic("input ended");
            }),
        )
        .unwrap();
    // The reader consumed what there was and now waits for more, which only the test can give.
    assert_eq!(host.run_until_idle(), Idle { blocked: vec!["reader".into()] });
    assert_eq!(host.output(), b"AB");
    host.push_input(b"c");
    host.close_input();
    reader.join().unwrap();
    assert_eq!(host.output(), b"ABC");
    assert_eq!(host.diagnostics(), ["input ended"]);
}

#[test]
fn files_and_environment_are_the_tests_own() {
    let host = SimHost::new(6);
    host.add_file("/lib/a.pc", b"A".to_vec());
    host.set_env(vec![("PHANTOM_X".into(), "1".into())]);
    assert_eq!(host.read_file("/lib/a.pc".as_ref()).unwrap(), b"A");
    assert_eq!(host.read_file("/lib/b.pc".as_ref()).unwrap_err().kind(), std::io::ErrorKind::NotFound);
    assert_eq!(host.env(), [("PHANTOM_X".to_string(), "1".to_string())]);
}

#[test]
fn the_loopback_network_round_trips_bytes() {
    for seed in 0..8 {
        let host: Arc<dyn Host> = Arc::new(SimHost::new(seed));
        assert_eq!(common::echo_reversed(host, b"hello, phantom"), b"motnahp ,olleh", "seed {seed}");
    }
}

#[test]
fn simulated_connections_refuse_close_and_break_like_tcp() {
    let host = SimHost::new(8);
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 7000));
    assert_eq!(host.connect(addr).err().unwrap().kind(), std::io::ErrorKind::ConnectionRefused);
    let listener = host.listen(addr).unwrap();
    assert_eq!(host.listen(addr).err().unwrap().kind(), std::io::ErrorKind::AddrInUse);
    let client = host.connect(addr).unwrap();
    let server = listener.accept().unwrap();
    assert_eq!(server.peer_addr().unwrap(), client.local_addr().unwrap());
    server.close().unwrap();
    let mut buf = [0u8; 8];
    assert_eq!(client.read(&mut buf).unwrap(), 0, "the peer closed");
    assert_eq!(client.write(b"x").unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
    drop(listener);
    assert!(host.connect(addr).is_err(), "a dropped listener unbinds");
}

#[test]
fn spinning_until_a_time_ends_because_yields_cost_time() {
    let host = SimHost::new(9);
    while host.now() < ms(1) {
        host.yield_now();
    }
    assert_eq!(host.now(), ms(1));
}

#[test]
fn forked_generators_follow_the_seed() {
    let draws = |seed| {
        let host = SimHost::new(seed);
        let mut rng = host.fork_rng();
        (rng.next_u64(), host.random_u64())
    };
    assert_eq!(draws(10), draws(10));
    assert_ne!(draws(10), draws(11));
}
