//! One Java method to Phantom code. Values keep Java's order but live on Phantom's two stacks:
//! ints, longs, floats and doubles on the integer stack, references on the object stack, so
//! that arithmetic never allocates. Calls take their arguments on the object stack, so
//! numbers are boxed where a call passes them and unboxed where a method receives them.

use std::collections::HashMap;

use cafebabe::attributes::AttributeData;
use cafebabe::bytecode::Opcode;
use cafebabe::constant_pool::{BootstrapArgument, LiteralConstant, Loadable, MemberRef, ObjectArrayType};
use phantom_bytecode::emit::{insn, Item};
use phantom_bytecode::{Arg, Insn, Op, TypePrefix};

use crate::flow::{self, signature, Flow, K};
use crate::layout::{self, phantom_name, statics_name, Universe, ENSURE_ORDINAL, STATICS_SLOT};
use crate::model::{JavaClass, Kind, MethodDecl};
use crate::Error;

/// Ordinals of a lambda's class: its constructor and its interface method (above Object's).
pub const LAMBDA_INIT: u32 = 200;
pub const LAMBDA_METHOD: u32 = 201;

/// The runtime class holding helpers the translated code calls.
pub const RT: &str = "phantom/runtime/Rt";
/// `.internal.java`'s newArray(n, descriptor, check).
const JAVA_NEW_ARRAY: u32 = 16;
/// Static methods standing in for `java.lang.String`'s, each taking the string first.
pub const STRINGS: &str = "phantom/runtime/Strings";

/// A class's constant pool, shared by its methods, and the lambdas its methods make.
#[derive(Default)]
pub struct Constants {
    pub strings: Vec<Vec<u8>>,
    pub lambdas: Vec<Lambda>,
    /// The NullPointerException messages of each method's instructions (by method key, then
    /// Java offset), for the class's `.npe` table (see `crate::npe`).
    pub npe: HashMap<String, HashMap<usize, String>>,
}

/// A lambda or method reference (an `invokedynamic` of LambdaMetafactory): the class made for
/// it implements `interface` by calling `target` with the captured values first.
#[derive(Clone, Debug)]
pub struct Lambda {
    /// The internal name of the class made for it (`Outer#lambda3`).
    pub name: String,
    pub interface: String,
    /// The interface method: name, erased descriptor, and the descriptors of its bridges.
    pub method: String,
    pub erased: String,
    pub bridges: Vec<String>,
    /// The descriptor as the call site's types make it (`(Ljava/lang/Integer;)Ljava/lang/String;`).
    pub instantiated: String,
    /// Descriptors of the captured values.
    pub captured: Vec<String>,
    pub target_kind: cafebabe::constant_pool::ReferenceKind,
    pub target_class: String,
    pub target_name: String,
    pub target_descriptor: String,
}

impl Constants {
    pub fn string(&mut self, s: &[u8]) -> u32 {
        match self.strings.iter().position(|x| x == s) {
            Some(i) => i as u32,
            None => {
                self.strings.push(s.to_vec());
                (self.strings.len() - 1) as u32
            }
        }
    }
}

/// A boxed zero of `kind` (null for references).
pub fn zero_boxed(kind: Kind) -> Vec<Item> {
    let value = match kind {
        Kind::Int | Kind::Float => insn(None, Op::Iconst0, vec![]),
        Kind::Long | Kind::Double => insn(Some(TypePrefix::Long), Op::Iconst64, vec![Arg::Int(0)]),
        Kind::Ref => return vec![insn(None, Op::SummonNull, vec![])],
    };
    vec![value, insn(prefix(kind), Op::I2o, vec![])]
}

/// Replaces a null on top of the object stack by a boxed zero of `kind` (a number field or
/// element never written holds null); `done` is a free label.
pub fn zero_if_null(kind: Kind, done: u32) -> Vec<Item> {
    if kind == Kind::Ref {
        return Vec::new();
    }
    let mut v = vec![
        insn(None, Op::OsDup, vec![]),
        insn(None, Op::OsIsnull, vec![]),
        insn(None, Op::Jz, vec![Arg::Target(done as i64)]),
        insn(None, Op::OsDrop, vec![]),
    ];
    v.extend(zero_boxed(kind));
    v.push(Item::Label(done));
    v
}

/// Pushes the statics object registered in class `statics`'s static slot and jumps to `done`
/// if there is one; else falls through with nothing pushed (the caller makes it).
pub fn registered_statics(statics: &str, done: u32) -> Vec<Item> {
    vec![
        insn(None, Op::SummonByName, vec![Arg::Bytes(statics.as_bytes().to_vec())]),
        insn(None, Op::Iconst0, vec![]),
        insn(None, Op::I2o, vec![]),
        insn(None, Op::Call, vec![Arg::Int(CLASS_GET_STATIC), Arg::Int(1)]),
        insn(None, Op::OsDup, vec![]),
        insn(None, Op::OsIsnull, vec![]),
        insn(None, Op::Jz, vec![Arg::Target(done as i64)]),
        insn(None, Op::OsDrop, vec![]),
    ]
}

// The statics object is in static slot 0 (`iconst_0` above).
const _: () = assert!(STATICS_SLOT == 0);

/// `.internal.class`'s getStatic(slot) and setStatic(value, slot).
const CLASS_GET_STATIC: i64 = 11;
pub const CLASS_SET_STATIC: i64 = 10;

/// The `math` instruction's function for a method of java.lang.Math on doubles, if it has one
/// (the VM's `java::math_function` numbering).
fn math_function(key: &str) -> Option<u8> {
    Some(match key {
        "sqrt(D)D" => 0,
        "pow(DD)D" => 1,
        "sin(D)D" => 2,
        "cos(D)D" => 3,
        "tan(D)D" => 4,
        "atan2(DD)D" => 5,
        "exp(D)D" => 6,
        "log(D)D" => 7,
        "log10(D)D" => 8,
        "floor(D)D" => 9,
        "ceil(D)D" => 10,
        "cbrt(D)D" => 11,
        "asin(D)D" => 12,
        "acos(D)D" => 13,
        "atan(D)D" => 14,
        "hypot(DD)D" => 15,
        "rint(D)D" => 16,
        "abs(D)D" => 17,
        "max(DD)D" => 18,
        "min(DD)D" => 19,
        _ => return None,
    })
}

/// A method reference made here (for calls the translator adds), as the parser gives them.
fn member(class: &str, name: &str, descriptor: &str) -> MemberRef<'static> {
    MemberRef {
        class_name: class.to_string().into(),
        name_and_type: cafebabe::constant_pool::NameAndType {
            name: name.to_string().into(),
            descriptor: descriptor.to_string().into(),
        },
    }
}

pub(crate) fn prefix(kind: Kind) -> Option<TypePrefix> {
    match kind {
        Kind::Long => Some(TypePrefix::Long),
        Kind::Float => Some(TypePrefix::Float),
        Kind::Double => Some(TypePrefix::Double),
        Kind::Int | Kind::Ref => None,
    }
}

/// The kind slots of Java locals are told apart by: ints of every width share one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum LocalKind {
    Int,
    Float,
    Long,
    Double,
}

impl LocalKind {
    fn of(kind: Kind) -> LocalKind {
        match kind {
            Kind::Float => LocalKind::Float,
            Kind::Long => LocalKind::Long,
            Kind::Double => LocalKind::Double,
            _ => LocalKind::Int,
        }
    }
}

pub struct MethodGen<'a> {
    u: &'a Universe,
    class: &'a JavaClass,
    method: &'a MethodDecl,
    consts: &'a mut Constants,
    items: Vec<Item>,
    next_label: u32,
    /// Object slots: the arguments first, then Java's reference locals, then scratch.
    nargs: u32,
    obj_locals: HashMap<u16, u32>,
    next_obj: u32,
    int_locals: HashMap<(u16, LocalKind), u32>,
    next_int: u32,
    scratch_obj: Vec<u32>,
    scratch_int: Vec<u32>,
    obj_scratch_used: usize,
    /// Whether the Java instruction being translated is a jump target (or a handler).
    entered: bool,
    /// NullPointerException messages by Java offset (see `crate::npe`).
    npe: HashMap<usize, String>,
    int_scratch_used: usize,
    /// Whether `this` is Java local 0 for the whole method.
    this_fixed: bool,
    /// Static methods (and `<clinit>`) run with the statics object as `this`.
    in_statics: bool,
    /// A comparison (`lcmp`, `dcmpl`...) left for the branch after it: its kind and the result
    /// an unordered comparison gives.
    pending_compare: Option<(Kind, i32)>,
}

pub(crate) const LABEL_BASE: u32 = 1 << 20;

impl<'a> MethodGen<'a> {
    pub fn new(u: &'a Universe, class: &'a JavaClass, method: &'a MethodDecl, consts: &'a mut Constants) -> Self {
        MethodGen {
            u,
            class,
            method,
            consts,
            items: Vec::new(),
            next_label: LABEL_BASE,
            nargs: 0,
            obj_locals: HashMap::new(),
            next_obj: 0,
            int_locals: HashMap::new(),
            next_int: 0,
            scratch_obj: Vec::new(),
            scratch_int: Vec::new(),
            obj_scratch_used: 0,
            entered: false,
            npe: HashMap::new(),
            int_scratch_used: 0,
            this_fixed: false,
            in_statics: method.is_static || method.name == "<clinit>",
            pending_compare: None,
        }
    }

    fn err(&self, at: usize, what: impl std::fmt::Display) -> Error {
        Error::new(format!(
            "{}.{}{} at offset {at}: {what}",
            self.class.name.replace('/', "."),
            self.method.name,
            self.method.descriptor
        ))
    }

    fn label(&mut self) -> u32 {
        self.next_label += 1;
        self.next_label
    }

    fn put(&mut self, op: Op, args: Vec<Arg>) {
        self.items.push(insn(None, op, args));
    }

    fn put_p(&mut self, kind: Kind, op: Op, args: Vec<Arg>) {
        self.items.push(insn(prefix(kind), op, args));
    }

    fn place(&mut self, label: u32) {
        self.items.push(Item::Label(label));
    }

    fn jump(&mut self, op: Op, label: u32) {
        self.put(op, vec![Arg::Target(label as i64)]);
    }

    fn int(&mut self, v: i32) {
        match v {
            0 => self.put(Op::Iconst0, vec![]),
            1 => self.put(Op::Iconst1, vec![]),
            2..=255 => self.put(Op::Iconst8, vec![Arg::Int(v as i64)]),
            _ => self.put(Op::Iconst32, vec![Arg::Int(v as i64)]),
        }
    }

    fn wide_const(&mut self, bits: i64) {
        self.put_p(Kind::Long, Op::Iconst64, vec![Arg::Int(bits)]);
    }

    fn string_const(&mut self, s: &[u8]) {
        let id = self.consts.string(s);
        self.put(Op::ConstPool, vec![Arg::Int(id as i64)]);
    }

    fn summon(&mut self, phantom: &str) {
        let bytes = phantom.as_bytes().to_vec();
        self.put(Op::SummonByName, vec![Arg::Bytes(bytes)]);
    }

    fn os_get(&mut self, slot: u32) {
        self.put(Op::OsGet32, vec![Arg::Int(slot as i64)]);
    }

    fn os_set(&mut self, slot: u32) {
        self.put(Op::OsSet32, vec![Arg::Int(slot as i64)]);
    }

    fn is_get(&mut self, kind: Kind, slot: u32) {
        self.put_p(kind, Op::IsGet32, vec![Arg::Int(slot as i64)]);
    }

    fn is_set(&mut self, kind: Kind, slot: u32) {
        self.put_p(kind, Op::IsSet32, vec![Arg::Int(slot as i64)]);
    }

    fn boxed(&mut self, kind: Kind) {
        if kind != Kind::Ref {
            self.put_p(kind, Op::I2o, vec![]);
        }
    }

    fn unboxed(&mut self, kind: Kind) {
        if kind != Kind::Ref {
            self.put_p(kind, Op::O2i, vec![]);
        }
    }

    /// Calls method `ordinal` of the object below the `n` arguments on top.
    fn call(&mut self, ordinal: u32, n: u32) {
        if ordinal < 32 {
            self.put(Op::Call, vec![Arg::Int(ordinal as i64), Arg::Int(n as i64)]);
        } else if ordinal < 256 {
            self.put(Op::Call8, vec![Arg::Int(ordinal as i64), Arg::Int(n as i64)]);
        } else {
            self.put(Op::Call32, vec![Arg::Int(ordinal as i64), Arg::Int(n as i64)]);
        }
    }

    fn obj_scratch(&mut self) -> u32 {
        if self.obj_scratch_used == self.scratch_obj.len() {
            let slot = self.next_obj;
            self.next_obj += 1;
            self.scratch_obj.push(slot);
        }
        self.obj_scratch_used += 1;
        self.scratch_obj[self.obj_scratch_used - 1]
    }

    /// Two cells of integer scratch (room for any kind).
    fn int_scratch(&mut self) -> u32 {
        if self.int_scratch_used == self.scratch_int.len() {
            let slot = self.next_int;
            self.next_int += 2;
            self.scratch_int.push(slot);
        }
        self.int_scratch_used += 1;
        self.scratch_int[self.int_scratch_used - 1]
    }

    fn obj_local(&mut self, index: u16) -> u32 {
        if let Some(&s) = self.obj_locals.get(&index) {
            return s;
        }
        let s = self.next_obj;
        self.next_obj += 1;
        self.obj_locals.insert(index, s);
        s
    }

    fn int_local(&mut self, index: u16, kind: Kind) -> u32 {
        let key = (index, LocalKind::of(kind));
        if let Some(&s) = self.int_locals.get(&key) {
            return s;
        }
        let s = self.next_int;
        self.next_int += kind.cells();
        self.int_locals.insert(key, s);
        s
    }

    fn load_local(&mut self, index: u16, kind: Kind) {
        if kind == Kind::Ref {
            let s = self.obj_local(index);
            self.os_get(s);
        } else {
            let s = self.int_local(index, kind);
            self.is_get(kind, s);
        }
    }

    fn store_local(&mut self, index: u16, kind: Kind) {
        if kind == Kind::Ref {
            let s = self.obj_local(index);
            self.os_set(s);
        } else {
            let s = self.int_local(index, kind);
            self.is_set(kind, s);
        }
    }

    fn drop_entry(&mut self, k: K) {
        if k.is_ref() {
            self.put(Op::OsDrop, vec![]);
        } else {
            self.put_p(k.kind(), Op::IsDrop, vec![]);
        }
    }

    /// A boxed zero of `kind`, for fields and elements never written (they hold null).
    /// Replaces a null on top of the object stack by a boxed zero of `kind`.
    fn null_is_zero(&mut self, kind: Kind) {
        let done = self.label();
        self.items.extend(zero_if_null(kind, done));
    }

    /// Moves the top `kinds.len()` Java values (the arguments of a call) onto the object stack
    /// in their order, boxing numbers.
    fn marshal(&mut self, kinds: &[Kind]) {
        let Some(first) = kinds.iter().position(|k| *k != Kind::Ref) else { return };
        if first == kinds.len() - 1 {
            self.boxed(kinds[first]);
            return;
        }
        let (obj_mark, int_mark) = (self.obj_scratch_used, self.int_scratch_used);
        let mut places = Vec::new();
        for &k in kinds[first..].iter().rev() {
            if k == Kind::Ref {
                let s = self.obj_scratch();
                self.os_set(s);
                places.push(s);
            } else {
                let s = self.int_scratch();
                self.is_set(k, s);
                places.push(s);
            }
        }
        for (&k, &s) in kinds[first..].iter().zip(places.iter().rev()) {
            if k == Kind::Ref {
                self.os_get(s);
            } else {
                self.is_get(k, s);
                self.boxed(k);
            }
        }
        self.obj_scratch_used = obj_mark;
        self.int_scratch_used = int_mark;
    }

    /// After a call: the result as Java expects it (dropped for void, unboxed for numbers).
    fn take_result(&mut self, result: Option<Kind>) {
        match result {
            None => self.put(Op::OsDrop, vec![]),
            Some(k) => self.unboxed(k),
        }
    }

    /// Removes the object below the top one (a receiver left under a call's result).
    fn drop_under(&mut self, void: bool) {
        if void {
            self.put(Op::OsDrop, vec![]);
            self.put(Op::OsDrop, vec![]);
        } else {
            let s = self.obj_scratch();
            self.os_set(s);
            self.put(Op::OsDrop, vec![]);
            self.os_get(s);
            self.obj_scratch_used -= 1;
        }
    }

    /// Pushes the statics object of `owner`, initialising the class on first use.
    /// Whether neither `owner` nor a class above it has static fields or an initialiser, nor
    /// `owner` a synchronized static method: its static methods then need no statics object
    /// (`static_invoke` runs them with the class object as `this`, as it does for classes
    /// without fields).
    fn stateless(&self, owner: &str) -> bool {
        let Ok(ancestors) = self.u.ancestors(owner) else { return false };
        ancestors
            .iter()
            .all(|c| !c.fields.iter().any(|f| f.is_static) && !c.methods.iter().any(|m| m.name == "<clinit>"))
            && self.u.get(owner).is_some_and(|c| !c.methods.iter().any(|m| m.is_static && m.is_synchronized))
    }

    pub fn statics(&mut self, owner: &str) {
        if self.in_statics && owner == self.class.name {
            self.put(Op::SummonThis, vec![]);
            return;
        }
        let name = statics_name(owner);
        let done = self.label();
        self.items.extend(registered_statics(&name, done));
        self.summon(&name);
        self.put(Op::New, vec![]);
        self.call(ENSURE_ORDINAL, 0);
        self.place(done);
    }

    /// Calls static method `key` of `owner` (resolved upwards), arguments on the stacks.
    pub fn invoke_static(&mut self, owner: &str, name: &str, descriptor: &str, at: usize) -> Result<(), Error> {
        let sig = signature(descriptor)?;
        let key = format!("{name}{descriptor}");
        if matches!(owner, "java/lang/Math" | "java/lang/StrictMath") {
            if let Some(k) = math_function(&key) {
                if sig.params.len() == 1 {
                    // One-argument functions ignore the second operand.
                    self.put_p(Kind::Long, Op::Iconst0, vec![]);
                }
                self.put_p(Kind::Double, Op::Math, vec![Arg::Int(k as i64)]);
                return Ok(());
            }
        }
        let owner = self.u.static_method_owner(owner, &key).map_err(|e| self.err(at, e))?;
        let ordinal = self.u.layout(&owner).map_err(|e| self.err(at, e))?.static_methods[&key];
        self.marshal(&sig.kinds());
        if self.stateless(&owner) {
            // Nothing to initialise and no statics object needed: the class object is `this`.
            self.summon(&statics_name(&owner));
            self.put(Op::OsDup, vec![]);
        } else {
            self.statics(&owner);
            self.summon(&statics_name(&owner));
        }
        self.put(Op::StaticInvoke, vec![Arg::Int(ordinal as i64), Arg::Int(sig.params.len() as i64)]);
        self.take_result(sig.result());
        Ok(())
    }

    fn invoke(&mut self, op: &Opcode, m: &MemberRef, at: usize) -> Result<(), Error> {
        let owner: &str = &m.class_name;
        let name: &str = &m.name_and_type.name;
        let descriptor: &str = &m.name_and_type.descriptor;
        let key = format!("{name}{descriptor}");
        let sig = signature(descriptor)?;
        let n = sig.params.len() as u32;
        if matches!(op, Opcode::Invokestatic(_)) {
            let owner = if owner == "java/lang/String" { STRINGS } else { owner };
            return self.invoke_static(owner, name, descriptor, at);
        }
        // Methods of java.lang.String that are not the object protocol's: the string's own
        // natives where they mean the same, the runtime's static stand-ins otherwise.
        if owner == "java/lang/String" && layout::protocol_ordinal(&key).is_none() {
            if name == "<init>" {
                let made = descriptor.replace(")V", ")Ljava/lang/String;");
                self.invoke_static(STRINGS, "make", &made, at)?;
                // `new String; dup; ...; <init>`: the string takes the place of both copies.
                let s = self.obj_scratch();
                self.os_set(s);
                self.put(Op::OsDrop, vec![]);
                self.put(Op::OsDrop, vec![]);
                self.os_get(s);
                self.obj_scratch_used -= 1;
                return Ok(());
            }
            let native = match key.as_str() {
                "length()I" => Some(11),
                "charAt(I)C" => Some(9),
                _ => None,
            };
            if let Some(ordinal) = native {
                self.marshal(&sig.kinds());
                self.call(ordinal, n);
                self.take_result(sig.result());
                return Ok(());
            }
            // The stand-in would fail inside the runtime: the receiver is checked here, so the
            // NullPointerException names this call. Numbers are still on the integer stack.
            let refs = sig.kinds().iter().filter(|k| **k == Kind::Ref).count() as u32;
            self.null_receiver_throws(refs, at)?;
            let with_self = descriptor.replacen('(', "(Ljava/lang/String;", 1);
            return self.invoke_static(STRINGS, name, &with_self, at);
        }
        if owner.starts_with('[') {
            // Arrays answer the object protocol and clone().
            if name == "clone" {
                return self.invoke_static(RT, "cloneArray", "(Ljava/lang/Object;)Ljava/lang/Object;", at);
            }
        }
        if layout::is_internal(owner) {
            let phantom = phantom_name(owner);
            let class = phantom_bytecode::internal::internal_class(&phantom)
                .ok_or_else(|| self.err(at, format!("no internal class {phantom}")))?;
            if name == "<init>" {
                self.put(Op::OsDrop, vec![]);
                return Ok(());
            }
            let method = phantom_bytecode::internal::methods_by_name(class)
                .find(|m| m.name == name)
                .ok_or_else(|| self.err(at, format!("{phantom} has no method {name}")))?;
            self.marshal(&sig.kinds());
            if method.ordinal < 16 {
                self.null_receiver_throws(n, at)?;
            }
            self.call(method.ordinal, n);
            self.take_result(sig.result());
            return Ok(());
        }
        if matches!(op, Opcode::Invokespecial(_)) {
            if owner == "java/lang/Object" && name == "<init>" {
                self.put(Op::OsDrop, vec![]);
                return Ok(());
            }
            let layout = self.u.layout(owner).map_err(|e| self.err(at, e))?;
            let ordinal = *layout.methods.get(&key).ok_or_else(|| self.err(at, Error::missing_member(owner, &key)))?;
            self.marshal(&sig.kinds());
            self.put(Op::OsPull32, vec![Arg::Int(n as i64)]);
            self.summon(&phantom_name(owner));
            self.put(Op::StaticInvoke, vec![Arg::Int(ordinal as i64), Arg::Int(n as i64)]);
            self.drop_under(sig.result().is_none());
            if let Some(k) = sig.result() {
                self.unboxed(k);
            }
            return Ok(());
        }
        // Methods of Object beyond the protocol (getClass, wait, notify), and Comparable's:
        // strings and arrays answer them too, so the runtime does.
        let any_object = owner == "java/lang/Object" && name != "<init>";
        let comparable = matches!(owner, "java/lang/Comparable" | "java/lang/CharSequence") && self.class.name != RT;
        if (any_object || comparable) && layout::protocol_ordinal(&key).is_none() {
            let with_self = descriptor.replacen('(', "(Ljava/lang/Object;", 1);
            return self.invoke_static(RT, name, &with_self, at);
        }
        // Virtual and interface calls.
        let ordinal = match layout::protocol_ordinal(&key) {
            Some(o) => Some(o),
            None => match self.u.get(owner) {
                Some(c) if !c.is_interface => {
                    self.u.layout(owner).map_err(|e| self.err(at, e))?.methods.get(&key).copied()
                }
                Some(_) => None,
                None => return Err(self.err(at, Error::missing_class(owner))),
            },
        };
        self.marshal(&sig.kinds());
        if ordinal.is_some_and(|o| o < 16) {
            self.null_receiver_throws(n, at)?;
        }
        match ordinal {
            Some(o) => {
                self.call(o, n);
                self.take_result(sig.result());
            }
            None => {
                self.put(Op::OsPull32, vec![Arg::Int(n as i64)]);
                self.string_const(key.as_bytes());
                self.int(n as i32);
                self.put(Op::DynamicInvoke, vec![]);
                self.drop_under(sig.result().is_none());
                if let Some(k) = sig.result() {
                    self.unboxed(k);
                }
            }
        }
        Ok(())
    }

    /// The object protocol answers null too (null is an .internal.void); Java throws: a
    /// NullPointerException when the receiver below the `n` arguments (the object on top, for
    /// `n` 0) is null.
    fn null_receiver_throws(&mut self, n: u32, at: usize) -> Result<(), Error> {
        let done = self.label();
        self.put(Op::OsPull32, vec![Arg::Int(n as i64)]);
        self.put(Op::OsIsnull, vec![]);
        self.jump(Op::Jz, done);
        self.null_pointer(at)?;
        self.put(Op::Throw, vec![]);
        self.place(done);
        Ok(())
    }

    /// A NullPointerException for the instruction at Java offset `at`, with the message the
    /// JVM would give it.
    fn null_pointer(&mut self, at: usize) -> Result<(), Error> {
        match self.npe.get(&at).cloned() {
            Some(message) => {
                self.string_const(message.as_bytes());
                self.invoke_static(RT, "nullPointer", "(Ljava/lang/String;)Ljava/lang/NullPointerException;", at)
            }
            None => self.invoke_static(RT, "nullPointer", "()Ljava/lang/NullPointerException;", at),
        }
    }

    /// Java's `if<cond>` on an int on top: jumps to `target` when `v <cond> 0` holds.
    fn if_zero(&mut self, cond: Cond, target: u32) {
        match cond {
            Cond::Eq => self.jump(Op::Jz, target),
            Cond::Ne => {
                self.put(Op::LogNot, vec![]);
                self.jump(Op::Jz, target)
            }
            _ => {
                self.int(0);
                self.compare_jump(Kind::Int, cond, target, false);
            }
        }
    }

    /// Two values of `kind` on top: jumps when `a <cond> b`. `nan_jumps`: for floating point,
    /// whether an unordered comparison jumps.
    fn compare_jump(&mut self, kind: Kind, cond: Cond, target: u32, nan_jumps: bool) {
        let floating = matches!(kind, Kind::Float | Kind::Double);
        match cond {
            Cond::Eq | Cond::Ne if !floating => {
                self.put_p(kind, Op::Isublu, vec![]);
                if kind == Kind::Long {
                    self.put(Op::Ior, vec![]);
                }
                if cond == Cond::Ne {
                    self.put(Op::LogNot, vec![]);
                }
                self.jump(Op::Jz, target);
            }
            Cond::Eq | Cond::Ne => {
                let (b, a) = (self.int_scratch(), self.int_scratch());
                self.is_set(kind, b);
                self.is_set(kind, a);
                self.is_get(kind, a);
                self.is_get(kind, b);
                self.put_p(kind, Op::Ile, vec![]);
                self.is_get(kind, a);
                self.is_get(kind, b);
                self.put_p(kind, Op::Ige, vec![]);
                self.put(Op::LogAnd, vec![]);
                self.int_scratch_used -= 2;
                if cond == Cond::Eq {
                    self.put(Op::LogNot, vec![]);
                }
                self.jump(Op::Jz, target);
            }
            _ if floating && !nan_jumps => {
                // Jump when the comparison holds (it does not when unordered).
                self.put_p(kind, cond.op(), vec![]);
                self.put(Op::LogNot, vec![]);
                self.jump(Op::Jz, target);
            }
            _ => {
                // Jump unless the opposite comparison holds (unordered jumps for floats).
                self.put_p(kind, cond.negated().op(), vec![]);
                self.jump(Op::Jz, target);
            }
        }
    }

    /// `lcmp`, `fcmpl`... whose result is used as a number, not by a branch: -1, 0 or 1, and
    /// `nan` when unordered.
    fn compare_value(&mut self, kind: Kind, nan: i32) {
        let (b, a) = (self.int_scratch(), self.int_scratch());
        self.is_set(kind, b);
        self.is_set(kind, a);
        let both = |g: &mut Self, op: Op| {
            g.is_get(kind, a);
            g.is_get(kind, b);
            g.put_p(kind, op, vec![]);
        };
        if matches!(kind, Kind::Float | Kind::Double) {
            let (ordered, done) = (self.label(), self.label());
            both(self, Op::Ige);
            both(self, Op::Ile);
            self.put(Op::LogOr, vec![]);
            self.put(Op::LogNot, vec![]);
            self.jump(Op::Jz, ordered);
            self.int(nan);
            self.jump(Op::Jmp, done);
            self.place(ordered);
            both(self, Op::Igt);
            both(self, Op::Ilt);
            self.put(Op::Isublu, vec![]);
            self.place(done);
        } else {
            both(self, Op::Igt);
            both(self, Op::Ilt);
            self.put(Op::Isublu, vec![]);
        }
        self.int_scratch_used -= 2;
    }

    /// The code of the method, from its Code attribute.
    pub fn translate(mut self) -> Result<(Vec<Item>, u32), Error> {
        let file =
            cafebabe::parse_class(&self.class.bytes).map_err(|e| Error::new(format!("{}: {e}", self.class.name)))?;
        let info = file
            .methods
            .iter()
            .find(|m| m.name == self.method.name && m.descriptor.to_string() == self.method.descriptor)
            .expect("the method was read from this file");
        let code = info
            .attributes
            .iter()
            .find_map(|a| match &a.data {
                AttributeData::Code(c) => Some(c),
                _ => None,
            })
            .ok_or_else(|| self.err(0, "no code"))?;
        let bootstrap: Vec<_> = file
            .attributes
            .iter()
            .find_map(|a| match &a.data {
                AttributeData::BootstrapMethods(b) => Some(b),
                _ => None,
            })
            .map(|b| b.iter().collect())
            .unwrap_or_default();
        let opcodes = &code.bytecode.as_ref().ok_or_else(|| self.err(0, "code could not be decoded"))?.opcodes;
        let handlers: Vec<(usize, usize, usize, Option<String>)> = code
            .exception_table
            .iter()
            .map(|e| {
                (
                    e.start_pc as usize,
                    e.end_pc as usize,
                    e.handler_pc as usize,
                    e.catch_type.as_ref().map(|c| c.to_string()),
                )
            })
            .collect();
        let lines: Vec<(usize, u32)> = code
            .attributes
            .iter()
            .find_map(|a| match &a.data {
                AttributeData::LineNumberTable(t) => {
                    Some(t.iter().map(|e| (e.start_pc as usize, e.line_number as u32)).collect())
                }
                _ => None,
            })
            .unwrap_or_default();

        let instance = !self.in_statics;
        self.this_fixed = instance && !opcodes.iter().any(|(_, op)| matches!(op, Opcode::Astore(0)));
        let ranges: Vec<(usize, usize, usize)> = handlers.iter().map(|h| (h.0, h.1, h.2)).collect();
        let flow: Flow = flow::analyse(opcodes, &ranges, self.this_fixed).map_err(|e| self.err(0, e))?;
        let params = signature(&self.method.descriptor)?.params;
        let variables = code
            .attributes
            .iter()
            .filter_map(|a| match &a.data {
                AttributeData::LocalVariableTable(t) => Some(t.iter()),
                _ => None,
            })
            .flatten()
            .map(|v| crate::npe::Variable {
                start: v.start_pc as usize,
                length: v.length as usize,
                slot: v.index,
                name: v.name.to_string(),
            })
            .collect();
        self.npe = crate::npe::messages(opcodes, &flow, self.method.is_static, &params, variables);
        self.consts.npe.insert(self.method.key(), self.npe.clone());

        // Arguments are object slots 0..n; Java numbers them from 0 (static) or 1, longs and
        // doubles taking two.
        let sig = signature(&self.method.descriptor)?;
        self.nargs = sig.params.len() as u32;
        self.next_obj = self.nargs;
        let mut prologue: Vec<(u32, u16, Kind)> = Vec::new();
        let mut java_index: u16 = u16::from(instance);
        for (i, kind) in sig.kinds().into_iter().enumerate() {
            if kind == Kind::Ref {
                self.obj_locals.insert(java_index, i as u32);
            } else {
                prologue.push((i as u32, java_index, kind));
            }
            java_index += if kind.cells() == 2 { 2 } else { 1 };
        }
        for &(_, index, kind) in &prologue {
            self.int_local(index, kind);
        }
        if instance && !self.this_fixed {
            self.obj_local(0);
        }

        // Regions: the handlers covering each instruction, in table order.
        let mut regions: Vec<Vec<usize>> = vec![Vec::new()];
        let region_of: Vec<usize> = opcodes
            .iter()
            .map(|(pc, _)| {
                let covering: Vec<usize> =
                    handlers.iter().enumerate().filter(|(_, h)| (h.0..h.1).contains(pc)).map(|(i, _)| i).collect();
                match regions.iter().position(|r| *r == covering) {
                    Some(i) => i,
                    None => {
                        regions.push(covering);
                        regions.len() - 1
                    }
                }
            })
            .collect();
        // A synchronized method holds its monitor until it returns or throws.
        let has_handlers = !handlers.is_empty() || self.method.is_synchronized;
        let region_slot = if has_handlers { Some(self.int_scratch()) } else { None };
        let exception_slot = if has_handlers { Some(self.obj_scratch()) } else { None };
        let (base_obj_scratch, base_int_scratch) = (self.obj_scratch_used, self.int_scratch_used);
        let dispatch = self.label();

        // Instructions some other place jumps to, and the regions they are entered from.
        let index: HashMap<usize, usize> = opcodes.iter().enumerate().map(|(i, (pc, _))| (*pc, i)).collect();
        let mut entered_from: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, (pc, op)) in opcodes.iter().enumerate() {
            for t in flow::branch_targets(*pc, op) {
                if let Some(&ti) = index.get(&t) {
                    entered_from.entry(ti).or_default().push(region_of[i]);
                }
            }
        }
        for h in &handlers {
            if let Some(&hi) = index.get(&h.2) {
                entered_from.entry(hi).or_default().push(usize::MAX);
            }
        }

        let mut known_region = Some(0usize);
        let mut line_at = 0usize;
        let mut skip_this = false;
        for (i, (pc, op)) in opcodes.iter().enumerate() {
            let pc = *pc;
            let Some(stack) = flow.stack_in[i].clone() else { continue };
            self.obj_scratch_used = base_obj_scratch;
            self.int_scratch_used = base_int_scratch;
            self.place(pc as u32);
            while line_at < lines.len() && lines[line_at].0 <= pc {
                self.items.push(Item::Line(lines[line_at].1));
                line_at += 1;
            }
            if let Some(from) = entered_from.get(&i) {
                if from.iter().any(|&r| r != region_of[i]) {
                    known_region = None;
                }
            }
            if let Some(slot) = region_slot {
                if known_region != Some(region_of[i]) {
                    self.int(region_of[i] as i32);
                    self.is_set(Kind::Int, slot);
                    known_region = Some(region_of[i]);
                }
            }
            let next = opcodes.get(i + 1).map(|(_, op)| op);
            let next_is_target = entered_from.contains_key(&(i + 1));
            self.entered = entered_from.contains_key(&i);
            if skip_this {
                skip_this = false;
                if let Opcode::Getfield(m) = op {
                    let kind = Kind::of(&m.name_and_type.descriptor);
                    let (_, slot) =
                        self.u.field_slot(&m.class_name, &m.name_and_type.name).map_err(|e| self.err(pc, e))?;
                    self.load_this_field(slot, kind);
                    continue;
                }
            }
            let fused = self.op(op, pc, &stack, next, next_is_target, &bootstrap)?;
            match fused {
                Step::Next => {}
                Step::SkipThisForField => skip_this = true,
                Step::FusedWithNext => {}
            }
            if flow::ends_block(op) {
                known_region = None;
            }
        }
        self.obj_scratch_used = base_obj_scratch;
        self.int_scratch_used = base_int_scratch;

        if let (Some(region_slot), Some(exception_slot)) = (region_slot, exception_slot) {
            // Every throw in the method lands here: the thrown value made a Java throwable,
            // the catcher put back, then the handlers of the region it came from, in order.
            self.place(dispatch);
            self.invoke_static(RT, "throwable", "(Ljava/lang/Object;)Ljava/lang/Throwable;", 0)?;
            self.os_set(exception_slot);
            self.summon(".internal.object");
            self.jump(Op::PushCatcher, dispatch);
            let region_labels: Vec<u32> = (0..regions.len()).map(|_| self.label()).collect();
            self.is_get(Kind::Int, region_slot);
            self.put(
                Op::Switch,
                vec![Arg::Switch { shift: 0, divisor: 1, targets: region_labels.iter().map(|&l| l as i64).collect() }],
            );
            let rethrow = self.label();
            self.jump(Op::Jmp, rethrow);
            for (r, covering) in regions.iter().enumerate() {
                self.place(region_labels[r]);
                for &h in covering {
                    let (_, _, handler, catch_type) = &handlers[h];
                    let skip = self.label();
                    if let Some(t) = catch_type {
                        self.os_get(exception_slot);
                        self.instance_of(t, 0)?;
                        self.jump(Op::Jz, skip);
                    }
                    self.os_get(exception_slot);
                    self.jump(Op::Jmp, *handler as u32);
                    self.place(skip);
                }
                self.jump(Op::Jmp, rethrow);
            }
            self.place(rethrow);
            self.put(Op::PopCatcher, vec![]);
            self.exit_monitor()?;
            self.os_get(exception_slot);
            self.put(Op::Throw, vec![]);
        }

        // The prologue, now that the slots are counted.
        let head = std::mem::take(&mut self.items);
        // The argument count arrives on the integer stack.
        self.put(Op::ArgCount, vec![Arg::Int(self.nargs as i64)]);
        let (nobj, nint) = (self.next_obj - self.nargs, self.next_int);
        if nobj > 255 || nint > 255 {
            return Err(
                self.err(0, format!("too many locals ({nobj} references, {nint} number cells; 255 each at most)"))
            );
        }
        if nobj > 0 || nint > 0 {
            self.put(Op::StackReserve, vec![Arg::Int(nobj as i64), Arg::Int(nint as i64)]);
        }
        for &(arg, index, kind) in &prologue {
            self.os_get(arg);
            self.unboxed(kind);
            let s = self.int_locals[&(index, LocalKind::of(kind))];
            self.is_set(kind, s);
        }
        if instance && !self.this_fixed {
            self.put(Op::SummonThis, vec![]);
            let s = self.obj_locals[&0];
            self.os_set(s);
        }
        if self.method.is_synchronized {
            self.push_monitor()?;
            self.invoke_static(RT, "monitorEnter", "(Ljava/lang/Object;)V", 0)?;
        }
        if has_handlers {
            self.summon(".internal.object");
            self.jump(Op::PushCatcher, dispatch);
        }
        let mut code = std::mem::take(&mut self.items);
        code.extend(head);
        Ok((code, self.nargs))
    }

    /// The launcher's method 8: the runtime takes the boot object and gives the arguments,
    /// `main` runs, and whatever it throws is reported as Java reports it.
    pub fn launcher_body(&mut self, main: &str) -> Result<Vec<Item>, Error> {
        let caught = self.label();
        self.nargs = 1;
        self.next_obj = 1;
        self.summon(".internal.object");
        self.jump(Op::PushCatcher, caught);
        self.os_get(0);
        self.invoke_static(RT, "start", "(Ljava/lang/Object;)[Ljava/lang/String;", 0)?;
        self.invoke_static(main, "main", "([Ljava/lang/String;)V", 0)?;
        self.put(Op::PopCatcher, vec![]);
        self.invoke_static(RT, "finish", "()V", 0)?;
        self.put(Op::SummonNull, vec![]);
        self.put(Op::Ret, vec![]);
        self.place(caught);
        self.invoke_static(RT, "uncaught", "(Ljava/lang/Object;)V", 0)?;
        self.put(Op::SummonNull, vec![]);
        self.put(Op::Ret, vec![]);
        Ok(self.with_prologue())
    }

    /// The interface method of a lambda's class, taking `descriptor`'s arguments: the captured
    /// fields and the arguments, each adapted to what the target takes, then the target's result
    /// adapted to what the interface method returns.
    pub fn lambda_body(&mut self, l: &Lambda, descriptor: &str) -> Result<Vec<Item>, Error> {
        use cafebabe::constant_pool::ReferenceKind as R;
        let call = signature(descriptor)?;
        let inst = signature(&l.instantiated)?;
        let target = signature(&l.target_descriptor)?;
        self.nargs = call.params.len() as u32;
        self.next_obj = self.nargs;
        // What the target takes, in order: its receiver (if any) then its parameters.
        let mut wanted: Vec<String> = Vec::new();
        let has_receiver = matches!(l.target_kind, R::InvokeVirtual | R::InvokeInterface | R::InvokeSpecial);
        if has_receiver {
            wanted.push(format!("L{};", l.target_class));
        }
        wanted.extend(target.params.iter().cloned());
        if l.target_kind == R::NewInvokeSpecial {
            self.summon(&phantom_name(&l.target_class));
            self.put(Op::New, vec![]);
            self.put(Op::OsDup, vec![]);
        }
        let mut k = 0;
        for (i, c) in l.captured.iter().enumerate() {
            let kind = Kind::of(c);
            self.load_captured(i as u32, kind);
            let want = wanted.get(k).cloned().unwrap_or_else(|| c.clone());
            self.adapt(c, &want, 0)?;
            k += 1;
        }
        for (j, p) in call.params.iter().enumerate() {
            let kind = Kind::of(p);
            self.os_get(j as u32);
            self.unboxed(kind);
            // The precise type the call site gave it.
            let from = inst.params.get(j).cloned().unwrap_or_else(|| p.clone());
            self.adapt(p, &from, 0)?;
            let want = wanted.get(k).cloned().unwrap_or_else(|| from.clone());
            self.adapt(&from, &want, 0)?;
            k += 1;
        }
        let m = member(&l.target_class, &l.target_name, &l.target_descriptor);
        let op = match l.target_kind {
            R::InvokeStatic => Opcode::Invokestatic(m.clone()),
            R::InvokeVirtual => Opcode::Invokevirtual(m.clone()),
            R::InvokeInterface => Opcode::Invokeinterface(m.clone(), 0),
            R::InvokeSpecial | R::NewInvokeSpecial => Opcode::Invokespecial(m.clone()),
            _ => return Err(Error::new(format!("{}: a lambda on a field handle is not supported", l.name))),
        };
        self.invoke(&op, &m, 0)?;
        let produced =
            if l.target_kind == R::NewInvokeSpecial { format!("L{};", l.target_class) } else { target.ret.clone() };
        match (produced.as_str(), call.ret.as_str()) {
            (_, "V") => {
                if produced != "V" {
                    let k = Kind::of(&produced);
                    self.drop_entry(K::of(k));
                }
                self.put(Op::SummonNull, vec![]);
            }
            ("V", _) => self.put(Op::SummonNull, vec![]),
            _ => {
                let via = if inst.ret != "V" { inst.ret.clone() } else { call.ret.clone() };
                self.adapt(&produced, &via, 0)?;
                self.adapt(&via, &call.ret, 0)?;
                self.boxed(Kind::of(&call.ret));
            }
        }
        self.put(Op::Ret, vec![]);
        Ok(self.with_prologue())
    }

    /// The code so far behind the argument check and the room its scratch slots need.
    fn with_prologue(&mut self) -> Vec<Item> {
        let body = std::mem::take(&mut self.items);
        self.put(Op::ArgCount, vec![Arg::Int(self.nargs as i64)]);
        let (nobj, nint) = (self.next_obj - self.nargs, self.next_int);
        if nobj > 0 || nint > 0 {
            self.put(Op::StackReserve, vec![Arg::Int(nobj as i64), Arg::Int(nint as i64)]);
        }
        let mut code = std::mem::take(&mut self.items);
        code.extend(body);
        code
    }

    /// Converts the value on top from Java type `from` to `to`: boxing, unboxing, widening.
    fn adapt(&mut self, from: &str, to: &str, at: usize) -> Result<(), Error> {
        if from == to {
            return Ok(());
        }
        let (fk, tk) = (Kind::of(from), Kind::of(to));
        match (fk, tk) {
            (Kind::Ref, Kind::Ref) => Ok(()),
            (Kind::Ref, _) => {
                // Unboxing: the wrapper's own method, or Number's for a wider static type.
                let prim = &to[..1];
                let (wrapper, method) = match (from, prim) {
                    ("Ljava/lang/Character;", _) | (_, "C") => ("java/lang/Character", "charValue"),
                    ("Ljava/lang/Boolean;", _) | (_, "Z") => ("java/lang/Boolean", "booleanValue"),
                    (_, "I" | "B" | "S") => ("java/lang/Number", "intValue"),
                    (_, "J") => ("java/lang/Number", "longValue"),
                    (_, "F") => ("java/lang/Number", "floatValue"),
                    _ => ("java/lang/Number", "doubleValue"),
                };
                let ret = match method {
                    "charValue" => "C",
                    "booleanValue" => "Z",
                    "intValue" => "I",
                    "longValue" => "J",
                    "floatValue" => "F",
                    _ => "D",
                };
                let m = member(wrapper, method, &format!("(){ret}"));
                self.invoke(&Opcode::Invokevirtual(m.clone()), &m, at)?;
                self.adapt(ret, to, at)
            }
            (_, Kind::Ref) => {
                // Boxing into the wrapper of `from`.
                let wrapper = match &from[..1] {
                    "Z" => "java/lang/Boolean",
                    "C" => "java/lang/Character",
                    "J" => "java/lang/Long",
                    "F" => "java/lang/Float",
                    "D" => "java/lang/Double",
                    _ => "java/lang/Integer",
                };
                let from = if matches!(&from[..1], "B" | "S") { "I" } else { from };
                self.invoke_static(wrapper, "valueOf", &format!("({from})L{wrapper};"), at)
            }
            _ if fk == tk => Ok(()),
            _ => {
                let op = match fk {
                    Kind::Int => Op::Fromi,
                    Kind::Long => Op::Froml,
                    Kind::Float => Op::Fromf,
                    _ => Op::Fromd,
                };
                self.put_p(tk, op, vec![]);
                Ok(())
            }
        }
    }

    /// The object a synchronized method locks: `this`, or the class of a static method.
    fn push_monitor(&mut self) -> Result<(), Error> {
        if self.in_statics {
            self.string_const(self.class.name.as_bytes());
            self.invoke_static(RT, "classFor", "(Ljava/lang/String;)Ljava/lang/Class;", 0)
        } else {
            self.put(Op::SummonThis, vec![]);
            Ok(())
        }
    }

    fn exit_monitor(&mut self) -> Result<(), Error> {
        if self.method.is_synchronized {
            self.push_monitor()?;
            self.invoke_static(RT, "monitorExit", "(Ljava/lang/Object;)V", 0)?;
        }
        Ok(())
    }

    /// Method 8 of java.lang.Thread, which `boot.startThread` runs: the thread's first frame.
    pub fn thread_start_body(&mut self) -> Result<Vec<Item>, Error> {
        self.nargs = 1;
        self.next_obj = 1;
        self.put(Op::SummonThis, vec![]);
        self.invoke_static(RT, "runThread", "(Ljava/lang/Thread;)V", 0)?;
        self.put(Op::SummonNull, vec![]);
        self.put(Op::Ret, vec![]);
        Ok(self.with_prologue())
    }

    /// Pushes field `slot` of `this` (numbers on the integer stack, a long or double from its
    /// two slots; a number never written reads as zero).
    fn load_this_field(&mut self, slot: u32, kind: Kind) {
        match kind {
            Kind::Int if slot < 256 => self.put(Op::IsLoad8, vec![Arg::Int(slot as i64)]),
            Kind::Ref if slot < 256 => self.put(Op::OsLoad8, vec![Arg::Int(slot as i64)]),
            Kind::Ref => self.put(Op::OsLoad32, vec![Arg::Int(slot as i64)]),
            _ => {
                self.put(Op::SummonThis, vec![]);
                self.put_p(kind, Op::IsFieldGet, vec![Arg::Int(slot as i64)]);
            }
        }
    }

    fn save_this_field(&mut self, slot: u32, kind: Kind) {
        match kind {
            Kind::Int if slot < 256 => self.put(Op::IsSave8, vec![Arg::Int(slot as i64)]),
            Kind::Ref if slot < 256 => self.put(Op::OsSave8, vec![Arg::Int(slot as i64)]),
            Kind::Ref => self.put(Op::OsSave32, vec![Arg::Int(slot as i64)]),
            _ => {
                self.put(Op::SummonThis, vec![]);
                self.put_p(kind, Op::IsFieldSet, vec![Arg::Int(slot as i64)]);
            }
        }
    }

    /// The object on top replaced by its field `slot` (a number goes to the integer stack).
    fn load_field_of(&mut self, slot: u32, kind: Kind) {
        let op = if kind == Kind::Ref { Op::OsFieldGet } else { Op::IsFieldGet };
        self.put_p(kind, op, vec![Arg::Int(slot as i64)]);
    }

    /// Field `slot` of the object on top (below the value, for a reference) := the value.
    fn save_field_of(&mut self, slot: u32, kind: Kind) {
        let op = if kind == Kind::Ref { Op::OsFieldSet } else { Op::IsFieldSet };
        self.put_p(kind, op, vec![Arg::Int(slot as i64)]);
    }

    /// A lambda's captured value `slot` (captures are kept boxed, one slot each).
    fn load_captured(&mut self, slot: u32, kind: Kind) {
        self.put(Op::OsLoad32, vec![Arg::Int(slot as i64)]);
        self.null_is_zero(kind);
        self.unboxed(kind);
    }

    /// An object on top: replaced by 1 if it is an instance of Java type `t`, else 0.
    fn instance_of(&mut self, t: &str, at: usize) -> Result<(), Error> {
        if t == "java/lang/Object" {
            self.put(Op::OsIsnull, vec![]);
            self.put(Op::LogNot, vec![]);
            return Ok(());
        }
        if t.starts_with('[') || self.u.get(t).is_some_and(|c| c.is_interface) {
            self.string_const(t.as_bytes());
            return self.invoke_static(RT, "isInstance", "(Ljava/lang/Object;Ljava/lang/String;)Z", at);
        }
        let s = self.obj_scratch();
        self.os_set(s);
        self.summon(&phantom_name(t));
        self.os_get(s);
        self.call(14, 1);
        self.unboxed(Kind::Int);
        self.obj_scratch_used -= 1;
        Ok(())
    }

    fn op(
        &mut self,
        op: &Opcode,
        pc: usize,
        stack: &[K],
        next: Option<&Opcode>,
        next_is_target: bool,
        bootstrap: &[&cafebabe::attributes::BootstrapMethodEntry],
    ) -> Result<Step, Error> {
        use Opcode::*;
        let target = |d: &i32| (pc as i64 + *d as i64) as u32;
        let top = |k: usize| stack[stack.len() - 1 - k];
        match op {
            Nop => {}
            AconstNull => self.put(Op::SummonNull, vec![]),
            IconstM1 => self.int(-1),
            Iconst0 => self.int(0),
            Iconst1 => self.int(1),
            Iconst2 => self.int(2),
            Iconst3 => self.int(3),
            Iconst4 => self.int(4),
            Iconst5 => self.int(5),
            Bipush(v) => self.int(*v as i32),
            Sipush(v) => self.int(*v as i32),
            Lconst0 => self.wide_const(0),
            Lconst1 => self.wide_const(1),
            Fconst0 => self.int(0),
            Fconst1 => self.int(1.0f32.to_bits() as i32),
            Fconst2 => self.int(2.0f32.to_bits() as i32),
            Dconst0 => self.wide_const(0),
            Dconst1 => self.wide_const(1.0f64.to_bits() as i64),
            Ldc(l) | LdcW(l) | Ldc2W(l) => match l {
                Loadable::LiteralConstant(c) => match c {
                    LiteralConstant::Integer(v) => self.int(*v),
                    LiteralConstant::Float(v) => self.int(v.to_bits() as i32),
                    LiteralConstant::Long(v) => self.wide_const(*v),
                    LiteralConstant::Double(v) => self.wide_const(v.to_bits() as i64),
                    LiteralConstant::String(s) => self.string_const(s.as_bytes()),
                    LiteralConstant::StringBytes(b) => self.string_const(b),
                },
                Loadable::ClassInfo(c) => {
                    self.string_const(c.as_bytes());
                    self.invoke_static(RT, "classFor", "(Ljava/lang/String;)Ljava/lang/Class;", pc)?;
                }
                _ => return Err(self.err(pc, "this kind of constant (a method handle or type) is not supported")),
            },
            Aload(0) if self.this_fixed => {
                if let (Some(Getfield(m)), false) = (next, next_is_target) {
                    if self.u.is_subtype(&self.class.name, &m.class_name) {
                        return Ok(Step::SkipThisForField);
                    }
                }
                self.put(Op::SummonThis, vec![]);
            }
            Aload(n) => self.load_local(*n, Kind::Ref),
            Iload(n) => self.load_local(*n, Kind::Int),
            Lload(n) => self.load_local(*n, Kind::Long),
            Fload(n) => self.load_local(*n, Kind::Float),
            Dload(n) => self.load_local(*n, Kind::Double),
            Astore(n) => self.store_local(*n, Kind::Ref),
            Istore(n) => self.store_local(*n, Kind::Int),
            Lstore(n) => self.store_local(*n, Kind::Long),
            Fstore(n) => self.store_local(*n, Kind::Float),
            Dstore(n) => self.store_local(*n, Kind::Double),
            Iinc(n, c) => {
                let s = self.int_local(*n, Kind::Int);
                self.is_get(Kind::Int, s);
                self.int(*c as i32);
                self.put(Op::Isum, vec![]);
                self.is_set(Kind::Int, s);
            }
            Iaload | Baload | Caload | Saload | Laload | Faload | Daload | Aaload => {
                let kind = match op {
                    Laload => Kind::Long,
                    Faload => Kind::Float,
                    Daload => Kind::Double,
                    Aaload => Kind::Ref,
                    _ => Kind::Int,
                };
                if kind == Kind::Ref {
                    self.put(Op::OsArrayGet, vec![]);
                } else {
                    self.put_p(kind, Op::IsArrayGet, vec![]);
                }
            }
            Iastore | Bastore | Castore | Sastore | Lastore | Fastore | Dastore | Aastore => {
                let kind = top(0).kind();
                match op {
                    Bastore => self.narrow(24, true),
                    Sastore => self.narrow(16, true),
                    Castore => self.narrow(16, false),
                    _ => {}
                }
                if kind == Kind::Ref {
                    self.put(Op::OsArraySet, vec![]);
                } else {
                    self.put_p(kind, Op::IsArraySet, vec![]);
                }
            }
            Arraylength => self.put(Op::ArrayLength, vec![]),
            Newarray(t) => {
                use cafebabe::bytecode::PrimitiveArrayType as P;
                let descriptor = match t {
                    P::Boolean => "[Z",
                    P::Char => "[C",
                    P::Float => "[F",
                    P::Double => "[D",
                    P::Byte => "[B",
                    P::Short => "[S",
                    P::Int => "[I",
                    P::Long => "[J",
                };
                self.new_array(descriptor, None);
            }
            Anewarray(t) => {
                let (descriptor, check) = match t {
                    ObjectArrayType::ArrayType(d) => (format!("[{d}"), None),
                    ObjectArrayType::BinaryName(n) => (format!("[L{n};"), self.store_check(n)),
                };
                self.new_array(&descriptor, check.as_deref());
            }
            Multianewarray(t, dims) => {
                let descriptor = match t {
                    ObjectArrayType::ArrayType(d) => d.to_string(),
                    ObjectArrayType::BinaryName(n) => n.to_string(),
                };
                let dims = *dims as usize;
                let base = descriptor.trim_start_matches('[');
                let depth = descriptor.len() - base.len();
                // References stored in the innermost arrays are checked against their class.
                let leaf_check = match base.strip_prefix('L').and_then(|b| b.strip_suffix(';')) {
                    Some(class) if depth == dims => self.store_check(class),
                    _ => None,
                };
                // The lengths into a Phantom array, deepest dimension last.
                let places: Vec<u32> = (0..dims).map(|_| self.int_scratch()).collect();
                for &p in places.iter().rev() {
                    self.is_set(Kind::Int, p);
                }
                self.put(Op::SummonArrayClass, vec![]);
                self.put(Op::New, vec![]);
                for (k, &p) in places.iter().enumerate() {
                    self.put(Op::OsDup, vec![]);
                    self.is_get(Kind::Int, p);
                    self.boxed(Kind::Int);
                    self.int(k as i32);
                    self.boxed(Kind::Int);
                    self.call(11, 2);
                    self.put(Op::OsDrop, vec![]);
                }
                self.string_const(descriptor.as_bytes());
                match leaf_check {
                    Some(c) => self.string_const(c.as_bytes()),
                    None => self.put(Op::SummonNull, vec![]),
                }
                self.invoke_static(
                    RT,
                    "newMultiArray",
                    "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Object;",
                    pc,
                )?;
            }
            Pop => self.drop_entry(top(0)),
            Pop2 => {
                self.drop_entry(top(0));
                if !top(0).wide() {
                    self.drop_entry(top(1));
                }
            }
            Dup | DupX1 | DupX2 | Dup2 | Dup2X1 | Dup2X2 | Swap => {
                let (take, out) = flow::shuffle(op, stack).ok_or_else(|| self.err(pc, "stack underflow"))?;
                self.shuffle(&stack[stack.len() - take..], &out);
            }
            Iadd | Ladd | Fadd | Dadd => self.put_p(top(0).kind(), Op::Isum, vec![]),
            Isub | Lsub | Fsub | Dsub => self.put_p(top(0).kind(), Op::Isublu, vec![]),
            Imul | Lmul | Fmul | Dmul => self.put_p(top(0).kind(), Op::Imul, vec![]),
            Idiv | Ldiv | Fdiv | Ddiv => self.put_p(top(0).kind(), Op::Idivlu, vec![]),
            Irem | Lrem | Frem | Drem => self.put_p(top(0).kind(), Op::Iremlu, vec![]),
            Ineg | Lneg => {
                let kind = top(0).kind();
                if kind == Kind::Long {
                    self.wide_const(0);
                } else {
                    self.int(0);
                }
                self.put_p(kind, Op::Isubul, vec![]);
            }
            Fneg => {
                self.int((-1.0f32).to_bits() as i32);
                self.put_p(Kind::Float, Op::Imul, vec![]);
            }
            Dneg => {
                self.wide_const((-1.0f64).to_bits() as i64);
                self.put_p(Kind::Double, Op::Imul, vec![]);
            }
            Ishl | Ishr | Iushr => self.put(shift_op(op), vec![]),
            Lshl | Lshr | Lushr => {
                self.put_p(Kind::Long, Op::Fromi, vec![]);
                self.put_p(Kind::Long, shift_op(op), vec![]);
            }
            Iand | Land => self.put_p(top(0).kind(), Op::Iand, vec![]),
            Ior | Lor => self.put_p(top(0).kind(), Op::Ior, vec![]),
            Ixor | Lxor => self.put_p(top(0).kind(), Op::Ixor, vec![]),
            I2l | I2f | I2d | L2i | L2f | L2d | F2i | F2l | F2d | D2i | D2l | D2f => {
                let (from, to) = match op {
                    I2l => (Op::Fromi, Kind::Long),
                    I2f => (Op::Fromi, Kind::Float),
                    I2d => (Op::Fromi, Kind::Double),
                    L2i => (Op::Froml, Kind::Int),
                    L2f => (Op::Froml, Kind::Float),
                    L2d => (Op::Froml, Kind::Double),
                    F2i => (Op::Fromf, Kind::Int),
                    F2l => (Op::Fromf, Kind::Long),
                    F2d => (Op::Fromf, Kind::Double),
                    D2i => (Op::Fromd, Kind::Int),
                    D2l => (Op::Fromd, Kind::Long),
                    _ => (Op::Fromd, Kind::Float),
                };
                self.put_p(to, from, vec![]);
            }
            I2b => self.narrow(24, true),
            I2s => self.narrow(16, true),
            I2c => self.narrow(16, false),
            Lcmp | Fcmpl | Fcmpg | Dcmpl | Dcmpg => {
                let kind = top(0).kind();
                let nan = if matches!(op, Fcmpg | Dcmpg) { 1 } else { -1 };
                let cond = match next {
                    Some(Ifeq(d)) => Some((Cond::Eq, d)),
                    Some(Ifne(d)) => Some((Cond::Ne, d)),
                    Some(Iflt(d)) => Some((Cond::Lt, d)),
                    Some(Ifge(d)) => Some((Cond::Ge, d)),
                    Some(Ifgt(d)) => Some((Cond::Gt, d)),
                    Some(Ifle(d)) => Some((Cond::Le, d)),
                    _ => None,
                };
                if cond.is_some() && !next_is_target {
                    // Left for the branch that follows, which compares the two values itself.
                    self.pending_compare = Some((kind, nan));
                    return Ok(Step::FusedWithNext);
                }
                self.compare_value(kind, nan);
            }
            Ifeq(d) | Ifne(d) | Iflt(d) | Ifge(d) | Ifgt(d) | Ifle(d) => {
                let cond = match op {
                    Ifeq(_) => Cond::Eq,
                    Ifne(_) => Cond::Ne,
                    Iflt(_) => Cond::Lt,
                    Ifge(_) => Cond::Ge,
                    Ifgt(_) => Cond::Gt,
                    _ => Cond::Le,
                };
                match self.pending_compare.take() {
                    Some((kind, nan)) => {
                        let nan_jumps = cond.holds(nan);
                        self.compare_jump(kind, cond, target(d), nan_jumps);
                    }
                    None => self.if_zero(cond, target(d)),
                }
            }
            IfIcmpeq(d) | IfIcmpne(d) | IfIcmplt(d) | IfIcmpge(d) | IfIcmpgt(d) | IfIcmple(d) => {
                let cond = match op {
                    IfIcmpeq(_) => Cond::Eq,
                    IfIcmpne(_) => Cond::Ne,
                    IfIcmplt(_) => Cond::Lt,
                    IfIcmpge(_) => Cond::Ge,
                    IfIcmpgt(_) => Cond::Gt,
                    _ => Cond::Le,
                };
                self.compare_jump(Kind::Int, cond, target(d), false);
            }
            IfAcmpeq(d) => {
                self.put(Op::OsNeq, vec![]);
                self.jump(Op::Jz, target(d));
            }
            IfAcmpne(d) => {
                self.put(Op::OsEq, vec![]);
                self.jump(Op::Jz, target(d));
            }
            Ifnull(d) => {
                self.put(Op::OsIsnull, vec![]);
                self.put(Op::LogNot, vec![]);
                self.jump(Op::Jz, target(d));
            }
            Ifnonnull(d) => {
                self.put(Op::OsIsnull, vec![]);
                self.jump(Op::Jz, target(d));
            }
            Goto(d) => self.jump(Op::Jmp, target(d)),
            Tableswitch(t) => {
                let targets: Vec<i64> = t.jumps.iter().map(|d| target(d) as i64).collect();
                self.put(Op::Switch, vec![Arg::Switch { shift: t.low.wrapping_neg(), divisor: 1, targets }]);
                self.jump(Op::Jmp, target(&t.default));
            }
            Lookupswitch(t) => {
                let s = self.int_scratch();
                self.is_set(Kind::Int, s);
                for (value, d) in &t.match_offsets {
                    self.is_get(Kind::Int, s);
                    self.int(*value);
                    self.put(Op::Isublu, vec![]);
                    self.jump(Op::Jz, target(d));
                }
                self.jump(Op::Jmp, target(&t.default));
            }
            Ireturn | Lreturn | Freturn | Dreturn | Areturn => {
                self.boxed(top(0).kind());
                self.exit_monitor()?;
                self.put(Op::Ret, vec![]);
            }
            Return => {
                self.put(Op::SummonNull, vec![]);
                self.exit_monitor()?;
                self.put(Op::Ret, vec![]);
            }
            Getstatic(m) | Putstatic(m) => {
                let kind = Kind::of(&m.name_and_type.descriptor);
                // String's static fields (CASE_INSENSITIVE_ORDER) are the runtime's Strings'.
                let class: &str = if m.class_name == "java/lang/String" { STRINGS } else { &m.class_name };
                let owner = self.u.static_field_owner(class, &m.name_and_type.name).map_err(|e| self.err(pc, e))?;
                let layout = self.u.layout(&owner).map_err(|e| self.err(pc, e))?;
                let field = &m.name_and_type.name;
                let slot = layout.static_fields[field.as_ref() as &str];
                let own = self.in_statics && owner == self.class.name;
                match (op, own) {
                    (Getstatic(_), true) => self.load_this_field(slot, kind),
                    (Putstatic(_), true) => self.save_this_field(slot, kind),
                    (Getstatic(_), false) => {
                        self.statics(&owner);
                        self.load_field_of(slot, kind);
                    }
                    _ if kind != Kind::Ref => {
                        self.statics(&owner);
                        self.save_field_of(slot, kind);
                    }
                    _ => {
                        self.statics(&owner);
                        // statics below the value: swap through scratch.
                        let s = self.obj_scratch();
                        self.os_set(s);
                        let v = self.obj_scratch();
                        self.os_set(v);
                        self.os_get(s);
                        self.os_get(v);
                        self.save_field_of(slot, kind);
                        self.obj_scratch_used -= 2;
                    }
                }
            }
            Getfield(m) => {
                let kind = Kind::of(&m.name_and_type.descriptor);
                let (_, slot) = self.u.field_slot(&m.class_name, &m.name_and_type.name).map_err(|e| self.err(pc, e))?;
                if top(0) == K::This {
                    self.put(Op::OsDrop, vec![]);
                    self.load_this_field(slot, kind);
                } else {
                    self.load_field_of(slot, kind);
                }
            }
            Putfield(m) => {
                let kind = Kind::of(&m.name_and_type.descriptor);
                let (_, slot) = self.u.field_slot(&m.class_name, &m.name_and_type.name).map_err(|e| self.err(pc, e))?;
                if top(1) == K::This {
                    self.save_this_field(slot, kind);
                    self.put(Op::OsDrop, vec![]);
                } else {
                    self.save_field_of(slot, kind);
                }
            }
            Invokevirtual(m) | Invokespecial(m) | Invokestatic(m) | Invokeinterface(m, _) => self.invoke(op, m, pc)?,
            Invokedynamic(d) => self.invokedynamic(d, bootstrap, pc)?,
            New(c) => {
                if c == "java/lang/String" {
                    self.put(Op::SummonNull, vec![]);
                } else {
                    if !layout::is_internal(c) {
                        self.u.class(c).map_err(|e| self.err(pc, e))?;
                        // The nearest class up the chain with an initialiser (its #ensure
                        // initialises the ones above it).
                        let ancestors = self.u.ancestors(c).map_err(|e| self.err(pc, e))?;
                        let first = ancestors
                            .iter()
                            .find(|a| a.methods.iter().any(|m| m.name == "<clinit>"))
                            .map(|a| a.name.clone());
                        if let Some(owner) = first {
                            self.statics(&owner);
                            self.put(Op::OsDrop, vec![]);
                        }
                    }
                    self.summon(&phantom_name(c));
                    self.put(Op::New, vec![]);
                }
            }
            Checkcast(t) => {
                let t = match t {
                    ObjectArrayType::ArrayType(d) => d.to_string(),
                    ObjectArrayType::BinaryName(n) => n.to_string(),
                };
                // The runtime's own casts to arrays are trusted: checking them would call itself.
                let trusted = t.starts_with('[') && self.class.name.starts_with("phantom/runtime/");
                if t == "java/lang/Object" || trusted {
                } else if t.starts_with('[') || self.u.get(&t).is_some_and(|c| c.is_interface) {
                    self.put(Op::OsDup, vec![]);
                    self.string_const(t.as_bytes());
                    self.invoke_static(RT, "checkCast", "(Ljava/lang/Object;Ljava/lang/String;)V", pc)?;
                } else {
                    self.summon(&phantom_name(&t));
                    self.put(Op::Cast, vec![]);
                }
            }
            Instanceof(t) => {
                let t = match t {
                    ObjectArrayType::ArrayType(d) => d.to_string(),
                    ObjectArrayType::BinaryName(n) => n.to_string(),
                };
                self.instance_of(&t, pc)?;
            }
            Athrow => {
                // `throw null` throws a NullPointerException.
                self.null_receiver_throws(0, pc)?;
                self.put(Op::Throw, vec![]);
            }
            Monitorenter => {
                // Null is refused here, so that the exception names this block.
                self.null_receiver_throws(0, pc)?;
                self.invoke_static(RT, "monitorEnter", "(Ljava/lang/Object;)V", pc)?
            }
            Monitorexit => self.invoke_static(RT, "monitorExit", "(Ljava/lang/Object;)V", pc)?,
            Breakpoint | Impdep1 | Impdep2 | Jsr(_) | Ret(_) => return Err(self.err(pc, "unsupported instruction")),
        }
        Ok(Step::Next)
    }

    /// Java's narrowing of an int on top: to `32 - shift` bits, with or without sign.
    fn narrow(&mut self, shift: i32, signed: bool) {
        // A constant just pushed is narrowed here, when nothing can jump in between: the
        // labels and lines after it are this instruction's own, and it is no jump target.
        let mut at = self.items.len();
        while at > 0 && matches!(self.items[at - 1], Item::Line(_)) {
            at -= 1;
        }
        if at > 0 && !self.entered && matches!(self.items[at - 1], Item::Label(_)) {
            at -= 1;
        }
        if let Some(Item::Insn(Insn { prefix: None, op, args })) = at.checked_sub(1).map(|k| &self.items[k]) {
            let value = match (op, args.first()) {
                (Op::Iconst0, _) => Some(0),
                (Op::Iconst1, _) => Some(1),
                (Op::Iconst8 | Op::Iconst32, Some(Arg::Int(v))) => Some(*v as i32),
                _ => None,
            };
            if let Some(v) = value {
                self.items.remove(at - 1);
                self.int(if signed { v << shift >> shift } else { v & 0xFFFF });
                return;
            }
        }
        if signed {
            self.int(shift);
            self.put(Op::Ishl, vec![]);
            self.int(shift);
            self.put(Op::Ishr, vec![]);
        } else {
            self.int(0xFFFF);
            self.put(Op::Iand, vec![]);
        }
    }

    /// A new Java array (its length on the integer stack) with this descriptor, made by the
    /// `newArray` native of `.internal.java`.
    fn new_array(&mut self, descriptor: &str, check: Option<&str>) {
        self.summon(".internal.java");
        self.put(Op::New, vec![]);
        self.boxed(Kind::Int);
        self.string_const(descriptor.as_bytes());
        match check {
            Some(c) => self.string_const(c.as_bytes()),
            None => self.put(Op::SummonNull, vec![]),
        }
        self.call(JAVA_NEW_ARRAY, 3);
    }

    /// The Phantom class references stored in an array of Java class `element` must descend
    /// from: none for Object and interfaces (Phantom classes do not descend from interfaces).
    fn store_check(&self, element: &str) -> Option<String> {
        if element == "java/lang/String" {
            return Some(phantom_name(element));
        }
        if element == "java/lang/Object" || self.u.get(element).is_none_or(|c| c.is_interface) {
            return None;
        }
        Some(phantom_name(element))
    }

    /// Rearranges the top entries (`taken`, deepest first) into `out` (indexes from the top).
    fn shuffle(&mut self, taken: &[K], out: &[usize]) {
        let n = taken.len();
        // An entry duplicated alone on its stack: the other stack's entries keep their order.
        let dup_top = out.iter().filter(|&&k| k == 0).count() == 2 && out.len() == n + 1;
        if dup_top {
            let k0 = taken[n - 1];
            let same_stack = taken[..n - 1].iter().any(|k| k.is_ref() == k0.is_ref());
            if !same_stack {
                if k0.is_ref() {
                    self.put(Op::OsDup, vec![]);
                } else {
                    self.put_p(k0.kind(), Op::IsDup, vec![]);
                }
                return;
            }
        }
        let mut places = vec![0u32; n];
        for k in 0..n {
            let entry = taken[n - 1 - k];
            if entry.is_ref() {
                let s = self.obj_scratch();
                self.os_set(s);
                places[k] = s;
            } else {
                let s = self.int_scratch();
                self.is_set(entry.kind(), s);
                places[k] = s;
            }
        }
        for &k in out {
            let entry = taken[n - 1 - k];
            if entry.is_ref() {
                self.os_get(places[k]);
            } else {
                self.is_get(entry.kind(), places[k]);
            }
        }
    }

    fn invokedynamic(
        &mut self,
        d: &cafebabe::constant_pool::InvokeDynamic,
        bootstrap: &[&cafebabe::attributes::BootstrapMethodEntry],
        at: usize,
    ) -> Result<(), Error> {
        let entry = bootstrap.get(d.attr_index as usize).ok_or_else(|| self.err(at, "missing bootstrap method"))?;
        let sig = signature(&d.name_and_type.descriptor)?;
        let factory = (&*entry.method.class_name, &*entry.method.member_ref.name);
        match factory {
            ("java/lang/invoke/StringConcatFactory", "makeConcatWithConstants") => {
                let recipe = match entry.arguments.first() {
                    Some(BootstrapArgument::LiteralConstant(LiteralConstant::String(s))) => s.to_string(),
                    _ => return Err(self.err(at, "string concatenation without a recipe")),
                };
                let constants: Vec<String> = entry
                    .arguments
                    .iter()
                    .skip(1)
                    .map(|a| match a {
                        BootstrapArgument::LiteralConstant(LiteralConstant::String(s)) => s.to_string(),
                        BootstrapArgument::LiteralConstant(LiteralConstant::Integer(v)) => v.to_string(),
                        _ => String::new(),
                    })
                    .collect();
                self.concat(&recipe, &constants, &sig.params, at)
            }
            ("java/lang/invoke/LambdaMetafactory", "metafactory" | "altMetafactory") => {
                let method_type = |i: usize| match entry.arguments.get(i) {
                    Some(BootstrapArgument::MethodType(t)) => Some(t.to_string()),
                    _ => None,
                };
                let (Some(erased), Some(instantiated)) = (method_type(0), method_type(2)) else {
                    return Err(self.err(at, "lambda without its method types"));
                };
                let Some(BootstrapArgument::MethodHandle(target)) = entry.arguments.get(1) else {
                    return Err(self.err(at, "lambda without its implementation"));
                };
                // altMetafactory: flags, then marker interfaces and bridges when flagged.
                let mut bridges = Vec::new();
                if factory.1 == "altMetafactory" {
                    let flags = match entry.arguments.get(3) {
                        Some(BootstrapArgument::LiteralConstant(LiteralConstant::Integer(f))) => *f,
                        _ => 0,
                    };
                    let mut k = 4;
                    if flags & 2 != 0 {
                        let markers = match entry.arguments.get(k) {
                            Some(BootstrapArgument::LiteralConstant(LiteralConstant::Integer(n))) => *n as usize,
                            _ => 0,
                        };
                        k += 1 + markers;
                    }
                    if flags & 4 != 0 {
                        let n = match entry.arguments.get(k) {
                            Some(BootstrapArgument::LiteralConstant(LiteralConstant::Integer(n))) => *n as usize,
                            _ => 0,
                        };
                        bridges.extend((0..n).filter_map(|i| method_type(k + 1 + i)));
                    }
                }
                let interface = match Kind::of(&sig.ret) {
                    Kind::Ref => sig.ret.strip_prefix('L').unwrap_or(&sig.ret).trim_end_matches(';').to_string(),
                    _ => return Err(self.err(at, "a lambda must make an object")),
                };
                let side = if self.in_statics { "static" } else { "" };
                let name = format!("{}#{side}lambda{}", self.class.name, self.consts.lambdas.len());
                self.consts.lambdas.push(Lambda {
                    name: name.clone(),
                    interface,
                    method: d.name_and_type.name.to_string(),
                    erased,
                    bridges,
                    instantiated,
                    captured: sig.params.clone(),
                    target_kind: target.kind,
                    target_class: target.class_name.to_string(),
                    target_name: target.member_ref.name.to_string(),
                    target_descriptor: target.member_ref.descriptor.to_string(),
                });
                // The captured values become the new object's fields through its #init.
                self.marshal(&sig.kinds());
                let phantom = phantom_name(&name);
                self.summon(&phantom);
                self.put(Op::New, vec![]);
                self.summon(&phantom);
                self.put(Op::StaticInvoke, vec![Arg::Int(LAMBDA_INIT as i64), Arg::Int(sig.params.len() as i64)]);
                Ok(())
            }
            ("java/lang/runtime/ObjectMethods", "bootstrap") => {
                let Some(BootstrapArgument::ClassInfo(record)) = entry.arguments.first() else {
                    return Err(self.err(at, "record methods without their class"));
                };
                let record = record.to_string();
                let names = match entry.arguments.get(1) {
                    Some(BootstrapArgument::LiteralConstant(LiteralConstant::String(s))) => s.to_string(),
                    _ => String::new(),
                };
                let names: Vec<&str> = names.split(';').filter(|n| !n.is_empty()).collect();
                let fields: Vec<(String, String)> = names
                    .iter()
                    .map(|n| {
                        let class = self.u.class(&record)?;
                        let f = class
                            .fields
                            .iter()
                            .find(|f| f.name == *n && !f.is_static)
                            .ok_or_else(|| Error::missing_member(&record, n))?;
                        Ok((f.name.clone(), f.descriptor.clone()))
                    })
                    .collect::<Result<_, Error>>()?;
                self.record_method(&d.name_and_type.name, &record, &fields, at)
            }
            _ => Err(self.err(at, format!("invokedynamic with {}.{} is not supported yet", factory.0, factory.1))),
        }
    }

    /// A record's `toString`, `hashCode` or `equals`, from its components (the fields of
    /// `fields`), as `java.lang.runtime.ObjectMethods` makes them.
    fn record_method(
        &mut self,
        which: &str,
        record: &str,
        fields: &[(String, String)],
        at: usize,
    ) -> Result<(), Error> {
        let layout = self.u.layout(record)?;
        let read = |g: &mut Self, object: u32, name: &str, descriptor: &str| {
            let (get, _) = layout.accessors[name];
            g.os_get(object);
            g.call(get, 0);
            g.unboxed(Kind::of(descriptor));
        };
        let kind_descriptor = |d: &str| -> String {
            match Kind::of(d) {
                Kind::Ref => "Ljava/lang/Object;".to_string(),
                _ => d.to_string(),
            }
        };
        match which {
            "toString" => {
                let me = self.obj_scratch();
                self.os_set(me);
                let simple = record.rsplit(['/', '$']).next().unwrap_or(record).to_string();
                self.string_const(format!("{simple}[").as_bytes());
                for (k, (name, descriptor)) in fields.iter().enumerate() {
                    let label = format!("{}{name}=", if k > 0 { ", " } else { "" });
                    self.string_const(label.as_bytes());
                    self.call(10, 1);
                    read(self, me, name, descriptor);
                    self.invoke_static(RT, "str", &format!("({})Ljava/lang/String;", kind_descriptor(descriptor)), at)?;
                    self.call(10, 1);
                }
                self.string_const(b"]");
                self.call(10, 1);
            }
            "hashCode" => {
                let me = self.obj_scratch();
                self.os_set(me);
                self.int(0);
                for (name, descriptor) in fields {
                    self.int(31);
                    self.put(Op::Imul, vec![]);
                    read(self, me, name, descriptor);
                    self.invoke_static(RT, "hash", &format!("({})I", kind_descriptor(descriptor)), at)?;
                    self.put(Op::Isum, vec![]);
                }
            }
            "equals" => {
                let (me, other) = (self.obj_scratch(), self.obj_scratch());
                self.os_set(other);
                self.os_set(me);
                let (no, done) = (self.label(), self.label());
                self.os_get(other);
                self.instance_of(record, at)?;
                self.jump(Op::Jz, no);
                for (name, descriptor) in fields {
                    read(self, me, name, descriptor);
                    read(self, other, name, descriptor);
                    let d = kind_descriptor(descriptor);
                    self.invoke_static(RT, "same", &format!("({d}{d})Z"), at)?;
                    self.jump(Op::Jz, no);
                }
                self.int(1);
                self.jump(Op::Jmp, done);
                self.place(no);
                self.int(0);
                self.place(done);
            }
            other => return Err(self.err(at, format!("record method {other} is not supported"))),
        }
        Ok(())
    }

    /// String concatenation by recipe: \u{1} is the next argument, \u{2} the next constant.
    fn concat(&mut self, recipe: &str, constants: &[String], params: &[String], at: usize) -> Result<(), Error> {
        // The arguments into scratch, then the pieces in order.
        let mut places = Vec::new();
        for p in params.iter().rev() {
            let kind = Kind::of(p);
            if kind == Kind::Ref {
                let s = self.obj_scratch();
                self.os_set(s);
                places.push(s);
            } else {
                let s = self.int_scratch();
                self.is_set(kind, s);
                places.push(s);
            }
        }
        places.reverse();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut text = String::new();
        let (mut arg, mut constant) = (0, 0);
        for c in recipe.chars() {
            match c {
                '\u{1}' | '\u{2}' => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    if c == '\u{1}' {
                        pieces.push(Piece::Arg(arg));
                        arg += 1;
                    } else {
                        pieces.push(Piece::Text(constants.get(constant).cloned().unwrap_or_default()));
                        constant += 1;
                    }
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        if pieces.is_empty() {
            pieces.push(Piece::Text(String::new()));
        }
        for (i, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Text(t) => self.string_const(t.as_bytes()),
                Piece::Arg(a) => {
                    let p =
                        params.get(*a).ok_or_else(|| self.err(at, "concatenation recipe names a missing argument"))?;
                    let kind = Kind::of(p);
                    if kind == Kind::Ref {
                        self.os_get(places[*a]);
                    } else {
                        self.is_get(kind, places[*a]);
                    }
                    let descriptor = match p.as_str() {
                        "Ljava/lang/String;" => "(Ljava/lang/String;)Ljava/lang/String;".to_string(),
                        s if s.starts_with('L') || s.starts_with('[') => {
                            "(Ljava/lang/Object;)Ljava/lang/String;".to_string()
                        }
                        s => format!("({s})Ljava/lang/String;"),
                    };
                    self.invoke_static(RT, "str", &descriptor, at)?;
                }
            }
            if i > 0 {
                self.call(10, 1);
            }
        }
        Ok(())
    }
}

enum Piece {
    Text(String),
    Arg(usize),
}

pub enum Step {
    Next,
    SkipThisForField,
    FusedWithNext,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cond {
    Eq,
    Ne,
    Lt,
    Ge,
    Gt,
    Le,
}

impl Cond {
    fn negated(self) -> Cond {
        match self {
            Cond::Eq => Cond::Ne,
            Cond::Ne => Cond::Eq,
            Cond::Lt => Cond::Ge,
            Cond::Ge => Cond::Lt,
            Cond::Gt => Cond::Le,
            Cond::Le => Cond::Gt,
        }
    }

    fn op(self) -> Op {
        match self {
            Cond::Lt => Op::Ilt,
            Cond::Ge => Op::Ige,
            Cond::Gt => Op::Igt,
            Cond::Le => Op::Ile,
            Cond::Eq | Cond::Ne => unreachable!("equality has no comparison instruction"),
        }
    }

    /// Whether `v <cond> 0`.
    fn holds(self, v: i32) -> bool {
        match self {
            Cond::Eq => v == 0,
            Cond::Ne => v != 0,
            Cond::Lt => v < 0,
            Cond::Ge => v >= 0,
            Cond::Gt => v > 0,
            Cond::Le => v <= 0,
        }
    }
}

fn shift_op(op: &Opcode) -> Op {
    match op {
        Opcode::Ishl | Opcode::Lshl => Op::Ishl,
        Opcode::Ishr | Opcode::Lshr => Op::Ishr,
        _ => Op::Ushr,
    }
}
