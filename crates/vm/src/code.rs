//! Decoded code: a method's verified bytecode as a compact instruction array with jump targets
//! resolved to indexes. Derived data, kept outside the heap and rebuilt from the class file on
//! demand.

use phantom_bytecode::insn::{decode_all, Arg};
use phantom_bytecode::isa::{Op, TypePrefix};

/// The type an integer-stack instruction works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Int,
    Long,
    Float,
    Double,
}

impl Ty {
    fn of(prefix: Option<TypePrefix>) -> Ty {
        match prefix {
            None => Ty::Int,
            Some(TypePrefix::Long) => Ty::Long,
            Some(TypePrefix::Float) => Ty::Float,
            Some(TypePrefix::Double) => Ty::Double,
        }
    }

    /// Integer-stack cells a value of this type occupies.
    pub fn cells(self) -> usize {
        match self {
            Ty::Int | Ty::Float => 1,
            Ty::Long | Ty::Double => 2,
        }
    }
}

/// Binary operations on two values of a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bin {
    Add,
    Mul,
    /// b - a ("upper minus lower")
    SubUL,
    /// a - b
    SubLU,
    /// b / a
    DivUL,
    /// a / b
    DivLU,
    /// b % a
    RemUL,
    /// a % b
    RemLU,
    Or,
    And,
    Xor,
    LogOr,
    LogAnd,
    LogXor,
    Shl,
    Shr,
    Ushr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Ge,
    Le,
    Gt,
    Lt,
}

/// One decoded instruction. Targets are instruction indexes.
#[derive(Clone, Debug)]
pub enum Instr {
    Nop,
    Debug,
    Djnz(u32),
    Jz(u32),
    Jmp(u32),
    Switch {
        shift: i32,
        divisor: u32,
        targets: Box<[u32]>,
    },
    Ret,
    Call {
        method: u32,
        nargs: u32,
    },
    Sys(u8),
    IsDup(Ty),
    IsDrop(Ty),
    OsDup,
    OsDrop,
    LoadField(u32),
    SaveField(u32),
    LoadIntField(u32),
    SaveIntField(u32),
    /// Fields of the object on the stack (`os_field_get`...), numbers as `is_field_get` has them.
    GetObjectField(u32),
    SetObjectField(u32),
    GetNumberField(Ty, u32),
    SetNumberField(Ty, u32),
    /// Java arrays (`java_array`): `os_array_get`, `os_array_set`, `is_array_get`...
    ArrayGet,
    ArraySet,
    ArrayGetNumber(Ty),
    ArraySetNumber(Ty),
    ArrayLength,
    /// Function k of java.lang.Math (`java::math_function`) on two values of the type.
    Math(Ty, u8),
    New,
    Pull(u32),
    GetSlot(u32),
    SetSlot(u32),
    /// A constant of the given type (the bits of a long, an int for the rest).
    Const(Ty, i64),
    /// Pushes a 64-bit pattern as two cells, whatever the prefix.
    Const64(i64),
    String(Box<[u8]>),
    GetInt(Ty, u32),
    SetInt(Ty, u32),
    ConstPool(u32),
    Reserve(u8, u8),
    Cast,
    PushCatcher(u32),
    PopCatcher,
    Throw,
    SummonThread,
    SummonThis,
    SummonNull,
    /// One of the internal classes by name.
    SummonInternal(&'static str),
    /// A class by name; the id it resolves to is remembered (class ids never change).
    SummonByName(Box<[u8]>, std::sync::OnceLock<u32>),
    Box(Ty),
    Unbox(Ty),
    Bin(Bin, Ty),
    Not(Ty),
    LogNot(Ty),
    Cmp(Cmp, Ty),
    OsEq,
    OsNeq,
    OsIsNull,
    Lock,
    Unlock,
    StaticInvoke {
        method: u32,
        nargs: u32,
    },
    DynamicInvoke,
    ArgCount(u8),
    /// Convert from the first type to the second.
    Convert(Ty, Ty),
    // Fused runs (see `fuse`): each stands for the instruction it replaced and the ones after.
    /// `os_get32 s; o2i`.
    GetSlotInt(u32),
    /// `iconst k; <op>` on ints.
    BinConst(Bin, i32),
    /// `iconst k; <cmp>; jz target` on ints.
    JumpUnlessConst {
        cmp: Cmp,
        k: i32,
        target: u32,
    },
    /// `iconst k; <op>; is_set32 slot` on ints.
    BinConstSet {
        op: Bin,
        k: i32,
        slot: u32,
    },
    /// `is_get32 a; is_get32 b; <op>` on ints, `op` one that cannot trap.
    BinLocals {
        op: Bin,
        a: u32,
        b: u32,
    },
    /// `is_get32 slot; iconst k; <op>; is_set32 slot` on ints (`i++`, `i += k`).
    UpdateLocal {
        op: Bin,
        slot: u32,
        k: i32,
    },
    /// `is_get32 slot; iconst k; <cmp>; jz target` on ints (a loop's test).
    JumpUnlessLocalConst {
        cmp: Cmp,
        slot: u32,
        k: i32,
        target: u32,
    },
    /// `os_get32 slot; o2i; iconst k; <cmp>; jz target` (a test of an int argument).
    JumpUnlessSlotConst {
        cmp: Cmp,
        slot: u32,
        k: i32,
        target: u32,
    },
    /// `summon_null; ret` (the end of every method returning nothing).
    ReturnNull,
    /// `is_get32 a; is_get32 b; <cmp>; jz target` on ints (a loop's test against a local).
    JumpUnlessLocals {
        cmp: Cmp,
        a: u32,
        b: u32,
        target: u32,
    },
    /// `is_get32 a; fromi.double` (an int local used in double arithmetic).
    LocalToDouble(u32),
    /// `is_get32.double a; is_get32.double b; <op>.double`, `op` one of the arithmetic ones.
    DoubleLocals {
        op: Bin,
        a: u32,
        b: u32,
    },
    /// `is_get32.double a; <op>.double`: the value on top `op` a local.
    DoubleLocal {
        op: Bin,
        a: u32,
    },
    /// `iconst_64bit.double k; <op>.double`: the value on top `op` a constant (its bits).
    DoubleConst {
        op: Bin,
        k: i64,
    },
    /// `os_load field; o2i` (an int field read).
    LoadFieldInt(u32),
    /// `os_load field; o2i; iconst k; <op>; i2o; os_save field` (`count = count + 1`).
    UpdateField {
        op: Bin,
        field: u32,
        k: i32,
    },
    /// `os_get32 slot; o2i; iconst k; <op>; i2o` (an argument for a call, say `n - 1`).
    SlotBinConstBox {
        op: Bin,
        slot: u32,
        k: i32,
    },
    /// `os_get32 slot; is_field_get.T field` (a number field of an object in a local).
    SlotNumberField {
        ty: Ty,
        slot: u32,
        field: u32,
    },
    /// `os_get32 slot; os_field_get field`.
    SlotObjectField {
        slot: u32,
        field: u32,
    },
    /// `os_get32 array; is_get32 index; is_array_get.T` (an element of a local array at a
    /// local index).
    SlotArrayNumber {
        ty: Ty,
        array: u32,
        index: u32,
    },
    /// `os_get32 array; is_get32 index; os_array_get`.
    SlotArrayObject {
        array: u32,
        index: u32,
    },
    /// `is_get32 slot; os_get32 array; array_length; <cmp>; jz target` (a loop over an array).
    JumpUnlessLocalLength {
        cmp: Cmp,
        slot: u32,
        array: u32,
        target: u32,
    },
    /// `log_not; jz target`: jumps when the int on top is not zero.
    JumpUnlessZero(u32),
    /// `iconst k; ishl; iconst k; ishr`: the low `32 - k` bits sign-extended (Java's i2b, i2s).
    SignExtend(u32),
    /// `is_get32.long a; is_get32 b; fromi.long; <cmp>.long; jz target` (a long loop variable
    /// against an int bound).
    JumpUnlessLongInt {
        cmp: Cmp,
        a: u32,
        b: u32,
        target: u32,
    },
    /// `is_get32.long a; is_get32 b; fromi.long; <op>.long; is_set32.long to` (`j += i`), `op`
    /// one that cannot throw.
    LongIntSet {
        op: Bin,
        a: u32,
        b: u32,
        to: u32,
    },
    /// `<cmp>; jz target` on ints.
    JumpUnlessCmp {
        cmp: Cmp,
        target: u32,
    },
    /// `is_get32 b; <cmp>; jz target` on ints: the value on top against a local.
    JumpUnlessTopLocal {
        cmp: Cmp,
        b: u32,
        target: u32,
    },
    /// A null test of the object on top and a jump (see `IfNull`).
    JumpNull {
        when: IfNull,
        target: u32,
    },
    /// `os_get32 slot` and a null test of it with a jump (see `IfNull`).
    JumpSlotNull {
        when: IfNull,
        slot: u32,
        target: u32,
    },
    /// `summon_by_name C; static_invoke method nargs` (a Java static or super call).
    StaticCallByName {
        name: Box<[u8]>,
        resolved: std::sync::OnceLock<u32>,
        method: u32,
        nargs: u32,
    },
    /// `os_get32 array; is_get32 index; is_array_get; is_get32 b; <cmp>; jz target` on ints
    /// (`while (a[i] < pivot)`).
    JumpUnlessElementLocal {
        cmp: Cmp,
        array: u32,
        index: u32,
        b: u32,
        target: u32,
    },
    /// `os_get32 slot; is_get32 local; is_get32 local; iconst k; isum; is_set32 local` (an
    /// array and `i++` as its index).
    SlotAndLocalBump {
        slot: u32,
        local: u32,
        k: i32,
    },
    /// `os_get32 slot; is_get32.long local; froml` (an array and a long index made an int).
    SlotAndLongAsInt {
        slot: u32,
        local: u32,
    },
    /// `iconst k; is_array_set` (a constant stored in an int array).
    ArraySetConst(i32),
    /// `os_get32 slot; is_get32 local` (an array and an index, say, before the value to store).
    SlotAndLocal {
        slot: u32,
        local: u32,
    },
    /// `os_get32 slot; os_dup; is_field_get.T field` (the read of `a.f += ...`).
    SlotDupNumberField {
        ty: Ty,
        slot: u32,
        field: u32,
    },
    /// `os_get32 slot; is_field_get.double field; <op>.double`: the value on top `op` the field.
    SlotFieldDouble {
        op: Bin,
        slot: u32,
        field: u32,
    },
    /// `<op>.double; is_field_set.double field` (the write of `a.f += ...`).
    DoubleOpSetField {
        op: Bin,
        field: u32,
    },
    /// `<op>.double; is_set32.double slot`.
    DoubleOpSet {
        op: Bin,
        slot: u32,
    },
    /// `i2o; ret` (an int method's return).
    BoxReturn,
    /// `const_pool name; iconst n; dynamic_invoke` (a Java interface call), remembering the
    /// ordinal the name had on the last receiver's class.
    InterfaceCall {
        name: u32,
        n: u32,
        cache: CallCache,
    },
    /// `summon_by_name C; iconst_0; i2o; call 11 1; os_dup; os_isnull; jz target`: the object
    /// holding a translated Java class's statics, when it exists, and the jump past its making.
    StaticInstance {
        name: Box<[u8]>,
        resolved: std::sync::OnceLock<u32>,
        target: u32,
    },
}

/// What a fused null test does: jump when the object is null, or when it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IfNull {
    /// `os_isnull; jz`
    NotNull,
    /// `os_isnull; log_not; jz`
    Null,
}

impl IfNull {
    /// Instructions the test stands for after the object is on the stack.
    pub fn instructions(self) -> u32 {
        match self {
            IfNull::NotNull => 2,
            IfNull::Null => 3,
        }
    }

    #[inline(always)]
    pub fn jumps(self, v: crate::value::Value) -> bool {
        v.is_null() == (self == IfNull::Null)
    }
}

/// The class an `InterfaceCall` last saw and the ordinal its name had there (classes and
/// their method tables never change once loaded).
#[derive(Debug)]
pub struct CallCache(std::sync::atomic::AtomicU64);

impl CallCache {
    const EMPTY: u64 = u64::MAX;

    fn new() -> CallCache {
        CallCache(std::sync::atomic::AtomicU64::new(Self::EMPTY))
    }

    /// The ordinal remembered for `class`.
    #[inline(always)]
    pub fn ordinal(&self, class: u32) -> Option<u32> {
        let v = self.0.load(std::sync::atomic::Ordering::Relaxed);
        (v != Self::EMPTY && (v >> 32) as u32 == class).then_some(v as u32)
    }

    pub fn remember(&self, class: u32, ordinal: u32) {
        self.0.store((class as u64) << 32 | ordinal as u64, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Clone for CallCache {
    fn clone(&self) -> CallCache {
        CallCache::new()
    }
}

/// `a op k` for the operations `BinConst` and its relatives fuse (see `const_op_fuses`).
#[inline(always)]
pub fn const_op(op: Bin, a: i32, k: i32) -> i32 {
    match op {
        Bin::Add => a.wrapping_add(k),
        Bin::SubLU => a.wrapping_sub(k),
        Bin::Mul => a.wrapping_mul(k),
        Bin::And => a & k,
        Bin::Or => a | k,
        Bin::Xor => a ^ k,
        Bin::DivLU => a / k,
        Bin::Shl => a.wrapping_shl(k as u32),
        Bin::Shr => a.wrapping_shr(k as u32),
        Bin::Ushr => (a as u32).wrapping_shr(k as u32) as i32,
        _ => a % k,
    }
}

/// `a op b` on longs for the operations that cannot throw (add, multiply, both subtractions,
/// and, or, xor; the fused forms take no others).
#[inline(always)]
pub fn long_op(op: Bin, a: i64, b: i64) -> i64 {
    match op {
        Bin::Add => a.wrapping_add(b),
        Bin::Mul => a.wrapping_mul(b),
        Bin::SubLU => a.wrapping_sub(b),
        Bin::SubUL => b.wrapping_sub(a),
        Bin::And => a & b,
        Bin::Or => a | b,
        _ => a ^ b,
    }
}

/// `a op b` on doubles for the arithmetic operations (the ones `double_op_fuses` lets fuse;
/// the logical and bitwise ones throw, and are never passed here).
#[inline(always)]
pub fn double_op(op: Bin, a: f64, b: f64) -> f64 {
    match op {
        Bin::Add => a + b,
        Bin::Mul => a * b,
        Bin::SubLU => a - b,
        Bin::SubUL => b - a,
        Bin::DivLU => a / b,
        Bin::DivUL => b / a,
        Bin::RemLU => a % b,
        _ => b % a,
    }
}

/// Whether a double operation fuses: the arithmetic ones, which cannot throw.
pub(crate) fn double_op_fuses(op: Bin) -> bool {
    matches!(op, Bin::Add | Bin::Mul | Bin::SubLU | Bin::SubUL | Bin::DivLU | Bin::DivUL | Bin::RemLU | Bin::RemUL)
}

/// Whether `a op k` on ints can be fused: it neither traps nor needs the general path for
/// any `a` (division by 0 throws and MIN / -1 wraps: those stay unfused).
pub(crate) fn const_op_fuses(op: Bin, k: i32) -> bool {
    matches!(op, Bin::Add | Bin::SubLU | Bin::Mul | Bin::And | Bin::Or | Bin::Xor | Bin::Shl | Bin::Shr | Bin::Ushr)
        || (matches!(op, Bin::DivLU | Bin::RemLU) && k != 0 && k != -1)
}

/// A method's decoded code.
#[derive(Debug)]
pub struct Code {
    pub instrs: Vec<Instr>,
    /// Byte offset of each instruction in the class file's code.
    pub offsets: Vec<u32>,
}

impl Code {
    /// Decodes verified bytecode, fusing common runs (see `fuse`) if asked to. Fails only on
    /// code the verifier would have rejected.
    pub fn decode(bytes: &[u8], fuse_runs: bool) -> Result<Code, String> {
        let decoded = decode_all(bytes).map_err(|e| e.to_string())?;
        let offsets: Vec<u32> = decoded.iter().map(|d| d.offset as u32).collect();
        let index = |target: i64| -> Result<u32, String> {
            offsets
                .binary_search(&(target as u32))
                .map(|i| i as u32)
                .map_err(|_| format!("jump target @{target} is not an instruction"))
        };
        let mut instrs = Vec::with_capacity(decoded.len());
        for d in &decoded {
            let ty = Ty::of(d.insn.prefix);
            let int = |i: usize| match d.insn.args.get(i) {
                Some(Arg::Int(v)) => *v,
                _ => 0,
            };
            let target = || match d.insn.args.first() {
                Some(Arg::Target(t)) => index(*t),
                _ => Err("missing jump target".to_string()),
            };
            let bytes = || match d.insn.args.first() {
                Some(Arg::Bytes(b)) => b.clone().into_boxed_slice(),
                _ => Box::default(),
            };
            use Op::*;
            let instr = match d.insn.op {
                Nop => Instr::Nop,
                Debug => Instr::Debug,
                Djnz => Instr::Djnz(target()?),
                Jz => Instr::Jz(target()?),
                Jmp => Instr::Jmp(target()?),
                Op::Switch => match &d.insn.args[0] {
                    Arg::Switch { shift, divisor, targets } => Instr::Switch {
                        shift: *shift,
                        divisor: *divisor,
                        targets: targets.iter().map(|t| index(*t)).collect::<Result<_, _>>()?,
                    },
                    _ => return Err("bad switch".into()),
                },
                Ret => Instr::Ret,
                ShortCall => Instr::Call { method: int(0) as u32, nargs: 0 },
                Call8 | Call32 | Op::Call => Instr::Call { method: int(0) as u32, nargs: int(1) as u32 },
                Op::Sys => Instr::Sys(int(0) as u8),
                Op::IsDup => Instr::IsDup(ty),
                Op::IsDrop => Instr::IsDrop(ty),
                Op::OsDup => Instr::OsDup,
                Op::OsDrop => Instr::OsDrop,
                OsLoad8 | OsLoad32 => Instr::LoadField(int(0) as u32),
                OsSave8 | OsSave32 => Instr::SaveField(int(0) as u32),
                IsLoad8 => Instr::LoadIntField(int(0) as u32),
                IsSave8 => Instr::SaveIntField(int(0) as u32),
                OsFieldGet => Instr::GetObjectField(int(0) as u32),
                OsFieldSet => Instr::SetObjectField(int(0) as u32),
                IsFieldGet => Instr::GetNumberField(ty, int(0) as u32),
                IsFieldSet => Instr::SetNumberField(ty, int(0) as u32),
                Op::Math => Instr::Math(ty, int(0) as u8),
                OsArrayGet => Instr::ArrayGet,
                OsArraySet => Instr::ArraySet,
                IsArrayGet => Instr::ArrayGetNumber(ty),
                IsArraySet => Instr::ArraySetNumber(ty),
                Op::ArrayLength => Instr::ArrayLength,
                Op::New => Instr::New,
                OsPull32 => Instr::Pull(int(0) as u32),
                OsGet32 => Instr::GetSlot(int(0) as u32),
                OsSet32 => Instr::SetSlot(int(0) as u32),
                Iconst0 => Instr::Const(ty, 0),
                Iconst1 => Instr::Const(ty, 1),
                Iconst8 | Iconst32 => Instr::Const(ty, int(0)),
                Iconst64 => Instr::Const64(int(0)),
                SconstBin => Instr::String(bytes()),
                IsGet32 => Instr::GetInt(ty, int(0) as u32),
                IsSet32 => Instr::SetInt(ty, int(0) as u32),
                Op::ConstPool => Instr::ConstPool(int(0) as u32),
                StackReserve => Instr::Reserve(int(0) as u8, int(1) as u8),
                Op::Cast => Instr::Cast,
                Op::PushCatcher => Instr::PushCatcher(target()?),
                Op::PopCatcher => Instr::PopCatcher,
                Op::Throw => Instr::Throw,
                Op::SummonThread => Instr::SummonThread,
                Op::SummonThis => Instr::SummonThis,
                Op::SummonNull => Instr::SummonNull,
                SummonClassClass => Instr::SummonInternal(".internal.class"),
                SummonIntClass => Instr::SummonInternal(".internal.int"),
                SummonStringClass => Instr::SummonInternal(".internal.string"),
                SummonInterfaceClass => Instr::SummonInternal(".internal.interface"),
                SummonCodeClass => Instr::SummonInternal(".internal.code"),
                SummonArrayClass => Instr::SummonInternal(".internal.container.array"),
                Op::SummonByName => Instr::SummonByName(bytes(), std::sync::OnceLock::new()),
                I2o => Instr::Box(ty),
                O2i => Instr::Unbox(ty),
                Isum => Instr::Bin(Bin::Add, ty),
                Imul => Instr::Bin(Bin::Mul, ty),
                Isubul => Instr::Bin(Bin::SubUL, ty),
                Isublu => Instr::Bin(Bin::SubLU, ty),
                Idivul => Instr::Bin(Bin::DivUL, ty),
                Idivlu => Instr::Bin(Bin::DivLU, ty),
                Iremul => Instr::Bin(Bin::RemUL, ty),
                Iremlu => Instr::Bin(Bin::RemLU, ty),
                Ior => Instr::Bin(Bin::Or, ty),
                Iand => Instr::Bin(Bin::And, ty),
                Ixor => Instr::Bin(Bin::Xor, ty),
                Inot => Instr::Not(ty),
                LogOr => Instr::Bin(Bin::LogOr, ty),
                LogAnd => Instr::Bin(Bin::LogAnd, ty),
                LogXor => Instr::Bin(Bin::LogXor, ty),
                Op::LogNot => Instr::LogNot(ty),
                Ishl => Instr::Bin(Bin::Shl, ty),
                Ishr => Instr::Bin(Bin::Shr, ty),
                Ushr => Instr::Bin(Bin::Ushr, ty),
                Ige => Instr::Cmp(Cmp::Ge, ty),
                Ile => Instr::Cmp(Cmp::Le, ty),
                Igt => Instr::Cmp(Cmp::Gt, ty),
                Ilt => Instr::Cmp(Cmp::Lt, ty),
                Op::OsEq => Instr::OsEq,
                Op::OsNeq => Instr::OsNeq,
                Op::OsIsnull => Instr::OsIsNull,
                GeneralLock => Instr::Lock,
                GeneralUnlock => Instr::Unlock,
                Op::StaticInvoke => Instr::StaticInvoke { method: int(0) as u32, nargs: int(1) as u32 },
                Op::DynamicInvoke => Instr::DynamicInvoke,
                Op::ArgCount => Instr::ArgCount(int(0) as u8),
                Fromi => Instr::Convert(Ty::Int, ty),
                Froml => Instr::Convert(Ty::Long, ty),
                Fromf => Instr::Convert(Ty::Float, ty),
                Fromd => Instr::Convert(Ty::Double, ty),
                // Named, not caught by a wildcard: a new opcode in the table fails this match.
                op @ (Skipz | Skipnz | Copy | OsCompose32 | OsDecompose | OsAssign32 | StackInit | OsPushNull
                | LockThis | UnlockThis | SysShort | PrefixLong | PrefixFloat | PrefixDouble) => {
                    return Err(format!("`{}` cannot be executed", op.name()))
                }
            };
            instrs.push(instr);
        }
        if fuse_runs {
            fuse(&mut instrs);
        }
        Ok(Code { instrs, offsets })
    }
}

/// Replaces the first instruction of common runs by one instruction doing the whole run
/// (the `Instr` variants after `Convert` say which): int arithmetic, comparisons and branches
/// with constants, locals and the stack; int arguments and fields; double arithmetic on
/// locals, constants and fields; and what translated Java does most (interface calls, the
/// statics object, fields and elements of locals, array loops, null tests, static calls). The
/// longest run that matches wins, the pairs executed most in `bench/java` chose the Java ones.
/// The instructions after it stay as they were, so a jump into the run, a position restored
/// from the heap or a backtrace sees the original code; and when the fused form cannot do the
/// whole run (an argument is not an int, the slice ends) it does only the first instruction.
fn fuse(instrs: &mut [Instr]) {
    for p in 0..instrs.len() {
        let at = |k: usize| instrs.get(p + k);
        if let (Instr::SummonByName(name, _), Some(Instr::Const(Ty::Int, 0)), Some(Instr::Box(Ty::Int))) =
            (&instrs[p], at(1), at(2))
        {
            if let (
                Some(Instr::Call { method: 11, nargs: 1 }),
                Some(Instr::OsDup),
                Some(Instr::OsIsNull),
                Some(&Instr::Jz(target)),
            ) = (at(3), at(4), at(5), at(6))
            {
                instrs[p] = Instr::StaticInstance { name: name.clone(), resolved: std::sync::OnceLock::new(), target };
            }
            continue;
        }
        if let (Instr::SummonByName(name, _), Some(&Instr::StaticInvoke { method, nargs })) = (&instrs[p], at(1)) {
            instrs[p] =
                Instr::StaticCallByName { name: name.clone(), resolved: std::sync::OnceLock::new(), method, nargs };
            continue;
        }
        let null_test = |from: usize| match (at(from), at(from + 1), at(from + 2)) {
            (Some(Instr::OsIsNull), Some(Instr::LogNot(Ty::Int)), Some(&Instr::Jz(target))) => {
                Some((IfNull::Null, target))
            }
            (Some(Instr::OsIsNull), Some(&Instr::Jz(target)), _) => Some((IfNull::NotNull, target)),
            _ => None,
        };
        if let Some((when, target)) = null_test(0) {
            instrs[p] = Instr::JumpNull { when, target };
            continue;
        }
        if let (&Instr::GetSlot(slot), Some((when, target))) = (&instrs[p], null_test(1)) {
            instrs[p] = Instr::JumpSlotNull { when, slot, target };
            continue;
        }
        let fused = match (&instrs[p], at(1), at(2), at(3), at(4)) {
            (&Instr::Cmp(cmp, Ty::Int), Some(&Instr::Jz(target)), _, _, _) => Instr::JumpUnlessCmp { cmp, target },
            (&Instr::GetInt(Ty::Int, b), Some(&Instr::Cmp(cmp, Ty::Int)), Some(&Instr::Jz(target)), _, _) => {
                Instr::JumpUnlessTopLocal { cmp, b, target }
            }
            (Instr::Box(Ty::Int), Some(Instr::Ret), _, _, _) => Instr::BoxReturn,
            (&Instr::Bin(op, Ty::Double), Some(&Instr::SetNumberField(Ty::Double, field)), _, _, _)
                if double_op_fuses(op) =>
            {
                Instr::DoubleOpSetField { op, field }
            }
            (&Instr::Bin(op, Ty::Double), Some(&Instr::SetInt(Ty::Double, slot)), _, _, _) if double_op_fuses(op) => {
                Instr::DoubleOpSet { op, slot }
            }
            (
                &Instr::GetSlot(slot),
                Some(&Instr::GetNumberField(Ty::Double, field)),
                Some(&Instr::Bin(op, Ty::Double)),
                _,
                _,
            ) if double_op_fuses(op) => Instr::SlotFieldDouble { op, slot, field },
            (&Instr::GetSlot(slot), Some(Instr::OsDup), Some(&Instr::GetNumberField(ty, field)), _, _) => {
                Instr::SlotDupNumberField { ty, slot, field }
            }
            (&Instr::ConstPool(name), Some(&Instr::Const(Ty::Int, n)), Some(Instr::DynamicInvoke), _, _) => {
                Instr::InterfaceCall { name, n: n as u32, cache: CallCache::new() }
            }
            (&Instr::GetSlot(slot), Some(&Instr::GetNumberField(ty, field)), _, _, _) => {
                Instr::SlotNumberField { ty, slot, field }
            }
            (&Instr::GetSlot(slot), Some(&Instr::GetObjectField(field)), _, _, _) => {
                Instr::SlotObjectField { slot, field }
            }
            (
                &Instr::GetSlot(array),
                Some(&Instr::GetInt(Ty::Int, index)),
                Some(Instr::ArrayGetNumber(Ty::Int)),
                Some(&Instr::GetInt(Ty::Int, b)),
                Some(&Instr::Cmp(cmp, Ty::Int)),
            ) if matches!(at(5), Some(Instr::Jz(_))) => {
                let Some(&Instr::Jz(target)) = at(5) else { unreachable!() };
                Instr::JumpUnlessElementLocal { cmp, array, index, b, target }
            }
            (
                &Instr::GetSlot(slot),
                Some(&Instr::GetInt(Ty::Int, local)),
                Some(&Instr::GetInt(Ty::Int, again)),
                Some(&Instr::Const(Ty::Int, k)),
                Some(Instr::Bin(Bin::Add, Ty::Int)),
            ) if again == local && matches!(at(5), Some(&Instr::SetInt(Ty::Int, to)) if to == local) => {
                Instr::SlotAndLocalBump { slot, local, k: k as i32 }
            }
            (&Instr::GetSlot(array), Some(&Instr::GetInt(Ty::Int, index)), Some(&Instr::ArrayGetNumber(ty)), _, _) => {
                Instr::SlotArrayNumber { ty, array, index }
            }
            (&Instr::GetSlot(array), Some(&Instr::GetInt(Ty::Int, index)), Some(Instr::ArrayGet), _, _) => {
                Instr::SlotArrayObject { array, index }
            }
            (&Instr::GetSlot(slot), Some(&Instr::GetInt(Ty::Int, local)), _, _, _) => {
                Instr::SlotAndLocal { slot, local }
            }
            (
                &Instr::GetSlot(slot),
                Some(&Instr::GetInt(Ty::Long, local)),
                Some(Instr::Convert(Ty::Long, Ty::Int)),
                _,
                _,
            ) => Instr::SlotAndLongAsInt { slot, local },
            (&Instr::Const(Ty::Int, k), Some(Instr::ArraySetNumber(Ty::Int)), _, _, _) => {
                Instr::ArraySetConst(k as i32)
            }
            (
                &Instr::GetInt(Ty::Int, slot),
                Some(&Instr::GetSlot(array)),
                Some(Instr::ArrayLength),
                Some(&Instr::Cmp(cmp, Ty::Int)),
                Some(&Instr::Jz(target)),
            ) => Instr::JumpUnlessLocalLength { cmp, slot, array, target },
            (
                &Instr::GetInt(Ty::Long, a),
                Some(&Instr::GetInt(Ty::Int, b)),
                Some(Instr::Convert(Ty::Int, Ty::Long)),
                Some(&Instr::Cmp(cmp, Ty::Long)),
                Some(&Instr::Jz(target)),
            ) => Instr::JumpUnlessLongInt { cmp, a, b, target },
            (
                &Instr::GetInt(Ty::Long, a),
                Some(&Instr::GetInt(Ty::Int, b)),
                Some(Instr::Convert(Ty::Int, Ty::Long)),
                Some(&Instr::Bin(op @ (Bin::Add | Bin::SubLU | Bin::Mul | Bin::And | Bin::Or | Bin::Xor), Ty::Long)),
                Some(&Instr::SetInt(Ty::Long, to)),
            ) => Instr::LongIntSet { op, a, b, to },
            (Instr::LogNot(Ty::Int), Some(&Instr::Jz(target)), _, _, _) => Instr::JumpUnlessZero(target),
            (
                &Instr::Const(Ty::Int, k @ (16 | 24)),
                Some(Instr::Bin(Bin::Shl, Ty::Int)),
                Some(&Instr::Const(Ty::Int, k2)),
                Some(Instr::Bin(Bin::Shr, Ty::Int)),
                _,
            ) if k2 == k => Instr::SignExtend(k as u32),
            (
                &Instr::LoadField(field),
                Some(Instr::Unbox(Ty::Int)),
                Some(&Instr::Const(Ty::Int, k)),
                Some(&Instr::Bin(op, Ty::Int)),
                Some(Instr::Box(Ty::Int)),
            ) if const_op_fuses(op, k as i32) && matches!(at(5), Some(&Instr::SaveField(to)) if to == field) => {
                Instr::UpdateField { op, field, k: k as i32 }
            }
            (&Instr::LoadField(field), Some(Instr::Unbox(Ty::Int)), _, _, _) => Instr::LoadFieldInt(field),
            (
                &Instr::GetSlot(slot),
                Some(Instr::Unbox(Ty::Int)),
                Some(&Instr::Const(Ty::Int, k)),
                Some(&Instr::Cmp(cmp, Ty::Int)),
                Some(&Instr::Jz(target)),
            ) => Instr::JumpUnlessSlotConst { cmp, slot, k: k as i32, target },
            (
                &Instr::GetSlot(slot),
                Some(Instr::Unbox(Ty::Int)),
                Some(&Instr::Const(Ty::Int, k)),
                Some(&Instr::Bin(op, Ty::Int)),
                Some(Instr::Box(Ty::Int)),
            ) if const_op_fuses(op, k as i32) => Instr::SlotBinConstBox { op, slot, k: k as i32 },
            (
                &Instr::GetInt(Ty::Int, slot),
                Some(&Instr::Const(Ty::Int, k)),
                Some(&Instr::Cmp(cmp, Ty::Int)),
                Some(&Instr::Jz(target)),
                _,
            ) => Instr::JumpUnlessLocalConst { cmp, slot, k: k as i32, target },
            (
                &Instr::GetInt(Ty::Int, slot),
                Some(&Instr::Const(Ty::Int, k)),
                Some(&Instr::Bin(op, Ty::Int)),
                Some(&Instr::SetInt(Ty::Int, to)),
                _,
            ) if to == slot && const_op_fuses(op, k as i32) => Instr::UpdateLocal { op, slot, k: k as i32 },
            (
                &Instr::GetInt(Ty::Int, a),
                Some(&Instr::GetInt(Ty::Int, b)),
                Some(&Instr::Cmp(cmp, Ty::Int)),
                Some(&Instr::Jz(target)),
                _,
            ) => Instr::JumpUnlessLocals { cmp, a, b, target },
            (&Instr::GetInt(Ty::Int, a), Some(Instr::Convert(Ty::Int, Ty::Double)), _, _, _) => Instr::LocalToDouble(a),
            (
                &Instr::GetInt(Ty::Double, a),
                Some(&Instr::GetInt(Ty::Double, b)),
                Some(&Instr::Bin(op, Ty::Double)),
                _,
                _,
            ) if double_op_fuses(op) => Instr::DoubleLocals { op, a, b },
            (&Instr::GetInt(Ty::Double, a), Some(&Instr::Bin(op, Ty::Double)), _, _, _) if double_op_fuses(op) => {
                Instr::DoubleLocal { op, a }
            }
            (&Instr::Const64(k), Some(&Instr::Bin(op, Ty::Double)), _, _, _) if double_op_fuses(op) => {
                Instr::DoubleConst { op, k }
            }
            (&Instr::GetInt(Ty::Int, a), Some(&Instr::GetInt(Ty::Int, b)), Some(&Instr::Bin(op, Ty::Int)), _, _)
                if matches!(op, Bin::Add | Bin::SubLU | Bin::Mul | Bin::And | Bin::Or | Bin::Xor) =>
            {
                Instr::BinLocals { op, a, b }
            }
            (&Instr::Const(Ty::Int, k), Some(&Instr::Cmp(cmp, Ty::Int)), Some(&Instr::Jz(target)), _, _) => {
                Instr::JumpUnlessConst { cmp, k: k as i32, target }
            }
            (&Instr::Const(Ty::Int, k), Some(&Instr::Bin(op, Ty::Int)), Some(&Instr::SetInt(Ty::Int, slot)), _, _)
                if const_op_fuses(op, k as i32) =>
            {
                Instr::BinConstSet { op, k: k as i32, slot }
            }
            (&Instr::Const(Ty::Int, k), Some(&Instr::Bin(op, Ty::Int)), _, _, _) if const_op_fuses(op, k as i32) => {
                Instr::BinConst(op, k as i32)
            }
            (&Instr::GetSlot(s), Some(Instr::Unbox(Ty::Int)), _, _, _) => Instr::GetSlotInt(s),
            (Instr::SummonNull, Some(Instr::Ret), _, _, _) => Instr::ReturnNull,
            _ => continue,
        };
        instrs[p] = fused;
    }
}
