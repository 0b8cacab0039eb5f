//! Helpers shared by the `phantom` command's tests.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Runs `phantom` to its end with no standard input.
pub fn phantom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phantom")).args(args).output().unwrap()
}

/// A fresh directory for one test, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("phantom-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running `phantom`, its standard output collected line by line.
pub struct Running {
    pub child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<String>>,
}

impl Running {
    pub fn start(args: &[&str]) -> Running {
        Running::start_with_env(args, &[])
    }

    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_phantom"))
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(String::new()));
        let (out, err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let sink = errors.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut e = sink.lock().unwrap();
                e.push_str(&line);
                e.push('\n');
            }
        });
        Running { child, lines, errors }
    }

    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    pub fn errors(&self) -> String {
        self.errors.lock().unwrap().clone()
    }

    /// Waits until `done` holds for the output so far.
    pub fn wait_for(&self, what: &str, done: impl Fn(&[String]) -> bool) {
        let start = Instant::now();
        while !done(&self.lines()) {
            assert!(start.elapsed() < Duration::from_secs(30), "waited 30 s for {what}; stderr: {}", self.errors());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn kill(mut self) -> Vec<String> {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        // The reader threads see end of file once the process is gone.
        std::thread::sleep(Duration::from_millis(20));
        self.lines()
    }

    pub fn finish(mut self) -> (i32, Vec<String>, String) {
        let status = self.child.wait().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        (status.code().unwrap_or(-1), self.lines(), self.errors())
    }
}

/// A small deterministic generator for kill delays.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A test that fails midway leaves no `phantom` behind.
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
