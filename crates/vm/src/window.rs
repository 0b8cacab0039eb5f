//! Windows (`.internal.window`), the console's tty windows (`.internal.io.tty`), bitmaps,
//! the screen background and input events. Everything a window shows is in the heap: its
//! pixels are a binary, its size, place, colours, title and handler are slots, so a window
//! comes back after a restart exactly as it was, without its program drawing it again.
//!
//! Coordinates are the original's: the origin is a window's (or the screen's) bottom-left
//! corner and y grows upwards. Pixels are stored top row first, RGBA. When a screen sink is
//! attached (`screen`), what a drawing changes is sent to it (at once, or at `update()` for
//! a window that does not update automatically); without one nothing is sent or tracked.

use std::time::Duration;

use crate::args::{arg, bytes_of, can_park, int_arg, object_of, text_of};
use crate::array::{array_get_at, array_len, array_set_at, new_array};
use crate::class::ids;
use crate::cx::Cx;
use crate::heap::Kind;
use crate::raster::{color, decode_pnm, glyph, Image, Patch, Rect, GLYPH_HEIGHT, GLYPH_WIDTH};
use crate::sched::Park;
use crate::screen::{WindowEvent, SCREEN_HEIGHT};
use crate::system::{BACKGROUND, WINDOWS};
use crate::thread::{Result, Thread, Trap};
use crate::value::Value;

// Slots of a window or tty object.
const PIXELS: u64 = 0;
const WIDTH: u64 = 1;
const HEIGHT: u64 = 2;
const X: u64 = 3;
const Y: u64 = 4;
const FG: u64 = 5;
const BG: u64 = 6;
const TITLE: u64 = 7;
const HANDLER: u64 = 8;
const AUTO_UPDATE: u64 = 9;
/// The tty's text position: the top-left of the next character's cell, in pixels from the
/// window's top-left.
const CURSOR_X: u64 = 10;
const CURSOR_Y: u64 = 11;
const CLOSED: u64 = 12;
pub(crate) const WINDOW_SLOTS: u64 = 13;

// Slots of a bitmap.
const BITMAP_PIXELS: u64 = 0;
const BITMAP_WIDTH: u64 = 1;
const BITMAP_HEIGHT: u64 = 2;
pub(crate) const BITMAP_SLOTS: u64 = 3;

// Slots of an event.
const EVENT_KIND: u64 = 0;
const EVENT_CODE: u64 = 1;
const EVENT_TEXT: u64 = 2;
const EVENT_X: u64 = 3;
const EVENT_Y: u64 = 4;
const EVENT_BUTTONS: u64 = 5;
const EVENT_WINDOW: u64 = 6;
const EVENT_SLOTS: u64 = 7;

/// The original's defaults: a new window is 400 x 300 at (100, 100), black on white.
const DEFAULT_WIDTH: i32 = 400;
const DEFAULT_HEIGHT: i32 = 300;
const DEFAULT_POSITION: i32 = 100;
const BLACK: i32 = 0xFF00_0000_u32 as i32;
const WHITE: i32 = 0xFFFF_FFFF_u32 as i32;
/// The largest window side, in pixels.
const MAX_SIDE: i32 = 4096;
/// A title longer than the original's buffer is cut there.
const MAX_TITLE: usize = 128;
/// Characters one `drawString` or `putws` draws at most.
const MAX_TEXT: usize = 4096;
const EINVAL: i32 = 22;

fn slot_int(cx: &Cx, obj: u64, slot: u64) -> Result<i32> {
    Ok(cx.heap.slot(obj, slot)?.as_int().unwrap_or(0))
}

fn set_int(cx: &Cx, obj: u64, slot: u64, v: i32) -> Result<()> {
    Ok(cx.heap.set_slot(obj, slot, Value::int(v))?)
}

/// A new window, or a tty whose window is made on first use (most ttys are only the console).
pub(crate) fn new_window(cx: &Cx, class: crate::heap::ClassId) -> Result<Value> {
    let w = cx.heap.alloc(class, Kind::Slots, WINDOW_SLOTS, WINDOW_SLOTS)?;
    let o = w.0;
    for (slot, v) in [
        (WIDTH, DEFAULT_WIDTH),
        (HEIGHT, DEFAULT_HEIGHT),
        (X, DEFAULT_POSITION),
        (Y, DEFAULT_POSITION),
        (FG, BLACK),
        (BG, WHITE),
        (AUTO_UPDATE, 1),
        (CURSOR_X, 0),
        (CURSOR_Y, 0),
        (CLOSED, 0),
    ] {
        set_int(cx, o, slot, v)?;
    }
    let title = if class == ids::TTY { "tty" } else { "Window" };
    cx.heap.set_slot(o, TITLE, cx.new_string(title.as_bytes())?)?;
    if class != ids::TTY {
        materialize(cx, o)?;
    }
    Ok(w)
}

/// A window's surface: its object and pixel binary, and its size.
struct Win {
    obj: u64,
    pixels: u64,
    w: i32,
    h: i32,
}

impl Win {
    /// The original's rectangle (bottom-left corner, y up) in top-left coordinates.
    fn flip(&self, x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect::new(x, self.h.saturating_sub(y).saturating_sub(h), w, h)
    }

    fn point(&self, x: i32, y: i32) -> (i32, i32) {
        (x, self.h.saturating_sub(1).saturating_sub(y))
    }
}

fn is_window_class(cx: &Cx, obj: u64) -> Result<bool> {
    let class = cx.heap.class_of(obj)?;
    Ok(class == ids::WINDOW || class == ids::TTY)
}

/// Gives a tty its pixels and a place on the screen (a window has them from the start).
fn materialize(cx: &Cx, o: u64) -> Result<u64> {
    let pixels = cx.heap.slot(o, PIXELS)?;
    if let Some(p) = pixels.object() {
        return Ok(p);
    }
    let (w, h) = (slot_int(cx, o, WIDTH)?, slot_int(cx, o, HEIGHT)?);
    let bg = color(slot_int(cx, o, BG)?);
    let binary = cx.heap.alloc_bytes(ids::BINARY, &bg.repeat((w * h) as usize))?;
    cx.heap.set_slot(o, PIXELS, binary)?;
    register(cx, Value::from_ref(o))?;
    publish_window(cx, o)?;
    publish_all_pixels(cx, o)?;
    Ok(binary.0)
}

/// Adds a window to the system's list, which keeps it (and its place in the stacking order).
fn register(cx: &Cx, window: Value) -> Result<()> {
    let Ok(mut list) = cx.root_slot(WINDOWS) else { return Ok(()) };
    if list.is_null() {
        list = new_array(cx)?;
        cx.set_root_slot(WINDOWS, list)?;
    }
    let n = array_len(cx, list)?;
    array_set_at(cx, &mut Thread::default(), list, window, n as i32)
}

/// The window or tty object that holds `v`'s window state: `v` itself, or for an instance
/// of a class extending window or tty, the one in its slot after its fields.
fn own_state(cx: &Cx, v: Value) -> Result<Option<u64>> {
    let Some(o) = v.object() else { return Ok(None) };
    if is_window_class(cx, o)? {
        return Ok(Some(o));
    }
    let class = cx.class(cx.heap.class_of(o)?);
    if class.peer.is_none() || cx.heap.len(o)? <= u64::from(class.field_slots) {
        return Ok(None);
    }
    Ok(cx.heap.slot(o, u64::from(class.field_slots))?.object())
}

/// The surface of a window or tty argument; a tty becomes a window here.
fn surface(cx: &Cx, v: Value) -> Result<Win> {
    let obj = match own_state(cx, v)? {
        Some(o) if is_window_class(cx, o)? && cx.heap.len(o)? >= WINDOW_SLOTS => o,
        _ => return Err(cx.throw_str(&format!("{} is not a window", cx.describe(v)))),
    };
    let pixels = materialize(cx, obj)?;
    Ok(Win { obj, pixels, w: slot_int(cx, obj, WIDTH)?, h: slot_int(cx, obj, HEIGHT)? })
}

/// The tty's window if it has one (a tty of an image made before windows has no slots).
fn tty_window(cx: &Cx, v: Value) -> Result<Option<Win>> {
    let Some(obj) = own_state(cx, v)? else { return Ok(None) };
    if cx.heap.len(obj)? < WINDOW_SLOTS || cx.heap.slot(obj, PIXELS)?.is_null() {
        return Ok(None);
    }
    surface(cx, v).map(Some)
}

fn read_patch(cx: &Cx, win: &Win, r: Rect) -> Result<Patch> {
    let row = (r.w * 4) as u64;
    if r.w == win.w {
        let from = (r.y * win.w * 4) as u64;
        let rgba = cx.heap.bytes_range(win.pixels, from, from + row * r.h as u64)?;
        return Ok(Patch { rect: r, rgba });
    }
    let mut rgba = Vec::with_capacity((r.w * r.h * 4) as usize);
    for y in r.y..r.y + r.h {
        let from = ((y * win.w + r.x) * 4) as u64;
        rgba.extend_from_slice(&cx.heap.bytes_range(win.pixels, from, from + row)?);
    }
    Ok(Patch { rect: r, rgba })
}

fn write_patch(cx: &Cx, win: &Win, p: &Patch) -> Result<()> {
    let r = p.rect;
    if r.w == win.w {
        cx.heap.write_bytes(win.pixels, (r.y * win.w * 4) as u64, &p.rgba)?;
    } else {
        let row = (r.w * 4) as usize;
        for (k, y) in (r.y..r.y + r.h).enumerate() {
            cx.heap.write_bytes(win.pixels, ((y * win.w + r.x) * 4) as u64, &p.rgba[k * row..(k + 1) * row])?;
        }
    }
    Ok(())
}

/// Draws into the part of a window `area` covers: reads it, lets `draw` change it, writes it
/// back and shows it.
fn draw(cx: &Cx, win: &Win, area: Rect, draw: impl FnOnce(&mut Patch)) -> Result<()> {
    let Some(r) = area.clip(win.w, win.h) else { return Ok(()) };
    let mut patch = read_patch(cx, win, r)?;
    draw(&mut patch);
    write_patch(cx, win, &patch)?;
    show(cx, win, patch)
}

/// Sends changed pixels to the screen, now or at `update()`.
fn show(cx: &Cx, win: &Win, patch: Patch) -> Result<()> {
    let screen = &cx.outside.screen;
    let Some(sink) = screen.sink() else { return Ok(()) };
    if !screen.is_open(win.obj) {
        return Ok(());
    }
    let r = patch.rect;
    if slot_int(cx, win.obj, AUTO_UPDATE)? != 0 {
        sink.pixels(win.obj, r.x as u32, r.y as u32, r.w as u32, r.h as u32, patch.rgba);
    } else {
        screen.add_damage(win.obj, r.x as u32, r.y as u32, r.w as u32, r.h as u32);
    }
    Ok(())
}

fn publish_window(cx: &Cx, o: u64) -> Result<()> {
    let screen = &cx.outside.screen;
    let Some(sink) = screen.sink() else { return Ok(()) };
    if slot_int(cx, o, CLOSED)? != 0 {
        return Ok(());
    }
    let (w, h) = (slot_int(cx, o, WIDTH)?, slot_int(cx, o, HEIGHT)?);
    let (x, y) = (slot_int(cx, o, X)?, slot_int(cx, o, Y)?);
    let title = cx.string_bytes(cx.heap.slot(o, TITLE)?)?.unwrap_or_default();
    let top = SCREEN_HEIGHT as i32 - y.saturating_add(h);
    screen.opened(o);
    sink.window(o, x, top, w as u32, h as u32, &String::from_utf8_lossy(&title));
    Ok(())
}

fn publish_all_pixels(cx: &Cx, o: u64) -> Result<()> {
    let Some(sink) = cx.outside.screen.sink() else { return Ok(()) };
    let Some(pixels) = cx.heap.slot(o, PIXELS)?.object() else { return Ok(()) };
    let (w, h) = (slot_int(cx, o, WIDTH)?, slot_int(cx, o, HEIGHT)?);
    sink.pixels(o, 0, 0, w as u32, h as u32, cx.heap.bytes(pixels)?);
    Ok(())
}

/// Sends the whole screen (background, then every open window with all its pixels) to a
/// sink just attached: after a restart the windows come back as they were.
pub(crate) fn publish_screen(cx: &Cx) -> Result<()> {
    let Some(sink) = cx.outside.screen.sink() else { return Ok(()) };
    if let Ok(bg) = cx.root_slot(BACKGROUND) {
        if let Some(image) = bitmap_image(cx, bg)? {
            sink.background(image.width as u32, image.height as u32, image.rgba);
        }
    }
    let Ok(list) = cx.root_slot(WINDOWS) else { return Ok(()) };
    if list.is_null() {
        return Ok(());
    }
    for k in 0..array_len(cx, list)? {
        let Some(o) = array_get_at(cx, list, k as i32)?.object() else { continue };
        if cx.heap.slot(o, PIXELS)?.is_null() {
            continue;
        }
        publish_window(cx, o)?;
        publish_all_pixels(cx, o)?;
    }
    Ok(())
}

pub(crate) fn window_to_string(cx: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    cx.new_string(b"(window)")
}

pub(crate) fn window_x_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(surface(cx, this)?.w))
}

pub(crate) fn window_y_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(surface(cx, this)?.h))
}

pub(crate) fn window_x(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(slot_int(cx, surface(cx, this)?.obj, X)?))
}

pub(crate) fn window_y(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(slot_int(cx, surface(cx, this)?.obj, Y)?))
}

/// Paints `area` (inside the window) one colour: every pixel is replaced, so nothing is read.
fn paint_filled(cx: &Cx, win: &Win, area: Rect, rgba: [u8; 4]) -> Result<()> {
    let patch = Patch::filled(area, rgba);
    write_patch(cx, win, &patch)?;
    show(cx, win, patch)
}

fn fill_all(cx: &Cx, win: &Win, argb: i32) -> Result<()> {
    paint_filled(cx, win, Rect::new(0, 0, win.w, win.h), color(argb))
}

/// clear(): the background colour everywhere, the text position back to the top left.
pub(crate) fn window_clear(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, CURSOR_X, 0)?;
    set_int(cx, win.obj, CURSOR_Y, 0)?;
    fill_all(cx, &win, slot_int(cx, win.obj, BG)?)?;
    Ok(Value::NULL)
}

pub(crate) fn window_fill(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    fill_all(cx, &win, int_arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

pub(crate) fn window_set_fg(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, FG, int_arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

pub(crate) fn window_set_bg(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, BG, int_arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

/// drawString(x, y, s): the text's first cell has its bottom-left corner at (x, y).
pub(crate) fn window_draw_string(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    let mut text = text_of(cx, arg(cx, args, 2)?)?;
    text.truncate(MAX_TEXT);
    let (fg, bg) = (color(slot_int(cx, win.obj, FG)?), color(slot_int(cx, win.obj, BG)?));
    let area = win.flip(x, y, (text.len() as i32).saturating_mul(GLYPH_WIDTH), GLYPH_HEIGHT);
    draw(cx, &win, area, |p| {
        for (k, &ch) in text.iter().enumerate() {
            glyph(p, area.x + k as i32 * GLYPH_WIDTH, area.y, ch, fg, bg);
        }
    })?;
    Ok(Value::NULL)
}

/// The pixels of a bitmap object, if it is one that holds an image.
fn bitmap_image(cx: &Cx, v: Value) -> Result<Option<Image>> {
    let Some(o) = v.object() else { return Ok(None) };
    if cx.heap.class_of(o)? != ids::BITMAP || cx.heap.len(o)? < BITMAP_SLOTS {
        return Ok(None);
    }
    let Some(pixels) = cx.heap.slot(o, BITMAP_PIXELS)?.object() else { return Ok(None) };
    let (width, height) = (slot_int(cx, o, BITMAP_WIDTH)?, slot_int(cx, o, BITMAP_HEIGHT)?);
    Ok(Some(Image { width, height, rgba: cx.heap.bytes(pixels)? }))
}

/// The picture an object shows, for the inspector: a loaded bitmap's, or a window's (a tty
/// only once it has become one). Nothing is allocated.
pub(crate) fn image_of(cx: &Cx, o: u64) -> Result<Option<(u32, u32, Vec<u8>)>> {
    let class = cx.heap.class_of(o)?;
    let (pixels, width, height) = match class {
        ids::BITMAP if cx.heap.len(o)? >= BITMAP_SLOTS => (BITMAP_PIXELS, BITMAP_WIDTH, BITMAP_HEIGHT),
        ids::WINDOW | ids::TTY if cx.heap.len(o)? >= WINDOW_SLOTS => (PIXELS, WIDTH, HEIGHT),
        _ => return Ok(None),
    };
    let Some(pixels) = cx.heap.slot(o, pixels)?.object() else { return Ok(None) };
    let (w, h) = (slot_int(cx, o, width)?, slot_int(cx, o, height)?);
    // The offset may be stale or point into another object: read only a picture whose size
    // adds up, and none larger than a window can be.
    let plausible = (1..=MAX_SIDE).contains(&w) && (1..=MAX_SIDE).contains(&h);
    if !plausible || cx.heap.class_of(pixels)? != ids::BINARY || cx.heap.len(pixels)? != (w * h * 4) as u64 {
        return Ok(None);
    }
    Ok(Some((w as u32, h as u32, cx.heap.bytes(pixels)?)))
}

fn image_arg(cx: &Cx, v: Value) -> Result<Image> {
    bitmap_image(cx, v)?.ok_or_else(|| cx.throw_str(&format!("{} is not a loaded bitmap", cx.describe(v))))
}

/// Draws the part of an image given in the original's coordinates (its bottom-left based
/// `xstart, ystart, xsize, ysize`) with the image's bottom-left corner at (x, y).
fn draw_image_part(cx: &Cx, win: &Win, x: i32, y: i32, image: &Image, part: (i32, i32, i32, i32)) -> Result<()> {
    let (xs, ys, w, h) = part;
    let source = Rect::new(xs, image.height - ys - h, w, h);
    let area = win.flip(x.saturating_add(xs), y.saturating_add(ys), w, h);
    draw(cx, win, area, |p| p.blit(area.x, area.y, image, source))
}

pub(crate) fn window_draw_image(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    let image = image_arg(cx, arg(cx, args, 2)?)?;
    draw_image_part(cx, &win, x, y, &image, (0, 0, image.width, image.height))?;
    Ok(Value::NULL)
}

pub(crate) fn window_draw_image_part(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    let image = image_arg(cx, arg(cx, args, 2)?)?;
    let part = (int_arg(cx, args, 3)?, int_arg(cx, args, 4)?, int_arg(cx, args, 5)?, int_arg(cx, args, 6)?);
    draw_image_part(cx, &win, x, y, &image, part)?;
    Ok(Value::NULL)
}

/// setWinSize(w, h): a new surface of that size in the background colour (the original
/// left this unimplemented).
pub(crate) fn window_set_size(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (w, h) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    if !(1..=MAX_SIDE).contains(&w) || !(1..=MAX_SIDE).contains(&h) {
        return Err(cx.throw_str(&format!("setWinSize: {w} x {h} is not between 1 and {MAX_SIDE} on each side")));
    }
    let bg = color(slot_int(cx, win.obj, BG)?);
    let binary = cx.heap.alloc_bytes(ids::BINARY, &bg.repeat((w * h) as usize))?;
    cx.heap.set_slot(win.obj, PIXELS, binary)?;
    set_int(cx, win.obj, WIDTH, w)?;
    set_int(cx, win.obj, HEIGHT, h)?;
    publish_window(cx, win.obj)?;
    publish_all_pixels(cx, win.obj)?;
    Ok(Value::NULL)
}

fn move_window(cx: &Cx, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, X, int_arg(cx, args, 0)?)?;
    set_int(cx, win.obj, Y, int_arg(cx, args, 1)?)?;
    publish_window(cx, win.obj)?;
    Ok(Value::NULL)
}

pub(crate) fn window_set_position(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    move_window(cx, this, args)
}

fn four(cx: &Cx, args: &[Value]) -> Result<(i32, i32, i32, i32)> {
    Ok((int_arg(cx, args, 0)?, int_arg(cx, args, 1)?, int_arg(cx, args, 2)?, int_arg(cx, args, 3)?))
}

/// drawLine(x, y, xsize, ysize): from (x, y) to (x + xsize, y + ysize) in the foreground colour.
pub(crate) fn window_draw_line(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y, xs, ys) = four(cx, args)?;
    let fg = color(slot_int(cx, win.obj, FG)?);
    let (a, b) = (win.point(x, y), win.point(x.saturating_add(xs), y.saturating_add(ys)));
    draw(cx, &win, Rect::spanning(a.0, a.1, b.0, b.1), |p| p.line(a, b, fg))?;
    Ok(Value::NULL)
}

pub(crate) fn window_draw_box(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y, xs, ys) = four(cx, args)?;
    let fg = color(slot_int(cx, win.obj, FG)?);
    let r = win.flip(x, y, xs, ys);
    draw(cx, &win, r, |p| {
        let (x1, y1) = (r.x + r.w - 1, r.y + r.h - 1);
        p.line((r.x, r.y), (x1, r.y), fg);
        p.line((r.x, y1), (x1, y1), fg);
        p.line((r.x, r.y), (r.x, y1), fg);
        p.line((x1, r.y), (x1, y1), fg);
    })?;
    Ok(Value::NULL)
}

pub(crate) fn window_fill_box(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y, xs, ys) = four(cx, args)?;
    let fg = color(slot_int(cx, win.obj, FG)?);
    if let Some(r) = win.flip(x, y, xs, ys).clip(win.w, win.h) {
        paint_filled(cx, &win, r, fg)?;
    }
    Ok(Value::NULL)
}

pub(crate) fn window_fill_ellipse(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y, xs, ys) = four(cx, args)?;
    let fg = color(slot_int(cx, win.obj, FG)?);
    let r = win.flip(x, y, xs, ys);
    draw(cx, &win, r, |p| p.fill_ellipse(r, fg))?;
    Ok(Value::NULL)
}

/// setEventHandler(h): each input event for this window runs `h.8(event)` on a new thread.
pub(crate) fn window_set_event_handler(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    cx.heap.set_slot(win.obj, HANDLER, arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

fn set_title(cx: &Cx, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let mut title = text_of(cx, arg(cx, args, 0)?)?;
    title.truncate(MAX_TITLE);
    cx.heap.set_slot(win.obj, TITLE, cx.new_string(&title)?)?;
    publish_window(cx, win.obj)?;
    Ok(Value::NULL)
}

pub(crate) fn window_set_title(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    set_title(cx, this, args)
}

/// update(): shows what changed since the last one.
pub(crate) fn window_update(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let screen = &cx.outside.screen;
    let (Some(sink), Some((x, y, w, h))) = (screen.sink(), screen.take_damage(win.obj)) else {
        return Ok(Value::NULL);
    };
    if let Some(r) = Rect::new(x as i32, y as i32, w as i32, h as i32).clip(win.w, win.h) {
        let patch = read_patch(cx, &win, r)?;
        sink.pixels(win.obj, r.x as u32, r.y as u32, r.w as u32, r.h as u32, patch.rgba);
    }
    Ok(Value::NULL)
}

/// scrollHor(x, y, xsize, ysize, steps): moves that part of the window `steps` pixels right
/// (left if negative), filling what it uncovers with the background. 0, or EINVAL for a part
/// outside the window.
pub(crate) fn window_scroll_hor(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let (x, y, xs, ys) = four(cx, args)?;
    let steps = int_arg(cx, args, 4)?;
    let r = win.flip(x, y, xs, ys);
    if r.clip(win.w, win.h) != Some(r) {
        return Ok(Value::int(EINVAL));
    }
    let bg = color(slot_int(cx, win.obj, BG)?);
    draw(cx, &win, r, |p| {
        let old = Patch { rect: p.rect, rgba: p.rgba.clone() };
        for py in r.y..r.y + r.h {
            for px in r.x..r.x + r.w {
                let from = px as i64 - steps as i64;
                let c = if from >= r.x as i64 && from < (r.x + r.w) as i64 { old.get(from as i32, py) } else { None };
                p.put(px, py, c.unwrap_or(bg));
            }
        }
    })?;
    Ok(Value::int(0))
}

pub(crate) fn window_set_auto_update(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, AUTO_UPDATE, int_arg(cx, args, 0)?)?;
    Ok(Value::NULL)
}

/// nextEvent(timeoutMs): the oldest input event for this window that no handler took, waiting
/// up to `timeoutMs` for one (forever if negative, not at all if 0); null if none came.
pub(crate) fn window_next_event(cx: &Cx, thread: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    let ms = int_arg(cx, args, 0)?;
    let screen = &cx.outside.screen;
    if std::mem::take(&mut thread.resuming_wait) {
        cx.sched.forget_wake(thread.id);
        screen.stop_waiting(win.obj, thread.id);
        return match screen.next_event(win.obj, None) {
            Some(e) => event_object(cx, win.obj, win.h, &e),
            None => Ok(Value::NULL),
        };
    }
    let park = ms != 0 && can_park(thread);
    match screen.next_event(win.obj, park.then_some(thread.id)) {
        Some(e) => event_object(cx, win.obj, win.h, &e),
        None if !park => Ok(Value::NULL),
        None => {
            let how = if ms < 0 { Park::External } else { Park::Until(cx.now() + Duration::from_millis(ms as u64)) };
            thread.park(how);
            thread.resuming_wait = true;
            Err(Trap::Retry)
        }
    }
}

/// close(): takes the window off the screen for good.
pub(crate) fn window_close(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let win = surface(cx, this)?;
    set_int(cx, win.obj, CLOSED, 1)?;
    for t in cx.outside.screen.closed(win.obj) {
        cx.sched.wake(t);
    }
    if let Some(sink) = cx.outside.screen.sink() {
        sink.close(win.obj);
    }
    if let Ok(list) = cx.root_slot(WINDOWS) {
        if !list.is_null() {
            for k in 0..array_len(cx, list)? {
                if array_get_at(cx, list, k as i32)? == Value::from_ref(win.obj) {
                    array_set_at(cx, &mut Thread::default(), list, Value::NULL, k as i32)?;
                }
            }
        }
    }
    Ok(Value::NULL)
}

fn event_object(cx: &Cx, window: u64, height: i32, e: &WindowEvent) -> Result<Value> {
    let v = cx.heap.alloc(ids::UI_EVENT, Kind::Slots, EVENT_SLOTS, EVENT_SLOTS)?;
    let o = v.0;
    for (slot, n) in [
        (EVENT_KIND, e.kind),
        (EVENT_CODE, e.code),
        (EVENT_X, e.x),
        // The browser counts rows from the top; the original from the bottom.
        (EVENT_Y, height - 1 - e.y),
        (EVENT_BUTTONS, e.buttons),
    ] {
        set_int(cx, o, slot, n)?;
    }
    cx.heap.set_slot(o, EVENT_TEXT, cx.new_string(e.text.as_bytes())?)?;
    cx.heap.set_slot(o, EVENT_WINDOW, Value::from_ref(window))?;
    Ok(v)
}

/// An input event from the screen for window `window`: to its handler on a new thread, else
/// queued for `nextEvent`. Events for anything but an open window are dropped.
pub(crate) fn input(cx: &Cx, window: u64, e: WindowEvent) -> Result<()> {
    let screen = &cx.outside.screen;
    if !screen.is_open(window) || !is_window_class(cx, window)? {
        return Ok(());
    }
    let height = slot_int(cx, window, HEIGHT)?;
    let handler = cx.heap.slot(window, HANDLER)?;
    if !handler.is_null() {
        let event = event_object(cx, window, height, &e)?;
        let thread = cx.new_thread(handler, 8, &[event])?;
        cx.sched.add(thread);
        return Ok(());
    }
    for t in screen.push_event(window, e) {
        cx.sched.wake(t);
    }
    Ok(())
}

fn event_slot(cx: &Cx, this: Value, slot: u64) -> Result<Value> {
    let o = object_of(cx, this, ids::UI_EVENT, "event")?;
    Ok(cx.heap.slot(o, slot)?)
}

pub(crate) fn event_kind(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_KIND)
}

pub(crate) fn event_code(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_CODE)
}

pub(crate) fn event_text(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_TEXT)
}

pub(crate) fn event_x(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_X)
}

pub(crate) fn event_y(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_Y)
}

pub(crate) fn event_buttons(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_BUTTONS)
}

pub(crate) fn event_window(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    event_slot(cx, this, EVENT_WINDOW)
}

/// loadFromString(s): decodes a Netpbm image (what `import "x.ppm"` embeds) into the bitmap.
pub(crate) fn bitmap_load_from_string(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let o = object_of(cx, this, ids::BITMAP, "bitmap")?;
    if cx.heap.len(o)? < BITMAP_SLOTS {
        return Err(cx.throw_str("this bitmap was made before bitmaps held images; make a new one"));
    }
    let bytes = bytes_of(cx, arg(cx, args, 0)?)?;
    let image = decode_pnm(&bytes).map_err(|e| cx.throw_str(&format!("loadFromString: {e}")))?;
    let binary = cx.heap.alloc_bytes(ids::BINARY, &image.rgba)?;
    cx.heap.set_slot(o, BITMAP_PIXELS, binary)?;
    set_int(cx, o, BITMAP_WIDTH, image.width)?;
    set_int(cx, o, BITMAP_HEIGHT, image.height)?;
    Ok(Value::NULL)
}

/// paintTo(window, x, y): draws the bitmap with its bottom-left corner at (x, y).
pub(crate) fn bitmap_paint_to(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let image = image_arg(cx, this)?;
    let win = surface(cx, arg(cx, args, 0)?)?;
    let (x, y) = (int_arg(cx, args, 1)?, int_arg(cx, args, 2)?);
    draw_image_part(cx, &win, x, y, &image, (0, 0, image.width, image.height))?;
    Ok(Value::NULL)
}

pub(crate) fn bitmap_x_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = object_of(cx, this, ids::BITMAP, "bitmap")?;
    Ok(Value::int(if cx.heap.len(o)? < BITMAP_SLOTS { 0 } else { slot_int(cx, o, BITMAP_WIDTH)? }))
}

pub(crate) fn bitmap_y_size(cx: &Cx, _: &mut Thread, this: Value, _: &[Value]) -> Result<Value> {
    let o = object_of(cx, this, ids::BITMAP, "bitmap")?;
    Ok(Value::int(if cx.heap.len(o)? < BITMAP_SLOTS { 0 } else { slot_int(cx, o, BITMAP_HEIGHT)? }))
}

/// setScreenBackground(bitmap): kept in the system object, so it is there after a restart.
pub(crate) fn boot_set_screen_background(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let bitmap = arg(cx, args, 0)?;
    let image = image_arg(cx, bitmap)?;
    if cx.set_root_slot(BACKGROUND, bitmap).is_err() {
        return Err(cx.throw_str("setScreenBackground: this image was made before screens existed"));
    }
    if let Some(sink) = cx.outside.screen.sink() {
        sink.background(image.width as u32, image.height as u32, image.rgba);
    }
    Ok(Value::NULL)
}

pub(crate) fn font_x_size(_: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(GLYPH_WIDTH))
}

pub(crate) fn font_y_size(_: &Cx, _: &mut Thread, _: Value, _: &[Value]) -> Result<Value> {
    Ok(Value::int(GLYPH_HEIGHT))
}

pub(crate) fn font_string_width(cx: &Cx, _: &mut Thread, _: Value, args: &[Value]) -> Result<Value> {
    let text = text_of(cx, arg(cx, args, 0)?)?;
    Ok(Value::int((text.len().min(MAX_TEXT) as i32) * GLYPH_WIDTH))
}

// The tty: the console, and a window once anything graphic is done with it.

/// putws(s): prints to the console, and writes into the tty's window if it has one (line by
/// line from the top, scrolling up at the bottom).
pub(crate) fn tty_putws(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let text = text_of(cx, arg(cx, args, 0)?)?;
    cx.print(&text)?;
    if let Some(win) = tty_window(cx, this)? {
        tty_write(cx, &win, &text[..text.len().min(MAX_TEXT)])?;
    }
    Ok(Value::NULL)
}

fn tty_write(cx: &Cx, win: &Win, text: &[u8]) -> Result<()> {
    let (fg, bg) = (color(slot_int(cx, win.obj, FG)?), color(slot_int(cx, win.obj, BG)?));
    let (mut x, mut y) = (slot_int(cx, win.obj, CURSOR_X)?, slot_int(cx, win.obj, CURSOR_Y)?);
    let mut line: Vec<u8> = Vec::new();
    let flush = |x: &mut i32, y: i32, line: &mut Vec<u8>| -> Result<()> {
        if line.is_empty() {
            return Ok(());
        }
        let area = Rect::new(*x, y, line.len() as i32 * GLYPH_WIDTH, GLYPH_HEIGHT);
        draw(cx, win, area, |p| {
            for (k, &ch) in line.iter().enumerate() {
                glyph(p, area.x + k as i32 * GLYPH_WIDTH, y, ch, fg, bg);
            }
        })?;
        *x += line.len() as i32 * GLYPH_WIDTH;
        line.clear();
        Ok(())
    };
    for &ch in text {
        let newline = ch == b'\n' || x + (line.len() as i32 + 1) * GLYPH_WIDTH > win.w;
        if newline {
            flush(&mut x, y, &mut line)?;
            x = 0;
            y += GLYPH_HEIGHT;
            if y + GLYPH_HEIGHT > win.h {
                scroll_up(cx, win, GLYPH_HEIGHT, bg)?;
                y -= GLYPH_HEIGHT;
            }
        }
        match ch {
            b'\n' => {}
            b'\r' => {
                flush(&mut x, y, &mut line)?;
                x = 0;
            }
            c if c >= b' ' => line.push(c),
            _ => {}
        }
    }
    flush(&mut x, y, &mut line)?;
    set_int(cx, win.obj, CURSOR_X, x)?;
    set_int(cx, win.obj, CURSOR_Y, y.max(0))
}

fn scroll_up(cx: &Cx, win: &Win, rows: i32, bg: [u8; 4]) -> Result<()> {
    let whole = Rect::new(0, 0, win.w, win.h);
    let mut patch = read_patch(cx, win, whole)?;
    let shift = (rows.min(win.h) * win.w * 4) as usize;
    patch.rgba.copy_within(shift.., 0);
    let keep = patch.rgba.len() - shift;
    for px in patch.rgba[keep..].chunks_mut(4) {
        px.copy_from_slice(&bg);
    }
    write_patch(cx, win, &patch)?;
    show(cx, win, patch)
}

pub(crate) fn tty_clear(cx: &Cx, t: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    cx.print(b"\x1b[2J\x1b[H")?;
    if tty_window(cx, this)?.is_some() {
        window_clear(cx, t, this, args)?;
    }
    Ok(Value::NULL)
}

/// gotoxy(column, row): moves the console's cursor, and the window's text position.
pub(crate) fn tty_gotoxy(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    let (x, y) = (int_arg(cx, args, 0)?, int_arg(cx, args, 1)?);
    cx.print(format!("\x1b[{};{}H", y.max(0) + 1, x.max(0) + 1).as_bytes())?;
    if let Some(win) = tty_window(cx, this)? {
        set_int(cx, win.obj, CURSOR_X, x.clamp(0, MAX_SIDE) * GLYPH_WIDTH)?;
        set_int(cx, win.obj, CURSOR_Y, y.clamp(0, MAX_SIDE) * GLYPH_HEIGHT)?;
    }
    Ok(Value::NULL)
}

fn tty_colour(cx: &Cx, this: Value, args: &[Value], slot: u64) -> Result<Value> {
    let c = int_arg(cx, args, 0)?;
    if let Some(o) = this.object() {
        if cx.heap.len(o)? >= WINDOW_SLOTS {
            set_int(cx, o, slot, c)?;
        }
    }
    Ok(Value::NULL)
}

pub(crate) fn tty_set_color(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    tty_colour(cx, this, args, FG)
}

pub(crate) fn tty_set_bg_color(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    tty_colour(cx, this, args, BG)
}

pub(crate) fn tty_move_window(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    move_window(cx, this, args)
}

pub(crate) fn tty_set_title(cx: &Cx, _: &mut Thread, this: Value, args: &[Value]) -> Result<Value> {
    set_title(cx, this, args)
}
