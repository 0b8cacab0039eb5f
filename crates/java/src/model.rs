//! What the translator needs to know of a Java class, read from its class file with
//! `cafebabe`: names, flags, fields and method signatures. Code is read again per method.

use std::sync::Arc;

use cafebabe::attributes::AttributeData;
use cafebabe::constant_pool::LiteralConstant;
use cafebabe::{ClassAccessFlags, FieldAccessFlags, MethodAccessFlags};

use crate::Error;

/// How a value is held: on the integer stack (by width and kind) or the object stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Int,
    Float,
    Long,
    Double,
    Ref,
}

impl Kind {
    /// The kind of a field descriptor (`I`, `J`, `Ljava/lang/String;`, `[I`...).
    pub fn of(descriptor: &str) -> Kind {
        match descriptor.as_bytes().first() {
            Some(b'J') => Kind::Long,
            Some(b'D') => Kind::Double,
            Some(b'F') => Kind::Float,
            Some(b'L' | b'[') => Kind::Ref,
            _ => Kind::Int,
        }
    }

    /// Cells on the integer stack; 0 for references.
    pub fn cells(self) -> u32 {
        match self {
            Kind::Int | Kind::Float => 1,
            Kind::Long | Kind::Double => 2,
            Kind::Ref => 0,
        }
    }
}

/// A method descriptor split into parameter descriptors and the return descriptor ("V" for void).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub params: Vec<String>,
    pub ret: String,
}

impl Signature {
    pub fn parse(descriptor: &str) -> Option<Signature> {
        let inner = descriptor.strip_prefix('(')?;
        let close = inner.find(')')?;
        let (mut rest, ret) = (&inner[..close], &inner[close + 1..]);
        let mut params = Vec::new();
        while !rest.is_empty() {
            let bytes = rest.as_bytes();
            let mut end = bytes.iter().position(|&b| b != b'[')?;
            end = match bytes[end] {
                b'L' => end + rest[end..].find(';')? + 1,
                b'B' | b'C' | b'D' | b'F' | b'I' | b'J' | b'S' | b'Z' => end + 1,
                _ => return None,
            };
            params.push(rest[..end].to_string());
            rest = &rest[end..];
        }
        if ret.is_empty() {
            return None;
        }
        Some(Signature { params, ret: ret.to_string() })
    }

    pub fn kinds(&self) -> Vec<Kind> {
        self.params.iter().map(|p| Kind::of(p)).collect()
    }

    /// The kind of the result, `None` for void.
    pub fn result(&self) -> Option<Kind> {
        (self.ret != "V").then(|| Kind::of(&self.ret))
    }
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub name: String,
    pub descriptor: String,
    pub is_static: bool,
    /// A `static final` field's ConstantValue attribute.
    pub constant: Option<Constant>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    String(String),
}

#[derive(Clone, Debug)]
pub struct MethodDecl {
    pub name: String,
    pub descriptor: String,
    pub is_static: bool,
    pub is_abstract: bool,
    pub is_native: bool,
    pub is_private: bool,
    pub is_synchronized: bool,
}

impl MethodDecl {
    /// The key that names a method in its class and in `dynamic_invoke`: name and descriptor.
    pub fn key(&self) -> String {
        format!("{}{}", self.name, self.descriptor)
    }
}

/// A Java class as read from its class file.
#[derive(Debug)]
pub struct JavaClass {
    /// The internal name, `java/util/ArrayList`.
    pub name: String,
    pub super_name: Option<String>,
    pub interfaces: Vec<String>,
    pub is_interface: bool,
    pub source_file: Option<String>,
    pub fields: Vec<FieldDecl>,
    pub methods: Vec<MethodDecl>,
    /// The class file, parsed again for each method's code.
    pub bytes: Arc<Vec<u8>>,
}

impl JavaClass {
    pub fn read(bytes: Vec<u8>, origin: &str) -> Result<JavaClass, Error> {
        let bytes = Arc::new(bytes);
        let file = cafebabe::parse_class_with_options(&bytes, cafebabe::ParseOptions::default().parse_bytecode(false))
            .map_err(|e| Error::new(format!("{origin}: not a valid class file: {e}")))?;
        let fields = file
            .fields
            .iter()
            .map(|f| {
                let constant = f.attributes.iter().find_map(|a| match &a.data {
                    AttributeData::ConstantValue(c) => Some(match c {
                        LiteralConstant::Integer(v) => Constant::Int(*v),
                        LiteralConstant::Long(v) => Constant::Long(*v),
                        LiteralConstant::Float(v) => Constant::Float(*v),
                        LiteralConstant::Double(v) => Constant::Double(*v),
                        LiteralConstant::String(s) => Constant::String(s.to_string()),
                        LiteralConstant::StringBytes(b) => Constant::String(String::from_utf8_lossy(b).into_owned()),
                    }),
                    _ => None,
                });
                FieldDecl {
                    name: f.name.to_string(),
                    descriptor: f.descriptor.to_string(),
                    is_static: f.access_flags.contains(FieldAccessFlags::STATIC),
                    constant,
                }
            })
            .collect();
        let methods = file
            .methods
            .iter()
            .map(|m| MethodDecl {
                name: m.name.to_string(),
                descriptor: m.descriptor.to_string(),
                is_static: m.access_flags.contains(MethodAccessFlags::STATIC),
                is_abstract: m.access_flags.contains(MethodAccessFlags::ABSTRACT),
                is_native: m.access_flags.contains(MethodAccessFlags::NATIVE),
                is_private: m.access_flags.contains(MethodAccessFlags::PRIVATE),
                is_synchronized: m.access_flags.contains(MethodAccessFlags::SYNCHRONIZED),
            })
            .collect();
        let source_file = file.attributes.iter().find_map(|a| match &a.data {
            AttributeData::SourceFile(s) => Some(s.to_string()),
            _ => None,
        });
        Ok(JavaClass {
            name: file.this_class.to_string(),
            super_name: file.super_class.as_ref().map(|s| s.to_string()),
            interfaces: file.interfaces.iter().map(|s| s.to_string()).collect(),
            is_interface: file.access_flags.contains(ClassAccessFlags::INTERFACE),
            source_file,
            fields,
            methods,
            bytes: bytes.clone(),
        })
    }

    pub fn method(&self, key: &str) -> Option<&MethodDecl> {
        self.methods.iter().find(|m| m.key() == key)
    }

    pub fn has_static_part(&self) -> bool {
        self.fields.iter().any(|f| f.is_static) || self.methods.iter().any(|m| m.is_static || m.name == "<clinit>")
    }
}
