/* wasi-libc of clang 14 has no <setjmp.h>; ldo.c includes it but, with LUAI_THROW and LUAI_TRY
 * from lua_wasi.h, uses nothing from it. */
