package .bench;
class fibonacci
{
    int fib(var n : int) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
    void run(var boot) [8] { boot.16("" + fib(30) + "\n"); }
};
