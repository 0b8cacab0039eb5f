// The HTTP client of plib, tcp.curl and the url: backend against an HTTP server at the
// address given (the kv example); prints each answer.
package .test;

class web
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var client : .phantom.net.http_client;
        var resp : .phantom.net.http_response;
        var c : .internal.connection;
        var t : .internal.tcp;
        args = boot.getArguments();
        client = new .phantom.net.http_client(args[0]);
        resp = client.put("/from-phantom", "made by a Phantom client");
        boot.consolePrint("put " + resp.status() + " " + resp.body());
        resp = client.get("/from-phantom");
        boot.consolePrint("get " + resp.status() + " " + resp.body() + " (" + resp.header("content-length") + " bytes)\n");
        resp = client.delete("/from-phantom");
        boot.consolePrint("delete " + resp.status() + " " + resp.body());
        resp = client.get("/from-phantom");
        boot.consolePrint("get " + resp.status() + " " + resp.body());
        client.put("/curl", "fetched by curl");
        client.close();
        t = new .internal.tcp();
        boot.consolePrint("curl " + t.curl("http://" + args[0] + "/curl", "") + "\n");
        c = new .internal.connection();
        c.connect("url:http://" + args[0] + "/curl");
        boot.consolePrint("url " + c.block("X-Test: 1\r\n", 0) + "\n");
    }
};
