//! The `.pc` class-file format: a sequence of `phfr:` records (reference `original-vm.md` 2.1-2.2).
//!
//! [`ClassFile::read`] keeps every record, in order, with every field exactly as stored, so
//! [`ClassFile::to_bytes`] gives back the bytes it read. Structural rules that span records
//! (exactly one `C` record, method ordinals within the method slots...) are the verifier's.

use std::fmt;

/// The five bytes every record starts with.
pub const RECORD_MAGIC: &[u8; 5] = b"phfr:";
/// Magic, tag byte and int32 length.
pub const RECORD_HEADER_LEN: usize = 10;

/// A type as the compiler records it: a container flag, a class name and, for containers, the
/// element class name. `(0, ".internal.int", "")`, `(1, "", ".internal.string")`, and the
/// untyped `(0, "", "")`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TypeRef {
    pub container: i32,
    pub class: Vec<u8>,
    pub element: Vec<u8>,
}

/// `C`: the class header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassHeader {
    /// Class name with its leading dot.
    pub name: Vec<u8>,
    /// Number of object slots (fields) of an instance, inherited ones included.
    pub field_slots: u32,
    /// Size of the method table, the 16 reserved and all inherited slots included.
    pub method_slots: u32,
    pub parent: Vec<u8>,
    /// The compiler's timestamp; no meaning to the VM.
    pub version: Vec<u8>,
}

/// `M`: a method's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    pub name: Vec<u8>,
    pub ordinal: u32,
    pub code: Vec<u8>,
}

/// `S`: a method signature. Two layouts exist: files written before 2017-09 have no
/// constructor flag (`ctor == None`), later ones do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub name: Vec<u8>,
    pub ordinal: u32,
    pub ctor: Option<i32>,
    pub returns: TypeRef,
    pub args: Vec<(Vec<u8>, TypeRef)>,
}

/// One entry of a line map: code offset and source line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub offset: i64,
    pub line: i32,
}

/// `l`: the line map of one method; entries in stored order (the original writes them unsorted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineMap {
    pub ordinal: u32,
    pub entries: Vec<LineEntry>,
}

/// One entry of an `f` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: Vec<u8>,
    pub ordinal: u32,
    pub ty: TypeRef,
}

/// `c`: a constant-pool entry. The value is the raw bytes of a string constant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constant {
    pub id: u32,
    pub ty: TypeRef,
    pub value: Vec<u8>,
}

/// One record of a class file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Class(ClassHeader),
    Method(Method),
    Signature(Signature),
    LineMap(LineMap),
    /// `f`: one or more field declarations.
    Fields(Vec<Field>),
    Constant(Constant),
    /// A record with a lower-case tag we do not know: the format allows such records to be
    /// ignored, so they are kept as they are.
    Unknown {
        tag: u8,
        body: Vec<u8>,
    },
}

impl Record {
    pub fn tag(&self) -> u8 {
        match self {
            Record::Class(_) => b'C',
            Record::Method(_) => b'M',
            Record::Signature(_) => b'S',
            Record::LineMap(_) => b'l',
            Record::Fields(_) => b'f',
            Record::Constant(_) => b'c',
            Record::Unknown { tag, .. } => *tag,
        }
    }
}

/// A class file: its records in file order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ClassFile {
    pub records: Vec<Record>,
}

/// A malformed class file, located by record and byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Index of the record (0-based) in the file.
    pub record: usize,
    /// Tag of the record, when its header could be read.
    pub tag: Option<u8>,
    /// Byte offset in the file where the problem is.
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.record)?;
        if let Some(tag) = self.tag {
            write!(f, " ('{}')", tag.escape_ascii())?;
        }
        write!(f, " at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for FormatError {}

/// Reads big-endian fields from one record's body, reporting errors at absolute file offsets.
struct Body<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// File offset of `bytes[0]`.
    base: usize,
}

type Fail = (usize, String);

impl<'a> Body<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn here(&self) -> usize {
        self.base + self.pos
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], Fail> {
        if n > self.remaining() {
            return Err((self.here(), format!("{what} needs {n} bytes but the record has {} left", self.remaining())));
        }
        let bytes = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    fn i32(&mut self, what: &str) -> Result<i32, Fail> {
        Ok(i32::from_be_bytes(self.take(4, what)?.try_into().unwrap()))
    }

    fn i64(&mut self, what: &str) -> Result<i64, Fail> {
        Ok(i64::from_be_bytes(self.take(8, what)?.try_into().unwrap()))
    }

    /// A non-negative int32 (counts, ordinals, ids).
    fn count(&mut self, what: &str) -> Result<u32, Fail> {
        let at = self.here();
        let v = self.i32(what)?;
        u32::try_from(v).map_err(|_| (at, format!("{what} is negative ({v})")))
    }

    fn string(&mut self, what: &str) -> Result<Vec<u8>, Fail> {
        let len = self.count(&format!("length of {what}"))?;
        Ok(self.take(len as usize, what)?.to_vec())
    }

    fn type_ref(&mut self, what: &str) -> Result<TypeRef, Fail> {
        Ok(TypeRef {
            container: self.i32(&format!("container flag of {what}"))?,
            class: self.string(&format!("class of {what}"))?,
            element: self.string(&format!("element class of {what}"))?,
        })
    }

    fn rest(&mut self) -> Vec<u8> {
        let rest = self.bytes[self.pos..].to_vec();
        self.pos = self.bytes.len();
        rest
    }

    fn finish(&self, what: &str) -> Result<(), Fail> {
        if self.at_end() {
            Ok(())
        } else {
            Err((self.here(), format!("{} unexpected bytes after the {what}", self.remaining())))
        }
    }
}

fn read_signature(body: &mut Body, with_ctor: bool) -> Result<Signature, Fail> {
    let name = body.string("method name")?;
    let ordinal = body.count("method ordinal")?;
    let argc = body.count("argument count")?;
    let ctor = if with_ctor { Some(body.i32("constructor flag")?) } else { None };
    let returns = body.type_ref("return type")?;
    let mut args = Vec::new();
    for i in 0..argc {
        // Each argument takes at least 16 bytes; stop a huge count before it allocates.
        if body.remaining() < 16 {
            return Err((body.here(), format!("argument {i} of {argc} is missing")));
        }
        args.push((body.string("argument name")?, body.type_ref("argument type")?));
    }
    body.finish("signature")?;
    Ok(Signature { name, ordinal, ctor, returns, args })
}

fn read_body(tag: u8, body: &mut Body) -> Result<Record, Fail> {
    let record = match tag {
        b'C' => {
            let header = ClassHeader {
                name: body.string("class name")?,
                field_slots: body.count("field slot count")?,
                method_slots: body.count("method slot count")?,
                parent: body.string("parent class name")?,
                version: body.string("version")?,
            };
            body.finish("class header")?;
            Record::Class(header)
        }
        b'M' => Record::Method(Method {
            name: body.string("method name")?,
            ordinal: body.count("method ordinal")?,
            code: body.rest(),
        }),
        b'S' => {
            // The layout is told by which one fills the record exactly; the newer one first.
            let start = body.pos;
            match read_signature(body, true) {
                Ok(sig) => Record::Signature(sig),
                Err(new_err) => {
                    body.pos = start;
                    match read_signature(body, false) {
                        Ok(sig) => Record::Signature(sig),
                        Err(old_err) => {
                            return Err((
                                new_err.0.max(old_err.0),
                                format!(
                                    "signature fits neither layout: with constructor flag, {}; without, {}",
                                    new_err.1, old_err.1
                                ),
                            ))
                        }
                    }
                }
            }
        }
        b'l' => {
            let ordinal = body.count("method ordinal")?;
            let count = body.count("line entry count")?;
            let at = body.here();
            if count as usize * 12 != body.remaining() {
                return Err((
                    at,
                    format!(
                        "{count} line entries need {} bytes but the record has {}",
                        count as u64 * 12,
                        body.remaining()
                    ),
                ));
            }
            let entries = (0..count)
                .map(|_| Ok(LineEntry { offset: body.i64("line entry offset")?, line: body.i32("line number")? }))
                .collect::<Result<_, Fail>>()?;
            Record::LineMap(LineMap { ordinal, entries })
        }
        b'f' => {
            let mut fields = Vec::new();
            while !body.at_end() {
                fields.push(Field {
                    name: body.string("field name")?,
                    ordinal: body.count("field ordinal")?,
                    ty: body.type_ref("field type")?,
                });
            }
            Record::Fields(fields)
        }
        b'c' => Record::Constant(Constant {
            id: body.count("constant id")?,
            ty: body.type_ref("constant type")?,
            value: body.rest(),
        }),
        tag if tag.is_ascii_lowercase() => Record::Unknown { tag, body: body.rest() },
        tag => {
            return Err((
                body.base - RECORD_HEADER_LEN + 5,
                format!("unknown record type '{}': upper-case records must be understood", tag.escape_ascii()),
            ))
        }
    };
    Ok(record)
}

impl ClassFile {
    /// Whether these bytes look like a class file (rather than a bundle).
    pub fn is_class_file(bytes: &[u8]) -> bool {
        bytes.starts_with(RECORD_MAGIC)
    }

    /// Parses a class file. Never panics, whatever the bytes.
    pub fn read(bytes: &[u8]) -> Result<ClassFile, FormatError> {
        let mut records = Vec::new();
        let mut offset = 0;
        if bytes.is_empty() {
            return Err(FormatError { record: 0, tag: None, offset: 0, message: "empty file".into() });
        }
        while offset < bytes.len() {
            let index = records.len();
            let fail = |tag, at, message: String| FormatError { record: index, tag, offset: at, message };
            let rest = &bytes[offset..];
            if rest.len() < RECORD_HEADER_LEN {
                return Err(fail(
                    None,
                    offset,
                    format!("truncated record header: {} bytes left, a header has 10", rest.len()),
                ));
            }
            if &rest[..5] != RECORD_MAGIC {
                return Err(fail(None, offset, format!("expected \"phfr:\", found \"{}\"", rest[..5].escape_ascii())));
            }
            let tag = rest[5];
            let length = i32::from_be_bytes(rest[6..10].try_into().unwrap());
            if length < RECORD_HEADER_LEN as i32 {
                return Err(fail(
                    Some(tag),
                    offset + 6,
                    format!("record length {length} is shorter than its 10-byte header"),
                ));
            }
            let length = length as usize;
            if length > rest.len() {
                return Err(fail(
                    Some(tag),
                    offset + 6,
                    format!("record length {length} runs past the end of the file ({} bytes left)", rest.len()),
                ));
            }
            let mut body = Body { bytes: &rest[RECORD_HEADER_LEN..length], pos: 0, base: offset + RECORD_HEADER_LEN };
            let record = read_body(tag, &mut body).map_err(|(at, message)| fail(Some(tag), at, message))?;
            records.push(record);
            offset += length;
        }
        Ok(ClassFile { records })
    }

    /// Serialises the records; the inverse of [`ClassFile::read`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for record in &self.records {
            let start = out.len();
            out.extend(RECORD_MAGIC);
            out.push(record.tag());
            out.extend([0; 4]);
            write_body(record, &mut out);
            let length = (out.len() - start) as u32;
            out[start + 6..start + 10].copy_from_slice(&length.to_be_bytes());
        }
        out
    }

    /// The class header, when there is exactly one.
    pub fn header(&self) -> Option<&ClassHeader> {
        let mut headers = self.records.iter().filter_map(|r| match r {
            Record::Class(h) => Some(h),
            _ => None,
        });
        match (headers.next(), headers.next()) {
            (Some(h), None) => Some(h),
            _ => None,
        }
    }

    pub fn methods(&self) -> impl Iterator<Item = &Method> {
        self.records.iter().filter_map(|r| match r {
            Record::Method(m) => Some(m),
            _ => None,
        })
    }

    pub fn signatures(&self) -> impl Iterator<Item = &Signature> {
        self.records.iter().filter_map(|r| match r {
            Record::Signature(s) => Some(s),
            _ => None,
        })
    }

    pub fn constants(&self) -> impl Iterator<Item = &Constant> {
        self.records.iter().filter_map(|r| match r {
            Record::Constant(c) => Some(c),
            _ => None,
        })
    }

    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.records.iter().flat_map(|r| match r {
            Record::Fields(f) => f.as_slice(),
            _ => &[],
        })
    }

    /// The signature of the method with this ordinal, if recorded.
    pub fn signature(&self, ordinal: u32) -> Option<&Signature> {
        self.signatures().find(|s| s.ordinal == ordinal)
    }

    /// The class name for messages, lossily decoded.
    pub fn display_name(&self) -> String {
        self.header().map_or_else(|| "<no class header>".to_string(), |h| String::from_utf8_lossy(&h.name).into_owned())
    }
}

fn put_i32(out: &mut Vec<u8>, v: i32) {
    out.extend(v.to_be_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend(v.to_be_bytes());
}

fn put_string(out: &mut Vec<u8>, s: &[u8]) {
    put_u32(out, s.len() as u32);
    out.extend(s);
}

fn put_type(out: &mut Vec<u8>, t: &TypeRef) {
    put_i32(out, t.container);
    put_string(out, &t.class);
    put_string(out, &t.element);
}

fn write_body(record: &Record, out: &mut Vec<u8>) {
    match record {
        Record::Class(h) => {
            put_string(out, &h.name);
            put_u32(out, h.field_slots);
            put_u32(out, h.method_slots);
            put_string(out, &h.parent);
            put_string(out, &h.version);
        }
        Record::Method(m) => {
            put_string(out, &m.name);
            put_u32(out, m.ordinal);
            out.extend(&m.code);
        }
        Record::Signature(s) => {
            put_string(out, &s.name);
            put_u32(out, s.ordinal);
            put_u32(out, s.args.len() as u32);
            if let Some(ctor) = s.ctor {
                put_i32(out, ctor);
            }
            put_type(out, &s.returns);
            for (name, ty) in &s.args {
                put_string(out, name);
                put_type(out, ty);
            }
        }
        Record::LineMap(l) => {
            put_u32(out, l.ordinal);
            put_u32(out, l.entries.len() as u32);
            for e in &l.entries {
                out.extend(e.offset.to_be_bytes());
                put_i32(out, e.line);
            }
        }
        Record::Fields(fields) => {
            for f in fields {
                put_string(out, &f.name);
                put_u32(out, f.ordinal);
                put_type(out, &f.ty);
            }
        }
        Record::Constant(c) => {
            put_u32(out, c.id);
            put_type(out, &c.ty);
            out.extend(&c.value);
        }
        Record::Unknown { body, .. } => out.extend(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(ctor: Option<i32>) -> ClassFile {
        let int = TypeRef { container: 0, class: b".internal.int".to_vec(), element: vec![] };
        ClassFile {
            records: vec![
                Record::Class(ClassHeader {
                    name: b".test.a".to_vec(),
                    field_slots: 1,
                    method_slots: 17,
                    parent: b".internal.object".to_vec(),
                    version: b"20260101000000000".to_vec(),
                }),
                Record::Method(Method { name: b"m".to_vec(), ordinal: 16, code: vec![0x08] }),
                Record::Signature(Signature {
                    name: b"m".to_vec(),
                    ordinal: 16,
                    ctor,
                    returns: TypeRef::default(),
                    args: vec![(b"x".to_vec(), int.clone())],
                }),
                Record::LineMap(LineMap { ordinal: 16, entries: vec![LineEntry { offset: 0, line: 3 }] }),
                Record::Fields(vec![Field { name: b"f".to_vec(), ordinal: 0, ty: int }]),
                Record::Constant(Constant { id: 0, ty: TypeRef::default(), value: b"hi".to_vec() }),
                Record::Unknown { tag: b'x', body: vec![1, 2, 3] },
            ],
        }
    }

    #[test]
    fn both_signature_layouts_round_trip() {
        for ctor in [None, Some(0), Some(1)] {
            let file = sample(ctor);
            let bytes = file.to_bytes();
            let back = ClassFile::read(&bytes).unwrap();
            assert_eq!(back, file);
            assert_eq!(back.to_bytes(), bytes);
        }
    }

    #[test]
    fn errors_name_the_record_and_offset() {
        let mut bytes = sample(Some(0)).to_bytes();
        bytes.truncate(bytes.len() - 1);
        let e = ClassFile::read(&bytes).unwrap_err();
        assert_eq!(e.record, 6);
        assert!(e.message.contains("runs past the end"), "{e}");

        let mut bytes = sample(Some(0)).to_bytes();
        let pos = bytes.windows(6).rposition(|w| w == b"phfr:x").unwrap();
        bytes[pos + 5] = b'X';
        let e = ClassFile::read(&bytes).unwrap_err();
        assert_eq!((e.record, e.offset), (6, pos + 5));
        assert!(e.to_string().contains("unknown record type 'X'"), "{e}");
    }

    #[test]
    fn class_header_with_trailing_bytes_is_refused() {
        let mut bytes = sample(None).to_bytes();
        // Grow the C record by one byte without adding a field.
        let len = u32::from_be_bytes(bytes[6..10].try_into().unwrap()) as usize;
        bytes.insert(len, 0);
        bytes[6..10].copy_from_slice(&(len as u32 + 1).to_be_bytes());
        let e = ClassFile::read(&bytes).unwrap_err();
        assert_eq!((e.record, e.offset), (0, len));
        assert!(e.message.contains("1 unexpected bytes after the class header"), "{e}");
    }
}
