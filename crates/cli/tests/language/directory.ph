// The internal directory: a string-keyed map.
package .test;

import .internal.directory;

class directory
{
    void run(var boot) [8]
    {
        var d : .internal.directory;
        var keys;
        d = new .internal.directory();
        d.put("one", 1);
        d.put("two", "zwei");
        d.put("three", (.internal.object) 3);
        boot.16("size " + d.size() + "\n");
        boot.16("get " + d.get("one") + " " + d.get("two") + " " + d.get("three") + "\n");
        d.remove("one");
        boot.16("after remove " + d.size() + " " + (d.get("one") == null) + "\n");
    }
};
//> size 3
//> get 1 zwei 3
//> after remove 2 1
