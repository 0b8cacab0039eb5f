//! Instruction lists with symbolic labels, laid out into code bytes and a line map (used by
//! the compiler and the Java translator).

use std::collections::HashMap;

use crate::classfile::LineEntry;
use crate::{Arg, Insn, Op, TypePrefix};

#[derive(Clone, Debug)]
pub enum Item {
    /// An instruction; a jump's `Arg::Target` and a switch's targets hold label numbers until
    /// layout.
    Insn(Insn),
    Label(u32),
    /// The following code comes from this source line.
    Line(u32),
}

pub fn insn(prefix: Option<TypePrefix>, op: Op, args: Vec<Arg>) -> Item {
    Item::Insn(Insn { prefix, op, args })
}

/// The code offset of every label, and the code's length, when the items are laid out from
/// offset 0.
pub fn label_offsets(items: &[Item]) -> (HashMap<u32, i64>, usize) {
    let mut labels = HashMap::new();
    let mut offset = 0usize;
    for item in items {
        match item {
            Item::Insn(i) => offset += i.encoded_len(),
            Item::Label(l) => {
                labels.insert(*l, offset as i64);
            }
            Item::Line(_) => {}
        }
    }
    (labels, offset)
}

/// Lays the items out from offset 0: labels become offsets, lines become a line map.
pub fn assemble(items: &[Item]) -> Result<(Vec<u8>, Vec<LineEntry>), String> {
    let (labels, length) = label_offsets(items);
    let mut code = Vec::with_capacity(length);
    let mut lines: Vec<LineEntry> = Vec::new();
    for item in items {
        match item {
            Item::Insn(i) => {
                let mut i = i.clone();
                for arg in &mut i.args {
                    match arg {
                        Arg::Target(label) => {
                            *arg = Arg::Target(*labels.get(&(*label as u32)).ok_or("jump to a label never placed")?);
                        }
                        Arg::Switch { targets, .. } => {
                            for t in targets.iter_mut() {
                                *t = *labels.get(&(*t as u32)).ok_or("switch to a label never placed")?;
                            }
                        }
                        _ => {}
                    }
                }
                i.encode(code.len(), &mut code).map_err(|e| e.to_string())?;
            }
            Item::Label(_) => {}
            Item::Line(line) => {
                let at = code.len() as i64;
                match lines.last_mut() {
                    Some(last) if last.offset == at => last.line = *line as i32,
                    Some(last) if last.line == *line as i32 => {}
                    _ => lines.push(LineEntry { offset: at, line: *line as i32 }),
                }
            }
        }
    }
    Ok((code, lines))
}
