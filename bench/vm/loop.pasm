; Integer loop on locals: acc = (acc + i) % 1000003 for i < 10,000,000.
.class ".bench.loop" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 0 2               ; i-slot 0: i, 1: acc
        iconst_0
        is_set32 0
        iconst_0
        is_set32 1
next:   is_get32 0
        iconst_32bit 10000000
        ilt
        jz done
        is_get32 1
        is_get32 0
        isum
        iconst_32bit 1000003
        iremlu
        is_set32 1
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        is_get32 1
        i2o
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
