package io.datagraph.examples;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The seed's first example: {@code foo=5} gives {@code bar = 0 2 4 6 8}. */
@ApplicationScoped
public class Multiply {

    @Inject
    Multiplier multiplier;

    @Processor(name = "multiply", inputs = "foo", outputs = "bar")
    public void run(IO<Integer> foo, Emitter<Integer> bar) {
        int n = foo.first();
        for (int i = 0; i < n; i++) {
            bar.emit(i * multiplier.get());
        }
    }
}
