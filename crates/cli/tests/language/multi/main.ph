// A program of several files compiled together: classes refer to each other in any order,
// a class extends one from another file, and an interface is implemented.
package .multi;

class main
{
    void run(var boot) [8]
    {
        var r : registry;
        var g : greeter;
        r = new registry(boot);
        g = new loud_greeter();
        r.add(g);
        r.add(new greeter());
        r.greetAll("Phantom");
    }
};
//> HELLO, PHANTOM!
//> hello, Phantom
