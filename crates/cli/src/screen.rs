//! `--display`: the VM's windows in a browser, and the inspector. This module joins the VM to
//! phantom-display, which knows nothing of the VM: windows go out as updates, the browser's
//! keys and mouse come back as window events, and the inspector's questions are answered from
//! the VM's read-only views.

use std::net::SocketAddr;
use std::sync::{Arc, Weak};

use phantom_display::{
    ClassView, Config, Display, FrameView, Input, InputSink, Inspect, MouseKind, ObjectView, SnapshotView, ThreadView,
    Update, ValueView,
};
use phantom_vm::inspect::Brief;
use phantom_vm::screen::{self as vm_screen, ScreenSink, WindowEvent};
use phantom_vm::{Trap, Value, Vm};

use crate::{fail, Failure};

/// Where the display listens.
#[derive(clap::Args, Clone)]
pub struct DisplayOptions {
    /// Show the screen in a browser, and the inspector, at this address (`PORT` alone means
    /// 127.0.0.1:PORT; port 0 picks one). The address to open, with its token, is printed on
    /// standard error
    #[arg(long, value_name = "ADDR")]
    pub display: Option<String>,
    /// The token the page needs [default: 32 random hex digits]
    #[arg(long, value_name = "TOKEN", requires = "display")]
    pub display_token: Option<String>,
}

impl DisplayOptions {
    /// Serves the display for `vm`, if asked to, and attaches the VM's screen to it. The
    /// server holds the VM only weakly: it goes when the VM does.
    pub fn attach(&self, vm: &Arc<Vm>) -> Result<Option<Arc<Display>>, Failure> {
        let Some(addr) = &self.display else { return Ok(None) };
        let addr = parse_addr(addr)?;
        let config = Config {
            addr,
            token: self.display_token.clone(),
            screen: (vm_screen::SCREEN_WIDTH, vm_screen::SCREEN_HEIGHT),
        };
        let weak = Arc::downgrade(vm);
        let display = Display::start(config, Arc::new(Keys(weak.clone())), Arc::new(Inspector(weak)))
            .or_else(|e| fail(format!("--display {addr}: {e}")))?;
        vm.attach_screen(Arc::new(Screen(Arc::clone(&display))))
            .or_else(|e| fail(format!("cannot show the screen: {}", trap_text(vm, e))))?;
        eprintln!("phantom: display at {}", display.url());
        Ok(Some(display))
    }
}

fn trap_text(vm: &Vm, trap: Trap) -> String {
    match trap {
        Trap::Throw(v) => vm.describe(v),
        Trap::Fatal(m) => m,
        Trap::OutOfMemory => "out of heap memory".into(),
        _ => "the VM could not draw it".into(),
    }
}

fn parse_addr(text: &str) -> Result<SocketAddr, Failure> {
    if let Ok(port) = text.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    text.parse().or_else(|_| fail(format!("--display {text}: not an address (say HOST:PORT, or PORT for 127.0.0.1)")))
}

/// The VM's screen, published on the display.
struct Screen(Arc<Display>);

impl ScreenSink for Screen {
    fn window(&self, id: u64, left: i32, top: i32, width: u32, height: u32, title: &str) {
        self.0.publish(Update::Window { id, left, top, width, height, title: title.to_string() });
    }

    fn pixels(&self, id: u64, x: u32, y: u32, width: u32, height: u32, rgba: Vec<u8>) {
        self.0.publish(Update::Pixels { id, x, y, width, height, rgba });
    }

    fn close(&self, id: u64) {
        self.0.publish(Update::Close { id });
    }

    fn background(&self, width: u32, height: u32, rgba: Vec<u8>) {
        self.0.publish(Update::Background { width, height, rgba });
    }
}

/// The browser's keys and mouse, for the windows' handlers.
struct Keys(Weak<Vm>);

impl InputSink for Keys {
    fn input(&self, event: Input) {
        let Some(vm) = self.0.upgrade() else { return };
        let (window, event) = match event {
            Input::Key { window, code, text, down } => {
                let kind = if down { vm_screen::EVENT_KEY_DOWN } else { vm_screen::EVENT_KEY_UP };
                (window, WindowEvent { kind, code: code as i32, text, x: 0, y: 0, buttons: 0 })
            }
            Input::Mouse { window, x, y, buttons, kind } => {
                let kind = match kind {
                    MouseKind::Move => vm_screen::EVENT_MOUSE_MOVE,
                    MouseKind::Down => vm_screen::EVENT_MOUSE_DOWN,
                    MouseKind::Up => vm_screen::EVENT_MOUSE_UP,
                };
                (window, WindowEvent { kind, code: 0, text: String::new(), x, y, buttons: buttons as i32 })
            }
        };
        // An event the VM cannot take (its heap is full, say) is lost, as a key pressed on a
        // busy machine may be; the program goes on.
        let _ = vm.window_input(window, event);
    }
}

/// The inspector's answers, from the VM's read-only views.
struct Inspector(Weak<Vm>);

impl Inspect for Inspector {
    fn threads(&self) -> Vec<ThreadView> {
        self.0.upgrade().map_or_else(Vec::new, |vm| thread_views(&vm))
    }

    fn object(&self, id: u64) -> Option<ObjectView> {
        let vm = self.0.upgrade()?;
        let info = vm.object_info(id)?;
        let mut fields: Vec<(String, ValueView)> =
            info.fields.iter().map(|(k, v)| (k.clone(), value_view(&vm, *v))).collect();
        if info.more_fields > 0 {
            fields.push(("…".into(), ValueView::Text(format!("{} more not shown", info.more_fields))));
        }
        Some(ObjectView {
            id,
            class: info.class,
            size_bytes: info.size_bytes,
            fields,
            text: info.text,
            bytes_len: info.bytes_len,
            image: info.image,
        })
    }

    fn root(&self) -> u64 {
        self.0.upgrade().and_then(|vm| vm.root_object().object()).unwrap_or(0)
    }

    fn classes(&self) -> Vec<ClassView> {
        let Some(vm) = self.0.upgrade() else { return Vec::new() };
        vm.class_infos()
            .into_iter()
            .map(|c| ClassView {
                id: c.id,
                name: c.name,
                parent: c.parent.unwrap_or_default(),
                internal: c.internal,
                fields: c.field_slots,
                methods: c.methods,
            })
            .collect()
    }

    fn snapshots(&self) -> Vec<SnapshotView> {
        self.0.upgrade().map_or_else(Vec::new, |vm| snapshot_views(&vm.snapshot_records()))
    }
}

/// The threads as the inspector and `phantom inspect` show them.
pub fn thread_views(vm: &Vm) -> Vec<ThreadView> {
    let (threads, _) = vm.thread_infos();
    threads
        .into_iter()
        .map(|t| ThreadView {
            id: t.id,
            state: t.state.to_string(),
            frames: t
                .frames
                .into_iter()
                .map(|f| FrameView {
                    class: f.class,
                    method: f.method,
                    ordinal: f.ordinal,
                    source: None,
                    line: f.line.and_then(|l| u32::try_from(l).ok()),
                    this: value_view(vm, f.this),
                    locals: f.objects.iter().map(|&v| value_view(vm, v)).collect(),
                    ints: f.ints.iter().map(|&i| i64::from(i)).collect(),
                })
                .collect(),
        })
        .collect()
}

fn value_view(vm: &Vm, v: Value) -> ValueView {
    match (vm.brief(v), v.object()) {
        (Brief::Null, _) => ValueView::Null,
        (Brief::Int(i), _) => ValueView::Int(i64::from(i)),
        (Brief::Text(t), _) => ValueView::Text(t),
        (Brief::Object { class, summary }, Some(id)) => ValueView::Object { id, class, summary },
        (_, id) => ValueView::Object { id: id.unwrap_or(0), class: "?".into(), summary: "no object (any more)".into() },
    }
}

/// The timeline of an image's snapshots as an SVG picture.
pub fn timeline_svg(records: &[phantom_store::SnapshotRecord]) -> String {
    phantom_display::timeline_svg(&snapshot_views(records))
}

/// Snapshot entries as the timeline plots them.
pub fn snapshot_views(records: &[phantom_store::SnapshotRecord]) -> Vec<SnapshotView> {
    let mut views: Vec<SnapshotView> = records
        .iter()
        .map(|s| SnapshotView {
            generation: s.generation,
            unix_ms: s.time_ns / 1_000_000,
            pause_us: u64::from(s.pause_us),
            pages: s.written,
            bytes: s.written * phantom_store::PAGE_SIZE as u64,
            write_ms: f64::from(s.write_us) / 1e3,
        })
        .collect();
    views.sort_by_key(|s| s.generation);
    views
}
