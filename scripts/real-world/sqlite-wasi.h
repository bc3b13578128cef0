/* wasm4j: build SQLite for wasm32-wasi with Debian's wasi-libc. WASI preview 1 has no advisory locks,
   owners or permission bits: locking calls succeed without locking (one guest, one process), fchmod and
   fchown do nothing, the user is uid 0. */
#include <fcntl.h>
#include <stdarg.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif
#ifndef F_GETLK
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
static int wasm4j_fcntl(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    if (cmd == F_SETLK || cmd == F_SETLKW) return 0;
    if (cmd == F_GETLK) { ((struct flock *)arg)->l_type = F_UNLCK; return 0; }
    return fcntl(fd, cmd, (int)(long)arg);
}
#define fcntl wasm4j_fcntl
static int wasm4j_fchmod(int fd, mode_t mode) { (void)fd; (void)mode; return 0; }
static int wasm4j_fchown(int fd, uid_t uid, gid_t gid) { (void)fd; (void)uid; (void)gid; return 0; }
static uid_t wasm4j_geteuid(void) { return 0; }
#define fchmod wasm4j_fchmod
#define fchown wasm4j_fchown
#define geteuid wasm4j_geteuid
static int wasm4j_chmod(const char *path, mode_t mode) { (void)path; (void)mode; return 0; }
#define chmod wasm4j_chmod
