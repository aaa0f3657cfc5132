package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.FlowFailedException;
import io.datagraph.Run;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.spec.fixtures.Exits;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A processor that throws fails its run, and everybody reading the run learns it at once. The
 * test configuration sets a 30 s poll interval, so the hang guards below can only pass if readers
 * are woken by the failure signal itself.
 */
@EngineTest
class FailureTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Inject
    Datagraph datagraph;

    @Inject
    Exits exits;

    @Test
    void throwingProcessorFailsTheRunWithItsNameAndMessage() throws InterruptedException {
        Run run = datagraph.start(Flow.of("boom"), Map.of("n", List.of(3)));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        assertEquals(new RunFailure("boom", "IllegalStateException: boom after 3 values"), run.failure().orElseThrow());
    }

    @Test
    void readerWaitingOnTheRunThrowsAsSoonAsItFails() {
        Run run = datagraph.start(Flow.of("boom", "relay"), Map.of("n", List.of(3)));
        FlowFailedException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(FlowFailedException.class,
                () -> run.<Integer>io("relayed", Integer.class).stream().toList()));
        assertEquals("boom", e.failure().processor());
        assertTrue(e.getMessage().contains("boom after 3 values") && e.getMessage().contains(run.id()), e.getMessage());
    }

    @Test
    void downstreamProcessorStopsWhenTheRunFails() throws InterruptedException {
        exits.arm("relay");
        datagraph.start(Flow.of("boom", "relay"), Map.of("n", List.of(2)));
        assertTrue(exits.await("relay", HANG_GUARD.toSeconds()), "relay kept running after the run failed");
    }

    @Test
    void readerArrivingAfterTheFailureThrowsToo() throws InterruptedException {
        Run run = datagraph.start(Flow.of("boom"), Map.of("n", List.of(5)));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        FlowFailedException e = assertThrows(FlowFailedException.class, () -> run.io("partial", Integer.class).first());
        assertEquals("boom", e.failure().processor());
    }

    @Test
    void failedCompletionStageFailsTheRun() throws InterruptedException {
        Run run = datagraph.start(Flow.of("laterBoom"), Map.of());
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        assertEquals(new RunFailure("laterBoom", "IllegalArgumentException: async boom"), run.failure().orElseThrow());
    }

    @Test
    void onlyTheFirstFailureIsRecorded() throws InterruptedException {
        // relay fails too (with FlowFailedException) once boom has failed the run; boom stays the culprit
        Run run = datagraph.start(Flow.of("boom", "relay"), Map.of("n", List.of(1)));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        assertEquals("boom", run.failure().orElseThrow().processor());
    }
}
