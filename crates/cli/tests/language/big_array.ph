// A large array filled by index keeps every element across its many growths, and a write far
// past the end grows it in one step (slots in between stay null until written).
package .test;

class big_array
{
    void run(var boot) [8]
    {
        var n : int = 300000;
        var a : int[] = new int[]();
        for (var i : int = 0; i < n; i++) a[i] = i % 1000;
        var sum : int = 0;
        for (var i : int = 0; i < n; i++) sum += a[i];
        boot.16("size " + a.size() + " sum " + sum + " first " + a[0] + " last " + a[n - 1] + "\n");
        var b : int[] = new int[]();
        b[0] = 7;
        b[100000] = 9;
        b[50000] = 8;
        boot.16("sparse " + b.size() + " " + b[0] + " " + b[50000] + " " + b[100000] + "\n");
        try { boot.16("" + a[n] + "\n"); } catch (string e) { boot.16("caught: " + e + "\n"); }
    }
};
//> size 300000 sum 149850000 first 0 last 999
//> sparse 100001 7 8 9
//> caught: array index 300000 out of range (size 300000)
