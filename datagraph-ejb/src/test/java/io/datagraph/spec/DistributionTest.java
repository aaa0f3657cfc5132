package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.NoLiveNodeException;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.testing.Await;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.EngineNode;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sharing one store: this JVM serves every processor but {@code square}; a second JVM
 * (Weld SE, {@link EngineNode}) serves only {@code square}. Flows that need both run across them.
 */
@EngineTest
@DatagraphTest(config = "datagraph.processors.enabled=range,sum,multiply")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTest {

    private static final String OTHER_NODE = "square-node";

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    @Inject
    io.datagraph.engine.node.NodeDirectory directory;

    private EngineNode squareNode;

    @BeforeAll
    void startTheOtherNode() throws Exception {
        squareNode = EngineNode.start(OTHER_NODE, "square");
    }

    @AfterAll
    void stopTheOtherNode() {
        if (squareNode != null) {
            squareNode.close();
        }
    }

    @Test
    @Order(1)
    void processorsOfOtherNodesAreKnownHere() throws InterruptedException {
        // the other node publishes its processors with its first heartbeat, which may follow its start
        Await.until(() -> directory.served("square"), java.time.Duration.ofSeconds(30), "the other node's processors never appeared");
        ProcessorSignature square = datagraph.processors().stream().filter(p -> p.name().equals("square"))
                .findFirst().orElseThrow();
        assertEquals(List.of("numbers"), square.inputs());
    }

    @Test
    @Order(2)
    void flowRunsAcrossTheNodesThatServeItsProcessors() {
        Run run = datagraph.start("squares", Map.of("count", List.of(5000)));
        long expected = LongStream.range(0, 5000).map(x -> x * x).sum();
        assertEquals(List.of(expected), run.<Long>io("total", Long.class).stream().toList());
        List<String> consumers = store.redisson().getStream("dg:{dispatch}:square").listConsumers("workers")
                .stream().map(consumer -> consumer.getName()).toList();
        assertEquals(List.of(OTHER_NODE), consumers, "square should have run on the other node");
    }

    @Test
    @Order(3)
    void flowNeedingAProcessorNoLiveNodeServesIsRefusedNamingIt() throws InterruptedException {
        squareNode.kill();
        Await.until(() -> !directory.served("square"), java.time.Duration.ofSeconds(30), "the killed node still counts as serving square");
        NoLiveNodeException e = assertThrows(NoLiveNodeException.class,
                () -> datagraph.start("squares", Map.of("count", List.of(10))));
        assertEquals("square", e.processor());
        assertTrue(e.getMessage().contains("'square'"), e.getMessage());
    }

}
