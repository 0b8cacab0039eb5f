; The smallest Phantom program: `phantom run` does `new .example.hello()` and calls its
; method 8 with the boot object, whose method 16 prints.
.class ".example.hello" parent ".internal.object" fields 0 methods 17 version "1"

.method "main" 8
        arg_count 1
        os_get32 0                      ; the boot object
        const_pool 0
        call 16 1                       ; boot.print("Hello from Phantom!\n")
        os_drop
        summon_null
        ret
.end

.signature "main" 8 ctor 0 returns untyped
        arg "boot" untyped
.end

.const 0 ".internal.string" "Hello from Phantom!\n"
