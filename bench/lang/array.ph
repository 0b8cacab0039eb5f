package .bench;
class sieve
{
    void run(var boot) [8]
    {
        var n : int = 2000000;
        var a : int[] = new int[]();
        for (var k : int = 0; k < n; k++) a[k] = 1;
        a[0] = 0;
        a[1] = 0;
        for (var i : int = 2; i * i < n; i++)
            if (a[i] == 1)
                for (var j : int = i * i; j < n; j += i) a[j] = 0;
        var count : int = 0;
        for (var m : int = 0; m < n; m++) count += a[m];
        boot.16("" + count + "\n");
    }
};
