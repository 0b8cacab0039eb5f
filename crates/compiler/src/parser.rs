//! Recursive-descent parser. It reports errors and recovers at the next `;` or `}`, so one run
//! shows several errors; every loop consumes a token or stops, and nesting is bounded, so no
//! input makes it loop, hang or overflow the stack.

use crate::ast::*;
use crate::diag::{Diagnostic, Span};
use crate::lexer::{Tok, Token};

/// Deepest nesting of expressions and statements accepted.
const MAX_DEPTH: u32 = 200;
/// Errors reported per file before giving up on it.
const MAX_ERRORS: usize = 50;

pub fn parse(tokens: &[Token], file: usize, diags: &mut Vec<Diagnostic>) -> Unit {
    let mut p = Parser { toks: tokens, pos: 0, diags, errors: 0, package: None, imports: Vec::new(), depth: 0 };
    let classes = p.unit();
    Unit { file, classes, imports: p.imports }
}

/// An error was reported; the caller recovers.
struct Failed;
type PResult<T> = Result<T, Failed>;

struct Parser<'a, 'd> {
    toks: &'a [Token],
    pos: usize,
    diags: &'d mut Vec<Diagnostic>,
    errors: usize,
    package: Option<Name>,
    imports: Vec<Name>,
    depth: u32,
}

/// Operators that may follow a parenthesised name for it to be read as a cast.
fn starts_operand(tok: &Tok) -> bool {
    match tok {
        Tok::Ident(_) | Tok::Int(_) | Tok::Long(_) | Tok::Float(_) | Tok::Double(_) | Tok::Str(_) => true,
        Tok::Keyword(k) => matches!(*k, "new" | "this" | "null" | "import"),
        Tok::Op(o) => matches!(*o, "(" | "!" | "~"),
        _ => false,
    }
}

const PRIMITIVES: &[&str] = &["int", "long", "float", "double", "string", "char", "boolean"];

/// Level of a binary operator in the original grammar (higher binds tighter); None for ours.
fn original_level(op: BinOp) -> Option<u8> {
    use BinOp::*;
    match op {
        Or | And => Some(2),
        Eq | Ne | Lt | Gt | Le | Ge => Some(3),
        RefEq | RefNe => Some(4),
        Add | Sub => Some(5),
        Mul | Div | Rem => Some(6),
        BitOr | BitAnd => Some(7),
        _ => None,
    }
}

/// Our binary operators and levels (C-like; higher binds tighter).
fn binary_op(tok: &Tok) -> Option<(BinOp, u8)> {
    use BinOp::*;
    let op = match tok {
        Tok::Op(o) => *o,
        _ => return None,
    };
    Some(match op {
        "||" => (Or, 1),
        "&&" => (And, 2),
        "|" => (BitOr, 3),
        "^" => (BitXor, 4),
        "&" => (BitAnd, 5),
        "==" => (Eq, 6),
        "!=" => (Ne, 6),
        ":==" => (RefEq, 6),
        ":!=" => (RefNe, 6),
        "<" => (Lt, 7),
        ">" => (Gt, 7),
        "<=" => (Le, 7),
        ">=" => (Ge, 7),
        "<<" => (Shl, 8),
        ">>" => (Shr, 8),
        ">>>" => (Ushr, 8),
        "+" => (Add, 9),
        "-" => (Sub, 9),
        "*" => (Mul, 10),
        "/" => (Div, 10),
        "%" => (Rem, 10),
        _ => return None,
    })
}

const INSTANCEOF_LEVEL: u8 = 7;

fn compound_op(op: &str) -> Option<Option<BinOp>> {
    use BinOp::*;
    Some(match op {
        "=" => None,
        "+=" => Some(Add),
        "-=" => Some(Sub),
        "*=" => Some(Mul),
        "/=" => Some(Div),
        "%=" => Some(Rem),
        "|=" => Some(BitOr),
        "&=" => Some(BitAnd),
        "^=" => Some(BitXor),
        "<<=" => Some(Shl),
        ">>=" => Some(Shr),
        ">>>=" => Some(Ushr),
        _ => return None,
    })
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Ident(s) => format!("name `{s}`"),
        Tok::Keyword(k) => format!("`{k}`"),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Int(v) => format!("number {v}"),
        Tok::Long(v) => format!("number {v}"),
        Tok::Float(v) => format!("number {v}"),
        Tok::Double(v) => format!("number {v}"),
        Tok::Str(_) => "a string".into(),
        Tok::Eof => "the end of the file".into(),
    }
}

impl Parser<'_, '_> {
    fn tok(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].tok
    }

    fn peek_at(&self, ahead: usize) -> &Tok {
        &self.toks[(self.pos + ahead).min(self.toks.len() - 1)].tok
    }

    fn span(&self) -> Span {
        self.toks[self.pos.min(self.toks.len() - 1)].span
    }

    fn prev_span(&self) -> Span {
        self.toks[self.pos.saturating_sub(1).min(self.toks.len() - 1)].span
    }

    fn advance(&mut self) {
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
    }

    fn at_eof(&self) -> bool {
        matches!(self.tok(), Tok::Eof)
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Keyword(k) if *k == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.is_op(op);
        if yes {
            self.advance();
        }
        yes
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.is_kw(kw);
        if yes {
            self.advance();
        }
        yes
    }

    fn error_at(&mut self, span: Span, message: impl Into<String>) -> Failed {
        self.errors += 1;
        if self.errors <= MAX_ERRORS {
            self.diags.push(Diagnostic::error(span, message));
        }
        Failed
    }

    fn error_here(&mut self, message: impl Into<String>) -> Failed {
        let span = self.span();
        self.error_at(span, message)
    }

    fn warn(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    fn expected(&mut self, what: &str) -> Failed {
        let found = describe(self.tok());
        self.error_here(format!("expected {what}, found {found}"))
    }

    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.expected(&format!("`{op}`")))
        }
    }

    fn ident(&mut self, what: &str) -> PResult<(String, Span)> {
        match self.tok().clone() {
            Tok::Ident(s) => {
                let span = self.span();
                self.advance();
                Ok((s, span))
            }
            Tok::Keyword(k) => Err(self.error_here(format!("`{k}` is a reserved word and cannot be used as {what}"))),
            _ => Err(self.expected(what)),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.error_here(format!("nested too deeply (more than {MAX_DEPTH} levels)")));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Skips to just after the next `;` or to the next `}` that closes the current block,
    /// stepping over balanced braces. Always consumes at least one token unless at `}`/EOF.
    fn recover(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.tok() {
                Tok::Eof => return,
                Tok::Op(";") if depth == 0 => {
                    self.advance();
                    return;
                }
                Tok::Op("{") => depth += 1,
                Tok::Op("}") if depth == 0 => return,
                Tok::Op("}") => {
                    depth -= 1;
                    if depth == 0 {
                        self.advance();
                        return;
                    }
                }
                _ => {}
            }
            self.advance();
        }
    }

    // ---- compilation unit ----

    fn unit(&mut self) -> Vec<ClassDecl> {
        let mut classes = Vec::new();
        while !self.at_eof() && self.errors < MAX_ERRORS {
            let before = self.pos;
            let ok = match self.tok() {
                Tok::Op(";") => {
                    self.advance();
                    Ok(())
                }
                Tok::Keyword("package") => self.package_decl(),
                Tok::Keyword("import") => self.import_decl(),
                Tok::Keyword("attribute") => {
                    self.advance();
                    self.attributes().and_then(|_| self.expect_op(";"))
                }
                Tok::Keyword("class") | Tok::Keyword("interface") => self.class_decl().map(|c| classes.push(c)),
                _ => Err(self.expected("`class`, `interface`, `import` or `package`")),
            };
            if ok.is_err() {
                // Resume at the next top-level keyword.
                self.advance();
                while !self.at_eof()
                    && !matches!(self.tok(), Tok::Keyword("class" | "interface" | "import" | "package"))
                {
                    self.advance();
                }
            }
            if self.pos == before {
                self.advance();
            }
        }
        classes
    }

    fn name_part(&mut self) -> Option<String> {
        let part = match self.tok() {
            Tok::Ident(s) => s.clone(),
            Tok::Str(s) => String::from_utf8_lossy(s).into_owned(),
            _ => return None,
        };
        self.advance();
        Some(part)
    }

    /// `[.]part{.part}`; after a dot, reserved words are accepted as parts (`.internal.class`).
    fn name(&mut self, what: &str) -> PResult<Name> {
        let start = self.span();
        let absolute = self.eat_op(".");
        let mut parts = Vec::new();
        match self.name_part() {
            Some(p) => parts.push(p),
            None if absolute => {
                if let Tok::Keyword(k) = self.tok().clone() {
                    self.advance();
                    parts.push(k.to_string());
                } else {
                    return Err(self.expected(what));
                }
            }
            None => return Err(self.expected(what)),
        }
        while self.is_op(".") {
            let part = match self.peek_at(1).clone() {
                Tok::Ident(s) => s,
                Tok::Str(s) => String::from_utf8_lossy(&s).into_owned(),
                Tok::Keyword(k) if k != "instanceof" => k.to_string(),
                _ => break,
            };
            self.advance();
            self.advance();
            parts.push(part);
        }
        Ok(Name { parts, absolute, span: start.to(self.prev_span()) })
    }

    fn package_decl(&mut self) -> PResult<()> {
        self.advance();
        let name = self.name("a package name")?;
        if !name.absolute {
            return Err(self.error_at(name.span, "a package name must start with a dot, as in `.my.app`"));
        }
        self.package = Some(name);
        self.expect_op(";")
    }

    fn import_decl(&mut self) -> PResult<()> {
        self.advance();
        let name = self.name("a class name")?;
        if self.is_op(".") && matches!(self.peek_at(1), Tok::Op("*")) {
            let span = self.span();
            return Err(self.error_at(span, "importing a whole package with `.*` is not supported; import each class"));
        }
        if !name.absolute {
            return Err(self.error_at(name.span, "an imported class name must start with a dot, as in `.my.app.util`"));
        }
        self.imports.push(name);
        self.expect_op(";")
    }

    /// Attribute specs after `@` or `attribute`: parsed and ignored, as in the original.
    fn attributes(&mut self) -> PResult<()> {
        loop {
            self.eat_op("~");
            self.name("an attribute name")?;
            while self.eat_op("+") || self.eat_op("*") || self.eat_op("!->") || self.eat_op("->!") || self.eat_op("!") {
            }
            let more = self.is_op(",") && matches!(self.peek_at(1), Tok::Ident(_) | Tok::Op("~"));
            if !more {
                return Ok(());
            }
            self.advance();
        }
    }

    fn optional_attributes(&mut self) -> PResult<()> {
        while self.eat_op("@") || self.eat_kw("attribute") {
            self.attributes()?;
        }
        Ok(())
    }

    fn type_expr(&mut self) -> PResult<TypeExpr> {
        let start = self.span();
        self.eat_kw("static");
        let kind = if self.eat_kw("void") {
            TypeKind::Void
        } else if self.eat_op("*") {
            self.unary()?;
            TypeKind::Dynamic
        } else {
            TypeKind::Named(self.name("a type")?)
        };
        let mut array = false;
        if self.is_op("[") {
            self.advance();
            if !self.is_op("]") {
                if self.eat_op("*") {
                    self.unary()?;
                } else {
                    self.name("a container class")?;
                }
            }
            self.expect_op("]")?;
            array = true;
        }
        let span = start.to(self.prev_span());
        self.optional_attributes()?;
        Ok(TypeExpr { kind, array, span })
    }

    fn class_decl(&mut self) -> PResult<ClassDecl> {
        let start = self.span();
        let is_interface = self.is_kw("interface");
        self.advance();
        let name = self.name("a class name")?;
        self.optional_attributes()?;
        let mut extends = None;
        let mut implements = Vec::new();
        loop {
            if self.eat_kw("extends") {
                let parent = self.name("a parent class name")?;
                if extends.is_some() {
                    return Err(self.error_at(parent.span, "a class extends at most one class"));
                }
                extends = Some(parent);
            } else if self.eat_kw("implements") {
                implements.push(self.name("an interface name")?);
                while self.eat_op(",") {
                    implements.push(self.name("an interface name")?);
                }
            } else {
                break;
            }
        }
        self.expect_op("{")?;
        let mut class = ClassDecl {
            name,
            package: self.package.clone(),
            is_interface,
            extends,
            implements,
            fields: Vec::new(),
            methods: Vec::new(),
            imports: self.imports.clone(),
            span: start,
        };
        while !self.is_op("}") && !self.at_eof() && self.errors < MAX_ERRORS {
            let before = self.pos;
            if self.member(&mut class).is_err() {
                self.recover();
            }
            if self.pos == before && !self.is_op("}") {
                self.advance();
            }
        }
        class.span = start.to(self.span());
        self.expect_op("}")?;
        Ok(class)
    }

    fn member(&mut self, class: &mut ClassDecl) -> PResult<()> {
        if self.eat_op(";") {
            return Ok(());
        }
        if self.eat_kw("attribute") {
            self.attributes()?;
            return self.expect_op(";");
        }
        if self.is_kw("var") {
            let start = self.span();
            self.advance();
            let (name, _) = self.ident("a field name")?;
            let ty = if self.eat_op(":") { Some(self.type_expr()?) } else { None };
            self.optional_attributes()?;
            self.expect_op(";")?;
            class.fields.push(FieldDecl { name, ty, span: start.to(self.prev_span()) });
            return Ok(());
        }
        let start = self.span();
        let ty = self.type_expr()?;
        self.optional_attributes()?;
        let (name, _) = self.ident("a field or method name")?;
        if self.eat_op(";") {
            class.fields.push(FieldDecl { name, ty: Some(ty), span: start.to(self.prev_span()) });
            return Ok(());
        }
        if !self.is_op("(") {
            return Err(self.expected("`;` after a field or `(` after a method name"));
        }
        self.advance();
        let mut params = Vec::new();
        if !self.is_op(")") {
            loop {
                let pstart = self.span();
                if !self.eat_kw("var") {
                    return Err(self.expected("`var name : type` for an argument"));
                }
                let (pname, _) = self.ident("an argument name")?;
                let pty = if self.eat_op(":") { Some(self.type_expr()?) } else { None };
                self.optional_attributes()?;
                params.push(Param { name: pname, ty: pty, span: pstart.to(self.prev_span()) });
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.expect_op(")")?;
        let mut ordinal = None;
        if self.is_op("[") {
            self.advance();
            let span = self.span();
            match self.tok().clone() {
                Tok::Int(n) if n >= 0 => {
                    self.advance();
                    ordinal = Some((n as u32, span));
                }
                _ => return Err(self.expected("a method ordinal (a non-negative number)")),
            }
            self.expect_op("]")?;
        }
        self.optional_attributes()?;
        let span = start.to(self.prev_span());
        let (body, end) = if self.eat_op(";") {
            (None, self.prev_span())
        } else if self.is_op("{") {
            let (stmts, end) = self.block()?;
            (Some(stmts), end)
        } else {
            return Err(self.expected("a method body `{ ... }`"));
        };
        class.methods.push(MethodDecl { name, returns: ty, params, ordinal, body, span, end });
        Ok(())
    }

    // ---- statements ----

    /// `{ stmts }`; returns the statements and the closing brace's span.
    fn block(&mut self) -> PResult<(Vec<Stmt>, Span)> {
        self.expect_op("{")?;
        self.enter()?;
        let mut stmts = Vec::new();
        while !self.is_op("}") && !self.at_eof() && self.errors < MAX_ERRORS {
            let before = self.pos;
            match self.stmt() {
                Ok(s) => stmts.push(s),
                Err(Failed) => self.recover(),
            }
            if self.pos == before && !self.is_op("}") {
                self.advance();
            }
        }
        self.leave();
        let end = self.span();
        self.expect_op("}")?;
        Ok((stmts, end))
    }

    fn paren_expr(&mut self) -> PResult<Expr> {
        self.expect_op("(")?;
        let e = self.expr()?;
        self.expect_op(")")?;
        Ok(e)
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.stmt_inner();
        self.leave();
        r
    }

    fn stmt_inner(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kind = match self.tok().clone() {
            Tok::Op("{") => StmtKind::Block(self.block()?.0),
            Tok::Op(";") => {
                self.advance();
                StmtKind::Empty
            }
            Tok::Keyword("if") => {
                self.advance();
                let cond = self.paren_expr()?;
                let then = Box::new(self.stmt()?);
                let otherwise = if self.eat_kw("else") { Some(Box::new(self.stmt()?)) } else { None };
                StmtKind::If { cond, then, otherwise }
            }
            Tok::Keyword("while") => {
                self.advance();
                let cond = self.paren_expr()?;
                StmtKind::While { cond, body: Box::new(self.stmt()?) }
            }
            Tok::Keyword("do") => {
                self.advance();
                let body = Box::new(self.stmt()?);
                if !self.eat_kw("while") {
                    return Err(self.expected("`while` after the body of `do`"));
                }
                let cond = self.paren_expr()?;
                let post = if self.eat_op(";") || self.is_op("}") || self.at_eof() {
                    None
                } else {
                    Some(Box::new(self.stmt()?))
                };
                StmtKind::DoWhile { body, cond, post }
            }
            Tok::Keyword("for") => self.for_stmt()?,
            Tok::Keyword("foreach") => {
                self.advance();
                self.expect_op("(")?;
                let (var, var_span) = self.ident("a loop variable")?;
                if !self.eat_kw("in") {
                    return Err(self.expected("`in`"));
                }
                let iterable = self.expr()?;
                self.expect_op(")")?;
                StmtKind::Foreach { var, var_span, iterable, body: Box::new(self.stmt()?) }
            }
            Tok::Keyword("switch") => {
                self.advance();
                let value = self.paren_expr()?;
                self.expect_op("{")?;
                let mut items = Vec::new();
                while !self.is_op("}") && !self.at_eof() && self.errors < MAX_ERRORS {
                    let before = self.pos;
                    if self.eat_kw("case") {
                        match self.expr() {
                            Ok(e) => {
                                items.push(SwitchItem::Case(e));
                                if self.expect_op(":").is_err() {
                                    self.recover();
                                }
                            }
                            Err(Failed) => self.recover(),
                        }
                    } else if self.is_kw("default") {
                        let span = self.span();
                        self.advance();
                        items.push(SwitchItem::Default(span));
                        if self.expect_op(":").is_err() {
                            self.recover();
                        }
                    } else {
                        match self.stmt() {
                            Ok(s) => items.push(SwitchItem::Stmt(s)),
                            Err(Failed) => self.recover(),
                        }
                    }
                    if self.pos == before && !self.is_op("}") {
                        self.advance();
                    }
                }
                self.expect_op("}")?;
                StmtKind::Switch { value, items }
            }
            Tok::Keyword("try") => {
                self.advance();
                let body = Box::new(self.stmt()?);
                if !self.eat_kw("catch") {
                    return Err(self.expected("`catch` after the body of `try`"));
                }
                self.expect_op("(")?;
                let catch_type = self.type_expr()?;
                let (var, var_span) = self.ident("a name for the caught object")?;
                self.expect_op(")")?;
                let handler = Box::new(self.stmt()?);
                StmtKind::Try { body, catch_type, var, var_span, handler }
            }
            Tok::Keyword("throw") => {
                self.advance();
                let e = self.expr()?;
                self.expect_op(";")?;
                StmtKind::Throw(e)
            }
            Tok::Keyword("return") => {
                self.advance();
                let e = if self.is_op(";") { None } else { Some(self.expr()?) };
                self.expect_op(";")?;
                StmtKind::Return(e)
            }
            Tok::Keyword("break") => {
                self.advance();
                self.expect_op(";")?;
                StmtKind::Break
            }
            Tok::Keyword("continue") => {
                self.advance();
                self.expect_op(";")?;
                StmtKind::Continue
            }
            Tok::Keyword("var") => {
                let kind = self.var_decl()?;
                self.expect_op(";")?;
                kind
            }
            _ => {
                let e = self.expr()?;
                if !self.is_op(";") {
                    let found = describe(self.tok());
                    let span = self.span();
                    return Err(self.error_at(span, format!("expected `;` after the expression, found {found}")));
                }
                self.advance();
                StmtKind::Expr(e)
            }
        };
        Ok(Stmt { kind, span: start.to(self.prev_span()) })
    }

    /// `var name [: type] [= init]` without the `;`.
    fn var_decl(&mut self) -> PResult<StmtKind> {
        self.advance();
        let (name, _) = self.ident("a variable name")?;
        let ty = if self.eat_op(":") { Some(self.type_expr()?) } else { None };
        self.optional_attributes()?;
        let init = if self.eat_op("=") { Some(self.expr()?) } else { None };
        Ok(StmtKind::Var { name, ty, init })
    }

    fn for_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        self.expect_op("(")?;
        let init = if self.is_op(";") {
            None
        } else {
            let start = self.span();
            let kind = if self.is_kw("var") { self.var_decl()? } else { StmtKind::Expr(self.expr()?) };
            Some(Box::new(Stmt { kind, span: start.to(self.prev_span()) }))
        };
        self.expect_op(";")?;
        let cond = if self.is_op(";") { None } else { Some(self.expr()?) };
        self.expect_op(";")?;
        let mut step = Vec::new();
        if !self.is_op(")") {
            step.push(self.expr()?);
            while self.eat_op(",") {
                step.push(self.expr()?);
            }
        }
        self.expect_op(")")?;
        Ok(StmtKind::For { init, cond, step, body: Box::new(self.stmt()?) })
    }

    // ---- expressions ----

    pub fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.assignment();
        self.leave();
        r
    }

    fn assignment(&mut self) -> PResult<Expr> {
        let target = self.conditional()?;
        if let Tok::Op(o) = self.tok().clone() {
            if o == ".=" {
                return Err(self.error_here("value assignment `.=` is not supported; use `=`"));
            }
            if let Some(op) = compound_op(o) {
                let op_span = self.span();
                self.advance();
                if !matches!(target.kind, ExprKind::Ident(_) | ExprKind::Index { .. }) || target.parens {
                    return Err(self.error_at(
                        target.span.to(op_span),
                        "only a variable, a field or an array element can be assigned to",
                    ));
                }
                let value = self.expr()?;
                let span = target.span.to(value.span);
                return Ok(Expr {
                    kind: ExprKind::Assign { target: Box::new(target), op, value: Box::new(value) },
                    span,
                    parens: false,
                });
            }
        }
        Ok(target)
    }

    fn conditional(&mut self) -> PResult<Expr> {
        let cond = self.binary(1)?;
        if !self.eat_op("?") {
            return Ok(cond);
        }
        let then = self.expr()?;
        self.expect_op(":")?;
        self.enter()?;
        let otherwise = self.conditional();
        self.leave();
        let otherwise = otherwise?;
        let span = cond.span.to(otherwise.span);
        Ok(Expr {
            kind: ExprKind::Conditional { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) },
            span,
            parens: false,
        })
    }

    fn binary(&mut self, min_level: u8) -> PResult<Expr> {
        let mut lhs = self.unary()?;
        loop {
            if self.is_kw("instanceof") && INSTANCEOF_LEVEL >= min_level {
                self.advance();
                let ty = self.type_expr()?;
                let span = lhs.span.to(ty.span);
                lhs = Expr { kind: ExprKind::InstanceOf { expr: Box::new(lhs), ty }, span, parens: false };
                continue;
            }
            let Some((op, level)) = binary_op(self.tok()) else { break };
            if level < min_level {
                break;
            }
            self.advance();
            self.enter()?;
            let rhs = self.binary(level + 1);
            self.leave();
            let rhs = rhs?;
            self.check_precedence(op, &lhs, &rhs);
            let span = lhs.span.to(rhs.span);
            lhs = Expr { kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span, parens: false };
        }
        Ok(lhs)
    }

    /// Warns where the original grammar (reference 1.6) would have grouped the operands
    /// differently: it gives `|`/`&` the tightest binding, puts `&&` and `||` on one level,
    /// and lets a leading `!` or cast apply to the whole rest of the expression.
    fn check_precedence(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr) {
        let Some(level) = original_level(op) else { return };
        for (child, is_left) in [(lhs, true), (rhs, false)] {
            if child.parens {
                continue;
            }
            if let ExprKind::Binary { op: child_op, .. } = child.kind {
                let Some(child_level) = original_level(child_op) else { continue };
                let tighter = child_level > level || (child_level == level && is_left);
                if !tighter {
                    let d = Diagnostic::warning(
                        child.span,
                        format!(
                            "`{}` here groups differently in the original Phantom compiler, which bound `{}` tighter",
                            child_op.symbol(),
                            op.symbol()
                        ),
                    )
                    .note("add parentheses to make the intended grouping explicit");
                    self.warn(d);
                }
            }
        }
        if !lhs.parens {
            let what = match lhs.kind {
                ExprKind::Not(_) => Some("`!`"),
                ExprKind::Cast { .. } => Some("the cast"),
                _ => None,
            };
            if let Some(what) = what {
                let d = Diagnostic::warning(
                    lhs.span,
                    format!(
                        "{what} applies only to this operand; the original compiler applied it to the whole expression"
                    ),
                )
                .note("add parentheses to make the intended grouping explicit");
                self.warn(d);
            }
        }
    }

    fn unary(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary_inner();
        self.leave();
        r
    }

    fn unary_inner(&mut self) -> PResult<Expr> {
        let start = self.span();
        let make = |kind, span| Expr { kind, span, parens: false };
        match self.tok().clone() {
            Tok::Op("!") => {
                self.advance();
                let e = self.unary()?;
                let span = start.to(e.span);
                Ok(make(ExprKind::Not(Box::new(e)), span))
            }
            Tok::Op("~") => {
                self.advance();
                let e = self.unary()?;
                let span = start.to(e.span);
                Ok(make(ExprKind::BitNot(Box::new(e)), span))
            }
            Tok::Op("-") => {
                self.advance();
                let e = self.unary()?;
                let span = start.to(e.span);
                let kind = match e.kind {
                    ExprKind::Int(v) if !e.parens => ExprKind::Int(v.wrapping_neg()),
                    ExprKind::Long(v) if !e.parens && v == i32::MAX as i64 + 1 => ExprKind::Int(i32::MIN),
                    ExprKind::Long(v) if !e.parens => ExprKind::Long(v.wrapping_neg()),
                    ExprKind::Float(v) if !e.parens => ExprKind::Float(-v),
                    ExprKind::Double(v) if !e.parens => ExprKind::Double(-v),
                    _ => ExprKind::Neg(Box::new(e)),
                };
                Ok(make(kind, span))
            }
            Tok::Op(op @ ("++" | "--")) => {
                self.advance();
                let e = self.unary()?;
                let span = start.to(e.span);
                self.step_target(&e)?;
                Ok(make(ExprKind::Step { target: Box::new(e), increment: op == "++", prefix: true }, span))
            }
            Tok::Op("(") if self.looks_like_cast() => {
                self.advance();
                let ty = self.type_expr()?;
                self.expect_op(")")?;
                let e = self.unary()?;
                let span = start.to(e.span);
                Ok(make(ExprKind::Cast { ty, expr: Box::new(e) }, span))
            }
            _ => self.postfix(),
        }
    }

    fn step_target(&mut self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Ident(_) | ExprKind::Index { .. }) && !e.parens {
            Ok(())
        } else {
            Err(self.error_at(e.span, "`++` and `--` need a variable, a field or an array element"))
        }
    }

    /// At `(`: is this a cast? Yes for `(.abs.name)`, `(int)` and the other primitive names,
    /// and for `(name)` or `(a.b)` followed by something that starts an operand.
    fn looks_like_cast(&self) -> bool {
        let mut i = 1;
        let absolute = matches!(self.peek_at(i), Tok::Op("."));
        if absolute {
            i += 1;
        }
        let first = match self.peek_at(i) {
            Tok::Ident(s) => s.clone(),
            Tok::Str(_) if absolute => String::new(),
            Tok::Keyword("void") if !absolute => "void".into(),
            _ => return false,
        };
        i += 1;
        let mut dotted = false;
        while matches!(self.peek_at(i), Tok::Op(".")) {
            if !matches!(self.peek_at(i + 1), Tok::Ident(_) | Tok::Str(_) | Tok::Keyword(_)) {
                return false;
            }
            dotted = true;
            i += 2;
        }
        if matches!(self.peek_at(i), Tok::Op("[")) {
            if !matches!(self.peek_at(i + 1), Tok::Op("]")) {
                return false;
            }
            i += 2;
        }
        if !matches!(self.peek_at(i), Tok::Op(")")) {
            return false;
        }
        let next = self.peek_at(i + 1);
        if absolute || (!dotted && PRIMITIVES.contains(&first.as_str())) {
            return !matches!(next, Tok::Op(")" | ";" | "," | "]" | "}" | "." | "=")) && !matches!(next, Tok::Eof);
        }
        starts_operand(next)
    }

    fn args(&mut self) -> PResult<Vec<Expr>> {
        self.expect_op("(")?;
        let mut args = Vec::new();
        while !self.is_op(")") {
            if self.at_eof() {
                return Err(self.expected("`)`"));
            }
            args.push(self.expr()?);
            // Commas between arguments are optional in the original grammar.
            self.eat_op(",");
        }
        self.advance();
        Ok(args)
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        loop {
            if self.is_op(".") {
                self.advance();
                let callee = match self.tok().clone() {
                    Tok::Ident(name) => Callee::Name(name),
                    Tok::Int(n) if n >= 0 => Callee::Ordinal(n as u32),
                    Tok::Op("(") => {
                        return Err(self.error_here("calling a method by a computed name is not supported"));
                    }
                    _ => return Err(self.expected("a method name or ordinal after `.`")),
                };
                let name_span = self.span();
                self.advance();
                if !self.is_op("(") {
                    let what = match &callee {
                        Callee::Name(n) => n.clone(),
                        Callee::Ordinal(n) => n.to_string(),
                    };
                    return Err(self.error_at(
                        name_span,
                        format!("`.{what}` must be a method call: fields of other objects are not accessible"),
                    ));
                }
                let args = self.args()?;
                let span = e.span.to(self.prev_span());
                e = Expr { kind: ExprKind::Call { receiver: Some(Box::new(e)), callee, args }, span, parens: false };
            } else if self.is_op("[") {
                self.advance();
                let index = self.expr()?;
                self.expect_op("]")?;
                let span = e.span.to(self.prev_span());
                e = Expr { kind: ExprKind::Index { array: Box::new(e), index: Box::new(index) }, span, parens: false };
            } else if self.is_op("++") || self.is_op("--") {
                let increment = self.is_op("++");
                self.step_target(&e)?;
                self.advance();
                let span = e.span.to(self.prev_span());
                e = Expr {
                    kind: ExprKind::Step { target: Box::new(e), increment, prefix: false },
                    span,
                    parens: false,
                };
            } else if self.is_op("~") {
                // Postfix `~` is the original's bitwise not.
                self.advance();
                let span = e.span.to(self.prev_span());
                e = Expr { kind: ExprKind::BitNot(Box::new(e)), span, parens: false };
            } else {
                return Ok(e);
            }
        }
    }

    fn primary(&mut self) -> PResult<Expr> {
        let span = self.span();
        let make = |kind| Ok(Expr { kind, span, parens: false });
        match self.tok().clone() {
            Tok::Int(v) => {
                self.advance();
                make(ExprKind::Int(v))
            }
            Tok::Long(v) => {
                self.advance();
                make(ExprKind::Long(v))
            }
            Tok::Float(v) => {
                self.advance();
                make(ExprKind::Float(v))
            }
            Tok::Double(v) => {
                self.advance();
                make(ExprKind::Double(v))
            }
            Tok::Str(s) => {
                self.advance();
                make(ExprKind::Str(s))
            }
            Tok::Keyword("null") => {
                self.advance();
                make(ExprKind::Null)
            }
            Tok::Keyword("this") => {
                self.advance();
                make(ExprKind::This)
            }
            Tok::Keyword("import") => {
                self.advance();
                match self.tok().clone() {
                    Tok::Str(path) => {
                        self.advance();
                        let span = span.to(self.prev_span());
                        Ok(Expr {
                            kind: ExprKind::Resource(String::from_utf8_lossy(&path).into_owned()),
                            span,
                            parens: false,
                        })
                    }
                    _ => Err(self.expected("a file name in quotes after `import`")),
                }
            }
            Tok::Keyword("new") => self.new_expr(),
            Tok::Ident(name) => {
                self.advance();
                if self.is_op("(") {
                    let args = self.args()?;
                    let span = span.to(self.prev_span());
                    Ok(Expr {
                        kind: ExprKind::Call { receiver: None, callee: Callee::Name(name), args },
                        span,
                        parens: false,
                    })
                } else {
                    make(ExprKind::Ident(name))
                }
            }
            Tok::Op("(") => {
                self.advance();
                let mut e = self.expr()?;
                self.expect_op(")")?;
                e.parens = true;
                e.span = span.to(self.prev_span());
                Ok(e)
            }
            _ => Err(self.expected("an expression")),
        }
    }

    fn new_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.advance();
        if self.eat_op("*") {
            let class = self.paren_expr()?;
            let ty = if self.eat_op(":") { Some(self.type_expr()?) } else { None };
            let args = self.args()?;
            let span = start.to(self.prev_span());
            return Ok(Expr { kind: ExprKind::NewDynamic { class: Box::new(class), ty, args }, span, parens: false });
        }
        let ty = self.type_expr()?;
        let args = self.args()?;
        let span = start.to(self.prev_span());
        Ok(Expr { kind: ExprKind::New { ty, args }, span, parens: false })
    }
}
