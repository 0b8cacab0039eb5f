//! `.internal.wasm` from the Phantom language: a module loaded from bytes, its exports called
//! with Phantom numbers, data passed through its memory; and a long call that survives crashes
//! at random moments of a deterministic simulation, resuming mid-loop.
mod common;

use phantom_vm::sim::{SimConfig, Simulation};
use phantom_vm::{PlainMemory, Vm};
use wasm_encoder::{
    BlockType, CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction as I, MemArg,
    MemorySection, MemoryType, Module, TypeSection, ValType,
};

/// `sum_squares(n: i32) -> i64`: the sum of i*i for i below n, in a loop; and
/// `checksum(at: i32, len: i32) -> i32`: the sum of `len` bytes of memory from `at`, each
/// times its position plus one.
fn module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I64]);
    types.ty().function([ValType::I32, ValType::I32], [ValType::I32]);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    funcs.function(1);
    let mut memories = MemorySection::new();
    memories.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
    let mut exports = ExportSection::new();
    exports.export("sum_squares", ExportKind::Func, 0);
    exports.export("checksum", ExportKind::Func, 1);
    exports.export("memory", ExportKind::Memory, 0);
    let mut code = CodeSection::new();
    let mut sum = Function::new([(1, ValType::I32), (1, ValType::I64)]);
    for i in [
        I::Block(BlockType::Empty),
        I::Loop(BlockType::Empty),
        I::LocalGet(1),
        I::LocalGet(0),
        I::I32GeS,
        I::BrIf(1),
        I::LocalGet(2),
        I::LocalGet(1),
        I::I64ExtendI32S,
        I::LocalGet(1),
        I::I64ExtendI32S,
        I::I64Mul,
        I::I64Add,
        I::LocalSet(2),
        I::LocalGet(1),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(1),
        I::Br(0),
        I::End,
        I::End,
        I::LocalGet(2),
        I::End,
    ] {
        sum.instruction(&i);
    }
    code.function(&sum);
    let mut checksum = Function::new([(2, ValType::I32)]);
    for i in [
        I::Block(BlockType::Empty),
        I::Loop(BlockType::Empty),
        I::LocalGet(2),
        I::LocalGet(1),
        I::I32GeS,
        I::BrIf(1),
        I::LocalGet(3),
        I::LocalGet(0),
        I::LocalGet(2),
        I::I32Add,
        I::I32Load8U(MemArg { offset: 0, align: 0, memory_index: 0 }),
        I::LocalGet(2),
        I::I32Const(1),
        I::I32Add,
        I::I32Mul,
        I::I32Add,
        I::LocalSet(3),
        I::LocalGet(2),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(2),
        I::Br(0),
        I::End,
        I::End,
        I::LocalGet(3),
        I::End,
    ] {
        checksum.instruction(&i);
    }
    code.function(&checksum);
    let mut m = Module::new();
    m.section(&types).section(&funcs).section(&memories).section(&exports).section(&code);
    m.finish()
}

fn expected() -> String {
    let sum = |n: i64| (0..n).map(|i| i * i).sum::<i64>();
    let checksum: i32 = b"phantom".iter().enumerate().map(|(k, &b)| b as i32 * (k as i32 + 1)).sum();
    format!(
        "memory 65536\nsum_squares(30) = {}\nsum_squares(300000) = {}\nchecksum = {checksum} of phantom\ndone\n",
        sum(30),
        sum(300000)
    )
}

fn install(vm: &Vm) -> Result<u32, String> {
    let source = include_str!("wasm/user.ph");
    common::load_source(vm, "user.ph", source);
    vm.set_arguments(&[module()])?;
    vm.find_class(".test.wasm_user")
}

#[test]
fn phantom_code_calls_a_wasm_module_and_shares_its_memory() {
    let out = common::Capture::default();
    let vm = Vm::new(Box::new(PlainMemory::new(64 << 20)), Box::new(out.clone())).unwrap();
    let main = install(&vm).unwrap();
    vm.run_main(main).unwrap();
    assert_eq!(out.text(), expected());
}

#[test]
fn bad_modules_and_calls_are_phantom_exceptions() {
    let source = r#"
package .test;
class bad
{
    void run(var boot : .internal.boot) [8]
    {
        var w : .internal.wasm;
        var a : .internal.container.array;
        w = new .internal.wasm();
        try { w.load("\0asm not a module"); } catch (string e) { boot.consolePrint(e + "\n"); }
        try { w.call("sum_squares", null); } catch (string e) { boot.consolePrint(e + "\n"); }
        w.load(boot.getArguments()[0]);
        try { w.call("nothing", null); } catch (string e) { boot.consolePrint(e + "\n"); }
        a = new .internal.container.array();
        try { w.call("sum_squares", a); } catch (string e) { boot.consolePrint(e + "\n"); }
        try { w.read(65530, 100); } catch (string e) { boot.consolePrint(e + "\n"); }
    }
};
"#;
    let out = common::Capture::default();
    let vm = Vm::new(Box::new(PlainMemory::new(64 << 20)), Box::new(out.clone())).unwrap();
    common::load_source(&vm, "bad.ph", source);
    vm.set_arguments(&[module()]).unwrap();
    let main = vm.find_class(".test.bad").unwrap();
    vm.run_main(main).unwrap();
    let text = out.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("wasm: invalid module:") && lines[0].contains("at byte 0x"), "{}", lines[0]);
    assert!(lines[1].contains("no module loaded"), "{}", lines[1]);
    assert!(lines[2].contains("no exported function \"nothing\" (it exports: checksum, sum_squares)"), "{}", lines[2]);
    assert!(lines[3].contains("sum_squares takes 1 arguments, not 0"), "{}", lines[3]);
    assert!(lines[4].contains("outside the memory"), "{}", lines[4]);
}

#[test]
fn a_long_wasm_call_survives_crashes_and_resumes_mid_loop() {
    let expected = expected();
    let mut resumed_inside = 0;
    for seed in 0..24u64 {
        let mut sim = Simulation::new(seed, SimConfig::default());
        sim.boot(install).unwrap();
        let crash_at = 20 + sim.rng().below(400);
        sim.run(crash_at).unwrap();
        let report = sim.crash().unwrap();
        sim.run_to_end().unwrap();
        let outputs = sim.outputs();
        let last = outputs.last().unwrap();
        // What the restarted run prints continues what the crashed one printed: together,
        // repeats aside, they are the whole expected output, and the last run ends it.
        assert!(expected.ends_with(last.as_str()), "seed {seed} ({report:?}): after the crash {last:?}");
        let first = &outputs[0];
        assert!(expected.starts_with(first.as_str()), "seed {seed}: before the crash {first:?}");
        if last.starts_with("sum_squares(300000)") && first.contains("sum_squares(30) =") {
            resumed_inside += 1;
        }
    }
    assert!(resumed_inside > 0, "no seed crashed inside the long call");
}
