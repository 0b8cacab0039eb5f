//! WebAssembly modules: as raw bytes (decoding and validation refuse them cleanly) or, when
//! the first byte is odd, valid modules made by wasm-smith from the rest. A module that
//! loads is instantiated in a small memory and every export is run for a bounded budget, with
//! the machine saved and restored between slices: any panic, hang or difference between the
//! straight and the resumed run is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phantom_wasm::{Machine, Memory, Module, Outcome};

/// A memory of at most 16 MiB, so a module cannot make the fuzzer allocate gigabytes.
#[derive(Default)]
struct Small(phantom_wasm::VecMemory);

impl Memory for Small {
    fn size(&self) -> u64 {
        self.0.size()
    }
    fn load<const N: usize>(&mut self, addr: u64) -> Result<[u8; N], String> {
        self.0.load(addr)
    }
    fn store<const N: usize>(&mut self, addr: u64, bytes: [u8; N]) -> Result<(), String> {
        self.0.store(addr, bytes)
    }
    fn read(&mut self, addr: u64, buf: &mut [u8]) -> Result<(), String> {
        self.0.read(addr, buf)
    }
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), String> {
        self.0.write(addr, data)
    }
    fn grow(&mut self, bytes: u64) -> Result<bool, String> {
        if bytes > 16 << 20 {
            return Ok(false);
        }
        self.0.grow(bytes)
    }
}

fn smith(data: &[u8]) -> Option<Vec<u8>> {
    let mut u = arbitrary::Unstructured::new(data);
    let config = wasm_smith::Config {
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
        max_memories: 1,
        max_tables: 1,
        max_imports: 0,
        ..wasm_smith::Config::default()
    };
    wasm_smith::Module::new(config, &mut u).ok().map(|m| m.to_bytes())
}

/// Runs every export with zero arguments; returns each one's outcome.
fn run_all(module: &Module, resume: bool) -> Vec<String> {
    let mut memory = Small::default();
    let Ok(mut machine) = Machine::instantiate(module, &mut memory) else { return vec!["refused".into()] };
    let mut outcomes = Vec::new();
    for name in module.exported_functions() {
        let func = module.export_function(name).expect("listed");
        let params = module.signature_of(func).params.len();
        if machine.call(module, func, &vec![0; params]).is_err() {
            continue;
        }
        let mut slices = 0;
        let outcome = loop {
            let mut budget = 97;
            match machine.run(module, &mut memory, &mut budget) {
                Ok(Outcome::Budget) if slices < 200 => {
                    slices += 1;
                    if resume {
                        let words = machine.save(module);
                        machine = Machine::restore(module, &words).expect("a saved machine restores");
                    }
                }
                Ok(Outcome::Budget) => break "unfinished".to_string(),
                other => break format!("{other:?}"),
            }
        };
        machine.reset();
        outcomes.push(outcome);
    }
    outcomes
}

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((first, rest)) if first & 1 == 1 => match smith(rest) {
            Some(bytes) => bytes,
            None => return,
        },
        _ => data.to_vec(),
    };
    let Ok(module) = Module::new(&bytes) else { return };
    assert_eq!(run_all(&module, false), run_all(&module, true), "a resumed run differs");
});
