package io.datagraph.examples;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import jakarta.enterprise.context.ApplicationScoped;

/** Three processors that stream into one another: {@code foo} feeds {@code bar}, both feed {@code foobar}. */
@ApplicationScoped
public class FooBar {

    /** n = first(a); b = 0+1+…+(n-1) once; c = 0..n-1. */
    @Processor(name = "foo", inputs = "a", outputs = {"b", "c"})
    public void foo(IO<Integer> a, Emitter<Integer> b, Emitter<Integer> c) {
        int n = a.first();
        b.emit(n * (n - 1) / 2);
        for (int i = 0; i < n; i++) {
            c.emit(i);
        }
    }

    /** For each c, d = first(b) + c. */
    @Processor(name = "bar", inputs = {"b", "c"}, outputs = "d")
    public void bar(IO<Integer> b, IO<Integer> c, Emitter<Integer> d) {
        int b0 = b.first();
        for (int value : c) {
            d.emit(b0 + value);
        }
    }

    /** e = first(a) + first(b) + c + d, c and d taken pairwise. */
    @Processor(name = "foobar", inputs = {"a", "b", "c", "d"}, outputs = "e")
    public void foobar(IO<Integer> a, IO<Integer> b, IO<Integer> c, IO<Integer> d, Emitter<Integer> e) {
        int a0 = a.first();
        int b0 = b.first();
        c.zipWith(d, Integer::sum).forEach(cd -> e.emit(a0 + b0 + cd));
    }
}
