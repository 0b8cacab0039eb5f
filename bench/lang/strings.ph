package .bench;
class strings
{
    void run(var boot) [8]
    {
        var total : int;
        for (var i : int = 0; i < 1000000; i++) total += ("x" + i).length();
        boot.16("" + total + "\n");
    }
};
