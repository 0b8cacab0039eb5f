// A hash map with chained buckets; keys use the object protocol (hashCode and equals), so
// strings, numbers and any object overriding them work as keys. The table doubles as it fills.
package .phantom.util;

class hashpair
{
    var key;
    var value;
    var next : hashpair;

    void hashpair(var k, var v, var n : hashpair) { key = k; value = v; next = n; }
    .internal.object getKey() { return key; }
    .internal.object getValue() { return value; }
    void setValue(var v) { value = v; }
    hashpair getNext() { return next; }
    void setNext(var n : hashpair) { next = n; }
};

class hashmap
{
    var buckets : void[];
    var capacity : int;
    var count : int;

    void hashmap() { clear(); }

    void clear()
    {
        capacity = 16;
        count = 0;
        buckets = new void[]();
        buckets[capacity - 1] = null;
    }

    int size() { return count; }

    int slot(var key, var cap : int)
    {
        var h : int;
        h = key.hashCode() % cap;
        if (h < 0) h = h + cap;
        return h;
    }

    hashpair find(var key)
    {
        var p : hashpair;
        p = (hashpair) buckets[slot(key, capacity)];
        while (p :!= null) {
            if (key == p.getKey()) return p;
            p = p.getNext();
        }
        return null;
    }

    void put(var key, var value)
    {
        var p : hashpair;
        var at : int;
        p = find(key);
        if (p :!= null) { p.setValue(value); return; }
        if (count * 4 >= capacity * 3) grow();
        at = slot(key, capacity);
        buckets[at] = new hashpair(key, value, (hashpair) buckets[at]);
        count++;
    }

    .internal.object get(var key)
    {
        var p : hashpair;
        p = find(key);
        if (p :== null) return null;
        return p.getValue();
    }

    int has(var key) { return find(key) :!= null; }

    // Removes key; returns 1 if it was there.
    int remove(var key)
    {
        var p : hashpair;
        var prev : hashpair;
        var at : int;
        at = slot(key, capacity);
        p = (hashpair) buckets[at];
        while (p :!= null) {
            if (key == p.getKey()) {
                if (prev :== null) buckets[at] = p.getNext(); else prev.setNext(p.getNext());
                count--;
                return 1;
            }
            prev = p;
            p = p.getNext();
        }
        return 0;
    }

    // All keys, in no particular order.
    void[] keys()
    {
        var out : void[];
        var p : hashpair;
        var n : int;
        out = new void[]();
        for (var i : int = 0; i < capacity; i++) {
            for (p = (hashpair) buckets[i]; p :!= null; p = p.getNext()) { out[n] = p.getKey(); n++; }
        }
        return out;
    }

    void grow()
    {
        var old : void[];
        var oldCapacity : int;
        var p : hashpair;
        var next : hashpair;
        var at : int;
        old = buckets;
        oldCapacity = capacity;
        capacity = capacity * 2;
        buckets = new void[]();
        buckets[capacity - 1] = null;
        for (var i : int = 0; i < oldCapacity; i++) {
            p = (hashpair) old[i];
            while (p :!= null) {
                next = p.getNext();
                at = slot(p.getKey(), capacity);
                p.setNext((hashpair) buckets[at]);
                buckets[at] = p;
                p = next;
            }
        }
    }
};
