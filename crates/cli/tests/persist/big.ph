// 96 MiB of binaries, one byte set in every 4 KiB page, read back over and over: with a
// resident limit the image's pages leave memory after each snapshot and come back when read.
// Each pass commits, then prints its pass number and checksum.
package .test;

import .internal.binary;

class big
{
    var blocks : .internal.binary[];
    var pass : int;

    void run(var boot : .internal.boot) [8]
    {
        var b : .internal.binary;
        var sum : int;
        if (pass == 0) {
            blocks = new .internal.binary[]();
            for (var i : int = 0; i < 96; i++) {
                b = boot.createBinary(1048576);
                for (var p : int = 0; p < 256; p++) b.setByte(p * 4096, (i * 256 + p) % 251);
                blocks[i] = b;
            }
        }
        while (1) {
            pass++;
            sum = 0;
            for (var i : int = 0; i < 96; i++) {
                b = blocks[i];
                for (var p : int = 0; p < 256; p++) sum = sum + b.getByte(p * 4096);
            }
            boot.commit();
            boot.consolePrint("" + pass + " " + sum + "\n");
        }
    }
};
