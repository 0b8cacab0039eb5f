; An uncaught exception ends the run with the exception and a backtrace naming class, method,
; offset and source line.
;> before
;! unhandled exception: "it failed"
;! .t.uncaught.fail (method 17) @22, line 42
;! .t.uncaught.main (method 8) @22, line 10
.class ".t.uncaught" parent ".internal.object" fields 0 methods 18

.method "main" 8
        arg_count 1
        os_get32 0
        sconst_bin "before\n"
        call 16 1
at:     summon_this
        call 17 0
        ret
.end

.lines 8
        at 10
.end

.method "fail" 17
        arg_count 0
        iconst_32bit 1
        is_drop
go:     sconst_bin "it failed"
        throw
.end

.lines 17
        go 42
.end
