; parseJson builds directories, arrays and leaves; subarray copies a range; a user class
; extending an internal class overrides its methods by ordinal.
;> 42 b2 3
;> x	y
;> overridden length
;> overridden toString
.class ".t.json" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 1 0
        sconst_bin "{\"a\": 42, \"list\": [1, \"b2\", [true, null]], \"s\": \"x\\ty\"}"
        call 20 0                       ; parseJson
        os_set32 1
        ; a; list[1]; list.size, printed last first
        os_get32 0
        os_get32 1
        sconst_bin "list"
        call 9 1
        call 12 0
        sconst_bin " "
        os_get32 1
        sconst_bin "list"
        call 9 1
        iconst_1
        i2o
        call 10 1
        sconst_bin " "
        os_get32 1
        sconst_bin "a"
        call 9 1
        call 16 5
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        ; the escaped tab came through
        os_get32 0
        os_get32 1
        sconst_bin "s"
        call 9 1
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        ; a user subclass of .internal.string overriding length (11) and toString (5)
        summon_by_name ".t.mystring"
        new
        os_set32 1
        os_get32 0
        os_get32 1
        call 11 0
        call 16 1
        os_drop
        os_get32 0
        os_get32 1
        call 5 0
        call 16 1
        os_drop
        summon_null
        ret
.end

.class ".t.mystring" parent ".internal.string" fields 0 methods 17

.method "toString" 5
        arg_count 0
        sconst_bin "overridden toString\n"
        ret
.end

.method "length" 11
        arg_count 0
        sconst_bin "overridden length\n"
        ret
.end
