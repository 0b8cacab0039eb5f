//! A real C program nobody here wrote: Lua 5.4's interpreter, built for wasm32-wasi by
//! `scripts/lua-wasm.sh` (sources from PyPI's lupa sdist, Lua's files unchanged), runs
//! `tests/wasm/lua/work.lua` in `phantom run` and prints what the native Lua prints; with
//! `--image` it is killed with SIGKILL at random moments, booted again, and carries on.
//!
//! Needs `apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32`, gcc, and
//! python3's pip with PyPI reachable (once: the build is kept in the target directory).
//! `PHANTOM_KILL_ROUNDS` sets how many kills the kill test makes (3 to 5 by default), and
//! `PHANTOM_LUA_SEED` the seed of its random moments (printed by each run).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use common::{phantom, Lcg, Running, TempDir};

const INSTALL: &str = "apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32";

/// The directory of `work.lua`, mounted read-only as `scripts`.
fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasm/lua")
}

/// `lua.wasm` and the native `lua`, built once into the target directory and kept.
fn lua() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        match Command::new("clang-14").arg("--version").output() {
            Ok(o) if o.status.success() => {}
            _ => panic!("clang-14 is not installed; building Lua for wasm32-wasi needs: {INSTALL}"),
        }
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lua-wasm");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/lua-wasm.sh");
        let built = Command::new("bash").arg(&script).arg(&out).output().unwrap();
        assert!(
            built.status.success(),
            "{} {} failed (it needs {INSTALL}, gcc, and python3 -m pip with PyPI reachable):\n{}",
            script.display(),
            out.display(),
            String::from_utf8_lossy(&built.stderr)
        );
        out
    })
}

/// What the native Lua prints for `work.lua STEPS`.
fn native(steps: usize) -> Vec<String> {
    let out = Command::new(lua().join("lua")).arg("work.lua").arg(steps.to_string()).current_dir(scripts()).output();
    let out = out.unwrap();
    assert!(out.status.success(), "native lua: {}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), steps + 1, "a line per step and one at the end");
    lines
}

fn wasm() -> String {
    lua().join("lua.wasm").to_str().unwrap().to_string()
}

fn mount() -> String {
    format!("scripts={}:ro", scripts().to_str().unwrap())
}

/// The position in the whole output of a line of `work.lua`: `step K ...` is line K-1, and
/// `done N` comes after step N.
fn position(line: &str, what: &str) -> usize {
    let mut words = line.split(' ');
    match (words.next(), words.next().and_then(|n| n.parse::<usize>().ok())) {
        (Some("step"), Some(k)) if k > 0 => k - 1,
        (Some("done"), Some(n)) => n,
        _ => panic!("{what}: not a line of work.lua: {line:?}"),
    }
}

#[test]
fn lua_in_phantom_prints_what_native_lua_prints() {
    let steps = 25;
    let expected = native(steps);
    let out = phantom(&["run", &wasm(), "--mount", &mount(), "--", "scripts/work.lua", &steps.to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines, expected, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn lua_killed_with_sigkill_and_booted_again_carries_on_where_it_was() {
    // A new seed each run (PHANTOM_LUA_SEED repeats one): shown with a failure.
    let seed = std::env::var("PHANTOM_LUA_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    eprintln!("PHANTOM_LUA_SEED={seed}");
    let mut rng = Lcg(seed);
    let kills = std::env::var("PHANTOM_KILL_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3 + rng.below(3));
    // A round runs at most 6 lines and 150 ms (5 steps in a release build): still running
    // at the last kill.
    let steps = (kills as usize * 12 + 20).max(80);
    let expected = native(steps);
    let tmp = TempDir::new("lua-kill");
    let image = tmp.path("lua.img");
    // The output so far, each line once: a boot resumes from the last snapshot and prints
    // again what was printed after it, the same lines.
    let mut combined: Vec<String> = Vec::new();
    let mut resumed_at = 0;
    let mut repeated = 0;
    for round in 0..=kills {
        let interval = ["--snapshot-interval", "100"];
        let run = if round == 0 {
            let args = ["run", &wasm(), "--image", &image, "--mount", &mount()];
            let rest = ["--", "scripts/work.lua", &steps.to_string()];
            Running::start(&[&args[..], &interval, &rest].concat())
        } else {
            Running::start(&[&["boot", "--image", &image][..], &interval].concat())
        };
        let (lines, errors) = if round < kills {
            // A random moment: some lines in, then partway through a step.
            let want = 1 + rng.below(6) as usize;
            run.wait_for("lines from lua", |l| l.len() >= want);
            std::thread::sleep(Duration::from_millis(rng.below(150)));
            let errors = run.errors();
            let lines = run.kill();
            (lines, errors)
        } else {
            let (code, lines, errors) = run.finish();
            assert_eq!(code, 0, "the last run ends as lua does; stderr: {errors}");
            (lines, errors)
        };
        assert!(!errors.contains("panicked") && !errors.contains("error"), "round {round}: {errors}");
        let Some(first) = lines.first() else { panic!("round {round}: no output; stderr: {errors}") };
        let at = position(first, &format!("round {round}"));
        assert!(at <= combined.len(), "round {round}: resumed at line {at} with only {} printed", combined.len());
        assert!(at >= resumed_at, "round {round}: resumed at line {at}, before the last resumption at {resumed_at}");
        for (k, (old, new)) in combined[at..].iter().zip(&lines).enumerate() {
            assert_eq!(old, new, "round {round}: line {} printed again, differently", at + k);
        }
        repeated += combined.len().saturating_sub(at).min(lines.len());
        for (k, line) in lines.iter().enumerate() {
            assert_eq!(position(line, &format!("round {round}")), at + k, "round {round}: lines in order");
        }
        combined.truncate(at);
        combined.extend(lines);
        resumed_at = at;
        if round < kills {
            assert!(combined.len() <= steps, "round {round}: lua finished before it was killed");
        }
    }
    eprintln!("{kills} kills, {repeated} lines printed again after a boot");
    assert_eq!(combined, expected);
}
