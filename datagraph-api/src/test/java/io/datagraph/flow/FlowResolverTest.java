package io.datagraph.flow;

import io.datagraph.OutputSelection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowResolverTest {

    private static final Map<String, ProcessorSignature> CATALOG = Map.of(
            "foo", new ProcessorSignature("foo", List.of("a"), List.of("b", "c"), false),
            "bar", new ProcessorSignature("bar", List.of("b", "c"), List.of("d"), false),
            "foobar", new ProcessorSignature("foobar", List.of("a", "b", "c", "d"), List.of("e"), false),
            "first", new ProcessorSignature("first", List.of(), List.of("a"), false),
            "second", new ProcessorSignature("second", List.of("a"), List.of("b"), true),
            "third", new ProcessorSignature("third", List.of("b"), List.of("z"), false),
            "copyD", new ProcessorSignature("copyD", List.of("a"), List.of("d"), false),
            "ping", new ProcessorSignature("ping", List.of("y"), List.of("x"), false),
            "pong", new ProcessorSignature("pong", List.of("x"), List.of("y"), false));

    private static ResolvedFlow resolve(String... processors) {
        return FlowResolver.resolve(Flow.of(processors), name -> Optional.ofNullable(CATALOG.get(name)));
    }

    @Test
    void ordersProducersBeforeConsumersWhateverTheListedOrder() {
        ResolvedFlow flow = resolve("foobar", "bar", "foo");
        assertEquals(List.of("foo", "bar", "foobar"), flow.processors().stream().map(ProcessorSignature::name).toList());
    }

    @Test
    void floatingInputsAreThoseNoProcessorProduces() {
        assertEquals(Set.of("a"), resolve("foo", "bar").floatingInputs());
    }

    @Test
    void streamingProcessorsShareOnePartition() {
        ResolvedFlow flow = resolve("foo", "bar", "foobar");
        assertEquals(1, flow.partitions().size());
        assertEquals(Set.of("b", "c", "d", "e"), flow.outputs(OutputSelection.FINAL));
    }

    @Test
    void awaitingProcessorStartsALaterPartitionAndSoDoItsStreamingConsumers() {
        ResolvedFlow flow = resolve("first", "second", "third");
        assertEquals(0, flow.partitionOf("first"));
        assertEquals(1, flow.partitionOf("second"));
        assertEquals(1, flow.partitionOf("third"));
        assertEquals(Set.of("b", "z"), flow.outputs(OutputSelection.FINAL));
        assertEquals(Set.of("a", "b", "z"), flow.outputs(OutputSelection.ALL));
        assertEquals(Set.of("z"), flow.outputs(OutputSelection.TERMINAL));
    }

    @Test
    void unknownProcessorIsNamed() {
        UnknownProcessorException e = assertThrows(UnknownProcessorException.class, () -> resolve("foo", "nope"));
        assertEquals("nope", e.processor());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void outputProducedTwiceNamesBothProducers() {
        DuplicateOutputException e = assertThrows(DuplicateOutputException.class, () -> resolve("bar", "copyD"));
        assertEquals("d", e.output());
        assertTrue(e.getMessage().contains("'bar'") && e.getMessage().contains("'copyD'"), e.getMessage());
    }

    @Test
    void cycleIsListedInDataDirection() {
        CyclicFlowException e = assertThrows(CyclicFlowException.class, () -> resolve("ping", "pong"));
        assertEquals(3, e.cycle().size());
        assertEquals(e.cycle().get(0), e.cycle().get(2));
        assertTrue(e.getMessage().contains("ping -> pong") || e.getMessage().contains("pong -> ping"), e.getMessage());
    }

    @Test
    void missingFloatingInputValuesAreNamed() {
        MissingInputException e = assertThrows(MissingInputException.class, () -> resolve("foo").checkInputs(Set.of()));
        assertEquals(Set.of("a"), e.missing());
    }

    @Test
    void valuesForAProducedStreamAreRefused() {
        UnexpectedInputException e = assertThrows(UnexpectedInputException.class,
                () -> resolve("foo", "bar").checkInputs(Set.of("a", "b")));
        assertEquals("b", e.input());
        assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
    }

    @Test
    void valuesForAStreamTheFlowDoesNotReadAreRefused() {
        assertThrows(UnexpectedInputException.class, () -> resolve("foo").checkInputs(Set.of("a", "zzz")));
    }

    @Test
    void aProcessorListedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Flow.of("foo", "foo"));
    }
}
