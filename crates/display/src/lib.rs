//! A browser view of a Phantom VM's window system, and a read-only inspector.
//!
//! The crate knows nothing of the VM: the caller feeds it [`Update`]s through
//! [`Display::publish`], receives keyboard and mouse [`Input`] through an [`InputSink`],
//! and answers inspector questions through [`Inspect`].
//!
//! # Routes
//! One listening port (bound exactly to [`Config::addr`]) serves everything over HTTP/1.1,
//! GET only (anything else is `405`), one request per connection. Every request needs the
//! token, as the query parameter `token=T` or the cookie `phantom_token=T` that `/` sets;
//! without it the answer is `403` (and a WebSocket upgrade is refused with `403`).
//!
//! | path | what |
//! | --- | --- |
//! | `/` | the screen: one self-contained page with a canvas of [`Config::screen`] size at (0,0) |
//! | `/ws` | the WebSocket (`Upgrade: websocket`), see below |
//! | `/inspect` | inspector index |
//! | `/inspect/threads` | every thread with its frames, `this`, locals and integer stack |
//! | `/inspect/object/ID` | an object: class, fields (links), text, bytes length, image |
//! | `/inspect/image/ID.bmp` | an object's image as a 32-bit BMP |
//! | `/inspect/classes` | the classes and their methods |
//! | `/inspect/timeline` | snapshots: [`timeline_svg`] and a table |
//! | `/api/threads`, `/api/object/ID`, `/api/classes`, `/api/snapshots` | the same as JSON |
//!
//! # The WebSocket
//! Server to client: one binary message per change. Every message starts with the same
//! 25-byte header, little-endian:
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 1 | type |
//! | 1 | 8 | window id (u64) |
//! | 9 | 4 | x (i32) |
//! | 13 | 4 | y (i32) |
//! | 17 | 4 | width (u32) |
//! | 21 | 4 | height (u32) |
//! | 25 | .. | payload |
//!
//! | type | meaning | header fields | payload |
//! | --- | --- | --- | --- |
//! | 0 `RESET` | forget everything: a full state follows | width, height = screen | none |
//! | 1 `BACKGROUND` | the background, drawn at (0,0) | width, height | RGBA, width*height*4 |
//! | 2 `WINDOW` | create or move/rename a window; a new size clears it | id, x = left, y = top, width, height | title, UTF-8 |
//! | 3 `PIXELS` | a rectangle of a window, window-local | id, x, y, width, height | RGBA rows, width*height*4 |
//! | 4 `CLOSE` | the window is gone | id | none |
//! | 5 `ORDER` | the z-order, bottom first | width = count | count u64 ids |
//! | 6 `SYNCED` | the full state sent since `RESET` is complete | none | none |
//!
//! A new connection first gets `RESET`, `BACKGROUND`, every `WINDOW` with all of its
//! `PIXELS`, `ORDER` and `SYNCED`, all from the server's mirror; after that only damage.
//! Damage is kept per client as a few rectangles per window (merged when they touch, or
//! into their bounding box past a small limit) and sent from the mirror when the client's
//! sender thread gets to it, so a slow client never blocks [`Display::publish`] and its
//! backlog stays bounded by the mirror's size.
//!
//! Client to server: text messages of JSON, at most 64 KiB:
//! `{"type":"key","window":"ID","code":37,"text":"","down":true}` and
//! `{"type":"mouse","window":"ID","x":3,"y":4,"buttons":1,"kind":"move"|"down"|"up"}`
//! (the window id may be a string or a number). Anything else (malformed JSON, binary
//! messages, unknown windows, out-of-range numbers) is ignored; a client that sends many of
//! them, or one message over the limit, is disconnected.
//!
//! # The page
//! It composes the background, then each window in z-order: its title bar in the 20 rows
//! above `top`, its client pixels exactly at (left, top), alpha honoured. Each window
//! keeps an offscreen canvas that `PIXELS` are written into. Clicking a window focuses and
//! raises it locally; keys go to the focused window (else the topmost). Keys carry the DOM
//! `keyCode` and, for a printable key, its character (Enter gives `"\n"`, Tab `"\t"`,
//! Backspace `"\b"`). When the socket closes it reconnects by itself with backoff (250 ms
//! doubling to 5 s) and redraws from the new full state. For tests, `<body>` carries
//! `data-connected` ("1"/"0"), `data-updates` (messages applied and painted) and
//! `data-frames` (full states painted).

mod http;
mod inspect_pages;
mod mirror;
mod server;
mod timeline;
#[cfg(feature = "webdriver")]
pub mod webdriver;
pub mod wire;

use std::net::SocketAddr;
use std::sync::Arc;

pub use inspect_pages::threads_text;
pub use timeline::timeline_svg;

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// Bound exactly; port 0 picks a free port.
    pub addr: SocketAddr,
    /// `None` draws 32 random hex characters. A given token must be 1 to 256 characters of
    /// `A-Z a-z 0-9 - . _ ~`, so that it needs no escaping in a URL.
    pub token: Option<String>,
    /// Width and height of the screen in pixels.
    pub screen: (u32, u32),
}

/// A change to the window system, from the VM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// Create or change a window. Coordinates are screen pixels, origin top-left. A size change clears the window's pixels.
    Window { id: u64, left: i32, top: i32, width: u32, height: u32, title: String },
    /// Pixels of part of a window, window-local (origin top-left), RGBA rows top to bottom, width*height*4 bytes.
    /// The part outside the window is dropped.
    Pixels { id: u64, x: u32, y: u32, width: u32, height: u32, rgba: Vec<u8> },
    /// Put a window on top of the others.
    Raise { id: u64 },
    /// Remove a window.
    Close { id: u64 },
    /// The screen background, drawn under every window, at the top-left; RGBA.
    Background { width: u32, height: u32, rgba: Vec<u8> },
}

/// What a mouse event was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Move,
    Down,
    Up,
}

/// Input from a browser, for the VM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// To the focused window (the one last clicked, else the topmost). `code` = the DOM KeyboardEvent.keyCode; `text` = the character typed, if any.
    Key { window: u64, code: u32, text: String, down: bool },
    /// Window-local coordinates, origin top-left; buttons = DOM MouseEvent.buttons.
    Mouse { window: u64, x: i32, y: i32, buttons: u32, kind: MouseKind },
}

/// Receives input; called from the server's connection threads.
pub trait InputSink: Send + Sync {
    fn input(&self, event: Input);
}

/// What the inspector may ask the VM. Called from the server's connection threads.
pub trait Inspect: Send + Sync {
    fn threads(&self) -> Vec<ThreadView>;
    fn object(&self, id: u64) -> Option<ObjectView>;
    fn root(&self) -> u64;
    fn classes(&self) -> Vec<ClassView>;
    fn snapshots(&self) -> Vec<SnapshotView>;
}

/// A thread of the VM.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadView {
    pub id: u64,
    pub state: String,
    /// Innermost first.
    pub frames: Vec<FrameView>,
}

/// One call frame.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameView {
    pub class: String,
    pub method: String,
    pub ordinal: u32,
    pub source: Option<String>,
    pub line: Option<u32>,
    pub this: ValueView,
    /// The object stack of the frame.
    pub locals: Vec<ValueView>,
    /// The integer stack of the frame.
    pub ints: Vec<i64>,
}

/// A value as the inspector shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueView {
    Null,
    Int(i64),
    /// A string's text, already shortened.
    Text(String),
    Object {
        id: u64,
        class: String,
        summary: String,
    },
}

/// One object.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectView {
    pub id: u64,
    pub class: String,
    pub size_bytes: u64,
    pub fields: Vec<(String, ValueView)>,
    pub text: Option<String>,
    pub bytes_len: Option<u64>,
    /// Width, height, RGBA; for bitmaps and windows.
    pub image: Option<(u32, u32, Vec<u8>)>,
}

/// One class.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassView {
    pub id: u32,
    pub name: String,
    pub parent: String,
    pub internal: bool,
    pub fields: u32,
    /// Ordinal and name.
    pub methods: Vec<(u32, String)>,
}

/// One snapshot the store wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotView {
    pub generation: u64,
    pub unix_ms: u64,
    pub pause_us: u64,
    pub pages: u64,
    pub bytes: u64,
    pub write_ms: f64,
}

/// Counters of a running display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplayStats {
    /// Calls of [`Display::publish`].
    pub updates_published: u64,
    /// Of those, the ones dropped as invalid (unknown window, wrong pixel count, too large).
    pub updates_ignored: u64,
    /// Binary WebSocket messages sent, over all clients.
    pub messages_sent: u64,
    /// Their bytes (the messages, without WebSocket framing).
    pub bytes_sent: u64,
    /// WebSocket clients connected now.
    pub clients_connected: u64,
}

/// A running display server.
pub struct Display {
    inner: server::Server,
}

impl Display {
    /// Binds `config.addr` and starts serving on threads of its own.
    pub fn start(
        config: Config,
        input: Arc<dyn InputSink>,
        inspect: Arc<dyn Inspect>,
    ) -> std::io::Result<Arc<Display>> {
        let inner = server::Server::start(config, input, inspect)?;
        Ok(Arc::new(Display { inner }))
    }

    /// `http://ADDR/?token=T`, with the address really bound.
    pub fn url(&self) -> String {
        format!("http://{}/?token={}", self.local_addr(), self.token())
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.inner.local_addr()
    }

    pub fn token(&self) -> &str {
        self.inner.token()
    }

    /// Applies an update to the mirror and wakes the clients' senders; never waits on the network.
    pub fn publish(&self, update: Update) {
        self.inner.publish(update)
    }

    pub fn stats(&self) -> DisplayStats {
        self.inner.stats()
    }

    /// Closes the listener and every connection, and waits for the server's threads.
    /// A new display may then be started on the same address.
    pub fn stop(&self) {
        self.inner.stop()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.inner.stop();
    }
}

impl std::fmt::Debug for Display {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Display").field("addr", &self.local_addr()).finish_non_exhaustive()
    }
}
