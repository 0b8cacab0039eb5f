package .multi;

class registry
{
    var items : void[];
    var count : int;
    var boot;

    void registry(var b) { boot = b; items = new void[](); }
    void add(var n : named) { items[count] = n; count++; }
    void greetAll(var who : string)
    {
        var i : int;
        var n : named;
        for (i = 0; i < count; i++) { n = (named) items[i]; boot.16(n.greeting(who) + "\n"); }
    }
};
