//! A read-only look into a system, running or just opened from an image: its threads with
//! their frames, its objects and its classes. The display's inspector and `phantom inspect`
//! show what this returns; nothing here changes the heap.

use std::time::Duration;

use crate::class::ids;
use crate::heap::{Kind, FIRST_OBJECT, FREE};
use crate::thread::{Park, Thread};
use crate::value::Value;
use crate::vm::Vm;

/// Elements or slots shown of one object; the rest are counted, not listed.
pub const MAX_FIELDS: usize = 1000;
/// Characters of a string shown.
pub const MAX_TEXT: usize = 4096;

/// A thread as it stood at a safepoint.
#[derive(Debug, Clone)]
pub struct ThreadInfo {
    pub id: u64,
    /// `runnable`, `sleeping`, `blocked`, `waiting for input` or `committing`.
    pub state: &'static str,
    /// Innermost first.
    pub frames: Vec<FrameInfo>,
}

/// One bytecode frame.
#[derive(Debug, Clone)]
pub struct FrameInfo {
    pub class: String,
    pub method: String,
    pub ordinal: u32,
    /// Offset of the instruction it is at (or, for a caller, of the call).
    pub offset: u32,
    pub line: Option<i32>,
    pub this: Value,
    /// The frame's part of the object stack: its arguments, then what it pushed.
    pub objects: Vec<Value>,
    /// The frame's part of the integer stack, one 32-bit cell each.
    pub ints: Vec<i32>,
}

/// One object's contents.
#[derive(Debug, Clone)]
pub struct ObjectInfo {
    pub class: String,
    /// The heap block's size, header included.
    pub size_bytes: u64,
    /// Named for a plain object by slot number, for an array by index.
    pub fields: Vec<(String, Value)>,
    /// Slots or elements beyond [`MAX_FIELDS`].
    pub more_fields: u64,
    pub text: Option<String>,
    /// For raw-byte objects (strings, binaries).
    pub bytes_len: Option<u64>,
    /// Width, height and RGBA rows, top first: for bitmaps and windows.
    pub image: Option<(u32, u32, Vec<u8>)>,
}

/// Bytes of a string a [`Brief`] shows.
const BRIEF_TEXT: u64 = 60;

/// A value as a reference to it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Brief {
    Null,
    Int(i32),
    /// A string's start.
    Text(String),
    Object {
        class: String,
        /// Its size: elements, slots or bytes.
        summary: String,
    },
    /// No object starts there (any more).
    Unreadable,
}

/// A class and its methods.
#[derive(Debug, Clone)]
pub struct ClassInfo {
    pub id: u32,
    pub name: String,
    pub parent: Option<String>,
    pub internal: bool,
    pub field_slots: u32,
    /// Ordinal and name of every method it has, inherited ones included.
    pub methods: Vec<(u32, String)>,
}

impl Vm {
    /// Every thread with its frames, taken at a safepoint that copies them and nothing else
    /// (the threads stand still only for the copy). Returns how long they stood still too.
    pub fn thread_infos(&self) -> (Vec<ThreadInfo>, Duration) {
        let started = self.now();
        let (mut threads, _) = self.sched.safepoint(|threads| threads.map(|t| self.thread_info(t)).collect::<Vec<_>>());
        let stood = self.now().saturating_sub(started);
        threads.sort_by_key(|t| t.id);
        (threads, stood)
    }

    fn thread_info(&self, thread: &Thread) -> ThreadInfo {
        let state = match thread.park {
            None => "runnable",
            Some(Park::Until(_)) => "sleeping",
            Some(Park::Blocked) => "blocked",
            Some(Park::External) => "waiting for input",
            Some(Park::Commit) => "committing",
        };
        let frames = &thread.frames;
        let frames = (0..frames.len())
            .rev()
            .map(|k| {
                let f = &frames[k];
                let (oend, iend) =
                    frames.get(k + 1).map_or((thread.objects.len(), thread.ints.len()), |n| (n.obase, n.ibase));
                let method = thread.method(f);
                let offset = method.code().and_then(|c| c.offsets.get(f.pc.saturating_sub(1)).copied()).unwrap_or(0);
                FrameInfo {
                    class: self.class(method.class).name.clone(),
                    method: method.name.clone(),
                    ordinal: method.ordinal,
                    offset,
                    line: method.line_at(offset),
                    this: f.this,
                    objects: thread.objects.get(f.obase..oend).unwrap_or_default().to_vec(),
                    ints: thread.ints.get(f.ibase..iend).unwrap_or_default().iter().map(|&c| c as i32).collect(),
                }
            })
            .collect();
        ThreadInfo { id: thread.id, state, frames }
    }

    /// The root object: where every persistent thing hangs from.
    pub fn root_object(&self) -> Value {
        self.heap.root().unwrap_or(Value::NULL)
    }

    /// What the object at heap offset `id` holds, if an object starts there. An offset taken
    /// from an earlier look may since have been freed or reused: the answer then describes
    /// what is there now, or is `None`.
    pub fn object_info(&self, id: u64) -> Option<ObjectInfo> {
        let heap = &self.heap;
        let (class, kind) = self.object_header(id)?;
        let len = heap.len(id).ok()?;
        let mut info = ObjectInfo {
            class: self.class(class).name.clone(),
            size_bytes: crate::heap::block_words(kind as u64, len) * 8,
            fields: Vec::new(),
            more_fields: 0,
            text: None,
            bytes_len: None,
            image: None,
        };
        match kind {
            Kind::Bytes => {
                info.bytes_len = Some(len);
                if class == ids::STRING {
                    let bytes = heap.bytes_range(id, 0, len.min(MAX_TEXT as u64)).ok()?;
                    info.text = Some(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
            Kind::Slots if class == ids::ARRAY => {
                let cx = self.cx();
                let count = crate::array::array_len(&cx, Value::from_ref(id)).ok()?;
                for i in 0..count.min(MAX_FIELDS) {
                    let v = crate::array::array_get_at(&cx, Value::from_ref(id), i as i32).ok()?;
                    info.fields.push((format!("[{i}]"), v));
                }
                info.more_fields = count.saturating_sub(MAX_FIELDS) as u64;
            }
            Kind::Slots => {
                for i in 0..len.min(MAX_FIELDS as u64) {
                    info.fields.push((i.to_string(), heap.slot(id, i).ok()?));
                }
                info.more_fields = len.saturating_sub(MAX_FIELDS as u64);
                info.image = crate::window::image_of(&self.cx(), id).ok().flatten();
            }
        }
        Some(info)
    }

    /// A value in a few words, without reading more of it than that.
    pub fn brief(&self, v: Value) -> Brief {
        if let Some(i) = v.as_int() {
            return Brief::Int(i);
        }
        let Some(o) = v.object() else { return Brief::Null };
        let Some((class, kind)) = self.object_header(o) else { return Brief::Unreadable };
        let len = self.heap.len(o).unwrap_or(0);
        if class == ids::STRING {
            let bytes = self.heap.bytes_range(o, 0, len.min(BRIEF_TEXT)).unwrap_or_default();
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            if len > BRIEF_TEXT {
                text.push('…');
            }
            return Brief::Text(text);
        }
        let name = self.class(class).name.clone();
        let summary = if class == ids::ARRAY {
            let count = crate::array::array_len(&self.cx(), v).unwrap_or(0);
            format!("{count} elements")
        } else {
            match kind {
                Kind::Bytes => format!("{len} bytes"),
                Kind::Slots => format!("{len} slots"),
            }
        };
        Brief::Object { class: name, summary }
    }

    /// The class and kind of the object at `o`, if one starts there: the offset is inside
    /// the heap, aligned, its header names a class (not a free block), and the block it
    /// claims ends inside the heap.
    fn object_header(&self, o: u64) -> Option<(u32, Kind)> {
        if o < FIRST_OBJECT || o >= self.heap.top() || !o.is_multiple_of(8) {
            return None;
        }
        let (class, kind) = self.heap.header(o).ok()?;
        if class == FREE || class as usize >= self.tables().classes.len() {
            return None;
        }
        // The block it claims must end inside the heap.
        let len = self.heap.len(o).ok()?;
        let payload = if matches!(kind, Kind::Bytes) { len.div_ceil(8) } else { len };
        let end = payload.checked_add(2).and_then(|w| w.checked_mul(8)).and_then(|b| b.checked_add(o))?;
        (end <= self.heap.top()).then_some((class, kind))
    }

    /// Every class installed, with its methods.
    pub fn class_infos(&self) -> Vec<ClassInfo> {
        let tables = self.tables();
        tables
            .classes
            .iter()
            .map(|c| ClassInfo {
                id: c.id,
                name: c.name.clone(),
                parent: c.parent.map(|p| self.class(p).name.clone()),
                internal: c.is_internal(),
                field_slots: c.field_slots,
                methods: c
                    .vtable
                    .iter()
                    .enumerate()
                    .filter_map(|(k, m)| m.as_ref().map(|m| (k as u32, m.name.clone())))
                    .collect(),
            })
            .collect()
    }
}
