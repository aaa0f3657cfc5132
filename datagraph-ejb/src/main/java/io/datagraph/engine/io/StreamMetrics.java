package io.datagraph.engine.io;

import io.datagraph.engine.metrics.Counter;
import io.datagraph.engine.metrics.MetricFamily;
import io.datagraph.engine.processor.ProcessorRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The values processors read and emit on this node, per processor and stream. A reader or writer takes
 * its cell once and increments it per value: no lookup, no store round trip. The engine's {@linkplain
 * ProcessorRegistry#isBuiltIn built-in} processors get cells of their own that no metric shows. Thread-safe.
 */
@ApplicationScoped
public class StreamMetrics {

    private final Counter read = new Counter("datagraph_processor_values_read_total",
            "Values processors on this node took from a stream.", "processor", "stream");
    private final Counter emitted = new Counter("datagraph_processor_values_emitted_total",
            "Values processors on this node emitted on a stream.", "processor", "stream");

    /** The cell counting what {@code processor} reads of {@code stream}. */
    public LongAdder read(String processor, String stream) {
        return ProcessorRegistry.isBuiltIn(processor) ? new LongAdder() : read.cell(processor, stream);
    }

    /** The cell counting what {@code processor} emits on {@code stream}. */
    public LongAdder emitted(String processor, String stream) {
        return ProcessorRegistry.isBuiltIn(processor) ? new LongAdder() : emitted.cell(processor, stream);
    }

    public List<MetricFamily> families() {
        return List.of(read, emitted);
    }
}
