// Control flow: if/else, while, do/while with a post statement, for, switch, break, continue.
package .test;

class flow
{
    var boot;

    void say(var s) { boot.16(s); boot.16("\n"); }

    void run(var b) [8]
    {
        var i : int;
        var j : int;
        var total : int;
        boot = b;

        if (1) {} else { say("wrong"); }
        if (0) { say("wrong"); } else {}
        if (2 > 1) say("if: yes"); else say("if: no");
        if (2 < 1) say("if: yes"); else say("if: no");

        i = 0; total = 0;
        while (i < 10) { i = i + 1; if (i % 2 == 0) continue; if (i > 7) break; total = total + i; }
        say("while: " + total);

        // The original's do/while: body, test, then the post statement, then again.
        i = 3; j = 0;
        do { j = j + 1; } while (i) i = i - 1;
        say("do: " + j + " " + i);

        i = 0;
        do { i = i + 5; } while (i < 12);
        say("do2: " + i);

        total = 0;
        for (var k : int = 0; k < 5; k++) total += k;
        say("for: " + total);

        for (i = 0; i < 4; i++) {
            switch (i) {
                case 0: say("zero"); break;
                case 1:
                case 2: say("one or two"); break;
                default: say("other");
            }
        }
        // No default: a value matching no case skips the switch.
        switch (9) { case 1: say("one"); }
        // Falling through from one case into the next.
        switch (1) { case 1: say("fell"); case 2: say("through"); break; case 3: say("no"); }
        // Switch on strings compares with equals.
        switch ("b" + "c") { case "bc": say("string case"); break; default: say("no"); }
        // break and continue inside a switch inside a loop.
        total = 0;
        for (i = 0; i < 6; i++) { switch (i) { case 2: continue; case 4: break; } total += i; }
        say("switch in loop: " + total);
        // Nested loops with break.
        total = 0;
        for (i = 0; i < 3; i++) { for (j = 0; j < 100; j++) { if (j == 2) break; total++; } }
        say("nested: " + total);
        say("done");
    }
};
//> if: yes
//> if: no
//> while: 16
//> do: 4 0
//> do2: 15
//> for: 10
//> zero
//> one or two
//> one or two
//> other
//> fell
//> through
//> string case
//> switch in loop: 13
//> nested: 6
//> done
