//! Pixels without a heap: a patch of RGBA pixels over a rectangle of a window, the shapes
//! drawn into it, the text font, and decoding of the image files the compiler embeds
//! (`import "x.ppm"`). Coordinates here are top-left based; `window` turns the original's
//! bottom-left ones into these.

/// A rectangle, top-left based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    pub fn new(x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect { x, y, w, h }
    }

    /// The part inside a `width` x `height` surface, if any.
    pub fn clip(self, width: i32, height: i32) -> Option<Rect> {
        let x0 = self.x.max(0);
        let y0 = self.y.max(0);
        let x1 = (self.x as i64 + self.w as i64).min(width as i64) as i32;
        let y1 = (self.y as i64 + self.h as i64).min(height as i64) as i32;
        (x1 > x0 && y1 > y0).then(|| Rect::new(x0, y0, x1 - x0, y1 - y0))
    }

    /// The smallest rectangle holding both points (inclusive).
    pub fn spanning(x0: i32, y0: i32, x1: i32, y1: i32) -> Rect {
        let (ax, bx) = (x0.min(x1), x0.max(x1));
        let (ay, by) = (y0.min(y1), y0.max(y1));
        Rect::new(ax, ay, bx.saturating_sub(ax).saturating_add(1), by.saturating_sub(ay).saturating_add(1))
    }
}

/// An original colour, 0xAARRGGBB, as the RGBA bytes of an opaque pixel: a window is an
/// opaque surface, so what a program draws on it covers what was there.
pub fn color(argb: i32) -> [u8; 4] {
    let c = argb as u32;
    [(c >> 16) as u8, (c >> 8) as u8, c as u8, 255]
}

/// The pixels of a rectangle of a surface, to draw into and write back.
pub struct Patch {
    pub rect: Rect,
    pub rgba: Vec<u8>,
}

impl Patch {
    pub fn filled(rect: Rect, rgba: [u8; 4]) -> Patch {
        let n = (rect.w * rect.h) as usize;
        Patch { rect, rgba: rgba.repeat(n) }
    }

    /// Sets one pixel, given in the surface's coordinates; outside the patch it does nothing.
    pub fn put(&mut self, x: i32, y: i32, rgba: [u8; 4]) {
        let (px, py) = (x - self.rect.x, y - self.rect.y);
        if px >= 0 && py >= 0 && px < self.rect.w && py < self.rect.h {
            let at = ((py * self.rect.w + px) * 4) as usize;
            self.rgba[at..at + 4].copy_from_slice(&rgba);
        }
    }

    pub fn get(&self, x: i32, y: i32) -> Option<[u8; 4]> {
        let (px, py) = (x - self.rect.x, y - self.rect.y);
        if px >= 0 && py >= 0 && px < self.rect.w && py < self.rect.h {
            let at = ((py * self.rect.w + px) * 4) as usize;
            Some([self.rgba[at], self.rgba[at + 1], self.rgba[at + 2], self.rgba[at + 3]])
        } else {
            None
        }
    }

    /// A line from one point to the other, both ends included (Bresenham).
    pub fn line(&mut self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), rgba: [u8; 4]) {
        let (dx, dy) = ((x1 as i64 - x0 as i64).abs(), -(y1 as i64 - y0 as i64).abs());
        let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
        let (mut x, mut y, mut err) = (x0 as i64, y0 as i64, dx + dy);
        // Nothing outside the patch is drawn, so a line far longer than it stops early.
        let limit = (self.rect.w as i64 + self.rect.h as i64) * 2 + dx - dy + 2;
        for _ in 0..limit {
            self.put(x as i32, y as i32, rgba);
            if x == x1 as i64 && y == y1 as i64 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    /// The ellipse inscribed in `r`, filled.
    pub fn fill_ellipse(&mut self, r: Rect, rgba: [u8; 4]) {
        if r.w <= 0 || r.h <= 0 {
            return;
        }
        let (a, b) = (r.w as f64 / 2.0, r.h as f64 / 2.0);
        let (cx, cy) = (r.x as f64 + a, r.y as f64 + b);
        let rows = self.rect.y.max(r.y)..(self.rect.y + self.rect.h).min(r.y + r.h);
        for y in rows {
            let dy = (y as f64 + 0.5 - cy) / b;
            if dy.abs() > 1.0 {
                continue;
            }
            let half = a * (1.0 - dy * dy).sqrt();
            let (x0, x1) = ((cx - half).round() as i32, (cx + half).round() as i32);
            for x in x0.max(self.rect.x)..x1.min(self.rect.x + self.rect.w) {
                self.put(x, y, rgba);
            }
        }
    }

    /// Covers this patch's pixels with an image's where the image is not transparent.
    pub fn blit(&mut self, at_x: i32, at_y: i32, image: &Image, part: Rect) {
        for row in 0..part.h {
            for col in 0..part.w {
                let (ix, iy) = (part.x + col, part.y + row);
                if ix < 0 || iy < 0 || ix >= image.width || iy >= image.height {
                    continue;
                }
                let at = ((iy * image.width + ix) * 4) as usize;
                let p = &image.rgba[at..at + 4];
                if p[3] != 0 {
                    self.put(at_x + col, at_y + row, [p[0], p[1], p[2], 255]);
                }
            }
        }
    }
}

/// A decoded image: RGBA rows, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub width: i32,
    pub height: i32,
    pub rgba: Vec<u8>,
}

/// The largest image accepted, in pixels (a 4096 x 4096 picture).
pub const MAX_IMAGE_PIXELS: u64 = 1 << 24;

/// Decodes a Netpbm image: P1-P3 (text) and P4-P6 (binary) bitmaps, grey maps and pixel maps,
/// which is what the original's resources are. Errors say what is wrong and where.
pub fn decode_pnm(bytes: &[u8]) -> Result<Image, String> {
    let mut at = 0usize;
    let magic = bytes.get(..2).ok_or("image: empty or too short")?;
    if magic[0] != b'P' || !(b'1'..=b'6').contains(&magic[1]) {
        return Err("image: not a Netpbm file (P1-P6)".into());
    }
    let format = magic[1] - b'0';
    at += 2;
    let header = |at: &mut usize| -> Result<u32, String> {
        loop {
            match bytes.get(*at) {
                Some(b'#') => {
                    while bytes.get(*at).is_some_and(|&c| c != b'\n') {
                        *at += 1;
                    }
                }
                Some(c) if c.is_ascii_whitespace() => *at += 1,
                _ => break,
            }
        }
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        std::str::from_utf8(&bytes[start..*at])
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| format!("image: expected a number at byte {start}"))
    };
    let width = header(&mut at)?;
    let height = header(&mut at)?;
    let max = if format == 1 || format == 4 { 1 } else { header(&mut at)? };
    if width == 0 || height == 0 || width as u64 * height as u64 > MAX_IMAGE_PIXELS {
        return Err(format!("image: {width} x {height} is empty or too large"));
    }
    if max == 0 || max > 65535 {
        return Err(format!("image: maximum value {max} out of range"));
    }
    let n = (width * height) as usize;
    let scale = |v: u32| ((v.min(max) * 255 + max / 2) / max) as u8;
    let mut rgba = Vec::with_capacity(n * 4);
    if format <= 3 {
        let mut next = || header(&mut at);
        for _ in 0..n {
            let px = match format {
                1 => {
                    let v = if next()? != 0 { 0 } else { 255 };
                    [v, v, v]
                }
                2 => {
                    let v = scale(next()?);
                    [v, v, v]
                }
                _ => [scale(next()?), scale(next()?), scale(next()?)],
            };
            rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
        }
        return Ok(Image { width: width as i32, height: height as i32, rgba });
    }
    // One whitespace byte ends the header of a binary file.
    at += 1;
    let data = bytes.get(at..).unwrap_or(&[]);
    let wide = max > 255;
    let sample = |k: usize| -> Option<u32> {
        if wide {
            Some(u16::from_be_bytes([*data.get(2 * k)?, *data.get(2 * k + 1)?]) as u32)
        } else {
            data.get(k).map(|&b| b as u32)
        }
    };
    let short = || format!("image: the pixel data ends early ({} bytes after byte {at})", data.len());
    match format {
        4 => {
            let row_bytes = width.div_ceil(8) as usize;
            for y in 0..height as usize {
                for x in 0..width as usize {
                    let byte = data.get(y * row_bytes + x / 8).ok_or_else(short)?;
                    let v = if byte & (0x80 >> (x % 8)) != 0 { 0 } else { 255 };
                    rgba.extend_from_slice(&[v, v, v, 255]);
                }
            }
        }
        5 => {
            for k in 0..n {
                let v = scale(sample(k).ok_or_else(short)?);
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        _ => {
            for k in 0..n {
                let [r, g, b] = [0, 1, 2].map(|c| sample(3 * k + c));
                let (Some(r), Some(g), Some(b)) = (r, g, b) else { return Err(short()) };
                rgba.extend_from_slice(&[scale(r), scale(g), scale(b), 255]);
            }
        }
    }
    Ok(Image { width: width as i32, height: height as i32, rgba })
}

/// Text cells are 8 pixels wide and 16 high, as the original's console font.
pub const GLYPH_WIDTH: i32 = 8;
pub const GLYPH_HEIGHT: i32 = 16;

/// Draws one character with its cell's top-left at (x, y): the font's 8 x 8 glyph, each row
/// doubled, over the background colour.
pub fn glyph(patch: &mut Patch, x: i32, y: i32, ch: u8, fg: [u8; 4], bg: [u8; 4]) {
    let rows = font8x8::legacy::BASIC_LEGACY.get(ch as usize).copied().unwrap_or([0; 8]);
    for (r, bits) in rows.iter().enumerate() {
        for bit in 0..8 {
            let on = bits & (1 << bit) != 0;
            let c = if on { fg } else { bg };
            patch.put(x + bit, y + 2 * r as i32, c);
            patch.put(x + bit, y + 2 * r as i32 + 1, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_netpbm_kind_and_refuses_bad_ones() {
        let p6 = [b"P6\n2 1\n255\n".as_slice(), &[255, 0, 0, 0, 0, 255]].concat();
        let img = decode_pnm(&p6).unwrap();
        assert_eq!((img.width, img.height), (2, 1));
        assert_eq!(img.rgba, vec![255, 0, 0, 255, 0, 0, 255, 255]);
        let p3 = decode_pnm(b"P3 # comment\n1 1 15\n15 0 15\n").unwrap();
        assert_eq!(p3.rgba, vec![255, 0, 255, 255]);
        let p1 = decode_pnm(b"P1\n2 1\n1 0\n").unwrap();
        assert_eq!(p1.rgba, vec![0, 0, 0, 255, 255, 255, 255, 255]);
        let p4 = decode_pnm(&[b"P4\n3 1\n".as_slice(), &[0b1010_0000]].concat()).unwrap();
        assert_eq!(p4.rgba[..4], [0, 0, 0, 255]);
        assert_eq!(p4.rgba[4..8], [255, 255, 255, 255]);
        assert!(decode_pnm(b"P6\n2 2\n255\n\x01").unwrap_err().contains("ends early"));
        assert!(decode_pnm(b"GIF89a").is_err());
        assert!(decode_pnm(b"P6\n100000 100000\n255\n").unwrap_err().contains("too large"));
        assert!(decode_pnm(b"P5\nx").is_err());
    }

    #[test]
    fn shapes_stay_inside_the_patch() {
        let mut p = Patch::filled(Rect::new(10, 10, 4, 4), [0; 4]);
        p.line((0, 0), (100, 100), [1, 1, 1, 255]);
        assert_eq!(p.get(11, 11), Some([1, 1, 1, 255]));
        assert_eq!(p.get(11, 12), Some([0; 4]));
        let mut e = Patch::filled(Rect::new(0, 0, 10, 10), [0; 4]);
        e.fill_ellipse(Rect::new(0, 0, 10, 10), [9, 9, 9, 255]);
        assert_eq!(e.get(5, 5), Some([9, 9, 9, 255]));
        assert_eq!(e.get(0, 0), Some([0; 4]));
        assert_eq!(Rect::new(-3, 2, 10, 10).clip(5, 5), Some(Rect::new(0, 2, 5, 3)));
        assert_eq!(Rect::new(6, 0, 10, 10).clip(5, 5), None);
    }
}
