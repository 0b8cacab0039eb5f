//! WASI preview 1: the POSIX layer of a wasm program, over a small [`System`] the embedder
//! gives (console, clocks, randomness, files in named mounts).
//!
//! Everything a program's descriptors mean is in [`Wasi`] and saves to bytes
//! ([`Wasi::save`]): a file is a path, a position and a mode, and every operation opens the
//! host file again, so after a restart nothing needs re-attaching. Paths are
//! `MOUNT/relative/path`; the preopened directories are the mounts, one descriptor each from 3.

use crate::{Memory, Module};

/// WASI's error numbers (the ones we give).
pub mod errno {
    pub const SUCCESS: u16 = 0;
    pub const ACCES: u16 = 2;
    pub const BADF: u16 = 8;
    pub const EXIST: u16 = 20;
    pub const FAULT: u16 = 21;
    pub const INVAL: u16 = 28;
    pub const IO: u16 = 29;
    pub const ISDIR: u16 = 31;
    pub const NOENT: u16 = 44;
    pub const NOSYS: u16 = 52;
    pub const NOTDIR: u16 = 54;
    pub const NOTEMPTY: u16 = 55;
    pub const NOTSUP: u16 = 58;
    pub const PERM: u16 = 63;
    pub const SPIPE: u16 = 70;
    pub const NOTCAPABLE: u16 = 76;
    /// Not an error: the embedder's [`super::System`] cannot answer yet (a read waiting for
    /// held output); the call becomes [`super::Flow::Wait`] and runs again.
    pub const WAIT: u16 = u16::MAX;
}

const FILETYPE_CHARACTER_DEVICE: u8 = 2;
const FILETYPE_DIRECTORY: u8 = 3;
const FILETYPE_REGULAR: u8 = 4;
const RIGHT_FD_READ: u64 = 1 << 1;
const RIGHT_FD_WRITE: u64 = 1 << 6;
const ALL_RIGHTS: u64 = (1 << 30) - 1;
const FDFLAG_APPEND: u16 = 1;
const OFLAG_CREAT: u16 = 1;
const OFLAG_DIRECTORY: u16 = 2;
const OFLAG_EXCL: u16 = 4;
const OFLAG_TRUNC: u16 = 8;

/// What a file or directory is, as `System::stat` tells.
#[derive(Clone, Copy, Debug)]
pub struct Stat {
    pub directory: bool,
    pub size: u64,
    pub modified_ns: u64,
}

/// Console input, as far as the embedder has it.
pub enum Input {
    Data(Vec<u8>),
    End,
    /// Nothing yet: the embedder parks the thread and the call runs again.
    Wait,
}

/// What the embedder gives WASI. Paths are `MOUNT/relative/path` with no `.` or `..`; the
/// embedder refuses those that leave their mount (links included).
pub trait System {
    fn console_write(&mut self, stream: u32, data: &[u8]) -> Result<(), u16>;
    fn console_read(&mut self, max: usize) -> Input;
    /// Nanoseconds: since the Unix epoch (`realtime`), or on a monotonic clock.
    fn clock_ns(&mut self, realtime: bool) -> u64;
    fn random(&mut self, buf: &mut [u8]);
    // Files: a system without them (the provided methods) finds nothing and may change nothing.
    fn stat(&mut self, path: &str) -> Result<Stat, u16> {
        let _ = path;
        Err(errno::NOENT)
    }
    fn read_at(&mut self, path: &str, at: u64, max: usize) -> Result<Vec<u8>, u16> {
        let _ = (path, at, max);
        Err(errno::NOENT)
    }
    /// Writes at `at`, or at the end if `None`; returns the position after the data.
    fn write_at(&mut self, path: &str, at: Option<u64>, data: &[u8]) -> Result<u64, u16> {
        let _ = (path, at, data);
        Err(errno::NOENT)
    }
    fn create(&mut self, path: &str, exclusive: bool) -> Result<(), u16> {
        let _ = (path, exclusive);
        Err(errno::ACCES)
    }
    fn set_size(&mut self, path: &str, size: u64) -> Result<(), u16> {
        let _ = (path, size);
        Err(errno::ACCES)
    }
    /// Names and whether each is a directory.
    fn list(&mut self, path: &str) -> Result<Vec<(String, bool)>, u16> {
        let _ = path;
        Err(errno::NOENT)
    }
    fn create_dir(&mut self, path: &str) -> Result<(), u16> {
        let _ = path;
        Err(errno::ACCES)
    }
    fn remove(&mut self, path: &str, directory: bool) -> Result<(), u16> {
        let _ = (path, directory);
        Err(errno::ACCES)
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), u16> {
        let _ = (from, to);
        Err(errno::ACCES)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Fd {
    Stdin,
    Stdout,
    Stderr,
    /// A directory: a mount's root (preopened) or one opened under it.
    Dir {
        path: String,
        preopen: bool,
    },
    File {
        path: String,
        position: u64,
        read: bool,
        write: bool,
        append: bool,
    },
}

/// What the embedder does after a WASI call.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    /// Answer the call with these results.
    Return(Vec<u64>),
    /// The program exits with this status.
    Exit(u32),
    /// Park the thread (for console input) and run the call again.
    Wait,
    /// Park the thread for this many nanoseconds, then run the call again.
    Sleep(u64),
}

/// A WASI function the module calls that this layer lacks, by name.
#[derive(Debug, PartialEq, Eq)]
pub struct Missing(pub String);

/// The WASI state of one program.
#[derive(Debug, Clone, PartialEq)]
pub struct Wasi {
    args: Vec<Vec<u8>>,
    env: Vec<Vec<u8>>,
    fds: Vec<Option<Fd>>,
    /// A sleep in progress: when it ends (monotonic ns), so a second run finishes it.
    sleeping_until: Option<u64>,
    /// The monotonic clock the program sees is the system's plus `clock_offset`, never below
    /// `clock_floor` (the last value it saw): after a restart it goes on from there.
    clock_offset: u64,
    clock_floor: u64,
}

/// Reads and writes of guest memory for WASI: a fault is EFAULT.
struct Guest<'a, M: Memory>(&'a mut M);

impl<M: Memory> Guest<'_, M> {
    fn bytes(&mut self, at: u64, len: u64) -> Result<Vec<u8>, u16> {
        if at + len > self.0.size() {
            return Err(errno::FAULT);
        }
        let mut buf = vec![0; len as usize];
        self.0.read(at, &mut buf).map_err(|_| errno::IO)?;
        Ok(buf)
    }
    fn put(&mut self, at: u64, data: &[u8]) -> Result<(), u16> {
        if at + data.len() as u64 > self.0.size() {
            return Err(errno::FAULT);
        }
        self.0.write(at, data).map_err(|_| errno::IO)
    }
    fn u32(&mut self, at: u64) -> Result<u32, u16> {
        Ok(u32::from_le_bytes(self.bytes(at, 4)?.try_into().expect("4")))
    }
    fn put_u32(&mut self, at: u64, v: u32) -> Result<(), u16> {
        self.put(at, &v.to_le_bytes())
    }
    fn put_u64(&mut self, at: u64, v: u64) -> Result<(), u16> {
        self.put(at, &v.to_le_bytes())
    }
    fn string(&mut self, at: u64, len: u64) -> Result<String, u16> {
        String::from_utf8(self.bytes(at, len)?).map_err(|_| errno::INVAL)
    }
    /// The (address, length) pairs of an iovec array.
    fn iovecs(&mut self, at: u64, count: u64) -> Result<Vec<(u64, u64)>, u16> {
        if count > 1024 {
            return Err(errno::INVAL);
        }
        (0..count).map(|k| Ok((self.u32(at + 8 * k)? as u64, self.u32(at + 8 * k + 4)? as u64))).collect()
    }
}

/// Joins `path` to a directory's path, refusing what would leave its mount.
fn join(dir: &str, path: &str) -> Result<String, u16> {
    if path.starts_with('/') {
        return Err(errno::NOTCAPABLE);
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let root = 1;
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.len() <= root {
                    return Err(errno::NOTCAPABLE);
                }
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Ok(parts.join("/"))
}

impl Wasi {
    /// A program's WASI with its arguments (the program's name first), environment
    /// (`NAME=value`) and preopened mounts.
    pub fn new(args: Vec<Vec<u8>>, env: Vec<Vec<u8>>, mounts: &[String]) -> Wasi {
        let mut fds = vec![Some(Fd::Stdin), Some(Fd::Stdout), Some(Fd::Stderr)];
        fds.extend(mounts.iter().map(|m| Some(Fd::Dir { path: m.clone(), preopen: true })));
        Wasi { args, env, fds, sleeping_until: None, clock_offset: 0, clock_floor: 0 }
    }

    /// The program's monotonic clock (ns).
    fn monotonic<S: System>(&mut self, system: &mut S) -> u64 {
        let raw = system.clock_ns(false);
        if raw.saturating_add(self.clock_offset) < self.clock_floor {
            self.clock_offset = self.clock_floor - raw;
        }
        self.clock_floor = raw.saturating_add(self.clock_offset);
        self.clock_floor
    }

    /// Whether imports from `module` (a module name) are WASI's.
    pub fn provides(module: &str) -> bool {
        module == "wasi_snapshot_preview1" || module == "wasi_unstable"
    }

    /// Whether `module`'s imports are all WASI's; the first that is not otherwise.
    pub fn check_imports(module: &Module) -> Result<(), Missing> {
        for import in &module.imports {
            if !Wasi::provides(&import.module) {
                return Err(Missing(format!("{}.{}", import.module, import.name)));
            }
        }
        Ok(())
    }

    fn fd(&self, fd: u64) -> Result<&Fd, u16> {
        self.fds.get(fd as usize).and_then(|f| f.as_ref()).ok_or(errno::BADF)
    }

    fn fd_mut(&mut self, fd: u64) -> Result<&mut Fd, u16> {
        self.fds.get_mut(fd as usize).and_then(|f| f.as_mut()).ok_or(errno::BADF)
    }

    fn dir_path(&self, fd: u64) -> Result<String, u16> {
        match self.fd(fd)? {
            Fd::Dir { path, .. } => Ok(path.clone()),
            _ => Err(errno::NOTDIR),
        }
    }

    /// The mount path a guest path (`len` bytes at `at`) names under directory descriptor `fd`.
    fn path_in<M: Memory>(&self, g: &mut Guest<'_, M>, fd: u64, at: u64, len: u64) -> Result<String, u16> {
        let dir = self.dir_path(fd)?;
        join(&dir, &g.string(at, len)?)
    }

    fn add_fd(&mut self, fd: Fd) -> u32 {
        match self.fds.iter().position(|f| f.is_none()) {
            Some(free) => {
                self.fds[free] = Some(fd);
                free as u32
            }
            None => {
                self.fds.push(Some(fd));
                self.fds.len() as u32 - 1
            }
        }
    }

    /// Does the WASI function `name` with `args`, reading and writing guest memory.
    pub fn call<M: Memory, S: System>(
        &mut self,
        name: &str,
        args: &[u64],
        memory: &mut M,
        system: &mut S,
    ) -> Result<Flow, Missing> {
        let mut g = Guest(memory);
        let a = |k: usize| args.get(k).copied().unwrap_or(0);
        let result: Result<Flow, u16> = match name {
            "proc_exit" => return Ok(Flow::Exit(a(0) as u32)),
            "args_sizes_get" => sizes(&mut g, &self.args, a(0), a(1)),
            "args_get" => vector(&mut g, &self.args, a(0), a(1)),
            "environ_sizes_get" => sizes(&mut g, &self.env, a(0), a(1)),
            "environ_get" => vector(&mut g, &self.env, a(0), a(1)),
            "clock_res_get" => g.put_u64(a(1), 1000).map(|_| ok()),
            "clock_time_get" => match a(0) {
                0 => g.put_u64(a(2), system.clock_ns(true)).map(|_| ok()),
                1..=3 => {
                    let now = self.monotonic(system);
                    g.put_u64(a(2), now).map(|_| ok())
                }
                _ => Err(errno::INVAL),
            },
            "random_get" => {
                let mut buf = vec![0; a(1).min(1 << 20) as usize];
                system.random(&mut buf);
                g.put(a(0), &buf).map(|_| ok())
            }
            "sched_yield" => Ok(ok()),
            "poll_oneoff" => self.poll_oneoff(&mut g, system, a(0), a(1), a(2), a(3)),
            "fd_write" => self.fd_write(&mut g, system, a(0), a(1), a(2), a(3), None),
            "fd_pwrite" => self.fd_write(&mut g, system, a(0), a(1), a(2), a(4), Some(a(3))),
            "fd_read" => self.fd_read(&mut g, system, a(0), a(1), a(2), a(3), None),
            "fd_pread" => self.fd_read(&mut g, system, a(0), a(1), a(2), a(4), Some(a(3))),
            "fd_close" => match self.fds.get_mut(a(0) as usize) {
                Some(slot @ Some(Fd::File { .. } | Fd::Dir { preopen: false, .. })) => {
                    *slot = None;
                    Ok(ok())
                }
                Some(Some(_)) => Err(errno::NOTSUP),
                _ => Err(errno::BADF),
            },
            "fd_seek" => self.fd_seek(&mut g, system, a(0), a(1) as i64, a(2), a(3)),
            "fd_tell" => match self.fd(a(0)) {
                Ok(Fd::File { position, .. }) => g.put_u64(a(1), *position).map(|_| ok()),
                Ok(_) => Err(errno::SPIPE),
                Err(e) => Err(e),
            },
            "fd_fdstat_get" => self.fd_fdstat_get(&mut g, a(0), a(1)),
            "fd_fdstat_set_flags" => match self.fd_mut(a(0)) {
                Ok(Fd::File { append, .. }) => {
                    *append = a(1) as u16 & FDFLAG_APPEND != 0;
                    Ok(ok())
                }
                Ok(_) => Ok(ok()),
                Err(e) => Err(e),
            },
            "fd_prestat_get" => match self.fd(a(0)) {
                Ok(Fd::Dir { path, preopen: true }) => {
                    let len = path.len() as u32;
                    g.put_u32(a(1), 0).and_then(|_| g.put_u32(a(1) + 4, len)).map(|_| ok())
                }
                Ok(_) | Err(_) => Err(errno::BADF),
            },
            "fd_prestat_dir_name" => match self.fd(a(0)) {
                Ok(Fd::Dir { path, preopen: true }) => {
                    let bytes = path.as_bytes();
                    let n = bytes.len().min(a(2) as usize);
                    g.put(a(1), &bytes[..n]).map(|_| ok())
                }
                _ => Err(errno::BADF),
            },
            "fd_filestat_get" => match self.fd(a(0)).cloned() {
                Ok(Fd::File { path, .. } | Fd::Dir { path, .. }) => {
                    system.stat(&path).and_then(|st| put_filestat(&mut g, a(1), &st)).map(|_| ok())
                }
                Ok(_) => put_filestat(&mut g, a(1), &Stat { directory: false, size: 0, modified_ns: 0 })
                    .and_then(|_| g.put(a(1) + 16, &[FILETYPE_CHARACTER_DEVICE]))
                    .map(|_| ok()),
                Err(e) => Err(e),
            },
            "fd_filestat_set_size" => match self.fd(a(0)).cloned() {
                Ok(Fd::File { path, write: true, .. }) => system.set_size(&path, a(1)).map(|_| ok()),
                Ok(_) => Err(errno::BADF),
                Err(e) => Err(e),
            },
            "fd_sync" | "fd_datasync" | "fd_advise" | "fd_allocate" => self.fd(a(0)).map(|_| ok()),
            "fd_readdir" => self.fd_readdir(&mut g, system, a(0), a(1), a(2), a(3), a(4)),
            "path_open" => self.path_open(&mut g, system, args),
            "path_filestat_get" => {
                let path = self.path_in(&mut g, a(0), a(2), a(3));
                path.and_then(|p| system.stat(&p)).and_then(|st| put_filestat(&mut g, a(4), &st)).map(|_| ok())
            }
            "path_create_directory" => {
                let path = self.path_in(&mut g, a(0), a(1), a(2));
                path.and_then(|p| system.create_dir(&p)).map(|_| ok())
            }
            "path_remove_directory" | "path_unlink_file" => {
                let path = self.path_in(&mut g, a(0), a(1), a(2));
                path.and_then(|p| system.remove(&p, name == "path_remove_directory")).map(|_| ok())
            }
            "path_rename" => {
                let from = self.path_in(&mut g, a(0), a(1), a(2));
                let to = self.path_in(&mut g, a(3), a(4), a(5));
                from.and_then(|f| to.and_then(|t| system.rename(&f, &t))).map(|_| ok())
            }
            "path_readlink" | "path_symlink" | "path_link" | "path_filestat_set_times" | "fd_filestat_set_times" => {
                Err(errno::NOTSUP)
            }
            "fd_renumber" => self.fd_renumber(a(0), a(1)),
            "sock_accept" | "sock_recv" | "sock_send" | "sock_shutdown" | "proc_raise" => Err(errno::NOSYS),
            other => return Err(Missing(other.to_string())),
        };
        Ok(match result {
            Ok(flow) => flow,
            Err(errno::WAIT) => Flow::Wait,
            Err(e) => Flow::Return(vec![e as u64]),
        })
    }

    fn fd_renumber(&mut self, from: u64, to: u64) -> Result<Flow, u16> {
        let moved = self.fd(from)?.clone();
        if (to as usize) >= self.fds.len() || to < 3 || from < 3 {
            return Err(errno::BADF);
        }
        self.fds[to as usize] = Some(moved);
        self.fds[from as usize] = None;
        Ok(ok())
    }

    #[allow(clippy::too_many_arguments)]
    fn fd_write<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        fd: u64,
        iovs: u64,
        count: u64,
        written_at: u64,
        at: Option<u64>,
    ) -> Result<Flow, u16> {
        let mut data = Vec::new();
        for (buf, len) in g.iovecs(iovs, count)? {
            data.extend(g.bytes(buf, len)?);
        }
        match self.fd_mut(fd)? {
            Fd::Stdout => system.console_write(1, &data)?,
            Fd::Stderr => system.console_write(2, &data)?,
            Fd::File { path, position, write: true, append, .. } => {
                let path = path.clone();
                let target = match (at, *append) {
                    (None, true) => None,
                    (at, _) => Some(at.unwrap_or(*position)),
                };
                let end = system.write_at(&path, target, &data)?;
                if at.is_none() {
                    *position = end;
                }
            }
            Fd::Dir { .. } => return Err(errno::ISDIR),
            _ => return Err(errno::BADF),
        }
        g.put_u32(written_at, data.len() as u32)?;
        Ok(ok())
    }

    #[allow(clippy::too_many_arguments)]
    fn fd_read<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        fd: u64,
        iovs: u64,
        count: u64,
        read_at: u64,
        at: Option<u64>,
    ) -> Result<Flow, u16> {
        let iovecs = g.iovecs(iovs, count)?;
        let want: u64 = iovecs.iter().map(|(_, len)| len).sum();
        let data = match self.fd_mut(fd)? {
            Fd::Stdin => match system.console_read(want.min(1 << 16) as usize) {
                Input::Data(d) => d,
                Input::End => Vec::new(),
                Input::Wait => return Ok(Flow::Wait),
            },
            Fd::File { path, position, read: true, .. } => {
                let path = path.clone();
                let from = at.unwrap_or(*position);
                let data = system.read_at(&path, from, want.min(1 << 24) as usize)?;
                if at.is_none() {
                    *position += data.len() as u64;
                }
                data
            }
            Fd::Dir { .. } => return Err(errno::ISDIR),
            _ => return Err(errno::BADF),
        };
        let mut done = 0usize;
        for (buf, len) in iovecs {
            let n = (len as usize).min(data.len() - done);
            g.put(buf, &data[done..done + n])?;
            done += n;
            if done == data.len() {
                break;
            }
        }
        g.put_u32(read_at, done as u32)?;
        Ok(ok())
    }

    fn fd_seek<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        fd: u64,
        offset: i64,
        whence: u64,
        result_at: u64,
    ) -> Result<Flow, u16> {
        let Fd::File { path, position, .. } = self.fd_mut(fd)? else {
            return Err(errno::SPIPE);
        };
        let base = match whence {
            0 => 0,
            1 => *position as i64,
            2 => {
                let path = path.clone();
                system.stat(&path)?.size as i64
            }
            _ => return Err(errno::INVAL),
        };
        let Some(new) = base.checked_add(offset).filter(|&n| n >= 0) else {
            return Err(errno::INVAL);
        };
        if let Fd::File { position, .. } = self.fd_mut(fd)? {
            *position = new as u64;
        }
        g.put_u64(result_at, new as u64)?;
        Ok(ok())
    }

    fn fd_fdstat_get<M: Memory>(&self, g: &mut Guest<'_, M>, fd: u64, at: u64) -> Result<Flow, u16> {
        let (filetype, flags, rights) = match self.fd(fd)? {
            Fd::Stdin => (FILETYPE_CHARACTER_DEVICE, 0, RIGHT_FD_READ),
            Fd::Stdout | Fd::Stderr => (FILETYPE_CHARACTER_DEVICE, 0, RIGHT_FD_WRITE),
            Fd::Dir { .. } => (FILETYPE_DIRECTORY, 0, ALL_RIGHTS),
            Fd::File { read, write, append, .. } => (
                FILETYPE_REGULAR,
                if *append { FDFLAG_APPEND } else { 0 },
                ALL_RIGHTS & !(if *read { 0 } else { RIGHT_FD_READ }) & !(if *write { 0 } else { RIGHT_FD_WRITE }),
            ),
        };
        let mut b = [0u8; 24];
        b[0] = filetype;
        b[2..4].copy_from_slice(&flags.to_le_bytes());
        b[8..16].copy_from_slice(&rights.to_le_bytes());
        b[16..24].copy_from_slice(&ALL_RIGHTS.to_le_bytes());
        g.put(at, &b)?;
        Ok(ok())
    }

    #[allow(clippy::too_many_arguments)]
    fn fd_readdir<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        fd: u64,
        buf: u64,
        len: u64,
        cookie: u64,
        used_at: u64,
    ) -> Result<Flow, u16> {
        let path = self.dir_path(fd)?;
        let mut entries = vec![(".".to_string(), true), ("..".to_string(), true)];
        let mut listed = system.list(&path)?;
        listed.sort();
        entries.extend(listed);
        let mut out = Vec::new();
        for (k, (name, directory)) in entries.iter().enumerate().skip(cookie as usize) {
            let mut d = [0u8; 24];
            d[0..8].copy_from_slice(&(k as u64 + 1).to_le_bytes());
            d[8..16].copy_from_slice(&(k as u64 + 1).to_le_bytes());
            d[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
            d[20] = if *directory { FILETYPE_DIRECTORY } else { FILETYPE_REGULAR };
            out.extend_from_slice(&d);
            out.extend_from_slice(name.as_bytes());
            if out.len() as u64 >= len {
                break;
            }
        }
        out.truncate(len as usize);
        g.put(buf, &out)?;
        g.put_u32(used_at, out.len() as u32)?;
        Ok(ok())
    }

    fn path_open<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        a: &[u64],
    ) -> Result<Flow, u16> {
        let arg = |k: usize| a.get(k).copied().unwrap_or(0);
        let path = self.path_in(g, arg(0), arg(2), arg(3))?;
        let (oflags, rights, fdflags) = (arg(4) as u16, arg(5), arg(7) as u16);
        let existing = system.stat(&path);
        if oflags & OFLAG_DIRECTORY != 0 {
            return match existing {
                Ok(st) if st.directory => {
                    let fd = self.add_fd(Fd::Dir { path, preopen: false });
                    g.put_u32(arg(8), fd).map(|_| ok())
                }
                Ok(_) => Err(errno::NOTDIR),
                Err(e) => Err(e),
            };
        }
        match existing {
            Ok(st) if st.directory => {
                // Opening a directory without O_DIRECTORY (opendir does this too).
                let fd = self.add_fd(Fd::Dir { path, preopen: false });
                return g.put_u32(arg(8), fd).map(|_| ok());
            }
            Ok(_) if oflags & OFLAG_EXCL != 0 && oflags & OFLAG_CREAT != 0 => return Err(errno::EXIST),
            Ok(_) => {}
            Err(errno::NOENT) if oflags & OFLAG_CREAT != 0 => system.create(&path, false)?,
            Err(e) => return Err(e),
        }
        let (read, write) = (rights & RIGHT_FD_READ != 0, rights & RIGHT_FD_WRITE != 0);
        if oflags & OFLAG_TRUNC != 0 {
            system.set_size(&path, 0)?;
        }
        let fd = self.add_fd(Fd::File { path, position: 0, read, write, append: fdflags & FDFLAG_APPEND != 0 });
        g.put_u32(arg(8), fd)?;
        Ok(ok())
    }

    fn poll_oneoff<M: Memory, S: System>(
        &mut self,
        g: &mut Guest<'_, M>,
        system: &mut S,
        subs: u64,
        events: u64,
        count: u64,
        nevents_at: u64,
    ) -> Result<Flow, u16> {
        if count != 1 {
            return Err(errno::NOTSUP);
        }
        let sub = g.bytes(subs, 48)?;
        let word = |at: usize| u64::from_le_bytes(sub[at..at + 8].try_into().expect("8"));
        if sub[8] != 0 {
            return Err(errno::NOTSUP);
        }
        let now = self.monotonic(system);
        let until = match self.sleeping_until {
            Some(until) => until,
            None => {
                let timeout = word(24);
                let absolute = u16::from_le_bytes([sub[40], sub[41]]) & 1 != 0;
                let clock = u32::from_le_bytes(sub[16..20].try_into().expect("4"));
                match (absolute, clock) {
                    (true, 0) => now + timeout.saturating_sub(system.clock_ns(true)),
                    (true, _) => timeout,
                    (false, _) => now.saturating_add(timeout),
                }
            }
        };
        if now < until {
            self.sleeping_until = Some(until);
            return Ok(Flow::Sleep(until - now));
        }
        self.sleeping_until = None;
        let mut event = [0u8; 32];
        event[0..8].copy_from_slice(&sub[0..8]);
        g.put(events, &event)?;
        g.put_u32(nevents_at, 1)?;
        Ok(ok())
    }

    /// The state as bytes, for the embedder to keep.
    pub fn save(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let put_bytes = |out: &mut Vec<u8>, b: &[u8]| {
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(b);
        };
        out.extend_from_slice(b"WASI1");
        for list in [&self.args, &self.env] {
            out.extend_from_slice(&(list.len() as u32).to_le_bytes());
            for item in list {
                put_bytes(&mut out, item);
            }
        }
        out.extend_from_slice(&self.sleeping_until.map_or(u64::MAX, |t| t).to_le_bytes());
        out.extend_from_slice(&self.clock_offset.to_le_bytes());
        out.extend_from_slice(&self.clock_floor.to_le_bytes());
        out.extend_from_slice(&(self.fds.len() as u32).to_le_bytes());
        for fd in &self.fds {
            match fd {
                None => out.push(0),
                Some(Fd::Stdin) => out.push(1),
                Some(Fd::Stdout) => out.push(2),
                Some(Fd::Stderr) => out.push(3),
                Some(Fd::Dir { path, preopen }) => {
                    out.push(if *preopen { 4 } else { 5 });
                    put_bytes(&mut out, path.as_bytes());
                }
                Some(Fd::File { path, position, read, write, append }) => {
                    out.push(6);
                    put_bytes(&mut out, path.as_bytes());
                    out.extend_from_slice(&position.to_le_bytes());
                    out.push(*read as u8 | (*write as u8) << 1 | (*append as u8) << 2);
                }
            }
        }
        out
    }

    /// State saved by `save`; `None` if the bytes are damaged.
    pub fn restore(bytes: &[u8]) -> Option<Wasi> {
        let mut r = Reader(bytes);
        if r.take(5)? != b"WASI1" {
            return None;
        }
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            for _ in 0..r.u32()? {
                list.push(r.bytes()?.to_vec());
            }
        }
        let sleeping = r.u64()?;
        let (clock_offset, clock_floor) = (r.u64()?, r.u64()?);
        let mut fds = Vec::new();
        for _ in 0..r.u32()? {
            fds.push(match r.take(1)?[0] {
                0 => None,
                1 => Some(Fd::Stdin),
                2 => Some(Fd::Stdout),
                3 => Some(Fd::Stderr),
                t @ (4 | 5) => Some(Fd::Dir { path: r.string()?, preopen: t == 4 }),
                6 => {
                    let path = r.string()?;
                    let position = r.u64()?;
                    let mode = r.take(1)?[0];
                    Some(Fd::File { path, position, read: mode & 1 != 0, write: mode & 2 != 0, append: mode & 4 != 0 })
                }
                _ => return None,
            });
        }
        let [args, env] = lists;
        Some(Wasi {
            args,
            env,
            fds,
            sleeping_until: (sleeping != u64::MAX).then_some(sleeping),
            clock_offset,
            clock_floor,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }
}

fn ok() -> Flow {
    Flow::Return(vec![errno::SUCCESS as u64])
}

fn sizes<M: Memory>(g: &mut Guest<'_, M>, list: &[Vec<u8>], count_at: u64, size_at: u64) -> Result<Flow, u16> {
    g.put_u32(count_at, list.len() as u32)?;
    g.put_u32(size_at, list.iter().map(|a| a.len() as u32 + 1).sum())?;
    Ok(ok())
}

fn vector<M: Memory>(g: &mut Guest<'_, M>, list: &[Vec<u8>], pointers: u64, buf: u64) -> Result<Flow, u16> {
    let mut at = buf;
    for (k, item) in list.iter().enumerate() {
        g.put_u32(pointers + 4 * k as u64, at as u32)?;
        g.put(at, item)?;
        g.put(at + item.len() as u64, &[0])?;
        at += item.len() as u64 + 1;
    }
    Ok(ok())
}

fn put_filestat<M: Memory>(g: &mut Guest<'_, M>, at: u64, st: &Stat) -> Result<(), u16> {
    let mut b = [0u8; 64];
    b[16] = if st.directory { FILETYPE_DIRECTORY } else { FILETYPE_REGULAR };
    b[24..32].copy_from_slice(&1u64.to_le_bytes());
    b[32..40].copy_from_slice(&st.size.to_le_bytes());
    for field in [40, 48, 56] {
        b[field..field + 8].copy_from_slice(&st.modified_ns.to_le_bytes());
    }
    g.put(at, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A system with only a clock (and no files).
    struct Clock(u64);
    impl System for Clock {
        fn console_write(&mut self, _: u32, _: &[u8]) -> Result<(), u16> {
            Ok(())
        }
        fn console_read(&mut self, _: usize) -> Input {
            Input::End
        }
        fn clock_ns(&mut self, _: bool) -> u64 {
            self.0
        }
        fn random(&mut self, _: &mut [u8]) {}
    }

    #[test]
    fn the_monotonic_clock_goes_on_after_a_restart_and_a_sleep_sleeps_what_is_left() {
        let mut w = Wasi::new(Vec::new(), Vec::new(), &[]);
        let mut before = Clock(5_000_000_000);
        assert_eq!(w.monotonic(&mut before), 5_000_000_000);
        // A sleep of 2 s begins: a subscription to the relative monotonic clock.
        let mut memory = crate::VecMemory(vec![0; 256]);
        let mut sub = [0u8; 48];
        sub[16..20].copy_from_slice(&1u32.to_le_bytes());
        sub[24..32].copy_from_slice(&2_000_000_000u64.to_le_bytes());
        memory.0[..48].copy_from_slice(&sub);
        let poll = |w: &mut Wasi, memory: &mut crate::VecMemory, clock: &mut Clock| {
            w.call("poll_oneoff", &[0, 64, 1, 128], memory, clock).unwrap()
        };
        assert_eq!(poll(&mut w, &mut memory, &mut before), Flow::Sleep(2_000_000_000));
        // The process dies half a second in; the next one's clock starts near zero.
        let mut w = Wasi::restore(&w.save()).unwrap();
        let mut after = Clock(1_000);
        assert_eq!(poll(&mut w, &mut memory, &mut after), Flow::Sleep(2_000_000_000));
        after.0 += 2_000_000_000;
        assert_eq!(poll(&mut w, &mut memory, &mut after), Flow::Return(vec![0]));
        assert!(w.monotonic(&mut after) >= 7_000_000_000, "the clock never runs backwards");
    }

    #[test]
    fn paths_stay_inside_their_mount() {
        assert_eq!(join("data", "a/./b/../c.txt"), Ok("data/a/c.txt".to_string()));
        assert_eq!(join("data/sub", ".."), Ok("data".to_string()));
        assert_eq!(join("data", ".."), Err(errno::NOTCAPABLE));
        assert_eq!(join("data", "a/../../etc"), Err(errno::NOTCAPABLE));
        assert_eq!(join("data", "/etc/passwd"), Err(errno::NOTCAPABLE));
    }

    #[test]
    fn state_round_trips() {
        let mut w = Wasi::new(vec![b"prog".to_vec(), b"x".to_vec()], vec![b"A=1".to_vec()], &["data".into()]);
        w.add_fd(Fd::File { path: "data/f".into(), position: 77, read: true, write: false, append: true });
        w.sleeping_until = Some(12345);
        w.clock_offset = 7;
        w.clock_floor = 99;
        let back = Wasi::restore(&w.save()).expect("restores");
        assert_eq!(back, w);
        let saved = w.save();
        for cut in 0..saved.len() {
            assert!(Wasi::restore(&saved[..cut]).is_none(), "cut at {cut}");
        }
    }
}
