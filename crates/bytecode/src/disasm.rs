//! The disassembler: prints a class file in the assembly language of `docs/ASSEMBLY.md`.
//! [`crate::asm::assemble`] reads the output back into the same bytes.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::classfile::{ClassFile, Record, TypeRef};
use crate::insn::{decode_at, Arg, DecodeError, Decoded};
use crate::isa::Op;

/// Writes `bytes` as a quoted assembly string. Printable text stays readable; anything else is
/// escaped so that the assembler gets back exactly these bytes.
pub fn quote(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        let _ = write!(out, "\\x{b:02x}");
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out.push('"');
    out
}

/// Writes a type: `".internal.int"`, `".internal.string"[]`, `untyped`, or the general
/// `type(container, "class", "element")`.
pub fn format_type(t: &TypeRef) -> String {
    match (t.container, t.class.is_empty(), t.element.is_empty()) {
        (0, true, true) => "untyped".to_string(),
        (0, false, true) => quote(&t.class),
        (1, true, false) => format!("{}[]", quote(&t.element)),
        _ => format!("type({}, {}, {})", t.container, quote(&t.class), quote(&t.element)),
    }
}

fn label(offset: i64) -> String {
    format!("L{offset}")
}

/// Prints the whole class file.
pub fn disassemble(file: &ClassFile) -> String {
    let mut out = String::new();
    for record in &file.records {
        print_record(file, record, &mut out);
    }
    out
}

fn print_record(file: &ClassFile, record: &Record, out: &mut String) {
    match record {
        Record::Class(h) => {
            let _ = writeln!(
                out,
                ".class {} parent {} fields {} methods {} version {}\n",
                quote(&h.name),
                quote(&h.parent),
                h.field_slots,
                h.method_slots,
                quote(&h.version)
            );
        }
        Record::Method(m) => {
            let _ = writeln!(out, ".method {} {}", quote(&m.name), m.ordinal);
            print_code(file, &m.code, out);
            out.push_str(".end\n\n");
        }
        Record::Signature(s) => {
            let _ = write!(out, ".signature {} {}", quote(&s.name), s.ordinal);
            if let Some(ctor) = s.ctor {
                let _ = write!(out, " ctor {ctor}");
            }
            let _ = writeln!(out, " returns {}", format_type(&s.returns));
            for (name, ty) in &s.args {
                let _ = writeln!(out, "        arg {} {}", quote(name), format_type(ty));
            }
            out.push_str(".end\n\n");
        }
        Record::LineMap(l) => {
            let _ = writeln!(out, ".lines {}", l.ordinal);
            for e in &l.entries {
                let _ = writeln!(out, "        @{} {}", e.offset, e.line);
            }
            out.push_str(".end\n\n");
        }
        Record::Fields(fields) => {
            out.push_str(".fields\n");
            for f in fields {
                let _ = writeln!(out, "        {} {} {}", quote(&f.name), f.ordinal, format_type(&f.ty));
            }
            out.push_str(".end\n\n");
        }
        Record::Constant(c) => {
            let _ = writeln!(out, ".const {} {} {}", c.id, format_type(&c.ty), quote(&c.value));
        }
        Record::Unknown { tag, body } => {
            let _ = writeln!(out, ".record {} {}", quote(&[*tag]), quote(body));
        }
    }
}

/// Decodes as far as possible; returns the instructions and the error that stopped decoding.
pub fn decode_prefix(code: &[u8]) -> (Vec<Decoded>, Option<DecodeError>) {
    let mut insns = Vec::new();
    let mut offset = 0;
    while offset < code.len() {
        match decode_at(code, offset) {
            Ok(d) => {
                offset += d.len;
                insns.push(d);
            }
            Err(e) => return (insns, Some(e)),
        }
    }
    (insns, None)
}

fn print_code(file: &ClassFile, code: &[u8], out: &mut String) {
    let (insns, error) = decode_prefix(code);
    let boundaries: BTreeSet<i64> = insns.iter().map(|d| d.offset as i64).collect();
    let mut labels = BTreeSet::new();
    for d in &insns {
        for arg in &d.insn.args {
            match arg {
                Arg::Target(t) => {
                    labels.insert(*t);
                }
                Arg::Switch { targets, .. } => labels.extend(targets),
                _ => {}
            }
        }
    }
    labels.retain(|t| boundaries.contains(t));
    let target = |t: &i64| if labels.contains(t) { label(*t) } else { format!("@{t}") };

    for d in &insns {
        if labels.contains(&(d.offset as i64)) {
            let _ = writeln!(out, "{}:", label(d.offset as i64));
        }
        let mut line = String::from("        ");
        line.push_str(d.insn.op.name());
        if let Some(p) = d.insn.prefix {
            line.push('.');
            line.push_str(p.suffix());
        }
        for arg in &d.insn.args {
            line.push(' ');
            match arg {
                Arg::Int(v) => {
                    let _ = write!(line, "{v}");
                }
                Arg::Target(t) => line.push_str(&target(t)),
                Arg::Bytes(b) => line.push_str(&quote(b)),
                Arg::Debug { mode, message } => {
                    let _ = write!(line, "0x{mode:02x}");
                    if let Some(m) = message {
                        let _ = write!(line, " {}", quote(m));
                    }
                }
                Arg::Switch { shift, divisor, targets } => {
                    let list: Vec<String> = targets.iter().map(target).collect();
                    let _ = write!(line, "{shift} {divisor} [{}]", list.join(" "));
                }
            }
        }
        let mut comment = format!("@{}", d.offset);
        if d.insn.op == Op::ConstPool {
            if let [Arg::Int(id)] = d.insn.args[..] {
                if let Some(c) = file.constants().find(|c| c.id as i64 == id) {
                    let _ = write!(comment, " {}", quote(&c.value));
                }
            }
        }
        let _ = writeln!(out, "{line:<39} ; {comment}");
    }
    if let Some(e) = error {
        let _ = writeln!(out, "        ; cannot decode: {e}");
        let rest: Vec<String> = code[e.offset..].iter().map(|b| format!("0x{b:02x}")).collect();
        for chunk in rest.chunks(16) {
            let _ = writeln!(out, "        .bytes {}", chunk.join(" "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_is_not_plain_text() {
        assert_eq!(quote(b"a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(quote(&[0x00, 0xff, b'x']), r#""\x00\xffx""#);
        assert_eq!(quote("привет".as_bytes()), "\"привет\"");
    }

    #[test]
    fn types_print_in_their_short_forms() {
        let t = |c, a: &[u8], b: &[u8]| format_type(&TypeRef { container: c, class: a.to_vec(), element: b.to_vec() });
        assert_eq!(t(0, b"", b""), "untyped");
        assert_eq!(t(0, b".internal.int", b""), "\".internal.int\"");
        assert_eq!(t(1, b"", b".x"), "\".x\"[]");
        assert_eq!(t(1, b".a", b".x"), "type(1, \".a\", \".x\")");
    }
}
