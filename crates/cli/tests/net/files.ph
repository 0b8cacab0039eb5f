// Files in a mounted directory across a restart. First run: writes data/notes.txt, makes
// data/sub, commits, prints "written" and waits. After a kill and `boot` (no --mount given:
// the image remembers it), the waiting thread reads the file back, appends, renames and
// removes, printing what it sees.
package .test;

class files
{
    var phase : int;

    void run(var boot : .internal.boot) [8]
    {
        var d : .phantom.io.dir;
        var f : .phantom.io.file;
        var names : string[];
        d = new .phantom.io.dir();
        d.write("data/notes.txt", "first line\n");
        d.mkdir("data/sub");
        f = new .phantom.io.file("data/notes.txt", "r");
        f.seek(6);
        boot.consolePrint("read " + f.read(4) + " at " + f.position() + "\n");
        phase = 1;
        boot.commit();
        boot.consolePrint("written\n");
        // The test kills the system here and boots it again.
        while (phase == 1) { boot.sleep(20); if (d.exists("data/go") == 1) phase = 2; }
        boot.consolePrint("after restart: " + d.read("data/notes.txt"));
        f = new .phantom.io.file("data/notes.txt", "a");
        f.write("second line\n");
        f.close();
        d.rename("data/notes.txt", "data/sub/moved.txt");
        names = d.list("data/sub");
        boot.consolePrint("sub has " + names.size() + ": " + names[0] + "\n");
        boot.consolePrint("moved: " + d.read("data/sub/moved.txt"));
        d.remove("data/go");
        boot.consolePrint("go is " + d.exists("data/go") + ", sub is " + d.exists("data/sub") + "\n");
        names = d.list("");
        boot.consolePrint("mounts: " + names[0] + "\n");
    }
};
