// Untyped receivers call methods by name (dynamic_invoke), internal classes included: the
// boot object, a tty, an int, a string.
package .test;

class dynamic_internal
{
    void run(var boot) [8]
    {
        var t;
        var s;
        boot.consolePrint("commit without an image gives " + boot.commit() + "\n");
        t = new .internal.io.tty();
        t.putws("tty by name\n");
        s = "persistent";
        boot.consolePrint("length " + s.length() + ", hash equal " + (s.hashCode() == "persistent".hashCode()) + "\n");
    }
};
//> commit without an image gives 0
//> tty by name
//> length 10, hash equal 1
