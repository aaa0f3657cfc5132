package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.RunRequest;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.CyclicFlowException;
import io.datagraph.flow.DuplicateOutputException;
import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolutionException;
import io.datagraph.flow.MissingInputException;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;
import io.datagraph.flow.UnexpectedInputException;
import io.datagraph.flow.UnknownFlowException;
import io.datagraph.flow.UnknownProcessorException;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.RunKeyCount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow that does not resolve is refused with its own exception and a message naming the culprit,
 * and nothing of it reaches the store.
 */
@EngineTest
@DatagraphTest(beans = FlowResolutionTest.Loops.class)
class FlowResolutionTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    /** Two processors feeding each other, and one duplicating an output of the examples. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Loops {
        @io.datagraph.Processor(name = "ping", inputs = "pong", outputs = "ping")
        public void ping(io.datagraph.IO<Integer> pong, io.datagraph.Emitter<Integer> ping) {
        }

        @io.datagraph.Processor(name = "pong", inputs = "ping", outputs = "pong")
        public void pong(io.datagraph.IO<Integer> ping, io.datagraph.Emitter<Integer> pong) {
        }

        @io.datagraph.Processor(name = "otherBar", inputs = "a", outputs = "d")
        public void otherBar(io.datagraph.IO<Integer> a, io.datagraph.Emitter<Integer> d) {
        }
    }

    private <E extends FlowResolutionException> E refused(Class<E> type, Executable start) {
        long keysBefore = RunKeyCount.of(store);
        E error = assertThrows(type, start);
        assertEquals(keysBefore, RunKeyCount.of(store), "a refused flow must leave nothing in the store");
        return error;
    }

    @Test
    void unknownProcessorIsRefusedByName() {
        UnknownProcessorException e = refused(UnknownProcessorException.class,
                () -> datagraph.start(Flow.of("foo", "nosuch"), Map.of("a", List.of(1))));
        assertEquals("nosuch", e.processor());
        assertTrue(e.getMessage().contains("'nosuch'"), e.getMessage());
    }

    @Test
    void outputProducedTwiceIsRefusedNamingBothProducers() {
        DuplicateOutputException e = refused(DuplicateOutputException.class,
                () -> datagraph.start(Flow.of("foo", "bar", "otherBar"), Map.of("a", List.of(1))));
        assertEquals("d", e.output());
        assertTrue(e.getMessage().contains("'bar'") && e.getMessage().contains("'otherBar'"), e.getMessage());
    }

    @Test
    void cycleIsRefusedAndListed() {
        CyclicFlowException e = refused(CyclicFlowException.class, () -> datagraph.start(Flow.of("ping", "pong"), Map.of()));
        assertEquals(Set.of("ping", "pong"), Set.copyOf(e.cycle()));
        assertTrue(e.getMessage().contains(" -> "), e.getMessage());
    }

    @Test
    void missingFloatingInputIsRefusedByName() {
        MissingInputException e = refused(MissingInputException.class, () -> datagraph.start(Flow.of("foo", "bar"), Map.of()));
        assertEquals(Set.of("a"), e.missing());
    }

    @Test
    void valuesForAProducedStreamAreRefused() {
        UnexpectedInputException e = refused(UnexpectedInputException.class,
                () -> datagraph.start(RunRequest.of(Flow.of("foo", "bar")).input("a", 1).input("c", 2)));
        assertEquals("c", e.input());
    }

    @Test
    void unknownNamedFlowIsRefused() {
        UnknownFlowException e = refused(UnknownFlowException.class, () -> datagraph.start("nosuchflow", Map.of()));
        assertEquals("nosuchflow", e.flow());
    }

    @Test
    void resolutionGivesTopologyPartitionsAndFloatingInputs() {
        ResolvedFlow flow = datagraph.resolve(Flow.of("second", "first"));
        assertEquals(List.of("first", "second"), flow.processors().stream().map(ProcessorSignature::name).toList());
        assertEquals(2, flow.partitions().size());
        assertEquals(Set.of(), flow.floatingInputs());
        assertEquals(Set.of("a"), datagraph.resolve(Flow.of("foo", "bar")).floatingInputs());
    }

    @Test
    void theEnginesBuiltInProcessorsAreNeitherListedNorStarted() {
        assertTrue(datagraph.processors().stream().noneMatch(p -> ProcessorRegistry.isBuiltIn(p.name())),
                () -> "listed: " + datagraph.processors());
        UnknownProcessorException e = refused(UnknownProcessorException.class,
                () -> datagraph.start(Flow.of("datagraph.warm-up.square"), Map.of("numbers", List.of(1))));
        assertEquals("datagraph.warm-up.square", e.processor());
    }

    @Test
    void processorsListsEveryDeployedSignature() {
        ProcessorSignature second = datagraph.processors().stream()
                .filter(p -> p.name().equals("second")).findFirst().orElseThrow();
        assertEquals(new ProcessorSignature("second", List.of("a"), List.of("b"), true), second);
    }
}
