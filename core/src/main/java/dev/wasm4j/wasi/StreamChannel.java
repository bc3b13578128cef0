package dev.wasm4j.wasi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;

/**
 * An output stream as a channel that an interrupt leaves open. {@code FileChannel} and
 * {@code Channels.newChannel} close themselves when a thread is interrupted while it writes; the threads of a
 * wasi-threads program are interrupted when the program ends, and standard output must still take the last
 * flush then.
 */
final class StreamChannel implements WritableByteChannel {
    private final OutputStream out;
    private final byte[] chunk = new byte[16 * 1024];
    private boolean open = true;

    StreamChannel(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int written = src.remaining();
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), written);
            src.position(src.limit());
        } else {
            while (src.hasRemaining()) {
                int n = Math.min(chunk.length, src.remaining());
                src.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
        out.flush();
        return written;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() throws IOException {
        open = false;
        out.close();
    }
}
