// Prints its arguments (boot.getArguments(), read afresh every round) after committing each
// round, so a restarted image shows what the image kept, not what a variable held.
package .test;

class arguments
{
    var round : int;

    void run(var boot : .internal.boot) [8]
    {
        var line : string;
        while (1) {
            round++;
            boot.commit();
            line = "" + round;
            foreach (a in boot.getArguments()) line = line + " [" + a + "]";
            boot.consolePrint(line + "\n");
            boot.sleep(10);
        }
    }
};
