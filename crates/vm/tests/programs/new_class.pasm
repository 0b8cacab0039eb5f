; class.newClass(name, nslots, iface) (8): a class made at run time, found by name afterwards;
; its instances have its fields and either only the object protocol or the methods of the
; class passed as iface; a taken name, a bad field count or an iface that is no class throw.
;> made .t.made
;> instance of .t.made
;> instanceOf 1
;> by name .t.made
;> shared 7
;> caught: newClass: class .t.made already exists
;> caught: newClass: -1 fields (0 to 65536 allowed)
;> caught: not a class object
.class ".t.newclass" parent ".internal.object" fields 1 methods 18

.method "main" 8
        arg_count 1
        stack_reserve 2 0               ; o-slot 1: the new class, 2: an instance
        os_get32 0
        os_save8 0
        summon_by_name ".internal.class"
        sconst_bin ".t.made"
        iconst_32bit 2
        i2o
        summon_null
        call 8 3                        ; newClass(".t.made", 2, null)
        os_set32 1
        os_load8 0
        sconst_bin "\n"
        os_get32 1
        sconst_bin "made "
        call 16 3
        os_drop
        os_get32 1
        new
        os_set32 2
        os_load8 0
        sconst_bin "\n"
        os_get32 2                      ; printed through its toString: the class name
        sconst_bin "instance of "
        call 16 3
        os_drop
        os_load8 0
        sconst_bin "\n"
        os_get32 1
        os_get32 2
        call 14 1                       ; class.instanceOf(instance)
        sconst_bin "instanceOf "
        call 16 3
        os_drop
        os_load8 0
        sconst_bin "\n"
        summon_by_name ".t.made"
        sconst_bin "by name "
        call 16 3
        os_drop
        ; a class sharing .t.box's methods: set(7) then get() on an instance
        summon_by_name ".internal.class"
        sconst_bin ".t.made2"
        iconst_1
        i2o
        summon_by_name ".t.box"
        call 8 3
        new
        os_set32 2
        os_get32 2
        iconst_32bit 7
        i2o
        call 16 1
        os_drop
        os_load8 0
        sconst_bin "\n"
        os_get32 2
        call 17 0
        sconst_bin "shared "
        call 16 3
        os_drop
        ; errors
        summon_this
        sconst_bin ".t.made"
        iconst_1
        i2o
        summon_null
        call 16 3
        os_drop
        summon_this
        sconst_bin ".t.other"
        iconst_32bit -1
        i2o
        summon_null
        call 16 3
        os_drop
        summon_this
        sconst_bin ".t.other"
        iconst_1
        i2o
        sconst_bin "not a class"
        call 16 3
        os_drop
        summon_null
        ret
.end

; try(name, nslots, iface): newClass, printing what it throws
.method "try" 16
        arg_count 3
        summon_string_class
        push_catcher caught
        summon_by_name ".internal.class"
        os_get32 0
        os_get32 1
        os_get32 2
        call 8 3
        os_drop
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

; fields: 0 the value
.class ".t.box" parent ".internal.object" fields 1 methods 18

.method "set" 16
        arg_count 1
        os_get32 0
        os_save8 0
        summon_null
        ret
.end

.method "get" 17
        arg_count 0
        os_load8 0
        ret
.end
