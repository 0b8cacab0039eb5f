; Exceptions: thrown through several frames, caught by class, stacks restored to the catcher's
; depth, catchers popped on the normal path, rethrow, and VM errors as exceptions.
;> caught: deep
;> after
;> caught: division by zero
;> outer caught: inner rethrow
;> 7
.class ".t.exceptions" parent ".internal.object" fields 1 methods 20

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        ; a throw three frames down, caught here with junk on both stacks at the throw
        summon_string_class
        push_catcher h1
        summon_this
        iconst_32bit 3
        i2o
        call 17 1
        os_drop
        pop_catcher
        jmp after
h1:     summon_this
        sconst_bin "caught: "
        os_pull32 2
        call 10 1
        call 16 1
        os_drop
        os_drop
after:  summon_this
        sconst_bin "after"
        call 16 1
        os_drop
        ; division by zero is a catchable exception
        summon_string_class
        push_catcher h2
        iconst_1
        iconst_0
        idivlu
        is_drop
        pop_catcher
        jmp next
h2:     summon_this
        sconst_bin "caught: "
        os_pull32 2
        call 10 1
        call 16 1
        os_drop
        os_drop
next:   summon_this
        call 18 0
        os_drop
        ; the stacks are as the catcher found them: 7 is still under the handler
        iconst_32bit 7
        summon_string_class
        push_catcher h3
        iconst_32bit 99
        sconst_bin "x"
        throw
h3:     os_drop
        summon_this
        os_pull32 0
        os_drop
        os_drop
        summon_this
        i2o
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

; deep(n): recurse n times, then throw "deep" with values on both stacks
.method "deep" 17
        arg_count 1
        iconst_32bit 5
        summon_null
        os_get32 0
        o2i
        jz bottom
        summon_this
        os_get32 0
        o2i
        iconst_1
        isublu
        i2o
        call 17 1
        ret
bottom: sconst_bin "deep"
        throw
.end

; a handler that rethrows a new exception to an outer handler in the same frame
.method "nested" 18
        arg_count 0
        summon_string_class
        push_catcher outer
        summon_string_class
        push_catcher inner
        sconst_bin "first"
        throw
inner:  os_drop
        sconst_bin "inner rethrow"
        throw
outer:  summon_this
        sconst_bin "outer caught: "
        os_pull32 2
        call 10 1
        call 16 1
        os_drop
        os_drop
        summon_null
        ret
.end
