// Our regression test: exercises every language feature and prints a transcript; a failure
// throws a string naming the check.
package .phantom;

import .internal.directory;
import .internal.long;
import .internal.double;
import .phantom.util.map;
import .phantom.util.hashmap;

class regress_base
{
    var level : int;
    void regress_base() { level = 1; }
    string name() { return "base"; }
    int depth() { return level; }
};

class regress_middle extends regress_base { };

class regress_leaf extends regress_middle
{
    var extra : int;
    void regress_leaf() { level = level + 1; extra = 5; }
    void regress_leaf(var e : int) { level = level + 10; extra = e; }
    string name() { return "leaf"; }
    int getExtra() { return extra; }
};

class regress
{
    var boot;
    var checks : int;

    void check(var what : string, var ok : int)
    {
        checks++;
        if (!ok) throw "FAILED: " + what;
        boot.16("  ok " + what + "\n");
    }

    string kind(var x : int) { return "int"; }
    string kind(var x : string) { return "string"; }

    int thrower(var n : int) { if (n > 2) throw "deep " + n; return thrower(n + 1); }

    void flow()
    {
        var i : int;
        var j : int;
        var s : string;
        i = 0; j = 0;
        while (i < 10) { i++; if (i % 3 == 0) continue; if (i == 8) break; j += i; }
        check("while, break, continue", j == 1 + 2 + 4 + 5 + 7);
        i = 2; j = 0;
        do { j++; } while (i) i--;
        check("do/while with a post statement", j == 3 && i == 0);
        j = 0;
        for (i = 0; i < 5; i++) j = j + i;
        check("for", j == 10);
        s = "";
        for (i = 0; i < 4; i++) {
            switch (i) { case 0: s = s + "a"; break; case 1: case 2: s = s + "b"; break; default: s = s + "c"; }
        }
        switch (99) { case 1: s = "wrong"; }
        check("switch with and without default", s == "abbc");
        if (1) {} else { check("empty if branch", 0); }
        check("conditional expression", (j > 5 ? "big" : "small") == "big");
    }

    void numbers()
    {
        var a : int;
        var l : .internal.long;
        var d : .internal.double;
        var f : float;
        a = 7;
        check("arithmetic", a * 3 - 4 / 2 + 10 % 4 == 21);
        check("negative division", -7 / 2 == -3 && -7 % 2 == -1 && -a == 0 - 7);
        check("bitwise and shifts", (6 & 3) == 2 && (6 | 3) == 7 && (6 ^ 3) == 5 && (1 << 5) == 32 && ~0 == -1);
        check("octal, hex and char literals", 010 == 8 && 0xFF == 255 && 'a' == 97);
        check("comparisons", (a > 6) + (a < 6) + (a >= 7) + (a <= 7) + (a != 7) == 3);
        check("logic", (1 && 0) == 0 && (1 || 0) == 1 && (!0) == 1);
        a += 3; a *= 2; a -= 1; a /= 3; a++; ++a; a--;
        check("compound assignment and steps", a == 7);
        l = 5000000000L;
        l = l * 2 + a;
        check("long arithmetic", l == 10000000007L && l > 2147483647);
        d = 1.5;
        d = d * 4 / 3;
        check("double arithmetic", d == 2.0 && d > 1.99 && d < 2.01);
        f = 0.5f;
        check("float and conversions", f * 4 == 2 && ((int) 3.7) == 3 && ((long) a) == 7L);
        check("mixed int and double", a / 2.0 == 3.5);
    }

    void objects()
    {
        var leaf : regress_leaf;
        var base : regress_base;
        var m : .phantom.util.map;
        var h : .phantom.util.hashmap;
        var dir : .internal.directory;
        leaf = new regress_leaf();
        check("constructors chained through a class without fields", leaf.depth() == 2 && leaf.getExtra() == 5);
        leaf = new regress_leaf(9);
        check("constructor with an argument", leaf.depth() == 11 && leaf.getExtra() == 9);
        base = leaf;
        check("overriding", base.name() == "leaf" && new regress_middle().name() == "base");
        check("overloads by static type", kind(1) == "int" && kind("x") == "string");
        check("instanceof and casts", (base instanceof regress_leaf) && ((regress_leaf) base).getExtra() == 9);
        check("reference comparison", base :== leaf && base :!= new regress_base());
        m = new .phantom.util.map();
        m.put("one", 1);
        m.put("two", 2);
        m.put("one", 11);
        check("map", m.size() == 2 && m.get("one") == 11 && m.get("three") == null);
        h = new .phantom.util.hashmap();
        for (var i : int = 0; i < 100; i++) h.put("k" + i, i * i);
        h.remove("k3");
        check("hashmap", h.size() == 99 && h.get("k9") == 81 && !h.has("k3") && h.keys().size() == 99);
        dir = new .internal.directory();
        dir.put("x", "y");
        check("directory", dir.get("x") == "y" && dir.size() == 1);
    }

    void arrays()
    {
        var a : int[];
        var s : string[];
        var total : int;
        a = new int[]();
        a[4] = 4;
        a[0] = 0; a[1] = 1; a[2] = 2; a[3] = 3;
        a[1] += 10;
        foreach (x in a) total = total + x;
        check("arrays grow on write; foreach", a.size() == 5 && total == 20 && a[1] == 11);
        s = new string[]();
        s[0] = "a"; s[1] = "b";
        check("string arrays", s[0] + s[1] == "ab");
    }

    void strings()
    {
        var s : string;
        s = "Phantom";
        check("string methods", s.length() == 7 && s.charAt(0) == 'P' && s.substring(1, 3) == "han"
            && s.strstr("tom") == 4 && s.concat("!") == "Phantom!");
        check("string +", "n=" + 5 + "," + 2.5 == "n=5,2.500000");
        check("string to number", "42".toInt() == 42);
        check("escapes", "a\tb\n".length() == 4);
    }

    void exceptions()
    {
        var caught : string;
        try { thrower(0); } catch (string e) { caught = e; }
        check("exceptions through frames", caught == "deep 3");
        caught = "";
        for (var i : int = 0; i < 3; i++) { try { if (i == 1) break; } catch (string e) { caught = "wrong"; } }
        try { throw "later"; } catch (string e) { caught = caught + e; }
        check("break out of try", caught == "later");
        try { caught = "" + 1 / 0; } catch (string e) { caught = e; }
        check("division by zero throws", caught == "division by zero");
    }

    void run(var b) [8]
    {
        boot = b;
        checks = 0;
        boot.16("regression tests\n");
        flow();
        numbers();
        objects();
        arrays();
        strings();
        exceptions();
        boot.16("all " + checks + " checks passed\n");
    }
};
