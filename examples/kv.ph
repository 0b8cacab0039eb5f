// An HTTP key-value server whose data lives only in its objects: a hash map, no database,
// no files. Run it persistently and it survives anything:
//
//   phantom run examples/kv.ph --image kv.img -- 127.0.0.1:8080
//   curl -X PUT --data-binary hello http://127.0.0.1:8080/greeting     (201 once durable)
//   curl http://127.0.0.1:8080/greeting                                 (200 hello)
//   kill -9 it; phantom boot --image kv.img                             (same address, same data)
//
// PUT /key stores the body, GET /key answers it (404 if there is none), DELETE /key forgets
// it. A change is answered only once a snapshot holding it is durable (boot.commit()), so an
// acknowledged write is never lost; concurrent clients share each snapshot.
package .examples;

class kv
{
    var data : .phantom.util.hashmap;
    var lock : .internal.mutex;
    var boot : .internal.boot;

    void run(var b : .internal.boot) [8]
    {
        var args : string[];
        var address : string;
        var server : .phantom.net.http_server;
        var timeout : int;
        boot = b;
        args = b.getArguments();
        address = "127.0.0.1:8080";
        if (args.size() > 0) address = args[0];
        // A second argument sets how long a stalled client is waited for (ms).
        if (args.size() > 1) timeout = args[1].toInt();
        if (timeout <= 0) timeout = 10000;
        data = new .phantom.util.hashmap();
        lock = new .internal.mutex();
        server = new .phantom.net.http_server(address, this);
        server.setLimits(8192, 1048576);
        server.setTimeout(timeout);
        b.consolePrint("kv: serving http://" + server.address() + "/\n");
        server.serve(b);
    }

    void handle(var req : .phantom.net.http_request, var resp : .phantom.net.http_response)
    {
        var key : string;
        var value;
        var method : string;
        key = req.path();
        method = req.method();
        resp.setHeader("Content-Type", "application/octet-stream");
        if (method == "GET" || method == "HEAD") {
            lock.lock();
            value = data.get(key);
            lock.unlock();
            if (value == null) { resp.setStatus(404); resp.setBody("not found\n"); return; }
            resp.setBody(value);
            return;
        }
        if (method == "PUT") {
            lock.lock();
            data.put(key, req.body());
            lock.unlock();
            boot.commit();
            resp.setStatus(201);
            resp.setBody("stored\n");
            return;
        }
        if (method == "DELETE") {
            var gone : int;
            lock.lock();
            gone = data.remove(key);
            lock.unlock();
            boot.commit();
            if (gone) { resp.setStatus(200); resp.setBody("deleted\n"); }
            else { resp.setStatus(404); resp.setBody("not found\n"); }
            return;
        }
        resp.setStatus(405);
        resp.setHeader("Allow", "GET, HEAD, PUT, DELETE");
        resp.setBody("method not allowed\n");
    }
};
