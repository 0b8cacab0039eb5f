// An array filled by index with 2 million small objects, the ordinary way.
package .bench;
class item
{
    var value : int;
    void item(var v : int) { value = v; }
    int get() { return value; }
};
class fill
{
    void run(var boot) [8]
    {
        var n : int = 2000000;
        var a : item[] = new item[]();
        for (var i : int = 0; i < n; i++) a[i] = new item(i);
        var sum : int = 0;
        for (var k : int = 0; k < n; k += 1000) sum += a[k].get();
        boot.16("" + sum + "\n");
    }
};
