; 10,000 threads started through boot.startThread sleep 1 to 20 ms each (parked, not holding a
; host thread), then count themselves under a mutex; the last one reports.
;> all 10000 threads woke
.class ".t.threads" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 1 1               ; o-slot 1: the shared counter; i-slot 0: i
        summon_by_name ".t.shared"
        new
        os_dup
        iconst_32bit 10000
        i2o
        call 16 1                       ; shared.init(10000)
        os_drop
        os_set32 1
        iconst_0
        is_set32 0
loop:   is_get32 0
        iconst_32bit 10000
        ilt
        jz done
        summon_by_name ".t.sleeper"
        new
        os_dup
        os_get32 1
        is_get32 0
        iconst_32bit 20
        iremlu
        iconst_1
        isum
        i2o
        call 16 2                       ; sleeper.init(shared, 1 + i % 20)
        os_drop
        os_get32 0
        os_pull32 1
        call 18 1                       ; boot.startThread(sleeper)
        os_drop
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp loop
done:   summon_null
        ret
.end

.class ".t.sleeper" parent ".internal.object" fields 2 methods 17

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
        os_get32 0
        os_load8 1
        call 21 1                       ; boot.sleep(delay)
        os_drop
        os_load8 0
        os_get32 0
        call 17 1                       ; shared.hit(boot)
        os_drop
        summon_null
        ret
.end

.class ".t.shared" parent ".internal.object" fields 3 methods 18

.method "init" 16
        arg_count 1
        summon_by_name ".internal.mutex"
        new
        os_save8 0
        iconst_0
        i2o
        os_save8 1
        os_get32 0
        os_save8 2
        summon_null
        ret
.end

.method "hit" 17
        arg_count 1
        os_load8 0
        call 8 0                        ; mutex.lock()
        os_drop
        os_load8 1
        o2i
        iconst_1
        isum
        i2o
        os_save8 1
        os_load8 1
        o2i
        os_load8 2
        o2i
        isublu
        jz last
        jmp out
last:   os_get32 0
        sconst_bin "all 10000 threads woke\n"
        call 16 1
        os_drop
out:    os_load8 0
        call 9 0                        ; mutex.unlock()
        os_drop
        summon_null
        ret
.end
