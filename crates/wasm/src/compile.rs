//! A validated function body to `Op`s over frame slots.
//!
//! The compiler keeps wasm's operand stack as it will be at run time, entry by entry: a value
//! in its temporary slot (`base + position`), or still a local or a constant, not yet copied
//! anywhere. Instructions read locals and constants where they are, so `local.get`,
//! `local.get`, `i32.add`, `local.set` is one instruction. At every block boundary and branch
//! the stack is made concrete (every entry in its temporary slot), so all the ways into a
//! label agree on where each value is.

use wasmparser::{BlockType, FunctionBody, Operator};

use crate::module::{Module, Signature};
use crate::ops::{branch_target, fuse_branch, negate, numeric_ops, Op};
use crate::Error;

/// A branch table's entries: where each goes and where its values are copied.
#[derive(Clone, Debug)]
pub(crate) struct BranchTable {
    /// The values carried: `arity` slots from `src`.
    pub src: u32,
    pub arity: u32,
    /// (target instruction, destination slot); the last is the default.
    pub targets: Vec<(u32, u32)>,
    /// Whether a target is a loop's start (a backward jump).
    pub backward: Vec<bool>,
}

#[derive(Debug)]
pub(crate) struct Function {
    pub code: Vec<Op>,
    /// The wasm byte offset of each instruction, for traps.
    pub offsets: Vec<u32>,
    pub tables: Vec<BranchTable>,
    pub params: u32,
    /// Locals (parameters included).
    pub locals: u32,
    /// Slots the frame needs: locals and the deepest operand stack.
    pub frame: u32,
    pub results: u32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Entry {
    Temp,
    Local(u32),
    Const(u64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Pending {
    Op(usize),
    Table(usize, usize),
}

struct Control {
    is_loop: bool,
    /// Stack height below the block's parameters.
    height: usize,
    params: usize,
    results: usize,
    /// A loop's first instruction.
    start: u32,
    /// Jumps to the end, to be patched when it is reached.
    pending: Vec<Pending>,
    /// An `if`'s jump to its `else` (or end).
    else_jump: Option<usize>,
    /// Whether code before the block could reach it.
    live_at_entry: bool,
}

struct Compiler<'m> {
    /// Constants used inside loops, each in a slot after the locals set once at entry.
    pool: Vec<u64>,
    locals: u32,
    module: &'m Module,
    code: Vec<Op>,
    offsets: Vec<u32>,
    tables: Vec<BranchTable>,
    stack: Vec<Entry>,
    controls: Vec<Control>,
    base: u32,
    max_height: usize,
    live: bool,
    offset: u32,
    /// The last instruction, if it wrote a fresh temporary on top of the stack (so a
    /// `local.set` may redirect it).
    fresh_top: Option<usize>,
}

pub(crate) fn compile_function(
    module: &Module,
    index: u32,
    signature: &Signature,
    body: &FunctionBody<'_>,
) -> Result<Function, Error> {
    let mut locals = signature.params.len() as u32;
    for local in body.get_locals_reader().map_err(Error::invalid)? {
        let (count, _) = local.map_err(Error::invalid)?;
        locals = locals.checked_add(count).ok_or_else(|| Error::unsupported("so many locals", 0))?;
    }
    let pool = loop_constants(body)?;
    let mut c = Compiler {
        pool: pool.clone(),
        locals,
        module,
        code: Vec::new(),
        offsets: Vec::new(),
        tables: Vec::new(),
        stack: Vec::new(),
        controls: vec![Control {
            is_loop: false,
            height: 0,
            params: 0,
            results: signature.results.len(),
            start: 0,
            pending: Vec::new(),
            else_jump: None,
            live_at_entry: true,
        }],
        base: locals + pool.len() as u32,
        max_height: 0,
        live: true,
        offset: 0,
        fresh_top: None,
    };
    for (k, &value) in pool.iter().enumerate() {
        let dst = locals + k as u32;
        c.emit(constant(dst, value));
    }
    let mut reader = body.get_operators_reader().map_err(Error::invalid)?;
    while !reader.eof() {
        c.offset = reader.original_position() as u32;
        let op = reader.read().map_err(Error::invalid)?;
        c.operator(op).map_err(|e| e.in_function(module.function_name(index)))?;
    }
    let frame = (c.base as usize + c.max_height + 1).min(u32::MAX as usize) as u32;
    Ok(Function {
        code: c.code,
        offsets: c.offsets,
        tables: c.tables,
        params: signature.params.len() as u32,
        locals,
        frame,
        results: signature.results.len() as u32,
    })
}

/// Constants the function's loops use, the first few, so that they are not set again on
/// every turn.
fn loop_constants(body: &FunctionBody<'_>) -> Result<Vec<u64>, Error> {
    const MOST: usize = 16;
    let mut pool = Vec::new();
    let mut depth = 0u32;
    let mut loops = Vec::new();
    let mut reader = body.get_operators_reader().map_err(Error::invalid)?;
    while !reader.eof() && pool.len() < MOST {
        let value = match reader.read().map_err(Error::invalid)? {
            Operator::Block { .. } | Operator::If { .. } => {
                loops.push(false);
                continue;
            }
            Operator::Loop { .. } => {
                loops.push(true);
                depth += 1;
                continue;
            }
            Operator::End => {
                if loops.pop() == Some(true) {
                    depth -= 1;
                }
                continue;
            }
            Operator::I32Const { value } => value as u32 as u64,
            Operator::I64Const { value } => value as u64,
            Operator::F32Const { value } => value.bits() as u64,
            Operator::F64Const { value } => value.bits(),
            _ => continue,
        };
        if depth > 0 && !pool.contains(&value) {
            pool.push(value);
        }
    }
    Ok(pool)
}

/// An instruction setting slot `dst` to the constant `v`.
fn constant(dst: u32, v: u64) -> Op {
    match u32::try_from(v) {
        Ok(value) => Op::Const32 { dst, value },
        Err(_) => Op::Const64 { dst, value: v },
    }
}

fn dst_of(mut op: Op) -> Option<u32> {
    op.dst_mut().copied()
}

macro_rules! compile_numeric {
    (
        unary { $($u:ident($ua:ident) => $ue:expr;)* }
        binary32 { $($b:ident / $bk:ident($ba:ident, $bb:ident) => $be:expr;)* }
        binary64i { $($l:ident / $lk:ident($la:ident, $lb:ident) => $le:expr;)* }
        binary64f { $($f:ident($fa:ident, $fb:ident) => $fe:expr;)* }
        trapping { $($t:ident($($ta:ident),*) => $te:expr;)* }
    ) => {
        impl Compiler<'_> {
            /// A numeric operator; false if `op` is not one.
            fn numeric(&mut self, op: &Operator<'_>) -> bool {
                match *op {
                    $(Operator::$u => {
                        let a = self.operand(0);
                        let dst = self.result_slot(1);
                        self.pop(1);
                        self.emit_result(Op::$u { dst, $ua: a });
                    })*
                    $(Operator::$b => {
                        if let Entry::Const(k) = self.top(0) {
                            let a = self.operand(1);
                            let dst = self.result_slot(2);
                            self.pop(2);
                            self.emit_result(Op::$bk { dst, $ba: a, k: k as u32 });
                        } else {
                            let (a, b) = (self.operand(1), self.operand(0));
                            let dst = self.result_slot(2);
                            self.pop(2);
                            self.emit_result(Op::$b { dst, $ba: a, $bb: b });
                        }
                    })*
                    $(Operator::$l => {
                        match self.top(0) {
                            Entry::Const(k) if k as i64 == k as i32 as i64 => {
                                let a = self.operand(1);
                                let dst = self.result_slot(2);
                                self.pop(2);
                                self.emit_result(Op::$lk { dst, $la: a, k: k as i32 });
                            }
                            _ => {
                                let (a, b) = (self.operand(1), self.operand(0));
                                let dst = self.result_slot(2);
                                self.pop(2);
                                self.emit_result(Op::$l { dst, $la: a, $lb: b });
                            }
                        }
                    })*
                    $(Operator::$f => {
                        let (a, b) = (self.operand(1), self.operand(0));
                        let dst = self.result_slot(2);
                        self.pop(2);
                        self.emit_result(Op::$f { dst, $fa: a, $fb: b });
                    })*
                    $(Operator::$t => {
                        let names = [$(stringify!($ta)),*];
                        let n = names.len();
                        let mut slots = [0u32; 2];
                        for k in 0..n {
                            slots[k] = self.operand(n - 1 - k);
                        }
                        let dst = self.result_slot(n);
                        self.pop(n);
                        let mut it = slots.into_iter();
                        $(let $ta = it.next().unwrap_or(0);)*
                        self.emit_result(Op::$t { dst, $($ta),* });
                    })*
                    _ => return false,
                }
                true
            }
        }
    };
}
numeric_ops!(compile_numeric);

impl Compiler<'_> {
    fn emit(&mut self, op: Op) -> usize {
        self.code.push(op);
        self.offsets.push(self.offset);
        self.fresh_top = None;
        self.code.len() - 1
    }

    /// Emits an instruction that writes a fresh temporary pushed on top.
    fn emit_result(&mut self, op: Op) {
        let at = self.emit(op);
        self.push(Entry::Temp);
        self.fresh_top = Some(at);
    }

    fn push(&mut self, e: Entry) {
        self.stack.push(e);
        self.max_height = self.max_height.max(self.stack.len());
    }

    fn pop(&mut self, n: usize) {
        let len = self.stack.len();
        self.stack.truncate(len - n);
    }

    fn top(&self, depth: usize) -> Entry {
        self.stack[self.stack.len() - 1 - depth]
    }

    fn slot_of(&self, position: usize) -> u32 {
        self.base + position as u32
    }

    /// The slot of the operand `depth` below the top, copying a constant into its slot.
    fn operand(&mut self, depth: usize) -> u32 {
        let position = self.stack.len() - 1 - depth;
        match self.stack[position] {
            Entry::Local(i) => i,
            Entry::Temp => self.slot_of(position),
            Entry::Const(v) => match self.pool.iter().position(|&p| p == v) {
                Some(k) => self.locals + k as u32,
                None => {
                    self.materialize(position);
                    self.slot_of(position)
                }
            },
        }
    }

    /// Where the result of an operator taking the top `n` operands goes.
    fn result_slot(&self, n: usize) -> u32 {
        self.slot_of(self.stack.len() - n)
    }

    /// Puts the entry at `position` into its temporary slot.
    fn materialize(&mut self, position: usize) {
        if self.stack[position] != Entry::Temp {
            self.copy_entry(position, self.slot_of(position));
            self.stack[position] = Entry::Temp;
        }
    }

    /// Copies the entry at `position` into slot `dst` (nothing if it is there already).
    fn copy_entry(&mut self, position: usize, dst: u32) {
        let op = match self.stack[position] {
            Entry::Temp if self.slot_of(position) == dst => return,
            Entry::Temp => Op::Copy { dst, src: self.slot_of(position) },
            Entry::Local(src) => Op::Copy { dst, src },
            Entry::Const(v) => constant(dst, v),
        };
        self.emit(op);
    }

    fn materialize_all(&mut self) {
        for position in 0..self.stack.len() {
            self.materialize(position);
        }
    }

    /// Copies the top `n` entries into the slots from `dst` (for a branch or an end).
    fn place_top(&mut self, n: usize, dst: u32) {
        let from = self.stack.len() - n;
        for k in 0..n {
            self.copy_entry(from + k, dst + k as u32);
        }
    }

    fn block_arity(&self, ty: BlockType) -> (usize, usize) {
        match ty {
            BlockType::Empty => (0, 0),
            BlockType::Type(_) => (0, 1),
            BlockType::FuncType(t) => {
                let s = &self.module.signatures[t as usize];
                (s.params.len(), s.results.len())
            }
        }
    }

    fn enter(&mut self, ty: BlockType, is_loop: bool) {
        let (params, results) = self.block_arity(ty);
        if self.live {
            self.materialize_all();
        }
        self.fresh_top = None;
        let height = self.stack.len().saturating_sub(params);
        self.controls.push(Control {
            is_loop,
            height,
            params,
            results,
            start: self.code.len() as u32,
            pending: Vec::new(),
            else_jump: None,
            live_at_entry: self.live,
        });
    }

    /// Jumps to the label `depth` out, carrying its values; `Some(condition)` makes it
    /// conditional.
    fn branch(&mut self, depth: u32, condition: Option<u32>) {
        let label = self.controls.len() - 1 - depth as usize;
        let (arity, dst, is_loop, start) = {
            let l = &self.controls[label];
            let arity = if l.is_loop { l.params } else { l.results };
            (arity, self.slot_of(l.height), l.is_loop, l.start)
        };
        let in_place = (0..arity).all(|k| {
            let position = self.stack.len() - arity + k;
            self.stack[position] == Entry::Temp && self.slot_of(position) == dst + k as u32
        });
        let skip = match condition {
            Some(c) if !in_place => Some(self.emit(Op::BrUnless { c, to: 0 })),
            _ => None,
        };
        let fresh = self.fresh_top;
        self.place_top(arity, dst);
        let cond = if skip.is_some() { None } else { condition };
        if let (Some(c), Some(last)) = (cond, fresh) {
            if let Some(fused) = self.fused_with(last, c, if is_loop { start } else { 0 }, is_loop) {
                let at = self.emit(fused);
                if !is_loop {
                    self.controls[label].pending.push(Pending::Op(at));
                }
                return;
            }
        }
        let at = match (is_loop, cond) {
            (true, None) => self.emit(Op::JumpBack { to: start }),
            (true, Some(c)) => self.emit(Op::BrIfBack { c, to: start }),
            (false, None) => self.emit(Op::Jump { to: 0 }),
            (false, Some(c)) => self.emit(Op::BrIf { c, to: 0 }),
        };
        if !is_loop {
            self.controls[label].pending.push(Pending::Op(at));
        }
        if let Some(skip) = skip {
            let here = self.code.len() as u32;
            if let Op::BrUnless { to, .. } = &mut self.code[skip] {
                *to = here;
            }
        }
    }

    /// The branch if true fused with the comparison at `at` (the last instruction, which
    /// wrote the condition `c`), which it then replaces.
    fn fused_with(&mut self, at: usize, c: u32, to: u32, back: bool) -> Option<Op> {
        if at + 1 != self.code.len() || dst_of(self.code[at]) != Some(c) {
            return None;
        }
        let fused = match self.code[at] {
            Op::I32Eqz { a, .. } if !back => Op::BrUnless { c: a, to },
            op => fuse_branch(op, to, back)?,
        };
        self.code.pop();
        self.offsets.pop();
        self.fresh_top = None;
        Some(fused)
    }

    fn patch(&mut self, pending: Pending, target: u32) {
        match pending {
            Pending::Op(at) => match branch_target(&mut self.code[at]) {
                Some(to) => *to = target,
                None => unreachable!("patching {:?}", self.code[at]),
            },
            Pending::Table(table, entry) => self.tables[table].targets[entry].0 = target,
        }
    }

    fn emit_return(&mut self) {
        let n = self.controls[0].results;
        match n {
            0 => {
                self.emit(Op::Return0);
            }
            1 => {
                let src = self.operand(0);
                self.emit(Op::Return1 { src });
            }
            _ => {
                let from = self.stack.len() - n;
                for position in from..self.stack.len() {
                    self.materialize(position);
                }
                self.emit(Op::ReturnN { src: self.slot_of(from), n: n as u32 });
            }
        }
    }

    /// Before `local.set i`: entries still reading local `i` take its value now.
    fn preserve_local(&mut self, i: u32, below: usize) {
        for position in 0..below {
            if self.stack[position] == Entry::Local(i) {
                self.materialize(position);
            }
        }
    }

    fn set_local(&mut self, i: u32) {
        let top = self.stack.len() - 1;
        let entry = self.stack[top];
        if entry == Entry::Local(i) {
            self.pop(1);
            return;
        }
        let top_slot = self.slot_of(top);
        if let (Entry::Temp, Some(at)) = (entry, self.fresh_top) {
            if at + 1 == self.code.len() && dst_of(self.code[at]) == Some(top_slot) {
                // The instruction that made the value writes the local instead. Entries still
                // reading the local take its old value first: their copies go before it
                // (they write slots below its operands, so it reads what it read).
                let (mut op, offset) = (self.code.pop().expect("it"), self.offsets.pop().expect("its offset"));
                self.preserve_local(i, top);
                if let Some(dst) = op.dst_mut() {
                    *dst = i;
                }
                self.code.push(op);
                self.offsets.push(offset);
                self.pop(1);
                self.fresh_top = None;
                return;
            }
        }
        self.preserve_local(i, top);
        self.copy_entry(top, i);
        self.pop(1);
    }

    fn call(&mut self, signature: &Signature, make: impl FnOnce(u32) -> Op) {
        let (np, nr) = (signature.params.len(), signature.results.len());
        let from = self.stack.len() - np;
        for position in from..self.stack.len() {
            self.materialize(position);
        }
        self.emit(make(self.slot_of(from)));
        self.pop(np);
        for _ in 0..nr {
            self.push(Entry::Temp);
        }
    }

    fn operator(&mut self, op: Operator<'_>) -> Result<(), Error> {
        if !self.live {
            return self.dead_operator(op);
        }
        if self.numeric(&op) {
            return Ok(());
        }
        match op {
            Operator::Nop => {}
            Operator::Unreachable => {
                self.emit(Op::Unreachable);
                self.live = false;
            }
            Operator::Block { blockty } => self.enter(blockty, false),
            Operator::Loop { blockty } => self.enter(blockty, true),
            Operator::If { blockty } => {
                let c = self.operand(0);
                let fresh = self.fresh_top;
                self.pop(1);
                // A comparison that made the condition moves after the block's entry (whose
                // copies touch only slots below its operands), fused with the branch.
                let fused =
                    fresh.filter(|&at| at + 1 == self.code.len() && dst_of(self.code[at]) == Some(c)).and_then(|at| {
                        match self.code[at] {
                            Op::I32Eqz { a, .. } => Some(Op::BrIf { c: a, to: 0 }),
                            op => fuse_branch(negate(op)?, 0, false),
                        }
                    });
                if fused.is_some() {
                    self.code.pop();
                    self.offsets.pop();
                }
                self.enter(blockty, false);
                let at = self.emit(fused.unwrap_or(Op::BrUnless { c, to: 0 }));
                self.controls.last_mut().expect("the if").else_jump = Some(at);
            }
            Operator::Else => {
                let (height, results) = {
                    let l = self.controls.last().expect("an if");
                    (l.height, l.results)
                };
                self.place_top(results, self.slot_of(height));
                let jump = self.emit(Op::Jump { to: 0 });
                self.else_branch(Some(jump));
            }
            Operator::End => self.end(),
            Operator::Br { relative_depth } => {
                self.branch(relative_depth, None);
                self.live = false;
            }
            Operator::BrIf { relative_depth } => {
                let c = self.operand(0);
                self.pop(1);
                self.branch(relative_depth, Some(c));
            }
            Operator::BrTable { targets } => {
                let index = self.operand(0);
                self.pop(1);
                let default = targets.default();
                let depths: Vec<u32> = targets
                    .targets()
                    .chain(std::iter::once(Ok(default)))
                    .collect::<Result<_, _>>()
                    .map_err(Error::invalid)?;
                let label = self.controls.len() - 1 - default as usize;
                let l = &self.controls[label];
                let arity = if l.is_loop { l.params } else { l.results };
                let from = self.stack.len() - arity;
                for position in from..self.stack.len() {
                    self.materialize(position);
                }
                let table = self.tables.len();
                let mut entries = Vec::with_capacity(depths.len());
                let mut backward = Vec::with_capacity(depths.len());
                for (k, depth) in depths.iter().enumerate() {
                    let label = self.controls.len() - 1 - *depth as usize;
                    let l = &self.controls[label];
                    entries.push((if l.is_loop { l.start } else { 0 }, self.slot_of(l.height)));
                    backward.push(l.is_loop);
                    if !l.is_loop {
                        self.controls[label].pending.push(Pending::Table(table, k));
                    }
                }
                self.tables.push(BranchTable {
                    src: self.slot_of(from),
                    arity: arity as u32,
                    targets: entries,
                    backward,
                });
                self.emit(Op::BrTable { index, table: table as u32 });
                self.live = false;
            }
            Operator::Return => {
                self.emit_return();
                self.live = false;
            }
            Operator::Call { function_index } => {
                let signature = self.module.signature_of(function_index).clone();
                let imported = self.module.imports.len() as u32;
                if function_index < imported {
                    self.call(&signature, |base| Op::CallHost { import: function_index, base });
                } else {
                    self.call(&signature, |base| Op::Call { func: function_index - imported, base });
                }
            }
            Operator::CallIndirect { type_index, table_index } => {
                if table_index != 0 {
                    return Err(Error::unsupported("tables other than table 0", self.offset as usize));
                }
                let index = self.operand(0);
                // The index is read before the callee's frame covers its slot.
                self.pop(1);
                let signature = self.module.signatures[type_index as usize].clone();
                let canonical = self.module.canonical[type_index as usize];
                self.call(&signature, |base| Op::CallIndirect { signature: canonical, index, base });
            }
            Operator::Drop => self.pop(1),
            Operator::Select | Operator::TypedSelect { .. } => {
                let c = self.operand(0);
                let b = self.operand(1);
                // `dst` must hold the first operand; b and c are locals or slots above it.
                let a_position = self.stack.len() - 3;
                let dst = self.slot_of(a_position);
                self.materialize(a_position);
                self.pop(3);
                self.emit_result(Op::Select { dst, b, c });
                self.fresh_top = None;
            }
            Operator::LocalGet { local_index } => self.push(Entry::Local(local_index)),
            Operator::LocalSet { local_index } => self.set_local(local_index),
            Operator::LocalTee { local_index } => {
                self.set_local(local_index);
                self.push(Entry::Local(local_index));
            }
            Operator::GlobalGet { global_index } => {
                let dst = self.result_slot(0);
                self.emit_result(Op::GlobalGet { dst, global: global_index });
            }
            Operator::GlobalSet { global_index } => {
                let src = self.operand(0);
                self.pop(1);
                self.emit(Op::GlobalSet { src, global: global_index });
            }
            Operator::I32Const { value } => self.push(Entry::Const(value as u32 as u64)),
            Operator::I64Const { value } => self.push(Entry::Const(value as u64)),
            Operator::F32Const { value } => self.push(Entry::Const(value.bits() as u64)),
            Operator::F64Const { value } => self.push(Entry::Const(value.bits())),
            Operator::I32Load { memarg } | Operator::F32Load { memarg } => self.load_or_at(
                memarg.offset,
                |dst, addr, offset| Op::I32Load { dst, addr, offset },
                Some(|dst, ea| Op::I32LoadAt { dst, ea }),
            )?,
            Operator::I64Load { memarg } | Operator::F64Load { memarg } => self.load_or_at(
                memarg.offset,
                |dst, addr, offset| Op::I64Load { dst, addr, offset },
                Some(|dst, ea| Op::I64LoadAt { dst, ea }),
            )?,
            Operator::I32Load8S { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I32Load8S { dst, addr, offset })?
            }
            Operator::I32Load8U { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I32Load8U { dst, addr, offset })?
            }
            Operator::I32Load16S { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I32Load16S { dst, addr, offset })?
            }
            Operator::I32Load16U { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I32Load16U { dst, addr, offset })?
            }
            Operator::I64Load8S { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load8S { dst, addr, offset })?
            }
            Operator::I64Load8U { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load8U { dst, addr, offset })?
            }
            Operator::I64Load16S { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load16S { dst, addr, offset })?
            }
            Operator::I64Load16U { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load16U { dst, addr, offset })?
            }
            Operator::I64Load32S { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load32S { dst, addr, offset })?
            }
            Operator::I64Load32U { memarg } => {
                self.load(memarg.offset, |dst, addr, offset| Op::I64Load32U { dst, addr, offset })?
            }
            Operator::I32Store8 { memarg } | Operator::I64Store8 { memarg } => {
                self.store(memarg.offset, |src, addr, offset| Op::Store8 { src, addr, offset })?
            }
            Operator::I32Store16 { memarg } | Operator::I64Store16 { memarg } => {
                self.store(memarg.offset, |src, addr, offset| Op::Store16 { src, addr, offset })?
            }
            Operator::I32Store { memarg } | Operator::F32Store { memarg } | Operator::I64Store32 { memarg } => self
                .store_or_at(
                    memarg.offset,
                    |src, addr, offset| Op::Store32 { src, addr, offset },
                    Some(|src, ea| Op::Store32At { src, ea }),
                )?,
            Operator::I64Store { memarg } | Operator::F64Store { memarg } => self.store_or_at(
                memarg.offset,
                |src, addr, offset| Op::Store64 { src, addr, offset },
                Some(|src, ea| Op::Store64At { src, ea }),
            )?,
            Operator::MemorySize { .. } => {
                let dst = self.result_slot(0);
                self.emit_result(Op::MemorySize { dst });
            }
            Operator::MemoryGrow { .. } => {
                let position = self.stack.len() - 1;
                self.materialize(position);
                let dst = self.slot_of(position);
                self.pop(1);
                self.emit_result(Op::MemoryGrow { dst });
                self.fresh_top = None;
            }
            Operator::MemoryCopy { .. } => {
                let (dst, src, n) = (self.operand(2), self.operand(1), self.operand(0));
                self.pop(3);
                self.emit(Op::MemoryCopy { dst, src, n });
            }
            Operator::MemoryFill { .. } => {
                let (dst, value, n) = (self.operand(2), self.operand(1), self.operand(0));
                self.pop(3);
                self.emit(Op::MemoryFill { dst, value, n });
            }
            other => {
                return Err(Error::unsupported(format!("the instruction {other:?}"), self.offset as usize));
            }
        }
        Ok(())
    }

    /// The address `depth` below the top, if it is a constant (an i32: its 32 bits).
    fn constant_address(&self, depth: usize) -> Option<u64> {
        match self.top(depth) {
            Entry::Const(k) => Some(k & 0xffff_ffff),
            _ => None,
        }
    }

    fn load(&mut self, offset: u64, make: impl FnOnce(u32, u32, u32) -> Op) -> Result<(), Error> {
        self.load_or_at(offset, make, None)
    }

    /// A load (`make(dst, addr, offset)`), or `at(dst, address + offset)` when it has a form
    /// for a constant address and the address is one.
    fn load_or_at(
        &mut self,
        offset: u64,
        make: impl FnOnce(u32, u32, u32) -> Op,
        at: Option<fn(u32, u64) -> Op>,
    ) -> Result<(), Error> {
        let offset = self.offset_of(offset)?;
        let dst = self.result_slot(1);
        let op = match (at, self.constant_address(0)) {
            (Some(at), Some(address)) => at(dst, address + offset as u64),
            _ => make(dst, self.operand(0), offset),
        };
        self.pop(1);
        self.emit_result(op);
        Ok(())
    }

    fn store(&mut self, offset: u64, make: impl FnOnce(u32, u32, u32) -> Op) -> Result<(), Error> {
        self.store_or_at(offset, make, None)
    }

    /// `load_or_at` for a store: `make(src, addr, offset)` or `at(src, address + offset)`.
    fn store_or_at(
        &mut self,
        offset: u64,
        make: impl FnOnce(u32, u32, u32) -> Op,
        at: Option<fn(u32, u64) -> Op>,
    ) -> Result<(), Error> {
        let offset = self.offset_of(offset)?;
        let op = match (at, self.constant_address(1)) {
            (Some(at), Some(address)) => at(self.operand(0), address + offset as u64),
            _ => {
                let (addr, src) = (self.operand(1), self.operand(0));
                make(src, addr, offset)
            }
        };
        self.pop(2);
        self.emit(op);
        Ok(())
    }

    fn offset_of(&self, offset: u64) -> Result<u32, Error> {
        u32::try_from(offset).map_err(|_| Error::unsupported("a 64-bit offset", self.offset as usize))
    }

    /// The `else` of the innermost `if`: its false branch starts here.
    fn else_branch(&mut self, jump_to_end: Option<usize>) {
        let here = self.code.len() as u32;
        let l = self.controls.last_mut().expect("an if");
        if let Some(at) = l.else_jump.take() {
            if let Some(to) = branch_target(&mut self.code[at]) {
                *to = here;
            }
        }
        if let Some(jump) = jump_to_end {
            l.pending.push(Pending::Op(jump));
        }
        let (height, params, live) = (l.height, l.params, l.live_at_entry);
        self.stack.truncate(height);
        for _ in 0..params {
            self.push(Entry::Temp);
        }
        self.live = live;
        self.fresh_top = None;
    }

    fn end(&mut self) {
        if self.controls.len() == 1 {
            self.function_end();
            return;
        }
        if self.live {
            let l = self.controls.last().expect("a block");
            let (height, results) = (l.height, l.results);
            self.place_top(results, self.slot_of(height));
        }
        let l = self.controls.pop().expect("a block");
        let here = self.code.len() as u32;
        if let Some(at) = l.else_jump {
            // An `if` without `else`: false goes to the end.
            if let Some(to) = branch_target(&mut self.code[at]) {
                *to = here;
            }
        }
        for pending in l.pending {
            self.patch(pending, here);
        }
        self.stack.truncate(l.height);
        for _ in 0..l.results {
            self.push(Entry::Temp);
        }
        self.live = l.live_at_entry;
        self.fresh_top = None;
    }

    /// The function's end: a return, which branches to the function's label reach too (with
    /// their results in the label's slots).
    fn function_end(&mut self) {
        if self.controls[0].pending.is_empty() {
            if self.live {
                self.emit_return();
            }
            self.controls.pop();
            return;
        }
        let l = self.controls.pop().expect("the function's label");
        if self.live {
            self.place_top(l.results, self.slot_of(0));
        }
        let here = self.code.len() as u32;
        for pending in l.pending {
            self.patch(pending, here);
        }
        let src = self.slot_of(0);
        match l.results {
            0 => self.emit(Op::Return0),
            1 => self.emit(Op::Return1 { src }),
            n => self.emit(Op::ReturnN { src, n: n as u32 }),
        };
    }

    /// Code after an unconditional branch, up to the end of its block: only its structure
    /// matters.
    fn dead_operator(&mut self, op: Operator<'_>) -> Result<(), Error> {
        match op {
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                let (params, results) = self.block_arity(blockty);
                self.controls.push(Control {
                    is_loop: false,
                    height: self.stack.len(),
                    params,
                    results,
                    start: 0,
                    pending: Vec::new(),
                    else_jump: None,
                    live_at_entry: false,
                });
            }
            Operator::Else => self.else_branch(None),
            Operator::End => self.end(),
            _ => {}
        }
        Ok(())
    }
}
