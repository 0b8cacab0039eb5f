//! Code generation for one method body: a walk over the syntax tree that tracks where each
//! value lives (object stack or integer stack) and inserts the boxing and numeric conversions
//! the VM needs (reference 2.2, 3.3-3.5).

use std::collections::HashMap;

use phantom_bytecode::{Arg, Op, TypePrefix};

use crate::ast::*;
use crate::classes::MethodInfo;
use crate::diag::{Diagnostic, Span};
use crate::types::{Type, ARRAY, OBJECT};
use crate::{Compiler, Scope};
use phantom_bytecode::emit::{insn, Item};

type R<T> = Result<T, ()>;

/// Where a computed value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loc {
    /// On the object stack (boxed, if a number).
    Obj,
    /// Raw on the integer stack, in the representation of its numeric type.
    Int,
}

#[derive(Clone, Debug)]
struct Val {
    ty: Type,
    loc: Loc,
}

impl Val {
    fn obj(ty: Type) -> Val {
        Val { ty, loc: Loc::Obj }
    }
    fn int(ty: Type) -> Val {
        Val { ty, loc: Loc::Int }
    }
}

/// What a conversion should produce.
#[derive(Clone, Debug)]
enum Want {
    /// Any object (numbers boxed as they are).
    Obj,
    /// A raw number of this type on the integer stack.
    Num(Type),
    /// An object; numbers converted to this numeric type first.
    Boxed(Type),
}

#[derive(Clone, Debug)]
enum Local {
    Obj { slot: u32, ty: Type },
    Int { slot: u32, ty: Type },
}

struct LoopLabels {
    brk: u32,
    cont: Option<u32>,
    /// Catchers installed when the loop (or switch) began.
    try_depth: u32,
}

/// Everything needed to compile the methods of one class.
pub struct ClassContext {
    pub name: String,
    pub scope: Scope,
    /// String constants of the class, by value: their pool ids.
    pub constants: Vec<Vec<u8>>,
}

pub struct MethodGen<'a> {
    cx: &'a mut Compiler,
    class: &'a mut ClassContext,
    items: Vec<Item>,
    labels: u32,
    locals: HashMap<String, Local>,
    next_obj: u32,
    next_int: u32,
    free_obj: Vec<u32>,
    free_int: Vec<u32>,
    loops: Vec<LoopLabels>,
    try_depth: u32,
    returns: Type,
    file: usize,
}

fn is_jump(op: Op) -> bool {
    matches!(op, Op::Jz | Op::Jmp | Op::PushCatcher | Op::Djnz)
}

impl<'a> MethodGen<'a> {
    pub fn new(cx: &'a mut Compiler, class: &'a mut ClassContext, file: usize, returns: Type) -> MethodGen<'a> {
        MethodGen {
            cx,
            class,
            items: Vec::new(),
            labels: 0,
            locals: HashMap::new(),
            next_obj: 0,
            next_int: 0,
            free_obj: Vec::new(),
            free_int: Vec::new(),
            loops: Vec::new(),
            try_depth: 0,
            returns,
            file,
        }
    }

    // ---- emission ----

    fn emit(&mut self, op: Op, args: Vec<Arg>) {
        self.items.push(insn(None, op, args));
    }

    fn emit_p(&mut self, prefix: Option<TypePrefix>, op: Op, args: Vec<Arg>) {
        self.items.push(insn(prefix, op, args));
    }

    fn new_label(&mut self) -> u32 {
        self.labels += 1;
        self.labels
    }

    fn place(&mut self, label: u32) {
        self.items.push(Item::Label(label));
    }

    fn jump(&mut self, op: Op, label: u32) {
        debug_assert!(is_jump(op));
        self.emit(op, vec![Arg::Target(label as i64)]);
    }

    fn line(&mut self, span: Span) {
        let line = self.cx.sources.line(span.file, span.start) as u32;
        self.items.push(Item::Line(line));
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.cx.diags.push(Diagnostic::error(span, message));
    }

    /// Adds a hint to the diagnostic just reported.
    fn note(&mut self, text: impl Into<String>) {
        if let Some(d) = self.cx.diags.last_mut() {
            d.notes.push(text.into());
        }
    }

    fn warn(&mut self, d: Diagnostic) {
        self.cx.diags.push(d);
    }

    fn iconst(&mut self, v: i32) {
        match v {
            0 => self.emit(Op::Iconst0, vec![]),
            1 => self.emit(Op::Iconst1, vec![]),
            2..=255 => self.emit(Op::Iconst8, vec![Arg::Int(v as i64)]),
            _ => self.emit(Op::Iconst32, vec![Arg::Int(v as i64)]),
        }
    }

    fn const_string(&mut self, bytes: &[u8]) {
        let id = match self.class.constants.iter().position(|c| c == bytes) {
            Some(id) => id,
            None => {
                self.class.constants.push(bytes.to_vec());
                self.class.constants.len() - 1
            }
        };
        self.emit(Op::ConstPool, vec![Arg::Int(id as i64)]);
    }

    pub fn emit_call(&mut self, ordinal: u32, nargs: u32) {
        if nargs == 0 && ordinal < 4 {
            self.emit(Op::ShortCall, vec![Arg::Int(ordinal as i64)]);
        } else if ordinal < 32 && nargs < 256 {
            self.emit(Op::Call, vec![Arg::Int(ordinal as i64), Arg::Int(nargs as i64)]);
        } else if ordinal < 256 {
            self.emit(Op::Call8, vec![Arg::Int(ordinal as i64), Arg::Int(nargs as i64)]);
        } else {
            self.emit(Op::Call32, vec![Arg::Int(ordinal as i64), Arg::Int(nargs as i64)]);
        }
    }

    pub fn summon_class(&mut self, name: &str) {
        let op = match name {
            ".internal.int" => Op::SummonIntClass,
            ".internal.string" => Op::SummonStringClass,
            ".internal.class" => Op::SummonClassClass,
            ".internal.interface" => Op::SummonInterfaceClass,
            ".internal.code" => Op::SummonCodeClass,
            ".internal.container.array" => Op::SummonArrayClass,
            _ => {
                self.emit(Op::SummonByName, vec![Arg::Bytes(name.as_bytes().to_vec())]);
                return;
            }
        };
        self.emit(op, vec![]);
    }

    fn load_field(&mut self, slot: u32) {
        let op = if slot < 256 { Op::OsLoad8 } else { Op::OsLoad32 };
        self.emit(op, vec![Arg::Int(slot as i64)]);
    }

    fn save_field(&mut self, slot: u32) {
        let op = if slot < 256 { Op::OsSave8 } else { Op::OsSave32 };
        self.emit(op, vec![Arg::Int(slot as i64)]);
    }

    // ---- frame slots ----

    fn alloc_obj(&mut self) -> u32 {
        self.free_obj.pop().unwrap_or_else(|| {
            self.next_obj += 1;
            self.next_obj - 1
        })
    }

    fn alloc_int(&mut self, cells: u32) -> u32 {
        if cells == 1 {
            if let Some(s) = self.free_int.pop() {
                return s;
            }
        }
        self.next_int += cells;
        self.next_int - cells
    }

    fn temp_obj(&mut self) -> Expr {
        let slot = self.alloc_obj();
        Expr {
            kind: ExprKind::Temp { slot, ty: Type::Unknown, int_stack: false },
            span: Span::default(),
            parens: false,
        }
    }

    fn release(&mut self, temp: &Expr) {
        if let ExprKind::Temp { slot, int_stack, ty } = &temp.kind {
            if *int_stack {
                if ty.cells() == 1 {
                    self.free_int.push(*slot);
                }
            } else {
                self.free_obj.push(*slot);
            }
        }
    }

    fn store_temp(&mut self, temp: &Expr) {
        if let ExprKind::Temp { slot, int_stack, ty } = &temp.kind {
            if *int_stack {
                self.emit_p(ty.prefix(), Op::IsSet32, vec![Arg::Int(*slot as i64)]);
            } else {
                self.emit(Op::OsSet32, vec![Arg::Int(*slot as i64)]);
            }
        }
    }

    // ---- method frame ----

    /// Compiles a whole method: prologue, optional parent constructor call, body, return.
    pub fn method(
        mut self,
        params: &[(String, Type, Span)],
        body: &[Stmt],
        parent_ctor: Option<(String, u32)>,
        zero_fields: &[(u32, Type)],
        end: Span,
    ) -> R<(Vec<Item>, u32)> {
        for (name, ty, span) in params {
            if self.cx.table.field(&self.class.name, name).is_some() {
                self.shadow_warning(name, *span);
            }
            let slot = self.alloc_obj();
            self.locals.insert(name.clone(), Local::Obj { slot, ty: ty.clone() });
        }
        let nargs = params.len() as u32;
        self.declare_locals(body);
        if let Some((parent, ordinal)) = parent_ctor {
            self.emit(Op::SummonThis, vec![]);
            self.summon_class(&parent);
            self.emit(Op::StaticInvoke, vec![Arg::Int(ordinal as i64), Arg::Int(0)]);
            self.emit(Op::OsDrop, vec![]);
        }
        // Numeric fields start at zero rather than null.
        for (slot, ty) in zero_fields {
            let zero = Expr { kind: zero_of(ty), span: end, parens: false };
            self.expr(&zero)?;
            self.emit_p(ty.prefix(), Op::I2o, vec![]);
            self.save_field(*slot);
        }
        let mut ok = true;
        for s in body {
            ok &= self.stmt(s).is_ok();
        }
        self.line(end);
        self.emit(Op::SummonNull, vec![]);
        self.emit(Op::Ret, vec![]);
        let locals_obj = self.next_obj - nargs;
        let locals_int = self.next_int;
        if locals_obj > 255 || locals_int > 255 {
            self.error(end, "this method has too many local variables (at most 255 objects and 255 integer cells)");
            return Err(());
        }
        let mut prologue = vec![insn(None, Op::ArgCount, vec![Arg::Int(nargs as i64)])];
        if locals_obj > 0 || locals_int > 0 {
            prologue.push(insn(None, Op::StackReserve, vec![Arg::Int(locals_obj as i64), Arg::Int(locals_int as i64)]));
        }
        prologue.append(&mut self.items);
        if !ok {
            return Err(());
        }
        Ok((prologue, nargs))
    }

    fn shadow_warning(&mut self, name: &str, span: Span) {
        let d = Diagnostic::warning(span, format!("`{name}` hides the field of the same name"))
            .note("inside this method the name means the variable; the original compiler used the field")
            .note("rename one of them to make the code mean the same to every reader");
        self.warn(d);
    }

    /// Locals are method-wide, as in the original: every `var` in the body gets its slot up
    /// front, and uses bind to the last declaration of a name.
    fn declare_locals(&mut self, body: &[Stmt]) {
        let mut decls = Vec::new();
        collect_decls(body, &mut decls);
        for (name, ty, init, span) in decls {
            let ty = match ty {
                Some(t) => match self.cx.resolve_type(t, &self.class.scope) {
                    Ok(t) => t,
                    Err(()) => Type::Unknown,
                },
                None => init.map_or(Type::Unknown, literal_type),
            };
            if self.cx.table.field(&self.class.name, &name).is_some() && !self.locals.contains_key(&name) {
                self.shadow_warning(&name, span);
            }
            match self.locals.get(&name) {
                Some(Local::Int { ty: old, .. } | Local::Obj { ty: old, .. }) if *old == ty => continue,
                Some(_) => {
                    let d = Diagnostic::warning(span, format!("`{name}` is declared again with another type"))
                        .note("every use of the name in this method refers to the last declaration");
                    self.warn(d);
                }
                None => {}
            }
            let local = if ty.is_numeric() {
                Local::Int { slot: self.alloc_int(ty.cells()), ty }
            } else {
                Local::Obj { slot: self.alloc_obj(), ty }
            };
            self.locals.insert(name, local);
        }
    }

    // ---- statements ----

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        if !matches!(s.kind, StmtKind::Block(_) | StmtKind::Empty) {
            self.line(s.span);
        }
        match &s.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Block(stmts) => {
                let mut ok = true;
                for s in stmts {
                    ok &= self.stmt(s).is_ok();
                }
                if ok {
                    Ok(())
                } else {
                    Err(())
                }
            }
            StmtKind::Expr(e) => self.effect(e),
            StmtKind::Var { name, init, .. } => match init {
                Some(init) => {
                    let target = Expr { kind: ExprKind::Ident(name.clone()), span: s.span, parens: false };
                    self.assign(&target, None, init, false, s.span).map(|_| ())
                }
                None => Ok(()),
            },
            StmtKind::If { cond, then, otherwise } => {
                let no = self.new_label();
                self.branch_false(cond, no)?;
                let r1 = self.stmt(then);
                match otherwise {
                    Some(otherwise) => {
                        let end = self.new_label();
                        self.jump(Op::Jmp, end);
                        self.place(no);
                        let r2 = self.stmt(otherwise);
                        self.place(end);
                        r1.and(r2)
                    }
                    None => {
                        self.place(no);
                        r1
                    }
                }
            }
            StmtKind::While { cond, body } => {
                let top = self.new_label();
                let brk = self.new_label();
                self.place(top);
                self.branch_false(cond, brk)?;
                let r = self.loop_body(body, brk, Some(top));
                self.jump(Op::Jmp, top);
                self.place(brk);
                r
            }
            StmtKind::DoWhile { body, cond, post } => {
                let top = self.new_label();
                let cont = self.new_label();
                let brk = self.new_label();
                self.place(top);
                let r = self.loop_body(body, brk, Some(cont));
                self.place(cont);
                self.branch_false(cond, brk)?;
                let r2 = match post {
                    Some(p) => self.loop_body(p, brk, Some(cont)),
                    None => Ok(()),
                };
                self.jump(Op::Jmp, top);
                self.place(brk);
                r.and(r2)
            }
            StmtKind::For { init, cond, step, body } => {
                if let Some(init) = init {
                    self.stmt(init)?;
                }
                let top = self.new_label();
                let cont = self.new_label();
                let brk = self.new_label();
                self.place(top);
                if let Some(cond) = cond {
                    self.branch_false(cond, brk)?;
                }
                let r = self.loop_body(body, brk, Some(cont));
                self.place(cont);
                for e in step {
                    self.effect(e)?;
                }
                self.jump(Op::Jmp, top);
                self.place(brk);
                r
            }
            StmtKind::Foreach { var, var_span, iterable, body } => self.foreach(var, *var_span, iterable, body),
            StmtKind::Switch { value, items } => self.switch(value, items, s.span),
            StmtKind::Try { body, catch_type, var, handler, .. } => {
                let ty = self.cx.resolve_type(catch_type, &self.class.scope)?;
                let Some(class) = ty.class_name() else {
                    self.error(catch_type.span, "catch needs a class, such as `string`");
                    return Err(());
                };
                let catch = self.new_label();
                let out = self.new_label();
                self.summon_class(&class);
                self.jump(Op::PushCatcher, catch);
                self.try_depth += 1;
                let r = self.stmt(body);
                self.try_depth -= 1;
                self.emit(Op::PopCatcher, vec![]);
                self.jump(Op::Jmp, out);
                self.place(catch);
                // The VM removes the matched catcher and cuts the stacks back before jumping here.
                match self.locals.get(var).cloned() {
                    Some(Local::Obj { slot, .. }) => self.emit(Op::OsSet32, vec![Arg::Int(slot as i64)]),
                    _ => self.emit(Op::OsDrop, vec![]),
                }
                let r2 = self.stmt(handler);
                self.place(out);
                r.and(r2)
            }
            StmtKind::Throw(e) => {
                self.value_as(e, Want::Obj)?;
                self.emit(Op::Throw, vec![]);
                Ok(())
            }
            StmtKind::Return(e) => {
                match e {
                    Some(e) => {
                        let want =
                            if self.returns.is_numeric() { Want::Boxed(self.returns.clone()) } else { Want::Obj };
                        self.value_as(e, want)?;
                    }
                    None => {
                        if !matches!(self.returns, Type::Void | Type::Unknown) {
                            let d =
                                Diagnostic::warning(s.span, "`return` without a value in a method that returns one")
                                    .note("the caller gets null");
                            self.warn(d);
                        }
                        self.emit(Op::SummonNull, vec![]);
                    }
                }
                self.emit(Op::Ret, vec![]);
                Ok(())
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let found = self.loops.iter().rev().find_map(|l| {
                    if is_break {
                        Some((l.brk, l.try_depth))
                    } else {
                        l.cont.map(|c| (c, l.try_depth))
                    }
                });
                let Some((label, depth)) = found else {
                    let what = if is_break { "`break` outside a loop or switch" } else { "`continue` outside a loop" };
                    self.error(s.span, what);
                    return Err(());
                };
                // Leaving a `try` block this way must uninstall its catcher.
                for _ in depth..self.try_depth {
                    self.emit(Op::PopCatcher, vec![]);
                }
                self.jump(Op::Jmp, label);
                Ok(())
            }
        }
    }

    fn loop_body(&mut self, body: &Stmt, brk: u32, cont: Option<u32>) -> R<()> {
        self.loops.push(LoopLabels { brk, cont, try_depth: self.try_depth });
        let r = self.stmt(body);
        self.loops.pop();
        r
    }

    fn foreach(&mut self, var: &str, var_span: Span, iterable: &Expr, body: &Stmt) -> R<()> {
        let v = self.value(iterable)?;
        if !matches!(v.ty, Type::Array(_) | Type::Unknown) {
            self.error(iterable.span, format!("foreach walks an array, but this is {}", v.ty.display()));
            return Err(());
        }
        self.convert(&v, &Want::Obj, iterable.span)?;
        let array = self.temp_obj();
        self.store_temp(&array);
        let index_slot = self.alloc_int(1);
        let index = Expr {
            kind: ExprKind::Temp { slot: index_slot, ty: Type::Int, int_stack: true },
            span: var_span,
            parens: false,
        };
        self.iconst(0);
        self.store_temp(&index);
        let top = self.new_label();
        let cont = self.new_label();
        let brk = self.new_label();
        self.place(top);
        self.expr(&index)?;
        self.expr(&array)?;
        self.emit_call(12, 0);
        self.emit(Op::O2i, vec![]);
        self.emit(Op::Ilt, vec![]);
        self.jump(Op::Jz, brk);
        let element = Expr {
            kind: ExprKind::Index { array: Box::new(array.clone()), index: Box::new(index.clone()) },
            span: var_span,
            parens: false,
        };
        let target = Expr { kind: ExprKind::Ident(var.to_string()), span: var_span, parens: false };
        let r =
            self.assign(&target, None, &element, false, var_span).and_then(|_| self.loop_body(body, brk, Some(cont)));
        self.place(cont);
        self.expr(&index)?;
        self.iconst(1);
        self.emit(Op::Isum, vec![]);
        self.store_temp(&index);
        self.jump(Op::Jmp, top);
        self.place(brk);
        self.release(&array);
        self.release(&index);
        r
    }

    fn switch(&mut self, value: &Expr, items: &[SwitchItem], span: Span) -> R<()> {
        let v = self.value(value)?;
        let numeric = v.ty.is_numeric() || v.ty == Type::Unknown;
        let temp = if numeric {
            self.convert(&v, &Want::Num(Type::Int), value.span)?;
            let slot = self.alloc_int(1);
            Expr { kind: ExprKind::Temp { slot, ty: Type::Int, int_stack: true }, span, parens: false }
        } else {
            self.convert(&v, &Want::Obj, value.span)?;
            self.temp_obj()
        };
        self.store_temp(&temp);
        let brk = self.new_label();
        let mut targets = Vec::new();
        let mut default = None;
        let mut seen: HashMap<i32, Span> = HashMap::new();
        for item in items {
            match item {
                SwitchItem::Case(e) => {
                    if let ExprKind::Int(k) = e.kind {
                        if let Some(first) = seen.insert(k, e.span) {
                            let line = self.cx.sources.line(first.file, first.start);
                            self.error(e.span, format!("case {k} appears twice in this switch (first at line {line})"));
                        }
                    }
                    let label = self.new_label();
                    self.expr(&temp)?;
                    if numeric {
                        self.value_as(e, Want::Num(Type::Int))?;
                        self.emit(Op::Isublu, vec![]);
                        self.jump(Op::Jz, label);
                    } else {
                        self.value_as(e, Want::Obj)?;
                        self.emit_call(4, 1);
                        self.emit(Op::O2i, vec![]);
                        self.emit(Op::LogNot, vec![]);
                        self.jump(Op::Jz, label);
                    }
                    targets.push(label);
                }
                SwitchItem::Default(d) => {
                    if default.is_some() {
                        self.error(*d, "a switch has at most one `default`");
                    }
                    default = Some(self.new_label());
                }
                SwitchItem::Stmt(_) => {}
            }
        }
        self.jump(Op::Jmp, default.unwrap_or(brk));
        self.release(&temp);
        let continue_label = self.loops.last().and_then(|l| l.cont);
        self.loops.push(LoopLabels { brk, cont: continue_label, try_depth: self.try_depth });
        let mut cases = targets.into_iter();
        let mut ok = true;
        for item in items {
            match item {
                SwitchItem::Case(_) => {
                    if let Some(l) = cases.next() {
                        self.place(l);
                    }
                }
                SwitchItem::Default(_) => {
                    if let Some(l) = default {
                        self.place(l);
                    }
                }
                SwitchItem::Stmt(s) => ok &= self.stmt(s).is_ok(),
            }
        }
        self.loops.pop();
        self.place(brk);
        if ok {
            Ok(())
        } else {
            Err(())
        }
    }

    /// Jumps to `label` when the condition is false.
    fn branch_false(&mut self, cond: &Expr, label: u32) -> R<()> {
        if let ExprKind::Binary { op: BinOp::And, lhs, rhs } = &cond.kind {
            self.branch_false(lhs, label)?;
            return self.branch_false(rhs, label);
        }
        self.condition(cond)?;
        self.jump(Op::Jz, label);
        Ok(())
    }

    /// Pushes an int that is non-zero when the condition holds.
    fn condition(&mut self, cond: &Expr) -> R<()> {
        let v = self.value(cond)?;
        match &v.ty {
            Type::Int | Type::Unknown => self.convert(&v, &Want::Num(Type::Int), cond.span).map(|_| ()),
            t if t.is_numeric() => {
                // Non-zero test in the value's own type (a conversion to int would truncate).
                self.convert(&v, &Want::Num(t.clone()), cond.span)?;
                let zero = Expr { kind: zero_of(t), span: cond.span, parens: false };
                self.value_as(&zero, Want::Num(t.clone()))?;
                self.numeric_equality(t, true);
                Ok(())
            }
            other => {
                self.error(
                    cond.span,
                    format!("a condition must be a number (0 is false), but this is {}", other.display()),
                );
                self.note("to test for null, write `x :!= null`");
                Err(())
            }
        }
    }

    /// Evaluates for side effects only.
    fn effect(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            ExprKind::Assign { target, op, value } => self.assign(target, *op, value, false, e.span).map(|_| ()),
            ExprKind::Step { target, increment, .. } => self.step(target, *increment, false, false, e.span).map(|_| ()),
            _ => {
                let v = self.expr(e)?;
                self.drop(&v);
                Ok(())
            }
        }
    }

    fn drop(&mut self, v: &Val) {
        match v.loc {
            Loc::Obj => self.emit(Op::OsDrop, vec![]),
            Loc::Int => self.emit_p(v.ty.prefix(), Op::IsDrop, vec![]),
        }
    }

    // ---- conversions ----

    fn conversion(&self, v: &Val, want: &Want) -> Result<Vec<Item>, String> {
        let mut items = Vec::new();
        let target = match want {
            Want::Obj => {
                if v.loc == Loc::Int {
                    items.push(insn(v.ty.prefix(), Op::I2o, vec![]));
                }
                return Ok(items);
            }
            Want::Num(t) | Want::Boxed(t) => t,
        };
        let boxed = matches!(want, Want::Boxed(_));
        let from = match (&v.ty, v.loc) {
            (ty, Loc::Obj) if boxed && (ty == target || matches!(ty, Type::Unknown | Type::Null)) => return Ok(items),
            (ty, Loc::Int) => ty.clone(),
            (ty, Loc::Obj) if ty.is_numeric() => {
                items.push(insn(ty.prefix(), Op::O2i, vec![]));
                ty.clone()
            }
            (Type::Unknown, Loc::Obj) => {
                items.push(insn(target.prefix(), Op::O2i, vec![]));
                target.clone()
            }
            (ty, _) => return Err(format!("expected a number ({}), found {}", target.display(), ty.display())),
        };
        if from != *target {
            let op = match from {
                Type::Long => Op::Froml,
                Type::Float => Op::Fromf,
                Type::Double => Op::Fromd,
                _ => Op::Fromi,
            };
            items.push(insn(target.prefix(), op, vec![]));
        }
        if boxed {
            items.push(insn(target.prefix(), Op::I2o, vec![]));
        }
        Ok(items)
    }

    fn result_of(v: &Val, want: &Want) -> Val {
        match want {
            Want::Obj => Val::obj(v.ty.clone()),
            Want::Num(t) => Val::int(t.clone()),
            Want::Boxed(t) if v.ty.is_numeric() => Val::obj(t.clone()),
            Want::Boxed(_) => Val::obj(v.ty.clone()),
        }
    }

    fn convert(&mut self, v: &Val, want: &Want, span: Span) -> R<Val> {
        match self.conversion(v, want) {
            Ok(mut items) => {
                self.items.append(&mut items);
                Ok(Self::result_of(v, want))
            }
            Err(message) => {
                self.error(span, message);
                Err(())
            }
        }
    }

    /// Like `convert`, for a value computed earlier: the conversion goes at item index `at`.
    fn convert_at(&mut self, at: usize, v: &Val, want: &Want, span: Span) -> R<Val> {
        match self.conversion(v, want) {
            Ok(items) => {
                self.items.splice(at..at, items);
                Ok(Self::result_of(v, want))
            }
            Err(message) => {
                self.error(span, message);
                Err(())
            }
        }
    }

    /// A value that must exist (not the result of a void method).
    fn value(&mut self, e: &Expr) -> R<Val> {
        let v = self.expr(e)?;
        if v.ty == Type::Void {
            self.error(e.span, "this returns nothing (void), so its result cannot be used");
            return Err(());
        }
        Ok(v)
    }

    fn value_as(&mut self, e: &Expr, want: Want) -> R<Val> {
        let v = self.value(e)?;
        self.convert(&v, &want, e.span)
    }

    // ---- expressions ----

    fn expr(&mut self, e: &Expr) -> R<Val> {
        match &e.kind {
            ExprKind::Int(v) => {
                self.iconst(*v);
                Ok(Val::int(Type::Int))
            }
            ExprKind::Long(v) => {
                self.emit(Op::Iconst64, vec![Arg::Int(*v)]);
                Ok(Val::int(Type::Long))
            }
            ExprKind::Float(v) => {
                self.emit(Op::Iconst32, vec![Arg::Int(v.to_bits() as i32 as i64)]);
                Ok(Val::int(Type::Float))
            }
            ExprKind::Double(v) => {
                self.emit_p(Some(TypePrefix::Double), Op::Iconst64, vec![Arg::Int(v.to_bits() as i64)]);
                Ok(Val::int(Type::Double))
            }
            ExprKind::Str(s) => {
                self.const_string(s);
                Ok(Val::obj(Type::string()))
            }
            ExprKind::Resource(path) => {
                let bytes = self.cx.read_resource(self.file, path).map_err(|m| self.error(e.span, m))?;
                self.emit(Op::SconstBin, vec![Arg::Bytes(bytes)]);
                Ok(Val::obj(Type::string()))
            }
            ExprKind::Null => {
                self.emit(Op::SummonNull, vec![]);
                Ok(Val::obj(Type::Null))
            }
            ExprKind::This => {
                self.emit(Op::SummonThis, vec![]);
                Ok(Val::obj(Type::Class(self.class.name.clone())))
            }
            ExprKind::Temp { slot, ty, int_stack } => {
                if *int_stack {
                    self.emit_p(ty.prefix(), Op::IsGet32, vec![Arg::Int(*slot as i64)]);
                    Ok(Val::int(ty.clone()))
                } else {
                    self.emit(Op::OsGet32, vec![Arg::Int(*slot as i64)]);
                    Ok(Val::obj(ty.clone()))
                }
            }
            ExprKind::Ident(name) => self.load_name(name, e.span),
            ExprKind::Call { receiver, callee, args } => self.call(receiver.as_deref(), callee, args, e.span),
            ExprKind::Index { array, index } => {
                let element = self.array_operand(array)?;
                self.value_as(index, Want::Boxed(Type::Int))?;
                self.emit_call(10, 1);
                Ok(Val::obj(element))
            }
            ExprKind::Assign { target, op, value } => self.assign(target, *op, value, true, e.span),
            ExprKind::Step { target, increment, prefix } => self.step(target, *increment, *prefix, true, e.span),
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, e.span),
            ExprKind::Not(inner) => {
                self.condition(inner)?;
                self.emit(Op::LogNot, vec![]);
                Ok(Val::int(Type::Int))
            }
            ExprKind::Neg(inner) => {
                let at = self.items.len();
                let v = self.value(inner)?;
                let t = numeric_operand(&v.ty);
                if !numeric_like(&v.ty) {
                    self.error(inner.span, format!("`-` needs a number, but this is {}", v.ty.display()));
                    return Err(());
                }
                self.convert(&v, &Want::Num(t.clone()), inner.span)?;
                // 0 - x: the zero goes before x.
                let zero = match t {
                    Type::Long => insn(None, Op::Iconst64, vec![Arg::Int(0)]),
                    Type::Double => insn(Some(TypePrefix::Double), Op::Iconst64, vec![Arg::Int(0)]),
                    _ => insn(None, Op::Iconst0, vec![]),
                };
                self.items.insert(at, zero);
                self.emit_p(t.prefix(), Op::Isublu, vec![]);
                Ok(Val::int(t))
            }
            ExprKind::BitNot(inner) => {
                let v = self.value(inner)?;
                let t = numeric_operand(&v.ty);
                if !matches!(t, Type::Int | Type::Long) {
                    self.error(inner.span, format!("`~` needs an int or a long, but this is {}", v.ty.display()));
                    return Err(());
                }
                self.convert(&v, &Want::Num(t.clone()), inner.span)?;
                self.emit_p(t.prefix(), Op::Inot, vec![]);
                Ok(Val::int(t))
            }
            ExprKind::Cast { ty, expr } => self.cast(ty, expr, e.span),
            ExprKind::InstanceOf { expr, ty } => {
                let t = self.cx.resolve_type(ty, &self.class.scope)?;
                let Some(class) = t.class_name() else {
                    self.error(ty.span, "instanceof needs a class");
                    return Err(());
                };
                if self.is_interface(&t) {
                    self.error(ty.span, "instanceof cannot test an interface: class files do not record them");
                    return Err(());
                }
                self.summon_class(&class);
                self.value_as(expr, Want::Obj)?;
                self.emit_call(14, 1);
                self.emit(Op::O2i, vec![]);
                Ok(Val::int(Type::Int))
            }
            ExprKind::New { ty, args } => self.new_object(ty, args, e.span),
            ExprKind::NewDynamic { class, ty, args } => {
                if let Some(a) = args.first() {
                    self.error(a.span, "no constructor runs for `new *(...)`, so it takes no arguments");
                    return Err(());
                }
                self.value_as(class, Want::Obj)?;
                self.emit(Op::New, vec![]);
                let t = match ty {
                    Some(t) => self.cx.resolve_type(t, &self.class.scope)?,
                    None => Type::Unknown,
                };
                Ok(Val::obj(t))
            }
            ExprKind::Conditional { cond, then, otherwise } => {
                let no = self.new_label();
                let end = self.new_label();
                self.branch_false(cond, no)?;
                let a = self.value(then)?;
                let a_end = self.items.len();
                self.jump(Op::Jmp, end);
                self.place(no);
                let b = self.value(otherwise)?;
                let (want, ty) =
                    if numeric_like(&a.ty) && numeric_like(&b.ty) && (a.ty.is_numeric() || b.ty.is_numeric()) {
                        let t = common_numeric(&a.ty, &b.ty);
                        (Want::Num(t.clone()), t)
                    } else {
                        (Want::Obj, self.common_type(&a.ty, &b.ty))
                    };
                self.convert(&b, &want, otherwise.span)?;
                self.convert_at(a_end, &a, &want, then.span)?;
                self.place(end);
                Ok(match want {
                    Want::Num(t) => Val::int(t),
                    _ => Val::obj(ty),
                })
            }
        }
    }

    fn is_interface(&self, t: &Type) -> bool {
        matches!(t, Type::Class(c) if self.cx.table.get(c).is_some_and(|i| i.is_interface))
    }

    fn common_type(&self, a: &Type, b: &Type) -> Type {
        if a == b {
            return a.clone();
        }
        match (a, b) {
            (Type::Null, t) | (t, Type::Null) => t.clone(),
            (Type::Class(x), Type::Class(y)) => {
                if self.cx.table.is_subclass(x, y) {
                    b.clone()
                } else if self.cx.table.is_subclass(y, x) {
                    a.clone()
                } else {
                    Type::Unknown
                }
            }
            _ => Type::Unknown,
        }
    }

    fn lookup_local(&self, name: &str) -> Option<Local> {
        self.locals.get(name).cloned()
    }

    fn load_name(&mut self, name: &str, span: Span) -> R<Val> {
        if let Some(local) = self.lookup_local(name) {
            return Ok(match local {
                Local::Obj { slot, ty } => {
                    self.emit(Op::OsGet32, vec![Arg::Int(slot as i64)]);
                    Val::obj(ty)
                }
                Local::Int { slot, ty } => {
                    self.emit_p(ty.prefix(), Op::IsGet32, vec![Arg::Int(slot as i64)]);
                    Val::int(ty)
                }
            });
        }
        if let Some(field) = self.cx.table.field(&self.class.name, name) {
            self.load_field(field.slot);
            return Ok(Val::obj(field.ty));
        }
        self.error(span, format!("unknown name `{name}`: not a variable, an argument or a field of this class"));
        Err(())
    }

    /// Pushes an array (boxed) and returns its element type; anything else is an error.
    fn array_operand(&mut self, array: &Expr) -> R<Type> {
        let a = self.value(array)?;
        let element = match &a.ty {
            Type::Array(el) => (**el).clone(),
            Type::Unknown => Type::Unknown,
            other => {
                self.error(array.span, format!("only arrays can be indexed, but this is {}", other.display()));
                return Err(());
            }
        };
        self.convert(&a, &Want::Obj, array.span)?;
        Ok(element)
    }

    /// Evaluates `array[index]`'s array and index once, into temporaries, for code that reads
    /// and then writes the element. Returns the element expression over the temporaries and the
    /// two temporaries, to release afterwards.
    fn element_in_temps(&mut self, array: &Expr, index: &Expr, span: Span) -> R<(Expr, Expr, Expr)> {
        let ta = self.temp_obj();
        self.value_as(array, Want::Obj)?;
        self.store_temp(&ta);
        let ti = self.temp_obj();
        self.value_as(index, Want::Boxed(Type::Int))?;
        self.store_temp(&ti);
        let element = Expr {
            kind: ExprKind::Index { array: Box::new(ta.clone()), index: Box::new(ti.clone()) },
            span,
            parens: false,
        };
        Ok((element, ta, ti))
    }

    /// `target = value` or `target op= value`; leaves the new value when `want` is set.
    fn assign(&mut self, target: &Expr, op: Option<BinOp>, value: &Expr, want: bool, span: Span) -> R<Val> {
        if let Some(op) = op {
            // `a[i] op= v`: evaluate the array and index once, into temporaries.
            if let ExprKind::Index { array, index } = &target.kind {
                let (element, ta, ti) = self.element_in_temps(array, index, target.span)?;
                let combined = Expr {
                    kind: ExprKind::Binary { op, lhs: Box::new(element.clone()), rhs: Box::new(value.clone()) },
                    span,
                    parens: true,
                };
                let r = self.assign(&element, None, &combined, want, span);
                self.release(&ti);
                self.release(&ta);
                return r;
            }
            let combined = Expr {
                kind: ExprKind::Binary { op, lhs: Box::new(target.clone()), rhs: Box::new(value.clone()) },
                span,
                parens: true,
            };
            return self.assign(target, None, &combined, want, span);
        }
        match &target.kind {
            ExprKind::Ident(name) => {
                if let Some(local) = self.lookup_local(name) {
                    match local {
                        Local::Int { slot, ty } => {
                            self.value_as(value, Want::Num(ty.clone()))?;
                            if want {
                                self.emit_p(ty.prefix(), Op::IsDup, vec![]);
                            }
                            self.emit_p(ty.prefix(), Op::IsSet32, vec![Arg::Int(slot as i64)]);
                            Ok(Val::int(ty))
                        }
                        Local::Obj { slot, ty } => {
                            self.store_value(&ty, value)?;
                            if want {
                                self.emit(Op::OsDup, vec![]);
                            }
                            self.emit(Op::OsSet32, vec![Arg::Int(slot as i64)]);
                            Ok(Val::obj(ty))
                        }
                    }
                } else if let Some(field) = self.cx.table.field(&self.class.name, name) {
                    self.store_value(&field.ty, value)?;
                    if want {
                        self.emit(Op::OsDup, vec![]);
                    }
                    self.save_field(field.slot);
                    Ok(Val::obj(field.ty))
                } else {
                    self.error(target.span, format!("unknown name `{name}`: declare it with `var {name} : type;`"));
                    Err(())
                }
            }
            ExprKind::Index { array, index } => {
                let element = self.array_operand(array)?;
                self.store_value(&element, value)?;
                // array.set(value, index) returns the value it stored.
                self.value_as(index, Want::Boxed(Type::Int))?;
                self.emit_call(11, 2);
                if !want {
                    self.emit(Op::OsDrop, vec![]);
                }
                Ok(Val::obj(element))
            }
            ExprKind::Temp { .. } => {
                let ExprKind::Temp { ty, int_stack, .. } = &target.kind else { unreachable!() };
                let want_kind = if *int_stack { Want::Num(ty.clone()) } else { Want::Obj };
                self.value_as(value, want_kind)?;
                self.store_temp(target);
                Ok(Val::obj(Type::Void))
            }
            _ => {
                self.error(target.span, "only a variable, a field or an array element can be assigned to");
                Err(())
            }
        }
    }

    /// Pushes `value` as an object fit for a slot of type `ty`: numbers converted and boxed,
    /// a checked cast when the value's class is only known at run time.
    fn store_value(&mut self, ty: &Type, value: &Expr) -> R<()> {
        let v = self.value(value)?;
        if ty.is_numeric() {
            if v.ty.is_numeric() || v.ty == Type::Unknown {
                self.convert(&v, &Want::Boxed(ty.clone()), value.span)?;
                return Ok(());
            }
            if v.ty == Type::Null {
                return Ok(());
            }
            self.error(value.span, format!("cannot assign {} to a variable of type {}", v.ty.display(), ty.display()));
            return Err(());
        }
        self.convert(&v, &Want::Obj, value.span)?;
        let from = v.ty;
        let check = if from == Type::Unknown {
            !matches!(ty, Type::Unknown) && *ty != Type::object()
        } else if self.cx.table.assignable(ty, &from) {
            false
        } else if self.cx.table.assignable(&from, ty) {
            true
        } else {
            self.error(value.span, format!("cannot assign {} to a variable of type {}", from.display(), ty.display()));
            return Err(());
        };
        if check && !self.is_interface(ty) {
            // Narrowing: checked at run time.
            if let Some(class) = ty.class_name() {
                self.summon_class(&class);
                self.emit(Op::Cast, vec![]);
            }
        }
        Ok(())
    }

    /// `++x`, `x++`, `--x`, `x--`.
    fn step(&mut self, target: &Expr, increment: bool, prefix: bool, want: bool, span: Span) -> R<Val> {
        let op = if increment { BinOp::Add } else { BinOp::Sub };
        let one = Expr { kind: ExprKind::Int(1), span, parens: false };
        if !want || prefix {
            return self.assign(target, Some(op), &one, want, span);
        }
        // Postfix with a value: the old value, then the update.
        if let ExprKind::Index { array, index } = &target.kind {
            let (element, ta, ti) = self.element_in_temps(array, index, target.span)?;
            let old = self.value(&element)?;
            self.assign(&element, Some(op), &one, false, span)?;
            self.release(&ti);
            self.release(&ta);
            return Ok(old);
        }
        let old = self.value(target)?;
        self.assign(target, Some(op), &one, false, span)?;
        Ok(old)
    }

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, span: Span) -> R<Val> {
        use BinOp::*;
        match op {
            And | Or => {
                let skip = self.new_label();
                let end = self.new_label();
                self.condition(lhs)?;
                self.jump(Op::Jz, skip);
                if op == And {
                    self.condition(rhs)?;
                    self.emit(Op::LogNot, vec![]);
                    self.emit(Op::LogNot, vec![]);
                    self.jump(Op::Jmp, end);
                    self.place(skip);
                    self.iconst(0);
                } else {
                    self.iconst(1);
                    self.jump(Op::Jmp, end);
                    self.place(skip);
                    self.condition(rhs)?;
                    self.emit(Op::LogNot, vec![]);
                    self.emit(Op::LogNot, vec![]);
                }
                self.place(end);
                return Ok(Val::int(Type::Int));
            }
            RefEq | RefNe => {
                self.value_as(lhs, Want::Obj)?;
                self.value_as(rhs, Want::Obj)?;
                self.emit(if op == RefEq { Op::OsEq } else { Op::OsNeq }, vec![]);
                return Ok(Val::int(Type::Int));
            }
            Eq | Ne if matches!(lhs.kind, ExprKind::Null) || matches!(rhs.kind, ExprKind::Null) => {
                // `x == null` is a null test, not a call of equals on a possibly null x.
                let other = if matches!(lhs.kind, ExprKind::Null) { rhs } else { lhs };
                self.value_as(other, Want::Obj)?;
                self.emit(Op::OsIsnull, vec![]);
                if op == Ne {
                    self.emit(Op::LogNot, vec![]);
                }
                return Ok(Val::int(Type::Int));
            }
            _ => {}
        }
        let a = self.value(lhs)?;
        let after_a = self.items.len();
        let b = self.value(rhs)?;
        if op == Add && (a.ty.is_string() || b.ty.is_string()) {
            // String concatenation: both sides as strings, then concat (string method 10).
            self.convert(&b, &Want::Obj, rhs.span)?;
            if !b.ty.is_string() {
                self.emit_call(5, 0);
            }
            let mut to_string = self.conversion(&a, &Want::Obj).unwrap_or_default();
            if !a.ty.is_string() {
                to_string.push(insn(None, Op::Call, vec![Arg::Int(5), Arg::Int(0)]));
            }
            self.items.splice(after_a..after_a, to_string);
            self.emit_call(10, 1);
            return Ok(Val::obj(Type::string()));
        }
        if matches!(op, Eq | Ne) {
            if (a.ty.is_numeric() || b.ty.is_numeric()) && numeric_like(&a.ty) && numeric_like(&b.ty) {
                let t = common_numeric(&a.ty, &b.ty);
                self.convert(&b, &Want::Num(t.clone()), rhs.span)?;
                self.convert_at(after_a, &a, &Want::Num(t.clone()), lhs.span)?;
                self.numeric_equality(&t, op == Ne);
                return Ok(Val::int(Type::Int));
            }
            // Value equality of objects: lhs.equals(rhs).
            self.convert(&b, &Want::Obj, rhs.span)?;
            self.convert_at(after_a, &a, &Want::Obj, lhs.span)?;
            self.emit_call(4, 1);
            self.emit(Op::O2i, vec![]);
            if op == Ne {
                self.emit(Op::LogNot, vec![]);
            }
            return Ok(Val::int(Type::Int));
        }
        for (v, side) in [(&a, lhs), (&b, rhs)] {
            if !numeric_like(&v.ty) {
                self.error(side.span, format!("`{}` needs numbers, but this is {}", op.symbol(), v.ty.display()));
                if op == Add {
                    self.note("`+` joins strings when one side is a string");
                }
                return Err(());
            }
        }
        let t = common_numeric(&a.ty, &b.ty);
        let integral = matches!(op, BitOr | BitAnd | BitXor | Shl | Shr | Ushr);
        if integral && !matches!(t, Type::Int | Type::Long) {
            self.error(span, format!("`{}` needs ints or longs, not {}", op.symbol(), t.display()));
            return Err(());
        }
        // Shift counts are of the value's type (the VM takes both of the prefix's type).
        self.convert(&b, &Want::Num(t.clone()), rhs.span)?;
        self.convert_at(after_a, &a, &Want::Num(t.clone()), lhs.span)?;
        let (machine, result) = match op {
            Add => (Op::Isum, t.clone()),
            Sub => (Op::Isublu, t.clone()),
            Mul => (Op::Imul, t.clone()),
            Div => (Op::Idivlu, t.clone()),
            Rem => (Op::Iremlu, t.clone()),
            BitOr => (Op::Ior, t.clone()),
            BitAnd => (Op::Iand, t.clone()),
            BitXor => (Op::Ixor, t.clone()),
            Shl => (Op::Ishl, t.clone()),
            Shr => (Op::Ishr, t.clone()),
            Ushr => (Op::Ushr, t.clone()),
            Lt => (Op::Ilt, Type::Int),
            Gt => (Op::Igt, Type::Int),
            Le => (Op::Ile, Type::Int),
            Ge => (Op::Ige, Type::Int),
            And | Or | Eq | Ne | RefEq | RefNe => unreachable!("handled above"),
        };
        self.emit_p(t.prefix(), machine, vec![]);
        Ok(Val::int(result))
    }

    /// With two numbers of type `t` on the integer stack, leaves 1 if they are equal (or, with
    /// `negate`, if they differ), else 0. For long, float and double the test is `a >= b && a
    /// <= b`, exact and false for NaN, where the original truncated the difference to an int.
    fn numeric_equality(&mut self, t: &Type, negate: bool) {
        if *t == Type::Int {
            self.emit(Op::Isublu, vec![]);
            self.emit(Op::LogNot, vec![]);
        } else {
            let cells = t.cells();
            let b = self.alloc_int(cells);
            let a = self.alloc_int(cells);
            let p = t.prefix();
            self.emit_p(p, Op::IsSet32, vec![Arg::Int(b as i64)]);
            self.emit_p(p, Op::IsSet32, vec![Arg::Int(a as i64)]);
            for cmp in [Op::Ige, Op::Ile] {
                self.emit_p(p, Op::IsGet32, vec![Arg::Int(a as i64)]);
                self.emit_p(p, Op::IsGet32, vec![Arg::Int(b as i64)]);
                self.emit_p(p, cmp, vec![]);
            }
            self.emit(Op::LogAnd, vec![]);
            if cells == 1 {
                self.free_int.push(a);
                self.free_int.push(b);
            }
        }
        if negate {
            self.emit(Op::LogNot, vec![]);
        }
    }

    fn cast(&mut self, ty: &TypeExpr, inner: &Expr, span: Span) -> R<Val> {
        let to = self.cx.resolve_type(ty, &self.class.scope)?;
        let v = self.value(inner)?;
        if to.is_numeric() {
            if numeric_like(&v.ty) {
                return self.convert(&v, &Want::Num(to), inner.span);
            }
            self.error(span, format!("cannot cast {} to {}", v.ty.display(), to.display()));
            if v.ty.is_string() {
                self.note("to parse a number, call toInt() or toLong()");
            }
            return Err(());
        }
        if to == Type::Void || to == Type::Unknown {
            return self.convert(&v, &Want::Obj, inner.span);
        }
        if v.ty.is_numeric() && to.is_string() {
            self.error(span, format!("cannot cast {} to string; call toString()", v.ty.display()));
            return Err(());
        }
        self.convert(&v, &Want::Obj, inner.span)?;
        // Class files do not record interfaces, so a cast to one cannot be checked at run time.
        if (v.ty == Type::Unknown || !self.cx.table.assignable(&to, &v.ty)) && !self.is_interface(&to) {
            if let Some(class) = to.class_name() {
                self.summon_class(&class);
                self.emit(Op::Cast, vec![]);
            }
        }
        Ok(Val::obj(to))
    }

    fn new_object(&mut self, ty: &TypeExpr, args: &[Expr], span: Span) -> R<Val> {
        let t = self.cx.resolve_type(ty, &self.class.scope)?;
        let class = match &t {
            Type::Array(_) => ARRAY.to_string(),
            Type::Void | Type::Unknown | Type::Null => {
                self.error(ty.span, "`new` needs a class");
                return Err(());
            }
            other => other.class_name().unwrap_or_default(),
        };
        let info = self.cx.table.lookup(&class).cloned();
        let Some(info) = info else {
            self.error(ty.span, format!("unknown class `{class}`"));
            return Err(());
        };
        if info.is_interface {
            self.error(ty.span, format!("`{class}` is an interface and cannot be instantiated"));
            return Err(());
        }
        self.summon_class(&class);
        self.emit(Op::New, vec![]);
        if info.internal || matches!(t, Type::Array(_)) {
            if let Some(a) = args.first() {
                self.error(a.span, format!("internal class `{class}` is created without arguments"));
                return Err(());
            }
            return Ok(Val::obj(t));
        }
        let ctors: Vec<MethodInfo> = info.methods.iter().filter(|m| m.ctor).cloned().collect();
        // A class file that declares no constructor (the original compiler's output for a class
        // without one) is instantiated as the original does: allocated, nothing called.
        if ctors.is_empty() && args.is_empty() {
            return Ok(Val::obj(t));
        }
        let (vals, ends, types) = self.arguments(args)?;
        let ctor = choose(&self.cx.table, &ctors, &types);
        let Some(ctor) = ctor else {
            let shown: Vec<String> = types.iter().map(|t| t.display()).collect();
            self.error(span, format!("`{class}` has no constructor taking ({})", shown.join(", ")));
            let list: Vec<String> = ctors
                .iter()
                .map(|m| format!("({})", m.params.iter().map(|p| p.display()).collect::<Vec<_>>().join(", ")))
                .collect();
            if list.is_empty() {
                self.note(format!("`{class}` declares no constructor, so `new` takes no arguments"));
            } else {
                self.note(format!("constructors: {}", list.join(" ")));
            }
            return Err(());
        };
        self.convert_args(&vals, &ends, &ctor.params, args)?;
        self.emit(Op::OsPull32, vec![Arg::Int(args.len() as i64)]);
        self.summon_class(&class);
        self.emit(Op::StaticInvoke, vec![Arg::Int(ctor.ordinal as i64), Arg::Int(args.len() as i64)]);
        self.emit(Op::OsDrop, vec![]);
        Ok(Val::obj(t))
    }

    /// Evaluates call arguments in order: their values, where each one's code ends (so that a
    /// conversion can be inserted there once the callee is chosen), and their types.
    fn arguments(&mut self, args: &[Expr]) -> R<(Vec<Val>, Vec<usize>, Vec<Type>)> {
        let mut vals = Vec::new();
        let mut ends = Vec::new();
        for a in args {
            vals.push(self.value(a)?);
            ends.push(self.items.len());
        }
        let types = vals.iter().map(|v| v.ty.clone()).collect();
        Ok((vals, ends, types))
    }

    /// Boxes already computed arguments, converting numbers to the parameter types.
    fn convert_args(&mut self, vals: &[Val], ends: &[usize], params: &[Type], args: &[Expr]) -> R<()> {
        for i in (0..vals.len()).rev() {
            let want = match params.get(i) {
                Some(p) if p.is_numeric() && vals[i].ty.is_numeric() => Want::Boxed(p.clone()),
                _ => Want::Obj,
            };
            self.convert_at(ends[i], &vals[i], &want, args[i].span)?;
        }
        Ok(())
    }

    fn call(&mut self, receiver: Option<&Expr>, callee: &Callee, args: &[Expr], span: Span) -> R<Val> {
        let class = match receiver {
            None => {
                self.emit(Op::SummonThis, vec![]);
                Some(self.class.name.clone())
            }
            Some(r) => {
                let v = self.value(r)?;
                self.convert(&v, &Want::Obj, r.span)?;
                match &v.ty {
                    Type::Unknown | Type::Null => None,
                    t => t.class_name(),
                }
            }
        };
        let name = match callee {
            Callee::Ordinal(n) => {
                for a in args {
                    self.value_as(a, Want::Obj)?;
                }
                self.emit_call(*n, args.len() as u32);
                return Ok(Val::obj(Type::Unknown));
            }
            Callee::Name(n) => n.clone(),
        };
        let class = match class {
            Some(c) => c,
            // Every object has the object protocol at fixed ordinals; anything else is looked
            // up by name at run time.
            None if self.cx.table.get(OBJECT).is_some_and(|o| o.methods.iter().any(|m| m.name == name)) => {
                OBJECT.to_string()
            }
            None => return self.dynamic_call(&name, args),
        };
        let (vals, ends, types) = self.arguments(args)?;
        if self.cx.table.lookup(&class).is_none() {
            self.error(span, format!("unknown class `{class}`"));
            return Err(());
        }
        let method = match self.cx.table.resolve_method(&class, &name, &types) {
            Ok(m) => m,
            // A single method of that name and argument count: the original compiler passed
            // mismatched arguments through unchanged (its library relies on it), so do we.
            Err(candidates) if candidates.iter().filter(|m| m.params.len() == args.len()).count() == 1 => {
                let m = candidates.into_iter().find(|m| m.params.len() == args.len()).expect("counted");
                let shown: Vec<String> = types.iter().map(|t| t.display()).collect();
                let expected: Vec<String> = m.params.iter().map(|t| t.display()).collect();
                let d = Diagnostic::warning(
                    span,
                    format!("`{name}` takes ({}), but gets ({})", expected.join(", "), shown.join(", ")),
                )
                .note("the arguments are passed unchanged, as the original compiler did");
                self.warn(d);
                for i in (0..vals.len()).rev() {
                    self.convert_at(ends[i], &vals[i], &Want::Obj, args[i].span)?;
                }
                self.emit_call(m.ordinal, args.len() as u32);
                return Ok(Val::obj(m.returns));
            }
            Err(candidates) => {
                let shown: Vec<String> = types.iter().map(|t| t.display()).collect();
                let mut d = Diagnostic::error(
                    span,
                    format!("class `{class}` has no method `{name}` taking ({})", shown.join(", ")),
                );
                for m in candidates.iter().take(5) {
                    let ps: Vec<String> = m.params.iter().map(|p| p.display()).collect();
                    d = d.note(format!("there is {name}({}) [ordinal {}]", ps.join(", "), m.ordinal));
                }
                if candidates.is_empty() {
                    d = d.note("methods of other classes can still be called by ordinal, as in `x.16(a)`");
                }
                self.cx.diags.push(d);
                return Err(());
            }
        };
        if method.ctor {
            self.error(span, "a constructor runs only through `new`");
            return Err(());
        }
        self.convert_args(&vals, &ends, &method.params, args)?;
        self.emit_call(method.ordinal, args.len() as u32);
        Ok(Val::obj(method.returns))
    }

    /// A call by name on an untyped receiver (already on the stack): the VM looks the method up
    /// by name at run time (`dynamic_invoke` wants the arguments below the receiver).
    fn dynamic_call(&mut self, name: &str, args: &[Expr]) -> R<Val> {
        let receiver = self.temp_obj();
        self.store_temp(&receiver);
        for a in args {
            self.value_as(a, Want::Obj)?;
        }
        self.expr(&receiver)?;
        self.release(&receiver);
        self.const_string(name.as_bytes());
        self.iconst(args.len() as i32);
        self.emit(Op::DynamicInvoke, vec![]);
        Ok(Val::obj(Type::Unknown))
    }
}

/// Picks the method for the argument types: exact match, else the first that accepts them.
fn choose(table: &crate::classes::ClassTable, methods: &[MethodInfo], args: &[Type]) -> Option<MethodInfo> {
    methods
        .iter()
        .find(|m| m.params.len() == args.len() && m.params.iter().zip(args).all(|(p, a)| p == a))
        .or_else(|| {
            methods.iter().find(|m| {
                m.params.len() == args.len() && m.params.iter().zip(args).all(|(p, a)| table.assignable(p, a))
            })
        })
        .cloned()
}

fn numeric_like(t: &Type) -> bool {
    t.is_numeric() || *t == Type::Unknown
}

/// An untyped operand takes the type of the other side (int if both are untyped).
fn common_numeric(a: &Type, b: &Type) -> Type {
    let a = numeric_operand(a);
    let b = numeric_operand(b);
    if a.rank() >= b.rank() {
        a
    } else {
        b
    }
}

fn numeric_operand(t: &Type) -> Type {
    if t.is_numeric() {
        t.clone()
    } else {
        Type::Int
    }
}

fn zero_of(t: &Type) -> ExprKind {
    match t {
        Type::Long => ExprKind::Long(0),
        Type::Float => ExprKind::Float(0.0),
        Type::Double => ExprKind::Double(0.0),
        _ => ExprKind::Int(0),
    }
}

/// The type of an initialiser whose type is evident without compiling it.
fn literal_type(e: &Expr) -> Type {
    match &e.kind {
        ExprKind::Int(_) => Type::Int,
        ExprKind::Long(_) => Type::Long,
        ExprKind::Float(_) => Type::Float,
        ExprKind::Double(_) => Type::Double,
        ExprKind::Str(_) => Type::string(),
        _ => Type::Unknown,
    }
}

type Decl<'a> = (String, Option<&'a TypeExpr>, Option<&'a Expr>, Span);

fn collect_decls<'a>(stmts: &'a [Stmt], out: &mut Vec<Decl<'a>>) {
    for s in stmts {
        collect_stmt(s, out);
    }
}

fn collect_stmt<'a>(s: &'a Stmt, out: &mut Vec<Decl<'a>>) {
    match &s.kind {
        StmtKind::Var { name, ty, init } => out.push((name.clone(), ty.as_ref(), init.as_ref(), s.span)),
        StmtKind::Block(b) => collect_decls(b, out),
        StmtKind::If { then, otherwise, .. } => {
            collect_stmt(then, out);
            if let Some(o) = otherwise {
                collect_stmt(o, out);
            }
        }
        StmtKind::While { body, .. } => collect_stmt(body, out),
        StmtKind::DoWhile { body, post, .. } => {
            collect_stmt(body, out);
            if let Some(p) = post {
                collect_stmt(p, out);
            }
        }
        StmtKind::For { init, body, .. } => {
            if let Some(i) = init {
                collect_stmt(i, out);
            }
            collect_stmt(body, out);
        }
        StmtKind::Foreach { var, var_span, body, .. } => {
            out.push((var.clone(), None, None, *var_span));
            collect_stmt(body, out);
        }
        StmtKind::Switch { items, .. } => {
            for item in items {
                if let SwitchItem::Stmt(s) = item {
                    collect_stmt(s, out);
                }
            }
        }
        StmtKind::Try { body, catch_type, var, var_span, handler } => {
            collect_stmt(body, out);
            out.push((var.clone(), Some(catch_type), None, *var_span));
            collect_stmt(handler, out);
        }
        _ => {}
    }
}
