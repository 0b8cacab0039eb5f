//! The internal classes: the one table of their ids, names, parents and methods. The compiler
//! reads it for types and ordinals, the verifier and the VM for names and ids, the VM binds
//! each row to its native by name, and `docs/LANGUAGE.md` shows it (a test keeps that list
//! equal to the table).
//!
//! [`for_each_internal_class!`] holds the table and hands it to a macro of the caller's, as
//! wasmparser's `for_each_operator!` does: this crate builds [`INTERNAL_CLASSES`] from it, the
//! VM its native bindings, so a row naming a native that does not exist fails the VM's build
//! and a native no row names is dead code (which `clippy -D warnings` refuses).
//!
//! Row format: `ordinal name "signature" => native,`. A signature is `(argument types) return
//! type`; `?` is untyped, `T[]` an array of T, `(*)` accepts any arguments.
//! The object protocol's rows (ordinals 0-15) belong to every class; a class's own row with the
//! same ordinal overrides them. A class with a `device` has no hardware here: every
//! class-specific method it does not list (8 and up) throws, saying what is missing.

/// Calls `$callback! { protocol { rows } classes { id CONST "name" extends "parent" device
/// "what" { rows } ... } }` with the whole table. Ids are the original VM's row order
/// (reference vm 3.3), so images and class ids stay stable: a new class goes at the end.
#[macro_export]
macro_rules! for_each_internal_class {
    ($callback:ident) => {
        $callback! {
            protocol {
                0 construct "() void" => returns_null,
                1 destruct_me "() void" => returns_null,
                2 getClass "() .internal.class" => get_class,
                3 clone "() ?" => clone,
                4 equals "(?) int" => equals,
                5 toString "() string" => to_string,
                6 toXML "() string" => to_xml,
                7 fromXML "(?) ?" => returns_null,
                14 setImmutable "() void" => returns_null,
                15 hashCode "() int" => hash_code,
            }
            classes {
                0 VOID ".internal.void" extends ".internal.object" device "" {}
                1 CLASS ".internal.class" extends ".internal.object" device "" {
                    8 newClass "() ?" => class_new_class,
                    10 setStatic "(int ?) void" => class_set_static,
                    11 getStatic "(int) ?" => class_get_static,
                    14 isInstance "(?) int" => class_instance_of,
                }
                2 INTERFACE ".internal.interface" extends ".internal.object" device "" {}
                3 CODE ".internal.code" extends ".internal.object" device "" {}
                4 INT ".internal.int" extends ".internal.object" device "" {}
                5 LONG ".internal.long" extends ".internal.object" device "" {}
                6 STRING ".internal.string" extends ".internal.object" device "" {
                    8 substring "(int int) string" => string_substring,
                    9 charAt "(int) int" => string_char_at,
                    10 concat "(?) string" => string_concat,
                    11 length "() int" => string_length,
                    12 strstr "(string) int" => string_strstr,
                    16 toInt "() int" => string_to_int,
                    17 toLong "() long" => string_to_long,
                    18 toFloat "() float" => string_to_float,
                    19 toDouble "() double" => string_to_double,
                    20 parseJson "() ?" => string_parse_json,
                    // Ours, after the original's rows.
                    21 toLower "() string" => string_to_lower,
                    22 trim "() string" => string_trim,
                    23 indexOf "(string int) int" => string_index_of,
                }
                7 ARRAY ".internal.container.array" extends ".internal.object" device "" {
                    8 iterator "() ?" => array_iterator,
                    9 subarray "(int int) ?" => array_subarray,
                    10 get "(int) ?" => array_get,
                    11 set "(? int) ?" => array_set,
                    12 size "() int" => array_size,
                }
                8 PAGE ".internal.container.page" extends ".internal.object" device "" {}
                9 THREAD ".internal.thread" extends ".internal.object" device "" {
                    5 toString "() string" => thread_to_string,
                    10 pause "() void" => thread_not_this_way,
                    11 unpause "() void" => thread_not_this_way,
                    12 getEnvironment "() ?" => thread_environment,
                    13 getUser "() ?" => returns_null,
                    14 getOsInterface "() ?" => thread_os_interface,
                }
                10 CALL_FRAME ".internal.call_frame" extends ".internal.object" device "" {}
                11 ISTACK ".internal.istack" extends ".internal.object" device "" {}
                12 OSTACK ".internal.ostack" extends ".internal.object" device "" {}
                13 ESTACK ".internal.estack" extends ".internal.object" device "" {}
                14 BOOT ".internal.boot" extends ".internal.object" device "" {
                    8 loadClass "(string) .internal.class" => boot_load_class,
                    16 consolePrint "(?) void" => boot_print,
                    17 setClassLoader "(?) void" => boot_set_class_loader,
                    18 startThread "(?) void" => boot_start_thread,
                    19 createBinary "(int) .internal.binary" => boot_create_binary,
                    20 setScreenBackground "(?) void" => boot_set_screen_background,
                    21 sleep "(int) void" => boot_sleep,
                    22 setOsInterface "(?) void" => boot_set_os_interface,
                    23 getKernelEnvironment "() string[]" => boot_kernel_environment,
                    24 reboot "() void" => boot_unsupported,
                    25 commit "() int" => boot_commit,
                    26 getArguments "() string[]" => boot_get_arguments,
                    // Ours: the status `phantom run` and `phantom boot` exit with once every
                    // thread has finished.
                    27 setExitStatus "(int) void" => boot_set_exit_status,
                    62 printText "(?) void" => boot_print_text,
                }
                15 TTY ".internal.io.tty" extends ".internal.object" device "" {
                    16 getwc "() string" => tty_getwc,
                    17 putws "(?) void" => tty_putws,
                    18 debug "(?) void" => tty_debug,
                    19 gotoxy "(int int) void" => tty_gotoxy,
                    20 clear "() void" => tty_clear,
                    21 setcolor "(int) void" => tty_set_color,
                    24 moveWindow "(int int) void" => tty_move_window,
                    25 setTitle "(string) void" => tty_set_title,
                    26 setbgcolor "(int) void" => tty_set_bg_color,
                }
                16 MUTEX ".internal.mutex" extends ".internal.object" device "" {
                    8 lock "() void" => mutex_lock,
                    9 unlock "() void" => mutex_unlock,
                    10 trylock "() int" => mutex_trylock,
                }
                17 COND ".internal.cond" extends ".internal.object" device "" {
                    8 wait "(.internal.mutex) void" => cond_wait,
                    9 twait "(.internal.mutex int) void" => cond_twait,
                    10 broadcast "() void" => cond_broadcast,
                    11 signal "() void" => cond_signal,
                }
                18 SEMA ".internal.sema" extends ".internal.object" device "" {
                    8 acquire "() void" => sema_acquire,
                    9 tacquire "(int) int" => sema_tacquire,
                    10 zero "() void" => sema_zero,
                    11 release "() void" => sema_release,
                }
                19 BINARY ".internal.binary" extends ".internal.object" device "" {
                    8 getByte "(int) int" => binary_get_byte,
                    9 setByte "(int int) void" => binary_set_byte,
                    10 setRange "(? int int int) void" => binary_set_range,
                    11 size "() int" => binary_size,
                }
                20 BITMAP ".internal.bitmap" extends ".internal.object" device "" {
                    8 loadFromString "(?) void" => bitmap_load_from_string,
                    9 paintTo "(? int int) void" => bitmap_paint_to,
                    // Ours, after the original's rows.
                    10 getXSize "() int" => bitmap_x_size,
                    11 getYSize "() int" => bitmap_y_size,
                }
                21 CLOSURE ".internal.closure" extends ".internal.object" device "" {
                    9 getOrdinal "() int" => closure_get_ordinal,
                    10 setOrdinal "(int) void" => closure_set_ordinal,
                    11 setObject "(?) void" => closure_set_object,
                    12 call "(*) ?" => closure_call,
                }
                22 WORLD ".internal.world" extends ".internal.object" device "" {
                    8 getMyThread "() .internal.thread" => world_my_thread,
                    9 startThread "(*) void" => not_implemented,
                    10 log "(*) void" => not_implemented,
                }
                23 UDP ".internal.udp" extends ".internal.object" device "" {
                    16 bind "(?) int" => udp_bind,
                    17 unbind "() int" => udp_unbind,
                    19 send "(? string) int" => udp_send,
                    21 recv "(*) string" => udp_recv,
                    23 recvFrom "(*) string" => udp_recv_from,
                    25 sendTo "(? ? int) int" => udp_send_to,
                    26 sender "() string" => udp_sender,
                    27 address "() string" => udp_address,
                }
                24 TCP ".internal.tcp" extends ".internal.object" device "" {
                    16 connect "(*) int" => tcp_connect,
                    17 disconnect "(*) int" => tcp_disconnect,
                    18 waitsend "() int" => tcp_waitsend,
                    19 send "(?) int" => tcp_send,
                    20 waitrecv "(*) int" => tcp_waitrecv,
                    21 recv "(*) string" => tcp_recv,
                    22 listen "(?) int" => tcp_listen,
                    23 accept "(*) .internal.tcp" => tcp_accept,
                    24 curl "(string ?) string" => tcp_curl,
                    25 address "() string" => tcp_address,
                }
                25 WINDOW ".internal.window" extends ".internal.object" device "" {
                    5 toString "() string" => window_to_string,
                    16 getXSize "() int" => window_x_size,
                    17 getYSize "() int" => window_y_size,
                    18 getX "() int" => window_x,
                    19 getY "() int" => window_y,
                    20 clear "() void" => window_clear,
                    21 fill "(int) void" => window_fill,
                    22 setFg "(int) void" => window_set_fg,
                    23 setBg "(int) void" => window_set_bg,
                    24 drawString "(int int ?) void" => window_draw_string,
                    25 drawImage "(int int ?) void" => window_draw_image,
                    26 setWinSize "(int int) void" => window_set_size,
                    27 setWinPosition "(int int) void" => window_set_position,
                    28 drawLine "(int int int int) void" => window_draw_line,
                    29 drawBox "(int int int int) void" => window_draw_box,
                    30 fillBox "(int int int int) void" => window_fill_box,
                    31 fillEllipse "(int int int int) void" => window_fill_ellipse,
                    32 setEventHandler "(?) void" => window_set_event_handler,
                    33 setTitle "(?) void" => window_set_title,
                    34 update "() void" => window_update,
                    35 scrollHor "(int int int int int) int" => window_scroll_hor,
                    36 drawImagePart "(int int ? int int int int) void" => window_draw_image_part,
                    37 setAutoUpdate "(int) void" => window_set_auto_update,
                    // Ours, after the original's rows.
                    38 nextEvent "(int) ?" => window_next_event,
                    39 close "() void" => window_close,
                }
                26 DIRECTORY ".internal.directory" extends ".internal.object" device "" {
                    8 put "(? ?) int" => dir_put,
                    9 get "(?) ?" => dir_get,
                    10 remove "(?) ?" => dir_remove,
                    11 size "() int" => dir_size,
                    12 keys "() ?" => dir_keys,
                }
                27 CONNECTION ".internal.connection" extends ".internal.object" device "" {
                    8 connect "(string) int" => conn_connect,
                    9 disconnect "() void" => conn_disconnect,
                    10 check "() int" => conn_check,
                    11 invoke "(? ?) ?" => conn_invoke,
                    12 setCallback "(? int) void" => conn_set_callback,
                    13 block "(? ?) ?" => conn_block,
                }
                28 FLOAT ".internal.float" extends ".internal.object" device "" {}
                29 DOUBLE ".internal.double" extends ".internal.object" device "" {}
                30 NET ".internal.net" extends ".internal.object" device "" {
                    16 resolve "(string) string" => net_resolve,
                }
                31 HTTP ".internal.http" extends ".internal.object" device "" {
                    16 resolve "(string) string" => net_resolve,
                }
                32 TIME ".internal.time" extends ".internal.object" device "" {
                    16 millis "() long" => time_millis,
                    17 seconds "() int" => time_unix_seconds,
                    18 micros "() long" => time_micros,
                }
                33 STAT ".internal.stat" extends ".internal.object" device "kernel statistics" {}
                34 IO ".internal.io" extends ".internal.object" device "" {
                    8 open "(string ?) int" => io_open,
                    9 close "() int" => io_close,
                    10 read "(int) string" => io_read,
                    11 write "(?) int" => io_write,
                    12 setvar "(string int) int" => io_setvar,
                    13 getvar "(string) ?" => io_getvar,
                    14 reset "() int" => io_reset,
                    16 seek "(int) int" => io_seek,
                    17 size "() int" => io_size,
                    18 list "(string) string[]" => io_list,
                    19 remove "(string) int" => io_remove,
                    20 rename "(string string) int" => io_rename,
                    21 mkdir "(string) int" => io_mkdir,
                    22 exists "(string) int" => io_exists,
                }
                35 PORT ".internal.port" extends ".internal.object" device "ports" {}
                36 UI_CONTROL ".internal.ui.control" extends ".internal.object" device "ui controls" {}
                37 UI_FONT ".internal.ui.font" extends ".internal.object" device "" {
                    16 getXSize "() int" => font_x_size,
                    17 getYSize "() int" => font_y_size,
                    18 stringWidth "(string) int" => font_string_width,
                }
                38 WEAKREF ".internal.weakref" extends ".internal.object" device "" {
                    8 get "() ?" => weakref_get,
                    9 set "(?) void" => weakref_set,
                }
                // Ours, after the original's rows: what `array.iterator()` returns. 16 is
                // `hasNext`, the one method of the original library's `iterable` interface.
                39 ITERATOR ".internal.container.iterator" extends ".internal.object" device "" {
                    16 hasNext "() int" => iterator_has_next,
                    17 next "() ?" => iterator_next,
                }
                // Ours: what the Java runtime library cannot say in Java (phantom-java).
                40 JAVA ".internal.java" extends ".internal.object" device "" {
                    16 newArray "(int string ?) ?" => java_new_array,
                    17 arraycopy "(? int ? int int) void" => java_arraycopy,
                    18 doubleToString "(double) string" => java_double_to_string,
                    19 floatToString "(float) string" => java_float_to_string,
                    20 exit "(int) void" => java_exit,
                    21 printErr "(string) void" => java_print_err,
                    22 print "(string) void" => java_print,
                    23 identityHash "(?) int" => java_identity_hash,
                    24 stringHash "(string) int" => java_string_hash,
                    25 parseDouble "(string) double" => java_parse_double,
                    26 className "(?) string" => java_class_name,
                    27 cloneArray "(?) ?" => java_clone_array,
                    28 nanoTime "() long" => java_nano_time,
                    29 currentTimeMillis "() long" => java_current_time_millis,
                    30 charToString "(int) string" => java_char_to_string,
                    31 charsToString "(? int int) string" => java_chars_to_string,
                    32 toChars "(string) ?" => java_to_chars,
                    33 compareStrings "(string string) int" => java_compare_strings,
                    34 longToString "(long int) string" => java_long_to_string,
                    35 parseLong "(string int) long" => java_parse_long,
                    36 math "(int double double) double" => java_math,
                    37 fixedToString "(double int) string" => java_fixed_to_string,
                    38 statics "(string) ?" => java_statics,
                    39 callByName "(? string) ?" => java_call_by_name,
                    40 bufferAppend "(? int string) ?" => java_buffer_append,
                    41 bufferToString "(? int) string" => java_buffer_to_string,
                    42 javaArray "(? string) ?" => java_from_phantom_array,
                    43 newArrayLike "(? int) ?" => java_new_array_like,
                    44 isSubclass "(string string) int" => java_is_subclass,
                    45 gc "() void" => java_gc,
                    46 refersTo "(? ?) int" => java_refers_to,
                    47 nullMessage "() ?" => java_null_message,
                    48 satellite "(?) int" => java_satellite,
                    49 setSatellite "(? int) int" => java_set_satellite,
                }
                // Ours: a Java array, whose length is fixed and whose bounds are checked.
                41 JAVA_ARRAY ".internal.container.java_array" extends ".internal.container.array" device "" {
                    5 toString "() string" => java_array_to_string,
                    10 get "(int) ?" => java_array_get,
                    11 set "(? int) ?" => java_array_set,
                    12 size "() int" => java_array_size,
                    15 hashCode "() int" => java_array_hash_code,
                }
                // Ours: what a window's event handler (method 8) or `nextEvent` receives.
                42 UI_EVENT ".internal.ui.event" extends ".internal.object" device "" {
                    16 kind "() int" => event_kind,
                    17 code "() int" => event_code,
                    18 text "() string" => event_text,
                    19 x "() int" => event_x,
                    20 y "() int" => event_y,
                    21 buttons "() int" => event_buttons,
                    22 window "() .internal.window" => event_window,
                }
                // Ours: a WebAssembly module instance (phantom-wasm). Its module, linear
                // memory, globals, table and a call in progress live in the heap.
                43 WASM ".internal.wasm" extends ".internal.object" device "" {
                    16 load "(?) void" => wasm_load,
                    17 run "(?) int" => wasm_run,
                    18 call "(string ?) ?" => wasm_call,
                    19 read "(int int) string" => wasm_read,
                    20 write "(int ?) void" => wasm_write,
                    21 exports "() string[]" => wasm_exports,
                    22 memorySize "() int" => wasm_memory_size,
                }
            }
        }
    };
}

/// The class every class descends from; the VM gives it the id of `.internal.void`.
pub const OBJECT: &str = ".internal.object";

/// Method slots of every internal class: room for the object protocol (0-15) and the
/// class-specific methods above it.
pub const INTERNAL_METHOD_SLOTS: u32 = 64;

/// A method of an internal class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InternalMethod {
    pub ordinal: u32,
    pub name: &'static str,
    /// `(argument types) return type`; `(*)` for any arguments.
    pub signature: &'static str,
    /// The name of the VM function bound to it.
    pub native: &'static str,
}

/// An internal class: its id (its row), name, parent and own methods.
#[derive(Clone, Copy, Debug)]
pub struct InternalClass {
    pub id: u32,
    pub name: &'static str,
    pub parent: &'static str,
    /// What the hosted VM lacks to implement it (`None`: implemented).
    pub device: Option<&'static str>,
    pub methods: &'static [InternalMethod],
}

/// A signature taken apart: argument types (`None`: any arguments) and the return type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature<'a> {
    pub args: Option<Vec<&'a str>>,
    pub returns: &'a str,
}

/// Reads a row's signature.
pub fn parse_signature(text: &str) -> Result<Signature<'_>, String> {
    let rest = text.trim().strip_prefix('(').ok_or_else(|| format!("signature `{text}` must start with `(`"))?;
    let (args, returns) = rest.split_once(')').ok_or_else(|| format!("signature `{text}` has no `)`"))?;
    let returns = returns.trim();
    if returns.is_empty() || returns.contains(char::is_whitespace) {
        return Err(format!("signature `{text}` needs one return type"));
    }
    let args = if args.trim() == "*" { None } else { Some(args.split_whitespace().collect()) };
    Ok(Signature { args, returns })
}

macro_rules! make_table {
    (
        protocol { $($pord:literal $pname:ident $psig:literal => $pnative:ident,)* }
        classes { $(
            $id:literal $konst:ident $name:literal extends $parent:literal device $device:literal {
                $($ord:literal $mname:ident $sig:literal => $native:ident,)*
            }
        )* }
    ) => {
        /// The object protocol: methods 0-15 of every class.
        pub const OBJECT_PROTOCOL: &[InternalMethod] = &[$(InternalMethod {
            ordinal: $pord,
            name: stringify!($pname),
            signature: $psig,
            native: stringify!($pnative),
        }),*];

        /// Every internal class, in id order.
        pub const INTERNAL_CLASSES: &[InternalClass] = &[$(InternalClass {
            id: $id,
            name: $name,
            parent: $parent,
            device: if $device.is_empty() { None } else { Some($device) },
            methods: &[$(InternalMethod {
                ordinal: $ord,
                name: stringify!($mname),
                signature: $sig,
                native: stringify!($native),
            }),*],
        }),*];

        /// The internal classes' ids by name.
        pub mod ids {
            $(pub const $konst: u32 = $id;)*
        }
    };
}

for_each_internal_class!(make_table);

// The row order is the id: a class id is its index.
const _: () = {
    let mut i = 0;
    while i < INTERNAL_CLASSES.len() {
        assert!(INTERNAL_CLASSES[i].id as usize == i, "internal class ids must follow row order");
        i += 1;
    }
};

/// The internal class named `name` (`.internal.object` is `.internal.void`).
pub fn internal_class(name: &str) -> Option<&'static InternalClass> {
    let name = if name == OBJECT { ".internal.void" } else { name };
    INTERNAL_CLASSES.iter().find(|c| c.name == name)
}

/// The methods `dynamic_invoke` finds by name on an instance of `class`: the object protocol's,
/// then the class's own (which win).
pub fn methods_by_name(class: &InternalClass) -> impl Iterator<Item = &'static InternalMethod> {
    let methods = class.methods;
    OBJECT_PROTOCOL.iter().chain(methods.iter())
}

/// The list of internal classes and their methods as `docs/LANGUAGE.md` shows it.
pub fn markdown_list() -> String {
    let mut out = String::from("| Class | Methods (ordinal name(arguments) result) |\n|---|---|\n");
    let row = |out: &mut String, name: &str, device: Option<&str>, methods: &[InternalMethod]| {
        let listed: Vec<String> =
            methods.iter().map(|m| format!("{} {}{}", m.ordinal, m.name, shown_signature(m.signature))).collect();
        let note = device.map_or(String::new(), |d| format!(" (throws: {d} not available)"));
        out.push_str(&format!("| `{name}`{note} | {} |\n", listed.join(", ")));
    };
    row(&mut out, OBJECT, None, OBJECT_PROTOCOL);
    for class in INTERNAL_CLASSES.iter().filter(|c| !c.methods.is_empty() || c.device.is_some()) {
        row(&mut out, class.name, class.device, class.methods);
    }
    out
}

fn shown_signature(signature: &str) -> String {
    match parse_signature(signature) {
        Ok(Signature { args: None, returns }) => format!("(...) {returns}"),
        Ok(Signature { args: Some(args), returns }) => format!("({}) {returns}", args.join(", ")),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_signature_parses_and_every_ordinal_is_once_in_range() {
        for (class, methods) in
            std::iter::once((OBJECT, OBJECT_PROTOCOL)).chain(INTERNAL_CLASSES.iter().map(|c| (c.name, c.methods)))
        {
            let mut seen = HashSet::new();
            for m in methods {
                parse_signature(m.signature).unwrap_or_else(|e| panic!("{class}.{}: {e}", m.name));
                assert!(m.ordinal < INTERNAL_METHOD_SLOTS, "{class}.{}: ordinal {}", m.name, m.ordinal);
                assert!(seen.insert(m.ordinal), "{class}: ordinal {} twice", m.ordinal);
            }
        }
        assert!(OBJECT_PROTOCOL.iter().all(|m| m.ordinal < 16));
    }

    #[test]
    fn ids_names_and_lookups_agree() {
        assert_eq!(INTERNAL_CLASSES[ids::BOOT as usize].name, ".internal.boot");
        assert_eq!(internal_class(OBJECT).map(|c| c.id), Some(ids::VOID));
        assert_eq!(internal_class(".internal.weakref").map(|c| c.id), Some(38));
        let boot = internal_class(".internal.boot").unwrap();
        assert!(methods_by_name(boot).any(|m| (m.ordinal, m.name) == (25, "commit")));
        assert!(methods_by_name(boot).any(|m| (m.ordinal, m.name) == (5, "toString")));
        let names: HashSet<&str> = INTERNAL_CLASSES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), INTERNAL_CLASSES.len(), "a class name twice");
    }

    #[test]
    fn bad_signatures_are_refused() {
        assert!(parse_signature("int) int").is_err());
        assert!(parse_signature("(int int").is_err());
        assert!(parse_signature("(int)").is_err());
        assert_eq!(parse_signature("(int string) ?").unwrap().args, Some(vec!["int", "string"]));
        assert_eq!(parse_signature("(*) void").unwrap(), Signature { args: None, returns: "void" });
    }
}
