//! Instructions: decoding code bytes into [`Insn`]s and encoding them back, driven by the
//! operand kinds of the instruction-set table.

use std::fmt;

use crate::isa::{Op, Operand, Role, TypePrefix};

/// A decoded operand value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Any numeric operand (implicit, counts, slots, ordinals, constants).
    Int(i64),
    /// An absolute jump target, as a byte offset in the method's code. May lie outside the code
    /// in a malformed method; the verifier rejects that.
    Target(i64),
    /// A length-prefixed byte string.
    Bytes(Vec<u8>),
    /// The `debug` operand: a mode byte and, when `mode & 0x80`, a message.
    Debug { mode: u8, message: Option<Vec<u8>> },
    /// The `switch` table.
    Switch { shift: i32, divisor: u32, targets: Vec<i64> },
}

/// One instruction: an optional type prefix, an opcode and its operands, in table order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insn {
    pub prefix: Option<TypePrefix>,
    pub op: Op,
    pub args: Vec<Arg>,
}

/// An instruction found at a byte offset of a method's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub offset: usize,
    pub len: usize,
    pub insn: Insn,
}

/// Why code bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    UndefinedOpcode(u8),
    /// The instruction needs more bytes than the code has left.
    Truncated {
        op: &'static str,
        needed: usize,
        available: usize,
    },
    /// A string operand with a negative length.
    NegativeLength {
        op: &'static str,
        length: i32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the instruction's first byte.
    pub offset: usize,
    pub kind: DecodeErrorKind,
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeErrorKind::UndefinedOpcode(byte) => write!(f, "undefined opcode 0x{byte:02x}"),
            DecodeErrorKind::Truncated { op, needed, available } => {
                write!(f, "{op} is truncated: it needs {needed} bytes, the code has {available} left")
            }
            DecodeErrorKind::NegativeLength { op, length } => {
                write!(f, "{op} has a string of negative length {length}")
            }
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for DecodeError {}

/// Big-endian reader over one instruction's bytes.
struct Cursor<'a> {
    code: &'a [u8],
    start: usize,
    pos: usize,
    op: &'static str,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let available = self.code.len() - self.pos;
        if n > available {
            return Err(DecodeError {
                offset: self.start,
                kind: DecodeErrorKind::Truncated {
                    op: self.op,
                    needed: self.pos - self.start + n,
                    available: self.code.len() - self.start,
                },
            });
        }
        let bytes = &self.code[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_be_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn i32(&mut self) -> Result<i32, DecodeError> {
        Ok(self.u32()? as i32)
    }

    fn i64(&mut self) -> Result<i64, DecodeError> {
        Ok(i64::from_be_bytes(self.take(8)?.try_into().unwrap()))
    }

    /// A displacement, turned into an absolute target.
    fn target(&mut self) -> Result<i64, DecodeError> {
        let at = self.pos as i64;
        Ok(at + self.i32()? as i64)
    }

    fn bytes(&mut self) -> Result<Vec<u8>, DecodeError> {
        let length = self.i32()?;
        if length < 0 {
            return Err(DecodeError {
                offset: self.start,
                kind: DecodeErrorKind::NegativeLength { op: self.op, length },
            });
        }
        Ok(self.take(length as usize)?.to_vec())
    }
}

/// Decodes the instruction starting at `offset`. A type prefix followed by an opcode that
/// accepts it is one instruction; any other prefix stands alone.
pub fn decode_at(code: &[u8], offset: usize) -> Result<Decoded, DecodeError> {
    let undefined = |at: usize| DecodeError { offset: at, kind: DecodeErrorKind::UndefinedOpcode(code[at]) };
    let (mut op, mut index) = Op::from_byte(code[offset]).ok_or_else(|| undefined(offset))?;
    let mut prefix = None;
    let mut pos = offset + 1;
    if let Role::Prefix(p) = op.info().role {
        if let Some((next, next_index)) = code.get(pos).and_then(|&b| Op::from_byte(b)) {
            if next.info().prefixes.accepts(p) {
                prefix = Some(p);
                op = next;
                index = next_index;
                pos += 1;
            }
        }
    }
    let info = op.info();
    let mut cur = Cursor { code, start: offset, pos, op: info.name };
    let mut args = Vec::with_capacity(info.operands.len());
    for &operand in info.operands {
        let arg = match operand {
            Operand::Implicit => Arg::Int(index as i64),
            Operand::Method8 | Operand::Count8 | Operand::Field8 | Operand::Native8 | Operand::Int8 => {
                Arg::Int(cur.u8()? as i64)
            }
            Operand::Method32
            | Operand::Count32
            | Operand::Field32
            | Operand::AnyField32
            | Operand::Slot32
            | Operand::Const32 => Arg::Int(cur.u32()? as i64),
            Operand::Int32 => Arg::Int(cur.i32()? as i64),
            Operand::Int64 => Arg::Int(cur.i64()?),
            Operand::Target => Arg::Target(cur.target()?),
            Operand::Bytes => Arg::Bytes(cur.bytes()?),
            Operand::Debug => {
                let mode = cur.u8()?;
                let message = if mode & 0x80 != 0 { Some(cur.bytes()?) } else { None };
                Arg::Debug { mode, message }
            }
            Operand::Switch => {
                let n = cur.u32()?;
                let shift = cur.i32()?;
                let divisor = cur.u32()?;
                // Check the whole table fits before allocating for it.
                if (n as usize).saturating_mul(4) > code.len() - cur.pos {
                    cur.take((n as usize).saturating_mul(4))?;
                }
                let targets = (0..n).map(|_| cur.target()).collect::<Result<_, _>>()?;
                Arg::Switch { shift, divisor, targets }
            }
        };
        args.push(arg);
    }
    Ok(Decoded { offset, len: cur.pos - offset, insn: Insn { prefix, op, args } })
}

/// Decodes a whole method body.
pub fn decode_all(code: &[u8]) -> Result<Vec<Decoded>, DecodeError> {
    let mut out = Vec::new();
    let mut offset = 0;
    while offset < code.len() {
        let decoded = decode_at(code, offset)?;
        offset += decoded.len;
        out.push(decoded);
    }
    Ok(out)
}

/// Why an instruction could not be encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError(pub String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

fn err<T>(msg: String) -> Result<T, EncodeError> {
    Err(EncodeError(msg))
}

fn int_in(name: &str, value: i64, min: i64, max: i64) -> Result<i64, EncodeError> {
    if value < min || value > max {
        return err(format!("{name}: operand {value} is out of range {min}..={max}"));
    }
    Ok(value)
}

fn byte_len(name: &str, bytes: &[u8]) -> Result<[u8; 4], EncodeError> {
    match i32::try_from(bytes.len()) {
        Ok(n) => Ok(n.to_be_bytes()),
        Err(_) => err(format!("{name}: string of {} bytes is too long", bytes.len())),
    }
}

fn displacement(name: &str, at: usize, target: i64) -> Result<[u8; 4], EncodeError> {
    match i32::try_from(target - at as i64) {
        Ok(d) => Ok(d.to_be_bytes()),
        Err(_) => err(format!("{name}: jump target {target} is too far from offset {at}")),
    }
}

impl Insn {
    pub fn new(op: Op, args: Vec<Arg>) -> Insn {
        Insn { prefix: None, op, args }
    }

    /// Encoded size in bytes.
    pub fn encoded_len(&self) -> usize {
        let prefix = usize::from(self.prefix.is_some());
        let operands: usize = self
            .op
            .info()
            .operands
            .iter()
            .zip(&self.args)
            .map(|(operand, arg)| {
                operand.fixed_size().unwrap_or(match arg {
                    Arg::Bytes(b) => 4 + b.len(),
                    Arg::Debug { message, .. } => 1 + message.as_ref().map_or(0, |m| 4 + m.len()),
                    Arg::Switch { targets, .. } => 12 + 4 * targets.len(),
                    _ => 0,
                })
            })
            .sum();
        prefix + 1 + operands
    }

    /// Appends the encoding of this instruction, placed at byte offset `at` of its method.
    pub fn encode(&self, at: usize, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let info = self.op.info();
        let name = info.name;
        if info.operands.len() != self.args.len() {
            return err(format!("{name} takes {} operands, got {}", info.operands.len(), self.args.len()));
        }
        let start = out.len();
        if let Some(p) = self.prefix {
            if !info.prefixes.accepts(p) {
                return err(format!("{name} does not take a .{} prefix", p.suffix()));
            }
            out.push(p.opcode().info().first);
        }
        let mut opcode = info.first;
        out.push(opcode);
        let opcode_at = out.len() - 1;
        for (&operand, arg) in info.operands.iter().zip(&self.args) {
            let here = at + (out.len() - start);
            match (operand, arg) {
                (Operand::Implicit, Arg::Int(v)) => {
                    opcode += int_in(name, *v, 0, info.count as i64 - 1)? as u8;
                }
                (
                    Operand::Method8 | Operand::Count8 | Operand::Field8 | Operand::Native8 | Operand::Int8,
                    Arg::Int(v),
                ) => out.push(int_in(name, *v, 0, u8::MAX as i64)? as u8),
                (
                    Operand::Method32
                    | Operand::Count32
                    | Operand::Field32
                    | Operand::AnyField32
                    | Operand::Slot32
                    | Operand::Const32,
                    Arg::Int(v),
                ) => out.extend((int_in(name, *v, 0, u32::MAX as i64)? as u32).to_be_bytes()),
                (Operand::Int32, Arg::Int(v)) => {
                    out.extend((int_in(name, *v, i32::MIN as i64, i32::MAX as i64)? as i32).to_be_bytes())
                }
                (Operand::Int64, Arg::Int(v)) => out.extend(v.to_be_bytes()),
                (Operand::Target, Arg::Target(t)) => out.extend(displacement(name, here, *t)?),
                (Operand::Bytes, Arg::Bytes(b)) => {
                    out.extend(byte_len(name, b)?);
                    out.extend(b);
                }
                (Operand::Debug, Arg::Debug { mode, message }) => {
                    out.push(*mode);
                    match (mode & 0x80 != 0, message) {
                        (true, Some(m)) => {
                            out.extend(byte_len(name, m)?);
                            out.extend(m);
                        }
                        (false, None) => {}
                        (true, None) => return err("debug: mode has bit 0x80 set but no message".into()),
                        (false, Some(_)) => return err("debug: a message needs bit 0x80 set in the mode".into()),
                    }
                }
                (Operand::Switch, Arg::Switch { shift, divisor, targets }) => {
                    let Ok(n) = u32::try_from(targets.len()) else {
                        return err("switch: too many targets".into());
                    };
                    out.extend(n.to_be_bytes());
                    out.extend(shift.to_be_bytes());
                    out.extend(divisor.to_be_bytes());
                    for t in targets {
                        let here = at + (out.len() - start);
                        out.extend(displacement(name, here, *t)?);
                    }
                }
                (operand, arg) => return err(format!("{name}: operand {operand:?} cannot be {arg:?}")),
            }
        }
        out[opcode_at] = opcode;
        Ok(())
    }
}

/// Encodes a sequence of instructions laid out from offset 0.
pub fn encode_all(insns: &[Insn]) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    for insn in insns {
        insn.encode(out.len(), &mut out)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_joins_an_opcode_that_accepts_it() {
        let d = decode_at(&[0x5C, 0x42], 0).unwrap();
        assert_eq!(d.len, 2);
        assert_eq!(d.insn, Insn { prefix: Some(TypePrefix::Long), op: Op::Isum, args: vec![] });
        // `ret` takes no prefix: the prefix stands alone.
        let d = decode_at(&[0x5C, 0x08], 0).unwrap();
        assert_eq!((d.len, d.insn.op), (1, Op::PrefixLong));
        // Float bitwise operations do not exist.
        let d = decode_at(&[0x5D, 0x48], 0).unwrap();
        assert_eq!(d.insn.op, Op::PrefixFloat);
    }

    #[test]
    fn jump_displacement_is_relative_to_itself() {
        // jz at offset 0: the displacement starts at 1; target 1 + 9 = 10.
        let d = decode_at(&[0x05, 0, 0, 0, 9], 0).unwrap();
        assert_eq!(d.insn.args, vec![Arg::Target(10)]);
        let mut out = Vec::new();
        d.insn.encode(0, &mut out).unwrap();
        assert_eq!(out, [0x05, 0, 0, 0, 9]);
    }

    #[test]
    fn family_operand_lives_in_the_opcode() {
        let d = decode_at(&[0xB0, 1], 0).unwrap();
        assert_eq!(d.insn.args, vec![Arg::Int(16), Arg::Int(1)]);
        assert_eq!(encode_all(&[d.insn]).unwrap(), [0xB0, 1]);
    }

    #[test]
    fn truncation_and_undefined_bytes_are_reported_with_offsets() {
        let e = decode_all(&[0x00, 0x23, 0, 0]).unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(matches!(e.kind, DecodeErrorKind::Truncated { needed: 5, available: 3, .. }));
        let e = decode_all(&[0x00, 0x9F]).unwrap_err();
        assert_eq!(e, DecodeError { offset: 1, kind: DecodeErrorKind::UndefinedOpcode(0x9F) });
        let e = decode_all(&[0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 1]).unwrap_err();
        assert!(matches!(e.kind, DecodeErrorKind::Truncated { .. }));
    }

    #[test]
    fn out_of_range_operands_are_refused() {
        let insn = Insn::new(Op::Call, vec![Arg::Int(32), Arg::Int(0)]);
        assert!(encode_all(&[insn]).is_err());
        let insn = Insn::new(Op::OsLoad8, vec![Arg::Int(256)]);
        assert!(encode_all(&[insn]).is_err());
    }
}
