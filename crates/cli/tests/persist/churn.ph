// A live list of 1,000 cells survives while each round makes about 10 MB of garbage, so the
// collector runs every few rounds, before and after restarts: it sweeps heaps restored from
// snapshots taken in the middle of allocation. Each round's sum is committed before it is
// printed.
package .test;

class cell
{
    var value : int;
    var next : cell;

    void cell(var v : int, var n : cell) { value = v; next = n; }
    int getValue() { return value; }
    cell getNext() { return next; }
};

class churn
{
    var head : cell;
    var round : int;

    void run(var boot : .internal.boot) [8]
    {
        var c : cell;
        var s : string;
        var sum : int;
        for (var i : int = 1; i <= 1000; i++) head = new cell(i, head);
        while (1) {
            round++;
            for (var k : int = 0; k < 100000; k++) s = "garbage " + k;
            sum = 0;
            c = head;
            while (!(c :== null)) { sum = sum + c.getValue(); c = c.getNext(); }
            boot.commit();
            boot.consolePrint("" + round + " " + sum + "\n");
        }
    }
};
