// Tetris in a window, played from the keyboard in the browser. Like everything else it lives
// in the image: kill it in the middle of a game, boot it, and the game goes on.
//
//   phantom run examples/tetris.ph --image tetris.img --display 8080
//   (open the address it prints; kill -9 it; phantom boot --image tetris.img --display 8080)
//
// Keys: left and right arrows move, up arrow (or X) turns clockwise, Z turns the other way,
// down arrow drops one row, space drops to the bottom, P pauses, R starts a new game once
// one is over. Every cleared line scores, more for several at once; every ten lines the
// pieces fall faster.
package .examples;

import .internal.window;
import .internal.time;

class tetris
{
    var boot : .internal.boot;
    var w : .internal.window;
    var clock : .internal.time;
    // The well, row 0 at the top: 0 is empty, 1 to 7 the colour of a settled piece's cell.
    var board : int[];
    // The seven pieces, each as 16 characters: a 4 by 4 box, row by row, 'X' for a cell.
    var shapes : string[];
    var colors : int[];
    // The falling piece: which, its turn (0-3), and where its box's top-left corner is.
    var piece : int;
    var turn : int;
    var px : int;
    var py : int;
    var next : int;
    var seed : int;
    var score : int;
    var lines : int;
    var level : int;
    var over : int;
    var paused : int;

    int columns() { return 10; }
    int rows() { return 20; }
    int cell() { return 24; }
    int panel() { return 150; }

    void run(var b : .internal.boot) [8]
    {
        var e : .internal.ui.event;
        var due : long;
        var now : long;
        var wait : long;
        boot = b;
        clock = new .internal.time();
        shapes = new string[]();
        shapes[0] = "....XXXX........";
        shapes[1] = "X...XXX.........";
        shapes[2] = "..X.XXX.........";
        shapes[3] = ".XX..XX.........";
        shapes[4] = ".XX.XX..........";
        shapes[5] = ".X..XXX.........";
        shapes[6] = "XX...XX.........";
        colors = new int[]();
        colors[0] = 0xFF101018;
        colors[1] = 0xFF00C8F0;
        colors[2] = 0xFF2050F0;
        colors[3] = 0xFFF09020;
        colors[4] = 0xFFF0E020;
        colors[5] = 0xFF30D040;
        colors[6] = 0xFFA040F0;
        colors[7] = 0xFFF03030;
        seed = clock.seconds();
        w = new .internal.window();
        w.setWinSize(columns() * cell() + panel(), rows() * cell());
        w.setWinPosition(200, 120);
        w.setTitle("Tetris");
        w.setAutoUpdate(0);
        newGame();
        boot.consolePrint("tetris: ready\n");
        due = clock.millis() + interval();
        while (1)
        {
            now = clock.millis();
            wait = due - now;
            if (paused || over) wait = -1;
            if (wait < 0 && paused == 0 && over == 0) wait = 0;
            e = w.nextEvent(wait);
            if (e == null)
            {
                if (paused == 0 && over == 0) fall();
                due = clock.millis() + interval();
            }
            else if (e.kind() == 1)
            {
                key(e.code());
                if (paused || over) due = clock.millis() + interval();
            }
        }
    }

    // Milliseconds between rows: 800 at level 0, less by 70 a level, never below 100.
    int interval()
    {
        var ms : int;
        ms = 800 - level * 70;
        if (ms < 100) ms = 100;
        return ms;
    }

    int random(var n : int)
    {
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF;
        return (seed / 65536) % n;
    }

    void newGame()
    {
        board = new int[]();
        for (var i : int = 0; i < columns() * rows(); i++) board[i] = 0;
        score = 0;
        lines = 0;
        level = 0;
        over = 0;
        paused = 0;
        next = random(7);
        spawn();
        drawAll();
    }

    // The next piece enters at the top; if it has no room, the game is over.
    void spawn()
    {
        piece = next;
        next = random(7);
        turn = 0;
        px = 3;
        py = 0;
        if (!fits(piece, turn, px, py))
        {
            over = 1;
            boot.consolePrint("tetris: game over, score " + score + "\n");
        }
    }

    // The side of a piece's turning box: 4 for the bar, 2 for the square, 3 for the rest.
    int boxSize(var p : int)
    {
        if (p == 0) return 4;
        if (p == 3) return 2;
        return 3;
    }

    // Whether the piece's box cell (x, y), after `t` quarter turns clockwise, is filled.
    int filled(var p : int, var t : int, var x : int, var y : int)
    {
        var n : int;
        var sx : int;
        var sy : int;
        var k : int;
        var tmp : int;
        n = boxSize(p);
        if (x >= n || y >= n) return 0;
        sx = x;
        sy = y;
        // Undo the turns: the cell a quarter turn clockwise moves to (x, y) came from (y, n-1-x).
        for (k = 0; k < t; k++)
        {
            tmp = sx;
            sx = sy;
            sy = n - 1 - tmp;
        }
        if (p == 3) { sx = sx + 1; }
        return shapes[p].charAt(sy * 4 + sx) == 'X';
    }

    int fits(var p : int, var t : int, var x : int, var y : int)
    {
        var cx : int;
        var cy : int;
        for (var j : int = 0; j < 4; j++)
        {
            for (var i : int = 0; i < 4; i++)
            {
                if (filled(p, t, i, j))
                {
                    cx = x + i;
                    cy = y + j;
                    if (cx < 0 || cx >= columns() || cy >= rows()) return 0;
                    if (cy >= 0 && board[cy * columns() + cx] != 0) return 0;
                }
            }
        }
        return 1;
    }

    void key(var code : int)
    {
        if (over)
        {
            if (code == 82) newGame();
            return;
        }
        if (code == 80)
        {
            paused = !paused;
            drawPanel();
            w.update();
            return;
        }
        if (paused) return;
        if (code == 37) move(-1, 0, 0);
        if (code == 39) move(1, 0, 0);
        if (code == 38 || code == 88) turnPiece(1);
        if (code == 90) turnPiece(3);
        if (code == 40)
        {
            if (move(0, 1, 0)) score = score + 1;
            else fall();
        }
        if (code == 32)
        {
            while (move(0, 1, 0)) score = score + 2;
            fall();
        }
    }

    // Turning against a wall shifts the piece sideways a little if that makes room.
    void turnPiece(var quarter : int)
    {
        var t : int;
        t = (turn + quarter) % 4;
        if (fits(piece, t, px, py)) { place(t, px, py); return; }
        if (fits(piece, t, px - 1, py)) { place(t, px - 1, py); return; }
        if (fits(piece, t, px + 1, py)) { place(t, px + 1, py); return; }
        if (fits(piece, t, px + 2, py)) { place(t, px + 2, py); return; }
        if (fits(piece, t, px - 2, py)) { place(t, px - 2, py); return; }
    }

    int move(var dx : int, var dy : int, var unused : int)
    {
        if (!fits(piece, turn, px + dx, py + dy)) return 0;
        place(turn, px + dx, py + dy);
        return 1;
    }

    // Moves the falling piece, repainting only the cells it leaves and takes.
    void place(var t : int, var x : int, var y : int)
    {
        drawPiece(0);
        turn = t;
        px = x;
        py = y;
        drawPiece(piece + 1);
        w.update();
    }

    // One row down, or, if it cannot go further, the piece settles, full rows go and the
    // next piece comes.
    void fall()
    {
        var cleared : int;
        if (move(0, 1, 0)) return;
        for (var j : int = 0; j < 4; j++)
        {
            for (var i : int = 0; i < 4; i++)
            {
                if (filled(piece, turn, i, j) && py + j >= 0) board[(py + j) * columns() + px + i] = piece + 1;
            }
        }
        cleared = clearRows();
        if (cleared > 0)
        {
            lines = lines + cleared;
            if (cleared == 1) score = score + 100 * (level + 1);
            if (cleared == 2) score = score + 300 * (level + 1);
            if (cleared == 3) score = score + 500 * (level + 1);
            if (cleared == 4) score = score + 800 * (level + 1);
            level = lines / 10;
            boot.consolePrint("tetris: " + cleared + " lines, score " + score + "\n");
        }
        spawn();
        drawAll();
    }

    int clearRows()
    {
        var cleared : int;
        var full : int;
        var y : int;
        y = rows() - 1;
        while (y >= 0)
        {
            full = 1;
            for (var x : int = 0; x < columns(); x++) if (board[y * columns() + x] == 0) full = 0;
            if (full)
            {
                cleared = cleared + 1;
                for (var r : int = y; r > 0; r--)
                {
                    for (var x : int = 0; x < columns(); x++) board[r * columns() + x] = board[(r - 1) * columns() + x];
                }
                for (var x : int = 0; x < columns(); x++) board[x] = 0;
            }
            else y = y - 1;
        }
        return cleared;
    }

    // A cell of the well, with (0, 0) at the top left: the window's y runs up from its bottom.
    void drawCell(var x : int, var y : int, var c : int)
    {
        var top : int;
        top = (rows() - y) * cell();
        w.setFg(colors[0]);
        w.fillBox(x * cell(), top - cell(), cell(), cell());
        if (c != 0)
        {
            w.setFg(colors[c]);
            w.fillBox(x * cell() + 1, top - cell() + 1, cell() - 2, cell() - 2);
        }
    }

    void drawPiece(var c : int)
    {
        for (var j : int = 0; j < 4; j++)
        {
            for (var i : int = 0; i < 4; i++)
            {
                if (filled(piece, turn, i, j) && py + j >= 0) drawCell(px + i, py + j, c);
            }
        }
    }

    void drawAll()
    {
        for (var y : int = 0; y < rows(); y++)
        {
            for (var x : int = 0; x < columns(); x++) drawCell(x, y, board[y * columns() + x]);
        }
        if (!over) drawPiece(piece + 1);
        drawPanel();
        w.update();
    }

    void drawPanel()
    {
        var left : int;
        var height : int;
        left = columns() * cell();
        height = rows() * cell();
        w.setFg(0xFF303040);
        w.fillBox(left, 0, panel(), height);
        w.setBg(0xFF303040);
        w.setFg(0xFFFFFFFF);
        w.drawString(left + 12, height - 30, "Score " + score);
        w.drawString(left + 12, height - 50, "Lines " + lines);
        w.drawString(left + 12, height - 70, "Level " + level);
        w.drawString(left + 12, height - 100, "Next");
        for (var j : int = 0; j < 4; j++)
        {
            for (var i : int = 0; i < 4; i++)
            {
                if (filled(next, 0, i, j))
                {
                    w.setFg(colors[next + 1]);
                    w.fillBox(left + 20 + i * 16, height - 130 - j * 16, 15, 15);
                }
            }
        }
        if (over) w.drawString(left + 12, 60, "Game over: R");
        if (paused) w.drawString(left + 12, 60, "Paused");
    }
};
