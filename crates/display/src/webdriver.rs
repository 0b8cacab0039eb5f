//! A small WebDriver client for tests: headless Chromium through chromedriver.
//!
//! [`Browser::launch`] starts chromedriver on a free loopback port, waits until it is
//! ready and opens a session; dropping the [`Browser`] deletes the session and kills
//! chromedriver. The binaries are `/usr/bin/chromedriver` and `/usr/bin/chromium` (Debian's
//! `chromium-driver` and `chromium`), or `PHANTOM_CHROMEDRIVER` and `PHANTOM_CHROMIUM`.
//!
//! ```no_run
//! # use phantom_display::webdriver::{Browser, keys};
//! let browser = Browser::launch(800, 600)?;
//! browser.goto("http://127.0.0.1:8080/")?;
//! browser.wait_for("return document.title !== ''", std::time::Duration::from_secs(10))?;
//! browser.press_keys(keys::ARROW_LEFT)?;
//! let shot = browser.screenshot()?;
//! println!("{:?}", shot.pixel(10, 10));
//! # Ok::<(), phantom_display::webdriver::WebDriverError>(())
//! ```

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// W3C WebDriver key values, for [`Browser::press_keys`].
pub mod keys {
    pub const BACKSPACE: &str = "\u{E003}";
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const ARROW_DOWN: &str = "\u{E015}";
}

/// What went wrong, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebDriverError(pub String);

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebDriverError {}

pub type Result<T> = std::result::Result<T, WebDriverError>;

fn error(text: impl Into<String>) -> WebDriverError {
    WebDriverError(text.into())
}

const ELEMENT_KEY: &str = "element-6066-11e4-a52f-4a6a4a4a4a4a";

/// The chromedriver and Chromium binaries to use.
pub fn binaries() -> (PathBuf, PathBuf) {
    let from_env =
        |name: &str, default: &str| std::env::var_os(name).map(PathBuf::from).unwrap_or_else(|| default.into());
    (from_env("PHANTOM_CHROMEDRIVER", "/usr/bin/chromedriver"), from_env("PHANTOM_CHROMIUM", "/usr/bin/chromium"))
}

/// `Err` with the reason when chromedriver or Chromium is missing.
pub fn available() -> Result<()> {
    let (driver, browser) = binaries();
    for (path, package) in [(&driver, "chromium-driver"), (&browser, "chromium")] {
        if !path.is_file() {
            return Err(error(format!("{} is missing (Debian package {package})", path.display())));
        }
    }
    Ok(())
}

/// For a browser test: whether to run it. Without Chromium or chromedriver it panics with the
/// reason, unless `PHANTOM_SKIP_BROWSER=1` is set, when it says it skipped and answers false.
pub fn browser_test_runs() -> bool {
    let Err(missing) = available() else { return true };
    if std::env::var("PHANTOM_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipped the browser test (PHANTOM_SKIP_BROWSER=1): {missing}");
        return false;
    }
    panic!("the browser test needs Chromium and chromedriver: {missing} (set PHANTOM_SKIP_BROWSER=1 to skip)");
}

/// A screenshot, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screenshot {
    pub width: u32,
    pub height: u32,
    /// Rows top to bottom.
    pub rgba: Vec<u8>,
}

impl Screenshot {
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = (y as usize * self.width as usize + x as usize) * 4;
        self.rgba.get(at..at + 4).and_then(|bytes| bytes.try_into().ok())
    }

    /// Whether the pixel at (x, y) is `expected`, give or take 3 in each channel (what the
    /// browser's colour handling may shift).
    pub fn pixel_is(&self, x: u32, y: u32, expected: [u8; 4]) -> bool {
        near(self.pixel(x, y), expected)
    }

    /// Panics, naming the pixel, unless [`Screenshot::pixel_is`].
    pub fn assert_pixel(&self, x: u32, y: u32, expected: [u8; 4]) {
        let pixel = self.pixel(x, y);
        assert!(
            near(pixel, expected),
            "pixel ({x},{y}) is {pixel:?}, not {expected:?} (the screenshot is {} x {})",
            self.width,
            self.height
        );
    }
}

/// `pixel` is `expected`, give or take 3 in each channel.
pub fn near(pixel: Option<[u8; 4]>, expected: [u8; 4]) -> bool {
    pixel.is_some_and(|pixel| pixel.iter().zip(expected).all(|(&got, want)| got.abs_diff(want) <= 3))
}

/// An element found on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

/// A chromedriver process with one session.
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Browser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Browser").field("base", &self.base).field("session", &self.session).finish_non_exhaustive()
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| error(format!("no free loopback port: {e}")))?;
    listener.local_addr().map(|addr| addr.port()).map_err(|e| error(e.to_string()))
}

impl Browser {
    /// Headless Chromium with a window of `width` x `height` CSS pixels at scale 1.
    pub fn launch(width: u32, height: u32) -> Result<Browser> {
        available()?;
        let (driver_path, browser_path) = binaries();
        let port = free_port()?;
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| error(format!("cannot start {}: {e}", driver_path.display())))?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let mut browser = Browser { driver, base: format!("http://127.0.0.1:{port}"), session: String::new(), agent };
        browser.wait_until_ready(Duration::from_secs(30))?;
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": browser_path.to_string_lossy(),
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--force-device-scale-factor=1", format!("--window-size={width},{height}"),
                    ],
                },
            }},
        });
        let created = browser.request("POST", "/session", Some(capabilities))?;
        browser.session = created
            .get("sessionId")
            .and_then(Value::as_str)
            .ok_or_else(|| error(format!("no session id in {created}")))?
            .to_string();
        // Newer headless Chromium (156.0.8078.114) counts a window's frame in --window-size:
        // grow the window until the page itself is the size asked for.
        let viewport = browser.execute("return [window.innerWidth, window.innerHeight];", Vec::new())?;
        let inner = |k: usize| viewport.get(k).and_then(Value::as_u64).unwrap_or(0) as u32;
        if (inner(0), inner(1)) != (width, height) {
            let rect = json!({ "width": 2 * width - inner(0).min(width), "height": 2 * height - inner(1).min(height) });
            browser.session_request("POST", "/window/rect", Some(rect))?;
        }
        Ok(browser)
    }

    fn wait_until_ready(&mut self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.driver.try_wait() {
                return Err(error(format!("chromedriver exited at start: {status}")));
            }
            if let Ok(value) = self.request("GET", "/status", None) {
                if value.get("ready").and_then(Value::as_bool) == Some(true) {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err(error("chromedriver did not become ready"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// One WebDriver command; answers its `value`, or the driver's error as an `Err`.
    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{path}", self.base);
        let sent = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self.agent.post(&url).send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = sent.map_err(|e| error(format!("{method} {path}: {e}")))?;
        let status = response.status().as_u16();
        let answer: Value = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_json()
            .map_err(|e| error(format!("{method} {path}: unreadable answer: {e}")))?;
        let value = answer.get("value").cloned().unwrap_or(Value::Null);
        if status >= 400 || value.get("error").is_some_and(Value::is_string) {
            let kind = value.get("error").and_then(Value::as_str).unwrap_or("error");
            let message = value.get("message").and_then(Value::as_str).unwrap_or("");
            return Err(error(format!("{method} {path}: {status} {kind}: {message}")));
        }
        Ok(value)
    }

    fn session_request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.request(method, &format!("/session/{}{path}", self.session), body)
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.session_request("POST", "/url", Some(json!({ "url": url }))).map(drop)
    }

    /// Runs `script` as a function body (use `return`), with `arguments` bound to `args`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.session_request("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// Runs `script` until it returns something truthy, and answers that; `Err` at the timeout.
    pub fn wait_for(&self, script: &str, timeout: Duration) -> Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.execute(script, Vec::new())?;
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(flag) => *flag,
                Value::Number(number) => number.as_f64() != Some(0.0),
                Value::String(text) => !text.is_empty(),
                _ => true,
            };
            if truthy {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(error(format!("timed out waiting for: {script}")));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn find(&self, css: &str) -> Result<Element> {
        let found = self.session_request("POST", "/element", Some(json!({ "using": "css selector", "value": css })))?;
        found
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .map(|id| Element(id.to_string()))
            .ok_or_else(|| error(format!("no element for {css}")))
    }

    pub fn click(&self, element: &Element) -> Result<()> {
        self.session_request("POST", &format!("/element/{}/click", element.0), Some(json!({}))).map(drop)
    }

    /// Types into an element.
    pub fn send_keys(&self, element: &Element, text: &str) -> Result<()> {
        self.session_request("POST", &format!("/element/{}/value", element.0), Some(json!({ "text": text }))).map(drop)
    }

    /// Presses and releases each key of `keys` in turn, on the active element (see [`keys`]).
    pub fn press_keys(&self, keys: &str) -> Result<()> {
        let mut actions = Vec::new();
        for key in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": key.to_string() }));
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.session_request("POST", "/actions", Some(body)).map(drop)
    }

    /// Moves the mouse to page (x, y) and clicks the left button there.
    pub fn click_at(&self, x: i32, y: i32) -> Result<()> {
        let body = json!({ "actions": [{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [
                { "type": "pointerMove", "x": x, "y": y, "origin": "viewport", "duration": 0 },
                { "type": "pointerDown", "button": 0 },
                { "type": "pointerUp", "button": 0 },
            ],
        }]});
        self.session_request("POST", "/actions", Some(body)).map(drop)
    }

    pub fn source(&self) -> Result<String> {
        let value = self.session_request("GET", "/source", None)?;
        value.as_str().map(str::to_owned).ok_or_else(|| error("the page source is not text"))
    }

    pub fn screenshot(&self) -> Result<Screenshot> {
        let value = self.session_request("GET", "/screenshot", None)?;
        let encoded = value.as_str().ok_or_else(|| error("the screenshot is not text"))?;
        decode_png(&decode_base64(encoded)?)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.session_request("DELETE", "", None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 with padding; whitespace is skipped.
pub fn decode_base64(text: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut bits = 0u32;
    let mut count = 0;
    for byte in text.bytes() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return Err(error(format!("not base64: byte {byte}"))),
        };
        bits = (bits << 6) | u32::from(sextet);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            bits = 0;
            count = 0;
        }
    }
    match count {
        0 => {}
        2 => out.push((bits >> 4) as u8),
        3 => out.extend_from_slice(&[(bits >> 10) as u8, (bits >> 2) as u8]),
        _ => return Err(error("truncated base64")),
    }
    Ok(out)
}

/// Any PNG, as 8-bit RGBA.
pub fn decode_png(bytes: &[u8]) -> Result<Screenshot> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| error(format!("bad PNG: {e}")))?;
    let size = reader.output_buffer_size().ok_or_else(|| error("PNG too large"))?;
    let mut buffer = vec![0; size];
    let info = reader.next_frame(&mut buffer).map_err(|e| error(format!("bad PNG: {e}")))?;
    buffer.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buffer,
        png::ColorType::Rgb => buffer.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::Grayscale => buffer.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => buffer.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Indexed => return Err(error("indexed PNG left unexpanded")),
    };
    Ok(Screenshot { width: info.width, height: info.height, rgba })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert!(decode_base64("a*b").is_err());
        assert!(decode_base64("a").is_err());
    }

    #[test]
    fn png_round_trips_through_the_decoder() {
        let mut file = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut file, 2, 1);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&[255, 0, 0, 0, 255, 0]).unwrap();
        }
        let shot = decode_png(&file).unwrap();
        assert_eq!((shot.width, shot.height), (2, 1));
        assert_eq!(shot.pixel(0, 0), Some([255, 0, 0, 255]));
        assert_eq!(shot.pixel(1, 0), Some([0, 255, 0, 255]));
        assert_eq!(shot.pixel(2, 0), None);
    }
}
