; Running out of heap is an exception a program can catch: 64 KiB binaries are kept alive in
; an array until the 16 MiB heap is full; the handler lets them go, and the program goes on
; allocating once the collector has made room.
;> caught: out of heap memory
;> recovered
.class ".t.oom" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 2 1               ; o-slot 1: the array, 2: what was caught; i-slot 0: n
        summon_by_name ".internal.container.array"
        new
        os_set32 1
        iconst_0
        is_set32 0
        summon_string_class
        push_catcher full
fill:   os_get32 1
        os_get32 0
        iconst_32bit 65536
        i2o
        call 19 1                       ; boot.createBinary(65536)
        is_get32 0
        i2o
        call 11 2                       ; array.set(binary, n)
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp fill
full:   os_set32 2
        summon_null
        os_set32 1                      ; let the binaries go
        iconst_0
        is_set32 0
again:  is_get32 0
        iconst_32bit 400
        ilt
        jz done
        os_get32 0
        iconst_32bit 65536
        i2o
        call 19 1
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp again
done:   os_get32 0
        sconst_bin "caught: "
        os_get32 2
        call 10 1
        sconst_bin "\n"
        call 10 1
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "recovered\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
