package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Processors are CDI beans: their dependencies and configuration are injected. */
@EngineTest
class InjectionTest {

    @Inject
    Datagraph datagraph;

    @Test
    void configPropertyInTheProcessorBeanIsTheConfiguredValue() {
        Run run = datagraph.start(Flow.of("greet"), Map.of("names", List.of("Ada", "Grace")));
        // fixture.greeting is "bonjour" in the test configuration; its default is "hello"
        assertEquals(List.of("bonjour, Ada", "bonjour, Grace"), run.<String>io("greetings", String.class).stream().toList());
    }

    @Test
    void injectedBeanProvidesTheMultiplier() {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
    }

    @Test
    void processorEndingThroughACompletionStageCompletesItsOutputs() {
        Run run = datagraph.start(Flow.of("later"), Map.of("n", List.of(7)));
        assertEquals(List.of(70), run.<Integer>io("eventually", Integer.class).stream().toList());
    }
}
