package io.datagraph.examples;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Shows streaming: the consumer handles each value while the producer is still producing, so its
 * timestamps interleave with the producer's instead of all following them.
 */
@ApplicationScoped
public class ProducerConsumer {

    private static final long PAUSE_MILLIS = 10;

    /** n = first(input); emits {@code [i, epochMillis]} for i &lt; n, 10 ms apart. */
    @Processor(name = "producer", inputs = "input", outputs = "produced")
    public void produce(IO<Integer> input, Emitter<List<Long>> produced) throws InterruptedException {
        int n = input.first();
        for (int i = 0; i < n; i++) {
            produced.emit(List.of((long) i, System.currentTimeMillis()));
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    /** For each {@code [i, t]} emits {@code [i, epochMillis]}, taking 10 ms each. */
    @Processor(name = "consumer", inputs = "produced", outputs = "consumed")
    public void consume(IO<List<Long>> produced, Emitter<List<Long>> consumed) throws InterruptedException {
        for (List<Long> value : produced) {
            consumed.emit(List.of(value.get(0), System.currentTimeMillis()));
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
