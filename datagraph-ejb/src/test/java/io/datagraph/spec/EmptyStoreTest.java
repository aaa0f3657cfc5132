package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that comes back empty (restarted without its data) took the running runs with it: they end
 * FAILED with an error naming the store, rather than turning into unknown runs or hanging, and new
 * runs work.
 */
@EngineTest
class EmptyStoreTest {

    @DatagraphTest.OwnStore
    static RedisServer store;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    Datagraph datagraph;

    @Test
    void runsOfAStoreThatCameBackEmptyFailNamingTheStore() throws InterruptedException {
        // running until its open input completes: multiply waits for its first value
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).open("foo"));
        assertEquals(RunStatus.RUNNING, run.status());
        store.restartEmpty();
        RunStatus status = RunStatus.RUNNING;
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (status == RunStatus.RUNNING && System.nanoTime() < deadline) {
            try {
                status = datagraph.run(run.id()).status();
            } catch (RuntimeException unknownOrStoreBack) {
                // until the engine noticed, the run is unknown to the empty store
            }
            Thread.sleep(50);
        }
        assertEquals(RunStatus.FAILED, status, "the lost run");
        String message = datagraph.run(run.id()).failure().orElseThrow().message();
        assertTrue(message.contains("came back without its data") && message.contains(store.url()), message);
        assertEquals(List.of(0, 2, 4), datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)))
                .<Integer>io("bar", Integer.class).stream().toList(), "a new run on the emptied store");
    }
}
