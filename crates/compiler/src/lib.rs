//! The Phantom language compiler: `.ph` sources to `.pc` class files.
//!
//! [`compile`] takes any number of sources and compiles them together, so classes may refer to
//! each other in any order; classes compiled earlier are found on a [`ClassPath`]. The result
//! holds the class files and every diagnostic (errors and warnings, with locations);
//! [`Sources::render`] shows them with the source line and a caret.

pub mod ast;
pub mod classes;
mod codegen;
pub mod diag;
pub mod lexer;
pub mod parser;
pub mod types;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use phantom_bytecode::classfile::{ClassHeader, Field, LineMap, Method, Signature};
use phantom_bytecode::{ClassFile, Record};

use crate::ast::{ClassDecl, Name, TypeExpr, TypeKind};
pub use crate::classes::ClassPath;
use crate::classes::{ClassInfo, ClassTable, FieldInfo, MethodInfo};
use crate::codegen::{ClassContext, MethodGen};
pub use crate::diag::{Diagnostic, Severity, Sources, Span};
use crate::types::{Type, OBJECT};

/// Recorded in every class file we write (the original wrote a timestamp, so its files were
/// never reproducible).
const VERSION: &[u8] = b"phantom-compiler 1";

/// One source file to compile.
pub struct Source {
    /// Shown in diagnostics; also where `import "file"` resources are looked up from.
    pub path: PathBuf,
    pub text: String,
}

/// The result of a compilation.
pub struct Output {
    /// Compiled classes in source order: absolute name and class file.
    pub classes: Vec<(String, ClassFile)>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

impl Output {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Diagnostics as plain text, as the terminal shows them without colour.
    pub fn render(&self) -> String {
        self.sources.render_plain(&self.diagnostics)
    }
}

/// Names in scope where a class was declared: its package and the imports before it.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub package: Option<String>,
    pub imports: Vec<String>,
}

/// State shared by the phases of one compilation.
pub struct Compiler {
    pub(crate) table: ClassTable,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) sources: Sources,
    paths: Vec<PathBuf>,
}

/// Compiles the sources together. Classes are returned only if there are no errors.
pub fn compile(sources: Vec<Source>, class_path: ClassPath) -> Output {
    // Parsing and code generation recurse over nesting, which the parser bounds; a thread of
    // our own gives that bound the same stack whatever thread the caller runs on.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("phantom-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || compile_here(sources, class_path))
            .map(|worker| worker.join())
    })
    .unwrap_or_else(|e| {
        let mut output = Output { classes: Vec::new(), diagnostics: Vec::new(), sources: Sources::default() };
        output.diagnostics.push(Diagnostic::error(Span::default(), format!("cannot start the compiler thread: {e}")));
        Ok(output)
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Stack of the compiler thread: ample for the deepest nesting the parser accepts.
const COMPILER_STACK: usize = 64 << 20;

fn compile_here(sources: Vec<Source>, class_path: ClassPath) -> Output {
    let mut cx = Compiler {
        table: ClassTable::new(class_path),
        diags: Vec::new(),
        sources: Sources::default(),
        paths: Vec::new(),
    };
    let mut units = Vec::new();
    for source in sources {
        let file = cx.sources.add(source.path.display().to_string(), source.text);
        cx.paths.push(source.path);
        let tokens = lexer::tokenize(cx.sources.text(file), file, &mut cx.diags);
        units.push(parser::parse(&tokens, file, &mut cx.diags));
    }
    let decls: Vec<(usize, &ClassDecl)> =
        units.iter().flat_map(|u| u.classes.iter().map(move |c| (u.file, c))).collect();
    let classes = cx.compile_classes(&decls);
    for (name, reason) in std::mem::take(&mut cx.table.load_errors) {
        cx.diags.push(Diagnostic::error(Span::default(), format!("cannot read the class file of {name}: {reason}")));
    }
    let failed = cx.diags.iter().any(Diagnostic::is_error);
    Output { classes: if failed { Vec::new() } else { classes }, diagnostics: cx.diags, sources: cx.sources }
}

const PRIMITIVE_TYPES: &[(&str, Type)] = &[
    ("int", Type::Int),
    ("long", Type::Long),
    ("float", Type::Float),
    ("double", Type::Double),
    ("char", Type::Int),
    ("boolean", Type::Int),
];

/// A method's arguments: name, type, where declared.
type Params = Vec<(String, Type, Span)>;

/// A class being compiled.
struct Pending<'a> {
    decl: &'a ClassDecl,
    file: usize,
    name: String,
    scope: Scope,
}

impl Compiler {
    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, message));
    }

    /// The absolute class a written name means: package-relative first, then an import with
    /// that last part, then the name taken as absolute.
    pub(crate) fn resolve_class(&mut self, name: &Name, scope: &Scope) -> Result<String, ()> {
        let text = name.text();
        let mut candidates = Vec::new();
        if name.absolute {
            candidates.push(text.clone());
        } else {
            if let Some(p) = &scope.package {
                candidates.push(format!("{p}.{text}"));
            }
            for i in &scope.imports {
                if i.ends_with(&format!(".{text}")) {
                    candidates.push(i.clone());
                }
            }
            candidates.push(format!(".{text}"));
        }
        for c in &candidates {
            if self.table.contains(c) {
                return Ok(c.clone());
            }
        }
        let mut d = Diagnostic::error(name.span, format!("unknown class `{text}`"));
        if candidates.len() > 1 {
            d = d.note(format!("looked for {}", candidates.join(", ")));
        }
        d = d.note("compile it in the same run, or put its .pc file in a directory given with -I");
        self.diags.push(d);
        Err(())
    }

    pub(crate) fn resolve_type(&mut self, t: &TypeExpr, scope: &Scope) -> Result<Type, ()> {
        let base = match &t.kind {
            TypeKind::Void => Type::Void,
            TypeKind::Dynamic => Type::Unknown,
            TypeKind::Named(n) => {
                let primitive = match (n.absolute, n.parts.as_slice()) {
                    (false, [one]) if one == "string" => Some(Type::string()),
                    (false, [one]) => PRIMITIVE_TYPES.iter().find(|(p, _)| p == one).map(|(_, t)| t.clone()),
                    _ => None,
                };
                match primitive {
                    Some(p) => p,
                    None => Type::from_class(&self.resolve_class(n, scope)?),
                }
            }
        };
        Ok(if t.array { Type::Array(Box::new(if base == Type::Void { Type::Unknown } else { base })) } else { base })
    }

    /// The bytes of an `import "file"` resource: next to the source file, else from the
    /// working directory.
    pub(crate) fn read_resource(&self, file: usize, path: &str) -> Result<Vec<u8>, String> {
        let mut tried = Vec::new();
        if let Some(dir) = self.paths.get(file).and_then(|p| p.parent()) {
            let p = dir.join(path);
            match std::fs::read(&p) {
                Ok(b) => return Ok(b),
                Err(_) => tried.push(p.display().to_string()),
            }
        }
        match std::fs::read(path) {
            Ok(b) => Ok(b),
            Err(e) => {
                tried.push(path.to_string());
                Err(format!("cannot read resource `{path}` ({e}); looked at {}", tried.join(" and ")))
            }
        }
    }

    fn compile_classes(&mut self, decls: &[(usize, &ClassDecl)]) -> Vec<(String, ClassFile)> {
        let mut pending: Vec<Pending> = Vec::new();
        let mut declared: HashMap<String, Span> = HashMap::new();
        for &(file, decl) in decls {
            let package = decl.package.as_ref().map(Name::text);
            let text = decl.name.text();
            let name = if decl.name.absolute {
                text
            } else {
                match &package {
                    Some(p) => format!("{p}.{text}"),
                    None => format!(".{text}"),
                }
            };
            if name.starts_with(".internal.") {
                let d =
                    Diagnostic::warning(decl.name.span, format!("`{name}` is an internal class and is not compiled"))
                        .note("the compiler and the VM have the internal classes built in");
                self.diags.push(d);
                continue;
            }
            if let Some(first) = declared.insert(name.clone(), decl.name.span) {
                let where_ = self.sources.location(first);
                self.error(decl.name.span, format!("class `{name}` is declared twice (first at {where_})"));
                continue;
            }
            let scope = Scope { package, imports: decl.imports.iter().map(Name::text).collect() };
            self.table.classes.insert(
                name.clone(),
                ClassInfo {
                    name: name.clone(),
                    parent: None,
                    interfaces: Vec::new(),
                    is_interface: decl.is_interface,
                    fields: Vec::new(),
                    field_slots: 0,
                    methods: Vec::new(),
                    method_slots: 16,
                    internal: false,
                },
            );
            pending.push(Pending { decl, file, name, scope });
        }
        // Imports must name existing classes.
        for p in &pending {
            for i in &p.decl.imports {
                let n = i.text();
                if !self.table.contains(&n) {
                    let d = Diagnostic::error(i.span, format!("cannot find class `{n}` to import"))
                        .note(format!("looked for {}.pc in the -I directories", n.trim_start_matches('.')));
                    if !self.diags.contains(&d) {
                        self.diags.push(d);
                    }
                }
            }
        }
        // Parents and interfaces.
        for p in &pending {
            let parent = match &p.decl.extends {
                Some(n) => match self.resolve_class(n, &p.scope) {
                    Ok(c) => {
                        if self.table.get(&c).is_some_and(|i| i.is_interface) {
                            self.error(n.span, format!("`{c}` is an interface: use `implements`"));
                        }
                        c
                    }
                    Err(()) => OBJECT.to_string(),
                },
                None => OBJECT.to_string(),
            };
            let mut interfaces = Vec::new();
            for n in &p.decl.implements {
                if let Ok(c) = self.resolve_class(n, &p.scope) {
                    interfaces.push(c);
                }
            }
            if let Some(info) = self.table.classes.get_mut(&p.name) {
                info.parent = if p.decl.is_interface { Some(OBJECT.into()) } else { Some(parent) };
                info.interfaces = interfaces;
            }
        }
        // Parents before children.
        let order = self.order(&pending);
        for &i in &order {
            self.layout(&pending[i]);
        }
        let mut out = Vec::new();
        for p in &pending {
            if let Some(file) = self.generate(p) {
                out.push((p.name.clone(), file));
            }
        }
        out
    }

    /// Indexes of `pending` with every class after its parent and interfaces; reports cycles.
    fn order(&mut self, pending: &[Pending]) -> Vec<usize> {
        let index: HashMap<&str, usize> = pending.iter().enumerate().map(|(i, p)| (p.name.as_str(), i)).collect();
        let mut state = vec![0u8; pending.len()]; // 0 new, 1 visiting, 2 done
        let mut order = Vec::new();
        for start in 0..pending.len() {
            let mut stack = vec![(start, false)];
            while let Some((i, expanded)) = stack.pop() {
                if expanded {
                    state[i] = 2;
                    order.push(i);
                    continue;
                }
                if state[i] != 0 {
                    continue;
                }
                state[i] = 1;
                stack.push((i, true));
                let info = self.table.get(&pending[i].name);
                let deps: Vec<String> =
                    info.map(|c| c.parent.iter().chain(c.interfaces.iter()).cloned().collect()).unwrap_or_default();
                for d in deps {
                    if let Some(&j) = index.get(d.as_str()) {
                        if state[j] == 1 {
                            let span = pending[i].decl.name.span;
                            self.error(span, format!("class `{}` is its own ancestor", pending[i].name));
                            if let Some(c) = self.table.classes.get_mut(&pending[i].name) {
                                c.parent = Some(OBJECT.into());
                            }
                        } else if state[j] == 0 {
                            stack.push((j, false));
                        }
                    }
                }
            }
        }
        order
    }

    /// Field slots, method signatures and ordinals of a class (its ancestors are done).
    fn layout(&mut self, p: &Pending) {
        let decl = p.decl;
        let parent = self.table.get(&p.name).and_then(|c| c.parent.clone()).unwrap_or_else(|| OBJECT.into());
        let (parent_fields, parent_methods) =
            self.table.get(&parent).map(|c| (c.field_slots, c.method_slots.max(16))).unwrap_or((0, 16));
        // Fields continue after all inherited slots (the original counted only the parent's own).
        let mut fields: Vec<FieldInfo> = Vec::new();
        for f in &decl.fields {
            if decl.is_interface {
                self.error(f.span, "an interface has no fields");
                continue;
            }
            if fields.iter().any(|g| g.name == f.name) {
                self.error(f.span, format!("field `{}` is declared twice", f.name));
                continue;
            }
            if let Some(owner) = self.table.ancestry(&parent).iter().find(|c| c.fields.iter().any(|g| g.name == f.name))
            {
                let owner = owner.name.clone();
                self.error(f.span, format!("field `{}` is already declared in parent class `{owner}`", f.name));
                continue;
            }
            let ty = match &f.ty {
                Some(t) => self.resolve_type(t, &p.scope).unwrap_or(Type::Unknown),
                None => Type::Unknown,
            };
            fields.push(FieldInfo { name: f.name.clone(), slot: parent_fields + fields.len() as u32, ty });
        }
        let short = p.name.rsplit('.').next().unwrap_or_default().to_string();
        let mut methods: Vec<(MethodInfo, Option<u32>, Span)> = Vec::new();
        for (declared_at, m) in decl.methods.iter().enumerate() {
            let ctor = m.name == short && !decl.is_interface;
            let returns = self.resolve_type(&m.returns, &p.scope).unwrap_or(Type::Unknown);
            if ctor && returns != Type::Void {
                self.error(m.returns.span, format!("constructor `{}` must be declared `void`", m.name));
            }
            if m.body.is_none() && !decl.is_interface {
                self.error(m.span, format!("method `{}` needs a body", m.name));
            }
            if m.body.is_some() && decl.is_interface {
                self.error(m.span, "interface methods have no body: end the declaration with `;`");
            }
            let params: Vec<Type> = m
                .params
                .iter()
                .map(|a| match &a.ty {
                    Some(t) => self.resolve_type(t, &p.scope).unwrap_or(Type::Unknown),
                    None => Type::Unknown,
                })
                .collect();
            let name = if ctor { "<init>".to_string() } else { m.name.clone() };
            let info =
                MethodInfo { name, ordinal: 0, params, returns, ctor, any_args: false, declared_at: Some(declared_at) };
            let key = MethodInfo::key(&info.name, &info.params);
            if methods.iter().any(|(o, _, _)| MethodInfo::key(&o.name, &o.params) == key) {
                self.error(m.span, format!("method `{}` with these argument types is declared twice", m.name));
                continue;
            }
            methods.push((info, m.ordinal.map(|o| o.0), m.span));
        }
        let mut used: HashMap<u32, String> = HashMap::new();
        let mut assigned: Vec<Option<u32>> = vec![None; methods.len()];
        for (i, (m, explicit, span)) in methods.iter().enumerate() {
            if let Some(o) = explicit {
                if let Some(other) = used.insert(*o, m.name.clone()) {
                    self.error(*span, format!("ordinal {o} is already used by method `{other}`"));
                }
                assigned[i] = Some(*o);
            }
        }
        // An overriding method takes the ordinal of the method it overrides.
        for (i, (m, explicit, span)) in methods.iter().enumerate() {
            let Some(over) = self.overridden(&parent, &p.name, m) else { continue };
            if !self.table.assignable(&over.returns, &m.returns) && !matches!(over.returns, Type::Void | Type::Unknown)
            {
                self.error(
                    *span,
                    format!(
                        "`{}` overrides a method returning {}, but returns {}",
                        m.name,
                        over.returns.display(),
                        m.returns.display()
                    ),
                );
            }
            match explicit {
                Some(o) if *o != over.ordinal => {
                    let d = Diagnostic::warning(
                        *span,
                        format!("`{}` overrides ordinal {}, but is pinned to {o}", m.name, over.ordinal),
                    )
                    .note("calls through the parent's type will not reach this method");
                    self.diags.push(d);
                }
                Some(_) => {}
                None => {
                    if let Some(other) = used.get(&over.ordinal).cloned() {
                        // An interface's ordinal taken by an inherited method: the original never
                        // unified them either, so the method gets an ordinal of its own.
                        let d = Diagnostic::warning(
                            *span,
                            format!(
                                "`{}` cannot take ordinal {} of the method it implements: `{other}` uses it",
                                m.name, over.ordinal
                            ),
                        )
                        .note("calls through the interface's type will not reach this method");
                        self.diags.push(d);
                    } else {
                        used.insert(over.ordinal, m.name.clone());
                        assigned[i] = Some(over.ordinal);
                    }
                }
            }
        }
        // The rest: the original compiler's order (Java HashMap order of the method keys).
        let keys: Vec<String> = methods.iter().map(|(m, _, _)| MethodInfo::key(&m.name, &m.params)).collect();
        let mut next = parent_methods;
        for i in classes::java_hashmap_order(&keys) {
            if assigned[i].is_some() {
                continue;
            }
            while used.contains_key(&next) {
                next += 1;
            }
            used.insert(next, methods[i].0.name.clone());
            assigned[i] = Some(next);
        }
        let mut infos: Vec<MethodInfo> = methods
            .into_iter()
            .zip(assigned)
            .map(|((mut m, _, _), o)| {
                m.ordinal = o.unwrap_or(0);
                m
            })
            .collect();
        if !decl.is_interface && !infos.iter().any(|m| m.ctor) {
            let mut ctor = MethodInfo {
                name: "<init>".into(),
                ordinal: 0,
                params: Vec::new(),
                returns: Type::Void,
                ctor: true,
                any_args: false,
                declared_at: None,
            };
            ctor.ordinal = match self.overridden(&parent, &p.name, &ctor) {
                Some(o) if !used.contains_key(&o.ordinal) => o.ordinal,
                _ => {
                    while used.contains_key(&next) {
                        next += 1;
                    }
                    next
                }
            };
            infos.push(ctor);
        }
        let method_slots = infos.iter().map(|m| m.ordinal + 1).max().unwrap_or(0).max(parent_methods);
        let field_slots = parent_fields + fields.len() as u32;
        if let Some(c) = self.table.classes.get_mut(&p.name) {
            c.fields = fields;
            c.field_slots = field_slots;
            c.methods = infos;
            c.method_slots = method_slots;
        }
        self.check_interfaces(p);
    }

    /// The inherited method `m` overrides, if any: same signature, else same name and count
    /// with parameters that accept ours. Interfaces count; constructors override only
    /// constructors of compiled (not internal) parents.
    fn overridden(&self, parent: &str, class: &str, m: &MethodInfo) -> Option<MethodInfo> {
        let key = MethodInfo::key(&m.name, &m.params);
        let mut chain: Vec<&ClassInfo> = self.table.ancestry(parent);
        if let Some(c) = self.table.get(class) {
            for i in &c.interfaces {
                chain.extend(self.table.ancestry(i));
            }
        }
        if m.ctor {
            let p = self.table.get(parent)?;
            if p.internal {
                return None;
            }
            return p.methods.iter().find(|o| o.ctor && MethodInfo::key(&o.name, &o.params) == key).cloned();
        }
        let candidates = || chain.iter().flat_map(|c| c.methods.iter()).filter(|o| !o.ctor && o.name == m.name);
        candidates()
            .find(|o| MethodInfo::key(&o.name, &o.params) == key)
            .or_else(|| {
                candidates().find(|o| {
                    o.params.len() == m.params.len()
                        && o.params.iter().zip(&m.params).all(|(a, b)| self.table.assignable(a, b))
                })
            })
            .cloned()
    }

    fn check_interfaces(&mut self, p: &Pending) {
        let Some(info) = self.table.get(&p.name).cloned() else { return };
        if info.is_interface {
            return;
        }
        let mut seen = HashSet::new();
        let mut todo = info.interfaces.clone();
        while let Some(i) = todo.pop() {
            if !seen.insert(i.clone()) {
                continue;
            }
            let Some(iface) = self.table.get(&i).cloned() else { continue };
            todo.extend(iface.interfaces.iter().cloned());
            for m in &iface.methods {
                let found = self
                    .table
                    .ancestry(&p.name)
                    .iter()
                    .any(|c| c.methods.iter().any(|o| o.name == m.name && o.params.len() == m.params.len()));
                if !found {
                    self.error(
                        p.decl.name.span,
                        format!("class `{}` does not implement `{}` of interface `{i}`", p.name, m.name),
                    );
                }
            }
        }
    }

    /// Code and class file of one class.
    fn generate(&mut self, p: &Pending) -> Option<ClassFile> {
        let info = self.table.get(&p.name)?.clone();
        let parent = info.parent.clone().unwrap_or_else(|| OBJECT.into());
        let parent_ctor = match self.table.get(&parent) {
            Some(pi) if !pi.internal && !info.is_interface => {
                match pi.methods.iter().find(|m| m.ctor && m.params.is_empty()) {
                    Some(m) => Some((parent.clone(), m.ordinal)),
                    None => {
                        let span = p.decl.extends.as_ref().map_or(p.decl.name.span, |n| n.span);
                        self.error(span, format!("parent class `{parent}` has no constructor without arguments"));
                        None
                    }
                }
            }
            _ => None,
        };
        let mut class = ClassContext { name: p.name.clone(), scope: p.scope.clone(), constants: Vec::new() };
        let mut records = vec![Record::Class(ClassHeader {
            name: p.name.clone().into_bytes(),
            field_slots: info.field_slots,
            method_slots: info.method_slots,
            parent: parent.clone().into_bytes(),
            version: VERSION.to_vec(),
        })];
        let mut methods = info.methods.clone();
        methods.sort_by_key(|m| m.ordinal);
        let mut ok = true;
        for m in &methods {
            let decl = m.declared_at.and_then(|i| p.decl.methods.get(i));
            let (params, body, end): (Params, &[ast::Stmt], Span) = match decl {
                Some(d) => (
                    d.params.iter().zip(&m.params).map(|(a, t)| (a.name.clone(), t.clone(), a.span)).collect(),
                    d.body.as_deref().unwrap_or(&[]),
                    d.end,
                ),
                None => (Vec::new(), &[], p.decl.span),
            };
            let gen = MethodGen::new(self, &mut class, p.file, m.returns.clone());
            let ctor_call = if m.ctor { parent_ctor.clone() } else { None };
            let zero_fields: Vec<(u32, Type)> = if m.ctor {
                info.fields.iter().filter(|f| f.ty.is_numeric()).map(|f| (f.slot, f.ty.clone())).collect()
            } else {
                Vec::new()
            };
            let Ok((items, _)) = gen.method(&params, body, ctor_call, &zero_fields, end) else {
                ok = false;
                continue;
            };
            let (code, lines) = match phantom_bytecode::emit::assemble(&items) {
                Ok(x) => x,
                Err(e) => {
                    self.error(end, format!("internal compiler error in `{}`: {e}", m.name));
                    ok = false;
                    continue;
                }
            };
            records.push(Record::Method(Method { name: m.name.clone().into_bytes(), ordinal: m.ordinal, code }));
            records.push(Record::Signature(Signature {
                name: m.name.clone().into_bytes(),
                ordinal: m.ordinal,
                ctor: Some(m.ctor as i32),
                returns: m.returns.to_typeref(),
                args: params.iter().map(|(n, t, _)| (n.clone().into_bytes(), t.to_typeref())).collect(),
            }));
            records.push(Record::LineMap(LineMap { ordinal: m.ordinal, entries: lines }));
        }
        if !info.fields.is_empty() {
            records.push(Record::Fields(
                info.fields
                    .iter()
                    .map(|f| Field { name: f.name.clone().into_bytes(), ordinal: f.slot, ty: f.ty.to_typeref() })
                    .collect(),
            ));
        }
        for (id, value) in class.constants.iter().enumerate() {
            records.push(Record::Constant(phantom_bytecode::classfile::Constant {
                id: id as u32,
                ty: Type::string().to_typeref(),
                value: value.clone(),
            }));
        }
        if !ok || self.diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        let file = ClassFile { records };
        if let Err(errors) = phantom_bytecode::verify(&file) {
            for e in errors {
                self.error(
                    p.decl.name.span,
                    format!("internal compiler error: the generated code fails verification: {e}"),
                );
            }
            return None;
        }
        Some(file)
    }
}

impl Output {
    /// Writes the diagnostics to standard error, in colour when it is a terminal.
    pub fn eprint(&self) {
        use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
        use std::io::IsTerminal;
        let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
        let mut stderr = StandardStream::stderr(choice);
        self.sources.render(&self.diagnostics, &mut stderr);
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}
