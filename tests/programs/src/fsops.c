/* fsops DIR: creates, writes, appends, seeks, truncates, renames, links and removes files under DIR,
   printing each result (errors by errno name), so that both the files left behind and the outputs can be
   compared with a native run. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char path_buf[4][1024];
static const char *P(int slot, const char *dir, const char *name) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
    return path_buf[slot];
}

static const char *err(int e) {
    switch (e) {
        case 0: return "ok";
        case ENOENT: return "ENOENT";
        case EEXIST: return "EEXIST";
        case ENOTDIR: return "ENOTDIR";
        case EISDIR: return "EISDIR";
        case ENOTEMPTY: return "ENOTEMPTY";
        case EBADF: return "EBADF";
        case EINVAL: return "EINVAL";
        case ELOOP: return "ELOOP";
        default: return strerror(e);
    }
}

#define SHOW(label, expr) do { errno = 0; int r_ = (expr); printf("%-28s %s\n", label, r_ < 0 ? err(errno) : "ok"); } while (0)

int main(int argc, char **argv) {
    const char *d = argc > 1 ? argv[1] : ".";
    char buf[256];
    SHOW("mkdir out", mkdir(P(0, d, "out"), 0755));
    SHOW("mkdir out again", mkdir(P(0, d, "out"), 0755));
    int fd = open(P(0, d, "out/data.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("%-28s %s\n", "open out/data.txt", fd >= 0 ? "ok" : err(errno));
    const char *text = "first line\nsecond line\n";
    printf("write %zd\n", write(fd, text, strlen(text)));
    printf("lseek end %lld\n", (long long)lseek(fd, 0, SEEK_END));
    printf("pwrite %zd\n", pwrite(fd, "FIRST", 5, 0));
    close(fd);
    fd = open(P(0, d, "out/data.txt"), O_WRONLY | O_APPEND);
    printf("append %zd\n", write(fd, "third line\n", 11));
    close(fd);
    fd = open(P(0, d, "out/data.txt"), O_RDONLY);
    ssize_t n = pread(fd, buf, 11, 6);
    buf[n < 0 ? 0 : n] = 0;
    printf("pread %zd [%s]\n", n, strtok(buf, "\n"));
    SHOW("write to read-only fd", (int)write(fd, "x", 1));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    close(fd);
    SHOW("read closed fd", (int)read(fd, buf, 1));
    SHOW("open missing", open(P(0, d, "out/missing"), O_RDONLY));
    SHOW("open excl existing", open(P(0, d, "out/data.txt"), O_CREAT | O_EXCL | O_WRONLY, 0644));
    SHOW("open dir for writing", open(P(0, d, "out"), O_WRONLY));
    SHOW("open file as dir", open(P(0, d, "out/data.txt"), O_RDONLY | O_DIRECTORY));
    SHOW("truncate to 8", truncate(P(0, d, "out/data.txt"), 8));
    stat(P(0, d, "out/data.txt"), &st);
    printf("size after truncate %lld\n", (long long)st.st_size);
    SHOW("rename", rename(P(0, d, "out/data.txt"), P(1, d, "out/renamed.txt")));
    SHOW("rename missing", rename(P(0, d, "out/data.txt"), P(1, d, "out/x.txt")));
    SHOW("link", link(P(0, d, "out/renamed.txt"), P(1, d, "out/hard.txt")));
    stat(P(0, d, "out/renamed.txt"), &st);
    printf("nlink %ld\n", (long)st.st_nlink);
    SHOW("symlink", symlink("renamed.txt", P(0, d, "out/soft.txt")));
    n = readlink(P(0, d, "out/soft.txt"), buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    printf("readlink %s\n", buf);
    fd = open(P(0, d, "out/soft.txt"), O_RDONLY);
    n = read(fd, buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    printf("read via symlink [%s]\n", buf);
    close(fd);
    SHOW("open symlink nofollow", open(P(0, d, "out/soft.txt"), O_RDONLY | O_NOFOLLOW));
    SHOW("mkdir out/sub", mkdir(P(0, d, "out/sub"), 0755));
    fd = open(P(0, d, "out/sub/f"), O_CREAT | O_WRONLY, 0644);
    close(fd);
    SHOW("rmdir non-empty", rmdir(P(0, d, "out/sub")));
    SHOW("unlink dir", unlink(P(0, d, "out/sub")));
    SHOW("rmdir file", rmdir(P(0, d, "out/hard.txt")));
    SHOW("unlink out/sub/f", unlink(P(0, d, "out/sub/f")));
    SHOW("rmdir out/sub", rmdir(P(0, d, "out/sub")));
    SHOW("unlink missing", unlink(P(0, d, "out/sub/f")));
    SHOW("unlink hard.txt", unlink(P(0, d, "out/hard.txt")));
    FILE *f = fopen(P(0, d, "out/big.bin"), "wb");
    for (int i = 0; i < 100000; i++) fputc(i * 7 & 0xff, f);
    fclose(f);
    f = fopen(P(0, d, "out/big.bin"), "rb");
    fseek(f, 50000, SEEK_SET);
    int byte = fgetc(f);
    printf("byte at 50000: %d, tell %ld\n", byte, ftell(f));
    fclose(f);
    return 0;
}
