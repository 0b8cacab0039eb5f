// print(object) runs the object's toString as ordinary bytecode, not nested in the native:
// so toString may block (here it sleeps and takes a mutex another thread holds a while).
//> before
//> slept and locked
//> after
package .t;

import .internal.mutex;

class sleepy
{
    var boot : .internal.boot;
    var lock : .internal.mutex;

    void sleepy(var b : .internal.boot, var m : .internal.mutex) { boot = b; lock = m; }

    string toString() [5]
    {
        boot.sleep(20);
        lock.lock();
        lock.unlock();
        return "slept and locked\n";
    }
};

class holder
{
    var lock : .internal.mutex;
    var boot : .internal.boot;

    void holder(var m : .internal.mutex, var b : .internal.boot) { lock = m; boot = b; }

    void run(var ignored) [8]
    {
        lock.lock();
        boot.sleep(50);
        lock.unlock();
    }
};

class print_blocking
{
    void run(var boot) [8]
    {
        var m : .internal.mutex;
        m = new .internal.mutex();
        boot.startThread(new holder(m, boot));
        boot.16("before\n");
        boot.16(new sleepy(boot, m));
        boot.16("after\n");
    }
};
