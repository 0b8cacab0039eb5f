// Tellers move money between accounts, each transfer under the two accounts' mutexes (taken
// in index order). Every 5 transfers a teller commits and acknowledges how many it has made.
// An auditor takes every mutex and prints the total, which must never change.
package .test;

import .internal.mutex;

class accounts
{
    var balance : int[];
    var locks : .internal.mutex[];
    var size : int;

    void accounts(var n : int)
    {
        size = n;
        balance = new int[]();
        locks = new .internal.mutex[]();
        for (var i : int = 0; i < n; i++) { balance[i] = 1000; locks[i] = new .internal.mutex(); }
    }

    void transfer(var from : int, var to : int, var amount : int)
    {
        var first : int;
        var second : int;
        first = from < to ? from : to;
        second = from < to ? to : from;
        locks[first].lock();
        locks[second].lock();
        if (balance[from] >= amount) {
            balance[from] = balance[from] - amount;
            balance[to] = balance[to] + amount;
        }
        locks[second].unlock();
        locks[first].unlock();
    }

    int count() { return size; }

    int total()
    {
        var sum : int;
        for (var i : int = 0; i < size; i++) locks[i].lock();
        for (var i : int = 0; i < size; i++) sum += balance[i];
        for (var i : int = size - 1; i >= 0; i--) locks[i].unlock();
        return sum;
    }
};

class teller
{
    var bank : accounts;
    var name : int;
    var seed : int;
    var done : int;
    var boot : .internal.boot;

    void teller(var b : accounts, var n : int, var bo : .internal.boot) { bank = b; name = n; seed = n * 7919 + 1; boot = bo; }

    int next(var bound : int)
    {
        seed = seed * 1103515245 + 12345;
        return ((seed >> 8) & 65535) % bound;
    }

    void run(var parent) [8]
    {
        var from : int;
        var n : int;
        n = bank.count();
        while (1) {
            from = next(n);
            bank.transfer(from, (from + 1 + next(n - 1)) % n, next(300));
            done++;
            if (done % 5 == 0) {
                boot.commit();
                boot.consolePrint("ack " + name + " " + done + "\n");
            }
        }
    }
};

class bank
{
    void run(var boot : .internal.boot) [8]
    {
        var b : accounts;
        b = new accounts(8);
        for (var t : int = 0; t < 4; t++) boot.startThread(new teller(b, t, boot));
        while (1) {
            boot.consolePrint("total " + b.total() + "\n");
            boot.sleep(20);
        }
    }
};
