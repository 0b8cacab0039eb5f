//! Classes: the internal-class table, loaded classes, method tables with inheritance and
//! overriding, and where class files are found.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use phantom_bytecode::classfile::Record;
use phantom_bytecode::{verify, Bundle, ClassFile};

use crate::code::Code;
use crate::heap::ClassId;
use crate::value::Value;

/// Well-known internal class ids: a class's id is its row in the bytecode crate's table, so
/// ids below `INTERNAL_CLASSES.len()` are internal.
pub use phantom_bytecode::internal::ids;
pub use phantom_bytecode::internal::INTERNAL_CLASSES;

/// Method slots of every internal class: the object protocol (0-15) and class-specific ones.
pub const INTERNAL_METHOD_SLOTS: usize = phantom_bytecode::internal::INTERNAL_METHOD_SLOTS as usize;

/// A native method's index in the natives' table (`natives::NATIVES`).
pub type NativeId = u16;

pub enum Body {
    Bytecode(Arc<Code>),
    Native(NativeId),
}

pub struct Method {
    /// Index in the VM's method table, given when its class is installed: frames refer to
    /// their method by it, which costs nothing to copy (an `Arc` would be counted up and down
    /// on every call and return).
    pub(crate) uid: AtomicU32,
    /// The argument count its first instruction checks (`arg_count k`), if it starts with one:
    /// a call with that many arguments enters after the check.
    pub(crate) checks_args: Option<u8>,
    pub name: String,
    pub ordinal: u32,
    /// The class whose file defines the method: its constant pool is the one `const_pool` reads.
    pub class: ClassId,
    pub body: Body,
    /// (code offset, source line), sorted by offset.
    pub lines: Vec<(u32, i32)>,
}

/// The uid of a method not installed yet.
pub(crate) const NO_UID: u32 = u32::MAX;

impl Method {
    #[inline]
    pub(crate) fn uid(&self) -> u32 {
        self.uid.load(Ordering::Relaxed)
    }

    /// The decoded code of a bytecode method.
    #[inline]
    pub fn code(&self) -> Option<&Code> {
        match &self.body {
            Body::Bytecode(code) => Some(code),
            Body::Native(_) => None,
        }
    }

    /// The source line of a code offset, if the class has a line map.
    pub fn line_at(&self, offset: u32) -> Option<i32> {
        let i = self.lines.partition_point(|(o, _)| *o <= offset);
        i.checked_sub(1).map(|i| self.lines[i].1)
    }
}

pub struct Class {
    pub id: ClassId,
    pub name: String,
    pub parent: Option<ClassId>,
    pub field_slots: u32,
    pub vtable: Vec<Option<Arc<Method>>>,
    /// Ordinals by method name, for `dynamic_invoke`.
    pub by_name: HashMap<String, u32>,
    pub constants: HashMap<u32, Value>,
    /// The heap object programs see for this class.
    pub object: Value,
    /// For a class that extends an internal class with state of its own (a window): that
    /// class. Its instances carry one more slot, after their fields, holding an instance of
    /// it, which the internal class's methods work on.
    pub peer: Option<ClassId>,
}

impl Class {
    pub fn is_internal(&self) -> bool {
        (self.id as usize) < INTERNAL_CLASSES.len()
    }
}

/// The ordinal of the method named `name` on instances of `class`, from the nearest class up
/// the chain that names it (what `dynamic_invoke` calls), with that class.
pub fn method_named(class: ClassId, name: &str, class_of: impl Fn(ClassId) -> Arc<Class>) -> Option<(Arc<Class>, u32)> {
    let mut next = Some(class);
    while let Some(c) = next {
        let c = class_of(c);
        if let Some(&ordinal) = c.by_name.get(name) {
            return Some((c, ordinal));
        }
        next = c.parent;
    }
    None
}

/// Where classes are loaded from, searched in order.
#[derive(Default)]
pub struct ClassPath {
    dirs: Vec<PathBuf>,
    bundles: Vec<Bundle>,
    files: Vec<Vec<u8>>,
}

impl ClassPath {
    pub fn add_dir(&mut self, dir: PathBuf) {
        self.dirs.push(dir);
    }

    pub fn add_bundle(&mut self, bundle: Bundle) {
        self.bundles.push(bundle);
    }

    /// A class file given directly; found by the name in its header.
    pub fn add_file(&mut self, bytes: Vec<u8>) {
        self.files.push(bytes);
    }

    /// The class file bytes for a class name (with its leading dot).
    pub fn find(&self, name: &str, host: &dyn phantom_host::Host) -> Option<Vec<u8>> {
        let bare = name.strip_prefix('.').unwrap_or(name);
        for bytes in &self.files {
            if ClassFile::read(bytes).ok().and_then(|f| f.header().map(|h| h.name == name.as_bytes())).unwrap_or(false)
            {
                return Some(bytes.clone());
            }
        }
        for dir in &self.dirs {
            if let Ok(bytes) = host.read_file(&dir.join(format!("{bare}.pc"))) {
                return Some(bytes);
            }
        }
        self.bundles.iter().find_map(|b| b.find(name.as_bytes()).map(|e| e.class.clone()))
    }
}

/// A class file checked and decoded, ready to link.
pub struct Parsed {
    pub file: ClassFile,
    pub name: String,
    pub parent: String,
}

/// Reads and verifies a class file.
pub fn parse(bytes: &[u8], origin: &str) -> Result<Parsed, String> {
    let file = ClassFile::read(bytes).map_err(|e| format!("{origin}: {e}"))?;
    verify(&file).map_err(|errors| format!("{origin}: {}", errors[0]))?;
    let header = file.header().expect("verified files have one header");
    let name = String::from_utf8_lossy(&header.name).into_owned();
    let parent = String::from_utf8_lossy(&header.parent).into_owned();
    Ok(Parsed { file, name, parent })
}

/// Builds the methods a class file defines; `fuse` as in [`Code::decode`].
pub fn methods_of(parsed: &Parsed, class: ClassId, fuse: bool) -> Result<Vec<Method>, String> {
    let mut out = Vec::new();
    for m in parsed.file.methods() {
        let code = Code::decode(&m.code, fuse).map_err(|e| format!("{}: {e}", parsed.name))?;
        let mut lines: Vec<(u32, i32)> = parsed
            .file
            .records
            .iter()
            .filter_map(|r| match r {
                Record::LineMap(l) if l.ordinal == m.ordinal => Some(l),
                _ => None,
            })
            .flat_map(|l| l.entries.iter().filter(|e| e.offset >= 0).map(|e| (e.offset as u32, e.line)))
            .collect();
        lines.sort_unstable();
        let checks_args = match code.instrs.first() {
            Some(crate::code::Instr::ArgCount(k)) => Some(*k),
            _ => None,
        };
        out.push(Method {
            uid: AtomicU32::new(NO_UID),
            checks_args,
            name: String::from_utf8_lossy(&m.name).into_owned(),
            ordinal: m.ordinal,
            class,
            body: Body::Bytecode(Arc::new(code)),
            lines,
        });
    }
    Ok(out)
}
