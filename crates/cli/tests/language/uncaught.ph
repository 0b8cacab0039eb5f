// An uncaught exception: the message and a backtrace with source lines, exit status 1.
package .test;

class uncaught
{
    void inner(var x) { throw "it broke: " + x; }
    void outer() { inner(7); }
    void run(var boot) [8]
    {
        boot.16("before\n");
        outer();
        boot.16("never\n");
    }
};
//> before
//! it broke: 7
//! .test.uncaught.inner
//! line 6
//! .test.uncaught.outer
//! line 7
//! line 11
