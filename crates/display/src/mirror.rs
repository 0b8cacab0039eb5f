//! The server's copy of the window system, and each client's damage against it.

use std::collections::{BTreeMap, HashMap};

use crate::wire;
use crate::Update;

/// Larger windows or backgrounds are refused, so that one bad update cannot take the memory.
const MAX_SIDE: u32 = 16_384;
const MAX_PIXELS: u64 = 16 * 1024 * 1024;
/// Damage rectangles kept per window before they collapse into their bounding box.
const MAX_RECTS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn right(&self) -> u32 {
        self.x + self.width
    }
    fn bottom(&self) -> u32 {
        self.y + self.height
    }
    /// Overlapping or sharing an edge.
    fn touches(&self, other: &Rect) -> bool {
        self.x <= other.right() && other.x <= self.right() && self.y <= other.bottom() && other.y <= self.bottom()
    }
    fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect { x, y, width: self.right().max(other.right()) - x, height: self.bottom().max(other.bottom()) - y }
    }
}

#[derive(Debug)]
pub struct Window {
    pub left: i32,
    pub top: i32,
    pub width: u32,
    pub height: u32,
    pub title: String,
    rgba: Vec<u8>,
}

/// What an update changed, for the clients' damage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Background,
    Window { id: u64, cleared: bool },
    Pixels { id: u64, rect: Rect },
    Order,
    Closed { id: u64 },
}

#[derive(Debug, Default)]
pub struct Mirror {
    background: Option<(u32, u32, Vec<u8>)>,
    windows: HashMap<u64, Window>,
    /// Bottom first.
    order: Vec<u64>,
}

fn area_ok(width: u32, height: u32) -> bool {
    width <= MAX_SIDE && height <= MAX_SIDE && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

fn rgba_len(width: u32, height: u32) -> usize {
    width as usize * height as usize * 4
}

impl Mirror {
    pub fn has_window(&self, id: u64) -> bool {
        self.windows.contains_key(&id)
    }

    /// Applies an update; `None` when it was invalid and changed nothing.
    pub fn apply(&mut self, update: Update) -> Option<Change> {
        match update {
            Update::Background { width, height, rgba } => {
                if !area_ok(width, height) || rgba.len() != rgba_len(width, height) {
                    return None;
                }
                self.background = Some((width, height, rgba));
                Some(Change::Background)
            }
            Update::Window { id, left, top, width, height, title } => {
                if !area_ok(width, height) {
                    return None;
                }
                let cleared = match self.windows.get_mut(&id) {
                    Some(window) => {
                        let resized = window.width != width || window.height != height;
                        if resized {
                            window.rgba = vec![0; rgba_len(width, height)];
                        }
                        *window = Window { left, top, width, height, title, rgba: std::mem::take(&mut window.rgba) };
                        resized
                    }
                    None => {
                        let rgba = vec![0; rgba_len(width, height)];
                        self.windows.insert(id, Window { left, top, width, height, title, rgba });
                        self.order.push(id);
                        true
                    }
                };
                Some(Change::Window { id, cleared })
            }
            Update::Pixels { id, x, y, width, height, rgba } => {
                let window = self.windows.get_mut(&id)?;
                if !area_ok(width, height) || rgba.len() != rgba_len(width, height) {
                    return None;
                }
                // Only the part inside the window is kept.
                let visible_width = width.min(window.width.saturating_sub(x));
                let visible_height = height.min(window.height.saturating_sub(y));
                if visible_width == 0 || visible_height == 0 {
                    return None;
                }
                let row_len = visible_width as usize * 4;
                for row in 0..visible_height as usize {
                    let from = row * width as usize * 4;
                    let to = ((y as usize + row) * window.width as usize + x as usize) * 4;
                    window.rgba[to..to + row_len].copy_from_slice(&rgba[from..from + row_len]);
                }
                Some(Change::Pixels { id, rect: Rect { x, y, width: visible_width, height: visible_height } })
            }
            Update::Raise { id } => {
                let at = self.order.iter().position(|&other| other == id)?;
                self.order.remove(at);
                self.order.push(id);
                Some(Change::Order)
            }
            Update::Close { id } => {
                self.windows.remove(&id)?;
                self.order.retain(|&other| other != id);
                Some(Change::Closed { id })
            }
        }
    }

    /// Damage that makes a new client draw everything.
    pub fn everything(&self) -> Damage {
        let windows = self
            .windows
            .iter()
            .map(|(&id, window)| {
                let full = Rect { x: 0, y: 0, width: window.width, height: window.height };
                let rects = if window.width > 0 && window.height > 0 { vec![full] } else { Vec::new() };
                (id, WindowDamage { geometry: true, rects })
            })
            .collect();
        Damage { reset: true, background: self.background.is_some(), closed: Vec::new(), windows, order: true }
    }

    /// The messages that bring a client from its damage to the mirror's state.
    pub fn messages(&self, screen: (u32, u32), damage: Damage) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        if damage.reset {
            out.push(wire::message(wire::RESET, 0, 0, 0, screen.0, screen.1, 0));
        }
        if damage.background {
            if let Some((width, height, rgba)) = &self.background {
                let mut message = wire::message(wire::BACKGROUND, 0, 0, 0, *width, *height, rgba.len());
                message.extend_from_slice(rgba);
                out.push(message);
            }
        }
        for id in &damage.closed {
            out.push(wire::message(wire::CLOSE, *id, 0, 0, 0, 0, 0));
        }
        for (id, window_damage) in &damage.windows {
            let Some(window) = self.windows.get(id) else { continue };
            if window_damage.geometry {
                let title = window.title.as_bytes();
                let mut message =
                    wire::message(wire::WINDOW, *id, window.left, window.top, window.width, window.height, title.len());
                message.extend_from_slice(title);
                out.push(message);
            }
            for rect in &window_damage.rects {
                out.push(pixels_message(*id, window, rect));
            }
        }
        if damage.order {
            let mut message = wire::message(wire::ORDER, 0, 0, 0, self.order.len() as u32, 0, self.order.len() * 8);
            for id in &self.order {
                message.extend_from_slice(&id.to_le_bytes());
            }
            out.push(message);
        }
        if damage.reset {
            out.push(wire::message(wire::SYNCED, 0, 0, 0, 0, 0, 0));
        }
        out
    }
}

fn pixels_message(id: u64, window: &Window, rect: &Rect) -> Vec<u8> {
    // Rects were clipped when recorded, but the window may have shrunk since.
    let width = rect.width.min(window.width.saturating_sub(rect.x));
    let height = rect.height.min(window.height.saturating_sub(rect.y));
    let row_len = width as usize * 4;
    let mut message =
        wire::message(wire::PIXELS, id, rect.x as i32, rect.y as i32, width, height, row_len * height as usize);
    for row in 0..height as usize {
        let from = ((rect.y as usize + row) * window.width as usize + rect.x as usize) * 4;
        message.extend_from_slice(&window.rgba[from..from + row_len]);
    }
    message
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct WindowDamage {
    geometry: bool,
    rects: Vec<Rect>,
}

/// What one client has not been sent yet; bounded by the number of windows.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Damage {
    reset: bool,
    background: bool,
    closed: Vec<u64>,
    windows: BTreeMap<u64, WindowDamage>,
    order: bool,
}

impl Damage {
    pub fn is_empty(&self) -> bool {
        *self == Damage::default()
    }

    pub fn add(&mut self, change: Change) {
        match change {
            Change::Background => self.background = true,
            Change::Order => self.order = true,
            Change::Closed { id } => {
                self.windows.remove(&id);
                if !self.closed.contains(&id) {
                    self.closed.push(id);
                }
                self.order = true;
            }
            Change::Window { id, cleared } => {
                let entry = self.windows.entry(id).or_default();
                entry.geometry = true;
                if cleared {
                    // The client clears the window too; older rects would only resend zeros.
                    entry.rects.clear();
                }
                self.order = true;
            }
            Change::Pixels { id, rect } => {
                let rects = &mut self.windows.entry(id).or_default().rects;
                add_rect(rects, rect);
            }
        }
    }
}

fn add_rect(rects: &mut Vec<Rect>, mut rect: Rect) {
    // Merge with every rect it touches, repeatedly, since a union may touch more.
    while let Some(at) = rects.iter().position(|other| other.touches(&rect)) {
        rect = rect.union(&rects.swap_remove(at));
    }
    rects.push(rect);
    if rects.len() > MAX_RECTS {
        let bounds = rects.iter().skip(1).fold(rects[0], |acc, other| acc.union(other));
        rects.clear();
        rects.push(bounds);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(id: u64, width: u32, height: u32) -> Update {
        Update::Window { id, left: 0, top: 0, width, height, title: "t".into() }
    }

    #[test]
    fn pixels_outside_a_window_are_clipped_and_unknown_windows_ignored() {
        let mut mirror = Mirror::default();
        mirror.apply(window(1, 4, 4)).unwrap();
        let change = mirror.apply(Update::Pixels { id: 1, x: 3, y: 3, width: 2, height: 2, rgba: vec![9; 16] });
        assert_eq!(change, Some(Change::Pixels { id: 1, rect: Rect { x: 3, y: 3, width: 1, height: 1 } }));
        assert_eq!(mirror.windows[&1].rgba[(3 * 4 + 3) * 4..], [9, 9, 9, 9]);
        assert_eq!(mirror.apply(Update::Pixels { id: 2, x: 0, y: 0, width: 1, height: 1, rgba: vec![0; 4] }), None);
        assert_eq!(mirror.apply(Update::Pixels { id: 1, x: 0, y: 0, width: 1, height: 1, rgba: vec![0; 3] }), None);
        assert_eq!(mirror.apply(window(3, 100_000, 1)), None);
    }

    #[test]
    fn damage_merges_touching_rects_and_caps_the_count() {
        let mut damage = Damage::default();
        let rect = |x, y| Change::Pixels { id: 1, rect: Rect { x, y, width: 2, height: 2 } };
        damage.add(rect(0, 0));
        damage.add(rect(2, 0));
        assert_eq!(damage.windows[&1].rects, vec![Rect { x: 0, y: 0, width: 4, height: 2 }]);
        for at in 0..MAX_RECTS as u32 {
            damage.add(rect(10 * at, 100));
        }
        assert_eq!(damage.windows[&1].rects.len(), 1);
        assert_eq!(damage.windows[&1].rects[0], Rect { x: 0, y: 0, width: 72, height: 102 });
    }

    #[test]
    fn a_resize_clears_the_mirror_and_closing_then_reopening_sends_both() {
        let mut mirror = Mirror::default();
        mirror.apply(window(1, 2, 2)).unwrap();
        mirror.apply(Update::Pixels { id: 1, x: 0, y: 0, width: 2, height: 2, rgba: vec![7; 16] }).unwrap();
        assert_eq!(mirror.apply(window(1, 3, 3)), Some(Change::Window { id: 1, cleared: true }));
        assert!(mirror.windows[&1].rgba.iter().all(|&byte| byte == 0));
        let mut damage = Damage::default();
        damage.add(mirror.apply(Update::Close { id: 1 }).unwrap());
        damage.add(mirror.apply(window(1, 3, 3)).unwrap());
        let kinds: Vec<u8> = mirror.messages((10, 10), damage).iter().map(|message| message[0]).collect();
        assert_eq!(kinds, vec![wire::CLOSE, wire::WINDOW, wire::ORDER]);
    }
}
