//! The compiler on arbitrary text: it must return (errors are fine), never panic or hang, and
//! whatever it emits must pass the verifier (the compiler checks that itself).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = phantom_compiler::Source { path: "fuzz.ph".into(), text };
    let output = phantom_compiler::compile(vec![source], phantom_compiler::ClassPath::default());
    for (_, file) in &output.classes {
        assert!(phantom_bytecode::verify(file).is_ok());
    }
});
