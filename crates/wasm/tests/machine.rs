//! The machine on modules built here: traps with their function and offset, hostile modules
//! and memories, and resuming from a saved state between any two slices.

use phantom_wasm::{Machine, Module, Outcome, TrapKind, VecMemory};
use wasm_encoder::{
    CodeSection, ElementSection, Elements, ExportKind, ExportSection, Function, FunctionSection, Instruction as I,
    MemArg, MemorySection, MemoryType, NameMap, NameSection, RefType, TableSection, TableType, TypeSection, ValType,
};

/// A function: its parameters, results, locals and body.
type Func<'a> = (&'a [ValType], &'a [ValType], &'a [ValType], Vec<I<'static>>);

/// A module of functions, each exported as `f0`, `f1`..., with one memory of `pages` and a
/// table holding every function.
fn module(functions: &[Func], pages: u64) -> Vec<u8> {
    let mut types = TypeSection::new();
    let mut funcs = FunctionSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    let mut names = NameMap::new();
    for (k, (params, results, locals, body)) in functions.iter().enumerate() {
        types.ty().function(params.iter().copied(), results.iter().copied());
        funcs.function(k as u32);
        exports.export(&format!("f{k}"), ExportKind::Func, k as u32);
        names.append(k as u32, &format!("f{k}"));
        let mut f = Function::new(locals.iter().map(|&t| (1, t)));
        for i in body {
            f.instruction(i);
        }
        f.instruction(&I::End);
        code.function(&f);
    }
    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: pages,
        maximum: Some(pages.max(4)),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let mut tables = TableSection::new();
    let n = functions.len() as u64;
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        minimum: n + 1,
        maximum: None,
        table64: false,
        shared: false,
    });
    let mut elements = ElementSection::new();
    let indexes: Vec<u32> = (0..n as u32).collect();
    elements.active(None, &wasm_encoder::ConstExpr::i32_const(0), Elements::Functions(indexes.into()));
    let mut name_section = NameSection::new();
    name_section.functions(&names);
    let mut m = wasm_encoder::Module::new();
    m.section(&types)
        .section(&funcs)
        .section(&tables)
        .section(&memories)
        .section(&exports)
        .section(&elements)
        .section(&code)
        .section(&name_section);
    m.finish()
}

/// Runs export `name` to its end in slices of `slice`, saving and restoring the machine
/// between every two slices when `resume` is set.
fn run(bytes: &[u8], name: &str, args: &[u64], slice: u32, resume: bool) -> Result<Vec<u64>, phantom_wasm::Trap> {
    let module = Module::new(bytes).expect("a valid module");
    let mut memory = VecMemory::default();
    let mut machine = Machine::instantiate(&module, &mut memory).expect("instantiates");
    machine.call(&module, module.export_function(name).expect("exported"), args).expect("starts");
    loop {
        let mut budget = slice;
        match machine.run(&module, &mut memory, &mut budget)? {
            Outcome::Done(results) => return Ok(results),
            Outcome::Budget if resume => {
                let words = machine.save(&module);
                machine = Machine::restore(&module, &words).expect("restores");
            }
            Outcome::Budget => {}
            Outcome::Host { .. } => panic!("no imports here"),
        }
    }
}

fn trap_of(bytes: &[u8], name: &str, args: &[u64]) -> phantom_wasm::Trap {
    run(bytes, name, args, 1000, false).expect_err("traps")
}

/// fib(n) recursively, and a loop summing memory after filling it.
fn programs() -> Vec<u8> {
    let fib = vec![
        I::LocalGet(0),
        I::I32Const(2),
        I::I32LtS,
        I::If(wasm_encoder::BlockType::Result(ValType::I32)),
        I::LocalGet(0),
        I::Else,
        I::LocalGet(0),
        I::I32Const(1),
        I::I32Sub,
        I::Call(0),
        I::LocalGet(0),
        I::I32Const(2),
        I::I32Sub,
        I::Call(0),
        I::I32Add,
        I::End,
    ];
    let mem = MemArg { offset: 0, align: 2, memory_index: 0 };
    // for (i = 0; i < n; i++) mem[i*4] = i*i; then sum them as i64 and add a double's bits.
    let fill_and_sum = vec![
        I::Block(wasm_encoder::BlockType::Empty),
        I::Loop(wasm_encoder::BlockType::Empty),
        I::LocalGet(1),
        I::LocalGet(0),
        I::I32GeU,
        I::BrIf(1),
        I::LocalGet(1),
        I::I32Const(4),
        I::I32Mul,
        I::LocalGet(1),
        I::LocalGet(1),
        I::I32Mul,
        I::I32Store(mem),
        I::LocalGet(1),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(1),
        I::Br(0),
        I::End,
        I::End,
        I::I32Const(0),
        I::LocalSet(1),
        I::Block(wasm_encoder::BlockType::Empty),
        I::Loop(wasm_encoder::BlockType::Empty),
        I::LocalGet(1),
        I::LocalGet(0),
        I::I32GeU,
        I::BrIf(1),
        I::LocalGet(2),
        I::LocalGet(1),
        I::I32Const(4),
        I::I32Mul,
        I::I64Load32U(mem),
        I::I64Add,
        I::LocalSet(2),
        I::LocalGet(3),
        I::LocalGet(1),
        I::F64ConvertI32U,
        I::F64Const(0.5.into()),
        I::F64Mul,
        I::F64Add,
        I::LocalSet(3),
        I::LocalGet(1),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(1),
        I::Br(0),
        I::End,
        I::End,
        I::LocalGet(2),
        I::LocalGet(3),
        I::I64TruncF64S,
        I::I64Add,
    ];
    module(
        &[
            (&[ValType::I32], &[ValType::I32], &[], fib),
            (&[ValType::I32], &[ValType::I64], &[ValType::I32, ValType::I64, ValType::F64], fill_and_sum),
        ],
        1,
    )
}

#[test]
fn results_are_the_same_whether_or_not_the_machine_is_saved_and_restored_between_slices() {
    let bytes = programs();
    let fib = |n: u64| {
        fn f(n: u64) -> u64 {
            if n < 2 {
                n
            } else {
                f(n - 1) + f(n - 2)
            }
        }
        f(n)
    };
    assert_eq!(run(&bytes, "f0", &[20], 1_000_000, false).unwrap(), vec![fib(20)]);
    let n = 5000u64;
    let expected =
        (0..n).map(|i| (i * i) & 0xffff_ffff).sum::<u64>() + (0..n).map(|i| i as f64 * 0.5).sum::<f64>() as u64;
    assert_eq!(run(&bytes, "f1", &[n], 1_000_000, false).unwrap(), vec![expected]);
    for slice in [1, 2, 3, 7, 50] {
        assert_eq!(run(&bytes, "f0", &[15], slice, true).unwrap(), vec![fib(15)], "fib, slices of {slice}");
        assert_eq!(run(&bytes, "f1", &[n], slice, true).unwrap(), vec![expected], "fill, slices of {slice}");
    }
}

#[test]
fn traps_name_their_function_and_offset() {
    let mem = MemArg { offset: 0, align: 2, memory_index: 0 };
    let bytes = module(
        &[
            (&[ValType::I32, ValType::I32], &[ValType::I32], &[], vec![I::LocalGet(0), I::LocalGet(1), I::I32DivS]),
            (&[ValType::I32], &[ValType::I32], &[], vec![I::LocalGet(0), I::I32Load(mem)]),
            (&[], &[], &[], vec![I::Unreachable]),
            (&[], &[], &[], vec![I::Call(3)]),
            (
                &[ValType::I32],
                &[ValType::I32],
                &[],
                vec![I::LocalGet(0), I::LocalGet(0), I::CallIndirect { type_index: 1, table_index: 0 }],
            ),
            (&[ValType::F64], &[ValType::I32], &[], vec![I::LocalGet(0), I::I32TruncF64S]),
        ],
        1,
    );
    let t = trap_of(&bytes, "f0", &[7, 0]);
    assert_eq!(t.kind, TrapKind::DivisionByZero);
    assert_eq!(t.function, "f0");
    assert!(t.offset > 0, "{t}");
    assert_eq!(trap_of(&bytes, "f0", &[i32::MIN as u32 as u64, u32::MAX as u64]).kind, TrapKind::IntegerOverflow);
    assert_eq!(run(&bytes, "f0", &[(-7i32) as u32 as u64, 2], 100, false).unwrap(), vec![(-3i32) as u32 as u64]);
    assert_eq!(trap_of(&bytes, "f1", &[65534]).kind, TrapKind::OutOfBounds);
    assert_eq!(run(&bytes, "f1", &[65532], 100, false).unwrap(), vec![0]);
    let t = trap_of(&bytes, "f2", &[]);
    assert_eq!((t.kind.clone(), t.function.as_str()), (TrapKind::Unreachable, "f2"));
    assert!(t.to_string().contains("unreachable executed in f2 at byte 0x"), "{t}");
    // Endless recursion is a trap, not a host stack overflow.
    assert_eq!(trap_of(&bytes, "f3", &[]).kind, TrapKind::StackExhausted);
    // Table entry 6 is empty; entry 0 has another signature; entry 1 is f1, which loads.
    assert_eq!(trap_of(&bytes, "f4", &[6]).kind, TrapKind::IndirectCallToNull);
    assert_eq!(trap_of(&bytes, "f4", &[0]).kind, TrapKind::IndirectCallSignature);
    assert_eq!(run(&bytes, "f4", &[1], 100, false).unwrap(), vec![0]);
    assert_eq!(trap_of(&bytes, "f4", &[99]).kind, TrapKind::TableOutOfBounds);
    assert_eq!(trap_of(&bytes, "f5", &[f64::NAN.to_bits()]).kind, TrapKind::InvalidConversion);
    assert_eq!(trap_of(&bytes, "f5", &[3e10f64.to_bits()]).kind, TrapKind::IntegerOverflow);
    assert_eq!(run(&bytes, "f5", &[(-2.9f64).to_bits()], 100, false).unwrap(), vec![(-2i32) as u32 as u64]);
}

#[test]
fn a_memory_larger_than_the_embedder_allows_is_refused_and_growth_past_it_fails() {
    let bytes = module(&[(&[], &[ValType::I32], &[], vec![I::I32Const(1), I::MemoryGrow(0)])], 65536);
    let module = Module::new(&bytes).expect("valid");
    let err = Machine::instantiate(&module, &mut VecMemory::default()).expect_err("4 GiB refused");
    assert!(err.to_string().contains("refused a memory"), "{err}");
    // Growing past the maximum gives -1.
    let bytes = module_with_grow(4);
    assert_eq!(run(&bytes, "f0", &[], 100, false).unwrap(), vec![u32::MAX as u64]);
    assert_eq!(run(&module_with_grow(2), "f0", &[], 100, false).unwrap(), vec![1]);
}

fn module_with_grow(pages: i32) -> Vec<u8> {
    module(&[(&[], &[ValType::I32], &[], vec![I::I32Const(pages), I::MemoryGrow(0)])], 1)
}

/// A small xorshift generator: the mutations are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn mutated_modules_give_an_error_or_run_and_never_panic() {
    let valid = programs();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ran = 0;
    for _ in 0..3000 {
        let mut bytes = valid.clone();
        for _ in 0..1 + rng.next() % 4 {
            if bytes.is_empty() {
                break;
            }
            let at = (rng.next() as usize) % bytes.len();
            match rng.next() % 3 {
                0 => bytes[at] = rng.next() as u8,
                1 => bytes[at] ^= 1 << (rng.next() % 8),
                _ => bytes.truncate(at),
            }
        }
        let Ok(module) = Module::new(&bytes) else { continue };
        let mut memory = VecMemory::default();
        let Ok(mut machine) = Machine::instantiate(&module, &mut memory) else { continue };
        for name in module.exported_functions() {
            let func = module.export_function(name).expect("listed");
            let params = module.signature_of(func).params.len();
            if machine.call(&module, func, &vec![3; params]).is_err() {
                continue;
            }
            let mut budget = 10_000;
            let _ = machine.run(&module, &mut memory, &mut budget);
            machine.reset();
            ran += 1;
        }
    }
    assert!(ran > 100, "only {ran} mutated modules ran");
}

#[test]
fn a_damaged_saved_machine_is_refused_or_restores_to_something_that_runs_safely() {
    let bytes = programs();
    let module = Module::new(&bytes).expect("valid");
    let mut memory = VecMemory::default();
    let mut machine = Machine::instantiate(&module, &mut memory).expect("instantiates");
    machine.call(&module, 0, &[18]).expect("starts");
    let mut budget = 500;
    assert_eq!(machine.run(&module, &mut memory, &mut budget).unwrap(), Outcome::Budget);
    let words = machine.save(&module);
    let mut rng = Rng(42);
    for k in 0..2000 {
        let mut damaged = words.clone();
        if k % 3 == 0 {
            damaged.truncate((rng.next() as usize) % words.len());
        } else {
            let at = (rng.next() as usize) % words.len();
            damaged[at] ^= 1 << (rng.next() % 64);
        }
        if let Ok(mut m) = Machine::restore(&module, &damaged) {
            let mut budget = 100_000;
            let _ = m.run(&module, &mut memory, &mut budget);
        }
    }
}
