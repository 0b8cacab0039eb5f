// Strings: literals, escapes, concatenation, the string class's methods, equality.
package .test;

class strings
{
    var boot;

    void say(var s) { boot.16(s); boot.16("\n"); }

    void run(var b) [8]
    {
        var s : string;
        var t : string;
        var n : int;
        boot = b;
        s = "Hello";
        t = s.concat(", world");
        say(t);
        say("length " + t.length() + ", char " + t.charAt(1) + ", find " + t.strstr("world") + " " + t.strstr("xyz"));
        say("sub '" + t.substring(7, 5) + "'");
        say("tab\tquote\" backslash\\ done");
        n = "1234".toInt() + 1;
        say("toInt " + n);
        // == compares values, :== compares references.
        say("eq " + (s == "Hello") + (s != "Hello") + (s == t) + ("ab" + "c" == "abc"));
        say("same " + (s :== s) + (s :!= s));
        s = null;
        say("null test " + (s == null) + (t == null) + (null :== s));
        s = "";
        for (n = 0; n < 5; n++) s = s + n;
        say("built " + s);
        s += "!";
        say(s + " " + 1.5 + " " + 10000000000L);
        say("multi
line");
    }
};
//> Hello, world
//> length 12, char 101, find 7 -1
//> sub 'world'
//> tab	quote" backslash\ done
//> toInt 1235
//> eq 1001
//> same 10
//> null test 101
//> built 01234
//> 01234! 1.500000 10000000000
//> multi
//> line
