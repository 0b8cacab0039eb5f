//! The host Phantom runs on, seen through one small interface: the VM and the store reach the
//! clock, waiting, worker threads, the console, files, the environment, sockets, randomness and
//! storage only through [`Host`] and [`block::BlockDevice`], so that a kernel of our own can one
//! day replace Linux underneath them.
//!
//! Two hosts implement it: [`LinuxHost`] over the standard library, and [`SimHost`], a
//! deterministic simulation for tests in which one seed fixes every scheduling decision, every
//! random number and the passage of time.
//!
//! The interface is synchronous on purpose: the VM has its own scheduler, and all it needs from
//! the host is a way to block a worker thread until it is woken or a deadline passes
//! ([`Parker`]).

pub mod block;
mod linux;
pub mod rng;
mod sim;

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use linux::LinuxHost;
pub use rng::SimRng;
pub use sim::{Idle, SeedReport, SimHost};

/// The work a spawned worker thread runs.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// Everything the VM and the store need from the machine under them. Object-safe: it is used
/// as `Arc<dyn Host>`.
///
/// Time is the host's own: [`Host::now`] counts from the host's start and every deadline is
/// on that scale, so a simulated host can own time instead of reading a real clock.
pub trait Host: Send + Sync {
    /// Monotonic time since the host started. Never goes backwards.
    fn now(&self) -> Duration;

    /// Wall-clock time in milliseconds since the Unix epoch. May jump; use [`Host::now`] for
    /// intervals and deadlines.
    fn wall_clock_ms(&self) -> u64;

    /// A new object to block one thread on until it is notified or a deadline passes.
    fn parker(&self) -> Arc<dyn Parker>;

    /// Blocks the calling thread for at least `duration`.
    fn sleep(&self, duration: Duration) {
        let deadline = self.now() + duration;
        let parker = self.parker();
        // Nobody else holds this parker, so only the deadline ends the wait; the loop guards
        // against a host that wakes early.
        while self.now() < deadline {
            parker.wait_until(Some(deadline));
        }
    }

    /// Lets other threads run: a spin loop calls it between polls. On [`SimHost`] it is a
    /// scheduling point and costs a microsecond of virtual time, so spinning until a time
    /// ends there too.
    fn yield_now(&self);

    /// Starts `task` on a new worker thread named `name` with a stack of at least `stack_size`
    /// bytes.
    fn spawn(&self, name: &str, stack_size: usize, task: Task) -> io::Result<Box<dyn JoinHandle>>;

    /// The next byte of console input, blocking until there is one; `None` at the end of the
    /// input. A read error also ends the input: a console that fails once is not retried.
    fn read_console_byte(&self) -> Option<u8>;

    /// Console input into `buf`: what has arrived (at least a byte, blocking until there is
    /// one), its length; 0 at the end of the input.
    fn read_console(&self, buf: &mut [u8]) -> usize {
        match (buf.first_mut(), self.read_console_byte()) {
            (Some(slot), Some(b)) => {
                *slot = b;
                1
            }
            _ => 0,
        }
    }

    /// Writes `bytes` to the console output and flushes them.
    fn write_console(&self, bytes: &[u8]) -> io::Result<()>;

    /// Writes one diagnostic line (no trailing newline needed) to the error stream. Failures
    /// are ignored: there is nowhere left to report them.
    fn write_diagnostic(&self, line: &str);

    /// Writes `bytes` as they are to the error stream (a program's standard error).
    fn write_error(&self, bytes: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        self.write_diagnostic(text.strip_suffix('\n').unwrap_or(&text));
        Ok(())
    }

    /// The whole contents of the file at `path` (class paths, bundles).
    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// The environment variables, in the host's order. Variables whose name or value is not
    /// UTF-8 are left out.
    fn env(&self) -> Vec<(String, String)>;

    /// Listens for TCP connections on `addr`; port 0 picks a free port
    /// ([`Listener::local_addr`] tells which).
    fn listen(&self, addr: SocketAddr) -> io::Result<Box<dyn Listener>>;

    /// Opens a TCP connection to `addr`.
    fn connect(&self, addr: SocketAddr) -> io::Result<Box<dyn Connection>>;

    /// 64 random bits: from the operating system on Linux, from the seed on [`SimHost`].
    fn random_u64(&self) -> u64;

    /// A UDP socket bound to `addr`; port 0 picks a free port.
    fn bind_udp(&self, addr: SocketAddr) -> io::Result<Box<dyn Datagram>> {
        let _ = addr;
        Err(unsupported("UDP"))
    }

    /// The addresses a host name stands for (a numeric address stands for itself).
    fn resolve(&self, name: &str) -> io::Result<Vec<IpAddr>> {
        match name.parse::<IpAddr>() {
            Ok(ip) => Ok(vec![ip]),
            Err(_) => Err(unsupported("name resolution")),
        }
    }

    /// Opens the file at `path` as `mode` says.
    fn open_file(&self, path: &Path, mode: FileMode) -> io::Result<Box<dyn HostFile>> {
        let _ = (path, mode);
        Err(unsupported("files"))
    }

    /// What is at `path`, without following a final symbolic link.
    fn file_info(&self, path: &Path) -> io::Result<FileInfo> {
        let _ = path;
        Err(unsupported("files"))
    }

    /// The entries of the directory at `path`, sorted by name.
    fn list_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let _ = path;
        Err(unsupported("files"))
    }

    fn create_dir(&self, path: &Path) -> io::Result<()> {
        let _ = path;
        Err(unsupported("files"))
    }

    /// Removes a file or an empty directory.
    fn remove(&self, path: &Path) -> io::Result<()> {
        let _ = path;
        Err(unsupported("files"))
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        let _ = (from, to);
        Err(unsupported("files"))
    }

    /// The absolute path with every symbolic link resolved.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        let _ = path;
        Err(unsupported("files"))
    }

    /// Makes the calling thread a background one (the collector): the host runs it when the
    /// threads running programs leave it a processor.
    fn run_in_background(&self) {}
}

fn unsupported(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::Unsupported, format!("{what} not available on this host"))
}

/// How [`Host::open_file`] opens a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileMode {
    pub read: bool,
    pub write: bool,
    /// Create the file if it does not exist.
    pub create: bool,
    /// Empty it on opening.
    pub truncate: bool,
}

/// What [`Host::file_info`] tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileInfo {
    pub is_dir: bool,
    pub is_symlink: bool,
    pub len: u64,
}

/// One entry of [`Host::list_dir`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
}

/// An open file, read and written at explicit offsets (so several threads may share it).
pub trait HostFile: Send + Sync {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
    fn write_all_at(&self, data: &[u8], offset: u64) -> io::Result<()>;
    fn len(&self) -> io::Result<u64>;
    fn is_empty(&self) -> io::Result<bool> {
        Ok(self.len()? == 0)
    }
    /// Makes what was written durable.
    fn sync(&self) -> io::Result<()>;

    /// Cuts the file to `len` bytes, or extends it with zeros.
    fn set_len(&self, len: u64) -> io::Result<()> {
        let _ = len;
        Err(io::Error::new(io::ErrorKind::Unsupported, "resizing files is not available on this host"))
    }
}

/// A UDP socket. Methods take `&self`, so one thread can receive while another sends.
pub trait Datagram: Send + Sync {
    fn send_to(&self, data: &[u8], addr: SocketAddr) -> io::Result<usize>;
    /// The next datagram and its sender, waiting at most `timeout` (`None`: for ever); a wait
    /// that runs out is `ErrorKind::WouldBlock` or `TimedOut`.
    fn recv_from(&self, buf: &mut [u8], timeout: Option<Duration>) -> io::Result<(usize, SocketAddr)>;
    fn local_addr(&self) -> io::Result<SocketAddr>;
}

/// Why [`Parker::wait_until`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    Notified,
    TimedOut,
}

/// Blocks one thread until another notifies it or a deadline passes.
///
/// A notification is a token, as with `std::thread::park`: `notify` sets it and the next
/// `wait_until` consumes it, returning at once if it was already set. So a scheduler can
/// release its own lock, then wait, and never lose a notification sent in between. One thread
/// waits on a parker at a time (give each worker its own); any thread may notify it.
pub trait Parker: Send + Sync {
    /// Waits for the token or until [`Host::now`] reaches `deadline` (`None`: no deadline).
    /// A token set before the deadline wins.
    fn wait_until(&self, deadline: Option<Duration>) -> Wake;

    /// Sets the token, waking the waiting thread if there is one.
    fn notify(&self);
}

/// A spawned worker thread.
pub trait JoinHandle: Send {
    /// Waits for the thread to end; `Err` carries the payload of a panic that ended it.
    fn join(self: Box<Self>) -> std::thread::Result<()>;
}

/// A listening TCP socket.
pub trait Listener: Send + Sync {
    /// Waits for the next incoming connection.
    fn accept(&self) -> io::Result<Box<dyn Connection>>;

    fn local_addr(&self) -> io::Result<SocketAddr>;

    /// Stops listening: a thread blocked in `accept` returns an error.
    fn close(&self) -> io::Result<()> {
        Ok(())
    }
}

/// One TCP connection. Methods take `&self` so that one thread can read while another writes.
/// Dropping it closes it.
pub trait Connection: Send + Sync {
    /// Reads what has arrived, blocking until something has; `Ok(0)` once the peer closed its
    /// side and everything it sent was read.
    fn read(&self, buf: &mut [u8]) -> io::Result<usize>;

    /// Writes some of `data`, returning how much.
    fn write(&self, data: &[u8]) -> io::Result<usize>;

    /// Writes what of `data` fits without waiting; `ErrorKind::WouldBlock` if nothing does.
    fn try_write(&self, data: &[u8]) -> io::Result<usize> {
        let _ = data;
        Err(io::ErrorKind::WouldBlock.into())
    }

    /// Writes all of `data`.
    fn write_all(&self, mut data: &[u8]) -> io::Result<()> {
        while !data.is_empty() {
            match self.write(data)? {
                0 => return Err(io::Error::new(io::ErrorKind::WriteZero, "connection accepted no more bytes")),
                n => data = &data[n..],
            }
        }
        Ok(())
    }

    /// Closes both directions: the peer reads the end of the stream and its writes fail.
    fn close(&self) -> io::Result<()>;

    fn local_addr(&self) -> io::Result<SocketAddr>;

    fn peer_addr(&self) -> io::Result<SocketAddr>;
}
