// A runaway program: it keeps everything it makes. In a bounded heap it gets the catchable
// exception, lets go of what it made, and says so; then it does it again.
package .test;

class runaway
{
    var kept : string[];

    void hoard()
    {
        kept = new string[]();
        for (var i : int = 0; i < 100000000; i++) kept[i] = "some text that takes room " + i;
    }

    void run(var boot : .internal.boot) [8]
    {
        for (var round : int = 1; round <= 3; round++) {
            try { hoard(); }
            catch (string e) {
                kept = null;
                boot.consolePrint("round " + round + ": " + e + "\n");
            }
        }
        boot.consolePrint("done\n");
    }
};
