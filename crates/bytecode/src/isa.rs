//! The Phantom instruction set: every opcode exactly once, in [`instruction_set!`].
//!
//! The decoder, encoder, assembler, disassembler and verifier all read [`OpInfo`] rows; nothing
//! else in the project lists opcodes. Numbers and semantics follow the original VM's ISA
//! (reference `original-vm.md`, section 1).

/// How an operand is encoded in the code bytes, and what it means.
///
/// Multi-byte immediates are big-endian. `Implicit` operands cost no bytes: they are the
/// opcode's position within its family (`call 16 1` is opcode `0xA0 + 16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// The opcode's index in its family (method ordinal of `call`, `short_call`, `sys_short`).
    Implicit,
    /// u8 method ordinal.
    Method8,
    /// u32 method ordinal.
    Method32,
    /// u8 count (arguments, reserved slots).
    Count8,
    /// u32 count.
    Count32,
    /// u8 field slot of `this`.
    Field8,
    /// u32 field slot of `this`.
    Field32,
    /// u32 field slot of the object the instruction takes from the stack (checked when it runs).
    AnyField32,
    /// u32 stack slot, absolute from the bottom of the frame (or a depth for `os_pull32`).
    Slot32,
    /// u8 native method number.
    Native8,
    /// u8 integer constant, zero-extended.
    Int8,
    /// s32 integer constant.
    Int32,
    /// s64 integer constant.
    Int64,
    /// u32 constant-pool id.
    Const32,
    /// s32 jump displacement, relative to the offset of the displacement itself.
    Target,
    /// s32 byte length followed by that many bytes.
    Bytes,
    /// `debug`: u8 mode, then `Bytes` when `mode & 0x80`.
    Debug,
    /// `switch`: u32 n, s32 shift, u32 divisor, then n displacements, each relative to itself.
    Switch,
}

impl Operand {
    /// Encoded size in bytes when the size does not depend on the code itself.
    pub const fn fixed_size(self) -> Option<usize> {
        match self {
            Operand::Implicit => Some(0),
            Operand::Method8 | Operand::Count8 | Operand::Field8 | Operand::Native8 | Operand::Int8 => Some(1),
            Operand::Method32
            | Operand::Count32
            | Operand::Field32
            | Operand::AnyField32
            | Operand::Slot32
            | Operand::Int32
            | Operand::Const32
            | Operand::Target => Some(4),
            Operand::Int64 => Some(8),
            Operand::Bytes | Operand::Debug | Operand::Switch => None,
        }
    }
}

/// A type prefix: makes the next instruction work on long, float or double values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypePrefix {
    Long,
    Float,
    Double,
}

impl TypePrefix {
    pub const ALL: [TypePrefix; 3] = [TypePrefix::Long, TypePrefix::Float, TypePrefix::Double];

    /// Integer-stack cells one value of this type occupies.
    pub const fn cells(self) -> u32 {
        match self {
            TypePrefix::Long | TypePrefix::Double => 2,
            TypePrefix::Float => 1,
        }
    }

    /// The suffix used in assembly (`isum.long`).
    pub const fn suffix(self) -> &'static str {
        match self {
            TypePrefix::Long => "long",
            TypePrefix::Float => "float",
            TypePrefix::Double => "double",
        }
    }

    pub fn from_suffix(s: &str) -> Option<TypePrefix> {
        TypePrefix::ALL.into_iter().find(|p| p.suffix() == s)
    }

    const fn bit(self) -> u8 {
        match self {
            TypePrefix::Long => 1,
            TypePrefix::Float => 2,
            TypePrefix::Double => 4,
        }
    }

    /// The opcode that encodes this prefix.
    pub fn opcode(self) -> Op {
        OPS.iter()
            .find(|info| info.role == Role::Prefix(self))
            .map(|info| info.op)
            .expect("every prefix has a row in the instruction set")
    }
}

/// The set of type prefixes an opcode accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefixes(u8);

impl Prefixes {
    pub const NONE: Prefixes = Prefixes(0);
    pub const L: Prefixes = Prefixes(1);
    pub const LD: Prefixes = Prefixes(1 | 4);
    pub const LFD: Prefixes = Prefixes(1 | 2 | 4);
    pub const D: Prefixes = Prefixes(4);

    pub const fn accepts(self, prefix: TypePrefix) -> bool {
        self.0 & prefix.bit() != 0
    }
}

/// A number of integer-stack cells: `fixed` cells plus `values` values of the prefix's width
/// (one cell unprefixed or under float, two under long or double).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cells {
    pub fixed: u8,
    pub values: u8,
}

impl Cells {
    pub const fn count(self, prefix: Option<TypePrefix>) -> u32 {
        let width = match prefix {
            Some(p) => p.cells(),
            None => 1,
        };
        self.fixed as u32 + self.values as u32 * width
    }
}

/// Where a call's argument count comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgCount {
    Fixed(u8),
    /// The operand at this index.
    Operand(usize),
}

/// What an instruction does to the object stack (o) and the integer stack (i).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackEffect {
    /// Pops and pushes fixed amounts.
    Simple { o_pop: u8, o_push: u8, i_pop: Cells, i_push: Cells },
    /// Virtual call. o: this a0 .. a(n-1) -> result.
    Call { nargs: ArgCount },
    /// o: a0 .. a(n-1) this class -> result; n is operand 1.
    StaticInvoke,
    /// i: n -> ; o: a0 .. a(n-1) this name -> result. n must be a constant pushed just before.
    DynamicInvoke,
    /// Native method of `this`: i: count -> ; o: the method's own arguments -> result.
    Sys,
    /// o: -> operand 0 fresh slots; i: -> operand 1 zero cells.
    Reserve,
    /// o: -> copy of the element `operand 0` below the top (0 = top).
    Pull,
    /// o: -> slot `operand 0` counted from the frame's bottom.
    GetObjectSlot,
    /// o: v -> ; slot `operand 0` := v.
    SetObjectSlot,
    /// i: -> cell(s) from slot `operand 0`.
    GetIntSlot,
    /// i: v -> ; cell(s) at slot `operand 0` := v.
    SetIntSlot,
}

/// Where control goes after an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// To the next instruction.
    Next,
    /// To operand 0's target or to the next instruction.
    Branch,
    /// To operand 0's target only.
    Jump,
    /// To one of the table's targets or to the instruction after the table.
    Switch,
    /// To the next instruction; a throw in this frame may later go to operand 0's target.
    Catcher,
    /// Leaves the method.
    Return,
    /// Throws: leaves this code path.
    Throw,
}

/// What kind of opcode a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An instruction with defined behaviour.
    Defined,
    /// A type prefix: joins the next instruction into one.
    Prefix(TypePrefix),
    /// Numbered by the original ISA but never implemented or withdrawn (the original VM panics).
    /// Decoded so files can be inspected; the verifier rejects it.
    Withdrawn,
}

/// One row of the instruction set.
#[derive(Debug)]
pub struct OpInfo {
    pub op: Op,
    /// First opcode byte of the row.
    pub first: u8,
    /// Number of consecutive opcode bytes (more than 1 for families such as `call`).
    pub count: u8,
    /// Assembly mnemonic.
    pub name: &'static str,
    pub operands: &'static [Operand],
    pub prefixes: Prefixes,
    pub stack: StackEffect,
    pub flow: Flow,
    pub role: Role,
    /// One line for listings and documentation.
    pub doc: &'static str,
}

const fn c(n: u8) -> Cells {
    Cells { fixed: n, values: 0 }
}
const fn v(n: u8) -> Cells {
    Cells { fixed: 0, values: n }
}
const fn st(o_pop: u8, o_push: u8, i_pop: Cells, i_push: Cells) -> StackEffect {
    StackEffect::Simple { o_pop, o_push, i_pop, i_push }
}
/// No stack effect.
const NIL: StackEffect = st(0, 0, c(0), c(0));
/// Binary operation on two prefix-typed values.
const BIN: StackEffect = st(0, 0, v(2), v(1));
/// Unary operation on a prefix-typed value.
const UN: StackEffect = st(0, 0, v(1), v(1));
/// Comparison of two prefix-typed values, giving one int cell.
const CMP: StackEffect = st(0, 0, v(2), c(1));
/// Pushes one object.
const PUSH_O: StackEffect = st(0, 1, c(0), c(0));
/// Pops one object.
const POP_O: StackEffect = st(1, 0, c(0), c(0));

macro_rules! instruction_set {
    ($(
        $variant:ident = $first:literal $(x $count:literal)? , $name:literal,
        [$($operand:ident),*], $prefixes:ident, $stack:expr, $flow:ident, $role:expr,
        $doc:literal;
    )*) => {
        /// An opcode (or family of opcodes) of the instruction set.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Op { $( #[doc = $doc] $variant, )* }

        /// The instruction set, in opcode order, indexed by `Op as usize`.
        pub static OPS: &[OpInfo] = &TABLE;

        const TABLE: [OpInfo; [$($name),*].len()] = [$(
            OpInfo {
                op: Op::$variant,
                first: $first,
                count: instruction_set!(@count $($count)?),
                name: $name,
                operands: &[$(Operand::$operand),*],
                prefixes: Prefixes::$prefixes,
                stack: $stack,
                flow: Flow::$flow,
                role: $role,
                doc: $doc,
            },
        )*];
    };
    (@count) => { 1 };
    (@count $count:literal) => { $count };
}

use Role::{Defined, Withdrawn};
const PL: Role = Role::Prefix(TypePrefix::Long);
const PF: Role = Role::Prefix(TypePrefix::Float);
const PD: Role = Role::Prefix(TypePrefix::Double);

instruction_set! {
    Nop = 0x00, "nop", [], NONE, NIL, Next, Defined, "does nothing";
    Debug = 0x01, "debug", [Debug], NONE, NIL, Next, Defined,
        "prints a debug message; mode bit 0 turns tracing on, bit 1 off, bit 7 means a message follows";
    Skipz = 0x02, "skipz", [], NONE, NIL, Next, Withdrawn, "never implemented";
    Skipnz = 0x03, "skipnz", [], NONE, NIL, Next, Withdrawn, "never implemented";
    Djnz = 0x04, "djnz", [Target], NONE, st(0, 0, c(1), c(1)), Branch, Defined,
        "i: decrements the top cell in place; jumps if it is not zero";
    Jz = 0x05, "jz", [Target], NONE, st(0, 0, c(1), c(0)), Branch, Defined, "i: v -> ; jumps if v is 0";
    Jmp = 0x06, "jmp", [Target], NONE, NIL, Jump, Defined, "jumps";
    Switch = 0x07, "switch", [Switch], NONE, st(0, 0, c(1), c(0)), Switch, Defined,
        "i: v -> ; k = (v + shift) / div unsigned; jumps to entry k, or past the table when k >= n";
    Ret = 0x08, "ret", [], NONE, NIL, Return, Defined,
        "returns the top object (null when the stack is empty) to the caller";
    ShortCall = 0x09 x 4, "short_call", [Implicit], NONE, StackEffect::Call { nargs: ArgCount::Fixed(0) },
        Next, Defined, "o: this -> result; calls method 0..3 of this with no arguments";
    Call8 = 0x0D, "call_8bit", [Method8, Count32], NONE, StackEffect::Call { nargs: ArgCount::Operand(1) },
        Next, Defined, "o: this a0 .. an-1 -> result; virtual call by ordinal";
    Call32 = 0x0E, "call_32bit", [Method32, Count32], NONE, StackEffect::Call { nargs: ArgCount::Operand(1) },
        Next, Defined, "o: this a0 .. an-1 -> result; virtual call by ordinal";
    Sys = 0x0F, "sys", [Native8], NONE, StackEffect::Sys, Next, Defined,
        "runs native method k of this's internal class on the method's own arguments";
    IsDup = 0x10, "is_dup", [], LFD, st(0, 0, v(1), v(2)), Next, Defined, "i: a -> a a";
    IsDrop = 0x11, "is_drop", [], LFD, st(0, 0, v(1), c(0)), Next, Defined, "i: a ->";
    OsDup = 0x12, "os_dup", [], NONE, st(1, 2, c(0), c(0)), Next, Defined, "o: a -> a a";
    OsDrop = 0x13, "os_drop", [], NONE, POP_O, Next, Defined, "o: a ->";
    OsLoad8 = 0x14, "os_load8", [Field8], NONE, PUSH_O, Next, Defined, "o: -> field of this";
    OsSave8 = 0x15, "os_save8", [Field8], NONE, POP_O, Next, Defined, "o: v -> ; field of this := v";
    OsLoad32 = 0x16, "os_load32", [Field32], NONE, PUSH_O, Next, Defined, "o: -> field of this";
    OsSave32 = 0x17, "os_save32", [Field32], NONE, POP_O, Next, Defined, "o: v -> ; field of this := v";
    New = 0x18, "new", [], NONE, st(1, 1, c(0), c(0)), Next, Defined,
        "o: class -> instance (no constructor runs)";
    Copy = 0x19, "copy", [], NONE, NIL, Next, Withdrawn, "disabled in the original";
    OsCompose32 = 0x1A, "os_compose32", [Count32], NONE, NIL, Next, Withdrawn, "disabled in the original";
    OsDecompose = 0x1B, "os_decompose", [], NONE, NIL, Next, Withdrawn, "disabled in the original";
    OsPull32 = 0x1C, "os_pull32", [Slot32], NONE, StackEffect::Pull, Next, Defined,
        "o: -> copy of the element n below the top (0 = top)";
    OsAssign32 = 0x1D, "os_assign32", [], NONE, NIL, Next, Withdrawn, "never implemented";
    OsGet32 = 0x1E, "os_get32", [Slot32], NONE, StackEffect::GetObjectSlot, Next, Defined,
        "o: -> slot n of this frame's object stack (arguments, then locals)";
    OsSet32 = 0x1F, "os_set32", [Slot32], NONE, StackEffect::SetObjectSlot, Next, Defined,
        "o: v -> ; slot n := v";
    Iconst0 = 0x20, "iconst_0", [], L, st(0, 0, c(0), v(1)), Next, Defined, "i: -> 0";
    Iconst1 = 0x21, "iconst_1", [], L, st(0, 0, c(0), v(1)), Next, Defined, "i: -> 1";
    Iconst8 = 0x22, "iconst_8bit", [Int8], L, st(0, 0, c(0), v(1)), Next, Defined, "i: -> v (0..255)";
    Iconst32 = 0x23, "iconst_32bit", [Int32], L, st(0, 0, c(0), v(1)), Next, Defined, "i: -> v";
    SconstBin = 0x24, "sconst_bin", [Bytes], NONE, PUSH_O, Next, Defined, "o: -> new string";
    Iconst64 = 0x25, "iconst_64bit", [Int64], LD, st(0, 0, c(0), c(2)), Next, Defined,
        "i: -> 64-bit v as two cells (high deeper)";
    IsGet32 = 0x26, "is_get32", [Slot32], LFD, StackEffect::GetIntSlot, Next, Defined,
        "i: -> cell(s) at slot n of this frame's integer stack";
    IsSet32 = 0x27, "is_set32", [Slot32], LFD, StackEffect::SetIntSlot, Next, Defined,
        "i: v -> ; cell(s) at slot n := v";
    ConstPool = 0x28, "const_pool", [Const32], NONE, PUSH_O, Next, Defined,
        "o: -> constant n of the class defining the method";
    StackReserve = 0x29, "stack_reserve", [Count8, Count8], NONE, StackEffect::Reserve, Next, Defined,
        "o: -> nobj null slots; i: -> nint zero cells";
    StackInit = 0x2A, "stack_init", [], NONE, NIL, Next, Withdrawn, "never implemented";
    Cast = 0x2B, "cast", [], NONE, st(2, 1, c(0), c(0)), Next, Defined,
        "o: obj class -> obj; throws unless obj is an instance of class";
    PushCatcher = 0x2D, "push_catcher", [Target], NONE, POP_O, Catcher, Defined,
        "o: class -> ; installs a handler for throwables of class at the target";
    PopCatcher = 0x2E, "pop_catcher", [], NONE, NIL, Next, Defined, "removes the newest handler";
    Throw = 0x2F, "throw", [], NONE, POP_O, Throw, Defined, "o: x -> ; throws x";
    SummonThread = 0x30, "summon_thread", [], NONE, PUSH_O, Next, Defined, "o: -> the current thread";
    SummonThis = 0x31, "summon_this", [], NONE, PUSH_O, Next, Defined, "o: -> this";
    SummonNull = 0x37, "summon_null", [], NONE, PUSH_O, Next, Defined, "o: -> null";
    SummonClassClass = 0x38, "summon_class_class", [], NONE, PUSH_O, Next, Defined, "o: -> .internal.class";
    SummonIntClass = 0x39, "summon_int_class", [], NONE, PUSH_O, Next, Defined, "o: -> .internal.int";
    SummonStringClass = 0x3A, "summon_string_class", [], NONE, PUSH_O, Next, Defined,
        "o: -> .internal.string";
    SummonInterfaceClass = 0x3B, "summon_interface_class", [], NONE, PUSH_O, Next, Defined,
        "o: -> .internal.interface";
    SummonCodeClass = 0x3C, "summon_code_class", [], NONE, PUSH_O, Next, Defined, "o: -> .internal.code";
    SummonArrayClass = 0x3D, "summon_array_class", [], NONE, PUSH_O, Next, Defined,
        "o: -> .internal.container.array";
    SummonByName = 0x3F, "summon_by_name", [Bytes], NONE, PUSH_O, Next, Defined,
        "o: -> the class with this name (leading dot)";
    I2o = 0x40, "i2o", [], LFD, st(0, 1, v(1), c(0)), Next, Defined, "i: v -> ; o: -> boxed v";
    O2i = 0x41, "o2i", [], LFD, st(1, 0, c(0), v(1)), Next, Defined, "o: box -> ; i: -> v";
    Isum = 0x42, "isum", [], LFD, BIN, Next, Defined, "i: a b -> a+b";
    Imul = 0x43, "imul", [], LFD, BIN, Next, Defined, "i: a b -> a*b";
    Isubul = 0x44, "isubul", [], LFD, BIN, Next, Defined, "i: a b -> b-a";
    Isublu = 0x45, "isublu", [], LFD, BIN, Next, Defined, "i: a b -> a-b";
    Idivul = 0x46, "idivul", [], LFD, BIN, Next, Defined, "i: a b -> b/a";
    Idivlu = 0x47, "idivlu", [], LFD, BIN, Next, Defined, "i: a b -> a/b";
    Ior = 0x48, "ior", [], L, BIN, Next, Defined, "i: a b -> a|b";
    Iand = 0x49, "iand", [], L, BIN, Next, Defined, "i: a b -> a&b";
    Ixor = 0x4A, "ixor", [], L, BIN, Next, Defined, "i: a b -> a^b";
    Inot = 0x4B, "inot", [], L, UN, Next, Defined, "i: a -> ~a";
    LogOr = 0x4C, "log_or", [], L, BIN, Next, Defined, "i: a b -> a||b";
    LogAnd = 0x4D, "log_and", [], L, BIN, Next, Defined, "i: a b -> a&&b";
    LogXor = 0x4E, "log_xor", [], L, BIN, Next, Defined, "i: a b -> (a!=0) xor (b!=0)";
    LogNot = 0x4F, "log_not", [], L, UN, Next, Defined, "i: a -> !a";
    IsLoad8 = 0x50, "is_load8", [Field8], NONE, st(0, 0, c(0), c(1)), Next, Defined,
        "i: -> int value of a field of this";
    IsSave8 = 0x51, "is_save8", [Field8], NONE, st(0, 0, c(1), c(0)), Next, Defined,
        "i: v -> ; field of this := boxed v";
    Ige = 0x52, "ige", [], LFD, CMP, Next, Defined, "i: a b -> a>=b";
    Ile = 0x53, "ile", [], LFD, CMP, Next, Defined, "i: a b -> a<=b";
    Igt = 0x54, "igt", [], LFD, CMP, Next, Defined, "i: a b -> a>b";
    Ilt = 0x55, "ilt", [], LFD, CMP, Next, Defined, "i: a b -> a<b";
    Iremul = 0x56, "iremul", [], LFD, BIN, Next, Defined, "i: a b -> b%a (truncated)";
    Iremlu = 0x57, "iremlu", [], LFD, BIN, Next, Defined, "i: a b -> a%b (truncated)";
    OsEq = 0x58, "os_eq", [], NONE, st(2, 0, c(0), c(1)), Next, Defined, "o: a b -> ; i: -> a is b";
    OsNeq = 0x59, "os_neq", [], NONE, st(2, 0, c(0), c(1)), Next, Defined, "o: a b -> ; i: -> a is not b";
    OsIsnull = 0x5A, "os_isnull", [], NONE, st(1, 0, c(0), c(1)), Next, Defined, "o: a -> ; i: -> a is null";
    OsPushNull = 0x5B, "os_push_null", [], NONE, NIL, Next, Withdrawn, "withdrawn duplicate of summon_null";
    PrefixLong = 0x5C, "prefix_long", [], NONE, NIL, Next, PL, "the next instruction works on longs";
    PrefixFloat = 0x5D, "prefix_float", [], NONE, NIL, Next, PF, "the next instruction works on floats";
    PrefixDouble = 0x5E, "prefix_double", [], NONE, NIL, Next, PD, "the next instruction works on doubles";
    LockThis = 0x60, "lock_this", [], NONE, NIL, Next, Withdrawn, "never implemented";
    UnlockThis = 0x61, "unlock_this", [], NONE, NIL, Next, Withdrawn, "never implemented";
    GeneralLock = 0x62, "general_lock", [], NONE, POP_O, Next, Defined, "o: x -> ; monitor enter";
    GeneralUnlock = 0x63, "general_unlock", [], NONE, POP_O, Next, Defined, "o: x -> ; monitor exit";
    // Ours, not in the original ISA: fields of any object, for code translated from Java, where
    // a class's methods read and write other objects' fields. Only objects of classes that are
    // not internal have them.
    OsFieldGet = 0x64, "os_field_get", [AnyField32], NONE, st(1, 1, c(0), c(0)), Next, Defined,
        "o: obj -> field n of obj";
    OsFieldSet = 0x65, "os_field_set", [AnyField32], NONE, st(2, 0, c(0), c(0)), Next, Defined,
        "o: obj v -> ; field n of obj := v";
    IsFieldGet = 0x66, "is_field_get", [AnyField32], LFD, st(1, 0, c(0), v(1)), Next, Defined,
        "o: obj -> ; i: -> the number in field n of obj (null reads 0; a long or double is fields n and n+1, high half first, as ints)";
    IsFieldSet = 0x67, "is_field_set", [AnyField32], LFD, st(1, 0, v(1), c(0)), Next, Defined,
        "o: obj -> ; i: v -> ; field n of obj := v (as is_field_get reads it)";
    Math = 0x68, "math", [Int8], D, st(0, 0, v(2), v(1)), Next, Defined,
        "i: a b -> f(a, b), function k of java.lang.Math on doubles (one-argument ones ignore b)";
    OsArrayGet = 0x69, "os_array_get", [], NONE, st(1, 1, c(1), c(0)), Next, Defined,
        "o: array -> element; i: index -> ; an element of a Java array";
    OsArraySet = 0x6A, "os_array_set", [], NONE, st(2, 0, c(1), c(0)), Next, Defined,
        "o: array v -> ; i: index -> ; element := v, if the array's element class admits v";
    IsArrayGet = 0x6B, "is_array_get", [], LFD, st(1, 0, c(1), v(1)), Next, Defined,
        "o: array -> ; i: index -> v ; a number element of a Java array";
    IsArraySet = 0x6C, "is_array_set", [], LFD, st(1, 0, Cells { fixed: 1, values: 1 }, c(0)), Next, Defined,
        "o: array -> ; i: index v -> ; element := v";
    ArrayLength = 0x6D, "array_length", [], NONE, st(1, 0, c(0), c(1)), Next, Defined,
        "o: array -> ; i: -> its length (a Java array's, or a Phantom array's element count)";
    StaticInvoke = 0x6E, "static_invoke", [Method32, Count32], NONE, StackEffect::StaticInvoke, Next, Defined,
        "o: a0 .. an-1 this class -> result; calls class's method, not this's override";
    DynamicInvoke = 0x6F, "dynamic_invoke", [], NONE, StackEffect::DynamicInvoke, Next, Defined,
        "i: n -> ; o: a0 .. an-1 this name -> result; calls the method named name";
    Ishl = 0x70, "ishl", [], L, BIN, Next, Defined, "i: value count -> value<<count";
    Ishr = 0x71, "ishr", [], L, BIN, Next, Defined, "i: value count -> value>>count (arithmetic)";
    Ushr = 0x72, "ushr", [], L, BIN, Next, Defined, "i: value count -> value>>>count (logical)";
    ArgCount = 0x73, "arg_count", [Count8], NONE, st(0, 0, c(1), c(0)), Next, Defined,
        "i: n -> ; throws unless the call passed exactly this many arguments";
    Fromi = 0x74, "fromi", [], LFD, st(0, 0, c(1), v(1)), Next, Defined, "i: int -> value of the prefix type";
    Froml = 0x75, "froml", [], LFD, st(0, 0, c(2), v(1)), Next, Defined, "i: long -> value of the prefix type";
    Fromf = 0x76, "fromf", [], LFD, st(0, 0, c(1), v(1)), Next, Defined, "i: float -> value of the prefix type";
    Fromd = 0x77, "fromd", [], LFD, st(0, 0, c(2), v(1)), Next, Defined,
        "i: double -> value of the prefix type";
    SysShort = 0x80 x 16, "sys_short", [Implicit], NONE, NIL, Next, Withdrawn,
        "withdrawn one-byte sys (sys must be two bytes to restart)";
    Call = 0xA0 x 32, "call", [Implicit, Count8], NONE, StackEffect::Call { nargs: ArgCount::Operand(1) },
        Next, Defined, "o: this a0 .. an-1 -> result; calls method 0..31 of this";
}

const UNDEFINED: u8 = u8::MAX;

/// Row index of every opcode byte, or `UNDEFINED`. Built at compile time; a byte listed twice
/// stops the build.
static BY_BYTE: [u8; 256] = {
    let mut map = [UNDEFINED; 256];
    let mut row = 0;
    while row < TABLE.len() {
        assert!(TABLE[row].op as usize == row, "rows must be in declaration order");
        let mut k = 0;
        while k < TABLE[row].count {
            let byte = TABLE[row].first as usize + k as usize;
            assert!(map[byte] == UNDEFINED, "an opcode byte is listed twice");
            map[byte] = row as u8;
            k += 1;
        }
        row += 1;
    }
    map
};

impl Op {
    /// The opcode behind a byte, and the byte's index within the opcode's family.
    pub fn from_byte(byte: u8) -> Option<(Op, u8)> {
        let row = BY_BYTE[byte as usize];
        (row != UNDEFINED).then(|| {
            let info = &OPS[row as usize];
            (info.op, byte - info.first)
        })
    }

    pub fn info(self) -> &'static OpInfo {
        &OPS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Looks an opcode up by its assembly mnemonic.
    pub fn from_name(name: &str) -> Option<Op> {
        OPS.iter().find(|info| info.name == name).map(|info| info.op)
    }

    /// Every opcode byte this row covers.
    pub fn bytes(self) -> std::ops::RangeInclusive<u8> {
        let info = self.info();
        info.first..=info.first + (info.count - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_of_every_row_decodes_back_to_its_row() {
        for info in OPS {
            for (index, byte) in info.op.bytes().enumerate() {
                assert_eq!(Op::from_byte(byte), Some((info.op, index as u8)));
            }
        }
    }

    #[test]
    fn mnemonics_are_unique() {
        for (i, a) in OPS.iter().enumerate() {
            for b in &OPS[i + 1..] {
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn original_numbering_spot_checks() {
        // Numbers the original compiler hard-codes (reference section 1.2).
        assert_eq!(Op::from_byte(0x57), Some((Op::Iremlu, 0)));
        assert_eq!(Op::from_byte(0xB0), Some((Op::Call, 16)));
        assert_eq!(Op::from_byte(0x73), Some((Op::ArgCount, 0)));
        assert_eq!(Op::from_byte(0x9F), None);
        assert_eq!(Op::from_byte(0x2C), None);
        assert_eq!(TypePrefix::Double.opcode(), Op::PrefixDouble);
    }

    #[test]
    fn implicit_operands_belong_to_families_only() {
        for info in OPS {
            let implicit = info.operands.contains(&Operand::Implicit);
            assert_eq!(implicit, info.count > 1, "{}", info.name);
        }
    }
}
