/* wasm4j: build Lua 5.4 for wasm32-wasi without setjmp: an error that would unwind prints its message
   and exits with status 1 (as the lua command does for an uncaught error). pcall cannot catch errors. */
#include <stdio.h>
#include <stdlib.h>
#define LUAI_THROW(L,c) do { const char *m_ = lua_tostring(L, -1); \
    fprintf(stderr, "lua: %s\n", m_ ? m_ : "(error object is not a string)"); fflush(stdout); exit(1); } while (0)
#define LUAI_TRY(L,c,a) { a }
#define luai_jmpbuf int
#define system(cmd) ((cmd) == NULL ? 0 : -1)
#define L_tmpnam 32
#include <errno.h>
#define tmpfile() (errno = ENOTSUP, (FILE *)NULL)
#define tmpnam(buf) ((char *)NULL)
