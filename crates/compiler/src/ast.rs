//! The syntax tree the parser builds.

use crate::diag::Span;

/// A dotted name. `absolute` when written with a leading dot (`.internal.string`).
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub parts: Vec<String>,
    pub absolute: bool,
    pub span: Span,
}

impl Name {
    pub fn text(&self) -> String {
        let joined = self.parts.join(".");
        if self.absolute {
            format!(".{joined}")
        } else {
            joined
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Void,
    Named(Name),
    /// `*expr`: a type computed at run time; we treat it as untyped.
    Dynamic,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeKind,
    /// `T[]`: an array of T.
    pub array: bool,
    pub span: Span,
}

#[derive(Debug)]
pub struct Unit {
    pub file: usize,
    pub classes: Vec<ClassDecl>,
    pub imports: Vec<Name>,
}

#[derive(Debug)]
pub struct ClassDecl {
    pub name: Name,
    /// The package in force where the class was declared.
    pub package: Option<Name>,
    pub is_interface: bool,
    pub extends: Option<Name>,
    pub implements: Vec<Name>,
    pub fields: Vec<FieldDecl>,
    pub methods: Vec<MethodDecl>,
    /// Imports seen before the class, for resolving short names.
    pub imports: Vec<Name>,
    pub span: Span,
}

#[derive(Debug)]
pub struct FieldDecl {
    pub name: String,
    pub ty: Option<TypeExpr>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub ty: Option<TypeExpr>,
    pub span: Span,
}

#[derive(Debug)]
pub struct MethodDecl {
    pub name: String,
    pub returns: TypeExpr,
    pub params: Vec<Param>,
    pub ordinal: Option<(u32, Span)>,
    /// None for an interface method.
    pub body: Option<Vec<Stmt>>,
    pub span: Span,
    /// The closing brace, for the implicit return's line.
    pub end: Span,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum SwitchItem {
    Case(Expr),
    Default(Span),
    Stmt(Stmt),
}

#[derive(Debug)]
pub enum StmtKind {
    Empty,
    Block(Vec<Stmt>),
    If {
        cond: Expr,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
    },
    While {
        cond: Expr,
        body: Box<Stmt>,
    },
    /// `do body while (cond) post`: the original's loop with an optional statement after the test.
    DoWhile {
        body: Box<Stmt>,
        cond: Expr,
        post: Option<Box<Stmt>>,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        step: Vec<Expr>,
        body: Box<Stmt>,
    },
    Foreach {
        var: String,
        var_span: Span,
        iterable: Expr,
        body: Box<Stmt>,
    },
    Switch {
        value: Expr,
        items: Vec<SwitchItem>,
    },
    Try {
        body: Box<Stmt>,
        catch_type: TypeExpr,
        var: String,
        var_span: Span,
        handler: Box<Stmt>,
    },
    Throw(Expr),
    Return(Option<Expr>),
    Break,
    Continue,
    Var {
        name: String,
        ty: Option<TypeExpr>,
        init: Option<Expr>,
    },
    Expr(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    BitOr,
    BitXor,
    BitAnd,
    Eq,
    Ne,
    RefEq,
    RefNe,
    Lt,
    Gt,
    Le,
    Ge,
    Shl,
    Shr,
    Ushr,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Or => "||",
            And => "&&",
            BitOr => "|",
            BitXor => "^",
            BitAnd => "&",
            Eq => "==",
            Ne => "!=",
            RefEq => ":==",
            RefNe => ":!=",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            Shl => "<<",
            Shr => ">>",
            Ushr => ">>>",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    Name(String),
    /// `x.16(...)`: a call by method ordinal.
    Ordinal(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Written inside parentheses: precedence warnings do not apply.
    pub parens: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    Str(Vec<u8>),
    /// `import "path"`: the bytes of a file as a string constant.
    Resource(String),
    Null,
    This,
    Ident(String),
    Call {
        receiver: Option<Box<Expr>>,
        callee: Callee,
        args: Vec<Expr>,
    },
    Index {
        array: Box<Expr>,
        index: Box<Expr>,
    },
    Assign {
        target: Box<Expr>,
        op: Option<BinOp>,
        value: Box<Expr>,
    },
    /// `++x`, `x--`...
    Step {
        target: Box<Expr>,
        increment: bool,
        prefix: bool,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Not(Box<Expr>),
    Neg(Box<Expr>),
    BitNot(Box<Expr>),
    Cast {
        ty: TypeExpr,
        expr: Box<Expr>,
    },
    New {
        ty: TypeExpr,
        args: Vec<Expr>,
    },
    /// `new *(classExpr) [: T] ()`: instantiate a class object computed at run time.
    NewDynamic {
        class: Box<Expr>,
        ty: Option<TypeExpr>,
        args: Vec<Expr>,
    },
    Conditional {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    InstanceOf {
        expr: Box<Expr>,
        ty: TypeExpr,
    },
    /// A hidden local the code generator made (never produced by the parser).
    Temp {
        slot: u32,
        ty: crate::types::Type,
        int_stack: bool,
    },
}
