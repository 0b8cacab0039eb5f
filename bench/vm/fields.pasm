; Field-heavy loop: a method increments a field of its object 3,000,000 times.
.class ".bench.fields" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 0 1
        iconst_0
        i2o
        os_save8 0
        iconst_0
        is_set32 0
next:   is_get32 0
        iconst_32bit 3000000
        ilt
        jz done
        summon_this
        call 16 0
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        os_load8 0
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end

.method "bump" 16
        arg_count 0
        os_load8 0
        o2i
        iconst_1
        isum
        i2o
        os_save8 0
        summon_null
        ret
.end
