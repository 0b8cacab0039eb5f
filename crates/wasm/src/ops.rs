//! The instructions the interpreter runs, and the numeric ones' meaning, listed once.
//!
//! Every operand is a slot of the running function's frame (its locals, then its operand
//! stack at the heights validation fixes), so an instruction names where it reads and writes
//! and nothing moves a stack pointer. A numeric operator keeps its `wasmparser` name; the
//! `K` form of a binary one takes its right operand as a constant.

use crate::TrapKind;

#[inline(always)]
pub(crate) fn f32v(bits: u64) -> f32 {
    f32::from_bits(bits as u32)
}
#[inline(always)]
pub(crate) fn f64v(bits: u64) -> f64 {
    f64::from_bits(bits)
}
#[inline(always)]
pub(crate) fn f32b(v: f32) -> u64 {
    v.to_bits() as u64
}
#[inline(always)]
pub(crate) fn f64b(v: f64) -> u64 {
    v.to_bits()
}

macro_rules! fminmax {
    ($name:ident, $t:ty, $pick:ident, $neg_zero_wins:expr) => {
        /// WebAssembly's min or max: NaN if either is NaN, and -0 below +0.
        #[inline(always)]
        pub(crate) fn $name(a: $t, b: $t) -> $t {
            if a.is_nan() || b.is_nan() {
                <$t>::NAN
            } else if a == b {
                if a.is_sign_negative() == $neg_zero_wins {
                    a
                } else {
                    b
                }
            } else {
                a.$pick(b)
            }
        }
    };
}
fminmax!(fmin32, f32, min, true);
fminmax!(fmax32, f32, max, false);
fminmax!(fmin64, f64, min, true);
fminmax!(fmax64, f64, max, false);

/// Truncation toward zero that traps as WebAssembly's `trunc` does; `lo` and `hi` are the
/// exclusive bounds of the truncated value.
#[inline(always)]
pub(crate) fn trunc(x: f64, lo: f64, hi: f64) -> Result<f64, TrapKind> {
    if x.is_nan() {
        return Err(TrapKind::InvalidConversion);
    }
    let t = x.trunc();
    if t <= lo || t >= hi {
        return Err(TrapKind::IntegerOverflow);
    }
    Ok(t)
}

macro_rules! int_division {
    ($div:ident, $rem:ident, $t:ty, $u:ty) => {
        /// Division as WebAssembly traps it: by zero, and the one quotient that overflows.
        #[inline(always)]
        pub(crate) fn $div(a: u64, b: u64) -> Result<u64, TrapKind> {
            let (a, b) = (a as $u as $t, b as $u as $t);
            if b == 0 {
                Err(TrapKind::DivisionByZero)
            } else if a == <$t>::MIN && b == -1 {
                Err(TrapKind::IntegerOverflow)
            } else {
                Ok(a.wrapping_div(b) as $u as u64)
            }
        }
        /// The remainder, which traps only on zero (`MIN % -1` is 0).
        #[inline(always)]
        pub(crate) fn $rem(a: u64, b: u64) -> Result<u64, TrapKind> {
            let (a, b) = (a as $u as $t, b as $u as $t);
            if b == 0 {
                Err(TrapKind::DivisionByZero)
            } else {
                Ok(a.wrapping_rem(b) as $u as u64)
            }
        }
    };
}
int_division!(div_s32, rem_s32, i32, u32);
int_division!(div_s64, rem_s64, i64, u64);

macro_rules! uint_division {
    ($div:ident, $rem:ident, $u:ty) => {
        #[inline(always)]
        pub(crate) fn $div(a: u64, b: u64) -> Result<u64, TrapKind> {
            match b as $u {
                0 => Err(TrapKind::DivisionByZero),
                b => Ok((a as $u / b) as u64),
            }
        }
        #[inline(always)]
        pub(crate) fn $rem(a: u64, b: u64) -> Result<u64, TrapKind> {
            match b as $u {
                0 => Err(TrapKind::DivisionByZero),
                b => Ok((a as $u % b) as u64),
            }
        }
    };
}
uint_division!(div_u32, rem_u32, u32);
uint_division!(div_u64, rem_u64, u64);

/// The numeric operators: `unary`, `binary` with a 32-bit `K` form (its constant
/// zero-extended), `binary` with a 64-bit `K` form (sign-extended), `binary` without one, and
/// those that can trap. `$m` receives the lists.
macro_rules! numeric_ops {
    ($m:ident) => {
        $m! {
            unary {
                I32Eqz(a) => (a as u32 == 0) as u64;
                I64Eqz(a) => (a == 0) as u64;
                I32Clz(a) => (a as u32).leading_zeros() as u64;
                I32Ctz(a) => (a as u32).trailing_zeros() as u64;
                I32Popcnt(a) => (a as u32).count_ones() as u64;
                I64Clz(a) => a.leading_zeros() as u64;
                I64Ctz(a) => a.trailing_zeros() as u64;
                I64Popcnt(a) => a.count_ones() as u64;
                F32Abs(a) => a & 0x7fff_ffff;
                F32Neg(a) => (a ^ 0x8000_0000) & 0xffff_ffff;
                F32Ceil(a) => f32b(f32v(a).ceil());
                F32Floor(a) => f32b(f32v(a).floor());
                F32Trunc(a) => f32b(f32v(a).trunc());
                F32Nearest(a) => f32b(f32v(a).round_ties_even());
                F32Sqrt(a) => f32b(f32v(a).sqrt());
                F64Abs(a) => a & !(1 << 63);
                F64Neg(a) => a ^ (1 << 63);
                F64Ceil(a) => f64b(f64v(a).ceil());
                F64Floor(a) => f64b(f64v(a).floor());
                F64Trunc(a) => f64b(f64v(a).trunc());
                F64Nearest(a) => f64b(f64v(a).round_ties_even());
                F64Sqrt(a) => f64b(f64v(a).sqrt());
                I32WrapI64(a) => a as u32 as u64;
                I64ExtendI32S(a) => a as u32 as i32 as i64 as u64;
                I64ExtendI32U(a) => a as u32 as u64;
                F32ConvertI32S(a) => f32b(a as u32 as i32 as f32);
                F32ConvertI32U(a) => f32b(a as u32 as f32);
                F32ConvertI64S(a) => f32b(a as i64 as f32);
                F32ConvertI64U(a) => f32b(a as f32);
                F32DemoteF64(a) => f32b(f64v(a) as f32);
                F64ConvertI32S(a) => f64b(a as u32 as i32 as f64);
                F64ConvertI32U(a) => f64b(a as u32 as f64);
                F64ConvertI64S(a) => f64b(a as i64 as f64);
                F64ConvertI64U(a) => f64b(a as f64);
                F64PromoteF32(a) => f64b(f32v(a) as f64);
                I32ReinterpretF32(a) => a & 0xffff_ffff;
                I64ReinterpretF64(a) => a;
                F32ReinterpretI32(a) => a & 0xffff_ffff;
                F64ReinterpretI64(a) => a;
                I32Extend8S(a) => a as u8 as i8 as i32 as u32 as u64;
                I32Extend16S(a) => a as u16 as i16 as i32 as u32 as u64;
                I64Extend8S(a) => a as u8 as i8 as i64 as u64;
                I64Extend16S(a) => a as u16 as i16 as i64 as u64;
                I64Extend32S(a) => a as u32 as i32 as i64 as u64;
                I32TruncSatF32S(a) => f32v(a) as i32 as u32 as u64;
                I32TruncSatF32U(a) => f32v(a) as u32 as u64;
                I32TruncSatF64S(a) => f64v(a) as i32 as u32 as u64;
                I32TruncSatF64U(a) => f64v(a) as u32 as u64;
                I64TruncSatF32S(a) => f32v(a) as i64 as u64;
                I64TruncSatF32U(a) => f32v(a) as u64;
                I64TruncSatF64S(a) => f64v(a) as i64 as u64;
                I64TruncSatF64U(a) => f64v(a) as u64;
            }
            binary32 {
                I32Eq / I32EqK(a, b) => (a as u32 == b as u32) as u64;
                I32Ne / I32NeK(a, b) => (a as u32 != b as u32) as u64;
                I32LtS / I32LtSK(a, b) => ((a as u32 as i32) < (b as u32 as i32)) as u64;
                I32LtU / I32LtUK(a, b) => ((a as u32) < (b as u32)) as u64;
                I32GtS / I32GtSK(a, b) => ((a as u32 as i32) > (b as u32 as i32)) as u64;
                I32GtU / I32GtUK(a, b) => ((a as u32) > (b as u32)) as u64;
                I32LeS / I32LeSK(a, b) => ((a as u32 as i32) <= (b as u32 as i32)) as u64;
                I32LeU / I32LeUK(a, b) => ((a as u32) <= (b as u32)) as u64;
                I32GeS / I32GeSK(a, b) => ((a as u32 as i32) >= (b as u32 as i32)) as u64;
                I32GeU / I32GeUK(a, b) => ((a as u32) >= (b as u32)) as u64;
                I32Add / I32AddK(a, b) => (a as u32).wrapping_add(b as u32) as u64;
                I32Sub / I32SubK(a, b) => (a as u32).wrapping_sub(b as u32) as u64;
                I32Mul / I32MulK(a, b) => (a as u32).wrapping_mul(b as u32) as u64;
                I32And / I32AndK(a, b) => (a & b) & 0xffff_ffff;
                I32Or / I32OrK(a, b) => (a | b) & 0xffff_ffff;
                I32Xor / I32XorK(a, b) => (a ^ b) & 0xffff_ffff;
                I32Shl / I32ShlK(a, b) => (a as u32).wrapping_shl(b as u32) as u64;
                I32ShrS / I32ShrSK(a, b) => (a as u32 as i32).wrapping_shr(b as u32) as u32 as u64;
                I32ShrU / I32ShrUK(a, b) => (a as u32).wrapping_shr(b as u32) as u64;
                I32Rotl / I32RotlK(a, b) => (a as u32).rotate_left(b as u32 & 31) as u64;
                I32Rotr / I32RotrK(a, b) => (a as u32).rotate_right(b as u32 & 31) as u64;
                F32Eq / F32EqK(a, b) => (f32v(a) == f32v(b)) as u64;
                F32Ne / F32NeK(a, b) => (f32v(a) != f32v(b)) as u64;
                F32Lt / F32LtK(a, b) => (f32v(a) < f32v(b)) as u64;
                F32Gt / F32GtK(a, b) => (f32v(a) > f32v(b)) as u64;
                F32Le / F32LeK(a, b) => (f32v(a) <= f32v(b)) as u64;
                F32Ge / F32GeK(a, b) => (f32v(a) >= f32v(b)) as u64;
                F32Add / F32AddK(a, b) => f32b(f32v(a) + f32v(b));
                F32Sub / F32SubK(a, b) => f32b(f32v(a) - f32v(b));
                F32Mul / F32MulK(a, b) => f32b(f32v(a) * f32v(b));
                F32Div / F32DivK(a, b) => f32b(f32v(a) / f32v(b));
                F32Min / F32MinK(a, b) => f32b(fmin32(f32v(a), f32v(b)));
                F32Max / F32MaxK(a, b) => f32b(fmax32(f32v(a), f32v(b)));
                F32Copysign / F32CopysignK(a, b) => (a & 0x7fff_ffff) | (b & 0x8000_0000);
            }
            binary64i {
                I64Eq / I64EqK(a, b) => (a == b) as u64;
                I64Ne / I64NeK(a, b) => (a != b) as u64;
                I64LtS / I64LtSK(a, b) => ((a as i64) < (b as i64)) as u64;
                I64LtU / I64LtUK(a, b) => (a < b) as u64;
                I64GtS / I64GtSK(a, b) => ((a as i64) > (b as i64)) as u64;
                I64GtU / I64GtUK(a, b) => (a > b) as u64;
                I64LeS / I64LeSK(a, b) => ((a as i64) <= (b as i64)) as u64;
                I64LeU / I64LeUK(a, b) => (a <= b) as u64;
                I64GeS / I64GeSK(a, b) => ((a as i64) >= (b as i64)) as u64;
                I64GeU / I64GeUK(a, b) => (a >= b) as u64;
                I64Add / I64AddK(a, b) => a.wrapping_add(b);
                I64Sub / I64SubK(a, b) => a.wrapping_sub(b);
                I64Mul / I64MulK(a, b) => a.wrapping_mul(b);
                I64And / I64AndK(a, b) => a & b;
                I64Or / I64OrK(a, b) => a | b;
                I64Xor / I64XorK(a, b) => a ^ b;
                I64Shl / I64ShlK(a, b) => a.wrapping_shl(b as u32);
                I64ShrS / I64ShrSK(a, b) => (a as i64).wrapping_shr(b as u32) as u64;
                I64ShrU / I64ShrUK(a, b) => a.wrapping_shr(b as u32);
                I64Rotl / I64RotlK(a, b) => a.rotate_left((b & 63) as u32);
                I64Rotr / I64RotrK(a, b) => a.rotate_right((b & 63) as u32);
            }
            binary64f {
                F64Eq(a, b) => (f64v(a) == f64v(b)) as u64;
                F64Ne(a, b) => (f64v(a) != f64v(b)) as u64;
                F64Lt(a, b) => (f64v(a) < f64v(b)) as u64;
                F64Gt(a, b) => (f64v(a) > f64v(b)) as u64;
                F64Le(a, b) => (f64v(a) <= f64v(b)) as u64;
                F64Ge(a, b) => (f64v(a) >= f64v(b)) as u64;
                F64Add(a, b) => f64b(f64v(a) + f64v(b));
                F64Sub(a, b) => f64b(f64v(a) - f64v(b));
                F64Mul(a, b) => f64b(f64v(a) * f64v(b));
                F64Div(a, b) => f64b(f64v(a) / f64v(b));
                F64Min(a, b) => f64b(fmin64(f64v(a), f64v(b)));
                F64Max(a, b) => f64b(fmax64(f64v(a), f64v(b)));
                F64Copysign(a, b) => (a & !(1 << 63)) | (b & (1 << 63));
            }
            trapping {
                I32DivS(a, b) => div_s32(a, b);
                I32DivU(a, b) => div_u32(a, b);
                I32RemS(a, b) => rem_s32(a, b);
                I32RemU(a, b) => rem_u32(a, b);
                I64DivS(a, b) => div_s64(a, b);
                I64DivU(a, b) => div_u64(a, b);
                I64RemS(a, b) => rem_s64(a, b);
                I64RemU(a, b) => rem_u64(a, b);
                I32TruncF32S(a) => trunc(f32v(a) as f64, -2147483649.0, 2147483648.0).map(|t| t as i32 as u32 as u64);
                I32TruncF32U(a) => trunc(f32v(a) as f64, -1.0, 4294967296.0).map(|t| t as u32 as u64);
                I32TruncF64S(a) => trunc(f64v(a), -2147483649.0, 2147483648.0).map(|t| t as i32 as u32 as u64);
                I32TruncF64U(a) => trunc(f64v(a), -1.0, 4294967296.0).map(|t| t as u32 as u64);
                I64TruncF32S(a) => trunc(f32v(a) as f64, -9223372036854777856.0, 9223372036854775808.0).map(|t| t as i64 as u64);
                I64TruncF32U(a) => trunc(f32v(a) as f64, -1.0, 18446744073709551616.0).map(|t| t as u64);
                I64TruncF64S(a) => trunc(f64v(a), -9223372036854777856.0, 9223372036854775808.0).map(|t| t as i64 as u64);
                I64TruncF64U(a) => trunc(f64v(a), -1.0, 18446744073709551616.0).map(|t| t as u64);
            }
        }
    };
}
pub(crate) use numeric_ops;

/// The fixed part of the instruction set, then the numeric operators from `numeric_ops`.
macro_rules! define_op {
    (
        unary { $($u:ident($ua:ident) => $ue:expr;)* }
        binary32 { $($b:ident / $bk:ident($ba:ident, $bb:ident) => $be:expr;)* }
        binary64i { $($l:ident / $lk:ident($la:ident, $lb:ident) => $le:expr;)* }
        binary64f { $($f:ident($fa:ident, $fb:ident) => $fe:expr;)* }
        trapping { $($t:ident($($ta:ident),*) => $te:expr;)* }
    ) => {
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub(crate) enum Op {
            Unreachable,
            /// Forward jump.
            Jump { to: u32 },
            /// Backward jump: a loop's next turn, which counts against the budget.
            JumpBack { to: u32 },
            BrIf { c: u32, to: u32 },
            BrIfBack { c: u32, to: u32 },
            BrUnless { c: u32, to: u32 },
            /// `table` indexes the function's branch tables.
            BrTable { index: u32, table: u32 },
            Return0,
            /// The result in slot `src` goes to slot 0.
            Return1 { src: u32 },
            /// `n` results from slot `src` go to slots 0..n.
            ReturnN { src: u32, n: u32 },
            /// A defined function: its frame starts at slot `base`, where the arguments are.
            Call { func: u32, base: u32 },
            /// An imported function, done by the embedder.
            CallHost { import: u32, base: u32 },
            CallIndirect { signature: u32, index: u32, base: u32 },
            Copy { dst: u32, src: u32 },
            Const32 { dst: u32, value: u32 },
            Const64 { dst: u32, value: u64 },
            /// `dst` holds the first operand and receives the result.
            Select { dst: u32, b: u32, c: u32 },
            GlobalGet { dst: u32, global: u32 },
            GlobalSet { src: u32, global: u32 },
            I32Load { dst: u32, addr: u32, offset: u32 },
            I64Load { dst: u32, addr: u32, offset: u32 },
            I32Load8S { dst: u32, addr: u32, offset: u32 },
            I32Load8U { dst: u32, addr: u32, offset: u32 },
            I32Load16S { dst: u32, addr: u32, offset: u32 },
            I32Load16U { dst: u32, addr: u32, offset: u32 },
            I64Load8S { dst: u32, addr: u32, offset: u32 },
            I64Load8U { dst: u32, addr: u32, offset: u32 },
            I64Load16S { dst: u32, addr: u32, offset: u32 },
            I64Load16U { dst: u32, addr: u32, offset: u32 },
            I64Load32S { dst: u32, addr: u32, offset: u32 },
            I64Load32U { dst: u32, addr: u32, offset: u32 },
            Store8 { src: u32, addr: u32, offset: u32 },
            Store16 { src: u32, addr: u32, offset: u32 },
            Store32 { src: u32, addr: u32, offset: u32 },
            Store64 { src: u32, addr: u32, offset: u32 },
            // Accesses at a constant address (a global variable's): `ea` is its address plus
            // the offset, computed when compiling, as wasm does in 33 bits.
            I32LoadAt { dst: u32, ea: u64 },
            I64LoadAt { dst: u32, ea: u64 },
            Store32At { src: u32, ea: u64 },
            Store64At { src: u32, ea: u64 },
            MemorySize { dst: u32 },
            /// `dst` holds the number of pages to add and receives the old size (or -1).
            MemoryGrow { dst: u32 },
            MemoryCopy { dst: u32, src: u32, n: u32 },
            MemoryFill { dst: u32, value: u32, n: u32 },
            // An i32 comparison and the branch on it, in one (`Back`: to a loop's start).
            BrI32Eq { a: u32, b: u32, to: u32 },
            BrI32EqK { a: u32, k: u32, to: u32 },
            BackI32Eq { a: u32, b: u32, to: u32 },
            BackI32EqK { a: u32, k: u32, to: u32 },
            BrI32Ne { a: u32, b: u32, to: u32 },
            BrI32NeK { a: u32, k: u32, to: u32 },
            BackI32Ne { a: u32, b: u32, to: u32 },
            BackI32NeK { a: u32, k: u32, to: u32 },
            BrI32LtS { a: u32, b: u32, to: u32 },
            BrI32LtSK { a: u32, k: u32, to: u32 },
            BackI32LtS { a: u32, b: u32, to: u32 },
            BackI32LtSK { a: u32, k: u32, to: u32 },
            BrI32LtU { a: u32, b: u32, to: u32 },
            BrI32LtUK { a: u32, k: u32, to: u32 },
            BackI32LtU { a: u32, b: u32, to: u32 },
            BackI32LtUK { a: u32, k: u32, to: u32 },
            BrI32GtS { a: u32, b: u32, to: u32 },
            BrI32GtSK { a: u32, k: u32, to: u32 },
            BackI32GtS { a: u32, b: u32, to: u32 },
            BackI32GtSK { a: u32, k: u32, to: u32 },
            BrI32GtU { a: u32, b: u32, to: u32 },
            BrI32GtUK { a: u32, k: u32, to: u32 },
            BackI32GtU { a: u32, b: u32, to: u32 },
            BackI32GtUK { a: u32, k: u32, to: u32 },
            BrI32LeS { a: u32, b: u32, to: u32 },
            BrI32LeSK { a: u32, k: u32, to: u32 },
            BackI32LeS { a: u32, b: u32, to: u32 },
            BackI32LeSK { a: u32, k: u32, to: u32 },
            BrI32LeU { a: u32, b: u32, to: u32 },
            BrI32LeUK { a: u32, k: u32, to: u32 },
            BackI32LeU { a: u32, b: u32, to: u32 },
            BackI32LeUK { a: u32, k: u32, to: u32 },
            BrI32GeS { a: u32, b: u32, to: u32 },
            BrI32GeSK { a: u32, k: u32, to: u32 },
            BackI32GeS { a: u32, b: u32, to: u32 },
            BackI32GeSK { a: u32, k: u32, to: u32 },
            BrI32GeU { a: u32, b: u32, to: u32 },
            BrI32GeUK { a: u32, k: u32, to: u32 },
            BackI32GeU { a: u32, b: u32, to: u32 },
            BackI32GeUK { a: u32, k: u32, to: u32 },
            $($u { dst: u32, $ua: u32 },)*
            $($b { dst: u32, $ba: u32, $bb: u32 }, $bk { dst: u32, $ba: u32, k: u32 },)*
            $($l { dst: u32, $la: u32, $lb: u32 }, $lk { dst: u32, $la: u32, k: i32 },)*
            $($f { dst: u32, $fa: u32, $fb: u32 },)*
            $($t { dst: u32, $($ta: u32),* },)*
        }

        impl Op {
            /// Where a numeric operator, a copy, a constant, a global or a load writes.
            pub(crate) fn dst_mut(&mut self) -> Option<&mut u32> {
                match self {
                    Op::Copy { dst, .. } | Op::Const32 { dst, .. } | Op::Const64 { dst, .. }
                    | Op::GlobalGet { dst, .. } | Op::I32Load { dst, .. } | Op::I64Load { dst, .. }
                    | Op::I32Load8S { dst, .. } | Op::I32Load8U { dst, .. } | Op::I32Load16S { dst, .. }
                    | Op::I32Load16U { dst, .. } | Op::I64Load8S { dst, .. } | Op::I64Load8U { dst, .. }
                    | Op::I64Load16S { dst, .. } | Op::I64Load16U { dst, .. } | Op::I64Load32S { dst, .. }
                    | Op::I64Load32U { dst, .. } | Op::I32LoadAt { dst, .. } | Op::I64LoadAt { dst, .. } => Some(dst),
                    $(Op::$u { dst, .. } => Some(dst),)*
                    $(Op::$b { dst, .. } | Op::$bk { dst, .. } => Some(dst),)*
                    $(Op::$l { dst, .. } | Op::$lk { dst, .. } => Some(dst),)*
                    $(Op::$f { dst, .. } => Some(dst),)*
                    $(Op::$t { dst, .. } => Some(dst),)*
                    _ => None,
                }
            }
        }
    };
}
numeric_ops!(define_op);

/// A comparison the branch after it tests, fused with that branch; `None` for other
/// instructions.
pub(crate) fn fuse_branch(op: Op, to: u32, back: bool) -> Option<Op> {
    Some(match (op, back) {
        (Op::I32Eq { a, b, .. }, false) => Op::BrI32Eq { a, b, to },
        (Op::I32EqK { a, k, .. }, false) => Op::BrI32EqK { a, k, to },
        (Op::I32Eq { a, b, .. }, true) => Op::BackI32Eq { a, b, to },
        (Op::I32EqK { a, k, .. }, true) => Op::BackI32EqK { a, k, to },
        (Op::I32Ne { a, b, .. }, false) => Op::BrI32Ne { a, b, to },
        (Op::I32NeK { a, k, .. }, false) => Op::BrI32NeK { a, k, to },
        (Op::I32Ne { a, b, .. }, true) => Op::BackI32Ne { a, b, to },
        (Op::I32NeK { a, k, .. }, true) => Op::BackI32NeK { a, k, to },
        (Op::I32LtS { a, b, .. }, false) => Op::BrI32LtS { a, b, to },
        (Op::I32LtSK { a, k, .. }, false) => Op::BrI32LtSK { a, k, to },
        (Op::I32LtS { a, b, .. }, true) => Op::BackI32LtS { a, b, to },
        (Op::I32LtSK { a, k, .. }, true) => Op::BackI32LtSK { a, k, to },
        (Op::I32LtU { a, b, .. }, false) => Op::BrI32LtU { a, b, to },
        (Op::I32LtUK { a, k, .. }, false) => Op::BrI32LtUK { a, k, to },
        (Op::I32LtU { a, b, .. }, true) => Op::BackI32LtU { a, b, to },
        (Op::I32LtUK { a, k, .. }, true) => Op::BackI32LtUK { a, k, to },
        (Op::I32GtS { a, b, .. }, false) => Op::BrI32GtS { a, b, to },
        (Op::I32GtSK { a, k, .. }, false) => Op::BrI32GtSK { a, k, to },
        (Op::I32GtS { a, b, .. }, true) => Op::BackI32GtS { a, b, to },
        (Op::I32GtSK { a, k, .. }, true) => Op::BackI32GtSK { a, k, to },
        (Op::I32GtU { a, b, .. }, false) => Op::BrI32GtU { a, b, to },
        (Op::I32GtUK { a, k, .. }, false) => Op::BrI32GtUK { a, k, to },
        (Op::I32GtU { a, b, .. }, true) => Op::BackI32GtU { a, b, to },
        (Op::I32GtUK { a, k, .. }, true) => Op::BackI32GtUK { a, k, to },
        (Op::I32LeS { a, b, .. }, false) => Op::BrI32LeS { a, b, to },
        (Op::I32LeSK { a, k, .. }, false) => Op::BrI32LeSK { a, k, to },
        (Op::I32LeS { a, b, .. }, true) => Op::BackI32LeS { a, b, to },
        (Op::I32LeSK { a, k, .. }, true) => Op::BackI32LeSK { a, k, to },
        (Op::I32LeU { a, b, .. }, false) => Op::BrI32LeU { a, b, to },
        (Op::I32LeUK { a, k, .. }, false) => Op::BrI32LeUK { a, k, to },
        (Op::I32LeU { a, b, .. }, true) => Op::BackI32LeU { a, b, to },
        (Op::I32LeUK { a, k, .. }, true) => Op::BackI32LeUK { a, k, to },
        (Op::I32GeS { a, b, .. }, false) => Op::BrI32GeS { a, b, to },
        (Op::I32GeSK { a, k, .. }, false) => Op::BrI32GeSK { a, k, to },
        (Op::I32GeS { a, b, .. }, true) => Op::BackI32GeS { a, b, to },
        (Op::I32GeSK { a, k, .. }, true) => Op::BackI32GeSK { a, k, to },
        (Op::I32GeU { a, b, .. }, false) => Op::BrI32GeU { a, b, to },
        (Op::I32GeUK { a, k, .. }, false) => Op::BrI32GeUK { a, k, to },
        (Op::I32GeU { a, b, .. }, true) => Op::BackI32GeU { a, b, to },
        (Op::I32GeUK { a, k, .. }, true) => Op::BackI32GeUK { a, k, to },
        _ => return None,
    })
}

/// The comparison with the opposite outcome (an `if` branches when its condition is false).
pub(crate) fn negate(op: Op) -> Option<Op> {
    Some(match op {
        Op::I32Eq { dst, a, b } => Op::I32Ne { dst, a, b },
        Op::I32EqK { dst, a, k } => Op::I32NeK { dst, a, k },
        Op::I32Ne { dst, a, b } => Op::I32Eq { dst, a, b },
        Op::I32NeK { dst, a, k } => Op::I32EqK { dst, a, k },
        Op::I32LtS { dst, a, b } => Op::I32GeS { dst, a, b },
        Op::I32LtSK { dst, a, k } => Op::I32GeSK { dst, a, k },
        Op::I32LtU { dst, a, b } => Op::I32GeU { dst, a, b },
        Op::I32LtUK { dst, a, k } => Op::I32GeUK { dst, a, k },
        Op::I32GtS { dst, a, b } => Op::I32LeS { dst, a, b },
        Op::I32GtSK { dst, a, k } => Op::I32LeSK { dst, a, k },
        Op::I32GtU { dst, a, b } => Op::I32LeU { dst, a, b },
        Op::I32GtUK { dst, a, k } => Op::I32LeUK { dst, a, k },
        Op::I32LeS { dst, a, b } => Op::I32GtS { dst, a, b },
        Op::I32LeSK { dst, a, k } => Op::I32GtSK { dst, a, k },
        Op::I32LeU { dst, a, b } => Op::I32GtU { dst, a, b },
        Op::I32LeUK { dst, a, k } => Op::I32GtUK { dst, a, k },
        Op::I32GeS { dst, a, b } => Op::I32LtS { dst, a, b },
        Op::I32GeSK { dst, a, k } => Op::I32LtSK { dst, a, k },
        Op::I32GeU { dst, a, b } => Op::I32LtU { dst, a, b },
        Op::I32GeUK { dst, a, k } => Op::I32LtUK { dst, a, k },
        _ => return None,
    })
}

/// Where a forward branch goes, for patching once its label's end is known.
pub(crate) fn branch_target(op: &mut Op) -> Option<&mut u32> {
    match op {
        Op::Jump { to } | Op::BrIf { to, .. } | Op::BrUnless { to, .. } => Some(to),
        Op::BrI32Eq { to, .. } | Op::BrI32EqK { to, .. } => Some(to),
        Op::BrI32Ne { to, .. } | Op::BrI32NeK { to, .. } => Some(to),
        Op::BrI32LtS { to, .. } | Op::BrI32LtSK { to, .. } => Some(to),
        Op::BrI32LtU { to, .. } | Op::BrI32LtUK { to, .. } => Some(to),
        Op::BrI32GtS { to, .. } | Op::BrI32GtSK { to, .. } => Some(to),
        Op::BrI32GtU { to, .. } | Op::BrI32GtUK { to, .. } => Some(to),
        Op::BrI32LeS { to, .. } | Op::BrI32LeSK { to, .. } => Some(to),
        Op::BrI32LeU { to, .. } | Op::BrI32LeUK { to, .. } => Some(to),
        Op::BrI32GeS { to, .. } | Op::BrI32GeSK { to, .. } => Some(to),
        Op::BrI32GeU { to, .. } | Op::BrI32GeUK { to, .. } => Some(to),
        _ => None,
    }
}
