package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunCancelledException;
import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.store.StoreClient;
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

/** Cancelling a run stops its processors and frees its streams. */
@EngineTest
class CancellationTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Inject
    Datagraph datagraph;

    @Inject
    Exits exits;

    @Inject
    StoreClient store;

    private Run startedEndless() {
        exits.arm("endless");
        Run run = datagraph.start(Flow.of("endless"), Map.of());
        run.io("ticks", Integer.class).first();
        return run;
    }

    @Test
    void cancellingStopsAProcessorThatKeepsEmitting() throws InterruptedException {
        Run run = startedEndless();
        run.cancel();
        assertTrue(exits.await("endless", HANG_GUARD.toSeconds()), "endless kept running after cancel");
        assertEquals(RunStatus.CANCELLED, run.status());
    }

    @Test
    void cancellingInterruptsAProcessorBlockedOutsideTheStreams() throws InterruptedException {
        exits.arm("sleeper");
        Run run = datagraph.start(Flow.of("sleeper"), Map.of());
        assertTrue(exits.awaitEntered("sleeper", HANG_GUARD.toSeconds()), "sleeper never started");
        run.cancel();
        assertTrue(exits.await("sleeper", HANG_GUARD.toSeconds()), "sleeper was not interrupted");
    }

    @Test
    void cancellingDeletesTheStreamsAndKeepsTheStatus() {
        Run run = startedEndless();
        run.cancel();
        Iterable<String> keys = store.redisson().getKeys().getKeysByPattern("*" + run.id() + "*");
        List<String> left = new java.util.ArrayList<>();
        keys.forEach(left::add);
        assertEquals(List.of("dg:{" + run.id() + "}:meta"), left);
        assertEquals(RunStatus.CANCELLED, datagraph.run(run.id()).status());
    }

    @Test
    void readerWaitingOnACancelledRunThrowsAtOnce() throws InterruptedException {
        Run run = datagraph.start(Flow.of("sleeper"), Map.of());
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                run.io("dreams", Integer.class).first();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        reader.start();
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        run.cancel();
        reader.join(HANG_GUARD.toMillis());
        assertTrue(thrown.get() instanceof RunCancelledException, "the waiting reader got " + thrown.get());
    }

    @Test
    void aCancelledRunsPhasesSayItsProcessorsStopped() throws InterruptedException {
        exits.arm("sleeper");
        // sleeper runs, flood waits for its open input, tally (a later partition) waits for all of flood's
        Run run = datagraph.start(RunRequest.of(Flow.of("sleeper", "flood", "tally")).open("n"));
        assertTrue(exits.awaitEntered("sleeper", HANG_GUARD.toSeconds()), "sleeper never started");
        assertEquals(io.datagraph.ProcessorPhase.WAITING, run.phases().get("tally"));
        run.cancel();
        assertEquals(java.util.Map.of("sleeper", io.datagraph.ProcessorPhase.STOPPED, "flood",
                io.datagraph.ProcessorPhase.STOPPED, "tally", io.datagraph.ProcessorPhase.STOPPED),
                datagraph.run(run.id()).phases());
    }

    @Test
    void cancellingAFinishedRunChangesNothing() throws InterruptedException {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD));
        run.cancel();
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
    }

    @Test
    void unknownRunIsReportedByItsId() {
        UnknownRunException e = assertThrows(UnknownRunException.class, () -> datagraph.run("no-such-run"));
        assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
    }
}
