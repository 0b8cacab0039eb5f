// Counts as fast as commits allow: each number is committed before it is printed.
package .test;

class counter
{
    var count : int;

    void run(var boot : .internal.boot) [8]
    {
        while (1) {
            count++;
            boot.commit();
            boot.consolePrint("" + count + "\n");
        }
    }
};
