package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineNode;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that hangs (kill -STOP: connections stay open, nothing is answered or refused), on a store
 * of the test's own. This JVM serves the producer, two other JVMs the consumer (heartbeat 0.5 s, the
 * client's timeout 3 s). Readiness goes DOWN at once; after the store goes on, runs go on or fail
 * naming the store, never hang; and no node takes another for dead because the store was silent.
 */
@EngineTest
@DatagraphTest(config = "datagraph.processors.enabled=producer")
class StoreHangTest {

    private static final RedisServer STORE = RedisServer.start();
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @Inject
    Datagraph datagraph;

    @Inject
    @Readiness
    jakarta.enterprise.inject.Instance<HealthCheck> readiness;

    @Inject
    io.datagraph.engine.store.StoreClient store;

    @Inject
    io.datagraph.engine.node.NodeDirectory directory;

    private final List<EngineNode> consumers = new ArrayList<>();

    @DatagraphTest.Configuration
    static Map<String, String> ownStore() {
        return STORE.asTheStore();
    }

    @BeforeAll
    void startConsumerNodes() throws Exception {
        Map<String, String> onThisStore = STORE.asTheStore();
        consumers.add(EngineNode.start("hang-consumer-1", "consumer", onThisStore));
        consumers.add(EngineNode.start("hang-consumer-2", "consumer", onThisStore));
        Await.until(() -> directory.served("consumer"), HANG_GUARD, "the consumer nodes never joined");
    }

    @AfterAll
    void stopEverything() {
        consumers.forEach(EngineNode::close);
        STORE.close();
    }

    private HealthCheckResponse storeReadiness() {
        return readiness.stream().map(HealthCheck::call).filter(r -> r.getName().equals("datagraph-store"))
                .findFirst().orElseThrow();
    }

    private Run underway(int values) throws InterruptedException {
        // after a freeze the consumer nodes count again once they have beaten again
        Await.until(() -> directory.served("consumer"), HANG_GUARD, "the consumer nodes did not come back");
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(values)));
        Await.until(() -> consumed(run) >= 50, HANG_GUARD, "the consumer did not get under way");
        return run;
    }

    private static long consumed(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("consumed")).mapToLong(IOState::count).sum();
    }

    private Map<String, String> meta(Run run) {
        RedissonClient redisson = store.redisson();
        return redisson.<String, String>getMap("dg:{" + run.id() + "}:meta").readAllMap();
    }

    @Test
    void aShortFreezeTurnsReadinessDownAndNoNodeIsTakenForDead() throws InterruptedException {
        Run run = underway(400);
        STORE.pause();
        try {
            HealthCheckResponse frozen = storeReadiness();
            assertEquals(HealthCheckResponse.Status.DOWN, frozen.getStatus());
            assertTrue(String.valueOf(frozen.getData().orElseThrow().get("error")).contains("did not answer"),
                    frozen.getData().toString());
            // the freeze itself: longer than three heartbeats, shorter than the client's timeout
            Thread.sleep(2500);
        } finally {
            STORE.resume();
        }
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD), () -> "run ended " + run.failure());
        List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
        assertEquals(LongStream.range(0, 400).boxed().toList(), indexes);
        assertEquals("1", meta(run).get("attempt:consumer"),
                "a node took the consumer over from a live node that only waited for the store");
        Await.until(() -> storeReadiness().getStatus() == HealthCheckResponse.Status.UP, HANG_GUARD, "readiness stayed DOWN");
    }

    @Test
    void aLongFreezeEndsInARunThatCompletesOrFailsNamingTheStoreNeverInAHang() throws InterruptedException {
        Run run = underway(400);
        STORE.pause();
        try {
            assertEquals(HealthCheckResponse.Status.DOWN, storeReadiness().getStatus());
            // the freeze itself: past the client's timeout and retries (3 s, 3 retries 1.5 s apart)
            Thread.sleep(20_000);
        } finally {
            STORE.resume();
        }
        RunStatus status = Await.endThroughStoreTrouble(run, HANG_GUARD);
        if (status == RunStatus.COMPLETED) {
            List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
            assertEquals(LongStream.range(0, 400).boxed().toList(), indexes);
        } else {
            assertEquals(RunStatus.FAILED, status);
            String message = run.failure().orElseThrow().message();
            assertTrue(message.contains(STORE.url()), message);
        }
        Await.until(() -> storeReadiness().getStatus() == HealthCheckResponse.Status.UP, HANG_GUARD, "readiness stayed DOWN");
        Await.until(() -> directory.served("consumer"), HANG_GUARD, "the consumer nodes did not come back after the freeze");
        Run after = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(5)));
        assertEquals(RunStatus.COMPLETED, after.await(HANG_GUARD), "a new run after the freeze");
    }


}
