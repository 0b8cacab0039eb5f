// A TCP connection read through a buffer: lines, message heads and exact lengths, each wait
// bounded by a time limit. Errors are thrown as strings.
package .phantom.net;

class stream
{
    var socket : .internal.tcp;
    var buffer : string;
    var timeout : int;
    var ended : int;

    // Reads from `s`, waiting at most `timeoutMs` for each arrival (0: for ever).
    void stream(var s : .internal.tcp, var timeoutMs : int) { socket = s; buffer = ""; timeout = timeoutMs; }

    .internal.tcp connection() { return socket; }

    int buffered() { return buffer.length(); }

    // Reads what arrives next into the buffer: 0 at the end of the stream.
    int fill()
    {
        var s : string;
        if (ended) return 0;
        s = socket.recv(65536, timeout);
        if (s.length() == 0) { ended = 1; return 0; }
        buffer = buffer + s;
        return 1;
    }

    // The buffered text up to `at`, which leaves the buffer together with `skip` more bytes.
    string take(var at : int, var skip : int)
    {
        var s : string;
        s = buffer.substring(0, at);
        buffer = buffer.substring(at + skip, buffer.length() - at - skip);
        return s;
    }

    // The next line without its CRLF, or null at the end of the stream; throws "too long"
    // when no line ends within `limit` bytes.
    string readLine(var limit : int)
    {
        var at : int;
        while (1) {
            at = buffer.strstr("\r\n");
            if (at >= 0) return take(at, 2);
            if (buffer.length() > limit) throw "too long";
            if (!fill()) {
                if (buffer.length() == 0) return null;
                throw "truncated";
            }
        }
        return null;
    }

    // A message head: everything up to the first empty line, without it. Null when the
    // stream ends (or the time runs out) before a byte of it came; throws "too long" past
    // `limit` bytes, "truncated" if the stream ends inside it, "timed out" if the peer stalls.
    string readHead(var limit : int)
    {
        var at : int;
        var from : int;
        from = 0;
        while (1) {
            at = buffer.strstr("\r\n\r\n");
            if (at >= 0) {
                if (at > limit) throw "too long";
                return take(at, 4);
            }
            if (buffer.length() > limit) throw "too long";
            try {
                if (!fill()) {
                    if (buffer.length() == 0) return null;
                    throw "truncated";
                }
            } catch (string e) {
                if (e == "truncated") throw e;
                if (e.strstr("timed out") < 0) throw e;
                if (buffer.length() == 0) return null;
                throw "timed out";
            }
        }
        return null;
    }

    // Exactly `n` bytes; throws "truncated" if the stream ends first.
    string readExactly(var n : int)
    {
        while (buffer.length() < n) {
            if (!fill()) throw "truncated";
        }
        return take(n, 0);
    }

    // Everything until the peer closes, at most `limit` bytes.
    string readToEnd(var limit : int)
    {
        while (fill()) {
            if (buffer.length() > limit) throw "too long";
        }
        return take(buffer.length(), 0);
    }

    void write(var s) { socket.send(s); }

    void close() { socket.disconnect(); }
};
