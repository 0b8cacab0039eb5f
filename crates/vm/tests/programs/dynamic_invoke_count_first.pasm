; dynamic_invoke with its argument count pushed before the target and the method name, as the
; original's Java translator emits it (COMPATIBILITY.md V11): the callee gets the count and
; the arguments the count says.
;> made by <init>
;> 2 arguments: left right
.class ".t.count_first" parent ".internal.object" fields 1 methods 18

.method "main" 8
        arg_count 1
        stack_reserve 1 0
        os_get32 0
        os_save8 0
        ; a target in local 1, then the translator's constructor call
        summon_by_name ".t.count_first_target"
        new
        os_set32 1
        iconst_32bit 0
        os_get32 1
        sconst_bin "<init>"
        dynamic_invoke
        os_drop
        os_load8 0
        os_get32 1
        call 16 0
        call 16 1
        os_drop
        os_load8 0
        sconst_bin "\n"
        call 16 1
        os_drop
        ; the count first, then the arguments (a call among them), the target and the name
        iconst_32bit 2
        sconst_bin "left"
        sconst_bin "right"
        call 5 0
        summon_this
        sconst_bin "pair"
        dynamic_invoke
        os_drop
        summon_null
        ret
.end

.method "pair" 17
        os_load8 0
        is_get32 0              ; the count the call passed
        i2o
        call 16 1
        os_drop
        os_load8 0
        sconst_bin " arguments: "
        call 16 1
        os_drop
        os_load8 0
        os_get32 0
        call 16 1
        os_drop
        os_load8 0
        sconst_bin " "
        call 16 1
        os_drop
        os_load8 0
        os_get32 1
        call 16 1
        os_drop
        os_load8 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
.signature "pair" 17 returns untyped
arg "a" untyped
arg "b" untyped
.end

.class ".t.count_first_target" parent ".internal.object" fields 1 methods 18

.method "<init>" 17
        arg_count 0
        sconst_bin "made by <init>"
        os_save8 0
        summon_null
        ret
.end

.method "text" 16
        arg_count 0
        os_load8 0
        ret
.end
