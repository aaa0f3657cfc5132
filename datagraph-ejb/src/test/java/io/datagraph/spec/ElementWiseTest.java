package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.DeadLetter;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.spec.fixtures.ElementWiseFixtures;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Element-wise processors: called once per value by workers sharing the values, results committed exactly once. */
@EngineTest
@DatagraphTest(config = {"datagraph.elementwise.unit-size=1", "datagraph.elementwise.lease=PT2S",
        "datagraph.elementwise.reorder-window=4"})
class ElementWiseTest {

    @Inject
    Datagraph datagraph;

    @Inject
    io.datagraph.engine.store.StoreClient store;

    private static List<Integer> sorted(List<Integer> values) {
        List<Integer> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void everyItemIsEnrichedOnceAndTheNegativeOnesBecomeDeadLetters() throws InterruptedException {
        List<Integer> items = new ArrayList<>(IntStream.range(0, 100).boxed().toList());
        items.addAll(List.of(-1, -2));
        Run run = datagraph.start(RunRequest.of(Flow.of("enrich")).inputs(java.util.Map.of("items", items)));
        List<Integer> enriched = run.<Integer>io("enriched", Integer.class).stream().toList();
        assertEquals(IntStream.range(0, 100).map(x -> x * 10).boxed().toList(), sorted(enriched));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        List<DeadLetter> dead = run.deadLetters();
        assertEquals(List.of("-1", "-2"), dead.stream().map(DeadLetter::value).sorted().toList());
        DeadLetter first = dead.stream().filter(d -> d.value().equals("-1")).findFirst().orElseThrow();
        assertEquals("enrich", first.processor());
        assertEquals("IllegalArgumentException: negative item -1", first.error());
        assertEquals(4, first.attempts());
    }

    @Test
    void theWorkersOfOneRunRunAtOnce() {
        ElementWiseFixtures.MEETING.set(new CountDownLatch(4));
        Run run = datagraph.start(RunRequest.of(Flow.of("meet")).concurrency("meet", 4)
                .inputs(java.util.Map.of("guests", IntStream.range(0, 16).boxed().toList())));
        assertEquals(IntStream.range(0, 16).boxed().toList(), sorted(run.<Integer>io("met", Integer.class).stream().toList()));
    }

    @Test
    void anElementWiseProcessorMayEmitSeveralResultsPerValue() {
        Run run = datagraph.start(RunRequest.of(Flow.of("twice")).inputs(java.util.Map.of("singles", List.of("a", "b"))));
        List<String> doubles = new ArrayList<>(run.<String>io("doubles", String.class).stream().toList());
        Collections.sort(doubles);
        assertEquals(List.of("a", "a", "b", "b"), doubles);
    }

    @Test
    void aProcessorAwaitingItsInputsRunsOnceTheElementWiseOneIsDone() {
        Run run = datagraph.start(RunRequest.of(Flow.of("enrich", "countEnriched"))
                .inputs(java.util.Map.of("items", IntStream.range(0, 30).boxed().toList())));
        assertEquals(List.of(30L), run.<Long>io("howMany", Long.class).stream().toList());
    }

    @Test
    void valuesAppendedToAnOpenInputAreShared() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("enrich")).open("items"));
        run.append("items", List.of(1, 2, 3));
        run.append("items", List.of(4));
        run.complete("items");
        assertEquals(List.of(10, 20, 30, 40), sorted(run.<Integer>io("enriched", Integer.class).stream().toList()));
        assertTrue(run.deadLetters().isEmpty());
    }

    @Test
    void anOrderedProcessorsResultsKeepTheOrderOfItsInput() {
        Run run = datagraph.start(RunRequest.of(Flow.of("jitter"))
                .inputs(java.util.Map.of("shuffled", IntStream.range(0, 60).boxed().toList())));
        assertEquals(IntStream.range(0, 60).boxed().toList(), run.<Integer>io("inOrder", Integer.class).stream().toList());
    }

    @Test
    void aSlowValueOfAnOrderedProcessorHoldsBackOnlyAWindowOfLaterValues() {
        ElementWiseFixtures.STARTED.set(0);
        Run run = datagraph.start(RunRequest.of(Flow.of("holdBack"))
                .inputs(java.util.Map.of("queue", IntStream.range(0, 40).boxed().toList())));
        assertEquals(IntStream.range(0, 40).boxed().toList(), run.<Integer>io("served", Integer.class).stream().toList());
        int started = ElementWiseFixtures.STARTED_WHILE_HELD.get();
        assertTrue(started >= 0 && started <= 3,
                "with a reorder window of 4 units, at most 3 values after the held one may start; " + started + " did");
    }

    @Test
    void whatAFailingCallEmittedIsDropped() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("emitThenFail"))
                .inputs(java.util.Map.of("signed", List.of(1, -2, 3))));
        assertEquals(List.of(1, 3), sorted(run.<Integer>io("kept", Integer.class).stream().toList()));
        assertEquals(List.of("-2"), run.deadLetters().stream().map(DeadLetter::value).toList());
    }

    @Test
    void theInputOfAnElementWiseProcessorIsTrimmedBehindItsOutstandingUnits() throws InterruptedException {
        // terminal outputs: numbers and squares are internal, so their consumed entries may go
        Run run = datagraph.start(RunRequest.of(Flow.of("range", "squareEach", "sum"))
                .outputs(io.datagraph.OutputSelection.TERMINAL).input("count", 20_000));
        long expected = java.util.stream.LongStream.range(0, 20_000).map(x -> x * x).sum();
        assertEquals(List.of(expected), run.<Long>io("total", Long.class).stream().toList());
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        var meta = store.redisson().<String, String>getMap(new io.datagraph.engine.protocol.RunKeys("dg", run.id()).meta(),
                org.redisson.client.codec.StringCodec.INSTANCE);
        assertTrue(meta.containsKey("trimmed:numbers"), "the element-wise processor's input was never trimmed");
        assertTrue(store.redisson().getStream(new io.datagraph.engine.protocol.RunKeys("dg", run.id()).stream("numbers"))
                .size() < 10, "20 entries of values were written; most should be gone");
    }
}
