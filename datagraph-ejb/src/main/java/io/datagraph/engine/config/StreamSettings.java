package io.datagraph.engine.config;

import java.time.Duration;

/**
 * How values move through streams ({@code datagraph.read.*}, {@code datagraph.emit.*},
 * {@code datagraph.streams.*}, {@code datagraph.run.ttl}).
 *
 * @param readBatch     most stream entries fetched per read (each holds up to {@code emitBatch} values): 4 full
 *                      entries of the default 8,192 values, 32,768 values; the store answers a fetch on its
 *                      one thread, so a bigger one delays every other run sharing it
 * @param pollInterval  longest a waiting reader sleeps without a signal before looking again
 * @param emitBatch     most values an emitter packs into one stream entry
 * @param emitWindow    most values a stream may hold unread by its slowest running reader: beyond it,
 *                      {@code emit} blocks until the reader catches up (backpressure)
 * @param emitStall     how long a blocked emitter waits for a reader that makes no progress at all before
 *                      going on anyway: such a reader is busy with another stream, not slow
 * @param emitLinger    how long values gathered while an append was in flight may wait for more to fill
 *                      their entry, once that append is acknowledged (zero: sent at the acknowledgement)
 * @param trimConsumed  whether a run drops the entries of its internal streams once every processor
 *                      reading them has consumed them
 * @param runTtl        how long a finished run's streams and status stay in the store
 */
public record StreamSettings(int readBatch, Duration pollInterval, int emitBatch, long emitWindow, Duration emitStall,
                             Duration emitLinger,
                             boolean trimConsumed, Duration runTtl) {

    static StreamSettings read(ConfigReader in) {
        return new StreamSettings(
                in.atLeast("datagraph.read.batch", 1, 4),
                in.duration("datagraph.read.poll-interval", Duration.ofMillis(1), "PT1S"),
                in.atLeast("datagraph.emit.batch", 1, 8192),
                in.atLeast("datagraph.emit.window", 1L, 100_000L),
                in.duration("datagraph.emit.stall", Duration.ofMillis(1), "PT5S"),
                in.duration("datagraph.emit.linger", Duration.ZERO, "PT0.002S"),
                in.bool("datagraph.streams.trim-consumed", true),
                in.duration("datagraph.run.ttl", Duration.ofSeconds(1), "PT1H"));
    }
}
