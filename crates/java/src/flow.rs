//! The kinds of the values on a method's operand stack at every instruction, by data flow over
//! the Java bytecode (javac's output is verifiable, so the kinds agree wherever paths meet).
//! Phantom keeps integers and references on two stacks, so every stack operation needs them.

use std::collections::HashMap;

use cafebabe::bytecode::Opcode;
use cafebabe::constant_pool::{LiteralConstant, Loadable};

use crate::model::{Kind, Signature};
use crate::Error;

/// A stack entry: a kind, with `this` (local 0 of an instance method that never replaces it)
/// told apart so that its fields can be reached directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum K {
    Int,
    Float,
    Long,
    Double,
    Ref,
    This,
}

impl K {
    pub fn of(kind: Kind) -> K {
        match kind {
            Kind::Int => K::Int,
            Kind::Float => K::Float,
            Kind::Long => K::Long,
            Kind::Double => K::Double,
            Kind::Ref => K::Ref,
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            K::Int => Kind::Int,
            K::Float => Kind::Float,
            K::Long => Kind::Long,
            K::Double => Kind::Double,
            K::Ref | K::This => Kind::Ref,
        }
    }

    pub fn is_ref(self) -> bool {
        matches!(self, K::Ref | K::This)
    }

    /// Category 2 (two JVM stack words).
    pub fn wide(self) -> bool {
        matches!(self, K::Long | K::Double)
    }
}

/// The stacks on entry to each instruction (by index into the opcode list); `None` where no
/// path leads.
pub struct Flow {
    pub stack_in: Vec<Option<Vec<K>>>,
}

pub fn signature(descriptor: &str) -> Result<Signature, Error> {
    Signature::parse(descriptor).ok_or_else(|| Error::new(format!("bad method descriptor {descriptor}")))
}

/// Successor instruction offsets of a branch (not counting the fall-through).
pub fn branch_targets(pc: usize, op: &Opcode) -> Vec<usize> {
    let at = |d: i32| (pc as i64 + d as i64) as usize;
    match op {
        Opcode::Goto(d)
        | Opcode::IfAcmpeq(d)
        | Opcode::IfAcmpne(d)
        | Opcode::IfIcmpeq(d)
        | Opcode::IfIcmpge(d)
        | Opcode::IfIcmpgt(d)
        | Opcode::IfIcmple(d)
        | Opcode::IfIcmplt(d)
        | Opcode::IfIcmpne(d)
        | Opcode::Ifeq(d)
        | Opcode::Ifge(d)
        | Opcode::Ifgt(d)
        | Opcode::Ifle(d)
        | Opcode::Iflt(d)
        | Opcode::Ifne(d)
        | Opcode::Ifnonnull(d)
        | Opcode::Ifnull(d) => vec![at(*d)],
        Opcode::Tableswitch(t) => std::iter::once(t.default).chain(t.jumps.iter().copied()).map(at).collect(),
        Opcode::Lookupswitch(t) => {
            std::iter::once(t.default).chain(t.match_offsets.iter().map(|(_, d)| *d)).map(at).collect()
        }
        _ => vec![],
    }
}

/// Whether control never falls through to the next instruction.
pub fn ends_block(op: &Opcode) -> bool {
    matches!(
        op,
        Opcode::Goto(_)
            | Opcode::Tableswitch(_)
            | Opcode::Lookupswitch(_)
            | Opcode::Return
            | Opcode::Ireturn
            | Opcode::Lreturn
            | Opcode::Freturn
            | Opcode::Dreturn
            | Opcode::Areturn
            | Opcode::Athrow
    )
}

/// What a stack shuffle does: the top `take` entries become `out`, deepest first, each an
/// index counted from the top (0 is the topmost entry taken). `None` if the kinds on top do not fit the instruction.
pub fn shuffle(op: &Opcode, stack: &[K]) -> Option<(usize, Vec<usize>)> {
    let n = stack.len();
    let top = |k: usize| -> Option<K> { n.checked_sub(k + 1).map(|i| stack[i]) };
    let w0 = top(0)?.wide();
    Some(match op {
        Opcode::Dup => (1, vec![0, 0]),
        Opcode::DupX1 => (2, vec![0, 1, 0]),
        Opcode::DupX2 if top(1)?.wide() => (2, vec![0, 1, 0]),
        Opcode::DupX2 => (3, vec![0, 2, 1, 0]),
        Opcode::Dup2 if w0 => (1, vec![0, 0]),
        Opcode::Dup2 => (2, vec![1, 0, 1, 0]),
        Opcode::Dup2X1 if w0 => (2, vec![0, 1, 0]),
        Opcode::Dup2X1 => (3, vec![1, 0, 2, 1, 0]),
        Opcode::Dup2X2 if w0 && top(1)?.wide() => (2, vec![0, 1, 0]),
        Opcode::Dup2X2 if w0 => (3, vec![0, 2, 1, 0]),
        Opcode::Dup2X2 if top(2)?.wide() => (3, vec![1, 0, 2, 1, 0]),
        Opcode::Dup2X2 => (4, vec![1, 0, 3, 2, 1, 0]),
        Opcode::Swap => (2, vec![0, 1]),
        _ => return None,
    })
}

fn pop(stack: &mut Vec<K>, at: usize) -> Result<K, Error> {
    stack.pop().ok_or_else(|| Error::new(format!("stack underflow at offset {at}")))
}

/// Applies one instruction's effect on the stack's kinds. `this_fixed`: local 0 is `this`.
pub fn step(op: &Opcode, stack: &mut Vec<K>, at: usize, this_fixed: bool) -> Result<(), Error> {
    use Opcode::*;
    let pops = |n: usize, stack: &mut Vec<K>| -> Result<(), Error> {
        for _ in 0..n {
            pop(stack, at)?;
        }
        Ok(())
    };
    match op {
        Nop | Goto(_) | Iinc(..) | Return | Breakpoint | Impdep1 | Impdep2 => {}
        AconstNull | New(_) => stack.push(K::Ref),
        Aload(0) if this_fixed => stack.push(K::This),
        Aload(_) => stack.push(K::Ref),
        IconstM1 | Iconst0 | Iconst1 | Iconst2 | Iconst3 | Iconst4 | Iconst5 | Bipush(_) | Sipush(_) | Iload(_) => {
            stack.push(K::Int)
        }
        Lconst0 | Lconst1 | Lload(_) => stack.push(K::Long),
        Fconst0 | Fconst1 | Fconst2 | Fload(_) => stack.push(K::Float),
        Dconst0 | Dconst1 | Dload(_) => stack.push(K::Double),
        Ldc(l) | LdcW(l) | Ldc2W(l) => stack.push(match l {
            Loadable::LiteralConstant(LiteralConstant::Integer(_)) => K::Int,
            Loadable::LiteralConstant(LiteralConstant::Float(_)) => K::Float,
            Loadable::LiteralConstant(LiteralConstant::Long(_)) => K::Long,
            Loadable::LiteralConstant(LiteralConstant::Double(_)) => K::Double,
            _ => K::Ref,
        }),
        Istore(_) | Fstore(_) | Lstore(_) | Dstore(_) | Astore(_) | Pop | Athrow | Monitorenter | Monitorexit
        | Ifeq(_) | Ifne(_) | Iflt(_) | Ifge(_) | Ifgt(_) | Ifle(_) | Ifnull(_) | Ifnonnull(_) | Tableswitch(_)
        | Lookupswitch(_) | Ireturn | Lreturn | Freturn | Dreturn | Areturn => pops(1, stack)?,
        Pop2 => {
            if !pop(stack, at)?.wide() {
                pop(stack, at)?;
            }
        }
        IfIcmpeq(_) | IfIcmpne(_) | IfIcmplt(_) | IfIcmpge(_) | IfIcmpgt(_) | IfIcmple(_) | IfAcmpeq(_)
        | IfAcmpne(_) => pops(2, stack)?,
        Iaload | Baload | Caload | Saload => {
            pops(2, stack)?;
            stack.push(K::Int)
        }
        Laload => {
            pops(2, stack)?;
            stack.push(K::Long)
        }
        Faload => {
            pops(2, stack)?;
            stack.push(K::Float)
        }
        Daload => {
            pops(2, stack)?;
            stack.push(K::Double)
        }
        Aaload => {
            pops(2, stack)?;
            stack.push(K::Ref)
        }
        Iastore | Lastore | Fastore | Dastore | Aastore | Bastore | Castore | Sastore => pops(3, stack)?,
        Dup | DupX1 | DupX2 | Dup2 | Dup2X1 | Dup2X2 | Swap => {
            let (take, out) =
                shuffle(op, stack).ok_or_else(|| Error::new(format!("stack underflow at offset {at}")))?;
            let base = stack.len() - take;
            let taken: Vec<K> = stack.drain(base..).collect();
            // `out` counts from the top: 0 is the topmost taken entry.
            stack.extend(out.iter().map(|&k| taken[take - 1 - k]));
        }
        Iadd | Isub | Imul | Idiv | Irem | Ishl | Ishr | Iushr | Iand | Ior | Ixor => {
            pops(2, stack)?;
            stack.push(K::Int)
        }
        Ladd | Lsub | Lmul | Ldiv | Lrem | Land | Lor | Lxor | Lshl | Lshr | Lushr => {
            pops(2, stack)?;
            stack.push(K::Long)
        }
        Fadd | Fsub | Fmul | Fdiv | Frem => {
            pops(2, stack)?;
            stack.push(K::Float)
        }
        Dadd | Dsub | Dmul | Ddiv | Drem => {
            pops(2, stack)?;
            stack.push(K::Double)
        }
        Lcmp | Fcmpl | Fcmpg | Dcmpl | Dcmpg => {
            pops(2, stack)?;
            stack.push(K::Int)
        }
        Ineg | Lneg | Fneg | Dneg | I2b | I2c | I2s => {}
        I2l | F2l | D2l => {
            pops(1, stack)?;
            stack.push(K::Long)
        }
        I2f | L2f | D2f => {
            pops(1, stack)?;
            stack.push(K::Float)
        }
        I2d | L2d | F2d => {
            pops(1, stack)?;
            stack.push(K::Double)
        }
        L2i | F2i | D2i => {
            pops(1, stack)?;
            stack.push(K::Int)
        }
        Arraylength | Instanceof(_) => {
            pops(1, stack)?;
            stack.push(K::Int)
        }
        Newarray(_) | Anewarray(_) => {
            pops(1, stack)?;
            stack.push(K::Ref)
        }
        Checkcast(_) => {
            let k = pop(stack, at)?;
            stack.push(if k == K::This { K::This } else { K::Ref })
        }
        Multianewarray(_, dims) => {
            pops(*dims as usize, stack)?;
            stack.push(K::Ref)
        }
        Getstatic(m) => stack.push(K::of(Kind::of(&m.name_and_type.descriptor))),
        Putstatic(_) => pops(1, stack)?,
        Getfield(m) => {
            pops(1, stack)?;
            stack.push(K::of(Kind::of(&m.name_and_type.descriptor)))
        }
        Putfield(_) => pops(2, stack)?,
        Invokevirtual(m) | Invokespecial(m) | Invokestatic(m) | Invokeinterface(m, _) => {
            let sig = signature(&m.name_and_type.descriptor)?;
            pops(sig.params.len() + usize::from(!matches!(op, Invokestatic(_))), stack)?;
            if let Some(k) = sig.result() {
                stack.push(K::of(k));
            }
        }
        Invokedynamic(d) => {
            let sig = signature(&d.name_and_type.descriptor)?;
            pops(sig.params.len(), stack)?;
            if let Some(k) = sig.result() {
                stack.push(K::of(k));
            }
        }
        Jsr(_) | Ret(_) => {
            return Err(Error::new(format!("jsr/ret at offset {at} (class files before Java 7) are not supported")))
        }
    }
    Ok(())
}

/// Runs the data flow. `handlers`: (start, end, handler) offsets of the exception table.
pub fn analyse(
    opcodes: &[(usize, Opcode)],
    handlers: &[(usize, usize, usize)],
    this_fixed: bool,
) -> Result<Flow, Error> {
    let index: HashMap<usize, usize> = opcodes.iter().enumerate().map(|(i, (pc, _))| (*pc, i)).collect();
    let find = |pc: usize| {
        index.get(&pc).copied().ok_or_else(|| Error::new(format!("jump to offset {pc}, not an instruction")))
    };
    let mut stack_in: Vec<Option<Vec<K>>> = vec![None; opcodes.len()];
    let mut work = vec![0usize];
    if !opcodes.is_empty() {
        stack_in[0] = Some(Vec::new());
    }
    let merge = |stack_in: &mut Vec<Option<Vec<K>>>, work: &mut Vec<usize>, i: usize, s: &[K]| -> Result<(), Error> {
        match &mut stack_in[i] {
            None => {
                stack_in[i] = Some(s.to_vec());
                work.push(i);
            }
            Some(old) => {
                if old.len() != s.len() {
                    return Err(Error::new(format!("stack heights differ at offset {}", opcodes[i].0)));
                }
                let mut changed = false;
                for (a, b) in old.iter_mut().zip(s) {
                    if *a != *b {
                        if a.is_ref() && b.is_ref() {
                            if *a == K::This {
                                *a = K::Ref;
                                changed = true;
                            }
                        } else {
                            return Err(Error::new(format!("stack kinds differ at offset {}", opcodes[i].0)));
                        }
                    }
                }
                if changed {
                    work.push(i);
                }
            }
        }
        Ok(())
    };
    while let Some(i) = work.pop() {
        let (pc, op) = &opcodes[i];
        let mut stack = stack_in[i].clone().expect("queued with a stack");
        for &(start, end, handler) in handlers {
            if (start..end).contains(pc) {
                let h = find(handler)?;
                merge(&mut stack_in, &mut work, h, &[K::Ref])?;
            }
        }
        step(op, &mut stack, *pc, this_fixed)?;
        for target in branch_targets(*pc, op) {
            let t = find(target)?;
            merge(&mut stack_in, &mut work, t, &stack)?;
        }
        if !ends_block(op) {
            if i + 1 >= opcodes.len() {
                return Err(Error::new(format!("execution runs past the end of the code after offset {pc}")));
            }
            merge(&mut stack_in, &mut work, i + 1, &stack)?;
        }
    }
    Ok(Flow { stack_in })
}
