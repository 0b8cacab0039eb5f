//! Compile-time types and their class-file form.

use phantom_bytecode::classfile::TypeRef;
use phantom_bytecode::TypePrefix;

pub const OBJECT: &str = ".internal.object";
pub const STRING: &str = ".internal.string";
pub const ARRAY: &str = ".internal.container.array";
pub const VOID: &str = ".internal.void";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Void,
    /// Untyped: `var x;`, results of calls by ordinal. Anything goes, checked at run time.
    Unknown,
    /// The type of `null`.
    Null,
    Int,
    Long,
    Float,
    Double,
    /// A class by absolute name (strings are `.internal.string`).
    Class(String),
    /// A growable array (`.internal.container.array`) of elements of a type.
    Array(Box<Type>),
}

impl Type {
    pub fn string() -> Type {
        Type::Class(STRING.into())
    }

    pub fn object() -> Type {
        Type::Class(OBJECT.into())
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Int | Type::Long | Type::Float | Type::Double)
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Type::Class(c) if c == STRING)
    }

    /// Position in the widening order int < long < float < double.
    pub fn rank(&self) -> u8 {
        match self {
            Type::Int => 0,
            Type::Long => 1,
            Type::Float => 2,
            Type::Double => 3,
            _ => 0,
        }
    }

    /// The type prefix for operations on this numeric type (none for int).
    pub fn prefix(&self) -> Option<TypePrefix> {
        match self {
            Type::Long => Some(TypePrefix::Long),
            Type::Float => Some(TypePrefix::Float),
            Type::Double => Some(TypePrefix::Double),
            _ => None,
        }
    }

    /// Cells the value takes on the integer stack.
    pub fn cells(&self) -> u32 {
        self.prefix().map_or(1, |p| p.cells())
    }

    /// The class of values of this type, when there is one.
    pub fn class_name(&self) -> Option<String> {
        Some(match self {
            Type::Int => ".internal.int".into(),
            Type::Long => ".internal.long".into(),
            Type::Float => ".internal.float".into(),
            Type::Double => ".internal.double".into(),
            Type::Class(c) => c.clone(),
            Type::Array(_) => ARRAY.into(),
            Type::Void | Type::Unknown | Type::Null => return None,
        })
    }

    /// The type named by an absolute class name.
    pub fn from_class(name: &str) -> Type {
        match name {
            ".internal.int" => Type::Int,
            ".internal.long" => Type::Long,
            ".internal.float" => Type::Float,
            ".internal.double" => Type::Double,
            VOID => Type::Void,
            "" => Type::Unknown,
            _ => Type::Class(name.into()),
        }
    }

    /// How the original compiler spells the type in method-table keys (reference 1.9).
    pub fn key_text(&self) -> String {
        match self {
            Type::Void => "void".into(),
            Type::Unknown | Type::Null => "unknown".into(),
            Type::Int => "int".into(),
            Type::Long => "long".into(),
            Type::Float => "float".into(),
            Type::Double => "double".into(),
            Type::Class(c) if c == STRING => "string".into(),
            Type::Class(c) => c.clone(),
            Type::Array(e) => format!("{}[]", e.key_text()),
        }
    }

    /// How error messages show the type.
    pub fn display(&self) -> String {
        match self {
            Type::Null => "null".into(),
            Type::Unknown => "untyped".into(),
            Type::Array(e) => format!("{}[]", e.display()),
            _ => self.key_text(),
        }
    }

    pub fn to_typeref(&self) -> TypeRef {
        match self {
            Type::Array(e) => TypeRef {
                container: 1,
                class: ARRAY.as_bytes().to_vec(),
                element: e.class_name().unwrap_or_default().into_bytes(),
            },
            Type::Void => TypeRef { container: 0, class: VOID.as_bytes().to_vec(), element: Vec::new() },
            other => TypeRef {
                container: 0,
                class: other.class_name().unwrap_or_default().into_bytes(),
                element: Vec::new(),
            },
        }
    }

    pub fn from_typeref(t: &TypeRef) -> Type {
        let class = String::from_utf8_lossy(&t.class).into_owned();
        if t.container != 0 {
            let element = String::from_utf8_lossy(&t.element).into_owned();
            return Type::Array(Box::new(Type::from_class(&element)));
        }
        Type::from_class(&class)
    }
}
