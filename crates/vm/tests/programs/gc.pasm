; A list of 1,000 live nodes survives while a million garbage pairs, each a cycle, are made in
; a 16 MiB heap that cannot hold them all: the collector must reclaim cycles and keep the list.
;> sum 500500
.class ".t.gc" parent ".internal.object" fields 0 methods 17

.method "main" 8
        arg_count 1
        stack_reserve 1 2               ; o-slot 1: list head; i-slots 0: i, 1: sum
        iconst_1
        is_set32 0
build:  is_get32 0
        iconst_32bit 1000
        ile
        jz churn
        summon_by_name ".t.node"
        new
        os_dup
        os_get32 1
        is_get32 0
        i2o
        call 16 2                       ; node.init(head, i)
        os_drop
        os_set32 1
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp build
churn:  iconst_0
        is_set32 0
again:  is_get32 0
        iconst_32bit 1000000
        ilt
        jz check
        summon_by_name ".t.node"
        new                             ; a
        summon_by_name ".t.node"
        new                             ; a b
        os_dup
        os_pull32 2
        iconst_0
        i2o
        call 16 2                       ; b.init(a, 0)
        os_drop
        os_pull32 1
        os_pull32 1
        iconst_0
        i2o
        call 16 2                       ; a.init(b, 0): a cycle
        os_drop
        os_drop
        os_drop
        is_get32 0
        iconst_1
        isum
        is_set32 0
        jmp again
check:  iconst_0
        is_set32 1
walk:   os_get32 1
        os_isnull
        jz more
        os_get32 0
        sconst_bin "sum "
        is_get32 1
        i2o
        call 5 0
        call 10 1
        call 16 1
        os_drop
        os_get32 0
        sconst_bin "\n"
        call 16 1
        os_drop
        summon_null
        ret
more:   is_get32 1
        os_get32 1
        call 18 0                       ; node.value()
        o2i
        isum
        is_set32 1
        os_get32 1
        call 17 0                       ; node.next()
        os_set32 1
        jmp walk
.end

.class ".t.node" parent ".internal.object" fields 2 methods 19

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
