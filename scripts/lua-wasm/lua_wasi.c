/* What wasi-libc lacks for Lua 5.4 on wasm32-wasi (see lua_wasi.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "lua.h"

/* Called where Lua would longjmp to its catch point: with no way to unwind the C stack, say
 * what happened as lua.c would and end the program. */
void luawasi_throw(lua_State *L, int status) {
  const char *msg;
  switch (status) {
    case LUA_YIELD: msg = "attempt to yield: coroutines need longjmp, which this wasm32-wasi build has not"; break;
    case LUA_ERRMEM: msg = "not enough memory"; break;
    case LUA_ERRERR: msg = "error in error handling"; break;
    default:
      msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)";
  }
  fflush(stdout);
  fprintf(stderr, "lua: %s\n(wasm32-wasi build without longjmp: a Lua error ends the program)\n", msg);
  exit(1);
}

/* io.tmpfile: WASI has no temporary directory. */
FILE *tmpfile(void) {
  errno = ENOTSUP;
  return NULL;
}
