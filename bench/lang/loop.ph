package .bench;
class loop
{
    void run(var boot) [8]
    {
        var acc : int;
        for (var i : int = 0; i < 10000000; i++) acc = (acc + i) % 1000003;
        boot.16("" + acc + "\n");
    }
};
