// Classes: fields, constructors with and without arguments, chaining through three levels
// (the middle one without fields), overloading by static types, overriding, the object
// protocol (toString used by +, equals used by ==), casts and instanceof.
package .test;

class shape
{
    var name : string;
    var calls : int;
    void shape() { name = "shape"; calls = 1; }
    void shape(var n : string) { name = n; calls = 100; }
    string describe() { return "a " + name; }
    int getCalls() { return calls; }
    string getName() { return name; }
    int area() { return 0; }
    string toString() { return "<" + describe() + ">"; }
};

class middle extends shape { };

class square extends middle
{
    var side : int;
    void square() { side = 1; calls = calls + 1; }
    void square(var s : int) { side = s; calls = calls + 1; }
    int area() { return side * side; }
    string describe() { return "square of " + side; }
    int equals(var other) { return 1; }
};

class objects
{
    var boot;

    void say(var s) { boot.16(s); boot.16("\n"); }

    string kind(var x : int) { return "int"; }
    string kind(var x : string) { return "string"; }
    string kind(var x : shape) { return "shape"; }
    string kind(var x) { return "untyped"; }

    void run(var b) [8]
    {
        var s : shape;
        var q : square;
        var o;
        boot = b;
        s = new shape();
        say(s.describe() + " " + s.area() + " " + s.getCalls());
        s = new shape("circle");
        say(s.describe() + " " + s.getCalls());
        q = new square(3);
        say(q.describe() + " " + q.area() + " calls " + q.getCalls() + " name " + q.getName());
        s = q;                    // a square seen as a shape still runs square's methods
        say("virtual: " + s.describe() + " " + s.area());
        say("protocol: " + s);
        say("kinds: " + kind(1) + " " + kind("x") + " " + kind(s) + " " + kind(q) + " " + kind(o));
        o = q;
        say("cast: " + ((square) o).area());
        say("instanceof: " + (o instanceof square) + (o instanceof shape) + (s instanceof objects)
            + ("x" instanceof string) + (null instanceof shape));
        say("equals override: " + (q == new square()) + (s == new shape()));
        try { q = (square) new shape(); say("no"); } catch (string e) { say("bad cast caught"); }
        say("middle: " + new middle().describe() + " " + new middle().getCalls());
    }
};
//> a shape 0 1
//> a circle 100
//> square of 3 9 calls 2 name shape
//> virtual: square of 3 9
//> protocol: <square of 3>
//> kinds: int string shape shape untyped
//> cast: 9
//> instanceof: 11010
//> equals override: 11
//> bad cast caught
//> middle: a shape 1
