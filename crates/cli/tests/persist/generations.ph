// Counts, committing each number and printing it after the generation of the snapshot that
// holds it: "GENERATION COUNT". Booted from an older kept generation, the first line it
// prints carries the count that generation held.
package .test;

class generations
{
    var count : int;

    void run(var boot : .internal.boot) [8]
    {
        var g : int;
        while (1) {
            count = count + 1;
            g = boot.commit();
            boot.consolePrint("" + g + " " + count + "\n");
            boot.sleep(20);
        }
    }
};
