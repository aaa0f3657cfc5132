package io.datagraph.engine.run;

import io.datagraph.engine.metrics.Counter;
import io.datagraph.engine.metrics.Gauge;
import io.datagraph.engine.metrics.MetricFamily;
import io.datagraph.engine.processor.ProcessorRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What processors do on this node: invocations (a stream processor's attempt, or one call of an
 * element-wise processor with one value), the failures among them, retries, dead letters, and how many
 * run right now; not the engine's {@linkplain ProcessorRegistry#isBuiltIn built-in} ones (its deployment
 * warm-up's). Thread-safe.
 */
@ApplicationScoped
public class ProcessorMetrics {

    private final Counter invocations = new Counter("datagraph_processor_invocations_total",
            "Processor invocations on this node (element-wise: one per value).", "processor");
    private final Counter failures = new Counter("datagraph_processor_failures_total",
            "Invocations on this node that threw (retried or not).", "processor");
    private final Counter retries = new Counter("datagraph_processor_retries_total",
            "Invocations on this node scheduled again after a failure.", "processor");
    private final Counter deadLetters = new Counter("datagraph_processor_dead_letters_total",
            "Values set aside as dead letters on this node after their last retry.", "processor");
    private final Map<String, AtomicLong> running = new ConcurrentHashMap<>();
    private final Gauge runningNow = new Gauge("datagraph_processor_running",
            "Invocations running on this node now.", List.of("processor"),
            () -> running.entrySet().stream().collect(Collectors.toMap(e -> List.of(e.getKey()), e -> e.getValue().get())));

    /** An invocation of {@code processor} begins; {@link #end} must follow, however it ends. */
    void begin(String processor) {
        if (ProcessorRegistry.isBuiltIn(processor)) {
            return; // the engine's own, run at deployment: not the application's work
        }
        invocations.inc(processor);
        running.computeIfAbsent(processor, name -> new AtomicLong()).incrementAndGet();
    }

    void end(String processor) {
        if (ProcessorRegistry.isBuiltIn(processor)) {
            return;
        }
        running.get(processor).decrementAndGet();
    }

    void failed(String processor) {
        failures.inc(processor);
    }

    void retried(String processor) {
        retries.inc(processor);
    }

    void deadLettered(String processor, int count) {
        deadLetters.add(count, processor);
    }

    public List<MetricFamily> families() {
        return List.of(invocations, failures, retries, deadLetters, runningNow);
    }
}
