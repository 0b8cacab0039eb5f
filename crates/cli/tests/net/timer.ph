// A timer armed 1500 ms ahead through the tmr: connection, then a commit: killed and booted
// meanwhile, the timer still fires at its time. Prints the wall-clock times in milliseconds.
package .test;

class alarm
{
    var boot;
    void alarm(var b) { boot = b; }
    void ring(var due) [8]
    {
        var clock : .internal.time;
        clock = new .internal.time();
        boot.consolePrint("fired at " + clock.millis() + ", due " + due + "\n");
    }
};

class timer
{
    void run(var boot : .internal.boot) [8]
    {
        var c : .internal.connection;
        var clock : .internal.time;
        var due : long;
        clock = new .internal.time();
        c = new .internal.connection();
        c.connect("tmr:");
        c.setCallback(new alarm(boot), 8);
        due = clock.millis() + 1500L;
        c.invoke(due, 1500);
        boot.commit();
        boot.consolePrint("armed, due " + due + "\n");
        while (1) boot.sleep(1000);
    }
};
