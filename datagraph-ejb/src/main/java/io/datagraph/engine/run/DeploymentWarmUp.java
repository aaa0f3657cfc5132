package io.datagraph.engine.run;

import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ExecutorLookup;
import io.datagraph.engine.exec.LocalExecutor;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.io.StoreEmitter;
import io.datagraph.engine.io.StreamFactory;
import io.datagraph.engine.protocol.Attempt;
import io.datagraph.engine.protocol.Driver;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.engine.trace.Tracing;
import io.datagraph.spi.ProcessorTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the engine's run path at deployment, so that the first run a user starts does not pay alone for
 * class loading and JIT compilation: a run of its {@linkplain WarmUpProcessors built-in processors}
 * (range → square → sum of {@code datagraph.node.warm-up-values} numbers), which compiles the paths each
 * value takes, then {@code datagraph.node.warm-up-runs} small ones, which compile the paths each run
 * takes (the JIT compiler compiles a method once it ran a few hundred times: a path a run takes once is
 * interpreted until then); the small ones take their input as a JSON value, as a start over REST hands it
 * over, and each is preceded by the admission of an id no run takes, given back at once, as a start refused
 * after its admission gives its place back. Each is started, run and read as any run is, but never
 * admitted, so never listed nor counted, and no {@code RunEnded} fired; its keys are deleted once it
 * completed. Measured in one JVM ({@code SquaresBenchmark}) and over REST ({@code RestBenchmark}), README
 * "Benchmarks". Other
 * layers warm themselves up after it as {@linkplain #join parts} of it. Readiness waits for it all
 * ({@link #done()}, {@link #parts()}); a store that does not answer ends it at once. Thread-safe.
 */
@ApplicationScoped
public class DeploymentWarmUp {

    private static final Logger LOG = Logger.getLogger(DeploymentWarmUp.class.getName());
    private static final String STREAM = "values";
    /** How the id of every run the warm-up makes begins: a run id nothing else gives. */
    private static final String RUN_PREFIX = "warm-up-";
    /** How many values each small warm-up run carries: a small flow's, as one started per request. */
    public static final int SMALL_RUN_VALUES = 10;
    /** The engine's own part, as readiness reports it. */
    public static final String PART = "engine";
    /** How long the warm-up's run may take before the warm-up gives up on it. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

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

    @Inject
    Supervisor supervisor;

    @Inject
    ExecutorLookup executorLookup;

    @Inject
    LocalExecutor localExecutor;

    @Inject
    Tracing tracing;

    @Inject
    RunAdmission admission;

    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private final Map<String, Part> parts = new java.util.concurrent.ConcurrentSkipListMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // one-time costs even a tiny run pays: JSON-B's mapping of the plan, the random source of run ids
        json.jsonb().fromJson(json.jsonb().toJson(plan()), RunPlan.class);
        UUID.randomUUID();
        Part own = join(PART);
        long values = config.node().warmUpValues();
        if (values == 0) {
            own.end("off (datagraph.node.warm-up-values=0)");
            done.countDown();
            return;
        }
        // readiness data in ASCII: Payara's health endpoint turns other characters into '?'
        own.report("running its own range -> square -> sum over " + values + " values");
        // a thread of its own: on the scheduler's it would hold back heartbeats for as long as it runs
        threads.newThread("datagraph warm-up", () -> {
            try {
                long started = System.nanoTime();
                tracing.prepare();
                check(values, values);
                Object smallInput = asParsedJson(SMALL_RUN_VALUES);
                int small = 0;
                for (; small < config.node().warmUpRuns(); small++) {
                    admitAndRefuse();
                    check(SMALL_RUN_VALUES, smallInput);
                }
                String outcome = "ran its own range -> square -> sum over " + values + " values, then " + small
                        + " times over " + SMALL_RUN_VALUES + ", in " + (System.nanoTime() - started) / 1_000_000 + " ms";
                own.end(outcome);
                LOG.info(() -> "the engine warmed up: " + outcome);
            } catch (RuntimeException e) {
                own.end("did not complete (the first run will be slower): " + e);
                LOG.log(Level.INFO, "the engine's warm-up did not complete (the first run will be slower): " + e.getMessage(), e);
            } catch (InterruptedException e) {
                own.end("interrupted");
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }).start();
    }

    /** Whether the engine's warm-up and every part joined so far have ended: until then, runs would compete with them. */
    public boolean done() {
        return done.getCount() == 0 && parts.values().stream().allMatch(Part::ended);
    }

    /**
     * A part of the warm-up another layer runs (after the engine's, as a rule), which readiness waits for
     * too: joined at deployment, before the deployment completes, so that readiness never reports a warm
     * server in between.
     */
    public Part join(String name) {
        Part part = new Part();
        parts.put(name, part);
        return part;
    }

    /** Each joined part by name, and what it reports. */
    public Map<String, String> parts() {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        parts.forEach((name, part) -> states.put(name, part.state));
        return states;
    }

    /** A part of the warm-up: running until it {@link #end ends}, reporting its state meanwhile. Thread-safe. */
    public static final class Part {

        private volatile String state = "waiting";
        private volatile boolean ended;

        /** What it is doing, for readiness to report. */
        public void report(String state) {
            this.state = state;
        }

        /** It ended, with what it did (or why it did nothing). */
        public void end(String outcome) {
            state = outcome;
            ended = true;
        }

        boolean ended() {
            return ended;
        }
    }

    /** Waits at most {@code timeout} for the engine's own warm-up to end (not its parts); whether it has. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Where the warm-up's processors run: on the local executor, as every run's, when its pool is the same
     * whichever thread looks it up first (the server's, which WildFly and Payara bind under names any thread
     * sees, or the private pool where there is no naming service), so the first run finds it looked up;
     * else on threads of their own, because the local executor looks its pool up once, and a lookup from
     * here, which does not see {@code java:comp}, would leave it on its private pool for good.
     */
    private Consumer<ProcessorTask> processorExecutor() {
        if (executorLookup.answersAlikeFromAnyThread()) {
            return localExecutor::execute;
        }
        return task -> threads.newThread("datagraph warm-up processor", task).start();
    }

    /** Whether a run is one the warm-up made (which no user sees). */
    public static boolean isWarmUp(String runId) {
        return runId.startsWith(RUN_PREFIX);
    }

    /** {@code number} as the REST layer hands a start's inputs over: a JSON value, as its parser makes it. */
    private static Object asParsedJson(long number) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader("[" + number + "]"))) {
            return reader.readArray().get(0);
        }
    }

    /**
     * Takes a place among the running runs and gives it back at once, as a start refused after its
     * admission does: the code of admission, which the warm-up's runs skip, is compiled too, and the id is
     * listed for no longer than the one call between. At the limit of running runs it takes no place, and
     * that is warm-up too.
     */
    private void admitAndRefuse() {
        String runId = RUN_PREFIX + UUID.randomUUID();
        List<String> processors = WarmUpProcessors.FLOW.processors();
        try {
            admission.admit(runId, Optional.empty(), processors);
        } catch (io.datagraph.LimitExceededException full) {
            return;
        }
        admission.refused(runId, Optional.empty(), processors);
    }

    /**
     * Runs the built-in flow over {@code values} numbers, given as {@code input}, checks its total, and
     * deletes the run's keys.
     */
    private void check(long values, Object input) throws InterruptedException {
        String runId = RUN_PREFIX + UUID.randomUUID();
        RunKeys keys = runs.keys(runId);
        try {
            StoreRun run = supervisor.startWarmUp(runId, WarmUpProcessors.FLOW, Map.of(WarmUpProcessors.INPUT, List.of(input)),
                    Duration.ofMinutes(1), processorExecutor());
            List<Long> total = run.<Long>io(WarmUpProcessors.OUTPUT, Long.class).stream().toList();
            long expected = WarmUpProcessors.total(values);
            if (!total.equals(List.of(expected))) {
                throw new IllegalStateException("the warm-up's run gave " + total + " for " + values + " values, not " + expected);
            }
            RunStatus status = run.await(RUN_TIMEOUT);
            if (status != RunStatus.COMPLETED) {
                throw new IllegalStateException("the warm-up's run ended " + status);
            }
        } finally {
            store.redisson().getKeys().delete(keys.metaAndStreams(WarmUpProcessors.STREAMS).stream().map(String.class::cast)
                    .toArray(String[]::new));
        }
    }

    /**
     * Creates a throwaway run whose one stream, {@link ThrowawayRun#stream()}, holds the numbers 0 to
     * {@code values - 1} and is complete: it can be read like any run's output (as the REST layer's warm-up
     * does over HTTP) until the run is closed, which deletes its keys. The run is never admitted: it is not
     * listed, counts against no limit, and fires no {@code RunEnded}; its keys expire after a minute should
     * it never be closed.
     *
     * @throws io.datagraph.StoreUnavailableException if the store does not answer
     */
    public ThrowawayRun open(long values) {
        String runId = "warm-up-" + UUID.randomUUID();
        RunKeys keys = runs.keys(runId);
        runs.create(runId, plan(), new Driver(config.node().id(), List.of()), Map.of(), Duration.ofMinutes(1), Optional.empty(),
                Optional.empty());
        ThrowawayRun run = new ThrowawayRun(runId, values, () -> store.redisson().getKeys().delete(keys.meta(), keys.stream(STREAM)));
        try {
            StoreEmitter<Long> out = streams.emitter(runId, STREAM, Long.class, Attempt.NO_WRITER, 0, 0, List.of());
            for (long i = 0; i < values; i++) {
                out.emit(i);
            }
            out.complete();
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** A run made by {@link #open}: its id, its one complete stream, the sum of its values; closing deletes it. */
    public static final class ThrowawayRun implements AutoCloseable {

        private final String id;
        private final long values;
        private final Runnable delete;

        ThrowawayRun(String id, long values, Runnable delete) {
            this.id = id;
            this.values = values;
            this.delete = delete;
        }

        public String id() {
            return id;
        }

        public String stream() {
            return STREAM;
        }

        /** How many values the stream holds: the numbers 0 to {@code values() - 1}. */
        public long values() {
            return values;
        }

        public long sum() {
            return values * (values - 1) / 2;
        }

        @Override
        public void close() {
            delete.run();
        }
    }

    /** A run of no processor with one open stream. */
    private static RunPlan plan() {
        return new RunPlan(List.of(), List.of(), List.of(STREAM), List.of(STREAM), List.of(STREAM), 0);
    }
}
