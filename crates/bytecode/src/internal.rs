//! The internal classes' methods: the one table of their names, ordinals and signatures. The
//! compiler reads it for types and ordinals, the VM for the names `dynamic_invoke` looks up.
//!
//! Format: a class name at the start of a line (`-` after it: no parent), then its methods
//! indented, one per line: `ordinal name(argument types) return-type`; `?` is untyped and `*`
//! as the argument list accepts any arguments. The methods of `.internal.object` (the object
//! protocol) belong to every class.

pub const INTERNAL_METHODS: &str = "
.internal.object -
  1 destruct_me() void
  2 getClass() .internal.class
  3 clone() ?
  4 equals(?) int
  5 toString() string
  14 setImmutable() void
  15 hashCode() int
.internal.void
.internal.int
.internal.long
.internal.float
.internal.double
.internal.interface
.internal.code
.internal.string
  4 equals(?) int
  8 substring(int int) string
  9 charAt(int) int
  10 concat(?) string
  11 length() int
  12 strstr(string) int
  16 toInt() int
  17 toLong() long
  18 toFloat() float
  19 toDouble() double
  20 parseJson() ?
.internal.class
  8 newClass() ?
  14 isInstance(?) int
.internal.container.array
  8 iterator() ?
  9 subarray(int int) ?
  10 get(int) ?
  11 set(? int) ?
  12 size() int
.internal.directory
  4 equals(?) int
  8 put(? ?) int
  9 get(?) ?
  10 remove(?) ?
  11 size() int
  12 keys() ?
.internal.binary
  8 getByte(int) int
  9 setByte(int int) void
  11 size() int
.internal.boot
  8 loadClass(string) .internal.class
  16 consolePrint(?) void
  17 setClassLoader(?) void
  18 startThread(?) void
  19 createBinary(int) .internal.binary
  21 sleep(int) void
  22 setOsInterface(?) void
  23 getKernelEnvironment() string[]
  25 commit() int
  26 getArguments() string[]
.internal.io.tty
  16 getwc() string
  17 putws(?) void
  18 debug(?) void
  19 gotoxy(int int) void
  20 clear() void
  21 setcolor(int) void
  24 moveWindow(int int) void
  25 setTitle(string) void
  26 setbgcolor(int) void
.internal.mutex
  8 lock() void
  9 unlock() void
  10 trylock() int
.internal.cond
  8 wait(.internal.mutex) void
  9 twait(.internal.mutex int) void
  10 broadcast() void
  11 signal() void
.internal.sema
  8 acquire() void
  10 zero() void
  11 release() void
.internal.thread
  10 pause() void
  11 unpause() void
  12 getEnvironment() ?
  13 getUser() ?
  14 getOsInterface() ?
.internal.world
  8 getMyThread() .internal.thread
  9 startThread(*) void
  10 log(*) void
.internal.weakref
  8 get() ?
  9 set(?) void
.internal.time
  16 millis() long
  17 seconds() int
.internal.closure
  9 getOrdinal() int
  10 setOrdinal(int) void
  11 setObject(?) void
.internal.connection
  4 equals(?) int
  8 connect(string) int
  9 disconnect() void
  10 check() int
  11 invoke(? ?) ?
  12 setCallback(? int) void
  13 block(? ?) ?
.internal.window
  16 getXSize() int
  17 getYSize() int
  18 getX() int
  19 getY() int
  20 clear() void
  21 fill(*) void
  22 setFg(*) void
  23 setBg(*) void
  24 drawString(*) void
  25 drawImage(*) void
  26 setWinSize(*) void
  27 setWinPosition(*) void
  28 drawLine(*) void
  29 drawBox(*) void
  30 fillBox(*) void
  31 fillEllipse(*) void
  32 setEventHandler(*) void
  33 setTitle(*) void
  34 update() void
  35 scrollHor(*) void
  36 drawImagePart(*) void
  37 setAutoUpdate(*) void
.internal.bitmap
  8 loadFromString(*) void
  9 paintTo(*) void
.internal.tcp
  24 curl(*) ?
.internal.udp
  23 recvFrom(*) ?
  25 sendTo(*) ?
.internal.http
.internal.net
.internal.stat
.internal.io
.internal.port
.internal.ui.control
.internal.ui.font
";

/// Every method of the table as (class, ordinal, name).
pub fn internal_method_names() -> impl Iterator<Item = (&'static str, u32, &'static str)> {
    let mut class = "";
    INTERNAL_METHODS.lines().filter(|l| !l.trim().is_empty()).filter_map(move |line| {
        if !line.starts_with(' ') {
            class = line.split_whitespace().next().unwrap_or_default();
            return None;
        }
        let (ordinal, rest) = line.trim().split_once(' ')?;
        let name = rest.split_once('(')?.0;
        Some((class, ordinal.parse().ok()?, name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_names_a_method() {
        let methods = INTERNAL_METHODS.lines().filter(|l| l.starts_with(' ') && !l.trim().is_empty()).count();
        assert_eq!(internal_method_names().count(), methods);
        assert!(internal_method_names().any(|m| m == (".internal.boot", 25, "commit")));
        assert!(internal_method_names().any(|m| m == (".internal.object", 5, "toString")));
    }
}
