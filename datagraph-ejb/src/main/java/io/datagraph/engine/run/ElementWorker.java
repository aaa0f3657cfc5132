package io.datagraph.engine.run;

import io.datagraph.engine.trace.TraceSpan;
import io.datagraph.DeadLetter;
import io.datagraph.engine.io.ValueCodec;
import io.datagraph.engine.processor.Binding;
import io.datagraph.engine.processor.ProcessorMethod;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StatusReply;
import io.datagraph.engine.protocol.WorkUnit;
import io.datagraph.engine.store.Signals;
import io.datagraph.flow.ElementWise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker of an element-wise processor in one run, on this node: claims units of the processor's
 * work, calls the processor once per value, and commits each claim's results together with its
 * acknowledgement; a value that throws is retried later (possibly elsewhere) or given up on, while the
 * others go on. When nothing is left to claim it asks whether the processor is done, and finishes it
 * if so. Ends when the processor is done or the run ended.
 *
 * <p>Runs on one thread; {@link #claimed()} may be read from another (the keep-alive).
 */
final class ElementWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(ElementWorker.class.getName());

    private final ElementWorkers workers;
    private final ProcessorMetrics metrics;
    /** This node's count of the values this processor took from its input (metrics). */
    private final LongAdder valuesRead;
    private final String runId;
    private final RunPlan plan;
    private final RunPlan.Step step;
    private final ProcessorMethod method;
    private final String consumer;
    private final RunKeys keys;
    private final String input;
    private final ElementWise settings;
    /** Per parameter of the method, the codec of its values (decoded once per call, not looked up per call). */
    private final ValueCodec<?>[] codecs;
    private final ValueCodec<?> resultCodec;
    private final EntryCodec.SizeLimit sizeLimit;
    /** Looked up once: the worker calls the processor once per value. */
    private final io.datagraph.ProcessorContext context;
    private final jakarta.enterprise.inject.spi.BeanManager beanManager;
    private final int maxResultBytes;
    private volatile List<WorkUnit> claimed = List.of();
    private volatile boolean stopped;

    ElementWorker(ElementWorkers workers, String runId, RunPlan plan, RunPlan.Step step, ProcessorMethod method,
                  String consumer) {
        this.workers = workers;
        this.runId = runId;
        this.plan = plan;
        this.step = step;
        this.method = method;
        this.consumer = consumer;
        this.keys = workers.keys(runId);
        this.input = step.inputs().get(0);
        this.settings = step.elementWise();
        this.codecs = method.bindings().stream().map(binding -> workers.codec(binding.elementType()))
                .toArray(ValueCodec<?>[]::new);
        this.resultCodec = method.result().map(binding -> workers.codec(binding.elementType())).orElse(null);
        this.sizeLimit = workers.entries().sizeLimit();
        this.context = new io.datagraph.ProcessorContext(runId, step.processor());
        this.beanManager = workers.beanManager();
        this.maxResultBytes = workers.maxResultBytes();
        this.metrics = workers.processorMetrics();
        this.valuesRead = workers.streamMetrics().read(step.processor(), input);
    }

    String runId() {
        return runId;
    }

    String processor() {
        return step.processor();
    }

    String consumer() {
        return consumer;
    }

    /** The units this worker holds now, for the keep-alive. */
    List<WorkUnit> claimed() {
        return claimed;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        // many workers claim a unit at a time, so that values spread over all of them; one worker claims more per round trip
        int count = Math.max(1, 16 / settings.concurrency());
        try (Signals.Watch watch = workers.signals().watch(runId)) {
            while (!stopped) {
                Scripts.Claim claim = workers.store().call(Scripts.claim(keys, step.processor(), input, consumer, count,
                        workers.lease().toMillis(), settings.ordered() ? workers.reorderWindow() : 0));
                if (!claim.status().is("RUNNING")) {
                    return;
                }
                if (claim.units().isEmpty()) {
                    Scripts.Finish finish = workers.store().call(Scripts.drain(keys, step.processor(), step.partition(),
                            input, workers.driver(plan), step.outputs(), plan.shape()));
                    workers.runMetrics().finished(finish);
                    if (!"WORKING".equals(finish.status())) {
                        if (finish.nextPartition() >= 0) {
                            workers.partitionDue(runId, plan, finish.nextPartition());
                        }
                        return;
                    }
                    watch.await(workers.idleWait().toNanos());
                    continue;
                }
                claimed = claim.units();
                work(claim.units());
                claimed = List.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "worker " + consumer + " of '" + step.processor() + "' in run " + runId
                    + " stopped; its claims go to other workers once their lease ends", e);
        } finally {
            workers.ended(this);
        }
    }

    /** What the calls of one claim came to: results per output, retries to schedule, dead letters. */
    private final class Outcome {
        final Map<String, List<String>> results = new LinkedHashMap<>();
        final List<Scripts.Retry> retries = new ArrayList<>();
        final List<DeadLetter> dead = new ArrayList<>();
        long values;

        Outcome() {
            step.outputs().forEach(output -> results.put(output, new ArrayList<>()));
        }

        long resultCount() {
            return results.values().stream().mapToLong(List::size).sum();
        }
    }

    /**
     * Calls the processor for every value of the units, then commits them: all at once, or, for an
     * ordered processor, unit by unit at their places (its failing values are retried here, in place,
     * so that a unit's results are whole when committed).
     */
    private void work(List<WorkUnit> units) throws InterruptedException {
        if (settings.ordered()) {
            for (WorkUnit unit : units) {
                Outcome outcome = new Outcome();
                Traced traced = new Traced(unit, outcome);
                if (!process(unit, outcome, true, traced.span)) {
                    traced.end("FAILED", outcome);
                    return;
                }
                commit(List.of(unit), unit.place(), outcome, List.of(traced));
            }
            return;
        }
        Outcome outcome = new Outcome();
        List<Traced> spans = new ArrayList<>();
        for (WorkUnit unit : units) {
            Traced traced = new Traced(unit, outcome);
            spans.add(traced);
            if (!process(unit, outcome, false, traced.span)) {
                spans.forEach(span -> span.end("FAILED", outcome));
                return;
            }
            traced.processed(outcome);
        }
        commit(units, 0, outcome, spans);
    }

    /** A claimed unit's span: its values in, and the results its calls gave (counted as they were added). */
    private final class Traced {
        final TraceSpan span;
        final long valuesIn;
        final long resultsBefore;
        long resultsAfter = -1;

        Traced(WorkUnit unit, Outcome outcome) {
            this.span = workers.tracing().unit(plan.trace(), runId, step.processor(), unit.attempt());
            this.valuesIn = unit.to() - unit.from();
            this.resultsBefore = outcome.resultCount();
        }

        void processed(Outcome outcome) {
            resultsAfter = outcome.resultCount();
        }

        void end(String how, Outcome outcome) {
            span.end(how, valuesIn, (resultsAfter >= 0 ? resultsAfter : outcome.resultCount()) - resultsBefore);
        }
    }

    /** Calls the processor for the unit's values. @return false when the run was failed and the worker stops */
    private boolean process(WorkUnit unit, Outcome outcome, boolean retryInPlace, TraceSpan span) throws InterruptedException {
        long wait = unit.notBefore() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        EntryCodec.Entry entry = workers.entries().decode(runId, input, unit.entryId(), unit.entryFields());
        List<String> texts = entry.values(unit.from(), unit.to());
        for (int index = unit.from(); index < unit.to(); index++) {
            String json = texts.get(index - unit.from());
            outcome.values++;
            valuesRead.increment();
            int attempt = unit.attempt();
            while (true) {
                metrics.begin(step.processor());
                try {
                    call(json, outcome);
                    break;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable error) {
                    metrics.failed(step.processor());
                    Throwable cause = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
                    span.event("value failed", "value " + index + " of entry " + unit.entryId() + ", attempt " + attempt
                            + ": " + message(cause));
                    if (attempt <= settings.retries()) {
                        metrics.retried(step.processor());
                    }
                    if (attempt <= settings.retries() && retryInPlace) {
                        attempt++;
                        Thread.sleep(settings.delayBefore(attempt).toMillis());
                        continue;
                    }
                    if (attempt <= settings.retries()) {
                        outcome.retries.add(new Scripts.Retry(unit.entryId(), index, attempt + 1,
                                System.currentTimeMillis() + settings.delayBefore(attempt + 1).toMillis()));
                    } else if (settings.onFailure() == io.datagraph.OnFailure.DEAD_LETTER) {
                        span.event("dead letter", "value " + index + " set aside after attempt " + attempt);
                        outcome.dead.add(new DeadLetter(step.processor(), json, message(cause), attempt, workers.nodeId(),
                                Instant.now()));
                    } else {
                        span.failed(cause);
                        workers.fail(runId, plan, step, cause);
                        stopped = true;
                        return false;
                    }
                    break;
                } finally {
                    metrics.end(step.processor());
                }
            }
        }
        return true;
    }

    /**
     * One call of the processor with one value; on success its results (JSON) join the outcome's. A
     * call that throws adds nothing: what it emitted before is dropped.
     */
    private void call(String json, Outcome outcome) throws Throwable {
        BufferedEmitter.ResultBudget budget = new BufferedEmitter.ResultBudget(maxResultBytes);
        List<Binding> bindings = method.bindings();
        Object[] arguments = new Object[bindings.size()];
        BufferedEmitter<?>[] emitters = new BufferedEmitter<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Binding binding = bindings.get(i);
            if (binding.kind() == Binding.Kind.VALUE) {
                arguments[i] = codecs[i].decode(json);
            } else {
                emitters[i] = new BufferedEmitter<>(binding.stream(), codecs[i], sizeLimit, budget);
                arguments[i] = emitters[i];
            }
        }
        Object result = context.around(() -> {
            try {
                return method.invoke(beanManager, arguments);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        if (result instanceof CompletionStage<?> stage) {
            result = stage.toCompletableFuture().get();
        }
        String encoded = null;
        if (result != null && resultCodec != null) {
            @SuppressWarnings("unchecked")
            ValueCodec<Object> codec = (ValueCodec<Object>) resultCodec;
            encoded = codec.encode(result);
            sizeLimit.check(encoded, () -> "the result of '" + step.processor() + "'");
            budget.spend(encoded.length());
        }
        for (int i = 0; i < emitters.length; i++) {
            if (emitters[i] != null) {
                outcome.results.get(bindings.get(i).stream()).addAll(emitters[i].results());
            }
        }
        if (encoded != null) {
            outcome.results.get(method.result().get().stream()).add(encoded);
        }
    }

    /**
     * Commits the units with their results. A unit another worker took over meanwhile (this one
     * stalled past its lease) refuses the commit: it is dropped, with its results, and the rest is
     * worked and committed again; its new owner does its work.
     */
    private void commit(List<WorkUnit> units, long place, Outcome outcome, List<Traced> spans) throws InterruptedException {
        List<Scripts.Results> batches = new ArrayList<>();
        outcome.results.forEach((output, jsons) -> batches.add(new Scripts.Results(output,
                workers.entries().entry(runId, output, jsons))));
        StatusReply reply = workers.store().call(Scripts.commit(keys, step.processor(), input, consumer, place, units,
                outcome.values, batches, outcome.retries, outcome.dead));
        if (reply.is("STOLEN")) {
            LOG.info(() -> "unit " + reply.failedProcessor() + " of '" + step.processor() + "' in run " + runId
                    + " was taken over by another worker; this worker's results for it are dropped");
            spans.forEach(traced -> {
                traced.span.event("taken over", "unit " + reply.failedProcessor() + " was taken over by another worker");
                traced.end("SUPERSEDED", outcome);
            });
            List<WorkUnit> rest = units.stream().filter(unit -> !unit.id().equals(reply.failedProcessor())).toList();
            if (!rest.isEmpty()) {
                // results are per claim, not per unit: redo the rest rather than guess which results were whose
                work(rest);
            }
        } else if (!reply.ok()) {
            stopped = true;
            spans.forEach(traced -> {
                traced.span.event(reply.is("CANCELLED") ? "cancelled" : "run ended", "the run is " + reply.status());
                traced.end(reply.is("CANCELLED") ? "CANCELLED" : "STOPPED", outcome);
            });
        } else {
            spans.forEach(traced -> traced.end("DONE", outcome));
            outcome.results.forEach((output, jsons) ->
                    workers.streamMetrics().emitted(step.processor(), output).add(jsons.size()));
            metrics.deadLettered(step.processor(), outcome.dead.size());
        }
    }

    private static String message(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
