; A long loop inside a try block, throwing and catching on every other step; the thread's
; catchers and both stacks must survive anything done to the thread at a safepoint.
;> caught 30000 of 60000
.class ".t.catchloop" parent ".internal.object" fields 0 methods 18

.method "main" 8
        arg_count 1
        stack_reserve 0 2               ; i-slot 0: i, 1: caught
        iconst_0
        is_set32 0
        iconst_0
        is_set32 1
next:   is_get32 0
        iconst_32bit 60000
        ilt
        jz done
        summon_string_class
        push_catcher handler
        summon_this
        is_get32 0
        i2o
        call 16 1                       ; step(i): throws when i is even
        os_drop
        pop_catcher
        jmp step
handler: os_drop
        is_get32 1
        iconst_1
        isum
        is_set32 1
step:   is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        sconst_bin "caught "
        is_get32 1
        i2o
        call 5 0
        call 10 1
        sconst_bin " of 60000\n"
        call 10 1
        call 16 1
        os_drop
        summon_null
        ret
.end

.method "step" 16
        arg_count 1
        os_get32 0
        o2i
        iconst_32bit 2
        iremlu
        jz boom
        summon_null
        ret
boom:   sconst_bin "boom"
        throw
.end
