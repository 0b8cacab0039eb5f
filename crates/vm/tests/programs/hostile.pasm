; Hostile code gets Phantom exceptions, never a crash: a bad ordinal, a method of an int,
; an int as `this` of a class's method, unboxing a string, runaway recursion, a failing cast.
;> caught: .internal.int has no method 40
;> 5
;> caught: static_invoke: this is not an instance of the class
;> caught: type assert failed: "s" is not a number
;> caught: stack overflow: too many nested calls
;> caught: cast to not parent: .internal.string to .internal.int
;> caught: stack overflow: native code calling back too deeply
.class ".t.hostile" parent ".internal.object" fields 1 methods 24

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        summon_this
        sconst_bin "call 40 0"
        call 17 1
        os_drop
        ; an int has the object protocol: toString works
        summon_this
        iconst_32bit 5
        i2o
        call 5 0
        call 16 1
        os_drop
        summon_this
        sconst_bin "field"
        call 17 1
        os_drop
        summon_this
        sconst_bin "unbox"
        call 17 1
        os_drop
        summon_this
        sconst_bin "recurse"
        call 17 1
        os_drop
        summon_this
        sconst_bin "cast"
        call 17 1
        os_drop
        summon_this
        sconst_bin "selfprint"
        call 17 1
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

; try(what): runs one hostile action by name and prints what it threw
.method "try" 17
        arg_count 1
        summon_string_class
        push_catcher caught
        summon_this
        os_get32 0
        iconst_0
        dynamic_invoke
        os_drop
        pop_catcher
        summon_null
        ret
caught: summon_this
        sconst_bin "caught: "
        os_pull32 2
        call 10 1
        call 16 1
        os_drop
        os_drop
        summon_null
        ret
.end

.method "call 40 0" 18
        arg_count 0
        iconst_32bit 1
        i2o
        call_8bit 40 0
        ret
.end

.method "field" 19
        arg_count 0
        iconst_32bit 3
        i2o
        summon_by_name ".t.hostile"
        static_invoke 19 0
        ret
.end

.method "unbox" 20
        arg_count 0
        sconst_bin "s"
        o2i
        i2o
        ret
.end

.method "recurse" 21
        arg_count 0
        summon_this
        call 21 0
        ret
.end

.method "selfprint" 23
        arg_count 0
        summon_by_name ".t.selfprint"
        new
        os_dup
        os_load8 0
        call 16 1
        os_drop
        os_load8 0
        os_pull32 1
        call 16 1
        ret
.end

.method "cast" 22
        arg_count 0
        sconst_bin "s"
        summon_int_class
        cast
        ret
.end

; toString that prints itself twice: print with several arguments calls their toString from
; native code (a single argument is handed on to bytecode instead), so this nests without end
.class ".t.selfprint" parent ".internal.object" fields 1 methods 17

.method "set" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "toString" 5
        arg_count 0
        os_load8 0
        summon_this
        summon_this
        call 16 2
        ret
.end
