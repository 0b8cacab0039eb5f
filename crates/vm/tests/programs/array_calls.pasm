; Array get (10) and set (11) as the interpreter makes them in its loop, against the natives:
; an append into free capacity, a set past the end (the native grows the array, leaving a gap),
; reads in range and past the end, and method 10 of a directory, which is not an array's get.
;> 8 1 6 5
;> caught: array index 6 out of range (size 6)
;> removed 0
.class ".t.array_calls" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 2 0               ; o-slot 1: the array, 2: a directory
        summon_array_class
        new
        os_set32 1
        os_get32 1
        iconst_32bit 7
        i2o
        iconst_0
        i2o
        call 11 2                       ; a[0] = 7: the first set allocates storage (native)
        os_drop
        os_get32 1
        iconst_8bit 8
        i2o
        iconst_1
        i2o
        call 11 2                       ; a[1] = 8: an append into free capacity
        os_drop
        os_get32 1
        iconst_8bit 9
        i2o
        iconst_8bit 5
        i2o
        call 11 2                       ; a[5] = 9: past the end, a gap of nulls
        os_drop
        os_get32 0
        os_get32 1
        iconst_8bit 5
        i2o
        call 10 1                       ; a[5]: 9, printed as 5 below (9 - 4)
        o2i
        iconst_8bit 4
        isublu
        i2o
        sconst_bin " "
        os_get32 1
        call 12 0                       ; size: 6
        sconst_bin " "
        os_get32 1
        iconst_8bit 3
        i2o
        call 10 1                       ; a[3]: null
        os_isnull
        i2o                             ; 1
        sconst_bin " "
        os_get32 1
        iconst_1
        i2o
        call 10 1                       ; a[1]: 8
        call 16 7                       ; printed last first: 8 1 6 5
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_string_class
        push_catcher caught
        os_get32 1
        iconst_8bit 6
        i2o
        call 10 1                       ; a[6]: out of range, the native throws
        os_drop
        pop_catcher
        jmp after
caught: os_get32 0
        sconst_bin "caught: "
        os_pull32 2
        call 10 1                       ; "caught: " + the message
        call 16 1
        os_drop
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
after:  summon_by_name ".internal.directory"
        new
        os_set32 2
        os_get32 2
        sconst_bin "k"
        iconst_1
        i2o
        call 8 2                        ; put k = 1
        os_drop
        os_get32 0
        os_get32 2
        sconst_bin "k"
        call 10 1                       ; a directory's method 10 is remove: 0
        sconst_bin "removed "
        call 16 2
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
