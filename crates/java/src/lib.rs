//! Java class files (javac 17 output) to Phantom class files.
//!
//! Every Java class `C` becomes `.java.C` (its instances: instance fields as object slots,
//! instance methods by ordinal, an accessor pair per field, copies of the default methods it
//! inherits) and, if it has static members, `.java.C#static`, whose one instance holds the
//! static fields and runs the static methods, made and initialised (`<clinit>`) on first use and
//! kept, like everything, in the heap. `docs/ARCHITECTURE.md` (phantom-java) tells the rest.

mod flow;
mod gen;
mod layout;
mod model;
mod npe;

use std::collections::HashMap;
use std::fmt;

use phantom_bytecode::classfile::{ClassHeader, Constant, LineMap, Method, TypeRef};
use phantom_bytecode::emit::{assemble, insn, Item};
use phantom_bytecode::{Arg, ClassFile, Op, Record};

pub use layout::{phantom_name, statics_name, Universe};
pub use model::JavaClass;

use gen::{Constants, Lambda, MethodGen, LAMBDA_INIT, LAMBDA_METHOD, RT};
use layout::{ENSURE_ORDINAL, STATICS_SLOT};
use model::{Kind, MethodDecl};

/// A translation error: what, and where (class, method and bytecode offset when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }

    pub fn missing_class(name: &str) -> Error {
        Error(format!(
            "class {} is not available (not in the program and not in the Java runtime)",
            name.replace('/', ".")
        ))
    }

    pub fn missing_member(class: &str, member: &str) -> Error {
        Error(format!("{} has no member {member} (the Java runtime may lack it)", class.replace('/', ".")))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// The name of the launcher class made for a main class.
pub fn launcher_name(main: &str) -> String {
    format!("{}#main", phantom_name(main))
}

/// Translates one class of the universe into its Phantom class files.
pub fn translate_class(u: &Universe, name: &str) -> Result<Vec<ClassFile>, Error> {
    let class = u.class(name)?.clone();
    let layout = u.layout(name)?;
    let mut out = Vec::new();

    // The instance side.
    let mut consts = Constants::default();
    let mut records = Vec::new();
    let mut methods: Vec<(String, u32, Vec<Item>)> = Vec::new();
    for m in class.methods.iter().filter(|m| !m.is_static && m.name != "<clinit>") {
        if m.is_abstract {
            continue;
        }
        let ordinal = layout.methods[&m.key()];
        let code = method_code(u, &class, m, &mut consts)?;
        methods.push((m.key(), ordinal, code));
    }
    for f in class.fields.iter().filter(|f| !f.is_static) {
        let (get, set) = layout.accessors[&f.name];
        let slot = layout.fields[&(class.name.clone(), f.name.clone())];
        let kind = Kind::of(&f.descriptor);
        methods.push((format!("#get:{}.{}", class.name, f.name), get, getter(slot, kind)));
        methods.push((format!("#set:{}.{}", class.name, f.name), set, setter(slot, kind)));
    }
    for (interface, key, ordinal) in &layout.defaults {
        let owner = u.class(interface)?.clone();
        let m = owner.method(key).expect("defaults come from the interface's methods").clone();
        let code = method_code(u, &owner, &m, &mut consts)?;
        methods.push((key.clone(), *ordinal, code));
    }
    if name == "java/lang/Thread" {
        let decl = MethodDecl {
            name: "#thread".into(),
            descriptor: "(Ljava/lang/Object;)V".into(),
            is_static: false,
            is_abstract: false,
            is_native: false,
            is_private: false,
            is_synchronized: false,
        };
        let code = MethodGen::new(u, &class, &decl, &mut consts).thread_start_body()?;
        methods.push(("#thread".into(), 8, code));
    }
    if !class.is_interface {
        let mut list = String::from(",");
        for i in u.interfaces(name)? {
            list.push_str(&i.name);
            list.push(',');
        }
        let id = consts.string(list.as_bytes());
        let ordinal = layout.methods["#interfaces()"];
        methods.push((
            "#interfaces()".into(),
            ordinal,
            vec![
                insn(None, Op::ArgCount, vec![Arg::Int(0)]),
                insn(None, Op::ConstPool, vec![Arg::Int(id as i64)]),
                insn(None, Op::Ret, vec![]),
            ],
        ));
    }
    let parent = match &class.super_name {
        Some(s) if !class.is_interface => phantom_name(s),
        _ => ".internal.object".to_string(),
    };
    records.push(Record::Class(ClassHeader {
        name: phantom_name(name).into_bytes(),
        field_slots: layout.field_slots,
        method_slots: layout.method_slots,
        parent: parent.into_bytes(),
        version: class.source_file.clone().unwrap_or_default().into_bytes(),
    }));
    push_methods(&mut records, methods, &consts.npe)?;
    push_constants(&mut records, &consts);
    out.push(finish(records, name)?);
    let mut lambdas = std::mem::take(&mut consts.lambdas);

    // The static side.
    if class.has_static_part() {
        let mut consts = Constants::default();
        let mut records = Vec::new();
        let mut methods: Vec<(String, u32, Vec<Item>)> = Vec::new();
        for m in class.methods.iter().filter(|m| m.is_static || m.name == "<clinit>") {
            let ordinal = layout.static_methods[&m.key()];
            let code = if m.is_native {
                intrinsic(&class, m).ok_or_else(|| {
                    Error::new(format!("{}.{}: a native method the translator does not know", class.name, m.key()))
                })?
            } else {
                method_code(u, &class, m, &mut consts)?
            };
            methods.push((m.key(), ordinal, code));
        }
        for f in class.fields.iter().filter(|f| f.is_static) {
            let slot = layout.static_fields[&f.name];
            let kind = Kind::of(&f.descriptor);
            methods.push((
                format!("#get:{}", f.name),
                layout.static_methods[&format!("#get:{}", f.name)],
                getter(slot, kind),
            ));
            methods.push((
                format!("#set:{}", f.name),
                layout.static_methods[&format!("#set:{}", f.name)],
                setter(slot, kind),
            ));
        }
        methods.push(("#ensure".into(), ENSURE_ORDINAL, ensure(u, &class, &layout, &mut consts)?));
        records.push(Record::Class(ClassHeader {
            name: statics_name(name).into_bytes(),
            field_slots: layout.static_field_slots,
            method_slots: layout.static_method_slots,
            parent: b".internal.object".to_vec(),
            version: class.source_file.clone().unwrap_or_default().into_bytes(),
        }));
        push_methods(&mut records, methods, &consts.npe)?;
        push_constants(&mut records, &consts);
        out.push(finish(records, name)?);
        lambdas.append(&mut consts.lambdas);
    }
    for l in &lambdas {
        out.push(lambda_class(u, &class, l)?);
    }
    Ok(out)
}

/// The class made for a lambda: its captured values as fields, `#init` to set them, the
/// interface method (and its bridges) calling the target, the interface's default methods.
fn lambda_class(u: &Universe, outer: &JavaClass, l: &Lambda) -> Result<ClassFile, Error> {
    let object = u.layout("java/lang/Object")?;
    assert!(object.method_slots <= LAMBDA_INIT, "java.lang.Object's methods stay below a lambda's");
    let holder = JavaClass {
        name: l.name.clone(),
        super_name: Some("java/lang/Object".into()),
        interfaces: vec![l.interface.clone()],
        is_interface: false,
        source_file: outer.source_file.clone(),
        fields: vec![],
        methods: vec![],
        bytes: outer.bytes.clone(),
    };
    let fake = |name: &str, descriptor: &str| MethodDecl {
        name: name.into(),
        descriptor: descriptor.into(),
        is_static: false,
        is_abstract: false,
        is_native: false,
        is_private: false,
        is_synchronized: false,
    };
    let mut consts = Constants::default();
    let mut methods: Vec<(String, u32, Vec<Item>)> = Vec::new();
    let n = l.captured.len() as i64;
    let mut init = vec![i(Op::ArgCount, vec![Arg::Int(n)])];
    for k in 0..n {
        init.push(i(Op::OsGet32, vec![Arg::Int(k)]));
        init.push(i(Op::OsSave32, vec![Arg::Int(k)]));
    }
    init.extend([i(Op::SummonThis, vec![]), i(Op::Ret, vec![])]);
    methods.push(("#init".into(), LAMBDA_INIT, init));
    let mut next = LAMBDA_METHOD;
    let mut keys = Vec::new();
    for descriptor in std::iter::once(&l.erased).chain(&l.bridges) {
        let key = format!("{}{}", l.method, descriptor);
        if keys.contains(&key) {
            continue;
        }
        let decl = fake(&l.method, descriptor);
        let code = MethodGen::new(u, &holder, &decl, &mut consts).lambda_body(l, descriptor)?;
        methods.push((key.clone(), next, code));
        keys.push(key);
        next += 1;
    }
    let mut interfaces = vec![u.class(&l.interface)?.clone()];
    interfaces.extend(u.interfaces(&l.interface)?);
    let mut list = String::from(",");
    for iface in &interfaces {
        list.push_str(&iface.name);
        list.push(',');
        for m in iface.methods.iter().filter(|m| layout::is_default(m)) {
            if keys.contains(&m.key()) || layout::protocol_ordinal(&m.key()).is_some() {
                continue;
            }
            let code = method_code(u, iface, m, &mut consts)?;
            methods.push((m.key(), next, code));
            keys.push(m.key());
            next += 1;
        }
    }
    let id = consts.string(list.as_bytes());
    methods.push((
        "#interfaces()".into(),
        layout::FIRST_ORDINAL,
        vec![i(Op::ArgCount, vec![Arg::Int(0)]), i(Op::ConstPool, vec![Arg::Int(id as i64)]), i(Op::Ret, vec![])],
    ));
    let mut records = vec![Record::Class(ClassHeader {
        name: phantom_name(&l.name).into_bytes(),
        field_slots: l.captured.len() as u32,
        method_slots: next,
        parent: phantom_name("java/lang/Object").into_bytes(),
        version: outer.source_file.clone().unwrap_or_default().into_bytes(),
    })];
    push_methods(&mut records, methods, &consts.npe)?;
    push_constants(&mut records, &consts);
    finish(records, &l.name)
}

/// The class `phantom run --main` starts: its method 8 hands the boot object and the
/// arguments to the runtime, calls `main(String[])` and reports what it throws as Java does.
pub fn launcher(u: &Universe, main: &str) -> Result<ClassFile, Error> {
    let class = u.class(main)?;
    if class.method("main([Ljava/lang/String;)V").is_none_or(|m| !m.is_static) {
        return Err(Error::new(format!("class {} has no public static void main(String[])", main.replace('/', "."))));
    }
    let fake = MethodDecl {
        name: "#main".into(),
        descriptor: "(Ljava/lang/Object;)V".into(),
        is_static: true,
        is_abstract: false,
        is_native: false,
        is_private: false,
        is_synchronized: false,
    };
    let holder = JavaClass {
        name: format!("{main}#main"),
        super_name: None,
        interfaces: vec![],
        is_interface: false,
        source_file: None,
        fields: vec![],
        methods: vec![],
        bytes: class.bytes.clone(),
    };
    let mut consts = Constants::default();
    let mut g = MethodGen::new(u, &holder, &fake, &mut consts);
    let items = g.launcher_body(main)?;
    let mut records = vec![Record::Class(ClassHeader {
        name: launcher_name(main).into_bytes(),
        field_slots: 0,
        method_slots: 16,
        parent: b".internal.object".to_vec(),
        version: Vec::new(),
    })];
    push_methods(&mut records, vec![("run".into(), 8, items)], &HashMap::new())?;
    push_constants(&mut records, &consts);
    finish(records, main)
}

fn method_code(u: &Universe, class: &JavaClass, m: &MethodDecl, consts: &mut Constants) -> Result<Vec<Item>, Error> {
    if m.is_native {
        return intrinsic(class, m).ok_or_else(|| {
            Error::new(format!("{}.{}: native methods are not supported", class.name.replace('/', "."), m.key()))
        });
    }
    let (items, _) = MethodGen::new(u, class, m, consts).translate()?;
    Ok(items)
}

fn i(op: Op, args: Vec<Arg>) -> Item {
    insn(None, op, args)
}

/// Reads field `slot` of `this`, boxed; a number never written (null) reads as zero.
fn getter(slot: u32, kind: Kind) -> Vec<Item> {
    let mut v = vec![i(Op::ArgCount, vec![Arg::Int(0)])];
    if kind == Kind::Ref {
        v.push(i(Op::OsLoad32, vec![Arg::Int(slot as i64)]));
    } else {
        v.extend([
            i(Op::SummonThis, vec![]),
            insn(gen::prefix(kind), Op::IsFieldGet, vec![Arg::Int(slot as i64)]),
            insn(gen::prefix(kind), Op::I2o, vec![]),
        ]);
    }
    v.push(i(Op::Ret, vec![]));
    v
}

/// Sets field `slot` of `this` from the boxed argument (a null number stores zero).
fn setter(slot: u32, kind: Kind) -> Vec<Item> {
    let mut v = vec![i(Op::ArgCount, vec![Arg::Int(1)]), i(Op::OsGet32, vec![Arg::Int(0)])];
    if kind == Kind::Ref {
        v.push(i(Op::OsSave32, vec![Arg::Int(slot as i64)]));
    } else {
        v.extend(gen::zero_if_null(kind, 1));
        v.extend([
            insn(gen::prefix(kind), Op::O2i, vec![]),
            i(Op::SummonThis, vec![]),
            insn(gen::prefix(kind), Op::IsFieldSet, vec![Arg::Int(slot as i64)]),
        ]);
    }
    v.extend([i(Op::SummonNull, vec![]), i(Op::Ret, vec![])]);
    v
}

/// `#ensure` of a statics class, run on a fresh instance: the first one registers itself,
/// takes the constant values, initialises the superclass and runs `<clinit>`; every later call
/// returns the registered one.
fn ensure(
    u: &Universe,
    class: &JavaClass,
    layout: &layout::Layout,
    consts: &mut Constants,
) -> Result<Vec<Item>, Error> {
    let me = statics_name(&class.name).into_bytes();
    // A registered one is returned (label 1); else this one registers itself.
    let mut v = vec![i(Op::ArgCount, vec![Arg::Int(0)])];
    v.extend(gen::registered_statics(&statics_name(&class.name), 1));
    v.extend([
        i(Op::SummonByName, vec![Arg::Bytes(me.clone())]),
        i(Op::Iconst0, vec![]),
        i(Op::I2o, vec![]),
        i(Op::SummonThis, vec![]),
        i(Op::Call, vec![Arg::Int(gen::CLASS_SET_STATIC), Arg::Int(2)]),
        i(Op::OsDrop, vec![]),
    ]);
    debug_assert_eq!(STATICS_SLOT, 0);
    for f in class.fields.iter().filter(|f| f.is_static) {
        let Some(c) = &f.constant else { continue };
        let slot = layout.static_fields[&f.name];
        let long = Some(phantom_bytecode::TypePrefix::Long);
        // Numbers as their bits on the integer stack, stored as the field's ints.
        let (bits, kind) = match c {
            model::Constant::Int(x) => (i(Op::Iconst32, vec![Arg::Int(*x as i64)]), Kind::Int),
            model::Constant::Float(x) => (i(Op::Iconst32, vec![Arg::Int(x.to_bits() as i32 as i64)]), Kind::Float),
            model::Constant::Long(x) => (insn(long, Op::Iconst64, vec![Arg::Int(*x)]), Kind::Long),
            model::Constant::Double(x) => (insn(long, Op::Iconst64, vec![Arg::Int(x.to_bits() as i64)]), Kind::Double),
            model::Constant::String(s) => {
                let id = consts.string(s.as_bytes());
                v.push(i(Op::ConstPool, vec![Arg::Int(id as i64)]));
                v.push(i(Op::OsSave32, vec![Arg::Int(slot as i64)]));
                continue;
            }
        };
        v.extend([
            bits,
            i(Op::SummonThis, vec![]),
            insn(gen::prefix(kind), Op::IsFieldSet, vec![Arg::Int(slot as i64)]),
        ]);
    }
    if let Some(parent) = &class.super_name {
        if u.get(parent).is_some_and(|p| p.has_static_part()) {
            let p = statics_name(parent).into_bytes();
            v.extend([
                i(Op::SummonByName, vec![Arg::Bytes(p)]),
                i(Op::New, vec![]),
                i(Op::Call, vec![Arg::Int(ENSURE_ORDINAL as i64), Arg::Int(0)]),
                i(Op::OsDrop, vec![]),
            ]);
        }
    }
    if let Some(&clinit) = layout.static_methods.get("<clinit>()V") {
        v.extend([
            i(Op::SummonThis, vec![]),
            i(Op::SummonByName, vec![Arg::Bytes(me)]),
            i(Op::StaticInvoke, vec![Arg::Int(clinit as i64), Arg::Int(0)]),
            i(Op::OsDrop, vec![]),
        ]);
    }
    v.push(i(Op::SummonThis, vec![]));
    v.push(Item::Label(1));
    v.push(i(Op::Ret, vec![]));
    Ok(v)
}

/// Bodies of the runtime's native methods that are a few instructions of Phantom code.
fn intrinsic(class: &JavaClass, m: &MethodDecl) -> Option<Vec<Item>> {
    if class.name != RT {
        return None;
    }
    let is_instance = |class: &[u8]| -> Vec<Item> {
        vec![
            i(Op::ArgCount, vec![Arg::Int(1)]),
            i(Op::SummonByName, vec![Arg::Bytes(class.to_vec())]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::Call, vec![Arg::Int(14), Arg::Int(1)]),
            i(Op::Ret, vec![]),
        ]
    };
    Some(match m.key().as_str() {
        "natives()Lphantom/internal/java;" => vec![
            i(Op::ArgCount, vec![Arg::Int(0)]),
            i(Op::SummonByName, vec![Arg::Bytes(b".internal.java".to_vec())]),
            i(Op::New, vec![]),
            i(Op::Ret, vec![]),
        ],
        "isString(Ljava/lang/Object;)Z" => is_instance(b".internal.string"),
        "currentPhantomThread()Ljava/lang/Object;" => {
            vec![i(Op::ArgCount, vec![Arg::Int(0)]), i(Op::SummonThread, vec![]), i(Op::Ret, vec![])]
        }
        // A Java array, or a Phantom array (the arguments main receives).
        "isArray(Ljava/lang/Object;)Z" => vec![
            i(Op::ArgCount, vec![Arg::Int(1)]),
            i(Op::SummonByName, vec![Arg::Bytes(b".internal.container.java_array".to_vec())]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::Call, vec![Arg::Int(14), Arg::Int(1)]),
            i(Op::O2i, vec![]),
            i(Op::Jz, vec![Arg::Target(1)]),
            i(Op::Iconst1, vec![]),
            i(Op::I2o, vec![]),
            i(Op::Ret, vec![]),
            Item::Label(1),
            i(Op::SummonByName, vec![Arg::Bytes(b".internal.container.array".to_vec())]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::Call, vec![Arg::Int(14), Arg::Int(1)]),
            i(Op::Ret, vec![]),
        ],
        "isJavaObject(Ljava/lang/Object;)Z" => is_instance(b".java.java.lang.Object"),
        // The interfaces a Java object's class implements, as ",a/B,c/D,"; null otherwise.
        "interfacesOf(Ljava/lang/Object;)Ljava/lang/String;" => vec![
            i(Op::ArgCount, vec![Arg::Int(1)]),
            i(Op::SummonByName, vec![Arg::Bytes(b".java.java.lang.Object".to_vec())]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::Call, vec![Arg::Int(14), Arg::Int(1)]),
            i(Op::O2i, vec![]),
            i(Op::Jz, vec![Arg::Target(1)]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::Call, vec![Arg::Int(layout::FIRST_ORDINAL as i64), Arg::Int(0)]),
            i(Op::Ret, vec![]),
            Item::Label(1),
            i(Op::SummonNull, vec![]),
            i(Op::Ret, vec![]),
        ],
        // The bits of a number as another kind: the cells stay, the box changes.
        "bits(D)J" => reinterpret(phantom_bytecode::TypePrefix::Double, phantom_bytecode::TypePrefix::Long),
        "fromBits(J)D" => reinterpret(phantom_bytecode::TypePrefix::Long, phantom_bytecode::TypePrefix::Double),
        "floatBits(F)I" => vec![
            i(Op::ArgCount, vec![Arg::Int(1)]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            insn(Some(phantom_bytecode::TypePrefix::Float), Op::O2i, vec![]),
            i(Op::I2o, vec![]),
            i(Op::Ret, vec![]),
        ],
        "floatFromBits(I)F" => vec![
            i(Op::ArgCount, vec![Arg::Int(1)]),
            i(Op::OsGet32, vec![Arg::Int(0)]),
            i(Op::O2i, vec![]),
            insn(Some(phantom_bytecode::TypePrefix::Float), Op::I2o, vec![]),
            i(Op::Ret, vec![]),
        ],
        // Any object as itself, under another static type.
        "same(Ljava/lang/Object;)Ljava/lang/Object;" | "asString(Ljava/lang/Object;)Lphantom/internal/string;" => {
            vec![i(Op::ArgCount, vec![Arg::Int(1)]), i(Op::OsGet32, vec![Arg::Int(0)]), i(Op::Ret, vec![])]
        }
        _ => return None,
    })
}

fn reinterpret(from: phantom_bytecode::TypePrefix, to: phantom_bytecode::TypePrefix) -> Vec<Item> {
    vec![
        i(Op::ArgCount, vec![Arg::Int(1)]),
        i(Op::OsGet32, vec![Arg::Int(0)]),
        insn(Some(from), Op::O2i, vec![]),
        insn(Some(to), Op::I2o, vec![]),
        i(Op::Ret, vec![]),
    ]
}

/// The constant holding a class's NullPointerException messages: a line per instruction that
/// can fail on null, `ORDINAL START END MESSAGE`, START and END the code offsets of the Java
/// instruction (the VM's `.internal.java` reads it when such an instruction fails).
pub const NPE_TABLE: u32 = 0x7fff_ff00;

fn push_methods(
    records: &mut Vec<Record>,
    mut methods: Vec<(String, u32, Vec<Item>)>,
    npe: &HashMap<String, HashMap<usize, String>>,
) -> Result<(), Error> {
    methods.sort_by_key(|m| m.1);
    let mut table = String::new();
    for (name, ordinal, items) in methods {
        let (code, lines) = assemble(&items).map_err(|e| Error::new(format!("{name}: {e}")))?;
        if let Some(messages) = npe.get(&name).filter(|m| !m.is_empty()) {
            // Java offsets are the labels below the generator's own.
            let (labels, length) = phantom_bytecode::emit::label_offsets(&items);
            let mut starts: Vec<(u32, i64)> =
                labels.into_iter().filter(|&(l, _)| (l as usize) < gen::LABEL_BASE as usize).collect();
            starts.sort();
            for (k, &(pc, start)) in starts.iter().enumerate() {
                let Some(message) = messages.get(&(pc as usize)) else { continue };
                let end = starts.get(k + 1).map_or(length as i64, |&(_, o)| o);
                table.push_str(&format!("{ordinal} {start} {end} {message}\n"));
            }
        }
        records.push(Record::Method(Method { name: name.into_bytes(), ordinal, code }));
        if !lines.is_empty() {
            records.push(Record::LineMap(LineMap { ordinal, entries: lines }));
        }
    }
    if !table.is_empty() {
        records.push(Record::Constant(Constant {
            id: NPE_TABLE,
            ty: TypeRef { container: 0, class: b".internal.string".to_vec(), element: Vec::new() },
            value: table.into_bytes(),
        }));
    }
    Ok(())
}

fn push_constants(records: &mut Vec<Record>, consts: &Constants) {
    for (id, s) in consts.strings.iter().enumerate() {
        records.push(Record::Constant(Constant {
            id: id as u32,
            ty: TypeRef { container: 0, class: b".internal.string".to_vec(), element: Vec::new() },
            value: s.clone(),
        }));
    }
}

/// Checks the class file with the bytecode verifier: a translator bug becomes an error that
/// names the Java class, never a bad file.
fn finish(records: Vec<Record>, java: &str) -> Result<ClassFile, Error> {
    let file = ClassFile { records };
    if let Err(errors) = phantom_bytecode::verify(&file) {
        return Err(Error::new(format!("internal translator error in {}: {}", java.replace('/', "."), errors[0])));
    }
    Ok(file)
}

/// The Java runtime library's class files, as javac made them when this crate was built.
static RUNTIME: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/runtime.bin"));

/// What a translation depends on besides its input: the translator's and the runtime
/// library's sources, hashed when the crate was built. Translations cached under it stay valid.
pub const BUILD_ID: &str = env!("PHANTOM_JAVA_BUILD");

/// The runtime library's classes: (internal name, class file).
pub fn runtime_classes() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let take = |at: &mut usize, n: usize| -> &[u8] {
        let s = &RUNTIME[*at..*at + n];
        *at += n;
        s
    };
    while at < RUNTIME.len() {
        let n = u32::from_le_bytes(take(&mut at, 4).try_into().expect("4 bytes")) as usize;
        let name = String::from_utf8_lossy(take(&mut at, n)).into_owned();
        let n = u32::from_le_bytes(take(&mut at, 4).try_into().expect("4 bytes")) as usize;
        out.push((name, take(&mut at, n).to_vec()));
    }
    out
}

/// A universe of the runtime library and the given program classes (a program class of the
/// same name as a runtime one is refused: the runtime's are the ones translated code links).
pub fn universe(program: Vec<(String, Vec<u8>)>) -> Result<Universe, Error> {
    let mut u = Universe::default();
    for (name, bytes) in runtime_classes() {
        u.add(JavaClass::read(bytes, &name)?);
    }
    for (origin, bytes) in program {
        let class = JavaClass::read(bytes, &origin)?;
        if u.get(&class.name).is_some() {
            continue;
        }
        u.add(class);
    }
    Ok(u)
}

/// Translates every class of a universe, the runtime's included, and a launcher for `main`.
pub fn translate_all(u: &Universe, main: Option<&str>) -> Result<Vec<ClassFile>, Error> {
    let mut names: Vec<&String> = u.names().collect();
    names.sort();
    let mut out = Vec::new();
    for name in names.into_iter().filter(|n| !layout::is_internal(n)) {
        out.extend(translate_class(u, name)?);
    }
    if let Some(main) = main {
        out.push(launcher(u, main)?);
    }
    Ok(out)
}
