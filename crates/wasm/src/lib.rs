//! WebAssembly for Phantom.
//!
//! A module is decoded and validated by `wasmparser` ([`Module::new`]) and each function
//! compiled to instructions over frame slots (`compile`). A [`Machine`] runs them for a budget
//! and stops at an instruction boundary; its whole state (value stack, frames, position,
//! globals, table) goes to words and back ([`Machine::save`], [`Machine::restore`]), so an
//! embedder can keep it in persistent memory and resume it after a restart. Linear memory is
//! the embedder's ([`Memory`]): Phantom keeps it in a binary object of its heap. Imported
//! functions stop the machine ([`Outcome::Host`]) for the embedder to answer; [`wasi`] answers
//! WASI preview 1 over a small [`wasi::System`] interface.

mod compile;
mod exec;
mod module;
mod ops;
pub mod wasi;

pub use exec::{Machine, Outcome, MAX_FRAMES, MAX_STACK};
pub use module::{Import, Kind, Module, Signature, MAX_PAGES, PAGE};

/// A module that cannot be run: what is wrong and where (a byte offset in the module).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub offset: usize,
}

impl Error {
    pub(crate) fn invalid(e: wasmparser::BinaryReaderError) -> Error {
        Error { message: format!("invalid module: {}", e.message()), offset: e.offset() }
    }

    pub(crate) fn unsupported(what: impl std::fmt::Display, offset: usize) -> Error {
        Error { message: format!("unsupported: {what}"), offset }
    }

    pub(crate) fn in_function(mut self, name: String) -> Error {
        self.message = format!("{} (in {name})", self.message);
        self
    }

    pub fn new(message: impl Into<String>) -> Error {
        Error { message: message.into(), offset: 0 }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {:#x} of the module", self.message, self.offset)
    }
}

impl std::error::Error for Error {}

/// Why running stopped abnormally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrapKind {
    Unreachable,
    OutOfBounds,
    DivisionByZero,
    IntegerOverflow,
    InvalidConversion,
    StackExhausted,
    IndirectCallToNull,
    /// An indirect call's index past the end of the table.
    TableOutOfBounds,
    IndirectCallSignature,
    /// The embedder's memory failed (an I/O error of persistent memory).
    Memory(String),
}

impl std::fmt::Display for TrapKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrapKind::Unreachable => write!(f, "unreachable executed"),
            TrapKind::OutOfBounds => write!(f, "out of bounds memory access"),
            TrapKind::DivisionByZero => write!(f, "integer divide by zero"),
            TrapKind::IntegerOverflow => write!(f, "integer overflow"),
            TrapKind::InvalidConversion => write!(f, "invalid conversion to integer"),
            TrapKind::StackExhausted => write!(f, "call stack exhausted"),
            TrapKind::IndirectCallToNull => write!(f, "indirect call to a null table entry"),
            TrapKind::TableOutOfBounds => write!(f, "undefined element: out of bounds table access"),
            TrapKind::IndirectCallSignature => write!(f, "indirect call signature mismatch"),
            TrapKind::Memory(why) => write!(f, "linear memory failed: {why}"),
        }
    }
}

/// A trap with the function and the byte offset of the instruction that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    pub kind: TrapKind,
    pub function: String,
    pub offset: u32,
}

impl std::fmt::Display for Trap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "wasm trap: {} in {} at byte {:#x}", self.kind, self.function, self.offset)
    }
}

impl std::error::Error for Trap {}

/// Linear memory, as the embedder keeps it. The machine checks every access against `size`
/// before it calls `load` or `store`, so those are always in bounds.
pub trait Memory {
    fn size(&self) -> u64;
    fn load<const N: usize>(&mut self, addr: u64) -> Result<[u8; N], String>;
    fn store<const N: usize>(&mut self, addr: u64, bytes: [u8; N]) -> Result<(), String>;
    fn read(&mut self, addr: u64, buf: &mut [u8]) -> Result<(), String>;
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), String>;
    /// Makes the memory `bytes` long (never shorter), the new part zeroed; `Ok(false)` if the
    /// embedder refuses.
    fn grow(&mut self, bytes: u64) -> Result<bool, String>;
}

/// The most a [`VecMemory`] grows to: 1 GiB.
pub const VEC_MEMORY_LIMIT: u64 = 1 << 30;

/// Linear memory in a vector: for tests, tools and the benchmark's reference.
#[derive(Default, Debug)]
pub struct VecMemory(pub Vec<u8>);

impl Memory for VecMemory {
    fn size(&self) -> u64 {
        self.0.len() as u64
    }
    #[inline(always)]
    fn load<const N: usize>(&mut self, addr: u64) -> Result<[u8; N], String> {
        let a = addr as usize;
        Ok(self.0[a..a + N].try_into().expect("checked by the machine"))
    }
    #[inline(always)]
    fn store<const N: usize>(&mut self, addr: u64, bytes: [u8; N]) -> Result<(), String> {
        let a = addr as usize;
        self.0[a..a + N].copy_from_slice(&bytes);
        Ok(())
    }
    fn read(&mut self, addr: u64, buf: &mut [u8]) -> Result<(), String> {
        let a = addr as usize;
        buf.copy_from_slice(&self.0[a..a + buf.len()]);
        Ok(())
    }
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), String> {
        let a = addr as usize;
        self.0[a..a + data.len()].copy_from_slice(data);
        Ok(())
    }
    fn grow(&mut self, bytes: u64) -> Result<bool, String> {
        // More than a quarter of the address space is refused (`memory.grow` gives -1).
        if bytes > VEC_MEMORY_LIMIT {
            return Ok(false);
        }
        self.0.resize(bytes as usize, 0);
        Ok(true)
    }
}
