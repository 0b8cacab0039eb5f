//! The machine: a module's running state, and the interpreter loop.

use crate::module::{Init, Module, PAGE};
#[allow(unused_imports)] // the numeric table's expressions name them
use crate::ops::{
    div_s32, div_s64, div_u32, div_u64, f32b, f32v, f64b, f64v, fmax32, fmax64, fmin32, fmin64, numeric_ops, rem_s32,
    rem_s64, rem_u32, rem_u64, trunc, Op,
};
use crate::{Error, Memory, Trap, TrapKind};

/// Frames a call chain may have before it traps as exhausted.
pub const MAX_FRAMES: usize = 100_000;
/// Value slots all frames together may take.
pub const MAX_STACK: usize = 16 << 20;
/// Marks an empty table entry.
const NULL: u32 = u32::MAX;
/// First word of a saved machine, and its layout's version.
const SAVED: u64 = 0x5741_534d_0000_0002;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Frame {
    /// Index among the defined functions.
    func: u32,
    pc: u32,
    fp: u32,
}

/// Why `run` returned.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The call finished: its results.
    Done(Vec<u64>),
    /// The budget is spent; `run` again to go on.
    Budget,
    /// An imported function is called: answer with [`Machine::host_args`] and
    /// [`Machine::host_return`], then `run` again.
    Host { import: u32 },
}

/// A module instance's state, apart from its linear memory.
#[derive(Debug, Default)]
pub struct Machine {
    stack: Vec<u64>,
    /// The callers of the running function.
    frames: Vec<Frame>,
    /// The running function, if a call is in progress.
    current: Option<Frame>,
    /// An import called and not answered yet: its index and the slot of its arguments.
    host: Option<(u32, u32)>,
    globals: Vec<u64>,
    table: Vec<u32>,
    /// Whether the module's start function has run (the first call runs it first).
    started: bool,
}

impl Machine {
    /// A new instance: globals, table and the data segments written into `memory` (made as
    /// large as the module asks). The start function, if any, is left to [`Machine::call`].
    pub fn instantiate<M: Memory>(module: &Module, memory: &mut M) -> Result<Machine, Error> {
        let mut m = Machine::default();
        for &(_, _, init) in &module.globals {
            let value = m.init_value(init)?;
            m.globals.push(value);
        }
        if let Some((initial, _)) = module.table {
            m.table = vec![NULL; initial as usize];
        }
        for segment in &module.elements {
            let at = m.init_value(segment.offset)? as u32 as usize;
            let end = at.checked_add(segment.functions.len()).filter(|&e| e <= m.table.len());
            let Some(end) = end else {
                return Err(Error::new("a table segment is out of bounds of the table"));
            };
            m.table[at..end].copy_from_slice(&segment.functions);
        }
        let bytes = module.initial_memory();
        if bytes > memory.size() && !memory.grow(bytes).map_err(Error::new)? {
            return Err(Error::new(format!("the embedder refused a memory of {bytes} bytes")));
        }
        for segment in &module.data {
            let at = m.init_value(segment.offset)? as u32 as u64;
            if at + segment.bytes.len() as u64 > memory.size() {
                return Err(Error::new("a data segment is out of bounds of the memory"));
            }
            memory.write(at, &segment.bytes).map_err(Error::new)?;
        }
        Ok(m)
    }

    fn init_value(&self, init: Init) -> Result<u64, Error> {
        match init {
            Init::Value(v) => Ok(v),
            Init::Global(g) => self.globals.get(g as usize).copied().ok_or_else(|| Error::new("an imported global")),
        }
    }

    /// Whether a call is in progress (or waits for its import's answer).
    pub fn is_running(&self) -> bool {
        self.current.is_some()
    }

    /// Starts a call of function `func` (an export's index) with `args`; `run` makes it.
    pub fn call(&mut self, module: &Module, func: u32, args: &[u64]) -> Result<(), Error> {
        let imported = module.imports.len() as u32;
        if self.current.is_some() {
            return Err(Error::new("the instance is already running a call"));
        }
        let Some(local) = func.checked_sub(imported) else {
            return Err(Error::new("calling an imported function directly"));
        };
        let f = module.functions.get(local as usize).ok_or_else(|| Error::new("no such function"))?;
        if args.len() != f.params as usize {
            return Err(Error::new(format!(
                "{} takes {} arguments, not {}",
                module.function_name(func),
                f.params,
                args.len()
            )));
        }
        self.stack.clear();
        self.stack.resize(f.frame as usize, 0);
        self.stack[..args.len()].copy_from_slice(args);
        self.frames.clear();
        self.current = Some(Frame { func: local, pc: 0, fp: 0 });
        if !self.started {
            self.started = true;
            if let Some(start) = module.start.and_then(|s| s.checked_sub(imported)) {
                // The start function runs first, in a frame that returns into the call.
                let fp = f.frame;
                let frame = module.functions[start as usize].frame;
                self.stack.resize((fp + frame) as usize, 0);
                self.frames.push(Frame { func: local, pc: 0, fp: 0 });
                self.current = Some(Frame { func: start, pc: 0, fp });
            }
        }
        Ok(())
    }

    /// The arguments of the import being called.
    pub fn host_args(&self, count: usize) -> &[u64] {
        let (_, base) = self.host.expect("an import is being called");
        &self.stack[base as usize..base as usize + count]
    }

    /// The import being called, if the machine waits for one.
    pub fn pending_import(&self) -> Option<u32> {
        self.host.map(|(import, _)| import)
    }

    /// Answers the import being called.
    pub fn host_return(&mut self, results: &[u64]) {
        let (_, base) = self.host.take().expect("an import is being called");
        let base = base as usize;
        if self.stack.len() < base + results.len() {
            self.stack.resize(base + results.len(), 0);
        }
        self.stack[base..base + results.len()].copy_from_slice(results);
    }

    /// Abandons the call in progress (after a trap or an exit).
    pub fn reset(&mut self) {
        self.current = None;
        self.host = None;
        self.frames.clear();
        self.stack.clear();
    }

    fn trap(&mut self, module: &Module, kind: TrapKind, func: u32, pc: usize) -> Trap {
        let f = &module.functions[func as usize];
        let offset = f.offsets.get(pc.saturating_sub(1)).copied().unwrap_or(0);
        let function = module.function_name(func + module.imports.len() as u32);
        self.reset();
        Trap { kind, function, offset }
    }

    /// Slots in use: what a save must keep.
    fn stack_top(&self, module: &Module) -> usize {
        match self.current {
            Some(f) => (f.fp + module.functions[f.func as usize].frame) as usize,
            None => 0,
        }
        .min(self.stack.len())
    }

    /// The machine as words, for the embedder to keep.
    pub fn save(&self, module: &Module) -> Vec<u64> {
        let top = self.stack_top(module);
        let mut w = Vec::with_capacity(8 + self.globals.len() + self.table.len() + self.frames.len() * 2 + top);
        w.push(SAVED);
        w.push(self.started as u64);
        w.push(self.globals.len() as u64);
        w.extend_from_slice(&self.globals);
        w.push(self.table.len() as u64);
        let mut pairs = self.table.chunks(2);
        for pair in &mut pairs {
            w.push(pair[0] as u64 | (pair.get(1).copied().unwrap_or(NULL) as u64) << 32);
        }
        let frame_word = |f: &Frame| [f.func as u64 | (f.pc as u64) << 32, f.fp as u64];
        match self.current {
            Some(current) => {
                w.push(1 + self.frames.len() as u64);
                for f in self.frames.iter().chain(std::iter::once(&current)) {
                    w.extend_from_slice(&frame_word(f));
                }
            }
            None => w.push(0),
        }
        match self.host {
            Some((import, base)) => w.extend_from_slice(&[1, import as u64 | (base as u64) << 32]),
            None => w.extend_from_slice(&[0, 0]),
        }
        w.push(top as u64);
        w.extend_from_slice(&self.stack[..top]);
        w
    }

    /// A machine saved by `save`, checked against `module` (so damaged words give an error,
    /// never a wild jump).
    pub fn restore(module: &Module, words: &[u64]) -> Result<Machine, Error> {
        let bad = || Error::new("the saved wasm machine is damaged");
        let mut it = words.iter().copied();
        let mut next = || it.next().ok_or_else(bad);
        if next()? != SAVED {
            return Err(bad());
        }
        let mut m = Machine { started: next()? != 0, ..Machine::default() };
        let globals = next()? as usize;
        if globals != module.globals.len() {
            return Err(bad());
        }
        for _ in 0..globals {
            m.globals.push(next()?);
        }
        let table = next()? as usize;
        if table > crate::module::MAX_TABLE as usize * 2 {
            return Err(bad());
        }
        for k in 0..table.div_ceil(2) {
            let pair = next()?;
            m.table.push(pair as u32);
            if 2 * k + 1 < table {
                m.table.push((pair >> 32) as u32);
            }
        }
        let defined = module.functions.len() as u32 + module.imports.len() as u32;
        if m.table.iter().any(|&f| f != NULL && f >= defined) {
            return Err(bad());
        }
        let frames = next()? as usize;
        if frames > MAX_FRAMES + 1 {
            return Err(bad());
        }
        let mut all = Vec::with_capacity(frames);
        for _ in 0..frames {
            let (a, fp) = (next()?, next()?);
            let f = Frame { func: a as u32, pc: (a >> 32) as u32, fp: u32::try_from(fp).map_err(|_| bad())? };
            let func = module.functions.get(f.func as usize).ok_or_else(bad)?;
            if f.pc as usize > func.code.len() {
                return Err(bad());
            }
            all.push(f);
        }
        let (has_host, host) = (next()?, next()?);
        if has_host == 1 {
            let import = host as u32;
            if import as usize >= module.imports.len() || frames == 0 {
                return Err(bad());
            }
            m.host = Some((import, (host >> 32) as u32));
        }
        let top = next()? as usize;
        if top > MAX_STACK + 1 {
            return Err(bad());
        }
        m.stack = (0..top).map(|_| next()).collect::<Result<_, _>>()?;
        // Frames nest upwards, the running one's end is the saved top, and callers get back
        // the dead slots above their call (zero) that the save left out.
        let mut end = 0usize;
        for (k, f) in all.iter().enumerate() {
            let frame_end = f.fp as usize + module.functions[f.func as usize].frame as usize;
            let below = k.checked_sub(1).map_or(0, |p| all[p].fp as usize);
            if (f.fp as usize) < below || frame_end > MAX_STACK + 1 || (k + 1 == all.len() && frame_end != top) {
                return Err(bad());
            }
            end = end.max(frame_end);
        }
        m.stack.resize(end.max(top), 0);
        if let Some((_, base)) = m.host {
            if base as usize > top {
                return Err(bad());
            }
        }
        m.current = all.pop();
        m.frames = all;
        Ok(m)
    }

    /// Runs until the call finishes, an import is called, or `budget` (loop turns and calls)
    /// is spent.
    pub fn run<M: Memory>(&mut self, module: &Module, memory: &mut M, budget: &mut u32) -> Result<Outcome, Trap> {
        if self.host.is_some() {
            panic!("run with an import unanswered");
        }
        let Some(Frame { mut func, pc, mut fp }) = self.current else {
            return Ok(Outcome::Done(Vec::new()));
        };
        let mut f = &module.functions[func as usize];
        let mut code: &[Op] = &f.code;
        // SAFETY: a saved position is at most the code's length (checked by `restore`).
        let mut ip: *const Op = unsafe { code.as_ptr().add(pc as usize) };
        let mut mem_size = memory.size();
        // SAFETY (for every slot access below): validation fixed each instruction's slots
        // below the function's frame size, and a call checks that `fp + frame` is inside the
        // stack before it switches; the stack only moves when it grows, after which `s` is
        // taken again.
        let mut s: *mut u64 = unsafe { self.stack.as_mut_ptr().add(fp as usize) };

        macro_rules! goto {
            ($to:expr) => {
                // SAFETY: the compiler's jump targets are inside the function.
                ip = unsafe { code.as_ptr().add($to as usize) }
            };
        }
        macro_rules! pc {
            () => {
                // SAFETY: `ip` points into `code`.
                unsafe { ip.offset_from(code.as_ptr()) as usize }
            };
        }
        macro_rules! r {
            ($slot:expr) => {
                unsafe { *s.add($slot as usize) }
            };
        }
        macro_rules! w {
            ($slot:expr, $v:expr) => {{
                let v = $v;
                unsafe { *s.add($slot as usize) = v }
            }};
        }
        macro_rules! trap {
            ($kind:expr) => {
                return Err(self.trap(module, $kind, func, pc!()))
            };
        }
        macro_rules! save_position {
            () => {
                self.current = Some(Frame { func, pc: pc!() as u32, fp })
            };
        }
        macro_rules! addr {
            ($addr:expr, $offset:expr, $n:expr) => {{
                let ea = r!($addr) as u32 as u64 + $offset as u64;
                if ea + $n > mem_size {
                    trap!(TrapKind::OutOfBounds);
                }
                ea
            }};
        }
        macro_rules! load_at {
            ($dst:expr, $ea:expr, $n:literal, $conv:expr) => {{
                let ea = $ea;
                if ea + $n > mem_size {
                    trap!(TrapKind::OutOfBounds);
                }
                match memory.load::<$n>(ea) {
                    Ok(b) => w!($dst, $conv(b)),
                    Err(why) => trap!(TrapKind::Memory(why)),
                }
            }};
        }
        macro_rules! store_at {
            ($src:expr, $ea:expr, $n:literal) => {{
                let ea = $ea;
                if ea + $n > mem_size {
                    trap!(TrapKind::OutOfBounds);
                }
                let bytes = r!($src).to_le_bytes();
                let mut b = [0u8; $n];
                b.copy_from_slice(&bytes[..$n]);
                if let Err(why) = memory.store::<$n>(ea, b) {
                    trap!(TrapKind::Memory(why));
                }
            }};
        }
        macro_rules! load {
            ($dst:expr, $addr:expr, $offset:expr, $n:literal, $conv:expr) => {{
                let ea = addr!($addr, $offset, $n);
                match memory.load::<$n>(ea) {
                    Ok(b) => w!($dst, $conv(b)),
                    Err(why) => trap!(TrapKind::Memory(why)),
                }
            }};
        }
        macro_rules! store {
            ($src:expr, $addr:expr, $offset:expr, $n:literal) => {{
                let ea = addr!($addr, $offset, $n);
                let bytes = r!($src).to_le_bytes();
                let mut b = [0u8; $n];
                b.copy_from_slice(&bytes[..$n]);
                if let Err(why) = memory.store::<$n>(ea, b) {
                    trap!(TrapKind::Memory(why));
                }
            }};
        }
        macro_rules! enter {
            ($callee:expr, $base:expr) => {{
                let callee: u32 = $callee;
                let new_fp = fp as usize + $base as usize;
                let target = &module.functions[callee as usize];
                let need = new_fp + target.frame as usize;
                if self.frames.len() >= MAX_FRAMES || need > MAX_STACK {
                    trap!(TrapKind::StackExhausted);
                }
                if need > self.stack.len() {
                    self.stack.resize(need.max(self.stack.len() * 2).min(MAX_STACK), 0);
                }
                self.frames.push(Frame { func, pc: pc!() as u32, fp });
                func = callee;
                fp = new_fp as u32;
                f = target;
                code = &f.code;
                ip = code.as_ptr();
                s = unsafe { self.stack.as_mut_ptr().add(fp as usize) };
                for k in f.params..f.locals {
                    w!(k, 0);
                }
                *budget = budget.saturating_sub(1);
                if *budget == 0 {
                    save_position!();
                    return Ok(Outcome::Budget);
                }
            }};
        }
        macro_rules! leave {
            () => {{
                match self.frames.pop() {
                    Some(caller) => {
                        func = caller.func;
                        fp = caller.fp;
                        f = &module.functions[func as usize];
                        code = &f.code;
                        goto!(caller.pc);
                        s = unsafe { self.stack.as_mut_ptr().add(fp as usize) };
                    }
                    None => {
                        let n = f.results as usize;
                        let results = self.stack[..n].to_vec();
                        self.current = None;
                        return Ok(Outcome::Done(results));
                    }
                }
            }};
        }
        macro_rules! back {
            ($to:expr) => {{
                goto!($to);
                *budget -= 1;
                if *budget == 0 {
                    save_position!();
                    return Ok(Outcome::Budget);
                }
            }};
        }
        if *budget == 0 {
            *budget = 1;
        }

        macro_rules! numeric_arms {
            (
                unary { $($u:ident($ua:ident) => $ue:expr;)* }
                binary32 { $($b:ident / $bk:ident($ba:ident, $bb:ident) => $be:expr;)* }
                binary64i { $($l:ident / $lk:ident($la:ident, $lb:ident) => $le:expr;)* }
                binary64f { $($fo:ident($fa:ident, $fb:ident) => $fe:expr;)* }
                trapping { $($t:ident($($ta:ident),*) => $te:expr;)* }
            ) => {
                loop {
                    // SAFETY: the compiler ends every function with a return or a jump, and
                    // jumps stay inside the function.
                    let op = unsafe { *ip };
                    ip = unsafe { ip.add(1) };
                    match op {
                        $(Op::$u { dst, $ua } => { let $ua = r!($ua); w!(dst, $ue); })*
                        $(Op::$b { dst, $ba, $bb } => { let $ba = r!($ba); let $bb = r!($bb); w!(dst, $be); }
                          Op::$bk { dst, $ba, k } => { let $ba = r!($ba); let $bb = k as u64; w!(dst, $be); })*
                        $(Op::$l { dst, $la, $lb } => { let $la = r!($la); let $lb = r!($lb); w!(dst, $le); }
                          Op::$lk { dst, $la, k } => { let $la = r!($la); let $lb = k as i64 as u64; w!(dst, $le); })*
                        $(Op::$fo { dst, $fa, $fb } => { let $fa = r!($fa); let $fb = r!($fb); w!(dst, $fe); })*
                        $(Op::$t { dst, $($ta),* } => {
                            $(let $ta = r!($ta);)*
                            match $te {
                                Ok(v) => w!(dst, v),
                                Err(kind) => trap!(kind),
                            }
                        })*
                        Op::Copy { dst, src } => w!(dst, r!(src)),
                        Op::BrI32Eq { a, b, to } => { let (a, b) = (r!(a), r!(b)); if a as u32 == b as u32 { goto!(to); } }
                        Op::BrI32EqK { a, k, to } => { let (a, b) = (r!(a), k as u64); if a as u32 == b as u32 { goto!(to); } }
                        Op::BackI32Eq { a, b, to } => { let (a, b) = (r!(a), r!(b)); if a as u32 == b as u32 { back!(to); } }
                        Op::BackI32EqK { a, k, to } => { let (a, b) = (r!(a), k as u64); if a as u32 == b as u32 { back!(to); } }
                        Op::BrI32Ne { a, b, to } => { let (a, b) = (r!(a), r!(b)); if a as u32 != b as u32 { goto!(to); } }
                        Op::BrI32NeK { a, k, to } => { let (a, b) = (r!(a), k as u64); if a as u32 != b as u32 { goto!(to); } }
                        Op::BackI32Ne { a, b, to } => { let (a, b) = (r!(a), r!(b)); if a as u32 != b as u32 { back!(to); } }
                        Op::BackI32NeK { a, k, to } => { let (a, b) = (r!(a), k as u64); if a as u32 != b as u32 { back!(to); } }
                        Op::BrI32LtS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) < (b as u32 as i32) { goto!(to); } }
                        Op::BrI32LtSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) < (b as u32 as i32) { goto!(to); } }
                        Op::BackI32LtS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) < (b as u32 as i32) { back!(to); } }
                        Op::BackI32LtSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) < (b as u32 as i32) { back!(to); } }
                        Op::BrI32LtU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) < (b as u32) { goto!(to); } }
                        Op::BrI32LtUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) < (b as u32) { goto!(to); } }
                        Op::BackI32LtU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) < (b as u32) { back!(to); } }
                        Op::BackI32LtUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) < (b as u32) { back!(to); } }
                        Op::BrI32GtS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) > (b as u32 as i32) { goto!(to); } }
                        Op::BrI32GtSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) > (b as u32 as i32) { goto!(to); } }
                        Op::BackI32GtS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) > (b as u32 as i32) { back!(to); } }
                        Op::BackI32GtSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) > (b as u32 as i32) { back!(to); } }
                        Op::BrI32GtU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) > (b as u32) { goto!(to); } }
                        Op::BrI32GtUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) > (b as u32) { goto!(to); } }
                        Op::BackI32GtU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) > (b as u32) { back!(to); } }
                        Op::BackI32GtUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) > (b as u32) { back!(to); } }
                        Op::BrI32LeS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) <= (b as u32 as i32) { goto!(to); } }
                        Op::BrI32LeSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) <= (b as u32 as i32) { goto!(to); } }
                        Op::BackI32LeS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) <= (b as u32 as i32) { back!(to); } }
                        Op::BackI32LeSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) <= (b as u32 as i32) { back!(to); } }
                        Op::BrI32LeU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) <= (b as u32) { goto!(to); } }
                        Op::BrI32LeUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) <= (b as u32) { goto!(to); } }
                        Op::BackI32LeU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) <= (b as u32) { back!(to); } }
                        Op::BackI32LeUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) <= (b as u32) { back!(to); } }
                        Op::BrI32GeS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) >= (b as u32 as i32) { goto!(to); } }
                        Op::BrI32GeSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) >= (b as u32 as i32) { goto!(to); } }
                        Op::BackI32GeS { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32 as i32) >= (b as u32 as i32) { back!(to); } }
                        Op::BackI32GeSK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32 as i32) >= (b as u32 as i32) { back!(to); } }
                        Op::BrI32GeU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) >= (b as u32) { goto!(to); } }
                        Op::BrI32GeUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) >= (b as u32) { goto!(to); } }
                        Op::BackI32GeU { a, b, to } => { let (a, b) = (r!(a), r!(b)); if (a as u32) >= (b as u32) { back!(to); } }
                        Op::BackI32GeUK { a, k, to } => { let (a, b) = (r!(a), k as u64); if (a as u32) >= (b as u32) { back!(to); } }
                        Op::Const32 { dst, value } => w!(dst, value as u64),
                        Op::Const64 { dst, value } => w!(dst, value),
                        Op::Jump { to } => goto!(to),
                        Op::JumpBack { to } => back!(to),
                        Op::BrIf { c, to } => {
                            if r!(c) as u32 != 0 {
                                goto!(to);
                            }
                        }
                        Op::BrIfBack { c, to } => {
                            if r!(c) as u32 != 0 {
                                back!(to);
                            }
                        }
                        Op::BrUnless { c, to } => {
                            if r!(c) as u32 == 0 {
                                goto!(to);
                            }
                        }
                        Op::BrTable { index, table } => {
                            let t = &f.tables[table as usize];
                            let k = (r!(index) as u32 as usize).min(t.targets.len() - 1);
                            let (to, dst) = t.targets[k];
                            for j in 0..t.arity {
                                w!(dst + j, r!(t.src + j));
                            }
                            if t.backward[k] {
                                back!(to);
                            } else {
                                goto!(to);
                            }
                        }
                        Op::Select { dst, b, c } => {
                            if r!(c) as u32 == 0 {
                                w!(dst, r!(b));
                            }
                        }
                        Op::GlobalGet { dst, global } => w!(dst, self.globals[global as usize]),
                        Op::GlobalSet { src, global } => self.globals[global as usize] = r!(src),
                        Op::I32Load { dst, addr, offset } => load!(dst, addr, offset, 4, |b| u32::from_le_bytes(b) as u64),
                        Op::I64Load { dst, addr, offset } => load!(dst, addr, offset, 8, u64::from_le_bytes),
                        Op::I32Load8S { dst, addr, offset } => load!(dst, addr, offset, 1, |b: [u8; 1]| b[0] as i8 as i32 as u32 as u64),
                        Op::I32Load8U { dst, addr, offset } => load!(dst, addr, offset, 1, |b: [u8; 1]| b[0] as u64),
                        Op::I32Load16S { dst, addr, offset } => load!(dst, addr, offset, 2, |b| i16::from_le_bytes(b) as i32 as u32 as u64),
                        Op::I32Load16U { dst, addr, offset } => load!(dst, addr, offset, 2, |b| u16::from_le_bytes(b) as u64),
                        Op::I64Load8S { dst, addr, offset } => load!(dst, addr, offset, 1, |b: [u8; 1]| b[0] as i8 as i64 as u64),
                        Op::I64Load8U { dst, addr, offset } => load!(dst, addr, offset, 1, |b: [u8; 1]| b[0] as u64),
                        Op::I64Load16S { dst, addr, offset } => load!(dst, addr, offset, 2, |b| i16::from_le_bytes(b) as i64 as u64),
                        Op::I64Load16U { dst, addr, offset } => load!(dst, addr, offset, 2, |b| u16::from_le_bytes(b) as u64),
                        Op::I64Load32S { dst, addr, offset } => load!(dst, addr, offset, 4, |b| i32::from_le_bytes(b) as i64 as u64),
                        Op::I64Load32U { dst, addr, offset } => load!(dst, addr, offset, 4, |b| u32::from_le_bytes(b) as u64),
                        Op::I32LoadAt { dst, ea } => load_at!(dst, ea, 4, |b| u32::from_le_bytes(b) as u64),
                        Op::I64LoadAt { dst, ea } => load_at!(dst, ea, 8, u64::from_le_bytes),
                        Op::Store32At { src, ea } => store_at!(src, ea, 4),
                        Op::Store64At { src, ea } => store_at!(src, ea, 8),
                        Op::Store8 { src, addr, offset } => store!(src, addr, offset, 1),
                        Op::Store16 { src, addr, offset } => store!(src, addr, offset, 2),
                        Op::Store32 { src, addr, offset } => store!(src, addr, offset, 4),
                        Op::Store64 { src, addr, offset } => store!(src, addr, offset, 8),
                        Op::MemorySize { dst } => w!(dst, mem_size / PAGE),
                        Op::MemoryGrow { dst } => {
                            let delta = r!(dst) as u32 as u64;
                            let old = mem_size / PAGE;
                            let grown = old + delta;
                            let result = if grown > module.max_pages() {
                                u32::MAX as u64
                            } else if delta == 0 {
                                old
                            } else {
                                match memory.grow(grown * PAGE) {
                                    Ok(true) => {
                                        mem_size = memory.size();
                                        old
                                    }
                                    Ok(false) => u32::MAX as u64,
                                    Err(why) => trap!(TrapKind::Memory(why)),
                                }
                            };
                            w!(dst, result);
                        }
                        Op::MemoryCopy { dst, src, n } => {
                            let (d, from, n) = (r!(dst) as u32 as u64, r!(src) as u32 as u64, r!(n) as u32 as u64);
                            if d + n > mem_size || from + n > mem_size {
                                trap!(TrapKind::OutOfBounds);
                            }
                            if let Err(why) = copy_within(memory, d, from, n) {
                                trap!(TrapKind::Memory(why));
                            }
                        }
                        Op::MemoryFill { dst, value, n } => {
                            let (d, v, n) = (r!(dst) as u32 as u64, r!(value) as u8, r!(n) as u32 as u64);
                            if d + n > mem_size {
                                trap!(TrapKind::OutOfBounds);
                            }
                            if let Err(why) = fill(memory, d, v, n) {
                                trap!(TrapKind::Memory(why));
                            }
                        }
                        Op::Call { func: callee, base } => enter!(callee, base),
                        Op::CallIndirect { signature, index, base } => {
                            let i = r!(index) as u32 as usize;
                            let target = match self.table.get(i) {
                                Some(&t) if t != NULL => t,
                                Some(_) => trap!(TrapKind::IndirectCallToNull),
                                None => trap!(TrapKind::TableOutOfBounds),
                            };
                            let ty = module.func_types[target as usize];
                            if module.canonical[ty as usize] != signature {
                                trap!(TrapKind::IndirectCallSignature);
                            }
                            let imported = module.imports.len() as u32;
                            if target < imported {
                                self.host = Some((target, fp + base));
                                save_position!();
                                return Ok(Outcome::Host { import: target });
                            }
                            enter!(target - imported, base);
                        }
                        Op::CallHost { import, base } => {
                            self.host = Some((import, fp + base));
                            save_position!();
                            return Ok(Outcome::Host { import });
                        }
                        Op::Return0 => leave!(),
                        Op::Return1 { src } => {
                            w!(0, r!(src));
                            leave!();
                        }
                        Op::ReturnN { src, n } => {
                            for k in 0..n {
                                w!(k, r!(src + k));
                            }
                            leave!();
                        }
                        Op::Unreachable => trap!(TrapKind::Unreachable),
                    }
                }
            };
        }
        numeric_ops!(numeric_arms)
    }
}

fn copy_within<M: Memory>(memory: &mut M, dst: u64, src: u64, n: u64) -> Result<(), String> {
    let step = n.clamp(1, 1 << 16);
    let mut buf = vec![0u8; step as usize];
    let chunks = n.div_ceil(step);
    for k in 0..chunks {
        // Backwards when copying upwards, so no chunk reads what this copy already wrote.
        let at = (if dst > src { chunks - 1 - k } else { k }) * step;
        let len = step.min(n - at) as usize;
        memory.read(src + at, &mut buf[..len])?;
        memory.write(dst + at, &buf[..len])?;
    }
    Ok(())
}

fn fill<M: Memory>(memory: &mut M, dst: u64, value: u8, n: u64) -> Result<(), String> {
    let buf = vec![value; n.min(1 << 16) as usize];
    let mut done = 0;
    while done < n {
        let len = (buf.len() as u64).min(n - done) as usize;
        memory.write(dst + done, &buf[..len])?;
        done += len as u64;
    }
    Ok(())
}
