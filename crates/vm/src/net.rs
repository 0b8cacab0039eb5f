//! Natives of the network classes: `.internal.tcp`, `.internal.udp`, `.internal.net` and
//! `.internal.http` (resolve), and the `tcp:`, `udp:` and `url:` backends of
//! `.internal.connection`. The original declares their ordinals but implements only `curl` and
//! parts of udp (COMPATIBILITY R42); argument orders follow its C code where it has any.
//!
//! A socket object keeps in the heap what outlives a process: its state, its address and the
//! handle of its host socket with the incarnation of the process that opened it (`outside`).
//! After a restart a listening or bound socket opens again on its address (at boot, from the
//! restart list, and on first use), and a connection reports that it was lost.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use crate::args::{arg, bytes_of, can_park, object_of, string_of};
use crate::class::ids;
use crate::cx::Cx;
use crate::heap::ClassId;
use crate::outside::{Poll, Resource};
use crate::sched::Park;
use crate::thread::{Result, Thread, Trap};
use crate::value::Value;

// Slots of a tcp or udp object.
const STATE: u64 = 0;
const ADDRESS: u64 = 1;
const HANDLE: u64 = 2;
const INCARNATION: u64 = 3;
/// udp: where the last datagram came from.
const SENDER: u64 = 4;
pub const SOCKET_SLOTS: u64 = 5;

const FRESH: i32 = 0;
const CONNECTED: i32 = 1;
const LISTENING: i32 = 2;
const CLOSED: i32 = 3;
const BOUND: i32 = 4;

/// Slot of a connection object holding the socket or file object its backend uses.
pub const CONNECTION_INNER: u64 = 3;
pub const CONNECTION_SLOTS: u64 = 4;

fn int_slot(cx: &Cx, o: u64, slot: u64) -> Result<i32> {
    Ok(cx.heap.slot(o, slot)?.as_int().unwrap_or(0))
}

fn text_slot(cx: &Cx, o: u64, slot: u64) -> Result<String> {
    let v = cx.heap.slot(o, slot)?;
    Ok(cx.string_bytes(v)?.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default())
}

fn set_text(cx: &Cx, o: u64, slot: u64, text: &str) -> Result<()> {
    let s = cx.new_string(text.as_bytes())?;
    Ok(cx.heap.set_slot(o, slot, s)?)
}

fn socket_object(cx: &Cx, this: Value, class: ClassId) -> Result<u64> {
    let what = if class == ids::TCP { "tcp socket" } else { "udp socket" };
    let o = object_of(cx, this, class, what)?;
    if cx.heap.len(o)? < SOCKET_SLOTS {
        return Err(cx.throw_str(&format!("{what} made by an older VM; make a new one")));
    }
    Ok(o)
}

/// Gives socket object `o` a host socket of this process.
fn attach(cx: &Cx, o: u64, state: i32, address: &str, r: Resource) -> Result<()> {
    // A socket object holds one host socket: one it held before is closed.
    if int_slot(cx, o, INCARNATION)? == cx.outside.incarnation {
        drop_resource(cx, int_slot(cx, o, HANDLE)?);
    }
    let handle = cx.outside.register(r, o);
    set_text(cx, o, ADDRESS, address)?;
    cx.heap.set_slot(o, HANDLE, Value::int(handle))?;
    cx.heap.set_slot(o, INCARNATION, Value::int(cx.outside.incarnation))?;
    cx.heap.set_slot(o, STATE, Value::int(state))?;
    Ok(())
}

/// The host socket of `o`, opening a listening or bound one again after a restart.
fn resource(cx: &Cx, o: u64) -> Result<Resource> {
    let state = int_slot(cx, o, STATE)?;
    let address = text_slot(cx, o, ADDRESS)?;
    if int_slot(cx, o, INCARNATION)? == cx.outside.incarnation {
        if let Some(r) = cx.outside.resource(int_slot(cx, o, HANDLE)?) {
            return Ok(r);
        }
    }
    match state {
        FRESH => Err(cx.throw_str("socket is not connected")),
        CLOSED => Err(cx.throw_str(&format!("socket {address} is closed"))),
        CONNECTED => {
            Err(cx.throw_str(&format!("connection with {address} was lost: the system restarted since it was opened")))
        }
        _ => reopen(cx, o).map_err(|e| cx.throw_str(&e)),
    }
}

/// Opens a listening or bound socket again on its saved address (after a restart). The error
/// is a message for standard error or an exception.
pub(crate) fn reopen(cx: &Cx, o: u64) -> std::result::Result<Resource, String> {
    let err = |t: Trap| format!("{t:?}");
    let state = int_slot(cx, o, STATE).map_err(err)?;
    let address = text_slot(cx, o, ADDRESS).map_err(err)?;
    let addr: SocketAddr = address.parse().map_err(|_| format!("socket address {address:?} is damaged"))?;
    let r = match state {
        LISTENING => Resource::Listener(
            cx.outside.listen(addr).map_err(|e| format!("cannot listen again on {address} after the restart: {e}"))?,
        ),
        BOUND => Resource::Socket(
            cx.outside.bind_udp(addr).map_err(|e| format!("cannot bind {address} again after the restart: {e}"))?,
        ),
        _ => return Err(format!("socket {address} has nothing to reopen")),
    };
    attach(cx, o, state, &address, r.clone()).map_err(err)?;
    Ok(r)
}

/// Adds a listening or bound socket to the system object's restart list.
fn remember(cx: &Cx, thread: &mut Thread, o: Value) -> Result<()> {
    let Ok(list) = cx.root_slot(crate::system::RESTART) else { return Ok(()) };
    let list = if list.is_null() {
        let list = cx.new_array_of(thread, &[])?;
        cx.set_root_slot(crate::system::RESTART, list)?;
        list
    } else {
        list
    };
    let n = cx.call(thread, list, 12, &[])?;
    cx.call(thread, list, 11, &[o, n])?;
    Ok(())
}

/// Parses `HOST:PORT`, `:PORT` or `PORT` (loopback), resolving a host name.
pub(crate) fn socket_addr(cx: &Cx, text: &str) -> std::result::Result<SocketAddr, String> {
    let text = text.trim();
    if let Ok(port) = text.trim_start_matches(':').parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    if let Ok(a) = text.parse::<SocketAddr>() {
        return Ok(a);
    }
    let (host, port) = text.rsplit_once(':').ok_or_else(|| format!("{text:?}: expected HOST:PORT"))?;
    let port: u16 = port.parse().map_err(|_| format!("{text:?}: bad port"))?;
    let ip = resolve(cx, host)?;
    Ok(SocketAddr::new(ip, port))
}

fn resolve(cx: &Cx, host: &str) -> std::result::Result<IpAddr, String> {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ips = cx.host().resolve(host).map_err(|e| format!("cannot resolve {host:?}: {e}"))?;
    ips.iter().find(|ip| ip.is_ipv4()).or(ips.first()).copied().ok_or_else(|| format!("{host:?} has no address"))
}

/// The address given as (`"HOST:PORT"`) or (`"HOST"`, port).
fn address_args(cx: &Cx, args: &[Value]) -> Result<SocketAddr> {
    let first = arg(cx, args, 0)?;
    let text = match (first.as_int(), args.get(1).and_then(|v| v.as_int())) {
        (Some(ip), Some(port)) => format!("{}:{port}", std::net::Ipv4Addr::from(ip as u32)),
        _ => {
            let host = String::from_utf8_lossy(&string_of(cx, first)?).into_owned();
            match args.get(1).and_then(|v| v.as_int()) {
                Some(port) => format!("{host}:{port}"),
                None => host,
            }
        }
    };
    socket_addr(cx, &text).map_err(|e| cx.throw_str(&e))
}

/// Parks the calling thread until a helper wakes it, or until `timeout_ms` (if positive) after
/// its first wait; `Err(timed out)` once that time has come. The native runs again when woken.
fn wait(cx: &Cx, thread: &mut Thread, timeout_ms: i32, what: &str, forget: impl FnOnce()) -> Result<Value> {
    if !can_park(thread) {
        forget();
        return Err(cx.throw_str(&format!("{what} would block inside a nested call")));
    }
    if timeout_ms > 0 {
        let deadline = cx.outside.deadline(thread.id, cx.now() + Duration::from_millis(timeout_ms as u64));
        if cx.now() >= deadline {
            forget();
            cx.outside.clear_deadline(thread.id);
            return Err(cx.throw_str(&format!("{what} timed out after {timeout_ms} ms")));
        }
        thread.park(Park::Until(deadline));
    } else {
        thread.park(Park::External);
    }
    Err(Trap::Retry)
}

fn ready<T>(cx: &Cx, thread: &Thread, r: std::result::Result<T, String>) -> Result<T> {
    cx.outside.clear_deadline(thread.id);
    r.map_err(|e| cx.throw_str(&e))
}

// .internal.tcp

/// connect(host, port) or connect("HOST:PORT"): 0 once connected; throws if refused.
pub fn tcp_connect(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::TCP)?;
    let addr = address_args(cx, args)?;
    let conn = cx.host().connect(addr).map_err(|e| cx.throw_str(&format!("cannot connect to {addr}: {e}")))?;
    let stream = cx.outside.stream(conn);
    attach(cx, o, CONNECTED, &addr.to_string(), Resource::Stream(stream))?;
    Ok(Value::int(0))
}

/// disconnect(): closes, after what was sent has gone out. Closing twice is no error.
pub fn tcp_disconnect(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::TCP)?;
    close_socket(cx, o)?;
    Ok(Value::int(0))
}

fn drop_resource(cx: &Cx, handle: i32) {
    match cx.outside.unregister(handle) {
        Some(Resource::Stream(s)) => cx.outside.close(&s),
        Some(Resource::Listener(l)) => l.close(),
        Some(Resource::Socket(s)) => s.close(),
        None => {}
    }
}

fn close_socket(cx: &Cx, o: u64) -> Result<()> {
    if int_slot(cx, o, INCARNATION)? == cx.outside.incarnation {
        drop_resource(cx, int_slot(cx, o, HANDLE)?);
    }
    if int_slot(cx, o, STATE)? != FRESH {
        cx.heap.set_slot(o, STATE, Value::int(CLOSED))?;
    }
    Ok(())
}

fn stream_of(cx: &Cx, this: Value) -> Result<std::sync::Arc<crate::outside::Stream>> {
    let o = socket_object(cx, this, ids::TCP)?;
    match resource(cx, o)? {
        Resource::Stream(s) => Ok(s),
        _ => Err(cx.throw_str("a listening socket sends and receives nothing; accept() a connection")),
    }
}

/// waitsend() (ours as the original meant it): waits until everything sent has been written.
pub fn tcp_waitsend(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let s = stream_of(cx, this)?;
    match s.flushed(thread.id) {
        Ok(true) => Ok(Value::int(0)),
        Ok(false) => {
            let id = thread.id;
            wait(cx, thread, 0, "waitsend", || s.forget(id))
        }
        Err(e) => Err(cx.throw_str(&e)),
    }
}

/// send(data): queues a string or binary for sending; returns its length. Waits while more
/// than `SEND_QUEUE_LIMIT` bytes are queued (a peer that does not read).
pub fn tcp_send(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = stream_of(cx, this)?;
    let bytes = bytes_of(cx, arg(cx, args, 0)?)?;
    match s.send_blocked(thread.id) {
        Ok(false) => {}
        Ok(true) => {
            return {
                let id = thread.id;
                wait(cx, thread, 0, "send", || s.forget(id))
            }
        }
        Err(e) => return Err(cx.throw_str(&e)),
    }
    let n = bytes.len();
    cx.outside.send(&s, bytes);
    Ok(Value::int(n as i32))
}

/// recv(max, timeoutMs): up to `max` bytes as a string, as soon as any arrived; empty at the
/// end of the stream. A positive timeout throws "recv timed out" when nothing came in time.
pub fn tcp_recv(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = stream_of(cx, this)?;
    let max = args.first().and_then(|v| v.as_int()).filter(|&n| n > 0).unwrap_or(65536) as usize;
    let timeout = args.get(1).and_then(|v| v.as_int()).unwrap_or(0);
    match s.recv(cx.outside.scheduler(), max, thread.id) {
        Poll::Ready(r) => {
            let bytes = ready(cx, thread, r)?;
            cx.new_string(&bytes)
        }
        Poll::Pending => {
            let id = thread.id;
            wait(cx, thread, timeout, "recv", || s.forget(id))
        }
    }
}

/// waitrecv(timeoutMs): 1 as soon as something can be received (bytes, or the end of the
/// stream), 0 if nothing came within the time (0: wait for ever).
pub fn tcp_waitrecv(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let s = stream_of(cx, this)?;
    let timeout = args.first().and_then(|v| v.as_int()).unwrap_or(0);
    if !can_park(thread) {
        return Err(cx.throw_str("waitrecv would block inside a nested call"));
    }
    match s.watch(cx.outside.scheduler(), thread.id) {
        Ok(true) => ready(cx, thread, Ok(Value::int(1))),
        Ok(false) => {
            let id = thread.id;
            match wait(cx, thread, timeout, "waitrecv", || s.forget(id)) {
                Err(Trap::Throw(_)) if timeout > 0 => Ok(Value::int(0)),
                other => other,
            }
        }
        Err(e) => Err(cx.throw_str(&e)),
    }
}

/// listen(address) (ours, in the original's one-argument `waitaccept` slot): listens on
/// `HOST:PORT` (`PORT` alone: loopback); port 0 picks one (`address()` tells which).
pub fn tcp_listen(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::TCP)?;
    let addr = match arg(cx, args, 0)?.as_int() {
        Some(port) => SocketAddr::from(([127, 0, 0, 1], port as u16)),
        None => address_args(cx, args)?,
    };
    let acceptor = cx.outside.listen(addr).map_err(|e| cx.throw_str(&format!("cannot listen on {addr}: {e}")))?;
    let local = acceptor.local.to_string();
    attach(cx, o, LISTENING, &local, Resource::Listener(acceptor))?;
    remember(cx, thread, this)?;
    Ok(Value::int(0))
}

/// accept([timeoutMs]): the next connection, as a new tcp object.
pub fn tcp_accept(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::TCP)?;
    let Resource::Listener(acceptor) = resource(cx, o)? else {
        return Err(cx.throw_str("accept() needs a listening socket (listen first)"));
    };
    let timeout = args.first().and_then(|v| v.as_int()).unwrap_or(0);
    match cx.outside.accept(&acceptor, thread.id) {
        Poll::Ready(r) => {
            let stream = ready(cx, thread, r)?;
            let peer = stream.peer.clone();
            let socket = cx.instantiate(ids::TCP)?;
            let so = socket.object().ok_or_else(|| Trap::Fatal("a tcp object is not an object".into()))?;
            attach(cx, so, CONNECTED, &peer, Resource::Stream(stream))?;
            Ok(socket)
        }
        Poll::Pending => {
            let id = thread.id;
            wait(cx, thread, timeout, "accept", || acceptor.forget(id))
        }
    }
}

/// curl(url, headers): the body of an HTTP GET of `url` (`http://` only), with `headers`
/// (lines ending in CRLF, or empty) added to the request. The original limits both to 1024
/// bytes and returns "" on failure; this one throws saying why.
pub fn tcp_curl(cx: &Cx, thread: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let url = String::from_utf8_lossy(&string_of(cx, arg(cx, args, 0)?)?).into_owned();
    let headers = match args.get(1) {
        Some(v) if !v.is_null() => String::from_utf8_lossy(&string_of(cx, *v)?).into_owned(),
        _ => String::new(),
    };
    let (host_port, path) = parse_url(&url).map_err(|e| cx.throw_str(&e))?;
    let addr = socket_addr(cx, &host_port).map_err(|e| cx.throw_str(&e))?;
    let host = cx.sched.clock.shared().clone();
    let request = format!(
        "GET {path} HTTP/1.0\r\nHost: {host_port}\r\nUser-Agent: phantom\r\n{}{}\r\n",
        headers,
        if headers.is_empty() || headers.ends_with("\r\n") { "" } else { "\r\n" }
    );
    match cx.outside.job(thread.id, "phantom-curl", move || http_get(&*host, addr, request.as_bytes())) {
        Poll::Ready(r) => {
            let body = ready(cx, thread, r)?;
            cx.new_string(&body)
        }
        Poll::Pending => wait(cx, thread, 0, "curl", || {}),
    }
}

fn parse_url(url: &str) -> std::result::Result<(String, String), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("{url:?}: only http:// URLs are supported"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() {
        return Err(format!("{url:?}: no host"));
    }
    let host = if host.contains(':') { host.to_string() } else { format!("{host}:80") };
    Ok((host, path.to_string()))
}

/// The body of the answer to `request`, read to the end of the connection (at most 16 MiB).
fn http_get(host: &dyn phantom_host::Host, addr: SocketAddr, request: &[u8]) -> std::result::Result<Vec<u8>, String> {
    const LIMIT: usize = 16 << 20;
    let conn = host.connect(addr).map_err(|e| format!("curl: cannot connect to {addr}: {e}"))?;
    conn.write_all(request).map_err(|e| format!("curl: {addr}: {e}"))?;
    let mut answer = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        match conn.read(&mut buf) {
            Ok(0) => break,
            Ok(n) if answer.len() + n <= LIMIT => answer.extend_from_slice(&buf[..n]),
            Ok(_) => return Err(format!("curl: {addr}: the answer is over 16 MiB")),
            Err(e) => return Err(format!("curl: {addr}: {e}")),
        }
    }
    let end =
        answer.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| format!("curl: {addr}: not an HTTP answer"))?;
    Ok(answer[end + 4..].to_vec())
}

/// address() (ours): the address listened on, or the peer's.
pub fn tcp_address(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::TCP)?;
    cx.heap.slot(o, ADDRESS).map_err(Into::into)
}

// .internal.udp

fn udp_socket(cx: &Cx, thread: &mut Thread, this: Value) -> Result<std::sync::Arc<crate::outside::Socket>> {
    let o = socket_object(cx, this, ids::UDP)?;
    if int_slot(cx, o, STATE)? == FRESH {
        // Sending first binds an ephemeral loopback port, as an unbound socket does.
        bind(cx, thread, this, SocketAddr::from(([127, 0, 0, 1], 0))).map_err(|e| cx.throw_str(&e))?;
    }
    match resource(cx, o)? {
        Resource::Socket(s) => Ok(s),
        _ => Err(Trap::Fatal("a udp object holds another kind of socket".into())),
    }
}

fn bind(cx: &Cx, thread: &mut Thread, this: Value, addr: SocketAddr) -> std::result::Result<(), String> {
    let o = this.object().ok_or("not a udp socket")?;
    let socket = cx.outside.bind_udp(addr).map_err(|e| format!("cannot bind {addr}: {e}"))?;
    let local = socket.local.to_string();
    attach(cx, o, BOUND, &local, Resource::Socket(socket)).map_err(|t| format!("{t:?}"))?;
    remember(cx, thread, this).map_err(|t| format!("{t:?}"))
}

/// bind(port) (the original's) or bind("HOST:PORT"): 0, or the errno of the failure.
pub fn udp_bind(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    socket_object(cx, this, ids::UDP)?;
    let addr = match arg(cx, args, 0)?.as_int() {
        Some(port) => SocketAddr::from(([127, 0, 0, 1], port as u16)),
        None => address_args(cx, args)?,
    };
    match cx.outside.bind_udp(addr) {
        Ok(socket) => {
            let o = this.object().expect("checked");
            attach(cx, o, BOUND, &socket.local.to_string(), Resource::Socket(socket))?;
            remember(cx, thread, this)?;
            Ok(Value::int(0))
        }
        Err(e) => Ok(Value::int(e.raw_os_error().unwrap_or(5))),
    }
}

pub fn udp_unbind(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::UDP)?;
    close_socket(cx, o)?;
    Ok(Value::int(0))
}

/// send(data, "HOST:PORT") (ours): sends one datagram; returns its length.
pub fn udp_send(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let bytes = bytes_of(cx, arg(cx, args, 0)?)?;
    let to = address_args(cx, &args[1.min(args.len())..])?;
    let s = udp_socket(cx, thread, this)?;
    let n = cx.outside.send_datagram(&s, to, bytes).map_err(|e| cx.throw_str(&e))?;
    Ok(Value::int(n as i32))
}

/// sendTo(data, addr, port), as the original's C reads its arguments: an IPv4 address as an
/// int (or a host name) and a port.
pub fn udp_send_to(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    udp_send(cx, thread, this, args)
}

/// recv([timeoutMs]): the next datagram as a string; `sender()` tells where it came from.
pub fn udp_recv(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let timeout = args.first().and_then(|v| v.as_int()).unwrap_or(0);
    receive(cx, thread, this, timeout)
}

/// recvFrom(addr, port): the next datagram. The original passes the address in and the
/// sender back in one C structure the language cannot see; here `sender()` tells it.
pub fn udp_recv_from(cx: &Cx, thread: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    receive(cx, thread, this, 0)
}

fn receive(cx: &Cx, thread: &mut Thread, this: Value, timeout: i32) -> Result<Value> {
    let s = udp_socket(cx, thread, this)?;
    match s.recv(cx.outside.scheduler(), thread.id) {
        Poll::Ready(r) => {
            let (bytes, from) = ready(cx, thread, r)?;
            set_text(cx, this.object().expect("checked"), SENDER, &from.to_string())?;
            cx.new_string(&bytes)
        }
        Poll::Pending => {
            let id = thread.id;
            wait(cx, thread, timeout, "udp recv", || s.forget(id))
        }
    }
}

/// sender() (ours): `IP:PORT` of the last datagram received.
pub fn udp_sender(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::UDP)?;
    cx.heap.slot(o, SENDER).map_err(Into::into)
}

/// address() (ours): the address bound.
pub fn udp_address(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = socket_object(cx, this, ids::UDP)?;
    cx.heap.slot(o, ADDRESS).map_err(Into::into)
}

// .internal.net and .internal.http

/// resolve(name): the host's address as text (IPv4 first).
pub fn net_resolve(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let name = String::from_utf8_lossy(&string_of(cx, arg(cx, args, 0)?)?).into_owned();
    let ip = resolve(cx, &name).map_err(|e| cx.throw_str(&e))?;
    cx.new_string(ip.to_string().as_bytes())
}

// The connection backends: each makes the object of its class and calls its natives.

/// connect for `tcp:HOST:PORT`, `udp:HOST:PORT` and `url:URL`: the inner object, made ready.
pub(crate) fn connect_backend(cx: &Cx, thread: &mut Thread, backend: &str, target: &str) -> Result<Value> {
    if target.trim().is_empty() {
        let example = if backend == "url:" { "url:http://HOST/PATH" } else { "tcp:HOST:PORT" };
        return Err(cx.throw_str(&format!("connection backend {backend} needs an address, as in {example}")));
    }
    let target_value = cx.new_string(target.as_bytes())?;
    match backend {
        "tcp:" => {
            let socket = cx.instantiate(ids::TCP)?;
            tcp_connect(cx, thread, socket, &[target_value])?;
            Ok(socket)
        }
        "udp:" => {
            let socket = cx.instantiate(ids::UDP)?;
            let to = socket_addr(cx, target).map_err(|e| cx.throw_str(&e))?;
            udp_socket(cx, thread, socket)?;
            set_text(cx, socket.object().expect("an object"), SENDER, &to.to_string())?;
            Ok(socket)
        }
        _ => {
            parse_url(target).map_err(|e| cx.throw_str(&e))?;
            Ok(target_value)
        }
    }
}

/// block(obj, op) for the network backends: tcp 0 recv (obj: at most that many bytes), 1 send
/// obj, 2 close; udp 0 receive, 1 send obj to the connected address; url 0 GET (obj: headers).
pub(crate) fn block_backend(
    cx: &Cx,
    thread: &mut Thread,
    backend: &str,
    inner: Value,
    obj: Value,
    op: i32,
) -> Result<Value> {
    match (backend, op) {
        ("tcp:", 0) => tcp_recv(cx, thread, inner, &[obj]),
        ("tcp:", 1) => tcp_send(cx, thread, inner, &[obj]),
        ("tcp:", 2) => tcp_disconnect(cx, thread, inner, &[]),
        ("udp:", 0) => udp_recv(cx, thread, inner, &[]),
        ("udp:", 1) => {
            let to = cx.heap.slot(inner.object().expect("an object"), SENDER)?;
            udp_send(cx, thread, inner, &[obj, to])
        }
        ("url:", 0) => tcp_curl(cx, thread, Value::NULL, &[inner, obj]),
        _ => Err(cx.throw_str(&format!("connection backend {backend} has no operation {op}"))),
    }
}

/// The tcp and udp objects the restart list names that must open again: called at boot.
pub(crate) fn reopen_all(cx: &Cx, objects: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    for &v in objects {
        let Some(o) = v.object() else { continue };
        let Ok(class) = cx.heap.class_of(o) else { continue };
        if (class != ids::TCP && class != ids::UDP) || cx.heap.len(o).unwrap_or(0) < SOCKET_SLOTS {
            continue;
        }
        if matches!(int_slot(cx, o, STATE), Ok(LISTENING | BOUND)) {
            if let Err(e) = reopen(cx, o) {
                problems.push(e);
            }
        }
    }
    problems
}

/// Whether a restart-list entry still needs reopening at the next boot.
pub(crate) fn still_open(cx: &Cx, v: Value) -> bool {
    v.object().is_some_and(|o| matches!(int_slot(cx, o, STATE), Ok(LISTENING | BOUND)))
}
