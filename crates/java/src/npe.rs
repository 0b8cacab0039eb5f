//! Java 17's helpful NullPointerException messages ("Cannot invoke "String.length()" because
//! "<local1>" is null"), worked out when a method is translated. A forward pass over each
//! basic block follows where every stack entry came from; the instructions that fail on a null
//! reference get the JVM's sentence for what they tried and, where the source can be told, why.

use std::collections::{HashMap, HashSet};

use cafebabe::bytecode::Opcode;

use crate::flow::{self, Flow};
use crate::model::Signature;

/// Where a stack entry came from, as far as the message needs.
#[derive(Clone, Debug)]
enum Src {
    Unknown,
    Null,
    Int(i64),
    /// A local slot, and the offset of the instruction that read it.
    Local(u16, usize),
    Static {
        class: String,
        name: String,
    },
    Field(Box<Src>, String),
    Element(Box<Src>, Box<Src>),
    Returned(String),
}

/// The messages of a method's instructions that can fail on null, by bytecode offset.
pub fn messages(
    opcodes: &[(usize, Opcode)],
    flow: &Flow,
    is_static: bool,
    params: &[String],
    variables: Vec<Variable>,
) -> HashMap<usize, String> {
    let targets: HashSet<usize> = opcodes.iter().flat_map(|(pc, op)| flow::branch_targets(*pc, op)).collect();
    let names = LocalNames::new(is_static, params, variables);
    let mut out = HashMap::new();
    let mut sources: Vec<Src> = Vec::new();
    let mut fresh = true;
    for (i, (pc, op)) in opcodes.iter().enumerate() {
        let Some(kinds) = flow.stack_in[i].as_ref() else {
            fresh = true;
            continue;
        };
        if fresh || targets.contains(pc) || sources.len() != kinds.len() {
            sources = vec![Src::Unknown; kinds.len()];
        }
        if let Some((action, depth)) = action(op) {
            let because = sources.len().checked_sub(depth + 1).and_then(|k| because(&sources[k], &names));
            out.insert(
                *pc,
                match because {
                    Some(b) => format!("{action} because {b}"),
                    None => action,
                },
            );
        }
        fresh = flow::ends_block(op);
        let mut after = kinds.clone();
        if flow::step(op, &mut after, *pc, false).is_err() {
            fresh = true;
            continue;
        }
        if let Some((take, order)) = flow::shuffle(op, kinds) {
            let top: Vec<Src> = sources.split_off(sources.len().saturating_sub(take));
            sources
                .extend(order.iter().map(|&k| top.get(top.len().wrapping_sub(k + 1)).cloned().unwrap_or(Src::Unknown)));
            continue;
        }
        let pushes = usize::from(produces(op));
        let pops = (kinds.len() + pushes).saturating_sub(after.len());
        let popped = sources.split_off(sources.len().saturating_sub(pops));
        if pushes == 1 {
            sources.push(source(op, *pc, &popped));
        }
    }
    out
}

/// Whether the instruction leaves a new value on the stack (those that are not shuffles
/// leave at most one).
fn produces(op: &Opcode) -> bool {
    use Opcode::*;
    match op {
        Invokevirtual(m) | Invokespecial(m) | Invokestatic(m) | Invokeinterface(m, _) => {
            !m.name_and_type.descriptor.ends_with(")V")
        }
        Istore(_) | Lstore(_) | Fstore(_) | Dstore(_) | Astore(_) | Putfield(_) | Putstatic(_) | Iastore | Lastore
        | Fastore | Dastore | Aastore | Bastore | Castore | Sastore | Pop | Pop2 | Monitorenter | Monitorexit
        | Iinc(..) | Nop | Goto(_) | Ifeq(_) | Ifne(_) | Iflt(_) | Ifge(_) | Ifgt(_) | Ifle(_) | IfIcmpeq(_)
        | IfIcmpne(_) | IfIcmplt(_) | IfIcmpge(_) | IfIcmpgt(_) | IfIcmple(_) | IfAcmpeq(_) | IfAcmpne(_)
        | Ifnull(_) | Ifnonnull(_) | Tableswitch(_) | Lookupswitch(_) | Return | Ireturn | Lreturn | Freturn
        | Dreturn | Areturn | Athrow => false,
        _ => true,
    }
}

/// The source an instruction's result has, given what it popped (deepest first).
fn source(op: &Opcode, pc: usize, popped: &[Src]) -> Src {
    use Opcode::*;
    let arg = |k: usize| popped.get(k).cloned().unwrap_or(Src::Unknown);
    match op {
        AconstNull => Src::Null,
        Aload(n) => Src::Local(*n, pc),
        Iload(n) => Src::Local(*n, pc),
        IconstM1 => Src::Int(-1),
        Iconst0 => Src::Int(0),
        Iconst1 => Src::Int(1),
        Iconst2 => Src::Int(2),
        Iconst3 => Src::Int(3),
        Iconst4 => Src::Int(4),
        Iconst5 => Src::Int(5),
        Bipush(v) => Src::Int(*v as i64),
        Sipush(v) => Src::Int(*v as i64),
        Getstatic(m) => Src::Static { class: class_name(&m.class_name), name: m.name_and_type.name.to_string() },
        Getfield(m) => Src::Field(Box::new(arg(0)), m.name_and_type.name.to_string()),
        Aaload => Src::Element(Box::new(arg(0)), Box::new(arg(1))),
        Checkcast(_) => arg(0),
        Invokevirtual(m) | Invokespecial(m) | Invokestatic(m) | Invokeinterface(m, _) => {
            Src::Returned(method_name(&m.class_name, &m.name_and_type.name, &m.name_and_type.descriptor))
        }
        _ => Src::Unknown,
    }
}

/// What an instruction that fails on null tried, and how deep below the top its reference is.
fn action(op: &Opcode) -> Option<(String, usize)> {
    use Opcode::*;
    let array = |what: &str, ty: &str, depth: usize| Some((format!("Cannot {what} {ty} array"), depth));
    match op {
        Getfield(m) => Some((format!("Cannot read field \"{}\"", m.name_and_type.name), 0)),
        Putfield(m) => Some((format!("Cannot assign field \"{}\"", m.name_and_type.name), 1)),
        Invokevirtual(m) | Invokeinterface(m, _) | Invokespecial(m) if m.name_and_type.name != "<init>" => {
            let n = Signature::parse(&m.name_and_type.descriptor)?.params.len();
            let name = method_name(&m.class_name, &m.name_and_type.name, &m.name_and_type.descriptor);
            Some((format!("Cannot invoke \"{name}\""), n))
        }
        Iaload => array("load from", "int", 1),
        Laload => array("load from", "long", 1),
        Faload => array("load from", "float", 1),
        Daload => array("load from", "double", 1),
        Aaload => array("load from", "object", 1),
        Baload => array("load from", "byte/boolean", 1),
        Caload => array("load from", "char", 1),
        Saload => array("load from", "short", 1),
        Iastore => array("store to", "int", 2),
        Lastore => array("store to", "long", 2),
        Fastore => array("store to", "float", 2),
        Dastore => array("store to", "double", 2),
        Aastore => array("store to", "object", 2),
        Bastore => array("store to", "byte/boolean", 2),
        Castore => array("store to", "char", 2),
        Sastore => array("store to", "short", 2),
        Arraylength => Some(("Cannot read the array length".into(), 0)),
        Athrow => Some(("Cannot throw exception".into(), 0)),
        Monitorenter => Some(("Cannot enter synchronized block".into(), 0)),
        Monitorexit => Some(("Cannot exit synchronized block".into(), 0)),
        _ => None,
    }
}

/// The "because" part, where the source can be told.
fn because(src: &Src, names: &LocalNames) -> Option<String> {
    match src {
        Src::Returned(m) => Some(format!("the return value of \"{m}\" is null")),
        other => Some(format!("\"{}\" is null", describe(other, names, 0)?)),
    }
}

/// A source as the JVM writes it: `<local4>`, `this.next`, `Main.table`, `<local1>[2]`.
fn describe(src: &Src, names: &LocalNames, depth: usize) -> Option<String> {
    if depth > 5 {
        return None;
    }
    Some(match src {
        Src::Unknown => return None,
        Src::Null => "null".into(),
        Src::Int(v) => v.to_string(),
        Src::Local(n, pc) => names.name(*n, *pc),
        Src::Static { class, name } => format!("{class}.{name}"),
        Src::Field(obj, name) => format!("{}.{name}", describe(obj, names, depth + 1)?),
        Src::Element(array, index) => {
            let index = describe(index, names, depth + 1).unwrap_or_else(|| "...".into());
            format!("{}[{index}]", describe(array, names, depth + 1)?)
        }
        Src::Returned(m) => m.clone(),
    })
}

/// A local variable table's entry (`javac -g`): the slot has this name from `start` for `length`.
pub struct Variable {
    pub start: usize,
    pub length: usize,
    pub slot: u16,
    pub name: String,
}

/// How the JVM names local slots: by the local variable table where it has them, else by
/// number (javac's default has no table).
struct LocalNames {
    is_static: bool,
    /// The first slot of each parameter.
    params: Vec<u16>,
    variables: Vec<Variable>,
}

impl LocalNames {
    fn new(is_static: bool, params: &[String], variables: Vec<Variable>) -> LocalNames {
        let mut slot = if is_static { 0 } else { 1 };
        let mut firsts = Vec::new();
        for p in params {
            firsts.push(slot);
            slot += if p == "J" || p == "D" { 2 } else { 1 };
        }
        LocalNames { is_static, params: firsts, variables }
    }

    /// The name of `slot` as read at offset `pc`.
    fn name(&self, slot: u16, pc: usize) -> String {
        if slot == 0 && !self.is_static {
            return "this".into();
        }
        let named = self.variables.iter().find(|v| v.slot == slot && (v.start..v.start + v.length).contains(&pc));
        if let Some(v) = named {
            return v.name.clone();
        }
        match self.params.iter().position(|&s| s == slot) {
            Some(k) => format!("<parameter{}>", k + 1),
            None => format!("<local{slot}>"),
        }
    }
}

/// A class as the JVM's messages name it: dotted, with `String` and `Object` short.
fn class_name(internal: &str) -> String {
    match internal {
        "java/lang/String" => "String".into(),
        "java/lang/Object" => "Object".into(),
        other => other.replace('/', "."),
    }
}

/// A descriptor's type as Java writes it: `int`, `long[]`, `java.util.List`.
fn type_name(descriptor: &str) -> String {
    let dims = descriptor.bytes().take_while(|&b| b == b'[').count();
    let base = match &descriptor[dims..] {
        "I" => "int".to_string(),
        "J" => "long".into(),
        "F" => "float".into(),
        "D" => "double".into(),
        "Z" => "boolean".into(),
        "B" => "byte".into(),
        "C" => "char".into(),
        "S" => "short".into(),
        "V" => "void".into(),
        other => class_name(other.trim_start_matches('L').trim_end_matches(';')),
    };
    base + &"[]".repeat(dims)
}

/// `Class.method(Params)` as in "Cannot invoke".
fn method_name(class: &str, name: &str, descriptor: &str) -> String {
    let params = Signature::parse(descriptor).map(|s| s.params).unwrap_or_default();
    let params: Vec<String> = params.iter().map(|p| type_name(p)).collect();
    format!("{}.{name}({})", class_name(class), params.join(", "))
}
