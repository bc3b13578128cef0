package dev.wasm4j.wasi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The set of functions, and the socket functions (which no C program of ours can reach). */
class WasiFunctionsTest {

    /** Every function of wasi_snapshot_preview1 (the witx of the snapshot), no more. */
    @Test
    void allFunctionsOfTheSnapshot() {
        Set<String> expected = Set.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get",
                "clock_res_get", "clock_time_get", "fd_advise", "fd_allocate", "fd_close", "fd_datasync",
                "fd_fdstat_get", "fd_fdstat_set_flags", "fd_fdstat_set_rights", "fd_filestat_get",
                "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread", "fd_prestat_get",
                "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek", "fd_sync",
                "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
                "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
                "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get",
                "sock_accept", "sock_recv", "sock_send", "sock_shutdown");
        assertEquals(46, expected.size());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(Wasi.functionNames()));
    }

    @Test
    void socketsAcceptReceiveSendShutdown() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Harness h = new Harness(WasiConfig.of("t").withListener(server));
                 SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                int listener = 3;
                assertEquals(Errno.SUCCESS, h.errno("sock_accept", listener, 0, 100));
                int conn = h.memory.readInt(100);
                assertEquals(4, conn);
                client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
                // one iovec of 16 bytes at 1024
                h.memory.writeInt(200, 1024);
                h.memory.writeInt(204, 16);
                assertEquals(Errno.SUCCESS, h.errno("sock_recv", conn, 200, 1, 0, 300, 304));
                int n = h.memory.readInt(300);
                assertEquals("ping", new String(h.memory.read(1024, n), StandardCharsets.US_ASCII));
                h.string(2048, "pong!");
                h.memory.writeInt(208, 2048);
                h.memory.writeInt(212, 5);
                assertEquals(Errno.SUCCESS, h.errno("sock_send", conn, 208, 1, 0, 308));
                assertEquals(5, h.memory.readInt(308));
                ByteBuffer got = ByteBuffer.allocate(5);
                while (got.hasRemaining()) {
                    client.read(got);
                }
                assertEquals("pong!", new String(got.array(), StandardCharsets.US_ASCII));
                assertEquals(Errno.SUCCESS, h.errno("sock_shutdown", conn, 2));
                assertEquals(-1, client.read(ByteBuffer.allocate(1)));
                assertEquals(Errno.INVAL, h.errno("sock_shutdown", conn, 0));
                assertEquals(Errno.NOTSUP, h.errno("sock_recv", conn, 200, 1, 1, 300, 304));
                assertEquals(Errno.NOTCONN, h.errno("sock_send", listener, 208, 1, 0, 308));
                assertEquals(Errno.NOTSOCK, h.errno("sock_accept", 1, 0, 100));
                assertEquals(Errno.SUCCESS, h.errno("fd_close", conn));
            }
        }
    }
}
