package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.Invocations;
import io.datagraph.flow.Flow;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store restarts in the middle of a run (cleanly, keeping its append-only file). A short outage
 * is ridden out by the client's retries and the run completes intact; a long one fails the run with
 * an error naming the store, recorded once the store is back. Nothing hangs; no processor is left.
 */
@EngineTest
class StoreRestartTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @Inject
    Datagraph datagraph;

    @Inject
    Invocations invocations;

    private static long consumed(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("consumed")).mapToLong(IOState::count).sum();
    }

    private Run underway() throws InterruptedException {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(300)));
        while (consumed(run) < 50) {
            Thread.sleep(20);
        }
        return run;
    }

    private void assertNoProcessorLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (invocations.runningCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, invocations.runningCount(), "processors still running after the run ended");
    }

    @Test
    void shortOutageIsRiddenOutAndTheRunCompletesIntact() throws InterruptedException {
        RedisServer redis = TestStore.server();
        Run run = underway();
        redis.shutdown();
        Thread.sleep(1000); // the outage itself: a second, well inside the store client's retries
        redis.startAgain();
        assertEquals(RunStatus.COMPLETED, Await.endThroughStoreTrouble(run, HANG_GUARD), () -> "run ended " + run.failure());
        List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
        assertEquals(LongStream.range(0, 300).boxed().toList(), indexes);
        assertNoProcessorLeft();
    }

    @Test
    void longOutageFailsTheRunWithAnErrorNamingTheStore() throws InterruptedException {
        RedisServer redis = TestStore.server();
        Run run = underway();
        redis.shutdown();
        // the outage lasts until the processors gave up on the store (past its timeout and retries)
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (invocations.runningCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, invocations.runningCount(), "processors never gave up on the stopped store");
        redis.startAgain();
        RunStatus status = Await.endThroughStoreTrouble(run, HANG_GUARD);
        assertEquals(RunStatus.FAILED, status);
        String message = run.failure().orElseThrow().message();
        assertTrue(message.contains("StoreUnavailableException") && message.contains(redis.url()), message);
        assertNoProcessorLeft();
    }
}
