// boot.getArguments() (boot method 26, ours): the words after `--` on the command line, as a
// new array of strings at each call. `//-- ` lines give the test's arguments.
//-- one two 3
package .test;

class arguments
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var i : int;
        args = boot.getArguments();
        boot.consolePrint(args.size() + " arguments\n");
        for (i = 0; i < args.size(); i++) boot.consolePrint(i + ": " + args[i] + " (" + args[i].length() + ")\n");
        foreach (a in boot.getArguments()) boot.consolePrint(a + " ");
        boot.consolePrint("\n");
        // Each call makes a new array: changing one changes no later call's.
        args[0] = "changed";
        args[3] = "more";
        boot.consolePrint(args[0] + " " + args.size() + ", again " + boot.getArguments()[0] + " " + boot.getArguments().size() + "\n");
        boot.16(boot.26().size() + " by ordinal\n");
    }
};
//> 3 arguments
//> 0: one (3)
//> 1: two (3)
//> 2: 3 (1)
//> one two 3 
//> changed 4, again one 3
//> 3 by ordinal
