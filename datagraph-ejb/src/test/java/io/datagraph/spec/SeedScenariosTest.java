package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.OutputSelection;
import io.datagraph.ProcessorPhase;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed project's scenarios, with the example processors of the design, against a real Redis. */
@EngineTest
class SeedScenariosTest {

    @Inject
    Datagraph datagraph;

    private static List<Integer> ints(Run run, String io) {
        return run.<Integer>io(io, Integer.class).stream().toList();
    }

    @Test
    void multiplyEmitsEachIndexTimesTheInjectedMultiplier() {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(5)));
        assertEquals(List.of(0, 2, 4, 6, 8), ints(run, "bar"));
    }

    @Test
    void fooEmitsTheTriangularSumOnceAndEveryIndex() {
        Run run = datagraph.start(RunRequest.of(Flow.of("foo")).input("a", 5));
        assertEquals(List.of(10), ints(run, "b"));
        assertEquals(List.of(0, 1, 2, 3, 4), ints(run, "c"));
    }

    @Test
    void barAddsTheFirstBToEveryC() {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(5)));
        assertEquals(List.of(10, 11, 12, 13, 14), ints(run, "d"));
    }

    @Test
    void foobarZipsCWithDAndAddsTheFirstAAndB() {
        Run run = datagraph.start(Flow.of("foo", "bar", "foobar"), Map.of("a", List.of(5)));
        // e = a0 + b0 + c + d = 5 + 10 + c + (10 + c)
        assertEquals(List.of(25, 27, 29, 31, 33), ints(run, "e"));
    }

    @Test
    void finalOutputsAreThoseOfTheLastPartitionUnlessAllAreAsked() {
        Run finalOnly = datagraph.start(Flow.of("first", "second"), Map.of());
        assertEquals(Set.of("b"), finalOnly.outputNames());
        Run all = datagraph.start(RunRequest.of(Flow.of("first", "second")).outputs(OutputSelection.ALL));
        assertEquals(Set.of("a", "b"), all.outputNames());
    }

    @Test
    void awaitingProcessorSeesItsWholeInput() {
        Run run = datagraph.start(Flow.of("first", "second"), Map.of());
        assertEquals(List.of(45), ints(run, "b"));
    }

    @Test
    void consumerHandlesEveryValueOfTheProducerInOrder() {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(20)));
        List<List<Long>> consumed = run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList();
        assertEquals(LongStream.range(0, 20).boxed().toList(), consumed.stream().map(v -> v.get(0)).toList());
    }

    /**
     * Streams, not tasks: link2 emits while link1, upstream, cannot have finished (its input is still
     * open). No clock involved: the run's state alone shows it.
     */
    @Test
    void downstreamEmitsWhileUpstreamStillRuns() {
        Run run = datagraph.start(RunRequest.of(Flow.of("link1", "link2")).open("s0"));
        run.append("s0", List.of(0));
        assertEquals(2, run.<Integer>io("s2", Integer.class).first());
        assertEquals(ProcessorPhase.RUNNING, run.phases().get("link1"), "link1 ended before its input did");
        run.append("s0", List.of(1, 2));
        run.complete("s0");
        assertEquals(List.of(2, 3, 4), run.<Integer>io("s2", Integer.class).stream().toList());
    }

    @Test
    void namedFlowStartsByName() {
        Run run = datagraph.start("squares", Map.of("count", List.of(1000)));
        long expected = LongStream.range(0, 1000).map(x -> x * x).sum();
        assertEquals(List.of(expected), run.<Long>io("total", Long.class).stream().toList());
    }

    @Test
    void runCompletesWhenItsLastPartitionFinishes() throws InterruptedException {
        Run run = datagraph.start(Flow.of("first", "second"), Map.of());
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
    }
}
