// Runs a WebAssembly program (wasm32-wasi): `phantom run PROG.wasm -- ARGS` makes this the
// main class, with the module's bytes, its name and the program's arguments as the
// arguments. The program runs in a `.internal.wasm` instance whose memory and running call
// live in the heap, so with `--image` it survives kill -9 like any other thread; its exit
// status becomes the process's.
package .phantom.wasm;

class launcher
{
    void run(var boot : .internal.boot) [8]
    {
        var args : string[];
        var program : .internal.wasm;
        var status : int;
        args = boot.getArguments();
        program = new .internal.wasm();
        program.load(args[0]);
        status = program.run(args.subarray(1, args.size() - 1));
        boot.setExitStatus(status);
    }
};
