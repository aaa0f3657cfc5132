package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.EngineNode;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the node running a processor mid-run (test configuration: heartbeat 0.5 s, so a node is
 * dead after 1.5 s). This JVM serves the producer; two other JVMs serve the consumer.
 */
@EngineTest
@DatagraphTest(config = "datagraph.processors.enabled=producer")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private final List<EngineNode> consumers = new ArrayList<>();

    @BeforeAll
    void startConsumerNodes() throws Exception {
        consumers.add(EngineNode.start("consumer-node-1", "consumer"));
        consumers.add(EngineNode.start("consumer-node-2", "consumer"));
    }

    @AfterAll
    void stopConsumerNodes() {
        consumers.forEach(EngineNode::close);
    }

    private Map<String, String> meta(Run run) {
        return store.redisson().<String, String>getMap("dg:{" + run.id() + "}:meta").readAllMap();
    }

    private long consumed(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("consumed")).mapToLong(IOState::count).sum();
    }

    /** Waits until the consumer has emitted some values, and returns the node running it. */
    private String consumerNodeOnceUnderway(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (consumed(run) < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return meta(run).get("node:consumer");
    }

    private EngineNode node(String id) {
        return consumers.get(id.equals("consumer-node-1") ? 0 : 1);
    }

    @Test
    @Order(1)
    void killedNodesProcessorIsTakenOverAndItsOutputHasNoLossOrDuplicate() throws InterruptedException {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(400)));
        String victim = consumerNodeOnceUnderway(run);
        node(victim).kill();
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD), () -> "run ended " + run.failure());
        List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
        assertEquals(LongStream.range(0, 400).boxed().toList(), indexes);
        Map<String, String> meta = meta(run);
        assertEquals("2", meta.get("attempt:consumer"));
        assertTrue(!meta.get("node:consumer").equals(victim), "the consumer still ran on the killed node");
    }

    @Test
    @Order(2)
    void cancellingStopsTheProcessorOnTheOtherNode() throws InterruptedException {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(400)));
        consumerNodeOnceUnderway(run);
        run.cancel();
        // the remote consumer stops at its next read or write, and its node then acknowledges the dispatch
        var dispatch = store.redisson().getStream("dg:{dispatch}:consumer");
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (dispatch.getPendingInfo("workers").getTotal() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, dispatch.getPendingInfo("workers").getTotal(), "the consumer kept running after the cancel");
        assertEquals(RunStatus.CANCELLED, run.status());
    }

    @Test
    @Order(3)
    void runFailsClearlyWhenNoLiveNodeCanTakeOver() throws InterruptedException {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(400)));
        String last = consumerNodeOnceUnderway(run);
        node(last).kill();
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        RunFailure failure = run.failure().orElseThrow();
        assertEquals("consumer", failure.processor());
        assertTrue(failure.message().contains(last) && failure.message().contains("stopped answering"),
                failure.message());
    }
}
