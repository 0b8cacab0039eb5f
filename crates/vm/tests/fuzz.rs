//! Hostile code: random methods that pass the verifier are run with an instruction limit. The
//! VM must never panic or hang: each run finishes, stops at the limit, or ends in a Phantom
//! exception or a clean fatal error.

use phantom_bytecode::classfile::{ClassHeader, Constant, Method, Record, Signature, TypeRef};
use phantom_bytecode::insn::{encode_all, Arg, Insn};
use phantom_bytecode::isa::{Operand, Role, TypePrefix};
use phantom_bytecode::{verify, ClassFile, OPS};
use phantom_vm::{PlainMemory, Vm};
use proptest::prelude::*;

/// A random defined instruction with small operands; targets are instruction indexes.
fn insn() -> impl Strategy<Value = Insn> {
    let rows: Vec<usize> = (0..OPS.len()).filter(|&r| OPS[r].role == Role::Defined).collect();
    (prop::sample::select(rows), 0u64..40, 0usize..64, any::<bool>(), 0..3usize).prop_map(
        |(row, small, target, prefixed, p)| {
            let info = &OPS[row];
            let prefix = TypePrefix::ALL
                .into_iter()
                .cycle()
                .skip(p)
                .take(3)
                .find(|&t| info.prefixes.accepts(t))
                .filter(|_| prefixed);
            let args = info
                .operands
                .iter()
                .map(|&operand| match operand {
                    Operand::Implicit => Arg::Int((small % info.count as u64) as i64),
                    Operand::Target => Arg::Target(target as i64),
                    Operand::Bytes => Arg::Bytes(b".t.fuzz".to_vec()),
                    Operand::Debug => Arg::Debug { mode: 0, message: None },
                    Operand::Switch => Arg::Switch { shift: 0, divisor: 1, targets: vec![target as i64, 0] },
                    Operand::Const32 => Arg::Int(0),
                    Operand::Field8 | Operand::Field32 => Arg::Int((small % 2) as i64),
                    _ => Arg::Int((small % 4) as i64),
                })
                .collect();
            Insn { prefix, op: info.op, args }
        },
    )
}

fn class_with(code: Vec<u8>) -> ClassFile {
    let name = b".t.fuzz".to_vec();
    ClassFile {
        records: vec![
            Record::Class(ClassHeader {
                name: name.clone(),
                field_slots: 2,
                method_slots: 40,
                parent: b".internal.object".to_vec(),
                version: vec![],
            }),
            Record::Method(Method { name: b"main".to_vec(), ordinal: 8, code: code.clone() }),
            Record::Signature(Signature {
                name: b"main".to_vec(),
                ordinal: 8,
                ctor: Some(0),
                returns: TypeRef::default(),
                args: vec![(b"boot".to_vec(), TypeRef::default())],
            }),
            Record::Method(Method { name: b"other".to_vec(), ordinal: 16, code }),
            Record::Signature(Signature {
                name: b"other".to_vec(),
                ordinal: 16,
                ctor: Some(0),
                returns: TypeRef::default(),
                args: vec![(b"x".to_vec(), TypeRef::default())],
            }),
            Record::Constant(Constant { id: 0, ty: TypeRef::default(), value: b"c".to_vec() }),
        ],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 400_000, ..ProptestConfig::default() })]

    #[test]
    fn verified_random_code_never_panics_or_hangs(mut insns in prop::collection::vec(insn(), 1..16)) {
        // Lay out, then point each jump at an instruction start.
        let mut offsets = Vec::new();
        let mut at = 0;
        for i in &insns {
            offsets.push(at as i64);
            at += i.encoded_len();
        }
        for i in &mut insns {
            for arg in &mut i.args {
                match arg {
                    Arg::Target(t) => *t = offsets[*t as usize % offsets.len()],
                    Arg::Switch { targets, .. } => targets.iter_mut().for_each(|t| *t = offsets[*t as usize % offsets.len()]),
                    _ => {}
                }
            }
        }
        let file = class_with(encode_all(&insns).unwrap());
        // Only what the verifier accepts may run.
        prop_assume!(verify(&file).is_ok());
        let vm = Vm::new(Box::new(PlainMemory::new(4 << 20)), Box::new(std::io::sink())).unwrap();
        let class = vm.load_class(&file.to_bytes(), "fuzz").unwrap();
        let this = vm.instantiate(class).unwrap();
        let _ = vm.run_limited(this, 8, &[vm.boot_object()], 20_000);
    }
}

#[test]
fn a_limit_covers_bytecode_called_back_from_a_native() {
    // `print` calls the object's `toString`, which never returns: the limit must stop it there.
    let source = r#"
.class ".t.endless" parent ".internal.object" fields 0 methods 17
.method "main" 8
        arg_count 1
        os_get32 0
        summon_this
        call 16 1
        ret
.end
.method "toString" 5
        arg_count 0
again:  jmp again
.end
"#;
    let file = phantom_bytecode::assemble(source).unwrap();
    let vm = Vm::new(Box::new(PlainMemory::new(4 << 20)), Box::new(std::io::sink())).unwrap();
    let class = vm.load_class(&file.to_bytes(), "endless").unwrap();
    let this = vm.instantiate(class).unwrap();
    assert!(matches!(vm.run_limited(this, 8, &[vm.boot_object()], 100_000), Ok(false)));
}
