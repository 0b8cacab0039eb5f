// Starts several threads that add to one counter under a mutex, waits for them on a
// condition, and reports the total: a small tour of threads, mutexes and conditions.
package .phantom;

import .internal.mutex;
import .internal.cond;

class thread_demo_worker
{
    var demo : thread_demo;
    var id : int;
    var rounds : int;

    void thread_demo_worker(var d : thread_demo, var n : int, var r : int) { demo = d; id = n; rounds = r; }

    void run(var parent) [8]
    {
        for (var i : int = 0; i < rounds; i++) demo.add(1);
        demo.done(id);
    }
};

class thread_demo
{
    var lock : .internal.mutex;
    var finished : .internal.cond;
    var total : int;
    var running : int;
    var boot;

    void thread_demo(var b) { init(b); }

    // Also called by run: an instance made from a class object has had no constructor run.
    void init(var b) { boot = b; lock = new .internal.mutex(); finished = new .internal.cond(); }

    void add(var n : int) { lock.lock(); total = total + n; lock.unlock(); }

    void done(var id : int)
    {
        lock.lock();
        running--;
        boot.16("  worker " + id + " finished\n");
        finished.broadcast();
        lock.unlock();
    }

    // Runs `workers` threads of `rounds` increments each; returns the total they reached.
    int start(var workers : int, var rounds : int)
    {
        total = 0;
        running = workers;
        for (var i : int = 1; i <= workers; i++) boot.18(new thread_demo_worker(this, i, rounds));
        lock.lock();
        while (running > 0) finished.wait(lock);
        lock.unlock();
        return total;
    }

    void run(var b) [8]
    {
        var t : int;
        init(b);
        t = start(4, 1000);
        boot.16("thread demo: 4 threads x 1000 increments = " + t + "\n");
    }
};
