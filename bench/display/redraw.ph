// Draws as fast as it can: `full` repaints the whole 400x300 window each frame (a fill in a
// new colour), `sprite` moves a 20x20 box one pixel a frame across it (two small damaged
// rectangles: where it was, where it is). Each frame ends with update(). Then it waits for
// the display to have sent everything (a sleep), prints "frames N ms M" and ends.
//   phantom run bench/display/redraw.ph [--display ADDR] -- full|sprite FRAMES
package .bench;

import .internal.time;

class redraw
{
    void run(var boot) [8]
    {
        var args : string[];
        var w : .internal.window;
        var clock : .internal.time;
        var frames : int;
        var start : long;
        var x : int;
        var sprite : int;
        args = boot.getArguments();
        sprite = args[0] == "sprite";
        frames = args[1].toInt();
        clock = new .internal.time();
        w = new .internal.window();
        w.setWinSize(400, 300);
        w.setAutoUpdate(0);
        w.setFg(0xFF202020);
        w.fillBox(0, 0, 400, 300);
        w.update();
        // Time for a display client to connect.
        boot.sleep(1500);
        start = clock.millis();
        for (var i : int = 0; i < frames; i++)
        {
            if (sprite)
            {
                x = i % 380;
                w.setFg(0xFF202020);
                w.fillBox(x, 140, 1, 20);
                w.setFg(0xFFF0C000);
                w.fillBox(x + 1, 140, 20, 20);
            }
            else
            {
                w.setFg(0xFF000000 + (i * 2654435) % 0x1000000);
                w.fillBox(0, 0, 400, 300);
            }
            w.update();
        }
        boot.consolePrint("frames " + frames + " ms " + (clock.millis() - start) + "\n");
        boot.sleep(500);
    }
};
