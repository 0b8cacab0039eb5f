/* Force-included (clang -include) into every Lua 5.4 source file of the wasm32-wasi build,
 * so that Lua builds without a change to its own files (scripts/lua-wasm.sh).
 *
 * wasi-libc (clang 14) has no setjmp/longjmp, which Lua uses to raise errors (and to yield
 * from C functions, so coroutine.yield too). LUAI_TRY runs its block directly and LUAI_THROW
 * reports the error and ends the program: scripts that raise no error run fully, an error
 * (even one under pcall) ends the program with status 1. */
#ifndef LUA_WASI_H
#define LUA_WASI_H

struct lua_State;
__attribute__((noreturn)) void luawasi_throw(struct lua_State *L, int status);

/* ldo.c: no jump buffer, no catch point; luaD_throw sets c->status before LUAI_THROW. */
#define luai_jmpbuf int
#define LUAI_THROW(L, c) luawasi_throw(L, (c)->status)
#define LUAI_TRY(L, c, a) { a }

/* loslib.c: no shell (os.execute() says so, os.execute(cmd) fails) and no temporary names
 * (os.tmpname raises an error). */
#define l_system(cmd) ((cmd) == NULL ? 0 : -1)
#define LUA_TMPNAMBUFSIZE 32
#define lua_tmpnam(b, e) { (b)[0] = '\0'; e = 1; }

#endif
