// A native calling back into bytecode (print calling an object's toString) runs the call to
// its end, whatever happens meanwhile: here the callback makes garbage past the collection
// threshold, which ends an ordinary slice early. Every print must still happen, in order.
//> noisy 1
//> noisy 2
//> noisy 3
package .t;
class noisy
{
    var count : int;
    string toString() [5]
    {
        var i : int;
        var s : string;
        for (i = 0; i < 200000; i++) { s = "x" + i; }
        count = count + 1;
        return "noisy " + count + "\n";
    }
};
class nested_gc
{
    void run(var boot) [8]
    {
        var n : noisy;
        var k : int;
        n = new noisy();
        for (k = 0; k < 3; k++) { boot.16(n); }
    }
};
