//! Natives of `.internal.io`, the files of the mounted host directories (`--mount`), and the
//! `fio:` backend of `.internal.connection`. The original's io class is a stub (open, close,
//! read, write, setvar, getvar, reset at 8-14); this one does what those names say, and adds
//! seek, size and the directory operations from 16 up (COMPATIBILITY R43).
//!
//! A file object holds its path (`MOUNT/relative/path`), position and mode in the heap and
//! opens the host file for each operation, so it needs nothing re-attached after a restart:
//! a read that a crash interrupted runs again from the same position.

use phantom_host::FileMode;

use crate::args::{arg, bytes_of, can_park, int_arg, object_of, string_of};
use crate::class::ids;
use crate::cx::Cx;
use crate::outside::FileOp;
use crate::sched::Park;
use crate::thread::{Result, Thread, Trap};
use crate::value::Value;

const PATH: u64 = 0;
const POSITION: u64 = 1;
const MODE: u64 = 2;
pub const IO_SLOTS: u64 = 3;

const READ: i32 = 1;
const WRITE: i32 = 2;
const APPEND: i32 = 4;

fn io_object(cx: &Cx, this: Value) -> Result<u64> {
    let o = object_of(cx, this, ids::IO, "file (.internal.io)")?;
    if cx.heap.len(o)? < IO_SLOTS {
        return Err(cx.throw_str("file object made by an older VM; make a new one"));
    }
    Ok(o)
}

fn text(cx: &Cx, v: Value) -> Result<String> {
    Ok(String::from_utf8_lossy(&string_of(cx, v)?).into_owned())
}

/// The host path of a Phantom path argument, refusing one that leaves its mount.
fn host_path(cx: &Cx, path: &str, for_change: bool) -> Result<std::path::PathBuf> {
    cx.outside.host_path(path, for_change).map_err(|e| cx.throw_str(&e))
}

fn io_error(cx: &Cx, path: &str, e: std::io::Error) -> Trap {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    cx.throw_str(&format!("{path}: {why}"))
}

/// Under output commit, reads wait until held changes are applied, so a program reads what
/// it wrote. `Err(Retry)` after parking the thread.
fn settle(cx: &Cx, thread: &mut Thread) -> Result<()> {
    if cx.outside.files_settled(thread.id) {
        return Ok(());
    }
    if !can_park(thread) {
        return Err(cx.throw_str("a file read waits for held output, which a nested call cannot"));
    }
    thread.park(Park::External);
    Err(Trap::Retry)
}

struct Open {
    object: u64,
    path: String,
    position: i32,
    mode: i32,
}

fn opened(cx: &Cx, this: Value) -> Result<Open> {
    let o = io_object(cx, this)?;
    let path = cx.heap.slot(o, PATH)?;
    if path.is_null() {
        return Err(cx.throw_str("file is not open"));
    }
    Ok(Open {
        object: o,
        path: text(cx, path)?,
        position: cx.heap.slot(o, POSITION)?.as_int().unwrap_or(0),
        mode: cx.heap.slot(o, MODE)?.as_int().unwrap_or(0),
    })
}

/// open(path, mode): `"r"` reads an existing file, `"w"` creates or empties one to write,
/// `"a"` appends (creating it), `"rw"` reads and writes (creating it). Returns 0.
pub fn io_open(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = io_object(cx, this)?;
    let path_value = arg(cx, args, 0)?;
    let path = text(cx, path_value)?;
    let mode_text = match args.get(1) {
        Some(v) if !v.is_null() => text(cx, *v)?,
        _ => "r".into(),
    };
    let mode = match mode_text.as_str() {
        "r" => READ,
        "w" => WRITE,
        "a" => WRITE | APPEND,
        "rw" | "r+" | "w+" => READ | WRITE,
        other => return Err(cx.throw_str(&format!("open {path}: mode {other:?} is not r, w, a or rw"))),
    };
    let host = host_path(cx, &path, mode & WRITE != 0)?;
    if mode & WRITE != 0 {
        cx.outside
            .change_files(FileOp::Create { path: host, truncate: mode == WRITE })
            .map_err(|e| cx.throw_str(&format!("open {path}: {e}")))?;
    } else {
        settle(cx, thread)?;
        let info = cx.host().file_info(&host).map_err(|e| io_error(cx, &path, e))?;
        if info.is_dir {
            return Err(cx.throw_str(&format!("open {path}: is a directory")));
        }
    }
    cx.heap.set_slot(o, PATH, path_value)?;
    cx.heap.set_slot(o, POSITION, Value::int(0))?;
    cx.heap.set_slot(o, MODE, Value::int(mode))?;
    Ok(Value::int(0))
}

pub fn io_close(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = io_object(cx, this)?;
    cx.heap.set_slot(o, PATH, Value::NULL)?;
    Ok(Value::int(0))
}

/// read(n): up to `n` bytes from the position, as a string; empty at the end.
pub fn io_read(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    if f.mode & READ == 0 {
        return Err(cx.throw_str(&format!("read {}: not open for reading", f.path)));
    }
    let n = int_arg(cx, args, 0)?.clamp(0, 16 << 20) as usize;
    settle(cx, thread)?;
    let host = host_path(cx, &f.path, false)?;
    let file = cx
        .host()
        .open_file(&host, FileMode { read: true, ..FileMode::default() })
        .map_err(|e| io_error(cx, &f.path, e))?;
    let mut buf = vec![0u8; n];
    let mut got = 0;
    while got < n {
        match file.read_at(&mut buf[got..], f.position as u64 + got as u64) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) => return Err(io_error(cx, &f.path, e)),
        }
    }
    buf.truncate(got);
    cx.heap.set_slot(f.object, POSITION, Value::int(f.position + got as i32))?;
    cx.new_string(&buf)
}

/// write(data): writes a string or binary at the position (at the end in append mode);
/// returns its length.
pub fn io_write(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    if f.mode & WRITE == 0 {
        return Err(cx.throw_str(&format!("write {}: not open for writing", f.path)));
    }
    let bytes = bytes_of(cx, arg(cx, args, 0)?)?;
    let n = bytes.len();
    let host = host_path(cx, &f.path, true)?;
    let op = if f.mode & APPEND != 0 {
        FileOp::Append { path: host, bytes }
    } else {
        FileOp::Write { path: host, offset: f.position as u64, bytes }
    };
    cx.outside.change_files(op).map_err(|e| cx.throw_str(&format!("write {}: {e}", f.path)))?;
    if f.mode & APPEND == 0 {
        cx.heap.set_slot(f.object, POSITION, Value::int(f.position + n as i32))?;
    }
    Ok(Value::int(n as i32))
}

/// setvar(name, value): `"position"`.
pub fn io_setvar(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    match text(cx, arg(cx, args, 0)?)?.as_str() {
        "position" => {
            let p = int_arg(cx, args, 1)?.max(0);
            cx.heap.set_slot(f.object, POSITION, Value::int(p))?;
            Ok(Value::int(0))
        }
        other => Err(cx.throw_str(&format!("file has no variable {other:?} (position)"))),
    }
}

/// getvar(name): `"position"`, `"size"` or `"path"`.
pub fn io_getvar(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    match text(cx, arg(cx, args, 0)?)?.as_str() {
        "position" => Ok(Value::int(f.position)),
        "size" => io_size(cx, thread, this, &[]),
        "path" => cx.heap.slot(f.object, PATH).map_err(Into::into),
        other => Err(cx.throw_str(&format!("file has no variable {other:?} (position, size, path)"))),
    }
}

/// reset(): back to the start.
pub fn io_reset(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    cx.heap.set_slot(f.object, POSITION, Value::int(0))?;
    Ok(Value::int(0))
}

pub fn io_seek(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    let p = int_arg(cx, args, 0)?;
    if p < 0 {
        return Err(cx.throw_str(&format!("seek {}: negative position {p}", f.path)));
    }
    cx.heap.set_slot(f.object, POSITION, Value::int(p))?;
    Ok(Value::int(0))
}

pub fn io_size(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let f = opened(cx, this)?;
    settle(cx, thread)?;
    let host = host_path(cx, &f.path, false)?;
    let info = cx.host().file_info(&host).map_err(|e| io_error(cx, &f.path, e))?;
    Ok(Value::int(info.len.min(i32::MAX as u64) as i32))
}

/// list(dir): the names in a directory, sorted, a directory's with a `/` after it. `list("")`
/// names the mounts.
pub fn io_list(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let path = text(cx, arg(cx, args, 0)?)?;
    let names: Vec<String> = if path.trim_matches('/').is_empty() && !path.starts_with('/') {
        cx.outside.mounts().into_iter().map(|m| format!("{}/", m.name)).collect()
    } else {
        settle(cx, thread)?;
        let host = host_path(cx, &path, false)?;
        let entries = cx.host().list_dir(&host).map_err(|e| io_error(cx, &path, e))?;
        entries.into_iter().map(|e| if e.is_dir { format!("{}/", e.name) } else { e.name }).collect()
    };
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        items.push(cx.new_string(n.as_bytes())?);
    }
    cx.new_array_of(thread, &items)
}

/// remove(path): a file or an empty directory.
pub fn io_remove(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let path = text(cx, arg(cx, args, 0)?)?;
    let host = host_path(cx, &path, true)?;
    if !cx.outside.output_commit() {
        cx.host().file_info(&host).map_err(|e| io_error(cx, &path, e))?;
    }
    cx.outside.change_files(FileOp::Remove { path: host }).map_err(|e| cx.throw_str(&format!("remove {path}: {e}")))?;
    Ok(Value::int(0))
}

/// rename(from, to): both in mounts (the same one, for the host to do it at once).
pub fn io_rename(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let from = text(cx, arg(cx, args, 0)?)?;
    let to = text(cx, arg(cx, args, 1)?)?;
    let (a, b) = (host_path(cx, &from, true)?, host_path(cx, &to, true)?);
    cx.outside
        .change_files(FileOp::Rename { from: a, to: b })
        .map_err(|e| cx.throw_str(&format!("rename {from} to {to}: {e}")))?;
    Ok(Value::int(0))
}

pub fn io_mkdir(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let path = text(cx, arg(cx, args, 0)?)?;
    let host = host_path(cx, &path, true)?;
    cx.outside
        .change_files(FileOp::CreateDir { path: host })
        .map_err(|e| cx.throw_str(&format!("mkdir {path}: {e}")))?;
    Ok(Value::int(0))
}

/// exists(path): 0 nothing there, 1 a file, 2 a directory.
pub fn io_exists(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let path = text(cx, arg(cx, args, 0)?)?;
    settle(cx, thread)?;
    let host = host_path(cx, &path, false)?;
    Ok(Value::int(match cx.host().file_info(&host) {
        Ok(i) if i.is_dir => 2,
        Ok(_) => 1,
        Err(_) => 0,
    }))
}

/// The `fio:PATH` backend of a connection: a file object opened read-write.
pub(crate) fn connect_file(cx: &Cx, thread: &mut Thread, path: &str) -> Result<Value> {
    let file = cx.instantiate(ids::IO)?;
    let p = cx.new_string(path.as_bytes())?;
    let mode = cx.new_string(b"rw")?;
    io_open(cx, thread, file, &[p, mode])?;
    Ok(file)
}

/// block(obj, op) for `fio:`: 0 read (obj: at most that many bytes), 1 write obj, 2 seek to
/// obj, 3 size.
pub(crate) fn block_file(cx: &Cx, thread: &mut Thread, file: Value, obj: Value, op: i32) -> Result<Value> {
    match op {
        0 => io_read(cx, thread, file, &[if obj.is_int() { obj } else { Value::int(65536) }]),
        1 => io_write(cx, thread, file, &[obj]),
        2 => io_seek(cx, thread, file, &[obj]),
        3 => io_size(cx, thread, file, &[]),
        _ => Err(cx.throw_str(&format!("connection backend fio: has no operation {op}"))),
    }
}
