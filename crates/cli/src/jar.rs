//! Reading JARs: the zip archive's central directory, then each entry, stored or deflated
//! (what `jar` and build tools write). Zip64, encryption and multi-disk archives are refused
//! with a clear error; every length is checked against the file, so a damaged archive is an
//! error, never a panic.

use std::io::Read;

/// One file of an archive: its name and contents.
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;
/// No entry of a JAR we read inflates to more than this.
const MAX_ENTRY: u64 = 256 << 20;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The entries of an archive whose names `wanted` accepts.
pub fn read(archive: &[u8], wanted: impl Fn(&str) -> bool) -> Result<Vec<Entry>, String> {
    let bad = |what: &str| format!("not a readable zip archive: {what}");
    // The end record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
    let floor = archive.len().saturating_sub(22 + 0xFFFF);
    let end = (floor..=archive.len().saturating_sub(22))
        .rev()
        .find(|&at| u32_at(archive, at) == Some(END_OF_DIRECTORY))
        .ok_or_else(|| bad("no end-of-directory record"))?;
    let count = u16_at(archive, end + 10).ok_or_else(|| bad("truncated end record"))? as usize;
    let directory = u32_at(archive, end + 16).ok_or_else(|| bad("truncated end record"))? as usize;
    if count == 0xFFFF || directory == 0xFFFF_FFFF {
        return Err(bad("zip64 archives are not supported"));
    }
    let mut out = Vec::new();
    let mut at = directory;
    for index in 0..count {
        let field = |offset: usize| u32_at(archive, at + offset);
        let short = |offset: usize| u16_at(archive, at + offset).map(usize::from);
        let entry_error = || bad(&format!("directory entry {index} is damaged"));
        if field(0) != Some(DIRECTORY_ENTRY) {
            return Err(entry_error());
        }
        let flags = short(8).ok_or_else(entry_error)?;
        let method = short(10).ok_or_else(entry_error)?;
        let compressed = field(20).ok_or_else(entry_error)? as usize;
        let size = field(24).ok_or_else(entry_error)? as u64;
        let (name_len, extra_len, comment_len) = (
            short(28).ok_or_else(entry_error)?,
            short(30).ok_or_else(entry_error)?,
            short(32).ok_or_else(entry_error)?,
        );
        let local = field(42).ok_or_else(entry_error)? as usize;
        let name = archive.get(at + 46..at + 46 + name_len).ok_or_else(entry_error)?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') || !wanted(&name) {
            continue;
        }
        if flags & 1 != 0 {
            return Err(bad(&format!("{name} is encrypted")));
        }
        if size > MAX_ENTRY {
            return Err(bad(&format!("{name} is larger than {MAX_ENTRY} bytes")));
        }
        if u32_at(archive, local) != Some(LOCAL_HEADER) {
            return Err(bad(&format!("{name}: no local header where the directory says")));
        }
        let skip =
            |offset| u16_at(archive, local + offset).map(usize::from).ok_or_else(|| bad(&format!("{name}: truncated")));
        let data = local + 30 + skip(26)? + skip(28)?;
        let stored = archive.get(data..data + compressed).ok_or_else(|| bad(&format!("{name}: truncated")))?;
        let bytes = match method {
            0 => stored.to_vec(),
            8 => {
                let mut inflated = Vec::with_capacity(size.min(16 << 20) as usize);
                flate2::read::DeflateDecoder::new(stored)
                    .take(MAX_ENTRY + 1)
                    .read_to_end(&mut inflated)
                    .map_err(|e| bad(&format!("{name}: {e}")))?;
                inflated
            }
            m => return Err(bad(&format!("{name}: compression method {m} is not supported"))),
        };
        if bytes.len() as u64 != size {
            return Err(bad(&format!("{name}: {} bytes where the directory says {size}", bytes.len())));
        }
        out.push(Entry { name, bytes });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JAR made by the JDK's `jar` tool, read back; then the same archive cut short and
    /// with bytes flipped: errors, never a panic.
    #[test]
    fn jars_made_by_the_jdk_read_back_and_damaged_ones_are_errors() {
        let dir = std::env::temp_dir().join(format!("phantom-jar-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("a")).unwrap();
        let text = "hello, jar ".repeat(300);
        std::fs::write(dir.join("a/one.txt"), &text).unwrap();
        std::fs::write(dir.join("two.bin"), [0u8, 1, 2, 3]).unwrap();
        let jar = dir.join("t.jar");
        let made = std::process::Command::new("jar")
            .arg("cf")
            .arg(&jar)
            .args(["-C", dir.to_str().unwrap(), "a", "-C", dir.to_str().unwrap(), "two.bin"])
            .status()
            .expect("the JDK's jar tool");
        assert!(made.success());
        let bytes = std::fs::read(&jar).unwrap();
        let entries = read(&bytes, |_| true).unwrap();
        let one = entries.iter().find(|e| e.name == "a/one.txt").expect("a/one.txt");
        assert_eq!(one.bytes, text.as_bytes());
        assert_eq!(entries.iter().find(|e| e.name == "two.bin").unwrap().bytes, [0, 1, 2, 3]);
        assert!(entries.iter().any(|e| e.name == "META-INF/MANIFEST.MF"));
        assert_eq!(read(&bytes, |n| n.ends_with(".bin")).unwrap().len(), 1);
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut], |_| true).is_err(), "cut at {cut}");
        }
        for flip in (0..bytes.len()).step_by(7) {
            let mut damaged = bytes.clone();
            damaged[flip] ^= 0x5A;
            let _ = read(&damaged, |_| true);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
