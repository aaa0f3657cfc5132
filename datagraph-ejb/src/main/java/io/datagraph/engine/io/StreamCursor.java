package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.MetaField;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.ScriptCall;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StatusReply;
import io.datagraph.engine.protocol.StreamPosition;
import io.datagraph.engine.store.Signals;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A position in one stream and the raw JSON values read past it, entry by entry as
 * {@link EntryCodec} decodes them; each value's position is a {@link StreamPosition}. Each fetch
 * also returns the run's status, so a failed or cancelled run stops a reader at its next fetch.
 *
 * <p>While values flow (a fetch found a value and the stream has not ended), the cursor reads ahead:
 * once a single fetched entry is left to take, the next fetch is sent without waiting, so the reader
 * takes that entry's values while the store answers rather than after. A read-ahead that finds
 * nothing is not trusted to end a wait, since it may predate the {@linkplain #watch() watch}: the
 * cursor then fetches again. A processor's reader starts from the fetch that starting its attempt made
 * ({@link #startWith}), so a small input costs it no fetch, and an input still empty then costs it no
 * fetch before its first wait.
 *
 * <p>A cursor's first fetch asks for {@value #FIRST_FETCH} entries and each next one for twice as many,
 * up to {@code datagraph.read.batch}: a reader that joins a long stream (a client following an output
 * of a big run) gets its first value after two entries' transfer rather than a whole batch's, and a small
 * stream (a value entry and its end) still takes one fetch.
 *
 * <p>Not thread-safe: one cursor per reading thread.
 */
final class StreamCursor {

    /** A reading processor reports its position at least every this many values. */
    private static final int PROGRESS_EVERY = 1024;

    /** Entries the first fetch asks for: a small stream's value entry and its end. */
    static final int FIRST_FETCH = 2;

    private final StreamFactory streams;
    private final RunKeys keys;
    private final String name;
    private final Optional<String> producer;
    private final String reader;
    private final LongAdder readCount;
    private final LongAdder ioCount;
    private final ArrayDeque<Entry> buffered = new ArrayDeque<>();
    private long taken;
    /** Of {@code taken}, how many are added to the counts already ({@link #settleCounts()}). */
    private long counted;
    private long reported;
    /** Start bound of the next fetch: {@code (id} after an entry, or {@code id} to re-read it when resuming. */
    private String bound = "-";
    /** When resuming inside an entry: its id, and how many of its values were already read. */
    private String resumeEntry;
    private int resumeSkip;
    /** The entry and index of the value last taken: its position is only spelled out when asked for. */
    private String lastEntry;
    private int lastIndex;
    private boolean ended;
    /** The last entry every value of which was taken (or skipped when resuming): the store may trim up to it. */
    private String consumed = "";
    /** Whether the last fetch found a value: only then is reading ahead likely to find more. */
    private boolean flowing;
    /** The fetch sent ahead, from {@code bound}, not yet absorbed; at most one. */
    private CompletableFuture<Scripts.Read> ahead;
    /** A first fetch made before this cursor existed ({@link #startWith}), absorbed before any other; or null. */
    private Scripts.Read handed;
    /** A watch taken before {@code handed} was fetched, while that found nothing; not this cursor's to close. */
    private Signals.Watch watchedBefore;
    /** Entries the next fetch asks for: doubles from {@link #FIRST_FETCH} up to the configured read batch. */
    private int fetchSize = FIRST_FETCH;

    /**
     * @param reader    the processor reading, whose progress the store records; empty for other readers
     * @param readCount this node's count of the values the processor read of this stream; null for other readers
     * @param ioCount   the count of the values taken through the IO this cursor belongs to
     */
    StreamCursor(StreamFactory streams, RunKeys keys, String name, Optional<String> producer, String reader,
                 LongAdder readCount, LongAdder ioCount) {
        this.readCount = readCount;
        this.ioCount = ioCount;
        this.streams = streams;
        this.keys = keys;
        this.name = name;
        this.producer = producer;
        this.reader = reader;
    }

    /**
     * Moves the cursor behind {@code position}; call before reading.
     *
     * @throws IllegalArgumentException if the position is not of the form {@code <entry id>:<index>}
     */
    void resumeAfter(String position) {
        StreamPosition after = StreamPosition.parse(position, name);
        bound = after.entryId();
        resumeEntry = after.entryId();
        resumeSkip = after.index() + 1;
    }

    /**
     * Starts from a fetch from the start of the stream made for this cursor (as starting a processor's
     * attempt makes one) and a watch taken before that fetch, which its giver closes; call before reading.
     * Should the fetch have found nothing, the first wait is on that watch, with no fetch of its own first.
     */
    void startWith(Scripts.Read firstFetch, Signals.Watch watchTakenBefore) {
        handed = firstFetch;
        watchedBefore = firstFetch.entries().isEmpty() ? watchTakenBefore : null;
    }

    String name() {
        return name;
    }

    RunKeys keys() {
        return keys;
    }

    /**
     * Starts watching for the signals of this cursor's stream (those that name it, and those that concern
     * every stream of the run); take it before the fetch that may find nothing.
     */
    Signals.Watch watch() {
        return streams.signals().watch(keys.runId(), name);
    }

    /** Starts watching for every signal of this cursor's run: a wait for several streams of it at once. */
    Signals.Watch watchRun() {
        return streams.signals().watch(keys.runId());
    }

    /** Whether the end of the stream was reached and every value before it taken. */
    boolean exhausted() {
        return ended && buffered.isEmpty();
    }

    /** Whether a value is ready now, fetching once from the store if none is buffered. Never waits. */
    boolean poll() {
        absorbHanded();
        if (buffered.isEmpty() && !ended && ahead != null) {
            absorb(takeAhead());
        }
        if (buffered.isEmpty() && !ended) {
            absorb(streams.store().call(read()));
        }
        return !buffered.isEmpty();
    }

    /** Waits until a value is ready ({@code true}) or the stream ended ({@code false}). */
    boolean await() {
        absorbHanded();
        if (!buffered.isEmpty() || ended) {
            return !buffered.isEmpty();
        }
        if (watchedBefore != null) {
            Signals.Watch before = watchedBefore;
            watchedBefore = null;
            // the handed fetch found nothing and this watch predates it: a write since has signalled it
            waitForProducer(before, List.of(this));
        }
        // watching costs no store round trip, a second fetch would: watch before the first one
        try (Signals.Watch watch = watch()) {
            while (true) {
                // the watch predates this fetch, so a write after it wakes the wait below
                if (poll() || ended) {
                    return !buffered.isEmpty();
                }
                waitForProducer(watch, List.of(this));
            }
        }
    }

    /**
     * The next buffered value, decoded where it lies in its entry (no text cut out for numbers); call after
     * {@link #poll()} or {@link #await()} said there is one.
     */
    <T> T take(ValueCodec<T> codec) {
        Entry entry = buffered.getFirst();
        EntryCodec.Entry values = entry.values;
        int index = entry.next++;
        int from = entry.position;
        int to = values.valueEnd(from, index);
        entry.position = to + 1;
        lastEntry = values.id();
        lastIndex = index;
        if (++taken - reported >= PROGRESS_EVERY && !reader.isEmpty()) {
            reportProgress();
        }
        if (entry.next == values.size()) {
            buffered.removeFirst();
            consumed = values.id();
            settleCounts();
            readAheadIfDue();
        }
        return codec.decode(values.payload(), from, to);
    }

    /**
     * Adds the values taken since the last call to the counts this cursor keeps (the IO's and the node's
     * metrics). A cursor settles whenever it has taken an entry's last value, rather than per value: an
     * atomic increment per value cost a fifth of a reader's CPU (JFR, range → square → sum). Call on the
     * reading thread, or once it has stopped.
     */
    void settleCounts() {
        long delta = taken - counted;
        if (delta > 0) {
            counted = taken;
            if (readCount != null) {
                readCount.add(delta);
            }
            ioCount.add(delta);
        }
    }

    /** The position of the value last returned by {@link #take(ValueCodec)}. */
    String lastPosition() {
        return lastEntry == null ? null : new StreamPosition(lastEntry, lastIndex).toString();
    }

    /**
     * Waits on behalf of readers of {@code cursors} (all of one run): runs a queued producer inline
     * if one is queued long enough, else sleeps until a signal or the poll interval.
     */
    static void waitForProducer(Signals.Watch watch, List<StreamCursor> cursors) {
        StreamFactory streams = cursors.get(0).streams;
        long nanos = streams.config().streams().pollInterval().toNanos();
        for (StreamCursor cursor : cursors) {
            if (cursor.producer.isEmpty() || cursor.exhausted()) {
                continue;
            }
            ProducerHelp.Outcome outcome = streams.help().runIfQueued(cursor.keys.runId(), cursor.producer.get());
            if (outcome == ProducerHelp.Outcome.RAN) {
                return;
            }
            if (outcome == ProducerHelp.Outcome.QUEUED) {
                nanos = Math.min(nanos, streams.config().executor().helpAfter().toNanos());
            }
        }
        try {
            watch.await(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatagraphException("interrupted while waiting for stream '" + cursors.get(0).name
                    + "' of run " + cursors.get(0).keys.runId(), e);
        }
    }

    /**
     * Tells the store how far this processor has read between fetches (a fetch reports it too), so
     * that its writer's backpressure and the run's backlog figures follow it closely. Fire and forget.
     */
    private void reportProgress() {
        reported = taken;
        streams.store().redisson().<String, String>getMap(keys.meta())
                .fastPutAsync(MetaField.read(name, reader), String.valueOf(taken));
    }

    /** The next fetch, from {@code bound}; it reports this reader's progress too. */
    private ScriptCall<Scripts.Read> read() {
        reported = taken;
        int readBatch = streams.config().streams().readBatch();
        int count = Math.min(fetchSize, readBatch);
        fetchSize = Math.min(count * 2, readBatch);
        return Scripts.read(keys, name, bound, count, reader, taken, consumed);
    }

    /** Sends the next fetch ahead when values flow and at most one fetched entry is left to take. */
    private void readAheadIfDue() {
        if (ahead == null && flowing && !ended && buffered.size() <= 1) {
            ahead = streams.store().callAsync(read()).toCompletableFuture();
        }
    }

    private Scripts.Read takeAhead() {
        CompletableFuture<Scripts.Read> pending = ahead;
        ahead = null;
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void absorbHanded() {
        if (handed != null) {
            Scripts.Read first = handed;
            handed = null;
            absorb(first);
        }
    }

    /** Checks a fetch's status and buffers its entries; every fetch, ahead or not, goes through here in order. */
    private void absorb(Scripts.Read reply) {
        StatusReply status = reply.status();
        if (status.is(StatusReply.TRIMMED)) {
            throw new DatagraphException("stream '" + name + "' of run " + keys.runId() + " no longer holds its values up"
                    + " to entry " + status.error() + ": the processors reading it consumed them, and it is not an output"
                    + " selected at start (start the run with outputs ALL, or set datagraph.streams.trim-consumed=false,"
                    + " to keep them)");
        }
        if (!status.is("RUNNING") && !status.is("COMPLETED")) {
            throw status.ended(keys.runId());
        }
        flowing = false;
        for (Scripts.RawEntry raw : reply.entries()) {
            bound = "(" + raw.id();
            EntryCodec.Entry entry = streams.entries().decode(keys.runId(), name, raw.id(), raw.fields());
            if (entry.size() == 0) {
                ended |= entry.end();
                continue;
            }
            int skip = raw.id().equals(resumeEntry) ? resumeSkip : 0;
            resumeEntry = null;
            if (skip < entry.size()) {
                buffered.addLast(new Entry(entry, skip));
                flowing = true;
            } else {
                consumed = raw.id();
            }
        }
        readAheadIfDue();
    }

    @Override
    public String toString() {
        return "stream '" + name + "' of run " + keys.runId() + " from " + bound;
    }

    /** A stream entry being taken: {@code next} is the index of its next value, {@code position} where it starts. */
    private static final class Entry {
        private final EntryCodec.Entry values;
        private int next;
        private int position;

        Entry(EntryCodec.Entry values, int next) {
            this.values = values;
            this.next = next;
            this.position = values.valueStart(next);
        }
    }
}
