package ${package};

import io.datagraph.Processor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Greets each name of its input {@code names} on its output {@code greetings}. Element-wise: the engine
 * calls it once per value, on as many servers as serve it, and retries or sets aside a value that
 * fails (see {@link Processor#retries()} and {@link Processor#onFailure()}).
 */
@ApplicationScoped
public class Greet {

    @Processor(name = "greet", inputs = "names", outputs = "greetings")
    public String greet(String names) {
        return "Hello, " + names + "!";
    }
}
