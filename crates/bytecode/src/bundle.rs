//! The boot bundle ("classes"): class files concatenated, each behind a 512-byte NUL-padded
//! name and a little-endian u32 length (reference `original-vm.md` 2.4).

use std::fmt;

use crate::classfile::ClassFile;

/// Size of an entry's name field.
pub const NAME_FIELD_LEN: usize = 512;
const ENTRY_HEADER_LEN: usize = NAME_FIELD_LEN + 4;

/// One class in a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleEntry {
    /// The class name without its leading dot, e.g. `ru.dz.phantom.system.boot`.
    pub name: Vec<u8>,
    /// The class file, unmodified.
    pub class: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Bundle {
    pub entries: Vec<BundleEntry>,
}

/// A malformed bundle, located by entry and byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleError {
    pub entry: usize,
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bundle entry {} at byte {}: {}", self.entry, self.offset, self.message)
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Parses a bundle. The class files inside are not parsed here.
    pub fn read(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let mut entries = Vec::new();
        let mut offset = 0;
        while offset < bytes.len() {
            let fail = |at, message: String| BundleError { entry: entries.len(), offset: at, message };
            let rest = &bytes[offset..];
            if rest.len() < ENTRY_HEADER_LEN {
                return Err(fail(
                    offset,
                    format!("truncated entry header: {} bytes left, a header has 516", rest.len()),
                ));
            }
            let field = &rest[..NAME_FIELD_LEN];
            let name_len = field.iter().position(|&b| b == 0).unwrap_or(NAME_FIELD_LEN);
            if name_len == 0 {
                return Err(fail(offset, "empty class name".into()));
            }
            if name_len == NAME_FIELD_LEN {
                return Err(fail(offset, "class name is not NUL-terminated within 512 bytes".into()));
            }
            if let Some(pos) = field[name_len..].iter().position(|&b| b != 0) {
                return Err(fail(offset + name_len + pos, "bytes after the class name's NUL are not zero".into()));
            }
            let length = u32::from_le_bytes(rest[NAME_FIELD_LEN..ENTRY_HEADER_LEN].try_into().unwrap()) as usize;
            if length > rest.len() - ENTRY_HEADER_LEN {
                return Err(fail(
                    offset + NAME_FIELD_LEN,
                    format!(
                        "class length {length} runs past the end of the bundle ({} bytes left)",
                        rest.len() - ENTRY_HEADER_LEN
                    ),
                ));
            }
            let class = rest[ENTRY_HEADER_LEN..ENTRY_HEADER_LEN + length].to_vec();
            entries.push(BundleEntry { name: field[..name_len].to_vec(), class });
            offset += ENTRY_HEADER_LEN + length;
        }
        Ok(Bundle { entries })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for entry in &self.entries {
            let mut field = [0u8; NAME_FIELD_LEN];
            field[..entry.name.len()].copy_from_slice(&entry.name);
            out.extend(field);
            out.extend((entry.class.len() as u32).to_le_bytes());
            out.extend(&entry.class);
        }
        out
    }

    /// Makes the entry for a class file, named after its class as the original bundler does.
    pub fn entry_for(class: Vec<u8>) -> Result<BundleEntry, String> {
        let file = ClassFile::read(&class).map_err(|e| e.to_string())?;
        let header = file.header().ok_or("the class file needs exactly one class header ('C' record)")?;
        let name = header.name.strip_prefix(b".").unwrap_or(&header.name).to_vec();
        if name.is_empty() || name.len() >= NAME_FIELD_LEN {
            return Err(format!("class name must be 1 to {} bytes long", NAME_FIELD_LEN - 1));
        }
        if let Some(&b) = name.iter().find(|&&b| b <= b' ') {
            return Err(format!("class name contains the byte 0x{b:02x}, which a bundle name cannot hold"));
        }
        Ok(BundleEntry { name, class })
    }

    /// Finds a class by name: `.` and `/` are equivalent and one leading separator is ignored.
    pub fn find(&self, name: &[u8]) -> Option<&BundleEntry> {
        fn key(name: &[u8]) -> impl Iterator<Item = u8> + '_ {
            let name = match name.first() {
                Some(b'.' | b'/') => &name[1..],
                _ => name,
            };
            name.iter().map(|&b| if b == b'/' { b'.' } else { b })
        }
        self.entries.iter().find(|e| key(&e.name).eq(key(name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lookup() {
        let bundle = Bundle {
            entries: vec![
                BundleEntry { name: b"a.b".to_vec(), class: b"phfr:xyz".to_vec() },
                BundleEntry { name: b"c".to_vec(), class: vec![] },
            ],
        };
        let bytes = bundle.to_bytes();
        assert_eq!(bytes.len(), 2 * 516 + 8);
        assert_eq!(Bundle::read(&bytes).unwrap(), bundle);
        assert_eq!(bundle.find(b".a/b").unwrap().name, b"a.b");
        assert!(bundle.find(b"a.c").is_none());
    }

    #[test]
    fn truncation_is_located() {
        let bundle = Bundle { entries: vec![BundleEntry { name: b"a".to_vec(), class: vec![1, 2, 3] }] };
        let mut bytes = bundle.to_bytes();
        bytes.pop();
        let e = Bundle::read(&bytes).unwrap_err();
        assert_eq!((e.entry, e.offset), (0, 512));
    }
}
