//! The screen page, the inspector's HTML and JSON, and the BMP writer.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::http::{percent_encode, Response};
use crate::server::TOKEN_COOKIE;
use crate::{timeline_svg, ClassView, Inspect, ObjectView, SnapshotView, ThreadView, ValueView};

const SCREEN_PAGE: &str = include_str!("screen.html");

/// Answers every GET route but `/ws`; the token was checked already.
pub fn route(path: &str, token: &str, screen: (u32, u32), inspect: &dyn Inspect) -> Response {
    let links = Links { token };
    match path {
        "/" => {
            let page =
                SCREEN_PAGE.replace("__WIDTH__", &screen.0.to_string()).replace("__HEIGHT__", &screen.1.to_string());
            Response::html(page)
                .with_header("Set-Cookie", format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"))
        }
        "/inspect" | "/inspect/" => Response::html(index_page(&links, inspect.root())),
        "/inspect/threads" => Response::html(threads_page(&links, &inspect.threads())),
        "/inspect/classes" => Response::html(classes_page(&links, &inspect.classes())),
        "/inspect/timeline" => Response::html(timeline_page(&links, &inspect.snapshots())),
        "/api/threads" => Response::json(200, &Value::Array(inspect.threads().iter().map(thread_json).collect())),
        "/api/classes" => Response::json(200, &Value::Array(inspect.classes().iter().map(class_json).collect())),
        "/api/snapshots" => Response::json(200, &Value::Array(inspect.snapshots().iter().map(snapshot_json).collect())),
        _ => {
            if let Some(id) = path.strip_prefix("/inspect/object/").and_then(parse_id) {
                match inspect.object(id) {
                    Some(object) => Response::html(object_page(&links, &object)),
                    None => Response::new(404, "text/html; charset=utf-8", missing_page(&links, id)),
                }
            } else if let Some(id) =
                path.strip_prefix("/inspect/image/").and_then(|rest| rest.strip_suffix(".bmp")).and_then(parse_id)
            {
                match inspect.object(id).and_then(|object| object.image) {
                    Some((width, height, rgba)) => match bmp(width, height, &rgba) {
                        Some(file) => Response::new(200, "image/bmp", file),
                        None => Response::text(500, "the object's image has the wrong number of bytes for its size"),
                    },
                    None => Response::text(404, "no such object, or it has no image"),
                }
            } else if let Some(id) = path.strip_prefix("/api/object/").and_then(parse_id) {
                match inspect.object(id) {
                    Some(object) => Response::json(200, &object_json(&object)),
                    None => Response::json(404, &json!({ "error": format!("no object {id}") })),
                }
            } else {
                Response::text(404, "no such page")
            }
        }
    }
}

fn parse_id(text: &str) -> Option<u64> {
    // Digits only: u64's parser would also take a leading '+'.
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Escapes text for HTML element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Inspector links, each carrying the token.
struct Links<'a> {
    token: &'a str,
}

impl Links<'_> {
    fn href(&self, path: &str) -> String {
        escape(&format!("{path}?token={}", percent_encode(self.token)))
    }

    fn object(&self, id: u64, label: &str) -> String {
        format!("<a href=\"{}\">{}</a>", self.href(&format!("/inspect/object/{id}")), escape(label))
    }

    fn value(&self, value: &ValueView) -> String {
        match value {
            ValueView::Null => "<span class=\"null\">null</span>".into(),
            ValueView::Int(number) => number.to_string(),
            ValueView::Text(text) => format!("<q>{}</q>", escape(text)),
            ValueView::Object { id, class, summary } => {
                let mut out = self.object(*id, &format!("#{id} {class}"));
                if !summary.is_empty() {
                    let _ = write!(out, " <span class=\"summary\">{}</span>", escape(summary));
                }
                out
            }
        }
    }
}

fn page(links: &Links, title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{title} - Phantom inspector</title>\n<style>\n\
         body {{ font: 14px/1.4 sans-serif; margin: 1em 2em; color: #222; }}\n\
         nav a {{ margin-right: 1em; }} table {{ border-collapse: collapse; }}\n\
         td, th {{ border: 1px solid #ccc; padding: 2px 8px; text-align: left; vertical-align: top; }}\n\
         code, pre, .frame {{ font-family: monospace; }} .null, .summary {{ color: #777; }}\n\
         img {{ image-rendering: pixelated; border: 1px solid #ccc; }}\n\
         </style></head><body>\n<nav><a href=\"{}\">index</a><a href=\"{}\">threads</a><a href=\"{}\">classes</a>\
         <a href=\"{}\">snapshots</a><a href=\"{}\">screen</a></nav>\n<h1>{title}</h1>\n{body}</body></html>\n",
        links.href("/inspect"),
        links.href("/inspect/threads"),
        links.href("/inspect/classes"),
        links.href("/inspect/timeline"),
        links.href("/"),
        title = escape(title),
    )
}

fn index_page(links: &Links, root: u64) -> String {
    let body = format!(
        "<ul>\n<li>{}: the root object, to walk the object graph from</li>\n<li><a href=\"{}\">threads</a></li>\n\
         <li><a href=\"{}\">classes</a></li>\n<li><a href=\"{}\">snapshots</a></li>\n\
         <li>JSON: <a href=\"{}\">threads</a>, <a href=\"{}\">root object</a>, <a href=\"{}\">classes</a>, \
         <a href=\"{}\">snapshots</a></li>\n</ul>\n",
        links.object(root, &format!("object #{root}")),
        links.href("/inspect/threads"),
        links.href("/inspect/classes"),
        links.href("/inspect/timeline"),
        links.href("/api/threads"),
        links.href(&format!("/api/object/{root}")),
        links.href("/api/classes"),
        links.href("/api/snapshots"),
    );
    page(links, "Phantom inspector", &body)
}

fn location(source: &Option<String>, line: Option<u32>) -> String {
    match (source, line) {
        (Some(source), Some(line)) => format!("{source}:{line}"),
        (Some(source), None) => source.clone(),
        (None, Some(line)) => format!("line {line}"),
        (None, None) => "no source".into(),
    }
}

fn threads_page(links: &Links, threads: &[ThreadView]) -> String {
    let mut body = String::new();
    if threads.is_empty() {
        body.push_str("<p>No threads.</p>\n");
    }
    for thread in threads {
        let _ = writeln!(body, "<h2 id=\"thread-{0}\">thread {0} ({1})</h2>\n<ol>", thread.id, escape(&thread.state));
        for frame in &thread.frames {
            let _ = write!(
                body,
                "<li class=\"frame\"><b>{}.{}</b> (method {}, {})<br>this: {}",
                escape(&frame.class),
                escape(&frame.method),
                frame.ordinal,
                escape(&location(&frame.source, frame.line)),
                links.value(&frame.this)
            );
            if !frame.locals.is_empty() {
                let locals: Vec<String> = frame.locals.iter().map(|value| links.value(value)).collect();
                let _ = write!(body, "<br>locals: {}", locals.join(", "));
            }
            if !frame.ints.is_empty() {
                let ints: Vec<String> = frame.ints.iter().map(i64::to_string).collect();
                let _ = write!(body, "<br>ints: {}", ints.join(" "));
            }
            body.push_str("</li>\n");
        }
        body.push_str("</ol>\n");
    }
    page(links, "Threads", &body)
}

fn object_page(links: &Links, object: &ObjectView) -> String {
    let mut body = format!(
        "<table>\n<tr><th>id</th><td>{}</td></tr>\n<tr><th>class</th><td>{}</td></tr>\n<tr><th>size</th><td>{} bytes</td></tr>\n",
        object.id,
        escape(&object.class),
        object.size_bytes
    );
    if let Some(length) = object.bytes_len {
        let _ = writeln!(body, "<tr><th>bytes</th><td>{length}</td></tr>");
    }
    body.push_str("</table>\n");
    if let Some(text) = &object.text {
        let _ = writeln!(body, "<h2>Text</h2>\n<pre>{}</pre>", escape(text));
    }
    if let Some((width, height, _)) = &object.image {
        let _ = writeln!(
            body,
            "<h2>Image</h2>\n<p>{width} x {height}</p>\n<img src=\"{}\" width=\"{width}\" height=\"{height}\" alt=\"image of object {}\">",
            links.href(&format!("/inspect/image/{}.bmp", object.id)),
            object.id
        );
    }
    body.push_str("<h2>Fields</h2>\n");
    if object.fields.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<table>\n");
        for (name, value) in &object.fields {
            let _ = writeln!(body, "<tr><th>{}</th><td>{}</td></tr>", escape(name), links.value(value));
        }
        body.push_str("</table>\n");
    }
    page(links, &format!("Object #{} {}", object.id, object.class), &body)
}

fn missing_page(links: &Links, id: u64) -> String {
    page(links, "No such object", &format!("<p>There is no object #{id}.</p>\n"))
}

fn classes_page(links: &Links, classes: &[ClassView]) -> String {
    let mut body = String::from(
        "<table>\n<tr><th>id</th><th>name</th><th>parent</th><th>internal</th><th>fields</th><th>methods</th></tr>\n",
    );
    for class in classes {
        let methods: Vec<String> =
            class.methods.iter().map(|(ordinal, name)| format!("{ordinal}: {}", escape(name))).collect();
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            class.id,
            escape(&class.name),
            escape(&class.parent),
            if class.internal { "yes" } else { "no" },
            class.fields,
            methods.join("<br>")
        );
    }
    body.push_str("</table>\n");
    page(links, "Classes", &body)
}

fn timeline_page(links: &Links, snapshots: &[SnapshotView]) -> String {
    let mut body = timeline_svg(snapshots);
    body.push_str(
        "\n<table>\n<tr><th>generation</th><th>time (unix ms)</th><th>pause (us)</th><th>pages</th><th>bytes</th><th>write (ms)</th></tr>\n",
    );
    for snapshot in snapshots {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.3}</td></tr>",
            snapshot.generation, snapshot.unix_ms, snapshot.pause_us, snapshot.pages, snapshot.bytes, snapshot.write_ms
        );
    }
    body.push_str("</table>\n");
    page(links, "Snapshots", &body)
}

fn value_json(value: &ValueView) -> Value {
    match value {
        ValueView::Null => json!({ "kind": "null" }),
        ValueView::Int(number) => json!({ "kind": "int", "value": number }),
        ValueView::Text(text) => json!({ "kind": "text", "value": text }),
        ValueView::Object { id, class, summary } => {
            json!({ "kind": "object", "id": id, "class": class, "summary": summary })
        }
    }
}

fn thread_json(thread: &ThreadView) -> Value {
    let frames: Vec<Value> = thread
        .frames
        .iter()
        .map(|frame| {
            json!({
                "class": frame.class, "method": frame.method, "ordinal": frame.ordinal,
                "source": frame.source, "line": frame.line, "this": value_json(&frame.this),
                "locals": frame.locals.iter().map(value_json).collect::<Vec<_>>(), "ints": frame.ints,
            })
        })
        .collect();
    json!({ "id": thread.id, "state": thread.state, "frames": frames })
}

fn object_json(object: &ObjectView) -> Value {
    let fields: Vec<Value> =
        object.fields.iter().map(|(name, value)| json!({ "name": name, "value": value_json(value) })).collect();
    let image = object.image.as_ref().map(|(width, height, _)| json!({ "width": width, "height": height }));
    json!({
        "id": object.id, "class": object.class, "size_bytes": object.size_bytes, "fields": fields,
        "text": object.text, "bytes_len": object.bytes_len, "image": image,
    })
}

fn class_json(class: &ClassView) -> Value {
    let methods: Vec<Value> =
        class.methods.iter().map(|(ordinal, name)| json!({ "ordinal": ordinal, "name": name })).collect();
    json!({
        "id": class.id, "name": class.name, "parent": class.parent, "internal": class.internal,
        "fields": class.fields, "methods": methods,
    })
}

fn snapshot_json(snapshot: &SnapshotView) -> Value {
    json!({
        "generation": snapshot.generation, "unix_ms": snapshot.unix_ms, "pause_us": snapshot.pause_us,
        "pages": snapshot.pages, "bytes": snapshot.bytes, "write_ms": snapshot.write_ms,
    })
}

/// A 32-bit top-down BMP with an alpha channel (BITMAPV4HEADER, BI_BITFIELDS); `None` when
/// `rgba` does not hold width*height pixels.
pub fn bmp(width: u32, height: u32, rgba: &[u8]) -> Option<Vec<u8>> {
    const FILE_HEADER: u32 = 14;
    const INFO_HEADER: u32 = 108;
    let pixel_bytes = u32::try_from(u64::from(width) * u64::from(height) * 4).ok()?;
    if rgba.len() != pixel_bytes as usize || i32::try_from(height).is_err() || i32::try_from(width).is_err() {
        return None;
    }
    let offset = FILE_HEADER + INFO_HEADER;
    let file_size = offset.checked_add(pixel_bytes)?;
    let mut out = Vec::with_capacity(file_size as usize);
    out.extend_from_slice(b"BM");
    out.extend_from_slice(&file_size.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&offset.to_le_bytes());
    out.extend_from_slice(&INFO_HEADER.to_le_bytes());
    out.extend_from_slice(&(width as i32).to_le_bytes());
    out.extend_from_slice(&(-(height as i32)).to_le_bytes()); // negative: rows top to bottom
    out.extend_from_slice(&1u16.to_le_bytes()); // planes
    out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
    out.extend_from_slice(&3u32.to_le_bytes()); // BI_BITFIELDS
    out.extend_from_slice(&pixel_bytes.to_le_bytes());
    out.extend_from_slice(&2835u32.to_le_bytes()); // 72 dpi, in pixels per metre
    out.extend_from_slice(&2835u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // palette colours
    out.extend_from_slice(&0u32.to_le_bytes()); // important colours
    for mask in [0x00FF_0000u32, 0x0000_FF00, 0x0000_00FF, 0xFF00_0000] {
        out.extend_from_slice(&mask.to_le_bytes());
    }
    out.extend_from_slice(b"BGRs"); // LCS_sRGB, stored little-endian
    out.extend_from_slice(&[0u8; 36]); // endpoints, unused for sRGB
    out.extend_from_slice(&[0u8; 12]); // gamma, unused for sRGB
    for pixel in rgba.chunks_exact(4) {
        out.extend_from_slice(&[pixel[2], pixel[1], pixel[0], pixel[3]]);
    }
    Some(out)
}

fn value_text(value: &ValueView) -> String {
    match value {
        ValueView::Null => "null".into(),
        ValueView::Int(number) => number.to_string(),
        ValueView::Text(text) => format!("{text:?}"),
        ValueView::Object { id, class, summary } if summary.is_empty() => format!("#{id} {class}"),
        ValueView::Object { id, class, summary } => format!("#{id} {class} ({summary})"),
    }
}

/// Threads as plain text: a line per thread, a line per frame under it, then `this`,
/// the locals and the integer stack, indented.
pub fn threads_text(threads: &[ThreadView]) -> String {
    let mut out = String::new();
    for thread in threads {
        let _ = writeln!(out, "thread {} ({})", thread.id, thread.state);
        for frame in &thread.frames {
            let _ = writeln!(out, "  at {}.{} ({})", frame.class, frame.method, location(&frame.source, frame.line));
            let _ = writeln!(out, "    this: {}", value_text(&frame.this));
            if !frame.locals.is_empty() {
                let locals: Vec<String> = frame.locals.iter().map(value_text).collect();
                let _ = writeln!(out, "    locals: {}", locals.join(", "));
            }
            if !frame.ints.is_empty() {
                let ints: Vec<String> = frame.ints.iter().map(i64::to_string).collect();
                let _ = writeln!(out, "    ints: {}", ints.join(" "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FrameView;

    #[test]
    fn bmp_has_the_header_and_bgra_rows() {
        let file = bmp(2, 1, &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        assert_eq!(&file[..2], b"BM");
        assert_eq!(u32::from_le_bytes(file[2..6].try_into().unwrap()) as usize, file.len());
        assert_eq!(u32::from_le_bytes(file[10..14].try_into().unwrap()), 122);
        assert_eq!(i32::from_le_bytes(file[22..26].try_into().unwrap()), -1);
        assert_eq!(&file[122..], &[3, 2, 1, 4, 7, 6, 5, 8]);
        assert_eq!(bmp(2, 2, &[0; 8]), None);
    }

    #[test]
    fn threads_text_shows_frames_and_values() {
        let threads = vec![ThreadView {
            id: 3,
            state: "running".into(),
            frames: vec![FrameView {
                class: ".foo.bar".into(),
                method: "run".into(),
                ordinal: 8,
                source: Some("foo.ph".into()),
                line: Some(12),
                this: ValueView::Object { id: 9, class: ".foo.bar".into(), summary: String::new() },
                locals: vec![ValueView::Int(1), ValueView::Text("hi".into()), ValueView::Null],
                ints: vec![4, 5],
            }],
        }];
        assert_eq!(
            threads_text(&threads),
            "thread 3 (running)\n  at .foo.bar.run (foo.ph:12)\n    this: #9 .foo.bar\n    locals: 1, \"hi\", null\n    ints: 4 5\n"
        );
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
