// Threads: a producer and a consumer share a queue guarded by a mutex and a condition;
// the main thread sleeps until both are done.
package .test;

import .internal.mutex;
import .internal.cond;

class queue
{
    var lock : .internal.mutex;
    var ready : .internal.cond;
    var items : int[];
    var head : int;
    var tail : int;
    var done : int;

    void queue() { lock = new .internal.mutex(); ready = new .internal.cond(); items = new int[](); }

    void put(var v : int)
    {
        lock.lock();
        items[tail] = v;
        tail++;
        ready.signal();
        lock.unlock();
    }

    int take()
    {
        var v : int;
        lock.lock();
        while (head == tail) ready.wait(lock);
        v = items[head];
        head++;
        lock.unlock();
        return v;
    }

    void finish() { lock.lock(); done++; lock.unlock(); }
    int finished() { return done; }
};

class producer
{
    var q : queue;
    var boot;
    void producer(var queue : queue, var b) { q = queue; boot = b; }
    void run(var parent) [8]
    {
        for (var i : int = 1; i <= 100; i++) { q.put(i); if (i % 10 == 0) boot.21(1); }
        q.put(0);
        q.finish();
    }
};

class consumer
{
    var q : queue;
    var boot;
    void consumer(var queue : queue, var b) { q = queue; boot = b; }
    void run(var parent) [8]
    {
        var sum : int;
        var v : int;
        do { v = q.take(); sum += v; } while (v != 0);
        boot.16("consumer sum " + sum + "\n");
        q.finish();
    }
};

class threads
{
    void run(var boot) [8]
    {
        var q : queue;
        q = new queue();
        boot.18(new consumer(q, boot));
        boot.18(new producer(q, boot));
        while (q.finished() < 2) boot.21(5);
        boot.16("both done\n");
    }
};
//> consumer sum 5050
//> both done
