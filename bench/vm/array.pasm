; Int array filled and read by index: a sieve of Eratosthenes over a 2,000,000-element array
; (filled with 1 by index, multiples of each prime below sqrt(n) set to 0), then the primes
; below n counted by reading every element back.
.class ".bench.array" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 1 3               ; o-slot 1: the array; i-slot 0: i, 1: j, 2: count
        summon_array_class
        new
        os_set32 1
fill:   is_get32 0
        iconst_32bit 2000000
        ilt
        jz filled
        os_get32 1
        iconst_1
        i2o
        is_get32 0
        i2o
        call 11 2                       ; a.set(1, i)
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp fill
filled: os_get32 1
        iconst_0
        i2o
        iconst_0
        i2o
        call 11 2                       ; a[0] = 0
        os_drop
        os_get32 1
        iconst_0
        i2o
        iconst_1
        i2o
        call 11 2                       ; a[1] = 0
        os_drop
        iconst_8bit 2
        is_set32 0
outer:  is_get32 0
        is_get32 0
        imul
        iconst_32bit 2000000
        ilt
        jz sieved                       ; while i * i < n
        os_get32 1
        is_get32 0
        i2o
        call 10 1
        o2i
        jz step                         ; elements are 0 or 1: nonzero means a prime
        is_get32 0
        is_get32 0
        imul
        is_set32 1
inner:  is_get32 1
        iconst_32bit 2000000
        ilt
        jz step
        os_get32 1
        iconst_0
        i2o
        is_get32 1
        i2o
        call 11 2                       ; a[j] = 0
        os_drop
        is_get32 1
        is_get32 0
        isum
        is_set32 1
        jmp inner
step:   is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp outer
sieved: iconst_0
        is_set32 0
count:  is_get32 0
        iconst_32bit 2000000
        ilt
        jz done
        is_get32 2
        os_get32 1
        is_get32 0
        i2o
        call 10 1                       ; a[i]
        o2i
        isum
        is_set32 2
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp count
done:   os_get32 0
        is_get32 2
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
