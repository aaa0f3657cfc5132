package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.engine.store.RunKeys;
import io.datagraph.engine.store.Script;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.store.StatusReply;
import org.redisson.api.RScript;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A position in one stream and the raw JSON values read past it. Values come in entries of up to
 * {@code datagraph.emit.batch} values joined by newlines; an entry with field {@code end} completes
 * the stream. A value's position is {@code <entry id>:<index in entry>}. Each fetch also returns the
 * run's status, so a failed or cancelled run stops a reader at its next fetch.
 *
 * <p>Not thread-safe: one cursor per reading thread.
 */
final class StreamCursor {

    /** A reading processor reports its position at least every this many values. */
    private static final int PROGRESS_EVERY = 1024;

    private final StreamFactory streams;
    private final RunKeys keys;
    private final String name;
    private final Optional<String> producer;
    private final String reader;
    private final ArrayDeque<Entry> buffered = new ArrayDeque<>();
    private long taken;
    private long reported;
    /** Start bound of the next fetch: {@code (id} after an entry, or {@code id} to re-read it when resuming. */
    private String bound = "-";
    /** When resuming inside an entry: its id, and how many of its values were already read. */
    private String resumeEntry;
    private int resumeSkip;
    private String lastPosition;
    private boolean ended;

    /** @param reader the processor reading, whose progress the store records; empty for other readers */
    StreamCursor(StreamFactory streams, RunKeys keys, String name, Optional<String> producer, String reader) {
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
        int colon = position.lastIndexOf(':');
        try {
            String entry = position.substring(0, colon);
            int index = Integer.parseInt(position.substring(colon + 1));
            if (!entry.matches("\\d+-\\d+") || index < 0) {
                throw new IllegalArgumentException();
            }
            bound = entry;
            resumeEntry = entry;
            resumeSkip = index + 1;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + position + "' is not a position of stream '" + name
                    + "' (expected <entry id>:<index>, as given with each value)");
        }
    }

    String name() {
        return name;
    }

    RunKeys keys() {
        return keys;
    }

    /** Starts watching for signals of this cursor's run; take it before the fetch that may find nothing. */
    Signals.Watch watch() {
        return streams.signals().watch(keys.runId());
    }

    /** Whether the end of the stream was reached and every value before it taken. */
    boolean exhausted() {
        return ended && buffered.isEmpty();
    }

    /** Whether a value is ready now, fetching once from the store if none is buffered. Never waits. */
    boolean poll() {
        if (buffered.isEmpty() && !ended) {
            fetch();
        }
        return !buffered.isEmpty();
    }

    /** Waits until a value is ready ({@code true}) or the stream ended ({@code false}). */
    boolean await() {
        if (poll() || ended) {
            return !buffered.isEmpty();
        }
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

    /** The next buffered value; call after {@link #poll()} or {@link #await()} said there is one. */
    String take() {
        Entry entry = buffered.getFirst();
        int index = entry.next++;
        if (entry.next == entry.values.length) {
            buffered.removeFirst();
        }
        lastPosition = entry.id + ":" + (entry.first + index);
        if (++taken - reported >= PROGRESS_EVERY && !reader.isEmpty()) {
            reportProgress();
        }
        return entry.values[index];
    }

    /** The position of the value last returned by {@link #take()}. */
    String lastPosition() {
        return lastPosition;
    }

    /**
     * Waits on behalf of readers of {@code cursors} (all of one run): runs a queued producer inline
     * if one is queued long enough, else sleeps until a signal or the poll interval.
     */
    static void waitForProducer(Signals.Watch watch, List<StreamCursor> cursors) {
        StreamFactory streams = cursors.get(0).streams;
        long nanos = streams.config().pollInterval().toNanos();
        for (StreamCursor cursor : cursors) {
            if (cursor.producer.isEmpty() || cursor.exhausted()) {
                continue;
            }
            ProducerHelp.Outcome outcome = streams.help().runIfQueued(cursor.keys.runId(), cursor.producer.get());
            if (outcome == ProducerHelp.Outcome.RAN) {
                return;
            }
            if (outcome == ProducerHelp.Outcome.QUEUED) {
                nanos = Math.min(nanos, streams.config().helpAfter().toNanos());
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
                .fastPutAsync("read:" + name + ":" + reader, String.valueOf(taken));
    }

    private void fetch() {
        reported = taken;
        List<Object> reply = streams.store().call(Script.READ, RScript.ReturnType.MULTI,
                List.of(keys.meta(), keys.stream(name)), bound, streams.config().readBatch(), reader, taken, name);
        String status = StatusReply.status(reply);
        if ("TRIMMED".equals(status)) {
            throw new DatagraphException("stream '" + name + "' of run " + keys.runId() + " no longer holds its values up"
                    + " to entry " + reply.get(2) + ": the processors reading it consumed them, and it is not an output"
                    + " selected at start (start the run with outputs ALL, or set datagraph.streams.trim-consumed=false,"
                    + " to keep them)");
        }
        if (!"RUNNING".equals(status) && !"COMPLETED".equals(status)) {
            throw StatusReply.ended(keys.runId(), reply);
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> entries = (List<List<Object>>) reply.get(3);
        for (List<Object> entry : entries) {
            String id = (String) entry.get(0);
            bound = "(" + id;
            @SuppressWarnings("unchecked")
            List<Object> fields = (List<Object>) entry.get(1);
            String payload = field(fields, "v");
            if (payload == null) {
                ended = field(fields, "end") != null;
                continue;
            }
            streams.signer().verify(keys.runId(), name, id, payload, field(fields, "s"));
            int skip = id.equals(resumeEntry) ? resumeSkip : 0;
            resumeEntry = null;
            String[] values = split(payload);
            if (skip < values.length) {
                buffered.addLast(new Entry(id, skip == 0 ? values : Arrays.copyOfRange(values, skip, values.length), skip));
            }
        }
    }

    private static String[] split(String payload) {
        int count = 1;
        for (int i = payload.indexOf('\n'); i >= 0; i = payload.indexOf('\n', i + 1)) {
            count++;
        }
        String[] values = new String[count];
        int from = 0;
        for (int v = 0; v < count - 1; v++) {
            int newline = payload.indexOf('\n', from);
            values[v] = payload.substring(from, newline);
            from = newline + 1;
        }
        values[count - 1] = payload.substring(from);
        return values;
    }

    private static String field(List<Object> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i))) {
                return (String) fields.get(i + 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "stream '" + name + "' of run " + keys.runId() + " from " + bound;
    }

    /** The values of one stream entry not yet taken; {@code first} is the index of values[0] in the entry. */
    private static final class Entry {
        private final String id;
        private final String[] values;
        private final int first;
        private int next;

        Entry(String id, String[] values, int first) {
            this.id = id;
            this.values = values;
            this.first = first;
        }
    }
}
