//! The real host: the standard library over Linux.

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs, UdpSocket};
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::{
    Connection, Datagram, DirEntry, FileInfo, FileMode, Host, HostFile, JoinHandle, Listener, Parker, Task, Wake,
};

/// The host over `std`: `std::time`, `std::thread`, the process's standard streams, `std::fs`,
/// `std::net`, and `/dev/urandom`.
pub struct LinuxHost {
    started: Instant,
}

impl LinuxHost {
    pub fn new() -> LinuxHost {
        LinuxHost { started: Instant::now() }
    }
}

impl Default for LinuxHost {
    fn default() -> Self {
        LinuxHost::new()
    }
}

impl Host for LinuxHost {
    fn now(&self) -> Duration {
        self.started.elapsed()
    }

    fn wall_clock_ms(&self) -> u64 {
        SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_millis() as u64
    }

    fn parker(&self) -> Arc<dyn Parker> {
        Arc::new(LinuxParker { started: self.started, token: Mutex::new(false), changed: Condvar::new() })
    }

    fn yield_now(&self) {
        std::thread::yield_now();
    }

    fn spawn(&self, name: &str, stack_size: usize, task: Task) -> io::Result<Box<dyn JoinHandle>> {
        let handle = std::thread::Builder::new().name(name.to_string()).stack_size(stack_size).spawn(task)?;
        Ok(Box::new(LinuxJoin(handle)))
    }

    fn read_console_byte(&self) -> Option<u8> {
        let mut byte = [0u8];
        loop {
            match io::stdin().lock().read(&mut byte) {
                Ok(1) => return Some(byte[0]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                _ => return None,
            }
        }
    }

    fn read_console(&self, buf: &mut [u8]) -> usize {
        loop {
            match io::stdin().lock().read(buf) {
                Ok(n) => return n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return 0,
            }
        }
    }

    fn write_console(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    fn write_diagnostic(&self, line: &str) {
        let _ = writeln!(io::stderr().lock(), "{line}");
    }

    fn write_error(&self, bytes: &[u8]) -> io::Result<()> {
        let mut err = io::stderr().lock();
        err.write_all(bytes)?;
        err.flush()
    }

    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn env(&self) -> Vec<(String, String)> {
        std::env::vars_os().filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))).collect()
    }

    fn listen(&self, addr: SocketAddr) -> io::Result<Box<dyn Listener>> {
        Ok(Box::new(LinuxListener(TcpListener::bind(addr)?)))
    }

    fn connect(&self, addr: SocketAddr) -> io::Result<Box<dyn Connection>> {
        Ok(Box::new(LinuxConnection::new(TcpStream::connect(addr)?)))
    }

    fn bind_udp(&self, addr: SocketAddr) -> io::Result<Box<dyn Datagram>> {
        Ok(Box::new(LinuxDatagram(UdpSocket::bind(addr)?)))
    }

    fn resolve(&self, name: &str) -> io::Result<Vec<IpAddr>> {
        let mut ips: Vec<IpAddr> = (name, 0).to_socket_addrs()?.map(|a| a.ip()).collect();
        ips.dedup();
        Ok(ips)
    }

    fn open_file(&self, path: &Path, mode: FileMode) -> io::Result<Box<dyn HostFile>> {
        let file = std::fs::OpenOptions::new()
            .read(mode.read)
            .write(mode.write)
            .create(mode.create)
            .truncate(mode.truncate)
            .open(path)?;
        Ok(Box::new(LinuxFile(file)))
    }

    fn file_info(&self, path: &Path) -> io::Result<FileInfo> {
        let m = std::fs::symlink_metadata(path)?;
        Ok(FileInfo { is_dir: m.is_dir(), is_symlink: m.file_type().is_symlink(), len: m.len() })
    }

    fn list_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else { continue };
            entries.push(DirEntry { name, is_dir: entry.file_type()?.is_dir() });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    fn create_dir(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir(path)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        if std::fs::symlink_metadata(path)?.is_dir() {
            std::fs::remove_dir(path)
        } else {
            std::fs::remove_file(path)
        }
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }

    fn random_u64(&self) -> u64 {
        os_random_u64()
    }

    fn run_in_background(&self) {
        // On Linux a nice value set for a thread id holds for that thread alone. Failing to
        // lower it is harmless.
        // SAFETY: plain system calls on the calling thread.
        unsafe {
            let tid = libc::gettid();
            libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
        }
    }
}

/// From `/dev/urandom`, opened once. Should it be missing (an odd chroot), from the standard
/// library's hasher keys, which it seeds from the OS at start, mixed with a counter.
fn os_random_u64() -> u64 {
    static URANDOM: OnceLock<Option<File>> = OnceLock::new();
    let mut bytes = [0u8; 8];
    if let Some(mut file) = URANDOM.get_or_init(|| File::open("/dev/urandom").ok()).as_ref() {
        if file.read_exact(&mut bytes).is_ok() {
            return u64::from_ne_bytes(bytes);
        }
    }
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.finish()
}

struct LinuxParker {
    started: Instant,
    token: Mutex<bool>,
    changed: Condvar,
}

impl Parker for LinuxParker {
    fn wait_until(&self, deadline: Option<Duration>) -> Wake {
        let mut token = self.token.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if std::mem::take(&mut *token) {
                return Wake::Notified;
            }
            token = match deadline {
                None => self.changed.wait(token).unwrap_or_else(|e| e.into_inner()),
                Some(deadline) => {
                    let left = deadline.saturating_sub(self.started.elapsed());
                    if left.is_zero() {
                        return Wake::TimedOut;
                    }
                    self.changed.wait_timeout(token, left).unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
    }

    fn notify(&self) {
        *self.token.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.changed.notify_one();
    }
}

struct LinuxJoin(std::thread::JoinHandle<()>);

impl JoinHandle for LinuxJoin {
    fn join(self: Box<Self>) -> std::thread::Result<()> {
        self.0.join()
    }
}

struct LinuxListener(TcpListener);

impl Listener for LinuxListener {
    fn accept(&self) -> io::Result<Box<dyn Connection>> {
        Ok(Box::new(LinuxConnection::new(self.0.accept()?.0)))
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }

    fn close(&self) -> io::Result<()> {
        // Shutting a listening socket down makes a blocked accept return (Linux: EINVAL).
        if unsafe { libc::shutdown(self.0.as_raw_fd(), libc::SHUT_RDWR) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

struct LinuxConnection(TcpStream);

impl LinuxConnection {
    fn new(stream: TcpStream) -> LinuxConnection {
        // Requests and answers are small and waited for: send them at once.
        let _ = stream.set_nodelay(true);
        LinuxConnection(stream)
    }
}

impl Connection for LinuxConnection {
    fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        (&self.0).read(buf)
    }

    fn write(&self, data: &[u8]) -> io::Result<usize> {
        (&self.0).write(data)
    }

    fn try_write(&self, data: &[u8]) -> io::Result<usize> {
        // SAFETY: the pointer and length describe `data`, which outlives the call.
        let n = unsafe {
            libc::send(self.0.as_raw_fd(), data.as_ptr().cast(), data.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL)
        };
        if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        }
    }

    fn close(&self) -> io::Result<()> {
        match self.0.shutdown(Shutdown::Both) {
            // Already closed by the peer: closing it again is not an error.
            Err(e) if e.kind() == io::ErrorKind::NotConnected => Ok(()),
            other => other,
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }

    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.peer_addr()
    }
}

struct LinuxDatagram(UdpSocket);

impl Datagram for LinuxDatagram {
    fn send_to(&self, data: &[u8], addr: SocketAddr) -> io::Result<usize> {
        self.0.send_to(data, addr)
    }

    fn recv_from(&self, buf: &mut [u8], timeout: Option<Duration>) -> io::Result<(usize, SocketAddr)> {
        // A zero timeout means "for ever" to std; the smallest wait stands in for it.
        self.0.set_read_timeout(timeout.map(|t| t.max(Duration::from_micros(1))))?;
        self.0.recv_from(buf)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }
}

struct LinuxFile(File);

impl HostFile for LinuxFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        self.0.read_at(buf, offset)
    }

    fn write_all_at(&self, data: &[u8], offset: u64) -> io::Result<()> {
        self.0.write_all_at(data, offset)
    }

    fn len(&self) -> io::Result<u64> {
        Ok(self.0.metadata()?.len())
    }

    fn sync(&self) -> io::Result<()> {
        self.0.sync_data()
    }

    fn set_len(&self, len: u64) -> io::Result<()> {
        self.0.set_len(len)
    }
}
