// Connects to the address given ten times and drops each connection without disconnecting,
// then keeps allocating: the collector finds the socket objects unreachable and closes their
// sockets, which the peer sees as the end of the stream.
package .test;

class dropped
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var t : .internal.tcp;
        var junk : int[];
        args = boot.getArguments();
        for (var i : int = 0; i < 10; i++) {
            t = new .internal.tcp();
            t.connect(args[0]);
            t.send("connection " + i);
        }
        t = null;
        boot.consolePrint("dropped\n");
        while (1) {
            junk = new int[]();
            for (var k : int = 0; k < 1000; k++) junk[k] = k;
            boot.sleep(1);
        }
    }
};
