package io.datagraph;

import java.util.Iterator;

/**
 * The values of a stream with their positions, in order ({@link IO#after}). {@code hasNext()} waits
 * for the producer; {@link #ready()} tells whether it would have to, so that a reader forwarding
 * values (an event stream, a socket) can send what it holds before it waits. Not thread-safe: one
 * reader per cursor.
 *
 * @param <T> the values' type
 */
public interface ValueCursor<T> extends Iterator<StreamValue<T>> {

    /**
     * Whether {@code hasNext()} would answer now, without waiting for the producer: a value (or the
     * stream's end) is at hand. May read the store once, never waits.
     */
    boolean ready();
}
