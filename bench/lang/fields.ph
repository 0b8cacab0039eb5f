package .bench;
class counter
{
    var count : int;
    void bump() { count = count + 1; }
    int get() { return count; }
};
class fields
{
    void run(var boot) [8]
    {
        var c : counter;
        c = new counter();
        for (var i : int = 0; i < 3000000; i++) c.bump();
        boot.16("" + c.get() + "\n");
    }
};
