//! `--display`: a program's window in a real browser (headless Chromium through chromedriver),
//! keys reaching its handler, the same pixels after `kill -9` and `phantom boot`, the
//! inspector, and the token.
//!
//! The browser test needs Debian's `chromium` and `chromium-driver`; without them it fails,
//! unless `PHANTOM_SKIP_BROWSER=1` is set, when it says it skipped.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::*;
use phantom_display::webdriver::{self, Browser, Screenshot};

const PROGRAM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/display/keys.ph");
const TOKEN: &str = "cli-display-token";
const RED: [u8; 4] = [255, 0, 0, 255];
const BLUE: [u8; 4] = [0, 0, 255, 255];
const PATIENCE: Duration = Duration::from_secs(30);

// Where keys.ph's window lands: setWinPosition(50, 60) and setWinSize(200, 100) in the
// original's bottom-left coordinates put its top-left corner at (50, 768 - 160).
const LEFT: u32 = 50;
const TOP: u32 = 608;

/// Starts `phantom ARGS` and waits for the display's address on standard error.
fn start_with_display(args: &[&str]) -> (Running, SocketAddr) {
    let running = Running::start(args);
    let start = Instant::now();
    loop {
        let errors = running.errors();
        if let Some(at) = errors.find("display at http://") {
            let rest = &errors[at + "display at http://".len()..];
            let url = rest.lines().next().unwrap();
            assert!(url.ends_with(&format!("/?token={TOKEN}")), "{url}");
            return (running, url.split('/').next().unwrap().parse().unwrap());
        }
        assert!(start.elapsed() < PATIENCE, "no display address on stderr: {errors}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// One GET; returns the status code and the body.
fn get(addr: SocketAddr, path: &str) -> (u32, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

fn newest_generation(addr: SocketAddr) -> u64 {
    let (_, snapshots) = get(addr, &format!("/api/snapshots?token={TOKEN}"));
    let snapshots: serde_json::Value = serde_json::from_str(&snapshots).unwrap();
    snapshots.as_array().unwrap().iter().filter_map(|s| s["generation"].as_u64()).max().unwrap_or(0)
}

/// The window as keys.ph draws it after `squares` keys: red, with blue squares 10 pixels
/// wide along the bottom edge starting 10 pixels in.
fn assert_window(shot: &Screenshot, squares: u32) {
    shot.assert_pixel(LEFT + 100, TOP + 40, RED);
    shot.assert_pixel(LEFT, TOP, RED);
    shot.assert_pixel(LEFT + 199, TOP + 99, RED);
    assert!(!shot.pixel_is(LEFT - 1, TOP + 40, RED), "the window starts at x = {LEFT}");
    for n in 1..=squares {
        shot.assert_pixel(LEFT + n * 10 + 5, TOP + 95, BLUE);
    }
    shot.assert_pixel(LEFT + (squares + 1) * 10 + 5, TOP + 95, RED);
    shot.assert_pixel(LEFT + 15, TOP + 85, RED);
}

#[test]
fn the_display_needs_its_token_and_its_inspector_shows_the_program() {
    let dir = TempDir::new("display-token");
    let image = dir.path("keys.img");
    let args =
        ["run", PROGRAM, "--image", &image, "--display", "0", "--display-token", TOKEN, "--snapshot-interval", "50"];
    let (running, addr) = start_with_display(&args);
    assert!(addr.ip().is_loopback(), "a bare port binds to loopback: {addr}");
    running.wait_for("drawn", |lines| lines.iter().any(|l| l == "drawn"));

    for path in ["/", "/ws", "/api/threads", "/inspect/threads", "/?token=wrong", "/api/threads?token=cli"] {
        assert_eq!(get(addr, path).0, 403, "{path} without the token");
    }
    let (status, page) = get(addr, &format!("/?token={TOKEN}"));
    assert_eq!(status, 200);
    assert!(page.contains("<canvas"), "{page}");

    // The main thread waits in nextEvent, on line 22 of keys.ph, with its window in a local.
    let (status, threads) = get(addr, &format!("/api/threads?token={TOKEN}"));
    assert_eq!(status, 200);
    let threads: serde_json::Value = serde_json::from_str(&threads).unwrap();
    let frame = &threads[0]["frames"][0];
    assert_eq!(
        (frame["class"].as_str(), frame["method"].as_str(), frame["line"].as_u64()),
        (Some(".t.keys"), Some("run"), Some(22)),
        "{threads}"
    );
    let window = frame["locals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["class"] == ".internal.window")
        .expect("the window local");
    let id = window["id"].as_u64().unwrap();
    let (status, object) = get(addr, &format!("/api/object/{id}?token={TOKEN}"));
    assert_eq!(status, 200, "{object}");
    let object: serde_json::Value = serde_json::from_str(&object).unwrap();
    assert_eq!(object["class"], ".internal.window", "{object}");
    let (status, bmp) = get(addr, &format!("/inspect/image/{id}.bmp?token={TOKEN}"));
    assert_eq!(status, 200);
    assert!(bmp.starts_with("BM"), "the window's pixels as a bitmap");
    // Any offset at all, a live object's inside included: an answer or "not found", and the
    // server goes on.
    for probe in (0..4096u64).map(|k| k * 8).chain([id + 8, id + 16, u64::MAX - 7, 1 << 40]) {
        let (status, _) = get(addr, &format!("/api/object/{probe}?token={TOKEN}"));
        assert!(status == 200 || status == 404, "object {probe}: {status}");
        let (status, _) = get(addr, &format!("/inspect/image/{probe}.bmp?token={TOKEN}"));
        assert!(status == 200 || status == 404, "image {probe}: {status}");
    }
    let (status, html) = get(addr, &format!("/inspect/threads?token={TOKEN}"));
    assert_eq!(status, 200);
    assert!(html.contains(".t.keys") && html.contains("line 22"), "{html}");

    // Snapshots are listed with their pause and write-out.
    let (_, snapshots) = get(addr, &format!("/api/snapshots?token={TOKEN}"));
    let snapshots: serde_json::Value = serde_json::from_str(&snapshots).unwrap();
    let newest = snapshots.as_array().unwrap().last().expect("a snapshot").clone();
    assert!(newest["pause_us"].as_u64().unwrap() > 0 && newest["write_ms"].as_f64().unwrap() > 0.0, "{snapshots}");

    // From the command line, once it is gone: the same thread, and the timeline. Snapshot 2
    // is the one the program's commit() waited for; a later one has it in nextEvent.
    let start = Instant::now();
    while newest_generation(addr) < 4 {
        assert!(start.elapsed() < PATIENCE, "no snapshots after the first");
        std::thread::sleep(Duration::from_millis(10));
    }
    running.kill();
    let svg = dir.path("timeline.svg");
    let out = phantom(&["inspect", &image, "--svg", &svg]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("at .t.keys.run (line 22)"), "{text}");
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("pause"), "{svg}");
}

#[test]
fn a_programs_window_shows_in_the_browser_takes_keys_and_comes_back_after_kill() {
    if !webdriver::browser_test_runs() {
        return;
    }
    let dir = TempDir::new("display-browser");
    let image = dir.path("keys.img");
    let args = ["run", PROGRAM, "--image", &image, "--display", "127.0.0.1:0", "--display-token", TOKEN];
    let (running, addr) = start_with_display(&args);
    running.wait_for("drawn", |lines| lines.iter().any(|l| l == "drawn"));

    let browser = Browser::launch(1100, 850).expect("headless Chromium starts");
    let url = format!("http://{addr}/?token={TOKEN}");
    browser.goto(&url).unwrap();
    browser.wait_for("return Number(document.body.dataset.frames) >= 1", PATIENCE).expect("the screen is painted");
    assert_window(&browser.screenshot().unwrap(), 0);

    // A key reaches the program, which paints a square and commits it.
    browser.press_keys("a").unwrap();
    running.wait_for("the first key", |lines| lines.iter().any(|l| l == "key 65 square 1"));
    browser
        .wait_for(
            &format!(
                "return (function(){{ const c = document.querySelector('canvas').getContext('2d'); \
                 const p = c.getImageData({}, {}, 1, 1).data; return p[2] > 200 && p[0] < 50; }})()",
                LEFT + 15,
                TOP + 95
            ),
            PATIENCE,
        )
        .expect("the square is painted");
    assert_window(&browser.screenshot().unwrap(), 1);

    // kill -9, then boot on the same address: the page reconnects by itself and shows the
    // window as it was, which the program, waiting for its next key, does not draw again.
    running.kill();
    browser.wait_for("return document.body.dataset.connected === '0'", PATIENCE).expect("the page sees the end");
    let address = addr.to_string();
    let (booted, again) =
        start_with_display(&["boot", "--image", &image, "--display", &address, "--display-token", TOKEN]);
    assert_eq!(again, addr);
    browser
        .wait_for(
            "return document.body.dataset.connected === '1' && Number(document.body.dataset.frames) >= 2",
            PATIENCE,
        )
        .expect("the page reconnects by itself");
    assert_window(&browser.screenshot().unwrap(), 1);
    // The newest snapshot may be the one the key's commit() waited for: the boot then returns
    // from that commit and prints its line, but nothing before it (the drawing) runs again.
    let lines = booted.lines();
    assert!(lines.iter().all(|l| l == "key 65 square 1"), "the program drew nothing again: {lines:?}");

    // And it carries on taking keys.
    browser.press_keys("b").unwrap();
    booted.wait_for("a key after the boot", |lines| lines.iter().any(|l| l == "key 66 square 2"));

    // The inspector shows the thread waiting for its next key.
    browser.goto(&format!("http://{addr}/inspect/threads?token={TOKEN}")).unwrap();
    let source = browser.source().unwrap();
    assert!(source.contains(".t.keys.run") || (source.contains(".t.keys") && source.contains("run")), "{source}");
    assert!(source.contains("line 22"), "{source}");
}
