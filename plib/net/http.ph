// HTTP/1.1: a server (keep-alive, chunked request bodies, limits on heads and bodies, a
// time limit for clients that stall) and a client, over `.phantom.net.stream`.
//
//   var server : .phantom.net.http_server;
//   server = new .phantom.net.http_server("127.0.0.1:8080", handler);
//   server.serve(boot);     // handler.handle(request, response) runs on a thread per connection
package .phantom.net;

// Text helpers the parsers share.
class http_text
{
    // For each byte below 128, "1" if it may be in a token (RFC 9110), else "0".
    var tokens : string;

    void http_text()
    {
        var c : int;
        var punctuation : string;
        var chars : http_char;
        punctuation = "!#$%&'*+-.^_`|~";
        chars = new http_char();
        tokens = "";
        for (c = 0; c < 128; c++) {
            if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) tokens = tokens + "1";
            else if (c > 32 && c < 127 && punctuation.strstr(chars.of(c)) >= 0) tokens = tokens + "1";
            else tokens = tokens + "0";
        }
    }

    string lower(var s : string) { return s.toLower(); }

    // Without the spaces and tabs around it.
    string trim(var s : string) { return s.trim(); }

    // The decimal number `s` holds, or -1 if it is not one (or over a billion).
    int decimal(var s : string)
    {
        var v : int;
        var c : int;
        if (s.length() == 0 || s.length() > 9) return -1;
        for (var i : int = 0; i < s.length(); i++) {
            c = s.charAt(i);
            if (c < 48 || c > 57) return -1;
            v = v * 10 + (c - 48);
        }
        return v;
    }

    // The hexadecimal number before any `;` in `s`, or -1.
    int hex(var s : string)
    {
        var v : int;
        var c : int;
        var n : int;
        n = s.strstr(";");
        if (n < 0) n = s.length();
        s = s.substring(0, n).trim();
        if (s.length() == 0 || s.length() > 7) return -1;
        for (var i : int = 0; i < s.length(); i++) {
            c = s.charAt(i);
            if (c >= 48 && c <= 57) v = v * 16 + (c - 48);
            else if (c >= 97 && c <= 102) v = v * 16 + (c - 87);
            else if (c >= 65 && c <= 70) v = v * 16 + (c - 55);
            else return -1;
        }
        return v;
    }

    // Whether `s`, from `from` for `n` bytes, is a token.
    int token(var s : string, var from : int, var n : int)
    {
        var c : int;
        if (n <= 0) return 0;
        for (var i : int = from; i < from + n; i++) {
            c = s.charAt(i);
            if (c >= 128 || tokens.charAt(c) != 49) return 0;
        }
        return 1;
    }

    string reason(var status : int)
    {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 411: return "Length Required";
            case 413: return "Content Too Large";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 505: return "HTTP Version Not Supported";
        }
        return "Status";
    }
};

// One-byte strings for the bytes below 128.
class http_char
{
    string of(var c : int)
    {
        var all : string;
        all = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        if (c < 32 || c > 126) return "";
        return all.substring(c - 32, 1);
    }
};

// Header fields, names kept in lower case.
class http_headers
{
    var names : void[];
    var values : void[];
    var count : int;

    void http_headers() { names = new void[](); values = new void[](); }

    void add(var name : string, var value : string) { names[count] = name; values[count] = value; count++; }

    // The value of the field `name` (lower case), or null.
    string get(var name : string)
    {
        for (var i : int = 0; i < count; i++) if (name == names[i]) return values[i];
        return null;
    }

    int size() { return count; }
    string nameAt(var i : int) { return names[i]; }
    string valueAt(var i : int) { return values[i]; }

    // Reads the fields of `head` after its first line into this; "400 ..." if one is malformed.
    void parse(var head : string, var text : http_text)
    {
        var at : int;
        var end : int;
        var colon : int;
        at = head.strstr("\r\n");
        while (at >= 0) {
            at = at + 2;
            end = head.indexOf("\r\n", at);
            if (end < 0) end = head.length();
            colon = head.indexOf(":", at);
            if (colon < 0 || colon >= end || (!text.token(head, at, colon - at))) throw "400 malformed header field";
            add(head.substring(at, colon - at).toLower(), head.substring(colon + 1, end - colon - 1).trim());
            if (end == head.length()) at = -1; else at = end;
        }
    }
};

class http_request
{
    var verb : string;
    var where : string;
    var proto : string;
    var fields : http_headers;
    var content : string;
    var persistent : int;

    void http_request(var m : string, var p : string, var v : string, var h : http_headers)
    {
        verb = m; where = p; proto = v; fields = h; content = "";
    }

    string method() { return verb; }
    string path() { return where; }
    string version() { return proto; }
    string header(var name : string) { return fields.get(name); }
    http_headers headers() { return fields; }
    string body() { return content; }
    void setBody(var b : string) { content = b; }
    int keepAlive() { return persistent; }
    void setKeepAlive(var k : int) { persistent = k; }
};

class http_response
{
    var code : int;
    var extra : string;
    var content : string;
    var fields : http_headers;

    void http_response() { code = 200; extra = ""; content = ""; }

    void setStatus(var s : int) { code = s; }
    int status() { return code; }
    // Adds a header field to send.
    void setHeader(var name : string, var value : string) { extra = extra + name + ": " + value + "\r\n"; }
    void setBody(var b : string) { content = b; }
    string body() { return content; }
    // The fields of a response a client read.
    string header(var name : string) { if (fields == null) return null; return fields.get(name); }
    void setFields(var h : http_headers) { fields = h; }

    // The response as bytes to send; `keep` says whether the connection stays open.
    string encode(var keep : int, var text : http_text)
    {
        var s : string;
        s = "HTTP/1.1 " + code + " " + text.reason(code) + "\r\n" + extra;
        if (code != 204) s = s + "Content-Length: " + content.length() + "\r\n";
        if (!keep) s = s + "Connection: close\r\n";
        return s + "\r\n" + content;
    }
};

class http_server
{
    var listener : tcp_server;
    var handler;
    var text : http_text;
    var maxHead : int;
    var maxBody : int;
    var timeout : int;
    var maxRequests : int;

    // Listens on `address` (HOST:PORT); `h.handle(request, response)` answers each request.
    void http_server(var address : string, var h)
    {
        listener = new tcp_server(address);
        handler = h;
        text = new http_text();
        maxHead = 8192;
        maxBody = 1048576;
        timeout = 10000;
        maxRequests = 1000000;
    }

    string address() { return listener.address(); }

    // At most `head` bytes of request line and fields, `body` bytes of body.
    void setLimits(var head : int, var body : int) { maxHead = head; maxBody = body; }
    // How long a client may stall, in milliseconds.
    void setTimeout(var ms : int) { timeout = ms; }

    int headLimit() { return maxHead; }
    int bodyLimit() { return maxBody; }
    int timeLimit() { return timeout; }
    http_text texts() { return text; }
    .internal.object handlerObject() { return handler; }

    // Accepts connections for ever, each served by a thread of its own.
    void serve(var boot) { listener.serve(boot, this); }

    // What serves connection `c` (for `tcp_server`).
    http_connection connection(var c : .internal.tcp) { return new http_connection(this, c); }

    void close() { listener.close(); }
};

// One client's connection: requests read and answered in turn until either side closes.
class http_connection
{
    var server : http_server;
    var wire : stream;
    var text : http_text;

    void http_connection(var s : http_server, var c : .internal.tcp)
    {
        server = s;
        wire = new stream(c, s.timeLimit());
        text = s.texts();
    }

    void run(var boot) [8]
    {
        try {
            serveAll();
        } catch (string e) {
            // The client went away or broke the protocol beyond an answer: just close.
        }
        try { wire.close(); } catch (string e) { }
    }

    void serveAll()
    {
        var req : http_request;
        var resp : http_response;
        var handler;
        handler = server.handlerObject();
        while (1) {
            req = null;
            try {
                req = read();
            } catch (string e) {
                reject(e);
                return;
            }
            if (req == null) return;
            resp = new http_response();
            try {
                handler.handle(req, resp);
            } catch (string e) {
                resp = new http_response();
                resp.setStatus(500);
                resp.setBody(e + "\n");
            }
            wire.write(resp.encode(req.keepAlive(), text));
            if (!req.keepAlive()) return;
        }
    }

    // Answers a request that cannot be served, then the connection closes. `why` is
    // "NNN reason" for the protocol's errors.
    void reject(var why : string)
    {
        var resp : http_response;
        var status : int;
        status = 400;
        if (why == "too long") status = 431;
        else if (why == "timed out") status = 408;
        else if (why == "truncated") return;
        else if (why.length() > 3 && text.decimal(why.substring(0, 3)) > 0) status = text.decimal(why.substring(0, 3));
        else if (why.strstr("connection") >= 0) return;
        resp = new http_response();
        resp.setStatus(status);
        resp.setBody(text.reason(status) + "\n");
        wire.write(resp.encode(0, text));
    }

    // The next request, or null when the client is done.
    http_request read()
    {
        var head : string;
        var line : string;
        var at : int;
        var method : string;
        var target : string;
        var version : string;
        var rest : string;
        var h : http_headers;
        var req : http_request;
        var connection : string;
        var length : string;
        var n : int;
        head = wire.readHead(server.headLimit());
        if (head == null) return null;
        at = head.strstr("\r\n");
        if (at < 0) line = head; else line = head.substring(0, at);
        at = line.strstr(" ");
        if (at <= 0) throw "400 malformed request line";
        method = line.substring(0, at);
        rest = line.substring(at + 1, line.length() - at - 1);
        at = rest.strstr(" ");
        if (at <= 0) throw "400 malformed request line";
        target = rest.substring(0, at);
        version = rest.substring(at + 1, rest.length() - at - 1);
        if ((!text.token(method, 0, method.length())) || target.charAt(0) != 47 || target.strstr(" ") >= 0) throw "400 malformed request line";
        if (version != "HTTP/1.1" && version != "HTTP/1.0") {
            if (version.strstr("HTTP/") == 0) throw "505 version not supported";
            throw "400 malformed request line";
        }
        h = new http_headers();
        h.parse(head, text);
        req = new http_request(method, target, version, h);
        connection = h.get("connection");
        if (connection != null) connection = text.lower(connection);
        if (version == "HTTP/1.1") req.setKeepAlive(connection == null || connection.strstr("close") < 0);
        else req.setKeepAlive(connection != null && connection.strstr("keep-alive") >= 0);
        if (h.get("transfer-encoding") != null) {
            if (text.lower(h.get("transfer-encoding")) != "chunked") throw "501 transfer coding not implemented";
            if (h.get("content-length") != null) throw "400 both a length and chunks";
            req.setBody(readChunks());
        } else {
            length = h.get("content-length");
            if (length != null) {
                n = text.decimal(length);
                if (n < 0) throw "400 malformed content length";
                if (n > server.bodyLimit()) throw "413 body too large";
                req.setBody(wire.readExactly(n));
            }
        }
        return req;
    }

    string readChunks()
    {
        var body : string;
        var line : string;
        var size : int;
        body = "";
        while (1) {
            line = wire.readLine(1024);
            if (line == null) throw "truncated";
            size = text.hex(line);
            if (size < 0) throw "400 malformed chunk size";
            if (body.length() + size > server.bodyLimit()) throw "413 body too large";
            if (size == 0) break;
            body = body + wire.readExactly(size);
            if (wire.readExactly(2) != "\r\n") throw "400 malformed chunk";
        }
        // Trailer fields, up to the empty line.
        line = wire.readLine(server.headLimit());
        while (line != null && line.length() > 0) line = wire.readLine(server.headLimit());
        return body;
    }
};

// A client for one server: requests over one kept-alive connection, opened again as needed.
class http_client
{
    var address : string;
    var wire : stream;
    var text : http_text;
    var timeout : int;

    void http_client(var a : string) { address = a; text = new http_text(); timeout = 30000; }

    void setTimeout(var ms : int) { timeout = ms; }

    http_response get(var path : string) { return request("GET", path, null); }
    http_response put(var path : string, var body : string) { return request("PUT", path, body); }
    http_response delete(var path : string) { return request("DELETE", path, null); }

    http_response request(var method : string, var path : string, var body : string)
    {
        var s : string;
        var c : .internal.tcp;
        if (wire == null) {
            c = new .internal.tcp();
            c.connect(address);
            wire = new stream(c, timeout);
        }
        s = method + " " + path + " HTTP/1.1\r\nHost: " + address + "\r\n";
        if (body != null) s = s + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        else s = s + "\r\n";
        wire.write(s);
        return response(method);
    }

    http_response response(var method : string)
    {
        var head : string;
        var at : int;
        var line : string;
        var h : http_headers;
        var resp : http_response;
        var length : string;
        var n : int;
        var body : string;
        head = wire.readHead(65536);
        if (head == null) { close(); throw "the server closed the connection"; }
        at = head.strstr("\r\n");
        if (at < 0) line = head; else line = head.substring(0, at);
        if (line.strstr("HTTP/1.") != 0 || line.length() < 12) throw "not an HTTP response: " + line;
        h = new http_headers();
        h.parse(head, text);
        resp = new http_response();
        resp.setStatus(text.decimal(line.substring(9, 3)));
        resp.setFields(h);
        body = "";
        if (method == "HEAD" || resp.status() == 204 || resp.status() == 304) {
        } else if (h.get("transfer-encoding") != null) {
            body = chunks();
        } else {
            length = h.get("content-length");
            if (length != null) {
                n = text.decimal(length);
                if (n < 0) throw "malformed content length";
                body = wire.readExactly(n);
            } else {
                body = wire.readToEnd(1 << 26);
                close();
            }
        }
        resp.setBody(body);
        if (h.get("connection") != null && text.lower(h.get("connection")) == "close") close();
        return resp;
    }

    string chunks()
    {
        var body : string;
        var line : string;
        var size : int;
        body = "";
        while (1) {
            line = wire.readLine(1024);
            if (line == null) throw "truncated";
            size = text.hex(line);
            if (size < 0) throw "malformed chunk size";
            if (size == 0) break;
            body = body + wire.readExactly(size);
            wire.readExactly(2);
        }
        line = wire.readLine(65536);
        while (line != null && line.length() > 0) line = wire.readLine(65536);
        return body;
    }

    void close()
    {
        if (wire != null) { try { wire.close(); } catch (string e) { } }
        wire = null;
    }
};
