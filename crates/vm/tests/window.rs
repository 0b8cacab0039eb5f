//! Windows draw into their heap objects and show on an attached screen: shapes land on the
//! pixels the original's bottom-left coordinates name, what a sink is sent matches what the
//! heap holds, input reaches `nextEvent` and handlers, and a sink attached late gets the
//! whole screen.
mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use common::{load_source, load_source_importing, Capture};
use phantom_vm::screen::{ScreenSink, WindowEvent, EVENT_KEY_DOWN, SCREEN_HEIGHT};
use phantom_vm::{PlainMemory, Vm};

#[derive(Default)]
struct Window {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    title: String,
    rgba: Vec<u8>,
}

/// A screen that keeps what it was sent, as a display's mirror does.
#[derive(Default)]
struct Recorder {
    windows: Mutex<HashMap<u64, Window>>,
    messages: Mutex<Vec<String>>,
    background: Mutex<Option<(u32, u32)>>,
}

impl Recorder {
    fn pixel(&self, id: u64, x: u32, y: u32) -> [u8; 4] {
        let windows = self.windows.lock().unwrap();
        let w = &windows[&id];
        let at = ((y * w.width + x) * 4) as usize;
        w.rgba[at..at + 4].try_into().unwrap()
    }

    fn only_window(&self) -> u64 {
        let windows = self.windows.lock().unwrap();
        assert_eq!(windows.len(), 1, "one window expected");
        *windows.keys().next().unwrap()
    }
}

impl ScreenSink for Recorder {
    fn window(&self, id: u64, left: i32, top: i32, width: u32, height: u32, title: &str) {
        let mut windows = self.windows.lock().unwrap();
        let w = windows.entry(id).or_default();
        if (w.width, w.height) != (width, height) {
            w.rgba = vec![0; (width * height * 4) as usize];
        }
        (w.left, w.top, w.width, w.height, w.title) = (left, top, width, height, title.to_string());
        self.messages.lock().unwrap().push(format!("window {title}"));
    }

    fn pixels(&self, id: u64, x: u32, y: u32, width: u32, height: u32, rgba: Vec<u8>) {
        assert_eq!(rgba.len(), (width * height * 4) as usize);
        let mut windows = self.windows.lock().unwrap();
        let w = windows.get_mut(&id).expect("pixels for a window never announced");
        assert!(x + width <= w.width && y + height <= w.height, "a rectangle outside its window");
        for row in 0..height {
            let to = (((y + row) * w.width + x) * 4) as usize;
            let from = (row * width * 4) as usize;
            w.rgba[to..to + (width * 4) as usize].copy_from_slice(&rgba[from..from + (width * 4) as usize]);
        }
        self.messages.lock().unwrap().push(format!("pixels {width}x{height}"));
    }

    fn close(&self, id: u64) {
        self.windows.lock().unwrap().remove(&id);
    }

    fn background(&self, width: u32, height: u32, rgba: Vec<u8>) {
        assert_eq!(rgba.len(), (width * height * 4) as usize);
        *self.background.lock().unwrap() = Some((width, height));
    }
}

/// A VM with a 64 MiB heap in memory, and what it prints.
fn bare_vm() -> (Vm, Capture) {
    let out = Capture::default();
    (Vm::new(Box::new(PlainMemory::new(64 << 20)), Box::new(out.clone())).unwrap(), out)
}

fn vm_with(source: &str) -> (Vm, Capture) {
    let (vm, out) = bare_vm();
    load_source(&vm, "win.ph", source);
    (vm, out)
}

/// Where the original's class files are.
const ORIGINAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../bytecode/tests/fixtures/original");

/// Loads the original's class files `PREFIX.NAME.pc`, unchanged.
fn load_original(vm: &Vm, prefix: &str, names: &[&str]) {
    for name in names {
        let path = format!("{ORIGINAL}/{prefix}.{name}.pc");
        vm.load_class(&std::fs::read(&path).unwrap(), &path).unwrap();
    }
}

const DRAWING: &str = r#"
package .t;
class draw
{
    var w : .internal.window;
    void run(var boot) [8]
    {
        var b : .internal.bitmap;
        var e : .internal.ui.event;
        w = new .internal.window();
        w.setWinPosition(50, 60);
        w.setTitle("drawing");
        w.setFg(0xFFFF0000);
        w.fillBox(10, 20, 30, 40);
        w.setFg(0xFF0000FF);
        w.drawLine(0, 0, 399, 0);
        b = new .internal.bitmap();
        b.loadFromString("P3 2 1 255  0 255 0  255 255 0 ");
        w.drawImage(200, 100, b);
        w.setFg(0xFF000000);
        w.drawString(300, 250, "Hi");
        boot.consolePrint("drawn\n");
        e = w.nextEvent(-1);
        boot.consolePrint("event " + e.kind() + " " + e.code() + " " + e.text() + "\n");
        w.setAutoUpdate(0);
        w.setFg(0xFF00FF00);
        w.fillBox(0, 0, 5, 5);
        boot.consolePrint("hidden\n");
        e = w.nextEvent(-1);
        w.update();
        boot.consolePrint("updated\n");
    }
};
"#;

fn wait_for(out: &Capture, text: &str) {
    for _ in 0..2000 {
        if out.text().contains(text) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("no {text:?} in the output: {}", out.text());
}

fn key(code: i32, text: &str) -> WindowEvent {
    WindowEvent { kind: EVENT_KEY_DOWN, code, text: text.into(), x: 0, y: 0, buttons: 0 }
}

#[test]
fn drawing_reaches_the_screen_where_the_original_puts_it() {
    let (vm, out) = vm_with(DRAWING);
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let class = vm.find_class(".t.draw").unwrap();
    std::thread::scope(|s| {
        let runner = s.spawn(|| vm.run_main(class).map_err(|e| e.to_string()));
        wait_for(&out, "drawn");
        let id = screen.only_window();
        {
            let windows = screen.windows.lock().unwrap();
            let w = &windows[&id];
            assert_eq!((w.width, w.height, w.title.as_str()), (400, 300, "drawing"));
            // Bottom-left origin: a window at y = 60, 300 high, has its top 360 below the
            // screen's top edge.
            assert_eq!((w.left, w.top), (50, SCREEN_HEIGHT as i32 - 360));
        }
        // fillBox(10, 20, 30, 40): columns 10-39, rows 20-59 from the bottom.
        let red = [255, 0, 0, 255];
        assert_eq!(screen.pixel(id, 10, 299 - 20), red);
        assert_eq!(screen.pixel(id, 39, 299 - 59), red);
        assert_eq!(screen.pixel(id, 40, 299 - 59), [255, 255, 255, 255]);
        assert_eq!(screen.pixel(id, 9, 299 - 20), [255, 255, 255, 255]);
        // The line along y = 0 is the bottom row.
        assert_eq!(screen.pixel(id, 123, 299), [0, 0, 255, 255]);
        // The image's bottom-left pixel at (200, 100): one row, green then yellow.
        assert_eq!(screen.pixel(id, 200, 199), [0, 255, 0, 255]);
        assert_eq!(screen.pixel(id, 201, 199), [255, 255, 0, 255]);
        // "Hi" has ink somewhere in its two cells (300-315, rows 250-265 from the bottom).
        let ink = (300..316).any(|x| (34..50).any(|y| screen.pixel(id, x, y) == [0, 0, 0, 255]));
        assert!(ink, "drawString left no black pixel in its cells");

        vm.window_input(id, key(37, "")).unwrap();
        wait_for(&out, "hidden");
        // Not updating automatically: the green box is in the heap, not yet on the screen.
        assert_eq!(screen.pixel(id, 0, 299), [0, 0, 255, 255]);
        vm.window_input(id, key(32, " ")).unwrap();
        wait_for(&out, "updated");
        assert_eq!(screen.pixel(id, 0, 299), [0, 255, 0, 255]);
        // Input for something that is not a window is dropped.
        vm.window_input(12345, key(1, "")).unwrap();
        runner.join().unwrap().unwrap();
    });
    assert!(out.text().contains("event 1 37 \n"), "{}", out.text());

    // A screen attached now gets everything at once, from the heap.
    let late = Arc::new(Recorder::default());
    vm.attach_screen(late.clone()).unwrap();
    let id = late.only_window();
    assert_eq!(late.pixel(id, 10, 279), [255, 0, 0, 255]);
    assert_eq!(late.pixel(id, 0, 299), [0, 255, 0, 255]);
}

const HANDLED: &str = r#"
package .t;
class keys
{
    var boot;
    void setBoot(var b) { boot = b; }
    void handle(var e : .internal.ui.event) [8]
    {
        boot.consolePrint("key " + e.code() + " at " + e.x() + "," + e.y() + "\n");
    }
};
class main
{
    void run(var boot) [8]
    {
        var w : .internal.window;
        var k : .t.keys;
        var t : .internal.io.tty;
        k = new .t.keys();
        k.setBoot(boot);
        w = new .internal.window();
        w.setEventHandler(k);
        t = new .internal.io.tty();
        t.putws("console only\n");
        boot.consolePrint("ready\n");
        while (1) { boot.sleep(10); }
    }
};
"#;

#[test]
fn handlers_get_events_on_their_own_threads_and_a_plain_tty_stays_off_screen() {
    let (vm, out) = vm_with(HANDLED);
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let class = vm.find_class(".t.main").unwrap();
    std::thread::scope(|s| {
        s.spawn(|| vm.run_main(class));
        wait_for(&out, "ready");
        // The tty printed but made no window.
        let id = screen.only_window();
        let click = WindowEvent { kind: 4, code: 0, text: String::new(), x: 5, y: 0, buttons: 1 };
        vm.window_input(id, click).unwrap();
        // Top row in the browser's terms is row 299 in the original's.
        wait_for(&out, "key 0 at 5,299");
        vm.sched.stop();
    });
}

/// A window lives in the heap: after a snapshot and a crash, a screen attached to the
/// restarted VM shows it as it was, with nothing drawn again.
#[test]
fn windows_come_back_from_the_image_without_being_redrawn() {
    use phantom_store::{CrashMode, SimDisk, Store, StoreOptions};
    let disk = Arc::new(SimDisk::new());
    let options = StoreOptions { address_space: 256 << 20, ..StoreOptions::default() };
    let store = Store::create_on(Box::new(disk.clone()), &options).unwrap();
    let vm = Vm::create_image(store, Box::new(Capture::default()), phantom_vm::DEFAULT_IMAGE_HEAP).unwrap();
    load_source(&vm, "kept.ph", KEPT);
    vm.run_main(vm.find_class(".t.kept").unwrap()).unwrap();
    vm.snapshot().unwrap();
    drop(vm);
    let image = disk.crash_image(CrashMode::DropAll);
    let (store, _) = Store::open_on(Box::new(SimDisk::from_image(image)), &StoreOptions::default()).unwrap();
    let vm = Vm::open_image(store, Box::new(Capture::default()), None).unwrap();
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let id = screen.only_window();
    let windows = screen.windows.lock().unwrap();
    let w = &windows[&id];
    assert_eq!((w.width, w.height, w.title.as_str()), (64, 32, "kept"));
    let at = ((16 * 64 + 32) * 4) as usize;
    assert_eq!(w.rgba[at..at + 4], [0x11, 0x22, 0x33, 255], "the ellipse's middle");
    assert_eq!(w.rgba[..4], [255, 255, 255, 255], "a corner outside the ellipse");
}

const KEPT: &str = r#"
package .t;
class kept
{
    void run(var boot) [8]
    {
        var w : .internal.window;
        w = new .internal.window();
        w.setTitle("kept");
        w.setWinSize(64, 32);
        w.setFg(0xFF112233);
        w.fillEllipse(0, 0, 64, 32);
    }
};
"#;

/// Runs class `main` on a thread of its own, until the test stops the VM; what it ended with
/// goes to `out`, so that a failure shows in the test's message.
fn start_game(vm: &Arc<Vm>, main: &str, out: &Capture) -> std::thread::JoinHandle<()> {
    let class = vm.find_class(main).unwrap();
    let (vm, out) = (Arc::clone(vm), out.clone());
    std::thread::spawn(move || {
        if let Err(uncaught) = vm.run_main(class) {
            out.0.lock().unwrap().extend_from_slice(format!("ended: {uncaught}").as_bytes());
        }
    })
}

/// Waits (bounded) until the recorder's window `id` shows `colour` at (x, y).
fn wait_for_pixel(screen: &Recorder, id: u64, x: u32, y: u32, colour: [u8; 4]) {
    for _ in 0..2000 {
        if screen.pixel(id, x, y) == colour {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("pixel ({x},{y}) is {:?}, not {colour:?}", screen.pixel(id, x, y));
}

#[test]
fn our_tetris_plays_from_the_keyboard() {
    let (vm, out) = bare_vm();
    let vm = Arc::new(vm);
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/tetris.ph")).unwrap();
    load_source(&vm, "tetris.ph", &source);
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let game = start_game(&vm, ".examples.tetris", &out);
    wait_for(&out, "tetris: ready");
    let id = screen.only_window();
    {
        let windows = screen.windows.lock().unwrap();
        assert_eq!((windows[&id].width, windows[&id].height, windows[&id].title.as_str()), (390, 480, "Tetris"));
    }
    let empty = [0x10, 0x10, 0x18, 255];
    // The well's bottom row is empty until space drops the first piece onto it.
    for x in 0..10 {
        assert_eq!(screen.pixel(id, x * 24 + 12, 468), empty, "column {x} of the bottom row");
    }
    vm.window_input(id, key(32, " ")).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while (0..10).all(|x| screen.pixel(id, x * 24 + 12, 468) == empty) {
        assert!(std::time::Instant::now() < deadline, "no piece reached the bottom row");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // Dropping every piece in the middle stacks them up to the top: the game ends, and R
    // starts a new one with an empty well.
    for _ in 0..60 {
        if out.text().contains("game over") {
            break;
        }
        vm.window_input(id, key(32, " ")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    wait_for(&out, "tetris: game over, score ");
    let score: u32 = out.text().split("score ").nth(1).unwrap().trim().parse().unwrap();
    assert!(score >= 2 * 20, "hard drops score two a row: {score}");
    vm.window_input(id, key(82, "r")).unwrap();
    for x in 0..10 {
        wait_for_pixel(&screen, id, x * 24 + 12, 468, empty);
    }
    vm.sched.stop();
    game.join().unwrap();
}

/// Stands in for the original's image manager (whose source is not in its repository's
/// listings): one 20-pixel tile per colour, as Netpbm text, at the ordinals the original's
/// mainmodule calls.
const ORIGINAL_TETRIS: &str = r#"
package .ru.dz.phantom.tetris;
class imagesmanager
{
    string tile(var r : int, var g : int, var b : int)
    {
        var s : string;
        s = "P3 20 20 255\n";
        for (var i : int = 0; i < 400; i++) s = s + r + " " + g + " " + b + "\n";
        return s;
    }
    string getImageGreen() [16] { return tile(0, 200, 0); }
    string getImageRed() [17] { return tile(200, 0, 0); }
    string getImageBlue() [18] { return tile(0, 0, 200); }
    string getImageGray() [19] { return tile(128, 128, 128); }
    string getImageOrange() [20] { return tile(240, 140, 0); }
};
"#;

const ORIGINAL_TETRIS_LAUNCHER: &str = r#"
package .t;
class launch
{
    void run(var boot) [8]
    {
        var tty : .internal.io.tty;
        var game;
        tty = new .internal.io.tty();
        game = new .ru.dz.phantom.tetris.mainmodule();
        // By the original's ordinals: init(bootObject, console, width, height), repaintField(),
        // runGame().
        game.17(boot, tty, 10, 20);
        game.18();
        boot.consolePrint("field painted\n");
        try { game.16(); } catch (string e) { boot.consolePrint("stopped: " + e + "\n"); }
    }
};
"#;

/// The original's tetris (its five class files, unchanged) draws its field of bitmap tiles
/// on the tty, which becomes a window. Its game loop then stops at a bug of its own, whatever
/// the VM: `figure.isMovingToPointAvailable` ends without `return` when the move is possible,
/// so `canRotate` unboxes null (the original VM read past the null object's empty payload).
#[test]
fn the_originals_tetris_paints_its_field_on_the_tty_window() {
    let (vm, out) = bare_vm();
    let vm = Arc::new(vm);
    load_original(&vm, "ru.dz.phantom.tetris", &["utilites", "io", "playingfield", "figure", "mainmodule"]);
    load_source(&vm, "imagesmanager.ph", ORIGINAL_TETRIS);
    load_source_importing(&vm, "launch.ph", ORIGINAL_TETRIS_LAUNCHER, &[ORIGINAL.into()]);
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let game = start_game(&vm, ".t.launch", &out);
    wait_for(&out, "field painted");
    // Grey 20-pixel tiles from the bottom-left corner of the 400x300 tty window: ten across,
    // and as many of the twenty rows as fit.
    let id = screen.only_window();
    let grey = [128, 128, 128, 255];
    for (x, y) in [(10, 290), (190, 290), (10, 10), (190, 10), (100, 150)] {
        assert_eq!(screen.pixel(id, x, y), grey, "({x},{y})");
    }
    assert_ne!(screen.pixel(id, 210, 290), grey, "right of the field");
    wait_for(&out, "stopped: o2i of null");
    game.join().unwrap();
}

const ORIGINAL_TOOLKIT_LAUNCHER: &str = r#"
package .t;
class toolkit
{
    void run(var boot) [8]
    {
        var tty : .internal.io.tty;
        var root;
        tty = new .internal.io.tty();
        root = new .ru.dz.windows.root();
        // init(console, boot), then test(), by the original's ordinals.
        root.16(tty, boot);
        root.18();
        boot.consolePrint("toolkit done\n");
    }
};
"#;

/// The original's `ru.dz.windows` toolkit (its class files, unchanged) writes through the tty.
#[test]
fn the_originals_window_toolkit_runs_its_test() {
    let (vm, out) = bare_vm();
    load_original(&vm, "ru.dz.windows", &["base", "root", "window"]);
    load_source_importing(&vm, "toolkit.ph", ORIGINAL_TOOLKIT_LAUNCHER, &[ORIGINAL.into()]);
    vm.run_main(vm.find_class(".t.toolkit").unwrap()).unwrap();
    let text = out.text();
    assert!(text.contains("Hello on new console (root win)!") && text.contains("Pos 10,10"), "{text}");
    assert!(text.ends_with("toolkit done\n"), "{text}");
}

const SUBCLASSED: &str = r#"
package .t;
class panel extends .internal.window
{
    var label : string;
    var count : int;
    void init(var text : string) { label = text; setTitle(text); setWinSize(40, 20); }
    void paint() { setFg(0xFF00FF00); fillBox(0, 0, 40, 20); count = count + 1; }
    string state() { return label + " " + count; }
};
class wide extends .t.panel
{
    var extra : int;
    void more() { extra = 7; paint(); }
    int getExtra() { return extra; }
};
class main
{
    void run(var boot) [8]
    {
        var p : .t.wide;
        var e : .internal.ui.event;
        p = new .t.wide();
        p.init("panel");
        p.more();
        boot.consolePrint(p.state() + " " + p.getExtra() + " " + p.getXSize() + "\n");
        e = p.nextEvent(-1);
        boot.consolePrint("key " + e.code() + "\n");
    }
};
"#;

/// A class extending window (here through another) is a window: the window's methods work
/// on its instances, which keep their own fields beside the window's state.
#[test]
fn classes_that_extend_window_draw_and_take_events() {
    let (vm, out) = vm_with(SUBCLASSED);
    let screen = Arc::new(Recorder::default());
    vm.attach_screen(screen.clone()).unwrap();
    let class = vm.find_class(".t.main").unwrap();
    std::thread::scope(|s| {
        let run = s.spawn(|| vm.run_main(class));
        wait_for(&out, "panel 1 7 40\n");
        let id = screen.only_window();
        assert_eq!(screen.windows.lock().unwrap()[&id].title, "panel");
        assert_eq!(screen.pixel(id, 20, 10), [0, 255, 0, 255]);
        vm.window_input(id, key(65, "a")).unwrap();
        wait_for(&out, "key 65\n");
        run.join().unwrap().unwrap();
    });
}
