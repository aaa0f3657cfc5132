package ${package};

import io.datagraph.test.DatagraphTest;
import io.datagraph.test.FlowTester;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs {@code greet} on the real engine and a real Redis/Valkey (started for the test run). */
@DatagraphTest(beans = Greet.class)
class GreetTest {

    @Inject
    FlowTester flows;

    @Test
    void greetsEveryNameInOrder() {
        List<String> greetings = flows.run("greet", Map.of("names", List.of("Ada", "Linus")))
                .output("greetings", String.class);

        assertEquals(List.of("Hello, Ada!", "Hello, Linus!"), greetings);
    }
}
