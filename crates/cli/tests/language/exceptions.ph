// Exceptions: thrown through several frames, caught by class, rethrown, nested, and leaving a
// try block with break, continue or return.
package .test;

class failure
{
    var code : int;
    void failure(var c : int) { code = c; }
    int getCode() { return code; }
};

class exceptions
{
    var boot;

    void say(var s) { boot.16(s); boot.16("\n"); }

    int deep(var n : int)
    {
        if (n == 0) throw "bottom reached";
        return deep(n - 1) + 1;
    }

    void raise(var c : int) { throw new failure(c); }

    int guarded(var n : int)
    {
        try { if (n > 1) return n * 10; throw "small"; }
        catch (string e) { return -1; }
        return 0;
    }

    void run(var b) [8]
    {
        var i : int;
        var count : int;
        boot = b;
        try { deep(5); say("not reached"); } catch (string e) { say("caught " + e); }
        try { raise(42); } catch (failure f) { say("failure code " + f.getCode()); }
        // A handler for another class does not catch it; the outer one does.
        try {
            try { raise(7); } catch (string e) { say("wrong handler"); }
        } catch (failure f) { say("outer caught " + f.getCode()); }
        // Rethrow from a handler.
        try {
            try { throw "first"; } catch (string e) { throw e + " again"; }
        } catch (string e) { say("rethrown: " + e); }
        // break and continue out of a try block uninstall its handler.
        count = 0;
        for (i = 0; i < 5; i++) {
            try { if (i == 1) continue; if (i == 3) break; count += 10; } catch (string e) { say("no"); }
        }
        say("count " + count + " i " + i);
        try { throw "after loop"; } catch (string e) { say("handler still right: " + e); }
        say("guarded " + guarded(5) + " " + guarded(0));
        // Division by zero is a Phantom exception.
        try { i = 1 / (i - i); } catch (string e) { say("math: " + e); }
        // Calling a method on null too.
        try { var nothing : failure; nothing.getCode(); } catch (string e) { say("null call caught"); }
        say("end");
    }
};
//> caught bottom reached
//> failure code 42
//> outer caught 7
//> rethrown: first again
//> count 20 i 3
//> handler still right: after loop
//> guarded 50 -1
//> math: division by zero
//> null call caught
//> end
