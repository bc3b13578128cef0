package dev.wasm4j.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

/**
 * An open file descriptor of the guest: a regular file, a directory (a capability for the paths below it),
 * one of the standard streams, or a socket. Rights are the snapshot's; they can only shrink.
 */
abstract sealed class Fd permits Fd.FileFd, Fd.DirFd, Fd.InputFd, Fd.OutputFd, Fd.SocketFd {
    long rightsBase;
    long rightsInheriting;

    Fd(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract int filetype();

    /** fdflags as fd_fdstat_get reports them. */
    int fdflags() {
        return 0;
    }

    abstract void close() throws IOException;

    /** An open regular file. Position, reads and writes go straight to the channel. */
    static final class FileFd extends Fd {
        final FileChannel channel;
        final Path path;
        /** The file's key (device and inode) when it was opened: the path is trusted only while it matches. */
        final Object fileKey;
        final boolean append;

        FileFd(FileChannel channel, Path path, Object fileKey, boolean append, long rightsBase,
               long rightsInheriting) {
            super(rightsBase, rightsInheriting);
            this.channel = channel;
            this.path = path;
            this.fileKey = fileKey;
            this.append = append;
        }

        @Override
        int filetype() {
            return Rights.REGULAR_FILE;
        }

        @Override
        int fdflags() {
            return append ? Rights.FDFLAG_APPEND : 0;
        }

        @Override
        void close() throws IOException {
            channel.close();
        }
    }

    /**
     * An open directory: a host directory that paths resolve under and never leave, held open as a
     * {@link SecureDirectoryStream} so that operations run relative to it. {@code root} is its host path when
     * it was opened (for the few operations Java only offers by path). {@code preopenName} is the guest's
     * name for a preopened directory, null for directories the guest opened.
     */
    static final class DirFd extends Fd {
        final SecureDirectoryStream<Path> stream;
        final Path root;
        final String preopenName;
        /** The entries fd_readdir hands out, read when the guest starts at cookie 0. */
        List<FdFunctions.Dirent> entries;

        DirFd(SecureDirectoryStream<Path> stream, Path root, String preopenName, long rightsBase,
              long rightsInheriting) {
            super(rightsBase, rightsInheriting);
            this.stream = stream;
            this.root = root;
            this.preopenName = preopenName;
        }

        @Override
        int filetype() {
            return Rights.DIRECTORY_TYPE;
        }

        @Override
        void close() throws IOException {
            entries = null;
            stream.close();
        }
    }

    /** Standard input (or any readable stream). */
    static final class InputFd extends Fd {
        final ReadableByteChannel channel;
        final InputStream stream;
        final int filetype;

        InputFd(ReadableByteChannel channel, InputStream stream, int filetype) {
            super(Rights.STDIN, 0);
            this.channel = channel;
            this.stream = stream;
            this.filetype = filetype;
        }

        @Override
        int filetype() {
            return filetype;
        }

        /** Bytes that can be read without blocking, as far as the stream knows. */
        long available() {
            try {
                return stream != null ? stream.available() : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        void close() {
            // the host's streams stay open: the embedder owns them
        }
    }

    /**
     * Standard output or error. With a buffer, writes collect in a direct buffer that is flushed when full,
     * before the guest reads standard input or writes standard error, and at exit.
     */
    static final class OutputFd extends Fd {
        static final int BUFFER_SIZE = 64 * 1024;
        final WritableByteChannel channel;
        final ByteBuffer buffer;
        /** The whole buffer as a segment (offsets from 0, whatever the buffer's position). */
        private final MemorySegment bufferSegment;
        final int filetype;
        /** Flushed before this stream writes (stdout, for stderr), or null. */
        OutputFd flushFirst;

        OutputFd(WritableByteChannel channel, boolean buffered, int filetype) {
            super(Rights.STDOUT, 0);
            this.channel = channel;
            this.buffer = buffered ? ByteBuffer.allocateDirect(BUFFER_SIZE) : null;
            this.bufferSegment = buffered ? MemorySegment.ofBuffer(buffer) : null;
            this.filetype = filetype;
        }

        @Override
        int filetype() {
            return filetype;
        }

        /** Writes all of {@code src} (buffered or not); one thread at a time (wasi-threads). */
        synchronized void write(MemorySegment src) throws IOException {
            if (flushFirst != null) {
                flushFirst.flush();
            }
            if (buffer == null) {
                writeFully(src.asByteBuffer());
                return;
            }
            if (src.byteSize() > buffer.remaining()) {
                flush();
            }
            if (src.byteSize() >= buffer.capacity()) {
                writeFully(src.asByteBuffer());
            } else {
                MemorySegment.copy(src, 0, bufferSegment, buffer.position(), src.byteSize());
                buffer.position(buffer.position() + (int) src.byteSize());
            }
        }

        synchronized void flush() throws IOException {
            if (buffer != null && buffer.position() > 0) {
                buffer.flip();
                try {
                    writeFully(buffer);
                } finally {
                    buffer.clear();
                }
            }
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        @Override
        void close() throws IOException {
            flush();
        }
    }

    /** A socket handed to the guest by the host (a listener) or accepted from one. */
    static final class SocketFd extends Fd {
        final NetworkChannel channel;

        SocketFd(NetworkChannel channel) {
            super(Rights.SOCKET, 0);
            this.channel = channel;
        }

        @Override
        int filetype() {
            return Rights.SOCKET_STREAM;
        }

        @Override
        void close() throws IOException {
            channel.close();
        }
    }
}
