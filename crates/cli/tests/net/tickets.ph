// Hands out ticket numbers over TCP: each request line gets the next number, and the
// count lives only in this object. It never commits. Run with --output-commit, no client
// ever holds a number that a crash takes back, so numbers never repeat across kills.
package .test;

class ticket_desk
{
    var c : .internal.tcp;
    var owner : tickets;
    void ticket_desk(var conn : .internal.tcp, var o : tickets) { c = conn; owner = o; }
    void run(var boot) [8]
    {
        var s : string;
        try {
            s = c.recv(100, 0);
            while (s.length() > 0) {
                c.send("" + owner.next() + "\n");
                s = c.recv(100, 0);
            }
        } catch (string e) { }
        c.disconnect();
    }
};

class tickets
{
    var count : int;
    var lock : .internal.mutex;

    int next() { var n : int; lock.lock(); count++; n = count; lock.unlock(); return n; }

    // For the server: what serves a connection.
    ticket_desk connection(var c : .internal.tcp) { return new ticket_desk(c, this); }

    void run(var boot : .internal.boot) [8]
    {
        var server : .phantom.net.tcp_server;
        lock = new .internal.mutex();
        server = new .phantom.net.tcp_server("127.0.0.1:0");
        boot.commit();
        boot.consolePrint("listening " + server.address() + "\n");
        server.serve(boot, this);
    }
};
