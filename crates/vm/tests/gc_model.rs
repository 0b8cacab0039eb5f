//! The collector against a model. Random programs allocate objects, link, unlink and
//! overwrite their references and drop roots, with the concurrent collector's steps (start,
//! marking, end of marking, sweep) falling between any two of them, and now and then a full
//! collection. After every operation each object the model can reach must be intact (its
//! class, its identity tag, every reference as the model has it): a reachable object freed
//! and reused would show. At the end, two whole cycles must leave no garbage: the heap holds
//! exactly the objects the model reaches, plus the VM's own.

use std::collections::BTreeSet;

use phantom_vm::class::ids;
use phantom_vm::heap::Kind;
use phantom_vm::{PlainMemory, Value, Vm};
use proptest::prelude::*;

/// Slot 0 holds the node's identity; slots 1.. its references.
const SLOTS: u64 = 4;

#[derive(Clone, Debug)]
enum Op {
    /// A new node, held as a root.
    Alloc {
        big: bool,
    },
    /// node.slot = other (both picked among the nodes the model reaches).
    Link {
        from: usize,
        slot: u64,
        to: usize,
    },
    Unlink {
        from: usize,
        slot: u64,
    },
    /// Lets go of a root.
    Drop {
        root: usize,
    },
    /// Some of the collector's steps, each scanning about `size` slots (sweeping 16 times as
    /// many bytes): small, so that operations fall inside marking and sweeping.
    Steps {
        n: u8,
        size: u64,
    },
    Full,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Alloc { big: false }),
        1 => Just(Op::Alloc { big: true }),
        6 => (any::<usize>(), 1..SLOTS, any::<usize>()).prop_map(|(from, slot, to)| Op::Link { from, slot, to }),
        3 => (any::<usize>(), 1..SLOTS).prop_map(|(from, slot)| Op::Unlink { from, slot }),
        3 => any::<usize>().prop_map(|root| Op::Drop { root }),
        5 => (1u8..8, 1u64..16).prop_map(|(n, size)| Op::Steps { n, size }),
        1 => Just(Op::Full),
    ]
}

struct Model {
    /// Per node: its object and its references (node numbers).
    nodes: Vec<(Value, Vec<Option<usize>>)>,
    roots: Vec<usize>,
}

impl Model {
    fn reachable(&self) -> BTreeSet<usize> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<usize> = self.roots.clone();
        while let Some(n) = stack.pop() {
            if seen.insert(n) {
                stack.extend(self.nodes[n].1.iter().flatten());
            }
        }
        seen
    }

    fn pick(&self, reachable: &BTreeSet<usize>, k: usize) -> Option<usize> {
        (!reachable.is_empty()).then(|| *reachable.iter().nth(k % reachable.len()).unwrap())
    }
}

fn check(vm: &Vm, model: &Model) -> Result<(), TestCaseError> {
    // Every reference reachable leads to a live block: a freed object inside a free run
    // would still look intact to the checks below.
    vm.check_heap(&[]).map_err(|e| TestCaseError::fail(e.join("\n")))?;
    for n in model.reachable() {
        let (obj, refs) = &model.nodes[n];
        let o = obj.object().unwrap();
        prop_assert_eq!(vm.heap.class_of(o).unwrap(), ids::PAGE, "node {} lost its class", n);
        prop_assert_eq!(vm.heap.slot(o, 0).unwrap(), Value::int(n as i32), "node {} lost its identity", n);
        for (k, r) in refs.iter().enumerate() {
            let want = r.map_or(Value::NULL, |r| model.nodes[r].0);
            prop_assert_eq!(vm.heap.slot(o, k as u64 + 1).unwrap(), want, "node {} slot {}", n, k + 1);
        }
    }
    Ok(())
}

/// Runs the collector's steps until the cycle in progress (or a new one) is over.
fn whole_cycle(vm: &Vm) {
    let before = vm.gc_log.lock().unwrap().0;
    let mut steps = 0;
    while vm.gc_log.lock().unwrap().0 == before {
        vm.request_collection();
        vm.collector_work(64);
        steps += 1;
        assert!(steps < 1_000_000, "a cycle that never ends");
    }
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let vm = Vm::new(Box::new(PlainMemory::new(64 << 20)), Box::new(std::io::sink())).unwrap();
    // What the VM holds itself, before the program adds anything (a safepoint records the
    // thread list in the system object once).
    vm.safepoint(|_| ());
    whole_cycle(&vm);
    whole_cycle(&vm);
    let baseline = vm.check_heap(&[]).unwrap().objects;
    let mut model = Model { nodes: Vec::new(), roots: Vec::new() };
    for op in ops {
        let reachable = model.reachable();
        match *op {
            Op::Alloc { big } => {
                let slots = if big { 3000 } else { SLOTS };
                let obj = vm.heap.alloc(ids::PAGE, Kind::Slots, slots, slots).unwrap();
                let n = model.nodes.len();
                vm.heap.set_slot(obj.0, 0, Value::int(n as i32)).unwrap();
                vm.hold(obj);
                model.nodes.push((obj, vec![None; SLOTS as usize - 1]));
                model.roots.push(n);
            }
            Op::Link { from, slot, to } => {
                if let (Some(a), Some(b)) = (model.pick(&reachable, from), model.pick(&reachable, to)) {
                    vm.heap.set_slot(model.nodes[a].0 .0, slot, model.nodes[b].0).unwrap();
                    model.nodes[a].1[slot as usize - 1] = Some(b);
                }
            }
            Op::Unlink { from, slot } => {
                if let Some(a) = model.pick(&reachable, from) {
                    vm.heap.set_slot(model.nodes[a].0 .0, slot, Value::NULL).unwrap();
                    model.nodes[a].1[slot as usize - 1] = None;
                }
            }
            Op::Drop { root } => {
                if !model.roots.is_empty() {
                    let n = model.roots.swap_remove(root % model.roots.len());
                    vm.release(model.nodes[n].0);
                }
            }
            Op::Steps { n, size } => {
                for _ in 0..n {
                    // Cycles come back to back, as under stress.
                    vm.request_collection();
                    vm.collector_work(size);
                }
            }
            Op::Full => {
                vm.safepoint(|threads| vm.collect(threads));
            }
        }
        check(&vm, &model)?;
    }
    // The cycle in progress may have begun before the last garbage was made; the one after
    // it frees all of it.
    whole_cycle(&vm);
    whole_cycle(&vm);
    check(&vm, &model)?;
    let report = vm.check_heap(&[]).map_err(|e| TestCaseError::fail(e.join("\n")))?;
    let reachable = model.reachable().len() as u64;
    prop_assert_eq!(report.objects, baseline + reachable, "garbage left after two cycles");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn no_reachable_object_is_freed_and_all_garbage_goes_within_two_cycles(ops in prop::collection::vec(op(), 1..300)) {
        run(&ops)?;
    }
}

#[test]
fn the_heap_check_names_a_reference_to_no_object_and_a_block_past_the_top() {
    let vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(std::io::sink())).unwrap();
    let a = vm.heap.alloc(ids::PAGE, Kind::Slots, SLOTS, SLOTS).unwrap();
    let b = vm.heap.alloc(ids::PAGE, Kind::Slots, SLOTS, SLOTS).unwrap();
    vm.hold(a);
    vm.heap.set_slot(a.0, 1, b).unwrap();
    assert!(vm.check_heap(&[]).is_ok());
    // A reference into the middle of an object.
    vm.heap.set_slot(a.0, 1, Value::from_ref(b.0 + 16)).unwrap();
    let errors = vm.check_heap(&[]).unwrap_err();
    assert!(
        errors.iter().any(|e| e.contains("slot 1 of the object at") && e.contains("not a live object")),
        "{errors:?}"
    );
    // A length word that runs a block past the top.
    vm.heap.set_slot(a.0, 1, Value::NULL).unwrap();
    vm.heap.store(b.0 + 8, 1 << 40).unwrap();
    let errors = vm.check_heap(&[]).unwrap_err();
    assert!(
        errors.iter().any(|e| e.contains(&format!("block at {:#x}", b.0)) && e.contains("past the top")),
        "{errors:?}"
    );
}
