; Producer and consumer threads hand 1..100 through a one-slot mailbox guarded by a mutex and a
; cond: each waits while the slot is not as it needs it. The consumer prints the sum.
;> sum 5050
.class ".t.pc" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        summon_by_name ".t.mailbox"
        new
        os_dup
        call 16 0                       ; mailbox.init()
        os_drop                         ; o: boot box
        summon_by_name ".t.producer"
        new
        os_dup
        os_pull32 2
        call 16 1                       ; producer.init(box)
        os_drop
        os_get32 0
        os_pull32 1
        call 18 1                       ; boot.startThread(producer)
        os_drop
        os_drop
        summon_by_name ".t.consumer"
        new
        os_dup
        os_pull32 2
        call 16 1
        os_drop
        os_get32 0
        os_pull32 1
        call 18 1                       ; boot.startThread(consumer)
        os_drop
        os_drop
        os_drop
        summon_null
        ret
.end

; fields: 0 mutex, 1 cond, 2 item (null when empty)
.class ".t.mailbox" parent ".internal.object" fields 3 methods 19

.method "init" 16
        arg_count 0
        summon_by_name ".internal.mutex"
        new
        os_save8 0
        summon_by_name ".internal.cond"
        new
        os_save8 1
        summon_null
        ret
.end

; put(item): wait while full, then fill and wake the other side
.method "put" 17
        arg_count 1
        os_load8 0
        call 8 0
        os_drop
full:   os_load8 2
        os_isnull
        jz wait
        os_get32 0
        os_save8 2
        os_load8 1
        call 10 0                       ; cond.broadcast()
        os_drop
        os_load8 0
        call 9 0
        os_drop
        summon_null
        ret
wait:   os_load8 1
        os_load8 0
        call 8 1                        ; cond.wait(mutex)
        os_drop
        jmp full
.end

; take(): wait while empty, then empty it and wake the other side
.method "take" 18
        arg_count 0
        os_load8 0
        call 8 0
        os_drop
empty:  os_load8 2
        os_isnull
        jz got
        os_load8 1
        os_load8 0
        call 8 1                        ; cond.wait(mutex)
        os_drop
        jmp empty
got:    os_load8 2
        summon_null
        os_save8 2
        os_load8 1
        call 10 0
        os_drop
        os_load8 0
        call 9 0
        os_drop
        ret
.end

.class ".t.producer" parent ".internal.object" fields 1 methods 17

.method "init" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        stack_reserve 0 1
        iconst_1
        is_set32 0
next:   is_get32 0
        iconst_32bit 100
        ile
        jz done
        os_load8 0
        is_get32 0
        i2o
        call 17 1                       ; box.put(i)
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   summon_null
        ret
.end

.class ".t.consumer" parent ".internal.object" fields 1 methods 17

.method "init" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "run" 8
        arg_count 1
        stack_reserve 0 2               ; i-slot 0: count, 1: sum
        iconst_0
        is_set32 0
        iconst_0
        is_set32 1
next:   is_get32 0
        iconst_32bit 100
        ilt
        jz done
        is_get32 1
        os_load8 0
        call 18 0                       ; box.take()
        o2i
        isum
        is_set32 1
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        sconst_bin "sum "
        is_get32 1
        i2o
        call 5 0
        call 10 1
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
