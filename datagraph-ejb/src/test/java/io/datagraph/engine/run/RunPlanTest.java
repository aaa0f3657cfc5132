package io.datagraph.engine.run;

import io.datagraph.OutputSelection;
import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolver;
import io.datagraph.flow.ProcessorSignature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's plan, computed from signatures alone: no store, no engine. */
class RunPlanTest {

    private static final Map<String, ProcessorSignature> SIGNATURES = Map.of(
            "range", new ProcessorSignature("range", List.of("count"), List.of("numbers"), false),
            "square", new ProcessorSignature("square", List.of("numbers"), List.of("squares"), false),
            "sum", new ProcessorSignature("sum", List.of("squares"), List.of("total"), false),
            "first", new ProcessorSignature("first", List.of(), List.of("a"), false),
            "second", new ProcessorSignature("second", List.of("a"), List.of("b"), true));

    private static RunPlan plan(OutputSelection selection, String... processors) {
        return RunPlan.of(FlowResolver.resolve(Flow.of(processors), name -> Optional.ofNullable(SIGNATURES.get(name))),
                selection, Set.of());
    }

    @Test
    void eachStreamNamesItsProducerAndItsReaders() {
        RunPlan plan = plan(OutputSelection.FINAL, "range", "square", "sum");
        assertEquals(Optional.of("square"), plan.producerOf("squares"));
        assertEquals(Optional.empty(), plan.producerOf("count"));
        assertEquals(Map.of("count", "range", "numbers", "square", "squares", "sum"), plan.readers());
    }

    @Test
    void internalStreamsAreProducedAndReadWithinTheRunAndNotSelected() {
        assertEquals(List.of("numbers", "squares"), plan(OutputSelection.TERMINAL, "range", "square", "sum")
                .internalStreams());
        assertEquals(List.of(), plan(OutputSelection.ALL, "range", "square", "sum").internalStreams());
    }

    @Test
    void aWaitingProcessorGoesInTheNextPartition() {
        RunPlan plan = plan(OutputSelection.FINAL, "first", "second");
        assertEquals(2, plan.partitions());
        assertEquals(List.of("first"), plan.partition(0).stream().map(RunPlan.Step::processor).toList());
        assertEquals(1, plan.size(1));
        assertEquals(List.of("b"), plan.outputs());
    }

    @Test
    void thePlanResolvesItsFlowAgainWithoutARegistry() {
        RunPlan plan = plan(OutputSelection.FINAL, "range", "square", "sum");
        assertEquals(plan.streams(), List.copyOf(plan.resolved().streams()));
    }
}
