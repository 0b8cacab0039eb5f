// Loads classes by name through the boot object and remembers them.
package .phantom;

import .phantom.util.hashmap;

class class_loader
{
    var boot;
    var loaded : .phantom.util.hashmap;

    void class_loader(var bootObject) { boot = bootObject; loaded = new .phantom.util.hashmap(); }

    // The class object named name (with or without a leading dot); throws if there is none.
    .internal.object get_class(var name : string) [8]
    {
        var c;
        c = loaded.get(name);
        if (c :== null) {
            c = boot.8(name);
            loaded.put(name, c);
        }
        return c;
    }

    // A new instance of the named class (no constructor runs, as for any class object).
    .internal.object create(var name : string) { return new *(get_class(name))(); }
};
