//! The verifier: run on every class before it is used.
//!
//! It checks the class structure and, per method, that the code decodes, that every jump lands
//! on an instruction boundary inside the code, that prefixes precede instructions that take
//! them, that operands name existing fields and constants, and, by data flow over both stacks,
//! that nothing underflows and that stack depths agree wherever paths meet. Everything it knows
//! about opcodes comes from the instruction-set table.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::classfile::{ClassFile, Method, Record};
use crate::insn::{decode_all, Arg, Decoded};
use crate::isa::{ArgCount, Flow, Op, Operand, Role, StackEffect, TypePrefix};

/// A verification failure, located by class, method and byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub class: String,
    /// Method name and ordinal, when the error is inside a method.
    pub method: Option<(String, u32)>,
    /// Byte offset in the method's code.
    pub offset: Option<usize>,
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "class {}", self.class)?;
        if let Some((name, ordinal)) = &self.method {
            write!(f, ", method {name} (ordinal {ordinal})")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " @{offset}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for VerifyError {}

/// Verifies a class file; returns every problem found (at most one stack error per method).
pub fn verify(file: &ClassFile) -> Result<(), Vec<VerifyError>> {
    let class = file.display_name();
    let mut errors = Vec::new();
    let class_error = |message: String| VerifyError { class: class.clone(), method: None, offset: None, message };

    let headers = file.records.iter().filter(|r| matches!(r, Record::Class(_))).count();
    let Some(header) = file.header() else {
        errors.push(class_error(format!("a class file needs exactly one class header ('C' record), found {headers}")));
        return Err(errors);
    };
    if header.name.is_empty() {
        errors.push(class_error("the class name is empty".into()));
    }

    let mut ordinals = HashSet::new();
    for m in file.methods() {
        let name = String::from_utf8_lossy(&m.name);
        if m.ordinal >= header.method_slots {
            errors.push(class_error(format!(
                "method {name} has ordinal {} but the class has {} method slots",
                m.ordinal, header.method_slots
            )));
        }
        if !ordinals.insert(m.ordinal) {
            errors.push(class_error(format!("two methods have ordinal {} (the second is {name})", m.ordinal)));
        }
    }
    for f in file.fields() {
        if f.ordinal >= header.field_slots {
            errors.push(class_error(format!(
                "field {} has slot {} but the class has {} field slots",
                String::from_utf8_lossy(&f.name),
                f.ordinal,
                header.field_slots
            )));
        }
    }
    let mut constants = HashSet::new();
    for c in file.constants() {
        if !constants.insert(c.id) {
            errors.push(class_error(format!("constant {} is defined twice", c.id)));
        }
    }

    let context = ClassContext { class: &class, field_slots: header.field_slots, constants: &constants, file };
    for m in file.methods() {
        if let Err(e) = context.method(m) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

struct ClassContext<'a> {
    class: &'a str,
    field_slots: u32,
    constants: &'a HashSet<u32>,
    file: &'a ClassFile,
}

/// Abstract state before an instruction: stack depths, and the value of the top integer cell
/// when it is a known constant (for `dynamic_invoke`'s argument count): pushed by an `iconst_*`
/// and untouched since, because only instructions that leave the int stack alone ran after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State {
    objects: u64,
    ints: u64,
    top_const: Option<i64>,
}

impl ClassContext<'_> {
    fn method(&self, m: &Method) -> Result<(), VerifyError> {
        let err = |offset: Option<usize>, message: String| VerifyError {
            class: self.class.to_string(),
            method: Some((String::from_utf8_lossy(&m.name).into_owned(), m.ordinal)),
            offset,
            message,
        };
        let insns = decode_all(&m.code).map_err(|e| err(Some(e.offset), e.kind.to_string()))?;
        let index_of: HashMap<usize, usize> = insns.iter().enumerate().map(|(i, d)| (d.offset, i)).collect();
        let code_len = m.code.len();

        // Per-instruction checks that need no data flow.
        for (i, d) in insns.iter().enumerate() {
            let info = d.insn.op.info();
            let at = Some(d.offset);
            match info.role {
                Role::Withdrawn => {
                    return Err(err(
                        at,
                        format!("`{}` is not part of the usable instruction set ({})", info.name, info.doc),
                    ))
                }
                Role::Prefix(p) => {
                    let next = insns
                        .get(i + 1)
                        .map_or("the end of the code".to_string(), |n| format!("`{}`", n.insn.op.name()));
                    return Err(err(
                        at,
                        format!(
                            "`{}` must be followed by an instruction that works on {} values, found {next}",
                            info.name,
                            p.suffix()
                        ),
                    ));
                }
                Role::Defined => {}
            }
            for (&operand, arg) in info.operands.iter().zip(&d.insn.args) {
                let check_target = |t: i64| match usize::try_from(t) {
                    Ok(t) if index_of.contains_key(&t) => Ok(()),
                    Ok(t) if t < code_len => {
                        Err(err(at, format!("jump target @{t} is inside an instruction, not at its start")))
                    }
                    _ => Err(err(at, format!("jump target @{t} is outside the code (0..{code_len})"))),
                };
                match (operand, arg) {
                    (Operand::Target, Arg::Target(t)) => check_target(*t)?,
                    (Operand::Switch, Arg::Switch { targets, .. }) => {
                        targets.iter().try_for_each(|t| check_target(*t))?
                    }
                    (Operand::Field8 | Operand::Field32, Arg::Int(slot)) if *slot >= self.field_slots as i64 => {
                        return Err(err(
                            at,
                            format!(
                                "field slot {slot} is out of range: the class has {} field slots",
                                self.field_slots
                            ),
                        ))
                    }
                    (Operand::Const32, Arg::Int(id))
                        if !u32::try_from(*id).is_ok_and(|id| self.constants.contains(&id)) =>
                    {
                        return Err(err(at, format!("constant {id} is not in the class's constant pool")))
                    }
                    _ => {}
                }
            }
        }

        // Data flow over both stacks.
        let nargs = self.argument_count(m, &insns);
        let mut states: Vec<Option<State>> = vec![None; insns.len()];
        let mut work = Vec::new();
        if !insns.is_empty() {
            states[0] = Some(State { objects: nargs, ints: 1, top_const: None });
            work.push(0);
        }
        while let Some(i) = work.pop() {
            let d = &insns[i];
            let before = states[i].expect("queued instructions have a state");
            let after = transfer(d, before, nargs).map_err(|message| err(Some(d.offset), message))?;
            let mut successors: Vec<(usize, State)> = Vec::new();
            let flow = d.insn.op.info().flow;
            let falls_through = matches!(flow, Flow::Next | Flow::Branch | Flow::Switch | Flow::Catcher);
            if falls_through {
                if i + 1 == insns.len() {
                    return Err(err(Some(d.offset), "execution can run past the end of the code".into()));
                }
                successors.push((i + 1, after));
            }
            for arg in &d.insn.args {
                let jump_state = State { top_const: None, ..after };
                match arg {
                    Arg::Target(t) if flow == Flow::Catcher => {
                        // The handler starts with the stacks as they were when the catcher was
                        // installed, plus the thrown object.
                        let handler = State { objects: after.objects + 1, ints: after.ints, top_const: None };
                        successors.push((index_of[&(*t as usize)], handler));
                    }
                    Arg::Target(t) => successors.push((index_of[&(*t as usize)], jump_state)),
                    Arg::Switch { targets, .. } => {
                        successors.extend(targets.iter().map(|t| (index_of[&(*t as usize)], jump_state)))
                    }
                    _ => {}
                }
            }
            for (next, state) in successors {
                match states[next] {
                    None => {
                        states[next] = Some(state);
                        work.push(next);
                    }
                    Some(known) if (known.objects, known.ints) != (state.objects, state.ints) => {
                        return Err(err(
                            Some(insns[next].offset),
                            format!(
                                "stack depths differ where paths meet: {} objects and {} int cells coming from @{}, {} objects and {} int cells on another path",
                                state.objects, state.ints, d.offset, known.objects, known.ints
                            ),
                        ));
                    }
                    Some(known) if known.top_const.is_some() && known.top_const != state.top_const => {
                        states[next] = Some(State { top_const: None, ..known });
                        work.push(next);
                    }
                    Some(_) => {}
                }
            }
        }
        Ok(())
    }

    /// Objects on the stack at entry: the signature's argument count, else a leading
    /// `arg_count n`, else none.
    fn argument_count(&self, m: &Method, insns: &[Decoded]) -> u64 {
        if let Some(sig) = self.file.signature(m.ordinal) {
            return sig.args.len() as u64;
        }
        match insns.first() {
            Some(Decoded { insn, .. }) if insn.op == Op::ArgCount => match insn.args[..] {
                [Arg::Int(n)] => n as u64,
                _ => 0,
            },
            _ => 0,
        }
    }
}

fn int_operand(d: &Decoded, index: usize) -> u64 {
    match d.insn.args.get(index) {
        Some(Arg::Int(v)) => *v as u64,
        _ => 0,
    }
}

fn need(have: u64, want: u64, stack: &str, name: &str) -> Result<(), String> {
    if have < want {
        let unit = if stack == "object" { "objects" } else { "int cells" };
        return Err(format!("{stack} stack underflow: `{name}` needs {want} {unit}, the stack has {have}"));
    }
    Ok(())
}

/// Applies one instruction's stack effect.
fn transfer(d: &Decoded, s: State, nargs: u64) -> Result<State, String> {
    let info = d.insn.op.info();
    let name = info.name;
    let width = d.insn.prefix.map_or(1, TypePrefix::cells) as u64;
    let operand = |i| int_operand(d, i);
    let (mut objects, mut ints) = (s.objects, s.ints);
    // Whether the int stack is left exactly as it was, so a known top cell stays known. The
    // original's Java translator pushes `dynamic_invoke`'s count before the target and name.
    let mut keeps_ints = true;
    let pop_objects = |n: u64, objects: &mut u64| -> Result<(), String> {
        need(*objects, n, "object", name)?;
        *objects -= n;
        Ok(())
    };
    match info.stack {
        StackEffect::Simple { o_pop, o_push, i_pop, i_push } => {
            pop_objects(o_pop as u64, &mut objects)?;
            let i_pop = i_pop.count(d.insn.prefix) as u64;
            let i_push = i_push.count(d.insn.prefix) as u64;
            need(ints, i_pop, "integer", name)?;
            ints = ints - i_pop + i_push;
            objects += o_push as u64;
            keeps_ints = i_pop == 0 && i_push == 0;
        }
        StackEffect::Call { nargs } => {
            let n = match nargs {
                ArgCount::Fixed(n) => n as u64,
                ArgCount::Operand(i) => operand(i),
            };
            // The callee's int cells start above the caller's and are cut back on return, so
            // calls keep a known top cell (`keeps_ints` stays true).
            pop_objects(n + 1, &mut objects)?;
            objects += 1;
        }
        StackEffect::StaticInvoke => {
            pop_objects(operand(1) + 2, &mut objects)?;
            objects += 1;
        }
        StackEffect::DynamicInvoke => {
            need(ints, 1, "integer", name)?;
            let n = match s.top_const {
                Some(n) if n >= 0 => n as u64,
                _ => return Err(
                    "dynamic_invoke needs its argument count pushed as a constant, with only object-stack instructions after it"
                        .into(),
                ),
            };
            keeps_ints = false;
            ints -= 1;
            pop_objects(n + 2, &mut objects)?;
            objects += 1;
        }
        StackEffect::Sys => {
            need(ints, 1, "integer", name)?;
            ints -= 1;
            keeps_ints = false;
            pop_objects(nargs, &mut objects)?;
            objects += 1;
        }
        StackEffect::Reserve => {
            objects += operand(0);
            ints += operand(1);
            keeps_ints = operand(1) == 0;
        }
        StackEffect::Pull => {
            need(objects, operand(0) + 1, "object", name)?;
            objects += 1;
        }
        StackEffect::GetObjectSlot => {
            if operand(0) >= objects {
                return Err(format!("object slot {} is beyond the {objects} objects on the stack", operand(0)));
            }
            objects += 1;
        }
        StackEffect::SetObjectSlot => {
            pop_objects(1, &mut objects)?;
            if operand(0) >= objects {
                return Err(format!("object slot {} is beyond the {objects} objects left on the stack", operand(0)));
            }
        }
        StackEffect::GetIntSlot => {
            if operand(0) + width > ints {
                return Err(format!("int slot {} is beyond the {ints} int cells on the stack", operand(0)));
            }
            ints += width;
            keeps_ints = false;
        }
        StackEffect::SetIntSlot => {
            need(ints, width, "integer", name)?;
            ints -= width;
            keeps_ints = false;
            if operand(0) + width > ints {
                return Err(format!("int slot {} is beyond the {ints} int cells left on the stack", operand(0)));
            }
        }
    }
    let top_const = match (d.insn.prefix, &d.insn.args[..]) {
        (None, _) if matches!(d.insn.op, Op::Iconst0) => Some(0),
        (None, _) if matches!(d.insn.op, Op::Iconst1) => Some(1),
        (None, [Arg::Int(v)]) if matches!(d.insn.op, Op::Iconst8 | Op::Iconst32) => Some(*v),
        _ if keeps_ints => s.top_const,
        _ => None,
    };
    Ok(State { objects, ints, top_const })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asm::assemble;

    fn check(body: &str) -> Result<(), String> {
        let src = format!(
            ".class \".t\" parent \".internal.object\" fields 2 methods 17\n.method \"m\" 16\n{body}\n.end\n.const 0 \".internal.string\" \"s\"\n"
        );
        let file = assemble(&src).map_err(|e| format!("{e:?}"))?;
        verify(&file).map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
    }

    #[test]
    fn a_plain_method_passes() {
        check("arg_count 0\nstack_reserve 1 1\niconst_1\nis_set32 0\nconst_pool 0\nos_set32 0\nos_get32 0\nret")
            .unwrap();
    }

    #[test]
    fn rejections_name_method_and_offset() {
        let cases: &[(&str, &str)] = &[
            (
                "arg_count 0\nos_drop\nret",
                "method m (ordinal 16) @2: object stack underflow: `os_drop` needs 1 objects, the stack has 0",
            ),
            ("arg_count 0\nisum\nret", "@2: integer stack underflow"),
            ("arg_count 0\nisum.long\nret", "@2: integer stack underflow"),
            ("arg_count 0\njmp @3\nret", "@2: jump target @3 is inside an instruction"),
            ("arg_count 0\njmp @100\nret", "@2: jump target @100 is outside the code"),
            ("arg_count 0\nconst_pool 7\nret", "@2: constant 7 is not in the class's constant pool"),
            ("arg_count 0\nos_load8 2\nret", "@2: field slot 2 is out of range"),
            (
                "arg_count 0\nprefix_long\nret",
                "@2: `prefix_long` must be followed by an instruction that works on long values, found `ret`",
            ),
            ("arg_count 0\ncopy\nret", "@2: `copy` is not part of the usable instruction set"),
            ("arg_count 0\nsummon_null", "@2: execution can run past the end of the code"),
            (
                "arg_count 0\niconst_0\njz x\nsummon_null\nx: ret",
                "@9: stack depths differ where paths meet: 1 objects and 0 int cells coming from @8, 0 objects",
            ),
            ("arg_count 0\nos_get32 0\nret", "@2: object slot 0 is beyond the 0 objects"),
            ("arg_count 0\nstack_reserve 0 1\nis_get32.long 0\nret", "@5: int slot 0 is beyond the 1 int cells"),
            (
                "arg_count 0\nsummon_this\nsummon_string_class\niconst_1\niconst_1\nisum\ndynamic_invoke\nret",
                "dynamic_invoke needs its argument count pushed as a constant",
            ),
            ("arg_count 0\n.bytes 0x9f", "@2: undefined opcode 0x9f"),
            ("arg_count 0\n.bytes 0x23 0 0", "@2: iconst_32bit is truncated"),
        ];
        for (body, expected) in cases {
            let e = check(body).unwrap_err();
            assert!(e.contains(expected), "{body}\n  got: {e}\n  want: {expected}");
        }
    }

    #[test]
    fn catcher_handler_sees_the_thrown_object() {
        check("arg_count 0\nsummon_string_class\npush_catcher h\nsummon_null\nthrow\nh: os_drop\nsummon_null\nret")
            .unwrap();
    }

    #[test]
    fn dynamic_invoke_with_constant_count_and_sys_with_arguments() {
        check("arg_count 0\nsummon_null\nsummon_this\nsconst_bin \"f\"\niconst_1\ndynamic_invoke\nret").unwrap();
        let src = ".class \".t\" parent \".internal.object\" fields 0 methods 17\n.method \"m\" 16\nsys 8\nret\n.end\n.signature \"m\" 16 returns untyped\narg \"a\" untyped\n.end\n";
        verify(&assemble(src).unwrap()).unwrap();
    }

    #[test]
    fn dynamic_invoke_count_pushed_before_target_and_name() {
        // The original's Java translator: count first, then target and name (object stack only).
        check("arg_count 0\nsummon_null\niconst_32bit 1\nsummon_this\nsconst_bin \"f\"\ndynamic_invoke\nret").unwrap();
        check(
            "arg_count 0\niconst_8bit 0\nsummon_this\nos_dup\ncall 5 0\nos_drop\nsconst_bin \"f\"\ndynamic_invoke\nret",
        )
        .unwrap();
        // The count decides the object-stack check: 2 arguments are not there.
        let e = check("arg_count 0\nsummon_null\niconst_32bit 2\nsummon_this\nsconst_bin \"f\"\ndynamic_invoke\nret")
            .unwrap_err();
        assert!(e.contains("object stack underflow: `dynamic_invoke` needs 4 objects, the stack has 3"), "{e}");
        let unknown = "dynamic_invoke needs its argument count pushed as a constant";
        // An instruction that touches the int stack in between forgets the constant.
        for between in ["iconst_1\nis_drop", "is_dup\nis_drop", "summon_null\nsummon_null\nos_eq\nis_drop"] {
            let body = format!("arg_count 0\niconst_0\n{between}\nsummon_this\nsconst_bin \"f\"\ndynamic_invoke\nret");
            let e = check(&body).unwrap_err();
            assert!(e.contains(unknown), "{body}\n  got: {e}");
        }
        // Paths that meet with different constants leave the count unknown.
        let e = check("arg_count 0\niconst_0\niconst_0\njz a\niconst_1\njmp b\na: iconst_0\nb: summon_this\nsconst_bin \"f\"\ndynamic_invoke\nret")
            .unwrap_err();
        assert!(e.contains(unknown), "{e}");
    }

    #[test]
    fn structural_errors() {
        let src = ".class \".t\" parent \".internal.object\" fields 0 methods 16\n.method \"m\" 16\nret\n.end\n";
        let e = verify(&assemble(src).unwrap()).unwrap_err();
        assert_eq!(e[0].to_string(), "class .t: method m has ordinal 16 but the class has 16 method slots");
        let e = verify(&ClassFile::default()).unwrap_err();
        assert!(e[0].message.contains("exactly one class header"));
    }
}
