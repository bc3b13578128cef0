package dev.wasm4j.wasi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escape attempts: a guest given the preopen "sandbox" (fd 3) tries to reach "outside/secret.txt" next to it
 * with "..", absolute paths, symbolic links already there and links it makes itself, through every path
 * function. Every attempt must be refused and the outside left untouched.
 */
class WasiSandboxTest {
    private static final int DIR = 3;
    private static final long ALL = Rights.ALL;

    @TempDir
    Path temp;
    Path sandbox;
    Path outside;
    Harness h;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(sandbox.resolve("sub/deeper"));
        Files.writeString(sandbox.resolve("sub/inside.txt"), "inside");
        Files.createSymbolicLink(sandbox.resolve("link_out"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("link_out_dir"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("abs_link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(sandbox.resolve("sub/upup"), Path.of("../.."));
        Files.createSymbolicLink(sandbox.resolve("loop_a"), Path.of("loop_b"));
        Files.createSymbolicLink(sandbox.resolve("loop_b"), Path.of("loop_a"));
        Files.createSymbolicLink(sandbox.resolve("ok_link"), Path.of("sub/inside.txt"));
        h = new Harness(WasiConfig.of("t").withPreopen(sandbox, "."));
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "outside file changed");
        try (var s = Files.list(outside)) {
            assertEquals(1, s.count(), "something was created outside");
        }
        assertTrue(Files.notExists(temp.resolve("escaped")), "created next to the sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.txt", "/etc/passwd", "sub/../../outside/secret.txt",
            "sub/deeper/../../../outside/secret.txt", "link_out", "link_out_dir/secret.txt", "abs_link",
            "sub/upup/outside/secret.txt", "sub/up/../outside/secret.txt", "./../outside/secret.txt",
            "..", "../", "sub/../..", "link_out/"})
    void openRefused(String path) {
        int fd = h.open(DIR, path, 0, ALL, true);
        assertTrue(fd < 0, () -> "opened " + path);
        assertTrue(fd == -Errno.NOTCAPABLE.code() || fd == -Errno.NOTDIR.code(), () -> path + ": " + fd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub/inside.txt", "ok_link", "sub/up/sub/inside.txt", "sub/../sub/./inside.txt",
            "sub/deeper/../inside.txt"})
    void openAllowed(String path) {
        assertTrue(h.open(DIR, path, 0, ALL, true) > DIR, path);
    }

    @Test
    void symlinksFollowedOnlyWhenAsked() {
        assertEquals(-Errno.LOOP.code(), h.open(DIR, "ok_link", 0, ALL, false));
        assertEquals(-Errno.LOOP.code(), h.open(DIR, "loop_a", 0, ALL, true));
    }

    @Test
    void linksTheGuestMakesDoNotLeadOut() {
        int len = h.string(2048, "../outside");
        int name = h.string(3072, "mine");
        assertEquals(Errno.SUCCESS, h.errno("path_symlink", 2048, len, DIR, 3072, name));
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(DIR, "mine/secret.txt", 0, ALL, true));
        len = h.string(2048, "/etc");
        name = h.string(3072, "abs");
        assertEquals(Errno.NOTCAPABLE, h.errno("path_symlink", 2048, len, DIR, 3072, name));
        // creating through an escaping link is refused too
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(DIR, "mine/new.txt", Rights.O_CREAT, ALL, true));
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(DIR, "link_out_dir/new.txt", Rights.O_CREAT, ALL, true));
    }

    @Test
    void everyPathFunctionRefusesDotDot() {
        int p = h.string(2048, "../escaped");
        int q = h.string(3072, "sub/inside.txt");
        assertEquals(Errno.NOTCAPABLE, h.errno("path_create_directory", DIR, 2048, p));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_filestat_get", DIR, 1, 2048, p, 8192));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_filestat_set_times", DIR, 1, 2048, p, 0, 0, Rights.MTIM_NOW));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_link", DIR, 0, 3072, q, DIR, 2048, p));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_rename", DIR, 3072, q, DIR, 2048, p));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_symlink", 3072, q, DIR, 2048, p));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_readlink", DIR, 2048, p, 8192, 100, 8300));
        int s = h.string(2048, "../outside/secret.txt");
        assertEquals(Errno.NOTCAPABLE, h.errno("path_unlink_file", DIR, 2048, s));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_link", DIR, 0, 2048, s, DIR, 3072, h.string(3072, "stolen")));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_rename", DIR, 2048, s, DIR, 3072, h.string(3072, "stolen")));
        int o = h.string(2048, "../outside");
        assertEquals(Errno.NOTCAPABLE, h.errno("path_remove_directory", DIR, 2048, o));
        int l = h.string(2048, "link_out");
        assertEquals(Errno.NOTCAPABLE, h.errno("path_filestat_get", DIR, 1, 2048, l, 8192));
        assertEquals(Errno.SUCCESS, h.errno("path_filestat_get", DIR, 0, 2048, l, 8192));
        assertEquals(Errno.NOTCAPABLE, h.errno("path_filestat_set_times", DIR, 1, 2048, l, 0, 0, Rights.MTIM_NOW));
        // the link itself may be removed: that does not touch its target
        assertEquals(Errno.SUCCESS, h.errno("path_unlink_file", DIR, 2048, l));
    }

    @Test
    void aDirectoryDescriptorIsItsOwnRoot() {
        int sub = h.open(DIR, "sub", Rights.O_DIRECTORY, Rights.DIRECTORY | Rights.FD_READ, true);
        assertTrue(sub > DIR);
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(sub, "../link_out", 0, ALL, true));
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(sub, "up/sub/inside.txt", 0, ALL, true));
        assertTrue(h.open(sub, "inside.txt", 0, ALL, true) > sub);
        // rights cannot grow past what the directory passes on
        assertEquals(Errno.SUCCESS, h.errno("fd_fdstat_set_rights", sub, Rights.PATH_OPEN | Rights.FD_READDIR, Rights.FD_READ));
        assertEquals(Errno.NOTCAPABLE, h.errno("fd_fdstat_set_rights", sub, ALL, ALL));
        assertEquals(-Errno.NOTCAPABLE.code(), h.open(sub, "new.txt", Rights.O_CREAT, ALL, true));
    }

    /**
     * Races between check and use, staged by a hook between the walk and the operation: the directory the
     * walk went through is renamed and a link to the outside put in its place, or the last component is
     * swapped for such a link. The operation still happens where the walk looked (or is refused).
     */
    @Test
    void racesBetweenCheckAndUse() throws IOException {
        Files.writeString(sandbox.resolve("sub/secret.txt"), "decoy");
        Runnable swapDirectory = () -> {
            try {
                Files.move(sandbox.resolve("sub"), sandbox.resolve("sub_moved"));
                Files.createSymbolicLink(sandbox.resolve("sub"), Path.of("../outside"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            Sandbox.afterWalk = once(swapDirectory);
            int fd = h.open(DIR, "sub/secret.txt", 0, ALL, true);
            assertTrue(fd > DIR);
            assertEquals("decoy", read(fd));
            restoreSub();

            Sandbox.afterWalk = once(swapDirectory);
            assertEquals(Errno.SUCCESS, h.errno("path_unlink_file", DIR, 2048, h.string(2048, "sub/secret.txt")));
            assertTrue(Files.notExists(sandbox.resolve("sub_moved/secret.txt")));
            restoreSub();

            Files.writeString(sandbox.resolve("sub/secret.txt"), "decoy");
            Sandbox.afterWalk = once(swapDirectory);
            assertEquals(Errno.SUCCESS, h.errno("path_rename", DIR, 2048, h.string(2048, "sub/secret.txt"),
                    DIR, 3072, h.string(3072, "taken.txt")));
            assertEquals("decoy", Files.readString(sandbox.resolve("taken.txt")));
            restoreSub();

            // the last component swapped for a link: opened without following it
            Files.writeString(sandbox.resolve("sub/secret.txt"), "decoy");
            Sandbox.afterWalk = once(() -> {
                try {
                    Files.delete(sandbox.resolve("sub/secret.txt"));
                    Files.createSymbolicLink(sandbox.resolve("sub/secret.txt"), Path.of("../../outside/secret.txt"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertEquals(-Errno.LOOP.code(), h.open(DIR, "sub/secret.txt", 0, ALL, true));
        } finally {
            Sandbox.afterWalk = null;
        }
    }

    private void restoreSub() throws IOException {
        Files.delete(sandbox.resolve("sub"));
        Files.move(sandbox.resolve("sub_moved"), sandbox.resolve("sub"));
    }

    private static Runnable once(Runnable r) {
        return () -> {
            Sandbox.afterWalk = null;
            r.run();
        };
    }

    /** Reads up to 100 bytes from a guest descriptor. */
    private String read(int fd) {
        h.memory.writeInt(0, 4096);
        h.memory.writeInt(4, 100);
        assertEquals(Errno.SUCCESS, h.errno("fd_read", fd, 0, 1, 8));
        return new String(h.memory.read(4096, h.memory.readInt(8)), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onlyPreopensAreVisible() {
        assertEquals(Errno.SUCCESS, h.errno("fd_prestat_get", DIR, 8192));
        assertEquals(Errno.BADF, h.errno("fd_prestat_get", DIR + 1, 8192));
        assertEquals(Errno.BADF, h.errno("fd_prestat_get", 0, 8192));
        assertEquals(Errno.NOTDIR, h.errno("path_open", 1, 0, 1024, h.string(1024, "x"), 0, ALL, ALL, 0, 512));
    }
}
