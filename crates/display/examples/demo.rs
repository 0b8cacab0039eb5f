//! Serves a still scene of two windows on 127.0.0.1:8765 (or the address given), prints the
//! URL, and prints the input the page sends. Stop it with Ctrl-C.

use std::sync::Arc;

use phantom_display::*;

struct PrintInput;

impl InputSink for PrintInput {
    fn input(&self, event: Input) {
        println!("{event:?}");
    }
}

struct Nothing;

impl Inspect for Nothing {
    fn threads(&self) -> Vec<ThreadView> {
        Vec::new()
    }
    fn object(&self, _: u64) -> Option<ObjectView> {
        None
    }
    fn root(&self) -> u64 {
        0
    }
    fn classes(&self) -> Vec<ClassView> {
        Vec::new()
    }
    fn snapshots(&self) -> Vec<SnapshotView> {
        Vec::new()
    }
}

fn gradient(width: u32, height: u32, tint: [u8; 3]) -> Vec<u8> {
    let mut rgba = Vec::with_capacity((width * height * 4) as usize);
    for y in 0..height {
        for x in 0..width {
            let shade = ((x + y) * 255 / (width + height)) as u8;
            rgba.extend_from_slice(&[tint[0] / 2 + shade / 2, tint[1] / 2 + shade / 2, tint[2] / 2 + shade / 2, 255]);
        }
    }
    rgba
}

fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8765".into());
    let config =
        Config { addr: addr.parse().expect("an address such as 127.0.0.1:8765"), token: None, screen: (800, 600) };
    let display = Display::start(config, Arc::new(PrintInput), Arc::new(Nothing))?;
    display.publish(Update::Background { width: 800, height: 600, rgba: gradient(800, 600, [20, 60, 90]) });
    display.publish(Update::Window { id: 1, left: 60, top: 80, width: 320, height: 200, title: "first".into() });
    display.publish(Update::Pixels {
        id: 1,
        x: 0,
        y: 0,
        width: 320,
        height: 200,
        rgba: gradient(320, 200, [250, 240, 200]),
    });
    display.publish(Update::Window {
        id: 2,
        left: 300,
        top: 220,
        width: 240,
        height: 160,
        title: "second <on top>".into(),
    });
    display.publish(Update::Pixels {
        id: 2,
        x: 0,
        y: 0,
        width: 240,
        height: 160,
        rgba: gradient(240, 160, [200, 80, 80]),
    });
    eprintln!("{}", display.url());
    loop {
        std::thread::park();
    }
}
