// Integer arithmetic, comparisons, logic, literals and the operators we added.
package .test;

class arith
{
    var boot;
    var field : int;

    void say(var s) { boot.16(s); boot.16("\n"); }

    int side(var v : int) { say("side " + v); return v; }

    void run(var b) [8]
    {
        var a : int;
        var c : int;
        boot = b;
        a = 17; c = 5;
        say("" + (a + c) + " " + (a - c) + " " + (a * c) + " " + (a / c) + " " + (a % c));
        say("" + (0 - a) / c + " " + (0 - a) % c + " " + -a + " " + -(a + 1));
        say("" + (a | c) + " " + (a & c) + " " + (a ^ c) + " " + a~ + " " + ~c);
        say("" + (1 << 4) + " " + (-16 >> 2) + " " + (-16 >>> 28));
        say("" + 010 + " " + 0x1F + " " + 0xFFFFFFFF + " " + 'A' + " " + '\n');
        say("" + (a > c) + (a < c) + (a >= 17) + (a <= 16) + (a == 17) + (a != 17));
        say("" + (1 && 1) + (1 && 0) + (0 || 1) + (0 || 0) + !0 + !5);
        // && and || stop early.
        if (side(0) && side(1)) say("no");
        if (side(1) || side(2)) say("short");
        // Precedence as in C: * before +, comparison before &&.
        say("" + (2 + 3 * 4) + " " + (1 + 2 == 3 && 4 > 3));
        a = 1; a += 4; a -= 1; a *= 6; a /= 4; a %= 4; a <<= 3; a |= 1; a &= 0x1F;
        say("compound: " + a);
        a = 5;
        say("steps: " + a++ + " " + a + " " + ++a + " " + a-- + " " + --a);
        field = 7; field++; field += 10;
        say("field: " + field);
        a = c = 3;
        say("chain: " + a + c);
        say("cond: " + (a > 2 ? "big" : "small") + " " + (a > 5 ? 1 : 0));
        say("wrap: " + (2147483647 + 1) + " " + (-2147483648 / -1));
        say("int of field: " + (field * 2 + 1));
    }
};
//> 22 12 85 3 2
//> -3 -2 -17 -18
//> 21 1 20 -18 -6
//> 16 -4 15
//> 8 31 -1 65 10
//> 101010
//> 101010
//> side 0
//> side 1
//> short
//> 14 1
//> compound: 17
//> steps: 5 6 7 7 5
//> field: 18
//> chain: 33
//> cond: big 0
//> wrap: -2147483648 -2147483648
//> int of field: 37
