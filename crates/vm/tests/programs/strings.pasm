; String and array natives by their original ordinals and argument orders.
;> 11
;> world
;> 111
;> 6
;> -1
;> hello, world!
;> 123
;> 3 20
;> ab
.class ".t.strings" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        stack_reserve 1 0               ; o-slot 1: an array
        summon_this
        sconst_bin "hello world"
        call 11 0                       ; length
        call 16 1
        os_drop
        summon_this
        sconst_bin "hello world"
        iconst_32bit 6
        i2o
        iconst_32bit 5
        i2o
        call 8 2                        ; substring(index 6, length 5)
        call 16 1
        os_drop
        summon_this
        sconst_bin "hello world"
        iconst_32bit 4
        i2o
        call 9 1                        ; charAt(4): 'o'
        call 16 1
        os_drop
        summon_this
        sconst_bin "hello world"
        sconst_bin "world"
        call 12 1                       ; strstr
        call 16 1
        os_drop
        summon_this
        sconst_bin "hello world"
        sconst_bin "xyz"
        call 12 1
        call 16 1
        os_drop
        summon_this
        sconst_bin "hello, "
        sconst_bin "world!"
        call 10 1                       ; concat
        call 16 1
        os_drop
        summon_this
        sconst_bin " 123"
        call 16 0                       ; toInt
        call 16 1
        os_drop
        ; arrays grow on write: set(value, index)
        summon_array_class
        new
        os_set32 1
        os_get32 1
        sconst_bin "a"
        iconst_0
        i2o
        call 11 2
        os_drop
        os_get32 1
        sconst_bin "b"
        iconst_1
        i2o
        call 11 2
        os_drop
        os_get32 1
        sconst_bin "z"
        iconst_32bit 19
        i2o
        call 11 2
        os_drop
        os_load8 0
        os_get32 1
        call 12 0                       ; size: 20
        sconst_bin " "
        sconst_bin "abc"
        call 11 0
        call 16 3
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        summon_this
        os_get32 1
        iconst_0
        i2o
        call 10 1                       ; get(0)
        os_get32 1
        iconst_1
        i2o
        call 10 1
        call 10 1                       ; "a".concat("b")
        call 16 1
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
