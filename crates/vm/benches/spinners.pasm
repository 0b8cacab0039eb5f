; 200 threads spinning in counting loops, for the safepoint benchmark.
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
        iconst_32bit 3000000
again:  djnz again
        is_drop
        summon_null
        ret
.end
