package .bench;
class node
{
    var next : node;
    var value : int;
    void node(var n : node, var v : int) { next = n; value = v; }
    node getNext() { return next; }
    int getValue() { return value; }
};
class alloc
{
    void run(var boot) [8]
    {
        var last : node;
        for (var i : int = 0; i < 3000000; i++) last = new node(last :== null ? null : last.getNext(), i);
        boot.16("" + last.getValue() + "\n");
    }
};
