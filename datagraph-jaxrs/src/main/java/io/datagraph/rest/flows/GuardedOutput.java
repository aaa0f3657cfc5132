package io.datagraph.rest.flows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body that knows how long its current write has been blocked. A write blocks once a
 * client stops reading and the network's buffers are full; {@link SsePumps} then
 * {@linkplain #abandon abandons} it, which frees the sending thread. Safe for one writing thread and
 * any number of watching ones.
 */
final class GuardedOutput extends FilterOutputStream {

    private volatile Thread writer;
    /** When the write (or flush) in progress began (System.nanoTime), or 0 between writes. */
    private volatile long blockedSince;
    private volatile boolean abandoned;

    GuardedOutput(OutputStream body) {
        super(body);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        begin();
        try {
            out.write(bytes, offset, length);
        } finally {
            blockedSince = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        begin();
        try {
            out.flush();
        } finally {
            blockedSince = 0;
        }
    }

    private void begin() throws IOException {
        if (abandoned) {
            throw new IOException("the client left its events unread too long: given up");
        }
        writer = Thread.currentThread();
        blockedSince = System.nanoTime();
    }

    /** Whether a write has been blocked for longer than {@code nanos}. */
    boolean stalledLongerThan(long nanos) {
        long since = blockedSince;
        return since != 0 && System.nanoTime() - since > nanos;
    }

    /** Gives up on the client: the blocked write is interrupted, the connection closed, later writes fail. */
    void abandon() {
        abandoned = true;
        Thread blocked = writer;
        if (blocked != null) {
            blocked.interrupt();
        }
        try {
            out.close();
        } catch (IOException | RuntimeException alreadyBroken) {
            // the connection is being given up anyway
        }
    }
}
