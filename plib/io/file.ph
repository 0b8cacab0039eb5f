// Files of the mounted host directories (`phantom run --mount NAME=DIR`): a path is
// `NAME/relative/path`, and nothing outside a mount can be named.
//
//   var f : .phantom.io.file;
//   f = new .phantom.io.file("data/notes.txt", "a");   // r, w (create or empty), a, rw
//   f.write("one more line\n");
package .phantom.io;

class file
{
    var io : .internal.io;

    void file(var path : string, var mode : string) { io = new .internal.io(); io.open(path, mode); }

    // Up to n bytes from the position; "" at the end.
    string read(var n : int) { return io.read(n); }

    // The rest of the file from the position.
    string readAll()
    {
        var out : string;
        var s : string;
        out = "";
        s = io.read(65536);
        while (s.length() > 0) { out = out + s; s = io.read(65536); }
        return out;
    }

    int write(var data) { return io.write(data); }
    void seek(var position : int) { io.seek(position); }
    int position() { return io.getvar("position"); }
    int size() { return io.size(); }
    void close() { io.close(); }
};

// Directory operations on mounted paths.
class dir
{
    var io : .internal.io;

    void dir() { io = new .internal.io(); }

    // Names in a directory, sorted; a directory's name ends in "/". list("") names the mounts.
    string[] list(var path : string) { return io.list(path); }
    void mkdir(var path : string) { io.mkdir(path); }
    void remove(var path : string) { io.remove(path); }
    void rename(var from : string, var to : string) { io.rename(from, to); }
    // 0: nothing there, 1: a file, 2: a directory.
    int exists(var path : string) { return io.exists(path); }

    // The whole file at `path`.
    string read(var path : string)
    {
        var f : file;
        var s : string;
        f = new file(path, "r");
        s = f.readAll();
        f.close();
        return s;
    }

    // Makes the file at `path` hold `text`.
    void write(var path : string, var text : string)
    {
        var f : file;
        f = new file(path, "w");
        f.write(text);
        f.close();
    }
};
