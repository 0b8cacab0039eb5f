// A small map kept in two parallel arrays: fine for a few dozen entries, keeps insertion order.
package .phantom.util;

class map
{
    var keys : void[];
    var values : void[];
    var count : int;

    void map() { keys = new void[](); values = new void[](); }

    int size() { return count; }

    int indexOf(var key)
    {
        for (var i : int = 0; i < count; i++) if (key == keys[i]) return i;
        return -1;
    }

    // Stores value under key; returns 1 if the key was new, 0 if an old value was replaced.
    int put(var key, var value)
    {
        var at : int;
        at = indexOf(key);
        if (at >= 0) { values[at] = value; return 0; }
        keys[count] = key;
        values[count] = value;
        count++;
        return 1;
    }

    .internal.object get(var key)
    {
        var at : int;
        at = indexOf(key);
        if (at < 0) return null;
        return values[at];
    }

    int has(var key) { return indexOf(key) >= 0; }

    .internal.object keyAt(var i : int) { return keys[i]; }

    .internal.object valueAt(var i : int) { return values[i]; }
};
