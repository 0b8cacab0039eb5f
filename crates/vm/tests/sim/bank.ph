// The bank of crates/cli/tests/persist/bank.ph, made to finish, for the simulation test
// (crates/vm/tests/simulation.rs). Tellers move money between accounts, each transfer under
// the two accounts' mutexes (taken in index order); every account keeps a ledger of what left
// and reached it, updated in the same critical section, so a transfer that half happened shows.
// Every 5 transfers a teller commits and acknowledges how many it has made. The main thread
// prints the total now and then, and once every teller is done, the final audit.
package .test;

import .internal.mutex;

class accounts
{
    var balance : int[];
    var paid : int[];
    var received : int[];
    var moves : int[];
    var locks : .internal.mutex[];
    var size : int;
    var guard : .internal.mutex;
    var finished : int;

    void accounts(var n : int)
    {
        size = n;
        balance = new int[]();
        paid = new int[]();
        received = new int[]();
        moves = new int[]();
        locks = new .internal.mutex[]();
        guard = new .internal.mutex();
        for (var i : int = 0; i < n; i++) {
            balance[i] = 1000; paid[i] = 0; received[i] = 0; moves[i] = 0;
            locks[i] = new .internal.mutex();
        }
    }

    // 1 if the money moved, 0 if the payer had too little.
    int transfer(var from : int, var to : int, var amount : int)
    {
        var first : int;
        var second : int;
        var moved : int;
        first = from < to ? from : to;
        second = from < to ? to : from;
        locks[first].lock();
        locks[second].lock();
        if (balance[from] >= amount) {
            balance[from] = balance[from] - amount;
            paid[from] = paid[from] + amount;
            balance[to] = balance[to] + amount;
            received[to] = received[to] + amount;
            moves[from] = moves[from] + 1;
            moved = 1;
        }
        locks[second].unlock();
        locks[first].unlock();
        return moved;
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

    // Accounts whose ledger disagrees with their balance.
    int broken()
    {
        var bad : int;
        for (var i : int = 0; i < size; i++) locks[i].lock();
        for (var i : int = 0; i < size; i++) if (balance[i] != 1000 - paid[i] + received[i]) bad++;
        for (var i : int = size - 1; i >= 0; i--) locks[i].unlock();
        return bad;
    }

    int allMoves()
    {
        var sum : int;
        for (var i : int = 0; i < size; i++) locks[i].lock();
        for (var i : int = 0; i < size; i++) sum += moves[i];
        for (var i : int = size - 1; i >= 0; i--) locks[i].unlock();
        return sum;
    }

    void finish() { guard.lock(); finished++; guard.unlock(); }

    int finishedCount()
    {
        var n : int;
        guard.lock();
        n = finished;
        guard.unlock();
        return n;
    }
};

class teller
{
    var bank : accounts;
    var name : int;
    var seed : int;
    var done : int;
    var moved : int;
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
        while (done < 20) {
            from = next(n);
            moved += bank.transfer(from, (from + 1 + next(n - 1)) % n, next(600));
            done++;
            if (done % 5 == 0) {
                boot.commit();
                boot.consolePrint("ack " + name + " " + done + "\n");
            }
        }
        boot.consolePrint("done " + name + " " + moved + "\n");
        bank.finish();
    }
};

class bank
{
    void run(var boot : .internal.boot) [8]
    {
        var b : accounts;
        b = new accounts(6);
        for (var t : int = 0; t < 4; t++) boot.startThread(new teller(b, t, boot));
        while (b.finishedCount() < 4) {
            boot.consolePrint("total " + b.total() + "\n");
            boot.sleep(1);
        }
        boot.consolePrint("final " + b.total() + " " + b.broken() + " " + b.allMoves() + "\n");
    }
};
