// Draws nothing: bench/lang/loop.ph's loop, timed from inside, after a pause that gives a
// display client time to connect. Prints "ms M result R".
package .bench;

import .internal.time;

class compute
{
    void run(var boot) [8]
    {
        var acc : int;
        var clock : .internal.time;
        var start : long;
        clock = new .internal.time();
        boot.sleep(1000);
        start = clock.millis();
        for (var i : int = 0; i < 30000000; i++) acc = (acc + i) % 1000003;
        boot.16("ms " + (clock.millis() - start) + " result " + acc + "\n");
    }
};
