//! Fused instruction runs behave exactly like the instructions they stand for. Random methods
//! built from the runs the decoder fuses (int locals updated with constants or with each other,
//! an int argument compared or turned into a call argument, int fields updated or read, counted
//! loops) run on a VM that fuses and on one that does not; both must give the same result or
//! the same exception, and stop at the same instruction limits (a fused run counts as the
//! instructions it replaces, and does only its first one when the limit falls inside it).

use phantom_bytecode::assemble;
use phantom_vm::{PlainMemory, Uncaught, Value, Vm};
use proptest::prelude::*;

const OPS: [&str; 13] =
    ["isum", "isublu", "isubul", "imul", "iand", "ior", "ixor", "idivlu", "iremlu", "idivul", "ishl", "ishr", "ushr"];
const CMPS: [&str; 4] = ["ige", "ile", "igt", "ilt"];
const CONSTANTS: [i32; 10] = [0, 1, -1, 2, 7, -3, 31, 1_000_003, i32::MIN, i32::MAX];
const DOUBLE_OPS: [&str; 6] = ["isum", "isublu", "isubul", "imul", "idivlu", "idivul"];
const DOUBLES: [f64; 5] = [0.5, -3.25, 1e10, 0.0, 7.0];

/// A stack-neutral piece of a method. Locals 0-3 are free; local 4 counts loops.
#[derive(Clone, Debug)]
enum Block {
    /// local[to] = local[from] op k
    LocalConst { from: u32, op: usize, k: usize, to: u32 },
    /// local[to] = local[a] op local[b]
    Locals { a: u32, b: u32, op: usize, to: u32 },
    /// argument 1 = argument 0 (as an int) op k, boxed
    ArgConst { op: usize, k: usize },
    /// local[to] = argument 1 as an int
    ReadArg { to: u32 },
    /// field = field op k
    FieldConst { field: u32, op: usize, k: usize },
    /// local[to] = field as an int
    ReadField { field: u32, to: u32 },
    /// calls a method that bumps field 0 and returns nothing (`summon_null; ret`)
    CallVoid,
    /// if argument 0 (as an int) cmp k: the inner blocks
    IfArg { cmp: usize, k: usize, then: Vec<Block> },
    /// if local[a] cmp k: the inner blocks
    IfLocal { a: u32, cmp: usize, k: usize, then: Vec<Block> },
    /// the inner blocks, `times` times, counted in local 4
    Loop { times: u8, body: Vec<Block> },
    /// if local[a] cmp local[b]: the inner blocks
    IfLocals { a: u32, b: u32, cmp: usize, then: Vec<Block> },
    /// double arithmetic on locals 5-6 and 7-8 from local[from], back into local[to]
    Doubles { from: u32, op1: usize, k: usize, op2: usize, to: u32 },
    /// local[to] = local[from] narrowed to a byte (`bits` 24) or a short (16), with sign
    Narrow { from: u32, bits: u32, to: u32 },
    /// if local[a] is not zero (`log_not; jz`): the inner blocks
    IfNonZero { a: u32, then: Vec<Block> },
    /// if (local[a] op k) cmp local[b] (a computed value against a local), or against
    /// local[b] op k (two computed values): the inner blocks
    IfComputed { a: u32, op: usize, k: usize, b: u32, cmp: usize, both: bool, then: Vec<Block> },
}

fn simple() -> impl Strategy<Value = Block> {
    let slot = || 0u32..4;
    prop_oneof![
        (slot(), 0..OPS.len(), 0..CONSTANTS.len(), slot()).prop_map(|(from, op, k, to)| Block::LocalConst {
            from,
            op,
            k,
            to
        }),
        // The same slot in and out: `i++`, `i += k`.
        (slot(), 0..OPS.len(), 0..CONSTANTS.len()).prop_map(|(s, op, k)| Block::LocalConst { from: s, op, k, to: s }),
        (slot(), slot(), 0..OPS.len(), slot()).prop_map(|(a, b, op, to)| Block::Locals { a, b, op, to }),
        (0..OPS.len(), 0..CONSTANTS.len()).prop_map(|(op, k)| Block::ArgConst { op, k }),
        slot().prop_map(|to| Block::ReadArg { to }),
        (0u32..2, 0..OPS.len(), 0..CONSTANTS.len()).prop_map(|(field, op, k)| Block::FieldConst { field, op, k }),
        (0u32..2, slot()).prop_map(|(field, to)| Block::ReadField { field, to }),
        Just(Block::CallVoid),
        (slot(), 0..DOUBLE_OPS.len(), 0..DOUBLES.len(), 0..DOUBLE_OPS.len(), slot())
            .prop_map(|(from, op1, k, op2, to)| Block::Doubles { from, op1, k, op2, to }),
        (slot(), prop::sample::select(vec![16u32, 24]), slot()).prop_map(|(from, bits, to)| Block::Narrow {
            from,
            bits,
            to
        }),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    let inner = || prop::collection::vec(simple(), 1..4);
    prop_oneof![
        4 => simple(),
        1 => (0..CMPS.len(), 0..CONSTANTS.len(), inner()).prop_map(|(cmp, k, then)| Block::IfArg { cmp, k, then }),
        1 => (0u32..4, 0..CMPS.len(), 0..CONSTANTS.len(), inner())
            .prop_map(|(a, cmp, k, then)| Block::IfLocal { a, cmp, k, then }),
        1 => (0u8..12, inner()).prop_map(|(times, body)| Block::Loop { times, body }),
        1 => (0u32..4, 0u32..4, 0..CMPS.len(), inner())
            .prop_map(|(a, b, cmp, then)| Block::IfLocals { a, b, cmp, then }),
        1 => (0u32..4, inner()).prop_map(|(a, then)| Block::IfNonZero { a, then }),
        1 => (0u32..4, 0..OPS.len(), 0..CONSTANTS.len(), 0u32..4, 0..CMPS.len(), any::<bool>(), inner())
            .prop_map(|(a, op, k, b, cmp, both, then)| Block::IfComputed { a, op, k, b, cmp, both, then }),
    ]
}

fn render(blocks: &[Block], out: &mut String, labels: &mut u32) {
    for b in blocks {
        match b {
            Block::LocalConst { from, op, k, to } => {
                out.push_str(&format!("is_get32 {from}\niconst_32bit {}\n{}\nis_set32 {to}\n", CONSTANTS[*k], OPS[*op]))
            }
            Block::Locals { a, b, op, to } => {
                out.push_str(&format!("is_get32 {a}\nis_get32 {b}\n{}\nis_set32 {to}\n", OPS[*op]))
            }
            Block::ArgConst { op, k } => out
                .push_str(&format!("os_get32 0\no2i\niconst_32bit {}\n{}\ni2o\nos_set32 1\n", CONSTANTS[*k], OPS[*op])),
            Block::ReadArg { to } => out.push_str(&format!("os_get32 1\no2i\nis_set32 {to}\n")),
            Block::FieldConst { field, op, k } => out.push_str(&format!(
                "os_load8 {field}\no2i\niconst_32bit {}\n{}\ni2o\nos_save8 {field}\n",
                CONSTANTS[*k], OPS[*op]
            )),
            Block::ReadField { field, to } => out.push_str(&format!("os_load8 {field}\no2i\nis_set32 {to}\n")),
            Block::CallVoid => out.push_str("summon_this\ncall 17 0\nos_drop\n"),
            Block::IfArg { cmp, k, then } | Block::IfLocal { cmp, k, then, .. } => {
                *labels += 1;
                let skip = format!("skip{labels}");
                let read = match b {
                    Block::IfLocal { a, .. } => format!("is_get32 {a}\n"),
                    _ => "os_get32 0\no2i\n".to_string(),
                };
                out.push_str(&format!("{read}iconst_32bit {}\n{}\njz {skip}\n", CONSTANTS[*k], CMPS[*cmp]));
                render(then, out, labels);
                out.push_str(&format!("{skip}:\n"));
            }
            Block::Narrow { from, bits, to } => out.push_str(&format!(
                "is_get32 {from}\niconst_8bit {bits}\nishl\niconst_8bit {bits}\nishr\nis_set32 {to}\n"
            )),
            Block::IfNonZero { a, then } => {
                *labels += 1;
                let skip = format!("skip{labels}");
                out.push_str(&format!("is_get32 {a}\nlog_not\njz {skip}\n"));
                render(then, out, labels);
                out.push_str(&format!("{skip}:\n"));
            }
            Block::IfComputed { a, op, k, b, cmp, both, then } => {
                *labels += 1;
                let skip = format!("skip{labels}");
                let (op, k) = (OPS[*op], CONSTANTS[*k]);
                out.push_str(&format!("is_get32 {a}\niconst_32bit {k}\n{op}\nis_get32 {b}\n"));
                if *both {
                    out.push_str(&format!("iconst_32bit {k}\n{op}\n"));
                }
                out.push_str(&format!("{}\njz {skip}\n", CMPS[*cmp]));
                render(then, out, labels);
                out.push_str(&format!("{skip}:\n"));
            }
            Block::IfLocals { a, b, cmp, then } => {
                *labels += 1;
                let skip = format!("skip{labels}");
                out.push_str(&format!("is_get32 {a}\nis_get32 {b}\n{}\njz {skip}\n", CMPS[*cmp]));
                render(then, out, labels);
                out.push_str(&format!("{skip}:\n"));
            }
            Block::Doubles { from, op1, k, op2, to } => {
                let (op1, op2, k) = (DOUBLE_OPS[*op1], DOUBLE_OPS[*op2], DOUBLES[*k].to_bits());
                // local 5 = local[from] as a double; local 7 = ((local 5 op1 local 7) op2 k)
                // op1 local 5; local[to] = local 7 as an int.
                out.push_str(&format!(
                    "is_get32 {from}\nfromi.double\nis_set32.double 5\n\
                     is_get32.double 5\nis_get32.double 7\n{op1}.double\n\
                     iconst_64bit.double {k}\n{op2}.double\nis_get32.double 5\n{op1}.double\n\
                     is_set32.double 7\nis_get32.double 7\nfromd\nis_set32 {to}\n"
                ));
            }
            Block::Loop { times, body } => {
                *labels += 1;
                let (top, end) = (format!("top{labels}"), format!("end{labels}"));
                out.push_str(&format!(
                    "iconst_0\nis_set32 4\n{top}:\nis_get32 4\niconst_32bit {times}\nilt\njz {end}\n"
                ));
                render(body, out, labels);
                out.push_str(&format!("is_get32 4\niconst_1\nisum\nis_set32 4\njmp {top}\n{end}:\n"));
            }
        }
    }
}

/// A class whose method 16 takes two arguments, runs the blocks, and returns its locals and
/// fields mixed. Field 1 starts as null unless `field` is given.
fn program(blocks: &[Block], locals: [i32; 4], field: Option<i32>) -> String {
    let mut body = String::new();
    for (slot, v) in locals.iter().enumerate() {
        body.push_str(&format!("iconst_32bit {v}\nis_set32 {slot}\n"));
    }
    body.push_str("iconst_32bit 3\nfromi.double\nis_set32.double 7\n");
    body.push_str(&format!("iconst_32bit {}\ni2o\nos_save8 0\n", locals[0] ^ 5));
    if let Some(v) = field {
        body.push_str(&format!("iconst_32bit {v}\ni2o\nos_save8 1\n"));
    }
    render(blocks, &mut body, &mut 0);
    body.push_str("is_get32 0\niconst_32bit 31\nimul\nis_get32 1\nixor\niconst_32bit 31\nimul\nis_get32 2\nisum\n");
    body.push_str("iconst_32bit 31\nimul\nis_get32 3\nisublu\nos_load8 0\no2i\nixor\ni2o\nret\n");
    format!(
        ".class \".t.fused\" parent \".internal.object\" fields 2 methods 18\n\
         .method \"f\" 16\narg_count 2\nstack_reserve 0 9\n{body}.end\n\
         .method \"bump\" 17\narg_count 0\nos_load8 0\no2i\niconst_1\nisum\ni2o\nos_save8 0\nsummon_null\nret\n.end\n"
    )
}

/// What a run came to, in words both VMs can be compared by.
fn outcome(vm: &Vm, result: Result<Value, Uncaught>) -> String {
    match result {
        Ok(v) => format!("returned {}", vm.describe(v)),
        Err(u) => format!("threw {}", u.message),
    }
}

struct Setup {
    vm: Vm,
    this: Value,
    args: [Value; 2],
}

fn setup(source: &str, fuse: bool, x: Option<i32>, y: Option<i32>) -> Setup {
    let mut vm = Vm::new(Box::new(PlainMemory::new(4 << 20)), Box::new(std::io::sink())).unwrap();
    vm.fuse_runs = fuse;
    let file = assemble(source).unwrap_or_else(|e| panic!("{e:?}\n{source}"));
    let class = vm.load_class(&file.to_bytes(), "fused test").unwrap_or_else(|e| panic!("{e}\n{source}"));
    let this = vm.instantiate(class).unwrap();
    // An argument that is not an int makes `o2i` take the general path.
    let arg = |v: Option<i32>| v.map_or_else(|| vm.new_string(b"12").unwrap(), Value::int);
    let args = [arg(x), arg(y)];
    Setup { vm, this, args }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn fused_runs_match_the_instructions_they_replace(
        blocks in prop::collection::vec(block(), 1..8),
        locals in prop::array::uniform4(prop::sample::select(CONSTANTS.to_vec())),
        x in prop::option::weighted(0.9, prop::sample::select(CONSTANTS.to_vec())),
        y in prop::option::weighted(0.9, -5i32..5),
        field in prop::option::weighted(0.9, -5i32..5),
        limits in prop::collection::vec(1u32..400, 4),
    ) {
        let source = program(&blocks, locals, field);
        let fused = setup(&source, true, x, y);
        let plain = setup(&source, false, x, y);
        let run = |s: &Setup| outcome(&s.vm, s.vm.run(s.this, 16, &s.args));
        prop_assert_eq!(run(&fused), run(&plain), "{}", source);
        for limit in limits {
            let limited = |s: &Setup| match s.vm.run_limited(s.this, 16, &s.args, limit) {
                Ok(finished) => format!("finished: {finished}"),
                Err(u) => format!("threw {}", u.message),
            };
            prop_assert_eq!(limited(&fused), limited(&plain), "limit {}\n{}", limit, source);
        }
    }
}
