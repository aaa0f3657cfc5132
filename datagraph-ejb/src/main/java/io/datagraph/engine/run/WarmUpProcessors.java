package io.datagraph.engine.run;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import io.datagraph.flow.Flow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The engine's own processors, which its deployment warm-up runs as {@link #FLOW}: the shape of a typical
 * pipeline (a source, a step that reads and writes, a sink), so that the first run a user starts finds
 * the engine's run path — admission aside — loaded and compiled. {@linkplain
 * io.datagraph.engine.processor.ProcessorRegistry#isBuiltIn Built in}: no flow a user submits resolves to
 * them. Stateless; thread-safe.
 */
@ApplicationScoped
public class WarmUpProcessors {

    /** count → numbers → squares → total, through these three processors. */
    static final Flow FLOW = Flow.of("datagraph.warm-up.range", "datagraph.warm-up.square", "datagraph.warm-up.sum");
    static final String INPUT = "count";
    static final String OUTPUT = "total";
    /** Every stream of a run of the flow. */
    static final List<String> STREAMS = List.of(INPUT, "numbers", "squares", OUTPUT);

    /** Emits the numbers 0 to n - 1 for each n it reads, as ints (wrapping): both common number types get used. */
    @Processor(name = "datagraph.warm-up.range", inputs = "count", outputs = "numbers")
    public void range(IO<Long> count, Emitter<Integer> numbers) {
        for (long n : count) {
            for (long i = 0; i < n; i++) {
                numbers.emit((int) i);
            }
        }
    }

    @Processor(name = "datagraph.warm-up.square", inputs = "numbers", outputs = "squares")
    public void square(IO<Integer> numbers, Emitter<Long> squares) {
        for (int x : numbers) {
            squares.emit((long) x * x);
        }
    }

    @Processor(name = "datagraph.warm-up.sum", inputs = "squares", outputs = "total")
    public void sum(IO<Long> squares, Emitter<Long> total) {
        long sum = 0;
        for (long x : squares) {
            sum += x;
        }
        total.emit(sum);
    }

    /** The total the flow answers for {@code n}, overflowing as the processors do. */
    static long total(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += (long) (int) i * (int) i;
        }
        return sum;
    }
}
