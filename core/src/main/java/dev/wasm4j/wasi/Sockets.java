package dev.wasm4j.wasi;

import dev.wasm4j.Memory;
import dev.wasm4j.wasi.Fd.SocketFd;

import java.io.IOException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import static dev.wasm4j.wasi.Guest.i32;
import static dev.wasm4j.wasi.Guest.u32;

/**
 * sock_accept, sock_recv, sock_send, sock_shutdown on sockets the host gave the guest (listeners in
 * {@link WasiConfig#listeners()}) and the connections accepted from them. Preview 1 cannot create sockets.
 */
final class Sockets {
    private static final int RECV_PEEK = 1;
    private static final int RECV_WAITALL = 2;
    private static final int SHUT_RD = 1;
    private static final int SHUT_WR = 2;

    private final FdTable fds;

    Sockets(Wasi wasi) {
        this.fds = wasi.fds;
    }

    void define(Exports e) {
        e.fn("sock_accept", "iii", (m, a) -> accept(m, i32(a[0]), i32(a[1]), u32(a[2])));
        e.fn("sock_recv", "iiiiii", (m, a) -> recv(m, i32(a[0]), u32(a[1]), u32(a[2]), i32(a[3]), u32(a[4]),
                u32(a[5])));
        e.fn("sock_send", "iiiii", (m, a) -> send(m, i32(a[0]), u32(a[1]), u32(a[2]), u32(a[4])));
        e.fn("sock_shutdown", "ii", (m, a) -> shutdown(i32(a[0]), i32(a[1])));
    }

    private SocketFd socket(int fd) {
        return fds.get(fd, SocketFd.class, Errno.NOTSOCK);
    }

    private SocketChannel connection(int fd) {
        if (socket(fd).channel instanceof SocketChannel c) {
            return c;
        }
        throw WasiError.of(Errno.NOTCONN);
    }

    private Errno accept(Memory m, int fd, int flags, long fdPtr) throws IOException {
        SocketFd s = socket(fd);
        Rights.require(s, Rights.SOCK_ACCEPT);
        if ((flags & ~Rights.FDFLAG_NONBLOCK) != 0) {
            throw WasiError.of(Errno.INVAL);
        }
        if (!(s.channel instanceof ServerSocketChannel server)) {
            throw WasiError.of(Errno.INVAL);
        }
        Guest.check(m, fdPtr, 4);
        SocketChannel c = server.accept();
        if (c == null) {
            throw WasiError.of(Errno.AGAIN);
        }
        int newFd;
        try {
            newFd = fds.insert(new SocketFd(c));
        } catch (WasiError e) {
            c.close();
            throw e;
        }
        m.writeInt(fdPtr, newFd);
        return Errno.SUCCESS;
    }

    private Errno recv(Memory m, int fd, long iovs, long count, int flags, long lenPtr, long flagsPtr)
            throws IOException {
        SocketChannel c = connection(fd);
        if ((flags & ~(RECV_PEEK | RECV_WAITALL)) != 0) {
            throw WasiError.of(Errno.INVAL);
        }
        if ((flags & RECV_PEEK) != 0) {
            throw WasiError.of(Errno.NOTSUP);
        }
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, lenPtr, 4);
        Guest.check(m, flagsPtr, 2);
        long n;
        try {
            n = FdFunctions.readv(m, c, iovs, count, (flags & RECV_WAITALL) != 0);
        } catch (NotYetConnectedException e) {
            throw WasiError.of(Errno.NOTCONN);
        }
        m.writeInt(lenPtr, (int) n);
        Guest.writeShort(m, flagsPtr, 0);
        return Errno.SUCCESS;
    }

    private Errno send(Memory m, int fd, long iovs, long count, long lenPtr) throws IOException {
        SocketChannel c = connection(fd);
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, lenPtr, 4);
        long n;
        try {
            n = FdFunctions.writev(m, c, iovs, count);
        } catch (NotYetConnectedException e) {
            throw WasiError.of(Errno.NOTCONN);
        }
        m.writeInt(lenPtr, (int) n);
        return Errno.SUCCESS;
    }

    private Errno shutdown(int fd, int how) throws IOException {
        SocketChannel c = connection(fd);
        Rights.require(socket(fd), Rights.SOCK_SHUTDOWN);
        if (how == 0 || (how & ~(SHUT_RD | SHUT_WR)) != 0) {
            throw WasiError.of(Errno.INVAL);
        }
        try {
            if ((how & SHUT_RD) != 0) {
                c.shutdownInput();
            }
            if ((how & SHUT_WR) != 0) {
                c.shutdownOutput();
            }
        } catch (NotYetConnectedException e) {
            throw WasiError.of(Errno.NOTCONN);
        }
        return Errno.SUCCESS;
    }
}
