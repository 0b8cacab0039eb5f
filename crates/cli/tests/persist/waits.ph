// Threads parked in every way at once: asleep until a wall-clock time, waiting on a cond
// (signalled by a thread that sleeps first), and blocked on console input. Each reports when
// it gets going again.
package .test;

import .internal.mutex;
import .internal.cond;
import .internal.io.tty;
import .internal.time;

class shared
{
    var lock : .internal.mutex;
    var ready : .internal.cond;
    var signalled : int;
    void shared() { lock = new .internal.mutex(); ready = new .internal.cond(); }

    void await()
    {
        lock.lock();
        while (signalled == 0) ready.wait(lock);
        lock.unlock();
    }

    void signal()
    {
        lock.lock();
        signalled = 1;
        ready.signal();
        lock.unlock();
    }
};

class sleeper
{
    var boot : .internal.boot;
    var until : long;
    void sleeper(var b : .internal.boot, var u : long) { boot = b; until = u; }
    void run(var p) [8]
    {
        var clock : .internal.time;
        clock = new .internal.time();
        boot.sleep(3000);
        if (clock.millis() >= until) boot.consolePrint("sleeper woke on time\n");
        else boot.consolePrint("sleeper woke early\n");
    }
};

class waiter
{
    var boot : .internal.boot;
    var s : shared;
    void waiter(var b : .internal.boot, var sh : shared) { boot = b; s = sh; }
    void run(var p) [8]
    {
        s.await();
        boot.consolePrint("waiter signalled\n");
    }
};

class signaller
{
    var boot : .internal.boot;
    var s : shared;
    void signaller(var b : .internal.boot, var sh : shared) { boot = b; s = sh; }
    void run(var p) [8]
    {
        boot.sleep(3000);
        s.signal();
    }
};

class reader
{
    var boot : .internal.boot;
    void reader(var b : .internal.boot) { boot = b; }
    void run(var p) [8]
    {
        var tty : .internal.io.tty;
        tty = new .internal.io.tty();
        boot.consolePrint("reader got " + tty.getwc() + "\n");
    }
};

class waits
{
    void run(var boot : .internal.boot) [8]
    {
        var s : shared;
        var clock : .internal.time;
        clock = new .internal.time();
        s = new shared();
        boot.startThread(new sleeper(boot, clock.millis() + 3000));
        boot.startThread(new waiter(boot, s));
        boot.startThread(new signaller(boot, s));
        boot.startThread(new reader(boot));
        boot.sleep(200);
        boot.commit();
        boot.consolePrint("all parked\n");
    }
};
