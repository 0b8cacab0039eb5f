// print of an object whose toString sleeps: killed during the sleep, the restarted system
// finishes the print (toString runs as ordinary bytecode, saved with its thread).
package .test;

class slow
{
    var boot : .internal.boot;

    void slow(var b : .internal.boot) { boot = b; }

    string toString() [5]
    {
        boot.sleep(1500);
        return "printed after the sleep\n";
    }
};

class slowprint
{
    void run(var boot : .internal.boot) [8]
    {
        boot.consolePrint("start\n");
        boot.16(new slow(boot));
        boot.consolePrint("end\n");
    }
};
