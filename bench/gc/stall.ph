// The stall meter: a thread reads the clock in a loop and records the longest gap it sees,
// beside a program with N small live objects in an array whose elements are replaced at
// random for S seconds (garbage all the time, references changing), in the style of jHiccup.
//   phantom run bench/gc/stall.ph [--image IMG --snapshot-interval 100] -- N S
// Prints: objects N replacements R seconds S worst_stall_us W stalls_over_1ms A over_10ms B
package .bench;
import .internal.time;

class item
{
    var value : int;
    var next : item;
    void item(var v : int, var n : item) { value = v; next = n; }
    int get() { return value; }
};

class meter
{
    var worst : int;
    var over1 : int;
    var over10 : int;
    var stop : int;
    void run(var boot) [8]
    {
        var clock : .internal.time = new .internal.time();
        var last : long = clock.micros();
        while (stop == 0) {
            var now : long = clock.micros();
            var gap : int = now - last;
            if (gap > worst) worst = gap;
            if (gap > 1000) over1++;
            if (gap > 10000) over10++;
            last = now;
        }
    }
    void halt() { stop = 1; }
    int longest() { return worst; }
    int overOne() { return over1; }
    int overTen() { return over10; }
};

class stall
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[] = boot.getArguments();
        var n : int = args[0].toInt();
        var seconds : int = args[1].toInt();
        var clock : .internal.time = new .internal.time();
        var a : item[] = new item[]();
        for (var i : int = 0; i < n; i++) a[i] = new item(i, null);
        var m : meter = new meter();
        boot.18(m);
        var until : long = clock.millis() + seconds * 1000;
        var seed : int = 12345;
        var replaced : int = 0;
        while (clock.millis() < until) {
            for (var r : int = 0; r < 4096; r++) {
                seed = seed * 1103515245 + 12345;
                var k : int = (seed >>> 1) % n;
                // One in eight new objects points at another element: references change too.
                if ((seed & 7) == 0) a[k] = new item(r, a[(seed >>> 3) % n]);
                else a[k] = new item(r, null);
            }
            replaced = replaced + 4096;
        }
        m.halt();
        boot.consolePrint("objects " + n + " replacements " + replaced + " seconds " + seconds + " worst_stall_us " + m.longest() + " stalls_over_1ms " + m.overOne() + " over_10ms " + m.overTen() + "\n");
    }
};
