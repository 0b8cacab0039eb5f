// The console shell: reads commands from the terminal and runs them.
package .phantom;

import .internal.io.tty;
import .internal.time;

class shell
{
    var boot;
    var tty : .internal.io.tty;
    var running : int;

    void shell(var b) { boot = b; tty = new .internal.io.tty(); }

    void say(var s : string) { tty.putws(s); }

    // One line from the console without its end; null at the end of input.
    string readLine()
    {
        var line : string;
        var c : string;
        line = "";
        while (1) {
            c = tty.getwc();
            if (c.length() == 0) { if (line.length() == 0) return null; return line; }
            if (c == "\n") return line;
            if (c != "\r") line = line + c;
        }
        return line;
    }

    // The words of a line, split at spaces.
    string[] words(var line : string)
    {
        var out : string[];
        var word : string;
        var n : int;
        var c : int;
        out = new string[]();
        word = "";
        for (var i : int = 0; i <= line.length(); i++) {
            c = i < line.length() ? line.charAt(i) : ' ';
            if (c == ' ' || c == '\t') {
                if (word.length() > 0) { out[n] = word; n++; word = ""; }
            } else {
                word = word + line.substring(i, 1);
            }
        }
        return out;
    }

    void help()
    {
        say("commands:\n");
        say("  help              this list\n");
        say("  echo WORDS...     print the words\n");
        say("  time              milliseconds since 1970\n");
        say("  threads           run the thread demo\n");
        say("  regress           run the regression tests\n");
        say("  run CLASS         create CLASS and call its method 8 with the boot object\n");
        say("  exit              leave the shell\n");
    }

    void command(var w : string[])
    {
        var name : string;
        var c;
        var line : string;
        name = w[0];
        if (name == "help") { help(); return; }
        if (name == "echo") {
            line = "";
            for (var i : int = 1; i < w.size(); i++) line = line + (i > 1 ? " " : "") + w[i];
            say(line + "\n");
            return;
        }
        if (name == "time") { say("" + new .internal.time().millis() + "\n"); return; }
        if (name == "threads") { new thread_demo(boot).run(boot); return; }
        if (name == "regress") { new regress().run(boot); return; }
        if (name == "run") {
            if (w.size() < 2) { say("usage: run CLASS\n"); return; }
            c = boot.8(w[1]);
            (new *(c)()).8(boot);
            return;
        }
        if (name == "exit" || name == "quit") { running = 0; return; }
        say("unknown command '" + name + "'; try help\n");
    }

    void run(var parent) [8]
    {
        var line : string;
        var w : string[];
        running = 1;
        say("Phantom shell. Type help for commands.\n");
        while (running) {
            say("phantom> ");
            line = readLine();
            if (line :== null) { say("\n"); return; }
            w = words(line);
            if (w.size() > 0) {
                try { command(w); } catch (.internal.object e) { say("error: " + e + "\n"); }
            }
        }
    }
};
