// The client side against servers of Python's: arguments are a TCP echo address and a UDP
// echo address. Prints what comes back, through both the tcp/udp classes and the
// connection backends.
package .test;

class client
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var t : .internal.tcp;
        var u : .internal.udp;
        var c : .internal.connection;
        var s : string;
        args = boot.getArguments();
        t = new .internal.tcp();
        t.connect(args[0]);
        boot.consolePrint("waitrecv before sending " + t.waitrecv(100) + "\n");
        t.send("hello over tcp");
        boot.consolePrint("waitrecv after sending " + t.waitrecv(5000) + "\n");
        s = t.recv(100, 5000);
        boot.consolePrint("tcp got " + s + "\n");
        t.disconnect();
        u = new .internal.udp();
        u.send("hello over udp", args[1]);
        s = u.recv(5000);
        boot.consolePrint("udp got " + s + " from " + (u.sender() == args[1]) + "\n");
        c = new .internal.connection();
        if (c.connect("tcp:" + args[0]) != 0) throw "connect failed";
        c.block("via a connection", 1);
        boot.consolePrint("connection got " + c.block(100, 0) + "\n");
        c.disconnect();
        try {
            t = new .internal.tcp();
            t.connect("127.0.0.1:1");
        } catch (string e) {
            boot.consolePrint("refused: " + e + "\n");
        }
        boot.consolePrint("resolved " + (new .internal.net()).resolve("localhost") + "\n");
    }
};
