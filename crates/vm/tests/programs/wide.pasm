; long, float and double through the type prefixes; conversions and boxing.
;> 5000000000
;> -1
;> 2.500000
;> 0.750000
;> 1
;> 3
;> -4611686018427387904
.class ".t.wide" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        ; 2500000000 * 2 as longs
        summon_this
        iconst_32bit 1250000000
        fromi.long
        iconst_32bit 4
        fromi.long
        imul.long
        i2o.long
        call 16 1
        os_drop
        ; long compare: 1 > 2 is 0, then 0 - 1 as long
        summon_this
        iconst_1.long
        iconst_32bit 2
        fromi.long
        igt.long
        fromi.long
        iconst_1.long
        isublu.long
        i2o.long
        call 16 1
        os_drop
        ; 5.0 / 2.0 as double
        summon_this
        iconst_32bit 5
        fromi.double
        iconst_32bit 2
        fromi.double
        idivlu.double
        i2o.double
        call 16 1
        os_drop
        ; 3.0f / 4.0f as float
        summon_this
        iconst_32bit 3
        fromi.float
        iconst_32bit 4
        fromi.float
        idivlu.float
        i2o.float
        call 16 1
        os_drop
        ; 2.5 >= 2.5 as double gives an int cell
        summon_this
        iconst_64bit.double 0x4004000000000000
        iconst_64bit.double 0x4004000000000000
        ige.double
        i2o
        call 16 1
        os_drop
        ; 3.9 (double) to int truncates; boxed double unboxed as int
        summon_this
        iconst_64bit 0x400F333333333333
        fromd
        i2o
        o2i.double
        fromd
        i2o
        call 16 1
        os_drop
        ; long locals and shifts: -1 << 62 as long (count as long too)
        stack_reserve 0 2
        iconst_32bit -1
        fromi.long
        is_set32.long 0
        summon_this
        is_get32.long 0
        iconst_32bit 62
        fromi.long
        ishl.long
        i2o.long
        call 16 1
        os_drop
        is_drop.long
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
