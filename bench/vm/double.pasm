; Double-precision loop: pi by the midpoint rule, sum += 4 / (1 + x*x) at x = (i + 0.5) / n
; for i < n = 10,000,000; prints the sum (n times pi).
.class ".bench.double" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 0 7               ; i-slot 0: i, 1-2: h, 3-4: sum, 5-6: x (doubles take two)
        iconst_1
        fromi.double
        iconst_32bit 10000000
        fromi.double
        idivlu.double
        is_set32.double 1               ; h = 1.0 / n
next:   is_get32 0
        iconst_32bit 10000000
        ilt
        jz done
        is_get32 0
        fromi.double
        iconst_64bit.double 0x3FE0000000000000  ; 0.5
        isum.double
        is_get32.double 1
        imul.double
        is_set32.double 5               ; x = (i + 0.5) * h
        is_get32.double 3
        iconst_64bit.double 0x4010000000000000  ; 4.0
        iconst_64bit.double 0x3FF0000000000000  ; 1.0
        is_get32.double 5
        is_get32.double 5
        imul.double
        isum.double
        idivlu.double
        isum.double
        is_set32.double 3               ; sum = sum + 4.0 / (1.0 + x * x)
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        is_get32.double 3
        i2o.double
        call 16 1                       ; a double prints with six decimals
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
