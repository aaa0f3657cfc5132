package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineNode;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.TestStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An element-wise processor's values are shared by the workers of every node serving it, and a node
 * killed with kill -9 mid-run leaves its claimed values to the others: every result exactly once.
 * This JVM is node-a; a second JVM is node-b; both serve {@code tag} (4 workers each, 20 ms a value).
 */
@EngineTest
@DatagraphTest(config = {"datagraph.node.id=node-a", "datagraph.elementwise.unit-size=1", "datagraph.elementwise.lease=PT1S"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElementWiseAcrossNodesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Inject
    Datagraph datagraph;

    private EngineNode nodeB;

    @BeforeAll
    void startNodeB() throws Exception {
        Map<String, String> properties = new HashMap<>(TestStore.storeProperties());
        properties.put("datagraph.elementwise.unit-size", "1");
        properties.put("datagraph.elementwise.lease", "PT1S");
        nodeB = EngineNode.start("node-b", "tag", properties);
    }

    @AfterAll
    void stopNodeB() {
        nodeB.close();
    }

    /** value → how many times it appears among the results, and which nodes produced results. */
    private record Tally(Map<Integer, Integer> counts, java.util.Set<String> nodes) {
        static Tally of(List<String> tagged) {
            Map<Integer, Integer> counts = new HashMap<>();
            java.util.Set<String> nodes = new java.util.HashSet<>();
            for (String t : tagged) {
                String[] parts = t.split("@");
                counts.merge(Integer.parseInt(parts[0]), 1, Integer::sum);
                nodes.add(parts[1]);
            }
            return new Tally(counts, nodes);
        }
    }

    private Run start(int values) {
        return datagraph.start(RunRequest.of(Flow.of("tag"))
                .inputs(Map.of("numbers", IntStream.range(0, values).boxed().toList())));
    }

    @Test
    @Order(1)
    void valuesAreSharedByTheWorkersOfBothNodes() {
        Run run = start(200);
        Tally tally = Tally.of(run.<String>io("tagged", String.class).stream().toList());
        assertEquals(200, tally.counts().size());
        assertTrue(tally.counts().values().stream().allMatch(n -> n == 1), "a value was handled twice: " + tally.counts());
        assertEquals(java.util.Set.of("node-a", "node-b"), tally.nodes());
    }

    @Test
    @Order(2)
    void aNodeKilledMidRunLeavesItsValuesToTheOthersAndEveryResultAppearsOnce() throws Exception {
        Run run = start(400);
        var tagged = run.<String>io("tagged", String.class).iterator();
        // wait until node-b is under way
        while (!tagged.next().endsWith("@node-b")) {
            // reading on: the results come as they are committed
        }
        nodeB.kill();
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD), () -> "run ended " + run.failure());
        Tally tally = Tally.of(run.<String>io("tagged", String.class).stream().toList());
        assertEquals(IntStream.range(0, 400).boxed().collect(java.util.stream.Collectors.toSet()), tally.counts().keySet());
        assertTrue(tally.counts().values().stream().allMatch(n -> n == 1), "a value's result appears twice");
    }
}
