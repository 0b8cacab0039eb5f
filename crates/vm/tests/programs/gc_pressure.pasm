; Garbage made faster than a slice ends: 2,000 binaries of 64 KiB (125 MiB in all) in a loop,
; then 1,000 more down a recursion with no loop in it, in a 16 MiB heap. A collection must
; come as soon as the heap fills past its threshold, not at the end of the slice.
;> loop done
;> recursion done
.class ".t.pressure" parent ".internal.object" fields 0 methods 18

.method "main" 8
        arg_count 1
        stack_reserve 0 1
        iconst_0
        is_set32 0
again:  is_get32 0
        iconst_32bit 2000
        ilt
        jz deep
        os_get32 0
        iconst_32bit 65536
        i2o
        call 19 1                       ; boot.createBinary(65536)
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp again
deep:   os_get32 0
        sconst_bin "loop done\n"
        call 16 1
        os_drop
        summon_this
        iconst_32bit 1000
        i2o
        os_get32 0
        call 17 2                       ; this.down(1000, boot)
        os_drop
        os_get32 0
        sconst_bin "recursion done\n"
        call 16 1
        os_drop
        summon_null
        ret
.end

; down(n, boot): makes a 64 KiB binary, then recurses until n is 0.
.method "down" 17
        arg_count 2
        os_get32 1
        iconst_32bit 65536
        i2o
        call 19 1
        os_drop
        os_get32 0
        o2i
        jz bottom
        summon_this
        os_get32 0
        o2i
        iconst_1
        isublu
        i2o
        os_get32 1
        call 17 2
        ret
bottom: summon_null
        ret
.end
