//! Random valid modules (wasm-smith, NaNs canonical) run by wasmi, the reference, and by this
//! interpreter, in slices with the machine saved and restored between them: every export's
//! results, trap or not, and the memory it leaves must agree.

use phantom_wasm::{Machine, Memory, Module, Outcome, VecMemory};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn config() -> wasm_smith::Config {
    wasm_smith::Config {
        simd_enabled: false,
        relaxed_simd_enabled: false,
        reference_types_enabled: false,
        bulk_memory_enabled: true,
        multi_value_enabled: true,
        saturating_float_to_int_enabled: true,
        sign_extension_ops_enabled: true,
        exceptions_enabled: false,
        threads_enabled: false,
        tail_call_enabled: false,
        gc_enabled: false,
        memory64_enabled: false,
        custom_page_sizes_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        max_memories: 1,
        max_tables: 1,
        max_imports: 0,
        max_memory32_bytes: 1 << 20,
        canonicalize_nans: true,
        export_everything: true,
        min_funcs: 3,
        ..wasm_smith::Config::default()
    }
}

#[derive(Debug, PartialEq)]
enum Ended {
    Results(Vec<u64>),
    Trap,
    TooLong,
}

fn raw(v: &wasmi::Val) -> u64 {
    match v {
        wasmi::Val::I32(x) => *x as u32 as u64,
        wasmi::Val::I64(x) => *x as u64,
        wasmi::Val::F32(x) => x.to_bits() as u64,
        wasmi::Val::F64(x) => x.to_bits(),
        _ => 0,
    }
}

fn zero(t: &wasmi::ValType) -> wasmi::Val {
    match t {
        wasmi::ValType::I64 => wasmi::Val::I64(0),
        wasmi::ValType::F32 => wasmi::Val::F32(0f32.into()),
        wasmi::ValType::F64 => wasmi::Val::F64(0f64.into()),
        _ => wasmi::Val::I32(0),
    }
}

/// Each export's end and the memory after all of them, by wasmi.
fn by_wasmi(bytes: &[u8], names: &[&str]) -> Option<(Vec<Ended>, Vec<u8>)> {
    let mut config = wasmi::Config::default();
    config.consume_fuel(true);
    let engine = wasmi::Engine::new(&config);
    let module = wasmi::Module::new(&engine, bytes).ok()?;
    let mut store = wasmi::Store::new(&engine, ());
    store.set_fuel(10_000_000).ok()?;
    let instance = wasmi::Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module).ok()?;
    let mut ends = Vec::new();
    for name in names {
        let func = instance.get_func(&store, name)?;
        let ty = func.ty(&store);
        let args: Vec<wasmi::Val> = ty.params().iter().map(zero).collect();
        let mut results: Vec<wasmi::Val> = ty.results().iter().map(zero).collect();
        store.set_fuel(1_000_000).ok()?;
        ends.push(match func.call(&mut store, &args, &mut results) {
            Ok(()) => Ended::Results(results.iter().map(raw).collect()),
            Err(e) if e.as_trap_code() == Some(wasmi::TrapCode::OutOfFuel) => return None,
            Err(_) => Ended::Trap,
        });
    }
    let memory = instance.exports(&store).find_map(|e| e.into_memory());
    let memory = memory.map(|m| m.data(&store).to_vec()).unwrap_or_default();
    Some((ends, memory))
}

/// Each export's end and the memory after them; whether the stack ran out in one (where that
/// happens is each engine's limit, so the memory it leaves is not compared).
fn by_us(bytes: &[u8], names: &[&str], rng: &mut Rng) -> (Vec<Ended>, Vec<u8>, bool) {
    let module = Module::new(bytes).expect("wasmi accepted it, and so must we");
    let mut memory = VecMemory::default();
    let mut machine = Machine::instantiate(&module, &mut memory).expect("instantiates");
    let mut ends = Vec::new();
    let mut exhausted = false;
    for name in names {
        let func = module.export_function(name).expect("exported");
        let params = module.signature_of(func).params.len();
        machine.call(&module, func, &vec![0; params]).expect("starts");
        let mut slices = 0;
        let end = loop {
            let mut budget = 1 + (rng.next() % 300) as u32;
            match machine.run(&module, &mut memory, &mut budget) {
                Ok(Outcome::Done(results)) => break Ended::Results(results),
                Ok(Outcome::Budget) if slices < 20_000 => {
                    slices += 1;
                    if rng.next().is_multiple_of(8) {
                        let words = machine.save(&module);
                        machine = Machine::restore(&module, &words).expect("restores");
                    }
                }
                Ok(Outcome::Budget) => break Ended::TooLong,
                Ok(Outcome::Host { .. }) => unreachable!("no imports"),
                Err(trap) => {
                    exhausted |= trap.kind == phantom_wasm::TrapKind::StackExhausted;
                    break Ended::Trap;
                }
            }
        };
        machine.reset();
        ends.push(end);
    }
    let size = memory.size() as usize;
    let mut data = vec![0; size];
    memory.read(0, &mut data).expect("reads");
    (ends, data, exhausted)
}

#[test]
fn random_modules_agree_with_wasmi() {
    // wasmi's dispatch can recurse deeply on some modules (memory.grow in a loop): a large
    // stack keeps the reference from overflowing.
    std::thread::Builder::new().stack_size(1 << 30).spawn(compare).unwrap().join().unwrap();
}

fn compare() {
    let seed = std::env::var("PHANTOM_WASM_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x2545_f491_4f6c_dd1d);
    let mut rng = Rng(seed);
    let (mut compared, mut calls) = (0, 0);
    // More with PHANTOM_WASM_CASES (scripts/fuzz-wasm.sh runs thousands).
    let cases = std::env::var("PHANTOM_WASM_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600);
    let first = std::env::var("PHANTOM_WASM_FIRST").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    for case in 0..cases {
        let seed: Vec<u8> = (0..16384).map(|_| rng.next() as u8).collect();
        let mut u = arbitrary::Unstructured::new(&seed);
        if case < first {
            continue;
        }
        let Ok(m) = wasm_smith::Module::new(config(), &mut u) else { continue };
        let mut bytes = m.to_bytes();
        let ours = match Module::new(&bytes) {
            Ok(m) => m,
            // Passive data and table instructions (memory.init, table.copy...) are not run.
            Err(e) if e.message.starts_with("unsupported") => continue,
            Err(e) => panic!("case {case}: we refuse a module wasm-smith made: {e}"),
        };
        let names: Vec<String> = ours.exported_functions().into_iter().map(str::to_string).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let wasmi_run = by_wasmi(&bytes, &names);
        let Some((theirs, their_memory)) = wasmi_run else { continue };
        // Slices of their own generator, so that a case replays alone (PHANTOM_WASM_FIRST).
        let (mine, my_memory, exhausted) = by_us(&bytes, &names, &mut Rng(0x9e37_79b9 ^ case as u64));

        if mine.contains(&Ended::TooLong) {
            continue;
        }
        if mine != theirs {
            let dump = std::env::temp_dir().join(format!("wasm-differs-{case}.wasm"));
            let _ = std::fs::write(&dump, &bytes);
            panic!("case {case}: results differ: ours {mine:?}, wasmi's {theirs:?}; module in {}", dump.display());
        }
        if !their_memory.is_empty() && !exhausted && my_memory != their_memory {
            let at = my_memory.iter().zip(&their_memory).position(|(a, b)| a != b);
            let dump = std::env::temp_dir().join(format!("wasm-differs-{case}.wasm"));
            let _ = std::fs::write(&dump, &bytes);
            panic!(
                "case {case}: memories differ ({} and {} bytes, first difference at {at:?}); module in {}",
                my_memory.len(),
                their_memory.len(),
                dump.display()
            );
        }
        compared += 1;
        calls += names.len();
        bytes.clear();
    }
    assert!(calls * 10 > cases, "only {compared} modules ({calls} calls) compared of {cases}");
}
