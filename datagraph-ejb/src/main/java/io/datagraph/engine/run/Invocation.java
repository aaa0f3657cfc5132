package io.datagraph.engine.run;

import io.datagraph.engine.io.StoreEmitter;
import io.datagraph.engine.processor.Binding;
import io.datagraph.engine.processor.ProcessorMethod;
import io.datagraph.spi.ProcessorTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One processor of one run, run on this node: binds its parameters to the run's streams, calls
 * it, then flushes its outputs and reports it finished, or reports its failure.
 */
final class Invocation implements ProcessorTask {

    private final Supervisor supervisor;
    private final String runId;
    private final RunPlan plan;
    private final RunPlan.Step step;
    private final ProcessorMethod method;
    private final String via;
    private final Runnable ended;
    private final AtomicBoolean started = new AtomicBoolean();
    private Attempt attempt;

    /**
     * @param via   {@code local}, or {@code store} when dispatched (another node can retry it)
     * @param ended runs once the processor has ended, however it ended (e.g. to acknowledge a dispatch)
     */
    Invocation(Supervisor supervisor, String runId, RunPlan plan, RunPlan.Step step, ProcessorMethod method,
               String via, Runnable ended) {
        this.supervisor = supervisor;
        this.runId = runId;
        this.plan = plan;
        this.step = step;
        this.method = method;
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
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        List<StoreEmitter<?>> emitters = new ArrayList<>();
        try {
            Optional<Attempt> started = supervisor.attempt(runId, step, via);
            if (started.isEmpty()) {
                ended.run();
                return;
            }
            attempt = started.get();
            Object[] arguments = bind(emitters);
            Object result = method.invoke(supervisor.beanManager(), arguments);
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, error) -> {
                    if (error == null) {
                        succeed(emitters);
                    } else {
                        supervisor.failed(runId, plan, step, error);
                    }
                    ended.run();
                });
                return;
            }
            succeed(emitters);
        } catch (Throwable error) {
            supervisor.failed(runId, plan, step, error);
        }
        ended.run();
    }

    private Object[] bind(List<StoreEmitter<?>> emitters) {
        List<Binding> bindings = method.bindings();
        Object[] arguments = new Object[bindings.size()];
        for (int i = 0; i < arguments.length; i++) {
            Binding binding = bindings.get(i);
            if (binding.kind() == Binding.Kind.INPUT) {
                arguments[i] = supervisor.streams().io(runId, binding.stream(), plan.producerOf(binding.stream()),
                        step.processor(), binding.elementType());
            } else {
                Attempt.Resume resume = attempt.outputs().get(binding.stream());
                StoreEmitter<?> emitter = supervisor.streams().emitter(runId, binding.stream(), binding.elementType(),
                        attempt.writer(), resume.written(), resume.sequence());
                emitters.add(emitter);
                arguments[i] = emitter;
            }
        }
        return arguments;
    }

    private void succeed(List<StoreEmitter<?>> emitters) {
        try {
            // every value must be in the store before the outputs' end markers are
            emitters.forEach(StoreEmitter::flush);
            supervisor.finished(runId, plan, step, attempt);
        } catch (Throwable error) {
            supervisor.failed(runId, plan, step, error);
        }
    }

    @Override
    public String toString() {
        return "processor '" + step.processor() + "' of run " + runId;
    }
}
