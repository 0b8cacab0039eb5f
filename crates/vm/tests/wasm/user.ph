// Phantom code using a wasm module as a library: loads it from its bytes (the first
// argument), calls its exports, passes data through its memory, and prints what it gets.
package .test;

class wasm_user
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var w : .internal.wasm;
        var a : .internal.container.array;
        var n : int;
        args = boot.getArguments();
        w = new .internal.wasm();
        w.load(args[0]);
        boot.consolePrint("memory " + w.memorySize() + "\n");
        a = new .internal.container.array();
        a.set(30, 0);
        boot.consolePrint("sum_squares(30) = " + w.call("sum_squares", a) + "\n");
        // A long call: the crash tests stop the program inside it.
        a.set(300000, 0);
        boot.consolePrint("sum_squares(300000) = " + w.call("sum_squares", a) + "\n");
        w.write(1000, "phantom");
        a = new .internal.container.array();
        a.set(1000, 0);
        a.set(7, 1);
        n = w.call("checksum", a);
        boot.consolePrint("checksum = " + n + " of " + w.read(1000, 7) + "\n");
        boot.consolePrint("done\n");
    }
};
