package io.datagraph.rest.flows;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.CompletionStage;

/**
 * An event sink that knows how long its current send has been going on. Some servers write events
 * synchronously, so a client that stops reading blocks the sending thread inside {@link #send} once
 * the network's buffers are full; {@link SsePumps} then {@linkplain #abandon abandons} it, which frees
 * the thread. Safe for one sending thread and any number of watching ones.
 */
final class GuardedSink implements SseEventSink {

    private final SseEventSink sink;
    private volatile Thread sender;
    /** When the send in progress began (System.nanoTime), or 0 between sends. */
    private volatile long sendingSince;

    GuardedSink(SseEventSink sink) {
        this.sink = sink;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        blocking();
        try {
            return sink.send(event);
        } finally {
            sendingSince = 0;
        }
    }

    /** Closing flushes what is queued, so it may block as a send does. */
    @Override
    public void close() {
        blocking();
        try {
            sink.close();
        } finally {
            sendingSince = 0;
        }
    }

    private void blocking() {
        sender = Thread.currentThread();
        sendingSince = System.nanoTime();
    }

    /** Whether a send (or the close) has been blocked for longer than {@code nanos}. */
    boolean stalledLongerThan(long nanos) {
        long since = sendingSince;
        return since != 0 && System.nanoTime() - since > nanos;
    }

    /** Gives up on the client: interrupts the blocked send and closes the connection. */
    void abandon() {
        Thread blocked = sender;
        if (blocked != null) {
            blocked.interrupt();
        }
        try {
            sink.close();
        } catch (RuntimeException alreadyBroken) {
            // the connection is being given up anyway
        }
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }
}
