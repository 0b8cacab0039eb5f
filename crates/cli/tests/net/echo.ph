// TCP and UDP echo servers on loopback ports the system picks: prints "tcp PORT" and
// "udp PORT", then echoes every TCP connection (a thread each) and every datagram.
package .test;

class tcp_echo
{
    var c : .internal.tcp;
    void tcp_echo(var conn : .internal.tcp) { c = conn; }
    void run(var boot) [8]
    {
        var s : string;
        s = c.recv(4096, 0);
        while (s.length() > 0) {
            c.send(s);
            s = c.recv(4096, 0);
        }
        c.disconnect();
    }
};

class udp_echo
{
    var u : .internal.udp;
    void udp_echo(var sock : .internal.udp) { u = sock; }
    void run(var boot) [8]
    {
        var s : string;
        while (1) {
            s = u.recv(0);
            u.send("udp:" + s, u.sender());
        }
    }
};

class echo
{
    void run(var boot : .internal.boot) [8]
    {
        var server : .internal.tcp;
        var u : .internal.udp;
        server = new .internal.tcp();
        server.listen("127.0.0.1:0");
        u = new .internal.udp();
        if (u.bind("127.0.0.1:0") != 0) throw "bind failed";
        boot.startThread(new udp_echo(u));
        boot.consolePrint("tcp " + server.address() + "\n");
        boot.consolePrint("udp " + u.address() + "\n");
        while (1) boot.startThread(new tcp_echo(server.accept()));
    }
};
