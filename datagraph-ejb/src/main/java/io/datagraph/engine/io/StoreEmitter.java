package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.Emitter;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StatusReply;
import io.datagraph.engine.store.StoreClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link Emitter} that appends values to a stream of a run, in batches.
 *
 * <p>One batch is in flight at a time (so batches land in order); values emitted meanwhile gather
 * in the next batch. A batch that is not full is held for more values, for at most
 * {@code datagraph.emit.linger}, and goes when the entry is full or the linger has passed (a timer),
 * whichever comes first — the first value too: a processor that returns within the linger, as most
 * small ones do, so costs no append at all (its values ride on its finish, below), where sending a
 * lone first value at once cost a small flow a round trip and a signal per stream (store round trips
 * per flow, {@code ./benchmark small}: {@code multiply} 9.0 → 7.4, range → square → sum of 10 26.5 →
 * 18.7). A fast producer so fills entries of up to {@code datagraph.emit.batch} values, blocking in
 * {@link #emit} while its next batch is full and the previous one still in flight: each
 * entry costs the store about the same whatever it holds, so full entries are what make a stream
 * fast (range → square → sum, {@code BaselineBenchmark}: 82% of the hand-written baseline sending at
 * each acknowledgement, 95% holding for 2 ms). A value emitted by a producer that then pauses waits
 * at most the linger (a timer, {@link ManagedThreads#shortly}). Each batch carries a sequence number,
 * so a command the client retries is not appended twice. Each append also reports how far the slowest running reader lags; beyond
 * {@code datagraph.emit.window} values, {@code emit} waits for it (backpressure). When the processor
 * returns, the values not sent yet are {@linkplain #lastEntry() taken} to ride on its finish, so a
 * small output costs no append of its own.
 *
 * <p>Thread-safe: all state is guarded by {@code lock}.
 */
public final class StoreEmitter<T> implements Emitter<T> {

    private final StoreClient store;
    private final RunKeys keys;
    private final String name;
    private final EntryCodec entries;
    private final long window;
    private final long stallNanos;
    private final String writer;
    /** This node's count of the values the processor emitted on this stream (metrics), counted as batches leave. */
    private final LongAdder emittedCount;
    /** Values this emitter took (not those an earlier attempt had written); guarded by the lock. */
    private long emitted;
    private final OutputEncoder<T> encoder;
    private final java.util.List<String> elementWiseReaders;
    /** Values still to drop: earlier attempts of this processor wrote them already; guarded by lock. */
    private long skip;
    /** Unread values of the slowest running reader, as the last append reported; guarded by lock. */
    private long backlog;
    /** That reader's position, as the last append reported; guarded by lock. */
    private long slowestPosition = -1;
    /** The slowest reader's position when it was found stalled: no waiting for it until it moves. */
    private long stalledPosition = -2;
    private final Object lock = new Object();
    private final EntryCodec.Batcher batch;
    private long sequence;
    private boolean inFlight;
    /** Whether the gathered batch waits for more values, until full or the linger passes; guarded by lock. */
    private boolean held;
    private final Duration linger;
    private final ManagedThreads threads;
    /** Set once the last entry is being taken: an acknowledgement then sends nothing more. */
    private boolean draining;
    private boolean completed;
    private RuntimeException failure;

    StoreEmitter(StoreClient store, RunKeys keys, String name, ValueCodec<T> codec, EntryCodec entries,
                 EngineConfig config, ManagedThreads threads, String writer, long written, long sequence,
                 java.util.List<String> elementWiseReaders, LongAdder emittedCount) {
        this.emittedCount = emittedCount;
        this.store = store;
        this.keys = keys;
        this.name = name;
        this.entries = entries;
        this.batch = entries.batcher(keys.runId(), name);
        this.window = config.streams().emitWindow();
        this.stallNanos = config.streams().emitStall().toNanos();
        this.linger = config.streams().emitLinger();
        this.threads = threads;
        this.writer = writer;
        this.encoder = new OutputEncoder<>(name, codec, entries.sizeLimit());
        this.elementWiseReaders = java.util.List.copyOf(elementWiseReaders);
        this.skip = written;
        this.sequence = sequence;
    }

    @Override
    public String name() {
        return name;
    }

    /** How many values this emitter took so far (those an earlier attempt had written are not counted). */
    public long emitted() {
        synchronized (lock) {
            return emitted;
        }
    }

    @Override
    public void emit(T value) {
        // numbers go into the batch in place; other values are encoded (JSON-B) before taking the lock
        String json = encoder.writesInPlace(value) ? null : encoder.encode(value);
        // one lock per value while no reader lags: this runs for every value a processor emits
        synchronized (lock) {
            if (skip > 0) {
                skip--;
                return;
            }
            if (!readersLag()) {
                add(value, json);
                return;
            }
        }
        awaitReaders();
        synchronized (lock) {
            add(value, json);
        }
    }

    /**
     * Adds a value to the gathered batch, as its JSON or, when that is null, written in place; when no
     * batch is in flight, sends it if full (or with no linger), else holds it. Caller holds the lock.
     */
    private void add(T value, String json) {
        checkOpen();
        while (inFlight && batch.full()) {
            awaitAck();
            checkOpen();
        }
        if (json == null) {
            batch.add(value, encoder);
        } else {
            batch.add(json);
        }
        emitted++;
        if (inFlight) {
            return;
        }
        if (batch.full() || linger.isZero()) {
            send();
        } else if (!held) {
            hold();
        }
    }

    /** Holds the gathered batch for more values, for at most the linger; caller holds the lock. */
    private void hold() {
        held = true;
        threads.shortly(linger, this::sendHeld);
    }

    /** Whether the slowest running reader lags beyond the window (and is not stalled); caller holds the lock. */
    private boolean readersLag() {
        return backlog > window && slowestPosition != stalledPosition;
    }

    /** Waits until every value emitted so far is in the store ({@link #complete()} does before closing). */
    private void flush() {
        synchronized (lock) {
            while (inFlight || (!batch.isEmpty() && failure == null)) {
                if (!inFlight) {
                    send();
                    // look again before waiting: a reply that came back before the callback was attached
                    // was acknowledged inline, by this thread, with no one waiting to be told
                    continue;
                }
                awaitAck();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Ends this emitter without completing its stream: waits until no batch is in flight and takes the
     * values emitted since, for the processor's finish to append ({@link Scripts#finish}). Emitting
     * afterwards fails.
     *
     * @return the last entry, or empty when every value was sent already (or the stream was completed)
     */
    public Optional<Scripts.LastEntry> lastEntry() {
        synchronized (lock) {
            draining = true;
            while (inFlight) {
                awaitAck();
            }
            if (failure != null) {
                throw failure;
            }
            if (completed || batch.isEmpty()) {
                completed = true;
                return Optional.empty();
            }
            completed = true;
            EntryCodec.Batch last = batch.take();
            emittedCount.add(last.count());
            return Optional.of(new Scripts.LastEntry(name, ++sequence, last, elementWiseReaders));
        }
    }

    @Override
    public void complete() {
        flush();
        synchronized (lock) {
            if (completed) {
                return;
            }
            StatusReply reply = store.call(Scripts.close(keys, name, writer)).status();
            if (!reply.ok()) {
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
            if (!readersLag()) {
                return;
            }
        }
        long slowest = -2;
        long movedAt = System.nanoTime();
        while (true) {
            Scripts.Backlog reply = store.call(Scripts.backlog(keys, name));
            long lag = reply.lag();
            long position = reply.readerPosition();
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

    /** Sends a held batch once its linger has passed, unless it went already. */
    private void sendHeld() {
        synchronized (lock) {
            if (held && !inFlight && !draining && failure == null && !batch.isEmpty()) {
                send();
            }
        }
    }

    /** Sends the gathered batch; caller holds the lock and no batch is in flight. */
    private void send() {
        held = false;
        EntryCodec.Batch taken = batch.take();
        // counted per batch: an atomic increment per value was a measurable share of a writer's CPU
        emittedCount.add(taken.count());
        inFlight = true;
        try {
            store.callAsync(Scripts.append(keys, name, ++sequence, taken, writer, elementWiseReaders))
                    .whenComplete(this::acknowledged);
        } catch (RuntimeException e) {
            // refused before it was sent: no acknowledgement will come, so nobody may wait for one
            inFlight = false;
            failure = e;
            lock.notifyAll();
            throw e;
        }
    }

    private void acknowledged(Scripts.Write reply, Throwable error) {
        synchronized (lock) {
            try {
                inFlight = false;
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    failure = cause instanceof RuntimeException runtime ? runtime
                            : new DatagraphException("writing to '" + name + "' failed: " + cause, cause);
                } else if (!reply.status().ok()) {
                    failure = ended(reply.status());
                } else {
                    if (reply.measured()) {
                        backlog = reply.backlog();
                        slowestPosition = reply.readerPosition();
                    }
                    if (!batch.isEmpty() && !draining) {
                        if (batch.full() || linger.isZero()) {
                            send();
                        } else {
                            hold();
                        }
                    }
                }
            } catch (RuntimeException e) {
                // whatever went wrong, the writer waiting on this acknowledgement must hear of it
                failure = e;
            } finally {
                lock.notifyAll();
            }
        }
    }

    private RuntimeException ended(StatusReply reply) {
        if (reply.is(StatusReply.SUPERSEDED)) {
            return new AttemptSupersededException(writer, keys.runId());
        }
        if (reply.is(StatusReply.CLOSED)) {
            return new IllegalStateException("output '" + name + "' of run " + keys.runId() + " is already complete");
        }
        return reply.ended(keys.runId());
    }
}
