//! A safepoint request stops every VM thread at an instruction boundary while threads spin,
//! and afterwards they all go on to finish. (How fast it stops them is measured by
//! `cargo bench -p phantom-vm`, not here.)

mod common;

use std::time::Duration;

use common::{add_classes, run_while};
use phantom_vm::{PlainMemory, Vm};

/// Starts 200 threads that each spin for a while in a counting loop, then finish.
const SPINNERS: &str = r#"
.class ".t.spin" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 0 1
        iconst_0
        is_set32 0
loop:   is_get32 0
        iconst_32bit 200
        ilt
        jz done
        os_get32 0
        summon_by_name ".t.spinner"
        new
        call 18 1
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp loop
done:   summon_null
        ret
.end

.class ".t.spinner" parent ".internal.object" fields 0 methods 17

.method "run" 8
        arg_count 1
        iconst_32bit 300000
again:  djnz again
        is_drop
        summon_null
        ret
.end
"#;

#[test]
fn safepoints_stop_running_threads_and_let_them_finish() {
    let mut vm = Vm::new(Box::new(PlainMemory::new(16 << 20)), Box::new(std::io::sink())).unwrap();
    // Several host threads, so that VM threads run concurrently (the default may be one).
    vm.workers = 4;
    add_classes(&vm, SPINNERS).unwrap();
    let main = vm.find_class(".t.spin").unwrap();
    let mut worst = Duration::ZERO;
    let mut stops = 0;
    run_while(&vm, main, Duration::from_millis(2), || {
        let (seen, reached) = vm.sched.safepoint(|threads| threads.count());
        if seen > 0 {
            worst = worst.max(reached);
            stops += 1;
        }
    })
    .unwrap();
    eprintln!("{stops} safepoints with threads stopped, worst time to reach {worst:?}");
    assert!(stops > 5, "the threads finished before any safepoint stopped them");
}
