//! The binary messages from server to client (the format is in the crate docs), and a
//! header decoder for tests and tools that read the stream.

pub const RESET: u8 = 0;
pub const BACKGROUND: u8 = 1;
pub const WINDOW: u8 = 2;
pub const PIXELS: u8 = 3;
pub const CLOSE: u8 = 4;
pub const ORDER: u8 = 5;
pub const SYNCED: u8 = 6;

pub const HEADER_LEN: usize = 25;

/// The common header, with room reserved for `payload_len` more bytes.
pub fn message(kind: u8, id: u64, x: i32, y: i32, width: u32, height: u32, payload_len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload_len);
    out.push(kind);
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&x.to_le_bytes());
    out.extend_from_slice(&y.to_le_bytes());
    out.extend_from_slice(&width.to_le_bytes());
    out.extend_from_slice(&height.to_le_bytes());
    out
}

/// A decoded header, for tests and tools that read the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub kind: u8,
    pub id: u64,
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

pub fn parse_header(message: &[u8]) -> Option<Header> {
    let bytes: &[u8; HEADER_LEN] = message.get(..HEADER_LEN)?.try_into().ok()?;
    let u32_at = |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let mut id = [0u8; 8];
    id.copy_from_slice(&bytes[1..9]);
    Some(Header {
        kind: bytes[0],
        id: u64::from_le_bytes(id),
        x: u32_at(9) as i32,
        y: u32_at(13) as i32,
        width: u32_at(17),
        height: u32_at(21),
    })
}

/// A server-to-client WebSocket frame: final, binary (or close), unmasked.
pub fn frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 10);
    out.push(0x80 | opcode);
    match payload.len() {
        len @ 0..=125 => out.push(len as u8),
        len @ 126..=0xFFFF => {
            out.push(126);
            out.extend_from_slice(&(len as u16).to_be_bytes());
        }
        len => {
            out.push(127);
            out.extend_from_slice(&(len as u64).to_be_bytes());
        }
    }
    out.extend_from_slice(payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips() {
        let bytes = message(PIXELS, 0x0102_0304_0506_0708, -5, 7, 640, 480, 0);
        assert_eq!(bytes.len(), HEADER_LEN);
        let header = parse_header(&bytes).unwrap();
        assert_eq!(header, Header { kind: PIXELS, id: 0x0102_0304_0506_0708, x: -5, y: 7, width: 640, height: 480 });
        assert_eq!(parse_header(&bytes[..10]), None);
    }

    #[test]
    fn frame_lengths_use_the_three_encodings() {
        assert_eq!(frame(2, &[1, 2, 3]), vec![0x82, 3, 1, 2, 3]);
        let medium = frame(2, &[0; 300]);
        assert_eq!(&medium[..4], &[0x82, 126, 1, 44]);
        let large = frame(2, &vec![0; 70_000]);
        assert_eq!(&large[..10], &[0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
        assert_eq!(large.len(), 70_010);
    }
}
