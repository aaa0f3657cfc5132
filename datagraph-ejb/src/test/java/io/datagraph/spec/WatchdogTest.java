package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.ProcessorPhase;
import io.datagraph.Run;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineNode;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.TestStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that dies holding runs of its own: whatever happened in the store since, the runs it was
 * running or had queued end FAILED, naming it (test configuration: heartbeat 0.5 s, a node is dead
 * after 1.5 s, every node's watchdog looks every 1.5 s).
 */
@EngineTest
class WatchdogTest {

    /** Three heartbeats to judge the node dead, three more for a watchdog round, and slack for a loaded machine. */
    private static final Duration VERDICT = Duration.ofSeconds(20);

    @Inject
    Datagraph datagraph;

    @Test
    void runsOfANodeThatDiedFailNamingItHoweverManyRunsStartedAfterThem() throws Exception {
        Map<String, String> oneThread = new HashMap<>(TestStore.storeProperties());
        oneThread.put("datagraph.executor.fallback-threads", "1");
        Run running;
        Run queued;
        try (EngineNode doomed = EngineNode.start("doomed-node", "sleeper", oneThread)) {
            running = datagraph.run(doomed.startRun("sleeper"));
            queued = datagraph.run(doomed.startRun("sleeper"));
            awaitPhase(running, ProcessorPhase.RUNNING);
            for (int i = 0; i < 150; i++) {
                assertEquals(RunStatus.COMPLETED, datagraph.start(Flow.of("silent"), Map.of()).await(Duration.ofSeconds(30)));
            }
            doomed.kill();
        }
        assertEquals(ProcessorPhase.WAITING, queued.phases().get("sleeper"), "the second run's processor was queued");
        assertFailedNaming(running, "doomed-node", "stopped answering");
        assertFailedNaming(queued, "doomed-node", "before it started");
    }

    private static void assertFailedNaming(Run run, String node, String how) throws InterruptedException {
        assertEquals(RunStatus.FAILED, run.await(VERDICT), "the run of a dead node still " + run.status());
        RunFailure failure = run.failure().orElseThrow();
        assertTrue(failure.message().contains(node) && failure.message().contains(how), failure.message());
    }

    private static void awaitPhase(Run run, ProcessorPhase phase) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (run.phases().get("sleeper") != phase && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(phase, run.phases().get("sleeper"));
    }
}
