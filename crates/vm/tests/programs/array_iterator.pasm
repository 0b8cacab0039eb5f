; array.iterator (8): hasNext (16) and next (17) walk the elements in order and see elements
; added meanwhile; next past the end throws; an empty array's or a fresh iterator has none.
;> a
;> b
;> c
;> added while iterating: d
;> has next 0
;> caught: iterator: no more elements
;> empty has next 0
;> fresh has next 0
.class ".t.iter" parent ".internal.object" fields 1 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 2 0               ; o-slot 1: the array, 2: the iterator
        os_get32 0
        os_save8 0
        summon_by_name ".internal.container.array"
        new
        os_set32 1
        os_get32 1
        sconst_bin "a"
        iconst_0
        i2o
        call 11 2
        os_drop
        os_get32 1
        sconst_bin "b"
        iconst_1
        i2o
        call 11 2
        os_drop
        os_get32 1
        sconst_bin "c"
        iconst_32bit 2
        i2o
        call 11 2
        os_drop
        os_get32 1
        call 8 0                        ; array.iterator()
        os_set32 2
loop:   os_get32 2
        call 16 0                       ; hasNext()
        o2i
        jz done
        os_get32 0
        sconst_bin "\n"
        os_get32 2
        call 17 0                       ; next()
        call 16 2
        os_drop
        jmp loop
done:   os_get32 1
        sconst_bin "d"
        iconst_32bit 3
        i2o
        call 11 2
        os_drop
        os_get32 0
        sconst_bin "\n"
        os_get32 2
        call 17 0
        sconst_bin "added while iterating: "
        call 16 3
        os_drop
        os_get32 0
        sconst_bin "\n"
        os_get32 2
        call 16 0
        sconst_bin "has next "
        call 16 3
        os_drop
        summon_this
        os_get32 2
        call 16 1                       ; past(iterator)
        os_drop
        os_get32 0
        sconst_bin "\n"
        summon_by_name ".internal.container.array"
        new
        call 8 0
        call 16 0
        sconst_bin "empty has next "
        call 16 3
        os_drop
        os_get32 0
        sconst_bin "\n"
        summon_by_name ".internal.container.iterator"
        new
        call 16 0
        sconst_bin "fresh has next "
        call 16 3
        os_drop
        summon_null
        ret
.end

; past(iterator): next() past the end throws a catchable exception
.method "past" 16
        arg_count 1
        summon_string_class
        push_catcher caught
        os_get32 0
        call 17 0
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
