package io.datagraph.engine.run;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.io.StoreEmitter;
import io.datagraph.engine.io.StreamFactory;
import io.datagraph.engine.protocol.Attempt;
import io.datagraph.engine.protocol.Driver;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the engine's per-value path once at deployment, so that the first run a user starts does not
 * pay alone for class loading and JIT compilation (measured in one JVM, {@code SquaresBenchmark}: the
 * first run of a million values at 0.5 of warm throughput without it, 0.65 with it; processors' own
 * code and the REST layer stay cold). {@code datagraph.node.warm-up-values} numbers are written to a stream
 * of a throwaway run through the emitter processors write with, read back through the cursor they
 * read with, and the run's keys deleted. The run is never admitted: it is not listed, counts against
 * no limit, and fires no {@code RunEnded}. Readiness waits for it ({@link #done()}); a store that does
 * not answer ends it at once. Thread-safe.
 */
@ApplicationScoped
public class DeploymentWarmUp {

    private static final Logger LOG = Logger.getLogger(DeploymentWarmUp.class.getName());
    private static final String STREAM = "values";

    @Inject
    RunRepository runs;

    @Inject
    StreamFactory streams;

    @Inject
    StoreClient store;

    @Inject
    JsonMapper json;

    @Inject
    EngineConfig config;

    @Inject
    ManagedThreads threads;

    private volatile boolean done;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // one-time costs even a tiny run pays: JSON-B's mapping of the plan, the random source of run ids
        RunPlan plan = plan();
        json.jsonb().fromJson(json.jsonb().toJson(plan), RunPlan.class);
        UUID.randomUUID();
        long values = config.node().warmUpValues();
        if (values == 0) {
            done = true;
            return;
        }
        // a thread of its own: on the scheduler's it would hold back heartbeats for as long as it runs
        threads.newThread("datagraph warm-up", () -> {
            try {
                long started = System.nanoTime();
                run(plan, values);
                LOG.fine(() -> "warmed up with " + values + " values in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "the engine's warm-up did not complete (the first run will be slower): " + e.getMessage(), e);
            } finally {
                done = true;
            }
        }).start();
    }

    /** Whether the warm-up has ended (or was off): until then, runs would compete with it. */
    public boolean done() {
        return done;
    }

    private void run(RunPlan plan, long values) {
        String runId = "warm-up-" + UUID.randomUUID();
        RunKeys keys = runs.keys(runId);
        runs.create(runId, plan, new Driver(config.node().id(), List.of()), Map.of(), Duration.ofMinutes(1), Optional.empty(),
                Optional.empty());
        try {
            StoreEmitter<Long> out = streams.emitter(runId, STREAM, Long.class, Attempt.NO_WRITER, 0, 0, List.of());
            for (long i = 0; i < values; i++) {
                out.emit(i);
            }
            out.complete();
            long sum = 0;
            for (Long value : streams.<Long>io(runId, STREAM, Optional.empty(), "", Long.class)) {
                sum += value;
            }
            if (sum != values * (values - 1) / 2) {
                throw new IllegalStateException("the warm-up read back a sum of " + sum + " for " + values + " values");
            }
        } finally {
            store.redisson().getKeys().delete(keys.meta(), keys.stream(STREAM));
        }
    }

    /** A run of no processor with one open stream. */
    private static RunPlan plan() {
        return new RunPlan(List.of(), List.of(), List.of(STREAM), List.of(STREAM), List.of(STREAM), 0);
    }
}
