; Recursive calls: fib(30).
.class ".bench.fib" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        os_get32 0
        summon_this
        iconst_32bit 30
        i2o
        call 16 1
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end

.method "fib" 16
        arg_count 1
        os_get32 0
        o2i
        iconst_32bit 2
        ilt
        jz rec
        os_get32 0
        ret
rec:    summon_this
        os_get32 0
        o2i
        iconst_1
        isublu
        i2o
        call 16 1
        o2i
        summon_this
        os_get32 0
        o2i
        iconst_32bit 2
        isublu
        i2o
        call 16 1
        o2i
        isum
        i2o
        ret
.end
