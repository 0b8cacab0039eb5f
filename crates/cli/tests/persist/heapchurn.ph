// The ordinary way to keep many objects: an array filled by index (200,000 small objects),
// then elements replaced at random, so that most of the heap is live and garbage is made all
// the time. The program keeps the sum of every value itself and checks it against a walk of
// the whole array each round: an object freed while reachable, or damaged, shows as "bad".
package .test;

class item
{
    var value : int;
    void item(var v : int) { value = v; }
    int get() { return value; }
};

class heapchurn
{
    var a : item[];
    var sum : int;
    var seed : int;
    var round : int;

    void run(var boot : .internal.boot) [8]
    {
        var n : int = 200000;
        a = new item[]();
        for (var i : int = 0; i < n; i++) { a[i] = new item(i % 1000); sum = sum + i % 1000; }
        seed = 7;
        while (1) {
            round++;
            for (var r : int = 0; r < 50000; r++) {
                seed = seed * 1103515245 + 12345;
                var k : int = (seed >>> 8) % n;
                var v : int = (seed >>> 4) % 1000;
                sum = sum - a[k].get() + v;
                a[k] = new item(v);
            }
            var walked : int = 0;
            for (var j : int = 0; j < n; j++) walked = walked + a[j].get();
            if (walked == sum) boot.consolePrint("" + round + " ok\n");
            else boot.consolePrint("" + round + " bad " + walked + " " + sum + "\n");
        }
    }
};
