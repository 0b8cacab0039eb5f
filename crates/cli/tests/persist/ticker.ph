// Counts every 20 ms without ever committing: only snapshots it does not ask for save it.
package .test;

class ticker
{
    var count : int;

    void run(var boot : .internal.boot) [8]
    {
        while (1) {
            count++;
            boot.consolePrint("" + count + "\n");
            boot.sleep(20);
        }
    }
};
