//! The collector clears a weak reference whose referent nothing else holds, and keeps one
//! whose referent is still reachable.

use phantom_vm::{PlainMemory, Value, Vm};

#[test]
fn weak_references_do_not_keep_objects_alive() {
    let vm = Vm::new(Box::new(PlainMemory::new(1 << 20)), Box::new(std::io::sink())).unwrap();
    let weakref = vm.find_class(".internal.weakref").unwrap();
    let string = vm.new_string(b"only weakly held").unwrap();
    let kept = vm.new_string(b"also held strongly").unwrap();
    let weak1 = vm.instantiate(weakref).unwrap();
    let weak2 = vm.instantiate(weakref).unwrap();
    let mut thread = vm.new_thread(Value::NULL, 0, &[]).unwrap();
    // Methods 9 (set) and 8 (get) of `.internal.weakref`.
    vm.call(&mut thread, weak1, 9, &[string]).unwrap();
    vm.call(&mut thread, weak2, 9, &[kept]).unwrap();
    // Roots: the two weak references and `kept`, on the thread's stack through a fake call.
    let mut holder = vm.new_thread(Value::NULL, 0, &[]).unwrap();
    let stats = vm.sched.safepoint(|_| {
        let roots = [weak1, weak2, kept];
        vm.collect_with_roots(&mut std::iter::once(&mut *holder), &roots)
    });
    assert!(stats.0.freed_bytes > 0);
    assert_eq!(vm.call(&mut thread, weak1, 8, &[]).unwrap(), Value::NULL);
    assert_eq!(vm.call(&mut thread, weak2, 8, &[]).unwrap(), kept);
}
