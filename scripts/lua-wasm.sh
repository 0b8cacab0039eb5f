#!/usr/bin/env bash
# Builds Lua 5.4's standalone interpreter (lua.c and the libraries, not luac) for wasm32-wasi,
# and natively with gcc to compare with:
#   scripts/lua-wasm.sh OUTDIR   ->  OUTDIR/lua.wasm, OUTDIR/lua
# Idempotent: the sources are fetched once, and an output newer than the build's own files
# (this script and scripts/lua-wasm/) is kept.
#
# The sources come from PyPI's sdist of lupa, which bundles Lua 5.4 with lua.c (the crates.io
# crate lua-src bundles only the library files, without the interpreter's lua.c).
# LUPA_NO_BUNDLE=true stops lupa's setup.py from building its bundled LuaJIT while pip
# prepares the metadata (8 s instead of 80 s).
#
# Lua's own files are not changed. wasi-libc of clang 14 has no setjmp/longjmp, system(),
# popen, tmpnam/tmpfile or signals:
#   -include lua_wasi.h   LUAI_TRY runs its block, LUAI_THROW prints the error and exits 1 (so
#                         any Lua error, even under pcall, ends the program, and so does
#                         coroutine.yield, which throws too); l_system without a shell;
#                         lua_tmpnam that fails
#   -I scripts/lua-wasm   an empty <setjmp.h> for ldo.c's #include
#   lua_wasi.c            luawasi_throw, and a tmpfile() that fails
#   -D_WASI_EMULATED_SIGNAL -lwasi-emulated-signal                  signal() in lua.c
#   -D_WASI_EMULATED_PROCESS_CLOCKS -lwasi-emulated-process-clocks  clock() for os.clock
#   -Wl,-z,stack-size=1 MiB -Wl,--stack-first   room for Lua's C recursion (200 levels), and an
#                         overflow traps instead of running into the data
# Needs: clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 (Debian), gcc, python3 with pip.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
compat="$here/lua-wasm"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
lupa=lupa==2.8

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "lua-wasm.sh: $1 is missing: $2" >&2
        exit 1
    fi
}

# The sources: OUTDIR/src.
src="$out/src"
if [ ! -f "$src/lua.c" ]; then
    need python3 "install Python 3 with pip"
    dl="$out/download"
    rm -rf "$dl" "$src.tmp"
    mkdir -p "$dl" "$src.tmp"
    LUPA_NO_BUNDLE=true python3 -m pip download --quiet --no-deps --no-binary lupa "$lupa" -d "$dl" >&2 || {
        echo "lua-wasm.sh: 'pip download $lupa' failed: PyPI must be reachable" >&2
        exit 1
    }
    tar -xzf "$dl"/lupa-*.tar.gz -C "$src.tmp" --strip-components=3 --wildcards 'lupa-*/third-party/lua54/*'
    grep -q 'LUA_VERSION_MINOR[[:space:]]*"4"' "$src.tmp/lua.h" || {
        echo "lua-wasm.sh: $dl holds no Lua 5.4" >&2
        exit 1
    }
    rm -rf "$src" && mv "$src.tmp" "$src" && rm -rf "$dl"
fi

files="lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject lopcodes lparser lstate lstring
    ltable ltm lundump lvm lzio lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib
    lstrlib ltablib lutf8lib linit lua"
sources=()
for f in $files; do sources+=("$src/$f.c"); done

# Whether OUTDIR/$1 is missing or older than this build's own files.
stale() {
    [ ! -f "$out/$1" ] || [ -n "$(find "$0" "$compat" -newer "$out/$1" -print -quit)" ]
}

if stale lua.wasm; then
    need clang-14 "apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32"
    need wasm-ld-14 "apt-get install -y lld-14"
    clang-14 --target=wasm32-wasi -O2 -std=gnu99 -Wall -Wno-deprecated-declarations \
        -include "$compat/lua_wasi.h" -I "$compat" -I "$src" \
        -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS \
        "${sources[@]}" "$compat/lua_wasi.c" \
        -lwasi-emulated-signal -lwasi-emulated-process-clocks \
        -Wl,-z,stack-size=1048576 -Wl,--stack-first \
        -o "$out/lua.wasm.tmp"
    mv "$out/lua.wasm.tmp" "$out/lua.wasm"
fi

if stale lua; then
    need gcc "apt-get install -y gcc"
    gcc -O2 -std=gnu99 -Wall -DLUA_USE_LINUX -I "$src" "${sources[@]}" -lm -ldl -o "$out/lua.tmp"
    mv "$out/lua.tmp" "$out/lua"
fi
