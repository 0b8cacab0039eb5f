; cond.twait (9) and sema.tacquire (9): a wait that times out (and holds the mutex again), one
; signalled before its deadline, one that times out while another thread holds the mutex, and
; wake-ups that must not reach later waits: a signal after a timeout finds nobody, and the
; deadline of a wait that was signalled does not cut a later wait short.
;> timed out 0
;> waited 1
;> signal after a timeout is lost 1
;> signalled 1
;> holder releases
;> timed out while held 0
;> signalled before the deadline 1
;> releaser releases
;> acquired after the release
;> caught: unlock of a mutex this thread does not hold
;> tacquire on zero 0
;> permit kept 1
;> tacquire(0) on zero 0
;> released meanwhile 1
.class ".t.twait" parent ".internal.object" fields 3 methods 20

; fields: 0 boot, 1 mutex, 2 cond
.method "main" 8
        arg_count 1
        stack_reserve 1 0               ; o-slot 1: scratch
        os_get32 0
        os_save8 0
        summon_by_name ".internal.mutex"
        new
        os_save8 1
        summon_by_name ".internal.cond"
        new
        os_save8 2
        ; nobody signals: 0 after at least 30 ms, holding the mutex again (unlock succeeds)
        summon_this
        call 17 0
        os_set32 1
        os_load8 1
        call 8 0
        os_drop
        summon_this
        sconst_bin "timed out "
        os_load8 2
        os_load8 1
        iconst_32bit 30
        i2o
        call 9 2                        ; cond.twait(mutex, 30)
        call 16 2
        os_drop
        summon_this
        sconst_bin "waited "
        summon_this
        os_get32 1
        iconst_32bit 30
        i2o
        call 18 2
        call 16 2
        os_drop
        os_load8 1
        call 9 0
        os_drop
        ; the timed-out thread left the cond's queue: a signal finds nobody and the mutex
        ; stays free
        os_load8 2
        call 11 0
        os_drop
        summon_this
        sconst_bin "signal after a timeout is lost "
        os_load8 1
        call 10 0                       ; trylock: 1 when free
        call 16 2
        os_drop
        os_load8 1
        call 9 0
        os_drop
        ; signalled: the signaller can lock only once twait has released the mutex
        os_load8 1
        call 8 0
        os_drop
        summon_by_name ".t.signaller"
        new
        os_dup
        os_load8 1
        os_load8 2
        call 16 2
        os_drop
        os_load8 0
        os_pull32 1
        call 18 1
        os_drop
        os_drop
        summon_this
        sconst_bin "signalled "
        os_load8 2
        os_load8 1
        iconst_32bit 10000
        i2o
        call 9 2
        call 16 2
        os_drop
        os_load8 1
        call 9 0
        os_drop
        ; times out at 20 ms while the holder keeps the mutex for 100 ms: returns after it
        os_load8 1
        call 8 0
        os_drop
        summon_by_name ".t.holder"
        new
        os_dup
        os_load8 1
        call 16 1
        os_drop
        os_load8 0
        os_pull32 1
        call 18 1
        os_drop
        os_drop
        summon_this
        sconst_bin "timed out while held "
        os_load8 2
        os_load8 1
        iconst_32bit 20
        i2o
        call 9 2
        call 16 2
        os_drop
        os_load8 1
        call 9 0
        os_drop
        ; signalled long before its 60 ms deadline; then blocked on a semaphore released at
        ; 150 ms: the old deadline must not wake it
        summon_by_name ".internal.sema"
        new
        os_set32 1
        os_load8 1
        call 8 0
        os_drop
        summon_by_name ".t.late"
        new
        os_dup
        os_load8 1
        os_load8 2
        os_get32 1
        call 16 3
        os_drop
        os_load8 0
        os_pull32 1
        call 18 1
        os_drop
        os_drop
        summon_this
        sconst_bin "signalled before the deadline "
        os_load8 2
        os_load8 1
        iconst_32bit 60
        i2o
        call 9 2
        call 16 2
        os_drop
        os_load8 1
        call 9 0
        os_drop
        os_get32 1
        call 8 0                        ; sema.acquire()
        os_drop
        os_load8 0
        sconst_bin "acquired after the release\n"
        call 16 1
        os_drop
        ; twait without holding the mutex throws
        summon_this
        call 19 0
        os_drop
        ; semaphore: times out on zero; the timed-out waiter leaves the queue, so a release
        ; keeps its permit; tacquire(0) only tries; a release while waiting ends the wait (a
        ; static_invoke, re-run like a call)
        summon_by_name ".internal.sema"
        new
        os_set32 1
        summon_this
        sconst_bin "tacquire on zero "
        os_get32 1
        iconst_32bit 30
        i2o
        call 9 1
        call 16 2
        os_drop
        os_get32 1
        call 11 0
        os_drop
        summon_this
        sconst_bin "permit kept "
        os_get32 1
        iconst_0
        i2o
        call 9 1
        call 16 2
        os_drop
        summon_this
        sconst_bin "tacquire(0) on zero "
        os_get32 1
        iconst_0
        i2o
        call 9 1
        call 16 2
        os_drop
        summon_by_name ".t.poster"
        new
        os_dup
        os_get32 1
        call 16 1
        os_drop
        os_load8 0
        os_pull32 1
        call 18 1
        os_drop
        os_drop
        summon_this
        sconst_bin "released meanwhile "
        iconst_32bit 10000
        i2o
        os_get32 1
        summon_by_name ".internal.sema"
        static_invoke 9 1               ; tacquire(10000), parked through static_invoke
        call 16 2
        os_drop
        summon_null
        ret
.end

; p(label, value): prints both and a newline
.method "p" 16
        arg_count 2
        os_load8 0
        sconst_bin "\n"
        os_get32 1
        os_get32 0
        call 16 3
        os_drop
        summon_null
        ret
.end

; now(): milliseconds since the epoch (a long)
.method "now" 17
        arg_count 0
        summon_by_name ".internal.time"
        new
        call 16 0
        ret
.end

; since(t0, ms): 1 if at least ms milliseconds passed since t0
.method "since" 18
        arg_count 2
        summon_this
        call 17 0
        o2i.long
        os_get32 0
        o2i.long
        isublu.long
        os_get32 1
        o2i
        fromi.long
        ige.long
        i2o
        ret
.end

.method "misuse" 19
        arg_count 0
        summon_string_class
        push_catcher caught
        os_load8 2
        os_load8 1
        iconst_32bit 10
        i2o
        call 9 2
        os_drop
        pop_catcher
        summon_null
        ret
caught: os_load8 0
        sconst_bin "\n"
        os_pull32 2
        sconst_bin "caught: "
        call 16 3
        os_drop
        os_drop
        summon_null
        ret
.end

; fields: 0 mutex, 1 cond
.class ".t.signaller" parent ".internal.object" fields 2 methods 17

.method "init" 16
        arg_count 2
        os_get32 0
        os_save8 0
        os_get32 1
        os_save8 1
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        os_load8 0
        call 8 0
        os_drop
        os_load8 1
        call 11 0                       ; cond.signal()
        os_drop
        os_load8 0
        call 9 0
        os_drop
        summon_null
        ret
.end

; fields: 0 mutex
.class ".t.holder" parent ".internal.object" fields 1 methods 17

.method "init" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        os_load8 0
        call 8 0
        os_drop
        os_get32 0
        iconst_32bit 100
        i2o
        call 21 1                       ; boot.sleep(100), holding the mutex
        os_drop
        os_get32 0
        sconst_bin "holder releases\n"
        call 16 1
        os_drop
        os_load8 0
        call 9 0
        os_drop
        summon_null
        ret
.end

; fields: 0 mutex, 1 cond, 2 semaphore
.class ".t.late" parent ".internal.object" fields 3 methods 17

.method "init" 16
        arg_count 3
        os_get32 0
        os_save8 0
        os_get32 1
        os_save8 1
        os_get32 2
        os_save8 2
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        os_load8 0
        call 8 0
        os_drop
        os_load8 1
        call 11 0
        os_drop
        os_load8 0
        call 9 0
        os_drop
        os_get32 0
        iconst_32bit 150
        i2o
        call 21 1
        os_drop
        os_get32 0
        sconst_bin "releaser releases\n"
        call 16 1
        os_drop
        os_load8 2
        call 11 0                       ; sema.release()
        os_drop
        summon_null
        ret
.end

; fields: 0 semaphore
.class ".t.poster" parent ".internal.object" fields 1 methods 17

.method "init" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        os_get32 0
        iconst_32bit 20
        i2o
        call 21 1
        os_drop
        os_load8 0
        call 11 0
        os_drop
        summon_null
        ret
.end
