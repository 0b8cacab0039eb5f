//! The fixture corpus: our hand-written assembly and the original compiler's class files.
//! Every valid file must verify and round-trip byte for byte; every opcode must be covered.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use phantom_bytecode::classfile::Record;
use phantom_bytecode::disasm::decode_prefix;
use phantom_bytecode::isa::Role;
use phantom_bytecode::{assemble, disassemble, verify, ClassFile, OPS};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

fn assemble_file(path: &Path) -> ClassFile {
    let source = std::fs::read_to_string(path).unwrap();
    assemble(&source).unwrap_or_else(|errors| panic!("{}: {errors:?}", path.display()))
}

/// `read(write(f)) == f`, `write(read(bytes)) == bytes` and `asm(disasm(bytes)) == bytes`.
fn assert_round_trips(bytes: &[u8], what: &str) {
    let file = ClassFile::read(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(file.to_bytes(), bytes, "{what}: writing what was read changed the bytes");
    let text = disassemble(&file);
    let again = assemble(&text).unwrap_or_else(|e| panic!("{what}: disassembly does not assemble: {e:?}\n{text}"));
    assert_eq!(again.to_bytes(), bytes, "{what}: asm(disasm(f)) differs from f\n{text}");
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it.
fn assert_golden(name: &str, actual: &str) {
    let path = dir("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1 to create it)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden disassembly; run with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn our_assembly_fixtures_verify_and_round_trip() {
    let sources = files(&dir("asm"), "pasm");
    assert!(!sources.is_empty());
    for path in sources {
        let file = assemble_file(&path);
        verify(&file).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert_round_trips(&file.to_bytes(), &path.display().to_string());
    }
}

#[test]
fn golden_disassembly_of_every_opcode_fixture() {
    let file = assemble_file(&dir("asm").join("every_opcode.pasm"));
    assert_golden("every_opcode.dis", &disassemble(&file));
}

#[test]
fn fixtures_cover_every_opcode_byte_and_both_signature_layouts() {
    let mut seen = BTreeSet::new();
    let mut layouts = BTreeSet::new();
    for path in files(&dir("asm"), "pasm") {
        let file = assemble_file(&path);
        for record in &file.records {
            match record {
                Record::Method(m) => {
                    let (insns, error) = decode_prefix(&m.code);
                    assert!(error.is_none());
                    for d in insns {
                        let bytes = &m.code[d.offset..d.offset + d.len];
                        seen.insert(bytes[0]);
                        if d.insn.prefix.is_some() {
                            seen.insert(bytes[1]);
                        }
                    }
                }
                Record::Signature(s) => {
                    layouts.insert(s.ctor.is_some());
                }
                _ => {}
            }
        }
    }
    assert_eq!(layouts.len(), 2, "both signature layouts must be used");
    let missing: Vec<String> = OPS
        .iter()
        .filter(|info| info.role != Role::Withdrawn)
        .flat_map(|info| info.op.bytes().map(move |b| (info.name, b)))
        .filter(|(_, b)| !seen.contains(b))
        .map(|(name, b)| format!("{name} (0x{b:02x})"))
        .collect();
    assert!(missing.is_empty(), "opcodes no fixture uses: {missing:?}");
}

#[test]
fn every_withdrawn_opcode_assembles_but_is_rejected_at_its_offset() {
    for info in OPS.iter().filter(|info| info.role == Role::Withdrawn) {
        for index in 0..info.count {
            let operands = match info.operands {
                [] => String::new(),
                [phantom_bytecode::isa::Operand::Implicit] => format!(" {index}"),
                _ => " 1".to_string(),
            };
            let src = format!(
                ".class \".t\" parent \".internal.object\" fields 0 methods 17\n.method \"m\" 16\narg_count 0\n{}{operands}\nret\n.end\n",
                info.name
            );
            let file = assemble(&src).unwrap();
            let errors = verify(&file).unwrap_err();
            let message = errors[0].to_string();
            assert!(
                message.contains("@2: `") && message.contains("is not part of the usable instruction set"),
                "{message}"
            );
            assert_round_trips(&file.to_bytes(), info.name);
        }
    }
}

/// Class files written by the original compiler (see fixtures/original/README.md).
#[test]
fn original_compiler_files_verify_and_round_trip() {
    let paths = files(&dir("fixtures/original"), "pc");
    assert!(paths.len() >= 10, "the original corpus is missing");
    let mut layouts = BTreeSet::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let file = ClassFile::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        verify(&file).unwrap_or_else(|e| panic!("{}: {}", path.display(), e[0]));
        layouts.extend(file.signatures().map(|s| s.ctor.is_some()));
        assert_round_trips(&bytes, &path.display().to_string());
    }
    assert_eq!(layouts.len(), 2, "the original corpus must hold both signature layouts");
}

#[test]
fn golden_disassembly_of_an_original_file() {
    let path = dir("fixtures/original").join("phantom.util.hashpair.pc");
    let file = ClassFile::read(&std::fs::read(path).unwrap()).unwrap();
    assert_golden("phantom.util.hashpair.dis", &disassemble(&file));
}

/// An undefined opcode planted in an original file, at each instruction start of a method in
/// turn, is rejected naming that offset; the file still reads and round-trips.
#[test]
fn undefined_opcode_in_an_original_file_is_rejected_at_its_offset() {
    let path = dir("fixtures/original").join("phantom.util.hashpair.pc");
    let bytes = std::fs::read(path).unwrap();
    let file = ClassFile::read(&bytes).unwrap();
    let method = file.methods().next().unwrap();
    let code_start = bytes.windows(method.code.len()).position(|w| w == method.code).unwrap();
    let (insns, _) = decode_prefix(&method.code);
    assert!(insns.len() > 5);
    for d in insns {
        let mut bad = bytes.clone();
        bad[code_start + d.offset] = 0x9F;
        let file = ClassFile::read(&bad).unwrap();
        let errors = verify(&file).unwrap_err();
        let expected = format!("@{}: undefined opcode 0x9f", d.offset);
        assert!(errors[0].to_string().contains(&expected), "{} lacks {expected}", errors[0]);
        assert_round_trips(&bad, "patched file");
    }
}
