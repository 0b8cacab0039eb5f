//! The screen as the outside world sees it: where the VM sends what its windows show, and
//! where input for them comes in. Window contents live in the heap (`window`); this is only
//! the host-side link, so nothing here outlives the process. With no sink attached nothing
//! is copied or tracked: a program that draws pays only for drawing into its heap objects.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

/// The screen's size in pixels. Window positions are in the original's coordinates: origin at
/// the bottom left, y growing upwards; a sink gets them turned to top-left ones.
pub const SCREEN_WIDTH: u32 = 1024;
pub const SCREEN_HEIGHT: u32 = 768;

/// What receives the screen: a display (the browser view), a test, a recorder. Rectangles
/// and positions are top-left based here; pixels are RGBA rows, top to bottom. Calls come
/// from VM threads and must not block.
pub trait ScreenSink: Send + Sync {
    /// A window appeared, moved, was resized or retitled (a resize clears its pixels).
    fn window(&self, id: u64, left: i32, top: i32, width: u32, height: u32, title: &str);
    /// Part of a window's contents.
    fn pixels(&self, id: u64, x: u32, y: u32, width: u32, height: u32, rgba: Vec<u8>);
    fn close(&self, id: u64);
    fn background(&self, width: u32, height: u32, rgba: Vec<u8>);
}

/// Kinds of input events (`.internal.ui.event` method 16).
pub const EVENT_KEY_DOWN: i32 = 1;
pub const EVENT_KEY_UP: i32 = 2;
pub const EVENT_MOUSE_MOVE: i32 = 3;
pub const EVENT_MOUSE_DOWN: i32 = 4;
pub const EVENT_MOUSE_UP: i32 = 5;

/// An input event for a window. Mouse coordinates are window-local and top-left based as the
/// browser has them; the VM turns them to the original's bottom-left ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowEvent {
    pub kind: i32,
    /// The key's code (the browser's `keyCode`: 37-40 are the arrows, 32 space).
    pub code: i32,
    /// The character typed, if any.
    pub text: String,
    pub x: i32,
    pub y: i32,
    pub buttons: i32,
}

/// Events a window holds for `nextEvent` before the oldest are dropped.
const EVENT_QUEUE_LIMIT: usize = 256;

#[derive(Default)]
struct State {
    /// Windows the sink knows about (published and not closed).
    open: HashSet<u64>,
    /// Damage of windows that do not update automatically, until their `update()`.
    damage: HashMap<u64, (u32, u32, u32, u32)>,
    /// Events waiting for `nextEvent`, by window.
    events: HashMap<u64, VecDeque<WindowEvent>>,
    /// Threads parked in `nextEvent`, by window.
    waiting: HashMap<u64, Vec<u64>>,
}

#[derive(Default)]
pub struct Screen {
    sink: RwLock<Option<Arc<dyn ScreenSink>>>,
    state: Mutex<State>,
}

impl Screen {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn sink(&self) -> Option<Arc<dyn ScreenSink>> {
        self.sink.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set_sink(&self, sink: Option<Arc<dyn ScreenSink>>) {
        *self.sink.write().unwrap_or_else(|e| e.into_inner()) = sink;
    }

    pub(crate) fn opened(&self, id: u64) {
        self.lock().open.insert(id);
    }

    pub(crate) fn closed(&self, id: u64) -> Vec<u64> {
        let mut st = self.lock();
        st.open.remove(&id);
        st.damage.remove(&id);
        st.events.remove(&id);
        st.waiting.remove(&id).unwrap_or_default()
    }

    pub(crate) fn is_open(&self, id: u64) -> bool {
        self.lock().open.contains(&id)
    }

    /// Adds a rectangle to a window's pending damage (a bounding box).
    pub(crate) fn add_damage(&self, id: u64, x: u32, y: u32, w: u32, h: u32) {
        let mut st = self.lock();
        let d = st.damage.entry(id).or_insert((x, y, w, h));
        let (x0, y0) = (d.0.min(x), d.1.min(y));
        let (x1, y1) = ((d.0 + d.2).max(x + w), (d.1 + d.3).max(y + h));
        *d = (x0, y0, x1 - x0, y1 - y0);
    }

    pub(crate) fn take_damage(&self, id: u64) -> Option<(u32, u32, u32, u32)> {
        self.lock().damage.remove(&id)
    }

    /// Queues an event for `nextEvent`; returns the threads to wake.
    pub(crate) fn push_event(&self, id: u64, event: WindowEvent) -> Vec<u64> {
        let mut st = self.lock();
        let queue = st.events.entry(id).or_default();
        if queue.len() == EVENT_QUEUE_LIMIT {
            queue.pop_front();
        }
        queue.push_back(event);
        st.waiting.remove(&id).unwrap_or_default()
    }

    /// The oldest event for a window, or `None` after registering `thread` to be woken.
    pub(crate) fn next_event(&self, id: u64, thread: Option<u64>) -> Option<WindowEvent> {
        let mut st = self.lock();
        if let Some(e) = st.events.get_mut(&id).and_then(|q| q.pop_front()) {
            return Some(e);
        }
        if let Some(t) = thread {
            let waiting = st.waiting.entry(id).or_default();
            if !waiting.contains(&t) {
                waiting.push(t);
            }
        }
        None
    }

    pub(crate) fn stop_waiting(&self, id: u64, thread: u64) {
        if let Some(w) = self.lock().waiting.get_mut(&id) {
            w.retain(|&t| t != thread);
        }
    }
}
