// Arrays grow when written past their end; elements are objects; foreach walks them.
package .test;

class arrays
{
    var boot;
    var names : string[];

    void say(var s) { boot.16(s); boot.16("\n"); }

    void run(var b) [8]
    {
        var a : int[];
        var v : void[];
        var i : int;
        var sum : int;
        boot = b;
        a = new int[]();
        a[3] = 30;          // out of order: slots 0-2 are null until written
        a[0] = 0;
        a[1] = 10;
        a[2] = 20;
        say("size " + a.size());
        sum = 0;
        for (i = 0; i < a.size(); i++) sum += a[i];
        say("sum " + sum);
        a[1] += 5;
        a[2]++;
        say("a1 " + a[1] + " a2 " + a[2] + " post " + a[2]++ + " now " + a[2]);
        names = new string[]();
        names[0] = "zero";
        names[1] = "one";
        foreach (n in names) say("name " + n);
        v = new void[]();
        v[0] = "text";
        v[1] = 42;
        v[2] = names;
        say("mixed " + v[0] + " " + v[1] + " " + v.size());
        sum = 0;
        for (i = 0; i < 1000; i++) a[i] = i;
        foreach (x in a) sum = sum + x;
        say("big " + a.size() + " " + sum);
        try { say("" + a[5000]); } catch (string e) { say("caught: " + e); }
    }
};
//> size 4
//> sum 60
//> a1 15 a2 21 post 21 now 22
//> name zero
//> name one
//> mixed text 42 3
//> big 1000 499500
//> caught: array index 5000 out of range (size 1000)
