; Uses every defined opcode of the instruction set, and both signature layouts.
; tests/corpus.rs checks that, between them, this file and the withdrawn opcodes
; cover every opcode byte of the table, and that this file verifies.
.class ".test.every_opcode" parent ".internal.object" fields 2 methods 24 version "20261122000000000"

; Control flow and locals. Entry: 1 object (the argument), 1 int (the count).
.method "flow" 16
        arg_count 1
        stack_reserve 1 2               ; o: arg local   i: two int locals
        nop
        debug 0x00
        debug 0x81 "trace on"
        iconst_8bit 3
loop:   djnz loop
        is_drop
        iconst_0
        jz skip
        jmp skip
skip:   iconst_1
        switch 0 1 [first second]
        jmp first
first:  nop
second: os_get32 0
        os_set32 1
        is_get32 0
        is_set32 1
        summon_null
        ret
.end

.signature "flow" 16 returns untyped
        arg "value" ".internal.int"
.end

.lines 16
        loop 10
        skip 12
        @0 9
.end

; Objects, fields, classes and identity.
.method "objects" 17
        arg_count 0
        summon_this
        os_dup
        os_drop
        os_load8 0
        os_save8 1
        os_load32 1
        os_save32 0
        os_pull32 0                     ; o: this this
        os_eq                           ; o: -   i: 1
        summon_thread
        summon_null
        os_neq                          ; i: 2
        summon_class_class
        os_isnull                       ; i: 3
        summon_int_class
        summon_string_class
        summon_interface_class
        summon_code_class
        summon_array_class
        summon_by_name ".internal.int"  ; o: 6
        new
        cast                            ; o: 5
        general_lock
        general_unlock                  ; o: 3
        os_drop
        os_drop
        os_drop
        sconst_bin "hello, \"world\"\n"
        const_pool 0
        os_drop
        os_drop
        is_drop
        is_drop
        is_drop
        summon_null
        ret
.end

.signature "objects" 17 ctor 0 returns ".internal.object"
.end

; Integer arithmetic, conversions and the type prefixes.
.method "arith" 18
        arg_count 0
        iconst_32bit -5
        iconst_8bit 200
        isum
        iconst_32bit 7
        imul
        iconst_1
        isubul
        iconst_1
        isublu
        iconst_1
        idivul
        iconst_1
        idivlu
        iconst_1
        ior
        iconst_1
        iand
        iconst_1
        ixor
        inot
        iconst_1
        log_or
        iconst_1
        log_and
        iconst_1
        log_xor
        log_not
        iconst_1
        ige
        iconst_1
        ile
        iconst_1
        igt
        iconst_1
        ilt
        iconst_1
        iremul
        iconst_1
        iremlu
        iconst_1
        ishl
        iconst_1
        ishr
        iconst_1
        ushr                            ; i: 1
        is_dup
        is_drop
        i2o
        o2i                             ; i: 1
        is_load8 0
        is_save8 1                      ; i: 1
        summon_this
        summon_this
        os_field_get 0
        os_field_set 1
        summon_this
        is_field_get.double 0
        summon_this
        is_field_set.double 0
        iconst_64bit.double 0
        iconst_64bit.double 0
        math.double 0
        is_drop.double
        summon_null
        iconst_0
        os_array_get
        summon_null
        iconst_0
        os_array_set
        summon_null
        iconst_0
        is_array_get.double
        is_drop.double
        summon_null
        iconst_0
        iconst_64bit.double 0
        is_array_set.double
        summon_null
        array_length
        is_drop
        iconst_64bit 0x123456789abcdef0 ; i: 3
        froml                           ; i: 2
        fromi.long                      ; i: 3
        froml.double                    ; i: 3
        fromd.float                     ; i: 2
        fromf.double                    ; i: 3
        fromd                           ; i: 2
        fromf                           ; i: 2
        iconst_1.long
        iconst_0.long
        isum.long                       ; i: 4
        iconst_8bit.long 2
        imul.long
        iconst_32bit.long 3
        isublu.long
        iconst_1.long
        iremlu.long
        is_dup.long
        is_drop.long
        iconst_1.long
        ishl.long
        inot.long                       ; i: 4
        iconst_64bit.double 0x3ff0000000000000
        iconst_1
        fromi.double
        isum.double
        i2o.double
        o2i.double
        is_drop.double                  ; i: 4
        iconst_1
        fromi.float
        is_dup.float
        igt.float                       ; i: 5
        is_drop
        stack_reserve 0 2               ; i: 6
        is_set32.long 2                 ; i: 4
        is_get32.long 2                 ; i: 6
        is_drop.long
        is_drop.long
        is_drop
        is_drop
        summon_null
        ret
.end

; Every way to call.
.method "calls" 19
        arg_count 0
        summon_this
        short_call 0
        short_call 1
        short_call 2
        short_call 3
        call 0 0
        call 1 0
        call 2 0
        call 3 0
        call 4 0
        call 5 0
        call 6 0
        call 7 0
        call 8 0
        call 9 0
        call 10 0
        call 11 0
        call 12 0
        call 13 0
        call 14 0
        call 15 0
        call 16 0
        call 17 0
        call 18 0
        call 19 0
        call 20 0
        call 21 0
        call 22 0
        call 23 0
        call 24 0
        call 25 0
        call 26 0
        call 27 0
        call 28 0
        call 29 0
        call 30 0
        summon_null
        call 31 1
        summon_null
        call_8bit 16 1
        call_32bit 300 0                ; o: 1
        summon_this
        summon_by_name ".test.every_opcode"
        static_invoke 16 1              ; o: 1
        summon_this
        sconst_bin "objects"
        iconst_0
        dynamic_invoke                  ; o: 2
        os_drop
        ret
.end

; A native stub, as the VM builds for internal classes: entry 2 objects, 1 int.
.method "native" 20
        sys 8
        ret
.end

.signature "native" 20 ctor 0 returns untyped
        arg "a" untyped
        arg "b" ".internal.string"[]
.end

; Exceptions.
.method "catching" 21
        arg_count 0
        summon_string_class
        push_catcher handler
        sconst_bin "boom"
        throw
        pop_catcher
        summon_null
        ret
handler:
        ret
.end

.method "<init>" 22
        arg_count 0
        summon_null
        ret
.end

.signature "<init>" 22 ctor 1 returns untyped
.end

.fields
        "left" 0 ".internal.int"
        "right" 1 type(0, ".x", ".y")
.end

.const 0 ".internal.string" "pooled \x00 bytes \xff"
.record "x" "an unknown lower-case record is kept as it is"
