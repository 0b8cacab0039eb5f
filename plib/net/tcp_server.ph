// A TCP server: listens on an address and serves each connection on a thread of its own.
//
//   var server : .phantom.net.tcp_server;
//   server = new .phantom.net.tcp_server("127.0.0.1:7000");
//   server.serve(boot, factory);   // factory.connection(socket) gives the object whose method
//                                  // 8 runs for that connection
// Persistently (phantom run --image), the listening socket opens again on the same address at
// boot and serve() carries on accepting.
package .phantom.net;

class tcp_server
{
    var listener : .internal.tcp;

    // Listens on `address` (HOST:PORT; a port alone is loopback; port 0 picks one).
    void tcp_server(var address : string) { listener = new .internal.tcp(); listener.listen(address); }

    // The address listened on, with the port that was picked.
    string address() { return listener.address(); }

    // The next connection.
    .internal.tcp accept() { return listener.accept(); }

    // Accepts for ever, starting factory.connection(socket) as a thread for each connection.
    void serve(var boot, var factory)
    {
        while (1) boot.startThread(factory.connection(listener.accept()));
    }

    void close() { listener.disconnect(); }
};
