; Runs the decoder fuses (argument read as an int, arithmetic and compare-and-branch with a
; constant) behave exactly as their instructions one by one: with a long argument, division
; by 0 and -1, a jump into the middle of a run, and every comparison.
;> long arg 5
;> -10 / 3 = -3, -10 % 7 = -3, -2147483648 / -1 = -2147483648
;> caught: division by zero
;> mid 1
;> ge 1 le 1 gt 0 lt 0
;> counted 10
.class ".t.fused" parent ".internal.object" fields 1 methods 19

.method "main" 8
        arg_count 1
        stack_reserve 0 1
        os_get32 0
        os_save8 0
        ; a boxed long where an int is read: o2i converts it
        summon_this
        sconst_bin "long arg "
        summon_this
        iconst_32bit 5
        fromi.long
        i2o.long
        call 17 1
        call 16 2
        os_drop
        ; arithmetic with constants, including the unfused divisions
        os_load8 0
        sconst_bin "\n"
        iconst_32bit -2147483648
        iconst_32bit -1
        idivlu
        i2o
        sconst_bin ", -2147483648 / -1 = "
        iconst_32bit -10
        iconst_32bit 7
        iremlu
        i2o
        sconst_bin ", -10 % 7 = "
        iconst_32bit -10
        iconst_32bit 3
        idivlu
        i2o
        sconst_bin "-10 / 3 = "
        call 16 7
        os_drop
        summon_this
        call 18 0
        os_drop
        ; a jump to the compare of a constant-compare-branch run: 3 < 5 holds
        iconst_32bit 3
        iconst_32bit 5
        jmp mid
        iconst_32bit 7
mid:    ilt
        jz no
        summon_this
        sconst_bin "mid "
        iconst_1
        i2o
        call 16 2
        os_drop
no:     ; each comparison against a constant: 4 >= 4, 4 <= 4, 4 > 4, 4 < 4
        os_load8 0
        sconst_bin "\n"
        iconst_32bit 4
        iconst_32bit 4
        ilt
        i2o
        sconst_bin " lt "
        iconst_32bit 4
        iconst_32bit 4
        igt
        i2o
        sconst_bin " gt "
        iconst_32bit 4
        iconst_32bit 4
        ile
        i2o
        sconst_bin " le "
        iconst_32bit 4
        iconst_32bit 4
        ige
        i2o
        sconst_bin "ge "
        call 16 9
        os_drop
        ; a counting loop: compare with a constant and branch, add a constant
        iconst_0
        is_set32 0
loop:   is_get32 0
        iconst_32bit 10
        ilt
        jz done
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp loop
done:   summon_this
        sconst_bin "counted "
        is_get32 0
        i2o
        call 16 2
        os_drop
        summon_null
        ret
.end

; p(label, value)
.method "p" 16
        arg_count 2
        os_load8 0
        sconst_bin "\n"
        os_get32 1
        os_get32 0
        call 16 3
        os_drop
        summon_null
        ret
.end

; int(x): its argument read as an int
.method "int" 17
        arg_count 1
        os_get32 0
        o2i
        i2o
        ret
.end

; by zero: division by the constant 0 throws
.method "by zero" 18
        arg_count 0
        summon_string_class
        push_catcher caught
        iconst_1
        iconst_0
        idivlu
        is_drop
        pop_catcher
        summon_null
        ret
caught: os_load8 0
        sconst_bin "\n"
        os_pull32 2
        sconst_bin "caught: "
        call 16 3
        os_drop
        os_drop
        summon_null
        ret
.end
