; A closure's call is made as if its caller had made it: a closure over a method that sleeps
; (a blocking native parks the thread; from native code it could not), a closure over a
; native method, and a closure over its own call, which is stopped and thrown.
;> before sleep
;> after sleep
;> length 5
;> caught: a call handed on without end (a closure calling itself?)
.class ".t.closures" parent ".internal.object" fields 1 methods 18

.method "main" 8
        arg_count 1
        stack_reserve 1 0               ; o-slot 1: a closure
        os_get32 0
        os_save8 0
        ; over this.17, which sleeps
        summon_by_name ".internal.closure"
        new
        os_set32 1
        os_get32 1
        summon_this
        call 11 1
        os_drop
        os_get32 1
        iconst_32bit 17
        i2o
        call 10 1
        os_drop
        os_get32 1
        call 12 0
        os_drop
        ; over "hello".length (string method 11)
        os_get32 1
        sconst_bin "hello"
        call 11 1
        os_drop
        os_get32 1
        iconst_32bit 11
        i2o
        call 10 1
        os_drop
        os_get32 0
        sconst_bin "length "
        os_get32 1
        call 12 0
        call 5 0
        call 10 1
        sconst_bin "\n"
        call 10 1
        call 16 1
        os_drop
        ; over its own call
        os_get32 1
        os_get32 1
        call 11 1
        os_drop
        os_get32 1
        iconst_32bit 12
        i2o
        call 10 1
        os_drop
        summon_string_class
        push_catcher caught
        os_get32 1
        call 12 0
        os_drop
        pop_catcher
        summon_null
        ret
caught: os_get32 0
        sconst_bin "caught: "
        os_pull32 2
        call 10 1
        sconst_bin "\n"
        call 10 1
        call 16 1
        os_drop
        summon_null
        ret
.end

.method "sleeper" 17
        arg_count 0
        os_load8 0
        sconst_bin "before sleep\n"
        call 16 1
        os_drop
        os_load8 0
        iconst_32bit 5
        i2o
        call 21 1                       ; boot.sleep(5)
        os_drop
        os_load8 0
        sconst_bin "after sleep\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
