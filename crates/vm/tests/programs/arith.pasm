; Integer arithmetic, logic, comparisons, shifts and control flow.
;> 7
;> -3
;> 3
;> 10
;> 2
;> -2
;> 1
;> 3
;> 6
;> 5
;> -7
;> 0 1 0 1
;> 1 1 0 1
;> 40 -3 268435455
;> 5
;> two
;> other
.class ".t.arith" parent ".internal.object" fields 1 methods 20

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        summon_this
        iconst_32bit 3
        iconst_32bit 4
        isum
        i2o
        call 16 1               ; 7
        os_drop
        summon_this
        iconst_32bit 5
        iconst_32bit 2
        isubul                  ; 2 - 5
        i2o
        call 16 1               ; -3
        os_drop
        summon_this
        iconst_32bit 5
        iconst_32bit 2
        isublu                  ; 5 - 2
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit 2
        iconst_32bit 5
        imul
        i2o
        call 16 1               ; 10
        os_drop
        summon_this
        iconst_32bit 5
        iconst_32bit 10
        idivul                  ; 10 / 5
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit -7
        iconst_32bit 3
        idivlu                  ; -7 / 3 truncates
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit 3
        iconst_32bit 7
        iremul                  ; 7 % 3
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit 7
        iconst_32bit 4
        iremlu                  ; 7 % 4
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit 6
        iconst_32bit 3
        iand
        iconst_32bit 4
        ior                     ; (6&3)|4
        i2o
        call 16 1
        os_drop
        summon_this
        iconst_32bit 6
        iconst_32bit 3
        ixor
        i2o
        call 16 1               ; 5
        os_drop
        summon_this
        iconst_32bit 6
        inot
        i2o
        call 16 1               ; -7
        os_drop
        ; comparisons: 3>=3, 3<2, 2<=3, 3>3 (boot.print shows its last argument first)
        os_load8 0
        iconst_32bit 3
        iconst_32bit 3
        ige
        i2o
        sconst_bin " "
        iconst_32bit 3
        iconst_32bit 2
        ilt
        i2o
        sconst_bin " "
        iconst_32bit 2
        iconst_32bit 3
        ile
        i2o
        sconst_bin " "
        iconst_32bit 3
        iconst_32bit 3
        igt
        i2o
        call 16 7
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; logic: 2||0, 1&&5, !7, 1 xor 0
        os_load8 0
        iconst_32bit 1
        iconst_32bit 0
        log_xor
        i2o
        sconst_bin " "
        iconst_32bit 7
        log_not
        i2o
        sconst_bin " "
        iconst_32bit 1
        iconst_32bit 5
        log_and
        i2o
        sconst_bin " "
        iconst_32bit 2
        iconst_32bit 0
        log_or
        i2o
        call 16 7
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; shifts: value below, count on top
        os_load8 0
        iconst_32bit -1
        iconst_32bit 4
        ushr
        i2o
        sconst_bin " "
        iconst_32bit -12
        iconst_32bit 2
        ishr
        i2o
        sconst_bin " "
        iconst_32bit 5
        iconst_32bit 3
        ishl
        i2o
        call 16 5
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; djnz counts 5 down: the loop body runs 5 times
        stack_reserve 0 1
        iconst_32bit 0
        is_set32 0
        iconst_8bit 5
loop:   is_get32 0
        iconst_1
        isum
        is_set32 0
        djnz loop
        is_drop
        summon_this
        is_get32 0
        i2o
        call 16 1
        os_drop
        ; switch on (v + 0) / 1: 0 -> zero, 1 -> one, 2 -> two, else other
        summon_this
        iconst_32bit 2
        i2o
        call 18 1
        os_drop
        summon_this
        iconst_32bit 9
        i2o
        call 18 1
        os_drop
        summon_null
        ret
.end

.method "p" 16
        arg_count 1
        os_load8 0
        os_get32 0
        call 16 1
        os_drop
        os_load8 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end

.method "sw" 18
        arg_count 1
        os_get32 0
        o2i
        switch 0 1 [zero one two]
        sconst_bin "other"
        jmp out
zero:   sconst_bin "zero"
        jmp out
one:    sconst_bin "one"
        jmp out
two:    sconst_bin "two"
out:    summon_this
        os_pull32 1
        call 16 1
        os_drop
        os_drop
        summon_null
        ret
.end
