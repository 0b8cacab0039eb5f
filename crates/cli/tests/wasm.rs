//! C programs compiled to WebAssembly (`clang-14 --target=wasm32-wasi`) and run by
//! `phantom run PROG.wasm`: what they print, the files they leave and their exit status must
//! be what the same programs compiled natively (`gcc`) give; with `--image` they survive
//! kill -9; a damaged module is refused in one line that says where.
//!
//! The toolchain: `apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32`.
//! `PHANTOM_KILL_ROUNDS` sets how many kills the kill tests make.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Lcg, Running, TempDir};

const INSTALL: &str = "apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32";

/// How long any one run may take before the test calls it a hang.
const TIMEOUT: Duration = Duration::from_secs(120);

fn rounds(default: usize) -> usize {
    std::env::var("PHANTOM_KILL_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn source(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasm").join(format!("{name}.c"))
}

/// A C program of `tests/wasm`, built both ways.
struct Built {
    wasm: PathBuf,
    native: PathBuf,
}

impl Built {
    fn wasm(&self) -> &str {
        self.wasm.to_str().unwrap()
    }
}

/// Runs a compiler; a missing one or a failed build stops the test with what to install.
fn compile(compiler: &str, args: &[&str], out: &Path) {
    // Built under a name of its own, then renamed: tests building the same program at once
    // never see half a file.
    static UNIQUE: AtomicUsize = AtomicUsize::new(0);
    let partial =
        out.with_extension(format!("{}-{}.partial", std::process::id(), UNIQUE.fetch_add(1, Ordering::Relaxed)));
    let result = Command::new(compiler).args(args).arg("-o").arg(&partial).output();
    let output = match result {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("{compiler} is not installed; the wasm tests need it: {INSTALL} (and gcc)")
        }
        Err(e) => panic!("cannot run {compiler}: {e}"),
    };
    assert!(
        output.status.success(),
        "{compiler} {} failed (is the toolchain complete? {INSTALL}):\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::rename(&partial, out).unwrap();
}

/// Builds `tests/wasm/NAME.c` for wasm32-wasi and natively, into the target directory.
fn build(name: &str) -> Built {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-c");
    std::fs::create_dir_all(&dir).unwrap();
    let src = source(name);
    let src = src.to_str().unwrap();
    let built = Built { wasm: dir.join(format!("{name}.wasm")), native: dir.join(name) };
    compile("clang-14", &["--target=wasm32-wasi", "-O2", src], &built.wasm);
    compile("gcc", &["-O2", src, "-lm"], &built.native);
    built
}

/// What a run shows: the streams as they came (`raw`) and as text.
#[derive(Debug, PartialEq)]
struct Seen {
    stdout: String,
    stderr: String,
    /// The exit status, or None if a signal ended it.
    status: Option<i32>,
    raw: (Vec<u8>, Vec<u8>),
}

/// Runs `command` with `input` on its standard input to its end; None if it takes longer
/// than `timeout` (it is killed then).
fn try_run(mut command: Command, input: &[u8], timeout: Duration) -> Option<Seen> {
    let shown = format!("{command:?}");
    command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().unwrap_or_else(|e| panic!("{shown}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // A program that exits without reading closes the pipe: not an error here.
        let _ = stdin.write_all(&input);
    });
    let collect = |mut from: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            from.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let stdout = collect(Box::new(child.stdout.take().unwrap()));
    let stderr = collect(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    writer.join().unwrap();
    let raw = (stdout.join().unwrap(), stderr.join().unwrap());
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    Some(Seen { stdout: text(&raw.0), stderr: text(&raw.1), status: status?.code(), raw })
}

/// Runs `command` to its end; one that takes longer than `timeout` fails the test.
fn run(command: Command, input: &[u8], timeout: Duration) -> Seen {
    let shown = format!("{command:?}");
    try_run(command, input, timeout).unwrap_or_else(|| panic!("{shown} did not finish in {timeout:?}: a hang"))
}

fn native(built: &Built, args: &[&str], input: &[u8], cwd: Option<&Path>) -> Seen {
    let mut command = Command::new(&built.native);
    command.args(args);
    if let Some(dir) = cwd {
        command.current_dir(dir);
    }
    run(command, input, TIMEOUT)
}

/// `phantom run PROG.wasm OPTIONS -- ARGS`, in memory.
fn phantom_run(built: &Built, options: &[&str], args: &[&str], input: &[u8]) -> Seen {
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.arg("run").arg(&built.wasm).args(options).arg("--").args(args);
    run(command, input, TIMEOUT)
}

/// Fails with the first line where the two outputs part, and both whole.
fn assert_same_text(what: &str, expected: &str, got: &str) {
    assert_same_bytes(what, expected.as_bytes(), got.as_bytes());
}

fn assert_same_bytes(what: &str, expected: &[u8], got: &[u8]) {
    if expected == got {
        return;
    }
    let (expected, got) = (String::from_utf8_lossy(expected), String::from_utf8_lossy(got));
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.split('\n').collect(), got.split('\n').collect());
    // Lines that read the same may still differ in bytes that are not UTF-8.
    let at = e.iter().zip(&g).position(|(a, b)| a != b).unwrap_or(e.len().min(g.len()).saturating_sub(1));
    panic!(
        "{what} differs from line {}:\n  native:  {:?}\n  phantom: {:?}\n--- native:\n{expected}\n--- phantom:\n{got}",
        at + 1,
        e.get(at),
        g.get(at)
    );
}

/// The two runs printed the same bytes on both streams and exited the same way.
fn assert_same_run(what: &str, expected: &Seen, got: &Seen) {
    assert!(!got.stderr.contains("panicked"), "{what}: {}", got.stderr);
    assert_same_bytes(&format!("{what}: standard output"), &expected.raw.0, &got.raw.0);
    assert_same_bytes(&format!("{what}: standard error"), &expected.raw.1, &got.raw.1);
    assert_eq!(got.status, expected.status, "{what}: the exit status; stderr: {}", got.stderr);
}

/// The native run and the wasm run of `name` with `args` and `input` print the same on both
/// streams and exit the same way. Returns what they printed.
fn differential(built: &Built, args: &[&str], input: &[u8]) -> Seen {
    let expected = native(built, args, input, None);
    let got = phantom_run(built, &[], args, input);
    assert_same_run(&format!("{} {args:?}", built.wasm.display()), &expected, &got);
    got
}

#[test]
fn integer_and_floating_point_arithmetic_prints_what_native_prints() {
    let seen = differential(&build("arith"), &[], b"");
    assert_eq!(seen.status, Some(0));
    assert!(seen.stdout.lines().count() > 400 && seen.stdout.contains("checksum "), "{}", seen.stdout);
}

#[test]
fn malloc_realloc_calloc_and_qsort_over_tens_of_megabytes_match_native() {
    let seen = differential(&build("memory"), &[], b"");
    assert!(seen.stdout.contains("peak 52 MB") && seen.stdout.ends_with("done\n"), "{}", seen.stdout);
}

#[test]
fn deep_and_mutual_recursion_and_a_recursive_descent_parser_match_native() {
    let seen = differential(&build("recursion"), &[], b"");
    assert!(seen.stdout.contains("list of 50000: length 50000"), "{}", seen.stdout);
}

#[test]
fn stdio_formats_parsing_and_a_word_count_of_stdin_match_native() {
    let built = build("stdio");
    let mut input = String::new();
    input.push_str("the quick brown fox\n  jumps over   the lazy dog 12 and 30 \n\n");
    // A line longer than the program's 80-byte buffer arrives in pieces.
    input.push_str(&"x".repeat(200));
    input.push_str(" tail -5\ntabs\there\tand 7 there\nünïcödé wörds 3\n");
    for k in 0..300 {
        input.push_str(&format!("line {k} has {} words\n", k % 7));
    }
    input.push_str("no newline at the end 100");
    let seen = differential(&built, &[], input.as_bytes());
    // 306 complete lines: 10 + 306 % 64.
    assert_eq!(seen.status, Some(60), "{}", seen.stdout);
    assert!(seen.stderr.contains("a line on standard error"), "{}", seen.stderr);
    // Standard input closed at once: no lines.
    assert_eq!(differential(&built, &[], b"").status, Some(10));
}

#[test]
fn arguments_and_exit_statuses_match_native() {
    let built = build("args");
    let seen = differential(&built, &["one", "two words", "", "-x", "ünï cödé", "*", "a\"b"], b"");
    assert!(seen.stdout.contains("argv[2] = \"two words\" (9 bytes)"), "{}", seen.stdout);
    assert_eq!(seen.status, Some(0));
    // exit(3) with output still buffered: it comes out, and the atexit handlers run.
    let seen = differential(&built, &["a", "--exit=3", "b"], b"");
    assert_eq!(seen.status, Some(3));
    assert!(seen
        .stdout
        .ends_with("calling exit(3)\natexit: second registered, first run\natexit: first registered, last run\n"));
    let seen = differential(&built, &["--return=7"], b"");
    assert_eq!(seen.status, Some(7));
    // The status is a byte, as the shell sees it.
    assert_eq!(differential(&built, &["--exit=300"], b"").status, Some(300 % 256));
    assert_eq!(differential(&built, &[], b"").stdout.lines().next(), Some("0 arguments"));
}

/// The files under `dir`: relative path and contents (None for a directory), sorted.
fn tree(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Option<Vec<u8>>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                out.push((name, None));
                walk(root, &path, out);
            } else {
                out.push((name, Some(std::fs::read(&path).unwrap())));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn assert_same_tree(native: &Path, phantom: &Path) {
    let (expected, got) = (tree(native), tree(phantom));
    let names = |t: &[(String, Option<Vec<u8>>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&expected), "the files left in the mount");
    for ((name, e), (_, g)) in expected.iter().zip(&got) {
        assert!(e == g, "{name}: phantom left different contents than the native run");
    }
}

/// Runs `name` natively in a directory holding `data` and in Phantom with that directory
/// mounted as `data`, each with its own copy of what `setup` puts there: the output, the exit
/// status and the files left must be the same. Returns what Phantom printed.
fn in_a_mount(name: &str, setup: impl Fn(&Path)) -> Seen {
    let built = build(name);
    let tmp = TempDir::new(&format!("wasm-{name}"));
    let native_root = tmp.0.join("native");
    let phantom_data = tmp.0.join("phantom/data");
    for data in [native_root.join("data"), phantom_data.clone()] {
        std::fs::create_dir_all(&data).unwrap();
        setup(&data);
    }
    // Natively "data/..." is relative to the working directory; in Phantom it is the mount.
    let expected = native(&built, &[], b"", Some(&native_root));
    let mount = format!("data={}", phantom_data.display());
    let got = phantom_run(&built, &["--mount", &mount], &[], b"");
    assert_same_run(&format!("{name}.c in a mount"), &expected, &got);
    assert_same_tree(&native_root.join("data"), &phantom_data);
    got
}

#[test]
fn files_in_a_mount_are_read_written_listed_renamed_and_removed_as_natively() {
    let input = "apple 3 0.5\npear 2 1.25\n# a comment\nplum 10 0.1\nfig 7 2.75";
    let seen = in_a_mount("files", |data| std::fs::write(data.join("input.txt"), input).unwrap());
    assert_eq!(seen.status, Some(0));
    assert!(seen.stdout.contains("data: 7 entries") && seen.stdout.ends_with("done\n"), "{}", seen.stdout);
}

#[test]
fn failing_file_operations_set_the_errno_native_sets() {
    in_a_mount("file_errors", |_| {});
}

#[test]
fn ftruncate_shortens_and_lengthens_files_as_natively() {
    in_a_mount("truncate", |_| {});
}

/// A byte offset the message gives as "at byte 0x...".
fn byte_offset(message: &str) -> Option<usize> {
    let at = message.find("at byte 0x")? + "at byte 0x".len();
    let hex: String = message[at..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
    usize::from_str_radix(&hex, 16).ok()
}

#[test]
fn a_trap_ends_the_run_with_status_1_naming_the_trap_and_its_instruction() {
    let built = build("trap");
    let module = std::fs::read(&built.wasm).unwrap();
    // How each ends, and the opcode of the instruction that traps.
    let cases = [
        ("unreachable", "unreachable executed", 0x00),
        ("divide", "integer divide by zero", 0x6d),
        ("overflow", "integer overflow", 0x7f),
        ("memory", "out of bounds memory access", 0x28),
        // The stack pointer runs off the bottom of memory: a store of the frame traps.
        ("stack", "out of bounds memory access", 0x3a),
        ("frames", "call stack exhausted", 0x10),
        ("indirect", "indirect call to a null table entry", 0x11),
    ];
    for (how, trap, opcode) in cases {
        let expected = native(&built, &[how], b"", None);
        assert_eq!(expected.status, None, "natively {how} ends by a signal");
        let first = format!("before the trap: {how}\n");
        assert_eq!(expected.stdout, first);
        let got = phantom_run(&built, &[], &[how], b"");
        assert_eq!(got.stdout, first, "{how}: what was printed before the trap comes out; stderr: {}", got.stderr);
        assert_eq!(got.status, Some(1), "{how}: {}", got.stderr);
        assert!(!got.stderr.contains("panicked"), "{how}: {}", got.stderr);
        let line =
            got.stderr.lines().find(|l| l.contains("wasm trap")).unwrap_or_else(|| panic!("{how}: {}", got.stderr));
        assert!(line.contains(trap), "{how}: {line}");
        let at = byte_offset(line).unwrap_or_else(|| panic!("{how}: no offset in {line}"));
        assert_eq!(module.get(at), Some(&opcode), "{how}: {line} names the byte of the trapping instruction");
    }
}

/// What a killed-and-booted program printed must be its native output: each round carries on
/// from where a snapshot left it, repeating at most what it printed after that snapshot.
struct Replay<'a> {
    what: &'a str,
    native: &'a [String],
    /// How many of the native lines have come out so far.
    printed: usize,
    /// Where the last round that printed started.
    resumed: usize,
    /// For each line printed: when it arrived, and when its process was killed.
    seen: HashMap<usize, (Instant, Instant)>,
    /// The most a repeated line had been out before the kill.
    pub worst_repeat: Duration,
    /// How many lines the restarts printed again.
    pub repeated: usize,
    /// How many killed rounds the program was running in (printing).
    pub interrupted: usize,
    /// How long before its process was killed a line that a restart repeats may have come
    /// out: it was printed after the last snapshot, or while that snapshot was written.
    window: Option<Duration>,
}

/// The window with snapshots every 100 ms: seven of them.
const REPEAT_WINDOW: Duration = Duration::from_millis(700);

impl<'a> Replay<'a> {
    fn new(what: &'a str, native: &'a [String], window: Option<Duration>) -> Replay<'a> {
        let (worst_repeat, seen) = (Duration::ZERO, HashMap::new());
        Replay { what, native, printed: 0, resumed: 0, seen, worst_repeat, repeated: 0, interrupted: 0, window }
    }

    /// One round's lines, with when each arrived, and when the round was killed (None: it
    /// ran to its end).
    fn round(&mut self, round: usize, lines: &[(String, Instant)], killed: Option<Instant>, errors: &str) {
        let what = self.what;
        if killed.is_some() && !lines.is_empty() {
            self.interrupted += 1;
        }
        let mut previous: Option<usize> = None;
        for (line, arrived) in lines {
            let Some(at) = self.native.iter().position(|l| l == line) else {
                panic!("{what}, round {round}: {line:?} is no line of the native run; stderr: {errors}");
            };
            match previous {
                Some(p) => assert_eq!(at, p + 1, "{what}, round {round}: {line:?} after line {}", p + 1),
                None => {
                    assert!(
                        at <= self.printed,
                        "{what}, round {round}: resumed at line {} after {} lines: skipped",
                        at + 1,
                        self.printed
                    );
                    assert!(
                        at >= self.resumed,
                        "{what}, round {round}: resumed at line {}, before the previous round's start (line {}): an older snapshot",
                        at + 1,
                        self.resumed + 1
                    );
                    for again in at..self.printed {
                        let (arrived, killed) = self.seen[&again];
                        let age = killed.saturating_duration_since(arrived);
                        self.worst_repeat = self.worst_repeat.max(age);
                        assert!(
                            self.window.is_none_or(|window| age <= window),
                            "{what}, round {round}: resumed at line {}, repeating line {} which was out {age:?} before the kill",
                            at + 1,
                            again + 1
                        );
                    }
                    self.repeated += self.printed - at;
                    self.resumed = at;
                }
            }
            self.seen.insert(at, (*arrived, killed.unwrap_or_else(Instant::now)));
            self.printed = self.printed.max(at + 1);
            previous = Some(at);
        }
    }
}

/// Watches `run` until `deadline`, noting when each line arrives.
fn lines_until(run: &Running, deadline: Instant, arrivals: &mut Vec<(String, Instant)>) {
    loop {
        let lines = run.lines();
        let now = Instant::now();
        for line in &lines[arrivals.len()..] {
            arrivals.push((line.clone(), now));
        }
        if now >= deadline {
            return;
        }
        std::thread::sleep(Duration::from_millis(3));
    }
}

/// `phantom run` with an image, then kill -9 after a random `delays` ms and `phantom boot`,
/// `kills` times; the last boot runs to the end. Every round's output goes through `replay`.
/// Returns the exit status and the standard error of the last run.
fn kill_and_boot(
    first: &[&str],
    image: &str,
    kills: usize,
    delays: std::ops::Range<u64>,
    seed: u64,
    replay: &mut Replay,
) -> (i32, String) {
    let mut rng = Lcg(seed);
    let boot = ["boot", "--image", image, "--snapshot-interval", "100"];
    for round in 0..=kills {
        let run = if round == 0 { Running::start(first) } else { Running::start(&boot) };
        let mut arrivals = Vec::new();
        if round == kills {
            return finish_last(run, round, replay);
        }
        let delay = Duration::from_millis(delays.start + rng.below(delays.end - delays.start));
        lines_until(&run, Instant::now() + delay, &mut arrivals);
        let errors = run.errors();
        let killed = Instant::now();
        let lines = run.kill();
        // Lines that came out as it was killed arrived by now.
        for line in &lines[arrivals.len()..] {
            arrivals.push((line.clone(), killed));
        }
        assert!(!errors.contains("panicked"), "round {round}: {errors}");
        replay.round(round, &arrivals, Some(killed), &errors);
    }
    unreachable!()
}

/// Waits for the last round to end by itself.
fn finish_last(mut run: Running, round: usize, replay: &mut Replay) -> (i32, String) {
    let start = Instant::now();
    let mut arrivals = Vec::new();
    while run.child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < TIMEOUT, "the last boot did not finish in {TIMEOUT:?}; stderr: {}", run.errors());
        lines_until(&run, Instant::now() + Duration::from_millis(20), &mut arrivals);
    }
    let (code, lines, errors) = run.finish();
    for line in &lines[arrivals.len()..] {
        arrivals.push((line.clone(), Instant::now()));
    }
    assert!(!errors.contains("panicked"), "the last round: {errors}");
    replay.round(round, &arrivals, None, &errors);
    (code, errors)
}

/// Milliseconds per step of longrun.c (args STEPS WORK) in `phantom run`, in memory: the
/// kill test's length follows from it, whichever build of phantom runs.
fn step_ms(built: &Built, work: &str) -> f64 {
    let time = |steps: &str| {
        let start = Instant::now();
        let seen = phantom_run(built, &[], &[steps, work], b"");
        assert_eq!(seen.status, Some(0), "{}", seen.stderr);
        start.elapsed().as_secs_f64() * 1000.0
    };
    let (none, some) = (time("0"), time("20"));
    ((some - none) / 20.0).max(0.5)
}

#[test]
fn a_long_computation_survives_kill_9_and_prints_what_native_prints() {
    let built = build("longrun");
    let work = "200000";
    // About 8 s of work in memory (a third more with an image): the kills (20 rounds of
    // 100-900 ms) stop it some 20 times on the way, and the last boot finishes it.
    let steps = ((8_000.0 / step_ms(&built, work)) as usize).clamp(60, 5000).to_string();
    let expected = native(&built, &[&steps, work], b"", None);
    assert_eq!(expected.status, Some(0));
    let native_lines: Vec<String> = expected.stdout.lines().map(str::to_string).collect();
    let tmp = TempDir::new("wasm-longrun");
    let image = tmp.path("longrun.img");
    let first = ["run", built.wasm(), "--image", &image, "--snapshot-interval", "100", "--", &steps, work];
    let what = format!("longrun.c {steps} {work}");
    let mut replay = Replay::new(&what, &native_lines, Some(REPEAT_WINDOW));
    let started = Instant::now();
    let (code, errors) = kill_and_boot(&first, &image, rounds(20), 100..901, 0x3a5e, &mut replay);
    assert_eq!(code, 0, "the last boot: {errors}");
    assert_eq!(replay.printed, native_lines.len(), "the output ends with the native last line; {errors}");
    eprintln!(
        "{steps} steps in {:?}: {} of {} kills while it ran; {} lines printed again, the oldest {:?} before its kill",
        started.elapsed(),
        replay.interrupted,
        rounds(20),
        replay.repeated,
        replay.worst_repeat
    );
    // Most kills land while the program runs (the steps were chosen for that).
    assert!(replay.interrupted >= rounds(20) / 4, "only {} kills interrupted the program", replay.interrupted);
}

#[test]
fn files_rewritten_and_appended_each_step_end_as_native_after_kill_9() {
    let built = build("filestep");
    let (steps, work) = ("120", "100000");
    let tmp = TempDir::new("wasm-filestep");
    let native_root = tmp.0.join("native");
    std::fs::create_dir_all(native_root.join("data")).unwrap();
    let expected = native(&built, &[steps, work], b"", Some(&native_root));
    assert_eq!(expected.status, Some(0), "{}", expected.stderr);
    let native_stdout: Vec<String> = expected.stdout.lines().map(str::to_string).collect();
    let data = tmp.0.join("phantom-data");
    std::fs::create_dir_all(&data).unwrap();
    let image = tmp.path("filestep.img");
    let mount = format!("data={}", data.display());
    let first =
        ["run", built.wasm(), "--image", &image, "--mount", &mount, "--snapshot-interval", "100", "--", steps, work];
    let mut replay = Replay::new("filestep.c", &native_stdout, Some(REPEAT_WINDOW));
    let (code, errors) = kill_and_boot(&first, &image, rounds(20).div_ceil(2), 100..901, 0xf11e, &mut replay);
    assert_eq!(code, 0, "{errors}");
    assert_eq!(replay.printed, native_stdout.len(), "{errors}");
    // The file rewritten each step holds the last step's, and the file kept open was written
    // again from the position each snapshot held: both as natively.
    for name in ["state.txt", "kept.txt"] {
        let contents = |dir: &Path| std::fs::read_to_string(dir.join(name)).unwrap();
        assert_same_text(&format!("data/{name}"), &contents(&native_root.join("data")), &contents(&data));
    }
    // The log appended each step: its lines in order, a restart repeating only lines after
    // the snapshot it resumed from, never skipping or changing one.
    let native_log: Vec<String> =
        std::fs::read_to_string(native_root.join("data/log.txt")).unwrap().lines().map(str::to_string).collect();
    let log = std::fs::read_to_string(data.join("log.txt")).unwrap();
    assert!(log.ends_with('\n'), "the log ends with a whole line");
    let mut next = 0;
    let mut resumed = 0;
    for line in log.lines() {
        let at =
            native_log.iter().position(|l| l == line).unwrap_or_else(|| panic!("log line {line:?} is no native one"));
        assert!(at <= next, "the log skips from line {next} to {}", at + 1);
        if at < next {
            assert!(at >= resumed, "the log restarts at line {} before an earlier restart at {}", at + 1, resumed + 1);
            resumed = at;
        }
        next = at + 1;
    }
    assert_eq!(next, native_log.len(), "the log ends with the native last line");
    eprintln!("filestep.c: {} kills while it ran, {} lines printed again", replay.interrupted, replay.repeated);
    assert!(replay.interrupted >= 2, "only {} kills interrupted the program", replay.interrupted);
}

#[test]
fn tens_of_megabytes_of_linear_memory_survive_kill_9_while_they_grow() {
    let built = build("memory");
    let expected = native(&built, &[], b"", None);
    let native_lines: Vec<String> = expected.stdout.lines().map(str::to_string).collect();
    let tmp = TempDir::new("wasm-memory-kill");
    let image = tmp.path("memory.img");
    let first = ["run", built.wasm(), "--image", &image, "--snapshot-interval", "100"];
    // Snapshots of a memory this size take a while to be written, and the program prints
    // only every second or so: longer rounds, no bound on the repeats.
    let mut replay = Replay::new("memory.c", &native_lines, None);
    let (code, errors) = kill_and_boot(&first, &image, rounds(20).div_ceil(4), 1000..4001, 0x3e3, &mut replay);
    assert_eq!(code, 0, "{errors}");
    assert_eq!(replay.printed, native_lines.len(), "{errors}");
    eprintln!("memory.c: {} kills while it ran, {} lines printed again", replay.interrupted, replay.repeated);
}

#[test]
fn reading_standard_input_takes_it_in_large_pieces() {
    let built = build("bulkread");
    let mut rng = Lcg(0x5eed);
    let input: Vec<u8> = (0..2 << 20).map(|_| rng.below(256) as u8).collect();
    let expected = native(&built, &[], &input, None);
    let got = phantom_run(&built, &[], &[], &input);
    assert_same_text("bulkread.c: standard output", &expected.stdout, &got.stdout);
    let reads = |seen: &Seen| seen.stderr.trim_end().strip_suffix(" reads").and_then(|n| n.parse::<u64>().ok());
    let (native_reads, reads) = (reads(&expected).unwrap(), reads(&got).unwrap_or_else(|| panic!("{}", got.stderr)));
    assert!(native_reads < 1000, "natively {native_reads} reads");
    assert!(reads < 1000, "2 MiB of standard input took {reads} reads (natively {native_reads})");
}

/// `phantom run` of a module that is not valid: status 1 and one line of error naming the
/// byte, quickly, without a panic. Returns the line.
fn refused(tmp: &TempDir, name: &str, bytes: &[u8]) -> String {
    let path = tmp.path(name);
    std::fs::write(&path, bytes).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.args(["run", &path]);
    let seen = run(command, b"", Duration::from_secs(30));
    assert!(!seen.stderr.contains("panicked"), "{name}: {}", seen.stderr);
    assert_eq!(seen.status, Some(1), "{name}: {}", seen.stderr);
    assert_eq!(seen.stdout, "", "{name}");
    let lines: Vec<&str> = seen.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{name}: one line of error: {}", seen.stderr);
    let offset = byte_offset(lines[0]).unwrap_or_else(|| panic!("{name}: no byte offset in {:?}", lines[0]));
    assert!(offset <= bytes.len(), "{name}: {:?} is past the end of the {} bytes", lines[0], bytes.len());
    lines[0].to_string()
}

fn leb128(bytes: &[u8], at: &mut usize) -> usize {
    let (mut value, mut shift) = (0usize, 0);
    loop {
        let b = bytes[*at];
        *at += 1;
        value |= ((b & 0x7f) as usize) << shift;
        if b & 0x80 == 0 {
            return value;
        }
        shift += 7;
    }
}

/// Where the code section's contents start and end.
fn code_section(module: &[u8]) -> (usize, usize) {
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        at += 1;
        let size = leb128(module, &mut at);
        if id == 10 {
            return (at, at + size);
        }
        at += size;
    }
    panic!("no code section");
}

#[test]
fn damaged_modules_are_refused_in_one_line_that_names_the_byte() {
    let tmp = TempDir::new("wasm-bad");
    let module = std::fs::read(build("args").wasm).unwrap();
    // Truncated anywhere: in the header, in a section's header, inside the code.
    let (code_start, code_end) = code_section(&module);
    let cuts = [4, 9, 10, 11, 20, 64, 100, code_start - 1, code_start + 3, (code_start + code_end) / 2, code_end - 1];
    for cut in cuts.into_iter().chain([module.len() - 1]) {
        let line = refused(&tmp, &format!("cut{cut}.wasm"), &module[..cut]);
        assert!(line.contains("unexpected end") || line.contains("end of"), "cut at {cut}: {line}");
    }
    // The magic number, then noise.
    let mut rng = Lcg(0xbad);
    for k in 0..20 {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        let len = 1 + rng.below(3000) as usize;
        bytes.extend((0..len).map(|_| rng.below(256) as u8));
        refused(&tmp, &format!("noise{k}.wasm"), &bytes);
    }
    let line = refused(&tmp, "version.wasm", b"\0asm\x02\0\0\0");
    assert!(line.contains("version"), "{line}");
    // The header alone is a valid module, with nothing to run.
    std::fs::write(tmp.path("empty.wasm"), &module[..8]).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.args(["run", &tmp.path("empty.wasm")]);
    let seen = run(command, b"", Duration::from_secs(30));
    assert_eq!(seen.status, Some(1), "{}", seen.stderr);
    assert!(seen.stderr.contains("exports no _start") && !seen.stderr.contains("panicked"), "{}", seen.stderr);

    // By hand: (func (i32.add (i32.const 1) (i64.const 2))), exported as _start.
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    bytes.extend([1, 4, 1, 0x60, 0, 0]); // type 0: [] -> []
    bytes.extend([3, 2, 1, 0]); // function 0 has type 0
    bytes.extend([7, 10, 1, 6]);
    bytes.extend(b"_start");
    bytes.extend([0, 0]);
    let body = [0, 0x41, 1, 0x42, 2, 0x6a, 0x1a, 0x0b]; // no locals; i32.const 1; i64.const 2; i32.add; drop; end
    bytes.extend([10, body.len() as u8 + 2, 1, body.len() as u8]);
    let add = bytes.len() + 5;
    bytes.extend(body);
    assert_eq!(bytes[add], 0x6a);
    let line = refused(&tmp, "mismatch.wasm", &bytes);
    assert!(line.contains("type mismatch"), "{line}");
    assert_eq!(byte_offset(&line), Some(add), "{line} names the i32.add");

    // A compiled module whose first function starts with an opcode that does not exist.
    let mut at = code_start;
    let _count = leb128(&module, &mut at);
    let _size = leb128(&module, &mut at);
    for _ in 0..leb128(&module, &mut at) {
        leb128(&module, &mut at);
        at += 1;
    }
    let mut damaged = module.clone();
    damaged[at] = 0xff;
    let line = refused(&tmp, "opcode.wasm", &damaged);
    assert!(line.contains("opcode"), "{line}");
    assert_eq!(byte_offset(&line), Some(at), "{line}");
    // A code section that counts one function body more (or less) than the module declares.
    let mut damaged = module.clone();
    damaged[code_start] =
        if damaged[code_start] & 0x7f == 0x7f { damaged[code_start] - 1 } else { damaged[code_start] + 1 };
    let line = refused(&tmp, "count.wasm", &damaged);
    assert!(line.contains("inconsistent"), "{line}");
    assert_eq!(byte_offset(&line), Some(code_start), "{line}");

    // Bytes flipped at random in the code section: refused in one line, or (if the module is
    // still valid) run like any program; never a panic or a hang in the checks.
    let mut refusals = 0;
    for k in 0..30 {
        let mut damaged = module.clone();
        let at = code_start + rng.below((code_end - code_start) as u64) as usize;
        damaged[at] ^= 1 << rng.below(8);
        let path = tmp.path(&format!("flip{k}.wasm"));
        std::fs::write(&path, &damaged).unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
        command.args(["run", &path, "--", "x"]);
        // A damaged module that still validates may well loop.
        let Some(seen) = try_run(command, b"", Duration::from_secs(20)) else { continue };
        assert!(!seen.stderr.contains("panicked"), "flip{k} (byte {at:#x}): {}", seen.stderr);
        if seen.stderr.contains("of the module") && seen.stdout.is_empty() {
            assert_eq!(seen.status, Some(1), "flip{k}: {}", seen.stderr);
            assert_eq!(seen.stderr.lines().count(), 1, "flip{k}: {}", seen.stderr);
            assert!(byte_offset(&seen.stderr).is_some(), "flip{k}: {}", seen.stderr);
            refusals += 1;
        }
    }
    eprintln!("{refusals} of 30 flipped modules refused");
}

#[test]
fn the_environment_is_the_hosts_phantom_variables_without_their_prefix() {
    let built = build("env");
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.arg("run").arg(&built.wasm).env("PHANTOM_WASM_TEST_GREETING", "hello there").env("WASM_TEST_HIDDEN", "x");
    let got = run(command, b"", TIMEOUT);
    assert_eq!(got.status, Some(0), "{}", got.stderr);
    assert_eq!(got.stdout, "WASM_TEST_GREETING=hello there\ngreeting: hello there\n");
    let mut command = Command::new(&built.native);
    command.env("WASM_TEST_GREETING", "hello there");
    assert_eq!(run(command, b"", TIMEOUT).stdout, got.stdout, "as a native run with the same variable");
}

#[test]
fn a_missing_wasi_function_and_a_foreign_import_are_named() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-c");
    std::fs::create_dir_all(&dir).unwrap();
    let src = source("missing_wasi");
    let missing = dir.join("missing_wasi.wasm");
    compile("clang-14", &["--target=wasm32-wasi", "-O2", src.to_str().unwrap()], &missing);
    let got = run_phantom_on(&missing);
    assert_eq!(got.status, Some(1), "{}", got.stderr);
    assert_eq!(got.stdout, "before\n");
    assert!(got.stderr.contains("the WASI function no_such_function is not available"), "{}", got.stderr);
    let foreign = dir.join("foreign_import.wasm");
    let flags = ["--target=wasm32-wasi", "-O2", "-DFOREIGN", "-Wl,--allow-undefined", src.to_str().unwrap()];
    compile("clang-14", &flags, &foreign);
    let got = run_phantom_on(&foreign);
    assert_eq!(got.status, Some(1), "{}", got.stderr);
    assert_eq!(got.stdout, "", "refused before it runs");
    assert!(got.stderr.contains("imports env.host_magic, which Phantom does not provide"), "{}", got.stderr);
}

fn run_phantom_on(wasm: &Path) -> Seen {
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.arg("run").arg(wasm);
    run(command, b"", TIMEOUT)
}

#[test]
fn a_memory_larger_than_the_heap_is_refused_saying_so_and_runs_with_a_larger_heap() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-c");
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("huge_memory.wasm");
    let src = source("args");
    compile(
        "clang-14",
        &["--target=wasm32-wasi", "-O2", "-Wl,--initial-memory=1073741824", src.to_str().unwrap()],
        &huge,
    );
    let got = run_phantom_on(&huge);
    assert_eq!(got.status, Some(1), "{}", got.stderr);
    assert!(
        got.stderr.contains("the module's memory starts at 1024 MiB, more than the heap has room for (256 MiB"),
        "{}",
        got.stderr
    );
    let mut command = Command::new(env!("CARGO_BIN_EXE_phantom"));
    command.arg("run").arg(&huge).args(["--heap-mib", "1200", "--", "one"]);
    let got = run(command, b"", TIMEOUT);
    assert_eq!(got.status, Some(0), "{}", got.stderr);
    assert!(got.stdout.contains("one"), "{}", got.stdout);
}
