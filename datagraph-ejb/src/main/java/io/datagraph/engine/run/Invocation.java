package io.datagraph.engine.run;

import io.datagraph.engine.io.StoreIO;
import io.datagraph.engine.trace.TraceSpan;
import io.datagraph.engine.io.StoreEmitter;
import io.datagraph.engine.processor.Binding;
import io.datagraph.engine.processor.ProcessorMethod;
import io.datagraph.engine.protocol.Attempt;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.store.Signals;
import io.datagraph.flow.UnknownProcessorException;
import io.datagraph.spi.ProcessorTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One processor of one run, as a task for an executor: binds the processor's parameters to the run's
 * streams, calls it, then flushes its outputs and reports it finished, or reports its failure.
 *
 * <p>Thread-safe: it runs at most once, on whichever thread claims it first (an executor's, or a
 * reader's helping it along); {@link #interrupt} may come from any thread.
 */
final class Invocation implements ProcessorTask {

    private final Supervisor supervisor;
    private final String runId;
    private final RunPlan plan;
    private final RunPlan.Step step;
    private final String via;
    private final long epoch;
    private final Runnable ended;
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** The thread running it, until it ended; guarded by this. */
    private Thread runner;
    private boolean finished;
    private Attempt attempt;
    /** Per input, a watch of its signals taken before the attempt's first fetches; closed when it ended. */
    private final Map<String, Signals.Watch> watches = new HashMap<>();

    /**
     * @param via   {@code local}, or {@code store} when dispatched (another node can retry it)
     * @param epoch the run's epoch it belongs to (see {@link ProcessorTask#epoch()})
     * @param ended runs once the processor has ended, however it ended (e.g. to acknowledge a dispatch)
     */
    Invocation(Supervisor supervisor, String runId, RunPlan plan, RunPlan.Step step, String via, long epoch,
               Runnable ended) {
        this.supervisor = supervisor;
        this.epoch = epoch;
        this.runId = runId;
        this.plan = plan;
        this.step = step;
        this.via = via;
        this.ended = ended;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String processor() {
        return step.processor();
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public void run() {
        runIfUnclaimed();
    }

    /** Runs it on the calling thread unless it was claimed already. @return whether this call ran it */
    boolean runIfUnclaimed() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        synchronized (this) {
            runner = Thread.currentThread();
        }
        supervisor.invocations().started(this);
        try {
            invoke();
        } finally {
            synchronized (this) {
                finished = true;
            }
            supervisor.invocations().ended(this);
        }
        return true;
    }

    /** Never runs it (its run ended): only says it ended. */
    void discard() {
        if (claimed.compareAndSet(false, true)) {
            ended.run();
        }
    }

    /** Interrupts the processor if it is running; never the thread's later work. */
    synchronized void interrupt() {
        if (runner != null && !finished) {
            runner.interrupt();
        }
    }

    private void invoke() {
        List<StoreEmitter<?>> emitters = new ArrayList<>();
        try {
            ProcessorMethod method = supervisor.method(step.processor())
                    .orElseThrow(() -> new UnknownProcessorException(step.processor()));
            // before the attempt fetches the inputs: a write after that fetch wakes a reader that found nothing
            step.inputs().forEach(input -> watches.put(input, supervisor.signals().watch(runId, input)));
            Optional<Attempt> started = supervisor.attempt(runId, step, via);
            if (started.isEmpty()) {
                end();
                return;
            }
            attempt = started.get();
            List<StoreIO<?>> inputs = new ArrayList<>();
            Object[] arguments = bind(method, emitters, inputs);
            TraceSpan span = supervisor.tracing().attempt(plan.trace(), runId, step.processor(), attempt.number());
            ProcessorMetrics metrics = supervisor.processorMetrics();
            metrics.begin(step.processor());
            Object result;
            try {
                result = new io.datagraph.ProcessorContext(runId, step.processor()).around(() -> {
                    try {
                        return method.invoke(supervisor.beanManager(), arguments);
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new java.util.concurrent.ExecutionException(t);
                    }
                });
            } catch (Throwable thrown) {
                metrics.end(step.processor());
                traced(span, thrown, inputs, emitters);
                throw thrown;
            }
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, error) -> {
                    metrics.end(step.processor());
                    traced(span, error, inputs, emitters);
                    if (error == null) {
                        succeed(emitters);
                    } else {
                        supervisor.failed(runId, plan, step, error, attempt);
                    }
                    end();
                });
                return;
            }
            metrics.end(step.processor());
            traced(span, null, inputs, emitters);
            succeed(emitters);
        } catch (Throwable error) {
            supervisor.failed(runId, plan, step, error, attempt);
        }
        end();
    }

    private void end() {
        watches.values().forEach(Signals.Watch::close);
        ended.run();
    }

    /**
     * Ends the attempt's span: how it ended (an error, the run's cancellation, a newer attempt taking over)
     * and the values it took and gave. Runs at every end of an attempt, so it also settles the inputs' counts
     * (the node's metrics count the values of part-read entries only then).
     */
    private static void traced(TraceSpan span, Throwable error, List<StoreIO<?>> inputs, List<StoreEmitter<?>> emitters) {
        long in = inputs.stream().mapToLong(StoreIO::settleTaken).sum();
        long out = emitters.stream().mapToLong(StoreEmitter::emitted).sum();
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause == null) {
            span.end("DONE", in, out);
        } else if (cause instanceof io.datagraph.RunCancelledException) {
            span.event("cancelled", cause.getMessage());
            span.end("CANCELLED", in, out);
        } else if (cause instanceof io.datagraph.engine.io.AttemptSupersededException) {
            span.event("taken over", cause.getMessage());
            span.end("SUPERSEDED", in, out);
        } else {
            span.failed(cause);
            span.end("FAILED", in, out);
        }
    }

    private Object[] bind(ProcessorMethod method, List<StoreEmitter<?>> emitters, List<StoreIO<?>> inputs) {
        List<Binding> bindings = method.bindings();
        Object[] arguments = new Object[bindings.size()];
        for (int i = 0; i < arguments.length; i++) {
            Binding binding = bindings.get(i);
            if (binding.kind() == Binding.Kind.INPUT) {
                StoreIO<?> input = supervisor.streams().io(runId, binding.stream(), plan.producerOf(binding.stream()),
                        step.processor(), binding.elementType());
                Scripts.Read firstFetch = attempt.firstFetches().get(binding.stream());
                if (firstFetch != null) {
                    input.startWith(firstFetch, watches.get(binding.stream()));
                }
                inputs.add(input);
                arguments[i] = input;
            } else {
                Attempt.Resume resume = attempt.outputs().get(binding.stream());
                StoreEmitter<?> emitter = supervisor.streams().emitter(runId, binding.stream(), binding.elementType(),
                        attempt.writer(), resume.written(), resume.sequence(), plan.elementWiseReadersOf(binding.stream()));
                emitters.add(emitter);
                arguments[i] = emitter;
            }
        }
        return arguments;
    }

    private void succeed(List<StoreEmitter<?>> emitters) {
        try {
            // the values not sent yet are appended by the finish, before the outputs' end markers
            List<Scripts.LastEntry> last = new ArrayList<>();
            emitters.forEach(emitter -> emitter.lastEntry().ifPresent(last::add));
            supervisor.finished(runId, plan, step, attempt, last);
        } catch (Throwable error) {
            supervisor.failed(runId, plan, step, error, attempt);
        }
    }

    @Override
    public String toString() {
        return "processor '" + step.processor() + "' of run " + runId;
    }
}
