// Restart semantics of sockets: a listener accepts, the connection is open at a snapshot
// (commit), the system is killed and booted; the thread blocked in recv then learns the
// connection was lost, and the listener, opened again on its address, accepts anew.
package .test;

class lost
{
    void run(var boot : .internal.boot) [8]
    {
        var server : .internal.tcp;
        var c : .internal.tcp;
        var s : string;
        server = new .internal.tcp();
        server.listen("127.0.0.1:0");
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
