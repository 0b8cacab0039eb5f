// long, float and double: locals on the integer stack, fields boxed, conversions, comparisons.
package .test;

import .internal.long;
import .internal.double;

class numeric
{
    var boot;
    var lf : .internal.long;
    var df : double;

    void say(var s) { boot.16(s); boot.16("\n"); }

    .internal.double half(var x : double) { return x / 2; }

    void run(var b) [8]
    {
        var l : .internal.long;
        var m : long;
        var f : .internal.float;
        var d : .internal.double;
        var i : int;
        boot = b;
        l = 3000000000L;
        m = l * 4;
        say("long: " + l + " " + m + " " + (m / 7) + " " + (m % 7) + " " + (m > l) + " " + -l);
        i = 7;
        m = i;              // int to long
        say("widen: " + (m + 1) + " " + (l + i));
        f = 1.5f;
        d = 2.25;
        say("float: " + (f * 2) + " double: " + (d * 2) + " mixed: " + (f + d));
        say("convert: " + (int) 3.99 + " " + (int) -3.99 + " " + (long) 2.5e10 + " " + (double) 1 / 4);
        say("compare: " + (d > f) + (d < f) + (1.0 == 1.0) + (0.5 == 0.25) + (l == 3000000000L) + (l == 3000000001L));
        // Values closer than 1.0 are not equal (the original truncated the difference).
        say("close: " + (1.5 == 1.25) + (1.5 != 1.25));
        lf = l + 1;
        df = d;
        lf += 10;
        say("fields: " + lf + " " + df + " " + half(df) + " " + half(3));
        // A long difference of 2^32 is not zero.
        say("big: " + (4294967296L == 0L) + " " + (4294967296L != 0L));
        if (l) say("long is true");
        if (0.0) say("no"); else say("zero double is false");
        say("minmax: " + 9223372036854775807L + " " + (-9223372036854775807L - 1));
    }
};
//> long: 3000000000 12000000000 1714285714 2 1 -3000000000
//> widen: 8 3000000007
//> float: 3.000000 double: 4.500000 mixed: 3.750000
//> convert: 3 -3 25000000000 0.250000
//> compare: 101010
//> close: 01
//> fields: 3000000011 2.250000 1.125000 1.500000
//> big: 0 1
//> long is true
//> zero double is false
//> minmax: 9223372036854775807 -9223372036854775808
//? the cast applies only to this operand
