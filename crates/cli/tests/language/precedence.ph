// Where the original grammar grouped operators differently, the compiler warns; the program
// means what C-like precedence says.
package .test;

class precedence
{
    void run(var boot) [8]
    {
        var a : int;
        a = 2 + 3 & 1;
        boot.16("" + a + "\n");
        a = 1 || 0 && 0;
        boot.16("" + a + "\n");
        a = !0 && 0;
        boot.16("" + a + "\n");
        a = (2 + 3) & 1;
        boot.16("" + a + "\n");
    }
};
//> 1
//> 1
//> 0
//> 1
//? `+` here groups differently in the original Phantom compiler
//? `&&` here groups differently in the original Phantom compiler
//? `!` applies only to this operand
