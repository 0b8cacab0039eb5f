// Paths that would leave a mount: each is refused with a message, printed one per line.
package .test;

class escape
{
    void attempt(var boot, var what : string, var path : string)
    {
        var d : .phantom.io.dir;
        d = new .phantom.io.dir();
        try {
            if (what == "read") boot.consolePrint("read " + path + ": " + d.read(path) + "\n");
            else if (what == "write") { d.write(path, "x"); boot.consolePrint("wrote " + path + "\n"); }
            else boot.consolePrint("listed " + path + ": " + d.list(path).size() + "\n");
        } catch (string e) {
            boot.consolePrint("refused " + path + ": " + e + "\n");
        }
    }

    void run(var boot : .internal.boot) [8]
    {
        attempt(boot, "read", "data/../secret.txt");
        attempt(boot, "read", "/etc/passwd");
        attempt(boot, "read", "data/sub/../../secret.txt");
        attempt(boot, "read", "data/link/secret.txt");
        attempt(boot, "read", "data/filelink");
        attempt(boot, "write", "data/link/new.txt");
        attempt(boot, "list", "data/link");
        attempt(boot, "read", "other/secret.txt");
        attempt(boot, "write", "ro/new.txt");
        attempt(boot, "read", "ro/inside.txt");
        attempt(boot, "write", "data/inside.txt");
        attempt(boot, "read", "data/inside.txt");
    }
};
