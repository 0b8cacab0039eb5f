//! What the compiler knows about classes: the internal classes (built in, with the original
//! native ordinals), classes read from `.pc` files, and the classes being compiled.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use phantom_bytecode::{ClassFile, Record};

use crate::types::{Type, OBJECT};

#[derive(Clone, Debug)]
pub struct MethodInfo {
    pub name: String,
    pub ordinal: u32,
    pub params: Vec<Type>,
    pub returns: Type,
    pub ctor: bool,
    /// Built-in methods whose argument list we do not model: any arguments are accepted.
    pub any_args: bool,
    /// For a method of a class being compiled: its position among the class's declared
    /// methods (None for generated default constructors and for other classes).
    pub declared_at: Option<usize>,
}

impl MethodInfo {
    /// The original compiler's method-table key (reference 1.9): name, then `_#_` and each
    /// argument type, or `_#_void` without arguments.
    pub fn key(name: &str, params: &[Type]) -> String {
        let mut key = name.to_string();
        if params.is_empty() {
            key.push_str("_#_void");
        }
        for p in params {
            key.push_str("_#_");
            key.push_str(&p.key_text());
        }
        key
    }
}

#[derive(Clone, Debug)]
pub struct FieldInfo {
    pub name: String,
    pub slot: u32,
    pub ty: Type,
}

#[derive(Clone, Debug)]
pub struct ClassInfo {
    pub name: String,
    pub parent: Option<String>,
    pub interfaces: Vec<String>,
    pub is_interface: bool,
    /// Declared in this class (inherited ones are the parent's).
    pub fields: Vec<FieldInfo>,
    /// All object slots of an instance, inherited ones included.
    pub field_slots: u32,
    pub methods: Vec<MethodInfo>,
    pub method_slots: u32,
    /// Implemented natively by the VM: `new` takes no arguments and runs no constructor.
    pub internal: bool,
}

fn parse_type(text: &str) -> Type {
    match text {
        "?" => Type::Unknown,
        "void" => Type::Void,
        "int" => Type::Int,
        "long" => Type::Long,
        "float" => Type::Float,
        "double" => Type::Double,
        "string" => Type::string(),
        t if t.ends_with("[]") => Type::Array(Box::new(parse_type(&t[..t.len() - 2]))),
        t => Type::Class(t.into()),
    }
}

/// The internal classes as the VM implements them, from the bytecode crate's one table.
pub fn internal_classes() -> Vec<ClassInfo> {
    use phantom_bytecode::internal::{parse_signature, InternalMethod, INTERNAL_CLASSES, OBJECT_PROTOCOL};
    let class = |name: &str, parent: Option<String>, methods: &[InternalMethod]| {
        let methods: Vec<MethodInfo> = methods
            .iter()
            .map(|m| {
                // The table's own test parses every signature.
                let signature = parse_signature(m.signature).expect("internal table signatures parse");
                MethodInfo {
                    name: m.name.to_string(),
                    ordinal: m.ordinal,
                    params: signature.args.iter().flatten().map(|t| parse_type(t)).collect(),
                    returns: parse_type(signature.returns),
                    ctor: false,
                    any_args: signature.args.is_none(),
                    declared_at: None,
                }
            })
            .collect();
        ClassInfo {
            name: name.to_string(),
            parent,
            interfaces: Vec::new(),
            is_interface: false,
            fields: Vec::new(),
            field_slots: 0,
            method_slots: methods.iter().map(|m| m.ordinal + 1).max().unwrap_or(0).max(16),
            methods,
            internal: true,
        }
    };
    std::iter::once(class(OBJECT, None, OBJECT_PROTOCOL))
        .chain(INTERNAL_CLASSES.iter().map(|c| class(c.name, Some(c.parent.to_string()), c.methods)))
        .collect()
}

/// Reads what the compiler needs from a compiled class file: header, signatures, fields.
pub fn class_from_file(file: &ClassFile) -> Option<ClassInfo> {
    let header = file.header()?;
    let name = String::from_utf8_lossy(&header.name).into_owned();
    let parent = String::from_utf8_lossy(&header.parent).into_owned();
    let methods = file
        .signatures()
        .map(|s| {
            let name = String::from_utf8_lossy(&s.name).into_owned();
            MethodInfo {
                ctor: s.ctor.map_or(name == "<init>", |c| c != 0),
                name,
                ordinal: s.ordinal,
                params: s.args.iter().map(|(_, t)| Type::from_typeref(t)).collect(),
                returns: Type::from_typeref(&s.returns),
                any_args: false,
                declared_at: None,
            }
        })
        .collect();
    let fields = file
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Fields(f) => Some(f),
            _ => None,
        })
        .flatten()
        .map(|f| FieldInfo {
            name: String::from_utf8_lossy(&f.name).into_owned(),
            slot: f.ordinal,
            ty: Type::from_typeref(&f.ty),
        })
        .collect();
    Some(ClassInfo {
        name,
        parent: if parent.is_empty() { Some(OBJECT.into()) } else { Some(parent) },
        interfaces: Vec::new(),
        is_interface: false,
        fields,
        field_slots: header.field_slots,
        methods,
        method_slots: header.method_slots,
        internal: false,
    })
}

/// Where compiled classes are looked up: directories of `.pc` files, and class files held in
/// memory (the embedded system library).
#[derive(Default, Clone)]
pub struct ClassPath {
    pub dirs: Vec<PathBuf>,
    pub files: HashMap<String, Vec<u8>>,
}

impl ClassPath {
    /// The class file for `name` (with leading dot), if any: `a.b.c` → `DIR/a.b.c.pc`.
    /// Directories come first, so a program's own version of a class wins over an embedded one
    /// (the VM searches in the same order).
    pub fn find(&self, name: &str) -> Option<(String, Vec<u8>)> {
        let file = format!("{}.pc", name.trim_start_matches('.'));
        for dir in &self.dirs {
            let path = dir.join(&file);
            if let Ok(bytes) = std::fs::read(&path) {
                return Some((path.display().to_string(), bytes));
            }
        }
        self.files.get(name).map(|bytes| (format!("embedded {name}"), bytes.clone()))
    }
}

/// All classes known to one compilation.
pub struct ClassTable {
    pub classes: BTreeMap<String, ClassInfo>,
    pub path: ClassPath,
    /// Names looked up on the class path and not found, so each is searched once.
    missing: HashSet<String>,
    /// Class files that could not be read: (name, reason).
    pub load_errors: Vec<(String, String)>,
}

impl ClassTable {
    pub fn new(path: ClassPath) -> ClassTable {
        let classes = internal_classes().into_iter().map(|c| (c.name.clone(), c)).collect();
        ClassTable { classes, path, missing: HashSet::new(), load_errors: Vec::new() }
    }

    /// A class by absolute name, loading it (and its ancestors) from the class path if needed.
    pub fn lookup(&mut self, name: &str) -> Option<&ClassInfo> {
        if !self.classes.contains_key(name) && !self.missing.contains(name) {
            self.load(name);
        }
        self.classes.get(name)
    }

    pub fn contains(&mut self, name: &str) -> bool {
        self.lookup(name).is_some()
    }

    fn load(&mut self, name: &str) {
        let Some((origin, bytes)) = self.path.find(name) else {
            self.missing.insert(name.to_string());
            return;
        };
        let info = match ClassFile::read(&bytes) {
            Ok(file) => class_from_file(&file),
            Err(e) => {
                self.load_errors.push((name.to_string(), format!("{origin}: {e}")));
                None
            }
        };
        match info {
            Some(info) if info.name == name => {
                let parent = info.parent.clone();
                self.classes.insert(name.to_string(), info);
                if let Some(p) = parent {
                    self.lookup(&p);
                }
            }
            Some(info) => {
                self.load_errors.push((name.to_string(), format!("{origin} holds class {}", info.name)));
                self.missing.insert(name.to_string());
            }
            None => {
                self.missing.insert(name.to_string());
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<&ClassInfo> {
        self.classes.get(name)
    }

    /// The class and its ancestors, nearest first (stops at a cycle or an unknown class).
    pub fn ancestry(&self, name: &str) -> Vec<&ClassInfo> {
        let mut chain = Vec::new();
        let mut next = Some(name.to_string());
        while let Some(n) = next {
            let Some(c) = self.classes.get(&n) else { break };
            if chain.iter().any(|k: &&ClassInfo| k.name == c.name) {
                break;
            }
            chain.push(c);
            next = c.parent.clone();
        }
        chain
    }

    /// Whether class `name` is `ancestor` or descends from it (through parents or interfaces).
    pub fn is_subclass(&self, name: &str, ancestor: &str) -> bool {
        if ancestor == OBJECT {
            return true;
        }
        let mut seen = HashSet::new();
        let mut todo = vec![name.to_string()];
        while let Some(n) = todo.pop() {
            if n == ancestor {
                return true;
            }
            if !seen.insert(n.clone()) {
                continue;
            }
            if let Some(c) = self.classes.get(&n) {
                todo.extend(c.parent.iter().cloned());
                todo.extend(c.interfaces.iter().cloned());
            }
        }
        false
    }

    /// Whether a value of type `from` may be used where `to` is expected.
    pub fn assignable(&self, to: &Type, from: &Type) -> bool {
        match (to, from) {
            _ if to == from => true,
            (Type::Unknown, _) | (_, Type::Unknown) => true,
            (t, f) if t.is_numeric() && f.is_numeric() => true,
            (Type::Class(c), _) if c == OBJECT => true,
            (Type::Class(_) | Type::Array(_), Type::Null) => true,
            (Type::Array(a), Type::Array(b)) => {
                **a == Type::Unknown || **b == Type::Unknown || a == b || self.assignable(a, b)
            }
            (Type::Class(c), Type::Array(_)) => c == crate::types::ARRAY,
            (Type::Class(t), Type::Class(f)) => self.is_subclass(f, t),
            _ => false,
        }
    }

    /// A field visible in `class` (its own or inherited) by name.
    pub fn field(&self, class: &str, name: &str) -> Option<FieldInfo> {
        self.ancestry(class).into_iter().find_map(|c| c.fields.iter().find(|f| f.name == name).cloned())
    }

    /// Chooses the method `name` of `class` (or an ancestor) for arguments of the given
    /// types: an exact signature first, then the first one whose parameters accept them.
    pub fn resolve_method(&self, class: &str, name: &str, args: &[Type]) -> Result<MethodInfo, Vec<MethodInfo>> {
        let chain = self.ancestry(class);
        let mut candidates = Vec::new();
        let wanted = MethodInfo::key(name, args);
        for c in &chain {
            if let Some(m) = c.methods.iter().find(|m| m.name == name && MethodInfo::key(name, &m.params) == wanted) {
                return Ok(m.clone());
            }
        }
        for c in &chain {
            for m in c.methods.iter().filter(|m| m.name == name) {
                if m.any_args
                    || (m.params.len() == args.len() && m.params.iter().zip(args).all(|(p, a)| self.assignable(p, a)))
                {
                    return Ok(m.clone());
                }
                candidates.push(m.clone());
            }
        }
        Err(candidates)
    }
}

/// Java 8 `String.hashCode` (UTF-16 code units).
fn java_hash(s: &str) -> u32 {
    s.encode_utf16().fold(0u32, |h, c| h.wrapping_mul(31).wrapping_add(c as u32))
}

/// The iteration order of a Java 8 `HashMap` filled with `keys` in this order (no removals):
/// the original compiler numbered methods in this order, so following it gives the same
/// automatic ordinals (reference 1.9).
pub fn java_hashmap_order(keys: &[String]) -> Vec<usize> {
    let mut capacity = 16usize;
    while keys.len() * 4 > capacity * 3 {
        capacity *= 2;
    }
    let mut order: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let h = java_hash(k);
            (((h ^ (h >> 16)) as usize) & (capacity - 1), i)
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashmap_order_matches_the_reference_model() {
        // Expected order computed with the reference's model of Java 8 HashMap iteration
        // (original-language.md, appendix A); 13 keys need a 32-bucket table.
        let keys: Vec<String> = [
            "<init>_#_void",
            "print_#_string",
            "long_test_#_void",
            "run_#_unknown",
            "sig_func_#_string",
            "flow_test_#_void",
            "sig_func_#_int",
            "math_test_#_void",
            "a_#_void",
            "b_#_void",
            "c_#_void",
            "d_#_void",
            "e_#_void",
        ]
        .iter()
        .map(|k| k.to_string())
        .collect();
        let order: Vec<&str> = java_hashmap_order(&keys).into_iter().map(|i| keys[i].as_str()).collect();
        assert_eq!(
            order,
            [
                "<init>_#_void",
                "print_#_string",
                "long_test_#_void",
                "a_#_void",
                "b_#_void",
                "c_#_void",
                "run_#_unknown",
                "sig_func_#_string",
                "flow_test_#_void",
                "sig_func_#_int",
                "math_test_#_void",
                "e_#_void",
                "d_#_void"
            ]
        );
    }

    #[test]
    fn internal_table_parses() {
        let classes = internal_classes();
        let string = classes.iter().find(|c| c.name == ".internal.string").unwrap();
        let concat = string.methods.iter().find(|m| m.name == "concat").unwrap();
        assert_eq!(concat.ordinal, 10);
        assert_eq!(string.method_slots, 24);
    }
}
