; Internal classes by their original ordinals: directory, binary, closure, class statics,
; time, the timer connection, tty output, and a clear exception for unmodelled hardware.
;> 3 1 0 2 2 2
;> 65 4 122
;> closure called
;> static value
;> 1
;> 0 0
;> tty says hi
;> caught: .internal.port: ports is not available in this VM yet
;> caught: connection backend udp: needs an address, as in tcp:HOST:PORT
.class ".t.internals" parent ".internal.object" fields 1 methods 21

.method "main" 8
        arg_count 1
        os_get32 0
        os_save8 0
        stack_reserve 1 0               ; o-slot 1: scratch
        ; directory: put a=1, b=2, a=3; then, in this order: get b (2), size (2), remove x
        ; (ENOENT 2), remove b (0), size (1), get a (3); boot.print shows them last first
        summon_by_name ".internal.directory"
        new
        os_set32 1
        os_get32 1
        sconst_bin "a"
        iconst_1
        i2o
        call 8 2
        os_drop
        os_get32 1
        sconst_bin "b"
        iconst_32bit 2
        i2o
        call 8 2
        os_drop
        os_get32 1
        sconst_bin "a"
        iconst_32bit 3
        i2o
        call 8 2
        os_drop
        os_load8 0
        os_get32 1
        sconst_bin "b"
        call 9 1                        ; get b: 2
        sconst_bin " "
        os_get32 1
        call 11 0                       ; size: 2
        sconst_bin " "
        os_get32 1
        sconst_bin "x"
        call 10 1                       ; remove x: ENOENT 2
        sconst_bin " "
        os_get32 1
        sconst_bin "b"
        call 10 1                       ; remove b: 0
        sconst_bin " "
        os_get32 1
        call 11 0                       ; size after the removal: 1
        sconst_bin " "
        os_get32 1
        sconst_bin "a"
        call 9 1                        ; get a: 3
        call 16 11
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; binary: createBinary(4); setByte(0, 65); setRange("xyz", 1, 0, 3)
        os_get32 0
        iconst_32bit 4
        i2o
        call 19 1
        os_set32 1
        os_get32 1
        iconst_0
        i2o
        iconst_32bit 65
        i2o
        call 9 2
        os_drop
        os_get32 1
        sconst_bin "xyz"
        iconst_1
        i2o
        iconst_0
        i2o
        iconst_32bit 3
        i2o
        call 10 4
        os_drop
        os_load8 0
        os_get32 1
        iconst_32bit 3
        i2o
        call 8 1
        sconst_bin " "
        os_get32 1
        call 11 0
        sconst_bin " "
        os_get32 1
        iconst_0
        i2o
        call 8 1
        call 16 5
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; closure over this, method 17
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
        ; class statics
        summon_by_name ".t.internals"
        iconst_0
        i2o
        sconst_bin "static value"
        call 10 2
        os_drop
        summon_this
        summon_by_name ".t.internals"
        iconst_0
        i2o
        call 11 1
        call 16 1
        os_drop
        ; time: milliseconds since the epoch is positive
        summon_this
        summon_by_name ".internal.time"
        new
        call 16 0
        o2i.long
        iconst_0
        fromi.long
        igt.long
        i2o
        call 16 1
        os_drop
        ; timer connection: connect and block 5 ms
        summon_by_name ".internal.connection"
        new
        os_set32 1
        os_load8 0
        os_get32 1
        sconst_bin "tmr:"
        call 8 1
        sconst_bin " "
        os_get32 1
        summon_null
        iconst_32bit 5
        i2o
        call 13 2
        call 16 3
        os_drop
        summon_this
        sconst_bin ""
        call 16 1
        os_drop
        ; tty output
        summon_by_name ".internal.io.tty"
        new
        sconst_bin "tty says hi\n"
        call 17 1
        os_drop
        ; unmodelled hardware and backends throw catchable exceptions
        summon_this
        sconst_bin "window"
        call 18 1
        os_drop
        summon_this
        sconst_bin "udp"
        call 18 1
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

.method "closure target" 17
        arg_count 0
        summon_this
        sconst_bin "closure called"
        call 16 1
        ret
.end

.method "try" 18
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

.method "window" 19
        arg_count 0
        summon_by_name ".internal.port"
        new
        iconst_1
        i2o
        call 16 1
        ret
.end

.method "udp" 20
        arg_count 0
        summon_by_name ".internal.connection"
        new
        sconst_bin "udp:"
        call 8 1
        ret
.end
