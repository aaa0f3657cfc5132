package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.engine.store.RunKeys;
import io.datagraph.engine.store.Script;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.store.StatusReply;
import org.redisson.api.RScript;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * A position in one stream and the raw JSON values read past it. Values come in entries of up to
 * {@code datagraph.emit.batch} values joined by newlines; an entry with field {@code end} completes
 * the stream. Each fetch also returns the run's status, so a failed or cancelled run stops a reader
 * at its next fetch.
 *
 * <p>Not thread-safe: one cursor per reading thread.
 */
final class StreamCursor {

    private static final String START = "0-0";

    private final StreamFactory streams;
    private final RunKeys keys;
    private final String name;
    private final Optional<String> producer;
    private final ArrayDeque<String> buffered = new ArrayDeque<>();
    private String lastId = START;
    private boolean ended;

    StreamCursor(StreamFactory streams, RunKeys keys, String name, Optional<String> producer) {
        this.streams = streams;
        this.keys = keys;
        this.name = name;
        this.producer = producer;
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
        return buffered.removeFirst();
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

    private void fetch() {
        List<Object> reply = streams.store().call(Script.READ, RScript.ReturnType.MULTI,
                List.of(keys.meta(), keys.stream(name)), lastId, streams.config().readBatch());
        String status = StatusReply.status(reply);
        if (!"RUNNING".equals(status) && !"COMPLETED".equals(status)) {
            throw StatusReply.ended(keys.runId(), reply);
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> entries = (List<List<Object>>) reply.get(3);
        for (List<Object> entry : entries) {
            lastId = (String) entry.get(0);
            @SuppressWarnings("unchecked")
            List<Object> fields = (List<Object>) entry.get(1);
            String payload = field(fields, "v");
            if (payload == null) {
                ended = field(fields, "end") != null;
                continue;
            }
            split(payload);
        }
    }

    private void split(String payload) {
        int from = 0;
        for (int newline = payload.indexOf('\n'); newline >= 0; newline = payload.indexOf('\n', from)) {
            buffered.addLast(payload.substring(from, newline));
            from = newline + 1;
        }
        buffered.addLast(payload.substring(from));
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
        return "stream '" + name + "' of run " + keys.runId() + " after " + lastId;
    }
}
