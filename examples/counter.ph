// Counts forever, one number every 100 ms. Each number is committed before it is printed,
// so after a crash (kill -9 it, then `phantom boot --image counter.img`) the count carries
// on from the last number printed: it never starts over and never skips one.
package .examples;

class counter
{
    var count : int;

    void run(var boot : .internal.boot) [8]
    {
        while (1) {
            count = count + 1;
            boot.commit();
            boot.consolePrint("" + count + "\n");
            boot.sleep(100);
        }
    }
};
