//! Property tests: random valid class files round-trip exactly; random bytes never panic the
//! reader, the verifier or the disassembler.

use phantom_bytecode::classfile::{
    ClassHeader, Constant, Field, LineEntry, LineMap, Method, Record, Signature, TypeRef,
};
use phantom_bytecode::insn::{encode_all, Arg, Insn};
use phantom_bytecode::isa::{Operand, TypePrefix};
use phantom_bytecode::{assemble, disassemble, verify, Bundle, ClassFile, OPS};
use proptest::prelude::*;

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max)
}

fn type_ref() -> impl Strategy<Value = TypeRef> {
    prop_oneof![
        Just(TypeRef::default()),
        bytes(12).prop_map(|class| TypeRef { container: 0, class, element: vec![] }),
        (any::<i32>(), bytes(8), bytes(8)).prop_map(|(container, class, element)| TypeRef {
            container,
            class,
            element
        }),
    ]
}

/// An instruction with its operands drawn at random; jump targets are instruction indexes,
/// turned into offsets once the whole method is laid out.
fn insn(max_targets: usize) -> impl Strategy<Value = Insn> {
    (0..OPS.len(), any::<u64>(), prop::collection::vec(0..max_targets, 0..4), bytes(20), any::<u8>(), 0..3usize)
        .prop_map(|(row, seed, targets, text, mode, prefix_pick)| {
            let info = &OPS[row];
            let prefix =
                TypePrefix::ALL.into_iter().cycle().skip(prefix_pick).take(3).find(|&p| info.prefixes.accepts(p));
            let prefix = prefix.filter(|_| seed % 2 == 0);
            let args = info
                .operands
                .iter()
                .map(|&operand| match operand {
                    Operand::Implicit => Arg::Int((seed % info.count as u64) as i64),
                    Operand::Method8 | Operand::Count8 | Operand::Field8 | Operand::Native8 | Operand::Int8 => {
                        Arg::Int((seed % 256) as i64)
                    }
                    Operand::Method32
                    | Operand::Count32
                    | Operand::Field32
                    | Operand::AnyField32
                    | Operand::Slot32
                    | Operand::Const32 => Arg::Int((seed >> 8) as u32 as i64),
                    Operand::Int32 => Arg::Int(seed as i32 as i64),
                    Operand::Int64 => Arg::Int(seed as i64),
                    // Placeholder instruction indexes, resolved in `method`.
                    Operand::Target => Arg::Target(*targets.first().unwrap_or(&0) as i64),
                    Operand::Bytes => Arg::Bytes(text.clone()),
                    Operand::Debug => Arg::Debug { mode, message: (mode & 0x80 != 0).then(|| text.clone()) },
                    Operand::Switch => Arg::Switch {
                        shift: seed as i32,
                        divisor: (seed >> 32) as u32,
                        targets: targets.iter().map(|&t| t as i64).collect(),
                    },
                })
                .collect();
            Insn { prefix, op: info.op, args }
        })
}

/// Random code whose jumps land on instruction starts.
fn code() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(insn(40), 1..40).prop_map(|mut insns| {
        let mut offsets = Vec::new();
        let mut at = 0;
        for i in &insns {
            offsets.push(at as i64);
            at += i.encoded_len();
        }
        let place = |index: i64| offsets[index as usize % offsets.len()];
        for i in &mut insns {
            for arg in &mut i.args {
                match arg {
                    Arg::Target(t) => *t = place(*t),
                    Arg::Switch { targets, .. } => targets.iter_mut().for_each(|t| *t = place(*t)),
                    _ => {}
                }
            }
        }
        encode_all(&insns).expect("generated instructions encode")
    })
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        (bytes(10), 0..64u32, code()).prop_map(|(name, ordinal, code)| Record::Method(Method { name, ordinal, code })),
        (
            bytes(10),
            0..64u32,
            prop::option::of(any::<i32>()),
            type_ref(),
            prop::collection::vec((bytes(6), type_ref()), 0..4)
        )
            .prop_map(|(name, ordinal, ctor, returns, args)| Record::Signature(Signature {
                name,
                ordinal,
                ctor,
                returns,
                args
            })),
        (0..64u32, prop::collection::vec((any::<i64>(), any::<i32>()), 0..6)).prop_map(|(ordinal, e)| Record::LineMap(
            LineMap { ordinal, entries: e.into_iter().map(|(offset, line)| LineEntry { offset, line }).collect() }
        )),
        prop::collection::vec((bytes(6), 0..8u32, type_ref()), 0..3).prop_map(|f| Record::Fields(
            f.into_iter().map(|(name, ordinal, ty)| Field { name, ordinal, ty }).collect()
        )),
        (0..16u32, type_ref(), bytes(30)).prop_map(|(id, ty, value)| Record::Constant(Constant { id, ty, value })),
        (prop::sample::select(b"abdeghijkmnopqrstuvwxyz".to_vec()), bytes(20))
            .prop_map(|(tag, body)| Record::Unknown { tag, body }),
    ]
}

fn class_file() -> impl Strategy<Value = ClassFile> {
    (bytes(20), any::<u32>(), any::<u32>(), bytes(20), bytes(20), prop::collection::vec(record(), 0..12)).prop_map(
        |(name, field_slots, method_slots, parent, version, mut records)| {
            let header =
                ClassHeader { name, field_slots: field_slots >> 1, method_slots: method_slots >> 1, parent, version };
            records.insert(0, Record::Class(header));
            ClassFile { records }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_class_files_round_trip(file in class_file()) {
        let bytes = file.to_bytes();
        let read = ClassFile::read(&bytes).unwrap();
        prop_assert_eq!(read.to_bytes(), bytes.clone());
        let text = disassemble(&read);
        let again = assemble(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(again.to_bytes(), bytes);
        let _ = verify(&read);
    }

    #[test]
    fn random_bytes_never_panic(data in bytes(400)) {
        check_any_input(&data)?;
    }

    #[test]
    fn mutated_class_files_never_panic(file in class_file(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6), cut in any::<prop::sample::Index>()) {
        let mut data = file.to_bytes();
        for (at, byte) in flips {
            let i = at.index(data.len());
            data[i] = byte;
        }
        data.truncate(cut.index(data.len() + 1).max(1));
        check_any_input(&data)?;
    }
}

/// Whatever the input: no panic anywhere, and whatever reads at all round-trips exactly.
fn check_any_input(data: &[u8]) -> Result<(), TestCaseError> {
    let _ = Bundle::read(data);
    if let Ok(file) = ClassFile::read(data) {
        prop_assert_eq!(file.to_bytes(), data.to_vec());
        let _ = verify(&file);
        let text = disassemble(&file);
        let again = assemble(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(again.to_bytes(), data.to_vec());
    }
    Ok(())
}
