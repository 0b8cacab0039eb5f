; Allocation-heavy loop: 3,000,000 two-field objects, each linked to the previous one and
; dropped two steps later (garbage for the collector).
.class ".bench.alloc" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 1 1               ; o-slot 1: the newest node
        summon_by_name ".bench.node"
        new
        os_dup
        summon_null
        iconst_32bit -1
        i2o
        call 16 2                       ; a first node, so that every step has a previous one
        os_drop
        os_set32 1
        iconst_0
        is_set32 0
next:   is_get32 0
        iconst_32bit 3000000
        ilt
        jz done
        summon_by_name ".bench.node"
        new
        os_dup
        os_get32 1
        call 17 0                       ; the previous node's successor: dropped
        is_get32 0
        i2o
        call 16 2                       ; node.init(previous.next, i)
        os_drop
        os_set32 1
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp next
done:   os_get32 0
        os_get32 1
        call 18 0
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
.end

.class ".bench.node" parent ".internal.object" fields 2 methods 19

.method "init" 16
        arg_count 2
        os_get32 0
        os_save8 0
        os_get32 1
        os_save8 1
        summon_null
        ret
.end

.method "next" 17
        arg_count 0
        os_load8 0
        ret
.end

.method "value" 18
        arg_count 0
        os_load8 1
        ret
.end
