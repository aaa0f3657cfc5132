package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.LimitExceededException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.RunKeyCount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured limits refuse a request whole, saying which limit and key, and write nothing. */
@EngineTest
@DatagraphTest(config = {"datagraph.limits.processors-per-flow=2", "datagraph.limits.values-per-input=10",
        "datagraph.limits.value-bytes=100"})
class LimitsTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private LimitExceededException refused(Executable request) {
        long before = RunKeyCount.of(store);
        LimitExceededException e = assertThrows(LimitExceededException.class, request);
        assertEquals(before, RunKeyCount.of(store), "a refused request must write nothing");
        return e;
    }

    @Test
    void flowWithTooManyProcessorsIsRefused() {
        LimitExceededException e = refused(() -> datagraph.start(Flow.of("foo", "bar", "foobar"), Map.of("a", List.of(1))));
        assertEquals(LimitExceededException.Limit.PROCESSORS_PER_FLOW, e.limit());
        assertTrue(e.getMessage().contains("datagraph.limits.processors-per-flow"), e.getMessage());
    }

    @Test
    void tooManyValuesForAnInputAreRefused() {
        LimitExceededException e = refused(() -> datagraph.start(Flow.of("greet"),
                Map.of("names", Collections.nCopies(11, "x"))));
        assertEquals(LimitExceededException.Limit.VALUES_PER_INPUT, e.limit());
    }

    @Test
    void aStartRefusedAfterItsAdmissionLeavesNoTraceInTheHistory() {
        String user = "refused-" + java.util.UUID.randomUUID();
        // the values are counted when the run is written, after admission indexed it
        refused(() -> datagraph.start(RunRequest.of(Flow.of("greet")).input("names", Collections.nCopies(11, "x").toArray())
                .startedBy(user)));
        assertEquals(0, store.redisson().getScoredSortedSet("dg:{runs}:history:by:" + user).size());
        assertTrue(store.redisson().<String, String>getMap("dg:{runs}:history:runs").readAllValues().stream()
                .noneMatch(summary -> summary.contains(user)));
        assertTrue(datagraph.history(io.datagraph.RunQuery.all().startedBy(user)).runs().isEmpty());
    }

    @Test
    void tooLargeAValueIsRefusedAtStartAndInAppends() {
        refused(() -> datagraph.start(Flow.of("greet"), Map.of("names", List.of("x".repeat(200)))));
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        assertThrows(LimitExceededException.class, () -> run.append("names", List.of("x".repeat(200))));
        run.cancel();
    }

    @Test
    void processorEmittingTooLargeAValueFailsItsRun() throws InterruptedException {
        // greet emits "bonjour, " + name: 95 characters of name make a value over 100
        Run run = datagraph.start(Flow.of("greet"), Map.of("names", List.of("y".repeat(95))));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertTrue(run.failure().orElseThrow().message().contains("datagraph.limits.value-bytes"),
                run.failure().toString());
    }
}
