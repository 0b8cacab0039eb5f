//! Runs a wasm32-wasi program with the interpreter alone (linear memory in a vector, the
//! console and a clock from std, no files: `System`'s provided methods): the benchmark's
//! measure of the interpreter without the heap under it.
//!
//! `cargo run --release -p phantom-wasm --example wasm_run -- PROG.wasm [ARGS...]`

use std::io::{Read, Write};
use std::time::Instant;

use phantom_wasm::wasi::{errno, Flow, Input, System, Wasi};
use phantom_wasm::{Machine, Module, Outcome, VecMemory};

struct Std(Instant);

impl System for Std {
    fn console_write(&mut self, stream: u32, data: &[u8]) -> Result<(), u16> {
        let r = if stream == 1 { std::io::stdout().write_all(data) } else { std::io::stderr().write_all(data) };
        r.map_err(|_| errno::IO)
    }
    fn console_read(&mut self, max: usize) -> Input {
        let mut buf = vec![0; max.max(1)];
        match std::io::stdin().read(&mut buf) {
            Ok(0) | Err(_) => Input::End,
            Ok(n) => Input::Data(buf[..n].to_vec()),
        }
    }
    fn clock_ns(&mut self, realtime: bool) -> u64 {
        if realtime {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
        } else {
            self.0.elapsed().as_nanos() as u64
        }
    }
    fn random(&mut self, buf: &mut [u8]) {
        let mut x = self.clock_ns(true) | 1;
        for b in buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: wasm_run PROG.wasm [ARGS...]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let module = Module::new(&bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    if let Ok(name) = std::env::var("PHANTOM_WASM_DUMP") {
        let total = module.imports.len() as u32 + 100_000;
        for index in 0..total {
            if name == "*" || module.function_name(index) == name {
                eprint!("{}", module.disassemble(index));
            }
        }
    }
    let mut memory = VecMemory::default();
    let mut machine = Machine::instantiate(&module, &mut memory).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut wasi = Wasi::new(args.iter().map(|a| a.as_bytes().to_vec()).collect(), Vec::new(), &[]);
    let mut system = Std(Instant::now());
    let start = module.export_function("_start").expect("a _start export");
    machine.call(&module, start, &[]).expect("the call starts");
    loop {
        let mut budget = 1_000_000;
        match machine.run(&module, &mut memory, &mut budget) {
            Ok(Outcome::Done(_)) => break,
            Ok(Outcome::Budget) => continue,
            Ok(Outcome::Host { import: index }) => {
                let params = module.signature_of(index).params.len();
                let args = machine.host_args(params).to_vec();
                match wasi.call(&module.imports[index as usize].name, &args, &mut memory, &mut system) {
                    Ok(Flow::Return(results)) => machine.host_return(&results),
                    Ok(Flow::Exit(code)) => std::process::exit(code as i32),
                    Ok(Flow::Sleep(ns)) => std::thread::sleep(std::time::Duration::from_nanos(ns)),
                    Ok(Flow::Wait) => {}
                    Err(missing) => {
                        eprintln!("the WASI function {} is not available", missing.0);
                        std::process::exit(1)
                    }
                }
            }
            Err(trap) => {
                eprintln!("{trap}");
                std::process::exit(134)
            }
        }
    }
}
