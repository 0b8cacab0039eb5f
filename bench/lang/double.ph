package .bench;
class double_loop
{
    void run(var boot) [8]
    {
        var n : int = 10000000;
        var h : double = 1.0 / n;
        var sum : double = 0.0;
        var x : double;
        for (var i : int = 0; i < n; i++)
        {
            x = (i + 0.5) * h;
            sum = sum + 4.0 / (1.0 + x * x);
        }
        boot.16("" + sum + "\n");
    }
};
