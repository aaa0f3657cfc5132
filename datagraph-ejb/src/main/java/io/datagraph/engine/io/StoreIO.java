package io.datagraph.engine.io;

import io.datagraph.IO;
import io.datagraph.StreamValue;
import io.datagraph.ValueCursor;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.store.Signals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@link IO} over one stream of a run in the store. Each iterator is its own
 * {@link StreamCursor}; {@link #first()} is read once and remembered.
 */
public final class StoreIO<T> implements IO<T> {

    private final StreamFactory streams;
    private final RunKeys keys;
    private final String name;
    private final Optional<String> producer;
    private final String reader;
    private final ValueCodec<T> codec;
    private final LongAdder taken = new LongAdder();
    /** The cursors of this IO's iterations, whose counts {@link #settleTaken()} settles. */
    private final List<StreamCursor> cursors = new CopyOnWriteArrayList<>();
    private volatile T first;
    /** A first fetch made for this IO's reader and the watch taken before it, for its first iteration from the start. */
    private final AtomicReference<Handed> handed = new AtomicReference<>();

    StoreIO(StreamFactory streams, RunKeys keys, String name, Optional<String> producer, String reader,
            ValueCodec<T> codec) {
        this.streams = streams;
        this.keys = keys;
        this.name = name;
        this.producer = producer;
        this.reader = reader;
        this.codec = codec;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Hands the first iteration from the start a fetch already made for it (see
     * {@link StreamCursor#startWith}); the watch stays the caller's to close, once the reader is done.
     */
    public void startWith(Scripts.Read firstFetch, Signals.Watch watchTakenBefore) {
        handed.set(new Handed(firstFetch, watchTakenBefore));
    }

    public String runId() {
        return keys.runId();
    }

    @Override
    public T first() {
        T value = first;
        if (value == null) {
            Iterator<T> values = iterator();
            if (!values.hasNext()) {
                throw new NoSuchElementException("stream '" + name + "' of run " + keys.runId()
                        + " completed without any value");
            }
            value = values.next();
            first = value;
        }
        return value;
    }

    @Override
    public Iterator<T> iterator() {
        return new Values(cursor(true));
    }

    @Override
    public ValueCursor<T> after(String position) {
        boolean fromStart = position == null || position.isEmpty();
        StreamCursor cursor = cursor(fromStart);
        if (!fromStart) {
            cursor.resumeAfter(position);
        }
        Values values = new Values(cursor);
        return new ValueCursor<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public boolean ready() {
                return cursor.poll() || cursor.exhausted();
            }

            @Override
            public StreamValue<T> next() {
                T value = values.next();
                return new StreamValue<>(cursor.lastPosition(), value);
            }
        };
    }

    @Override
    public boolean isComplete() {
        try {
            return streams.store().redisson().getMap(keys.meta()).containsKey("closed:" + name);
        } catch (RuntimeException e) {
            throw streams.store().unavailable(e);
        }
    }

    @Override
    public Stream<T> mergeWith(List<? extends IO<? extends T>> others) {
        List<StreamCursor> cursors = new ArrayList<>(others.size() + 1);
        List<ValueCodec<? extends T>> codecs = new ArrayList<>(others.size() + 1);
        cursors.add(cursor(true));
        codecs.add(codec);
        for (IO<? extends T> other : others) {
            if (!(other instanceof StoreIO<? extends T> io) || !io.keys.equals(keys)) {
                throw new IllegalArgumentException("can only merge streams of the same run: '" + other.name()
                        + "' is not a stream of run " + keys.runId());
            }
            cursors.add(io.cursor(true));
            codecs.add(io.codec);
        }
        Iterator<T> merged = new Merged<>(cursors, codecs);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
    }

    private StreamCursor cursor(boolean fromStart) {
        StreamCursor cursor = streams.cursor(keys, name, producer, reader, taken);
        Handed first = fromStart ? handed.getAndSet(null) : null;
        if (first != null) {
            cursor.startWith(first.fetch(), first.watch());
        }
        cursors.add(cursor);
        return cursor;
    }

    private record Handed(Scripts.Read fetch, Signals.Watch watch) {
    }

    /**
     * How many values this IO's iterations have returned (all of them together), once the values of entries
     * they left part-read are counted too (cursors count whole entries as they go). Call once the processor
     * has stopped reading: a cursor belongs to the thread reading it.
     */
    public long settleTaken() {
        cursors.forEach(StreamCursor::settleCounts);
        return taken.sum();
    }

    @Override
    public String toString() {
        return "IO '" + name + "' of run " + keys.runId();
    }

    /** The decoded values of one cursor. */
    private final class Values implements Iterator<T> {
        private final StreamCursor cursor;

        Values(StreamCursor cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            return cursor.await();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException(cursor + " has ended");
            }
            return cursor.take(codec);
        }
    }

    /**
     * Values of several cursors of one run in the order they arrive; one thread waits for all of
     * them on the run's signal.
     */
    private static final class Merged<T> implements Iterator<T> {
        private final List<StreamCursor> cursors;
        private final List<ValueCodec<? extends T>> codecs;
        private int ready = -1;
        private int next;

        Merged(List<StreamCursor> cursors, List<ValueCodec<? extends T>> codecs) {
            this.cursors = new ArrayList<>(cursors);
            this.codecs = new ArrayList<>(codecs);
        }

        @Override
        public boolean hasNext() {
            if (ready >= 0 || pollAll()) {
                return true;
            }
            if (cursors.isEmpty()) {
                return false;
            }
            try (Signals.Watch watch = cursors.get(0).watchRun()) {
                while (true) {
                    if (pollAll()) {
                        return true;
                    }
                    if (cursors.isEmpty()) {
                        return false;
                    }
                    StreamCursor.waitForProducer(watch, cursors);
                }
            }
        }

        /** Finds a cursor with a value, round-robin so that no stream starves; drops ended ones. */
        private boolean pollAll() {
            for (int tried = 0; tried < cursors.size(); ) {
                int i = next % cursors.size();
                StreamCursor cursor = cursors.get(i);
                if (cursor.poll()) {
                    ready = i;
                    next = i + 1;
                    return true;
                }
                if (cursor.exhausted()) {
                    cursors.remove(i);
                    codecs.remove(i);
                } else {
                    next = i + 1;
                    tried++;
                }
            }
            return false;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("merged streams have ended");
            }
            T value = cursors.get(ready).take(codecs.get(ready));
            ready = -1;
            return value;
        }
    }
}
