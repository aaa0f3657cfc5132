package io.datagraph.examples;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import jakarta.enterprise.context.ApplicationScoped;

/** The discrete-task mode: {@code second} starts only once {@code first} has completed {@code a}. */
@ApplicationScoped
public class Partitioned {

    @Processor(name = "first", outputs = "a")
    public void first(Emitter<Integer> a) {
        for (int i = 0; i < 10; i++) {
            a.emit(i);
        }
    }

    /** Emits the sum of all of a, once. */
    @Processor(name = "second", inputs = "a", outputs = "b", awaitInputs = true)
    public void second(IO<Integer> a, Emitter<Integer> b) {
        b.emit(a.stream().mapToInt(Integer::intValue).sum());
    }
}
