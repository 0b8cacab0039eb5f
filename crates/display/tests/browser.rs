//! The page in a real browser: headless Chromium through chromedriver.
//!
//! Needs Debian's `chromium` and `chromium-driver`; without them the test fails, unless
//! `PHANTOM_SKIP_BROWSER=1` is set, when it says it skipped.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use phantom_display::webdriver::{self, keys, Browser};
use phantom_display::*;

const RED: [u8; 4] = [255, 0, 0, 255];
const GREEN: [u8; 4] = [0, 255, 0, 255];
const BLUE: [u8; 4] = [0, 0, 255, 255];
/// Waits are bounded so that a broken page fails the test instead of hanging it.
const PATIENCE: Duration = Duration::from_secs(30);

fn publish_scene(display: &Display) {
    display.publish(Update::Background { width: 640, height: 480, rgba: solid(640, 480, BLUE) });
    display.publish(Update::Window { id: 7, left: 100, top: 120, width: 64, height: 48, title: "red".into() });
    display.publish(Update::Pixels { id: 7, x: 0, y: 0, width: 64, height: 48, rgba: solid(64, 48, RED) });
}

fn body_number(browser: &Browser, name: &str) -> u64 {
    let value = browser.execute(&format!("return Number(document.body.dataset.{name} || 0)"), Vec::new()).unwrap();
    value.as_u64().unwrap_or(0)
}

#[test]
fn the_page_shows_windows_sends_keys_and_reconnects() {
    if !webdriver::browser_test_runs() {
        return;
    }
    let sink = Arc::new(RecordingSink::default());
    let display = start(loopback(), Some("browsertoken"), sink.clone());
    let addr = display.local_addr();
    publish_scene(&display);

    let browser = Browser::launch(800, 600).expect("headless Chromium starts");
    browser.goto(&display.url()).unwrap();
    browser.wait_for("return Number(document.body.dataset.frames) >= 1", PATIENCE).expect("the full state is painted");
    assert_eq!(browser.execute("return document.body.dataset.connected", Vec::new()).unwrap(), "1");

    let shot = browser.screenshot().unwrap();
    shot.assert_pixel(110, 130, RED);
    shot.assert_pixel(100, 120, RED); // the client area's corner is exactly at (left, top)
    shot.assert_pixel(163, 167, RED);
    shot.assert_pixel(99, 130, BLUE);
    shot.assert_pixel(164, 130, BLUE);
    shot.assert_pixel(110, 168, BLUE);
    shot.assert_pixel(20, 20, BLUE);
    // The title bar is in the rows above, not red and not background.
    let title = shot.pixel(150, 110);
    assert!(!webdriver::near(title, RED) && !webdriver::near(title, BLUE), "title bar pixel {title:?}");

    let before = body_number(&browser, "updates");
    display.publish(Update::Pixels { id: 7, x: 0, y: 0, width: 8, height: 8, rgba: solid(8, 8, GREEN) });
    browser
        .wait_for(&format!("return Number(document.body.dataset.updates) > {before}"), PATIENCE)
        .expect("the damage is applied");
    let shot = browser.screenshot().unwrap();
    shot.assert_pixel(100, 120, GREEN);
    shot.assert_pixel(107, 127, GREEN);
    shot.assert_pixel(108, 128, RED);

    browser.press_keys(keys::ARROW_LEFT).unwrap();
    let events = sink.wait_for(2);
    assert!(
        events.contains(&Input::Key { window: 7, code: 37, text: String::new(), down: true }),
        "no ArrowLeft down for window 7 in {events:?}"
    );
    assert!(events.contains(&Input::Key { window: 7, code: 37, text: String::new(), down: false }), "{events:?}");

    browser.click_at(110, 130).unwrap();
    let mouse_down = Input::Mouse { window: 7, x: 10, y: 10, buttons: 1, kind: MouseKind::Down };
    let deadline = std::time::Instant::now() + PATIENCE;
    while !sink.events().contains(&mouse_down) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(sink.events().contains(&mouse_down), "no click at window-local (10,10) in {:?}", sink.events());

    // The VM goes away and comes back on the same address and token.
    display.stop();
    drop(display);
    browser.wait_for("return document.body.dataset.connected === '0'", PATIENCE).expect("the page sees the close");
    let display = start(addr, Some("browsertoken"), sink);
    publish_scene(&display);
    browser
        .wait_for(
            "return document.body.dataset.connected === '1' && Number(document.body.dataset.frames) >= 2",
            PATIENCE,
        )
        .expect("the page reconnects by itself");
    let shot = browser.screenshot().unwrap();
    shot.assert_pixel(100, 120, RED); // the green corner was the old VM's
    shot.assert_pixel(110, 130, RED);
    shot.assert_pixel(20, 20, BLUE);

    browser.goto(&format!("http://{addr}/inspect/threads?token=browsertoken")).unwrap();
    let source = browser.source().unwrap();
    assert!(source.contains(METHOD), "{source}");
    assert!(source.contains("app.ph:12"), "{source}");
}
