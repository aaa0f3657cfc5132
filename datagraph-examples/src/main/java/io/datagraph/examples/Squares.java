package io.datagraph.examples;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import io.datagraph.flow.Flow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The throughput pipeline: range → square → sum, also declared as the named flow {@code squares}. */
@ApplicationScoped
public class Squares {

    /** Start it with {@code datagraph.start("squares", Map.of("count", List.of(n)))}. */
    @Produces
    static final Flow SQUARES = Flow.named("squares", "range", "square", "sum");

    /** Emits 0..count-1 as fast as it can. */
    @Processor(name = "range", inputs = "count", outputs = "numbers")
    public void range(IO<Integer> count, Emitter<Integer> numbers) {
        int n = count.first();
        for (int i = 0; i < n; i++) {
            numbers.emit(i);
        }
    }

    @Processor(name = "square", inputs = "numbers", outputs = "squares")
    public void square(IO<Integer> numbers, Emitter<Long> squares) {
        for (int x : numbers) {
            squares.emit((long) x * x);
        }
    }

    /** Emits the sum of all squares once its input completes. */
    @Processor(name = "sum", inputs = "squares", outputs = "total")
    public void sum(IO<Long> squares, Emitter<Long> total) {
        long sum = 0;
        for (long x : squares) {
            sum += x;
        }
        total.emit(sum);
    }
}
