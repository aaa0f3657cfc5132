package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Processor;
import io.datagraph.test.DatagraphTest;
import io.datagraph.test.FlowTester;
import io.datagraph.test.TestEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test kit as a processor project uses it: {@code @DatagraphTest} with the processors under test
 * named, nothing else of this module deployed.
 */
@DatagraphTest(beans = TestKitTest.Shout.class, config = {"kit.suffix=!", "datagraph.key-prefix=kit"})
class TestKitTest {

    @ApplicationScoped
    public static class Shout {

        @Inject
        @ConfigProperty(name = "kit.suffix")
        String suffix;

        /** Element-wise: one call per value. */
        @Processor(name = "shout", inputs = "words", outputs = "shouts")
        public String shout(String words) {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("nothing to shout");
            }
            return words.toUpperCase() + suffix;
        }
    }

    @Inject
    FlowTester flows;

    @Inject
    Datagraph datagraph;

    @Test
    void aFlowRunsInOneLineWithTheConfiguredProcessor() {
        assertEquals(List.of("HI!", "HO!"),
                flows.run("shout", Map.of("words", List.of("hi", "ho"))).output("shouts", String.class));
    }

    @Test
    void onlyTheNamedBeansAndTheEngineAreDeployed() {
        // the module's example processors (multiply, …) are on the classpath but not named; the key prefix
        // is this class's own, so the store's directory holds no other test's processors
        assertEquals(List.of("shout"), datagraph.processors().stream().map(p -> p.name()).toList());
    }

    @Test
    void aFailedRunFailsTheTestWithTheProcessorsError() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> flows.run("shout", Map.of("words", List.of(""))));
        assertTrue(failure.getMessage().contains("FAILED") && failure.getMessage().contains("nothing to shout"),
                failure.getMessage());
    }

    @Test
    void anEngineStartedByHandHasItsOwnConfiguration() {
        try (TestEngine engine = TestEngine.builder().beans(Shout.class).config("kit.suffix", "?")
                .config("datagraph.key-prefix", "kit-by-hand").start()) {
            assertEquals(List.of("HEY?"),
                    engine.flows().run("shout", Map.of("words", List.of("hey"))).output("shouts", String.class));
        }
    }
}
