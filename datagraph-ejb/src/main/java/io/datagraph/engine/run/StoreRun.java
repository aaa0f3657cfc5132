package io.datagraph.engine.run;

import io.datagraph.IO;
import io.datagraph.IOState;
import io.datagraph.ProcessorPhase;
import io.datagraph.InputClosedException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.UnknownStreamException;
import io.datagraph.engine.io.StreamFactory;
import io.datagraph.engine.store.Signals;
import io.datagraph.flow.ResolvedFlow;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link Run} whose every answer comes from the store. Thread-safe. */
public final class StoreRun implements Run {

    private final String id;
    private final RunPlan plan;
    private final RunRepository runs;
    private final StreamFactory streams;
    private final Signals signals;
    private final Duration pollInterval;
    /** Who started the run: fixed at creation, so read from the store at most once per handle. */
    private volatile Optional<String> startedBy;

    private final java.util.function.Consumer<String> restarter;

    public StoreRun(String id, RunPlan plan, RunRepository runs, StreamFactory streams, Signals signals,
                    Duration pollInterval, java.util.function.Consumer<String> restarter) {
        this.restarter = restarter;
        this.id = id;
        this.plan = plan;
        this.runs = runs;
        this.streams = streams;
        this.signals = signals;
        this.pollInterval = pollInterval;
    }

    @Override
    public String id() {
        return id;
    }

    public RunPlan plan() {
        return plan;
    }

    @Override
    public RunStatus status() {
        return runs.state(id).status();
    }

    @Override
    public Optional<RunFailure> failure() {
        return runs.state(id).failure();
    }

    /** Start to end, or to now (this node's clock against the store's start) while it runs. */
    @Override
    public Optional<java.time.Duration> duration() {
        RunState state = runs.state(id);
        return state.started().map(start -> java.time.Duration.between(start,
                state.finished().orElseGet(java.time.Instant::now)));
    }

    @Override
    public Optional<String> startedBy() {
        Optional<String> known = startedBy;
        if (known == null) {
            known = runs.startedBy(id);
            startedBy = known;
        }
        return known;
    }

    @Override
    public List<String> processors() {
        return plan.processors();
    }

    @Override
    public List<IOState> ioStates() {
        return new RunMeta(plan, runs.meta(id), System.currentTimeMillis()).streams();
    }

    @Override
    public Map<String, ProcessorPhase> phases() {
        return new RunMeta(plan, runs.meta(id), System.currentTimeMillis()).phases();
    }

    @Override
    public ResolvedFlow flow() {
        return plan.resolved();
    }

    @Override
    public Set<String> outputNames() {
        return new LinkedHashSet<>(plan.outputs());
    }

    @Override
    public <T> IO<T> io(String name, Type type) {
        checkStream(name);
        return streams.io(id, name, plan.producerOf(name), "", type);
    }

    /** Appends under a key of its own, so that the store client resending the command cannot append twice. */
    @Override
    public void append(String input, List<?> values) {
        append(input, values, java.util.UUID.randomUUID().toString());
    }

    @Override
    public void append(String input, List<?> values, String idempotencyKey) {
        checkOpen(input);
        runs.append(id, plan, input, values, RunRequest.checkIdempotencyKey(idempotencyKey));
    }

    @Override
    public void complete(String input) {
        checkOpen(input);
        runs.complete(id, input);
    }

    private void checkStream(String name) {
        if (!plan.streams().contains(name)) {
            throw new UnknownStreamException(id, name, plan.streams());
        }
    }

    private void checkOpen(String input) {
        checkStream(input);
        if (!plan.open().contains(input)) {
            throw new InputClosedException(id, input, plan.producerOf(input)
                    .map(producer -> "it is an output of processor '" + producer + "'")
                    .orElse("it was given complete at start; inputs left open are " + plan.open()));
        }
    }

    @Override
    public Map<String, IO<Object>> outputs() {
        Map<String, IO<Object>> outputs = new LinkedHashMap<>();
        plan.outputs().forEach(name -> outputs.put(name, io(name, Object.class)));
        return outputs;
    }

    @Override
    public RunStatus await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Signals.Watch watch = signals.watch(id)) {
            while (true) {
                RunStatus status = status();
                long left = deadline - System.nanoTime();
                if (status.isTerminal() || left <= 0) {
                    return status;
                }
                watch.await(Math.min(left, pollInterval.toNanos()));
            }
        }
    }

    @Override
    public List<io.datagraph.DeadLetter> deadLetters() {
        return runs.deadLetters(id);
    }

    @Override
    public Map<String, Long> deadLetterCounts() {
        Map<String, String> meta = runs.meta(id);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String processor : plan.elementWise()) {
            String count = meta.get(io.datagraph.engine.protocol.MetaField.dead(processor));
            if (count != null) {
                counts.put(processor, Long.parseLong(count));
            }
        }
        return counts;
    }

    @Override
    public long deadLetterCount() {
        String count = runs.meta(id).get(io.datagraph.engine.protocol.MetaField.DEAD);
        return count == null ? 0 : Long.parseLong(count);
    }

    @Override
    public void restart() {
        restarter.accept(id);
    }

    @Override
    public void cancel() {
        runs.cancel(id);
    }

    @Override
    public String toString() {
        return "run " + id + " of " + plan.processors();
    }
}
