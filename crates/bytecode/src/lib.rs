//! The Phantom bytecode toolchain: the instruction set ([`isa`]), instruction coding
//! ([`insn`]), the class-file and bundle formats ([`classfile`], [`bundle`]), the assembly
//! language ([`asm`], [`disasm`]), the [`verify`]er, and the table of the internal classes'
//! methods ([`internal`]).
//!
//! Everything that knows about opcodes reads the single table in [`isa`].

pub mod asm;
pub mod bundle;
pub mod classfile;
pub mod disasm;
pub mod emit;
pub mod insn;
pub mod internal;
pub mod isa;
pub mod verify;

pub use asm::{assemble, AsmError};
pub use bundle::{Bundle, BundleEntry, BundleError};
pub use classfile::{ClassFile, FormatError, Record};
pub use disasm::disassemble;
pub use insn::{Arg, Decoded, Insn};
pub use isa::{Op, OpInfo, TypePrefix, OPS};
pub use verify::{verify, VerifyError};
