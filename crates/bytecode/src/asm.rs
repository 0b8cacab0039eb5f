//! The assembler: reads the assembly language of `docs/ASSEMBLY.md` into a [`ClassFile`].
//! Every error carries a line and column; the assembler reports all the errors it finds.

use std::collections::HashMap;
use std::fmt;

use crate::classfile::{
    ClassFile, ClassHeader, Constant, Field, LineEntry, LineMap, Method, Record, Signature, TypeRef,
};
use crate::insn::{Arg, Insn};
use crate::isa::{Op, Operand, Role, TypePrefix};

/// An assembly error at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsmError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for AsmError {}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Int(i64),
    Str(Vec<u8>),
    /// `name:` at the start of a line.
    Label(String),
    /// `@123`: an absolute code offset.
    At(i64),
    Open(char),
    Close(char),
    Comma,
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Int(v) => format!("number {v}"),
            Tok::Str(_) => "a string".into(),
            Tok::Label(s) => format!("label `{s}:`"),
            Tok::At(v) => format!("offset @{v}"),
            Tok::Open(c) | Tok::Close(c) => format!("`{c}`"),
            Tok::Comma => "`,`".into(),
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    column: usize,
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == '.'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '$'
}

fn parse_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let magnitude = match digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok()? as i128,
        None => digits.parse::<u64>().ok()? as i128,
    };
    let value = if negative { -magnitude } else { magnitude };
    // Hex may spell a negative 64-bit pattern (0xffffffffffffffff).
    i64::try_from(value).ok().or_else(|| (!negative && value <= u64::MAX as i128).then_some(value as u64 as i64))
}

/// Splits one line into tokens.
fn lex_line(text: &str, line: usize) -> Result<Vec<Token>, AsmError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let err = |col: usize, message: String| AsmError { line, column: col + 1, message };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == ';' {
            break;
        }
        let tok = if c == '"' {
            i += 1;
            let mut bytes = Vec::new();
            loop {
                let Some(&c) = chars.get(i) else {
                    return Err(err(start, "unterminated string".into()));
                };
                i += 1;
                match c {
                    '"' => break,
                    '\\' => {
                        let Some(&e) = chars.get(i) else {
                            return Err(err(i - 1, "unterminated escape".into()));
                        };
                        i += 1;
                        match e {
                            'n' => bytes.push(b'\n'),
                            'r' => bytes.push(b'\r'),
                            't' => bytes.push(b'\t'),
                            '0' => bytes.push(0),
                            '"' => bytes.push(b'"'),
                            '\\' => bytes.push(b'\\'),
                            'x' => {
                                let hex: String = chars.iter().skip(i).take(2).collect();
                                match u8::from_str_radix(&hex, 16) {
                                    Ok(b) if hex.len() == 2 => bytes.push(b),
                                    _ => return Err(err(i - 2, "\\x needs two hex digits".into())),
                                }
                                i += 2;
                            }
                            other => return Err(err(i - 2, format!("unknown escape \\{other}"))),
                        }
                    }
                    c => {
                        let mut buf = [0; 4];
                        bytes.extend(c.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
            Tok::Str(bytes)
        } else if c == '@' || c == '-' || c.is_ascii_digit() {
            i += 1;
            if c == '@' && chars.get(i) == Some(&'-') {
                i += 1;
            }
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let number = if c == '@' { &text[1..] } else { &text };
            let value = parse_int(number).ok_or_else(|| err(start, format!("`{text}` is not a valid number")))?;
            if c == '@' {
                Tok::At(value)
            } else {
                Tok::Int(value)
            }
        } else if is_ident_start(c) {
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if chars.get(i) == Some(&':') {
                i += 1;
                if !tokens.is_empty() {
                    return Err(err(start, format!("label `{word}:` must start its line")));
                }
                Tok::Label(word)
            } else {
                Tok::Ident(word)
            }
        } else {
            i += 1;
            match c {
                '[' | '(' => Tok::Open(c),
                ']' | ')' => Tok::Close(c),
                ',' => Tok::Comma,
                _ => return Err(err(start, format!("unexpected character `{c}`"))),
            }
        };
        tokens.push(Token { tok, column: start + 1 });
    }
    Ok(tokens)
}

/// The tokens of one line, consumed left to right.
struct Line {
    number: usize,
    tokens: Vec<Token>,
    pos: usize,
    /// Column just past the end of the line, for "missing ..." errors.
    end_column: usize,
}

type R<T> = Result<T, AsmError>;

impl Line {
    fn err<T>(&self, column: usize, message: impl Into<String>) -> R<T> {
        Err(AsmError { line: self.number, column, message: message.into() })
    }

    fn column(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.end_column, |t| t.column)
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn next(&mut self, what: &str) -> R<Tok> {
        match self.tokens.get(self.pos) {
            Some(t) => {
                self.pos += 1;
                Ok(t.tok.clone())
            }
            None => self.err(self.end_column, format!("expected {what}, found the end of the line")),
        }
    }

    fn unexpected<T>(&self, what: &str, found: &Tok) -> R<T> {
        let column = self.tokens[self.pos - 1].column;
        self.err(column, format!("expected {what}, found {}", found.describe()))
    }

    fn int(&mut self, what: &str) -> R<i64> {
        match self.next(what)? {
            Tok::Int(v) => Ok(v),
            other => self.unexpected(what, &other),
        }
    }

    fn int_in(&mut self, what: &str, min: i64, max: i64) -> R<i64> {
        let column = self.column();
        let v = self.int(what)?;
        if v < min || v > max {
            return self.err(column, format!("{what} {v} is out of range {min}..={max}"));
        }
        Ok(v)
    }

    fn u32(&mut self, what: &str) -> R<u32> {
        Ok(self.int_in(what, 0, u32::MAX as i64)? as u32)
    }

    fn i32(&mut self, what: &str) -> R<i32> {
        Ok(self.int_in(what, i32::MIN as i64, i32::MAX as i64)? as i32)
    }

    fn string(&mut self, what: &str) -> R<Vec<u8>> {
        match self.next(what)? {
            Tok::Str(s) => Ok(s),
            other => self.unexpected(what, &other),
        }
    }

    fn keyword(&mut self, word: &str) -> R<()> {
        match self.next(&format!("`{word}`"))? {
            Tok::Ident(w) if w == word => Ok(()),
            other => self.unexpected(&format!("`{word}`"), &other),
        }
    }

    fn close(&mut self, c: char) -> R<()> {
        match self.next(&format!("`{c}`"))? {
            Tok::Close(x) if x == c => Ok(()),
            other => self.unexpected(&format!("`{c}`"), &other),
        }
    }

    fn type_ref(&mut self) -> R<TypeRef> {
        const WHAT: &str = "a type (`untyped`, \"class\", \"element\"[] or type(flag, \"class\", \"element\"))";
        match self.next(WHAT)? {
            Tok::Ident(w) if w == "untyped" => Ok(TypeRef::default()),
            Tok::Str(class) => {
                if self.peek() == Some(&Tok::Open('[')) {
                    self.pos += 1;
                    self.close(']')?;
                    Ok(TypeRef { container: 1, class: vec![], element: class })
                } else {
                    Ok(TypeRef { container: 0, class, element: vec![] })
                }
            }
            Tok::Ident(w) if w == "type" => {
                match self.next("`(`")? {
                    Tok::Open('(') => {}
                    other => return self.unexpected("`(`", &other),
                }
                let container = self.i32("container flag")?;
                self.comma()?;
                let class = self.string("class name")?;
                self.comma()?;
                let element = self.string("element class name")?;
                self.close(')')?;
                Ok(TypeRef { container, class, element })
            }
            other => self.unexpected(WHAT, &other),
        }
    }

    fn comma(&mut self) -> R<()> {
        match self.next("`,`")? {
            Tok::Comma => Ok(()),
            other => self.unexpected("`,`", &other),
        }
    }

    fn done(&self) -> R<()> {
        match self.tokens.get(self.pos) {
            None => Ok(()),
            Some(t) => self.err(t.column, format!("unexpected {} at the end of the line", t.tok.describe())),
        }
    }
}

/// A jump target still to be resolved.
#[derive(Clone)]
enum TargetRef {
    Label { name: String, line: usize, column: usize },
    Offset(i64),
}

/// A method body item before labels are resolved.
enum Item {
    Insn { insn: Insn, targets: Vec<TargetRef> },
    Raw(Vec<u8>),
}

/// A `.lines` entry whose offset may name a label of its method.
struct PendingLines {
    record: usize,
    entries: Vec<(TargetRef, i32)>,
}

struct Assembler {
    lines: Vec<Line>,
    next: usize,
    records: Vec<Record>,
    errors: Vec<AsmError>,
    /// Labels of each method, by ordinal, for `.lines` blocks.
    method_labels: HashMap<u32, HashMap<String, usize>>,
    pending_lines: Vec<PendingLines>,
}

/// Assembles source text into a class file, or returns every error found.
pub fn assemble(source: &str) -> Result<ClassFile, Vec<AsmError>> {
    let mut asm = Assembler {
        lines: Vec::new(),
        next: 0,
        records: Vec::new(),
        errors: Vec::new(),
        method_labels: HashMap::new(),
        pending_lines: Vec::new(),
    };
    for (index, text) in source.lines().enumerate() {
        let number = index + 1;
        match lex_line(text, number) {
            Ok(tokens) if tokens.is_empty() => {}
            Ok(tokens) => asm.lines.push(Line { number, tokens, pos: 0, end_column: text.chars().count() + 1 }),
            Err(e) => asm.errors.push(e),
        }
    }
    asm.run();
    if asm.errors.is_empty() {
        Ok(ClassFile { records: asm.records })
    } else {
        asm.errors.sort_by_key(|e| (e.line, e.column));
        Err(asm.errors)
    }
}

impl Assembler {
    fn run(&mut self) {
        while self.next < self.lines.len() {
            let index = self.next;
            self.next += 1;
            if let Err(e) = self.directive(index) {
                self.errors.push(e);
            }
        }
        self.resolve_line_maps();
    }

    /// Takes the lines of a block up to its `.end`, leaving them unparsed.
    fn block(&mut self, opener: usize) -> R<std::ops::Range<usize>> {
        let start = self.next;
        while self.next < self.lines.len() {
            let line = &self.lines[self.next];
            self.next += 1;
            if matches!(&line.tokens[0].tok, Tok::Ident(w) if w == ".end") {
                if let Some(extra) = line.tokens.get(1) {
                    return line.err(extra.column, format!("unexpected {} after `.end`", extra.tok.describe()));
                }
                return Ok(start..self.next - 1);
            }
        }
        let line = &self.lines[opener];
        line.err(line.tokens[0].column, "this block has no `.end`")
    }

    fn directive(&mut self, index: usize) -> R<()> {
        let line = &mut self.lines[index];
        let column = line.column();
        let word = match line.next("a directive")? {
            Tok::Ident(w) if w.starts_with('.') => w,
            other => return line.unexpected("a directive such as `.class` or `.method`", &other),
        };
        match word.as_str() {
            ".class" => {
                let line = &mut self.lines[index];
                let name = line.string("class name")?;
                let (mut parent, mut fields, mut methods, mut version) = (None, None, None, None);
                while let Some(Tok::Ident(key)) = line.peek().cloned() {
                    line.pos += 1;
                    match key.as_str() {
                        "parent" => parent = Some(line.string("parent class name")?),
                        "fields" => fields = Some(line.u32("field slot count")?),
                        "methods" => methods = Some(line.u32("method slot count")?),
                        "version" => version = Some(line.string("version string")?),
                        _ => return line.err(line.tokens[line.pos - 1].column, format!("unknown class attribute `{key}`")),
                    }
                }
                line.done()?;
                let missing = |what: &str| AsmError {
                    line: line.number,
                    column: line.end_column,
                    message: format!(".class needs `{what}`"),
                };
                let header = ClassHeader {
                    name,
                    parent: parent.ok_or_else(|| missing("parent \"...\""))?,
                    field_slots: fields.ok_or_else(|| missing("fields N"))?,
                    method_slots: methods.ok_or_else(|| missing("methods N"))?,
                    version: version.unwrap_or_default(),
                };
                self.records.push(Record::Class(header));
            }
            ".method" => {
                let line = &mut self.lines[index];
                let name = line.string("method name")?;
                let ordinal = line.u32("method ordinal")?;
                line.done()?;
                let body = self.block(index)?;
                let (code, labels) = self.method_body(body);
                self.method_labels.insert(ordinal, labels);
                self.records.push(Record::Method(Method { name, ordinal, code }));
            }
            ".signature" => {
                let line = &mut self.lines[index];
                let name = line.string("method name")?;
                let ordinal = line.u32("method ordinal")?;
                let mut ctor = None;
                if line.peek() == Some(&Tok::Ident("ctor".into())) {
                    line.pos += 1;
                    ctor = Some(line.i32("constructor flag")?);
                }
                line.keyword("returns")?;
                let returns = line.type_ref()?;
                line.done()?;
                let mut args = Vec::new();
                for i in self.block(index)? {
                    let line = &mut self.lines[i];
                    let parsed = line.keyword("arg").and_then(|_| {
                        let name = line.string("argument name")?;
                        let ty = line.type_ref()?;
                        line.done()?;
                        Ok((name, ty))
                    });
                    match parsed {
                        Ok(arg) => args.push(arg),
                        Err(e) => self.errors.push(e),
                    }
                }
                self.records.push(Record::Signature(Signature { name, ordinal, ctor, returns, args }));
            }
            ".lines" => {
                let line = &mut self.lines[index];
                let ordinal = line.u32("method ordinal")?;
                line.done()?;
                let mut entries = Vec::new();
                for i in self.block(index)? {
                    let line = &mut self.lines[i];
                    let parsed = (|| {
                        let column = line.column();
                        let at = match line.next("`@offset` or a label")? {
                            Tok::At(v) => TargetRef::Offset(v),
                            Tok::Ident(name) => TargetRef::Label { name, line: line.number, column },
                            other => return line.unexpected("`@offset` or a label", &other),
                        };
                        let number = line.i32("line number")?;
                        line.done()?;
                        Ok((at, number))
                    })();
                    match parsed {
                        Ok(entry) => entries.push(entry),
                        Err(e) => self.errors.push(e),
                    }
                }
                self.pending_lines.push(PendingLines { record: self.records.len(), entries });
                self.records.push(Record::LineMap(LineMap { ordinal, entries: vec![] }));
            }
            ".fields" => {
                self.lines[index].done()?;
                let mut fields = Vec::new();
                for i in self.block(index)? {
                    let line = &mut self.lines[i];
                    let parsed = (|| {
                        let name = line.string("field name")?;
                        let ordinal = line.u32("field ordinal")?;
                        let ty = line.type_ref()?;
                        line.done()?;
                        Ok(Field { name, ordinal, ty })
                    })();
                    match parsed {
                        Ok(f) => fields.push(f),
                        Err(e) => self.errors.push(e),
                    }
                }
                self.records.push(Record::Fields(fields));
            }
            ".const" => {
                let line = &mut self.lines[index];
                let id = line.u32("constant id")?;
                let ty = line.type_ref()?;
                let value = line.string("constant value")?;
                line.done()?;
                self.records.push(Record::Constant(Constant { id, ty, value }));
            }
            ".record" => {
                let line = &mut self.lines[index];
                let tag_column = line.column();
                let tag = line.string("record tag")?;
                let body = line.string("record body")?;
                line.done()?;
                match tag[..] {
                    [t] if t.is_ascii_lowercase() && !b"lfc".contains(&t) => {
                        self.records.push(Record::Unknown { tag: t, body })
                    }
                    _ => {
                        return line.err(
                            tag_column,
                            "`.record` takes one lower-case letter other than l, f and c (use their directives)",
                        )
                    }
                }
            }
            ".end" => return self.lines[index].err(column, "`.end` without a block to close"),
            _ => {
                return self.lines[index].err(
                    column,
                    format!("unknown directive `{word}` (expected .class, .method, .signature, .lines, .fields, .const or .record)"),
                )
            }
        }
        Ok(())
    }

    /// Assembles a method body; errors are collected, the code is what could be assembled.
    fn method_body(&mut self, body: std::ops::Range<usize>) -> (Vec<u8>, HashMap<String, usize>) {
        let mut items = Vec::new();
        let mut labels: HashMap<String, usize> = HashMap::new();
        let mut offset = 0;
        for i in body {
            let line = &mut self.lines[i];
            if let Some(Tok::Label(name)) = line.peek().cloned() {
                let column = line.column();
                line.pos += 1;
                if labels.insert(name.clone(), offset).is_some() {
                    self.errors.push(AsmError {
                        line: line.number,
                        column,
                        message: format!("label `{name}` is defined twice"),
                    });
                }
                if line.peek().is_none() {
                    continue;
                }
            }
            match parse_item(line) {
                Ok(item) => {
                    offset += match &item {
                        Item::Insn { insn, .. } => insn.encoded_len(),
                        Item::Raw(bytes) => bytes.len(),
                    };
                    items.push((line.number, item));
                }
                Err(e) => self.errors.push(e),
            }
        }
        let mut code = Vec::with_capacity(offset);
        for (number, item) in items {
            match item {
                Item::Raw(bytes) => code.extend(bytes),
                Item::Insn { mut insn, targets } => {
                    let mut resolved = targets.iter().map(|t| resolve(t, &labels));
                    for arg in &mut insn.args {
                        let slots: Vec<&mut i64> = match arg {
                            Arg::Target(t) => vec![t],
                            Arg::Switch { targets, .. } => targets.iter_mut().collect(),
                            _ => vec![],
                        };
                        for slot in slots {
                            match resolved.next() {
                                Some(Ok(v)) => *slot = v,
                                Some(Err(e)) => self.errors.push(e),
                                None => {}
                            }
                        }
                    }
                    let at = code.len();
                    if let Err(e) = insn.encode(at, &mut code) {
                        self.errors.push(AsmError { line: number, column: 1, message: e.0 });
                        // Keep later offsets right so further errors stay meaningful.
                        code.resize(at + insn.encoded_len(), 0);
                    }
                }
            }
        }
        (code, labels)
    }

    fn resolve_line_maps(&mut self) {
        for pending in std::mem::take(&mut self.pending_lines) {
            let Record::LineMap(map) = &mut self.records[pending.record] else { continue };
            let empty = HashMap::new();
            let labels = self.method_labels.get(&map.ordinal).unwrap_or(&empty);
            for (at, line) in pending.entries {
                match resolve(&at, labels) {
                    Ok(offset) => map.entries.push(LineEntry { offset, line }),
                    Err(e) => self.errors.push(e),
                }
            }
        }
    }
}

fn resolve(target: &TargetRef, labels: &HashMap<String, usize>) -> R<i64> {
    match target {
        TargetRef::Offset(v) => Ok(*v),
        TargetRef::Label { name, line, column } => labels.get(name).map(|&o| o as i64).ok_or_else(|| AsmError {
            line: *line,
            column: *column,
            message: format!("undefined label `{name}`"),
        }),
    }
}

fn target_ref(line: &mut Line) -> R<TargetRef> {
    let column = line.column();
    match line.next("a label or `@offset`")? {
        Tok::Ident(name) => Ok(TargetRef::Label { name, line: line.number, column }),
        Tok::At(v) => Ok(TargetRef::Offset(v)),
        other => line.unexpected("a label or `@offset`", &other),
    }
}

/// Parses one instruction (or `.bytes`) line.
fn parse_item(line: &mut Line) -> R<Item> {
    let column = line.column();
    let word = match line.next("an instruction")? {
        Tok::Ident(w) => w,
        other => return line.unexpected("an instruction", &other),
    };
    if word == ".bytes" {
        let mut bytes = Vec::new();
        while line.peek().is_some() {
            bytes.push(line.int_in("byte", 0, 255)? as u8);
        }
        return Ok(Item::Raw(bytes));
    }
    let (name, suffix) = match word.split_once('.') {
        Some((name, suffix)) => (name, Some(suffix)),
        None => (word.as_str(), None),
    };
    let Some(op) = Op::from_name(name) else {
        return line.err(column, format!("unknown instruction `{name}`"));
    };
    let info = op.info();
    let prefix = match suffix {
        None => None,
        Some(s) => {
            let Some(p) = TypePrefix::from_suffix(s) else {
                return line.err(column, format!("unknown type suffix `.{s}` (expected .long, .float or .double)"));
            };
            if !info.prefixes.accepts(p) {
                return line.err(column, format!("`{name}` does not work on {s} values"));
            }
            Some(p)
        }
    };
    if info.role != Role::Defined && info.role != Role::Withdrawn && suffix.is_some() {
        return line.err(column, "a prefix cannot take a suffix");
    }
    let mut args = Vec::with_capacity(info.operands.len());
    let mut targets = Vec::new();
    for &operand in info.operands {
        let arg = match operand {
            Operand::Implicit => Arg::Int(line.int_in("family index", 0, info.count as i64 - 1)?),
            Operand::Method8 => Arg::Int(line.int_in("method ordinal", 0, 255)?),
            Operand::Count8 => Arg::Int(line.int_in("count", 0, 255)?),
            Operand::Field8 => Arg::Int(line.int_in("field slot", 0, 255)?),
            Operand::Native8 => Arg::Int(line.int_in("native method number", 0, 255)?),
            Operand::Int8 => Arg::Int(line.int_in("constant", 0, 255)?),
            Operand::Method32 => Arg::Int(line.u32("method ordinal")? as i64),
            Operand::Count32 => Arg::Int(line.u32("count")? as i64),
            Operand::Field32 | Operand::AnyField32 => Arg::Int(line.u32("field slot")? as i64),
            Operand::Slot32 => Arg::Int(line.u32("stack slot")? as i64),
            Operand::Const32 => Arg::Int(line.u32("constant id")? as i64),
            Operand::Int32 => Arg::Int(line.i32("constant")? as i64),
            Operand::Int64 => Arg::Int(line.int("constant")?),
            Operand::Target => {
                targets.push(target_ref(line)?);
                Arg::Target(0)
            }
            Operand::Bytes => Arg::Bytes(line.string("a string")?),
            Operand::Debug => {
                let mode = line.int_in("debug mode", 0, 255)? as u8;
                let message = match line.peek() {
                    Some(Tok::Str(_)) => Some(line.string("debug message")?),
                    _ => None,
                };
                if (mode & 0x80 != 0) != message.is_some() {
                    return line.err(column, "debug: give a message exactly when the mode has bit 0x80 set");
                }
                Arg::Debug { mode, message }
            }
            Operand::Switch => {
                let shift = line.i32("switch shift")?;
                let divisor = line.u32("switch divisor")?;
                match line.next("`[`")? {
                    Tok::Open('[') => {}
                    other => return line.unexpected("`[`", &other),
                }
                let mut count = 0;
                while line.peek() != Some(&Tok::Close(']')) {
                    targets.push(target_ref(line)?);
                    count += 1;
                }
                line.close(']')?;
                Arg::Switch { shift, divisor, targets: vec![0; count] }
            }
        };
        args.push(arg);
    }
    line.done()?;
    Ok(Item::Insn { insn: Insn { prefix, op, args }, targets })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disasm::disassemble;

    const SMALL: &str = r#"
; a comment
.class ".test.small" parent ".internal.object" fields 1 methods 17 version "v1"
.method "loop" 16
        arg_count 0
        iconst_32bit 3
top:    djnz top
        is_drop
        iconst_32bit 1
        switch 0 1 [a b]
a:      isum.long
b:      summon_null
        ret
.end
.signature "loop" 16 ctor 0 returns ".internal.int"
        arg "x" ".internal.string"[]
.end
.lines 16
        top 7
        @0 6
.end
.const 0 ".internal.string" "h\x00i"
"#;

    #[test]
    fn assembles_labels_switches_and_line_maps() {
        let file = assemble(SMALL).unwrap();
        let Record::LineMap(map) = &file.records[3] else { panic!() };
        assert_eq!(map.entries, vec![LineEntry { offset: 7, line: 7 }, LineEntry { offset: 0, line: 6 }]);
        let text = disassemble(&file);
        let again = assemble(&text).unwrap();
        assert_eq!(again.to_bytes(), file.to_bytes(), "{text}");
    }

    #[test]
    fn errors_have_locations_and_all_are_reported() {
        let src = ".class \"x\" parent \"y\" fields 0 methods 0\n.method \"m\" 16\n  bogus 1\n  jz nowhere\n  os_load8 300\n.end\n";
        let errors = assemble(src).unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[0].starts_with("3:3: unknown instruction `bogus`"), "{shown:?}");
        assert!(shown[1].starts_with("4:6: undefined label `nowhere`"), "{shown:?}");
        assert!(shown[2].starts_with("5:12: field slot 300 is out of range"), "{shown:?}");
    }

    #[test]
    fn suffix_must_fit_the_instruction() {
        let src = ".method \"m\" 16\n  ior.float\n.end\n";
        let e = assemble(src).unwrap_err();
        assert_eq!(e[0].to_string(), "2:3: `ior` does not work on float values");
    }

    #[test]
    fn missing_end_is_reported_at_the_opener() {
        let e = assemble(".method \"m\" 16\n  ret\n").unwrap_err();
        assert_eq!(e[0].to_string(), "1:1: this block has no `.end`");
    }
}
