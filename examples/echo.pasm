; Reads the terminal with tty.getwc() (the thread parks while it waits) and echoes each
; character in brackets until the end of input.
.class ".example.echo" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 2 0               ; o-slot 1: the tty, 2: the last character
        summon_by_name ".internal.io.tty"
        new
        os_set32 1
next:   os_get32 1
        call 16 0                       ; getwc()
        os_set32 2
        os_get32 2
        call 11 0                       ; length: 0 at the end of input
        o2i
        jz done
        os_get32 0
        sconst_bin "]"
        os_get32 2
        sconst_bin "["
        call 16 3                       ; print "[" c "]" (arguments print last first)
        os_drop
        jmp next
done:   os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end
