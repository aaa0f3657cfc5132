package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.Emitter;
import io.datagraph.LimitExceededException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.store.RunKeys;
import io.datagraph.engine.store.Script;
import io.datagraph.engine.store.StatusReply;
import io.datagraph.engine.store.StoreClient;
import org.redisson.api.RScript;

import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * An {@link Emitter} that appends values to a stream of a run, in batches.
 *
 * <p>One batch is in flight at a time (so batches land in order); values emitted meanwhile gather
 * in the next batch, which is sent as soon as the previous one is acknowledged. A lone value is
 * therefore sent at once, and a fast producer fills batches of up to {@code datagraph.emit.batch}
 * values, blocking in {@link #emit} while its next batch is full and the previous one still in
 * flight. Each batch carries a sequence number, so a command the client retries is not appended
 * twice. Each append also reports how far the slowest running reader lags; beyond
 * {@code datagraph.emit.window} values, {@code emit} waits for it (backpressure).
 *
 * <p>Thread-safe: all state is guarded by {@code lock}.
 */
public final class StoreEmitter<T> implements Emitter<T> {

    private final StoreClient store;
    private final RunKeys keys;
    private final String name;
    private final ValueCodec<T> codec;
    private final int maxBatch;
    private final String channel;
    private final long window;
    private final long stallNanos;
    private final int maxValueBytes;
    private final String writer;
    private final PayloadSigner signer;
    /** Values still to drop: earlier attempts of this processor wrote them already; guarded by lock. */
    private long skip;
    /** Unread values of the slowest running reader, as the last append reported; guarded by lock. */
    private long backlog;
    /** That reader's position, as the last append reported; guarded by lock. */
    private long slowestPosition = -1;
    /** The slowest reader's position when it was found stalled: no waiting for it until it moves. */
    private long stalledPosition = -2;
    private final Object lock = new Object();
    private final StringBuilder batch = new StringBuilder();
    private int batched;
    private long sequence;
    private boolean inFlight;
    private boolean completed;
    private RuntimeException failure;

    StoreEmitter(StoreClient store, RunKeys keys, String name, ValueCodec<T> codec, EngineConfig config,
                 PayloadSigner signer, String writer, long written, long sequence) {
        this.store = store;
        this.keys = keys;
        this.name = name;
        this.codec = codec;
        this.maxBatch = config.emitBatch();
        this.channel = RunKeys.signalChannel(config.keyPrefix());
        this.window = config.emitWindow();
        this.stallNanos = config.emitStall().toNanos();
        this.maxValueBytes = config.maxValueBytes();
        this.writer = writer;
        this.signer = signer;
        this.skip = written;
        this.sequence = sequence;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void emit(T value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot emit null to '" + name + "': streams hold JSON values, not absence");
        }
        String json = codec.encode(value);
        if (json.length() > maxValueBytes) {
            throw new LimitExceededException(LimitExceededException.Limit.VALUE_BYTES,
                    "a value of " + json.length() + " characters emitted to '" + name + "'", maxValueBytes);
        }
        synchronized (lock) {
            if (skip > 0) {
                skip--;
                return;
            }
        }
        awaitReaders();
        synchronized (lock) {
            checkOpen();
            while (inFlight && batched >= maxBatch) {
                awaitAck();
                checkOpen();
            }
            if (batched > 0) {
                batch.append('\n');
            }
            batch.append(json);
            batched++;
            if (!inFlight) {
                send();
            }
        }
    }

    /** Waits until every value emitted so far is in the store. */
    public void flush() {
        synchronized (lock) {
            while (inFlight || (batched > 0 && failure == null)) {
                if (!inFlight) {
                    send();
                }
                awaitAck();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void complete() {
        flush();
        synchronized (lock) {
            if (completed) {
                return;
            }
            List<Object> reply = store.call(Script.CLOSE, RScript.ReturnType.MULTI,
                    List.of(keys.meta(), keys.stream(name)), name, channel, keys.runId(), writer);
            if (!"OK".equals(StatusReply.status(reply))) {
                throw ended(reply);
            }
            completed = true;
        }
    }

    /**
     * Backpressure: while the slowest running reader lags more than the window, wait for it (polling
     * its position, without holding the lock). A reader whose position does not move at all for
     * {@code datagraph.emit.stall} is busy elsewhere — waiting for it could deadlock — so the
     * emitter stops waiting for it until its position moves again.
     */
    private void awaitReaders() {
        synchronized (lock) {
            if (backlog <= window || slowestPosition == stalledPosition) {
                return;
            }
        }
        long slowest = -2;
        long movedAt = System.nanoTime();
        while (true) {
            List<Object> reply = store.call(Script.BACKLOG, RScript.ReturnType.MULTI, List.of(keys.meta()), name);
            long lag = ((Number) reply.get(0)).longValue();
            long position = ((Number) reply.get(1)).longValue();
            if (lag <= window) {
                setBacklog(lag, position);
                return;
            }
            if (position != slowest) {
                slowest = position;
                movedAt = System.nanoTime();
            } else if (System.nanoTime() - movedAt > stallNanos) {
                synchronized (lock) {
                    stalledPosition = position;
                    slowestPosition = position;
                }
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatagraphException("interrupted while '" + name + "' of run " + keys.runId()
                        + " waited for its readers", e);
            }
        }
    }

    private void setBacklog(long lag, long position) {
        synchronized (lock) {
            backlog = lag;
            slowestPosition = position;
        }
    }

    private void checkOpen() {
        if (failure != null) {
            throw failure;
        }
        if (completed) {
            throw new IllegalStateException("output '" + name + "' of run " + keys.runId() + " is already complete");
        }
    }

    private void awaitAck() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatagraphException("interrupted while emitting to '" + name + "' of run " + keys.runId(), e);
        }
    }

    /** Sends the gathered batch; caller holds the lock and no batch is in flight. */
    private void send() {
        String payload = batch.toString();
        int count = batched;
        batch.setLength(0);
        batched = 0;
        inFlight = true;
        store.<List<Object>>callAsync(Script.APPEND, RScript.ReturnType.MULTI, List.of(keys.meta(), keys.stream(name)),
                        name, ++sequence, count, payload, channel, keys.runId(), writer,
                        signer.sign(keys.runId(), name, payload))
                .whenComplete(this::acknowledged);
    }

    private void acknowledged(List<Object> reply, Throwable error) {
        synchronized (lock) {
            inFlight = false;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                failure = cause instanceof RuntimeException runtime ? runtime
                        : new DatagraphException("writing to '" + name + "' failed: " + cause, cause);
            } else if (!"OK".equals(StatusReply.status(reply))) {
                failure = ended(reply);
            } else {
                if (reply.size() > 4) {
                    backlog = ((Number) reply.get(3)).longValue();
                    slowestPosition = ((Number) reply.get(4)).longValue();
                }
                if (batched > 0) {
                    send();
                }
            }
            lock.notifyAll();
        }
    }

    private RuntimeException ended(List<Object> reply) {
        if ("SUPERSEDED".equals(StatusReply.status(reply))) {
            return new AttemptSupersededException(writer, keys.runId());
        }
        if ("CLOSED".equals(StatusReply.status(reply))) {
            return new IllegalStateException("output '" + name + "' of run " + keys.runId() + " is already complete");
        }
        return StatusReply.ended(keys.runId(), reply);
    }
}
