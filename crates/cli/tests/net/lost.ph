// Restart semantics of sockets: a listener accepts, the connection is open at a snapshot
// (commit), the system is killed and booted; the thread blocked in recv then learns the
// connection was lost, and the listener, opened again on its address, accepts anew; a
// bound UDP socket is bound again on its port, and the thread receiving on it carries on.
package .test;

class datagrams
{
    var u : .internal.udp;
    void datagrams(var sock : .internal.udp) { u = sock; }
    void run(var boot) [8]
    {
        var s : string;
        while (1) { s = u.recv(0); u.send("again:" + s, u.sender()); }
    }
};

class lost
{
    void run(var boot : .internal.boot) [8]
    {
        var server : .internal.tcp;
        var c : .internal.tcp;
        var s : string;
        var u : .internal.udp;
        server = new .internal.tcp();
        server.listen("127.0.0.1:0");
        u = new .internal.udp();
        u.bind("127.0.0.1:0");
        boot.startThread(new datagrams(u));
        boot.consolePrint("udp " + u.address() + "\n");
        boot.consolePrint("listening " + server.address() + "\n");
        while (1) {
            c = server.accept();
            try {
                boot.commit();
                c.send("hello\n");
                boot.consolePrint("connected\n");
                s = c.recv(100, 0);
                while (s.length() > 0) { c.send(s); s = c.recv(100, 0); }
                boot.consolePrint("closed by the peer\n");
            } catch (string e) {
                boot.consolePrint("lost: " + e + "\n");
            }
            c.disconnect();
        }
    }
};
