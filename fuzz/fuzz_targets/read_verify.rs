//! Any bytes: the class-file reader, bundle reader, verifier and disassembler must not panic,
//! and whatever reads must write back, and assemble back from its disassembly, byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phantom_bytecode::{assemble, disassemble, verify, Bundle, ClassFile};

fuzz_target!(|data: &[u8]| {
    let _ = Bundle::read(data);
    if let Ok(file) = ClassFile::read(data) {
        assert_eq!(file.to_bytes(), data);
        let _ = verify(&file);
        let text = disassemble(&file);
        let again = assemble(&text).expect("a disassembly always assembles");
        assert_eq!(again.to_bytes(), data);
    }
});
