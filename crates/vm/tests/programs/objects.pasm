; Objects: new and constructors, fields, virtual and static calls, overriding, dynamic
; invoke, identity, casts, class objects, constants.
;> counter 3
;> 42
;> 1 0 1
;> child says hi
;> parent says hi
;> via name
;> cast ok
;> .t.objects
;> 1 0
.class ".t.objects" parent ".t.base" fields 2 methods 22

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        ; a counter incremented three times through a method
        iconst_32bit 0
        i2o
        os_save8 1
        summon_this
        call 18 0
        os_drop
        summon_this
        call 18 0
        os_drop
        summon_this
        call 18 0
        os_drop
        summon_this
        sconst_bin "counter "
        os_load8 1
        call 5 0                ; toString of the int
        call 10 1               ; concat
        call 16 1
        os_drop
        ; a new base object built by its constructor (ordinal 17 of .t.base) with 42
        summon_by_name ".t.base"
        new
        iconst_32bit 42
        i2o
        os_pull32 1
        summon_by_name ".t.base"
        static_invoke 17 1
        os_drop
        call 19 0               ; getter
        summon_this
        os_pull32 1
        call 16 1
        os_drop
        os_drop
        ; identity: this == this, this == null, null is null
        os_load8 0
        summon_null
        os_isnull
        i2o
        sconst_bin " "
        summon_this
        summon_null
        os_eq
        i2o
        sconst_bin " "
        summon_this
        summon_this
        os_eq
        i2o
        call 16 5
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; overriding: virtual call reaches this class's greet, static_invoke the parent's
        summon_this
        call 20 0
        summon_this
        os_pull32 1
        call 16 1
        os_drop
        os_drop
        summon_this
        summon_by_name ".t.base"
        static_invoke 20 0
        summon_this
        os_pull32 1
        call 16 1
        os_drop
        os_drop
        ; dynamic invoke by name, found in the parent
        summon_this
        sconst_bin "named"
        iconst_0
        dynamic_invoke
        summon_this
        os_pull32 1
        call 16 1
        os_drop
        os_drop
        ; cast to the parent class succeeds
        summon_this
        summon_by_name ".t.base"
        cast
        os_drop
        summon_this
        const_pool 0
        call 16 1
        os_drop
        ; getClass, and instanceOf on class objects
        summon_this
        summon_this
        call 2 0
        call 5 0
        call 16 1
        os_drop
        os_load8 0
        summon_by_name ".t.base"
        summon_string_class
        call 14 1
        sconst_bin " "
        summon_by_name ".t.base"
        summon_this
        call 14 1
        call 16 3
        os_drop
        summon_this
        sconst_bin ""
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

.method "bump" 18
        arg_count 0
        os_load8 1
        o2i
        iconst_1
        isum
        i2o
        os_save8 1
        summon_null
        ret
.end

.method "greet" 20
        arg_count 0
        sconst_bin "child says hi"
        ret
.end

.const 0 ".internal.string" "cast ok"

.class ".t.base" parent ".internal.object" fields 2 methods 22

.method "<init>" 17
        arg_count 1
        os_get32 0
        os_save8 1
        summon_null
        ret
.end

.method "get" 19
        arg_count 0
        os_load8 1
        ret
.end

.method "greet" 20
        arg_count 0
        sconst_bin "parent says hi"
        ret
.end

.method "named" 21
        arg_count 0
        sconst_bin "via name"
        ret
.end
