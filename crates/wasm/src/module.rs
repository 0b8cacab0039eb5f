//! A module decoded and validated by `wasmparser`, with every function compiled (`compile`).

use std::collections::HashMap;

use wasmparser::{
    ConstExpr, DataKind, ElementItems, ElementKind, ExternalKind, Operator, Parser, Payload, TypeRef, ValType,
    Validator, WasmFeatures,
};

use crate::compile::{compile_function, Function};
use crate::Error;

/// Bytes in a page of linear memory.
pub const PAGE: u64 = 65536;
/// Pages a memory may have (4 GiB, wasm32's whole space).
pub const MAX_PAGES: u64 = 65536;
/// A module may ask for at most this many table entries, globals and functions: a hostile
/// module must not make the decoder take gigabytes.
pub(crate) const MAX_TABLE: u64 = 1 << 20;

/// A function's parameters and results, as value kinds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<Kind>,
    pub results: Vec<Kind>,
}

/// The four value types of the subset we run (no SIMD or references).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    I32,
    I64,
    F32,
    F64,
}

impl Kind {
    fn of(t: ValType, offset: usize) -> Result<Kind, Error> {
        Ok(match t {
            ValType::I32 => Kind::I32,
            ValType::I64 => Kind::I64,
            ValType::F32 => Kind::F32,
            ValType::F64 => Kind::F64,
            other => return Err(Error::unsupported(format!("values of type {other:?}"), offset)),
        })
    }
}

/// An imported function: module and field names with its signature.
#[derive(Clone, Debug)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub signature: u32,
}

/// A global's initial value.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Init {
    Value(u64),
    /// The value of an imported global (none are supported, so never made) or another global.
    Global(u32),
}

#[derive(Clone, Debug)]
pub(crate) struct Segment {
    pub offset: Init,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug)]
pub(crate) struct ElementSegment {
    pub offset: Init,
    pub functions: Vec<u32>,
}

/// A validated module, ready to instantiate.
#[derive(Debug)]
pub struct Module {
    pub(crate) signatures: Vec<Signature>,
    /// Every signature by its canonical index: `call_indirect` compares these.
    pub(crate) canonical: Vec<u32>,
    pub imports: Vec<Import>,
    /// The signature of every function, imports first.
    pub(crate) func_types: Vec<u32>,
    /// Bodies of the defined functions (index minus the number of imports).
    pub(crate) functions: Vec<Function>,
    pub(crate) globals: Vec<(Kind, bool, Init)>,
    pub(crate) memory: Option<(u64, Option<u64>)>,
    pub(crate) table: Option<(u64, Option<u64>)>,
    pub(crate) data: Vec<Segment>,
    pub(crate) elements: Vec<ElementSegment>,
    pub(crate) exports: HashMap<String, (ExternalKind, u32)>,
    pub(crate) start: Option<u32>,
    pub(crate) names: HashMap<u32, String>,
}

/// The proposals the interpreter implements on top of WebAssembly 1.0.
fn features() -> WasmFeatures {
    WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::FLOATS
}

impl Module {
    /// Decodes and validates `bytes`, then compiles every function.
    pub fn new(bytes: &[u8]) -> Result<Module, Error> {
        let mut validator = Validator::new_with_features(features());
        let mut m = Module {
            signatures: Vec::new(),
            canonical: Vec::new(),
            imports: Vec::new(),
            func_types: Vec::new(),
            functions: Vec::new(),
            globals: Vec::new(),
            memory: None,
            table: None,
            data: Vec::new(),
            elements: Vec::new(),
            exports: HashMap::new(),
            start: None,
            names: HashMap::new(),
        };
        let mut bodies = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(Error::invalid)?;
            match validator.payload(&payload).map_err(Error::invalid)? {
                wasmparser::ValidPayload::Func(func, body) => bodies.push((func, body)),
                wasmparser::ValidPayload::End(_) => break,
                _ => {}
            }
            m.read_payload(payload)?;
        }
        let imported = m.imports.len() as u32;
        let mut allocations = Default::default();
        for (k, (func, body)) in bodies.into_iter().enumerate() {
            let mut validator = func.into_validator(allocations);
            validator.validate(&body).map_err(Error::invalid)?;
            let index = imported + k as u32;
            let signature = &m.signatures[m.func_types[index as usize] as usize];
            m.functions.push(compile_function(&m, index, signature, &body)?);
            allocations = validator.into_allocations();
        }
        Ok(m)
    }

    fn read_payload(&mut self, payload: Payload<'_>) -> Result<(), Error> {
        match payload {
            Payload::TypeSection(reader) => {
                let offset = reader.range().start;
                for ty in reader.into_iter_err_on_gc_types() {
                    let ty = ty.map_err(Error::invalid)?;
                    let kinds = |ts: &[ValType]| ts.iter().map(|&t| Kind::of(t, offset)).collect::<Result<Vec<_>, _>>();
                    let signature = Signature { params: kinds(ty.params())?, results: kinds(ty.results())? };
                    let canonical =
                        self.signatures.iter().position(|s| *s == signature).unwrap_or(self.signatures.len()) as u32;
                    self.canonical.push(canonical);
                    self.signatures.push(signature);
                }
            }
            Payload::ImportSection(reader) => {
                let offset = reader.range().start;
                for import in reader {
                    let import = import.map_err(Error::invalid)?;
                    match import.ty {
                        TypeRef::Func(signature) => {
                            self.func_types.push(signature);
                            self.imports.push(Import {
                                module: import.module.to_string(),
                                name: import.name.to_string(),
                                signature,
                            });
                        }
                        _ => {
                            return Err(Error::unsupported(
                                format!("importing {}.{} (only functions can be imported)", import.module, import.name),
                                offset,
                            ))
                        }
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    self.func_types.push(ty.map_err(Error::invalid)?);
                }
            }
            Payload::TableSection(reader) => {
                let offset = reader.range().start;
                for table in reader {
                    let table = table.map_err(Error::invalid)?;
                    if table.ty.initial > MAX_TABLE {
                        return Err(Error::unsupported(format!("a table of {} entries", table.ty.initial), offset));
                    }
                    self.table = Some((table.ty.initial, table.ty.maximum));
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    let memory = memory.map_err(Error::invalid)?;
                    self.memory = Some((memory.initial, memory.maximum));
                }
            }
            Payload::GlobalSection(reader) => {
                let offset = reader.range().start;
                for global in reader {
                    let global = global.map_err(Error::invalid)?;
                    let kind = Kind::of(global.ty.content_type, offset)?;
                    self.globals.push((kind, global.ty.mutable, const_value(&global.init_expr)?));
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(Error::invalid)?;
                    self.exports.insert(export.name.to_string(), (export.kind, export.index));
                }
            }
            Payload::StartSection { func, .. } => self.start = Some(func),
            Payload::ElementSection(reader) => {
                for element in reader {
                    let element = element.map_err(Error::invalid)?;
                    let ElementKind::Active { offset_expr, .. } = element.kind else {
                        // Passive and declared segments serve table instructions we do not run.
                        continue;
                    };
                    let functions = match element.items {
                        ElementItems::Functions(reader) => {
                            reader.into_iter().collect::<Result<Vec<_>, _>>().map_err(Error::invalid)?
                        }
                        ElementItems::Expressions(_, reader) => {
                            let mut functions = Vec::new();
                            for expr in reader {
                                let expr = expr.map_err(Error::invalid)?;
                                match expr.get_operators_reader().read().map_err(Error::invalid)? {
                                    Operator::RefFunc { function_index } => functions.push(function_index),
                                    _ => return Err(Error::unsupported("a null reference in a table segment", 0)),
                                }
                            }
                            functions
                        }
                    };
                    self.elements.push(ElementSegment { offset: const_value(&offset_expr)?, functions });
                }
            }
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(Error::invalid)?;
                    if let DataKind::Active { offset_expr, .. } = data.kind {
                        self.data.push(Segment { offset: const_value(&offset_expr)?, bytes: data.data.to_vec() });
                    }
                }
            }
            Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    // Names only improve messages: a damaged name section is ignored.
                    for name in reader.into_iter().flatten() {
                        if let wasmparser::Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                self.names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The function `name` exports.
    pub fn export_function(&self, name: &str) -> Option<u32> {
        match self.exports.get(name) {
            Some((ExternalKind::Func, index)) => Some(*index),
            _ => None,
        }
    }

    /// Every exported function's name, sorted.
    pub fn exported_functions(&self) -> Vec<&str> {
        let mut names: Vec<&str> =
            self.exports.iter().filter(|(_, (kind, _))| *kind == ExternalKind::Func).map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The signature of function `index`.
    pub fn signature_of(&self, index: u32) -> &Signature {
        &self.signatures[self.func_types[index as usize] as usize]
    }

    /// The function's name from the name section, or `function N`.
    pub fn function_name(&self, index: u32) -> String {
        match self.names.get(&index) {
            Some(name) => name.clone(),
            None => format!("function {index}"),
        }
    }

    /// The compiled instructions of defined function `index`, one a line (for the curious and
    /// for tuning the compiler).
    pub fn disassemble(&self, index: u32) -> String {
        let Some(f) = index.checked_sub(self.imports.len() as u32).and_then(|k| self.functions.get(k as usize)) else {
            return String::new();
        };
        let mut out = format!("{} (locals {}, frame {})\n", self.function_name(index), f.locals, f.frame);
        for (k, op) in f.code.iter().enumerate() {
            out.push_str(&format!("{k:5} @{:#06x} {op:?}\n", f.offsets[k]));
        }
        out
    }

    /// Whether the module has a linear memory, and its initial size in bytes.
    pub fn initial_memory(&self) -> u64 {
        self.memory.map_or(0, |(initial, _)| initial * PAGE)
    }

    pub(crate) fn max_pages(&self) -> u64 {
        self.memory.and_then(|(_, max)| max).unwrap_or(MAX_PAGES).min(MAX_PAGES)
    }
}

fn const_value(expr: &ConstExpr<'_>) -> Result<Init, Error> {
    let mut reader = expr.get_operators_reader();
    let offset = reader.original_position();
    Ok(match reader.read().map_err(Error::invalid)? {
        Operator::I32Const { value } => Init::Value(value as u32 as u64),
        Operator::I64Const { value } => Init::Value(value as u64),
        Operator::F32Const { value } => Init::Value(value.bits() as u64),
        Operator::F64Const { value } => Init::Value(value.bits()),
        Operator::GlobalGet { global_index } => Init::Global(global_index),
        other => return Err(Error::unsupported(format!("the constant expression {other:?}"), offset)),
    })
}
