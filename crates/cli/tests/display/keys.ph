package .t;
// A window that answers keys: every key pressed paints one more blue square along its
// bottom edge, then commits, so the squares are in the image before the test kills it.
class keys
{
    void run(var boot) [8]
    {
        var w : .internal.window;
        var e : .internal.ui.event;
        var n : int;
        w = new .internal.window();
        w.setWinPosition(50, 60);
        w.setWinSize(200, 100);
        w.setTitle("keys");
        w.setFg(0xFFFF0000);
        w.fillBox(0, 0, 200, 100);
        boot.commit();
        boot.consolePrint("drawn\n");
        n = 0;
        while (1)
        {
            e = w.nextEvent(-1);
            if (e.kind() == 1)
            {
                n = n + 1;
                w.setFg(0xFF0000FF);
                w.fillBox(n * 10, 0, 10, 10);
                boot.commit();
                boot.consolePrint("key " + e.code() + " square " + n + "\n");
            }
        }
    }
};
