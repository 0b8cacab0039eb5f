//! Fakes and helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use phantom_display::*;

#[derive(Default)]
pub struct RecordingSink {
    pub events: Mutex<Vec<Input>>,
}

impl InputSink for RecordingSink {
    fn input(&self, event: Input) {
        self.events.lock().unwrap().push(event);
    }
}

impl RecordingSink {
    pub fn events(&self) -> Vec<Input> {
        self.events.lock().unwrap().clone()
    }

    /// Waits (bounded, a safety net rather than a timing claim) until `count` events came.
    pub fn wait_for(&self, count: usize) -> Vec<Input> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.events().len() < count && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.events()
    }
}

pub const METHOD: &str = "runLoop";

pub struct FakeInspect;

/// The object whose lookup fails (panics) in the fake inspector.
pub const PANICS: u64 = 666;

impl Inspect for FakeInspect {
    fn threads(&self) -> Vec<ThreadView> {
        vec![ThreadView {
            id: 3,
            state: "running".into(),
            frames: vec![FrameView {
                class: ".demo.app".into(),
                method: METHOD.into(),
                ordinal: 4,
                source: Some("app.ph".into()),
                line: Some(12),
                this: ValueView::Object { id: 1, class: ".demo.app".into(), summary: "the app".into() },
                locals: vec![
                    ValueView::Object { id: 2, class: "<script>".into(), summary: String::new() },
                    ValueView::Int(7),
                ],
                ints: vec![42],
            }],
        }]
    }

    fn object(&self, id: u64) -> Option<ObjectView> {
        assert_ne!(id, PANICS, "the inspector failed");
        match id {
            1 => Some(ObjectView {
                id: 1,
                class: ".demo.app".into(),
                size_bytes: 64,
                fields: vec![
                    (
                        "picture".into(),
                        ValueView::Object { id: 2, class: "<script>".into(), summary: "a bitmap".into() },
                    ),
                    ("name".into(), ValueView::Text("<b>bold</b> & more".into())),
                    ("count".into(), ValueView::Int(5)),
                    ("nothing".into(), ValueView::Null),
                ],
                text: None,
                bytes_len: None,
                image: None,
            }),
            2 => Some(ObjectView {
                id: 2,
                class: "<script>".into(),
                size_bytes: 32,
                fields: Vec::new(),
                text: Some("hello".into()),
                bytes_len: Some(16),
                image: Some((2, 2, [255, 0, 0, 255].repeat(4))),
            }),
            _ => None,
        }
    }

    fn root(&self) -> u64 {
        1
    }

    fn classes(&self) -> Vec<ClassView> {
        vec![ClassView {
            id: 9,
            name: ".demo.app".into(),
            parent: ".internal.object".into(),
            internal: false,
            fields: 4,
            methods: vec![(4, METHOD.into())],
        }]
    }

    fn snapshots(&self) -> Vec<SnapshotView> {
        (1..=3)
            .map(|generation| SnapshotView {
                generation,
                unix_ms: 1_700_000_000_000 + generation * 1000,
                pause_us: 250 * generation,
                pages: 12,
                bytes: 49_152,
                write_ms: 2.5,
            })
            .collect()
    }
}

pub fn start(addr: SocketAddr, token: Option<&str>, sink: Arc<RecordingSink>) -> Arc<Display> {
    let config = Config { addr, token: token.map(str::to_owned), screen: (640, 480) };
    Display::start(config, sink, Arc::new(FakeInspect)).expect("the display starts")
}

pub fn loopback() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

/// One raw HTTP request; answers the status and the body.
pub fn request(addr: SocketAddr, method: &str, target: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(stream, "{method} {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let head_end = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("a whole head");
    let head = String::from_utf8_lossy(&answer[..head_end]).to_string();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head, answer[head_end + 4..].to_vec())
}

pub fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    let (status, _, body) = request(addr, "GET", target);
    (status, String::from_utf8(body).unwrap())
}

pub fn solid(width: u32, height: u32, pixel: [u8; 4]) -> Vec<u8> {
    pixel.repeat((width * height) as usize)
}
