// The Phantom language: run it with `phantom run examples/hello.ph`.
package .examples;

import .phantom.util.hashmap;

class hello
{
    var greeting : string;

    void hello() { greeting = "Hello"; }

    int fib(var n : int) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

    void run(var boot) [8]
    {
        var words : .phantom.util.hashmap;
        boot.16(greeting + " from the Phantom language!\n");
        words = new .phantom.util.hashmap();
        for (var i : int = 1; i <= 10; i++) words.put(i, fib(i));
        boot.16("fib(10) = " + words.get(10) + "\n");
    }
};
