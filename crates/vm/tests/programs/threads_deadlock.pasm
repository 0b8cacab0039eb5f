; A thread ends holding a mutex; another waits for it forever: the VM reports the deadlock
; instead of hanging.
;> locked
;! deadlock: 1 threads wait for each other forever
.class ".t.deadlock" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        summon_by_name ".internal.mutex"
        new
        os_save8 0
        os_load8 0
        call 8 0                        ; lock, and never unlock
        os_drop
        os_get32 0
        sconst_bin "locked\n"
        call 16 1
        os_drop
        summon_by_name ".t.waiter"
        new
        os_dup
        os_load8 0
        call 16 1
        os_drop
        os_get32 0
        os_pull32 1
        call 18 1
        os_drop
        os_drop
        summon_null
        ret
.end

.class ".t.waiter" parent ".internal.object" fields 1 methods 17

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
        summon_null
        ret
.end
