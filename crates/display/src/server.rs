//! The listener, its connection threads, and the WebSocket clients' readers and senders.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;
use tungstenite::protocol::{Role, WebSocketConfig};
use tungstenite::{Message, WebSocket};

use crate::http::{read_request, ReadError, Request, Response};
use crate::mirror::{Damage, Mirror};
use crate::{inspect_pages, wire};
use crate::{Config, DisplayStats, Input, InputSink, Inspect, MouseKind, Update};

/// Connections served at once; more are closed unanswered.
const MAX_CONNECTIONS: usize = 64;
/// The largest WebSocket message or frame a client may send.
const MAX_CLIENT_MESSAGE: usize = 64 * 1024;
/// Bad messages a client may send before it is disconnected.
const MAX_STRIKES: u32 = 32;
/// The longest text a key event may carry (one typed character, in chars).
const MAX_KEY_TEXT: usize = 8;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
pub const TOKEN_COOKIE: &str = "phantom_token";

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking thread must not take the server with it.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct ClientState {
    damage: Damage,
    gone: bool,
}

#[derive(Default)]
struct State {
    mirror: Mirror,
    clients: HashMap<u64, ClientState>,
    next_client: u64,
}

#[derive(Default)]
struct Connections {
    next: u64,
    /// Clones of the open connections' sockets, to shut them down on stop.
    streams: HashMap<u64, TcpStream>,
    threads: Vec<JoinHandle<()>>,
}

struct Shared {
    token: String,
    screen: (u32, u32),
    input: Arc<dyn InputSink>,
    inspect: Arc<dyn Inspect>,
    state: Mutex<State>,
    /// Wakes the senders: damage arrived, a client left, or the server stops.
    wake: Condvar,
    stopping: AtomicBool,
    connections: Mutex<Connections>,
    published: AtomicU64,
    ignored: AtomicU64,
    messages_sent: AtomicU64,
    bytes_sent: AtomicU64,
}

pub struct Server {
    shared: Arc<Shared>,
    local_addr: SocketAddr,
    acceptor: Mutex<Option<JoinHandle<()>>>,
}

fn check_token(token: &str) -> io::Result<()> {
    let fine = !token.is_empty()
        && token.len() <= 256
        && token.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"-._~".contains(&byte));
    if fine {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a display token must be 1 to 256 characters of A-Z a-z 0-9 - . _ ~",
        ))
    }
}

fn random_token() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// Compares without stopping at the first difference, so timing tells nothing of the token.
fn same_token(given: &str, expected: &str) -> bool {
    let (given, expected) = (given.as_bytes(), expected.as_bytes());
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

impl Server {
    pub fn start(config: Config, input: Arc<dyn InputSink>, inspect: Arc<dyn Inspect>) -> io::Result<Server> {
        let token = match config.token {
            Some(token) => token,
            None => random_token()?,
        };
        check_token(&token)?;
        let listener = TcpListener::bind(config.addr)?;
        let local_addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            token,
            screen: config.screen,
            input,
            inspect,
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            stopping: AtomicBool::new(false),
            connections: Mutex::new(Connections::default()),
            published: AtomicU64::new(0),
            ignored: AtomicU64::new(0),
            messages_sent: AtomicU64::new(0),
            bytes_sent: AtomicU64::new(0),
        });
        let acceptor_shared = shared.clone();
        let acceptor = std::thread::Builder::new()
            .name("display-accept".into())
            .spawn(move || accept_loop(listener, acceptor_shared))?;
        Ok(Server { shared, local_addr, acceptor: Mutex::new(Some(acceptor)) })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    pub fn token(&self) -> &str {
        &self.shared.token
    }

    pub fn publish(&self, update: Update) {
        self.shared.published.fetch_add(1, Ordering::Relaxed);
        let mut state = lock(&self.shared.state);
        let State { mirror, clients, .. } = &mut *state;
        match mirror.apply(update) {
            Some(change) => {
                for client in clients.values_mut() {
                    client.damage.add(change);
                }
                drop(state);
                self.shared.wake.notify_all();
            }
            None => {
                self.shared.ignored.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    pub fn stats(&self) -> DisplayStats {
        DisplayStats {
            updates_published: self.shared.published.load(Ordering::Relaxed),
            updates_ignored: self.shared.ignored.load(Ordering::Relaxed),
            messages_sent: self.shared.messages_sent.load(Ordering::Relaxed),
            bytes_sent: self.shared.bytes_sent.load(Ordering::Relaxed),
            clients_connected: lock(&self.shared.state).clients.len() as u64,
        }
    }

    pub fn stop(&self) {
        let Some(acceptor) = lock(&self.acceptor).take() else { return };
        self.shared.stopping.store(true, Ordering::SeqCst);
        // accept() has no timeout: a connection of our own wakes it to see `stopping`.
        let wake_addr = match self.local_addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv4Addr::LOCALHOST.into(), self.local_addr.port())
            }
            IpAddr::V6(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv6Addr::LOCALHOST.into(), self.local_addr.port())
            }
            _ => self.local_addr,
        };
        let _ = TcpStream::connect_timeout(&wake_addr, Duration::from_secs(2));
        let _ = acceptor.join();
        let threads = {
            let mut connections = lock(&self.shared.connections);
            for stream in connections.streams.values() {
                let _ = stream.shutdown(Shutdown::Both);
            }
            std::mem::take(&mut connections.threads)
        };
        {
            // Under the lock, so that no sender misses the wake-up between its check and its wait.
            let _state = lock(&self.shared.state);
            self.shared.wake.notify_all();
        }
        for thread in threads {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else {
            // Out of descriptors, say: let the open connections finish first.
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        let mut connections = lock(&shared.connections);
        connections.threads.retain(|thread| !thread.is_finished());
        if connections.streams.len() >= MAX_CONNECTIONS {
            continue;
        }
        let Ok(clone) = stream.try_clone() else { continue };
        let id = connections.next;
        connections.next += 1;
        connections.streams.insert(id, clone);
        let thread_shared = shared.clone();
        let spawned = std::thread::Builder::new().name("display-conn".into()).spawn(move || {
            // A failure while answering (in the VM's inspector, say) ends this connection
            // only, and closes it rather than leave the client waiting.
            let answered =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| serve_connection(&thread_shared, stream)));
            let closed = lock(&thread_shared.connections).streams.remove(&id);
            if let (Err(_), Some(mut stream)) = (answered, closed) {
                let _ = Response::text(500, "the VM could not answer").write_to(&mut stream);
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
        });
        match spawned {
            Ok(thread) => connections.threads.push(thread),
            Err(_) => {
                connections.streams.remove(&id);
            }
        }
    }
}

fn serve_connection(shared: &Arc<Shared>, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(REQUEST_TIMEOUT));
    let _ = stream.set_write_timeout(Some(REQUEST_TIMEOUT));
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(ReadError::Bad(status, why)) => {
            let _ = Response::text(status, why).write_to(&mut stream);
            return;
        }
        Err(ReadError::Io) => return,
    };
    if request.method != "GET" {
        let response = Response::text(405, "only GET is served").with_header("Allow", "GET".into());
        let _ = response.write_to(&mut stream);
        return;
    }
    let given = request.query("token").or_else(|| request.cookie(TOKEN_COOKIE)).unwrap_or("");
    if !same_token(given, &shared.token) {
        let _ = Response::text(403, "a valid token is needed").write_to(&mut stream);
        return;
    }
    if request.path == "/ws" {
        serve_websocket(shared, stream, request);
        return;
    }
    let response = inspect_pages::route(&request.path, &shared.token, shared.screen, shared.inspect.as_ref());
    let _ = response.write_to(&mut stream);
}

/// The reader's side of a WebSocket: reads from the socket, writes (pongs, close replies)
/// through the mutex the sender writes its frames under, so frames never interleave.
struct ClientStream {
    read: TcpStream,
    write: Arc<Mutex<TcpStream>>,
}

impl Read for ClientStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.read.read(buf)
    }
}

impl Write for ClientStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        lock(&self.write).write_all(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        lock(&self.write).flush()
    }
}

fn serve_websocket(shared: &Arc<Shared>, mut stream: TcpStream, request: Request) {
    let Some(key) = request.header("sec-websocket-key").map(str::to_owned) else {
        let _ = Response::text(400, "a WebSocket upgrade is needed here").write_to(&mut stream);
        return;
    };
    if !request.header_has("upgrade", "websocket") || !request.header_has("connection", "upgrade") {
        let _ = Response::text(400, "a WebSocket upgrade is needed here").write_to(&mut stream);
        return;
    }
    if request.header("sec-websocket-version") != Some("13") {
        let response =
            Response::text(400, "WebSocket version 13 is needed").with_header("Sec-WebSocket-Version", "13".into());
        let _ = response.write_to(&mut stream);
        return;
    }
    let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
    let head = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    // The reader waits for the client as long as it stays; stop() shuts the socket down.
    let _ = stream.set_read_timeout(None);
    let _ = stream.set_write_timeout(Some(SEND_TIMEOUT));
    let Ok(write_half) = stream.try_clone() else { return };
    let writer = Arc::new(Mutex::new(write_half));

    let client = {
        let mut state = lock(&shared.state);
        let id = state.next_client;
        state.next_client += 1;
        let damage = state.mirror.everything();
        state.clients.insert(id, ClientState { damage, gone: false });
        id
    };
    let sender_shared = shared.clone();
    let sender_writer = writer.clone();
    let sender = std::thread::Builder::new()
        .name("display-send".into())
        .spawn(move || send_loop(&sender_shared, client, &sender_writer));

    if let (Ok(_), Ok(read_half)) = (&sender, stream.try_clone()) {
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_CLIENT_MESSAGE))
            .max_frame_size(Some(MAX_CLIENT_MESSAGE));
        let client_stream = ClientStream { read: read_half, write: writer.clone() };
        let socket = WebSocket::from_partially_read(client_stream, request.rest, Role::Server, Some(config));
        read_loop(shared, socket);
    }

    if let Some(state) = lock(&shared.state).clients.get_mut(&client) {
        state.gone = true;
    }
    {
        let _state = lock(&shared.state);
        shared.wake.notify_all();
    }
    let _ = stream.shutdown(Shutdown::Both);
    if let Ok(sender) = sender {
        let _ = sender.join();
    }
    lock(&shared.state).clients.remove(&client);
}

fn read_loop(shared: &Shared, mut socket: WebSocket<ClientStream>) {
    let mut strikes = 0;
    while strikes < MAX_STRIKES && !shared.stopping.load(Ordering::SeqCst) {
        match socket.read() {
            Ok(Message::Text(text)) => {
                let input = parse_input(text.as_str()).filter(|input| {
                    let window = match input {
                        Input::Key { window, .. } | Input::Mouse { window, .. } => *window,
                    };
                    lock(&shared.state).mirror.has_window(window)
                });
                match input {
                    Some(input) => shared.input.input(input),
                    None => strikes += 1,
                }
            }
            Ok(Message::Binary(_)) => strikes += 1,
            Ok(_) => {}
            // Closed, broken, or a message over the limit (which leaves the stream unusable).
            Err(_) => break,
        }
    }
}

fn send_loop(shared: &Shared, client: u64, writer: &Mutex<TcpStream>) {
    loop {
        let messages = {
            let mut state = lock(&shared.state);
            loop {
                if shared.stopping.load(Ordering::SeqCst) {
                    break None;
                }
                let State { mirror, clients, .. } = &mut *state;
                match clients.get_mut(&client) {
                    None => return,
                    Some(entry) if entry.gone => return,
                    Some(entry) if !entry.damage.is_empty() => {
                        let damage = std::mem::take(&mut entry.damage);
                        break Some(mirror.messages(shared.screen, damage));
                    }
                    Some(_) => {}
                }
                state = shared.wake.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        let mut stream = lock(writer);
        let Some(messages) = messages else {
            // Going away (1001), then the reader sees the socket shut.
            let _ = stream.write_all(&wire::frame(0x8, &1001u16.to_be_bytes()));
            let _ = stream.shutdown(Shutdown::Both);
            return;
        };
        for message in messages {
            if stream.write_all(&wire::frame(0x2, &message)).is_err() {
                let _ = stream.shutdown(Shutdown::Both);
                return;
            }
            shared.messages_sent.fetch_add(1, Ordering::Relaxed);
            shared.bytes_sent.fetch_add(message.len() as u64, Ordering::Relaxed);
        }
    }
}

fn window_id(value: &Value) -> Option<u64> {
    match value {
        Value::String(text) => text.parse().ok(),
        other => other.as_u64(),
    }
}

fn parse_input(text: &str) -> Option<Input> {
    let value: Value = serde_json::from_str(text).ok()?;
    let fields = value.as_object()?;
    let window = window_id(fields.get("window")?)?;
    let int = |name: &str| fields.get(name).and_then(Value::as_i64);
    match fields.get("type")?.as_str()? {
        "key" => {
            let text = match fields.get("text") {
                None | Some(Value::Null) => String::new(),
                Some(text) => text.as_str()?.to_string(),
            };
            if text.chars().count() > MAX_KEY_TEXT {
                return None;
            }
            let code = u32::try_from(int("code")?).ok()?;
            let down = fields.get("down")?.as_bool()?;
            Some(Input::Key { window, code, text, down })
        }
        "mouse" => {
            let x = i32::try_from(int("x")?).ok()?;
            let y = i32::try_from(int("y")?).ok()?;
            let buttons = u32::try_from(int("buttons").unwrap_or(0)).ok()?;
            let kind = match fields.get("kind")?.as_str()? {
                "move" => MouseKind::Move,
                "down" => MouseKind::Down,
                "up" => MouseKind::Up,
                _ => return None,
            };
            Some(Input::Mouse { window, x, y, buttons, kind })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_json_is_checked_field_by_field() {
        let key = parse_input(r#"{"type":"key","window":"7","code":37,"text":"","down":true}"#);
        assert_eq!(key, Some(Input::Key { window: 7, code: 37, text: String::new(), down: true }));
        let mouse = parse_input(r#"{"type":"mouse","window":7,"x":-1,"y":2,"buttons":1,"kind":"down"}"#);
        assert_eq!(mouse, Some(Input::Mouse { window: 7, x: -1, y: 2, buttons: 1, kind: MouseKind::Down }));
        for bad in [
            "",
            "[]",
            "{}",
            r#"{"type":"key","window":"x","code":1,"down":true}"#,
            r#"{"type":"key","window":1,"code":-1,"down":true}"#,
            r#"{"type":"key","window":1,"code":1}"#,
            r#"{"type":"key","window":1,"code":1,"down":true,"text":"far too long a text"}"#,
            r#"{"type":"mouse","window":1,"x":1e20,"y":0,"kind":"move"}"#,
            r#"{"type":"mouse","window":1,"x":99999999999,"y":0,"kind":"move"}"#,
            r#"{"type":"mouse","window":1,"x":1,"y":0,"kind":"drag"}"#,
            r#"{"type":"paste","window":1}"#,
        ] {
            assert_eq!(parse_input(bad), None, "{bad}");
        }
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abd", "abc"));
        assert!(!same_token("ab", "abc"));
        assert!(!same_token("", "abc"));
        assert!(check_token("").is_err());
        assert!(check_token("a b").is_err());
        assert!(check_token("A-z_0.9~").is_ok());
        let token = random_token().unwrap();
        assert_eq!(token.len(), 32);
        assert!(token.bytes().all(|byte| byte.is_ascii_hexdigit()));
    }
}
